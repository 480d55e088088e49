"""Batch inputs: what each INPUT is, and the records it holds, each with a stable reference.

    a directory   every .html, .htm and .txt file under it, in path order   ref: the file's path
    a file        one .html, .htm or .txt article                           ref: its path
    JSONL         one JSON object a line: url, html or text, published, outlet   ref: path#LINE
    WARC(.gz)     response records with an HTML body (warcio reads them)    ref: path#WARC-Record-ID
    Parquet       the JSONL's fields as columns (pyarrow reads them)        ref: path#ROW

The kind is told from the content (Parquet's and WARC's magic bytes, gzip, a JSON object on the
first line), not the name. ``open_input`` fails with one line when a path cannot be an input; a
record inside an input that cannot be read (a line that is not JSON, a record without a body, a
truncated WARC) becomes a ``Record`` carrying its error, and the batch goes on.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional

from ..errors import EncodingError, InputError, NewsauditError
from ..ingest import Document, load_document, read_input
from ..settings import Settings

ARTICLE_SUFFIXES = {".html": "html", ".htm": "html", ".txt": "text"}
FIELDS = ("url", "html", "text", "published", "outlet")
PARQUET_BATCH = 256


@dataclass(frozen=True)
class Record:
    """One article to audit, as it came: a file to read, or content with what the input said of it."""

    ref: str
    format: str  # dir | file | jsonl | warc | parquet
    path: Optional[Path] = None  # a file to read (dir and file inputs)
    content: Optional[str | bytes] = None
    kind: Optional[str] = None  # text | html, when the input says
    input_kind: Optional[str] = None  # the report's input.kind (warc, json), else the content's kind
    url: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None
    charset: Optional[str] = None  # an HTTP header's charset, tried when the body is not UTF-8
    error: Optional[NewsauditError] = None  # the record could not be read from its input

    def document(self, settings: Settings) -> Document:
        """The record as a ``Document`` (decoded, within the settings' size cap), or the error that refuses it."""
        if self.error is not None:
            raise self.error
        settings = settings.replace(kind=self.kind or settings.kind, url=self.url or settings.url)
        if self.path is not None:
            return read_input(str(self.path), settings)
        assert self.content is not None
        try:
            return load_document(self.content, settings, name=self.ref, input_kind=self.input_kind)
        except EncodingError:
            if not self.charset or settings.encoding:
                raise
            return load_document(self.content, settings.replace(encoding=self.charset), name=self.ref,
                                 input_kind=self.input_kind)


class Input:
    """One INPUT path; ``records()`` reads it from the start, ``count()`` says how many records it has."""

    format = "?"

    def __init__(self, path: Path, settings: Settings) -> None:
        self.path = path
        self.settings = settings

    def records(self) -> Iterator[Record]:
        raise NotImplementedError

    def count(self) -> int:
        return sum(1 for _ in self.records())


class DirectoryInput(Input):
    format = "dir"

    def files(self) -> list[Path]:
        return sorted(path for path in self.path.rglob("*")
                      if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file())

    def records(self) -> Iterator[Record]:
        for path in self.files():
            yield Record(ref=str(path), format=self.format, path=path, kind=ARTICLE_SUFFIXES[path.suffix.lower()])

    def count(self) -> int:
        return len(self.files())


class FileInput(Input):
    format = "file"

    def records(self) -> Iterator[Record]:
        yield Record(ref=str(self.path), format=self.format, path=self.path,
                     kind=ARTICLE_SUFFIXES.get(self.path.suffix.lower()))

    def count(self) -> int:
        return 1


class JsonlInput(Input):
    format = "jsonl"

    def _open(self):  # noqa: ANN202 - a binary file object
        return gzip.open(self.path, "rb") if _is_gzip(self.path) else self.path.open("rb")

    def records(self) -> Iterator[Record]:
        with self._open() as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                ref = f"{self.path}#{number}"
                try:
                    fields = json.loads(line)
                except (UnicodeDecodeError, ValueError) as error:
                    yield Record(ref=ref, format=self.format, error=InputError(
                        f"line {number} is not a JSON object ({_short(error)})"))
                    continue
                yield record_of_fields(fields, ref, self.format, f"line {number}", "json")

    def count(self) -> int:
        with self._open() as handle:
            return sum(1 for line in handle if line.strip())


class ParquetInput(Input):
    format = "parquet"

    def _file(self):  # noqa: ANN202 - a pyarrow ParquetFile
        import pyarrow.parquet as pq

        try:
            parquet = pq.ParquetFile(self.path)
        except Exception as error:  # noqa: BLE001 - pyarrow raises several kinds for a bad file
            raise InputError(f"{self.path} cannot be read as Parquet: {_short(error)}") from error
        names = set(parquet.schema_arrow.names)
        if not names & {"html", "text"}:
            raise InputError(f"{self.path} has no html or text column (its columns: {', '.join(sorted(names))})")
        return parquet, [name for name in FIELDS if name in names]

    def records(self) -> Iterator[Record]:
        parquet, columns = self._file()
        row = 0
        try:
            for batch in parquet.iter_batches(batch_size=PARQUET_BATCH, columns=columns):
                for fields in batch.to_pylist():
                    row += 1
                    yield record_of_fields(fields, f"{self.path}#{row}", self.format, f"row {row}", None)
        except (OSError, ValueError) as error:  # a truncated or corrupt row group: what came before stands
            yield Record(ref=f"{self.path}#{row + 1}", format=self.format,
                         error=InputError(f"{self.path} is corrupt after row {row}: {_short(error)}"))

    def count(self) -> int:
        return self._file()[0].metadata.num_rows


class WarcInput(Input):
    """Response records whose HTTP status is 2xx and whose content type is HTML (or unstated)."""

    format = "warc"

    def records(self) -> Iterator[Record]:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        limit = self.settings.max_bytes
        with self.path.open("rb") as handle:
            iterator = ArchiveIterator(handle)
            offset = 0
            try:
                for record in iterator:
                    if not _is_html_response(record):
                        offset = iterator.get_record_offset()  # reads past the record: only after its body
                        continue
                    record_id = record.rec_headers.get_header("WARC-Record-ID")
                    body = record.content_stream().read(limit + 1)  # past the cap: refused as too large
                    offset = iterator.get_record_offset()
                    if len(body) <= limit and getattr(record.raw_stream, "limit", 0) > 0:
                        raise EOFError(f"the record at offset {offset} ends before its Content-Length")
                    yield Record(ref=f"{self.path}#{record_id or f'offset {offset}'}", format=self.format,
                                 content=body, kind="html", input_kind="warc",
                                 url=record.rec_headers.get_header("WARC-Target-URI"), charset=_charset(record))
            except (ArchiveLoadFailed, OSError, EOFError, ValueError) as error:
                yield Record(ref=f"{self.path}#after offset {offset}", format=self.format,
                             error=InputError(f"{self.path} is truncated or corrupt at offset {offset}: "
                                              f"{_short(error)}"))


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "text/html").lower()
    return status.startswith("2") and ("html" in content_type or content_type.startswith("text/plain"))


def _charset(record: Any) -> Optional[str]:
    content_type = record.http_headers.get_header("Content-Type") or ""
    for part in content_type.split(";"):
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def record_of_fields(fields: Any, ref: str, format: str, where: str, input_kind: Optional[str]) -> Record:
    """A JSONL line's or Parquet row's fields as a record; what is missing or mistyped is the record's error."""
    if not isinstance(fields, dict):
        return Record(ref=ref, format=format, error=InputError(f"{where} is not a JSON object"))
    html, text = fields.get("html"), fields.get("text")
    content, kind = (html, "html") if isinstance(html, str) and html.strip() else (text, "text")
    if not isinstance(content, str) or not content.strip():
        return Record(ref=ref, format=format, error=InputError(f"{where} has no html or text"))
    bad = [name for name in ("url", "published", "outlet") if fields.get(name) is not None
           and not isinstance(fields.get(name), str)]
    if bad:
        return Record(ref=ref, format=format, error=InputError(f"{where}: {', '.join(bad)} must be a string"))
    return Record(ref=ref, format=format, content=content, kind=kind, input_kind=input_kind,
                  url=fields.get("url") or None, published=fields.get("published") or None,
                  outlet=fields.get("outlet") or None)


# ---------------------------------------------------------------- telling what an input is

def open_input(source: str, settings: Settings) -> Input:
    """The ``Input`` that reads ``source``; an ``InputError`` in one line when it cannot be one."""
    path = Path(source)
    try:
        if path.is_dir():
            return DirectoryInput(path, settings)
        if not path.exists():
            raise InputError(f"no such file or directory: {source}")
        if not path.is_file():
            raise InputError(f"{source} is not a file or a directory")
        head = _head(path)
    except PermissionError:
        raise InputError(f"cannot read {source}: permission denied") from None
    kind = sniff(head)
    if kind == "parquet":
        return ParquetInput(path, settings)
    if kind == "warc":
        return WarcInput(path, settings)
    if kind == "jsonl":
        return JsonlInput(path, settings)
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        return FileInput(path, settings)
    raise InputError(f"cannot tell what {source} is: give a directory, a JSONL, WARC, WARC.gz or Parquet "
                     "file, or an .html, .htm or .txt article")


def _head(path: Path, size: int = 512) -> bytes:
    with path.open("rb") as handle:
        head = handle.read(size)
    if head.startswith(b"\x1f\x8b"):
        try:
            with gzip.open(path, "rb") as handle:
                return handle.read(size)
        except (OSError, EOFError):
            return b""
    return head


def sniff(head: bytes) -> Optional[str]:
    """parquet, warc or jsonl from a file's first bytes (decompressed when gzip), else None."""
    if head.startswith(b"PAR1"):
        return "parquet"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/"):
        return "warc"
    if stripped.startswith(b"{"):
        return "jsonl"
    return None


def _is_gzip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == b"\x1f\x8b"


def _short(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return (text[:160] + "...") if len(text) > 160 else text or type(error).__name__

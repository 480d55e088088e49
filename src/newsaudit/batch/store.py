"""The batch store: one DuckDB file, its tables declared once in ``TABLES``.

Every table is a ``Table``: its name, its typed columns, the key a row is unique by, and the
function that turns one audited record into its rows. Adding a table (story links across
articles, say) is adding one ``Table`` to ``TABLES``: the schema, the writes, the Parquet export
and the README's description all follow from that tuple.

Rows are read from the report *dict* (``Report.to_dict()`` or its JSON), defensively: a field a
report does not have yet (article-level places, quote kinds, the stages that ran) is NULL or no
rows, so the store keeps working while the report grows.

Each input record is written whole within one transaction: its ``inputs`` row (the resume
ledger), and either its article with every child row or its ``errors`` row. A transaction holds
a group of whole records (a DuckDB commit costs far more than the rows it adds), never part of
one. A run killed at any moment leaves whole records or nothing; a rerun skips every
``(input_ref, article_id)`` the ledger holds.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence

from ..errors import ConfigError, InputError

STORE_VERSION = "1"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a DuckDB type
    doc: str


@dataclass(frozen=True)
class Outcome:
    """What became of one input record: its report (as a dict) or the error that refused it."""

    input_ref: str
    input_format: str  # dir | file | jsonl | warc | parquet
    article_id: Optional[str]
    report: Optional[dict[str, Any]] = None
    error_code: Optional[str] = None
    error_message: Optional[str] = None
    input_outlet: Optional[str] = None  # what the crawl record said, beside what newsaudit found
    input_published: Optional[str] = None
    duplicate: bool = False  # its article is already stored from another record: a ledger row only

    @property
    def status(self) -> str:
        return "duplicate" if self.duplicate else "error" if self.report is None else "audited"


RowsOf = Callable[[Outcome], list[tuple]]


@dataclass(frozen=True)
class Table:
    name: str
    doc: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    rows: RowsOf

    def ddl(self) -> str:
        columns = ", ".join(f"{column.name} {column.type}" for column in self.columns)
        key = f", PRIMARY KEY ({', '.join(self.key)})" if self.key else ""
        return f"CREATE TABLE IF NOT EXISTS {self.name} ({columns}{key})"

    def insert_sql(self) -> str:
        marks = ", ".join("?" for _ in self.columns)
        return f"INSERT INTO {self.name} VALUES ({marks})"


# ---------------------------------------------------------------- reading a report dict defensively

def _get(data: Any, *path: str) -> Any:
    for name in path:
        if not isinstance(data, dict):
            return None
        data = data.get(name)
    return data


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _str(value: Any) -> Optional[str]:
    return None if value is None else str(value)


def _float(value: Any) -> Optional[float]:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _int(value: Any) -> Optional[int]:
    return int(value) if isinstance(value, int) and not isinstance(value, bool) else None


def _bool(value: Any) -> Optional[bool]:
    return value if isinstance(value, bool) else None


def _date(value: Any) -> Optional[date]:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _speaker(value: Any) -> tuple[Optional[str], Optional[str]]:
    if isinstance(value, dict):
        return _str(value.get("name")), _str(value.get("role"))
    return _str(value), None


def _stages(report: dict[str, Any]) -> Optional[list[str]]:
    """The stages that ran, wherever the report keeps them (a list of names or of dicts)."""
    stages = report.get("stages", _get(report, "input", "stages"))
    if not isinstance(stages, list):
        return None
    names = [item.get("name") if isinstance(item, dict) else item for item in stages]
    return [str(name) for name in names if name is not None]


# ---------------------------------------------------------------- rows of each table

def _input_rows(outcome: Outcome) -> list[tuple]:
    return [(outcome.input_ref, outcome.article_id or "", outcome.input_format, outcome.status, _now())]


def _article_rows(outcome: Outcome) -> list[tuple]:
    report = outcome.report
    if report is None or outcome.duplicate:
        return []
    article, scores = report.get("article") or {}, report.get("scores") or {}
    text = article.get("text") or ""
    return [(
        outcome.article_id, outcome.input_ref, outcome.input_format, _str(_get(report, "input", "kind")),
        _str(_get(report, "input", "sha256")),
        _str(article.get("outlet")), _str(article.get("domain")), _str(article.get("url")),
        _str(article.get("headline")), _str(article.get("byline")), _str(article.get("published")),
        _date(article.get("published")), _str(article.get("published_source")), _str(article.get("language")),
        outcome.input_outlet, outcome.input_published, len(text.split()),
        len(_list(report.get("claims"))), len(_list(report.get("quotes"))), len(_list(report.get("findings"))),
        _float(scores.get("provenance")), _float(scores.get("consistency")), _stages(report),
        [str(note) for note in _list(report.get("notes"))], _str(_get(report, "tool", "version")),
        json.dumps(report, ensure_ascii=False), _now(),
    )]


def _claim_rows(outcome: Outcome) -> list[tuple]:
    rows = []
    for index, claim in enumerate(_list((outcome.report or {}).get("claims"))):
        speaker, role = _speaker(claim.get("speaker"))
        rows.append((outcome.article_id, index, _str(claim.get("id")), _str(claim.get("text")),
                     _int(claim.get("start")), _int(claim.get("end")), _float(claim.get("checkworthy")),
                     speaker, role, _str(claim.get("source")), len(_list(claim.get("quantities"))),
                     len(_list(claim.get("times"))), len(_list(claim.get("places")))))
    return rows


def _quote_rows(outcome: Outcome) -> list[tuple]:
    rows = []
    for index, quote in enumerate(_list((outcome.report or {}).get("quotes"))):
        speaker, role = _speaker(quote.get("speaker"))
        rows.append((outcome.article_id, index, _str(quote.get("text")), speaker, role or _str(quote.get("role")),
                     _str(quote.get("cue")), _bool(quote.get("direct")), _str(quote.get("kind")),
                     _int(quote.get("start")), _int(quote.get("end"))))
    return rows


def _place_rows(outcome: Outcome) -> list[tuple]:
    """Article-level places (``report.places`` or ``article.places``, when the report has them),
    then each claim's places with its claim id."""
    report = outcome.report or {}
    article_places = report.get("places")
    if not isinstance(article_places, list):
        article_places = _list(_get(report, "article", "places"))
    located = [(None, place) for place in article_places]
    located += [(_str(claim.get("id")), place) for claim in _list(report.get("claims"))
                for place in _list(claim.get("places"))]
    rows = []
    for index, (claim_id, place) in enumerate(located):
        if not isinstance(place, dict):
            continue
        rows.append((outcome.article_id, index, claim_id, _str(place.get("text")), _str(place.get("name")),
                     _str(place.get("kind")), _str(place.get("country")), _float(place.get("lat")),
                     _float(place.get("lon")), _int(place.get("geonames_id")),
                     _int(place.get("char_start", place.get("start"))), _int(place.get("char_end", place.get("end")))))
    return rows


def _finding_rows(outcome: Outcome) -> list[tuple]:
    rows = []
    for index, finding in enumerate(_list((outcome.report or {}).get("findings"))):
        evidence = [item for item in _list(finding.get("evidence")) if isinstance(item, dict)]
        first = evidence[0] if evidence else {}
        refs = [_str(ref.get("source")) for ref in _list(finding.get("refs")) if isinstance(ref, dict)]
        rows.append((outcome.article_id, index, _str(finding.get("code")), _str(finding.get("severity")),
                     _str(finding.get("message")), _str(first.get("text")), _str(first.get("where")),
                     _int(first.get("start")), _int(first.get("end")), len(evidence),
                     [ref for ref in refs if ref], json.dumps(evidence, ensure_ascii=False)))
    return rows


def _error_rows(outcome: Outcome) -> list[tuple]:
    if outcome.status != "error":
        return []
    return [(outcome.input_ref, outcome.article_id, outcome.input_format, outcome.error_code or "error",
             outcome.error_message or "", _now())]


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _c(name: str, type_: str, doc: str) -> Column:
    return Column(name, type_, doc)


ARTICLE_KEY = _c("article_id", "VARCHAR NOT NULL", "the stable article id (`input.article_id` of the report)")

TABLES: tuple[Table, ...] = (
    Table("inputs", "the resume ledger: one row per input record handled, audited or refused", (
        _c("input_ref", "VARCHAR NOT NULL", "where the record came from: a path, or `path#line N`, `path#row N`, "
                                            "`path#<WARC-Record-ID>`"),
        _c("article_id", "VARCHAR NOT NULL", "its article id ('' when the record could not be read at all)"),
        _c("input_format", "VARCHAR", "dir, file, jsonl, warc or parquet"),
        _c("status", "VARCHAR", "audited or error"),
        _c("stored_at", "TIMESTAMP", "when it was stored (UTC)"),
    ), ("input_ref", "article_id"), _input_rows),
    Table("articles", "one row per audited article", (
        ARTICLE_KEY,
        _c("input_ref", "VARCHAR", "the first input record it came from"),
        _c("input_format", "VARCHAR", "dir, file, jsonl, warc or parquet"),
        _c("input_kind", "VARCHAR", "`input.kind` of the report: text, html, warc or json"),
        _c("sha256", "VARCHAR", "of the record's bytes"),
        _c("outlet", "VARCHAR", "the outlet newsaudit found"),
        _c("domain", "VARCHAR", ""), _c("url", "VARCHAR", ""), _c("headline", "VARCHAR", ""),
        _c("byline", "VARCHAR", ""),
        _c("published", "VARCHAR", "as the report says it (may be partial: `2025-11`)"),
        _c("published_date", "DATE", "`published` when it is a whole date"),
        _c("published_source", "VARCHAR", "metadata, text or inferred"),
        _c("language", "VARCHAR", "ISO 639-1 code"),
        _c("input_outlet", "VARCHAR", "the outlet the input record named (JSONL/Parquet `outlet`)"),
        _c("input_published", "VARCHAR", "the date the input record gave (JSONL/Parquet `published`)"),
        _c("words", "INTEGER", "words in the body"),
        _c("n_claims", "INTEGER", ""), _c("n_quotes", "INTEGER", ""), _c("n_findings", "INTEGER", ""),
        _c("score_provenance", "DOUBLE", "`scores.provenance`"),
        _c("score_consistency", "DOUBLE", "`scores.consistency`"),
        _c("stages", "VARCHAR[]", "the stages that ran, when the report lists them"),
        _c("notes", "VARCHAR[]", "the report's notes"),
        _c("tool_version", "VARCHAR", "newsaudit version"),
        _c("report", "JSON", "the whole report"),
        _c("stored_at", "TIMESTAMP", "when it was stored (UTC)"),
    ), ("article_id",), _article_rows),
    Table("claims", "one row per claim", (
        ARTICLE_KEY, _c("idx", "INTEGER NOT NULL", "position in the report"),
        _c("claim_id", "VARCHAR", ""), _c("text", "VARCHAR", ""),
        _c("char_start", "INTEGER", "offset in the body"), _c("char_end", "INTEGER", ""),
        _c("checkworthy", "DOUBLE", "0..1"), _c("speaker", "VARCHAR", ""), _c("speaker_role", "VARCHAR", ""),
        _c("source", "VARCHAR", ""), _c("n_quantities", "INTEGER", ""), _c("n_times", "INTEGER", ""),
        _c("n_places", "INTEGER", ""),
    ), ("article_id", "idx"), _claim_rows),
    Table("quotes", "one row per quote", (
        ARTICLE_KEY, _c("idx", "INTEGER NOT NULL", "position in the report"), _c("text", "VARCHAR", ""),
        _c("speaker", "VARCHAR", ""), _c("role", "VARCHAR", ""), _c("cue", "VARCHAR", ""),
        _c("direct", "BOOLEAN", ""), _c("kind", "VARCHAR", "the quote's kind, when the report gives one"),
        _c("char_start", "INTEGER", ""), _c("char_end", "INTEGER", ""),
    ), ("article_id", "idx"), _quote_rows),
    Table("places", "one row per place: the article's own (claim_id NULL), then each claim's", (
        ARTICLE_KEY, _c("idx", "INTEGER NOT NULL", ""), _c("claim_id", "VARCHAR", "NULL for an article-level place"),
        _c("text", "VARCHAR", "as written"), _c("name", "VARCHAR", "gazetteer name"),
        _c("kind", "VARCHAR", "city, region or country"), _c("country", "VARCHAR", "ISO 3166 code"),
        _c("lat", "DOUBLE", ""), _c("lon", "DOUBLE", ""), _c("geonames_id", "BIGINT", ""),
        _c("char_start", "INTEGER", ""), _c("char_end", "INTEGER", ""),
    ), ("article_id", "idx"), _place_rows),
    Table("findings", "one row per finding", (
        ARTICLE_KEY, _c("idx", "INTEGER NOT NULL", ""), _c("code", "VARCHAR", "finding code (codes.py)"),
        _c("severity", "VARCHAR", "info, low, medium or high"), _c("message", "VARCHAR", ""),
        _c("evidence_text", "VARCHAR", "the first evidence"), _c("evidence_where", "VARCHAR", ""),
        _c("evidence_start", "INTEGER", ""), _c("evidence_end", "INTEGER", ""),
        _c("n_evidence", "INTEGER", ""), _c("refs", "VARCHAR[]", "sources it was checked against"),
        _c("evidence", "JSON", "every evidence"),
    ), ("article_id", "idx"), _finding_rows),
    Table("errors", "one row per input record that could not be audited", (
        _c("input_ref", "VARCHAR NOT NULL", ""), _c("article_id", "VARCHAR", "when the record could be read"),
        _c("input_format", "VARCHAR", ""), _c("code", "VARCHAR", "error code (errors.py: input.empty, ...)"),
        _c("message", "VARCHAR", "one line"), _c("stored_at", "TIMESTAMP", ""),
    ), (), _error_rows),
)

TABLE_NAMES = tuple(table.name for table in TABLES)


@functools.lru_cache(maxsize=None)
def arrow_type(sql_type: str) -> Any:
    """The Arrow type rows of a column of ``sql_type`` are handed to DuckDB in."""
    import pyarrow as pa

    return {"VARCHAR": pa.string(), "JSON": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
            "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"),
            "VARCHAR[]": pa.list_(pa.string())}[sql_type.split()[0]]


# ---------------------------------------------------------------- the store

class Store:
    """A DuckDB file holding ``TABLES``; one writer at a time (DuckDB locks the file)."""

    def __init__(self, path: str | Path) -> None:
        import duckdb

        self.path = Path(path)
        if self.path.exists() and self.path.is_dir():
            raise InputError(f"store {self.path} is a directory, not a DuckDB file")
        try:
            self.con = duckdb.connect(str(self.path))
        except duckdb.IOException as error:
            raise ConfigError(f"cannot open store {self.path}: {_first_line(error)}") from error
        except duckdb.Error as error:
            raise ConfigError(f"store {self.path} is not a DuckDB file: {_first_line(error)}") from error
        self._create()
        self._articles: Optional[set[str]] = None  # the stored article ids, read once when first asked

    def _create(self) -> None:
        for table in TABLES:
            self.con.execute(table.ddl())
        self.con.execute("CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        self.con.execute("INSERT OR IGNORE INTO store_meta VALUES ('store_version', ?)", [STORE_VERSION])

    def done(self) -> set[tuple[str, str]]:
        """Every ``(input_ref, article_id)`` already stored, audited or refused."""
        return set(self.con.execute("SELECT input_ref, article_id FROM inputs").fetchall())

    def has_article(self, article_id: str) -> bool:
        """Whether the article is stored; the ids are read once, then kept as records are written
        (a query per record cost the single writer about 4 ms each)."""
        if self._articles is None:
            self._articles = {row[0] for row in self.con.execute("SELECT article_id FROM articles").fetchall()}
        return article_id in self._articles

    def write(self, outcome: Outcome) -> str:
        return self.write_many([outcome])[0]

    def write_many(self, outcomes: Sequence[Outcome]) -> list[str]:
        """Whole records in one transaction (never part of one), and their statuses. A record whose
        article is already stored, from another record or earlier in ``outcomes``, is a duplicate:
        its ledger row is added and the article is not stored twice."""
        if not outcomes:
            return []
        import pyarrow as pa

        self.con.begin()
        try:
            seen: set[str] = set()
            final = []
            for outcome in outcomes:
                if outcome.status == "audited" and (outcome.article_id in seen
                                                    or self.has_article(outcome.article_id or "")):
                    outcome = dataclasses.replace(outcome, duplicate=True)
                if outcome.status == "audited":
                    seen.add(outcome.article_id or "")
                final.append(outcome)
            for table in TABLES:
                rows = [row for outcome in final for row in (table.rows(outcome) if table.name == "inputs"
                                                             or not outcome.duplicate else ())]
                if not rows:
                    continue
                columns = list(zip(*rows))
                batch = pa.table({column.name: pa.array(values, type=arrow_type(column.type))
                                  for column, values in zip(table.columns, columns)})
                self.con.from_arrow(batch).insert_into(table.name)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        if self._articles is not None:
            self._articles.update(outcome.article_id or "" for outcome in final if outcome.status == "audited")
        return [outcome.status for outcome in final]

    def export_parquet(self, folder: str | Path) -> list[Path]:
        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ConfigError(f"cannot create {folder}: {error.strerror or error}") from error
        written = []
        for table in TABLES:
            path = folder / f"{table.name}.parquet"
            quoted = str(path).replace("'", "''")
            self.con.execute(f"COPY {table.name} TO '{quoted}' (FORMAT parquet)")
            written.append(path)
        return written

    def counts(self) -> dict[str, int]:
        return {table.name: self.con.execute(f"SELECT count(*) FROM {table.name}").fetchall()[0][0] for table in TABLES}

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def describe_tables(tables: Iterable[Table] = TABLES) -> str:
    """The tables as a Markdown list: what the README's table of the store says, from ``TABLES``."""
    lines = []
    for table in tables:
        lines += [f"- `{table.name}`: {table.doc}" + (f"; key ({', '.join(table.key)})" if table.key else ""),
                  "  " + ", ".join(f"`{column.name}` {column.type.replace(' NOT NULL', '')}" for column in table.columns)]
    return "\n".join(lines)

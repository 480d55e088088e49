"""The report's data model: frozen dataclasses that mirror ``shared/spec/report.md``.

Every interface (CLI, Python API, later the HTTP API and batch runs) returns a ``Report``.
JSON comes from exactly one place, :func:`to_dict`, and :func:`report_from_dict` reads it
back, so a report survives a round trip through JSON unchanged.

Fields beyond the contract's minimum are additions, never renames: offsets of facts inside
a claim are ``char_start``/``char_end`` because the contract already uses ``start``/``end``
of a time reference for its resolved dates.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import types
import typing
import unicodedata
import urllib.parse
from dataclasses import dataclass, field
from typing import Any, Literal, Optional, Union

SCHEMA_VERSION = "1"

Severity = Literal["info", "low", "medium", "high"]
SEVERITIES: tuple[str, ...] = ("info", "low", "medium", "high")
PublishedSource = Optional[Literal["metadata", "text", "inferred"]]
InputKind = Literal["text", "html", "url", "warc", "json"]


@dataclass(frozen=True)
class Section:
    """A run of the body text under one heading (``heading`` is None before the first)."""

    heading: Optional[str]
    start: int
    end: int


@dataclass(frozen=True)
class Media:
    """One picture: what the page says about it, and what its leaked file name encodes."""

    caption: Optional[str]
    alt: Optional[str]
    credit: Optional[str]
    date: Optional[str]  # YYYY-MM-DD when the caption or file name dates the picture
    file_name: Optional[str] = None  # a raw agency file name / ID printed as text
    agency: Optional[str] = None  # news agency the credit or file name points to
    src: Optional[str] = None  # image URL (HTML input)


@dataclass(frozen=True)
class Article:
    outlet: Optional[str]
    domain: Optional[str]
    url: Optional[str]
    headline: Optional[str]
    byline: Optional[str]
    published: Optional[str]
    published_source: PublishedSource
    text: str
    sections: tuple[Section, ...] = ()
    media: tuple[Media, ...] = ()
    boilerplate: tuple[str, ...] = ()
    published_note: Optional[str] = None  # how the date was found or inferred, for a reader
    language: Optional[str] = None
    outlet_source: Optional[str] = None  # where the outlet name came from (metadata, text line, domain)


@dataclass(frozen=True)
class Speaker:
    name: str
    role: Optional[str] = None


@dataclass(frozen=True)
class Quantity:
    text: str
    value: Optional[float]
    low: Optional[float]
    high: Optional[float]
    unit: Optional[str]
    approx: bool
    char_start: int = 0
    char_end: int = 0
    kind: str = "count"  # count | money | percent | ratio | rate | length | duration | ...
    per: Optional[str] = None  # period of a rate: day, month, year
    unit_text: Optional[str] = None  # the unit as written: "kilometres", "$", "per cent"
    bound: Optional[str] = None  # about | nearly | over | under | at least | up to (claims.quantities.BOUNDS)
    change: Optional[str] = None  # up | down: the figure is a rise or a fall ("rose 20 percent")
    counted: Optional[str] = None  # what a count counts, as written ("people", "Ravens")


@dataclass(frozen=True)
class TimeRef:
    """A date or period the text mentions, resolved to ``start``..``end`` (YYYY-MM-DD)."""

    text: str
    start: Optional[str]
    end: Optional[str]
    char_start: int = 0
    char_end: int = 0
    kind: str = "date"  # date | period | duration | ordinal
    days: Optional[float] = None  # length of a duration, or the ordinal of an "Nth day"


@dataclass(frozen=True)
class Place:
    """One place mention: as written (``text``, offsets), the entry it resolves to, and its role.

    The report's top-level ``places`` lists every mention in the body; a claim's ``places`` are
    the same entries (same ``id``) for the mentions inside that claim.
    """

    text: str
    name: str
    country: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    geonames_id: Optional[int]
    char_start: int = 0
    char_end: int = 0
    kind: str = "city"  # city | region | country | continent | street | unresolved
    id: Optional[str] = None  # "p1", "p2", ... in text order
    feature: Optional[str] = None  # GeoNames feature code: PPL, PPLC, ADM1, ADM2, PCLI, CONT, RGN
    admin1: Optional[str] = None  # the state or province a town or county lies in
    role: str = "literal"  # literal | demonym ("Russian forces") | metonymy ("Moscow said")


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    start: int
    end: int
    checkworthy: float
    speaker: Optional[Speaker]
    source: Optional[str]
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeRef, ...] = ()
    places: tuple[Place, ...] = ()


@dataclass(frozen=True)
class Quote:
    """Words attributed to someone. ``direct`` quotes are the words inside quotation marks;
    ``kind`` says how they are reported: "direct" (in quotation marks), "indirect" ("X said
    that ...", "X told reporters ...") or "according_to" ("..., according to X"), the last two
    with ``direct`` False and ``text`` the reported content. ``speaker_start``/``speaker_end``
    are the offsets of the words that name the speaker where the attribution is ("he" in "he
    said", "Zelenskyy" in "Zelenskyy told"), when there is one."""

    text: str
    speaker: Optional[str]
    cue: Optional[str]
    direct: bool
    start: int
    end: int
    role: Optional[str] = None
    kind: str = "direct"  # direct | indirect | according_to
    speaker_start: Optional[int] = None
    speaker_end: Optional[int] = None


@dataclass(frozen=True)
class Evidence:
    text: str
    where: str  # body | headline | outlet | byline | media[i] | corpus
    start: Optional[int] = None
    end: Optional[int] = None


@dataclass(frozen=True)
class Ref:
    """What a finding was checked against: a reference table row, a dataset, another article."""

    source: str
    detail: Optional[str] = None


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    evidence: tuple[Evidence, ...] = ()
    refs: tuple[Ref, ...] = ()


@dataclass(frozen=True)
class Scores:
    provenance: float = 100.0
    consistency: float = 100.0


@dataclass(frozen=True)
class Tool:
    name: str
    version: str


@dataclass(frozen=True)
class InputInfo:
    source: str
    kind: InputKind
    sha256: str  # of the bytes as given
    article_id: Optional[str] = None  # see article_id(): the same article gets the same id however it came


def article_id(content: str, url: Optional[str] = None) -> str:
    """A stable id for an article: a hash of its normalised text and its normalised URL.

    The text is NFC-normalised, a BOM dropped, line ends made "\\n" and trailing spaces of each
    line and of the whole removed, so the same page read as bytes or as a string, with CRLF or
    LF, gets the same id. The URL loses its fragment and its scheme and host are lower-cased.
    The id is the first 32 hex digits (128 bits) of the SHA-256 of both.

    >>> article_id("Rain fell.\\r\\n") == article_id("\\ufeffRain fell.\\n")
    True
    """
    text = unicodedata.normalize("NFC", content.lstrip("\ufeff")).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    digest = hashlib.sha256(_normal_url(url).encode("utf-8") + b"\x00" + text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def _normal_url(url: Optional[str]) -> str:
    if not url or not url.strip():
        return ""
    parts = urllib.parse.urlsplit(url.strip())
    return urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, ""))


@dataclass(frozen=True)
class StageRun:
    """Whether one stage of the audit ran: ``status`` is "ran", "partial" (it ran, but left some of
    its work out: ``reason`` says what) or "skipped" (``reason`` says why)."""

    name: str
    status: Literal["ran", "partial", "skipped"]
    reason: Optional[str] = None


@dataclass(frozen=True)
class Report:
    tool: Tool
    input: InputInfo
    article: Article
    claims: tuple[Claim, ...] = ()
    quotes: tuple[Quote, ...] = ()
    findings: tuple[Finding, ...] = ()
    scores: Scores = field(default_factory=Scores)
    places: tuple[Place, ...] = ()  # every place mention in the body; claims' places share their ids
    notes: tuple[str, ...] = ()  # degraded resources and other things a reader should know
    stages: tuple[StageRun, ...] = ()  # which stages ran, in order, and why any did not (an addition)
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    def to_json(self, indent: Optional[int] = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Report":
        return report_from_dict(data)

    @classmethod
    def from_json(cls, text: str) -> "Report":
        return report_from_dict(json.loads(text))


def to_dict(obj: Any) -> Any:
    """The one serializer: dataclasses to dicts, tuples to lists, in declaration order."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(item) for item in obj]
    if isinstance(obj, dict):
        return {key: to_dict(value) for key, value in obj.items()}
    return obj


def report_from_dict(data: dict[str, Any]) -> Report:
    return _build(Report, data)


@functools.lru_cache(maxsize=None)
def _fields_of(tp: type) -> tuple[dict[str, Any], frozenset[str]]:
    """A dataclass's resolved annotations and field names, read once per class: resolving them
    for every value made reading a stored report back cost milliseconds."""
    return typing.get_type_hints(tp), frozenset(f.name for f in dataclasses.fields(tp))


def _build(tp: Any, value: Any) -> Any:
    """Rebuild a typed value from its JSON form, guided by the dataclass annotations."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        return _build(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        (item_type, *_rest) = typing.get_args(tp)
        return tuple(_build(item_type, item) for item in value)
    if origin is Literal:
        return value
    if dataclasses.is_dataclass(tp):
        hints, known = _fields_of(tp)
        kwargs = {name: _build(hints[name], item) for name, item in value.items() if name in known}
        return tp(**kwargs)
    if tp is float and isinstance(value, int):
        return float(value)
    return value

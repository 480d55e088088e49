"""Headline, byline and date beside trafilatura, and the body beside it, on real pages with gold.

Pages: ``trafilatura_eval`` (990 real pages in many languages; 851 with gold title, author and
date, some fields empty) and ``article_extraction`` (127 news pages with a hand-checked body and
no gold metadata, used for body word F1). newsaudit's structure stage is called directly
(``structure.html.parse_html`` then ``settle_published``), so the language gate of the audit
does not decide which pages are measured. The baseline is trafilatura's
``bare_extraction(..., with_metadata=True)`` on the same decoded page and URL.

Scoring, per page:

- title: exact match after whitespace normalisation (NFC, runs of spaces collapsed, invisible
  soft hyphens and zero-width marks dropped); also reported ignoring case, as gold titles copied
  from the rendered page are upper case where a stylesheet sets them so (CSS text-transform);
- author: the set of names, each case-folded, accents kept, punctuation dropped, split on
  ";", ",", "&", "/", "|" and the words "and", "und", "et", "y", "e"; the sets must be equal.
  Scored on pages whose gold credits an author; pages whose gold author is empty are counted
  apart (a name given there is a name the annotator did not see);
- date: the same day as the gold date (the gold's "YYYY-MM-DD", read leniently), on pages with
  a gold date. newsaudit's date is the one it reports, unless the structure stage only
  inferred it from the body (source "inferred"): that is a guess the report marks as such;
- body: the benchmark's segment metric on ``trafilatura_eval`` (a "with" segment found is a
  true positive, a "without" segment found a false positive), newsaudit's body read with its
  section headings (trafilatura's text carries its headings too, and segments include them);
  and word F1 on ``article_extraction`` (bags of words, averaged per page), newsaudit's body as
  the ``article_extraction`` task reads it.

Pages are split by the last hex digit of their id (the file name's sha1 prefix, or the
benchmark's id): even digits are the development half, odd digits the held-out half; both
halves are reported, and all pages together.
"""

from __future__ import annotations

import gzip
import json
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from ...errors import NewsauditError
from ..datasets import ARTICLE_EXTRACTION, load_article_extraction
from ..metrics import Scores, average_scores, match_counts
from ..results import MISSING, SystemRow, TaskResult
from . import Task

TRAFILATURA_EVAL = "trafilatura_eval"
HALVES = ("development", "held-out")
FIELDS = ("title", "author", "date")
EXTRA = ("title_case", "author_none")  # reported beside the fields, not listed among the misses
NAME_SPLIT = re.compile(r"\s*(?:[;,&/|]|\b(?:and|und|et|y|e)\b)\s*", re.IGNORECASE)
# Marks a reader does not see: soft hyphens (gold titles copied from the markup keep them, or not), zero widths.
INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
GOLD_DAY = re.compile(r"(\d{4})\D(\d{1,2})\D(\d{1,2})")


@dataclass(frozen=True)
class MetaPage:
    id: str
    url: str
    html: str
    title: Optional[str]  # None: no gold metadata for this page
    author: Optional[str]
    date: Optional[str]
    with_segments: tuple[str, ...]
    without_segments: tuple[str, ...]

    @property
    def half(self) -> str:
        return half_of(self.id)

    @property
    def has_metadata(self) -> bool:
        return self.title is not None


@dataclass(frozen=True)
class Reading:
    """What one system read on one page."""

    title: Optional[str]
    author: Optional[str]
    date: Optional[str]
    text: str


def half_of(page_id: str) -> str:
    return HALVES[int(page_id[-1], 16) % 2]


def load_pages(folder: Path, limit: Optional[int] = None) -> list[MetaPage]:
    """The benchmark's pages in file order, decoded as newsaudit decodes an input file."""
    from ...ingest import decode

    index = folder / "evaldata.json"
    if not index.exists() or not (folder / "html").is_dir():
        raise FileNotFoundError(f"dataset {TRAFILATURA_EVAL} is missing: {index} not found")
    entries = json.loads(index.read_text(encoding="utf-8"))
    pages: list[MetaPage] = []
    for url, entry in sorted(entries.items(), key=lambda item: item[1]["file"]):
        if limit is not None and len(pages) >= limit:
            break
        path = folder / "html" / entry["file"]
        if not path.exists():
            continue
        raw = gzip.decompress(path.read_bytes())
        try:
            html = decode(raw)
        except NewsauditError:
            html = raw.decode("utf-8", errors="replace")
        has_meta = "title" in entry
        pages.append(MetaPage(
            id=entry["file"].split(".")[0], url=url, html=html,
            title=_field(entry, "title") if has_meta else None,
            author=_field(entry, "author") if has_meta else None,
            date=_field(entry, "date") if has_meta else None,
            with_segments=tuple(entry.get("with") or ()), without_segments=tuple(entry.get("without") or ()),
        ))
    return pages


def _field(entry: dict, name: str) -> str:
    """A gold field as text; a list of values (several authors) is joined with "; "."""
    value = entry.get(name) or ""
    return "; ".join(str(v) for v in value if v) if isinstance(value, list) else str(value)


def newsaudit_reading(html: str, url: Optional[str]) -> Reading:
    from ...structure import settle_published
    from ...structure.html import parse_html

    try:
        article = settle_published(parse_html(html, url=url), None)
    except NewsauditError:
        return Reading(None, None, None, "")
    stated = article.published if article.published_source in ("metadata", "text") else None
    return Reading(article.headline, article.byline, stated, _with_headings(article))


def _with_headings(article: Any) -> str:
    """The body with its section headings, as trafilatura's text carries them (the segments include headings)."""
    parts: list[str] = []
    for section in article.sections:
        if section.heading:
            parts.append(section.heading)
        parts.append(article.text[section.start:section.end])
    return "\n\n".join(parts) if article.sections else article.text


def trafilatura_reading(html: str, url: Optional[str]) -> Reading:
    import trafilatura

    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    except Exception:  # noqa: BLE001 - a baseline that crashes on a page reads nothing there
        found = None
    if found is None:
        return Reading(None, None, None, "")
    return Reading(found.title, found.author, found.date, found.text or "")


SYSTEMS: tuple[tuple[str, Callable[[str, Optional[str]], Reading]], ...] = (
    ("newsaudit", newsaudit_reading), ("trafilatura", trafilatura_reading))


def norm_title(text: Optional[str]) -> str:
    return " ".join(INVISIBLE.sub("", unicodedata.normalize("NFC", text or "")).split())


def author_names(text: Optional[str]) -> frozenset[str]:
    names = set()
    for part in NAME_SPLIT.split(unicodedata.normalize("NFC", text or "").casefold()):
        name = " ".join(re.sub(r"[^\w\s'’-]", " ", part).split()).strip("'’-")
        if name:
            names.add(name)
    return frozenset(names)


def gold_day(text: Optional[str]) -> Optional[str]:
    match = GOLD_DAY.search(text or "")
    return f"{int(match[1]):04d}-{int(match[2]):02d}-{int(match[3]):02d}" if match else None


def judge(page: MetaPage, reading: Reading) -> dict[str, Optional[bool]]:
    """Per field: True right, False wrong, None not scored on this page."""
    verdict: dict[str, Optional[bool]] = dict.fromkeys(FIELDS + EXTRA)
    if not page.has_metadata:
        return verdict
    if page.title:
        verdict["title"] = norm_title(reading.title) == norm_title(page.title)
        verdict["title_case"] = norm_title(reading.title).casefold() == norm_title(page.title).casefold()
    if page.author:
        verdict["author"] = author_names(reading.author) == author_names(page.author)
    else:
        verdict["author_none"] = not author_names(reading.author)
    if gold_day(page.date):
        verdict["date"] = gold_day(reading.date) == gold_day(page.date)
    return verdict


def segment_counts(page: MetaPage, text: str) -> tuple[int, int, int, int]:
    """(tp, fn, fp, tn) of the upstream segment metric on one page."""
    found = " ".join(text.split())
    with_hits = sum(" ".join(s.split()) in found for s in page.with_segments)
    without_hits = sum(" ".join(s.split()) in found for s in page.without_segments)
    return (with_hits, len(page.with_segments) - with_hits, without_hits,
            len(page.without_segments) - without_hits)


def segment_scores(counts: Iterable[tuple[int, int, int, int]], pages: int) -> Scores:
    tp = fn = fp = 0
    for a, b, c, _ in counts:
        tp, fn, fp = tp + a, fn + b, fp + c
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
    return Scores(precision, recall, f1, pages)


def read_all(pages: list[MetaPage]) -> tuple[dict[str, list[Reading]], dict[str, float]]:
    readings: dict[str, list[Reading]] = {}
    seconds: dict[str, float] = {}
    for name, read in SYSTEMS:
        started = time.perf_counter()
        readings[name] = [read(page.html, page.url) for page in pages]
        seconds[name] = round(time.perf_counter() - started, 1)
    return readings, seconds


def metadata_results(pages: list[MetaPage], readings: dict[str, list[Reading]],
                     seconds: dict[str, float]) -> tuple[list[SystemRow], dict[str, Any]]:
    rows: list[SystemRow] = []
    detail: dict[str, Any] = {"halves": {}, "misses": {}}
    verdicts = {name: [judge(page, reading) for page, reading in zip(pages, readings[name])] for name, _ in SYSTEMS}
    for half in HALVES + ("all",):
        chosen = [i for i, page in enumerate(pages) if half == "all" or page.half == half]
        figures: dict[str, dict[str, Any]] = {}
        for name, _ in SYSTEMS:
            per_field = {}
            for field in FIELDS + EXTRA:
                scored = [verdicts[name][i][field] for i in chosen if verdicts[name][i][field] is not None]
                per_field[field] = {"right": sum(scored), "pages": len(scored),
                                    "rate": round(sum(scored) / len(scored), 3) if scored else None}
            body = segment_scores((segment_counts(pages[i], readings[name][i].text) for i in chosen), len(chosen))
            figures[name] = {**per_field, "segment_f1": body.f1}
            note = "; ".join(
                f"{label} {per_field[field]['right']}/{per_field[field]['pages']}"
                f" ({_pct(per_field[field]['rate'])})"
                for field, label in (("title", "title exact"), ("title_case", "title ignoring case"),
                                     ("author", "author right"), ("date", "date right"),
                                     ("author_none", "no name where gold has none")))
            rows.append(SystemRow(system=f"{name} ({half})", items=len(chosen), scores=body,
                                  seconds=seconds.get(name) if half == "all" else None, note=note))
        detail["halves"][half] = figures
    for name, _ in SYSTEMS:  # where each system goes wrong, for whoever works on it next
        detail["misses"][name] = {
            field: [{"id": page.id, "url": page.url, "gold": getattr(page, field),
                     "read": getattr(readings[name][i], field)}
                    for i, page in enumerate(pages) if verdicts[name][i][field] is False][:40]
            for field in FIELDS}
    return rows, detail


def body_results(data_dir: Path, limit: Optional[int]) -> list[SystemRow]:
    """Word F1 on the article-extraction pages, by half, newsaudit beside trafilatura."""
    from ..peers import newsaudit_body, trafilatura_body

    pages = load_article_extraction(data_dir / ARTICLE_EXTRACTION, limit)
    bodies = {"newsaudit": [newsaudit_body(page.html, page.url) for page in pages],
              "trafilatura": [trafilatura_body(page.html, page.url) for page in pages]}
    rows = []
    for half in HALVES + ("all",):
        chosen = [i for i, page in enumerate(pages) if half == "all" or half_of(page.id) == half]
        for name, predicted in bodies.items():
            words = average_scores([match_counts(pages[i].article_body, predicted[i], 1) for i in chosen])
            rows.append(SystemRow(system=f"{name} ({half})", items=len(chosen), bag_of_words=words,
                                  note="article_extraction body, word F1"))
    return rows


def _pct(rate: Optional[float]) -> str:
    return f"{100 * rate:.1f}%" if rate is not None else "–"


def run(data_dir: Path, limit: Optional[int]) -> list[TaskResult]:
    results: list[TaskResult] = []
    try:
        pages = load_pages(data_dir / TRAFILATURA_EVAL, limit)
    except FileNotFoundError as err:
        results.append(TaskResult("metadata", MISSING, note=str(err)))
    else:
        readings, seconds = read_all(pages)
        rows, detail = metadata_results(pages, readings, seconds)
        with_meta = sum(page.has_metadata for page in pages)
        results.append(TaskResult(
            "metadata", "ok", tuple(rows),
            note=(f"{len(pages)} trafilatura_eval pages ({with_meta} with gold metadata); P/R/F1 are the "
                  "upstream segment metric of the body; halves by the id's last hex digit (even: development)"),
            detail=detail))
    try:
        body_rows = body_results(data_dir, limit)
    except NewsauditError as err:
        results.append(TaskResult("metadata_body", MISSING, note=str(err)))
    else:
        results.append(TaskResult("metadata_body", "ok", tuple(body_rows),
                                  note="article_extraction pages, word F1 (F1 (words) column), by half"))
    return results


TASK = Task("metadata", run, slow=True,
            description="headline, byline, date and body beside trafilatura on real pages with gold")

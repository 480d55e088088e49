"""False-alarm guard: audit every honest real article in ``shared/data`` and count the alarms.

The pages of ``article_extraction`` and ``trafilatura_eval`` are audited as HTML (with their
URL), the ``polnear`` train and dev articles as flattened text (with their publication date
from ``metadata.tsv``; nothing is prepended to the text). These are real articles from real
outlets, so every medium-or-higher finding on them is presumed a false alarm until a reader
says otherwise. The guard prints those findings per 100 audited articles, by code and dataset,
lists each one, and counts the refusals (``NewsauditError``) per dataset.

Run ``python -m newsaudit.eval.false_alarms [--data DIR] [--limit N] [--out DIR] [--jobs N]``;
it writes ``false_alarms.md`` and ``false_alarms.json`` to ``eval-results/`` (or ``--out``).
Only the public API is used: :func:`newsaudit.audit` and the report it returns.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Sequence

import newsaudit

ARTICLE_EXTRACTION = "article_extraction"
TRAFILATURA_EVAL = "trafilatura_eval"
POLNEAR = "polnear"
DATASETS = (ARTICLE_EXTRACTION, TRAFILATURA_EVAL, POLNEAR)
POLNEAR_SPLITS = ("train", "dev")  # the test split is held back and never read
FLAGGED = frozenset({"medium", "high"})
MESSAGE_CHARS = 220  # how much of a message the Markdown listing prints
EVIDENCE_CHARS = 120

# PolNeAR's publisher codes and the outlets they stand for (its SOURCE.md names them).
POLNEAR_OUTLETS = {
    "nyt": "The New York Times", "wash-post": "The Washington Post", "politico": "Politico",
    "usa-today": "USA Today", "huff-post": "HuffPost", "breitbart": "Breitbart",
    "west-journal": "Western Journalism",
}


class DataMissing(newsaudit.NewsauditError):
    """The data directory, or a dataset's required file, is absent."""

    code = "eval.dataset_missing"


@dataclass(frozen=True)
class Item:
    """One article to audit: inline ``text`` or a file at ``path`` (gzip when it ends in .gz)."""

    dataset: str
    id: str
    kind: str  # "html" or "text"
    text: Optional[str] = None
    path: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None  # the outlet the dataset names, for the listing only

    def payload(self) -> str | bytes:
        """The input handed to ``newsaudit.audit``: the text, or the file's bytes."""
        if self.text is not None:
            return self.text
        raw = Path(self.path or "").read_bytes()
        return gzip.decompress(raw) if str(self.path).endswith(".gz") else raw


@dataclass(frozen=True)
class Outcome:
    """What one audit gave: findings as plain dicts, the body text and outlet, or the refusal."""

    dataset: str
    id: str
    findings: tuple[dict[str, Any], ...] = ()
    text: str = ""
    outlet: Optional[str] = None
    domain: Optional[str] = None
    headline: Optional[str] = None
    media: tuple[dict[str, Any], ...] = ()
    boilerplate: tuple[str, ...] = ()  # the page furniture the structure stage removed
    refusal: Optional[str] = None  # NewsauditError code
    crash: Optional[str] = None  # any other exception: a bug, reported apart from refusals
    detail: str = ""
    seconds: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)


# ----------------------------------------------------------------------------- locating data

def default_data_dirs(cwd: Optional[Path] = None) -> list[Path]:
    """``../shared/data`` from the working directory, then beside the repository root."""
    repo_root = Path(__file__).resolve().parents[3]
    found = [(cwd or Path.cwd()) / ".." / "shared" / "data", repo_root.parent / "shared" / "data"]
    return [path.resolve() for path in found]


def find_data_dir(given: Optional[Path | str] = None) -> Path:
    """The data directory given, else the first default that exists; ``DataMissing`` if none."""
    candidates = [Path(given)] if given is not None else default_data_dirs()
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise DataMissing(f"no data directory at {', '.join(str(c) for c in candidates)}")


# ----------------------------------------------------------------------------- dataset readers

def article_extraction_items(data_dir: Path) -> Iterator[Item]:
    """The benchmark's pages as HTML with their URL (``ground-truth.json`` lists them)."""
    folder = data_dir / ARTICLE_EXTRACTION
    truth_file = folder / "ground-truth.json"
    if not truth_file.exists():
        return
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    for page_id in sorted(truth):
        path = folder / "html" / f"{page_id}.html.gz"
        if path.exists():
            yield Item(ARTICLE_EXTRACTION, page_id, "html", path=str(path), url=truth[page_id].get("url"))


def _iso_date(value: Any) -> Optional[str]:
    """``value`` when it is a valid YYYY-MM-DD date, else None."""
    try:
        return date.fromisoformat(str(value)[:10]).isoformat() if value else None
    except ValueError:
        return None


def trafilatura_items(data_dir: Path) -> Iterator[Item]:
    """The benchmark's pages as HTML with their URL and, when annotated, their date."""
    folder = data_dir / TRAFILATURA_EVAL
    index_file = folder / "evaldata.json"
    if not index_file.exists():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    for url in sorted(index):
        entry = index[url]
        path = folder / "html" / entry.get("file", "")
        if entry.get("file") and path.exists():
            yield Item(TRAFILATURA_EVAL, Path(entry["file"]).name.split(".")[0], "html", path=str(path),
                       url=url, published=_iso_date(entry.get("date")))


def polnear_rows(data_dir: Path) -> Iterator[dict[str, str]]:
    """The ``metadata.tsv`` rows of the train and dev articles."""
    meta_file = data_dir / POLNEAR / "metadata.tsv"
    if not meta_file.exists():
        return
    with meta_file.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row.get("compartment") in POLNEAR_SPLITS:
                yield row


def polnear_items(data_dir: Path) -> Iterator[Item]:
    """PolNeAR train and dev articles as flattened text, with their date (and outlet, for listing)."""
    folder = data_dir / POLNEAR
    for row in sorted(polnear_rows(data_dir), key=lambda r: (r["compartment"], r["filename"])):
        path = folder / row["compartment"] / "text" / f"{row['filename']}.txt"
        if not path.exists():
            continue
        publisher = row.get("publisher", "")
        yield Item(POLNEAR, row["filename"], "text", text=path.read_text(encoding="utf-8"),
                   published=_iso_date(row.get("publication_date")),
                   outlet=POLNEAR_OUTLETS.get(publisher, publisher or None))


READERS: dict[str, Callable[[Path], Iterator[Item]]] = {
    ARTICLE_EXTRACTION: article_extraction_items, TRAFILATURA_EVAL: trafilatura_items, POLNEAR: polnear_items,
}


def dataset_items(data_dir: Path, limit: Optional[int] = None) -> dict[str, list[Item]]:
    """Each dataset present and its items (the first ``limit`` of each when given)."""
    found: dict[str, list[Item]] = {}
    for name, reader in READERS.items():
        items = []
        for item in reader(data_dir):
            if limit is not None and len(items) >= limit:
                break
            items.append(item)
        if items:
            found[name] = items
    return found


# ----------------------------------------------------------------------------- auditing

def finding_dict(finding: Any) -> dict[str, Any]:
    """A finding as a plain dict (code, severity, message, evidence, refs)."""
    return {
        "code": finding.code, "severity": finding.severity, "message": finding.message,
        "evidence": [{"text": e.text, "where": e.where, "start": e.start, "end": e.end} for e in finding.evidence],
        "refs": [{"source": r.source, "detail": r.detail} for r in finding.refs],
    }


def audit_item(item: Item) -> Outcome:
    """Audit one item; a refusal or a crash is recorded, never raised."""
    started = time.perf_counter()
    base = {"dataset": item.dataset, "id": item.id}
    try:
        report = newsaudit.audit(item.payload(), url=item.url, kind=item.kind, published=item.published)
    except newsaudit.NewsauditError as error:
        return Outcome(**base, refusal=getattr(error, "code", "error"), detail=str(error)[:300],
                       seconds=time.perf_counter() - started)
    except Exception as error:  # noqa: BLE001 - a bug in a check must not stop the whole run
        return Outcome(**base, crash=type(error).__name__, detail=str(error)[:300],
                       seconds=time.perf_counter() - started)
    article = report.article
    media = tuple({"caption": m.caption, "alt": m.alt, "credit": m.credit, "date": m.date,
                   "file_name": m.file_name} for m in article.media)
    return Outcome(**base, findings=tuple(finding_dict(f) for f in report.findings), text=article.text,
                   outlet=article.outlet, domain=article.domain, headline=article.headline, media=media,
                   boilerplate=tuple(article.boilerplate),
                   seconds=time.perf_counter() - started)


def default_jobs() -> int:
    """Worker processes: the cores this process may use, at most 2 (each loads spaCy)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return max(1, min(2, cores))


def audit_all(items: Sequence[Item], jobs: int = 1, progress: Optional[Callable[[int, int], None]] = None
              ) -> list[Outcome]:
    """Audit ``items`` in order, in ``jobs`` worker processes (1 = in this process)."""
    if jobs <= 1 or len(items) < 4:
        outcomes = []
        for done, item in enumerate(items, 1):
            outcomes.append(audit_item(item))
            if progress:
                progress(done, len(items))
        return outcomes
    outcomes = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for done, outcome in enumerate(pool.map(audit_item, items, chunksize=4), 1):
            outcomes.append(outcome)
            if progress:
                progress(done, len(items))
    return outcomes


# ----------------------------------------------------------------------------- summarising

def flagged(outcome: Outcome) -> list[dict[str, Any]]:
    """The medium-or-higher findings of one outcome."""
    return [f for f in outcome.findings if f["severity"] in FLAGGED]


def alarm_row(outcome: Outcome, finding: dict[str, Any], outlet: Optional[str]) -> dict[str, Any]:
    """One line of the listing: article, code, severity, message and the first evidence text."""
    evidence = finding["evidence"][0]["text"] if finding["evidence"] else ""
    return {"dataset": outcome.dataset, "id": outcome.id, "outlet": outlet or outcome.outlet,
            "code": finding["code"], "severity": finding["severity"], "message": finding["message"],
            "evidence": evidence}


def per_100(count: int, articles: int) -> Optional[float]:
    """``count`` per 100 articles, rounded to 2 places (None when nothing was audited)."""
    return round(100.0 * count / articles, 2) if articles else None


def summarise_dataset(name: str, items: Sequence[Item], outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Counts, rates per 100 audited articles by code, the alarms listed, and the refusals."""
    audited = [o for o in outcomes if o.refusal is None and o.crash is None]
    outlets = {item.id: item.outlet for item in items}
    alarms = [alarm_row(o, f, outlets.get(o.id)) for o in audited for f in flagged(o)]
    by_code = Counter(a["code"] for a in alarms)
    high = Counter(a["code"] for a in alarms if a["severity"] == "high")
    articles_flagged = sum(1 for o in audited if flagged(o))
    return {
        "dataset": name, "items": len(outcomes), "audited": len(audited),
        "refused": sum(1 for o in outcomes if o.refusal), "crashed": sum(1 for o in outcomes if o.crash),
        "refusals_by_code": dict(Counter(o.refusal for o in outcomes if o.refusal).most_common()),
        "crashes": [{"id": o.id, "error": o.crash, "detail": o.detail} for o in outcomes if o.crash],
        "medium_plus": len(alarms), "medium_plus_per_100": per_100(len(alarms), len(audited)),
        "high": sum(high.values()), "articles_flagged": articles_flagged,
        "articles_flagged_per_100": per_100(articles_flagged, len(audited)),
        "by_code": {code: {"count": n, "per_100": per_100(n, len(audited)), "high": high.get(code, 0)}
                    for code, n in by_code.most_common()},
        "alarms": alarms, "seconds": round(sum(o.seconds for o in outcomes), 1),
    }


def total_summary(datasets: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The datasets pooled: the same rates over every audited article."""
    audited = sum(d["audited"] for d in datasets.values())
    codes: Counter[str] = Counter()
    highs: Counter[str] = Counter()
    for summary in datasets.values():
        for code, row in summary["by_code"].items():
            codes[code] += row["count"]
            highs[code] += row["high"]
    alarms = sum(codes.values())
    flagged_articles = sum(d["articles_flagged"] for d in datasets.values())
    return {
        "items": sum(d["items"] for d in datasets.values()), "audited": audited,
        "refused": sum(d["refused"] for d in datasets.values()),
        "crashed": sum(d["crashed"] for d in datasets.values()),
        "medium_plus": alarms, "medium_plus_per_100": per_100(alarms, audited), "high": sum(highs.values()),
        "articles_flagged": flagged_articles, "articles_flagged_per_100": per_100(flagged_articles, audited),
        "by_code": {code: {"count": n, "per_100": per_100(n, audited), "high": highs[code]}
                    for code, n in codes.most_common()},
    }


def false_alarm_report(data_dir: Path | str | None = None, limit: Optional[int] = None, jobs: int = 1,
                       progress: Optional[Callable[[int, int], None]] = None) -> dict[str, Any]:
    """Audit every real article under ``data_dir`` and summarise the medium+ findings.

    Returns ``{"data_dir", "limit", "datasets": {name: summary}, "total": summary, "missing": [...]}``;
    a dataset absent from ``data_dir`` is listed under ``missing``, never scored as zero.
    """
    root = find_data_dir(data_dir)
    found = dataset_items(root, limit)
    order = [name for name in DATASETS if name in found]
    everything = [item for name in order for item in found[name]]
    started = time.perf_counter()
    outcomes = audit_all(everything, jobs=jobs, progress=progress)
    by_dataset: dict[str, list[Outcome]] = {name: [] for name in order}
    for outcome in outcomes:
        by_dataset[outcome.dataset].append(outcome)
    summaries = {name: summarise_dataset(name, found[name], by_dataset[name]) for name in order}
    return {
        "data_dir": str(root), "limit": limit, "flagged_severities": sorted(FLAGGED),
        "datasets": summaries, "total": total_summary(summaries),
        "missing": [name for name in DATASETS if name not in found],
        "wall_seconds": round(time.perf_counter() - started, 1), "newsaudit_version": newsaudit.__version__,
    }


# ----------------------------------------------------------------------------- rendering

def _cell(text: Any, limit: int) -> str:
    """Text fit for one Markdown table cell."""
    flat = " ".join(str(text or "").split()).replace("|", "\\|")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _rate_table(title: str, summary: dict[str, Any]) -> list[str]:
    lines = [f"### {title}", "",
             f"{summary['audited']} audited of {summary['items']} ({summary['refused']} refused, "
             f"{summary['crashed']} crashed); medium+ findings: {summary['medium_plus']} "
             f"(**{summary['medium_plus_per_100']} per 100 articles**, {summary['high']} high); "
             f"articles with at least one: {summary['articles_flagged']} "
             f"({summary['articles_flagged_per_100']} per 100).", ""]
    if summary["by_code"]:
        lines += ["| code | medium+ | per 100 articles | of which high |", "|---|---:|---:|---:|"]
        lines += [f"| `{code}` | {row['count']} | {row['per_100']} | {row['high']} |"
                  for code, row in summary["by_code"].items()]
        lines.append("")
    return lines


def _alarm_table(alarms: Sequence[dict[str, Any]]) -> list[str]:
    if not alarms:
        return ["No medium-or-higher findings.", ""]
    lines = ["| article | outlet | code | sev | message | first evidence |", "|---|---|---|---|---|---|"]
    for alarm in alarms:
        lines.append(f"| {_cell(alarm['id'], 40)} | {_cell(alarm['outlet'], 30)} | `{alarm['code']}` | "
                     f"{alarm['severity']} | {_cell(alarm['message'], MESSAGE_CHARS)} | "
                     f"{_cell(alarm['evidence'], EVIDENCE_CHARS)} |")
    return lines + [""]


def render_markdown(result: dict[str, Any]) -> str:
    """The report as Markdown: pooled and per-dataset rates, refusals, then every alarm."""
    lines = ["# False alarms on honest real articles", "",
             f"Data: `{result['data_dir']}`" + (f", first {result['limit']} per dataset" if result["limit"] else "")
             + f"; newsaudit {result['newsaudit_version']}; {result['wall_seconds']} s wall.", "",
             "Every medium-or-higher finding on these real articles is counted as a false alarm.", ""]
    lines += _rate_table("All datasets", result["total"])
    for name, summary in result["datasets"].items():
        lines += _rate_table(name, summary)
        if summary["refusals_by_code"]:
            lines += ["Refusals: " + ", ".join(f"`{c}` {n}" for c, n in summary["refusals_by_code"].items()), ""]
        for crash in summary["crashes"]:
            lines.append(f"- crash on {crash['id']}: {crash['error']}: {_cell(crash['detail'], 160)}")
    if result["missing"]:
        lines += ["Missing datasets: " + ", ".join(result["missing"]), ""]
    for name, summary in result["datasets"].items():
        lines += [f"## Alarms on {name}", ""] + _alarm_table(summary["alarms"])
    return "\n".join(lines).rstrip() + "\n"


def write_outputs(result: dict[str, Any], out_dir: Path | str, stem: str, markdown: str) -> tuple[Path, Path]:
    """Write ``<stem>.md`` and ``<stem>.json`` into ``out_dir`` (created when needed)."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    md_path, json_path = folder / f"{stem}.md", folder / f"{stem}.json"
    md_path.write_text(markdown, encoding="utf-8")
    json_path.write_text(json.dumps(result, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    return md_path, json_path


def print_progress(done: int, total: int) -> None:
    """A progress line on stderr every 50 items."""
    if done == total or done % 50 == 0:
        print(f"  {done}/{total} audited", file=sys.stderr, flush=True)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Command line: run the guard, write Markdown and JSON, print the pooled figures."""
    parser = argparse.ArgumentParser(prog="python -m newsaudit.eval.false_alarms", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="data directory (default ../shared/data)")
    parser.add_argument("--limit", type=int, default=None, help="audit only the first N articles of each dataset")
    parser.add_argument("--out", type=Path, default=Path("eval-results"), help="output directory")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="worker processes")
    args = parser.parse_args(argv)
    try:
        result = false_alarm_report(args.data, limit=args.limit, jobs=args.jobs, progress=print_progress)
    except DataMissing as error:
        print(f"newsaudit.eval.false_alarms: {error}", file=sys.stderr)
        return 2
    md_path, json_path = write_outputs(result, args.out, "false_alarms", render_markdown(result))
    total = result["total"]
    print(f"{total['audited']} audited, {total['medium_plus']} medium+ findings "
          f"({total['medium_plus_per_100']} per 100 articles, {total['high']} high); wrote {md_path} and {json_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m newsaudit.eval``: newsaudit beside peer tools on the datasets present, one table.

Each task reads its dataset, runs newsaudit and the peers on the same items and reports
precision / recall / F1 (or, for a reference series, what the series holds). A dataset that is
absent is reported as "missing", never as a zero score; a task with no labelled data here is
listed as such rather than scored on invented labels.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from .datasets import (
    ARTICLE_EXTRACTION, WAR_LOSSES, DatasetMissing, Page, check_war_losses, find_data_dir,
    load_article_extraction, load_war_losses,
)
from .metrics import BENCHMARK_NGRAM, Alarms, match_counts, average_scores
from . import peers
from ..errors import NewsauditError

from .results import MISSING, NO_LABELS, SystemRow, TaskResult  # noqa: F401 (NO_LABELS re-exported)
from . import tasks as task_registry

Extractor = Callable[[Page], str]


def _extractors(newsaudit_bodies: dict[str, str]) -> tuple[tuple[str, Extractor], ...]:
    return (
        ("newsaudit (structure)", lambda page: newsaudit_bodies[page.id]),
        ("trafilatura", lambda page: peers.trafilatura_body(page.html, page.url)),
        ("readability-lxml", lambda page: peers.readability_body(page.html)),
        ("jusText (English stoplist)", lambda page: peers.justext_body(page.html)),
    )


def score_extractor(name: str, extract: Extractor, pages: Sequence[Page]) -> tuple[SystemRow, list[float]]:
    """The system's row and its per-page shingle F1 (for the worst-pages list)."""
    started = time.perf_counter()
    predictions = [extract(page) for page in pages]
    seconds = time.perf_counter() - started
    shingle_counts = [match_counts(page.article_body, pred) for page, pred in zip(pages, predictions)]
    word_counts = [match_counts(page.article_body, pred, 1) for page, pred in zip(pages, predictions)]
    per_page_f1 = [average_scores([counts]).f1 or 0.0 for counts in shingle_counts]
    empty = sum(1 for pred in predictions if not pred.strip())
    row = SystemRow(system=name, items=len(pages), scores=average_scores(shingle_counts),
                    bag_of_words=average_scores(word_counts), seconds=round(seconds, 2),
                    note=f"{empty} page(s) with no body" if empty else "")
    return row, per_page_f1


def article_extraction_task(pages: Sequence[Page]) -> tuple[TaskResult, dict[str, Any]]:
    """Body extraction scores, plus newsaudit's parsed articles for the impersonation guard."""
    started = time.perf_counter()
    articles = {page.id: peers.newsaudit_article(page.html, page.url) for page in pages}
    newsaudit_seconds = time.perf_counter() - started
    bodies = {page_id: (article.text if article else "") for page_id, article in articles.items()}
    rows, per_page = [], {}
    for name, extract in _extractors(bodies):
        row, per_page[name] = score_extractor(name, extract, pages)
        if name.startswith("newsaudit"):
            row = dataclasses.replace(row, seconds=round(newsaudit_seconds, 2))
        rows.append(row)
    note = (f"benchmark metric: bags of {BENCHMARK_NGRAM}-word shingles (\\w+ tokens, case kept), "
            "tp/fp/fn normalized per page, P and R averaged over pages, F1 of the averages")
    detail = {"newsaudit_losses_vs_trafilatura": _largest_losses(pages, per_page[rows[0].system],
                                                                 per_page["trafilatura"])}
    return TaskResult(ARTICLE_EXTRACTION, "ok", tuple(rows), note, detail), articles


def _largest_losses(pages: Sequence[Page], ours: list[float], theirs: list[float], count: int = 10) -> list[dict]:
    """The pages where newsaudit's body scores furthest below trafilatura's: where to look first."""
    gaps = sorted(zip((t - o for o, t in zip(ours, theirs)), pages, ours, theirs), key=lambda item: -item[0])
    return [{"id": page.id, "url": page.url, "newsaudit_f1": round(o, 3), "trafilatura_f1": round(t, 3)}
            for gap, page, o, t in gaps[:count] if gap > 0]


def impersonation_guard_task(pages: Sequence[Page], articles: dict[str, Any]) -> TaskResult:
    """Real outlets on their own domains: every impersonation alarm is a false positive."""
    from ..text.domains import registered_domain

    from ..checks.outlets import impersonation_of
    from ..reference.outlets import load_outlets

    from ..reference.resources import Resources

    table, lexicon = load_outlets(), Resources().lexicon
    named = [(page, articles.get(page.id)) for page in pages]
    named = [(page, article.outlet, registered_domain(page.url)) for page, article in named
             if article is not None and article.outlet]
    newsaudit_hits = [(page.id, name, domain) for page, name, domain in named
                      if impersonation_of(name, domain, table, lexicon)]
    naive_table = list(outlet_names_and_domains(table))
    naive_hits = [(page.id, name, domain) for page, name, domain in named
                  if peers.naive_impersonation(name, domain, naive_table)]
    rows = tuple(_alarm_row(system, Alarms(len(hits), len(named))) for system, hits in
                 (("newsaudit outlet.impersonation", newsaudit_hits), ("naive rapidfuzz ratio>=85", naive_hits)))
    note = (f"{len(named)} of {len(pages)} real pages with an outlet name; must fire 0 times "
            f"(outlet table: {len(table)} outlets, {len(naive_table)} names and aliases)")
    detail = {"newsaudit_false_positives": [list(hit) for hit in newsaudit_hits],
              "naive_false_positives": [list(hit) for hit in naive_hits]}
    return TaskResult("outlet_impersonation_guard", "ok", rows, note, detail)


def outlet_names_and_domains(table: Any):
    """(name or alias, the outlet's domains) for every outlet in the table."""
    for outlet in table.outlets:
        for name in (outlet.name,) + outlet.aliases:
            yield name, outlet.domains


def _alarm_row(system: str, alarms: Alarms) -> SystemRow:
    rate = f"{alarms.rate:.1%}" if alarms.rate is not None else "n/a"
    return SystemRow(system=system, items=alarms.items, note=f"false positives {alarms.fired}/{alarms.items} ({rate})")


def war_losses_task(data_dir: Path) -> TaskResult:
    rows = load_war_losses(data_dir / WAR_LOSSES)
    check = check_war_losses(rows)
    verdict = "consistent" if check.consistent else (
        f"{len(check.personnel_decreases)} decrease(s), {len(check.day_mismatches)} day mismatch(es), "
        f"{len(check.duplicate_dates)} duplicate date(s)")
    note = f"{check.first} to {check.last}; cumulative personnel never decreases and day numbers match dates: {verdict}"
    detail = {"first": str(check.first), "last": str(check.last), "consistent": check.consistent,
              "personnel_decreases": [str(d) for d in check.personnel_decreases],
              "day_mismatches": [str(d) for d in check.day_mismatches],
              "missing_dates": check.missing_dates}
    return TaskResult(WAR_LOSSES, "reference", (SystemRow("reference series", check.rows, note=verdict),), note, detail)


BUILTIN_TASKS = (ARTICLE_EXTRACTION, "outlet_impersonation_guard", WAR_LOSSES, "quantities (project cases)",
                 "false_alarms", "planted_recall")


def task_names() -> tuple[str, ...]:
    return BUILTIN_TASKS + tuple(task.name for task in task_registry.discover())


def run_evaluation(data_dir: Path, limit: Optional[int] = None, with_findings: bool = True,
                   only: Optional[Sequence[str]] = None) -> list[TaskResult]:
    """Every task (or those named in ``only``) on the datasets under ``data_dir``."""
    wanted = set(only) if only else None
    unknown = (wanted or set()) - set(task_names())
    if unknown:
        raise ValueError(f"unknown task(s): {', '.join(sorted(unknown))}; known: {', '.join(task_names())}")

    def picked(name: str) -> bool:
        return wanted is None or name in wanted

    results: list[TaskResult] = []
    if picked(ARTICLE_EXTRACTION) or picked("outlet_impersonation_guard"):
        try:
            pages = load_article_extraction(data_dir / ARTICLE_EXTRACTION, limit)
            extraction, articles = article_extraction_task(pages)
            if picked(ARTICLE_EXTRACTION):
                results.append(extraction)
            if picked("outlet_impersonation_guard"):
                results.append(impersonation_guard_task(pages, articles))
        except DatasetMissing as err:
            results.append(TaskResult(ARTICLE_EXTRACTION, MISSING, note=str(err)))
            results.append(TaskResult("outlet_impersonation_guard", MISSING, note=str(err)))
    if picked(WAR_LOSSES):
        try:
            results.append(war_losses_task(data_dir))
        except DatasetMissing as err:
            results.append(TaskResult(WAR_LOSSES, MISSING, note=str(err)))
    if picked("quantities (project cases)"):
        results.append(quantity_cases_task())
    for task in task_registry.discover():
        if picked(task.name) and (with_findings or not task.slow or wanted is not None):
            results.extend(task_registry.run_task(task, data_dir, limit))
    if with_findings or wanted is not None:
        if picked("false_alarms"):
            results.append(false_alarm_task(data_dir, limit))
        if picked("planted_recall"):
            results.append(planted_task(data_dir))
    return results


def false_alarm_task(data_dir: Path, limit: Optional[int]) -> TaskResult:
    """Medium-or-higher findings per 100 honest real articles (every one is a false alarm)."""
    from .false_alarms import default_jobs, false_alarm_report

    try:
        result = false_alarm_report(data_dir, limit=limit, jobs=default_jobs())
    except NewsauditError as err:  # its data folders are absent
        return TaskResult("false_alarms", MISSING, note=str(err))
    total = result["total"]
    if not total["audited"] and not total["refused"]:
        return TaskResult("false_alarms", MISSING, note=f"no real article found under {data_dir}")
    by_code = ", ".join(f"{code} {entry['per_100']}" for code, entry in total["by_code"].items())
    note = (f"{total['medium_plus_per_100']} medium+ per 100 of {total['audited']} audited real articles "
            f"({total['high']} high; {total['refused']} refused); by code: {by_code or 'none'}")
    return TaskResult("false_alarms", "ok", note=note, detail=result)


def planted_task(data_dir: Path) -> TaskResult:
    """Recall of problems planted one at a time into real articles, per type."""
    from .planted import planted_report

    try:
        result = planted_report(data_dir)
    except NewsauditError as err:  # its data folders are absent
        return TaskResult("planted_recall", MISSING, note=str(err))
    by_type = ", ".join(f"{entry['type']} {entry['rate']}" for entry in result["types"])
    return TaskResult("planted_recall", "ok", note=f"recall by type: {by_type}", detail=result)


def quantity_cases_task() -> TaskResult:
    """newsaudit and quantulum3 on the project's own labelled sentences (not a public dataset)."""
    from .cases import NOT_QUANTITY_CASES, QUANTITY_CASES
    from .metrics import counts_to_scores, score_readings

    positives = [(sentence, span, value, low, high) for sentence, span, value, low, high, *_rest in QUANTITY_CASES]
    items = len(positives) + len(NOT_QUANTITY_CASES)
    rows = []
    for name, read in (("newsaudit", peers.newsaudit_readings), ("quantulum3", peers.quantulum_readings)):
        started = time.perf_counter()
        try:
            counts = score_readings(positives, list(NOT_QUANTITY_CASES), read)
        except ImportError as err:
            rows.append(SystemRow(system=name, items=items, note=f"unavailable: {err}"))
            continue
        rows.append(SystemRow(system=name, items=items, scores=counts_to_scores(counts, items),
                              seconds=round(time.perf_counter() - started, 2),
                              note=f"tp {counts.tp}, fp {counts.fp}, fn {counts.fn}"))
    note = (f"{len(positives)} labelled quantities and {len(NOT_QUANTITY_CASES)} numbers that are not "
            "quantities, in sentences the project wrote (newsaudit/eval/cases.py): a check of the reader, "
            "not an independent benchmark")
    return TaskResult("quantities (project cases)", "ok", tuple(rows), note)


def _fmt(value: Optional[float]) -> str:
    return f"{value:.3f}" if value is not None else "–"


def render_markdown(results: Sequence[TaskResult], data_dir: Optional[Path] = None) -> str:
    lines = ["# newsaudit evaluation", ""]
    if data_dir is not None:
        lines += [f"Data: `{data_dir}`", ""]
    lines += ["| task | status | system | items | precision | recall | F1 | F1 (words) | seconds | note |",
              "|---|---|---|---:|---:|---:|---:|---:|---:|---|"]
    for result in results:
        if not result.rows:
            lines.append(f"| {result.task} | {result.status} | – | – | – | – | – | – | – | {result.note} |")
        for row in result.rows:
            scores, words = row.scores, row.bag_of_words
            lines.append(
                f"| {result.task} | {result.status} | {row.system} | {row.items} | "
                f"{_fmt(scores.precision if scores else None)} | {_fmt(scores.recall if scores else None)} | "
                f"{_fmt(scores.f1 if scores else None)} | {_fmt(words.f1 if words else None)} | "
                f"{row.seconds if row.seconds is not None else '–'} | {row.note} |")
    notes = [f"- **{result.task}**: {result.note}" for result in results if result.rows and result.note]
    return "\n".join(lines + ([""] + notes if notes else [])) + "\n"


def results_to_json(results: Sequence[TaskResult], data_dir: Path) -> str:
    payload = {"data_dir": str(data_dir), "tasks": [dataclasses.asdict(result) for result in results]}
    return json.dumps(payload, indent=2, ensure_ascii=False, default=str)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsaudit.eval", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="dataset directory (default ../shared/data)")
    parser.add_argument("--out", type=Path, default=Path("eval-results"), help="where eval.md and eval.json go")
    parser.add_argument("--limit", type=int, default=None, help="at most N items per dataset")
    parser.add_argument("--no-findings", action="store_true",
                        help="skip the false-alarm guard, the planted-problem recall and other slow tasks")
    parser.add_argument("--only", default=None, metavar="TASK[,TASK...]",
                        help="run only these tasks (names as in the table; --list shows them)")
    parser.add_argument("--list", action="store_true", help="list the task names and exit")
    args = parser.parse_args(argv)
    if args.list:
        sys.stdout.write("\n".join(task_names()) + "\n")
        return 0
    data_dir = find_data_dir(args.data)
    only = [name.strip() for name in args.only.split(",") if name.strip()] if args.only else None
    try:
        results = run_evaluation(data_dir, args.limit, with_findings=not args.no_findings, only=only)
    except ValueError as err:
        sys.stderr.write(f"newsaudit.eval: {err}\n")
        return 2
    markdown = render_markdown(results, data_dir)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "eval.md").write_text(markdown, encoding="utf-8")
    (args.out / "eval.json").write_text(results_to_json(results, data_dir), encoding="utf-8")
    sys.stdout.write(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())

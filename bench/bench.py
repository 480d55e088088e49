"""Throughput, cost growth and memory of newsaudit, beside trafilatura and a spaCy NER-only pass.

    python bench/bench.py [--quick] [--out bench-results.json]

One run times: the pipeline and each stage on inputs of 1 to 50,000 words (built from the
project's own fixtures, examples and the seed), as seconds per 1,000 words so non-linear growth
shows; the same text through trafilatura alone and through spaCy's tok2vec+ner only, so ratios
hold on a noisy machine; articles per second per core; the CLI's cold start; the benchmark HTML
pages when ``../shared`` is present; and peak memory per phase, each phase in its own process so
one phase's peak does not hide another's. ``--quick`` uses fewer sizes and pages (< 1 minute).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing

from newsaudit.errors import NewsauditError  # noqa: E402

FULL_SIZES = (1, 100, 1_000, 5_000, 20_000, 50_000)
QUICK_SIZES = (1, 100, 1_000, 5_000)
LINEAR_TOLERANCE = 2.0  # s/kword at the largest size may be at most this multiple of the 1,000-word figure
MIN_PARAGRAPH_WORDS = 12  # shorter lines are headlines, captions and credits, not body paragraphs
HTML_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")
CLI_EXAMPLE = ROOT / "examples" / "valencia-floods.txt"


# ---------------------------------------------------------------- inputs

def source_files() -> list[Path]:
    files = sorted((ROOT / "tests" / "fixtures").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").glob("*.html"))
    files += sorted((ROOT / "examples").glob("*.txt")) + sorted((SHARED / "seed").glob("*.txt"))
    return [path for path in files if path.is_file()]


def paragraphs_of(path: Path) -> list[str]:
    content = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".html":
        blocks = [TAG.sub("", block) for block in HTML_PARAGRAPH.findall(content)]
    else:
        blocks = re.split(r"\n\s*\n|\n", content)
    cleaned = (" ".join(block.split()) for block in blocks)
    return [block for block in cleaned if len(block.split()) >= MIN_PARAGRAPH_WORDS]


def corpus_paragraphs() -> list[str]:
    return [paragraph for path in source_files() for paragraph in paragraphs_of(path)]


def article_of_words(paragraphs: Sequence[str], words: int) -> str:
    """A headline and body paragraphs, cycling through ``paragraphs``, of exactly ``words`` body words."""
    body: list[str] = []
    remaining, index = words, 0
    while remaining > 0:
        tokens = paragraphs[index % len(paragraphs)].split()[:remaining]
        body.append(" ".join(tokens))
        remaining -= len(tokens)
        index += 1
    return "Council Weighs Flood Defences After Record Rain\n\n" + "\n\n".join(body) + "\n"


def as_html(text: str) -> str:
    headline, *body = [block for block in text.split("\n\n") if block.strip()]
    paragraphs = "".join(f"<p>{block}</p>" for block in body)
    return f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>{paragraphs}</article></body></html>"


# ---------------------------------------------------------------- timing

@dataclass
class StageTimes:
    seconds: dict[str, float] = field(default_factory=dict)
    error: Optional[str] = None

    @property
    def total(self) -> float:
        return sum(self.seconds.values())


def time_stages(source: str, *, kind: str, url: Optional[str] = None) -> StageTimes:
    """Ingest, then each stage of STAGES in order, timed alone; stops at the first refusal."""
    from newsaudit.ingest import load_document
    from newsaudit.pipeline import STAGES, Context, empty_report
    from newsaudit.reference.resources import default_resources
    from newsaudit.settings import Settings

    times = StageTimes()
    started = time.perf_counter()
    settings = Settings(url=url, kind=kind, languages=None)
    document = load_document(source, settings)
    times.seconds["ingest"] = time.perf_counter() - started
    ctx = Context(document=document, resources=default_resources(), settings=settings)
    report = empty_report(document)
    for stage in STAGES:
        name = stage.name
        started = time.perf_counter()
        try:
            report = stage.run(report, ctx)
        except NewsauditError as err:  # a refusal (too short, no article) is a result, timed as such
            times.seconds[name] = time.perf_counter() - started
            times.error = f"{name}: {err.code}"
            return times
        except ImportError as err:  # a stage whose modules are not written yet: time the rest without it
            times.seconds[name] = time.perf_counter() - started
            times.error = f"{name}: not available ({err})"
        else:
            times.seconds[name] = time.perf_counter() - started
    return times


def best_of(run: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    """The fastest of ``repeats`` runs (the least disturbed by the rest of the machine)."""
    best, result = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result


def ner_only(text: str) -> float:
    from newsaudit.reference.resources import default_resources

    nlp = default_resources().nlp
    if nlp is None:
        return float("nan")
    enabled = [name for name in ("tok2vec", "ner") if name in nlp.pipe_names]
    with nlp.select_pipes(enable=enabled):
        started = time.perf_counter()
        nlp(text)
        return time.perf_counter() - started


def trafilatura_only(html: str, url: Optional[str] = None) -> float:
    import trafilatura

    started = time.perf_counter()
    trafilatura.extract(html, url=url)
    return time.perf_counter() - started


def repeats_for(words: int, quick: bool) -> int:
    if words >= 20_000:
        return 1
    return 2 if quick or words >= 5_000 else 3


# ---------------------------------------------------------------- measurements

def fastest_stages(source: str, *, kind: str, repeats: int, url: Optional[str] = None) -> StageTimes:
    runs = [time_stages(source, kind=kind, url=url) for _ in range(repeats)]
    return min(runs, key=lambda run: run.total)


def size_row(paragraphs: Sequence[str], words: int, quick: bool) -> dict[str, Any]:
    text = article_of_words(paragraphs, words)
    repeats = repeats_for(words, quick)
    stages = fastest_stages(text, kind="text", repeats=repeats)
    ner = min(ner_only(text) for _ in range(repeats))
    html = as_html(text)
    trafilatura_seconds = min(trafilatura_only(html) for _ in range(repeats))
    kwords = max(words, 1) / 1000
    return {
        "words": words, "stages": {name: round(sec, 4) for name, sec in stages.seconds.items()},
        "total": round(stages.total, 4), "seconds_per_1k_words": round(stages.total / kwords, 4),
        "ner_only": round(ner, 4), "ner_seconds_per_1k_words": round(ner / kwords, 4),
        "trafilatura_html": round(trafilatura_seconds, 4),
        "ratio_to_ner": round(stages.total / ner, 2) if ner > 0 else None,
        "error": stages.error,
    }


def linearity(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Compare s/kword at the largest size with the 1,000-word figure: linear cost keeps them close."""
    measured = [row for row in rows if row["words"] >= 1_000 and not (row["error"] or "").endswith("no_article")]
    if len(measured) < 2:
        return {"linear": None, "note": "fewer than two sizes of 1,000+ words"}
    base, largest = measured[0], measured[-1]
    growth = largest["seconds_per_1k_words"] / base["seconds_per_1k_words"]
    return {"linear": growth <= LINEAR_TOLERANCE, "growth": round(growth, 2),
            "note": f"s/kword at {largest['words']} words is {growth:.2f}x the figure at {base['words']}"}


def articles_per_core(quick: bool) -> dict[str, Any]:
    """Whole pipeline over the project's own articles, in CPU seconds (one core's worth)."""
    inputs = [(path.read_text(encoding="utf-8"), "html" if path.suffix == ".html" else "text")
              for path in source_files()]
    rounds = 1 if quick else 3
    time_stages(inputs[0][0], kind=inputs[0][1])  # warm-up: model loading is not per-article cost
    cpu_started, wall_started = time.process_time(), time.perf_counter()
    failures = [time_stages(source, kind=kind).error for _ in range(rounds) for source, kind in inputs]
    cpu, wall = time.process_time() - cpu_started, time.perf_counter() - wall_started
    count = rounds * len(inputs)
    return {"articles": count, "cpu_seconds": round(cpu, 3), "wall_seconds": round(wall, 3),
            "articles_per_second_per_core": round(count / cpu, 2) if cpu else None,
            "errors": sorted({error for error in failures if error})}


def cli_command() -> list[str]:
    installed = shutil.which("newsaudit")
    return [installed] if installed else [sys.executable, "-m", "newsaudit"]


def cli_cold_start(runs: int = 3) -> dict[str, Any]:
    command = cli_command() + ["check", str(CLI_EXAMPLE.relative_to(ROOT)), "--format", "json"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    seconds, codes = [], []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, env=env, cwd=ROOT)
        seconds.append(time.perf_counter() - started)
        codes.append(done.returncode)
    return {"command": " ".join([Path(command[0]).name] + command[1:]), "median_seconds": round(statistics.median(seconds), 3),
            "runs": [round(s, 3) for s in seconds], "exit_codes": codes}


def shared_pages(limit: Optional[int]) -> list[tuple[str, str, Optional[str]]]:
    folder = SHARED / "data" / "article_extraction"
    truth_path = folder / "ground-truth.json"
    if not truth_path.exists():
        return []
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        path = folder / "html" / f"{page_id}.html.gz"
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8", errors="replace") as handle:
                pages.append((page_id, handle.read(), truth[page_id].get("url")))
    return pages


def html_pages(limit: Optional[int]) -> dict[str, Any]:
    pages = shared_pages(limit)
    if not pages:
        return {"status": "missing", "note": f"{SHARED / 'data' / 'article_extraction'} not found"}
    stage_totals: dict[str, float] = {}
    cpu_started = time.process_time()
    refused = 0
    for _page_id, html, url in pages:
        times = time_stages(html, kind="html", url=url)
        refused += bool(times.error and "input." in times.error)
        for name, sec in times.seconds.items():
            stage_totals[name] = stage_totals.get(name, 0.0) + sec
    cpu = time.process_time() - cpu_started
    trafilatura_seconds = sum(trafilatura_only(html, url) for _id, html, url in pages)
    # The baseline a user would assemble: trafilatura's text, then spaCy's NER over it.
    import trafilatura

    bodies = [trafilatura.extract(html, url=url) or "" for _id, html, url in pages]
    ner_seconds = sum(ner_only(body) for body in bodies if body)
    baseline = trafilatura_seconds + ner_seconds
    total = sum(stage_totals.values())
    return {"status": "ok", "pages": len(pages), "refused": refused,
            "stages": {name: round(sec, 3) for name, sec in stage_totals.items()},
            "newsaudit_seconds": round(total, 3), "trafilatura_seconds": round(trafilatura_seconds, 3),
            "ner_only_seconds": round(ner_seconds, 3),
            "newsaudit_pages_per_second_per_core": round(len(pages) / cpu, 2) if cpu else None,
            "ratio_to_trafilatura": round(total / trafilatura_seconds, 2) if trafilatura_seconds else None,
            "ratio_to_trafilatura_plus_ner": round(total / baseline, 2) if baseline else None}


# ---------------------------------------------------------------- memory, one process per phase

def maxrss_mb() -> float:
    """This process's peak RSS. VmHWM first: ru_maxrss survives exec, so a child started by a
    big parent would report the parent's peak."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def run_memory_phase(phase: str, words: int, page_limit: Optional[int]) -> dict[str, Any]:
    """Runs in a child process: peak RSS after loading the model, then after the phase's work."""
    if phase == "trafilatura-pages":
        before = maxrss_mb()
        for _id, html, url in shared_pages(page_limit):
            trafilatura_only(html, url)
        return {"before_work_mb": round(before, 1), "peak_mb": round(maxrss_mb(), 1)}
    from newsaudit.reference.resources import default_resources

    default_resources().nlp  # noqa: B018 - the model's memory is the baseline, not the phase's
    paragraphs = corpus_paragraphs()
    time_stages(article_of_words(paragraphs, 100), kind="text")
    before_work = maxrss_mb()
    if phase == "pipeline":
        time_stages(article_of_words(paragraphs, words), kind="text")
    elif phase == "pipeline-pages":
        for _id, html, url in shared_pages(page_limit):
            time_stages(html, kind="html", url=url)
    return {"before_work_mb": round(before_work, 1), "peak_mb": round(maxrss_mb(), 1)}


def memory_phases(largest: int, page_limit: Optional[int], quick: bool) -> dict[str, Any]:
    phases = [("pipeline", largest)]
    if shared_pages(1):
        phases += [("trafilatura-pages", 0)] if quick else [("pipeline-pages", 0), ("trafilatura-pages", 0)]
    results = {}
    for phase, words in phases:
        command = [sys.executable, str(Path(__file__).resolve()), "--memory-phase", phase, "--words", str(words)]
        if page_limit:
            command += ["--pages", str(page_limit)]
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        label = f"{phase} ({words:,} words)" if words else phase
        if done.returncode != 0:
            results[label] = {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
            continue
        results[label] = json.loads(done.stdout.strip().splitlines()[-1])
    return results


# ---------------------------------------------------------------- report

def _cell(value: Any) -> str:
    return "–" if value is None else str(value)


def render(results: dict[str, Any]) -> str:
    stage_names = sorted({name for row in results["sizes"] for name in row["stages"]},
                         key=lambda name: ["ingest", "structure", "claims", "checks", "scores"].index(name)
                         if name in ("ingest", "structure", "claims", "checks", "scores") else 99)
    lines = ["## Cost by input length (best of runs, seconds)", "",
             "| words | " + " | ".join(stage_names) + " | total | s / 1k words | spaCy NER-only | NER s / 1k words "
             "| x NER | trafilatura (HTML) | note |",
             "|---:|" + "---:|" * len(stage_names) + "---:|---:|---:|---:|---:|---:|---|"]
    for row in results["sizes"]:
        stage_cells = " | ".join(_cell(row["stages"].get(name)) for name in stage_names)
        lines.append(f"| {row['words']:,} | {stage_cells} | {row['total']} | {row['seconds_per_1k_words']} | "
                     f"{row['ner_only']} | {row['ner_seconds_per_1k_words']} | {_cell(row['ratio_to_ner'])} | "
                     f"{row['trafilatura_html']} | {row['error'] or ''} |")
    lines += ["", f"Linear growth: {results['linearity']}", "", "## Throughput, start-up and memory", "",
              "| measure | value |", "|---|---|"]
    per_core = results["articles_per_core"]
    lines.append(f"| articles / s / core (project fixtures, {per_core['articles']} runs) | "
                 f"{per_core['articles_per_second_per_core']} (errors: {', '.join(per_core['errors']) or 'none'}) |")
    cli = results["cli_cold_start"]
    lines.append(f"| CLI cold start `{cli['command']}` (median of {len(cli['runs'])}) | "
                 f"{cli['median_seconds']} s (exit codes {cli['exit_codes']}) |")
    pages = results["html_pages"]
    if pages["status"] == "ok":
        lines.append(f"| benchmark HTML pages ({pages['pages']}, {pages['refused']} refused): newsaudit | "
                     f"{pages['newsaudit_seconds']} s, {pages['newsaudit_pages_per_second_per_core']} pages/s/core, "
                     f"stages {pages['stages']} |")
        lines.append(f"| same pages: trafilatura alone | {pages['trafilatura_seconds']} s "
                     f"(newsaudit = {pages['ratio_to_trafilatura']} x trafilatura) |")
        lines.append(f"| same pages: trafilatura + spaCy NER-only on its text | "
                     f"{round(pages['trafilatura_seconds'] + pages['ner_only_seconds'], 3)} s "
                     f"(newsaudit = {pages['ratio_to_trafilatura_plus_ner']} x that baseline) |")
    else:
        lines.append(f"| benchmark HTML pages | missing: {pages['note']} |")
    for name, seconds in results["resource_load_seconds"].items():
        lines.append(f"| first load of resource `{name}` | {seconds}{' s' if isinstance(seconds, float) else ''} |")
    for label, memory in results["memory"].items():
        value = memory.get("error") or f"peak {memory['peak_mb']} MB (before the phase's work {memory['before_work_mb']} MB)"
        lines.append(f"| peak RSS, phase {label} | {value} |")
    return "\n".join(lines) + "\n"


def resource_load_seconds() -> dict[str, Any]:
    """First-use cost of each shared resource: what every new process pays before its first article."""
    from newsaudit.reference.resources import default_resources

    resources, loads = default_resources(), {}
    for name in ("nlp", "gazetteer", "outlets", "anchors"):
        started = time.perf_counter()
        try:
            getattr(resources, name)
        except ImportError as err:  # the module behind it is not written yet
            loads[name] = f"not available ({err})"
            continue
        loads[name] = round(time.perf_counter() - started, 2)
    return loads


def run(quick: bool) -> dict[str, Any]:
    sizes = QUICK_SIZES if quick else FULL_SIZES
    page_limit = 10 if quick else None
    paragraphs = corpus_paragraphs()
    loads = resource_load_seconds()
    time_stages(article_of_words(paragraphs, 200), kind="text")  # first-call costs are not per-article costs
    trafilatura_only(as_html(article_of_words(paragraphs, 200)))
    results: dict[str, Any] = {"quick": quick, "cpu_count": os.cpu_count(), "python": sys.version.split()[0],
                               "resource_load_seconds": loads, "source_paragraphs": len(paragraphs)}
    results["sizes"] = [size_row(paragraphs, words, quick) for words in sizes]
    results["linearity"] = linearity(results["sizes"])
    results["articles_per_core"] = articles_per_core(quick)
    results["html_pages"] = html_pages(page_limit)
    results["cli_cold_start"] = cli_cold_start(1 if quick else 3)
    results["memory"] = memory_phases(sizes[-1], page_limit, quick)
    return results


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer sizes and pages: under a minute")
    parser.add_argument("--out", type=Path, default=Path("bench-results.json"))
    parser.add_argument("--memory-phase", help=argparse.SUPPRESS)  # internal: one phase in a child process
    parser.add_argument("--words", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--pages", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_phase:
        print(json.dumps(run_memory_phase(args.memory_phase, args.words, args.pages)))
        return 0
    started = time.perf_counter()
    results = run(args.quick)
    results["bench_seconds"] = round(time.perf_counter() - started, 1)
    markdown = render(results)
    args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(markdown + f"\n(bench took {results['bench_seconds']} s; results in {args.out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

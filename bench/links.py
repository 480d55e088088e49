"""Story linking at corpus scale: 100,000 synthetic stored articles, linked and corroborated.

Builds a DuckDB store whose ``articles`` table holds synthetic reports (the shape ``newsaudit
batch`` stores: ``article_id``, ``outlet``, ``published`` and the report JSON), then times
``newsaudit.corpus.store.link_store`` on it and scores the links against the planted stories
(pairwise precision, recall and F1). A share of the articles are stories told by three to five
outlets within three days; the rest are single articles. All of them draw their words from one
shared vocabulary and their names from a pool that stories share, so blocking has work to do.

Run: ``python bench/links.py [--articles 100000] [--db PATH] [--seed 7]``. The numbers are a
regression check of speed on text we generate, never a measure of linking quality on real news.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from newsaudit.model import Article, Claim, InputInfo, Quantity, Report, Tool

VOCABULARY = 5000  # common words
NAMES = 40000  # proper names, of which each story takes a few
STORY_SHARE = 0.4  # of the articles, the share that belong to a story of 3-5 articles
DAYS = 365


SYLLABLES = ("ka", "lo", "mi", "ne", "tu", "ra", "so", "vi", "de", "ba", "gu", "pe", "zo", "fa", "ri", "xu")


def spelled(index: int, prefix: str) -> str:
    """A pronounceable pseudo-word for an index: letters only, as the feature readers expect."""
    letters = prefix
    while True:
        letters += SYLLABLES[index % len(SYLLABLES)]
        index //= len(SYLLABLES)
        if not index:
            return letters


def word(rng: random.Random, pool: int, prefix: str) -> str:
    index = int(rng.paretovariate(1.2)) % pool  # a few words are very common, most are rare
    return spelled(index, prefix)


def story_facts(rng: random.Random) -> dict:
    return {"names": [spelled(rng.randrange(NAMES), "n").capitalize() for _ in range(4)],
            "figure": rng.randint(12, 50000), "day": date(2025, 1, 1) + timedelta(days=rng.randrange(DAYS)),
            "words": [spelled(rng.randrange(VOCABULARY * 4), "s") for _ in range(6)]}


def article(rng: random.Random, facts: dict, outlet: int, number: int) -> tuple[str, str, Report]:
    """One synthetic stored article: a body of common words around the story's names and figure."""
    day = facts["day"] + timedelta(days=rng.randrange(3))
    sentences = []
    for _ in range(rng.randint(6, 12)):
        words = [word(rng, VOCABULARY, "w") for _ in range(rng.randint(8, 16))]
        if rng.random() < 0.6:
            words.insert(rng.randrange(len(words)), rng.choice(facts["names"]))
        if rng.random() < 0.5:
            words.insert(rng.randrange(len(words)), rng.choice(facts["words"]))
        sentences.append("Then " + " ".join(words) + ".")
    figure_sentence = (f"Officials said {facts['figure']:,} people were affected in {facts['names'][1]} "
                       f"after the {facts['words'][0]} {facts['words'][1]}.")
    text = " ".join(sentences[:2] + [figure_sentence] + sentences[2:])
    at = text.index(f"{facts['figure']:,}")
    printed = f"{facts['figure']:,} people"
    quantity = Quantity(printed, float(facts["figure"]), None, None, "people", False, at, at + len(printed), "count")
    start = text.index(figure_sentence)
    claim = Claim("c1", figure_sentence, start, start + len(figure_sentence), 0.9, None, "Officials",
                  quantities=(quantity,))
    headline = " ".join([facts["names"][0], *facts["words"][:3]])
    article_id = f"{number:08d}"
    report = Report(Tool("newsaudit", "bench"), InputInfo("bench", "text", "0", article_id),
                    Article(f"Outlet {outlet}", f"outlet{outlet}.example", None, headline, None, day.isoformat(),
                            "metadata", text), claims=(claim,))
    return article_id, f"Outlet {outlet}", report


def corpus(size: int, seed: int):
    """(article_id, outlet, report JSON) rows and the planted story of each article (or None)."""
    rng = random.Random(seed)
    rows, planted = [], {}
    number, story = 0, 0
    while number < size:
        story += 1
        in_story = rng.random() < STORY_SHARE
        facts = story_facts(rng)
        tellers = rng.randint(3, 5) if in_story else 1
        for outlet in rng.sample(range(40), tellers):
            if number >= size:
                break
            article_id, name, report = article(rng, facts, outlet, number)
            rows.append((article_id, name, report.article.published, report.to_json(indent=None)))
            planted[article_id] = story if in_story else None
            number += 1
    return rows, planted


def score(connection, planted: dict) -> tuple[float, float, float]:
    found = {(a, b) for a, b in connection.execute(
        "SELECT article_id, other_article_id FROM story_links WHERE article_id < other_article_id").fetchall()}
    stories: dict[int, list[str]] = {}
    for article_id, story in planted.items():
        if story is not None:
            stories.setdefault(story, []).append(article_id)
    truth = {tuple(sorted(pair)) for members in stories.values() for pair in itertools.combinations(members, 2)}
    hits = len(found & truth)
    precision = hits / len(found) if found else 0.0
    recall = hits / len(truth) if truth else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if hits else 0.0)


def main() -> None:
    import duckdb

    from newsaudit.corpus.store import link_store

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="store to build (default: a temporary file)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "bench.duckdb"
    began = time.perf_counter()
    rows, planted = corpus(args.articles, args.seed)
    connection = duckdb.connect(str(path))
    connection.execute("SET enable_progress_bar = false")
    connection.execute("CREATE OR REPLACE TABLE articles (article_id VARCHAR PRIMARY KEY, outlet VARCHAR, "
                       "published VARCHAR, report JSON)")
    import pandas

    frame = pandas.DataFrame(rows, columns=["article_id", "outlet", "published", "report"])  # noqa: F841 - read by SQL
    connection.execute("INSERT INTO articles SELECT * FROM frame")
    built, cpu = time.perf_counter(), time.process_time()
    summary = link_store(connection)
    linked, cpu = time.perf_counter(), time.process_time() - cpu
    precision, recall, f1 = score(connection, planted)
    print(f"{summary.articles:,} articles stored in {built - began:.1f} s; linked and corroborated in "
          f"{linked - built:.1f} s ({cpu:.1f} s of this process's CPU): {summary.links:,} links, {summary.findings:,} findings; "
          f"pairwise precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f} (synthetic)", file=sys.stderr)


if __name__ == "__main__":
    main()

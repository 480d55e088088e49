"""Story linking at corpus scale: N stored articles (100,000 by default), linked and corroborated.

Builds a DuckDB store whose ``articles`` table holds generated reports (the shape ``newsaudit
batch`` stores: ``article_id``, ``outlet``, ``published_date`` and the report JSON), times
``newsaudit.corpus.store.link_store`` on it (wall time, CPU, peak memory) and scores the links
against the planted stories (pairwise precision, recall and F1).

The generator is built so that blocking has honest work to do, as on a real crawl:

- words are drawn, by their real frequency, from the real article bodies of
  ``../shared/data/article_extraction`` (read at run time, never stored; invented words when the
  data is absent), and the popular names (the few that a tenth of the news carries: a country,
  a leader) from their capitalised words;
- stories belong to topics (Zipf-distributed: a war, an election, a league), and the stories of
  one topic on one day share its popular names, its main place and its topic words: the hard
  negatives of real news, articles on the same days and subjects about different events;
- each story has its own rare names, place, figures and wording (25 words that describe the
  event, 30% of a body's words; its topic's wording 15%), of which each outlet tells only a
  part, among common words, published within three days of the event;
- each of 60 outlets stamps its own boilerplate names on every article it publishes;
- 45% of the articles are single articles on no shared story.

Run: ``nice python bench/links.py [--articles 100000] [--days 120] [--db PATH] [--seed 7]``.
The figures are a regression check of speed and of linking on generated text, never a measure
of linking quality on real news.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import resource
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from newsaudit.model import Article, Claim, InputInfo, Place, Quantity, Report, Tool
from newsaudit.text.sentences import STOPWORDS

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "article_extraction" / "ground-truth.json"
OUTLETS = 60
SINGLE_SHARE = 0.45  # of the stories, the share told by one article only
PLACES = 20000
RARE_NAMES = 400000
SYLLABLES = ("ka", "lo", "mi", "ne", "tu", "ra", "so", "vi", "de", "ba", "gu", "pe", "zo", "fa", "ri", "xu")
START = date(2025, 1, 1)
STORY_WORDS, TOPIC_WORDS = 0.3, 0.15  # of a body's words, the share from its story's and its topic's wording


def spelled(index: int, prefix: str) -> str:
    """A pronounceable invented word for an index: letters only, as the feature readers expect."""
    letters = prefix
    while True:
        letters += SYLLABLES[index % len(SYLLABLES)]
        index //= len(SYLLABLES)
        if not index:
            return letters


def vocabulary(path: Path = SHARED) -> tuple[list[str], list[str], str]:
    """Common words and popular names ranked by frequency, from real article bodies when present."""
    if path.exists():
        bodies = [item.get("articleBody") or "" for item in json.loads(path.read_text(encoding="utf-8")).values()]
        english = [b for b in bodies if sum(w in STOPWORDS for w in b.lower().split()) > 0.2 * max(1, len(b.split()))]
        words = Counter(w for b in english for w in re.findall(r"\b[a-z]{4,}\b", b) if w not in STOPWORDS)
        names = Counter(m for b in english for m in re.findall(r"(?<![.!?]\s)(?<!^)(?<=\s)[A-Z][a-z]{3,}\b", b))
        ranked_words = [w for w, _ in words.most_common(6000)]
        ranked_names = [n for n, _ in names.most_common(400) if n.lower() not in STOPWORDS]
        if len(ranked_words) > 2000 and len(ranked_names) > 100:
            return ranked_words, ranked_names[:300], f"words and popular names of {len(english)} real article bodies"
    return ([spelled(i, "w") for i in range(6000)], [spelled(i, "h").capitalize() for i in range(300)],
            "invented words (../shared/data/article_extraction is absent)")


def zipf(rng: random.Random, size: int, skew: float = 1.1) -> int:
    return min(size - 1, int(rng.paretovariate(skew)) - 1)


class Generator:
    def __init__(self, seed: int, days: int) -> None:
        self.rng = random.Random(seed)
        self.days = days
        self.words, self.hubs, self.origin = vocabulary()
        self.cumulative = list(itertools.accumulate(1 / (rank + 20) for rank in range(len(self.words))))
        self.topics = [self._topic() for _ in range(400)]
        self.boilerplate = [[spelled(self.rng.randrange(RARE_NAMES), "o").capitalize() for _ in range(2)]
                            for _ in range(OUTLETS)]

    def _topic(self) -> dict:
        rng = self.rng
        return {"hubs": [self.hubs[zipf(rng, len(self.hubs), 0.9)] for _ in range(2)],
                "place": zipf(rng, 300, 0.9) + 1,  # capitals and big cities: few, common
                "words": [self.words[rng.randrange(200, 3000)] for _ in range(6)],
                "vocabulary": [self.words[rng.randrange(50, len(self.words))] for _ in range(30)]}

    def story(self) -> dict:
        rng = self.rng
        topic = self.topics[zipf(rng, len(self.topics), 0.8)]
        figures = [rng.choice((10, 12, 20, 50, 100, 200, 1000)) * rng.randint(1, 3) if rng.random() < 0.4
                   else rng.randint(11, 90000) for _ in range(rng.randint(1, 3))]
        return {"topic": topic, "names": [spelled(rng.randrange(RARE_NAMES), "n").capitalize() for _ in range(3)],
                "place": 300 + zipf(rng, PLACES - 300, 0.6), "figures": figures,
                "words": [self.words[rng.randrange(2000, len(self.words))] for _ in range(3)],
                "vocabulary": [self.words[rng.randrange(50, len(self.words))] for _ in range(25)],
                "day": START + timedelta(days=rng.randrange(self.days))}

    def common(self, count: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=count)  # Zipf, as in real text

    def article(self, story: dict, outlet: int, number: int) -> Report:
        """One stored article: a body of common words carrying a part of its story's facts."""
        rng = self.rng
        topic = story["topic"]

        def some(items: list, share: float, least: int = 0) -> list:
            chosen = [item for item in items if rng.random() < share]
            return chosen or list(items[:least])

        names = some(story["names"], 0.75, 1) + some(topic["hubs"], 0.7) + self.boilerplate[outlet]
        words = some(story["words"], 0.6) + some(topic["words"], 0.6)
        sentences = []
        for _ in range(rng.randint(8, 20)):
            body = [rng.choice(story["vocabulary"]) if draw < STORY_WORDS else
                    rng.choice(topic["vocabulary"]) if draw < STORY_WORDS + TOPIC_WORDS else common
                    for common, draw in zip(self.common(18), (rng.random() for _ in range(rng.randint(8, 18))))]
            for extra in (rng.sample(names, 1) if rng.random() < 0.5 else []) + \
                    (rng.sample(words, 1) if words and rng.random() < 0.5 else []):
                body.insert(rng.randrange(1, len(body)), extra)
            sentences.append(body[0].capitalize() + " " + " ".join(body[1:]) + ".")
        claims, places = [], []
        place_name = spelled(story["place"], "p").capitalize()
        facts = [(f, story["place"] if rng.random() < 0.8 else topic["place"]) for f in some(story["figures"], 0.8, 1)]
        text = " ".join(sentences[:2])
        for index, (figure, place) in enumerate(facts):
            where = spelled(place, "p").capitalize()
            sentence = f"Officials in {where} said {figure:,} people were affected by the {' '.join(words[:2]) or 'event'}."
            start = len(text) + 1
            text += " " + sentence
            at = text.index(f"{figure:,}", start)
            printed = f"{figure:,} people"
            spot = text.index(where, start)
            located = Place(where, where, "XX", None, None, place, spot, spot + len(where), id=f"p{index + 1}")
            places.append(located)
            claims.append(Claim(f"c{index + 1}", sentence, start, start + len(sentence), 0.9, None, "Officials",
                                quantities=(Quantity(printed, float(figure), None, None, "people", False, at,
                                                     at + len(printed), "count"),), places=(located,)))
        text += " " + " ".join(sentences[2:])
        headline = " ".join([rng.choice(story["names"]).capitalize(), *some(story["words"] + topic["words"], 0.4, 2),
                             place_name if rng.random() < 0.5 else ""]).strip()
        day = story["day"] + timedelta(days=rng.randrange(3))
        article_id = f"{number:08d}"
        domain = f"outlet{outlet}.example"
        return Report(Tool("newsaudit", "bench"), InputInfo("bench", "text", "0", article_id),
                      Article(f"Outlet {outlet}", domain, f"https://{domain}/{article_id}", headline, None,
                              day.isoformat(), "metadata", text), claims=tuple(claims), places=tuple(places))


def corpus(size: int, seed: int, days: int):
    """(article_id, outlet, published_date, report JSON) rows and the planted story of each article."""
    generator = Generator(seed, days)
    rng = generator.rng
    rows, planted = [], {}
    number, story_number = 0, 0
    while number < size:
        story_number += 1
        story = generator.story()
        tellers = 1 if rng.random() < SINGLE_SHARE else rng.choices(range(2, 9), (30, 25, 15, 10, 8, 6, 6))[0]
        for outlet in rng.sample(range(OUTLETS), tellers):
            if number >= size:
                break
            report = generator.article(story, outlet, number)
            rows.append((report.input.article_id, report.article.outlet, report.article.published,
                         report.to_json(indent=None)))
            planted[report.input.article_id] = story_number if tellers > 1 else None
            number += 1
    return rows, planted, generator.origin


def score(connection, planted: dict) -> tuple[float, float, float, int]:
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
    return precision, recall, (2 * precision * recall / (precision + recall) if hits else 0.0), len(truth)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main() -> None:
    import duckdb

    from newsaudit.corpus.store import link_store

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=120, help="days the articles are published over")
    parser.add_argument("--db", type=Path, default=None, help="store to build (default: a temporary file)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-corroborate", action="store_true", help="time the links alone")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "bench.duckdb"
    began = time.perf_counter()
    rows, planted, origin = corpus(args.articles, args.seed, args.days)
    connection = duckdb.connect(str(path))
    connection.execute("SET enable_progress_bar = false")
    connection.execute("CREATE OR REPLACE TABLE articles (article_id VARCHAR PRIMARY KEY, outlet VARCHAR, "
                       "published_date DATE, report JSON)")
    import pandas

    frame = pandas.DataFrame(rows, columns=["article_id", "outlet", "published_date", "report"])  # noqa: F841
    connection.execute("INSERT INTO articles SELECT article_id, outlet, CAST(published_date AS DATE), report FROM frame")
    del rows, frame
    before = peak_mb()
    built, cpu = time.perf_counter(), time.process_time()
    summary = link_store(connection, corroborate_claims=not args.no_corroborate)
    linked, cpu = time.perf_counter(), time.process_time() - cpu
    precision, recall, f1, truth = score(connection, planted)
    print(f"{summary.articles:,} articles over {args.days} days ({origin}) stored in {built - began:.1f} s; "
          f"linked{'' if args.no_corroborate else ' and corroborated'} in {linked - built:.1f} s wall, "
          f"{cpu:.1f} s CPU; peak memory {peak_mb():,.0f} MB (before linking {before:,.0f} MB); "
          f"{summary.links:,} links ({truth:,} planted pairs), {summary.findings:,} findings; "
          f"pairwise precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f} (generated)")


if __name__ == "__main__":
    main()

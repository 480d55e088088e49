"""Story links: which articles of a corpus report the same story.

Each article becomes a ``Sketch``: its publication day and its distinctive features, namely the
proper names of its headline and body ("n:pokrovsk"), its figures ("f:224"), its places
("p:704422"), and the content words of its headline and lead ("w:encirc"). Two articles are
compared only when they share a rare feature within ``WINDOW_DAYS`` of each other (blocking: an
inverted index keyed by feature and day, whose postings past ``MAX_POSTING`` are dropped as too
common that day), so the cost grows with the corpus times the few candidates each article has,
not with its square.

A candidate pair's score is the cosine of their features weighted by inverse document
frequency (a name or figure few articles share says more than a common word), and pairs scoring
``LINK_SCORE`` or more, with ``MIN_SHARED`` features in common of which at least one is a name, a
place or a figure, are linked. ``link_stories`` returns the links in both directions, sorted.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Optional, Sequence

from ..model import Report
from ..text.sentences import STOPWORDS, stem

WINDOW_DAYS = 3  # articles on one story are published within a few days of each other
MAX_POSTING = 400  # a feature more articles than this carry on one day is not rare
LINK_SCORE = 0.3
MIN_CORPUS = 1000  # document frequencies are read as if from at least this many articles
MIN_SHARED = 4
LEAD_WORDS = 120  # body words read for wording, after the headline
MAX_FEATURES = 60  # the rarest features kept per article: the cost per article stays bounded
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zà-ÿ]+(?:[-’'][A-Z]?[a-zà-ÿ]+)*")
WORD = re.compile(r"[A-Za-z][A-Za-z\-]+")
# Names every article of a kind carries (days, months, a newsroom's own words): no story's mark.
COMMON_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december mr mrs ms dr the a an but and or in on at it he she they we i this that "
    "his her their its if as when while after before".split())


@dataclass(frozen=True)
class Sketch:
    """What an article is compared by."""

    article_id: str
    day: Optional[date]
    outlet: Optional[str]
    features: frozenset[str]


@dataclass(frozen=True, order=True)
class Link:
    article_id: str
    other_article_id: str
    score: float


def sketch(report: Report) -> Sketch:
    """An article's sketch from its report (headline, body lead, claims' figures and places)."""
    article = report.article
    figures = [(q.value, q.kind) for claim in report.claims for q in claim.quantities]
    places = [p.geonames_id or p.name.lower() for claim in report.claims for p in claim.places]
    return _sketch(_Page(_article_id(report), article.headline, article.text, article.published,
                         article.outlet or article.domain, figures, places))


def sketch_data(data: dict) -> Sketch:
    """The same sketch from a report's JSON form, without rebuilding the report (a store's pass)."""
    article = data.get("article") or {}
    claims = [c for c in data.get("claims") or () if isinstance(c, dict)]
    figures = [(q.get("value"), q.get("kind")) for c in claims for q in c.get("quantities") or () if isinstance(q, dict)]
    places = [p.get("geonames_id") or str(p.get("name") or "").lower()
              for c in claims for p in c.get("places") or () if isinstance(p, dict)]
    identifier = (data.get("input") or {}).get("article_id")
    if not identifier:
        from ..model import article_id

        identifier = article_id(article.get("text") or "", article.get("url"))
    return _sketch(_Page(identifier, article.get("headline"), article.get("text") or "", article.get("published"),
                         article.get("outlet") or article.get("domain"), figures, places))


@dataclass(frozen=True)
class _Page:
    """What a sketch is made from, read from a report or from its JSON."""

    identifier: str
    headline: Optional[str]
    text: str
    published: Optional[str]
    outlet: Optional[str]
    figures: list  # (value, kind) of each quantity of the claims
    places: list  # geonames id (or lower-cased name) of each place of the claims


def _sketch(page: _Page) -> Sketch:
    lead = " ".join(page.text[:4000].split()[:LEAD_WORDS])
    features: set[str] = set()
    for part in (page.headline or "", lead):
        features |= {f"w:{stem(w)}" for w in WORD.findall(part) if w.lower() not in STOPWORDS and len(w) > 3}
    names = NAME.findall(page.headline or "") + NAME.findall(page.text[:20000])
    features |= {f"n:{name.lower()}" for name in names if name.lower() not in COMMON_NAMES}
    features |= {f"f:{value:g}" for value, kind in page.figures
                 if isinstance(value, (int, float)) and value >= 10 and kind in ("count", "money", "percent")}
    features |= {f"p:{place}" for place in page.places if place}
    return Sketch(page.identifier, _day(page.published), page.outlet, frozenset(features))


def _article_id(report: Report) -> str:
    from ..model import article_id

    return report.input.article_id or article_id(report.article.text, report.article.url)


def _day(published: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(published[:10]) if published and len(published) >= 10 else None
    except ValueError:
        return None


def link_stories(items: Iterable[Report | Sketch], *, score: float = LINK_SCORE) -> list[Link]:
    """Links between the articles that report the same story, both directions, sorted."""
    sketches = [item if isinstance(item, Sketch) else sketch(item) for item in items]
    frequency = Counter(feature for s in sketches for feature in s.features)
    total = max(len(sketches), MIN_CORPUS)  # a small pool (one article against its days) weighs like a large one
    weight = {feature: math.log(1 + total / count) for feature, count in frequency.items()}
    kept = [_rarest(s, weight, frequency) for s in sketches]
    links: list[Link] = []
    for index, other, value in _scored_pairs(sketches, kept, weight):
        if value >= score:
            a, b = sketches[index].article_id, sketches[other].article_id
            links += [Link(a, b, round(value, 4)), Link(b, a, round(value, 4))]
    return sorted(set(links))


def _rarest(s: Sketch, weight: dict[str, float], frequency: Counter) -> tuple[str, ...]:
    """The rarest features another article also has: what a link can be found by."""
    shared = [f for f in s.features if frequency[f] > 1]
    return tuple(sorted(shared, key=lambda f: (-weight[f], f))[:MAX_FEATURES])


def _scored_pairs(sketches: Sequence[Sketch], kept: Sequence[tuple[str, ...]], weight: dict[str, float]):
    """Every candidate pair (blocked by rare features within the day window) with its score.

    Postings are keyed by feature and by a block of ``WINDOW_DAYS`` + 1 days: an article looks in
    its own block and the two beside it, then keeps the articles within ``WINDOW_DAYS`` of its day.
    """
    postings: dict[tuple[str, int], list[int]] = defaultdict(list)
    blocks = [_block(s.day) for s in sketches]
    for index, features in enumerate(kept):
        for feature in features:
            postings[(feature, blocks[index])].append(index)
    norms = [math.sqrt(sum(weight[f] ** 2 for f in s.features)) or 1.0 for s in sketches]
    for index, s in enumerate(sketches):
        shared: dict[int, list[str]] = defaultdict(list)
        near = (blocks[index],) if s.day is None else (blocks[index] - 1, blocks[index], blocks[index] + 1)
        for feature in kept[index]:
            for block in near:
                posting = postings.get((feature, block), ())
                if len(posting) > MAX_POSTING:
                    continue  # common in those days: no mark of one story
                for other in posting:
                    if other > index:
                        shared[other].append(feature)
        for other, features in shared.items():
            if len(features) < MIN_SHARED or not any(f[0] in "npf" for f in features):
                continue
            if not _within(s.day, sketches[other].day):
                continue
            value = sum(weight[f] ** 2 for f in features) / (norms[index] * norms[other])
            yield index, other, value


def _block(day: Optional[date]) -> int:
    return -1 if day is None else day.toordinal() // (WINDOW_DAYS + 1)


def _within(a: Optional[date], b: Optional[date]) -> bool:
    if a is None or b is None:
        return a is None and b is None  # undated articles are linked only with each other
    return abs((a - b).days) <= WINDOW_DAYS

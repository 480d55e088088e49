"""Story links: which articles of a corpus report the same story.

Each article becomes a ``Sketch``: its publication day and its distinctive features, namely the
proper names of its headline and body ("n:pokrovsk"), its figures ("f:224"), its places
("p:704422"), and the content words of its headline and lead ("w:encirc"). Two articles are
compared only when they share ``MIN_KEYS`` of their ``BLOCK_KEYS`` rarest features within
``WINDOW_DAYS`` of each other (blocking: an inverted index keyed by feature and block of days,
whose postings past ``MAX_POSTING`` are dropped as too common in those days), so the cost grows
with the corpus times the few candidates each article has, not with its square
(``bench/links.py``: 100,000 articles in minutes on two cores).

A candidate pair's score is the cosine of all their features (not only the keys) weighted by
inverse document frequency (a name or figure few articles share says more than a common word), and pairs scoring
``LINK_SCORE`` or more, with ``MIN_SHARED`` features in common of which at least one is a name, a
place or a figure, are linked. ``link_stories`` returns the links in both directions, sorted.
"""

from __future__ import annotations

import math
import re
import sys
from functools import lru_cache
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Optional, Sequence

from ..model import Report
from ..text.sentences import STOPWORDS, stem

_stem = lru_cache(maxsize=1 << 18)(stem)  # a corpus says the same words again and again

WINDOW_DAYS = 3  # articles on one story are published within a few days of each other
MAX_POSTING = 400  # a feature more articles than this carry on one day is not rare
LINK_SCORE = 0.3
MIN_CORPUS = 1000  # document frequencies are read as if from at least this many articles
MIN_SHARED = 4
LEAD_WORDS = 120  # body words read for wording, after the headline
BLOCK_KEYS = 30  # the rarest features an article is looked up by: the cost per article stays bounded
MIN_KEYS = 2  # of them, how many a candidate must share to be scored
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
        features |= {f"w:{_stem(w)}" for w in WORD.findall(part) if len(w) > 3 and w.lower() not in STOPWORDS}
    names = NAME.findall(page.headline or "") + NAME.findall(page.text[:20000])
    features |= {f"n:{name.lower()}" for name in names if name.lower() not in COMMON_NAMES}
    features |= {f"f:{value:g}" for value, kind in page.figures
                 if isinstance(value, (int, float)) and value >= 10 and kind in ("count", "money", "percent")}
    features |= {f"p:{place}" for place in page.places if place}
    # one string object per distinct feature across the corpus, not one per article: a sketch
    # of 100,000 articles keeps to its share of memory
    return Sketch(page.identifier, _day(page.published), page.outlet, frozenset(map(sys.intern, features)))


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
    weight = {feature: math.log(1 + total / count) ** 2 for feature, count in frequency.items()}  # squared
    keys = _keys(sketches, frequency)
    links: list[Link] = []
    for index, other, value in _scored_pairs(sketches, keys, weight):
        if value >= score:
            a, b = sketches[index].article_id, sketches[other].article_id
            links += [Link(a, b, round(value, 4)), Link(b, a, round(value, 4))]
    return sorted(set(links))


def _keys(sketches: Sequence[Sketch], frequency: Counter) -> list[list[int]]:
    """Each article's blocking keys: its ``BLOCK_KEYS`` rarest features that another article also
    has, as numbers (a feature's rank from the rarest, ties in alphabetical order). Articles on one
    story share their rare names, figures and places, so they meet on them."""
    shared = sorted((f for f, count in frequency.items() if count > 1), key=lambda f: (frequency[f], f))
    rank = {feature: number for number, feature in enumerate(shared)}
    del shared
    return [sorted(map(rank.__getitem__, s.features & rank.keys()))[:BLOCK_KEYS] for s in sketches]


def _scored_pairs(sketches: Sequence[Sketch], keys: Sequence[list[int]], weight: dict[str, float]):
    """Every candidate pair (blocked by rare features within the day window) with its score.

    Postings are keyed by feature and by a block of ``WINDOW_DAYS`` + 1 days: an article looks in
    its own block and the two beside it, then keeps the articles within ``WINDOW_DAYS`` of its day.
    A posting longer than ``MAX_POSTING`` is dropped (a feature that common in those days is no
    mark of one story), and a candidate must share ``MIN_KEYS`` keys. It is then scored on the
    whole of both articles' features (a set intersection): the keys decide only who is compared.
    Each pair is met once, from its later article: the postings hold the articles before it.
    """
    days = [None if s.day is None else s.day.toordinal() for s in sketches]
    blocks = [0 if day is None else 1 + day // (WINDOW_DAYS + 1) for day in days]  # 0: undated
    stride = max(blocks) + 2
    sizes = Counter(key * stride + block for features, block in zip(keys, blocks) for key in features)
    common = {posting for posting, size in sizes.items() if size > MAX_POSTING}
    del sizes
    postings: dict[int, list[int]] = defaultdict(list)
    norms = [math.sqrt(sum(weight[f] for f in s.features)) or 1.0 for s in sketches]
    strong = [frozenset(f for f in s.features if f[0] in "npf") for s in sketches]
    for index, s in enumerate(sketches):
        day, block = days[index], blocks[index]
        near = (0,) if day is None else (block - 1, block, block + 1)
        met: list[int] = []
        for key in keys[index]:
            base = key * stride
            for b in near:
                posting = postings.get(base + b)
                if posting is not None:
                    met += posting
            if base + block not in common:
                postings[base + block].append(index)
        if not met:
            continue
        mine, mine_strong = s.features, strong[index]
        for other, count in Counter(met).items():
            if count < MIN_KEYS:
                continue  # one rare word in common is chance: one story's articles share several
            if day is None or days[other] is None:
                if day is not None or days[other] is not None:
                    continue  # undated articles are linked only with each other
            elif abs(day - days[other]) > WINDOW_DAYS:
                continue
            if mine_strong.isdisjoint(strong[other]):
                continue  # no name, place or figure in common
            shared = mine & sketches[other].features
            if len(shared) < MIN_SHARED:
                continue
            yield other, index, sum(weight[f] for f in shared) / (norms[index] * norms[other])

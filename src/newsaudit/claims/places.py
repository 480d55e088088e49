"""Places: every place an article names, with its role, resolved against the article's own context.

**Finding.** A mention is a longest gazetteer match inside a run of capitalised words, a spaCy
GPE/LOC entity, or a demonym ("Russian forces", "European"). A gazetteer match is not yet a
place: "Reading", "Mobile", "More" and many surnames are towns somewhere. It becomes one with
evidence from the text: spaCy labels it GPE/LOC/FAC; it is a country, continent or first-order
division; it carries a region word ("Donetsk region"); a locative preposition stands before it
("in X", "from X"); "X-based"; a state follows it ("Paris, Texas", "Athens, Ga."); it is
coordinated with an accepted place ("Kramatorsk, Sloviansk and X"); or the same name was
accepted elsewhere in the article. Vetoes win over evidence: English function words ("But",
"She", "More", "Us" - but "US" and "U.S." are the country), months and weekdays, words of
person names, and names inside a longer spaCy entity that is no place ("Liberty University",
"The Last of Us", "Holiday Classic").

**Resolving.** Namesakes are chosen by :func:`~newsaudit.reference.gazetteer.score` with the
article's :class:`~newsaudit.reference.gazetteer.Context`: the countries its unambiguous
mentions vote for (the outlet's country, from the outlet table or the domain's country suffix,
adds ``HOME_VOTES``), its state votes (each state named is a vote, each other name shares one
vote among its namesakes' states, so "Boone County" in an article that names Indiana six times
is Indiana's), the states and provinces it names, and the points of places that have a single
reading or were read so in a first pass (the nearer, the more). A state written after any
mention of a name ("Springfield, Ohio") restricts every mention of it to that state; the names
of a list before "counties" ("Becker, Clay and Douglas counties") are read as counties, and the
names of a list of three or more of one country's states or provinces as those divisions
("Alberta, Ontario and New Brunswick"). A town the outlet's domain names ("Paris" in
theparisnews.com) is read among its namesakes in the outlet's country, unless the article's
other names vote for the usual reading's country. One name keeps one reading through the article.

**Role.** ``demonym`` for adjectives and nationals ("Ukrainian forces"), ``metonymy`` for a
country or capital standing for its government ("Moscow said", "Washington warned"), else
``literal``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any, Iterable, Optional

from ..model import Place
from ..reference.gazetteer import (REGION_SUFFIX, Candidate, Context, Gazetteer, fold, is_own_name, neighbour_support,
                                   score, strip_possessive)

# Words capitalised by convention that are never a place in running text.
NOT_PLACES: frozenset[str] = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun "
    "monday tuesday wednesday thursday friday saturday sunday north south east west central "
    "northern southern eastern western president minister mr mrs ms dr god the a an "
    "chairman governor mayor senator sen rep gov lt col gen sgt officer police sheriff "
    "university college school church hospital county city state district street road "
    "christmas easter thanksgiving halloween holiday".split()
)
# A preposition right before a name makes it a location ("told me from Kyiv").
LOCATIVE_CUE = re.compile(r"\b(?:in|from|near|outside|around|towards?|into|across|via|through|throughout|within|"
                          r"between|visit(?:ed|ing)?|(?:city|town|village|island|state|county|capital|province|region|"
                          r"suburb|outskirts|streets|residents?|people|mayor|governor) of)\s+(?:the\s+)?$", re.I)
# "to X" is weaker ("said to Reuters"): it counts only when spaCy did not call X a person.
DIRECTION_CUE = re.compile(r"\b(?:to|reach(?:ed|es)?|entered|left|leave|leaving)\s+$", re.I)
BASED = re.compile(r"^-based\b|^[ \t]+(?:native|resident|residents|area)\b")
# A run of capitalised words (hyphens, apostrophes and inner dots allowed: "Rostov-on-Don", "U.S.").
CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.\-]*(?:[ \t]+(?:[A-Z][\w'’.\-]*|on|upon|de|la|el|al|es|do|da|del|di|du|of|the|and))*")
COORDINATION = re.compile(r"^\s*(?:,|and|or|—|–|/|,\s*and)\s*$")
# "Athens, Ga." / "Paris, Texas": the state after a town's name.
STATE_AFTER = re.compile(r"^,[ \t]+([A-Z][a-z]*\.(?:[ \t]?[A-Z][a-z]*\.)?|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)")
# What a country or capital does when it stands for its government.
METONYMY_VERB = re.compile(
    r"(?:[’']s\s+(?:government|leaders?|officials))?\s+(?:has\s+|have\s+|had\s+|would\s+|will\s+)?"
    r"(?:said|says|say|warned|warns|denied|denies|accused|accuses|announced|announces|claimed|claims|"
    r"insisted|insists|responded|condemned|condemns|rejected|rejects|demanded|demands|urged|urges|"
    r"wants|threatened|threatens|agreed|agrees|refused|refuses|decided|signed|vowed|retaliated|"
    r"sanctioned|recognized|recognised|protested|blamed|blames)\b")
# "West Nile virus", "Spanish flu", "Lyme disease": a place named in a disease's name.
DISEASE_AFTER = re.compile(r"[ \t]+(?:virus|viruses|fever|disease|flu|influenza|strain|encephalitis|syndrome)\b", re.I)
# "St. Patrick's Day", "St. George's Day": a saint's feast, not the town or parish named after the saint.
FEAST_AFTER = re.compile(r"[’']s[ \t]+Day\b")
SPEECH_AFTER = re.compile(r"[ \t]+(?:said|says|told|added|asked|explained|wrote|noted|recalled|recalls)\b")
# "of 1935 Orchard St., Alexandria": a town after a street address.
ADDRESS_BEFORE = re.compile(r"\b(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Blvd|Boulevard|Ln|Lane|Hwy|Highway|Way|"
                            r"Court|Ct|Pl|Place|Pkwy|Parkway)\.?,[ \t]*$")
LANGUAGE_CUE = re.compile(r"\b(?:in|speak|speaks|spoke|speaking|spoken|into|learn|learning|fluent)\s+$", re.I)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "ORG", "NORP", "CARDINAL", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
# A longer entity of these kinds around a gazetteer match makes it part of a name.
NAME_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "FAC", "NORP"})
# US state abbreviations in AP style, read only right after a town ("Athens, Ga.").
STATE_ABBREVIATIONS: dict[str, str] = {
    "ala.": "Alabama", "ariz.": "Arizona", "ark.": "Arkansas", "calif.": "California", "colo.": "Colorado",
    "conn.": "Connecticut", "del.": "Delaware", "fla.": "Florida", "ga.": "Georgia", "ill.": "Illinois",
    "ind.": "Indiana", "kan.": "Kansas", "kans.": "Kansas", "ky.": "Kentucky", "la.": "Louisiana",
    "md.": "Maryland", "mass.": "Massachusetts", "mich.": "Michigan", "minn.": "Minnesota",
    "miss.": "Mississippi", "mo.": "Missouri", "mont.": "Montana", "neb.": "Nebraska", "nev.": "Nevada",
    "n.h.": "New Hampshire", "n.j.": "New Jersey", "n.m.": "New Mexico", "n.y.": "New York",
    "n.c.": "North Carolina", "n.d.": "North Dakota", "okla.": "Oklahoma", "ore.": "Oregon",
    "pa.": "Pennsylvania", "r.i.": "Rhode Island", "s.c.": "South Carolina", "s.d.": "South Dakota",
    "tenn.": "Tennessee", "tex.": "Texas", "vt.": "Vermont", "va.": "Virginia", "wash.": "Washington",
    "w.va.": "West Virginia", "wis.": "Wisconsin", "wyo.": "Wyoming",
}
# Canadian provinces in the Canadian Press style ("Surrey, B.C.").
PROVINCE_ABBREVIATIONS: dict[str, str] = {
    "b.c.": "British Columbia", "alta.": "Alberta", "sask.": "Saskatchewan", "man.": "Manitoba",
    "ont.": "Ontario", "que.": "Quebec", "n.b.": "New Brunswick", "n.s.": "Nova Scotia",
    "p.e.i.": "Prince Edward Island", "n.l.": "Newfoundland and Labrador", "nfld.": "Newfoundland and Labrador",
}
# A state or province abbreviation ("Ga.", "W.Va.", "N.Y.", "B.C."), read as one after a town and
# a comma ("Thackerville, Okla.") or where the model labels it a place ("a Ga. pastor").
ABBREVIATION = re.compile(r"(?<![\w.])([A-Z][a-z]{0,4}\.(?:[ \t]?[A-Z][a-z]{0,3}\.){0,2})")
ABBREVIATION_AFTER_TOWN = re.compile(r"[A-Za-z],[ \t]+$")
# Streets and numbered roads: places with no point in the gazetteer ("Memphis Street", "Highway 10").
STREET = re.compile(
    r"\b(?:(?:(?!(?:The|County|City|Parish|State|Supreme|Court|Family|Fiscal|Circuit|District)\b)[A-Z][a-z]+"
    r"|\d+(?:st|nd|rd|th))[ \t]+){1,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Boulevard|Blvd\.|Lane|Parkway|"
    r"Pkwy\.)(?![\w-])"
    r"|\b(?:Highway|Interstate|County Road|State Road|State Route|Route|U\.S\. Highway|I-)[ \t]?\d{1,4}\b")
STREET_HEAD = re.compile(r"^(?:The|A|An|On|In|At|Of|And|But|Then|When|After|Before|From|To|By|For|Near)$")
# "Becker, Clay and Douglas counties": each name of the list is a county.
COUNTY_LIST = re.compile(r"((?:[A-Z][\w'.-]*(?:[ \t][A-Z][\w'.-]*)?(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+))+"
                         r"[A-Z][\w'.-]*(?:[ \t][A-Z][\w'.-]*)?)[ \t]+(counties|parishes)\b")
# Common words of longer names of rivers, valleys, lakes and ports ("Rift Valley", "Port of Spain").
FEATURE_WORDS = frozenset("River Sea Lake Bay Island Islands Mountains Valley Creek Canyon Gulf Peninsula Desert "
                          "Strait Ocean Falls Harbor Harbour Basin Delta Glacier Reservoir Plateau Mount Port Cape".split())
SHORT_FORMS = frozenset({"US", "U.S.", "UK", "U.K.", "EU", "E.U.", "USA", "U.S.A.", "UAE", "DRC"})
# Letters without a decomposition, in plain Latin ("Puławy" is "Pulawy"): a spelling, not another name.
LATIN = str.maketrans({"ł": "l", "Ł": "L", "ı": "i", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "þ": "th",
                       "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe"})
MAX_WORDS = 5  # "Democratic Republic of the Congo"
RIVAL_TOWN = 5_000  # a namesake town this big elsewhere keeps a division's name from voting for its country,
RIVAL_SHARE = 10  # and so does one at least a tenth of the division's size ("Ontario, California")
HOME_VOTES = 3  # the outlet's country counts as this many mentions of it
# Country-code top-level domains that are not a country's press ("radio.fm", "news.tv", "site.io").
GENERIC_SUFFIXES = frozenset({"tv", "fm", "io", "me", "co", "ly", "am", "to", "cc", "ws", "eu", "info", "news"})
HOME_TOWN = 20_000  # in the article's own country a town this big needs no cue
FAMOUS_CITY = 500_000  # a town this big is known abroad by its other spellings ("Kiev", "Ft. Worth")
BIG_CITY = 1_000_000  # without NER, a city this big is accepted on sight
SELF_EVIDENT = frozenset({"country", "continent"})
NEIGHBOUR_ROUNDS = 1
WITHIN_SPECIFIC = 2  # a name whose namesakes lie in this many states or fewer counts fully for each
MIN_TOWN_LETTERS = 4  # a town name this long found in the outlet's domain (see :func:`_outlet_towns`)
# Words of newspapers' names around the town a domain names ("columbuslocalnews", "gainesvilleregister").
MASTHEAD_WORDS = tuple(sorted((
    "the online daily weekly local news newspaper newspapers press times herald tribune register advocate "
    "monitor telegram beacon post review journal gazette star sun citizen record recorder courier item "
    "mercury leader chronicle observer examiner enquirer inquirer ledger democrat republican independent "
    "sentinel standard dispatch bulletin express globe mail messenger reporter banner today voice argus "
    "eagle pilot statesman patriot union world live free").split(), key=len, reverse=True))
MIN_DOMAIN_TOWN = 5  # letters of a town a domain names that the article does not (see :func:`_domain_towns`)
SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "ne", "or"})  # "co.uk", "com.au"
# The dash or colon after a dateline ("CROMWELL — ", "OMAHA -- ", "BEIRUT: "), before the story's first word.
DATELINE_AFTER = re.compile(r"[ \t]*(?:—|–|--?|:)[ \t]+[A-Z“\"]")
# The word after a river's or a lake's own name ("Red River"), and "Lake" before one ("Lake Vermont").
FEATURE_AFTER = re.compile(r"[ \t]+(?:River|Creek|Lake|Bay|Islands?|Mountains|Valley)\b")
LAKE_BEFORE = re.compile(r"\bLake[ \t]+$")
# "the state of Washington", "the province of Quebec": the name after it is a first-order division.
DIVISION_BEFORE = re.compile(r"\b(?:state|province)[ \t]+of[ \t]+$", re.I)
# A county or parish by its own name ("Henderson County", "Rapides Parish"): evidence that it is one.
COUNTY_NAME = re.compile(r"[ \t](?:County|Parish|Borough)$")
COUNTY_WORDS = ("county", "parish")  # a county's name and its short form (see :func:`_county_short_forms`)
MIN_LIST = 3  # names in a list of divisions (see :func:`_division_lists`)
MAX_POINTS = 60  # neighbours a reading is compared with: bounds the cost of a list of a thousand towns


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int  # end of the name itself
    span_end: int  # end including a region word ("Donetsk region")
    name: str
    region: bool
    demonym: Optional[str] = None  # the country code or region name a demonym points to
    from_ner: bool = False  # a spaCy GPE/LOC entity the gazetteer may not know
    fixed: Optional[Candidate] = None  # read from its position alone ("Ga." after a town is Georgia)


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym -> country code or region name, from ``data/words/demonyms.txt``."""
    from ..reference.words import word_list

    table = {}
    for line in word_list("demonyms"):
        word, _, target = line.partition("\t")
        if word and target:
            table[word.strip()] = target.strip()
    return table


@functools.lru_cache(maxsize=1)
def _demonym_pattern() -> re.Pattern[str]:
    words = sorted(demonyms(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?:s)?(?![\w])")


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
    except ImportError:  # spaCy absent: a short list of the worst offenders
        return frozenset("us more but she he her his it its we they you me my our so if or as no".split())
    return frozenset(STOP_WORDS)


def find_places(text: str, gazetteer: Gazetteer, doc: Any = None,
                person_names: Iterable[str] = (), home: Optional[str] = None,
                domain: Optional[str] = None) -> list[Place]:
    """Every place the text names, in order, with offsets into ``text`` and ids p1, p2, ...

    ``doc`` is the article's spaCy Doc (its entity labels are signals); ``person_names`` are
    speakers and pseudonyms the quotes stage found, which are never places; ``home`` is the
    outlet's country (:func:`home_country`), worth ``HOME_VOTES`` of the article's country votes.
    """
    entities = _entities(doc)
    person_names = list(person_names)
    person_tokens = _person_tokens(doc, person_names)
    speaker_tokens = frozenset(fold(strip_possessive(word)) for name in person_names for word in name.split())
    mentions = _all_mentions(text, gazetteer, entities)
    mentions = [m for m in mentions if not _vetoed(m, text, entities, person_tokens)]
    country = dominant_country(mentions, gazetteer)
    first = {id(m): _initial(m, text, gazetteer, country) for m in mentions}
    borrowed = {id(m) for m in mentions if doc is not None and _borrowed_name(m, text, gazetteer, entities)}
    accepted = [m for m in mentions if first[id(m)] is not None and id(m) not in borrowed
                and not _person_word(m, text, entities, person_tokens, first[id(m)], speaker_tokens)
                and (_has_signal(m, text, entities, first[id(m)], doc is None)
                     or _home_town(m, first[id(m)], country, entities, text))]
    accepted_ids = {id(m) for m in accepted} | _propagate(mentions, {id(m) for m in accepted}, text, first, borrowed)
    people = _names_read_as_people(mentions, text, entities, person_tokens, first, {id(m) for m in accepted})
    kept = [m for m in mentions if id(m) in accepted_ids and fold(m.name) not in people]
    chosen = _resolve_all(kept, text, gazetteer, home, domain)
    kept, chosen = _natural_features(kept, chosen, text, gazetteer, home)
    places = [_place(m, text, chosen.get(id(m))) for m in kept]
    return [replace(place, id=f"p{number}") for number, place in enumerate(places, 1)]


def _natural_features(kept: list[_Mention], chosen: dict[int, Candidate], text: str, gazetteer: Gazetteer,
                      home: Optional[str]) -> tuple[list[_Mention], dict[int, Candidate]]:
    """Names of rivers and lakes that the gazetteer only knows as other places, as the feature with
    no point: "the Red River" beside Fargo and Moorhead is no town "Red" abroad, "Lake Vermont" and
    "Lake Ontario" are not the state and the province. A name before "River", "Creek", "Lake",
    "Bay", "Island(s)", "Mountains" or "Valley" keeps its reading when that lies in a country the
    article names (the Kanawha River by Kanawha County, the Sacramento River by Sacramento); "Lake"
    before a name that is a country's, a state's or a province's makes the lake, whatever town
    also bears it ("Lake Ontario" is not Ontario, California). The name's other mentions follow
    (one name, one reading)."""
    countries = set(_country_votes(kept, gazetteer)) | ({home} if home else set())
    spans: dict[int, tuple[int, int]] = {}  # id of a mention written as a feature's name -> the feature's span
    features: set[str] = set()
    for m in kept:
        candidate = chosen.get(id(m))
        if m.demonym or m.fixed is not None or m.region or candidate is None:
            continue
        after = FEATURE_AFTER.match(text, m.span_end)
        before = LAKE_BEFORE.search(text, max(0, m.start - 8), m.start)
        if after:
            spans[id(m)] = (m.start, after.end())
            if candidate.kind == "city" and countries and candidate.country not in countries:
                features.add(fold(m.name))
        elif before:
            spans[id(m)] = (before.start(), m.span_end)
            if any(c.kind == "country" or c.feature == "ADM1" for c in gazetteer.candidates(m.name)) \
                    or candidate.kind == "city" and countries and candidate.country not in countries:
                features.add(fold(m.name))
    if not features:
        return kept, chosen
    chosen = dict(chosen)
    renamed = []
    for m in kept:
        if fold(m.name) in features and not (m.demonym or m.fixed is not None or m.region):
            start, end = spans.get(id(m), (m.start, m.span_end))
            m = replace(m, start=start, end=end, span_end=end, name=text[start:end])
            chosen[id(m)] = Candidate(m.name, None, None, None, None, 0, "unresolved", "")
        renamed.append(m)
    return renamed, chosen


def home_country(domain: Optional[str], outlets: Any = None) -> Optional[str]:
    """The country an outlet publishes from: the outlet table's, else its domain's country suffix
    ("thisisoxfordshire.co.uk" -> GB, "lfpress.ca" -> CA); None for ".com" and the like."""
    if not domain:
        return None
    outlet = outlets.by_domain(domain) if outlets is not None else None
    country = getattr(outlet, "country", None)
    if country:
        return country.upper()
    suffix = domain.lower().rstrip(".").rsplit(".", 1)[-1]
    if len(suffix) != 2 or suffix in GENERIC_SUFFIXES:
        return None
    return "GB" if suffix == "uk" else suffix.upper()


def _all_mentions(text: str, gazetteer: Gazetteer, entities: _Entities) -> list[_Mention]:
    """Gazetteer matches, demonyms, and spaCy place entities the gazetteer does not cover."""
    found = {(m.start, m.span_end): m for m in _mentions(text, gazetteer)}
    for m in list(found.values()):
        state = _state_mention(m, text, gazetteer)
        if state is not None:
            for key in [key for key in found if key[0] < state.end and state.start < key[1]]:
                del found[key]
            found[(state.start, state.end)] = state
    for m in _abbreviations(text, gazetteer, entities):
        for key in [key for key in found if key[0] < m.end and m.start < key[1]]:
            del found[key]
        found[(m.start, m.end)] = m
    for match in _demonym_pattern().finditer(text):
        target = demonyms()[match.group(1)]
        if LANGUAGE_CUE.search(text, max(0, match.start() - 12), match.start()) and match.group() == match.group(1):
            continue  # "in French", "speaks English": the language
        overlapping = [key for key in found if key[0] < match.end() and match.start() < key[1]]
        if any(key[1] - key[0] > match.end() - match.start() for key in overlapping):
            continue  # "British Columbia", "Dominican Republic": a longer place name holds the word
        for key in overlapping:
            del found[key]
        found[(match.start(), match.end())] = _Mention(match.start(), match.end(), match.end(), match.group(),
                                                       False, demonym=target)
    for street in STREET.finditer(text):
        start = street.start()
        first_word = street.group().split()[0]
        if STREET_HEAD.match(first_word):  # "On Main Street": the street starts after the preposition
            start += len(first_word) + 1
        if start < street.end():
            for key in [key for key in found if key[0] < street.end() and start < key[1]]:
                del found[key]  # "Walnut Street" is a street, not the town of Walnut
            road = street.group().startswith(("Highway", "Interstate", "County Road", "State R", "Route", "U.S.", "I-"))
            found[(start, street.end())] = _Mention(start, street.end(), street.end(), text[start:street.end()], False,
                                                    fixed=Candidate(text[start:street.end()], None, None, None, None, 0,
                                                                    "street", "RD" if road else "ST"))
    for start, end, label in entities:
        if label not in ("GPE", "LOC"):
            continue
        if any(s < end and start < e for s, e in found):
            continue
        name = strip_possessive(text[start:end])
        name = re.sub(r"^(?:the|The)\s+", "", name)
        if not name or not name[:1].isupper():
            continue
        begin = start + text[start:end].find(name)
        found[(begin, begin + len(name))] = _Mention(begin, begin + len(name), begin + len(name), name, False,
                                                     from_ner=True)
    return sorted(found.values(), key=lambda m: m.start)


def _abbreviations(text: str, gazetteer: Gazetteer, entities: _Entities) -> Iterable[_Mention]:
    """States and provinces written as abbreviations, after a town and a comma or labelled a place."""
    if "." not in text:
        return
    for found in ABBREVIATION.finditer(text):
        written = found.group(1)
        key = written.lower().replace(" ", "").replace("\t", "")
        state = STATE_ABBREVIATIONS.get(key)
        country = "US"
        if state is None:
            state, country = PROVINCE_ABBREVIATIONS.get(key), "CA"
        if state is None:
            continue
        start, end = found.start(1), found.end(1)
        around = entities.around(_Mention(start, end, end, written, False))
        if not ABBREVIATION_AFTER_TOWN.search(text, max(0, start - 4), start) and not any(
                s <= start < e and (label in ("GPE", "LOC") or label == "ORG" and _place_led_org(text[s:e], start, s))
                for s, e, label in around):
            continue  # "the S.C. Trial Lawyers Association" opens with the state, as "Hall County Sheriff's Office" does
        record = next((c for c in gazetteer.candidates(state) if c.feature == "ADM1" and c.country == country), None)
        if record is not None:
            yield _Mention(start, end, end, written, False, fixed=record)


def _state_mention(m: _Mention, text: str, gazetteer: Gazetteer) -> Optional[_Mention]:
    """The US state written after a town ("Athens, Ga.", "Paris, Texas"), as a mention of its own."""
    after = STATE_AFTER.match(text[m.span_end:m.span_end + 30])
    state = _state_after(text[m.span_end:m.span_end + 30])
    if not after or not state:
        return None
    record = next((c for c in gazetteer.candidates(state) if c.feature == "ADM1" and c.country == "US"), None)
    if record is None:
        return None
    start = m.span_end + after.start(1)
    return _Mention(start, m.span_end + after.end(1), m.span_end + after.end(1), state, False, fixed=record)


def _mentions(text: str, gazetteer: Gazetteer) -> Iterable[_Mention]:
    """Longest gazetteer matches inside each capitalised run, possessives and region words handled;
    a match inside the longer name of a river, lake, valley or sea (:func:`_feature_name`) gives
    that name, unresolved, or the name after it ("Port of Los Angeles").
    """
    for run in CAPITALISED_RUN.finditer(text):
        words = [(m.start() + run.start(), m.end() + run.start()) for m in re.finditer(r"\S+", run.group())]
        i = free = 0  # free: the first word after the last match
        while i < len(words):
            found = _longest_match(text, words, i, gazetteer)
            if found is None:
                i += 1
                continue
            first = i
            start, name, i = found
            end = start + len(name)
            feature = _feature_name(text, words, first, i, free)
            free = i
            if feature is not None:
                begin, finish, i = feature
                if begin == finish:
                    continue
                yield _Mention(begin, finish, finish, text[begin:finish], False, fixed=Candidate(
                    text[begin:finish], None, None, None, None, 0, "unresolved", ""))
                continue
            suffix = REGION_SUFFIX.match(text, end)
            yield _Mention(start, end, suffix.end() if suffix else end, name, bool(suffix))


def _feature_name(text: str, words: list[tuple[int, int]], i: int, j: int,
                  free: int = 0) -> Optional[tuple[int, int, int]]:
    """A match that is only the common word of a longer name of a river, valley, lake or port
    ("Rift Valley", "Port of Los Angeles", "Lake Vermont": not the towns Valley, Le Port and Lake):
    (start, end, next word) of the longer name, with start == end when the name after the word
    is read by itself ("Port of Los Angeles" reads Los Angeles); None for any other match."""
    def word(k: int) -> str:
        return strip_possessive(text[words[k][0]:words[k][1]])

    if j != i + 1 or word(i) not in FEATURE_WORDS:
        return None
    begin = i  # back over the capitalised words no match took ("Santa Clara Valley", "Rift Valley")
    while begin > free and word(begin - 1)[:1].isupper() and fold(word(begin - 1)) not in NOT_PLACES \
            and fold(word(begin - 1)) not in _stop_words() and text[words[begin - 1][1] - 1] not in ".,;:":
        begin -= 1
    between = text[words[begin][0]:words[i][0]]
    if begin < i and between.count(" ") + between.count("\t") == i - begin:
        return words[begin][0], words[i][0] + len(word(i)), j
    return words[i][0], words[i][0], j  # "Port of Los Angeles", "Swat Valley": the name around is read by itself


def _longest_match(text: str, words: list[tuple[int, int]], i: int, gazetteer: Gazetteer):
    for j in range(min(len(words), i + MAX_WORDS), i, -1):
        if any(text[words[k][1] - 1] == "." and words[k][1] - words[k][0] > 4 for k in range(i, j - 1)):
            continue  # "Center. City": a sentence ends inside (only "St.", "Mt.", "U.S." run on)
        start, end = words[i][0], words[j - 1][1]
        raw = text[start:end]
        name = strip_possessive(raw)
        if raw.endswith(".") and name + "." in SHORT_FORMS:
            name += "."  # "U.S." keeps its last dot
        if name and name[0].isupper() and fold(name) not in NOT_PLACES and name in gazetteer \
                and not _city_of_town(name, gazetteer):
            return start, name, j
    return None


def _city_of_town(name: str, gazetteer: Gazetteer) -> bool:
    """"Dublin City Council", "Springfield City Schools": "X City" known only as another name of towns
    whose own name is X is the word X and the word of its institution, so X is read among all its
    namesakes, not as the one town that also goes by "X City" ("Kanawha City", another name of
    Charleston, stays)."""
    head, _, last = name.rpartition(" ")
    if last not in ("City", "Town", "CITY", "TOWN") or not head:
        return False
    options = gazetteer.candidates(name)
    return bool(options) and all(c.kind == "city" and not is_own_name(c, name) and is_own_name(c, head) for c in options)


class _Entities(list):
    """The Doc's entities as (start, end, label), sorted; ``around(m)`` is the one that can contain
    a mention (spaCy's entities never overlap), found by bisection so long texts stay linear."""

    def __init__(self, items: Iterable[tuple[int, int, str]]) -> None:
        super().__init__(sorted(items))
        self.starts = [item[0] for item in self]

    def around(self, m: "_Mention") -> _Entities:
        at = bisect.bisect_right(self.starts, m.start)
        return self[at - 1:at] if at else []


def _entities(doc: Any) -> _Entities:
    if doc is None:
        return _Entities(())
    return _Entities((ent.start_char, ent.end_char, ent.label_) for ent in doc.ents)


def _label_at(entities: _Entities, m: _Mention) -> Optional[str]:
    """The label of the entity that starts where the mention starts, or that equals it."""
    for start, end, label in entities.around(m):
        if start <= m.start and m.end <= end and (start == m.start or _covers(start, end, m)):
            return label
    return None


def _covers(start: int, end: int, m: _Mention) -> bool:
    return start <= m.start and end >= m.end and end - start <= m.span_end - m.start + 4


def _person_tokens(doc: Any, person_names: Iterable[str]) -> frozenset[str]:
    """Words of multi-word person names ("Donald Trump") and of known speakers."""
    names = list(person_names)
    if doc is not None:
        names += [ent.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent.text.split()) > 1]
    return frozenset(fold(strip_possessive(word)) for name in names for word in name.split())


def _vetoed(m: _Mention, text: str, entities: _Entities, person_tokens: frozenset[str]) -> bool:
    """Function words, person-name words, and names inside a longer non-place entity."""
    if m.fixed is not None:
        return False
    if DISEASE_AFTER.match(text, m.span_end) or FEAST_AFTER.match(text, m.span_end):
        return True
    if m.demonym:  # "European Commission", "Russian Orthodox Church": part of a name
        return any(label in NAME_LABELS - {"NORP", "FAC", "PERSON"} and start <= m.start and m.end <= end
                   and end - start > m.end - m.start + 1 for start, end, label in entities.around(m))
    written = text[m.start:m.end]
    folded = fold(m.name)
    if written in SHORT_FORMS:
        return _shouting(text, m.start)
    if folded in _stop_words() or folded in NOT_PLACES or len(folded) < 2:
        return True
    if all(word in NOT_PLACES or word in _stop_words() for word in folded.split()):
        return True  # "The City", "The State": common words, whatever town took them as a name
    return _inside_name(m, entities, text)


def _person_word(m: _Mention, text: str, entities: _Entities, person_tokens: frozenset[str],
                 candidate: Candidate, speaker_tokens: frozenset[str] = frozenset()) -> bool:
    """A word of a person's name ("Donald Trump", a quoted speaker), unless spaCy or the gazetteer
    says it is a country or the text gives it as a place; a speech verb after it makes it a person."""
    if m.demonym or candidate.kind in SELF_EVIDENT:
        return False
    if candidate.kind == "unresolved" and fold(m.name) in person_tokens:
        return True  # a person's name the model labels a place ("sans Zelenskyy") that no gazetteer knows
    if SPEECH_AFTER.match(text, m.span_end):
        return _label_at(entities, m) not in ("GPE", "LOC")
    if fold(m.name) not in person_tokens or _label_at(entities, m) in ("GPE", "LOC"):
        return False
    # "residents of Huntsville": a locative cue gives the word as a place, whatever the model made of
    # "Huntsville Fire Station 1" (PERSON) elsewhere; a word of the speaker's own name stays a person
    return not (LOCATIVE_CUE.search(text[max(0, m.start - 16):m.start]) and candidate.kind != "unresolved"
                and fold(m.name) not in speaker_tokens)


def _names_read_as_people(mentions: list[_Mention], text: str, entities: _Entities,
                          person_tokens: frozenset[str], first: dict, accepted: set[int]) -> set[str]:
    """Names the article uses more often as a person than as a place ("Kristina said", "Tim and
    Kristina"): one reading per article, so a single stray GPE label does not make them towns."""
    person: Counter[str] = Counter()
    place: Counter[str] = Counter()  # float counts: a PERSON label is half a vote
    for m in mentions:
        candidate = first.get(id(m))
        if m.demonym or m.fixed is not None or candidate is None or candidate.kind in SELF_EVIDENT:
            continue
        key = fold(m.name)
        label = _label_at(entities, m)
        strong = bool(SPEECH_AFTER.match(text, m.span_end))
        # the small model's PERSON (alone or in a longer name) is often a town: half a vote
        person[key] += 1.0 if strong else 0.5 if label == "PERSON" or key in person_tokens else 0.0
        place[key] += id(m) in accepted
    return {key for key, count in person.items() if count >= 1 and count > place[key]}


def _inside_name(m: _Mention, entities: _Entities, text: str) -> bool:
    for start, end, label in entities.around(m):
        if label in NAME_LABELS and start <= m.start and m.span_end <= end and (end - start) > (m.span_end - m.start) + 1:
            inner = text[start:end]
            if label == "FAC" or label == "NORP":
                continue
            if label == "ORG" and _place_led_org(inner, m.start, start):
                continue
            return True
    return False


def _place_led_org(inner: str, at: int, start: int) -> bool:
    """"Hall County Sheriff's Office", "Gainesville Police": the name at ``at`` opens the
    organisation's name ``inner``, which starts at ``start``."""
    return at == start or inner.lower().startswith("the ") and at <= start + 4


def _exact(entities: _Entities, m: _Mention) -> bool:
    return any(start == m.start and end in (m.end, m.span_end) for start, end, _label in entities.around(m))


def _entity_is(m: _Mention, entities: _Entities, label: str) -> bool:
    return any(s <= m.start and m.end <= e and lab == label for s, e, lab in entities.around(m))


def _shouting(text: str, at: int) -> bool:
    """"TELL US MORE": a line in capitals makes "US" a pronoun."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) > 6 and sum(ch.isupper() for ch in letters) > 0.8 * len(letters)


def _initial(m: _Mention, text: str, gazetteer: Gazetteer, country: Optional[str]) -> Optional[Candidate]:
    """A first reading, enough to weigh the evidence; the final one comes from :func:`_resolve_all`."""
    if m.fixed is not None:
        return m.fixed
    if m.demonym:
        return _demonym_target(m.demonym, gazetteer)
    found = gazetteer.resolve(text[m.start:m.span_end] if m.region else m.name, country)
    if found is None and m.from_ner:
        return Candidate(m.name, None, None, None, None, 0, "unresolved", "")
    return found


def _demonym_target(target: str, gazetteer: Gazetteer) -> Optional[Candidate]:
    """A country code ("RU") or a region's name ("Europe") as its gazetteer record."""
    if len(target) == 2:
        return gazetteer.country(target)
    options = gazetteer.candidates(target)
    return max(options, key=lambda c: c.population) if options else None


def _has_signal(m: _Mention, text: str, entities: _Entities,
                candidate: Candidate, no_ner: bool) -> bool:
    if m.region or m.demonym or m.fixed is not None or text[m.start:m.end] in SHORT_FORMS:
        return True
    label = _label_at(entities, m)
    if m.from_ner:  # a name the gazetteer does not know needs more than the small model's label
        return label == "LOC" or label == "GPE" and _placed_by_context(m, text)  # LOC: "the Ortler", "the Alps"
    if candidate.kind in SELF_EVIDENT or label in PLACE_LABELS:
        return True
    if candidate.feature in ("ADM1", "RGN") and label not in ("PERSON", "ORG") and len(m.name) > 3:
        return True
    if candidate.feature == "ADM2" and COUNTY_NAME.search(m.name):
        return True  # "Henderson County Crimestoppers": the name says it is a county (a longer non-place name still vetoes)
    before = text[max(0, m.start - 16):m.start]
    if LOCATIVE_CUE.search(before) and (label not in NOT_PLACE_LABELS or label == "ORG" and _exact(entities, m)):
        return True  # "schools in Dayton": the small model's ORG for a bare town name is overruled
    if DIRECTION_CUE.search(before) and label not in NOT_PLACE_LABELS | {"PERSON"}:
        return True
    if _placed_around(m, text):
        return True
    return no_ner and candidate.population >= BIG_CITY


# A word in the name that says it is a place: "Kherson Oblast", "Mount Kenya", "Port Harcourt".
PLACE_WORD = re.compile(r"\b(?:County|Parish|Province|Oblast|Krai|Raion|District|Region|Prefecture|Governorate|"
                        r"Municipality|Township|Borough|Village|Valley|River|Lake|Mount|Mountains?|Island|Islands|"
                        r"Port|Bay|Gulf|Sea|Strait|Peninsula|Desert|Forest|Park|Heights|Springs|Falls|City|Town)\b")


def _placed_by_context(m: _Mention, text: str) -> bool:
    """A name the gazetteer does not know is a place only with evidence around it: a locative or
    direction word before it ("in Kostiantynivka", "near Bakhmut"), a place word in it, a state
    after it, "-based" or "residents" after it, or a dateline. Without any, the model's GPE is too
    often a brand, a feast or a programme ("Netflix", "Diwali", "Newsbeat"); its LOC (mountains,
    rivers, regions: "the Ortler") needs none."""
    before = text[max(0, m.start - 16):m.start]
    return bool(LOCATIVE_CUE.search(before) or DIRECTION_CUE.search(before) or PLACE_WORD.search(m.name)
                or _placed_around(m, text))


def _placed_around(m: _Mention, text: str) -> bool:
    """Evidence that holds whatever the model's label: "-based" or "residents" after the name, a
    state after it ("Athens, Ga."), an address before it, or a dateline."""
    before = text[max(0, m.start - 16):m.start]
    after = text[m.span_end:m.span_end + 30]
    return bool(BASED.match(after) or _state_after(after) or ADDRESS_BEFORE.search(before) or _dateline(m, text))


def _dateline(m: _Mention, text: str) -> bool:
    """"CROMWELL — Police said ...", "BEIRUT: The body ...": a name in capitals that opens a sentence
    and is followed by a dash or a colon is the story's dateline, where it was filed."""
    written = text[m.start:m.end]
    if not written.isupper() or len(written) < 3 or not DATELINE_AFTER.match(text, m.span_end):
        return False
    opening = text[max(0, m.start - 12):m.start].rstrip()
    return not opening or opening[-1] in ".!?\n\"”" or bool(re.search(r"\b(?:19|20)\d\d$", opening))


def _state_after(after: str) -> Optional[str]:
    """The state written after a town's name ("Athens, Ga." -> "Georgia"), or None."""
    found = STATE_AFTER.match(after)
    if not found:
        return None
    written = found.group(1)
    abbreviation = STATE_ABBREVIATIONS.get(written.lower().replace(" ", ""))
    if abbreviation:
        return abbreviation
    return written if written in _state_names() else None


@functools.lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    return frozenset(STATE_ABBREVIATIONS.values()) | {"Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Utah"}


def _home_town(m: _Mention, candidate: Candidate, country: Optional[str], entities: _Entities,
               text: str) -> bool:
    """A sizeable town of the country the article is about: the small English model often
    labels such names PERSON, so only ORG/DATE-like labels veto it."""
    return (candidate.country == country and candidate.kind == "city" and candidate.population >= HOME_TOWN
            and _label_at(entities, m) not in NOT_PLACE_LABELS
            and not _capitalised_by_position(m, text))


def _propagate(mentions: list[_Mention], accepted: set[int], text: str, resolved: dict,
               borrowed: frozenset[int] | set[int] = frozenset()) -> set[int]:
    """Accept repeats of an accepted name (any spelling) and names coordinated with one; a
    ``borrowed`` name (:func:`_borrowed_name`) only as a repeat of the same name accepted."""
    names = {fold(m.name) for m in mentions if id(m) in accepted}
    places = {resolved[id(m)].geonames_id for m in mentions if id(m) in accepted and resolved[id(m)].geonames_id}
    added: set[int] = set()
    changed = True
    while changed:
        changed = False
        for k, m in enumerate(mentions):
            if id(m) in accepted or id(m) in added or not resolved[id(m)] or _capitalised_by_position(m, text):
                continue
            if fold(m.name) in names or id(m) not in borrowed and (
                    resolved[id(m)].geonames_id in places or _coordinated(mentions, k, accepted | added, text)):
                added.add(id(m))
                names.add(fold(m.name))
                changed = True
    return added


def _borrowed_name(m: _Mention, text: str, gazetteer: Gazetteer, entities: _Entities) -> bool:
    """A town known by this word only as another spelling or an old name ("Hamas" for Hamm, "Way"
    for Wai, "Area" for Mundelein), which the model does not label a place: no town's own name, so
    English words and organisations stay out. A great city keeps its other spellings ("Kiev")."""
    if m.fixed is not None or m.demonym or m.region or m.from_ner or text[m.start:m.end] in SHORT_FORMS:
        return False
    options = gazetteer.candidates(m.name)
    if not options or any(c.kind != "city" or is_own_name(c, m.name) or _latin(c.name) == _latin(m.name)
                          for c in options):
        return False
    if len(fold(m.name)) >= 4 and max(c.population for c in options) >= FAMOUS_CITY:
        return False  # a great city's other spelling is its name in English ("Kiev", "Ft. Worth")
    words = re.split(r"([ \t-])", m.name)
    for k in range(len(words) - 2, 0, -2):  # "Alexandria City", "Athens-Clarke" open with a town's own name
        prefix = "".join(words[:k])
        if any(is_own_name(c, prefix) for c in gazetteer.candidates(prefix)):
            return False
    return _label_at(entities, m) not in ("GPE", "LOC") and not _county_word(m, _county_lists(text))


def _latin(name: str) -> str:
    """A name in plain Latin letters: "Puławy" is "Pulawy", "Doğubayazıt" "Dogubayazit"."""
    return fold(name.translate(LATIN))


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
    votes = _country_votes(mentions, gazetteer)
    return votes.most_common(1)[0][0] if votes else None


def _country_votes(mentions: Iterable[_Mention], gazetteer: Gazetteer) -> Counter[str]:
    votes: Counter[str] = Counter()
    for m in mentions:
        if m.demonym:
            if len(m.demonym) == 2:
                votes[m.demonym] += 1
            continue
        if m.fixed is not None:  # a street has no country; a state written "Okla." votes for its own
            if m.fixed.feature == "ADM1" and m.fixed.country:
                votes[m.fixed.country] += 1
            continue
        options = gazetteer.candidates(m.name)
        countries = {c.country for c in options if c.kind == "country"}
        if countries and not any(c.feature == "ADM1" and c.country not in countries for c in options):
            votes.update(countries)
            continue
        divisions = {c.country for c in options if c.feature == "ADM1"}
        rival = max([RIVAL_TOWN] + [c.population // RIVAL_SHARE for c in options if c.feature == "ADM1"])
        if len(divisions) == 1 and not any(c.country not in divisions and c.population >= rival for c in options):
            votes.update(divisions)  # a state votes for its country unless a sizeable namesake lies elsewhere ("Paris")
        elif options and len({c.country for c in options}) == 1 and (
                max(c.population for c in options) >= 10_000 or any(c.feature == "ADM2" for c in options)):
            votes[options[0].country] += 1  # a sizeable town, or a county ("Henry County"), of one country
    return votes


def _resolve_all(kept: list[_Mention], text: str, gazetteer: Gazetteer,
                 home: Optional[str] = None, domain: Optional[str] = None) -> dict[int, Candidate]:
    """Each kept mention's reading in the article's context; one name keeps one reading."""
    votes = _country_votes(kept, gazetteer)
    namesakes = _outlet_towns(domain, kept, gazetteer, home)
    unnamed = _domain_towns(domain, kept, gazetteer, home) if not namesakes else {}
    home = home or next((options[0].country for options in namesakes.values()), None) \
        or next((options[0].country for key, options in unnamed.items()
                 if len({c.country for c in gazetteer.candidates(key) if c.kind == "city"}) == 1), None)
    if home and kept:
        votes[home] += HOME_VOTES
    total = sum(votes.values()) or 1
    shares = {code: count / total for code, count in votes.items()}
    short = _county_short_forms(kept, text, gazetteer)  # "DeKalb" beside "DeKalb County" is the county again
    voting = [m for m in kept if fold(m.name) not in short]  # a short form neither votes nor supports
    named = [m for m in voting if not m.demonym and m.fixed is None]  # what the gazetteer reads
    states = {fold(m.fixed.name) for m in kept if m.fixed is not None and m.fixed.feature == "ADM1"}
    states |= {fold(m.name) for m in named if any(c.feature == "ADM1" for c in gazetteer.candidates(m.name))}
    states |= {fold(c.admin1) for m in named
               for options in [gazetteer.candidates(m.name)] if len(options) == 1 for c in options if c.admin1}
    points = tuple(dict.fromkeys((c.lat, c.lon) for m in named
                   for options in [gazetteer.candidates(m.name)] if len(options) == 1
                   for c in options if c.lat is not None))[:MAX_POINTS]
    readings = {fold(m.name): gazetteer.candidates(m.name) for m in voting
                if not (m.demonym or m.fixed is not None or m.region)}
    context = Context(countries=shares, admin1=frozenset(states), points=points,
                      states=_state_shares(voting, text, gazetteer, shares),
                      support=neighbour_support({**readings, **{"@" + key: options for key, options in unnamed.items()}}),
                      within=_within(readings))
    divisions = _division_lists(kept, text, gazetteer)
    chosen = _read_names(kept, text, gazetteer, context, {}, namesakes, divisions, short)
    for _round in range(NEIGHBOUR_ROUNDS):  # each name again, near what the other names were read as
        chosen = _read_names(kept, text, gazetteer, context, chosen, namesakes, divisions, short)
    return {key: value for key, value in chosen.items() if value is not None}


def _outlet_towns(domain: Optional[str], kept: list[_Mention], gazetteer: Gazetteer,
                  home: Optional[str]) -> dict[str, list[Candidate]]:
    """Towns the outlet's domain names and the article mentions ("Paris" in theparisnews.com,
    "Newark" in newarkadvocate.com), each read as the outlet's own town: folded name -> the
    namesakes it can be (:func:`_resolve_all` picks one in the article's context).

    A paper named after its town writes about that town, not its famous namesake abroad. The
    town is a namesake of that name (by its own name, not an alternate) in the
    outlet's country: the outlet table's or the domain suffix's, else the country the article's
    other names vote for, else the country with the most towns of that name. The domain yields
    when the article's other names vote more for the usual reading's country ("Jordan" in
    jordannews.com beside Amman and Irbid stays the kingdom); a state written after the name
    ("Paris, Texas") is read before this (see :func:`_read_names`).
    """
    label = _domain_label(domain)
    if not label:
        return {}
    names: dict[str, str] = {}
    for m in kept:
        if m.demonym or m.fixed is not None or m.region:
            continue
        key = fold(m.name)
        letters = re.sub(r"[^a-z]", "", key)
        if len(letters) >= MIN_TOWN_LETTERS and letters in label:
            names.setdefault(key, m.name)
    towns: dict[str, list[Candidate]] = {}
    for key, name in names.items():
        every = gazetteer.candidates(name)
        options = [c for c in every if c.kind == "city" and is_own_name(c, name)]
        if not options:
            continue
        others = _country_votes([m for m in kept if fold(m.name) != key], gazetteer)
        country = home or (others.most_common(1)[0][0] if others else None) \
            or Counter(c.country for c in options).most_common(1)[0][0]
        local = [c for c in options if c.country == country]
        if any(c.feature == "ADM1" and c.country == country and is_own_name(c, name) for c in every):
            continue  # a state of that country in the domain is the outlet's state ("Kansas" in kansascity.com)
        usual = gazetteer.resolve(name, Context(countries={code: count / sum(others.values())
                                                           for code, count in others.items()}))
        if not local or usual is not None and usual.country != country \
                and others.get(usual.country or "", 0) > others.get(country, 0):
            continue
        towns[key] = local
    return towns


def _domain_towns(domain: Optional[str], kept: list[_Mention], gazetteer: Gazetteer,
                  home: Optional[str]) -> dict[str, tuple[Candidate, ...]]:
    """Towns the outlet's domain names around the words of a newspaper's name, which the article
    does not name ("Columbus" in columbuslocalnews.com, beside "Dublin"): folded name -> its
    namesakes in the outlet's country (the suffix's or outlet table's, else the country with the most
    towns of the name). They say where the paper is: that country is the outlet's, and the article's
    names near one of them are supported as a named neighbour's are (:func:`neighbour_support`)."""
    label = _domain_label(domain)
    if len(label) < MIN_DOMAIN_TOWN:
        return {}
    mentioned = {re.sub(r"[^a-z]", "", fold(m.name)) for m in kept}
    stripped = _strip_masthead(label)
    towns: dict[str, tuple[Candidate, ...]] = {}
    for chunk in [stripped] if _spelled_town(stripped, gazetteer) else stripped.split("and"):
        found = _spelled_town(chunk, gazetteer) if chunk not in mentioned else None
        if found:
            name, options = found
            country = home or Counter(c.country for c in options).most_common(1)[0][0]
            towns[fold(name)] = tuple(c for c in options if c.country == country)
    return {key: options for key, options in towns.items() if options}


def _spelled_town(letters: str, gazetteer: Gazetteer) -> Optional[tuple[str, list[Candidate]]]:
    """The town whose own name these letters spell, with or without one space ("lasvegas"), and its
    namesakes; None for fewer than ``MIN_DOMAIN_TOWN`` letters or no town."""
    if len(letters) < MIN_DOMAIN_TOWN:
        return None
    for name in (letters, *(f"{letters[:k]} {letters[k:]}" for k in range(3, len(letters) - 2))):
        options = [c for c in gazetteer.candidates(name) if c.kind == "city" and is_own_name(c, name)]
        if options:
            return name, options
    return None


def _strip_masthead(label: str) -> str:
    """A domain's letters without the newspaper words at either end: "thelancasterandmorecambecitizen"
    -> "lancasterandmorecambe"."""
    changed = True
    while changed:
        changed = False
        for word in MASTHEAD_WORDS:
            if label.startswith(word) and len(label) > len(word):
                label, changed = label[len(word):], True
            if label.endswith(word) and len(label) > len(word):
                label, changed = label[: -len(word)], True
    return label


def _domain_label(domain: Optional[str]) -> str:
    """The letters of a domain's name without its suffix: "www.theparisnews.com" -> "theparisnews"."""
    if not domain:
        return ""
    labels = domain.lower().strip(".").split(".")
    if labels and labels[0] == "www":
        labels = labels[1:]
    labels = labels[:-1]
    if len(labels) > 1 and labels[-1] in SECOND_LEVEL:
        labels = labels[:-1]
    return re.sub(r"[^a-z]", "", "".join(labels))


def _within(readings: dict[str, tuple[Candidate, ...]]) -> dict[str, float]:
    """Folded state -> the share of the article's town and county names that have a namesake in
    it, each name counting ``sqrt(WITHIN_SPECIFIC / n)`` (at most 1) for ``n`` states (see
    ``Context.within``); names that are states themselves do not count."""
    cover: Counter[str] = Counter()
    names = 0
    for options in readings.values():
        if any(c.feature == "ADM1" or c.kind in SELF_EVIDENT for c in options):
            continue
        within = {fold(c.admin1) for c in options if c.admin1 and (c.kind == "city" or c.feature == "ADM2")}
        if not within:
            continue
        names += 1
        weight = min(1.0, (WITHIN_SPECIFIC / len(within)) ** 0.5)
        for state in within:
            cover[state] += weight
    return {state: count / names for state, count in cover.items()} if names else {}


def _state_shares(kept: list[_Mention], text: str, gazetteer: Gazetteer,
                  countries: dict[str, float]) -> dict[str, float]:
    """Folded state name -> its share of the article's state votes (see ``Context.states``).

    A state named ("Indiana", "Ind." after a town) is one vote per mention; any other name of
    the article's main countries splits one vote, once per article, among its namesakes' states.
    """
    main = {code for code, share in countries.items() if share >= 0.2}
    votes: Counter[str] = Counter()
    spread: set[str] = set()
    for m in kept:
        if m.demonym:
            continue
        if m.fixed is not None:
            if m.fixed.feature == "ADM1":
                votes[fold(m.fixed.name)] += 1.0
            continue
        options = gazetteer.candidates(m.name)
        named = [c for c in options if c.feature == "ADM1" and c.country in main and fold(c.name) == fold(m.name)]
        if named:
            votes[fold(named[0].name)] += 1.0
            continue
        key = fold(m.name)
        if key in spread:
            continue
        spread.add(key)
        within = {fold(c.admin1) for c in options if c.admin1 and c.country in main}
        for state in within:
            votes[state] += 1.0 / len(within)
    total = sum(votes.values())
    return {state: count / total for state, count in votes.items()} if total else {}


def _read_names(kept: list[_Mention], text: str, gazetteer: Gazetteer, context: Context,
                before: dict[int, Candidate], towns: Optional[dict[str, list[Candidate]]] = None,
                divisions: Optional[dict[int, Candidate]] = None,
                short: Optional[dict[str, str]] = None) -> dict[int, Candidate]:
    """One reading per name; with ``before``, the other names' towns and counties count as neighbours;
    ``towns`` are the outlet's own (:func:`_outlet_towns`), ``divisions`` the names read in a list of
    divisions (:func:`_division_lists`), ``short`` the county short forms (:func:`_county_short_forms`)."""
    local = {fold(m.name): (c.lat, c.lon) for m in kept for c in [before.get(id(m))]
             if c is not None and c.lat is not None and (c.kind == "city" or c.feature == "ADM2")}
    local = dict(list(local.items())[:MAX_POINTS + 1])
    chosen: dict[int, Candidate] = {}
    by_name: dict[str, Candidate] = {}
    counties = _county_lists(text)
    divisions = divisions or {}
    pinned: dict[str, str] = {}  # a state written after any mention of a name holds for all of them
    divided: set[str] = set()  # and so does "the state of" before one (:data:`DIVISION_BEFORE`)
    for m in kept:
        state = None if m.fixed or m.demonym or id(m) in divisions else _state_after(text[m.span_end:m.span_end + 30])
        if state:
            pinned.setdefault(fold(m.name), state)
        elif not (m.fixed or m.demonym or m.region) and DIVISION_BEFORE.search(text, max(0, m.start - 20), m.start):
            divided.add(fold(m.name))
    short = _county_short_forms(kept, text, gazetteer) if short is None else short
    for m in sorted(kept, key=lambda m: fold(m.name) in short):  # "DeKalb County" before "DeKalb"
        key = fold(m.name)
        if not m.fixed and key in by_name:
            chosen[id(m)] = by_name[key]
            continue
        longer = _longer_name(m, key, by_name, gazetteer) if key not in pinned else None
        if longer is not None:  # "Avondale" after "Avondale Estates": the place named in full before
            chosen[id(m)] = by_name[key] = longer
            continue
        if id(m) in divisions:  # "Ontario and New Brunswick" among provinces: the province, in that list only
            chosen[id(m)] = divisions[id(m)]
            continue
        points = (context.points + tuple(point for name, point in local.items() if name != key))[:MAX_POINTS]
        if towns and key in towns and key not in pinned and not m.fixed and not m.demonym and not m.region:
            ctx = replace(context, points=points)  # the outlet's own town ("Paris" in theparisnews.com)
            chosen[id(m)] = by_name[key] = max(towns[key], key=lambda c: (score(c, m.name, ctx), c.population))
            continue
        county = _county_word(m, counties)
        if county and not m.fixed and not m.demonym and not m.region:
            options = [c for c in gazetteer.candidates(f"{m.name} {county}") if c.feature == "ADM2"]
            if options:  # a county of the list, never memorised as the name's reading
                ctx = replace(context, points=points)
                chosen[id(m)] = max(options, key=lambda c: (score(c, c.name, ctx), c.population))
                continue
        named_county = by_name.get(short[key]) if key in short and key not in pinned and not m.fixed else None
        if named_county is not None:  # "DeKalb police" beside "DeKalb County": the county
            chosen[id(m)] = by_name[key] = named_county
            continue
        chosen[id(m)] = _resolve_one(m, text, gazetteer, replace(context, points=points), pinned.get(key),
                                     key in divided)
        if chosen[id(m)] is not None and not m.demonym and not m.fixed:
            by_name[key] = chosen[id(m)]
    return chosen


def _county_short_forms(kept: list[_Mention], text: str, gazetteer: Gazetteer) -> dict[str, str]:
    """Names the article also writes as a county ("DeKalb" beside "DeKalb County"): folded short
    name -> folded county name. The short form is the county written again, so it neither votes
    nor supports on its own; names of states and countries ("Washington") are not short forms, nor
    names in a list before "counties" ("Nassau and Baker counties"), read by :func:`_county_lists`."""
    lists = _county_lists(text)
    keys = {fold(m.name) for m in kept if not (m.demonym or m.fixed is not None or m.region)}
    listed = {fold(m.name) for m in kept if lists and _county_word(m, lists)}
    found: dict[str, str] = {}
    for key in keys - listed:
        for word in COUNTY_WORDS:
            county = key + " " + word
            if county in keys and key not in found and not any(
                    c.kind in SELF_EVIDENT or c.feature in ("ADM1", "RGN") for c in gazetteer.candidates(key)):
                found[key] = county
    return found


def _longer_name(m: _Mention, key: str, by_name: dict[str, Candidate], gazetteer: Gazetteer) -> Optional[Candidate]:
    """The town an earlier, longer name of the article opening with this one was read as ("Avondale
    Estates", then "Avondale"), unless the name is itself a country, state or province ("Kansas"
    after "Kansas City")."""
    if m.fixed is not None or m.demonym or m.region:
        return None
    longer = next((c for name, c in by_name.items() if name.startswith(key + " ") and c.kind == "city"), None)
    if longer is None or any(c.kind in SELF_EVIDENT or c.feature in ("ADM1", "RGN") for c in gazetteer.candidates(m.name)):
        return None
    return longer


def _division_lists(kept: list[_Mention], text: str, gazetteer: Gazetteer) -> dict[int, Candidate]:
    """Names in a list of a country's states or provinces ("Alberta, Manitoba, Ontario and New
    Brunswick", "Washington, Pennsylvania and California"), each read as that country's division:
    a list of three or more names joined by commas or "and", at least two of the others being
    divisions of that country only. Mention id -> the division."""
    runs: list[list[_Mention]] = []
    for m in kept:
        if runs and not m.demonym and not runs[-1][-1].demonym and runs[-1][-1].span_end <= m.start \
                and COORDINATION.match(text[runs[-1][-1].span_end:m.start]):
            runs[-1].append(m)
        else:
            runs.append([m])
    found: dict[int, Candidate] = {}
    for run in runs:
        if len(run) < MIN_LIST:
            continue
        own = [_own_divisions(m, gazetteer) for m in run]
        for k, m in enumerate(run):
            for division in own[k]:
                others = sum(1 for j, theirs in enumerate(own[:k] + own[k + 1:])
                             if theirs and all(d.country == division.country for d in theirs))
                if others >= MIN_LIST - 1:
                    found[id(m)] = division
                    break
    return found


def _own_divisions(m: _Mention, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """The first-order divisions a mention names by their own name (a state written "Okla." is one)."""
    if m.fixed is not None:
        return (m.fixed,) if m.fixed.feature == "ADM1" else ()
    if m.demonym or m.region:
        return ()
    return tuple(c for c in gazetteer.candidates(m.name) if c.feature == "ADM1" and fold(c.name) == fold(m.name))


def _county_lists(text: str) -> list[tuple[int, int, str]]:
    """The spans of "A, B and C counties" lists, with the word a member takes ("County", "Parish")."""
    if "counties" not in text and "parishes" not in text:
        return []
    return [(found.start(1), found.end(1), "County" if found.group(2) == "counties" else "Parish")
            for found in COUNTY_LIST.finditer(text)]


def _county_word(m: _Mention, lists: list[tuple[int, int, str]]) -> Optional[str]:
    return next((word for start, end, word in lists if start <= m.start and m.end <= end), None)


def _resolve_one(m: _Mention, text: str, gazetteer: Gazetteer, context: Context,
                 state: Optional[str] = None, division: bool = False) -> Optional[Candidate]:
    """One mention's reading: ``state`` is a state written after a mention of the name, ``division``
    says a mention of it follows "the state of" or "the province of" (:data:`DIVISION_BEFORE`)."""
    if m.fixed is not None:
        return m.fixed
    if m.demonym:
        return _demonym_target(m.demonym, gazetteer)
    if division:  # "the state of Washington": the state, not the capital a continent away
        divisions = [c for c in gazetteer.candidates(m.name) if c.feature == "ADM1" and is_own_name(c, m.name)]
        if divisions:
            return max(divisions, key=lambda c: (score(c, m.name, context), c.population))
    state = state or _state_after(text[m.span_end:m.span_end + 30])
    if state:  # the namesake of that state, its own name before another's old one ("Philippi, West Virginia")
        narrowed = [c for c in gazetteer.candidates(m.name) if c.admin1 and fold(c.admin1) == fold(state)]
        if narrowed:
            return max(narrowed, key=lambda c: (is_own_name(c, m.name), c.population))
    country = None if m.region else _country_after(text, m.span_end, gazetteer)
    if country and not any(c.kind == "country" for c in gazetteer.candidates(m.name)):  # not "Niger, Nigeria and Togo"  # "the Aberdeen Royal Infirmary in the UK", "Perth, Australia": that country's namesake
        narrowed = [c for c in gazetteer.candidates(m.name) if c.country == country and c.kind != "country"]
        if narrowed:
            return max(narrowed, key=lambda c: (is_own_name(c, m.name), c.population))
    found = gazetteer.resolve(text[m.start:m.span_end] if m.region else m.name, context)
    if found is None and m.from_ner:
        return Candidate(m.name, None, None, None, None, 0, "unresolved", "")
    return found


# After a name, the rest of an institution's name and then its country: " Royal Infirmary in the UK",
# ", Australia". The country closes the phrase (a stop, a verb, a comma not opening another name), so neither
# "in the UK's north" nor a list ("Lagos, Nigeria and Ghana", "Niger, Nigeria, Togo") is read.
COUNTRY_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w'’.-]*){0,4}?(?:[ \t]+in[ \t]+|,[ \t]+)(?:the[ \t]+)?"
                           r"(?P<country>[A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,2})(?=[ \t]*(?:[.;:!?)]|$)|,(?![ \t]+[A-Z])|"
                           r"[ \t](?!and\b|or\b)[a-z])")


def _country_after(text: str, end: int, gazetteer: Gazetteer) -> Optional[str]:
    """The country code of a country written right after a place's name (see COUNTRY_AFTER)."""
    found = COUNTRY_AFTER.match(text, end, min(len(text), end + 80))
    if not found:
        return None
    countries = [c.country for c in gazetteer.candidates(found["country"]) if c.kind == "country"]
    return countries[0] if countries else None


def role_of(m: _Mention, text: str, candidate: Optional[Candidate]) -> str:
    if m.demonym:
        return "demonym"
    if candidate is not None and (candidate.kind == "country" or candidate.feature == "PPLC") \
            and METONYMY_VERB.match(text, m.span_end, m.span_end + 60):
        return "metonymy"
    return "literal"


def _place(m: _Mention, text: str, candidate: Optional[Candidate]) -> Place:
    candidate = candidate or Candidate(m.name, None, None, None, None, 0, "unresolved", "")
    return Place(text=text[m.start:m.span_end], name=candidate.name, country=candidate.country,
                 lat=candidate.lat, lon=candidate.lon, geonames_id=candidate.geonames_id,
                 char_start=m.start, char_end=m.span_end, kind=candidate.kind,
                 feature=candidate.feature or None, admin1=candidate.admin1, role=role_of(m, text, candidate))

"""The events table ("anchors"): dated, well-known events that news counts from.

An anchor is an event an article counts from: "a war now in its 1,000th day", "ten years since
the Chernobyl disaster", "the 75th anniversary of D-Day". ``data/anchors.csv`` holds several
hundred of them (the project's own compilation; its header says where the dates can be
verified) with the columns ``key, label, date, kind, aliases, context, ended``:

- ``date`` is ``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when only the month or year is sure; an
  anchor then spans that month or year and a count fits if it fits any day of it.
- ``aliases`` name the event unambiguously; an alias written ``~name`` counts only when one of
  the row's ``context`` words occurs in the article ("~Columbine" needs "school", "shooting"...);
  one written ``?name`` is shared with another row ("?Haiti earthquake": 2010 and 2021), and a
  count then stands when it fits either event.
- ``context`` words also let a generic noun ("the war", "the pandemic") mean the row.
- ``ended`` (optional) is when an event that lasted (a war, a term of office) ended.

How a phrase names an event (``AnchorTable.find``), without a list of patterns per event:

1. *Exact*: an alias's words in a row, after normalising case, accents, apostrophes and
   possessives, plurals of event nouns, "Sept." / "U.S." abbreviations and hyphens ("the Sept.
   11 attacks" is "September 11 attacks").
2. *Described*: an alias's distinctive words (what is left of it without its event nouns and
   function words: "chernobyl" of "Chernobyl disaster") together with an event noun of the
   same family ("the Chernobyl accident", "the U.S.-led invasion of Iraq", "the attacks of
   Sept. 11"). A described name must not carry a word foreign to the event ("the Mumbai
   *train* bombings" is not the 2008 Mumbai attacks).

Either way the name must open the phrase (within its first few words), an event dated after
the publication date is never meant, and a year in the name must fall in the event's span.
Outside the table the check knows nothing: an event it does not hold is never resolved.

Users extend the table with a CSV of the same columns (``ended`` optional): ``load_anchors``.
"""

from __future__ import annotations

import calendar
import csv
import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from importlib import resources as package_files
from pathlib import Path
from typing import Iterable, Optional

from ..errors import TableError
from .tables import read_table_lines

BUNDLED_TABLE = "newsaudit/data/anchors.csv"
ANCHOR_COLUMNS = ("key", "label", "date", "kind", "aliases", "context")
KINDS = frozenset(
    "war attack shooting disaster accident assassination election referendum financial space pandemic "
    "treaty independence ruling office annexation coup revolution death event".split()
)
# Generic nouns a writer uses for an anchor event ("the war, now in its 1,000th day"), mapped to
# the anchor kinds they can mean.
EVENT_NOUNS = {
    "war": ("war",), "invasion": ("war",), "conflict": ("war",), "fighting": ("war",),
    "pandemic": ("pandemic",), "outbreak": ("pandemic",),
    "presidency": ("office",), "administration": ("office",), "term": ("office",),
    "premiership": ("office",), "government": ("office",), "tenure": ("office",),
    "reign": ("office",), "papacy": ("office",), "pontificate": ("office",), "chancellorship": ("office",),
    "annexation": ("annexation",), "occupation": ("annexation",),
}
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})

# Families of words that name an event; an event named with one word of a family may be named
# with any other ("Chernobyl disaster" -> "the Chernobyl accident").
NOUN_FAMILIES: dict[str, frozenset[str]] = {name: frozenset(words.split()) for name, words in {
    "war": "war invasion invaded invade conflict fighting offensive incursion battle occupation intervention "
           "operation campaign siege landing bombing",
    "attack": "attack bombing bomb blast explosion shooting massacre siege rampage killing atrocity hijacking "
              "strike assault raid stabbing gunfire carnage tragedy",
    "disaster": "disaster accident catastrophe tragedy explosion blast meltdown fire blaze collapse crash spill "
                "leak sinking sank wreck shipwreck derailment collision crush stampede implosion failure breach "
                "downing fell",
    "quake": "earthquake quake temblor tsunami disaster tragedy",
    "storm": "hurricane storm superstorm typhoon cyclone flood flooding disaster",
    "flood": "flood flooding deluge disaster storm",
    "fire": "fire wildfire blaze inferno bushfire disaster tragedy",
    "volcano": "eruption erupted disaster",
    "tornado": "tornado twister outbreak disaster",
    "financial": "crash collapse crisis bankruptcy failure meltdown fall run default bust panic implosion "
                 "rescue bailout",
    "election": "election vote referendum poll plebiscite ballot victory win landslide reelection",
    "assassination": "assassination assassinated killing killed murder murdered shooting shot death slaying",
    "death": "death died passing killing execution",
    "revolution": "revolution uprising revolt rebellion protest riot unrest movement",
    "coup": "coup putsch takeover ouster overthrow toppling fall",
    "fall": "fall fell collapse toppling ouster capture liberation takeover",
    "treaty": "treaty accord agreement deal pact protocol convention declaration signing charter act",
    "ruling": "ruling decision judgment judgement verdict case opinion",
    "independence": "independence partition handover founding creation birth establishment declaration "
                    "proclamation",
    "space": "landing mission launch flight spaceflight flyby orbit docking disaster accident explosion",
    "pandemic": "pandemic outbreak epidemic lockdown crisis",
    "founding": "founding founded launch launched creation created birth debut release introduction unveiling",
    "office": "presidency administration term premiership government tenure reign papacy pontificate "
              "chancellorship inauguration accession",
}.items()}
KIND_FAMILIES = {
    "war": ("war",), "attack": ("attack",), "shooting": ("attack",), "disaster": ("disaster",),
    "accident": ("disaster",), "assassination": ("assassination",), "election": ("election",),
    "referendum": ("election",), "financial": ("financial",), "space": ("space",), "pandemic": ("pandemic",),
    "treaty": ("treaty",), "independence": ("independence",), "ruling": ("ruling",), "office": ("office",),
    "annexation": ("war",), "coup": ("coup",), "revolution": ("revolution",), "death": ("death",),
    "event": (),
}
EVENT_WORDS = frozenset().union(*NOUN_FAMILIES.values())
FUNCTION_WORDS = frozenset(
    "the a an of in on at to for and by from with into its this that these those his her their our "
    "was were is be been began begun which who".split()
)
# Words that qualify an event without making it another one ("the deadly 2004 tsunami").
MODIFIERS = frozenset(
    "deadly terrorist terror devastating catastrophic massive fatal tragic horrific historic infamous notorious "
    "coordinated suicide violent bloody brutal major huge big great powerful magnitude killer fateful so called "
    "us u.s american british led backed allied nato western international global world first full scale "
    "nuclear atomic chemical military armed failed attempted alleged apparent recent latest original "
    "infamous seismic twin shocking horrifying unprecedented widespread disastrous ill fated".split()
)
# Words of a phrase that say which part of a lasting event is meant, or when in it.
END_WORDS = frozenset("end ended ending close conclusion finished".split())
START_WORDS = frozenset("start started starting beginning began begun outbreak onset".split())
# Nouns that name the first day of a lasting event: "the invasion of Iraq" is 20 March 2003, while
# "the Iraq war" spans 2003 to 2011.
ONSET_WORDS = START_WORDS | frozenset("invasion invaded invade launch launched".split())
TIME_WORDS = frozenset("night day days morning week weeks months aftermath wake time date eve dawn height "
                       "anniversary".split()) | END_WORDS | START_WORDS
# Words too common to name an event by themselves, in a described match.
GENERIC_WORDS = frozenset(
    "first second third last great big new old north south east west central northern southern eastern "
    "western national international world global financial economic nuclear civil terror terrorist mass "
    "school church mosque synagogue state states united us uk city full scale deadly american british "
    "russian soviet german french chinese japanese indian day night black red green white bloody "
    "shooting attack attacks supreme court president prime minister king queen pope general "
    "oil gas river bridge tower mine airport stadium market park high concert festival".split()
)
# Words that tell one event from another of the same name ("the train bombings", "the school
# shooting"): before a name, such a word must belong to the event's own vocabulary.
DISTINGUISHING = frozenset(
    "train subway metro tube bus car truck lorry van plane jet airliner helicopter ferry ship boat submarine "
    "school college university campus church mosque synagogue temple cathedral nightclub club bar concert "
    "festival stadium arena market mall hotel embassy consulate airport station hospital office factory plant "
    "mill mine refinery warehouse bridge dam tower building highway road rail railway pipeline reactor "
    "first second third fourth fifth last latest previous earlier later other another next new "
    "student police army navy border prison".split()
)
MAX_LEAD = 4  # a name must start within the first words of the phrase (after "the", "its" ...)
MAX_HEAD = 14  # words of a phrase read for an exact name
MAX_SPAN = 8  # words a described name (distinctive words and event noun) may spread over
YEAR_TOKEN = re.compile(r"(?:19|20)\d{2}")
TOKEN = re.compile(r"\d+/\d+|(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’][^\W\d_]+)?")
MONTH_ABBREVIATIONS = {"jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june",
                       "jul": "july", "aug": "august", "sep": "september", "sept": "september",
                       "oct": "october", "nov": "november", "dec": "december"}
CLAUSE_CUT = re.compile(r"[;:()\[\]—–]|\s-\s")
CLAUSE_WORDS = frozenset("and but when while which who whom whose because where as after before until "
                         "than so since if".split())


def fold(text: str) -> str:
    """Lowercase, without accents, with straight apostrophes."""
    decomposed = unicodedata.normalize("NFKD", text.translate(APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def singular(word: str) -> str:
    """An event noun's singular ("attacks" -> "attack", "atrocities" -> "atrocity"); other words as they are."""
    if word in EVENT_WORDS or len(word) < 4 or not word.endswith("s"):
        return word
    for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(cut) and word[: -len(cut)] + add in EVENT_WORDS:
            return word[: -len(cut)] + add
    return word


@dataclass(frozen=True)
class Token:
    word: str  # normalised
    start: int  # character span in the text it was read from
    end: int
    cut: bool = False  # a clause break comes before this word
    capital: bool = False  # written with a capital: a name


def tokens(text: str) -> list[Token]:
    """The words of ``text``, normalised for matching names, with their character spans."""
    found: list[Token] = []
    last_end = 0
    for match in TOKEN.finditer(text):
        raw = match.group()
        word = fold(raw)
        if "." in word:  # "U.S." -> "us", "D.C." -> "dc"
            word = word.replace(".", "")
        elif word in MONTH_ABBREVIATIONS and text[match.end():match.end() + 1] == ".":
            word = MONTH_ABBREVIATIONS[word]
        if word.endswith("'s"):
            word = word[:-2]
        between = text[last_end:match.start()]
        cut = bool(CLAUSE_CUT.search(between))
        if "," in between and found and not (YEAR_TOKEN.fullmatch(word) or YEAR_TOKEN.fullmatch(found[-1].word)
                                              or found[-1].word.isdigit()):
            cut = True
        found.append(Token(singular(word), match.start(), match.end(), cut, raw[:1].isupper()))
        last_end = match.end()
    return found


def words_of(text: str) -> tuple[str, ...]:
    return tuple(token.word for token in tokens(text))


@dataclass(frozen=True)
class Alias:
    text: str
    words: tuple[str, ...]
    core: frozenset[str]  # the distinctive words: no event noun, function word or modifier
    gated: bool  # counts only with a context word in the article
    described: bool  # may be matched by its core words and an event noun


@dataclass(frozen=True)
class Anchor:
    key: str
    label: str
    date: date  # the first day the row's date may mean
    kind: str
    aliases: tuple[str, ...]
    context: tuple[str, ...]
    latest: Optional[date] = None  # the last day the start date may mean (None: the day itself)
    ended: Optional[date] = None  # the last day the event may have ended, for an event that lasted
    date_text: str = ""
    gated: tuple[str, ...] = ()

    @property
    def last_start(self) -> date:
        return self.latest or self.date

    @property
    def precision(self) -> str:
        text = self.date_text or self.date.isoformat()
        return {4: "year", 7: "month"}.get(len(text), "day")

    def describe(self) -> str:
        when = self.date_text or self.date.isoformat()
        return f"{self.label} {when}" + (f" (until {self.ended.isoformat()})" if self.ended else "")

    def ongoing(self, when: date) -> bool:
        return self.date <= when and (self.ended is None or self.ended >= when)


@dataclass(frozen=True)
class EventMatch:
    """An anchor a phrase names, where in the phrase, and which part of it ("end of the war")."""

    anchor: Anchor
    start: int  # character span of the name in the phrase
    end: int
    exact: bool
    part: str = "whole"  # whole | start | end

    def bounds(self) -> tuple[date, date]:
        """The earliest and latest day the phrase's event may have: a span for a lasting event."""
        anchor = self.anchor
        if anchor.ended is None or self.part == "start":
            return anchor.date, anchor.last_start
        if self.part == "end":
            return _month_start(anchor.ended), anchor.ended
        return anchor.date, anchor.ended


def _month_start(day: date) -> date:
    return day.replace(day=1) if day.day == calendar.monthrange(day.year, day.month)[1] else day


@dataclass(frozen=True)
class AnchorTable:
    anchors: tuple[Anchor, ...]

    @functools.cached_property
    def context_words(self) -> frozenset[str]:
        """Context words of the anchors a generic noun can mean (wars, offices, pandemics)."""
        kinds = {kind for kinds in EVENT_NOUNS.values() for kind in kinds}
        return frozenset(word for anchor in self.anchors if anchor.kind in kinds for word in anchor.context)

    @functools.cached_property
    def _index(self) -> tuple[dict[str, list[tuple[Anchor, Alias]]], dict[str, list[tuple[Anchor, Alias]]],
                              dict[str, frozenset[str]]]:
        """Aliases by their first word (exact matching) and by each core word (described matching),
        and each anchor's vocabulary (the words a described name may carry)."""
        by_first: dict[str, list[tuple[Anchor, Alias]]] = defaultdict(list)
        by_core: dict[str, list[tuple[Anchor, Alias]]] = defaultdict(list)
        vocabulary: dict[str, frozenset[str]] = {}
        for anchor in self.anchors:
            words: set[str] = set(words_of(anchor.label))
            for text in anchor.aliases:
                alias = make_alias(text, text in anchor.gated)
                if not alias.words:
                    continue
                words.update(alias.words)
                by_first[alias.words[0]].append((anchor, alias))
                if alias.described:
                    for word in alias.core:
                        by_core[word].append((anchor, alias))
            for text in anchor.context:
                words.update(words_of(text))
            vocabulary[anchor.key] = frozenset(words)
        return dict(by_first), dict(by_core), vocabulary

    def named_in(self, text: str, article_text: str = "") -> list[Anchor]:
        """Anchors one of whose aliases occurs anywhere in ``text`` (words in a row)."""
        words = tokens(text)
        found: list[Anchor] = []
        for _start, _end, anchor, alias in self._exact(words):
            if anchor not in found and (not alias.gated or self._context_in(anchor, article_text)):
                found.append(anchor)
        return found

    def find(self, phrase: str, article_text: str = "", published: Optional[date] = None) -> list[EventMatch]:
        """The anchors ``phrase`` opens by naming (see the module docstring), best matches first.

        Several matches are returned when the phrase could mean several events; none when it
        names no event of the table, names one dated after ``published``, or gives a year the
        event does not span.
        """
        words = tokens(phrase)[:MAX_HEAD]
        lead = 0
        while lead < len(words) and words[lead].word in FUNCTION_WORDS:
            lead += 1
        vocabulary = self._index[2]
        exact = [(s, e, a, al) for s, e, a, al in self._exact(words) if s - lead < MAX_LEAD
                 and all(_lead_ok(t, vocabulary[a.key] | event_nouns(a)) for t in words[lead:s])]
        matches = self._keep(exact, words, article_text, published, exact=True)
        if not matches:
            matches = self._keep(self._described(words, lead), words, article_text, published, exact=False)
        return matches

    # --- matching -----------------------------------------------------------------------

    def _exact(self, words: list[Token]) -> Iterable[tuple[int, int, Anchor, Alias]]:
        by_first = self._index[0]
        plain = [t.word for t in words]
        for i, word in enumerate(plain):
            for anchor, alias in by_first.get(word, ()):
                n = len(alias.words)
                if tuple(plain[i:i + n]) == alias.words:
                    yield i, i + n, anchor, alias

    def _described(self, words: list[Token], lead: int) -> list[tuple[int, int, Anchor, Alias]]:
        """Anchors whose alias's core words and an event noun of the anchor's families all occur
        in the phrase's first clause, close together, with no word foreign to the event."""
        by_core, vocabulary = self._index[1], self._index[2]
        clause = []
        for i, token in enumerate(words):
            if i > lead and (token.cut or token.word in CLAUSE_WORDS):
                break
            clause.append(token.word)
        present = set(clause)
        found = []
        seen: set[tuple[str, str]] = set()
        for word in present & by_core.keys():
            for anchor, alias in by_core[word]:
                if (anchor.key, alias.text) in seen or not alias.core <= present:
                    continue
                seen.add((anchor.key, alias.text))
                nouns = event_nouns(anchor)
                positions = [i for i, w in enumerate(clause) if w in alias.core or w in nouns]
                if not any(clause[i] in nouns for i in positions):
                    continue
                first, last = min(positions), max(positions)
                if first - lead >= MAX_LEAD or last - first >= MAX_SPAN:
                    continue
                allowed = vocabulary[anchor.key] | nouns
                if all(_lead_ok(t, allowed) for t in words[lead:first]) and \
                        all(_explained(w, allowed) for w in clause[first:last + 1]):
                    found.append((first, last + 1, anchor, alias))
        return found

    def _keep(self, candidates: list[tuple[int, int, Anchor, Alias]], words: list[Token],
              article_text: str, published: Optional[date], exact: bool) -> list[EventMatch]:
        kept = []
        for start, end, anchor, alias in candidates:
            if alias.gated and not self._context_in(anchor, article_text):
                continue
            if published is not None and anchor.date > published:
                continue  # an article cannot count from an event still to come
            around = _around(words, end)
            own = set(alias.words)
            last = anchor.ended or anchor.last_start
            years = [int(w) for w in around if YEAR_TOKEN.fullmatch(w) and w not in own]
            if any(not anchor.date.year <= year <= last.year for year in years):
                continue  # "the Haiti earthquake of 2021" is not the one of 2010
            kept.append((start, end, anchor, _part(around)))
        # a name inside a longer one is the longer one's ("Iraq war" in "Iran-Iraq war")
        kept = [(s, e, a, p) for s, e, a, p in kept
                if not any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) for s2, e2, _, _ in kept)]
        matches: list[EventMatch] = []
        for start, end, anchor, part in sorted(kept, key=lambda k: (k[0], -(k[1] - k[0]))):
            if any(m.anchor.key == anchor.key for m in matches):
                continue
            matches.append(EventMatch(anchor, words[start].start, words[end - 1].end, exact, part))
        return matches

    @functools.cached_property
    def _folded_context(self) -> dict[str, frozenset[str]]:
        return {anchor.key: frozenset(fold(word) for word in anchor.context) for anchor in self.anchors}

    def _context_in(self, anchor: Anchor, article_text: str) -> bool:
        return bool(_phrases_in(_folded(article_text), self._folded_context[anchor.key]))

    # --- generic nouns ("the war") ---------------------------------------------------------

    def for_noun(self, noun: str, article_text: str, when: Optional[date] = None) -> list[Anchor]:
        """Anchors a generic noun ("the war") can mean, given the words the article uses: of the
        noun's kinds, with a context word in the article, and (given ``when``) under way then."""
        kinds = EVENT_NOUNS.get(noun.lower(), ())
        present = _phrases_in(article_text, self.context_words)
        return [a for a in self.anchors if a.kind in kinds and any(w in present for w in a.context)
                and (when is None or a.ongoing(when))]

    def resolve(self, noun: str, sentence: str, article_text: str, when: Optional[date] = None) -> list[Anchor]:
        """Candidates for the event ``noun`` in ``sentence``: named ones first, else by context."""
        kinds = EVENT_NOUNS.get(noun.lower(), ())
        named = [a for a in self.named_in(sentence, article_text) if a.kind in kinds
                 and (when is None or a.date <= when)]
        return named or self.for_noun(noun, article_text, when)


def make_alias(text: str, gated: bool = False) -> Alias:
    words = words_of(text)
    core = frozenset(w for w in words if w not in EVENT_WORDS and w not in FUNCTION_WORDS
                     and w not in MODIFIERS and w not in TIME_WORDS)
    has_noun = any(w in EVENT_WORDS for w in words)
    described = has_noun and bool(core) and not core <= GENERIC_WORDS and not all(
        YEAR_TOKEN.fullmatch(w) or w.isdigit() or w in GENERIC_WORDS for w in core)
    return Alias(text, words, core, gated, described)


def event_nouns(anchor: Anchor) -> frozenset[str]:
    """The event nouns that may name ``anchor``: its kind's families and the families of the nouns
    its aliases use."""
    return _event_nouns(anchor.kind, anchor.aliases)


@functools.lru_cache(maxsize=4096)
def _event_nouns(kind: str, aliases: tuple[str, ...]) -> frozenset[str]:
    families = set(KIND_FAMILIES.get(kind, ()))
    used = {w for alias in aliases for w in words_of(alias) if w in EVENT_WORDS}
    families.update(name for name, words in NOUN_FAMILIES.items() if words & used)
    return frozenset(used).union(*(NOUN_FAMILIES[name] for name in families))


def _explained(word: str, allowed: frozenset[str]) -> bool:
    return (word in allowed or word in FUNCTION_WORDS or word in MODIFIERS or word in TIME_WORDS
            or bool(YEAR_TOKEN.fullmatch(word)))


def _around(words: list[Token], end: int) -> list[str]:
    """The words of a phrase up to a name ending at ``end`` and two words after it, within its clause
    ("the Haiti earthquake of 2010", "the war ended")."""
    stop = end
    while stop < min(len(words), end + 2) and not words[stop].cut:
        stop += 1
    return [t.word for t in words[:stop]]


def _lead_ok(token: Token, allowed: frozenset[str]) -> bool:
    """A word before a name may qualify it ("the landmark Mir launch", "the U.S.-led invasion"),
    unless it is a name or a word that tells events apart ("the *Moscow* theater siege", "the
    *train* bombings in Mumbai", "the *second* Chernobyl"), foreign to the event."""
    if _explained(token.word, allowed):
        return True
    return not token.capital and token.word not in DISTINGUISHING and token.word not in EVENT_WORDS \
        and not token.word.isdigit()


def _part(plain: Iterable[str]) -> str:
    plain = set(plain)
    if plain & END_WORDS:
        return "end"
    if plain & ONSET_WORDS:
        return "start"
    return "whole"


@functools.lru_cache(maxsize=8)
def _folded(text: str) -> str:
    """``fold(text)`` once per article (a string's hash is kept, so a repeated lookup is cheap)."""
    return fold(text)


@functools.lru_cache(maxsize=64)
def _phrases_in(text: str, phrases: frozenset[str]) -> frozenset[str]:
    """Which of ``phrases`` occur in ``text`` as whole words: one pass per article, not per question."""
    return frozenset(phrase for phrase in phrases if _has_phrase(text, phrase))


def _has_phrase(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


# --- loading ------------------------------------------------------------------------------

def load_anchors(extra_path: Optional[str | Path] = None) -> AnchorTable:
    """The bundled anchor table, plus the rows of ``extra_path`` (same columns) when given."""
    bundled = package_files.files("newsaudit").joinpath("data/anchors.csv").read_text(encoding="utf-8")
    rows = list(_rows(bundled.splitlines(), BUNDLED_TABLE))
    if extra_path is not None:
        rows += list(_rows(read_table_lines(extra_path), str(extra_path)))
    by_key = {anchor.key: anchor for anchor in rows}  # a user's row replaces a bundled one
    table = AnchorTable(tuple(by_key.values()))
    table._index, table._folded_context  # noqa: B018 - built now, while resources load, not in an audit
    return table


def parse_when(text: str) -> tuple[date, date]:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as the first and last day it may mean."""
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        day = date.fromisoformat(text)
        return day, day
    if re.fullmatch(r"\d{4}-\d{2}", text):
        year, month = int(text[:4]), int(text[5:])
        if not 1 <= month <= 12:
            raise ValueError(text)
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 1, 1), date(int(text), 12, 31)
    raise ValueError(text)


def _rows(lines: Iterable[str], path: str) -> Iterable[Anchor]:
    reader = csv.DictReader(line for line in lines if not line.startswith("#"))
    missing = set(ANCHOR_COLUMNS) - set(reader.fieldnames or ())
    if missing:
        raise TableError(f"the anchor table lacks the columns {sorted(missing)}", path=path)
    for row in reader:
        try:
            first, last = parse_when(row["date"] or "")
        except ValueError:
            raise TableError(f"{row['date']!r} is not a YYYY-MM-DD, YYYY-MM or YYYY date", path=path,
                             line=reader.line_num) from None
        ended = None
        if (row.get("ended") or "").strip():
            try:
                ended = parse_when(row["ended"])[1]
            except ValueError:
                raise TableError(f"ended {row['ended']!r} is not a YYYY-MM-DD, YYYY-MM or YYYY date", path=path,
                                 line=reader.line_num) from None
        names = _split((row["aliases"] or "").translate(APOSTROPHES))
        aliases = tuple(name.lstrip("~?").strip() for name in names)
        yield Anchor(
            key=(row["key"] or "").strip(), label=(row["label"] or "").strip(), date=first,
            kind=(row["kind"] or "").strip(), aliases=aliases, context=_split(row["context"]),
            latest=last if last != first else None, ended=ended, date_text=(row["date"] or "").strip(),
            gated=tuple(name.lstrip("~?").strip() for name in names if "~" in name[:2]),
        )


def _split(cell: Optional[str]) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())

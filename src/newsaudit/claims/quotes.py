"""Direct quotes and who said them.

Quoted spans come from curly or straight quotation marks (a quote left open at a paragraph's
end runs to that end, the newspaper convention for a quote continued in the next paragraph).
A span is a quote of someone when a speech construction attributes it:

- after it: ``"...," X says`` / ``"...," says X`` / ``"...," a survivor told investigators``;
- before it with a colon: ``X: "..."`` / ``X, to troops: "..."`` / ``X vows: "..."``;
- before it with a verb: ``X said, "..."``;
- or it continues the previous attributed quote with no other person named in between.

A span with none of these is a quote of nobody known when it reads as speech (four words or
more ending in sentence punctuation); shorter spans are scare quotes or titles ("fortress
belt") and are dropped. Speakers resolve through :class:`People`: "Zelenskyy" to the fullest
name the article gives, pronouns to the latest person mentioned, "the officer" to the person
introduced with that role, a pseudonym ("call him 'Viper'") to itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from ..model import Quote
from ..reference.words import alternation
from ..text.quotes import OPEN_QUOTES, quoted_spans

SPEECH_VERBS = alternation("speech_verbs")  # data/words/speech_verbs.txt
ROLE_WORDS = alternation("role_words")  # data/words/role_words.txt
NAME_WORD = r"[A-Z][\w’'\-]+"
TITLE = r"(?:Capt|Col|Gen|Lt|Sgt|Maj|Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|St)\."
NAME = rf"(?:{TITLE}\s+)?{NAME_WORD}(?:\s+(?:{TITLE}\s+)?{NAME_WORD}){{0,3}}"
PRONOUN = r"(?:he|she|they|He|She|They)"
ROLE_PHRASE = r"(?:an?|the|one|An?|The|One)\s+(?:[\w\-]+\s+){0,3}?(?:" + ROLE_WORDS + r")s?"
SPEAKER = rf"(?:{PRONOUN}|{ROLE_PHRASE}|{NAME})"

# Attribution right after a closing quote: '," Viper whispers' / '," adds Capt. Shapoval'.
AFTER_QUOTE = re.compile(
    rf"\s*(?:(?P<sp1>{SPEAKER})\s+(?P<cue1>{SPEECH_VERBS})\b|(?P<cue2>{SPEECH_VERBS})\s+(?P<sp2>{ROLE_PHRASE}|{NAME}))"
)
# Attribution before an opening quote with a verb and a comma: 'X said, "'.
BEFORE_QUOTE = re.compile(rf"(?P<sp>{SPEAKER})\s+(?P<cue>{SPEECH_VERBS})(?:\s+[a-z]+){{0,3}}\s*,\s*$")
COLON_BEFORE_QUOTE = re.compile(r":\s*$")
CLAUSE_START = re.compile(r"[.!?\n”\"]\s*(?=[^.!?\n”\"]*$)")
CUE_AT_END = re.compile(rf"\b(?P<cue>{SPEECH_VERBS})\s*$")
NAME_IN_CLAUSE = re.compile(NAME)
PRONOUN_IN_CLAUSE = re.compile(rf"\b{PRONOUN}\b|{ROLE_PHRASE}")
FUNCTION_WORDS = frozenset("But And Yet So Then Still Now Also Or As In On At For With Without After Before "
                           "When While The A An This That These Those If Asked Speaking".split())
ROLE_PREFIX = re.compile(rf"(?P<role>(?:[A-Z][\w.’'\-]*\s+)?(?:(?i:{ROLE_WORDS})\s+)+)$")
APPOSITION_ROLE = re.compile(rf"^,\s+(?:an?|the)\s+(?P<role>(?:[\w\-]+\s+){{0,3}}?(?:{ROLE_WORDS}))\b", re.I)
PSEUDONYM = re.compile(
    rf"(?:an?|the)\s+(?P<role>[^,—–()\n.]{{2,60}}?)\s*[—–,(-]\s*(?:call(?:ing)?|we(?:’|')ll call|"
    rf"identified only as|known only as|known as|nicknamed)\s+(?:him|her|them)?\s*[“\"‘']?(?P<name>{NAME_WORD})",
    re.IGNORECASE,
)
NAME_RUN = re.compile(rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}")
TITLED_NAME = re.compile(rf"(?:\b(?i:{ROLE_WORDS})|{TITLE})\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}})")
SPEECH_ENDING = re.compile(r"[.,?!…—–\-]\s*$")
POSSESSIVE_OWNER = re.compile(r"^.*[’']s\s+")
MIN_SPEECH_WORDS = 4
CONTINUATION_GAP = 400  # characters between two parts of one person's quote


@dataclass
class People:
    """Who the article names: full names, what short forms point to them, roles, mentions."""

    full_by_word: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    pseudonyms: set[str] = field(default_factory=set)
    mentions: list[tuple[int, str]] = field(default_factory=list)

    def canonical(self, name: str) -> tuple[str, Optional[str]]:
        """The fullest known name for ``name`` and the title stripped from it, if any."""
        name = POSSESSIVE_OWNER.sub("", name.strip())
        title = re.match(rf"{TITLE}\s+|(?:{ROLE_WORDS})\s+", name, re.I)
        role = title.group().strip() if title else None
        bare = name[title.end():] if title else name
        last = bare.split()[-1] if bare.split() else bare
        full = self.full_by_word.get(bare) or self.full_by_word.get(last) or bare
        return full, self.roles.get(full) or role

    def latest_before(self, offset: int) -> Optional[str]:
        before = [name for start, name in self.mentions if start < offset]
        return before[-1] if before else None

    def with_role(self, role_word: str, offset: int) -> Optional[str]:
        """The latest person introduced with this role word ("the officer")."""
        matches = [name for start, name in self.mentions
                   if start < offset and role_word in (self.roles.get(name) or "").lower()]
        return matches[-1] if matches else None


def find_people(text: str, doc: Any = None) -> People:
    """Full names from spaCy PERSON entities, or (without a model) from capitalised runs;
    in both modes a run after a title or role ("Capt. X Y", "analyst X Y") is a name."""
    people = People()
    titled = [(m.start("name"), m.group("name")) for m in TITLED_NAME.finditer(text)]
    if doc is not None:
        completed: dict[str, Optional[tuple[int, str]]] = {}  # one search of the text per surname
        names = [_with_first_name(text, e.start_char, e.text, completed) for e in doc.ents if e.label_ == "PERSON"]
        names = [(start, raw) for start, raw in names if len(raw.split()) > 1]
    else:
        names = [(m.start(), m.group()) for m in NAME_RUN.finditer(text) if not _sentence_initial(text, m.start())]
    for start, raw in titled + names:
        _register(people, text, start, raw)
    for match in PSEUDONYM.finditer(text):
        people.pseudonyms.add(match.group("name"))
        people.roles.setdefault(match.group("name"), _clean_role(match.group("role")))
    _collect_mentions(people, text)
    return people


def _with_first_name(text: str, start: int, raw: str,
                     completed: dict[str, Optional[tuple[int, str]]]) -> tuple[int, str]:
    """spaCy sometimes tags only a surname ("Ferri"): the full name is the first place the text
    prints a capitalised word just before it ("Glaciologist Matteo Ferri"), unless that word is
    a title, a role or opens its sentence."""
    if len(raw.split()) > 1 or not raw[:1].isupper():
        return start, raw
    if raw not in completed:
        completed[raw] = None
        for match in re.finditer(rf"([A-Z][a-z’'-]+)\s+{re.escape(raw)}\b", text):
            word = match.group(1)
            if not (word in FUNCTION_WORDS or re.fullmatch(rf"(?:{ROLE_WORDS})|{TITLE}", word, re.I)
                    or _sentence_initial(text, match.start())):
                completed[raw] = (match.start(), match.group())
                break
    return completed[raw] or (start, raw)


def _sentence_initial(text: str, start: int) -> bool:
    """A capitalised run opening a sentence may be any word ("Losing Pokrovsk could ...")."""
    return not text[max(0, start - 3):start].strip(" “\"‘(") or text[max(0, start - 3):start].rstrip()[-1:] in ".!?:\n"


def _register(people: People, text: str, start: int, raw: str) -> None:
    raw = POSSESSIVE_OWNER.sub("", raw).rstrip("’'s") if raw.endswith(("’s", "'s")) else POSSESSIVE_OWNER.sub("", raw)
    words = raw.split()
    role_words = []
    while words and re.fullmatch(rf"(?:{ROLE_WORDS})", words[0], re.I):
        role_words.append(words.pop(0))
    if len(words) < 2 or any(w in FUNCTION_WORDS for w in words):
        return
    full = " ".join(words)
    for word in words[1:]:
        people.full_by_word.setdefault(word, full)
    people.full_by_word.setdefault(full, full)
    end = text.find(raw, start)
    role = _role_before(text, text.find(full, max(0, start - 1))) or (" ".join(role_words) or None)
    role = role or _role_after(text, end + len(raw) if end >= 0 else start)
    if role:
        people.roles.setdefault(full, role)


def _role_before(text: str, start: int) -> Optional[str]:
    if start <= 0:
        return None
    match = ROLE_PREFIX.search(text[max(0, start - 60):start])
    if not match:
        return None
    words = match.group("role").split()
    if len(words) > 1 and words[0].endswith(".") and words[0].count(".") == 1:
        words = words[1:]  # the end of the previous sentence ("... ash. Deputy Mayor X")
    if words and words[0].lower() in ("the", "a", "an", "per", "by", "and", "of", "with", "from", "including"):
        words = words[1:]
    return " ".join(words) or None


def _role_after(text: str, end: int) -> Optional[str]:
    match = APPOSITION_ROLE.match(text[end:end + 80])
    return _clean_role(match.group("role")) if match else None


def _clean_role(role: str) -> str:
    """Drop ages and numbers from a role ("29-year-old drone pilot" -> "drone pilot")."""
    return " ".join(word for word in role.split() if not re.search(r"\d", word))


def _collect_mentions(people: People, text: str) -> None:
    known = {**{w: full for w, full in people.full_by_word.items()}, **{p: p for p in people.pseudonyms}}
    if not known:
        return
    pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(known, key=len, reverse=True)) + r")\b")
    people.mentions = [(m.start(), known[m.group()]) for m in pattern.finditer(text)]


@dataclass(frozen=True)
class _Attribution:
    speaker: Optional[str]
    role: Optional[str]
    cue: Optional[str]


def find_quotes(text: str, doc: Any = None, people: Optional[People] = None) -> list[Quote]:
    """Direct quotes with speakers, in text order; offsets are of the quoted words."""
    people = people or find_people(text, doc)
    quotes: list[Quote] = []
    previous: Optional[Quote] = None
    for start, end in quoted_spans(text):
        inner_start, inner_end = _trim(text, start, end)
        if inner_end <= inner_start:
            continue
        attribution = _attribute(text, start, end, people)
        if attribution is None and previous is not None and _continues(text, previous, start, people):
            attribution = _Attribution(previous.speaker, previous.role, previous.cue)
        if attribution is None and not _reads_as_speech(text, start, end):
            continue
        attribution = attribution or _Attribution(None, None, None)
        quote = Quote(text=text[inner_start:inner_end], speaker=attribution.speaker, cue=attribution.cue,
                      direct=True, start=inner_start, end=inner_end, role=attribution.role)
        quotes.append(quote)
        previous = quote if quote.speaker else previous
    return _carry_back(text, quotes)


def _carry_back(text: str, quotes: list[Quote]) -> list[Quote]:
    """A paragraph left open ('"We ... here.' then '"We will," X added.') is X's too."""
    result = list(quotes)
    for k in range(len(result) - 2, -1, -1):
        quote, following = result[k], result[k + 1]
        unclosed = quote.end == len(text) or text[quote.end] == "\n"
        if quote.speaker is None and quote.cue is None and unclosed and following.speaker \
                and not text[quote.end:following.start - 1].strip():
            result[k] = Quote(text=quote.text, speaker=following.speaker, cue=following.cue, direct=True,
                              start=quote.start, end=quote.end, role=following.role)
    return result


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _reads_as_speech(text: str, start: int, end: int) -> bool:
    inner = text[start:end]
    return len(inner.split()) >= MIN_SPEECH_WORDS and bool(SPEECH_ENDING.search(inner)) and inner[:1].isupper()


def _attribute(text: str, start: int, end: int, people: People) -> Optional[_Attribution]:
    after = AFTER_QUOTE.match(text, end + 1, min(len(text), end + 120))
    if after and (SPEECH_ENDING.search(text[start:end]) or len(text[start:end].split()) >= MIN_SPEECH_WORDS):
        raw = after.group("sp1") or after.group("sp2")
        return _resolve(raw, after.group("cue1") or after.group("cue2"), start, people)
    before = text[max(0, start - 1 - 200):start - 1]
    if COLON_BEFORE_QUOTE.search(before):
        return _colon_attribution(before, start, people)
    said = BEFORE_QUOTE.search(before)
    if said:
        return _resolve(said.group("sp"), said.group("cue"), start, people)
    return None


def _colon_attribution(before: str, start: int, people: People) -> Optional[_Attribution]:
    clause = before[: before.rstrip().rfind(":")]
    boundary = CLAUSE_START.search(clause)
    clause = clause[boundary.end():] if boundary else clause
    cue_match = CUE_AT_END.search(clause)
    cue = cue_match.group("cue") if cue_match else ":"
    for match in NAME_IN_CLAUSE.finditer(clause):
        words = [w for w in match.group().split() if w not in FUNCTION_WORDS]
        if words:
            return _resolve(" ".join(words), cue, start, people)
    pronoun = PRONOUN_IN_CLAUSE.search(clause)
    if pronoun:
        return _resolve(pronoun.group(), cue, start, people)
    return None


def _resolve(raw: str, cue: str, offset: int, people: People) -> _Attribution:
    raw = raw.strip()
    if re.fullmatch(PRONOUN, raw):
        name = people.latest_before(offset) if raw.lower() in ("he", "she") else None
        return _Attribution(name, people.roles.get(name) if name else None, cue)
    if re.fullmatch(ROLE_PHRASE, raw):
        return _role_attribution(raw, cue, offset, people)
    name, role = people.canonical(raw)
    return _Attribution(name, role, cue)


def _role_attribution(raw: str, cue: str, offset: int, people: People) -> _Attribution:
    """'the officer' is someone introduced before; 'an officer' is an unnamed source."""
    article, *rest = raw.split()
    role = " ".join(rest)
    if article.lower() == "the":
        name = people.with_role(rest[-1].lower(), offset)
        if name:
            return _Attribution(name, people.roles.get(name), cue)
    return _Attribution(None, role, cue)


def _continues(text: str, previous: Quote, start: int, people: People) -> bool:
    """Same speaker when the gap is short, holds no other quote and names no one else."""
    gap_start = previous.end
    gap = text[gap_start:start - 1]
    closing = re.match(r"[,\s]*[”\"]", gap)  # the previous quote's own closing mark
    gap = gap[closing.end():] if closing else gap
    if len(gap) > CONTINUATION_GAP or any(q in gap for q in OPEN_QUOTES + '"'):
        return False
    opens_sentence = not gap.strip() or gap.rstrip()[-1] in ".!?”\"\n"
    after_cue = previous.cue not in (None, ":") and re.search(rf"\b{previous.cue}\b[^.!?]*,\s*$", gap)
    if not (opens_sentence or after_cue):
        return False
    others = {name for at, name in people.mentions if gap_start <= at < start - 1} - {previous.speaker}
    return not others


def speaker_names(quotes: Iterable[Quote], people: People) -> set[str]:
    """Every name a quote's speaker goes by, for the places stage to exclude."""
    names = {q.speaker for q in quotes if q.speaker} | people.pseudonyms
    return names | {word for word, full in people.full_by_word.items() if full in names}

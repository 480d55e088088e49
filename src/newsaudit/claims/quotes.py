"""Quotes and who said them: direct quotes, and indirect ones ("X said that ...", "according to X").

Quoted spans come from curly or straight quotation marks (a quote left open at a paragraph's
end runs to that end, the newspaper convention for a quote continued in the next paragraph).
A span is a quote of someone when a speech construction attributes it:

- after it: ``"...," X says`` / ``"...," says X`` / ``"...," RSB head coach X said`` /
  ``"...," a survivor told investigators``;
- before it with a colon: ``X: "..."`` / ``X, to troops: "..."`` / ``X tweeted Friday: "..."``;
- before it with a verb: ``X said, "..."`` / ``X said "..."``;
- signed: ``"..." ― Ana Ruiz`` / ``"..." — Ana Ruiz, a nurse`` at the paragraph's end;
- in the sentence before it, an inverted attribution of a partial quote or a paraphrase:
  ``... a "change agent," Cole said. "..."``;
- or it continues the previous attributed quote: through that quote's own attribution sentence
  (``"...," said X, who worked with Mr. Y. "..."``, ``"...," X said on CNN's "This Week." "..."``),
  else with no other person named in between.

Names may carry initials and a legislator's party in brackets ("Rep. G.K. Butterfield (D-N.C.)"),
and a description may open with an organisation ("RNC chairman Reince Priebus").

What is not a direct quote: a span with none of these that does not read as speech (four words
or more ending in sentence punctuation: shorter ones are scare quotes, "fortress belt"); a
title or a name in quotation marks (Title Case words, "Fox News Sunday", "Make America Great
Again", or a capitalised name after a possessive: CNN's "State of the Union"); and a partial
quote woven into the reporter's sentence (called it "a disaster", said the probe is
"ongoing"): those words are the reporter's paraphrase with a quoted phrase, and the sentence is
an indirect quote when a speech verb attributes it.

Speakers resolve through :class:`People`: "Zelenskyy" to the fullest name the article gives,
"the officer" to the person introduced with that role, a pseudonym ("call him 'Viper'") to
itself, and "he"/"she" to the most salient earlier person of that gender: the subject (first
person named outside quotation marks) of the nearest sentence that names one, or the speaker
of a quote in it. A person's gender is read from the article itself (Mr./Ms., "spokeswoman",
and the he/she that follows their mentions), never guessed from a first-name list.

Indirect quotes (``kind`` "indirect" or "according_to", ``direct`` False) are sentences that
report speech without quotation marks: ``X said (that) ...``, ``X told reporters ...``,
``..., X said.``, ``according to X, ...``; their ``text`` is the reported content.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Optional

from ..model import Quote
from ..reference.words import alternation, caseless_alternation
from ..text.quotes import OPEN_QUOTES, quoted_spans
from ..text.sentences import sentence_split

SPEECH_VERBS = alternation("speech_verbs")  # data/words/speech_verbs.txt
ROLE_WORDS = alternation("role_words")  # data/words/role_words.txt
CASELESS_ROLE_WORDS = caseless_alternation("role_words")  # the same words, for (?i:...): faster there
NAME_WORD = r"[A-Z][\w’'\-]+"
TITLE = r"(?:Capt|Col|Gen|Lt|Sgt|Maj|Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Del|Rev|Amb|Atty|Supt|Cmdr|Adm|St)\."
INITIAL = r"[A-Z]\."
# Initials before a name ("G.K. Butterfield", "J. Edgar Hoover"), never on their own ("U.S.").
INITIALS = r"(?:[A-Z]\.){1,3}\s*(?=[A-Z][a-z])"
NAME = rf"(?:{TITLE}\s+)?(?:{INITIALS})?{NAME_WORD}(?:\s+(?:{TITLE}\s+|{INITIAL}\s+)?{NAME_WORD}){{0,5}}"
# A party and state, or a state, in brackets after a legislator's name: "(D-N.C.)", "(R-Utah)", "(Vt.)".
AFFILIATION = r"(?:\s*\((?:[DRI]|[A-Z][a-z]*\.?)(?:-[A-Z][\w.\- ]{0,18})?\))"
PRONOUN = r"(?:he|she|they|He|She|They)"
ROLE_PHRASE = r"(?:an?|the|one|An?|The|One)\s+(?:[\w\-]+\s+){0,3}?(?:" + ROLE_WORDS + r")s?"
# A name with lower-case words before it that describe the person: "RSB head coach Jason Koski",
# "former secretary of state Hillary Clinton", "the campaign manager, Robby Mook".
# An organisation's name may lead the description: "Republican National Committee chairman X",
# "L2 president X".
DESCRIBED_NAME = rf"(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[A-Z][\w.&’'\-]*\s+){{0,4}}(?:(?!(?:and|but|when|as|after|while|because|if|that|who|which|then|on|in|at|from|for|with|near|to|by|into|across)\b)[a-z][\w\-’']*,?\s+){{1,4}}{NAME}"
SPEAKER = rf"(?:{PRONOUN}|{ROLE_PHRASE}|{NAME}|{DESCRIBED_NAME})"

# Attribution right after a closing quote: '," Viper whispers' / '," adds Capt. Shapoval'.
NOUN_PHRASE = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w\-’']+\s+){0,3}?[a-z\d][\w\-’']+"
AFTER_QUOTE = re.compile(
    rf"[ \t\u00a0,—–-]*(?:(?P<sp1>{SPEAKER}|{NOUN_PHRASE}){AFFILIATION}?(?:,[^“”\"\n]{{1,160}}?,)?\s+(?:(?:also|then|later|again|quickly|simply|once|will|would|can|could|may|might|has|had|have)\s+)?(?P<cue1>(?i:{SPEECH_VERBS}))\b"
    rf"|(?P<cue2>{SPEECH_VERBS})\s+(?P<sp2>{ROLE_PHRASE}|{NAME}|{DESCRIBED_NAME}|{NOUN_PHRASE})(?=[\s,.;:—–(]|$))"
)
# A quote signed by a dash and a name that end the paragraph (or before the next quote opens):
# '..." ― Ana Ruiz', '..." — Ana Ruiz, a teacher in Leeds.'
DASH_AFTER = re.compile(rf"[ \t\u00a0]*[―—–]\s*(?P<sp>{NAME}){AFFILIATION}?(?:,[^\n“”\"]{{1,100}}?)?[ \t\u00a0.]*(?=\n|$|[“\"])")
# Attribution before an opening quote with a verb: 'X said, "' / 'X told reporters "'.
PARTICIPLE_BEFORE = re.compile(r"(?:,\s*|\s+(?:by|while|before|after)\s+|\b(?:statement|tweet|post|message)\s+)(?P<cue>saying|telling\s+(?:\w+\s+){0,2}?\w+|writing|adding|asking|declaring|noting|"
                               r"explaining|arguing|insisting|tweeting|posting)\s*[,:]?\s*$")
COORDINATED_BEFORE = re.compile(r"\s(?:and|but)\s+(?:(?:later|then|also|quickly|simply)\s+)?(?P<cue>said|says|added|adds|asked|"
                                r"replied|declared|wrote|tweeted|told\s+(?:\w+\s+){0,2}?\w+)\s*[,:]?\s*$")
CLAUSE_SUBJECT = re.compile(rf"\s*(?:(?:But|And|So|Then|Later|Still|Meanwhile|However|Earlier),?\s+)?"
                            rf"(?:(?:On|In|At|During|After|Before)\s+[^,]{{1,40}},\s+)?"
                            rf"(?P<sp>{PRONOUN}|{ROLE_PHRASE}|{NAME}|{DESCRIBED_NAME}|{NOUN_PHRASE})(?=[\s,’'])")
ACCORDING_BEFORE = re.compile(r"\b[Aa]ccording to\s+(?P<sp>(?:(?:the|a|an)\s+)?(?:[\w\-’'.&]+\s+){0,4}?[\w\-’'.&]+)[,:]\s*$")
# Words between a speaker and the verb: "X also said", "X had said", "X has also said".
AUXILIARIES = r"(?:(?:also|then|later|again|has|have|had|once|previously)\s+){0,2}"
BEFORE_QUOTE = re.compile(rf"(?P<sp>{SPEAKER}|{NOUN_PHRASE}){AFFILIATION}?(?:,[^,“”\"\n]{{1,90}},)?\s+{AUXILIARIES}(?P<cue>{SPEECH_VERBS})"
                          rf"(?:\s+[\w’'.]+){{0,6}}?\s*,?\s*$")
# BEFORE_QUOTE's ending alone: a verb of saying among the last words. Where it is not found
# BEFORE_QUOTE cannot match, and it is found about five times as fast as BEFORE_QUOTE fails.
SPEECH_VERB_AT_END = re.compile(rf"(?:{SPEECH_VERBS})(?:\s+[\w’'.]+){{0,6}}?\s*,?\s*$")
COLON_BEFORE_QUOTE = re.compile(r":\s*$")
# The sentence right before the quote ends with an inverted attribution of its own (of a partial
# quote or a paraphrase): '..., Cole said. "' / '... a "change agent," said Cole, an aide. "'.
SAID_SENTENCE_BEFORE = re.compile(
    rf"[,”\"]\s*(?:(?P<sp1>{SPEAKER}){AFFILIATION}?(?:,[^,“”\"\n]{{1,90}},)?\s+{AUXILIARIES}"
    rf"(?P<cue1>{SPEECH_VERBS})\b[^.!?“”\"\n]{{0,80}}"
    rf"|(?P<cue2>{SPEECH_VERBS})\s+(?P<sp2>{ROLE_PHRASE}|{NAME}|{DESCRIBED_NAME}){AFFILIATION}?(?:,[^.!?“”\"\n]{{1,160}})?)"
    rf"\.\s*$")
# After a quote that closed its sentence, a verb of saying attributes it only when its own
# sentence ends soon: '"... win." Trump said at a rally.' / '"... win." he added, "..."'.
CLOSED_AFTER_CUE = re.compile(r"(?:\s+(?!that\b)[\w’'.\-]+){0,7}?\s*(?:[.,;:!?—–]|$)", re.M)
CLAUSE_START = re.compile(r"[.!?\n”\"]\s*(?=[^.!?\n”\"]*$)")
CUE_IN_CLAUSE = re.compile(rf"\b(?P<cue>{SPEECH_VERBS})\b")
NAME_IN_CLAUSE = re.compile(NAME)
PRONOUN_IN_CLAUSE = re.compile(rf"\b{PRONOUN}\b|{ROLE_PHRASE}")
SUBJECT_BEFORE_CUE = re.compile(rf"(?:^|(?<=[\s(—–]))(?P<sp>{PRONOUN}|{ROLE_PHRASE}|{NAME}|{DESCRIBED_NAME}|{NOUN_PHRASE})"
                                rf"{AFFILIATION}?(?:,[^,]{{1,80}},)?\s+(?:(?:also|then|later|again|has|had|have|was|is)\s+)?$")
FUNCTION_WORDS = frozenset("But And Yet So Then Still Now Also Or As In On At For With Without After Before "
                           "When While The A An This That These Those If Asked Speaking Here There It Former Then Ex "
                           "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday Tonight "
                           "January February March April May June July August September October November December "
                           "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
NOT_SPEAKER_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Labels the small model also gives to people it does not know ("Ines Walker" as a product): they
# rule out a one-word name only.
UNLIKELY_SPEAKER_LABELS = frozenset({"WORK_OF_ART", "LAW", "EVENT", "LANGUAGE", "PRODUCT", "FAC", "LOC"})
ROLE_PREFIX = re.compile(rf"(?P<role>(?:[A-Z][\w.’'\-]*\s+)?(?:(?i:{CASELESS_ROLE_WORDS})\s+)+)$")
APPOSITION_ROLE = re.compile(rf"^,\s+(?:an?|the)\s+(?P<role>(?:[\w\-]+\s+){{0,3}}?(?:{ROLE_WORDS}))\b", re.I)
PSEUDONYM = re.compile(
    rf"(?:an?|the)\s+(?P<role>[^,—–()\n.]{{2,60}}?)\s*[—–,(-]\s*(?:call(?:ing)?|we(?:’|')ll call|"
    rf"identified only as|known only as|known as|nicknamed)\s+(?:him|her|them)?\s*[“\"‘']?(?P<name>{NAME_WORD})",
    re.IGNORECASE,
)
NAME_RUN = re.compile(rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}")
TITLED_NAME = re.compile(rf"(?:\b(?i:{CASELESS_ROLE_WORDS})|{TITLE})\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}})")
SPEECH_ENDING = re.compile(r"[.,?!…—–\-]\s*$")
POSSESSIVE_OWNER = re.compile(r"^.*[’']s\s+")
MIN_SPEECH_WORDS = 4
CONTINUATION_GAP = 400  # characters between two parts of one person's quote
SALIENCE_SENTENCES = 6  # sentences a pronoun looks back for its person

# --- gender, read from the article ---------------------------------------------------------
MALE_WORDS = re.compile(r"\b(?:Mr\.|he|him|his|himself|spokesman|congressman|chairman|businessman|husband|father|"
                        r"son|brother|king|prince|grandfather|uncle|nephew|boyfriend)\b")
FEMALE_WORDS = re.compile(r"\b(?:Mrs\.|Ms\.|Miss|she|her|hers|herself|spokeswoman|congresswoman|chairwoman|"
                          r"businesswoman|wife|mother|daughter|sister|queen|princess|grandmother|aunt|niece|"
                          r"girlfriend|actress|first lady)\b")
SUBJECT_MALE = re.compile(r"\b(?:[Hh]e|himself)\b")  # "him" and "her" after a name are often someone else
SUBJECT_FEMALE = re.compile(r"\b(?:[Ss]he|herself)\b")
HONORIFIC = re.compile(r"\b(?P<title>Mr|Mrs|Ms|Miss)\.?\s+$")
GENDER_LOOKAHEAD = 240  # characters after a subject's mention read for the pronoun that refers back to it
OWN_MALE = re.compile(r"\b(?:his|him)\b")  # after the subject of a sentence, its own: "X said his ..."
OWN_FEMALE = re.compile(r"\bher\b")

# --- indirect quotes ------------------------------------------------------------------------
INDIRECT_VERBS = (r"(?:says|said|say|told|tells|tell|adds|added|claims|claimed|argues|argued|insists|insisted|"
                  r"warns|warned|notes|noted|explains|explained|acknowledges|acknowledged|admits|admitted|"
                  r"announces|announced|states|stated|contends|contended|asserts|asserted|recalls|recalled|"
                  r"suggests|suggested|predicts|predicted|reports|reported|wrote|writes|tweeted|concedes|conceded|"
                  r"denied|denies|confirmed|confirms)")
TELL_OBJECT = r"(?:reporters|journalists|supporters|the crowd|(?:the\s+)?[A-Z][\w.&’'\-]*(?:\s+[A-Z][\w.&’'\-]*){0,3}|him|her|them|us|me|[a-z]+\s+(?:crowd|audience|reporters))"
ORG_HEAD = (r"(?:campaign|officials?|spokes(?:man|woman|person)|committee|department|agency|police|report|"
            r"statement|study|poll|survey|administration|government|ministry|office|aides?|advisers?|"
            r"analysts?|experts?|critics?|supporters|prosecutors|investigators|lawyers?|attorneys?|sources?|"
            r"officers?|spokespeople|authorit(?:y|ies)|group|organi[sz]ation|party|court|judge|researchers?|data|service|board|"
            r"council|commission|institute|bureau|network|newspaper|website|magazine|company|firm|union)")
BODY = rf"(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+)?(?:[\w\-’']+\s+){{0,3}}?{ORG_HEAD}"
INDIRECT_SUBJECT = rf"(?:{PRONOUN}|{ROLE_PHRASE}|{NAME}|{DESCRIBED_NAME}|{BODY})"
INDIRECT_SAID = re.compile(
    rf"(?:^|(?<=[,;—–]\s)|(?<=\bbut\s)|(?<=\band\s))(?P<sp>{INDIRECT_SUBJECT}){AFFILIATION}?(?:\s+of\s+{NAME})?(?:,[^,\n]{{1,80}},)?\s+"
    rf"(?:(?:also|has|had|have|later|then|previously|repeatedly|again|once)\s+)?"
    rf"(?P<cue>{INDIRECT_VERBS})\b(?:\s+{TELL_OBJECT})?(?:\s+(?:on|in|at|during|last|this)\s+[\w’'.]+(?:\s+[A-Z][\w’'.]*){{0,2}})?"
    rf"(?:\s+(?:this|last|on|earlier)\s+(?:week|month|year|morning|night|evening|[A-Z][a-z]+day))?"
    rf",?\s+(?:that\s+)?(?P<content>(?![“\"])(?!(?:and|or|but|after|before|from|on|in|at|during|to|with|by|for|of|as|"
    rf"about|outside|inside|while|when|if|so|the letter|a letter|an? (?:email|op-ed|statement|post|tweet|letter))\b).{{12,}})$", re.S)
SAID_AT_END = re.compile(rf"^(?P<content>.{{12,}}?),\s+(?P<cue1>{INDIRECT_VERBS})\s+(?P<sp1>{INDIRECT_SUBJECT})[.!?]?$"
                         rf"|^(?P<content2>.{{12,}}?),\s+(?P<sp2>{INDIRECT_SUBJECT})\s+(?P<cue2>{INDIRECT_VERBS})"
                         rf"(?:\s+[\w’'.]+){{0,4}}[.!?]?$", re.S)
ACCORDING_TO = re.compile(rf"\b[Aa]ccording to\s+(?P<sp>(?:(?:a|an|the)\s+)?(?:[\w\-’'.&]+\s+){{0,5}}?[\w\-’'.&]*[\w&])"
                          rf"(?=\s*(?:[,.;:—–]|$))")


@dataclass
class People:
    """Who the article names: full names, what short forms point to them, roles, mentions,
    the gender the article gives them and the entity label spaCy gave each capitalised run."""

    full_by_word: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    pseudonyms: set[str] = field(default_factory=set)
    mentions: list[tuple[int, str]] = field(default_factory=list)
    mention_ends: list[int] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)  # full name -> "m" | "f"
    labels: dict[int, str] = field(default_factory=dict)  # entity start -> spaCy label
    namesakes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "Obama" -> full names, most named first

    def canonical(self, name: str) -> tuple[str, Optional[str]]:
        """The fullest known name for ``name`` and the title stripped from it, if any."""
        name = POSSESSIVE_OWNER.sub("", name.strip())
        title = re.match(rf"{TITLE}\s+|(?:{ROLE_WORDS})\s+", name, re.I)
        role = title.group().strip() if title else None
        bare = name[title.end():] if title else name
        last = bare.split()[-1] if bare.split() else bare
        full = self.full_by_word.get(bare) or self.full_by_word.get(last) or bare
        honorific = re.match(r"(Mr|Mrs|Ms|Miss)\b", role or "")
        if honorific and last in self.namesakes:  # "Mr. Obama" when the article names two Obamas
            wanted = "m" if honorific.group(1) == "Mr" else "f"
            if self.gender.get(full) != wanted:
                full = next((other for other in self.namesakes[last] if self.gender.get(other) == wanted), full)
        return full, self.roles.get(full) or role

    def latest_before(self, offset: int) -> Optional[str]:
        before = [name for start, name in self.mentions if start < offset]
        return before[-1] if before else None

    def with_role(self, role_word: str, offset: int) -> Optional[str]:
        """The latest person introduced with this role word ("the officer")."""
        matches = [name for start, name in self.mentions
                   if start < offset and role_word in (self.roles.get(name) or "").lower()]
        return matches[-1] if matches else None

    def is_person(self, name: str) -> bool:
        return name in self.pseudonyms or name in self.full_by_word.values()


def find_people(text: str, doc: Any = None) -> People:
    """Full names from spaCy PERSON entities, or (without a model) from capitalised runs;
    in both modes a run after a title or role ("Capt. X Y", "analyst X Y") is a name."""
    people = People()
    titled = [(m.start("name"), m.group("name")) for m in TITLED_NAME.finditer(text)]
    if doc is not None:
        completed: dict[str, Optional[tuple[int, str]]] = {}  # one search of the text per surname
        names = [_with_first_name(text, e.start_char, e.text, completed) for e in doc.ents if e.label_ == "PERSON"]
        names = [(start, raw) for start, raw in names if len(raw.split()) > 1]
        people.labels = {e.start_char: e.label_ for e in doc.ents}
    else:
        names = [(m.start(), m.group()) for m in NAME_RUN.finditer(text) if not _sentence_initial(text, m.start())]
    votes: dict[str, dict[str, int]] = {}
    for start, raw in titled + names:
        _register(people, text, start, raw, votes)
    for word, fulls in votes.items():  # "Clinton": the Clinton the article names in full most often
        if len(fulls) > 1 and word not in fulls:
            ranked = sorted(fulls, key=lambda full: (-fulls[full], list(fulls).index(full)))
            people.full_by_word[word] = ranked[0]
            people.namesakes[word] = tuple(ranked)
    for match in PSEUDONYM.finditer(text):
        people.pseudonyms.add(match.group("name"))
        people.roles.setdefault(match.group("name"), _clean_role(match.group("role")))
    _collect_mentions(people, text)
    _read_gender(people, text)
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
        for found, word, end in words_before(text, raw):
            if not (word in FUNCTION_WORDS or re.fullmatch(rf"(?:{ROLE_WORDS})|{TITLE}", word, re.I)
                    or _sentence_initial(text, found)):
                completed[raw] = (found, text[found:end])
                break
    return completed[raw] or (start, raw)


_WORD_BOUNDARY = re.compile(r"\b")
_LOWER_RUN = frozenset("abcdefghijklmnopqrstuvwxyz’'-")


def words_before(text: str, name: str) -> Iterator[tuple[int, str, int]]:
    """(start, word, end) of each match of ``([A-Z][a-z’'-]+)\\s+NAME\\b`` in ``text``, as ``re.finditer``
    gives them, for a ``name`` without spaces that opens with a capital: found from each place
    ``name`` is printed, looking back, with no pattern compiled for the name (an article has a
    new one for every surname spaCy tags alone, and each took half a millisecond to compile)."""
    last_end, at = 0, text.find(name)
    while at >= 0:
        end = at + len(name)
        space = at
        while space > 0 and text[space - 1].isspace():
            space -= 1
        run = space
        while run > 0 and text[run - 1] in _LOWER_RUN:
            run -= 1
        start = run - 1
        if (space < at and 0 < run < space and start >= last_end and "A" <= text[start] <= "Z"
                and _WORD_BOUNDARY.match(text, end)):
            yield start, text[start:space], end
            last_end = end
        at = text.find(name, at + 1)


def _sentence_initial(text: str, start: int) -> bool:
    """A capitalised run opening a sentence may be any word ("Losing Pokrovsk could ...")."""
    return not text[max(0, start - 3):start].strip(" “\"‘(") or text[max(0, start - 3):start].rstrip()[-1:] in ".!?:\n"


NAME_EDGE = " \t\n-–—,;:.\"“”‘’()[]"  # what a model's span may carry off its ends ("Kim Kardashian -")


def _register(people: People, text: str, start: int, raw: str, votes: dict[str, dict[str, int]]) -> None:
    raw = POSSESSIVE_OWNER.sub("", raw).rstrip("’'s") if raw.endswith(("’s", "'s")) else POSSESSIVE_OWNER.sub("", raw)
    raw = raw.strip(NAME_EDGE)
    words = raw.split()
    if not all(any(letter.isalpha() for letter in word) for word in words):
        return  # "Kim Kardashian - both": a dash is not a name's word
    role_words = []
    while words and re.fullmatch(rf"(?:{ROLE_WORDS})", words[0], re.I):
        role_words.append(words.pop(0))
    if len(words) < 2 or any(w in FUNCTION_WORDS for w in words):
        return
    full = " ".join(words)
    for word in words[1:]:
        people.full_by_word.setdefault(word, full)
        votes.setdefault(word, {}).setdefault(full, 0)
        votes[word][full] += 1
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
    found = [(m.start(), m.end(), known[m.group()]) for m in pattern.finditer(text)]
    people.mentions = [(start, name) for start, _end, name in found]
    people.mention_ends = [end for _start, end, _name in found]


def _read_gender(people: People, text: str) -> None:
    """He or she for each person, from what the article writes about them: an honorific or a
    gendered role before a mention, else the first third-person pronoun after a mention (before
    the next person is named), by majority."""
    votes: dict[str, list[int]] = {}
    starts = [start for start, _name in people.mentions]
    for k, (start, name) in enumerate(people.mentions):
        tally = votes.setdefault(name, [0, 0])
        if text[start:people.mention_ends[k]] in people.namesakes:
            continue  # "Mr. Pratt" where two Pratts are named: not evidence for either
        honorific = HONORIFIC.search(text[max(0, start - 6):start])
        if honorific:
            tally[0 if honorific.group("title") == "Mr" else 1] += 3
        role = (people.roles.get(name) or "").lower()
        tally[0] += bool(MALE_WORDS.search(role))
        tally[1] += bool(FEMALE_WORDS.search(role))
        end = people.mention_ends[k]
        if not _subject_mention(text, start, end):
            continue  # "a company owned by X. In a post she ...": the pronoun is the subject's, not X's
        limit = min(starts[k + 1] if k + 1 < len(starts) else len(text), end + GENDER_LOOKAHEAD)
        window = text[end:limit]
        male, female = SUBJECT_MALE.search(window), SUBJECT_FEMALE.search(window)
        if not (male or female):  # "X posted ... from her first albums": the subject's own
            male, female = OWN_MALE.search(window), OWN_FEMALE.search(window)
        if male and (not female or male.start() < female.start()):
            tally[0] += 1
        elif female:
            tally[1] += 1
    for name, (male, female) in votes.items():
        if male > female:
            people.gender[name] = "m"
        elif female > male:
            people.gender[name] = "f"


# What may open a sentence before its subject: "Then, last week, X ...", "On Monday X ...".
SUBJECT_LEAD = re.compile(r"(?:[\w’'-]+\s){0,4}?[\w’'-]+,\s(?:[\w’'-]+\s){0,3}?(?:[\w’'-]+,\s)?$|"
                          r"(?:On|In|At|By|After|Before|Last|This|Earlier|Later)\s(?:[\w’'-]+\s){0,2}$")

# A role or title before the name: "Senator X", "The company's chief executive, X", "Analyst X".
ROLE_LEAD = re.compile(r"(?:(?:[Tt]he\s)?(?:[\w’'.-]+\s){0,4}?)?(?:[A-Z][\w’'.-]*\s)+|(?:[Tt]he\s)?[\w’'\s-]{0,50},\s")


def _subject_mention(text: str, start: int, end: int) -> bool:
    """The mention is its sentence's subject, as news writes it: it opens the sentence, or
    follows a short opening phrase, and is not a possessive ("X's first album ...")."""
    if text.startswith(("’s", "'s"), end):
        return False
    opening = max(text.rfind(stop, 0, start) for stop in (". ", "? ", "! ", "\n", ".” ", '." ', ": "))
    lead = text[opening + 1 if opening >= 0 else 0: start].lstrip(" “\"‘")
    if not lead:
        return True
    if len(lead) > 60 or not lead.endswith(" "):
        return False
    return bool(ROLE_LEAD.fullmatch(lead) or SUBJECT_LEAD.fullmatch(lead))



@dataclass(frozen=True)
class _Attribution:
    speaker: Optional[str]
    role: Optional[str]
    cue: Optional[str]
    span: Optional[tuple[int, int]] = None  # where the words naming the speaker are


@dataclass
class _Context:
    """What the attribution of one article reads: the text, its people, its sentences, the
    quotes attributed so far (for pronouns that point to the last speaker)."""

    text: str
    people: People
    sentences: tuple[tuple[int, int], ...]
    sentence_starts: tuple[int, ...]
    quoted: list[tuple[int, int]]
    quoted_starts: list[int]
    attributed: list[Quote] = field(default_factory=list)


def find_quotes(text: str, doc: Any = None, people: Optional[People] = None) -> list[Quote]:
    """Direct quotes with speakers, then indirect quotes, in text order; offsets of a direct
    quote are of the quoted words, of an indirect one of the reported content."""
    people = people or find_people(text, doc)
    spans = quoted_spans(text)
    sentences = _lines_apart(text, sentence_split(text)[0])
    context = _Context(text, people, sentences, tuple(s for s, _e in sentences), spans, [s for s, _e in spans])
    quotes: list[Quote] = []
    previous: Optional[Quote] = None
    for start, end in spans:
        inner_start, inner_end = _trim(text, start, end)
        if inner_end <= inner_start or _is_title(text, start, end) or _is_partial(text, start, end):
            continue
        attribution = _attribute(start, end, context)
        if attribution is None and previous is not None and _continues(previous, start, context):
            attribution = _Attribution(previous.speaker, previous.role, previous.cue,
                                       (previous.speaker_start, previous.speaker_end)
                                       if previous.speaker_start is not None else None)
        if attribution is None and not _reads_as_speech(text, start, end):
            continue
        attribution = attribution or _introduced(start, context) or _Attribution(None, None, None)
        span = attribution.span or (None, None)
        quote = Quote(text=text[inner_start:inner_end], speaker=attribution.speaker, cue=attribution.cue,
                      direct=True, start=inner_start, end=inner_end, role=attribution.role,
                      speaker_start=span[0], speaker_end=span[1])
        quotes.append(quote)
        if quote.speaker or quote.speaker_start is not None:  # "... ," she said. "...": hers, whoever she is
            previous = quote
        if quote.speaker:
            context.attributed.append(quote)
    quotes = _carry_back(text, quotes)
    return sorted(quotes + _indirect_quotes(context, quotes), key=lambda q: (q.start, q.end))


def _lines_apart(text: str, sentences: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sentences, none across a line break (a line ending in "U.S." still ends its sentence)."""
    out = []
    for start, end in sentences:
        for line in re.finditer(r"[^\n]+", text[start:end]):
            if line.group().strip():
                out.append((start + line.start(), start + line.end()))
    return tuple(out)


def _carry_back(text: str, quotes: list[Quote]) -> list[Quote]:
    """A paragraph left open ('"We ... here.' then '"We will," X added.') is X's too."""
    result = list(quotes)
    for k in range(len(result) - 2, -1, -1):
        quote, following = result[k], result[k + 1]
        unclosed = quote.end == len(text) or text[quote.end] == "\n"
        if quote.speaker is None and quote.cue is None and unclosed and following.speaker \
                and not text[quote.end:following.start - 1].strip():
            result[k] = Quote(text=quote.text, speaker=following.speaker, cue=following.cue, direct=True,
                              start=quote.start, end=quote.end, role=following.role,
                              speaker_start=following.speaker_start, speaker_end=following.speaker_end)
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


SMALL_WORDS = frozenset("a an the of in on and with for to at by from vs or de la del von van is".split())


def _is_title(text: str, start: int, end: int) -> bool:
    """A title or a name in quotation marks: every word capitalised (but small ones), no
    sentence inside, two words or more, or one after a possessive ("CNN's "Hannity"")."""
    inner = text[start:end].strip().rstrip(",.")
    if re.search(r"[.!?;:]\s", inner) or inner.endswith(("?", "!")):
        return False
    words = re.findall(r"[^\W\d_][\w’'\-]*", inner)
    if not words or any(not w[0].isupper() and w.lower() not in SMALL_WORDS for w in words):
        return False
    if sum(w[0].isupper() for w in words) >= 2:
        return True
    return bool(re.search(r"[’']s\s+$|\b(?:on|in|of|titled|called|named|dubbed)\s+$", text[max(0, start - 12):start - 1]))


def _is_partial(text: str, start: int, end: int) -> bool:
    """A quoted phrase inside the reporter's own sentence: the opening mark follows a word (not a
    verb of saying) or another quote, or the quote opens in lower case after anything but a colon."""
    before = text[max(0, start - 40):start - 1].rstrip(" \t\u00a0")
    if not before or before[-1] in ".!?\n:(—–[":
        return False
    inner = text[start:end].lstrip()
    if before[-1] == ",":
        return inner[:1].islower() and not re.search(rf"\b(?:{SPEECH_VERBS})\s*,$", before)
    if before[-1] in "”\"’'":
        return True
    if before[-1].isalnum() or before[-1] in "’'":
        said = re.search(rf"\b(?:{SPEECH_VERBS}|asking|saying|says|said)(?:\s+(?:him|her|them|us|me|reporters|[A-Z][\w.’'-]*))?$",
                         before)
        return not (said and inner[:1].isupper())
    return False


def _attribute(start: int, end: int, context: _Context) -> Optional[_Attribution]:
    """Who the quote text[start:end] is attributed to. A speech verb right after it ('," X said')
    wins, unless the quote closed its sentence inside the marks and a verb and a comma or a
    colon open it ('X replied, "... prison." Having ...')."""
    text = context.text
    window_start = max(0, start - 1 - 200)
    before = text[window_start:start - 1]
    signed = DASH_AFTER.match(text, end + 1, min(len(text), end + 200))
    if signed:  # '..." ― Ana Ruiz' / '..." — Ana Ruiz, teacher': a quote signed with a name
        found = _resolve(signed.start("sp"), signed.end("sp"), "―", start, context)
        if found is not None and found.speaker:
            return found
    leading = _before_attribution(before, window_start, start, context)
    after = AFTER_QUOTE.match(text, end + 1, min(len(text), end + 160))
    closed = re.search(r"[.!?…]\s*$", text[start:end])
    if leading is not None and closed:
        return leading
    if after and closed and (not CLOSED_AFTER_CUE.match(text, after.end(), min(len(text), after.end() + 80))
                             or closed.group().strip() in ".…" and text[after.start():after.end()].lstrip(" ,—–-")[:1].isupper()):
        after = None  # '"... for me." The ministry said the bill ...': a new sentence of its own
    if after and (SPEECH_ENDING.search(text[start:end]) or len(text[start:end].split()) >= MIN_SPEECH_WORDS):
        group = "sp1" if after.group("sp1") else "sp2"
        verb_next = group == "sp1" and text[start:end].rstrip().endswith(",") \
            and bool(re.match(r"\s+\S+$", text[after.end(group):after.start("cue1")]) or
                     not text[after.end(group):after.start("cue1")].strip())
        attribution = _resolve(after.start(group), after.end(group), after.group("cue1") or after.group("cue2"),
                               start, context, verb_next)
        if attribution is not None:
            return attribution
    return leading


def _before_attribution(before: str, window_start: int, start: int, context: _Context) -> Optional[_Attribution]:
    coordinated = COORDINATED_BEFORE.search(before)
    if coordinated:  # 'Hayek confirmed she had been and said, "': the subject of the clause
        return _clause_subject(before[:coordinated.start()], window_start, coordinated.group("cue"), start, context)
    participle = PARTICIPLE_BEFORE.search(before)
    if participle:  # 'X posted a comment of her own, saying, "' : X is the subject of the clause
        return _clause_subject(before[:participle.start()], window_start, participle.group("cue"), start, context)
    according = ACCORDING_BEFORE.search(before)
    if according:
        return _resolve_source(context, window_start + according.start("sp"), window_start + according.end("sp"),
                               "according to")
    if COLON_BEFORE_QUOTE.search(before):
        return _colon_attribution(before, window_start, start, context)
    said = BEFORE_QUOTE.search(before) if SPEECH_VERB_AT_END.search(before) else None
    if said:
        return _resolve(window_start + said.start("sp"), window_start + said.end("sp"), said.group("cue"), start, context)
    said = SAID_SENTENCE_BEFORE.search(before)
    if said and not ("\n" in before[len(before.rstrip()):] and _runs_to_paragraph_end(context, start)):
        # 'Yet he is a "change agent," Cole said. "That's exactly ...': Cole goes on (a paragraph
        # left open after a paragraph break is someone's whose attribution closes it later)
        group, cue = ("sp1", "cue1") if said.group("sp1") else ("sp2", "cue2")
        return _resolve(window_start + said.start(group), window_start + said.end(group), said.group(cue), start, context)
    return None


def _runs_to_paragraph_end(context: _Context, start: int) -> bool:
    k = bisect.bisect_right(context.quoted_starts, start) - 1
    if k < 0 or context.quoted[k][0] != start:
        return False
    end = context.quoted[k][1]
    return end >= len(context.text) or context.text[end] == "\n"


def _clause_subject(clause: str, window_start: int, cue: str, start: int, context: _Context) -> Optional[_Attribution]:
    boundary = CLAUSE_START.search(clause)
    offset = window_start + (boundary.end() if boundary else 0)
    clause = clause[boundary.end():] if boundary else clause
    subject = CLAUSE_SUBJECT.match(clause)
    if subject is None:
        return None
    return _resolve(offset + subject.start("sp"), offset + subject.end("sp"), cue, start, context)


def _introduced(start: int, context: _Context) -> Optional[_Attribution]:
    """A quote nothing attributes, opening its paragraph right after a sentence whose subject is a
    person ("Robert Stone, 59, voted early.\n\n"Every time ..."): that person, without a cue."""
    text = context.text
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start - 1].strip():
        return None
    index = bisect.bisect_right(context.sentence_starts, start - 2) - 1
    while index >= 0 and context.sentences[index][1] >= start - 1:
        index -= 1
    if index < 0:
        return None
    s_start, s_end = context.sentences[index]
    if text[s_start:s_start + 1] in OPEN_QUOTES + '"' or start - s_end > 4:
        return None
    subject = CLAUSE_SUBJECT.match(text, s_start, s_end)
    if subject is None:
        return None
    found = _resolve(subject.start("sp"), subject.end("sp"), None, start, context)
    if found is None or found.speaker is None or not context.people.is_person(found.speaker):
        return None
    return found


def _colon_attribution(before: str, window_start: int, start: int, context: _Context) -> Optional[_Attribution]:
    colon = before.rstrip().rfind(":")
    clause = before[:colon]
    boundary = CLAUSE_START.search(clause)
    offset = window_start + (boundary.end() if boundary else 0)
    clause = clause[boundary.end():] if boundary else clause
    cues = list(CUE_IN_CLAUSE.finditer(clause))
    cue = cues[-1].group("cue") if cues else ":"
    if cues:
        subject = SUBJECT_BEFORE_CUE.search(clause[:cues[-1].start()])
        if subject:
            found = _resolve(offset + subject.start("sp"), offset + subject.end("sp"), cue, start, context)
            if found is not None:
                return found
    right_before = re.search(rf"(?P<sp>{NAME})\s*$", clause)
    matches = ([right_before] if right_before else []) + list(NAME_IN_CLAUSE.finditer(clause))
    for match in matches:
        words = match.group().split()
        skip = 0
        while skip < len(words) and words[skip] in FUNCTION_WORDS:
            skip += 1
        if skip == len(words):
            continue
        begin = offset + match.start() + len(" ".join(words[:skip])) + (1 if skip else 0)
        found = _resolve(begin, offset + match.end(), cue, start, context)
        if found is not None:
            return found
    pronoun = PRONOUN_IN_CLAUSE.search(clause)
    if pronoun:
        return _resolve(offset + pronoun.start(), offset + pronoun.end(), cue, start, context)
    return None


def _resolve(begin: int, finish: int, cue: str, offset: int, context: _Context,
             verb_next: bool = False) -> Optional[_Attribution]:
    """The speaker named by text[begin:finish] (a name, a pronoun, a role, a described name),
    or None when those words cannot speak (a date, a place named without a verb of its own).
    ``verb_next``: the cue follows the words at once, inside the attribution ('," PolitiFact
    says'), so a one-word name speaks whatever label the model gave it (or none)."""
    text, people = context.text, context.people
    raw = text[begin:finish].strip()
    span = (begin, finish)
    if re.fullmatch(PRONOUN, raw):
        name = _pronoun_person(raw.lower(), begin, context) if raw.lower() in ("he", "she") else None
        return _Attribution(name, people.roles.get(name) if name else None, cue, span)
    if re.fullmatch(ROLE_PHRASE, raw):
        return _role_attribution(raw, cue, offset, people, span)
    name_match = re.search(rf"{NAME}$", raw)
    if name_match is None:
        if re.fullmatch(NOUN_PHRASE, raw) and not re.match(r"(?:[Hh]is|[Hh]er|[Tt]heir)\s", raw):
            return _Attribution(None, re.sub(r"^\S+\s+", "", raw), cue, span)
        return None
    described = re.split(r"[.!?]\s+", raw[:name_match.start()])[-1].strip(" ,")  # not the sentence before
    name_start = begin + name_match.start()
    words = name_match.group().split()
    while words and words[0] in FUNCTION_WORDS:
        name_start = text.index(words[0], name_start) + len(words[0])
        words.pop(0)
    if not words:
        return None
    label = _label_at(people, text, name_start)
    known = people.is_person(people.canonical(" ".join(words))[0])
    if (label in NOT_SPEAKER_LABELS or label in UNLIKELY_SPEAKER_LABELS and len(words) == 1 and not verb_next) \
            and not known:
        return None
    if people.labels and len(words) == 1 and label is None and not known and not verb_next:
        return None  # a capitalised word no model read as a name ("Having", "Wait")
    name, role = people.canonical(" ".join(words))
    if described and not role:
        described_role = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", described)
        role = described_role if re.search(rf"\b(?:{ROLE_WORDS})\b|\w+(?:man|woman|er|or|ist|ant|ent)\b",
                                           described_role, re.I) else None
    return _Attribution(name, role, cue, span)


def _label_at(people: People, text: str, position: int) -> Optional[str]:
    while position < len(text) and text[position].isspace():
        position += 1
    return people.labels.get(position)


def _role_attribution(raw: str, cue: str, offset: int, people: People, span: tuple[int, int]) -> _Attribution:
    """'the officer' is someone introduced before; 'an officer' is an unnamed source."""
    article, *rest = raw.split()
    role = " ".join(rest)
    if article.lower() == "the":
        name = people.with_role(rest[-1].lower(), offset)
        if name:
            return _Attribution(name, people.roles.get(name), cue, span)
    return _Attribution(None, role, cue, span)


def _pronoun_person(pronoun: str, at: int, context: _Context) -> Optional[str]:
    """The person "he" or "she" at ``at`` points to: going back sentence by sentence, the first
    person of that gender named outside quotation marks (the subject, as news writes it), else
    the speaker of a quote in that sentence; a person whose gender the article never shows may
    be either."""
    people, text = context.people, context.text
    wanted = "m" if pronoun == "he" else "f"
    index = bisect.bisect_right(context.sentence_starts, at) - 1
    mention_starts = [start for start, _name in people.mentions]
    for k in range(index, max(-1, index - SALIENCE_SENTENCES), -1):
        if k < 0:
            break
        s_start, s_end = context.sentences[k]
        s_end = min(s_end, at)
        lo, hi = bisect.bisect_left(mention_starts, s_start), bisect.bisect_left(mention_starts, s_end)
        unknown = None
        for start, name in people.mentions[lo:hi]:
            if _inside_quote(context, start):
                continue
            gender = people.gender.get(name)
            if gender == wanted:
                return name
            if gender is None and unknown is None:
                unknown = name
        speakers = [q.speaker for q in context.attributed if s_start <= q.start < s_end and q.speaker]
        for speaker in reversed(speakers):
            if people.gender.get(speaker) == wanted:
                return speaker
        if unknown is not None:
            return unknown
        for speaker in reversed(speakers):
            if people.gender.get(speaker) is None:
                return speaker
    return None


def _inside_quote(context: _Context, position: int) -> bool:
    k = bisect.bisect_right(context.quoted_starts, position) - 1
    return k >= 0 and context.quoted[k][0] <= position < context.quoted[k][1]


def _continues(previous: Quote, start: int, context: _Context) -> bool:
    """Same speaker when the gap is the previous quote's own attribution sentence ('," said X, an
    aide to Y, on CNN's "This Week." "'), or is short, holds no other quote and names no one else."""
    text, people = context.text, context.people
    gap_start = previous.end
    if previous.speaker is None and "\n" in text[gap_start:start - 1]:
        return False  # an unnamed speaker ("the officer shouted") does not carry into the next paragraph
    if previous.speaker_start is not None and gap_start <= previous.speaker_start < start - 1 \
            and _same_sentence_until(context, previous.speaker_start, start - 1):
        return True
    gap = text[gap_start:start - 1]
    closing = re.match(r"[,\s]*[”\"“]", gap)  # the previous quote's own closing mark
    gap = gap[closing.end():] if closing else gap
    if len(gap) > CONTINUATION_GAP or any(q in gap for q in OPEN_QUOTES + '"'):
        return False
    if previous.speaker is None and "\n" in gap:
        return False  # an unnamed speaker ("the officer shouted") does not carry into the next paragraph
    opens_sentence = not gap.strip() or gap.rstrip()[-1] in ".!?”\"\n"
    after_cue = previous.cue not in (None, ":") and re.search(rf"\b{re.escape(previous.cue)}\b[^.!?]*,\s*$", gap)
    if not (opens_sentence or after_cue):
        return False
    if previous.speaker_start is not None and gap_start <= previous.speaker_start < start - 1 \
            and not re.search(r"[.!?]\s+\S", text[previous.speaker_end:start - 1].rstrip()):
        return True  # the gap is the previous quote's own attribution ('," said X, an aide to Y. "')
    speaker = people.canonical(previous.speaker)[0] if previous.speaker else None
    others = {name for at, name in people.mentions if gap_start <= at < start - 1} - {previous.speaker, speaker}
    return not others


def _same_sentence_until(context: _Context, position: int, quote_mark: int) -> bool:
    """The sentence holding ``position`` runs up to the opening mark at ``quote_mark`` (nothing
    but spaces and line breaks between its end and the mark) or past it."""
    index = bisect.bisect_right(context.sentence_starts, position) - 1
    if index < 0:
        return False
    s_end = context.sentences[index][1]
    if s_end >= quote_mark:
        return True
    between = context.text[s_end:quote_mark]
    return not between.strip(" \t\u00a0\n.”\"")


# --- indirect quotes ------------------------------------------------------------------------

def _indirect_quotes(context: _Context, direct: list[Quote]) -> list[Quote]:
    """Sentences that report speech without quotation marks: 'X said (that) ...', '..., X said.',
    'according to X, ...'. A sentence whose words are mostly a direct quote is left to it."""
    text = context.text
    found: list[Quote] = []
    direct_spans = sorted((q.start, q.end) for q in direct)
    for s_start, s_end in context.sentences:
        sentence = text[s_start:s_end]
        if len(sentence) > 1500 or not re.search(rf"\b(?:{INDIRECT_VERBS}|[Aa]ccording)\b", sentence):
            continue
        quoted = sum(max(0, min(e, s_end) - max(s, s_start)) for s, e in direct_spans if s < s_end and e > s_start)
        if quoted > 0.5 * len(sentence):
            continue
        quote = _according_to(context, s_start, sentence) or _said(context, s_start, sentence)
        if quote is not None:
            found.append(quote)
    return found


def _according_to(context: _Context, s_start: int, sentence: str) -> Optional[Quote]:
    match = ACCORDING_TO.search(sentence)
    if match is None:
        return None
    before = sentence[:match.start()].rstrip(" ,—–")
    after = sentence[match.end():].lstrip(" ,—–:")
    if len(before) >= len(after):
        c_start, c_end = s_start, s_start + len(before)
    else:
        c_start, c_end = s_start + len(sentence) - len(after), s_start + len(sentence)
    c_start, c_end = _trim_content(context.text, c_start, c_end)
    if c_end - c_start < 12:
        return None
    attribution = _resolve_source(context, s_start + match.start("sp"), s_start + match.end("sp"), "according to")
    return _indirect(context, c_start, c_end, attribution, "according_to")


def _said(context: _Context, s_start: int, sentence: str) -> Optional[Quote]:
    match = INDIRECT_SAID.search(sentence)
    if match is not None:
        attribution = _resolve_source(context, s_start + match.start("sp"), s_start + match.end("sp"), match.group("cue"))
        c_start, c_end = _trim_content(context.text, s_start + match.start("content"), s_start + match.end("content"))
        if attribution is not None and c_end - c_start >= 12:
            return _indirect(context, c_start, c_end, attribution, "indirect")
    match = SAID_AT_END.search(sentence)
    if match is not None:
        group, cue = ("sp1", "cue1") if match.group("sp1") else ("sp2", "cue2")
        content = "content" if match.group("content") else "content2"
        attribution = _resolve_source(context, s_start + match.start(group), s_start + match.end(group), match.group(cue))
        c_start, c_end = _trim_content(context.text, s_start + match.start(content), s_start + match.end(content))
        if attribution is not None and c_end - c_start >= 12 and not context.text[c_start:c_end].lstrip()[:1] in "“\"":
            return _indirect(context, c_start, c_end, attribution, "indirect")
    return None


def _resolve_source(context: _Context, begin: int, finish: int, cue: str) -> Optional[_Attribution]:
    """A speaker of reported speech: a person, pronoun or role as for direct quotes, else a
    body ("the campaign", "county officials") by its own words."""
    raw = context.text[begin:finish].strip()
    if re.fullmatch(BODY, raw) and not re.fullmatch(ROLE_PHRASE, raw):
        return _Attribution(None, re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", raw), cue, (begin, finish))
    if raw.split()[0].lower() in ("they", "it"):
        return _Attribution(None, None, cue, (begin, finish))
    return _resolve(begin, finish, cue, begin, context)


def _trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,:;—–\n":
        start += 1
    while end > start and text[end - 1] in " .,;:—–\n":
        end -= 1
    return start, end


def _indirect(context: _Context, start: int, end: int, attribution: Optional[_Attribution], kind: str) -> Optional[Quote]:
    if attribution is None:
        return None
    span = attribution.span or (None, None)
    return Quote(text=context.text[start:end], speaker=attribution.speaker, cue=attribution.cue, direct=False,
                 start=start, end=end, role=attribution.role, kind=kind, speaker_start=span[0], speaker_end=span[1])


def speaker_names(quotes: Iterable[Quote], people: People) -> set[str]:
    """Every name a quote's speaker goes by, for the places stage to exclude."""
    names = {q.speaker for q in quotes if q.speaker} | people.pseudonyms
    return names | {word for word, full in people.full_by_word.items() if full in names}

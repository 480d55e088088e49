"""Claims: sentences that assert something a reader could check, with who asserts it.

A claim is a sentence (split by :func:`sentence_spans`) worth checking. Its ``checkworthy``
score (0..1, three decimals) is the trained check-worthiness model's
(:mod:`newsaudit.claims.checkworthiness`, scored once per article for all its sentences):
ClaimBuster positive-class F1 0.872 and CLEF 2019 MAP 0.252 on held-out items, where the
hand-written feature sum it replaces scored 0.416 and 0.198. Blending the two was measured
(0.9 model + 0.1 features: F1 0.873, MAP 0.249; 0.8/0.2: 0.861, 0.254) and does not pay, so the
model's score stands alone. Without the model file every sentence scores 0 and a note says so.

A sentence is kept when it holds a quantity or a date, or when its score is at least
``KEEP_AT`` (the model's balanced cut) and it names someone or something (a named entity, a
place, a speaker or a source). The second condition guards against the model's known weakness:
it learned from political speech, and rates descriptive news prose ("The fog hung low over the
river ...") as claims more often than a reader would; the score itself is left as the model gives it.
``speaker`` comes from a quote the sentence overlaps or a person it is attributed to;
``source`` from "per X", "according to X", "X estimates: ...", "X's General Staff: ..." or
a closing "..., X said" or an opening "X said", when X is not a person the article quotes (X may be a lowercase body:
"the state forestry department", "county officials").
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Any, Optional, Sequence

from ..model import Claim, Place, Quantity, Quote, Speaker, TimeRef
from .quotes import NAME, ROLE_WORDS, People

KEEP_AT = 0.5
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "EVENT", "FAC", "LAW", "NORP", "PRODUCT"})
CAPITALISED_MID = re.compile(r"(?<=[a-z,;:] )[A-Z][\w’'\-]+")  # a name, when no language model found entities
ORG_NAME = r"(?:[Tt]he\s+)?[A-Z][\w.&\-]*(?:[’']s)?(?:\s+(?:(?:of|for|the|and|on)\s+)*[A-Z][\w.&\-]*(?:[’']s)?){0,6}"
PREPOSITIONS = "In|On|At|For|From|With|Within|Inside|Near|After|Before|By|Enter|As"
SOURCE_NOUNS = "estimates|estimate|data|figures|tally|report|reports|says|said|claims|count|probe|survey|poll|statement|assessment|analysis|update"
# "UK MoD estimates: ...", "Ukraine's General Staff: ...", "ISW: ..." at the start of a sentence.
# Labels that open a paragraph with a colon and name no one: "Disclaimer: ...", "Update: ...".
COLON_LABELS = ("Disclaimer|Disclosure|Note|Notes|Update|Updated|Correction|Clarification|Editor’s note|Editor's note|"
                "Warning|Background|Context|Summary|Related|Photo|Photos|Video|Watch|Listen|Read more|Also read|"
                "Advertisement|File|FILE|Opinion|Analysis|Comment|Question|Answer|Q|A|Tip|Tips|Bottom line|Verdict")
SOURCE_COLON = re.compile(rf"^(?!(?:{PREPOSITIONS})\b)(?!(?:{COLON_LABELS}):)(?P<source>{ORG_NAME})(?:\s+(?:{SOURCE_NOUNS}))?:\s+(?![“\"])")
# "per X", "according to X", "citing X"; X may be a role and a name or a lowercase group.
# Heads of lowercase sources: "the state forestry department", "county officials", "local police", and the
# records a reader can look up: "court records", "the state's finances website", "a Reuters tally" (not "her
# own database": a person's own records are theirs, the person is the source).
SOURCE_HEADS = (r"(?:department|office|ministry|agency|police|officials|authorities|service|council|board|company|"
                r"government|spokes(?:man|woman|person)|data|figures|estimates?|statement|report|survey|census|"
                r"bureau|commission|authority|institute|analysts|experts|sources|officers|army|military|forces|"
                r"command|staff|prosecutors?|regulators?|court|hospital|researchers|scientists|organizers|operator|"
                r"utility|firm|group|coalition|campaign|union|federation|observers|monitors|workers|residents|"
                r"witnesses|doctors|medics|rescuers|investigators|officers?|sheriff's office|sheriff’s office|"
                r"commanders|soldiers|troops|lawmakers|deputies|ministers|diplomats|leaders|engineers|"
                r"economists|insurers|website|site|records|filings?|documents|study|studies|database|register|"
                r"release|transcripts?|minutes|accounts|budget|audit|review|index|tracker|dashboard|tally|count|"
                r"poll)")
# People speaking as a group: "Ukrainian commanders", "Opposition lawmakers".
GROUP_HEADS = (r"(?:commanders|officials|authorities|police|soldiers|troops|lawmakers|deputies|ministers|"
               r"diplomats|leaders|engineers|economists|analysts|experts|researchers|scientists|prosecutors|"
               r"investigators|officers|residents|witnesses|doctors|insurers)")
LOWER_SOURCE = rf"(?!(?:her|his|their|its|our|my|your)\s)(?:the\s+|an?\s+|local\s+|state\s+)?(?:[a-z][\w’'-]*\s+|[A-Z][\w’'-]*\s+(?=[a-z])){{0,4}}{SOURCE_HEADS}"
SOURCE_PER = re.compile(
    rf"\b(?:per|according to|citing)\s+(?:(?P<role>(?:{ROLE_WORDS})s?)\s+)?(?P<source>{ORG_NAME}|{LOWER_SOURCE}|[a-z]+s)\b"
)
# A source named after the fact: "..., the county sheriff's office said." / "..., officials said Tuesday."
SOURCE_AFTER = re.compile(
    rf",\s+(?P<source>{ORG_NAME}|{LOWER_SOURCE})\s+(?:said|says|reported|reports|announced|confirmed|estimated|"
    rf"estimates|told\s+[\w ]{{2,30}}?)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    rf"today|yesterday|late|earlier)\w*)?(?:\s+in\s+a\s+(?:statement|report|briefing|post))?[.!]?[”\"’]?$"
)
# The verb before the name, after the claim: "..., says John Petrides, portfolio manager at X."
SOURCE_INVERTED = re.compile(
    rf",\s+(?:says|said|writes|wrote|adds|added|argues|argued)\s+(?:(?P<role>(?:{ROLE_WORDS}))\s+)?"
    rf"(?P<source>{ORG_NAME})(?=\s*(?:[,.;!?]|$|\s(?:in|on|at|of|who|from)\b))"
)
# A capitalised subject that asserts: "Corran Ferries said on Friday ...", "Board chair Helen Marsh said ...".
SOURCE_SUBJECT = re.compile(  # not inside an opening clause: "When X said ..., I ..." (the comma ends it)
    r"^(?!(?:When|While|After|Before|Although|Though|If|Because|Since|Until|Unless|Once|Whether|Even if|"
    r"On the day (?:that|when)|The day (?:that|when))\b)(?:[^,;:“\"]{0,60}?\s)??(?!(?:He|She|It|They|We|I|You|Both|Some|Others|Many|All|One|Each|Most|Few|"
    r"This|That|These|Those|Everyone|Nobody)\b)(?P<source>[A-Z][\w&.’'-]*(?:\s+(?:of\s+|for\s+|the\s+)?[A-Z][\w&.’'-]*){0,5}"
    rf"|The\s+{LOWER_SOURCE}|[A-Z][\w’'-]+\s+(?:[a-z][\w’'-]*\s+){{0,2}}{GROUP_HEADS})(?:,\s[^,“\"]{{3,90}},)?\s+"
    r"(?:said|says|say|told|announced|announces|reported|reports|confirmed|confirms|estimated|estimates|estimate|"
    r"dismiss(?:ed|es)?|den(?:y|ies|ied)|reject(?:s|ed)?|insist(?:s|ed)?|warn(?:s|ed)?|admit(?:s|ted)?|"
    r"claim(?:s|ed)?|acknowledg(?:e|es|ed))\b"
)
ASSERTION_VERB = re.compile(
    r"\b(?:said|says|told|confirmed|confirms|reported|reports|announced|estimates|estimated|claimed|claims|"
    r"killed|destroyed|captured|repelled|launched|struck|hit|fell|rose|shows|showed|recorded|counted|"
    r"totals?|reached|signed|imposed|approved|ordered|canceled|cancelled|spiked|dropped|lost|won)\b", re.I)
# The assertion follows the subject within a few words ("X, the analyst, said", "X has counted"),
# not anywhere after it ("X smart TVs include ... TV shows").
VERB_NEXT = re.compile(rf"(?:,[^,;“\"]{{3,90}},)?\s+(?:[a-z][\w’'-]*\s+){{0,3}}?{ASSERTION_VERB.pattern}", re.I)
LEADING_FILLER = frozenset("Enter But Yet And So Then Still Now As".split())
# A sentence opening on a (titled) name: "Analyst Marta Kovalenko counted ...".
SUBJECT = re.compile(rf"(?:(?:{'|'.join(LEADING_FILLER)}|(?i:{ROLE_WORDS}))\s+)*(?P<name>{NAME})")


def build_claims(text: str, sentences: Sequence[tuple[int, int]], quantities: Sequence[Quantity],
                 times: Sequence[TimeRef], places: Sequence[Place], quotes: Sequence[Quote],
                 people: People, doc: Any = None, scores: Optional[Sequence[float]] = None) -> list[Claim]:
    """Claims in text order, ids c1, c2, ... over the kept ones.

    ``scores`` are the sentences' check-worthiness (one per sentence, from
    :func:`sentence_scores`); None scores each sentence 0, so only sentences with a quantity or
    a date are kept."""
    entities = [e.start_char for e in doc.ents if e.label_ in ENTITY_LABELS] if doc is not None else []
    entity_starts = sorted(entities)
    by_start = [_Sorted(items) for items in (quantities, times, places)]
    quotes_by_start = sorted(quotes, key=lambda quote: quote.start)
    quote_starts = [quote.start for quote in quotes_by_start]
    claims: list[Claim] = []
    for index, (start, end) in enumerate(sentences):
        found = [facts.within(start, end) for facts in by_start]
        near = quotes_by_start[max(0, bisect.bisect_left(quote_starts, start) - 2): bisect.bisect_left(quote_starts, end)]
        score = round(float(scores[index]), 3) if scores is not None else 0.0
        claim = _claim(text, start, end, *found, near, people, score)
        has_entity = bisect.bisect_left(entity_starts, start) < bisect.bisect_left(entity_starts, end)
        named = has_entity or bool(claim.places or claim.speaker or claim.source) or (
            doc is None and bool(CAPITALISED_MID.search(claim.text)))
        if claim.quantities or claim.times or (claim.checkworthy >= KEEP_AT and named):
            claims.append(dataclasses.replace(claim, id=f"c{len(claims) + 1}"))
    return claims


def sentence_scores(text: str, sentences: Sequence[tuple[int, int]], model: Any) -> Optional[list[float]]:
    """The model's check-worthiness of every sentence, in one batch; None without a model."""
    if model is None:
        return None
    return model.score_many([text[start:end] for start, end in sentences])


class _Sorted:
    """Facts sorted by where they start, to take a sentence's share in log time."""

    def __init__(self, items: Sequence[Any]) -> None:
        self.items = sorted(items, key=lambda item: item.char_start)
        self.starts = [item.char_start for item in self.items]

    def within(self, start: int, end: int) -> tuple[Any, ...]:
        return tuple(self.items[bisect.bisect_left(self.starts, start): bisect.bisect_left(self.starts, end)])


def _claim(text: str, start: int, end: int, found_quantities, found_times, found_places, quotes,
           people: People, score: float) -> Claim:
    sentence = text[start:end]
    speaker, source = attribution(text, start, end, quotes, people)
    return Claim(id="", text=sentence, start=start, end=end, checkworthy=score, speaker=speaker, source=source,
                 quantities=found_quantities, times=found_times, places=found_places)


def attribution(text: str, start: int, end: int, quotes: Sequence[Quote],
                people: People) -> tuple[Optional[Speaker], Optional[str]]:
    """(speaker, source) of the sentence text[start:end]."""
    quoted = next((q for q in quotes if q.start < end and q.end > start and q.speaker), None)
    speaker = Speaker(quoted.speaker, quoted.role) if quoted else None
    sentence = text[start:end]
    for match in (SOURCE_COLON.match(sentence), *SOURCE_PER.finditer(sentence), SOURCE_AFTER.search(sentence),
                  SOURCE_INVERTED.search(sentence), SOURCE_SUBJECT.match(sentence)):
        if match is None:
            continue
        named = _strip_filler(match.group("source"))
        words = named.split()  # "Glaciologist Matteo Ferri": the person may follow a title ("the X" is a body)
        titled = len(words) > 2 and words[0].lower() != "the"
        person = next(filter(None, (_known_person(" ".join(words[i:]), people)
                                    for i in range(len(words) - 1 if titled else 1))), None)
        if person is None:
            return speaker, _source_name(named)
        if match.re is not SOURCE_COLON:  # "per analyst X", "..., X said": the person vouches for it
            speaker = speaker or Speaker(person, people.roles.get(person) or _group(match, "role"))
    return speaker or _subject_speaker(sentence, people), None


def _subject_speaker(sentence: str, people: People) -> Optional[Speaker]:
    """Indirect attribution: a known person opens the sentence and a verb of assertion follows."""
    opening = SUBJECT.match(sentence)
    if not opening or not VERB_NEXT.match(sentence, opening.end()):
        return None
    person = _known_person(opening.group("name"), people)
    return Speaker(person, people.roles.get(person)) if person else None


def _group(match: re.Match, name: str) -> Optional[str]:
    return match.groupdict().get(name)


def _strip_filler(name: str) -> str:
    words = name.split()
    while words and words[0] in LEADING_FILLER:
        words.pop(0)
    return " ".join(words)


def _known_person(name: str, people: People) -> Optional[str]:
    bare = re.sub(r"[’']s$", "", name.split("’s ")[0].split("'s ")[0]) if name else name
    if not bare:
        return None
    if re.fullmatch(NAME, bare) is None:
        return None
    full, _role = people.canonical(bare)
    known = set(people.full_by_word.values()) | people.pseudonyms
    return full if full in known else None


def _source_name(name: str) -> str:
    """'Verstka’s' -> 'Verstka', 'the Finance Ministry' -> 'Finance Ministry';
    "Ukraine's General Staff" stays whole."""
    return re.sub(r"^(?:[Tt]he|an?)\s+|[’']s$", "", name.strip())

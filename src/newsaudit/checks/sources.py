"""Sources and people: disputes between sources, conflicting roles, unattributed figures.

- ``source.disputed`` (info): one named party claims something ("the ministry said it had
  encircled ...") and another denies or dismisses the same thing ("commanders dismiss the
  encirclement as propaganda"). A denial counts only when a named party (a name, or "the
  ministry"-like body, right before the verb) denies a claim (a that-clause, "the report", "the
  allegations", "it") or calls it false, and the verb is not negated ("did not dismiss him" is
  not a denial; "deny him the path", "rebutting his proposals" are not either). It is info, not
  a warning: reporting both sides of a dispute is normal journalism; the finding points a
  fact-checker at the claim to settle.
- ``entity.role_conflict``: the same person under two military ranks ("Capt. Ivan Petrenko",
  later "Col. Petrenko") or two offices ("Defense Minister X", "Foreign Minister X"), unless
  the article marks one as past ("former", "then-") or speaks of a promotion.
- ``claim.unsourced``: one summary of the check-worthy claims with figures that name no one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from .. import codes
from ..model import Claim, Finding, Ref, Report
from ..reference.resources import Resources
from ..text.sentences import clause_around, content_words, sentences
from .common import evidence

# --- source.disputed ----------------------------------------------------------------------

DENIAL_VERB = re.compile(r"\b(?:den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|"
                         r"refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?|disput(?:e|es|ed|ing))\b", re.IGNORECASE)
FALSITY = re.compile(r"\b(?:as\s(?:propaganda|false|fake|fabricated|baseless|untrue|nonsense|a lie|lies|"
                     r"disinformation|fiction)|not true|(?:is|was|are|were)\sfalse|fake news|no evidence|"
                     r"untrue|fabricated|never happened)\b", re.IGNORECASE)
NOT_YET = re.compile(r"\b[Nn]o\s(?P<thing>[a-z][\w-]{3,})\s+yet\b")
CLAIM_VERB = re.compile(r"\b(?:claim(?:s|ed)?|sa(?:id|ys)|told|announc(?:ed|es)|report(?:s|ed)|crow(?:s|ed)|"
                        r"boast(?:s|ed)|hail(?:s|ed|ing)|assert(?:s|ed)|insist(?:s|ed)|stat(?:es|ed)|declar(?:es|ed)|"
                        r"tout(?:s|ed)|trumpet(?:s|ed)|accus(?:es|ed))\b", re.IGNORECASE)
DISPUTE_WORDS = ("propaganda", "false", "fake", "claim", "claims", "reports", "full", "denies", "dismiss",
                 "lies", "fabricated", "baseless", "evidence", "true", "untrue", "nonsense")
# A denial that points back instead of restating: "rejected that account", "denied it".
ANAPHOR = re.compile(r"^\s*(?:(?:that|this|the|those|these|such)\s+(?:account|claim|claims|assertion|statement|"
                     r"version|report|reports|figure|figures|allegation|allegations|accusation|accusations|description|story|charge|"
                     r"charges)|it|(?:this|that)(?=\s*(?:[,.;!?]|$)))\b", re.IGNORECASE)
LEADING_FILLERS = re.compile(r"^(?:Yet|But|However|And|Still|Meanwhile|Instead)\b,?\s*")
# What a denial verb must deny: a that-clause, a claim by its name, or a pronoun pointing back.
DENIED_OBJECT = re.compile(r"\s*(?:(?:any|all|the|these|those|this|that|such|his|her|their|its|[A-Z][\w.’'-]*(?:['’]s)?)\s+)?"
                           r"(?:(?:\w+\s+){0,2}(?:report|reports|claim|claims|allegation|allegations|accusation|"
                           r"accusations|account|accounts|charge|charges|story|stories|notion|suggestion|suggestions|"
                           r"idea|rumou?rs?|assertion|assertions|statement|statements|figures?|assessment|"
                           r"characteri[sz]ation|version|contention|premise)\b|that\b|it\b|this\b|wrongdoing\b|"
                           r"involvement\b|responsibility\b)", re.IGNORECASE)
NEGATED = re.compile(r"\b(?:not|never|n't|no longer|refused to|declined to|did not|does not|would not)\s+(?:\w+\s+)?$",
                     re.IGNORECASE)
# The party right before the verb: a run of capitalised words ("Ukraine's Defense Ministry",
# "Mayor Helen Marsh"), a body ("the ministry", "county officials"), or a pronoun that a claim
# attributes (left to the claims stage).
PARTY_AT_END = re.compile(r"(?:(?:[Tt]he\s+)?(?:[A-Z][\w.&’'-]*(?:['’]s)?\s+){0,5}[A-Z][\w.&’'-]*|"
                          r"(?:[Tt]he\s+)?(?:[a-z]+\s+){0,2}(?:ministry|government|department|office|agency|authority|"
                          r"spokes(?:man|woman|person)|officials|authorities|police|military|army|campaign|company|"
                          r"commanders|prosecutors|lawyers?|attorneys?|union|council|board|committee|court|group|"
                          r"party|critics|opponents|activists|residents|workers|doctors|experts|analysts|officers|"
                          r"soldiers|troops|rebels|militants|separatists|lawmakers|leaders|spokesmen))"
                          r"(?:,\s[^,]{3,80},)?\s*(?:(?:also|again|quickly|flatly|strongly|angrily|later|has|have|had)\s+)*"
                          r"(?:\s*(?:said|says|disagreed|replied|countered|responded|insisted|added)\W*)?$")
NOT_A_PARTY = frozenset("""then when as after before while but and yet so if update updated saturday sunday monday
tuesday wednesday thursday friday today yesterday on in at by for of the a an it this that he she they we i you
""".split())
LOOK_BACK, LOOK_AHEAD = 4, 2
# "rejected the claim" points back past the sentence before when an earlier claim names the denier:
# "X says <company> hid reports" ... "<company> rejected the claim".
ANAPHOR_LOOK_BACK = 80  # sentences: a claim naming the denier is found across the article


@dataclass(frozen=True)
class Denial:
    start: int
    end: int
    party: str
    denied: frozenset[str]
    severity: str
    cue: str  # the denying words as printed, for the message
    anaphoric: bool = False  # "rejected that account": the denied claim is the sentence before


def denials(report: Report) -> Iterator[Denial]:
    text = report.article.text
    for start, end in sentences(text):
        sentence = text[start:end]
        cue = DENIAL_VERB.search(sentence) or FALSITY.search(sentence)
        soft = NOT_YET.search(sentence)
        if not cue and not soft:
            continue
        match = cue or soft
        before = text[start: start + match.start()]
        if cue and cue.re is DENIAL_VERB and (NEGATED.search(before)
                                              or not (DENIED_OBJECT.match(text, start + match.end())
                                                      or FALSITY.search(sentence))):
            continue
        clause = clause_around(text, start + match.start(), start + match.end())
        party = _party(report, start, end, re.sub(r"[:“\"\s]+$", "", before))
        if cue and cue.re is DENIAL_VERB:
            denied = text[start + match.end(): clause[1]]
        else:
            denied = text[clause[0]: clause[1]]
        words = content_words(denied, DISPUTE_WORDS + tuple(party.split()))
        anaphoric = bool(cue and cue.re is DENIAL_VERB and ANAPHOR.match(denied))
        if party and (words or anaphoric):
            cue_text = _cue_text(text[start + match.start(): min(clause[1], start + match.end() + 60)])
            yield Denial(start, end, party, frozenset(words), "info", cue_text.strip(), anaphoric)


def _cue_text(words: str) -> str:
    """The denying words up to the first comma, cut at a word boundary."""
    words = words.split(",")[0]
    return words if len(words) < 60 else words[: words.rfind(" ", 0, 60)]


def _party(report: Report, start: int, end: int, before_cue: str) -> str:
    """Who speaks: the claim's source or speaker, else a name or a body right before the verb;
    "" when neither (a fragment, a dateline or a weekday is nobody)."""
    claim = _claim_at(report, start, end)
    attributed = claim and (claim.source or (claim.speaker.name if claim.speaker else None))
    if attributed:
        return attributed
    found = PARTY_AT_END.search(LEADING_FILLERS.sub("", before_cue.strip()))
    party = found.group().strip(" ,") if found else ""
    party = re.sub(r"\s+(?:also|again|quickly|flatly|strongly|angrily|later|has|have|had)$", "", party)
    if not party or party.split()[0].lower() in NOT_A_PARTY and len(party.split()) == 1:
        return ""
    return party[:120]


def _claim_at(report: Report, start: int, end: int) -> Optional[Claim]:
    return next((c for c in report.claims if c.start < end and start < c.end), None)


def _same_side(first: str, second: str) -> bool:
    """Parties that share a word ("Harlow officials" twice), or that the text does not name."""
    first_words, second_words = content_words(first), content_words(second)
    return not first_words or not second_words or bool(first_words & second_words)


def check_disputed(report: Report, resources: Resources) -> Iterator[Finding]:
    spans = list(sentences(report.article.text))
    for denial in denials(report):
        index = next(i for i, span in enumerate(spans) if span[0] == denial.start)
        if denial.anaphoric:  # "that account": the sentence before, or an earlier one naming the denier
            nearby = _naming(report, spans[max(0, index - ANAPHOR_LOOK_BACK): index - 1], denial.party)[-1:]
            nearby += spans[max(0, index - 1): index]  # the nearest naming sentence first
        else:
            nearby = spans[max(0, index - LOOK_BACK): index] + spans[index + 1: index + 1 + LOOK_AHEAD]
        distant = [span for span in spans if span not in nearby and span[0] != denial.start]
        found = next((c for c in (_claimed(report, *span, denial) for span in nearby) if c), None)
        if found is None and not denial.anaphoric:
            # further away, the claim must share more of what is denied: two long words, not one
            found = next((c for c in (_claimed(report, *span, denial, least=2) for span in distant) if c), None)
        if found:
            yield _dispute_finding(report, found, denial)


def _naming(report: Report, spans: list[tuple[int, int]], party: str) -> list[tuple[int, int]]:
    """The sentences among ``spans`` that name ``party``: all the words of its capitalised name
    ("A spokesman for Harrow Quarry Ltd" is named by "Harrow Quarry Ltd"), else of the party."""
    named = " ".join(re.findall(r"(?<![\w’'])[A-Z][\w’'&.-]*", party)[1 if party[:1].isupper() and
                                                                  party.split()[0] in ("A", "An", "The") else 0:])
    words = content_words(named) or content_words(party)
    if not words:
        return []
    return [span for span in spans if words <= content_words(report.article.text[span[0]:span[1]])]


def _claimed(report: Report, start: int, end: int, denial: Denial, least: int = 1) -> Optional[tuple[int, int, str]]:
    text = report.article.text
    verb = CLAIM_VERB.search(text, start, end)
    if verb is None or DENIAL_VERB.search(text, start, end) or FALSITY.search(text, start, end):
        return None
    shared = content_words(text[start:end]) & denial.denied
    if not denial.anaphoric and sum(len(word) >= 5 for word in shared) < least:
        return None
    party = _party(report, start, end, text[start: verb.start()])
    if _same_side(party, denial.party):
        return None
    return start, end, party


def _dispute_finding(report: Report, claimed: tuple[int, int, str], denial: Denial) -> Finding:
    start, end, party = claimed
    message = (f"What {_short(party)} asserts is contradicted by {_short(denial.party)} (“{denial.cue}”), "
               f"and the article reports both without settling it.")
    article = report.article
    return Finding(codes.SOURCE_DISPUTED, denial.severity, message,
                   (evidence(article, start, end), evidence(article, denial.start, denial.end)),
                   (Ref("text", f"{_short(party)} vs {_short(denial.party)}"),))


def _short(party: str) -> str:
    party = party.split(",")[0].strip()
    return party if len(party) <= 60 else party[:57].rstrip() + "..."


# --- entity.role_conflict -----------------------------------------------------------------

# Rank spellings to rank families, longest first so "Lt. Col." is not read as "Lt.".
RANKS = {
    "Brig. Gen.": "general", "Maj. Gen.": "general", "Lt. Gen.": "general", "Gen.": "general",
    "Brigadier General": "general", "Major General": "general", "Lieutenant General": "general",
    "General": "general", "Lt. Col.": "colonel", "Lieutenant Colonel": "colonel", "Col.": "colonel",
    "Colonel": "colonel", "Maj.": "major", "Major": "major", "Capt.": "captain", "Captain": "captain",
    "1st Lt.": "lieutenant", "2nd Lt.": "lieutenant", "Lt.": "lieutenant", "Lieutenant": "lieutenant",
    "Staff Sgt.": "sergeant", "Master Sgt.": "sergeant", "Sgt.": "sergeant", "Sergeant": "sergeant",
    "Cpl.": "corporal", "Corporal": "corporal", "Pvt.": "private", "Private": "private",
    "Rear Adm.": "admiral", "Vice Adm.": "admiral", "Adm.": "admiral", "Admiral": "admiral",
}
_PORTFOLIO = (r"Defen[cs]e|Foreign|Finance|Interior|Health|Economy|Economic|Justice|Energy|Education|Culture|"
              r"Agriculture|Transport|Labou?r|Trade|Environment|Digital|Home|Deputy Prime|Prime")
OFFICES = rf"(?:{_PORTFOLIO})\sMinister|Vice\sPresident|(?<!Vice\s)President|Chancellor"
_NAME_WORD = r"[A-Z][a-zà-ÿ’'\-]+"
_INITIALS = r"(?:[A-Z]\.){1,3}"  # "George W. Bush", "George H.W. Bush": two different presidents
_RANK = "|".join(re.escape(rank) for rank in sorted(RANKS, key=len, reverse=True))
TITLED_PERSON = re.compile(rf"(?<![\w.])(?P<title>{_RANK}|{OFFICES})\s"
                           rf"(?P<name>{_NAME_WORD}(?:\s(?:{_INITIALS}\s)?{_NAME_WORD}){{0,2}})\b")
PAST_TITLE = re.compile(r"\b(?:former|ex|then|retired|late|acting|interim|onetime|one-time)[\s-]*$", re.IGNORECASE)
ROLE_CHANGE = re.compile(r"\b(?:promot\w*|demot\w*|appointed|named|became|replac\w*|succeed\w*|reshuffl\w*|"
                         r"moved to|took over)\b", re.IGNORECASE)
# Abbreviated ranks are unambiguous; a spelled-out one ("General Staff") needs a two-word name.
ABBREVIATED = re.compile(r"\.$")


@dataclass(frozen=True)
class Titled:
    title: str
    family: str
    first: Optional[str]
    surname: str
    start: int
    end: int


def titled_people(text: str) -> list[Titled]:
    found = []
    for match in TITLED_PERSON.finditer(text):
        title, words = match["title"], match["name"].split()
        if title in RANKS and not ABBREVIATED.search(title) and len(words) < 2:
            continue
        if PAST_TITLE.search(text[max(0, match.start() - 12): match.start()]):
            continue
        family = RANKS.get(title) or re.sub(r"\s+", " ", title)
        given = " ".join(words[:-1]) or None  # initials included: "George W." is not "George H.W."
        found.append(Titled(title, family, given, words[-1], match.start(), match.end()))
    return found


def _conflicts(a: Titled, b: Titled) -> bool:
    if a.surname != b.surname or a.family == b.family:
        return False
    if a.first and b.first and a.first != b.first:
        return False  # two people who share a surname
    military = a.title in RANKS, b.title in RANKS
    return military[0] == military[1]  # "Gen. X" and "President X" is a career, not a conflict


def check_role_conflicts(report: Report, resources: Resources) -> Iterator[Finding]:
    text = report.article.text
    people = titled_people(text)
    reported: set[str] = set()
    for index, first in enumerate(people):
        for second in people[index + 1:]:
            if first.surname in reported or not _conflicts(first, second):
                continue
            if _namesakes(people, first.surname) or _role_changes(text, first.surname):
                continue
            reported.add(first.surname)
            yield _role_finding(report, first, second)


def _namesakes(people: list[Titled], surname: str) -> bool:
    return len({p.first for p in people if p.surname == surname and p.first}) > 1


def _role_changes(text: str, surname: str) -> bool:
    for start, end in sentences(text):
        if surname in text[start:end] and ROLE_CHANGE.search(text, start, end):
            return True
    return False


def _role_finding(report: Report, first: Titled, second: Titled) -> Finding:
    name = " ".join(part for part in (first.first or second.first, first.surname) if part)
    message = (f"{name} is called “{report.article.text[first.start:first.end]}” and later "
               f"“{report.article.text[second.start:second.end]}”, two roles one person cannot hold at once.")
    return Finding(codes.ENTITY_ROLE_CONFLICT, "medium", message,
                   (evidence(report.article, first.start, first.end), evidence(report.article, second.start, second.end)),
                   (Ref("text", f"{first.title} vs {second.title}"),))


# --- claim.unsourced ----------------------------------------------------------------------

UNSOURCED_AT = 0.6
UNSOURCED_SHOWN = 5
# Lengths of time and ages describe; counts, money and shares are what a reader checks.
FIGURE_KINDS = frozenset({"count", "money", "percent", "rate", "ratio", "length", "measure"})


def unsourced_claims(report: Report) -> list[Claim]:
    found = [c for c in report.claims
             if c.checkworthy >= UNSOURCED_AT and c.speaker is None and c.source is None
             and any(q.kind in FIGURE_KINDS for q in c.quantities)]
    return sorted(found, key=lambda c: (-c.checkworthy, c.start))


def check_unsourced(report: Report, resources: Resources) -> Iterator[Finding]:
    found = unsourced_claims(report)
    if not found:
        return
    shown = sorted(found[:UNSOURCED_SHOWN], key=lambda c: c.start)
    example = shown[0].text if len(shown[0].text) <= 90 else shown[0].text[:87].rstrip() + "..."
    if len(found) == 1:
        message = f"A check-worthy claim with figures names no source: “{example}”."
    else:
        message = f"{len(found)} check-worthy claims with figures name no source, for example “{example}”."
    yield Finding(codes.CLAIM_UNSOURCED, "low", message,
                  tuple(evidence(report.article, c.start, c.end) for c in shown),
                  tuple(Ref("claims", c.id) for c in shown))


CHECKS = [check_disputed, check_role_conflicts, check_unsourced]

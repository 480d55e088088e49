"""Every finding code newsaudit emits: its family, severities, meaning, and how it is scored.

This is the one catalogue. A check builds its finding with a constant from here
(``Finding(codes.TIME_ANACHRONISM, ...)``), the checks stage refuses a finding whose code or
severity is not listed (``check_finding``), and ``scoring.py`` reads each code's ``score``
here, so a new family cannot be emitted unlisted or silently left unscored.

``score`` is the score a finding lowers ("provenance": who published the page and how;
"consistency": what the text asserts) or None for codes that do not depend on the article
alone (corpus findings). ``cap`` bounds what all findings of one code may cost together.

    >>> CATALOGUE[TIME_ANACHRONISM].severities
    ('high', 'medium')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional

from .errors import UnknownCode

Score = Optional[Literal["provenance", "consistency"]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Code:
    code: str
    severities: tuple[str, ...]
    meaning: str
    score: Score
    cap: Optional[int] = None

    @property
    def family(self) -> str:
        return self.code.split(".", 1)[0]


CATALOGUE: dict[str, Code] = {}


def _code(code: str, severities: tuple[str, ...], score: Score, meaning: str, cap: Optional[int] = None) -> str:
    CATALOGUE[code] = Code(code=code, severities=severities, meaning=meaning, score=score, cap=cap)
    return code


OUTLET_IMPERSONATION = _code(
    "outlet.impersonation", ("high", "medium"), "provenance",
    "the outlet name or domain imitates a real outlet in the outlet table")
SITE_UNRELIABLE_LIST = _code(
    "site.unreliable_list", ("medium", "low"), "provenance",
    "the site is on a public list of unreliable or fake news sites and on no list of real outlets "
    "(low when the lists only call it satire)")
SITE_DISPUTED_LISTS = _code(
    "site.disputed_lists", ("low",), "provenance",
    "lists disagree: the site is on a list of unreliable or fake sites and on a list of real outlets "
    "(the outlet table included); it is not reported as fake")
SITE_STATE_AFFILIATED = _code(
    "site.state_affiliated", ("low", "info"), "provenance",
    "a state-media list names the site (info when the list rates it editorially independent public media)")
PAGE_BOILERPLATE = _code(
    "page.boilerplate", ("medium", "low"), "provenance",
    "theme or scraper leftovers stand in the text (a feed-copying plugin's footer is medium)")
BYLINE_MISSING = _code(
    "byline.missing", ("low",), "provenance", "the article names no author")
DATE_MISSING = _code(
    "date.missing", ("low",), "provenance",
    "no publication date in metadata or dateline (the finding carries the inferred date)")
VOICE_FIRST_PERSON_ANONYMOUS = _code(
    "voice.first_person_anonymous", ("low",), "provenance",
    "first-person reporting outside quotes with no byline to say who the reporter is")
MEDIA_WIRE_FILENAME = _code(
    "media.wire_filename", ("medium", "low"), "provenance",
    "an agency file name or picture ID stands as caption or alt text")
MEDIA_STALE = _code(
    "media.stale", ("medium", "low"), "provenance",
    "a picture is dated well before the article and nothing says it is an archive picture")
TIME_ANACHRONISM = _code(
    "time.anachronism", ("high", "medium"), "consistency",
    "an ordinal, age or 'N years since' cannot be true on the publication date")
TIME_INTERVAL_MISMATCH = _code(
    "time.interval_mismatch", ("medium",), "consistency", "two statements about the same span disagree")
TIME_STALE_FUTURE = _code(
    "time.stale_future", ("medium",), "consistency", "a date before publication is written as still to come")
NUMBER_INCONSISTENT = _code(
    "number.inconsistent", ("low", "medium"), "consistency",
    "the same quantity of the same subject is given values that cannot both be right")
SOURCE_DISPUTED = _code(
    "source.disputed", ("info",), "consistency",
    "one source denies or dismisses what another asserts, and the article does not settle it")
ENTITY_ROLE_CONFLICT = _code(
    "entity.role_conflict", ("medium",), "consistency", "one person is given incompatible ranks or offices")
CLAIM_UNSOURCED = _code(
    "claim.unsourced", ("low",), "consistency",
    "check-worthy claims with figures and no attribution (one summary finding)", cap=10)
CLAIM_SERIES_MATCH = _code(
    "claim.series_match", ("info",), None,
    "a figure agrees with the reference series it cites or describes (the series row is the evidence)")
CLAIM_SERIES_MISMATCH = _code(
    "claim.series_mismatch", ("medium",), None,
    "a figure attributed to a series' publisher disagrees with that series beyond rounding and hedges")
CLAIM_SERIES_OTHER_SOURCE = _code(
    "claim.series_other_source", ("info",), None,
    "a figure from another source set beside a reference series of the same quantity")
CLAIM_CORROBORATED = _code(
    "claim.corroborated", ("info",), None,
    "other articles on the same story state the same figure, quote or date (they are the evidence)")
CLAIM_CONTRADICTED_ELSEWHERE = _code(
    "claim.contradicted_elsewhere", ("medium",), None,
    "another article on the same story gives a different figure, speaker or date for the same fact")


def describe(code: str) -> Code:
    """The catalogue entry of ``code``, or ``UnknownCode``."""
    entry = CATALOGUE.get(code)
    if entry is None:
        raise UnknownCode(f"finding code {code!r} is not in newsaudit.codes; add it there before emitting it")
    return entry


def check_finding(code: str, severity: str) -> None:
    """Refuse a finding whose code is not catalogued or whose severity the code does not allow."""
    entry = describe(code)
    if severity not in entry.severities:
        raise UnknownCode(f"finding code {code!r} is listed with the severities {entry.severities}, "
                          f"not {severity!r}")

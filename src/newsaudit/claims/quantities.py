"""Quantities as a reader means them: value, range, unit, scale, rate and approximation.

One scanner (:data:`NUMERAL`) finds numerals: digits with separators and decimals, scale
words and abbreviations ("1.14 million", "€140bn", "$3m"), number words ("six", "a
dozen", "twenty-one"), vague plurals ("hundreds", "tens of thousands") and ranges ("15-20",
"$16-18bn", "30 to 40", "between 10 and 20"). What follows each numeral says what it counts
(:func:`_tail`): a percent sign, a unit ("30 kilometers", "20km"), a duration ("21 months"),
a currency word, or the counted noun, past one modifier ("200 Russian soldiers"); a period
after it makes it a rate ("30,000/month", "1,008 daily", "700 attacks a day").

How values are filled, so that checks can compare them:

- a single number has ``value`` and no ``low``/``high``;
- a range ("15-20 kilometers") has ``low``/``high`` and ``value`` None;
- a vague plural ("hundreds of volunteers") has the bounds it can mean (200..999), value
  None and ``approx`` True;
- a ratio ("8-to-1", "3:1") has ``value`` = left / right and unit "ratio".

Numbers that are not quantities are skipped: years, parts of dates, ordinals ("1,000th"),
designations that mix digits and letters ("2S1", "Buk-M3", "F-16", "COVID-19", "WW1"),
clock times, phone numbers, scores ("2-1"), decades ("1990s") and version numbers.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Iterator, Optional

from ..model import Quantity
from ..text.dates import DAY_MONTH, ISO_DATE, MONTH_DAY

__all__ = ["SpanSet", "find_quantities", "parse_number", "word_number", "WORD_NUMBER", "WORD_NUMBERS"]

SMALL_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
WORD_NUMBERS = {**SMALL_NUMBERS, **TENS, "dozen": 12, "a dozen": 12, "hundred": 100, "a hundred": 100,
                "a thousand": 1000, "half a": 0.5}
# What a vague plural can mean: the smallest and largest value a reader would accept.
VAGUE_BOUNDS = {
    "dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 9999), "tens of thousands": (20000, 99999),
    "hundreds of thousands": (200000, 999999), "millions": (2e6, 9.99e6), "tens of millions": (2e7, 9.99e7),
    "hundreds of millions": (2e8, 9.99e8), "billions": (2e9, 9.99e9),
}
SCALES = {"thousand": 1e3, "k": 1e3, "lakh": 1e5, "crore": 1e7,  # South Asian scales
          "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
          "trillion": 1e12, "tn": 1e12}
CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH", "₽": "RUB",
                  "₹": "INR",
                  "a$": "AUD", "c$": "CAD", "hk$": "HKD", "usd": "USD", "eur": "EUR", "gbp": "GBP", "uah": "UAH",
                  "rub": "RUB", "chf": "CHF", "jpy": "JPY", "cny": "CNY"}
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "rubles": "RUB",
                  "roubles": "RUB", "hryvnias": "UAH", "hryvnia": "UAH", "yen": "JPY", "yuan": "CNY",
                  "rupees": "INR", "francs": "CHF"}
UNITS = {  # word -> (unit, kind)
    "km": ("km", "length"), "kilometers": ("km", "length"), "kilometres": ("km", "length"),
    "kilometer": ("km", "length"), "kilometre": ("km", "length"), "miles": ("mi", "length"), "mile": ("mi", "length"),
    "mi": ("mi", "length"), "m": ("m", "length"), "meters": ("m", "length"), "metres": ("m", "length"),
    "meter": ("m", "length"), "metre": ("m", "length"), "cm": ("cm", "length"), "mm": ("mm", "length"),
    "feet": ("ft", "length"), "ft": ("ft", "length"), "foot": ("ft", "length"), "yards": ("yd", "length"),
    "kg": ("kg", "weight"), "kilograms": ("kg", "weight"), "kilos": ("kg", "weight"), "grams": ("g", "weight"),
    "t": ("t", "weight"), "tonnes": ("t", "weight"), "tons": ("t", "weight"), "tonne": ("t", "weight"),
    "lb": ("lb", "weight"), "lbs": ("lb", "weight"), "litres": ("l", "volume"), "liters": ("l", "volume"),
    "barrels": ("bbl", "volume"), "hectares": ("ha", "area"), "ha": ("ha", "area"), "acres": ("acre", "area"),
    "km2": ("km2", "area"), "km²": ("km2", "area"), "square kilometers": ("km2", "area"),
    "square kilometres": ("km2", "area"), "square miles": ("mi2", "area"), "square meters": ("m2", "area"),
    "square metres": ("m2", "area"), "km/h": ("km/h", "speed"), "mph": ("mph", "speed"),
    "degrees": ("deg", "temperature"), "°c": ("°C", "temperature"), "°f": ("°F", "temperature"),
    "mw": ("MW", "power"), "gw": ("GW", "power"), "megawatts": ("MW", "power"),
}
DURATION_UNITS = {"years": "year", "year": "year", "months": "month", "month": "month", "weeks": "week",
                  "week": "week", "days": "day", "day": "day", "hours": "hour", "hour": "hour", "nights": "night",
                  "minutes": "minute", "minute": "minute", "seconds": "second", "decades": "decade",
                  "decade": "decade", "centuries": "century", "century": "century"}
PERIODS = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year",
           "nightly": "night", "hourly": "hour"}
# Counted nouns that are not plain plurals ("14 dead", "60,000 people").
COUNT_NOUNS = frozenset("people dead wounded injured killed missing staff personnel police cattle children civilians "
                        "troops crew residents women men sheep aircraft fish deer livestock".split())
# Words a numeral may be followed by that neither count nor modify the counted noun.
NOT_COUNTED = frozenset("of and or to in on at the a an as by for from with than that this these those is was were "
                        "are be been has have had will would could can may per times ago old total alone each later "
                        "earlier since until after before during while who which what when where overnight so "
                        "always perhaps towards afterwards whereas besides unless nevertheless does goes its his "
                        "her their our your news series species".split())

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SMALL = "|".join(sorted(SMALL_NUMBERS, key=len, reverse=True))
_TENS = "|".join(TENS)
# A number written in words, as one alternative a larger pattern can embed (times.py does).
WORD_NUMBER = (rf"(?:(?:{_TENS})(?:-(?:{_SMALL}))?|{_SMALL}|an?\s(?:dozen|hundred|thousand)|dozen|hundred"
               rf"|half\sa(?=\s(?:million|billion)))")
_VAGUE = "|".join(sorted((w.replace(" ", r"\s") for w in VAGUE_BOUNDS), key=len, reverse=True))
_CURRENCY = r"(?:US|A|C|HK)\$|[$€£¥₴₽₹]|\b(?:USD|EUR|GBP|UAH|RUB|CHF|JPY|CNY)\s?"
# "m" and "b" are scales only after a currency sign ("$3m"); alone, "5m" is five metres.
_SCALE = r"\s?(?:thousand|lakh|crore|million|billion|trillion)\b|\s?(?:bn|mn|tn)\b|k\b|(?(cur)[mb]\b|(?!))"
NUMERAL = re.compile(
    rf"(?<![\w.,/:\-])(?P<between>between\s)?(?P<sign>\+)?(?P<cur>{_CURRENCY})?"
    rf"(?:(?P<lo>{_DIGITS})|\b(?P<lo_word>{WORD_NUMBER})\b)(?P<loscale>{_SCALE})?"
    rf"(?:(?P<sep>-to-|\s?[–—-]\s?|\sto\s|(?(between)\sand\s|(?!)))(?P<cur2>{_CURRENCY})?"
    rf"(?:(?P<hi>{_DIGITS})|(?P<hi_word>{WORD_NUMBER})\b)(?P<hiscale>{_SCALE})?(?![\w.]\d))?"
    rf"|\b(?P<vague>{_VAGUE})\b",
    re.IGNORECASE,
)
# "3:1": one digit after the colon, so never a clock time ("10:30").
RATIO_COLON = re.compile(r"(?<![\d:])(?P<lo>\d{1,3}):(?P<hi>\d)(?![\d:])(?P<lo_word>)?(?P<hi_word>)?")
# "1 in 5", "one in ten": only from one, since "5 in 10 attacks" is a count and a count.
RATIO_IN = re.compile(rf"(?<![\w.,])(?:(?P<lo>1)|(?P<lo_word>[Oo]ne))\sin\s"
                      rf"(?:(?P<hi>\d{{1,3}})|(?P<hi_word>{WORD_NUMBER}))"
                      rf"\b(?!\s?(?:%|percent)|[,.]\d)")
# Spans whose digits are something other than a quantity.
CLOCK_TIME = re.compile(r"\b\d{1,2}(?::\d{2}){1,2}\b|\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")
NOT_A_QUANTITY = (MONTH_DAY, DAY_MONTH, ISO_DATE, CLOCK_TIME, PHONE)
# What right after a numeral makes it part of something else.
ORDINAL_OR_CODE = re.compile(r"(?:st|nd|rd|th|s)\b|['’]s\b|[A-Za-z]|\.\d|[/:]\d|-[A-Z\d]")

PERCENT = re.compile(r"\s?(?:%|percent\b|per\s?cent\b)", re.IGNORECASE)
HYPHEN_UNIT = re.compile(r"-(?P<unit>[a-z]+)(?P<old>-old)?\b", re.IGNORECASE)
ATTACHED_UNIT = re.compile(r"(?P<unit>km/h|km²|km2|km|mi|mm|cm|m|kg|t|ha|ft|lbs?|mph|°[CF]|MW|GW)(?![\w²])")
PER_SLASH = re.compile(r"/(?P<per>day|week|month|year|hour|night)\b", re.IGNORECASE)
RATE_AFTER = re.compile(r"\s(?:(?:a|an|per|each|every)\s(?P<per>day|week|month|year|hour|night)|"
                        r"(?P<adverb>daily|weekly|monthly|yearly|annually|nightly|hourly))\b"
                        r"(?!\s(?:earlier|later|ago|before|after|on)\b)", re.IGNORECASE)
NEXT_WORD = re.compile(r"\s[“\"‘']?(?P<word>[A-Za-z][A-Za-z’'-]*(?:/h|²)?)")
DIMENSION = re.compile(r"-|\s(?:high|tall|long|wide|deep|thick|away|across|above|below|under|underground|of\swater)\b")
OF = re.compile(r"\sof\b")
AGE_OLD = re.compile(r"\s(?:old|of\sage)\b")
# Words right before a number that make it approximate ("around 200", "more than 12").
APPROX_BEFORE = frozenset({
    "around", "about", "roughly", "nearly", "almost", "approximately", "approx.", "some", "over", "under",
    "estimated", "possibly", "perhaps", "circa", "c.", "~", "more than", "at least", "up to", "less than",
    "fewer than", "close to", "upwards of", "as many as",
})
# "+" and "-odd" belong to the number's text; the rest stand after it.
APPROX_ATTACHED = re.compile(r"\+(?!\d)|-odd\b")
APPROX_AFTER = re.compile(r"(?:\s?[—–-]\s?|,\s|\s)(?:possibly|perhaps|maybe|or|and|if\snot)\s(?:more|higher|so)\b|"
                          r"\s(?:or\sso|plus)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Numeral:
    """The number part of a match, before anything that follows it is read."""

    start: int
    end: int
    low: float
    high: Optional[float]
    currency: Optional[str]
    ratio: bool
    worded: bool  # written in words: needs a unit to count as a quantity
    year_like: bool


@dataclass(frozen=True)
class _Tail:
    end: int
    unit: Optional[str]
    kind: str
    per: Optional[str] = None
    scale: float = 1.0
    approx: bool = False


def parse_number(text: str) -> float:
    """A numeral with separators ("1,147,740") or decimals ("1.14") as a float."""
    return float(text.replace(",", ""))


def word_number(text: str) -> Optional[float]:
    """A number written in words ("six", "twenty-one", "a dozen"), or None."""
    words = " ".join(text.lower().split())
    if words in WORD_NUMBERS:
        return float(WORD_NUMBERS[words])
    parts = words.split("-")
    if len(parts) == 2 and parts[0] in TENS and parts[1] in SMALL_NUMBERS and SMALL_NUMBERS[parts[1]] < 10:
        return float(TENS[parts[0]] + SMALL_NUMBERS[parts[1]])
    return None


def find_quantities(text: str, start: int = 0, end: Optional[int] = None) -> list[Quantity]:
    """Every quantity in ``text[start:end]``, in order; offsets index into ``text``."""
    end = len(text) if end is None else end
    excluded = SpanSet()
    for pattern in NOT_A_QUANTITY:
        for match in pattern.finditer(text, start, end):
            excluded.add(match.start(), match.end())
    found = [q for q in _scan(text, start, end) if not excluded.overlaps(q.char_start, q.char_start + 1)]
    return sorted(found, key=lambda q: q.char_start)


class SpanSet:
    """Character spans already claimed, merged and sorted, so a lookup costs a bisection."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self._starts, end - 1)  # spans starting before ``end``
        return index > 0 and self._ends[index - 1] > start

    def add(self, start: int, end: int) -> None:
        low = bisect.bisect_left(self._ends, start)  # the first span not wholly before
        high = bisect.bisect_right(self._starts, end)  # past the last span not wholly after
        if low < high:
            start, end = min(start, self._starts[low]), max(end, self._ends[high - 1])
        self._starts[low:high], self._ends[low:high] = [start], [end]


def _scan(text: str, start: int, end: int) -> Iterator[Quantity]:
    ratios = SpanSet()
    for ratio in _ratios(text, start, end):
        ratios.add(ratio.char_start, ratio.char_end)
        yield ratio
    for match in NUMERAL.finditer(text, start, end):
        if ratios.overlaps(match.start(), match.end()):
            continue
        if match["vague"]:
            yield from _vague(text, match, end)
            continue
        numeral = _numeral(text, match)
        if numeral is not None:
            quantity = _quantity(text, numeral, end)
            if quantity is not None:
                yield quantity


def _ratios(text: str, start: int, end: int) -> Iterator[Quantity]:
    """ "3:1" and "1 in 5", as left / right."""
    for pattern in (RATIO_COLON, RATIO_IN):
        for match in pattern.finditer(text, start, end):
            right = _value(match["hi"], match["hi_word"])
            if right:
                left = _value(match["lo"], match["lo_word"])
                yield _make(text, match.start(), match.end(), left / right, None, "ratio", "ratio", None, False)


def _numeral(text: str, match: re.Match[str]) -> Optional[_Numeral]:
    """The number a match stands for, or None when it is a code, ordinal, score or year range."""
    low = _value(match["lo"], match["lo_word"])
    stop = match.end("loscale") if match["loscale"] else match.end("lo_word") if match["lo_word"] else match.end("lo")
    high, ratio = None, False
    if match["sep"] is not None:
        sep = match["sep"].strip().lower()
        if sep == "-to-":
            ratio, stop = True, match.end()
        else:
            high, stop = _value(match["hi"], match["hi_word"]) * _scale(match["hiscale"]), match.end()
            low *= _scale(match["loscale"] or match["hiscale"])
    if high is None:
        low *= _scale(match["loscale"])
    if ratio:
        right = _value(match["hi"], match["hi_word"])
        low = low / right if right else low
    if _is_code(text, match.start("lo") if match["lo"] else match.start("lo_word"), stop, match):
        return None
    year_like = bool(match["lo"] and re.fullmatch(r"1[89]\d\d|20\d\d|2100", match["lo"]) and not match["loscale"])
    if high is not None and (high <= low or year_like):
        return None  # a score ("2-1") or a span of years ("2022-2024", "2024-25")
    start = match.start("sign") if match["sign"] else match.start("cur") if match["cur"] else match.start()
    if match["between"] and high is None:
        start = match.start("sign") if match["sign"] else match.start("cur") if match["cur"] else match.start("lo")
    currency = CURRENCY_SIGNS.get((match["cur"] or match["cur2"] or "").strip().lower())
    return _Numeral(start, stop, low, high, currency, ratio, bool(match["lo_word"]), year_like)


def _value(digits: Optional[str], words: Optional[str]) -> float:
    return parse_number(digits) if digits else (word_number(words or "") or 0.0)


def _scale(scale: Optional[str]) -> float:
    return SCALES[scale.strip().lower()] if scale else 1.0


def _is_code(text: str, start: int, stop: int, match: re.Match[str]) -> bool:
    """Digits that belong to a designation, ordinal, decade or version rather than a count."""
    if match["lo_word"]:
        return False
    if match["cur"] is None and re.search(r"[A-Za-z]-?$", text[max(0, start - 2): start]):
        return True
    after = text[stop: stop + 3]
    if ATTACHED_UNIT.match(after) or PERCENT.match(after) or HYPHEN_UNIT.match(after) or PER_SLASH.match(text, stop):
        return False
    return bool(ORDINAL_OR_CODE.match(after))


def _quantity(text: str, numeral: _Numeral, limit: int) -> Optional[Quantity]:
    plus = APPROX_ATTACHED.match(text, numeral.end, limit)  # "100+ drones"
    if numeral.currency:
        tail = _Tail(numeral.end, numeral.currency, "money")
    elif plus:
        tail = replace(_tail(text, plus.end(), limit, numeral), approx=True)
        tail = tail if tail.end > plus.end() else replace(tail, end=plus.end())
    else:
        tail = _tail(text, numeral.end, limit, numeral)
    if numeral.ratio:
        tail = _Tail(numeral.end, "ratio", "ratio")
    if numeral.year_like and tail.kind not in ("percent", "length", "weight", "area", "volume", "money"):
        return None
    if numeral.worded and tail.unit is None and tail.kind != "rate":
        return None  # "one of them", "two said": words that count nothing a reader checks
    if numeral.worded and numeral.low == 1 and tail.kind == "count":
        return None  # "one wrong glance"
    tail = _with_rate(text, tail, limit)
    stop, approx = tail.end, _approx_before(text, numeral.start) or tail.approx
    attached = APPROX_ATTACHED.match(text, stop, limit)
    if attached:
        stop, approx = attached.end(), True
    approx = approx or bool(APPROX_AFTER.match(text, stop, limit))
    low, high = numeral.low * tail.scale, numeral.high * tail.scale if numeral.high is not None else None
    return _make(text, numeral.start, stop, low, high, tail.unit, tail.kind, tail.per, approx)


def _approx_before(text: str, position: int) -> bool:
    before = text[max(0, position - 24): position]
    if before.endswith("~"):
        return True
    words = before.lower().split()[-3:]
    return any(" ".join(words[-size:]) in APPROX_BEFORE for size in (1, 2, 3) if len(words) >= size)


def _make(text: str, start: int, stop: int, low: float, high: Optional[float], unit: Optional[str], kind: str,
          per: Optional[str], approx: bool) -> Quantity:
    if high is None:
        return Quantity(text[start:stop], low, None, None, unit, approx, start, stop, kind, per)
    return Quantity(text[start:stop], None, low, high, unit, approx, start, stop, kind, per)


def _tail(text: str, position: int, limit: int, numeral: _Numeral) -> _Tail:
    """What the numeral counts or measures, read from the text right after it."""
    percent = PERCENT.match(text, position, limit)
    if percent:
        return _Tail(percent.end(), "%", "percent")
    hyphen = HYPHEN_UNIT.match(text, position, limit)
    if hyphen and hyphen["unit"].lower() in {**UNITS, **DURATION_UNITS}:
        return _hyphen_unit(hyphen)
    attached = ATTACHED_UNIT.match(text, position, limit)
    if attached:
        unit, kind = UNITS[attached["unit"].lower()]
        noun = NEXT_WORD.match(text, attached.end(), limit)
        if unit == "m" and not _metres(text, numeral.start, attached.end(), limit):
            if noun and _is_counted(noun["word"]):  # "5m people" is five million
                return _Tail(noun.end(), noun["word"].lower(), "count", scale=1e6)
            return _Tail(attached.end(), None, "count", scale=1e6)  # "up from 2.9m"
        return _Tail(attached.end(), unit, kind)
    slash = PER_SLASH.match(text, position, limit)
    if slash:
        return _Tail(slash.end(), None, "rate", slash["per"].lower())
    return _word_unit(text, position, limit, numeral)


def _metres(text: str, start: int, stop: int, limit: int) -> bool:
    """ "5m" is five metres before a dimension ("5m high", "a 10m-wide") or as a modifier ("a 10m wall")."""
    return bool(DIMENSION.match(text, stop, limit)) or text[max(0, start - 2): start].lower() == "a "


def _hyphen_unit(hyphen: re.Match[str]) -> _Tail:
    word = hyphen["unit"].lower()
    if word in DURATION_UNITS:
        return _Tail(hyphen.end(), DURATION_UNITS[word], "age" if hyphen["old"] else "duration")
    unit, kind = UNITS[word]
    return _Tail(hyphen.end(), unit, kind)


def _word_unit(text: str, position: int, limit: int, numeral: _Numeral) -> _Tail:
    """A unit, currency, duration or counted noun in the next words (one modifier may come first)."""
    first = NEXT_WORD.match(text, position, limit)
    if not first:
        return _Tail(position, None, "count")
    second = NEXT_WORD.match(text, first.end(), limit)
    if second:
        pair = f"{first['word']} {second['word']}".lower()
        if pair in UNITS:
            return _Tail(second.end(), *UNITS[pair])
    direct = _unit_word(text, first, limit, numeral)
    if direct is not None:
        return direct
    word = first["word"].lower()
    if second and word not in NOT_COUNTED and not word.endswith("ly"):
        behind = _unit_word(text, second, limit, numeral)  # "21 grueling months", "200 Russian soldiers"
        if behind is not None:
            return behind
    return _Tail(position, None, "count")


def _unit_word(text: str, found: re.Match[str], limit: int, numeral: _Numeral) -> Optional[_Tail]:
    word = found["word"].lower().strip("’'")
    if word in DURATION_UNITS:
        old = AGE_OLD.match(text, found.end(), limit)
        return _Tail(old.end(), DURATION_UNITS[word], "age") if old else _Tail(found.end(), DURATION_UNITS[word],
                                                                                "duration")
    if word in CURRENCY_WORDS:
        return _Tail(found.end(), CURRENCY_WORDS[word], "money")
    if word in UNITS and not word.endswith("m"):  # spelled units; "m"/"km" only attach
        return _Tail(found.end(), *UNITS[word])
    if word in ("km", "m", "mm", "cm", "kg", "ha", "ft", "mi", "mph", "km/h", "km2", "km²", "mw", "gw"):
        return _Tail(found.end(), *UNITS[word])
    if _is_counted(found["word"]):
        return _Tail(found.end(), word, "count")
    return None


def _is_counted(word: str) -> bool:
    """A plural noun (or a count word such as "dead") that a number right before it counts."""
    word = word.lower().strip("’'")
    if word in COUNT_NOUNS:
        return True
    if word in NOT_COUNTED or not word.isalpha():
        return False
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))


def _with_rate(text: str, tail: _Tail, limit: int) -> _Tail:
    if tail.kind in ("rate", "duration", "age", "ratio"):
        return tail
    rate = RATE_AFTER.match(text, tail.end, limit)
    if not rate:
        return tail
    per = rate["per"].lower() if rate["per"] else PERIODS[rate["adverb"].lower()]
    return _Tail(rate.end(), tail.unit, "rate", per, tail.scale)


def _vague(text: str, match: re.Match[str], limit: int) -> Iterator[Quantity]:
    """ "hundreds of volunteers", "tens of thousands of people", "millions of dollars"."""
    low, high = VAGUE_BOUNDS[" ".join(match["vague"].lower().split())]
    of = OF.match(text, match.end(), limit)
    if not of:
        return
    noun = NEXT_WORD.match(text, of.end(), limit)
    unit_noun = noun and NEXT_WORD.match(text, noun.end(), limit)
    for candidate in (noun, unit_noun):
        if candidate is None:
            break
        word = candidate["word"].lower()
        if word in CURRENCY_WORDS:
            yield _make(text, match.start(), candidate.end(), low, high, CURRENCY_WORDS[word], "money", None, True)
            return
        if _is_counted(word):
            yield _make(text, match.start(), candidate.end(), low, high, word, "count", None, True)
            return

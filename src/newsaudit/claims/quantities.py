"""Quantities as a reader means them: value, range, unit, scale, rate and approximation.

One scanner over the text finds numerals (digits with separators and decimals, scale words
such as "million" or "bn", and number words such as "two" or "a dozen"), then reads what
surrounds each: a currency sign before it, a range ("15-20", "16-18bn", "30 to 40"), a ratio
("8-to-1"), a percent sign, a unit or counted noun after it, a period that makes it a rate
("30,000/month", "1,008 daily"), and words that make it approximate ("around", "over",
"possibly more").

What is a number but not a quantity is skipped: years, parts of dates, ordinals ("1,000th"),
designations mixing digits and letters ("2S1", "Buk-M3", "114th Brigade", "F-16"), clock
times and phone numbers.
"""

from __future__ import annotations

import re
from typing import Optional

from ..model import Quantity
from ..structure.dates import MONTH_DAY, DAY_MONTH

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12, "a thousand": 1000, "half a million": 500000,
}
VAGUE_NUMBERS = {"dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2000000, "tens of thousands": 20000}
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
          "trillion": 1e12, "tn": 1e12}
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH", "₽": "RUB"}
CURRENCY_WORDS = {"dollars": "USD", "euros": "EUR", "pounds": "GBP", "rubles": "RUB", "roubles": "RUB",
                  "hryvnias": "UAH", "yen": "JPY"}
UNITS = {
    "km": "km", "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km",
    "miles": "mi", "mile": "mi", "meters": "m", "metres": "m", "meter": "m", "metre": "m",
    "kg": "kg", "kilograms": "kg", "tonnes": "t", "tons": "t", "tonne": "t", "litres": "l", "liters": "l",
    "hectares": "ha", "acres": "acre", "square metre": "m2", "square meters": "m2", "degrees": "deg",
}
DURATION_UNITS = {"years": "year", "year": "year", "months": "month", "month": "month", "weeks": "week",
                  "week": "week", "days": "day", "day": "day", "hours": "hour", "hour": "hour",
                  "minutes": "minute", "minute": "minute", "decades": "decade", "decade": "decade"}
PERIODS = {"day": "day", "daily": "day", "a day": "day", "per day": "day", "each day": "day",
           "week": "week", "weekly": "week", "a week": "week", "per week": "week",
           "month": "month", "monthly": "month", "a month": "month", "per month": "month",
           "year": "year", "yearly": "year", "annually": "year", "a year": "year", "per year": "year",
           "hour": "hour", "an hour": "hour", "per hour": "hour"}
APPROX_BEFORE = re.compile(r"(?:around|about|roughly|nearly|almost|approximately|some|over|more than|at least|"
                           r"up to|under|less than|fewer than|close to|an estimated|estimated|possibly|"
                           r"as many as|upwards of|just over|just under|~)\s*$", re.IGNORECASE)
APPROX_AFTER = re.compile(r"^(?:\s*(?:—|-|–|,)?\s*(?:possibly|or|and)\s+more\b|\+(?!\d)|\s+or so\b|\s+plus\b)", re.IGNORECASE)

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = "|".join(sorted((re.escape(w) for w in [*WORD_NUMBERS, *VAGUE_NUMBERS]), key=len, reverse=True))
_SCALE = r"(?:\s?(?:thousand|million|billion|trillion)\b|(?:bn|mn|tn|k|m|b)\b)"
NUMERAL = re.compile(
    rf"(?P<cur>US\$|[$€£¥₴₽])?(?P<lo>{_NUM})(?P<loscale>{_SCALE})?"
    rf"(?:\s?(?P<sep>-to-|–|-|\bto\b)\s?(?P<cur2>[$€£¥])?(?P<hi>{_NUM})(?P<hiscale>{_SCALE})?)?"
    rf"|\b(?P<word>{_WORDS})\b",
    re.IGNORECASE,
)
# What makes a numeral part of something else: a designation, ordinal, clock time or decimal id.
DESIGNATION = re.compile(r"[A-Za-z]-?$")
AGE = re.compile(r"^[- ]years?[- ]old\b")
AFTER_DESIGNATION = re.compile(r"^(?:st|nd|rd|th)\b|^-?[A-Za-z](?![a-z]{2})|^:\d|^\s?(?:a\.m\.|p\.m\.|am\b|pm\b)")
UNIT_AFTER = re.compile(r"^\s?(?P<pct>%|\s?percent\b|\s?per cent\b)|^/(?P<per>day|week|month|year|hour)\b|"
                        r"^\s(?P<word>[A-Za-z][a-z-]*(?:\s[a-z][a-z-]*)?)")
NOT_COUNTED = frozenset("of and or to in on at the a an as by for from with than that this is was were are be "
                        "times per more less later earlier ago years old total overnight alone each".split())
# Counted nouns that are not plain plurals ("14 dead", "60,000 people").
COUNT_NOUNS = frozenset("people dead wounded injured killed missing staff personnel police cattle children "
                        "civilians troops military crew residents women men".split())


def parse_number(text: str) -> float:
    """A numeral with separators ("1,147,740") or decimals ("1.14") as a float."""
    return float(text.replace(",", ""))


def _scaled(number: str, scale: Optional[str]) -> float:
    value = parse_number(number)
    if scale:
        value *= SCALES[scale.strip().lower()]
    return value


def find_quantities(text: str, start: int = 0, end: Optional[int] = None) -> list[Quantity]:
    end = len(text) if end is None else end
    found: list[Quantity] = []
    date_spans = _date_spans(text, start, end)
    for match in NUMERAL.finditer(text, start, end):
        if any(a <= match.start() < b for a, b in date_spans):
            continue
        quantity = _read(text, match)
        if quantity is not None:
            found.append(quantity)
    return found


def _date_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for pattern in (MONTH_DAY, DAY_MONTH) for m in pattern.finditer(text, start, end)]


def _read(text: str, match: re.Match[str]) -> Optional[Quantity]:
    before, after = text[max(0, match.start() - 40): match.start()], text[match.end(): match.end() + 40]
    if match["word"]:
        return _read_word(text, match, before, after)
    if DESIGNATION.search(before[-2:]) and not match["cur"] or AFTER_DESIGNATION.match(after) or before.endswith(":") and before[-2:-1].isdigit():
        return None
    if _is_year(match, after) or _is_phone(text, match):
        return None
    age = AGE.match(after)
    if age and not match["hi"]:
        stop = match.end() + age.end()
        return Quantity(text[match.start():stop], parse_number(match["lo"]), None, None, "year", False,
                        match.start(), stop, "age")
    low = _scaled(match["lo"], match["loscale"] or (match["hiscale"] if match["hi"] else None))
    high = _scaled(match["hi"], match["hiscale"]) if match["hi"] else None
    currency = CURRENCY_SIGNS.get(match["cur"] or match["cur2"] or "")
    stop, unit, kind, per = _unit(text, match.end(), after) if not currency else (match.end(), currency, "money", None)
    if match["sep"] and match["sep"].lower() == "-to-":
        unit, kind, high = "ratio", "ratio", None
    return _build(text, match.start(), stop, low, high, unit, kind, per, before)


def _read_word(text: str, match: re.Match[str], before: str, after: str) -> Optional[Quantity]:
    word = match["word"].lower()
    value = WORD_NUMBERS.get(word, VAGUE_NUMBERS.get(word))
    stop, unit, kind, per = _unit(text, match.end(), after)
    if unit is None or value is None:
        return None  # "one of them", "two" alone: not a quantity a reader checks
    if word in ("one",) and kind == "count":
        return None
    quantity = _build(text, match.start(), stop, float(value), None, unit, kind, per, before)
    return quantity if word not in VAGUE_NUMBERS else _approximate(quantity)


def _is_year(match: re.Match[str], after: str) -> bool:
    number = match["lo"]
    if match["cur"] or match["loscale"] or "," in number or "." in number or match["hi"] and not match["sep"]:
        return False
    return len(number) == 4 and 1800 <= int(number) <= 2100 and not re.match(r"^\s?(?:%|people|troops|km|soldiers)", after)


def _is_phone(text: str, match: re.Match[str]) -> bool:
    window = text[max(0, match.start() - 12): match.end() + 12]
    return bool(re.search(r"\d{3}[-. )]\d{3}[-. ]\d{4}|\+\d{1,3}\s?\d{2,4}\s\d{3}", window))


def _unit(text: str, position: int, after: str) -> tuple[int, Optional[str], str, Optional[str]]:
    """Where the quantity ends, its unit, its kind and (for rates) its period."""
    match = UNIT_AFTER.match(after)
    if not match:
        return position, None, "count", None
    if match["pct"]:
        return position + match.end(), "%", "percent", None
    if match["per"]:
        return position + match.end(), None, "rate", match["per"].lower()
    words = match["word"].lower().split()
    for size in (2, 1):
        phrase = " ".join(words[:size])
        if phrase in PERIODS and size <= len(words):
            return position + 1 + len(" ".join(match["word"].split()[:size])), None, "rate", PERIODS[phrase]
    head = words[0]
    stop = position + 1 + len(match["word"].split()[0])
    if head in UNITS:
        return stop, UNITS[head], "length" if UNITS[head] in ("km", "mi", "m") else "measure", None
    if head in DURATION_UNITS:
        return stop, DURATION_UNITS[head], "duration", None
    if head in CURRENCY_WORDS:
        return stop, CURRENCY_WORDS[head], "money", None
    if len(words) == 2 and words[1] in DURATION_UNITS and head.isalpha() and head not in NOT_COUNTED:
        return position + 1 + len(match["word"]), DURATION_UNITS[words[1]], "duration", None  # "21 grueling months"
    original = match["word"].split()
    if original[0][0].isupper():  # "200 Russian soldiers": the noun after a proper adjective
        if len(words) == 2 and _counted_noun(words[1]):
            return position + 1 + len(match["word"]), words[1], "count", None
        return position, None, "count", None
    if head in NOT_COUNTED or not _counted_noun(head):
        return position, None, "count", None
    return stop, head, "count", None


def _counted_noun(word: str) -> bool:
    return word in COUNT_NOUNS or (word.isalpha() and len(word) > 3 and word.endswith("s") and not word.endswith("ss"))


def _build(text: str, start: int, stop: int, low: float, high: Optional[float], unit: Optional[str], kind: str,
           per: Optional[str], before: str) -> Quantity:
    after = text[stop: stop + 20]
    approx_after = APPROX_AFTER.match(after)
    if kind != "rate":
        rate = re.match(r"^\s?(?:/(day|week|month|year)|\s(daily|a day|per day|a month|per month|monthly|a year|per year|annually))\b",
                        after, re.IGNORECASE)
        if rate:
            per = PERIODS[(rate.group(1) or rate.group(2)).lower()]
            stop += rate.end()
            kind = "rate"
    approx = bool(APPROX_BEFORE.search(before)) or bool(approx_after)
    if approx_after and approx_after.group(0).strip() == "+":
        stop += approx_after.end()
    value = None if high is not None else low
    return Quantity(text=text[start:stop], value=value, low=low if high is not None else None, high=high,
                    unit=unit, approx=approx, char_start=start, char_end=stop, kind=kind, per=per)


def _approximate(quantity: Quantity) -> Quantity:
    from dataclasses import replace

    return replace(quantity, approx=True)

"""Quantities on public labelled sentences: newsaudit beside quantulum3 on the same items.

Three dev sets under ``shared/data`` (each folder's SOURCE.md has origin and licence):

- ``quantulum3_tests``: quantulum3's own English regression sentences (values, quantulum3 unit names);
- ``cqe_unit_sets``: the CQE authors' age, currency, dimension and temperature sets (CQE unit names);
- ``recognizers_text_specs/English/NumberWithUnit``: Recognizers-Text's unit specs (their unit names).

A sentence is scored on the multiset of its gold values: a predicted quantity matches a gold one
when a value agrees (a range offers its low, high and middle), and, for value+unit, when the
predicted unit names the same thing as the gold one once both are mapped to one vocabulary
(:data:`UNIT_NAMES`, singular nouns for counts; a gold "dimensionless" matches a count). F1 is
micro-averaged over quantities.

A fixed part of every set is held out (:func:`held_out`: the CRC-32 of the sentence, modulo 4,
is 0): rules are developed on the rest ("dev"), the held-out figures are reported beside them.
The CQE sets are the Recognizers-Text sentences re-labelled, so both sets are split by the same
sentence hash and a sentence is in the same part in both.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from ..metrics import Scores
from ..results import MISSING, SystemRow, TaskResult
from . import HELD_OUT_MODULUS, Task, held_out



@dataclass(frozen=True)
class Gold:
    value: float
    unit: Optional[str]  # in the shared vocabulary of UNIT_NAMES' values; None = a bare count


@dataclass(frozen=True)
class Item:
    dataset: str
    text: str
    gold: tuple[Gold, ...]


@dataclass(frozen=True)
class Predicted:
    values: tuple[float, ...]  # the value, or a range's low, high and middle
    unit: Optional[str]


Reader = Callable[[str], list[Predicted]]



# newsaudit's unit symbols (claims.quantities.UNITS) and every dataset's names, to one name each.
UNIT_NAMES = {
    "usd": "dollar", "united states dollar": "dollar", "dollar": "dollar", "eur": "euro", "euro": "euro",
    "gbp": "pound sterling", "pound sterling": "pound sterling", "british pound": "pound sterling",
    "jpy": "yen", "japanese yen": "yen", "cny": "yuan", "chinese yuan": "yuan", "inr": "rupee", "rupee": "rupee",
    "cad": "canadian dollar", "canadian dollar": "canadian dollar", "aud": "australian dollar",
    "australian dollar": "australian dollar", "hkd": "hong kong dollar", "hong kong dollar": "hong kong dollar",
    "chf": "swiss franc", "swiss franc": "swiss franc", "franc": "franc", "rub": "rouble", "uah": "hryvnia",
    "cent": "cent", "pence": "penny", "penny": "penny", "btc": "bitcoin", "bitcoin": "bitcoin",
    "try": "turkish lira", "turkish lira": "turkish lira", "mxn": "mexican peso", "mexican peso": "mexican peso",
    "nzd": "new zealand dollar", "new zealand dollar": "new zealand dollar",
    "%": "percentage", "percentage": "percentage", "percent": "percentage",
    "km": "kilometre", "kilometre": "kilometre", "kilometer": "kilometre", "m": "metre", "metre": "metre",
    "meter": "metre", "cm": "centimetre", "centimetre": "centimetre", "mm": "millimetre", "millimetre": "millimetre",
    "millimeter": "millimetre", "dm": "decimetre", "decimetre": "decimetre", "decimeter": "decimetre",
    "pm": "picometre", "picometre": "picometre", "picometer": "picometre", "nm": "nanometre", "nanometre": "nanometre",
    "mi": "mile", "mile": "mile", "ft": "foot", "foot": "foot", "in": "inch", "inch": "inch", "yd": "yard",
    "yard": "yard", "kg": "kilogram", "kilogram": "kilogram", "g": "gram", "gram": "gram", "mg": "milligram",
    "milligram": "milligram", "µg": "microgram", "microgram": "microgram", "lb": "pound-mass",
    "pound-mass": "pound-mass", "pound": "pound-mass", "oz": "ounce", "ounce": "ounce", "t": "tonne",
    "tonne": "tonne", "metric ton": "tonne", "ton": "ton", "l": "litre", "litre": "litre", "ml": "millilitre",
    "millilitre": "millilitre", "milliliter": "millilitre", "cl": "centilitre", "centilitre": "centilitre",
    "gal": "gallon", "gallon": "gallon", "bbl": "barrel", "barrel": "barrel", "cup": "cup", "tbsp": "tablespoon",
    "tablespoon": "tablespoon", "tsp": "teaspoon", "teaspoon": "teaspoon", "ha": "hectare", "hectare": "hectare",
    "acre": "acre", "km2": "square kilometre", "square kilometre": "square kilometre",
    "square kilometer": "square kilometre", "m2": "square metre", "square metre": "square metre",
    "square meter": "square metre", "mi2": "square mile", "square mile": "square mile", "km3": "cubic kilometre",
    "cubic kilometre": "cubic kilometre", "cm3": "cubic centimetre", "cubic centimetre": "cubic centimetre",
    "ft3": "cubic foot", "cubic foot": "cubic foot", "km/h": "kilometre per hour",
    "kilometre per hour": "kilometre per hour", "kilometer per hour": "kilometre per hour", "mph": "mile per hour",
    "mile per hour": "mile per hour", "°c": "celsius", "c": "celsius", "celsius": "celsius",
    "degree celsius": "celsius", "°f": "fahrenheit", "f": "fahrenheit", "fahrenheit": "fahrenheit",
    "degree fahrenheit": "fahrenheit", "k": "kelvin", "kelvin": "kelvin", "deg": "degree", "degree": "degree",
    "w": "watt", "watt": "watt", "kw": "kilowatt", "mw": "megawatt", "gw": "gigawatt", "kwh": "kilowatt hour",
    "mwh": "megawatt hour", "megawatt hour": "megawatt hour", "watt hour": "watt hour", "hz": "hertz",
    "ghz": "gigahertz", "gigahertz": "gigahertz", "bit": "bit", "byte": "byte", "kb": "kilobyte", "mb": "megabyte",
    "megabyte": "megabyte", "gb": "gigabyte", "tb": "terabyte", "exabyte": "exabyte", "megabit": "megabit",
    "year": "year", "month": "month", "week": "week", "day": "day", "hour": "hour", "minute": "minute",
    "second": "second", "decade": "decade", "century": "century", "night": "night",
    "year of age": "year", "month of age": "month", "week of age": "week", "day of age": "day",
    "ratio": "ratio", "point": "point", "turn": "turn", "radian": "radian", "dozen": "dozen",
    "gbx": "penny", "usc": "cent", "nlg": "netherlands guilder", "netherlands guilder": "netherlands guilder",
    "netherlands guilde": "netherlands guilder", "fim": "finnish markka", "finnish markka": "finnish markka",
    "esp": "peseta", "peseta": "peseta", "sgd": "singapore dollar", "krw": "won", "ils": "shekel",
}
BARE_COUNT = ("dimensionless", "-", "count", "")


def unit_name(unit: Optional[str]) -> Optional[str]:
    """One name for a unit from any of the vocabularies; a count noun is made singular."""
    if unit is None:
        return None
    key = " ".join(unit.lower().split())
    if key in BARE_COUNT:
        return None
    if key in UNIT_NAMES:
        return UNIT_NAMES[key]
    return _singular(key)


def _singular(noun: str) -> str:
    if noun in ("people", "persons"):
        return "person"
    for plural, single in (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("sses", "ss"), ("xes", "x"), ("s", "")):
        if noun.endswith(plural) and len(noun) > len(plural) + 2 and not noun.endswith(("ss", "us", "is")):
            return noun[: len(noun) - len(plural)] + single
    return noun


# --- the datasets -----------------------------------------------------------------------------


def read_quantulum(folder: Path) -> list[Item]:
    items = []
    for name in ("quantities.json", "quantities.ambiguity.json"):
        path = folder / name
        if not path.exists():
            continue
        for case in json.loads(path.read_text(encoding="utf-8")):
            gold = tuple(Gold(float(q["value"]), unit_name(q["unit"])) for q in case["res"])
            items.append(Item("quantulum3_tests", case["req"], gold))
    return items


def read_cqe(folder: Path) -> list[Item]:
    items = []
    for path in sorted((folder / "formatted_test_set").glob("*-model.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            gold = tuple(Gold(float(q["value"]), _money_pound(path.stem, unit_name(q["normalized_unit"])))
                         for q in case["quantities"] if _number(q["value"]))
            items.append(Item(f"cqe_unit_sets/{path.stem}", case["text"], gold))
    return items


def read_recognizers(folder: Path) -> list[Item]:
    items = []
    for path in sorted((folder / "English" / "NumberWithUnit").glob("*Model.json")):
        for case in json.loads(path.read_text(encoding="utf-8-sig")):
            gold = []
            for result in case.get("Results", ()):
                resolution = result.get("Resolution") or {}
                if _number(resolution.get("value")):
                    gold.append(Gold(float(resolution["value"]),
                                     _money_pound(path.stem, unit_name(resolution.get("unit")))))
            items.append(Item(f"recognizers/{path.stem}", case["Input"], tuple(gold)))
    return items


def _money_pound(file: str, unit: Optional[str]) -> Optional[str]:
    """In the currency sets "Pound" (Recognizers) and "pound-mass" (CQE's conversion of it) mean sterling."""
    return "pound sterling" if file.lower().startswith("currency") and unit == "pound-mass" else unit


def _number(value: object) -> bool:
    try:
        return value is not None and math.isfinite(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


SETS = (("quantulum3_tests", read_quantulum), ("cqe_unit_sets", read_cqe), ("recognizers_text_specs", read_recognizers))


def load_items(data_dir: Path) -> tuple[list[Item], list[str]]:
    items, missing = [], []
    for folder, read in SETS:
        if (data_dir / folder).is_dir():
            items.extend(read(data_dir / folder))
        else:
            missing.append(folder)
    return items, missing


# --- the systems ------------------------------------------------------------------------------


def newsaudit_reader(text: str) -> list[Predicted]:
    from ...claims.quantities import find_quantities

    return [_predicted(q.value, q.low, q.high, q.unit, q.per) for q in find_quantities(text)]


def quantulum_reader(text: str) -> list[Predicted]:
    import warnings

    from quantulum3 import parser

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = parser.parse(text)
    out = []
    for quantity in found:
        unit = quantity.unit.name if quantity.unit is not None else None
        if quantity.uncertainty:
            out.append(_predicted(None, quantity.value - quantity.uncertainty, quantity.value + quantity.uncertainty,
                                  unit))
        else:
            out.append(_predicted(quantity.value, None, None, unit))
    return out


def _predicted(value: Optional[float], low: Optional[float], high: Optional[float], unit: Optional[str],
               per: Optional[str] = None) -> Predicted:
    if value is not None:
        values: tuple[float, ...] = (value,)
    else:
        values = tuple(v for v in (low, high, (low + high) / 2 if low is not None and high is not None else None)
                       if v is not None)
    name = unit_name(unit)
    if per:  # "$70 a share" is "dollar per share"; "30,000/month" is "count per month"
        name = f"{name or 'count'} per {unit_name(per)}"
    return Predicted(values, name)


# --- scoring ----------------------------------------------------------------------------------


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self, items: int) -> Scores:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        f1 = (2 * precision * recall / (precision + recall) if precision and recall else
              (0.0 if precision is not None and recall is not None else None))
        return Scores(_round(precision), _round(recall), _round(f1), items)


def _round(value: Optional[float]) -> Optional[float]:
    return round(value, 3) if value is not None else None


def _same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _same_unit(predicted: Optional[str], gold: Optional[str]) -> bool:
    if gold is None:  # a bare count: any count (no unit, or a counted noun) is right
        return predicted is None or predicted not in set(UNIT_NAMES.values())
    return predicted == gold


def match(predicted: Sequence[Predicted], gold: Sequence[Gold], with_unit: bool) -> tuple[int, int, int]:
    """(tp, fp, fn) of one sentence, matching greedily in order."""
    left = list(gold)
    tp = 0
    for guess in predicted:
        for index, truth in enumerate(left):
            if any(_same_value(v, truth.value) for v in guess.values) and (
                    not with_unit or _same_unit(guess.unit, truth.unit)):
                tp += 1
                del left[index]
                break
    return tp, len(predicted) - tp, len(left)


def score(items: Sequence[Item], read: Reader) -> tuple[Tally, Tally, float, list[dict]]:
    value, unit = Tally(), Tally()
    misses = []
    started = time.perf_counter()
    for item in items:
        predicted = read(item.text)
        for tally, with_unit in ((value, False), (unit, True)):
            tp, fp, fn = match(predicted, item.gold, with_unit)
            tally.tp, tally.fp, tally.fn = tally.tp + tp, tally.fp + fp, tally.fn + fn
            if with_unit and (fp or fn):
                misses.append({"dataset": item.dataset, "text": item.text,
                               "gold": [(g.value, g.unit) for g in item.gold],
                               "predicted": [(p.values, p.unit) for p in predicted]})
    return value, unit, time.perf_counter() - started, misses


SYSTEMS: tuple[tuple[str, Reader], ...] = (("newsaudit", newsaudit_reader), ("quantulum3", quantulum_reader))


def run(data_dir: Path, limit: Optional[int]) -> list[TaskResult]:
    items, missing = load_items(data_dir)
    if not items:
        return [TaskResult("quantities", MISSING, note=f"none of {', '.join(f for f, _r in SETS)} under {data_dir}")]
    if limit:
        items = items[:limit]
    results = []
    for part, chosen in (("dev", [i for i in items if not held_out(i.text)]),
                         ("held-out", [i for i in items if held_out(i.text)])):
        rows, detail = [], {}
        for name, read in SYSTEMS:
            try:
                value, unit, seconds, misses = score(chosen, read)
            except ImportError as err:
                rows.append(SystemRow(system=name, items=len(chosen), note=f"unavailable: {err}"))
                continue
            rows.append(SystemRow(system=f"{name} value", items=len(chosen), scores=value.scores(len(chosen)),
                                  seconds=round(seconds, 2), note=f"tp {value.tp}, fp {value.fp}, fn {value.fn}"))
            rows.append(SystemRow(system=f"{name} value+unit", items=len(chosen), scores=unit.scores(len(chosen)),
                                  note=f"tp {unit.tp}, fp {unit.fp}, fn {unit.fn}"))
            if name == "newsaudit" and part == "dev":
                detail["newsaudit_misses"] = misses[:60]
        golds = sum(len(i.gold) for i in chosen)
        note = (f"{len(chosen)} sentences, {golds} quantities ({part}; held out: CRC-32 of the sentence mod "
                f"{HELD_OUT_MODULUS} == 0); micro-averaged over quantities"
                + (f"; missing: {', '.join(missing)}" if missing else ""))
        results.append(TaskResult(f"quantities ({part})", "ok", tuple(rows), note, detail))
    return results


TASK = Task("quantities", run, description="value and value+unit F1 on quantulum3, CQE and Recognizers unit sets")

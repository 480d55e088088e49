"""Quantities on public labelled sentences: newsaudit beside quantulum3 on the same items.

Three dev sets under ``shared/data`` (each folder's SOURCE.md has origin and licence):

- ``quantulum3_tests``: quantulum3's own English regression sentences (values, quantulum3 unit names);
- ``cqe_unit_sets``: the CQE authors' age, currency, dimension and temperature sets (CQE unit names);
- ``recognizers_text_specs/English/NumberWithUnit``: Recognizers-Text's unit specs (their unit names).

A sentence is scored on the multiset of its gold values: a predicted quantity matches a gold one
when a value agrees (a range offers its low, high and middle; a gold range, "40-50" in the CQE
sets, a middle and its half width in quantulum3's, needs both bounds), and, for value+unit, when
the predicted unit names the same thing as the gold one once both are mapped to one vocabulary
(:data:`UNIT_NAMES`; the extractor's symbols go through its own ``claims.quantities.UNIT_NAMES``). Counts: a gold "dimensionless" matches any
count; a gold counted noun phrase (CQE writes "cabinet minister", "large contract") matches a
predicted count of its head noun ("eight cabinet ministers" counts "ministers"). F1 is
micro-averaged over quantities.

Each Recognizers spec labels one type only (the currency spec marks "$ 254 million" and not the
"27 %" beside it), so there a prediction is scored only when it is of that spec's type (money;
temperature; age or duration; a dimension: length, area, volume, weight, speed, data, angle), or
when it is a bare number giving a value the spec labels (a unit missed), for every system alike.
A bare number the spec does not label ("32" in "the cost is $4.25 and 32 is the quantity") is of
no type the spec marks, like the "27 %": the CQE sets are the same sentences with every quantity
labelled, and score it (there "32" is a quantity). Units of counting ("1 dozen", quantulum3's
gold and its own output) are scored as the count they stand for, and "cubic centimetre" is the
millilitre.

A fixed part of every set is held out (:func:`held_out`: the CRC-32 of the sentence, modulo 4,
is 0): rules are developed on the rest ("dev"), the held-out figures are reported beside them.
The CQE sets are the Recognizers-Text sentences re-labelled, so both sets are split by the same
sentence hash and a sentence is in the same part in both.
"""

from __future__ import annotations

import json
import math
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Sequence

from ...claims.quantities import UNIT_NAMES as EXTRACTOR_UNIT_NAMES
from ..metrics import Scores
from ..results import MISSING, SystemRow, TaskResult
from . import HELD_OUT_MODULUS, Task, dev_and_held_out



@dataclass(frozen=True)
class Gold:
    value: float  # a range's middle
    unit: Optional[str]  # in the shared vocabulary of UNIT_NAMES' values; None = a bare count
    bounds: Optional[tuple[float, float]] = None  # a gold range ("40-50"): both must be found


@dataclass(frozen=True)
class Item:
    dataset: str
    text: str
    gold: tuple[Gold, ...]
    scope: Optional[str] = None  # the one type a spec labels (see SCOPES); None = every quantity


@dataclass(frozen=True)
class Predicted:
    values: tuple[float, ...]  # the value, or a range's low, high and middle
    unit: Optional[str]
    kind: Optional[str] = None  # money | temperature | age | dimension | percent | other; None: a bare number
    bounds: Optional[tuple[float, float]] = None  # a range's low and high


Reader = Callable[[str], list[Predicted]]



# The datasets' unit names (CQE, quantulum3, Recognizers), each to one name; newsaudit's own unit
# symbols come from its vocabulary (claims.quantities.UNIT_NAMES), lower case.
DATASET_UNIT_NAMES = {
    "united states dollar": "dollar", "dollar": "dollar", "euro": "euro", "pound sterling": "pound sterling",
    "british pound": "pound sterling", "japanese yen": "yen", "chinese yuan": "yuan", "rupee": "rupee",
    "canadian dollar": "canadian dollar", "australian dollar": "australian dollar",
    "hong kong dollar": "hong kong dollar", "swiss franc": "swiss franc", "franc": "franc", "cent": "cent",
    "pence": "penny", "penny": "penny", "bitcoin": "bitcoin", "turkish lira": "turkish lira",
    "mexican peso": "mexican peso", "new zealand dollar": "new zealand dollar", "percentage": "percentage",
    "percent": "percentage", "kilometre": "kilometre", "kilometer": "kilometre", "metre": "metre",
    "meter": "metre", "centimetre": "centimetre", "millimetre": "millimetre", "millimeter": "millimetre",
    "decimetre": "decimetre", "decimeter": "decimetre", "picometre": "picometre", "picometer": "picometre",
    "nanometre": "nanometre", "mile": "mile", "foot": "foot", "inch": "inch", "yard": "yard",
    "kilogram": "kilogram", "gram": "gram", "milligram": "milligram", "microgram": "microgram",
    "pound-mass": "pound-mass", "pound": "pound-mass", "ounce": "ounce", "tonne": "tonne", "metric ton": "tonne",
    "litre": "litre", "millilitre": "millilitre", "milliliter": "millilitre", "centilitre": "centilitre",
    "gallon": "gallon", "barrel": "barrel", "tablespoon": "tablespoon", "teaspoon": "teaspoon",
    "hectare": "hectare", "square kilometre": "square kilometre", "square kilometer": "square kilometre",
    "square metre": "square metre", "square meter": "square metre", "square mile": "square mile",
    "cubic kilometre": "cubic kilometre", "cubic centimetre": "cubic centimetre", "cubic foot": "cubic foot",
    "kilometre per hour": "kilometre per hour", "kilometer per hour": "kilometre per hour",
    "mile per hour": "mile per hour", "c": "celsius", "celsius": "celsius", "degree celsius": "celsius",
    "f": "fahrenheit", "fahrenheit": "fahrenheit", "degree fahrenheit": "fahrenheit", "kelvin": "kelvin",
    "degree": "degree", "watt": "watt", "megawatt hour": "megawatt hour", "watt hour": "watt hour",
    "gigahertz": "gigahertz", "byte": "byte", "megabyte": "megabyte", "exabyte": "exabyte", "megabit": "megabit",
    "age": "year", "year of age": "year", "month of age": "month", "week of age": "week", "day of age": "day",
    "point": "point", "radian": "radian", "dozen": "dozen", "netherlands guilder": "netherlands guilder",
    "netherlands guilde": "netherlands guilder", "finnish markka": "finnish markka", "peseta": "peseta",
    # quantulum3's names of units the extractor names otherwise (found by joining the two tables on
    # their symbols and spellings, not on any sentence): the same unit, one name.
    "degree angle": "degree", "parts-per-million": "part per million", "parts-per-billion": "part per billion",
    "standard atmosphere": "atmosphere", "kiloton": "kilotonne", "megaton": "megatonne", "gigaton": "gigatonne",
    "russian ruble": "rouble", "milliampere-hour": "milliampere hour", "indian rupee": "rupee",
    "south african rand": "rand", "brazilian real": "real",
    # one unit under two names: a millilitre is a cubic centimetre (quantulum3 names "44 ml" so)
    "cubic centimetre": "millilitre", "cubic centimeter": "millilitre",
}
# quantulum3's units of counting: "a dozen eggs" is 1 "dozen" there, 12 things in the CQE sets and
# to a reader; gold and predictions in these units are scored as the count they stand for.
COUNTING_UNITS = {"dozen": 12, "baker's dozen": 13, "gross": 144}
# Lower-cased, "CUP" (the Cuban peso) and "cup", "kN" and "kn" (a knot) would be one key: the symbol
# written in lower case keeps it.
UNIT_NAMES = {**{" ".join(symbol.lower().split()): name
                 for symbol, name in sorted(EXTRACTOR_UNIT_NAMES.items(), key=lambda item: item[0].islower())},
              **DATASET_UNIT_NAMES}
_NAMES = frozenset(UNIT_NAMES.values())
BARE_COUNT = ("dimensionless", "-", "count", "")
SPELLING = re.compile(r"(?:met|lit)er\b")


def unit_name(unit: Optional[str]) -> Optional[str]:
    """One name for a unit from any of the vocabularies; a count noun is made singular."""
    if unit is None:
        return None
    key = " ".join(unit.lower().split())
    if key in BARE_COUNT:
        return None
    key = SPELLING.sub(lambda m: m[0][:-2] + "re", key)  # "centimeter" and "centimetre" are one unit
    key = UNIT_NAMES.get(key, key)
    key = DATASET_UNIT_NAMES.get(key, key)  # the extractor's "cubic centimetre" is the millilitre too
    if " per " in key:  # "metric ton per year", "kilogram per cubic centimetre": each side in the vocabulary
        return " per ".join(unit_name(part) or "count" for part in key.split(" per "))
    return key if key in _NAMES else _singular(key)


def _singular(noun: str) -> str:
    if noun in ("people", "persons"):
        return "person"
    for plural, single in (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("sses", "ss"), ("xes", "x"), ("s", "")):
        if noun.endswith(plural) and len(noun) >= len(plural) + 2 and not noun.endswith(("ss", "us", "is")):
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
            gold = tuple(_counting(float(q["value"]), unit_name(q["unit"]), _spread(q)) for q in case["res"])
            items.append(Item("quantulum3_tests", case["req"], gold))
    return items


def _spread(quantity: dict) -> Optional[tuple[float, float]]:
    """quantulum3 writes a range ("3 to 4 L", "10-15 exabytes") as its middle and half its width
    ("uncertainty"), as it writes "2,000.45±0.01": a range's bounds, not a value's error."""
    half, surface = quantity.get("uncertainty"), quantity.get("surface", "")
    if not half or "±" in surface or "+/-" in surface:
        return None
    value = float(quantity["value"])
    return (value - float(half), value + float(half))


def _counting(value: float, unit: Optional[str], bounds: Optional[tuple[float, float]] = None) -> Gold:
    """A gold in a unit of counting ("1 dozen") as the count it is (12, a bare count)."""
    if unit in COUNTING_UNITS:
        return Gold(value * COUNTING_UNITS[unit], None)
    return Gold(value, unit, bounds)


def read_cqe(folder: Path) -> list[Item]:
    items = []
    for path in sorted((folder / "formatted_test_set").glob("*-model.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            gold = []
            for q in case["quantities"]:
                unit = _money_pound(path.stem, unit_name(q["normalized_unit"]))
                if _number(q["value"]):
                    gold.append(Gold(float(q["value"]), unit))
                elif (bounds := _gold_range(q["value"])) is not None:
                    gold.append(Gold(sum(bounds) / 2, unit, bounds))
            items.append(Item(f"cqe_unit_sets/{path.stem}", case["text"], tuple(gold)))
    return items


def _gold_range(value: object) -> Optional[tuple[float, float]]:
    """CQE writes a range as "40-50"."""
    low, dash, high = str(value).partition("-")
    return (float(low), float(high)) if dash and _number(low) and _number(high) else None


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
            items.append(Item(f"recognizers/{path.stem}", case["Input"], tuple(gold),
                              SCOPES.get(path.stem.removesuffix("Model").lower())))
    return items


# A Recognizers spec's type -> the prediction kinds it labels.
SCOPES = {"currency": "money", "temperature": "temperature", "age": "age", "dimension": "dimension"}


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
    from ...claims.quantities import UNIT_NAMES as OWN_NAMES, UNITS, find_quantities

    out = []
    for q in find_quantities(text):
        kind = q.kind
        if q.unit and kind in ("rate", "count"):  # "500,000 barrels a day" is a volume per day
            kind = next((k for symbol, k in UNITS.values() if symbol == q.unit), kind)
        unit = OWN_NAMES.get(q.unit or "", q.unit)
        out.append(_predicted(q.value, q.low, q.high, unit, q.per, _scope_kind(kind, unit)))
    return out


# newsaudit's kinds (Quantity.kind) and quantulum3's entities -> a Recognizers spec's type.
SCOPE_KINDS = {"money": "money", "currency": "money", "temperature": "temperature", "age": "age",
               "duration": "age", "time": "age"}
DIMENSIONS = frozenset({"length", "area", "volume", "weight", "mass", "speed", "data", "information", "angle",
                        "data rate", "velocity"})


def _scope_kind(kind: Optional[str], unit: Optional[str]) -> Optional[str]:
    """The type of a prediction, or None for a bare number (kept in every spec's scope)."""
    name = unit_name(unit)
    if name is None:
        return None
    if name == "percentage":
        return "percent"
    kind = (kind or "").lower()
    return SCOPE_KINDS.get(kind) or ("dimension" if kind in DIMENSIONS else "other")


def quantulum_reader(text: str) -> list[Predicted]:
    import warnings

    from quantulum3 import parser

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = parser.parse(text)
    out = []
    for quantity in found:
        unit = quantity.unit.name if quantity.unit is not None else None
        entity = quantity.unit.entity.name if quantity.unit is not None and quantity.unit.entity else None
        kind = _scope_kind(entity, unit)
        if quantity.uncertainty:
            out.append(_predicted(None, quantity.value - quantity.uncertainty, quantity.value + quantity.uncertainty,
                                  unit, kind=kind))
        else:
            out.append(_predicted(quantity.value, None, None, unit, kind=kind))
    return out


def _predicted(value: Optional[float], low: Optional[float], high: Optional[float], unit: Optional[str],
               per: Optional[str] = None, kind: Optional[str] = None) -> Predicted:
    bounds = None
    if value is not None:
        values: tuple[float, ...] = (value,)
    else:
        values = tuple(v for v in (low, high, (low + high) / 2 if low is not None and high is not None else None)
                       if v is not None)
        bounds = (low, high) if low is not None and high is not None else None
    name = unit_name(unit)
    if name in COUNTING_UNITS and not per:  # "1 dozen" is 12, as in the gold
        factor = COUNTING_UNITS[name]
        values, name = tuple(v * factor for v in values), None
        bounds = (bounds[0] * factor, bounds[1] * factor) if bounds else None
    if per:  # "$70 a share" is "dollar per share"; "30,000/month" is "count per month"
        name = f"{name or 'count'} per {unit_name(per)}"
    return Predicted(values, name, kind, bounds)


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


def _f1(scores: Scores) -> str:
    return "–" if scores.f1 is None else f"{scores.f1:.3f}"


def _round(value: Optional[float]) -> Optional[float]:
    return round(value, 3) if value is not None else None


def _same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _named() -> frozenset[str]:
    from ...claims.quantities import UNIT_NAMES as OWN_NAMES

    return frozenset(UNIT_NAMES.values()) | {unit_name(name) for name in OWN_NAMES.values()}


_NAMED = _named()


def _same_unit(predicted: Optional[str], gold: Optional[str]) -> bool:
    if gold is None:  # a bare count: any count (no unit, or a counted noun) is right
        return predicted is None or predicted not in _NAMED
    if predicted == gold:
        return True
    if gold in _NAMED or predicted is None or predicted in _NAMED or " per " in gold:
        return False
    return _singular(predicted.split()[-1]) == _singular(gold.split()[-1])  # "cabinet minister" / "minister"


def _same_values(guess: Predicted, truth: Gold) -> bool:
    if truth.bounds is not None:
        return guess.bounds is not None and all(_same_value(a, b) for a, b in zip(guess.bounds, truth.bounds))
    return any(_same_value(v, truth.value) for v in guess.values)


def _spec_unit(predicted: Optional[str], gold: Optional[str]) -> bool:
    """A Recognizers spec's unit is the unit of the span it marks, which ends before a rate ("$ 70"
    of "$ 70 a share", "500,000 barrels" of "500,000 barrels a day": the CQE re-labelling of the same
    sentences writes "dollar per share", "barrel per day"), names no country for a bare "francs"
    ("Franc", beside "Swiss franc" when the text says so) and writes "Ton" for tonnes ("100t", "25
    lakh tonnes") as for tons: a prediction is compared with what the label says, no more."""
    if predicted is not None and gold is not None and " per " in predicted and " per " not in gold:
        predicted = predicted.split(" per ")[0]
    if gold == "franc" and predicted is not None and predicted.endswith(" franc"):
        return True
    if gold == "ton" and predicted == "tonne":
        return True
    return _same_unit(predicted, gold)


def match(predicted: Sequence[Predicted], gold: Sequence[Gold], with_unit: bool,
          scope: Optional[str] = None) -> tuple[int, int, int]:
    """(tp, fp, fn) of one sentence, matching greedily in order; with a scope (a Recognizers spec),
    only predictions of that type are scored, and units as the spec labels them (:func:`_spec_unit`)."""
    same_unit = _same_unit
    if scope is not None:  # a bare number is the spec's only where it gives a value the spec labels
        predicted = [guess for guess in predicted if guess.kind == scope
                     or guess.kind is None and any(_same_values(guess, truth) for truth in gold)]
        same_unit = _spec_unit
    left = list(gold)
    tp = 0
    for guess in predicted:
        for index, truth in enumerate(left):
            if _same_values(guess, truth) and (not with_unit or same_unit(guess.unit, truth.unit)):
                tp += 1
                del left[index]
                break
    return tp, len(predicted) - tp, len(left)


def score(items: Sequence[Item], read: Reader,
          per_set: Optional[dict] = None) -> tuple[Tally, Tally, float, list[dict]]:
    """Value and value+unit tallies over ``items``; ``per_set`` collects them by dev set too."""
    value, unit = Tally(), Tally()
    misses = []
    started = time.perf_counter()
    for item in items:
        predicted = read(item.text)
        family = item.dataset.split("/")[0]
        for index, with_unit in ((0, False), (1, True)):
            tp, fp, fn = match(predicted, item.gold, with_unit, item.scope)
            tallies = [(value, unit)[index]]
            if per_set is not None:
                tallies.append(per_set.setdefault(family, (Tally(), Tally()))[index])
            for tally in tallies:
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
    for part, chosen in dev_and_held_out(items):
        rows, detail = [], {}
        by_set: dict[str, dict[str, str]] = {}
        for name, read in SYSTEMS:
            per_set: dict[str, tuple[Tally, Tally]] = {}
            try:
                value, unit, seconds, misses = score(chosen, read, per_set)
            except ImportError as err:
                rows.append(SystemRow(system=name, items=len(chosen), note=f"unavailable: {err}"))
                continue
            rows.append(SystemRow(system=f"{name} value", items=len(chosen), scores=value.scores(len(chosen)),
                                  seconds=round(seconds, 2), note=f"tp {value.tp}, fp {value.fp}, fn {value.fn}"))
            rows.append(SystemRow(system=f"{name} value+unit", items=len(chosen), scores=unit.scores(len(chosen)),
                                  note=f"tp {unit.tp}, fp {unit.fp}, fn {unit.fn}"))
            for family, (set_value, set_unit) in per_set.items():
                count = sum(1 for i in chosen if i.dataset.split("/")[0] == family)
                by_set.setdefault(family, {})[name] = (f"{_f1(set_value.scores(count))} / "
                                                       f"{_f1(set_unit.scores(count))}")
            if name == "newsaudit" and part == "dev":
                detail["newsaudit_misses"] = misses[:60]
        detail["per_set_value_f1_slash_value_unit_f1"] = by_set
        golds = sum(len(i.gold) for i in chosen)
        sets = "; ".join(f"{family}: " + ", ".join(f"{system} {f1}" for system, f1 in systems.items())
                         for family, systems in sorted(by_set.items()))
        note = (f"{len(chosen)} sentences, {golds} quantities ({part}; held out: CRC-32 of the sentence mod "
                f"{HELD_OUT_MODULUS} == 0); micro-averaged over quantities; value / value+unit F1 by set: {sets}"
                + (f"; missing: {', '.join(missing)}" if missing else ""))
        results.append(TaskResult(f"quantities ({part})", "ok", tuple(rows), note, detail))
    return results


TASK = Task("quantities", run, description="value and value+unit F1 on quantulum3, CQE and Recognizers unit sets")

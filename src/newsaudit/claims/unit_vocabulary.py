"""Units beyond the hand-kept table of ``claims.quantities``: read at run time, not rewritten.

Two sources, both filling only what the hand table (:data:`claims.quantities.UNIT_TABLE`, which
keeps news-tested kinds, symbols and gates) does not already spell:

- the unit table quantulum3 ships (``units.json``, general and English, MIT licence): about 400
  units with their names, symbols, kinds and SI prefixes ("tesla", "weber", "barn",
  "centipoise", "kibibit", "light-year");
- the SI prefix grammar applied to the SI units: every prefix symbol with every base symbol
  ("MJ", "µW", "nGy", "kBq"), and every prefix name with every base name ("megajoules",
  "nanograms").

A name is taken only when it is not a common English word (quantulum3's own list of common
words, and the everyday nouns in :data:`EVERYDAY_NOUNS`: "3 quarters" and "two drops" stay
counts); a symbol only when it has two characters or more and is not a date or clock word
("am", "pm"); an all-lower-case symbol that is a common word ("cd", "kat") is marked ambiguous,
read as a unit only in the positions ``claims.quantities`` allows ambiguous symbols. The units
of money and the dimensionless ones ("pair", "dozen", "set") are left to the hand table and to
the reading of counted nouns.

When quantulum3 is not installed, the prefix grammar alone is used (:data:`SOURCE` says which).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Iterable

__all__ = ["KIND_OF_ENTITY", "plural", "vocabulary"]

# quantulum3's entities -> the kinds ``Quantity.kind`` uses.
KIND_OF_ENTITY = {
    "mass": "weight", "time": "duration", "data storage": "data", "data transfer rate": "data rate",
    "instance frequency": "frequency", "radiation absorbed dose": "dose", "radiation exposure": "radiation",
    "electric potential": "voltage", "electrical resistance": "resistance", "luminous intensity": "light",
    "luminous flux": "light", "illuminance": "light", "luminance": "light", "sound level": "sound",
    "amount of substance": "amount",
}
SKIPPED_ENTITIES = frozenset({"dimensionless", "currency", "unknown", "typographical element"})
# Units whose names are everyday nouns: after a number they count things ("two drops", "3
# quarters", "a 10-span bridge", "five leagues" of football) far more often than they measure.
EVERYDAY_NOUNS = frozenset(
    "span league ell quarter drop peck shake quad kip gross mill tex denier stokes darcy langley rhe lustrum "
    "maxwell henry faraday cubit stere set pair count nibble twip poise board-foot point line pica nucleotide "
    "base pair cycle turn sun earth bar barn candle gray grey mole franklin galileo gal annum degree pond nit "
    "quartet tetrad tetrade rad second minute hour day week year month".split())
SI_PREFIXES = {"Y": "yotta", "Z": "zetta", "E": "exa", "P": "peta", "T": "tera", "G": "giga", "M": "mega", "k": "kilo",
               "h": "hecto", "da": "deca", "d": "deci", "c": "centi", "m": "milli", "µ": "micro", "μ": "micro",
               "n": "nano", "p": "pico", "f": "femto", "a": "atto"}
# SI units (symbol, name, kind) that take every prefix; "g", "m", "l" and "s" are the hand table's.
SI_UNITS = (
    ("J", "joule", "energy"), ("W", "watt", "power"), ("Wh", "watt hour", "energy"), ("eV", "electronvolt", "energy"),
    ("V", "volt", "voltage"), ("A", "ampere", "current"), ("Hz", "hertz", "frequency"), ("Pa", "pascal", "pressure"),
    ("N", "newton", "force"), ("Bq", "becquerel", "radioactivity"), ("Gy", "gray", "dose"), ("Sv", "sievert", "dose"),
    ("C", "coulomb", "charge"), ("F", "farad", "capacitance"), ("Ω", "ohm", "resistance"), ("T", "tesla", "magnetic field"),
    ("Wb", "weber", "magnetic flux"), ("H", "henry", "inductance"), ("S", "siemens", "electrical conductance"),
    ("mol", "mole", "amount"), ("cd", "candela", "light"), ("lm", "lumen", "light"), ("lx", "lux", "light"),
    ("g", "gram", "weight"), ("m", "metre", "length"), ("l", "litre", "volume"), ("L", "litre", "volume"),
    ("s", "second", "duration"), ("B", "byte", "data"), ("bit", "bit", "data"), ("t", "tonne", "weight"),
)
SUBMULTIPLES = frozenset({"d", "c", "m", "µ", "μ", "n", "p", "f", "a"})
NOT_SYMBOLS = frozenset({"am", "pm", "Am", "Pm", "PM", "AM", "ms", "Ms", "Ts", "Gs", "hs", "ds", "as", "ns", "ps", "fs",
                         "ml", "dl", "hl", "cl", "Mt", "Mm", "MB", "GB", "TB", "PB", "EB", "ZB", "YB", "kB",
                         "dB", "cB", "mB", "pt", "ct", "at", "ft", "Pt", "dam", "cm", "mm", "km", "dm", "nm",
                         "Gt", "Tt", "kt", "fps", "ips"})  # clock words, plurals of letters, the hand
# table's own, and "60fps": frames, not feet, per second


def plural(name: str) -> str:
    """An English plural of a unit name: the noun before "per" or "of" takes it, else the last one."""
    for joint in (" per ", " of "):
        head, found, rest = name.partition(joint)
        if found:
            return plural(head) + found + rest
    words = name.rsplit(" ", 1)
    last = words[-1]
    if last.endswith("foot"):
        last = last[:-4] + "feet"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        last = last if last.endswith(("hertz", "siemens", "lux")) else last + "es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return " ".join([*words[:-1], last])


def _common_words() -> frozenset[str]:
    try:
        listed = json.loads((resources.files("quantulum3") / "_lang" / "en_US" / "common-words.json")
                            .read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError):
        return frozenset()
    return frozenset(word.lower() for words in listed.values() for word in words)


def _quantulum_units() -> dict[str, dict]:
    """quantulum3's units by name (general table, then the English one over it), prefixes expanded."""
    tables = []
    for parts in (("units.json",), ("_lang", "en_US", "units.json")):
        try:
            path = resources.files("quantulum3").joinpath(*parts)
            tables.append(json.loads(path.read_text(encoding="utf-8")))
        except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError):
            continue
    merged: dict[str, dict] = {}
    for table in tables:
        for name, unit in table.items():
            merged.setdefault(name, {}).update(unit)
    expanded: dict[str, dict] = {}
    for name, unit in merged.items():
        expanded.setdefault(name, {}).update(unit)
        for prefix in unit.get("prefixes", ()):
            if prefix in SI_PREFIXES:
                word = SI_PREFIXES[prefix]
                expanded.setdefault(word + name, {}).update(
                    {"surfaces": [word + s for s in unit.get("surfaces", ())], "entity": unit.get("entity"),
                     "symbols": [prefix + s for s in unit.get("symbols", ())]})
    return expanded


def vocabulary(known_words: Iterable[str], known_symbols: Iterable[str]) -> tuple[
        dict[str, tuple[str, str]], dict[str, tuple[str, str]], frozenset[str], str]:
    """(names, symbols, ambiguous symbols, source): names lower case (singular and plural) and
    symbols as written, each -> (the unit's name, its kind); only those ``known_*`` lacks."""
    known_words = {w.lower() for w in known_words}
    known_symbols = set(known_symbols)
    common = _common_words()
    names: dict[str, tuple[str, str]] = {}
    symbols: dict[str, tuple[str, str]] = {}

    def add(unit: str, kind: str, surfaces: Iterable[str], written: Iterable[str]) -> None:
        for surface in surfaces:
            surface = " ".join(surface.lower().replace("_", " ").split())
            if (not surface or surface in EVERYDAY_NOUNS or surface in common or surface.startswith("per ")
                    or surface in known_symbols or not any(c.isalpha() for c in surface)):
                continue
            for form in (surface, plural(surface)):
                if form not in known_words and form not in common:
                    names.setdefault(form, (unit, kind))
        for symbol in written:
            if (len(symbol) < 2 or symbol in known_symbols or symbol in NOT_SYMBOLS or symbol.isdigit()
                    or symbol[0].isdigit() or " " in symbol or symbol.isupper() and len(symbol) <= 3
                    or kind == "duration" and "yr" not in symbol[1:]):
                continue  # "PA", "MS", "TV" are abbreviations; "hr", "min", "yr" the hand table's durations
            symbols.setdefault(symbol, (unit, kind))

    units = _quantulum_units()
    for name, unit in units.items():
        entity = unit.get("entity")
        if (not entity or entity in SKIPPED_ENTITIES or "surfaces" not in unit and "symbols" not in unit
                or name.endswith("barn")):  # "100 mb" is megabytes or millibars, never millibarns
            continue
        add(name, KIND_OF_ENTITY.get(entity, entity), [name, *unit.get("surfaces", ())], unit.get("symbols", ()))
    for base, base_name, kind in SI_UNITS:
        for prefix, word in SI_PREFIXES.items():
            if base in ("m", "l", "L", "g") and prefix not in SUBMULTIPLES | {"k", "h", "da"}:
                continue  # "Mm", "Gl": not written
            unit = word + base_name
            add(unit, kind, [unit], [prefix + base])
    ambiguous = frozenset(s for s in symbols if s.isascii() and s.isalpha() and (
        len(s) <= 2 or s.lower() in common or s.islower() or s.isupper()))  # "mA", "Wb", "cd", "kat"
    return names, symbols, ambiguous, "quantulum3 units.json and SI prefixes" if units else "SI prefixes"


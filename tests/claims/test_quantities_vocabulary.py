"""Quantities: the wider unit vocabulary (claims.unit_vocabulary) and SI products of units, on
fixture sentences written here; and what that vocabulary must leave alone in news copy."""

from __future__ import annotations

import pytest

from newsaudit.claims import quantities
from newsaudit.claims.quantities import find_quantities, unit_name
from newsaudit.claims.unit_vocabulary import plural, vocabulary


def _one(sentence: str):
    found = find_quantities(sentence)
    assert len(found) == 1, [(q.text, q.value, q.unit) for q in found]
    return found[0]


@pytest.mark.parametrize("sentence, value, unit", [
    ("The plant's boiler burns 40 megajoules a second.", 40, "megajoule"),  # the SI prefix grammar
    ("Workers there received 3.5 µSv in a shift.", 3.5, "microsievert"),
    ("The source peaked at 120mJy last night.", 120, "millijansky"),
])
def test_units_beyond_the_hand_table(sentence, value, unit):
    quantity = _one(sentence)
    assert quantity.value == pytest.approx(value) and unit_name(quantity.unit) == unit


def test_unit_table_names_when_quantulum3_is_installed():
    pytest.importorskip("quantulum3")
    quantity = _one("The magnet reached 11 teslas in the test.")
    assert (quantity.value, quantity.unit, quantity.kind) == (11, "tesla", "magnetic field")
    assert "quantulum3" in quantities.VOCABULARY_SOURCE


@pytest.mark.parametrize("sentence, unit, per", [
    ("A bolt is tightened to 20 N·m before the test.", "newton metre", None),
    ("Near the ground it falls at 9.8 m s−2 and no faster.", "m", "square second"),
    ("The foam weighs 30 kg m^-3 when dry.", "kg", "m3"),
    ("Panels there get 240 W m⁻² at noon.", "W", "m2"),
])
def test_products_and_powers_of_units(sentence, unit, per):
    quantity = _one(sentence)
    assert (quantity.unit, quantity.per) == (unit, per)


@pytest.mark.parametrize("sentence", [
    "The router supports 802.11ac and costs little.",  # an acre symbol inside a standard's name
    "Their 4 mA team won.",  # an ambiguous symbol in mid-clause
    "The camera films at 60fps in daylight.",  # frames, not feet, per second
    "He sold 3 quarters of his farm and 12 barns.",
    "Five moles were found in the agency.",
    "It was painted 2 grays and one white.",
])
def test_everyday_words_and_codes_are_not_units(sentence):
    units = {q.unit for q in find_quantities(sentence)}
    assert not units & {"acre", "milliampere", "foot per second", "quarter", "barn", "mole", "gray"}


def test_common_words_and_clock_words_never_enter_the_vocabulary():
    names, symbols, ambiguous, _source = vocabulary([], [])
    assert not {"pm", "am", "PA", "MS", "TV", "VA"} & set(symbols)
    assert not {"bar", "drop", "quarter", "span", "degree", "second"} & set(names)
    assert "mA" in ambiguous and "µSv" not in ambiguous


def test_plural_forms_of_unit_names():
    assert plural("foot") == "feet" and plural("metre per second") == "metres per second"
    assert plural("siemens") == "siemens" and plural("henry") == "henries" and plural("inch of water") == "inches of water"


def test_a_minus_after_the_currency_sign():
    quantity = _one("The fund closed the year at $-12.50 a unit.")
    assert (quantity.value, quantity.unit, quantity.text) == (-12.5, "USD", "$-12.50 a unit")
    assert [(q.low, q.high) for q in find_quantities("Seats cost $20-$30 each.")] == [(20, 30)]


@pytest.mark.parametrize("sentence, value, unit", [
    ("The fare went up to 12 rubles 50 kopeks.", 12.5, "RUB"),  # a coin joins the amount before it
    ("Shares closed down 34 kopeks on the day.", 34, "kopek"),
    ("It cost one yuan and five mao at the stall.", 1.5, "CNY"),
    ("The state set aside rupees 12,500 for the roads.", 12500, "INR"),  # the currency word before the amount
])
def test_coins_and_currency_words_before_the_amount(sentence, value, unit):
    quantity = _one(sentence)
    assert (quantity.value, quantity.unit, quantity.kind) == (pytest.approx(value), unit, "money")


def test_a_currency_word_before_a_year_is_a_name():
    assert find_quantities("Euro 2024 starts in June.") == []


@pytest.mark.parametrize("sentence, low, high", [
    ("Lows of -5 to 5 degrees Celsius are expected.", -5, 5),
    ("Lows of −12–−4 °C tonight.", -12, -4),
    ("Overnight it drops to -10 to -2C in the hills.", -10, -2),
])
def test_ranges_below_zero_of_a_measure(sentence, low, high):
    found = [q for q in find_quantities(sentence) if q.low is not None]
    assert [(q.low, q.high, q.unit) for q in found] == [(low, high, "°C")]


def test_a_signed_range_without_a_unit_is_no_quantity():
    assert find_quantities("They finished the season -3-2 away.") == []

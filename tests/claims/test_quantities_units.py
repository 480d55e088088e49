"""Quantities: currencies, joined measures, rates, temperatures, numerals in rarer notations, the
unit vocabulary's names, and the evaluation's matching rules (fixture sentences written here)."""

from __future__ import annotations

import time

import pytest

from newsaudit.claims.quantities import UNIT_NAMES, UNIT_TABLE, find_quantities, parse_number, unit_name
from newsaudit.eval.tasks.quantities import Gold, _predicted, match


def _one(sentence: str):
    found = find_quantities(sentence)
    assert len(found) == 1, [(q.text, q.value, q.unit) for q in found]
    return found[0]


@pytest.mark.parametrize("sentence, value, unit", [
    ("The ferry cost C$45 return.", 45, "CAD"),
    ("Tickets were NZ$ 120 each.", 120, "NZD"),
    ("A crate sold for Mex$ 3 million.", 3e6, "MXN"),
    ("The fee was 115USD.", 115, "USD"),
    ("Losses above 30 MUSD were booked.", 30e6, "USD"),
    ("The stall took 500 ₦ in an hour.", 500, "NGN"),
    ("A loan of 12,34,567 rupees was approved.", 1234567, "INR"),
    ("The stadium cost half million usd.", 5e5, "USD"),
    ("It came to fourteen dollars and twenty cents.", 14.2, "USD"),
])
def test_currencies_and_amounts(sentence, value, unit):
    quantity = _one(sentence)
    assert (quantity.value, quantity.unit, quantity.kind) == (pytest.approx(value), unit, "money")


def test_a_lower_case_us_before_a_dollar_sign_is_a_pronoun():
    assert _one("She lent us $20 on Friday.").text == "$20"


@pytest.mark.parametrize("sentence, low, high, unit", [
    ("Doses of 20 mg to 40 mg were given.", 20, 40, "mg"),
    ("The route runs between 3 km and 5 km inland.", 3, 5, "km"),
    ("Lows ranged from -12 °C to -20 °C overnight.", -20, -12, "°C"),
])
def test_a_range_with_its_unit_written_twice_is_one_range(sentence, low, high, unit):
    quantity = _one(sentence)
    assert (quantity.value, quantity.low, quantity.high, quantity.unit) == (None, low, high, unit)


def test_a_change_from_one_measure_to_another_stays_two_figures():
    found = find_quantities("The dose was cut from 40 mg to 20 mg last week.")
    assert [(q.value, q.unit) for q in found] == [(40, "mg"), (20, "mg")]


def test_two_distances_joined_by_and_stay_two():
    assert len(find_quantities("She ran 5 km and 8 km.")) == 2


def test_feet_and_inches_are_one_height():
    quantity = _one("The keeper is 6 ft 3 in tall.")
    assert (quantity.value, quantity.unit) == (pytest.approx(6.25), "ft")


@pytest.mark.parametrize("sentence, per", [
    ("It paid a 15-cent-a-share dividend.", "share"),
    ("Eggs went for 80 cents a dozen.", "dozen"),
    ("The mill turns out 3,000 tonnes of flour a year.", "year"),
])
def test_rates(sentence, per):
    assert _one(sentence).per == per


@pytest.mark.parametrize("sentence, unit, kind", [
    ("Water froze at 0° Celsius there.", "°C", "temperature"),
    ("The temperature hit 104 degrees on Tuesday.", "deg", "temperature"),
    ("The ramp rises at 12 degrees from the road.", "deg", "angle"),
    ("The record low was −40° on the Fahrenheit scale.", "°F", "temperature"),
])
def test_degrees(sentence, unit, kind):
    quantity = _one(sentence)
    assert (quantity.unit, quantity.kind) == (unit, kind)


def test_a_value_with_its_uncertainty_is_one_approximate_value():
    quantity = _one("The probe weighs 812.5±0.2 kg.")
    assert (quantity.value, quantity.unit, quantity.approx) == (812.5, "kg", True)


@pytest.mark.parametrize("written, value", [
    ("6e5", 6e5), ("1.5e-3", 0.0015), ("3×10⁸", 3e8), ("2.5x10^-4", 2.5e-4), ("7 . 5", 7.5), ("10\u00a0000", 1e4),
])
def test_number_notations(written, value):
    assert parse_number(written) == pytest.approx(value)


def test_lower_case_dates_designators_and_clock_times_are_not_quantities():
    assert find_quantities("the deal closed on sept. 14 near exit 212 at 9.45 am.") == []


def test_a_large_number_in_words_stands_alone():
    assert _one("She counted three hundred and six of them.").value == 306


def test_every_unit_symbol_has_one_name():
    assert all(row[0] in UNIT_NAMES for row in UNIT_TABLE)
    assert unit_name("km/h") == "kilometre per hour" and unit_name("CAD") == "canadian dollar"
    assert unit_name("volunteers") == "volunteers"


def test_dense_ranges_and_uncertainties_stay_fast():
    text = " ".join(f"{i} mg to {i + 1} mg, between {i} km and {i + 2} km, {i}±1 kg, ${i} and 5 cents" for i in range(3000))
    started = time.process_time()
    found = find_quantities(text)
    assert len(found) > 3000 and time.process_time() - started < 20


# --- the evaluation's matching ------------------------------------------------------------------


def test_eval_scores_a_spec_only_on_its_type():
    predicted = [_predicted(12.0, None, None, "percentage", kind="percent"),
                 _predicted(5e6, None, None, "dollar", kind="money")]
    assert match(predicted, [Gold(5e6, "dollar")], True, scope="money") == (1, 0, 0)
    assert match(predicted, [Gold(5e6, "dollar")], True) == (1, 1, 0)


def test_eval_matches_a_counted_noun_phrase_by_its_head_and_a_gold_range_by_both_bounds():
    assert match([_predicted(8.0, None, None, "ministers")], [Gold(8.0, "cabinet minister")], True) == (1, 0, 0)
    assert match([_predicted(8.0, None, None, "metre")], [Gold(8.0, "square metre")], True) == (0, 1, 1)
    ranged = [_predicted(None, 40.0, 50.0, "year")]
    assert match(ranged, [Gold(45.0, "year", (40.0, 50.0))], True) == (1, 0, 0)
    assert match([_predicted(45.0, None, None, "year")], [Gold(45.0, "year", (40.0, 50.0))], True) == (0, 1, 1)


@pytest.mark.parametrize("sentence, expected", [
    ("Membership grew from 4.1 million to 4.6 million.", [(4.1e6, None, None), (4.6e6, None, None)]),
    ("Fares rise from $3 to $4 in May.", [(3, None, "USD"), (4, None, "USD")]),
    ("Seats cost from $30 to $90.", [(None, (30, 90), "USD")]),
])
def test_a_change_from_one_figure_to_another_is_two_figures_and_a_span_is_a_range(sentence, expected):
    found = [(q.value, (q.low, q.high) if q.value is None else None, q.unit) for q in find_quantities(sentence)]
    assert found == [(pytest.approx(v) if v else v, r, u) for v, r, u in expected]


def test_a_dash_between_two_percentages_is_a_range_not_a_minus():
    quantity = _one("The target band is 2.5%-3.5% this year.")
    assert (quantity.low, quantity.high, quantity.unit) == (2.5, 3.5, "%")


@pytest.mark.parametrize("sentence, value, unit", [
    ("The bank moved by 0.5 percentage points.", 0.5, "pp"),
    ("Spreads widened 40bp on the day.", 40, "bp"),
    ("The shares closed 12p lower.", 12, "GBX"),
    ("A motor of 150 horsepower was fitted.", 150, "hp"),
])
def test_points_pence_and_power(sentence, value, unit):
    quantity = _one(sentence)
    assert (quantity.value, quantity.unit) == (value, unit)


def test_a_resolution_is_not_pence():
    assert find_quantities("It streams in 720p on phones.") == []


def test_a_rise_by_an_amount_to_a_level_is_two_figures_but_a_range_of_rises_stays_a_range():
    assert [q.value for q in find_quantities("Sales rose by 120 to 4,800 units.")] == [120, 4800]
    quantity = _one("Fares rose by 4 to 6 percent.")
    assert (quantity.low, quantity.high, quantity.unit) == (4, 6, "%")


def test_rupees_written_rs():
    quantity = _one("The scheme costs Rs 300 crore.")
    assert (quantity.value, quantity.unit) == (3e9, "INR")


@pytest.mark.parametrize("sentence, value", [("Three dozen pupils signed it.", 36), ("She bought 2 dozen roses.", 24)])
def test_dozens_multiply(sentence, value):
    assert _one(sentence).value == value

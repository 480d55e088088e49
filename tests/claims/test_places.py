"""Places: gazetteer spellings, regions, tie-breaks, and words that only look like towns."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.claims import parse
from newsaudit.claims.places import find_places
from newsaudit.reference.gazetteer import fold, skeleton
from newsaudit.reference.resources import default_resources

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
KYIV, KOSTYANTYNIVKA, DONETSK, KHARKIV, READING_GB = 703448, 705104, 709717, 706483, 2639577


@pytest.fixture(scope="module")
def gazetteer():
    return default_resources().gazetteer


@pytest.fixture(scope="module")
def places_text() -> str:
    return (FIXTURES / "claims_places.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("spelling", ["Kyiv", "Kiev", "Kyiv’s", "KYIV"])
def test_kyiv_spellings_resolve_to_one_geonames_id(gazetteer, spelling):
    assert gazetteer.resolve(spelling).geonames_id == KYIV


@pytest.mark.parametrize("spelling", ["Kostiantynivka", "Kostyantynivka"])
def test_transliterations_of_kostyantynivka_reach_the_town_not_a_village(gazetteer, spelling):
    assert gazetteer.resolve(spelling, "UA").geonames_id == KOSTYANTYNIVKA


def test_region_words_resolve_to_the_division_or_through_the_regional_centre(gazetteer):
    donetsk = gazetteer.resolve("Donetsk region", "UA")
    rostov = gazetteer.resolve("Rostov Oblast")
    assert (donetsk.geonames_id, donetsk.kind, donetsk.country) == (DONETSK, "region", "UA")
    assert (rostov.kind, rostov.feature, rostov.country) == ("region", "ADM1", "RU")  # the oblast's own record
    assert abs(rostov.lat - 47.7) < 1.5 and abs(rostov.lon - 41.0) < 2.5


def test_the_articles_country_breaks_a_tie_between_same_name_towns(gazetteer):
    assert gazetteer.resolve("Pokrovsk", "RU").country == "RU"
    assert gazetteer.resolve("Pokrovsk", "UA").country == "UA"


def test_without_context_the_bigger_place_wins(gazetteer):
    assert gazetteer.resolve("Reading").geonames_id == READING_GB


def test_country_short_forms_resolve_to_countries(gazetteer):
    assert gazetteer.resolve("U.S.").country == "US"
    assert gazetteer.resolve("UK").kind == "country"


def test_names_that_are_no_place_do_not_resolve(gazetteer):
    assert gazetteer.resolve("Trump") is None


def test_fold_and_skeleton_ignore_diacritics_apostrophes_and_y_i():
    assert fold("Slov’yans’k") == fold("Slovyansk") == "slovyansk"
    assert skeleton("Slov'yans'k") == skeleton("Sloviansk")


def test_places_in_the_fixture_are_found_with_offsets(gazetteer, places_text):
    doc = parse(places_text, default_resources().nlp)
    places = find_places(places_text, gazetteer, doc)
    for place in places:
        assert places_text[place.char_start:place.char_end] == place.text
    found = {(p.text, p.geonames_id) for p in places}
    assert {("Kiev", KYIV), ("Kyiv", KYIV), ("Kostiantynivka", KOSTYANTYNIVKA),
            ("Kostyantynivka", KOSTYANTYNIVKA), ("Donetsk region", DONETSK), ("Kharkiv", KHARKIV)} <= found
    assert {"Kramatorsk", "Sloviansk", "Druzhkivka", "Belgorod Oblast", "United Kingdom"} <= {p.text for p in places}


def test_common_words_and_person_names_are_not_places(gazetteer, places_text):
    doc = parse(places_text, default_resources().nlp)
    places = find_places(places_text, gazetteer, doc)
    starts = {p.char_start for p in places}
    for word in ("Reading the", "March", "Mobile", "Trump", "Marchenko"):
        assert places_text.index(word) not in starts, word
    assert places_text.index("Reading,") in starts  # "in Reading," is the town


def test_without_spacy_places_still_come_from_cues_and_the_gazetteer(gazetteer, places_text):
    places = find_places(places_text, gazetteer, None)
    texts = [p.text for p in places]
    assert "Donetsk region" in texts and "Kiev" in texts and "Kharkiv" in texts
    assert "Mobile" not in texts and "March" not in texts

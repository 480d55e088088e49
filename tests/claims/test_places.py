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


def _places(text: str):
    resources = default_resources()
    return find_places(text, resources.gazetteer, parse(text, resources.nlp))


def _by_text(places):
    return {p.text: p for p in places}


def test_capitalised_common_words_are_never_geocoded():
    text = ("Fans of The Last of Us lined up at dawn. Show More. But she said the Holiday Classic "
            "tournament moved to Liberty University this year, starting Nov. 3 in Lynchburg.")
    found = _by_text(_places(text))
    assert not {"Us", "More", "But", "She", "Holiday", "Liberty", "Nov"} & set(found)
    assert "Lynchburg" in found


def test_short_forms_of_countries_and_the_union_are_places_but_a_shouted_pronoun_is_not():
    text = ("The US and the U.S. Treasury disagreed with the UK, and the EU stayed silent.\n"
            "TELL US WHAT YOU THINK OF THIS STORY\n")
    found = _places(text)
    assert [p.text for p in found] == ["US", "U.S.", "UK", "EU"]
    assert [p.country for p in found[:3]] == ["US", "US", "GB"] and found[3].name == "European Union"


def test_demonyms_point_to_their_country_or_continent_and_languages_do_not():
    text = "Russian forces pushed west while European ministers met; the leaflets were printed in French."
    found = _by_text(_places(text))
    assert (found["Russian"].country, found["Russian"].role) == ("RU", "demonym")
    assert (found["European"].name, found["European"].kind, found["European"].role) == ("Europe", "continent", "demonym")
    assert "French" not in found


def test_a_capital_or_country_that_speaks_is_metonymy():
    text = "Moscow said on Tuesday that the talks had failed. Tourists still flock to Moscow in summer."
    roles = [(p.text, p.role) for p in _places(text)]
    assert roles == [("Moscow", "metonymy"), ("Moscow", "literal")]


def test_a_state_after_a_town_picks_the_namesake_and_is_a_place_itself():
    text = "The fire started near Paris, Texas, and a second one near Athens, Ga., on the same night."
    found = _by_text(_places(text))
    assert (found["Paris"].country, found["Paris"].admin1) == ("US", "Texas")
    assert (found["Athens"].country, found["Athens"].admin1) == ("US", "Georgia")
    assert (found["Ga."].name, found["Ga."].feature) == ("Georgia", "ADM1")


def test_the_articles_other_places_decide_between_namesakes():
    american = _by_text(_places("Storms hit Atlanta and Savannah before moving across Georgia toward Ohio."))
    caucasus = _by_text(_places("Troops from Russia crossed into Georgia, and Tbilisi braced for more shelling."))
    assert (american["Georgia"].country, american["Georgia"].feature) == ("US", "ADM1")
    assert (caucasus["Georgia"].country, caucasus["Georgia"].kind) == ("GE", "country")
    canada = _by_text(_places("Ministers flew from Ottawa to Toronto after the Canada summit in Montreal."))
    assert canada["Toronto"].country == "CA" and canada["Ottawa"].country == "CA"
    world = _by_text(_places("Prices rose in Paris and Berlin as France and Germany argued over the budget."))
    assert world["Paris"].country == "FR"


def test_washington_state_is_the_state_and_asia_is_the_continent():
    found = _by_text(_places("Apple growers in Washington State ship most of their crop to Asia."))
    assert found["Washington State"].feature == "ADM1" and found["Washington State"].lat > 45
    assert found["Asia"].kind == "continent"


def test_a_place_in_a_disease_name_is_not_a_place():
    found = _by_text(_places("Health officials in Ohio confirmed two cases of West Nile virus this week."))
    assert "West Nile" not in found and "Ohio" in found


def test_mentions_get_ids_in_text_order():
    found = _places("Floods reached Kramatorsk, Sloviansk and Kostyantynivka before Kharkiv.")
    assert [p.id for p in found] == [f"p{i}" for i in range(1, len(found) + 1)]
    assert [p.text for p in found] == ["Kramatorsk", "Sloviansk", "Kostyantynivka", "Kharkiv"]


def test_streets_and_numbered_roads_are_places_without_a_point():
    found = _by_text(_places("The crash closed Highway 10 near Walnut Street on Tuesday, deputies in Ohio said."))
    assert (found["Highway 10"].kind, found["Highway 10"].feature, found["Highway 10"].lat) == ("street", "RD", None)
    assert found["Walnut Street"].feature == "ST"


def test_the_state_the_article_names_most_decides_a_county_shared_by_many_states():
    text = ("Boone County trustees met on Monday. Indiana lawmakers want Indiana counties to share "
            "the cost, and the Indiana budget office agreed; a Kentucky official disagreed.")
    found = _by_text(_places(text))
    assert (found["Boone County"].admin1, found["Boone County"].feature) == ("Indiana", "ADM2")


def test_a_state_after_one_mention_of_a_town_holds_for_the_others():
    text = "Springfield's budget is short. In Springfield, Ohio, the council met again on Tuesday."
    readings = {(p.admin1, p.country) for p in _places(text) if p.text == "Springfield"}
    assert readings == {("Ohio", "US")}


def test_names_listed_before_counties_are_counties():
    text = "Snow closed schools in Becker, Clay and Otter Tail counties in Minnesota on Friday."
    found = _by_text(_places(text))
    assert (found["Clay"].name, found["Clay"].feature, found["Clay"].admin1) == ("Clay County", "ADM2", "Minnesota")


def test_a_country_named_exactly_beats_a_city_read_through_an_alternate_name(gazetteer):
    assert gazetteer.resolve("Mexico").kind == "country"
    assert gazetteer.resolve("Congo").country == "CD"
    assert gazetteer.resolve("Netherlands").country == "NL"
    new_york = gazetteer.resolve("New York", "US")
    assert new_york.feature == "ADM1" and new_york.lat > 42  # the state's own point, not the city's
    assert gazetteer.resolve("England").feature == "ADM1"


def test_the_outlets_country_comes_from_its_table_row_or_its_country_suffix():
    from newsaudit.claims.places import home_country

    outlets = default_resources().outlets
    assert home_country("www.nytimes.com", outlets) == "US"
    assert home_country("localpaper.co.uk", outlets) == "GB" and home_country("gazette.ca") == "CA"
    assert home_country("example-news.com") is None and home_country("station.fm") is None and home_country(None) is None


def test_the_outlets_country_breaks_a_tie_the_text_leaves_open():
    text = "Perth council members met on Monday to discuss the new bus routes."
    gazetteer = default_resources().gazetteer
    assert _by_text(find_places(text, gazetteer, None))["Perth"].country == "AU"
    assert _by_text(find_places(text, gazetteer, None, home="GB"))["Perth"].country == "GB"


def test_a_persons_name_the_model_labels_a_place_is_no_place_when_no_gazetteer_knows_it(gazetteer):
    from newsaudit.claims import Entity, Parsed

    text = "Minister Ilvana Quorresk spoke in Lisbon. The talks went ahead sans Quorresk on Monday."
    at = text.rindex("Quorresk")
    doc = Parsed(text, (Entity(9, 24, "PERSON", "Ilvana Quorresk"), Entity(34, 40, "GPE", "Lisbon"),
                        Entity(at, at + 8, "GPE", "Quorresk")))
    names = {p.text for p in find_places(text, gazetteer, doc, ["Ilvana Quorresk"])}
    assert "Lisbon" in names and "Quorresk" not in names


def test_a_town_and_a_county_named_together_are_read_where_they_lie_side_by_side():
    # Richmond and Madison County both exist in many states; Kentucky's lie together, the
    # biggest Richmond (Virginia) is 100 km from Virginia's Madison County.
    found = _by_text(_places("Deputies in Richmond said the fire spread to a barn elsewhere in Madison County overnight."))
    assert (found["Richmond"].admin1, found["Madison County"].admin1) == ("Kentucky", "Kentucky")
    found = _by_text(_places("The mayor of Paris said the Henry County road crews worked through the night."))
    assert (found["Paris"].country, found["Paris"].admin1, found["Henry County"].admin1) == ("US", "Tennessee", "Tennessee")


def test_neighbour_support_counts_other_names_close_by_and_discounts_common_ones(gazetteer):
    from newsaudit.reference.gazetteer import neighbour_support

    readings = {"richmond": gazetteer.candidates("Richmond"), "madison county": gazetteer.candidates("Madison County")}
    support = neighbour_support(readings)
    by_state = {c.admin1: support.get((c.lat, c.lon), 0.0) for c in readings["richmond"] if c.country == "US"}
    assert by_state["Kentucky"] > 0 and by_state.get("Virginia", 0.0) == 0
    assert max(support.values()) < 1  # both names have many namesakes: chance is discounted
    assert neighbour_support({"richmond": readings["richmond"]}) == {}


def test_state_and_province_abbreviations_are_the_states_after_a_town_or_where_labelled_a_place():
    text = ("A Ga. pastor was charged on Monday. A couple from Thackerville, Okla. drove north, "
            "and a W.Va. senator and a B.C. premier spoke later.")
    found = _by_text(_places(text))
    assert {(found[k].name, found[k].country, found[k].feature) for k in ("Ga.", "Okla.", "W.Va.", "B.C.")} == {
        ("Georgia", "US", "ADM1"), ("Oklahoma", "US", "ADM1"), ("West Virginia", "US", "ADM1"),
        ("British Columbia", "CA", "ADM1")}
    assert not any(p.text.startswith("Mon") for p in _places("Talks resumed Mon. in Boston."))


def test_a_demonym_inside_a_longer_place_name_is_the_place():
    found = _by_text(_places("Wildfires in British Columbia forced evacuations, and the Dominican Republic sent aid."))
    assert (found["British Columbia"].country, found["British Columbia"].role) == ("CA", "literal")
    assert found["Dominican Republic"].kind == "country" and "British" not in found


def test_names_joined_by_do_and_da_are_one_place():
    found = _by_text(_places("Farmers in Rio Grande do Sul lost their soy crop."))
    assert found["Rio Grande do Sul"].country == "BR"


def test_a_region_outranks_a_small_town_named_after_it_and_old_names_yield_to_own_names(gazetteer):
    assert gazetteer.resolve("Middle East", "US").kind == "region"
    assert gazetteer.resolve("Maryville", "US").name == "Maryville"  # not a town once known by that name
    assert gazetteer.resolve("Cote d'Ivoire").country == "CI"
    albans = gazetteer.resolve("St. Albans", "US")
    assert (albans.name, albans.country) == ("Saint Albans", "US")


def test_a_division_or_a_town_of_one_country_votes_for_it_despite_small_namesakes_abroad(gazetteer):
    from newsaudit.claims.places import _Mention, dominant_country

    def country_of(name: str):
        return dominant_country([_Mention(0, len(name), len(name), name, False)], gazetteer)

    assert country_of("Ontario") == "CA"  # Ontario, California is a fraction of the province
    assert country_of("Pineville") == "US"  # towns of one country, one of them over 10,000 people
    assert country_of("Paris") is None  # sizeable towns of the name lie in many countries


def test_country_names_with_of_the_and_and_are_read_whole():
    text = "Aid reached the Democratic Republic of the Congo and the Republic of Congo, then Cape Verde and St. Kitts and Nevis."
    found = _by_text(_places(text))
    assert {found[name].country for name in found} == {"CD", "CG", "CV", "KN"}
    assert "Republic" not in found and "Congo" not in found


def test_no_place_runs_across_a_full_stop_and_a_state_may_open_an_organisations_name():
    found = _by_text(_places("Lawyers met at the Convention Center. City officials said the S.C. Trial Lawyers "
                             "Association paid for it. He moved to St. Louis and then to Ft. Worth."))
    assert "Center. City" not in found and found["S.C."].name == "South Carolina"
    assert found["St. Louis"].admin1 == "Missouri" and found["Ft. Worth"].name == "Fort Worth"


def test_a_locative_cue_keeps_a_town_that_the_model_read_into_a_persons_name_elsewhere(gazetteer):
    from newsaudit.claims import Entity, Parsed

    text = "Chief Huntsville Fire Station crews met. Residents of Huntsville can burn again, said Ann Lee."
    doc = Parsed(text, (Entity(6, 29, "PERSON", "Huntsville Fire Station"), Entity(52, 62, "ORG", "Huntsville"),
                        Entity(87, 94, "PERSON", "Ann Lee")))
    names = {p.text for p in find_places(text, gazetteer, doc, ["Ann Lee"])}
    assert "Huntsville" in names
    speaker = "Officers said Lee Kent spoke. Kent said the crowd in Kent was calm."
    doc = Parsed(speaker, (Entity(14, 22, "PERSON", "Lee Kent"),))
    assert [p.text for p in find_places(speaker, gazetteer, doc, ["Lee Kent"])] == []


def test_names_in_a_list_of_a_countrys_divisions_are_those_divisions():
    text = ("Illnesses were confirmed in Saskatchewan, Alberta, Ontario and New Brunswick last month. "
            "Inspectors also traced cases in Washington, Oregon and California.")
    found = _by_text(_places(text))
    for name, country in (("Ontario", "CA"), ("New Brunswick", "CA"), ("Washington", "US")):
        assert (found[name].feature, found[name].country) == ("ADM1", country), name
    # two names are no list: "Washington, Pennsylvania" is still the town of that state
    found = _by_text(_places("The fire in Washington, Pennsylvania destroyed a warehouse."))
    assert (found["Washington"].kind, found["Washington"].admin1) == ("city", "Pennsylvania")


def test_a_town_the_outlets_domain_names_is_the_outlets_town_unless_the_article_points_abroad():
    gazetteer = default_resources().gazetteer
    text = "Volunteers in Paris planted forty oaks along the creek on Saturday morning."
    assert _by_text(find_places(text, gazetteer, None))["Paris"].country == "FR"
    local = _by_text(find_places(text, gazetteer, None, domain="www.theparisnews.com"))["Paris"]
    assert (local.country, local.kind) == ("US", "city")
    # an outlet of a country with no town of that name says nothing about it
    assert _by_text(find_places(text, gazetteer, None, home="GB", domain="paris-herald.co.uk"))["Paris"].country == "FR"
    abroad = ("The choir from Lyon, Marseille and Toulouse sang in Paris before touring Bordeaux and "
              "Nantes in France.")
    assert _by_text(find_places(abroad, gazetteer, None, domain="theparisnews.com"))["Paris"].country == "FR"
    # a state in the domain is no town of that name
    state = _by_text(find_places("Storms crossed Kansas overnight.", gazetteer, None, domain="kansascity.com"))
    assert state["Kansas"].feature == "ADM1"


def test_a_great_city_outranks_a_village_of_its_name_that_a_named_state_would_pull(gazetteer):
    from newsaudit.reference.gazetteer import Context

    pulled = Context(countries={"US": 1.0}, admin1=frozenset({"new york"}), states={"new york": 0.4})
    assert gazetteer.resolve("Boston", pulled).admin1 == "Massachusetts"
    # an article mostly about one state keeps its village; a state written after a name still narrows
    home = Context(countries={"US": 1.0}, admin1=frozenset({"new york"}), states={"new york": 0.8})
    assert gazetteer.resolve("Boston", home).admin1 == "New York"
    found = _by_text(_places("Snow closed the schools in Boston, N.Y. on Monday."))
    assert found["Boston"].admin1 == "New York"


def test_a_word_that_is_only_another_spelling_of_a_town_needs_a_place_label():
    # "Hamas" is an alternate name of Hamm, "Area" one of Mundelein and "Way" one of Wai
    text = ("Rockets were fired from Hamas positions in Gaza. Residents of the Area met in Dayton, and "
            "volunteers from United Way in Dayton collected food.")
    found = _by_text(_places(text))
    assert not {"Hamas", "Area", "Way"} & set(found)
    assert {"Gaza", "Dayton"} <= set(found)


def test_a_name_of_common_words_only_is_no_place(gazetteer):
    from newsaudit.claims.places import _Mention, _vetoed, _Entities

    text = "The City approved the budget."
    assert "The City" in gazetteer  # some town's other name
    assert _vetoed(_Mention(0, 8, 8, "The City", False), text, _Entities(()), frozenset())


def test_the_common_word_of_a_longer_name_is_not_a_town_of_that_name():
    text = ("Herders in the Rift Valley lost cattle to drought, and ships waited at the Port of Los Angeles "
            "for a week.")
    places = _places(text)
    assert not any(p.name in ("Valley", "Le Port") for p in places)
    rift = [p for p in places if "Rift" in p.text]
    assert [(p.text, p.lat) for p in rift] == [("Rift Valley", None)]  # a valley the gazetteer lacks: no point


def test_a_short_form_after_a_longer_name_reads_as_that_place():
    text = ("Officials from Avondale Estates and Decatur met in DeKalb County. Crews in Avondale repaired "
            "a water main.")
    found = [p for p in _places(text) if p.text.startswith("Avondale")]
    assert [p.text for p in found] == ["Avondale Estates", "Avondale"]
    assert len({p.geonames_id for p in found}) == 1 and found[0].admin1 == "Georgia"


def test_another_spelling_that_opens_with_a_towns_own_name_is_still_read():
    found = [p for p in _places("Road work is expected this week in Athens-Clarke County, the crews said.")
             if p.text.startswith("Athens")]
    assert found and found[0].admin1 == "Georgia"


def test_regions_stand_at_the_points_geonames_gives_them(gazetteer):
    union, middle_east = gazetteer.resolve("EU"), gazetteer.resolve("Middle East")
    assert (round(union.lat), round(union.lon)) == (51, 4)  # Brussels, not a point in Germany
    assert (round(middle_east.lat), round(middle_east.lon)) == (33, 36)


def test_a_town_the_domain_names_places_the_outlet_when_the_article_does_not_name_it(gazetteer):
    text = "Students from several Dublin schools held a parade on Saturday."
    assert _by_text(find_places(text, gazetteer, None, domain="columbuslocalnews.com"))["Dublin"].admin1 == "Ohio"
    assert _by_text(find_places(text, gazetteer, None, domain="example.com"))["Dublin"].country == "IE"


def test_newspaper_words_around_a_domain_town_are_stripped():
    from newsaudit.claims.places import _domain_label, _strip_masthead

    assert _strip_masthead(_domain_label("www.thelancasterandmorecambecitizen.co.uk")) == "lancasterandmorecambe"
    assert _strip_masthead(_domain_label("springfieldnewssun.com")) == "springfield"


def test_x_city_known_only_as_another_name_of_town_x_reads_town_x(gazetteer):
    text = "Members of the Dublin City Council met on Monday in Ohio to hear residents."
    found = _by_text(find_places(text, gazetteer, None))
    assert "Dublin City" not in found and found["Dublin"].admin1 == "Ohio"


def test_a_short_form_beside_its_county_is_the_county_and_casts_no_vote_of_its_own(gazetteer):
    text = "A jogger was hurt in DeKalb County on Tuesday, and DeKalb police are looking for a witness."
    found = _by_text(find_places(text, gazetteer, None))
    assert found["DeKalb County"].admin1 == "Georgia"  # the larger county, not the one holding a town DeKalb
    assert (found["DeKalb"].lat, found["DeKalb"].lon) == (found["DeKalb County"].lat, found["DeKalb County"].lon)


def test_st_mt_and_ft_are_looked_up_as_saint_mount_and_fort(gazetteer):
    town = gazetteer.resolve("St. Paris", "US")
    assert town is not None and town.name == "Saint Paris" and town.admin1 == "Ohio"
    assert "Mt. Vernon" in gazetteer and "Ft. Myers" in gazetteer


def test_a_saints_feast_is_no_place(gazetteer):
    found = _by_text(find_places("Crowds gathered in Ohio for St. Patrick's Day parades.", gazetteer, None))
    assert "St. Patrick" not in found and "Ohio" in found


def test_seas_and_gulfs_are_places_with_a_point(gazetteer):
    found = _by_text(find_places("Swans flew from the Baltic Sea to the Black Sea, and storms hit the Gulf of Mexico.",
                                 gazetteer, None))
    assert {found[name].kind for name in ("Baltic Sea", "Black Sea", "Gulf of Mexico")} == {"region"}
    assert round(found["Black Sea"].lat) == 44 and "Mexico" not in found


def test_a_county_named_as_a_county_is_a_place_inside_the_name_of_its_office():
    # "X County" says what it is: no cue is needed, and the county it names places the town.
    text = ("The Athens police asked for help. Anyone who saw the vandals can call the Henderson County "
            "Crimestoppers line, the department said.")
    found = _by_text(_places(text))
    assert found["Henderson County"].admin1 == "Texas"
    assert "Henderson" not in found


def test_a_river_or_lake_named_after_no_local_place_is_the_feature_without_a_point():
    text = ("Residents of Fargo and Moorhead, Minnesota, watched the Red River rise again on Friday. "
            "Sailors crossed Lake Ontario and Lake Vermont the same week.")
    found = _by_text(_places(text))
    assert found["Red River"].lat is None and "Red" not in found
    assert found["Lake Ontario"].lat is None and found["Lake Vermont"].lat is None
    assert "Ontario" not in found and "Vermont" not in found
    assert found["Fargo"].admin1 == "North Dakota"


def test_a_dateline_in_capitals_before_a_dash_or_colon_is_a_place():
    text = ("Council race heats up. CROMWELL — The third candidate filed on Monday. "
            "March 29, 2009 PATASKALA -- City officials say the levy will pass. "
            "He wrote THE END — and left.")
    found = _by_text(_places(text))
    assert found["CROMWELL"].admin1 == "Connecticut"
    assert found["PATASKALA"].admin1 == "Ohio"
    assert "THE END" not in found and "END" not in found


def test_a_great_island_is_a_place_at_its_middle_not_a_village_of_its_name(gazetteer):
    # Java is also a village in Georgia; "the island of" is a cue like "the town of".
    found = _by_text(_places("A tsunami struck the Indonesian island of Java on Monday, and Java's south coast was hit."))
    assert found["Java"].kind == "region" and round(found["Java"].lat) == -8
    assert gazetteer.resolve("Java province").country != "GE"


def _read(text: str) -> list[tuple[str, object]]:
    nlp = default_resources().nlp
    return [(p.text, p.country) for p in find_places(text, default_resources().gazetteer, parse(text, nlp))]


def test_a_country_written_after_a_name_chooses_its_namesake():
    # An American outlet's story: the Aberdeen of the UK, not Aberdeen, South Dakota.
    text = ("A man in Ohio fell ill last winter. Doctors at the Aberdeen Royal Infirmary in the UK later "
            "found the cause, and a clinic in Texas confirmed it.")
    assert ("Aberdeen", "GB") in _read(text)


def test_a_list_of_countries_is_not_a_town_and_its_country():
    assert ("Niger", "NE") in _read("Health workers reported new cases in Niger, Nigeria and Togo this week.")


def test_a_name_the_gazetteer_lacks_needs_place_evidence():
    # The small model calls "Netflix" and "Diwali" places; with no place word around them they are not.
    text = ("Fans can watch it on Netflix from Friday. Since Diwali, the air has been bad, "
            "and fans in Zorvatka stayed home.")
    found = [name for name, _country in _read(text)]
    assert "Netflix" not in found and "Diwali" not in found
    assert "Zorvatka" in found  # "in": evidence for a name no gazetteer knows


def test_the_state_of_a_name_reads_the_state_for_every_mention():
    text = ("Farmers in the state of Washington lost hay to the fire. Washington officials said the "
            "orchards would be replanted next spring.")
    readings = {(p.feature, p.country, round(p.lon)) for p in _places(text) if p.text == "Washington"}
    assert readings == {("ADM1", "US", -120)}  # the state, not the capital 3,700 km east


def test_a_state_after_a_town_takes_the_town_of_that_own_name():
    # Another West Virginia town lists "Philippi" as an old name; the town called Philippi wins.
    found = _by_text(_places("A teacher from Philippi, West Virginia, won the award on Friday."))
    assert (found["Philippi"].name, found["Philippi"].admin1) == ("Philippi", "West Virginia")


def test_divisions_known_only_by_their_towns_are_divisions(gazetteer):
    west_java = gazetteer.resolve("West Java", "ID")  # countrystatecity spells it "Jawa Barat"
    assert (west_java.feature, west_java.country) == ("ADM1", "ID")
    assert abs(west_java.lat + 6.9) < 1.0 and abs(west_java.lon - 107.6) < 1.5
    assert (gazetteer.resolve("Hedmark").feature, gazetteer.resolve("Hedmark").country) == ("ADM1", "NO")
    assert gazetteer.resolve("Kasai Occidental").country == "CD"  # "Kasai-Occidental", written without the hyphen
    assert gazetteer.resolve("Kharkiv", "UA").kind == "city"  # a region named after its capital stays the town
    assert not any(c.feature == "ADM1" and c.country == "GM" for c in gazetteer.candidates("Western"))


def test_only_the_capital_itself_is_tagged_the_capital(gazetteer):
    capitals = [c for c in gazetteer.candidates("Washington") if c.feature == "PPLC"]
    assert [(c.country, round(c.lat), round(c.lon)) for c in capitals] == [("US", 39, -77)]


def test_a_division_named_by_a_common_word_needs_its_type_word(gazetteer):
    # Cameroon's "Southwest", Papua New Guinea's "Gulf", Russia's "Jewish" region: adjectives and nouns in news.
    for word in ("Southwest", "Gulf", "Jewish"):
        assert not any(c.feature == "ADM1" for c in gazetteer.candidates(word)), word
    assert gazetteer.resolve("Gulf Province").country == "PG"
    found = {p.text for p in _places("The Jewish community of Southwest Denver met on Sunday.")}
    assert not {"Jewish", "Southwest"} & found and "Denver" in found

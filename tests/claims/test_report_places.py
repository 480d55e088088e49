"""The report lists every place mention at article level, and claims point to the same entries."""

from __future__ import annotations

import newsaudit

TEXT = (
    "Heavy rain closed roads across Ohio on Monday, the state transport department said.\n\n"
    "Crews in Columbus cleared 40 fallen trees by noon, and schools in Dayton stayed shut.\n\n"
    "Residents of Springfield, Ohio, described the storm as the worst in a decade, while forecasters "
    "in Cincinnati expected calmer weather by the weekend.\n"
)


def test_report_places_cover_the_body_and_claims_reference_them():
    report = newsaudit.audit(TEXT)
    by_id = {place.id: place for place in report.places}
    assert len(by_id) == len(report.places)
    assert {"Ohio", "Columbus", "Dayton", "Springfield", "Cincinnati"} <= {p.text for p in report.places}
    for place in report.places:
        assert report.article.text[place.char_start:place.char_end] == place.text
    in_claims = [place for claim in report.claims for place in claim.places]
    assert in_claims and all(by_id[place.id] == place for place in in_claims)
    springfield = next(p for p in report.places if p.text == "Springfield")
    assert (springfield.country, springfield.admin1) == ("US", "Ohio")


def test_places_survive_a_round_trip_through_json():
    report = newsaudit.audit(TEXT)
    again = newsaudit.Report.from_json(report.to_json())
    assert again.places == report.places
    assert report.to_dict()["places"][0].keys() >= {"id", "text", "name", "country", "lat", "lon", "geonames_id",
                                                     "feature", "admin1", "role", "char_start", "char_end"}

"""Agency file names, picture IDs and credits: what each shape says, and prose that is none."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from newsaudit.text.wire import find_agency, parse_wire_filename


@pytest.mark.parametrize(
    ("name", "agency", "filed", "picture_id"),
    [
        ("2024 10 06T085017Z 1891037141 RC21DAA9JBJU RTRMADP 3 UKRAINE-CRISIS DONETSK", "Reuters", date(2024, 10, 6),
         "RC21DAA9JBJU"),
        ("2024-10-06T085017Z_1891037141_RC21DAA9JBJU_RTRMADP_3_UKRAINE-CRISIS.JPG", "Reuters", date(2024, 10, 6),
         "RC21DAA9JBJU"),
        ("2019-03-02T101500Z_1_LYNXMPEF2104Z_RTROPTP_4_FRANCE-PROTESTS.JPG", "Reuters", date(2019, 3, 2),
         "LYNXMPEF2104Z"),
        ("RC2XK7A9QWEE", "Reuters", None, "RC2XK7A9QWEE"),
        ("RTX7ZQ4B", "Reuters", None, "RTX7ZQ4B"),
        ("AP24123456789012", "AP", date(2024, 5, 2), "AP24123456789012"),
        ("AFP_34XY7Z", "AFP", None, "AFP_34XY7Z"),
        ("000_36KX4LQ.jpg", "AFP", None, "000_36KX4LQ"),
        ("GettyImages-1234567890.jpg", "Getty Images", None, "GettyImages-1234567890"),
        ("IMG_1234.JPG", None, None, "IMG_1234.JPG"),
        ("DSC01234.jpg", None, None, "DSC01234.jpg"),
        ("PXL_20240305_101112345.jpg", None, date(2024, 3, 5), "PXL_20240305_101112345.jpg"),
    ],
)
def test_agency_and_camera_names_give_agency_date_and_id(name, agency, filed, picture_id):
    found = parse_wire_filename(name)
    assert found is not None
    assert (found.agency, found.date) == (agency, filed)
    assert picture_id in found.ids
    assert found.raw == name and found.rest == ""


def test_aptopix_slug_is_an_ap_name_without_a_date():
    found = parse_wire_filename("APTOPIX Israel Palestinians")
    assert found is not None and found.agency == "AP" and found.date is None


def test_epa_caption_keeps_the_id_as_the_name_and_the_caption_as_rest():
    found = parse_wire_filename("epa11234567 Workers install a siphon pipe above Sulden, Italy, 02 September 2025. "
                                "EPA-EFE/CARLO RIEDER")
    assert found is not None and found.agency == "EPA"
    assert found.raw == "epa11234567"
    assert found.rest.startswith("Workers install a siphon pipe")


def test_ap_number_with_an_impossible_day_of_year_has_no_date():
    found = parse_wire_filename("AP24399123456789")
    assert found is not None and found.agency == "AP" and found.date is None


@pytest.mark.parametrize(
    "line",
    [
        "The photographer filed it as AP24123456789012 on Monday.",
        "RTRMADP is the name of the Reuters picture feed, the editor explained to readers.",
        "A man walks down a war-ravaged street in Pokrovsk.",
        "Reuters reported the attack.",
        "APPLE",
        "Getty Images",
        "The Road to Ruin: Pokrovsk's Strategic Crucible",
        "",
    ],
)
def test_prose_and_names_without_an_id_are_not_file_names(line):
    assert parse_wire_filename(line) is None


@pytest.mark.parametrize(
    ("credit", "agency"),
    [
        ("Serhii Nuzhnenko/Radio Free Europe/Radio Liberty via Reuters", "Reuters"),
        ("AP Photo/Tom Reyes", "AP"),
        ("Jonas Weber/AFP via Getty Images", "Getty Images"),
        ("Lena Park/AFP", "AFP"),
        ("EPA-EFE/CARLO RIEDER", "EPA"),
        ("REUTERS/Gleb Garanich", "Reuters"),
        ("Anadolu Agency", "Anadolu"),
        ("Anton Shtuka/NPR", None),
        ("Marta Lind / Millbrook Courier", None),
        (None, None),
    ],
)
def test_find_agency_names_the_distributing_agency(credit, agency):
    assert find_agency(credit) == agency


@given(
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    sequence=st.integers(min_value=1, max_value=9_999_999_999),
    picture=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=10, max_size=10),
    separator=st.sampled_from([" ", "_"]),
    date_separator=st.sampled_from(["-", " "]),
)
def test_reuters_names_decode_their_filing_date_however_flattened(day, sequence, picture, separator, date_separator):
    stamp = day.strftime(f"%Y{date_separator}%m{date_separator}%dT085017Z")
    name = separator.join([stamp, str(sequence), "RC" + picture, "RTRMADP", "3", "UKRAINE-CRISIS"])
    found = parse_wire_filename(name)
    assert found is not None and found.agency == "Reuters"
    assert found.date == day and found.ids == ("RC" + picture,)


@given(day=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
       sequence=st.integers(min_value=100_000, max_value=999_999_999))
def test_ap_numbers_decode_year_and_day_of_year(day, sequence):
    day_of_year = (day - date(day.year, 1, 1)).days + 1
    found = parse_wire_filename(f"AP{day.year % 100:02d}{day_of_year:03d}{sequence}")
    assert found is not None
    assert found.date == date(2000 + day.year % 100, 1, 1) + timedelta(days=day_of_year - 1)


@given(st.lists(st.sampled_from("the a man walks down street in town of river board votes to rebuild pier".split()),
                min_size=6, max_size=30))
def test_lower_case_prose_is_never_a_file_name(words):
    assert parse_wire_filename(" ".join(words)) is None

"""Media checks: agency file names left as text, and pictures older than the article."""

from __future__ import annotations

from datetime import date

import pytest

from newsaudit.checks import media
from newsaudit.model import Article, InputInfo, Media, Report, Tool
from newsaudit.reference.resources import Resources

RESOURCES = Resources()


def make_report(*pictures: Media, kind: str = "text", published: str | None = "2025-06-12",
                source: str = "metadata", text: str = "Body text of the article.") -> Report:
    article = Article(None, None, None, "A headline", "Ana Ruiz", published, source if published else None,
                      text, media=pictures)
    return Report(Tool("newsaudit", "test"), InputInfo("-", kind, "0"), article)


def picture(caption=None, alt=None, credit=None, date=None, file_name=None, agency=None) -> Media:
    return Media(caption, alt, credit, date, file_name, agency)


def codes(check, report: Report) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in check(report, RESOURCES)]


# --- media.wire_filename -------------------------------------------------------------------

def test_a_reuters_file_name_names_the_agency_and_the_date_it_encodes():
    name = "2023-02-14T101500Z_1_RC2XYZ9A1B2C_RTRMADP_3_TURKEY-QUAKE.JPG"
    [finding] = media.check_wire_filenames(make_report(picture("Rescuers at work.", name, "Reuters", None, name)),
                                           RESOURCES)
    assert finding.code == "media.wire_filename" and finding.severity == "medium"
    assert "Reuters" in finding.message and "14 February 2023" in finding.message
    assert finding.evidence[0].where == "media[0]" and finding.evidence[0].text == name


def test_an_ap_number_decodes_its_day_of_the_year():
    [finding] = media.check_wire_filenames(make_report(picture(None, "AP24061123456789", None, None,
                                                               "AP24061123456789")), RESOURCES)
    assert "1 March 2024" in finding.message  # day 61 of a leap year


def test_an_html_alt_attribute_credited_to_the_same_agency_is_only_low():
    pic = picture("Crowds in the square.", "GettyImages-2151234567.jpg", "Jonas Weber/AFP via Getty Images",
                  None, "GettyImages-2151234567.jpg")
    assert codes(media.check_wire_filenames, make_report(pic, kind="html")) == [("media.wire_filename", "low")]
    assert codes(media.check_wire_filenames, make_report(pic, kind="text")) == [("media.wire_filename", "medium")]


def test_an_alt_attribute_is_low_whenever_the_picture_is_credited_and_medium_when_nobody_is():
    name = "GettyImages-1187654321.jpg"
    credited = picture("Bacteria seen under a microscope.", name, "(KIM LARSEN/SCIENCE IMAGE LIBRARY)", None, name)
    uncredited = picture("Bacteria seen under a microscope.", name, None, None, name)
    assert codes(media.check_wire_filenames, make_report(credited, kind="html")) == [("media.wire_filename", "low")]
    assert codes(media.check_wire_filenames, make_report(uncredited, kind="html")) == [
        ("media.wire_filename", "medium")]


def test_an_id_that_opens_the_caption_is_shown_to_readers():
    pic = picture("epa11800001 Firefighters at work in Carvell.", None, "EPA-EFE/JOHN MARLOW", None, "epa11800001")
    [finding] = media.check_wire_filenames(make_report(pic, kind="html"), RESOURCES)
    assert finding.severity == "medium" and "as its caption" in finding.message


def test_camera_file_names_and_plain_captions_are_no_agencys():
    pics = (picture("Residents at the meeting.", "IMG_4821.JPG", None, None, "IMG_4821.JPG"),
            picture("Residents at the meeting.", "Residents at the meeting", "Ana Ruiz"))
    assert codes(media.check_wire_filenames, make_report(*pics)) == []


# --- media.stale ---------------------------------------------------------------------------

def test_a_picture_dated_years_before_the_article_says_how_long():
    pic = picture("Flooded streets in Derna on Sept. 12, 2023.", date="2023-09-12")
    [finding] = media.check_stale_media(make_report(pic), RESOURCES)
    assert finding.severity == "medium" and "1 year and 9 months" in finding.message
    assert "12 September 2023" in finding.message and finding.refs[0].detail.startswith("2025-06-12")


def test_a_few_months_is_low_and_a_few_weeks_is_nothing():
    assert codes(media.check_stale_media, make_report(picture("A march.", date="2025-03-01"))) == [
        ("media.stale", "low")]
    assert codes(media.check_stale_media, make_report(picture("A march.", date="2025-05-20"))) == []


def test_a_picture_the_caption_marks_as_an_archive_one_is_disclosed():
    for caption in ("FILE - Flood waters in Derna, Sept. 12, 2023.", "A file photo of the dam from 2019."):
        assert codes(media.check_stale_media, make_report(picture(caption, date="2019-05-01"))) == []


def test_an_archive_mark_in_the_alt_text_or_the_credit_discloses_it_too():
    in_alt = picture("A sign outside the office tower.", "FILE PHOTO: A sign outside the office tower in Leeds, "
                     "March 3, 2024.", "Reuters", "2024-03-03")
    in_credit = picture("A sign outside the office tower, March 3, 2024.", None, "REUTERS/Ines Walker/File Photo",
                        "2024-03-03")
    for pic in (in_alt, in_credit):
        assert codes(media.check_stale_media, make_report(pic)) == []


def test_a_picture_of_a_year_the_story_speaks_of_is_only_low():
    pic = picture("Nurses at the clinic in Tamworth on May 2, 2024.", date="2024-05-02")
    recalls = "Three nurses left the clinic during the 2024 outbreak, and the county never replaced them."
    assert codes(media.check_stale_media, make_report(pic, text=recalls)) == [("media.stale", "low")]
    assert codes(media.check_stale_media, make_report(pic)) == [("media.stale", "medium")]


def test_the_file_name_is_named_as_what_dated_the_picture():
    name = "2024-10-06T085017Z_1891037141_RC21DAA9JBJU_RTRMADP_3_UKRAINE-CRISIS.JPG"
    pic = picture("Artillerymen fire towards the front.", name, "Reuters", "2024-10-06", name, "Reuters")
    [finding] = media.check_stale_media(make_report(pic, published="2025-11-07", source="inferred"), RESOURCES)
    assert "by its Reuters file name" in finding.message and "inferred publication date" in finding.message


def test_without_a_publication_date_nothing_is_stale():
    assert codes(media.check_stale_media, make_report(picture("x", date="2001-01-01"), published=None)) == []


@pytest.mark.parametrize("days, words", [(1, "1 day"), (10, "10 days"), (21, "3 weeks"), (150, "5 months"),
                                         (365, "1 year"), (800, "2 years and 2 months")])
def test_span_words(days, words):
    assert media.span_words(days) == words


@pytest.mark.parametrize("text, day, speaks", [
    ("The 2018 flu season was the worst in a decade.", date(2018, 2, 3), True),
    ("Their biggest prize since Avdiivka in early 2024.", date(2024, 12, 19), False),
    ("Their biggest prize since Avdiivka in early 2024.", date(2024, 2, 19), True),
    ("The offensive dates to summer 2024, analysts say.", date(2024, 10, 6), False),
    ("The offensive dates to the summer of 2024.", date(2024, 7, 6), True),
    ("The bridge fell on Dec. 19, 2024, officials said.", date(2024, 12, 19), True),
    ("Prices rose in December 2024 and fell in 2024's last week.", date(2024, 6, 1), True),
    ("Nothing of that year here, only 2023.", date(2024, 6, 1), False),
])
def test_a_story_speaks_of_a_pictures_time_by_its_year_or_a_part_of_it_that_holds_the_day(text, day, speaks):
    from newsaudit.checks.media import speaks_of

    assert speaks_of(text, day) is speaks

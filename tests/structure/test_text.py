"""Flattened pages: each line's class, the clean body and its sections, pictures, furniture."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from newsaudit.text.boilerplate import is_boilerplate, is_menu_row
from newsaudit.structure.text import (
    LABELS, byline_names, classify_lines, looks_like_heading, parse_text, split_credit,
)

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SEED = ROOT.parent / "shared" / "seed"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def labels_of(content: str) -> dict[str, str]:
    return {line.text: line.label for line in classify_lines(content) if line.label != "blank"}


def assert_sections_tile_the_text(article) -> None:
    """Sections are in order, cover the text, and never include a heading's own words."""
    assert article.sections[0].start == 0 and article.sections[-1].end == len(article.text)
    for before, after in zip(article.sections, article.sections[1:]):
        assert article.text[before.end:after.start] == "\n\n"
    for section in article.sections:
        body = article.text[section.start:section.end]
        assert body and body == body.strip()
        if section.heading:
            assert section.heading not in article.text


@pytest.fixture(scope="module")
def local():
    return fixture("text_local_news.txt")


@pytest.fixture(scope="module")
def feature():
    return fixture("text_getty_feature.txt")


@pytest.fixture(scope="module")
def clean():
    return fixture("text_clean.txt")


# --- the seed -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent (../shared is only beside the repo in the project's CI)")
    return parse_text(sorted(SEED.glob("*.txt"))[0].read_text(encoding="utf-8"))


def test_seed_masthead_sections_and_furniture(seed):
    assert seed.outlet == "The New York Budgets" and seed.outlet_source == "text"
    assert seed.headline == "Russian Forces Close In on First Major Victory in Ukraine in Over Two Years"
    assert seed.byline is None and seed.published is None
    assert [s.heading for s in seed.sections] == [
        None, "The Road to Ruin: Pokrovsk\u2019s Strategic Crucible",
        "Washington\u2019s Wild Card: Trump\u2019s Sanctions Gambit"]
    assert "Exit mobile version" in seed.boilerplate
    assert seed.text.startswith("Amid the acrid smoke")
    assert_sections_tile_the_text(seed)


def test_seed_has_two_pictures_and_none_of_their_text_in_the_body(seed):
    assert len(seed.media) == 2
    first, second = seed.media
    assert first.caption.startswith("A man walks down") and "Anton Shtuka/NPR" in first.credit
    assert first.date == "2024-12-19" and "\u00a9" not in first.caption
    assert second.file_name.startswith("2024 10 06T085017Z") and second.agency == "Reuters"
    assert second.date == "2024-10-06" and second.caption.startswith("Ukrainian artillerymen")
    assert "Reuters" in second.credit
    for fragment in ("A man walks down", "Anton Shtuka", "RC21DAA9JBJU", "Ukrainian artillerymen fire", "Nuzhnenko"):
        assert fragment not in seed.text


# --- a local news page: menu, share rows, photo credit line, AP number, link list, cookies ----

def test_local_page_line_classes(local):
    labels = labels_of(local)
    expected = {
        "Skip to content": "boilerplate",
        "Home | News | Sports | Opinion | Obituaries": "boilerplate",
        "The Millbrook Courier": "outlet",
        "Levee Holds as Harlan River Crests Two Feet Below Record": "headline",
        "By Jane Doe": "byline",
        "Published Nov. 3, 2025": "dateline",
        "Share this:": "boilerplate",
        "Facebook Twitter Email": "boilerplate",
        "Photo: Marta Lind / Millbrook Courier": "credit",
        "Advertisement": "boilerplate",
        "How the Levee Held": "section_heading",
        "AP25301512345678": "file_name",
        "What Comes Next for River Street?": "section_heading",
        "Related": "boilerplate",
        "Millbrook Council Approves Levee Inspection Contract": "boilerplate",
        "Tags: flood, Millbrook, Harlan River": "boilerplate",
        "Sign up for our newsletter": "boilerplate",
        "Leave a comment": "boilerplate",
    }
    assert {line: labels[line] for line in expected} == expected
    captions = [line for line, label in labels.items() if label == "caption"]
    assert [c.split()[0] for c in captions] == ["Volunteers", "A"]
    cookie = next(line for line in labels if line.startswith("We use cookies"))
    assert labels[cookie] == "boilerplate"


def test_local_page_article_fields(local):
    article = parse_text(local, url="https://www.millbrookcourier.com/news/levee-holds")
    assert (article.outlet, article.byline, article.domain) == ("The Millbrook Courier", "Jane Doe",
                                                                "millbrookcourier.com")
    assert (article.published, article.published_source) == ("2025-11-03", "text")
    assert article.text.startswith("The Harlan River crested at 21.4 feet")
    assert article.text.endswith("The county will inspect the levee again on Nov. 10.")
    for fragment in ("Volunteers stack", "Marta Lind", "AP25301512345678", "AP Photo", "Advertisement",
                     "Share this", "Related", "cookies", "Tags:", "Millbrook Council Approves"):
        assert fragment not in article.text


def test_local_page_pictures_keep_credit_file_name_and_dates(local):
    sandbags, culvert = parse_text(local).media
    assert sandbags.credit == "Marta Lind / Millbrook Courier" and sandbags.date == "2025-10-28"
    assert sandbags.caption.endswith("behind the old mill.") and sandbags.agency is None
    assert culvert.file_name == culvert.alt == "AP25301512345678" and culvert.agency == "AP"
    assert culvert.credit == "AP Photo/Tom Reyes" and culvert.caption.endswith("near Millbrook.")


def test_local_page_sections_start_at_their_first_paragraph(local):
    article = parse_text(local)
    assert [s.heading for s in article.sections] == [None, "How the Levee Held", "What Comes Next for River Street?"]
    opening, levee, next_steps = article.sections
    assert article.text[opening.start:opening.end].endswith("The warning was lifted at 10 a.m. Sunday.")
    assert article.text[levee.start:].startswith("The levee was raised by three feet")
    assert article.text[next_steps.start:next_steps.end].startswith("Business owners on River Street")
    assert_sections_tile_the_text(article)


# --- a feature page: Getty file name, alt text of a broken image, EPA caption, share buttons ---

def test_feature_page_line_classes(feature):
    labels = labels_of(feature)
    expected = {
        "Menu": "boilerplate", "Culture": "boilerplate", "NORTHLINE REVIEW": "outlet",
        "Inside the Race to Save a Glacier Village From Its Own Meltwater": "headline",
        "By Priya Natarajan and Owen Castell": "byline",
        "GettyImages-2178345561.jpg": "file_name",
        "Aerial view of a turquoise lake beside a gray glacier tongue": "alt",
        "A drone image shows the meltwater lake forming above the village.": "caption",
        "Jonas Weber/AFP via Getty Images": "credit",
        "A Lake Where the Ice Used to Be": "section_heading",
        "What the Village Is Doing": "section_heading",
        "Click to share on Twitter (Opens in new window)": "boilerplate",
        "Like this:": "boilerplate", "Like Loading...": "boilerplate", "Exit mobile version": "boilerplate",
        "You might also like": "boilerplate",  # a link list inside the body: its teasers are not headings
        "Alpine Towns Weigh the Cost of Snowmaking as Winters Warm": "boilerplate",
        "Why Avalanche Forecasters Are Watching the Rain": "boilerplate",
    }
    assert {line: labels[line] for line in expected} == expected
    assert labels[next(line for line in labels if line.startswith("epa11234567"))] == "caption"
    assert labels[next(line for line in labels if line.startswith("Residents walk past"))] == "caption"


def test_feature_page_pictures(feature):
    article = parse_text(feature)
    getty, drone, epa = article.media
    assert getty.file_name == "GettyImages-2178345561.jpg" and getty.agency == "Getty Images"
    assert getty.credit == "Lena Park/Getty Images" and getty.date == "2025-08-14"
    assert getty.caption == "Residents walk past a meltwater channel in Sulden, Italy, on Aug. 14, 2025."
    assert drone.alt == "Aerial view of a turquoise lake beside a gray glacier tongue" and drone.file_name is None
    assert drone.credit == "Jonas Weber/AFP via Getty Images" and drone.date is None
    assert epa.file_name == "epa11234567" and epa.agency == "EPA" and epa.credit == "EPA-EFE/CARLO RIEDER"
    assert epa.caption.startswith("Workers install") and epa.date == "2025-09-02"


def test_feature_page_body_has_no_picture_or_furniture_text(feature):
    article = parse_text(feature)
    assert article.byline == "Priya Natarajan and Owen Castell" and article.published is None
    assert article.text.startswith("For three generations the Kessler family")
    assert article.text.endswith("like the ice.\u201d")
    for fragment in ("Getty", "Aerial view", "drone image shows", "epa1", "Advertisement", "Click to share",
                     "Like Loading", "NORTHLINE", "Skip to content", "Snowmaking", "Avalanche"):
        assert fragment not in article.text
    assert [s.heading for s in article.sections] == [None, "A Lake Where the Ice Used to Be",
                                                     "What the Village Is Doing"]
    assert_sections_tile_the_text(article)


# --- a clean page: nothing may be taken for furniture or a picture ---------------------------

def test_clean_page_has_no_furniture_or_picture_lines(clean):
    labels = labels_of(clean)
    assert set(labels.values()) == {"headline", "byline", "dateline", "body", "section_heading"}
    assert labels["By Tuesday, the board had received more than 400 written comments."] == "body"
    assert labels["Carl Benning"] == labels["Louise Tran"] == "body"  # a list, not headings
    assert labels["Two members voted against the plan:"] == "body"


def test_clean_page_article(clean):
    article = parse_text(clean)
    assert article.outlet is None and article.outlet_source is None
    assert article.headline == "Harbor Board Approves $18 Million Plan to Rebuild Fishing Pier"
    assert article.byline == "Daniel Okafor" and article.published == "2025-11-06"
    assert article.media == () and article.boilerplate == ()
    assert article.text.startswith("PORT ELLIS \u2014 The harbor board voted 5-2")
    assert "sold through Getty Images years ago" in article.text
    assert article.text.endswith("a study of the breakwater at the harbor mouth.")
    assert [s.heading for s in article.sections] == [None, "Who Pays for the Work", "Is the Money Enough?"]
    assert_sections_tile_the_text(article)
    paragraphs = [line.strip() for line in clean.splitlines()[5:] if line.strip()
                  and line.strip() not in ("Who Pays for the Work", "Is the Money Enough?")]
    assert article.text == "\n\n".join(paragraphs)


# --- single rules ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Ukrainian gunners fire a howitzer towards Russian troops. \u00a9 Jane Roe/Radio Liberty via Reuters",
         "Ukrainian gunners fire a howitzer towards Russian troops.", "Jane Roe/Radio Liberty via Reuters"),
        ("A crew clears debris from a culvert on Route 9. (AP Photo/Tom Reyes)",
         "A crew clears debris from a culvert on Route 9.", "AP Photo/Tom Reyes"),
        ("Protesters gather outside parliament on Monday. REUTERS/Jane Roe",
         "Protesters gather outside parliament on Monday.", "REUTERS/Jane Roe"),
        ("Firefighters work at the scene in Lyon. Jean Roux/AFP via Getty Images",
         "Firefighters work at the scene in Lyon.", "Jean Roux/AFP via Getty Images"),
        ("Cattle graze below the glacier in the morning. Photo: Lena Park / Northline",
         "Cattle graze below the glacier in the morning.", "Lena Park / Northline"),
        ("The council may approve and/or delay the vote on Monday.",
         "The council may approve and/or delay the vote on Monday.", None),
    ],
)
def test_split_credit_separates_a_closing_credit(line, caption, credit):
    assert split_credit(line) == (caption, credit)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By Priya Natarajan and Owen Castell", "Priya Natarajan and Owen Castell"),
        ("By JANE DOE | Published Nov. 3, 2025", "JANE DOE"),
        ("By Jane Doe, Associated Press", "Jane Doe, Associated Press"),
        ("By Tuesday, the board had received more than 400 written comments.", None),
        ("By the time crews arrived the road was gone", None),
        ("By November, prices had doubled", None),
    ],
)
def test_byline_names_come_only_from_a_by_line_of_names(line, names):
    assert byline_names(line) == names


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("The Road to Ruin: A Town's Long Decline", True),
        ("What Comes Next for River Street?", True),
        ("Budget talks: where the money goes", True),
        ("The council voted on Monday.", False),
        ("Carl", False),
    ],
)
def test_looks_like_heading(line, heading):
    assert looks_like_heading(line) is heading


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Exit mobile version", True), ("Skip to content", True), ("Share this:", True), ("Related", True),
        ("Sign up for our newsletter", True), ("Follow us on Instagram", True), ("Posted in Local News", True),
        ("Click to share on Twitter (Opens in new window)", True), ("Facebook Twitter WhatsApp Email", True),
        ("Home | World | Business | Sport", True), ("Advertisement", True), ("5 min read", True),
        ("We use cookies to improve your experience on our site. By continuing you agree to our cookie policy and "
         "to the processing of your data as described in it.", True),
        ("Copyright \u00a9 2025 The Millbrook Courier. All rights reserved.", True),
        ("More than 2,000 readers signed up for the newsletter the county sent after the storm, officials said.",
         False),
        ("Related to the pier, the board also approved a study.", False),
        ("Like many towns on the river, Millbrook depends on its levee.", False),
    ],
)
def test_is_boilerplate(line, furniture):
    assert is_boilerplate(line) is furniture


def test_menu_row_shape_needs_several_capitalised_words():
    assert is_menu_row("News Sport Business Culture Opinion")
    assert not is_menu_row("The Millbrook Courier")
    assert not is_menu_row("Levee holds as river crests")


def test_credit_line_before_a_descriptive_caption_is_one_picture():
    page = ("The Daily Lantern\n\nTown Reopens Bridge After Two-Year Repair\n\n"
            "Photo: Sam Ortiz/Reuters\n"
            "Cars cross the rebuilt Elm Street bridge in Dunmore on March 3, 2025.\n\n"
            "The Elm Street bridge reopened to traffic on Monday after a repair that took two years and cost "
            "$6 million, the county said in a statement.\n")
    article = parse_text(page)
    assert len(article.media) == 1
    picture = article.media[0]
    assert picture.credit == "Sam Ortiz/Reuters" and picture.agency == "Reuters" and picture.date == "2025-03-03"
    assert article.text.startswith("The Elm Street bridge reopened")


def test_credit_line_between_paragraphs_does_not_take_quoted_or_attributed_reporting_as_caption():
    page = ("dailylantern.com\nWill the Elm Street Bridge Survive Another Winter?\nBy Sam Ortiz\n"
            "The county reopened the Elm Street bridge on Monday after two years of repairs, but engineers "
            "warned that the deck could need more work within a decade.\n"
            "\u201cWe did what the budget allowed,\u201d county engineer Lisa Grant said on Tuesday.\n"
            "Photo: Sam Ortiz/Reuters\n"
            "Cars cross the rebuilt Elm Street bridge in Dunmore on March 3, 2025.\n"
            "The repair cost $6 million, twice the first estimate, according to county records.\n"
            "Getty Images\n"
            "Residents said they were relieved. The detour had added twenty minutes to many commutes.\n")
    article = parse_text(page)
    assert (article.outlet, article.byline) == ("dailylantern.com", "Sam Ortiz")
    assert article.headline == "Will the Elm Street Bridge Survive Another Winter?"
    bridge, stock = article.media
    assert bridge.caption.startswith("Cars cross") and bridge.credit == "Sam Ortiz/Reuters"
    assert stock.caption is None and stock.credit == "Getty Images"
    for kept in ("budget allowed", "The repair cost $6 million", "Residents said"):
        assert kept in article.text
    assert "Cars cross" not in article.text and "Getty" not in article.text


def test_file_name_line_then_caption_line_is_one_picture_with_the_name_as_alt():
    page = ("A Headline About Harbor Repairs in Port Ellis\n\n"
            "DSC01234.jpg\nWorkers lift a piling onto a barge. Photo: Ana Ruiz\n\n"
            "Work on the harbor began on Monday and is expected to last a year, according to the harbor board.\n")
    (picture,) = parse_text(page).media
    assert (picture.alt, picture.file_name, picture.agency) == ("DSC01234.jpg", "DSC01234.jpg", None)
    assert (picture.caption, picture.credit) == ("Workers lift a piling onto a barge.", "Ana Ruiz")


def test_dated_lines_after_the_first_paragraph_are_body_not_the_dateline():
    page = ("Timeline of the Harbor Repairs in Port Ellis\nBy Jane Doe, Nov. 3, 2025\n\n"
            "The harbor board has argued over the pier for two years. Here is how the dispute unfolded.\n\n"
            "Jan. 5, 2024: Council votes on the plan\nMarch 3, 2025: Engineers report\n"
            "The board voted again on Wednesday, and the plan passed by five votes to two.\n")
    article = parse_text(page)
    assert article.byline == "Jane Doe"
    assert (article.published, article.published_source) == ("2025-11-03", "text")
    assert "Jan. 5, 2024: Council votes on the plan\n\nMarch 3, 2025: Engineers report" in article.text


def test_a_file_name_before_a_reported_paragraph_is_a_picture_without_caption():
    page = ("A Headline About Harbor Repairs in Port Ellis\n\nIMG_1234.JPG\n\n"
            "Work on the harbor began on Monday and will last a year, according to the harbor board.\n\n"
            "More work will follow next spring, officials said.\n")
    article = parse_text(page)
    assert [(m.file_name, m.caption) for m in article.media] == [("IMG_1234.JPG", None)]
    assert article.text.startswith("Work on the harbor began on Monday")


def test_a_fifty_thousand_word_page_parses_well_under_a_second(local, feature):
    body = "\n\n".join([local, feature] * 80)
    assert len(body.split()) >= 50_000
    started = time.perf_counter()
    article = parse_text(body)
    assert time.perf_counter() - started < 1.0
    assert len(article.media) >= 300


# --- properties ------------------------------------------------------------------------------

LINE = st.one_of(
    st.sampled_from(["", "Advertisement", "By Jane Doe", "Photo: Jane Doe/AP", "How the Levee Held",
                     "The board voted on Monday to approve the plan, officials said.", "AP24123456789012",
                     "A man walks down a street on Dec. 19, 2024. \u00a9 Jane Doe/Reuters", "Related",
                     "Short Title Here", "Nov. 6, 2025"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e"
                                   "\x85\u2028\u2029"), max_size=120),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, max_size=40))
def test_every_line_gets_one_known_label_and_keeps_its_text(lines):
    labeled = classify_lines("\n".join(lines))
    assert [line.index for line in labeled] == list(range(max(len(lines), 1)))
    assert all(line.label in LABELS for line in labeled)
    assert [line.text for line in labeled] == [line.strip() for line in (lines or [""])]


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, max_size=40))
def test_body_is_the_body_lines_and_sections_index_into_it(lines):
    content = "\n".join(lines)
    article = parse_text(content)
    body_lines = [line.text for line in classify_lines(content) if line.label == "body"]
    assert article.text == "\n\n".join(body_lines)
    previous_end = -2
    for section in article.sections:
        assert previous_end + 2 <= section.start <= section.end <= len(article.text)
        previous_end = section.end


def test_a_flattened_headline_loses_the_sites_suffix_and_the_byline_its_role_text():
    page = ("The Harbour Herald\n\nFerry pier to close for a year | The Harbour Herald\n\n"
            "By Ann Lee and Bo Chen, Staff Writers | March 3, 2025\n\n"
            "The harbour board voted on Tuesday to close the old ferry pier for repairs that will last a year.\n\n"
            "Commuters will use a temporary landing stage on the north quay while the work goes on.\n")
    article = parse_text(page)
    assert article.headline == "Ferry pier to close for a year"
    assert article.byline == "Ann Lee, Bo Chen"
    assert article.published == "2025-03-03"


def test_a_flattened_german_byline_and_a_reporting_line_are_credits():
    german = ("Hafen schließt alten Fähranleger für ein Jahr\n\nVon Jan Vogel\n\n"
              "Der Hafenrat hat am Dienstag beschlossen, den alten Fähranleger für ein Jahr zu schließen.\n\n"
              "Pendler nutzen während der Arbeiten einen provisorischen Anleger am Nordkai.\n")
    assert parse_text(german).byline == "Jan Vogel"
    wire = ("Harbour board closes old ferry pier for a year\n\n"
            "The harbour board voted on Tuesday to close the old ferry pier for repairs that will last a year.\n\n"
            "Commuters will use a temporary landing stage on the north quay while the work goes on.\n\n"
            "Reporting by Ann Lee; Editing by Bo Chen\n")
    assert parse_text(wire).byline == "Ann Lee"

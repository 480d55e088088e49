"""Byline names: labels, dates, roles and the outlet's name cut; credits the body itself carries."""

from __future__ import annotations

import pytest

from newsaudit.text.bylines import clean_byline, credit_in_text
from newsaudit.text.boilerplate import is_boilerplate

OUTLET = frozenset({"harbourherald", "theharbourherald"})


@pytest.mark.parametrize("raw, expected", [
    ("By Ann Lee", "Ann Lee"),
    ("BY ANN LEE | March 3, 2025", "ANN LEE"),
    ("Von Jan Vogel, 12.03.2021, 10:15 Uhr", "Jan Vogel"),
    ("Par Claire Dubois, publié le 3 mai", "Claire Dubois"),
    ("Ann Lee and Bo Chen", "Ann Lee and Bo Chen"),
    ("Ann Lee; Bo Chen", "Ann Lee, Bo Chen"),
    ("ANN LEE, AP Transport Writer", "ANN LEE"),
    ("Ann Lee, PhD", "Ann Lee"),
    ("Ann Lee on Monday", "Ann Lee"),
    ("Ann Lee News reporter", "Ann Lee"),
    ("Analysis by Ann Lee, Harbour Herald Editor-at-large", "Ann Lee"),
    ("The Harbour Herald; Ann Lee", "Ann Lee"),
    ("The Harbour Herald", "The Harbour Herald"),  # the outlet is the credit when it is the only one
    ("Herald Staff", "Herald Staff"),
    ("Admin", None),
    ("By", None),  # a theme's label with the name left out
    ("Posted", None),
    ("Donnerstag", None),
    ("Datum: 12.03.2021", None),
    ("https://www.facebook.com/harbourherald", None),
    ("The council said on Monday that the pier would close for a year.", None),
])
def test_a_byline_keeps_the_names_alone(raw, expected):
    assert clean_byline(raw, OUTLET) == expected


@pytest.mark.parametrize("text, expected", [
    ("By Ann Lee\n\nThe pier will close for a year, the board said.", "Ann Lee"),
    ("The pier will close for a year, the board said.\n\nReporting by Ann Lee and Bo Chen in Port Ellis; "
     "Editing by Cy Dow", "Ann Lee and Bo Chen"),
    ("PORT ELLIS (Reuters) - The pier will close for a year, the board said.", "Reuters"),
    ("(CNN) -- The pier will close for a year, the board said.", "CNN"),
    ("The pier will close.\n\nBy the end of the year, the board said, the work would be done.", None),
    ("The pier will close for a year, the board said.", None),
])
def test_a_credit_in_the_body_is_found(text, expected):
    assert credit_in_text(text) == expected


@pytest.mark.parametrize("line", [
    "Please enter your date of birth to view this video",
    "You must be 18 or older to view this content",
    "Got a news tip? Email the newsroom.",
    "Sign up for our free morning newsletter to get the top stories delivered to your inbox every day.",
    "By signing up, you agree to our terms and to receive emails from us.",
    "Today's deals",
    "View deal",
])
def test_boxes_set_inside_the_story_are_furniture(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "The council will sign up for the regional transport scheme next year, officials said on Monday.",
    "Residents said they would enter your name into the draw if you asked them at the door.",
    "The deal was signed on Monday after months of talks between the two harbour boards.",
])
def test_prose_that_mentions_the_same_words_is_not_furniture(line):
    assert not is_boilerplate(line)


def test_a_byline_printed_inside_a_meta_line_is_found():
    from newsaudit.text.bylines import INNER_BYLINE

    for line, names in [("27.01.2022 | Ein Artikel von Ann Lee", "Ann Lee"),
                        ("Trending | By Ann Lee | April 13, 2020", "Ann Lee"),
                        ("05.02.2020 - Redaktion: Ann Lee (press officer)", "Ann Lee")]:
        found = INNER_BYLINE.search(line)
        assert found and clean_byline(found["byline"], OUTLET) == names
    assert INNER_BYLINE.search("The pier was built by the council in 1903") is None


def test_a_fuller_credit_printed_later_is_preferred_to_a_tag_with_the_first_author_only():
    from newsaudit.text.bylines import choose_byline

    assert choose_byline(["Ann Lee", "By Ann Lee and Bo Chen | 3 May"], OUTLET) == "Ann Lee and Bo Chen"
    # role text after the names is not a second author, nor is another extractor's joined guess
    assert choose_byline(["Ann Lee", "Posted by Ann Lee, HHB Project Marketing, Harbour"], OUTLET) == "Ann Lee"
    assert choose_byline(["Ann Lee", "Harbour Media; Ann Lee"], OUTLET, guesses=1) == "Ann Lee"


def test_a_name_key_keeps_letters_and_digits_folded_and_drops_accents():
    from newsaudit.text.bylines import name_key

    assert name_key("The Daily-World.com") == "thedailyworldcom"
    assert name_key("Café Müller, Łódź 24") == "cafemullerłodz24"
    assert name_key("STRASSE Straße") == "strassestrasse"
    assert name_key("e\u0301\u20dd①") == "e1"  # a combining acute and an enclosing circle dropped; ① folds to 1
    assert name_key(None) == name_key("") == ""

"""The quick test before the notice phrases never keeps a notice from being found."""

import pytest

from newsaudit.text.boilerplate import NOTICE_PHRASES, is_boilerplate, normalise


@pytest.mark.parametrize("line", [
    "We use cookies to improve your visit to the Harbour Herald, as set out below.",
    "Your email address will not be published. Required fields are marked *",
    "Notify me of follow-up comments by email.",
    "© 2021 Harbour Herald Media Group, a very long line about rights and more rights",
    "Notıfy me of new posts by email.",  # a dotless i: a case-insensitive "i" matches it
    "Your email addreſſ will not be publiſhed.",  # a long s matches "s" in the same way
])
def test_notices_are_found(line):
    assert NOTICE_PHRASES.search(normalise(line))
    assert is_boilerplate(line)


def test_prose_is_not_a_notice():
    line = "The council published its budget on Monday and said the figures would be reviewed in March."
    assert not NOTICE_PHRASES.search(normalise(line)) and not is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Disclaimer: The opinions of the analysts quoted here are their own and not those of this site or its owners.",
    "Get access to the region's most read business briefing, Ledger Plus, for as little as Rs 499 with a subscription.",
    "Subscribe now for just $1 a week and read without limits.",
])
def test_disclaimers_and_subscription_offers_are_furniture(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "The disclaimer on the ballot paper was printed in three languages.",
    "Residents can get access to the reservoir path from next month.",
    "The streaming firm raised its subscription price for just the cheapest plan, analysts said.",
])
def test_prose_about_disclaimers_and_subscriptions_stays(line):
    assert not is_boilerplate(line)


@pytest.mark.parametrize("line, furniture", [
    ("Subscribe to Gadget Weekly on YouTube for more reviews:", True),
    ("Stay tuned for more holiday gift guides!", True),
    ("Follow Harbour News on Instagram", True),
    ("Fans were told to subscribe to the band's channel on YouTube before the tour sold out in a single day.", False),
])
def test_channel_and_follow_up_lines_are_furniture(line, furniture):
    assert is_boilerplate(line) is furniture

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

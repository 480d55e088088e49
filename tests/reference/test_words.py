"""The case-insensitive alternation of a word list matches what the plain one matches."""

import re

import pytest

from newsaudit.reference.words import alternation, caseless_alternation, word_list


@pytest.mark.parametrize("name", ["role_words", "speech_verbs"])
def test_caseless_alternation_finds_the_same_matches(name):
    entries = word_list(name)
    # every entry in three cases, alone, run into the next entry and followed by a name, so that
    # entries that are prefixes of others compete at the same place
    pieces = []
    for first, second in zip(entries, entries[1:] + entries[:1]):
        for word in (first, first.upper(), first.title()):
            pieces.append(f"{word} Ann Lee; {word}{second} and {word} {second}.")
    text = " ".join(pieces)
    plain = re.compile(rf"\b(?i:{alternation(name)})(?=\s+[A-Z])")
    grouped = re.compile(rf"\b(?i:{caseless_alternation(name)})(?=\s+[A-Z])")
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
    anywhere_plain = [m.span() for m in re.finditer(rf"(?i:{alternation(name)})", text)]
    assert [m.span() for m in re.finditer(rf"(?i:{caseless_alternation(name)})", text)] == anywhere_plain
    assert len(anywhere_plain) >= 3 * len(entries)


def test_caseless_alternation_groups_by_first_letter():
    grouped = caseless_alternation("speech_verbs")
    letters = [part[0] for part in re.findall(r"(?:^|\|)([a-z])\(\?:", grouped)]
    assert letters and len(letters) == len(set(letters))  # one group per letter

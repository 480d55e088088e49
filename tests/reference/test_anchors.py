"""The bundled events table (data/anchors.csv): every row valid, and how phrases name its events."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from datetime import date
from importlib import resources as package_files

import pytest

from newsaudit.reference import anchors as A
from newsaudit.reference.anchors import load_anchors, parse_when, words_of

KEY = re.compile(r"[a-z][a-z0-9_]*")
# Phrases news uses for many events: none may be an alias on its own (written here for the test).
COMMON_PHRASES = {
    "war", "the war", "attack", "the attack", "the attacks", "election", "the election", "referendum", "vote",
    "pandemic", "the pandemic", "crisis", "the crisis", "crash", "the crash", "storm", "hurricane", "earthquake",
    "tsunami", "shooting", "disaster", "fire", "flood", "floods", "coup", "revolution", "riots", "invasion",
    "bombing", "massacre", "ruling", "decision", "verdict", "treaty", "deal", "agreement", "recession",
    "financial crisis", "lockdown", "outbreak", "collapse", "strike", "protests", "uprising", "accident",
    "explosion", "blast", "launch", "landing", "independence", "civil war", "cold war", "general election",
    "terror attack", "terrorist attack", "school shooting", "mass shooting", "the war on terror", "the storm",
    "the vote", "the referendum", "the first lockdown", "the end of the war", "the start of the war",
}
# Words too general to make a phrase name one event (besides the matcher's own lists).
GENERAL_WORDS = {"start", "end", "beginning", "day", "year", "years", "time", "era", "years", "crisis", "pandemic",
                 "lockdown", "vote", "cold", "terror", "mass", "general", "snap", "first", "last"}


def bundled_rows() -> list[dict[str, str]]:
    text = package_files.files("newsaudit").joinpath("data/anchors.csv").read_text(encoding="utf-8")
    assert text.startswith("#") and "Wikipedia" in text.split("key,label", 1)[0], "the header says where to verify"
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


ROWS = bundled_rows()


def names(row: dict[str, str]) -> list[str]:
    return [name.strip() for name in row["aliases"].split("|") if name.strip()]


def test_the_table_holds_several_hundred_events() -> None:
    assert len(ROWS) >= 400
    assert len(load_anchors().anchors) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[row["key"] for row in ROWS])
def test_every_row_is_valid(row: dict[str, str]) -> None:
    assert KEY.fullmatch(row["key"]), "keys are snake_case"
    assert row["label"].strip(), "a label says what the event is"
    assert row["kind"] in A.KINDS
    first, last = parse_when(row["date"])  # YYYY-MM-DD, YYYY-MM or YYYY
    assert date(1900, 1, 1) <= first <= last <= date(2025, 12, 31)
    if row["ended"]:
        assert parse_when(row["ended"])[1] >= first, "an event ends after it starts"
    assert names(row), "every event has a name news uses"
    for name in names(row):
        plain = name.lstrip("~?")
        assert plain and plain == plain.strip() and "~" not in plain and "?" not in plain
        if "~" in name[:2]:
            assert row["context"].strip(), f"{name!r} needs context words to be told apart"


def test_keys_are_unique() -> None:
    keys = [row["key"] for row in ROWS]
    assert len(keys) == len(set(keys))


def test_an_alias_names_one_event_unless_marked_shared() -> None:
    holders: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for row in ROWS:
        for name in names(row):
            holders[" ".join(words_of(name.lstrip("~?")))].append((row["key"], "?" in name[:2]))
    for alias, rows in holders.items():
        keys = {key for key, _shared in rows}
        if len(keys) > 1:
            assert all(shared for _key, shared in rows), f"{alias!r} is in {sorted(keys)} without a ? mark"


@pytest.mark.parametrize("row", ROWS, ids=[row["key"] for row in ROWS])
def test_no_alias_is_a_common_phrase(row: dict[str, str]) -> None:
    general = A.FUNCTION_WORDS | A.EVENT_WORDS | A.MODIFIERS | A.TIME_WORDS | A.GENERIC_WORDS | GENERAL_WORDS
    for name in names(row):
        plain = name.lstrip("~?")
        assert plain.lower() not in COMMON_PHRASES and f"the {plain.lower()}" not in COMMON_PHRASES, plain
        if "~" in name[:2]:
            continue  # a gated name counts only beside its context words
        named = re.search(r"(?:^|\s)(?!The\b)[A-Z0-9]", plain)  # a proper name, a number, a date
        distinctive = [w for w in words_of(plain) if w not in general and not w.isdigit()]
        assert named or distinctive, f"{plain!r} has no word that names one event"


def test_the_years_of_a_named_year_agree_with_the_date() -> None:
    for row in ROWS:
        first = parse_when(row["date"])[0]
        last = parse_when(row["ended"])[1] if row["ended"] else parse_when(row["date"])[1]
        for name in names(row):
            for year in re.findall(r"\b(?:19|20)\d{2}\b", name):
                assert first.year <= int(year) <= last.year, f"{row['key']}: {name!r}"


# --- naming events in other words -----------------------------------------------------------

TABLE = load_anchors()
LATE = date(2025, 6, 1)


def keys(phrase: str, article: str = "", published: date = LATE) -> list[str]:
    return [match.anchor.key for match in TABLE.find(phrase, article, published)]


@pytest.mark.parametrize("phrase, key", [
    ("the Sept. 11 attacks, and", "september_11"),
    ("the terrorist attacks of Sept. 11", "september_11"),
    ("the U.S.-led invasion of Iraq", "iraq_war"),
    ("the Brexit referendum", "brexit_referendum"),
    ("the Chernobyl accident", "chernobyl"),
    ("the deadly Chernobyl nuclear accident", "chernobyl"),
    ("the night the Berlin Wall came down", "berlin_wall"),
    ("Lehman Brothers’ bankruptcy", "lehman_collapse"),
    ("Russia invaded Ukraine", "ukraine_full_scale_invasion"),
    ("the attacks in Paris", "paris_attacks_2015"),
    ("the Iran-Iraq war", "iran_iraq_war"),
    ("Iraq's invasion of Kuwait", "kuwait_invasion"),
    ("the Atatürk airport attack", "istanbul_airport_attack"),
])
def test_phrases_name_their_event(phrase: str, key: str) -> None:
    assert keys(phrase)[:1] == [key]


@pytest.mark.parametrize("phrase", [
    "he was stationed at Pearl Harbor",  # a place, not the attack
    "the Mumbai train bombings",  # another event of the same city
    "the train bombings in Mumbai",
    "the second Chernobyl accident",
    "the tsunami", "the war", "the election",
    "a nice attack by the winger",
])
def test_phrases_that_name_no_event_of_the_table(phrase: str) -> None:
    assert keys(phrase) == []


def test_an_event_after_the_publication_date_is_never_meant() -> None:
    assert keys("the Manchester Arena bombing", published=date(2016, 6, 1)) == []
    assert keys("the Manchester Arena bombing", published=date(2018, 6, 1)) == ["manchester_arena"]


def test_a_year_in_the_name_picks_the_event_of_that_year() -> None:
    assert keys("the Haiti earthquake of 2021") == ["haiti_earthquake_2021"]
    assert sorted(keys("the Haiti earthquake")) == ["haiti_earthquake_2010", "haiti_earthquake_2021"]
    assert keys("the Haiti earthquake", published=date(2016, 1, 1)) == ["haiti_earthquake_2010"]


def test_a_gated_name_needs_its_context_words() -> None:
    assert keys("Columbine") == []
    assert keys("Columbine", "The school shooting changed gun laws.") == ["columbine"]


def test_the_end_and_the_start_of_a_lasting_event() -> None:
    [whole] = TABLE.find("the Iraq war", "", LATE)
    [end] = TABLE.find("the Iraq war ended", "", LATE)
    [start] = TABLE.find("the start of the Iraq war", "", LATE)
    assert whole.bounds() == (date(2003, 3, 20), date(2011, 12, 18))
    assert end.bounds() == (date(2011, 12, 18), date(2011, 12, 18))
    assert start.bounds() == (date(2003, 3, 20), date(2003, 3, 20))


def test_a_month_precision_row_spans_its_month() -> None:
    [anchor] = [a for a in TABLE.anchors if a.key == "tet_offensive"]
    assert (anchor.date, anchor.last_start, anchor.precision) == (date(1968, 1, 1), date(1968, 1, 31), "month")


def test_held_out_events_of_the_planted_harness_are_not_in_the_table() -> None:
    from newsaudit.eval.planted import HELD_OUT_EVENTS

    for name, _when in HELD_OUT_EVENTS:
        assert keys(name) == [], name

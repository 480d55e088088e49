"""Quotes and speakers: every attribution construction, continuations, and scare quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.claims import parse
from newsaudit.claims.quotes import find_quotes
from newsaudit.reference.resources import default_resources

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TEXT = (FIXTURES / "claims_quotes.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=["spacy", "rules"])
def quotes(request):
    doc = parse(TEXT, default_resources().nlp) if request.param == "spacy" else None
    return find_quotes(TEXT, doc)


def _quote(quotes, opening: str):
    return next(q for q in quotes if q.text.startswith(opening))


def test_every_quote_span_is_the_quoted_words(quotes):
    for quote in quotes:
        assert TEXT[quote.start:quote.end] == quote.text
        assert quote.direct and not quote.text.endswith(",")


@pytest.mark.parametrize("opening, speaker, cue", [
    ("We counted 14 stalls", "Olena Hrytsenko", "says"),          # "...," X says
    ("Nobody was killed", "Olena Hrytsenko", "says"),              # continued in the next sentence
    ("Every second shell", "Falcon", "told"),                      # "...," X told me (pseudonym)
    ("That tells you", "Falcon", "told"),                          # continued after a narrative sentence
    ("The market handled", "Taras Lysenko", "said"),               # X said, "..."
    ("Insurance covers", "Taras Lysenko", ":"),                    # X: "..."
    ("We reopen on Friday", "Taras Lysenko", "says"),              # pronoun: the latest person named
    ("whatever it takes", "Taras Lysenko", "says"),                # the same sentence goes on
    ("People keep calling", "Olena Hrytsenko", "added"),           # paragraph left open, closed by X
    ("We will rebuild anyway", "Olena Hrytsenko", "added"),
])
def test_speaker_and_cue_for_each_construction(quotes, opening, speaker, cue):
    quote = _quote(quotes, opening)
    assert (quote.speaker, quote.cue) == (speaker, cue)


def test_roles_come_from_titles_and_the_pseudonym_introduction():
    doc = parse(TEXT, default_resources().nlp)
    quotes = find_quotes(TEXT, doc)
    assert _quote(quotes, "We counted").role == "Deputy Mayor"
    assert _quote(quotes, "The market handled").role == "Professor"
    assert _quote(quotes, "Every second shell").role == "sapper with the State Emergency Service"


def test_an_unnamed_officer_is_a_role_not_a_name(quotes):
    quote = _quote(quotes, "Stay behind the tape")
    assert (quote.speaker, quote.role, quote.cue) == (None, "officer", "shouted")


def test_definite_role_resolves_to_the_person_introduced_with_it():
    text = ('A border officer, call him "Lynx," met us at the gate. Later the officer '
            'said, "The crossing closes at six every evening."')
    quote = find_quotes(text)[0]
    assert (quote.speaker, quote.role) == ("Lynx", "border officer")


def test_scare_quotes_and_short_titles_are_not_quotes(quotes):
    texts = {q.text for q in quotes}
    assert not texts & {"Falcon", "quiet war", "resilience plan", "the longest shift", "new normal"}


def test_curly_and_straight_quotes_are_read_alike():
    straight = 'The minister was clear. "We will not sign this deal," Maria Ortiz said.'
    curly = straight.replace('"We', "“We").replace('deal,"', "deal,”")
    assert [(q.text, q.speaker) for q in find_quotes(straight)] == [(q.text, q.speaker) for q in find_quotes(curly)]
    assert find_quotes(curly)[0].speaker == "Maria Ortiz"


def test_says_before_the_name_is_attributed():
    text = "Finance chief Anna Berg spoke last. “Costs rose by a third this year,” says Berg."
    quote = find_quotes(text)[0]
    assert (quote.speaker, quote.cue) == ("Anna Berg", "says")


# --- speakers across sentences, titles, partial quotes, reported speech ----------------------

SPEAKERS = (
    "Mayor Helen Park met the transport minister, Tom Reyes, on Monday. Park has pressed him for months, "
    "and she was blunt afterwards. She said, \u201cThe valley cannot wait another winter for this bridge.\u201d\n\n"
    "Reyes defended the delay. He said the steel order had been placed in March. \u201cWe will not cut corners,\u201d "
    "he said. \u201cSafety comes first.\u201d\n\n"
    "Appearing on the breakfast programme \u201cMorning Valley,\u201d Reyes called the old crossing "
    "\u201ca museum piece\u201d and said repairs were \u201cno longer worth the money.\u201d\n\n"
    "\u201cWe lose customers every week the road is shut,\u201d bakery owner Ines Walker said. "
    "\u201cSome of them have not come back.\u201d\n\n"
    "Park posted a message late on Monday, saying, \u201cI expect a date from the ministry by Friday.\u201d\n\n"
    "The river rose two meters overnight, according to the regional water authority.\n"
)


@pytest.fixture(scope="module", params=["spacy", "rules"])
def speakers(request):
    doc = parse(SPEAKERS, default_resources().nlp) if request.param == "spacy" else None
    return find_quotes(SPEAKERS, doc)


def test_she_is_the_woman_named_before_not_the_latest_man(speakers):
    quote = _quote(speakers, "The valley cannot wait")
    assert quote.speaker == "Helen Park"
    assert SPEAKERS[quote.speaker_start:quote.speaker_end] == "She"


def test_a_quote_after_he_said_stays_his(speakers):
    assert _quote(speakers, "We will not cut").speaker == "Tom Reyes"
    assert _quote(speakers, "Safety comes first").speaker == "Tom Reyes"


def test_titles_and_partial_quotes_are_not_direct_quotes(speakers):
    texts = {q.text for q in speakers if q.direct}
    assert not texts & {"Morning Valley", "a museum piece", "no longer worth the money."}


def test_a_described_name_after_the_quote_is_the_speaker_with_its_role(speakers):
    for opening in ("We lose customers", "Some of them"):
        quote = _quote(speakers, opening)
        assert quote.speaker == "Ines Walker"
        assert quote.role and "owner" in quote.role


def test_saying_after_a_clause_gives_the_clause_subject(speakers):
    assert _quote(speakers, "I expect a date").speaker == "Helen Park"


def test_reported_speech_is_its_own_kind(speakers):
    reported = {q.text: q for q in speakers if not q.direct}
    said = reported["the steel order had been placed in March"]
    assert (said.kind, said.speaker, said.cue) == ("indirect", "Tom Reyes", "said")
    according = reported["The river rose two meters overnight"]
    assert according.kind == "according_to" and according.speaker is None
    assert according.role == "regional water authority"
    for quote in speakers:
        assert SPEAKERS[quote.start:quote.end] == quote.text
        assert quote.direct == (quote.kind == "direct")


def test_mixed_quotation_marks_pair():
    text = "\u201cIt is unusual,\u201c said Rosa Diaz, a lawyer in the city. \u201cIt is also legal.\" The court agreed."
    quotes = [q for q in find_quotes(text) if q.direct]
    assert [q.text for q in quotes] == ["It is unusual", "It is also legal."]
    assert {q.speaker for q in quotes} == {"Rosa Diaz"}


def test_a_capitalised_word_after_a_closed_quote_is_not_a_speaker():
    text = ("The coach, Dana Moss, was asked about the final. She replied, \u201cWe were ready.\u201d "
            "Having said that, the team looked tired.")
    quote = find_quotes(text, parse(text, default_resources().nlp))[0]
    assert quote.speaker == "Dana Moss"


# --- legislators, signed quotes, attribution sentences, namesakes -----------------------------

MORE = (FIXTURES / "claims_quotes_speakers.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=["spacy", "rules"])
def more(request):
    doc = parse(MORE, default_resources().nlp) if request.param == "spacy" else None
    return find_quotes(MORE, doc)


@pytest.mark.parametrize("opening, speaker", [
    ("We will hold the line", "M.J. Alvarez"),          # said Rep. X (D-Ore.), who ...
    ("Riders have paid enough", "M.J. Alvarez"),        # ... and the quote after that sentence
    ("The depot plan", "Paula Grieve"),                 # an organisation leads the description
    ("It will not fix", "Paula Grieve"),
    ("But the buses", "Omar Haddad"),                   # partial quote, 'X said.', then the quote
    ("He never missed", "Tom Brandt"),                  # the attribution sentence names someone else
    ("The tunnel is nearly dry", "Vera Lind"),          # ... or holds a show's name in quotation marks
    ("The bus never comes", "Lena Okafor"),             # signed with a dash
    ("I walk now", "Sam Reyes"),                        # signed with a dash, name and role
])
def test_speakers_of_further_constructions(more, opening, speaker):
    assert _quote(more, opening).speaker == speaker


def test_the_speaker_span_is_the_words_at_the_quote(more):
    quote = _quote(more, "We will hold the line")
    assert MORE[quote.speaker_start:quote.speaker_end] == "Rep. M.J. Alvarez"
    assert _quote(more, "I walk now").role == "nurse"


def test_an_honorific_picks_the_namesake_of_that_gender(more):
    assert _quote(more, "We rarely see").speaker == "John Pratt"


def test_a_paragraph_break_after_an_unnamed_speaker_ends_the_attribution():
    text = ('"Keep the doors clear," the driver shouted.\n\n'
            '"Nobody listens to the drivers on this route, not ever.\n\n'
            '"Not once," Mara Quist added.')
    quotes = [q for q in find_quotes(text) if q.direct]
    assert [q.speaker for q in quotes] == [None, "Mara Quist", "Mara Quist"]


@pytest.mark.parametrize("text, opening, speaker", [
    ('Nadia Kaur read the report twice and said, "The numbers do not add up at all."', "The numbers", "Nadia Kaur"),
    ('Ivo Petrov ended the meeting by saying "We vote again next week on the plan."', "We vote", "Ivo Petrov"),
    ('Greta Lund released a statement saying, "The company will pay every claim."', "The company", "Greta Lund"),
    ('"The vote was rigged from the start," Ola Berg mocked.', "The vote", "Ola Berg"),
])
def test_cues_in_coordinated_and_participle_clauses(text, opening, speaker):
    assert _quote(find_quotes(text), opening).speaker == speaker


def test_a_one_word_source_right_before_its_verb_speaks():
    text = 'The watchdog posted its verdict. "The claim is false on every count," FactDesk says.'
    assert _quote(find_quotes(text, parse(text, default_resources().nlp)), "The claim").speaker == "FactDesk"


def test_an_unnamed_describer_before_the_quote_is_the_speaker_span():
    text = 'As the phone rang, the narrator said, "Somebody has to answer it tonight."'
    quote = _quote(find_quotes(text), "Somebody")
    assert text[quote.speaker_start:quote.speaker_end] == "the narrator" and quote.speaker is None


def test_words_before_gives_what_the_pattern_gives():
    import random
    import re as regex

    from newsaudit.claims.quotes import words_before

    pieces = ["Ann", "Lee", "Smith", "Mc", "Donald", " ", "  ", "\n", "\u00a0", "a", "ab", "-", "’", "'", "X", "é",
              "É", "Smithson", "_", "1", ".", ",", "Dr"]
    rng = random.Random(7)
    for name in ("Smith", "Lee", "Ab", "É", "Smith-Jones"):
        for _ in range(400):
            text = "".join(rng.choice(pieces + [name] * 3) for _ in range(rng.randint(0, 30)))
            expected = [(m.start(), m.group(1), m.end())
                        for m in regex.finditer(rf"([A-Z][a-z’'-]+)\s+{regex.escape(name)}\b", text)]
            assert list(words_before(text, name)) == expected, (text, name)


GENDERED = (
    "Mara Quist, the singer, left her label in March.\n\n"
    "The label was bought this year by a firm owned by the manager Rob Lane.\n\n"
    "In a post at the time she called the sale a betrayal.\n\n"
    "Lane has worked with several stars who have fallen out with Mara Quist over the years.\n\n"
    "He has denied treating any of them unfairly.\n\n"
    "Then, last week, Mara Quist posted a long statement online about her early recordings and Rob Lane.\n\n"
    "\"I just want to sing my own songs,\" she said.\n"
)


@pytest.mark.parametrize("mode", ["spacy", "rules"])
def test_gender_comes_from_pronouns_after_a_subject_not_after_any_mention(mode):
    # "she" follows Lane's mention but points back to the singer; "He" follows the singer's
    # mention but points back to Lane, the subject of the sentence before it.
    doc = parse(GENDERED, default_resources().nlp) if mode == "spacy" else None
    [quote] = [q for q in find_quotes(GENDERED, doc) if q.direct]
    assert quote.speaker == "Mara Quist"


def test_a_dash_the_model_takes_into_a_name_is_not_a_word_of_it():
    from newsaudit.claims.quotes import People, _register

    people = People()
    _register(people, "with Ada Bell - both of whom", 5, "Ada Bell -", {})
    assert people.full_by_word == {"Bell": "Ada Bell", "Ada Bell": "Ada Bell"}


@pytest.mark.parametrize("mode", ["spacy", "rules"])
def test_a_speech_verb_after_an_auxiliary_attributes_the_quote(mode):
    text = ('Shares fell on Monday. The veteran investor Oskar Lindqvist had said, "Bubbles do not grow '
            'out of thin air." Lindqvist has also said, "Every rally ends."')
    doc = parse(text, default_resources().nlp) if mode == "spacy" else None
    found = {q.text[:7]: q for q in find_quotes(text, doc)}
    assert found["Bubbles"].speaker == found["Every r"].speaker == "Oskar Lindqvist"
    assert "Monday" not in (found["Bubbles"].role or "")

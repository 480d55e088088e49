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

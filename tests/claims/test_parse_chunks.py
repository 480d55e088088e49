"""Long texts are parsed in paragraph chunks that join back to the same text and offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from newsaudit.claims import paragraph_chunks, parse
from newsaudit.reference.resources import default_resources


@given(st.lists(st.text(alphabet=st.sampled_from(list("ab .\n")), max_size=60), max_size=40),
       st.integers(min_value=1, max_value=50))
def test_chunks_join_back_to_the_text(parts, size):
    text = "\n\n".join(parts)
    chunks = paragraph_chunks(text, size)
    assert "".join(chunks) == text and (all(chunks) or text == "")


def test_a_long_text_parsed_in_chunks_keeps_every_entity_at_its_offset():
    paragraph = ("Mayor Helen Marsh met officials from Lisbon and Porto on Monday, the council said. "
                 "The delegation from Portugal left for Madrid the next day.")
    text = "\n\n".join(paragraph for _ in range(300))  # about 45,000 characters, five chunks
    nlp = default_resources().nlp
    if nlp is None:
        pytest.skip("no spaCy English model installed")
    assert len(paragraph_chunks(text)) > 1
    doc = parse(text, nlp)
    assert doc.text == text
    ents = [(e.start_char, e.end_char, e.text) for e in doc.ents]
    assert ents and all(text[start:end] == word for start, end, word in ents)
    single = nlp(paragraph, disable=[p for p in nlp.pipe_names if p not in ("tok2vec", "ner")])
    assert len(ents) == 300 * len(single.ents)


def test_auditing_new_words_does_not_grow_the_model_vocabulary(monkeypatch):
    """A crawl brings new strings (names, numbers, URLs) on every page: once the vocabulary is
    full they are freed after each article's claims are read, so a long-lived worker's memory stays flat."""
    import newsaudit
    import newsaudit.claims

    resources = default_resources()
    if resources.nlp is None:
        pytest.skip("no spaCy English model installed")
    strings = resources.nlp.vocab.strings
    newsaudit.audit("Fares rise\n\nMayor Helen Marsh said fares rise by 5 percent on Monday in Lisbon.\n" * 3,
                    resources=resources)
    monkeypatch.setattr(newsaudit.claims, "KEPT_STRINGS", len(strings))  # full
    before = len(strings)
    for page in range(3):
        words = " ".join(f"Zqx{page}w{i}" for i in range(200))
        newsaudit.audit(f"Fares rise\n\nMayor Helen Marsh said {words} were counted on Monday in Lisbon.\n" * 3,
                        resources=resources)
    assert len(strings) == before


def test_the_vocabulary_keeps_new_words_only_while_it_has_room_for_the_whole_text(monkeypatch):
    import newsaudit.claims
    from newsaudit.claims import memory_zone

    nlp = default_resources().nlp
    if nlp is None:
        pytest.skip("no spaCy English model installed")
    strings = nlp.vocab.strings
    monkeypatch.setattr(newsaudit.claims, "KEPT_STRINGS", len(strings) + 10_000)
    for words in (300, 12_000):  # room for the first text's words, not for the second's
        text = " ".join(f"Word{words}n{i}q" for i in range(words))
        with memory_zone(nlp, len(text)):
            parse(text, nlp)
    assert "Word300n7q" in strings and "Word12000n7q" not in strings
    assert len(strings) < newsaudit.claims.KEPT_STRINGS

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


FILLER = ("the rain kept on and the streets were quiet for most of the long wet afternoon while people "
          "waited at home for it to pass ")  # 22 lowercase words


def test_the_model_reads_only_the_words_around_capitalised_ones():
    from newsaudit.claims import NAME_CONTEXT_WORDS, name_windows

    text = "Mayor Helen Marsh spoke. " + FILLER * 3 + "The ferry to Porto left late."
    windows = name_windows(text, {"the", "to"})
    covered = "".join(text[start:end] for start, end in windows)
    assert covered.startswith("Mayor Helen Marsh spoke. ") and covered.endswith("ferry to Porto left late.")
    assert len(covered.split()) == 3 + 1 + 2 * NAME_CONTEXT_WORDS + 2  # "The" alone opens no window
    assert name_windows(FILLER * 2 + "The US and IT", {"the", "and", "us", "it"})[0][0] > 0
    assert not name_windows("It’s late and We're tired, " + FILLER, {"it", "and", "we"})


def test_entities_of_the_windows_keep_their_offsets_in_the_article():
    nlp = default_resources().nlp
    if nlp is None:
        pytest.skip("no spaCy English model installed")
    text = "\n\n".join(f"{FILLER * 4}Mayor Helen Marsh met officials from Lisbon. {FILLER * 3}" for _ in range(120))
    doc = parse(text, nlp)
    assert doc.text == text
    ents = [(e.start_char, e.end_char, e.text) for e in doc.ents]
    assert len(ents) >= 240 and all(text[start:end] == word for start, end, word in ents)
    assert {word for _s, _e, word in ents} >= {"Helen Marsh", "Lisbon"}


def test_a_deadline_that_has_passed_leaves_the_prefix_of_the_first_chunk():
    nlp = default_resources().nlp
    if nlp is None:
        pytest.skip("no spaCy English model installed")
    text = "\n\n".join(f"{FILLER * 2}Mayor Helen Marsh met officials from Lisbon. {FILLER}" for _ in range(300))
    doc = parse(text, nlp, deadline=0.0)  # the model reads some 23,000 characters of it: three chunks
    assert 40_000 < len(doc.text) < len(text) // 2 and text.startswith(doc.text)
    assert doc.ents and all(end <= len(doc.text) and text[start:end] == word for start, end, _l, word in
                            ((e.start_char, e.end_char, e.label_, e.text) for e in doc.ents))

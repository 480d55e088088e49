"""The claims stage: places, quotes with speakers, and the claims that carry the facts.

One spaCy pass per article, with only the named-entity recogniser (and the tok2vec it
reads) enabled, so the stage costs about what an NER-only pass does; sentences come from a
rule-based splitter (:func:`text.sentences.sentence_spans`) in every mode. Without a spaCy model the
stage still runs: people and quotes from patterns, places from the gazetteer with cues.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Optional

from ..model import Article, Claim, Quote
from ..reference.resources import Resources

__all__ = ["extract_claims", "parse"]

NER_COMPONENTS = ("tok2vec", "ner")


def extract_claims(article: Article, resources: Resources) -> tuple[list[Claim], list[Quote]]:
    from ..text.sentences import sentence_split
    from .claims import build_claims
    from .places import find_places
    from .quantities import find_quantities
    from .quotes import find_people, find_quotes, speaker_names
    from .times import find_times

    text = article.text
    if not text.strip():
        return [], []
    doc = parse(text, resources.nlp)
    people = find_people(text, doc)
    quotes = find_quotes(text, doc, people)
    places = find_places(text, resources.gazetteer, doc, speaker_names(quotes, people))
    claims = build_claims(text, sentence_split(text)[0], find_quantities(text),
                          find_times(text, _published(article)), places, quotes, people, doc)
    return claims, quotes


def parse(text: str, nlp: Optional[Any]) -> Optional[Any]:
    """The one spaCy pass: every component but the NER and its tok2vec switched off.

    Long texts go through in paragraph-aligned chunks of about ``CHUNK_CHARS`` and are joined
    back into one ``Doc`` with the same text and offsets: one huge ``Doc`` costs more per word
    and holds far more memory at once, and no entity spans a paragraph break.
    """
    if nlp is None:
        return None
    disabled = [name for name in nlp.pipe_names if name not in NER_COMPONENTS]
    chunks = paragraph_chunks(text)
    if len(chunks) == 1:
        return nlp(text, disable=disabled)
    from spacy.tokens import Doc

    with nlp.select_pipes(disable=disabled):
        doc = Doc.from_docs(list(nlp.pipe(chunks)), ensure_whitespace=True)
    return doc if doc.text == text else nlp(text, disable=disabled)


CHUNK_CHARS = 10_000


def paragraph_chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut after paragraph breaks into pieces of about ``size`` characters; joined, they are ``text``."""
    if len(text) <= size:
        return [text]
    chunks, start = [], 0
    while len(text) - start > size:
        cut = text.find("\n", start + size)
        if cut < 0:
            break
        while cut < len(text) and text[cut].isspace():
            cut += 1  # the break's whitespace stays with the chunk before it
        chunks.append(text[start:cut])
        start = cut
    chunks.append(text[start:])
    return [chunk for chunk in chunks if chunk]


def _published(article: Article) -> Optional[date]:
    try:
        return date.fromisoformat(article.published) if article.published else None
    except ValueError:  # a partial date ("2025-11") resolves nothing relative to it
        return None

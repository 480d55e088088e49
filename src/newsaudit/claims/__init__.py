"""The claims stage: places, quotes with speakers, and the claims that carry the facts.

One spaCy pass per article, with only the named-entity recogniser enabled and over only the words around capitalised
ones, so the stage costs less than an NER-only pass of the whole text; sentences come from a
rule-based splitter (:func:`text.sentences.sentence_spans`) in every mode. Without a spaCy model the
stage still runs: people and quotes from patterns, places from the gazetteer with cues.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import re
import time
from dataclasses import dataclass
from datetime import date
from typing import Any, Collection, ContextManager, Optional

from ..model import Article, Claim, Place, Quote
from ..reference.resources import Resources

__all__ = ["Entity", "Parsed", "extract_claims", "name_windows", "parse"]

# en_core_web_sm's NER embeds its own tok2vec; the shared one feeds only the tagger and parser, so
# running it would cost a third more time for the same entities.
NER_COMPONENTS = ("ner",)


def extract_claims(article: Article, resources: Resources, *, deadline: Optional[float] = None,
                   most_chars: Optional[int] = None, notes: Optional[list[str]] = None,
                   places: Optional[list[Place]] = None) -> tuple[list[Claim], list[Quote]]:
    """Claims and quotes of ``article``; a text past ``most_chars``, or a deadline that passes
    during the spaCy pass, leaves claims for the part read, and says so in ``notes``. Every place
    mention of the part read (not only those inside claims) is appended to ``places``."""
    from ..text.sentences import sentence_split
    from .claims import build_claims, sentence_scores
    from .places import find_places, home_country
    from .quantities import find_quantities
    from .quotes import find_people, find_quotes, speaker_names
    from .times import find_times

    text = article.text
    if not text.strip():
        return [], []
    if most_chars is not None and len(text) > most_chars:
        text = text[:_cut_before(text, most_chars)]
        _note(notes, f"claims: the body has {len(article.text):,} characters; claims were read from the first "
                     f"{len(text):,} (the limit is {most_chars:,})")
    # Once the model's vocabulary holds the words of news (``KEPT_STRINGS``), every string a pass
    # adds (each new name, number, URL) is freed when the zone closes, so a process that audits a
    # crawl does not grow with every page; the Doc is read only inside it.
    with memory_zone(resources.nlp, len(text)):
        doc = parse(text, resources.nlp, deadline)  # the caller leaves time after its deadline for the rest
        if doc is not None and len(doc.text) < len(text):
            text = text[:len(doc.text)]
            _note(notes, f"claims: the time budget ran out during the language model's pass; claims were read "
                         f"from the first {len(text):,} of {len(article.text):,} characters")
        people = find_people(text, doc)
        quotes = find_quotes(text, doc, people)
        found = find_places(text, resources.gazetteer, doc, speaker_names(quotes, people),
                            home=home_country(article.domain, resources.outlets), domain=article.domain)
        sentences = sentence_split(text)[0]
        scores = sentence_scores(text, sentences, checkworthiness_model(notes))
        claims = build_claims(text, sentences, find_quantities(text), find_times(text, _published(article)), found,
                              quotes, people, doc, scores)
    if places is not None:
        places.extend(found)
    return claims, quotes


# The model ships with a few hundred words in its vocabulary, and a pass makes an entry for every
# other word it meets. The entries the first pages of a process make are kept while the string
# store holds fewer than this many strings (the model's own 85,000, and what new words add: an
# entry for a word the store already spells costs about 150 bytes, one for a new word two strings
# and about 850 bytes; at most some 40 MB in all): they are the common words of news, met again
# on every page, and making them anew for each article costs a few percent of the pass. Past it,
# each pass runs in spaCy's memory zone, which frees what the pass added: a worker's memory stays
# flat over a crawl of any size. (The store's length is the measure: the vocabulary's own length
# also counts the entries a zone has freed.)
KEPT_STRINGS = 150_000


def memory_zone(nlp: Optional[Any], text_chars: int = 0) -> ContextManager[Any]:
    """spaCy's memory zone of ``nlp`` (strings added inside it are freed on leaving), or nothing
    while the string store has room under ``KEPT_STRINGS`` for what ``text_chars`` characters of
    text can add (a token and the space after it take two characters and add at most two strings)."""
    zone = getattr(nlp, "memory_zone", None)
    if zone is None or len(nlp.vocab.strings) + text_chars < KEPT_STRINGS:
        return contextlib.nullcontext()
    return zone()


def checkworthiness_model(notes: Optional[list[str]] = None) -> Optional[Any]:
    """The shipped check-worthiness model (read once per process), or None with a note when it
    cannot be read: claims then score 0 and only sentences with a quantity or a date are kept."""
    from .checkworthiness import MODEL_PATH, load_model

    try:
        return load_model()
    except (OSError, ValueError, KeyError) as err:
        _note(notes, f"claims: the check-worthiness model {MODEL_PATH.name} could not be read ({err}); every "
                     f"claim scores 0 and only sentences with a quantity or a date are kept")
        return None


def _cut_before(text: str, most: int) -> int:
    """A paragraph break (else a space) at or before ``most``, so no sentence is read in half."""
    cut = text.rfind("\n", 0, most)
    if cut < most // 2:
        cut = text.rfind(" ", 0, most)
    return cut if cut > 0 else most


def _note(notes: Optional[list[str]], note: str) -> None:
    if notes is not None:
        notes.append(note)


@dataclass(frozen=True)
class Entity:
    """A named entity of the model's pass, with the attributes of spaCy's ``Span`` that the
    extractors read."""

    start_char: int
    end_char: int
    label_: str
    text: str


@dataclass(frozen=True)
class Parsed:
    """What the model's pass leaves: the text it read (a prefix of the article when the time
    budget ran out; ``len(parsed.text)`` tells) and its entities, with article offsets."""

    text: str
    ents: tuple[Entity, ...]


def parse(text: str, nlp: Optional[Any], deadline: Optional[float] = None) -> Optional[Parsed]:
    """The one spaCy pass: every component but the NER switched off.

    The model reads only the windows of :func:`name_windows` (the words around a capitalised
    one), joined; each entity is given back with its offsets in the article, and one that would
    run across a join is dropped. The joined text goes through in chunks of at most
    ``MAX_CHUNK_CHARS`` (cut at a paragraph break, else a sentence end, else a space), one chunk
    at a time; each chunk's entities are kept and its ``Doc`` dropped, so memory holds one chunk's
    ``Doc`` at any article length. The tokenizer sees ``for_tokenizer(text)``, the same length as
    ``text``. Past ``deadline`` (a ``pipeline.clock()`` value: CPU seconds of the thread) no
    further chunk starts: the result then covers a prefix of the text, which ``len(parsed.text)``
    tells.
    """
    if nlp is None:
        return None
    disabled = [name for name in nlp.pipe_names if name not in NER_COMPONENTS]
    cleaned = for_tokenizer(text)
    windows = name_windows(cleaned, getattr(getattr(nlp, "Defaults", None), "stop_words", ()))
    joined = "".join(cleaned[start:end] for start, end in windows)
    joins = list(itertools.accumulate((end - start for start, end in windows[:-1]), initial=0))
    chunks = paragraph_chunks(joined)
    entities: list[Entity] = []
    read = 0
    with nlp.select_pipes(disable=disabled):
        for chunk, doc in zip(chunks, nlp.pipe(chunks, batch_size=1)):
            for ent in doc.ents:
                first = bisect.bisect_right(joins, read + ent.start_char) - 1
                if bisect.bisect_right(joins, read + ent.end_char - 1) - 1 == first:
                    shift = windows[first][0] - joins[first]
                    entities.append(Entity(read + ent.start_char + shift, read + ent.end_char + shift,
                                           ent.label_, ent.text))
            read += len(chunk)
            if read < len(joined) and deadline is not None and time.thread_time() > deadline:
                last = bisect.bisect_right(joins, read - 1) - 1
                return Parsed(cleaned[:windows[last][0] + read - joins[last]], tuple(entities))
    return Parsed(cleaned, tuple(entities))


# The model reads a word's label off the words around it: its token vectors see four tokens either
# side, its transitions the token before and the entity's first. A stretch of lowercase prose
# (and capitalised function words: "The", "But", "One") far from any name holds none of the
# entities the extractors read (people, places, organisations), only the odd "last week" or
# "two", which no stage asks about. On the bench's 127 news pages the model reads 55% of the text
# and the pass takes 0.56 of the time; of 5,158 capitalised entities, 49 change (1 PERSON, 43 DATE,
# CARDINAL, ORDINAL of capitalised function words: "May", "One", "Last week").
NAME_CONTEXT_WORDS = 4  # words kept either side of a capitalised word
_WORD = re.compile(r"\S+\s*")
_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")


def name_windows(text: str, stop_words: Collection[str] = ()) -> list[tuple[int, int]]:
    """The stretches of ``text`` the model reads, as (start, end): every word within
    ``NAME_CONTEXT_WORDS`` words of a capitalised word that is not a function word of
    ``stop_words`` ("The", "But"; "US" in capitals is a name), each word with the spaces after it."""
    words = [(word.start(), word.end()) for word in _WORD.finditer(text)]
    windows: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(words):
        word = text[start:end]
        if word.lower() == word or not _may_be_name(_EDGE_PUNCTUATION.sub("", word), stop_words):
            continue
        first = words[max(0, index - NAME_CONTEXT_WORDS)][0]
        last = words[min(len(words) - 1, index + NAME_CONTEXT_WORDS)][1]
        if windows and first <= windows[-1][1]:
            windows[-1] = (windows[-1][0], last)
        else:
            windows.append((first, last))
    return windows


def _may_be_name(word: str, stop_words: Collection[str]) -> bool:
    """A capitalised word that may be (part of) a name: not a function word, with or without its
    clitic ("It’s", "We're"), unless all capitals ("US", "IT")."""
    if len(word) > 1 and word.isupper():
        return True
    lower = word.lower()
    return lower not in stop_words and _CLITIC.sub("", lower) not in stop_words


_CLITIC = re.compile(r"['’](?:s|m|re|ve|ll|d)$")


CHUNK_CHARS = 10_000  # a chunk ends at the first paragraph break past this many characters ...
MAX_CHUNK_CHARS = 20_000  # ... and never runs past this many
LONGEST_RUN = 32  # characters of one run of punctuation the tokenizer sees; the rest become spaces
LONGEST_TOKEN = 100  # characters without a space before one is put in
_PUNCTUATION_RUN = re.compile(rf"[^\w\s]{{{LONGEST_RUN + 1},}}")
_UNBROKEN = re.compile(rf"\S{{{LONGEST_TOKEN + 1},}}")


def for_tokenizer(text: str) -> str:
    """``text`` with what makes spaCy's tokenizer slow blanked out, keeping every offset.

    A run of punctuation longer than ``LONGEST_RUN`` characters keeps its first ones; a string
    without spaces longer than ``LONGEST_TOKEN`` gets a space after every ``LONGEST_TOKEN``
    characters. Names, figures and prose are never touched.
    """
    text = _PUNCTUATION_RUN.sub(lambda m: m.group()[:LONGEST_RUN] + " " * (len(m.group()) - LONGEST_RUN), text)
    return _UNBROKEN.sub(_break_token, text)


def _break_token(match: re.Match[str]) -> str:
    token = match.group()
    return "".join(token[i:i + LONGEST_TOKEN - 1] + " " for i in range(0, len(token), LONGEST_TOKEN))[:len(token)]


def paragraph_chunks(text: str, size: int = CHUNK_CHARS, most: int = MAX_CHUNK_CHARS) -> list[str]:
    """``text`` cut into pieces of about ``size`` and at most ``most`` characters; joined, they are ``text``.

    A piece ends after the first paragraph break past ``size`` characters, else after the first
    sentence end, else after the first space, else at ``most`` characters.
    """
    chunks, start = [], 0
    while len(text) - start > size:
        window = text[start + size: start + most]
        cut = _first_cut(window)
        cut = start + size + cut if cut is not None else start + most
        chunks.append(text[start:cut])
        start = cut
    chunks.append(text[start:])
    return [chunk for chunk in chunks if chunk]


def _first_cut(window: str) -> Optional[int]:
    """Where in ``window`` a chunk may end: after a line break, a sentence end or a space (with its whitespace)."""
    for pattern in (_LINE_BREAK, _SENTENCE_END, _SPACE):
        found = pattern.search(window)
        if found:
            return found.end()
    return None


_LINE_BREAK = re.compile(r"\n\s*")
_SENTENCE_END = re.compile(r"[.!?]\s+")
_SPACE = re.compile(r"\s+")


def _published(article: Article) -> Optional[date]:
    try:
        return date.fromisoformat(article.published) if article.published else None
    except ValueError:  # a partial date ("2025-11") resolves nothing relative to it
        return None

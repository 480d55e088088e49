"""Word lists users extend, kept as data files beside the tables: ``data/words/<name>.txt``.

One entry a line, in the order given (order matters where a list becomes a regex alternation);
``#`` starts a comment line; blank lines are skipped. The lists bundled today: outlet words
(``masthead_nouns``, ``filler_words``, ``suspicious_suffixes``), furniture strings
(``theme_lines``, ``link_list_openers``) and attribution words (``speech_verbs``,
``role_words``).
"""

from __future__ import annotations

import functools
import re
from importlib import resources as package_files

from ..errors import TableError


@functools.lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """The entries of the bundled list ``name``, in file order; ``TableError`` if there is none."""
    if not re.fullmatch(r"[a-z_]+", name):
        raise TableError(f"{name!r} is not a word list name")
    path = package_files.files("newsaudit").joinpath(f"data/words/{name}.txt")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise TableError(f"cannot read the word list: {error}", path=f"newsaudit/data/words/{name}.txt") from error
    return tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


def alternation(name: str) -> str:
    """The list as a regex alternation of literal entries, in file order: "says|said|...". """
    return "|".join(re.escape(entry) for entry in word_list(name))


def caseless_alternation(name: str) -> str:
    """The list as an alternation for a case-insensitive context (``(?i:...)``), grouped by first
    letter: "s(?:ays|aid)|t(?:old)". It matches what ``alternation(name)`` matches, preferring
    the same entry wherever several could match (only entries with the same first letter can
    match at one place, and within a letter the file order is kept), but Python's ``re`` then
    tries a place's entries only when its first letter fits: it cannot skip a case-insensitive
    entry by its first character, and tries every entry at every place. A list with an entry
    that does not open with an ASCII letter is given as ``alternation(name)``.
    """
    entries = word_list(name)
    if not all(entry[:1].isascii() and entry[:1].isalpha() for entry in entries):
        return alternation(name)
    by_letter: dict[str, list[str]] = {}
    for entry in entries:
        by_letter.setdefault(entry[0].lower(), []).append(re.escape(entry[1:]))
    return "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in by_letter.items())

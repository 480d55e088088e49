"""Where the quotation marks are: spans of quoted words, curly and straight, per paragraph.

The claims stage reads quotes and speakers from these spans; the checks mask them, so words
inside quotation marks (a source's own "I") are never taken for the reporter's.
"""

from __future__ import annotations

import re

OPEN_QUOTES = "“"
CLOSE_QUOTES = "”"


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks, in text order.

    Curly and straight marks pair with each other, as pages mix them ('“We won," she said'), and a
    “ that follows words and is followed by a space or punctuation closes ('unusual,“ said X').
    A quote opened and not closed in a paragraph runs to the paragraph's end."""
    spans = []
    for paragraph in re.finditer(r"[^\n]+", text):
        spans += _paragraph_spans(text, paragraph.start(), paragraph.end())
    return spans


def _paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, opened = [], None
    for i in range(start, end):
        mark = text[i]
        if mark not in '“”"':
            continue
        if opened is None:
            if mark != CLOSE_QUOTES:  # a stray closing mark opens nothing
                opened = i + 1
        elif mark != OPEN_QUOTES or _closes(text, i, end):
            spans.append((opened, i))
            opened = None
    if opened is not None:  # continued in the next paragraph
        spans.append((opened, end))
    return spans


def _closes(text: str, i: int, end: int) -> bool:
    """An opening curly mark used as a closing one: after words, before a space, punctuation or the end."""
    after = text[i + 1:i + 2]
    return text[i - 1:i].strip() != "" and (i + 1 >= end or not after.strip() or after in ".,;:!?)")

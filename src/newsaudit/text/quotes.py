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

    A quote opened and not closed in a paragraph runs to the paragraph's end."""
    spans = []
    for paragraph in re.finditer(r"[^\n]+", text):
        spans += _curly_spans(text, paragraph.start(), paragraph.end())
        spans += _straight_spans(text, paragraph.start(), paragraph.end())
    return sorted(spans)


def _curly_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, opened = [], None
    for i in range(start, end):
        if text[i] in OPEN_QUOTES and opened is None:
            opened = i + 1
        elif text[i] in CLOSE_QUOTES and opened is not None:
            spans.append((opened, i))
            opened = None
    if opened is not None:  # continued in the next paragraph
        spans.append((opened, end))
    return spans


def _straight_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    marks = [i for i in range(start, end) if text[i] == '"']
    spans = [(marks[k] + 1, marks[k + 1]) for k in range(0, len(marks) - 1, 2)]
    if len(marks) % 2:  # continued in the next paragraph
        spans.append((marks[-1] + 1, end))
    return spans

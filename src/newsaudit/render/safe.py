"""What renderers do to text taken from an article, so it can neither drive a terminal nor inject markup.

Article text is hostile input: a page can carry ``ESC [2J`` (clear the screen), OSC 8 links,
BEL, bidirectional overrides that reorder what a reader sees, ``<script>``, or Markdown link
syntax such as ``[x](javascript:...)``. Every renderer passes the report through one of these
before it writes a byte:

- ``plain``: C0 and C1 control characters (tab and newline kept) and bidirectional controls
  removed: for the terminal;
- ``markdown``: ``plain``, then HTML's ``& < >`` as entities and Markdown's ``\\ ` * _ [ ]``
  backslash-escaped, so no tag, link, image or emphasis can come from the article;
- ``html``: ``plain``, then HTML-escaped (quotes included) for element text and attributes.

``neutralised(report, how)`` applies one of them to every string of a report except the
fields newsaudit itself writes in a fixed vocabulary (codes, severities, ids, kinds).
"""

from __future__ import annotations

import dataclasses
import html as html_module
import re
from typing import Any, Callable

from ..model import Report

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")
# Written by newsaudit from a closed vocabulary: left as they are so code spans stay readable.
OWN_FIELDS = frozenset({"code", "severity", "id", "kind", "where", "published_source", "outlet_source",
                        "sha256", "article_id", "schema_version", "language", "role", "feature"})


def plain(text: str) -> str:
    return CONTROL.sub("", text)


def markdown(text: str) -> str:
    escaped = html_module.escape(plain(text), quote=False)
    return MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def html(text: str) -> str:
    return html_module.escape(plain(text), quote=True)


def neutralised(report: Report, how: Callable[[str], str]) -> Report:
    """A copy of ``report`` with ``how`` applied to every string that can come from the article."""
    return _map(report, how)


def _map(value: Any, how: Callable[[str], str], field: str = "") -> Any:
    if isinstance(value, str):
        return value if field in OWN_FIELDS else how(value)
    if isinstance(value, tuple):
        return tuple(_map(item, how, field) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _map(getattr(value, f.name), how, f.name) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value

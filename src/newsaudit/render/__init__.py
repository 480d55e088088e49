"""Renderers: one report, four faces (JSON for machines, Markdown for notes, rich text for terminals,
HTML to share). Each neutralises text taken from the article first (``safe.py``)."""

from __future__ import annotations

from typing import Callable

from ..model import Report
from .html import render_html
from .markdown import render_markdown
from .terminal import render_terminal


def render_json(report: Report) -> str:
    return report.to_json(indent=2)


RENDERERS: dict[str, Callable[[Report], str]] = {
    "html": render_html,
    "json": render_json,
    "md": render_markdown,
    "text": render_terminal,
}

__all__ = ["RENDERERS", "render_html", "render_json", "render_markdown", "render_terminal"]

"""Renderers: one report, three faces (JSON for machines, Markdown for notes, rich text for terminals)."""

from __future__ import annotations

from typing import Callable

from ..model import Report
from .markdown import render_markdown
from .terminal import render_terminal


def render_json(report: Report) -> str:
    return report.to_json(indent=2)


RENDERERS: dict[str, Callable[[Report], str]] = {
    "json": render_json,
    "md": render_markdown,
    "text": render_terminal,
}

__all__ = ["RENDERERS", "render_json", "render_markdown", "render_terminal"]

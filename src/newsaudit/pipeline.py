"""The audit, top to bottom: ingest, then named stages over one report.

Each stage is a function ``(report, context) -> report`` that reads what earlier stages set
and returns a new report with its own part added; reports are frozen, so a stage cannot
change what it was given. Later stages (corroboration against a corpus) append to
``STAGES``-like lists of their own; ``audit`` takes the list as a parameter.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Callable, Optional, Sequence

from . import __version__
from .ingest import Document, load_document
from .model import Article, InputInfo, Report, Tool
from .resources import Resources, default_resources


@dataclass(frozen=True)
class Context:
    """What a stage may read besides the report: the input and the loaded resources."""

    document: Document
    resources: Resources
    published: Optional[date] = None  # a publication date the caller asserts (--date)
    require_english: bool = True


Stage = Callable[[Report, Context], Report]


def structure_stage(report: Report, ctx: Context) -> Report:
    from .structure import build_article

    article = build_article(ctx.document, published=ctx.published, require_english=ctx.require_english)
    return dataclasses.replace(report, article=article)


def claims_stage(report: Report, ctx: Context) -> Report:
    from .claims import extract_claims

    claims, quotes = extract_claims(report.article, ctx.resources)
    return dataclasses.replace(report, claims=tuple(claims), quotes=tuple(quotes))


def checks_stage(report: Report, ctx: Context) -> Report:
    from .checks import run_checks

    return dataclasses.replace(report, findings=tuple(run_checks(report, ctx.resources)))


def scores_stage(report: Report, ctx: Context) -> Report:
    from .checks.scoring import score

    return dataclasses.replace(report, scores=score(report.findings))


STAGES: tuple[tuple[str, Stage], ...] = (
    ("structure", structure_stage),
    ("claims", claims_stage),
    ("checks", checks_stage),
    ("scores", scores_stage),
)


def empty_report(document: Document) -> Report:
    return Report(
        tool=Tool(name="newsaudit", version=__version__),
        input=InputInfo(source=document.source, kind=document.input_kind, sha256=document.sha256),
        article=Article(
            outlet=None, domain=None, url=document.url, headline=None, byline=None,
            published=None, published_source=None, text="",
        ),
    )


def run_stages(
    document: Document,
    *,
    resources: Optional[Resources] = None,
    published: Optional[date] = None,
    stages: Sequence[tuple[str, Stage]] = STAGES,
    require_english: bool = True,
) -> Report:
    resources = resources or default_resources()
    ctx = Context(document=document, resources=resources, published=published,
                  require_english=require_english)
    report = empty_report(document)
    for _name, stage in stages:
        report = stage(report, ctx)
    notes = tuple(dict.fromkeys(resources.notes))  # the resources' degradations hold for every report
    return dataclasses.replace(report, notes=report.notes + notes) if notes else report


def audit(
    source: str | bytes,
    *,
    url: Optional[str] = None,
    kind: Optional[str] = None,
    published: Optional[date | str] = None,
    resources: Optional[Resources] = None,
    stages: Sequence[tuple[str, Stage]] = STAGES,
) -> Report:
    """Audit one article given as text or HTML (str or bytes). ``kind`` forces text or html."""
    if isinstance(published, str):
        published = date.fromisoformat(published)
    document = load_document(source, url=url, kind=kind)
    return run_stages(document, resources=resources, published=published, stages=stages)

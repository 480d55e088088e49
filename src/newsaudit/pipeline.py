"""The audit, top to bottom: a document, then named stages over one report.

A ``Stage`` is a name, a function ``(report, context) -> report``, the report fields it reads
(``requires``) and the fields it sets (``provides``). Reports are frozen, so a stage returns a
new report with its own part added. ``check_stages`` validates a list before any input is
read: unique names, and every field a stage requires provided by an earlier one. After each
stage the runner checks that it returned a report and changed only what it provides, and an
unexpected exception becomes a ``StageError`` naming the stage (the exception is its cause);
``NewsauditError``\\ s (the input's fault) pass through unchanged.

    structure  document            -> article
    claims     article             -> claims, quotes, places
    checks     article, claims,    -> findings
               quotes
    scores     findings            -> scores
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Optional, Sequence

from . import __version__
from .errors import ConfigError, InputTooComplex, NewsauditError, StageError
from .ingest import Document
from .model import Article, InputInfo, Report, Tool, article_id
from .reference.resources import Resources
from .settings import Settings

def clock() -> float:
    """The audit's clock: CPU seconds of the calling thread.

    A budget in CPU time bounds the work an input can cause, and gives the same report on a busy
    machine as on an idle one (a wall-clock budget cut checks short when other processes ran).
    """
    return time.thread_time()


# The spaCy pass may use this share of the time budget; the rule-based extractors and the checks
# that follow it need the rest.
MODEL_SHARE = 0.5
REPORT_FIELDS = frozenset(field.name for field in dataclasses.fields(Report))


@dataclass(frozen=True)
class Context:
    """What a stage may read besides the report: the input, the settings, the loaded resources,
    and the deadline (a :func:`clock` value) the audit must finish by."""

    document: Document
    resources: Resources
    settings: Settings = Settings()
    deadline: Optional[float] = None

    started: float = 0.0

    def out_of_time(self) -> bool:
        return self.deadline is not None and clock() > self.deadline

    def deadline_at(self, share: float) -> Optional[float]:
        """The moment ``share`` of the audit's time budget is spent (None without a budget)."""
        return None if self.deadline is None else self.started + share * (self.deadline - self.started)


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Report, Context], Report]
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()


def _structure(report: Report, ctx: Context) -> Report:
    from .structure import build_article

    notes: list[str] = []
    article = build_article(ctx.document, ctx.settings, notes)
    return dataclasses.replace(report, article=article, notes=report.notes + tuple(notes))


def _claims(report: Report, ctx: Context) -> Report:
    from .claims import extract_claims

    notes: list[str] = []
    places: list = []  # every place mention, filled by extract_claims
    claims, quotes = extract_claims(report.article, ctx.resources, deadline=ctx.deadline_at(MODEL_SHARE),
                                    most_chars=ctx.settings.max_claim_chars, notes=notes, places=places)
    return dataclasses.replace(report, claims=tuple(claims), quotes=tuple(quotes), places=tuple(places),
                               notes=report.notes + tuple(notes))


def _checks(report: Report, ctx: Context) -> Report:
    from .checks import registered_checks, run_checks

    checks, skipped = registered_checks(), []
    findings = run_checks(report, ctx.resources, checks, stop=ctx.out_of_time, skipped=skipped)
    notes = (f"checks: the time budget ran out; not run: {', '.join(skipped)}",) if skipped else ()
    return dataclasses.replace(report, findings=tuple(findings), notes=report.notes + notes)


def _scores(report: Report, ctx: Context) -> Report:
    from .scoring import score

    return dataclasses.replace(report, scores=score(report.findings))


STAGES: tuple[Stage, ...] = (
    Stage("structure", _structure, frozenset(), frozenset({"article", "notes"})),
    Stage("claims", _claims, frozenset({"article"}), frozenset({"claims", "quotes", "places", "notes"})),
    Stage("checks", _checks, frozenset({"article", "claims", "quotes"}), frozenset({"findings", "notes"})),
    Stage("scores", _scores, frozenset({"findings"}), frozenset({"scores"})),
)


def check_stages(stages: Iterable[Stage | tuple]) -> tuple[Stage, ...]:
    """The stages as ``Stage`` values, once their order is known to work; else ``ConfigError``.

    A ``(name, function)`` pair is accepted as a stage that requires nothing and may set any
    field (the form of earlier releases); declare a ``Stage`` to have its fields checked.
    """
    checked: list[Stage] = []
    available: set[str] = set()
    for item in stages:
        stage = item if isinstance(item, Stage) else Stage(item[0], item[1], frozenset(), REPORT_FIELDS)
        if not callable(stage.run):
            raise ConfigError(f"stage {stage.name!r} has no function to run")
        if any(stage.name == earlier.name for earlier in checked):
            raise ConfigError(f"two stages are named {stage.name!r}")
        unknown = (stage.requires | stage.provides) - REPORT_FIELDS
        if unknown:
            raise ConfigError(f"stage {stage.name!r} names fields a report does not have: {sorted(unknown)}")
        missing = stage.requires - available
        if missing:
            raise ConfigError(f"stage {stage.name!r} requires {sorted(missing)}, which no earlier stage provides")
        available |= stage.provides
        checked.append(stage)
    return tuple(checked)


def empty_report(document: Document) -> Report:
    return Report(
        tool=Tool(name="newsaudit", version=__version__),
        input=InputInfo(source=document.source, kind=document.input_kind, sha256=document.sha256,
                        article_id=article_id(document.content, document.url)),
        article=Article(
            outlet=None, domain=None, url=document.url, headline=None, byline=None,
            published=None, published_source=None, text="",
        ),
    )


def run_stages(document: Document, stages: Sequence[Stage | tuple] = STAGES, *,
               settings: Optional[Settings] = None, resources: Optional[Resources] = None) -> Report:
    """Run ``stages`` over ``document``; the stages are checked before the first one runs."""
    from .reference.resources import default_resources

    checked = check_stages(stages)
    resources = resources or default_resources()
    settings = settings or Settings()
    started = clock()
    deadline = started + settings.deadline if settings.deadline else None
    ctx = Context(document=document, resources=resources, settings=settings, deadline=deadline, started=started)
    report = empty_report(document)
    for stage in checked:
        report = _run_one(stage, report, ctx)
    notes = tuple(dict.fromkeys(resources.notes))  # the resources' degradations hold for every report
    return dataclasses.replace(report, notes=report.notes + notes) if notes else report


def _run_one(stage: Stage, report: Report, ctx: Context) -> Report:
    try:
        result = stage.run(report, ctx)
    except NewsauditError:
        raise
    except (RecursionError, MemoryError) as error:  # what deep nesting or a huge page does to any parser
        raise InputTooComplex(f"the input is too deeply nested or too large to read ({type(error).__name__} "
                              f"in the {stage.name} stage)") from error
    except Exception as error:  # noqa: BLE001 - named and chained, never swallowed
        raise StageError(f"the {stage.name} stage failed: {type(error).__name__}: {error}",
                         stage=stage.name) from error
    if not isinstance(result, Report):
        raise StageError(f"the {stage.name} stage returned {type(result).__name__}, not a Report", stage=stage.name)
    changed = {name for name in REPORT_FIELDS if getattr(result, name) is not getattr(report, name)}
    undeclared = changed - stage.provides - {"notes"}
    if undeclared:
        raise StageError(f"the {stage.name} stage changed {sorted(undeclared)}, which it does not provide",
                         stage=stage.name)
    return result

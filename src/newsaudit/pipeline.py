"""The audit, top to bottom: a document, then named stages over one report.

A ``Stage`` is a name, a function ``(report, context) -> report``, the report fields it reads
(``requires``) and the fields it sets (``provides``). Reports are frozen, so a stage returns a
new report with its own part added. ``check_stages`` validates a list before any input is
read: unique names, and every field a stage requires provided by an earlier one. After each
stage the runner checks that it returned a report and changed only what it provides, and an
unexpected exception becomes a ``StageError`` naming the stage (the exception is its cause);
``NewsauditError``\\ s (the input's fault) pass through unchanged.

    structure  document            -> article
    claims     article             -> claims, quotes,     (where a claims pipeline reads the language)
                                      places
    checks     article, claims,    -> findings            (each check where it can read the article)
               quotes
    scores     findings            -> scores

A stage may say when it does not apply (``Stage.applies``: a reason, or None to run): the claims
stage runs only for a language of ``CLAIMS_PIPELINES``. The report's ``stages`` records every
stage as "ran", "partial" (it left some work out, and says what) or "skipped" (and why), and a
stage that did not run, or ran in part, also leaves a line in ``notes``.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Optional, Sequence

from . import __version__
from .errors import ConfigError, InputTooComplex, NewsauditError, StageError
from .ingest import Document
from .model import Article, InputInfo, Report, StageRun, Tool, article_id
from .reference.resources import SPACY_PACKAGES, Resources
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
    left_out: dict[str, list[str]] = dataclasses.field(default_factory=dict)  # stage -> what it left out

    def leave_out(self, stage: str, what: str) -> None:
        """Record that ``stage`` left part of its work out (the report marks it "partial")."""
        self.left_out.setdefault(stage, []).append(what)

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
    applies: Optional[Callable[[Report, Context], Optional[str]]] = None  # why not to run, or None to run


@dataclass(frozen=True)
class ClaimsPipeline:
    """What reads claims in one language: its spaCy model packages (tried in order) and its rules."""

    language: str  # ISO 639-1
    spacy_packages: tuple[str, ...]
    rules: str


# The languages the claims stage reads. English uses ``Resources.nlp`` (SPACY_PACKAGES) and the
# English cue, unit and date rules of ``claims/``; a language is added by adding its entry here
# with its model and rules.
CLAIMS_PIPELINES: dict[str, ClaimsPipeline] = {
    "en": ClaimsPipeline("en", SPACY_PACKAGES, "English quote cues, units, number words and dates"),
}


def claims_pipeline(language: Optional[str]) -> Optional[ClaimsPipeline]:
    """The claims pipeline for ``language``; an article of unknown language (None) is read as English."""
    return CLAIMS_PIPELINES.get(language or "en")


def _structure(report: Report, ctx: Context) -> Report:
    from .structure import build_article

    notes: list[str] = []
    article = build_article(ctx.document, ctx.settings, notes, ctx.resources.outlets)
    return dataclasses.replace(report, article=article, notes=report.notes + tuple(notes))


def _claims_apply(report: Report, ctx: Context) -> Optional[str]:
    language = report.article.language
    if claims_pipeline(language) is not None:
        return None
    known = ", ".join(sorted(CLAIMS_PIPELINES))
    if language == "und":
        return (f"the article's language could not be determined, and claims are read only in the languages "
                f"of a claims pipeline ({known})")
    return f"no claims pipeline for the article's language ({language}); claims are read in: {known}"


def _vocabulary_notes() -> list[str]:
    """A line when quantities name units without quantulum3's unit table (the package is absent)."""
    from .claims import quantities

    if "quantulum3" in quantities.VOCABULARY_SOURCE:
        return []
    return [f"claims: quantulum3's unit table is not installed; units are named from the built-in table and "
            f"{quantities.VOCABULARY_SOURCE} only, so rarer units are read as bare numbers "
            f"(pip install quantulum3==0.10.0)"]


def _claims(report: Report, ctx: Context) -> Report:
    from .claims import extract_claims

    notes: list[str] = []
    places: list = []  # every place mention, filled by extract_claims
    claims, quotes = extract_claims(report.article, ctx.resources, deadline=ctx.deadline_at(MODEL_SHARE),
                                    most_chars=ctx.settings.max_claim_chars, notes=notes, places=places)
    for note in notes:
        ctx.leave_out("claims", note.removeprefix("claims: "))
    notes.extend(_vocabulary_notes())
    return dataclasses.replace(report, claims=tuple(claims), quotes=tuple(quotes), places=tuple(places),
                               notes=report.notes + tuple(notes))


def _checks(report: Report, ctx: Context) -> Report:
    from .checks import registered_checks, run_checks

    checks, skipped, not_run = registered_checks(), [], []
    findings = run_checks(report, ctx.resources, checks, stop=ctx.out_of_time, skipped=skipped, not_run=not_run)
    notes: list[str] = []
    if getattr(ctx.resources, "lists_dir", None):  # the user's site lists: say which were not found
        notes.extend(f"site lists: {note}" for note in ctx.resources.site_lists.notes)
    if skipped:
        notes.append(f"checks: the time budget ran out; not run: {', '.join(skipped)}")
        ctx.leave_out("checks", f"the time budget ran out before {len(skipped)} of {len(checks)} checks")
    if not_run:
        reasons: dict[str, list[str]] = {}
        for name, why in not_run:
            reasons.setdefault(why, []).append(name)
        parts = "; ".join(f"{len(names)} because {why} ({', '.join(names)})" for why, names in reasons.items())
        notes.append(f"checks: {len(not_run)} of {len(checks)} checks were not run: {parts}")
        ctx.leave_out("checks", f"{len(not_run)} of {len(checks)} checks were not run: {parts}")
    return dataclasses.replace(report, findings=tuple(findings), notes=report.notes + tuple(notes))


def _scores(report: Report, ctx: Context) -> Report:
    from .scoring import score

    return dataclasses.replace(report, scores=score(report.findings))


STAGES: tuple[Stage, ...] = (
    Stage("structure", _structure, frozenset(), frozenset({"article", "notes"})),
    Stage("claims", _claims, frozenset({"article"}), frozenset({"claims", "quotes", "places", "notes"}),
          _claims_apply),
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


def _preload(resources: Resources) -> None:
    """Every model and table the claims and checks read, loaded once per process (and per
    ``Resources``) before the audit's clock starts."""
    from .claims import checkworthiness_model

    resources.load_all()
    checkworthiness_model()


def run_stages(document: Document, stages: Sequence[Stage | tuple] = STAGES, *,
               settings: Optional[Settings] = None, resources: Optional[Resources] = None) -> Report:
    """Run ``stages`` over ``document``; the stages are checked before the first one runs."""
    from .reference.resources import default_resources

    from .structure.language import load_identifier

    checked = check_stages(stages)
    resources = resources or default_resources()
    settings = settings or Settings()
    load_identifier()  # once per process, before the clock starts: loading a model is not the audit's time
    if settings.deadline and any(stage.name in ("claims", "checks") for stage in checked):
        _preload(resources)
    started = clock()
    deadline = started + settings.deadline if settings.deadline else None
    ctx = Context(document=document, resources=resources, settings=settings, deadline=deadline, started=started)
    report = empty_report(document)
    for stage in checked:
        reason = stage.applies(report, ctx) if stage.applies is not None else None
        if reason is not None:
            run = StageRun(stage.name, "skipped", reason)
            report = dataclasses.replace(report, notes=report.notes + (f"{stage.name}: not run: {reason}",))
        else:
            report = _run_one(stage, report, ctx)
            left_out = ctx.left_out.get(stage.name)
            run = StageRun(stage.name, "partial", "; ".join(left_out)) if left_out else StageRun(stage.name, "ran")
        report = dataclasses.replace(report, stages=report.stages + (run,))
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

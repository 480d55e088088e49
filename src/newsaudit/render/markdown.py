"""The report as Markdown: for a fact-checker's notes or an issue tracker."""

from __future__ import annotations

from ..model import Quote, Report
from .safe import markdown, neutralised
from .summary import SEVERITY_MARK, clip, evidence_line, facts_line, place_line, published_line, speaker_line


def _cell(text: object) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report) -> str:
    """The report as Markdown; every string from the article is escaped first (``safe.markdown``)."""
    report = neutralised(report, markdown)
    article = report.article
    lines = [f"# Audit: {article.headline or '(no headline)'}", ""]
    lines += [
        "| | |", "|---|---|",
        f"| Outlet | {_cell(article.outlet)} |",
        f"| Domain | {_cell(article.domain)} |",
        f"| URL | {_cell(article.url)} |",
        f"| Byline | {_cell(article.byline or 'none')} |",
        f"| Published | {_cell(published_line(report))} |",
        f"| Language | {_cell(article.language or 'unknown')} |",
        f"| Scores | provenance {report.scores.provenance:g}, consistency {report.scores.consistency:g} |",
        f"| Input | {_cell(report.input.source)} ({report.input.kind}, sha256 {report.input.sha256[:12]}…) |",
        "",
    ]
    lines += _findings(report) + _structure(report) + _claims(report) + _places(report) + _quotes(report)
    if report.notes:
        lines += ["## Notes", ""] + [f"- {note}" for note in report.notes] + [""]
    return "\n".join(lines)


def _findings(report: Report) -> list[str]:
    lines = [f"## Findings ({len(report.findings)})", ""]
    if not report.findings:
        return lines + ["No findings.", ""]
    for finding in report.findings:
        lines.append(f"- **{SEVERITY_MARK[finding.severity]}** `{finding.code}`: {finding.message}")
        lines += [f"  - {evidence_line(ev)}" for ev in finding.evidence]
        lines += [f"  - checked against: {ref.source}" + (f" ({ref.detail})" if ref.detail else "")
                  for ref in finding.refs]
    return lines + [""]


def _structure(report: Report) -> list[str]:
    article = report.article
    lines = ["## Structure", ""]
    lines += [f"- Section: {s.heading or '(opening)'} [{s.start}-{s.end}]" for s in article.sections]
    for index, media in enumerate(article.media):
        parts = [f"caption: {clip(media.caption, 100)}" if media.caption else None,
                 f"credit: {media.credit}" if media.credit else None,
                 f"file name: {media.file_name}" if media.file_name else None,
                 f"dated {media.date}" if media.date else None]
        lines.append(f"- media[{index}]: " + "; ".join(p for p in parts if p))
    lines += [f"- Removed as furniture: {_cell(line)}" for line in article.boilerplate]
    return lines + [""]


def _claims(report: Report) -> list[str]:
    lines = [f"## Claims ({len(report.claims)})", "", "| id | score | claim | facts | said by |",
             "|---|---|---|---|---|"]
    for claim in report.claims:
        lines.append(f"| {claim.id} | {claim.checkworthy:.2f} | {_cell(clip(claim.text, 140))} | "
                     f"{_cell(facts_line(claim))} | {_cell(speaker_line(claim))} |")
    return lines + [""]


def _places(report: Report) -> list[str]:
    lines = [f"## Places ({len(report.places)})", ""]
    return lines + [f"- {place_line(place)}" for place in report.places] + [""]


def _quotes(report: Report) -> list[str]:
    """Direct quotes in quotation marks, then reported speech ("X said that ...") as reported."""
    direct = [quote for quote in report.quotes if quote.direct]
    reported = [quote for quote in report.quotes if not quote.direct]
    lines = [f"## Quotes ({len(direct)})", ""]
    for quote in direct:
        lines.append(f"- {_who(quote)} ({quote.cue or 'no cue'}): \u201c{clip(quote.text, 160)}\u201d")
    if reported:
        lines += ["", f"## Reported speech ({len(reported)})", ""]
        for quote in reported:
            lines.append(f"- {_who(quote)} ({quote.cue or 'no cue'}): {clip(quote.text, 160)}")
    return lines + [""]


def _who(quote: Quote) -> str:
    if quote.speaker:
        return quote.speaker
    return f"({quote.role}, unnamed)" if quote.role else "unattributed"

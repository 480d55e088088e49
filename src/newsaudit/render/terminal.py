"""The report for a terminal, with rich: findings first, then what the page is and claims."""

from __future__ import annotations

import io
import os
import shutil

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Report
from .safe import neutralised, plain
from .summary import SEVERITY_MARK, clip, evidence_line, facts_line, place_line, published_line, speaker_line

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan", "info": "dim"}


def render_terminal(report: Report, *, color: bool | None = None, width: int | None = None) -> str:
    """Render to a string; colour only when asked or when stdout is a terminal. Control characters
    from the article are removed first (``safe.plain``), and its text is never read as rich markup."""
    report = neutralised(report, plain)
    if color is None:
        color = os.isatty(1) and "NO_COLOR" not in os.environ
    width = width or min(shutil.get_terminal_size((110, 24)).columns, 140)
    console = Console(file=io.StringIO(), force_terminal=color, color_system="standard" if color else None,
                      width=width, highlight=False, soft_wrap=False)
    _header(console, report)
    _findings(console, report)
    _claims(console, report)
    _places(console, report)
    if report.notes:
        console.print(Text("Notes", style="bold"))
        for note in report.notes:
            console.print(Text(f"  - {note}"))
    return console.file.getvalue()  # type: ignore[attr-defined]


def _header(console: Console, report: Report) -> None:
    article = report.article
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    rows = [("Headline", article.headline), ("Outlet", article.outlet), ("Domain", article.domain),
            ("Byline", article.byline or "none"), ("Published", published_line(report)),
            ("Language", article.language),
            ("Sections", ", ".join(s.heading or "(opening)" for s in article.sections)),
            ("Media", str(len(article.media))), ("Furniture removed", "; ".join(article.boilerplate) or "none"),
            ("Scores", f"provenance {report.scores.provenance:g}/100, consistency {report.scores.consistency:g}/100")]
    for label, value in rows:
        table.add_row(label, Text(str(value if value is not None else "unknown")))
    console.print(table)
    for index, media in enumerate(article.media):
        bits = [clip(media.caption or media.alt or "", 90), f"credit: {media.credit}" if media.credit else "",
                f"dated {media.date}" if media.date else ""]
        console.print(Text(f"  media[{index}] " + " | ".join(b for b in bits if b)))
    console.print()


def _findings(console: Console, report: Report) -> None:
    console.print(Text(f"Findings ({len(report.findings)})", style="bold underline"))
    if not report.findings:
        console.print("  none")
    for finding in report.findings:
        line = Text("  ")
        line.append(f"{SEVERITY_MARK[finding.severity]:<5}", style=SEVERITY_STYLE[finding.severity])
        line.append(f" {finding.code}  ", style="bold")
        line.append(finding.message)
        console.print(line)
        for evidence in finding.evidence[:4]:
            console.print(Text(f"         {evidence_line(evidence)}", style="dim"))
    console.print()


def _claims(console: Console, report: Report) -> None:
    table = Table(title=f"Claims ({len(report.claims)}), quotes ({len(report.quotes)})", title_justify="left",
                  show_lines=False, expand=True)
    table.add_column("id", no_wrap=True)
    table.add_column("score", no_wrap=True)
    table.add_column("claim", ratio=3)
    table.add_column("facts", ratio=2)
    table.add_column("said by", ratio=1)
    for claim in report.claims:
        table.add_row(claim.id, f"{claim.checkworthy:.2f}", Text(clip(claim.text, 200)),
                      Text(facts_line(claim)), Text(speaker_line(claim)))
    console.print(table)


def _places(console: Console, report: Report) -> None:
    if not report.places:
        return
    console.print(Text(f"Places ({len(report.places)})", style="bold underline"))
    for place in report.places:
        console.print(Text(f"  {place_line(place)}"))
    console.print()

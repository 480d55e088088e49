"""The report as one self-contained HTML page, for sharing a finding with a desk that has no terminal.

Every string from the article is escaped (``safe.html``) before it is placed, so nothing the
page carried (a script, an event handler, a link) is live in the report. No script, style
sheet or image is loaded from anywhere.
"""

from __future__ import annotations

from ..model import Report
from .safe import html, neutralised
from .summary import SEVERITY_MARK, clip, evidence_line, facts_line, place_line, published_line, speaker_line

STYLE = ("body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
         "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top}"
         ".high{color:#b00}.medium{color:#a60}.low{color:#06a}.info{color:#666}")


def render_html(report: Report) -> str:
    report = neutralised(report, html)
    article = report.article
    rows = [("Outlet", article.outlet), ("Domain", article.domain), ("URL", article.url),
            ("Byline", article.byline or "none"), ("Published", published_line(report)),
            ("Scores", f"provenance {report.scores.provenance:g}, consistency {report.scores.consistency:g}")]
    parts = ["<!doctype html>", '<html><head><meta charset="utf-8">',
             f"<title>Audit: {article.headline or '(no headline)'}</title><style>{STYLE}</style></head><body>",
             f"<h1>Audit: {article.headline or '(no headline)'}</h1>", "<table>"]
    parts += [f"<tr><th>{label}</th><td>{value if value is not None else 'unknown'}</td></tr>" for label, value in rows]
    parts += ["</table>", f"<h2>Findings ({len(report.findings)})</h2>", "<ul>"]
    for finding in report.findings:
        evidence = "".join(f"<li>{evidence_line(item)}</li>" for item in finding.evidence)
        parts.append(f'<li><b class="{finding.severity}">{SEVERITY_MARK[finding.severity]}</b> '
                     f"<code>{finding.code}</code>: {finding.message}<ul>{evidence}</ul></li>")
    parts += ["</ul>", f"<h2>Claims ({len(report.claims)})</h2>",
              "<table><tr><th>id</th><th>score</th><th>claim</th><th>facts</th><th>said by</th></tr>"]
    parts += [f"<tr><td>{c.id}</td><td>{c.checkworthy:.2f}</td><td>{clip(c.text, 200)}</td>"
              f"<td>{facts_line(c)}</td><td>{speaker_line(c)}</td></tr>" for c in report.claims]
    parts += ["</table>", f"<h2>Places ({len(report.places)})</h2>", "<ul>"]
    parts += [f"<li>{place_line(place)}</li>" for place in report.places]
    parts += ["</ul>"] + ([f"<h2>Notes</h2><ul>{''.join(f'<li>{n}</li>' for n in report.notes)}</ul>"]
                             if report.notes else []) + ["</body></html>"]
    return "\n".join(parts) + "\n"

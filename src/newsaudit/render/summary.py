"""Plain-language pieces shared by the Markdown and terminal renderers."""

from __future__ import annotations

from ..model import Claim, Evidence, Place, Report

SEVERITY_MARK = {"high": "HIGH", "medium": "MED", "low": "low", "info": "info"}


def published_line(report: Report) -> str:
    article = report.article
    if not article.published:
        return "unknown"
    line = f"{article.published} ({article.published_source})"
    return f"{line}: {article.published_note}" if article.published_note else line


def evidence_line(evidence: Evidence) -> str:
    where = evidence.where
    if evidence.start is not None:
        where = f"{where} {evidence.start}-{evidence.end}"
    return f"[{where}] {clip(evidence.text, 160)}"


def facts_line(claim: Claim) -> str:
    parts = [q.text for q in claim.quantities] + [f"{t.text} -> {t.start or '?'}" for t in claim.times]
    parts += [f"{p.text} ({p.country or p.kind}){f' [{p.id}]' if p.id else ''}" for p in claim.places]
    return "; ".join(parts)


def place_line(place: Place) -> str:
    """"p3 Moscow [1200-1206] -> Moscow, RU (PPLC, Moscow; 55.75, 37.62), metonymy"."""
    where = ", ".join(part for part in (place.name, place.country) if part)
    detail = "; ".join(part for part in (
        ", ".join(part for part in (place.feature or place.kind, place.admin1) if part),
        f"{place.lat:.2f}, {place.lon:.2f}" if place.lat is not None and place.lon is not None else "no coordinates",
    ) if part)
    return f"{place.id or ''} {place.text} [{place.char_start}-{place.char_end}] -> {where} ({detail}), {place.role}".strip()


def speaker_line(claim: Claim) -> str:
    if claim.speaker:
        return f"{claim.speaker.name} ({claim.speaker.role})" if claim.speaker.role else claim.speaker.name
    return claim.source or ""


def clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"

"""Refusals and languages on every shared dataset with pages or article text, and site reputation
findings on the shared real pages.

``refusals``: each page or article goes through the structure stage (refusals happen there: no
article, or a language the caller does not accept), as HTML with its URL or as flattened text.
Two newsaudit rows per dataset: every language accepted (the default now), and English only
(the former default, which refused every other language: the same pass, with every article whose
language is not "en" counted as refused); the languages reported are counted.
The baseline is trafilatura on the HTML datasets: a page it returns no text for is one it could
not read (flattened text has no such baseline). Datasets: ``article_extraction``,
``trafilatura_eval`` and ``polnear`` (train and dev), as the false-alarm harness reads them, plus
the article texts of ``geoparsing`` (``lgl.xml``, ``GeoVirus.xml``; title line, then the text) and
``wikiwars_ua_timex`` (Ukrainian, TIMEX tags removed).

``site_reputation``: the ``site.*`` findings on the real pages that have a URL (article_extraction,
trafilatura_eval, lgl), with the bundled lists and the outlet table, and with the lists of the
shared data directory added (as ``--lists`` would): which codes fire, on which domains. These are
real outlets; the findings are listed for a reader to judge, ``site.unreliable_list`` on a real
outlet is the one that would be wrong.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Iterator, Optional

from ...model import Article, InputInfo, Report, Tool
from ..results import MISSING, SystemRow, TaskResult
from . import Task

GEOPARSING = "geoparsing"
GEOPARSING_FILES = ("lgl.xml", "GeoVirus.xml")
WIKIWARS = "wikiwars_ua_timex"
_TAG = re.compile(r"<[^>]+>")


def _shared_items(data_dir: Path) -> dict[str, list]:
    """The items of every dataset present, keyed by dataset (geoparsing split by file)."""
    from ..false_alarms import Item, dataset_items

    found = dict(dataset_items(data_dir))
    for name in GEOPARSING_FILES:
        path = data_dir / GEOPARSING / name
        if path.is_file():
            found[f"{GEOPARSING}/{name.removesuffix('.xml')}"] = [
                Item(GEOPARSING, article.get("docid") or str(number), "text", text=text, url=url)
                for number, (article, text, url) in enumerate(_geoparsing_articles(path))]
    folder = data_dir / WIKIWARS / "keyinline"
    if folder.is_dir():
        found[WIKIWARS] = [Item(WIKIWARS, path.stem, "text", text=_wikiwars_text(path))
                           for path in sorted(folder.glob("*.xml"))]
    return {name: items for name, items in found.items() if items}


def _geoparsing_articles(path: Path) -> Iterator[tuple[ET.Element, str, Optional[str]]]:
    """Each article's element, its text (title line first when there is one) and URL."""
    for article in ET.parse(path).getroot().iter("article"):
        title, text = (article.findtext("title") or "").strip(), (article.findtext("text") or "").strip()
        if text:
            url = (article.findtext("url") or "").strip() or None
            yield article, (f"{title}\n\n{text}" if title and not text.startswith(title) else text), url


def _wikiwars_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    body = raw.split("<TEXT>", 1)[-1].split("</TEXT>", 1)[0]
    return _TAG.sub("", body).strip()


def _structure(item, languages: Optional[frozenset[str]]) -> tuple[Optional[str], Optional[str]]:
    """(language, None) for an article read, (None, refusal code) for one refused."""
    import newsaudit
    from ...pipeline import STAGES

    try:
        report = newsaudit.audit(item.payload(), url=item.url, kind=item.kind, stages=STAGES[:1],
                                 languages=languages, deadline=None)
    except newsaudit.NewsauditError as error:
        return None, getattr(error, "code", "error")
    return report.article.language, None


def _trafilatura_reads(item) -> bool:
    import trafilatura

    payload = item.payload()
    html = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
    return bool((trafilatura.extract(html, url=item.url) or "").strip())


def _refusal_row(system: str, outcomes: list[tuple[Optional[str], Optional[str]]], seconds: float) -> SystemRow:
    refused = Counter(code for _language, code in outcomes if code)
    languages = Counter(language for language, code in outcomes if not code)
    shown = ", ".join(f"{code} {count}" for code, count in languages.most_common(8))
    more = len(languages) - 8
    note = (f"refused {sum(refused.values())}/{len(outcomes)}"
            + (f" ({', '.join(f'{code} {n}' for code, n in refused.most_common())})" if refused else "")
            + f"; languages: {shown}" + (f" and {more} more" if more > 0 else ""))
    return SystemRow(system=system, items=len(outcomes), seconds=round(seconds, 1), note=note)


def refusals_result(found: dict[str, list]) -> TaskResult:
    rows: list[SystemRow] = []
    detail: dict[str, dict] = {}
    for name, items in found.items():
        per_dataset: dict[str, dict] = {}
        started = time.perf_counter()
        read = [_structure(item, None) for item in items]
        seconds = time.perf_counter() - started
        # English only refuses, after the same structure, every article whose language is not en
        english_only = [(language, code) if code or language == "en" else (None, "input.language")
                        for language, code in read]
        for system, outcomes in (("newsaudit (any language)", read),
                                 ("newsaudit (English only, former default)", english_only)):
            row = _refusal_row(f"{name}: {system}", outcomes, seconds)
            rows.append(row)
            per_dataset[system] = {
                "items": len(items), "refused": sum(1 for _l, code in outcomes if code),
                "refusals_by_code": dict(Counter(code for _l, code in outcomes if code).most_common()),
                "languages": dict(Counter(lang for lang, code in outcomes if not code).most_common()),
                "refused_ids": [item.id for item, (_l, code) in zip(items, outcomes) if code][:50],
            }
        if items[0].kind == "html":
            started = time.perf_counter()
            read = [_trafilatura_reads(item) for item in items]
            unread = sum(1 for ok in read if not ok)
            rows.append(SystemRow(system=f"{name}: trafilatura (no text = unread)", items=len(items),
                                  seconds=round(time.perf_counter() - started, 1),
                                  note=f"no text for {unread}/{len(items)}"))
            per_dataset["trafilatura"] = {"items": len(items), "unread": unread}
        detail[name] = per_dataset
    note = ("structure stage only (where refusals happen); 'any language' is the default now, 'English only' "
            "the former default; trafilatura's pages without text are the baseline on HTML")
    return TaskResult("refusals", "ok", tuple(rows), note, detail)


def reputation_result(found: dict[str, list], data_dir: Path) -> TaskResult:
    from ...checks.reputation import check_site_reputation
    from ...reference.lists import load_site_lists
    from ...reference.outlets import load_outlets
    from ...text.domains import registered_domain

    pages = [item for items in found.values() for item in items if item.url]
    outlets = load_outlets()
    systems = [("newsaudit (bundled lists + outlet table)", load_site_lists())]
    try:
        systems.append(("newsaudit (+ the shared data's lists, as --lists)", load_site_lists(data_dir)))
    except FileNotFoundError:
        pass
    rows, detail = [], {}
    for system, lists in systems:
        started = time.perf_counter()
        fired: dict[str, Counter[str]] = {}
        for item in pages:
            article = Article(outlet=None, domain=registered_domain(item.url), url=item.url, headline=None,
                              byline=None, published=item.published, published_source=None, text="")
            report = Report(Tool("newsaudit", "eval"), InputInfo(item.id, "html", ""), article)
            for finding in check_site_reputation(report, lists, outlets=outlets):
                fired.setdefault(finding.code, Counter())[f"{finding.severity} {article.domain}"] += 1
        note = "; ".join(f"{code} {sum(domains.values())}: {', '.join(sorted(domains))}"
                         for code, domains in sorted(fired.items())) or "no finding"
        rows.append(SystemRow(system=system, items=len(pages), seconds=round(time.perf_counter() - started, 2),
                              note=note))
        detail[system] = {code: dict(domains) for code, domains in fired.items()}
    return TaskResult("site_reputation", "ok", tuple(rows),
                      f"{len(pages)} real pages with a URL; site.unreliable_list on any of them would be a "
                      f"false alarm (disputed and state-affiliated findings are for a reader to judge)", detail)


def run(data_dir: Path, limit: Optional[int]) -> list[TaskResult]:
    found = _shared_items(data_dir)
    if not found:
        return [TaskResult("refusals", MISSING, note=f"no dataset with pages or article text under {data_dir}"),
                TaskResult("site_reputation", MISSING, note=f"no real pages under {data_dir}")]
    if limit is not None:
        found = {name: items[:limit] for name, items in found.items()}
    return [refusals_result(found), reputation_result(found, data_dir)]


TASK = Task("refusals", run, slow=True,
            description="refusals and languages per dataset (any language vs English only), and site "
                        "reputation findings on the shared real pages")

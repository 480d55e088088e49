"""Structure of an HTML page: trafilatura for the body and metadata, plus what it leaves out.

trafilatura finds the main text and the page metadata (its date comes from htmldate), and
drops navigation, share bars and footers. It does not keep pictures as data, and its body can
still hold a figure's caption or credit when a theme puts them in paragraphs. So before
handing the parsed tree to trafilatura (one parse for both), this module reads the figures
(caption, credit, alt text, source) and the publisher names it may miss, then removes caption
and credit text from the body it gets back and maps ``<head>`` elements to sections.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterator, Optional

from lxml import etree, html as lxml_html

from ..errors import NoArticle
from ..model import Article, Media, Section
from .boilerplate import is_boilerplate
from .dates import first_date
from .domains import registered_domain
from .text import split_credit
from .wire import find_agency, parse_wire_filename

CREDIT_CLASS = re.compile(r"credit|copyright|byline|source|attribution|photographer", re.IGNORECASE)
TRAFILATURA_DATES = {"original_date": True, "extensive_search": False}  # metadata only, the first-published date


def load_tree(content: str) -> Any:
    try:
        tree = lxml_html.document_fromstring(content.encode("utf-8"),
                                             parser=lxml_html.HTMLParser(encoding="utf-8", recover=True))
    except (etree.ParserError, ValueError):
        raise NoArticle("the HTML page could not be parsed: it has no document element") from None
    return tree


def parse_html(content: str, *, url: Optional[str] = None) -> Article:
    import trafilatura

    tree = load_tree(content)
    media = list(_figures(tree))
    publisher = _publisher_name(tree)
    canonical = _canonical_url(tree)
    extracted = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, date_extraction_params=TRAFILATURA_DATES,
    )
    if extracted is None or extracted.body is None:
        raise NoArticle("no article text found in the HTML page")
    page_url = url or canonical or extracted.url
    text, sections, removed = _body(extracted.body, media, extracted.title)
    published = extracted.date if extracted.date and re.match(r"^\d{4}-\d{2}-\d{2}$", extracted.date) else None
    outlet = publisher or extracted.sitename
    return Article(
        outlet=outlet, domain=registered_domain(page_url) or registered_domain(extracted.hostname), url=page_url,
        headline=extracted.title, byline=extracted.author, published=published,
        published_source="metadata" if published else None,
        published_note="from the page metadata (htmldate via trafilatura)" if published else None,
        text=text, sections=tuple(sections), media=tuple(media), boilerplate=tuple(removed),
        outlet_source=("metadata" if publisher or extracted.sitename else None),
    )


def _body(body: Any, media: list[Media], headline: Optional[str]) -> tuple[str, list[Section], list[str]]:
    """Paragraphs and headings of trafilatura's body, minus captions, credits and furniture."""
    picture_text = {_norm(part) for item in media for part in (item.caption, item.credit, item.alt) if part}
    paragraphs: list[str] = []
    sections: list[Section] = []
    removed: list[str] = []
    heading: Optional[str] = None
    start = offset = 0
    for element in body:
        line = " ".join("".join(element.itertext()).split())
        if not line:
            continue
        if element.tag == "head":
            if headline and _norm(line) == _norm(headline):
                continue  # the headline repeated as the body's first heading
            if offset > start or heading is not None:
                sections.append(Section(heading, start, max(start, offset - 2)))
            heading, start = line, offset
            continue
        if _norm(line) in picture_text or (is_boilerplate(line) and len(line.split()) <= 12):
            removed.append(line)
            continue
        paragraphs.append(line)
        offset += len(line) + 2
    text = "\n\n".join(paragraphs)
    if paragraphs:
        sections.append(Section(heading, start, len(text)))
    return text, sections, [line for line in removed if _norm(line) not in picture_text]


def _figures(tree: Any) -> Iterator[Media]:
    for figure in tree.iter("figure"):
        images = figure.xpath(".//img")
        alt = (images[0].get("alt") or "").strip() or None if images else None
        src = images[0].get("src") if images else None
        credit = _credit_of(figure)
        caption_el = figure.find(".//figcaption")
        caption = _caption_text(caption_el) if caption_el is not None else None
        if caption and not credit:
            caption, credit = split_credit(caption)
        if not (caption or alt or credit):
            continue
        wire = parse_wire_filename(alt) if alt else None
        dated = (wire.date if wire else None) or (first_date(caption) if caption else None)
        yield Media(caption=caption or None, alt=alt, credit=credit, date=dated.isoformat() if dated else None,
                    file_name=wire.raw if wire else None, src=src,
                    agency=(wire.agency if wire else None) or find_agency(credit))


def _credit_of(figure: Any) -> Optional[str]:
    for element in figure.iter():
        if isinstance(element.tag, str) and CREDIT_CLASS.search(element.get("class", "") or ""):
            text = " ".join("".join(element.itertext()).split())
            if text:
                return re.sub(r"^(?:©|Photo:|Credit:|Image:)\s*", "", text)
    return None


def _caption_text(caption: Any) -> Optional[str]:
    """The caption without the credit elements nested in it."""
    parts: list[str] = []
    for element in caption.iter():
        if element is not caption and isinstance(element.tag, str) and CREDIT_CLASS.search(element.get("class", "") or ""):
            if element.tail:
                parts.append(element.tail)
            continue
        if element.text and not _inside_credit(element, caption):
            parts.append(element.text)
        if element is not caption and element.tail and not _inside_credit(element.getparent(), caption):
            parts.append(element.tail)
    text = " ".join(" ".join(parts).split())
    return text or None


def _inside_credit(element: Any, stop: Any) -> bool:
    while element is not None and element is not stop:
        if isinstance(element.tag, str) and CREDIT_CLASS.search(element.get("class", "") or ""):
            return True
        element = element.getparent()
    return False


def _publisher_name(tree: Any) -> Optional[str]:
    """og:site_name, application-name, then a JSON-LD publisher: what the page calls its outlet."""
    for xpath in ('//meta[@property="og:site_name"]/@content', '//meta[@name="application-name"]/@content'):
        values = [v.strip() for v in tree.xpath(xpath) if v.strip()]
        if values:
            return values[0]
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        name = _json_ld_publisher(script)
        if name:
            return name
    return None


def _json_ld_publisher(script: str) -> Optional[str]:
    try:
        data = json.loads(script)
    except ValueError:
        return None
    items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
    for item in items:
        publisher = item.get("publisher") if isinstance(item, dict) else None
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            return publisher["name"].strip() or None
    return None


def _canonical_url(tree: Any) -> Optional[str]:
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        values = [v.strip() for v in tree.xpath(xpath) if v.strip().startswith("http")]
        if values:
            return values[0]
    return None


def _norm(text: str) -> str:
    return " ".join(text.lower().split())

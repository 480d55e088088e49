"""The same jobs done by other tools, so every newsaudit figure has a reference beside it.

Body extraction: trafilatura alone, readability-lxml and jusText, called as the article-
extraction benchmark's own ``extractors/run_*.py`` call them (jusText with the English stoplist
and the benchmark's parameters). The benchmark turns readability's HTML summary into text with
``html_text``; that package is not a dependency here, so block elements are separated by line
breaks with lxml instead, which gives the same ``\\w+`` tokens.

Impersonation: the naive fuzzy matcher a user would write instead of newsaudit's (an outlet
name scoring ``ratio >= 85`` against a known outlet's name while the page's domain is not one of
that outlet's domains).
"""

from __future__ import annotations

from typing import Any, Iterable, Optional

from lxml import etree, html as lxml_html

from ..errors import NewsauditError
from ..settings import Settings

ANY_LANGUAGE = Settings(kind="html", languages=None)  # body extraction is measured on every page

NAIVE_FUZZY_THRESHOLD = 85
JUSTEXT_PARAMS = (50, 200, 0.1, 0.2, 0.2, 200, True)  # the benchmark's run_justext.py settings
BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
              "article", "figure", "figcaption", "pre", "ul", "ol", "table", "header", "footer"}


def newsaudit_body(html: str, url: Optional[str] = None) -> str:
    """newsaudit's structure stage alone; a page it refuses (no article) predicts nothing."""
    from ..ingest import load_document
    from ..structure import build_article

    try:
        settings = ANY_LANGUAGE.replace(url=url)
        return build_article(load_document(html, settings), settings).text
    except NewsauditError:
        return ""


def newsaudit_article(html: str, url: Optional[str] = None) -> Any:
    """The whole ``Article`` (outlet, domain) or None when newsaudit finds no article."""
    from ..ingest import load_document
    from ..structure import build_article

    try:
        settings = ANY_LANGUAGE.replace(url=url)
        return build_article(load_document(html, settings), settings)
    except NewsauditError:
        return None


def trafilatura_body(html: str, url: Optional[str] = None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def readability_body(html: str) -> str:
    from readability import Document

    try:
        summary = Document(html).summary(html_partial=True)
    except (etree.ParserError, ValueError):  # Unparseable (a ValueError) on pages with no usable body
        return ""
    return html_to_text(summary)


def justext_body(html: str, stoplist: str = "English") -> str:
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist(stoplist), *JUSTEXT_PARAMS)
    return " ".join(paragraph.text for paragraph in paragraphs if not paragraph.is_boilerplate)


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment with a line break at every block boundary."""
    if not fragment.strip():
        return ""
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def naive_impersonation(name: Optional[str], domain: Optional[str],
                        outlets: Iterable[tuple[str, Iterable[str]]]) -> Optional[str]:
    """The outlet ``name`` fuzzily resembles while ``domain`` is not one of its domains, if any.

    ``outlets`` yields (outlet name, its registered domains).
    """
    from rapidfuzz import fuzz

    if not name:
        return None
    wanted = name.casefold().strip()
    for outlet_name, domains in outlets:
        if fuzz.ratio(wanted, outlet_name.casefold()) >= NAIVE_FUZZY_THRESHOLD:
            if (domain or "").lower() not in {d.lower() for d in domains}:
                return outlet_name
    return None


# --- quantities: newsaudit and quantulum3 read the same labelled sentences --------------------

Reading = tuple[int, int, Optional[float], Optional[float], Optional[float]]  # start, end, value, low, high


def newsaudit_readings(sentence: str) -> list[Reading]:
    from ..claims.quantities import find_quantities

    return [(q.char_start, q.char_end, q.value, q.low, q.high) for q in find_quantities(sentence)]


def quantulum_readings(sentence: str) -> list[Reading]:
    """quantulum3's quantities; a range comes back as its middle value and half-width."""
    import warnings

    from quantulum3 import parser

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = parser.parse(sentence)
    readings = []
    for quantity in found:
        start, end = quantity.span
        if quantity.uncertainty:
            readings.append((start, end, None, quantity.value - quantity.uncertainty,
                             quantity.value + quantity.uncertainty))
        else:
            readings.append((start, end, quantity.value, None, None))
    return readings

"""Headline and byline of an HTML page: what the page shows, without the site's furniture.

Headline. Pages state their title several times: the ``<title>`` element and ``og:title``
(often with the site's name: "Story | The Daily World", "Glam - Story"), JSON-LD ``headline``
and the ``<h1>`` a reader sees. The site's part is cut from a stated title when it names the
outlet (og:site_name, JSON-LD publisher, the outlet table's name for the domain, the domain
itself) or is a bare date; an ``<h1>`` that agrees with a stated title is the headline as
printed, and when none agrees the first cleaned stated title is used, the first ``<h1>`` only
when the page states none.

Byline. Candidates come from JSON-LD ``author`` (Person before Organization, arrays joined),
meta tags (author, article:author, parsely-author, sailthru.author, dc.creator), trafilatura's
own reading, and the page as printed: ``rel=author`` links, ``itemprop=author``, elements whose
class names a byline or author, and "By ..." ("Von", "Par", "Por") lines. Each is cleaned: the
label, dates, times and role text after the names are cut, "and" debris and the outlet's own name
dropped (unless the outlet is the only credit), names split and joined again.
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any, Iterable, Iterator, Optional

from ..text.bylines import (MAX_BYLINE_CHARS, PRINTED_BYLINE, choose_byline, clean_byline,  # noqa: F401
                            credit_in_text, name_key, names_site)
from ..text.domains import registered_domain

# Separators between a title and the site's part: " | ", " - ", " – ", " — ", " :: ", " » ", " · ".
TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—·•»«/~]|-{1,2}|::)\s+|(?<=\w)\|(?=\w)")
MAX_TITLE_CHARS = 400  # no headline is longer; a longer title is cut before it is compared (bounded time)
LEADING_PUNCTUATION = re.compile(r"^[\s\-–—|:•·]+")  # a longer segment is part of the headline, not the site's name
MAX_ANCESTORS = 60
AUTHOR_META = ("author", "article:author", "og:article:author", "parsely-author", "sailthru.author", "dc.creator",
               "dcterms.creator", "citation_author", "byl", "twitter:creator")
# Classes of the printed byline; "author" alone also names author boxes and comment authors.
BYLINE_CLASS = re.compile(r"byline|(?:^|[\s_-])(?:author|autor|verfasser)(?:[\s_-]|name|$)|(?:^|\s)fn(?:\s|$)|"
                          r"writer|reporter", re.IGNORECASE)
NOT_BYLINE_CLASS = re.compile(r"comment|reply|avatar|related|teaser|bio\b|description|share|social", re.IGNORECASE)
OFF_ARTICLE = re.compile(r"comment|related|recommend|teaser|sidebar|footer|(?:^|[\s_-])nav|menu|widget",
                         re.IGNORECASE)


# --- headline ------------------------------------------------------------------------------


def site_keys(names: Iterable[Optional[str]], url: Optional[str], *, table: bool = True) -> frozenset[str]:
    """Keys of the outlet's names: the page's own, the outlet table's (unless ``table`` is False), the domain's."""
    keys = {name_key(name) for name in names if name}
    domain = registered_domain(url) if url else None
    if domain:
        keys.add(name_key(domain))
        keys.add(name_key(domain.split(".")[0]))
        outlet = _outlets().by_domain(domain) if table else None
        if outlet is not None:
            keys.update(name_key(name) for name in (outlet.name,) + outlet.aliases)
    keys |= {key[3:] for key in keys if key.startswith("the")}  # "The Harbour Herald" prints as "Harbour Herald"
    return frozenset(key for key in keys if len(key) >= 3)


@functools.lru_cache(maxsize=1)
def _outlets() -> Any:
    from ..reference.outlets import load_outlets

    return load_outlets()


def has_separator(title: Optional[str]) -> bool:
    return bool(title and TITLE_SEPARATOR.search(title))


def strip_site(title: Optional[str], keys: frozenset[str]) -> Optional[str]:
    """The title without the site's name (or a date) before or after a separator."""
    if not title:
        return title
    text = " ".join(title.split())
    for _ in range(3):  # "Story - Section - Site" loses "Site", then "Section" only if it names the site
        parts = TITLE_SEPARATOR.split(text)
        if len(parts) < 2:
            break
        matches = list(TITLE_SEPARATOR.finditer(text))
        tail, head = text[matches[-1].end():], text[:matches[0].start()]
        if names_site(tail, keys):
            text = text[:matches[-1].start()].strip()
        elif names_site(head, keys):
            text = text[matches[0].end():].strip()
        else:
            # the site's part may itself hold a separator: "Story - AOC media - Analyse Opinion Critique"
            cut = next((m for m in matches[:-1] if names_site(text[m.end():], keys)), None)
            if cut is None:
                break
            text = text[:cut.start()].strip()
    return text or " ".join(title.split())


def choose_headline(stated: list[Optional[str]], printed: list[str], keys: frozenset[str]) -> Optional[str]:
    """An ``<h1>`` that agrees with a stated title, else the first stated title without the site's part.

    An ``<h1>`` that is a stated title after a kicker ("Olympics: Paris Drinks by boat to the
    centre") gives the stated title: the kicker is the section's label, not the headline.
    """
    stated = [html.unescape(title[:MAX_TITLE_CHARS]) for title in stated if title and title.strip()]
    printed = [heading[:MAX_TITLE_CHARS] for heading in printed]
    keys = _not_titles(keys, stated)
    cleaned = [strip_site(title, keys) for title in stated]
    cleaned = [title for title in cleaned if title and not names_site(title, keys)]  # the site's own name
    raw = [" ".join(title.split()) for title in stated if not names_site(title, keys)]
    printed = [heading for heading in (LEADING_PUNCTUATION.sub("", heading) for heading in printed)
               if heading and not names_site(heading, keys)]
    for heading in printed:
        after_kicker = next((title for title in cleaned if _after_kicker(heading, title)), None)
        if after_kicker:
            return after_kicker
        if _agrees(heading, cleaned + raw):
            return heading
    if cleaned:
        return cleaned[0]
    return printed[0] if printed else None


def _not_titles(keys: frozenset[str], stated: list[str]) -> frozenset[str]:
    """Site names that are not a stated title in disguise (a reader's site name taken from <title>)."""
    heads = {name_key(TITLE_SEPARATOR.split(" ".join(title.split()))[0]) for title in stated}
    return frozenset(key for key in keys if not any(len(head) >= 8 and key.startswith(head) for head in heads))


def _agrees(heading: str, titles: list[str]) -> bool:
    from rapidfuzz import fuzz

    key = name_key(heading)
    if len(key) < 3:
        return False
    for title in titles:
        other = name_key(title)
        if key == other or (len(key) >= 0.6 * len(other) and key in other):
            return True
        if fuzz.ratio(key, other) >= 90:
            return True
    return False


def _after_kicker(heading: str, title: str) -> bool:
    key, other = name_key(heading), name_key(title)
    return len(other) >= 12 and key.endswith(other) and len(key) > len(other)


# --- byline --------------------------------------------------------------------------------


def json_ld_authors(items: list[dict], article_type: re.Pattern[str]) -> Optional[str]:
    """The article object's ``author``: Person names before Organization names."""
    for item in sorted(items, key=lambda item: not article_type.search(" ".join(_types(item)))):
        authors = item.get("author") or item.get("creator")
        if authors is None:
            continue
        people, others = [], []
        for author in authors if isinstance(authors, list) else [authors]:
            if isinstance(author, str) and author.strip():
                people.append(author.strip())
            elif isinstance(author, dict) and isinstance(author.get("name"), str) and author["name"].strip():
                (others if "Organization" in " ".join(_types(author)) else people).append(author["name"].strip())
        if people or others:
            return ", ".join(people or others)
    return None


def _types(item: dict) -> list[str]:
    kinds = item.get("@type", [])
    return [kinds] if isinstance(kinds, str) else [kind for kind in kinds if isinstance(kind, str)]


def meta_authors(tree: Any) -> Optional[str]:
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        value = (meta.get("content") or "").strip()
        if key in AUTHOR_META and value and key not in found and not value.startswith(("http", "@", "www.")):
            found[key] = value
    return next((found[key] for key in AUTHOR_META if key in found), None)


def printed_bylines(tree: Any) -> Iterator[str]:
    """Bylines as the page prints them: rel=author, itemprop=author, byline classes, "By ..." lines."""
    for element in tree.xpath('//a[@rel="author"] | //*[@itemprop="author"] | //*[@class]'):
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "meta", "link", "body", "html"):
            continue
        classes = element.get("class") or ""
        if element.get("rel") != "author" and element.get("itemprop") != "author" and not (
                BYLINE_CLASS.search(classes) and not NOT_BYLINE_CLASS.search(classes)):
            continue
        if _off_article(element):
            continue
        name = element.xpath('string(.//*[@itemprop="name"])') if element.get("itemprop") == "author" else ""
        text = " ".join((name[:MAX_BYLINE_CHARS + 1] or _short_text(element, MAX_BYLINE_CHARS + 1)).split())
        if text and len(text) <= MAX_BYLINE_CHARS:
            yield text
    for element in tree.xpath('//p | //div[not(*)] | //span[not(*)]'):
        text = " ".join(_short_text(element, 81).split())
        if len(text) <= 80 and PRINTED_BYLINE.match(text) and not _off_article(element):
            yield text


def _short_text(element: Any, most: int) -> str:
    """The element's text, read no further than ``most`` characters (a byline is short)."""
    parts: list[str] = []
    length = 0
    for piece in element.itertext():
        parts.append(piece)
        length += len(piece)
        if length >= most:
            break
    return " ".join(parts)[:most]


def _off_article(element: Any) -> bool:
    for depth, ancestor in enumerate(element.iterancestors()):
        if depth > MAX_ANCESTORS:
            return True  # nested deeper than any article's markup: not the article's byline
        if ancestor.tag in ("article", "main"):
            return False
        if ancestor.tag in ("footer", "nav", "aside") or OFF_ARTICLE.search(
                (ancestor.get("class") or "") + " " + (ancestor.get("id") or "")):
            return True
    return False



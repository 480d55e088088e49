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
import unicodedata
from typing import Any, Iterable, Iterator, Optional

from ..text.domains import registered_domain

# Separators between a title and the site's part: " | ", " - ", " – ", " — ", " :: ", " » ", " · ".
TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—·•»«/~]|-{1,2}|::)\s+|(?<=\w)\|(?=\w)")
BARE_DATE = re.compile(r"^\W*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\W*$")
MAX_SITE_WORDS = 8
LEADING_PUNCTUATION = re.compile(r"^[\s\-–—|:•·]+")  # a longer segment is part of the headline, not the site's name
# Labels a printed byline opens with, in the languages the pages come in.
BYLINE_LABEL = re.compile(
    r"^(?:(?:written|posted|reported|words|story|text|reporting|photos?|interview|published)\s+by|by|von|vom|par|por|"
    r"przez|autor(?:in|en)?|author|authors|text|texte|redaktion|verfasser(?:in)?|"
    r"geschrieben von|ein (?:beitrag|artikel) von|un (?:article|documentaire) de|publicado por|"
    r"escrito por|reportage|analysis by|opinion by|commentary by|текст|автор|фото)\s*[:\-–]?\s+",
    re.IGNORECASE,
)
# Where the names end: a separator, a date or time, or the label printed after them.
BYLINE_TAIL = re.compile(
    r"\s*(?:[|•·]|\s[-–—]\s|\s\d{1,2}[./]\d{1,2}[./]\d{2,4}|\s\d{4}-\d{2}-\d{2}|\s\d{1,2}:\d{2}|"
    r"\s(?:am|on|le|el|il|published|posted|updated|veröffentlicht|aktualisiert|stand|publié|publicado)\s+\d|"
    r",?\s(?:published|posted|updated|veröffentlicht|aktualisiert|stand:|publié|mis à jour|actualizado)\b|"
    r"\s(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|januar|februar|märz|mai|juni|juli|"
    r"oktober|dezember)\s+\d|\s\d{1,2}\.?\s+(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)"
    r"|\s(?:says|said|shares|follow|twitter|e-mail|email|mehr artikel|more articles)\b"
    r"|\s(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag)\b).*$",
    re.IGNORECASE,
)
NAME_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b|\bund\b|\bet\b|\by\b|\bi\b|\boraz\b|\ben\b|\bsowie\b)\s*")
# Role text and degrees that ride along with a name ("Jane Doe, PhD", "Jane Doe, Staff Writer").
ROLE = re.compile(
    r"^(?:ph\.?d\.?|m\.?d\.?|mba|msc|ms|ma|ba|rd|rdn|cpt|jr\.?|sr\.?|agencies|agency|admin|administrator|"
    r"facebook|twitter|instagram|linkedin)$|"
    r"(?:^|\s)(?:writer|reporter|editor(?:-at-large)?|correspondent|columnist|contributor|redakteur(?:in)?|"
    r"korrespondent(?:in)?|journalist(?:in)?|reporter(?:in)?|photographer|fotograf(?:in)?|staff|team|newsroom|"
    r"redaktion)$",
    re.IGNORECASE,
)
# Role words glued after a name: "Tom Lee News reporter" -> "Tom Lee".
TRAILING_ROLE = re.compile(r"(?<=\S)\s+(?:(?:news|staff|senior|chief|political|sports|business)\s+)?"
                           r"(?:reporter|writer|correspondent|editor|journalist)$", re.IGNORECASE)
MAX_NAME_WORDS = 6
NAME_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$|^[\w.'’-]*[^\W\d_][\w.'’-]*$")
AUTHOR_META = ("author", "article:author", "og:article:author", "parsely-author", "sailthru.author", "dc.creator",
               "dcterms.creator", "citation_author", "byl", "twitter:creator")
# Classes of the printed byline; "author" alone also names author boxes and comment authors.
BYLINE_CLASS = re.compile(r"byline|(?:^|[\s_-])(?:author|autor|verfasser)(?:[\s_-]|name|$)|(?:^|\s)fn(?:\s|$)|"
                          r"writer|reporter", re.IGNORECASE)
NOT_BYLINE_CLASS = re.compile(r"comment|reply|avatar|related|teaser|bio\b|description|share|social", re.IGNORECASE)
OFF_ARTICLE = re.compile(r"comment|related|recommend|teaser|sidebar|footer|(?:^|[\s_-])nav|menu|widget",
                         re.IGNORECASE)
MAX_BYLINE_CHARS = 160
PRINTED_BYLINE = re.compile(r"^(?:By|BY|Von|VON|Par|PAR|Por|POR|Text:|Texte:|Autor:|Autorin:|Author:)\s+"
                            r"(?P<names>[A-ZÀ-ÞĀ-Ž].{1,120})$")
NAME_PARTICLES = frozenset("von van der den de da di du del della la le bin al ibn y e".split())


# --- headline ------------------------------------------------------------------------------


def name_key(text: Optional[str]) -> str:
    """Letters and digits only, folded: "The Daily-World.com" -> "thedailyworldcom"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch)).casefold()


def site_keys(names: Iterable[Optional[str]], url: Optional[str]) -> frozenset[str]:
    """Keys of the outlet's names: the page's own, the outlet table's, and the domain's."""
    keys = {name_key(name) for name in names if name}
    domain = registered_domain(url) if url else None
    if domain:
        keys.add(name_key(domain))
        keys.add(name_key(domain.split(".")[0]))
        outlet = _outlets().by_domain(domain)
        if outlet is not None:
            keys.update(name_key(name) for name in (outlet.name,) + outlet.aliases)
    return frozenset(key for key in keys if len(key) >= 3)


@functools.lru_cache(maxsize=1)
def _outlets() -> Any:
    from ..reference.outlets import load_outlets

    return load_outlets()


def names_site(segment: str, keys: frozenset[str]) -> bool:
    """Whether a title segment is the site's name (or a name the site's name contains)."""
    if len(segment.split()) > MAX_SITE_WORDS:
        return False
    key = name_key(segment)
    if not key:
        return True  # a stray separator or symbol
    if BARE_DATE.match(segment):
        return True
    for site in keys:
        if key == site:
            return True
        # "Rezept von Backen.de" holds the site's name; "Teufel" is the start of "Teufel Blog"
        if len(site) >= 4 and site in key and len(site) >= 0.4 * len(key):
            return True
        if len(key) >= 4 and key in site and len(key) >= 0.5 * len(site):
            return True
    return False


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
    stated = [html.unescape(title) for title in stated if title and title.strip()]
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


def clean_byline(raw: Optional[str], keys: frozenset[str]) -> Optional[str]:
    """The names a byline credits, as printed, without label, date, role or the outlet's name."""
    names = byline_name_list(raw)
    if not names:
        return None
    people = [name for name in names if not names_site(name, keys)]
    return join_names(people or names)


def byline_name_list(raw: Optional[str]) -> list[str]:
    text = " ".join((raw or "").split())
    if not text or len(text) > MAX_BYLINE_CHARS or text.lower().startswith(("http://", "https://", "www.")):
        return []
    text = re.sub(r"^[\s\W]*(?=\w)", "", text)
    for _ in range(2):
        text = BYLINE_LABEL.sub("", text)
    text = BYLINE_TAIL.sub("", text).strip(" ,;:-–—|()")
    names: list[str] = []
    roles: list[str] = []
    for part in NAME_SPLIT.split(text):
        part = part.strip(" .,;:-–—|()\"'“”")
        part = re.sub(r"^(?:(?i:by|von|par|por)\s+)", "", part)
        if not part or "@" in part or "://" in part:
            continue
        words = part.split()
        if len(words) > MAX_NAME_WORDS or not all(NAME_WORD.match(word) for word in words):
            return []  # a sentence or a label, not a list of names
        stripped = TRAILING_ROLE.sub("", part) if len(words) > 3 else part
        if stripped == part and ROLE.search(part):
            roles.append(part)  # "AP Auto Writer", "PhD": role text, unless it is the whole credit ("HNN Staff")
            continue
        part = stripped
        if part not in names:
            names.append(part)
    return names or [role for role in roles if len(role.split()) > 1]


def join_names(names: list[str]) -> Optional[str]:
    if not names:
        return None
    return ", ".join(names)


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
        text = " ".join((name or " ".join(element.itertext())).split())
        if text and len(text) <= MAX_BYLINE_CHARS:
            yield text
    for element in tree.xpath('//p | //div[not(*)] | //span[not(*)]'):
        text = " ".join(" ".join(element.itertext()).split())
        if len(text) <= 80 and PRINTED_BYLINE.match(text) and not _off_article(element):
            yield text


def _off_article(element: Any) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.tag in ("article", "main"):
            return False
        if ancestor.tag in ("footer", "nav", "aside") or OFF_ARTICLE.search(
                (ancestor.get("class") or "") + " " + (ancestor.get("id") or "")):
            return True
    return False


def choose_byline(candidates: list[Optional[str]], keys: frozenset[str]) -> Optional[str]:
    """The first candidate that cleans to at least one name; a person before the outlet's own name."""
    fallback = None
    for raw in candidates:
        names = byline_name_list(raw)
        if not names:
            continue
        people = [name for name in names if not names_site(name, keys)]
        if people:
            return join_names(people)
        fallback = fallback or join_names(names)
    return fallback


# --- credits in the text -------------------------------------------------------------------

# "Reporting by Ann Lee and Bo Chen; Editing by Cy Dow", "(Additional reporting by Ann Lee)".
REPORTING_CREDIT = re.compile(
    r"^\(?(?:additional )?(?:reporting|writing|reported|written) by (?P<names>[^\W\d_][^;()\n]{1,120}?)"
    r"(?:;|\)|\.?$|\s+in\s+[A-Z])", re.IGNORECASE)
# A wire dateline's agency: "LONDON (Reuters) -", "(CNN) --", "Moscow, SANA-".
AGENCY_DATELINE = re.compile(
    r"^(?:[A-ZÀ-Þ][\w.'’ -]{1,40},?\s*)?(?:[A-Z][\w. ]{1,30},?\s*)?\((?P<paren>Reuters|AP|AFP|CNN|Bloomberg|dpa|EFE|"
    r"ANSA|PTI|IANS|Xinhua|UPI|AAP|CP|KNA|APA|SDA|Yonhap|Kyodo|TASS|Anadolu|Press Association|PA|"
    r"The Associated Press|Associated Press)\)\s*[-–—]|^(?:[A-Z][\w ]{1,30}),\s*(?P<bare>SANA|WAFA|IRNA|KUNA|WAM|SPA)\s*[-–—]")
CREDIT_PARAGRAPHS = 4  # a credit line sits among the first or last few paragraphs


def _capitalised(names: str) -> bool:
    words = [word for word in re.split(r"[\s,]+", names) if word]
    return all(word[0].isupper() or word.lower() in NAME_PARTICLES for word in words)


def credit_in_text(text: str, keys: frozenset[str] = frozenset()) -> Optional[str]:
    """Who the body itself credits: a "By ..." line, a "Reporting by ..." line, or a wire agency."""
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    edges = paragraphs[:CREDIT_PARAGRAPHS] + paragraphs[-CREDIT_PARAGRAPHS:]
    for paragraph in edges:
        if len(paragraph.split()) <= 20 and PRINTED_BYLINE.match(paragraph):
            names = clean_byline(paragraph, keys)
            if names and _capitalised(names):
                return names
    for paragraph in edges:
        for sentence in re.split(r"(?<=[.;])\s+(?=\(?[A-Z])", paragraph)[-3:]:
            match = REPORTING_CREDIT.match(sentence.strip())
            if match:
                names = clean_byline(match["names"], frozenset())
                if names:
                    return names
    if paragraphs:
        match = AGENCY_DATELINE.match(paragraphs[0])
        if match:
            return match["paren"] or match["bare"]
    return None

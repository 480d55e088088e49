"""Headline and byline of an HTML page: what the page shows, without the site's furniture.

Headline. Pages state their title several times: the ``<title>`` element and ``og:title``
(often with the site's name: "Story | The Daily World", "Glam - Story"), JSON-LD ``headline``
and the ``<h1>`` a reader sees. The site's part is cut from a stated title when it names the
outlet (og:site_name, JSON-LD publisher, the outlet table's name for the domain, the domain
itself) or is a bare date; an ``<h1>`` that agrees with a stated title is the headline as
printed; when none agrees, a stated title the page prints as an ``<h2>`` (or as an ``<h1>`` in a
region that is not the article), else the page's only ``<h1>``, else the first cleaned stated title.

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

from lxml import etree

from ..text.bylines import (BARE_DATE, INNER_BYLINE, MAX_BYLINE_CHARS, PRINTED_BYLINE, choose_byline, clean_byline,  # noqa: F401
                            credit_in_text, name_key, names_site)
from ..text.domains import registered_domain

# Separators between a title and the site's part: " | ", " - ", " – ", " — ", " :: ", " » ", " › ", " · ", " // ", " > ".
TITLE_SEPARATOR = re.compile(r"\s+(?:[|ǀ｜–—·•»«›‹⋆/~>]|-{1,2}|::|//|>>|\|\|)\s+|(?<=\w)[|｜](?=\w)")
MAX_TITLE_CHARS = 400  # no headline is longer; a longer title is cut before it is compared (bounded time)
LEADING_PUNCTUATION = re.compile(r"^[\s\-–—|:•·]+")  # a longer segment is part of the headline, not the site's name
MAX_ANCESTORS = 60
# Blocks a byline is printed in: leaves, and meta lines of a few inline parts ("<div>Ein Artikel von
# <strong>Ann Lee</strong> | 27.01.2022</div>"); at most this long.
SHORT_BLOCKS = etree.XPath('//p | //div[count(*) <= 4] | //span[count(*) <= 4] | //small')
MAX_META_LINE = 120
# rel=author links, itemprop=author and classed elements, in page order; found through their attributes
# (libxml2 reads attributes faster than it evaluates a predicate on every element of the page).
BYLINE_CANDIDATES = etree.XPath('//a[@rel="author"] | //@itemprop[. = "author"]/parent::* | //@class/parent::*')
MAX_TAGLINE_WORDS = 6  # what follows the site's name in a title, when it is the site's tagline
# Where another printed title corroborates the cut, also a mark between CJK characters with no space: "标题-新华网".
LOOSE_SEPARATOR = re.compile(TITLE_SEPARATOR.pattern + r"|(?<=[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef])[-_|–—]"
                                                       r"|[-_|–—](?=[\u2e80-\u9fff\uac00-\ud7af])")
KICKER_COLON = re.compile(r"(?<=\S)[:：]\s+")  # "Kicker: Headline"; the part before it is never the headline alone
# A separator with nothing on one side: an empty part of a title template ("Site -", "| Story").
DANGLING_SEPARATOR = re.compile(r"\s+(?:[|ǀ｜–—·•»«›‹⋆/~>]|-{1,2}|::|//|>>)$"
                                r"|^(?:[|ǀ｜–—·•»«›‹⋆/~>]|-{1,2}|::|//|>>)\s+")
MIN_CORE_CHARS = 8  # a shorter title is not a headline another title extends
INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
AUTHOR_META = ("author", "article:author", "og:article:author", "parsely-author", "sailthru.author", "dc.creator",
               "dcterms.creator", "citation_author", "byl", "twitter:creator")
# Classes of the printed byline; "author" alone also names author boxes and comment authors.
BYLINE_CLASS = re.compile(r"byline|(?:^|[\s_-])(?:author|autor|verfasser)(?:[\s_-]|name|$)|(?:^|\s)fn(?:\s|$)|"
                          r"writer|reporter", re.IGNORECASE)
BYLINE_CLASS_WORDS = ("byline", "author", "autor", "verfasser", "fn", "writer", "reporter")  # one is in every match
BYLINE_CLASS_WORD = re.compile("|".join(BYLINE_CLASS_WORDS))  # the same test in one search
NOT_BYLINE_CLASS = re.compile(r"comment|reply|avatar|related|teaser|bio\b|description|share|social", re.IGNORECASE)
OFF_ARTICLE = re.compile(r"comment|related|recommend|teaser|sidebar|footer|(?:^|[\s_-])nav|menu|widget",
                         re.IGNORECASE)


# --- headline ------------------------------------------------------------------------------


def site_keys(names: Iterable[Optional[str]], url: Optional[str], *, table: bool = True) -> frozenset[str]:
    """Keys of the outlet's names: the page's own, the outlet table's (unless ``table`` is False), the domain's."""
    keys = {name_key(name) for name in names if name}
    url = archived_url(url)
    domain = registered_domain(url) if url else None
    if domain:
        keys.add(name_key(domain))
        keys.add(name_key(domain.split(".")[0]))
        outlet = _outlets().by_domain(domain) if table else None
        if outlet is not None:
            keys.update(name_key(name) for name in (outlet.name,) + outlet.aliases)
    keys |= {key[3:] for key in keys if key.startswith("the")}  # "The Harbour Herald" prints as "Harbour Herald"
    return frozenset(key for key in keys if len(key) >= 3)


# A web archive's copy of a page: "https://web.archive.org/web/20140226054445/http://www.site.example/story".
ARCHIVED = re.compile(r"^https?://(?:web\.)?archive\.org/web/\d{1,14}[a-z_]{0,4}/(?P<url>(?:https?://)?[^/\s]+.*)$",
                      re.IGNORECASE)


def archived_url(url: Optional[str]) -> Optional[str]:
    """The original address of a web archive's copy, else the address itself."""
    match = ARCHIVED.match(url or "")
    if not match:
        return url
    inner = match["url"]
    return inner if inner.lower().startswith(("http://", "https://")) else "http://" + inner


@functools.lru_cache(maxsize=1)
def _outlets() -> Any:
    from ..reference.outlets import load_outlets

    return load_outlets()


def has_separator(title: Optional[str]) -> bool:
    return bool(title and TITLE_SEPARATOR.search(title))


def strip_site(title: Optional[str], keys: frozenset[str]) -> Optional[str]:
    """The title without the site's name (or a date) before or after a separator.

    A segment naming the site takes what follows it when that is short: the site's tagline
    ("Story | petri-heil.ch | Your fishing magazine").
    """
    if not title:
        return title
    text = " ".join(title.split())
    for _ in range(3):  # "Story - Section - Site" loses "Site", then "Section" only if it names the site
        parts = TITLE_SEPARATOR.split(text)
        if len(parts) < 2:
            break
        matches = list(TITLE_SEPARATOR.finditer(text))
        tail, head = text[matches[-1].end():], text[:matches[0].start()]
        # the site's name itself holds a separator: "Story - Salsa moves - Rueda in Town" on "Salsa moves - Rueda in Town"
        whole = next((m for m in matches[:-1] if name_key(text[m.end():]) in keys), None)
        before = text[:matches[-1].start()].rstrip()
        if len(name_key(tail)) >= MIN_CORE_CHARS and len(before) > len(tail) and before.endswith(tail):
            # the site's tagline glued to the title and repeated after the separator:
            # "StoryThe magazine for anglers | The magazine for anglers"
            text = before[:-len(tail)].strip()
            continue
        leading = next((m for m in reversed(matches[1:]) if name_key(text[:m.start()]) in keys), None)
        if whole is not None:
            text = text[:whole.start()].strip()
        elif leading is not None:
            text = text[leading.end():].strip()
        elif names_site(tail, keys):
            text = text[:matches[-1].start()].strip()
        elif names_site(head, keys):
            text = text[matches[0].end():].strip()
        else:
            # the site's part may itself hold a separator: "Story - AOC media - Analyse Opinion Critique",
            # or be followed by its tagline: "Story | Site | The magazine for anglers"
            cut = next((m for i, m in enumerate(matches[:-1]) if names_site(text[m.end():], keys) or (
                names_site(text[m.end():matches[i + 1].start()], keys)
                and len(text[matches[i + 1].end():].split()) <= MAX_TAGLINE_WORDS)), None)
            if cut is None:
                # a date between separators ends the story: what follows it is the site's
                # ("Pier notes - 26 October 2010 - Blog - Tales of the quay")
                cut = next((m for m in matches[:-1] if _is_date(text[m.end():next(
                    (n.start() for n in matches if n.start() > m.end()), len(text))])), None)
            if cut is None:
                break
            text = text[:cut.start()].strip()
    return text or " ".join(title.split())


# A date in words: "26 Oktober 2010", "October 26, 2010", "26. März 2010", "Oct. 2010", after a weekday
# as a blog's date line prints it: "Samstag, 5. Oktober 2013", "Tuesday, March 3, 2015".
WEEKDAY = (r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
           r"sonnabend|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|"
           r"viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|maandag|dinsdag|woensdag|"
           r"donderdag|vrijdag|zaterdag|zondag)")
WRITTEN_DATE = re.compile(
    r"^\W*(?:" + WEEKDAY + r",?\s+)?(?:\d{1,2}\.?\s+(?:de\s+)?)?"
    r"(?:jan|feb|m[äa]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz]|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    r"januari|februari|maart|mei|juni|juli|augustus|oktober)[a-zäéû]*\.?\s+(?:de\s+)?(?:\d{1,2},?\s+)?\d{4}\W*$",
    re.IGNORECASE)


def _is_date(part: str) -> bool:
    """Whether a title's part is a date alone, in figures or in words."""
    return BARE_DATE.match(part) is not None or WRITTEN_DATE.match(part) is not None


def clean_title(title: str) -> str:
    """A stated or printed title as text: entities decoded, soft hyphens and zero-width marks dropped."""
    return " ".join(INVISIBLE.sub("", html.unescape(title[:MAX_TITLE_CHARS])).split())


def shortest_core(title: str, others: list[str]) -> str:
    """``title`` without a separator-bounded part that another of the page's titles leaves out:
    "Story – Site" when the page also states "Story", "Site - Section - Story" when it prints "Story"."""
    best = title
    for other in others:
        if len(other) < MIN_CORE_CHARS or len(other) >= len(best) or name_key(other) == name_key(best):
            continue
        for match in LOOSE_SEPARATOR.finditer(best):
            if best[:match.start()].strip() == other or best[match.end():].strip() == other:
                best = other
                break
        else:  # a kicker before a colon, where the page prints what follows it alone: "Preview: Harbour Beta"
            for match in KICKER_COLON.finditer(best):
                if best[match.end():].strip() == other:
                    best = other
                    break
    return best


def choose_headline(stated: list[Optional[str]], printed: list[str], keys: frozenset[str],
                    home_names: Iterable[str] = (), *, subheads: Iterable[str] = (),
                    aside: Iterable[str] = (), h2s: Iterable[str] = (), url: Optional[str] = None,
                    leads: Optional[dict[str, str]] = None) -> Optional[str]:
    """An ``<h1>`` that agrees with a stated title, else the page's only ``<h1>``, else the first
    stated title without the site's part.

    ``aside`` are <h1>s in a region that is not the article (a breadcrumb bar, a wrapper classed
    "sidebar-included"): one counts only where it prints a stated title. ``subheads`` are the
    article's <h2>s and blocks classed as a title: where no <h1> agrees with a stated title, a
    stated title printed as one is the headline (pages with no <h1>, or one that says "Details"),
    in its printed form. ``h2s`` are the article's <h2>s alone: on a page with no <h1> that prints no
    stated title (an SEO or section title), the first one that shares a word with a stated title is the
    headline. ``leads`` maps an <h1>'s text to the text of the element it opens with
    (a kicker in its own type, left out where a stated title sets it apart); ``url`` gives the
    domain, whose names stay the site's.

    The site's part is cut by name (``strip_site``) and, whatever it says, when another of the
    page's titles is the same text without it (``shortest_core``); ``home_names`` are names the
    page links to its home page with (a site-title heading), the site's name whatever the titles
    say. A whole title is dropped as
    the site's own name only when it is that name, or when it is the title template with the
    story left out: what stands beside a dangling separator, opening with the domain's name
    ("Harbour Herald Online -" on harbourherald.example). An ``<h1>`` that is a stated title after a
    kicker ("Olympics: Paris Drinks by boat to the centre") gives the stated title: the kicker
    is the section's label, not the headline.
    """
    stated = [clean_title(title) for title in stated if title and title.strip()]
    domain = _domain_keys(url)
    templates = _empty_templates(stated, domain)
    stated = [title for title in (DANGLING_SEPARATOR.sub("", title) for title in stated) if title]
    keys = _not_titles(keys, stated, domain) | _umlauts_folded(domain) | templates | {
        name_key(name) for name in home_names if len(name_key(name)) >= 3} | {
        key for key in domain if len(key) >= 2}  # a two-letter domain's name ("| HH" on hh.de) as well
    printed, subheads, aside = (_headings(texts, keys, stated) for texts in (printed, subheads, aside))
    stripped = [(strip_site(title, keys), title) for title in stated]
    stripped = [title for title, whole in stripped if title and not is_site_name(title, keys)
                and not (title != whole and _starts_site_name(title, keys))]  # the site's own name
    cores = list(dict.fromkeys(stripped + printed + subheads + aside))
    shortened = [(title, shortest_core(title, cores)) for title in stripped]
    cleaned = list(dict.fromkeys(core for _, core in shortened))
    raw = [title for title in stated if not is_site_name(title, keys)]
    # A heading that prints a stated title: as cleaned, else whole where no part of it is the site's name
    # or a date (what a name-cut took away was then the headline's own: "Puppies to buy – Tips per breed").
    printable = cleaned + [title for title in raw if not _has_site_part(title, keys)]
    # "Kicker: Headline" stated and "Headline" printed as a title of its own, whatever heading prints the
    # whole (a breadcrumb's <h1>): the kicker is the section's label
    unkicked = [core for title, core in shortened if core != title and any(
        title[match.end():].strip() == core for match in KICKER_COLON.finditer(title))]
    heading = _printed_as(unkicked, printed + aside + subheads) if unkicked else None
    if heading:
        return heading
    for headings in (printed, aside):  # the stated titles in order of trust: the article's own first
        heading = _printed_as(printable, headings)
        if heading:
            return _after_lead(heading, (leads or {}).get(heading), printable)
    for heading in printed:
        after_kicker = next((title for title in cleaned if _after_kicker(heading, title)), None)
        if after_kicker:
            return _as_printed(after_kicker, heading)
        # an <h1> that prints a stated title and then the site's name or a date: the title without them
        before_site = next((title for title in cleaned if len(name_key(title)) >= MIN_CORE_CHARS and name_key(
            strip_site(heading, keys)) == name_key(title) != name_key(heading)), None)
        if before_site:
            return _as_printed(before_site, heading)
        if _agrees(heading, cleaned + raw):
            return heading
    heading = _printed_as(printable, subheads)  # a stated title the page prints as a lesser heading
    if heading:
        return heading
    if not printed:  # an <h1> off the article that the article prints again as a title: the headline, not a teaser
        twice = next((heading for heading in aside if _printed_as([heading], subheads)), None)
        if twice:
            return twice
        # no <h1> of the article, none off it that holds a stated title, and the page prints no stated
        # title: its first <h2> is the headline it shows, where that is about the same thing as the titles
        # (a word in common) and is not a date line ("Saturday, 5 October 2013" over a blog's posts)
        first = next(iter(_headings(h2s, keys, stated)), None)
        if first and not _is_date(first) and _shares_word(first, stated) and not any(
                _holds_title(heading, cleaned + raw) for heading in aside):
            return first
    if len(printed) == 1:
        return printed[0]  # the one headline the page prints, where its tags state another (an SEO title)
    if cleaned:
        return cleaned[0]
    if printed:
        return printed[0]
    return subheads[0] if subheads else None  # every stated title is the site's name: the page's first title


def _empty_templates(stated: list[str], domain: frozenset[str]) -> frozenset[str]:
    """Keys of the site's name where a title is its template with the story left out: "Harbour Herald
    News -" on harbourherald.example, what stands beside the dangling separator opening with the
    domain's name. A dangling title that does not name the domain is the story ("Pier to close -")."""
    rests = (name_key(DANGLING_SEPARATOR.sub("", title)) for title in stated if DANGLING_SEPARATOR.search(title))
    return frozenset(rest for rest in rests if any(len(key) >= 4 and rest.startswith(key) for key in domain))


def _headings(texts: Iterable[str], keys: frozenset[str], stated: list[str]) -> list[str]:
    """Printed headings as text, without leading punctuation and without the site's name (unless
    a stated title is that same text)."""
    headings = [LEADING_PUNCTUATION.sub("", clean_title(text)) for text in texts]
    return [heading for heading in headings if heading and not (is_site_name(heading, keys) or (
        names_site(heading, keys) and not any(name_key(heading) == name_key(title) for title in stated)))]


def _starts_site_name(title: str, keys: frozenset[str]) -> bool:
    """Whether what is left of a title after its site part is cut is the first word or two of the
    site's name: "ICON • ICON Magazine" leaves "ICON", a short form of the name, not a headline."""
    key = name_key(title)
    return len(title.split()) <= 2 and len(key) >= 3 and any(site.startswith(key) for site in keys)


def _has_site_part(title: str, keys: frozenset[str]) -> bool:
    """Whether a separator-bounded part of the title is the site's name, or a date."""
    return any(is_site_name(part, keys) for part in TITLE_SEPARATOR.split(title)) if has_separator(title) else False


def _after_lead(heading: str, lead: Optional[str], titles: list[str]) -> str:
    """The heading without the element it opens with (``lead``) where a stated title it prints
    sets that same text apart with a separator: a kicker in its own type ("<h1><span>Olympics</span>
    Drinks by boat</h1>" stated as "Olympics - Drinks by boat"), not the headline."""
    if not lead or not heading.startswith(lead):
        return heading
    rest = LEADING_PUNCTUATION.sub("", heading[len(lead):]).strip()
    key = name_key(heading)
    for title in titles:
        if name_key(title) != key:
            continue
        for match in TITLE_SEPARATOR.finditer(title):
            if name_key(title[:match.start()]) == name_key(lead) and len(name_key(rest)) >= MIN_CORE_CHARS:
                return rest
    return heading


def _printed_as(titles: list[str], headings: list[str]) -> Optional[str]:
    """The first heading that prints one of ``titles`` (the same letters and digits), taken in the titles' order."""
    for title in titles:
        heading = next((heading for heading in headings if name_key(heading) == name_key(title)), None)
        if heading:
            return heading
    return None


def is_site_name(title: str, keys: frozenset[str]) -> bool:
    """Whether a whole title is the site's name: a title holding it with more words is a headline ("Axios Future")."""
    key = name_key(title)
    return not key or key in keys or BARE_DATE.match(title) is not None


def _not_titles(keys: frozenset[str], stated: list[str], domain: frozenset[str] = frozenset()) -> frozenset[str]:
    """Site names that are not a stated title in disguise (a reader's site name taken from <title>);
    the domain's own names always stay: a title that opens with them opens with the site's name."""
    heads = {name_key(TITLE_SEPARATOR.split(title)[0]) for title in stated if TITLE_SEPARATOR.search(title)}
    return frozenset(key for key in keys if key in domain or not any(
        len(head) >= 8 and key.startswith(head) for head in heads))


def _domain_keys(url: Optional[str]) -> frozenset[str]:
    """The keys ``site_keys`` takes from the address: the registered domain, and its first label."""
    url = archived_url(url)
    domain = registered_domain(url) if url else None
    return frozenset({name_key(domain), name_key(domain.split(".")[0])}) if domain else frozenset()


def _umlauts_folded(keys: frozenset[str]) -> frozenset[str]:
    """Domain keys as the site's name spells them: an address writes "ö" as "oe" ("loewenseiten.de"
    for "Löwenseiten"), a name's key folds it to "o"."""
    return frozenset(UMLAUT_SPELLED.sub(r"\1", key) for key in keys if "e" in key) - keys


UMLAUT_SPELLED = re.compile(r"([aou])e")


# A word of a title's story: four letters or more (not "the", "of", "und", a figure).
STORY_WORD = re.compile(r"[^\W\d_]{4,}")


def _shares_word(heading: str, titles: list[str]) -> bool:
    """Whether the heading and one of the titles have a word of four letters or more in common, in any case."""
    words = {word.casefold() for word in STORY_WORD.findall(heading)}
    return any(word.casefold() in words for title in titles for word in STORY_WORD.findall(title))


def _holds_title(heading: str, titles: list[str]) -> bool:
    """Whether the heading agrees with one of the titles or prints one of them with more words."""
    key = name_key(heading)
    return _agrees(heading, titles) or any(
        len(name_key(title)) >= MIN_CORE_CHARS and name_key(title) in key for title in titles)


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


def _as_printed(title: str, heading: str) -> str:
    """``title`` in the letter case the heading that holds it prints it in ("PIER TO CLOSE" where the
    <h1> reads "HARBOUR: PIER TO CLOSE"), else as stated."""
    start = heading.casefold().find(title.casefold())
    printed = heading[start:start + len(title)] if start >= 0 and len(heading.casefold()) == len(heading) else ""
    return printed if printed.casefold() == title.casefold() else title


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
    for element in BYLINE_CANDIDATES(tree):
        if not _byline_class(element.get("class") or "") and (
                element.get("rel") != "author" and element.get("itemprop") != "author"):
            continue
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "meta", "link", "body", "html"):
            continue
        if _off_article(element):
            continue
        name = element.xpath('string(.//*[@itemprop="name"])') if element.get("itemprop") == "author" else ""
        text = " ".join((name[:MAX_BYLINE_CHARS + 1] or _short_text(element, MAX_BYLINE_CHARS + 1)).split())
        if text and len(text) <= MAX_BYLINE_CHARS:
            yield text
    for element in SHORT_BLOCKS(tree):
        raw = _short_text(element, 4 * MAX_META_LINE)
        text = " ".join(raw.split())
        if len(text) > MAX_META_LINE or len(raw) >= 4 * MAX_META_LINE:
            continue  # longer than a meta line, or read only in part
        found = PRINTED_BYLINE.match(text) if len(text) <= 80 else None
        inner = None if found else INNER_BYLINE.search(text)
        if (found or inner) and not _off_article(element):
            yield text if found else inner["byline"]


def _byline_class(classes: str) -> bool:
    """Whether BYLINE_CLASS finds a byline's class and NOT_BYLINE_CLASS no other box's. An ASCII class
    (almost every one) that holds none of the pattern's words in any case is no byline's: a test of
    substrings, where the pattern tried every position of every class of the page."""
    if classes.isascii():
        lower = classes.lower()  # in ASCII, what IGNORECASE matches
        if not BYLINE_CLASS_WORD.search(lower):
            return False
    return bool(BYLINE_CLASS.search(classes)) and not NOT_BYLINE_CLASS.search(classes)


def _short_text(element: Any, most: int) -> str:
    """The element's text, read no further than ``most`` characters (a byline is short)."""
    if not len(element):  # no children (most blocks): its own text is all of it
        return (element.text or "")[:most]
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



"""Structure of an HTML page: trafilatura for the body and metadata, plus what it leaves out.

The page is parsed once with lxml. The tree is read here for what trafilatura does not keep
(pictures with their caption, credit and alt text; the publisher's name; the canonical URL;
which metadata tag carries the publication date) and then handed to trafilatura, which copies
it before pruning, so the same parse serves both.

trafilatura finds the main text and drops navigation, share bars and footers. Its body can
still hold a figure's caption or credit when a theme puts them in paragraphs, a "Read more"
box inside the story, or, on a page with no story at all, the site menu. So the body it
returns is walked once more: heads become sections, picture text and furniture are dropped,
and a page without a paragraph of prose raises ``NoArticle``.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator, Optional
from urllib.parse import urlsplit

from lxml import etree

from ..errors import NoArticle
from ..model import Article, Media, Section
from ..text.bylines import name_key
from ..text.dates import PLAUSIBLE_YEARS, first_date
from ..text.boilerplate import is_boilerplate, opens_link_list
from ..text.domains import registered_domain
from ..text.wire import find_agency, parse_wire_filename
from .metadata import (TITLE_SEPARATOR, archived_url, choose_byline, choose_headline, clean_title, credit_in_text,
                       json_ld_authors, meta_authors, printed_bylines, site_keys)
from .text import split_credit

# A class or id naming a credit inside a figure: "credit", "photo-credit", "copyright", ...
CREDIT_CLASS = re.compile(r"credit|copyright|byline|source|attribution|photographer", re.IGNORECASE)
# A class naming a caption outside <figure> ("wp-caption-text", "image-caption", "caption").
CAPTION_CLASS = re.compile(r"caption", re.IGNORECASE)
# The same in XPath, so the scan over every block of the page runs in C (steps by element name:
# libxml2 tests a name in the step faster than a self:: predicate on every element of the page).
CAPTION_ELEMENTS = etree.XPath(
    '(//p | //div | //span)[contains(translate(@class, "CAPTION", "caption"), "caption")]')
# Page regions whose pictures belong to other stories or to the site, not to this article.
OFF_ARTICLE_TAGS = frozenset({"nav", "aside", "footer"})  # not header: articles open with one
OFF_ARTICLE_CLASS = re.compile(r"related|recommend|teaser|promo|sidebar|most-?read|trending|outbrain|taboola|"
                               r"newsletter|footer|menu|(?:^|[\s_-])nav", re.IGNORECASE)
# A credit's label, not part of the name: "Photo: Jonas Berg/Reuters" -> "Jonas Berg/Reuters".
CREDIT_LABEL = re.compile(r"^(?:©|\(c\)|Photo(?:graph)?s?:|Photo by|Image:|Picture:|Credit:)\s*", re.IGNORECASE)
# Headings of link boxes ("Related", "Read more", "More on this story"): what follows is not the story.
RELATED_HEADING = re.compile(
    r"^(?:related(?: (?:stories|articles|posts|coverage|content|links|topics))?|read (?:more|also|next)|"
    r"also read|see also|more on (?:this|that)(?: story| topic)?|more from [\w .'&-]{1,40}|you (?:may|might) also like|"
    r"recommended(?: for you| reading)?|further reading|most (?:read|popular)|top stories)\s*:?$",
    re.IGNORECASE,
)
# A paragraph that is a link teaser inside the story: "Read more: Bridge repairs to close road".
RELATED_LINE = re.compile(r"^(?:read (?:more|also|next)|also read|related|see also|more on this)\s*[:|\-–—]", re.IGNORECASE)
# The day of a machine timestamp ("2025-03-03T07:45:00+00:00"); dates.ISO_DATE finds dates in prose
# and needs a word boundary after the day, which the "T" of a timestamp does not give.
TIMESTAMP_DAY = re.compile(r"^\s*(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
MEDIA_TYPE = re.compile(r"Image|Video|Audio|Media|Clip|Photograph")  # schema.org types of a picture or recording
ARTICLE_TYPE = re.compile(r"Article\b|\bBlogPosting\b|\bReport\b")  # schema.org types of a story
DATE_PARAMS = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%d"}  # as trafilatura's default
MIN_PROSE_WORDS = 8  # a body needs one paragraph at least this long to be an article
MIN_PROSE_CHARS = 40
MIN_PROSE_ITEMS = 3  # list items read as prose that make an article without a paragraph
PARAGRAPH_ITEM_WORDS = 25  # a list item this long is a paragraph set in list markup
FALLBACK_BELOW_CHARS = 500  # a fast-mode body shorter than this gets trafilatura's full mode
MENU_ITEM_WORDS = 3  # a list whose items are all this short is a menu, not content
RELATED_LINE_WORDS = 20
# Block elements of trafilatura's XML body and of the HTML its fallback extractors return.
HEAD_TAGS = frozenset({"head", "h1", "h2", "h3", "h4", "h5", "h6"})
LIST_TAGS = frozenset({"list", "ul", "ol", "dl"})
TEXT_BLOCK_TAGS = frozenset({"p", "quote", "blockquote", "pre", "code", "table", "item", "li", "figcaption"})
CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "body", "aside", "header", "footer", "figure"})
BLOCK_TAGS = HEAD_TAGS | LIST_TAGS | TEXT_BLOCK_TAGS | CONTAINER_TAGS
# Meta tags that carry the first-publication date, by name/property/itemprop (lower case), in
# order of trust. Modified dates are left out on purpose: the audit needs the first publication.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publication_date", "parsely-pub-date", "sailthru.date", "dc.date.issued",
    "dcterms.issued", "dc.date", "dcterms.created", "citation_publication_date", "date",
)


@dataclass(frozen=True)
class _Body:
    text: str
    sections: tuple[Section, ...]
    furniture: tuple[str, ...]


def load_tree(content: str) -> Any:
    """One parse of the page, as trafilatura's own loader parses it, so its extraction sees the same tree.

    lxml recovers broken and truncated markup; comments are dropped at parse time (pages split
    words with them: "When <!-- -->President"). A page with no document element is no article.
    """
    if _may_hold_huge_tag(content):  # libxml2 checks attributes pairwise: 100,000 of them take minutes
        content = HUGE_TAG.sub(r"<\1>", content)
    tree = _load_html(content) if content.strip() else None
    if tree is None:
        raise NoArticle("no article text found in the HTML page")
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        if json_depth(script.text or "") > MAX_JSON_DEPTH:  # json.loads would recurse past Python's limit
            script.getparent().remove(script)
    return tree


def _load_html(content: str) -> Any:
    """trafilatura's ``load_html`` of a string, step for step, with ``page_parser()`` for its parser."""
    from lxml.html import fromstring
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    beginning = content[:50].lower()
    content = repair_faulty_html(content, beginning)
    tree, parsed_bytes = None, False
    try:
        tree = fromstring(content, parser=page_parser())
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, parsed_bytes = _from_bytes(content), True
    except Exception:  # noqa: BLE001 - as trafilatura: a parse that fails leaves no tree
        pass
    if (tree is None or len(tree) < 1) and not parsed_bytes:
        tree = _from_bytes(content)
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None  # trafilatura's test of a string that is not HTML at all
    return tree


def _from_bytes(content: str) -> Any:
    from lxml.html import fromstring

    try:
        return fromstring(content.encode("utf8", "surrogatepass"), parser=page_parser())
    except Exception:  # noqa: BLE001 - as trafilatura's ``fromstring_bytes``
        return None


@functools.lru_cache(maxsize=1)
def page_parser() -> Any:
    """trafilatura's HTML parser (its settings, lxml.html's element classes) with the classes chosen in C.

    lxml.html's own parser picks each element's class in a Python callback, called for every element
    the extraction and the reading of the page touch (about 3,800 times a page); every element here
    is an ``HtmlElement``, where lxml.html would give a form's controls subclasses whose methods
    (a form's fields, an input's value) neither trafilatura nor htmldate calls.
    """
    from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction

    parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                        remove_pis=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))
    return parser


# A start tag whose attributes run past this many characters keeps its name only.
HUGE_TAG_CHARS = 20_000
HUGE_TAG = re.compile(rf"<([A-Za-z][\w:-]{{0,40}})[\s/][^<>]{{{HUGE_TAG_CHARS},}}>")


def _may_hold_huge_tag(content: str) -> bool:
    """Whether some stretch of ``content`` without a ">" is long enough to hold a HUGE_TAG: a test of
    one split, where the pattern tries every tag of the page."""
    return any(len(piece) > HUGE_TAG_CHARS for piece in content.split(">"))


MAX_JSON_DEPTH = 64  # real JSON-LD nests a handful of levels; past this it is an attack or a bug


def json_depth(text: str) -> int:
    """How deeply ``text`` nests arrays and objects, strings skipped; a linear scan, no parsing."""
    depth = deepest = 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def parse_html(content: str, *, url: Optional[str] = None) -> Article:
    """The article on an HTML page. Raises ``NoArticle`` when the page holds no story.

    trafilatura runs in its fast mode (no readability/jusText comparison): on the
    article-extraction benchmark that is both faster and more accurate. Only when the fast
    body is short does the full mode run, as its fallbacks rescue pages the main pass misses.
    """
    tree = load_tree(content)
    json_ld = _json_ld_items(tree)
    media = tuple(_figures(tree))
    publisher = _publisher_name(tree, json_ld)
    page_url = url or _canonical_url(tree)
    meta = page_metadata(tree, page_url)
    extracted = _extract(tree, page_url, meta, fast=True)
    if extracted is None or len(extracted.raw_text or "") < FALLBACK_BELOW_CHARS:
        extracted = _extract(tree, page_url, meta, fast=False) or extracted
    if extracted is None or extracted.body is None:
        raise NoArticle("no article text found in the HTML page")
    page_url = page_url or extracted.url
    outlet = publisher or extracted.sitename
    home_names = _home_link_names(tree, page_url)
    keys = site_keys((outlet, extracted.sitename, _json_ld_publisher(json_ld), *home_names),
                     page_url or extracted.hostname)
    stated = _stated_titles(tree, json_ld, extracted.title)
    title_keys = keys | site_keys(_site_names(tree, json_ld, stated), None, table=False)  # the titles' furniture only
    h2s = _printed_headings(tree, "h2")
    headline = choose_headline(stated, _printed_headings(tree), title_keys, home_names,
                               subheads=h2s + _titled_blocks(tree), h2s=h2s,
                               aside=_printed_headings(tree, off=True),
                               url=page_url or extracted.hostname, leads=_heading_leads(tree))
    byline = choose_byline([json_ld_authors(json_ld, ARTICLE_TYPE), meta_authors(tree), *printed_bylines(tree),
                            lambda: trafilatura_author(tree, meta)], keys, guesses=1)
    body = _body(extracted.body, media, [headline, *stated])
    byline = byline or credit_in_text(body.text, keys)
    published, note = published_from_html(tree, json_ld, extracted.date, page_url)
    return Article(
        outlet=outlet, domain=registered_domain(page_url) or registered_domain(extracted.hostname),
        url=page_url, headline=headline, byline=byline,
        published=published.isoformat() if published else None,
        published_source="metadata" if published else None, published_note=note,
        text=body.text, sections=body.sections, media=media, boilerplate=body.furniture,
        outlet_source="metadata" if outlet else None,
    )


def _stated_titles(tree: Any, json_ld: list[dict], extracted: Optional[str]) -> list[Optional[str]]:
    """The titles the page states, the article's own first: JSON-LD headline, og:title, <title>."""
    stated: list[Optional[str]] = []
    for item in sorted(json_ld, key=lambda item: not ARTICLE_TYPE.search(" ".join(_types(item)))):
        if ARTICLE_TYPE.search(" ".join(_types(item))) and isinstance(item.get("headline"), str):
            stated.append(item["headline"])
            break
    for xpath in ('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content'):
        stated.extend(tree.xpath(xpath)[:1])
    title = tree.find(".//title")
    if title is not None:
        stated.append(_flat(title))
    stated.append(extracted)  # trafilatura's pick, from the same tags or, failing them, a heading
    return stated


# Where else a page names its site: its feeds ("Harbour Herald » Feed"), the name a phone gives its
# bookmark, the WebSite or Organization it describes in JSON-LD, the holder its footer's copyright line names.
# Found in one pass over the page's elements (a broken page puts its head's tags in the body).
HEAD_NAME_TAGS = etree.XPath('//*[(self::link and @rel="alternate" and (contains(@type, "rss") or contains(@type, "atom")))'
                             ' or (self::meta and (@name="apple-mobile-web-app-title" or @name="publisher"))]')
# Copyright lines in a <footer> or a box whose id says footer or copyright (ids are fewer than classes to search).
COPYRIGHT_TEXTS = etree.XPath('//footer//text()[contains(., "©")] | //@id[contains(., "footer") or '
                              'contains(., "copyright")]/parent::*//text()[contains(., "©")]')
FEED_WORDS = re.compile(r"\s*(?:»|›|:|-|–|\|)?\s*(?:(?:alle|all|latest|neueste)\s+)?(?:(?:beiträge|posts|news|artikel|"
                        r"kommentare?|comments?)\s*)?(?:-?\s*)?(?:rss2?|atom)?[\s-]*(?:feed|flux)\b.*$", re.IGNORECASE)
# "© 2003-2023 by Harbour Herald GmbH. All rights reserved": the holder, after the years.
COPYRIGHT = re.compile(r"©\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?(?P<name>[^.,;|©\d][^.,;|©]{1,50})")
SITE_TYPES = frozenset({"WebSite", "Organization", "NewsMediaOrganization"})
MAX_COPYRIGHT_LINES = 3


def _site_names(tree: Any, json_ld: list[dict], stated: list[Optional[str]]) -> list[str]:
    """The site's name as its feeds, bookmark title, JSON-LD WebSite and footer copyright give it; a
    name with a tagline after a separator ("Harbour Herald - The voice of the quay") gives the name too.
    A feed's title gives what stands before its first separator ("Harbour Herald » Story Comments
    Feed" is one post's feed), and no name is a stated title or the part a stated title opens with."""
    names = [TITLE_SEPARATOR.split(FEED_WORDS.sub("", tag.get("title") or ""))[0] if tag.tag == "link"
             else tag.get("content") for tag in HEAD_NAME_TAGS(tree)]
    names += [item["name"] for item in json_ld if isinstance(item.get("name"), str) and SITE_TYPES & set(_types(item))]
    for text in COPYRIGHT_TEXTS(tree)[:MAX_COPYRIGHT_LINES]:
        names += [match["name"] for match in COPYRIGHT.finditer(str(text))]
    names = [" ".join(name.split()) for name in names if name and len(name.split()) <= MAX_SITE_NAME_WORDS]
    names += [part for name in names for part in TITLE_SEPARATOR.split(name)[:1] if part != name]
    stories = {name_key(part) for title in stated if title
               for part in (clean_title(title), TITLE_SEPARATOR.split(clean_title(title))[0])}
    return [name for name in names if name_key(name) not in stories]


# A site's name as a theme prints it: an <h1> that links to the home page or sits in a link to it
# ("<a href='/'><h1>Site</h1></a>"), or a logo/site-title box that links there.
# The boxes are found through their class attribute (one pass over the attributes, then the element's name),
# not by four passes over every div, p, span and a of the page.
HOME_LINK_BOXES = etree.XPath(
    '(//h1[.//a[@href]] | //h1/parent::a[@href] | //@class[contains(., "site-title") or contains(., "logo") or '
    'contains(., "brand")]/parent::*[self::div or self::p or self::span or self::a][descendant-or-self::a[@href]])'
    '[position() <= 12]')
HOME_PATHS = frozenset({"", "index.html", "index.htm", "index.php", "home"})
MAX_SITE_NAME_WORDS = 6


def _home_link_names(tree: Any, url: Optional[str]) -> list[str]:
    """Texts of headings and logo boxes whose link goes to the site's home page: the site's name
    ("<h1 class='site-title'><a href='/'>Harbour Herald</a></h1>"), not a headline."""
    try:
        host = urlsplit(archived_url(url)).netloc.lower().removeprefix("www.") if url else ""
    except ValueError:
        host = ""
    names = []
    for box in HOME_LINK_BOXES(tree):
        link = box if box.tag == "a" else next(box.iter("a"), None)
        href = (link.get("href") or "").strip() if link is not None else ""
        if href.startswith("/web/"):  # a web archive's copy links through the archive
            href = archived_url("https://web.archive.org" + href) or href
        try:
            parts = urlsplit(href)
        except ValueError:  # a malformed link ("http://[")
            continue
        if href and parts.scheme in ("", "http", "https") and not (parts.query or parts.fragment) and parts.path.strip("/").lower() in HOME_PATHS and (
                not parts.netloc or parts.netloc.lower().removeprefix("www.") == host):
            text = _inline_text(box, 120) or _logo_name(box)
            if text and len(text.split()) <= MAX_SITE_NAME_WORDS:
                names.append(text)
    return names


# What a logo says beside the site's name: "Harbour Herald logo", "Logo: Harbour Herald", "Go to the homepage of
# Harbour Herald", "Zur Startseite des Harbour Herald", "Harbour Herald - zur Startseite wechseln".
LOGO_WORDS = re.compile(
    r"^\W*(?:(?:go|back|return)\s+to\s+|zur(?:ück)?\s+(?:zur\s+)?|zu\s+)?(?:the\s+)?"
    r"(?:logo|home(?:page)?|startseite|accueil|inicio)?(?:\s+(?:of|von|des|der|de|du)\b)?[\s:]*"
    r"|[\s:|–-]*\b(?:(?:zur|zu|to)\s+(?:the\s+)?)?(?:logo|home(?:page)?|startseite|wordmark|brand)\b(?:\s+wechseln)?\W*$"
    r"|^\W*(?:go\s+to|zur|zu|visit|menu|menú)\W*$", re.IGNORECASE)
IMAGE_FILE = re.compile(r"^\S*(?:_\S*|\.(?:svg|png|jpe?g|gif|webp))$", re.IGNORECASE)  # "logo_2018", "logo-full.svg"


def _logo_name(box: Any) -> str:
    """The name a logo image gives a link to the home page: its ``alt``, else the link's ``aria-label`` or
    ``title``, without the words "logo" and "home"."""
    image = next(box.iter("img"), None)
    names = [image.get("alt") if image is not None else None]
    names += [element.get(attribute) for element in (box, next(box.iter("a"), None)) if element is not None
              for attribute in ("aria-label", "title")]
    for name in names:
        name = " ".join(LOGO_WORDS.sub("", name or "").split())
        if name and not IMAGE_FILE.match(name):
            return name
    return ""


MAX_HEADINGS = 5  # of each kind: the headline is among the first


def _printed_headings(tree: Any, tag: str = "h1", *, off: bool = False) -> list[str]:
    """The page's ``tag`` texts as a reader sees them: outside menus, sidebars and footers, or (``off``)
    inside one, where a theme may print the headline too (an <h1> in a breadcrumb bar, in a
    "content sidebar-included" wrapper), so that they count only where a stated title agrees."""
    headings: list[str] = []
    for element in tree.iter(tag):
        if len(headings) >= MAX_HEADINGS:
            break
        text = _inline_text(element, fine_print=False)
        if text and _heading_off_article(element) == off and text not in headings:
            headings.append(text)
    return headings


# Blocks a theme prints a headline in without a heading tag: <div class="h-title">, <span class="headline">.
# Found through the class attribute, then the element's name: one pass over the attributes, not five over the elements.
TITLED_BLOCKS = etree.XPath('(//@class[contains(., "title") or contains(., "headline") or contains(., "Title") '
                            'or contains(., "Headline")]/parent::*[self::div or self::span or self::p or self::strong '
                            'or self::a])[position() <= 40]')
MAX_TITLED_CHARS = 300


def _titled_blocks(tree: Any) -> list[str]:
    """Texts of the first few blocks classed as a title or headline, outside menus and link boxes."""
    texts: list[str] = []
    for element in TITLED_BLOCKS(tree):
        if len(texts) >= 2 * MAX_HEADINGS:
            break
        text = _inline_text(element, MAX_TITLED_CHARS)
        if text and len(text) < MAX_TITLED_CHARS and not _heading_off_article(element) and text not in texts:
            texts.append(text)
    return texts


def _heading_leads(tree: Any) -> dict[str, str]:
    """For <h1>s that open with an element of their own followed by more text ("<h1><span
    class='x'>Olympics</span> Drinks by boat</h1>"): the heading's text and that element's."""
    leads: dict[str, str] = {}
    for element in itertools.islice(tree.iter("h1"), 2 * MAX_HEADINGS):
        first = element[0] if len(element) else None
        if first is None or (element.text or "").strip() or not isinstance(first.tag, str) or first.tag in ("a", "br"):
            continue
        lead, whole = _inline_text(first, 200, fine_print=False), _inline_text(element, fine_print=False)
        if lead and len(lead) < len(whole) and whole.startswith(lead):
            leads[whole] = lead
    return leads


def _heading_off_article(element: Any) -> bool:
    """``_off_article`` up to the <body>, whose classes are the theme's switches ("cb-menu-light",
    "has-sidebar"), not a region of the page."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("article", "body"):
            return False
        if ancestor.tag in OFF_ARTICLE_TAGS:
            return True
        names = (ancestor.get("class") or "") + " " + (ancestor.get("id") or "")
        if OFF_ARTICLE_CLASS.search(names) and OFF_ARTICLE_CLASS.search(THEME_SWITCH.sub(" ", names)):
            return True
    return False


# A wrapper's class that says what the layout has or lacks ("no-sub-nav", "has-sidebar", "without-menu"),
# not that the wrapper is that region.
THEME_SWITCH = re.compile(r"(?:^|(?<=\s))(?:no|has|with|without|hide|show|is)[-_]\S*", re.IGNORECASE)


# A headline's kicker or overline ("Covid-19:", "Interview"), printed inside its <h1>.
KICKER_CLASS = re.compile(r"kicker|dachzeile|overline|topline|roofline|eyebrow|supertitle|super-title|"
                          r"spitzmarke|headline-intro|pre-?title|label(?![_-]*(?:hidden|above|inline))", re.IGNORECASE)


# Text for screen readers only ("Headline:", "Opens in a new window").
HIDDEN_CLASS = re.compile(r"sr-only|visually-?hidden|screen-?reader|hidden-text|(?<![\w-])text-hide(?![\w-])|a11y|offscreen",
                          re.IGNORECASE)


def _inline_text(element: Any, most: int = 400, *, fine_print: bool = True) -> str:
    """Text as rendered: inline pieces join without a space, <br> and blocks break with one; kickers
    and screen-reader text left out (all of it, where the element itself is for screen readers only),
    and without ``fine_print`` the <small> print inside (a heading's date line or subtitle: "<h1>Pier
    to close<small>12.03.2024 • Local</small></h1>"). Read iteratively and no further than ``most`` characters."""
    if HIDDEN_CLASS.search(element.get("class") or ""):
        return ""
    parts: list[str] = []
    length = 0
    skipping: Optional[Any] = None
    for event, node in etree.iterwalk(element, events=("start", "end")):
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if event == "start":
            if skipping is None and node is not element and (
                    tag in ("script", "style", "noscript", "rt", "rp") or not tag  # rt: a ruby reading aid
                    or (tag == "small" and not fine_print)
                    or KICKER_CLASS.search(node.get("class") or "") or HIDDEN_CLASS.search(node.get("class") or "")):
                skipping = node
            if skipping is None:
                if tag in ("br", "div", "p") and parts:
                    parts.append(" ")
                parts.append(node.text or "")
                length += len(parts[-1])
        else:
            if skipping is node:
                skipping = None
                if node is not element:
                    parts.append(node.tail or "")
            elif skipping is None and node is not element:
                parts.append(node.tail or "")
                length += len(parts[-1])
        if length > most:
            break
    return " ".join("".join(parts).split())[:most]


def _json_ld_publisher(json_ld: list[dict]) -> Optional[str]:
    for item in json_ld:
        publisher = item.get("publisher")
        publisher = publisher[0] if isinstance(publisher, list) and publisher else publisher
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            return publisher["name"]
    return None


def _extract(tree: Any, url: Optional[str], meta: Optional["PageMetadata"], *, fast: bool) -> Any:
    """trafilatura's body of the page (its ``Document``), with the metadata fields of ``meta``; None
    when either is missing, as ``bare_extraction(with_metadata=True)`` gives None then."""
    import trafilatura

    if meta is None:
        return None
    extracted = trafilatura.bare_extraction(
        tree, url=url or meta.url, fast=fast, with_metadata=False, include_comments=False, include_tables=False,
        include_images=False,
    )
    if extracted is not None:
        for name in ("title", "url", "hostname", "sitename", "date"):
            setattr(extracted, name, getattr(meta, name))
    return extracted


@dataclass(frozen=True)
class PageMetadata:
    """The fields of trafilatura's metadata the page's structure reads, as trafilatura gives them,
    and the author the page's tags state, as read (``trafilatura_author`` searches the page when none)."""

    title: Optional[str]
    url: Optional[str]
    hostname: Optional[str]
    sitename: Optional[str]
    date: Optional[str]
    stated_author: Optional[str]


def page_metadata(tree: Any, url: Optional[str]) -> Optional[PageMetadata]:
    """trafilatura's title, URL, host, site name and date of the page (htmldate's date), read once.

    ``bare_extraction(with_metadata=True)`` also reads categories, tags and a licence, none of
    which the audit uses, and, when no tag states an author, searches a copy of the whole page
    for one (together about 10 ms a page on the shared pages); and it reads all of it again when
    the full mode runs after the fast one. So the fields are read here with trafilatura's own
    functions, in the order and with the clean-up its ``extract_metadata`` applies, and the
    author search waits until a byline needs it (``trafilatura_author``). None when trafilatura's
    metadata fails on the page, as ``bare_extraction`` then gives None.
    """
    from htmldate import find_date
    from trafilatura import metadata as tm

    try:
        found = tm.examine_meta(tree)
        if found.author and " " not in found.author:
            found.author = None
        try:
            found = tm.extract_meta_json(tree, found)
        except Exception:  # noqa: BLE001 - as trafilatura: a bug in its JSON-LD reader leaves the tags' values
            pass
        title = found.title or tm.extract_title(tree)
        page_url = found.url or tm.extract_url(tree, url)
        hostname = tm.extract_domain(page_url, fast=True) if page_url else None
        day = find_date(tree, **DATE_PARAMS, url=page_url)
        sitename = found.sitename or tm.extract_sitename(tree)
    except (TypeError, ValueError):
        return None
    if sitename:
        sitename = sitename.lstrip("@")  # a Twitter handle
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
    elif page_url:
        match = tm.META_URL.match(page_url)
        sitename = match[1] if match else None
    return PageMetadata(_trimmed(title), _trimmed(page_url), _trimmed(hostname), _trimmed(sitename), _trimmed(day),
                        found.author)


def trafilatura_author(tree: Any, meta: PageMetadata) -> Optional[str]:
    """trafilatura's author of the page: the one its tags state, else its search of the page."""
    if meta.stated_author:
        return _trimmed(meta.stated_author)
    from trafilatura.metadata import extract_author

    try:
        return _trimmed(extract_author(tree))
    except (TypeError, ValueError):
        return None


def _trimmed(value: Optional[str]) -> Optional[str]:
    """A metadata field cleaned as trafilatura's ``Document.clean_and_trim`` cleans it."""
    from html import unescape

    from trafilatura.utils import line_processing

    if not isinstance(value, str):
        return value
    return line_processing(unescape(value if len(value) <= 10_000 else value[:9999] + "…"))


def published_from_html(tree: Any, json_ld: list[dict], found: Optional[str],
                        url: Optional[str] = None) -> tuple[Optional[date], Optional[str]]:
    """htmldate's first-publication date (``found``), else a tag's, with a note naming the source.

    htmldate (run for the original date, with its extensive search, as trafilatura runs it) weighs
    the tags, the URL and the dates a page prints; on the shared pages with gold dates it is right
    more often than any single tag: the day a page prints is the local day, where a tag's UTC
    timestamp can fall a day either side, and a tag is often a later update's. When htmldate's
    date is that of another object the page's JSON-LD describes (an image, a video), the
    article's own tag stands. A bare 1 January from its extensive search is a year it
    read ("since 2014"), not a date.
    """
    tags = [(day, tag) for day, tag in ((_iso_day(value), tag) for value, tag in _published_tags(tree, json_ld)) if day]
    stated = _iso_day(found) if found else None
    if stated is not None and stated.month == stated.day == 1 and not _prints_new_year(tree, stated) and not any(
            day == stated for day, _ in tags):
        stated = None
    if (stated is not None and tags and stated != tags[0][0] and stated in _other_objects_days(json_ld)
            and stated not in _article_days(json_ld)):
        stated = None  # htmldate took the date of a picture or video the page describes: the article's tag stands
    if stated is not None:
        tag = next((tag for day, tag in tags if day == stated), None)
        if tag:
            return stated, f"from the page metadata ({tag})"
        if url_date(url) == stated or (url and stated.strftime("/%Y%m%d") in url):
            return stated, "from the date in the page URL (htmldate)"
        return stated, "from a date shown on the page, not a published-date tag (htmldate)"
    if tags:
        day, tag = tags[0]
        return day, f"from the page metadata ({tag})"
    return None, None


def _other_objects_days(json_ld: list[dict]) -> set[date]:
    """Publication days of the pictures, videos and recordings the page's JSON-LD describes."""
    days = set()
    for item in json_ld:
        kinds = " ".join(_types(item))
        if MEDIA_TYPE.search(kinds) and not ARTICLE_TYPE.search(kinds) and isinstance(item.get("datePublished"), str):
            day = _iso_day(item["datePublished"])
            if day:
                days.add(day)
    return days


def _article_days(json_ld: list[dict]) -> set[date]:
    """The days the article's own JSON-LD gives it (published or modified)."""
    days = set()
    for item in json_ld:
        if ARTICLE_TYPE.search(" ".join(_types(item))):
            for key in ("datePublished", "dateModified"):
                day = _iso_day(item[key]) if isinstance(item.get(key), str) else None
                if day:
                    days.add(day)
    return days


def _prints_new_year(tree: Any, day: date) -> bool:
    """Whether the page prints 1 January of that year as a full date, not only the year."""
    text = " ".join(tree.xpath("//body//text()"))[:200_000]
    year = day.year
    return bool(re.search(rf"\b{year}-01-01\b|\b0?1\.\s?0?1\.\s?{year}\b|\b0?1/0?1/{year}\b|"
                          rf"\b1(?:st)?\.? (?:January|Januar|janvier|enero|Jan\.?) {year}\b|"
                          rf"\b(?:January|Jan\.?) 1(?:st)?,? {year}\b", text, re.IGNORECASE))


URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d{2})[/-](?P<month>[01]?\d)[/-](?P<day>[0-3]?\d)(?:/|[-_][a-z]|\.html?|$)")


def url_date(url: Optional[str]) -> Optional[date]:
    """A full date in the URL's path ("/2017/7/12/story", "/2021-03-04-story")."""
    match = URL_DATE.search(url or "")
    if not match or not PLAUSIBLE_YEARS[0] <= int(match["year"]) <= PLAUSIBLE_YEARS[1]:
        return None
    try:
        return date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None


def _published_tags(tree: Any, json_ld: list[dict]) -> Iterator[tuple[str, str]]:
    # the article's own object first: a page's JSON-LD also dates its WebPage, images and videos
    for item in sorted(json_ld, key=lambda item: not ARTICLE_TYPE.search(" ".join(_types(item)))):
        if isinstance(item.get("datePublished"), str):
            yield item["datePublished"], "JSON-LD datePublished"
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key and key not in metas and (meta.get("content") or "").strip():
            metas[key] = meta.get("content").strip()
    for key in PUBLISHED_META:
        if key in metas:
            yield metas[key], f'<meta {key}>'
    for element in DATE_PUBLISHED_ELEMENTS(tree):
        yield element.get("datetime"), f"<{element.tag} datetime>"


# Elements found through their attribute (libxml2 reads attributes faster than it evaluates a
# predicate on every element): the same elements, in page order, as //*[@itemprop="datePublished"].
DATE_PUBLISHED_ELEMENTS = etree.XPath('//@itemprop[. = "datePublished"]/parent::*[@datetime] | //time[@pubdate][@datetime]')


def _types(item: dict) -> list[str]:
    kinds = item.get("@type", [])
    return [kinds] if isinstance(kinds, str) else [kind for kind in kinds if isinstance(kind, str)]


def _iso_day(value: str) -> Optional[date]:
    match = TIMESTAMP_DAY.match(value)
    if not match:
        return None
    if not PLAUSIBLE_YEARS[0] <= int(match["year"]) <= PLAUSIBLE_YEARS[1]:
        return None  # "0001-01-01" and "9999-12-31" are a CMS's empty value, not a date
    try:
        return date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None


def _body(body: Any, media: tuple[Media, ...], titles: list[Optional[str]]) -> _Body:
    """Paragraphs and headings of trafilatura's body, minus picture text, link boxes and menus."""
    picture_text = [_norm(part) for item in media for part in (item.caption, item.credit, item.alt) if part]
    paragraphs: list[str] = []
    sections: list[Section] = []
    furniture: list[str] = []
    heading: Optional[str] = None
    start = offset = 0
    in_link_box = has_prose = False
    prose_items = 0
    long_item = False
    title_keys = {_norm(title) for title in titles if title}
    for kind, line in _blocks(body):
        if kind == "head":
            in_link_box = bool(RELATED_HEADING.match(line)) or opens_link_list(line)
            if in_link_box or is_boilerplate(line):  # a link box's title, an age gate or sign-up box set as a heading
                furniture.append(line)
                continue
            if _norm(line) in title_keys:
                continue  # a link box's title, or the headline repeated as the body's first heading
            if offset > start:  # a heading with no paragraph under it opens no section
                sections.append(Section(heading, start, offset - 2))
            heading, start = line, offset
            continue
        if in_link_box or kind == "menu" or _is_picture_text(line, picture_text) or _is_link_teaser(line) or (
                is_boilerplate(line)):
            furniture.append(line)
            continue
        has_prose = has_prose or (kind == "p" and _reads_as_prose(line))
        prose_items += kind == "item" and _reads_as_prose(line)
        long_item = long_item or (kind == "item" and len(line.split()) >= PARAGRAPH_ITEM_WORDS)
        paragraphs.append(line)
        offset += len(line) + 2
    if not (has_prose or long_item or prose_items >= MIN_PROSE_ITEMS):  # a post written as a list is prose too
        raise NoArticle("no article text found in the HTML page")
    text = "\n\n".join(paragraphs)
    if offset > start:
        sections.append(Section(heading, start, len(text)))
    return _Body(text, tuple(sections), tuple(dict.fromkeys(furniture)))


def _blocks(container: Any) -> Iterator[tuple[str, str]]:
    """(kind, text) for each block under ``container``: "head", "p", "item" or "menu".

    trafilatura's own output is flat (``head``, ``p``, ``list``, text in tails), but its
    fallback extractors return an HTML subtree, so containers are walked and the inline text
    between blocks becomes a paragraph of its own.
    """
    run: list[str] = [container.text or ""]
    for child in container:
        kind = _block_kind(child)
        if kind is None:  # inline markup, or a comment whose tail still belongs to the run
            run.extend((_flat(child) if isinstance(child.tag, str) else "", child.tail or ""))
            continue
        yield from _run(run)
        run = [child.tail or ""]
        if kind == "container":
            yield from _blocks(child)
        elif kind == "list":
            yield from _list_items(child)
        elif _flat(child):
            yield kind, _flat(child)
    yield from _run(run)


def _block_kind(element: Any) -> Optional[str]:
    if not isinstance(element.tag, str):
        return None
    tag = element.tag.lower()
    if tag in HEAD_TAGS:
        return "head"
    if tag in LIST_TAGS:
        return "list"
    if tag in TEXT_BLOCK_TAGS:
        return "p"
    if any(isinstance(d.tag, str) and d.tag.lower() in BLOCK_TAGS for d in element.iterdescendants()):
        return "container"
    return "p" if tag in CONTAINER_TAGS else None


def _run(parts: list[str]) -> Iterator[tuple[str, str]]:
    line = " ".join(" ".join(parts).split())
    if line:
        yield "p", line


def _list_items(element: Any) -> Iterator[tuple[str, str]]:
    """A list's items; a list of three or more one-to-three-word items is a menu."""
    items = [_flat(item) for item in element if isinstance(item.tag, str)]
    items = [item for item in items if item]
    menu = len(items) >= 3 and all(len(item.split()) <= MENU_ITEM_WORDS for item in items)
    for item in items:
        yield ("menu" if menu else "item"), item


def _flat(element: Any) -> str:
    return " ".join(" ".join(element.itertext()).split())


def _is_picture_text(line: str, picture_text: list[str]) -> bool:
    """Whether the line is made only of picture captions, credits and alt texts."""
    rest = _norm(line)
    for part in sorted(picture_text, key=len, reverse=True):
        rest = rest.replace(part, " ")
    return rest != _norm(line) and len(re.sub(r"[\W_]+", "", rest)) < 3


def _reads_as_prose(line: str) -> bool:
    # character count for scripts written without spaces between words (Japanese, Chinese)
    return len(line.split()) >= MIN_PROSE_WORDS or len(line) >= MIN_PROSE_CHARS


def _is_link_teaser(line: str) -> bool:
    return bool(RELATED_LINE.match(line)) and len(line.split()) <= RELATED_LINE_WORDS


def _figures(tree: Any) -> Iterator[Media]:
    seen: set[Any] = set()
    for container, caption_el in _caption_blocks(tree):
        if container in seen or _off_article(container):
            continue
        seen.add(container)
        picture = _picture(container, caption_el)
        if picture is not None:
            yield picture


def _caption_blocks(tree: Any) -> Iterator[tuple[Any, Optional[Any]]]:
    """(container, caption element) for each <figure>, and for captions themes put outside one."""
    for figure in tree.iter("figure"):
        caption = figure.find(".//figcaption")
        if caption is None:
            caption = next((el for el in figure.iter() if _has_class(el, CAPTION_CLASS)), None)
        yield figure, figure if caption is None else caption  # a bare figure's own text is its caption
    for element in CAPTION_ELEMENTS(tree):
        # a captioned block holding the image ("wp-caption") is the container, not the caption
        if not _inside(element, "figure") and next(element.iter("img"), None) is None:
            parent = element.getparent()
            if parent is not None and next(parent.iter("img"), None) is not None:
                yield parent, element


def _picture(container: Any, caption_el: Optional[Any]) -> Optional[Media]:
    image = next(container.iter("img"), None)
    alt = ((image.get("alt") or "").strip() or None) if image is not None else None
    src = image.get("src") if image is not None else None
    credit = _credit_of(container, caption_el)
    caption = _caption_text(caption_el) if caption_el is not None else None
    if caption and not credit:
        caption, credit = split_credit(caption)
    if not (caption or alt or credit):
        return None
    wire = parse_wire_filename(alt) if alt else None
    # the agency's own caption often survives in the alt text: "FILE PHOTO: ... January 8, 2019. REUTERS/..."
    dated = (wire.date if wire else None) or first_date(caption or "") or first_date(alt or "")
    return Media(caption=caption or None, alt=alt, credit=credit, date=dated.isoformat() if dated else None,
                 file_name=wire.raw if wire else None, src=src,
                 agency=(wire.agency if wire else None) or find_agency(credit))


def _credit_of(container: Any, caption_el: Optional[Any]) -> Optional[str]:
    """The text of the first credit element that is not the caption or a wrapper of it
    (themes name a caption-plus-credit box "caption-source")."""
    wrappers = set(caption_el.iterancestors()) | {caption_el} if caption_el is not None else set()
    for element in container.iter():
        if element not in wrappers and _has_class(element, CREDIT_CLASS):
            text = _flat(element)
            if text:
                return CREDIT_LABEL.sub("", text).strip() or None
    return None


def _caption_text(caption: Any) -> Optional[str]:
    """The caption's text without the credit elements nested in it at any depth."""
    parts: list[str] = []
    _text_outside_credits(caption, parts)
    text = " ".join(" ".join(parts).split())
    return text or None


def _text_outside_credits(element: Any, parts: list[str]) -> None:
    if not isinstance(element.tag, str) or element.tag in ("script", "style") or (
            parts and _has_class(element, CREDIT_CLASS)):  # parts is empty only for the caption itself
        return
    parts.append(element.text or "")
    for child in element:
        _text_outside_credits(child, parts)
        parts.append(child.tail or "")


def _has_class(element: Any, pattern: re.Pattern[str]) -> bool:
    return isinstance(element.tag, str) and bool(pattern.search(element.get("class") or ""))


def _off_article(element: Any) -> bool:
    """Whether the element sits in a sidebar, menu, footer or link box (and no <article> closer)."""
    for ancestor in element.iterancestors():
        if ancestor.tag == "article":
            return False
        if ancestor.tag in OFF_ARTICLE_TAGS or OFF_ARTICLE_CLASS.search(
                (ancestor.get("class") or "") + " " + (ancestor.get("id") or "")):
            return True
    return False


def _inside(element: Any, tag: str) -> bool:
    return any(ancestor.tag == tag for ancestor in element.iterancestors())


def _json_ld_items(tree: Any) -> list[dict]:
    """Every JSON-LD object on the page, @graph members included; unreadable scripts are skipped."""
    items: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):  # themes ship broken JSON-LD often enough; the other tags still count
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict):
                graph = item.get("@graph")
                items.extend(x for x in (graph if isinstance(graph, list) else [item]) if isinstance(x, dict))
    return items


def _publisher_name(tree: Any, json_ld: list[dict]) -> Optional[str]:
    """og:site_name, application-name, then a JSON-LD publisher: what the page calls its outlet."""
    for xpath in ('//meta[@property="og:site_name"]/@content', '//meta[@name="application-name"]/@content'):
        values = [value.strip() for value in tree.xpath(xpath) if value.strip()]
        if values:
            return values[0]
    for item in json_ld:
        publisher = item.get("publisher")
        if isinstance(publisher, list) and publisher:
            publisher = publisher[0]
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) and publisher["name"].strip():
            return publisher["name"].strip()
    return None


def _canonical_url(tree: Any) -> Optional[str]:
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        values = [value.strip() for value in tree.xpath(xpath) if value.strip().startswith("http")]
        if values:
            return values[0]
    return None


def _norm(text: str) -> str:
    return " ".join(text.lower().split())

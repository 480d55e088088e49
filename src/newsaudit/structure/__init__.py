"""The structure stage: what the page is (outlet, headline, byline, date, sections, media).

HTML goes through ``html.parse_html`` (trafilatura, htmldate and what they miss); flattened
text through ``text.parse_text`` (a line classifier). Both return an ``Article``; this module
then identifies the language (``language.identify_language``, an ISO 639-1 code, "und" with a
note when too short or mixed) and settles the publication date (metadata, else a dateline, else
inferred from the body). Every language is read; only a caller who names the accepted languages
(``Settings.languages``) gets others refused.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import TYPE_CHECKING, Optional

from ..errors import NoArticle, UnsupportedLanguage
from ..ingest import Document
from ..model import Article
from ..settings import Settings
from .language import identify_language

if TYPE_CHECKING:
    from ..reference.outlets import OutletTable

DEFAULT_SETTINGS = Settings()
MIN_BODY_WORDS = 6  # fewer words than a headline: nothing to audit (a headline-only brief is an item)


def build_article(document: Document, settings: Settings = DEFAULT_SETTINGS,
                  notes: Optional[list[str]] = None, outlets: Optional["OutletTable"] = None) -> Article:
    """The article a document holds; refused when too short or in a language the settings exclude.

    A flattened text longer than ``settings.max_text_chars`` is read in its first part (cut at a
    line break) and a body longer than ``settings.max_body_chars`` is kept in its first part, each
    with a line in ``notes``: no news article is that long, and what follows is bounded by it.
    ``outlets`` is the outlet table that names an outlet the page leaves unnamed (the audit's, with
    a user's ``--outlets`` rows); None reads the bundled one.
    """
    if document.kind == "html":
        from .html import parse_html

        article = parse_html(document.content, url=document.url)
    else:
        from .text import parse_text

        content = document.content
        if settings.max_text_chars and len(content) > settings.max_text_chars:
            cut = content.rfind("\n", 0, settings.max_text_chars)
            content = content[:cut if cut > settings.max_text_chars // 2 else settings.max_text_chars]
            _note(notes, f"structure: the text has {len(document.content):,} characters; its first "
                         f"{len(content):,} were read as the page")
        article = parse_text(content, url=document.url)
    article = _bounded_body(article, settings.max_body_chars, notes)
    article = _outlet_named(article, outlets)
    from .text import word_count

    if word_count(article.text) < MIN_BODY_WORDS:
        raise NoArticle(
            f"no article found: the body has {word_count(article.text)} words "
            f"(at least {MIN_BODY_WORDS} are needed)"
        )
    guess = identify_language(article.text)
    if guess.note:
        _note(notes, guess.note)
    language = guess.code
    if not settings.accepts_language(language):
        accepted = ", ".join(sorted(settings.languages or ()))
        raise UnsupportedLanguage(
            f"the article's language ({language}) is not one of the accepted languages: {accepted}")
    article = dataclasses.replace(article, language=language)
    return settle_published(article, settings.published)


URL_LIKE = re.compile(r"(?:https?://|www\.)\S+$|[\w-]+(?:\.[\w-]+)+/?$", re.IGNORECASE)


def _outlet_named(article: Article, outlets: Optional["OutletTable"] = None) -> Article:
    """The outlet's name as the outlet table spells it when the page gives none, gives its address
    ("https://www.example.in") or the same letters run together ("usatoday" for USA Today); an
    address the table does not know is no name. A page's own different name stays: the outlet
    checks compare it with the domain's."""
    from ..text.bylines import name_key
    from .metadata import _outlets

    stated = (article.outlet or "").strip()
    url_like = bool(URL_LIKE.match(stated))
    if stated and not url_like and not stated.islower():
        return article
    known = (outlets if outlets is not None else _outlets()).by_domain(article.domain or article.url)
    if known is not None and (not stated or url_like
                              or name_key(stated) in {name_key(name) for name in (known.name, *known.aliases)}):
        return dataclasses.replace(article, outlet=known.name, outlet_source="outlet table")
    return dataclasses.replace(article, outlet=None, outlet_source=None) if url_like else article


def _bounded_body(article: Article, most: Optional[int], notes: Optional[list[str]]) -> Article:
    if not most or len(article.text) <= most:
        return article
    cut = article.text.rfind("\n", 0, most)
    cut = cut if cut > most // 2 else most
    _note(notes, f"structure: the body has {len(article.text):,} characters; the audit keeps its first {cut:,}")
    sections = tuple(dataclasses.replace(s, end=min(s.end, cut)) for s in article.sections if s.start < cut)
    return dataclasses.replace(article, text=article.text[:cut], sections=sections)


def _note(notes: Optional[list[str]], note: str) -> None:
    if notes is not None:
        notes.append(note)


def settle_published(article: Article, given: Optional[date]) -> Article:
    """Caller's date > page metadata > dateline in the text > inferred from dated events."""
    if given is not None:
        return dataclasses.replace(article, published=given.isoformat(), published_source="metadata",
                                   published_note="given by the caller (--date)")
    if article.published:
        return article
    from .published import published_from_text

    found = published_from_text(article.text)
    if found is None:
        return article
    return dataclasses.replace(article, published=found.date.isoformat(), published_source=found.source,
                               published_note=found.note)

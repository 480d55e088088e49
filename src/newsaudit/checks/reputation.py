"""Site reputation: the page's site on public lists of unreliable, fake, state or real outlets.

- ``site.unreliable_list``: a list of unreliable or fake news sites names the site and no list of
  real outlets does. ``medium``; ``low`` when every such list only calls it satire.
- ``site.disputed_lists``: lists disagree: the site is on a list of unreliable or fake sites and
  on a list of real outlets (or rated reliable). ``low``; it is not reported as fake. The outlet
  table (``data/outlets.csv``, plus the user's ``--outlets`` rows) counts as a list of real
  outlets: a newspaper there that a blocklist also names (a tabloid, a partisan paper) is
  disputed, not fake.
- ``site.state_affiliated``: a state-media list names the site. ``low`` for state-controlled or
  state-captured outlets; ``info`` for state-funded or -managed media the list rates editorially
  independent (NPR- or BBC-like public media must not be treated like state-controlled outlets).
  This label is reported on its own, beside any verdict on reliability.

Lists are old, so every message and evidence line gives each list's name, licence, date, label
and its age in years at the article's publication date (or today, when the page is undated). A
site no list names gets no finding. The lists come from
:func:`newsaudit.reference.lists.load_site_lists` (``Resources.site_lists``: the bundled lists,
plus those in the user's ``--lists`` directory). The codes are catalogued in ``codes.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Iterator, Optional
from urllib.parse import urlsplit

from .. import codes
from ..model import Evidence, Finding, Ref, Report
from ..reference.lists import NEGATIVE, PLATFORMS, POSITIVE, PUBLIC, STATE, Listing, SiteLists, split_entry
from ..reference.outlets import TABLE_SOURCE

SHOWN_LISTS = 3  # lists named in a message; the evidence carries all of them
OUTLET_LIST = "newsaudit_outlets"
OUTLET_TABLE_TITLE = "newsaudit outlet table"
OUTLET_TABLE_DATE = "2026-11"  # when data/outlets.csv was last compiled
OUTLET_TABLE_LICENCE = "MIT"


def check_site_reputation(report: Report, lists: SiteLists, *, today: Optional[date] = None,
                          outlets: Any = None) -> Iterator[Finding]:
    """Findings for the page's site from ``lists``; nothing when no list names it.

    ``outlets`` (an ``OutletTable``) adds a listing of a real outlet for a site the table holds.
    Ages are measured at the article's publication date, else at ``today`` (default: the clock).
    """
    host = site_of(report)
    if host is None:
        return
    listings = lists.lookup(host)
    if not listings:
        return
    listings += outlet_listing(host, outlets)
    reference = _reference_day(report.article.published, today)
    # A verdict on a hosting or user-content platform is not one on the page's publisher.
    negative = [item for item in listings if item.label in NEGATIVE and item.domain not in PLATFORMS]
    positive = [item for item in listings if item.label in POSITIVE]
    if negative and positive:
        yield _disputed(host, negative, positive, reference, lists)
    elif negative:
        yield _unreliable(host, negative, reference, lists)
    state = [item for item in listings if item.label in STATE | PUBLIC]
    if state:
        yield _state(host, state, reference, lists)


def check_reputation(report: Report, resources: Any) -> Iterator[Finding]:
    """The registry's ``(report, resources)`` form: ``resources.site_lists`` is a SiteLists and
    ``resources.outlets``, when it has one, the outlet table of real outlets."""
    return check_site_reputation(report, resources.site_lists, outlets=getattr(resources, "outlets", None))


def outlet_listing(host: str, outlets: Any) -> tuple[Listing, ...]:
    """The outlet table's entry for ``host`` as a listing of a real outlet, or nothing."""
    entry = split_entry(host)
    outlet = outlets.by_domain(entry[0]) if outlets is not None and entry is not None else None
    if outlet is None:
        return ()
    return (Listing(list=OUTLET_LIST, title=OUTLET_TABLE_TITLE, domain=outlet.domain, label="real",
                    raw_label="known outlet", list_date=OUTLET_TABLE_DATE, licence=OUTLET_TABLE_LICENCE,
                    note=outlet.name),)


def site_of(report: Report) -> Optional[str]:
    """The page's URL (host and path, for path-scoped entries), else its domain, else None."""
    article = report.article
    if article.url:
        try:
            parts = urlsplit(article.url if "//" in article.url else "//" + article.url)
        except ValueError:
            parts = None
        if parts is not None and parts.hostname:
            return f"{parts.hostname}{parts.path}".rstrip("/")
    return article.domain or None


def _unreliable(host: str, negative: list[Listing], reference: "_Reference", lists: SiteLists) -> Finding:
    """site.unreliable_list: medium, low when the lists only call the site satire."""
    satire_only = all(item.label == "satire" for item in negative)
    kind = "satire sites" if satire_only else "unreliable or fake news sites"
    message = (f"{_site(host, negative)} is on {_count(negative)} of {kind}: {_summary(negative, reference)}. "
               f"{_caveat(negative)}")
    return Finding(codes.SITE_UNRELIABLE_LIST, "low" if satire_only else "medium", message,
                   _evidence(host, negative, reference), _refs(negative, lists))


def _disputed(host: str, negative: list[Listing], positive: list[Listing], reference: "_Reference",
              lists: SiteLists) -> Finding:
    """site.disputed_lists: both sides named, with their lists, dates and ages."""
    message = (f"Lists disagree about {_site(host, negative + positive)}: {_count(negative)} of unreliable or fake "
               f"sites {_verb(negative, 'names', 'name')} it ({_summary(negative, reference)}), but "
               f"{_count(positive, 'list')} of real outlets {_verb(positive, 'lists', 'list')} it too "
               f"({_summary(positive, reference)}); it is not reported as fake.")
    both = negative + positive
    return Finding(codes.SITE_DISPUTED_LISTS, "low", message, _evidence(host, both, reference), _refs(both, lists))


def _state(host: str, state: list[Listing], reference: "_Reference", lists: SiteLists) -> Finding:
    """site.state_affiliated: low for state-controlled or captured, info for independent public media."""
    controlled = [item for item in state if item.label in STATE]
    if controlled:
        severity, what = "low", "a state-affiliated outlet (state-controlled or state-captured)"
    else:
        severity, what = "info", "state-funded or state-managed media that the list rates editorially independent"
    shown = controlled or state
    message = f"{_site(host, shown)} is {what}: {_summary(shown, reference)}."
    return Finding(codes.SITE_STATE_AFFILIATED, severity, message, _evidence(host, shown, reference), _refs(shown, lists))


@dataclass(frozen=True)
class _Reference:
    """The day ages are measured at, and whether it is the article's date or today."""

    day: date
    published: bool


def _reference_day(published: Optional[str], today: Optional[date] = None) -> _Reference:
    """The article's publication day when it parses (YYYY-MM-DD...), else today."""
    if published:
        try:
            return _Reference(date.fromisoformat(published[:10]), True)
        except ValueError:
            pass
    return _Reference(today or date.today(), False)


def age_phrase(listing: Listing, reference: _Reference) -> str:
    """"8.6 years old when the article was published", "3.1 years old", "1.2 years after the article"."""
    years = (reference.day - listing.day).days / 365.25
    if reference.published and years < 0:
        return f"{-years:.1f} years after the article"
    when = " when the article was published" if reference.published else ""
    return f"{max(years, 0.0):.1f} years old{when}"


def by_list(listings: Iterable[Listing]) -> list[tuple[Listing, str]]:
    """One (listing, labels) per list, newest list first: the most specific entry matched, and
    every label the list gives the site ("bias; fake"), in the order the lists were loaded."""
    groups: dict[str, list[Listing]] = {}
    for item in listings:
        groups.setdefault(item.list, []).append(item)
    merged = []
    for items in groups.values():
        labels = list(dict.fromkeys(item.raw_label or item.label for item in items))
        merged.append((max(items, key=lambda item: len(item.domain + item.path)), "; ".join(labels)))
    return sorted(merged, key=lambda pair: pair[0].list_date, reverse=True)


def _describe(listing: Listing, labels: str, reference: _Reference, licence: bool = False) -> str:
    """"PolitiFact Fake News Almanac, 2017-11, 7.9 years old ...: “Fake news”" (the evidence
    line adds the licence after the title)."""
    listed = f", listed as {listing.domain}{listing.path}" if listing.path else ""
    title = f"{listing.title} ({listing.licence})" if licence else listing.title
    if listing.list == OUTLET_LIST:  # the project's own table of outlets as they are now: no age
        return f"{title}, {listing.list_date}: “{labels}”"
    return f"{title}, {listing.list_date}, {age_phrase(listing, reference)}: “{labels}”{listed}"


def _summary(listings: list[Listing], reference: _Reference) -> str:
    """The newest lists described, then how many more (the evidence has them all)."""
    groups = by_list(listings)
    shown = "; ".join(_describe(item, labels, reference) for item, labels in groups[:SHOWN_LISTS])
    more = len(groups) - SHOWN_LISTS
    return shown + (f"; and {more} more" if more > 0 else "")


def _site(host: str, listings: Iterable[Listing]) -> str:
    """The page's host, and the listed domain it matched when that is a parent of it."""
    bare = host.split("/", 1)[0].lower().removeprefix("www.")
    listed = sorted({item.domain for item in listings})
    return bare if bare in listed else f"{bare} (listed as {', '.join(listed)})"


def _count(listings: list[Listing], noun: str = "public list") -> str:
    """"1 public list" or "3 public lists" (lists, not entries)."""
    lists = {item.list for item in listings}
    return f"1 {noun}" if len(lists) == 1 else f"{len(lists)} {noun}s"


def _verb(listings: list[Listing], one: str, many: str) -> str:
    """The verb that agrees with the number of lists."""
    return one if len({item.list for item in listings}) == 1 else many


def _caveat(listings: list[Listing]) -> str:
    """A reminder that the lists are old, from the newest list's month."""
    newest = max(item.day for item in listings)
    return (f"The newest of these lists dates from {newest.isoformat()[:7]}; the site may have changed "
            f"hands or closed since.")


def _evidence(host: str, listings: list[Listing], reference: _Reference) -> tuple[Evidence, ...]:
    """The page's host, then one line per list: its title, date, age and labels."""
    shown = [Evidence(text=host.split("/", 1)[0], where="domain")]
    shown.extend(Evidence(text=_describe(item, labels, reference, licence=True) + (f" ({item.note})" if item.note else ""),
                          where="site_list")
                 for item, labels in by_list(listings))
    return tuple(shown)


def _refs(listings: list[Listing], lists: SiteLists) -> tuple[Ref, ...]:
    """One reference per list: its name, date, licence and where it comes from."""
    refs: dict[str, Ref] = {}
    for item in listings:
        info = lists.info(item.list)
        origin = f"; {info.source_url}" if info and info.source_url else (
            f"; {TABLE_SOURCE}" if item.list == OUTLET_LIST else "")
        detail = f"{item.title}, {item.list_date} ({item.licence}){origin}"
        refs.setdefault(item.list, Ref(f"site list {item.list}", detail))
    return tuple(refs.values())


CHECKS = [check_reputation]

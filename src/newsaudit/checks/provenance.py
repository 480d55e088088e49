"""Provenance: who published the page, and whether it shows the marks of a real newsroom.

- ``outlet.impersonation``: the outlet name or domain imitates a known outlet (``outlets.py``
  holds the table and the matcher; this module only turns a match into a finding).
- ``page.boilerplate``: theme or scraper leftovers stood in the text. A feed-copying plugin's
  footer is ``medium`` (the text was republished from elsewhere); theme strings and ordinary
  furniture in flattened text are ``low``; HTML pages always carry furniture around the
  article, so there only theme and scraper strings inside the extracted body count.
- ``byline.missing``: no author, neither in the byline nor credited in the text ("By ...",
  "Reporting by ...", a wire agency's dateline). ``low``: editorials run without one too.
- ``date.missing``: neither metadata nor a dateline dates the page; the finding carries the
  date the structure stage inferred, and how.
- ``voice.first_person_anonymous``: the narrative (outside quotation marks and attributed
  quotes) reports in the first person ("told me", "I saw", "my interpreter") while no byline
  says who "I" is. ``medium``: an unnamed witness is the voice of fabricated reportage.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from .. import codes
from ..model import Article, Evidence, Finding, Ref, Report
from ..reference.resources import Resources
from ..text.bylines import credit_in_text
from ..text.boilerplate import leftover_kind
from ..text.quotes import quoted_spans
from .common import evidence
from ..reference.lists import POSITIVE
from ..reference.outlets import TABLE_SOURCE, site_of
from .outlets import Match, impersonation_of, misspelt_masthead

SHOWN_LEFTOVERS = 4  # lines quoted as evidence; the message gives the total
SHOWN_FIRST_PERSON = 3
# First-person reporting: the reporter as a witness, an interviewer or someone addressed.
FIRST_PERSON = re.compile(
    r"\b(?:told|showed|asked|gave|sent|texted|messaged|emailed|warned|assured|reminded|greeted|guided|led|took|"
    r"drove|handed|whispered to|explained to|wrote to|said to|admitted to|confided to|confessed to)\s+(?:me|us)\b"
    r"|\bI\s+(?:saw|met|watched|visited|spoke|talked|asked|interviewed|heard|witnessed|drove|walked|arrived|"
    r"counted|reached|followed|joined|accompanied|found|noticed|photographed|filmed|toured|stood|sat|returned|"
    r"was\s+told|have\s+seen|had\s+seen|could\s+see|could\s+hear|could\s+smell|spent|travel(?:l)?ed)\b"
    r"|\b[Mm]y\s+(?:interpreter|translator|fixer|driver|guide|photographer|colleague|editor|notebook|recorder)\b"
    r"|\b(?:this|your)\s+(?:reporter|correspondent|writer)\b",
)


def _listed_as_real(domain: str, resources: Resources) -> bool:
    """A site a public list of real outlets names is that outlet, whatever it resembles."""
    return any(listing.label in POSITIVE for listing in resources.site_lists.lookup(domain))


MAX_STRAY_MASTHEAD_WORDS = 5  # a headline or furniture line this short may be a misread masthead
STRAY_FURNITURE_LINES = 6  # furniture lines looked at, from the top of the page


def check_impersonation(report: Report, resources: Resources) -> Iterator[Finding]:
    article = report.article
    # the page's full host when its address is known: "smh.com.au.de" registers as "au.de", and
    # the look-alike is in what comes before the registered part
    domain = article.url if site_of(article.url) is not None else (article.domain or article.url)
    if domain and _listed_as_real(domain, resources):
        return
    lexicon = resources.lexicon
    match = (impersonation_of(article.outlet, domain, resources.outlets, lexicon, article.language)
             if article.outlet or domain else None)
    where = "outlet"
    if match is None and not (domain and _known_site(domain, resources)):
        match, where = _stray_masthead(article, resources, lexicon, report.input.kind)
    if match is None:
        return
    shown: list[Evidence] = []
    if match.name:
        shown.append(Evidence(text=match.name, where=where))
    if match.domain:
        shown.append(Evidence(text=match.domain, where="domain"))
    yield Finding(codes.OUTLET_IMPERSONATION, match.severity, match.message, tuple(shown),
                  (Ref(TABLE_SOURCE, match.outlet.row),))


def _known_site(domain: str, resources: Resources) -> bool:
    site = site_of(domain)
    return site is not None and resources.outlets.by_domain(site.host) is not None


def _stray_masthead(article: Article, resources: Resources, lexicon,
                    report_kind: str = "text") -> tuple[Optional[Match], str]:
    """A famous masthead misspelt on a line not read as the outlet: the headline, or furniture.

    Flattened pages put the masthead above the headline, and a misspelt one is not recognised
    as an outlet name; only a near-exact slip of a listed masthead counts there.
    """
    if article.language not in (None, "en", "und"):
        return None, "outlet"  # a line's slips are read against English words only
    lines = [("headline", article.headline, False)] if article.headline else []
    # the topmost furniture line of a flattened page is where its masthead stands: a swapped
    # word counts there too ("The Wall Street Ledgers"), as on the outlet line
    lines += [("boilerplate", line, i == 0 and report_kind == "text")
              for i, line in enumerate(article.boilerplate[:STRAY_FURNITURE_LINES])]
    for where, line, swaps in lines:
        if line and len(line.split()) <= MAX_STRAY_MASTHEAD_WORDS and line != article.outlet:
            match = misspelt_masthead(line.strip(), resources.outlets, lexicon, article.language, swaps=swaps)
            if match is not None:
                return match, where
    return None, "outlet"


def check_boilerplate(report: Report, resources: Resources) -> Iterator[Finding]:
    lines = report.article.boilerplate
    if not lines:
        return
    kinds = [leftover_kind(line) for line in lines]
    from_html = report.input.kind in ("html", "url")
    if "scraper" in kinds:
        severity = "medium"
        what = "a feed-copying plugin's footer, a sign the text was republished from another site"
    elif "theme" in kinds:
        severity = "low"
        what = ("a string the site's theme or plugins print" if len(lines) == 1
                else "strings the site's theme or plugins print")
    elif from_html:
        return  # every page has menus and share buttons around its article: not a leftover
    else:
        severity = "low"
        what = "page furniture (menus, share buttons, notices)"
    order = {"scraper": 0, "theme": 1, "furniture": 2}
    ranked = sorted(range(len(lines)), key=lambda i: (order[kinds[i]], i))
    shown = tuple(Evidence(text=lines[i], where="page") for i in ranked[:SHOWN_LEFTOVERS])
    if len(lines) == 1:
        message = (f"The text carries a line left over from the page it was taken from, {what}; "
                   f"it was kept out of the body.")
    else:
        message = (f"The text carries {len(lines)} lines left over from the page it was taken from, including "
                   f"{what}; they were kept out of the body.")
    yield Finding(codes.PAGE_BOILERPLATE, severity, message, shown,
                  (Ref("newsaudit/structure/boilerplate.py", "theme, scraper and furniture strings"),))


def check_byline(report: Report, resources: Resources) -> Iterator[Finding]:
    """No author: neither the page's byline nor a credit in the text itself ("By ...", "Reporting
    by ...", a wire agency's dateline) names one. A credit the structure stage did not lift into
    the byline still counts: the finding says no author is named, and that would be wrong."""
    article = report.article
    if article.byline or credit_in_text(article.text):
        return
    yield Finding(codes.BYLINE_MISSING, "low", "The article names no author.",
                  (Evidence(text=article.headline or "", where="headline"),) if article.headline else ())


def check_date(report: Report, resources: Resources) -> Iterator[Finding]:
    article = report.article
    if article.published_source in ("metadata", "text"):
        return
    if article.published:
        note = article.published_note or "from the dates the body mentions"
        message = f"The page gives no publication date; the report assumes {article.published}: {_strip_prefix(note)}."
    else:
        message = "The page gives no publication date, and the body dates nothing it could be inferred from."
    yield Finding(codes.DATE_MISSING, "low", message, (), (Ref("published_note", article.published_note),)
                  if article.published_note else ())


def _strip_prefix(note: str) -> str:
    return note[len("inferred: "):] if note.startswith("inferred: ") else note


def check_first_person(report: Report, resources: Resources) -> Iterator[Finding]:
    article = report.article
    if article.byline:
        return
    hits = list(first_person_narration(article, [(q.start, q.end) for q in report.quotes]))
    if not hits:
        return
    shown = tuple(evidence(article, start, end) for start, end in hits[:SHOWN_FIRST_PERSON])
    phrases = ", ".join(f"“{e.text}”" for e in shown)
    # low: columns and analysis are written in the first person, and a byline kept outside the
    # text (a feed's metadata) is invisible here; it is a pointer, not a verdict
    yield Finding(codes.VOICE_FIRST_PERSON_ANONYMOUS, "low",
                  f"The article reports in the first person ({phrases}) but no byline says who the reporter is.",
                  shown)


def first_person_narration(article: Article, quoted: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Spans of first-person reporting outside quotation marks and attributed quotes."""
    masked = quoted + quoted_spans(article.text)
    for match in FIRST_PERSON.finditer(article.text):
        start, end = match.span()
        if not any(q_start <= start and end <= q_end for q_start, q_end in masked):
            yield start, end


CHECKS = [check_impersonation, check_boilerplate, check_byline, check_date, check_first_person]

"""Structure of a page flattened to text: each line classified, then assembled into an Article.

Copying a web page as text keeps its lines but loses the markup that said what each one was.
The classifier recovers it from the signals such pages keep:

- position: the outlet name and the headline come first; headings sit between paragraphs;
- credits: "©", "Photo:", "Credit:", "(Photo by ...)", "Name/Agency", "via Reuters";
- agency and camera file names (``wire.parse_wire_filename``);
- shape: word count, title case, whether the line ends like a sentence;
- known theme strings and share, subscribe and menu lines (``boilerplate.is_boilerplate``).

A caption is a descriptive line that carries a credit, sits next to a credit or follows a
leaked file name; it and its credit become ``Media``, never body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from ..model import Article, Media, Section
from .boilerplate import is_boilerplate
from .dates import dateline_date, first_date
from .wire import find_agency, parse_wire_filename

LABELS = ("outlet", "headline", "byline", "dateline", "caption", "credit", "file_name", "section_heading",
          "body", "boilerplate", "blank")

# A credit that closes a caption line: "... © Name/Agency", "... Photo: Name/Agency", "(Photo by X/Getty Images)".
INLINE_CREDIT = re.compile(
    r"(?:\s|^)(?P<credit>(?:©|\(c\)|Copyright\b|Photo(?:graph)?s?:|Photo by\b|Image:|Picture:|Credit:|"
    r"Illustration:|Pictured:)\s*.+?|\((?:Photo|Image|Credit)[^)]*\))\s*$",
    re.IGNORECASE,
)
# A line that is only a credit: "Photo: Jane Doe/Reuters", "Jane Doe / AFP via Getty Images", "AP Photo/John Smith".
CREDIT_LINE = re.compile(
    r"^(?:(?:©|\(c\)|Photo(?:graph)?s?:|Photo by|Image:|Picture:|Credit:|Illustration:)\s*\S.*|"
    r"(?:[A-Z][\w.'-]+\s){0,3}[A-Z][\w.'-]+\s?/\s?[A-Z][\w&.' -]{1,40}(?:\s+via\s+[A-Z][\w&.' -]+)?|"
    r"AP Photo/.+)$"
)
BYLINE = re.compile(r"^(?:By|Written by|Words by|Reporting by|Author:)\s+(?P<names>[A-Z][^\n]{1,120})$")
SENTENCE_END = re.compile(r"[.!?…\"”’')\]]$")
DOMAIN_LINE = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$", re.IGNORECASE)
SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to vs via with".split())


@dataclass(frozen=True)
class LabeledLine:
    index: int
    text: str
    label: str


def word_count(line: str) -> int:
    return len(line.split())


def is_title_case(line: str) -> bool:
    """Most significant words capitalised, as mastheads, headlines and headings are."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if w.lower() not in SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.75


def ends_like_sentence(line: str) -> bool:
    return bool(SENTENCE_END.search(line.strip()))


def looks_like_heading(line: str) -> bool:
    """A short line without closing punctuation, title-cased or built as "Kicker: subtitle"."""
    words = word_count(line)
    if not 2 <= words <= 16 or ends_like_sentence(line.rstrip("?")) and not line.rstrip().endswith("?"):
        return False
    return is_title_case(line) or (":" in line and words <= 12)


def split_credit(line: str) -> tuple[str, Optional[str]]:
    """Caption text and the credit closing it, if any."""
    match = INLINE_CREDIT.search(line)
    if not match or match.start("credit") < 15:
        return line.strip(), None
    return line[: match.start("credit")].strip(), _clean_credit(match["credit"])


def _clean_credit(credit: str) -> str:
    credit = re.sub(r"^(?:©|\(c\)|Copyright|Photo(?:graph)?s?:|Photo by|Image:|Picture:|Credit:|Illustration:|Pictured:)\s*",
                    "", credit.strip(), flags=re.IGNORECASE)
    return credit.strip(" ()")


def classify_lines(content: str) -> list[LabeledLine]:
    """Label every line of a flattened page (see the module docstring for the signals)."""
    lines = content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    labels = [_first_pass(line) for line in lines]
    _label_masthead(lines, labels)
    _label_captions(lines, labels)
    _label_headings(lines, labels)
    return [LabeledLine(index, line.strip(), label) for index, (line, label) in enumerate(zip(lines, labels))]


def _first_pass(line: str) -> str:
    text = line.strip()
    if not text:
        return "blank"
    if is_boilerplate(text):
        return "boilerplate"
    if parse_wire_filename(text):
        return "file_name"
    if BYLINE.match(text) and word_count(text) <= 14:
        return "byline"
    if word_count(text) <= 14 and CREDIT_LINE.match(text) and not ends_like_sentence(text.rstrip(")")):
        return "credit"
    if dateline_date(text) and word_count(text) <= 10:
        return "dateline"
    if split_credit(text)[1]:
        return "caption"
    return "body" if ends_like_sentence(text) or word_count(text) > 16 else "short"


def _content_indexes(labels: list[str]) -> list[int]:
    return [i for i, label in enumerate(labels) if label not in ("blank", "boilerplate")]


def _label_masthead(lines: list[str], labels: list[str]) -> None:
    """Outlet then headline: the first short title-like lines, before any paragraph."""
    content = _content_indexes(labels)
    if not content:
        return
    first = content[0]
    first_text = lines[first].strip()
    rest = [i for i in content[1:] if labels[i] in ("short", "body")]
    outlet_like = (labels[first] == "short" and word_count(first_text) <= 6 and
                   (is_title_case(first_text) or DOMAIN_LINE.match(first_text)))
    if outlet_like and rest and _headline_like(lines[rest[0]]):
        labels[first] = "outlet"
        labels[rest[0]] = "headline"
    elif labels[first] in ("short", "body") and _headline_like(first_text):
        labels[first] = "headline"


def _headline_like(line: str) -> bool:
    text = line.strip()
    return 3 <= word_count(text) <= 30 and not text.endswith(".") or (is_title_case(text) and word_count(text) <= 30)


def _label_captions(lines: list[str], labels: list[str]) -> None:
    """Lines next to a file name or a credit-only line describe a picture."""
    content = _content_indexes(labels)
    for position, index in enumerate(content):
        nxt = content[position + 1] if position + 1 < len(content) else None
        prev = content[position - 1] if position > 0 else None
        if labels[index] not in ("body", "short"):
            continue
        after_file = prev is not None and labels[prev] == "file_name"
        before_credit = nxt is not None and labels[nxt] == "credit"
        if (after_file or before_credit) and word_count(lines[index]) <= 80:
            labels[index] = "caption"


def _label_headings(lines: list[str], labels: list[str]) -> None:
    """Remaining short lines: headings when they look like one and a paragraph follows."""
    content = _content_indexes(labels)
    for position, index in enumerate(content):
        if labels[index] != "short":
            continue
        following = [labels[i] for i in content[position + 1: position + 3]]
        seen_body = any(labels[i] == "body" for i in content[:position])
        if seen_body and looks_like_heading(lines[index]) and "body" in following:
            labels[index] = "section_heading"
        else:
            labels[index] = "body" if word_count(lines[index]) >= 6 else "boilerplate"


def parse_text(content: str, *, url: Optional[str] = None) -> Article:
    labeled = classify_lines(content)
    pick = lambda label: next((line.text for line in labeled if line.label == label), None)  # noqa: E731
    text, sections = _body_and_sections(labeled)
    byline = pick("byline")
    article = Article(
        outlet=pick("outlet"), domain=domain_of(url), url=url, headline=pick("headline"),
        byline=BYLINE.match(byline)["names"].strip() if byline else None,
        published=None, published_source=None, text=text, sections=tuple(sections),
        media=tuple(_media(labeled)), boilerplate=tuple(l.text for l in labeled if l.label == "boilerplate"),
        outlet_source="text" if pick("outlet") else None,
    )
    dateline = pick("dateline")
    found = dateline_date(dateline) if dateline else None
    if found:
        article = replace(article, published=found[0].isoformat(), published_source="text",
                          published_note=f"from the dateline line \u201c{dateline}\u201d")
    return article


def _body_and_sections(labeled: list[LabeledLine]) -> tuple[str, list[Section]]:
    parts: list[str] = []
    sections: list[Section] = []
    offset = 0
    heading: Optional[str] = None
    section_start = 0
    for line in labeled:
        if line.label == "section_heading":
            if offset > section_start or heading is not None:
                sections.append(Section(heading, section_start, max(section_start, offset - 2)))
            heading, section_start = line.text, offset
        elif line.label == "body":
            parts.append(line.text)
            offset += len(line.text) + 2
    text = "\n\n".join(parts)
    if parts:
        sections.append(Section(heading, section_start, len(text)))
    return text, sections


def _media(labeled: list[LabeledLine]) -> list[Media]:
    """Group file names, captions and credits into pictures, in page order."""
    pictures: list[Media] = []
    pending_file: Optional[str] = None
    for line in labeled:
        if line.label == "file_name":
            pending_file = line.text
        elif line.label == "caption":
            caption, credit = split_credit(line.text)
            pictures.append(_picture(caption, credit, pending_file))
            pending_file = None
        elif line.label == "credit":
            if pictures and pictures[-1].credit is None and pending_file is None:
                last = pictures[-1]
                pictures[-1] = replace(last, credit=_clean_credit(line.text), agency=last.agency or find_agency(line.text))
            else:
                pictures.append(_picture(None, _clean_credit(line.text), pending_file))
                pending_file = None
    if pending_file:
        pictures.append(_picture(None, None, pending_file))
    return pictures


def _picture(caption: Optional[str], credit: Optional[str], file_name: Optional[str]) -> Media:
    wire = parse_wire_filename(file_name) if file_name else None
    dated = (wire.date if wire and wire.date else None) or (first_date(caption) if caption else None)
    return Media(caption=caption, alt=file_name, credit=credit, date=dated.isoformat() if dated else None,
                 file_name=file_name, agency=(wire.agency if wire else None) or find_agency(credit))


def domain_of(url: Optional[str]) -> Optional[str]:
    """The registered domain of a URL ("www.bbc.co.uk/news" -> "bbc.co.uk"), offline."""
    if not url:
        return None
    from .domains import registered_domain

    return registered_domain(url)

"""Structure of a page flattened to text: each line classified, then assembled into an Article.

Copying a web page as text keeps its lines but loses the markup that said what each one was.
The classifier recovers it from the signals such pages keep:

- position: the outlet name and the headline come first; headings sit between paragraphs;
  lines before the headline or after the last paragraph are page furniture unless shown otherwise;
- credits: "©", "Photo:", "Credit:", "(Photo by ...)", "(AP Photo/...)", "Name/Agency", "via Reuters";
- agency and camera file names (``wire.parse_wire_filename``);
- shape: word count, title case, whether the line ends like a sentence;
- known theme strings and share, subscribe and menu lines (``boilerplate``).

A caption is a descriptive line that carries a credit, sits next to a credit or follows a
leaked file name; it and its credit become ``Media``, never body text. A picture whose image
failed to load shows its alt text as a line of its own: a short description without closing
punctuation right before a caption (label ``alt``, an addition to the contract's labels).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterator, Optional

from ..model import Article, Media, Section
from ..text.boilerplate import is_boilerplate, is_menu_row, opens_link_list
from ..text.dates import MONTH_DAY, MONTH_FULL, first_date
from ..text.domains import registered_domain
from .metadata import clean_byline, credit_in_text, has_separator, site_keys, strip_site
from .published import dateline_date
from ..text.wire import WireFile, find_agency, parse_wire_filename

__all__ = ["LabeledLine", "LABELS", "classify_lines", "parse_text", "split_credit", "looks_like_heading"]

LABELS = ("outlet", "headline", "byline", "dateline", "caption", "credit", "file_name", "alt", "section_heading",
          "body", "boilerplate", "blank")
MEDIA_LABELS = frozenset({"caption", "credit", "file_name", "alt"})

# The label a credit opens with: "©", "Photo:", "Photo by", "Photograph courtesy of", "Credit:".
_CREDIT_WORD = (r"(?i:©|\(c\)|Copyright\s*(?:©|\(c\)|:)|"
                r"(?:Photo(?:graph)?s?|Images?|Pictures?|Video)\s*(?::|by\b|courtesy\b)|"
                r"Credits?:|Illustration:|Pictured:|Source:)")
# A credit that closes a caption line: "... © Name/Agency", "... Photo: Name/Agency",
# "(Photo by X/Getty Images)", "(AP Photo/Jane Doe)", "(David Kessler/AP)".
INLINE_CREDIT = re.compile(
    r"(?:\s|^)(?P<credit>" + _CREDIT_WORD + r"\s*.+?|"
    r"\((?:(?:AP|AFP|Reuters|EPA|Getty Images) )?(?i:Photo|Image|Credit)\b[^)]*\)|"
    r"\((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*\s?/\s?[A-Z][\w&.'’ -]{1,40}\))\s*$"  # "(David Kessler/AP)"
)
# A credit after a caption's last sentence with no label: "... on Monday. REUTERS/Jane Doe",
# "... in 2023. Jane Doe/AFP via Getty Images".
TRAILING_CREDIT = re.compile(
    r"(?<=[.!?”\"])\s+(?P<credit>(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*\s?/\s?[A-Z][\w&.'’ -]{1,40}"
    r"(?:/[A-Z][\w&.'’ -]{1,40})*(?:\s+via\s+[A-Z][\w&.' -]+)?)\s*$"
)
# A line that is only a credit: "Photo: Jane Doe/Reuters", "Jane Doe / AFP via Getty Images",
# "AP Photo/John Smith", "(Photo by X/Getty Images)", "Getty Images".
CREDIT_LINE = re.compile(
    r"^(?:" + _CREDIT_WORD + r"\s*\S.*|\((?:(?:AP|AFP|Reuters|EPA) )?(?:Photo|Image|Credit)\b[^)]*\)|"
    r"(?:[A-Z][\w.'’-]+\s){0,3}[A-Z][\w.'’-]+\s?/\s?[A-Z][\w&.'’ -]{1,40}(?:/[A-Z][\w&.'’ -]{1,40})*"
    r"(?:\s+via\s+[A-Z][\w&.' -]+)?|"
    r"(?:AP Photo|REUTERS|Reuters|AFP|EPA-EFE|EPA|Getty Images)(?:\s?/\s?.+)?|(?:Courtesy|Handout)\b.{0,60})$"
)
# The label stripped from a credit ("courtesy of" stays: it says where the picture came from).
CREDIT_LABEL = re.compile(r"^(?i:©|\(c\)|Copyright\s*(?:©|\(c\)|:)?|(?:Photo(?:graph)?s?|Images?|Pictures?|Video)"
                          r"\s*(?::|by\b)|Credits?:|Illustration:|Pictured:|Source:)\s*")
# Explicit alt text, as some themes and readers print it.
ALT_LINE = re.compile(r"^(?:Image description|Alt text|Alt|Image alt)\s*:\s*(?P<alt>\S.*)$", re.IGNORECASE)
# Captions that announce themselves: agency "FILE -" captions and "In this photo ..." openers.
CAPTION_CUE = re.compile(r"^(?:FILE(?: PHOTO)?\s*[-:–—]|In this (?:photo|image|picture|file photo)\b)|"
                         r"\b(?:is|are) (?:seen|pictured|shown)\b|\bpictured\b|\bin this (?:photo|image)\b",
                         re.IGNORECASE)
# Marks of reporting, which captions rarely carry: quotation marks and attribution.
REPORTING = re.compile(r"[“”\"]|\b(?:said|says|told|according to)\b")
BYLINE = re.compile(r"^(?:By|BY|Written by|Words by|Reporting by|Author:|Von|VON|Par|PAR)\s+(?P<names>[A-Z].{1,160})$")
# Where a byline's names end: a separator, or the date or label printed after them.
BYLINE_END = re.compile(r"\s*(?:[|•·—–]|\s-\s|\b(?:Published|Posted|Updated)\b).*$")
NAME_WORD = re.compile(r"^(?:[A-Z][\w.'’-]*,?|and|&|de|da|del|der|di|du|van|von|la|le|al|bin|y)$")
NOT_A_NAME = re.compile(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|^(?:" + MONTH_FULL + r"|Then|Now|Contrast|Comparison)\b")
SENTENCE_END = re.compile(r"[.!?…\"”’')\]。！？」』）]$")
STATEMENT_END = re.compile(r"[.…\"”’')\]。」』）]$")  # a line ending so is a paragraph, not a title or question
UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # kana and Han
DOMAIN_LINE = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z][\w'’-]*")
SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to vs via with nor per".split())

MAX_SHORT_WORDS = 16  # longer lines are paragraphs whatever their punctuation
MAX_HEADLINE_WORDS = 30
MAX_OUTLET_WORDS = 6
MAX_CAPTION_WORDS = 80
MAX_DATELINE_WORDS = 10
MAX_CREDIT_WORDS = 14
MAX_INLINE_CREDIT_WORDS = 20  # a credit closing a caption line: names, an agency, "via ..."
MAX_TEASER_WORDS = 25


@dataclass(frozen=True)
class LabeledLine:
    text: str
    index: int
    label: str


def word_count(line: str) -> int:
    """Words of a line; Chinese and Japanese, written without spaces, count a word per two characters."""
    return len(line.split()) + len(UNSPACED_SCRIPT.findall(line)) // 2


def is_title_case(line: str) -> bool:
    """Most significant words capitalised, as mastheads, headlines and headings are."""
    words = [w for w in WORD.findall(line) if w.lower() not in SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.75


def looks_like_heading(line: str) -> bool:
    """A short line that does not close like a statement, title-cased or built as "Kicker: subtitle"."""
    text = line.strip()
    words = word_count(text)
    if not 2 <= words <= MAX_SHORT_WORDS or STATEMENT_END.search(text) or text.endswith("!"):
        return False
    return is_title_case(text) or (":" in text and words <= 12)


def split_credit(line: str) -> tuple[str, Optional[str]]:
    """Caption text and the credit closing it, if any ("... troops. © Jane Doe/Reuters").

    A credit is a name or two and an agency: a "credit" of more than ``MAX_INLINE_CREDIT_WORDS``
    words is the rest of a paragraph that happens to contain "Source:" or "(Name / Paper)".
    """
    match = INLINE_CREDIT.search(line) or TRAILING_CREDIT.search(line)
    if not match or match.start("credit") < 15 or word_count(match["credit"]) > MAX_INLINE_CREDIT_WORDS:
        return line.strip(), None
    return line[: match.start("credit")].strip(), clean_credit(match["credit"])


def clean_credit(credit: str) -> str:
    """The credit without its label or brackets: "(Photo by Jane Doe/Getty Images)" -> "Jane Doe/Getty Images"."""
    text = credit.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    return CREDIT_LABEL.sub("", text).strip(" ()")


def byline_names(line: str) -> Optional[str]:
    """The names a "By ..." line gives, as printed, without a date or label after them."""
    match = BYLINE.match(line.strip())
    if not match:
        return None
    names = BYLINE_END.sub("", match["names"])
    dated = MONTH_DAY.search(names)
    names = (names[: dated.start()] if dated else names).strip(" ,")
    head = names.split(",")[0].split()
    if not head or len(head) > 8 or NOT_A_NAME.match(names) or not all(NAME_WORD.match(w) for w in head):
        return None
    if names.endswith(".") and not re.search(r"\b[A-Z]\.$|\b(?:Jr|Sr)\.$", names):
        return None
    return names


def classify_lines(content: str) -> list[LabeledLine]:
    """Label every line of a flattened page (see the module docstring for the signals)."""
    lines = [line.strip() for line in content.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    labels = [_first_pass(line) for line in lines]
    _label_masthead(lines, labels)
    _label_late_datelines(lines, labels)
    _label_link_lists(lines, labels)
    _label_captions(lines, labels)
    _label_alt_text(lines, labels)
    _label_short_lines(lines, labels)
    _label_body_of_last_resort(lines, labels)
    return [LabeledLine(line, index, label) for index, (line, label) in enumerate(zip(lines, labels))]


def _first_pass(line: str) -> str:
    """What a line is on its own; "short" marks a title-like line that its neighbours settle."""
    if not line:
        return "blank"
    if is_boilerplate(line):
        return "boilerplate"
    words = word_count(line)
    wire = parse_wire_filename(line)
    if wire:
        return "caption" if wire.rest else "file_name"
    if words <= MAX_SHORT_WORDS and byline_names(line):
        return "byline"
    if words <= MAX_CREDIT_WORDS and CREDIT_LINE.match(line) and not STATEMENT_END.search(line.rstrip(")")):
        return "credit"
    if ALT_LINE.match(line):
        return "alt"
    if words <= MAX_DATELINE_WORDS and dateline_date(line):
        return "dateline"
    # A caption is a few sentences at most: a longer line is a paragraph, whatever credit or cue
    # it holds (a one-paragraph article quoting "(Jane Doe / The Courier)" is not a caption).
    if words <= MAX_CAPTION_WORDS and (split_credit(line)[1] or CAPTION_CUE.match(line)):
        return "caption"
    return "body" if STATEMENT_END.search(line) or words > MAX_SHORT_WORDS else "short"


def _content(labels: list[str]) -> list[int]:
    return [i for i, label in enumerate(labels) if label not in ("blank", "boilerplate")]


def _label_masthead(lines: list[str], labels: list[str]) -> None:
    """Outlet and headline among the title-like lines above the first paragraph or byline.

    The headline is the first of them with four words or more (a shorter outlet name may stand
    right before it); a short title line followed by a longer one is outlet and headline. Title
    lines above the outlet are section labels and menu items.
    """
    top: list[int] = []
    for index in _content(labels):
        if labels[index] in ("byline", "dateline") or (labels[index] == "body" and _is_paragraph(lines[index])):
            break
        if labels[index] in ("short", "body"):
            top.append(index)
    candidates = [i for i in top if _headline_like(lines[i])]
    if not candidates:
        return
    headline = next((i for i in candidates if word_count(lines[i]) >= 4), candidates[-1])
    after = [i for i in candidates if i > headline]
    if after and _outlet_like(lines[headline]) and word_count(lines[after[0]]) > word_count(lines[headline]):
        headline = after[0]
    before = [i for i in top if i < headline]
    if before and _outlet_like(lines[before[-1]]):
        labels[before[-1]] = "outlet"
        before = before[:-1]
    labels[headline] = "headline"
    for index in before:
        labels[index] = "boilerplate"


def _label_late_datelines(lines: list[str], labels: list[str]) -> None:
    """A dated line after the first paragraph is a timeline entry or a footer, not the dateline."""
    first_paragraph = next((i for i, label in enumerate(labels) if label == "body" and _is_paragraph(lines[i])), None)
    if first_paragraph is None:
        return
    for index in range(first_paragraph + 1, len(labels)):
        if labels[index] == "dateline":
            labels[index] = "body" if STATEMENT_END.search(lines[index]) else "short"


def _is_paragraph(line: str) -> bool:
    return word_count(line) > MAX_HEADLINE_WORDS or (bool(STATEMENT_END.search(line)) and word_count(line) >= 8)


def _headline_like(line: str) -> bool:
    return 2 <= word_count(line) <= MAX_HEADLINE_WORDS and not line.endswith((".", ":", ";", ","))


def _outlet_like(line: str) -> bool:
    if word_count(line) > MAX_OUTLET_WORDS or STATEMENT_END.search(line):
        return False
    return is_title_case(line) or bool(DOMAIN_LINE.match(line)) or line.isupper()


def _label_link_lists(lines: list[str], labels: list[str]) -> None:
    """Headline-like lines under "Related" or "More stories" are teasers for other articles."""
    in_list = False
    for index, line in enumerate(lines):
        if labels[index] == "boilerplate" and opens_link_list(line):
            in_list = True
        elif labels[index] == "blank" or not in_list:
            continue
        elif labels[index] in ("short", "body") and word_count(line) <= MAX_TEASER_WORDS and not line.endswith("."):
            labels[index] = "boilerplate"
        else:
            in_list = labels[index] == "boilerplate"


def _label_captions(lines: list[str], labels: list[str]) -> None:
    """The line after a file name or alt line is its caption; a credit line belongs to the
    neighbour that reads more like a caption (themes print the credit after or before it)."""
    content = _content(labels)
    for position, index in enumerate(content):
        if labels[index] in ("file_name", "alt"):
            after = _caption_candidate(lines, labels, content, position + 1)
            if after is not None and caption_score(lines[after]) > 0:
                labels[after] = "caption"
        elif labels[index] == "credit":
            owner = _credit_owner(lines, labels, content, position)
            if owner is not None:
                labels[owner] = "caption"


def _caption_candidate(lines: list[str], labels: list[str], content: list[int], position: int) -> Optional[int]:
    if not 0 <= position < len(content):
        return None
    index = content[position]
    fits = labels[index] in ("body", "short") and word_count(lines[index]) <= MAX_CAPTION_WORDS
    return index if fits else None


def _credit_owner(lines: list[str], labels: list[str], content: list[int], position: int) -> Optional[int]:
    """The caption line a credit line closes (the one before) or opens (the one after), if any."""
    if position > 0 and labels[content[position - 1]] == "caption" and not split_credit(
            lines[content[position - 1]])[1]:
        return None  # already a caption, waiting for this credit
    before = _caption_candidate(lines, labels, content, position - 1)
    after = _caption_candidate(lines, labels, content, position + 1)
    score_before = caption_score(lines[before]) if before is not None else None
    score_after = caption_score(lines[after]) if after is not None else None
    if score_after is not None and score_after > 0 and (score_before is None or score_after > score_before):
        return after
    if score_before is not None and score_before >= 0:
        return before
    return None


def caption_score(line: str) -> int:
    """How much a line reads like a picture's caption rather than reporting.

    Captions describe a scene, are short and often dated ("... on Dec. 19, 2024"); reporting
    quotes people and attributes ("said", "according to").
    """
    words = word_count(line)
    score = 2 * bool(CAPTION_CUE.search(line)) + (first_date(line) is not None) + (words <= 40)
    return score - 2 * bool(REPORTING.search(line)) - (words > 50)


def _label_alt_text(lines: list[str], labels: list[str]) -> None:
    """A short description without closing punctuation right before a caption: a broken image's alt."""
    content = _content(labels)
    for position, index in enumerate(content[:-1]):
        line = lines[index]
        if (labels[index] in ("short", "body") and labels[content[position + 1]] == "caption"
                and 4 <= word_count(line) <= MAX_HEADLINE_WORDS and not SENTENCE_END.search(line)
                and not is_title_case(line)):
            labels[index] = "alt"


def _label_short_lines(lines: list[str], labels: list[str]) -> None:
    """Title-like lines between paragraphs are headings when a paragraph closes before them and
    one opens after them; other short lines inside the body are body (list items, one-line
    answers), outside it furniture."""
    content = _content(labels)
    body = [i for i in content if labels[i] == "body"]
    first_body, last_body = (body[0], body[-1]) if body else (-1, -1)
    previous = -1  # the last text line (not a picture line) before this one
    for position, index in enumerate(content):
        if labels[index] == "short":
            labels[index] = _settle_short(lines, labels, content[position + 1: position + 4], index, previous,
                                          first_body < index < last_body, index > last_body >= 0)
        if labels[index] not in MEDIA_LABELS:
            previous = index


def _label_body_of_last_resort(lines: list[str], labels: list[str]) -> None:
    """A page left without any body is one whose paragraphs were read as captions (a one-line
    article quoting its pictures' credits, a wire opener): its paragraph-long lines are its body."""
    if "body" in labels:
        return
    for index, line in enumerate(lines):
        if labels[index] in ("caption", "alt", "short") and word_count(line) > MAX_SHORT_WORDS:
            labels[index] = "body"


def _settle_short(lines: list[str], labels: list[str], ahead: list[int], index: int, previous: int,
                  inside: bool, after: bool) -> str:
    line = lines[index]
    following = [labels[i] for i in ahead if labels[i] not in MEDIA_LABELS]
    after_paragraph = previous >= 0 and labels[previous] == "body" and bool(STATEMENT_END.search(lines[previous]))
    if inside and after_paragraph and following[:1] == ["body"] and looks_like_heading(line):
        return "section_heading"
    if inside:
        return "body"
    if after or is_menu_row(line) or word_count(line) < 6:
        return "boilerplate"
    return "body"


def parse_text(content: str, *, url: Optional[str] = None) -> Article:
    """The Article a flattened page holds: masthead, clean body with sections, pictures, furniture.

    A date printed on a line of its own (a dateline, or in the byline line) is the only
    publication date this parser sets (source "text"): that line is not part of ``text``, so
    later stages could not find it there.
    """
    labeled = classify_lines(content)
    text, sections = _body_and_sections(labeled)
    first: dict[str, str] = {}  # the first line of each label
    for line in labeled:
        first.setdefault(line.label, line.text)
    outlet = first.get("outlet")
    keys = site_keys((outlet,), url, table=False)
    headline = first.get("headline")
    if has_separator(headline):  # "Story | The Daily World": the outlet table knows more names
        headline = strip_site(headline, site_keys((outlet,), url))
    article = Article(
        outlet=outlet, domain=domain_of(url), url=url, headline=headline,
        byline=_byline(first.get("byline"), "\n".join(line.text for line in labeled if line.label in (
            "body", "boilerplate")), keys),  # a "Reporting by" footer is set apart as furniture
        published=None, published_source=None, text=text, sections=tuple(sections),
        media=tuple(_media(labeled)), boilerplate=tuple(line.text for line in labeled if line.label == "boilerplate"),
        outlet_source="text" if outlet else None,
    )
    return _with_printed_date(article, first.get("dateline"), first.get("byline"))


def _byline(line: Optional[str], text: str, keys: frozenset[str]) -> Optional[str]:
    """The byline line's names, cleaned (no date, role or outlet name), else a credit in the body."""
    names = byline_names(line) if line else None
    if names:
        return clean_byline(names, keys) or names
    return credit_in_text(text, keys)


def _with_printed_date(article: Article, dateline: Optional[str], byline: Optional[str]) -> Article:
    """The date of the dateline line, else one printed in the byline line ("By Ann Lee, Nov. 3, 2025")."""
    found = dateline_date(dateline) if dateline else None
    if found:
        printed, where = found[0], f"the dateline \u201c{found[1]}\u201d"
    else:
        printed, where = (first_date(byline) if byline else None), f"the byline \u201c{byline}\u201d"
    if printed is None:
        return article
    return replace(article, published=printed.isoformat(), published_source="text", published_note=f"from {where}")


def _body_and_sections(labeled: list[LabeledLine]) -> tuple[str, list[Section]]:
    """Body paragraphs joined by a blank line, and the sections their headings open."""
    parts: list[str] = []
    sections: list[Section] = []
    offset = 0
    heading: Optional[str] = None
    section_start = 0
    for line in labeled:
        if line.label == "section_heading":
            if parts and (offset > section_start or heading is not None):
                sections.append(Section(heading, section_start, max(section_start, offset - 2)))
            heading, section_start = line.text, offset
        elif line.label == "body":
            parts.append(line.text)
            offset += len(line.text) + 2
    text = "\n\n".join(parts)
    if parts and (offset > section_start or heading is not None):
        sections.append(Section(heading, min(section_start, len(text)), len(text)))
    return text, sections


def _media(labeled: list[LabeledLine]) -> list[Media]:
    """One picture per group of adjacent file name, alt, caption and credit lines, in page order.

    A group holds at most one of each; a second caption or credit, or a file name or alt line
    after a caption or credit, starts the next picture.
    """
    pictures: list[Media] = []
    for run in _media_runs(labeled):
        current: dict[str, str] = {}
        for line in run:
            fields = _fields(line)
            starts_new = line.label in ("file_name", "alt") and ("caption" in current or "credit" in current)
            if current and (starts_new or any(name in current for name in fields)):
                pictures.append(_picture(current))
                current = {}
            current.update(fields)
        if current:
            pictures.append(_picture(current))
    return pictures


def _media_runs(labeled: list[LabeledLine]) -> Iterator[list[LabeledLine]]:
    run: list[LabeledLine] = []
    for line in labeled:
        if line.label in MEDIA_LABELS:
            run.append(line)
        elif line.label != "blank" and run:
            yield run
            run = []
    if run:
        yield run


def _fields(line: LabeledLine) -> dict[str, str]:
    """What one media line says: its file name, alt text, caption and credit."""
    if line.label == "file_name":
        return {"file_name": line.text}
    if line.label == "credit":
        return {"credit": clean_credit(line.text)}
    if line.label == "alt":
        match = ALT_LINE.match(line.text)
        return {"alt": match["alt"] if match else line.text}
    fields: dict[str, str] = {}
    text = line.text
    wire = parse_wire_filename(text)
    if wire and wire.rest:
        fields["file_name"], text = wire.raw, wire.rest
    caption, credit = split_credit(text)
    fields["caption"] = caption
    if credit:
        fields["credit"] = credit
    return fields


def _picture(fields: dict[str, str]) -> Media:
    file_name, caption, credit = fields.get("file_name"), fields.get("caption"), fields.get("credit")
    alt = fields.get("alt") or file_name
    wire: Optional[WireFile] = parse_wire_filename(file_name) if file_name else None
    dated = (wire.date if wire else None) or first_date(caption or "") or first_date(alt or "")
    return Media(caption=caption, alt=alt, credit=credit, date=dated.isoformat() if dated else None,
                 file_name=file_name, agency=(wire.agency if wire else None) or find_agency(credit))


def domain_of(url: Optional[str]) -> Optional[str]:
    """The registered domain of a URL ("www.bbc.co.uk/news" -> "bbc.co.uk"), offline."""
    if not url:
        return None

    return registered_domain(url)

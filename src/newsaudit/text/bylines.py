"""Bylines as text: the names a credit line gives, and the credits a body carries itself.

A byline arrives as a meta tag, a JSON-LD name, a printed line ("By Ann Lee and Bo Chen |
Published 3 May") or a wire footer ("Reporting by Ann Lee; Editing by Bo Chen"). ``clean_byline``
keeps the names: the label ("By", "Von", "Par", "Text:"), dates, times, weekdays, role text
("AP Auto Writer", "PhD") and the outlet's own name (unless it is the only credit) are cut, and
the names are given as printed when nothing was cut from between them. ``credit_in_text`` finds
a credit in the body itself: a "By ..." line among the first or last paragraphs, a "Reporting
by ..." line, or the agency of a wire dateline ("LONDON (Reuters) -").
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Optional

BARE_DATE = re.compile(r"^\W*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\W*$")
# A blog theme's own part of every title ("Site » Blog Archive » Story"), in the languages seen.
ARCHIVE_SEGMENT = re.compile(r"^\W*(?:blog[ -]?)?(?:archives?|archiv|archivio|archivo|archief)\W*$", re.IGNORECASE)
MAX_SITE_WORDS = 8  # a longer segment is part of the headline, not the site's name
MAX_BYLINE_CHARS = 160
PRINTED_BYLINE = re.compile(r"^(?:By|BY|Von|VON|Par|PAR|Por|POR|Text:|Texte:|Autor:|Autorin:|Author:)\s+"
                            r"(?P<names>[A-ZÀ-ÞĀ-Ž].{1,120})$")
# A byline inside a short meta line, after a date or a separator: "27.01.2022 | Ein Artikel von Ann Lee",
# "yes! | By Ann Lee | April 13", "05.02.2020 - Redaktion: Ann Lee (press officer)".
INNER_BYLINE = re.compile(r"(?:^[\W_]*|(?<=[|•·–—])\s*|(?<=\s-)\s|(?<=\d)\s+)(?P<byline>(?:By|BY|Von|VON|Ein Artikel von|"
                          r"Ein Beitrag von|Autor(?:in)?:|Author:|Redaktion:|Text:|Texte:|Written by|Posted by|"
                          r"Par|Por)\s+[A-ZÀ-ÞĀ-Ž].{1,100})$")
NAME_PARTICLES = frozenset("von van der den de da di du del della la le bin al ibn y e".split())

# Labels a printed byline opens with, in the languages the pages come in.
BYLINE_LABEL = re.compile(
    r"^(?:(?:written|posted|reported|words|story|text|reporting|photos?|interview|published)\s+by|about the author|"
    r"by|von|vom|par|por|"
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
    r"|\s(?:says|said|shares|follow|twitter|facebook|instagram|linkedin|e-mail|email|mehr artikel|more articles)\b"
    r"|\s(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag)\b).*$",
    re.IGNORECASE,
)
NAME_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b|\bund\b|\bet\b|\by\b|\bi\b|\boraz\b|\ben\b|\bsowie\b)\s*")
# Role text and degrees that ride along with a name ("Jane Doe, PhD", "Jane Doe, Staff Writer").
ROLE = re.compile(
    r"^(?:ph\.?d\.?|m\.?d\.?|mba|msc|ms|ma|ba|rd|rdn|cpt|jr\.?|sr\.?|agencies|agency|admin|administrator|"
    r"facebook|twitter|instagram|linkedin)$|"
    r"(?:^|[\s-])(?:(?:writer|reporter|editor|correspondent|columnist|contributor)s?|editor-at-large|redakteur(?:in)?|"
    r"korrespondent(?:in)?|journalist(?:in)?|reporter(?:in)?|photographer|fotograf(?:in)?|staff|team|newsroom|"
    r"redaktion)$",
    re.IGNORECASE,
)
# Role words glued after a name: "Tom Lee News reporter" -> "Tom Lee".
TRAILING_ROLE = re.compile(r"(?<=\S)\s+(?:(?:news|staff|senior|chief|political|sports|business)\s+)?"
                           r"(?:reporter|writer|correspondent|editor|journalist)$", re.IGNORECASE)
MAX_NAME_WORDS = 6
MAX_AUTHORS = 6  # a credit naming more people is a list of something else
# A person's name as a credit prints it: two to four capitalised words, particles allowed ("Jan van Dijk").
PERSON_NAME = re.compile(r"^(?:[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'’.-]+|[A-Z]\.|(?:von|van|der|den|de|da|di|du|del|la|le|bin|al))"
                         r"(?:\s+(?:[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'’.-]+|[A-Z]\.|von|van|der|den|de|da|di|du|del|la|le|bin|al)){1,3}$")
PARENTHESIS = re.compile(r"\s*\([^()]{0,60}\)")
# A byline's label, date word or weekday printed alone, where a theme left the name out ("By", "Posted").
NOT_A_NAME = frozenset(
    "by von vom par por de text texte autor autorin author authors posted published publié publicado "
    "veröffentlicht aktualisiert updated date datum fecha am on le el il foto photo photos redaktionell "
    "publiziert erstellt geschrieben written geposted "
    "monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag freitag "
    "samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche".split())
NAME_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$|^[\w.'’-]*[^\W\d_][\w.'’-]*$")
def name_key(text: Optional[str]) -> str:
    """Letters and digits only, folded: "The Daily-World.com" -> "thedailyworldcom"."""
    kept = "".join(filter(str.isalnum, unicodedata.normalize("NFKD", text or "")))
    if not kept.isascii():  # only a non-ASCII character can be a combining mark
        kept = "".join(ch for ch in kept if not unicodedata.combining(ch))
    return kept.casefold()


def names_site(segment: str, keys: frozenset[str]) -> bool:
    """Whether a title segment is the site's name (or a name the site's name contains)."""
    if len(segment.split()) > MAX_SITE_WORDS:
        return False
    key = name_key(segment)
    if not key:
        return True  # a stray separator or symbol
    if BARE_DATE.match(segment) or ARCHIVE_SEGMENT.match(segment):
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


def clean_byline(raw: Optional[str], keys: frozenset[str]) -> Optional[str]:
    """The names a byline credits, as printed, without label, date, role or the outlet's name."""
    return _credited(raw, keys)[0]


def byline_name_list(raw: Optional[str]) -> list[str]:
    return _byline_parts(raw)[0]


def _credited(raw: Optional[str], keys: frozenset[str]) -> tuple[Optional[str], bool]:
    """(the byline, whether it names someone other than the outlet)."""
    names, printed = _byline_parts(raw)
    if not names:
        return None, False
    people = [name for name in names if not names_site(name, keys)]
    kept = people or names
    # as printed ("Ann Lee and Bo Chen") when nothing was cut from between the names
    as_printed = kept == _plain_split(printed) and ";" not in printed
    return (printed if as_printed else join_names(kept)), bool(people)


def _plain_split(text: str) -> list[str]:
    return [part.strip(" .") for part in NAME_SPLIT.split(text) if part.strip(" .")]


def _byline_parts(raw: Optional[str]) -> tuple[list[str], str]:
    """The names, and the byline's text without its label and what follows the names."""
    text = " ".join((raw or "").split())
    if not text or len(text) > MAX_BYLINE_CHARS or text.lower().startswith(("http://", "https://", "www.")):
        return [], ""
    text = re.sub(r"^[\s\W]*(?=\w)", "", text)
    for _ in range(2):
        text = BYLINE_LABEL.sub("", text)
    text = PARENTHESIS.sub("", text)  # "Ann Lee (press officer)": a role, not a name
    text = BYLINE_TAIL.sub("", text).strip(" ,;:-–—|()")
    names: list[str] = []
    roles: list[str] = []
    for part in NAME_SPLIT.split(text):
        part = part.strip(" .,;:-–—|()\"'“”")
        part = re.sub(r"^(?:(?i:by|von|par|por)\s+)", "", part)
        if not part or "@" in part or "://" in part:
            continue
        words = part.split()
        stripped = TRAILING_ROLE.sub("", part) if len(words) > 3 else part
        if len(words) > MAX_NAME_WORDS or not all(NAME_WORD.match(word) for word in words) or (
                len(stripped.split()) > 1 and not ROLE.search(part)
                and not _capitalised(stripped)):  # "the council said": words, not a name
            if names:
                break  # "Ann Lee, speaker at the Harbour Trust": the names end where the words stop being names
            return [], ""  # a sentence or a label, not a list of names
        if stripped == part and ROLE.search(part):
            roles.append(part)  # "AP Auto Writer", "PhD": role text, unless it is the whole credit ("HNN Staff")
            continue
        part = stripped
        if all(word.strip(".:") in NOT_A_NAME for word in part.casefold().split()):
            continue  # a label or weekday where the name should be
        if part not in names:
            names.append(part)
    return (names or [role for role in roles if len(role.split()) > 1]), text


def join_names(names: list[str]) -> Optional[str]:
    if not names:
        return None
    return ", ".join(names)


def choose_byline(candidates: list[Optional[str] | Callable[[], Optional[str]]], keys: frozenset[str],
                  guesses: int = 0) -> Optional[str]:
    """The first candidate that cleans to at least one name; a person before the outlet's own name.

    A later candidate that credits the same people and more ("Ann Lee" in a tag, "By Ann Lee and
    Bo Chen" printed) is the fuller credit: tags often keep the first author only. The last
    ``guesses`` candidates (another extractor's reading, which joins whatever it found) are taken
    when nothing else names someone, never as the fuller credit; a guess may be given as a
    function that reads it, called only then (a search of the whole page that most pages never need).
    """
    fallback = None
    stated = [_credited(_read(raw), keys) for raw in candidates[:len(candidates) - guesses if guesses else None]]
    for index, raw in enumerate(candidates):
        byline, names_people = stated[index] if index < len(stated) else _credited(_read(raw), keys)
        if byline and names_people:
            names = _name_set(byline)
            fuller = [other for other, people in stated[index + 1:] if other and people
                      and _name_set(other) > names and len(_name_set(other)) <= MAX_AUTHORS
                      and all(PERSON_NAME.match(name) for name in _plain_split(other) if name_key(name) not in names)]
            return fuller[0] if fuller else byline
        fallback = fallback or byline
    return fallback


def _read(candidate: Optional[str] | Callable[[], Optional[str]]) -> Optional[str]:
    return candidate() if callable(candidate) else candidate


def _name_set(byline: str) -> frozenset[str]:
    return frozenset(name_key(name) for name in _plain_split(byline))


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

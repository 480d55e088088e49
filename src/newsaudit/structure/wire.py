"""News-agency file names and credits.

Wire pictures travel with machine-made names that scrapers often leave behind as alt text or
as a caption line. Their shapes are documented by the agencies' own systems; several encode
the date the picture was filed, which is what makes a recycled photo visible. Each shape is one
named pattern here, used by the structure stage (to recognise the line) and the media checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Optional


@dataclass(frozen=True)
class WireFile:
    raw: str
    agency: Optional[str]  # None for a camera's own file name
    date: Optional[date]  # the filing or capture date the name encodes, when it does
    ids: tuple[str, ...] = ()


def _ymd(year: str, month: str, day: str) -> Optional[date]:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _year_day(year2: str, day_of_year: str) -> Optional[date]:
    """AP photo IDs carry a two-digit year and the day of the year (AP24280...: 2024, day 280)."""
    day = int(day_of_year)
    if not 1 <= day <= 366:
        return None
    return date(2000 + int(year2), 1, 1) + timedelta(days=day - 1)


# Reuters picture names: "2024-10-06T085017Z_1891037141_RC21DAA9JBJU_RTRMADP_3_UKRAINE-CRISIS...",
# often flattened with spaces. RTRMADP (Reuters media express) or an RC/LR/LY id identifies it.
REUTERS_NAME = re.compile(
    r"(?P<y>\d{4})[-_ ](?P<m>\d{2})[-_ ](?P<d>\d{2})T\d{6}Z[_ ]+\d+[_ ]+(?P<id>[A-Z]{2}[0-9A-Z]{8,12})"
    r"(?:[_ ]+RTRMADP)?"
)
REUTERS_ID = re.compile(r"\b(?P<id>(?:RC|LR|LY|RTX)[0-9A-Z]{6,12})[_ ]+RTRMADP\b|\bRTRMADP\b")
# AP photo numbers: "AP24280123456789" (year, day of year, sequence).
AP_ID = re.compile(r"\bAP(?P<yy>\d{2})(?P<doy>\d{3})(?P<seq>\d{6,9})\b")
# AFP: "AFP_36KX4LQ" and downloaded files "000_36KX4LQ".
AFP_ID = re.compile(r"\b(?:AFP_|000_)(?P<id>[0-9A-Z]{6,8})\b")
# Getty Images downloads: "GettyImages-2171234567.jpg".
GETTY_NAME = re.compile(r"\bGettyImages[-_](?P<id>\d{8,11})(?:\.(?:jpe?g|png|webp))?\b", re.IGNORECASE)
# EPA-EFE: "epa11690235" (picture number).
EPA_ID = re.compile(r"\bepa(?P<id>\d{8})\b")
# Cameras and phones: "IMG_1234.JPG", "DSC01234.jpg", "PXL_20240305_101112345.jpg", "20240305_101112.jpg".
CAMERA_DATED = re.compile(r"\b(?:PXL_|IMG_|VID_)?(?P<y>20\d{2})(?P<m>\d{2})(?P<d>\d{2})_\d{6,9}(?:\.\w{3,4})?\b")
CAMERA_NAME = re.compile(r"\b(?:IMG|DSC|DSCN|DSCF|P\d{3}|GOPR)[_-]?\d{3,5}(?:\.(?:jpe?g|png|heic|webp))?\b",
                         re.IGNORECASE)
IMAGE_FILE = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|heic|tiff?)$", re.IGNORECASE)


def _reuters(text: str) -> Optional[WireFile]:
    match = REUTERS_NAME.search(text)
    if match:
        return WireFile(text, "Reuters", _ymd(match["y"], match["m"], match["d"]), (match["id"],))
    match = REUTERS_ID.search(text)
    if match:
        return WireFile(text, "Reuters", None, tuple(filter(None, [match["id"]])))
    return None


def _ap(text: str) -> Optional[WireFile]:
    match = AP_ID.search(text)
    return WireFile(text, "AP", _year_day(match["yy"], match["doy"]), (match[0],)) if match else None


def _simple(pattern: re.Pattern[str], agency: str) -> Callable[[str], Optional[WireFile]]:
    def parse(text: str) -> Optional[WireFile]:
        match = pattern.search(text)
        return WireFile(text, agency, None, (match[0],)) if match else None

    return parse


def _camera(text: str) -> Optional[WireFile]:
    match = CAMERA_DATED.search(text)
    if match:
        return WireFile(text, None, _ymd(match["y"], match["m"], match["d"]), (match[0],))
    match = CAMERA_NAME.search(text)
    if match and len(text.split()) <= 3:
        return WireFile(text, None, None, (match[0],))
    if IMAGE_FILE.match(text.strip()):
        return WireFile(text, None, None, (text.strip(),))
    return None


PARSERS: tuple[Callable[[str], Optional[WireFile]], ...] = (
    _reuters, _ap, _simple(AFP_ID, "AFP"), _simple(GETTY_NAME, "Getty Images"), _simple(EPA_ID, "EPA"), _camera,
)


def parse_wire_filename(text: str) -> Optional[WireFile]:
    """The agency file name or ID in ``text``, if the line is one (not prose that mentions one)."""
    stripped = text.strip()
    if not stripped or len(stripped) > 300 or _reads_as_prose(stripped):
        return None
    for parse in PARSERS:
        found = parse(stripped)
        if found:
            return found
    return None


def _reads_as_prose(text: str) -> bool:
    """A sentence with ordinary lower-case words is a caption, even if it cites a file name."""
    words = text.split()
    lower = sum(1 for word in words if word.isalpha() and word.islower() and len(word) > 2)
    return len(words) >= 6 and lower >= len(words) * 0.4


# Agencies and picture libraries, as credits name them (longest first where one contains another).
AGENCIES: tuple[tuple[str, str], ...] = (
    (r"Associated Press|\bAP(?: Photo)?\b", "AP"),
    (r"\bReuters\b", "Reuters"),
    (r"Agence France[- ]Presse|\bAFP\b", "AFP"),
    (r"Getty Images|\bGetty\b", "Getty Images"),
    (r"\bEPA(?:-EFE)?\b|\bEFE\b", "EPA"),
    (r"\bAnadolu\b", "Anadolu"),
    (r"\bXinhua\b", "Xinhua"),
    (r"\bBloomberg\b", "Bloomberg"),
    (r"\bNurPhoto\b", "NurPhoto"),
    (r"\bSOPA Images\b", "SOPA Images"),
    (r"\bShutterstock\b", "Shutterstock"),
    (r"\bAlamy\b", "Alamy"),
    (r"\bPA (?:Wire|Images|Media)\b", "PA Media"),
    (r"\bANSA\b", "ANSA"),
    (r"\bdpa\b", "dpa"),
    (r"\bTASS\b", "TASS"),
    (r"\bSputnik\b", "Sputnik"),
    (r"\bUkrinform\b", "Ukrinform"),
    (r"\bKyodo\b", "Kyodo"),
    (r"\bYonhap\b", "Yonhap"),
)
AGENCY_PATTERNS = tuple((re.compile(pattern), name) for pattern, name in AGENCIES)


def find_agency(credit: Optional[str]) -> Optional[str]:
    """The agency a credit names; for "X/Radio Free Europe via Reuters" the distributor, Reuters."""
    if not credit:
        return None
    via = re.search(r"\bvia\s+(.+)$", credit)
    for part in ((via.group(1),) if via else ()) + (credit,):
        for pattern, name in AGENCY_PATTERNS:
            if pattern.search(part):
                return name
    return None

"""News-agency file names, picture IDs and credits.

Wire pictures travel with machine-made names that scrapers often leave behind as alt text or
as a caption line. Several encode the date the picture was filed, which is what makes a
recycled photo visible. Each shape is one named pattern below, documented once, and used by
the structure stage (to recognise the line) and by the media checks (through ``WireFile``).

A name counts only when the line *is* a name, or *opens* with one (EPA and AP captions are
printed as "epa11234567 A man walks ..."): prose that merely mentions an ID is not a file name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Optional

__all__ = ["WireFile", "parse_wire_filename", "find_agency", "AGENCIES"]


@dataclass(frozen=True)
class WireFile:
    raw: str  # the file name or ID as printed
    agency: Optional[str]  # None for a camera's own file name
    date: Optional[date]  # the filing or capture date the name encodes, when it does
    ids: tuple[str, ...] = ()  # the agency's picture IDs found in the name
    rest: str = ""  # a caption printed after an ID on the same line ("epa11234567 A man walks ...")


# Reuters picture names: "2024-10-06T085017Z_1891037141_RC21DAA9JBJU_RTRMADP_3_UKRAINE-CRISIS...",
# often flattened with spaces ("2024 10 06T085017Z 1891037141 RC21DAA9JBJU RTRMADP 3 ..."):
# filing time (UTC), a sequence number, the picture ID (RC + 10, or the older RTX/LR/LY ids).
REUTERS_NAME = re.compile(
    r"^(?P<y>\d{4})[-_ ](?P<m>\d{2})[-_ ](?P<d>\d{2})T\d{6}Z[_ ]+\d+[_ ]+(?P<id>[A-Z]{2,3}[0-9A-Z]{6,12})(?=[_ .]|$)"
)
# A bare Reuters picture ID or a name built around one: "RC21DAA9JBJU", "RTX7XYZ1", "... RTRMADP ...".
REUTERS_ID = re.compile(r"^(?P<id>RC[0-9A-Z]{10}|RTX[0-9A-Z]{4,8}|RTR[0-9A-Z]{4,7}|L[RY][0-9A-Z]{9,12})(?=[_ .]|$)"
                        r"|\bRTRMADP\b")
# AP photo numbers: "AP24280123456789" (AP, two-digit year, day of the year, sequence).
AP_ID = re.compile(r"^(?P<id>AP(?P<yy>\d{2})(?P<doy>\d{3})\d{6,9})\b")
# AP's slug for its top pictures of the day: "APTOPIX Israel Palestinians".
AP_TOPIX = re.compile(r"^APTOPIX\b")
# AFP picture IDs, as credited ("AFP_34XY7Z") or as downloaded files ("000_36KX4LQ.jpg").
AFP_ID = re.compile(r"^(?P<id>(?:AFP|000)_[0-9A-Z]{6,8})\b")
# Getty Images downloads: "GettyImages-2171234567.jpg".
GETTY_NAME = re.compile(r"^(?P<id>GettyImages[-_]\d{8,11})(?:\.(?:jpe?g|png|webp))?\b", re.IGNORECASE)
# EPA-EFE picture numbers open their captions: "epa11690235 A man walks ...".
EPA_ID = re.compile(r"^(?P<id>epa\d{8})\b")
# Phones and cameras that put the capture date in the name:
# "PXL_20240305_101112345.jpg", "IMG_20240305_101112.jpg", "20240305_101112.jpg".
CAMERA_DATED = re.compile(r"^(?P<id>(?:PXL_|IMG_|VID_)?(?P<y>20\d{2})(?P<m>\d{2})(?P<d>\d{2})_\d{6,9}"
                          r"(?:\.\w{3,4})?)(?=$|\s)")
# Camera counters: "IMG_1234.JPG", "DSC01234.jpg", "DSCF0042", "P1010042.JPG", "GOPR0042.jpg".
CAMERA_NAME = re.compile(r"^(?P<id>(?:IMG|DSC|DSCN|DSCF|P\d{3}|GOPR|_MG)[_-]?\d{3,5}"
                         r"(?:\.(?:jpe?g|png|heic|webp|tiff?))?)(?=$|\s)", re.IGNORECASE)
# Any single token that is an image file ("ukraine-front-1.jpg").
IMAGE_FILE = re.compile(r"^(?P<id>\S+\.(?:jpe?g|png|gif|webp|heic|tiff?))$", re.IGNORECASE)


def _ymd(year: str, month: str, day: str) -> Optional[date]:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _year_day(year2: str, day_of_year: str) -> Optional[date]:
    """AP numbers carry a two-digit year and the day of the year (AP24280...: 2024, day 280)."""
    day = int(day_of_year)
    if not 1 <= day <= 366:
        return None
    first = date(2000 + int(year2), 1, 1)
    found = first + timedelta(days=day - 1)
    return found if found.year == first.year else None


def _reuters(text: str) -> Optional[WireFile]:
    match = REUTERS_NAME.match(text)
    if match:
        return WireFile(text, "Reuters", _ymd(match["y"], match["m"], match["d"]), (match["id"],))
    match = REUTERS_ID.search(text)
    if match and (match.start() == 0 or _is_name_only(text)):
        return WireFile(text, "Reuters", None, tuple(filter(None, [match["id"]])))
    return None


def _ap(text: str) -> Optional[WireFile]:
    match = AP_ID.match(text)
    if match:
        return WireFile(text, "AP", _year_day(match["yy"], match["doy"]), (match["id"],))
    return WireFile(text, "AP", None, ()) if AP_TOPIX.match(text) else None


def _camera(text: str) -> Optional[WireFile]:
    match = CAMERA_DATED.match(text)
    if match:
        return WireFile(text, None, _ymd(match["y"], match["m"], match["d"]), (match["id"],))
    match = CAMERA_NAME.match(text) or IMAGE_FILE.match(text)
    return WireFile(text, None, None, (match["id"],)) if match else None


def _by_id(pattern: re.Pattern[str], agency: str) -> Callable[[str], Optional[WireFile]]:
    def parse(text: str) -> Optional[WireFile]:
        match = pattern.match(text)
        return WireFile(text, agency, None, (match["id"],)) if match else None

    return parse


PARSERS: tuple[Callable[[str], Optional[WireFile]], ...] = (
    _reuters, _ap, _by_id(AFP_ID, "AFP"), _by_id(GETTY_NAME, "Getty Images"), _by_id(EPA_ID, "EPA"), _camera,
)
# A caption may follow an ID that opens the line; these agencies print theirs that way.
CAPTION_AFTER_ID = frozenset({"EPA", "AP", "AFP"})
MAX_NAME_CHARS = 300


def parse_wire_filename(text: str) -> Optional[WireFile]:
    """The agency file name or picture ID ``text`` is (or opens with), else None.

    >>> parse_wire_filename("GettyImages-2171234567.jpg").agency
    'Getty Images'
    """
    stripped = text.strip()
    if not stripped or len(stripped) > MAX_NAME_CHARS * 4:
        return None
    for parse in PARSERS:
        found = parse(stripped)
        if found is None:
            continue
        if _is_name_only(stripped) and len(stripped) <= MAX_NAME_CHARS:
            return found
        if found.agency in CAPTION_AFTER_ID and found.ids:
            end = len(found.ids[0])
            return WireFile(stripped[:end], found.agency, found.date, found.ids, stripped[end:].strip())
        return None
    return None


def _is_name_only(text: str) -> bool:
    """A name is tokens in capitals, digits and separators; a caption has ordinary lower-case words."""
    words = text.split()
    lower = sum(1 for word in words if word.isalpha() and word.islower() and len(word) > 2)
    return lower == 0 or (len(words) >= 6 and lower < len(words) * 0.25)


# Agencies and picture libraries, as credits name them.
AGENCIES: tuple[tuple[str, str], ...] = (
    (r"Associated Press|\bAP(?: Photo| Images)?\b", "AP"),
    (r"\bReuters\b|\bREUTERS\b", "Reuters"),
    (r"Agence France[- ]Presse|\bAFP\b", "AFP"),
    (r"Getty Images|\bGetty\b", "Getty Images"),
    (r"\bEPA(?:-EFE)?\b|\bEFE\b|\bepa\b", "EPA"),
    (r"\bAnadolu\b", "Anadolu"),
    (r"\bXinhua\b", "Xinhua"),
    (r"\bBloomberg\b", "Bloomberg"),
    (r"\bNurPhoto\b", "NurPhoto"),
    (r"\bSOPA Images\b", "SOPA Images"),
    (r"\bZUMA\b", "ZUMA Press"),
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
# "X/Radio Free Europe via Reuters": the agency that distributed the picture is the one after "via".
VIA = re.compile(r"\bvia\s+(?P<distributor>.+)$", re.IGNORECASE)


def find_agency(credit: Optional[str]) -> Optional[str]:
    """The agency a credit names; for "X/Radio Free Europe via Reuters" the distributor, Reuters."""
    if not credit:
        return None
    via = VIA.search(credit)
    for part in ((via["distributor"],) if via else ()) + (credit,):
        for pattern, name in AGENCY_PATTERNS:
            if pattern.search(part):
                return name
    return None

"""Known news outlets, and the matcher that tells an imitation of one from another real outlet.

``data/outlets.csv`` lists real outlets: ``name, domain, country, aliases``. Aliases are
separated by "|"; an alias that is a host name ("bbc.com") is another domain of the outlet,
any other alias is another name it goes by ("BBC").

Precision comes first, because news is full of real outlets with near-identical mastheads
(New York Post, New York Sun, Washington Times, The Times of India, The Irish Times). So:

- a name or domain that is in the table is always safe, whatever it resembles;
- a masthead with one word swapped fires only when the shared words are distinctive
  ("New York", not "The Daily") and the new word is not itself a newspaper word: "The New
  York Budgets" imitates The New York Times, "The New York Herald" may well be a real paper;
- a domain fires for the brand under a throwaway suffix (``washingtonpost.com.co``), the brand
  plus a filler word (``nytimes-news.com``), look-alike letters (``nytirnes.com``), a one-letter
  misspelling of a long brand, or a real domain tucked into another site's address.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Container, Optional

from rapidfuzz.distance import DamerauLevenshtein

from ..reference.words import word_list
from ..reference.outlets import Brand, Masthead, Outlet, OutletTable, Site, fold, name_words, site_of

__all__ = ["Match", "impersonation_of", "misspelt_masthead"]

# Words papers are named with. A masthead that swaps in one of these is probably a real paper
# we do not list ("The Boston Herald"), and shared words made only of these say nothing.
MASTHEAD_NOUNS = frozenset(word_list("masthead_nouns"))
# Words that carry no identity by themselves, in names and as fillers around a brand in a domain.
FILLER_WORDS = frozenset(word_list("filler_words")) | MASTHEAD_NOUNS
# Suffixes look-alike sites register a real brand under (see the list's header for what is left out).
SUSPICIOUS_SUFFIXES = frozenset(word_list("suspicious_suffixes"))
# Letters that read as others at a glance; folded on both sides before comparing.
HOMOGLYPHS: tuple[tuple[str, str], ...] = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("0", "o"), ("1", "l"), ("i", "l"))
MAX_NAME_WORDS = 8
LONG_MASTHEAD = 14  # letters of a masthead made of newspaper words that is still unmistakable
MIN_TYPO_LABEL = 7  # shorter brands ("forbes", "nature") collide with ordinary words
MIN_PLACE_LABEL = 5  # letters of a place brand ("tampabay"); shorter ones are the outlet's acronym
LONG_WORD_LIKE = 8  # a brand made of a newspaper word this long ("economist") is unmistakable in look-alike letters
# What a look-alike domain adds to a brand ("nytimes-news.com", "theguardiandaily.com"); other
# newspaper nouns, places and figures added to a brand make another paper's name.
AFFIX_FILLER = frozenset({"news", "daily", "today", "online", "live", "world", "report", "update", "updates",
                          "breaking", "latest", "official", "headlines", "alerts", "alert", "hq", "now", "the",
                          "24", "247", "24x7"})


@dataclass(frozen=True)
class Match:
    """An outlet a name or domain imitates, with why in a reader's words."""

    outlet: Outlet
    severity: str  # "high" or "medium"
    name: Optional[str] = None  # the imitating name, when the name imitates or claims the outlet
    domain: Optional[str] = None  # the imitating domain, when it does
    name_reason: Optional[str] = None
    domain_reason: Optional[str] = None

    @property
    def message(self) -> str:
        target = f"{self.outlet.name} ({self.outlet.domain})"
        if self.name_reason and self.domain_reason:
            return (f'The outlet name "{self.name}" and the domain "{self.domain}" imitate {target}: '
                    f"{self.name_reason}, and the domain is {self.domain_reason}.")
        if self.domain_reason:
            return f'The domain "{self.domain}" imitates {target}: it is {self.domain_reason}.'
        return f'The outlet name "{self.name}" imitates {target}: {self.name_reason}.'


@dataclass(frozen=True)
class _Hit:
    outlet: Outlet
    reason: str
    near_exact: bool = False
    shared: tuple[str, ...] = ()  # a swapped masthead's shared words, to compare with the domain


# --- matching ------------------------------------------------------------------------------


def impersonation_of(name: Optional[str], domain: Optional[str], table: OutletTable,
                     lexicon: Optional[Container[str]] = None, language: Optional[str] = None) -> Optional[Match]:
    """The known outlet that ``name`` (as printed) or ``domain`` (host or URL) imitates, or None.

    ``lexicon`` (lower-case English words) lets a changed letter that leaves no English word
    ("USA Todsy", "The Globe and Mqil") count as a slip even in a masthead of common words; on a
    page in another ``language`` it only vets swapped-in words (a word the list lacks is no slip
    there: it may be the page's own language).

    >>> impersonation_of("The New York Budgets", None, load_outlets()).outlet.name
    'The New York Times'
    """
    site = site_of(domain)
    if site is not None and table.by_domain(site.host) is not None:
        return None  # a known outlet's own site is that outlet, whatever its pages call it
    claimed = table.by_name(name) if name else None
    domain_hit = _domain_lookalike(site, table) if site else None
    english = language in (None, "en", "und")
    name_hit = _name_lookalike(name, table, lexicon, english) if name and claimed is None else None
    shown_domain = site.host if site else None
    if domain_hit and name_hit and name_hit.outlet == domain_hit.outlet:
        return Match(domain_hit.outlet, "high", name, shown_domain, name_hit.reason, domain_hit.reason)
    if domain_hit and (claimed == domain_hit.outlet or (name and _names_outlet(name, domain_hit.outlet))):
        return Match(domain_hit.outlet, "high", name, shown_domain, "the page calls itself by that outlet's name",
                     domain_hit.reason)
    if name_hit and name_hit.near_exact:
        return Match(name_hit.outlet, "high", name=name, name_reason=name_hit.reason)
    if domain_hit:
        return Match(domain_hit.outlet, "medium", domain=shown_domain, domain_reason=domain_hit.reason)
    if name_hit and (site is None or _carries(site, name_hit.shared)):
        return Match(name_hit.outlet, "medium", name=name, name_reason=name_hit.reason)
    return None


def _names_outlet(name: str, outlet: Outlet) -> bool:
    """Whether a name spells one of the outlet's names inside it ("BBC News Daily" holds "BBC News")."""
    words, _shown = name_words(name)
    for known in (outlet.name,) + outlet.aliases:
        known_words, _ = name_words(known)
        size = len(known_words)
        if size and any(len(w) >= 3 for w in known_words) and any(
                words[i:i + size] == known_words for i in range(len(words) - size + 1)):
            return True
    return False


def _carries(site: Site, shared: tuple[str, ...]) -> bool:
    """Whether a domain spells the masthead's shared words ("newyorkbudgets.com" for "New York ...")."""
    return bool(shared) and "".join(shared) in site.label.replace("-", "")


# --- names ---------------------------------------------------------------------------------


def misspelt_masthead(line: str, table: OutletTable, lexicon: Optional[Container[str]] = None,
                      language: Optional[str] = None, swaps: bool = False) -> Optional[Match]:
    """A famous masthead with one slip in it, when ``line`` is one ("Los Angelees Times").

    For lines that were not read as the outlet (a masthead taken for the headline, or set
    aside as furniture): only a near-exact misspelling counts there, and a swapped word ("The
    Wall Street Ledgers") only when ``swaps`` says the line stands where a masthead does (the
    topmost furniture line of a flattened page); a headline may well read "The New York Minute".
    """
    if not line or table.by_name(line) is not None:
        return None
    hit = _name_lookalike(line, table, lexicon, language in (None, "en", "und"))
    if hit is None or not (hit.near_exact or swaps):
        return None
    return Match(hit.outlet, "medium", name=line, name_reason=hit.reason)


def _name_lookalike(name: str, table: OutletTable, lexicon: Optional[Container[str]] = None,
                    english: bool = True) -> Optional[_Hit]:
    words, shown = name_words(name)
    if not words or len(words) > MAX_NAME_WORDS:
        return None
    swapped: Optional[_Hit] = None
    for masthead in table.mastheads:
        if len(masthead.words) != len(words):
            continue
        hit = _compare_mastheads(words, shown, masthead, table, lexicon, english)
        if hit is not None and hit.near_exact:
            return hit
        swapped = swapped or hit  # table order: the better-known outlet first
    return swapped


def _compare_mastheads(words: tuple[str, ...], shown: tuple[str, ...], masthead: Masthead,
                       table: OutletTable, lexicon: Optional[Container[str]] = None,
                       english: bool = True) -> Optional[_Hit]:
    differing = [i for i, (a, b) in enumerate(zip(words, masthead.words)) if a != b]
    if len(differing) != 1:
        return None
    at = differing[0]
    new, old = words[at], masthead.words[at]
    shared = tuple(w for i, w in enumerate(words) if i != at)
    one_word_english = not shared and lexicon is not None and _english(new, lexicon)  # "Culture", not "Vulture"
    if _foreign_letters(shown[at], masthead.shown[at]):
        return None  # slips do not add accents: "Política" is a Spanish word, not "Politico" mistyped
    if (_is_misspelling(new, old, shared) and not one_word_english) or _non_word_slip(new, old, shown[at], shared,
                                                                                      table, lexicon if english else None):
        reason = f'"{masthead.shown[at]}" misspelled as "{shown[at]}"'
        return _Hit(masthead.outlet, reason, near_exact=True, shared=shared)
    # A swapped-in word that is no English word is a foreign paper's own ("Addis Zemen").
    if old in MASTHEAD_NOUNS and _english(new, lexicon) and _is_swap(new, shared, shown, at, table):
        reason = f'same words with "{masthead.shown[at]}" swapped for "{shown[at]}"'
        return _Hit(masthead.outlet, reason, shared=shared)
    return None


def _english(word: str, lexicon: Optional[Container[str]]) -> bool:
    """In the word list, or a plural of a word in it; True when there is no list to ask."""
    if lexicon is None or word in lexicon:
        return True
    return any(word.endswith(end) and word[: -len(end)] in lexicon for end in ("s", "es"))


def _distinctive(word: str) -> bool:
    return word not in FILLER_WORDS and not word.isdigit() and len(word) >= 3


def _is_misspelling(new: str, old: str, shared: tuple[str, ...]) -> bool:
    """One slip of the keyboard ("Jounral", "Tirnes") in a masthead the rest of which is exact.

    Slips that leave no English word (two letters swapped, a letter doubled or dropped: "Yokr",
    "Todday", "Heald") count in any masthead; a changed letter counts only where the rest of
    the name is distinctive or long, since it often makes another word ("Daily Stat" is not
    "Daily Star" gone wrong; "Financial Tides" is "Financial Times").
    """
    if new in MASTHEAD_NOUNS or len(old) < 4 or _plural(new, old):
        return False
    if not shared and len(old) < MIN_TYPO_LABEL:
        return False  # one-word names: only long ones ("Bloomberg", "Guardian"); short ones are words
    if _slip(new, old):
        return True
    if shared and not any(_distinctive(w) for w in shared) and len("".join(shared) + old) < LONG_MASTHEAD:
        return False
    if old in MASTHEAD_NOUNS and len(new) != len(old):
        return False  # "Independente", "Expresso": foreign namesakes add letters, slips swap them
    return _fold_glyphs(new) == _fold_glyphs(old) or DamerauLevenshtein.distance(new, old) <= 1


def _non_word_slip(new: str, old: str, printed: str, shared: tuple[str, ...], table: OutletTable,
                   lexicon: Optional[Container[str]]) -> bool:
    """One letter changed into a string that is no English word and no word of a known masthead.

    "Todsy", "Mqil", "Ieish" are slips whatever the rest of the name; "Stat", "Tides" are words
    and may name another paper, so the stricter rule of :func:`_is_misspelling` decides those.
    Only for English pages (the lexicon is English: "Antary", "Tine" are words elsewhere), and a
    one-word name only when long, as in :func:`_is_misspelling`.
    """
    if lexicon is None or len(old) < 4 or len(new) != len(old) or not new.isalpha() or printed.isupper():
        return False  # acronyms one letter apart are other bodies ("SABA", "SABC")
    if not shared and len(old) < MIN_TYPO_LABEL:
        return False
    if new in lexicon or new in _masthead_words(table):
        return False
    return DamerauLevenshtein.distance(new, old, score_cutoff=1) <= 1


_MASTHEAD_WORDS: dict[int, frozenset[str]] = {}


def _masthead_words(table: OutletTable) -> frozenset[str]:
    """Every word of every name in the table (a foreign paper's word is no slip of an English one)."""
    key = id(table)
    if key not in _MASTHEAD_WORDS:
        _MASTHEAD_WORDS.clear()  # one table at a time in practice; never grows
        _MASTHEAD_WORDS[key] = frozenset(word for masthead in table.mastheads for word in masthead.words)
    return _MASTHEAD_WORDS[key]


def _foreign_letters(printed: str, masthead: str) -> bool:
    """Letters beyond ASCII in the printed word that the masthead's word does not have."""
    return any(ord(ch) > 127 and ch.isalpha() and ch not in masthead for ch in printed)


def _slip(new: str, old: str) -> bool:
    """Two neighbouring letters swapped, one letter doubled, or one inner letter dropped."""
    if len(new) == len(old):
        pairs = [i for i, (a, b) in enumerate(zip(new, old)) if a != b]
        return len(pairs) == 2 and pairs[1] == pairs[0] + 1 and new[pairs[0]] == old[pairs[1]] \
            and new[pairs[1]] == old[pairs[0]]
    if len(new) == len(old) + 1:
        return any(new[i] == new[i - 1] and new[:i] + new[i + 1:] == old for i in range(1, len(new)))
    if len(new) == len(old) - 1:
        return any(old[:i] + old[i + 1:] == new for i in range(1, len(old) - 1))
    return False


def _plural(word: str, brand: str) -> bool:
    """"billboards" is a word of its own, not a slip on "billboard" (but "nytimess" is a slip)."""
    return word == brand + "s" and not brand.endswith("s")


def _is_swap(new: str, shared: tuple[str, ...], shown: tuple[str, ...], at: int, table: OutletTable) -> bool:
    """The newspaper word of a masthead replaced by another word, the identifying words kept.

    Only the newspaper word counts ("Times" in "The New York Times"): swapping the identifying
    word makes another paper ("The Asahi Shimbun", "The Mainichi Shimbun").
    """
    if not shared or new in FILLER_WORDS or new.isdigit():
        return False
    identifying = [w for w in shared if _distinctive(w)]
    if not identifying and not _long_frame(shared, at):
        return False  # "The Times of Oman" shares only "Times of" with "The Times of India"
    if " ".join(shared) in table.names or " ".join(identifying) in table.names:
        return False  # "Bloomberg Tax", "Focus Taiwan": a known outlet's own sub-brand
    if len(shared) == 1 and (len(shared[0]) < 4 or _acronym(shown, at)):
        return False  # "CBS Detroit", "Fox Sports": a network's sub-brand, not a forged masthead
    return True


def _long_frame(shared: tuple[str, ...], at: int) -> bool:
    """A masthead of three words or more with one newspaper word swapped, the rest in place.

    "The Globe and Mail" -> "The Globe and Tides": the two kept words, in place, are the
    paper's frame, though each is a newspaper word; "Times of India" -> "Times of Oman" swaps an
    identifying word, which :func:`_is_swap` never reaches (only newspaper words are swapped).
    """
    return len(shared) >= 2


def _acronym(shown: tuple[str, ...], swapped_at: int) -> bool:
    kept = [w for i, w in enumerate(shown) if i != swapped_at]
    return any(w.isupper() and len(w) > 1 for w in kept)


def _fold_glyphs(text: str) -> str:
    folded = text.replace("-", "")
    for look_alike, letter in HOMOGLYPHS:
        folded = folded.replace(look_alike, letter)
    return folded


# --- domains -------------------------------------------------------------------------------


def _domain_lookalike(site: Site, table: OutletTable) -> Optional[_Hit]:
    """The first rule, in order, that finds a brand the site imitates; of a rule's brands, the first in
    the table. Each rule is tried only on the brands it can fire for (:func:`_candidates`)."""
    if site.label in table.labels and site.suffix not in SUSPICIOUS_SUFFIXES:
        return None  # a known brand name on an ordinary suffix: another country's edition
    index = _brand_index(table)
    for rule in (_embedded, _appended, _suffix_swap, _affixed, _look_alike, _misspelled):
        for position in _candidates(rule, site, index):
            brand = table.brands[position]
            reason = rule(site, brand, table)
            if reason:
                return _Hit(brand.outlet, reason)
    return None


@dataclass(frozen=True)
class _BrandIndex:
    """The table's brands (as positions in ``table.brands``) by what the domain rules compare."""

    table: OutletTable
    by_registered: dict[str, list[int]]  # "nytimes.com"
    by_label: dict[str, list[int]]  # "nytimes"
    by_glyphs: dict[str, list[int]]  # the label with look-alike letters folded
    by_initials: dict[str, list[int]]  # the label's first two letters


_BRAND_INDEX: list[_BrandIndex] = []  # the last table's index (one table at a time in practice)


def _brand_index(table: OutletTable) -> _BrandIndex:
    if _BRAND_INDEX and _BRAND_INDEX[0].table is table:
        return _BRAND_INDEX[0]
    keys: dict[str, dict[str, list[int]]] = {"registered": {}, "label": {}, "glyphs": {}, "initials": {}}
    for position, brand in enumerate(table.brands):
        for kind, key in (("registered", brand.registered), ("label", brand.label),
                          ("glyphs", _fold_glyphs(brand.label)), ("initials", brand.label[:2])):
            keys[kind].setdefault(key, []).append(position)
    index = _BrandIndex(table, keys["registered"], keys["label"], keys["glyphs"], keys["initials"])
    _BRAND_INDEX[:] = [index]
    return index


def _candidates(rule: object, site: Site, index: _BrandIndex) -> list[int]:
    """The brands (positions, in table order) ``rule`` can fire for on ``site``: every other brand fails
    the rule's first test. ``_embedded`` needs the brand's domain as whole labels of the subdomain,
    ``_appended`` as the host's leading labels, ``_suffix_swap`` the site's label, ``_affixed`` its
    label inside the site's, ``_look_alike`` the same label once look-alike letters are folded, and
    ``_misspelled`` the same first two letters."""
    if rule is _embedded:
        labels = site.subdomain.split(".") if site.subdomain else []
        keys = {".".join(labels[i:j]) for i in range(len(labels)) for j in range(i + 1, len(labels) + 1)}
        found = index.by_registered
    elif rule is _appended:
        labels = (site.host[4:] if site.host.startswith("www.") else site.host).split(".")
        keys = {".".join(labels[:end]) for end in range(1, len(labels))}
        found = index.by_registered
    elif rule is _suffix_swap:
        keys, found = {site.label}, index.by_label
    elif rule is _affixed:
        label = site.label
        keys = {label[i:j] for i in range(len(label) + 1) for j in range(i, len(label) + 1)}
        found = index.by_label
    elif rule is _look_alike:
        keys, found = {_fold_glyphs(site.label)}, index.by_glyphs
    else:
        keys, found = {site.label[:2]}, index.by_initials
    return sorted(position for key in keys for position in found.get(key, ()))


def _brand_word_like(brand: Brand) -> bool:
    """:func:`_word_like` for a brand: a foreign article opening its label is one only when the
    outlet's name opens with it ("lemonde" of Le Monde; not "latimes" of the Los Angeles Times)."""
    first = fold(brand.outlet.name.split()[0]) if brand.outlet.name.split() else ""
    return _word_like(brand.label, first)


@functools.lru_cache(maxsize=4096)
def _word_like(label: str, first_word: Optional[str] = None) -> bool:
    """Brands that are newspaper words ("thestar", "standard") have real namesakes abroad ("standaard")."""
    if len(label) < 3:
        return True
    article = re.match(r"^(?:the|le|la|el|de|il|o)(?=\w{4})", label)
    keep = article is not None and first_word is not None and article.group() not in ("the", first_word)
    stem = label if keep else re.sub(r"^(?:the|le|la|el|de|il|o)(?=\w{4})", "", label)
    return stem in MASTHEAD_NOUNS or _newspaper_words(stem) or any(
        len(noun) >= 5 and DamerauLevenshtein.distance(stem, noun, score_cutoff=1) <= 1 for noun in MASTHEAD_NOUNS)


@functools.lru_cache(maxsize=16384)
def _made_of(text: str, words: frozenset[str], figures: bool, first: int = 2, rest: int = 2) -> bool:
    """Whether ``text`` is ``words`` (and, with ``figures``, runs of digits) run together, each
    word split off its front at least ``first`` letters long and leaving at least ``rest``."""
    if not text:
        return False
    if text in words or (figures and text.isdigit()):
        return True
    return any(text[:cut] in words and _made_of(text[cut:], words, figures, first, rest)
               for cut in range(first, len(text) - rest + 1))


def _newspaper_words(text: str) -> bool:
    """Whether ``text`` is newspaper words and figures run together ("dailyrecord", "channel4"):
    a name hundreds of local papers and stations share."""
    return _made_of(text, MASTHEAD_NOUNS, True, first=3, rest=1)


def _place_brand(brand: Brand) -> bool:
    """Whether the brand is only the place in the outlet's name ("cleveland" of The Plain Dealer's
    cleveland.com, "tampabay" of the Tampa Bay Times): other papers of that place build on it."""
    words = [fold(word) for word in re.split(r"[\s\-]+", brand.outlet.name) if word]
    rest = [word for word in words if word not in MASTHEAD_NOUNS and word not in ("the", "a", "an")]
    # an acronym ("bbc" of BBC News) is the outlet's own brand, not a place
    return len(rest) < len(words) and "".join(rest) == brand.label and len(brand.label) >= MIN_PLACE_LABEL


def _affix_filler(text: str) -> bool:
    """Whether ``text``, added to a brand in a domain, is filler that names nothing ("news",
    "daily24"): not another paper's noun ("journal", "press"), a place or region ("west", "new"),
    or a station's channel number ("abc-7")."""
    return _made_of(text, AFFIX_FILLER, False)


def _embedded(site: Site, brand: Brand, table: OutletTable) -> Optional[str]:
    if not site.subdomain or len(brand.label) < 3 or _brand_word_like(brand):
        return None
    if f".{brand.registered}." in f".{site.subdomain}.":
        return f'"{brand.registered}" placed inside another site\'s address ({site.registered})'
    return None


def _appended(site: Site, brand: Brand, table: OutletTable) -> Optional[str]:
    """A real domain with a country code or another suffix tacked on ("nytimes.com.de")."""
    if len(brand.label) < 3 or brand.parent:
        return None
    host = site.host[4:] if site.host.startswith("www.") else site.host
    if host.startswith(brand.registered + ".") and host != brand.registered:
        return f'the real address "{brand.registered}" with ".{host[len(brand.registered) + 1:]}" added'
    return None


def _suffix_swap(site: Site, brand: Brand, table: OutletTable) -> Optional[str]:
    if site.label != brand.label or site.suffix == brand.suffix or len(brand.label) < 3:
        return None
    if site.suffix not in SUSPICIOUS_SUFFIXES:
        return None
    return f'the brand name "{brand.label}" under ".{site.suffix}" instead of ".{brand.suffix}"'


def _affixed(site: Site, brand: Brand, table: OutletTable) -> Optional[str]:
    label = brand.label
    if brand.parent or label == site.label or label not in site.label:
        return None  # every rule below finds the brand's label inside the site's
    if site_of(brand.outlet.domain) is not None and site_of(brand.outlet.domain).registered != brand.registered:
        return None  # an outlet's second address is often a plain word local sites build on ("philly")
    # A brand that is a newspaper word, or only the paper's place, has namesakes with filler added
    # too ("observertoday.com", "dispatchnews.com", "tampabaylive.com" are real papers): the check
    # cannot tell them from a look-alike ("theguardiandaily.com") and abstains.
    if _brand_word_like(brand) or _place_brand(brand):
        return None
    parts = site.label.split("-")
    if len(parts) > 1 and label in parts and all(_affix_filler(p) for p in parts if p != label):
        extra = site.label.replace(label, "", 1)
        return f'the brand name "{label}" with "{extra}" added'
    if len(label) < 6 or label in table.stems:
        return None  # "nbc" + "dfw", "live" + "science": real sites are built on short or plain words
    for extra in (site.label[len(label):] if site.label.startswith(label) else None,
                  site.label[:-len(label)] if site.label.endswith(label) else None):
        if extra and _affix_filler(extra.strip("-")):
            return f'the brand name "{label}" with "{extra}" added'
    return None


def _other_country(site: Site, brand: Brand) -> bool:
    """A site under another country's suffix than the brand's: a namesake in that country's own
    language ("publica.pl" is not "publico.pt", "politica.com.ar" not "politico.com"), since a
    look-alike keeps the brand's suffix or takes a throwaway one."""
    country = site.suffix.rsplit(".", 1)[-1]
    return site.suffix != brand.suffix and len(country) == 2 and site.suffix not in SUSPICIOUS_SUFFIXES


def _is_filler(text: str) -> bool:
    """Whether ``text`` is filler words run together ("news", "newsdaily", "247news", "24")."""
    return _made_of(text, FILLER_WORDS, True)


def _look_alike(site: Site, brand: Brand, table: OutletTable) -> Optional[str]:
    # a word-like brand has namesakes abroad, but not spelled with look-alike letters: only short
    # ones ("thestar") are left alone, where a fold can turn one real name into another
    word_like = _brand_word_like(brand) and len(brand.label) < LONG_WORD_LIKE
    if brand.parent or len(brand.label) < 3 or word_like or site.label == brand.label or site.label in table.labels:
        return None
    if len(brand.label) < 4 and (len(site.label) <= len(brand.label) or site.suffix != brand.suffix):
        return None  # a three-letter brand: only two letters drawn as one ("srnh" for "smh"), on its suffix
    if _fold_glyphs(site.label) != _fold_glyphs(brand.label) or site.label.replace("-", "") == brand.label:
        return None  # a hyphen alone is how many real sites spell a name ("press-herald", "the-sun")
    return f'"{brand.label}" spelled with look-alike characters as "{site.label}"'


def _misspelled(site: Site, brand: Brand, table: OutletTable) -> Optional[str]:
    label = brand.label
    if brand.parent or len(label) < MIN_TYPO_LABEL or _brand_word_like(brand) or site.label in table.labels:
        return None
    if site.label[:2] != label[:2]:
        return None  # "latimes"/"batimes", "nbcnews"/"abcnews": a changed initial is another brand
    noun = next((noun for noun in MASTHEAD_NOUNS if label.endswith(noun) and len(label) - len(noun) <= 3), None)
    if noun and site.label.endswith(noun):
        return None  # "cbnnews" beside "cbsnews": a letter changed in a short acronym is another acronym
    if _plural(site.label, label) or site.label.replace("-", "") == label or _other_country(site, brand):
        return None
    limit = 2 if len(label) >= 12 else 1
    if DamerauLevenshtein.distance(site.label, label, score_cutoff=limit) <= limit:
        return f'a misspelling of "{label}" as "{site.label}"'
    return None

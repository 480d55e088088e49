"""Page furniture: theme strings and share, subscribe, cookie and navigation lines.

Three kinds of evidence:

- strings that website themes and plugins print verbatim, as a whole line (``THEME_LINES``:
  WordPress's "Exit mobile version" and "Skip to content", Jetpack's "Share this:" and
  "Like this:", "Advertisement" placeholders, "Related" blocks);
- phrases that make a short line furniture wherever they stand in it (``THEME_PHRASES``:
  "Click to share on Twitter", "Sign up for our newsletter", "Posted in", "Tags:"), and a few
  that do so even in a long line (``NOTICE_PHRASES``: cookie and comment-form notices, a
  "Disclaimer:" paragraph, a "Get access to ... subscription" offer);
- boxes set inside the story (``BOX_PHRASES``): a video's age gate ("Please enter your date of
  birth to view this video"), newsletter sign-ups, "Got a news tip?" lines, deals widgets;
- shapes: a row of menu words joined by separators (``MENU_ROW``), a row of share buttons
  (``SHARE_ROW``), and a bare row of capitalised menu words (``is_menu_row``, which the caller
  applies only outside the article body, where a title-case heading cannot stand).

A line counts as furniture from a phrase only when it is short: a sentence of prose that
mentions a newsletter is still prose.
"""

from __future__ import annotations

import re

from ..reference.words import word_list

__all__ = ["is_boilerplate", "is_menu_row", "opens_link_list", "leftover_kind", "THEME_LINES"]

# Whole lines that themes print (compared lower-cased, spaces collapsed, a final colon ignored).
THEME_LINES = frozenset(word_list("theme_lines"))
# Headings of link lists: the short headline-like lines that follow them are teasers, not content.
LINK_LIST_OPENERS = frozenset(word_list("link_list_openers"))
# Phrases that make a short line furniture wherever they stand in it.
THEME_PHRASES = re.compile(
    r"click to (?:share|email|print)|opens in new window|\bshare (?:on|via|this)\b|follow us on\b|"
    r"sign up for (?:our|the|my)\b.*newsletter|subscribe to (?:our|the)\b|get (?:our|the) newsletter|"
    r"privacy policy|terms of (?:use|service)|all rights reserved|^posted in\b|^filed under\b|^tags?:|"
    r"^categories?:|^share:|like loading|be the first to like|^listen to this article|"
    r"^(?:photo|image) gallery$|^\d+\s+comments?$|^comments?\s*\(\d+\)$|reading time|\bmin(?:ute)? read$|"
    r"^image \d+ of \d+$|^(?:updated|published|posted)?\s*\d+\s+(?:minutes?|hours?|days?|weeks?)\s+ago$|"
    r"^(?:posted|published) by\b.*\bin\b|^continue reading\b|^read more\b|"
    r"^subscribe to \S+(?: \S+)? on (?:youtube|twitter|x|facebook|instagram|tiktok|spotify|apple podcasts)\b|"
    r"^stay tuned for more\b|^follow \S+(?: \S+)? on (?:youtube|twitter|x|facebook|instagram|tiktok)\b",
    re.IGNORECASE,
)
# Notices that stay furniture however long they run.
NOTICE_PHRASES = re.compile(
    r"\bwe use cookies\b|\baccept (?:all )?cookies\b|\bcookie (?:policy|settings|preferences)\b|"
    r"\bthis (?:site|website) uses cookies\b|your email address will not be published|"
    r"required fields are marked|notify me of (?:new|follow-up)|"
    r"^(?:copyright\s*)?(?:©|\(c\))\s*(?:19|20)\d{2}\b|^disclaimer\s*[:-]|"
    r"^(?:get|unlock) (?:full |unlimited |instant )?access to\b.{0,120}\b(?:subscri\w+|membership)\b",
    re.IGNORECASE,
)
# What a line must hold for NOTICE_PHRASES to match it (lines are lower-cased first): a line
# without any is never searched for them (speed). A case-insensitive "i" or "s" also matches "ı"
# and "ſ", so a line holding either is always searched.
NOTICE_HINTS = ("cookie", "not be published", "required fields", "notify me of", "disclaimer", "access to", "ı", "ſ")
NOTICE_OPENINGS = ("copyright", "©", "(c)")
# Boxes a page sets inside or beside the story: a video's age gate, a newsletter sign-up, a tip
# line, a deals widget. Furniture up to ``MAX_BOX_WORDS`` words, however they are worded around it.
BOX_PHRASES = re.compile(
    r"\benter your (?:date of birth|birth ?date)\b|\bto view this (?:video|content)\b|"
    r"\byou must be (?:1[3-9]|2[01])(?: years(?: of age)?)? or older to\b|"
    r"^(?:got|have) a (?:news |story )?tip\b|\bsend us (?:a|your) (?:news )?tips?\b|"
    r"\b(?:sign|signing) up (?:for|to) (?:our|the)\b.{0,60}\b(?:newsletters?|alerts|e-?mails|briefing)\b|"
    r"\bsign up to receive\b|\bsubscribe to (?:our|the)\b.{0,60}\bnewsletter|\bnewsletter sign[- ]?up\b|"
    r"\b(?:delivered|sent) (?:straight |directly )?to your inbox\b|"
    r"\bby (?:signing up|subscribing|clicking)\b.*\byou agree\b|^enter your e-?mail\b|"
    r"\bthanks? (?:you )?for (?:signing up|subscribing)\b|"
    r"^(?:today'?s |top |best |more |daily )?deals?(?: of the day| we love)?:?$|^(?:view|see|get|shop) (?:the )?deal\b|"
    r"^check (?:the )?price\b|^shop now\b|\bwe may earn (?:a )?(?:small )?commission\b|"
    r"^(?:subscribe|join|sign up)\b.{0,120}\bfor (?:as little as|just|only) (?:[$£€₹¥]|rs\.?\s?|\d)|"
    r"\bsubscriptions? (?:service|plan|offer)\b.{0,120}\bfor as little as\b",
    re.IGNORECASE,
)
MAX_BOX_WORDS = 40
# Words one of the box phrases needs: a line without any is never searched for them (speed).
BOX_HINTS = ("birth", "view this", "or older", " tip", "sign up", "signing up", "subscrib", "inbox", "you agree",
             "mail", "thank", "deal", "price", "shop", "commission")

# Footers that feed-copying plugins append to every post they republish: the WordPress feed's
# "The post <title> appeared first on <site>." and the autoblog plugins' "Source link".
SCRAPER_PHRASES = re.compile(
    r"^the post\b.{3,300}\bappeared first on\b|^source link$|^(?:go to|view|read) (?:the )?(?:source|original) (?:article|post|link)$|"
    r"^this (?:post|article|entry) was (?:automatically )?(?:imported|aggregated|curated) from\b",
    re.IGNORECASE,
)
# Strings particular themes and plugins print (WordPress's mobile switch, Jetpack's share and like
# buttons, the comment form): a page that carries them was flattened from such a theme as rendered.
THEME_SIGNATURES = re.compile(
    r"^exit mobile version$|^skip to (?:main )?content$|^like loading|^be the first to like this|^like this:?$|"
    r"^share this:?$|click to (?:share|email|print) on\b|\(opens in new window\)|^post navigation$|"
    r"^leave a (?:reply|comment)$|^cancel reply$|your email address will not be published|"
    r"required fields are marked|notify me of (?:new|follow-up)",
    re.IGNORECASE,
)
# "Home | World | Business | Sport" or "Home • Politics • Opinion".
MENU_ROW = re.compile(r"^(?:[\w'&.-]+(?: [\w'&.-]+)?\s*[|•·»›]\s*){2,}[\w'&.-]+(?: [\w'&.-]+)?$")
# A row of share-button labels: "Facebook Twitter WhatsApp Email".
SHARE_WORDS = frozenset({
    "facebook", "twitter", "x", "whatsapp", "email", "e-mail", "linkedin", "reddit", "pinterest", "telegram",
    "print", "copy", "link", "share", "flipboard", "messenger", "threads", "bluesky", "mastodon", "tumblr",
    "pocket", "sms", "more",
})
MENU_WORD = re.compile(r"^(?:[A-Z][\w'’.-]{0,13}|&|\+)$")
MAX_FURNITURE_WORDS = 12
MIN_MENU_WORDS = 4


def normalise(line: str) -> str:
    return " ".join(line.strip().lower().split())


def is_boilerplate(line: str) -> bool:
    """Whether a whole line is page furniture rather than article content."""
    text = normalise(line)
    if not text:
        return False
    if text in THEME_LINES or text.rstrip(":").rstrip() in THEME_LINES:
        return True
    if (text.startswith(NOTICE_OPENINGS) or any(hint in text for hint in NOTICE_HINTS)) and NOTICE_PHRASES.search(text):
        return True
    if SCRAPER_PHRASES.search(text):
        return True
    if len(text.split()) <= MAX_BOX_WORDS and any(hint in text for hint in BOX_HINTS) and BOX_PHRASES.search(text):
        return True
    if len(text.split()) > MAX_FURNITURE_WORDS:
        return False
    return bool(THEME_PHRASES.search(text) or MENU_ROW.match(text) or _is_share_row(text))


def _is_share_row(text: str) -> bool:
    words = re.split(r"[\s|•·,]+", text.strip(" |•·,"))
    return len(words) >= 2 and all(word in SHARE_WORDS for word in words)


def is_menu_row(line: str) -> bool:
    """A bare row of short capitalised words ("News Sport Business Culture Opinion").

    Title-case headings share this shape, so callers use it only outside the article body.
    """
    words = line.split()
    return len(words) >= MIN_MENU_WORDS and all(MENU_WORD.match(word) for word in words) and not re.search(
        r"[.!?:;,\"“”]", line)


def opens_link_list(line: str) -> bool:
    """A heading ("Related", "More stories") under which a theme lists other articles' headlines."""
    return normalise(line).rstrip(":").rstrip() in LINK_LIST_OPENERS


def leftover_kind(line: str) -> str:
    """What a furniture line tells about how the text was made.

    ``scraper``: a feed-copying plugin's footer (the text was republished from another site);
    ``theme``: a string a particular site theme or plugin prints (the text was flattened from
    such a page as rendered); ``furniture``: menus, share rows, notices any site carries.
    """
    text = normalise(line)
    if SCRAPER_PHRASES.search(text):
        return "scraper"
    if THEME_SIGNATURES.search(text):
        return "theme"
    return "furniture"

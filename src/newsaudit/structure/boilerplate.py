"""Page furniture: theme strings and share, subscribe, cookie and navigation lines.

Two kinds of evidence: phrases that website themes and plugins print verbatim (WordPress's
"Exit mobile version" and "Skip to content", Jetpack's "Share this:" / "Like this:", cookie
banners), and line shapes (a row of short menu words, a "Click to share on X" button label).
A line counts as furniture only when it is short: a sentence of prose that mentions a
newsletter is still prose.
"""

from __future__ import annotations

import re

# Lines that are furniture whatever else they say, matched on the whole (normalised) line.
THEME_LINES = frozenset({
    "exit mobile version", "skip to content", "skip to main content", "skip to navigation", "share this",
    "share this:", "like this:", "like this", "related", "related posts", "related articles", "related stories",
    "advertisement", "advertisements", "sponsored", "sponsored content", "read more", "continue reading",
    "loading...", "loading", "menu", "search", "toggle navigation", "close", "home", "print", "email",
    "share", "tweet", "copy link", "link copied", "leave a comment", "leave a reply", "comments",
    "subscribe", "sign in", "log in", "register", "most read", "most popular", "trending", "recommended",
    "you may also like", "more from", "more stories", "back to top", "scroll to top", "previous article",
    "next article", "previous post", "next post", "report an error", "whatsapp", "facebook", "twitter",
    "linkedin", "telegram", "reddit", "pinterest", "x",
})
# Phrases that make a short line furniture wherever they stand in it.
THEME_PHRASES = re.compile(
    r"(?:click to (?:share|email|print)|opens in new window|share (?:on|via|this)|follow us on|"
    r"sign up for (?:our|the) newsletter|subscribe to (?:our|the)|accept (?:all )?cookies|cookie (?:policy|settings)|"
    r"we use cookies|privacy policy|terms of (?:use|service)|all rights reserved|posted in\b|filed under\b|"
    r"^tags?:|^categories:|^share:|like loading|be the first to like|you might also like|"
    r"notify me of (?:new|follow-up)|your email address will not be published|"
    r"^(?:photo|image) gallery$|^\d+\s+comments?$|^view comments$|reading time|min read$)",
    re.IGNORECASE,
)
# "Home | World | Business | Sport" or "Home • Politics • Opinion".
MENU_ROW = re.compile(r"^(?:[\w'&.-]+(?: [\w'&.-]+)?\s*[|•·»›]\s*){2,}[\w'&.-]+(?: [\w'&.-]+)?$")
MAX_FURNITURE_WORDS = 12


def normalise(line: str) -> str:
    return " ".join(line.strip().lower().split())


def is_boilerplate(line: str) -> bool:
    """Whether a whole line is page furniture rather than article content."""
    text = normalise(line)
    if not text:
        return False
    if text in THEME_LINES or text.rstrip(":") in THEME_LINES:
        return True
    if len(text.split()) > MAX_FURNITURE_WORDS:
        return False
    return bool(THEME_PHRASES.search(text) or MENU_ROW.match(text))

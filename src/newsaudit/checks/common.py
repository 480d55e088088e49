"""What every check builds its findings from: evidence spans and the article's own date."""

from __future__ import annotations

from datetime import date
from typing import Optional

from ..model import Article, Evidence
from ..text.dates import iso_day


def evidence(article: Article, start: int, end: int) -> Evidence:
    return Evidence(text=article.text[start:end], where="body", start=start, end=end)


def published_date(article: Article) -> Optional[date]:
    return iso_day(article.published)

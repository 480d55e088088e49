"""The claims stage's extractors on any text: a sentence, a paragraph or a whole article.

``audit()`` reads an article's quantities, dates and check-worthiness with exactly these
functions; here they take any string, however short, and need no model but the shipped
check-worthiness weights (no spaCy, no gazetteer):

>>> import newsaudit
>>> [(q.value, q.unit, q.bound) for q in newsaudit.find_quantities("Nearly 50 houses flooded.")]
[(50.0, 'houses', 'nearly')]
>>> [(t.text, t.start) for t in newsaudit.find_dates("The vote will be held in two weeks.", "2025-11-07")]
[('in two weeks', '2025-11-21')]
>>> newsaudit.checkworthiness("Unemployment fell to 4 percent in May.") > 0.5
True

Importing this module imports nothing heavy: each function loads its stage on first use.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Iterable, Optional, Union, overload

if TYPE_CHECKING:  # pragma: no cover
    from .model import Quantity, TimeRef

__all__ = ["find_quantities", "find_dates", "checkworthiness"]

Reference = Union[date, datetime, str, None]


def find_quantities(text: str) -> list["Quantity"]:
    """Every quantity in ``text``, in order: value (or ``low``/``high`` for a range), ``unit``
    normalised to one vocabulary ("km", "USD", "%", or the counted noun), ``unit_text`` as
    written, ``bound`` (about, nearly, over, under, at least, up to), ``change`` (up, down),
    ``counted`` (what a count counts), ``kind``, ``per`` and character offsets into ``text``."""
    from .claims.quantities import find_quantities as find

    return find(_text(text))


def find_dates(text: str, reference: Reference = None) -> list["TimeRef"]:
    """Every date, period, duration and day ordinal in ``text``, resolved against ``reference``
    (the publication date: a ``date``, a ``datetime`` or "YYYY-MM-DD"); without one, only what
    carries its own year resolves. ``start``/``end`` are YYYY-MM-DD (equal for a single day)."""
    from .claims.times import find_times

    return find_times(_text(text), _reference(reference))


@overload
def checkworthiness(sentences: str) -> float: ...
@overload
def checkworthiness(sentences: Iterable[str]) -> list[float]: ...


def checkworthiness(sentences: Union[str, Iterable[str]]) -> Union[float, list[float]]:
    """How worth fact-checking a sentence is, 0..1 (the shipped model; 0.5 is its balanced cut).
    One string gives one score; a list gives one score per sentence (score a whole article's
    sentences in one call: a batch costs about what one sentence does)."""
    from .claims.checkworthiness import load_model

    model = load_model()
    if isinstance(sentences, str):
        return model.score(sentences)
    batch = [_text(sentence) for sentence in sentences]
    return model.score_many(batch)


def _text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    return text


def _reference(reference: Reference) -> Optional[date]:
    if reference is None:
        return None
    if isinstance(reference, datetime):
        return reference.date()
    if isinstance(reference, date):
        return reference
    if isinstance(reference, str):
        try:
            return date.fromisoformat(reference.strip()[:10])
        except ValueError:
            raise ValueError(f"reference date {reference!r} is not YYYY-MM-DD") from None
    raise TypeError(f"reference must be a date, a datetime or 'YYYY-MM-DD', not {type(reference).__name__}")

"""A cheap language guess: enough to refuse non-English input with a clear message.

Full language identification is not the job here; the pipeline only needs to know whether
the body is English. Scripts decide first (a Cyrillic or CJK body is not English); for Latin
script, very common function words decide: English prose runs at 25-50% English function words,
while Romance and Germanic prose is dominated by its own (de, la, que, der, und, il, ...).
A list-heavy English page (a recipe, a schedule) has few function words of either kind, so the
test compares the two shares rather than using one threshold.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it on was with as by at from be this are have has had not "
    "but or an they he she his her their its were which been who will would there we you i our "
    "than into after over about more also said says can could when what all one no so up out if "
    "them these those then some any new two may just after before while".split()
)
# Frequent function words of other Latin-script languages that are not English words.
OTHER_FUNCTION_WORDS = frozenset(
    "de la le les des du el los las del que y en un una por para con se su al lo es est et il "
    "di da do dos das em um uma não nao com per che della dei gli sono der die das und den dem "
    "ist nicht mit ein eine sich auf zu von yang dan di ini itu dengan untuk tidak ke dari "
    "och att som är het een van ik niet op voor".split()
)
MIN_ENGLISH_SHARE = 0.05
_SCRIPTS = (
    ("ru", re.compile(r"[\u0400-\u04FF]")),
    ("zh", re.compile(r"[\u4E00-\u9FFF]")),
    ("ja", re.compile(r"[\u3040-\u30FF]")),
    ("ko", re.compile(r"[\uAC00-\uD7AF]")),
    ("ar", re.compile(r"[\u0600-\u06FF]")),
    ("he", re.compile(r"[\u0590-\u05FF]")),
    ("el", re.compile(r"[\u0370-\u03FF]")),
    ("hi", re.compile(r"[\u0900-\u097F]")),
)


def detect_language(text: str, sample_chars: int = 20000) -> str:
    """"en", a script-based code ("ru", "zh", ...) or "und" for Latin text that is not English."""
    sample = text[:sample_chars]
    letters = sum(1 for char in sample if char.isalpha())
    if not letters:
        return "und"
    for code, script in _SCRIPTS:
        if len(script.findall(sample)) > letters * 0.3:
            return code
    words = [word.lower() for word in _WORD.findall(sample)]
    if not words:
        return "und"
    english = sum(1 for word in words if word in ENGLISH_FUNCTION_WORDS) / len(words)
    other = sum(1 for word in words if word in OTHER_FUNCTION_WORDS) / len(words)
    return "en" if english >= MIN_ENGLISH_SHARE and english > 2 * other else "und"

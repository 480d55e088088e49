"""The public API is what ``newsaudit.__all__`` lists; changing it is a decision, not an accident."""

from __future__ import annotations

import subprocess
import sys

import newsaudit

PUBLIC = [
    "Article", "AuditResult", "CATALOGUE", "Claim", "Finding", "Media", "NewsauditError", "Quantity", "Quote",
    "Report", "Resources", "STAGES", "Section", "Settings", "Stage", "TimeRef", "__version__", "audit",
    "audit_many", "checkworthiness", "find_dates", "find_quantities", "read",
]


def test_all_is_pinned():
    assert sorted(newsaudit.__all__) == sorted(PUBLIC)


def test_every_public_name_exists():
    for name in newsaudit.__all__:
        assert hasattr(newsaudit, name), name


def test_importing_newsaudit_loads_no_model_and_no_stage():
    code = ("import sys, newsaudit; heavy = [m for m in ('spacy', 'trafilatura', 'newsaudit.claims', "
            "'newsaudit.checks', 'newsaudit.structure') if m in sys.modules]; print(heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr


def test_extractors_work_on_a_single_sentence():
    (quantity,) = newsaudit.find_quantities("Rents rose about 20 percent.")
    assert (quantity.value, quantity.unit, quantity.bound, quantity.change) == (20, "%", "about", "up")
    (when,) = newsaudit.find_dates("The council will vote two days after tomorrow.", "2025-11-07")
    assert (when.start, when.end) == ("2025-11-10", "2025-11-10")
    scores = newsaudit.checkworthiness(["Unemployment fell to 4 percent in May.", "Thank you all."])
    assert scores[0] > 0.5 > scores[1] and isinstance(newsaudit.checkworthiness("Thank you."), float)


def test_extractors_refuse_what_is_not_text():
    import pytest

    with pytest.raises(TypeError):
        newsaudit.find_quantities(42)
    with pytest.raises(ValueError):
        newsaudit.find_dates("on Monday", "last week")

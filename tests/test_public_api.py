"""The public API is what ``newsaudit.__all__`` lists; changing it is a decision, not an accident."""

from __future__ import annotations

import subprocess
import sys

import newsaudit

PUBLIC = [
    "Article", "AuditResult", "CATALOGUE", "Claim", "Finding", "Media", "NewsauditError", "Quote",
    "Report", "Resources", "STAGES", "Section", "Settings", "Stage", "__version__", "audit",
    "audit_many", "read",
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

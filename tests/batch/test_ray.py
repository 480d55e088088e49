"""``--engine ray`` stores the same rows as ``--engine local`` (Ray Data in local mode, this machine)."""

from __future__ import annotations

import importlib.util

import pytest

from test_batch import run, stored_rows
from batch_fixtures import folder  # noqa: F401 - pytest fixtures

pytestmark = [
    pytest.mark.ray,
    pytest.mark.skipif(importlib.util.find_spec("ray") is None,
                       reason="ray is not installed (pip install 'newsaudit[ray]')"),
]


def test_ray_engine_stores_the_same_rows_as_the_local_engine(folder, tmp_path):
    local, on_ray = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    run([folder], local)
    summary = run([folder], on_ray, engine="ray", workers=1)
    assert summary.audited == 4 and summary.errors == 0
    assert stored_rows(on_ray) == stored_rows(local)
    rerun = run([folder], on_ray, engine="ray", workers=1)
    assert rerun.skipped == 4 and stored_rows(on_ray) == stored_rows(local)

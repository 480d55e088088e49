"""Resources cross process boundaries as configuration and are rebuilt, once, in each worker."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor

import newsaudit
from newsaudit.reference.resources import Resources

from conftest import ROOT

EXAMPLE = (ROOT / "examples" / "valencia-floods.txt").read_text(encoding="utf-8")


def test_resources_pickle_as_their_configuration():
    resources = Resources(spacy_model="no_such_model", outlets_file="extra.csv", cache_dir=None)
    resources.anchors  # noqa: B018 - a loaded table must not travel with the pickle
    copy = pickle.loads(pickle.dumps(resources))
    assert (copy.spacy_model, copy.outlets_file, copy.cache_dir) == ("no_such_model", "extra.csv", None)
    assert "anchors" not in copy._cache and len(pickle.dumps(resources)) < 1000


def test_default_resources_pickle_and_still_load():
    copy = pickle.loads(pickle.dumps(newsaudit.Resources()))
    assert len(copy.outlets) > 500


def _audit_in_worker(resources: Resources) -> str:
    return newsaudit.audit(EXAMPLE, resources=resources).to_json()


def test_an_audit_in_a_worker_process_equals_one_here():
    here = newsaudit.audit(EXAMPLE).to_json()
    with ProcessPoolExecutor(max_workers=1) as pool:
        there = pool.submit(_audit_in_worker, newsaudit.Resources()).result(timeout=300)
    assert there == here


def test_audit_many_in_two_workers_keeps_order_and_reports_refusals():
    sources = [EXAMPLE, "too short", EXAMPLE.encode("utf-8")]
    results = list(newsaudit.audit_many(sources, workers=2))
    assert [result.index for result in results] == [0, 1, 2]
    assert results[1].report is None and results[1].error.code == "input.no_article"
    assert results[0].report.to_json() == results[2].report.to_json() == newsaudit.audit(EXAMPLE).to_json()

"""The shipped check-worthiness model: loads once, scores in 0..1, deterministic, picklable,
ranks clear claims above small talk, and keeps its held-out figures when ../shared is present."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from newsaudit.claims.checkworthiness import (
    MODEL_PATH, CheckworthinessModel, FeatureSpec, featurize, load_model, model_from_dict, model_to_dict,
)

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "checkworthiness"
# Held-out figures measured for the shipped model (see its metadata), less a small margin.
F1_FLOOR = 0.84
MAP_FLOOR = 0.22

# Written for these tests: factual, checkable statements ...
CLAIMS = (
    "Unemployment fell from 10 percent in 2009 to 4.7 percent last year.",
    "The state spent $2.3 billion on prisons in 2015, twice what it spent a decade earlier.",
    "Since 2001 the city has lost more than 40,000 manufacturing jobs.",
    "Crime in our largest cities went up by 17 percent over the last three years.",
    "The senator voted against the defense budget four times.",
)
# ... and sentences with nothing to check.
NOT_CLAIMS = (
    "Thank you all for being here tonight.",
    "Good evening, and welcome to the debate.",
    "Well, let me just say this.",
    "I hope we can all work together.",
    "What would you do about it?",
)


@pytest.fixture(scope="module")
def model() -> CheckworthinessModel:
    """The shipped model."""
    return load_model()


def test_loads_once_with_metadata(model: CheckworthinessModel) -> None:
    assert load_model() is model
    assert load_model(MODEL_PATH) is model
    meta = model.metadata
    for key in ("trained", "data", "licence", "figures", "variants", "variant"):
        assert key in meta
    assert MODEL_PATH.stat().st_size < 3_000_000


def test_scores_are_probabilities(model: CheckworthinessModel) -> None:
    texts = [*CLAIMS, *NOT_CLAIMS, "", "   ", "a", "Ünïcode “quotes” — 12 %", "word " * 2000]
    scores = model.score_many(texts)
    assert len(scores) == len(texts)
    assert all(isinstance(s, float) and 0.0 <= s <= 1.0 for s in scores)
    assert model.score_many([]) == []
    assert len({round(s, 6) for s in scores}) > 10  # continuous, not a handful of levels


def test_batch_and_single_agree_and_repeat(model: CheckworthinessModel) -> None:
    texts = [*CLAIMS, *NOT_CLAIMS]
    batch = model.score_many(texts)
    assert batch == model.score_many(texts)
    assert np.allclose(batch, [model.score(t) for t in texts], atol=1e-12)
    assert np.allclose(model.score_many(list(reversed(texts))), list(reversed(batch)), atol=1e-12)


def test_scores_do_not_depend_on_the_batching(model: CheckworthinessModel, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long article is featurised a slice at a time (bounded memory); each score stays the same."""
    import newsaudit.claims.checkworthiness as checkworthiness

    texts = [*CLAIMS, *NOT_CLAIMS] * 3
    whole = model.decision(texts)
    monkeypatch.setattr(checkworthiness, "BATCH_CHARS", 120)  # two or three sentences a slice
    assert len(list(checkworthiness._batches(texts, 120))) > 1
    assert np.allclose(model.decision(texts), whole, atol=1e-12)
    monkeypatch.setattr(checkworthiness, "BATCH_CHARS", 1)  # every sentence alone, none dropped
    assert np.allclose(model.decision(texts), whole, atol=1e-12)


def test_same_scores_in_another_process() -> None:
    """No salted hash anywhere: another interpreter with another hash seed agrees."""
    code = ("import json; from newsaudit.claims.checkworthiness import load_model; "
            f"print(json.dumps(load_model().score_many({list(CLAIMS)!r})))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert json.loads(out.stdout) == load_model().score_many(list(CLAIMS))


def test_immutable_and_picklable(model: CheckworthinessModel) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.bias = 0.0  # type: ignore[misc]
    with pytest.raises(ValueError):
        model.weights[0] = 1.0
    copy = pickle.loads(pickle.dumps(model))
    assert copy.score_many(list(CLAIMS)) == model.score_many(list(CLAIMS))
    assert not copy.weights.flags.writeable
    again = model_from_dict(json.loads(json.dumps(model_to_dict(model))))
    assert again.score_many(list(NOT_CLAIMS)) == model.score_many(list(NOT_CLAIMS))


def test_claims_rank_above_small_talk(model: CheckworthinessModel) -> None:
    claims, small_talk = model.score_many(list(CLAIMS)), model.score_many(list(NOT_CLAIMS))
    assert min(claims) > max(small_talk)
    assert min(claims) > 0.5 > max(small_talk)


def test_statistic_beats_greeting(model: CheckworthinessModel) -> None:
    assert model.score("We have lost 700,000 jobs in the last two years.") > model.score("Hello, everybody.")


def test_features_are_stable() -> None:
    """The hashing is part of the file format: these buckets must never move."""
    spec = FeatureSpec(bits=18, word_ngrams=(1, 2), char_ngrams=(2, 5), char_mode="wb", dense=False)
    features = featurize(["Jobs rose 5%."], spec)
    assert features.count == 1
    assert len(features.columns) == len(features.values) == len(features.rows)
    assert int(features.columns.max()) < 1 << 18
    assert featurize(["Jobs rose 5%."], spec).columns.tolist() == features.columns.tolist()


def test_wrong_weight_count_is_refused() -> None:
    with pytest.raises(ValueError):
        CheckworthinessModel(FeatureSpec(bits=10, dense=False), np.zeros(3), 0.0)


def test_held_out_figures_keep_their_floor(model: CheckworthinessModel) -> None:
    if not DATA.is_dir():
        pytest.skip(f"{DATA} is absent (../shared is only beside the repo in the project's CI)")
    from newsaudit.eval.checkworthiness import evaluate_scorer, load_splits

    splits = load_splits(DATA)
    result = evaluate_scorer(model.score_many, {name: splits.dev[name] for name in ("claimbuster", "clef2019")})
    assert result["claimbuster"]["f1"] >= F1_FLOOR
    assert result["clef2019"]["map"] >= MAP_FLOOR

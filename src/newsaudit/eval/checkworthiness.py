"""Check-worthiness on held-out public data: the shipped model beside a TF-IDF baseline.

``python -m newsaudit.eval.checkworthiness [--data DIR] [--json]`` reads
``../shared/data/checkworthiness`` (see its SOURCE.md) and reports, on held-out items only:

- ClaimBuster positive-class F1 (threshold 0.5) on a balanced set: every held-out positive
  and as many held-out negatives drawn without replacement with ``numpy`` seed
  :data:`BALANCE_SEED`. The 2-class file has no dev split and no debate column, so the
  held-out items are whole runs of consecutive sentence ids (the ids follow the debates in
  order): the ids before the 2016 debates are cut into :data:`CB_BLOCKS` equal runs and the
  runs in :data:`CB_DEV_BLOCKS` are held out. The 2016 presidential debates (ids from
  :data:`CB_2016_START`) stay in training because CLEF 2019 trains on the same debates.
- ClaimBuster's 2020 debate file (100 sentences, a debate no training file holds): F1 too.
- CLEF 2019 task 1 MAP: average precision per debate, averaged over the held-out debates
  :data:`CLEF_DEV_DEBATES` (whole files of the training release).
- CLEF 2020 task 1 tweets: MAP of the dev file (one topic), for information.

Training items (``load_splits(...).train``) exclude every held-out debate, the rows of
CLEF 2020 task 5 that repeat a held-out debate (located by its sentences), and any sentence
of :data:`MIN_COPY_WORDS` or more words whose normalised text equals a held-out one (shorter
ones such as "Thank you." recur in every debate). Systems: (a) the model shipped in
``newsaudit/data``, (b) TF-IDF + logistic regression (word unigrams, smooth idf, l2 norm,
C=1, balanced class weights, trained per dataset on the same training items; numpy only).
The hand-written feature sum that scored claims before the model (ClaimBuster F1 0.416, CLEF
2019 MAP 0.198 on these items) was measured against the model and blends of the two, lost, and
was removed. Average precision ranks ties in input (line) order, as the CLEF scorer's stable
sort does.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence

import numpy as np

from ..claims.checkworthiness import CheckworthinessModel, Features, load_model

NOT_MEASURED = "not measured"
BALANCE_SEED = 20190101
CB_2016_START = 29_060  # first ClaimBuster sentence id of the 2016 presidential debates
CB_BLOCKS = 20
CB_DEV_BLOCKS = (2, 7, 12, 17)
CLEF_DEV_DEBATES = ("20160226_10_gop.tsv", "20161005_vice_pres.tsv", "20170216_trump_press.tsv",
                    "20170601_paris_climate_n.tsv", "20180916_trump_miami.tsv", "20181112_trump_pelosi.tsv")
MIN_COPY_WORDS = 4  # shorter sentences ("Thank you.") recur everywhere and are not held-out leaks
Scorer = Callable[[Sequence[str]], Sequence[float]]


@dataclass(frozen=True)
class Item:
    """One labelled sentence: its text, label (1 = check-worthy), source and document group."""

    text: str
    label: int
    source: str
    group: str


@dataclass(frozen=True)
class Splits:
    """Training items per source and held-out items per evaluation set."""

    train: dict[str, tuple[Item, ...]]
    dev: dict[str, tuple[Item, ...]]
    notes: tuple[str, ...] = ()


def default_data_dir() -> Path:
    """``../shared/data/checkworthiness`` from the working directory, else beside the repository."""
    candidates = [Path.cwd() / ".." / "shared" / "data" / "checkworthiness",
                  Path(__file__).resolve().parents[3].parent / "shared" / "data" / "checkworthiness"]
    return next((path.resolve() for path in candidates if path.is_dir()), candidates[-1].resolve())


def norm_text(text: str) -> str:
    """A sentence's comparison key: lower-case alphanumerics separated by single spaces."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file with a header, as dicts."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _read_tsv(path: Path) -> list[list[str]]:
    """Tab-separated rows read with quoting off (the tweets hold stray quote marks)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)][1:]


def read_claimbuster(data_dir: Path) -> list[Item]:
    """kfold_25ncs.csv with a group per sentence: ``dev`` or ``train`` by id block (see module doc)."""
    rows = sorted(_read_csv(data_dir / "claimbuster" / "kfold_25ncs.csv"), key=lambda r: int(r["sentence_id"]))
    early = [row for row in rows if int(row["sentence_id"]) < CB_2016_START]
    size = math.ceil(len(early) / CB_BLOCKS)
    items = []
    for index, row in enumerate(rows):
        block = index // size if int(row["sentence_id"]) < CB_2016_START else -1
        group = "dev" if block in CB_DEV_BLOCKS else f"block{block}" if block >= 0 else "2016"
        items.append(Item(row["text"].strip(), int(row["label"]), "claimbuster", group))
    return items


def read_clef2019(data_dir: Path) -> list[Item]:
    """CLEF 2019 task 1 training debates; group = file name."""
    rows = _read_csv(data_dir / "clef2019_task1" / "CT19-T1-Training.csv")
    return [Item(r["text"].strip(), int(r["label"]), "clef2019", r["file_name"]) for r in rows]


def read_clef2020_debates(data_dir: Path) -> list[Item]:
    """CLEF 2020 task 5 training rows; group = row position (the file has no debate column)."""
    rows = _read_tsv(data_dir / "clef2020_task5_debates" / "train.tsv")
    return [Item(r[0].strip().strip('"'), int(r[1]), "clef2020_debates", str(i)) for i, r in enumerate(rows)]


def read_tweets(data_dir: Path, name: str) -> list[Item]:
    """CLEF 2020 task 1 tweets (``training_v2`` or ``dev_v2``); group = topic."""
    rows = _read_tsv(data_dir / "clef2020_task1_tweets" / f"{name}.tsv")
    return [Item(r[3].strip(), int(r[5]), "clef2020_tweets", r[0]) for r in rows if len(r) >= 6]


def read_debate2020(data_dir: Path) -> list[Item]:
    """ClaimBuster's 100 sentences of a 2020 debate (held out whole)."""
    rows = _read_tsv(data_dir / "claimbuster" / "2020_debate.tsv")
    return [Item(r[2].strip().strip('"'), int(r[1]), "claimbuster_2020", "2020") for r in rows if len(r) >= 3]


def balanced(items: Sequence[Item], seed: int = BALANCE_SEED) -> tuple[Item, ...]:
    """All positives and as many negatives drawn without replacement, in the original order."""
    positives = [i for i, item in enumerate(items) if item.label == 1]
    negatives = np.array([i for i, item in enumerate(items) if item.label != 1])
    drawn = np.random.default_rng(seed).choice(negatives, size=min(len(positives), len(negatives)), replace=False)
    return tuple(items[i] for i in sorted([*positives, *drawn.tolist()]))


def task5_rows_of(debates: Sequence[Item], task5: Sequence[Item], margin: int = 25) -> set[int]:
    """Positions of CLEF 2020 task 5 rows that belong to the given CLEF 2019 debates.

    Each debate's long sentences (8+ words) found once in task 5 mark positions; the densest run
    of them (gaps under 200 rows), widened by ``margin``, is taken as that debate's stretch."""
    where: dict[str, list[int]] = defaultdict(list)
    for position, item in enumerate(task5):
        if len(item.text.split()) >= 8:
            where[norm_text(item.text)].append(position)
    by_group: dict[str, list[int]] = defaultdict(list)
    for item in debates:
        found = where.get(norm_text(item.text), [])
        if len(item.text.split()) >= 8 and len(found) == 1:
            by_group[item.group].append(found[0])
    taken: set[int] = set()
    for positions in by_group.values():
        run = _densest_run(sorted(positions))
        taken.update(range(max(0, run[0] - margin), run[-1] + margin + 1))
    return taken


def _densest_run(positions: list[int], gap: int = 200) -> list[int]:
    """The longest run of sorted positions whose neighbours are under ``gap`` apart."""
    runs, current = [], [positions[0]]
    for position in positions[1:]:
        if position - current[-1] < gap:
            current.append(position)
        else:
            runs.append(current)
            current = [position]
    runs.append(current)
    return max(runs, key=len)


def load_splits(data_dir: Optional[Path] = None) -> Splits:
    """Training and held-out items (see the module docstring for how they are cut)."""
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    claimbuster, clef = read_claimbuster(data_dir), read_clef2019(data_dir)
    task5, tweets = read_clef2020_debates(data_dir), read_tweets(data_dir, "training_v2")
    clef_dev = tuple(item for item in clef if item.group in CLEF_DEV_DEBATES)
    cb_dev = tuple(item for item in claimbuster if item.group == "dev")
    dev = {"claimbuster": balanced(cb_dev), "claimbuster_all": cb_dev, "claimbuster_2020": tuple(read_debate2020(data_dir)),
           "clef2019": clef_dev, "clef2020_tweets": tuple(read_tweets(data_dir, "dev_v2"))}
    held = {norm_text(item.text) for items in dev.values() for item in items if len(item.text.split()) >= MIN_COPY_WORDS}
    task5_dev = task5_rows_of(clef_dev, task5)
    raw = {"claimbuster": [item for item in claimbuster if item.group != "dev"],
           "clef2019": [item for item in clef if item.group not in CLEF_DEV_DEBATES],
           "clef2020_debates": [item for i, item in enumerate(task5) if i not in task5_dev],
           "clef2020_tweets": tweets}
    train = {name: tuple(item for item in items if norm_text(item.text) not in held) for name, items in raw.items()}
    notes = tuple(f"{name}: {len(raw[name]) - len(items)} training rows dropped as copies of held-out text"
                  for name, items in train.items()) + (f"clef2020_debates: {len(task5_dev)} rows in held-out debates' "
                                                       "stretches dropped",)
    return Splits(train, dev, notes)


def f1_positive(labels: Sequence[int], scores: Sequence[float], threshold: float = 0.5) -> dict[str, float]:
    """Precision, recall and F1 of the positive class, predicting positive at score >= threshold."""
    truth = np.asarray(labels) == 1
    predicted = np.asarray(scores, dtype=float) >= threshold
    hits = float(np.sum(truth & predicted))
    precision = hits / max(float(predicted.sum()), 1.0)
    recall = hits / max(float(truth.sum()), 1.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def average_precision(labels: Sequence[int], scores: Sequence[float]) -> float:
    """Mean of precision at each positive's rank, ranked by score (ties keep the input order)."""
    order = np.argsort(-np.asarray(scores, dtype=float), kind="stable")
    relevant = np.asarray(labels)[order] == 1
    if not relevant.any():
        return 0.0
    precision_at = np.cumsum(relevant) / np.arange(1, len(relevant) + 1)
    return float(precision_at[relevant].mean())


def mean_average_precision(items: Sequence[Item], scores: Sequence[float]) -> tuple[float, dict[str, float]]:
    """MAP over the items' groups (debates) and each group's average precision."""
    by_group: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        by_group[item.group].append(index)
    per = {group: round(average_precision([items[i].label for i in rows], [scores[i] for i in rows]), 4)
           for group, rows in sorted(by_group.items())}
    return round(float(np.mean(list(per.values()))), 4), per


def evaluate_scorer(scorer: Scorer, dev: dict[str, Sequence[Item]]) -> dict[str, Any]:
    """All held-out figures for one scorer (a function from sentences to scores)."""
    result: dict[str, Any] = {}
    started = time.perf_counter()
    scored = {name: list(scorer([item.text for item in items])) for name, items in dev.items()}
    seconds = time.perf_counter() - started
    for name in ("claimbuster", "claimbuster_all", "claimbuster_2020"):
        if name in dev:
            result[name] = f1_positive([item.label for item in dev[name]], scored[name])
    for name in ("clef2019", "clef2020_tweets"):
        if name in dev:
            overall, per = mean_average_precision(dev[name], scored[name])
            result[name] = {"map": overall, "ap_per_debate": per}
    total = sum(len(items) for items in dev.values())
    result["sentences_per_second"] = round(total / max(seconds, 1e-9))
    return result


def summary(result: dict[str, Any]) -> dict[str, Any]:
    """The two headline figures of one system's result."""
    return {"claimbuster_f1": result.get("claimbuster", {}).get("f1"),
            "clef2019_map": result.get("clef2019", {}).get("map")}


# --- logistic regression on sparse rows (numpy only) -----------------------------------------


@dataclass(frozen=True)
class Sparse:
    """A sparse matrix in coordinate form (duplicates add up)."""

    rows: np.ndarray
    columns: np.ndarray
    values: np.ndarray
    shape: tuple[int, int]

    def dot(self, weights: np.ndarray) -> np.ndarray:
        """Matrix times vector."""
        return np.bincount(self.rows, weights=self.values * weights[self.columns], minlength=self.shape[0])

    def tdot(self, vector: np.ndarray) -> np.ndarray:
        """Transpose times vector."""
        return np.bincount(self.columns, weights=self.values * vector[self.rows], minlength=self.shape[1])


def sparse_from_features(parts: Iterable[Features], dimension: int) -> Sparse:
    """Stack batches of hashed features into one matrix."""
    rows, columns, values, offset = [], [], [], 0
    for part in parts:
        rows.append((part.rows + offset).astype(np.int32))
        columns.append(part.columns.astype(np.int32))
        values.append(part.values.astype(np.float32))
        offset += part.count
    return Sparse(np.concatenate(rows), np.concatenate(columns), np.concatenate(values), (offset, dimension))


def balanced_weights(labels: np.ndarray) -> np.ndarray:
    """Per-item weights n / (2 n_class): both classes weigh the same, mean weight 1."""
    positives = max(int(labels.sum()), 1)
    negatives = max(len(labels) - positives, 1)
    return np.where(labels == 1, len(labels) / (2.0 * positives), len(labels) / (2.0 * negatives))


def _loss_and_gradient(params: np.ndarray, matrix: Sparse, labels: np.ndarray, weights: np.ndarray,
                       c: float) -> tuple[float, np.ndarray]:
    """Weighted logistic loss plus ||w||^2 / (2C) (bias not penalised), and its gradient."""
    w, bias = params[:-1], params[-1]
    z = matrix.dot(w) + bias
    signed = np.where(labels == 1, z, -z)
    loss = float(np.sum(weights * np.logaddexp(0.0, -signed))) + float(w @ w) / (2.0 * c)
    residual = weights * (0.5 * (1.0 + np.tanh(0.5 * z)) - labels)
    gradient = np.empty_like(params)
    gradient[:-1] = matrix.tdot(residual) + w / c
    gradient[-1] = residual.sum()
    return loss, gradient


def fit_logistic(matrix: Sparse, labels: Sequence[int], weights: Optional[np.ndarray] = None, c: float = 1.0,
                 max_iter: int = 400, tol: float = 1e-5, memory: int = 12) -> tuple[np.ndarray, float]:
    """L2 logistic regression by L-BFGS; returns (weights, bias). ``weights`` default to balanced."""
    y = np.asarray(labels, dtype=np.float64)
    sample = balanced_weights(y) if weights is None else np.asarray(weights, dtype=np.float64)
    params = np.zeros(matrix.shape[1] + 1)
    loss, gradient = _loss_and_gradient(params, matrix, y, sample, c)
    history: list[tuple[np.ndarray, np.ndarray, float]] = []
    scale = max(1.0, float(np.abs(gradient).max()))
    for _ in range(max_iter):
        direction = -_two_loop(gradient, history)
        step = 1.0 if history else 1.0 / scale
        slope = float(gradient @ direction)
        if slope >= 0:
            history.clear()
            direction, slope, step = -gradient, -float(gradient @ gradient), 1.0 / scale
        for _ in range(30):
            candidate = params + step * direction
            new_loss, new_gradient = _loss_and_gradient(candidate, matrix, y, sample, c)
            if new_loss <= loss + 1e-4 * step * slope:
                break
            step *= 0.5
        s, r = candidate - params, new_gradient - gradient
        if float(s @ r) > 1e-10:
            history.append((s, r, 1.0 / float(s @ r)))
            del history[:-memory]
        converged = abs(loss - new_loss) <= tol * max(abs(loss), 1.0)
        params, loss, gradient = candidate, new_loss, new_gradient
        if converged:
            break
    return params[:-1], float(params[-1])


def _two_loop(gradient: np.ndarray, history: list[tuple[np.ndarray, np.ndarray, float]]) -> np.ndarray:
    """L-BFGS two-loop recursion: approximate inverse Hessian times gradient."""
    q = gradient.copy()
    alphas = []
    for s, r, rho in reversed(history):
        alpha = rho * float(s @ q)
        alphas.append(alpha)
        q -= alpha * r
    if history:
        s, r, _rho = history[-1]
        q *= float(s @ r) / float(r @ r)
    for (s, r, rho), alpha in zip(history, reversed(alphas)):
        q += (alpha - rho * float(r @ q)) * s
    return q


# --- the TF-IDF + logistic regression baseline -----------------------------------------------

_BASELINE_TOKEN = re.compile(r"(?u)\b\w\w+\b")


@dataclass(frozen=True)
class TfidfBaseline:
    """Word-unigram TF-IDF (smooth idf, l2 rows) and a logistic regression on it."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    weights: np.ndarray
    bias: float

    def matrix(self, texts: Sequence[str]) -> Sparse:
        """TF-IDF rows of the texts (words outside the vocabulary dropped)."""
        return _tfidf_rows(texts, self.vocabulary, self.idf)

    def __call__(self, texts: Sequence[str]) -> list[float]:
        z = self.matrix(texts).dot(self.weights) + self.bias
        return (1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))).tolist()


def _tfidf_rows(texts: Sequence[str], vocabulary: dict[str, int], idf: np.ndarray) -> Sparse:
    """Raw counts times idf, each row scaled to unit length."""
    rows, columns, values = [], [], []
    for row, text in enumerate(texts):
        counts = Counter(vocabulary[t] for t in _BASELINE_TOKEN.findall(text.lower()) if t in vocabulary)
        weights = {column: count * idf[column] for column, count in counts.items()}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        for column, value in weights.items():
            rows.append(row)
            columns.append(column)
            values.append(value / norm)
    return Sparse(np.array(rows, dtype=np.int64), np.array(columns, dtype=np.int64), np.array(values),
                  (len(texts), len(vocabulary)))


def train_baseline(items: Sequence[Item], c: float = 1.0) -> TfidfBaseline:
    """Fit the baseline on training items (balanced class weights)."""
    documents = [set(_BASELINE_TOKEN.findall(item.text.lower())) for item in items]
    frequency = Counter(token for tokens in documents for token in tokens)
    vocabulary = {token: index for index, token in enumerate(sorted(frequency))}
    df = np.array([frequency[token] for token in sorted(frequency)], dtype=np.float64)
    idf = np.log((1.0 + len(items)) / (1.0 + df)) + 1.0
    matrix = _tfidf_rows([item.text for item in items], vocabulary, idf)
    weights, bias = fit_logistic(matrix, [item.label for item in items], c=c)
    return TfidfBaseline(vocabulary, idf, weights, bias)


def baseline_result(splits: Splits) -> dict[str, Any]:
    """The baseline trained per dataset (ClaimBuster for its sets, CLEF 2019 for CLEF, tweets for tweets)."""
    plan = {"claimbuster": ("claimbuster", "claimbuster_all", "claimbuster_2020"), "clef2019": ("clef2019",),
            "clef2020_tweets": ("clef2020_tweets",)}
    result: dict[str, Any] = {}
    for source, dev_names in plan.items():
        model = train_baseline(splits.train[source])
        result.update(evaluate_scorer(model, {name: splits.dev[name] for name in dev_names}))
    result.pop("sentences_per_second", None)
    return result


# --- the report -------------------------------------------------------------------------------


def model_scorer(model: CheckworthinessModel) -> Scorer:
    """A model's batch scorer."""
    return model.score_many


def checkworthiness_report(data_dir: Optional[Path] = None, model: Optional[CheckworthinessModel] = None,
                           with_baseline: bool = True) -> dict[str, Any]:
    """Held-out figures of the shipped model and the baseline."""
    splits = load_splits(data_dir)
    model = model or load_model()
    systems: dict[str, Any] = {"model": evaluate_scorer(model_scorer(model), splits.dev)}
    systems["tfidf_lr"] = baseline_result(splits) if with_baseline else NOT_MEASURED
    dev = {name: {"items": len(items), "positives": sum(item.label for item in items)}
           for name, items in splits.dev.items()}
    return {"data_dir": str(data_dir or default_data_dir()), "held_out": dev, "notes": list(splits.notes),
            "balancing": f"claimbuster: all held-out positives + equal number of held-out negatives drawn "
                         f"with numpy seed {BALANCE_SEED}; F1 at score >= 0.5",
            "summary": {name: summary(r) if isinstance(r, dict) else r for name, r in systems.items()},
            "systems": systems}


def _print_table(report: dict[str, Any]) -> None:
    """The report's headline figures, one line per system."""
    print(f"check-worthiness on held-out items of {report['data_dir']}")
    for name, info in report["held_out"].items():
        print(f"  {name}: {info['items']} items, {info['positives']} positive")
    print(f"{'system':<12} {'CB F1 (bal.)':>12} {'CB 2020 F1':>11} {'CLEF19 MAP':>11} {'tweets MAP':>11}")
    for name, result in report["systems"].items():
        if not isinstance(result, dict):
            print(f"{name:<12} {result}")
            continue
        print(f"{name:<12} {result['claimbuster']['f1']:>12.3f} {result['claimbuster_2020']['f1']:>11.3f} "
              f"{result['clef2019']['map']:>11.3f} {result['clef2020_tweets']['map']:>11.3f}")
    print(report["balancing"])


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Command line: print the table, or the whole report as JSON with --json."""
    parser = argparse.ArgumentParser(prog="python -m newsaudit.eval.checkworthiness", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="the checkworthiness data folder")
    parser.add_argument("--model", type=Path, default=None, help="a model file (default: the shipped one)")
    parser.add_argument("--no-baseline", action="store_true", help="skip training the TF-IDF baseline")
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    args = parser.parse_args(argv)
    data_dir = args.data or default_data_dir()
    if not data_dir.is_dir():
        print(f"missing: {data_dir} not found", file=sys.stderr)
        return 2
    model = load_model(args.model) if args.model else None
    report = checkworthiness_report(data_dir, model, with_baseline=not args.no_baseline)
    print(json.dumps(report, indent=2)) if args.json else _print_table(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())

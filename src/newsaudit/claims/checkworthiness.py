"""Check-worthiness: a trained linear model that scores how worth fact-checking a sentence is.

``load_model()`` reads the model shipped in ``newsaudit/data/checkworthiness.json`` once (later
calls return the same immutable, picklable object); ``model.score(sentence)`` gives a continuous
score in 0..1 and ``model.score_many(sentences)`` scores a batch. Call ``score_many`` once per
article: a batch costs about 0.5 ms plus 0.04 ms a sentence (15,000-25,000 sentences/s in
batches of 10-100, about 4,000/s one call per sentence), 2-3% of an audit of a typical
article. Scores are deterministic: features hash with CRC-32 and a fixed 64-bit mixer, never
Python's salted ``hash``. Only the standard library and numpy are needed at run time.

The model (variant ``cb-full-C3``; the file's ``metadata`` is the record)
    L2 logistic regression (C=3) over 2**18 signed hashed buckets: word uni- and bigrams with
    sentence-boundary markers and character 2-5-grams inside word boundaries, each group's
    occurrences scaled by 1/sqrt(count), plus 21 dense text cues (a figure, a four-digit
    number, a question, percent, money, scale words, first person singular and plural, second
    person, modal/promise words, opinion verbs, greetings, comparatives, named-entity-like
    capitals mid-sentence, sentence-length bands). Text is lower-cased and every digit read as 0
    before the n-grams are taken, so "700,000 jobs" and "300,000 jobs" share features. The bias
    is shifted by +0.65 (chosen by cross-validation on training data) so that 0.5 is the best
    cut on a balanced set. Weights are stored as float16 (base64), 0.7 MB.

Figures (held-out items of ``newsaudit.eval.checkworthiness``, never trained on)
    ClaimBuster positive-class F1 on a balanced set 0.872 (TF-IDF + LR baseline 0.826); CLEF
    2019 task 1 MAP over six held-out debates 0.252 (baseline 0.179); ClaimBuster 2020 debate
    F1 0.875 (0.840); CLEF 2020 COVID tweets MAP 0.577 (0.679 for a baseline trained on tweets:
    this model has seen none). Political speech is its domain, not news prose; it still rates
    most sentences that hold a figure as check-worthy, promises and greetings with numbers too.

How it was trained and chosen
    ``python scripts/train_checkworthiness.py`` from ``../shared/data/checkworthiness``, train
    splits only. Eighteen variants (features, C, hash size, which sources) were cross-validated
    on training data (ClaimBuster id blocks, CLEF 2019 training debates) and measured on the
    held-out items; the one that best meets both targets (F1 >= 0.85, MAP >= 0.17) ships.
    Pooling the CLEF 2019/2020 files into training lowered both figures, so the shipped model
    learned from ClaimBuster alone.

Training data and licences
    ClaimBuster (Arslan, Hassan, Li & Tremayne, "A Benchmark Dataset of Check-worthy Factual
    Claims", ICWSM 2020): the 2-class ``kfold_25ncs.csv``, 7,913 sentences (2,311 check-worthy)
    outside the held-out id blocks, as packaged in the ClaimBuster team's ``claimbuster-spotter``
    repository, which is released under the GNU GPL v3 (the CLEF CheckThat! files used for
    evaluation are the CLEF lab releases). Only numeric weights derived from the data ship with
    newsaudit, no sentence of it. Whether learned weights are a work based on GPL-licensed data
    is not settled; whoever redistributes newsaudit under its MIT licence should keep this note
    with the model file, and may retrain it from other data with the same script. Caveat: 533 of
    the 702 ids of ClaimBuster's held-back ``test.json`` also occur in ``kfold_25ncs.csv``, so a
    figure on that test set is optimistic for any model trained on the 2-class file.
"""

from __future__ import annotations

import base64
import functools
import json
import math
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence

import numpy as np

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "checkworthiness.json"
FORMAT = "newsaudit-checkworthiness/1"

_MIX1 = np.uint64(0xFF51AFD7ED558CCD)
_MIX2 = np.uint64(0xC4CEB9FE1A85EC53)
_CHAR_BASE = np.uint64(0x100000001B3)
_WORD_BASE = np.uint64(0x9E3779B97F4A7C15)
_SALTS = {"unigram": 0x1234567, "bigram": 0x7654321, "char": 0xABCDEF1}
_BOUNDARY = {"<s>": 0x5EED5EED, "</s>": 0xD0E5D0E5}

_DIGITS = str.maketrans("123456789", "000000000")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": " - ",
                         "\u2013": " - ", "\u00a0": " "})
TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?|[$%?!\u20ac\u00a3]")

# Dense cues: word sets looked up in the sentence's tokens (lower case, digits as 0).
_CUE_WORDS: tuple[tuple[str, frozenset[str]], ...] = tuple((name, frozenset(words.split())) for name, words in (
    ("percent", "% percent per cent percentage"),
    ("money", "$ \u20ac \u00a3 dollar dollars cents euros pounds budget tax taxes deficit debt"),
    ("scale", "hundred hundreds thousand thousands million millions billion billions trillion trillions"),
    ("first_singular", "i i'm i've i'll i'd me my mine myself"),
    ("first_plural", "we we're we've we'll we'd us our ours ourselves"),
    ("second_person", "you you're you've you'll your yours yourself"),
    ("modal", "will won't would shall gonna should must could might can promise plan pledge intend going"),
    ("opinion", "think believe feel hope wish guess love want opinion"),
    ("greeting", "thank thanks hello welcome congratulations applause evening morning"),
    ("comparative", "more less fewer than most least increase increased decrease decreased rise rose fell "
                    "doubled tripled cut lowest highest largest biggest"),
))
_DIGIT = re.compile(r"\d")
_CAPITAL_MID = re.compile(r"(?<=[\w,;:] )[A-Z][\w'\-]*")


@dataclass(frozen=True)
class FeatureSpec:
    """How a sentence becomes hashed features; saved with the weights so both always agree."""

    bits: int = 18
    word_ngrams: tuple[int, int] = (1, 2)  # (0, 0) turns word n-grams off
    char_ngrams: tuple[int, int] = (2, 5)  # (0, 0) turns character n-grams off
    char_mode: str = "wb"  # "wb": n-grams inside word boundaries; "char": across words too
    dense: bool = True
    word_weight: float = 1.0
    char_weight: float = 1.0

    @property
    def dimension(self) -> int:
        """Hashed buckets plus the dense slots after them."""
        return (1 << self.bits) + (len(DENSE_NAMES) if self.dense else 0)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready settings."""
        return {"bits": self.bits, "word_ngrams": list(self.word_ngrams), "char_ngrams": list(self.char_ngrams),
                "char_mode": self.char_mode, "dense": self.dense, "word_weight": self.word_weight,
                "char_weight": self.char_weight}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "FeatureSpec":
        """Settings read back from :meth:`to_dict`."""
        return cls(bits=int(data["bits"]), word_ngrams=tuple(data["word_ngrams"]),
                   char_ngrams=tuple(data["char_ngrams"]), char_mode=str(data["char_mode"]),
                   dense=bool(data["dense"]), word_weight=float(data.get("word_weight", 1.0)),
                   char_weight=float(data.get("char_weight", 1.0)))


DENSE_NAMES: tuple[str, ...] = ("figure", "year", "question") + tuple(name for name, _ in _CUE_WORDS) + (
    "capitals", "capitals_share", "log_words", "words_lt5", "words_5_10", "words_10_20", "words_20_40", "words_ge40")


@dataclass(frozen=True)
class Features:
    """Sparse features of a batch in coordinate form: row (sentence), column, value."""

    rows: np.ndarray
    columns: np.ndarray
    values: np.ndarray
    count: int


def normalise(sentence: str) -> str:
    """Lower case, digits read as 0, typographic quotes and dashes made plain, spaces collapsed."""
    return " ".join(sentence.translate(_QUOTES).lower().translate(_DIGITS).split())


def featurize(sentences: Sequence[str], spec: FeatureSpec) -> Features:
    """Hashed word and character n-grams plus dense cues of every sentence."""
    texts = [normalise(sentence) for sentence in sentences]
    tokens = [TOKEN.findall(text) for text in texts]
    groups = [_word_features(tokens, spec)] if spec.word_ngrams[1] > 0 else []
    if spec.char_ngrams[1] > 0:
        groups.append(_char_features(texts, spec))
    parts = []
    if groups:  # one hashing pass over every group's keys
        keys, rows, scales = (np.concatenate(arrays) for arrays in zip(*groups))
        columns, signs = _buckets(keys, spec.bits)
        parts.append((rows, columns, signs * scales))
    if spec.dense:
        parts.append(_dense_features(sentences, tokens, spec))
    if not parts:
        return Features(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0), len(texts))
    rows, columns, values = (np.concatenate(arrays) for arrays in zip(*parts))
    return Features(rows, columns, values, len(texts))


def _mix(keys: np.ndarray) -> np.ndarray:
    """A 64-bit finaliser (xor-shift-multiply): spreads nearby keys over all bits."""
    keys = keys ^ (keys >> np.uint64(33))
    keys = keys * _MIX1
    keys = keys ^ (keys >> np.uint64(33))
    keys = keys * _MIX2
    return keys ^ (keys >> np.uint64(33))


def _buckets(keys: np.ndarray, bits: int) -> tuple[np.ndarray, np.ndarray]:
    """Bucket (top ``bits`` bits) and sign (lowest bit) of mixed keys."""
    mixed = _mix(keys)
    columns = (mixed >> np.uint64(64 - bits)).astype(np.int64)
    signs = np.where((mixed & np.uint64(1)) == 1, -1.0, 1.0)
    return columns, signs


@functools.lru_cache(maxsize=1 << 16)
def _token_key(token: str) -> int:
    """A stable 32-bit key for one token."""
    return _BOUNDARY.get(token) or zlib.crc32(token.encode("utf-8"))


def _word_features(tokens: Sequence[list[str]], spec: FeatureSpec) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Word n-grams for n in spec.word_ngrams (1..3), with <s> and </s> around each sentence:
    (keys, rows, scales) before hashing."""
    keys: list[int] = []
    owners: list[int] = []
    for row, words in enumerate(tokens):
        keys.append(_BOUNDARY["<s>"])
        keys.extend([_token_key(token) for token in words])
        keys.append(_BOUNDARY["</s>"])
        owners.extend([row] * (len(words) + 2))
    key_array = np.array(keys, dtype=np.uint64)
    owner_array = np.array(owners, dtype=np.int64)
    low, high = spec.word_ngrams
    found_keys, found_rows = [], []
    if low <= 1 <= high:
        inner = (key_array != _BOUNDARY["<s>"]) & (key_array != _BOUNDARY["</s>"])
        found_keys.append(key_array[inner] + np.uint64(_SALTS["unigram"]))
        found_rows.append(owner_array[inner])
    rolling = key_array
    for n in range(2, high + 1):
        if len(key_array) < n:
            break
        rolling = rolling[:-1] * _WORD_BASE + key_array[n - 1:]
        if n < low:
            continue
        same = owner_array[: len(rolling)] == owner_array[n - 1:]
        found_keys.append(rolling[same] + np.uint64(_SALTS["bigram"] + n))
        found_rows.append(owner_array[: len(rolling)][same])
    return _scaled(np.concatenate(found_keys), np.concatenate(found_rows), len(tokens), spec.word_weight)


def _char_features(texts: Sequence[str], spec: FeatureSpec) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Character n-grams of " text " per sentence; in "wb" mode no n-gram spans a space inside:
    (keys, rows, scales) before hashing."""
    joined = "\x00".join(f" {text} " for text in texts)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    separator = codes == 0
    space = codes == ord(" ")
    owner = np.repeat(np.arange(len(texts)), [len(text) + 3 for text in texts])[: len(codes)]
    sep_before = np.concatenate([[0], np.cumsum(separator)]) if len(texts) > 1 else None
    space_before = np.concatenate([[0], np.cumsum(space)])
    size = len(codes)
    low, high = spec.char_ngrams
    keys_out, rows_out = [], []
    rolling = codes
    for n in range(1, high + 1):
        if n > 1:
            rolling = rolling[:-1] * _CHAR_BASE + codes[n - 1:]
        if n < low:
            continue
        count = size - n + 1  # n-grams starting at 0 .. size - n
        if count <= 0:
            break
        valid = np.ones(count, dtype=bool) if sep_before is None else sep_before[n:] == sep_before[:count]
        if spec.char_mode == "wb" and n > 2:
            valid &= space_before[n - 1:size] == space_before[1:count + 1]
        keys_out.append(rolling[valid] + np.uint64(_SALTS["char"] + n))
        rows_out.append(owner[:count][valid])
    if not keys_out:  # every text shorter than the smallest n
        keys_out, rows_out = [np.zeros(0, dtype=np.uint64)], [np.zeros(0, dtype=np.int64)]
    return _scaled(np.concatenate(keys_out), np.concatenate(rows_out), len(texts), spec.char_weight)


def _scaled(keys: np.ndarray, rows: np.ndarray, count: int,
            weight: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Keys, rows and each occurrence's scale: weight / sqrt(occurrences of the group in its row)."""
    per_row = np.bincount(rows, minlength=count).astype(np.float64)
    scale = weight / np.sqrt(np.maximum(per_row, 1.0))
    return keys, rows, scale[rows]


def dense_cues(sentence: str, tokens: Optional[Sequence[str]] = None) -> list[float]:
    """The dense cue values of one sentence, in :data:`DENSE_NAMES` order."""
    tokens = TOKEN.findall(normalise(sentence)) if tokens is None else tokens
    present = frozenset(tokens)
    words = len(tokens)
    capitals = len(_CAPITAL_MID.findall(sentence))
    values = [float(_DIGIT.search(sentence) is not None), float("0000" in present),
              float(bool(tokens) and tokens[-1] == "?")]
    values += [float(not present.isdisjoint(cue)) for _name, cue in _CUE_WORDS]
    values += [min(capitals, 5) / 5.0, capitals / max(words, 1), math.log1p(words) / 4.0,
               float(words < 5), float(5 <= words < 10), float(10 <= words < 20), float(20 <= words < 40),
               float(words >= 40)]
    return values


def _dense_features(sentences: Sequence[str], tokens: Sequence[list[str]],
                    spec: FeatureSpec) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Dense cues in the slots after the hashed buckets."""
    width = len(DENSE_NAMES)
    cues = [dense_cues(sentence, words) for sentence, words in zip(sentences, tokens)]
    values = np.array(cues, dtype=np.float64).reshape(-1, width)
    rows = np.repeat(np.arange(len(sentences)), width)
    columns = np.tile(np.arange(width) + (1 << spec.bits), len(sentences))
    return rows, columns, values.ravel()


def _rebuild(spec: dict, weights: bytes, bias: float, metadata: str) -> "CheckworthinessModel":
    """Unpickle: rebuild through the constructor so the weights stay read-only."""
    return CheckworthinessModel(FeatureSpec.from_dict(spec), np.frombuffer(weights, dtype=np.float32), bias,
                                metadata)


@dataclass(frozen=True, eq=False)
class CheckworthinessModel:
    """A trained scorer: feature settings, one weight per feature, a bias and metadata (JSON text)."""

    spec: FeatureSpec
    weights: np.ndarray
    bias: float
    metadata_json: str = "{}"

    def __post_init__(self) -> None:
        weights = np.array(self.weights, dtype=np.float32)
        if weights.shape != (self.spec.dimension,):
            raise ValueError(f"expected {self.spec.dimension} weights, got {weights.shape}")
        weights.flags.writeable = False
        object.__setattr__(self, "weights", weights)

    def __reduce__(self) -> tuple:
        return _rebuild, (self.spec.to_dict(), self.weights.tobytes(), self.bias, self.metadata_json)

    @property
    def metadata(self) -> dict[str, Any]:
        """Training data, date, settings and figures (a fresh copy on each call)."""
        return json.loads(self.metadata_json)

    def decision(self, sentences: Sequence[str]) -> np.ndarray:
        """Raw linear scores (log-odds), one per sentence. Sentences are featurised in batches of
        about ``BATCH_CHARS`` characters: a sentence's score does not depend on its batch, and the
        feature arrays (a few dozen bytes per character) stay small at any article length."""
        sentences = list(sentences)
        if not sentences:
            return np.zeros(0)
        return np.concatenate([self._batch_decision(batch) for batch in _batches(sentences, BATCH_CHARS)])

    def _batch_decision(self, sentences: list[str]) -> np.ndarray:
        features = featurize(sentences, self.spec)
        contributions = features.values * self.weights[features.columns]
        if features.count == 1:
            return np.array([self.bias + contributions.sum()])
        return self.bias + np.bincount(features.rows, weights=contributions, minlength=features.count)

    def score_many(self, sentences: Iterable[str]) -> list[float]:
        """Scores in 0..1, one per sentence, in order."""
        logits = np.clip(self.decision(list(sentences)), -40.0, 40.0)
        return [float(value) for value in 1.0 / (1.0 + np.exp(-logits))]

    def score(self, sentence: str) -> float:
        """How check-worthy one sentence is, 0..1."""
        return self.score_many([sentence])[0]


BATCH_CHARS = 20_000


def _batches(sentences: list[str], most_chars: int) -> Iterator[list[str]]:
    """``sentences`` in order, cut into runs of at most ``most_chars`` characters (a longer sentence alone)."""
    batch: list[str] = []
    size = 0
    for sentence in sentences:
        if batch and size + len(sentence) > most_chars:
            yield batch
            batch, size = [], 0
        batch.append(sentence)
        size += len(sentence)
    yield batch


def model_to_dict(model: CheckworthinessModel) -> dict[str, Any]:
    """The JSON form of a model (weights as base64 float16)."""
    packed = base64.b64encode(model.weights.astype("<f2").tobytes()).decode("ascii")
    return {"format": FORMAT, "spec": model.spec.to_dict(), "bias": model.bias, "weights_f16": packed,
            "metadata": json.loads(model.metadata_json)}


def model_from_dict(data: dict[str, Any]) -> CheckworthinessModel:
    """A model from :func:`model_to_dict` output."""
    if data.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} model file")
    weights = np.frombuffer(base64.b64decode(data["weights_f16"]), dtype="<f2").astype(np.float32)
    return CheckworthinessModel(FeatureSpec.from_dict(data["spec"]), weights, float(data["bias"]),
                                json.dumps(data.get("metadata", {}), sort_keys=True))


@functools.lru_cache(maxsize=4)
def _load(path: str) -> CheckworthinessModel:
    """Read and decode one model file (cached per resolved path)."""
    return model_from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def load_model(path: Optional[Path | str] = None) -> CheckworthinessModel:
    """The model at ``path`` (default: the one shipped in the package), read once per path."""
    return _load(str(Path(path).resolve() if path is not None else MODEL_PATH))

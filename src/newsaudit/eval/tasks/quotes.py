"""Quotes and speakers on PolNeAR (``shared/data/polnear``, train and dev), beside a naive regex.

PolNeAR annotates every attribution of a political news article as Source / Cue / Content
spans (brat standoff; see its SOURCE.md). From them:

- a **direct quote** is a Content piece (each piece of a discontinuous span apart) in quotation
  marks: it opens with an opening mark, or the mark sits just before it, or it closes a quote
  opened in an earlier piece. Partial quotes inside a paraphrase ('called it a "disaster"') are
  not direct quotes: the attribution is indirect with a quoted phrase.
- an **indirect attribution** is any other attribution with a Source; the speech-cue subset keeps
  those whose cue is a verb of saying or "according to", what an extractor of reported speech
  aims at (PolNeAR also annotates beliefs and intentions: "he thinks", "she wants").

Figures, each for newsaudit (the quotes of the report, from ``claims.quotes``) and the baseline
on the same articles:

- direct-quote span P/R/F1, **overlap**: a predicted quote is right when it overlaps a gold quote,
  a gold quote is found when a prediction overlaps it; **exact**: the same after trimming marks,
  spaces and punctuation at both ends, the strings equal.
- **speaker accuracy**: over gold direct quotes with a Source that some prediction overlaps, the
  share whose speaker agrees with the Source: the predicted speaker mention overlaps the Source
  span, or the resolved name shares a capitalised word with it ("Donald Trump" for "Trump", for
  "Republican nominee Donald Trump"). The misses are counted by class (``miss_class``): no
  speaker found; a pronoun, description or named Source given another speaker; a Source span
  that holds only a cue word ("said", the annotators' Source and Cue swapped).
- indirect attribution P/R/F1 on the content span (overlap), and the speaker accuracy of matches.

One annotator's file per article (the first by name) where several annotated it.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

from ..metrics import Counts, Scores, counts_to_scores
from ..results import MISSING, SystemRow, TaskResult
from . import Task

POLNEAR = "polnear"
SPLITS = ("train", "dev")
OPENING = "“\""
CLOSING = "”\""
SPEECH_CUE = re.compile(r"\b(?:say|says|said|saying|tell|tells|told|telling|according|add|adds|added|state|states|"
                        r"stated|announce[sd]?|announcing|claim(?:s|ed)?|argue[sd]?|insist(?:s|ed)?|assert(?:s|ed)?|"
                        r"declare[sd]?|explain(?:s|ed)?|note[sd]?|write|writes|wrote|warn(?:s|ed)?|report(?:s|ed)?|"
                        r"recall(?:s|ed)?|acknowledge[sd]?|admit(?:s|ted)?|den(?:y|ies|ied)|promise[sd]?|"
                        r"suggest(?:s|ed)?|tweet(?:s|ed)?|ask(?:s|ed)?|repl(?:y|ies|ied)|respond(?:s|ed)?)\b", re.I)
PRONOUNS = frozenset("he she they it we i you his her their him them who".split())
NOT_NAME_WORDS = frozenset("The A An Mr Mrs Ms Dr Sen Rep Gov President Former Republican Democratic Democrat "
                           "Secretary Senator Governor Presidential Candidate Nominee".split())


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Gold:
    content: Span
    source: Optional[tuple[Span, ...]]  # None: no source annotated
    source_text: str
    cue_text: str


@dataclass
class Article:
    name: str
    split: str
    text: str
    direct: list[Gold] = field(default_factory=list)
    indirect: list[Gold] = field(default_factory=list)


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    speaker: Optional[str]
    speaker_span: Optional[Span]
    direct: bool


# --- reading the corpus ---------------------------------------------------------------------

def read_ann(text: str) -> tuple[dict[str, tuple[str, list[tuple[int, int]]]], list[dict[str, str]]]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, offsets = fields[1].partition(" ")
            try:
                pieces = [(int(a), int(b)) for a, b in (piece.split() for piece in offsets.split(";"))]
            except ValueError:
                continue
            spans[fields[0]] = (label, pieces)
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(part.split(":", 1) for part in fields[1].split() if ":" in part))
    return spans, events


def articles(data_dir: Path, split: str) -> Iterator[Article]:
    folder = data_dir / POLNEAR / split
    seen: set[str] = set()
    for ann in sorted((folder / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        text_file = folder / "text" / f"{name}.txt"
        if name in seen or not text_file.exists():
            continue
        seen.add(name)
        text = text_file.read_text(encoding="utf-8")
        article = Article(name, split, text)
        spans, events = read_ann(ann.read_text(encoding="utf-8"))
        for event in events:
            content = spans.get(event.get("Content", ""))
            if content is None:
                continue
            source = spans.get(event.get("Source", ""))
            cue = spans.get(event.get("Cue", ""))
            source_spans = tuple(Span(a, b) for a, b in source[1]) if source else None
            source_text = " ".join(text[a:b] for a, b in source[1]) if source else ""
            cue_text = " ".join(text[a:b] for a, b in cue[1]) if cue else ""
            direct_pieces = [piece for piece in content[1] if _in_quotation_marks(text, *piece)]
            for a, b in direct_pieces:
                a, b = trim(text, a, b)
                if b > a:
                    article.direct.append(Gold(Span(a, b), source_spans, source_text, cue_text))
            if not direct_pieces and source_spans is not None:
                a, b = content[1][0][0], content[1][-1][1]
                article.indirect.append(Gold(Span(a, b), source_spans, source_text, cue_text))
        yield article


def _in_quotation_marks(text: str, start: int, end: int) -> bool:
    piece = text[start:end].strip()
    if not piece:
        return False
    if piece[0] in OPENING or text[max(0, start - 2):start].strip()[-1:] in OPENING and text[max(0, start - 2):start].strip():
        return True
    # the end of a quote opened in an earlier piece: closes with a mark and opens none
    return piece.rstrip(".,;:!? ")[-1:] in CLOSING and not any(mark in piece[:-1] for mark in "“") \
        and piece.count('"') <= 1 and piece[:1].isupper()


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Without quotation marks, spaces and punctuation at either end."""
    strip = set(" \n\t" + OPENING + CLOSING + "‘’'.,;:!?—–-…")
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


# --- the two systems ------------------------------------------------------------------------

def newsaudit_quotes(nlp) -> Callable[[str], list[Predicted]]:
    from ...claims import parse
    from ...claims.quotes import find_people, find_quotes

    def run(text: str) -> list[Predicted]:
        doc = parse(text, nlp)
        people = find_people(text, doc)
        return [Predicted(q.start, q.end, q.speaker,
                          Span(q.speaker_start, q.speaker_end) if getattr(q, "speaker_start", None) is not None else None,
                          q.direct)
                for q in find_quotes(text, doc, people)]
    return run


BASE_NAME = r"(?:[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3}|he|she|they|He|She|They)"
BASE_VERB = r"(?:said|says|told|added|asked|wrote)"
BASE_QUOTE = re.compile(r"[“\"]([^“”\"\n]+)[”\"]?")
BASE_AFTER = re.compile(rf"\s*(?:{BASE_VERB}\s+(?P<a>{BASE_NAME})|(?P<b>{BASE_NAME})\s+{BASE_VERB})")
BASE_BEFORE = re.compile(rf"(?P<c>{BASE_NAME})\s+{BASE_VERB}[,:]?\s*$")
BASE_INDIRECT = re.compile(rf"(?P<s>{BASE_NAME})\s+(?:said|says|told\s+\w+)\s+(?:that\s+)?(?P<c>[^.\n“\"]+)"
                           rf"|(?P<c2>[^.\n“\"]+),?\s+according to\s+(?P<s2>{BASE_NAME})")


def baseline_quotes(text: str) -> list[Predicted]:
    """Every span in quotation marks; its speaker the name or pronoun of a 'said' right after it
    (either order) or right before it."""
    found = []
    for match in BASE_QUOTE.finditer(text):
        after = BASE_AFTER.match(text, match.end())
        before = BASE_BEFORE.search(text, max(0, match.start() - 80), match.start())
        speaker = None
        if after:
            group = "a" if after.group("a") else "b"
            speaker = (after.group(group), Span(after.start(group), after.end(group)))
        elif before:
            speaker = (before.group("c"), Span(before.start("c"), before.end("c")))
        found.append(Predicted(match.start(1), match.end(1), speaker[0] if speaker else None,
                               speaker[1] if speaker else None, True))
    for match in BASE_INDIRECT.finditer(text):
        group, source = ("c", "s") if match.group("c") else ("c2", "s2")
        found.append(Predicted(match.start(group), match.end(group), match.group(source),
                               Span(match.start(source), match.end(source)), False))
    return found


# --- scoring --------------------------------------------------------------------------------

@dataclass
class Tally:
    tp_pred: int = 0
    pred: int = 0
    found: int = 0
    gold: int = 0
    exact: int = 0
    with_source: int = 0
    speaker_right: int = 0
    named: int = 0  # gold sources that hold a name ("Trump", "Sen. Ted Cruz"), not a pronoun or a description
    named_right: int = 0  # ... whose name the predicted speaker carries
    seconds: float = 0.0
    misses: list[dict] = field(default_factory=list)
    wrong_by_class: dict[str, int] = field(default_factory=dict)  # speaker misses, see miss_class

    def overlap(self) -> dict:
        precision = self.tp_pred / self.pred if self.pred else None
        recall = self.found / self.gold if self.gold else None
        f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
        return {"precision": _round(precision), "recall": _round(recall), "f1": _round(f1),
                "predicted": self.pred, "gold": self.gold}

    def exact_scores(self) -> dict:
        scores = counts_to_scores(Counts(self.exact, self.pred - self.exact, self.gold - self.exact), self.gold)
        return {"precision": _round(scores.precision), "recall": _round(scores.recall), "f1": _round(scores.f1)}

    def speaker(self) -> Optional[float]:
        return _round(self.speaker_right / self.with_source) if self.with_source else None

    def named_speaker(self) -> Optional[float]:
        return _round(self.named_right / self.named) if self.named else None


def _round(value: Optional[float]) -> Optional[float]:
    return round(value, 3) if value is not None else None


def overlaps(a: Span | Predicted, b: Span | Predicted) -> bool:
    return a.start < b.end and b.start < a.end


def speaker_agrees(predicted: Predicted, gold: Gold) -> bool:
    if predicted.speaker_span is not None and gold.source and any(overlaps(predicted.speaker_span, s) for s in gold.source):
        return True
    return names_agree(predicted, gold)


def name_words(text: str) -> set[str]:
    return {w.removesuffix("’s").removesuffix("'s") for w in re.findall(r"[A-Z][\w’'-]+", text)
            if w not in NOT_NAME_WORDS} - {"He", "She", "They", "It", "We", "I", "His", "Her"}


def names_agree(predicted: Predicted, gold: Gold) -> bool:
    """The resolved speaker carries a name word of the gold Source (no credit for the span)."""
    return bool(predicted.speaker and name_words(gold.source_text) & name_words(predicted.speaker))


GOLD_PRONOUNS = frozenset("he she they it we i".split())
CUE_WORDS = re.compile(r"(?:says|said|say|told|tells|added|adds|asked|wrote|writes|explained|continued)", re.I)


def miss_class(predicted: Predicted, gold: Gold) -> str:
    """Why a speaker is wrong, by what the gold Source is and what was predicted: the Source
    span holds only a cue word (the annotation swapped Source and Cue); nothing was predicted;
    the Source is a pronoun, a description without a name ("the announcer"), or a name."""
    source = gold.source_text.strip()
    if CUE_WORDS.fullmatch(source):
        return "gold source is a cue word"
    if predicted.speaker is None and predicted.speaker_span is None:
        return "no speaker"
    if source.lower() in GOLD_PRONOUNS:
        return "pronoun source, another speaker"
    if not name_words(source):
        return "description source, another speaker"
    return "named source, another speaker"


def score(article: Article, predicted: Sequence[Predicted], direct: Tally, indirect: Tally, keep_misses: int) -> None:
    text = article.text
    for kind, golds, tally in (("direct", article.direct, direct), ("indirect", article.indirect, indirect)):
        preds = [p for p in predicted if p.direct == (kind == "direct")]
        tally.pred += len(preds)
        tally.gold += len(golds)
        tally.tp_pred += sum(1 for p in preds if any(overlaps(p, g.content) for g in golds))
        exact_golds = {trim(text, g.content.start, g.content.end) for g in golds}
        tally.exact += sum(1 for p in preds if trim(text, p.start, p.end) in exact_golds)
        for gold in golds:
            matches = [p for p in preds if overlaps(p, gold.content)]
            if matches:
                tally.found += 1
            elif len(tally.misses) < keep_misses and kind == "direct":
                tally.misses.append({"article": article.name, "missed": text[gold.content.start:gold.content.end][:160]})
            if matches and gold.source is not None:
                best = max(matches, key=lambda p: min(p.end, gold.content.end) - max(p.start, gold.content.start))
                tally.with_source += 1
                right = speaker_agrees(best, gold)
                tally.speaker_right += right
                if not right:
                    kind_of_miss = miss_class(best, gold)
                    tally.wrong_by_class[kind_of_miss] = tally.wrong_by_class.get(kind_of_miss, 0) + 1
                if name_words(gold.source_text):
                    tally.named += 1
                    tally.named_right += names_agree(best, gold)
                if not right and len(tally.misses) < keep_misses and kind == "direct":
                    tally.misses.append({"article": article.name, "quote": text[gold.content.start:gold.content.end][:80],
                                         "gold": gold.source_text, "said": best.speaker})


def speech_cue(gold: Gold) -> bool:
    return bool(SPEECH_CUE.search(gold.cue_text))


def run(data_dir: Path, limit: Optional[int]) -> list[TaskResult]:
    if not (data_dir / POLNEAR / "dev" / "attributions").is_dir():
        return [TaskResult("quotes", MISSING, note=f"PolNeAR is absent from {data_dir / POLNEAR}")]
    from ...reference.resources import Resources

    nlp = Resources().nlp
    systems = {"newsaudit": newsaudit_quotes(nlp), "naive regex": baseline_quotes}
    results = []
    for split in ("dev", "train"):
        items = list(articles(data_dir, split))[:limit] if limit else list(articles(data_dir, split))
        tallies = {name: (Tally(), Tally(), Tally()) for name in systems}
        for article in items:
            speech_only = Article(article.name, split, article.text, article.direct,
                                  [g for g in article.indirect if speech_cue(g)])
            for name, system in systems.items():
                began = time.perf_counter()
                predicted = system(article.text)
                direct, indirect, speech = tallies[name]
                direct.seconds += time.perf_counter() - began
                score(article, predicted, direct, indirect, keep_misses=40 if name == "newsaudit" else 0)
                score(speech_only, predicted, Tally(), speech, keep_misses=0)
        rows, detail = [], {}
        for name, (direct, indirect, speech) in tallies.items():
            overlap = direct.overlap()
            rows.append(SystemRow(name, len(items), Scores(
                overlap["precision"], overlap["recall"], overlap["f1"], len(items)), seconds=round(direct.seconds, 1),
                note=f"exact F1 {direct.exact_scores()['f1']}, speaker {direct.speaker()} "
                     f"(named sources: resolved name {direct.named_speaker()}), "
                     f"indirect F1 {indirect.overlap()['f1']} (speech cues {speech.overlap()['f1']})"))
            detail[name] = {"direct_overlap": overlap, "direct_exact": direct.exact_scores(),
                            "speaker_accuracy": direct.speaker(), "speaker_items": direct.with_source,
                            "speaker_misses_by_class": dict(sorted(direct.wrong_by_class.items(),
                                                                   key=lambda item: -item[1])),
                            "named_speaker_accuracy": direct.named_speaker(), "named_speaker_items": direct.named,
                            "indirect_overlap": indirect.overlap(), "indirect_speaker_accuracy": indirect.speaker(),
                            "indirect_speech_cues_overlap": speech.overlap(),
                            "indirect_speech_cues_speaker_accuracy": speech.speaker()}
            if direct.misses:
                detail[name]["direct_misses"] = direct.misses
        results.append(TaskResult(f"quotes (polnear {split})", "ok", tuple(rows),
                                  note="direct-quote span F1 by overlap; exact F1, speaker accuracy and indirect "
                                       "attribution F1 in the note", detail=detail))
    return results


TASK = Task("quotes", run, slow=False, description="direct and indirect quotes with speakers on PolNeAR train and dev")

"""The PolNeAR quotes task: gold reading, scoring and the missing dataset, on a corpus we write."""

from __future__ import annotations

from pathlib import Path

from newsaudit.eval.tasks import quotes as task

TEXT = ("The mayor spoke on Monday. \u201cThe bridge will open in May,\u201d said Ana Ruiz. "
        "She said the budget was fine. Critics called it a \u201cdisaster\u201d again.")


def _offsets(piece: str) -> tuple[int, int]:
    start = TEXT.index(piece)
    return start, start + len(piece)


def _write_corpus(root: Path) -> None:
    folder = root / "polnear" / "dev"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir(parents=True)
    (folder / "text" / "outlet_2016-01-01_bridge.txt").write_text(TEXT, encoding="utf-8")
    quote = _offsets("\u201cThe bridge will open in May,\u201d")
    source = _offsets("Ana Ruiz")
    cue = _offsets("said Ana")
    said = _offsets("the budget was fine")
    she = _offsets("She said")
    partial = _offsets("it a \u201cdisaster\u201d")
    critics = _offsets("Critics")
    lines = [
        f"T1\tContent {quote[0]} {quote[1]}\tx", f"T2\tSource {source[0]} {source[1]}\tAna Ruiz",
        f"T3\tCue {cue[0]} {cue[0] + 4}\tsaid", "E1\tAttribution:T2 Content:T1 Cue:T3 Source:T2",
        f"T4\tContent {said[0]} {said[1]}\tx", f"T5\tSource {she[0]} {she[0] + 3}\tShe",
        f"T6\tCue {she[0] + 4} {she[1]}\tsaid", "E2\tAttribution:T6 Content:T4 Cue:T6 Source:T5",
        f"T7\tContent {partial[0]} {partial[1]}\tx", f"T8\tSource {critics[0]} {critics[1]}\tCritics",
        "E3\tAttribution:T8 Content:T7 Source:T8",
    ]
    (folder / "attributions" / "outlet_2016-01-01_bridge_a1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_gold_direct_quotes_are_content_in_quotation_marks(tmp_path: Path):
    _write_corpus(tmp_path)
    (article,) = task.articles(tmp_path, "dev")
    assert [TEXT[g.content.start:g.content.end] for g in article.direct] == ["The bridge will open in May"]
    assert article.direct[0].source_text == "Ana Ruiz"
    indirect = sorted(TEXT[g.content.start:g.content.end] for g in article.indirect)
    assert indirect == ["it a \u201cdisaster\u201d", "the budget was fine"]  # a partial quote is indirect


def test_scores_of_a_system_that_gets_everything_right(tmp_path: Path):
    _write_corpus(tmp_path)
    (article,) = task.articles(tmp_path, "dev")
    quote, said = article.direct[0], next(g for g in article.indirect if g.source_text == "She")
    predicted = [task.Predicted(quote.content.start, quote.content.end, "Ana Ruiz", None, True),
                 task.Predicted(said.content.start, said.content.end, "Ana Ruiz", said.source[0], False)]
    direct, indirect = task.Tally(), task.Tally()
    task.score(article, predicted, direct, indirect, keep_misses=0)
    assert direct.overlap()["f1"] == 1.0 and direct.exact_scores()["f1"] == 1.0
    assert direct.speaker() == 1.0 and direct.named_speaker() == 1.0
    assert indirect.overlap()["precision"] == 1.0 and indirect.overlap()["recall"] == 0.5
    assert indirect.speaker() == 1.0  # the mention "She" is the gold source


def test_a_wrong_speaker_and_a_scare_quote_count_against(tmp_path: Path):
    _write_corpus(tmp_path)
    (article,) = task.articles(tmp_path, "dev")
    quote = article.direct[0]
    scare = _offsets("disaster")
    predicted = [task.Predicted(quote.content.start, quote.content.end, "The mayor", None, True),
                 task.Predicted(scare[0], scare[1], None, None, True)]
    direct = task.Tally()
    task.score(article, predicted, direct, task.Tally(), keep_misses=0)
    assert direct.overlap()["precision"] == 0.5 and direct.speaker() == 0.0


def test_the_baseline_reads_every_quoted_span():
    found = task.baseline_quotes(TEXT)
    assert {TEXT[p.start:p.end] for p in found if p.direct} == {"The bridge will open in May,", "disaster"}


def test_missing_dataset_is_missing_not_zero(tmp_path: Path):
    (result,) = task.run(tmp_path, None)
    assert result.status == "missing"


def test_speaker_misses_are_counted_by_class(tmp_path: Path):
    _write_corpus(tmp_path)
    (article,) = task.articles(tmp_path, "dev")
    quote = article.direct[0]
    for speaker, span, expected in ((None, None, "no speaker"), ("Luis Ortega", task.Span(0, 3), "named source, another speaker")):
        direct = task.Tally()
        task.score(article, [task.Predicted(quote.content.start, quote.content.end, speaker, span, True)],
                   direct, task.Tally(), keep_misses=0)
        assert direct.wrong_by_class == {expected: 1}

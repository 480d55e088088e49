"""Flattened articles that are one paragraph, open with a wire dateline or have no blank lines
are articles: their paragraphs are body, never captions. Fixtures are the project's own text."""

from __future__ import annotations

import pytest

from newsaudit.structure.text import classify_lines, parse_text, word_count

DROUGHT = ("After a record drought left reservoirs at a third of their capacity, the regional water board "
           "said on Tuesday it would limit garden watering to two evenings a week from next month. The board "
           "said farmers would be spared the first round of limits but warned that a second dry summer would "
           "force cuts for everyone, and it asked households to report leaking mains.")
TALKS = ("Russian Foreign Ministry spokeswoman said on Monday that the talks in the capital had ended without "
         "an agreement, adding that the delegations would meet again next week to discuss the draft text and "
         "that both sides had agreed to refrain from statements that could harm them.")


def body_words(text: str) -> int:
    return len(parse_text(text).text.split())


@pytest.mark.parametrize("opener", ["(CNN) -- ", "Moscow, SANA- ", "WASHINGTON (AP) \u2014 ", "LONDON, May 3 (Reuters) - "])
def test_a_wire_dateline_opening_a_one_paragraph_article_is_body(opener):
    text = opener + (DROUGHT if "CNN" in opener or "AP" in opener else TALKS)
    assert body_words(text) == len(text.split())


def test_a_one_line_article_quoting_its_pictures_credits_is_an_article_not_a_caption():
    text = ("Millbrook nurses vote to join a union. " + DROUGHT + " (Ann Lee / The Millbrook Courier) " + TALKS
            + " (Ann Lee / The Millbrook Courier)")
    labels = {line.label for line in classify_lines(text) if line.text}
    assert labels == {"body"}
    assert body_words(text) == len(text.split())


def test_a_short_page_of_captions_alone_keeps_its_paragraph_as_body():
    text = ("Nurses vote to join a union. A bus attendant wears a union T-shirt at a rally downtown on Friday. "
            "(Ann Lee / The Millbrook Courier) The mediation board chairman announced Friday that the school "
            "drivers approved the union. (Ann Lee / The Millbrook Courier)")
    assert body_words(text) > 20


def test_a_real_caption_with_its_credit_is_still_a_caption():
    text = ("Water limits ahead\n\n" + DROUGHT + "\n\nA farmer walks across a dry field near the reservoir on "
            "Monday. (Ann Lee / The Millbrook Courier)\n\n" + TALKS)
    [caption] = [line for line in classify_lines(text) if line.label == "caption"]
    assert caption.text.startswith("A farmer walks")
    assert parse_text(text).media[0].credit == "Ann Lee / The Millbrook Courier"


def test_a_page_without_blank_lines_is_read_line_by_line():
    lines = ["Water board limits garden watering", DROUGHT, "The limits start on the first of next month.",
             "Households that water on other days face a warning, then a fine.", TALKS]
    article = parse_text("\n".join(lines))
    assert article.headline == lines[0]
    assert len(article.text.split()) == sum(len(line.split()) for line in lines[1:])


def test_a_japanese_page_counts_its_words_and_ends_its_sentences():
    sentences = ["市議会は火曜日、図書館を改修のため閉鎖することを決めた。", "市長は工事がほぼ一年かかると述べた。",
                 "毎週閲覧室を使う住民には相談がなかったという。", "図書館の本は当面、近くの学校に移される。"]
    assert word_count(sentences[0]) >= 10
    assert {line.label for line in classify_lines("\n".join(sentences))} == {"body"}

"""Language identification: ISO 639-1 codes from py3langid, "und" only for short or mixed text.

The fixture sentences are the project's own, one short news paragraph per language.
"""

from __future__ import annotations

import pytest

from newsaudit.structure import language
from newsaudit.structure.language import detect_language, identify_language

ENGLISH = ("The council voted on Tuesday to close the library for repairs, and the mayor said "
           "the work would take most of the year. Residents who use it every week were not asked.")
PARAGRAPHS = {
    "it": ("Il consiglio comunale ha approvato martedì il progetto per la biblioteca, chiusa da due anni. "
           "Il sindaco ha detto che i lavori dureranno fino alla primavera e costeranno quattro milioni."),
    "es": ("El ayuntamiento aprobó el martes el cierre de la biblioteca para repararla, y la alcaldesa dijo "
           "que las obras durarán casi todo el año. Los vecinos que la usan cada semana no fueron consultados."),
    "pt": ("O governo anunciou ontem que a ponte será reaberta em março, depois de dois anos "
           "de obras que custaram mais do que o previsto para a cidade e para os moradores."),
    "de": ("Die Stadt hat am Dienstag beschlossen, die Bibliothek für Reparaturen zu schließen, "
           "und der Bürgermeister sagte, dass die Arbeiten das ganze Jahr dauern werden."),
    "fr": ("Le conseil municipal a voté mardi la fermeture de la bibliothèque pour travaux, et le maire a "
           "déclaré que le chantier durerait presque toute l'année."),
    "pl": ("Rada miasta zdecydowała we wtorek o zamknięciu biblioteki na czas remontu, a burmistrz powiedział, "
           "że prace potrwają prawie cały rok."),
    "ru": "Городской совет во вторник проголосовал за закрытие библиотеки на ремонт, который продлится почти год.",
    "zh": "市议会周二投票决定关闭图书馆进行维修，市长表示工程将持续大半年，每周使用阅览室的居民没有被征求意见。",
    "ja": "市議会は火曜日、図書館を改修のため閉鎖することを決めた。市長は工事がほぼ一年かかると述べた。",
}


def test_english_news_prose_is_english():
    assert detect_language(ENGLISH) == "en"


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_other_languages_get_their_iso_639_1_code(code):
    guess = identify_language(PARAGRAPHS[code])
    assert (guess.code, guess.method, guess.note) == (code, "py3langid", None)


def test_list_heavy_english_page_is_still_english():
    recipe = ("2 cups rice, 1 onion, chopped, 3 cloves garlic, salt and pepper to taste. "
              "Cook the rice for 20 minutes, then stir in the onion and the garlic.")
    assert detect_language(recipe) == "en"


def test_text_too_short_to_tell_is_und_with_a_note():
    guess = identify_language("Il sindaco: sì.")
    assert guess.code == "und" and "too few" in guess.note


def test_text_of_figures_only_is_und():
    guess = identify_language("\n".join(f"{n} | {n * 7} | {n * 13} | 2024-0{n % 9 + 1}-1{n % 9}" for n in range(40)))
    assert guess.code == "und"


def test_an_evenly_mixed_page_is_und_and_the_note_gives_the_shares():
    mixed = "\n".join([ENGLISH] * 4 + [PARAGRAPHS["de"]] * 4 + [PARAGRAPHS["es"]] * 4)
    guess = identify_language(mixed)
    assert guess.code == "und" and guess.note.startswith("language: mixed")
    assert {code for code, _ in guess.shares} >= {"en", "de", "es"}


def test_a_page_mostly_in_one_language_gets_it_and_a_note_on_the_other():
    page = "\n".join([PARAGRAPHS["it"]] * 8 + [ENGLISH] * 4)
    guess = identify_language(page)
    assert guess.code == "it" and "passages in en" in guess.note


def test_a_long_text_is_read_at_its_start_middle_and_end():
    english_middle = "\n".join([PARAGRAPHS["de"]] * 40 + [ENGLISH] * 40 + [PARAGRAPHS["de"]] * 40)
    guess = identify_language(english_middle)
    assert guess.code == "de" and dict(guess.shares).get("en", 0) > 0.2


def test_without_the_identifier_the_fallback_tells_english_and_says_so(monkeypatch):
    monkeypatch.setattr(language, "_identifier", lambda: None)
    english, italian = identify_language(ENGLISH), identify_language(PARAGRAPHS["it"])
    assert english.code == "en" and "not installed" in english.note
    assert italian.code == "und" and "pip install py3langid" in italian.note
    assert identify_language(PARAGRAPHS["ru"]).code == "ru"

"""The language guard: English bodies pass; other languages are named and refused upstream."""

from __future__ import annotations

from newsaudit.structure.language import detect_language


def test_english_news_prose_is_english():
    text = ("The council voted on Tuesday to close the library for repairs, and the mayor said "
            "the work would take most of the year. Residents who use it every week were not asked.")
    assert detect_language(text) == "en"


def test_romance_and_germanic_prose_is_not_english():
    portuguese = ("O governo anunciou ontem que a ponte será reaberta em março, depois de dois anos "
                  "de obras que custaram mais do que o previsto para a cidade e para os moradores.")
    german = ("Die Stadt hat am Dienstag beschlossen, die Bibliothek für Reparaturen zu schließen, "
              "und der Bürgermeister sagte, dass die Arbeiten das ganze Jahr dauern werden.")
    assert detect_language(portuguese) == "und"
    assert detect_language(german) == "und"


def test_cyrillic_and_cjk_are_named_by_script():
    assert detect_language("Городской совет во вторник проголосовал за закрытие библиотеки.") == "ru"
    assert detect_language("市议会周二投票决定关闭图书馆进行维修。") == "zh"


def test_list_heavy_english_page_is_still_english():
    recipe = ("2 cups rice, 1 onion, chopped, 3 cloves garlic, salt and pepper to taste. "
              "Cook the rice for 20 minutes, then stir in the onion and the garlic.")
    assert detect_language(recipe) == "en"

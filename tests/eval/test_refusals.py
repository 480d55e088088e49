"""The refusals and site-reputation eval task on tiny data folders of our own."""

from __future__ import annotations

import json
from pathlib import Path

from newsaudit.eval.tasks import discover
from newsaudit.eval.tasks.refusals import TASK, run

ENGLISH = ("The county board met on Tuesday evening to discuss the library budget for the coming year. "
           "Members heard from residents who asked for longer opening hours at the branch on Elm Street. "
           "The library director said the branch served more readers than it had a decade earlier.")
SPANISH = ("El ayuntamiento aprobó el martes el cierre de la biblioteca para repararla, y la alcaldesa dijo "
           "que las obras durarán casi todo el año. Los vecinos que la usan cada semana no fueron consultados.")


def write_data(root: Path) -> Path:
    geo = root / "geoparsing"
    geo.mkdir(parents=True)
    articles = [("1", "Library budget", ENGLISH, "http://abcnews.com.co/library"),
                ("2", "Biblioteca", SPANISH, "https://www.nytimes.com/2020/01/01/biblioteca.html"),
                ("3", "Short", "Too short.", "https://www.example.org/short")]
    xml = "".join(f'<article docid="{docid}"><title>{title}</title><url>{url}</url><text>{text}</text></article>'
                  for docid, title, text, url in articles)
    (geo / "lgl.xml").write_text(f"<articles>{xml}</articles>", encoding="utf-8")
    wiki = root / "wikiwars_ua_timex" / "keyinline"
    wiki.mkdir(parents=True)
    (wiki / "01_Test.key.xml").write_text(
        "<DOC><DOCID>01</DOCID><TEXT>Міська рада у вівторок проголосувала за закриття бібліотеки на ремонт, "
        "який триватиме <TIMEX3 tid=\"t1\" type=\"DURATION\" value=\"P1Y\">майже рік</TIMEX3>. Мешканці, які "
        "щотижня користуються читальною залою, кажуть, що їх ніхто не питав.</TEXT></DOC>", encoding="utf-8")
    return root


def test_the_task_is_registered():
    assert TASK in discover() and TASK.name == "refusals"


def test_refusals_per_dataset_any_language_beside_english_only(tmp_path):
    refusals, reputation = run(write_data(tmp_path), None)
    assert refusals.status == "ok"
    lgl = refusals.detail["geoparsing/lgl"]
    assert lgl["newsaudit (any language)"]["refused"] == 1  # only the text too short to be an article
    assert lgl["newsaudit (any language)"]["languages"] == {"en": 1, "es": 1}
    assert lgl["newsaudit (English only, former default)"]["refusals_by_code"] == {
        "input.no_article": 1, "input.language": 1}
    wiki = refusals.detail["wikiwars_ua_timex"]
    assert wiki["newsaudit (any language)"]["languages"] == {"uk": 1}
    rows = {row.system: row for row in refusals.rows}
    assert "refused 1/3" in rows["geoparsing/lgl: newsaudit (any language)"].note
    json.dumps(refusals.detail)  # the detail is plain data


def test_reputation_lists_which_codes_fire_on_which_domains(tmp_path):
    _refusals, reputation = run(write_data(tmp_path), None)
    [bundled] = [row for row in reputation.rows if row.system.startswith("newsaudit (bundled")]
    assert bundled.items == 3
    assert reputation.detail[bundled.system] == {"site.unreliable_list": {"medium abcnews.com.co": 1}}


def test_a_folder_without_articles_is_missing_not_zero(tmp_path):
    results = run(tmp_path, None)
    assert [result.status for result in results] == ["missing", "missing"]

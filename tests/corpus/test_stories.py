"""Story links and corroboration across articles, on a corpus written for the tests.

``tests/fixtures/corpus/articles.json``: five stories (a ferry disaster, a rate decision, an
earthquake, a strike, a wildfire) each told by three outlets (the wildfire by four, one of them
the next day), with planted disagreements (224 against 216 dead, a quote given to two speakers,
a decision dated a day apart, 3,400 against 4,300 workers, about 2,500 against 1,900 evacuated),
planted agreements within rounding (about 12,000 against 11,850 hectares), and unrelated
articles on the same days that share places, figures or words with them (a council vote in the
wildfire's town).
"""

from __future__ import annotations

import itertools
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

import newsaudit
from newsaudit import codes
from newsaudit.corpus.corroborate import corroborate, corroborate_one
from newsaudit.corpus.stories import Sketch, link_stories

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "articles.json"


@pytest.fixture(scope="module")
def corpus():
    articles = json.loads(CORPUS.read_text(encoding="utf-8"))["articles"]
    reports = [newsaudit.audit(a["text"], url=a["url"], published=a["published"]) for a in articles]
    return articles, reports


def story_of(corpus) -> dict[str, str | None]:
    articles, reports = corpus
    return {r.input.article_id: a["story"] for a, r in zip(articles, reports)}


def outlet_of(corpus) -> dict[str, str]:
    articles, reports = corpus
    return {r.input.article_id: a["outlet"] for a, r in zip(articles, reports)}


def test_articles_on_one_story_are_linked_and_nothing_else(corpus):
    stories = story_of(corpus)
    linked = {(l.article_id, l.other_article_id) for l in link_stories(corpus[1])}
    expected = {(a, b) for a, b in itertools.permutations(stories, 2) if stories[a] and stories[a] == stories[b]}
    assert linked == expected  # every same-story pair, both directions; no unrelated article, no other story


def findings_by(corpus) -> dict[tuple[str | None, str], list]:
    found = corroborate(corpus[1], link_stories(corpus[1]))
    stories, outlets = story_of(corpus), outlet_of(corpus)
    return {(stories[a], outlets[a]): f for a, f in found.items()}


def contradictions(findings: list) -> list:
    return [f for f in findings if f.code == codes.CLAIM_CONTRADICTED_ELSEWHERE]


def test_a_death_toll_that_differs_beyond_rounding_is_contradicted_elsewhere(corpus):
    found = findings_by(corpus)
    gazette = contradictions(found[("ferry", "Harbor Gazette")])
    toll = next(f for f in gazette if "216" in f.message)
    assert toll.severity == "medium" and "Daily Meridian" in toll.message
    own, theirs = toll.evidence
    assert own.where == "body" and own.text == "224 passengers"
    assert theirs.where == "corpus" and theirs.text.startswith("Daily Meridian:") and "216" in theirs.text
    assert toll.refs[0].source.startswith("article:")
    agreeing = [f for f in found[("ferry", "Coastal Courier")] if f.code == codes.CLAIM_CORROBORATED]
    assert any("224" in f.message and "Harbor Gazette" in f.message for f in agreeing)


def test_a_quote_given_to_another_speaker_is_contradicted_elsewhere(corpus):
    meridian = contradictions(findings_by(corpus)[("ferry", "Daily Meridian")])
    assert any("Elena Brusca here and by Tomas Ferrante there" in f.message for f in meridian)


def test_an_event_given_another_date_is_contradicted_elsewhere(corpus):
    meridian = contradictions(findings_by(corpus)[("rates", "Daily Meridian")])
    assert any("2025-03-10" in f.message and "2025-03-11" in f.message for f in meridian)
    assert not [f for f in contradictions(findings_by(corpus)[("rates", "Harbor Gazette")]) if "percent" in f.message]


def test_a_story_told_alike_everywhere_is_only_corroborated(corpus):
    for outlet in ("Harbor Gazette", "Coastal Courier", "Daily Meridian"):
        found = findings_by(corpus)[("quake", outlet)]
        assert found and not contradictions(found)
        assert any(f.code == codes.CLAIM_CORROBORATED and "38" in f.message for f in found)


def test_hedged_figures_far_apart_disagree(corpus):
    found = contradictions(findings_by(corpus)[("strike", "Harbor Gazette")])  # "about 3,400" against "some 4,300"
    assert any("3,400" in f.message and "4,300" in f.message for f in found)


def test_pairwise_f1_on_the_fixture_corpus_is_one(corpus):
    stories = story_of(corpus)
    found = {(l.article_id, l.other_article_id) for l in link_stories(corpus[1]) if l.article_id < l.other_article_id}
    truth = {(a, b) for a, b in itertools.combinations(sorted(stories), 2) if stories[a] and stories[a] == stories[b]}
    assert len(truth) == 4 * 3 + 6
    hits = len(found & truth)
    assert hits / len(found) == 1.0 and hits / len(truth) == 1.0


def test_figures_within_rounding_agree_and_beyond_it_disagree(corpus):
    found = findings_by(corpus)
    courier = found[("wildfire", "Coastal Courier")]
    area = next(f for f in courier if f.code == codes.CLAIM_CORROBORATED and "11,850 hectares" in f.message)
    assert {"Harbor Gazette", "Daily Meridian"} <= set(area.message.split("(")[-1].rstrip(").").split(", "))
    evacuated = [f for f in contradictions(courier) if "residents" in f.message]
    assert len(evacuated) == 1 and "1,900" in evacuated[0].message and "2,500" in evacuated[0].message
    assert not [f for f in contradictions(courier) if "hectares" in f.message]


def test_an_article_of_the_next_day_is_linked_but_its_figures_are_not_disputed(corpus):
    stories, outlets = story_of(corpus), outlet_of(corpus)
    post = next(a for a in stories if stories[a] == "wildfire" and outlets[a] == "Northern Post")
    linked = {outlets[l.other_article_id] for l in link_stories(corpus[1]) if l.article_id == post}
    assert linked == {"Harbor Gazette", "Coastal Courier", "Daily Meridian"}
    assert not contradictions(findings_by(corpus).get(("wildfire", "Northern Post"), []))


def test_unrelated_articles_get_no_corroboration(corpus):
    found = findings_by(corpus)
    assert not [key for key in found if key[0] is None]


def test_figures_of_different_days_are_updates_not_contradictions(corpus):
    articles, reports = corpus
    ferry = [r for a, r in zip(articles, reports) if a["story"] == "ferry"]
    next_day = newsaudit.audit(articles[2]["text"], url=articles[2]["url"], published="2025-04-15")
    found = corroborate_one(ferry[0], [ferry[1], next_day])
    assert not [f for f in contradictions(found) if "216" in f.message]
    assert [f for f in found if f.code == codes.CLAIM_CORROBORATED and "224" in f.message]


def test_blocking_keeps_linking_near_linear_and_drops_features_common_that_day():
    start = date(2025, 1, 1)
    sketches = []
    for story in range(300):  # 300 stories of 3 articles, on 60 days, all sharing one common word
        day = start + timedelta(days=story % 60)
        for outlet in range(3):
            features = {f"n:place{story}", f"n:person{story}", f"f:{1000 + story}", f"w:event{story}",
                        "w:common", f"w:noise{story}x{outlet}"}
            sketches.append(Sketch(f"{story:04d}-{outlet}", day, f"outlet{outlet}", frozenset(features)))
    links = link_stories(sketches)
    assert len(links) == 300 * 6 and all(l.article_id[:4] == l.other_article_id[:4] for l in links)


def test_the_store_gets_story_links_and_corpus_findings(corpus):
    duckdb = pytest.importorskip("duckdb")
    from newsaudit.corpus.store import link_store

    connection = duckdb.connect(":memory:")
    connection.execute("CREATE TABLE articles (article_id VARCHAR PRIMARY KEY, outlet VARCHAR, report JSON)")
    connection.executemany("INSERT INTO articles VALUES (?, ?, ?)",
                           [(r.input.article_id, r.article.outlet, r.to_json()) for r in corpus[1]])
    summary = link_store(connection)
    assert summary.articles == 21 and summary.links == 18 and summary.findings > 0
    pairs = connection.execute("SELECT count(*) FROM story_links").fetchone()[0]
    assert pairs == 36
    row = connection.execute("SELECT code, evidence->>'$[1].where' FROM corpus_findings "
                             "WHERE code = 'claim.contradicted_elsewhere' LIMIT 1").fetchone()
    assert row == ("claim.contradicted_elsewhere", "corpus")
    assert link_store(connection) == summary  # a rerun rewrites the tables, it does not add to them


def test_one_new_article_is_set_beside_the_store(corpus):
    duckdb = pytest.importorskip("duckdb")
    from newsaudit.corpus.store import corroborate_with_store

    articles, reports = corpus
    connection = duckdb.connect(":memory:")
    connection.execute("CREATE TABLE articles (article_id VARCHAR PRIMARY KEY, published_date DATE, report JSON)")
    stored = [(r.input.article_id, a["published"], r.to_json()) for a, r in zip(articles, reports) if a["outlet"] != "Daily Meridian"]
    connection.executemany("INSERT INTO articles VALUES (?, ?, ?)", stored)
    meridian_ferry = next(r for a, r in zip(articles, reports) if a["story"] == "ferry" and a["outlet"] == "Daily Meridian")
    found = corroborate_with_store(connection, meridian_ferry)
    assert {f.code for f in found} == {codes.CLAIM_CONTRADICTED_ELSEWHERE}
    assert {ref.detail.split(",")[0] for f in found for ref in f.refs} == {"Harbor Gazette", "Coastal Courier"}


def test_a_batch_run_with_link_links_its_store(tmp_path):
    pytest.importorskip("duckdb")
    import duckdb

    from newsaudit.batch.run import run_batch

    articles = json.loads(CORPUS.read_text(encoding="utf-8"))["articles"]
    chosen = [a for a in articles if a["story"] == "ferry" or (a["story"] is None and a["published"] == "2025-04-14")]
    records = tmp_path / "crawl.jsonl"
    records.write_text("".join(json.dumps({"text": a["text"], "url": a["url"], "published": a["published"]}) + "\n"
                               for a in chosen), encoding="utf-8")
    summary = run_batch([str(records)], tmp_path / "corpus.duckdb", link=True)
    assert summary.audited == 4 and summary.story_links == 3 and "3 story links" in summary.line()
    connection = duckdb.connect(str(tmp_path / "corpus.duckdb"))
    codes_found = {row[0] for row in connection.execute("SELECT code FROM corpus_findings").fetchall()}
    assert codes.CLAIM_CONTRADICTED_ELSEWHERE in codes_found


def test_a_second_batch_links_only_its_new_articles_and_updates_the_old_ones(tmp_path):
    """``--link-stories=new``: the articles a run adds are linked against the stored articles of
    their days; the findings of the stored articles they link to are rewritten too, and the
    result is the whole-store pass's."""
    pytest.importorskip("duckdb")
    import duckdb

    from newsaudit.batch.run import run_batch
    from newsaudit.corpus.store import link_store

    articles = json.loads(CORPUS.read_text(encoding="utf-8"))["articles"]
    ferry_day = [a for a in articles if a["published"] == "2025-04-14"]
    first = [a for a in ferry_day if a["outlet"] != "Daily Meridian"]
    second = [a for a in ferry_day if a["outlet"] == "Daily Meridian"]
    assert len(first) == 3 and len(second) == 1  # two ferry articles and an unrelated one; then the third
    store = tmp_path / "corpus.duckdb"
    for number, chosen in enumerate((first, second)):
        records = tmp_path / f"crawl{number}.jsonl"
        records.write_text("".join(json.dumps({"text": a["text"], "url": a["url"], "published": a["published"]})
                                   + "\n" for a in chosen), encoding="utf-8")
        summary = run_batch([str(records)], store, link="new")
        assert summary.story_links == number + 1  # 1 pair, then the 2 pairs the new article makes
    connection = duckdb.connect(str(store))
    as_it_went = connection.execute("SELECT article_id, other_article_id FROM story_links ORDER BY ALL").fetchall()
    findings = connection.execute("SELECT article_id, code, message FROM corpus_findings ORDER BY ALL").fetchall()
    gazette = connection.execute("SELECT article_id FROM articles WHERE url LIKE '%harborgazette%/news/1'").fetchone()[0]
    assert any(a == gazette and code == codes.CLAIM_CONTRADICTED_ELSEWHERE and "216" in message
               for a, code, message in findings)  # a stored article learns of the new one's figure
    link_store(connection)
    assert connection.execute("SELECT article_id, other_article_id FROM story_links ORDER BY ALL").fetchall() == as_it_went
    assert connection.execute("SELECT article_id, code, message FROM corpus_findings ORDER BY ALL").fetchall() == findings

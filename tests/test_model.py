"""The report serializes losslessly: JSON out, the same typed report back."""

from __future__ import annotations

import json

from newsaudit.scoring import score
from newsaudit.model import (
    Article, Claim, Evidence, Finding, InputInfo, Media, Place, Quantity, Quote, Ref, Report, Scores,
    Section, Speaker, TimeRef, Tool,
)


def _sample_report() -> Report:
    text = "Officials said 1,200 homes flooded in Lyon on March 3."
    article = Article(
        outlet="The Example Post", domain="example.org", url="https://example.org/a", headline="Floods",
        byline=None, published="2025-03-05", published_source="inferred", text=text,
        sections=(Section(None, 0, len(text)),), media=(Media("A street.", None, "AP", "2025-03-03"),),
        boilerplate=("Share this:",), published_note="inferred from March 3",
    )
    claim = Claim(
        id="c1", text=text, start=0, end=len(text), checkworthy=0.8, speaker=Speaker("Officials"),
        source=None,
        quantities=(Quantity("1,200 homes", 1200.0, None, None, "homes", False, 15, 26),),
        times=(TimeRef("March 3", "2025-03-03", "2025-03-03", 45, 52),),
        places=(Place("Lyon", "Lyon", "FR", 45.75, 4.85, 2996944, 38, 42),),
    )
    finding = Finding("media.stale", "low", "A picture is old.", (Evidence("A street.", "media[0]"),),
                      (Ref("caption date", "2025-03-03"),))
    return Report(
        tool=Tool("newsaudit", "0"), input=InputInfo("-", "text", "0" * 64), article=article,
        claims=(claim,), quotes=(Quote("x", "Officials", "said", True, 0, 1),), findings=(finding,),
        scores=Scores(90.0, 100.0), notes=("a note",),
    )


def test_report_round_trips_through_json_unchanged():
    report = _sample_report()
    again = Report.from_json(report.to_json())
    assert again == report
    assert json.loads(again.to_json()) == json.loads(report.to_json())


def test_report_json_has_the_contract_fields_in_order():
    data = _sample_report().to_dict()
    assert {"schema_version", "tool", "input", "article", "claims", "quotes", "findings", "scores"} <= set(data)
    assert data["claims"][0]["quantities"][0]["value"] == 1200.0


def test_scores_lose_points_by_severity_and_cap_unsourced_claims():
    findings = [Finding("outlet.impersonation", "high", "m"), Finding("media.stale", "low", "m")]
    findings += [Finding("claim.unsourced", "low", "m")] * 10
    findings += [Finding("number.inconsistent", "medium", "m")]
    scores = score(findings)
    assert scores.provenance == 100 - 40 - 5
    assert scores.consistency == 100 - 15 - 10
    assert score([]).provenance == 100 and score([Finding("outlet.impersonation", "high", "m")] * 5).provenance == 0


def test_article_id_is_the_same_for_the_same_article_however_it_came():
    import newsaudit
    from newsaudit.model import article_id

    text = "Harbour Gazette\n\nFerry fares rise\n\n" + "The ferry company raised fares on Monday, officials said. " * 5
    as_string = newsaudit.audit(text, stages=newsaudit.STAGES[:1]).input.article_id
    as_crlf_bytes = newsaudit.audit(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"),
                                    stages=newsaudit.STAGES[:1]).input.article_id
    assert as_string == as_crlf_bytes == article_id(text) and len(as_string) == 32
    assert article_id(text, "https://example.org/a") != article_id(text)
    assert article_id(text, "HTTPS://Example.org/a#top") == article_id(text, "https://example.org/a")
    assert article_id(text + " More.") != article_id(text)

"""Sources and people: disputes, conflicting roles, unattributed figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.checks import sources
from newsaudit.text.sentences import sentences
from newsaudit.model import Article, Claim, InputInfo, Quantity, Report, Tool
from newsaudit.reference.resources import Resources

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def make_report(text: str, claims: tuple[Claim, ...] = ()) -> Report:
    article = Article(None, None, None, None, None, "2025-05-01", "metadata", text)
    return Report(Tool("newsaudit", "test"), InputInfo("-", "text", "0"), article, claims=claims)


def sentence_claims(text: str, checkworthy: float = 0.7, with_figure: bool = True) -> tuple[Claim, ...]:
    """One claim per sentence, each holding a count when the sentence has a digit."""
    claims = []
    for index, (start, end) in enumerate(sentences(text)):
        sentence = text[start:end]
        digit = next((i for i, ch in enumerate(sentence) if ch.isdigit()), None)
        figures = ()
        if with_figure and digit is not None:
            figures = (Quantity(sentence[digit], float(sentence[digit]), None, None, "units", False,
                                start + digit, start + digit + 1),)
        claims.append(Claim(f"c{index + 1}", sentence, start, end, checkworthy, None, None, quantities=figures))
    return tuple(claims)


def run(check, report: Report) -> list:
    found = list(check(report, Resources()))
    for finding in found:
        for span in finding.evidence:
            assert report.article.text[span.start:span.end] == span.text
    return found


# --- source.disputed -----------------------------------------------------------------------

def test_a_claim_dismissed_as_false_by_the_other_side_is_disputed():
    text = ("The Harlow Electoral Board announced that the recount confirmed Mayor Dunn's victory. "
            "Rival candidate Priya Shah rejected the recount as fabricated, citing missing ballots.")
    found = run(sources.check_disputed, make_report(text))
    assert [f.code for f in found] == ["source.disputed"]
    # info, not a warning: a dispute the article reports is normal journalism (README, findings)
    assert len(found[0].evidence) == 2 and found[0].severity == "info"


FILLER = ("The ferry timetable changes in June. Parking on the quay will cost more from next month. "
          "The harbour master retires in the autumn after thirty years. A new café opened by the slipway. "
          "Tourist numbers were steady last summer. The lifeboat crew held an open day. ")


def test_a_denial_of_a_that_clause_is_matched_by_its_words_across_the_article():
    text = ("Inspector Lena Ortiz said Harrow Quarry Ltd had hidden blasting records from the council. " + FILLER * 2
            + "Harrow Quarry Ltd denied that it had hidden blasting records.")
    [finding] = run(sources.check_disputed, make_report(text))
    assert "Lena Ortiz" in finding.message and "Harrow Quarry Ltd" in finding.message


def test_rejecting_the_claim_points_back_to_the_claim_that_names_the_denier():
    text = ("The port authority says Harrow Quarry Ltd ignored three warnings about the sea wall. " + FILLER * 2
            + "Councillors said the budget would be set in March. "
            + "A spokesman for Harrow Quarry Ltd rejected the claim.")
    [finding] = run(sources.check_disputed, make_report(text))
    # the claim that names the company, not the unrelated sentence just before the denial
    assert finding.evidence[0].text.startswith("The port authority says")


def test_a_denial_of_something_nobody_in_the_article_claimed_is_silent():
    text = ("The Harlow Electoral Board announced that turnout rose sharply. "
            "Rival candidate Priya Shah rejected the recount as fabricated, citing missing ballots.")
    assert run(sources.check_disputed, make_report(text)) == []


def test_a_side_correcting_its_own_earlier_claim_is_not_a_dispute():
    text = ("Harlow officials said the recount was finished by noon. "
            "Harlow officials later denied the recount was finished, saying it resumes Monday.")
    assert run(sources.check_disputed, make_report(text)) == []


def test_a_soft_no_yet_contradiction_is_reported_as_info():
    text = ("The health ministry claimed the outbreak was contained in the northern provinces. "
            "Doctors at Mercy Hospital disagreed: “No containment yet, the wards are full.”")
    found = run(sources.check_disputed, make_report(text))
    assert [f.severity for f in found] == ["info"]


# --- entity.role_conflict ------------------------------------------------------------------

def test_one_person_under_two_military_ranks_is_a_role_conflict():
    text = "Capt. Ivan Petrenko led the patrol. Hours later, Col. Petrenko ordered a retreat."
    found = run(sources.check_role_conflicts, make_report(text))
    assert [f.code for f in found] == ["entity.role_conflict"]
    assert "Ivan Petrenko" in found[0].message


def test_two_minister_portfolios_for_one_name_conflict():
    text = "Defense Minister Ana Ruiz flew to Madrid. Foreign Minister Ana Ruiz met her Italian counterpart."
    assert [f.code for f in run(sources.check_role_conflicts, make_report(text))] == ["entity.role_conflict"]


def test_short_and_long_forms_of_one_rank_agree():
    text = "Lt. Gen. Mark Osei spoke first. Gen. Osei later took questions. Lt. Col. Ada Bern and Col. Bern agreed."
    assert run(sources.check_role_conflicts, make_report(text)) == []


def test_former_office_and_promotion_are_not_conflicts():
    text = ("Former Finance Minister Ana Ruiz, now Foreign Minister Ana Ruiz, spoke. "
            "Capt. Leo Marr was promoted last year; Maj. Leo Marr now commands the unit.")
    assert run(sources.check_role_conflicts, make_report(text)) == []


def test_two_people_sharing_a_surname_are_not_a_conflict():
    text = "Capt. Ivan Petrenko and Col. Oleh Petrenko are brothers."
    assert run(sources.check_role_conflicts, make_report(text)) == []


def test_namesakes_told_apart_by_their_initials_are_not_a_conflict():
    text = ("In 2008, Gov. Tom Hale distanced himself from President Arthur B. Vance. "
            "In 1988, Vice President Arthur J.K. Vance ran on his record.")
    assert run(sources.check_role_conflicts, make_report(text)) == []
    same = "President Arthur B. Vance spoke. Later, Vice President Arthur B. Vance spoke again."
    assert [f.code for f in run(sources.check_role_conflicts, make_report(same))] == ["entity.role_conflict"]


def test_general_staff_is_not_a_general():
    text = "Ukraine's General Staff reported the strikes. Col. Staff is not a person here."
    assert run(sources.check_role_conflicts, make_report(text)) == []


# --- claim.unsourced ----------------------------------------------------------------------

def test_unsourced_figures_are_summarised_in_one_low_finding():
    text = ("The plant released 4 tonnes of waste. Prices rose 7 times in a year. "
            "Sales fell by 3 points. Output grew 9 fold. Jobs dropped by 2 thousand. Rents rose 5 times.")
    found = run(sources.check_unsourced, make_report(text, sentence_claims(text)))
    assert [(f.code, f.severity) for f in found] == [("claim.unsourced", "low")]
    assert len(found[0].evidence) == sources.UNSOURCED_SHOWN
    assert found[0].message.startswith("6 check-worthy claims")


def test_attributed_or_figure_free_claims_are_not_unsourced():
    text = "The plant released 4 tonnes of waste, the agency said. The river looked grey."
    claims = sentence_claims(text)
    attributed = (Claim(claims[0].id, claims[0].text, claims[0].start, claims[0].end, 0.9, None, "the agency",
                        quantities=claims[0].quantities), claims[1])
    assert run(sources.check_unsourced, make_report(text, attributed)) == []


# --- end to end ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def audited():
    from newsaudit import STAGES, audit

    return lambda name, published: audit((FIXTURES / name).read_text(), published=published, stages=STAGES[:2])


def test_company_merger_claim_rejected_by_the_partner_is_found_end_to_end(audited):
    report = audited("consistency_company.txt", "2025-11-07")
    assert [f.code for f in run(sources.check_disputed, report)] == ["source.disputed"]


def test_minister_with_two_portfolios_is_found_end_to_end(audited):
    report = audited("consistency_election.txt", "2025-06-10")
    assert [f.code for f in run(sources.check_role_conflicts, report)] == ["entity.role_conflict"]


def test_clean_article_gives_nothing_above_low(audited):
    from newsaudit.checks import chronology, numbers

    report = audited("consistency_clean.txt", "2025-08-31")
    found = [f for module in (chronology, numbers, sources) for check in module.CHECKS for f in run(check, report)]
    assert [f for f in found if f.severity not in ("info", "low")] == []
    assert any(f.code == "claim.unsourced" for f in found)  # the clean text does state bare figures


def test_seed_encirclement_claim_and_its_dismissal_are_disputed(seed_path):
    from newsaudit import STAGES, audit

    report = audit(seed_path.read_text(), stages=STAGES[:2])
    found = run(sources.check_disputed, report)
    assert [f.code for f in found] == ["source.disputed"]
    assert "encircl" in found[0].evidence[0].text and "propaganda" in found[0].evidence[1].text


def test_a_denial_that_points_back_to_the_previous_statement_is_a_dispute():
    text = ("Harbour master Tom Reilly told the inquiry on Monday that the channel had been dredged in full. "
            "The port workers' union rejected that account as untrue, pointing to silt surveys from May.")
    found = run(sources.check_disputed, make_report(text))
    assert [f.code for f in found] == ["source.disputed"] and "rejected that account" in found[0].message


def test_a_pointing_back_denial_after_a_statement_of_fact_is_not_a_dispute():
    text = ("The channel was last dredged in 2019. "
            "The union rejected that account as untrue, pointing to silt surveys from May.")
    assert run(sources.check_disputed, make_report(text)) == []


def test_a_negated_or_objectless_denial_verb_is_not_a_dispute():
    for text in ("Officials said the mayor would stay in office. But Trump did not dismiss Lewandowski on Tuesday.",
                 "The campaign said it would win the state. The Clinton campaign is working to deny him even that path.",
                 "The minister said the plan would cut costs. The leaders took turns rebutting the candidate's proposals."):
        assert run(sources.check_disputed, make_report(text)) == [], text


def test_a_fragment_or_a_weekday_is_never_the_denying_party():
    text = ("The agency reported that the mine had reopened. "
            "On Saturday, denied the report as false, according to a statement.")
    found = run(sources.check_disputed, make_report(text))
    assert all("Saturday" not in f.message for f in found)

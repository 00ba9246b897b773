"""Agreements, obligations and alleged violations through the whole pipeline, on text written here."""
from __future__ import annotations

import datetime as dt

import pytest

from casus.records import Article


@pytest.fixture(scope="module")
def code():
    from casus.pipeline import Resources, code_article

    res = Resources.load()

    def run(text: str):
        return code_article(Article(id="t", text=text, published=dt.date(2021, 3, 2)), res)

    return run


PEACE = """Ethiopia and Eritrea signed a peace agreement in 2018 to end their border war. Under the accord, Eritrea pledged to withdraw its troops from the border town of Badme.

On Monday Ethiopia accused Eritrea of violating the agreement, saying its troops had not left. Eritrea's information minister denied the claim.
"""


def test_mentions_merge_into_one_agreement_with_parties_date_and_subject(code):
    (agreement,) = code(PEACE).agreements
    assert set(agreement.parties) == {"ETH", "ERI"}
    assert agreement.date.start.year == 2018 and agreement.date.precision == "year" and not agreement.date.inferred
    assert "border war" in agreement.subject
    assert [PEACE[s:e] for s, e in agreement.mentions] == ["a peace agreement", "the accord", "the agreement"]


def test_obligation_of_the_party_that_pledged(code):
    (agreement,) = code(PEACE).agreements
    (obligation,) = agreement.obligations
    assert obligation.obligor == "ERI"
    assert obligation.action.startswith("withdraw its troops")
    assert PEACE[obligation.span[0]:obligation.span[1]] == obligation.text


def test_violation_names_the_accused_and_the_accuser(code):
    coded = code(PEACE)
    (violation,) = coded.agreements[0].violations
    assert violation.accused == "ERI"
    assert [c[:3] for c in violation.alleged_by] == ["ETH"]
    assert "violating" in violation.text
    assert violation.event is None or violation.event in {e.id for e in coded.events}


def test_a_definite_reference_joins_the_latest_agreement(code):
    text = ("Government forces and rebels agreed to a ceasefire on Sunday. Hours later the army accused "
            "the rebels of breaking the truce.")
    (agreement,) = code(text).agreements
    assert len(agreement.mentions) == 2
    (violation,) = agreement.violations
    assert "breaking the truce" in violation.text and violation.alleged_by


def test_different_parties_make_different_agreements(code):
    text = ("Canada signed a trade deal with Mexico in 2019. Separately, Japan reached an agreement with "
            "Vietnam on fishing rights in 2020.")
    agreements = code(text).agreements
    assert [set(a.parties) for a in agreements] == [{"CAN", "MEX"}, {"JPN", "VNM"}]
    assert [a.date.start.year for a in agreements] == [2019, 2020]


def test_no_agreement_without_an_agreement_word(code):
    text = "The document was leaked. A great deal of rain fell, and farmers dealt with the floods."
    assert code(text).agreements == ()


def test_a_relative_clause_without_that_names_the_maker(code):
    text = "Ethiopia accused Eritrea of breaking agreements it had signed with Addis Ababa in 2018."
    (agreement,) = code(text).agreements
    assert set(agreement.parties) == {"ETH", "ERI"}

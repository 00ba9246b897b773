"""Event-coder mechanisms of session 12, checked on sentences written for these tests: phrasal verbs that are
no prepositional verb ("called off ... on short notice"), free relatives as objects ("called off what was to
be a summit"), restrictive relative clauses on an event noun hung above a place phrase ("a bombing in Kabul
that killed"), verbs after a modal tagged as nouns, force used in a place by a lone gunman, parties taking
control of a legislature, and the per-sentence cache of ``status``. Each rule also has a sentence it must
leave alone.
"""
# ruff: noqa: F811 (the tests take the imported fixture "code" as a parameter)
import pytest
from test_events_dev_fixes import code, pytestmark, side  # noqa: F401 (the coder fixture; skipped with no parser model)


def coded(code, text) -> set[tuple[str, str | None, str | None]]:
    """(CAMEO code, source code, target side) of every event."""
    return {(e.cameo, e.source.code, side(e.target)) for e in code(text).events}


def has(found, cameo: str, source: str, target: str | None) -> bool:
    """An event with a code starting ``cameo``, a source code starting ``source`` and the target side given."""
    return any(c.startswith(cameo) and (s or "").startswith(source) and t == target for c, s, t in found)


@pytest.mark.parametrize("text, cameo, source, target", [
    # a particle keeps out only entries with no object of their own ("call on"): not "shut ... border with"
    ("Greece shut down its border with Turkey on Sunday.", "191", "GRC", "TUR"),
    ("Lebanon shut down its border with Israel after the clashes.", "191", "LBN", "ISR"),
    ("Washington cut off military aid to Egypt.", "162", "USA", "EGY"),
    # a free relative's noun is the object, however the parse hangs it: "what was (supposed) to be a summit"
    ("On short notice, Merkel called off what was to be a summit with Macron in Paris.", "125", "DEU", "FRA"),
    ("Modi called off what was supposed to be a meeting with Sharif.", "125", "IND", "PAK"),
    ("Japan cancelled what would have been a summit with South Korea.", "125", "JPN", "KOR"),
    ("Kishida cancelled what would have been a summit with Yoon.", "125", "JPNGOV", "KOR"),
    ("Kenya scrapped what was supposed to be a signing ceremony with Somalia.", "125", "KEN", "SOM"),
    # a verb after a modal, tagged as a noun, is still a verb ("will no longer abide": a refusal)
    ("North Korea announced it will no longer abide by restrictions imposed by the UN resolutions.", "12", "PRK", "IGOUNO"),
    # force of a group in a place is against the country, unless the attacker is one unidentified person
    ("A drug cartel attacked a village in western Colombia.", "190", "COL", "COL"),
    ("Syrian troops fired on protesters in the city of Homs.", "190", "SYR", "SYR"),
    # a restrictive clause on an event noun hung above its place: the act's, not the place's government
    ("The talks collapsed after an al-Shabab bombing in Mogadishu that killed 12 soldiers.", "190", "SOMREB", "SOM"),
    ("Talks stalled after a Saudi air strike in Yemen that killed 20 civilians.", "190", "SAU", "YEM"),
])
def test_coded(code, text, cameo, source, target):
    found = coded(code, text)
    assert has(found, cameo, source, target), found


def test_a_phrasal_verb_is_no_prepositional_one(code):
    """"called off ... on short notice" is no "call on" (an appeal, 02)."""
    found = coded(code, "On short notice, Putin called off what would have been a meeting with Erdogan.")
    assert has(found, "125", "RUS", "TUR") and not any(c.startswith("02") for c, _, _ in found), found


def test_the_place_government_is_not_the_bomber(code):
    found = coded(code, "The talks collapsed after an al-Shabab bombing in Mogadishu that killed 12 soldiers.")
    assert not any((s or "").startswith("SOMGOV") for _, s, _ in found), found


def test_a_relative_clause_on_a_group_noun_keeps_the_place(code):
    """Only an event noun takes the clause from the place: "the migrants in Greece that has threatened" is
    Greece's threat (the verb agrees with it), not the migrants'."""
    found = coded(code, "Donors praised the migrants in Greece that has threatened to close its border.")
    assert has(found, "13", "GRC", None) and not any((s or "").startswith("GRCREF") for _, s, _ in found), found


@pytest.mark.parametrize("text", [
    'He said Canada would "in protest" withdraw from the games.',
    'They said Iran would "in protest" leave the talks.',
])
def test_a_noun_with_a_preposition_after_a_modal_is_no_verb(code, text):
    """"would 'in protest' withdraw": "protest" has a preposition, so it is no verb (no protest is coded)."""
    found = coded(code, text)
    assert not any(c.startswith("14") for c, _, _ in found), found


@pytest.mark.parametrize("text, country", [
    ("A gunman fired several shots in the French city of Lyon on Tuesday.", "FRA"),
    ("A lone shooter opened fire in the Dutch city of Utrecht.", "NLD"),
])
def test_a_lone_gunman_does_not_attack_his_country(code, text, country):
    found = coded(code, text)
    assert not any(t == country for _, _, t in found), found


@pytest.mark.parametrize("text", [
    "The Kremlin canceled the annual Victory Day ceremony.",
    "Macron called off the Bastille Day ceremony.",
    "Modi canceled the opening ceremony of the new parliament.",
    "The king canceled what was to be a lavish ceremony at the palace.",
])
def test_a_ceremony_is_no_meeting(code, text):
    """Only a signing ceremony is a meeting whose cancellation is a rejection (125)."""
    assert not code(text).events


def test_a_party_taking_control_of_a_legislature_is_no_occupation(code):
    assert not code("Democrats took control of the House of Representatives in 2018.").events
    assert any(e.cameo == "192" for e in code("Russian troops seized control of the Crimean parliament.").events)


def test_status_is_computed_once_per_token(monkeypatch):
    from types import SimpleNamespace

    from casus.extract import events

    calls = []
    monkeypatch.setattr(events._Coder, "_status", lambda self, t: calls.append(t.i) or ("negated", "negation 'not'"))
    coder = events._Coder.__new__(events._Coder)
    coder._statuses = {}
    token = SimpleNamespace(i=3)
    assert coder.status(token) == coder.status(token) == ("negated", "negation 'not'")
    assert calls == [3]


def test_a_person_titled_by_a_media_body_makes_claims_an_outlet_only_reports(code):
    """What a journalist or publisher named by a media body's title says is their claim (alleged, theirs);
    what "state media" say stays the outlet's report."""
    person = [e for e in code("WikiLeaks founder Jonas Berg said Sweden had illegally revoked his residence permit.").events
              if e.cameo.startswith("172")]
    assert person and person[0].status == "alleged" and person[0].attributed_to is not None
    assert person[0].attributed_to.text == "Jonas Berg"
    outlet = [e for e in code("State media said Iran had seized a tanker in the Gulf.").events if e.cameo.startswith("171")]
    assert outlet and outlet[0].status == "asserted" and outlet[0].attributed_to is None

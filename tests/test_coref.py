"""Reference resolution over hand-listed actor mentions (the actor step is not involved)."""
from __future__ import annotations

import pytest

from casus.extract.coref import resolve_reference
from casus.records import Actor, Article, Quote


@pytest.fixture(scope="module")
def nlp():
    from casus import nlp

    return nlp.load()


@pytest.fixture
def context(nlp):
    from casus.pipeline import Context, sentences_of

    def build(text: str, mentions: list[tuple], quotes=()):
        """``mentions``: (text, code, country[, kb_id, why]) in text order."""
        actors, offset = [], 0
        for mention, code, country, *known in mentions:
            start = text.index(mention, offset)
            kb_id, why = known or (None, None)
            actors.append(Actor(text=mention, span=(start, start + len(mention)), code=code, country=country,
                                kb_id=kb_id, why=why))
            offset = start + len(mention)
        doc = nlp(text)
        ctx = Context(article=Article(id="t", text=text), doc=doc, sentences=sentences_of(doc), actors=tuple(actors))
        return ctx.add(quotes=tuple(quotes))

    return build


def token(ctx, word: str, nth: int = 0):
    return [t for t in ctx.doc if t.text == word][nth]


def test_it_skips_people_and_takes_the_organisation(context):
    text = "The Polish Health Ministry met Professor Anna Kowalska on Monday. It said the rules would change."
    ctx = context(text, [("Polish Health Ministry", "POLGOV", "POL"), ("Anna Kowalska", None, "POL")])
    assert resolve_reference(ctx, token(ctx, "It")).text == "Polish Health Ministry"


def test_he_takes_the_latest_person_known_to_the_knowledge_base(context):
    text = "Brazil's government hosted Olaf Scholz in Brasilia. He told reporters the visit went well."
    ctx = context(text, [("Brazil", "BRA", "BRA", "BRA", "country Brazil"),
                         ("Olaf Scholz", "DEUGOV", "DEU", "scholz-olaf", "Olaf Scholz: Chancellor"),
                         ("Brasilia", "BRAGOV", "BRA", "brasilia", "capital Brasilia as GOV")])
    assert resolve_reference(ctx, token(ctx, "He")).text == "Olaf Scholz"


def test_definite_description_takes_the_latest_matching_mention(context):
    text = "The Indian Defence Ministry and Pakistan's army traded charges. The ministry later withdrew its claim."
    ctx = context(text, [("Indian Defence Ministry", "INDMIL", "IND"), ("Pakistan's army", "PAKMIL", "PAK")])
    assert resolve_reference(ctx, token(ctx, "ministry")).country == "IND"


def test_a_name_is_not_taken_for_a_description(context):
    text = "The Indian Defence Ministry spoke first. The Foreign Ministry said nothing."
    ctx = context(text, [("Indian Defence Ministry", "INDMIL", "IND")])
    assert resolve_reference(ctx, token(ctx, "Ministry", 1)) is None


def test_agent_without_country_takes_its_possessor_country(context):
    text = "Kenya said its soldiers had left the border."
    ctx = context(text, [("Kenya", "KEN", "KEN"), ("soldiers", "---MIL", None)])
    soldiers = resolve_reference(ctx, token(ctx, "soldiers"))
    assert (soldiers.code, soldiers.country, soldiers.span) == ("KENMIL", "KEN", ctx.actors[1].span)


def test_first_person_inside_a_quote_is_its_speaker(context):
    text = '"We will not retreat," the Ghanaian president said.'
    speaker = Actor(text="the Ghanaian president", span=(text.index("the Ghanaian"), len(text) - 6), code="GHAGOV", country="GHA")
    quote = Quote(id="Q1", speaker=speaker, cue="said", content="We will not retreat,", span=(1, 21), kind="direct")
    ctx = context(text, [("Ghanaian president", "GHAGOV", "GHA")], quotes=[quote])
    assert resolve_reference(ctx, token(ctx, "We")) == speaker


def test_a_reporters_pronoun_does_not_point_into_a_quote(context):
    text = 'The Chilean navy spoke first. "Argentina is wrong," it said.'
    ctx = context(text, [("Chilean navy", "CHLMIL", "CHL"), ("Argentina", "ARG", "ARG")])
    assert resolve_reference(ctx, token(ctx, "it")).country == "CHL"


def test_words_that_refer_to_nobody(context):
    ctx = context("Rain fell on the valley and it flooded.", [])
    assert resolve_reference(ctx, token(ctx, "Rain")) is None
    assert resolve_reference(ctx, token(ctx, "it")) is None


def test_pronoun_for_an_uncoded_agent_gets_the_possessor_country(context):
    text = "Armenia's foreign ministry rejected the report. Its spokeswoman said she had seen no proof."
    ctx = context(text, [("Armenia's foreign ministry", "ARMGOV", "ARM"), ("spokeswoman", "---GOV", None)])
    she = resolve_reference(ctx, token(ctx, "she"))
    assert she.text == "spokeswoman" and she.code == "ARMGOV"


def test_uncoded_description_takes_the_country_of_the_body_it_repeats(context):
    text = "Azerbaijan's defence ministry issued a statement. Later the ministry said it had evidence."
    ctx = context(text, [("Azerbaijan's defence ministry", "AZEMIL", "AZE"), ("ministry", "---GOV", None)])
    ministry = resolve_reference(ctx, token(ctx, "ministry", 1))
    assert (ministry.span, ministry.country) == (ctx.actors[1].span, "AZE")


def test_an_unknown_name_in_apposition_takes_the_coding_of_its_title(context):
    text = "Armenia's foreign ministry spoke. Its spokeswoman, Anna Naghdalyan, said she had no proof."
    ctx = context(text, [("Armenia's foreign ministry", "ARMGOV", "ARM"), ("spokeswoman", "---GOV", None),
                         ("Anna Naghdalyan", None, None, None, "parser PERSON not in the knowledge base")])
    assert resolve_reference(ctx, token(ctx, "Naghdalyan")).code == "ARMGOV"


def test_quotations_passed_in_stand_for_the_mark_scan(context):
    text = "The Chilean navy spoke first. Argentina is wrong, it said."
    ctx = context(text, [("Chilean navy", "CHLMIL", "CHL"), ("Argentina", "ARG", "ARG")])
    quoted = (text.index("Argentina"), text.index(", it"))
    assert resolve_reference(ctx, token(ctx, "it")).country == "ARG"  # no marks: nothing is quoted
    assert resolve_reference(ctx, token(ctx, "it"), quotations=[quoted]).country == "CHL"


def test_us_the_country_is_not_the_pronoun_us(context):
    text = "The US warned Caracas on Friday. Officials in Washington said talks would wait."
    ctx = context(text, [("US", "USA", "USA"), ("Caracas", "VENGOV", "VEN")])
    assert resolve_reference(ctx, token(ctx, "US")).country == "USA"



def person(name: str, code: str) -> tuple:
    return (name, code, code[:3], name.lower().replace(" ", "-"), f"{name}: Minister")


def test_a_pronoun_in_a_new_sentence_takes_the_earlier_sentence_subject(context):
    text = "Moussa Diallo welcomed Amadou Traore in Bamako. He said the border would reopen."
    ctx = context(text, [person("Moussa Diallo", "MLIGOV"), person("Amadou Traore", "BFAGOV")])
    assert resolve_reference(ctx, token(ctx, "He")).text == "Moussa Diallo"


def test_she_skips_a_man_the_article_calls_mister(context):
    text = "Tomas Vidal hosted Gabriela Ruiz in Lima. She praised the talks, and Mr. Vidal said they went well."
    ctx = context(text, [person("Tomas Vidal", "PERGOV"), person("Gabriela Ruiz", "CHLGOV"), person("Mr. Vidal", "PERGOV")])
    assert resolve_reference(ctx, token(ctx, "She")).text == "Gabriela Ruiz"


def test_honorifics_give_each_surname_one_gender():
    from casus.extract.coref import gendered_surnames

    text = "Mr. Tomas Vidal met Ms. Ruiz and Mrs. Ana Ortiz. Later Mr. Ortiz, her husband, and Ms. Ortiz left."
    assert gendered_surnames(text) == {"Vidal": False, "Ruiz": True}


def test_they_is_neither_one_person_nor_one_named_country(context):
    text = "President Ines Alvarado met Chancellor Jonas Berg in Oslo. They will both travel to Paris."
    ctx = context(text, [person("President Ines Alvarado", "URYGOV"), person("Chancellor Jonas Berg", "NORGOV"),
                         ("Oslo", "NORGOV", "NOR", "oslo", "capital Oslo as GOV")])
    assert resolve_reference(ctx, token(ctx, "They")) is None


def test_they_takes_a_group_over_the_country_that_sent_it(context):
    text = "Kenya sent police units to the border town. They fired tear gas at the crowd."
    ctx = context(text, [("Kenya", "KEN", "KEN", "KEN", "country Kenya"), ("police units", "KENCOP", "KEN")])
    assert resolve_reference(ctx, token(ctx, "They")).text == "police units"


def test_a_pronoun_does_not_reach_back_past_two_sentences(context):
    text = "Moussa Diallo spoke first. Rain fell all day. Roads flooded. He left early."
    ctx = context(text, [person("Moussa Diallo", "MLIGOV")])
    assert resolve_reference(ctx, token(ctx, "He")) is None


def test_a_chain_of_pronouns_leads_back_to_the_name_not_its_title(context):
    text = "Ambassador Awa Ndiaye of Senegal spoke first. Rain fell, she said. Crops failed, she added. She then left."
    ctx = context(text, [("Ambassador", "---GOV", None), person("Awa Ndiaye", "SENGOV"), ("Senegal", "SEN", "SEN")])
    assert resolve_reference(ctx, token(ctx, "She")).text == "Awa Ndiaye"


def test_the_administration_is_the_government_of_the_leading_country(context):
    text = "The United States and Cuba traded charges. American diplomats left. The administration recalled its envoy."
    ctx = context(text, [("United States", "USA", "USA", "USA", "country United States"),
                         ("Cuba", "CUB", "CUB", "CUB", "country Cuba"), ("American", "USA", "USA", None, "nationality USA"),
                         ("administration", "---GOV", None, None, "agent GOV without a country")])
    administration = resolve_reference(ctx, token(ctx, "administration"))
    assert (administration.code, administration.span) == ("USAGOV", ctx.actors[-1].span)


def test_the_government_of_no_leading_country_stays_uncoded(context):
    text = "Peru and Chile traded charges on Monday. The government recalled its envoy."
    ctx = context(text, [("Peru", "PER", "PER"), ("Chile", "CHL", "CHL"), ("government", "---GOV", None)])
    assert resolve_reference(ctx, token(ctx, "government")).country is None


def test_a_spokesman_for_a_leader_takes_the_leaders_country(context):
    text = "A spokesman for President Lula said Brazil would wait. The spokesman, Paulo Reis, said he was calm."
    ctx = context(text, [("spokesman", "---GOV", None), person("President Lula", "BRAGOV"), ("Brazil", "BRA", "BRA"),
                         ("spokesman", "---GOV", None)])
    assert resolve_reference(ctx, token(ctx, "spokesman")).code == "BRAGOV"
    assert resolve_reference(ctx, token(ctx, "he")).code == "BRAGOV"


def test_they_takes_coordinated_countries(context):
    text = "Ghana and Togo closed the border on Monday. They blamed smugglers."
    ctx = context(text, [("Ghana", "GHA", "GHA", "GHA", "country Ghana"), ("Togo", "TGO", "TGO", "TGO", "country Togo")])
    assert resolve_reference(ctx, token(ctx, "They")).text == "Ghana"


def test_an_object_pronoun_is_not_its_clauses_subject_nor_a_place(context):
    text = "Strikers in Nairobi faced Kenyan riot police, who fired at them with rubber bullets."
    ctx = context(text, [("Strikers", "---LAB", None), ("Nairobi", "KENGOV", "KEN", "nairobi", "capital Nairobi as GOV"),
                         ("Kenyan riot police", "KENCOP", "KEN", None, "nationality KEN + agent COP")])
    assert resolve_reference(ctx, token(ctx, "them")).text == "Strikers"


def test_they_takes_a_named_country_only_in_its_own_sentence(context):
    ecuador = ("Ecuador", "ECU", "ECU", "ECU", "country Ecuador")
    ctx = context("Ecuador said they would close the port.", [ecuador])
    assert resolve_reference(ctx, token(ctx, "they")).text == "Ecuador"
    ctx = context("Ecuador closed the port. Peru lost a ship. They blamed the storm.",
                  [ecuador, ("Peru", "PER", "PER", "PER", "country Peru")])
    assert resolve_reference(ctx, token(ctx, "They")) is None


def test_a_pronoun_judging_inside_a_report_is_the_reporter(context):
    text = "The Kremlin said Ukraine had broken the truce, something it called a provocation."
    ctx = context(text, [("Kremlin", "RUSGOV", "RUS", None, "institution Kremlin"),
                         ("Ukraine", "UKR", "UKR", "UKR", "country Ukraine")])
    assert resolve_reference(ctx, token(ctx, "it")).country == "RUS"


def test_it_is_not_one_country_of_a_list_in_its_own_sentence(context):
    text = "Serbia faced isolation, with Croatia and Slovenia condemning its policy."
    ctx = context(text, [("Serbia", "SRB", "SRB", "SRB", "country Serbia"), ("Croatia", "HRV", "HRV", "HRV", "country Croatia"),
                         ("Slovenia", "SVN", "SVN", "SVN", "country Slovenia")])
    assert resolve_reference(ctx, token(ctx, "its")).country == "SRB"


def test_the_authorities_there_are_not_an_earlier_body(context):
    text = "The Chilean authorities protested. Reports from Peru said the authorities there had arrested four men."
    ctx = context(text, [("Chilean authorities", "CHLGOV", "CHL"), ("Peru", "PER", "PER", "PER", "country Peru"),
                         ("authorities", "---GOV", None)])
    assert resolve_reference(ctx, token(ctx, "authorities", 1)).country is None


def test_a_parenthetical_reporter_is_not_whom_it_reports_on(context):
    text = ("The Kenyan unions backed the new tax. The ruling party's critics, they insisted, were misleading "
            "voters about it.")
    ctx = context(text, [("Kenyan unions", "KENLAB", "KEN"), ("ruling party's critics", "KENOPP", "KEN")])
    assert resolve_reference(ctx, token(ctx, "they")).text == "Kenyan unions"


def quoted(text: str, speaker: str, code: str) -> Quote:
    """The one direct quote of ``text`` (between the first '"' and ',"'), said by ``speaker``, coded ``code``."""
    start, end, at = text.index('"') + 1, text.index(',"'), text.index(speaker)
    return Quote(id="Q1", speaker=Actor(text=speaker, span=(at, at + len(speaker)), code=code, country=code[:3]),
                 cue="said", content=text[start:end], span=(start, end), kind="direct")


def test_a_regime_in_a_quote_is_the_latest_other_country_not_the_speakers(context):
    text = 'The Chilean minister warned Venezuela again. "We will not deal with this regime," she said.'
    ctx = context(text, [("Chilean minister", "CHLGOV", "CHL"), ("Venezuela", "VEN", "VEN", "VEN", "country Venezuela"),
                         ("regime", "---GOV", None, None, "agent GOV without a country")],
                  quotes=[quoted(text, "she", "CHLGOV")])
    regime = resolve_reference(ctx, token(ctx, "regime"))
    assert (regime.code, regime.span) == ("VENGOV", ctx.actors[-1].span)


def test_they_in_a_quote_is_not_the_speakers_own_country(context):
    text = 'Peru and the rebels resumed talks. "We are meeting with them," the Peruvian minister said.'
    ctx = context(text, [("Peru", "PER", "PER", "PER", "country Peru"), ("rebels", "PERREB", "PER"),
                         ("Peruvian minister", "PERGOV", "PER")], quotes=[quoted(text, "the Peruvian minister", "PERGOV")])
    assert resolve_reference(ctx, token(ctx, "them")).text == "rebels"


def test_a_spouse_titled_once_does_not_give_the_surname_a_gender(context):
    text = ("Governor Paul Lindqvist toured the dam. Lindqvist praised the engineers, and Lindqvist thanked "
            "Mrs. Lindqvist. He then left for the capital.")
    ctx = context(text, [person("Governor Paul Lindqvist", "SWEGOV"), person("Lindqvist", "SWEGOV"),
                         person("Lindqvist", "SWEGOV"), person("Mrs. Lindqvist", "SWECVL")])
    assert resolve_reference(ctx, token(ctx, "He")).text == "Lindqvist"


def test_a_sister_in_apposition_is_she_though_the_surname_is_titled_mister(context):
    text = ("Mr. Okafor was freed on Monday. On Tuesday, Mr. Okafor’s sister, Ada Okafor, thanked the police. "
            "She said the family was relieved.")
    ctx = context(text, [person("Mr. Okafor", "NGACVL"), person("Mr. Okafor", "NGACVL"), person("Ada Okafor", "NGACVL")])
    assert resolve_reference(ctx, token(ctx, "She")).text == "Ada Okafor"


def test_a_pronoun_in_a_later_sentence_takes_its_subject_before_a_possessor(context):
    text = ("The tariffs ignore Marta Lucia Ortiz’s talks with Chile, said Ana Rojas, the Bolivian envoy. "
            "\u201cIt was a mistake,\u201d she said.")
    ctx = context(text, [person("Marta Lucia Ortiz", "COLGOV"), person("Ana Rojas", "BOLGOV")])
    assert resolve_reference(ctx, token(ctx, "she")).text == "Ana Rojas"


def test_they_takes_a_persons_aides_coded_as_that_person(context):
    text = "Mr. Ruto’s aides defended the budget. The opposition and the courts, they said, were blocking it."
    ctx = context(text, [("Mr. Ruto’s aides", "KENGOV", "KEN", "ruto-william", "William Ruto: President"),
                         ("opposition", "KENOPP", "KEN"), ("courts", "KENJUD", "KEN")])
    assert resolve_reference(ctx, token(ctx, "they")).text == "Mr. Ruto’s aides"

"""The PolNeAR scorer: brat reading and span matching on a hand-made article."""
from __future__ import annotations

from casus.evaluation.quotes import Attribution, Tally, is_speech, read_brat
from casus.records import Actor, Quote

TEXT = '"We will win," Smith said. Jones wants a recount.'
ANN = """T1\tContent 1 13\tWe will win,
T2\tSource 15 20\tSmith
T3\tCue 21 25\tsaid
T4\tAttribution 21 25\tsaid
E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2
T5\tSource 27 32\tJones
T6\tCue 33 38\twants
T7\tContent 39 40;41 48\ta recount
E2\tAttribution:T6 Content:T7 Source:T5 Cue:T6
"""


def test_read_brat_links_roles_and_split_spans():
    first, second = read_brat(ANN)
    assert first == Attribution(source=((15, 20),), cue=((21, 25),), content=((1, 13),))
    assert second.content == ((39, 40), (41, 48))


def test_scores_overlap_exact_speaker_and_speech_scope():
    speaker = Actor(text="Smith", span=(15, 20))
    quote = Quote(id="Q1", speaker=speaker, cue="said", content="We will win", span=(1, 12), kind="direct",
                  cue_span=(21, 25))
    gold = read_brat(ANN)
    assert [is_speech(TEXT, a) for a in gold] == [True, False]
    tally = Tally()
    tally.add(TEXT, gold, [quote])
    scores = tally.scores()
    assert scores["content_overlap"]["p"] == 100.0 and scores["content_overlap"]["r"] == 33.33  # 1 of 3 parts
    assert scores["content_exact"]["p"] == 100.0  # the trailing comma is set aside
    assert scores["speaker_accuracy"] == {"acc": 100.0, "n": 1}
    speech = Tally("speech_")
    speech.add(TEXT, gold, [quote], gold[:1])
    assert speech.scores()["speech_attribution_exact"]["f"] == 100.0

"""The coder's output does not depend on Python's string-hash seed (set and dict iteration order)."""
from __future__ import annotations

import os
import subprocess
import sys

# An invented story touching every extractor: named and titled actors, a pronoun, places, dates, an attack with
# casualties, quotes, an accusation and its denial, an agreement and its alleged violation; and calls for talks
# "with" one party "for" another (the target is the first of the noun's phrases in slot order).
STORY = """\
Armenia and Azerbaijan accuse each other of breaking Moscow truce

YEREVAN, Oct. 12 — Azerbaijani forces shelled the town of Martuni in Nagorno-Karabakh on Sunday, killing four
civilians and wounding 11, the Armenian Defence Ministry said, a day after both sides signed a cease-fire in Moscow.

"This is a flagrant violation of the agreement," Armenian Foreign Minister Zohrab Mnatsakanyan told reporters in
Yerevan. He said Baku had never intended to honour the deal and urged Russia and France to press Azerbaijan.

Azerbaijan's Defence Ministry denied the accusation, saying Armenian troops had attacked its positions near
Fizuli and Jabrayil first. President Ilham Aliyev said his government remained committed to the truce brokered
by Russian Foreign Minister Sergei Lavrov, but warned that Baku would respond to any provocation.

Police in Ganja arrested two men on Monday, and the United Nations called on both countries to protect civilians.
France pressed for talks with Russia for Ukraine, and the European Union called for negotiations with Turkey for Greece.
"""


def _coded(path, seed: str, cache) -> str:
    """The JSON ``casus code`` prints for ``path`` under hash seed ``seed``, its actor index built in ``cache``
    (so the index's own sets are built under that seed too)."""
    env = {**os.environ, "PYTHONHASHSEED": seed, "XDG_CACHE_HOME": str(cache)}
    run = subprocess.run([sys.executable, "-m", "casus.cli", "code", str(path), "--published", "2020-10-12",
                          "--format", "json", "--no-db"], env=env, capture_output=True, text=True, check=True)
    return run.stdout


def test_output_is_the_same_under_different_hash_seeds(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    first = _coded(story, "1", tmp_path / "cache1")
    assert '"events": [{' in first  # the story is coded into events, not an empty article
    assert _coded(story, "4", tmp_path / "cache4") == first  # seeds whose orders of a small set of words differ

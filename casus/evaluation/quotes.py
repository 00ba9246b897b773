"""``casus eval quotes``: score the quote step on PolNeAR (attributions: source, cue, content).

For each role (source = speaker, cue, content) a predicted span is correct when it overlaps a gold
span of that role (*overlap*) or has the same boundaries once surrounding quotation marks,
punctuation and spaces are set aside (*exact*); gold spans split in two (a quote interrupted by its
cue) count as one span per part. *attribution* scores a quote as correct when its content and its
speaker both overlap one gold attribution's; *speaker accuracy* is the share of overlap-matched
contents whose speaker overlaps the gold source. One annotator per article (the first, by id).

PolNeAR annotates every attribution, including intentions and stances ("called for", "wants",
"plans"); the ``speech_*`` rows restrict the gold to reported speech and belief (a cue with a
speech or belief verb, "according to", a colon or a dash), what casus extracts as quotes, and count
as false positives only predictions that match no gold attribution at all.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import typer

from casus.records import Span

POLNEAR = Path(__file__).resolve().parents[3] / "shared" / "data" / "polnear"
ROLES = ("source", "cue", "content")
_EDGE = " \t\n\"“”‘’'.,;:!?()—–-"


@dataclass(frozen=True)
class Attribution:
    """One gold attribution: the spans (possibly in several parts) of each role."""

    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text: str
    published: dt.date | None
    attributions: tuple[Attribution, ...]


def read_brat(ann: str) -> tuple[Attribution, ...]:
    """Attributions from a brat standoff file (``T`` spans, ``E`` events linking them)."""
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[str] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _, _, offsets = fields[1].partition(" ")
            spans[fields[0]] = tuple(
                (int(a), int(b)) for a, b in (part.split() for part in offsets.split(";"))
            )
        elif line.startswith("E") and len(fields) >= 2:
            events.append(fields[1])
    attributions = []
    for event in events:
        roles: dict[str, list[Span]] = {role: [] for role in ROLES}
        for argument in event.split()[1:]:
            role, _, ref = argument.partition(":")
            role = role.rstrip("0123456789").lower()
            if role in roles:
                roles[role].extend(spans.get(ref, ()))
        attributions.append(Attribution(*(tuple(roles[r]) for r in ROLES)))
    return tuple(attributions)


def read_polnear(root: Path, split: str) -> Iterator[GoldArticle]:
    """The articles of a PolNeAR split with one annotator's attributions each."""
    dates = {}
    with open(root / "data" / "metadata.tsv", encoding="utf-8") as meta:
        for row in csv.DictReader(meta, delimiter="\t"):
            if row["publication_date"]:
                dates[row["filename"]] = dt.date.fromisoformat(row["publication_date"])
    base = root / "data" / split
    for text_path in sorted((base / "text").glob("*.txt")):
        annotations = sorted((base / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not annotations:
            continue
        yield GoldArticle(
            name=text_path.stem,
            text=text_path.read_text(encoding="utf-8"),
            published=dates.get(text_path.stem),
            attributions=read_brat(annotations[0].read_text(encoding="utf-8")),
        )


def _trimmed(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _predicted(quote) -> dict[str, tuple[Span, ...]]:
    return {
        "source": (quote.speaker.span,) if quote.speaker else (),
        "cue": (quote.cue_span,) if quote.cue_span else (),
        "content": (quote.span,),
    }


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, float]:
    """Precision over predictions, recall over gold (a long prediction may match several gold spans)."""
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f": round(100 * f, 2), "pred": n_pred, "gold": n_gold}


def is_speech(text: str, attribution: Attribution) -> bool:
    """Whether a gold attribution reports speech or belief (judged from its cue words)."""
    from lemminflect import getLemma

    from casus.extract.quotes import BELIEF_VERBS, SPEECH_VERBS

    cue = " ".join(text[s:e] for s, e in attribution.cue).lower()
    if not cue.strip(" :―—–-") or "according to" in cue:
        return True
    return any(lemma in SPEECH_VERBS | BELIEF_VERBS for word in cue.split() for lemma in getLemma(word, upos="VERB"))


class Tally:
    """Match counts ``[correct predictions, predictions, found gold, gold]`` per role and mode."""

    def __init__(self, prefix: str = ""):
        self.prefix = prefix
        self.counts = {f"{role}_{mode}": [0, 0, 0, 0] for role in (*ROLES, "attribution") for mode in ("overlap", "exact")}
        self.speaker = [0, 0]  # correct, judged

    def add(self, text: str, gold: tuple[Attribution, ...], quotes, scope: tuple[Attribution, ...] | None = None) -> None:
        """Count ``quotes`` against ``gold``; with ``scope``, recall counts only the ``scope`` part
        of the gold and a prediction matching any gold attribution is not a false positive."""
        def exact(a: Span, b: Span) -> bool:
            return _trimmed(text, a) == _trimmed(text, b)

        predicted = [_predicted(q) for q in quotes]
        if scope is not None:
            predicted = [q for q in predicted if not any(_overlaps(x, y) for a in gold if a not in scope
                                                         for x in a.content for y in q["content"])]
            gold = scope
        for role in ROLES:
            gold_spans = [s for a in gold for s in getattr(a, role)]
            spans = [s for q in predicted for s in q[role]]
            self._count("overlap", role, gold_spans, spans, _overlaps)
            self._count("exact", role, gold_spans, spans, exact)
        for mode, same in (("overlap", _overlaps), ("exact", exact)):
            def matches(a: Attribution, q: dict, same=same) -> bool:
                return (any(same(x, y) for x in a.content for y in q["content"])
                        and any(_overlaps(x, y) for x in a.source for y in q["source"]))
            c = self.counts[f"attribution_{mode}"]
            c[0] += sum(any(matches(a, q) for a in gold) for q in predicted)
            c[1] += len(predicted)
            c[2] += sum(any(matches(a, q) for q in predicted) for a in gold)
            c[3] += len(gold)
        for q in predicted:
            hit = next((a for a in gold if any(_overlaps(x, y) for x in a.content for y in q["content"])), None)
            if hit is not None and hit.source:
                self.speaker[1] += 1
                self.speaker[0] += any(_overlaps(x, y) for x in hit.source for y in q["source"])

    def _count(self, mode: str, role: str, gold: list[Span], pred: list[Span], same) -> None:
        c = self.counts[f"{role}_{mode}"]
        c[0] += sum(any(same(g, p) for g in gold) for p in pred)
        c[1] += len(pred)
        c[2] += sum(any(same(g, p) for p in pred) for g in gold)
        c[3] += len(gold)

    def scores(self) -> dict[str, dict[str, float]]:
        out = {self.prefix + key: _prf(*c) for key, c in self.counts.items()}
        correct, judged = self.speaker
        out[self.prefix + "speaker_accuracy"] = {"acc": round(100 * correct / judged, 2) if judged else 0.0, "n": judged}
        return out


def quote_steps() -> list:
    """The steps the quotes depend on: actors (speakers are coded from them), then quotes."""
    from casus.extract.actors import find_actors
    from casus.extract.quotes import find_quotes

    return [find_actors, find_quotes]


def evaluate(res, articles: list[GoldArticle]) -> dict:
    """Scores of the quote step over ``articles`` plus articles/s."""
    from casus.nlp import parse_many
    from casus.pipeline import Context, run_steps, sentences_of
    from casus.records import Article

    steps = quote_steps()
    tally, speech = Tally(), Tally("speech_")
    gold_by_id = {g.name: g for g in articles}
    inputs = [Article(id=g.name, text=g.text, published=g.published, origin=g.name) for g in articles]
    started = time.perf_counter()
    for article, doc in parse_many(res.nlp, inputs):
        coded = run_steps(Context(article=article, doc=doc, sentences=sentences_of(doc)), res, steps)
        gold = gold_by_id[article.id].attributions
        tally.add(article.text, gold, coded.quotes)
        speech.add(article.text, gold, coded.quotes, tuple(a for a in gold if is_speech(article.text, a)))
    scores = tally.scores() | speech.scores()
    scores["speed"] = {"articles_per_s": round(len(articles) / (time.perf_counter() - started), 2), "n": len(articles)}
    return scores


def register(eval_app: typer.Typer) -> None:
    @eval_app.command("quotes")
    def quotes(
        split: str = typer.Option("dev", help="PolNeAR split: train, dev or test."),
        data: Path = typer.Option(POLNEAR, exists=True, help="The PolNeAR directory."),
        limit: int = typer.Option(0, help="Score only the first N articles (0: all)."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """Quote attribution on PolNeAR: source/cue/content overlap and exact P/R/F1, speaker accuracy."""
        from casus.pipeline import Resources

        articles = list(read_polnear(data, split))[: limit or None]
        scores = evaluate(Resources.load(), articles)
        if as_json:
            typer.echo(json.dumps(scores))
            return
        for key, s in scores.items():
            typer.echo(f"{key:>22}  " + "  ".join(f"{k} {v}" for k, v in s.items()))

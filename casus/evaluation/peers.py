"""Peer gold sets for the event coder, each coded from raw text one sentence at a time.

- ``casus eval petrarch``: PETRARCH-2's GSR validation file (78 sentences with their dates).
  F1 over (source, target, 2-digit root) triples, with full actor codes and at country level; the
  sentences are split into dev/test halves by position (even/odd), both reported.
- ``casus eval plover``: PLOVER's gold standard records (322 sentences, PLOVER 0.5b1 types mapped
  onto the 2021 names casus emits): event type P/R/F1 and source-country accuracy. The GSR was coded
  with PLOVER 0.5b1, which put a few CAMEO codes under other types than the 2021 table casus emits;
  the GSR's own records show them (its ``eventText``/``mode``): sanctions (163) are SANCTION, a
  kidnapping (181, mode "detain") and the destruction of property (1712, mode "destroy") COERCE,
  taking territory (192, "retaken village") FIGHT (= ASSAULT), a resignation (0831) RETREAT and
  lifting a curfew (0813) CONCEDE. Those codes are scored with their 0.5b1 type. Source countries
  are compared as ``casus eval actors`` compares them (pre-ISO codes, IGO/NGO as one class).
- ``casus eval conflibert``: the ConfliBERT CAMEO train split: sentence class (0 statement,
  1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict) from the
  most conflictual event, and source/target spans (overlap with the BIO spans).

The peers code the act a sentence reports, whoever reports it ("X said Y attacked Z" is Y's attack),
so PETRARCH and PLOVER are scored on casus's events minus its readings of a report as the reporter's
accusation (rule ``reported-accusation``) and minus the acts that did not happen (denied, negated).
PLOVER codes a promised cooperative act ("X will provide aid") as AGREE, and so is a future or
hypothetical cooperative event here.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from casus.evaluation import halves
from casus.evaluation.actors import same_country
from casus.evaluation.events import prf
from casus.records import Article, CodedArticle, Event

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
#: PLOVER 0.5b1 type names in the GSR → the 2021 names of the CAMEO→PLOVER table.
PLOVER_RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
#: CAMEO codes whose PLOVER 0.5b1 type (the GSR's) differs from the 2021 table's (module docstring).
PLOVER_05B1_TYPES = {"163": "SANCTION", "181": "COERCE", "1712": "COERCE", "192": "ASSAULT", "0831": "RETREAT",
                     "0813": "CONCEDE"}

#: PETRARCH's code for an actor it cannot name, given to casus's events with no source.
UNKNOWN_SOURCE = "---"


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    published: dt.date | None
    answer: Any  # set of triples, a PLOVER record or a class label
    extra: Any = None


def code_sentences(sentences: list[GoldSentence], res: Any) -> Iterator[tuple[GoldSentence, CodedArticle]]:
    from casus.pipeline import code_articles

    articles = [Article(id=s.id, text=s.text, published=s.published) for s in sentences]
    yield from zip(sentences, code_articles(articles, res))


def _country(code: str | None) -> str:
    return (code or "")[:3]


def reported_acts(events: Iterable[Event]) -> list[Event]:
    """The events a peer coder would code: not casus's reporter-as-accuser readings, not denied or
    negated acts."""
    return [e for e in events if e.status not in ("denied", "negated")
            and not (e.explanation and e.explanation.rule == "reported-accusation")]


def plover_type(event: Event) -> str | None:
    """The event's PLOVER type; a future or hypothetical cooperative act is a promise (AGREE)."""
    promised = event.status in ("future", "hypothetical") and event.quad_class in (1, 2)
    return "AGREE" if promised and event.plover.get("type") else event.plover.get("type")


def gsr_type(event: Event) -> str | None:
    """The event's PLOVER type as the 0.5b1 GSR codes it (2021 names)."""
    typed = plover_type(event)
    return PLOVER_05B1_TYPES.get(event.cameo, typed) if typed and typed != "AGREE" else typed


# --- PETRARCH-2 GSR validation ---------------------------------------------------------------------
_RECORD = re.compile(r"<Sentence\s([^>]*?)/?>(.*?)</Sentence>", re.DOTALL)


def read_petrarch(path: Path) -> list[GoldSentence]:
    """The records of the (not well-formed) validation XML, read leniently."""
    out = []
    for attrs_text, body in _RECORD.findall(path.read_text(encoding="utf-8")):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', attrs_text))
        text = re.search(r"<Text>(.*?)</Text>", body, re.DOTALL)
        if not text or not text.group(1).strip():
            continue
        codings = [dict(re.findall(r'(\w+)="([^"]*)"', c)) for c in re.findall(r"<EventCoding([^>]*)/?>", body)]
        triples = frozenset(
            (c["sourcecode"], c["targetcode"], c["eventcode"][:2]) for c in codings if c.get("eventcode")
        )
        out.append(GoldSentence(attrs.get("id", str(len(out))), " ".join(text.group(1).split()),
                                sentence_date(attrs.get("date", "")), triples))
    return out


def sentence_date(value: str) -> dt.date | None:
    """A GSR ``date`` attribute: YYYYMMDD, or YYMMDD as some records are written; None if neither."""
    pattern = {8: "%Y%m%d", 6: "%y%m%d"}.get(len(value))
    try:
        return dt.datetime.strptime(value, pattern).date() if pattern and value.isdigit() else None
    except ValueError:
        return None


def score_petrarch(coded: Iterable[tuple[GoldSentence, CodedArticle]]) -> dict[str, Any]:
    """F1 with full actor codes and at country level over the reported acts (see the module
    docstring); ``*_all_events`` scores every event casus emits. An event with no source (an act told with no
    agent) counts with PETRARCH's code for no actor, ``---``."""
    counts = Counter()
    detail = []
    for gold, article in coded:
        coded_events = [e for e in article.events if e.target]
        for subset, events in (("", reported_acts(coded_events)), ("_all_events", coded_events)):
            predicted = {(e.source.code if e.source else UNKNOWN_SOURCE, e.target.code, e.cameo[:2]) for e in events}
            for level, project in (("codes", lambda t: t), ("countries", lambda t: (_country(t[0]), _country(t[1]), t[2]))):
                p = {project(t) for t in predicted}
                g = {project(t) for t in gold.answer}
                counts[f"{level}{subset}", "tp"] += len(p & g)
                counts[f"{level}{subset}", "pred"] += len(p)
                counts[f"{level}{subset}", "gold"] += len(g)
            if not subset:
                detail.append({"id": gold.id, "gold": sorted(gold.answer), "predicted": sorted(predicted)})
    keys = sorted({k for k, _ in counts})
    return {
        "sentences": len(detail),
        **{f"root_f1_{k}": prf(counts[k, "tp"], counts[k, "pred"], counts[k, "gold"]) for k in keys},
        "detail": detail,
    }


# --- PLOVER GSR ---------------------------------------------------------------------------------------
def read_plover(path: Path) -> list[GoldSentence]:
    records = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for r in records:
        if r.get("event") == "DOCUMENT" or not r.get("text"):
            continue
        sources = r.get("source") or []
        sources = [s.get("code", "") for s in sources] if isinstance(sources, list) else []
        out.append(GoldSentence(r["id"], r["text"], None, PLOVER_RENAMED.get(r["event"], r["event"]), tuple(sources)))
    return out


def score_plover(coded: Iterable[tuple[GoldSentence, CodedArticle]]) -> dict[str, Any]:
    tp = n_pred = n_gold = source_ok = typed = 0
    per_type: Counter = Counter()
    for gold, article in coded:
        events = reported_acts(article.events)
        types = {gsr_type(e) for e in events if gsr_type(e)}
        n_gold += 1
        n_pred += len(types)
        if gold.answer in types:
            tp += 1
            per_type[gold.answer] += 1
            typed += 1
            hit = [e for e in events if gsr_type(e) == gold.answer]
            source_ok += any(same_country(_country(e.source.code), c) for e in hit if e.source for c in gold.extra)
    return {
        "sentences": n_gold,
        "type": prf(tp, n_pred, n_gold),
        "source_country_accuracy": round(source_ok / typed, 4) if typed else None,
        "found_by_type": dict(sorted(per_type.items())),
    }


# --- ConfliBERT CAMEO -------------------------------------------------------------------------------------
def pentaclass(cameo: str) -> int:
    """CAMEO root → ConfliBERT's PentaClass (0 statement, 1–4 as the quad classes but 02–05 for 1)."""
    root = int(cameo[:2])
    return 0 if root == 1 else 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def read_conflibert_classes(path: Path) -> list[GoldSentence]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        text, _, label = line.rpartition("\t")
        if text and label.strip().isdigit():
            out.append(GoldSentence(f"class-{n}", text, None, int(label)))
    return out


def read_conflibert_spans(path: Path) -> list[GoldSentence]:
    """BIO sentences → text plus character spans of S (source) and T (target) actors."""
    out: list[GoldSentence] = []
    words: list[tuple[str, str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            word, _, tag = line.rpartition(" ")
            words.append((word, tag))
            continue
        if words:
            text, spans = "", {"S": [], "T": []}
            for word, tag in words:
                start = len(text) + (1 if text else 0)
                text = f"{text} {word}" if text else word
                role = tag[2:]
                if tag.startswith("B-") and role in spans:
                    spans[role].append([start, start + len(word)])
                elif tag.startswith("I-") and role in spans and spans[role]:
                    spans[role][-1][1] = start + len(word)
            out.append(GoldSentence(f"span-{len(out)}", text, None, {k: [tuple(s) for s in v] for k, v in spans.items()}))
            words = []
    return out


def score_conflibert(classes, spans) -> dict[str, Any]:
    confusion: Counter = Counter()
    for gold, article in classes:
        predicted = max((pentaclass(e.cameo) for e in article.events), default=None)
        confusion[(gold.answer, predicted)] += 1
    per_class = {
        c: prf(confusion[(c, c)], sum(v for (g, p), v in confusion.items() if p == c),
               sum(v for (g, p), v in confusion.items() if g == c))
        for c in range(5)
    }
    n = sum(confusion.values())
    role_counts = Counter()
    for gold, article in spans:
        for role, attr in (("S", "source"), ("T", "target")):
            predicted = {getattr(e, attr).span for e in article.events if getattr(e, attr) is not None}
            gold_spans = gold.answer[role]
            role_counts[f"{role}_tp_pred"] += sum(1 for p in predicted if any(_overlap(p, g) for g in gold_spans))
            role_counts[f"{role}_pred"] += len(predicted)
            role_counts[f"{role}_tp_gold"] += sum(1 for g in gold_spans if any(_overlap(p, g) for p in predicted))
            role_counts[f"{role}_gold"] += len(gold_spans)

    def span_prf(role: str) -> dict[str, float]:
        p = role_counts[f"{role}_tp_pred"] / role_counts[f"{role}_pred"] if role_counts[f"{role}_pred"] else 0.0
        r = role_counts[f"{role}_tp_gold"] / role_counts[f"{role}_gold"] if role_counts[f"{role}_gold"] else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r) if p + r else 0.0, 4)}

    return {
        "class_sentences": n,
        "class_accuracy": round(sum(confusion[(c, c)] for c in range(5)) / n, 4) if n else None,
        "no_event": sum(v for (g, p), v in confusion.items() if p is None),
        "per_class": per_class,
        "macro_f1": round(sum(v["f"] for v in per_class.values()) / 5, 4),
        "span_sentences": len(spans),
        "source_spans": span_prf("S"),
        "target_spans": span_prf("T"),
    }


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def register(eval_app: typer.Typer) -> None:
    def _emit(scores: dict[str, Any], as_json: bool, detail: bool) -> None:
        if not detail:
            scores = {k: ({kk: vv for kk, vv in v.items() if kk != "detail"} if isinstance(v, dict) else v)
                      for k, v in scores.items() if k != "detail"}
        typer.echo(json.dumps(scores) if as_json else json.dumps(scores, indent=1))

    @eval_app.command("petrarch")
    def petrarch(
        path: Path = typer.Option(SHARED / "petrarch-validation" / "PETR2_GSR_validation.xml", exists=True),
        model: str = typer.Option("fast", help="Shipped parser model."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
        detail: bool = typer.Option(False, help="Include per-sentence gold and predictions."),
    ) -> None:
        """PETRARCH-2 GSR validation: root-level F1 on (source, target, root); dev and test halves."""
        from casus.pipeline import Resources

        sentences = read_petrarch(path)
        coded = list(code_sentences(sentences, Resources.load(model)))
        _emit(halves(score_petrarch, coded), as_json, detail)

    @eval_app.command("plover")
    def plover(
        path: Path = typer.Option(SHARED / "plover-gsr" / "PLOVER_GSR_CAMEO.txt", exists=True),
        model: str = typer.Option("fast", help="Shipped parser model."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """PLOVER gold standard records: event type P/R/F1 and source-country accuracy."""
        from casus.pipeline import Resources

        sentences = read_plover(path)
        coded = list(code_sentences(sentences, Resources.load(model)))
        _emit(halves(score_plover, coded), as_json, False)

    @eval_app.command("conflibert")
    def conflibert(
        root: Path = typer.Option(SHARED / "conflibert-cameo", exists=True, file_okay=False),
        limit: int = typer.Option(0, help="Score only the first N sentences of each file (0 = all)."),
        model: str = typer.Option("fast", help="Shipped parser model."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """ConfliBERT CAMEO train split: quad (penta) class of the sentence, source/target spans."""
        from casus.pipeline import Resources

        res = Resources.load(model)
        classes = read_conflibert_classes(root / "cameo_class" / "train.tsv")
        spans = read_conflibert_spans(root / "cameo_ner" / "train.txt")
        if limit:
            classes, spans = classes[:limit], spans[:limit]
        _emit(score_conflibert(list(code_sentences(classes, res)), list(code_sentences(spans, res))), as_json, False)

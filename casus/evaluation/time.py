"""``casus eval time``: time expressions against TempEval-3 TIMEX3 gold.

Documents are TimeML; the creation time (DCT) is the publication date. Span P/R/F1 is reported
strict (same offsets) and relaxed (overlap); value P/R/F1 counts relaxed matches whose normalised
value equals the gold TIMEX3 value (TempEval-3's attribute F1). Tune on TimeBank + AQUAINT
("dev"), report on the platinum test set ("test").
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import typer

DATA = Path("/work/shared/data/tempeval3")
SPLITS = {"dev": ("Training/TBAQ-cleaned/TimeBank", "Training/TBAQ-cleaned/AQUAINT"), "test": ("Evaluation/te3-platinum",)}
TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")


@dataclass(frozen=True)
class Timex:
    span: tuple[int, int]
    text: str
    value: str
    type: str


@dataclass(frozen=True)
class TimeMLDocument:
    name: str
    text: str
    published: dt.date | None
    timexes: tuple[Timex, ...]


def read_timeml(path: Path) -> TimeMLDocument:
    """The TEXT body as plain text with its TIMEX3 spans, and the DCT as the publication date."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})', raw) or re.search(
        r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    text: list[str] = []
    length = 0
    timexes: list[Timex] = []
    open_at: tuple[int, str, str] | None = None
    position = 0
    for tag in TAG.finditer(body):
        chunk = html.unescape(body[position:tag.start()])
        text.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name, attrs = tag.group(1), tag.group(2), tag.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            value = re.search(r'value="([^"]*)"', attrs)
            kind = re.search(r'type="([^"]*)"', attrs)
            open_at = (length, value.group(1) if value else "", kind.group(1) if kind else "")
        elif open_at:
            plain = "".join(text)
            timexes.append(Timex((open_at[0], length), plain[open_at[0]:length], open_at[1], open_at[2]))
            open_at = None
    text.append(html.unescape(body[position:]))
    published = dt.date.fromisoformat(dct.group(1)) if dct else None
    return TimeMLDocument(path.stem, "".join(text), published, tuple(timexes))


def documents(split: str, root: Path = DATA) -> Iterator[TimeMLDocument]:
    for folder in SPLITS[split]:
        for path in sorted((root / folder).glob("*.tml")):
            yield read_timeml(path)


def prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f": round(100 * 2 * p * r / (p + r), 2) if p + r else 0.0}


def score(split: str, root: Path = DATA, errors: int = 0, nlp=None) -> dict[str, object]:
    """Strict/relaxed span and value P/R/F1 of ``find_times`` on a TempEval-3 split (tense from the
    parse when ``nlp`` is given, else from the words)."""
    from casus.extract.times import find_times

    counts = {"pred": 0, "gold": 0, "strict": 0, "relaxed_p": 0, "relaxed_r": 0, "value_p": 0, "value_r": 0}
    shown: list[str] = []
    for doc in documents(split, root):
        predicted = find_times(doc.text, doc.published, nlp(doc.text) if nlp else None)
        counts["pred"] += len(predicted)
        counts["gold"] += len(doc.timexes)
        gold_spans = {g.span for g in doc.timexes}
        counts["strict"] += sum(p.span in gold_spans for p in predicted)
        for p in predicted:
            overlapping = [g for g in doc.timexes if g.span[0] < p.span[1] and p.span[0] < g.span[1]]
            counts["relaxed_p"] += bool(overlapping)
            counts["value_p"] += any(g.value == p.value for g in overlapping)
            if len(shown) < errors and overlapping and all(g.value != p.value for g in overlapping):
                shown.append(f"{doc.name} {doc.published} {p.text!r} → {p.value} | gold {overlapping[0].text!r} {overlapping[0].value}")
            elif len(shown) < errors and not overlapping:
                shown.append(f"{doc.name} spurious {p.text!r} {p.value}")
        for g in doc.timexes:
            overlapping = [p for p in predicted if g.span[0] < p.span[1] and p.span[0] < g.span[1]]
            counts["relaxed_r"] += bool(overlapping)
            counts["value_r"] += any(p.value == g.value for p in overlapping)
            if len(shown) < errors and not overlapping:
                shown.append(f"{doc.name} missed {g.text!r} {g.value}")
    return {
        "split": split,
        "tense": "parse" if nlp else "words",
        "gold": counts["gold"],
        "predicted": counts["pred"],
        "span_strict": prf(counts["strict"], counts["pred"], counts["strict"], counts["gold"]),
        "span_relaxed": prf(counts["relaxed_p"], counts["pred"], counts["relaxed_r"], counts["gold"]),
        "value": prf(counts["value_p"], counts["pred"], counts["value_r"], counts["gold"]),
        "errors": shown,
    }


def register(eval_app: typer.Typer) -> None:
    @eval_app.command("time")
    def time_command(
        split: str = typer.Option("test", help="dev = TimeBank + AQUAINT (tuning), test = TE3 platinum"),
        data: Path = typer.Option(DATA, help="TempEval-3 directory"),
        errors: int = typer.Option(0, help="print up to N disagreements"),
        parse: bool = typer.Option(False, help="take tense from the shipped parser"),
    ) -> None:
        """Time expressions vs TempEval-3 TIMEX3: span (strict, relaxed) and value P/R/F1."""
        from casus import nlp

        result = score(split, data, errors, nlp.load() if parse else None)
        for line in result.pop("errors"):
            typer.echo(line)
        typer.echo(json.dumps(result, indent=2))

"""``casus eval parse`` and ``casus eval ner``: score the shipped pipeline on UD / UNER gold data.

Parse: UPOS, lemma accuracy, UAS, LAS on the treebank's gold tokens and sentences, one sentence per Doc as
``spacy convert`` + ``spacy evaluate`` do by default (spaCy's scorer: punctuation excluded from
UAS/LAS); the same on whole gold-token documents (``uas_doc``/``las_doc``, where the parser also
splits sentences); then LAS and sentence P/R/F1 from the raw text (rebuilt from ``SpaceAfter``, paragraphs as
blank lines). Words/s counts UD words per second of this process's CPU time (raw-text parse), so a
busy machine does not skew it. NER: exact-span precision, recall and F1 per type on gold tokens.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import typer

#: UNER's types → casus entity labels.
UNER_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}


@dataclass(frozen=True)
class GoldDocument:
    """One gold document: its tokens and, for the raw-text scores, the sentences."""

    words: tuple[str, ...]
    spaces: tuple[bool, ...]
    entities: tuple[tuple[int, int, str], ...]  # token spans
    sentences: tuple = ()  # casus.nlp.conllu.Sentence, for treebank files


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f": round(100 * (2 * p * r / (p + r) if p + r else 0.0), 2)}


def treebank_documents(path: Path) -> Iterator[GoldDocument]:
    from casus.nlp import conllu

    for sentences in conllu.group_documents(conllu.read_sentences(path)):
        words = [w for s in sentences for w in s.words]
        spaces = [w.space_after or (i == len(s.words) - 1) for s in sentences for i, w in enumerate(s.words)]
        yield GoldDocument(tuple(w.form for w in words), tuple(spaces), tuple(conllu.named_entities(sentences)),
                           tuple(sentences))


def iob2_documents(path: Path) -> Iterator[GoldDocument]:
    """UNER's iob2 files (token, tag per line; ``# newdoc`` starts a document)."""
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("# newdoc") and words:
                yield _iob2_document(words, tags)
                words, tags = [], []
            elif line.strip() and not line.startswith("#"):
                cols = line.rstrip("\n").split("\t")
                words.append(cols[1])
                tags.append(cols[2])
    if words:
        yield _iob2_document(words, tags)


def _iob2_document(words: list[str], tags: list[str]) -> GoldDocument:
    spans: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag.startswith("B-") or (tag.startswith("I-") and (not spans or spans[-1][1] != i)):
            spans.append((i, i + 1, UNER_LABELS.get(tag[2:], tag[2:])))
        elif tag.startswith("I-"):
            spans[-1] = (spans[-1][0], i + 1, spans[-1][2])
    return GoldDocument(tuple(words), tuple(True for _ in words), tuple(spans))


def score_parse(nlp, documents: list[GoldDocument], paragraph_breaks: bool = True) -> dict[str, float]:
    """UPOS/lemma/UAS/LAS on gold tokens; LAS, sentence P/R/F1 and words/s from raw text."""
    from spacy.tokens import Doc
    from spacy.training import Example

    from casus.nlp import conllu

    def on_gold_tokens(groups: list[list]) -> dict:
        return nlp.evaluate([Example(Doc(nlp.vocab, words=[w.form for s in group for w in s.words],
                                         spaces=[bool(w.space_after) for s in group for w in s.words]),
                                     conllu.to_doc(nlp.vocab, group)) for group in groups])

    by_sentence = on_gold_tokens([[s] for d in documents for s in d.sentences])
    by_document = on_gold_tokens([list(d.sentences) for d in documents])
    gold = [conllu.to_doc(nlp.vocab, list(d.sentences)) for d in documents]
    raw = [conllu.raw_text(list(d.sentences), paragraph_breaks) for d in documents]
    start = time.process_time()
    parsed = list(nlp.pipe(text for text, _ in raw))
    seconds = time.process_time() - start
    on_raw_text = nlp.evaluate([Example(nlp.make_doc(text), g) for (text, _), g in zip(raw, gold)])
    tp = n_pred = n_gold = 0
    for doc, (text, spans) in zip(parsed, raw):
        predicted = {_strip(text, s.start_char, s.end_char) for s in doc.sents if s.text.strip()}
        tp, n_pred, n_gold = tp + len(predicted & set(spans)), n_pred + len(predicted), n_gold + len(spans)
    sents = prf(tp, n_pred, n_gold)
    return {
        "upos": round(100 * by_sentence["pos_acc"], 2),
        "lemma": round(100 * by_sentence["lemma_acc"], 2),
        "uas": round(100 * by_sentence["dep_uas"], 2),
        "las": round(100 * by_sentence["dep_las"], 2),
        "uas_doc": round(100 * by_document["dep_uas"], 2),
        "las_doc": round(100 * by_document["dep_las"], 2),
        "sents_p": sents["p"], "sents_r": sents["r"], "sents_f": sents["f"],
        "las_raw": round(100 * on_raw_text["dep_las"], 2),
        "words_per_sec": round(sum(len(d.words) for d in documents) / seconds),
    }


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def score_entities(nlp, documents: list[GoldDocument], labels: Iterable[str] | None = None) -> dict:
    """Exact-span P/R/F1 overall and per type on gold tokens; ``labels`` restricts both sides."""
    from spacy.tokens import Doc

    keep = set(labels) if labels else None
    tp, pred, gold = Counter(), Counter(), Counter()
    docs = nlp.pipe(Doc(nlp.vocab, words=list(d.words), spaces=list(d.spaces)) for d in documents)
    for doc, document in zip(docs, documents):
        predicted = {(e.start, e.end, e.label_) for e in doc.ents if keep is None or e.label_ in keep}
        expected = {e for e in document.entities if keep is None or e[2] in keep}
        for _, _, label in predicted & expected:
            tp[label] += 1
        pred.update(e[2] for e in predicted)
        gold.update(e[2] for e in expected)
    types = sorted(set(pred) | set(gold))
    return {"overall": prf(sum(tp.values()), sum(pred.values()), sum(gold.values())),
            "types": {t: {**prf(tp[t], pred[t], gold[t]), "support": gold[t]} for t in types}}


def register(eval_app: typer.Typer) -> None:
    @eval_app.command("parse")
    def parse(
        conllu: Path = typer.Option(..., exists=True, help="A UD CoNLL-U file (e.g. en_ewt-ud-test.conllu)."),
        model: str = typer.Option("fast", help="Shipped model name."),
        paragraph_breaks: bool = typer.Option(True, help="Raw text keeps paragraphs as blank lines."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """UPOS/lemma/UAS/LAS on gold tokens; sentence F1 and LAS from raw text; words/s."""
        from casus import nlp as casus_nlp

        scores = score_parse(casus_nlp.load(model), list(treebank_documents(conllu)), paragraph_breaks)
        typer.echo(json.dumps(scores) if as_json else "\n".join(f"{k:>14}  {v}" for k, v in scores.items()))

    @eval_app.command("ner")
    def ner(
        conllu: Path = typer.Option(None, exists=True, help="A GUM CoNLL-U file with the Entity layer."),
        iob2: Path = typer.Option(None, exists=True, help="A UNER iob2 file (PER/ORG/LOC)."),
        model: str = typer.Option("fast", help="Shipped model name."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """Named-entity precision/recall/F1 per type (UNER: PERSON, ORG, GPE only)."""
        from casus import nlp as casus_nlp

        if (conllu is None) == (iob2 is None):
            raise typer.BadParameter("give exactly one of --conllu or --iob2")
        documents = list(treebank_documents(conllu) if conllu else iob2_documents(iob2))
        scores = score_entities(casus_nlp.load(model), documents, None if conllu else UNER_LABELS.values())
        if as_json:
            typer.echo(json.dumps(scores))
            return
        typer.echo(f"{'overall':>10}  P {scores['overall']['p']:6.2f}  R {scores['overall']['r']:6.2f}  F {scores['overall']['f']:6.2f}")
        for label, s in scores["types"].items():
            typer.echo(f"{label:>10}  P {s['p']:6.2f}  R {s['r']:6.2f}  F {s['f']:6.2f}  n={s['support']}")

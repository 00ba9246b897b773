"""Rebuild the shipped parser from the treebanks: ``python -m casus.nlp.training build``.

Steps: convert UD English EWT + the permissively licensed GUM documents to spaCy DocBins, train with
``training/<model>.cfg`` (seeded, one thread), and copy the trained pipeline (without training-only
files) into ``casus/nlp/models/en_casus_<model>``. Paths default to ``../shared`` next to the repo.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import typer

from casus.nlp import conllu

REPO = Path(__file__).resolve().parents[2]
MODELS = Path(__file__).resolve().parent / "models"
TRAIN_SENTS_PER_DOC = 10

app = typer.Typer(help="Train casus's English pipeline from UD treebanks.", no_args_is_help=True)


def treebank_docs(vocab, path: Path, max_sents: int = 0) -> list:
    """Docs of a CoNLL-U file; GUM keeps only permissive genres and carries gold entities."""
    docs = []
    for sentences in conllu.group_documents(conllu.read_sentences(path), max_sents):
        doc_genre = conllu.genre(sentences[0].doc_id)
        if doc_genre and doc_genre not in conllu.GUM_PERMISSIVE_GENRES:
            continue
        docs.append(conllu.to_doc(vocab, sentences, entities=bool(doc_genre)))
    return docs


#: The treebank files of each split: EWT dev is training data too, so checkpoints are chosen on the
#: permissive GUM dev documents alone and EWT test stays unseen.
SPLITS = {"train": ("ud-english-ewt/en_ewt-ud-train.conllu", "ud-english-ewt/en_ewt-ud-dev.conllu",
                    "ud-english-gum/en_gum-ud-train.conllu"),
          "dev": ("ud-english-gum/en_gum-ud-dev.conllu",)}


def convert(shared: Path, corpus: Path) -> None:
    """Write train.spacy and dev.spacy (``SPLITS``: EWT + permissive GUM) into ``corpus``."""
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("en").vocab
    corpus.mkdir(parents=True, exist_ok=True)
    for split, files in SPLITS.items():
        docs = [doc for name in files
                for doc in treebank_docs(vocab, shared / "data" / name, TRAIN_SENTS_PER_DOC if split == "train" else 0)]
        DocBin(docs=docs, store_user_data=False).to_disk(corpus / f"{split}.spacy")
        typer.echo(f"{split}: {len(docs)} docs, {sum(len(d) for d in docs)} tokens")


def news_paragraphs(shared: Path) -> list[str]:
    """The paragraphs of the AllSides news bodies (Apache-2.0), in file order."""
    import json

    paragraphs: list[str] = []
    for path in sorted((shared / "data" / "allsides-news-subset" / "data" / "jsons").glob("*.json")):
        body = json.loads(path.read_text(encoding="utf-8")).get("content_original") or ""
        paragraphs.extend(p.strip() for p in body.split("\n") if p.strip())
    return paragraphs


def vector_corpus(shared: Path, out: Path) -> None:
    """One tokenised line per paragraph: AllSides news bodies (Apache-2.0) plus the training treebanks
    (permissive GUM genres only)."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    paragraphs = news_paragraphs(shared)
    for path in (shared / "data" / "ud-english-ewt" / "en_ewt-ud-train.conllu",
                 shared / "data" / "ud-english-gum" / "en_gum-ud-train.conllu"):
        for sentences in conllu.group_documents(conllu.read_sentences(path)):
            if conllu.genre(sentences[0].doc_id) in conllu.GUM_PERMISSIVE_GENRES | {""}:
                paragraphs.extend(" ".join(w.form for w in s.words) for s in sentences)
    with open(out, "w", encoding="utf-8") as f:
        f.writelines(" ".join(t.text for t in doc if not t.is_space) + "\n" for doc in tokenizer.pipe(paragraphs))


def train_vectors(shared: Path, work: Path, dim: int = 64, bucket: int = 30000) -> None:
    """floret CBOW vectors (subword-hashed, so unseen words get vectors) → WORK/vectors (a spaCy dir).
    One thread keeps fastText deterministic."""
    import floret
    import spacy
    from spacy.training.initialize import convert_vectors

    text = work / "vectors.txt"
    vector_corpus(shared, text)
    model = floret.train_unsupervised(str(text), model="cbow", mode="floret", hashCount=2, bucket=bucket,
                                      minn=3, maxn=5, minCount=3, dim=dim, epoch=10, thread=1)
    model.save_floret_vectors(str(work / "vectors.floret"))
    nlp = spacy.blank("en")
    convert_vectors(nlp, work / "vectors.floret", truncate=0, prune=-1, mode="floret")
    nlp.to_disk(work / "vectors")


def pretrain(config: Path, shared: Path, work: Path, vectors: Path) -> Path:
    """Pretrain the tok2vec on the news paragraphs (spaCy's character objective, the config's
    ``[pretraining]``) and return the last epoch's weights, used as ``paths.init_tok2vec``."""
    import json

    from spacy.training.pretrain import pretrain as spacy_pretrain
    from spacy.util import load_config

    raw = work / "pretrain.jsonl"
    with open(raw, "w", encoding="utf-8") as f:
        f.writelines(json.dumps({"text": p}) + "\n" for p in news_paragraphs(shared) if len(p.split()) >= 5)
    output = work / "pretrain"
    output.mkdir(parents=True, exist_ok=True)
    settings = load_config(config, overrides={"paths.raw_text": str(raw), "paths.vectors": str(vectors)},
                           interpolate=False).interpolate()
    spacy_pretrain(settings, output, use_gpu=-1, silent=False)
    return output / "model-last.bin"


def package(trained: Path, model: str) -> None:
    """Copy a trained pipeline into the casus package without its training-only parts."""
    import spacy

    nlp = spacy.load(trained)
    nlp.meta.update(name=f"casus_{model}", license="CC BY-SA 4.0", author="casus",
                    description="casus English pipeline trained on UD EWT + permissive GUM; see MODEL_CARD.md")
    target = MODELS / f"en_casus_{model}"
    card = (target / "MODEL_CARD.md").read_text(encoding="utf-8") if (target / "MODEL_CARD.md").exists() else None
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    if card is not None:
        (target / "MODEL_CARD.md").write_text(card, encoding="utf-8")


@app.command()
def build(
    model: str = typer.Option("fast", help="Config training/<model>.cfg → casus/nlp/models/en_casus_<model>."),
    shared: Path = typer.Option(REPO.parent / "shared", help="The shared reference-data directory."),
    work: Path = typer.Option(REPO / "training" / "output", help="Scratch directory for corpora and runs."),
    reuse: bool = typer.Option(False, help="Reuse the corpus and vectors already in WORK."),
) -> None:
    """Convert the treebanks, train the news vectors, train and package one model."""
    from spacy.cli.train import train
    from spacy.util import load_config

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    corpus, vectors = work / "corpus", work / "vectors"
    if not reuse:
        convert(shared, corpus)
        train_vectors(shared, work)
    config = REPO / "training" / f"{model}.cfg"
    overrides = {"paths.train": str(corpus / "train.spacy"), "paths.dev": str(corpus / "dev.spacy"),
                 "paths.vectors": str(vectors)}
    if load_config(config, interpolate=False).get("pretraining"):
        overrides["paths.init_tok2vec"] = str(pretrain(config, shared, work, vectors))
    output = work / model
    train(config, output, use_gpu=-1, overrides=overrides)
    package(output / "model-best", model)


@app.command("convert")
def convert_command(
    shared: Path = typer.Option(REPO.parent / "shared"),
    corpus: Path = typer.Option(REPO / "training" / "output" / "corpus"),
) -> None:
    """Only convert the treebanks to DocBins."""
    convert(shared, corpus)


@app.command("package")
def package_command(trained: Path, model: str = "fast") -> None:
    """Only package a trained pipeline directory into the casus package."""
    package(trained, model)


if __name__ == "__main__":
    app()

"""Lexicon coverage audit: the predicates around coded actors that no event-lexicon entry codes.

    python bench/lexicon_coverage.py allsides [--articles 800] [--skip 0] [--topics T,..] [--top 150] [--cache F.spacy]
    python bench/lexicon_coverage.py peers [--top 150]
    python bench/lexicon_coverage.py fired BASE.yaml [--articles 100] [--skip 800] [--topics T,..] [--peers] [--sample 40]

``allsides`` parses AllSides articles (sorted by file name, minus the articles of the event gold files,
``--skip`` first) and ``peers`` the PLOVER GSR, PETRARCH-2 validation and ConfliBERT CAMEO sentences
that have a gold event but for which casus codes nothing. Both run the whole coding pipeline and list,
ranked by frequency with two example sentences, the predicates whose subject or object is a coded actor
and whose head word triggered no event: a verb lemma with its particle, direct object (``X`` for an
actor, the lemma of an event noun such as "sign statement") and prepositions, or a copular predicate
("be in touch with X"). ``entry`` marks heads that have some lexicon entry (its conditions failed, or the
coder found no actor for it); ``-`` heads that have none.

``fired`` codes the articles (``--peers``: the peer sentences) with the shipped lexicon and with BASE.yaml
(an older copy of ``casus/extract/lexicon/events.yaml``) and prints the events only the shipped one
codes, counted by entry, with a random sample of them to read their precision.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import random
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = Path(__file__).resolve().parents[1] / "casus" / "evaluation" / "gold" / "events"
SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj"})
OBLIQUES = frozenset({"obl", "obl:agent", "obl:arg"})
OWNERS = frozenset({"nmod:poss", "compound", "amod"})
RELATIVE_OBJECTS = frozenset({"that", "which", "whom", "who"})
QUANTITIES = frozenset({"million", "billion", "trillion", "thousand", "hundred", "dollar", "$"})
IGNORED = frozenset({"be", "have", "do", "get", "go", "come", "seem", "become", "include", "continue", "begin", "start"})


@dataclass(frozen=True)
class Predicate:
    key: str  # "approve spending for X"
    lemma: str
    sentence: str


def allsides_paths(articles: int, skip: int, topics: frozenset[str] = frozenset()) -> list[Path]:
    """AllSides article files in name order, without those the event gold files code, the first ``skip``
    left out, then only those of ``topics`` (AllSides' topic names) if given."""
    used = {json.loads(p.read_text())["article"]["path"].rsplit("/", 1)[-1] for p in GOLD.glob("*/*.gold.json")}
    folder = SHARED / "data" / "allsides-news-subset" / "data" / "jsons"
    paths = [p for p in sorted(folder.glob("*.json")) if p.name not in used][skip:]
    if topics:
        paths = [p for p in paths if json.loads(p.read_text()).get("topic") in topics]
    return paths[:articles]


def read_articles(paths: Iterable[Path]) -> list:
    from casus import ingest

    return [a for a in ingest.read([str(p) for p in paths]) if not hasattr(a, "reason")]


def peer_articles() -> list:
    """Peer sentences with a gold event, as articles (id = "peer:sentence id")."""
    from casus.evaluation import peers
    from casus.records import Article

    root = SHARED / "data"
    sets = {
        "plover": peers.read_plover(root / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"),
        "petrarch": [s for s in peers.read_petrarch(root / "petrarch-validation" / "PETR2_GSR_validation.xml") if s.answer],
        "conflibert": peers.read_conflibert_classes(root / "conflibert-cameo" / "cameo_class" / "train.tsv"),
    }
    return [Article(id=f"{name}:{s.id}", text=s.text, published=s.published) for name, sents in sets.items() for s in sents]


def parsed(articles: list, nlp, cache: Path | None = None) -> list[tuple]:
    """(article, doc) pairs; ``cache`` keeps the parses in a DocBin for the same article list."""
    from spacy.tokens import DocBin

    from casus.nlp import parse_many

    if cache and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(articles):
            return list(zip(articles, docs))
    pairs = list(parse_many(nlp, articles))
    if cache:
        DocBin(docs=[doc for _, doc in pairs], store_user_data=False).to_disk(cache)
    return pairs


def coded_contexts(pairs: list[tuple], res) -> Iterator:
    """Each parsed article run through the coding steps: (context before dropping source-less events, final context)."""
    from casus.pipeline import Context, default_steps, sentences_of

    for article, doc in pairs:
        ctx = Context(article=article, doc=doc, sentences=sentences_of(doc))
        before_drop = None
        for step in default_steps():
            if step.__name__ == "drop_countryless":
                before_drop = ctx
            ctx = step(ctx, res)
        yield before_drop or ctx, ctx


def _actor_tokens(ctx) -> set[int]:
    """Token indices inside a coded actor mention."""
    starts = {t.idx: t.i for t in ctx.doc}
    tokens: set[int] = set()
    for actor in ctx.actors:
        if actor.code:
            span = ctx.doc.char_span(*actor.span, alignment_mode="expand")
            tokens.update(range(span.start, span.end) if span is not None else [starts.get(actor.span[0], -1)])
    return tokens


def _is_actor(token, actors: set[int]) -> bool:
    """Whether the phrase headed by ``token`` (or a conjunct, or its owner: "Israel's Iron Dome") is a coded actor."""
    heads = (token, *token.conjuncts) if token is not None else ()
    return any(t.i in actors or any(c.dep_ in OWNERS and c.i in actors for c in t.children) for t in heads)


def _arguments(verb):
    """(subject, object) of ``verb``, with the controller or antecedent when the verb has none itself."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    obj = next((c for c in verb.children if c.dep_ == "obj"), None)
    if verb.dep_ == "acl:relcl":
        relative = next((c for c in verb.children if c.lower_ in RELATIVE_OBJECTS), None)
        if relative is not None and relative.dep_ in SUBJECTS:
            subject = verb.head
        elif obj is None or obj is relative:
            obj = verb.head
    elif subject is None and verb.dep_ in ("conj", "xcomp", "advcl"):
        subject = next((c for c in verb.head.children if c.dep_ in SUBJECTS), None)
    if obj is not None and (obj.lemma_.lower() in QUANTITIES or obj.pos_ == "NUM"):
        obj = next((c for c in obj.children if c.dep_ == "nmod"), obj)  # "$225 million in spending"
    return subject, obj


def _word(token, actors: set[int]) -> str:
    if _is_actor(token, actors):
        return "X"
    return token.lemma_.lower() if token.pos_ in ("NOUN", "PROPN", "ADJ") else "_"


def _preps(head, actors: set[int], deps: frozenset[str]) -> list[str]:
    """The prepositions of ``head`` whose object is a coded actor ("with X"); others (places, times) vary too much."""
    out = []
    for child in head.children:
        case = next((c for c in child.children if c.dep_ == "case"), None)
        if child.dep_ in deps and case is not None and _is_actor(child, actors):
            out.append(f"{case.lemma_.lower()} X")
    return sorted(out)


def _lemma(token, lexicon) -> str:
    """The token's lemma as the coder reads it: the first of its forms that the lexicon knows, if any
    (a trained lemmatizer's "lifte" for "lifted" is "lift")."""
    from casus.extract.events import lemmas

    forms = lemmas(token)
    return next((f for f in forms if ("verb", f) in lexicon.by_word or ("noun", f) in lexicon.by_word), forms[0])


def predicates(ctx, covered: set[int], lexicon) -> Iterator[Predicate]:
    """Uncovered predicates of one coded article whose subject or object is a coded actor."""
    actors = _actor_tokens(ctx)
    speech = lexicon.speech
    for token in ctx.doc:
        if token.i in covered or token.i in actors:
            continue
        lemma = _lemma(token, lexicon)
        copula = next((c for c in token.children if c.dep_ == "cop"), None)
        if token.pos_ == "VERB" and lemma not in speech | IGNORED:
            subject, obj = _arguments(token)
            if obj is None and any(c.dep_ == "xcomp" for c in token.children):
                continue  # "wants to X", "tried to X": the complement is the predicate
            agent = next((c for c in token.children if c.dep_ == "obl:agent"), None)
            if not (_is_actor(subject, actors) or _is_actor(obj, actors) or _is_actor(agent, actors)):
                continue
            particle = " ".join(c.lemma_.lower() for c in token.children if c.dep_ == "compound:prt")
            passive = " (passive)" if subject is not None and subject.dep_ == "nsubj:pass" else ""
            parts = [lemma, particle, _word(obj, actors) if obj is not None else ""]
            obj_preps = _preps(obj, actors, frozenset({"nmod"})) if obj is not None and not _is_actor(obj, actors) else []
            key = " ".join(p for p in [*parts, *obj_preps, *_preps(token, actors, OBLIQUES)] if p) + passive
        elif copula is not None and token.pos_ in ("NOUN", "ADJ") and _is_actor(
                next((c for c in token.children if c.dep_ == "nsubj"), None), actors):
            case = next((c.lemma_.lower() for c in token.children if c.dep_ == "case"), "")
            key = " ".join(p for p in ["be", case, lemma, *_preps(token, actors, frozenset({"nmod"}))] if p)
        else:
            continue
        yield Predicate(key=key, lemma=lemma, sentence=token.sent.text.strip())


def trigger_tokens(ctx) -> set[int]:
    """Token indices that triggered an event (its mentions' starts)."""
    starts = {t.idx: t.i for t in ctx.doc}
    return {starts[s] for e in ctx.events for s, _ in (e.mentions or (e.span,)) if s in starts}


def audit(contexts: Iterable, res, keep=lambda final: True) -> tuple[Counter, dict[str, list[str]], set[str], int]:
    counts: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    lemmas: dict[str, str] = {}
    n = 0
    for before_drop, final in contexts:
        if not keep(final):
            continue
        n += 1
        for p in predicates(before_drop, trigger_tokens(before_drop), res.lexicon):
            counts[p.key] += 1
            lemmas[p.key] = p.lemma
            if len(examples[p.key]) < 2 and p.sentence not in examples[p.key]:
                examples[p.key].append(p.sentence)
    known = {k for k, lemma in lemmas.items() if ("verb", lemma) in res.lexicon.by_word or ("noun", lemma) in res.lexicon.by_word}
    return counts, examples, known, n


def report(counts: Counter, examples: dict[str, list[str]], known: set[str], top: int, what: str) -> None:
    print(f"# {what}: {sum(counts.values())} uncovered predicate mentions, {len(counts)} distinct; top {top}")
    print("# rank  count  lexicon  predicate  | example sentences")
    for rank, (key, n) in enumerate(counts.most_common(top), 1):
        print(f"{rank:4d} {n:6d}  {'entry' if key in known else '-':7s}  {key}")
        for sentence in examples[key]:
            print(f"{'':22s}| {sentence[:220]}")


def _dyads(ctx) -> dict[tuple, object]:
    return {(e.sentence, e.cameo, e.source and e.source.code, e.target and e.target.code): e for e in ctx.events}


def fired(base_yaml: Path, pairs: list[tuple], res, sample: int, seed: int) -> None:
    """The events the shipped lexicon codes and the one in ``base_yaml`` does not, by entry, with a random
    sample to read."""
    from casus.extract.lexicon import Lexicon

    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(base_yaml, Path(tmp) / "events.yaml")
        old_res = dataclasses.replace(res, lexicon=Lexicon.load(Path(tmp), ontology=res.ontology))
    added: list[tuple] = []
    removed: list[tuple] = []
    for (_, new), (_, old) in zip(coded_contexts(pairs, res), coded_contexts(pairs, old_res)):
        before, after = _dyads(old), _dyads(new)
        added += [(new.article.id, e) for key, e in after.items() if key not in before]
        removed += [(old.article.id, e) for key, e in before.items() if key not in after]
    by_entry = Counter(e.explanation.entry if e.explanation else None for _, e in added)
    print(f"# {len(pairs)} articles: {len(added)} events added by the lexicon change, {len(removed)} no longer coded")
    for entry, n in by_entry.most_common():
        print(f"{n:4d}  {entry}")
    print("\n# a sample of the added events")
    for article, e in random.Random(seed).sample(added, min(sample, len(added))):
        print(_shown(article, e))
    print("\n# the events no longer coded")
    for article, e in removed:
        print(_shown(article, e))


def _shown(article: str, e) -> str:
    src, tgt = (a.code if a else None for a in (e.source, e.target))
    return f"\n{e.cameo} {src}->{tgt} {e.status}  [{article}] {e.explanation and e.explanation.entry}\n   {e.evidence[:300]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", choices=["allsides", "peers", "fired"])
    parser.add_argument("base", nargs="?", type=Path, help="for `fired`: the older events.yaml")
    parser.add_argument("--articles", type=int, default=800)
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--topics", default="", help="comma-separated AllSides topics (middle_east,world,...)")
    parser.add_argument("--top", type=int, default=150)
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--peers", action="store_true", help="for `fired`: the peer sentences instead of AllSides")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache", type=Path, help="DocBin file keeping the parses between runs")
    parser.add_argument("--model", default="fast")
    parser.add_argument("--lexicon", type=Path, help="audit the lexicon files in this folder instead of the shipped one")
    args = parser.parse_args()

    from casus.extract.lexicon import Lexicon
    from casus.pipeline import Resources

    res = Resources.load(args.model)
    if args.lexicon:
        res = dataclasses.replace(res, lexicon=Lexicon.load(args.lexicon, ontology=res.ontology))
    if args.corpus == "peers":
        contexts = coded_contexts(parsed(peer_articles(), res.nlp, args.cache), res)
        report(*audit(contexts, res, keep=lambda final: not final.events)[:3], args.top,
               "peer sentences with a gold event that casus codes nothing for")
        return
    if args.corpus == "fired" and args.peers:
        fired(args.base, parsed(peer_articles(), res.nlp, args.cache), res, args.sample, args.seed)
        return
    pairs = parsed(read_articles(allsides_paths(args.articles, args.skip, frozenset(filter(None, args.topics.split(","))))), res.nlp, args.cache)
    if args.corpus == "fired":
        fired(args.base, pairs, res, args.sample, args.seed)
        return
    counts, examples, known, n = audit(coded_contexts(pairs, res), res)
    report(counts, examples, known, args.top, f"{n} AllSides articles")


if __name__ == "__main__":
    main()

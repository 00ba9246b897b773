"""``casus explain "TEXT" --published DATE``: code a sentence (or a few) and say why each event was
coded — lexicon entry, rule, tokens, status — and why each sentence without an event has none."""
from __future__ import annotations

import typer


def describe(coded) -> list[str]:
    """Readable lines for a coded article: one block per event, one line per empty sentence."""
    lines = []
    for e in coded.events:
        source = f"{e.source.text} [{e.source.code}]" if e.source else "(unknown source) [-]"
        who = f"{source} → {e.target.text if e.target else '-'} [{e.target.code if e.target else '-'}]"
        lines.append(f"{e.id}  {e.cameo} {e.cameo_name}  (PLOVER {e.plover['type'] or '-'}, Goldstein {e.goldstein})")
        lines.append(f"    {who}  status={e.status}"
                     + (f" attributed_to={e.attributed_to.text} [{e.attributed_to.code}]" if e.attributed_to else ""))
        date = e.date.start.isoformat() if e.date.start else "unknown"
        if e.date.start and e.date.end and e.date.end != e.date.start:
            date += f"..{e.date.end.isoformat()}"
        lines.append(f"    date {date} ({'inferred from the publication date' if e.date.inferred else e.date.text})")
        if e.explanation:
            x = e.explanation
            lines.append(f"    rule {x.rule}; entry {x.entry or '-'}; tokens {', '.join(x.tokens)}")
            lines.extend(f"    note: {n}" for n in x.notes)
    for link in coded.links:
        lines.append(f"link {link.kind}: {link.source_event} → {link.target_event} ({link.why})")
    for r in coded.rejected:
        if "sentence" in r:
            lines.append(f"no event in sentence {r['sentence']}: {r['reason']} — {r['text'][:80]!r}")
    if not lines:
        lines.append("no sentences found in the input")
    return lines


def register(app: typer.Typer) -> None:
    @app.command("explain")
    def explain(
        text: str = typer.Argument(..., help="The sentence(s) to code."),
        published: str | None = typer.Option(None, help="Publication date YYYY-MM-DD (resolves relative dates)."),
        model: str = typer.Option("fast", help="Shipped parser model."),
    ) -> None:
        """Code TEXT and explain every event, and every sentence that produced none."""
        from casus.commands.code import parse_published
        from casus.ingest.furniture import find_furniture
        from casus.pipeline import Resources, code_article
        from casus.records import Article

        if not text.strip():
            raise typer.BadParameter("empty text: give a sentence to explain")
        article = Article(id="explain", text=text.strip(), published=parse_published(published),
                          furniture=find_furniture(text.strip()))
        coded = code_article(article, Resources.load(model))
        typer.echo("\n".join(describe(coded)))

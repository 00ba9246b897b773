"""A small hand-built corpus for the analysis, export and web tests (no parser involved).

Three wire reports of one Russian accusation against Turkey over Idlib (two within days of each
other, one weeks later), a rejection of it, a ceasefire agreement with an alleged breach, an
unrelated French visit, and an article whose body carries markup that must stay inert.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Iterator

from casus.records import (
    Actor, Agreement, Article, Casualties, CodedArticle, Event, EventDate, Explanation, Link, Obligation, Place,
    Quote, TimeExpr, Violation,
)  # fmt: skip

XSS = '<script>window.__casus_xss = 1</script><img src=x onerror="window.__casus_xss = 2">'


def find(text: str, phrase: str, after: int = 0) -> tuple[int, int]:
    start = text.index(phrase, after)
    return start, start + len(phrase)


def actor(text: str, phrase: str, code: str, name: str) -> Actor:
    return Actor(phrase, find(text, phrase), code=code, country=code[:3], role=code[3:], name=name, why="test corpus")


def day(date: dt.date, text: str | None = None, span: tuple[int, int] | None = None) -> EventDate:
    return EventDate(date, date, "day", text=text, inferred=text is None, span=span)


def event(text: str, eid: str, verb: str, cameo: str, name: str, quad: int, goldstein: float, source: Actor | None,
          target: Actor | None, date: EventDate, status: str = "asserted", **extra) -> Event:
    span = find(text, verb)
    plover = {"type": extra.pop("plover", None), "mode": None}
    return Event(eid, cameo, name, plover, goldstein, quad, source, target, status, span, 0, verb, date, mentions=(span,),
                 explanation=Explanation("verb", verb, (verb,), (f"{verb} codes {cameo}",)), **extra)  # fmt: skip


def place(text: str, phrase: str, name: str, country: str, lat: float, lon: float, feature: str = "city") -> Place:
    return Place(phrase, find(text, phrase), name=name, country=country, lat=lat, lon=lon, feature=feature)


def idlib_report(aid: str, source: str, published: dt.date, event_day: dt.date) -> CodedArticle:
    text = ("Russia accused Turkey of failing to neutralise militants in Idlib under their 2018 agreement. "
            "Turkey's Defence Ministry rejected the allegation as baseless. "
            '"Turkey has not fulfilled its obligations," a Kremlin spokesman said.')
    rus, tur = actor(text, "Russia", "RUSGOV", "Russia"), actor(text, "Turkey", "TURGOV", "Turkey")
    mod = actor(text, "Turkey's Defence Ministry", "TURMIL", "Ministry of National Defence")
    kremlin = actor(text, "a Kremlin spokesman", "RUSGOV", "Kremlin")
    idlib = place(text, "Idlib", "Idlib", "SYR", 35.93, 36.63, "ADM1")
    accuse = event(text, "E1", "accused", "112", "Accuse of crime, corruption", 3, -2.0, rus, tur, day(event_day),
                   location=idlib, plover="ACCUSE")  # fmt: skip
    reject = event(text, "E2", "rejected", "125", "Reject proposal", 3, -5.0, mod, rus, day(event_day), plover="REJECT")
    deal = Agreement("A1", "2018 agreement", ("RUS", "TUR"), find(text, "their 2018 agreement"),
                     EventDate(dt.date(2018, 1, 1), dt.date(2018, 12, 31), "year", "2018"), subject="Idlib de-escalation",
                     obligations=(Obligation("TUR", "neutralise militants", "neutralise militants in Idlib",
                                             find(text, "neutralise militants in Idlib")),),
                     violations=(Violation("TUR", ("RUSGOV",), "failing to neutralise militants", find(text, "failing to neutralise militants"), "E1"),))  # fmt: skip
    quote = Quote("Q1", kremlin, "said", "Turkey has not fulfilled its obligations,", find(text, "Turkey has not fulfilled its obligations,"),
                  "direct", find(text, "said"))  # fmt: skip
    return CodedArticle(
        article=Article(aid, text, title=f"Russia accuses Turkey over Idlib ({source})", url=f"https://news.example/{aid}",
                        source=source, published=published, language="en"),
        actors=(rus, tur, mod, kremlin), events=(accuse, reject), quotes=(quote,), places=(idlib,), agreements=(deal,),
        links=(Link("rejects", "E2", "E1", "the ministry rejects the accusation"),),
        times=(TimeExpr("2018", find(text, "2018"), dt.date(2018, 1, 1), dt.date(2018, 12, 31), "year", "2018"),),
    )  # fmt: skip


def ceasefire() -> CodedArticle:
    text = "Russia and Turkey signed a ceasefire deal in Moscow on March 5, hours after clashes killed 16 people in Idlib."
    rus, tur = actor(text, "Russia", "RUSGOV", "Russia"), actor(text, "Turkey", "TURGOV", "Turkey")
    march5 = day(dt.date(2020, 3, 5), "March 5", find(text, "March 5"))
    moscow = place(text, "Moscow", "Moscow", "RUS", 55.75, 37.62)
    idlib = place(text, "Idlib", "Idlib", "SYR", 35.93, 36.63, "ADM1")
    sign = event(text, "E1", "signed", "057", "Sign formal agreement", 1, 8.0, rus, tur, march5, location=moscow, plover="AGREE")
    sign = dataclasses.replace(sign, mentions=(sign.span, find(text, "deal")))
    clash = event(text, "E2", "clashes", "190", "Use conventional military force", 4, -10.0, None, None, march5,
                  location=idlib, casualties=Casualties("killed 16 people", find(text, "killed 16 people"), killed=16), plover="FIGHT")  # fmt: skip
    return CodedArticle(
        article=Article("ceasefire", text, title="Ceasefire in Idlib", source="Example Wire", published=dt.date(2020, 3, 6)),
        actors=(rus, tur), events=(sign, clash), places=(moscow, idlib),
        times=(TimeExpr("March 5", find(text, "March 5"), dt.date(2020, 3, 5), dt.date(2020, 3, 5), "day", "2020-03-05"),),
    )  # fmt: skip


def hostile_markup() -> CodedArticle:
    text = f"France hosted Germany's chancellor in Paris. {XSS} The visit went well & ended <b>early</b>."
    fra, deu = actor(text, "France", "FRAGOV", "France"), actor(text, "Germany's chancellor", "DEUGOV", "Chancellor")
    paris = place(text, "Paris", "Paris", "FRA", 48.86, 2.35)
    visit = event(text, "E1", "hosted", "043", "Host a visit", 1, 2.8, fra, deu, day(dt.date(2021, 6, 1)), location=paris,
                  plover="CONSULT")  # fmt: skip
    return CodedArticle(
        article=Article("markup", text, title="<i>Visit</i> & talks", source="Le Test", published=dt.date(2021, 6, 1)),
        actors=(fra, deu), events=(visit,), places=(paris,),
    )


def corpus() -> list[CodedArticle]:
    return [
        idlib_report("wire-a", "Reuters", dt.date(2020, 2, 12), dt.date(2020, 2, 12)),
        idlib_report("wire-b", "AP", dt.date(2020, 2, 13), dt.date(2020, 2, 11)),
        idlib_report("wire-c", "AFP", dt.date(2020, 2, 28), dt.date(2020, 2, 27)),
        ceasefire(),
        hostile_markup(),
    ]


def build_store(path) -> None:
    """Write the corpus to a DuckDB store at ``path`` and build its cross-article dedup tables."""
    from casus.analysis import dedup
    from casus.store import Store

    with Store(path) as store:
        store.write(corpus())
        dedup.refresh(store.con)


@contextlib.contextmanager
def running_server(db) -> Iterator[str]:
    """Serve the web app for ``db`` with uvicorn on a free loopback port; yields its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    from casus.web.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)

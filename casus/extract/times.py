"""Time expressions in news text, resolved against the publication date.

``find_times(text, published)`` finds dates, relative days, weeks, months, years, decades, ranges
("in the last 10 days", "earlier this week", "since January") and durations ("a nine-year war") and
normalises each to ``start``/``end``/``precision`` plus a TIMEX3-style ``value``. The rules that
decide are news rules: a bare weekday is the most recent one unless the governing verb is future;
the article's own weekday is that day; a future seen from the past ("would", "was due to") takes
the nearest one; a month or a day without a year takes the year that fits the tense (else the
nearest one, so "Dec. 30" in a January article is last year); a year stays a year. Tense comes from
the parse when a Doc is given, else from the words around the expression.

``event_date(ctx, token)`` dates an event by the expression attached to its own clause (see
``_attachment_rank``): never by a modifier inside another noun phrase ("withdrew from the 2015
accord") or by the clause an event is only embedded in ("sanctions imposed ... after Trump set an
ultimatum" is not dated by "Iran said on Saturday"). An event with no expression of its own is
dated, in this order: from its head's date by a measured "after"/"before" ("came a week after the
Taliban freed ...", "two years to the day after"); by the day a past-tense narrative is at (the day
of a recent earlier sentence); unknown when told in the past "during" someone's term of office
("during their administrations"); or, inferred, by the publication date — for an event told in the
past, the day before it too, since a report of yesterday's events carries today's date.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain
from typing import Any, Literal

from casus.extract.wordscan import NUMBER, matches_at, offsets_of, word_starts, words_of
from casus.records import EventDate, Precision, TimeExpr

Tense = Literal["past", "future", "near"] | None  # "near": future seen from the past ("would", "was due to")
Resolved = tuple[dt.date | None, dt.date | None, Precision, str | None]

MONTHS = {
    name: i
    for i, names in enumerate(
        [("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
         ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sept", "Sep"),
         ("October", "Oct"), ("November", "Nov"), ("December", "Dec")],
        start=1,
    )
    for name in names
}
WEEKDAYS = {name: i for i, name in enumerate(calendar.day_name)}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a few": 3, "few": 3, "several": 3, "a couple of": 2, "couple of": 2,
}
UNIT_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "hour": "H", "minute": "M"}
VAGUE = {"a few", "few", "several"}
TIME_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "tonight": "TNI"}
SEASONS = {"spring": (3, "SP"), "summer": (6, "SU"), "autumn": (9, "FA"), "fall": (9, "FA"), "winter": (12, "WI")}

_MONTH_ALT = "|".join(sorted((re.escape(m) + (r"\.?" if len(m) <= 4 and m != "May" else "") for m in MONTHS), key=len, reverse=True))
MON = rf"(?P<month>{_MONTH_ALT})(?![a-z])"
FULL_MON = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\b"
WD = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
OPT_WD = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_NUM_ALT = "|".join(sorted((re.escape(n).replace(r"\ ", r"\s+") for n in NUMBERS), key=len, reverse=True))
NUM = rf"(?P<n>\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|{_NUM_ALT})"
PART = r"(?P<part>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)"
UNIT = r"(?P<unit>day|week|month|year|decade|century|hour|minute)"
ci = "(?i:{})".format  # a case-insensitive group inside case-sensitive rules

MODALS = {"will", "'ll", "shall", "wo", "won't", "would", "could", "can", "may", "might", "should", "must"}
FUTURE_WORDS = MODALS | {"due", "plans", "scheduled", "slated", "expected", "planned", "upcoming"}
PAST_WORDS = {
    "was", "were", "had", "did", "said", "told", "ago", "met", "held", "took", "went", "came", "saw", "made",
    "gave", "left", "fled", "fought", "won", "lost", "began", "struck", "shot", "found", "sent", "spoke",
    "wrote", "became", "broke", "brought", "bought", "built", "chose", "drove", "fell", "felt", "flew", "got",
    "grew", "heard", "kept", "knew", "led", "paid", "rose", "ran", "sold", "sought", "stood", "swore",
    "thought", "threw", "withdrew", "overthrew", "sank", "beat", "bore", "slew", "been",
}
NOT_PAST = {"need", "speed", "seed", "feed", "proceed", "succeed", "exceed", "indeed", "embed", "united", "limited",
            "based", "proposed", "alleged", "armed", "supposed", *FUTURE_WORDS}


def _num(word: str) -> int | None:
    word = re.sub(r"\s+", " ", word.lower())
    if word.isdigit():
        return int(word)
    if "-" in word:
        tens, ones = word.split("-", 1)
        return NUMBERS.get(tens, 0) + NUMBERS.get(ones, 0) or None
    return NUMBERS.get(word)


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".")]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _shift(day: dt.date, n: int, unit: str) -> dt.date:
    """``day`` moved by ``n`` units (negative = back)."""
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit == "week":
        return day + dt.timedelta(weeks=n)
    months = {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit]
    return _add_months(day, n * months)


def duration_value(n: int | None, unit: str) -> str:
    """TIMEX3 duration: "P9Y", "PT2H", "P20Y" for two decades, "PXW" when the count is vague."""
    count = "X" if n is None else str(n)
    if unit in ("hour", "minute"):
        return f"PT{count}{UNIT_CODES[unit]}"
    if unit in ("decade", "century") and n is not None:
        return f"P{n * (10 if unit == 'decade' else 100)}Y"
    return f"P{count}{UNIT_CODES[unit]}"


def _week(day: dt.date) -> Resolved:
    monday = day - dt.timedelta(days=day.weekday())
    iso = day.isocalendar()
    return monday, monday + dt.timedelta(days=6), "week", f"{iso[0]}-W{iso[1]:02d}"


def _month_of(year: int, month: int) -> Resolved:
    return dt.date(year, month, 1), _month_end(year, month), "month", f"{year}-{month:02d}"


def _year_of(year: int) -> Resolved:
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", str(year)


def _day(day: dt.date) -> Resolved:
    return day, day, "day", day.isoformat()


def _part(resolved: Resolved, part: str | None) -> Resolved:
    """Narrow a period to its early, middle or late third: days of a month (1–10, 11–20, 21–end),
    months of a year (Jan–Apr, May–Aug, Sep–Dec), years of a decade, months of a season."""
    start, end, precision, value = resolved
    if not part or start is None or end is None:
        return resolved
    third = {"early": 0, "beginning": 0, "start": 0, "mid": 1, "middle": 1, "late": 2, "end": 2}[part.split()[-2] if " " in part else part.lower()]
    if precision == "month":
        first = start.replace(day=1 + 10 * third)
        return first, (end if third == 2 else first + dt.timedelta(days=9)), "range", value
    if precision == "year":
        first = start.replace(month=1 + 4 * third)
        return first, _month_end(start.year, 4 + 4 * third), "range", value
    if value and len(value) == 3:  # a decade
        years = ((0, 3), (4, 6), (7, 9))[third]
        return dt.date(start.year + years[0], 1, 1), dt.date(start.year + years[1], 12, 31), "range", value
    first = _add_months(start, third)
    return first, _add_months(first, 1) - dt.timedelta(days=1), "range", value


def _pick(candidates: list[tuple[dt.date, dt.date]], published: dt.date, tense: Tense) -> tuple[dt.date, dt.date]:
    """The candidate period the tense points to: past → latest not after publication, future →
    earliest not before it, unknown → the nearest."""
    if tense == "past":
        fitting = [c for c in candidates if c[0] <= published]
        if fitting:
            return fitting[-1]
    if tense == "future":
        fitting = [c for c in candidates if c[1] >= published]
        if fitting:
            return fitting[0]

    def distance(c: tuple[dt.date, dt.date]) -> tuple[int, int]:
        if c[0] <= published <= c[1]:
            return 0, 0
        return min(abs((c[0] - published).days), abs((c[1] - published).days)), c[0] > published

    return min(candidates, key=distance)


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class Anchor:
    """What a rule resolves against: the text, the publication date and the tense at a span."""

    text: str
    published: dt.date | None
    tense_at: Callable[[tuple[int, int]], Tense]


@dataclass(frozen=True)
class Rule:
    """A pattern, its resolver, and the words its matches can begin with (as ``word_starts`` keys
    them): the pattern is tried only where one begins."""

    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], Anchor], Resolved | None]
    starts: frozenset[str]


def _explicit(m: re.Match[str], a: Anchor) -> Resolved | None:
    g = m.groupdict()
    if g.get("iso_y"):
        day = _valid(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
    elif g.get("sa"):
        first, second = int(g["sa"]), int(g["sb"])
        month, dom = (second, first) if first > 12 else (first, second)
        day = _valid(int(g["y"]), month, dom)
    else:
        day = _valid(int(g["y"]), _month(g["month"]), int(g["d"]))
    return _day(day) if day else None


def _day_month(m: re.Match[str], a: Anchor) -> Resolved | None:
    month, dom = _month(m["month"]), int(m["d"])
    if a.published is None:
        return None, None, "day", f"XXXX-{month:02d}-{dom:02d}"
    days = [d for y in (a.published.year - 1, a.published.year, a.published.year + 1) if (d := _valid(y, month, dom))]
    if not days:
        return None
    named = re.match(r"\s*(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)", m.group(0))
    if named and (same := [d for d in days if d.weekday() == WEEKDAYS[named.group(1)]]):
        days = same
    tense = _deadline_tense(m, a)
    if tense == "past" and any(0 < (d - a.published).days <= 7 for d in days):
        tense = "near"  # a day of the coming week rather than of a year ago: a schedule, or a misread tense
    chosen = _pick([(d, d) for d in days], a.published, tense)[0]
    return _day(chosen)


def _month_year(m: re.Match[str], a: Anchor) -> Resolved | None:
    return _part(_month_of(int(m["y"]), _month(m["month"])), m["part"])


def _bare_month(m: re.Match[str], a: Anchor) -> Resolved | None:
    month, rel, part = _month(m["month"]), (m["rel"] or "").lower(), m["part"]
    if m["month"] == "May" and not (rel or part or m["prep"]):
        return None  # the modal verb
    if a.published is None:
        return None, None, "month", f"XXXX-{month:02d}"
    year = a.published.year
    if rel == "last":
        year -= 1
    elif rel == "next":
        year += month <= a.published.month
    elif rel != "this":
        periods = [_month_of(y, month)[:2] for y in (year - 1, year, year + 1)]
        year = _pick(periods, a.published, a.tense_at(m.span()))[0].year
    return _part(_month_of(year, month), part)


COUNTED = re.compile(r"\s*(?:%|percent\b|per\b|(?:[a-z]+\s+)?(?:people|persons|troops|soldiers|civilians|members|km|"
                     r"kilometres|kilometers|miles|metres|meters|feet|tons|tonnes|dollars|euros|pounds|votes|cases|deaths|"
                     r"units|workers|jobs|students|children|men|women|refugees|homes|houses|acres|square|barrels|shares|"
                     r"points|employees|residents|fighters|police|officers|times)\b)", re.I)
AMOUNT_BEFORE = re.compile(r"(?:about|some|nearly|around|approximately|than|least|almost|only|[$€£#])\s*$", re.I)


def _year(m: re.Match[str], a: Anchor) -> Resolved | None:
    """A four-digit year, unless it counts something ("2000 people", "about 1500")."""
    counted = COUNTED.match(a.text[m.end():m.end() + 30]) or AMOUNT_BEFORE.search(a.text[max(0, m.start() - 16):m.start()])
    if counted and not (m["part"] or m["fiscal"]):
        return None
    return _part(_year_of(int(m["y"])), m["part"])


def _decade(m: re.Match[str], a: Anchor) -> Resolved | None:
    century = m["c"]
    if century is None:
        if not m["the"]:
            return None
        century = "19" if int(m["dd"]) > 2 else "20"
    start = int(f"{century}{m['dd']}0")
    return _part((dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "range", str(start)[:3]), m["part"])


def _relative_day(m: re.Match[str], a: Anchor) -> Resolved | None:
    words = m.group(0).lower()
    offset = 0
    if "before yesterday" in words:
        offset = -2
    elif "after tomorrow" in words:
        offset = 2
    elif "yesterday" in words or "last night" in words:
        offset = -1
    elif "tomorrow" in words:
        offset = 1
    if a.published is None:
        return None, None, "day", None
    return _with_time_of_day(_day(a.published + dt.timedelta(days=offset)), words)


def _with_time_of_day(resolved: Resolved, words: str) -> Resolved:
    """A day's value with TIMEX3's part-of-day suffix ("last night" → "2020-02-12TNI")."""
    part = next((code for word, code in TIME_OF_DAY.items() if word in words.lower()), "")
    return (*resolved[:3], f"{resolved[3]}{part}") if part and resolved[3] else resolved


def _ago(m: re.Match[str], a: Anchor) -> Resolved | None:
    n, unit = _num(m["n"]), m["unit"].lower()
    if not n or a.published is None or unit in ("hour", "minute"):
        return None
    day = _shift(a.published, -n, unit)
    if unit == "month":
        return _month_of(day.year, day.month)
    if unit == "year":
        return _year_of(day.year)
    if unit in ("decade", "century"):
        return None
    return _day(day)


def _calendar_unit(unit: str, day: dt.date) -> Resolved:
    if unit == "week":
        return _week(day)
    if unit == "month":
        return _month_of(day.year, day.month)
    return _year_of(day.year)


def _weekend(day: dt.date) -> Resolved:
    saturday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(days=5)
    iso = saturday.isocalendar()
    return saturday, saturday + dt.timedelta(days=1), "range", f"{iso[0]}-W{iso[1]:02d}-WE"


def _nearby_weekend(pub: dt.date, direction: int, stepped: bool) -> Resolved:
    """The weekend around ``pub``: the current one on a weekend (``stepped`` "last"/"next" move a
    week), else the past (-1) or coming (+1) one."""
    if pub.weekday() >= 5:
        return _weekend(pub + dt.timedelta(days=7 * direction if stepped else 0))
    return _weekend(pub if direction > 0 else pub - dt.timedelta(days=7))


def _the_weekend(m: re.Match[str], a: Anchor) -> Resolved | None:
    """"over the weekend": the past one, or the coming one when the verb is future."""
    if a.published is None:
        return None
    return _nearby_weekend(a.published, 1 if a.tense_at(m.span()) == "future" else -1, stepped=False)


def _part_of_unit(m: re.Match[str], a: Anchor) -> Resolved | None:
    """"late last year", "early next month", "the end of the year"."""
    if a.published is None:
        return None
    step = {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
    unit = m["unit"].lower()
    whole = _calendar_unit(unit, _shift(a.published, step, unit))
    return whole if unit == "week" else _part(whole, m["part"])


def _from_now(m: re.Match[str], a: Anchor) -> Resolved | None:
    """"two weeks from now", "in three days' time", "in two weeks" (when the verb is future): the
    day, month or year that far ahead."""
    n, unit = _num(m["n"]), m["unit"].lower()
    if not n or a.published is None or (m["in"] and not m.group(0).lower().endswith(("now", "time")) and a.tense_at(m.span()) != "future"):
        return None
    day = _shift(a.published, n, unit)
    return _calendar_unit(unit, day) if unit in ("month", "year") else _day(day)


def _this_last_next(m: re.Match[str], a: Anchor) -> Resolved | None:
    """"last week", "this month", "next year", "the past week" (a range back from publication)."""
    rel, unit, the = m["rel"].lower(), m["unit"].lower(), m["the"]
    if a.published is None:
        return None
    pub = a.published
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rel]
    if unit == "weekend":
        return _nearby_weekend(pub, step or (1 if a.tense_at(m.span()) != "past" else -1), stepped=step != 0)
    if the or rel in ("past", "coming") or (rel == "this" and "past" in m.group(0).lower()):
        if step < 0 or rel == "this":
            return _shift(pub, -1, unit), pub, "range", f"P1{UNIT_CODES[unit]}"
        return pub, _shift(pub, 1, unit), "range", f"P1{UNIT_CODES[unit]}"
    return _calendar_unit(unit, _shift(pub, step, unit))


def _last_n(m: re.Match[str], a: Anchor) -> Resolved | None:
    """"in the last 10 days", "over the past two weeks", "the next three months": ranges from publication."""
    n, unit = _num(m["n"]), m["unit"].lower()
    value = duration_value(None if re.sub(r"\s+", " ", m["n"].lower()) in VAGUE else n, unit)
    if not n or a.published is None:
        return None, None, "range", value
    sign = -1 if m["rel"].lower() in ("last", "past", "previous") else 1
    if unit in ("hour", "minute"):  # "the past 24 hours": the days those hours touch
        other = a.published + dt.timedelta(days=sign * ((n + 23) // 24 if unit == "hour" else 0))
    else:
        other = _shift(a.published, sign * n, unit)
    return (other, a.published, "range", value) if sign < 0 else (a.published, other, "range", value)


def _recent(m: re.Match[str], a: Anchor) -> Resolved | None:
    unit = m["unit"].lower()
    if a.published is None:
        return None
    value = duration_value(None, unit)
    if m["rel"].lower() == "recent":
        return _shift(a.published, -3, unit), a.published, "range", value
    return a.published, _shift(a.published, 3, unit), "range", value


def _earlier_later(m: re.Match[str], a: Anchor) -> Resolved | None:
    """"earlier this week" → [week start, publication]; "later this year" → [publication, year end]."""
    if a.published is None:
        return None
    unit = (m["unit"] or "day").lower()
    start, end, _, value = _calendar_unit(unit, a.published) if unit != "day" else _day(a.published)
    if m["rel"].lower() == "earlier":
        return start, a.published, "range" if unit != "day" else "day", value
    return a.published, end, "range" if unit != "day" else "day", value


def _weekday(m: re.Match[str], a: Anchor) -> Resolved | None:
    if a.published is None:
        return None, None, "day", None
    rel = (m["rel"] or "").lower()
    day = _weekday_date(a.published, WEEKDAYS[m["weekday"]], rel, lambda: _deadline_tense(m, a))
    return _with_time_of_day(_day(day), m.group(0))


#: A limit before a day ("until 9 a.m. Tuesday", "extended to Nov. 20", "as early as Tuesday").
DEADLINE = re.compile(r"\b(?i:(?P<limit>by|to|until|till|through|no\s+later\s+than)|as\s+(?:early|soon)\s+as)\s+"
                      r"(?:[\d:]+\s*[ap]\.m\.(?:\s+[A-Z]{2,4})?\s+)?$")


def _deadline_tense(m: re.Match[str], a: Anchor) -> Tense:
    """A day after a limit is a deadline set from the story's time, the nearest such day whatever
    the verb's tense ("had been set to expire Nov. 6", "extended its deadline until Tuesday"); after
    "as early as" it is ahead; after "from ... to" it ends a range and the tense decides."""
    limit = DEADLINE.search(a.text, max(0, m.start() - 40), m.start())
    if limit is None or limit["limit"] == "to" and re.search(r"\b(?i:from|between)\b", a.text[max(0, m.start() - 40):limit.start()]):
        return a.tense_at(m.span())
    return "near" if limit["limit"] else "future"


def _weekday_date(pub: dt.date, target: int, rel: str, tense: Callable[[], Tense]) -> dt.date:
    """"last/next Monday" step over the article's own day; a bare weekday is the article's day,
    else the coming one when the verb is future, the past one otherwise ("this" → the nearer)."""
    back = (pub.weekday() - target) % 7 or (7 if rel in ("last", "past") else 0)
    ahead = (target - pub.weekday()) % 7 or (7 if rel in ("next", "coming") else 0)
    if rel in ("last", "past") or back == 0:
        return pub - dt.timedelta(days=back)
    if rel in ("next", "coming"):
        return pub + dt.timedelta(days=ahead)
    when = tense()
    if rel == "this" and when is None or when == "near":
        when = "future" if ahead < back else "past"
    return pub + dt.timedelta(days=ahead) if when == "future" else pub - dt.timedelta(days=back)


def _season(m: re.Match[str], a: Anchor) -> Resolved | None:
    rel = (m["rel"] or "").lower()
    if not (rel or m["y"] or m["prep"]):
        return None
    month, code = SEASONS[m["season"].lower()]
    if m["y"]:
        year = int(m["y"])
    elif a.published is None:
        return None
    else:
        pub = a.published
        starts = {y: dt.date(y, month, 1) for y in range(pub.year - 2, pub.year + 2)}  # "last winter" in February: two back
        periods = {y: (s, _add_months(s, 3) - dt.timedelta(days=1)) for y, s in starts.items()}
        if rel == "last":
            year = max(y for y, (s, e) in periods.items() if e < pub)
        elif rel == "next":
            year = min(y for y, (s, e) in periods.items() if s > pub)
        elif rel == "this":
            year = min(periods, key=lambda y: 0 if periods[y][0] <= pub <= periods[y][1] else min(abs((periods[y][0] - pub).days), abs((periods[y][1] - pub).days)))
        else:
            year = _pick(list(periods.values()), pub, a.tense_at(m.span()))[0].year
    start = dt.date(year, month, 1)
    return _part((start, _add_months(start, 3) - dt.timedelta(days=1), "range", f"{year}-{code}"), m["part"])


def _quarter(m: re.Match[str], a: Anchor) -> Resolved | None:
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}[m["q"].lower()]
    if m["y"]:
        year = int(m["y"])
    elif a.published is None:
        return None
    else:
        year = a.published.year - (q > (a.published.month - 1) // 3 + 1 and a.tense_at(m.span()) != "future")
    start = dt.date(year, 3 * q - 2, 1)
    return start, _month_end(year, 3 * q), "range", f"{year}-Q{q}"


def _duration(m: re.Match[str], a: Anchor) -> Resolved | None:
    """"a nine-year war", "for three weeks", "for years": a length, not a date."""
    if not (m["n"] or m["plural"]):
        return None
    after = a.text[m.end():m.end() + 10].lower()
    if re.match(r"[\s-]*(?:ago|old)\b", after):
        return None
    vague = not m["n"] or re.sub(r"\s+", " ", m["n"].lower()) in VAGUE
    return None, None, "duration", duration_value(None if vague else _num(m["n"]), m["unit"].lower())


def _rules() -> tuple[Rule, ...]:
    def rule(name: str, pattern: str, resolve: Callable[[re.Match[str], Anchor], Resolved | None], *starts: str) -> Rule:
        return Rule(name, re.compile(pattern), resolve, frozenset(" ".join(starts).split()))

    dd = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    months, weekdays = " ".join(MONTHS).lower(), " ".join(WEEKDAYS).lower()
    number = f"{NUMBER} " + " ".join({words.split()[0] for words in NUMBERS})
    part = "early mid late the"
    units = " ".join(f"{unit} {unit}s" for unit in UNIT_CODES)
    return (
        rule("iso", r"\b(?P<iso_y>\d{4})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)\b", _explicit, NUMBER),
        rule("slash", r"\b(?P<sa>[0-3]?\d)/(?P<sb>[0-3]?\d)/(?P<y>\d{4})\b", _explicit, NUMBER),
        rule("day-month-year", rf"\b{OPT_WD}(?:the\s+)?{dd}\s+(?:of\s+)?{MON},?\s+(?P<y>\d{{4}})\b", _explicit, weekdays, f"the {NUMBER}"),
        rule("month-day-year", rf"\b{OPT_WD}{MON}\s+{dd},?\s+(?P<y>\d{{4}})\b", _explicit, weekdays, months),
        rule("day-month", rf"\b{OPT_WD}(?:the\s+)?{dd}\s+(?:of\s+)?{MON}", _day_month, weekdays, f"the {NUMBER}"),
        rule("month-day", rf"\b{OPT_WD}{MON}\s+{dd}\b(?!\s*(?:%|,\d))", _day_month, weekdays, months),
        rule("month-year", rf"\b(?:{PART}[\s-]+)?{MON}(?:\s+of)?,?\s+(?P<y>\d{{4}})\b", _month_year, part, months),
        rule("month", rf"\b(?:(?P<prep>{ci('in|into|onto|within|since|until|till|by|during|of|from|to|through|before|after|between|and')})\s+)?\b(?:{ci('(?P<rel>last|next|this)')}\s+|{PART}[\s-]+)?{FULL_MON}", _bare_month, "in into onto within since until till by during of from to through before after between and last next this", part, months),
        rule("year", rf"\b(?:(?P<part>{ci('early|mid|late')}|{ci('the (?:beginning|start|middle|end) of')})[\s-]+|(?P<fiscal>{ci('fiscal')})\s+)?(?P<y>(?:1[6-9]|20)\d\d)\b(?!/\d|,\d|\.\d)", _year, f"early mid late the fiscal {NUMBER}"),
        rule("decade", rf"\b(?P<the>{ci('the')}\s+)?(?:{PART}[\s-]+)?(?P<c>1[6-9]|20)?'?(?P<dd>\d)0s\b", _decade, f"the {NUMBER} '", part),
        rule("relative-day", ci(r"\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|(?:yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?|today|tonight|this\s+(?:morning|afternoon|evening)|last\s+night|earlier\s+today)\b"), _relative_day, "the yesterday tomorrow today tonight this last earlier"),
        rule("ago", rf"\b{ci(NUM)}\s+{ci(UNIT)}s?\s+{ci('ago')}\b", _ago, number),
        rule("part-of-unit", rf"\b{ci(PART)}[\s-]+{ci('(?P<rel>this|last|next|the)')}\s+{ci('(?P<unit>week|month|year)')}\b", _part_of_unit, part),
        rule("from-now", rf"\b(?:(?P<in>{ci('in')})\s+)?{ci(NUM)}\s+{ci('(?P<unit>day|week|month|year)')}s?(?:'s?\s+{ci('time')}|\s+{ci('from now')}|(?(in)|(?!)))", _from_now, "in", number),
        rule("this-last-next", rf"\b(?P<the>{ci('the')}\s+)?{ci('(?:this )?(?P<rel>last|next|this|past|coming|previous)')}\s+{ci('(?P<unit>week|month|year|weekend)')}\b", _this_last_next, "the this last next past coming previous"),
        rule("weekend", rf"\b{ci('(?:over|during|at|on) the (?P<unit>weekend)')}\b", _the_weekend, "over during at on"),
        rule("last-n", rf"\b{ci('(?:the )?(?P<rel>last|past|previous|next|coming)')}\s+{ci(NUM)}\s+{ci(UNIT)}s\b", _last_n, "the last past previous next coming"),
        rule("recent", rf"\b{ci('(?:the )?(?P<rel>recent|coming)')}\s+{ci('(?P<unit>day|week|month|year)')}s\b", _recent, "the recent coming"),
        rule("earlier-later", rf"\b{ci('(?P<rel>earlier|later)')}\s+{ci('(?:this|in the)')}\s+{ci('(?P<unit>week|month|year)')}\b", _earlier_later, "earlier later"),
        rule("weekday", rf"\b(?:{ci('(?P<rel>last|next|this|coming|past)')}\s+)?{WD}(?:\s+{ci('morning|afternoon|evening|night')})?", _weekday, "last next this coming past", weekdays),
        rule("season", rf"\b(?:(?P<prep>{ci('in|during|over|by|until|since|through|the')})\s+)?\b(?:{ci('(?P<rel>last|this|next)')}\s+|{PART}[\s-]+)?(?:{ci('the')}\s+)?(?P<season>{ci('spring|summer|autumn|fall|winter')})(?:\s+(?:{ci('of')}\s+)?(?P<y>\d{{4}}))?\b", _season, "in during over by until since through the last this next spring summer autumn fall winter", part),
        rule("quarter", rf"\b(?:{ci('the')}\s+)?(?P<q>{ci('first|second|third|fourth|1st|2nd|3rd|4th')})[\s-]+{ci('quarter')}(?:\s+{ci('of')}\s+(?P<y>\d{{4}}))?\b", _quarter, f"the first second third fourth {NUMBER}"),
        rule("duration", rf"\b(?:{ci(NUM)}[\s-]+)?{ci(UNIT)}(?P<plural>s)?(?:[\s-]+{ci('long')})?\b", _duration, number, units),
    )


RULES = _rules()
#: Every word a rule's match can begin with.
FIRST_WORDS = words_of(chain.from_iterable(rule.starts for rule in RULES))
SINCE = re.compile(r"(?i:\b(since)\s+)$")
RANGE_JOIN = re.compile(r"^\s*(?:-|–|to|until|till|through|and)\s*$", re.I)
RANGE_OPEN = re.compile(r"(?i:\b(?:from|between)\s+)$")


def _words_tense(text: str, span: tuple[int, int]) -> Tense:
    """Tense of the clause around ``span`` from nearby words: the nearest future or past marker wins."""
    left = max(text.rfind(c, 0, span[0]) for c in ".!?\n;") + 1
    ends = [i for c in ".!?\n;" if (i := text.find(c, span[1])) >= 0]
    right = min(ends) if ends else len(text)
    best: tuple[int, Tense] | None = None
    for w in re.finditer(r"[A-Za-z']+", text[left:right]):
        start = left + w.start()
        if span[0] <= start < span[1]:
            continue
        word = w.group(0).lower()
        tense: Tense = None
        after_copula = re.search(r"\b(?:is|are|'s|'re)\s+$", text[max(0, start - 6):start].lower())
        if word in FUTURE_WORDS or word == "going" and text[start + 5:start + 9] == " to " or word == "set" and after_copula:
            tense = "near" if word in ("would", "'d") or re.search(r"\b(?:was|were|had\s+been)\s+$", text[max(0, start - 12):start].lower()) else "future"
        elif word in PAST_WORDS or word.endswith("ed") and len(word) > 4 and word not in NOT_PAST:
            tense = "past"
        if tense == "past" and re.search(r"\b(?:will|would|shall|'ll|going\s+to|due\s+to|to)\s+(?:\w+\s+)?(?:be\s+)?$", text[max(0, start - 25):start].lower()):
            tense = "future"  # "will be held", "is due to be signed"
        if tense:
            distance = span[0] - (start + len(word)) if start < span[0] else start - span[1]
            distance += 0 if start < span[0] else 8  # the governing verb usually comes first
            if best is None or distance < best[0]:
                best = (distance, tense)
    return best[1] if best else None


def _doc_tense(doc: Any, span: tuple[int, int]) -> Tense:
    """Tense of the verb governing ``span`` in a parsed Doc (None if the parse does not say)."""
    if doc is None or not doc.has_annotation("DEP"):
        return None
    chunk = doc.char_span(*span, alignment_mode="expand")
    if chunk is None or not len(chunk):
        return None
    verb = chunk.root if chunk.root.pos_ in ("VERB", "AUX") else _head_of(chunk)
    # up to the predicate: a verb, or a word with auxiliaries ("would be ready")
    while verb.head.i != verb.i and not (verb.pos_ in ("VERB", "AUX") or any(c.dep_.startswith(("aux", "cop")) for c in verb.children)):
        verb = verb.head
    while verb.tag_ == "VB" and verb.dep_ in ("xcomp", "advcl") and not any(c.lower_ in MODALS for c in verb.children):
        verb = verb.head  # "hopes to pass ... on Friday": the tense is the governing verb's
    auxes = [c for c in verb.children if c.dep_.startswith("aux")]
    lemmas = {c.lower_ for c in auxes}
    if lemmas & MODALS:
        return "near" if lemmas & MODALS <= {"would", "'d"} else "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in ("due", "schedule", "expect", "plan", "set"):
        planned = {c.lower_ for c in verb.head.children if c.dep_.startswith(("aux", "cop"))}
        return "near" if verb.head.tag_ == "VBD" or planned & {"was", "were", "had"} else "future"
    if any(c.lower_ == "going" for c in auxes) or (verb.tag_ == "VBG" and lemmas & {"is", "are", "am", "'s", "'re"}):
        return "future"
    finite = _finite_tense(verb)
    if finite == "past" or lemmas & {"was", "were", "had", "did", "has", "have", "'ve"}:
        return "past"
    if finite == "present" and verb.lower_ not in ("is", "are", "am", "says", "say"):
        return "future"
    return None


def _finite_tense(verb: Any) -> Literal["past", "present"] | None:
    """The tense of a finite verb: from its tag (VBD, VBZ/VBP), else from its morphology when the
    tagger left it a base form the morphologizer reads as finite ("Voters go[VB] to the polls")."""
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    morph = verb.morph
    if "Fin" not in morph.get("VerbForm") or "Imp" in morph.get("Mood"):
        return None
    tense = morph.get("Tense")
    return "past" if "Past" in tense else "present" if "Pres" in tense else None


def find_times(text: str, published: dt.date | None, doc: Any = None) -> list[TimeExpr]:
    """Time expressions in ``text`` resolved against ``published`` (tense from ``doc`` if parsed)."""

    def tense_at(span: tuple[int, int]) -> Tense:
        return _doc_tense(doc, span) or _words_tense(text, span)

    anchor = Anchor(text, published, tense_at)
    starts = word_starts(text, FIRST_WORDS)
    matches = [(_trim(text, m.span()), order, m, rule) for order, rule in enumerate(RULES)
               for m in matches_at(rule.pattern, text, offsets_of(starts, rule.starts))]
    found: list[TimeExpr] = []
    for span, _, m, rule in sorted(matches, key=lambda t: (t[0][0] - t[0][1], t[0][0], t[1])):
        if any(not (span[1] <= t.span[0] or span[0] >= t.span[1]) for t in found):
            continue
        resolved = rule.resolve(m, anchor)
        if resolved is not None:
            found.append(TimeExpr(text[span[0]:span[1]], span, *resolved))
    return _combine(text, sorted(found, key=lambda t: t.span), published)


LEADING = re.compile(r"^(?i:(?:in|into|onto|within|on|since|until|till|by|during|of|from|to|through|before|after|between|and|over|at)\s+)")


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Drop a leading preposition kept only to decide the rule ("in March" → "March")."""
    lead = LEADING.match(text[span[0]:span[1]])
    start = span[0] + (lead.end() if lead else 0)
    return start, span[1]


def _word_before(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """``pattern.search(text[:end])`` for a pattern of one short word and spaces anchored at the end
    (``SINCE``, ``RANGE_OPEN``), tried from that word only instead of across the whole text before it."""
    word_end = end
    while word_end and text[word_end - 1].isspace():
        word_end -= 1
    return pattern.search(text, max(0, word_end - 16), end)


def _combine(text: str, found: list[TimeExpr], published: dt.date | None) -> list[TimeExpr]:
    """"since X" → [X, publication]; "from X to Y" / "between X and Y" → [X, Y]."""
    out: list[TimeExpr] = []
    i = 0
    while i < len(found):
        t = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (nxt and t.start and nxt.end and RANGE_JOIN.match(text[t.span[1]:nxt.span[0]])
                and (_word_before(RANGE_OPEN, text, t.span[0]) or text[t.span[1]:nxt.span[0]].strip() in ("-", "–"))):
            opener = _word_before(RANGE_OPEN, text, t.span[0])
            start = opener.start() if opener else t.span[0]
            span = (start, nxt.span[1])
            first = t.start
            if not re.search(r"\d{4}", t.text) and first > nxt.end:  # "from December to March 2019"
                first = _valid(nxt.end.year - (first.replace(year=nxt.end.year) > nxt.end), first.month, first.day) or first
            elif not re.search(r"\d{4}", t.text) and re.search(r"\d{4}", nxt.text):
                first = _valid(nxt.end.year, first.month, first.day) or first
            out.append(TimeExpr(text[span[0]:span[1]], span, first, nxt.end, "range", f"{t.value}/{nxt.value}"))
            i += 2
            continue
        since = _word_before(SINCE, text, t.span[0])
        if since and t.start and published and t.precision != "duration":
            span = (since.start(), t.span[1])
            out.append(TimeExpr(text[span[0]:span[1]], span, t.start, published, "range", t.value))
        else:
            out.append(t)
        i += 1
    return out


def times_step(ctx: Any, res: Any) -> Any:
    """Pipeline step: ``ctx.times`` from the article text, the publication date and the parse."""
    return ctx.add(times=tuple(find_times(ctx.article.text, ctx.article.published, ctx.doc)))


#: Subordinators that set a clause's event before or after its head's ("... after Trump set an ultimatum").
SEQUENCE_MARKS = frozenset({"after", "before", "since", "until", "till", "following", "once"})
#: ... and those that make it simultaneous.
SIMULTANEITY_MARKS = frozenset({"as", "when", "while", "whilst"})
NOUNS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
PREMODIFIERS = frozenset({"nmod:poss", "compound", "amod", "nummod", "det"})
#: How far back a story's day is carried into later past-tense sentences with no time of their own.
CARRY_SENTENCES = 3
CARRY_DAYS = 14
DAY = dt.timedelta(days=1)
#: A duration that can measure an "after"/"before": a count of days, weeks, months or years, or hours.
MEASURE = re.compile(r"P(?P<n>\d+|X)(?P<unit>[DWMY])|PT(?:\d+|X)H")
MEASURE_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year"}
#: Terms of office: an event told in the past "during" one is of some time before the story.
OFFICE_TERMS = frozenset({"administration", "presidency", "tenure", "term", "rule", "reign", "premiership", "chancellorship"})
#: What may stand between a measure and its "after"/"before": nothing, or "(almost) to the day".
MEASURE_GAP = re.compile(r"\s*(?:(?:almost|nearly|exactly|precisely)\s+)?(?:to\s+the\s+day\s+)?")


def _climb(token: Any) -> list[Any]:
    """The trigger and the heads whose clause-level time expressions date it: climbing through
    complements and conjuncts, up to (and including) the noun a relative or participle clause
    modifies ("the raid in 2011 that killed ...") but never past it, and not out of a clause whose
    subordinator orders it in time against its head (the chain then ends with that clause)."""
    chain = [token]
    while token.head.i != token.i:
        # an advcl, or one the parse made a conjunct; a participle clause the parse made a complement
        if _marks(token) & SEQUENCE_MARKS or _bare_passive(token):
            break
        chain.append(token.head)
        if token.dep_.startswith(("acl", "advcl:relcl")) and token.head.pos_ in NOUNS:
            break
        token = token.head
    return chain


def _bare_passive(verb: Any) -> bool:
    """A past participle with an agent and no auxiliary: a participle modifying a noun ("sanctions imposed by
    Washington"), also where the parse made it a clause of its own."""
    return verb.tag_ == "VBN" and any(c.dep_ == "obl:agent" for c in verb.children) \
        and not any(c.dep_.startswith("aux") for c in verb.children)


def _clause_chain(token: Any) -> list[Any]:
    """``_climb``, then the clauses that go along with the trigger ("shot as she rode a bus in May
    2011", "met, shaking hands on Friday")."""
    along = [c for c in token.children if c.dep_ == "advcl" and (_marks(c) & SIMULTANEITY_MARKS or not _marks(c) and c.tag_ == "VBG")]
    return _climb(token) + along + [c for clause in along for c in clause.children if c.dep_ == "conj"]


def _marks(clause: Any) -> set[str]:
    return {c.lower_ for c in clause.children if c.dep_ == "mark"}


def _finite_clause(verb: Any) -> bool:
    """A verb with a subject and a tense or an auxiliary: the head of a finite clause."""
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_.startswith("nsubj") for c in verb.children) and (
        verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_.startswith("aux") for c in verb.children))


def _head_of(chunk: Any) -> Any:
    """The word a time expression (its tokens, ``chunk``) modifies, mending two habits of the parse:
    an expression right after a reporting verb and before the words of its complement ("said on
    Saturday it would retaliate") is the reporting verb's; one that ends the sentence right after a
    finite clause below its parse head ("said he would pull out after the army dispersed a camp last
    Wednesday") is that clause's."""
    doc, root, sent = chunk.doc, chunk.root, chunk.sent
    head = root.head
    first = chunk.start
    while first > sent.start and doc[first - 1].dep_ == "case" and doc[first - 1].head.i == root.i:
        first -= 1
    inside = set(range(first, chunk.end))
    if head.dep_ == "ccomp" and head.head.i == first - 1 and all(w.i >= chunk.end for w in head.subtree if w.i not in inside):
        return head.head
    rest = doc[chunk.end:sent.end]
    if first > sent.start and all(w.is_punct or w.is_space for w in rest):
        word = doc[first - 1]
        while word.i != head.i and word.head.i != word.i:
            if _finite_clause(word) and word.right_edge.i == first - 1 and head in word.ancestors:
                return word
            word = word.head
    return head


def _attachment_rank(chunk: Any, chain: list[Any]) -> int | None:
    """How closely a time expression (its tokens, ``chunk``) dates the event at ``chain[0]``: the
    position in ``chain`` of the word it attaches to (see ``_head_of``), None when it dates something
    else. A modifier before a noun other than the trigger ("the 2015 accord", "Monday's strike") dates
    that noun only, unless it is the possessive of a verb's subject ("Monday's strike killed 14"); a
    temporal phrase after a noun ("Russia on Wednesday accused") or opening the sentence is the
    clause's, wherever the parse hangs it."""
    positions = {w.i: n for n, w in enumerate(chain)}
    root = chunk.root
    head = _head_of(chunk)
    if head.i == root.i:
        return None
    lead = chunk.doc[chunk.sent.start:chunk.start]
    fronted = len(lead) <= 1 and all(w.pos_ == "ADP" for w in lead) and root.dep_ not in PREMODIFIERS
    if head.i in positions and (positions[head.i] == 0 or head.pos_ not in NOUNS or root.i > head.i or fronted):
        return positions[head.i]
    if root.dep_ == "nmod:poss" and head.dep_.startswith("nsubj") and head.head.i in positions:
        return positions[head.head.i]
    if root.i < head.i and not fronted:
        return None
    while head.pos_ in NOUNS and head.head.i != head.i and head.i not in positions:
        head = head.head
    return positions.get(head.i)


def _clause_times(ctx: Any, sent: Any, chain: list[Any]) -> list[tuple[tuple[int, int], TimeExpr]]:
    """The dated expressions of ``sent`` that attach to ``chain``, with their rank."""
    ranked = []
    for t in ctx.times:
        if t.start and sent.start_char <= t.span[0] < sent.end_char:
            chunk = ctx.doc.char_span(*t.span, alignment_mode="expand")
            rank = _attachment_rank(chunk, chain) if chunk is not None and len(chunk) else None
            if rank is not None:
                ranked.append(((rank, abs(t.span[0] - chain[0].idx)), t))
    return ranked


def _governing(ctx: Any, token: Any) -> TimeExpr | None:
    """The dated expression that governs ``token`` in the parse (see ``_attachment_rank``); without
    a parse, the one of its sentence nearest to it."""
    if not ctx.doc.has_annotation("DEP"):
        sent = token.sent
        candidates = [t for t in ctx.times if t.start and sent.start_char <= t.span[0] < sent.end_char]
        return min(candidates, key=lambda t: abs(t.span[0] - token.idx), default=None)
    ranked = _clause_times(ctx, token.sent, _clause_chain(token))
    return min(ranked, key=lambda pair: pair[0])[1] if ranked else None


def _told_in_past(chain: list[Any]) -> bool:
    """Whether the clause of ``chain[0]`` is a simple past ("raided", "was killed") or a past perfect
    reported by a past verb ("said they had raided"), not a present, perfect, future or a past
    perfect of the narrator's (which sets the event before the story's time)."""
    for verb in chain:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        auxes = {c.lower_ for c in verb.children if c.dep_.startswith("aux")}
        if auxes & {"would", "could", "might"} and verb.dep_ == "ccomp":
            continue  # "suggested that it would support": the reporting verb's tense
        if auxes & (MODALS | {"has", "have", "'ve", "is", "are", "am", "'re", "'s"}):
            return False
        if auxes & {"had", "'d"}:
            return verb.dep_ == "ccomp" and verb.head.tag_ == "VBD"
        if verb.tag_ == "VBD" or auxes & {"was", "were", "did"}:
            return True
        if verb.tag_ == "VBN" and not auxes and any(c.dep_ == "nsubj" for c in verb.children):
            return True  # a simple past the tagger read as a participle ("Mr. Moallem also accused[VBN] ...")
        if verb.tag_ in ("VBZ", "VBP"):
            return False
    return False


def _story_day(ctx: Any, token: Any) -> TimeExpr | None:
    """The day a narrative is at: for a past-tense event with no time of its own, the day that dates
    the main clause of the nearest of the few sentences before it that has a time expression there
    ("On Saturday, the family was told of his death. ... A tribal leader said commandos had raided
    four houses"), if that is a day of the fortnight before publication."""
    published = ctx.article.published
    if published is None or not ctx.doc.has_annotation("DEP") or not _told_in_past(_climb(token)):
        return None
    sent = token.sent
    for _ in range(CARRY_SENTENCES):
        if sent.start == 0:
            return None
        sent = ctx.doc[sent.start - 1].sent
        ranked = _clause_times(ctx, sent, _climb(sent.root))
        if ranked:
            found = min(ranked, key=lambda pair: pair[0])[1]
            recent = found.end and 0 <= (published - found.start).days <= CARRY_DAYS and found.end <= published
            return found if recent and (found.end - found.start).days <= 2 else None
    return None


def _sequenced(ctx: Any, token: Any) -> EventDate | None:
    """The date of an event in a clause that a measured "after" or "before" orders against its head:
    the head's date moved back or forward by the measure ("The trip came a week after the Taliban
    freed ...", "two days before the truce began"; "hours after" → the head's day or the one before).
    Unmeasured, a past event "after" which the head happened is on the head's day or the one before.
    A measured "since" counts back from publication ("in the two years since the deal was signed";
    "in the weeks since ..." → two to seven weeks back)."""
    clause = _climb(token)[-1]
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("after", "before", "since")), None)
    if mark is None:
        return None
    measure = next((t for t in ctx.times if t.precision == "duration" and t.span[1] <= mark.idx
                    and MEASURE_GAP.fullmatch(ctx.article.text[t.span[1]:mark.idx])), None)
    amount = MEASURE.fullmatch(measure.value or "") if measure else None
    since, vague = mark.lower_ == "since", amount is not None and amount["n"] == "X"
    if measure is None and (mark.lower_ != "after" or not _told_in_past(_climb(token))):
        return None
    if measure is not None and (amount is None or vague and not since):
        return None
    if since:
        anchor = EventDate(ctx.article.published, ctx.article.published, "day", None)
    elif clause.head.i != clause.i:
        anchor = event_date(ctx, clause.head)
    else:
        return None
    if anchor.start is None or anchor.end is None:
        return None
    if measure is None:
        return EventDate(anchor.start - DAY, anchor.end, "range", anchor.text, inferred=anchor.inferred, span=anchor.span)
    sign = 1 if mark.lower_ == "before" else -1
    if amount["unit"] is None:  # hours
        start, end, precision = anchor.start + min(0, sign) * DAY, anchor.end + max(0, sign) * DAY, "range"
    elif vague:
        unit = MEASURE_UNITS[amount["unit"]]
        start, end, precision = _shift(anchor.start, -7, unit), _shift(anchor.end, -2, unit), "range"
    else:
        unit, n = MEASURE_UNITS[amount["unit"]], sign * int(amount["n"])
        start, end, precision = _shift(anchor.start, n, unit), _shift(anchor.end, n, unit), anchor.precision
        if since and unit != "day":
            start, end, precision, _ = _calendar_unit(unit, start)
    span = (measure.span[0], mark.idx + len(mark))
    return EventDate(start, end, precision, ctx.article.text[span[0]:span[1]], inferred=anchor.inferred, span=span)


def _term_of_office(ctx: Any, token: Any) -> EventDate | None:
    """For an event told in the past "during" or "under" someone's term of office ("both deployed
    troops to the border during their administrations", "under his rule", "during the Obama
    presidency"), an unknown date within that term, which lies before the story: not the publication
    date. The term needs an owner (a possessive or a name), and "term" or "rule" must be singular and
    take no "of" ("under the terms of the deal", "the new rules", "emergency rule" are no office)."""
    chain = _clause_chain(token)
    verbs = [w for w in chain if w.pos_ in ("VERB", "AUX") or w.i == token.i]
    term = next((c for w in verbs for c in w.children if c.dep_ == "obl" and _office_term(c)), None)
    if term is None or not _told_in_past(_climb(token)):
        return None
    span = (term.left_edge.idx, term.idx + len(term))
    return EventDate(None, None, "unknown", ctx.article.text[span[0]:span[1]], inferred=False, span=span)


def _office_term(noun: Any) -> bool:
    """Whether ``noun`` is someone's term of office introduced by "during", "under" or "throughout"."""
    lemma, kids = noun.lemma_.lower(), list(noun.children)
    return (lemma in OFFICE_TERMS
            and any(m.dep_ == "case" and m.lower_ in ("during", "under", "throughout") for m in kids)
            and any(c.dep_ == "nmod:poss" or c.dep_ == "compound" and c.pos_ == "PROPN" for c in kids)
            and not (lemma in ("term", "rule") and (noun.tag_ == "NNS" or any(c.dep_ == "nmod" for c in kids))))


def event_date(ctx: Any, token: Any) -> EventDate:
    """The date of the event triggered by ``token``: the time expression governing it in the parse;
    else its head's date moved by a measured "after"/"before" (``_sequenced``); else the day the
    narrative is at (``_story_day``); else unknown in a past term of office (``_term_of_office``);
    else, ``inferred``, the publication date, or for an event told in the past the day before it too
    (news of the previous day)."""
    found = _governing(ctx, token)
    if found is None and ctx.doc.has_annotation("DEP"):
        if (ordered := _sequenced(ctx, token)) is not None:
            return ordered
        found = _story_day(ctx, token)
        if found is None and (period := _term_of_office(ctx, token)) is not None:
            return period
    if found is not None:
        return EventDate(found.start, found.end, found.precision, found.text, inferred=False, span=found.span)
    published = ctx.article.published
    if published and ctx.doc.has_annotation("DEP") and _told_in_past(_climb(token)):
        return EventDate(published - DAY, published, "range", None, inferred=True)
    return EventDate(published, published, "day" if published else "unknown", None, inferred=True)

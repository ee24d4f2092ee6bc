"""Finding day-precise date expressions in a sentence and resolving them to dates.

Every form is resolved against the article's date by a few lines here rather than by
dateparser: it reads `on the 23rd` in the wrong month and weekdays not at all, and where
it is right (`Dec. 23`) it spent a quarter of the extraction time (5 ms a call) on what
is only the choice of a year. Month-level wording (`earlier this month`, `last fall`)
does not pin a day and yields nothing.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from analysis.extract.patterns import NeedsWords
from analysis.extract.vocab import MONTHS, WEEKDAYS

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|" \
         r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
WEEKDAY = "(?:" + "|".join(d.capitalize() for d in WEEKDAYS) + ")"  # a weekday's name

# How many days "N days later" counts
_FEW = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

# Words that name a day relative to the article's ("the day before" forms are in the pattern).
RELATIVE_WORDS = ("yesterday", "today", "tonight", "last night", "this morning", "this afternoon",
                  "this evening")
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<y>20\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    ("dmy_num", re.compile(r"(?<![\d/.])(?P<d>\d{1,2})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<y>20\d\d)\b")),
    ("month_day", re.compile(
        rf"\b(?P<month>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?\d{{3}}(?!\d))"
        rf"(?:,?\s+(?P<y>20\d\d))?")),
    ("day_month", re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})\b\.?(?:,?\s+(?P<y>20\d\d))?")),
    # "on 17/6", "on 23/10": day and month with no year, as translated copy writes them
    ("on_day_month", re.compile(r"\b[Oo]n\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})\b(?![/.,]?\d)")),
    ("the_nth", re.compile(r"\b[Oo]n\s+the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b")),
    ("weekday", re.compile(rf"(?:\b(?P<last>last)\s+)?\b(?P<wd>{WEEKDAY})\b", re.I)),
    ("relative", re.compile(rf"\b(?P<rel>{'|'.join(RELATIVE_WORDS)}|"
                            # "a day earlier, the White House had put ...": the day before the
                            # article's, not "the day before the attack"
                            r"(?:(?:a|one|the)\s+day\s+(?:before|earlier)|the\s+previous\s+day)\b"
                            r"(?!\s+(?:the|a|an|this|his|her|its|their|yesterday)\b))\b", re.I)),
    ("same_day", re.compile(r"\b(?:on\s+)?(?:this|that|the same)\s+day\b", re.I)),
    # "A day later, an official told ...", "announced two days later": days after the one
    # said before it
    ("day_after", re.compile(rf"\b(?:(?P<n>{'|'.join(_FEW)}|[1-7])\s+days?\s+later"
                             r"|the\s+(?:next|following)\s+day)\b", re.I)),
]

# A cheap look for each kind before its full pattern runs: most sentences hold none.
_MONTH_CUE = re.compile(_MONTH)
_CUES = {
    "iso": re.compile(r"\d-\d"), "dmy_num": re.compile(r"\d[/.]\d"),
    "month_day": _MONTH_CUE, "day_month": _MONTH_CUE, "on_day_month": re.compile(r"\d/\d"), "the_nth": re.compile(r"\d(?:st|nd|rd|th)\b"),
    # (the day words' cues ignore case: each is tried only where its words stand, see NeedsWords)
    "weekday": NeedsWords(re.compile(r"day\b", re.I)), "relative": NeedsWords(PATTERNS[7][1]),
    "same_day": NeedsWords(re.compile(r"\bday\b", re.I)), "day_after": NeedsWords(re.compile(r"\bdays?\b", re.I)),
}
# The cues of day words ignore case, which makes them slow to search for: they are looked
# for only when the lower-cased sentence holds a piece of one of the words. (The pieces hold
# no "i", "k" or "s": ignoring case, those also match non-ASCII letters that lower() keeps apart.)
_WORD_PIECES = ("day", "ght", "morn", "noon", "even")
_CUES_BUT_WORDS = {kind: cue for kind, cue in _CUES.items()
                   if kind not in ("weekday", "relative", "same_day", "day_after")}
# Every form but the day words holds a digit: a sentence without one needs only those.
_WORD_CUES = {kind: cue for kind, cue in _CUES.items() if kind not in _CUES_BUT_WORDS}
_DIGIT = re.compile(r"\d")

# A date right after these words bounds a period; it is not the day a claim was made.
_NOT_CLAIM = re.compile(r"\b(?:since|until|till|from|starting|beginning|before|after|between|through|by|"
                        r"between\s+\S+(?:\s+\S+)?\s+and)\s*$", re.I)


# A page's date line opening the text ("date 2024-12-28 Headline ...", "Written:
# 2024-10-30"): the day of the page, not of a claim in the sentence glued to it.
_DATE_LINE = re.compile(r"^\W*(?:(?:date|posted|published|updated|written|modified)\b:?\s*)?$", re.I)
# The same line with its day in words ("Episode Date: July 8, 2025", "Posted on: 3 March"): a
# label must stand before it, as a day opening a sentence bare ("Dec. 23: Seoul said") is news
_WORDED_DATE_LINE = re.compile(r"^\W*(?:\w+\s+)?(?:date|posted|published|updated|written|modified)\b"
                               r"(?:\s+on)?:?\s*$", re.I)


# A page's date line that gives only a month ("date 2025-01 Photo : ..."): no day to read
# weekdays against, but the year of a day named with its month ("said on December 23").
_MONTH_LINE = re.compile(r"\W*(?:date|posted|published|updated|written|modified)\b:?\s*"
                         r"(?P<y>20\d\d)-(?P<m>\d\d)(?![-\d])", re.I)


def page_month(body: str) -> dt.date | None:
    """The last day of the month a page's opening date line names, when it names no day."""
    m = _MONTH_LINE.match(body)
    if not m or not 1 <= int(m["m"]) <= 12:
        return None
    first_of_next = dt.date(int(m["y"]) + int(m["m"]) // 12, int(m["m"]) % 12 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


# A wire dateline opening the text ("SEOUL, Dec. 24 -", "Seoul [South Korea], December 13
# (ANI):"): the day the copy was filed, not the day of the claim it reports.
_PLACE = r"[A-Z][\w.'’/ -]*(?:\s*\[[^\]]*\])?"
_DATELINE_BEFORE = re.compile(rf"\W*{_PLACE}(?:,\s*{_PLACE})?,\s*")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?[:\-–—]|\s*\([^)]{1,40}\)")


def _dateline(sentence: str, start: int, end: int) -> bool:
    """The date at start-end is a wire dateline's."""
    return bool(_DATELINE_BEFORE.fullmatch(sentence[:start]) and _DATELINE_AFTER.match(sentence, end))


_LATER_KINDS = ("same_day", "day_after")  # resolved against a day said before them
_DAY_BEFORE = re.compile(r"(?:a|one|the)\s+(?:day\s+(?:before|earlier)|previous\s+day)", re.I)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    kind: str
    date: dt.date | None  # None for "the same day", "a day later" until resolved against earlier text
    days_after: int = 0   # how many days after the last day said before it ("two days later": 2)


def latest_on_or_before(month: int, day: int, base: dt.date) -> dt.date | None:
    """The last `month`/`day` not after `base`: "Dec. 23" in an article of January is last year's.

    >>> latest_on_or_before(12, 23, dt.date(2025, 1, 5))
    datetime.date(2024, 12, 23)
    """
    for year in (base.year, base.year - 1):
        try:
            day_in_year = dt.date(year, month, day)
        except ValueError:
            continue
        if day_in_year <= base:
            return day_in_year
    return None


_AHEAD = dt.timedelta(days=92)  # "ready by November 1" in an article of October 18


def _upcoming(month: int, day: int, base: dt.date) -> bool:
    """The `month`/`day` (no year given) falls a few weeks after `base`: a day the article
    looks ahead to ("will be ready on November 1"), not last year's."""
    try:
        day_in_year = dt.date(base.year, month, day)
    except ValueError:
        return False
    # only within the article's year: "on January 11" in a December review looks back
    return base + dt.timedelta(days=1) < day_in_year <= base + _AHEAD


def _resolve(kind: str, m: re.Match, base: dt.date | None, month_end: dt.date | None = None) -> dt.date | None:
    g = m.groupdict()
    try:
        if kind in ("iso", "dmy_num"):
            return dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
        if kind in ("month_day", "day_month", "on_day_month"):
            month = int(g["m"]) if kind == "on_day_month" else MONTHS[g["month"].lower()]
            day = int(g["d"])
            if g.get("y"):
                return dt.date(int(g["y"]), month, day)
            if base is None:
                # a page dated to a month: the day falls on or before that month's end
                return latest_on_or_before(month, day, month_end) if month_end else None
            if _upcoming(month, day, base):
                return None  # "will be ready on November 1": a day ahead is never a claim's
            # a day ahead of the article: wire copy dated in Asia reports "Dec. 24" events
            return latest_on_or_before(month, day, base + dt.timedelta(days=1))
        if base is None:
            return None
        if kind == "the_nth":
            day = int(g["d"])
            month_start = base.replace(day=1)
            if day > base.day:  # "on the 28th" in an article of the 2nd: last month
                month_start = (month_start - dt.timedelta(days=1)).replace(day=1)
            return month_start.replace(day=day)
        if kind == "weekday":
            back = (base.weekday() - WEEKDAYS[g["wd"].lower()]) % 7
            if back == 0 and g.get("last"):
                back = 7  # "last Wednesday" written on a Wednesday
            return base - dt.timedelta(days=back)
        if kind == "relative":
            rel = g["rel"].lower()
            earlier = rel in ("yesterday", "last night") or rel.endswith(("before", "earlier")) \
                or rel.startswith("the previous")
            return base - dt.timedelta(days=1) if earlier else base
    except (ValueError, KeyError):
        return None
    return None


def _days_later(m: re.Match) -> int:
    n = m.group("n")
    return 1 if n is None else _FEW.get(n.lower()) or int(n)


def find_dates(sentence: str, base: dt.date | None, month_end: dt.date | None = None) -> list[DateMention]:
    """Day-precise date expressions in a sentence, resolved against `base` (with no base, a
    day named with its month takes its year from `month_end`, see `page_month`).

    >>> b = dt.date(2024, 12, 24)
    >>> [(d.kind, str(d.date)) for d in find_dates("According to AFP on December 24, Seoul said", b)]
    [('month_day', '2024-12-24')]
    >>> [str(d.date) for d in find_dates("said on the 23rd and on Monday", b)]
    ['2024-12-23', '2024-12-23']
    >>> find_dates("earlier this month and in November", b)
    []
    >>> [str(d.date) for d in find_dates("said last Tuesday, on 13.12.2024", b)]
    ['2024-12-17', '2024-12-13']
    >>> find_dates("will be ready on December 30", b)  # a day ahead, not last year's
    []
    >>> find_dates("date 2024-12-20 Two soldiers were captured, Kyiv said", b)  # a page date line
    []
    >>> [str(d.date) for d in find_dates("A day earlier, the NIS had said", b)]
    ['2024-12-23']
    >>> find_dates("on the day before the attack", b)  # a day counted from an event
    []
    >>> [str(d.date) for d in find_dates("On 17/6, the minister said; on 23/12 Seoul said; 24/7 news", b)]
    ['2024-06-17', '2024-12-23']
    >>> find_dates("shipped to the port starting Dec. 8 for drills", b)  # the start of a period
    []
    >>> find_dates("KYIV, Ukraine, Dec. 23 (Wire) - Two soldiers were captured, Kyiv said", b)  # a dateline
    []
    >>> find_dates("Seoul [South Korea], December 23 (Wire): the NIS said", b)
    []
    >>> find_dates("KYIV/SEOUL, Dec 23 (Wire) - Kyiv said", b)
    []
    >>> [str(d.date) for d in find_dates("Kyiv, on December 23, said", b)]
    ['2024-12-23']
    >>> [str(d.date) for d in find_dates("On December 10, the paper said a day earlier", b)]
    ['2024-12-10', '2024-12-09']
    >>> [str(d.date) for d in find_dates("Speaking on the 20th, the same day the talks ended, she said", b)]
    ['2024-12-20', '2024-12-20']
    >>> [str(d.date) for d in find_dates("said on December 23 and on Monday", None, dt.date(2025, 1, 31))]
    ['2024-12-23']
    """
    low = sentence.lower()
    words = any(piece in low for piece in _WORD_PIECES)
    if _DIGIT.search(sentence):
        cues = _CUES if words else _CUES_BUT_WORDS
    else:
        cues = _WORD_CUES if words else {}
    present = {kind for kind, cue in cues.items() if cue.search(sentence)}
    if not present:
        return []
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        if kind not in present:
            continue
        for m in pattern.finditer(sentence):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if _NOT_CLAIM.search(sentence[:m.start()]) or \
                    (kind in ("iso", "dmy_num") and _DATE_LINE.match(sentence[:m.start()])) or \
                    (kind in ("month_day", "day_month") and (_dateline(sentence, m.start(), m.end())
                                                             or _WORDED_DATE_LINE.match(sentence[:m.start()]))):
                continue
            taken.append((m.start(), m.end()))
            date = None if kind in _LATER_KINDS else _resolve(kind, m, base, month_end)
            prior = [d for d in found if d.start < m.start() and d.date]
            if kind == "same_day" and prior:
                # "Speaking on the 24th, the same day the war turned three, the envoy said": that
                # day again, not one from an earlier sentence
                date = max(prior, key=lambda d: d.start).date
            if kind == "relative" and prior and _DAY_BEFORE.match(m.group("rel")):
                # "On October 4, the paper reported ... a day earlier": the day before that one
                date = max(prior, key=lambda d: d.start).date - dt.timedelta(days=1)
            after = _days_later(m) if kind == "day_after" else 0
            if kind == "day_after" and prior:
                date = max(prior, key=lambda d: d.start).date + dt.timedelta(days=after)
            if date is None and kind not in _LATER_KINDS:
                continue
            found.append(DateMention(m.start(), m.end(), kind, date, after))
    return sorted(found, key=lambda d: d.start)

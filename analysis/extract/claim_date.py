"""The claim date: the day-precise date standing next to an attribution, or the day the
same source spoke on elsewhere in the article."""
from __future__ import annotations

import re
from datetime import date

from analysis.extract import vocab
from analysis.extract.claimant import Speaker
from analysis.extract.patterns import alternation
from analysis.extract.state import Context

_ATTR_VERB = alternation(vocab.ATTRIBUTION_VERBS + vocab.ATTRIBUTION_VERBS_AFTER_NAME)
_ACCORDING = re.compile(r"\b(?:according\s+to|citing|quoting)\b", re.I)
# the months by full name: the longest key of each in vocab.MONTHS
_MONTH_FULL = "(?:" + "|".join(max((k for k, v in vocab.MONTHS.items() if v == n), key=len)
                               for n in range(1, 13)) + ")"

# Wording that places a claim before the one the article reports: its date is not carried.
EARLIER_CLAIM = re.compile(rf"""
    [(\[][^)\]]*\b{_MONTH_FULL}\b[^)\]\d]*[)\]]     # a source note with its month: "[NIS, April]"
  | \b(?:had\s+(?:\w+\s+)?(?:said|put|estimated|reported|told|claimed|assessed|given|spoken)
      |previously|earlier|before|ago|this\s+week
      |recently\s+(?:said|stated|told|reported|claimed|estimated)
      |last\s+(?:week|month|year|fall|autumn|spring|summer|winter)
      |(?:in|since|by)\s+(?:early\s+|late\s+|mid-?)?{_MONTH_FULL}\b)
""", re.I | re.X)


_OPENING = re.compile(r"[^,;]*(?:,[^,;]{1,80})?,\s+(?:[\w.-]+\s+){0,3}")


def claim_date(sentence: str, spk: list[Speaker], dates: list):
    """The date standing next to an attribution (`said on Monday`, `On the 23rd, the NIS
    reported`); a date elsewhere in the sentence dates an event, not the claim."""
    return dated_claim(sentence, spk, dates)[0]


def dated_claim(sentence: str, spk: list[Speaker], dates: list) -> tuple[date | None, Speaker | None]:
    """The claim date of a sentence and the speaker it dates: the one whose attribution
    the date stands next to ("Zelensky gave the figure Monday, above Seoul's count of
    1,100": Monday is Zelensky's, not Seoul's); None when no speaker stands there."""
    usable = [(start, end, d) for start, end, d in dates if d is not None]
    if not usable:
        return None, None
    anchors = [(s.start, s.end) for s in spk]
    anchors += [m.span() for p in (_ATTR_VERB, _ACCORDING) for m in p.finditer(sentence)]
    best = None
    for start, end, day in usable:
        for a_start, a_end in anchors:
            gap = max(a_start - end, start - a_end, 0)
            # "At the Dec. 12 ceremony for the engineers of the regiment, Kim said": an
            # opening phrase dates the statement that follows it
            # ("On 3 March, after a session of the cabinet, the minister said": one clause
            # may stand between)
            opening = end <= a_start and gap <= 100 and _OPENING.fullmatch(sentence[end:a_start])
            # "according to vice chairs of the intelligence committee on Wednesday": the day
            # closes the attribution phrase itself
            closing = a_end <= start and gap <= 90 and not re.search(r"[,;:()]|\d", sentence[a_end:start])
            if (gap <= 45 or opening or closing) and (best is None or gap < best[0]):
                best = (gap, day, a_start, a_end)
    if best is None:
        return None, None
    _, day, a_start, a_end = best
    # the speaker of that attribution: its own span, or the name just before its verb
    near = [s for s in spk if (s.start <= a_start and a_start - s.end <= 40)
            or (s.start >= a_end and s.start - a_end <= 25)]
    return day, min(near, key=lambda s: abs(s.start - a_start)) if near else None


def own_part(ctx: Context) -> str:
    """The sentence up to the end of the figure's own statement: a clause after it that
    speaks of something else ("..., where Ukraine has held ground since August") is left
    out."""
    return ctx.before + ctx.number.text + re.split(
        r"\b(?:where|which|who|whom|while|when|whereas|since)\b|;", ctx.after, maxsplit=1)[0]


def same_briefing(ctx: Context, speaker: Speaker):
    """"The NIS said on Friday ... The agency also estimated ...": the day the same side
    last spoke on, unless the wording places this claim earlier."""
    if EARLIER_CLAIM.search(own_part(ctx)):
        return None
    return next((d for _, sp, d in reversed(ctx.state.speakers[-20:])
                 if d is not None and sp.group == speaker.group), None)


def date_from_article(rows: list[dict], spoke: list) -> None:
    """An undated figure takes the day its side spoke on elsewhere in the article, when the
    article names one such day only ("Budanov gave the assessment ... released on
    Thursday"); with two or more days, which statement is which stays open."""
    days: dict[str, set] = {}
    for _, speaker, day in spoke:
        if day is not None:
            days.setdefault(speaker.group, set()).add(day)
    for row in rows:
        found = days.get(row["claimant_group"], set())
        if row["claim_date"] is None and len(found) == 1 and \
                not EARLIER_CLAIM.search(row["sentence"]):
            row["claim_date"] = next(iter(found)).isoformat()

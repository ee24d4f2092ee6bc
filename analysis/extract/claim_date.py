"""The claim date: the day-precise date standing next to an attribution (and the source it
stands with), or the day the same source spoke on elsewhere in the article."""
from __future__ import annotations

import datetime as dt
import re

from analysis.extract import vocab
from analysis.extract.claimant import ATTR_VERB, Speaker, sentence_speakers
from analysis.extract.dates import find_dates
from analysis.extract.patterns import IgnoringCase, NeedsWords, trie
from analysis.extract.sentences import clause_after
from analysis.extract.state import ArticleState, Context

_FIGURE = re.compile(r"\d(?![\d,.]*(?:st|nd|rd|th)\b)")  # a number, not an ordinal ("528th")
_OPENS = re.compile(r"\W*(?:on|at)?\s*", re.I)  # what may stand before a day that opens a sentence
_ACCORDING = NeedsWords(re.compile(r"\b(?:according\s+to|citing|quoting|as\s+(?:first\s+)?reported\s+by)\b", re.I))
# the months by full name: the longest key of each in vocab.MONTHS
_MONTH_FULL = "(?:" + "|".join(max((k for k, v in vocab.MONTHS.items() if v == n), key=len)
                               for n in range(1, 13)) + ")"

_VERB = "(?:" + "|".join(vocab.ATTRIBUTION_VERBS) + ")"
# The same verbs as a trie for EARLIER_CLAIM, which is tried at every position of a
# sentence: the flat list, 116 verbs tried one by one, took most of its time. A space in a
# verb ("told reporters") is `\s+` in the trie, so the verbose pattern keeps it.
_VERB_TRIE = "(?:" + trie(vocab.ATTRIBUTION_VERBS) + ")"
# Wording that places a claim before the one the article reports, or at no one day ("this
# week", "recently"): a day said elsewhere is not carried to it.
# "By November, the NIS had ..." opens a clause; "plans to send 10,000 by December" inside
# one sets a deadline ahead and is no earlier claim.
EARLIER_CLAIM = IgnoringCase(re.compile(rf"""
    [(\[][^)\]]*\b{_MONTH_FULL}\b[^)\]\d]*[)\]]     # a source note with its month: "[NIS, April]"
  | \b(?:had\s+(?:\w+\s+)?(?:said|put|estimated|reported|told|claimed|assessed|given|spoken|warned)
      |previously|earlier|before(?!\s+\w+ing\b)|ago|at\s+the\s+time   # not "before releasing it"
      |(?:previous|prior|former|old)\s+(?:\w+\s+)?(?:estimate|count|figure|assessment|tally)s?
      |(?:recently|lately)\s+{_VERB_TRIE}|{_VERB_TRIE}\s+(?:recently|lately)   # of the claim, not an event's
      |(?:this|last)\s+week|this\s+month|in\s+recent\s+(?:days|weeks)
      |last\s+(?:month|year|fall|autumn|spring|summer|winter|{_MONTH_FULL}\b)
      |(?:\b(?:in|since|from)|(?:^|[,;:(])\s*by)\s+(?:early\s+|late\s+|mid-?)?{_MONTH_FULL}\b
      |at\s+the\s+(?:end|beginning|start|middle|turn)\s+of\s+(?:the\s+month|the\s+year|{_MONTH_FULL}))
""", re.I | re.X))


# A day right after what happened ("died on Monday", "were killed in fighting near Kursk on
# Saturday", "captured on Thursday") dates the event, not the claim.
_EVENT_DAY = re.compile(r"""\b(?:killed|died|wounded|injured|hurt|captured|taken\s+prisoner|sent|deployed
    |dispatched|arrived|fought|clashed|attacked|struck|crossed|began|started|fell|surrendered|occurred
    |happened|took\s+place)\s+(?:(?!(?:said|says|told|reported|announced|added)\b)[\w'-]+\s+){0,6}?
    (?:(?:late|early)\s+)?(?:on\s+)?$
    # "spoke of a drone strike on Sunday night": the day of an attack named just before it
  | \b(?:attack|strike|assault|raid|shelling|bombardment|offensive)s?\s+(?:late\s+|early\s+)?on\s+$""", re.I | re.X)


def days_in(text: str, state: ArticleState) -> list[tuple[int, int, dt.date]]:
    """The days a text names, read as the pipeline reads each sentence (a page dated to a
    month only included), so one sentence's days are read one way wherever they are read."""
    return [(d.start, d.end, d.date) for d in find_dates(text, state.published, state.month_end) if d.date]


def dated_claim(sentence: str, spk: list[Speaker], dates: list) -> tuple[dt.date | None, Speaker | None]:
    """The date standing next to an attribution (`said on Monday`, `On the 23rd, the NIS
    reported`), with the speaker it stands with (None when the sentence names none); a date
    elsewhere in the sentence dates an event, not the claim."""
    found = _day_pairs(sentence, spk, dates)
    if not found:
        return None, None
    _, day, who, at = min(found, key=lambda f: f[0])
    # "Zelensky said on Monday ..., triple the count Seoul gave the same day": two mentions of
    # one day, each with its own speaker, date both claims; "on Wednesday (Apr 30)" is one
    ends = {start: end for start, end, _ in dates}
    shared = any(d == day and w is not who and s != at and not _restated(sentence, ends, s, at)
                 for _, d, w, s in found)
    return day, None if shared else who


def _restated(sentence: str, ends: dict, a: int, b: int) -> bool:
    """The day mentions starting at a and b stand side by side, the second restating the
    first ("on Wednesday (Apr 30)", "Monday, Dec. 23,")."""
    first, second = sorted((a, b))
    return re.fullmatch(r"[\s(),]*", sentence[ends[first]:second]) is not None


def side_day(sentence: str, spk: list[Speaker], dates: list, group: str) -> dt.date | None:
    """The day standing next to an attribution of the side `group` itself: a sentence that
    gives two sides two days ("Kyiv said on Monday ..., while Seoul said on Tuesday that
    1,100 ...") dates each side's figures by its own day, not only the nearest side's."""
    own = [f for f in _day_pairs(sentence, spk, dates) if f[2] is not None and f[2].group == group
           and not (f[3] < f[2].start and _HUNG.search(sentence[:f[2].start]))]
    return min(own, key=lambda f: f[0])[1] if own else None


# ", after", ", before", ", following" right before a speaker: a clause hung on the statement
# before it ("China on Friday called the ties none of its concern, after the US warned ..."),
# said at another time than the day of that statement
_HUNG = re.compile(r",\s+(?:after|before|following|since)\s+(?:the\s+)?$", re.I)


# ", and", "; while" right before a speaker: a clause of its own beside the one before it
_JOINED = re.compile(r"(?:,|;)\s+(?:and|while|whereas)\s+(?:the\s+)?$", re.I)


def joined_day(sentence: str, spk: list[Speaker], dates: list, dated: Speaker) -> dt.date | None:
    """The day of the sentence's last speaker when another side holds the sentence's day:
    "The US said today it had seen evidence ..., and Seoul's lawmakers said 3,000 had been
    sent" gives both statements the day, each side's by its own verb; a speaker in a clause
    hung on the dated one ("China said on Friday ..., after the US warned ...") takes none."""
    last = spk[-1]
    if last.group == dated.group or not _JOINED.search(sentence[:last.start]):
        return None
    return side_day(sentence, spk, dates, last.group)


def _day_pairs(sentence: str, spk: list[Speaker], dates: list) -> list[tuple]:
    """Each day of the sentence that may date a claim, paired with each attribution near it:
    (gap, day, speaker or None, where the day starts)."""
    usable = [(start, end, d) for start, end, d in dates
              if d is not None and not _EVENT_DAY.search(sentence[max(0, start - 60):start])]
    if not usable:
        return []
    # a verb speaks for its subject; "According to AFP on December 24, Seoul said ..., while
    # Kyiv said ...": a relaying report's day dates every claim it carries (None: no one side)
    anchors = [(s.start, s.end, s, False) for s in spk]
    anchors += [(*m.span(), _subject(spk, *m.span()), False) for m in ATTR_VERB.finditer(sentence)
                if not _inside_quotation(sentence[:m.start()])]
    anchors += [(*m.span(), None, True) for m in _ACCORDING.finditer(sentence)]
    found = []
    for start, end, day in usable:
        for a_start, a_end, who, relay in anchors:
            gap = max(a_start - end, start - a_end, 0)
            if a_end <= start and _inside_quotation(sentence[a_end:start]):
                continue  # 'the Chairman said, "The unit formed on May 28 ...": the quoted words' day
            between = sentence[end:a_start]
            # an opening phrase with a figure in it ("On Saturday 50 soldiers were killed near
            # Kursk, the unit said") is what the day dates, not the statement after it
            opening = end <= a_start and not _FIGURE.search(between) and (
                # "At the Dec. 12 ceremony for the engineers of the regiment, Kim said": an
                # opening phrase dates the statement that follows it
                gap <= 100 and re.fullmatch(r"[^,;]*,\s+(?:\w+\s+){0,3}", between)
                # "On 3 March, after a session of the war cabinet, the minister said": a day
                # that opens the sentence dates its statement across one clause set off by commas
                # (and a speaker's title of up to five words: "Russian Security Council Secretary")
                or gap <= 160 and _OPENS.fullmatch(sentence[:start])
                and re.fullmatch(r",[^,;]+,\s+(?:\w+\s+){0,5}", between))
            # "according to vice chairs of the intelligence committee on Wednesday": the day
            # closes the attribution phrase itself
            closing = a_end <= start and gap <= 90 and not re.search(r"[,;:()]|\d", sentence[a_end:start])
            if relay and closing:
                gap = -1  # the day of the report itself, before any speaker next to it
            if gap <= 45 or opening or closing:
                found.append((gap, day, who, start))
    return found


def _inside_quotation(before: str) -> bool:
    """The text leaves a quotation open: a verb or a day after it is the quoted words' own
    ('... said, "The unit that set out on May 28 ...': no statement of that day)."""
    return before.rfind("“") > before.rfind("”") or before.count('"') % 2 == 1


def claim_date(sentence: str, spk: list[Speaker], dates: list) -> dt.date | None:
    """The day of `dated_claim` alone."""
    return dated_claim(sentence, spk, dates)[0]


def _subject(spk: list[Speaker], start: int, end: int) -> Speaker | None:
    """Who speaks with the verb at start-end: the last speaker before it ("the NIS said"),
    else the first after it ("said the NIS")."""
    before = [s for s in spk if s.end <= start]
    after = [s for s in spk if s.start >= end]
    return before[-1] if before else (after[0] if after else None)


def dated_for(speaker: Speaker | None, said_by: Speaker | None) -> bool:
    """A sentence's day dates a figure when it stands with the figure's own side: "Kyiv put
    the number at 3,000 on Monday, above Seoul's count of 1,100" dates Kyiv's figure only."""
    # (a day "reports said" a figure on is the day of what they relay, whoever they relay)
    return said_by is None or said_by.name in _RELAYS or (speaker is not None and speaker.group == said_by.group)


def own_part(ctx: Context) -> str:
    """The sentence up to the end of the figure's own statement: a clause after it that
    speaks of something else ("..., where Ukraine has held ground since August") is left
    out."""
    return ctx.before + ctx.number.text + re.split(
        r"\b(?:where|which|who|whom|while|when|whereas|since)\b|;", ctx.after, maxsplit=1)[0]


# "raising the previous estimate of 3,000 from last week", "up from the US estimate of
# 3,000 given ... last week": an older figure set beside the new one
_OLDER_FIGURE = NeedsWords(re.compile(r"\b(?:previous|prior|former|earlier|old|original)\s+(?:[\w'’]+\s+)?"
                                      r"(?:estimate|figure|count|tally|assessment)\s+of\s+(?:\w+\s+)?$", re.I))
_OLDER_AFTER = re.compile(r"[^.;]{0,60}?\b(?:last\s+week|last\s+month|earlier|previously)\b", re.I)


def older_figure(ctx: Context) -> bool:
    """The figure is an older one the sentence sets beside its news: the sentence's day is
    not its day."""
    before = ctx.before[-60:]
    return bool(_OLDER_FIGURE.search(before) or (
        re.search(r"\b(?:estimate|figure|count)\s+of\s+(?:\w+\s+)?$", before, re.I)
        and _OLDER_AFTER.match(clause_after(ctx.after))) or _SAID_EARLIER_AFTER.match(ctx.after))


# "the roughly 600 killed that Seoul's spy agency reported earlier this year": the figure's own
# clause says its source gave it before the sentence's news (not "earlier today")
_SAID_EARLIER_AFTER = re.compile(r"[^.;:]{0,90}?\b(?:reported|said|estimated|announced|gave|put)\s+(?:it\s+)?"
                                 r"(?:earlier|previously)\b(?!\s+(?:today|this\s+(?:morning|afternoon|evening)|on)\b)",
                                 re.I)


def same_briefing(ctx: Context, speaker: Speaker) -> dt.date | None:
    """"The NIS said on Friday ... The agency also estimated ...": the day the same side
    last spoke on, unless the wording places this claim earlier."""
    if EARLIER_CLAIM.search(own_part(ctx)) or _VAGUE_LATER.search(ctx.before):
        return None
    if _SIDES_LISTED.match(speaker.name):
        return None  # "South Korean and Western intelligence": a view of their own, not one side's briefing
    event = _event_day(ctx)
    if event is not None:
        return event
    return next((d for _, sp, d in reversed(ctx.state.speakers[-20:])
                 if d is not None and sp.group == speaker.group), None) or _unnamed_briefing(ctx) \
        or _reports_said_before(ctx) or _named_unread(ctx, speaker)


# "A few days later, the same side reported ...", "Subsequently, ...": a day after the one said
# before, but which one the text does not say ("two days later" is read as a day by dates.find_dates)
_VAGUE_LATER = re.compile(r"\b(?:a\s+few|several|some|many|a\s+couple\s+of)\s+(?:days|weeks)\s+"
                          r"(?:later|afterwards?)\b"
                          r"|^\W*(?:subsequently|later|afterwards)\s*,", re.I)  # "Subsequently, X said ..."
_SIDES_LISTED = re.compile(rf"(?:{trie(vocab.NATIONAL_ADJECTIVES)})(?:,\s+|\s+and\s+)")
_UNREAD_REACH = 3  # sentences back


def _named_unread(ctx: Context, speaker: Speaker) -> dt.date | None:
    """"The spy agency and the defence ministry said on Monday ... The spy agency put the toll
    at 30": the day of a sentence a few before that names the source in the same words and
    says when, though no speaker was read there (a joint subject)."""
    words = ctx.sentence.text[speaker.start:speaker.end]
    whole = rf"\b{re.escape(words)}\b"
    for j in range(ctx.index - 1, max(-1, ctx.index - 1 - _UNREAD_REACH), -1):
        text = ctx.state.sentences[j].text
        if words.lower() in text.lower() and re.search(whole, text, re.I) and not sentence_speakers(ctx.state, j):
            return _said_on(ctx.state, j)
    return None


# "The NIS believes about ...", "the agency estimates some ...": a standing view in the present
# tense. "says" is left out: broadcast copy gives the day's news with it ("Seoul now says 2,000")
_PRESENT_CLAIM = re.compile(r"\b(?:believes|believe|thinks|think|estimates|estimate|reckons|reckon)\s+"
                            r"(?:that\s+)?(?:\w+\s+){0,3}?(?:about|around|roughly|some|at\s+least|more\s+than|over|\d)",
                            re.I)


def standing_view(ctx: Context) -> bool:
    """The figure is a view its source holds in the present tense ("The NIS believes about
    11,000 ...", "the agency estimates around 11,000 ..."): no statement of one day, so no day
    said elsewhere is its day."""
    low = ctx.before.lower()  # the verb stands before the figure: most sentences hold none
    return any(w in low for w in _PRESENT_PIECES) and bool(_PRESENT_CLAIM.search(own_part(ctx)))


_PRESENT_PIECES = ("believe", "think", "estimate", "reckon")


def _reports_said_before(ctx: Context) -> dt.date | None:
    """"North Korea will send 6,000, reports said Tuesday. According to an agency, Shoigu
    announced 1,000 sappers and 5,000 builders": the day the sentence just before gives
    to the same news relayed by unnamed reports."""
    spoke = ctx.state.speakers
    if not spoke or spoke[-1][0] != ctx.index - 1 or spoke[-1][2] is None:
        return None
    return spoke[-1][2] if spoke[-1][1].name in _RELAYS else None


_RELAYS = set(vocab.RELAYING_CLAIMANTS)
_DURING = re.compile(rf"^\W*(?:During|At|In)\s+(?:the|this|that)\s+(?:\w+\s+)?(?P<event>{trie(vocab.EVENT_NOUNS)})\b")
_EVENT_REACH = 5  # sentences back to the one that dates the event


def _event_day(ctx: Context) -> dt.date | None:
    """"During the ceremony, Kim noted ...": the day an earlier sentence gives that event
    ("The ceremony took place on Friday"), not the day a news agency reported it."""
    m = _DURING.match(ctx.sentence.text)
    if m is None or ctx.index < 0:
        return None
    for j in range(ctx.index - 1, max(-1, ctx.index - 1 - _EVENT_REACH), -1):
        text = ctx.state.sentences[j].text
        noun = re.search(rf"\b{m.group('event')}\b", text, re.I)
        if noun is None:
            continue
        dates = days_in(text, ctx.state)
        if dates:
            return min(dates, key=lambda d: abs(d[0] - noun.start()))[2]
    return None


# "one of them said", "one of the lawmakers added": a speaker of the sentence before
_ONE_OF_THEM = NeedsWords(re.compile(rf"\bone\s+of\s+(?:them|the\s+\w+)\s+(?:\w+\s+)?{_VERB}", re.I))


def _unnamed_briefing(ctx: Context) -> dt.date | None:
    """"Lawmakers briefed reporters on Monday. '... 3,000 ...,' one of them said": the day
    of the sentence before, when that sentence speaks with no known source and this one
    refers back to its speakers."""
    i = ctx.index
    if i == 0 or not _ONE_OF_THEM.search(ctx.sentence.text) or sentence_speakers(ctx.state, i - 1):
        return None
    return _said_on(ctx.state, i - 1)


def _said_on(state: ArticleState, i: int) -> dt.date | None:
    """The day standing next to an attribution in sentence i, whoever speaks there."""
    text = state.sentences[i].text
    return dated_claim(text, [], days_in(text, state))[0]


def date_from_article(rows: list[dict], state: ArticleState) -> None:
    """An undated figure takes the day its side spoke on elsewhere in the article, when the
    article names one such day only ("Budanov gave the assessment ... released on
    Thursday"); with two or more days, which statement is which stays open. A day written
    as a calendar date ("On October 4, the agency reported ...") places a statement in the
    story's background, not the news the article reports, unless it speaks of giving these
    figures ("The NIS presented these estimates on 4 November"). Prisoners credited to their
    captor, or losses to the side that inflicted them, take no such day: no one is quoted
    for them."""
    days: dict[str, set] = {}
    news: dict[dt.date, bool] = {}  # how the last sentence that named each day named it
    judged: dict[tuple, bool] = {}  # a sentence's speakers share its one reading
    for i, speaker, day in state.speakers:
        if day is None:
            continue
        # "He added ..." carries the day of the sentence before: judged as that one named it
        if (i, day) not in judged:
            judged[i, day] = _news_day(state.sentences[i].text, day, state, news.get(day, True))
        news[day] = judged[i, day]
        if news[day]:
            days.setdefault(speaker.group, set()).add(day)
    for row in rows:
        found = days.get(row["claimant_group"], set()) or _visit_days(row["claimant"], state)
        # a day the figure's own sentence names but did not give it ("Kyiv gave its count on
        # Monday, far above Seoul's 1,100") is another statement's: one from elsewhere would be a guess
        if row["claim_date"] is None and len(found) == 1 and row.get("credit_rule") not in INFERRED_RULES and \
                not EARLIER_CLAIM.search(row["sentence"]) and not _VAGUE_LATER.search(row["sentence"]) and \
                not _SIDES_LISTED.match(row["claimant"] or "") and not days_in(row["sentence"], state):
            row["claim_date"] = next(iter(found)).isoformat()


def _visit_days(name: str | None, state: ArticleState) -> set[dt.date]:
    """The news days ("on Tuesday", "today") the article gives a named person's visit ("On
    Monday, Lavrov was visiting Pyongyang", "the envoy's chief arrived in Seoul today"): a visitor
    quoted with no day of his own spoke while there, so a side whose statements name no day
    takes the visit's one day."""
    if not name or " " not in name:
        return set()  # a person by full name, not a side or a body
    surname = name.split()[-1]
    visit = re.compile(rf"\b{re.escape(surname)}\s+(?:(?:is|was|has|had|been)\s+){{0,2}}"
                       r"(?:visiting|visited|visits|arrived\s+in|travell?ed\s+to)\b")
    days: set[dt.date] = set()
    for sent in state.sentences:
        if surname in sent.text and visit.search(sent.text):
            days |= {d.date for d in find_dates(sent.text, state.published, state.month_end)
                     if d.date and d.kind in _NEWS_KINDS}
    return days


def _news_day(text: str, day: dt.date, state: ArticleState, carried: bool) -> bool:
    """The sentence names `day` as a news story names its own days (a weekday, "yesterday",
    "this afternoon"), or speaks of giving the figures; `carried` when it does not name the
    day itself."""
    kinds = {d.kind for d in find_dates(text, state.published, state.month_end) if d.date == day}
    if not kinds:
        return carried
    return bool(kinds & _NEWS_KINDS) or bool(_BACK_TO_FIGURE.search(text))


_NEWS_KINDS = {"weekday", "relative"}


# "told lawmakers last week that", "said earlier this month": the statement's own time, no day
_SAID_AT_NO_DAY = NeedsWords(re.compile(rf"\b{_VERB_TRIE}\s+(?:\w+\s+){{0,2}}?(?:(?:last|this)\s+(?:week|month)|"
                                        r"earlier|recently)\b", re.I))


# credit rules that infer the side from the act (prisoners taken, losses inflicted): no one is
# quoted, so no day a side spoke on elsewhere is theirs
INFERRED_RULES = ("captor", "inflictor")


# The sentence after a figure speaks of giving it: "This information was revealed by the
# spokesman at a briefing on Friday", "Two lawmakers passed the figure on to reporters".
_BACK_TO_FIGURE = NeedsWords(re.compile(r"\b(?:this|that|these|those|the)\s+(?:\w+\s+)?(?:information|figures?|"
                                        r"numbers?|estimates?|assessments?|count|toll|tally|data)\b", re.I))


# Where a figure is given: "Kim paid tribute to nine soldiers at a ceremony ... The ceremony
# took place on Friday" dates the figure by the occasion's day.
_OCCASION = r"(?:ceremony|briefing|meeting|speech|address|interview|hearing|session|conference|parade|rally)"
_OCCASION_IN = IgnoringCase(re.compile(rf"\b{_OCCASION}\b", re.I))


def _occasion_day(sentence: str, after: str, found: list) -> dt.date | None:
    """The day the sentence after names for the occasion the figure's sentence tells of:
    the first day in the same clause after "the <occasion>"."""
    named = {m.group().lower() for m in _OCCASION_IN.finditer(sentence)}
    for m in re.finditer(rf"\bthe\s+(?:[\w-]+\s+)?({_OCCASION})\b", after, re.I):
        if m.group(1).lower() not in named:
            continue
        for start, _, day in found:
            if m.end() <= start <= m.end() + 60 and not re.search(r"[,;:]", after[m.end():start]):
                return day
    return None


def date_from_next_sentence(rows: list[dict], state: ArticleState) -> None:
    """An undated figure takes the day named in the sentence after it when that sentence
    speaks of the figure being given ("... over a thousand were killed or wounded. The
    figure was given by the spokesman at a briefing on Friday."), or in the paragraph after
    its own when that paragraph opens on the figures in the plural ("The figures were given
    on Wednesday by Western officials"), unless that day stands with another side or the
    figure's own sentence says when it was given without a day ("told lawmakers last week
    that ...")."""
    starts = {sent.start: i for i, sent in enumerate(state.sentences)}
    for row in rows:
        i = starts.get(row["sentence_start"])
        if row["claim_date"] is not None or i is None or i + 1 >= len(state.sentences) \
                or _SAID_AT_NO_DAY.search(row["sentence"]):
            continue
        after = state.sentences[i + 1].text
        found = days_in(after, state)
        occasion = _occasion_day(row["sentence"], after, found)
        if occasion is not None:
            row["claim_date"] = occasion.isoformat()
            continue
        for j in ([i + 1] if _BACK_TO_FIGURE.search(after) else []) + [_next_paragraph(state, i)]:
            day = _day_of_giving(state, j, row["claimant_group"]) if j is not None else None
            if day is not None:
                row["claim_date"] = day.isoformat()
                break
        else:
            day = _lede_restated(state, i, row["claimant_group"])
            if day is not None:
                row["claim_date"] = day.isoformat()


# "Kyiv announced their capture on Friday": the announcement that first told of the captives
_CAPTURE_TOLD = NeedsWords(re.compile(r"\b(?:announced|reported|confirmed|disclosed|revealed)\s+"
                                      r"(?:their|the|his|its)\s+capture\b", re.I))


def date_from_capture_told(rows: list[dict], state: ArticleState) -> None:
    """A count of captives dated by a later showing of them ("a video the president posted on
    Sunday showed two captured soldiers") whose next sentence tells of their capture being
    announced on an earlier day ("Kyiv announced their capture on Saturday") was first
    reported that day: it takes the earlier one."""
    starts = {sent.start: i for i, sent in enumerate(state.sentences)}
    for row in rows:
        i = starts.get(row["sentence_start"])
        if row["measure"] != "captured" or row["claim_date"] is None or i is None \
                or i + 1 >= len(state.sentences):
            continue
        after = state.sentences[i + 1].text
        if not _CAPTURE_TOLD.search(after):
            continue
        found = {d for _, _, d in days_in(after, state)}
        if len(found) == 1 and min(found).isoformat() < row["claim_date"]:
            row["claim_date"] = min(found).isoformat()


def _day_of_giving(state: ArticleState, j: int, side: str) -> dt.date | None:
    """The day sentence j gives for the giving of a figure of `side`; None when it stands
    with another side."""
    text = state.sentences[j].text
    found = days_in(text, state)
    day, said_by = dated_claim(text, sentence_speakers(state, j), found)
    if day is None and len({d for _, _, d in found}) == 1:
        day = found[0][2]  # the sentence is about the giving: its one day is that day
    return day if said_by is None or side in ("Unattributed", said_by.group) else None


_BACK_TO_FIGURES = re.compile(r"^\W*(?:these|those|the)\s+(?:\w+\s+)?(?:figures|numbers|estimates|counts)\b",
                              re.I)


def _next_paragraph(state: ArticleState, i: int) -> int | None:
    """The first sentence of the paragraph after sentence i's, when it opens on the figures
    in the plural ("The figures were given on Wednesday by ...")."""
    para = state.sentences[i].para
    j = next((k for k in range(i + 1, len(state.sentences)) if state.sentences[k].para != para), None)
    return j if j is not None and _BACK_TO_FIGURES.search(state.sentences[j].text) else None


_RESTATED_REACH = 2  # paragraphs after the lede that may restate it with its day


def _lede_restated(state: ArticleState, i: int, side: str) -> dt.date | None:
    """A figure of the lede, its source named without a day, restated in one of the next
    two paragraphs by a speaker of the same side with a day ("... thousands of builders
    to Kursk, a top Russian official said Tuesday"): that day."""
    voices = state.voices
    if voices is None or state.sentences[i].para not in voices.lede_paras or side == "Unattributed":
        return None
    paras = sorted({s.para for s in state.sentences if s.para > state.sentences[i].para})[:_RESTATED_REACH]
    for para in paras:
        j = next(k for k, s in enumerate(state.sentences) if s.para == para)
        text = state.sentences[j].text
        found = days_in(text, state)
        day, said_by = dated_claim(text, sentence_speakers(state, j), found) if found else (None, None)
        if day is not None and said_by is not None and said_by.group == side:
            return day
    return None


# "..., the report added", "the ministry also said": the statement goes on from the sentence before
_GOES_ON = NeedsWords(re.compile(r"\b(?:added|adds|went\s+on|also\s+(?:said|says|noted|stated|estimated)"
                      # "Citing officials, the report said ...", "in the same briefing the official said"
                                 r"|the\s+(?:report|paper|study|statement|document)\s+(?:said|says|stated|noted|found)"
                                 r"|(?:were|was)\s+quoted\s+as\s+saying|in\s+the\s+same\s+(?:briefing|interview|statement|report))\b",
                      re.I))


def date_from_statement_before(rows: list[dict], state: ArticleState) -> None:
    """An undated figure whose statement goes on from what was said before ("This is over half
    of the 11,000 sent, the report added") takes the day of the figures of the sentence
    before, or else the one day said in the few sentences before, when its side is theirs or
    it names none."""
    starts = {sent.start: i for i, sent in enumerate(state.sentences)}
    for row in rows:
        i = starts.get(row["sentence_start"])
        if row["claim_date"] is not None or not i or not _GOES_ON.search(row["sentence"]):
            continue
        before = [(r["claimant_group"], r["claim_date"]) for r in rows
                  if starts.get(r["sentence_start"]) == i - 1]
        before = before or [(sp.group, day.isoformat()) for j, sp, day in state.speakers
                            if i - _GOES_ON_REACH <= j < i and day is not None]
        if not before:  # "The paper reported on Friday, citing officials. ..., the report added."
            day = _said_on(state, i - 1)
            before = [("Unattributed", day.isoformat())] if day else []
        days = {day for _, day in before}
        sides = {side for side, _ in before}
        if len(days) == 1 and None not in days and \
                (row["claimant_group"] == "Unattributed" or sides == {row["claimant_group"]}):
            row["claim_date"] = days.pop()


_GOES_ON_REACH = 4  # sentences: "US officials said Tuesday ... the officials said ... the officials added"

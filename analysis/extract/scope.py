"""Which numbers are figures: the surface of a number (not a date, a year, money, a
ratio), what it counts (the noun after it), and whether that is North Korean personnel in
this deployment (not another side, not a whole army, not a rate)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from analysis.extract import vocab
from analysis.extract.numbers import NumberPhrase
from analysis.extract.patterns import NeedsWords, alternation, trie
from analysis.extract.sentences import Sentence, clause_after, clause_before
from analysis.extract.state import Context

# (hyphens allowed around it: "FACTBOX-North Korea's", "North Korea-Russia treaty")
KOREA = re.compile(rf"(?<!\w)(?:{trie(vocab.KOREA_MARKERS)})(?!\w)", re.I)
# "to recapture lost territory": a cue before a word for ground speaks of the ground
CASUALTY = re.compile(alternation(vocab.CASUALTY_CUES).pattern + rf"(?!\s+(?:{trie(vocab.GROUND_NOUNS)})\b)", re.I)
PERSONNEL = alternation(vocab.PERSONNEL_NOUNS)
NON_PERSONNEL = alternation(vocab.NON_PERSONNEL)
_ARMY = alternation(vocab.ARMY_CUES)
_STRONG_UNIT = re.compile(rf"""
    -?\s*strong\s+                                   # "12,000-strong"
    (?:[\w'’-]+\s+){{0,3}}?                          # "elite assault"
    (?:{trie(vocab.UNIT_NOUNS)})\b                   # "contingent"
""", re.I | re.X)
_WORD_RE = re.compile(r"[\w'’.+-]+|[^\w\s]")
_NOT_COUNTED = set(vocab.NOT_MILITARY) | {s for s in vocab.OTHER_SIDES if " " not in s}
_SIDES = trie(vocab.OTHER_SIDES)
_COUNTRIES = trie(vocab.OTHER_COUNTRIES)
_OTHER_LOSSES = NeedsWords(re.compile(rf"""
    \b(?:{_COUNTRIES})['’]s\s+(?:own\s+)?            # "Russia's (own)"
    (?:losses|casualties|troops|soldiers|dead|army|forces)\b
  | \b(?:russian|ukrainian)\s+(?:combat\s+|battlefield\s+|military\s+|total\s+)?(?:losses|casualties)\b
""", re.I | re.X))
_LOSS_SUBJECT = NeedsWords(re.compile(rf"""
    \b(?:{_COUNTRIES})\s+(?:has\s+|have\s+|had\s+)?  # "Russia has"
    (?:lost|loses|losing|suffered|suffers|sustained)\b
""", re.I | re.X))
# "Russia has now reached one million losses": another side's own toll passing a mark
_LOSSES_REACHED = re.compile(rf"""
    \b(?:{_COUNTRIES})\s+(?:has\s+|have\s+|had\s+)?(?:now\s+|already\s+)?
    (?:reached|passed|topped|surpassed|exceeded)\b
""", re.I | re.X)
# "killed 3,000 Russian soldiers", "Ukraine's 1,000 casualties"
_OTHER_SIDE_BEFORE = NeedsWords(re.compile(
    rf"\b(?:{_SIDES})\W*(?:troops|soldiers|forces|losses|casualties|army)?\W*(?:\w+\W+)?$", re.I))
_OTHER_SIDE_AFTER = re.compile(rf"^\W*(?:\w+\W+)?(?:{_SIDES})\b", re.I)
_ARMY_OF = NeedsWords(re.compile(r"""
    \b(?:army|armies|armed\ forces|militar(?:y|ies)|strong|population|groupings?
      |country|nation)(?:\ in\ the\ world|\ on\ earth)?,?\s+  # "the largest armies in the world, with"
    (?:of|with|numbering|totalling|totaling
      |which\s+(?:includes|comprises|numbers|counts)   # "the North's army, which includes 1.2 million"
      |(?:is|was)\s+(?:estimated|put|thought|believed)\s+(?:to\s+be\s+|at\s+)
      |stands\s+at)
    \s*(?:\w+\s+){0,2}$                              # "an army of (some) 1.2 million"
""", re.I | re.X))
_RATE = re.compile(r"""
    (?:\s+(?:[\w-]+\s+){0,3}?)?\s*(?:(?<!\bin\s)(?<!\bwithin\s)(?<!\bover\s)a|per|each|every)\s+(?:day|week|month|hour)\b
    (?!\s+(?:earlier|later|before|after|ago|prior))  # "killed a day earlier" dates, not a rate
                                                    # "lost 1,000 in a week": a period, not a rate
  | \s+(?:daily|weekly)\b
""", re.I | re.X)
# URLs, e-mail addresses and file names, each form with the text it cannot match without
_URLISH_FORMS = ((("http",), r"https?://\S+"), (("www.",), r"www\.\S+"), (("@",), r"\S+@\S+\.\w+"),
                 (("[email",), r"\[email[^\]]*\]"), ((".htm", ".php"), r"\S+\.(?:htm|html|php)\b"))
_LEADER = re.compile(r"[ \t]*(?:\.[ \t]?){4,}")
_MONTH = trie(m.capitalize() for m in vocab.MONTHS)
_OF_ITS_MILITARY = re.compile(
    r"\s+of\s+(?:its|their)\s+(?:own\s+)?military\b(?!\s+(?:equipment|hardware|aid|supplies))", re.I)
# "10,000 DPRK (North Korean) soldiers", "11,000 DPRK [Democratic People's Republic of Korea] troops"
_GLOSS = re.compile(r"[(\[](?:(?:north\s+)?korean|dprk|north\s+korea(?:['’]s)?"
                    r"|democratic\s+people['’]s\s+republic\s+of\s+korea)[)\]]", re.I)


def mask(text: str) -> str:
    """URLs, e-mail addresses and file names blanked out, and a dot leader read as the
    colon it stands for ("Killed ........ ~600" → "Killed:        ~600"), offsets kept."""
    if "...." in text or ". . . ." in text:
        text = _LEADER.sub(lambda m: ":" + " " * (len(m.group(0)) - 1), text)
    # only the forms whose mark is in the text are tried: a form opening with "\S+" is tried
    # at every character, slow on long text (leaving out a form that cannot match changes
    # nothing that the others match)
    forms = tuple(form for marks, form in _URLISH_FORMS if any(mark in text for mark in marks))
    if not forms:
        return text
    return _urlish(forms).sub(lambda m: " " * len(m.group(0)), text)


@lru_cache(maxsize=None)
def _urlish(forms: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(forms))


# surface_ok's patterns, compiled once: it runs for every number of every sentence read
_CODE_BEFORE = re.compile(r"[\w][/:]$|/$|[$€£₩#№]\s*$|[A-Za-z]-$|\b[Nn]o\.\s*$")
_UNIT_AFTER = re.compile(r"\s*(?:%|percent|per\s*cent|/|:\d|°|-year|-day|-month|-week|th\b|st\b)", re.I)
_FRACTION_AFTER = re.compile(r"[\s-]?(?:halves|thirds?|quarters?|fifths?|tenths?)\b", re.I)
_CLOCK_AFTER = re.compile(r"\s*(?:am|pm|a\.m\.|p\.m\.|GMT|UTC|KST)\b")
_YEAR_DASH_BEFORE = re.compile(r"\b(?:19|20)\d\d-(?:[01]?\d-)?$")  # its month, or its day after the month
_DAY_YEAR_AFTER = re.compile(r"-(?:0?[1-9]|[12]\d|3[01])-(?:19|20)\d\d\b")
_MONTH_BEFORE = re.compile(rf"(?:\b|(?<=[A-Z]))(?:{_MONTH})\.?\s*$")  # a byline's "CNNAugust 22": glued on
_MONTH_AFTER = re.compile(rf"\s*(?:{_MONTH})\b")
_ONE_IN_BEFORE = re.compile(r"\b(?:one|\d+)\s+(?:in|out\s+of)\s*$")
_IN_EVERY_AFTER = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?(?:two|three|four|five|ten|\d+)\b")
# "600 out of 15,000 deployed soldiers": a part of a whole counted in hundreds or more is a
# count beside its whole, not a ratio ("three out of ten" is)
_OUT_OF_COUNT_AFTER = re.compile(r"\s+out\s+of\s+(?:a\s+total\s+of\s+)?(\d[\d,]*)\b")
_COUNT_OUT_OF_BEFORE = re.compile(r"\b\d[\d,]*\s+out\s+of\s*$")
_RATIO_BASE = 100


def _part_of_a_count(before: str, after: str, phrase: NumberPhrase) -> bool:
    whole = _OUT_OF_COUNT_AFTER.match(after)
    if whole:
        return int(whole.group(1).replace(",", "")) > _RATIO_BASE
    return bool(_COUNT_OUT_OF_BEFORE.search(before)) and phrase.value > _RATIO_BASE
_FOR_EVERY_AFTER = re.compile(r"\s+(?:[\w-]+\s+){1,5}(?:for|to)\s+(?:every|each)\b")
_FOR_EVERY_BEFORE = re.compile(r"\b(?:for|to)\s+(?:every|each)\s*$")
_NONE_OF_BEFORE = re.compile(r"\b(?:none|all|each|any|both|either|neither|most)\s+of\s+(?:the|these|those)\s*$",
                             re.I)
_AGE_AFTER = re.compile(r"(?:\s*(?:and|or|to|-)\s*\d+)?[\s-]+years?[\s-]+old\b")
_AGED_BEFORE = re.compile(r"\baged\s*$")
_QUOTE_BEFORE = re.compile(r"[\"“‘']$")
_QUOTE_AFTER = re.compile(r"[\"”’']")
_DIGITS_ONLY = re.compile(r"\d[\d,.]*")
_YEAR = re.compile(r"(?:19|20)\d\d")
# a span of years: "born between 2005 and 2007", "from 2005 to 2007"
_YEARS = re.compile(r"(?:between\s+|from\s+)?(?:19|20)\d\d\s*(?:and|to|-|–)\s*(?:19|20)\d\d")


def surface_ok(text: str, phrase: NumberPhrase) -> bool:
    """The number can be a count by its surface: not a date, year, time, money, ratio,
    age, percentage, footnote mark, code or fraction."""
    before = text[max(0, phrase.start - 12):phrase.start]
    after = text[phrase.end:phrase.end + 24]
    if _CODE_BEFORE.search(before):
        return False
    if _UNIT_AFTER.match(after):
        return False
    if _FRACTION_AFTER.match(after):
        return False  # a fraction: "two-thirds of the losses"
    if _CLOCK_AFTER.match(after):
        return False
    if _YEAR_DASH_BEFORE.search(before) or _DAY_YEAR_AFTER.match(after):
        return False  # a part of a numeric date: "2024-12-28", "28-12-2024"
    if _MONTH_BEFORE.search(before) and phrase.value <= 31 and (phrase.high or 0) <= 31:
        return False  # "Dec. 23", "Oct. 27-28"
    if _MONTH_AFTER.match(after) and phrase.value <= 31:
        return False
    if (_ONE_IN_BEFORE.search(before) or _IN_EVERY_AFTER.match(after)) and not _part_of_a_count(before, after, phrase):
        return False  # "one in three" is a ratio
    if _FOR_EVERY_AFTER.match(text[phrase.end:phrase.end + 60]) or _FOR_EVERY_BEFORE.search(before):
        return False  # a ratio: "nine wounded for every soldier killed", "for every one killed"
    if _NONE_OF_BEFORE.search(before):
        return False  # "none of the three": the figure was given before
    if before.endswith("[") and after.startswith("]"):
        return False  # a footnote mark: "as replacements.[3]"
    if _AGE_AFTER.match(after) or _AGED_BEFORE.search(before):
        return False  # ages: "the men are 20 and 26 years old"
    if _QUOTE_BEFORE.search(before) and _QUOTE_AFTER.match(after) and _DIGITS_ONLY.fullmatch(phrase.text):
        return False  # a number in quotes is a name or a code: 'a "200" is a dead soldier'
    digits = phrase.text.strip()
    if _YEAR.fullmatch(digits) or _YEARS.fullmatch(digits):
        return False  # a year; counts this size are written with a separator or words
    if phrase.value < 1 or phrase.value != int(phrase.value):
        return False
    return True


# --- what a number counts ------------------------------------------------------------------

@dataclass
class Counted:
    """What the words after a number say it counts: `kind` is personnel, casualty, bare
    (no noun) or other; `cue` the casualty measure a casualty noun names; `consumed` the
    characters read."""
    kind: str
    cue: str | None
    consumed: int


_SPACING = re.compile(r"[\s\-]*")  # between the words what_it_counts reads
_SENT_WORDS = ("deployed", "dispatched", "sent")
# a word for things right after a participle, a modifier or two between ("armoured combat vehicles")
_THING_AFTER = re.compile(rf"\s+(?:(?:{trie(vocab.NOUN_MODIFIERS)})\s+){{0,2}}(?:{trie(vocab.NON_PERSONNEL)})\b", re.I)
_SENT_PARTICIPLE = re.compile(rf"\s+(?:{'|'.join(_SENT_WORDS)})(?=\s)", re.I)
# ("600 out of 15,000 deployed soldiers": "out of" needs no article)
_OF_A_WHOLE = re.compile(r"\s+(?:of\s+(?:the|its|their|those)\s+(?:[a-z]+\s+)?|out\s+of\s+(?:the\s+)?)\d[\d,.]*(?=\s)")


_STATE_NAME = re.compile(r"Democratic\s+People['’]s\s+Republic\s+of\s+Korea(?:\s*\((?:DPRK|KPA)\))?", re.I)


def what_it_counts(after: str) -> Counted:
    """What the number counts, read from the words after it. Known modifiers (`North
    Korean`, `elite`) are skipped freely; up to two unknown words may stand before the
    noun (`special operations soldiers`)."""
    strong = _STRONG_UNIT.match(after)
    if strong:
        return Counted("personnel", None, strong.end())  # "a 12,000-strong contingent"
    own = _OF_ITS_MILITARY.match(after)
    if own:
        return Counted("personnel", None, own.end())  # "some 10,000 of its military"
    whole = _OF_A_WHOLE.match(after)
    if whole:  # "1,000 of the 11,000 men ...": a part counts what its whole counts
        sent = _SENT_PARTICIPLE.match(after, whole.end())  # "600 of the 15,000 deployed soldiers"
        start = sent.end() if sent else whole.end()
        inner = what_it_counts(after[start:])
        if inner.kind in ("personnel", "casualty"):
            return Counted(inner.kind, inner.cue, start + inner.consumed)
    pos, words, unknown = 0, 0, 0
    gloss = re.match(r"\s*:\s+(?=\S)|\s+or\s+so\b", after)
    if gloss:
        pos = gloss.end()  # a list of figures: "- About 3,500: North Korean soldiers who ...";
        # "the 11,000 or so North Korean soldiers"
    while words < 7:
        pos += _SPACING.match(after[pos:]).end()
        rest = after[pos:]
        cm = CASUALTY.match(rest)
        if cm:
            cue = re.sub(r"\s+", " ", cm.group(0).lower())
            return Counted("casualty", vocab.CASUALTY_CUES[cue], pos + cm.end())
        pm = PERSONNEL.match(rest)
        if pm:
            word = pm.group(0).lower()
            if word in vocab.GENERIC_PEOPLE and words > 0 and \
                    not re.search(r"korean|military|army", after[:pos], re.I):
                return Counted("other", None, pos)
            return Counted("personnel", None, pos + pm.end())
        state = _STATE_NAME.match(rest)
        if state:  # "some 9,000 Democratic People's Republic of Korea (DPRK) soldiers"
            pos += state.end()
            words += 1
            continue
        wm = _WORD_RE.match(rest)
        if not wm:
            return Counted("bare" if unknown == 0 else "other", None, pos)
        low = wm.group(0).lower().strip("’'").rstrip(".")
        if low == "south" and re.match(r"south\s+korean", rest, re.I):
            return Counted("other", None, pos)  # South Korean troops are another side's
        if NON_PERSONNEL.fullmatch(low) or low in _NOT_COUNTED:
            return Counted("other", None, pos)
        if low in vocab.NOUN_MODIFIERS:
            pos += wm.end()
            words += 1
            continue
        gloss = _GLOSS.match(rest)
        if gloss and words > 0:
            pos += gloss.end()  # "10,000 DPRK (North Korean) soldiers"
            continue
        if not low or not low[0].isalnum() or low in vocab.BARE_NEXT:
            return Counted("bare" if unknown == 0 else "other", None, pos)
        if low.endswith("ed") and unknown == 0:
            if low in _SENT_WORDS and what_it_counts(rest[wm.end():]).kind == "personnel":
                pos += wm.end()  # "15,000 deployed soldiers": the participle describes the noun
                words += 1
                continue
            if _THING_AFTER.match(rest[wm.end():]):
                return Counted("other", None, pos)  # "18 armoured (combat) vehicles": a thing's adjective
            return Counted("bare", None, pos)  # "3,000 arrived", "9,000 more expected"
        unknown += 1
        if unknown > 2:
            return Counted("other", None, pos)
        pos += wm.end()
        words += 1
    return Counted("other", None, pos)


# --- out of scope: each rule names one reason a count is not of this deployment -------------

def counts_something_else(ctx: Context, counted: Counted) -> bool:
    """Not personnel: "52 drones", "12 villages"."""
    return counted.kind == "other"


def whole_army_after(ctx: Context, counted: Counted) -> bool:
    """"1.2 million active-duty troops", "3,000 army reservists"."""
    return counted.kind == "personnel" and bool(_ARMY.search(ctx.after[:counted.consumed + 12]))


def army_share(ctx: Context, counted: Counted) -> bool:
    """"about 1.2 million active troops, with some 1 million of them in the ground forces": a
    share of a whole army (a count of a hundred thousand or more) is no deployment."""
    return ctx.number.value >= 100_000 and bool(_IN_THE_ARMY.match(ctx.after))


_IN_THE_ARMY = re.compile(r"\s*(?:of\s+(?:them|those)\s+)?(?:are\s+|serve\s+|serving\s+)?in\s+(?:the|its)\s+"
                          r"(?:\w+\s+)?(?:army|armed\s+forces|ground\s+forces|navy|air\s+force|reserves?)\b", re.I)


def army_sized(ctx: Context, counted: Counted) -> bool:
    """"an armed force of 1.1 million troops", "which, counting 1.3 million soldiers, fields one of
    the biggest armies": a million or more personnel, in a sentence that names an army,
    is the size of that whole army (the largest dispatch ever feared is half a million), however
    the words between put it."""
    return counted.kind == "personnel" and ctx.number.value >= ARMY_SIZE \
        and bool(_WHOLE_FORCE.search(ctx.sentence.text))


ARMY_SIZE = 1_000_000
_WHOLE_FORCE = re.compile(rf"\b(?:{trie(vocab.WHOLE_FORCE_NOUNS)})\b", re.I)


def whole_army_before(ctx: Context, counted: Counted) -> bool:
    """"an army of 1.2 million", "militaries, with roughly 1.2 million"; "a grouping of
    about 70,000" is a whole front's force, North Koreans at most a part of it."""
    return bool(_ARMY_OF.search(ctx.before[-40:]))


def other_side_after(ctx: Context, counted: Counted) -> bool:
    """"3,000 Russian soldiers"."""
    return bool(_OTHER_SIDE_AFTER.match(ctx.after[:counted.consumed]))


def other_side_before(ctx: Context, counted: Counted) -> bool:
    """"Ukraine's 1,000 casualties", "killed 3,000 Russian soldiers"; not "Ukrainian troops
    captured two North Korean soldiers", whose noun says whose they are."""
    tail = ctx.before[-30:]
    return bool(_OTHER_SIDE_BEFORE.search(tail) and not KOREA.search(tail)
                and not KOREA.search(ctx.after[:counted.consumed]))


def other_side_lost(ctx: Context, counted: Counted) -> bool:
    """"Russia has lost 600,000", "Russia has now reached a million losses": another side
    is the subject of a loss; not when the count names North Koreans ("Russia has lost 300
    North Korean soldiers")."""
    clause = clause_before(ctx.before, comma=False)
    subject = _LOSS_SUBJECT.search(clause[-60:]) or (
        counted.kind == "casualty" and _LOSSES_REACHED.search(clause[-60:]))
    return bool(subject and not KOREA.search(clause) and not KOREA.search(ctx.after[:counted.consumed]))


def other_side_has(ctx: Context, counted: Counted) -> bool:
    """"Ukraine has about 50,000 troops in the Kursk salient", "Moscow is massing 40,000 troops",
    "Kyiv mobilised 150,000 more": another side's own force, raised or gathered, when
    no word of North Korea stands in the clause ("Russia has 11,000 North Korean troops" counts)."""
    clause = clause_before(ctx.before, comma=False)
    return bool(_HAS_FORCE.search(clause[-50:]) and not KOREA.search(clause)
                and not KOREA.search(ctx.after[:counted.consumed]))


_HAS_FORCE = re.compile(rf"""
    \b(?:{_COUNTRIES})\s+(?:now\s+|still\s+|already\s+)?
    (?:(?:is|are|was|were|has\s+been|have\s+been)\s+(?:now\s+|still\s+)?)?  # "Russia is amassing"
    (?:has|have|had|keeps|kept|fields|fielded|massed|amassed|committed
      |(?:a)?massing|drafts|drafted|drafting|mobili[sz](?:es|ed|ing)|conscripts|conscripted
      |calls\s+up|called\s+up|calling\s+up)\s+    # "Kyiv drafts 160,000": raising its own force
    (?:(?:about|some|around|roughly|nearly|almost|over|more\s+than|up\s+to|at\s+least|another)\s+)?$
""", re.I | re.X)


def other_side_losses(ctx: Context, counted: Counted) -> bool:
    """"Russia's own losses, which US officials put at about 1,200" (numbers inside the
    clause do not end it here: "put Russian losses over 24 hours at")."""
    wide = re.split(r"[;:]|\s(?:while|but|whereas)\s", ctx.before)[-1][-220:]
    other = list(_OTHER_LOSSES.finditer(wide))
    return bool(other and not KOREA.search(wide[other[-1].end():]) and (
        counted.kind != "personnel" or not KOREA.search(ctx.after[:counted.consumed])))


def an_age(ctx: Context, counted: Counted) -> bool:
    """"The men, who were 20 and 26 at the time", "aged 24", "26 years old": ages."""
    if ctx.number.value >= 100 or counted.kind not in ("bare", "other"):
        return False
    return bool(_AGE_BEFORE.search(ctx.before[-30:]) or _AGE_AFTER.match(ctx.after))


_AGE_BEFORE = re.compile(r"\b(?:aged|ages\s+of|ages|who\s+(?:were|are)|young,|\d{1,2}\s+and)\s*$", re.I)
_AGE_AFTER = re.compile(r"\s*(?:and\s+\d{1,2}\s+)?(?:years?[\s-]+old|at\s+the\s+time|-year-old)\b", re.I)


def an_identifier(ctx: Context, counted: Counted) -> bool:
    """"resolution 1718", "military unit 32515", "No. 3": a number that names, not counts."""
    return counted.kind == "bare" and bool(_NAMED_BY_NUMBER.search(ctx.before[-30:]))


_NAMED_BY_NUMBER = NeedsWords(re.compile(rf"\b(?:{trie(vocab.IDENTIFIER_NOUNS)})\s*$", re.I))


def a_few_forces(ctx: Context, counted: Counted) -> bool:
    """"the two forces do not share a language": a few forces are armies, not people."""
    return counted.kind == "personnel" and ctx.number.value < 10 and \
        bool(re.fullmatch(r"\s+forces", ctx.after[:counted.consumed], re.I))


def strength_at_home(ctx: Context, counted: Counted) -> bool:
    """"a special force thought to number 40,000 at home": a unit's strength in the North."""
    return bool(re.match(r"\s*(?:\w+\s+)?(?:at|back)\s+home\b", ctx.after[counted.consumed:]))


def of_both_sides(ctx: Context, counted: Counted) -> bool:
    """"63,000 troops from both countries operating in Kursk": a joint force of two armies,
    not a count of the North Koreans in it."""
    return counted.kind == "personnel" and bool(_OF_BOTH.match(ctx.after[counted.consumed:]))


_OF_BOTH = re.compile(r"\s+(?:from|of)\s+both\s+(?:countries|sides|armies|nations|militaries|forces)\b", re.I)


def stationed_elsewhere(ctx: Context, counted: Counted) -> bool:
    """"The United States stations about 28,500 troops in South Korea": a garrison away
    from this war is another country's force."""
    return counted.kind == "personnel" and bool(_STATIONED.match(ctx.after[counted.consumed:]))


_STATIONED = re.compile(rf"\s+(?:(?:stationed|based|deployed)\s+)?(?:in|on)\s+(?:{trie(vocab.GARRISON_PLACES)})\b(?![’'])",
                        re.I)


def a_rate(ctx: Context, counted: Counted) -> bool:
    """"1,200 killed and wounded a day" is a rate, not a count."""
    return bool(_RATE.match(ctx.after[counted.consumed:]))


def one_of(ctx: Context, counted: Counted) -> bool:
    """"one of the soldiers", "one of the two prisoners"."""
    p = ctx.number
    return p.value == 1 and not p.text[0].isdigit() and (
        counted.kind not in ("personnel", "casualty") or bool(re.match(r"\s+of\b", ctx.after)))


_PAST_CENTURY = re.compile(r"\b19\d\d\b")


def in_history(ctx: Context, counted: Counted) -> bool:
    """"In 1968 a raiding party of 31 commandos crossed into the South": a count of a
    year before this war is history, not this deployment."""
    # (a year in a clause of its own before does not reach: "its first war since 1950-53 has
    # been costly, and Seoul assessed that 3,000 ...")
    before = _OWN_CLAUSE_START.split(ctx.before)[-1]
    return bool(_PAST_CENTURY.search(before[-100:]) or
                _PAST_CENTURY.search(clause_after(ctx.after[counted.consumed:], 60)))


_OWN_CLAUSE_START = re.compile(r"[;:]\s|,\s+(?:and|but|while|whereas)\s+(?=[^,]*\bthat\b)", re.I)


def a_unit_size(ctx: Context, counted: Counted) -> bool:
    """"The size of a battalion can vary, from 300 to 1,000 troops", "a brigade typically
    numbers 3,000": the usual size of a kind of unit, not a count of anyone ("10,000 soldiers,
    roughly the strength of a division" compares a count with one: the size comes first)."""
    return bool(_KIND_SIZE.search(ctx.before))


_KIND = trie(vocab.UNIT_KINDS)
_KIND_SIZE = NeedsWords(re.compile(rf"""
    \b(?:size|strength|headcount)\s+of\s+(?:an?|each|every|one|any)\s+(?:\w+\s+)?(?:{_KIND})\b
  | \b(?:an?|each|every|one|any)\s+(?:\w+\s+){{0,2}}(?:{_KIND})\s+(?:\w+\s+)?
    (?:typically|usually|normally|generally|commonly|can|may)\s+
    (?:numbers?|has|have|consists?|comprises?|ranges?|vary|varies|holds?|includes?|counts?)\b
""", re.I | re.X))


def a_disaster(ctx: Context, counted: Counted) -> bool:
    """"after a plane crash killed 179 people": the dead of an accident in the same clause
    are no soldiers of this deployment."""
    return bool(_PEOPLE_ONLY.match(ctx.after[:counted.consumed + 1])
                and _DISASTER.search(clause_before(ctx.before, comma=True)[-60:]))


_DISASTER = re.compile(rf"\b(?:{trie(vocab.DISASTER_NOUNS)})\b", re.I)
# a count of people or passengers that names no soldiers ("20 North Korean soldiers" in a
# crash still counts; "a flood claims nine lives", "injures four individuals")
_PEOPLE_ONLY = re.compile(r"\s*(?:people|persons|passengers|civilians|lives|individuals)\b", re.I)


def a_civil_body(ctx: Context, counted: Counted) -> bool:
    """"a cultural delegation of 125 members": the size of a visiting or performing body
    (the North's soldiers are never counted as one)."""
    return bool(_CIVIL_BODY_OF.search(ctx.before[-40:]))


_CIVIL_BODY_OF = re.compile(rf"\b(?:{trie(vocab.CIVIL_BODIES)})\s+of\s+(?:\w+\s+)?$", re.I)


def a_crowd(ctx: Context, counted: Counted) -> bool:
    """"a mass games show with some 80,000 people": the people of a show, rally or parade
    the clause names (a count that names soldiers still counts)."""
    return bool(_PEOPLE_ONLY.match(ctx.after[:counted.consumed + 1])
                and _CROWD_EVENT.search(clause_before(ctx.before, comma=True)[-60:]))


_CROWD_EVENT = re.compile(rf"\b(?:{trie(vocab.CROWD_EVENTS)})\b", re.I)


def far_from_korea(ctx: Context, counted: Counted) -> bool:
    """Nothing near speaks of North Korea."""
    return not korea_near(ctx.state.sentences, ctx.index, ctx.state.title)


# Checked in order, cheapest first; any one puts the number out of scope.
OUT_OF_SCOPE: tuple[Callable[[Context, Counted], bool], ...] = (
    counts_something_else, whole_army_after, whole_army_before, army_share, army_sized, other_side_after,
    other_side_before, other_side_lost, other_side_has, other_side_losses, a_few_forces, an_identifier, an_age, strength_at_home,
    stationed_elsewhere, of_both_sides, a_rate, one_of,
    in_history, a_unit_size, a_disaster, a_civil_body, a_crowd,
    far_from_korea,
)


def out_of_scope(ctx: Context, counted: Counted) -> bool:
    """The number does not count North Korean personnel of this deployment."""
    return any(rule(ctx, counted) for rule in OUT_OF_SCOPE)


_LIST_LINE = 120  # characters: a paragraph this short is a list line, a heading or a label
_FURNITURE = set(vocab.FURNITURE_HEADINGS)


def furniture(sentences: list[Sentence]) -> set[int]:
    """Sentences of a page's furniture: the short lines after a heading such as "Most
    read" or "Related" are other stories' headlines (no full stop), up to the next
    paragraph of prose."""
    out: set[int] = set()
    para_text: dict[int, str] = {}
    for s in sentences:
        para_text[s.para] = (para_text.get(s.para, "") + " " + s.text).strip()
    skipping = False
    paras = sorted(para_text)
    # what depends on the paragraph alone is read once per paragraph, not per sentence
    heading = {para: _furniture_heading(text) for para, text in para_text.items()}
    link_line: dict[int, bool] = {}
    for i, s in enumerate(sentences):
        text = para_text[s.para]
        if heading[s.para]:
            skipping = True
            out.add(i)
        elif skipping and len(text) <= _LIST_LINE and (
                _LIST_MARK.match(text) or not re.search(r"[.!?][\"”’]?$", text)):
            out.add(i)  # a marked line may end as a headline does: "- Can Russia retake Kursk?"
        else:
            skipping = False
            if s.para not in link_line:
                link_line[s.para] = _link_line(s.para, paras, para_text)
            if link_line[s.para]:
                out.add(i)
    return out


_LIST_MARK = re.compile(r"[-•*–]\s+\S")
_HEADING_OPENER = re.compile(rf"(?:{trie(vocab.FURNITURE_HEADING_OPENERS)})\b", re.I)
_HEADING_WORDS = 4  # "Related fact checks": an opener with a few words is still a heading


def _furniture_heading(text: str) -> bool:
    heading = text.lower().rstrip(":").strip()
    return heading in _FURNITURE or (
        len(heading.split()) <= _HEADING_WORDS and bool(_HEADING_OPENER.match(heading))
        and not re.search(r"[.!?,;\d]", heading))


def _prose(text: str) -> bool:
    return len(text) > _LIST_LINE and bool(re.search(r"[.!?][\"”’]?$", text))


def _link_line(para: int, paras: list[int], para_text: dict[int, str]) -> bool:
    """A headline-like line alone between two paragraphs of prose, past the top of the
    page: a link to another story ("Capital confirms the North moved 2,000 men")."""
    k = paras.index(para)
    text = para_text[para]
    return 2 <= k < len(paras) - 1 and len(text) <= _LIST_LINE and len(text.split()) >= _LINK_WORDS \
        and not re.search(r"[.!?:;,][\"”’]?$", text) \
        and _prose(para_text[paras[k - 1]]) and _prose(para_text[paras[k + 1]])


_LINK_WORDS = 8  # a shorter line between paragraphs is a section heading ("The two prisoners")


def korea_near(sentences: list[Sentence], i: int, title: str) -> bool:
    """The sentence, one of the three before it, or the title speaks of North Korea; for a
    line of a list (short paragraphs one after another), the three sentences before the
    list may."""
    if any(KOREA.search(sentences[j].text) for j in range(max(0, i - 3), i + 1)):
        return True
    if KOREA.search(title):
        return True
    reach = max(0, i - 40)
    length: dict[int, int] = {}
    for sent in sentences[reach:i + 1]:
        length[sent.para] = length.get(sent.para, 0) + len(sent.text)
    j = i
    while j >= reach and length[sentences[j].para] <= _LIST_LINE:
        j -= 1
    return j < i and any(KOREA.search(sent.text) for sent in sentences[max(0, j - 2):i])

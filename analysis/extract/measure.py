"""The measure of a figure: troops deployed or planned, casualties, killed, wounded,
captured. `MEASURE_RULES` lists the rules in the order they are asked; the first that
has a say decides."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from analysis.extract import vocab
from analysis.extract.patterns import NeedsWords, alternation, trie
from analysis.extract.scope import CASUALTY, NON_PERSONNEL, PERSONNEL, Counted
from analysis.extract.sentences import clause_after, clause_before
from analysis.extract.state import Context

_PLANNED = alternation(vocab.PLANNED_CUES)
_DEPLOYED = alternation(vocab.DEPLOYED_CUES)
_ANAPHOR = alternation(vocab.ANAPHORS)
_SUBJECT_NOUNS = alternation(vocab.SUBJECT_NOUNS)
_MISSING = NeedsWords(alternation(vocab.MISSING_CUES))
_DESERTED = alternation(vocab.DESERTION_CUES)
_SWAP = NeedsWords(re.compile(r"\b(?:swap|swaps|exchange|exchanges|exchanged|swapped)\b", re.I))
_MODAL_HAVE = NeedsWords(re.compile(r"""
    \b(?:could|would|will|may|might|should)\s+
    (?:soon\s+|eventually\s+)?
    (?:have|reach|number|total|consist\s+of|comprise)\s+  # "could have", "should number"
    (?:\w+\s+)?$                                    # "could have some 10,000"
""", re.I | re.X))
# "could take the total number of North Koreans sent to Russia to as many as": a size to come
_MODAL_RAISE = NeedsWords(re.compile(r"""
    \b(?:could|would|will|may|might|should)\s+(?:soon\s+|eventually\s+)?
    (?:take|bring|raise|push|lift|swell|increase)\s+
    (?:the|its|their|that)\s+[^.;:]{0,80}?\bto\s+(?:\w+\s+){0,3}$
""", re.I | re.X))
# "the total number of DPRK forces in Russia could range from": how many are there now
_MAY_NOW_BE = NeedsWords(re.compile(r"""
    \b(?:number|total|figure|count|strength|contingent|size)\b
    (?:(?!\b(?:increase|rise|grow|swell|climb|reach|double|triple)\w*\b)[^.;:])*?
    \b(?:could|may|might)\s+(?:well\s+)?(?:be|range|stand)\b
    (?:\s+(?:closer|close|somewhere|anywhere|from|to|at|as|high|around|about|between|roughly|many|large)){0,4}\s+$
""", re.I | re.X))
# a perfect "has sent" governing the number: later planned cues speak of what they will do
_HAS_SENT = re.compile(r"""
    \b(?:has|have|had)\s+(?:already\s+)?
    (?:sent|deployed|dispatched|despatched|transferred|shipped)\s+
    (?:[\w~]+\s+){0,2}$                            # "has sent (around) 10,000"
""", re.I | re.X)
# a future or planned dispatch governing the number: place words after it say where to
_WILL_SEND = NeedsWords(re.compile(r"""
    \b(?:will|would|to|shall|can)\s+(?:soon\s+|also\s+)?
    (?:send|deploy|dispatch|station|transfer|ship)\s+
    (?:[\w~]+\s+){0,2}                             # "will deploy (another) 3,000"
    (?:(?:up\s+to|as\s+many\s+as)\s+a\s+total\s+of\s+)?$   # "can deploy up to a total of"
""", re.I | re.X))
# the dispatch's object a quoted or listed noun phrase that sizes its units: 'would send a
# "division of builders, two brigades [of] 5,000 people"'
_WILL_SEND_UNITS = NeedsWords(re.compile(r"""
    \b(?:will|would|to|shall)\s+(?:soon\s+|also\s+)?(?:send|deploy|dispatch)\s+
    (?:a|an|the|its|their)\s+["“']?
    (?:(?!(?:to|who|which|that|where|and|while|but|after|since)\b)[\w'’-]+,?\s+){1,8}?
    (?:of|\[of\])\s+$
""", re.I | re.X))
# a past cause of a dispatch: "prompted Moscow to deploy", "forced Pyongyang to send"
_CAUSED_TO_SEND = NeedsWords(re.compile(r"""
    \b(?:prompted|forced|led|pushed|caused|compelled|allowed|enabled)\s+(?:[\w'’]+\s+){1,3}?
    to\s+(?:send|deploy|dispatch)\s+(?:[\w~]+\s+){0,2}$
""", re.I | re.X))
_THERE_NOW = re.compile(r"\b(?:(?:are|is|were)\s+(?:now|already|currently)|already|have\s+arrived|has\s+arrived)\b",
                        re.I)
# "Moscow is preparing 9,000 of the North's soldiers for battle": troops the host readies are
# there ("Pyongyang was readying 10,000 soldiers" are not yet sent)
_READYING = NeedsWords(re.compile(r"""
    \b(?:russia|moscow|the\s+kremlin|russian\s+\w+)\s+
    (?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?
    (?:preparing|training|readying|drilling|arming|equipping)\s+
    (?:(?!to\b)[\w~]+\s+){0,2}$
""", re.I | re.X))
# "Pyongyang is training 8,000 men for the front": troops the sender readies at
# home are not sent yet (the host readying them, above, has them already)
_SENDER_READYING = NeedsWords(re.compile(r"""
    \b(?:north\s+korea|pyongyang|the\s+north|the\s+dprk|dprk|kim\s+jong[\s-]un)\s+
    (?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?
    (?:training|drilling)\s+
    (?:(?!to\b)[\w~]+\s+){0,2}$
""", re.I | re.X))
# "is readying a further rotation of 2,500": a dispatch being readied is to come
_READYING_A_DISPATCH = NeedsWords(re.compile(r"""
    \b(?:prepar\w*|plan(?:s|ning|ned)?|ready\w*|mull\w*|consider\w*)\s+(?:for\s+)?
    (?:a|an|another)\s+(?:[\w-]+\s+){0,2}?(?:deployment|dispatch|rotation|wave)\s+of\s+
    (?:[\w~]+\s+){0,2}$
""", re.I | re.X))
# "the newly planned fourth dispatch of 5,000 men": a dispatch the noun phrase itself calls planned
_PLANNED_DISPATCH = NeedsWords(re.compile(r"""
    \b(?:planned|proposed|intended|prospective|promised|upcoming|expected)\s+(?:[\w-]+\s+)?
    (?:deployment|dispatch|rotation|wave)\s+of\s+(?:[\w~]+\s+){0,2}$
""", re.I | re.X))
_IN_THE_HOST = re.compile(r"\s*(?:[\w-]+\s+)?(?:in|at)\s+(?:\w+\s+)?(?:russia|kursk|the\s+far\s+east)\b", re.I)
# "after deploying around 12,000 troops": a gerund after a preposition tells a dispatch done, as the
# participle does ("N. Korea sending 4,000 more", a headline's progressive, is not done yet)
_SENT_GERUND = r"(?:after|since|following|by|besides)\s+(?:\w+\s+)?(?:sending|deploying|dispatching)"
_DEPLOYED_VERB_BEFORE = NeedsWords(re.compile(rf"\b(?:sent|deployed|dispatched|transferred|shipped|{_SENT_GERUND})"
                                              r"\s+(?:[\w~]+\s+){0,2}$", re.I))
_AS_NOUN = NeedsWords(re.compile(r"\b(?:the|this|that|its|their|his|her)\s+$", re.I))
_MIXED_SUBJECT = NeedsWords(re.compile(r"""
    \b(?:(?:russian|ukrainian)\s+and\s+north\s+korean
       |north\s+korean\s+and\s+(?:russian|ukrainian))\b
""", re.I | re.X))
_SENT_AFTER = re.compile(r"""
    \s*(?:(?:the\s+North|North\s+Korea|Pyongyang|Kim|it|they)\s+)?   # a subject
    (?:(?:have|has|had|were|was|(?:are|is)\s+to\s+be|will\s+be|would\s+be
         |(?:are|is|were|was)\s+(?:believed|thought|said|reported|estimated)\s+to\s+have)\s+
       (?:already\s+)?(?:been\s+)?)?                                 # an auxiliary
    (?:already\s+)?
    (?:sent|deployed|dispatched|shipped|brought|moved|transferred|gone|arrived)\b
""", re.I | re.X)
# "11,000 are now in the Kursk region", "8,000 are still operational": a bare count said to be there
_THERE_AFTER = re.compile(r"""
    \s*(?:are|were)\s+
    (?:now\s+|already\s+|currently\s+|still\s+)?
    (?:(?:thought|believed|said|reported|estimated)\s+to\s+be\s+)?  # "are now thought to be fighting"
    (?:in|inside|at|fighting|stationed|deployed|based|operational|serving|combat[- ]ready)\b
""", re.I | re.X)
# "there were still some 5,000 serving near the border": a bare count said to be there
_THERE_ARE = re.compile(r"\bthere\s+(?:are|were)\s+(?:still\s+|now\s+|already\s+)?(?:[\w~]+\s+){0,3}$", re.I)
_FIGHTING = re.compile(r"\s*(?:fighting|serving)\b", re.I)
# "among the roughly 15,000 sent": the whole a part was counted out of
_WHOLE_BEFORE = re.compile(r"\b(?:among|of|out\s+of|from)\s+(?:the|an?|some|those|these)?\s*(?:\w+\s+)?$",
                           re.I)
_PART = re.compile(r"\s+of\s+(?:them|those|whom|these)\b", re.I)
_COUNTED_THING = re.compile(rf"\d[\d,.]*\s+(?:\w+\s+)?(?:{trie(vocab.NON_PERSONNEL)})\b", re.I)
_MIXED_FORCE = re.compile(r"""
    ^[^.;]{0,40}?\b
    (?:(?:north\s+)?koreans?\s+among\s+them          # "North Koreans among them"
      |including\s+(?:some\s+|the\s+)?(?:north\s+)?koreans? # "including (the) North Korean(s)"
      |mixed\s+(?:russian|north\s+korean|korean)   # "mixed Russian units"
      |of\s+(?:russian|ukrainian)\s+and\s+(?:north\s+)?korean  # "a 50,000-strong group of Russian
      |of\s+(?:north\s+)?korean\s+and\s+russian)\b  #   and North Korean troops"
""", re.I | re.X)
_VERB_BEFORE = NeedsWords(re.compile(rf"""
    \b({trie(vocab.VERBS_BEFORE)})\s+               # "captured", "killing"
    (?:prisoner\s+)?
    (?:(?!and\b|or\b|but\b|while\b)\w+\s+)?$        # one more word, not a conjunction
""", re.I | re.X))
_WEAK_PLANNED = set(vocab.WEAK_PLANNED_CUES)
_PURPOSE = re.compile(rf"\bto\s+(?:{trie(vocab.PURPOSE_VERBS)})\b", re.I)

OUT = "out"  # a rule's verdict: the number is not a count of personnel


@lru_cache(maxsize=4096)
def casualty_measure(window: str) -> str | None:
    """killed + wounded cues together mean casualties."""
    kinds = {vocab.CASUALTY_CUES[re.sub(r"\s+", " ", m.group(0).lower())]
             for m in CASUALTY.finditer(window)}
    if not kinds:
        return None
    if "casualties" in kinds or {"killed", "wounded"} <= kinds:
        return "casualties"
    for kind in ("captured", "killed", "wounded"):
        if kind in kinds:
            return kind
    return None


# "100 deaths and the wounded were nearly 1,000": a casualty word after "and" that is
# the subject of its own verb speaks of the next figure
_NEW_CASUALTY_SUBJECT = re.compile(rf"""
    \s(?:and|while|with)\s+(?:the\s+)?(?:number\s+of\s+)?(?:{trie(vocab.CASUALTY_CUES)})\s+
    (?:are|is|were|was|have|has|had|number|numbered|approach|approaching|exceed|exceeded
      |stand|stood|total|came)\b
""", re.I | re.X)

# "600 died and thousands of others were hurt", "600 killed and thousands injured": a vague
# count after "and" is a second group, and the cues after it speak of that group, not of the number
_OTHER_GROUP = re.compile(r"""
    \s(?:and|while|with)\s+(?:many\s+)?(?:thousands|hundreds|dozens|scores|many)\s+
    (?:more\b|(?:of\s+)?others\b|(?:more\s+|others\s+)?(?:were\s+)?(?:injured|wounded|hurt)\b)
""", re.I | re.X)


@lru_cache(maxsize=4096)
def casualty_window(after: str) -> str:
    """Where casualty cues after a number still speak of it: up to the next number or
    group, and not into a purpose clause ("2,000 people to replace their losses", "to arrive
    and replenish their losses")."""
    # quote marks around a cue ('have been “killed or wounded,”') do not end the clause
    plain = re.sub(r"[“”\"]", " ", after)
    window = clause_after(plain, 80)
    if len(window) == 80:  # a cue the reach cuts through ("... have been killed| or wounded") is read whole
        wider = clause_after(plain, 120)
        straddling = next((m for m in CASUALTY.finditer(wider) if m.start() < 80 < m.end()), None)
        if straddling:
            window = wider[:straddling.end()]
    window = _NEW_CASUALTY_SUBJECT.split(window, maxsplit=1)[0]
    window = _OTHER_GROUP.split(window, maxsplit=1)[0]
    window = _fate_foretold(_NOT_BEFALLEN.sub(" ", _FORCE_LOSSES.sub(" ", window)))
    window = _LOSSES_AS_CAUSE.split(window, maxsplit=1)[0]
    return re.split(r"\bto\s+(?:\w+\s+and\s+)?(?:replace|make\s+up|compensate|fill|offset|cover|avenge|replenish)\b",
                    window, maxsplit=1)[0]


# "3,000 reinforcements sent after early losses": losses given as the cause of what befell the
# number are not its count
_LOSSES_AS_CAUSE = re.compile(r"\b(?:after|following|because\s+of|due\s+to|in\s+response\s+to)\s+"
                              r"(?:the\s+|its\s+|their\s+|heavy\s+)?(?:[\w-]+\s+){0,2}(?:losses|casualties)\b", re.I)


# "12,000 soldiers sent to Kursk have suffered heavy casualties": heavy losses are the force's,
# not a count of them; the number is the force
_FORCE_LOSSES = re.compile(r"\b(?:suffered|sustained|taken|incurred|suffering|sustaining|taking)\s+"
                           r"(?:heavy|substantial|significant|massive|severe|huge|considerable|serious|staggering)\s+"
                           r"(?:casualties|losses)\b", re.I)


# "the 12,000-strong contingent could be wiped out by April", "all 12,000 may be killed or
# wounded": a fate foretold for troops who are there counts them, not their losses or a plan
_MODAL_FATE = NeedsWords(re.compile(r"\b(?:could|may|might|would|will)\s+(?:well\s+|soon\s+|all\s+|also\s+)?be\s+"
                                    r"(?:\w+ly\s+)?(?:killed|wounded|injured|destroyed|wiped\s+out|lost|annihilated|"
                                    r"decimated|eliminated)(?:\s+(?:or|and)\s+(?:killed|wounded|injured))?\b", re.I))
# where the troops are, said between the number and the fate foretold them
_THERE = re.compile(r"^-strong\b|\b(?:in|inside)\s+(?:the\s+)?[A-Z]|\b(?:deployed|stationed|currently|already)\b")


def _fate_foretold(after: str) -> str:
    """The text after a number without a fate foretold for troops it places somewhere ("12,000
    soldiers in Kursk could be killed or wounded by April"); a bare forecast ("up to 3,000
    could be killed") keeps its cue."""
    m = _MODAL_FATE.search(after)
    whole = m and (_THERE.search(after[:m.start()]) or _WHOLLY.search(m.group(0)))
    return after[:m.start()] + " " + after[m.end():] if whole else after


# "may be completely lost", "could all be killed": only a whole force is lost wholly
_WHOLLY = re.compile(r"\b(?:all|completely|entirely|totally|wholly)\b", re.I)


# "who was about to be captured", "rather than be taken prisoner": a fate that did not come
_NOT_BEFALLEN = re.compile(r"\b(?:(?:just\s+)?about\s+to\s+be|rather\s+than\s+be(?:ing)?|to\s+avoid\s+being|instead\s+of\s+being)"
                           r"\s+(?:taken\s+)?\w+", re.I)


def _nearest_troop_cue(cues: list[tuple[int, str, str]]) -> str | None:
    strong = [c for c in cues if c[2] not in _WEAK_PLANNED]
    if strong:
        return "troops_planned" if min(strong)[1] == "planned" else "troops_deployed"
    return None


def troop_measure(before: str, after: str, default: str = "troops_deployed") -> str:
    """troops_planned when the nearest cue says so, troops_deployed when it says that,
    else `default`."""
    return troop_cue(before, after) or default


@lru_cache(maxsize=4096)
def troop_cue(before: str, after: str) -> str | None:
    """What the nearest troop cue says (None without one). Cues after the number come
    first; a weak planned cue (`additional`, `further`) decides only before the number,
    and only when no strong cue does."""
    if _MAY_NOW_BE.search(before) and not re.search(r"\bby\s+(?:the\s+)?(?:end|spring|summer|autumn|fall|winter|"
                                                   r"next|[A-Z]\w+)\b", after):
        return "troops_deployed"  # "the total number in Russia could be closer to 11,000": unsure, not future
    if _MODAL_HAVE.search(before) or _MODAL_RAISE.search(before):
        return "troops_planned"  # "could have 10,000 soldiers in Russia by December"
    if _HAS_SENT.search(before) or _READYING.search(before):
        return "troops_deployed"  # "has sent 10,000 troops to train ... that will augment"
    if _SENDER_READYING.search(before) and not _THERE_NOW.search(clause_after(after)) and \
            not _IN_THE_HOST.match(after):
        return "troops_planned"  # "Pyongyang is training 8,000 men for the front"
    if _CAUSED_TO_SEND.search(before):
        return "troops_deployed"  # "the losses prompted Moscow to deploy 10,000": it happened
    if _READYING_A_DISPATCH.search(before) or _PLANNED_DISPATCH.search(before):
        return "troops_planned"  # "preparing for a new deployment of some 4,000"
    if (_WILL_SEND.search(before) or _WILL_SEND_UNITS.search(before[-120:])) and \
            not _THERE_NOW.search(clause_after(after)):
        return "troops_planned"  # "will deploy 3,000 more troops in Kursk": not there yet
    after_clause = _fate_foretold(clause_after(after))
    purpose = _PURPOSE.search(after_clause)
    if purpose:
        after_clause = after_clause[:purpose.start()]  # "1,000 sappers to clear mines in Russia"
    cues = []
    for m in _PLANNED.finditer(after_clause):
        cues.append((m.start(), "planned", m.group(0).lower()))
    for m in _DEPLOYED.finditer(after_clause):
        if not _AS_NOUN.search(after_clause[:m.start()]) or m.group(0).lower() not in vocab.NOUN_CUES:
            cues.append((m.start(), "deployed", m.group(0).lower()))
    found = _nearest_troop_cue(cues)
    if found:
        return found
    before_clause = clause_before(before, comma=True)
    cues = []
    for m in _PLANNED.finditer(before_clause):
        cues.append((len(before_clause) - m.end(), "planned", m.group(0).lower()))
    for m in _DEPLOYED.finditer(before_clause):
        cues.append((len(before_clause) - m.end(), "deployed", m.group(0).lower()))
    found = _nearest_troop_cue(cues)
    if found:
        return found
    if any(c[1] == "planned" for c in cues):
        return "troops_planned"
    return None


def _same_sentence_before(ctx: Context) -> dict | None:
    """The figure just before this one, when it stands in the same sentence."""
    rows = ctx.state.rows
    return rows[-1] if rows and rows[-1]["sentence_start"] == ctx.sentence.start else None


def sentence_measure(ctx: Context) -> str:
    """With no cue of its own, a figure follows the figure before it in the same sentence:
    a troop figure another troop figure ("decided to send 1,000 sappers to clear mines and
    5,000 builders"), a part its whole ("killed 13 soldiers, five of them in a firefight
    and another eight with drones")."""
    previous = _same_sentence_before(ctx)
    if previous:
        if previous["measure"].startswith("troops") or _PART.match(ctx.after) or \
                re.search(r"\b(?:another|a\s+further|the\s+other|including(?:\s+\w+)?)\s+$", ctx.before):
            return previous["measure"]  # "three wounded, including two officers": a part of it
    return "troops_deployed"


def shared_measure(ctx: Context) -> str | None:
    """`1 thousand sappers and 5 thousand builders`: coordinated figures share a verb;
    `the two men` names a figure given before."""
    previous = _same_sentence_before(ctx)
    if previous:
        between = ctx.sentence.text[previous["end"] - ctx.sentence.start:len(ctx.before)]
        if re.fullmatch(r"\s*(?:[\w-]+\s+){0,3}(?:and|or|plus|as well as)\s+(?:some\s+|about\s+)?", between):
            return previous["measure"]
    if re.search(r"\b(?:the|these|those|both)\s+$", ctx.before):
        same = [r for r in ctx.state.rows if r["value"] == _num(ctx.number.value)]
        if same:
            return same[-1]["measure"]
    return None


def inherited_measure(ctx: Context) -> str | None:
    """`the number was more than 3,000` takes the measure of the figure just before."""
    rows = ctx.state.rows
    if rows and ctx.sentence.start - rows[-1]["sentence_start"] < 600:
        return rows[-1]["measure"]
    return None


def _num(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


# --- the rules, in the order they are asked ----------------------------------------------
# Each takes the number's context and what it counts, and returns a measure, OUT (not a
# count of personnel), or None (no say: the next rule is asked).

MeasureRule = Callable[[Context, Counted], "str | None"]


def _tail(ctx: Context, counted: Counted) -> str:
    return ctx.after[counted.consumed:]


def more_of_other_things(ctx: Context, counted: Counted) -> str | None:
    """"31 of the 52 drones ..., and 14 more were lost": more of the same things."""
    if counted.kind == "bare" and re.match(r"\s*(?:more|others)\b", ctx.after) and \
            _COUNTED_THING.search(ctx.before):
        return OUT
    return None


def mixed_subject(ctx: Context, counted: Counted) -> str | None:
    """"Russian and North Korean soldiers ... number an estimated 63,000"."""
    return OUT if _MIXED_SUBJECT.search(clause_before(ctx.before, comma=False)) else None


def prisoner_swap(ctx: Context, counted: Counted) -> str | None:
    """A prisoner swap is of Russians and Ukrainians."""
    if _SWAP.search(clause_before(ctx.before, comma=False)[-60:]) and \
            casualty_measure(casualty_window(ctx.after)) == "captured":
        return OUT
    return None


_TAKE = {"took", "take", "takes", "taken"}
_CARRIED_TO = re.compile(
    r"\s*(?:to|into(?!\s+(?:custody|captivity))|from|across|by\s+(?:sea|air|ship|plane|train|rail))\b", re.I)


def verb_before(ctx: Context, counted: Counted) -> str | None:
    """"Ukrainian forces captured two wounded soldiers", "killing 21 and wounding 40"."""
    verb = _VERB_BEFORE.search(ctx.before[-30:])
    if verb and verb.group(1).lower() in _TAKE and _CARRIED_TO.match(_tail(ctx, counted)):
        return None  # "the navy had taken 1,500 troops to Vladivostok": carried, not captured
    if verb and verb.group(1).lower() in _TAKE and counted.kind == "casualty" and counted.cue != "captured":
        return None  # "the unit has taken 3,000 casualties": suffered, not captured
    return vocab.VERBS_BEFORE[re.sub(r"\s+", " ", verb.group(1).lower())] if verb else None


def shown_in_mourning(ctx: Context, counted: Counted) -> str | None:
    """"a ceremony showing the faces of 100 North Korean soldiers", "portraits of 101 soldiers
    on a memorial wall": the soldiers a memorial shows are its dead."""
    if counted.kind != "personnel" or not _IMAGES_OF.search(ctx.before[-30:]):
        return None
    return "killed" if _MOURNING.search(ctx.sentence.text) else None


_IMAGES_OF = re.compile(rf"\b(?:{trie(vocab.MEMORIAL_IMAGES)})\s+of\s+(?:the\s+)?$", re.I)
_MOURNING = re.compile(rf"\b(?:{trie(vocab.MOURNING_WORDS)})\b", re.I)


def _casualty_after(ctx: Context, counted: Counted) -> str | None:
    return casualty_measure(casualty_window(_tail(ctx, counted)))


def missing(ctx: Context, counted: Counted) -> str | None:
    """Missing is not a measure, nor are deserters ("18 soldiers have run from their posts")."""
    window = casualty_window(_tail(ctx, counted))
    if not _casualty_after(ctx, counted) and (_MISSING.search(window) or _DESERTED.search(window)):
        return OUT
    return None


def part_of_previous(ctx: Context, counted: Counted) -> str | None:
    """"killed 13 soldiers, five of them in a firefight": a part takes its whole's
    measure; "planned to send another 6,000, and about 1,000 of them had already arrived"
    reads its own troop cue."""
    previous = _same_sentence_before(ctx)
    if _DEPLOYED_VERB_BEFORE.search(ctx.before):
        return None  # "deployed more than 10,000 of them": the verb's object, not a part
    if _casualty_after(ctx, counted) or counted.kind != "bare" or not previous or not (
            _PART.match(ctx.after) or re.search(r"\b(?:another|a\s+further)\s+$", ctx.before)):
        return None
    if previous["measure"].startswith("troops"):
        return troop_measure("", _tail(ctx, counted), previous["measure"])
    return previous["measure"]


_FEW = 10  # prisoners are taken a few at a time; a larger count said again may be new


def same_prisoners_again(ctx: Context, counted: Counted) -> str | None:
    """"captured two North Korean soldiers ... The two wounded men are in Kyiv": a small
    count of prisoners said again in a later sentence describes the same men (wounded,
    or just "two soldiers"), unless it says they died."""
    if ctx.number.value > _FEW or counted.kind not in ("personnel", "casualty"):
        return None
    value = _num(ctx.number.value)
    if not any(r["value"] == value and r["measure"] == "captured" and r["sentence_start"] != ctx.sentence.start
               for r in ctx.state.rows):
        return None
    own = _casualty_after(ctx, counted) or (counted.cue if counted.kind == "casualty" else None)
    return "captured" if own in (None, "wounded", "captured") else None


# "one more", "another one", "a third": a new captive, not one of those counted
_NEW_ONE = re.compile(r"\b(?:another|new|more|further|additional|third|fourth)\b", re.I)


def one_of_the_captives(ctx: Context, counted: Counted) -> str | None:
    """"captured two North Korean soldiers ... footage of one soldier", "one prisoner's jaw":
    one of the captives counted before, singled out, is a person, not a count; unless the
    clause says he was killed or is a new capture."""
    if ctx.number.value != 1 or counted.kind not in ("personnel", "casualty") or \
            counted.kind == "casualty" and counted.cue != "captured":
        return None
    if not any(r["measure"] == "captured" and r["value"] > 1 for r in ctx.state.rows):
        return None
    near = ctx.before[-25:] + ctx.after[:counted.consumed + 15]
    if _NEW_ONE.search(near) or _casualty_after(ctx, counted) in ("killed", "casualties") or \
            _VERB_BEFORE.search(ctx.before[-30:]):
        return None
    return OUT


def casualty_noun(ctx: Context, counted: Counted) -> str | None:
    """"1,100 casualties", "300 killed and 2,700 wounded"."""
    if counted.kind != "casualty":
        return None
    one = _ONE_DESCRIBED.match(ctx.after) if ctx.number.value == 1 else None
    if one:
        # "a diary found on one killed soldier", "one injured soldier, speaking from a
        # hospital, said": the word before the noun describes a person, no count; what the
        # clause after says of him still may ("one injured soldier has been captured")
        return casualty_measure(casualty_window(ctx.after[one.end():])) or OUT
    return casualty_measure(casualty_window(ctx.after)) or counted.cue


# one person described by a casualty word and named by a singular noun
_ONE_DESCRIBED = re.compile(r"\s+(?:killed|fallen|dead|injured|wounded)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:soldier|fighter|serviceman|servicemember|trooper|man|officer)\b", re.I)


def mixed_force(ctx: Context, counted: Counted) -> str | None:
    """"a force of 50,000 troops, North Koreans among them"."""
    return OUT if counted.kind == "personnel" and _MIXED_FORCE.match(_tail(ctx, counted)) else None


_WHOLE_OF_PART = re.compile(r"""
    \b(?:(?:half|a\s+third|a\s+quarter|two-thirds|most|many|much|part|some|\d+\s*(?:%|percent)|\d[\d,.]*)
         \s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|those\s+)?  # "half of the (estimated)", "600 out of"
       |(?:half|a\s+third|a\s+quarter|two-thirds)\s+(?:the|its|their|those)\s+)  # "half the": no "of"
    (?:\w+\s+)?$
""", re.I | re.X)


def whole_of_a_part(ctx: Context, counted: Counted) -> str | None:
    """"half of the estimated 11,000 troops deployed have become casualties": the number
    is the whole the part was counted out of; its own troop cue decides, not the part's
    casualty word."""
    tail = _tail(ctx, counted)
    fate = _MAY_BE_LOST.search(tail[:120])
    if fate and counted.kind == "bare" and _WHOLE_FORCE.search(ctx.before[-60:]):
        # "the whole contingent of roughly 12,000 in Kursk could be killed or wounded"
        return troop_measure(ctx.before, tail[:fate.start()], "troops_deployed")
    if counted.kind != "personnel":
        return None
    if _WHOLE_OF_PART.search(ctx.before[-60:]):
        return troop_measure(ctx.before, _tail(ctx, counted), sentence_measure(ctx))
    if _MAY_LOSE_ALL.search(ctx.before[-60:]):
        # "could lose all 11,000 of its soldiers": the whole force, its loss not yet a toll
        return troop_measure(ctx.before, tail)
    if fate and re.search(r"\ball\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?$", ctx.before[-20:], re.I):
        return troop_measure(ctx.before, tail[:fate.start()], sentence_measure(ctx))  # its modal is the fate's
    fate = _WHOLLY_LOST.search(tail[:120])
    if fate:
        return troop_measure(ctx.before, tail[:fate.start()], sentence_measure(ctx))
    return None


_WHOLE_FORCE = re.compile(rf"\b(?:whole|entire)\s+(?:[\w-]+\s+){{0,2}}(?:{trie(vocab.SUBJECT_NOUNS)})\s+of\s+(?:\w+\s+)?$",
                          re.I)
# "all 12,000 soldiers could be lost": what may befall the whole force, not a count of losses
# a loss still to come of a whole force, its verb before the count ("could lose all 12,000")
_MAY_LOSE_ALL = re.compile(r"\b(?:could|would|may|might|will|stands?\s+to|is\s+set\s+to|risks?)\s+(?:\w+\s+)?"
                           r"los(?:e|ing)\s+(?:all\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?"
                           r"|(?:the|its|their)\s+(?:whole|entire)\s+(?:\w+\s+)?of\s+)(?:\w+\s+)?$", re.I)
_MAY_BE_LOST = NeedsWords(re.compile(r"\b(?:could|would|may|might)\s+(?:all\s+|soon\s+|eventually\s+)?be\s+"
                                     r"(?:lost|killed|wiped\s+out|wounded|injured)\b", re.I))


# "12,000 soldiers ... could face total casualties by spring": the whole force's fate
_WHOLLY_LOST = NeedsWords(re.compile(r"\b(?:could|would|may|might|will)\s+(?:\w+\s+)?(?:face|suffer|sustain)\s+"
                                     r"(?:total|complete|full)\s+(?:casualties|losses|destruction)\b", re.I))


def one_soldier(ctx: Context, counted: Counted) -> str | None:
    """"one soldier, about to be captured, tried to ...": a single soldier is a count only
    as a casualty or a prisoner, never as a deployment."""
    if counted.kind != "personnel" or ctx.number.value != 1:
        return None
    return _casualty_after(ctx, counted) or \
        casualty_measure(clause_before(ctx.before, comma=True)[-70:]) or OUT


def deployment_verb_before(ctx: Context, counted: Counted) -> str | None:
    """"since Pyongyang deployed more than 10,000 of them": a deployment verb governing the
    number beats a casualty word earlier in the sentence."""
    if counted.kind in ("personnel", "bare") and _DEPLOYED_VERB_BEFORE.search(ctx.before) and \
            not _casualty_after(ctx, counted):
        return troop_measure(ctx.before, _tail(ctx, counted))
    return None


# "2,000 soldiers deployed to help Russia ... are believed to have been killed", "N of the M
# soldiers stationed at the front ... have been injured": a reduced relative clause, then the
# predicate of the figure's own clause ("100 soldiers, who were sent to Russia, were killed")
_PARTICIPLE_THEN_PREDICATE = re.compile(r"""
    ^\s*(?:,\s*(?:who|that)\s+(?:(?:had|have|has)\s+been|were|was|are|is)\s+)?
    (?:sent|deployed|dispatched|transferred|shipped|stationed|based|fighting|serving)\b[^.;:!?,()\d]{0,120}?
    ,?\s(?P<predicate>(?:are|were|have|has|had)\s+[^.;:!?,()\d]{0,50})
""", re.I | re.X)


def _casualty_of_predicate(ctx: Context, counted: Counted) -> str | None:
    m = _PARTICIPLE_THEN_PREDICATE.match(_tail(ctx, counted))
    return casualty_measure(_FORCE_LOSSES.sub(" ", m.group("predicate"))) if m else None


_SENDING = NeedsWords(re.compile(rf"\b(?:send|sends|sent|deploy|deploys|deployed|dispatch|dispatches|dispatched|{_SENT_GERUND})\b",
                      re.I))


def rest_still_to_come(ctx: Context, counted: Counted) -> str | None:
    """"... 6,000 specialists working in Kursk. We know that over 1,000 have already arrived":
    a smaller part the next sentence says has already arrived leaves the rest to come, so the
    whole is planned."""
    sentences = ctx.state.sentences
    if counted.kind != "personnel" or ctx.index + 1 >= len(sentences) or \
            sentences[ctx.index + 1].para != ctx.sentence.para or _casualty_after(ctx, counted):
        return None
    part = _ALREADY_ARRIVED.search(sentences[ctx.index + 1].text)
    if part is None or int(part["n"].replace(",", "")) >= ctx.number.value:
        return None
    return "troops_planned"


_ALREADY_ARRIVED = re.compile(r"(?<![\d,])(?P<n>\d{1,3}(?:,\d{3})*)\s+(?:[\w-]+\s+){0,3}?(?:have|has|had)\s+already\s+"
                              r"(?:arrived|been\s+(?:sent|deployed|dispatched))\b", re.I)


def personnel_noun(ctx: Context, counted: Counted) -> str | None:
    """"1,500 soldiers": a casualty cue after or before it, a verb shared with the figure
    before, else its troop cue."""
    if counted.kind != "personnel":
        return None
    before = clause_before(ctx.before, comma=True)[-70:]
    sending = list(_SENDING.finditer(before))
    if sending:  # "the losses prompted Moscow to deploy 10,000 troops": the verb governs the count
        before = before[sending[-1].end():]
    # "casualties suffered by the first contingent of 11,000 soldiers": the number sizes the
    # unit the cues before it speak of
    before_cas = None if _UNIT_OF.search(ctx.before[-60:]) else casualty_measure(before)
    return _casualty_after(ctx, counted) or _casualty_of_predicate(ctx, counted) or before_cas or \
        shared_measure(ctx) or troop_measure(ctx.before, _tail(ctx, counted), sentence_measure(ctx))


# From here on the number is bare: what it counts stands before it ("casualties exceed 3,000").

def a_multiple_or_distance(ctx: Context, counted: Counted) -> str | None:
    """"three times", "40 km"."""
    if re.search(r"\b(?:times|fold|percent|per cent|km|kilometers|miles)\b", _tail(ctx, counted)[:15], re.I):
        return OUT
    return None


def own_verb_after(ctx: Context, counted: Counted) -> str | None:
    """"600 soldiers had been killed, out of around 15,000 sent": its own verb decides."""
    after = _tail(ctx, counted)
    clause = clause_before(ctx.before, comma=False)
    if not _casualty_after(ctx, counted) and (_SENT_AFTER.match(after) or _THERE_AFTER.match(after) or (
            _THERE_ARE.search(ctx.before) and _FIGHTING.match(after))) and (
            PERSONNEL.search(clause) or _WHOLE_BEFORE.search(clause) or not NON_PERSONNEL.search(clause)):
        return troop_measure(ctx.before, after)
    return None


def casualty_in_clause(ctx: Context, counted: Counted) -> str | None:
    """"casualties exceed 3,000", "3,000 killed"; in "100 were killed, with the number of
    injured put at some 1,000" the cues before "with the number of injured" are the
    first figure's; in "350 died out of a total deployment of 12,000" the number sizes
    the unit it follows, as personnel_noun reads "a unit of 11,000 soldiers"."""
    before = clause_before(ctx.before, comma=False)
    if _UNIT_OF.search(ctx.before[-60:]) and not _casualty_after(ctx, counted):
        return troop_measure(ctx.before, _tail(ctx, counted))
    new_subject = list(_CASUALTY_SUBJECT_BEFORE.finditer(before))
    if new_subject:
        before = before[new_subject[-1].start():]
    return _casualty_after(ctx, counted) or casualty_measure(before)


_UNIT_OF = re.compile(rf"\b(?:{trie(vocab.UNIT_NOUNS)})\s+of\s+(?:(?:about|some|around|roughly|nearly|almost|over"
                      rf"|more\s+than|up\s+to|at\s+least|an\s+estimated)\s+)?$", re.I)
# "..., with the number of injured put at": a casualty word opening a new subject
_CASUALTY_SUBJECT_BEFORE = re.compile(rf"""
    \s(?:and|while|with)\s+(?:the\s+)?(?:number|count|toll|tally)\s+of\s+(?:the\s+)?
    (?:{trie(vocab.CASUALTY_CUES)})\b
""", re.I | re.X)


def label(ctx: Context, counted: Counted) -> str | None:
    """A label: "Sent, both waves: ~15,000"."""
    text, colon, rest = ctx.before.rpartition(":")
    if colon and len(rest.split()) <= 2 and len(text.split()) <= 10 and (
            _DEPLOYED.search(text) or _PLANNED.search(text)):
        return troop_measure(text + ":", _tail(ctx, counted))
    return None


def personnel_in_clause(ctx: Context, counted: Counted) -> str | None:
    """"the soldiers sent number 3,000"."""
    if PERSONNEL.search(clause_before(ctx.before, comma=False)):
        return shared_measure(ctx) or troop_measure(ctx.before, _tail(ctx, counted), sentence_measure(ctx))
    return None


# "Washington's previous estimate of 3,000", "the US estimate of 3,000": the same
# count as the figure before, by another estimate
_ESTIMATE_OF = NeedsWords(re.compile(r"\b(?:estimate|estimates|figure|count|tally|assessment)\s+of\s+(?:some\s+|about\s+|around\s+)?$",
                          re.I))
# a sending verb before "another" or "a further": more troops sent
_SEND_ANOTHER = NeedsWords(re.compile(r"\b(?:bring|send|deploy|dispatch|supply|provide|add)\s+(?:another|a\s+further)\s+$", re.I))


def anaphor(ctx: Context, counted: Counted) -> str | None:
    """"the number was more than 3,000", "3,000 more": the figure before, or the sentence
    before, says what is counted; "can bring another 30,000": more troops."""
    clause = clause_before(ctx.before, comma=False)
    if _SEND_ANOTHER.search(ctx.before):
        return troop_measure(ctx.before, _tail(ctx, counted))  # "They can bring another 30,000"
    if not (_ANAPHOR.search(clause[-60:]) or re.match(r"\s*(?:more|others|additional)\b", ctx.after)
            or _ESTIMATE_OF.search(ctx.before[-40:])):
        return None
    measure = inherited_measure(ctx)
    if measure is None and ctx.index > 0:
        previous = ctx.state.sentences[ctx.index - 1].text
        measure = casualty_measure(previous) or (
            troop_measure(previous, "") if PERSONNEL.search(previous) else None)
    if measure and measure.startswith("troops"):
        return troop_measure(ctx.before, _tail(ctx, counted), measure)
    return measure or None


def subject_noun(ctx: Context, counted: Counted) -> str | None:
    """"the force ... 12,000", "sent 3,000"."""
    clause = clause_before(ctx.before, comma=False)
    if _SUBJECT_NOUNS.search(clause) or re.search(r"\b(?:sent|deployed|dispatched)\s+(?:\w+\s+){0,2}$",
                                                  clause + " ", re.I):
        return troop_measure(ctx.before, _tail(ctx, counted))
    return None


def follows_troop_figure(ctx: Context, counted: Counted) -> str | None:
    """"... or even half a million", "15,000 in two rotations: roughly 11,000 in October"."""
    previous = _same_sentence_before(ctx)
    clause = clause_before(ctx.before, comma=False)
    if previous and previous["measure"].startswith("troops") and (
            re.search(r"\b(?:and|or)\b", clause) or re.search(r"[:,]\s+(?:\w+\s+)?$", ctx.before)):
        return troop_measure(ctx.before, _tail(ctx, counted), previous["measure"])
    return None


def nothing_counted(ctx: Context, counted: Counted) -> str | None:
    """A bare number nothing names is not a figure."""
    return OUT


MEASURE_RULES: tuple[MeasureRule, ...] = (
    more_of_other_things, mixed_subject, prisoner_swap, verb_before, shown_in_mourning, missing,
    part_of_previous, same_prisoners_again, one_of_the_captives, casualty_noun, mixed_force, whole_of_a_part, one_soldier,
    deployment_verb_before, rest_still_to_come, personnel_noun,
    a_multiple_or_distance, own_verb_after, casualty_in_clause, label,
    personnel_in_clause, anaphor, subject_noun, follows_troop_figure, nothing_counted,
)


def measure(ctx: Context, counted: Counted) -> tuple[str | None, str]:
    """The measure of a figure (None when the number is not a count of personnel), and
    the name of the rule that decided."""
    for rule in MEASURE_RULES:
        verdict = rule(ctx, counted)
        if verdict is not None:
            return (None if verdict == OUT else verdict), rule.__name__
    return None, ""

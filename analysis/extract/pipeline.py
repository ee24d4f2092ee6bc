"""Figure extraction: every in-scope number of an article becomes one row (FIGURES.md).

`python -m analysis.extract PATH...` prints one JSON object per figure mention.

The rules, in order, for each number phrase in the article body:
1. surface: skip dates, years, ordinals, money, percentages, identifiers and URLs;
2. what it counts: the noun after it (`1,500 soldiers`, `1,100 casualties`), or for a bare
   number the subject before it (`casualties exceed 3,000`, `the number was 3,000`);
   numbers counting anything else, another side's troops or a whole army are dropped;
3. qualifier and bounds from the words around it (vocab.QUALIFIER_BEFORE/AFTER);
4. measure from the nearest cue in its clause (vocab.CASUALTY_CUES, PLANNED_CUES, ...);
5. claimant: the nearest attributed name (`X said`, `according to X`, `by X`, `X:`) in
   the clause, then the sentence, then the sentence before; names map to groups in vocab;
6. claim date: a day-precise date in the sentence, nearest the attribution.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from functools import lru_cache

from analysis.extract import vocab
from analysis.extract.patterns import trie as _trie
from analysis.extract.articles import Article, ArticleError, iter_article_paths, parse_article, read_article
from analysis.extract.dates import find_dates
from analysis.extract.numbers import CANDIDATE as _CANDIDATE, NumberPhrase, find_numbers
from analysis.extract.tables import TableRow, find_tables

OUTPUT_FIELDS = ("article", "value", "low", "high", "qualifier", "measure", "claimant",
                 "claimant_group", "claim_date", "published", "quote", "sentence", "start",
                 "end")


# --- compiled vocabularies ---------------------------------------------------------------

def _alternation(phrases, flags=re.I) -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{_trie(phrases)})(?![\w-])", flags)


_CASUALTY = _alternation(vocab.CASUALTY_CUES)
_PLANNED = _alternation(vocab.PLANNED_CUES)
# "(Ukrainian intelligence)", "[NIS, April]", "[South Korea's JCS, March]": a source note
_SOURCE_NOTE = re.compile(r"[(\[](?:(?:via|per|source:?)\s+)?(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['’]s)?$", re.I)
_SWAP = re.compile(r"\b(?:swap|swaps|exchange|exchanges|exchanged|swapped)\b", re.I)
_MODAL_HAVE = re.compile(r"\b(?:could|would|will|may|might)\s+(?:soon\s+|eventually\s+)?(?:have|reach|number|"
                         r"total)\s+(?:\w+\s+)?$", re.I)
_AS_NOUN = re.compile(r"\b(?:the|this|that|its|their|his|her)\s+$", re.I)
_WEAK_PLANNED = {"additional", "more troops", "further", "another", "possible", "potential"}
_DEPLOYED = _alternation(vocab.DEPLOYED_CUES)
_QUALIFIER_BEFORE = re.compile(rf"(?<![\w-])({_trie(vocab.QUALIFIER_BEFORE)})\s*"
                               r"(?:(?:another|a\s+further|an\s+additional)\s+)?$", re.I)
_PERSONNEL = _alternation(vocab.PERSONNEL_NOUNS)
# (hyphens allowed around it: "FACTBOX-North Korea's", "North Korea-Russia treaty")
_KOREA = re.compile(rf"(?<!\w)(?:{_trie(vocab.KOREA_MARKERS)})(?!\w)", re.I)
_ANAPHOR = _alternation(vocab.ANAPHORS)
_ARMY = _alternation(vocab.ARMY_CUES)
_SUBJECT_NOUNS = _alternation(vocab.SUBJECT_NOUNS)
_MISSING = _alternation(vocab.MISSING_CUES)
_MIXED_SUBJECT = re.compile(r"\b(?:(?:russian|ukrainian)\s+and\s+north\s+korean|north\s+korean\s+and\s+"
                            r"(?:russian|ukrainian))\b", re.I)
_SENT_AFTER = re.compile(r"\s*(?:(?:the\s+North|North\s+Korea|Pyongyang|Kim|it|they)\s+)?"
                         r"(?:(?:have|has|had|were|was)\s+(?:already\s+)?(?:been\s+)?)?(?:already\s+)?"
                         r"(?:sent|deployed|dispatched|shipped|brought|moved|transferred|gone|arrived)\b", re.I)
# "11,000 are now in the Kursk region": a bare count said to be there
_THERE_AFTER = re.compile(r"\s*(?:are|were)\s+(?:now\s+|already\s+|currently\s+|still\s+)?"
                          r"(?:in|inside|at|fighting|stationed|deployed|based)\b", re.I)
# "among the roughly 15,000 sent": the whole a part was counted out of
_WHOLE_BEFORE = re.compile(r"\b(?:among|of|out\s+of|from)\s+(?:the|an?|some|those|these)?\s*(?:\w+\s+)?$",
                           re.I)
_PART = re.compile(r"\s+of\s+(?:them|those|whom|these)\b", re.I)
_STRONG_UNIT = re.compile(rf"-?\s*strong\s+(?:[\w'’-]+\s+){{0,3}}?(?:{_trie(vocab.UNIT_NOUNS)})\b", re.I)
_COUNTED_THING = re.compile(rf"\d[\d,.]*\s+(?:\w+\s+)?(?:{_trie(vocab.NON_PERSONNEL)})\b", re.I)
_MIXED_FORCE = re.compile(r"^[^.;]{0,40}?\b(?:(?:north\s+)?koreans?\s+among\s+them|including\s+(?:some\s+)?"
                          r"(?:north\s+)?koreans?|mixed\s+(?:russian|north\s+korean|korean))\b", re.I)
# "An earlier version of this post gave the figures as 47 killed": numbers said to be wrong
_CORRECTED = re.compile(r"\ban?\s+earlier\s+version\b[^.]*?\b(?:gave|said|stated|misstated|reported|put|"
                        r"had|incorrectly|wrongly)\b", re.I)
_VERB_BEFORE = re.compile(rf"\b({_trie(vocab.VERBS_BEFORE)})\s+(?:prisoner\s+)?"
                          r"(?:(?!and\b|or\b|but\b|while\b)\w+\s+)?$", re.I)
_RATE = re.compile(r"(?:\s+(?:[\w-]+\s+){0,3}?)?\s*(?:a|per|each|every)\s+(?:day|week|month|hour)\b"
                   r"|\s+(?:daily|weekly)\b", re.I)
_SIDES = _trie(vocab.OTHER_SIDES)
_COUNTRIES = _trie(vocab.OTHER_COUNTRIES)
_OTHER_LOSSES = re.compile(rf"\b(?:{_COUNTRIES})['’]s\s+(?:own\s+)?(?:losses|casualties|troops|"
                           r"soldiers|dead|army|forces)\b|\b(?:russian|ukrainian)\s+(?:losses|casualties)\b",
                           re.I)
_LOSS_SUBJECT = re.compile(rf"\b(?:{_COUNTRIES})\s+(?:has\s+|have\s+|had\s+)?(?:lost|loses|losing|"
                           r"suffered|suffers|sustained)\b",
                           re.I)
# "killed 3,000 Russian soldiers", "Ukraine's 1,000 casualties"
_OTHER_SIDE_BEFORE = re.compile(
    rf"\b(?:{_SIDES})\W*(?:troops|soldiers|forces|losses|casualties|army)?\W*(?:\w+\W+)?$", re.I)
_OTHER_SIDE_AFTER = re.compile(rf"^\W*(?:\w+\W+)?(?:{_SIDES})\b", re.I)
_ATTR_VERB = _alternation(vocab.ATTRIBUTION_VERBS + (
    "had information", "has information", "have information", "has evidence",
    "had evidence", "have evidence", "expressed", "estimated", "assessment"))
_ATTR_BEFORE = re.compile(rf"(?:{_trie(vocab.ATTRIBUTION_BEFORE)})\s+(?:the\s+)?$", re.I)
_ROLE_NOUNS = (r"(?:agency|ministry|spy agency|official|officials|president|spokesman|"
               r"spokeswoman|spokesperson|lawmaker|lawmakers|legislator|legislators|statement|"
               r"report|general|minister|intelligence agency|intelligence service|service|"
               r"department|military|command|office|chief|intelligence chief|spy chief|"
               r"commander|head|leader|briefing|update|assessment)")
_PRONOUN_SPEAKER = re.compile(
    rf"\b(?:he|she|they|it|the (?:\w+ )?{_ROLE_NOUNS})\s+"
    r"(?:\w+\s+){0,2}?(?:said|says|told|added|estimated|estimates|reported|claimed|noted|"
    r"stated|believes|warned|wrote|put|puts|assessed|assesses|gave|released|argued|"
    r"explained|insisted|disclosed|revealed|briefed|quoted|cited|spoke)\b", re.I)
_OUTLETS = _alternation(vocab.OUTLETS, flags=0)
_CLAIMANTS = vocab.claimant_table()
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|into|to|from|against|with|for|on|at|near|across|towards?|inside|"
    r"throughout|between|by|over|and|via|through)\s+(?:the\s+)?$", re.I)
_ROLE_AFTER = re.compile(
    r"['’]s\s+(?:\w+\s+){0,2}(?:intelligence|estimates?|assessment|figures?|data|count|tally|"
    r"reckoning|calculations?|numbers|ambassador|envoy|president|prime minister|"
    r"(?:foreign|defen[cs]e) minist(?:er|ry)|ministry|military|army|armed forces|"
    r"government|spy agency|agency|officials?|spokes(?:man|woman|person)|commander|"
    r"general staff|leader|mission|delegation|presidential office|office|lawmakers?|"
    r"joint chiefs|chief|head|warning|claim|statement|remarks|words|comments|figures?|"
    r"briefing|report|update|tally)\b", re.I)
_JOINT = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,4}\s+")
_OFFICIAL_NOUN = re.compile(
    r"\s+(?:\w+\s+)?(?:officials?|officers?|intelligence|military|government|ministry|"
    r"lawmakers?|legislators?|spokes(?:man|woman|person)|president|sources?|commanders?|"
    r"authorities|agency|agencies|army|forces|general staff|diplomats?|envoy|ambassador|ministers?)\b", re.I)
_APPOSITION_1 = re.compile(r",[^,;.()]{1,110},\s*")
_APPOSITION_2 = re.compile(r"(?:,[^,;.()]{1,110}){2},\s*")
_LEADING_ADVERBS = re.compile(
    r"^(?:(?:last|this|on|also|has|have|had|now|earlier|later|again|\w+day)\s+)*", re.I)
_NOT_ATTRIBUTION_BEFORE = re.compile(r"\b(?:an?|the|is|are|was|were|be|been|being)\s+$", re.I)
_NATIONAL_ADJ = {"Ukrainian": "Ukraine", "South Korean": "South Korea", "Russian": "Russia",
                 "American": "United States", "British": "Other", "Japanese": "Other",
                 "Dutch": "Other", "French": "Other", "German": "Other", "Polish": "Other"}
_URLISH = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+|\[email[^\]]*\]|\S+\.(?:htm|html|php)\b")
_MODIFIER = re.compile(
    r"(?:north|korean|koreans|n\.|dprk|kpa|pyongyang's|more|additional|extra|new|fresh|"
    r"elite|special|military|army|combat|regular|active|of|the|its|their|his|these|those|them|"
    r"such|elite|skilled|trained|infantry|other|young|strong|well-trained|highly|from|"
    r"reported|reportedly|alleged|so-called|storm|assault|airborne|professional|"
    r"frontline|front-line|combat-ready|korean-speaking|odd|-?strong|plus|\+)", re.I)
_BARE_NEXT = {
    "in", "by", "at", "and", "or", "as", "were", "was", "are", "is", "have", "has", "had",
    "since", "according", "on", "during", "this", "last", "so", "to", "into", "with", "who",
    "that", "which", "will", "would", "could", "may", "might", "being", "been", "now",
    "already", "near", "across", "inside", "over", "under", "for", "after", "before",
    "people", "said", "says", "while", "but", "when", "there", "altogether", "total",
    "overall", "so far", "a", "per", "among", "men", "including", "of", "sent", "brought",
    "flown", "taken", "gone", "put",
}
_WORD_RE = re.compile(r"[\w'’.+-]+|[^\w\s]")
_GENERIC_PEOPLE = {"people", "men", "members", "staff", "crew", "crews"}
_NON_PERSONNEL = _alternation(vocab.NON_PERSONNEL)
_NOT_COUNTED = set(vocab.NOT_MILITARY) | {s for s in vocab.OTHER_SIDES if " " not in s}


@lru_cache(maxsize=1)
def _claimant_patterns() -> tuple[re.Pattern, re.Pattern]:
    table = _CLAIMANTS
    cased = [k for k in table if k != k.lower()] + list(_NATIONAL_ADJ)
    lower = [k for k in table if k == k.lower()]
    return _alternation(cased, flags=0), _alternation(lower)


@dataclass
class LocalNames:
    """People an article introduces with their side ("Dmytro Ponomarenko, Ukraine's
    ambassador"), known in that article by full name and surname."""
    table: dict[str, tuple[str, str]]
    pattern: re.Pattern | None


_NAME = r"(?:[A-Z][a-z]+(?:[-'’][A-Za-z]+)?)(?:\s+[A-Z][a-z]+(?:-[a-z]+)?){1,2}"
_TITLE = r"(?:(?:Mr|Ms|Mrs|Dr|Gen|Lt|Col|Rep|Sen|Adm|Maj|Capt)\.?\s+)*"


@lru_cache(maxsize=1)
def _introductions() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """A side ("Ukraine's", "South Korean"), and around it a name and a role."""
    roles = _trie(vocab.ROLE_NOUNS)
    side = re.compile(rf"\b(?:{_trie(vocab.SIDE_FORMS)})(?![\w'’])")
    name_before = re.compile(rf"{_TITLE}(?P<name>{_NAME}),\s+(?:the\s+|a\s+)?$")
    role_after = re.compile(rf"\s+(?:[\w-]+\s+){{0,4}}?(?:{roles})\b")
    name_after = re.compile(rf"\s+(?:[\w-]+\s+){{0,4}}?(?:{roles})(?:\s+[a-z]+\s+[A-Z][\w.-]*"
                            rf"(?:\s+[A-Z][\w.-]*)?)?,?\s+{_TITLE}(?P<name>{_NAME})\b")
    return side, name_before, role_after, name_after


_BODY_WORD = re.compile(rf"\b(?:{_trie(vocab.INDEPENDENT_BODIES)})\b")
_BODY = re.compile(rf"(?<![\w'’])(?:[A-Z][\w'’&-]*\s+){{1,4}}(?:{_trie(vocab.INDEPENDENT_BODIES)})"
                   r"(?:\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?\b")


def _side_in_name(name: str) -> str | None:
    """The side a name carries in it: "of Ukraine", "Korea Institute" (None if none)."""
    if _KOREA.search(name) and not re.search(r"\bSouth\b", name):
        return "North Korea"
    cased, _ = _claimant_patterns()
    for m in cased.finditer(name):
        group = _lookup_claimant(m.group(0))[1]
        if group not in ("Other", "Unattributed"):
            return group
    return None


def learn_names(text: str) -> LocalNames:
    """The article's own cast: unknown names introduced with a side and a role
    ("Dmytro Ponomarenko, Ukraine's ambassador", "South Korean lawmaker Yu Yong-weon")."""
    side, name_before, role_after, name_after = _introductions()
    table: dict[str, tuple[str, str]] = {}
    for m in side.finditer(text):
        group = vocab.SIDE_FORMS[m.group(0).replace("’", "'")]
        names = []
        before = name_before.search(text, max(0, m.start() - 70), m.start())
        if before and role_after.match(text, m.end(), m.end() + 60):
            names.append(before.group("name"))
        after = name_after.match(text, m.end(), m.end() + 140)
        if after:
            names.append(after.group("name"))
        for name in names:
            if name in _CLAIMANTS or name.split()[0] in _CLAIMANTS:
                continue
            table.setdefault(name, (name, group))
            parts = name.split()
            alias = parts[0] if "-" in parts[-1] else parts[-1]
            if alias not in _CLAIMANTS:
                table.setdefault(alias, (name, group))
    bodies = {re.sub(r"^The\s+", "", m.group(0)) for m in _BODY.finditer(text)} - set(_CLAIMANTS) \
        if _BODY_WORD.search(text) else set()  # the full pattern is slow; most texts name none
    for name in sorted(bodies, key=len, reverse=True):
        # a body named for a side speaks for it ("National Resistance Centre of Ukraine"),
        # and so does its short form ("Resistance Centre")
        longer = next((table[b][1] for b in bodies if name in b and b in table), None)
        table.setdefault(name, (name, longer or _side_in_name(name) or "Other"))
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(table, key=len, reverse=True)))
                         + r")\b") if table else None
    return LocalNames(table, pattern)


def _lookup_claimant(surface: str, local: LocalNames | None = None) -> tuple[str, str]:
    key = " ".join(surface.split()).replace("’", "'")
    if local and surface in local.table:
        return local.table[surface]
    if key in _CLAIMANTS:
        return _CLAIMANTS[key]
    if key.lower() in _CLAIMANTS:
        return _CLAIMANTS[key.lower()]
    group = _NATIONAL_ADJ[key]
    return (f"{key} source", group)


# --- sentences ---------------------------------------------------------------------------

@dataclass
class Sentence:
    start: int
    end: int
    text: str
    para: int


@lru_cache(maxsize=1)
def _nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Paragraphs (lines) split into sentences, with offsets into `text`."""
    out: list[Sentence] = []
    nlp = _nlp()
    for para, m in enumerate(re.finditer(r"[^\n]+", text[start:end])):
        line = m.group(0)
        if not line.strip():
            continue
        base = start + m.start()
        if not _CANDIDATE.search(line):
            # no number: the paragraph is context only, kept whole (spaCy is the cost here)
            s, e = len(line) - len(line.lstrip()), len(line.rstrip())
            out.append(Sentence(base + s, base + e, line[s:e], para))
            continue
        for sent in nlp(line).sents:
            s, e = sent.start_char, sent.end_char
            while s < e and line[s].isspace():
                s += 1
            while e > s and line[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Sentence(base + s, base + e, line[s:e], para))
    return out


# --- the pieces of one figure --------------------------------------------------------------

@dataclass
class Context:
    """What one number phrase sits in: the sentence, the text before and after it."""
    sentence: Sentence
    number: NumberPhrase
    before: str      # sentence text before the number, as written
    after: str       # sentence text after the number


def _qualifier(ctx: Context) -> tuple[str, int, int]:
    """The qualifier and the quote's extra characters before and after the number."""
    if ctx.number.is_range:
        return "range", 0, 0
    before_l = ctx.before.lower()
    best = None
    m = _QUALIFIER_BEFORE.search(before_l)
    if m:
        best = (vocab.QUALIFIER_BEFORE[re.sub(r"\s+", " ", m.group(1))], m.group(0))
    after = ctx.after
    if re.match(r"\+|-plus\b", after):
        return "more_than", len(best[1]) if best and best[0] != "more_than" else 0, \
            len(re.match(r"\+|-plus", after).group(0))
    for phrase, qual in vocab.QUALIFIER_AFTER.items():
        m = re.match(rf"\s+{re.escape(phrase)}\b", after, re.I)
        if m and phrase != "plus":
            return qual, 0, len(m.group(0))
    if best:
        return best[0], len(best[1]), 0
    return "exact", 0, 0


def _bounds(qualifier: str, value: float, high: float | None) -> tuple[float | None, float | None]:
    if qualifier == "range":
        return value, high
    return {
        "exact": (value, value), "approx": (value, value), "at_least": (value, None),
        "more_than": (value, None), "up_to": (None, value), "nearly": (None, value),
    }[qualifier]


def _noun(after: str) -> tuple[str, str | None, int]:
    """What the number counts, read from the words after it.

    Returns (kind, measure, chars consumed): kind is personnel, casualty, bare or other.
    Known modifiers (`North Korean`, `elite`) are skipped freely; up to two unknown words
    may stand before the noun (`special operations soldiers`).
    """
    strong = _STRONG_UNIT.match(after)
    if strong:
        return "personnel", None, strong.end()  # "a 12,000-strong contingent"
    pos, words, unknown = 0, 0, 0
    gloss = re.match(r"\s*:\s+(?=\S)", after)
    if gloss:
        pos = gloss.end()  # a list of figures: "- About 3,500: North Korean soldiers who ..."
    while words < 7:
        pos += re.match(r"[\s\-]*", after[pos:]).end()
        rest = after[pos:]
        cm = _CASUALTY.match(rest)
        if cm:
            cue = re.sub(r"\s+", " ", cm.group(0).lower())
            return "casualty", vocab.CASUALTY_CUES[cue], pos + cm.end()
        pm = _PERSONNEL.match(rest)
        if pm:
            word = pm.group(0).lower()
            if word in _GENERIC_PEOPLE and words > 0 and \
                    not re.search(r"korean|military|army", after[:pos], re.I):
                return "other", None, pos
            return "personnel", None, pos + pm.end()
        wm = _WORD_RE.match(rest)
        if not wm:
            return ("bare" if unknown == 0 else "other"), None, pos
        low = wm.group(0).lower().strip("’'").rstrip(".")
        if low == "south" and re.match(r"south\s+korean", rest, re.I):
            return "other", None, pos  # South Korean troops are another side's
        if _NON_PERSONNEL.fullmatch(low) or low in _NOT_COUNTED:
            return "other", None, pos
        if _MODIFIER.fullmatch(low):
            pos += wm.end()
            words += 1
            continue
        if not low or not low[0].isalnum() or low in _BARE_NEXT:
            return ("bare" if unknown == 0 else "other"), None, pos
        if low.endswith("ed") and unknown == 0:
            return "bare", None, pos  # "3,000 arrived", "9,000 more expected"
        unknown += 1
        if unknown > 2:
            return "other", None, pos
        pos += wm.end()
        words += 1
    return "other", None, pos


def _casualty_measure(window: str) -> str | None:
    """killed + wounded cues together mean casualties."""
    kinds = {vocab.CASUALTY_CUES[re.sub(r"\s+", " ", m.group(0).lower())]
             for m in _CASUALTY.finditer(window)}
    if not kinds:
        return None
    if "casualties" in kinds or {"killed", "wounded"} <= kinds:
        return "casualties"
    for kind in ("captured", "killed", "wounded"):
        if kind in kinds:
            return kind
    return None


# "... 1,500 soldiers and was preparing to send ...": the verb after "and" is another predicate
_NEW_PREDICATE = (r"(?:was|were|is|are|has|have|had|would|will|intends?|intended|plans?|planned|"
                  r"expects?|expected)\b")
_CASUALTY_WORD = r"(?:killed|dead|wounded|injured|missing|captured)\b"


def _clause_after(after: str, limit: int = 90) -> str:
    """The words after a number that still belong to its clause."""
    cut = re.search(rf"[;:.!?()“”\"]|,\s(?!{_CASUALTY_WORD})|\s(?:while|but|whereas|and\s+that)\s|"
                    rf"\s(?:and|but)\s+(?:(?:it|they|he|she|Pyongyang|the\s+North)\s+)?{_NEW_PREDICATE}|"
                    rf"(?<!\d)(?!(?:19|20)\d\d\b)(?!\d+(?:st|nd|rd|th)\b){_CANDIDATE.pattern}", after, re.I)
    end = cut.start() if cut else len(after)
    if cut and cut.group(0).startswith(","):
        # "The first group, 2.6 thousand soldiers, is to be sent": the verb after an apposition
        m = re.match(r",\s+(?:(?:both|all|each|mostly)\s+\w+,\s+)?(?:is|are|was|were|will|would|could|"
                     r"have|has|had|may|might)\b[^;:.!?()\d]*", after[cut.start():])
        if m:
            end = cut.start() + m.end()
    return after[:min(end, limit)]


def _clause_before(before: str, comma: bool) -> str:
    """The words before a number that still belong to its clause. A short label ending
    in a colon ("- Killed or wounded so far: 4,000") stays: it says what is counted."""
    stops = r"[;!?]|:(?!\s*$)|\s(?:while|but|whereas)\s|\d[\d,.]*\s*\w*\b"
    if comma:
        stops += r"|,\s"
    cuts = [m for m in re.finditer(stops, before)
            if not (m.group(0) == ":" and len(before[:m.start()].split()) <= 10)]
    if before.rstrip().endswith(":") and len(before.split()) > 7:
        cuts.append(re.search(r":\s*$", before))  # "X said: 3,000": a quote opens
    start = max((m.end() for m in cuts), default=0)
    return before[max(start, len(before) - 140):]


def _troop_measure(before: str, after: str, default: str = "troops_deployed") -> str:
    """troops_planned when the nearest cue says so, troops_deployed when it says that,
    else `default`."""
    if _MODAL_HAVE.search(before):
        return "troops_planned"  # "could have 10,000 soldiers in Russia by December"
    after_clause = _clause_after(after)
    cues = []
    for m in _PLANNED.finditer(after_clause):
        cues.append((m.start(), "planned", m.group(0).lower()))
    for m in _DEPLOYED.finditer(after_clause):
        if not _AS_NOUN.search(after_clause[:m.start()]) or m.group(0).lower() not in vocab.NOUN_CUES:
            cues.append((m.start(), "deployed", m.group(0).lower()))
    strong = [c for c in cues if c[2] not in _WEAK_PLANNED]
    if strong:
        return "troops_planned" if min(strong)[1] == "planned" else "troops_deployed"
    before_clause = _clause_before(before, comma=True)
    cues = []
    for m in _PLANNED.finditer(before_clause):
        cues.append((len(before_clause) - m.end(), "planned", m.group(0).lower()))
    for m in _DEPLOYED.finditer(before_clause):
        cues.append((len(before_clause) - m.end(), "deployed", m.group(0).lower()))
    strong = [c for c in cues if c[2] not in _WEAK_PLANNED]
    if strong:
        return "troops_planned" if min(strong)[1] == "planned" else "troops_deployed"
    if any(c[1] == "planned" for c in cues):
        return "troops_planned"
    return default


# --- claimants ---------------------------------------------------------------------------

@dataclass
class Speaker:
    start: int
    end: int
    name: str
    group: str


def _claimant_spans(text: str, local: LocalNames | None) -> list[re.Match]:
    """Every claimant name in `text` (known or the article's own), in order, longest first
    where two start together."""
    cased, lower = _claimant_patterns()
    patterns = (cased, lower) + ((local.pattern,) if local and local.pattern else ())
    return sorted([m for p in patterns for m in p.finditer(text)], key=lambda m: (m.start(), -m.end()))


def speakers(sentence: str, local: LocalNames | None = None) -> list[Speaker]:
    """Claimant names in a sentence that stand as the source of a statement."""
    cased, lower = _claimant_patterns()
    found: list[Speaker] = []
    spans = _claimant_spans(sentence, local)
    outlets = [(m.start(), m.end()) for m in _OUTLETS.finditer(sentence)]
    last_end = -1
    inside_until = -1  # the end of a found speaker's apposition
    kept: list[re.Match] = []
    for m in spans:
        if m.start() < last_end or any(s <= m.start() < e for s, e in outlets):
            continue
        last_end = m.end()
        kept.append(m)
    for k, m in enumerate(kept):
        if m.start() < inside_until:
            continue
        nxt = kept[k + 1] if k + 1 < len(kept) else None
        if m.group(0) in _NATIONAL_ADJ and nxt and \
                re.fullmatch(r"\s+(?:[A-Z][\w.-]*\s+){0,2}", sentence[m.end():nxt.start()]):
            continue  # "South Korean Joint Chiefs of Staff": the adjective is part of the name
        same_source = found and found[-1].group == _lookup_claimant(m.group(0), local)[1] and \
            m.start() - found[-1].end < 25
        if same_source and not re.fullmatch(r"['’]s\s+", sentence[found[-1].end:m.start()]):
            continue  # "The National Intelligence Service (NIS) of South Korea": keep the first
        name, group = _lookup_claimant(m.group(0), local)
        prev = kept[k - 1] if k > 0 else None
        lead = prev.start() if prev is not None and prev.group(0) in _NATIONAL_ADJ and \
            re.fullmatch(r"\s+(?:[A-Z][\w.-]*\s+){0,2}", sentence[prev.end():m.start()]) else m.start()
        before = sentence[:lead]
        after = sentence[m.end():]
        attributed = bool(_ATTR_BEFORE.search(before[-40:])) or bool(
            re.search(r"\bby\s+(?:the\s+)?$", before[-14:], re.I) and _ROLE_AFTER.match(after))
        if not attributed and _PREPOSITION_BEFORE.search(before[-14:]):
            continue  # "in Russia, saying", "war against Ukraine": a place, not a source
        if m.group(0) in _NATIONAL_ADJ and not _OFFICIAL_NOUN.match(after):
            continue  # "an American defence publication": an adjective, not a source
        if not attributed and _ROLE_AFTER.match(after):
            attributed = True  # "Ukraine's ambassador said", "By UK Defence Intelligence's reckoning"
        if not attributed and _SOURCE_NOTE.search(before.rstrip()) \
                and re.match(r"\s*(?:[)\];,/]|(?:and|via)\b)", after):
            attributed = True  # a source note: "25,000 more (Ukrainian intelligence)", "[NIS, April]"
        if not attributed:
            # "Shoigu, the secretary of Russia's Security Council, who has visited Pyongyang,
            # told reporters": skip appositions between commas to the verb after them; names
            # inside them are not sources
            for appos in (_APPOSITION_1.match(after), _APPOSITION_2.match(after)):
                if appos and _ATTR_VERB.match(_LEADING_ADVERBS.sub("", after[appos.end():])):
                    attributed = True
                    inside_until = m.end() + appos.end()
                    break
        if not attributed:
            # "Kirby, the White House spokesman, said": allow an apposition
            window = re.split(r"[.;]", after, maxsplit=1)[0][:110]
            for vm in _ATTR_VERB.finditer(window):
                if _NOT_ATTRIBUTION_BEFORE.search(window[:vm.start()]):
                    continue  # "an estimated 4,700", "is believed to"
                lead_in = window[:vm.start()]
                if re.search(r"\b(?:that|which)\b|\d", lead_in) or \
                        re.search(r"\b(?:he|she|they|it|we|i)\s+(?:\w+\s+)?$", lead_in, re.I):
                    break  # the verb belongs to another clause or to "he" ("X's forces, he said")
                # "Russia, NATO said": the verb belongs to the nearer name, unless it is
                # the same source again ("The NIS of South Korea reported") or a joint one
                # ("Kyiv and Seoul say": the first named stands for both)
                joint = _JOINT.fullmatch(lead_in)
                others = [o for pat in (cased, lower) for o in pat.finditer(lead_in)
                          if _lookup_claimant(o.group(0), local)[1] != group]
                attributed = not others or bool(joint)
                break
        if not attributed and m.start() < 3 and re.match(r"\s*:", after):
            attributed = True  # headline form "Zelensky: ..."
        if same_source:
            # "South Korea's National Intelligence Service": the agency speaks for both
            found[-1] = Speaker(m.start(), m.end(), name, group)
        elif attributed:
            found.append(Speaker(m.start(), m.end(), name, group))
    return found


def _choose_speaker(ctx: Context, spk: list[Speaker]) -> Speaker | None:
    pos = len(ctx.before)
    end = pos + len(ctx.number.text)
    clause_start = 0
    for m in re.finditer(r";|\s(?:while|whereas)\s|,\s+but\s", ctx.before):
        clause_start = m.end()
    in_clause = [s for s in spk if clause_start <= s.start < pos]
    named = [s for s in in_clause if s.group != "Unattributed"]
    if in_clause:
        # "A lawmaker, citing reports from the spy agency, said": the named source stands
        return max(named or in_clause, key=lambda s: s.start)
    later = [s for s in spk if s.start >= end]
    if later:
        return min(later, key=lambda s: s.start)
    earlier = [s for s in spk if s.start < pos]
    if earlier:
        return max(earlier, key=lambda s: s.start)
    return None


# --- the article ---------------------------------------------------------------------------

_LEADER = re.compile(r"[ \t]*(?:\.[ \t]?){4,}")


def _mask(text: str) -> str:
    """URLs, e-mail addresses and file names blanked out, and a dot leader read as the
    colon it stands for ("Killed ........ ~600" → "Killed:        ~600"), offsets kept."""
    if "...." in text or ". . . ." in text:
        text = _LEADER.sub(lambda m: ":" + " " * (len(m.group(0)) - 1), text)
    if not any(mark in text for mark in ("http", "www.", "@", ".htm", ".php", "[email")):
        return text  # the common case, and the regex is slow on long text
    return _URLISH.sub(lambda m: " " * len(m.group(0)), text)


def _surface_ok(text: str, phrase: NumberPhrase) -> bool:
    before = text[max(0, phrase.start - 12):phrase.start]
    after = text[phrase.end:phrase.end + 24]
    if re.search(r"[\w][/:]$|/$|[$€£₩#№]\s*$|[A-Za-z]-$|\b[Nn]o\.\s*$", before):
        return False
    if re.match(r"\s*(?:%|percent|per\s*cent|/|:\d|°|-year|-day|-month|-week|th\b|st\b)", after, re.I):
        return False
    if re.match(r"\s*(?:am|pm|a\.m\.|p\.m\.|GMT|UTC|KST)\b", after):
        return False
    if re.search(r"\b(?:January|February|March|April|May|June|July|August|September|October|"
                 r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s*$",
                 before) and phrase.value <= 31 and (phrase.high or 0) <= 31:
        return False  # "Dec. 23", "Oct. 27-28"
    if re.match(r"\s*(?:January|February|March|April|May|June|July|August|September|October|"
                r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b", after) \
            and phrase.value <= 31:
        return False
    if re.search(r"\b(?:one|\d+)\s+(?:in|out\s+of)\s*$", before) or \
            re.match(r"\s+(?:in|out\s+of)\s+(?:every\s+)?(?:two|three|four|five|ten|\d+)\b", after):
        return False  # "one in three" is a ratio
    if re.match(r"\s+[\w-]+\s+(?:for|to)\s+(?:every|each)\b", after):
        return False  # a ratio: "nine wounded for every soldier killed"
    if re.search(r"\b(?:none|all|each|any|both|either|neither|most)\s+of\s+(?:the|these|those)\s*$",
                 before, re.I):
        return False  # "none of the three": the figure was given before
    if before.endswith("[") and after.startswith("]"):
        return False  # a footnote mark: "as replacements.[3]"
    if re.match(r"(?:\s*(?:and|or|to|-)\s*\d+)?[\s-]+years?[\s-]+old\b", after) or \
            re.search(r"\baged\s*$", before):
        return False  # ages: "the men are 20 and 26 years old"
    if re.search(r"[\"“‘']$", before) and re.match(r"[\"”’']", after) and \
            re.fullmatch(r"\d[\d,.]*", phrase.text):
        return False  # a number in quotes is a name or a code: 'a "200" is a dead soldier'
    digits = phrase.text.strip()
    if re.fullmatch(r"(?:19|20)\d\d", digits):
        return False  # a year; counts this size are written with a separator or words
    if phrase.value < 1 or phrase.value != int(phrase.value):
        return False
    return True


_LIST_LINE = 120  # characters: a paragraph this short is a list line, a heading or a label


def _korea_near(sentences: list[Sentence], i: int, title: str) -> bool:
    """The sentence, one of the three before it, or the title speaks of North Korea; for a
    line of a list (short paragraphs one after another), the three sentences before the
    list may."""
    if any(_KOREA.search(sentences[j].text) for j in range(max(0, i - 3), i + 1)):
        return True
    if _KOREA.search(title):
        return True
    reach = max(0, i - 40)
    length: dict[int, int] = {}
    for sent in sentences[reach:i + 1]:
        length[sent.para] = length.get(sent.para, 0) + len(sent.text)
    j = i
    while j >= reach and length[sentences[j].para] <= _LIST_LINE:
        j -= 1
    return j < i and any(_KOREA.search(sent.text) for sent in sentences[max(0, j - 2):i])


def extract_article(article: Article) -> list[dict]:
    """All figure mentions of one article, in text order."""
    text = article.text
    masked = _mask(text)
    published = article.published
    sentences = split_sentences(masked, article.body_start, len(text))
    local = learn_names(article.body)
    rows: list[dict] = []
    last_dates: list = []          # the latest resolved date, for "the same day"
    prev_speakers: list[tuple[int, Speaker, object]] = []  # (sentence index, speaker, date)
    title = article.meta.get("title") or ""
    tables = find_tables(masked, article.body_start, len(text))
    in_tables = {i for i, sent in enumerate(sentences)
                 if any(t.start <= sent.start < t.end for t in tables)}
    with_numbers = {i for i, sent in enumerate(sentences)
                    if i not in in_tables and _CANDIDATE.search(sent.text)}
    # dates and speakers are read only where a number is, or up to three sentences before
    needed = {j for i in with_numbers for j in range(max(0, i - 3), i + 1)}
    for i, sent in enumerate(sentences):
        if i not in needed:
            continue
        s_text = masked[sent.start:sent.end]
        resolved = [(d.start, d.end, last_dates[-1] if d.kind == "same_day" and last_dates
                     else d.date) for d in find_dates(s_text, published)]
        spk = speakers(s_text, local)
        phrases = [p for p in find_numbers(masked, sent.start, sent.end) if _surface_ok(masked, p)] \
            if i in with_numbers and not _CORRECTED.search(s_text) else []
        sentence_date = _claim_date(s_text, spk, resolved)
        kept = True
        for p in phrases:
            rel_start, rel_end = p.start - sent.start, p.end - sent.start
            ctx = Context(sent, p, s_text[:rel_start], s_text[rel_end:])
            if not kept and re.match(r"\s+(?:others|more)\b", ctx.after):
                continue  # "killed 18 Russian servicemen, wounded 33 others"
            row = _figure(ctx, sentences, i, spk, prev_speakers, sentence_date, rows, title)
            kept = row is not None
            if row is None:
                continue
            rows.append(_placed(row, article, sent.start, sent.end, sent.para == sentences[0].para))
        last_dates.extend(d for _, _, d in resolved if d is not None)
        if spk:
            prev_speakers.append((i, spk[-1], sentence_date))
        elif prev_speakers and i - prev_speakers[-1][0] <= 3 and _names_back(s_text):
            # "He added ..." keeps the speaker for the sentences after it
            prev_speakers.append((i, prev_speakers[-1][1], sentence_date or prev_speakers[-1][2]))
    prose = [sent for i, sent in enumerate(sentences) if i not in in_tables]
    for table_row in tables:
        rows += _table_figures(table_row, article, masked, prose, local, title)
    rows.sort(key=lambda r: r["start"])
    _headline_follows_body(rows)
    _share_attribution(rows)
    _date_from_article(rows, prev_speakers, sentences)
    return rows


def _headline_follows_body(rows: list[dict]) -> None:
    """A headline figure the body states too takes the body's measure: the headline is
    terse ("11 thousand will be ready to fight"), the body says what was counted."""
    body: dict[tuple, set[str]] = {}
    for row in rows:
        if not row["headline"]:
            body.setdefault((row["value"], row["low"], row["high"]), set()).add(row["measure"])
    for row in rows:
        measures = body.get((row["value"], row["low"], row["high"]), set())
        if row["headline"] and len(measures) == 1:
            row["measure"] = next(iter(measures))


def _placed(row: dict, article: Article, start: int, end: int, headline: bool) -> dict:
    """A figure with where it stands: its article, sentence (or table row) and quote."""
    published = article.published
    row.update(article=article.name, published=published.isoformat() if published else None,
               sentence=article.text[start:end], sentence_start=start, sentence_end=end,
               headline=headline)
    row["quote"] = article.text[row["start"]:row["end"]]
    row["mention_id"] = f"{article.name}:{row['start']}-{row['end']}"
    return row


def _cell_speaker(cell: str, local: LocalNames) -> Speaker | None:
    """The claimant a table's source cell names ("NIS (South Korea)", "Zelensky")."""
    found = _claimant_spans(cell, local)
    if not found:
        return None
    name, group = _lookup_claimant(found[0].group(0), local)
    return Speaker(found[0].start(), found[0].end(), name, group)


def _table_figures(table_row: TableRow, article: Article, masked: str, prose: list[Sentence],
                   local: LocalNames, title: str) -> list[dict]:
    """The figures of one table row: a number under a measure's column counts that measure;
    a number in a text column is read like a sentence. The source and date columns say
    who made the estimate and when."""
    cells = {c.role: c for c in reversed(table_row.cells)}
    speaker = _cell_speaker(cells["source"].text, local) if "source" in cells else None
    day = next((d.date for d in find_dates(cells["date"].text, article.published) if d.date),
               None) if "date" in cells else None
    before = [s for s in prose if s.end <= table_row.start][-3:]  # what the table is about
    rows: list[dict] = []
    for cell in table_row.cells:
        if cell.role in ("date", "source"):
            continue
        sent = Sentence(cell.start, cell.end, cell.text, -1)
        context = before + [sent]
        found: list[dict] = []
        for p in find_numbers(masked, cell.start, cell.end):
            if not _surface_ok(masked, p):
                continue
            ctx = Context(sent, p, masked[cell.start:p.start], masked[p.end:cell.end])
            if cell.role in vocab.MEASURES:
                if not _korea_near(context, len(context) - 1, title):
                    continue
                row = _figure_row(ctx, cell.role, speaker, day)
            else:
                row = _figure(ctx, context, len(context) - 1, [], [], day, found, title)
                if row is None:
                    continue
            if speaker is not None and row["claimant"] is None:
                row.update(claimant=speaker.name, claimant_group=speaker.group)
            row["claim_date"] = row["claim_date"] or (day.isoformat() if day else None)
            row["sentence_start"] = cell.start  # the cell is the sentence its neighbours share
            found.append(row)
        rows += [_placed(row, article, table_row.start, table_row.end, False) for row in found]
    return rows


def _date_from_article(rows: list[dict], spoke: list, sentences: list[Sentence]) -> None:
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
                not _EARLIER_CLAIM.search(row["sentence"]):
            row["claim_date"] = next(iter(found)).isoformat()


def _out_of_scope(ctx: Context, kind: str, consumed: int) -> bool:
    """A whole army, or another side's troops or losses."""
    if kind == "personnel" and _ARMY.search(ctx.after[:consumed + 12]):
        return True
    near_before = ctx.before[-40:]
    if re.search(r"\b(?:army|armies|armed forces|militar(?:y|ies)|strong|population),?\s+"
                 r"(?:of|with|numbering|totalling|totaling|(?:is|was)\s+(?:estimated|put|thought|believed)"
                 r"\s+(?:to\s+be\s+|at\s+)|stands\s+at)\s*(?:\w+\s+){0,2}$", near_before, re.I):
        return True  # "an army of 1.2 million", "militaries, with roughly 1.2 million"
    modifiers = ctx.after[:consumed]
    if _OTHER_SIDE_AFTER.match(modifiers):
        return True
    tail = ctx.before[-30:]
    if _OTHER_SIDE_BEFORE.search(tail) and not _KOREA.search(tail):
        return True
    clause = _clause_before(ctx.before, comma=False)
    if _LOSS_SUBJECT.search(clause[-60:]) and not _KOREA.search(clause):
        return True
    # "Russia's own losses, which US officials put at about 1,200"
    # (numbers inside the clause do not end it here: "put Russian losses over 24 hours at")
    wide = re.split(r"[;:]|\s(?:while|but|whereas)\s", ctx.before)[-1][-90:]
    other = list(_OTHER_LOSSES.finditer(wide))
    return bool(other and not _KOREA.search(wide[other[-1].end():]) and (
        kind != "personnel" or not _KOREA.search(ctx.after[:consumed])))


def _measure(ctx: Context, kind: str, cue: str | None, consumed: int, rows: list[dict],
             sentences: list[Sentence], i: int) -> str | None:
    """The measure of a figure, or None when the number is not a count of personnel."""
    after = ctx.after[consumed:]
    if kind == "bare" and re.match(r"\s*(?:more|others)\b", ctx.after) and _COUNTED_THING.search(ctx.before):
        return None  # "31 of the 52 drones ..., and 14 more were lost": more of the same things
    if _MIXED_SUBJECT.search(_clause_before(ctx.before, comma=False)):
        return None  # "Russian and North Korean soldiers ... number an estimated 63,000"
    if _SWAP.search(_clause_before(ctx.before, comma=False)[-60:]) and \
            _casualty_measure(_casualty_window(ctx.after)) == "captured":
        return None  # a prisoner swap is of Russians and Ukrainians
    verb = _VERB_BEFORE.search(ctx.before[-30:])
    if verb:
        # "Ukrainian forces captured two wounded soldiers", "killing 21 and wounding 40"
        return vocab.VERBS_BEFORE[re.sub(r"\s+", " ", verb.group(1).lower())]
    after_cas = _casualty_measure(_casualty_window(after))
    if not after_cas and _MISSING.search(_casualty_window(after)):
        return None  # missing is not a measure
    if not after_cas and kind == "bare" and rows and rows[-1]["sentence_start"] == ctx.sentence.start and (
            _PART.match(ctx.after) or re.search(r"\b(?:another|a\s+further)\s+$", ctx.before)):
        previous = rows[-1]["measure"]  # "killed 13 soldiers, five of them in a firefight"
        if previous.startswith("troops"):
            # "planned to send another 6,000, and about 1,000 of them had already arrived"
            return _troop_measure("", after, previous)
        return previous
    if kind == "casualty":
        return _casualty_measure(_casualty_window(ctx.after)) or cue
    if kind == "personnel":
        shared = _shared_measure(ctx, rows)
        before_cas = _casualty_measure(_clause_before(ctx.before, comma=True)[-70:])
        if _MIXED_FORCE.match(after):
            return None  # "a force of 50,000 troops, North Koreans among them"
        return after_cas or before_cas or shared or _troop_measure(
            ctx.before, after, _sentence_measure(ctx, rows))
    # a bare number: what it counts stands before it ("casualties exceed 3,000")
    clause = _clause_before(ctx.before, comma=False)
    if re.search(r"\b(?:times|fold|percent|per cent|km|kilometers|miles)\b", after[:15], re.I):
        return None
    if not after_cas and (_SENT_AFTER.match(after) or _THERE_AFTER.match(after)) and (
            _PERSONNEL.search(clause) or _WHOLE_BEFORE.search(clause) or not _NON_PERSONNEL.search(clause)):
        # "600 soldiers had been killed, out of around 15,000 sent": its own verb decides
        return _troop_measure(ctx.before, after)
    cas = after_cas or _casualty_measure(clause)
    if cas:
        return cas
    label, colon, rest = ctx.before.rpartition(":")
    if colon and len(rest.split()) <= 2 and len(label.split()) <= 10 and (
            _DEPLOYED.search(label) or _PLANNED.search(label)):
        return _troop_measure(label + ":", after)  # a label: "Sent, both waves: ~15,000"
    if _PERSONNEL.search(clause):
        return _shared_measure(ctx, rows) or _troop_measure(ctx.before, after,
                                                            _sentence_measure(ctx, rows))
    if _ANAPHOR.search(clause[-60:]) or re.match(r"\s*(?:more|others|additional)\b", ctx.after):
        measure = _inherited_measure(rows, ctx)
        if measure is None and i > 0:
            previous = sentences[i - 1].text
            measure = _casualty_measure(previous) or (
                _troop_measure(previous, "") if _PERSONNEL.search(previous) else None)
        if measure and measure.startswith("troops"):
            return _troop_measure(ctx.before, after, measure)
        if measure:
            return measure
    if _SUBJECT_NOUNS.search(clause) or re.search(r"\b(?:sent|deployed|dispatched)\s*$", clause, re.I):
        return _troop_measure(ctx.before, after)
    if rows and rows[-1]["sentence_start"] == ctx.sentence.start and rows[-1]["measure"].startswith(
            "troops") and (re.search(r"\b(?:and|or)\b", clause) or re.search(r"[:,]\s+(?:\w+\s+)?$", ctx.before)):
        # "... or even half a million", "15,000 in two rotations: roughly 11,000 in October"
        return _troop_measure(ctx.before, after, rows[-1]["measure"])
    return None


def _casualty_window(after: str) -> str:
    """Where casualty cues after a number still speak of it: up to the next number, and
    not into a purpose clause ("2,000 people to replace their losses")."""
    window = _clause_after(after, 80)
    return re.split(r"\bto\s+(?:replace|make\s+up|compensate|fill|offset|cover|avenge)\b",
                    window, maxsplit=1)[0]


def _sentence_measure(ctx: Context, rows: list[dict]) -> str:
    """With no cue of its own, a figure follows the figure before it in the same sentence:
    a troop figure another troop figure ("decided to send 1,000 sappers to clear mines and
    5,000 builders"), a part its whole ("killed 13 soldiers, five of them in a firefight
    and another eight with drones")."""
    if rows and rows[-1]["sentence_start"] == ctx.sentence.start:
        previous = rows[-1]["measure"]
        if previous.startswith("troops") or _PART.match(ctx.after) or \
                re.search(r"\b(?:another|a\s+further|the\s+other)\s+$", ctx.before):
            return previous
    return "troops_deployed"


def _shared_measure(ctx: Context, rows: list[dict]) -> str | None:
    """`1 thousand sappers and 5 thousand builders`: coordinated figures share a verb;
    `the two men` names a figure given before."""
    if rows and rows[-1]["sentence_start"] == ctx.sentence.start:
        between = ctx.sentence.text[rows[-1]["end"] - ctx.sentence.start:len(ctx.before)]
        if re.fullmatch(r"\s*(?:[\w-]+\s+){0,3}(?:and|or|plus|as well as)\s+(?:some\s+|about\s+)?", between):
            return rows[-1]["measure"]
    if re.search(r"\b(?:the|these|those|both)\s+$", ctx.before):
        same = [r for r in rows if r["value"] == _num(ctx.number.value)]
        if same:
            return same[-1]["measure"]
    return None


def _figure(ctx: Context, sentences: list[Sentence], i: int, spk: list[Speaker],
            prev_speakers: list, sentence_date, rows: list[dict], title: str) -> dict | None:
    p = ctx.number
    kind, cue, consumed = _noun(ctx.after)
    if kind == "other" or _out_of_scope(ctx, kind, consumed):
        return None
    if _RATE.match(ctx.after[consumed:]):
        return None  # "1,200 killed and wounded a day" is a rate, not a count
    if p.value == 1 and not p.text[0].isdigit() and (kind != "personnel" or re.match(r"\s+of\b", ctx.after)):
        return None  # "one of the soldiers", "one of the two prisoners"
    if not _korea_near(sentences, i, title):
        return None
    measure = _measure(ctx, kind, cue, consumed, rows, sentences, i)
    if measure is None:
        return None
    speaker = _choose_speaker(ctx, spk)
    claim_date = sentence_date
    if speaker is None:
        inherited = _previous_speaker(ctx, sentences, i, prev_speakers)
        if inherited is not None:
            speaker, date = inherited
            claim_date = claim_date or date
    if claim_date is None and speaker is not None and not _EARLIER_CLAIM.search(_own_part(ctx)):
        # "The NIS said on Friday ... The agency also estimated ...": the same briefing
        claim_date = next((d for _, sp, d in reversed(prev_speakers[-20:])
                           if d is not None and sp.group == speaker.group), None)
    return _figure_row(ctx, measure, speaker, claim_date)


def _figure_row(ctx: Context, measure: str, speaker: Speaker | None, claim_date) -> dict:
    """A figure's fields: its value and the bounds its wording gives, who and when, and the
    span of its quote (qualifier included)."""
    p = ctx.number
    qualifier, extra_before, extra_after = _qualifier(ctx)
    low, high = _bounds(qualifier, p.value, p.high)
    return {
        "value": _num(p.value), "low": _num(low), "high": _num(high), "qualifier": qualifier,
        "measure": measure,
        "claimant": speaker.name if speaker else None,
        "claimant_group": speaker.group if speaker else "Unattributed",
        "claim_date": claim_date.isoformat() if claim_date else None,
        "start": p.start - extra_before, "end": p.end + extra_after,
    }


def _own_part(ctx: Context) -> str:
    """The sentence up to the end of the figure's own statement: a clause after it that
    speaks of something else ("..., where Ukraine has held ground since August") is left
    out."""
    return ctx.before + ctx.number.text + re.split(
        r"\b(?:where|which|who|whom|while|when|whereas|since)\b|;", ctx.after, maxsplit=1)[0]


def _num(x: float | None) -> int | float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def _inherited_measure(rows: list[dict], ctx: Context) -> str | None:
    """`the number was more than 3,000` takes the measure of the figure just before."""
    if rows and ctx.sentence.start - rows[-1]["sentence_start"] < 600:
        return rows[-1]["measure"]
    return None


_PRONOUN_SOURCE = re.compile(rf"\baccording to (?:him|her|them|the (?:\w+ )?{_ROLE_NOUNS})\b", re.I)


def _names_back(sentence: str) -> bool:
    """The sentence's source is someone named before: "He said", "according to the agency"."""
    return bool(_PRONOUN_SPEAKER.search(sentence) or _PRONOUN_SOURCE.search(sentence))


def _previous_speaker(ctx: Context, sentences: list[Sentence], i: int, prev: list):
    """A speaker of the sentence before (same paragraph), or `He said` naming back."""
    if not prev:
        return None
    j, speaker, date = prev[-1]
    if j == i:
        return None
    if _names_back(ctx.sentence.text) and i - j <= 3:
        return speaker, date
    if j == i - 1 and sentences[j].para == ctx.sentence.para:
        return speaker, date
    return None


_ACCORDING = re.compile(r"\b(?:according\s+to|citing|quoting)\b", re.I)


def _claim_date(sentence: str, spk: list[Speaker], dates: list):
    """The date standing next to an attribution (`said on Monday`, `On the 23rd, the NIS
    reported`); a date elsewhere in the sentence dates an event, not the claim."""
    usable = [(start, end, d) for start, end, d in dates if d is not None]
    if not usable:
        return None
    anchors = [(s.start, s.end) for s in spk]
    anchors += [m.span() for p in (_ATTR_VERB, _ACCORDING) for m in p.finditer(sentence)]
    best = None
    for start, end, day in usable:
        for a_start, a_end in anchors:
            gap = max(a_start - end, start - a_end, 0)
            # "At the Dec. 12 ceremony for the engineers of the regiment, Kim said": an
            # opening phrase dates the statement that follows it
            opening = end <= a_start and gap <= 100 and re.fullmatch(r"[^,;]*,\s+(?:\w+\s+){0,3}",
                                                                      sentence[end:a_start])
            if (gap <= 45 or opening) and (best is None or gap < best[0]):
                best = (gap, day)
    return best[1] if best else None


# Wording that places a claim before the one the article reports: its date is not carried.
_EARLIER_CLAIM = re.compile(
    r"[(\[][^)\]]*\b(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b[^)\]\d]*[)\]]|"  # a source note with its month: "[NIS, April]"
    r"\b(?:had\s+(?:\w+\s+)?(?:said|put|estimated|reported|told|claimed|assessed|given|spoken)|"
    r"previously|earlier|before|ago|last\s+(?:week|month|year|fall|autumn|spring|summer|winter)|"
    r"(?:in|since|by)\s+(?:early\s+|late\s+|mid-?)?(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b)", re.I)


def _share_attribution(rows: list[dict]) -> None:
    """Mentions of one figure in an article share what any of them names: an unattributed
    repeat takes the claimant, an undated one the claim date."""
    def key(row: dict) -> tuple:
        return row["value"], row["measure"], row["low"], row["high"]

    named: dict[tuple, dict] = {}
    for row in rows:
        if row["claimant"]:
            named.setdefault(key(row), row)
    for row in rows:
        if row["claimant"] is None and key(row) in named:
            row["claimant"] = named[key(row)]["claimant"]
            row["claimant_group"] = named[key(row)]["claimant_group"]
    dated: dict[tuple, str] = {}
    for row in rows:
        if row["claim_date"]:
            dated.setdefault(key(row) + (row["claimant_group"],), row["claim_date"])
    for row in rows:
        if row["claim_date"] is None:
            row["claim_date"] = dated.get(key(row) + (row["claimant_group"],))


def extract_text(text: str, name: str = "<text>") -> list[dict]:
    """Figures of an article given as text (front matter allowed)."""
    return extract_article(parse_article(name, text))


def public_row(row: dict) -> dict:
    """The row with exactly the fields of FIGURES.md."""
    return {k: row[k] for k in OUTPUT_FIELDS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.extract",
        description="Print one JSON object per figure mention found in the articles.")
    parser.add_argument("paths", nargs="+", help="article files or folders")
    args = parser.parse_args(argv)
    failed = 0
    for path in iter_article_paths(args.paths):
        try:
            article = read_article(path)
            rows = extract_article(article)
        except ArticleError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
            continue
        for row in rows:
            print(json.dumps(public_row(row), ensure_ascii=False))
    return 1 if failed else 0


"""Who makes a claim: claimant names in a sentence that stand as the source of a
statement (`SOURCE_RULES`, an ordered list of named rules), and for a figure the speaker
it is credited to (the sentence's rules here, `attribution.CREDIT_RULES` the whole order); names map to
groups in vocab."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Callable

from analysis.extract import vocab
from analysis.extract.numbers import CANDIDATE
from analysis.extract.patterns import IgnoringCase, NeedsWords, alternation, exact, folds_to_ascii, trie
from analysis.extract.scope import KOREA
from analysis.extract.state import ArticleState, Context

_CLAIMANTS = vocab.claimant_table()
_NATIONAL_ADJ = vocab.NATIONAL_ADJECTIVES
_OUTLETS = alternation(vocab.OUTLETS, flags=0)
# "(Ukrainian intelligence)", "[NIS, April]", "[South Korea's JCS, March]": a source note
_SOURCE_NOTE = re.compile(r"""
    [(\[]                                           # the note opens
    (?:(?:via|per|source:?)\s+)?
    (?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['’]s)?      # "South Korea's"
    $""", re.I | re.X)
# an attribution verb ("said", "told reporters"); claim_date reads it too
ATTR_VERB = IgnoringCase(alternation(vocab.ATTRIBUTION_VERBS + vocab.ATTRIBUTION_VERBS_AFTER_NAME))
_ATTR_BEFORE = NeedsWords(re.compile(rf"(?:{trie(vocab.ATTRIBUTION_BEFORE)})\s+(?:the\s+)?$", re.I))
# "announced by the President of Ukraine", "according to the Ministry of Defence of Ukraine"
_ATTR_BEFORE_OFFICE_OF = NeedsWords(re.compile(
    rf"(?i:{trie(vocab.ATTRIBUTION_BEFORE)})\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:of\s+)?){{1,4}}of\s+(?:the\s+)?$"))
# "data disclosed last December by South Korean intelligence": a time between verb and "by"
_PASSIVE_BY = NeedsWords(re.compile(
    rf"\b(?:{trie(p[:-3] for p in vocab.ATTRIBUTION_BEFORE if p.endswith(' by'))})\s+"
    r"(?:last|this|on|in|earlier|early|late)\s+[\w-]+\s+(?:\d{1,4}\s+)?by\s+(?:the\s+)?$", re.I))
_ATTR_BEFORE_ANYWHERE = re.compile(rf"\b(?:{trie(vocab.ATTRIBUTION_BEFORE)})\s", re.I)
# "according to Russian Security Council Secretary Sergei Shoigu": a title before a person
_ATTR_BEFORE_TITLE = re.compile(
    rf"(?i:{trie(vocab.ATTRIBUTION_BEFORE)})\s+(?:the\s+)?"
    rf"(?:(?:[A-Z][\w.'’-]*|(?i:{trie(vocab.ROLE_NOUNS + vocab.TITLE_WORDS)}))\s+){{1,6}}$")
_DEFINITE_SOURCE = exact(vocab.DEFINITE_SOURCE_NOUNS)
_PRONOUN_SPEAKER = IgnoringCase(re.compile(rf"""
    \b(?:he|she|they|it|the\ (?:\w+\ )?{_DEFINITE_SOURCE})\s*   # "he", "the (spy) agency"
    (?:,[^,;]{{1,60}},\s*)?                                      # ", cited by an outlet,"
    (?:\w+\s+){{0,2}}?                                         # "also", "later"
    {exact(vocab.NAMING_BACK_VERBS)}\b                         # "said", "estimated"
""", re.I | re.X))
# what a source's own count is called ("its count", "the agency's breakdown")
_COUNT_NOUN = r"(?:count|estimate|breakdown|reckoning|tally|figures|calculation|assessment)\b"
_PRONOUN_SOURCE = re.compile(rf"""
    \baccording\ to\ (?:him|her|them|the\ (?:\w+\ )?{_DEFINITE_SOURCE})\b
  | \b(?:by|in)\ (?:the\ (?:\w+\ )?{_DEFINITE_SOURCE}['’]s|his|her|its|their)\s+
                                                    # "By the agency's breakdown"
    {_COUNT_NOUN}
  | ^\W*(?:its|his|her|their)\s+(?:\w+\s+)?          # "Its April count of the dead"
    {_COUNT_NOUN}
  | \bthe\ (?:\w+\ )?{_DEFINITE_SOURCE}['’]s\s+(?:\w+\s+)?   # "the department's earlier estimate"
    {_COUNT_NOUN}
  | \b(?:is|are|was|were)\s+(?:also\s+)?(?:assessed|judged)\s+to\b
                                                    # "... are judged to have been killed": an
                                                    # assessment's wording goes on with its source
                                                    # ("believed to" is the writer's hedge, often)
""", re.I | re.X)
# Each branch of _PRONOUN_SOURCE holds "according to", a count noun, "assessed" or "judged":
# where the lower-cased text holds none of them the pattern cannot match, and few sentences
# hold one (the pattern, tried at every position, was most of names_back's time)
PRONOUN_SOURCE_WORDS = ("according to", "assessed", "judged", *re.findall(r"\w{2,}", _COUNT_NOUN))
_PRONOUN_SOURCE_WORD = re.compile(trie(PRONOUN_SOURCE_WORDS, space=" "))


def pronoun_source(text: str) -> bool:
    """"according to him", "by the agency's count", "are judged to": a source named before
    stands behind the text (_PRONOUN_SOURCE, looked for only where one of its words stands;
    exact: see patterns.FOLDS_TO_ASCII)."""
    if not folds_to_ascii(text) and _PRONOUN_SOURCE_WORD.search(text.lower()) is None:
        return False
    return _PRONOUN_SOURCE.search(text) is not None


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|into|to|from|against|with|for|on|at|near|across|towards?|inside|"
    r"throughout|between|by|over|and|via|through)\s+(?:the\s+)?$", re.I)
# "Ukraine's ambassador said", "By UK Defence Intelligence's reckoning"
_ROLE_AFTER = re.compile(rf"['’]s\s+(?:\w+\s+){{0,2}}{exact(vocab.POSSESSED_SOURCE_NOUNS)}\b", re.I)
_JOINT = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,4}\s+")
# "American officials", "Ukrainian intelligence": a national adjective as a source
# (a unit's number may stand first: "the Ukrainian 8th Special Operations Regiment")
_OFFICIAL_NOUN = re.compile(rf"\s+(?:\d+(?:st|nd|rd|th)\s+)?(?:\w+\s+){{0,2}}?{exact(vocab.OFFICIAL_NOUNS)}\b", re.I)
_POST_AT = NeedsWords(re.compile(rf"\b{exact(vocab.ROLE_NOUNS)}\s+(?:to|at|in)\s+(?:the\s+)?$", re.I))
# (a person's title may stand between, "remarks from President Volodymyr Zelensky", or a
# hyphened word that describes a body, "a report from the 11-country Monitoring Team")
_MEMBER_OF = re.compile(rf"\b{exact(vocab.MEMBER_NOUNS)}\s+(?:at|from|in|of|with|within|by)\s+(?:the\s+)?"
                        r"(?:[\w]+-[\w-]+\s+)?(?:(?-i:[A-Z][a-z]+)\.?\s+)?$", re.I)
# "Jane Doe, director of the Asia Program at the Center for ...": a person's post in an
# apposition, at a body that speaks through them
_POST_IN_APPOSITION = re.compile(rf",\s*(?:the\s+|an?\s+)?(?:[\w-]+\s+){{0,2}}?{exact(vocab.ROLE_NOUNS)}\s+"
                                 r"(?:of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,4})?at\s+(?:the\s+)?$", re.I)
_APPOSITION_1 = re.compile(r",[^,;.()]{1,110},\s*")
_APPOSITION_2 = re.compile(r"(?:,[^,;.()]{1,110}){2},\s*")
_LEADING_ADVERBS = re.compile(
    r"^(?:(?:(?:last|this)\s+(?:week|month|year|spring|summer|autumn|fall|winter)|"
    r"last|this|on|also|has|have|had|now|earlier|later|again|\w+day)\s+)*", re.I)
# the head noun of a name that ends on its modifier: "South Korea's intelligence| service"
_HEAD_NOUN = re.compile(r"\s+(?:service|services|agency|directorate|department|ministry|office|command)\b")
# between a side ("South Korean", "Pentagon") and "officials" it qualifies: names, or a
# lower-case word or two ("military", "senior defence")
_QUALIFIES_SOURCE = re.compile(r"\s+(?:[A-Z][\w.-]*\s+){0,2}|\s+(?:[a-z][a-z-]*\s+){1,2}")
# "Russian forces against Ukraine": the adjective's noun ends before a preposition, and the
# name after it is a place (a_place), not a source the adjective qualifies
_PLACE_AFTER_NOUN = re.compile(r"\s(?:in|into|to|from|against|with|alongside|for|on|at|near|across|towards?|inside"
                               r"|throughout|over|via|through)\s+$", re.I)
_ADJECTIVE_LIST = re.compile(r",?\s+(?:and\s+)?|,")
_NOT_ATTRIBUTION_BEFORE = NeedsWords(re.compile(r"\b(?:an?|the|is|are|was|were|be|been|being|with)\s+$", re.I))


@lru_cache(maxsize=1)
def _claimant_patterns() -> tuple[re.Pattern, re.Pattern]:
    table = _CLAIMANTS
    cased = [k for k in table if k != k.lower()] + list(_NATIONAL_ADJ)
    lower = [k for k in table if k == k.lower()]
    return alternation(cased, flags=0), alternation(lower)


# --- the article's own cast -------------------------------------------------------------

@dataclass
class LocalNames:
    """People an article introduces with their side ("Dmytro Ponomarenko, Ukraine's
    ambassador"), known in that article by full name and surname."""
    table: dict[str, tuple[str, str]]
    pattern: re.Pattern | None
    # the speakers of each text read with these names (`speakers`): the steps that ask for
    # one sentence's speakers (the figures, the quotes, the dates) read it once per article
    read: dict[str, list[Speaker]] = field(default_factory=dict, repr=False, compare=False)


_NAME = r"(?:[A-Z][a-z]+(?:[-'’][A-Za-z]+)?)(?:\s+[A-Z][a-z]+(?:-[a-z]+)?){1,2}"
_TITLE = r"(?:(?:Mr|Ms|Mrs|Dr|Gen|Lt|Col|Rep|Sen|Adm|Maj|Capt)\.?\s+)*"


_NO_LETTER_BEFORE_IT = r"(?<!\w.)"


@lru_cache(maxsize=1)
def _introductions() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """A side ("Ukraine's", "South Korean"), and around it a name and a role."""
    roles = trie(vocab.ROLE_NOUNS)
    # every side form opens with a letter: "\b" before it is "no letter before it", looked at
    # after the first letter so that re scans for first letters (see patterns.alternation)
    side = re.compile(rf"(?:{trie(vocab.SIDE_FORMS, after_first=_NO_LETTER_BEFORE_IT)})(?![\w'’])")
    name_before = re.compile(rf"{_TITLE}(?P<name>{_NAME}),\s+(?:the\s+|a\s+)?$")
    role_after = re.compile(rf"\s+(?:[\w-]+\s+){{0,4}}?(?:{roles})\b")
    name_after = re.compile(rf"""
        \s+(?:[\w-]+\s+){{0,4}}?(?i:{roles})       # "'s ambassador to the UN", "Governor"
        (?:\s+[a-z]+\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)?
        ,?\s+{_TITLE}(?P<name>{_NAME})\b            # ", Vassily Nebenzya"
    """, re.X)
    # "South Korean lawmaker Yu": a surname alone right after the role
    surname_after = re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{roles})\s+{_TITLE}(?P<name>[A-Z][a-z]+)\b(?!['’-]?\s*[A-Z])")
    return side, name_before, role_after, name_after, surname_after


# (every body's word opens with a letter: "\b" before it is looked at after that letter, so
# that re scans for first letters instead of trying every position of an article)
_BODY_WORD = re.compile(rf"(?:{trie(vocab.INDEPENDENT_BODIES, after_first=_NO_LETTER_BEFORE_IT)})\b")
_BODY_TAIL = r"\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w'’-]*){0,3}"
_BODY = re.compile(rf"""
    (?:[A-Z](?<![\w'’].)[\w'’&-]*\s+               # a capital with no letter before it:
    (?:[A-Z][\w'’&-]*\s+){{0,3}}                    # "Multilateral Sanctions Monitoring"
    (?:{trie(vocab.INDEPENDENT_BODIES)})            # "Team"
    (?:{_BODY_TAIL})?                               # "of Ukraine"
    # or the body's word first, after "the" ("of the Center for Strategic and International
    # Studies"): only with what it is for, as "the Center" alone names no one
    |(?<=the\ )(?:{trie(vocab.INDEPENDENT_BODIES)}){_BODY_TAIL})
    \b""", re.X)


_KNOWN_BODIES = tuple(k for k in _CLAIMANTS if len(k.split()) >= 3 and k[0].isupper())


def _known_body_after_a_word(body: str) -> bool:
    """"US Institute for the Study (of War)": a known body's name, or its start, after a
    country's word."""
    rest = body.split(maxsplit=1)[1] if " " in body else ""
    return len(rest.split()) >= 2 and any(k.startswith(rest) for k in _KNOWN_BODIES)


def _side_in_name(name: str) -> str | None:
    """The side a name carries in it: "of Ukraine", "Korea Institute" (None if none)."""
    if KOREA.search(name) and not re.search(r"\bSouth\b", name):
        return "North Korea"
    cased, _ = _claimant_patterns()
    for m in cased.finditer(name):
        group = lookup_claimant(m.group(0))[1]
        if group not in ("Other", "Unattributed"):
            return group
    return None


def _surnames() -> dict[str, list[tuple[str, str]]]:
    """The people of the name list by the short name they go by ("Lee", "Kirby")."""
    out: dict[str, list[tuple[str, str]]] = {}
    for name, group in vocab.PEOPLE.items():
        parts = name.split()
        alias = parts[0] if "-" in parts[-1] or group == "North Korea" else parts[-1]
        out.setdefault(alias, []).append((name, group))
    return out


_SURNAMES = _surnames()
# each person's full name and its other spellings ("Kim Jong-un" for Kim Jong Un)
_SPELLINGS: dict[str, set[str]] = {name: {name} for name in vocab.PEOPLE}
for _form, (_name, _) in _CLAIMANTS.items():
    if _name in _SPELLINGS and " " in _form:
        _SPELLINGS[_name].add(_form)
_SHARED_SURNAMES = {alias: owners for alias, owners in _SURNAMES.items() if len(owners) > 1}


_NOT_SURNAMES = {w.capitalize() for w in (*vocab.MONTHS, *vocab.WEEKDAYS)}


def _may_be_surname(word: str, text: str) -> bool:
    """A surname introduced alone is one only if the article names it again ("Yu further
    reported"), and it is no month or weekday ("Ukraine's president Monday")."""
    return word not in _NOT_SURNAMES and len(re.findall(rf"\b{word}\b", text)) > 1


def learn_names(text: str) -> LocalNames:
    """The article's own cast: unknown names introduced with a side and a role
    ("Dmytro Ponomarenko, Ukraine's ambassador", "South Korean lawmaker Yu Yong-weon")."""
    side, name_before, role_after, name_after, surname_after = _introductions()
    table: dict[str, tuple[str, str]] = {}
    for m in side.finditer(text):
        # the pattern lets any run of spaces stand for a space ("North\nKorean" across a line)
        group = vocab.SIDE_FORMS[" ".join(m.group(0).replace("’", "'").split())]
        names = []
        # a name introduced before its side ends in a comma ("Dmytro Ponomarenko, Ukraine's"):
        # most sides have none in reach, and need no search
        reach = max(0, m.start() - 70)
        before = name_before.search(text, reach, m.start()) if "," in text[reach:m.start()] else None
        if before and role_after.match(text, m.end(), m.end() + 60):
            names.append(before.group("name"))
        after = name_after.match(text, m.end(), m.end() + 140)
        if after:
            names.append(after.group("name"))
        else:
            alone = surname_after.match(text, m.end(), m.end() + 60)
            if alone and _may_be_surname(alone.group("name"), text):
                names.append(alone.group("name"))
        for name in names:
            if name in _CLAIMANTS or name.split()[0] in _CLAIMANTS:
                continue
            table.setdefault(name, (name, group))
            parts = name.split()
            alias = parts[0] if "-" in parts[-1] else parts[-1]
            if alias not in _CLAIMANTS:
                table.setdefault(alias, (name, group))
    for alias, owners in _SHARED_SURNAMES.items():
        # "Lee said": the Lee this article names in full (in any spelling the list knows),
        # of the several the list knows
        named = [owner for owner in owners if any(form in text for form in _SPELLINGS[owner[0]])]
        if len(named) == 1:
            table.setdefault(alias, named[0])
    bodies = {re.sub(r"^The\s+", "", m.group(0)) for m in _BODY.finditer(text)} - set(_CLAIMANTS) \
        if _BODY_WORD.search(text) else set()  # the full pattern is slow; most texts name none
    # "the US Institute for the Study of War": a known body with a country before it is that body
    bodies = {b for b in bodies if not _known_body_after_a_word(b)}
    for name in sorted(bodies, key=len, reverse=True):
        # a body named for a side speaks for it ("National Resistance Centre of Ukraine"),
        # and so does its short form ("Resistance Centre")
        longer = next((table[b][1] for b in bodies if name in b and b in table), None)
        table.setdefault(name, (name, longer or _side_in_name(name) or "Other"))
    return LocalNames(table, _any_name(table) if table else None)


def _any_name(names) -> re.Pattern:
    """Any of the names as written, as a whole word, the longest first."""
    if all(re.match(r"\w", name) for name in names):
        # a trie, "\b" before the first letter checked after it: re then scans for first
        # letters (see patterns.alternation); it matches what the flat list below matches
        return re.compile(rf"(?:{trie(names, after_first=_NO_LETTER_BEFORE_IT, space=re.escape(' '))})\b")
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b")


def lookup_claimant(surface: str, local: LocalNames | None = None) -> tuple[str, str]:
    """(canonical name, group) of a claimant name as written."""
    if local and surface in local.table:
        return local.table[surface]
    return _known_claimant(surface)


@lru_cache(maxsize=4096)
def _known_claimant(surface: str) -> tuple[str, str]:
    """lookup_claimant for a name the article does not introduce (remembered: the same
    names come back in every sentence)."""
    key = " ".join(surface.split()).replace("’", "'")
    if key in _CLAIMANTS:
        return _CLAIMANTS[key]
    if key.lower() in _CLAIMANTS:
        return _CLAIMANTS[key.lower()]
    group = _NATIONAL_ADJ[key]
    return (f"{key} source", group)


# --- speakers of a sentence -------------------------------------------------------------

@dataclass
class Speaker:
    start: int
    end: int
    name: str
    group: str


# A word of each lower-case name ("officials", "some sources": "sources"): where the
# lower-cased text holds none of them, no lower-case name can match. (Ignoring case, re
# matches an ASCII letter only with its two cases and four letters of other scripts, İ ı ſ K:
# a text holding one of those, patterns.FOLDS_TO_ASCII, is searched anyway.)
LOWER_NAME_WORDS = tuple(sorted({max(k.split(), key=len) for k in _CLAIMANTS if k == k.lower()}))


def _may_name_lower(text: str) -> bool:
    if folds_to_ascii(text):
        return True
    low = text.lower()
    for word in LOWER_NAME_WORDS:  # (a loop: a generator costs more than the look)
        if word in low:
            return True
    return False


def claimant_spans(text: str, local: LocalNames | None) -> list[re.Match]:
    """Every claimant name in `text` (known or the article's own), in order, longest first
    where two start together."""
    cased, lower = _claimant_patterns()
    # the lower-case names ignore case, which makes re try them at every position: they are
    # looked for only where a word of one stands
    patterns = (cased,) + ((lower,) if _may_name_lower(text) else ()) + \
        ((local.pattern,) if local and local.pattern else ())
    return sorted([m for p in patterns for m in p.finditer(text)], key=lambda m: (m.start(), -m.end()))


def sentence_speakers(state: ArticleState, i: int) -> list[Speaker]:
    """The speakers of sentence i, read once per article."""
    return speakers(state.sentences[i].text, state.local)


@dataclass
class Mention:
    """One claimant name in a sentence, as the source rules see it."""
    sentence: str
    match: re.Match
    name: str
    group: str
    lead: int                    # where the name starts, a national adjective before it included
    local: LocalNames | None
    covers: int = -1             # set by a rule: the end of the name's apposition
    before: str = field(init=False)
    after: str = field(init=False)

    def __post_init__(self) -> None:
        self.before = self.sentence[:self.lead]
        self.after = self.sentence[self.match.end():]

    @property
    def surface(self) -> str:
        return self.match.group(0)


# Each rule returns True (the name is the source of a statement), False (it is not: it
# names a place or qualifies a noun), or None (no say: the next rule is asked).
SourceRule = Callable[[Mention], "bool | None"]


_OUTLET_OWNS = re.compile(rf"(?:{trie(vocab.OUTLETS)})['’]s\s+$")


def adjective_alone(c: Mention) -> bool | None:
    """"an American defence publication": an adjective, not a source; nor is an outlet's
    language service ("the BBC's Russian service")."""
    if c.surface in _NATIONAL_ADJ and (not _OFFICIAL_NOUN.match(c.after) or _OUTLET_OWNS.search(c.before)):
        return False
    return None


def adjective_count(c: Mention) -> bool | None:
    """"the Ukrainian count of 3,000", "the South Korean estimate that ...": a side's own
    figure named by its adjective, as "Ukraine's count of" names it by the possessive."""
    return True if c.surface in _NATIONAL_ADJ and _COUNT_OF.match(c.after) else None


_COUNT_OF = re.compile(rf"\s+(?:official\s+|own\s+|latest\s+|intelligence\s+)?{_COUNT_NOUN}\s*(?:of|that|puts|put|at|:)\b",
                       re.I)


# The source rules run on every claimant name of every sentence read: their patterns are
# compiled once here, not looked up in re's cache on each call.
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
# Each phrase before a source opens with one of these words ("according to": "according").
# The patterns built on the phrases ignore case, so re tries them at every position of a
# name's left context; one case-sensitive look for the words in the lower-cased context
# says first whether any can match (exact: see FOLDS_TO_ASCII).
ATTR_BEFORE_WORDS = tuple(sorted({p.split()[0] for p in vocab.ATTRIBUTION_BEFORE}))
_ATTR_BEFORE_WORD = re.compile(trie(ATTR_BEFORE_WORDS))


def may_follow_attribution(text: str) -> bool:
    """False only where no phrase of vocab.ATTRIBUTION_BEFORE can stand in `text`."""
    return folds_to_ascii(text) or _ATTR_BEFORE_WORD.search(text.lower()) is not None


# A whole phrase of vocab.ATTRIBUTION_BEFORE and the space after it, looked for in lower-case
# text: the patterns that open with a phrase match only where this does (exact: see FOLDS_TO_ASCII).
_ATTR_BEFORE_PHRASE = re.compile(rf"(?:{trie(vocab.ATTRIBUTION_BEFORE)})\s")


def may_hold_attribution_phrase(text: str) -> bool:
    """False only where no whole phrase of vocab.ATTRIBUTION_BEFORE stands in `text`."""
    return folds_to_ascii(text) or _ATTR_BEFORE_PHRASE.search(text.lower()) is not None


def attribution_before(c: Mention) -> bool | None:
    """"according to the NIS", "announced by", "by UK Defence Intelligence's reckoning",
    "by a Ukrainian count"."""
    phrase = may_hold_attribution_phrase(c.before[-90:])  # (the widest window below)
    if (phrase and _ATTR_BEFORE.search(c.before[-40:])) or (
            _BY_BEFORE.search(c.before[-14:]) and _ROLE_AFTER.match(c.after)):
        return True
    # (the passive's verb stands without its "by": only its first word is looked for first)
    if (phrase and _ATTR_BEFORE_OFFICE_OF.search(c.before[-70:])) or (
            may_follow_attribution(c.before[-60:]) and _PASSIVE_BY.search(c.before[-60:])):
        return True
    if phrase and _ATTR_BEFORE_TITLE.search(c.before[-90:]) and is_person(c.name, c.local):
        return True
    if c.surface in _NATIONAL_ADJ and re.search(r"\b(?:by|in)\s+(?:an?|the|one)\s+$", c.before[-14:], re.I) \
            and _RECKONING.match(c.after):
        return True  # "by a Ukrainian count", "in one American estimate"
    return None


_RECKONING = re.compile(r"\s+(?:count|estimate|tally|reckoning|assessment|calculation)\b", re.I)


def member_of(c: Mention) -> bool | None:
    """"officials at the State Department said", "a report from the UK Ministry of
    Defence", "estimates from the US, Ukraine and South Korea": a body speaking through
    its people or papers."""
    if not _MEMBER_OF.search(c.before[-40:]) and not _POST_IN_APPOSITION.search(c.before[-90:]):
        return None
    # "has shared intelligence with Seoul": who is told, not who tells
    return None if _SHARED_WITH.search(c.before[-60:]) else True


_SHARED_WITH = re.compile(r"\b(?:shar|exchang|swapp|trad|pass)\w*\s+(?:[\w'’-]+\s+){0,3}?with\s+(?:the\s+)?"
                          r"(?:(?-i:[A-Z][a-z]+)\.?\s+)?$", re.I)


def a_place(c: Mention) -> bool | None:
    """"in Russia, saying", "war against Ukraine": a place, not a source ("US, Ukrainian
    and South Korean officials": the last of several sides still speaks)."""
    if not _PREPOSITION_BEFORE.search(c.before[-14:]):
        return None
    if c.surface in _NATIONAL_ADJ or c.lead < c.match.start():
        return None  # "with the Ukrainian president saying", "and South Korean officials"
    if re.search(r"\band\s+$", c.before[-6:]) and (
            _OFFICIAL_NOUN.match(c.after) or _OFFICIAL_NOUN.search(" " + c.surface)):
        return None
    if _AND_THE.search(c.before[-12:]) and ATTR_VERB.match(_LEADING_ADVERBS.sub("", c.after.lstrip())):
        return None  # "..., and the Joint Chiefs assessed that": a new clause's subject, not a place
    owned = _ROLE_AFTER.match(c.after)
    if owned and _OF_AFTER.match(c.after[owned.end():]):
        return None  # "contrasts with Pyongyang's own admission of 350": the side's figure, not a place
    if _IN_OR_BY.search(c.before[-8:]) and _ONES_WORDS.match(c.after):
        return None  # "In Kirby's words, ...", "by Seoul's count": the side's own statement
    if c.group != "Unattributed" and _WITH_BEFORE.search(c.before[-8:]) and _SAYING_AFTER.match(c.after):
        return None  # "..., with Seoul's spy agency estimating that": the subject of "estimating"
        # ("with estimates suggesting": an unnamed word the quotation's speaker outranks)
    return False


_AND_THE = re.compile(r",\s+(?:and|but)\s+(?:the\s+)?$", re.I)
_IN_OR_BY = re.compile(r"\b(?:in|by)\s+(?:the\s+)?$", re.I)
_ONES_WORDS = re.compile(rf"['’]s\s+(?:own\s+|latest\s+|new\s+)?(?:{_COUNT_NOUN}|words|view|remarks|comments|statement|"
                         r"account|telling)", re.I)
_OF_AFTER = re.compile(r"\s+of\b")
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$", re.I)
# a name's own words (its possessive and noun, up to three words) then a verb of saying in -ing
_SAYING_AFTER = re.compile(rf"(?:['’]s)?(?:\s+[\w-]+){{0,3}}?\s+"
                           rf"{exact(v for v in vocab.ATTRIBUTION_VERBS if v.endswith('ing'))}\b")
_POSSESSIVE_GAP = re.compile(r"['’]s\s+")
_OWNED_GAP = re.compile(r"['’]s\s+(?:[a-z][a-z-]*\s+){0,2}")  # "'s (defence) intelligence services"
_BODY_NOUN = re.compile(r"\b(?:services?|agency|agencies)$")
_NOT_A_MODIFIER = {"has", "is", "was", "does", "says", "claims", "estimates", "assesses", "believes",
                   "thinks", "reports", "warns", "puts", "counts", "tells", "as"}


def role_after(c: Mention) -> bool | None:
    """"Ukraine's ambassador said", "Seoul's estimate"; not "Russia's military efforts",
    where the noun only modifies the next one."""
    m = _ROLE_AFTER.match(c.after)
    if not m:
        return None
    nxt = re.match(r"\s+([a-z]+s)\b", c.after[m.end():])
    if NEWS_AGENCY.search(m.group(0)):
        c.name = c.surface + m.group(0)  # "South Korea's Yonhap news agency": named as it is, less sure
    if re.search(r"\b(?:official|military)$", m.group(0), re.I) and \
            re.match(r"\s+(?!(?:\w+\s+)?(?:said|says|told|estimate|put|claim))[a-z]+\b", c.after[m.end():]):
        return None  # "North Korea's official name": an adjective, not an official who speaks
    if nxt and _HEAD_NOUN.match(c.after[m.end():]):
        return True  # "Ukraine's defence intelligence services": the body's head noun, not a thing it owns
    return None if nxt and nxt.group(1) not in _NOT_A_MODIFIER else True


_SHORT_FORM = re.compile(r"[A-Z]{2,6}")
_DATELINE_PLACE = re.compile(r"\s*[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s*[(\[]")


def source_note(c: Mention) -> bool | None:
    """A source note: "25,000 more (Ukrainian intelligence)", "[NIS, April]"."""
    if "(" not in c.before and "[" not in c.before and "]" not in c.after:
        return None  # (each look below needs a bracket before the name or "]" after it)
    if _SHORT_FORM.fullmatch(c.surface) and re.search(r"[A-Z][\w'’.-]*\s*\($", c.before) and \
            re.match(r"\)\s+[a-z]", c.after):
        return False  # "Democratic People's Republic of Korea (DPRK) forces": a name's short form
    if _DATELINE_PLACE.fullmatch(c.before) and re.match(r"[)\]],", c.after):
        return False  # a dateline's country: "Seoul [South Korea], December 13 (Agency):"
    if re.match(r"\]\s+[a-z]", c.after):
        return False  # '"We believe [North Korea] has sent ...": an editor's word for "they"
    if _SOURCE_NOTE.search(c.before.rstrip()) and re.match(r"\s*(?:[)\];,/]|(?:and|via)\b)", c.after):
        return True
    return None


def apposition_then_verb(c: Mention) -> bool | None:
    """"Shoigu, the secretary of Russia's Security Council, who has visited Pyongyang,
    told reporters": the verb after one or two appositions; names inside them are not
    sources."""
    head = _HEAD_NOUN.match(c.after) or (_OFFICIAL_NOUN.match(c.after) if c.surface in _NATIONAL_ADJ else None)
    skip = head.end() if head else 0  # "the Ukrainian| 8th Special Operations Regiment|, based ..., said"
    after = c.after[skip:]
    for appos in (_APPOSITION_1.match(after), _APPOSITION_2.match(after)):
        if appos and ATTR_VERB.match(_LEADING_ADVERBS.sub("", after[appos.end():])):
            c.covers = c.match.end() + skip + appos.end()
            return True
    return None


# "South Korea's Yonhap news agency reported": a country's outlet relays what others say,
# often its side's but not always (confidence.py)
NEWS_AGENCY = re.compile(r"\bnews\s+(?:\w+\s+)?agency$", re.I)
# a day between a name and its verb ("X on June 15 estimated") is no figure
_DAY = re.compile(rf"\b(?:{trie(m.capitalize() for m in vocab.MONTHS)})\.?\s+\d{{1,2}}\b(?:,?\s+\d{{4}})?"
                  rf"|\b\d{{1,2}}\s+(?:{trie(m.capitalize() for m in vocab.MONTHS)})\b")
# where the clause after a name ends: a semicolon, or a full stop that closes no
# abbreviation ("South Korea and the U.S. estimate": the verb is still the clause's)
_CLAUSE_END = re.compile(r"[;.](?:(?<=;)|(?<=\.)(?<!\b[A-Z].)(?![A-Z]\.))")  # (opening on a set, re scans for it)
# "has not confirmed", "declined to confirm": a side that does not confirm is no source
# ("has never published a total" still names who would speak)
# ("has not publicly acknowledged", "did not officially confirm": an adverb may stand between)
_NEGATED = NeedsWords(re.compile(r"\b(?:not|never|n['’]t|declined\s+to|refused\s+to)\s+(?:[a-z]+ly\s+)?$", re.I))
_CONFIRMING = set(vocab.CONFIRMING_VERBS)
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b")  # "the 528th regiment": a unit's name, no figure
# a relative clause set off by commas between a name and its verb, naming no one
# ("South Korean military| intelligence, which ..., estimates": the name's own noun may come first)
_RELATIVE_ASIDE = re.compile(r"(?:\s+[a-z][\w-]*){0,2},\s*(?:which|who)\b([^,;]{1,80}),\s*(?:also\s+|now\s+|still\s+)?")
# a clause after the name, then the verb's own subject: words after a comma naming no one
# ("Moscow won back the region, the lawmakers cited ...")
_OWN_SUBJECT = re.compile(r"\s[a-z]\w*[^,;]*,\s+(?:the|a|an|some|two|three|several)\s+(?:[a-z][\w-]*\s+){1,2}$")
# a quotation closing between a name and the verb: the verb is the quotation's speaker's
_QUOTE_CLOSED = re.compile(r"[”\"]\s|[,.!?][’']\s")




_VERB_REACH = 110  # characters after a name in which its verb is looked for


def verb_window(after: str) -> str:
    """The words after a name where its verb may stand: to the end of its clause, within
    the reach. (The clause end is looked for in the reach only, and the two characters its
    pattern looks ahead at: the rest of the sentence cannot change the window.)"""
    head = after[:_VERB_REACH + 2]
    cut = _CLAUSE_END.search(head)
    return head[:min(cut.start() if cut else _VERB_REACH, _VERB_REACH)]


def verb_after(c: Mention) -> bool | None:
    """"Kirby, the White House spokesman, said": an attribution verb later in the clause,
    unless it belongs to another clause, to "he", or to a nearer name of another side
    ("Russia, NATO said"); "Kyiv and Seoul say": the first named stands for both."""
    cased, lower = _claimant_patterns()
    window = verb_window(c.after)
    for vm in ATTR_VERB.finditer(window):
        if _NOT_ATTRIBUTION_BEFORE.search(window[:vm.start()]):
            continue  # "an estimated 4,700", "is believed to"
        lead_in = window[:vm.start()]
        if re.fullmatch(r",\s*(?:which|who)\s+(?:also\s+|now\s+|still\s+)?", lead_in):
            return True  # "South Korean intelligence, which expects the North to send ..."
        aside = _RELATIVE_ASIDE.fullmatch(lead_in)
        if aside and not CANDIDATE.search(aside.group(1)) and not claimant_spans(aside.group(1), c.local):
            return True  # "X intelligence, which watches the North closely, estimates that"
        if re.search(r"\b(?:that|which)\b", lead_in) or CANDIDATE.search(_ORDINAL.sub("", _DAY.sub("", lead_in))) or \
                re.search(r"\b(?:he|she|they|it|we|i)\s+(?:\w+\s+)?$", lead_in, re.I):
            return None
        if NEWS_AGENCY.search(lead_in.rstrip()):
            c.name = c.surface + lead_in.rstrip()
        if _QUOTE_CLOSED.search(lead_in):
            return None  # '"... DPRK troops deployed," the ministry said': the ministry's verb
        if _OWN_SUBJECT.search(lead_in):
            return None  # "since Moscow won back the region, the lawmakers cited the NIS": their verb
        if _NEGATED.search(lead_in) and vm.group(0).lower() in _CONFIRMING:
            return None  # "though Moscow has not confirmed it": a side that does not say so
        if _ATTR_BEFORE_ANYWHERE.search(lead_in):
            return None  # "Russia's campaign, according to assessments cited in reports": theirs
        if _AND_VERB.search(lead_in) and _VERB_OBJECT.search(c.before[-40:]):
            return None  # "Zelensky thanked South Korea ... and said": the subject's verb, not the object's

        joint = _JOINT.fullmatch(lead_in)
        # the body a post is at is not another speaker ("the US deputy ambassador to the
        # United Nations said")
        others = [o for pat in (cased, lower) for o in pat.finditer(lead_in)
                  if lookup_claimant(o.group(0), c.local)[1] != c.group
                  and not _POST_AT.search(lead_in[:o.start()])
                  and not (_VERB_OBJECT.search(lead_in[:o.start()]) and _AND_VERB.search(lead_in[o.end():]))
                  and not re.search(r"\b(?:from|via)\s+(?:the\s+)?$", lead_in[:o.start()])]
        # (a place on the way is no other speaker: "Shoigu flew home from Pyongyang and announced")
        return True if not others or joint else None
    return None


# a side as the object of a verb before it ("thanked South Korea", "met the Pentagon's chief"),
# and a verb coordinated after it ("... for its help and said"): that verb is the subject's
_VERB_OBJECT = re.compile(r"(?<![A-Z])\b(?:[a-z]+ed|met|told|saw|sent|gave)\s+(?:the\s+)?$")
_AND_VERB = re.compile(r"\band\s+(?:\w+ly\s+|also\s+|then\s+)?$")


_COLON = re.compile(r"\s*:")
_COLON_BEFORE = NeedsWords(re.compile(r"\S:\s+$"))
_LINE_TAIL = re.compile(r"\s*(?:[|–—]\s*[^.!?|]{0,60})?")


def headline_colon(c: Mention) -> bool | None:
    """Headline form "Zelensky: ...", and "... to Kursk: Zelensky | Site Name" with the
    name closing the line."""
    if c.match.start() < 3 and _COLON.match(c.after):
        return True
    if _COLON_BEFORE.search(c.before) and _LINE_TAIL.fullmatch(c.after):
        return True
    if _COLON_QUOTE.match(c.after):
        return True  # 'Pentagon spokesman Pat Ryder: "We think ..."': the quotation's speaker
    return None


_COLON_QUOTE = re.compile(r"\s*:\s*[“\"]")


_OPENING_VERB = re.compile(rf"(?:^|[.!?]\s+)\s*(?:\w+ly\s+)?(?:said|reported|stated|announced|noted|wrote)\s+"
                           rf"(?:[\w'’-]+\s+){{0,5}}?(?:of\s+)?(?:the\s+)?$", re.I)


def opening_verb(c: Mention) -> bool | None:
    """A sentence (or a run-on one after a full stop) that opens with its verb and names
    its speaker after it ("... in the field. earlier stated the agency's deputy head,
    ...")."""
    before = c.before
    # (the verb opens the text or follows a stop: with no stop before the name, it can
    # only open the text, and the pattern need not be tried at every position)
    if "." in before or "!" in before or "?" in before:
        return True if _OPENING_VERB.search(before) else None
    return True if _OPENING_VERB.match(before) else None


# "..., said Kyrylo Budanov, head of ...", "..., says South Korea.": the verb after a clause,
# its speaker closing the sentence or opening an apposition
# (or after a quotation's close: '"... in Kursk," said John Kirby, the White House spokesman')
_SAID_AFTER_CLAUSE = NeedsWords(re.compile(r"(?:\S,|[,.!?][”\"’']|[”\"])\s+(?:\w+ly\s+)?(?:said|says|added|noted|stated|reported|wrote)\s+"
                                           r"(?:[\w'’.-]+\s+){0,5}?(?:of\s+)?(?:the\s+)?$", re.I))
_CLOSES = re.compile(r"\s*(?:[,.;:)\]”\"]|$)")


def said_after_clause(c: Mention) -> bool | None:
    """"About 8,000 ... are still fighting in Kursk, said Kyrylo Budanov, head of ...": the
    speaker after a clause's closing verb; not a name the verb's own clause goes on about
    ("Shoigu, ..., said North Korea would send")."""
    if not (_CLOSES.match(c.after) and _SAID_AFTER_CLAUSE.search(c.before[-90:])):
        return None
    # "..., said Ukraine's ambassador to South Korea": the body a post is at
    return None if _POST_AT.search(c.before[-60:]) else True


def neither_nor(c: Mention) -> bool | None:
    """"Neither the Kremlin nor the Russian defence ministry commented": a side named as
    saying nothing is no source."""
    return False if _NEITHER_NOR.search(c.before[-40:]) else None


_NEITHER_NOR = re.compile(r"\b(?:neither|nor)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}$", re.I)


SOURCE_RULES: tuple[SourceRule, ...] = (
    neither_nor, adjective_alone, adjective_count, opening_verb, said_after_clause, attribution_before, member_of, a_place, role_after, source_note,
    apposition_then_verb, verb_after, headline_colon,
)


def source_verdict(c: Mention) -> bool | None:
    """The first rule with a say decides; None when no rule has one (no source, but the
    name may still name the source found just before it more precisely)."""
    for rule in SOURCE_RULES:
        verdict = rule(c)
        if verdict is not None:
            return verdict
    return None


def speakers(sentence: str, local: LocalNames | None = None) -> list[Speaker]:
    """Claimant names in a sentence that stand as the source of a statement (with an
    article's names, read once per text: the list is shared, not to be changed)."""
    if local is None:
        return _read_speakers(sentence, None)
    found = local.read.get(sentence)
    if found is None:
        found = local.read[sentence] = _read_speakers(sentence, local)
    return found


def _read_speakers(sentence: str, local: LocalNames | None) -> list[Speaker]:
    found: list[Speaker] = []
    spans = claimant_spans(sentence, local)
    if not spans:
        return found  # most sentences name no one: no need to look for outlets' names
    outlets = [(m.start(), m.end()) for m in _OUTLETS.finditer(sentence)]
    last_end = -1
    inside_until = -1  # the end of a found speaker's apposition
    kept: list[re.Match] = []
    for m in spans:
        if m.start() < last_end or (outlets and any(s <= m.start() < e for s, e in outlets)):
            continue  # a name inside a longer one, or inside an outlet's name
        last_end = m.end()
        kept.append(m)
    for k, m in enumerate(kept):
        if m.start() < inside_until:
            continue
        nxt = kept[k + 1] if k + 1 < len(kept) else None
        if m.group(0) in _NATIONAL_ADJ and nxt and \
                re.fullmatch(r"\s+(?:[A-Z][\w.-]*\s+){0,2}", sentence[m.end():nxt.start()]):
            continue  # "South Korean Joint Chiefs of Staff": the adjective is part of the name
        name, group = lookup_claimant(m.group(0), local)
        prev = kept[k - 1] if k > 0 else None
        if prev is not None and prev.group(0) in _NATIONAL_ADJ and m.group(0).split()[0] in _NATIONAL_ADJ and \
                " " in m.group(0) and _ADJECTIVE_LIST.fullmatch(sentence[prev.end():m.start()]):
            # "South Korean and Western intelligence": sides listed before one source noun are one
            # source, the first named standing for all, as of "South Korean and Western sources"
            found = [f for f in found if f.start < prev.start()]
            name, group = sentence[prev.start():m.end()], _NATIONAL_ADJ[prev.group(0)]
        adjective = prev if prev is not None and _QUALIFIES_SOURCE.fullmatch(sentence[prev.end():m.start()]) \
            and not _PLACE_AFTER_NOUN.search(sentence[prev.end():m.start()]) \
            and (prev.group(0) in _NATIONAL_ADJ or group == "Unattributed") \
            and lookup_claimant(prev.group(0), local)[1] != "Unattributed" else None
        if adjective is not None and group == "Unattributed":
            # "South Korean (military) officials", "Pentagon officials": the word before
            # names the side; of a list ("South Korean, Ukrainian and Western sources")
            # the first stands for all
            j = k - 1
            while j > 0 and kept[j - 1].group(0) in _NATIONAL_ADJ and \
                    _ADJECTIVE_LIST.fullmatch(sentence[kept[j - 1].end():kept[j].start()]):
                j -= 1
            if j < k - 1:  # the sides of a list are one source, not each its own
                found = [f for f in found if f.start < kept[j].start()]
                name = sentence[kept[j].start():m.end()]
            else:
                name = f"{adjective.group(0)} {m.group(0)}"
            adjective = kept[j]
            group = lookup_claimant(adjective.group(0), local)[1]
        if group == "Unattributed" and found and _OWNED_GAP.fullmatch(sentence, found[-1].end, m.start()) and \
                _BODY_NOUN.search(m.group(0)):
            # "Ukraine's defence intelligence services": the side's own body, no unnamed source
            found[-1] = Speaker(found[-1].start, m.end(), sentence[found[-1].start:m.end()], found[-1].group)
            last_end = m.end()
            continue
        owner = found[-1] if found and _POSSESSIVE_GAP.fullmatch(sentence, found[-1].end, m.start()) else None
        if owner is not None and owner.group != group and group != "Unattributed" and \
                f"{sentence[owner.start:owner.end]}'s" in vocab.SIDE_FORMS and not is_person(name, local):
            # "Ukraine's Defence Intelligence": the body of the side that owns it, whichever
            # side the name list gives a body of that name
            found[-1] = Speaker(owner.start, m.end(), sentence[owner.start:m.end()], owner.group)
            last_end = m.end()
            continue
        same_source = found and found[-1].group == group and m.start() - found[-1].end < 25
        if same_source and not re.fullmatch(r"['’]s\s+", sentence[found[-1].end:m.start()]):
            continue  # "The National Intelligence Service (NIS) of South Korea": keep the first
        lead = adjective.start() if adjective is not None else m.start()
        mention = Mention(sentence, m, name, group, lead, local)
        verdict = source_verdict(mention)
        if mention.covers >= 0:
            inside_until = mention.covers
        if verdict is False:
            continue
        if same_source:
            # "South Korea's National Intelligence Service": the agency speaks for both
            found[-1] = Speaker(m.start(), m.end(), mention.name, group)
        elif verdict:
            found.append(Speaker(m.start(), m.end(), mention.name, group))
    return found


# --- the speaker a figure is credited to ------------------------------------------------

def names_back(sentence: str) -> bool:
    """The sentence's source is someone named before: "He said", "according to the agency"."""
    return bool(_PRONOUN_SPEAKER.search(sentence)) or pronoun_source(sentence)


Credit = tuple[Speaker, "date | None"]
# Each rule returns the speaker (and, for one named in an earlier sentence, the day that
# sentence spoke of) or None (no say: the next rule is asked).
CreditRule = Callable[[Context], "Credit | None"]


def _clause_start(before: str) -> int:
    opening = re.match(r"\s*(?:While|Whereas|Although|Though)\b[^,;]{0,150},\s", before)
    start = opening.end() if opening else 0  # "While X has not confirmed it, reports suggest 10,000"
    for m in re.finditer(r";|\s(?:while|whereas|where)\s|,\s+but\s", before):
        start = max(start, m.end())
    return start


def given_by_after(ctx: Context) -> Credit | None:
    """"the 1,100 casualty estimate given by South Korea's JCS": a figure's own passive
    source right after it beats a source earlier in its clause ("which Zelensky said ...")."""
    end = len(ctx.before) + len(ctx.number.text)
    text = ctx.sentence.text
    for s in sorted((s for s in ctx.speakers if s.start >= end), key=lambda s: s.start):
        gap = _ASIDE_IN_BRACKETS.sub(" ", text[end:s.start])
        if len(gap) <= _GIVEN_BY_REACH and _GIVEN_BY.search(gap) and not CANDIDATE.search(gap) \
                and not re.search(r"[;:.]\s", gap):
            return s, None
        return None
    return None


_GIVEN_BY = NeedsWords(re.compile(rf"\b(?:{trie(p[:-3] for p in vocab.ATTRIBUTION_BEFORE if p.endswith(' by'))})\s+by\s+"
                                  r"(?:the\s+)?(?:[\w.]+(?:\s+[\w.]+)?['’]s\s+)?$", re.I))  # "by South Korea's"
_ASIDE_IN_BRACKETS = re.compile(r"\([^()]*\)")
_GIVEN_BY_REACH = 60  # characters from the figure to "given by": its own noun phrase, no further


def in_clause(ctx: Context) -> Credit | None:
    """A source in the figure's clause before it; a named one beats "officials" ("A
    lawmaker, citing reports from the spy agency, said": the named source stands)."""
    pos = len(ctx.before)
    start = _clause_start(ctx.before)
    found = [s for s in ctx.speakers if start <= s.start < pos]
    named = [s for s in found if s.group != "Unattributed"]
    return (max(named or found, key=lambda s: s.start), None) if found else None


def later_in_sentence(ctx: Context) -> Credit | None:
    """"3,000 soldiers were killed, Zelensky said": the first source after the figure."""
    end = len(ctx.before) + len(ctx.number.text)
    later = [s for s in ctx.speakers if s.start >= end]
    if not later:
        return None
    later.sort(key=lambda s: s.start)
    first = later[0]
    if first.group == "Unattributed" and len(later) > 1 and later[1].start - first.end < 12:
        first = later[1]  # "according to estimates from Seoul": the named source behind them
    text = ctx.sentence.text
    # (the number after the source is looked for first: the clause search is the slow one)
    if CANDIDATE.search(text[first.end:]) and _OTHER_CLAUSE.search(text[end:first.start]):
        return None  # "... 1,000 casualties while the NIS told lawmakers that 300 ...": its own figure's
    return first, None


# a clause of its own after a figure: after a colon or semicolon, or "while" / "whereas"
# (not "while fighting"); a source there that gives a figure of its own speaks for that one
_OTHER_CLAUSE = re.compile(r"(?<=\w)[\w\s,'’-]*?[:;]\s|\s(?:while|whereas)\s+(?!\w+ing\b)", re.I)


def earlier_in_sentence(ctx: Context) -> Credit | None:
    """The nearest source before the figure in another clause of its sentence."""
    earlier = [s for s in ctx.speakers if s.start < len(ctx.before)]
    return (max(earlier, key=lambda s: s.start), None) if earlier else None


def named_back(ctx: Context) -> Credit | None:
    """"He added", "according to the agency": the last source of the three sentences
    before; "the agency is more cautious: it puts ..." names its own antecedent."""
    own = _antecedent_in_sentence(ctx)
    if own is not None:
        return own, None
    spoke = ctx.state.speakers
    if spoke and spoke[-1][0] != ctx.index and ctx.index - spoke[-1][0] <= 3 and \
            names_back(ctx.sentence.text) and not _impersonal(ctx.sentence.text):
        if _PERSONAL.search(ctx.sentence.text) or _HE_SAID.match(ctx.sentence.text):
            # '"...," he said', 'He added that ...': the last person named, not an agency or a
            # country named after him
            person = next((entry for entry in reversed(spoke)
                           if ctx.index - entry[0] <= 3 and is_person(entry[1].name, ctx.state.local)), None)
            if person is not None:
                return person[1], person[2]
        return spoke[-1][1], spoke[-1][2]
    pronoun = _PRONOUN_SAID.match(ctx.sentence.text)
    if pronoun:
        return _spoke_further_back(ctx, pronoun.group(1).lower() in ("he", "she"))
    return _definite_further_back(ctx)


# "...: it reckons", "; they estimate": a body's pronoun opening the clause after a colon or semicolon
_PRONOUN_AFTER_STOP = re.compile(rf"[:;]\s+(?:it|they)\s+(?:\w+\s+){{0,2}}?{exact(vocab.NAMING_BACK_VERBS)}\b",
                                 re.I)


def _antecedent_in_sentence(ctx: Context) -> Speaker | None:
    """"the spy agency is more cautious: it puts the dead at 500": a colon or semicolon
    hands on the clause's subject, so "it" after one is the body named before it in the same
    sentence (a side or agency, not a person), not the last source of the sentences before."""
    text = ctx.sentence.text
    m = _PRONOUN_AFTER_STOP.search(text[:len(ctx.before)])
    if m is None:
        return None
    for n in reversed(claimant_spans(text[:m.start()], ctx.state.local)):
        name, group = lookup_claimant(n.group(0), ctx.state.local)
        if group != "Unattributed" and not is_person(name, ctx.state.local):
            return Speaker(n.start(), n.end(), name, group)
    return None


_PRONOUN_REACH = 8  # sentences "He said" / "It said" looks back over when no one has spoken since
# "He said", "It also estimated", "They added" opening a sentence
# (not an impersonal passive: "It is reported that", "It has been said")
_PRONOUN_SAID = re.compile(rf"^\W*(he|she|it|they)\s+(?:(?!(?:is|was|are|were|has|had|have|been|be)\b)\w+\s+){{0,2}}?"
                           rf"{exact(vocab.NAMING_BACK_VERBS)}\b", re.I)


def _spoke_further_back(ctx: Context, person: bool) -> Credit | None:
    """'Kirby said ... [sentences naming no source] ... He said about 8,000 ...': with no
    source since, "he" is the last person who spoke, "it" or "they" the last body or side; if
    the last to speak was of the other kind, no one."""
    for j in range(ctx.index - 1, max(-1, ctx.index - 1 - _PRONOUN_REACH), -1):
        found = sentence_speakers(ctx.state, j)
        if found:
            return (found[-1], None) if is_person(found[-1].name, ctx.state.local) == person else None
    return None


# "the (intelligence) chief said", "according to the agency": a definite noun naming back
_DEFINITE_SPEAKER = re.compile(rf"""
    \bthe\ (?:\w+\ )?(?P<noun>{_DEFINITE_SOURCE})\s*(?:,[^,;]{{1,60}},\s*)?(?:\w+\s+){{0,2}}?
    {exact(vocab.NAMING_BACK_VERBS)}\b
  | \baccording\ to\ the\ (?:\w+\ )?(?P<noun2>{_DEFINITE_SOURCE})\b
""", re.I | re.X)
_DEFINITE_REACH = 20  # sentences (about a news story): a definite noun names back further than "he" or "it"
_PERSON_NOUNS = set(vocab.ROLE_NOUNS)
_DOCUMENT_NOUNS = {"statement", "report", "briefing", "update", "assessment", "paper", "document", "study"}


def _definite_further_back(ctx: Context) -> Credit | None:
    """"In the same comments the intelligence chief said ...": a definite noun names the
    last source of its kind (a person for a role, a body for an agency) further back than
    a pronoun does; that source's day is not carried."""
    m = _DEFINITE_SPEAKER.search(ctx.sentence.text)
    if m is None:
        return None
    noun = (m.group("noun") or m.group("noun2")).lower().split()[-1]
    if noun in _DOCUMENT_NOUNS:
        return None  # "the report added": a paper, often the writer's own source, not a speaker
    person = noun in _PERSON_NOUNS
    reach = range(ctx.index - 1, max(-1, ctx.index - 1 - _DEFINITE_REACH), -1)
    for j in reach:
        for found in reversed(sentence_speakers(ctx.state, j)):
            if is_person(found.name, ctx.state.local) == person:
                return found, None
    # none of its kind spoke: the last of its kind named at all ("The NIS went before the
    # committee on Tuesday. ... The agency now thinks ...")
    local = ctx.state.local
    for j in reach:
        text = ctx.state.sentences[j].text
        for span in reversed(claimant_spans(text, local)):
            name, group = lookup_claimant(span.group(0), local)
            if group != "Unattributed" and is_person(name, local) == person:
                return Speaker(span.start(), span.end(), name, group), None
    return None


# "It has been revealed that ...", "it is reported that": an impersonal passive names no one
_IMPERSONAL = re.compile(r"\bit\s+(?:is|was|has\s+been|had\s+been)\s+(?:\w+ly\s+|also\s+|now\s+)?"
                         r"(?:\w+ed|known|shown|seen)\s+that\b", re.I)


def _impersonal(sentence: str) -> bool:
    """Only an impersonal passive looks back: no one is named back."""
    return bool(_IMPERSONAL.search(sentence)) and not pronoun_source(sentence) and \
        not _PRONOUN_SPEAKER.search(_IMPERSONAL.sub(" ", sentence))


# "He said", "She later added" opening the sentence: a person named before speaks
_HE_SAID = re.compile(rf"^\W*(?:he|she)\s+(?:\w+\s+){{0,2}}?{exact(vocab.NAMING_BACK_VERBS)}\b", re.I)
# a quotation closed by "he said": its speaker is a person
_PERSONAL = re.compile(r"[,.!?]?[”\"]\s*(?:he|she)\s+(?:\w+\s+)?(?:said|added|told|says|stressed|noted)\b", re.I)


def is_person(name: str, local: LocalNames | None) -> bool:
    """A person's name (of the name list, or introduced by the article), not a body's."""
    if name in vocab.PEOPLE:
        return True
    return bool(local and name in local.table and re.fullmatch(_NAME, name) and not _BODY_WORD.search(name))


def sentence_before(ctx: Context) -> Credit | None:
    """The source of the sentence just before, in the same paragraph."""
    spoke = _spoke_just_before(ctx)
    return (spoke[1], spoke[2]) if spoke is not None else None


def _spoke_just_before(ctx: Context) -> tuple[int, Speaker, date | None] | None:
    """The speaker of the sentence just before, when it may carry over to this one."""
    spoke = ctx.state.speakers
    if spoke and spoke[-1][0] == ctx.index - 1 and \
            ctx.state.sentences[ctx.index - 1].para == ctx.sentence.para and \
            not _BACKGROUND_OPENING.match(ctx.sentence.text) and not _press_reports(ctx.before):
        return spoke[-1]
    return None


_OFFICIAL_WORD = re.compile(rf"\b{exact(vocab.OFFICIAL_NOUNS)}\b", re.I)


def body_in_sentence(ctx: Context) -> Credit | None:
    """A body of another side named before the figure in its own sentence, though no rule
    read it as speaking ("it was the South Korean spy agency that ... stated that 300"),
    rather than the speaker of the sentence before: the sentence names its own source."""
    spoke = _spoke_just_before(ctx)
    if spoke is None:
        return None
    local = ctx.state.local
    for m in reversed(claimant_spans(ctx.before, local)):
        name, group = lookup_claimant(m.group(0), local)
        if group not in ("Unattributed", "North Korea", spoke[1].group) and not is_person(name, local) and \
                _OFFICIAL_WORD.search(m.group(0)):
            return Speaker(m.start(), m.end(), name, group), None
    return None


# "The Kyiv Post reported that ...", "a report in a South Korean newspaper ... that": the press
# gives the figure in its own name, so the speaker before does not carry over
_PRESS = re.compile(rf"(?:{trie(vocab.OUTLETS)})\b|\b(?:{trie(vocab.PRESS_NOUNS)})\b")
_REPORTING = re.compile(r"\b(?:reported|reports|report|wrote|writes|said|says|citing|cited|quoting|quoted)\b")


def _press_reports(before: str) -> bool:
    return bool(_PRESS.search(before) and _REPORTING.search(before))


# "Earlier, up to 15,000 troops fought ...": the writer's background, not the statement before
_BACKGROUND_OPENING = re.compile(r"\W*(?:Earlier|Previously|Before\s+that|Last\s+year|In\s+(?:19|20)\d\d),\s", re.I)


def cell_speaker(cell: str, local: LocalNames | None) -> Speaker | None:
    """The claimant a table's source cell names ("NIS (South Korea)", "Zelensky")."""
    found = claimant_spans(cell, local)
    if not found:
        return None
    name, group = lookup_claimant(found[0].group(0), local)
    return Speaker(found[0].start(), found[0].end(), name, group)

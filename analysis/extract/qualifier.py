"""The qualifier of a figure (`about`, `more than`, `up to`, a range) and the bounds it
implies (FIGURES.md)."""
from __future__ import annotations

import re

from analysis.extract import vocab
from analysis.extract.patterns import IgnoringCase, NeedsWords, trie
from analysis.extract.state import Context

_QUALIFIER_BEFORE = IgnoringCase(re.compile(rf"""
    (?:(?<![\w-])|(?<=\s-)|(?<=^-)|(?<=\w--)|(?<=\d))  # a dateline's dash: "SEOUL--At least";
                                                    # a date glued on: "2, 2025Nearly 2,000"
    ({trie(vocab.QUALIFIER_BEFORE)})\s*              # "about", "more than", "up to"
    (?:(?:another|a\s+further|an\s+additional)\s+)? # "about another 3,000"
    $""", re.I | re.X))


_VERB_OVER = NeedsWords(re.compile(r"\b(?:hand|hands|handed|handing|turn|turns|turned|turning|give|gives|gave|"
                                   r"given|giving|take|takes|took|taken|taking)\s+$"))


# nouns and verbs "about" follows as a preposition ("remarks about", "asked about"); not
# "told us about 3,000", where it is read as approximately
_TOPIC_NOUN = re.compile(rf"\b(?:{trie(vocab.ABOUT_IS_A_PREPOSITION_AFTER)})\s+$")
# "or more", "or so" after the number, each compiled once
_QUALIFIER_AFTER = [(phrase, qual, re.compile(rf"\s+{re.escape(phrase)}\b", re.I))
                    for phrase, qual in vocab.QUALIFIER_AFTER.items()]


def qualifier(ctx: Context) -> tuple[str, int, int]:
    """The qualifier and the quote's extra characters before and after the number."""
    if ctx.number.is_range:
        return "range", 0, 0
    before_l = ctx.before.lower()
    best = None
    m = _QUALIFIER_BEFORE.search(before_l)
    if m and m.group(1) == "over" and _VERB_OVER.search(before_l[:m.start()]):
        m = None  # "hand over two soldiers": the verb's particle, not "more than"
    if m and m.group(1) == "about" and _TOPIC_NOUN.search(before_l[:m.start()]):
        m = None  # "the president's remarks about two soldiers": a preposition, not "approximately"
    if m and m.group(1) == "round" and re.search(r"\b(?:first|second|third|fourth|next|new|latest|last|another|"
                                                r"this|that|each|one)\s+$", before_l[:m.start()]):
        m = None  # "in the second round 1,500 more were sent": a round of sending, not "around"
    if m:
        best = (vocab.QUALIFIER_BEFORE[re.sub(r"\s+", " ", m.group(1))], m.group(0))
    after = ctx.after
    if re.match(r"\+|-plus\b", after):
        return "more_than", len(best[1]) if best and best[0] != "more_than" else 0, \
            len(re.match(r"\+|-plus", after).group(0))
    for phrase, qual, pattern in _QUALIFIER_AFTER:
        m = pattern.match(after)
        if m and phrase != "plus":
            return qual, 0, len(m.group(0))
    if best:
        return best[0], len(best[1]), 0
    return "exact", 0, 0


def bounds(qualifier: str, value, low=None, high=None) -> tuple:
    """The low and high bounds a qualifier implies for a value (FIGURES.md); a range
    keeps the bounds given, its low defaulting to the value.

    >>> bounds("approx", 3000), bounds("more_than", 3000)
    ((3000, 3000), (3000, None))
    >>> bounds("nearly", 300), bounds("range", 10000, None, 12000)
    ((None, 300), (10000, 12000))
    """
    if qualifier in ("exact", "approx"):
        return value, value
    if qualifier in ("at_least", "more_than"):
        return value, None
    if qualifier in ("up_to", "nearly"):
        return None, value
    if qualifier == "range":
        return (value if low is None else low), high
    return low, high

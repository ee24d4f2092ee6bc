"""Sentences of an article body, and the clause a number stands in. One splitter for the
whole project: the Review page splits with `line_sentences` too."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.extract.numbers import CANDIDATE, may_hold_number


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    para: int
    has_number: bool = True  # a digit or a number word stands in it (numbers.CANDIDATE)


def split_sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Paragraphs (lines) split into sentences, with offsets into `text`."""
    out: list[Sentence] = []
    for para, m in enumerate(re.finditer(r"[^\n]+", text[start:end])):
        line = m.group(0)
        if not line.strip():
            continue
        base = start + m.start()
        if not may_hold_number(line):
            # no number: the paragraph is context only, kept whole
            s, e = len(line) - len(line.lstrip()), len(line.rstrip())
            out.append(Sentence(base + s, base + e, line[s:e], para, has_number=False))
            continue
        for s0, e0 in line_sentences(line):
            for s, e in _run_together(line, s0, e0):
                while s < e and line[s].isspace():
                    s += 1
                while e > s and line[e - 1].isspace():
                    e -= 1
                if e > s:
                    out.append(Sentence(base + s, base + e, line[s:e], para,
                                        has_number=may_hold_number(line[s:e])))
    return _rejoin_broken(text, out)


# "... sent some 9,000 men to fight beside\n\nthe Russian units last year,\n\nwhere over 2,000 of
# them died, by one account": a page that breaks one sentence over
# paragraphs. A piece ending in a comma, or in no stop before a lower-case start, goes on.
_GOES_ON_AFTER = re.compile(r"(?:,|[^.!?:;\"”’)\]\s])$")
# words no sentence ends on: "... to fight alongside" goes on in the next piece
_NO_END_WORDS = ("the", "a", "an", "of", "to", "in", "on", "at", "with", "alongside", "and", "or", "for", "from",
                 "by", "than", "into", "against")
_NO_END_WORD = re.compile(rf"\s(?:{'|'.join(_NO_END_WORDS)})$")
_NO_END_TAIL = 1 + max(map(len, _NO_END_WORDS))  # a space and the longest word


def _rejoin_broken(text: str, sentences: list[Sentence]) -> list[Sentence]:
    out: list[Sentence] = []
    for sent in sentences:
        prev = out[-1] if out else None
        # (both patterns end the text and match a few characters only: a sentence's text is
        # stripped, so its tail holds any match; searching the whole text cost a scan of it)
        if prev is not None and prev.para != sent.para and _GOES_ON_AFTER.search(prev.text[-1:]) and (
                prev.text.endswith(",") or sent.text[:1].islower() or _NO_END_WORD.search(prev.text[-_NO_END_TAIL:])) \
                and sent.text[:1].isalpha():
            out[-1] = Sentence(prev.start, sent.end, text[prev.start:sent.end], prev.para,
                               has_number=prev.has_number or sent.has_number)
            continue
        out.append(sent)
    return out


_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9]|\s*$)")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Gov|Sen|Rep|Pres|St|"
    r"No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est|vs|etc|Inc|Corp|Co))\.$")


def line_sentences(line: str) -> list[tuple[int, int]]:
    """Sentences of one line as (start, end): split after . ! or ? followed by a space and
    a capital or a digit, but not after an initial or a common abbreviation (U.S., Gen.,
    Nov.).

    >>> t = "U.S. intelligence and Gen. Budanov said so. Then e.g. more."
    >>> [t[a:b] for a, b in line_sentences(t)]
    ['U.S. intelligence and Gen. Budanov said so.', ' Then e.g. more.']
    """
    spans, a = [], 0
    for m in _SENTENCE_END.finditer(line):
        if line[m.start()] == "." and _ABBREVIATION.search(line[max(a, m.start() - 12):m.start() + 1]):
            continue
        spans.append((a, m.end()))
        a = m.end()
    if a < len(line):
        spans.append((a, len(line)))
    return spans


# "on Tuesday.The ministry said": paragraphs run together with no space after the stop
# (two lower-case letters or a digit before it, so "U.S.The" and "No.3" stay whole; after a
# digit a word of three letters or a common two-letter opener, "in February 2022.In its"; a
# site's name "Caliber.Az," with a short piece and a comma after the dot stays whole)
# (the stop comes first in the pattern: a pattern that opens with a lookbehind is tried at
# every position, which cost more than the rest of the splitting)
_RUN_TOGETHER = re.compile(r"[.!?](?:(?<=[a-z]{2}.)(?=[A-Z][a-z])(?![A-Z][a-z]{1,2}[,;)])"
                           r"|[”’\"](?<=[a-z\d]..)(?=[A-Z])"
                           r"|(?<=\d.)(?=[A-Z][a-z]{2}|(?:In|It|At|As|On|By|He|An|If)\s))")


def _run_together(line: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [m.end() for m in _RUN_TOGETHER.finditer(line, start, end)]
    bounds = [start] + cuts + [end]
    return list(zip(bounds, bounds[1:]))


# --- the clause of a number --------------------------------------------------------------

# "... 1,500 soldiers and was preparing to send ...": the verb after "and" is another predicate
_NEW_PREDICATE = (r"(?:was|were|is|are|has|have|had|would|will|intends?|intended|plans?|planned|"
                  r"expects?|expected)\b")
_CASUALTY_WORD = r"(?:killed|dead|wounded|injured|missing|captured)\b"
_CLAUSE_END_AFTER = re.compile(rf"""
    [;:.!?()“”"]                                    # punctuation that ends a clause
  | ,\s(?!{_CASUALTY_WORD})                         # a comma, unless "2,000, killed or wounded"
  | \s(?:while|but|whereas|and\s+that)\s            # a contrasting or new clause
  | \s(?:and|but)\s+(?:(?:it|they|he|she|Pyongyang|the\s+North)\s+)?{_NEW_PREDICATE}
                                                    # "and (it) was preparing": a new predicate
  | (?<!\d)(?!(?:19|20)\d\d\b)(?!\d+(?:st|nd|rd|th)\b){CANDIDATE.pattern}
                                                    # the next number (not a year or ordinal)
""", re.I | re.X)
# "The first group, 2.6 thousand soldiers, is to be sent": the verb after an apposition
_VERB_AFTER_APPOSITION = re.compile(r"""
    ,\s+(?:(?:both|all|each|mostly)\s+\w+,\s+)?     # the comma closing it ("both units,")
    (?:is|are|was|were|will|would|could|have|has|had|may|might)\b
    [^;:.!?()\d]*                                   # the rest of that predicate
""", re.X)


# an aside set off by commas, with no figure, before the number's own predicate: "3,000
# troops, or roughly a quarter of the force sent, had been killed", "200 soldiers, who were
# deployed to Kursk, have been taken to hospital", "three soldiers, including two officers, were hurt"
_ASIDE_THEN_VERB = re.compile(r"""
    ,\s+(?:or|who|which|including)\s[^,;:.!?()\d]{1,100},\s+
    (?:is|are|was|were|will|would|could|have|has|had|may|might)\b
    [^;:.!?()\d]*
""", re.X)


# The rules ask for the same clause of the same number again and again: remembered.
@lru_cache(maxsize=4096)
def clause_after(after: str, limit: int = 90) -> str:
    """The words after a number that still belong to its clause."""
    cut = _CLAUSE_END_AFTER.search(after)
    end = cut.start() if cut else len(after)
    if cut and cut.group(0).startswith(","):
        m = _VERB_AFTER_APPOSITION.match(after[cut.start():])
        aside = None if m else _ASIDE_THEN_VERB.match(after[cut.start():])
        if m or aside:
            end = cut.start() + (m or aside).end()
        if aside:
            limit = max(limit, end)  # the aside's words do not use up the reach
    return after[:min(end, limit)]


@lru_cache(maxsize=4096)
def clause_before(before: str, comma: bool) -> str:
    """The words before a number that still belong to its clause. A short label ending
    in a colon ("- Killed or wounded so far: 4,000") stays: it says what is counted."""
    stops = r"[;!?]|:(?!\s*$)|\s(?:while|but|whereas)\s|,\s+yet\s|\d[\d,.]*\s*\w*\b"
    if comma:
        stops += r"|,\s"
    cuts = [m for m in re.finditer(stops, before)
            if not (m.group(0) == ":" and len(before[:m.start()].split()) <= 10)]
    if before.rstrip().endswith(":") and len(before.split()) > 7:
        cuts.append(re.search(r":\s*$", before))  # "X said: 3,000": a quote opens
    start = max((m.end() for m in cuts), default=0)
    return before[max(start, len(before) - 140):]

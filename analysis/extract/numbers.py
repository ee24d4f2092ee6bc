"""Finding number phrases in text and reading their values.

Digits with any thousands separator (`11,000`, `10.000`, `10 000`), scale words (`12
thousand`, `1.5 million`, `12k`), number words (`ten thousand`, via text2num), and ranges
(`10,000 to 12,000`, `30-35 thousand`, `between 10,000 and 12,000`). Every result keeps
its span in the text it came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from analysis.extract.patterns import IgnoringCase, trie

SCALES = {"thousand": 1_000, "million": 1_000_000, "k": 1_000, "mln": 1_000_000,
          "m": 1_000_000, "hundred": 100}

_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundred|thousand|million"
)
_WORD = rf"(?:{trie(_WORDS.split('|'))})"
# "a thousand", "twenty-five thousand", "one hundred and fifty"
_SCALE_WORD = r"(?:hundred|thousand|million)"
_UNIT_WORD = _WORDS.replace("|hundred|thousand|million", "")
# "ten thousand", "a thousand", "half a million"; a bare "hundred" ("several hundred") is no number
_WORD_NUMBER = (rf"(?:half\s+a\s+{_SCALE_WORD}|(?:an?\s+{_SCALE_WORD}|(?:{_UNIT_WORD}))"
                rf"(?:(?:\s+and\s+|[\s-]+){_WORD})*)")
# "9, 000" and "10‚000" (a low-9 quote for the comma) are slips of real copy
_SEP = r"(?:,[ \u00a0](?=\d{3}(?!\d))|[,.\u00a0\u202f\u2009 '\u201a])"
# "1,2 million" in translated copy: a decimal comma, only before a scale word
# "10,0000": a slip that groups four digits; read as the digits written (100,000)
_DIGITS = (rf"(?:\d{{1,3}}(?:{_SEP}\d{{3}})+(?![\d])|\d{{1,3}},\d{{4}}(?![\d,.])"
           rf"|\d+,\d{{1,2}}(?=\s*(?:million|thousand|mln)\b)|\d+(?:\.\d+)?)")
# "12 thousand", "12-thousand" (a house style), "12k"
_SCALE = r"(?:(?:\s*|-)(?:thousand|million|mln|hundred)\b|(?<=\d)[kK]\b|\s*[kK]\b(?!\w))"
# "three-thousand-200": words, then the digits below the scale word
_WORD_DIGITS = r"(?:(?:(?<=hundred)|(?<=thousand)|(?<=million))-\d{1,3}(?![\d,.]\d))"
_NUMBER = rf"(?:(?<![\w.,]){_DIGITS}(?:{_SCALE})?(?![^\W_])|\b{_WORD_NUMBER}(?:{_WORD_DIGITS}|\b))"

# A cheap first look: text without a digit or a number word holds no number phrase.
_NUMBER_WORD = IgnoringCase(re.compile(rf"\b(?:{trie(_WORDS.split('|') + ['half'])})\b", re.I))
CANDIDATE = re.compile(rf"\d|{_NUMBER_WORD.pattern}", re.I)


def may_hold_number(text: str) -> bool:
    """Whether CANDIDATE finds anything in text: a digit is looked for first, far more
    cheaply than the words."""
    return bool(_DIGIT.search(text) or _NUMBER_WORD.search(text))


_DIGIT = re.compile(r"\d")

_RANGE = re.compile(
    rf"(?:\b(?P<between>between|from)\s+)?(?P<a>{_NUMBER})\s*"
    rf"(?P<join>to|–|—|-|~|and)\s*(?P<b>{_NUMBER})", re.I)
_SINGLE = re.compile(_NUMBER, re.I)


@dataclass(frozen=True)
class NumberPhrase:
    """A number (or range) found in text: its span, surface text and value(s)."""
    start: int
    end: int
    text: str
    value: float
    high: float | None = None  # set for a range

    @property
    def is_range(self) -> bool:
        return self.high is not None


# parse_number's patterns, compiled once: it runs for every number phrase found
_DIGITS_SCALED = re.compile(rf"({_DIGITS})(?:\s*|-(?=[tmh]))(thousand|million|mln|hundred|k|m)?", re.I)
_GROUPED = re.compile(rf"\d{{1,3}}(?:{_SEP}\d{{3}})+")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_DECIMAL_POINT = re.compile(r"\d+\.\d+")
_TYPO_THOUSANDS = re.compile(r"\d{1,3},\d{4}")  # "10,0000": one zero too many
_SEP_RE = re.compile(_SEP)
_WORDS_THEN_DIGITS = re.compile(rf"({_WORD_NUMBER})-(\d{{1,3}})", re.I)
_WORD_NUMBER_RE = re.compile(_WORD_NUMBER, re.I)

MAX_VALUE = 1e10  # nothing counted in people comes near; longer digit runs are identifiers


def parse_number(text: str) -> float | None:
    """The value of one number token.

    >>> [parse_number(s) for s in ["3,000", "10.000", "12 thousand", "1.5 million", "12k"]]
    [3000.0, 10000.0, 12000.0, 1500000.0, 12000.0]
    >>> [parse_number(s) for s in ["ten thousand", "a thousand", "two", "10 000", "1,2 million"]]
    [10000.0, 1000.0, 2.0, 10000.0, 1200000.0]
    >>> parse_number("thousands") is None, parse_number("hundred") is None
    (True, True)
    >>> parse_number("half a million")
    500000.0
    >>> [parse_number(s) for s in ["12-thousand", "three-thousand-200", "8K", "12 000"]]
    [12000.0, 3200.0, 8000.0, 12000.0]
    >>> [parse_number(s) for s in ["9, 000", "10\u201a000", "10,0000"]]
    [9000.0, 10000.0, 100000.0]
    """
    s = text.strip()
    m = _DIGITS_SCALED.fullmatch(s)
    if m:
        digits, scale = m.group(1), (m.group(2) or "").lower()
        grouped = _GROUPED.fullmatch(digits)
        if _DECIMAL_COMMA.fullmatch(digits):
            number = float(digits.replace(",", "."))
        elif _TYPO_THOUSANDS.fullmatch(digits):
            number = float(digits.replace(",", ""))
        elif grouped and not (scale and _DECIMAL_POINT.fullmatch(digits)):
            number = float(_SEP_RE.sub("", digits))  # "1.500 million" stays a decimal
        else:
            number = float(digits)
        number *= SCALES.get(scale, 1)
        return number if number <= MAX_VALUE else None
    mixed = _WORDS_THEN_DIGITS.fullmatch(s)
    if mixed:
        head = parse_number(mixed.group(1))
        # "three-thousand-200": the digits fill in below the last scale word
        if head is None or not re.search(r"(?:hundred|thousand|million)$", mixed.group(1), re.I) \
                or int(mixed.group(2)) >= _scale_of_word(mixed.group(1)):
            return None
        return head + int(mixed.group(2))
    if not _WORD_NUMBER_RE.fullmatch(s):
        return None
    half = re.match(r"half\s+a\s+(\w+)$", s, re.I)
    if half:
        return SCALES[half.group(1).lower()] / 2 if half.group(1).lower() in SCALES else 50.0
    words = re.sub(r"^an?\s+", "one ", s.lower()).replace("-", " ")
    words = re.sub(r"\s+", " ", words)
    try:
        return float(text2num(words, "en"))
    except ValueError:
        return None


def _scale_of_word(words: str) -> int:
    m = re.search(r"(hundred|thousand|million)$", words, re.I)
    return {"hundred": 100, "thousand": 1_000, "million": 1_000_000}[m.group(1).lower()] if m else 1


def _scale_of(token: str) -> int:
    m = re.search(r"(thousand|million|mln|hundred|k)\s*$", token, re.I)
    return SCALES[m.group(1).lower()] if m else 1


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberPhrase]:
    """Every number phrase in text[start:end], ranges first, spans into `text`.

    >>> [(p.text, p.value, p.high) for p in find_numbers("30-35 thousand troops and 1,500 men")]
    [('30-35 thousand', 30000.0, 35000.0), ('1,500', 1500.0, None)]
    >>> [(p.text, p.value, p.high) for p in find_numbers("between 10,000 and 12,000 soldiers")]
    [('between 10,000 and 12,000', 10000.0, 12000.0)]
    >>> [(p.value, p.high) for p in find_numbers("11 to 12,000 men, 1,000~3,000 and 500 to 3,000")]
    [(11000.0, 12000.0), (1000.0, 3000.0), (500.0, 3000.0)]
    >>> [(p.value, p.high) for p in find_numbers("twenty-seven hundred wounded, thirty-five thousand")]
    [(2700.0, None), (35000.0, None)]
    """
    end = len(text) if end is None else end
    found: list[NumberPhrase] = []
    done = start
    # Regexes are tried only where a digit or number word stands (with the words that may
    # lead into it): scanning every position with them cost most of the extraction time.
    for cand in CANDIDATE.finditer(text, start, end):
        pos = cand.start()
        if pos < done:
            continue
        lead = _LEAD_IN.search(text, max(start, pos - 14), pos)
        head = lead.start() if lead else pos
        phrase = None
        for at in dict.fromkeys((head, pos)):
            m = _RANGE.match(text, at, end)
            phrase = _range_phrase(m) if m else None
            if phrase:
                break
        if phrase is None:
            for at in dict.fromkeys((head, pos)):
                m = _SINGLE.match(text, at, end)
                value = parse_number(m.group(0)) if m else None
                if value is not None:
                    phrase = NumberPhrase(m.start(), m.end(), m.group(0), value)
                    break
        if phrase:
            found.append(phrase)
            done = phrase.end
    return found


_LEAD_IN = re.compile(r"\b(?:between|from|half\s+a|an?)\s+$", re.I)


def _range_phrase(m: re.Match) -> NumberPhrase | None:
    join = m.group("join").lower()
    between = (m.group("between") or "").lower()
    if (join == "and") != (between == "between"):
        return None  # "10,000 and 12,000" is two numbers; "between 10,000 to 12,000" is odd
    if join == "-" and m.group("a")[-1].isalpha() and m.group("b")[0].isalpha():
        return None  # "twenty-seven hundred" is one number
    a, b = parse_number(m.group("a")), parse_number(m.group("b"))
    if a is None or b is None:
        return None
    scale_a, scale_b = _scale_of(m.group("a")), _scale_of(m.group("b"))
    if scale_a == 1 and scale_b > 1 and a < b:
        a *= scale_b  # "30-35 thousand": the scale covers both ends
    elif scale_a == 1 and b >= 1000 and b % 1000 == 0 and a < 1000 and a * 1000 < b:
        a *= 1000  # "11 to 12,000": the first end is in thousands too
    if not a < b:
        return None
    return NumberPhrase(m.start(), m.end(), m.group(0), a, b)

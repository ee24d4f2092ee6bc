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

SCALES = {"thousand": 1_000, "million": 1_000_000, "k": 1_000, "mln": 1_000_000,
          "m": 1_000_000, "hundred": 100}

_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundred|thousand|million"
)
_WORD = rf"(?:{_WORDS})"
# "a thousand", "twenty-five thousand", "one hundred and fifty"
_SCALE_WORD = r"(?:hundred|thousand|million)"
_UNIT_WORD = _WORDS.replace("|hundred|thousand|million", "")
# "ten thousand", "a thousand", "half a million"; a bare "hundred" ("several hundred") is no number
_WORD_NUMBER = (rf"(?:half\s+a\s+{_SCALE_WORD}|(?:an?\s+{_SCALE_WORD}|(?:{_UNIT_WORD}))"
                rf"(?:(?:\s+and\s+|[\s-]+){_WORD})*)")
_SEP = r"[,.\u00a0\u202f\u2009 ']"
# "1,2 million" in translated copy: a decimal comma, only before a scale word
_DIGITS = rf"(?:\d{{1,3}}(?:{_SEP}\d{{3}})+(?![\d])|\d+,\d{{1,2}}(?=\s*(?:million|thousand|mln)\b)|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?:thousand|million|mln)\b|(?<=\d)[kK]\b|\s*[kK]\b(?!\w))"
_NUMBER = rf"(?:(?<![\w.,]){_DIGITS}(?:{_SCALE})?(?![^\W_])|\b{_WORD_NUMBER}\b)"

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
    """
    s = text.strip()
    m = re.fullmatch(rf"({_DIGITS})\s*(thousand|million|mln|k|m)?", s, re.I)
    if m:
        digits, scale = m.group(1), (m.group(2) or "").lower()
        grouped = re.fullmatch(rf"\d{{1,3}}(?:{_SEP}\d{{3}})+", digits)
        if re.fullmatch(r"\d+,\d{1,2}", digits):
            number = float(digits.replace(",", "."))
        elif grouped and not (scale and re.fullmatch(r"\d+\.\d+", digits)):
            number = float(re.sub(_SEP, "", digits))  # "1.500 million" stays a decimal
        else:
            number = float(digits)
        number *= SCALES.get(scale, 1)
        return number if number <= MAX_VALUE else None
    if not re.fullmatch(_WORD_NUMBER, s, re.I):
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


def _scale_of(token: str) -> int:
    m = re.search(r"(thousand|million|mln|k)\s*$", token, re.I)
    return SCALES[m.group(1).lower()] if m else 1


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberPhrase]:
    """Every number phrase in text[start:end], ranges first, spans into `text`.

    >>> [(p.text, p.value, p.high) for p in find_numbers("30-35 thousand troops and 1,500 men")]
    [('30-35 thousand', 30000.0, 35000.0), ('1,500', 1500.0, None)]
    >>> [(p.text, p.value, p.high) for p in find_numbers("between 10,000 and 12,000 soldiers")]
    [('between 10,000 and 12,000', 10000.0, 12000.0)]
    >>> [(p.value, p.high) for p in find_numbers("11 to 12,000 men, 1,000~3,000 and 500 to 3,000")]
    [(11000.0, 12000.0), (1000.0, 3000.0), (500.0, 3000.0)]
    """
    end = len(text) if end is None else end
    found: list[NumberPhrase] = []
    taken: list[tuple[int, int]] = []
    for m in _RANGE.finditer(text, start, end):
        join = m.group("join").lower()
        if join == "and" and not m.group("between"):
            continue
        if m.group("between") and m.group("between").lower() == "between" and join != "and":
            continue
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if a is None or b is None:
            continue
        scale_a, scale_b = _scale_of(m.group("a")), _scale_of(m.group("b"))
        if scale_a == 1 and scale_b > 1 and a < b:
            a *= scale_b  # "30-35 thousand": the scale covers both ends
        elif scale_a == 1 and b >= 1000 and b % 1000 == 0 and a < 1000 and a * 1000 < b:
            a *= 1000  # "11 to 12,000": the first end is in thousands too
        if not a < b:
            continue
        found.append(NumberPhrase(m.start(), m.end(), m.group(0), a, b))
        taken.append((m.start(), m.end()))
    for m in _SINGLE.finditer(text, start, end):
        if any(s <= m.start() < e for s, e in taken):
            continue
        value = parse_number(m.group(0))
        if value is None:
            continue
        found.append(NumberPhrase(m.start(), m.end(), m.group(0), value))
    return sorted(found, key=lambda p: p.start)

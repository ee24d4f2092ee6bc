"""Regex building shared by the parsers."""
from __future__ import annotations

import re
from re import _constants as _c, _parser
from typing import Iterator


def trie(phrases, after_first: str = "", space: str = r"\s+") -> str:
    """One regex for many phrases, branching by shared prefix: Python's re tries the
    branches of a flat alternation one by one at every position, a trie only where the
    text could still match. Longer phrases are tried before their prefixes.
    `after_first` is put after the first character of every phrase; a space in a phrase
    stands for `space`.

    >>> re.fullmatch(trie(["said", "says", "say"]), "says") is not None
    True
    """
    root: dict = {}
    for phrase in set(phrases):
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict, first: bool = False) -> str:
        branches = [(space if ch == " " else re.escape(ch)) + (after_first if first else "") + build(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root, first=True)


def alternation(phrases, flags=re.I) -> re.Pattern:
    """Any of the phrases as a whole word or words (a hyphen counts as part of a word)."""
    if flags & re.I or any(not p or p[0].isspace() for p in phrases):
        return re.compile(rf"(?<![\w-])(?:{trie(phrases)})(?![\w-])", flags)
    # Case-sensitive: the check behind the word comes after its first character (the same
    # condition, one character further back), so that re scans only for the characters a
    # phrase can open with instead of trying every position (about twice as fast).
    return re.compile(rf"(?:{trie(phrases, after_first=_NO_WORD_BEFORE_IT)})(?![\w-])", flags)


_NO_WORD_BEFORE_IT = r"(?<![\w-].)"  # the character before the one just read is no word's


def exact(phrases) -> str:
    """The phrases as one alternation, each taken literally (spaces stay single spaces),
    longest first.

    Lower-case phrases become a trie: of the phrases that fit at one place, each is a
    prefix of the longer ones, and a trie tries them longest first too, so it matches
    exactly what the flat list matches, at a fraction of the cost where it is searched for.
    """
    phrases = set(phrases)
    if all(p == p.lower() for p in phrases):
        return "(?:" + trie(phrases, space=re.escape(" ")) + ")"
    return "(?:" + "|".join(map(re.escape, sorted(phrases, key=lambda p: (-len(p), p)))) + ")"


# Ignoring case, re matches an ASCII letter with its two cases and with four letters of other
# scripts that lower() keeps apart (İ ı ſ K, the last the Kelvin sign); lower() changes the
# length of none but İ. Lower-cased text stands for the text only where none of them does.
FOLDS_TO_ASCII = ("İ", "ı", "ſ", "\u212a")
_FOLDS_TO_ASCII = re.compile(f"[{''.join(FOLDS_TO_ASCII)}]")


def folds_to_ascii(text: str) -> bool:
    """Whether text holds one of FOLDS_TO_ASCII (then it is searched as written)."""
    return not text.isascii() and _FOLDS_TO_ASCII.search(text) is not None  # (isascii is the cheap look)


class IgnoringCase:
    """A pattern that ignores case, searched through its case-sensitive twin in the
    lower-cased text: re tries a pattern that ignores case at every position of a text, but
    scans for where its twin can start (about twice as fast on a sentence). Each match of the
    twin is read again at its place with the pattern itself, so the matches are the ones
    the pattern gives; text holding one of FOLDS_TO_ASCII is searched with the pattern. The
    twin's letters are lower-cased (the same letters, ignoring case); a pattern with a
    case-sensitive part, a range from capitals to small letters, a named character or
    letters other than ASCII ones is refused. It pays for
    patterns searched in whole sentences that re cannot scan for when ignoring case; a
    pattern searched in a short window, or opening on a character class, is as fast or
    faster as written (each use was timed against the pattern on the texts of a run)."""

    def __init__(self, pattern: re.Pattern) -> None:
        source = pattern.pattern
        bare = re.sub(r"\\.", "", source)  # (escapes and verbose comments are not looked at)
        if pattern.flags & re.X:
            bare = re.sub(r"#[^\n]*", "", bare)
        if not pattern.flags & re.I or re.search(r"\(\?[a-zA-Z]*(?:-[a-zA-Z]*i|L)|[A-Z]-[^A-Z]", bare) or \
                "\\N{" in source or any(not c.isascii() and c.isalpha() for c in bare):
            raise ValueError(f"not a pattern for lower-cased text: {source[:60]!r}")
        self.compiled = pattern
        self.pattern, self.flags = source, pattern.flags
        # an escape ("\\W", "\\B") and a named group's "(?P" are kept as written; every other
        # letter is lower-cased
        twin = re.sub(r"\\.|\(\?P|[^\\(]+|\(", lambda m: m.group(0) if m.group(0)[0] == "\\" or
                      m.group(0) == "(?P" else m.group(0).lower(), source)
        self._twin = re.compile(twin, pattern.flags & ~re.I)

    def search(self, text: str) -> re.Match | None:
        if folds_to_ascii(text):
            return self.compiled.search(text)
        m = self._twin.search(text.lower())
        return self.compiled.match(text, m.start()) if m else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        if folds_to_ascii(text):
            return self.compiled.finditer(text)
        return (self.compiled.match(text, m.start()) for m in self._twin.finditer(text.lower()))

    def match(self, text: str, *span: int) -> re.Match | None:
        return self.compiled.match(text, *span)  # (anchored: nothing to scan for)


def needed_words(pattern: re.Pattern) -> frozenset[str] | None:
    """Lower-case ASCII words one of which every match of the pattern holds (read from the
    parsed pattern: a run of literal characters, or one such run from every branch of an
    alternation), or None when no such words can be read. Of several choices the one whose
    shortest word is longest is taken (the rarest to meet)."""
    return _needed(_parser.parse(pattern.pattern, pattern.flags))


def _needed(items) -> frozenset[str] | None:
    choices: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        if run:
            choices.append(frozenset({run}))
            run = ""
        found = None
        if op is _c.SUBPATTERN:
            found = _needed(av[3])
        elif op is _c.ATOMIC_GROUP:
            found = _needed(av)
        elif op is _c.BRANCH:
            branches = [_needed(b) for b in av[1]]
            found = None if any(b is None for b in branches) else frozenset().union(*branches)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            found = _needed(av[2])
        if found:
            choices.append(found)
    if run:
        choices.append(frozenset({run}))
    return max(choices, key=lambda words: (min(map(len, words)), -len(words)), default=None)


def tail_words(pattern: re.Pattern) -> frozenset[str] | None:
    """For a pattern anchored at the end ("... by\\s+(?:the\\s+)?$"): lower-case ASCII
    words one of which ends every text it matches in, trailing whitespace aside ("by",
    "the"), read from the parsed pattern; None when it is not anchored so or the words
    cannot be read (a class of characters before the whitespace, "[A-Z]\\w*\\s+$")."""
    items = list(_parser.parse(pattern.pattern, pattern.flags))
    if pattern.flags & re.M or not items or items[-1] != (_c.AT, _c.AT_END):  # ("$" of every line)
        return None
    return _tail(items[:-1])


def _blank(op, av) -> bool:
    """The item matches whitespace only, or nothing (a look at a word boundary)."""
    if op is _c.IN:
        return all(o is _c.CATEGORY and a in (_c.CATEGORY_SPACE, _c.CATEGORY_UNI_SPACE) for o, a in av)
    if op is _c.LITERAL:
        return chr(av).isspace()
    if op is _c.AT:
        return av in (_c.AT_BOUNDARY, _c.AT_UNI_BOUNDARY)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return all(_blank(*item) for item in av[2])
    if op is _c.SUBPATTERN:
        return all(_blank(*item) for item in av[3])
    return False


def _tail(items: list) -> frozenset[str] | None:
    while items and _blank(*items[-1]):
        items = items[:-1]
    if not items:
        return None
    op, av = items[-1]
    if op is _c.LITERAL:
        if av >= 128:
            return None
        run, k = "", len(items) - 1
        while k >= 0 and items[k][0] is _c.LITERAL and items[k][1] < 128 and not chr(items[k][1]).isspace():
            run = chr(items[k][1]).lower() + run
            k -= 1
        return frozenset({run})
    if op is _c.SUBPATTERN:
        return _tail(items[:-1] + list(av[3]))
    if op is _c.BRANCH:
        tails = [_tail(items[:-1] + list(branch)) for branch in av[1]]
        return None if any(t is None for t in tails) else frozenset().union(*tails)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _, repeated = av
        present = _tail(items[:-1] + list(repeated))
        if low >= 1 or present is None:
            return present
        absent = _tail(items[:-1])
        return None if absent is None else present | absent
    return None


class NeedsWords:
    """A pattern searched only where the lower-cased text holds one of the words every
    match of it holds (`needed_words`), or for a pattern anchored at the end, only where
    the text ends in one of its last words (`tail_words`): a few substring looks cost far
    less than a regex tried at every position of a text, and most texts fail them. Exact:
    case aside, a match holds the words as written, and ignoring case re matches an ASCII
    letter only with its two cases and FOLDS_TO_ASCII, with which a text is searched anyway.
    Refused when the pattern has no such words, or too short or too many to pay."""

    MIN_LENGTH, MAX_WORDS = 3, 24

    def __init__(self, pattern: re.Pattern) -> None:
        self.compiled = pattern
        self.pattern, self.flags = pattern.pattern, pattern.flags
        tails = tail_words(pattern)
        self.tails = tuple(sorted(tails)) if tails else None
        self.reach = max(map(len, tails)) if tails else 0
        words = needed_words(pattern)
        worth = bool(words) and min(map(len, words)) >= self.MIN_LENGTH and len(words) <= self.MAX_WORDS
        if not self.tails and not worth:
            raise ValueError(f"no words worth looking for first: {pattern.pattern[:60]!r} ({words})")
        self.words = tuple(sorted(words, key=len, reverse=True)) if worth else ()

    def may_match(self, text: str) -> bool:
        if folds_to_ascii(text):
            return True
        if self.tails:
            return text.rstrip()[-self.reach:].lower().endswith(self.tails)
        low = text.lower()
        for word in self.words:  # (a loop: a generator costs more than the looks)
            if word in low:
                return True
        return False

    def search(self, text: str, *span: int) -> re.Match | None:
        # (a span moves where "$" matches: only a whole text is looked at first)
        return self.compiled.search(text, *span) if span or self.may_match(text) else None

    def finditer(self, text: str, *span: int) -> Iterator[re.Match]:
        return self.compiled.finditer(text, *span) if span or self.may_match(text) else iter(())

    def match(self, text: str, *span: int) -> re.Match | None:
        return self.compiled.match(text, *span)  # (anchored: nothing to scan for)

    def fullmatch(self, text: str, *span: int) -> re.Match | None:
        return self.compiled.fullmatch(text, *span)

"""Regex building shared by the parsers."""
from __future__ import annotations

import re
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

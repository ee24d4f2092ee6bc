"""Regex building shared by the parsers."""
from __future__ import annotations

import re


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

"""Regex building shared by the parsers."""
from __future__ import annotations

import re


def trie(phrases) -> str:
    """One regex for many phrases, branching by shared prefix: Python's re tries the
    branches of a flat alternation one by one at every position, a trie only where the
    text could still match. Longer phrases are tried before their prefixes.

    >>> re.fullmatch(trie(["said", "says", "say"]), "says") is not None
    True
    """
    root: dict = {}
    for phrase in set(phrases):
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def alternation(phrases, flags=re.I) -> re.Pattern:
    """Any of the phrases as a whole word or words (a hyphen counts as part of a word)."""
    return re.compile(rf"(?<![\w-])(?:{trie(phrases)})(?![\w-])", flags)


def exact(phrases) -> str:
    """The phrases as a flat alternation, each taken literally (spaces stay single
    spaces), longest first."""
    return "(?:" + "|".join(map(re.escape, sorted(set(phrases), key=lambda p: (-len(p), p)))) + ")"

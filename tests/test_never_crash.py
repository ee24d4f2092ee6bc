"""Extraction never crashes and never returns a row whose offsets miss its quote,
whatever the text: furniture, odd separators, broken markup, random bytes as text."""
from __future__ import annotations

import random

import pytest

from analysis.extract import extract_text

NASTY = [
    "", "\n\n\n", "-----", "---\n---\n", "---\ntitle: [unclosed\n---\nNorth Korea sent 1,500 troops.",
    "1,500", "3,000+", "~~~ 10.000 ~~~", "1,2 million", "half a million", "a thousand",
    "between and", "from 10 to", "30-35 thousand-", "12k12k12k", "⁣1,500 soldiers\u200b",
    "North Korean troops: 11 000\u00a0soldiers, 12\u202f000 men", "Ảnh 1. Comment (0)",
    "North Korea sent (((1,500))) troops [[2,000]] {3,000}", "http://x.org/1500-troops",
    "One. Two. Three. Four thousand North Korean soldiers.", "9" * 400,
    "North Korea " + "1,500 troops and " * 300, "«Zelensky»: „3.000“ Soldaten aus Nordkorea",
    "北朝鮮 1,500 명 병력 North Korean troops", "Zelensky: \x0c 3,000 \x0b killed",
    # a line break or a run of spaces inside a many-word name or side
    "a South\nKorean lawmaker, Kim, said 3,000 North\nKorean troops were sent. Kim added more.",
    "North  Korean troops: South\u00a0Korean officials said 1,500 were sent",
]


@pytest.mark.parametrize("text", NASTY)
def test_nasty_inputs(text):
    _check(text)


def test_random_mixtures_of_real_fragments():
    fragments = ["North Korean", "troops", "soldiers", "killed", "wounded", "more than",
                 "about", "up to", "1,500", "12 thousand", "ten thousand", "30-35", "3,000+",
                 ",", ".", ";", ":", "\n", "Zelensky said", "according to the NIS", "on Monday",
                 "Dec. 23", "the 23rd", "between", "and", "to", "-", "(", ")", "“", "”",
                 "https://e.org/a", "1.2 million-strong army", "Russian", "one in three", "%"]
    rng = random.Random(20241023)
    for _ in range(300):
        # words joined by a space, a line break or a run of spaces, as pages wrap them
        joiner = rng.choice([" ", " ", "\n", "  "])
        _check(joiner.join(rng.choice(fragments) for _ in range(rng.randint(1, 40))))


def _check(body: str) -> None:
    text = "---\npublished: 2024-12-24\n---\n" + body
    for row in extract_text(text, "fuzz.txt"):
        assert text[row["start"]:row["end"]] == row["quote"]
        assert row["value"] > 0
        assert row["measure"] in ("troops_deployed", "troops_planned", "casualties", "killed",
                                  "wounded", "captured")

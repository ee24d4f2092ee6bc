"""What the stages share: the article read so far, and the place of one number in it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from analysis.extract.numbers import NumberPhrase
from analysis.extract.sentences import Sentence

if TYPE_CHECKING:
    from analysis.extract.attribution import Voices
    from analysis.extract.claimant import LocalNames, Speaker


@dataclass
class ArticleState:
    """One article as extraction walks it: its sentences, the people it introduces, who
    spoke in which sentence and on what day, the dates met so far, the figures found so
    far and the title. A table cell is read with a state of its own (the sentences before
    the table, no speakers)."""
    sentences: list[Sentence]
    title: str = ""
    local: LocalNames | None = None
    published: date | None = None  # what day-only wording in a sentence is read against
    month_end: date | None = None  # a page dated to a month only: its last day (dates.page_month)
    # (sentence index, the sentence's last speaker, the day it spoke): "He added" looks back
    speakers: list[tuple[int, Speaker, date | None]] = field(default_factory=list)
    dates: list[date] = field(default_factory=list)   # resolved dates, for "the same day"
    rows: list[dict] = field(default_factory=list)     # figures found so far, in text order
    voices: Voices | None = None   # who speaks beyond single sentences (attribution.py)
    # the day the sentence after each sentence gives its figures, once read (attribution.py)
    day_given_after: dict[int, date | None] = field(default_factory=dict)
    # where each sentence names back what came before ("This was reported by"), once read (attribution.py)
    back_references: dict[int, re.Match | None] = field(default_factory=dict)


@dataclass
class Context:
    """What one number phrase sits in: the sentence, the text before and after it, and
    where that sentence stands in the article."""
    sentence: Sentence
    number: NumberPhrase
    before: str      # sentence text before the number, as written
    after: str       # sentence text after the number
    index: int       # of the sentence in state.sentences
    state: ArticleState
    speakers: list[Speaker] = field(default_factory=list)  # the sentence's sources
    dated: Speaker | None = None  # the source the sentence's claim date belongs to

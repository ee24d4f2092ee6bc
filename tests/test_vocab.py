"""The extractor's vocabularies, validated as data (in the style of dateparser's language
validator): every measure a cue names is a known measure, every claimant maps to a known
group, no list holds a duplicate, an empty string or stray spaces, lists matched
case-insensitively are lower-case, and lists read one after another do not overlap where
the later one could never be reached."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from analysis.extract import vocab
from analysis.extract.qualifier import bounds

QUALIFIERS = {"exact", "approx", "at_least", "more_than", "up_to", "nearly", "range"}
# Lists matched as written: names keep their capitals.
CASED = {"GROUPS", "OUTLETS", "INDEPENDENT_BODIES"}
CASED_KEYS = {"GROUP_COLORS", "CLAIMANTS", "PEOPLE", "SIDE_FORMS", "NATIONAL_ADJECTIVES"}


def _lists() -> dict[str, tuple]:
    return {name: value for name, value in vars(vocab).items()
            if name.isupper() and isinstance(value, tuple)}


def _dicts() -> dict[str, dict]:
    return {name: value for name, value in vars(vocab).items()
            if name.isupper() and isinstance(value, dict)}


def _problems(name: str, phrases, cased: bool) -> list[str]:
    found = [f"{name}: duplicate {p!r}" for p, n in Counter(phrases).items() if n > 1]
    for p in phrases:
        if not isinstance(p, str) or not p:
            found.append(f"{name}: empty or not text: {p!r}")
        elif p != p.strip() or "  " in p:
            found.append(f"{name}: stray spaces in {p!r}")
        elif not cased and p != p.lower():
            found.append(f"{name}: {p!r} is matched case-insensitively and looked up "
                         "lower-case, so it must be written lower-case")
    return found


def test_the_validator_catches_what_it_should():
    problems = _problems("X", ("sent", "sent", "", " dead", "Killed"), cased=False)
    assert len(problems) == 4
    assert _problems("X", ("NIS", "Kirby"), cased=True) == []


@pytest.mark.parametrize("name", sorted(_lists()))
def test_a_list_is_clean(name):
    assert _problems(name, _lists()[name], name in CASED) == []


@pytest.mark.parametrize("name", sorted(_dicts()))
def test_a_table_has_clean_keys(name):
    table = _dicts()[name]
    cased = name in CASED_KEYS
    keys = list(table)
    assert _problems(name, keys, cased) == []
    if cased:
        # a lower-case key is matched case-insensitively; two keys that differ only by
        # case would then collide
        lowered = Counter(k.lower() for k in keys if k == k.lower())
        assert [k for k, n in lowered.items() if n > 1] == []


def test_every_measure_a_cue_names_is_a_known_measure():
    measures = set(vocab.MEASURES)
    assert set(vocab.CASUALTY_CUES.values()) <= measures
    assert set(vocab.VERBS_BEFORE.values()) <= measures
    assert set(vocab.TABLE_COLUMNS.values()) <= measures | {"date", "source"}


def test_every_claimant_maps_to_a_known_group():
    groups = set(vocab.GROUPS)
    assert {group for _, group in vocab.CLAIMANTS.values()} <= groups
    assert set(vocab.PEOPLE.values()) <= groups
    assert set(vocab.SIDE_FORMS.values()) <= groups
    assert set(vocab.NATIONAL_ADJECTIVES.values()) <= groups
    assert set(vocab.GROUP_COLORS) == groups


def test_a_canonical_claimant_has_one_group():
    groups: dict[str, set[str]] = {}
    for name, group in vocab.claimant_table().values():
        groups.setdefault(name, set()).add(group)
    assert {name: g for name, g in groups.items() if len(g) > 1} == {}


def test_a_person_is_listed_once():
    """PEOPLE gives a person's full name and short name; CLAIMANTS holds only other
    spellings and bodies."""
    table_without_people = dict(vocab.CLAIMANTS)
    assert [name for name in vocab.PEOPLE if name in table_without_people] == []
    derived = vocab.claimant_table()
    redundant = []
    for key, value in vocab.CLAIMANTS.items():
        parts = value[0].split()
        short = parts[0] if "-" in parts[-1] or value[1] == "North Korea" else parts[-1]
        if value[0] in vocab.PEOPLE and key == short and derived.get(key) == value:
            redundant.append(key)
    assert redundant == []


def test_every_qualifier_is_known_and_has_bounds():
    assert set(vocab.QUALIFIER_BEFORE.values()) <= QUALIFIERS
    assert set(vocab.QUALIFIER_AFTER.values()) <= QUALIFIERS
    for q in QUALIFIERS - {"range"}:
        assert bounds(q, 100) != (None, None)


def test_group_colours_are_distinct_hex():
    colours = list(vocab.GROUP_COLORS.values())
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours)
    assert len(set(colours)) == len(colours)


def test_months_and_weekdays_cover_the_calendar():
    assert set(vocab.MONTHS.values()) == set(range(1, 13))
    assert set(vocab.WEEKDAYS.values()) == set(range(7))


def test_sub_lists_belong_to_their_list():
    """A weak planned cue is a planned cue; a cue read as a noun is a deployed cue; a
    generic personnel noun is a personnel noun."""
    assert set(vocab.WEAK_PLANNED_CUES) <= set(vocab.PLANNED_CUES)
    assert set(vocab.NOUN_CUES) <= set(vocab.DEPLOYED_CUES)
    assert set(vocab.GENERIC_PEOPLE) <= set(vocab.PERSONNEL_NOUNS)


def test_lists_read_in_turn_do_not_shadow_each_other():
    """After a number, a personnel noun is tried before anything else and a modifier
    before a word that ends the phrase: a word in the later list too would never be read
    there. A cue cannot say both planned and deployed, nor personnel and not-personnel."""
    assert set(vocab.NOUN_MODIFIERS) & set(vocab.BARE_NEXT) == set()
    assert set(vocab.PERSONNEL_NOUNS) & set(vocab.NOT_MILITARY) == set()
    assert set(vocab.PERSONNEL_NOUNS) & set(vocab.NON_PERSONNEL) == set()
    assert set(vocab.PLANNED_CUES) & set(vocab.DEPLOYED_CUES) == set()
    assert set(vocab.CASUALTY_CUES) & set(vocab.PERSONNEL_NOUNS) == set()


def test_single_word_lists_hold_single_words():
    """Read one word at a time: a phrase here could never match."""
    for name in ("NOUN_MODIFIERS", "BARE_NEXT", "GENERIC_PEOPLE"):
        assert [w for w in getattr(vocab, name) if " " in w] == [], name

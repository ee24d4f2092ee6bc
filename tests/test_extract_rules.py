"""The ordered rules of extraction, each on its own: scope (scope.OUT_OF_SCOPE), measure
(measure.MEASURE_RULES), sources in a sentence (claimant.SOURCE_RULES) and the speaker a
figure is credited to (attribution.CREDIT_RULES)."""
from __future__ import annotations

import re

import pytest

from analysis.extract import attribution, claimant, measure, scope
from analysis.extract.numbers import find_numbers
from analysis.extract.sentences import split_sentences
from analysis.extract.state import ArticleState, Context


def context(text: str, number: str, title: str = "") -> Context:
    """The context of the first number phrase `number` in `text` (one paragraph)."""
    sentences = split_sentences(text, 0, len(text))
    state = ArticleState(sentences, title=title)
    for i, sent in enumerate(sentences):
        for p in find_numbers(text, sent.start, sent.end):
            if p.text == number:
                s = text[sent.start:sent.end]
                spk = claimant.speakers(s)
                return Context(sent, p, s[:p.start - sent.start], s[p.end - sent.start:], i, state, spk)
    raise AssertionError(f"{number!r} not found")


def mention(sentence: str, name: str) -> claimant.Mention:
    m = re.search(re.escape(name), sentence)
    who, group = claimant.lookup_claimant(name)
    return claimant.Mention(sentence, m, who, group, m.start(), None)


def test_every_rule_tuple_names_its_rules_in_order():
    for rules in (scope.OUT_OF_SCOPE, measure.MEASURE_RULES, claimant.SOURCE_RULES,
                  attribution.CREDIT_RULES):
        assert len({r.__name__ for r in rules}) == len(rules)
        assert all(r.__doc__ for r in rules)
    assert measure.MEASURE_RULES[-1] is measure.nothing_counted


# --- scope -----------------------------------------------------------------------------

@pytest.mark.parametrize("rule,text,number,expected", [
    (scope.a_rate, "North Korea loses 1,200 soldiers a day.", "1,200", True),
    (scope.a_rate, "North Korea lost 1,200 soldiers in Kursk.", "1,200", False),
    (scope.whole_army_before, "North Korea has an army of 1.2 million.", "1.2 million", True),
    (scope.counts_something_else, "Ukraine said North Korea killed 300 Russian soldiers.", "300", True),
    (scope.other_side_before, "Russia reported Ukraine's 1,000 casualties.", "1,000", True),
    (scope.other_side_before, "Ukraine said 300 North Korean soldiers died.", "300", False),
    (scope.far_from_korea, "Russia has 600,000 soldiers in Ukraine.", "600,000", True),
])
def test_a_scope_rule_alone(rule, text, number, expected):
    ctx = context(text, number)
    assert rule(ctx, scope.what_it_counts(ctx.after)) is expected


def test_what_a_number_counts():
    assert scope.what_it_counts(" elite North Korean special operations soldiers").kind == "personnel"
    assert scope.what_it_counts(" killed and wounded").cue == "casualties"
    assert scope.what_it_counts(" were sent").kind == "bare"
    assert scope.what_it_counts(" artillery shells").kind == "other"


# --- measure -----------------------------------------------------------------------------

@pytest.mark.parametrize("rule,text,number,expected", [
    (measure.verb_before, "Ukrainian forces captured two North Korean soldiers.", "two", "captured"),
    (measure.casualty_noun, "North Korea has suffered 1,100 casualties.", "1,100", "casualties"),
    (measure.missing, "Some 200 North Korean soldiers are missing.", "200", measure.OUT),
    (measure.label, "North Korean troops sent, both waves: 15,000", "15,000", "troops_deployed"),
    (measure.personnel_noun, "North Korea plans to send 6,000 more troops.", "6,000", "troops_planned"),
    (measure.nothing_counted, "North Korea said 3,000.", "3,000", measure.OUT),
])
def test_a_measure_rule_alone(rule, text, number, expected):
    ctx = context(text, number)
    assert rule(ctx, scope.what_it_counts(ctx.after)) == expected


def test_the_first_measure_rule_with_a_say_decides():
    # the verb before wins over the noun's own cue: "killing 21 soldiers" is killed
    ctx = context("Ukraine said its drones hit North Koreans, killing 21 soldiers.", "21")
    counted = scope.what_it_counts(ctx.after)
    assert measure.personnel_noun(ctx, counted) == "troops_deployed"
    assert measure.measure(ctx, counted) == ("killed", "verb_before")


def test_a_troop_cue_after_the_number_comes_first():
    assert measure.troop_measure("North Korea has sent", " more troops to be deployed") == "troops_planned"
    assert measure.troop_measure("North Korea plans to send", " troops now in Kursk") == "troops_deployed"
    # a weak planned cue decides only before the number, and only with no strong cue
    assert measure.troop_measure("Pyongyang has", " additional troops") == "troops_deployed"
    assert measure.troop_measure("Pyongyang has additional", " troops") == "troops_planned"


# --- sources in a sentence -----------------------------------------------------------------

@pytest.mark.parametrize("rule,sentence,name,expected", [
    (claimant.attribution_before, "According to the NIS, 3,000 were sent.", "NIS", True),
    (claimant.a_place, "North Korea sent 3,000 troops to Russia.", "Russia", False),
    (claimant.adjective_alone, "An American defence publication put it at 3,000.", "American", False),
    (claimant.role_after, "Ukraine's ambassador put the figure at 3,000.", "Ukraine", True),
    (claimant.verb_after, "Kirby, the White House spokesman, said 3,000 were sent.", "Kirby", True),
    (claimant.verb_after, "Troops in Russia, NATO said, number 3,000.", "Russia", None),
    (claimant.headline_colon, "Zelensky: 3,000 North Koreans killed", "Zelensky", True),
])
def test_a_source_rule_alone(rule, sentence, name, expected):
    assert rule(mention(sentence, name)) is expected


def test_the_place_rule_is_asked_after_an_attribution_before():
    sentence = "The figure was announced by Russia on Monday."
    c = mention(sentence, "Russia")
    assert claimant.a_place(c) is False  # "by Russia" looks like a place alone ...
    assert claimant.source_verdict(c) is True  # ... but "announced by" is asked first
    assert [s.group for s in claimant.speakers(sentence)] == ["Russia"]


# --- the speaker a figure is credited to -----------------------------------------------------

def test_credit_rules_in_order():
    ctx = context("The NIS said 3,000 soldiers were sent, while 1,000 were killed, Kyiv said.", "1,000")
    assert claimant.in_clause(ctx) is None  # no source between "while" and the number
    assert claimant.later_in_sentence(ctx)[0].group == "Ukraine"
    assert claimant.earlier_in_sentence(ctx)[0].group == "South Korea"
    assert attribution.credit(ctx)[0].group == "Ukraine"


def test_a_sentence_with_no_source_looks_back():
    text = "The NIS briefed lawmakers on Monday. It said 3,000 North Korean soldiers were sent."
    sentences = split_sentences(text, 0, len(text))
    state = ArticleState(sentences)
    first = claimant.speakers(sentences[0].text)
    state.speakers.append((0, first[-1], None))
    s = sentences[1]
    p = next(p for p in find_numbers(text, s.start, s.end))
    ctx = Context(s, p, text[s.start:p.start], text[p.end:s.end], 1, state, [])
    assert claimant.named_back(ctx)[0].name == first[-1].name
    assert attribution.credit(ctx)[0].group == "South Korea"


# --- confidence ------------------------------------------------------------------------------

def _confidence(body: str) -> list[tuple[int, str, str]]:
    from analysis.extract import extract_text
    rows = extract_text("---\ntitle: test\npublished: 2024-12-24\n---\n" + body + "\n", "case.txt")
    return [(r["value"], r["confidence"], r["confidence_reason"]) for r in rows]


def test_a_figure_with_its_own_cue_and_source_is_high():
    assert _confidence("The NIS said North Korea has sent 1,500 soldiers to Russia.") == [(1500, "high", "")]


def test_each_doubt_lowers_the_level_and_says_why():
    assert _confidence("North Korea has sent 1,500 soldiers to Russia.") == [(1500, "low", "no claimant found")]
    (_, level, reason), = _confidence("The NIS briefed lawmakers on Friday. It said 1,500 North Korean "
                                      "soldiers had been sent to Russia.")
    assert (level, reason) == ("medium", "claimant named in an earlier sentence")
    assert _confidence("Seoul said the North Korean force numbers 12,000 soldiers.") == [
        (12000, "low", "measure by default: no troop cue")]
    assert _confidence("Pyongyang said North Korea has sent 1,500 soldiers to Russia.") == [
        (1500, "medium", "claimant is North Korea, which seldom gives these figures: "
                         "it may be the subject, not the source")]
    assert _confidence("Officials said North Korea has sent 1,500 soldiers to Russia.") == [
        (1500, "medium", "claimant is unnamed (sources, officials, experts)")]
    assert _confidence("Two North Korean soldiers held by Ukraine since January have asked to go to Seoul.") == [
        (2, "medium", "claimant inferred from the side holding the prisoners")]


def test_the_levels_follow_what_was_measured():
    """A claimant from the sentence before is a worse sign than one from further away (a
    quote's other end, the next sentence: medium); a claimant shared by another mention of
    the figure, or a house-style number form, is no doubt at all (issue 8's first-sight
    batches)."""
    (_, level, reason), = _confidence("The NIS briefed lawmakers on Friday. Some 1,500 North Korean "
                                      "soldiers had been sent to Russia, according to a map.")
    assert (level, reason) == ("low", "claimant named in the sentence before")
    assert _confidence("Seoul said North Korea has 12-thousand soldiers in Russia.") == [(12000, "high", "")]
    assert _confidence("About 1,500 North Korean soldiers arrived in Vladivostok by ship.\n\nThe port was "
                       "busy all week.\n\nLocal shops closed early on Monday.\n\nThe NIS said North Korea "
                       "had sent 1,500 soldiers to Russia.") == [(1500, "high", ""), (1500, "high", "")]

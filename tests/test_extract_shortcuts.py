"""The extractor's shortcuts (work skipped where a cheap look shows it cannot find anything)
find what the full work finds. Behaviour only; speed is measured in bench/extraction.py."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from analysis.extract import vocab
from analysis.extract.attribution import _day_given_after, read_voices
from analysis.extract.claim_date import _VERB, _VERB_TRIE, EARLIER_CLAIM
from analysis.extract.claimant import (ATTR_BEFORE_WORDS, LOWER_NAME_WORDS, _BODY, _any_name, _claimant_patterns,
                                       _introductions, claimant_spans, learn_names, may_follow_attribution,
                                       may_hold_attribution_phrase, speakers, verb_window)
from analysis.extract.dates import PATTERNS, RELATIVE_WORDS, WEEKDAYS, find_dates
from analysis.extract.numbers import CANDIDATE, find_numbers, may_hold_number
from analysis.extract.patterns import (FOLDS_TO_ASCII, IgnoringCase, NeedsWords, alternation, exact, needed_words,
                                       tail_words, trie)
from analysis.extract.scope import mask
from analysis.extract.sentences import split_sentences
from analysis.extract.state import ArticleState, Context

BASE = dt.date(2024, 12, 24)  # a Tuesday


@pytest.mark.parametrize("form", ["https://example.org/a/b.html", "www.example.com/page",
                                  "desk@example.net", "[email protected]", "story.php"])
@pytest.mark.parametrize("other", ["", " More at http://example.com/x", " Write to a@b.org"])
def test_mask_blanks_each_form_alone_or_with_others(form, other):
    text = f"NIS said 3,000 troops, see {form} now.{other}"
    masked = mask(text)
    assert len(masked) == len(text)
    assert form not in masked and masked.startswith("NIS said 3,000 troops, see ")
    assert masked[text.index(form):text.index(form) + len(form)].strip() == ""
    assert "http://" not in masked and "@" not in masked


def test_mask_leaves_text_without_marks_alone():
    text = "Seoul said 3,000 troops were sent: no link, no address."
    assert mask(text) is text


def _relative_words() -> list[str]:
    return [*RELATIVE_WORDS, "a day earlier", "the day before", "the previous day"]


@pytest.mark.parametrize("word", _relative_words() + [f"last {d}" for d in WEEKDAYS] + list(WEEKDAYS))
def test_every_day_word_is_found_in_any_case(word):
    for written in (word, word.capitalize(), word.upper()):
        found = find_dates(f"The ministry said {written} that 3,000 troops had arrived.", BASE)
        assert [d.kind for d in found] in (["relative"], ["weekday"]), written
        assert found[0].date is not None


def test_the_same_day_is_found():
    found = find_dates("Kyiv said on the same day that 500 were killed.", BASE)
    assert [d.kind for d in found] == ["same_day"]


@pytest.mark.parametrize("text", [
    "Seoul said so. Ten thousand troops went. Nothing more was said.",
    "No number here at all.",
    "The 2024 report. Half a million people? Some said so; others did not.",
    "Twenty-five thousand. A thousand more. An hour later.",
])
def test_a_sentence_knows_whether_a_number_may_stand_in_it(text):
    for sent in split_sentences(text, 0, len(text)):
        assert sent.has_number == bool(CANDIDATE.search(sent.text)), sent.text
        assert may_hold_number(sent.text) == sent.has_number


def test_a_name_introduced_before_its_side_is_learned():
    text = "Dmytro Ponomarenko, Ukraine's ambassador to Seoul, said 3,000 had arrived."
    local = learn_names(text)
    assert local.table.get("Ponomarenko") == ("Dmytro Ponomarenko", "Ukraine")
    assert [s.group for s in speakers(text, local)] == ["Ukraine"]


def test_a_sentence_naming_no_one_has_no_speakers():
    assert speakers("About 3,000 troops arrived in the region last week.") == []


_NAMES = ["NIS", "Kyiv", "U.S.", "South Korea", "Kim Jong Un", "Ukraine's", "K"]


@pytest.mark.parametrize("text", [
    "NIS said", "the NIS, Kyiv and U.S. officials", "Seoul-NIS", "NISA and xNIS", "KNIS",
    "(NIS)", "-Kyiv", "Kyiv-based", "\nKyiv\nNIS", "South Korea's NIS", "South  Korea", "K K-K K",
    "Kim Jong Unfit", "Kim Jong Un.", "U.S.A", "Ukraine'sx Ukraine's", "", "é NIS éKyiv",
])
def test_a_case_sensitive_alternation_finds_what_the_plain_pattern_finds(text):
    # alternation() puts its check behind the word after the first character when case
    # counts (re can then scan for the first characters); the plain form checks first
    plain = re.compile(rf"(?<![\w-])(?:{trie(_NAMES)})(?![\w-])")
    fast = alternation(_NAMES, flags=0)
    assert fast.pattern != plain.pattern
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for start in range(len(text)):  # searching from inside the text too
        assert [m.span() for m in fast.finditer(text, start)] == \
            [m.span() for m in plain.finditer(text, start)]


@pytest.mark.parametrize("text", [
    "Ukraine's envoy and South Korean lawmaker Yu said", "xUkraine's", "_South Korean", "-Russia's",
    "Ukraine'sx", "(Ukraine's)", "\nSouth Korean", "Seoul's NIS", "", "éUkraine's é Ukraine's",
])
def test_the_side_pattern_finds_what_the_plain_pattern_finds(text):
    # learn_names looks for a side's words with "no letter before" checked after the first
    # letter: the plain form opens with \b
    side = _introductions()[0]
    plain = re.compile(rf"\b(?:{trie(vocab.SIDE_FORMS)})(?![\w'’])")
    assert all(re.match(r"\w", form) for form in vocab.SIDE_FORMS)  # what makes them the same
    assert [m.span() for m in side.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("text", [
    "The Multilateral Sanctions Monitoring Team said", "xThe Resistance Centre of Ukraine",
    "National Resistance Centre of Ukraine's report", "A B C D E Team", "the Centre", "One Two Institute",
    "Korea’s Institute for National Security Strategy", "’Some Team", "-Some Team", "",
])
def test_the_body_pattern_finds_what_the_plain_pattern_finds(text):
    # learn_names' body names: the check behind the first capital comes after it; the
    # plain form checks first (its one word, then up to three more, is the form's 1 to 4)
    plain = re.compile(_BODY.pattern.replace(
        "[A-Z](?<![\\w'’].)[\\w'’&-]*\\s+", "(?<![\\w'’])(?:[A-Z][\\w'’&-]*\\s+)"), _BODY.flags)
    assert plain.pattern != _BODY.pattern
    assert [m.span() for m in _BODY.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("text", [
    "The Multilateral Sanctions Monitoring Team said", "xTeam", "the Centre", "Centres", "-Team", "_Team", "é Team",
    "Team-building", "Ukraine’s Institute", "",
])
def test_the_body_word_pattern_finds_what_the_plain_pattern_finds(text, corpus_sentences):
    from analysis.extract.claimant import _BODY_WORD
    plain = re.compile(rf"\b(?:{trie(vocab.INDEPENDENT_BODIES)})\b")
    for piece in [text] + corpus_sentences[::50]:
        assert [m.span() for m in _BODY_WORD.finditer(piece)] == [m.span() for m in plain.finditer(piece)], piece


@pytest.mark.parametrize("text", [
    "The NIS said recently that 3,000 were killed.", "Kyiv recently estimated 3,000.",
    "officials told reporters recently", "officials toldreporters lately", "it reports lately",
    "Seoul said on Monday that 3,000 were killed.", "SAID RECENTLY", "resaid recently", "",
])
def test_earlier_claim_finds_what_its_flat_verb_list_finds(text):
    # EARLIER_CLAIM's verbs are a trie; the flat list it replaced tried them one by one
    # (only whether it finds anything is used); the pattern is verbose, so a verb's space
    # is written \s+ in both
    flat = re.compile(EARLIER_CLAIM.pattern.replace(_VERB_TRIE, _VERB.replace(" ", r"\s+")),
                      EARLIER_CLAIM.flags)
    assert flat.pattern != EARLIER_CLAIM.pattern
    assert bool(EARLIER_CLAIM.search(text)) == bool(flat.search(text))


@pytest.mark.parametrize("phrases", [vocab.DEFINITE_SOURCE_NOUNS, vocab.NAMING_BACK_VERBS,
                                     vocab.POSSESSED_SOURCE_NOUNS, vocab.ROLE_NOUNS,
                                     ["official", "officials", "official sources", "spy chief", "spy"]])
@pytest.mark.parametrize("text", [
    "the spy chief said", "the spy  chief said", "Officials and official sources", "OFFICIALS",
    "the intelligence agency's chief", "pointed out", "pointed  out", "prime ministers", "",
])
def test_exact_finds_what_its_flat_list_finds(phrases, text):
    # exact() makes a trie of lower-case phrases; the flat list tries them longest first
    flat = "(?:" + "|".join(map(re.escape, sorted(set(phrases), key=lambda p: (-len(p), p)))) + ")"
    assert exact(phrases) != flat
    for after in ("", r"\b", r"s?\s+said"):
        fast, plain = re.compile(exact(phrases) + after, re.I), re.compile(flat + after, re.I)
        for start in range(len(text) + 1):
            found, expected = fast.match(text, start), plain.match(text, start)
            assert (found and found.span()) == (expected and expected.span()), (text, start, after)


@pytest.mark.parametrize("text", [
    "Kyiv said on December twenty that troops were killed.", "On the first of May, Seoul said so",
    "Said on Dec. the twelfth", "On twenty-four/twelve the ministry said", "lO-Ol on the fifth",
])
def test_no_date_form_but_the_day_words_matches_without_a_digit(text):
    # find_dates looks only for the day words where no digit (of any script) stands
    assert not any(ch.isdigit() for ch in text)
    for kind, pattern in PATTERNS:
        if kind not in ("weekday", "relative", "same_day"):
            assert pattern.search(text) is None, kind


def test_day_words_are_found_without_a_digit():
    found = find_dates("On Monday the NIS said ten thousand, the same day as Kyiv did.", BASE)
    assert [d.kind for d in found] == ["weekday", "same_day"]


def test_every_figure_of_a_sentence_takes_the_day_the_next_sentence_gives():
    # the day the sentence after gives is read once per sentence, for all its figures
    text = ("Some 3,000 North Korean soldiers were killed and 1,200 wounded, according to the NIS. "
            "The figures were relayed on Monday by two lawmakers.")
    sentences = split_sentences(text, 0, len(text))
    state = ArticleState(sentences, local=learn_names(text), published=BASE)
    state.voices = read_voices(text, sentences, "", state.local, None)
    sent = sentences[0]
    days = []
    for number in find_numbers(text, sent.start, sent.end):
        ctx = Context(sent, number, text[:number.start], text[number.end:sent.end], 0, state)
        days.append(_day_given_after(ctx))
        state.day_given_after.clear()  # read afresh: the same day
        assert _day_given_after(ctx) == days[-1]
    assert days == [BASE - dt.timedelta(days=1)] * 2


@pytest.mark.parametrize("text", [
    "Dmytro Ponomarenko, Ukraine's ambassador, said; Ponomarenko added", "xPonomarenko", "Ponomarenkos",
    "Dmytro  Ponomarenko", "the Resistance Centre and the National Resistance Centre said", "-Lee", "Lee-Kim", "",
])
def test_the_names_an_article_introduces_are_found_as_the_flat_list_finds_them(text):
    names = ["Dmytro Ponomarenko", "Ponomarenko", "Dmytro", "Resistance Centre", "National Resistance Centre",
             "Lee", "Kim"]
    flat = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b")
    fast = _any_name(names)
    assert fast.pattern != flat.pattern
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_ignoring_case_only_the_listed_letters_of_other_scripts_match_ascii_ones():
    # what makes claimant_spans' look for a lower-case name's word exact
    every_char = "".join(map(chr, range(0x110000)))
    for letter in sorted(set("".join(LOWER_NAME_WORDS + ATTR_BEFORE_WORDS))):
        others = set(re.findall(letter, every_char, re.I)) - {letter, letter.upper()}
        assert others <= set(FOLDS_TO_ASCII), (letter, others)
    assert all(word.isascii() and word.isalpha() for word in LOWER_NAME_WORDS + ATTR_BEFORE_WORDS)


@pytest.mark.parametrize("text", [
    "Officials said 3,000.", "OFFICIALS SAID", "some  sources say", "media reports", "Media  Reports",
    "officialſ said", "offİcials", "the NIS said", "Analysts' view", "", "sources’ count “3,000”",
])
def test_lower_case_names_are_found_where_they_stand(text):
    _, lower = _claimant_patterns()
    spans = [m.span() for m in claimant_spans(text, None)]
    assert all(m.span() in spans for m in lower.finditer(text))


@pytest.mark.parametrize("text", [
    "according to the ", "ACCORDING  TO ", "According\nto ", "as estimated by ", "data released last week by the ",
    "a figure cited by Defence Minister ", "accordıng to the ", "ſaid by ", "per ", "paper ", "troops, ", "",
    "announced by the Ministry of Defence of ", "reported by South Korean ", "as the spokesman for ",
])
def test_the_phrases_before_a_source_are_looked_for_only_where_one_may_stand(text):
    # attribution_before searches the passive pattern only where may_follow_attribution is
    # true, and the patterns that open with a whole phrase only where may_hold_attribution_phrase is
    from analysis.extract import claimant
    for piece in (text, text.upper(), "x" + text, text.title()):
        if claimant._PASSIVE_BY.search(piece):
            assert may_follow_attribution(piece), piece
        if any(p.search(piece) for p in (claimant._ATTR_BEFORE, claimant._ATTR_BEFORE_OFFICE_OF,
                                         claimant._ATTR_BEFORE_TITLE)):
            assert may_hold_attribution_phrase(piece), piece
            assert may_follow_attribution(piece), piece
    assert not may_follow_attribution("the troops were sent, ")
    assert not may_hold_attribution_phrase("the ministry said troops were sent, ")


def test_the_whole_phrases_before_a_source_are_lower_case_letters_that_fold_only_as_listed():
    # may_hold_attribution_phrase looks for them in lower-cased text, case-sensitively
    every_char = "".join(map(chr, range(0x110000)))
    phrases = vocab.ATTRIBUTION_BEFORE
    assert all(p == p.lower() and p.isascii() and p.replace(" ", "").isalpha() for p in phrases)
    for letter in sorted(set("".join(phrases)) - {" "}):
        others = set(re.findall(letter, every_char, re.I)) - {letter, letter.upper()}
        assert others <= set(FOLDS_TO_ASCII), (letter, others)


@pytest.mark.parametrize("tail", ["", ".", "; more", ". A. B", ".A.B", "U.S. said", " said. The", "A.", "x" * 200])
@pytest.mark.parametrize("reach", [0, 100, 107, 108, 109, 110, 111, 112, 150])
def test_the_verb_window_is_what_splitting_the_whole_rest_at_the_clause_end_gives(tail, reach):
    # verb_after looks for the clause end in the reach only (plus what its pattern looks ahead at)
    from analysis.extract.claimant import _CLAUSE_END
    for filler in ("a" * reach, ("word " * 40)[:reach], ("Gen. U.S. " * 20)[:reach]):
        after = filler + tail
        assert verb_window(after) == _CLAUSE_END.split(after, maxsplit=1)[0][:110], after


@pytest.mark.parametrize("text", ["to fight alongside", "said,", "the U.S.", "killed in", "x in", "in",
                                  "one of the", "sent to the front, where", "of", "Kursk.", "fight\nalongside"])
def test_a_broken_paragraph_is_told_by_its_ending_alone(text):
    # _rejoin_broken reads only the last characters of a (stripped) piece
    from analysis.extract.sentences import _GOES_ON_AFTER, _NO_END_TAIL, _NO_END_WORD
    for piece in (text, "Some words before " + text, "x" * 300 + " " + text):
        assert bool(_GOES_ON_AFTER.search(piece[-1:])) == bool(_GOES_ON_AFTER.search(piece))
        assert bool(_NO_END_WORD.search(piece[-_NO_END_TAIL:])) == bool(_NO_END_WORD.search(piece))


def _corpus_sentences() -> list[str]:
    """Every sentence of the seed, dev, test and realstyle articles (own-words corpora)."""
    from analysis.extract.articles import iter_article_paths, read_article
    folders = ["data/articles", "tests/corpus/dev/articles", "tests/corpus/test/articles",
               "tests/corpus/realstyle/articles"]
    out = []
    for path in iter_article_paths(folders):
        article = read_article(path)
        text = mask(article.text)
        out += [s.text for s in split_sentences(text, article.body_start, len(text))]
    return out


@pytest.fixture(scope="module")
def corpus_sentences() -> list[str]:
    return _corpus_sentences()


@pytest.mark.parametrize("text", [
    "According to him, 3,000 were killed.", "ACCORDING TO THE AGENCY, 3,000 died.", "according  to him",
    "By the agency's breakdown, 300 died.", "In their COUNT, 300 died.", "Its April count of the dead rose.",
    "the department's earlier estimate was 300", "The ministry's tally: 300.", "300 are judged to have died.",
    "300 were also assessed to be wounded.", "Its figures", "by his calculation", "in her reckoning",
    "accordıng to him", "by the agency'ſ count", "Their \u212aursk count", "No source here, 300 died.",
    "", "a country's count", "the counter-offensive",
])
def test_a_source_named_back_is_looked_for_only_where_its_words_stand(text):
    from analysis.extract.claimant import _PRONOUN_SOURCE, pronoun_source
    for piece in (text, text.upper(), text.title(), "x " + text):
        assert pronoun_source(piece) == bool(_PRONOUN_SOURCE.search(piece)), piece


def test_the_words_of_a_source_named_back_are_the_patterns_own(corpus_sentences):
    from analysis.extract.claimant import _COUNT_NOUN, _PRONOUN_SOURCE, PRONOUN_SOURCE_WORDS, pronoun_source
    assert set(re.findall(r"[a-z]{2,}", _COUNT_NOUN)) <= set(PRONOUN_SOURCE_WORDS)
    matched = [s for s in corpus_sentences if _PRONOUN_SOURCE.search(s)]
    assert matched  # the corpora name sources back
    assert all(pronoun_source(s) == bool(_PRONOUN_SOURCE.search(s)) for s in corpus_sentences)


def _ignoring_case_patterns() -> dict[str, IgnoringCase]:
    from analysis.extract import attribution, claim_date, claimant, numbers, qualifier
    found = {f"{m.__name__}.{k}": v for m in (attribution, claim_date, claimant, numbers, qualifier)
             for k, v in vars(m).items() if isinstance(v, IgnoringCase)}
    assert len(found) >= 6  # the patterns searched through their twins
    return found


def test_lower_casing_keeps_apart_only_the_letters_that_fold_as_listed():
    # IgnoringCase searches lower-cased text case-sensitively: every other letter keeps its
    # length and maps to an ASCII letter only if it is one
    for c in map(chr, range(0x110000)):
        low = c.lower()
        if len(low) != 1 or (not c.isascii() and low.isascii() and low.isalpha()):
            assert c in FOLDS_TO_ASCII, hex(ord(c))


def test_a_pattern_that_lower_casing_would_change_is_refused():
    for source, flags in [(r"said", 0), (r"(?-i:x)said", re.I), (r"(?x-i:x)", re.I), (r"café", re.I),
                          (r"[A-z]", re.I), (r"\N{LATIN SMALL LETTER A}", re.I)]:
        with pytest.raises(ValueError):
            IgnoringCase(re.compile(source, flags))


@pytest.mark.parametrize("source,flags", [
    (r"^\W*(?:That|This)\s+is\b", re.I), (r"\bSaid\b  # As Written, SEOUL--At", re.I | re.X),
    (r"(?P<Wd>Monday|Tuesday)\W+(?P=Wd)", re.I), (r"[A-Z]{2,}\S*\B", re.I), (r"\bN\.\s*Korea\b", re.I),
])
def test_a_pattern_with_capitals_finds_through_its_lower_cased_twin_what_it_finds(source, flags):
    pattern = re.compile(source, flags)
    twin = IgnoringCase(pattern)
    for text in ["That is it", "THIS IS", "this is", "He said SAID", "monday MONDAY Monday", "ABC def",
                 "N. Korea", "n.korea", "ſaid That", "\u212aorea N. \u212aorea", ""]:
        assert [m.span() for m in twin.finditer(text)] == [m.span() for m in pattern.finditer(text)], text
        found, expected = twin.search(text), pattern.search(text)
        assert (found and found.span()) == (expected and expected.span()), text


@pytest.mark.parametrize("text", [
    "He SAID 3,000 were killed, officials estimated.", "ACCORDING TO SOURCES, Three Thousand", "ſaid the mınister",
    "offİcials said; \u212aursk", "Previously, the agency Estimated", "This was reported by Kyiv.", "", "three-thousand",
])
def test_a_pattern_ignoring_case_finds_through_its_twin_what_it_finds_itself(text, corpus_sentences):
    for name, pattern in _ignoring_case_patterns().items():
        for piece in [text, text.upper(), text.title()] + corpus_sentences[::7]:
            assert [m.span() for m in pattern.finditer(piece)] == \
                [m.span() for m in pattern.compiled.finditer(piece)], (name, piece)
            found, expected = pattern.search(piece), pattern.compiled.search(piece)
            assert (found and (found.span(), found.group(0))) == (expected and (expected.span(), expected.group(0)))


def test_the_clause_end_opening_on_a_set_is_the_plain_pattern(corpus_sentences):
    from analysis.extract.claimant import _CLAUSE_END
    plain = re.compile(r";|(?<!\b[A-Z])\.(?![A-Z]\.)")  # the rule as first written
    texts = ["said; more", "the U.S. said.", "U.S.A. estimate", "A. B", ".A.B", "Mr. Kim", "x.", ".", ";", "",
             "ends here. Next", "the US. Then", "in 2024.Next"] + [s[k:] for s in corpus_sentences for k in (0, 40)]
    for text in texts:
        assert [m.span() for m in _CLAUSE_END.finditer(text)] == [m.span() for m in plain.finditer(text)], text


@pytest.mark.parametrize("sentence,name,expected", [
    ("Some 25,000 more (NIS) were sent.", "NIS", True),
    ("Some 25,000 more (Ukrainian intelligence) were sent.", "Ukrainian", None),
    ("About 3,000 were killed [NIS, April].", "NIS", True),
    ("Seoul [South Korea], December 13 (Agency): 3,000 were sent.", "South Korea", False),
    ('"We believe [North Korea] has sent 3,000," he said.', "North Korea", False),
    ("Democratic People's Republic of Korea (DPRK) forces number 3,000.", "DPRK", False),
    ("About 3,000 were killed, the NIS said.", "NIS", None),
])
def test_a_source_note_is_read_wherever_its_bracket_stands(sentence, name, expected):
    from analysis.extract import claimant
    m = re.search(re.escape(name), sentence)
    who, group = claimant.lookup_claimant(name)
    assert claimant.source_note(claimant.Mention(sentence, m, who, group, m.start(), None)) is expected


@pytest.mark.parametrize("text", ["On Wednesday, Kyiv said", "MONDAY", "Sundays", "a day later", "Fri", "",
                                  "holiday season", "Tuesday-night", "Saturday."])
def test_a_weekday_is_looked_for_where_day_stands(text):
    from analysis.extract.pipeline import _WEEKDAY, names_a_weekday
    assert all(d.lower().endswith("day") for d in WEEKDAYS)
    assert names_a_weekday(text) == bool(_WEEKDAY.search(text))


def test_the_last_part_of_a_sentence_is_what_the_pattern_gives(corpus_sentences):
    from analysis.extract.attribution import last_sentence_part
    texts = ["", ".", "a. b", "a. b\n", "Kim said: ", "a? b! c", "no stop", "ends.\n"] + \
        [" ".join(corpus_sentences[k:k + 3]) for k in range(0, len(corpus_sentences), 5)]
    for text in texts:
        assert last_sentence_part(text) == re.search(r"[^.!?]*$", text).group(0), text


@pytest.mark.parametrize("source,flags,words", [
    (r"\bsaid\s+(?:last|this)\s+week\b", re.I, {"said"}),
    (r"\b(?:sent|deployed)\s+(?:\w+\s+){0,2}$", re.I, {"sent", "deployed"}),
    (r"(?:Reported|Quoted)(?=\s+by)", 0, {"reported", "quoted"}),
    (r"(?:week|month)?\s*earlier", re.I, {"earlier"}),
    (r"(?:planned|)\s+wave", 0, {"wave"}),
    (r"\d+\s+(?:soldiers|troops)+", 0, {"soldiers", "troops"}),
    (r"café", 0, {"caf"}),
    (r"\w+\s+\d", 0, None),
    (r"(?:said|\w+)\s", 0, None),
])
def test_the_words_a_pattern_needs_are_read_from_it(source, flags, words):
    assert needed_words(re.compile(source, flags)) == (None if words is None else frozenset(words))


@pytest.mark.parametrize("source,flags,words", [
    (r"\bby\s+(?:the\s+)?$", re.I, {"by", "the"}),
    (r"\bn(?:either|or)\s+$", 0, {"neither", "nor"}),
    (r"(?:ab|c\s)\s*$", 0, {"ab", "c"}),
    (r"\S:\s+$", 0, {":"}),
    (r"(?:[a-z]+ed|met)\s+(?:the\s+)?$", 0, {"ed", "met", "the"}),
    (r"x[ab]$", 0, None),
    (r"(?:foo)?$", 0, None),
    (r"by\s+$", re.M, None),  # "$" of every line
    (r"by\s+", 0, None),
])
def test_the_last_words_of_a_pattern_anchored_at_the_end_are_read_from_it(source, flags, words):
    assert tail_words(re.compile(source, flags)) == (None if words is None else frozenset(words))


def _needs_words_patterns() -> dict[str, NeedsWords]:
    from analysis.extract import claim_date, claimant, measure, pipeline, scope
    found = {f"{m.__name__}.{k}": v for m in (claim_date, claimant, measure, pipeline, scope)
             for k, v in vars(m).items() if isinstance(v, NeedsWords)}
    from analysis.extract.dates import _CUES
    found.update({f"dates._CUES[{k}]": v for k, v in _CUES.items() if isinstance(v, NeedsWords)})
    assert len(found) >= 30  # the patterns looked for only where their words stand
    return found


@pytest.mark.parametrize("i,text", list(enumerate([
    "Kyiv SAID LAST WEEK that 3,000 were SENT to Kursk.", "an earlıer version gave 40", "ſent there", "sent",
    "the \u212aremlin planned deployment of 1,000", "Officials AT the ministry said", "", "3,000 troops",
    "THIS EVENING, a day EARLIER", "last nıght", "two DAYS later, on Monday",
    "estimates provided last week BY ", "according to the Ministry of Defence of ", "Pentagon officials said: ",
    "as stated by\n", "numbers given by the ", "has not ", "who hasn\u2019t ", "the ", "by", " BY THE  ",
])))
def test_a_pattern_needing_words_finds_what_it_finds_itself(i, text, corpus_sentences):
    # (each case reads a 21st of the corpus sentences: all 21 read them all)
    for name, pattern in _needs_words_patterns().items():
        for piece in [text, text.upper(), text.title()] + corpus_sentences[i::21]:
            found, expected = pattern.search(piece), pattern.compiled.search(piece)
            assert (found and (found.span(), found.group(0))) == (expected and (expected.span(), expected.group(0))), \
                (name, piece)
            assert [m.span() for m in pattern.finditer(piece)] == [m.span() for m in pattern.compiled.finditer(piece)]
    # the parts of sentences before a name or number, which the patterns anchored at the end read
    patterns = _needs_words_patterns()
    for sentence in corpus_sentences[i::84]:
        for cut in [m.end() for m in re.finditer(r"\s+", sentence)]:
            for name, pattern in patterns.items():
                found, expected = pattern.search(sentence[:cut]), pattern.compiled.search(sentence[:cut])
                assert (found and found.span()) == (expected and expected.span()), (name, sentence[:cut])


def test_a_pattern_with_no_words_worth_looking_for_is_refused():
    for source in [r"\w+", r"\bby\s+", r"(?:at|in|on)\s", r"[A-Z]\w*\s+$"]:
        with pytest.raises(ValueError):
            NeedsWords(re.compile(source, re.I))

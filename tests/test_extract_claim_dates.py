"""How a day attaches to a claim on real copy (issue 8), construction by construction, in our
own words (never an article's sentence). A text is run as the body of an article published on
2024-12-24 (a Tuesday). Each case lists the figures' (value, claim date) in order. Cases the
extractor gets wrong today are strict xfails naming the cause."""
from __future__ import annotations

import pytest

from analysis.extract import extract_text
from tests.test_extract_phrases import HEAD


def known(reason: str):
    """A construction the extractor misses today."""
    return pytest.mark.xfail(strict=True, reason=reason)


# A month after "by" is a deadline ahead, not an earlier claim: the briefing's day carries.
DEADLINES = [
    pytest.param("The NIS briefed a closed session of lawmakers on Monday about more troops. One "
                 "lawmaker quoted the NIS as saying Pyongyang intends to send 9,000 soldiers in all by "
                 "February.", [(9000, "2024-12-23")], id="by-month-is-a-deadline"),
    pytest.param("The NIS told lawmakers on Monday that 2,000 North Korean soldiers had arrived. By "
                 "November the NIS had counted 500 North Korean soldiers there.",
                 [(2000, "2024-12-23"), (500, None)], id="by-month-opening-is-earlier"),
]

# A day that opens the sentence dates the statement after a clause set off by commas.
OPENING_DAY = [
    pytest.param("On 23 December, after a meeting of his top commanders, President Zelensky put North "
                 "Korea's dead and wounded at upward of 3,000.",
                 [(3000, "2024-12-23")], id="opening-day-clause-then-speaker"),
    pytest.param("On Monday, while the fighting went on in Kursk, the NIS said 1,000 North Korean "
                 "soldiers were wounded.", [(1000, "2024-12-23")], id="opening-weekday-clause-then-speaker"),
    pytest.param("On Monday, North Korean units attacked near a village, losing men, and a week on, the "
                 "NIS said 1,000 North Korean soldiers were wounded.", [(1000, None)],
                 id="opening-day-of-an-event-far-from-the-verb"),
    pytest.param("On Saturday, 50 North Korean soldiers were killed near a village, the unit said.",
                 [(50, None)], id="opening-day-of-the-figure-clause"),
    pytest.param("On Saturday North Korean units lost 50 men near Kursk, the unit said.", [(50, None)],
                 id="opening-day-of-the-figure-phrase"),
    pytest.param("At the Dec. 20 parade for the 17th Brigade, Kim Jong Un said 90 of its soldiers had died.",
                 [(90, "2024-12-20")], id="opening-day-ordinal-is-no-figure"),
]

# "The same day" after a day named earlier in the sentence is that day, not the last day of
# the sentences before; two mentions of one day date both sides' claims.
SAME_DAY = [
    pytest.param("The NIS spoke to lawmakers on Thursday. Talking to the press on the 20th, the same day "
                 "the army held a drill, Kyiv's envoy in Seoul said 11,000 North Korean soldiers were sent.",
                 [(11000, "2024-12-20")], id="same-day-as-a-day-before-it"),
    pytest.param("Kyiv said on Monday that 3,000 North Korean soldiers were killed or wounded, close to "
                 "triple the 1,100 casualties Seoul's military gave on the same day.",
                 [(3000, "2024-12-23"), (1100, "2024-12-23")], id="one-day-named-twice-for-two-sides"),
]

# "A day earlier", "the day before": the day before the article's; not a day counted from
# an event ("the day before the assault").
DAY_BEFORE = [
    pytest.param("A day earlier, the White House had put the North Korean force in Kursk at as many as "
                 "8,000.", [(8000, "2024-12-23")], id="a-day-earlier-opening"),
    pytest.param("The Pentagon said the previous day that 8,000 North Korean soldiers were in Kursk.",
                 [(8000, "2024-12-23")], id="the-previous-day-after-verb"),
    pytest.param("The Pentagon said 8,000 North Korean soldiers had reached Kursk the day before the "
                 "assault.", [(8000, None)], id="day-before-an-event"),
    pytest.param("Kyiv told allies yesterday that 8,000 North Korean soldiers were in Kursk.",
                 [(8000, "2024-12-23")], id="yesterday-that"),
]

# A day stands with its speaker: another side's figure in the same sentence takes neither
# that day nor one from elsewhere in the article.
DAY_WITH_ITS_SPEAKER = [
    pytest.param("Zelensky gave the number on Monday: 3,000 North Korean soldiers dead or wounded, well "
                 "above Seoul's count of about 1,100.", [(3000, "2024-12-23"), (1100, None)],
                 id="other-side-count-after-dated-claim"),
    pytest.param("On Sunday the NIS said Pyongyang may be readying more troops. Zelensky gave the number "
                 "on Monday: 3,000 North Korean soldiers dead or wounded, well above Seoul's count of "
                 "about 1,100.", [(3000, "2024-12-23"), (1100, None)],
                 id="other-side-count-takes-no-earlier-briefing-day"),
    pytest.param("As reported by the wire agency on December 23, Seoul put North Korea's losses at more "
                 "than 1,000, while Kyiv said the number was more than 3,000.",
                 [(1000, "2024-12-23"), (3000, "2024-12-23")], id="relaying-report-day-dates-every-side"),
    pytest.param("The NIS said on Monday that 1,100 North Korean soldiers were killed or wounded, while "
                 "Kyiv has put the toll at 3,000.", [(1100, "2024-12-23"), (3000, None)],
                 id="dated-claim-then-other-side-count"),
]

# A claim placed at no one day ("this week", "recently stated") takes no day said elsewhere;
# "recently" of an event ("soldiers who recently fought") does not stop the carry.
NO_ONE_DAY = [
    pytest.param("The NIS briefed lawmakers on Monday about the front. This week the NIS put North "
                 "Korea's dead and wounded at 1,000.", [(1000, None)], id="this-week-claim"),
    pytest.param("Kyiv's military intelligence said on Monday that the fighting in Kursk had grown. "
                 "Zelensky recently stated that 3,000 North Korean soldiers were killed or wounded.",
                 [(3000, None)], id="recently-stated"),
    pytest.param("The NIS told lawmakers on Monday that 1,500 more North Korean soldiers had been sent to "
                 "Russia. Seoul's previous estimate put North Korean soldiers killed or wounded at 1,100.",
                 [(1500, "2024-12-23"), (1100, None)], id="previous-estimate"),
    pytest.param("The NIS said on Monday that more troops had arrived. The NIS said 3,000 North Korean "
                 "soldiers of the previous rotation were killed or wounded.", [(3000, "2024-12-23")],
                 id="previous-of-the-event"),
    pytest.param("The NIS told lawmakers on Monday that more troops had gone. By the NIS's estimate from "
                 "September, 1,000 North Korean soldiers were wounded.", [(1000, None)],
                 id="estimate-from-a-month"),
    pytest.param("Kyiv's military intelligence said on Monday that the front had held. At the end of "
                 "November its chief put the North Korean force at 11,000.", [(11000, None)],
                 id="at-the-end-of-a-month",
                 marks=known("a day the sentence-before rule of attribution carries is not checked against "
                             "the wording's own time")),
    pytest.param("The NIS said on Monday that it had new information. The NIS said 1,000 North Korean "
                 "soldiers who recently fought in Kursk were wounded.", [(1000, "2024-12-23")],
                 id="recently-of-the-event"),
    pytest.param("Zelensky spoke to a Japanese paper on Monday. According to Zelensky, Kyiv holds proof that "
                 "some 11,000 North Korean soldiers are in Kursk but wants more before publishing a toll.",
                 [(11000, "2024-12-23")], id="before-doing-something-is-no-earlier-claim"),
    pytest.param("Zelensky spoke to a Japanese paper on Monday. Before the latest count, Zelensky put the "
                 "North Korean force in Kursk at 11,000.", [(11000, None)], id="before-a-count-is-earlier"),
]

# The sentence after the figure tells of its giving and names the day.
DAY_IN_NEXT_SENTENCE = [
    pytest.param("Over a thousand North Korean soldiers were killed or wounded in the past week. The "
                 "figure was given by a White House spokesman at a briefing on Friday.",
                 [(1000, "2024-12-20")], id="figure-given-next-sentence"),
    pytest.param("Kyiv says 3,000 North Korean soldiers were killed or wounded. This estimate was "
                 "released by Zelensky's office on Monday.", [(3000, "2024-12-23")],
                 id="estimate-released-next-sentence"),
    pytest.param("Kyiv says 3,000 North Korean soldiers were killed or wounded. Seoul gave a lower "
                 "figure on Monday.", [(3000, None)], id="next-sentence-day-of-another-side"),
    pytest.param("Kyiv says 3,000 North Korean soldiers were killed or wounded. Fighting in Kursk "
                 "resumed on Monday.", [(3000, None)], id="next-sentence-day-of-an-event"),
    pytest.param("Some 12,000 North Korean soldiers went to Russia; 3,000 of them were killed or wounded. "
                 "Most of those were hit in the winter.\n\nThe numbers were shared on Friday by NATO "
                 "officials who asked not to be named.", [(12000, "2024-12-20"), (3000, "2024-12-20")],
                 id="figures-dated-in-the-next-paragraph"),
    pytest.param("Some 12,000 North Korean soldiers went to Russia; 3,000 of them were killed or wounded. "
                 "Most of those were hit in the winter.\n\nFighting in Kursk picked up again on Friday.",
                 [(12000, None), (3000, None)], id="next-paragraph-not-about-the-figures"),
    # the figure was given at an occasion the next sentence dates
    pytest.param("Pyongyang staged a homecoming ceremony at which its leader mourned 12 soldiers killed in "
                 "Kursk. The ceremony was held in the capital on Friday, state media said on Monday.",
                 [(12, "2024-12-20")], id="occasion-dated-next-sentence"),
    pytest.param("Pyongyang staged a homecoming ceremony at which its leader mourned 12 soldiers killed in "
                 "Kursk. State media reported "
                 "the meeting of the cabinet on Friday.", [(12, None)], id="next-sentence-other-occasion"),
    pytest.param("Pyongyang staged a homecoming ceremony at which its leader mourned 12 soldiers killed in "
                 "Kursk. The ceremony, "
                 "planned for weeks, drew a crowd; rain fell on Friday.", [(12, None)],
                 id="occasion-day-in-another-clause"),
]

# "..., the report added": the statement of the sentence before goes on, and so does its day.
STATEMENT_GOES_ON = [
    pytest.param("The NIS told lawmakers on Monday that 3,000 North Korean soldiers were killed or wounded. "
                 "That is close to a third of the 11,000 North Korean soldiers first sent, the agency added.",
                 [(3000, "2024-12-23"), (11000, "2024-12-23")], id="agency-added"),
    pytest.param("A paper posted by the UK ministry of defence on Monday said 3,000 North Korean soldiers were "
                 "killed or wounded. The total is near a third of some 11,000 North Korean soldiers first "
                 "sent, the paper added.", [(3000, "2024-12-23"), (11000, "2024-12-23")],
                 id="unnamed-paper-added"),
    pytest.param("The NIS told lawmakers on Monday that 3,000 North Korean soldiers were killed or wounded. "
                 "Kyiv says 11,000 North Korean soldiers were first sent.",
                 [(3000, "2024-12-23"), (11000, None)], id="no-going-on-other-side"),
    pytest.param("The NIS told lawmakers on Monday that 3,000 North Korean soldiers were killed or wounded. "
                 "Some 11,000 North Korean soldiers were first sent, Kyiv added.",
                 [(3000, "2024-12-23"), (11000, None)], id="other-side-added"),
    pytest.param("The first North Korean units got to Kursk last week, a daily paper reported on Friday, "
                 "citing two officials. Some 5,000 North Korean soldiers will be there within days, the "
                 "paper added.", [(5000, "2024-12-20")], id="added-after-a-report-with-no-figure"),
    pytest.param("The first North Korean units got to Kursk on Friday, and more are on the way. Some 5,000 "
                 "North Korean soldiers will be there within days, the paper added.", [(5000, None)],
                 id="added-after-an-event-day"),
]

# "One of them said": the day the unnamed speakers of the sentence before spoke on.
ONE_OF_THEM = [
    pytest.param("Two members of the intelligence committee spoke to the press on Monday. \"Roughly 2,000 "
                 "North Korean soldiers are in Kursk,\" one of them said, quoting the NIS.",
                 [(2000, "2024-12-23")], id="one-of-them-after-unnamed-briefing"),
    pytest.param("Shelling hit the town on Monday. \"Roughly 2,000 North Korean soldiers are in Kursk,\" "
                 "one of them said, quoting the NIS.", [(2000, None)], id="one-of-them-day-of-an-event"),
    pytest.param("Kyiv's officials spoke to the press on Monday. \"Roughly 2,000 North Korean soldiers "
                 "are in Kursk,\" one of the lawmakers said, quoting the NIS.", [(2000, None)],
                 id="one-of-them-sentence-before-has-another-source"),
]

# A day right after what happened dates the event, not the claim.
EVENT_DAY = [
    pytest.param("The NIS said 100 North Korean soldiers died on Monday.", [(100, None)], id="died-on-day"),
    pytest.param("Kyiv said 30 North Korean soldiers were killed on Saturday near Kursk.", [(30, None)],
                 id="killed-on-day-then-place"),
    pytest.param("Two North Korean soldiers captured on Thursday are being questioned, the SBU said.",
                 [(2, None)], id="captured-on-day"),
    pytest.param("North Korean soldiers were killed near Kursk, and Kyiv said on Monday that they numbered "
                 "30.", [(30, "2024-12-23")], id="event-then-claim-day"),
]

# Day and month in figures with no year ("on 23/12"), as translated copy writes them.
NUMERIC_DAY = [
    pytest.param("On 20/12, after talks with Kim, Russia's security chief announced that North Korea would "
                 "send 5.000 more builders to Kursk.", [(5000, "2024-12-20")], id="on-day-slash-month-opening"),
    pytest.param("Seoul's spy agency told lawmakers on 23/12 that 1.100 North Korean soldiers were killed "
                 "or wounded.", [(1100, "2024-12-23")], id="on-day-slash-month-after-verb"),
    pytest.param("Seoul's spy agency said 1.100 North Korean soldiers were killed or wounded, in a 24/7 "
                 "watch of the front.", [(1100, None)], id="round-the-clock-is-no-day"),
]

# A wire dateline's day is when the copy was filed, not when the figure was given.
DATELINE = [
    pytest.param("KYIV, Dec. 24 (Wire) - Ukraine holds two North Korean soldiers captured in Kursk, "
                 "its security service said.", [(2, None)], id="wire-dateline-with-agency"),
    pytest.param("Seoul [South Korea], December 24 (Wire): Some 1,000 North Korean soldiers have been "
                 "wounded, the NIS told lawmakers.", [(1000, None)], id="wire-dateline-with-country"),
    pytest.param("Seoul, on December 23, told lawmakers that some 1,000 North Korean soldiers were wounded.",
                 [(1000, "2024-12-23")], id="day-after-a-place-is-no-dateline"),
]

TABLES = {"deadlines": DEADLINES, "opening_day": OPENING_DAY, "day_before": DAY_BEFORE,
          "day_with_its_speaker": DAY_WITH_ITS_SPEAKER, "no_one_day": NO_ONE_DAY,
          "day_in_next_sentence": DAY_IN_NEXT_SENTENCE, "one_of_them": ONE_OF_THEM,
          "event_day": EVENT_DAY, "dateline": DATELINE,
          "statement_goes_on": STATEMENT_GOES_ON, "same_day": SAME_DAY,
          "numeric_day": NUMERIC_DAY}


@pytest.mark.parametrize("text,expected", [p for table in TABLES.values() for p in table])
def test_claim_date(text: str, expected: list[tuple]) -> None:
    rows = extract_text(HEAD + text + "\n", "case.txt")
    assert [(r["value"], r["claim_date"]) for r in rows] == expected, rows


# A page without a published date: a photo caption's date is the picture's, so a weekday in
# the text stays unresolved; a date line at the top still gives the article's day.
UNDATED_PAGE = [
    pytest.param("Troops are seen on a parade ground on Sept. 9, 2018, in Pyongyang. (Photo agency)\n\n"
                 "The NIS told lawmakers on Monday that 1,000 North Korean soldiers were wounded.",
                 [(1000, None)], id="caption-date-is-no-reference"),
    pytest.param("Pictured: a border post on 4 May 2019.\n\nThe NIS told lawmakers on Monday that 1,000 "
                 "North Korean soldiers were wounded.", [(1000, None)], id="pictured-date-is-no-reference"),
    pytest.param("Published Dec. 24, 2024\n\nThe NIS told lawmakers on Monday that 1,000 North Korean "
                 "soldiers were wounded.", [(1000, "2024-12-23")], id="date-line-is-the-reference"),
    # a date line of a month only gives the year of a day named with its month, not a weekday
    pytest.param("date 2025-01 Photo credit\n\nThe Ukrainian leader stated on December 22 that upward "
                 "of 3,000 North Korean soldiers were killed or wounded.", [(3000, "2024-12-22")],
                 id="month-date-line-gives-the-year"),
    pytest.param("date 2025-01 Photo credit\n\nThe NIS told lawmakers on Monday that 1,000 North Korean "
                 "soldiers were wounded.", [(1000, None)], id="month-date-line-gives-no-weekday"),
    # a sentence read again for the day of an occasion takes its year the same way
    pytest.param("date 2025-01 Photo credit\n\nThe ceremony in Pyongyang took place on December 20. During "
                 "the ceremony, Kim Jong Un said that 300 of his soldiers had died.", [(300, "2024-12-20")],
                 id="month-date-line-gives-the-year-to-the-event-before"),
    pytest.param("date 2025-01 Photo credit\n\nKim Jong Un paid tribute to 300 soldiers at a ceremony in "
                 "Pyongyang. The ceremony took place on December 20.", [(300, "2024-12-20")],
                 id="month-date-line-gives-the-year-to-the-occasion-after"),
]


@pytest.mark.parametrize("text,expected", UNDATED_PAGE)
def test_claim_date_without_published(text: str, expected: list[tuple]) -> None:
    rows = extract_text("---\ntitle: test\n---\n" + text + "\n", "case.txt")
    assert [(r["value"], r["claim_date"]) for r in rows] == expected, rows


@pytest.mark.parametrize("text, earlier", [
    pytest.param("the minister told reporters recently", True, id="two-word-verb-then-recently"),
    pytest.param("officials recently set out", True, id="recently-then-two-word-verb"),
    pytest.param("the minister toldreporters recently", False, id="run-together-is-no-verb"),
])
def test_a_two_word_attribution_verb_keeps_its_space(text, earlier):
    """The earlier-claim pattern is verbose: a verb's space must stay a space in it."""
    from analysis.extract.claim_date import EARLIER_CLAIM
    assert bool(EARLIER_CLAIM.search(text)) is earlier

@pytest.mark.parametrize("text, expected", [
    pytest.param("Ukraine said on Monday that 3,000 of the North's soldiers had been killed or wounded, while South "
                 "Korea's spy agency said on Tuesday that 1,100 of them had been killed or wounded.",
                 [(3000, "2024-12-23"), (1100, "2024-12-24")], id="second-side-second-day"),
    pytest.param("South Korea's spy agency said on Tuesday that the North had lost 1,100 soldiers killed or "
                 "wounded, while Ukraine put the number at 3,000 on Monday.",
                 [(1100, "2024-12-24"), (3000, "2024-12-23")], id="second-side-day-after-its-figure"),
    pytest.param("South Korea's spy agency said on Tuesday that the North had lost 1,100 soldiers killed or "
                 "wounded, far fewer than Ukraine's count of 3,000.",
                 [(1100, "2024-12-24"), (3000, None)], id="other-side-without-a-day-stays-undated"),
])
def test_two_sides_two_days(text: str, expected: list[tuple]) -> None:
    """A sentence that gives two sides two days dates each side's figure by its own day."""
    rows = extract_text(HEAD + text + "\n", "case.txt")
    assert [(r["value"], r["claim_date"]) for r in rows] == expected, rows


@pytest.mark.parametrize("text, expected", [
    pytest.param("A British paper reported on Thursday, citing Western officials, that about 1,000 North Korean "
                 "soldiers had died. Citing the same officials, the report said the North Korean force had taken "
                 "some 4,000 casualties.", [(1000, "2024-12-19"), (4000, "2024-12-19")], id="the-report-said"),
    pytest.param("A British paper reported on Thursday, quoting Western officials, that 4,000 North Korean soldiers "
                 "had become casualties. Some 1,000 of them had died by mid-January, the officials were quoted as "
                 "saying.", [(4000, "2024-12-19"), (1000, "2024-12-19")], id="were-quoted-as-saying"),
])
def test_statement_goes_on_from_a_dated_report(text: str, expected: list[tuple]) -> None:
    """'the report said', 'were quoted as saying' go on with the report of the sentence before."""
    rows = extract_text(HEAD + text + "\n", "case.txt")
    assert [(r["value"], r["claim_date"]) for r in rows] == expected, rows


def test_a_day_restated_in_brackets_is_one_mention():
    """'said on Tuesday (Dec 24), after Pyongyang admitted ...': the bracket restates the day
    of the statement; it is no second mention that would share the day with Pyongyang."""
    text = ("Some 600 of the North's soldiers have been killed, a Seoul legislator said on Tuesday (Dec 24), "
            "after Pyongyang admitted the dispatch.\n\nSouth Korean lawmakers put the North's casualties at "
            "about 4,700.")
    rows = extract_text(HEAD + text + "\n", "case.txt")
    assert [(r["value"], r["claim_date"]) for r in rows] == [(600, "2024-12-24"), (4700, "2024-12-24")], rows

"""Extraction, phrase by phrase: one row per sentence and the figure(s) it must give.

Each sentence is run as the body of an article published on 2024-12-24 (a Tuesday).
Expected rows list (value, low, high, qualifier, measure, claimant_group); an empty list
means the sentence holds no figure. Grouped by where the case came from.
"""
from __future__ import annotations

import pytest

from analysis.extract import extract_text

HEAD = "---\ntitle: test\npublished: 2024-12-24\n---\n"

N = None

# FIGURES.md: number forms and qualifiers
FORMS = [
    ("North Korea has sent 3,000 troops to Russia.", [(3000, 3000, 3000, "exact", "troops_deployed", "Unattributed")]),
    ("Seoul said North Korea sent 12 thousand soldiers to Russia.", [(12000, 12000, 12000, "exact", "troops_deployed", "South Korea")]),
    ("Kyiv says ten thousand North Korean soldiers are in Russia.", [(10000, 10000, 10000, "exact", "troops_deployed", "Ukraine")]),
    ("The NIS said 3,000+ North Korean troops have arrived in Russia.", [(3000, 3000, N, "more_than", "troops_deployed", "South Korea")]),
    ("About 1.5 thousand North Korean special forces were sent to Russia, the NIS said.", [(1500, 1500, 1500, "approx", "troops_deployed", "South Korea")]),
    ("North Korea has about 11,000 soldiers in Kursk, the Pentagon said.", [(11000, 11000, 11000, "approx", "troops_deployed", "United States")]),
    ("Approximately 3,000 North Korean soldiers are in Russia.", [(3000, 3000, 3000, "approx", "troops_deployed", "Unattributed")]),
    ("Roughly 8,000 North Korean troops have moved to Kursk, Blinken said.", [(8000, 8000, 8000, "approx", "troops_deployed", "United States")]),
    ("Some 11,000 North Korean soldiers are fighting in Kursk, Budanov said.", [(11000, 11000, 11000, "approx", "troops_deployed", "Ukraine")]),
    ("An estimated 12,000 North Korean troops are in Russia, according to the NIS.", [(12000, 12000, 12000, "approx", "troops_deployed", "South Korea")]),
    ("At least 10,000 North Korean troops are in Russia, NATO said.", [(10000, 10000, N, "at_least", "troops_deployed", "NATO")]),
    ("No fewer than 300 North Korean soldiers have been killed, the NIS said.", [(300, 300, N, "at_least", "killed", "South Korea")]),
    ("A minimum of 2,000 North Korean troops were sent, Seoul said.", [(2000, 2000, N, "at_least", "troops_deployed", "South Korea")]),
    ("More than 1,000 North Korean soldiers were killed or injured, South Korea said.", [(1000, 1000, N, "more_than", "casualties", "South Korea")]),
    ("Over 11,000 North Korean troops are in Kursk, Zelensky said.", [(11000, 11000, N, "more_than", "troops_deployed", "Ukraine")]),
    ("North Korean casualties exceed 3,000, Zelensky said.", [(3000, 3000, N, "more_than", "casualties", "Ukraine")]),
    ("North Korean losses have surpassed 4,000, the JCS said.", [(4000, 4000, N, "more_than", "casualties", "South Korea")]),
    ("Upwards of 10,000 North Korean troops have arrived, the Pentagon said.", [(10000, 10000, N, "more_than", "troops_deployed", "United States")]),
    ("Up to 12,000 North Korean troops could be sent, the NIS said.", [(12000, N, 12000, "up_to", "troops_planned", "South Korea")]),
    ("Zelensky said Pyongyang is preparing to send as many as 10,000 soldiers.", [(10000, N, 10000, "up_to", "troops_planned", "Ukraine")]),
    ("At most 5,000 North Korean troops are in Russia, Peskov claimed.", [(5000, N, 5000, "up_to", "troops_deployed", "Russia")]),
    ("Nearly 4,000 North Korean soldiers have been killed or wounded, the NIS said.", [(4000, N, 4000, "nearly", "casualties", "South Korea")]),
    ("Almost 1,000 North Korean soldiers have died in Kursk, Budanov said.", [(1000, N, 1000, "nearly", "killed", "Ukraine")]),
    ("Close to 12,000 North Korean troops are in Russia, Rutte said.", [(12000, N, 12000, "nearly", "troops_deployed", "NATO")]),
    ("Just under 3,000 North Korean soldiers were wounded, the JCS said.", [(3000, N, 3000, "nearly", "wounded", "South Korea")]),
    ("Pyongyang sent 10,000 to 12,000 troops to Russia, the NIS said.", [(10000, 10000, 12000, "range", "troops_deployed", "South Korea")]),
    ("Pyongyang sent 10,000-12,000 troops to Russia, the NIS said.", [(10000, 10000, 12000, "range", "troops_deployed", "South Korea")]),
    ("Between 10,000 and 12,000 North Korean troops are in Russia, the Pentagon said.", [(10000, 10000, 12000, "range", "troops_deployed", "United States")]),
    ("Budanov said 30-35 thousand North Korean soldiers could be sent.", [(30000, 30000, 35000, "range", "troops_planned", "Ukraine")]),
]

# FIGURES.md: measures
MEASURES = [
    ("The NIS said North Korea has sent 1,500 soldiers to Russia for training.", [(1500, 1500, 1500, "exact", "troops_deployed", "South Korea")]),
    ("North Korea plans to dispatch 6,000 more troops, Seoul said.", [(6000, 6000, 6000, "exact", "troops_planned", "South Korea")]),
    ("North Korea will send 5,000 military builders to Kursk, Shoigu said.", [(5000, 5000, 5000, "exact", "troops_planned", "Russia")]),
    ("The NIS said 1,100 North Korean casualties had been counted.", [(1100, 1100, 1100, "exact", "casualties", "South Korea")]),
    ("About 300 North Korean soldiers have been killed and 2,700 wounded, the NIS said.", [
        (300, 300, 300, "approx", "killed", "South Korea"), (2700, 2700, 2700, "exact", "wounded", "South Korea")]),
    ("Ukraine captured two North Korean soldiers in Kursk, Zelensky said.", [(2, 2, 2, "exact", "captured", "Ukraine")]),
    ("Zelensky said 3,000 North Korean soldiers were killed and wounded.", [(3000, 3000, 3000, "exact", "casualties", "Ukraine")]),
    ("The JCS said 1,000 North Korean troops were dead or injured.", [(1000, 1000, 1000, "exact", "casualties", "South Korea")]),
]

# Attribution and dates (issue 3)
ATTRIBUTION = [
    ("According to the NIS, 11,000 North Korean troops are in Russia.", [(11000, 11000, 11000, "exact", "troops_deployed", "South Korea")]),
    ("Pentagon spokeswoman Sabrina Singh told reporters that 10,000 North Korean troops were in Russia.", [(10000, 10000, 10000, "exact", "troops_deployed", "United States")]),
    ("Ukraine's military intelligence estimated that 11,000 North Korean soldiers were in Kursk.", [(11000, 11000, 11000, "exact", "troops_deployed", "Ukraine")]),
    ("Budanov: 12,000 North Korean troops are in Russia", [(12000, 12000, 12000, "exact", "troops_deployed", "Ukraine")]),
    ("North Korean soldiers are fighting in Kursk, the Kremlin said. It put their number at 10,000.", [(10000, 10000, 10000, "exact", "troops_deployed", "Russia")]),
    ("The South Korean Joint Chiefs of Staff said 1,100 North Korean troops were killed or wounded.", [(1100, 1100, 1100, "exact", "casualties", "South Korea")]),
    ("South Korea said 1,000 North Korean soldiers were killed or injured, while Ukraine said the number was more than 3,000.", [
        (1000, 1000, 1000, "exact", "casualties", "South Korea"), (3000, 3000, N, "more_than", "casualties", "Ukraine")]),
]

# Forms seen in wire and translated copy
REPORTING = [
    ("Around 1,000 North Korean soldiers were killed and another 3,000 injured, the NIS said.", [
        (1000, 1000, 1000, "approx", "killed", "South Korea"), (3000, 3000, 3000, "exact", "wounded", "South Korea")]),
    ("North Korean losses now number around 4,000, Zelensky said.", [(4000, 4000, 4000, "approx", "casualties", "Ukraine")]),
    ("The NIS estimated North Korean casualties at 1,100.", [(1100, 1100, 1100, "exact", "casualties", "South Korea")]),
    ("The death toll among North Korean troops has reached 600, the JCS said.", [(600, 600, 600, "exact", "killed", "South Korea")]),
    ("North Korea has sent an estimated 11,000 to 12,000 soldiers to Kursk, the Pentagon said.", [(11000, 11000, 12000, "range", "troops_deployed", "United States")]),
    ("Pyongyang plans to deploy another 25,000-30,000 troops, Budanov said.", [(25000, 25000, 30000, "range", "troops_planned", "Ukraine")]),
    ("The number of North Korean troops killed in Kursk has risen to 2,000, according to the NIS.", [(2000, 2000, 2000, "exact", "killed", "South Korea")]),
    ("Some 14,000 North Korean soldiers, including 3,000 sent in January, have fought in Kursk, the NIS said.", [
        (14000, 14000, 14000, "approx", "troops_deployed", "South Korea"), (3000, 3000, 3000, "exact", "troops_deployed", "South Korea")]),
    ("The North has dispatched about 15,000 troops in total, of whom roughly 2,000 were killed, Seoul's spy agency said.", [
        (15000, 15000, 15000, "approx", "troops_deployed", "South Korea"), (2000, 2000, 2000, "approx", "killed", "South Korea")]),
    ("Ukraine's SBU said 11.000 North Korean soldiers were in Kursk.", [(11000, 11000, 11000, "exact", "troops_deployed", "Ukraine")]),
    ("North Korea lost 1,2 thousand soldiers in Kursk, Syrskyi said.", [(1200, 1200, 1200, "exact", "casualties", "Ukraine")]),
    ("As many as half a million North Koreans could be sent, Zelensky warned.", [(500000, N, 500000, "up_to", "troops_planned", "Ukraine")]),
    ("North Korea has sent a 12,000-strong contingent to Russia, Seoul said.", [(12000, 12000, 12000, "exact", "troops_deployed", "South Korea")]),
    ("North Korea has 12,000 soldiers in Russia, of which 3,000 were killed, the NIS said.", [
        (12000, 12000, 12000, "exact", "troops_deployed", "South Korea"), (3000, 3000, 3000, "exact", "killed", "South Korea")]),
    ("Kyiv and Seoul say roughly 11,000 North Korean soldiers were sent to Russia.", [(11000, 11000, 11000, "approx", "troops_deployed", "Ukraine")]),
    ("- North Koreans killed or wounded so far: around 4,000, Western officials say", [(4000, 4000, 4000, "approx", "casualties", "Other")]),
    ("At the weekend Ukraine said at least three North Korean soldiers were missing.", []),
    ("North Korea may have sent up to 3,000 more troops, the NIS said.", [(3000, N, 3000, "up_to", "troops_deployed", "South Korea")]),
    ("The NIS expects North Korea to send 2,000 more soldiers.", [(2000, 2000, 2000, "exact", "troops_planned", "South Korea")]),
    ("Operators held off the assault, killing 21 North Korean soldiers and wounding 40, the SSO said.", [
        (21, 21, 21, "exact", "killed", "Ukraine"), (40, 40, 40, "exact", "wounded", "Ukraine")]),
    ("The SSO said it had killed 13 North Korean soldiers, five of them in a firefight and another eight with drones.", [
        (13, 13, 13, "exact", "killed", "Ukraine"), (5, 5, 5, "exact", "killed", "Ukraine"), (8, 8, 8, "exact", "killed", "Ukraine")]),
    ("Russian bloggers said the strike killed 18 Russian servicemen and wounded 33 others near North Korean positions.", []),
    ("The NIS said about 600 North Korean soldiers had been killed, out of around 15,000 sent in two rounds.", [
        (600, 600, 600, "approx", "killed", "South Korea"), (15000, 15000, 15000, "approx", "troops_deployed", "South Korea")]),
    ("Zelensky said Pyongyang could send another 30,000 soldiers, and in the worst case as many as half a million.", [
        (30000, 30000, 30000, "exact", "troops_planned", "Ukraine"), (500000, N, 500000, "up_to", "troops_planned", "Ukraine")]),
]

# Out of scope (FIGURES.md: not a figure)
DISTRACTORS = [
    ("Putin and Kim met in September 2023 in the Amur region of Russia.", []),
    ("The Kremlin said North Korean troops may join the parade marking the 80th anniversary of Victory Day.", []),
    ("This figure is nearly three times what Seoul reported on North Korea.", []),
    ("Russia has lost 700,000 soldiers since 2022, Kyiv said, as North Korean troops arrived.", []),
    ("North Korea has shipped 5 million artillery shells to Russia.", []),
    ("North Korea has a 1.2 million-strong army.", []),
    ("North Korea's army of 1.2 million soldiers is among the world's largest.", []),
    ("Ukraine lost 1,500 troops in Kursk last week while fighting North Korean units.", []),
    ("About 40% of the North Korean troops were wounded.", []),
    ("Pyongyang received $20 million for its soldiers, South Korea said.", []),
    ("Comment (0)", []),
    ("Read more: https://example.org/2024/12/3000-north-korean-troops", []),
    ("Reporter Lee [email protected] wrote on North Korea.", []),
    ("A third of the North Korean soldiers were wounded, the NIS said.", []),
    ("North Korean troops arrived on 24/12/2024 in Kursk.", []),
    ("On the 23rd, North Korean troops attacked near Kursk.", []),
    ("The North Korean soldiers advanced 10 kilometers.", []),
    ("Hundreds of North Korean soldiers have been killed, the Pentagon said.", []),
    ("Russia deployed 50,000 Russian troops alongside the North Korean soldiers.", []),
    ("North Korea fired 23 missiles in 2024.", []),
    ("Russia loses about 1,500 troops a day, while North Korean units hold the line.", []),
    ("Analysts put North Korean losses at roughly one in three of the force.", []),
    ("Several hundred North Korean soldiers have been killed, the Pentagon said.", []),
    ("Kyiv says Russian losses exceed 750,000, as North Korean troops fight in Kursk.", []),
]

# The fourth development batch: clauses that carry two measures, other sides' losses,
# codes, notes and ages that are not figures, and sources named in new ways
CLAUSES = [
    ("The NIS said North Korea had already shipped 1,500 soldiers and was preparing to send around 12,000 in all.", [
        (1500, 1500, 1500, "exact", "troops_deployed", "South Korea"), (12000, 12000, 12000, "approx", "troops_planned", "South Korea")]),
    ("Seoul said Pyongyang planned to send another 6,000 troops, and that about 1,000 of them had already arrived.", [
        (6000, 6000, 6000, "exact", "troops_planned", "South Korea"), (1000, 1000, 1000, "approx", "troops_deployed", "South Korea")]),
    ("Syrskyi said close to 4,000 North Korean soldiers are out of action.", [(4000, N, 4000, "nearly", "casualties", "Ukraine")]),
    ("Budanov said 900 North Korean soldiers were killed, wounded or missing.", [(900, 900, 900, "exact", "casualties", "Ukraine")]),
    ("The SSO said its drones eliminated 12 North Korean soldiers.", [(12, 12, 12, "exact", "killed", "Ukraine")]),
    ("Zelensky said two North Korean soldiers are in Ukrainian hands.", [(2, 2, 2, "exact", "captured", "Ukraine")]),
    ("The NIS said 600 North Korean soldiers had died among the roughly 15,000 sent to Russia.", [
        (600, 600, 600, "exact", "killed", "South Korea"), (15000, 15000, 15000, "approx", "troops_deployed", "South Korea")]),
    ("Of the 11,000 the North sent to Kursk, about 4,000 were killed or wounded, Kyiv said.", [
        (11000, 11000, 11000, "exact", "troops_deployed", "Ukraine"), (4000, 4000, 4000, "approx", "casualties", "Ukraine")]),
    ("Umerov said the North Korean contingent is to reach 15,000.", [(15000, 15000, 15000, "exact", "troops_planned", "Ukraine")]),
    ("Budanov said he expects roughly another 3,000 North Korean soldiers to come.", [(3000, 3000, 3000, "approx", "troops_planned", "Ukraine")]),
    ("The General Staff put Russian losses over the past 24 hours at 1,510 soldiers, while North Korean units held their positions.", []),
    ("Russian forces have suffered more than 700,000 casualties, Kyiv said, as North Korean troops fought in Kursk.", []),
    ("North Korean soldiers use codes: a \"200\" is a dead soldier and a \"300\" a wounded one.", []),
    ("North Korean troops were sent to Kursk in November, officials said.[3]", []),
    ("The North Korean prisoners are 20 and 26 years old.", []),
    ("One of the North Korean prisoners said he wanted to go to Seoul.", []),
    ("HUR said about 200 soldiers serving in mixed Russian and North Korean units had been killed.", []),
    ("Correction: an earlier version of this post gave the figures as 47 North Korean soldiers killed and 50 wounded.", []),
    ("A spokesperson for the Joint Chiefs of Staff set out the figures: about 11,000 North Korean troops were sent.", [
        (11000, 11000, 11000, "approx", "troops_deployed", "South Korea")]),
    ("The Multilateral Sanctions Monitoring Team said about 11,000 North Korean soldiers were sent to Russia.", [
        (11000, 11000, 11000, "approx", "troops_deployed", "Other")]),
    ("London's defence intelligence judged that North Korean casualties had passed 6,000.", [
        (6000, 6000, N, "more_than", "casualties", "Other")]),
    ("On North Korea, Zelensky says 11,000 are now in the Kursk region.", [(11000, 11000, 11000, "exact", "troops_deployed", "Ukraine")]),
    ("On North Korea, the NIS tells lawmakers that about 15,000 have been sent in total.", [
        (15000, 15000, 15000, "approx", "troops_deployed", "South Korea")]),
    ("Shoigu said Kim will send 5,000 North Korean builders to repair what the fighting destroyed.", [
        (5000, 5000, 5000, "exact", "troops_planned", "Russia")]),
    ("None of the three North Korean estimates counts the wounded who went back to their units.", []),
    ("The NIS told lawmakers that Pyongyang could have 10,000 soldiers in Russia by December.", [
        (10000, 10000, 10000, "exact", "troops_planned", "South Korea")]),
    ("North Korea's army is estimated at 1.2 million soldiers.", []),
    ("The North Korean pair were left out of the swap of 1,000 prisoners from each side.", []),
    ("The NIS said about 15,000 North Korean troops went in two rotations: roughly 11,000 in October and 3,000 in January.", [
        (15000, 15000, 15000, "approx", "troops_deployed", "South Korea"), (11000, 11000, 11000, "approx", "troops_deployed", "South Korea"),
        (3000, 3000, 3000, "exact", "troops_deployed", "South Korea")]),
    ("Zelensky announced the capture of two North Korean soldiers.", [(2, 2, 2, "exact", "captured", "Ukraine")]),
    ("At least 1,500 North Korean soldiers are in Kursk, the Dutch defence minister said.", [
        (1500, 1500, N, "at_least", "troops_deployed", "Other")]),
]

# Lists and tallies: a label and its colon (or dot leader) say what is counted, a note in
# brackets who counted it; a line's topic may be set by the paragraph before the list
LIST = """North Korea's troops in Russia, as each source counts them:

Sent, first wave, autumn 2024 ........ ~11,000 [UK Defence Intelligence; Seoul]
Killed ............................... ~600 [NIS, April]
Killed and wounded ................... ~5,000 [HUR, 2 July]
Taken prisoner ....................... 2 [Ukraine, January]
Promised: builders ................... 6,000 [Shoigu, 17 June]
"""


def test_a_tally_list_reads_its_labels_and_source_notes():
    rows = extract_text(HEAD + LIST, "case.txt")
    got = [(r["value"], r["qualifier"], r["measure"], r["claimant_group"], r["claim_date"]) for r in rows]
    assert got == [
        (11000, "approx", "troops_deployed", "Other", None),
        (600, "approx", "killed", "South Korea", None),  # "April": a month does not pin a day
        (5000, "approx", "casualties", "Ukraine", "2024-07-02"),
        (2, "exact", "captured", "Ukraine", None),
        (6000, "exact", "troops_planned", "Russia", "2024-06-17"),
    ]


# Claim dates against the article's date, 2024-12-24 (a Tuesday)
DATES = [
    ("Zelensky said on Monday that 3,000 North Korean soldiers had been killed or wounded.", "2024-12-23"),
    ("On Dec. 23, the JCS said 1,100 North Korean troops were killed or wounded.", "2024-12-23"),
    ("On the 19th, the NIS said 1,100 North Korean troops were killed or wounded.", "2024-12-19"),
    ("Yesterday the NIS said 1,100 North Korean troops were killed or wounded.", "2024-12-23"),
    ("Earlier this month the NIS said 1,100 North Korean troops were killed or wounded.", None),
    ("Last fall Seoul said 1,500 North Korean troops had been sent to Russia.", None),
    ("The NIS said 1,500 North Korean troops had been sent to Russia.", None),
    ("At the Dec. 12 ceremony for the engineers of the regiment, Kim Jong Un said nine North Korean soldiers had died.", "2024-12-12"),
    ("Austin spoke at the Pentagon on Monday. By Washington's count, he said, around 10,000 North Korean troops are "
     "in Russia, where Ukraine has held ground in Kursk since August.", "2024-12-23"),
    # issue 8: the day closes a long attribution phrase
    ("The NIS believes up to 10,000 North Korean troops could be sent by December, according to members of the "
     "parliamentary intelligence committee on Monday.", "2024-12-23"),
]


# issue 8: number forms of real house styles
HOUSE_STYLES = [
    ("Seoul said North Korea has sent 12-thousand troops to Russia.", [(12000, 12000, 12000, "exact", "troops_deployed", "South Korea")]),
    ("Kyiv said a further 20-thousand to 22-thousand North Korean soldiers could follow.", [(20000, 20000, 22000, "range", "troops_planned", "Ukraine")]),
    ("The JCS said three-thousand-200 North Korean soldiers were wounded.", [(3200, 3200, 3200, "exact", "wounded", "South Korea")]),
    ("The NIS said about 27-hundred North Korean soldiers were wounded.", [(2700, 2700, 2700, "approx", "wounded", "South Korea")]),
    ("Pyongyang has moved 8K troops to Russia, Zelensky said.", [(8000, 8000, 8000, "exact", "troops_deployed", "Ukraine")]),
    ("Budanov said some 12 000 North Korean soldiers are in Russia.", [(12000, 12000, 12000, "approx", "troops_deployed", "Ukraine")]),
]

# issue 8: messy text of real pages
MESSY = [
    ("The NIS briefed lawmakers on Monday.It said 1,500 North Korean soldiers had been killed.",
     [(1500, 1500, 1500, "exact", "killed", "South Korea")]),
    ("Roughly 30 North Korean troops were “killed or wounded” last week, Ukraine's military intelligence said.",
     [(30, 30, 30, "approx", "casualties", "Ukraine")]),
    ("The Pentagon says Pyongyang shipped about 10,000 of its military to Russian bases for drills.",
     [(10000, 10000, 10000, "approx", "troops_deployed", "United States")]),
]

# issue 8: who speaks, beyond the figure's own sentence
BEYOND_THE_SENTENCE = [
    # a quotation over several sentences, its speaker named at the end
    ("“Some 3,000 North Korean soldiers are in Russia. Another 2,000 are to be sent before winter,” "
     "lawmaker Park Sun-won told reporters.",
     [(3000, 3000, 3000, "approx", "troops_deployed", "South Korea"),
      (2000, 2000, 2000, "exact", "troops_planned", "South Korea")]),
    # the speaker after the quote carries a title with a full stop
    ("“Some 3,000 North Korean soldiers are in Russia. Another 2,000 are to be sent before winter,” "
     "Rep. Park Sun-won told reporters.",
     [(3000, 3000, 3000, "approx", "troops_deployed", "South Korea"),
      (2000, 2000, 2000, "exact", "troops_planned", "South Korea")]),
    # a reporting verb of real copy, then "according to him" naming back
    ("“They will be ready by November,” Budanov stressed. According to him, the troops train in the east. "
     "The first unit of 2 600 North Korean soldiers will go to Kursk.",
     [(2600, 2600, 2600, "exact", "troops_planned", "Ukraine")]),
    # the source named in the next sentence
    ("There are roughly 11,000 North Korean soldiers at training grounds in eastern Russia. "
     "This was stated by Kyrylo Budanov in a television interview.",
     [(11000, 11000, 11000, "approx", "troops_deployed", "Ukraine")]),
    # role of a body, and documents of one
    ("Officials at the State Department said 10,000 North Korean troops were in Russia.",
     [(10000, 10000, 10000, "exact", "troops_deployed", "United States")]),
    ("A report from the UK Ministry of Defence puts over 6,000 North Korean troops as killed or wounded so far.",
     [(6000, 6000, N, "more_than", "casualties", "Other")]),
    # several sides at once: one of them is credited
    ("US, Ukrainian and South Korean officials say up to 12,000 North Korean soldiers are in Russia.",
     [(12000, N, 12000, "up_to", "troops_deployed", "South Korea")]),
    ("A Ukrainian drone unit claimed to have killed 77 North Korean soldiers in one week.",
     [(77, 77, 77, "exact", "killed", "Ukraine")]),
    ("With the Ukrainian president mentioning that North Korea could send 100,000 troops, lawmakers asked questions.",
     [(100000, 100000, 100000, "exact", "troops_planned", "Ukraine")]),
]

# issue 8: counts that are not this deployment, and measure cues of real wording
NOT_THIS_COUNT = [
    ("Kyiv said 18 North Korean soldiers had fled their positions.", []),
    ("Kyiv said six North Korean officers died a day earlier in a strike near Donetsk.",
     [(6, 6, 6, "exact", "killed", "Ukraine")]),
    ("Kyiv said the new North Korean battalion should number about 3,000.",
     [(3000, 3000, 3000, "approx", "troops_planned", "Ukraine")]),
    ("Kyiv said one North Korean soldier, about to be captured, tried to set off a grenade.", []),
    ("Zelensky said 3,000 North Korean troops were killed or wounded since Pyongyang deployed more than "
     "10,000 of them to Russia.", [(3000, 3000, 3000, "exact", "casualties", "Ukraine"),
                                   (10000, 10000, N, "more_than", "troops_deployed", "Ukraine")]),
]

# issue 8: a whole the part was counted out of
WHOLES = [
    ("Perhaps half of the roughly 11,000 North Korean troops sent to Kursk are now casualties, "
     "UK Defence Intelligence said.",
     [(11000, 11000, 11000, "approx", "troops_deployed", "Other")]),
]


def _rows(sentence: str) -> list[tuple]:
    rows = extract_text(HEAD + sentence + "\n", "case.txt")
    return [(r["value"], r["low"], r["high"], r["qualifier"], r["measure"], r["claimant_group"])
            for r in rows]


TABLES = {"forms": FORMS, "measures": MEASURES, "attribution": ATTRIBUTION,
          "reporting": REPORTING, "distractors": DISTRACTORS, "clauses": CLAUSES,
          "house_styles": HOUSE_STYLES, "messy": MESSY, "beyond_the_sentence": BEYOND_THE_SENTENCE,
          "wholes": WHOLES, "not_this_count": NOT_THIS_COUNT}


@pytest.mark.parametrize("sentence,expected", [
    pytest.param(sentence, expected, id=f"{group}-{i}")
    for group, table in TABLES.items() for i, (sentence, expected) in enumerate(table)])
def test_phrase(sentence, expected):
    assert _rows(sentence) == expected


@pytest.mark.parametrize("sentence,expected", DATES)
def test_claim_dates(sentence, expected):
    rows = extract_text(HEAD + sentence + "\n", "case.txt")
    assert len(rows) == 1
    assert rows[0]["claim_date"] == expected


def test_quote_is_the_exact_text_with_its_qualifier():
    text = HEAD + "Zelensky said the number of North Korean casualties exceeds 3,000.\n"
    (row,) = extract_text(text, "case.txt")
    assert text[row["start"]:row["end"]] == row["quote"] == "exceeds 3,000"
    assert row["sentence"].startswith("Zelensky said")


def test_figures_in_front_matter_are_ignored():
    text = "---\ntitle: 12,000 North Korean troops in Russia\npublished: 2024-11-01\n---\nNo numbers here.\n"
    assert extract_text(text, "case.txt") == []


TEXT_TABLE = """North Korean losses, as each side has counted them:

Date   | Source                  | Sent    | Killed | Killed and wounded | Note
13 Jan | NIS (South Korea)       | -       | ~300   | ~3,000             | via lawmakers
14 Feb | Volodymyr Zelensky      | n/a     | n/a    | 4,000              | Kim to send 2,000 more soldiers
15 Jun | UK Defence Intelligence | 11,000  | -      | 6,000+             | -
"""


def test_a_text_table_gives_each_cell_its_column_measure_source_and_date():
    rows = extract_text(HEAD + TEXT_TABLE, "case.txt")
    got = [(r["value"], r["qualifier"], r["measure"], r["claimant_group"], r["claim_date"]) for r in rows]
    assert got == [
        (300, "approx", "killed", "South Korea", "2024-01-13"),
        (3000, "approx", "casualties", "South Korea", "2024-01-13"),
        (4000, "exact", "casualties", "Ukraine", "2024-02-14"),
        (2000, "exact", "troops_planned", "Ukraine", "2024-02-14"),
        (11000, "exact", "troops_deployed", "Other", "2024-06-15"),
        (6000, "more_than", "casualties", "Other", "2024-06-15"),
    ]
    assert all(r["sentence"].count("|") == 5 for r in rows)  # the row is the sentence
    assert [r["quote"] for r in rows][:2] == ["~300", "~3,000"]


# issue 8: the title names the source of the figure it states; a page's furniture does not
TITLES = [
    ("Budanov: about 11,000 North Korean soldiers train in Russia",
     "A date line 2024-10-18 About 11,000 North Korean soldiers are training in eastern Russia.", "Ukraine"),
    ("North Korea may soon send 6,000 more troops to Russia - Ukrainian intelligence chief | Example Site",
     "North Korea may soon send about 6,000 troops to Russia, the newspaper learned.", "Ukraine"),
    ("Seoul says North Korea has sent 3,000 troops",
     "North Korea has sent some 3,000 troops to Russia so far.", "South Korea"),
    ("Fact check: Seoul did not say 3,000 North Korean soldiers were killed",
     "Posts claim 3,000 North Korean soldiers were killed in Kursk.", "Unattributed"),
    ("North Korean troops in Kursk - Example News",
     "North Korea has sent some 3,000 troops to Russia so far.", "Unattributed"),
]


@pytest.mark.parametrize("title,body,group", TITLES)
def test_a_title_credits_its_figure(title, body, group):
    rows = extract_text(f"---\ntitle: \"{title}\"\npublished: 2024-12-24\n---\n{body}\n", "case.txt")
    assert [r["claimant_group"] for r in rows] == [group]
    assert not rows[0]["headline"]  # a lede with a date line glued to it is no headline


def test_headlines_listed_under_a_furniture_heading_are_not_read():
    body = ("Seoul said North Korea has sent 3,000 troops to Russia.\n\nMost read\n\n"
            "Allies gather 30,000 troops for drills near North Korea\n"
            "North Korea tests a new missile\n\n"
            "The NIS added that 1,000 more North Korean troops could follow.\n")
    rows = extract_text(HEAD + body, "case.txt")
    assert [r["value"] for r in rows] == [3000, 1000]


def test_a_source_line_names_the_source_of_the_paragraphs_above():
    body = ("About 11,000 North Korean soldiers are training in eastern Russia.\n\n"
            "Source: Kyrylo Budanov, head of Ukraine's military intelligence, in an interview\n")
    rows = extract_text(HEAD + body, "case.txt")
    assert [(r["value"], r["claimant_group"], r["confidence"]) for r in rows] == [(11000, "Ukraine", "medium")]

"""A large synthetic news corpus for bench/extraction.py, built deterministically.

Articles are composed from sentence templates written for this benchmark (not taken from
any article): figure sentences about North Korean troops in Russia with varied claimants,
qualifiers, number forms and measures, mixed with distractor sentences full of numbers that
are not figures (dates, Russian losses, shells, the 1.2 million-strong army, percentages,
money, anniversaries, page furniture, URLs) and plain filler. Each article is a UTF-8 file
with YAML front matter like data/articles/. Publishers, authors, analysts, institutes and
URLs are invented (example.org/.com/.net).

`ensure_corpus(folder, target_bytes)` (or `n_articles=N` for a corpus of N articles) rebuilds
the folder when it is missing, incomplete or was made by a different version of this file
(the manifest records a hash of this source); `extra_article(k)` is an article outside
them, for timing an ingest.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import shutil
from pathlib import Path

SEED = 20241023
MANIFEST = "manifest.json"
GENERATOR_HASH = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]

# --- who says it ---------------------------------------------------------------------------

# (full form, short form used later in an article)
CLAIMANTS = [
    ("Ukrainian President Volodymyr Zelensky", "Zelensky"),
    ("Volodymyr Zelensky", "Zelensky"),
    ("South Korea's National Intelligence Service (NIS)", "the NIS"),
    ("the National Intelligence Service", "the spy agency"),
    ("South Korea's Joint Chiefs of Staff (JCS)", "the JCS"),
    ("the Joint Chiefs of Staff in Seoul", "the JCS"),
    ("the Pentagon", "the Pentagon"),
    ("Pentagon press secretary Sabrina Singh", "Singh"),
    ("White House national security spokesman John Kirby", "Kirby"),
    ("John Kirby", "Kirby"),
    ("US Defense Secretary Lloyd Austin", "Austin"),
    ("NATO Secretary General Mark Rutte", "Rutte"),
    ("Ukraine's military intelligence chief Kyrylo Budanov", "Budanov"),
    ("Ukraine's General Staff", "the General Staff"),
    ("Britain's Ministry of Defence", "the ministry"),
    ("US officials", "the officials"),
    ("a senior Ukrainian military official", "the official"),
    ("Western intelligence sources", "the sources"),
]
# Moscow and Pyongyang mostly deny; their sentences relay other people's numbers.
DENIERS = [("Kremlin spokesman Dmitry Peskov", "Peskov"),
           ("North Korea's state news agency KCNA", "KCNA"),
           ("Russian Foreign Ministry spokeswoman Maria Zakharova", "Zakharova")]

ANALYSTS = ["Park Ji-hoon", "Elena Marchetti", "Daniel Okafor", "Yoon Seo-yeon", "Tomasz Nowak",
            "Mira Halvorsen", "Lee Min-jae", "Oksana Hrytsenko", "Hannah Brandt", "Choi Eun-ji"]
ROLES = ["senior fellow", "research director", "visiting scholar", "professor of security studies",
         "former defence official"]
INSTITUTES = ["the Asan Policy Circle", "the Northbridge Institute", "Example University's Korea Centre",
              "the Harbour Strategy Forum", "the Baltic Defence Study Group"]
CITIES = ["Seoul", "Kyiv", "Washington", "Brussels", "Tokyo", "Warsaw", "Geneva"]
PUBLISHERS = ["Example Wire", "The Daily Example", "Northern Ledger", "Asia Desk Online",
              "Frontline Report", "Global Brief", "Seoul Morning Example", "Kyiv Observer Example"]
AUTHORS = ["Jane Doe", "Alex Kim", "Maria Petrenko", "Sam Lee", "Chris Novak", "Priya Raman",
           "Jonas Berg", "Ha-eun Song", None]
HOSTS = ["example.org", "example.com", "example.net", "news.example.org"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# --- the numbers ---------------------------------------------------------------------------

VALUES = {
    "deployed": [1500, 3000, 7000, 8000, 10000, 11000, 11500, 12000, 14000, 15000],
    "planned": [5000, 10000, 12000, 15000, 20000, 25000, 30000],
    "casualties": [1000, 1100, 3000, 3800, 4000, 4700, 6000],
    "killed": [100, 200, 300, 600, 1000, 2000],
    "wounded": [1000, 2000, 2700],
    "captured": [1, 2, 3],
}
RANGES = [(10000, 12000), (30000, 35000), (1000, 1500), (11000, 12000), (3000, 5000),
          (12000, 15000)]
WORD_NUMS = {1: "one", 2: "two", 3: "three", 5: "five", 7: "seven", 8: "eight", 10: "ten",
             11: "eleven", 12: "twelve", 14: "fourteen", 15: "fifteen", 20: "twenty",
             25: "twenty-five", 30: "thirty"}
QUALIFIERS = ["", "", "", "", "about ", "approximately ", "around ", "roughly ", "some ",
              "an estimated ", "more than ", "over ", "upwards of ", "at least ",
              "no fewer than ", "up to ", "as many as ", "nearly ", "almost ", "close to ", "+"]


def number(v: int, rng: random.Random) -> str:
    """One written form of v: 11,000 / 11 thousand / eleven thousand / 1.5 thousand / 10.000."""
    forms = [f"{v:,}"] * 5
    if v >= 3000 and v % 1000 == 0:
        forms += [f"{v // 1000} thousand"] * 2
        if v // 1000 in WORD_NUMS:
            forms.append(f"{WORD_NUMS[v // 1000]} thousand")
        if v >= 10000:
            forms.append(f"{v:,}".replace(",", "."))
    elif v > 1000 and v % 500 == 0:
        forms += [f"{v / 1000:g} thousand"] * 2
    if v in WORD_NUMS:
        forms += [WORD_NUMS[v]] * 5
    return rng.choice(forms)


def quantity(measure: str, rng: random.Random) -> str:
    """A number phrase with its qualifier: 'more than 3,000', '30-35 thousand', '3,000+'."""
    if measure in ("deployed", "planned", "casualties") and rng.random() < 0.12:
        lo, hi = rng.choice(RANGES)
        forms = [f"between {lo:,} and {hi:,}", f"{lo:,} to {hi:,}", f"{lo:,}-{hi:,}",
                 f"from {lo:,} to {hi:,}"]
        if lo % 1000 == 0 and hi % 1000 == 0:
            forms += [f"{lo // 1000}-{hi // 1000} thousand", f"{lo // 1000} to {hi // 1000} thousand"]
        return rng.choice(forms)
    v = rng.choice(VALUES[measure])
    if measure == "captured":
        return rng.choice(["", "", "at least "]) + number(v, rng)
    q = rng.choice(QUALIFIERS)
    if q == "+":
        return f"{v:,}+"
    return q + number(v, rng)


# --- sentences -------------------------------------------------------------------------------

# Clauses that carry one figure; {Q} is the number phrase.
CLAUSES = {
    "deployed": [
        "{Q} North Korean soldiers are now in Russia",
        "North Korea has sent {Q} troops to Russia",
        "{Q} troops from the North have been deployed to the Kursk region",
        "Pyongyang has moved {Q} soldiers to training camps in Russia's Far East",
        "{Q} North Korean servicemen have arrived close to the front line",
        "{Q} soldiers of the Korean People's Army are training at Russian bases",
        "the North Korean contingent on Russian soil now totals {Q}",
        "{Q} North Korean personnel have joined Russian units near Kursk",
    ],
    "planned": [
        "North Korea could send {Q} more troops",
        "Pyongyang is preparing to dispatch {Q} additional soldiers to Russia",
        "a further {Q} North Korean troops may be sent before the end of the year",
        "the North plans to deploy {Q} soldiers in a second rotation",
        "Kim Jong Un is ready to send {Q} more troops if Moscow asks for them",
    ],
    "casualties": [
        "{Q} North Korean soldiers have been killed or wounded in the Kursk region",
        "North Korean casualties now number {Q}",
        "the North Korean force has suffered {Q} casualties since it entered combat",
        "{Q} North Korean troops have been killed or injured",
        "North Korean losses around Kursk stand at {Q} killed and wounded",
    ],
    "killed": [
        "{Q} North Korean soldiers have been killed",
        "{Q} troops from the North died in assaults on Ukrainian positions",
        "the number of North Korean dead is put at {Q}",
    ],
    "wounded": [
        "{Q} North Korean soldiers have been wounded",
        "{Q} North Korean troops were injured in drone strikes",
    ],
    "captured": [
        "Ukrainian forces have captured {Q} North Korean soldiers",
        "{Q} North Korean fighters have been taken prisoner",
    ],
}
MEASURE_WEIGHTS = {"deployed": 8, "planned": 4, "casualties": 4, "killed": 2, "wounded": 1,
                   "captured": 1}

# {C} full claimant, {S} short form, {X} clause, {D} day phrase (with a leading space or empty)
FRAMES = [
    "{C} said{D} that {X}.",
    "According to {C}, {X}.",
    "{Xc}, {C} said{D}.",
    "{C} told reporters{D} that {X}.",
    "{C} estimated{D} that {X}, a figure that could not be independently verified.",
    "Speaking at a news conference{D}, {S} said {X}.",
    "In a closed-door briefing to lawmakers{D}, {C} said {X}.",
    "{C} wrote on Telegram{D} that {X}.",
    "{Xc}, according to {C}.",
    "Citing intelligence reports, {C} said {X}.",
    "{Sc} added that {X}.",
    "{C} believes {X}, up from earlier estimates.",
]
DENIAL_FRAMES = [
    "{C} dismissed as fabricated the claims that {X}.",
    "{C} declined to comment{D} on reports that {X}.",
    "{C} called the allegation that {X} a smear campaign.",
]


def day_phrase(rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return f" on {rng.choice(WEEKDAYS)}"
    if kind == 1:
        return f" on {rng.choice(MONTHS)} {rng.randint(1, 28)}"
    if kind == 2:
        n = rng.randint(1, 28)
        return f" on the {n}{'st' if n in (1, 21) else 'nd' if n in (2, 22) else 'rd' if n in (3, 23) else 'th'}"
    if kind == 3:
        return rng.choice([" yesterday", " earlier this week", " last month"])
    return ""


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def figure_sentence(rng: random.Random) -> tuple[str, int]:
    """A sentence stating one or two figures; returns (sentence, figures planted)."""
    measures = list(MEASURE_WEIGHTS)
    measure = rng.choices(measures, [MEASURE_WEIGHTS[m] for m in measures])[0]
    clause = rng.choice(CLAUSES[measure]).format(Q=quantity(measure, rng))
    if rng.random() < 0.1:
        c, _ = rng.choice(DENIERS)
        return _cap(rng.choice(DENIAL_FRAMES).format(C=c, X=clause, D=day_phrase(rng))), 1
    c, s = rng.choice(CLAIMANTS)
    if measure in ("deployed", "planned", "casualties") and rng.random() < 0.1:
        c2 = rng.choice([full for full, _ in CLAIMANTS if full != c])  # two claimants, two figures
        other = quantity(measure, rng)
        return _cap(f"{c} said {clause}, while {c2} put the number at {other}."), 2
    sentence = rng.choice(FRAMES).format(C=c, S=s, Sc=_cap(s), X=clause, Xc=_cap(clause),
                                         D=day_phrase(rng))
    return _cap(sentence), 1


DISTRACTORS = [
    "Kim Jong Un and Vladimir Putin signed a comprehensive strategic partnership treaty in Pyongyang on June 19, 2024.",
    "The two leaders last met at the Vostochny Cosmodrome in September 2023.",
    "Fighting in the Kursk region began when Ukrainian units crossed the border in August 2024.",
    "Ukraine's General Staff said Russia lost {r:,} troops over the past day, a figure Moscow does not confirm.",
    "Kyiv puts total Russian losses since February 2022 at more than {big:,} killed and wounded.",
    "North Korea is thought to have shipped over {cont:,} containers of munitions to Russia since {year}.",
    "South Korean officials believe Pyongyang has supplied as many as {shells} million artillery shells.",
    "Investigators also identified at least {msl} KN-23 and KN-24 ballistic missiles fired at Ukrainian cities.",
    "Pyongyang has also sent around {guns} Koksan self-propelled guns and {mlrs} multiple rocket launchers, analysts say.",
    "The Korean People's Army is one of the largest in the world, with roughly 1.2 million active-duty personnel.",
    "Even a deployment of that size would be a small slice of North Korea's 1.2 million-strong army.",
    "Russia's defence budget for {year2} amounts to about {pct} percent of GDP.",
    "A poll released in Seoul found that {pct2}% of respondents opposed sending weapons to Ukraine.",
    "The sanctions package announced on {month} {d} targets firms said to have moved ${money} million in goods.",
    "Moscow will hold a parade on May 9 to mark the 80th anniversary of the Soviet victory in the Second World War.",
    "October 10 marked the 79th anniversary of the founding of the Workers' Party of Korea.",
    "The 1953 armistice ended the fighting of the Korean War, but no peace treaty was ever signed.",
    "Most of the soldiers are believed to be between 18 and 25 years old.",
    "The Sergeevka training ground lies roughly {km} kilometres from the Chinese border.",
    "Troops were reportedly carried about {km2:,} km west by military transport aircraft.",
    "Ukrainian drones struck an ammunition depot some {km} km behind the front on {month} {d}.",
    "The won slipped to {krw:,} per dollar during the week, and the KOSPI index fell {pct3} percent.",
    "Russia's 810th Naval Infantry Brigade has fought alongside the new arrivals, Ukrainian reports say.",
    "The force is said to include units of the 11th Corps, also known as the Storm Corps.",
    "The UN Security Council met for the {nth}th time this year to discuss the war on {d}/{mm}/{year2}.",
    "Russia has mobilised about {rus:,} reservists of its own since the autumn of 2022.",
    "Ukraine says it destroyed {tanks} Russian tanks and {apc} armoured vehicles in the same week.",
    "The aid package, worth ${bn} billion, includes {atacms} long-range missiles.",
]


class Deck:
    """Draws templates without replacement, reshuffling when empty, so an article rarely repeats one."""

    def __init__(self, items: list[str], rng: random.Random):
        self.items, self.rng, self.left = items, rng, []

    def draw(self) -> str:
        if not self.left:
            self.left = self.rng.sample(self.items, len(self.items))
        return self.left.pop()


def distractor(rng: random.Random, deck: Deck) -> str:
    y = rng.choice([2022, 2023, 2024])
    return deck.draw().format(
        r=rng.randint(1100, 2100), big=rng.choice([600000, 700000, 750000, 800000]),
        cont=rng.choice([13000, 16000, 20000]), year=y, year2=rng.choice([2024, 2025]),
        shells=rng.choice([3, 5, 6, 8]), msl=rng.randint(20, 60), guns=rng.choice([100, 120, 160]),
        mlrs=rng.choice([100, 120, 240]), pct=rng.choice([6.3, 6.7, 7.1]), pct2=rng.randint(40, 80),
        month=rng.choice(MONTHS), d=rng.randint(1, 28), mm=rng.randint(1, 12),
        money=rng.choice([12, 150, 400, 900]), km=rng.choice([40, 60, 150, 200]),
        km2=rng.choice([6000, 7000, 9000]), krw=rng.choice([1390, 1410, 1450, 1470]),
        pct3=rng.choice([0.8, 1.2, 2.3]), nth=rng.randint(4, 19),
        rus=rng.choice([300000, 150000]), tanks=rng.randint(10, 90), apc=rng.randint(20, 200),
        bn=rng.choice([1.2, 2.5, 8]), atacms=rng.choice([50, 100]))


FILLER = [
    "{A}, a {R} at {I}, said the deployment marked a turning point in relations between Moscow and Pyongyang.",
    "Officials in Kyiv have repeatedly urged allies to answer the deepening military ties.",
    "The Kremlin has neither confirmed nor denied that North Korean soldiers are on Russian soil.",
    "Pyongyang has called the reports groundless and accused Washington of spreading rumours.",
    "Analysts say the North hopes to gain combat experience and access to Russian military technology.",
    "Seoul is weighing whether to send defensive weapons to Ukraine in response.",
    "Language barriers and unfamiliar terrain are said to have hampered the North Korean units.",
    "Videos shared online appear to show North Korean recruits being handed Russian uniforms.",
    "Ukrainian special forces published what they said was a diary kept by a North Korean soldier.",
    "The claims could not be independently verified.",
    "Diplomats in {city} said the issue would dominate talks at the next summit.",
    "The troops are reportedly fighting under Russian command and in Russian uniforms.",
    "Western governments have warned that the deployment risks widening the war.",
    "{A} said the numbers should be treated with caution because both sides have reasons to inflate them.",
    "The foreign ministers of South Korea, Japan and the United States condemned the cooperation in a joint statement.",
    "Some reports suggest the soldiers were issued Russian identity papers from remote Far Eastern regions.",
    "Drone footage released by Ukrainian units shows soldiers advancing across open fields in small groups.",
    "{A} of {I} noted that Pyongyang rarely comments on its forces abroad.",
    "Officials in {city} said they were sharing intelligence with partners to track the movements.",
    "The deployment has also raised questions about what Russia may give North Korea in return.",
    "Ukraine has said it is willing to exchange captured soldiers for Ukrainians held in Russia.",
    "Relatives in the North are unlikely to learn what happened to the men, defectors say.",
    "Russian state media has avoided any mention of foreign soldiers at the front.",
    "Military experts expect the front in the Kursk region to stay fluid through the winter.",
    "The White House described the deployment as a dangerous escalation.",
    "NATO allies discussed the situation at a meeting of ambassadors in Brussels.",
    "{A} argued that the figures matter less than the precedent the deployment sets.",
    "Satellite images reviewed by researchers show new activity at a port on the North's east coast.",
    "Human rights groups have asked how the soldiers were recruited and whether they volunteered.",
    "The question of pay for the troops remains unclear, officials in {city} said.",
    "{A} said Moscow appeared to value manpower more than any weapons Pyongyang could offer.",
    "Beijing has kept its distance from the arrangement, according to diplomats in {city}.",
    "Commanders on the Ukrainian side describe the newcomers as disciplined but inexperienced.",
    "The arrival of foreign soldiers has been a recurring theme in speeches by Ukrainian leaders.",
    "Japanese officials said they were watching the situation closely.",
    "Much of what is known about the units comes from intercepted radio traffic and drone video.",
    "Lawmakers in {city} called for tougher sanctions on the shipping firms involved.",
    "{A}, who studies the North Korean military at {I}, said the units appear to be drawn from elite formations.",
]


def filler(rng: random.Random, deck: Deck) -> str:
    return deck.draw().format(A=rng.choice(ANALYSTS), R=rng.choice(ROLES),
                                     I=rng.choice(INSTITUTES), city=rng.choice(CITIES))


def furniture(rng: random.Random, day: dt.date) -> str:
    ident = rng.randint(10000, 99999)
    host = rng.choice(HOSTS)
    return rng.choice([
        f"Comment ({rng.choice([0, 0, 0, 3, 12])})", "Share this article", "Ảnh 1.", f"Ảnh {rng.randint(2, 4)}.",
        f"Read more: https://{host}/{day.year}/{day.month:02d}/{day.day:02d}/north-korea-russia-{ident}",
        f"Source: https://{host}/news/world/{ident}.html", "Follow us on Telegram",
        "Tags: North Korea, Russia, Ukraine, Kursk", f"{rng.randint(3, 9)} min read",
        f"Updated {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} GMT",
        f"© {day.year} {rng.choice(PUBLISHERS)}. All rights reserved.",
        f"Contact the newsroom at desk{ident % 100}@{host}",
        "Kim Jong Un (left) and Vladimir Putin at a ceremony in Pyongyang. Photo: KCNA",
        "Related articles", "No videos available",
    ])


HEADLINES = {
    "deployed": ["{S}: {Q} North Korean troops now in Russia", "{Q} North Korean soldiers sent to Russia, {s} says"],
    "planned": ["North Korea could send {Q} more soldiers, {s} warns"],
    "casualties": ["{S}: North Korean casualties reach {Q}", "{Q} North Korean troops killed or wounded, says {s}"],
}
PLAIN_HEADLINES = ["North Korea's role in Russia's war deepens",
                   "What we know about North Korean troops in Kursk",
                   "Seoul and Kyiv compare notes on Pyongyang's soldiers",
                   "Kremlin stays silent as reports of foreign troops mount"]


def headline(rng: random.Random) -> tuple[str, int]:
    if rng.random() < 0.3:
        return rng.choice(PLAIN_HEADLINES), 0
    measure = rng.choice(list(HEADLINES))
    _, s = rng.choice(CLAIMANTS)
    text = rng.choice(HEADLINES[measure]).format(Q=quantity(measure, rng), S=_cap(s), s=s)
    return _cap(text), 1


def article(rng: random.Random) -> tuple[str, int]:
    """One article file's text (front matter + body) and the figure phrases planted in it."""
    day = dt.date(2024, 10, 10) + dt.timedelta(days=rng.randrange(260))
    title, planted = headline(rng)
    author = rng.choice(AUTHORS)
    host = rng.choice(HOSTS)
    front = ["---", f"title: {json.dumps(title, ensure_ascii=False)}",
             f"publisher: {rng.choice(PUBLISHERS)}", f"author: {author or ''}".rstrip(),
             f"url: https://{host}/{day.year}/{day.month:02d}/{day.day:02d}/story-{rng.randint(1000, 9999)}",
             f"published: {day.isoformat() if rng.random() < 0.9 else ''}".rstrip(),
             "language: en", "---"]
    lines = [title]
    if author and rng.random() < 0.5:
        lines.append(f"By {author}")
    target, words = rng.randint(300, 1460), 0
    distractors, fillers = Deck(DISTRACTORS, rng), Deck(FILLER, rng)
    while words < target:
        para = []
        for _ in range(rng.randint(2, 5)):
            roll = rng.random()
            if roll < 0.12:
                sentence, n = figure_sentence(rng)
                planted += n
            elif roll < 0.30:
                sentence = distractor(rng, distractors)
            else:
                sentence = filler(rng, fillers)
            para.append(sentence)
            words += len(sentence.split())
            if words >= target:
                break
        lines.append(" ".join(para))
        if rng.random() < 0.05:
            lines.append(furniture(rng, day))
    lines += [furniture(rng, day) for _ in range(rng.choice([0, 0, 1, 2, 4]))]
    sep = "\n\n" if rng.random() < 0.6 else "\n"
    return "\n".join(front) + "\n" + sep.join(lines) + "\n", planted


def ensure_corpus(folder: Path, target_bytes: int = 0, n_articles: int = 0) -> dict:
    """The corpus manifest, (re)building the folder if it is missing or stale. It stops at
    `target_bytes` of text, or with `n_articles` set at that many articles."""
    path = folder / MANIFEST
    if path.exists():
        manifest = json.loads(path.read_text())
        if manifest.get("generator") == GENERATOR_HASH and manifest.get("target_bytes") == target_bytes \
                and manifest.get("n_articles", 0) == n_articles and manifest.get("seed") == SEED \
                and all((folder / name).is_file() for name in manifest["files"]):
            manifest["regenerated"] = False
            return manifest
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    rng = random.Random(SEED)
    files, total, planted, digest = [], 0, 0, hashlib.sha256()
    while (len(files) < n_articles) if n_articles else (total < target_bytes):
        text, n = article(rng)
        data = text.encode("utf-8")
        name = f"bench_{len(files):05d}.txt"
        (tmp / name).write_bytes(data)
        digest.update(data)
        files.append(name)
        total += len(data)
        planted += n
    manifest = {"generator": GENERATOR_HASH, "seed": SEED, "target_bytes": target_bytes,
                "n_articles": n_articles, "bytes": total, "articles": len(files), "planted_figures": planted,
                "sha256": digest.hexdigest(), "files": files}
    (tmp / MANIFEST).write_text(json.dumps(manifest))
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)
    manifest["regenerated"] = True
    return manifest


def extra_article(k: int) -> str:
    """The text of an article outside every corpus (its own stream), for timing an ingest."""
    return article(random.Random(f"{SEED}-extra-{k}"))[0]

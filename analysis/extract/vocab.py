"""Vocabularies of the figure extractor, kept as data in one place.

Lists are matched on word boundaries, longer phrases first, so the order inside a list
does not matter. Lower-case lists are matched case-insensitively; names (claimants with
capitals, PEOPLE, SIDE_FORMS, NATIONAL_ADJECTIVES, OUTLETS, INDEPENDENT_BODIES) as
written. tests/test_vocab.py checks every list against the measures and groups.
"""
from __future__ import annotations

# --- claimant groups -----------------------------------------------------------------

GROUPS: tuple[str, ...] = (
    "Ukraine", "South Korea", "United States", "Russia", "North Korea", "NATO", "Other",
    "Unattributed",
)

# One colour per claimant group, the same on every page and in every export.
GROUP_COLORS: dict[str, str] = {
    "Ukraine": "#1f77b4",
    "South Korea": "#2ca02c",
    "United States": "#9467bd",
    "Russia": "#d62728",
    "North Korea": "#8c564b",
    "NATO": "#17becf",
    "Other": "#ff7f0e",
    "Unattributed": "#7f7f7f",
}

# Claimant names and spellings → (canonical name, group). Keys are matched as phrases.
CLAIMANTS: dict[str, tuple[str, str]] = {
    # Ukraine
    "Volodymyr Zelenskyy": ("Volodymyr Zelensky", "Ukraine"),
    "Volodymyr Zelenskiy": ("Volodymyr Zelensky", "Ukraine"),
    "Vladimir Zelensky": ("Volodymyr Zelensky", "Ukraine"),
    "Volodymyr Zleneskyy": ("Volodymyr Zelensky", "Ukraine"),
    "Zelenskyy": ("Volodymyr Zelensky", "Ukraine"),
    "Zelenskiy": ("Volodymyr Zelensky", "Ukraine"),
    "Zelenski": ("Volodymyr Zelensky", "Ukraine"),
    "HUR": ("Ukrainian military intelligence (HUR)", "Ukraine"),
    "GUR": ("Ukrainian military intelligence (HUR)", "Ukraine"),
    "Ukraine's military intelligence": ("Ukrainian military intelligence (HUR)", "Ukraine"),
    "Ukrainian military intelligence": ("Ukrainian military intelligence (HUR)", "Ukraine"),
    "Ukrainian intelligence": ("Ukrainian military intelligence (HUR)", "Ukraine"),
    "Ukraine's intelligence": ("Ukrainian military intelligence (HUR)", "Ukraine"),
    "Main Intelligence Directorate": ("Ukrainian military intelligence (HUR)", "Ukraine"),
    "Defence Intelligence of Ukraine": ("Ukrainian military intelligence (HUR)", "Ukraine"),
    "Defense Intelligence of Ukraine": ("Ukrainian military intelligence (HUR)", "Ukraine"),
    "Center for Countering Disinformation": ("Center for Countering Disinformation", "Ukraine"),
    "Center of National Resistance": ("National Resistance Center of Ukraine", "Ukraine"),
    "Centre of National Resistance": ("National Resistance Center of Ukraine", "Ukraine"),
    "National Resistance Center": ("National Resistance Center of Ukraine", "Ukraine"),
    "National Resistance Centre": ("National Resistance Center of Ukraine", "Ukraine"),
    "Ukrainian Center for Strategic Communication": ("Ukrainian Center for Strategic Communication", "Ukraine"),
    "Special Operations Forces": ("Ukrainian Special Operations Forces", "Ukraine"),
    "SSO": ("Ukrainian Special Operations Forces", "Ukraine"),
    "SBU": ("Security Service of Ukraine (SBU)", "Ukraine"),
    "General Staff of the Armed Forces of Ukraine": ("Ukrainian General Staff", "Ukraine"),
    "Ukraine's General Staff": ("Ukrainian General Staff", "Ukraine"),
    "Ukrainian General Staff": ("Ukrainian General Staff", "Ukraine"),
    "Ukrainian officials": ("Ukrainian officials", "Ukraine"),
    "Ukrainian official": ("Ukrainian officials", "Ukraine"),
    "Ukrainian military": ("Ukrainian military", "Ukraine"),
    "Ukraine's military": ("Ukrainian military", "Ukraine"),
    "Ukraine's defence ministry": ("Ukrainian defence ministry", "Ukraine"),
    "Ukraine's defense ministry": ("Ukrainian defence ministry", "Ukraine"),
    "Ukrainian authorities": ("Ukrainian officials", "Ukraine"),
    "Kyiv": ("Ukraine", "Ukraine"),
    "Kiev": ("Ukraine", "Ukraine"),
    # Russian state wording for Ukraine's government ("the Kiev regime's intelligence")
    "Kiev regime": ("Ukraine", "Ukraine"),
    "Kyiv regime": ("Ukraine", "Ukraine"),
    "Ukraine": ("Ukraine", "Ukraine"),
    # South Korea
    "National Intelligence Service (NIS)": ("National Intelligence Service (NIS)", "South Korea"),
    "National Intelligence Service": ("National Intelligence Service (NIS)", "South Korea"),
    "NIS": ("National Intelligence Service (NIS)", "South Korea"),
    "Joint Chiefs of Staff": ("Joint Chiefs of Staff (JCS)", "South Korea"),
    "JCS": ("Joint Chiefs of Staff (JCS)", "South Korea"),
    "Joint Chiefs": ("Joint Chiefs of Staff (JCS)", "South Korea"),  # the short form, as the full name
    "Lee Seong-kwon": ("Lee Seong-kweun", "South Korea"),
    "Yoon": ("Yoon Suk Yeol", "South Korea"),
    "South Korean lawmakers": ("South Korean lawmakers", "South Korea"),
    "South Korean lawmaker": ("South Korean lawmakers", "South Korea"),
    "South Korean legislator": ("South Korean lawmakers", "South Korea"),
    "South Korean legislators": ("South Korean lawmakers", "South Korea"),
    "South Korean intelligence": ("National Intelligence Service (NIS)", "South Korea"),
    "South Korea's intelligence": ("National Intelligence Service (NIS)", "South Korea"),
    "South Korea's spy agency": ("National Intelligence Service (NIS)", "South Korea"),
    "South Korean spy agency": ("National Intelligence Service (NIS)", "South Korea"),
    "Seoul's spy agency": ("National Intelligence Service (NIS)", "South Korea"),
    "South Korea's military": ("South Korean military", "South Korea"),
    "South Korean military": ("South Korean military", "South Korea"),
    "South Korea's defence ministry": ("South Korean defence ministry", "South Korea"),
    "South Korea's defense ministry": ("South Korean defence ministry", "South Korea"),
    "South Korean officials": ("South Korean officials", "South Korea"),
    "South Korean official": ("South Korean officials", "South Korea"),
    "Seoul": ("South Korea", "South Korea"),
    "South Korea": ("South Korea", "South Korea"),
    # United States
    "Patrick Ryder": ("Pat Ryder", "United States"),
    "Pentagon": ("Pentagon", "United States"),
    "Department of Defense": ("Pentagon", "United States"),
    "Defense Department": ("Pentagon", "United States"),
    "DoD": ("Pentagon", "United States"),
    "DOD": ("Pentagon", "United States"),
    "Defense Intelligence Agency": ("Defense Intelligence Agency", "United States"),
    "State Department": ("State Department", "United States"),
    "White House": ("White House", "United States"),
    "National Security Council": ("White House", "United States"),
    "U.S. intelligence": ("U.S. intelligence", "United States"),
    "US intelligence": ("U.S. intelligence", "United States"),
    "American intelligence": ("U.S. intelligence", "United States"),
    "U.S. officials": ("U.S. officials", "United States"),
    "US officials": ("U.S. officials", "United States"),
    "U.S. official": ("U.S. officials", "United States"),
    "US official": ("U.S. officials", "United States"),
    "American officials": ("U.S. officials", "United States"),
    "Washington": ("United States", "United States"),
    "United States": ("United States", "United States"),
    "U.S.": ("United States", "United States"),
    "US": ("United States", "United States"),
    # NATO
    "NATO": ("NATO", "NATO"),
    "Nato": ("NATO", "NATO"),  # a British house style
    # Russia
    "Kremlin": ("Kremlin", "Russia"),
    "Sergei Shoygu": ("Sergei Shoigu", "Russia"),
    "Sergej Schoigu": ("Sergei Shoigu", "Russia"),
    "Shoygu": ("Sergei Shoigu", "Russia"),
    "Schoigu": ("Sergei Shoigu", "Russia"),
    "Russian Defence Ministry": ("Russian defence ministry", "Russia"),
    "Russian Defense Ministry": ("Russian defence ministry", "Russia"),
    "Russia's defence ministry": ("Russian defence ministry", "Russia"),
    "Russia's defense ministry": ("Russian defence ministry", "Russia"),
    "Russian officials": ("Russian officials", "Russia"),
    "Moscow": ("Russia", "Russia"),
    "Russia": ("Russia", "Russia"),
    # North Korea
    "KCNA": ("KCNA", "North Korea"),
    "Korean Central News Agency": ("KCNA", "North Korea"),
    "Rodong Sinmun": ("Rodong Sinmun", "North Korea"),
    "Kim Jong-un": ("Kim Jong Un", "North Korea"),
    "Pyongyang": ("North Korea", "North Korea"),
    "North Korea": ("North Korea", "North Korea"),
    "DPRK": ("North Korea", "North Korea"),
    # Others
    "Ministry of Defence": ("UK Ministry of Defence", "Other"),
    "UK Ministry of Defence": ("UK Ministry of Defence", "Other"),
    "British intelligence": ("UK Defence Intelligence", "Other"),
    "UK Defence Intelligence": ("UK Defence Intelligence", "Other"),
    "Defence Intelligence": ("UK Defence Intelligence", "Other"),
    "UK defence intelligence": ("UK Defence Intelligence", "Other"),
    "British Ministry of Defence": ("UK Ministry of Defence", "Other"),
    "UK Ministry of Defense": ("UK Ministry of Defence", "Other"),
    "British Ministry of Defense": ("UK Ministry of Defence", "Other"),
    "British Defence Intelligence": ("UK Defence Intelligence", "Other"),
    "British Defense Intelligence": ("UK Defence Intelligence", "Other"),
    "British defense ministry": ("UK Ministry of Defence", "Other"),
    "Institute for the Study of War": ("Institute for the Study of War (ISW)", "Other"),
    "ISW": ("Institute for the Study of War (ISW)", "Other"),
    "Japan": ("Japan", "Other"),
    "Britain": ("United Kingdom", "Other"),
    "United Kingdom": ("United Kingdom", "Other"),
    "UK": ("United Kingdom", "Other"),
    "UK intelligence": ("UK Defence Intelligence", "Other"),
    "British defence ministry": ("UK Ministry of Defence", "Other"),
    "France": ("France", "Other"),
    "Germany": ("Germany", "Other"),
    "Poland": ("Poland", "Other"),
    "Estonia": ("Estonia", "Other"),
    "Lithuania": ("Lithuania", "Other"),
    "China": ("China", "Other"),
    "Beijing": ("China", "Other"),
    "Stimson Center": ("Stimson Center", "Other"),
    "38 North": ("38 North", "Other"),
    "Royal United Services Institute": ("RUSI", "Other"),
    "RUSI": ("RUSI", "Other"),
    "Open Source Centre": ("Open Source Centre", "Other"),
    "European Union": ("European Union", "Other"),
    "EU": ("European Union", "Other"),
    "United Nations": ("United Nations", "Other"),
    "UN": ("United Nations", "Other"),
    "London": ("United Kingdom", "Other"),
    "Tokyo": ("Japan", "Other"),
    "Paris": ("France", "Other"),
    "Berlin": ("Germany", "Other"),
    "Warsaw": ("Poland", "Other"),
    "Netherlands": ("Netherlands", "Other"),
    "The Hague": ("Netherlands", "Other"),
    "Ukraine and the West": ("Ukraine and the West", "Ukraine"),
    "Western officials": ("Western officials", "Other"),
    "Western intelligence": ("Western intelligence", "Other"),
    "analysts": ("analysts", "Other"),
    "experts": ("experts", "Other"),
    # Unattributed sources
    "some sources": ("some sources", "Unattributed"),
    "sources": ("sources", "Unattributed"),
    "reports": ("reports", "Unattributed"),
    "estimates": ("estimates", "Unattributed"),
    "intelligence agencies": ("intelligence agencies", "Unattributed"),
    "intelligence services": ("intelligence services", "Unattributed"),
    "media reports": ("media reports", "Unattributed"),
    "officials": ("officials", "Unattributed"),
}

# People who make estimates, full name → group. Each is also known by surname alone
# (`Kirby said`), or by family name for Korean names (`Park said`), unless two groups
# share that name.
PEOPLE: dict[str, str] = {
    "Volodymyr Zelensky": "Ukraine", "Kyrylo Budanov": "Ukraine", "Rustem Umerov": "Ukraine",
    "Andrii Sybiha": "Ukraine", "Oleksandr Syrskyi": "Ukraine", "Andriy Yermak": "Ukraine",
    "Dmytro Kuleba": "Ukraine", "Andriy Kovalenko": "Ukraine", "Vadym Skibitskyi": "Ukraine",
    "Andriy Yusov": "Ukraine", "Alyona Getmanchuk": "Ukraine", "Heorhii Tykhyi": "Ukraine",
    "Park Sun-won": "South Korea", "Lee Seong-kweun": "South Korea",
    "Yoon Suk Yeol": "South Korea", "Lee Jae-myung": "South Korea", "Shin Won-sik": "South Korea",
    "Kim Yong-hyun": "South Korea", "Cho Tae-yong": "South Korea", "Cho Tae-yul": "South Korea",
    "Lee Sung-jun": "South Korea", "Jeon Ha-kyu": "South Korea", "Han Duck-soo": "South Korea",
    "Choi Sang-mok": "South Korea",
    "John Kirby": "United States", "Lloyd Austin": "United States", "Pat Ryder": "United States",
    "Sabrina Singh": "United States", "Antony Blinken": "United States",
    "Matthew Miller": "United States", "Vedant Patel": "United States",
    "Linda Thomas-Greenfield": "United States", "Robert Wood": "United States",
    "Dorothy Shea": "United States", "Jake Sullivan": "United States",
    "Joe Biden": "United States", "Donald Trump": "United States", "Marco Rubio": "United States",
    "Pete Hegseth": "United States", "Tammy Bruce": "United States", "Samuel Paparo": "United States",
    "Mark Rutte": "NATO", "Farah Dakhlallah": "NATO", "Jens Stoltenberg": "NATO",
    "Dmitry Peskov": "Russia", "Vladimir Putin": "Russia", "Sergei Shoigu": "Russia",
    "Valery Gerasimov": "Russia", "Sergei Lavrov": "Russia", "Maria Zakharova": "Russia",
    "Yuri Ushakov": "Russia", "Andrei Belousov": "Russia", "Alexander Khinshtein": "Russia",
    "Kim Jong Un": "North Korea", "Kim Yo Jong": "North Korea", "Choe Son Hui": "North Korea",
    "Kim Yong Bok": "North Korea",
    "John Healey": "Other", "David Lammy": "Other", "Kaja Kallas": "Other",
}


def claimant_table() -> dict[str, tuple[str, str]]:
    """CLAIMANTS with every person of PEOPLE under full name and short name."""
    table = dict(CLAIMANTS)
    short: dict[str, set[tuple[str, str]]] = {}
    for name, group in PEOPLE.items():
        table.setdefault(name, (name, group))
        parts = name.split()
        alias = parts[0] if "-" in parts[-1] or group == "North Korea" else parts[-1]
        short.setdefault(alias, set()).add((name, group))
    for alias, owners in short.items():
        if len({g for _, g in owners}) == 1 and alias not in table:
            table[alias] = sorted(owners)[0]
    return table


# How a text names a side before a role: "Ukraine's ambassador", "South Korean lawmaker".
SIDE_FORMS: dict[str, str] = {
    "Ukraine's": "Ukraine", "Ukrainian": "Ukraine", "Kyiv's": "Ukraine",
    "South Korea's": "South Korea", "South Korean": "South Korea", "Seoul's": "South Korea",
    "Russia's": "Russia", "Russian": "Russia", "Moscow's": "Russia", "Kremlin": "Russia",
    "U.S.": "United States", "US": "United States", "American": "United States",
    "Washington's": "United States", "Pentagon": "United States",
    "North Korea's": "North Korea", "North Korean": "North Korea", "Pyongyang's": "North Korea",
    "NATO's": "NATO", "NATO": "NATO", "Nato's": "NATO", "Nato": "NATO", "British": "Other", "Britain's": "Other",
    "Japanese": "Other", "Japan's": "Other",
    # Russian regions by the front, whose officials speak for Russia ("Kursk Governor X")
    "Kursk": "Russia", "Belgorod": "Russia", "Bryansk": "Russia",
}

# Roles that introduce a person who speaks for a side.
ROLE_NOUNS: tuple[str, ...] = (
    "ambassador", "envoy", "minister", "spokesman", "spokeswoman", "spokesperson",
    "commander", "general", "chief", "head", "official", "lawmaker", "legislator", "adviser",
    "advisor", "director", "president", "governor", "officer", "deputy", "secretary",
    "representative", "press secretary", "intelligence chief", "spy chief", "diplomat",
)

# Lower-case words of a title before a person's name: "according to Ukraine's military
# intelligence chief Kyrylo Budanov" (with ROLE_NOUNS and capitalised words).
TITLE_WORDS: tuple[str, ...] = (
    "military", "intelligence", "defence", "defense", "foreign", "security", "national",
    "top", "senior", "former", "of", "the",
)

# National adjectives that stand for a side before an official noun ("American officials",
# "Ukrainian intelligence"); matched case-sensitively.
NATIONAL_ADJECTIVES: dict[str, str] = {
    "Ukrainian": "Ukraine", "South Korean": "South Korea", "Russian": "Russia",
    "American": "United States", "British": "Other", "Japanese": "Other",
    "Dutch": "Other", "French": "Other", "German": "Other", "Polish": "Other",
    "Western": "Other",
}

# Nouns after a national adjective that make it a source: "American officials said".
OFFICIAL_NOUNS: tuple[str, ...] = (
    "official", "officials", "officer", "officers", "intelligence", "military",
    "government", "ministry", "lawmaker", "lawmakers", "legislator", "legislators",
    "spokesman", "spokeswoman", "spokesperson", "president", "source", "sources",
    "commander", "commanders", "authorities", "agency", "agencies", "army", "forces",
    "general staff", "diplomat", "diplomats", "envoy", "ambassador", "minister", "ministers",
    "crew", "unit", "units", "command", "service", "services", "chief", "head", "estimates",
    "estimate", "assessment", "assessments", "count", "tally", "claim", "claims",
    # "South Korean spies said"; a unit of one side as the source of its own count
    # ("the Ukrainian 9th Assault Brigade reported")
    "spies", "brigade", "regiment", "battalion",
    # "the Ukrainian leader said", "an American general said"
    "leader", "general", "generals",
)

# Members and documents of a body that speak for it: "officials at the State Department",
# "a report from the UK Ministry of Defence", "sources in the Defence Intelligence".
MEMBER_NOUNS: tuple[str, ...] = (
    "official", "officials", "source", "sources", "spokesman", "spokeswoman",
    "spokesperson", "analyst", "analysts", "report", "reports", "assessment", "assessments",
    "estimate", "estimates", "data", "figures", "intelligence", "briefing", "briefings", "statement",
    "officers", "experts", "researchers", "representatives", "representative",
    "remarks", "comments", "updates", "update", "statements",
    # "a document from Ukraine's military intelligence, seen by the newspaper, says"
    "document", "documents", "paper", "papers", "memo", "dossier",
)

# What a side owns that speaks for it: "Ukraine's ambassador said", "Seoul's estimate".
POSSESSED_SOURCE_NOUNS: tuple[str, ...] = (
    "intelligence", "estimate", "estimates", "assessment", "figure", "figures", "data",
    "count", "tally", "reckoning", "calculation", "calculations", "numbers", "ambassador",
    "envoy", "president", "prime minister", "foreign minister", "foreign ministry",
    "defence minister", "defence ministry", "defense minister", "defense ministry",
    "ministry", "military", "army", "armed forces", "government", "spy agency", "agency",
    "official", "officials", "spokesman", "spokeswoman", "spokesperson", "commander",
    "general staff", "leader", "mission", "delegation", "presidential office", "office",
    "lawmaker", "lawmakers", "joint chiefs", "chief", "head", "warning", "claim",
    "statement", "remarks", "words", "comments", "briefing", "report", "update",
    "admission", "admissions", "view", "account", "telling",
)

# "the agency", "the spy chief": a definite noun that names back to the last source.
DEFINITE_SOURCE_NOUNS: tuple[str, ...] = (
    "agency", "ministry", "spy agency", "official", "officials", "president", "spokesman",
    "spokeswoman", "spokesperson", "lawmaker", "lawmakers", "legislator", "legislators",
    "statement", "report", "general", "minister", "intelligence agency",
    "intelligence service", "service", "department", "military", "command", "office",
    "chief", "intelligence chief", "spy chief", "commander", "head", "leader", "briefing",
    "update", "assessment", "white paper", "document", "study",
    # North Korea's leader as its state media call him ("The Chairman said")
    "chairman", "chairperson",
)

# A leader honouring his side's dead gives their count ("Kim honoured nine soldiers who died",
# "the Chairman mourned the 15 lost", "acknowledging the loss of nine"): his state's figure.
HONOURING_VERBS: tuple[str, ...] = (
    "honoured", "honored", "honours", "honors", "mourned", "mourns", "commemorated",
    "paid tribute to", "pays tribute to", "paid homage to", "posthumously awarded",
    "posthumously decorated", "acknowledging",
)

# What a memorial shows of its dead ("the faces of 100 soldiers", "portraits of 101"), and the
# words that make the showing one of mourning ("ceremony", "memorial", "honoured"): the count
# so shown is of the dead.
MEMORIAL_IMAGES: tuple[str, ...] = (
    "faces", "portraits", "photographs", "photos", "pictures", "images", "names",
)
MOURNING_WORDS: tuple[str, ...] = (
    "ceremony", "memorial", "funeral", "mourning", "tribute", "fallen",
    "cemetery", "wreath", "wreaths", "posthumously", *HONOURING_VERBS,
)

# Verbs after "he", "she", "the agency" that make a sentence speak for the last source.
NAMING_BACK_VERBS: tuple[str, ...] = (
    "said", "says", "told", "added", "estimated", "estimates", "reported", "claimed",
    "noted", "stated", "believes", "warned", "wrote", "put", "puts", "assessed", "assesses",
    "gave", "released", "argued", "explained", "insisted", "disclosed", "revealed",
    "briefed", "quoted", "cited", "spoke", "stressed", "emphasized", "emphasised",
    "pointed out", "recalled", "specified", "clarified", "reiterated", "counted", "counts",
    "reckons", "reckoned", "thinks", "expressed", *HONOURING_VERBS,
)

# News outlets relay claims; they are skipped when looking for the claimant.
OUTLETS: tuple[str, ...] = (
    "AFP", "Agence France-Presse", "Reuters", "AP", "Associated Press", "Yonhap", "CNN",
    "BBC", "The New York Times", "New York Times", "NYT", "Tass", "TASS", "RIA Novosti",
    "Interfax", "Kyiv Independent", "Ukrainska Pravda", "Bloomberg", "The Guardian",
    "Wall Street Journal", "Washington Post", "NK News", "Korea Herald", "Korea Times",
    "Kyodo", "Xinhua", "Al Jazeera", "RFA", "Radio Free Asia", "Newsis", "Ukrinform",
    "Example Wire",
    # outlets whose names hold a place that is also a side ("The Kyiv Post reported"): the
    # place names no speaker
    "Kyiv Post", "Moscow Times", "Korea JoongAng Daily", "JoongAng Ilbo", "Chosun Ilbo", "Dong-A Ilbo",
    "Korea Economic Daily", "Korea Pro", "Daily NK", "Voice of America", "Radio Free Europe",
    "Radio Liberty", "RBC-Ukraine",
)

# Nouns for the press, which reports in its own name ("a report in a South Korean newspaper").
PRESS_NOUNS: tuple[str, ...] = (
    "newspaper", "newspapers", "news agency", "news outlet", "media outlet", "broadcaster",
    "tabloid", "news site", "news portal",
)

# Phrases that put their source right after them: "according to the NIS", "announced by".
ATTRIBUTION_BEFORE: tuple[str, ...] = (
    "according to", "citing", "quoting", "which cited", "which quoted", "who cited", "per", "estimates of", "estimate of",
    "spokesperson for", "spokesman for", "spokeswoman for", "representative of",
    "assessment of", "assessments of", "figures of", "data of", "count of", "tally of",
    "calculations of", "reckoning of", "breakdown of", "view of", *(f"{verb} by" for verb in (
        "announced", "reported", "estimated", "released", "cited", "given", "provided",
        "confirmed", "published", "compiled", "counted", "disclosed", "presented",
        "put forward", "shared", "assessed", "tallied", "stated", "said", "made", "voiced",
        "claimed", "revealed", "briefed")),
    "claims by", "claim by", "claims from", "reports by", "reports from", "estimates by",
    # "an allegation by Washington that ...": the accuser is the source of what it alleges
    "allegation by", "allegations by", "allegation from", "allegations from", "accusation by",
    "accusations by", "accusation from", "accusations from",
    "forecasts by", "forecast by", "projections by", "projection by", "analysis by",
    "asked about", "asked to comment on", "asked to comment about",
)
ATTRIBUTION_VERBS: tuple[str, ...] = (
    "said", "says", "say", "told", "tells", "reported", "reports", "report", "estimated", "estimates",
    "estimate", "claimed", "claims", "claim", "stated", "states", "announced", "announces",
    "believes", "believe", "believed", "assessed", "assesses", "assess", "confirmed",
    "confirms", "wrote", "writes", "added", "noted", "noting", "warned", "warns", "alleged",
    "alleges", "revealed", "reveals", "disclosed", "put", "puts", "counted", "counts",
    "briefed", "indicated", "indicates", "suggested", "suggests", "suggest", "suggesting", "claiming",
    "saying", "estimating", "reporting", "putting", "tallied", "thinks", "think", "accused",
    "informed", "alerted", "alerts", "posted", "explained", "observed", "highlighted", "insisted", "argued",
    "acknowledged", "acknowledge", "acknowledges", "raised", "spoke", "spoken", "briefing", "announcing",
    "told reporters", "tells reporters", "testified", "cited", "quoted", "quoting",
    "released", "published", "issued", "unveiled", "gave", "presented", "expects",
    "predicts", "predicted", "forecasts", "fears", "projects", "set out", "sets out", "judged", "judges",
    "calculated", "calculates", "stressed", "stresses", "emphasized", "emphasised",
    "emphasizes", "emphasises", "underlined", "pointed out", "recalled", "specified",
    "clarified", "remarked", "commented", "asserted", "maintained", "reiterated",
    "admitted", "declared", "elaborated", "relayed", "conveyed", "passed on", "signed off on",
    "endorsed", "reckon", "reckons", "reckoned", "provided", "updated", "briefed on",
    # "Ukraine places the figure closer to 12,000" (not "placed troops": that is no saying)
    "places the figure", "placed the figure", "places the number", "placed the number",
    "places the toll", "placed the toll", "places the total", "placed the total",
)

# Claimants that only relay ("as stated by reports"): another mention's named side wins.
RELAYING_CLAIMANTS: tuple[str, ...] = ("reports", "media reports")

# Nouns a number right after names rather than counts: "resolution 1718", "unit 32515".
IDENTIFIER_NOUNS: tuple[str, ...] = (
    "resolution", "resolutions", "article", "paragraph", "no.", "unit", "military unit",
    "flight", "route", "highway", "line", "code", "cargo",
)

# Events a statement is made at: "During the ceremony, Kim noted ..." takes the event's day.
EVENT_NOUNS: tuple[str, ...] = (
    "ceremony", "briefing", "meeting", "speech", "address", "interview", "conference",
    "session", "hearing", "summit", "talks",
)

# Verbs that, negated after a name ("Moscow has not confirmed it"), say it is no source.
CONFIRMING_VERBS: tuple[str, ...] = (
    "confirmed", "confirm", "confirms", "acknowledged", "disclosed", "commented",
    # "did not say / declined to say / would not specify": a side that gives no figure
    "say", "said", "specify", "specified", "comment", "disclose",
)

# More words that, after a name, make it the source ("the NIS had information that").
ATTRIBUTION_VERBS_AFTER_NAME: tuple[str, ...] = (
    "had information", "has information", "have information", "has evidence",
    "had evidence", "have evidence", "expressed", "assessment", "detected", "has detected",
    "mentioning", "mentioned", "concluded", "believes that", "shows", "showed",
    "made the remarks", "made the comments", "made the remark",
    *HONOURING_VERBS,
)

# The last word of an organisation's name that speaks for no side of its own (a think
# tank, a monitoring team): "the Multilateral Sanctions Monitoring Team said" → Other.
INDEPENDENT_BODIES: tuple[str, ...] = (
    "Institute", "Center", "Centre", "Team", "Foundation", "Project", "Monitor", "Network",
    "University", "Initiative", "Observatory",
)

# --- qualifiers ----------------------------------------------------------------------

# Phrases right before a number → qualifier. Checked longest first.
QUALIFIER_BEFORE: dict[str, str] = {
    "about": "approx", "approximately": "approx", "around": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "approx.": "approx", "~": "approx",
    "approx": "approx", "circa": "approx", "an approximate": "approx", "nearly about": "approx",
    "in the region of": "approx", "on the order of": "approx", "an approximately": "approx",
    "roughly about": "approx", "somewhere around": "approx",
    "round": "approx",  # "round 10,000 troopers": "around" in machine-rewritten copy
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least", "not less than": "at_least", "not fewer than": "at_least",
    "more than": "more_than", "more-than": "more_than", "over": "more_than", "exceeds": "more_than",
    "exceeded": "more_than", "exceed": "more_than", "exceeding": "more_than",
    "surpassed": "more_than", "surpasses": "more_than", "surpassing": "more_than",
    "upwards of": "more_than", "upward of": "more_than", "in excess of": "more_than",
    "well over": "more_than", "topped": "more_than", "tops": "more_than",
    "passed": "more_than", "greater than": "more_than", "above": "more_than",
    "north of": "more_than", "beyond": "more_than", "just over": "more_than",
    "slightly more than": "more_than", "a little over": "more_than",
    "up to": "up_to", "up to a total of": "up_to", "as many as": "up_to", "at most": "up_to", "no more than": "up_to",
    "a maximum of": "up_to", "not more than": "up_to", "as much as": "up_to",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "just shy of": "nearly", "nearing": "nearly", "approaching": "nearly",
    "approaches": "nearly", "approached": "nearly", "nears": "nearly", "neared": "nearly",
    "fewer than": "nearly", "less than": "nearly", "under": "nearly",
    "slightly fewer than": "nearly", "slightly less than": "nearly",
}

# Words after which "about" is a preposition, not "approximately": "remarks about two soldiers".
ABOUT_IS_A_PREPOSITION_AFTER: tuple[str, ...] = (
    "remarks", "comment", "comments", "statement", "statements", "question", "questions",
    "news", "information", "talk", "talks", "talking", "spoke", "speaking", "asked", "concern",
    "concerns", "worries", "worried", "details",
)

# Phrases right after a number (or its noun) → qualifier.
QUALIFIER_AFTER: dict[str, str] = {
    "or more": "at_least", "or so": "approx", "and more": "more_than", "plus": "more_than",
    "or fewer": "up_to", "at most": "up_to", "or less": "up_to",
}

# --- measures ------------------------------------------------------------------------

MEASURES: tuple[str, ...] = (
    "troops_deployed", "troops_planned", "casualties", "killed", "wounded", "captured",
)

# Nouns a personnel count stands next to: "1,500 soldiers", "3,000 military personnel".
PERSONNEL_NOUNS: tuple[str, ...] = (
    "troops", "troop", "soldiers", "soldier", "personnel", "servicemen", "serviceman",
    "attackers", "assailants",
    "service members", "servicemembers", "military personnel", "fighters", "men",
    "forces", "special forces", "commandos", "officers", "recruits", "infantry",
    "infantrymen", "sappers", "deminers", "engineers", "military builders", "builders",
    "military construction workers", "construction workers", "military workers",
    "reinforcements",
    "conscripts", "paratroopers", "marines", "service personnel", "staff", "military staff",
    "mercenaries", "people", "members", "combatants", "operators", "specialists",
    "instructors", "gunners", "crew", "crews", "north koreans", "koreans", "others",
    "generals", "commanders", "riflemen", "snipers", "scouts", "pilots", "cadets",
    "troopers",
)

# Generic nouns that count personnel only when the words before say so ("3,000 North
# Korean men", not "3,000 local men").
GENERIC_PEOPLE: tuple[str, ...] = ("people", "men", "members", "staff", "crew", "crews")

# Words that may stand between a number and its personnel noun ("3,000 elite North Korean
# troops"); read as a single lower-case word.
NOUN_MODIFIERS: tuple[str, ...] = (
    "north", "korean", "koreans", "dprk", "kpa", "pyongyang's", "more", "additional",
    "extra", "new", "fresh", "elite", "special", "military", "army", "combat", "regular",
    "active", "of", "the", "its", "their", "his", "these", "those", "them", "such",
    "skilled", "trained", "infantry", "other", "young", "strong", "well-trained", "highly",
    "from", "reported", "reportedly", "alleged", "so-called", "storm", "assault",
    "airborne", "professional", "frontline", "front-line", "combat-ready",
    "korean-speaking", "odd", "plus", "+", "estimated", "confirmed",
)

# Words right after a number that end its noun phrase: the number is bare and its clause
# says what it counts ("3,000 in Kursk", "3,000 were sent").
BARE_NEXT: tuple[str, ...] = (
    "in", "by", "at", "and", "or", "as", "were", "was", "are", "is", "have", "has", "had",
    "since", "according", "on", "during", "this", "last", "so", "to", "into", "with", "who",
    "that", "which", "will", "would", "could", "may", "might", "being", "been", "now",
    "already", "near", "across", "inside", "over", "under", "for", "after", "before",
    "people", "said", "says", "while", "but", "when", "there", "altogether", "total",
    "overall", "a", "per", "among", "men", "including", "sent", "brought",
    "flown", "taken", "gone", "put", "given", "fighting", "serving",
)

# Units a "N-strong" count may size: "a 12,000-strong contingent" (an army is excluded).
UNIT_NOUNS: tuple[str, ...] = (
    "contingent", "force", "unit", "detachment", "group", "brigade", "corps", "battalion",
    "regiment", "division", "deployment", "expeditionary force", "task force",
)

# Kinds of unit whose usual size an article may explain ("the size of a battalion can vary
# from 300 to 1,000"): a size of a kind of unit counts no one.
UNIT_KINDS: tuple[str, ...] = (
    "squad", "platoon", "company", "battalion", "regiment", "brigade", "division", "corps",
)

# Casualty cues and the measure they point to.
CASUALTY_CUES: dict[str, str] = {
    "casualties": "casualties", "casualty": "casualties", "losses": "casualties", "loss of": "killed",
    "killed or wounded": "casualties", "killed and wounded": "casualties",
    "killed or injured": "casualties", "killed and injured": "casualties",
    "dead or wounded": "casualties", "dead and wounded": "casualties",
    "dead or injured": "casualties", "dead and injured": "casualties",
    "wounded or killed": "casualties", "injured or killed": "casualties",
    "wounded and killed": "casualties", "injured and killed": "casualties",
    "killed, wounded": "casualties", "deaths and injuries": "casualties",
    "death toll": "killed", "toll": "casualties",
    "killed": "killed", "dead": "killed", "died": "killed", "deaths": "killed",
    "death": "killed", "fatalities": "killed", "lost their lives": "killed",
    "killed in action": "killed", "bodies": "killed", "perished": "killed", "slain": "killed",
    "wounded": "wounded", "injured": "wounded", "injuries": "wounded",
    "hospitalised": "wounded", "hospitalized": "wounded", "hurt": "wounded",
    # soldiers taken to hospital are wounded ("were evacuated to hospitals in Moscow")
    "to hospital": "wounded", "to hospitals": "wounded", "to a hospital": "wounded",
    "in hospital": "wounded", "in hospitals": "wounded", "in a hospital": "wounded",
    "killed or hurt": "casualties", "dead or hurt": "casualties", "hurt or killed": "casualties",
    "captured": "captured", "prisoners": "captured", "prisoner": "captured",
    "prisoners of war": "captured", "pows": "captured", "taken prisoner": "captured",
    "captives": "captured", "surrendered": "captured", "in captivity": "captured",
    "lost": "casualties", "has lost": "casualties", "have lost": "casualties",
    # "have lost their lives" is deaths, not "have lost" (losses) and "lives"
    "have lost their lives": "killed", "has lost their lives": "killed", "had lost their lives": "killed",
    "lives lost": "killed", "lives": "killed", "sacrifice": "killed", "fallen": "killed",
    "sacrifices": "killed", "deceased": "killed",
    "war dead": "killed", "in custody": "captured", "eliminated": "killed",
    "out of action": "casualties", "put out of action": "casualties", "wiped out": "casualties",
    "in ukrainian hands": "captured", "in ukraine's hands": "captured",
    "held by ukraine": "captured", "held in ukraine": "captured", "held by kyiv": "captured",
    # only a captor questions soldiers ("videos of two soldiers being interrogated")
    "interrogated": "captured", "under interrogation": "captured",
}

# Table headers ("Date | Source | Sent | Killed") → what the column holds: a date, the
# claimant, or a measure. A header that is a casualty cue ("Killed and wounded") counts too.
TABLE_COLUMNS: dict[str, str] = {
    "date": "date", "when": "date", "announced": "date", "day": "date", "as of": "date",
    "date announced": "date", "reported": "date",
    "source": "source", "who": "source", "claimant": "source", "according to": "source",
    "by": "source", "estimate by": "source", "estimated by": "source", "sources": "source",
    "sent": "troops_deployed", "deployed": "troops_deployed", "troops": "troops_deployed",
    "troops sent": "troops_deployed", "in russia": "troops_deployed",
    "arrived": "troops_deployed", "strength": "troops_deployed", "size": "troops_deployed",
    "planned": "troops_planned", "pledged": "troops_planned", "expected": "troops_planned",
    "to be sent": "troops_planned", "promised": "troops_planned",
}

# Missing is not a measure: a count of the missing is left out.
MISSING_CUES: tuple[str, ...] = (
    "missing", "missing in action", "unaccounted for", "went missing", "gone missing",
    "fled", "deserted", "defected", "escaped", "went awol",
)

# Verbs right before a number that say what happened to the people counted.
VERBS_BEFORE: dict[str, str] = {
    "captured": "captured", "capture": "captured", "captures": "captured",
    "capturing": "captured", "took": "captured", "take": "captured", "takes": "captured",
    "taken": "captured", "hold": "captured", "holds": "captured", "held": "captured",
    "capture of": "captured", "captivity of": "captured",
    "killing": "killed", "killed": "killed", "kills": "killed", "eliminated": "killed",
    "eliminating": "killed", "destroyed": "killed", "destroying": "killed", "neutralised": "killed",
    "neutralized": "killed", "wounding": "wounded", "injuring": "wounded",
    "wounded": "wounded", "injured": "wounded",
    "killed or wounded": "casualties", "killed and wounded": "casualties",
    "killed or injured": "casualties", "killed and injured": "casualties",
    "wounded or killed": "casualties", "injured or killed": "casualties",
    "killing or wounding": "casualties", "killing and wounding": "casualties",
}

# Cues that the troops are expected, planned or rumoured, not yet there.
PLANNED_CUES: tuple[str, ...] = (
    "could", "could be", "may", "might", "will", "would", "plans to", "plan to", "planned",
    "planning", "plans", "preparing to", "prepares to", "prepared to", "expected to",
    "expected", "is expected", "are expected", "set to", "intends to", "intend to",
    "to send", "to dispatch", "to deploy", "going to", "poised to", "ready to",
    "in the future", "rumored", "rumoured", "possible", "potential", "pledged", "promised",
    "additional", "more troops", "further", "another", "next wave", "reportedly preparing",
    "considering", "mulling", "soon", "upcoming", "eventually", "ahead of", "readying",
    "preparing", "getting ready", "to follow", "waiting for", "awaiting", "next round",
    "is to be sent", "are to be sent", "to be sent", "to be deployed", "to be dispatched",
    "able to send", "capable of sending", "could send", "would send", "intended to",
    "to involve", "agreed to send", "pledged to send", "potentially",
    "being sent", "being deployed", "being dispatched", "under way", "underway",
    "expects", "expect", "anticipates", "predicts", "forecast", "to reach", "to come",
    "plan of", "plans of", "deployment plan", "is to", "are to",
    "being readied", "being prepared", "readied to",  # "10,000 ... are being readied to join"
    "discussed sending", "discussing sending", "discuss sending", "talks on sending",  # not sent yet
)

# Verbs of a purpose clause after a troop figure ("1,000 sappers to clear mines in Russia"):
# the cues inside it speak of the task, not of whether the troops are there yet.
PURPOSE_VERBS: tuple[str, ...] = (
    "clear", "remove", "rebuild", "repair", "restore", "build", "help", "assist", "support",
    "reinforce", "bolster", "replenish", "fight", "defend", "guard", "demine", "work",
    "protect", "retake", "recapture", "man", "operate", "staff", "aid", "boost",
)

# Soldiers who left their posts are no count of the deployment ("18 soldiers have run from
# their posts"): no measure names them.
DESERTION_CUES: tuple[str, ...] = (
    "deserted", "deserters", "deserting", "defected", "defectors", "fled", "have fled",
    "run from", "ran from", "run away", "ran away", "went awol", "gone awol", "abandoned",
)

# Planned cues too weak to beat a deployed cue ("3,000 additional troops have arrived"):
# they decide only when no other cue stands on either side.
WEAK_PLANNED_CUES: tuple[str, ...] = (
    "additional", "more troops", "further", "another", "possible", "potential",
)

# Cues that the troops are (or were) already there; they beat a weak planned cue.
DEPLOYED_CUES: tuple[str, ...] = (
    "sent", "has sent", "have sent", "had sent", "deployed", "arrived", "arriving",
    "in russia", "undergoing training", "reached", "stationed", "dispatched", "despatched", "based",
    "fighting", "are in", "were in", "present", "transferred", "moved", "training",
    "trained", "massed", "gathered", "serving", "engaged", "located", "concentrated",
    "deployment of", "have been", "has been", "were sent", "was sent", "currently",
    "made their way", "have made", "entered", "crossed", "moved into", "already",
    "now in", "ferried", "shipped", "carried", "transported", "numbered", "fought",
    "may have sent", "might have sent", "could have sent", "must have sent", "may have been",
    "might have been", "could have been", "followed by", "bringing the total to",
    "in kursk",  # "8,000 troops in Kursk could join the fighting": the modal is of the fighting
)

# Deployed cues that, after "the", "their" and the like, are nouns and say nothing of a
# number before them ("5,000 builders to repair what the fighting destroyed").
NOUN_CUES: tuple[str, ...] = ("fighting", "training", "deployment of")

# Whole-army and other-force cues: a number next to these is not a deployment count.
ARMY_CUES: tuple[str, ...] = (
    "army", "armies", "armed forces", "active-duty", "active duty", "active", "standing army",
    "reservists", "reserve", "military of", "militaries", "population", "total strength",
)

# Words for a whole armed force: a count of a million or more in a sentence naming one is
# that force's size ("a military force of 1.2 million soldiers"), not a dispatch.
WHOLE_FORCE_NOUNS: tuple[str, ...] = (
    "army", "armies", "military", "militaries", "armed forces", "force", "forces",
)

# Nouns that, standing before a bare number, say it counts personnel: "the force ... 12,000".
SUBJECT_NOUNS: tuple[str, ...] = (
    "force", "contingent", "deployment", "presence", "troop numbers", "total", "in total",
    "headcount", "group", "batch", "wave", "rotation", "detachment", "battalion", "brigade",
    "regiment", "corps", "division",
)

# Other sides: their troops and losses are out of scope ("Russian troops", "Ukraine's losses").
OTHER_SIDES: tuple[str, ...] = (
    "russian", "russia's", "ukrainian", "ukraine's", "american", "chinese", "belarusian",
    "its own", "their own", "kyiv's", "moscow's", "enemy", "wagner",
    # Russia's Chechen units ("eight Chechen fighters", "Akhmat fighters")
    "chechen", "akhmat",
)

# Accidents whose dead are counted in the same clause ("a plane crash killed 179 people"):
# no soldiers of this deployment.
DISASTER_NOUNS: tuple[str, ...] = (
    "plane crash", "air crash", "crash", "accident", "earthquake", "flood", "floods", "landslide",
    "typhoon", "sinking", "stampede",
)

# Civilian bodies a count of members is the size of ("a delegation of 125 members", "a troupe
# of 40 people"): visitors and performers, not soldiers of this deployment.
CIVIL_BODIES: tuple[str, ...] = (
    "delegation", "delegations", "troupe", "troupes", "ensemble", "orchestra", "choir",
)

# Shows and gatherings whose people a count of "people" may be ("a mass games show with some
# 80,000 people"): a crowd, not soldiers of this deployment.
CROWD_EVENTS: tuple[str, ...] = (
    "performance", "performances", "gymnastics", "mass games", "show", "concert", "festival",
    "rally", "rallies", "parade", "crowd", "crowds", "audience", "spectators",
)

# Ground a casualty word may describe ("lost territory", "lost ground"): no losses of men.
GROUND_NOUNS: tuple[str, ...] = (
    "territory", "territories", "ground", "land", "lands", "positions", "villages", "towns", "areas",
)

# Countries and forces that, as the subject of "lost", count their own losses.
OTHER_COUNTRIES: tuple[str, ...] = (
    "russia", "ukraine", "moscow", "kyiv", "russian forces", "ukrainian forces",
    "russian army", "ukrainian army", "russian military", "ukrainian military", "russian troops",
    "ukrainian troops", "russian armed forces", "ukrainian armed forces",
)
# Places where a count of troops is a garrison of another country ("28,500 troops in South
# Korea"), not this deployment.
GARRISON_PLACES: tuple[str, ...] = (
    "south korea", "japan", "okinawa", "the korean peninsula", "guam", "germany",
)
# People a count may be of who are not North Korean military personnel.
NOT_MILITARY: tuple[str, ...] = (
    "russians", "ukrainians", "americans", "civilians", "civilian", "labourers", "laborers",
    "residents", "refugees", "children", "students", "citizens", "nationals",
    # workers count as personnel only as "construction workers" or "military workers"
    # (PERSONNEL_NOUNS): the labourers sent to Russian factories and building sites are
    # not this deployment
    "workers", "worker",
)

# Headings of a page's furniture: the short lines after one are other stories' headlines.
FURNITURE_HEADINGS: tuple[str, ...] = (
    "most read", "most popular", "most viewed", "related", "related articles",
    "related stories", "related news", "read more", "read also", "more videos",
    "more stories", "more news", "recommended", "trending", "trending now",
    "you may also like", "read next", "latest news", "top stories", "popular", "see also",
    "editor's picks",
)
# Openers of a furniture heading with a few words after them ("Related fact checks",
# "More from Europe").
FURNITURE_HEADING_OPENERS: tuple[str, ...] = ("related", "more from", "more on", "also read")

# Markers that a sentence is about North Koreans.
KOREA_MARKERS: tuple[str, ...] = (
    "north korea", "north korean", "north koreans", "dprk", "pyongyang", "kim jong",
    "korean", "koreans", "nk", "n. korea", "n. korean", "n.korean", "the north",
    "the north's",
)

# Anaphors that refer back to an earlier figure: "the number was more than 3,000".
ANAPHORS: tuple[str, ...] = (
    "the number", "the figure", "the toll", "the total", "that figure", "this figure",
    "that number", "this number", "the tally", "the count", "the estimate", "the contingent",
    "the force", "the deployment", "their number", "its number", "their numbers",
    "the contingent's size", "which",
)

# Units and things that are counted but are not personnel.
NON_PERSONNEL: tuple[str, ...] = (
    "shells", "shell", "rounds", "missiles", "missile", "rockets", "artillery", "guns",
    "howitzers", "systems", "launchers", "tanks", "vehicles", "drones", "containers",
    "tons", "tonnes", "km", "kilometers", "kilometres", "miles", "meters", "metres",
    "percent", "per cent", "%", "dollars", "won", "euros", "rubles", "roubles", "usd",
    "years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour",
    "minutes", "times", "fold", "views", "comments", "shares", "likes", "words",
    "square", "sq", "billion", "trillion", "anniversary", "villages", "settlements",
    "kg", "pieces", "units", "aircraft", "jets", "planes", "ships", "rounds of", "min",
    "mins", "sec", "read", "vessels", "destroyers", "satellites", "pages",
)

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}

"""Figure extraction: every in-scope number of an article becomes one row (FIGURES.md).

`python -m analysis.extract PATH...` prints one JSON object per figure mention.

The rules, in order, for each number phrase in the article body:
1. surface: skip dates, years, ordinals, money, percentages, identifiers and URLs;
2. what it counts: the noun after it (`1,500 soldiers`, `1,100 casualties`), or for a bare
   number the subject before it (`casualties exceed 3,000`, `the number was 3,000`);
   numbers counting anything else, another side's troops or a whole army are dropped;
3. qualifier and bounds from the words around it (vocab.QUALIFIER_BEFORE/AFTER);
4. measure from the nearest cue in its clause (vocab.CASUALTY_CUES, PLANNED_CUES, ...);
5. claimant: the nearest attributed name (`X said`, `according to X`, `by X`, `X:`) in
   the clause, then the sentence, then the sentence before; names map to groups in vocab;
6. claim date: a day-precise date in the sentence, nearest the attribution.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis import vocab
from analysis.articles import Article, ArticleError, iter_article_paths, parse_article, read_article
from analysis.dates import find_dates
from analysis.numbers import NumberPhrase, find_numbers

OUTPUT_FIELDS = ("article", "value", "low", "high", "qualifier", "measure", "claimant",
                 "claimant_group", "claim_date", "published", "quote", "sentence", "start",
                 "end")


# --- compiled vocabularies ---------------------------------------------------------------

def _alternation(phrases, flags=re.I) -> re.Pattern:
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


_CASUALTY = _alternation(vocab.CASUALTY_CUES)
_PLANNED = _alternation(vocab.PLANNED_CUES)
_WEAK_PLANNED = {"additional", "more troops", "further", "another", "possible", "potential"}
_DEPLOYED = _alternation(vocab.DEPLOYED_CUES)
_QUALIFIER_BEFORE = re.compile(
    _alternation(vocab.QUALIFIER_BEFORE).pattern.replace("(?:", "(", 1) + r"\s*$", re.I)
_PERSONNEL = _alternation(vocab.PERSONNEL_NOUNS)
_KOREA = _alternation(vocab.KOREA_MARKERS)
_ANAPHOR = _alternation(vocab.ANAPHORS)
_ARMY = re.compile(r"\b(?:army|armies|armed forces|active[- ]duty|standing|reservists?|"
                   r"military of|strong army|strong military|population|total strength)\b", re.I)
_ATTR_VERB = _alternation(vocab.ATTRIBUTION_VERBS + (
    "had information", "has information", "have information", "has evidence",
    "had evidence", "have evidence", "expressed", "estimated", "assessment"))
_ATTR_BEFORE = re.compile(r"(?:according\s+to|citing|cited\s+by|announced\s+by|reported\s+by|"
                          r"estimated\s+by|released\s+by|by|per|from)\s+(?:the\s+)?$", re.I)
_PRONOUN_SPEAKER = re.compile(
    r"\b(?:he|she|they|it|the (?:agency|ministry|spy agency|official|officials|president|"
    r"spokesman|spokeswoman|spokesperson|lawmaker|lawmakers|statement|report|general|"
    r"minister|intelligence agency|service|department|military|command|office))\s+"
    r"(?:\w+\s+){0,2}?(?:said|says|told|added|estimated|estimates|reported|claimed|noted|"
    r"stated|believes|warned|wrote|put|puts|assessed|assesses)\b", re.I)
_OUTLETS = _alternation(vocab.OUTLETS, flags=0)
_NATIONAL_ADJ = {"Ukrainian": "Ukraine", "South Korean": "South Korea", "Russian": "Russia",
                 "American": "United States", "British": "Other", "Japanese": "Other"}
_URLISH = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+|\[email[^\]]*\]|\S+\.(?:htm|html|php)\b")
_OTHER_SIDE = re.compile(
    r"\b(?:russian|russia's|ukrainian|ukraine's|american|chinese|belarusian|its own|their own|"
    r"kyiv's|moscow's|enemy|wagner)\b\W*(?:\w+\W+){0,2}$", re.I)
_OTHER_SIDE_AFTER = re.compile(r"^\W*(?:\w+\W+){0,1}(?:russian|ukrainian|american|chinese)\b",
                               re.I)
_LOSS_SUBJECT = re.compile(
    r"\b(?:russia|ukraine|moscow|kyiv|russian forces|ukrainian forces|russian army|"
    r"ukrainian army)\s+(?:has\s+|have\s+|had\s+)?(?:lost|loses|losing)\b", re.I)
_MODIFIER = re.compile(
    r"(?:north|korean|koreans|n\.|dprk|kpa|pyongyang's|more|additional|extra|new|fresh|"
    r"elite|special|military|army|combat|regular|active|of|the|its|their|his|these|those|"
    r"such|elite|skilled|trained|infantry|other|young|strong|well-trained|highly|from|"
    r"reported|reportedly|alleged|so-called|storm|assault|airborne|professional|"
    r"frontline|front-line|combat-ready|korean-speaking|odd|-?strong|plus|\+)", re.I)
_BARE_NEXT = {
    "in", "by", "at", "and", "or", "as", "were", "was", "are", "is", "have", "has", "had",
    "since", "according", "on", "during", "this", "last", "so", "to", "into", "with", "who",
    "that", "which", "will", "would", "could", "may", "might", "being", "been", "now",
    "already", "near", "across", "inside", "over", "under", "for", "after", "before",
    "people", "said", "says", "while", "but", "when", "there", "altogether", "total",
    "overall", "so far", "a", "per", "among", "men", "including", "of",
}
_WORD_RE = re.compile(r"[\w'’.+-]+|[^\w\s]")


@lru_cache(maxsize=1)
def _claimant_patterns() -> tuple[re.Pattern, re.Pattern]:
    cased = [k for k in vocab.CLAIMANTS if k != k.lower()] + list(_NATIONAL_ADJ)
    lower = [k for k in vocab.CLAIMANTS if k == k.lower()]
    return _alternation(cased, flags=0), _alternation(lower)


def _lookup_claimant(surface: str) -> tuple[str, str]:
    key = re.sub(r"\s+", " ", surface)
    if key in vocab.CLAIMANTS:
        return vocab.CLAIMANTS[key]
    if key.lower() in vocab.CLAIMANTS:
        return vocab.CLAIMANTS[key.lower()]
    group = _NATIONAL_ADJ[key]
    return (f"{key} source", group)


# --- sentences ---------------------------------------------------------------------------

@dataclass
class Sentence:
    start: int
    end: int
    text: str
    para: int


@lru_cache(maxsize=1)
def _nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def split_sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Paragraphs (lines) split into sentences, with offsets into `text`."""
    out: list[Sentence] = []
    nlp = _nlp()
    for para, m in enumerate(re.finditer(r"[^\n]+", text[start:end])):
        line = m.group(0)
        if not line.strip():
            continue
        base = start + m.start()
        for sent in nlp(line).sents:
            s, e = sent.start_char, sent.end_char
            while s < e and line[s].isspace():
                s += 1
            while e > s and line[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Sentence(base + s, base + e, line[s:e], para))
    return out


# --- the pieces of one figure --------------------------------------------------------------

@dataclass
class Context:
    """What one number phrase sits in: the sentence, the text before and after it."""
    sentence: Sentence
    number: NumberPhrase
    before: str      # sentence text before the number, as written
    after: str       # sentence text after the number


def _qualifier(ctx: Context) -> tuple[str, int, int]:
    """The qualifier and the quote's extra characters before and after the number."""
    if ctx.number.is_range:
        return "range", 0, 0
    before_l = ctx.before.lower()
    best = None
    m = _QUALIFIER_BEFORE.search(before_l)
    if m:
        best = (vocab.QUALIFIER_BEFORE[re.sub(r"\s+", " ", m.group(1))], m.group(0))
    after = ctx.after
    if re.match(r"\+|-plus\b", after):
        return "more_than", len(best[1]) if best and best[0] != "more_than" else 0, \
            len(re.match(r"\+|-plus", after).group(0))
    for phrase, qual in vocab.QUALIFIER_AFTER.items():
        m = re.match(rf"\s+{re.escape(phrase)}\b", after, re.I)
        if m and phrase != "plus":
            return qual, 0, len(m.group(0))
    if best:
        return best[0], len(best[1]), 0
    return "exact", 0, 0


def _bounds(qualifier: str, value: float, high: float | None) -> tuple[float | None, float | None]:
    if qualifier == "range":
        return value, high
    return {
        "exact": (value, value), "approx": (value, value), "at_least": (value, None),
        "more_than": (value, None), "up_to": (None, value), "nearly": (None, value),
    }[qualifier]


def _noun(after: str) -> tuple[str, str | None, int]:
    """What the number counts, read from the words after it.

    Returns (kind, measure, chars consumed): kind is personnel, casualty, bare or other.
    """
    pos = 0
    words = 0
    text = after
    while words < 6:
        m = re.match(r"[\s\-]*", text[pos:])
        pos += m.end()
        rest = text[pos:]
        cm = _CASUALTY.match(rest)
        if cm:
            return "casualty", vocab.CASUALTY_CUES[re.sub(r"\s+", " ", cm.group(0).lower())], pos + cm.end()
        pm = _PERSONNEL.match(rest)
        if pm:
            word = pm.group(0).lower()
            if word in ("people", "men", "members", "staff", "crew", "crews") and words > 0 \
                    and not re.search(r"korean|military|army", text[:pos], re.I):
                return "other", None, pos
            return "personnel", None, pos + pm.end()
        wm = _WORD_RE.match(rest)
        if not wm:
            return "bare", None, pos
        word = wm.group(0)
        low = word.lower().strip("’'")
        if low in ("north", "south") and re.match(r"\w+\s+korean?s?\b", rest, re.I):
            # "North Korean": one modifier; "South Korean troops" belong to another side
            if low == "south":
                return "other", None, pos
        if _MODIFIER.fullmatch(low) or (words == 0 and low in ("-strong",)):
            pos += wm.end()
            words += 1
            continue
        if word in ("(", ")", ",", ";", ":", ".", "!", "?", "—", "–", '"', "“", "”") or \
                low in _BARE_NEXT or low.endswith(("ed",)) and words == 0:
            return "bare", None, pos
        return "other", None, pos
    return "other", None, pos


def _nearest(pattern: re.Pattern, text: str, from_end: bool) -> re.Match | None:
    matches = list(pattern.finditer(text))
    if not matches:
        return None
    return matches[-1] if from_end else matches[0]


def _casualty_measure(window: str) -> str | None:
    """killed + wounded cues together mean casualties."""
    kinds = {vocab.CASUALTY_CUES[re.sub(r"\s+", " ", m.group(0).lower())]
             for m in _CASUALTY.finditer(window)}
    if not kinds:
        return None
    if "casualties" in kinds or {"killed", "wounded"} <= kinds:
        return "casualties"
    for kind in ("captured", "killed", "wounded"):
        if kind in kinds:
            return kind
    return None


def _clause_after(after: str, limit: int = 90) -> str:
    cut = re.search(r"[;:.!?()]|,\s|\s(?:while|but|whereas)\s|\d", after)
    end = cut.start() if cut else len(after)
    return after[:min(end, limit)]


def _clause_before(before: str, comma: bool) -> str:
    stops = r"[;:!?]|\s(?:while|but|whereas)\s|\d[\d,.]*\s*\w*\b"
    if comma:
        stops += r"|,\s"
    cuts = list(re.finditer(stops, before))
    start = cuts[-1].end() if cuts else 0
    return before[max(start, len(before) - 140):]


def _troop_measure(before: str, after: str) -> str:
    """troops_planned when the nearest cue says so, else troops_deployed."""
    after_clause = _clause_after(after)
    cues = []
    for m in _PLANNED.finditer(after_clause):
        cues.append((m.start(), "planned", m.group(0).lower()))
    for m in _DEPLOYED.finditer(after_clause):
        cues.append((m.start(), "deployed", m.group(0).lower()))
    strong = [c for c in cues if c[2] not in _WEAK_PLANNED]
    if strong:
        return "troops_planned" if min(strong)[1] == "planned" else "troops_deployed"
    before_clause = _clause_before(before, comma=True)
    cues = []
    for m in _PLANNED.finditer(before_clause):
        cues.append((len(before_clause) - m.end(), "planned", m.group(0).lower()))
    for m in _DEPLOYED.finditer(before_clause):
        cues.append((len(before_clause) - m.end(), "deployed", m.group(0).lower()))
    strong = [c for c in cues if c[2] not in _WEAK_PLANNED]
    if strong:
        return "troops_planned" if min(strong)[1] == "planned" else "troops_deployed"
    if any(c[1] == "planned" for c in cues):
        return "troops_planned"
    return "troops_deployed"


# --- claimants ---------------------------------------------------------------------------

@dataclass
class Speaker:
    start: int
    end: int
    name: str
    group: str


def speakers(sentence: str) -> list[Speaker]:
    """Claimant names in a sentence that stand as the source of a statement."""
    cased, lower = _claimant_patterns()
    found: list[Speaker] = []
    spans = sorted([m for p in (cased, lower) for m in p.finditer(sentence)],
                   key=lambda m: (m.start(), -m.end()))
    outlets = [(m.start(), m.end()) for m in _OUTLETS.finditer(sentence)]
    last_end = -1
    kept: list[re.Match] = []
    for m in spans:
        if m.start() < last_end or any(s <= m.start() < e for s, e in outlets):
            continue
        last_end = m.end()
        kept.append(m)
    for k, m in enumerate(kept):
        nxt = kept[k + 1] if k + 1 < len(kept) else None
        if m.group(0) in _NATIONAL_ADJ and nxt and \
                re.fullmatch(r"\s+(?:[A-Z][\w.-]*\s+){0,2}", sentence[m.end():nxt.start()]):
            continue  # "South Korean Joint Chiefs of Staff": the adjective is part of the name
        same_source = found and found[-1].group == _lookup_claimant(m.group(0))[1] and \
            m.start() - found[-1].end < 25
        if same_source and not re.fullmatch(r"['’]s\s+", sentence[found[-1].end:m.start()]):
            continue  # "The National Intelligence Service (NIS) of South Korea": keep the first
        name, group = _lookup_claimant(m.group(0))
        prev = kept[k - 1] if k > 0 else None
        lead = prev.start() if prev is not None and prev.group(0) in _NATIONAL_ADJ and \
            re.fullmatch(r"\s+(?:[A-Z][\w.-]*\s+){0,2}", sentence[prev.end():m.start()]) else m.start()
        before = sentence[:lead]
        after = sentence[m.end():]
        attributed = bool(_ATTR_BEFORE.search(before[-40:]))
        if not attributed:
            # "Kirby, the White House spokesman, said": allow a short apposition
            window = re.split(r"[.;]", after, maxsplit=1)[0][:70]
            vm = _ATTR_VERB.search(window)
            if vm and not re.search(r"\bthat\b", window[:vm.start()]):
                # "Russia, NATO said": the verb belongs to the nearer name
                attributed = not (cased.search(window[:vm.start()]) or lower.search(window[:vm.start()]))
        if not attributed and re.match(r"['’]s\s+(?:\w+\s+){0,2}(?:intelligence|estimate|"
                                       r"assessment|figures?|data|count|tally)", after, re.I):
            attributed = True
        if not attributed and m.start() < 3 and re.match(r"\s*:", after):
            attributed = True  # headline form "Zelensky: ..."
        if attributed:
            if same_source:
                found.pop()  # "South Korea's National Intelligence Service": the agency
            found.append(Speaker(m.start(), m.end(), name, group))
    return found


def _choose_speaker(ctx: Context, spk: list[Speaker]) -> Speaker | None:
    pos = len(ctx.before)
    end = pos + len(ctx.number.text)
    clause_start = 0
    for m in re.finditer(r";|\s(?:while|whereas)\s|,\s+but\s", ctx.before):
        clause_start = m.end()
    in_clause = [s for s in spk if clause_start <= s.start < pos]
    if in_clause:
        return max(in_clause, key=lambda s: s.start)
    later = [s for s in spk if s.start >= end]
    if later:
        return min(later, key=lambda s: s.start)
    earlier = [s for s in spk if s.start < pos]
    if earlier:
        return max(earlier, key=lambda s: s.start)
    return None


# --- the article ---------------------------------------------------------------------------

def _mask(text: str) -> str:
    """URLs, e-mail addresses and file names blanked out, offsets kept."""
    return _URLISH.sub(lambda m: " " * len(m.group(0)), text)


def _surface_ok(text: str, phrase: NumberPhrase) -> bool:
    before = text[max(0, phrase.start - 12):phrase.start]
    after = text[phrase.end:phrase.end + 12]
    if re.search(r"[\w][/:]$|/$|[$€£₩#№]\s*$|[A-Za-z]-$|\b[Nn]o\.\s*$", before):
        return False
    if re.match(r"\s*(?:%|percent|per\s*cent|/|:\d|°|-year|-day|-month|-week|th\b|st\b)", after, re.I):
        return False
    if re.match(r"\s*(?:am|pm|a\.m\.|p\.m\.|GMT|UTC|KST)\b", after):
        return False
    if re.search(r"\b(?:January|February|March|April|May|June|July|August|September|October|"
                 r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s*$",
                 before) and phrase.value <= 31 and not phrase.is_range:
        return False
    if re.match(r"\s*(?:January|February|March|April|May|June|July|August|September|October|"
                r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b", after) \
            and phrase.value <= 31:
        return False
    digits = phrase.text.strip()
    if re.fullmatch(r"(?:19|20)\d\d", digits):
        return False  # a year; counts this size are written with a separator or words
    if phrase.value < 1 or phrase.value != int(phrase.value):
        return False
    if phrase.value == 1 and not phrase.text[0].isdigit():
        return False  # "one of the soldiers"
    return True


def _korea_near(sentences: list[Sentence], i: int, title: str) -> bool:
    if _KOREA.search(sentences[i].text):
        return True
    if i > 0 and _KOREA.search(sentences[i - 1].text):
        return True
    return False


def extract_article(article: Article) -> list[dict]:
    """All figure mentions of one article, in text order."""
    text = article.text
    masked = _mask(text)
    published = article.published
    sentences = split_sentences(masked, article.body_start, len(text))
    rows: list[dict] = []
    last_dates: list = []          # the latest resolved date, for "the same day"
    prev_speakers: list[tuple[int, Speaker, object]] = []  # (sentence index, speaker, date)
    title = article.meta.get("title") or ""
    for i, sent in enumerate(sentences):
        s_text = masked[sent.start:sent.end]
        dates = find_dates(s_text, published)
        resolved = []
        for d in dates:
            if d.kind == "same_day":
                resolved.append((d.start, last_dates[-1] if last_dates else None))
            else:
                resolved.append((d.start, d.date))
        spk = speakers(s_text)
        phrases = [p for p in find_numbers(masked, sent.start, sent.end) if _surface_ok(masked, p)]
        for p in phrases:
            rel_start, rel_end = p.start - sent.start, p.end - sent.start
            ctx = Context(sent, p, s_text[:rel_start], s_text[rel_end:])
            row = _figure(ctx, masked, sentences, i, spk, prev_speakers, resolved, rows, title)
            if row is None:
                continue
            row.update(article=article.name, published=published.isoformat() if published else None,
                       sentence=text[sent.start:sent.end], sentence_start=sent.start,
                       sentence_end=sent.end)
            row["quote"] = text[row["start"]:row["end"]]
            row["mention_id"] = f"{article.name}:{row['start']}-{row['end']}"
            rows.append(row)
        for _, d in resolved:
            if d is not None:
                last_dates.append(d)
        if spk:
            sentence_date = next((d for _, d in resolved if d is not None), None)
            prev_speakers.append((i, spk[-1], sentence_date))
    _share_attribution(rows)
    return rows


def _figure(ctx: Context, masked: str, sentences: list[Sentence], i: int,
            spk: list[Speaker], prev_speakers: list, dates: list, rows: list[dict],
            title: str) -> dict | None:
    p = ctx.number
    kind, measure, consumed = _noun(ctx.after)
    if kind == "other":
        return None
    if kind == "personnel" and _ARMY.search(ctx.after[:consumed + 12]):
        return None
    near_before = ctx.before[-40:]
    if _ARMY.search(re.sub(r"\bmilitary of\b", "", near_before[-25:])) and \
            re.search(r"\b(?:army|armies|armed forces|strong|of)\W*(?:\w+\W+){0,3}$", near_before, re.I):
        return None
    modifiers = ctx.after[:consumed]
    if _OTHER_SIDE_AFTER.match(modifiers) or re.search(r"\bsouth\s+korean", modifiers, re.I):
        return None
    if _OTHER_SIDE.search(ctx.before[-30:]) and not _KOREA.search(ctx.before[-30:]):
        if re.search(r"(?:russian|russia's|ukrainian|ukraine's|its own|their own|enemy|"
                     r"american|chinese)\W*(?:troops|soldiers|forces|losses|casualties|army)?\W*"
                     r"(?:\w+\W+){0,1}$", ctx.before[-30:], re.I):
            return None
    if not _korea_near(sentences, i, title):
        return None

    if kind == "bare":
        clause = _clause_before(ctx.before, comma=False)
        cas = _casualty_measure(_clause_after(ctx.after, 60)) or _casualty_measure(clause)
        if _LOSS_SUBJECT.search(clause) and not _KOREA.search(clause):
            return None
        if cas:
            measure = cas
        elif _PERSONNEL.search(clause) or re.search(r"\b(?:sent|deployed|dispatched)\b", clause, re.I):
            if not (_KOREA.search(clause) or _ANAPHOR.search(clause)):
                return None
            measure = _troop_measure(ctx.before, ctx.after)
        elif _ANAPHOR.search(clause[-60:]):
            measure = _inherited_measure(rows, ctx)
            if measure is None and i > 0:
                previous = sentences[i - 1].text
                measure = _casualty_measure(previous) or (
                    _troop_measure(previous, "") if _PERSONNEL.search(previous) else None)
            if measure is None:
                return None
        else:
            return None
        if re.search(r"\b(?:times|fold|percent|per cent|km|kilometers|miles)\b", ctx.after[:15], re.I):
            return None
    else:
        if kind == "casualty":
            tail = ctx.after[:consumed + 40]
            measure = _casualty_measure(tail) or measure
        else:
            after_cas = _casualty_measure(_clause_after(ctx.after[consumed:], 70))
            before_cas = _casualty_measure(_clause_before(ctx.before, comma=True)[-70:])
            measure = after_cas or before_cas or _troop_measure(ctx.before, ctx.after[consumed:])
        if _LOSS_SUBJECT.search(ctx.before[-60:]) and not _KOREA.search(ctx.before[-60:]):
            return None

    qualifier, extra_before, extra_after = _qualifier(ctx)
    value = p.value
    low, high = _bounds(qualifier, value, p.high)
    speaker = _choose_speaker(ctx, spk)
    claim_date = _claim_date(ctx, spk, speaker, dates)
    if speaker is None:
        inherited = _previous_speaker(ctx, sentences, i, prev_speakers)
        if inherited is not None:
            speaker, date = inherited
            claim_date = claim_date or date
    return {
        "value": _num(value), "low": _num(low), "high": _num(high), "qualifier": qualifier,
        "measure": measure,
        "claimant": speaker.name if speaker else None,
        "claimant_group": speaker.group if speaker else "Unattributed",
        "claim_date": claim_date.isoformat() if claim_date else None,
        "start": p.start - extra_before, "end": p.end + extra_after,
    }


def _num(x: float | None) -> int | float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def _inherited_measure(rows: list[dict], ctx: Context) -> str | None:
    """`the number was more than 3,000` takes the measure of the figure just before."""
    if rows and ctx.sentence.start - rows[-1]["sentence_start"] < 600:
        return rows[-1]["measure"]
    return None


def _previous_speaker(ctx: Context, sentences: list[Sentence], i: int, prev: list):
    """A speaker of the sentence before (same paragraph), or `He said` naming back."""
    if not prev:
        return None
    j, speaker, date = prev[-1]
    if j == i:
        return None
    if _PRONOUN_SPEAKER.search(ctx.sentence.text) and i - j <= 3:
        return speaker, date
    if j == i - 1 and sentences[j].para == ctx.sentence.para:
        return speaker, date
    return None


def _claim_date(ctx: Context, spk: list[Speaker], speaker: Speaker | None, dates: list):
    usable = [(pos, d) for pos, d in dates if d is not None]
    if not usable:
        return None
    if len(usable) == 1:
        return usable[0][1]
    anchor = speaker.start if speaker else len(ctx.before)
    verbs = [m.start() for m in _ATTR_VERB.finditer(ctx.sentence.text)]
    anchors = [anchor] + verbs
    return min(usable, key=lambda pd: min(abs(pd[0] - a) for a in anchors))[1]


def _share_attribution(rows: list[dict]) -> None:
    """An unattributed repeat of a figure takes the claimant its other mentions name."""
    named: dict[tuple, dict] = {}
    for row in rows:
        if row["claimant"]:
            named.setdefault((row["value"], row["measure"], row["low"], row["high"]), row)
    for row in rows:
        if row["claimant"] is None:
            source = named.get((row["value"], row["measure"], row["low"], row["high"]))
            if source:
                row["claimant"], row["claimant_group"] = source["claimant"], source["claimant_group"]
                row["claim_date"] = row["claim_date"] or source["claim_date"]


def extract_text(text: str, name: str = "<text>") -> list[dict]:
    """Figures of an article given as text (front matter allowed)."""
    return extract_article(parse_article(name, text))


def public_row(row: dict) -> dict:
    """The row with exactly the fields of FIGURES.md."""
    return {k: row[k] for k in OUTPUT_FIELDS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.extract",
        description="Print one JSON object per figure mention found in the articles.")
    parser.add_argument("paths", nargs="+", help="article files or folders")
    args = parser.parse_args(argv)
    failed = 0
    for path in iter_article_paths(args.paths):
        try:
            article = read_article(path)
            rows = extract_article(article)
        except ArticleError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
            continue
        for row in rows:
            print(json.dumps(public_row(row), ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

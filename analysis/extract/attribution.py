"""Who speaks where in the article, beyond the sentence: quotations that run over several
sentences and the speaker named at their start or end, a source named in the sentence
after a figure ("The general gave the figure in an interview"), and the source a title
names ("... to Moscow: defence minister", "Budanov: ..."). Read once per article."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from datetime import date

from analysis.extract.claim_date import claim_date, days_in
from analysis.extract.claimant import (ATTR_VERB, Credit, CreditRule, LocalNames, Speaker, body_in_sentence,
                                       claimant_spans, earlier_in_sentence, given_by_after, in_clause, is_person,
                                       later_in_sentence, lookup_claimant, named_back, names_back, sentence_before,
                                       sentence_speakers, speakers)
from analysis.extract.numbers import find_numbers
from analysis.extract.patterns import IgnoringCase
from analysis.extract.sentences import Sentence, line_sentences
from analysis.extract.state import ArticleState, Context
from analysis.extract import vocab

# “…” or "…" within a paragraph, long enough to hold a sentence
_QUOTE = re.compile(r"“([^“”\n]{30,}?)”|\"([^\"\n]{30,}?)\"")
# a site's name after the headline: "… | Site Name", "… - Site"
_SITE_SUFFIX = re.compile(r"\s+(?:\||–|—|-)\s+[A-Z][\w.&]*(?:\s+[A-Z][\w.&]*){0,3}$")
# a transcript's speaker label opening a paragraph: "SECRETARY BLINKEN: Thank you."
_TURN_LABEL = re.compile(r"([A-Z][A-Z.'’ -]{1,48}[A-Z.]):\s")
# a house style naming the source of the paragraphs above: "Source: Kyrylo Budanov, ..."
_SOURCE_LINE = re.compile(r"(?:Sources?|Quote from|Quoted from)\s*:\s*", re.I)
_QUOTE_FROM = re.compile(r"(?:Quote|Quoted)\s+from\s+([^:“”\"]{2,80}):\s*[“\"]", re.I)
# "… to Moscow: defence minister", "… – Ukrainian intelligence chief"
_TITLE_TAIL = re.compile(r"\s*(?::|–|—|\s-)\s+(?P<tail>[^:–—]{3,80})$")
# the next sentence credits what came before: "This was reported by", "X gave the figure"
_WHAT_WAS_SAID = r"(?:figures?|numbers?|estimates?|data|assessment|information|report|tally|count)"
_BACK_REFERENCE = IgnoringCase(re.compile(
    rf"\b(?:(?:this|these|that|those|it)(?:\s+{_WHAT_WAS_SAID})?|the\s+{_WHAT_WAS_SAID})\s+"
    r"(?:was|were|is|are|has\s+been|had\s+been)\s+"
    r"(?:\w+\s+)?(?:said|stated|reported|announced|disclosed|revealed|claimed|noted|estimated|given|"
    r"provided|released|cited|shared|made\s+public|relayed|conveyed|passed\s+on)"
    rf"|\bmade\s+(?:the|this|that|these)\s+{_WHAT_WAS_SAID}\s+public\b"
    rf"|\bpassed\s+(?:the|this|that|these)\s+{_WHAT_WAS_SAID}\s+on\b"
    r"|\b(?:said|stated|reported|announced|disclosed|revealed|estimated)\s+(?:this|these)\b"
    # "The estimate came from X", "That is the assessment of X", "X confirmed the number"
    rf"|\b(?:the|this|that|these|those)\s+{_WHAT_WAS_SAID}\s+(?:came|comes|come)\s+from\b"
    rf"|^\W*(?:That|This)(?:['’]s|\s+is|\s+was)\s+(?:according\s+to|the\s+(?:\w+\s+)?{_WHAT_WAS_SAID}\s+(?:of|from|by))\b"
    r"|\b(?:confirmed|repeated|reaffirmed)\s+(?:the|these|this|that)\s+(?:figures?|numbers?|estimates?)\b"
    r"|\b(?:gave|cited|shared|provided|released|put\s+forward)\s+(?:the|these|this|that)\s+"
    r"(?:figures?|numbers?|estimates?|data|assessment|information)\b"
    r"|^according\s+to\b"
    # "... has assessed that these new soldiers could arrive within months": the people counted
    r"|\b(?:assessed|estimated|believes|expects|said|says)\s+(?:that\s+)?(?:these|those)\s+(?:\w+\s+)?"
    r"(?:soldiers|troops|forces|reinforcements)\b"
    # "Those soldiers could reach the front by spring, a Kyiv intelligence paper says": the
    # sentence after goes on about the people counted, in its source's words
    r"|^\W*(?:these|those)\s+(?:\w+\s+)?(?:soldiers|troops|forces|reinforcements)\b", re.I))


@dataclass
class Voices:
    """The article's speakers beyond single sentences."""
    quotes: list[tuple[int, int, Speaker]] = field(default_factory=list)  # text offsets
    title: Speaker | None = None
    source_lines: list[tuple[int, Speaker]] = field(default_factory=list)  # (paragraph, source)
    lede_paras: set[int] = field(default_factory=set)
    turns: dict[int, Speaker] = field(default_factory=dict)  # paragraph -> who holds the floor


def read_voices(text: str, sentences: list[Sentence], title: str, local: LocalNames | None,
                headline_para: int | None) -> Voices:
    """Quotations with their speakers, the title's source and the lede's paragraphs."""
    voices = Voices(title=title_speaker(title, local))
    paras = sorted({s.para for s in sentences if s.para != headline_para})
    voices.lede_paras = set(paras[:1])
    turn: Speaker | None = None
    unclosed: list[tuple[int, int]] = []  # paragraphs of a quote that goes on in the next one
    previous: list[Sentence] = []  # the paragraph before
    for sent_para in _paragraphs(sentences):
        start, end = sent_para[0].start, sent_para[-1].end
        quoted = len(voices.quotes)
        label = _TURN_LABEL.match(text, start, end)
        if label:  # a transcript's speaker label holds the floor until the next label
            found = speakers(label.group(1).title() + " said.", local)
            turn = found[0] if found else None
        if turn is not None:
            voices.turns[sent_para[0].para] = turn
        line = _SOURCE_LINE.match(text, start, end)
        line_speaker = None
        if line:
            found = speakers(text[line.end():end].strip() + " said.", local)
            if found:
                voices.source_lines.append((sent_para[0].para, found[0]))
        quote_from = _QUOTE_FROM.match(text, start, end)
        if quote_from:  # 'Quote from Shoigu: "..."': the line's own quotation is his
            found = speakers(quote_from.group(1) + " said.", local)
            line_speaker = found[0] if found else None
        for m in _QUOTE.finditer(text, start, end):
            inner = m.group(1) or m.group(2) or ""
            if not re.search(r"[.!?]\s+\S", inner) and not re.search(r"[.!?,]$", inner):
                continue
            speaker = line_speaker or _quote_speaker(text, m.start(), m.end(), start, end, local) or \
                _quote_named_back(text, m.start(), m.end(), end, sentences, local) or \
                _quote_of_their_words(text, m.start(), start, sentences, local) or \
                _introduced_above(text, m.start(), m.end(), start, end, previous, local)
            if speaker is not None:
                voices.quotes.append((m.start(), m.end(), speaker))
        # a quote over paragraphs opens each with a quote mark and closes only the last: the
        # speaker named at its close speaks the paragraphs before too
        if _OPENS_UNCLOSED.match(text, start, end) and len(re.findall(r"[“”\"]", text[start:end])) == 1:
            unclosed.append((start, end))
        else:
            if len(voices.quotes) > quoted and _OPENS_UNCLOSED.match(text, start, end):
                voices.quotes.extend((a, b, voices.quotes[quoted][2]) for a, b in unclosed)
            unclosed = []
        previous = sent_para
    return voices


def _introduced_above(text: str, q_start: int, q_end: int, p_start: int, p_end: int,
                      previous: list[Sentence], local: LocalNames | None) -> Speaker | None:
    """A paragraph that is one quotation with no speaker named ('“The North has sent ...”')
    under a paragraph that introduces it ('Budanov told the paper:', 'Budanov gave new
    figures.'): the last source named at the close of that paragraph."""
    if not previous or text[p_start:q_start].strip() or text[q_end:p_end].strip(" .\"”'’"):
        return None
    last = previous[-1].text.rstrip()
    # ("X told the paper:" names X only with the quotation it opens)
    found = speakers(last + " “…”" if last.endswith(":") else last, local)
    return found[-1] if found else None


_OPENS_UNCLOSED = re.compile(r"\s*[“\"]")


def _paragraphs(sentences: list[Sentence]) -> list[list[Sentence]]:
    out: dict[int, list[Sentence]] = {}
    for s in sentences:
        out.setdefault(s.para, []).append(s)
    return list(out.values())


def last_sentence_part(text: str) -> str:
    """The text after its last ".", "!" or "?" (what re.search(r"[^.!?]*$") gives, without
    trying every position of a long paragraph)."""
    return text[max(text.rfind("."), text.rfind("!"), text.rfind("?")) + 1:]


def _quote_speaker(text: str, q_start: int, q_end: int, p_start: int, p_end: int,
                   local: LocalNames | None) -> Speaker | None:
    """The speaker right after the closing quote (“…,” Kim said) or right before the
    opening one (Kim said: “…)."""
    after = text[q_end:p_end]
    ends = line_sentences(after)
    after = after[:ends[0][1]] if ends else after  # to the end of the sentence ("Rep." is no end)
    if re.match(r"\s*,?\s*\S", after):
        found = speakers("“…” " + after.lstrip(), local)
        if found:
            return found[0]
    before = text[p_start:q_start]
    opening = last_sentence_part(before)
    if re.search(r"(?::|,)\s*$", opening):
        found = speakers(opening + "“…”", local)
        if found:
            return found[-1]
    return None


_QUOTE_REACH = 6  # sentences before a quote its "he said" may point back over


def _quote_named_back(text: str, q_start: int, q_end: int, p_end: int, sentences: list[Sentence],
                      local: LocalNames | None) -> Speaker | None:
    """'"...," the president said' / '"...," he said': the last source named before the
    quote (for "he" / "she", the last person), when the words after it name no one."""
    after = text[q_end:p_end]
    ends = line_sentences(after)
    after = after[:ends[0][1]] if ends else after
    if not re.match(r"\s*,?\s*\S", after) or not (names_back(after) or _BEGAN.match(after)):
        return None
    # "he said": a person, not the agency named after him
    return _last_named(q_start, sentences, local, bool(re.match(r"\s*,?\s*(?:he|she)\b", after, re.I)))


# '"...," he began': a tag after a quote that only a quote makes a verb of saying
_BEGAN = re.compile(r"\s*,?\s*(?:he|she)\s+(?:began|continued|went\s+on|concluded)\b", re.I)


def _last_named(q_start: int, sentences: list[Sentence], local: LocalNames | None,
                person: bool) -> Speaker | None:
    """The last source named in the few sentences before a quote (a person first, if asked)."""
    before = [s for s in sentences if s.end <= q_start][-_QUOTE_REACH:]
    found = [sp for s in reversed(before) for sp in reversed(speakers(s.text, local))]
    if person:
        people = [sp for sp in found if is_person(sp.name, local)]
        if not people and before:
            # 'Zelensky was blunt. "...," he said': the person named just before, speaking or not
            people = [Speaker(m.start(), m.end(), *lookup_claimant(m.group(0), local))
                      for m in reversed(claimant_spans(before[-1].text, local))]
            people = [sp for sp in people if is_person(sp.name, local)]
        found = people or found
    return found[0] if found else None


# "... as translated from his remarks on Tuesday: “…”": the quote is of the person named last
_THEIR_WORDS = re.compile(r"\b(?:his|her)\s+(?:own\s+)?(?:remarks|words|statement|speech|address|comments|"
                          r"post|message|answer|reply)\b[^“”\"]*[:,]\s*$", re.I)


def _quote_of_their_words(text: str, q_start: int, p_start: int, sentences: list[Sentence],
                          local: LocalNames | None) -> Speaker | None:
    opening = last_sentence_part(text[p_start:q_start])
    return _last_named(q_start, sentences, local, True) if _THEIR_WORDS.search(opening) else None


def title_speaker(title: str, local: LocalNames | None) -> Speaker | None:
    """The source a title names in a headline's own forms: "Budanov: about 11,000 ...",
    "... to Moscow - Ukrainian intelligence chief", "Seoul says ..."; a site's name after
    it is dropped. A title that denies ("did not say") names no source."""
    if not title or _DENIAL.search(title):
        return None
    bare = _SITE_SUFFIX.sub("", title.strip())
    head = re.match(r"([^:]{2,60}):\s", bare)
    if head:
        found = speakers(head.group(1) + ": ", local)
        words = head.group(1).split()
        if not found and len(words) <= 4 and words[-1].lower() in _HEAD_MEMBERS:
            # "ISW analysts: ...", "Pentagon officials: ...": the body's people speak for it;
            # "Ukraine spy chief: ...": a headline's side and role
            found = speakers(head.group(1) + " said.", local)
        if found:
            return found[0]
    tail = _TITLE_TAIL.search(bare)
    if tail and len(tail.group("tail").split()) <= 6 and not re.search(r"\d", tail.group("tail")):
        found = speakers(tail.group("tail").strip() + " said.", local)
        if found:
            return found[0]
    inverted = re.search(rf",\s+{_SAYS}\s+([^,:]{{2,60}})$", bare)
    if inverted:  # "... to Russia, says Ukraine's spy chief"
        found = speakers(inverted.group(1) + " said.", local)
        if found:
            return found[0]
    says = re.match(rf"(.{{2,60}}?)\s+{_SAYS}\b", bare)
    if says:
        found = speakers(says.group(0), local)
        if found:
            return found[0]
    return None


# (not a side's troops or units: "North Korean forces: ..." is what the headline is about)
_HEAD_MEMBERS = {n.split()[-1] for n in (*vocab.MEMBER_NOUNS, *vocab.ROLE_NOUNS, *vocab.DEFINITE_SOURCE_NOUNS)}
_DENIAL = re.compile(r"\b(?:did|does|do)\s+not\b|\bdenies\b|\bdenied\b|\bfalse\b|\bfact[- ]check", re.I)
_SAYS = r"(?:says|said|claims|estimates|tells|warns|confirms|reports)"


def _back_reference(state: ArticleState, j: int) -> re.Match | None:
    """_BACK_REFERENCE in sentence j, looked for once per article (each figure of the
    sentence before asks)."""
    found = state.back_references
    if j not in found:
        found[j] = _BACK_REFERENCE.search(state.sentences[j].text)
    return found[j]


def next_sentence_speaker(state: ArticleState, i: int) -> Speaker | None:
    """The source the sentence after names for what came before: "This was reported by
    the head of intelligence, Kyrylo Budanov", "The general gave the figure in a TV
    interview", "According to Budanov, ..."; in the same paragraph, or opening the next."""
    sentences = state.sentences
    if i + 1 >= len(sentences):
        return None
    nxt = sentences[i + 1]
    if nxt.para not in (sentences[i].para, sentences[i].para + 1):
        return None
    if not _back_reference(state, i + 1):
        return None
    found = sentence_speakers(state, i + 1)
    return found[0] if found else None


_ALL_ABOVE = re.compile(rf"^\W*(?:These|Those|All\s+these|All\s+those)\s+(?:\w+\s+)?{_WHAT_WAS_SAID}\s+"
                        r"(?:were|are|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:given|provided|supplied|compiled|"
                        r"released|published|reported|made\s+public)\s+by\b")
_ABOVE_REACH = 4  # sentences: a note below a short list of figures names their source




def next_sentence_day(state: ArticleState, i: int, speaker: Speaker) -> date | None:
    """The day the sentence after gives its source's statement: "This was revealed by the
    spokesman at a briefing on Friday"."""
    nxt = state.sentences[i + 1].text
    dates = days_in(nxt, state)
    return claim_date(nxt, [speaker], dates) if dates else None


# --- the credit rules of the document, after those of the sentence ------------------------

def in_a_quote(ctx: Context) -> Credit | None:
    """A figure inside a quotation that runs over several sentences: its speaker, named
    at the start or the end of the quote."""
    voices = ctx.state.voices
    if voices is None:
        return None
    at = ctx.sentence.start + len(ctx.before)
    return next(((speaker, None) for start, end, speaker in voices.quotes if start < at < end), None)


def named_after(ctx: Context) -> Credit | None:
    """The source named in the sentence after: "... are now at training grounds. The
    general gave the figure in a television interview."."""
    if ctx.state.voices is None:
        return None
    speaker = next_sentence_speaker(ctx.state, ctx.index)
    return (speaker, next_sentence_day(ctx.state, ctx.index, speaker)) if speaker else None


def noted_below(ctx: Context) -> Credit | None:
    """"These estimates were provided by X", a few sentences below, with no source named
    between: X gave every figure above it (a note under a short list of figures)."""
    if ctx.state.voices is None:
        return None
    sentences, i = ctx.state.sentences, ctx.index
    # (the note is looked for first: reading the speakers between is the slow part)
    note = next((k for k in range(i + 1, min(len(sentences), i + 1 + _ABOVE_REACH))
                 if _ALL_ABOVE.search(sentences[k].text)), None)
    if note is None or any(sentence_speakers(ctx.state, k) for k in range(i + 1, note)):
        return None  # (a source between speaks for what follows it)
    found = sentence_speakers(ctx.state, note)
    return (found[0], None) if found else None


def in_a_turn(ctx: Context) -> Credit | None:
    """A figure in a transcript, in the words of whoever holds the floor ("SECRETARY
    BLINKEN: ... By our count, North Korea has some 10,000 soldiers inside Russia")."""
    voices = ctx.state.voices
    speaker = voices.turns.get(ctx.sentence.para) if voices is not None else None
    return (speaker, None) if speaker else None


_SOURCE_LINE_REACH = 3  # paragraphs a "Source:" line speaks for, above it


def source_line(ctx: Context) -> Credit | None:
    """A "Source: <name>, <role>" line below names the source of the paragraphs above it."""
    voices = ctx.state.voices
    if voices is None:
        return None
    para = ctx.sentence.para
    return next(((speaker, None) for line_para, speaker in voices.source_lines
                 if 0 < line_para - para <= _SOURCE_LINE_REACH), None)


def from_title(ctx: Context) -> Credit | None:
    """The title's source ("Budanov: about 11,000 ...") for a figure of the lede, or for
    one the title states too."""
    voices = ctx.state.voices
    if voices is None or voices.title is None:
        return None
    if _number_in(ctx.number.value, ctx.state.title) and (
            ctx.sentence.para in voices.lede_paras or ctx.number.text in ctx.state.title):
        return voices.title, None
    if not find_numbers(ctx.state.title) and _opens_lede(ctx):
        return voices.title, None  # a title with no figure speaks for the claim the lede opens on
    return None


# "3,000 of them", "Of those, 3,000": a part of the people a figure before counted
_PART_OF = re.compile(r"\s+of\s+(?:them|those|these|whom)\b", re.I)
_OF_THOSE = re.compile(r"^\W*Of\s+(?:them|those|these)\W+(?:\w+\s+){0,3}$", re.I)


def part_of_figure_before(ctx: Context) -> Credit | None:
    """A part of the people the figure of the sentence before counted ("North Korea has sent
    about 11,000 soldiers, Kyiv says." then "Around 3,000 of them have been killed") is told
    by that figure's source, even across a paragraph break."""
    rows = ctx.state.rows
    if not rows or not (_PART_OF.match(ctx.after) or _OF_THOSE.match(ctx.before)):
        return None
    previous = ctx.state.sentences[ctx.index - 1] if ctx.index > 0 else None
    last = rows[-1]
    if previous is None or last["sentence_start"] != previous.start or last["claimant"] is None or \
            last["claimant_group"] == "Unattributed":
        return None
    return Speaker(0, 0, last["claimant"], last["claimant_group"]), None


_LEDE_OPENING = 2  # sentences of the lede a title with no figure speaks for; later ones are background


def _opens_lede(ctx: Context) -> bool:
    sentences = ctx.state.sentences
    para = ctx.sentence.para
    if para not in ctx.state.voices.lede_paras:
        return False
    first = next(i for i, s in enumerate(sentences) if s.para == para)
    return ctx.index - first < _LEDE_OPENING


def _number_in(value: float, title: str) -> bool:
    return any(p.value == value or p.high == value for p in find_numbers(title))


CREDIT_RULES: tuple[CreditRule, ...] = (
    given_by_after, in_clause, later_in_sentence, earlier_in_sentence, in_a_quote, named_back,
    body_in_sentence, sentence_before, in_a_turn, named_after, noted_below, source_line, from_title,
    part_of_figure_before,
)
# Rules that carry a source named in an earlier sentence over to the figure's
CARRIED_OVER = {named_back.__name__, sentence_before.__name__}
# Rules that read the whole document: the day their speaker last spoke is not carried.
DOCUMENT_RULES = {in_a_quote.__name__, in_a_turn.__name__, named_after.__name__, noted_below.__name__,
                  source_line.__name__, from_title.__name__}


# "captured by Ukraine", "held by Ukrainian forces", "Ukraine captured", "Ukrainian troops took"
_CAPTURED_BY = re.compile(r"\b(?:captured|held|taken\s+prisoner|taken\s+captive|detained)\s+by\s+(?:the\s+)?"
                          r"(?:(?:[A-Z][\w-]*\s+){1,3}of\s+(?:the\s+)?)?$")  # "by the Defence Forces of Ukraine"
_CAPTURING = re.compile(r"^(?:\s+(?:forces|troops|soldiers|army|military|units?|marines|paratroopers|special\s+forces))?"
                        r"\s+(?:has\s+|have\s+|had\s+)?(?:captured|took|taken|detained)\b", re.I)


def captor(ctx: Context) -> Speaker | None:
    """A count of prisoners no one is named for: the side that took them, which announces
    its captures ("Two North Korean soldiers held by Ukraine since January ...")."""
    return _acting_side(ctx, _CAPTURED_BY, _CAPTURING)


# "killed by Ukrainian drones", "Ukrainian soldiers have killed", "Ukrainian forces eliminated"
_INFLICTED_BY = re.compile(r"\b(?:killed|wounded|injured|eliminated)\s+by\s+(?:the\s+)?$")
_INFLICTING = re.compile(r"^(?:\s+(?:forces|troops|soldiers|army|military|units?|marines|paratroopers|special\s+forces|"
                         r"drones?|defenders|fighters))?\s+(?:has\s+|have\s+|had\s+)?(?:killed|wounded|injured|"
                         r"eliminated|neutrali[sz]ed)\b", re.I)


def inflictor(ctx: Context) -> Speaker | None:
    """A count of North Korean dead or wounded no one is named for: the side that inflicted
    the losses, which reports its own strikes ("Ukrainian drones killed 30 ...")."""
    return _acting_side(ctx, _INFLICTED_BY, _INFLICTING)


def _acting_side(ctx: Context, by: re.Pattern, acting: re.Pattern) -> Speaker | None:
    """The side the sentence names as doing the act: after "<act> by", or before its verb."""
    text = ctx.sentence.text
    for m in claimant_spans(text, ctx.state.local):
        name, group = lookup_claimant(m.group(0), ctx.state.local)
        if group in ("Unattributed", "North Korea", "Russia"):
            continue
        if by.search(text[max(0, m.start() - 60):m.start()]) or acting.match(text[m.end():]):
            return Speaker(m.start(), m.end(), name, group)
    return None


def credit(ctx: Context) -> tuple[Speaker, date | None, str] | None:
    """Who the figure is credited to, by the first rule with a say, and that rule's name."""
    ctx = _without_confirming_aside(_without_quoted_subject(ctx))
    for rule in CREDIT_RULES:
        found = rule(ctx)
        if found is not None and found[0].name in _RELAYS:
            # "..., reports said Tuesday. According to Reuters, X announced ...": the reports
            # relay the source the next sentence names
            after = named_after(ctx)
            if after is not None and after[0].group != "Unattributed":
                return after[0], after[1] or found[1] or _day_given_after(ctx), named_after.__name__
        if found is not None:
            return found[0], found[1] or _day_given_after(ctx), rule.__name__
    return None


_RELAYS = set(vocab.RELAYING_CLAIMANTS)


# "the officials", or the bare noun opening the sentence or a clause ("..., officials said"):
# no word of its own says whose
_DEFINITE = re.compile(r"(?:\b(?:the|these|those)\s+|^\W*|,\s+)$", re.I)


def side_named_before(ctx: Context, speaker: Speaker | None) -> Speaker | None:
    """'..., the officials added', 'Officials said': unnamed people the article named with
    their side before ('US officials said Tuesday') are those same people, however far back."""
    if speaker is None or speaker.group != "Unattributed" or not _DEFINITE.search(ctx.sentence.text[:speaker.start]):
        return speaker
    noun = speaker.name.split()[-1].lower().rstrip("s")
    for j in range(ctx.index - 1, -1, -1):
        for earlier in reversed(sentence_speakers(ctx.state, j)):
            if earlier.group != "Unattributed" and earlier.name.split()[-1].lower().rstrip("s") == noun:
                return replace(speaker, name=earlier.name, group=earlier.group)
    return speaker


def _without_quoted_subject(ctx: Context) -> Context:
    """'Quote from Shoigu: "Pyongyang's leader has chosen to send 1,000 sappers"': North
    Korea named inside a quotation someone else speaks is what the speaker talks about, not a
    source of the figure."""
    voices = ctx.state.voices
    if voices is None or not voices.quotes or not any(s.group == "North Korea" for s in ctx.speakers):
        return ctx
    at = ctx.sentence.start + len(ctx.before)
    quote = next(((start, end) for start, end, speaker in voices.quotes
                  if start < at < end and speaker.group != "North Korea"), None)
    if quote is None:
        return ctx
    kept = [s for s in ctx.speakers
            if not (s.group == "North Korea" and quote[0] <= ctx.sentence.start + s.start < quote[1])]
    return replace(ctx, speakers=kept) if len(kept) < len(ctx.speakers) else ctx


# "the first deployment, which was confirmed by Putin in April, saw around 4,000 killed": a
# relative clause closed before the figure, whose source confirmed the noun it describes
_CONFIRMING_ASIDE = re.compile(r",\s*(?:which|that)\s+(?:was|were|has\s+been|had\s+been)\s+(?:\w+\s+)?"
                               r"(?:confirmed|acknowledged|announced|reported|disclosed|revealed)\s+by\b[^,;]{1,80},",
                               re.I)


def _without_confirming_aside(ctx: Context) -> Context:
    """A source inside a relative clause that closes before the figure speaks of the noun
    the clause describes ("the deployment, which was confirmed by X,"), not of the figure."""
    if not ctx.speakers or "by" not in ctx.before:
        return ctx
    # (not when the clause goes on to give the figure: "..., which were confirmed by X, put it at")
    asides = [(m.start(), m.end()) for m in _CONFIRMING_ASIDE.finditer(ctx.before)
              if not ATTR_VERB.search(ctx.before[m.end():])]
    kept = [s for s in ctx.speakers if not any(a <= s.start < b for a, b in asides)]
    return replace(ctx, speakers=kept) if len(kept) < len(ctx.speakers) else ctx


def _day_given_after(ctx: Context) -> date | None:
    """"Some 3,000 are dead or wounded, by the agency's count. The figures were relayed on
    Monday by two lawmakers": the sentence after, speaking of the figure, gives its day."""
    # the same for every figure of the sentence: read once
    days = ctx.state.day_given_after
    if ctx.index not in days:
        days[ctx.index] = _day_given_after_sentence(ctx.state, ctx.index)
    return days[ctx.index]


def _day_given_after_sentence(state: ArticleState, i: int) -> date | None:
    if i < 0 or i + 1 >= len(state.sentences) or state.voices is None:
        return None
    nxt = state.sentences[i + 1]
    back = _back_reference(state, i + 1)
    if nxt.para not in (state.sentences[i].para, state.sentences[i].para + 1) or not back:
        return None
    dates = days_in(nxt.text, state)
    # the words that speak of the figure anchor its day as a speaker's name would
    anchors = sentence_speakers(state, i + 1) + [Speaker(back.start(), back.end(), "", "")]
    return claim_date(nxt.text, anchors, dates) if dates else None

"""Figure extraction: every in-scope number of an article becomes one row (FIGURES.md).

`python -m analysis.extract PATH...` prints one JSON object per figure mention.

`figures_of` is the recipe (`extract_article` runs it and names the article if a rule
fails); each stage is a module of this package: `sentences` (sentences and clauses),
`scope` (which numbers are figures), `measure`, `qualifier`, `claimant`, `claim_date`,
`document` (what mentions of one figure share), `tables` (text tables and tallies). The
ordered rules of `claimant` and `measure` are tuples there.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys

from analysis.extract.articles import Article, ArticleError, iter_article_paths, parse_article, read_article
from analysis.extract.claim_date import (INFERRED_RULES, dated_claim, date_from_article, date_from_capture_told,
                                         date_from_next_sentence, date_from_statement_before, dated_for, days_in,
                                         older_figure, joined_day, same_briefing, side_day, standing_view)
from analysis.extract.attribution import (CARRIED_OVER, DOCUMENT_RULES, captor, credit, inflictor, read_voices,
                                          side_named_before)
from analysis.extract.confidence import doubts, settle
from analysis.extract.claimant import (NEWS_AGENCY, Speaker, cell_speaker, learn_names, names_back,
                                       sentence_speakers)
from analysis.extract.dates import WEEKDAY, find_dates, page_month
from analysis.extract.document import headline_follows_body, share_attribution, share_qualifier
from analysis.extract.measure import measure
from analysis.extract.numbers import find_numbers
from analysis.extract.qualifier import bounds, qualifier
from analysis.extract.scope import furniture, korea_near, mask, out_of_scope, surface_ok, what_it_counts
from analysis.extract.sentences import Sentence, split_sentences
from analysis.extract.state import ArticleState, Context
from analysis.extract.tables import TableRow, find_tables
from analysis.extract import vocab
from analysis.extract.patterns import NeedsWords

OUTPUT_FIELDS = ("article", "value", "low", "high", "qualifier", "measure", "claimant",
                 "claimant_group", "claim_date", "published", "quote", "sentence", "start",
                 "end", "confidence", "confidence_reason")

# "An earlier version of this post gave the figures as 47 killed": numbers said to be wrong
_CORRECTED = NeedsWords(re.compile(r"""
    \ban?\s+earlier\s+version\b[^.]*?
    \b(?:gave|said|stated|misstated|reported|put|had|incorrectly|wrongly)\b
""", re.I | re.X))


class ExtractionError(ArticleError):
    """The extractor itself failed on an article (a bug, not a bad file): the build, an
    ingest or Add article names the article as a problem and goes on with the others."""


def extract_article(article: Article) -> list[dict]:
    """All figure mentions of one article, in text order (see `figures_of`); raises
    ExtractionError, naming the article, when a rule fails on its text."""
    try:
        return figures_of(article)
    except Exception as exc:
        raise ExtractionError(
            f"{article.name}: the extractor failed on this article ({type(exc).__name__}: "
            f"{exc}); its figures are left out until that is fixed") from exc


def figures_of(article: Article) -> list[dict]:
    """All figure mentions of one article, in text order.

    The recipe: split the body into sentences and find its text tables; learn the people
    the article introduces; then, sentence by sentence, read who speaks and on what day
    and turn each number that counts North Korean personnel into a figure (measure,
    qualifier and bounds, claimant, claim date); read the tables' rows; finally let the
    mentions of one figure share what any of them names."""
    text = mask(article.text)
    sentences = split_sentences(text, article.body_start, len(text))
    tables = find_tables(text, article.body_start, len(text))
    state = ArticleState(sentences, title=article.meta.get("title") or "",
                         local=learn_names(article.body), published=article.published,
                         month_end=page_month(article.body))
    if sentences:
        headline = sentences[0].para if is_headline(state, sentences[0]) else None
        state.voices = read_voices(text, sentences, state.title, state.local, headline)
    in_tables = {i for i, sent in enumerate(sentences)
                 if any(t.start <= sent.start < t.end for t in tables)} | furniture(sentences)
    with_numbers = {i for i, sent in enumerate(sentences)
                    if i not in in_tables and sent.has_number}
    # dates and speakers are read only where a number is, or up to three sentences before,
    # or in any earlier sentence that names a weekday: "In an interview on Wednesday, X
    # said ..." several sentences before X's figures is the day X spoke on
    needed = {j for i in with_numbers for j in range(max(0, i - 3), i + 1)}
    last = max(with_numbers, default=-1)
    needed |= {i for i, sent in enumerate(sentences[:last]) if i not in in_tables and names_a_weekday(sent.text)}
    for i in sorted(needed):
        _read_sentence(state, article, text, i, i in with_numbers)
    prose = [sent for i, sent in enumerate(sentences) if i not in in_tables]
    for table_row in tables:
        state.rows += _table_figures(table_row, article, text, prose, state)
    rows = state.rows
    rows.sort(key=lambda r: r["start"])
    headline_follows_body(rows)
    share_attribution(rows)
    share_qualifier(rows)
    date_from_next_sentence(rows, state)
    date_from_statement_before(rows, state)
    date_from_article(rows, state)
    date_from_capture_told(rows, state)
    settle(rows)
    return rows


def _read_sentence(state: ArticleState, article: Article, text: str, i: int, has_number: bool) -> None:
    """One sentence: its dates and speakers, then its figures; what it says of who spoke
    and when stays in `state` for the sentences after it."""
    sent = state.sentences[i]
    s_text = text[sent.start:sent.end]
    resolved = [(d.start, d.end, state.dates[-1] + dt.timedelta(days=d.days_after)
                 if d.date is None and state.dates else d.date)
                for d in find_dates(s_text, article.published, state.month_end)]
    spk = sentence_speakers(state, i)
    sentence_date, dated = dated_claim(s_text, spk, resolved)
    phrases = [p for p in find_numbers(text, sent.start, sent.end) if surface_ok(text, p)] \
        if has_number and not _CORRECTED.search(s_text) else []
    kept, last_end = True, 0
    headline = is_headline(state, sent)
    for p in phrases:
        rel_start, rel_end = p.start - sent.start, p.end - sent.start
        ctx = Context(sent, p, s_text[:rel_start], s_text[rel_end:], i, state, spk, dated)
        if not kept and re.match(r"\s+(?:others|more)\b", ctx.after) and \
                re.search(r",|\band\b", s_text[last_end:rel_start]):
            continue  # "killed 18 Russian servicemen, wounded 33 others" (not "date 2025-07-02 ... 2,000 more")
        row = figure(ctx, sentence_date)
        kept, last_end = row is not None, rel_end
        if row is not None:
            state.rows.append(_placed(row, article, sent.start, sent.end, headline))
    state.dates.extend(d for _, _, d in resolved if d is not None)
    spoke = state.speakers
    if spk:
        if dated is not None and dated is not spk[-1]:
            spoke.append((i, dated, sentence_date))  # the day is the dated speaker's alone
        last_day = sentence_date if dated is None or dated is spk[-1] else joined_day(s_text, spk, resolved, dated)
        spoke.append((i, spk[-1], last_day))
    elif spoke and i - spoke[-1][0] <= 3 and names_back(s_text):
        # "He added ..." keeps the speaker for the sentences after it
        spoke.append((i, spoke[-1][1], sentence_date or spoke[-1][2]))


_WEEKDAY = re.compile(rf"\b{WEEKDAY}\b")


def names_a_weekday(text: str) -> bool:
    """"Wednesday": a weekday's name stands in the text (every one ends in "day", which
    is looked for first: most sentences hold none)."""
    return "day" in text and _WEEKDAY.search(text) is not None


_HEADLINE_LENGTH = 160  # characters; a longer first paragraph is the lede


def is_headline(state: ArticleState, sent: Sentence) -> bool:
    """The sentence stands in a headline: the body's first paragraph when it repeats the
    title or is short and ends without a full stop. A first paragraph of prose (a date
    line glued to the lede, "Seoul, Dec 4 - North Korea has sent ...") is no headline."""
    first = state.sentences[0]
    if sent.para != first.para:
        return False
    text = " ".join(s.text for s in state.sentences if s.para == first.para)
    if " ".join(text.split()).lower() == " ".join(state.title.split()).lower():
        return True
    return len(text) <= _HEADLINE_LENGTH and not re.search(r"[.!?][\"”’]?$", text)


_LOSSES = ("killed", "wounded", "casualties")


def figure(ctx: Context, sentence_date) -> dict | None:
    """The figure a number phrase gives, or None when it is not one: what it counts and
    whether that is in scope, its measure, who it is credited to and when, and how sure
    each of these is."""
    counted = what_it_counts(ctx.after)
    if out_of_scope(ctx, counted):
        return None
    found_measure, measure_rule = measure(ctx, counted)
    if found_measure is None:
        return None
    speaker, day, how = credit(ctx) or (None, None, None)
    if found_measure == "captured" and (speaker is None or how in CARRIED_OVER or NEWS_AGENCY.search(speaker.name)):
        # the side the sentence says holds the prisoners, over a source carried from before
        # or a news agency relaying it
        held = captor(ctx)
        if held is not None or speaker is None:
            speaker, day, how = held, None, "captor"
    elif speaker is None and found_measure in _LOSSES:
        hit = inflictor(ctx)
        if hit is not None:
            speaker, how = hit, "inflictor"
    # the sentence's day is another side's statement: a day from elsewhere would be a guess
    own = dated_for(speaker, ctx.dated)
    if how == "captor" and (ctx.dated is None or speaker is None or ctx.dated.group != speaker.group):
        # "Two prisoners held in Ukraine have pleaded ..., an activist said on Sunday": the day
        # is the speaker's, who describes the captives; the captor made no claim that day
        own = False
    speaker = side_named_before(ctx, speaker)
    day = (sentence_date or day) if own and not older_figure(ctx) else None
    if sentence_date is None and standing_view(ctx):
        day, own = None, False
    if not own and ctx.dated is not None and speaker is not None and not older_figure(ctx):
        text = ctx.before + ctx.number.text + ctx.after
        day = side_day(text, ctx.speakers, days_in(text, ctx.state), speaker.group)
    if day is None and own and speaker is not None and how not in DOCUMENT_RULES and how not in INFERRED_RULES:
        day = same_briefing(ctx, speaker)
    row = figure_row(ctx, found_measure, speaker, day)
    row["doubts"] = doubts(ctx, found_measure, measure_rule, how)
    row["measure_rule"], row["credit_rule"] = measure_rule, how
    return row


def figure_row(ctx: Context, measure_: str, speaker: Speaker | None, claim_day) -> dict:
    """A figure's fields: its value and the bounds its wording gives, who and when, and the
    span of its quote (qualifier included)."""
    p = ctx.number
    found, extra_before, extra_after = qualifier(ctx)
    low, high = bounds(found, p.value, None, p.high)
    return {
        "value": _num(p.value), "low": _num(low), "high": _num(high), "qualifier": found,
        "measure": measure_,
        "claimant": speaker.name if speaker else None,
        "claimant_group": speaker.group if speaker else "Unattributed",
        "claim_date": claim_day.isoformat() if claim_day else None,
        "start": p.start - extra_before, "end": p.end + extra_after,
        "confidence": "high", "confidence_reason": "",
    }


def _num(x: float | None) -> int | float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def _placed(row: dict, article: Article, start: int, end: int, headline: bool) -> dict:
    """A figure with where it stands: its article, sentence (or table row) and quote."""
    published = article.published
    row.update(article=article.name, published=published.isoformat() if published else None,
               sentence=article.text[start:end], sentence_start=start, sentence_end=end,
               headline=headline)
    row["quote"] = article.text[row["start"]:row["end"]]
    row["mention_id"] = f"{article.name}:{row['start']}-{row['end']}"
    return row


def _table_figures(table_row: TableRow, article: Article, text: str, prose: list[Sentence],
                   state: ArticleState) -> list[dict]:
    """The figures of one table row: a number under a measure's column counts that measure;
    a number in a text column is read like a sentence that follows the three sentences
    before the table. The source and date columns say who made the estimate and when."""
    cells = {c.role: c for c in reversed(table_row.cells)}
    speaker = cell_speaker(cells["source"].text, state.local) if "source" in cells else None
    day = next((d.date for d in find_dates(cells["date"].text, article.published) if d.date),
               None) if "date" in cells else None
    before = [s for s in prose if s.end <= table_row.start][-3:]  # what the table is about
    rows: list[dict] = []
    for cell in table_row.cells:
        if cell.role in ("date", "source"):
            continue
        sent = Sentence(cell.start, cell.end, cell.text, -1)
        cell_state = ArticleState(before + [sent], title=state.title, local=state.local)
        index = len(cell_state.sentences) - 1
        for p in find_numbers(text, cell.start, cell.end):
            if not surface_ok(text, p):
                continue
            ctx = Context(sent, p, text[cell.start:p.start], text[p.end:cell.end], index, cell_state)
            if cell.role in vocab.MEASURES:
                if not korea_near(cell_state.sentences, index, state.title):
                    continue
                row = figure_row(ctx, cell.role, speaker, day)
            else:
                row = figure(ctx, day)
                if row is None:
                    continue
            if speaker is not None and row["claimant"] is None:
                row.update(claimant=speaker.name, claimant_group=speaker.group)
            row["claim_date"] = row["claim_date"] or (day.isoformat() if day else None)
            row["sentence_start"] = cell.start  # the cell is the sentence its neighbours share
            cell_state.rows.append(row)
        rows += [_placed(row, article, table_row.start, table_row.end, False) for row in cell_state.rows]
    return rows


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

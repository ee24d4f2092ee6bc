"""HTML built from article and analyst text: every character of it escaped, only our own
tags are markup (Streamlit shows these with st.html)."""
from __future__ import annotations

import html
import operator
import re

from analysis.present.labels import REVIEW_LABELS, bound_label, explain_bounds, measure_label
from analysis.store.claims import UNKNOWN_PUBLISHER

CSS = """<style>
.desk-card {border: 1px solid #e3e3e3; border-radius: 8px; padding: 0.8rem 1rem;
            margin: 0 0 0.9rem 0; background: #ffffff;}
.desk-card h4 {margin: 0 0 0.2rem 0; font-size: 1.02rem; line-height: 1.35;}
.desk-meta {color: #5a5a5a; font-size: 0.85rem; margin-bottom: 0.55rem;}
.desk-para {line-height: 1.65; font-size: 0.97rem; color: #222;}
.desk-para .sentence {background: #fff4cc; border-radius: 3px; padding: 1px 0;}
.desk-para mark {background: #ffc83d; color: #111; font-weight: 600; padding: 0 3px;
                 border-radius: 3px;}
.desk-why {color: #333; font-size: 0.9rem; margin-top: 0.55rem; padding-top: 0.45rem;
           border-top: 1px dashed #e3e3e3;}
.desk-explain {border-left: 4px solid #ffc83d; background: #fffaf0; padding: 0.6rem 0.9rem;
               border-radius: 0 6px 6px 0; margin-bottom: 0.9rem; font-size: 0.95rem;}
.desk-facts {display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1.2rem;
             font-size: 0.93rem; margin: 0 0 0.8rem 0; padding: 0;}
.desk-facts dt {color: #5a5a5a;} .desk-facts dd {margin: 0;}
.desk-status {display: inline-block; font-size: 0.78rem; font-weight: 600; padding: 0 0.45rem;
              border-radius: 9px; background: #eef1f5; color: #333; margin-left: 0.3rem;}
.desk-status.rejected {background: #fde2e1; color: #8a1c14;}
.desk-status.edited, .desk-status.added {background: #e3f1e6; color: #1d5c2c;}
.desk-status.accepted {background: #e3f1e6; color: #1d5c2c;}
.desk-text {line-height: 1.6; font-size: 0.95rem; color: #222; max-height: 26rem;
            overflow-y: auto; padding: 0.5rem 0.8rem; border: 1px solid #e3e3e3;
            border-radius: 6px; background: #fcfcfc;}
.desk-text mark {background: #ffc83d; color: #111; font-weight: 600; padding: 0 2px;
                 border-radius: 3px;}
</style>"""


MAX_PARAGRAPH = 1200

def paragraph_bounds(text: str, start: int, end: int, limit: int = MAX_PARAGRAPH) -> tuple[int, int]:
    """Offsets of the paragraph (the line) holding text[start:end], cut to `limit` chars.

    >>> text = "Title\\nFirst line. It has 3,000 troops. More.\\nNext"
    >>> a, b = paragraph_bounds(text, 25, 30); text[a:b]
    'First line. It has 3,000 troops. More.'
    >>> a, b = paragraph_bounds("x" * 5000, 2500, 2505, limit=100); (a, b)
    (2453, 2552)
    """
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    if b - a > limit:
        half = max(0, (limit - (end - start)) // 2)
        a = max(a, start - half)
        b = min(b, end + half)
    return a, b

def _as_int(value) -> int | None:
    try:
        return operator.index(value)
    except TypeError:
        return None

def _valid_span(text: str, start: int | None, end: int | None) -> bool:
    return start is not None and end is not None and 0 <= start < end <= len(text)

def highlight_html(text: str | None, start, end, quote: str | None = None,
                   sentence_start=None, sentence_end=None, sentence: str | None = None) -> str:
    """The paragraph around a mention as HTML: sentence in <span class="sentence">, number
    in <mark>. Every character of article text is escaped; only our tags are markup.

    >>> t = "Intro.\\nSeoul said <b>1,000</b> died. Later.\\n"
    >>> s = t.index("<b>"); highlight_html(t, s, s + 12, "<b>1,000</b>", 7, t.index(" Later"))
    '<span class="sentence">Seoul said <mark>&lt;b&gt;1,000&lt;/b&gt;</mark> died.</span> Later.'

    Offsets that do not point at the quote fall back to the stored sentence:

    >>> highlight_html(None, 0, 0, "3,000", sentence="More than 3,000 <i>troops</i>")
    '<span class="sentence">More than <mark>3,000</mark> &lt;i&gt;troops&lt;/i&gt;</span>'
    """
    esc = html.escape
    start, end = _as_int(start), _as_int(end)
    sentence_start, sentence_end = _as_int(sentence_start), _as_int(sentence_end)
    if text and _valid_span(text, start, end) and (quote is None or text[start:end] == quote):
        if not (_valid_span(text, sentence_start, sentence_end)
                and sentence_start <= start and end <= sentence_end):
            sentence_start, sentence_end = start, end
        a, b = paragraph_bounds(text, sentence_start, sentence_end)
        a, b = min(a, sentence_start), max(b, sentence_end)
        return (("… " if a > 0 and text[a - 1] != "\n" else "") + esc(text[a:sentence_start])
                + '<span class="sentence">' + esc(text[sentence_start:start])
                + "<mark>" + esc(text[start:end]) + "</mark>"
                + esc(text[end:sentence_end]) + "</span>" + esc(text[sentence_end:b])
                + (" …" if b < len(text) and text[b] != "\n" else ""))
    sentence = sentence or quote or ""
    at = sentence.find(quote) if quote else -1
    if at < 0:
        return f'<span class="sentence">{esc(sentence)}</span>'
    return ('<span class="sentence">' + esc(sentence[:at]) + "<mark>" + esc(quote) + "</mark>"
            + esc(sentence[at + len(quote):]) + "</span>")

def highlight_figures_html(text: str, figures: list[dict], start: int = 0,
                           end: int | None = None) -> str:
    """text[start:end] as HTML with each figure's span in <mark> (its measure in the
    title); every character of the text is escaped, line breaks become <br>. Figures
    whose offsets do not point at their quote, or overlap one already marked, are skipped.

    >>> t = "Seoul said <i>3,000</i> troops.\\nKyiv: 12,000"
    >>> highlight_figures_html(t, [{"start": 11, "end": 23, "quote": "<i>3,000</i>",
    ...     "measure": "troops_deployed"}, {"start": 38, "end": 44, "quote": "12,000"}])
    'Seoul said <mark title="Troops deployed">&lt;i&gt;3,000&lt;/i&gt;</mark> troops.<br>Kyiv: <mark title="Unknown measure">12,000</mark>'
    """
    esc = html.escape
    end = len(text) if end is None else end
    out, at = [], start
    spans = sorted((f for f in figures if _as_int(f.get("start")) is not None
                    and _as_int(f.get("end")) is not None), key=lambda f: f["start"])
    for f in spans:
        a, b = int(f["start"]), int(f["end"])
        if a < at or b > end or not _valid_span(text, a, b) or (
                f.get("quote") is not None and text[a:b] != f["quote"]):
            continue
        out.append(esc(text[at:a]))
        out.append(f'<mark title="{esc(measure_label(f.get("measure")))}">{esc(text[a:b])}</mark>')
        at = b
    out.append(esc(text[at:end]))
    return "".join(out).replace("\n", "<br>")


_WEB_LINK = re.compile(r"^https?://[^\s\"'<>]+$", re.I)


def article_card(article: dict | None, mention: dict) -> str:
    """An article's metadata and the paragraph around one mention, as escaped HTML."""
    esc = html.escape
    article = article or {}
    title = article.get("title") or mention.get("title") or mention["article"]
    meta = [esc(article.get("publisher") or UNKNOWN_PUBLISHER)]
    if article.get("author"):
        meta.append("by " + esc(article["author"]))
    published = article.get("published") or mention.get("published")
    meta.append(f"published {esc(str(published))}" if published else "publication date unknown")
    meta.append(f"file <code>{esc(mention['article'])}</code>")
    url = article.get("url") or ""
    if _WEB_LINK.match(url):
        meta.append(f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">'
                    "open the original</a>")
    elif url:
        meta.append(f"source (not a web link): {esc(url)}")
    paragraph = highlight_html(
        article.get("text"), mention.get("start"), mention.get("end"), mention.get("quote"),
        mention.get("sentence_start"), mention.get("sentence_end"), mention.get("sentence"))
    why = explain_bounds(mention.get("quote"), mention.get("qualifier"),
                                 mention.get("value"), mention.get("low"), mention.get("high"))
    claimant = mention.get("claimant") or "no claimant named"
    return (f'<div class="desk-card"><h4>{esc(title)}{status_badge(mention)}</h4>'
            f'<div class="desk-meta">{" · ".join(meta)}</div>'
            f'<div class="desk-para">{paragraph}</div>'
            f'<div class="desk-why"><b>Claimant:</b> {esc(claimant)} '
            f'({esc(mention.get("claimant_group") or "Unattributed")}). '
            f"<b>Bounds:</b> {esc(why)}{review_line(mention)}</div></div>")


def _present(value):
    """None for a missing cell (None, NaN, NaT), else the value."""
    try:
        return None if value is None or value != value else value
    except (TypeError, ValueError):
        return value


def status_badge(mention: dict) -> str:
    status = mention.get("review_status") or "unreviewed"
    if status not in REVIEW_LABELS:
        status = "unreviewed"
    return (f'<span class="desk-status {status}">'
            f"{html.escape(REVIEW_LABELS[status])}</span>")


def review_line(mention: dict) -> str:
    """The figure as reviewed: measure, claim date and the analyst's note."""
    esc = html.escape
    parts = [f"<br><b>Figure:</b> {esc(bound_label(mention.get('qualifier'), mention.get('value'), mention.get('low'), mention.get('high')))}"
             f" · {esc(measure_label(mention.get('measure')))}"
             f" · claim date {esc(str(_present(mention.get('claim_date')) or 'not stated'))}"]
    note = mention.get("review_note")
    if isinstance(note, str) and note.strip():
        parts.append(f"<br><b>Analyst's note:</b> {esc(note)}")
    return "".join(parts)


def facts(pairs: list[tuple[str, object]]) -> str:
    """A small definition list, escaped."""
    rows = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(str(v))}</dd>" for k, v in pairs)
    return f'<dl class="desk-facts">{rows}</dl>'

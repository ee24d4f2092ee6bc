"""Provenance: where a claim or mention stands in its articles, and how its wording
became its bounds. All article text is escaped before it is marked up."""
import html
import math

import streamlit as st

from analysis.present import charts, labels, markup, queries, sources
from ui import connection, filters, grades, messages, nav, pickers

nav.run_through_app()

MODES = {"claim": "Claim", "mention": "Mention", "article": "Article"}


def _apply_link() -> None:
    """Select what ?claim=… or ?mention=… names: on a new link, or when the selection was
    dropped (Streamlit forgets a widget's state while its page is not shown). A link
    already applied does not override a choice made since on this page."""
    for kind in ("claim", "mention"):
        wanted = st.query_params.get(kind)
        key = f"prov_{kind}"
        if wanted and (key not in st.session_state
                       or st.session_state.get("prov_applied") != (kind, wanted)):
            st.session_state["prov_mode"] = MODES[kind]
            st.session_state[key] = wanted
            st.session_state["prov_applied"] = (kind, wanted)
            return


def _remember(kind: str, ident: str) -> None:
    """Name the claim or mention shown in the URL, beside the sidebar's filters."""
    st.session_state["prov_applied"] = (kind, ident)
    if st.query_params.get(kind) != ident:
        st.query_params[kind] = ident
    for other in MODES.keys() - {kind}:
        if other in st.query_params:
            del st.query_params[other]


PICKERS = {"claim": pickers.claim_picker, "mention": pickers.mention_picker}


def _choose(kind: str, chosen, fetch) -> str | None:
    """A search picker over the filtered rows, plus the linked row even when filtered out."""
    wanted = st.session_state.get(f"prov_{kind}")
    extra = {}
    if wanted:
        row = fetch(connection.cursor(), wanted)
        if row:
            extra = {wanted: row}
        else:
            st.warning(f"No {kind} with the id {messages.md_escape(wanted)} is in the database; "
                       "it may come from an older build.", icon=":material/link_off:")
            st.session_state.pop(f"prov_{kind}")
    picked = PICKERS[kind](f"prov_{kind}", chosen, extra)
    if picked is None and not queries.count_claims(connection.cursor(), chosen):
        st.info(filters.NO_MATCH, icon=":material/filter_alt:")
    return picked


def _choose_article() -> str | None:
    """An article found by search, then one of its figure mentions."""
    name = pickers.article_picker("prov_article")
    if not name:
        return None
    found = queries.mentions_in_article(connection.cursor(), name)
    if not found:
        st.caption("No figure was found in this article.")
        return None
    rows = {m["mention_id"]: m for m in found}
    return st.selectbox("Figure in this article", list(rows), key="prov_article_mention",
                        format_func=lambda i: f"“{rows[i]['quote']}” · "
                        f"{labels.measure_label(rows[i]['measure'])} · "
                        f"{labels.claimant_name(rows[i].get('claimant'), rows[i].get('claimant_group'))}")


AUDIT_COLUMNS = {"when": "When (UTC)", "what": "What", "by": "By", "quote": "Quote",
                 "before": "Before", "after": "After", "note": "Note"}


def _audit(mentions: list[dict], key: str) -> None:
    """The review decisions behind these mentions: what, before, after, when, note."""
    st.markdown("##### Review history")
    trail = queries.audit_trail(connection.cursor(), mentions)
    if trail.empty:
        st.caption("No analyst has reviewed this yet: the figures are as the extractor read "
                   "them. Accept, reject or correct them on the Review page.")
        return
    view = trail.assign(when=[w.replace("T", " ")[:16] for w in trail["when"]],
                        quote=[f"“{q}” ({a})" for q, a in zip(trail["quote"], trail["article"])])
    st.table(messages.md_cells(view[list(AUDIT_COLUMNS)].rename(columns=AUDIT_COLUMNS)),
             hide_index=True)
    st.caption("The last decision on a span is the one in force; earlier ones are kept. "
               "Before: the figure as it stood; After: what the decision changed.")


CARDS_PER_PAGE = 20


def _cards(mentions) -> None:
    """One card per mention; their articles come from one query."""
    arts = queries.articles_named(connection.cursor(), (m["article"] for m in mentions))
    for m in mentions:
        st.html(markup.article_card(arts.get(m["article"]), m))


def _claim_cards(claim_id: str, total: int, key: str, except_mention: str | None = None) -> None:
    """The cards of a claim's mentions, a page at a time (a claim may be cited hundreds of
    times), the first report first."""
    pages = max(1, math.ceil(total / CARDS_PER_PAGE))
    page = 1
    if pages > 1:
        if st.session_state.get(key, 1) > pages:
            st.session_state[key] = pages
        page = st.number_input(f"Page (of {pages})", min_value=1, max_value=pages, step=1,
                               key=key, width=160)
    first = (page - 1) * CARDS_PER_PAGE
    shown = queries.records(queries.mentions_of_claim(
        connection.cursor(), claim_id, limit=CARDS_PER_PAGE, offset=first,
        except_mention=except_mention))
    if pages > 1:
        st.caption(f"Mentions {first + 1}–{first + len(shown)} of {total} (a card each), the first "
                   "report first.")
    _cards(shown)


def _heading(row: dict) -> None:
    """A claim's or a mention's figure and measure: "≥ 10,000 · Troops deployed"."""
    figure = labels.bound_label(row["qualifier"], row["value"], row["low"], row["high"])
    st.subheader(f"{figure} · {labels.measure_label(row['measure'])}")


def show_claim(claim_id: str) -> None:
    cur = connection.cursor()
    c = queries.claim(cur, claim_id)
    if c is None:
        st.info("That claim is not in the database.")
        return
    _heading(c)
    others = [n for n in c["claimants"] if n != c["claimant"]]
    st.html(markup.facts([
        ("Claimant", c["claimant"] or "not named"),
        ("Claimant group", c["claimant_group"] or "Unattributed"),
        *([("Also reported as", ", ".join(others))] if others else []),
        ("Claim date", charts.date_text(c)),
        ("Value · low · high", " · ".join(labels.fmt_number(c[k]) for k in ("value", "low", "high"))),
        ("Wording", labels.QUALIFIER_LABELS.get(c["qualifier"], c["qualifier"])),
        ("Cited by", f"{c['n_articles']} article(s), {c['n_mentions']} mention(s)"),
        ("Review", labels.claim_review_label(c["n_reviewed"], c["n_mentions"], c["reviewed"])),
        ("Publishers", ", ".join(c["publishers"]) or "unknown"),
        ("Claim id", c["claim_id"]),
    ]))
    mentions = queries.claim_spans(cur, claim_id)
    _chain_and_credibility(c, mentions)
    st.markdown("##### How the wording became the bounds")
    st.html('<div class="desk-explain">' + html.escape(labels.explain_bounds(
        c["quote"], c["qualifier"], c["value"], c["low"], c["high"])) + "</div>")
    if any(m.get("review_status") in ("edited", "added") for m in mentions):
        st.caption("An analyst set these values (corrected or added the figure), so they "
                   "need not follow from the words; the review history below says what "
                   "changed.")
    st.markdown(f"##### Every article citing this claim ({c['n_articles']})")
    _claim_cards(claim_id, len(mentions), f"prov-cards-{claim_id}")
    _audit(mentions, claim_id)


def _chain_and_credibility(c: dict, mentions: list[dict]) -> None:
    """The claimant's chain of estimates on this measure, and the claim's credibility grade."""
    cur = connection.cursor()
    chain = sources.claimant_chain(cur, c["claim_id"])
    st.markdown("##### What this claimant said over time")
    if len(chain) > 1:
        st.text(sources.chain_text(chain))
        later = c.get("superseded_by")
        st.caption("Superseded by a later estimate of the same claimant." if later else
                   "This is the claimant's latest estimate on this measure.")
    else:
        st.caption("Undated or without a named claimant: this claim stands apart." if not
                   (c.get("date") and c.get("claimant")) else
                   "The claimant's only estimate on this measure.")
    rel = queries.source_grades(cur)
    rel = rel[rel["claimant"] == c["claimant"]]
    cred = queries.claim_grades(cur)
    cred = cred[cred["claim_id"] == c["claim_id"]]
    st.markdown("##### Credibility of this claim")
    st.text(labels.grade_label(c["claimant"], rel["reliability"].iloc[0] if len(rel) else None,
                               cred["credibility"].iloc[0] if len(cred) else None)
            + "  (source reliability A–F from the Sources page, claim credibility 1–6)")
    if mentions:
        grades.grade_form(f"prov-grade-{c['claim_id']}", grades.claim_subject(cur, mentions),
                          "credibility", "this claim")


def show_mention(mention_id: str) -> None:
    cur = connection.cursor()
    m = queries.mention(cur, mention_id)
    if m is None:
        st.info("That mention is not in the database.")
        return
    _heading(m)
    if labels.confidence_text(m):
        st.caption(messages.md_escape(labels.confidence_text(m)))
    if m.get("review_status") == "rejected":
        st.warning("An analyst **rejected** this mention: it is not a figure, and no claim or "
                   "chart counts it."
                   + (f" Their note: {messages.md_escape(m['review_note'])}" if m.get("review_note") else ""),
                   icon=":material/block:")
        _cards([m])
        _audit([m], mention_id)
        return
    _cards([m])
    _audit([m], mention_id)
    others = sum(s["mention_id"] != mention_id for s in queries.claim_spans(cur, m["claim_id"]))
    st.markdown(f"##### Other mentions of the same claim ({others})")
    if others:
        _claim_cards(m["claim_id"], others, f"prov-others-{mention_id}", except_mention=mention_id)
    else:
        st.caption("No other article cites this claim.")

    def open_claim() -> None:
        st.session_state["prov_mode"] = MODES["claim"]
        st.session_state["prov_claim"] = m["claim_id"]

    st.button("Show the whole claim", on_click=open_claim, icon=":material/unfold_more:")


def main() -> None:
    st.title("Provenance")
    st.caption("Find a claim, a single mention or an article: each sentence is shown inside "
               "its paragraph with the number highlighted, beside the article it comes from.")
    st.html(markup.CSS)
    if filters.empty_store_message():
        return
    _apply_link()
    chosen = filters.current()
    mode = st.radio("Look up", list(MODES.values()), key="prov_mode", horizontal=True)
    if mode == MODES["article"]:
        picked = _choose_article()
        if picked:
            show_mention(picked)
    elif mode == MODES["mention"]:
        picked = _choose("mention", chosen, queries.mention)
        if picked:
            _remember("mention", picked)
            show_mention(picked)
    else:
        picked = _choose("claim", chosen, queries.claim)
        if picked:
            _remember("claim", picked)
            show_claim(picked)


main()

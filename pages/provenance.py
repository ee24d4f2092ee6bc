"""Provenance: where a claim or mention stands in its articles, and how its wording
became its bounds. All article text is escaped before it is marked up."""
import html

import streamlit as st

from analysis.present import charts, labels, markup, queries
from ui import connection, filters, messages, nav

nav.run_through_app()

MODES = {"claim": "Claim", "mention": "Mention"}


def _apply_link() -> None:
    """Select what ?claim=… or ?mention=… names: on a new link, or when the selection was
    dropped (Streamlit forgets a widget's state while its page is not shown). A link
    already applied does not override a choice made since on this page."""
    for kind in MODES:
        wanted = st.query_params.get(kind)
        key = f"prov_{kind}"
        if wanted and (key not in st.session_state
                       or st.session_state.get("prov_applied") != (kind, wanted)):
            st.session_state["prov_mode"] = MODES[kind]
            st.session_state[key] = wanted
            st.session_state["prov_applied"] = (kind, wanted)
            return


def _remember(kind: str, ident: str) -> None:
    st.session_state["prov_applied"] = (kind, ident)
    if st.query_params.get(kind) != ident or len(st.query_params) != 1:
        st.query_params.from_dict({kind: ident})


def _choose(kind: str, frame, fetch, label) -> str | None:
    """A selectbox over the filtered rows, plus the linked row even when filtered out."""
    rows = {r[f"{kind}_id"]: r for r in frame.to_dict("records")}
    wanted = st.session_state.get(f"prov_{kind}")
    if wanted and wanted not in rows:
        extra = fetch(connection.cursor(), wanted)
        if extra:
            rows = {wanted: extra, **rows}
        else:
            st.warning(f"No {kind} with the id {messages.md_escape(wanted)} is in the database; "
                       "it may come from an older build.", icon=":material/link_off:")
            st.session_state.pop(f"prov_{kind}")
    if not rows:
        st.info(filters.NO_MATCH, icon=":material/filter_alt:")
        return None
    return st.selectbox(MODES[kind], list(rows), key=f"prov_{kind}",
                        format_func=lambda i: label(rows[i]))


def _claim_label(r) -> str:
    return (f"{labels.measure_label(r['measure'])} · {charts.claim_label(r)} · "
            f"{labels.bound_label(r['qualifier'], r['value'], r['low'], r['high'])} "
            f"({r['n_articles']} article{'s' * (r['n_articles'] != 1)})")


def _mention_label(r) -> str:
    rejected = "REJECTED · " if r.get("review_status") == "rejected" else ""
    return (f"{rejected}{labels.measure_label(r['measure'])} · {r.get('claimant') or 'no claimant'} · "
            f"“{r['quote']}” · {r.get('title') or r['article']}")


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
    st.table(view[list(AUDIT_COLUMNS)].rename(columns=AUDIT_COLUMNS), hide_index=True)
    st.caption("The last decision on a span is the one in force; earlier ones are kept. "
               "Before: the figure as it stood; After: what the decision changed.")


def _cards(mentions) -> None:
    cur = connection.cursor()
    for m in mentions:
        st.html(markup.article_card(queries.article(cur, m["article"]), m))


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
    st.markdown("##### How the wording became the bounds")
    mentions = queries.records(queries.mentions_of_claim(cur, claim_id))
    st.html('<div class="desk-explain">' + html.escape(labels.explain_bounds(
        c["quote"], c["qualifier"], c["value"], c["low"], c["high"])) + "</div>")
    if any(m.get("review_status") in ("edited", "added") for m in mentions):
        st.caption("An analyst set these values (corrected or added the figure), so they "
                   "need not follow from the words; the review history below says what "
                   "changed.")
    st.markdown(f"##### Every article citing this claim ({c['n_articles']})")
    _cards(mentions)
    _audit(mentions, claim_id)


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
    others = [r for r in queries.mentions_of_claim(cur, m["claim_id"]).to_dict("records")
              if r["mention_id"] != mention_id]
    st.markdown(f"##### Other mentions of the same claim ({len(others)})")
    if others:
        _cards(others)
    else:
        st.caption("No other article cites this claim.")

    def open_claim() -> None:
        st.session_state["prov_mode"] = MODES["claim"]
        st.session_state["prov_claim"] = m["claim_id"]

    st.button("Show the whole claim", on_click=open_claim, icon=":material/unfold_more:")


def main() -> None:
    st.title("Provenance")
    st.caption("Choose a claim or a single mention: each sentence is shown inside its "
               "paragraph with the number highlighted, beside the article it comes from.")
    st.html(markup.CSS)
    if filters.empty_store_message():
        return
    _apply_link()
    chosen = filters.current()
    cur = connection.cursor()
    mode = st.radio("Look up", list(MODES.values()), key="prov_mode", horizontal=True)
    if mode == MODES["mention"]:
        chosen = _choose("mention", queries.mentions(cur, chosen), queries.mention, _mention_label)
        if chosen:
            _remember("mention", chosen)
            show_mention(chosen)
    else:
        chosen = _choose("claim", queries.claims(cur, chosen), queries.claim, _claim_label)
        if chosen:
            _remember("claim", chosen)
            show_claim(chosen)


main()

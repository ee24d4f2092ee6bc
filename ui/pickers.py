"""Pickers that search: a text box and the few rows the store ranks best for it (server
side, at most queries.SEARCH_LIMIT), never a list of every claim or mention."""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from analysis.present import charts, labels, queries
from ui.connection import cursor


def claim_option(r: dict) -> str:
    """A claim as a picker lists it: measure · claimant · date · figure (articles)."""
    n = int(r.get("n_articles") or 0)
    return (f"{labels.measure_label(r['measure'])} · {charts.claim_label(r)} · "
            f"{labels.bound_label(r['qualifier'], r['value'], r['low'], r['high'])} "
            f"({n} article{'s' * (n != 1)})")


def mention_option(r: dict) -> str:
    rejected = "REJECTED · " if r.get("review_status") == "rejected" else ""
    return (f"{rejected}{labels.measure_label(r['measure'])} · "
            f"{labels.claimant_name(r.get('claimant'), r.get('claimant_group'))} · "
            f"“{r['quote']}” · {r.get('title') or r['article']}")


def article_option(r: dict) -> str:
    day = r.get("published")
    n = int(r.get("n_mentions") or 0)
    return (f"{r.get('title') or r['article']} · {r.get('publisher') or 'unknown publisher'}"
            f"{f' · {day}' if day else ''} ({n} figure{'s' * (n != 1)})")


def _picker(key: str, label: str, placeholder: str, search: Callable[[str], list[dict]],
            ident: str, describe: Callable[[dict], str], extra: dict | None) -> str | None:
    text = st.text_input(f"Find a {label.lower()}", key=f"{key}_q", placeholder=placeholder)
    found = {r[ident]: r for r in search(text)}
    # The row a link named (or chosen before) stays offered until a search replaces it.
    options = found if text.strip() else {**(extra or {}), **found}
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]  # a new search: its best match is chosen
    if not options:
        st.caption(f"No {label.lower()} matches that search within the filters.")
        return None
    return st.selectbox(label, list(options), key=key, format_func=lambda i: describe(options[i]),
                        help=f"The {queries.SEARCH_LIMIT} best matches of the search; the "
                             "newest when nothing is typed.")


def claim_picker(key: str, chosen: queries.Filters, extra: dict | None = None) -> str | None:
    """Search claims (words, claimant, value); `extra` rows are offered first."""
    return _picker(key, "Claim", "words, a claimant, a value (e.g. NIS 3000)",
                   lambda t: queries.records(queries.search_claims(cursor(), t, chosen)),
                   "claim_id", claim_option, extra)


def mention_picker(key: str, chosen: queries.Filters, extra: dict | None = None) -> str | None:
    """Search mentions (words of the sentence or title, claimant, value)."""
    return _picker(key, "Mention", "words, a claimant, a value, a title (e.g. Kursk)",
                   lambda t: queries.records(queries.search_mentions(cursor(), t, chosen)),
                   "mention_id", mention_option, extra)


def article_picker(key: str, extra: dict | None = None) -> str | None:
    """Search articles (title, publisher, file name)."""
    return _picker(key, "Article", "words of the title, a publisher",
                   lambda t: queries.records(queries.search_articles(cursor(), t)),
                   "article", article_option, extra)

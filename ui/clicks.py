"""Charts a click opens a claim from: draw a chart spec, and open the claim a click chose."""
from __future__ import annotations

import streamlit as st

from analysis.present import charts
from ui import nav


def clicked_claim(event) -> str | None:
    """The claim id a click on a chart selected (any of its CLICK selections), else None."""
    selection = (event or {}).get("selection") or {}
    for name, picked in selection.items():
        if not name.startswith(charts.CLICK) or not picked:
            continue
        first = picked[0] if isinstance(picked, list) else picked
        if isinstance(first, dict) and first.get("claim_id"):
            return str(first["claim_id"])
    return None


def open_claim(claim_id: str) -> None:
    st.switch_page(nav.PROVENANCE, query_params={"claim": claim_id})


def clickable_chart(spec: dict, key: str, alt: str | None = None) -> None:
    """Draw a chart; a click on a claim's point or range bar opens it on Provenance."""
    if not charts.clickable(spec):
        st.vega_lite_chart(spec, theme=None, width="content", key=key, alt=alt)
        return
    event = st.vega_lite_chart(spec, theme=None, width="content", key=key, on_select="rerun",
                               alt=alt)
    claim_id = clicked_claim(event)
    if claim_id:
        open_claim(claim_id)

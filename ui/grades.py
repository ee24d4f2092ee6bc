"""Grading sources (Admiralty) on a page: the grade in force, a form that records a new
one as a decision, and the Review page's conflict handling: a grade taken while someone
else graded the same subject is shown beside theirs, to apply on top or drop."""
from __future__ import annotations

import streamlit as st

from analysis.present import labels
from analysis.store import decisions
from ui import connection, messages

SCALES = {"reliability": decisions.RELIABILITY, "credibility": decisions.CREDIBILITY}


def in_force(subject: dict) -> dict | None:
    """The subject's grade in force in the log (not the store: it may lag a busy refresh)."""
    graded = decisions.grades_in_force(decisions.load(connection.decisions_db()))
    return graded.get((subject["article_sha"], subject["start"], subject["end"]))


def claim_subject(cur, mentions: list[dict]) -> dict:
    """Where a claim's credibility is recorded: the span of its mention that carries its
    grade in force, else of its first mention (a grade follows its mention's claim)."""
    from analysis.present import queries
    graded = decisions.grades_in_force(decisions.load(connection.decisions_db()))
    # with no grade in the log, the first mention's span is the subject: one article to read
    shas = queries.articles_named(cur, (m["article"] for m in (mentions if graded else mentions[:1])),
                                  "article, sha256")
    mentions = mentions if graded else mentions[:1]
    subjects = [{"article": m["article"], "article_sha": (shas.get(m["article"]) or {}).get("sha256") or "",
                 "start": int(m["start"]), "end": int(m["end"]), "quote": m["quote"]}
                for m in mentions]
    held = [(graded[k]["created_at"], graded[k]["id"], s) for s in subjects
            if (k := (s["article_sha"], s["start"], s["end"])) in graded]
    return max(held, key=lambda h: h[:2])[2] if held else subjects[0]


def _who(d: dict) -> str:
    by = f" by {d['author']}" if d.get("author") else ""
    note = f" (note: “{d['note']}”)" if d.get("note") else ""
    return f"{labels.grade_text(d.get('after'))}{by}, {str(d['created_at'])[:16].replace('T', ' ')} UTC{note}"


def _save(key: str, subject: dict, kind: str, grade, note: str, based_on, what: str) -> None:
    try:
        new_id = connection.record(**subject, action=decisions.GRADE, after={kind: grade},
                                   note=(note or "").strip(), based_on=based_on)
    except decisions.Conflict as exc:
        st.session_state.setdefault("grade_conflicts", {})[key] = {
            "grade": grade, "note": note, "other": exc.other}
        st.rerun()
    except decisions.DecisionError as exc:
        st.error(f"Not saved: {messages.md_escape(str(exc).rstrip('.'))}.", icon=":material/block:")
        return
    st.session_state.setdefault("grade_conflicts", {}).pop(key, None)
    st.session_state.setdefault("grade_bases", {})[key] = new_id
    done = f"Graded {what}: {labels.grade_text({kind: grade})}."
    if connection.refresh_store(messages.md_escape(done)):
        messages.flash("success", messages.md_escape(done))
    st.rerun()


def grade_form(key: str, subject: dict, kind: str, what: str) -> None:
    """The grade in force on `subject` and a form for a new one. `kind` is reliability
    (a claimant, A–F) or credibility (a claim, 1–6); `what` names the subject for people."""
    scale = SCALES[kind]
    now = in_force(subject)
    bases = st.session_state.setdefault("grade_bases", {})
    base = bases.setdefault(key, now["id"] if now else None)
    st.caption(messages.md_escape(f"In force: {_who(now)}." if now else "Not graded yet."))
    conflict = st.session_state.setdefault("grade_conflicts", {}).get(key)
    if conflict:
        st.warning(messages.md_escape(
            f"Not saved yet: while you had {what} open, it was graded {_who(conflict['other'])}. "
            f"Yours was {labels.grade_text({kind: conflict['grade']})}. Apply yours on top, "
            "or drop yours and keep the other."), icon=":material/sync_problem:")
        with st.container(horizontal=True, gap="small"):
            if st.button("Apply mine on top", key=f"{key}-ontop", type="primary"):
                _save(key, subject, kind, conflict["grade"], conflict["note"],
                      conflict["other"]["id"], what)
            if st.button("Drop mine", key=f"{key}-drop"):
                st.session_state["grade_conflicts"].pop(key, None)
                bases[key] = conflict["other"]["id"]
                st.rerun()
        return
    current = (now or {}).get("after", {}).get(kind)
    options = list(scale)
    with st.form(f"{key}-form", border=False):
        with st.container(horizontal=True, vertical_alignment="bottom", gap="small"):
            grade = st.selectbox(messages.md_escape(f"{kind.capitalize()} of {what}"), options,  # a label is Markdown
                                 index=options.index(current) if current in options else None,
                                 format_func=lambda g: f"{g} · {scale[g]}", key=f"{key}-grade",
                                 placeholder="Choose a grade")
            note = st.text_input("Note (kept with the grade)", key=f"{key}-note",
                                 placeholder="e.g. confirmed by satellite imagery")
            submitted = st.form_submit_button("Save grade", type="primary", icon=":material/grade:")
    if submitted:
        if grade is None:
            st.error("Choose a grade first.", icon=":material/block:")
            return
        _save(key, subject, kind, grade, note, base, what)

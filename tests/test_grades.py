"""Source grading (Admiralty): grades are decisions in the log, on both backends: checked,
audited, kept apart from the review of a figure, kept across rebuilds, exported and
imported with the other decisions, and the filter "B or better" selects by them."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from analysis import store
from analysis.present import queries
from analysis.present.queries import Filters
from analysis.store import decisions
from analysis.store.decisions_pg import load_from, record_to
from storekit import build_fixture_store

NIS = "National Intelligence Service (NIS)"
KIRBY = "John Kirby"


@pytest.fixture(params=["sqlite", "postgresql"])
def log(request, tmp_path):
    return tmp_path / "review.sqlite" if request.param == "sqlite" else request.getfixturevalue("pg")


SPAN = dict(article="a.txt", article_sha="s" * 64, start=10, end=15, quote="1,500")


@pytest.mark.parametrize("after, kept", [
    ({"reliability": "B"}, {"reliability": "B"}),
    ({"reliability": "F"}, {"reliability": "F"}),
    ({"credibility": 2}, {"credibility": 2}),
    ({"credibility": "6"}, {"credibility": 6}),  # from a CSV export, as text
])
def test_valid_grades_are_kept_as_given(after, kept):
    assert decisions._validate("grade", after) == kept


@pytest.mark.parametrize("after", [
    {}, {"reliability": "G"}, {"reliability": "b"}, {"credibility": 0}, {"credibility": 7},
    {"credibility": 2.5}, {"reliability": "B", "credibility": 2}, {"value": 3000},
])
def test_invalid_grades_are_refused_with_the_scale(after):
    with pytest.raises(decisions.DecisionError, match="A to F"):
        decisions._validate("grade", after)


def test_only_a_named_claimant_can_be_graded():
    with pytest.raises(decisions.DecisionError, match="named claimant"):
        decisions.source_subject("  ")


def test_a_grade_conflicts_with_a_grade_not_with_a_review(log):
    """The same span carries its review and its claim's credibility: a grade taken on the
    span's reviews never conflicts with them, a grade on a changed grade does."""
    review = record_to(log, **SPAN, action="accept", based_on=None, author="Ana")
    first = record_to(log, **SPAN, action="grade", after={"credibility": 2}, based_on=None,
                      note="two sources agree", author="Ana")
    with pytest.raises(decisions.Conflict) as refused:
        record_to(log, **SPAN, action="grade", after={"credibility": 4}, based_on=None, author="Bo")
    assert refused.value.other["id"] == first and refused.value.other["author"] == "Ana"
    # and a review on the span still checks against reviews only
    record_to(log, **SPAN, action="reject", based_on=review)
    on_top = record_to(log, **SPAN, action="grade", after={"credibility": 4}, based_on=first,
                       author="Bo")
    graded = decisions.grades_in_force(load_from(log))
    assert graded[(SPAN["article_sha"], SPAN["start"], SPAN["end"])]["id"] == on_top
    source = decisions.source_subject(NIS)
    record_to(log, **source, action="grade", after={"reliability": "B"}, based_on=None)
    with pytest.raises(decisions.Conflict):
        record_to(log, **source, action="grade", after={"reliability": "C"}, based_on=None)
    # the review in force is the rejection: a grade is never a figure's review
    assert [d["action"] for d in decisions.latest(load_from(log))] == ["reject"]


# --- in the store ------------------------------------------------------------------------

@pytest.fixture(autouse=True)
def fixed_rules(monkeypatch):
    monkeypatch.setattr(store, "extractor_version", lambda: "test-rules")


def _con(data: Path):
    return duckdb.connect(str(store.current_path(data / "estimates.duckdb")), read_only=True)


def _mention(data: Path, quote: str) -> dict:
    with _con(data) as con:
        article, sha, start, end, claim_id = con.execute(
            'SELECT f.article, a.sha256, f."start", f."end", f.claim_id FROM figures f '
            "JOIN articles a USING (article) WHERE f.quote = ?", [quote]).fetchone()
    return {"article": article, "article_sha": sha, "start": start, "end": end,
            "quote": quote, "claim_id": claim_id}


def _grade_desk(data: Path) -> dict:
    """NIS graded B, Kirby E, Zelensky F; the NIS claim credibility 2; returns the claim."""
    db = store.decisions_path(data / "estimates.duckdb")
    for who, grade in ((NIS, "B"), (KIRBY, "E"), ("Volodymyr Zelensky", "F"), (NIS, "A")):
        record_to(db, **decisions.source_subject(who), action="grade",
                  after={"reliability": grade}, note=f"{who} graded", author="Ana")
    # NIS is regraded A then back to B: the latest stands
    record_to(db, **decisions.source_subject(NIS), action="grade", after={"reliability": "B"},
              created_at="2999-01-01T00:00:00+00:00", author="Bo")
    m = _mention(data, "1,500")
    record_to(db, **{k: m[k] for k in ("article", "article_sha", "start", "end", "quote")},
              action="grade", after={"credibility": 2}, note="matches the briefing", author="Ana")
    return m


def _graded_claims(data: Path) -> dict[str, tuple]:
    with _con(data) as con:
        df = queries.graded(con, queries.claims(con))
    return {r["claim_id"]: (r["claimant"], r["reliability"], r["credibility"], r["grade"])
            for r in df.to_dict("records") if r["grade"]}


def test_grades_show_on_claims_and_survive_a_rebuild(tmp_path, shared_log):
    data = tmp_path / "data"
    build_fixture_store(data)
    m = _grade_desk(data)
    store.refresh(data / "articles", data / "estimates.duckdb")
    first = _graded_claims(data)
    assert first[m["claim_id"]] == (NIS, "B", 2, "B2")
    assert {c for c, *_ in first.values()} == {NIS, KIRBY, "Volodymyr Zelensky"}
    with _con(data) as con:
        status = con.execute("SELECT review_status FROM figures WHERE quote = '1,500'").fetchone()[0]
        who = queries.source_grades(con).set_index("claimant").loc[NIS, "reliability_by"]
    assert status == "unreviewed"  # graded, not reviewed
    assert who == "Bo"
    build_fixture_store(data)  # every article extracted anew, the log applied again
    assert _graded_claims(data) == first


def test_a_claims_grade_is_orphaned_when_its_text_changes(tmp_path):
    data = tmp_path / "data"
    build_fixture_store(data)
    m = _grade_desk(data)
    path = data / "articles" / m["article"]
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:m["start"]] + "2,500" + text[m["end"]:], encoding="utf-8")
    store.build(data / "articles", data / "estimates.duckdb")  # the real extractor, new text
    with _con(data) as con:
        orphans = queries.decisions(con, orphans_only=True)
        assert queries.claim_grades(con).empty
        assert len(queries.source_grades(con)) == 3  # a source's grade has no text to lose
    assert list(orphans["action"]) == ["grade"]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_grades_round_trip_through_export_and_import(tmp_path, shared_log, monkeypatch, fmt):
    desk_a = tmp_path / "a" / "data"
    build_fixture_store(desk_a)
    _grade_desk(desk_a)
    store.refresh(desk_a / "articles", desk_a / "estimates.duckdb")
    logged = decisions.load(store.decisions_path(desk_a / "estimates.duckdb"))
    exported = (decisions.export_json(logged) if fmt == "json" else decisions.export_csv(logged))
    # the second desk keeps its log in SQLite
    monkeypatch.delenv(store.DECISIONS_ENV, raising=False)
    desk_b = tmp_path / "b" / "data"
    build_fixture_store(desk_b)
    rows = decisions.parse_export(exported.encode(), f"decisions.{fmt}")
    assert decisions.import_decisions(store.decisions_path(desk_b / "estimates.duckdb"), rows) == 6
    store.refresh(desk_b / "articles", desk_b / "estimates.duckdb")
    assert _graded_claims(desk_b) == _graded_claims(desk_a)
    imported = decisions.load(store.decisions_path(desk_b / "estimates.duckdb"))
    fields = lambda log: sorted((d["created_at"], d["author"], str(d["after"]), d["note"]) for d in log)
    assert fields(imported) == fields(logged)  # audited: who, what, why, when


@pytest.mark.parametrize("at_least, claimants", [
    ("A", set()),
    ("B", {NIS}),
    ("E", {NIS, KIRBY}),  # F, "cannot be judged", is never "or better"
])
def test_reliability_filter_keeps_sources_graded_that_well(tmp_path, at_least, claimants):
    data = tmp_path / "data"
    build_fixture_store(data)
    _grade_desk(data)
    store.refresh(data / "articles", data / "estimates.duckdb")
    with _con(data) as con:
        chosen = queries.claims(con, Filters(reliability_at_least=at_least))
        everything = queries.graded(con, queries.claims(con))
        mentions = queries.mentions(con, Filters(reliability_at_least=at_least))
    assert set(chosen["claimant"]) == claimants
    expected = everything[everything["reliability"].isin([g for g in "ABCDE" if g <= at_least])]
    assert sorted(chosen["claim_id"]) == sorted(expected["claim_id"])
    assert set(mentions["claim_id"]) == set(chosen["claim_id"])


def test_credibility_filter_and_the_filter_description(tmp_path):
    data = tmp_path / "data"
    build_fixture_store(data)
    m = _grade_desk(data)
    store.refresh(data / "articles", data / "estimates.duckdb")
    with _con(data) as con:
        assert list(queries.claims(con, Filters(credibility_at_least=2))["claim_id"]) == [m["claim_id"]]
        assert queries.claims(con, Filters(credibility_at_least=1)).empty
    assert Filters(reliability_at_least="B", credibility_at_least=2).describe() == \
        "Sources graded B or better · Claims graded 2 or better"

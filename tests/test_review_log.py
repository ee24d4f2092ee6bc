"""Review decisions survive rebuilds and changes to the extractor; lost ones are listed."""
from __future__ import annotations

import duckdb

from analysis import store
from analysis.store import decisions


def _figures(link) -> dict[str, dict]:
    con = duckdb.connect(str(store.current_path(link)), read_only=True)
    try:
        rows = con.execute("SELECT * FROM figures").df().to_dict("records")
        return {r["quote"]: r for r in rows}
    finally:
        con.close()


def _decide(link, quote: str, action: str, after: dict | None = None) -> None:
    con = duckdb.connect(str(store.current_path(link)), read_only=True)
    article, sha, start, end = con.execute(
        'SELECT f.article, a.sha256, f."start", f."end" FROM figures f JOIN articles a USING (article) '
        "WHERE f.quote = ?", [quote]).fetchone()
    con.close()
    decisions.record(store.decisions_path(link), article=article, article_sha=sha, start=start,
                  end=end, quote=quote, action=action, after=after, note="checked by hand")


def test_an_edit_survives_a_full_rebuild(corpus):
    link = corpus / "estimates.duckdb"
    store.build(corpus / "articles", link)
    _decide(link, "approximately 1,500", "edit", {"value": 1600, "low": 1600, "high": 1600,
                                                  "qualifier": "approx", "measure": "troops_deployed",
                                                  "claimant": "NIS", "claimant_group": "South Korea",
                                                  "claim_date": None})
    store.build(corpus / "articles", link)
    row = _figures(link)["approximately 1,500"]
    assert (row["value"], row["review_status"], row["review_note"]) == (1600, "edited", "checked by hand")


def test_decisions_follow_a_changed_extractor(corpus, monkeypatch):
    link = corpus / "estimates.duckdb"
    store.build(corpus / "articles", link)
    _decide(link, "approximately 1,500", "accept")
    _decide(link, "up to 12,000", "reject")
    real = store.extract_article

    def narrower(article):
        # a later extractor quotes the bare number and no longer finds the 1,500
        rows = [dict(r) for r in real(article) if r["quote"] != "approximately 1,500"]
        for r in rows:
            if r["quote"] == "up to 12,000":
                r["start"] += len("up to ")
                r["quote"] = "12,000"
        return rows

    monkeypatch.setattr(store, "extract_article", narrower)
    store.build(corpus / "articles", link)
    figures = _figures(link)
    assert figures["approximately 1,500"]["review_status"] == "accepted"  # kept by the analyst
    assert figures["12,000"]["review_status"] == "rejected"              # the span overlaps
    con = duckdb.connect(str(store.current_path(link)), read_only=True)
    assert con.execute("SELECT count(*) FROM claims WHERE value = 12000").fetchone()[0] == 0
    con.close()


def test_a_decision_whose_text_is_gone_is_listed_not_dropped(corpus):
    link = corpus / "estimates.duckdb"
    store.build(corpus / "articles", link)
    _decide(link, "approximately 1,500", "accept")
    path = corpus / "articles" / "004_4538a7378ebe7523.txt"
    path.write_text(path.read_text().replace("approximately 1,500", "about 1,500"))
    store.refresh(corpus / "articles", link)
    con = duckdb.connect(str(store.current_path(link)), read_only=True)
    orphans = con.execute("SELECT quote, orphan_reason FROM decisions WHERE orphan_reason IS NOT NULL").fetchall()
    con.close()
    assert orphans == [("approximately 1,500", "the article's text changed and no longer holds "
                                               "that text at that place")]
    assert len(decisions.load(store.decisions_path(link))) == 1
    path.unlink()
    store.refresh(corpus / "articles", link)
    con = duckdb.connect(str(store.current_path(link)), read_only=True)
    reason = con.execute("SELECT orphan_reason FROM decisions").fetchone()[0]
    con.close()
    assert reason == "its article is no longer in the corpus"

"""`python -m analysis.extract`, run as a user would."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from analysis.extract import OUTPUT_FIELDS
from tests.conftest import ARTICLES, ROOT


def run(*paths) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis.extract", *map(str, paths)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_prints_one_json_object_per_figure_with_exact_offsets():
    result = run(ARTICLES)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows
    for row in rows:
        assert tuple(row) == OUTPUT_FIELDS
        text = (ARTICLES / row["article"]).read_text(encoding="utf-8")
        assert text[row["start"]:row["end"]] == row["quote"]
        assert row["quote"] in row["sentence"]


def test_unreadable_files_are_named_and_the_others_still_go_through(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "cp1252.txt").write_bytes("North Korea sent 1,500 troops \x93quoted\x94".encode("latin-1"))
    (tmp_path / "huge.txt").write_bytes(b"North Korea sent 1,500 troops. " * 400_000)
    good = tmp_path / "good.txt"
    good.write_text("The NIS said North Korea has sent 1,500 soldiers to Russia.\n")
    result = run(tmp_path, tmp_path / "missing.txt")
    assert result.returncode != 0
    for name in ("empty.txt", "binary.txt", "cp1252.txt", "huge.txt", "missing.txt"):
        assert name in result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["article"], r["value"]) for r in rows] == [("good.txt", 1500)]

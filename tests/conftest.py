"""Shared fixtures: the repository's paths and a private copy of the shipped articles."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A data folder holding a copy of the shipped articles."""
    data = tmp_path / "data"
    shutil.copytree(ARTICLES, data / "articles")
    return data


@pytest.fixture(scope="session")
def desk_data(tmp_path_factory) -> Path:
    """A data folder holding the dashboard tests' hand-labelled store (see storekit.py)."""
    from storekit import build_fixture_store

    data = tmp_path_factory.mktemp("desk") / "data"
    build_fixture_store(data)
    return data


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium under Playwright, shared by the browser tests of a session."""
    from playwright.sync_api import sync_playwright

    from test_browser import ARGS, CHROMIUM

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser context (its own cookies and session) at a desktop size."""
    ctx = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    yield ctx
    ctx.close()


PG_ENV = "ESTIMATE_DESK_TEST_PG"  # a DSN to a server the tests may create databases on


@pytest.fixture
def pg():
    """A fresh PostgreSQL database on the test server (.ci/run starts one), dropped after."""
    import os
    import uuid
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"no PostgreSQL server: {PG_ENV} is unset (.ci/run installs Debian's "
                    "postgresql and starts one)")
    import psycopg
    name = f"desk_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    yield base.replace("/postgres?", f"/{name}?", 1)
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_log(request, monkeypatch):
    """Run a test on the SQLite log and on a shared PostgreSQL log (ESTIMATE_DESK_DECISIONS)."""
    from analysis.store import DECISIONS_ENV
    if request.param == "postgresql":
        monkeypatch.setenv(DECISIONS_ENV, request.getfixturevalue("pg"))
    else:
        monkeypatch.delenv(DECISIONS_ENV, raising=False)
    return request.param

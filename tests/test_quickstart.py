"""The quick start on a fresh machine: `make run` reaches a server with no question asked,
under a pseudo-terminal (`script`) and with no terminal input at all.

It runs in a copy of the checkout (its own data/, the shared .venv linked in) with an
empty HOME, so Streamlit has no saved credentials, as on a machine that never ran it.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STARTUP = 120  # seconds for setup, the build and the server: generous on a busy machine
LEFT_OUT = {".git", ".venv", "artifacts", "tests", "bench", "docs", "__pycache__"}


def _skip(folder: str, names: list[str]) -> set[str]:
    """The copy takes the code and the shipped articles, not the developer's data."""
    if Path(folder) == ROOT / "data":
        return {n for n in names if n != "articles"}
    return LEFT_OUT & set(names)

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not shutil.which("script") or not shutil.which("make"),
                                 reason="needs `script` (util-linux) and make")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def fresh_clone(tmp_path) -> Path:
    """The checkout's files without its data, the venv linked in (nothing to install)."""
    clone = tmp_path / "estimate-desk"
    shutil.copytree(ROOT, clone, ignore=_skip)
    (clone / ".venv").symlink_to((ROOT / ".venv").resolve())
    return clone


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
            return r.read().strip() == b"ok"
    except OSError:
        return False


def _stop(proc: subprocess.Popen) -> None:
    """End make and everything it started (its own session)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=20)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.mark.parametrize("terminal", ["pty", "none"])
def test_make_run_serves_with_no_question(fresh_clone, tmp_path, terminal):
    port = _free_port()
    home = tmp_path / "home"
    home.mkdir()
    command = ["make", "run", f"PORT={port}"]
    if terminal == "pty":  # a terminal that never types anything
        command = ["script", "-qefc", " ".join(command), "/dev/null"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STREAMLIT_", "ESTIMATE_DESK"))}
    log = tmp_path / "run.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(command, cwd=fresh_clone, env={**env, "HOME": str(home)},
                                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP
        while not _healthy(url):
            assert proc.poll() is None, f"make run exited ({proc.returncode}):\n{log.read_text()[-3000:]}"
            assert time.monotonic() < deadline, f"no server after {STARTUP} s:\n{log.read_text()[-3000:]}"
            time.sleep(0.5)
        time.sleep(1)  # anything printed after the server came up
    finally:
        _stop(proc)
    said = log.read_text(errors="replace")
    assert "Email" not in said and "usage statistics" not in said, said[-3000:]
    assert "Traceback" not in said, said[-3000:]
    assert (fresh_clone / "data" / "estimates.duckdb").resolve().exists()  # built, in the copy
    assert not (home / ".streamlit" / "credentials.toml").exists()

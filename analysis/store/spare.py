"""A standby copy of the current store file, so an update need not copy the store while a
reader holds it.

DuckDB lets no process write a file another process has open, so an update made while the
dashboard reads the store is written on a copy that is then switched to. Copying the whole
file on the update's time grows with the corpus (600 MB at 100,000 articles), so after each
write a low-priority background process copies the new file ahead of time; the next update
that meets a reader takes that copy instead, when it is still a copy of the file as it is.
The copy is named after the file's size and mtime, so a file written since (in place) has
no spare and the update copies as before.

This file runs as a script (`python spare.py FILE SIZE MTIME_NS`) and imports nothing of
the package, so the background copy starts in a few milliseconds.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path


def spare_path(source: Path) -> Path | None:
    """Where the spare of `source`, as the file and its WAL are now, is kept; None when
    the file is gone."""
    try:
        stat = source.stat()
    except OSError:
        return None
    name = f".{source.name}.{stat.st_size}-{stat.st_mtime_ns}"
    try:
        wal = _wal(source).stat()  # an update leaves its write in the WAL
        name += f"-{wal.st_size}-{wal.st_mtime_ns}"
    except OSError:
        pass
    return source.with_name(name + ".spare")


def _wal(source: Path) -> Path:
    return Path(str(source) + ".wal")


def copy(source: Path, dest: Path, sync: bool = False) -> None:
    """Copy a store file and its WAL (when it has one) to `dest` (and dest's WAL)."""
    pairs = [(source, dest)]
    if _wal(source).exists():
        pairs.append((_wal(source), _wal(dest)))
    for src, dst in pairs:
        shutil.copyfile(src, dst)
        if sync:
            with open(dst, "rb+") as handle:
                os.fsync(handle.fileno())


def make(source: Path, expected: Path | None = None) -> Path | None:
    """Copy `source` to its spare (one copy at a time per folder); the copy is kept only
    when the file did not change while it was copied, and only while no other is wanted
    (`expected`: the spare the caller asked for; a later write has made it stale)."""
    with open(source.parent / ".spare.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        target = spare_path(source)
        if target is None or (expected is not None and target != expected):
            return None
        if target.exists():
            drop_stale(source.parent, keep=target)
            return target
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        try:
            # flushed here: else the update that takes it pays for writing the whole copy
            # to disk when its commit syncs the file
            copy(source, tmp, sync=True)
            if spare_path(source) != target:
                # written to meanwhile: the copy may be torn
                for left in (tmp, _wal(tmp)):
                    left.unlink(missing_ok=True)
                return None
            if _wal(tmp).exists():
                os.replace(_wal(tmp), _wal(target))
            os.replace(tmp, target)
        except OSError:
            for left in (tmp, _wal(tmp), _wal(target)):
                left.unlink(missing_ok=True)
            return None
        drop_stale(source.parent, keep=target)
        return target


TRASH = ".old"  # the suffix of builds set aside to be deleted here


def drop_stale(folder: Path, keep: Path | None = None) -> None:
    """Remove the spares (and half-made ones) of files as they no longer are, and the old
    builds set aside: done here, after the next spare is made, as unlinking a large file
    takes a while."""
    for path in [*folder.glob(".*.spare*"), *folder.glob(f".*{TRASH}")]:
        if path != keep and not (keep is not None and path.name.startswith(keep.name)):
            path.unlink(missing_ok=True)


def take(source: Path, dest: Path) -> bool:
    """Move the spare of `source` as the file is now to `dest`; False when there is none.
    The caller holds the writer lock, so the file cannot change meanwhile."""
    target = spare_path(source)
    if target is None or not target.exists():
        return False
    try:
        if _wal(target).exists():
            os.replace(_wal(target), _wal(dest))
        elif _wal(source).exists():
            return False  # a spare without the WAL it needs (not one make() offers)
        os.replace(target, dest)
    except OSError:
        _wal(dest).unlink(missing_ok=True)
        return False
    return True


def start(source: Path) -> None:
    """Make the spare of `source` in a detached, low-priority process (it outlives a
    command-line ingest)."""
    expected = spare_path(source)
    if expected is None:
        return
    subprocess.Popen([sys.executable, __file__, str(source), str(expected)],
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True)


# Seconds a file must stay unwritten before it is copied: writes in quick succession
# (a batch of ingests, decisions in a row) then make one copy, after the last, rather than
# each a copy that competes with the next write for the disk.
QUIET = 3.0

if __name__ == "__main__":
    os.nice(10)  # here, not in a preexec_fn: that would make Popen fork the whole writer
    time.sleep(QUIET)
    make(Path(sys.argv[1]), Path(sys.argv[2]))

"""The index's processes and side folders: worker processes that die with their parent,
and side folders a killed rebuild left behind.

whoosh's multi-process writer forks its workers with :mod:`multiprocessing`; killed with
``kill -9``, the parent could leave them running (holding the index's write lock through the
inherited file descriptor).  :func:`guard_workers` registers an after-fork hook that makes
each worker ask the kernel for SIGKILL when its parent dies (Linux ``PR_SET_PDEATHSIG``) and,
on every platform, watch its parent and exit when it is gone.
"""

from __future__ import annotations

import ctypes
import logging
import os
import shutil
import signal
import sys
import threading
import time
from multiprocessing import util as mp_util
from pathlib import Path

log = logging.getLogger(__name__)
WATCH_SECONDS = 0.5
BULK_UPDATE_ROWS = 20000  # an update this large may be done as a rebuild (bulk_rebuild_pays)
_PR_SET_PDEATHSIG = 1


class _Hook:
    """The object :func:`multiprocessing.util.register_after_fork` keeps (weakly)."""

    def __init__(self) -> None:
        self.parent = os.getpid()


_hook: _Hook | None = None
_hook_lock = threading.Lock()


def _die_with_parent(hook: _Hook) -> None:
    parent = hook.parent
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request above
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(WATCH_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
    hook.parent = os.getpid()  # a worker's own children watch the worker


def guard_workers() -> None:
    """From now on, processes this process starts with :mod:`multiprocessing` die with it."""
    global _hook
    with _hook_lock:
        if _hook is None or _hook.parent != os.getpid():
            _hook = _Hook()
            mp_util.register_after_fork(_hook, _die_with_parent)
        else:
            _hook.parent = os.getpid()


def write_locked(folder: Path) -> bool:
    """True while some process holds whoosh's write lock on the index in ``folder``."""
    from whoosh.filedb.filestore import FileStorage

    if not (folder / "MAIN_WRITELOCK").exists():
        return False
    lock = FileStorage(str(folder)).lock("MAIN_WRITELOCK")
    try:
        if lock.acquire(blocking=False):
            lock.release()
            return False
    except OSError:
        return False
    return True


def clean_stale(root: Path, names: tuple[str, ...]) -> list[Path]:
    """Remove side folders under ``root`` no live writer holds (left by a killed rebuild)."""
    removed = []
    for name in names:
        folder = root / name
        if folder.is_dir() and not write_locked(folder):
            shutil.rmtree(folder, ignore_errors=True)
            if not folder.exists():
                removed.append(folder)
                log.info("removed a stale index folder %s", folder)
    return removed


def default_procs(total: int) -> int:
    """Writer processes for a rebuild: two for a large library, but only from a
    single-threaded process (the command line).  whoosh's multiprocess writer forks, and
    forking a process whose other threads hold locks (the GUI with Qt's worker threads, a
    database pool) can leave the child deadlocked; there the rebuild runs in one process."""
    if total < 20000 or threading.active_count() > 1:
        return 1
    return 2


def bulk_rebuild_pays(pending: int, total: int) -> bool:
    """Whether indexing ``pending`` new records is faster as a full multi-process rebuild:
    updating costs about twice a rebuild per record (each update looks its record up), so a
    rebuild wins when the new records are at least half of all and there are enough of them
    for two processes."""
    return pending >= BULK_UPDATE_ROWS and pending * 2 >= total and default_procs(total) > 1

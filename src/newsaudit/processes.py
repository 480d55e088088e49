"""Worker processes that do not outlive the process that started them.

A pool's workers wait on a queue the parent feeds; when the parent is killed outright (SIGKILL,
the kernel's out-of-memory killer) nothing closes that queue, and the workers would wait forever
holding their loaded models. ``die_with_parent`` asks Linux to kill the worker with its parent
(``prctl(PR_SET_PDEATHSIG)``), and elsewhere watches the parent from a thread.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # linux/prctl.h
WATCH_SECONDS = 1.0


def die_with_parent(parent: int) -> None:
    """End this process when the process ``parent`` (its starter, by pid) ends."""
    if not (sys.platform.startswith("linux") and _kill_on_parent_death()):
        threading.Thread(target=_watch, args=(parent,), name="newsaudit-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _kill_on_parent_death() -> bool:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)

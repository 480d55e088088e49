"""Worker processes end with the process that started them, even one killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsaudit import processes

# A parent that forks a worker which asks to die with it, prints the worker's pid, then waits.
PARENT = """
import os, sys, time
from newsaudit.processes import die_with_parent
parent = os.getpid()
child = os.fork()
if child == 0:
    die_with_parent(parent)
    time.sleep(120)
    os._exit(0)
print(child, flush=True)
time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _run_and_kill_parent(script: str) -> int:
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        child = int(parent.stdout.readline())
        assert _alive(child)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.1)
        return child
    finally:
        if parent.poll() is None:
            parent.kill()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads processes from /proc (Linux)")
def test_a_worker_dies_when_its_parent_is_killed():
    child = _run_and_kill_parent(PARENT)
    alive = _alive(child)
    if alive:
        os.kill(child, signal.SIGKILL)
    assert not alive, "the worker outlived its parent"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads processes from /proc (Linux)")
def test_the_watching_thread_ends_a_worker_where_prctl_is_not_there():
    script = PARENT.replace("from newsaudit.processes import die_with_parent",
                            "import newsaudit.processes as p\np._kill_on_parent_death = lambda: False\n"
                            "p.WATCH_SECONDS = 0.1\ndie_with_parent = p.die_with_parent")
    child = _run_and_kill_parent(script)
    alive = _alive(child)
    if alive:
        os.kill(child, signal.SIGKILL)
    assert not alive, "the worker outlived its parent"


def test_a_worker_whose_parent_is_already_gone_exits(monkeypatch):
    exits = []
    monkeypatch.setattr(processes, "_kill_on_parent_death", lambda: True)
    monkeypatch.setattr(processes.os, "_exit", exits.append)
    processes.die_with_parent(os.getppid() + 1_000_000)  # not our parent: it died before we asked
    assert exits == [1]

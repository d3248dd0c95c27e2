"""One piece of work in a forked child (relance_xlsx/forking.py): its result as made in one
process, None whenever the child failed (the caller then does the work), and no child left
once the run stops."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from relance_xlsx.forking import Forked, Pieces, Receive

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork: Linux only")

PARENT = os.getpid()
MEGABYTES = b"x" * 3_000_000 + b"fin"
LONG = "apr\xe8s" * 100_000


def _files(receive: Receive) -> dict[str, list[Path]]:
    return {f"client {i}": [Path(f"contentieux/client {i}/dossier.docx")] for i in range(500)}


def _arrays(receive: Receive) -> dict[str, Any]:
    return {"n": np.arange(1_000_000), "s": np.array(["a", None] * 1000, dtype=object)}


def _joined(receive: Receive) -> bytes:
    head, tail = receive()
    return head + b"-" + tail.encode()


@pytest.mark.parametrize(
    ("work", "message", "expected"),
    [
        (lambda receive: b"", None, b""),
        (lambda receive: b"[1,2]", None, b"[1,2]"),
        (lambda receive: MEGABYTES, None, MEGABYTES),
        (_files, None, _files(lambda: None)),
        (_arrays, None, _arrays(lambda: None)),
        (_joined, (b"avant", LONG), b"avant-" + LONG.encode()),
        (
            lambda receive: Pieces([memoryview(MEGABYTES), memoryview(b","), memoryview(b"")]),
            None,
            MEGABYTES + b",",
        ),
        (lambda receive: Pieces(), None, b""),
    ],
    ids=[
        "empty-bytes",
        "small-bytes",
        "megabytes",
        "paths",
        "arrays",
        "message",
        "pieces",
        "no-piece",
    ],
)
def test_the_child_s_result_is_the_work_s(
    work: Callable[[Receive], Any], message: object, expected: object
) -> None:
    with Forked(work) as child:
        assert child.pid
        if message is not None:
            child.send(message)
        got = child.result()
    if isinstance(expected, dict) and "n" in expected:
        assert isinstance(got, dict)
        np.testing.assert_array_equal(got["n"], expected["n"])
        assert got["s"].tolist() == expected["s"].tolist()
        got["n"][0] = 7  # its own memory, writable
    else:
        assert got == expected and type(got) is type(expected)


def _raises(receive: Receive) -> int:
    raise ValueError("in the child")


def _short_of_memory(receive: Receive) -> str:
    if os.getpid() != PARENT:
        raise MemoryError  # as if the child were short of memory
    return "fait ici"


def _unpicklable(receive: Receive) -> Callable[[], int]:
    return lambda: 1  # a local function: pickle refuses it


def _stopped(receive: Receive) -> int:
    os.kill(os.getpid(), signal.SIGKILL)
    return 1


def _message_that_cannot_travel(child: Forked[Any]) -> None:
    child.send(lambda: 1)


@pytest.mark.parametrize(
    ("work", "before"),
    [
        (_raises, None),
        (_short_of_memory, None),
        (_unpicklable, None),
        (_stopped, None),
        (lambda receive: receive(), _message_that_cannot_travel),
        (lambda receive: receive(), None),
        (lambda receive: time.sleep(30), lambda child: os.kill(child.pid, signal.SIGKILL)),
    ],
    ids=[
        "error",
        "memory",
        "result-that-cannot-travel",
        "killed",
        "message-that-cannot-travel",
        "message-never-sent",
        "killed-by-another",
    ],
)
def test_a_failed_child_gives_none(
    work: Callable[[Receive], Any], before: Callable[[Forked[Any]], None] | None
) -> None:
    started = time.monotonic()
    with Forked(work) as child:
        assert child.pid
        if before is not None:
            before(child)
        assert child.result() is None
        assert child.result() is None  # once
    assert time.monotonic() - started < 10
    assert not _children()


def test_without_start_there_is_no_child() -> None:
    with Forked(lambda receive: 1, start=False) as child:
        assert child.pid == 0
        child.send("rien")
        assert child.result() is None


@pytest.mark.parametrize("awaits", [False, True], ids=["working", "waiting-for-its-message"])
def test_no_child_left_once_the_run_stops(awaits: bool) -> None:
    def slow(receive: Receive) -> None:
        if awaits:
            receive()
        time.sleep(60)

    with pytest.raises(KeyboardInterrupt), Forked(slow) as child:
        pid = child.pid
        assert pid in _children()
        raise KeyboardInterrupt  # the run stopped while the child works
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # killed and reaped: no such child any more


def test_the_child_writes_nothing_to_the_run_s_streams(capfd: pytest.CaptureFixture[str]) -> None:
    def noisy(receive: Receive) -> int:
        print("dans l'enfant")
        print("erreur", file=sys.stderr)
        return 2

    with Forked(noisy) as child:
        assert child.result() == 2
    assert capfd.readouterr() == ("", "")


@pytest.fixture
def ctrl_c_interrupts() -> Iterator[None]:
    """Ctrl+C raises KeyboardInterrupt, as in a terminal, even when this run inherited it ignored
    (a job started in the background of a script does: Python then keeps SIGINT ignored)."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, before)


def _children() -> set[int]:
    """This process's living (or unreaped) children."""
    found: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        found |= {int(p) for p in (task / "children").read_text().split()}
    return found


@pytest.mark.usefixtures("ctrl_c_interrupts")
def test_a_run_stopped_while_waiting_leaves_no_child() -> None:
    def stop_the_run() -> None:
        time.sleep(0.3)
        os.kill(PARENT, signal.SIGINT)  # Ctrl+C while the run waits for the child's result

    with pytest.raises(KeyboardInterrupt), Forked(lambda receive: time.sleep(60)) as child:
        pid = child.pid
        threading.Thread(target=stop_the_run, daemon=True).start()
        child.result()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


@pytest.mark.usefixtures("ctrl_c_interrupts")
def test_a_ctrl_c_at_the_fork_leaves_no_child(monkeypatch: pytest.MonkeyPatch) -> None:
    # Ctrl+C pressed while it is held back over the fork is raised once let through: the
    # child then exists, and must be killed with the run all the same.
    fork = os.fork

    def interrupted_fork() -> int:
        os.kill(os.getpid(), signal.SIGINT)
        return fork()

    monkeypatch.setattr(os, "fork", interrupted_fork)
    with pytest.raises(KeyboardInterrupt), Forked(lambda receive: time.sleep(30)):
        pass  # pragma: no cover - the interrupt comes first
    monkeypatch.setattr(os, "fork", fork)
    assert not _children()

"""Work done on the other core (results.Forked), and the dry run's invoices' JSON made there:
the same bytes, the same error, no process left behind."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
import time

import orjson
import pytest
from conftest import settings_near

from relance_xlsx import Settings, run
from relance_xlsx.errors import RelanceError
from relance_xlsx.results import Forked

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork on Linux only")


def _big(receive) -> bytes:
    return b"x" * 3_000_000 + b"fin"


def _refused(receive) -> bytes:
    raise RelanceError("Colonne absente.", sheet="Factures", row=4, column="Montant")


def _joined(receive) -> bytes:
    head, tail = receive()
    return head + b"-" + tail


@pytest.mark.parametrize(
    "work, message, expected",
    [
        (lambda receive: b"", None, b""),
        (lambda receive: b"[1,2]", None, b"[1,2]"),
        (_big, None, _big(None)),
        (_joined, (b"avant", b"apr\xc3\xa8s" * 100_000), b"avant-" + b"apr\xc3\xa8s" * 100_000),
    ],
    ids=["empty", "small", "megabytes", "message"],
)
def test_the_work_s_bytes_come_back(work, message, expected):
    with Forked(work) as forked:
        if message is not None:
            forked.send(message)
        assert forked.result() == expected


def test_an_error_is_raised_as_without_the_process():
    with Forked(_refused) as forked, pytest.raises(RelanceError) as caught:
        forked.result()
    assert str(caught.value) == str(_error())
    assert (caught.value.sheet, caught.value.row, caught.value.column) == ("Factures", 4, "Montant")


def _error() -> RelanceError:
    try:
        _refused(None)
    except RelanceError as error:
        return error
    raise AssertionError


def _slow_in_the_process(parent: int, receive) -> bytes:
    if os.getpid() != parent:
        time.sleep(30)
    return b"ok"


@linux
def test_a_killed_process_s_work_is_done_here():
    parent = os.getpid()
    with Forked(lambda receive: _slow_in_the_process(parent, receive)) as forked:
        os.kill(forked._pid, signal.SIGKILL)
        forked.send(("the process is gone",))
        started = time.monotonic()
        assert forked.result() == b"ok"
    assert time.monotonic() - started < 10


@linux
def test_a_run_stopped_leaves_no_process():
    with pytest.raises(KeyboardInterrupt), Forked(lambda receive: receive() or b"") as forked:
        pid = forked._pid
        assert pid
        raise KeyboardInterrupt
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # killed and reaped: no such child any more


@pytest.mark.parametrize("complete", [True, False], ids=["posted", "held-to-complete"])
def test_the_dry_run_s_invoices_text_is_their_records_json(sample, complete):
    settings = settings_near(sample) if complete else Settings()  # no creditor: letters held
    day = dt.date(2026, 11, 22)
    records = run(sample, settings, as_of=day, dry_run=True)
    text = run(sample, settings, as_of=day, dry_run=True, invoices_as_json=True)
    assert text.invoices == [] and text.invoices_json is not None
    assert bool(records.letters) == complete and bool(records.to_complete) != complete
    assert orjson.dumps(text.to_json()) == orjson.dumps(records.to_json())
    assert len(orjson.loads(text.invoices_json)) == len(records.invoices) > 0

"""However the page's server stops (« Quitter », Ctrl+C, the console closed, the session
ended), the previews' temporary folder, with copies of the clients' letters, goes with it
(review-attackpage 4)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import httpx
import pytest

STOPS = {
    "ctrl-c": signal.SIGINT,
    "terminated": signal.SIGTERM,
    "console-closed": getattr(signal, "SIGHUP", None),
    "quitter": None,
}


def _console_signals() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("stop", STOPS.values(), ids=STOPS)
def test_the_preview_folder_goes_with_the_server(tmp_path, stop):
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {
        **os.environ,
        "TMPDIR": str(temp),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
        "PYTHONUNBUFFERED": "1",
    }
    ui = subprocess.Popen(
        [sys.executable, "-m", "relance_xlsx", "ui", "--sans-navigateur"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        # As from a console: a test run started in the background (`cmd &`) ignores SIGINT,
        # and the page would inherit that (the fresh-clone check's run failed so).
        preexec_fn=_console_signals,
    )  # fmt: skip
    try:
        assert ui.stdout is not None
        url = ui.stdout.readline().split(" : ", 1)[1].strip()
        base, token = url.split("/?")[0], url.split("jeton=")[1]
        assert httpx.get(url).status_code == 200
        [folder] = list(temp.glob("relance-apercu-*"))
        (folder / "lettre.docx").write_bytes(b"copie d'une lettre")
        if stop is None:
            httpx.post(f"{base}/quitter?jeton={token}", data={"jeton": token})
        else:
            ui.send_signal(stop)
        ui.wait(timeout=30)
        assert not folder.exists(), list(folder.iterdir())
    finally:
        ui.kill()
        ui.wait()

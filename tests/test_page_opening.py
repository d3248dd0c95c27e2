"""`relance ui` opens the page without its token on the browser's command line (which every
user of the machine reads with `ps`): the browser is given a private file that sends it on."""

from __future__ import annotations

import ast
import os
import stat
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import httpx
import pytest
from test_page import blank_office, browser, needs_chromium  # noqa: F401  (fixtures)

from relance_xlsx.web import running_page
from relance_xlsx.web.opener import redirect_file, remove_redirect

RECORDER = "import sys, pathlib; pathlib.Path(sys.argv[1]).write_text(repr(sys.argv[2:]))"


def _waited(path: Path, seconds: float = 60) -> str:
    for _ in range(int(seconds * 10)):
        if path.exists() and path.read_text():
            return path.read_text()
        time.sleep(0.1)
    raise AssertionError(f"{path} never came")


def test_the_browser_is_given_a_private_file_never_the_token(tmp_path):
    said = tmp_path / "browser-argv.txt"
    recorder = tmp_path / "recorder.py"
    recorder.write_text(RECORDER)
    env = {
        **os.environ,
        "BROWSER": f"{sys.executable} {recorder} {said} %s",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONUNBUFFERED": "1",  # its first line is read while it runs
    }
    ui = subprocess.Popen(
        [sys.executable, "-m", "relance_xlsx", "ui"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        assert ui.stdout is not None
        url = ui.stdout.readline().split(" : ", 1)[1].strip()
        token = url.split("?jeton=")[1]
        argv = _waited(said)
        assert token not in argv and "jeton" not in argv, argv
        [opened] = ast.literal_eval(argv)
        path = Path(unquote(urlparse(opened).path))
        assert opened.startswith("file://") and path.is_file(), opened
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert f'http-equiv="refresh" content="0;url={url}"' in path.read_text()
        with httpx.Client(base_url=url.split("/?")[0]) as client:
            quit = client.post(f"/quitter?jeton={token}", data={"jeton": token})
            assert quit.status_code == 200
        ui.wait(timeout=30)
        assert not path.parent.exists()  # removed when the server stopped
    finally:
        ui.kill()
        ui.wait()


@needs_chromium
def test_chromium_opened_on_the_file_reaches_the_page_and_works(
    tmp_path,
    blank_office,  # noqa: F811
    browser,  # noqa: F811
):
    """The file's plain GET navigation is accepted as the first visit (the token becomes the
    cookie), and the page's own forms post from there."""
    from selenium.webdriver.common.by import By

    with running_page(None, recent_file=tmp_path / "recents.json") as page:
        opener = redirect_file(page.url)
        try:
            browser.get(opener.as_uri())
            for _ in range(100):
                if "Quel classeur" in browser.page_source:
                    break
                time.sleep(0.1)
            assert "Quel classeur" in browser.page_source, browser.page_source[:500]
            assert browser.current_url.startswith(f"{page.base}/")
            assert browser.get_cookie(page.cookie)["value"] == page.state.token
            field = browser.find_element(By.ID, "classeur")
            field.clear()
            field.send_keys(str(blank_office))
            browser.find_element(By.ID, "choisir").click()
            assert browser.find_element(By.ID, "enregistrer")  # the settings: the post went in
            browser.get(f"{page.base}/reglages")  # the cookie alone opens it
            assert "Accès refusé" not in browser.page_source
        finally:
            remove_redirect(opener)
    assert not opener.parent.exists()


@pytest.mark.parametrize("url", ['http://127.0.0.1:1/?jeton=a"b<c>', "http://127.0.0.1:1/"])
def test_the_file_holds_the_address_escaped(url):
    opener = redirect_file(url)
    try:
        text = opener.read_text()
        assert '"b<c>' not in text.split("<script>")[0]
    finally:
        remove_redirect(opener)
    assert not opener.parent.exists()

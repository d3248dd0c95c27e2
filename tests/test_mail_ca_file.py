"""Fifth attack, §9: RELANCE_SMTP_CA_FILE is trusted only as a full path to a regular file
that no one else may change (round 4 #1: a CA in the shared folder lets whoever writes there
vouch for an impostor of the mail server). Refused in one French sentence, before any
connection."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import trustme

from relance_xlsx.config import Smtp
from relance_xlsx.errors import EmailError
from relance_xlsx.mail.sending import Mailer


def _pem(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    trustme.CA().cert_pem.write_to_path(str(path))
    return path


def _relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    _pem(tmp_path / "share" / "certificat.pem")
    monkeypatch.chdir(tmp_path / "share")  # relance started in the shared folder
    return "certificat.pem"


def _group_writable(tmp_path: Path, _: pytest.MonkeyPatch) -> str:
    path = _pem(tmp_path / "mine" / "ca.pem")
    path.chmod(0o664)
    return str(path)


def _in_an_open_folder(tmp_path: Path, _: pytest.MonkeyPatch) -> str:
    path = _pem(tmp_path / "share" / "ca.pem")
    path.parent.chmod(0o777)  # anyone may replace the file
    return str(path)


def _a_folder(tmp_path: Path, _: pytest.MonkeyPatch) -> str:
    (tmp_path / "ca.pem").mkdir()
    return str(tmp_path / "ca.pem")


def _own_file(tmp_path: Path, _: pytest.MonkeyPatch) -> str:
    path = _pem(tmp_path / "mine" / "ca.pem")
    path.parent.chmod(0o700)
    path.chmod(0o644)
    return str(path)


@pytest.mark.skipif(os.name != "posix", reason="file modes")
@pytest.mark.parametrize(
    ("named", "said"),
    [
        pytest.param(_relative, "n'est pas un chemin complet", id="relative-path"),
        pytest.param(_group_writable, "peut être modifié par d'autres", id="group-writable"),
        pytest.param(_in_an_open_folder, "peut être modifié par d'autres", id="open-folder"),
        pytest.param(_a_folder, "", id="not-a-regular-file"),
        pytest.param(_own_file, None, id="own-file-trusted"),
    ],
)
def test_the_ca_file_must_be_a_full_path_no_one_else_may_change(tmp_path, monkeypatch, named, said):
    monkeypatch.setenv("RELANCE_SMTP_CA_FILE", named(tmp_path, monkeypatch))
    # Port 9 on loopback: nothing listens; a refusal of the file comes before connecting.
    mailer = Mailer(Smtp(host="127.0.0.1", port=9, security="ssl", timeout=2.0), None)
    with pytest.raises(EmailError) as caught:
        mailer.connect()
    text = str(caught.value)
    if said is None:  # trusted: the connection itself fails
        assert "RELANCE_SMTP_CA_FILE" not in text
        return
    assert text.startswith("RELANCE_SMTP_CA_FILE") and said in text

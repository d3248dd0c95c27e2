"""Third attack review: what a shared relance.toml (beside the ledger, writable by others)
may no longer decide: where the SMTP password goes, where attachments come from, how much
memory a workbook may take."""

from __future__ import annotations

import pytest

from relance_xlsx import EmailError
from relance_xlsx.config import Smtp
from relance_xlsx.mail.password import save_password, smtp_password


@pytest.fixture
def memory_keyring(monkeypatch):
    import keyring
    from keyring.backend import KeyringBackend

    class Backend(KeyringBackend):
        priority = 5  # type: ignore[assignment]

        def __init__(self):
            super().__init__()
            self.secrets = {}

        def get_password(self, service, user):
            return self.secrets.get((service, user))

        def set_password(self, service, user, password):
            self.secrets[(service, user)] = password

        def delete_password(self, service, user):
            self.secrets.pop((service, user), None)

    backend = Backend()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    monkeypatch.delenv("RELANCE_SMTP_PASSWORD", raising=False)
    yield backend
    keyring.set_keyring(previous)


def _smtp(host: str, port: int = 587, security: str = "starttls") -> Smtp:
    return Smtp(host=host, port=port, security=security, user="compta")


@pytest.mark.parametrize(
    ("host", "port", "expected"),
    [
        ("smtp.office.fr", 587, "s3cret"),
        ("SMTP.office.fr", 587, "s3cret"),
        ("smtp.attaquant.example", 587, None),
        ("smtp.office.fr", 2525, None),
    ],
    ids=["same-server", "same-server-upper", "other-host", "other-port"],
)
def test_the_saved_password_goes_only_to_its_server(memory_keyring, host, port, expected):
    save_password("compta", "s3cret", "smtp.office.fr", 587)
    assert smtp_password(_smtp(host, port)) == expected


def test_an_old_entry_by_user_alone_is_refused_for_an_unrecorded_host(memory_keyring):
    memory_keyring.secrets[("relance-xlsx", "compta")] = "old-secret"
    with pytest.raises(EmailError, match="enregistrez-le de nouveau"):
        smtp_password(_smtp("smtp.attaquant.example"))
    memory_keyring.secrets[("relance-xlsx-host", "compta")] = "smtp.office.fr:587"
    assert smtp_password(_smtp("smtp.office.fr")) == "old-secret"
    with pytest.raises(EmailError, match="enregistrez-le de nouveau"):
        smtp_password(_smtp("smtp.attaquant.example"))


@pytest.mark.parametrize(
    ("host", "refused"),
    [("192.0.2.7", True), ("smtp.attaquant.example", True), ("127.0.0.1", False),
     ("localhost", False), ("::1", False)],
    ids=["ip", "name", "loopback-ip", "localhost", "loopback-v6"],
)  # fmt: skip
def test_no_password_in_clear_to_another_machine(monkeypatch, host, refused):
    monkeypatch.setenv("RELANCE_SMTP_PASSWORD", "Fake-Secret-123")
    smtp = _smtp(host, 2525, "none")
    if refused:
        with pytest.raises(EmailError, match="security = « none »"):
            smtp_password(smtp)
    else:
        assert smtp_password(smtp) == "Fake-Secret-123"

"""Third attack review: what a shared relance.toml (beside the ledger, writable by others)
may no longer decide: where the SMTP password goes, where attachments come from, how much
memory a workbook may take."""

from __future__ import annotations

import pytest

from relance_xlsx import EmailError
from relance_xlsx.config import Smtp
from relance_xlsx.mail.password import save_password, smtp_password


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
    monkeypatch.setenv("RELANCE_SMTP_HOST", host)
    smtp = _smtp(host, 2525, "none")
    if refused:
        with pytest.raises(EmailError, match="security = « none »"):
            smtp_password(smtp)
    else:
        assert smtp_password(smtp) == "Fake-Secret-123"


ENV_TIED = {  # RELANCE_SMTP_HOST, the host relance.toml names -> the password is sent?
    "unset": (None, "smtp.office.fr", False),
    "same-host": ("smtp.office.fr", "smtp.office.fr", True),
    "same-host-other-case": ("SMTP.Office.fr", "smtp.office.fr", True),
    "same-host-and-port": ("smtp.office.fr:587", "smtp.office.fr", True),
    "other-port": ("smtp.office.fr:2525", "smtp.office.fr", False),
    "other-host": ("smtp.office.fr", "smtp.attaquant.example", False),
    "loopback-unset": (None, "127.0.0.1", False),
}


@pytest.mark.parametrize(("named", "host", "sent"), ENV_TIED.values(), ids=ENV_TIED.keys())
def test_the_environment_password_goes_only_to_the_host_the_environment_names(
    monkeypatch, named, host, sent
):
    from relance_xlsx.mail.password import password_known

    monkeypatch.setenv("RELANCE_SMTP_PASSWORD", "Fake-Secret-123")
    if named is None:
        monkeypatch.delenv("RELANCE_SMTP_HOST", raising=False)
    else:
        monkeypatch.setenv("RELANCE_SMTP_HOST", named)
    smtp = _smtp(host)
    if sent:
        assert smtp_password(smtp) == "Fake-Secret-123"
        assert password_known(smtp) == "la variable d'environnement RELANCE_SMTP_PASSWORD"
        return
    with pytest.raises(EmailError) as caught:
        smtp_password(smtp)
    said = str(caught.value)
    assert f"nomme le serveur {host}:587" in said and f"RELANCE_SMTP_HOST={host}" in said, said
    assert ("n'est pas définie" in said) == (named is None), said
    assert "Fake-Secret" not in said and password_known(smtp) is None


def test_without_a_user_the_environment_password_is_never_sent_so_not_refused(monkeypatch):
    monkeypatch.setenv("RELANCE_SMTP_PASSWORD", "Fake-Secret-123")
    monkeypatch.delenv("RELANCE_SMTP_HOST", raising=False)
    smtp = Smtp(host="smtp.office.fr", port=587, security="starttls", user="")
    assert smtp_password(smtp) == "Fake-Secret-123"


# -- [email] attachments_dir only narrows the ledger's folder -------------------------------


@pytest.mark.parametrize(
    ("named", "refused"),
    [("/", True), ("~", True), ("..", True), ("../secret", True), ("factures/../..", True),
     ("factures", False), (".", False), ("", False)],
    ids=["root", "home", "parent", "sibling", "dotdot-inside", "subfolder", "same", "empty"],
)  # fmt: skip
def test_attachments_dir_stays_inside_the_ledgers_folder(tmp_path, named, refused):
    import dataclasses

    from relance_xlsx.config import Email, Settings
    from relance_xlsx.mail import attachment_root

    office = tmp_path / "bureau"
    (office / "factures").mkdir(parents=True)
    settings = dataclasses.replace(
        Settings(), email=Email(attachments_dir=named), config_path=office / "relance.toml"
    )
    if refused:
        with pytest.raises(EmailError, match=r"attachments_dir = « .* » sort du dossier"):
            attachment_root(settings, office / "grand-livre.xlsx")
    else:
        root = attachment_root(settings, office / "grand-livre.xlsx")
        assert root.is_relative_to(office.resolve())


def test_a_shared_attachments_dir_of_root_copies_nothing_into_the_share(tmp_path):
    from test_attacks import AS_OF, _attachments_office, _with_config, relance, said_in_french

    ledger = _attachments_office(tmp_path)
    _with_config(ledger.parent, '[email]\nattachments_dir = "/"')
    dossier = ["dossier", str(ledger), "Garage Bernard", "--no-pdf"]
    for command in (dossier, ["run", str(ledger), "--email", "--no-write-back"]):
        done = relance(*command, "--as-of", AS_OF, cwd=tmp_path)
        said_in_french(done, 1, "attachments_dir = « / » sort du dossier du classeur")
    assert not [p for p in ledger.parent.rglob("*.pdf") if "creds" in p.name]
    assert not list(ledger.parent.rglob("*.eml"))


# -- memory: the cells of all sheets together, and [limits] only lowered -------------------


def _far_sheet(last_row: int) -> str:
    from hostile_files import sheet_xml

    return sheet_xml(
        f'<row r="{last_row}"><c r="AL{last_row}"><v>1</v></c></row>', dimension=f"A1:AL{last_row}"
    )


def test_the_cells_of_all_sheets_together_are_bounded(tmp_path):
    from hostile_files import ledger_rows, sheet_xml, workbook
    from test_attacks import AS_OF, _office, _with_config, relance, said_in_french

    _office(tmp_path)
    _with_config(tmp_path, "[limits]\nmax_cells = 100000")
    sheets = {"Factures": sheet_xml(ledger_rows())}
    sheets |= {f"F{i}": _far_sheet(2000) for i in range(3)}  # 76 000 cells each: each fits
    ledger = workbook(tmp_path / "grand-livre.xlsx", sheets=sheets)
    done = relance("run", str(ledger), "--as-of", AS_OF, "--dry-run", cwd=tmp_path)
    said_in_french(done, 1, "ses feuilles demanderaient ensemble de lire plus de 100")


@pytest.mark.parametrize(
    "line",
    ["max_cells = 2000000000", "max_sheets = 10000", "max_part_mb = 65536",
     "max_total_mb = 131072", "max_ratio = 5000", "ratio_from_mb = 60000"],
    ids=["cells", "sheets", "part", "total", "ratio", "ratio-from"],
)  # fmt: skip
def test_a_shared_relance_toml_cannot_raise_the_built_in_limits(tmp_path, line):
    from relance_xlsx import ConfigError, load_settings

    config = tmp_path / "relance.toml"
    config.write_text(f"[limits]\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="ne peut qu'abaisser la limite intégrée"):
        load_settings(config)
    config.write_text("[limits]\nmax_cells = 1000000\nmax_ratio = 50\n", encoding="utf-8")
    assert load_settings(config).limits.max_cells == 1_000_000

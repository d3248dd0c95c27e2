"""The creditor's legal identity in relance.toml (Code de commerce R123-237, CGI 242 nonies A):
each value checked, refused in one French sentence naming its key."""

# ruff: noqa: E501

from __future__ import annotations

import pytest

from relance_xlsx import ConfigError, settings_from_dict
from relance_xlsx.config import default_config_text
from relance_xlsx.figures.parties import creditor_lines

SIRET = "732 829 320 00074"  # SIREN 732 829 320: key (12 + 3 × (732829320 mod 97)) mod 97 = 44


@pytest.mark.parametrize(
    ("creditor", "refused"),
    [
        pytest.param({"siret": SIRET, "vat_number": "FR44 732 829 320"}, None, id="vat-right"),
        pytest.param({"siret": SIRET, "vat_number": "FR45732829320"}, "clé fausse", id="vat-wrong-key"),
        pytest.param({"siret": SIRET, "vat_number": "FR12000000000"}, "SIREN du SIRET", id="vat-another-siren"),
        pytest.param({"vat_number": "732829320"}, "code du pays", id="vat-without-country"),
        pytest.param({"vat_number": "BE0123456789"}, None, id="vat-another-country"),
        pytest.param({"share_capital": "10 000 €"}, None, id="capital"),
        pytest.param({"share_capital": "variable"}, None, id="capital-variable"),
        pytest.param({"share_capital": "beaucoup"}, "montant en euros", id="capital-not-an-amount"),
        pytest.param({"rcs_city": "Lyon"}, None, id="rcs-town"),
        pytest.param({"rcs_city": "RCS Lyon B 732 829 320"}, "ville du greffe", id="rcs-with-number"),
        pytest.param({"sole_trader": True, "legal_form": "EI"}, None, id="sole-trader"),
        pytest.param({"sole_trader": True, "share_capital": "1 000 €"}, "n'a pas de capital", id="sole-trader-with-capital"),
        pytest.param({"sole_trader": True, "legal_form": "SARL"}, "pas un entrepreneur individuel", id="sole-trader-company"),
    ],
)  # fmt: skip
def test_the_creditor_s_identity_is_checked(creditor, refused):
    if refused is None:
        settings_from_dict({"creditor": creditor})
        return
    with pytest.raises(ConfigError, match=refused) as caught:
        settings_from_dict({"creditor": creditor})
    assert "[creditor]" in caught.value.message


def test_relance_init_s_file_holds_every_identity_key_with_its_comment():
    text = default_config_text()
    for key in ("legal_form", "share_capital", "rcs_city", "vat_number", "head_office",
                "representative", "representative_title", "sole_trader"):  # fmt: skip
        line = next(ln for ln in text.splitlines() if ln.startswith(f"{key} "))
        assert "#" in line, key


@pytest.mark.parametrize(
    ("creditor", "lines"),
    [
        pytest.param({"name": "Atelier Martin", "legal_form": "SARL", "share_capital": "10 000 €", "siret": SIRET, "rcs_city": "Lyon",
                      "address": "12 rue A\n69002 Lyon", "representative": "Claire Martin", "representative_title": "gérante"},
                     ["Atelier Martin", "Forme juridique : SARL au capital de 10\u202f000\u00a0€", "Siège social : 12 rue A, 69002 Lyon",
                      "SIRET : 732 829 320 00074 — RCS Lyon 732 829 320", "Représenté par : Claire Martin, gérante"], id="company"),
        pytest.param({"name": "Claire Martin", "sole_trader": True, "siret": SIRET, "address": "12 rue A\n69002 Lyon",
                      "head_office": "8 quai B\n69001 Lyon"},
                     ["Claire Martin EI", "Forme juridique : Entrepreneur individuel", "Siège social : 8 quai B, 69001 Lyon",
                      "SIRET : 732 829 320 00074", "Représenté par : à compléter dans relance.toml ([creditor] representative)"], id="sole-trader"),
    ],
)  # fmt: skip
def test_the_creditor_s_mentions(creditor, lines):
    assert creditor_lines(settings_from_dict({"creditor": creditor}).creditor) == lines


@pytest.mark.parametrize(
    ("bank", "said"),
    [
        # The bank is optional: an empty one leaves no « (banque) » placeholder in a letter.
        pytest.param("", ["EXEMFRPPXXX, en indiquant", "EXEMFRPPXXX, quoting"], id="no-bank"),
        pytest.param("Banque Exemple", ["EXEMFRPPXXX (Banque Exemple), en indiquant",
                                        "EXEMFRPPXXX (Banque Exemple), quoting"], id="bank-named"),
    ],
)  # fmt: skip
def test_an_optional_bank_is_named_in_the_letters_only_when_given(tmp_path, bank, said):
    import datetime as dt

    from conftest import ROOT, all_paragraphs, write_ledger
    from docx import Document

    from relance_xlsx import load_settings, run

    toml = (ROOT / "sample_workbooks" / "relance.toml").read_text(encoding="utf-8")
    (tmp_path / "relance.toml").write_text(toml.replace('"Banque Exemple"', f'"{bank}"'), "utf-8")
    late = [dt.date(2026, 9, 1), dt.date(2026, 10, 1), 500.0, 0, "1 rue A\n75001 Paris"]
    headers = ["N° facture", "Client", "Date facture", "Échéance", "Montant TTC", "Montant réglé",
               "Adresse", "Langue"]  # fmt: skip
    rows = [["F-1", "Atelier Alpha", *late, "fr"], ["F-2", "Harbour Ltd", *late, "en"]]
    ledger = write_ledger(tmp_path / "Factures.xlsx", rows, headers)
    settings = load_settings(tmp_path / "relance.toml")
    result = run(ledger, settings, as_of=dt.date(2026, 11, 22), write_workbook=False)
    texts = [
        " ".join(" ".join(p.text.split()) for p in all_paragraphs(Document(x.path)))
        for x in sorted(result.letters, key=lambda x: x.client)
    ]
    assert len(texts) == 2
    for text, expected in zip(texts, said, strict=True):
        assert expected in text and "(banque)" not in text and "()" not in text

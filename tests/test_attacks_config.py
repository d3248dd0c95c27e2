"""Numbers in relance.toml, --as-of and the write-back's headers: a value no run can use is
refused when it is read, naming its key and its range, in one French sentence, never an
« Erreur inattendue » (OverflowError, InvalidOperation) later, nor a letter that misleads.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hostile_files import workbook
from test_attacks import AS_OF, _office, _with_config, relance, said_in_french

import relance_xlsx
from relance_xlsx.config import Settings
from relance_xlsx.config.ranges import RANGES, numeric_fields

BAD = {
    "rate-inf": ("[policy]\ninterest_rate = inf", "[policy] interest_rate"),
    "rate-nan": ("[policy]\ninterest_rate = nan", "nombre fini"),
    "rate-1e300": ("[policy]\ninterest_rate = 1e300", "entre 0 et 100 %"),
    "indemnity-inf": ("[policy]\nindemnity = inf", "[policy] indemnity"),
    "indemnity-negative": ("[policy]\nindemnity = -40", "(lu : -40)"),
    "payment-days-huge": ("[letters]\npayment_days = 9999999999", "entre 1 et 365 jours"),
    "payment-days-negative": ("[letters]\npayment_days = -30", "[letters] payment_days"),
    "terms-huge": ("[policy]\ndefault_terms_days = 3000000", "[policy] default_terms_days"),
    "dso-huge": ("[report]\ndso_days = 99999999999", "[report] dso_days"),
    "smtp-timeout-negative": ("[smtp]\ntimeout = -1", "entre 1 et 600 secondes"),
    "smtp-timeout-zero": ("[smtp]\ntimeout = 0", "[smtp] timeout"),
    "min-share-nan": ("[writeback]\nmin_usable_share = nan", "[writeback] min_usable_share"),
    "limits-negative": ("[limits]\nmax_cells = -1", "[limits] max_cells"),
    "backups-zero": ("[writeback]\nbackups_to_keep = 0", "[writeback] backups_to_keep"),
    "same-status-headers": (
        '[writeback]\nlevel_header = "Suivi"\nstatus_header = "suivi"',
        "trois en-têtes différents",
    ),
}


@pytest.mark.parametrize(("toml", "phrase"), BAD.values(), ids=BAD.keys())
def test_a_number_out_of_its_range_is_refused_when_read(tmp_path, toml, phrase):
    _office(tmp_path)
    ledger = workbook(tmp_path / "grand-livre.xlsx")
    _with_config(tmp_path, toml)
    done = relance("run", str(ledger), "--as-of", AS_OF, cwd=tmp_path, timeout=120)
    said = said_in_french(done, 1, phrase)
    assert "inattendue" not in said
    assert not (tmp_path / "relances").exists()


def test_every_number_of_the_settings_has_a_range():
    defaults = Settings()
    sections = {
        f.name: getattr(defaults, f.name)
        for f in dataclasses.fields(Settings)
        if dataclasses.is_dataclass(getattr(defaults, f.name))
    }
    numbers = {(name, key) for name, section in sections.items() for key in numeric_fields(section)}
    assert numbers == set(RANGES)
    for (name, key), (low, high, _) in RANGES.items():
        value = getattr(sections[name], key)
        assert value is None or low <= value <= high, (name, key, value)


@pytest.mark.parametrize(
    ("typed", "phrase"),
    [
        pytest.param("31/12/9999", "hors de la période acceptée", id="year-9999"),
        pytest.param("0001-01-01", "hors de la période acceptée", id="year-1"),
        pytest.param("31/02/2026", "n'existe pas au calendrier", id="no-such-day"),
    ],
)
def test_an_as_of_beyond_a_sane_range_is_refused(tmp_path, typed, phrase):
    _office(tmp_path)
    ledger = workbook(tmp_path / "grand-livre.xlsx")
    done = relance("run", str(ledger), "--as-of", typed, cwd=tmp_path, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert phrase in done.stderr
    assert not (tmp_path / "relances").exists()


@pytest.mark.parametrize("header", ["Client", "montant  ttc"], ids=["client", "amount-any-case"])
def test_a_written_column_named_like_a_ledger_column_is_refused(tmp_path, header):
    _office(tmp_path)
    ledger = workbook(tmp_path / "grand-livre.xlsx")
    before = ledger.read_bytes()
    _with_config(tmp_path, f'[writeback]\nlevel_header = "{header}"')
    done = relance("run", str(ledger), "--as-of", AS_OF, cwd=tmp_path, timeout=120)
    said_in_french(done, 1, "est déjà l'en-tête de la colonne")
    assert ledger.read_bytes() == before
    assert not list(tmp_path.rglob("*.docx"))


@pytest.mark.parametrize(
    ("toml", "refused"),
    [
        pytest.param("[policy]\ninterest_rate = 9.5", True, id="contract-rate-without-terms"),
        pytest.param("[creditor]\nterms_of_sale = true\n[policy]\ninterest_rate = 9.5", False,
                     id="contract-rate-with-terms"),
    ],
)  # fmt: skip
def test_a_contractual_rate_needs_terms_of_sale(tmp_path, toml, refused):
    """The lawyer's review (3): with no terms of sale, the letters said 9 % was the rate of
    L441-10 « de plein droit »; the law's rate is the ECB's + 10 points unless agreed."""
    path = tmp_path / "relance.toml"
    path.write_text(toml, encoding="utf-8")
    if not refused:
        assert relance_xlsx.load_settings(path).policy.interest_rate == 9.5
        return
    with pytest.raises(relance_xlsx.RelanceError) as caught:
        relance_xlsx.load_settings(path)
    assert "(9,5 %)" in str(caught.value) and "terms_of_sale = true" in str(caught.value)


def test_the_truth_rules_refuse_a_deadline_before_the_letter(tmp_path):
    """A program building its Settings in code is not checked at load: the letter is."""
    _office(tmp_path)
    ledger = workbook(tmp_path / "grand-livre.xlsx")
    settings = relance_xlsx.load_settings(tmp_path / "relance.toml")
    settings = dataclasses.replace(
        settings, letters=dataclasses.replace(settings.letters, payment_days=-30)
    )
    result = relance_xlsx.run(
        ledger, settings, as_of=dt.date(2026, 11, 22), out_dir=tmp_path / "out",
        write_workbook=False,
    )  # fmt: skip
    assert not result.letters
    assert result.to_complete
    said = " ".join(str(x) for x in result.to_complete)
    assert "délai de paiement (-30 jours)" in said, said
    assert not list(Path(tmp_path / "out").glob("* Relance 1 - *.docx"))

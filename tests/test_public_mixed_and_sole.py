"""Two warnings, never a block, in `check` and in the run (the lawyer's rare cases, L2, L5): a
« Type client » naming a SEM or an SPL is read as a company, with the advice to type
« Entreprise publique » for a marché public (R2192-11, R2192-31); a sole trader (« EI ») with no
RCS town is told that a trader registered at the RCS prints « RCS <ville> » (R123-237)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import complete_settings, write_ledger
from rare_ledgers import AS_OF, HEADERS, SECOND, D, row

import relance_xlsx

SEM = "lue(s) comme une société commerciale"
ADVICE = "écrivez « Entreprise publique » dans « Type client »"
RCS = "indiquez la ville du greffe (Code de commerce R123-237)"


def _both(tmp: Path, kind: str, settings: object) -> tuple[list[str], list[str]]:
    rows = [row("S5", "Lyon Parc Auto", kind, D(2026, 9, 1), D(2026, 10, 1), 1500.0, **SECOND)]
    ledger = write_ledger(tmp / "l.xlsx", rows, HEADERS)
    checked = relance_xlsx.check(ledger, settings, as_of=AS_OF)
    said = [str(p) for p in checked.problems] + list(checked.warnings)
    run = relance_xlsx.run(ledger, settings, as_of=AS_OF, out_dir=tmp / "o", pdf=False)
    return said, [str(p) for p in run.problems] + list(run.warnings)


@pytest.mark.parametrize(
    ("kind", "warned"),
    [
        pytest.param("SEM", True, id="sem"),
        pytest.param("SPL", True, id="spl"),
        pytest.param("Société d'économie mixte", True, id="societe-d-economie-mixte"),
        pytest.param("Entreprise publique", False, id="typed-entreprise-publique"),
        pytest.param("professionnel", False, id="a-company"),
    ],
)
def test_a_sem_or_spl_is_read_as_a_company_and_said(
    tmp_path: Path, kind: str, warned: bool
) -> None:
    for said in _both(tmp_path, kind, complete_settings()):
        text = " ".join(said)
        assert (SEM in text and ADVICE in text) is warned


@pytest.mark.parametrize(
    ("form", "sole", "rcs", "warned"),
    [
        pytest.param("EI", False, "", True, id="ei-without-rcs"),
        pytest.param("", True, "", True, id="sole-trader-flag-without-rcs"),
        pytest.param("EI", False, "Lyon", False, id="ei-with-rcs"),
        pytest.param("SARL", False, "Lyon", False, id="a-company"),
    ],
)
def test_a_sole_trader_without_rcs_town_is_warned_not_blocked(
    tmp_path: Path, form: str, sole: bool, rcs: str, warned: bool
) -> None:
    settings = complete_settings()
    creditor = dataclasses.replace(
        settings.creditor, legal_form=form, sole_trader=sole, rcs_city=rcs,
        share_capital="" if form != "SARL" else settings.creditor.share_capital,
    )  # fmt: skip
    settings = dataclasses.replace(settings, creditor=creditor)
    checked, run = _both(tmp_path, "professionnel", settings)
    for said in (checked, run):
        assert (RCS in " ".join(said)) is warned
    assert not list((tmp_path / "o").glob("a_completer/*.docx"))  # the letters go all the same

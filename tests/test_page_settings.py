# ruff: noqa: F811
"""The settings form's policy amounts: [policy] claim_minimum (5,00 € by default: no letter
« Pénalités de retard » of its own for a smaller claim) is shown, checked and saved, typed the
French way, relance.toml's comments kept."""

from __future__ import annotations

import pytest
from test_page import CREDITOR, _signed_in, blank_office, office, page  # noqa: F401

import relance_xlsx

NAME = "policy.claim_minimum"


def _on_settings(page, office):
    client = _signed_in(page)
    client.post("/classeur", data={"jeton": page.state.token, "classeur": str(office)})
    return client


def test_the_claim_minimum_is_on_the_form_with_its_default(page, office):
    shown = _on_settings(page, office).get("/reglages").text
    assert "Montant minimum d&#39;une lettre « Pénalités de retard » seule (€)" in shown
    assert f'name="{NAME}" value="5,00" inputmode="decimal"' in shown


@pytest.mark.parametrize(
    ("typed", "saved", "shown"),
    [
        pytest.param("7,50", 7.5, "7,50", id="comma"),
        pytest.param("7.5", 7.5, "7,50", id="point"),
        pytest.param(" 12 € ", 12.0, "12,00", id="euro-sign"),
        pytest.param("1 000,00", 1000.0, "1\u202f000,00", id="thousands"),
        pytest.param("0", 0.0, "0,00", id="zero-claims-any-amount"),
    ],
)
def test_the_claim_minimum_is_saved_with_the_comments_kept(page, office, typed, saved, shown):
    client = _on_settings(page, office)
    form = {"jeton": page.state.token, **CREDITOR, NAME: typed}
    response = client.post("/reglages", data=form)
    assert "Réglages enregistrés" in response.text
    assert f'name="{NAME}" value="{shown}"' in response.text
    path = office.parent / "relance.toml"
    text = path.read_text(encoding="utf-8")
    assert "# En dessous de ce total par client, pas de lettre « Pénalités de retard »" in text
    assert relance_xlsx.load_settings(path).policy.claim_minimum == saved
    again = client.get("/reglages").text
    assert f'name="{NAME}" value="{shown}"' in again


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param("-1", id="negative"),
        pytest.param("cinq", id="words"),
        pytest.param("5,001", id="three-decimals"),
        pytest.param("1.000", id="point-thousands"),
        pytest.param("20000", id="above-the-range"),
        pytest.param("", id="empty"),
    ],
)
def test_a_wrong_claim_minimum_is_named_and_nothing_is_written(page, office, typed):
    client = _on_settings(page, office)
    path = office.parent / "relance.toml"
    before = path.read_bytes()
    response = client.post("/reglages", data={"jeton": page.state.token, **CREDITOR, NAME: typed})
    assert "un montant en euros, de 0,00\u00a0€ à 10\u202f000,00\u00a0€" in response.text
    assert "Réglages enregistrés" not in response.text
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("typed", "changed"),
    [
        pytest.param("5,00", False, id="as-shown"),
        pytest.param("5", False, id="same-amount-typed-shorter"),
        pytest.param("6", True, id="another-amount"),
    ],
)
def test_the_test_message_sees_an_amount_typed_and_not_saved(typed, changed):
    """« Tester l'envoi » asks to save first only when the amount differs from relance.toml's."""
    from relance_xlsx.config import Settings
    from relance_xlsx.web.forms import FIELDS, current_values
    from relance_xlsx.web.mailsettings import edited

    current = current_values(Settings())
    kept = {k: v for k, v in current.items() if v is not False and v is not None}
    form = {k: "on" if v is True else str(v) for k, v in kept.items()}
    assert edited(form, current) == []
    label = next(f.label for f in FIELDS if f"{f.section}.{f.key}" == NAME)
    assert edited({**form, NAME: typed}, current) == ([label] if changed else [])


LEGAL = ("creditor.legal_form", "creditor.share_capital", "creditor.rcs_city")


@pytest.mark.parametrize(
    ("legal", "sole", "said", "starred"),
    [
        pytest.param(("", "", ""), False, "à compléter, « Forme juridique » (marqué d'un *",
                     {"Forme juridique"}, id="no-form"),
        # A company: its capital and registry's town are asked at once, not one preview later.
        pytest.param(("SARL", "", ""), False, "à compléter, « Capital social » et « Ville du "
                     "RCS » (marqués d'un *", {"Forme juridique", "Capital social", "Ville du RCS"},
                     id="company-without-its-mentions"),
        pytest.param(("Association", "", ""), False, None, {"Forme juridique"}, id="association"),
        pytest.param(("EI", "", ""), True, None, set(), id="sole-trader"),
        pytest.param(("SARL", "10 000 €", "Lyon"), False, None,
                     {"Forme juridique", "Capital social", "Ville du RCS"}, id="company-complete"),
    ],
)  # fmt: skip
def test_saving_says_what_the_legal_form_still_needs_and_stars_it(page, office, legal, sole, said,
                                                                   starred):  # fmt: skip
    import html

    client = _on_settings(page, office)
    form = {"jeton": page.state.token, **CREDITOR, **dict(zip(LEGAL, legal, strict=True))}
    if sole:
        form["creditor.sole_trader"] = "on"
    shown = html.unescape(client.post("/reglages", data=form).text)
    assert "Réglages enregistrés." in shown
    if said is None:
        assert "ne peuvent pas encore partir" not in shown
    else:
        assert f"Les lettres ne peuvent pas encore partir : {said}" in shown
    labels = {"Forme juridique", "Capital social", "Ville du RCS"}
    assert {x for x in labels if f">{x} *</label>" in shown} == starred

"""The checks of the settings form's fields: identifiers (SIRET, IBAN, BIC, VAT), addresses,
links, and amounts in euros typed the French way (« 5,00 », « 1 000,50 € »)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..config import capital_problem, rcs_problem, siret_problem, vat_problem
from ..wording import money
from ..wording import number as decimal_text


def _digits(text: str) -> str:
    return re.sub(r"\s", "", text)


def check_siret(text: str) -> str | None:
    """A SIRET: 14 digits whose Luhn key is right (La Poste's own rule aside)."""
    return siret_problem(text)


def check_iban(text: str) -> str | None:
    """An IBAN whose check digits are right (ISO 13616, modulo 97)."""
    iban = _digits(text).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", iban):
        return "un IBAN commence par 2 lettres et 2 chiffres (FR76 …)"
    number = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return None if int(number) % 97 == 1 else "cet IBAN a une clé fausse : vérifiez-le"


def check_bic(text: str) -> str | None:
    """A BIC: 8 or 11 letters and digits."""
    ok = re.fullmatch(r"[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?", _digits(text).upper())
    return None if ok else "un BIC a 8 ou 11 caractères (BNPAFRPP ou BNPAFRPPXXX)"


def check_email(text: str) -> str | None:
    """One e-mail address."""
    return None if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text) else "adresse e-mail invalide"


def check_link(text: str) -> str | None:
    """A payment link: an http(s) address."""
    ok = re.fullmatch(r"https?://\S+", text)
    return None if ok else "un lien commence par https://"


CHECKS: dict[str, Callable[[str], str | None]] = {
    "from_address": check_email,
    "siret": check_siret,
    "iban": check_iban,
    "bic": check_bic,
    "email": check_email,
    "payment_link": check_link,
    "vat_number": vat_problem,
    "share_capital": capital_problem,
    "rcs_city": rcs_problem,
}


def amount_problem(raw: str, low: float, high: float) -> tuple[float | str, str | None]:
    """An amount in euros typed in a field (« 5 », « 5,00 », « 5.50 », « 1 000,00 € »), or
    why it is refused: not a non-negative amount, or out of [low, high]."""
    text = re.sub(r"\s", "", raw)
    text = re.sub(r"(€|EUR|euros?)$", "", text, flags=re.IGNORECASE)
    found = re.fullmatch(r"\d{1,9}(?:[,.]\d{1,2})?", text)
    if found is None or not low <= (value := float(text.replace(",", "."))) <= high:
        said = f"un montant en euros, de {money(low)} à {money(high)} (ex. 5,00)"
        return raw, said
    return value, None


def shown_amount(value: float) -> str:
    """An amount as the form shows it: « 5,00 », « 1 000,00 »."""
    return decimal_text(value)


def typed_amount(raw: str) -> str:
    """A typed amount as the form would show it once saved (the typed text when refused)."""
    value, problem = amount_problem(raw, 0, float("inf"))
    return raw if problem or not isinstance(value, float) else shown_amount(value)


__all__ = [
    "CHECKS",
    "amount_problem",
    "check_bic",
    "check_email",
    "check_iban",
    "check_link",
    "check_siret",
    "shown_amount",
    "typed_amount",
]

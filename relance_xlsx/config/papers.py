"""What a company's business papers carry (Code de commerce R123-237): the creditor's legal
mentions, for the foot of its letters, its e-mails' signature and its report."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from babel.numbers import format_decimal

from .sections import Creditor


def legal_mentions(
    c: Creditor, lang: str = "fr", *, name: str | None = None, siret: str | None = None
) -> tuple[str, str]:
    """Two lines: who it is and where (name, « EI » for a sole trader, legal form and capital,
    registered office), then its registry (RCS and its town, SIRET, VAT number). What is not
    configured is left out; name and siret may be given as the letters print them."""
    fr = lang == "fr"
    name = c.name.strip() if name is None else name
    siret = c.siret.strip() if siret is None else siret
    who = [f"{name} EI" if c.sole_trader and not name.endswith(" EI") else name]
    form, capital = c.legal_form.strip(), c.share_capital.strip()
    if form and not c.sole_trader:
        if not capital:
            who.append(form)
        elif "variable" in capital.lower():
            who.append(f"{form} à capital variable" if fr else f"{form}, variable capital")
        else:
            amount = capital_text(capital, lang)
            who.append(f"{form} au capital de {amount}" if fr else f"{form}, capital {amount}")
    office = ", ".join(ln.strip() for ln in c.registered_office.splitlines() if ln.strip())
    if office:
        head = c.head_office.strip() and c.head_office.strip() != c.address.strip()
        label = ("Siège social : " if fr else "Registered office: ") if head else ""
        who.append(label + office)
    registry = []
    if c.rcs_city.strip():
        town = c.rcs_city.strip().removeprefix("RCS").strip()
        registry.append(f"RCS {town} {siren(siret)}".rstrip())
    if siret:
        registry.append(f"SIRET {siret}")
    if c.vat_number.strip():
        registry.append(f"{'TVA intracommunautaire' if fr else 'VAT'} {c.vat_number.strip()}")
    return " – ".join(p for p in who if p), " – ".join(registry)


# The legal forms of a sole trader (« EI »): no capital, an RCS town only if a trader.
SOLE_TRADER_FORMS = frozenset({"ei", "entrepreneur individuel", "entreprise individuelle", "eirl"})


def sole_trader_notes(c: Creditor) -> list[str]:
    """A warning, never a block, for a sole trader with no RCS town: a trader registered at the
    RCS must print « RCS <ville> » on his papers (R123-237); an artisan or a liberal
    profession need not."""
    sole = c.sole_trader or c.legal_form.strip().lower().replace(".", "") in SOLE_TRADER_FORMS
    if not sole or c.rcs_city.strip():
        return []
    return [
        "Entrepreneur individuel sans ville du RCS ([creditor] rcs_city dans relance.toml vide) : "
        "les lettres ne portent pas la mention « RCS <ville> » ; si vous êtes commerçant "
        "immatriculé au RCS, indiquez la ville du greffe (Code de commerce R123-237) ; artisan "
        "ou profession libérale, rien à faire."
    ]


def legal_line(c: Creditor, lang: str = "fr") -> str:
    """The legal mentions on one line ("" when the creditor has no name yet)."""
    if not c.name.strip():
        return ""
    return " – ".join(p for p in legal_mentions(c, lang) if p)


def capital_text(capital: str, lang: str = "fr") -> str:
    """A share capital as its language writes an amount: « 10 000 € » (narrow no-break
    spaces, never split across a line), « €10,000 »; as typed when it is not a number."""
    digits = re.sub(r"(?i)[\s\u202f\u00a0€]|eur(os?)?", "", capital)
    if "," in digits:  # French: « 10.000,50 » or « 10000,50 »
        digits = digits.replace(".", "").replace(",", ".")
    elif not re.search(r"\.\d{2}$", digits):  # « 10.000 »: the dot groups thousands
        digits = digits.replace(".", "")
    try:
        amount = Decimal(digits)
    except InvalidOperation:
        return capital
    if not amount.is_finite() or amount < 0:
        return capital
    places = 0 if amount == amount.to_integral_value() else 2
    pattern = "#,##0" if not places else "#,##0.00"
    if lang == "fr":
        return f"{format_decimal(amount, pattern, locale='fr_FR')}\u00a0€"
    return f"€{format_decimal(amount, pattern, locale='en_GB')}"


def siren(siret: str) -> str:
    """The SIREN of a SIRET (its first 9 digits), as « 123 456 789 »; "" without one."""
    digits = re.sub(r"\D", "", siret)
    return f"{digits[:3]} {digits[3:6]} {digits[6:9]}" if len(digits) >= 9 else ""


__all__ = ["capital_text", "legal_line", "legal_mentions", "siren"]

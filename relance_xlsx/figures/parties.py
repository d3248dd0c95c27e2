"""Who the parties are, and on what each amount rests: the paragraphs a litigation file and a
declaration of claim share (Code de commerce R123-237; CPC 1407 asks for the claim's basis)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..config import Creditor, capital_text
from ..ledger import KIND_NAMES, PUBLIC_ENTERPRISE, legal_person
from ..wording import money, percent

MISSING_CONFIG = "à compléter dans relance.toml ([creditor] {key})"
MISSING_LEDGER = "non renseigné dans le classeur"
MISSING_LEDGER_F = "non renseignée dans le classeur"  # after a feminine noun
LAW_INDEMNITY = 40.0  # Code de commerce D441-5 (R2192-32 for public buyers)
_FRANCE = ("FRANCE", "FRANCE MÉTROPOLITAINE", "FRANCE METROPOLITAINE", "FR")


@dataclass(frozen=True)
class Debtor:
    """The debtor as the ledger (or its clients sheet) knows it."""

    name: str
    address: str = ""
    legal_form: str = ""
    head_office: str = ""
    representative: str = ""
    siret: str = ""
    contact: str = ""
    email: str = ""
    phone: str = ""
    consumer: bool = False
    buyer: str | None = None  # the kind of public buyer, None for a business or a consumer
    # Its address is outside France (letters/postal.py, the letters' own test).
    abroad: bool = False

    @property
    def public(self) -> bool:
        """A public buyer (commande publique)."""
        return self.buyer is not None and not self.consumer

    def kind(self) -> str:
        """« particulier », « professionnel » or the kind of public buyer, in French."""
        if self.consumer and legal_person(self.legal_form):  # never silently (L218-2)
            return (
                f"particulier selon le classeur, mais sa forme juridique ({self.legal_form}) "
                "est celle d'une personne morale, qui n'est pas un consommateur : à vérifier"
            )
        if self.consumer:
            return "particulier"
        return KIND_NAMES.get(self.buyer or "", "professionnel")


def siren(siret: str) -> str:
    """The SIREN of a SIRET (its first 9 digits), as « 123 456 789 »; "" when it has none."""
    digits = re.sub(r"\D", "", siret)
    return f"{digits[:3]} {digits[3:6]} {digits[6:9]}" if len(digits) >= 9 else ""


def outside_metropolitan(creditor: Creditor) -> bool:
    """Whether the creditor's registered office is outside metropolitan France: an overseas
    postcode (97…, 98…) or a last line naming another country."""
    lines = [ln.strip() for ln in creditor.registered_office.splitlines() if ln.strip()]
    if not lines:
        return False
    codes = [w for ln in lines for w in ln.replace(",", " ").split() if w.isdigit()]
    if any(len(c) == 5 and c[:2] in ("97", "98") for c in codes):
        return True
    # A country on a line of its own, after the line of the postcode and town.
    last = lines[-1].upper()
    earlier = any(any(c.isdigit() for c in ln) for ln in lines[:-1])
    return earlier and not any(c.isdigit() for c in last) and last not in _FRANCE


def creditor_lines(creditor: Creditor) -> list[str]:
    """The creditor's identity, every legal mention; what is missing says where to fill it."""

    def value(key: str) -> str:
        return getattr(creditor, key).strip() or MISSING_CONFIG.format(key=key)

    name = creditor.name.strip() or MISSING_CONFIG.format(key="name")
    if creditor.sole_trader:
        name += " EI"  # the entrepreneur individuel's mention (Code de commerce L526-22)
        form = "Entrepreneur individuel"
    else:
        form = value("legal_form")
        if creditor.share_capital.strip() and creditor.legal_form.strip():
            capital = capital_text(creditor.share_capital.strip())
            form += (
                f" au capital {'variable' if 'variable' in capital.lower() else 'de ' + capital}"
            )
    office = creditor.registered_office.replace("\n", ", ") or MISSING_CONFIG.format(key="address")
    lines = [name, f"Forme juridique : {form}", f"Siège social : {office}"]
    siret = creditor.siret.strip() or MISSING_CONFIG.format(key="siret")
    registry = creditor.rcs_city.strip().removeprefix("RCS").strip()
    rcs = f"RCS {registry} {siren(creditor.siret)}".rstrip() if registry else ""
    lines.append(f"SIRET : {siret}" + (f" — {rcs}" if rcs and not creditor.sole_trader else ""))
    if creditor.vat_number.strip():
        lines.append(f"N° de TVA intracommunautaire : {creditor.vat_number.strip()}")
    who = value("representative")
    title = creditor.representative_title.strip()
    lines.append(f"Représenté par : {who}" + (f", {title}" if title else ""))
    return lines


def debtor_lines(debtor: Debtor) -> list[str]:
    """The debtor's identity as the ledger gives it; what it lacks is said, never left blank."""
    lines = [f"{debtor.name} ({debtor.kind()})"]
    if not debtor.consumer:
        # A public person's kind is its form (a commune, a hospital); a company has one.
        if debtor.legal_form or debtor.buyer in (None, PUBLIC_ENTERPRISE):
            lines.append(f"Forme juridique : {debtor.legal_form or MISSING_LEDGER_F}")
        if debtor.head_office:
            lines.append(f"Siège social : {debtor.head_office}")
        else:
            lines.append(
                f"Siège social : {MISSING_LEDGER} (adresse de facturation : "
                f"{debtor.address or MISSING_LEDGER_F})"
            )
        lines.append(f"Représentant légal : {debtor.representative or MISSING_LEDGER}")
        lines.append(f"SIRET : {debtor.siret or MISSING_LEDGER}")
    if debtor.consumer or debtor.head_office:
        lines.append(f"Adresse : {debtor.address or MISSING_LEDGER_F}")
    lines += [
        f"{label} : {value or MISSING_LEDGER}"
        for label, value in (
            ("Contact", debtor.contact),
            ("E-mail", debtor.email),
            ("Téléphone", debtor.phone),
        )
    ]
    return lines


def basis_lines(
    debtor: Debtor, contract_rate: float | None, indemnity: float = LAW_INDEMNITY
) -> list[str]:
    """On what each kind of amount rests, for this debtor; indemnity: the fixed indemnity
    claimed per invoice ([policy] indemnity)."""
    if debtor.public:
        principal = (
            "Principal : le marché public ou le bon de commande et les factures (demandes de "
            "paiement) restées impayées au terme du délai de paiement (Code de la commande "
            "publique L2192-10 à L2192-12, R2192-10 à R2192-12)"
        )
        interest = (
            "Intérêts moratoires : dus de plein droit dès le lendemain du délai de paiement "
            "(Code de la commande publique L2192-13), au taux BCE du semestre où le retard "
            "commence majoré de 8 points (R2192-31)"
        )
        return [principal, interest, indemnity_basis(debtor, indemnity)]
    principal = (
        "Principal : le contrat (devis, bon de commande ou conditions générales acceptés) et "
        "les factures, dont la force obligatoire fonde la demande (Code civil 1103)"
    )
    if debtor.consumer:
        return [
            principal,
            "Intérêts : au taux de l'intérêt légal à compter de la mise en demeure (Code civil "
            "1231-6 et 1344-1)",
            "Aucune indemnité forfaitaire contre un particulier : L441-10 II et D441-5 ne "
            "s'appliquent qu'entre professionnels (et les frais de recouvrement engagés sans "
            "titre exécutoire restent à la charge du créancier, Code des procédures civiles "
            "d'exécution L111-8)",
        ]
    rate = (
        f"au taux contractuel de {percent(contract_rate)} l'an (conditions générales), jamais "
        "moins que 3 fois le taux d'intérêt légal de chaque semestre"
        if contract_rate is not None
        else "au taux BCE de chaque semestre majoré de 10 points"
    )
    return [
        principal,
        "Pénalités de retard : dues sans qu'un rappel soit nécessaire dès le lendemain de "
        f"l'échéance (Code de commerce L441-10 II), {rate}",
        indemnity_basis(debtor, indemnity),
    ]


def indemnity_basis(debtor: Debtor, amount: float) -> str:
    """The fixed indemnity a business or a public buyer is asked for: the law's 40 € per
    invoice, or the amount the settings claim instead (none, less, or 40 € and the rest as
    further compensation, which needs proof of the costs: L441-10 II)."""
    law = "L2192-13 et R2192-32" if debtor.public else "Code de commerce L441-10 II et D441-5"
    if abs(amount - LAW_INDEMNITY) < 0.005:
        if debtor.public:
            return f"Indemnité forfaitaire de 40 € par facture ({law})"
        return f"Indemnité forfaitaire pour frais de recouvrement de 40 € par facture ({law})"
    name = "Indemnité forfaitaire pour frais de recouvrement"
    if amount < 0.005:
        return f"{name} (40 € par facture, {law}) : non réclamée"
    if amount < LAW_INDEMNITY:
        return f"{name} : {money(amount)} par facture, en deçà des 40 € prévus ({law})"
    more = money(round(amount - LAW_INDEMNITY, 2))
    proof = "" if debtor.public else " (Code de commerce L441-10 II)"
    return (
        f"Frais de recouvrement : {money(amount)} par facture, soit l'indemnité forfaitaire "
        f"de 40 € ({law}) et {more} d'indemnisation complémentaire, sur justification des "
        f"frais exposés{proof}"
    )


def paid_late_line(
    debtor: Debtor, numbers: list[str], interest: bool = True, indemnity: bool = True
) -> str:
    """The invoices paid late in the claim: their principal is paid, what the law gives is not;
    only what the claim holds of it (interest, indemnity: none when the creditor waives it)."""
    owed = still_owed(debtor, interest, indemnity)
    return f"Réglée(s) après l'échéance, principal payé : {', '.join(numbers)} ; {owed}."


def still_owed(debtor: Debtor, interest: bool = True, indemnity: bool = True) -> str:
    """« restent dues les pénalités de retard et l'indemnité forfaitaire (Code de commerce
    L441-10 et D441-5), comprises dans la demande »: what the law gives on an invoice settled
    late, only what the claim holds of it."""
    if debtor.consumer:
        owed = "les intérêts au taux légal depuis la mise en demeure (Code civil 1231-6)"
    elif debtor.public:
        named = ["les intérêts moratoires"] * interest + ["l'indemnité forfaitaire"] * indemnity
        cited = ["L2192-13, R2192-31"] * interest + ["R2192-32"] * indemnity
        owed = f"{' et '.join(named)} (Code de la commande publique {' et '.join(cited)})"
    else:
        named = ["les pénalités de retard"] * interest + ["l'indemnité forfaitaire"] * indemnity
        cited = ["L441-10"] * interest + ["D441-5"] * indemnity
        owed = f"{' et '.join(named)} (Code de commerce {' et '.join(cited)})"
    # Agreed with what stays owed: « les pénalités (f.) et l'indemnité (f.) restent dues …,
    # comprises », « les intérêts (m.) … restent dus …, compris », « l'indemnité reste due ».
    plural = interest or debtor.consumer
    masculine = plural and (debtor.public or debtor.consumer)
    ending = "" if masculine else "e"
    due = f"restent du{ending}s" if plural else "reste due"
    held = "compris" if masculine else ("comprises" if plural else "comprise")
    return f"{due} {owed}, {held} dans la demande"


def legal_rate_lines(rates: list[float], notes: list[str]) -> list[str]:
    """The legal rate a consumer's interest was computed at, and what the run said of it."""
    if not rates:
        return []
    used = ", ".join(percent(r) for r in rates)
    return [f"Taux de l'intérêt légal appliqué : {used} l'an (voir les périodes)", *notes]


__all__ = [
    "LAW_INDEMNITY",
    "Debtor",
    "basis_lines",
    "creditor_lines",
    "debtor_lines",
    "indemnity_basis",
    "legal_rate_lines",
    "outside_metropolitan",
    "paid_late_line",
    "siren",
    "still_owed",
]

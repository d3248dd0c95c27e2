"""Which court hears a business debtor's injonction de payer, by what the debtor is.

The tribunal de commerce hears the disputes between merchants and about commercial companies
(Code de commerce L721-3); a debtor that is neither (an association, a civil company: SCP,
SCI, SCM…, a profession libérale) is sued before the tribunal judiciaire, even for a debt
that is commercial for the creditor (CPC 1406 sends the request to the court competent for
the debtor). Where the law read for this tool (legal-fr.md) leaves the answer open (sociétés
d'exercice libéral, sole traders who may be artisans, merchants or liberal professions), the
file says so instead of choosing.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from ..ledger import EPIC, PUBLIC_ENTERPRISE, country_of, sued_abroad
from ..wording import date_short, money
from .abroad import ABROAD, ABROAD_NOT_EU, in_union
from .parties import Debtor

# Procédure simplifiée de recouvrement des petites créances: up to 5 000 € in principal and
# interest (CPCE R125-1; L125-1 creates it); the 40 € indemnity is not interest.
SMALL_CLAIMS_LIMIT = 5000.0
COMMERCE = "tribunal de commerce"
JUDICIAIRE = "tribunal judiciaire"
# Guadeloupe, Martinique, Guyane, La Réunion, Mayotte: the commercial court is a tribunal mixte
# de commerce (Code de commerce L731-1), by country line or postcode 971-974, 976.
MIXED = "tribunal mixte de commerce"
_MIXED_BASIS = "outre-mer, le tribunal mixte de commerce tient lieu de tribunal de commerce"
_DEPARTMENTS_OVERSEAS = frozenset(
    {"Guadeloupe", "Martinique", "Guyane française", "La Réunion", "Mayotte"}
)
_DOM_POSTCODE = re.compile(r"(?<!\d)97[12346]\d\d(?!\d)")
_BASIS = "Code de commerce L721-3 ; Code de procédure civile 1406"
# Folded words (case, accents, punctuation) of a « Forme juridique » or a client's name.
_CIVIL = (
    "association", "asso", "loi 1901", "fondation", "scp", "sci", "scm", "sccv", "scea",
    "gaec", "gfa", "societe civile", "societe civile immobiliere",
    "societe civile professionnelle", "societe civile de moyens", "profession liberale",
    "liberal", "liberale", "syndicat des coproprietaires", "copropriete", "mutuelle",
)  # fmt: skip
_SEL = (
    "sel",
    "selarl",
    "selas",
    "selasu",
    "selafa",
    "selca",
    "selurl",
    "societe d exercice liberal",
)
_SOLE = (
    "ei", "eirl", "entrepreneur individuel", "entreprise individuelle", "micro entreprise",
    "micro entrepreneur", "auto entrepreneur", "artisan",
)  # fmt: skip
_COMMERCIAL = (
    "sarl", "eurl", "sa", "sas", "sasu", "snc", "sca", "scs", "se", "societe anonyme",
    "societe par actions simplifiee", "societe a responsabilite limitee",
    "societe en nom collectif", "commercant",
)  # fmt: skip


def _fold(text: str) -> str:
    """Lower case, no accents or punctuation, initials joined (« S.C.P. » → « scp »)."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"\b([a-z]) (?=[a-z]\b)", r"\1", text)


def _words(pattern: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(pattern, key=len, reverse=True))
    return re.compile(rf"(?:^|\b)(?:{alternatives})s?\b")


_MATCHERS = (
    ("civil", _words(_CIVIL)),
    ("sel", _words(_SEL)),
    ("sole", _words(_SOLE)),
    ("commercial", _words(_COMMERCIAL)),
)
# A client's name says what it is only by its first word (« Association Les Petits Pas »,
# « SCI du Parc »), never in the middle (« Garage de l'Association »).
_NAME_FIRST = re.compile(r"^(association|sci|scp|scm|societe civile)\b")


_ASSOCIATION = _words(("association", "asso", "loi 1901", "fondation"))


def is_association(legal_form: str, name: str) -> bool:
    """Whether the debtor is an association (or a foundation), by its legal form or the
    first word of its name."""
    form = _fold(legal_form)
    return bool(_ASSOCIATION.search(form)) if form else _fold(name).startswith("association")


@dataclass(frozen=True)
class Court:
    """The court the request goes to (None: to be chosen by counsel), and why."""

    name: str | None
    why: str


def nature(legal_form: str, name: str) -> str:
    """« civil », « sel », « sole », « commercial » or « unknown »: what the debtor is, by its
    legal form first, else by the first word of its name."""
    form = _fold(legal_form)
    for kind, pattern in _MATCHERS:
        if form and pattern.search(form):
            return kind
    return "civil" if _NAME_FIRST.match(_fold(name)) else "unknown"


def business_court(legal_form: str, name: str) -> Court:
    """The court of a business (non-consumer, non-public) debtor, with the reason."""
    kind = nature(legal_form, name)
    said = f"« {legal_form.strip()} »" if legal_form.strip() else f"« {name} »"
    if kind == "civil":
        return Court(
            JUDICIAIRE,
            f"le débiteur ({said}) n'est ni commerçant ni société commerciale : tribunal "
            f"judiciaire, non tribunal de commerce ({_BASIS})",
        )
    if kind == "sel":
        return Court(
            None,
            f"le débiteur ({said}) est une société d'exercice libéral, de forme commerciale "
            "mais d'objet civil : la compétence du tribunal de commerce ou du tribunal "
            f"judiciaire n'est pas tranchée par les sources de cet outil ({_BASIS}) ; à "
            "vérifier avec votre conseil",
        )
    if kind == "sole":
        return Court(
            None,
            f"le débiteur ({said}) est un entrepreneur individuel : tribunal de commerce s'il "
            "est commerçant (et, selon la réforme de L721-3, artisan : point non vérifié par "
            "les sources de cet outil), tribunal judiciaire s'il exerce une profession libérale "
            f"ou agricole ({_BASIS}) ; à vérifier avec votre conseil",
        )
    if kind == "commercial":
        return Court(COMMERCE, f"société commerciale ({said}, {_BASIS})")
    # Unknown: neither court is named first (the request is said to go « à la juridiction
    # compétente », then which one, and why).
    return Court(
        None,
        "forme juridique non renseignée : tribunal de commerce si le débiteur est commerçant "
        "ou société commerciale, tribunal judiciaire sinon (association, société civile, "
        f"profession libérale) ({_BASIS})",
    )


def _in_department_overseas(address: object) -> bool:
    """Whether an address is in Guadeloupe, Martinique, Guyane, La Réunion or Mayotte."""
    if not isinstance(address, str):
        return False
    parts = [p.strip() for p in re.split(r"[\n,;]", address) if p.strip()]
    if parts and country_of(parts[-1]) in _DEPARTMENTS_OVERSEAS:
        return True
    return bool(parts) and bool(_DOM_POSTCODE.search(" ".join(parts[-2:])))


def _debtor_court(debtor: Debtor) -> Court:
    """The court of a debtor in France: the tribunal mixte de commerce for a company overseas."""
    if debtor.consumer:
        return Court(JUDICIAIRE, "")
    court = business_court(debtor.legal_form, debtor.name)
    if court.name == COMMERCE and _in_department_overseas(debtor.address):
        return Court(MIXED, court.why + f" ; {_MIXED_BASIS}")
    return court


def procedure_text(
    debtor: Debtor,
    small_claim: float,
    indemnity: float,
    first_to_court: bool = False,
    barred_on: dt.date | None = None,
) -> str:
    """Which procedure fits the amount and the debtor, in one French paragraph; first_to_court:
    a claim barred within days, the injonction de payer first (the small-claims procedure
    suspends prescription only from the debtor's agreement, Code civil 2238); barred_on: the
    first day barred of a file whose every open invoice is time-barred."""
    total = round(small_claim + indemnity, 2)
    if total < 0.005:  # a file redone after its invoices were settled, or all time-barred
        return _nothing(total, barred_on)
    if debtor.public and debtor.buyer != PUBLIC_ENTERPRISE:
        # An EPIC is a public person: its marché public is an administrative contract.
        epic = (
            "EPIC, personne publique dont le marché public est un contrat administratif "
            "(Code de la commande publique L6) : "
            if debtor.buyer == EPIC
            else ""
        )
        return (
            f"Débiteur public : {epic}ni injonction de payer ni saisie contre une personne "
            "publique (Code général de la propriété des personnes publiques L2311-1) ; la voie "
            "est le référé-provision devant le tribunal administratif (Code de justice "
            "administrative R541-1), puis, si le paiement ne suit pas la décision, le "
            "mandatement d'office (CJA L911-9). À vérifier avec votre conseil."
        )
    if debtor.consumer and sued_abroad(debtor.address):
        # Brussels I bis, art. 18(2), within the Union; French civil procedure does not reach
        # him (ledger/territory.py): neither the injonction de payer nor the small claims.
        return (
            "Consommateur domicilié hors du champ du Code de procédure civile (à l'étranger, "
            "en Polynésie française, en Nouvelle-Calédonie ou à Wallis-et-Futuna) : pas "
            "d'injonction de payer française ; procédure judiciaire de recouvrement à engager "
            "devant le juge de son domicile. À vérifier avec votre conseil."
        )
    if not debtor.consumer and sued_abroad(debtor.address):
        return ABROAD if in_union(debtor.address) else ABROAD_NOT_EU
    court = _debtor_court(debtor)
    where = f"au {court.name}" if court.name else "à la juridiction compétente (ci-après)"
    text = (
        f"Injonction de payer (Code de procédure civile 1405 à 1425) : requête {where} "
        "du domicile du débiteur, avec le détail de la créance (article 1407) et les pièces "
        "ci-dessous."
    )
    if court.why:
        text += f" Juridiction : {court.why}."
    if small_claim > SMALL_CLAIMS_LIMIT:
        return text
    if first_to_court:
        return (
            f"{text} Prescription proche : la procédure simplifiée de recouvrement des petites "
            "créances (Code des procédures civiles d'exécution L125-1 et R125-1) ne suspend la "
            "prescription qu'à compter de l'accord du débiteur (Code civil 2238) ; ne la "
            "choisissez pas d'abord."
        )
    with_it = round(small_claim + indemnity, 2)
    beyond = (
        ", au-delà du plafond : à vérifier avec votre conseil"
        if with_it > SMALL_CLAIMS_LIMIT
        else ""
    )
    contested = (
        " Lecture contestable : certains comptent l'indemnité dans ce plafond ; avec elle, "
        f"{money(with_it)}{beyond}."
        if indemnity
        else ""
    )
    return (
        f"Créance de {money(small_claim)} en principal et intérêts "
        f"(l'indemnité forfaitaire n'en fait pas partie), au plus "
        f"{money(SMALL_CLAIMS_LIMIT)} : la procédure simplifiée de recouvrement des "
        "petites créances, par un commissaire de justice, est possible (Code des "
        "procédures civiles d'exécution L125-1 et R125-1), sans juge si le débiteur "
        f"accepte.{contested} À défaut : " + text[0].lower() + text[1:]
    )


def _nothing(total: float, barred_on: dt.date | None) -> str:
    """Nothing to claim: settled (a claim filed may be withdrawn) or time-barred (a claim
    filed before the first day barred interrupted it, C. civ. 2241-2242: never withdrawn,
    2243)."""
    if barred_on is not None:
        # A claim filed before that day interrupted it (C. civ. 2241) for the whole instance
        # (2242); withdrawn, the interruption is lost (2243): never « à retirer ».
        return (
            f"Total réclamé de {money(total)} : créance prescrite d'après le classeur, aucune "
            "procédure nouvelle à engager ; si une demande en justice a été formée avant le "
            f"{date_short(barred_on)}, la prescription a été interrompue (Code civil 2241 et "
            "2242) : ne la retirez pas, voyez votre conseil."
        )
    return (
        f"Total réclamé de {money(total)} : rien à réclamer à ce client, aucune procédure "
        "à engager ; une demande déjà formée doit être retirée."
    )


__all__ = [
    "COMMERCE",
    "JUDICIAIRE",
    "MIXED",
    "SMALL_CLAIMS_LIMIT",
    "Court",
    "business_court",
    "nature",
    "procedure_text",
]

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

import re
import unicodedata
from dataclasses import dataclass

COMMERCE = "tribunal de commerce"
JUDICIAIRE = "tribunal judiciaire"
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
    return Court(
        COMMERCE,
        "forme juridique non renseignée : tribunal de commerce si le débiteur est commerçant "
        "ou société commerciale, tribunal judiciaire sinon (association, société civile, "
        f"profession libérale) ({_BASIS})",
    )


__all__ = ["COMMERCE", "JUDICIAIRE", "Court", "business_court", "nature"]

"""A paid status that says, beside its paid word, that the invoice is not (yet, fully) paid
(review-attack-6 §1): « Payé demain », « Presque payé », « Payé (LCR non échue) », « Payé 0 € »,
« Payé -300 € », « Payé 3 x 100 € », « PAYÉ ✗ », « Soldé (erreur) », « Payé sur autre
facture ». Never « Réglée »: held, with a warning. And the shares written as words or
fractions (« Réglé 1/2 », « Payé la moitié ») read as the percentages they are.
"""

from __future__ import annotations

import re
from typing import Any

from .columns import normalise

_PAID = r"(payee?s?|reglee?s?|soldee?s?|encaissee?s?|acquittee?s?|paid|settled|payed)"
# Words that, after a paid word, say it is not paid in full, not yet money, or not this one;
# and before it, that it is not yet paid (« Presque payé », « Sera réglé »).
_AFTER = (
    r"(demain|bientot|prochainement|(mois|semaine) prochaine?|promise?s?|prevue?s?|a venir|"
    r"post ?datee?s?|non echue?s?|pas echue?s?|volee?s?|vol|erreur|autre facture|"
    r"autre client|en partie|soon|tomorrow|(puis|mais|et) rembourse\w*)"
)
_BEFORE = r"(presque|quasi\w*|bientot|sera|seront|va etre|vont etre|will be|almost)"
_UNSURE_WORDS = re.compile(rf"\b{_BEFORE} ({_PAID})\b|\b{_PAID}\b.*\b{_AFTER}\b")
# Marks that say no (« PAYÉ ✗ », « Payé ❌ »).
_CROSSES = re.compile("[\u2717\u2718\u274c\u274e\u00d7\u2715\u2716\u2a2f\U0001f6ab\u26d4]")
# Figures no payment is: a negative or zero amount, a product (« 3 x 100 € »).
_ODD_FIGURE = re.compile(
    r"(?<![\w/.])-\s*\d[\d ]*(?:[,.]\d+)?\s*(?:€|eur)|"
    r"(?<![\d,.])(?<!\d )0+(?:[,.]0+)?\s*(?:€|eur)|"
    r"\d\s*[x*]\s*\d[\d ]*(?:[,.]\d+)?\s*(?:€|eur)"
)
# What may follow a paid word and still say paid in full: how, when, by what means, a
# reference, a tax, the tool's own follow-up words; anything else is not understood.
_UNDERSTOOD = frozenset(
    """le la les l un une du de des d en par a au aux sur avec et ou via pour dans ce cette
    son sa ses leur notre votre on in by the of with at to from and for est ete bien
    paye payee payes payees regle reglee regles reglees solde soldee soldes soldees encaisse
    encaissee encaisses encaissees acquitte acquittee recu recue recus recues paid received
    settled payed lettre lettree lettrees lettrer lettrage reglement paiement payment
    total totale totalement integralement integral integrale integralite totalite entierement
    completement complet complete full fully ok oui yes done fait faite effectue effectuee 100
    pourcent cheque cheques chq virement virements vir prelevement prelevements prlv cb carte
    bancaire especes espece numeraire lcr lc traite effet sepa paypal stripe compensation
    transfer wire card cash check bank banque remise bordereau releve compte no ref reference
    facture client selon confirme confirmee verifie verifiee rembourse remboursee double date
    janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre jan
    janv fev fevr mar avr juil aou sep sept oct nov dec jour hier tva ttc ht eur euros euro
    montant apres echeance retard penalites penalite indemnite interets reclamees reclamee
    reclamer reclame remerciement remerciee remercie deja envoye envoyee accuse accusee
    courrier prochain relance dus dues aucun procedure collective code commerce pas remis
    contentieux sans sera dans merci autres factures restent reste restant partiel
    partielle partiellement acompte moitie""".split()  # noqa: SIM905
)
_FRACTION = re.compile(r"(?<![\d/.,])([1-9])\s*/\s*([2-9])(?![\d/.,])")
_HALF = re.compile(r"\b(?:a |la |pour )?moiti[eé]\b")

UNSURE_PAID = (
    "statut de règlement incomplet ou non compris (un reste, une part, une date à venir, un "
    "montant nul ou négatif, une croix…) : la facture n'est pas tenue pour réglée ; facture "
    "mise en attente, ni relancée ni tenue pour réglée tant que le statut n'est pas corrigé "
    "(écrivez « Réglée », ou le montant réglé dans sa colonne)"
)


def as_percent(value: str) -> str:
    """The text with its fractions and halves as percentages: « Réglé 1/2 » is « Réglé 50 % »."""
    text = _HALF.sub(" 50 % ", value.lower())
    return _FRACTION.sub(_share, text)


def _share(match: re.Match[str]) -> str:
    top, bottom = int(match.group(1)), int(match.group(2))
    return match.group(0) if top >= bottom else f" {round(100 * top / bottom)} % "


def unsure_paid(value: Any) -> bool:
    """Whether a paid status also says the invoice is not, not yet or not fully paid."""
    if not isinstance(value, str) or not re.search(rf"\b{_PAID}\b", normalise(value)):
        return False
    raw = value.lower().replace("\u00a0", " ").replace("\u202f", " ")
    if _CROSSES.search(raw) or _ODD_FIGURE.search(raw):
        return True
    return bool(_UNSURE_WORDS.search(normalise(value)))


def not_understood(value: str) -> list[str]:
    """The words after the first paid word the reader does not understand (a name in
    capitals, « BNP », is understood in a status not written all in capitals)."""
    text = normalise(value)
    found = re.search(rf"\b{_PAID}\b", text)
    if found is None:
        return []
    words = re.findall(r"[^\W\d_]+", value)
    names = set() if value.upper() == value else {normalise(w) for w in words if w.isupper()}
    tail = text[found.end() :].split()
    return [
        w
        for w in tail
        if w not in _UNDERSTOOD and w not in names and not any(c.isdigit() for c in w)
    ]


__all__ = ["UNSURE_PAID", "as_percent", "not_understood", "unsure_paid"]

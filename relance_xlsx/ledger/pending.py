"""Something under way that leaves the amount or the step in doubt: a credit note to come
(« Avoir à faire », « Avoir demandé » = Oui), a cancellation asked or partial (« Annulation
demandée », « Annulée partiellement »), a lettering partly done, a « Contentieux » column
holding a name (« Me Durand »). The invoice is held, with a warning on its row: neither chased
in full nor read as settled. A request turned down or a litigation avoided (denials.py) is
nothing under way."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from .coded import nones, object_array
from .columns import normalise
from .denials import denied
from .grid import Grid
from .paidtail import UNSURE_PAID, unsure_paid

# Words under way, read in a status, a cancellation or a credit oui/non column.
_CREDIT_TO_COME = re.compile(
    r"\b(avoirs?|credit notes?) (a faire|a emettre|a etablir|a venir|a creer|a saisir|"
    r"demande\w*|en attente|en cours|prevu\w*|requested|pending|to issue|to come)\b|"
    r"\bdemande d avoir\b"
)
_CANCEL_ASKED = re.compile(
    r"\b(annul\w*) (partiel\w*|demande\w*|en cours|a faire|en attente|requested|pending)\b|"
    r"\bannulation partielle\b|\bdemande d annulation\b|\bpartiellement annul\w*\b|"
    r"\bpartial(ly)? cancel\w*\b"
)
# A step the status names that the reading cannot take as a level (review-pubwb5 H8, M8,
# M10): the last amicable stage before litigation, a formal notice already sent or planned,
# a promise to pay, Dolibarr's « Payée partiellement » (closed, its remainder abandoned).
_PRE_LITIGATION = re.compile(r"\bpre ?contentieu\w*|\bprecontentieu\w*|\bpre ?litig\w*")
_NOTICE = re.compile(r"\bmise? en demeure\b|\bformal notice\b|^med\b|\bmed (envoye|faite?|notifie)")
_PROMISED = re.compile(
    r"\bpromesses? (de )?(paiement|payer|reglement|regler)\b|\bpromesse\b|"
    r"\b(paiement|reglement) promis\b|\bpromise(d)? to pay\b|\bpayment promised\b|"
    r"\b(paiement|reglement|virement) annonce\w* (pour|au|le)\b"
)
_CLOSED_PART_PAID = re.compile(r"\bpayee?s? partiellement\b")
# An overpayment (« Payé 300 € en trop », « Trop-perçu 300 € »): the amount it names is no
# payment of the invoice's, what is left is unknown (review-attack-6 §16).
_OVERPAID = re.compile(
    r"\b(en|de) trop\b|\btrop (percu|paye|regle|verse|encaisse)\w*|\bsur ?paiements?\b|"
    r"\boverpa(id|yments?)\b"
)
# Odoo's « Historique de facturation de l'application » (invoicing_legacy): its payment was
# followed before the Invoicing app, usually settled elsewhere (review-pubwb8 M6).
_LEGACY = re.compile(r"\bhistorique de facturation\b|\binvoicing (app )?legacy\b")
# A payment said but not sure (review-attack-5 §6): « Soi-disant réglé », « Réglé selon
# client », « Client dit avoir payé », « Payée par erreur à un autre fournisseur », « Payé en
# double »; and, read on the cell as typed, « Réglé ? ».
_PAID_WORD = (
    r"(paye\w*|regle\w*|solde\w*|encaisse\w*|vire\w*|verse\w*|paid|settled|paiement|"
    r"reglement|virement|cheque|payment)"
)
_DOUBT = (
    r"(soi ?disant|soit disant|pretendu\w*|selon (le |la |l )?(client\w*|debiteur)|selon eux|"
    r"selon lui|selon elle|d apres (le |la |l )?(client\w*|debiteur)|dit avoir|disent avoir|"
    r"affirme avoir|affirment avoir|annonce\w*|aurai(t|ent)|par erreur|a verifier|a confirmer|"
    r"non verifie\w*|en double|deux fois|double paiement|claims?)"
)
_DOUBTFUL = re.compile(rf"\b{_DOUBT}\b.*\b{_PAID_WORD}\b|\b{_PAID_WORD}\b.*\b{_DOUBT}\b")
_ASKED = re.compile(rf"\b{_PAID_WORD}\b")
# The doubt resolved: the surplus refunded, the payment checked (review-late M1).
_SETTLED_DOUBT = re.compile(
    r"\b(remboursee?s?|refunded|restituee?s?|ok)\b|(?<!non )\b(verifiee?s?|confirmee?s?)\b"
)
# The six, as one pattern a status is read with (a doubtful payment: doubtful_paid, which
# reads the cell as typed).
_UNDER_WAY = (
    _CREDIT_TO_COME, _CANCEL_ASKED, _PRE_LITIGATION, _NOTICE, _PROMISED,
    _CLOSED_PART_PAID, _OVERPAID, _LEGACY,
)  # fmt: skip
PENDING = "|".join(p.pattern for p in _UNDER_WAY)

# What the row's warning says of each (French).
CREDIT_TO_COME = (
    "avoir à venir : le montant dû n'est pas encore connu ; facture mise en attente, ni "
    "relancée en entier ni tenue pour un avoir"
)
CANCEL_ASKED = (
    "annulation demandée ou partielle : un avoir est probablement à venir ; facture mise en "
    "attente, pas relancée en entier"
)
PARTLY_LETTERED = (
    "lettrage partiel : une partie seulement est rapprochée d'un règlement, le reste dû est "
    "inconnu ; facture mise en attente (un code en minuscules ou marqué « * » signale "
    "d'ordinaire un lettrage partiel ; un lettrage total s'écrit en majuscules)"
)
LITIGATION_NAMED = (
    "contentieux à confirmer (avocat, cabinet, précontentieux…) : la colonne de contentieux "
    "est remplie, le dossier est au contentieux ou près de l'être ; facture mise en attente, "
    "pas de relance amiable ; écrivez « Oui » ou la date pour le niveau Contentieux, « Non » "
    "pour la relancer"
)
PRE_LITIGATION = (
    "pré-contentieux : dernière étape amiable, le dossier n'est pas au contentieux ; facture "
    "mise en attente, ni relancée au 1er niveau ni tenue pour contentieuse ; écrivez son "
    "niveau (« Mise en demeure » et sa date) dans « Niveau de relance » pour que la suite en "
    "parte"
)
NOTICE_SENT = (
    "mise en demeure d'après le statut : le client l'a sans doute déjà reçue, la relance ne "
    "repart pas d'une 1re relance ; facture mise en attente ; écrivez « Mise en demeure » et "
    "sa date dans « Niveau de relance » et « Date de relance » pour que la suite en parte"
)
PROMISED = (
    "promesse de paiement d'après le statut : aucune date promise, facture mise en attente, "
    "pas de relance ; écrivez la date promise dans une colonne « Date promise » pour que la "
    "relance reprenne après elle si rien n'est reçu"
)
CLOSED_PART_PAID = (
    "payée partiellement : dans Dolibarr et d'autres logiciels, la facture est alors classée, "
    "le reste abandonné (escompte, perte) ; facture mise en attente, pas relancée pour le "
    "reste ; si le reste est encore dû, écrivez « Règlement commencé » ou « Partiellement "
    "payée »"
)
DOUBTFUL_PAID = (
    "règlement annoncé mais incertain (« ? », « selon le client », « par erreur », « en "
    "double »…) : rien n'est tenu pour reçu tant qu'il n'est pas vérifié ; facture mise en "
    "attente, ni relancée ni tenue pour réglée"
)
OVERPAID = (
    "règlement en trop (trop-perçu) d'après le statut : ce qui reste dû n'est pas sûr ; "
    "facture mise en attente, ni relancée ni tenue pour réglée ; écrivez « Réglée » (le "
    "trop-perçu se rembourse ou s'impute à part) ou le montant réglé dans sa colonne"
)
LEGACY = (
    "historique de facturation de l'application (Odoo) : son paiement a été suivi hors de "
    "l'application, elle est souvent réglée ; facture mise en attente, pas de relance ; "
    "est-elle encore due ? Si oui, écrivez « Non payée » dans son statut, sinon « Payée »"
)
CREDIT_ASKED = "avoir à émettre ou demandé : " + CREDIT_TO_COME.split(" : ", 1)[1]


_STEPS = (
    (_PRE_LITIGATION, PRE_LITIGATION),
    (_NOTICE, NOTICE_SENT),
    (_PROMISED, PROMISED),
    (_CLOSED_PART_PAID, CLOSED_PART_PAID),
    (_LEGACY, LEGACY),
)


def doubtful_paid(value: Any) -> bool:
    """Whether a status says paid without being sure of it (« Réglé ? », « selon client »)."""
    # « Payé demain », « Payé 0 € », « PAYÉ ✗ » (review-attack-6 §1)
    return _doubted(value) or unsure_paid(value)


def _doubted(value: Any) -> bool:
    """Whether a status says paid with a doubt: « selon le client », « par erreur », « ? »."""
    if not isinstance(value, str):
        return False
    text = normalise(value)
    if _PROMISED.search(text):  # « paiement annoncé pour le 15/12 »: a promise, its date
        return False
    if _SETTLED_DOUBT.search(text):  # « Payé en double - remboursé le 15/04 »: resolved
        return False
    # « Réglé ? » asks; « Payé ? non » answers (open), « Payé ? oui » too (paid).
    asked = value.strip().endswith("?") and _ASKED.search(text)
    return bool(_DOUBTFUL.search(text) or asked)


def pending_word(value: Any) -> str | None:
    """The warning for a text saying something under way (« Avoir à faire »), else None."""
    if not isinstance(value, str) or denied(value):  # « Demande d'avoir refusée »
        return None
    if _doubted(value):
        return DOUBTFUL_PAID
    if overpaid(value):
        return OVERPAID
    if unsure_paid(value):
        return UNSURE_PAID
    from .statuses import paid_not_understood  # statuses reads this module: imported late

    if paid_not_understood(value):
        return UNSURE_PAID
    text = normalise(value)
    if _CREDIT_TO_COME.search(text):
        return CREDIT_TO_COME
    if _CANCEL_ASKED.search(text):
        return CANCEL_ASKED
    return next((said for pattern, said in _STEPS if pattern.search(text)), None)


def overpaid(value: Any) -> bool:
    """Whether a status speaks of a payment over the amount (« 300 € en trop », « trop-perçu »)."""
    return isinstance(value, str) and bool(_OVERPAID.search(normalise(value)))


def pending_rows(grid: Grid, held: np.ndarray, readers: dict[str, Any]) -> np.ndarray:
    """Rows among held whose statuses say something under way, each with a warning on its
    row; their hold reason (None elsewhere). readers: field -> cell -> warning or None."""
    reason = nones(len(grid))
    for field, read in readers.items():
        if field not in grid.positions:
            continue
        raw = grid.raw(field)
        said = object_array([read(v) for v in raw.values])[raw.codes]
        for i in np.flatnonzero(held & (reason == None) & (said != None)).tolist():  # noqa: E711
            message = said[i]
            text = " ".join(str(raw.at(i)).split())
            reason[i] = (
                f"En attente (« {text} », colonne « {grid.header(field)} ») : "
                f"{message.split(' : ')[0]}, pas de relance"
            )
            grid.problem(i, field, raw.at(i), message, "warning")
    return reason


__all__ = [
    "CANCEL_ASKED",
    "CLOSED_PART_PAID",
    "CREDIT_ASKED",
    "CREDIT_TO_COME",
    "DOUBTFUL_PAID",
    "LEGACY",
    "LITIGATION_NAMED",
    "NOTICE_SENT",
    "OVERPAID",
    "PARTLY_LETTERED",
    "PENDING",
    "PRE_LITIGATION",
    "PROMISED",
    "UNSURE_PAID",
    "doubtful_paid",
    "overpaid",
    "pending_rows",
    "pending_word",
]

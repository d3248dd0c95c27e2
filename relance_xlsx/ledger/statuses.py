"""Status words read for what they mean, French and English, misspellings included.

Paid (payée, réglée, soldé, encaissée, paid, payed, settled), not to chase (brouillon, devis,
pro forma, annulée, avoir, classé, irrécouvrable, IRR, passé en perte, written off…), on hold
(en litige, contesté, suspendu, disputed), and the statuses of the French e-invoicing
platforms (déposée, rejetée, refusée, en litige, suspendue, approuvée, paiement transmis,
encaissée).
"""

from __future__ import annotations

import re
from typing import Any

from .columns import normalise
from .denials import denied
from .paidtail import as_percent, not_understood
from .pending import PENDING, doubtful_paid
from .remarks import SETTLED_DISPUTE
from .voided import VOIDED

PAID = "paid"
DRAFT = "draft"
CANCELLED = "cancelled"
REJECTED = "rejected"
WRITTEN_OFF = "written_off"
CLOSED = "closed"
CREDIT = "credit"
HOLD = "hold"
LITIGATION = "litigation"
WAIT = "wait"
OPEN = "open"
# When two columns disagree (Statut and Statut plateforme), the first meaning here wins.
PRIORITY = (
    PAID,
    CANCELLED,
    DRAFT,
    REJECTED,
    WRITTEN_OFF,
    CLOSED,
    CREDIT,
    HOLD,
    LITIGATION,
    WAIT,
    OPEN,
)
# Meanings whose rows are not invoices to chase at all: skipped, with the reason.
NOT_CHASED = frozenset({DRAFT, CANCELLED, REJECTED, WRITTEN_OFF, CLOSED})

# What `check` says each meaning does (French).
SAID = {
    PAID: "réglée",
    DRAFT: "brouillon, devis ou pro forma : pas une facture émise, non relancée",
    CANCELLED: "annulée : non relancée",
    REJECTED: "refusée ou rejetée (plateforme de facturation) : non relancée",
    WRITTEN_OFF: "créance classée, irrécouvrable ou passée en perte : non relancée",
    CLOSED: "dossier clôturé : non relancé",
    CREDIT: "avoir : déduit du total du client, jamais relancé",
    HOLD: "en litige ou suspendue : en attente, pas de relance",
    LITIGATION: "au contentieux : suivie comme le niveau « Contentieux », pas de relance amiable",
    WAIT: "paiement transmis : en attente de l'encaissement, pas de relance cette semaine",
    OPEN: "à relancer si elle est échue",
}

# The words that say paid, French, English, German, Spanish, Italian and Portuguese.
_PAID_WORDS = (
    r"paye|payee|payes|payees|payed|paid|regle|reglee|reglees|regles|solde|soldee|soldees|"
    r"soldes|encaisse|encaissee|encaissees|settled|acquitte\w*|paiement recu|payment received|"
    r"lettree|lettrees|prelevee|prelevees|"
    r"recu|received|setled|payd|bezahlt|pagad[oa]s?|pagat[oaie]|pago|cobrad[oa]s?"
)
# A negation anywhere before the paid word in the same clause (« Pas encore payé », « Never
# paid », « No pagado », « Non clôturé »), but not « pas de litige, payée », « chèque n° 12
# reçu » (n° folds to « no ») nor « relance non nécessaire, payée » (another clause).
_NEGATED = re.compile(
    r"\b(non|pas|not|never|jamais|no|nicht|nunca|nao)\b(?! (de|d|du|des|\d))( \w+)*? "
    rf"({_PAID_WORDS}|clos|close|closed|cloture\w*|regularise\w*)\b"
)
# Cancellation, credit and litigation words negated in their clause: « Pas de contentieux »,
# « Hors contentieux », « Non annulée », « Sans avoir », « Pas d'avoir », « Pas encore annulée »;
# or undone after them: « Annulation refusée », « Avoir refusé », « Contentieux : non ».
_STRONG_WORDS = r"contentieux|annul\w*|cancel\w*|avoirs?|credit notes?"
_NEGATED_STRONG = re.compile(
    r"\b(non|pas|not|never|jamais|no|sans|hors|aucun\w*|without)"
    rf"( (de|d|du|des|encore|plus|un|une|en|au|a|of|yet))? ({_STRONG_WORDS})\b|"
    rf"\b({_STRONG_WORDS}) (non|no|not|refuse\w*|rejete\w*|annule\w*|refused|rejected|"
    r"declined|cancelled)$"
)
_CLAUSES = re.compile(r"[,;:/()\[\]|\u2013\u2014]| - ")

# Checked in this order on the folded text: the first pattern that matches gives the meaning.
# A payment that bounced (« Prélèvement rejeté », « Réglée (chèque rejeté) »): still owed,
# and nothing received, even beside « partiellement ».
_BOUNCED = (
    r"\b(prelevement|cheque|virement|paiement|payment|reglement|effet|lcr|traite|sepa)s? "
    r"(\w+ )?(rejet\w*|refus\w*|impaye\w*|retourne\w*|bounced|returned|sans provision)\b|"
    r"\b(rejet|impaye)s? (de |du |d )?(prelevement|cheque|virement|paiement|reglement)|"
    # « Réglé mais rejeté », « Payé puis retourné » (review-attack-5 §6)
    r"\b(paye\w*|regle\w*|encaisse\w*|vire\w*) (mais|puis|et) (\w+ ){0,3}?"
    r"(rejet\w*|refus\w*|impaye\w*|retourne\w*|annule\w*|bounced|returned)\b|"
    # « Payé — rejeté » (review-attack-6 §1)
    r"\b(paye\w*|regle\w*|encaisse\w*) (rejet\w*|refus\w*|impaye\w*|retourne\w*|bounced|returned)\b"
)
_PATTERNS = (
    (OPEN, _BOUNCED),
    # Something under way (« Avoir à faire », « Annulée partiellement »): held, the amount
    # owed in doubt (pending.pending_word).
    (HOLD, PENDING),
    # « Payé à 50 % », « Acompte payé »: a part paid, its balance unknown.
    (OPEN, r"\b(paye\w*|regle\w*|encaisse\w*) a (?!100\b)\d+\b|\bacomptes?\b|"
     r"\b(paye\w*|regle\w*|encaisse\w*) (a )?(?!100\b)\d+ pourcent\b"),
    # « Payé ? non »
    (OPEN, rf"\b({_PAID_WORDS}) (non|no|not)$"),
    # « non payée », « impayée », « partiellement réglée », « à payer », « unpaid »: open.
    (OPEN, r"\b(non|pas|not|un|im)\s?(paye\w*|payed|paid|regle\w*|solde\w*|encaisse\w*|"
     r"settled|recu\w*|received|pagad\w*|pagat\w*)\b|\bpartiel\w*|\bpartial\w*|\bimpaye\w*|"
     r"\ba payer\b|\bto pay\b|\ben attente de (paiement|reglement)\b|\bawaiting payment\b|"
     r"\bpart paid\b|\bunbezahlt\b|\bnicht bezahlt\b|\bteilweise\b|\bteilbezahlt\b|\boffen\b|"
     # Dolibarr's payment under way: « Règlement commencé », « Commencée ».
     r"\breglement commence\b|^commencee?$|"
     # Spanish, Italian, Portuguese: « Pendiente de pago », « In sospeso », « Scaduto ».
     r"\bpendiente\w*|\bpendente\w*|\bvencid[oa]s?\b|\bin sospeso\b|\bscadut[oaie]\b|"
     r"\bparcial\w*|\bparzial\w*|\b(por|a|da) pagar(e)?\b"),
    (WAIT, r"\b(paiement|payment|virement|transfer)s? (transmis|envoye\w*|emis\w*|sent|"
     r"transmitted|initiated|en cours|in progress)\b|"
     # Odoo's « En paiement » (a payment registered, its bank line not yet matched); a
     # cheque or bill handed to the bank (« Valeur envoyée à l'encaissement »).
     r"^en paiement$|^in payment$|\b(envoye\w*|remis\w*|depose\w*) (a|en) l? ?encaissement\b"),
    # « Annulation de l'avoir AV-3 », « Avoir annulé »: the credit undone, the invoice owed.
    (OPEN, r"\bannulation (de |du |d )?(l |un |une |cet |cette )?(avoir|credit note)\b|"
     r"\b(avoir|credit note) (\w+ )?annule\w*"),
    (CANCELLED, VOIDED),  # « Annulée par avoir », « Créditée »: cancelled, not a credit
    (CREDIT, r"\b(avoir|credit note|credit memo|note de credit)\b"),
    (CANCELLED, r"\b(annul\w*|anulad[oa]s?|cancel\w*|void\w*|supprim\w*|deleted|storn\w*)\b"),
    # Rejected by the e-invoicing platform: the word alone, or with the platform's name.
    (REJECTED, r"^(facture )?(rejet\w*|refus\w*|rejected|refused|declined)"
     r"( (par|sur|by|on|la|le|l|de|du|plateforme|pdp|pa|chorus|pro|platform|e invoicing))*$"),
    (DRAFT, r"\b(brouillon\w*|draft\w*|pro ?forma|devis|quote|quotation|estimate|"
     r"non emise?|not issued|a emettre|a facturer|to be issued|to invoice|"
     r"a envoyer|non envoyee?|not sent|unsent|borrador\w*|bozz[ae])\b|"
     # Xero's « SUBMITTED » (awaiting approval): not issued yet (review-pubwb8 H4), only as
     # the whole status: « Relance à valider », « Paiement à valider », « Submitted to Chorus
     # Pro » are about a reminder, a payment, a platform, and stay chased (review-pubre H1).
     r"^(facture )?(submitted|awaiting approval|pending approval|a valider|a approuver|"
     r"en attente (de )?validation)$"),
    (WRITTEN_OFF, r"^irr\b|\b(irrecouvrable\w*|uncollectible|classe|classee|classes|"
     r"classement|perte|pertes|written off|write off|writeoff|bad debt|abandon\w*|"
     r"prescrite?)\b"),
    (HOLD, r"\b(litig\w*|contest\w*|disput\w*|suspendu\w*|suspended|bloque\w*|blocked|"
     r"on hold|desaccord\w*|reclamation\w*)\b"),
    (PAID, rf"\b({_PAID_WORDS}|"
     # A refund closes the invoice as a payment does: nothing is owed on it.
     r"rembourse|remboursee|rembourses|remboursees|refunded)\b"),
    # « Lettré(e) »: matched to its payment in the accounts.
    (PAID, r"^lettre$|\blettrage (fait|ok|effectue)\b"),
    # « Régularisé - OK » (a bounced bill made good), « Sans suite » alone (dropped): nothing
    # is chased, and no payment is claimed to the client either (review-pubwb5 M7). « À
    # régulariser », « Sans suite de sa part » are still owed (review-nextcase H2).
    (CLOSED, r"\b(clos|close|closed|cloture\w*|regularisee?s?)\b|^(dossier )?sans suite$"),
    (LITIGATION, r"\b(en )?contentieux\b"),
    # Pennylane's « À venir »: not yet due; the due date decides, nothing to warn of.
    (OPEN, r"^a venir$|^a echoir$"),
    (OPEN, r"\b(a regulariser|regularisation|sans suite de|sans reponse|"
     r"en attente|attente|pending|ouverte?|open|due|echue?|overdue|en retard|late|"
     r"envoyee?|sent|emise?|issued|deposee?|approuvee?|approved|relance\w*|"
     r"mise a disposition|prise en charge|completee?|a relancer|unpaid|soumise?|authori[sz]ed|"
     r"en cours|amiable|judiciaire|contentieux|injonction|recouvrement|facturee?|invoiced|"
     r"billed|comptabilise\w*|posted)\b"),
)  # fmt: skip
# A status saying part of the invoice was paid: its balance needs a paid amount.
_PARTIAL = re.compile(
    r"\bpartiel\w*|\bpartial\w*|\bparcial\w*|\bparzial\w*|\bpart paid\b|\bteilweise\b|"
    r"\bteilbezahlt\b|\b(paye\w*|regle\w*|encaisse\w*) a (?!100\b)\d+\b|\bacomptes?\b|"
    r"\b(paye\w*|regle\w*|encaisse\w*) (a )?(?!100\b)\d+ pourcent\b|"
    r"\breglement commence\b|^commencee?$"
)
# A bounced payment (nothing received) or a part cancelled (a credit to come): no part paid.
_NOT_PART_PAID = re.compile(f"{_BOUNCED}|{PENDING}")
_COMPILED = tuple((meaning, re.compile(pattern)) for meaning, pattern in _PATTERNS)
# Long words mistyped by one letter are still read: « encaisée », « brouillion », « setled ».
_VOCABULARY = (
    "encaissee", "brouillon", "annulee", "cancelled", "irrecouvrable", "settled", "reglee",
    "soldee", "contestee", "suspendue", "rejetee", "refusee", "proforma", "written",
    "acquittee", "transmis", "classee", "litige", "cloture",
)  # fmt: skip
_FUZZY_FROM = 7
_PERCENT = re.compile(r"(?<![\d,.])(\d{1,3})(?:[.,]\d+)?\s*%")


def status_meaning(value: Any) -> str | None:
    """The meaning of one status cell (PAID, DRAFT, … OPEN), None when it says nothing known."""
    if not isinstance(value, str):
        return None
    text = _folded(value)
    if not text:
        return OPEN if denied(value) else None  # « ne conteste pas »: nothing else said
    if any(_NEGATED.search(_folded(clause)) for clause in _CLAUSES.split(value)):
        return OPEN
    if strong_word_negated(value):
        return OPEN
    if doubtful_paid(value):  # « Réglé ? », « Réglé selon client »: held, to verify
        return HOLD
    meaning = _read(text)
    # A paid word followed by words not understood: held, never « Réglée » (review-attack-6 §1).
    return HOLD if meaning == PAID and not_understood(value) else meaning


def paid_not_understood(value: Any) -> bool:
    """Whether a status reads paid but goes on with words the reader does not understand."""
    return isinstance(value, str) and bool(not_understood(value)) and _read(_folded(value)) == PAID


def _read(text: str) -> str | None:
    return next((meaning for meaning, pattern in _COMPILED if pattern.search(text)), None)


def strong_word_negated(value: Any) -> bool:
    """Whether a cancellation, credit or litigation word is negated or undone in its clause."""
    if not isinstance(value, str):
        return False
    if denied(value):  # « Annulation demandée - refusée », « contentieux évité »
        return True
    clauses = [normalise(clause) for clause in _CLAUSES.split(value)]
    return any(_NEGATED_STRONG.search(c) for c in [*clauses, normalise(value)] if c)


def status_partial(value: Any) -> bool:
    """Whether a status such as « Partially paid » or « Partiellement payée » says a part paid."""
    if not isinstance(value, str):
        return False
    text = normalise(_PERCENT.sub(r" \1 pourcent ", as_percent(value)))
    return bool(_PARTIAL.search(text)) and not _NOT_PART_PAID.search(text)


def payment_bounced(value: str) -> bool:
    """Whether a status says a payment bounced (« chèque rejeté »): nothing was received."""
    return bool(re.search(_BOUNCED, normalise(value)))


def status_says_paid(value: Any) -> bool:
    """Whether a status text such as « Payée », « Soldé » or « payed » means paid."""
    return status_meaning(value) == PAID


def _folded(value: str) -> str:
    """A status folded for matching, its mistyped words mended, its settled disputes out."""
    # « Réglé 50% » is « réglé 50 pourcent »: a part paid (review-attack-5 §6).
    text = " ".join(
        _spelled(w) for w in normalise(_PERCENT.sub(r" \1 pourcent ", as_percent(value))).split()
    )
    # « litige réglé », « pas de litige »: neither a dispute nor a payment.
    return SETTLED_DISPUTE.sub(" ", text).strip()


def _spelled(word: str) -> str:
    """A long word one letter away from a status word is that word."""
    if len(word) < _FUZZY_FROM or word in _VOCABULARY:
        return word
    return next((v for v in _VOCABULARY if _one_edit(word, v)), word)


def _one_edit(a: str, b: str) -> bool:
    """Whether a and b differ by one inserted, deleted or replaced letter."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


__all__ = [
    "CANCELLED",
    "CLOSED",
    "CREDIT",
    "DRAFT",
    "HOLD",
    "LITIGATION",
    "NOT_CHASED",
    "OPEN",
    "PAID",
    "PRIORITY",
    "REJECTED",
    "SAID",
    "WAIT",
    "WRITTEN_OFF",
    "paid_not_understood",
    "payment_bounced",
    "status_meaning",
    "status_partial",
    "status_says_paid",
    "strong_word_negated",
]

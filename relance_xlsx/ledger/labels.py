"""The French name of each ledger field, as `check` and the messages show it."""

from __future__ import annotations

FIELD_LABELS = {
    "invoice": "N° de facture",
    "client": "Client",
    "client_number": "N° de client",
    "supplier": "Fournisseur",
    "invoice_date": "Date de facture",
    "due_date": "Échéance",
    "amount": "Montant TTC",
    "amount_ht": "Montant HT",
    "invoice_total": "Total de la facture (échéances)",
    "vat": "TVA",
    "add_vat": "TVA ajoutée au montant",
    "paid": "Montant réglé",
    "payment_date": "Date de règlement",
    "paid_flag": "Réglée (oui/non)",
    "status": "Statut",
    "payment_status": "Statut du paiement",
    "platform_status": "Statut plateforme",
    "closed": "Clôture",
    "litigation": "Contentieux (oui/non)",
    "cancelled": "Annulée (oui/non)",
    "credit_flag": "Avoir (oui/non)",
    "credit_due": "Avoir à émettre (oui/non)",
    "lettering": "Lettrage",
    "hold": "Litige ou blocage",
    "terms": "Conditions de paiement",
    "balance": "Reste dû",
    "deduction": "Acompte versé",
    "retention": "Retenue de garantie",
    "credit_applied": "Avoir imputé",
    "siret": "SIRET",
    "phone": "Téléphone",
    "remarks": "Remarques",
    "client_type": "Type de client",
    "doc_type": "Type de document",
    "insolvency": "Procédure collective",
    "object": "Objet",
    "email": "E-mail",
    "address": "Adresse postale",
    "street": "Rue",
    "postcode": "Code postal",
    "city": "Ville",
    "country": "Pays",
    "contact": "Contact",
    "attachment": "PDF de la facture",
    "language": "Langue",
    "currency": "Devise",
    "reminder_level": "Niveau de relance",
    "reminder_date": "Date de relance",
    "reminder_status": "Statut relance",
    "reminder_count": "Nombre de relances",
    "draft_flag": "Brouillon (oui/non)",
    "stage_1": "Date de la 1re relance",
    "stage_2": "Date de la 2e relance",
    "stage_notice": "Date de la mise en demeure",
    "promise_date": "Promesse de paiement",
    "promise_amount": "Montant promis",
    "registered_no": "N° de recommandé",
    "ar_date": "Date de l'AR",
    "receipt_date": "Date de réception",
    "settled_invoice": "Facture réglée",
}


def label(field: str) -> str:
    """« Date de facture » for invoice_date; a field without a label keeps its name."""
    return FIELD_LABELS.get(field, field.replace("_", " "))


__all__ = ["FIELD_LABELS", "label"]

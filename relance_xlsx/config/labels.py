"""The French name of each setting a person fills in (the page's form, the messages that
send them there): never « creditor.bic » or « [creditor] » in front of a person."""

from __future__ import annotations

SETTING_LABELS = {
    "creditor.name": "Raison sociale",
    "creditor.address": "Adresse",
    "creditor.city": "Ville",
    "creditor.siret": "SIRET",
    "creditor.vat_number": "N° de TVA",
    "creditor.legal_form": "Forme juridique",
    "creditor.share_capital": "Capital social",
    "creditor.rcs_city": "Ville du RCS",
    "creditor.phone": "Téléphone",
    "creditor.email": "E-mail",
    "creditor.signatory": "Signataire",
    "creditor.signatory_title": "Fonction du signataire",
    "creditor.signatory_title_en": "Fonction du signataire (lettres en anglais)",
    "creditor.iban": "IBAN",
    "creditor.bic": "BIC",
    "creditor.bank": "Banque",
    "creditor.cheque_payee": "Chèques à l'ordre de",
    "creditor.payment_link": "Lien de paiement en ligne",
    "smtp.host": "Serveur d'envoi (SMTP)",
    "smtp.port": "Port",
    "smtp.security": "Sécurité de la connexion",
    "smtp.user": "Identifiant",
    "smtp.from_address": "Adresse d'expéditeur",
    "smtp.from_name": "Nom d'expéditeur",
}


def setting_label(key: str) -> str:
    """The French name of a setting (its key when it has none yet)."""
    return SETTING_LABELS.get(key, key)


__all__ = ["SETTING_LABELS", "setting_label"]

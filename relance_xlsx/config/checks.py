"""What relance.toml may say: each value checked, refused in one sentence naming its key."""

from __future__ import annotations

import re

from ..errors import ConfigError
from .ranges import check_ranges
from .sections import Creditor, Email, Policy, Print, Report, Settings, Smtp, Writeback

# The legal forms a sole trader may state (he has no company, hence no capital).
_SOLE_TRADER_FORMS = {"", "ei", "entrepreneur individuel", "entreprise individuelle", "eirl"}
_CAPITAL = re.compile(r"\d[\d\s\u202f\u00a0.,]*\s*(€|eur|euros?)?", re.I)


def _compact(text: str) -> str:
    return re.sub(r"[\s\u202f\u00a0.\-]", "", text)


def siret_problem(text: str) -> str | None:
    """Why a SIRET is not one: 14 digits whose Luhn key is right (La Poste's own rule aside)."""
    digits = _compact(text)
    if not re.fullmatch(r"\d{14}", digits):
        return "un SIRET a 14 chiffres"
    total = 0
    for i, d in enumerate(int(c) for c in reversed(digits)):
        d = d * 2 if i % 2 else d
        total += d - 9 if d > 9 else d
    if total % 10 and not (digits.startswith("356000000") and sum(map(int, digits)) % 5 == 0):
        return "ce SIRET a une clé de contrôle fausse : vérifiez les chiffres"
    return None


def vat_problem(text: str, siret: str = "") -> str | None:
    """Why an intra-community VAT number is not one. A French one is FR, a two-digit key and
    the SIREN, the key being (12 + 3 × (SIREN mod 97)) mod 97; it must match the SIRET."""
    number = _compact(text).upper()
    if not number.startswith("FR"):
        ok = re.fullmatch(r"[A-Z]{2}[A-Z0-9]{2,13}", number)
        return None if ok else "un n° de TVA commence par le code du pays (FR…)"
    if not re.fullmatch(r"FR[0-9A-HJ-NP-Z]{2}\d{9}", number):
        return "un n° de TVA français est FR, 2 caractères de clé et les 9 chiffres du SIREN"
    key, siren = number[2:4], number[4:]
    if key.isdigit() and int(key) != (12 + 3 * (int(siren) % 97)) % 97:
        return "ce n° de TVA a une clé fausse : vérifiez-le (FR + clé + SIREN)"
    digits = _compact(siret)
    if re.fullmatch(r"\d{14}", digits) and digits[:9] != siren and digits.strip("0"):
        return "ce n° de TVA ne porte pas le SIREN du SIRET (ses 9 premiers chiffres)"
    return None


def capital_problem(text: str) -> str | None:
    """Why a share capital is not one: an amount in euros (« 10 000 € ») or « variable »."""
    if text.strip().lower() in ("variable", "capital variable"):
        return None
    return None if _CAPITAL.fullmatch(text.strip()) else "un montant en euros (ex. 10 000 €)"


def rcs_problem(text: str) -> str | None:
    """Why an RCS town is not one: the town of the registry only, no number."""
    if re.search(r"\d", text):
        return "la ville du greffe seulement (ex. Lyon) : le n° SIREN vient du SIRET"
    return None


def _check_creditor(creditor: Creditor, where: str) -> None:
    checks = (
        ("vat_number", lambda v: vat_problem(v, creditor.siret)),
        ("share_capital", capital_problem),
        ("rcs_city", rcs_problem),
    )
    for key, check in checks:
        value = getattr(creditor, key).strip()
        problem = check(value) if value else None
        if problem:
            raise ConfigError(f"[creditor] {key} dans {where} : {problem} (lu : {value!r}).")
    if creditor.sole_trader and creditor.share_capital.strip():
        raise ConfigError(
            f"[creditor] share_capital dans {where} : un entrepreneur individuel (sole_trader "
            "= true) n'a pas de capital social ; laissez-le vide."
        )
    if creditor.sole_trader and creditor.legal_form.strip().lower() not in _SOLE_TRADER_FORMS:
        raise ConfigError(
            f"[creditor] legal_form dans {where} : « {creditor.legal_form} » est une société, "
            "pas un entrepreneur individuel (sole_trader = true) ; corrigez l'un ou l'autre."
        )


# The letters' kinds (ledger.ALL_KINDS, which this layer cannot import; a test keeps them equal).
LETTER_KINDS = (
    "mise_en_demeure",
    "relance_2",
    "relance_1",
    "pre_echeance",
    "remerciement",
    "penalites",
    "releve",
)


def _check_policy(policy: Policy, where: str) -> None:
    if policy.end_of_month_method not in ("add_then_eom", "eom_then_add"):
        raise ConfigError(
            f"[policy] end_of_month_method dans {where} doit valoir « add_then_eom » "
            "ou « eom_then_add »."
        )
    if policy.default_client_type not in ("professionnel", "particulier"):
        raise ConfigError(
            f"[policy] default_client_type dans {where} doit valoir « professionnel » "
            "ou « particulier »."
        )
    for name in ("days_after_reminder_1", "days_after_reminder_2", "days_after_formal_notice"):
        if getattr(policy, name) < 1:
            raise ConfigError(f"[policy] {name} dans {where} doit être au moins 1 jour.")
    if policy.group_by not in ("client", "client_and_stage"):
        raise ConfigError(
            f"[policy] group_by dans {where} doit valoir « client » ou « client_and_stage »."
        )
    if policy.prescription_from not in ("invoice_date", "due_date"):
        raise ConfigError(
            f"[policy] prescription_from dans {where} doit valoir « invoice_date » ou « due_date »."
        )
    if policy.claim_after_payment not in ("never", "letter"):
        raise ConfigError(
            f"[policy] claim_after_payment dans {where} doit valoir « never » ou « letter »."
        )
    if policy.claim_within_days < 1:
        raise ConfigError(f"[policy] claim_within_days dans {where} doit être au moins 1 jour.")
    if policy.prescription_warning_days < 0:
        raise ConfigError(
            f"[policy] prescription_warning_days dans {where} ne peut pas être négatif."
        )
    if policy.tolerance < 0:
        raise ConfigError(f"[policy] tolerance dans {where} ne peut pas être négative.")


def _check_smtp(smtp: Smtp, where: str) -> None:
    if smtp.security not in ("starttls", "ssl", "none"):
        raise ConfigError(
            f"[smtp] security dans {where} doit valoir « starttls », « ssl » ou « none »."
        )
    if smtp.per_minute < 1:
        raise ConfigError(f"[smtp] per_minute dans {where} doit être au moins 1.")


def _check_email(email: Email, where: str) -> None:
    if email.max_attachment_mb <= 0:
        raise ConfigError(f"[email] max_attachment_mb dans {where} doit être positif.")
    if email.max_recipients < 1:
        raise ConfigError(f"[email] max_recipients dans {where} doit être au moins 1.")


def _check_writeback(writeback: Writeback, where: str) -> None:
    name = writeback.journal_sheet
    # Excel's own rules for a sheet name: a file that breaks them does not open.
    if not name.strip() or len(name) > 31 or any(c in name for c in "/\\?*[]:"):
        raise ConfigError(
            f"[writeback] journal_sheet dans {where} doit être un nom de feuille Excel : "
            f"1 à 31 caractères, sans / \\ ? * [ ] : (lu : {name!r})."
        )
    if name.startswith("'") or name.endswith("'") or name.lower() == "history":
        raise ConfigError(
            f"[writeback] journal_sheet dans {where} : Excel refuse le nom {name!r} ; "
            "choisissez-en un autre."
        )


def _check_headers(writeback: Writeback, where: str) -> None:
    headers = [writeback.level_header, writeback.date_header, writeback.status_header]
    keys = [" ".join(h.split()).casefold() for h in headers]
    if not all(keys) or len(set(keys)) < len(keys):
        raise ConfigError(
            f"[writeback] level_header, date_header et status_header dans {where} doivent être "
            f"trois en-têtes différents et non vides (lus : {', '.join(map(repr, headers))})."
        )


def _check_report(report: Report, where: str) -> None:
    if not 0 < report.bucket_1 < report.bucket_2 < report.bucket_3:
        raise ConfigError(
            f"[report] bucket_1, bucket_2 et bucket_3 dans {where} doivent croître "
            "(par exemple 30, 60, 90 jours)."
        )
    if report.dso_days < 1:
        raise ConfigError(f"[report] dso_days dans {where} doit être au moins 1 jour.")


def _check_bank(settings: Settings, where: str) -> None:
    # A small gap: beyond a few cents a payment is partial, or a surplus, and the office
    # decides. (The matcher never uses more than [policy] tolerance either.)
    if not 0 <= settings.bank.tolerance <= 1.0:
        raise ConfigError(
            f"[bank] tolerance dans {where} doit être entre 0 et 1,00 € (lu : "
            f"{settings.bank.tolerance})."
        )


def _check_print(options: Print, where: str) -> None:
    unknown = [k for k in options.registered if k not in LETTER_KINDS]
    if unknown:
        raise ConfigError(
            f"[print] registered dans {where} : « {unknown[0]} » n'est pas un type de lettre ; "
            f"types possibles : {', '.join(LETTER_KINDS)}."
        )


def _check_contract_rate(settings: Settings, where: str) -> None:
    """A contractual rate exists only by an agreement: without terms of sale the letters would
    attribute it to L441-10 « de plein droit » (the lawyer's review, 3)."""
    rate = settings.policy.interest_rate
    if rate is not None and not settings.creditor.terms_of_sale:
        shown = f"{rate:g}".replace(".", ",")
        raise ConfigError(
            f"[policy] interest_rate dans {where} : un taux de pénalités contractuel ({shown} %) "
            "n'existe que par des conditions générales de vente acceptées par vos clients "
            "(Code de commerce L441-10 II) ; mettez [creditor] terms_of_sale = true si vous en "
            "avez, sinon retirez interest_rate : les lettres appliquent alors le taux légal "
            "(taux BCE majoré de 10 points)."
        )


def check_settings(settings: Settings, where: str) -> None:
    """Refuse values no run could use, naming the section and the key."""
    _check_creditor(settings.creditor, where)
    _check_policy(settings.policy, where)
    _check_smtp(settings.smtp, where)
    _check_email(settings.email, where)
    _check_writeback(settings.writeback, where)
    _check_headers(settings.writeback, where)
    _check_report(settings.report, where)
    _check_bank(settings, where)
    _check_print(settings.print, where)
    check_ranges(settings, where)
    _check_contract_rate(settings, where)


__all__ = [
    "LETTER_KINDS",
    "capital_problem",
    "check_settings",
    "rcs_problem",
    "siret_problem",
    "vat_problem",
]

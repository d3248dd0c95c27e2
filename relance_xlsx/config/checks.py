"""What relance.toml may say: each value checked, refused in one sentence naming its key."""

from __future__ import annotations

from ..errors import ConfigError
from .sections import Email, Policy, Report, Settings, Smtp, Writeback


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


def _check_report(report: Report, where: str) -> None:
    if not 0 < report.bucket_1 < report.bucket_2 < report.bucket_3:
        raise ConfigError(
            f"[report] bucket_1, bucket_2 et bucket_3 dans {where} doivent croître "
            "(par exemple 30, 60, 90 jours)."
        )
    if report.dso_days < 1:
        raise ConfigError(f"[report] dso_days dans {where} doit être au moins 1 jour.")


def check_settings(settings: Settings, where: str) -> None:
    """Refuse values no run could use, naming the section and the key."""
    _check_policy(settings.policy, where)
    _check_smtp(settings.smtp, where)
    _check_email(settings.email, where)
    _check_writeback(settings.writeback, where)
    _check_report(settings.report, where)


__all__ = ["check_settings"]

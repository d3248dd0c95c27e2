"""Settings: defaults in code, overridden by an optional relance.toml."""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

CONFIG_NAME = "relance.toml"

# Shown in letters when the creditor's identity is not configured: visible, never a blank.
PLACEHOLDER = "[À COMPLÉTER dans relance.toml]"


@dataclass(frozen=True)
class Creditor:
    """Who sends the letters; printed on every letter."""

    name: str = ""
    address: str = ""
    siret: str = ""
    vat_number: str = ""
    phone: str = ""
    email: str = ""
    city: str = ""
    signatory: str = ""
    signatory_title: str = ""
    iban: str = ""
    bic: str = ""
    bank: str = ""
    cheque_payee: str = ""
    payment_link: str = ""


@dataclass(frozen=True)
class Policy:
    """When to remind, escalate and what late-payment amounts to claim."""

    tolerance: float = 1.00
    grace_days: int = 1
    # Days to wait after a letter of level 1, 2, 3 before the next level.
    days_after_reminder_1: int = 15
    days_after_reminder_2: int = 10
    days_after_formal_notice: int = 15
    # Off by default: one level at a time, never a formal notice without the reminders before it.
    start_at_days_late_level: bool = False
    days_late_for_level_2: int = 30
    days_late_for_level_3: int = 45
    days_late_for_level_4: int = 60
    pre_due_reminder: bool = False
    pre_due_days: int = 5
    default_terms_days: int = 30
    # "45 jours fin de mois": "add_then_eom" (date + 45 days, then end of that month) or
    # "eom_then_add" (end of the invoice month, then + 45 days). Both are accepted by the DGCCRF.
    end_of_month_method: str = "add_then_eom"
    # Contractual late-payment rate in percent; None means ECB rate + 10 points.
    interest_rate: float | None = None
    interest_for_consumers: bool = False
    consumer_interest_rate: float | None = None
    indemnity: float = 40.0
    default_client_type: str = "professionnel"
    # A copy of the rate tables (same format as the bundled rates.toml) that replaces them,
    # e.g. to add the ECB rate of a new half-year before the next release.
    rates_file: str = ""


@dataclass(frozen=True)
class Letters:
    """Letter options: language, templates, deadlines."""

    language: str = "fr"
    template_dir: str = ""
    payment_days: int = 8
    formal_notice_days: int = 8
    currency: str = "EUR"


@dataclass(frozen=True)
class Writeback:
    """Headers of the status columns and the journal sheet the tool writes."""

    level_header: str = "Niveau de relance"
    date_header: str = "Date de relance"
    status_header: str = "Statut relance"
    journal_sheet: str = "Journal des relances"
    backups_to_keep: int = 10
    # Below this share of usable invoices among the rows read, the read is taken for wrong
    # (another table, a shifted header) and nothing is written into the workbook.
    min_usable_share: float = 0.5


@dataclass(frozen=True)
class Smtp:
    """The outgoing mail server; the password is never here (environment or keyring)."""

    host: str = ""
    port: int = 587
    # "starttls" (port 587), "ssl" (implicit TLS, port 465) or "none" (a local relay only)
    security: str = "starttls"
    user: str = ""
    from_address: str = ""
    from_name: str = ""
    reply_to: str = ""
    bcc_self: bool = True
    # At most this many messages a minute: many providers block bursts as spam.
    per_minute: int = 20
    timeout: int = 30
    # A CA certificate file for a server whose certificate is self-signed (company relay).
    ca_file: str = ""


@dataclass(frozen=True)
class Email:
    """What may leave with a message: attachments kept to the ledger's folder, few recipients."""

    # Invoice PDFs are attached only from inside this folder (relative to relance.toml), or
    # from the ledger's folder when empty: a path in a cell never reaches the rest of the disk.
    attachments_dir: str = ""
    max_attachment_mb: float = 10.0
    max_recipients: int = 10


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know besides the ledger and the date."""

    creditor: Creditor = field(default_factory=Creditor)
    policy: Policy = field(default_factory=Policy)
    letters: Letters = field(default_factory=Letters)
    writeback: Writeback = field(default_factory=Writeback)
    smtp: Smtp = field(default_factory=Smtp)
    email: Email = field(default_factory=Email)
    # canonical field name -> header text in the user's ledger; wins over detection
    columns: dict[str, str] = field(default_factory=dict)
    sheet: str = ""
    config_path: Path | None = None

    def path(self, value: str) -> Path:
        """A path from the config file: ~ expanded, relative to the config file's folder."""
        path = Path(value).expanduser()
        if not path.is_absolute() and self.config_path is not None:
            path = self.config_path.parent / path
        return path


_SECTIONS: dict[str, type] = {
    "creditor": Creditor,
    "policy": Policy,
    "letters": Letters,
    "writeback": Writeback,
    "smtp": Smtp,
    "email": Email,
}


def find_config(explicit: Path | None, ledger: Path | None) -> Path | None:
    """The config file: the explicit one, else relance.toml beside the ledger or here."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"Le fichier de configuration {explicit} est introuvable.")
        return explicit
    candidates = []
    if ledger is not None:
        candidates.append(ledger.resolve().parent / CONFIG_NAME)
    candidates.append(Path.cwd() / CONFIG_NAME)
    return next((c for c in candidates if c.is_file()), None)


def load_settings(path: Path | None) -> Settings:
    """Read relance.toml (or return the defaults when path is None)."""
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Impossible de lire {path} : {exc}.") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} n'est pas un fichier TOML valide : {exc}.") from exc
    return settings_from_dict(data, path)


def settings_from_dict(data: dict[str, Any], path: Path | None = None) -> Settings:
    """Build Settings from parsed TOML, refusing unknown keys and wrong types."""
    where = str(path) if path else "la configuration"
    known = {*_SECTIONS, "columns", "sheet"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(
            f"Section inconnue [{unknown[0]}] dans {where} ; sections possibles : "
            f"{', '.join(sorted(known))}."
        )
    sections: dict[str, Any] = {}
    for name, cls in _SECTIONS.items():
        sections[name] = _build_section(cls, data.get(name, {}), name, where)
    columns = data.get("columns", {})
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        raise ConfigError(f"[columns] dans {where} doit associer des noms à des en-têtes (texte).")
    sheet = data.get("sheet", "")
    if not isinstance(sheet, str):
        raise ConfigError(f"« sheet » dans {where} doit être un nom de feuille (texte).")
    settings = Settings(columns=dict(columns), sheet=sheet, config_path=path, **sections)
    _check_policy(settings.policy, where)
    _check_smtp(settings.smtp, where)
    _check_email(settings.email, where)
    return settings


def _build_section(cls: type, raw: Any, name: str, where: str) -> Any:
    if not isinstance(raw, dict):
        raise ConfigError(f"[{name}] dans {where} doit être une section.")
    fields = {f.name: f for f in dataclasses.fields(cls)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key in ("password", "mot_de_passe", "pass"):
            raise ConfigError(
                f"Le mot de passe n'a pas sa place dans {where} : retirez « {key} » de "
                f"[{name}] et donnez-le par la variable d'environnement "
                "RELANCE_SMTP_PASSWORD ou le trousseau du système."
            )
        if key not in fields:
            raise ConfigError(
                f"Clé inconnue « {key} » dans [{name}] de {where} ; clés possibles : "
                f"{', '.join(fields)}."
            )
        default = fields[key].default
        values[key] = _coerce(value, default, f"[{name}] {key}", where)
    return cls(**values)


def _coerce(value: Any, default: Any, label: str, where: str) -> Any:
    """Check a TOML value against the type of its default."""
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(default, float) or default is None:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        value = float(value) if ok else value
    else:
        ok = isinstance(value, str)
    if not ok:
        raise ConfigError(f"Valeur invalide pour {label} dans {where} : {value!r}.")
    return value


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


__all__ = [
    "CONFIG_NAME",
    "PLACEHOLDER",
    "Creditor",
    "Email",
    "Letters",
    "Policy",
    "Settings",
    "Smtp",
    "Writeback",
    "find_config",
    "load_settings",
    "settings_from_dict",
]

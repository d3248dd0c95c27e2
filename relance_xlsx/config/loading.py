"""Reading relance.toml into Settings: unknown keys and wrong types refused by name."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..userfiles import FileRefused, read_checked
from .checks import check_settings
from .sections import (
    CONFIG_NAME,
    Bank,
    Creditor,
    Email,
    Letters,
    Limits,
    Pdf,
    Policy,
    Print,
    Report,
    Settings,
    Smtp,
    Writeback,
)
from .tomlerrors import explain_toml_error

CONFIG_MB = 1  # relance.toml, or a file it names (rates_file)
_SECTIONS: dict[str, type] = {
    "creditor": Creditor,
    "policy": Policy,
    "letters": Letters,
    "writeback": Writeback,
    "smtp": Smtp,
    "email": Email,
    "limits": Limits,
    "report": Report,
    "pdf": Pdf,
    "bank": Bank,
    "print": Print,
}


def find_config(explicit: Path | None, ledger: Path | None) -> Path | None:
    """The config file: the explicit one, else relance.toml beside the ledger or here."""
    if explicit is not None:
        if not (explicit.exists() or explicit.is_symlink()):
            raise ConfigError(f"Le fichier de configuration {explicit} est introuvable.")
        return explicit  # a folder, a FIFO or /dev/zero: load_settings says why not
    candidates = []
    if ledger is not None:
        candidates.append(ledger.resolve().parent / CONFIG_NAME)
    candidates.append(Path.cwd() / CONFIG_NAME)
    # Whatever is there is the office's configuration: one that cannot be read is refused
    # in its sentence, never skipped for the defaults.
    return next((c for c in candidates if c.exists() or c.is_symlink()), None)


def load_settings(path: Path | None) -> Settings:
    """Read relance.toml (or return the defaults when path is None)."""
    if path is None:
        return Settings()
    try:  # never /dev/zero, a FIFO or a folder: a regular file of at most 1 MB
        raw = read_checked(path, max_mb=CONFIG_MB)
    except FileRefused as exc:
        raise ConfigError(f"Configuration refusée : {exc}") from exc
    try:
        # utf-8-sig: Windows Notepad may start the file with a byte-order mark.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path} n'est pas enregistré en UTF-8 (caractère illisible à l'octet "
            f"{exc.start}). Correction : dans le Bloc-notes, Fichier > Enregistrer sous, "
            "Encodage : UTF-8."
        ) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(explain_toml_error(exc, path, text)) from exc
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
    check_settings(settings, where)
    return settings


def _build_section(cls: type, raw: Any, name: str, where: str) -> Any:
    if not isinstance(raw, dict):
        raise ConfigError(f"[{name}] dans {where} doit être une section.")
    fields = {f.name: f for f in dataclasses.fields(cls)}
    values: dict[str, Any] = {}
    insisted = cls is Smtp and raw.get("password_in_file") is True
    for key, value in raw.items():
        if key == "password" and insisted:
            values[key] = _coerce(value, "", f"[{name}] {key}", where)
            continue
        if key in ("password", "mot_de_passe", "pass"):
            raise ConfigError(
                f"Le mot de passe n'a pas sa place dans {where} : retirez « {key} » de "
                f"[{name}] et donnez-le par le trousseau du système (réglages de la page) ou "
                "la variable d'environnement RELANCE_SMTP_PASSWORD ; pour le garder malgré "
                "tout en clair dans ce fichier, ajoutez password_in_file = true."
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
    if isinstance(default, tuple):  # a list of words
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        value = tuple(value) if ok else value
    elif isinstance(default, bool):
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


__all__ = ["find_config", "load_settings", "settings_from_dict"]

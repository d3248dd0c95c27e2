"""Edits to relance.toml that keep the office's comments: the [columns] a check suggests, the
settings the page's form sets."""

from __future__ import annotations

import json
import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import tomlkit

from ..errors import ConfigError
from ..userfiles import FileRefused, read_checked, write_atomically
from .loading import load_settings
from .tomlerrors import explain_toml_error


def default_config_text() -> str:
    """The bundled, commented relance.toml."""
    return resources.files("relance_xlsx").joinpath("data/relance.toml").read_text("utf-8")


def _existing(path: Path, encoding: str) -> str:
    """The relance.toml to edit: a regular file of at most 1 MB, in UTF-8."""
    try:
        return read_checked(path, max_mb=1).decode(encoding)
    except FileRefused as exc:
        raise ConfigError(f"Configuration refusée : {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path} n'est pas enregistré en UTF-8 ; dans le Bloc-notes, Fichier > Enregistrer "
            "sous, Encodage : UTF-8."
        ) from exc


def write_columns(path: Path, columns: dict[str, str]) -> Path:
    """Set these [columns] keys in relance.toml (made from the bundled one if missing).

    Only the lines of those keys change: every other line and comment stays as it was.
    """
    text = _existing(path, "utf-8") if path.exists() else default_config_text()
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == "[columns]"), None)
    if start is None:
        lines += ["", "[columns]"]
        start = len(lines) - 1
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")),
        len(lines),
    )
    wanted = {k: f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in columns.items()}
    for i in range(start + 1, end):
        key = re.match(r"\s*([A-Za-z_]+)\s*=", lines[i])
        if key and key.group(1) in wanted:
            lines[i] = wanted.pop(key.group(1))
    lines[start + 1 : start + 1] = list(wanted.values())
    _replace_checked(path, "\n".join(lines) + "\n")
    return path


def write_values(path: Path, values: dict[str, dict[str, Any]]) -> Path:
    """Set these keys, section by section, in relance.toml (made from the bundled one if
    missing), keeping every comment and every other line; refused if the result does not load.
    A key set to None is taken out.

    Through tomlkit, which keeps a TOML file's layout: a multi-line address is written
    between triple quotes, a Windows path as it is typed.
    """
    text = _existing(path, "utf-8-sig") if path.exists() else default_config_text()
    try:
        tomllib.loads(text)  # a file that does not parse is explained in French, not rewritten
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(explain_toml_error(exc, path, text)) from exc
    document = tomlkit.parse(text)
    for section, keys in values.items():
        table = document.get(section)
        if table is None:
            table = tomlkit.table()
            document[section] = table
        for key, value in keys.items():
            if value is None:  # a key to take out (a password moved to the keyring)
                table.pop(key, None)
                continue
            if isinstance(value, str) and "\n" in value:
                value = tomlkit.string(value, multiline=True)
            table[key] = value
    _replace_checked(path, tomlkit.dumps(document))
    return path


def _replace_checked(path: Path, text: str) -> None:
    """Write text to path at once, only if it loads as settings."""
    # never leave a relance.toml that does not load
    write_atomically(path, lambda fh: fh.write(text.encode("utf-8")), check=load_settings)


__all__ = ["default_config_text", "write_columns", "write_values"]

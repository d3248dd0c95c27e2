"""The synonyms of each ledger field: one table of data, relance_xlsx/data/synonyms.toml."""

from __future__ import annotations

import tomllib
from importlib import resources


def _load() -> dict[str, tuple[str, ...]]:
    text = resources.files("relance_xlsx").joinpath("data/synonyms.toml").read_text("utf-8")
    return {field: tuple(aliases) for field, aliases in tomllib.loads(text).items()}


# Canonical field -> its header aliases, most specific first (compared after folding).
ALIASES: dict[str, tuple[str, ...]] = _load()

__all__ = ["ALIASES"]

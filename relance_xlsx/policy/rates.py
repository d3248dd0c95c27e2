"""ECB and legal interest rate tables, shipped as package data, by half-year."""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..config import Settings, explain_toml_error
from ..errors import ConfigError
from ..userfiles import FileRefused, read_checked


@dataclass(frozen=True)
class HalfYear:
    """The first (1) or second (2) half of a year."""

    year: int
    half: int

    @classmethod
    def of(cls, day: dt.date) -> HalfYear:
        """The half-year a date falls in."""
        return cls(day.year, 1 if day.month <= 6 else 2)

    @property
    def start(self) -> dt.date:
        """Its first day: 1 January or 1 July."""
        return dt.date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> dt.date:
        """Its last day: 30 June or 31 December."""
        return dt.date(self.year, 6, 30) if self.half == 1 else dt.date(self.year, 12, 31)

    def next(self) -> HalfYear:
        """The following half-year."""
        return HalfYear(self.year, 2) if self.half == 1 else HalfYear(self.year + 1, 1)

    def label(self) -> str:
        """French label, e.g. '2e semestre 2026'."""
        return f"{'1er' if self.half == 1 else '2e'} semestre {self.year}"


@dataclass(frozen=True)
class RateTables:
    """ECB rate changes (effective dates) and the legal rate by half-year."""

    ecb_changes: tuple[tuple[dt.date, float], ...]
    ecb_confirmed_until: dt.date
    legal: dict[HalfYear, tuple[float, float]]  # (professionals, consumers)

    def ecb_rate(self, half: HalfYear) -> tuple[float, bool]:
        """ECB rate in force on the half-year's first day; False when it is not confirmed."""
        rate = next((r for d, r in reversed(self.ecb_changes) if d <= half.start), None)
        if rate is None:
            raise ConfigError(f"Aucun taux BCE connu pour le {half.label()}.")
        return rate, half.start <= self.ecb_confirmed_until

    def legal_rate(self, half: HalfYear, *, consumer: bool = False) -> tuple[float, bool]:
        """Legal interest rate of a half-year; the latest known one (False) when missing."""
        if half in self.legal:
            return self.legal[half][1 if consumer else 0], True
        known = [h for h in self.legal if (h.year, h.half) <= (half.year, half.half)]
        latest = max(known or self.legal, key=lambda h: (h.year, h.half))
        return self.legal[latest][1 if consumer else 0], False


def load_rate_tables(path: Path | None = None) -> RateTables:
    """Read the rate tables from package data, or from a file given in config."""
    text = (
        _user_rates(path)
        if path
        else resources.files("relance_xlsx").joinpath("data/rates.toml").read_text("utf-8")
    )
    try:
        data = tomllib.loads(text)
        changes = tuple(sorted((c["from"], float(c["rate"])) for c in data["ecb"]["changes"]))
        legal = {}
        for item in data["legal"]["half_years"]:
            year, half = (int(x) for x in item["period"].split("-"))
            legal[HalfYear(year, half)] = (float(item["professionals"]), float(item["consumers"]))
        return RateTables(changes, data["ecb"]["confirmed_until"], legal)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            "[policy] rates_file : " + explain_toml_error(exc, path or Path("rates.toml"), text)
        ) from exc
    except (KeyError, ValueError, TypeError) as exc:
        missing = f"la clé « {exc.args[0]} » manque" if isinstance(exc, KeyError) else (
            "une valeur n'a pas le bon type")  # fmt: skip
        raise ConfigError(
            f"Table des taux illisible ({path or 'rates.toml'}) : {missing} ; partez d'une "
            "copie du fichier fourni (relance_xlsx/data/rates.toml)."
        ) from exc


def _user_rates(path: Path) -> str:
    """The text of [policy] rates_file: a regular file of at most 1 MB, in UTF-8."""
    try:
        return read_checked(path, max_mb=1).decode("utf-8-sig")
    except FileRefused as exc:
        raise ConfigError(f"[policy] rates_file : {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"[policy] rates_file : {path} n'est pas enregistré en UTF-8 ; dans le Bloc-notes, "
            "Fichier > Enregistrer sous, Encodage : UTF-8."
        ) from exc


def rate_tables_for(settings: Settings) -> RateTables:
    """The bundled rate tables, or the user's copy named by [policy] rates_file."""
    if not settings.policy.rates_file:
        return _cached(None, 0.0)
    path = settings.path(settings.policy.rates_file)
    try:
        stamp = path.stat().st_mtime
    except OSError:
        stamp = 0.0  # load_rate_tables says why it cannot be read
    return _cached(str(path), stamp)


@functools.lru_cache(maxsize=4)
def _cached(path: str | None, stamp: float) -> RateTables:
    """The tables of one file as it was at stamp (its modification time): every letter and
    litigation file asks, and a file edited while the page runs is read again."""
    return load_rate_tables(Path(path) if path is not None else None)


__all__ = [
    "HalfYear",
    "RateTables",
    "load_rate_tables",
    "rate_tables_for",
]

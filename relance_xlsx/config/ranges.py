"""Every number relance.toml may hold, with the range a run can use, checked when it loads.

A value outside its range would pass the type check and fail later, far from the file
(« 9999999999 jours » overflows a date, « inf » % cannot be formatted, a negative payment
term puts the deadline before the letter): it is refused here, naming the key, the range and
the value read. NaN and infinities are never a setting.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from ..errors import ConfigError
from .sections import Limits

DAYS, PERCENT, EUROS, MB = "jours", "%", "€", "Mo"

# relance.toml sits in a shared folder: its [limits] may lower the built-in maxima (which
# guard this machine's memory against a hostile workbook), never raise them.
_BUILT_IN = Limits()

# (section, key): (lowest, highest, unit). The highest values are far beyond any office's
# use and far below what breaks a date (year 9999), an amount or the memory.
RANGES: dict[tuple[str, str], tuple[float, float, str]] = {
    ("policy", "tolerance"): (0, 1000, EUROS),
    ("policy", "grace_days"): (0, 365, DAYS),
    ("policy", "days_after_reminder_1"): (1, 365, DAYS),
    ("policy", "days_after_reminder_2"): (1, 365, DAYS),
    ("policy", "days_after_formal_notice"): (1, 365, DAYS),
    ("policy", "days_late_for_level_2"): (1, 3650, DAYS),
    ("policy", "days_late_for_level_3"): (1, 3650, DAYS),
    ("policy", "days_late_for_level_4"): (1, 3650, DAYS),
    ("policy", "pre_due_days"): (0, 365, DAYS),
    ("policy", "default_terms_days"): (0, 365, DAYS),
    ("policy", "interest_rate"): (0, 100, PERCENT),
    ("policy", "consumer_interest_rate"): (0, 100, PERCENT),
    ("policy", "indemnity"): (0, 10_000, EUROS),
    ("policy", "claim_within_days"): (1, 3650, DAYS),
    ("policy", "claim_minimum"): (0, 10_000, EUROS),
    ("policy", "prescription_warning_days"): (0, 3650, DAYS),
    ("policy", "promise_grace_days"): (0, 365, DAYS),
    ("letters", "payment_days"): (1, 365, DAYS),
    ("letters", "courteous_until_days"): (0, 3650, DAYS),
    ("letters", "formal_notice_days"): (1, 365, DAYS),
    ("writeback", "backups_to_keep"): (1, 1000, ""),
    ("writeback", "min_usable_share"): (0, 1, ""),
    ("smtp", "port"): (1, 65535, ""),
    ("smtp", "per_minute"): (1, 10_000, ""),
    ("smtp", "timeout"): (1, 600, "secondes"),
    ("email", "max_attachment_mb"): (0.01, 100, MB),
    ("email", "max_recipients"): (1, 100, ""),
    ("limits", "max_part_mb"): (1, _BUILT_IN.max_part_mb, MB),
    ("limits", "max_total_mb"): (1, _BUILT_IN.max_total_mb, MB),
    ("limits", "max_ratio"): (1, _BUILT_IN.max_ratio, ""),
    ("limits", "ratio_from_mb"): (0, _BUILT_IN.ratio_from_mb, MB),
    ("limits", "max_cells"): (1000, _BUILT_IN.max_cells, ""),
    ("limits", "max_sheets"): (1, _BUILT_IN.max_sheets, ""),
    ("report", "bucket_1"): (1, 3650, DAYS),
    ("report", "bucket_2"): (1, 3650, DAYS),
    ("report", "bucket_3"): (1, 3650, DAYS),
    ("report", "dso_days"): (1, 3650, DAYS),
    ("report", "call_above"): (0, 1_000_000_000, EUROS),
    ("bank", "tolerance"): (0, 1, EUROS),
}


def _number(value: float) -> str:
    """1 000 000 in French (narrow no-break spaces, a decimal comma)."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{int(value):,}"
    return text.replace(",", "\u202f").replace(".", ",")


def numeric_fields(section: Any) -> list[str]:
    """The fields of a settings section that hold a number (booleans aside)."""
    return [
        f.name
        for f in dataclasses.fields(section)
        if (isinstance(f.default, int | float) and not isinstance(f.default, bool))
        or f.type in ("float | None", "int | None")
    ]


def check_ranges(settings: Any, where: str) -> None:
    """Refuse a number outside its range (or NaN, or infinite), naming its key."""
    for (name, key), (low, high, unit) in RANGES.items():
        value = getattr(getattr(settings, name), key)
        if value is None:
            continue
        label = f"[{name}] {key} dans {where}"
        if isinstance(value, float) and not math.isfinite(value):
            raise ConfigError(f"{label} doit être un nombre fini (lu : {value}).")
        if name == "limits" and value > high:
            raise ConfigError(
                f"{label} ne peut qu'abaisser la limite intégrée de {_number(high)} (lu : "
                f"{_number(value)}) : retirez cette ligne ou donnez une valeur plus petite."
            )
        if not low <= value <= high:
            shown = f" {unit}" if unit else ""
            read = _number(value) if abs(value) < 1e15 else f"{value:g}"
            raise ConfigError(
                f"{label} doit être compris entre {_number(low)} et {_number(high)}{shown} "
                f"(lu : {read})."
            )


__all__ = ["RANGES", "check_ranges", "numeric_fields"]

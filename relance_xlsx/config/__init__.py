"""Settings: defaults in code, overridden by an optional relance.toml."""

from .checks import LETTER_KINDS, capital_problem, rcs_problem, siret_problem, vat_problem
from .editing import default_config_text, write_columns, write_values
from .labels import SETTING_LABELS, setting_label
from .loading import find_config, load_settings, settings_from_dict
from .papers import capital_text, legal_line, legal_mentions, siren, sole_trader_notes
from .program import on_path, standard_places
from .sections import (
    CONFIG_NAME,
    PLACEHOLDER,
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

__all__ = [
    "CONFIG_NAME",
    "LETTER_KINDS",
    "PLACEHOLDER",
    "SETTING_LABELS",
    "Bank",
    "Creditor",
    "Email",
    "Letters",
    "Limits",
    "Pdf",
    "Policy",
    "Print",
    "Report",
    "Settings",
    "Smtp",
    "Writeback",
    "capital_problem",
    "capital_text",
    "default_config_text",
    "explain_toml_error",
    "find_config",
    "legal_line",
    "legal_mentions",
    "load_settings",
    "on_path",
    "rcs_problem",
    "setting_label",
    "settings_from_dict",
    "siren",
    "siret_problem",
    "sole_trader_notes",
    "standard_places",
    "vat_problem",
    "write_columns",
    "write_values",
]

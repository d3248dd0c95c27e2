"""Settings: defaults in code, overridden by an optional relance.toml."""

from .editing import default_config_text, write_columns, write_values
from .loading import find_config, load_settings, settings_from_dict
from .sections import (
    CONFIG_NAME,
    PLACEHOLDER,
    Creditor,
    Email,
    Letters,
    Limits,
    Pdf,
    Policy,
    Report,
    Settings,
    Smtp,
    Writeback,
)

__all__ = [
    "CONFIG_NAME",
    "PLACEHOLDER",
    "Creditor",
    "Email",
    "Letters",
    "Limits",
    "Pdf",
    "Policy",
    "Report",
    "Settings",
    "Smtp",
    "Writeback",
    "default_config_text",
    "find_config",
    "load_settings",
    "settings_from_dict",
    "write_columns",
    "write_values",
]

"""Settings: defaults in code, overridden by an optional relance.toml."""

from .loading import find_config, load_settings, settings_from_dict
from .sections import (
    CONFIG_NAME,
    PLACEHOLDER,
    Creditor,
    Email,
    Letters,
    Limits,
    Policy,
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
    "Policy",
    "Settings",
    "Smtp",
    "Writeback",
    "find_config",
    "load_settings",
    "settings_from_dict",
]

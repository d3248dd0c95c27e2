"""Files a person names (in relance.toml, in a ledger cell, on the page), checked before they
are read: one place for the rules, used by the configuration, the e-mails, the litigation
files and the bank statements."""

from __future__ import annotations

from .checked import (
    FileMissing,
    FileRefused,
    checked_file,
    named_in_cell,
    read_checked,
)

__all__ = ["FileMissing", "FileRefused", "checked_file", "named_in_cell", "read_checked"]

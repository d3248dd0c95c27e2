"""Files a person names (in relance.toml, in a ledger cell, on the page), checked before they
are read: one place for the rules, used by the configuration, the e-mails, the litigation
files and the bank statements."""

from __future__ import annotations

from .atomic import write_atomically, write_bytes_atomically
from .checked import (
    FileMissing,
    FileRefused,
    checked_file,
    named_in_cell,
    read_checked,
)
from .confined import is_link, output_held, refuse_link, refuse_linked_output, refuse_links_below
from .dayfolder import claim_day_folder, day_folder
from .fresh import move_in, open_fresh, write_fresh
from .linked import linked_ledger

__all__ = [
    "FileMissing",
    "FileRefused",
    "checked_file",
    "claim_day_folder",
    "day_folder",
    "is_link",
    "linked_ledger",
    "move_in",
    "named_in_cell",
    "open_fresh",
    "output_held",
    "read_checked",
    "refuse_link",
    "refuse_linked_output",
    "refuse_links_below",
    "write_atomically",
    "write_bytes_atomically",
    "write_fresh",
]

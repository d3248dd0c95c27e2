"""Files the tool leaves beside the office's workbook (backups, the lock) are hidden: their
names start with a dot (hidden on macOS and Linux), and Windows gets its hidden attribute."""

from __future__ import annotations

import sys
from pathlib import Path

FILE_ATTRIBUTE_HIDDEN = 0x2
_INVALID = 0xFFFFFFFF  # GetFileAttributesW's INVALID_FILE_ATTRIBUTES


def mark_hidden(path: Path) -> bool:
    """Set Windows' hidden attribute on a file or folder; False where it could not (or
    elsewhere than Windows, where the leading dot already hides it)."""
    if sys.platform != "win32":
        return False
    import ctypes

    kernel32 = ctypes.windll.kernel32
    attributes = kernel32.GetFileAttributesW(str(path))
    if attributes == _INVALID:
        return False
    if attributes & FILE_ATTRIBUTE_HIDDEN:
        return True
    return bool(kernel32.SetFileAttributesW(str(path), attributes | FILE_ATTRIBUTE_HIDDEN))


__all__ = ["FILE_ATTRIBUTE_HIDDEN", "mark_hidden"]

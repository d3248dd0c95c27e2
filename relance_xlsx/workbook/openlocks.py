"""Whether the workbook is open in Excel or LibreOffice, and by whom: the lock files they
leave beside it while it is open."""

from __future__ import annotations

from pathlib import Path


def lock_files(path: Path) -> list[Path]:
    """Lock files Excel (~$name) and LibreOffice (.~lock.name#) leave while the file is open."""
    candidates = [path.with_name(f"~${path.name}"), path.with_name(f".~lock.{path.name}#")]
    if len(path.name) > 2:
        candidates.append(path.with_name(f"~${path.name[2:]}"))
    return [c for c in candidates if c.exists()]


def lock_owner(lock: Path) -> str | None:
    """Who holds the lock, when its file says it: Excel writes the user's name, one length
    byte then the name in the Windows code page; LibreOffice a line "name,host,user,…"."""
    try:
        data = lock.read_bytes()[:512]
    except OSError:
        return None
    if lock.name.startswith("~$") and data:
        name = data[1 : 1 + data[0]].decode("cp1252", "replace").strip()
    else:
        fields = data.decode("utf-8", "replace").split(",")
        name = next((f.strip() for f in fields[:3] if f.strip()), "")
    return name if name.isprintable() and 0 < len(name) <= 60 else None


__all__ = ["lock_files", "lock_owner"]

"""A changed part kept as the pieces it was made of, never joined into one bytes object.

At a million rows the ledger's sheet is 430 MB: joining its edited pieces made a second
copy beside the pieces and the sheet as read, at the run's peak of memory. The saving
compresses, checks and sums the pieces one after the other instead; zlib gives the same
compressed bytes and the same CRC however its input is cut.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable


class Pieces:
    """A part's bytes as consecutive pieces (bytes, or views of a bigger buffer)."""

    def __init__(self, pieces: Iterable[bytes | memoryview]) -> None:
        self.pieces = [memoryview(p) for p in pieces if len(p)]
        self.size = sum(p.nbytes for p in self.pieces)

    def __len__(self) -> int:
        return self.size

    def tobytes(self) -> bytes:
        """The part in one bytes object (a copy: for the rare reader of a changed part)."""
        return b"".join(self.pieces)


# What a changed part may be, in a package waiting to be saved.
Part = bytes | Pieces


def views(data: Part, start: int = 0, end: int | None = None) -> list[memoryview]:
    """The bytes of data[start:end], as views of its pieces (nothing copied)."""
    end = len(data) if end is None else end
    if isinstance(data, bytes | bytearray | memoryview):
        return [memoryview(data)[start:end]]
    out = []
    at = 0
    for piece in data.pieces:
        size = piece.nbytes
        if at + size > start and at < end:
            out.append(piece[max(start - at, 0) : min(end - at, size)])
        at += size
        if at >= end:
            break
    return out


def crc32(data: Part, start: int = 0, end: int | None = None) -> int:
    """The CRC-32 of data[start:end], as zlib.crc32 gives it of the joined bytes."""
    crc = 0
    for view in views(data, start, end):
        crc = zlib.crc32(view, crc)
    return crc


def as_bytes(data: Part) -> bytes:
    """The part's bytes, joined if they are pieces."""
    return data.tobytes() if isinstance(data, Pieces) else data


__all__ = ["Part", "Pieces", "as_bytes", "crc32", "views"]

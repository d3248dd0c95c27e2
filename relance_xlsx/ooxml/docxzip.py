"""Write Office packages (.docx letters, the user's .xlsx) fast: unchanged parts are copied
still compressed.

A Word template carries about 800 KB of styles that every letter repeats unchanged, and a ledger
its shared strings and other sheets. zipfile can only write by compressing again (most of a
letter's time), so this writer keeps the original compressed bytes and deflates only the parts
that change.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, NamedTuple

from ..userfiles import open_fresh
from .pieces import Part, crc32, views

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_UTF8_FLAG = 0x800
_DOS_DATE = (
    (2026 - 1980) << 9 | 1 << 5 | 1
)  # 2026-01-01, fixed: the same letter gives the same bytes


@dataclass(frozen=True)
class RawEntry:
    """One zip entry ready to copy: its name and compressed bytes with their sizes and CRC."""

    name: str
    method: int
    crc: int
    size: int
    data: bytes  # compressed as stored
    dos_time: int = 0
    dos_date: int = _DOS_DATE


def read_raw(path: Path, skip: Collection[str] = ()) -> list[RawEntry]:
    """Every entry of a zip file, in order, still compressed; the entries named in skip
    without their bytes (data empty: a saved workbook replaces them, and the ledger's sheet
    is 85 MB compressed at a million rows)."""
    entries = []
    with zipfile.ZipFile(path) as zf, path.open("rb") as fp:
        for info in zf.infolist():
            fp.seek(info.header_offset)
            header = _LOCAL.unpack(fp.read(_LOCAL.size))
            fp.seek(header[9] + header[10], 1)  # skip the name and the extra field
            data = b"" if info.filename in skip else fp.read(info.compress_size)
            entries.append(
                RawEntry(
                    info.filename,
                    info.compress_type,
                    info.CRC,
                    info.file_size,
                    data,
                    header[4],
                    header[5],
                )
            )
    return entries


def inflate_member(path: Path, name: str) -> bytes:
    """A member's bytes, as zipfile reads them, inflated into one buffer of the size the
    directory announces: zipfile inflates a big member in blocks and joins them, twice its
    size at once (the ledger's sheet: 860 MB at a million rows). BadZipFile, as zipfile
    raises it, when the bytes are not the size and CRC the directory says."""
    with zipfile.ZipFile(path) as zf, path.open("rb") as fp:
        info = zf.getinfo(name)
        fp.seek(info.header_offset)
        header = _LOCAL.unpack(fp.read(_LOCAL.size))
        if (
            info.compress_type != zipfile.ZIP_DEFLATED
            or info.flag_bits & 1
            or header[0] != 0x04034B50
        ):
            return zf.read(name)  # stored, encrypted, odd: zipfile's own way
        fp.seek(header[9] + header[10], 1)  # the name and the extra field
        raw = fp.read(info.compress_size)
    # Exactly the size announced: one allocation, never copied (one byte more and zlib
    # copies it to shrink it); a longer stream grows it, and shows as a wrong size. A size
    # no deflate stream of that length reaches is not allocated ahead (a part that lies).
    size = min(info.file_size, 1032 * len(raw) + 64)
    data = zlib.decompress(raw, -15, max(size, 1))
    if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
        raise zipfile.BadZipFile(f"Bad CRC-32 or size for file {name!r}")
    return data


# Changed workbook parts: level 3 deflates a 100,000-row sheet in 0.6 s instead of 1.6 s,
# 18 % larger than level 6.
WORKBOOK_LEVEL = 3


class PackedTail(NamedTuple):
    """The last `size` bytes of a part, compressed elsewhere as a complete raw deflate stream."""

    size: int
    crc: int
    data: bytes

    @classmethod
    def of(cls, content: bytes, level: int) -> PackedTail:
        """Compress content on its own, to end a part another process compresses."""
        packer = zlib.compressobj(level, zlib.DEFLATED, -15)
        return cls(len(content), zlib.crc32(content), packer.compress(content) + packer.flush())


def deflated(name: str, content: Part, level: int = 1, tail: PackedTail | None = None) -> RawEntry:
    """A new entry, compressed (raw deflate, as zip stores it); content may be pieces.

    With a tail compressed elsewhere, and only if it is the end of content byte for byte (its
    CRC says so), the rest is compressed up to a sync flush, which ends on a byte boundary
    with no final block, and the tail's stream follows it: one valid deflate stream.
    """
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    cut = len(content) - tail.size if tail else -1
    if tail and cut >= 0 and crc32(content, cut) == tail.crc:
        out = [packer.compress(view) for view in views(content, 0, cut)]
        data = b"".join([*out, packer.flush(zlib.Z_SYNC_FLUSH), tail.data])
    else:
        out = [packer.compress(view) for view in views(content)]
        data = b"".join([*out, packer.flush()])
    return RawEntry(name, zipfile.ZIP_DEFLATED, crc32(content), len(content), data)


def deflated_before(name: str, content: Part, level: int, tail: PackedTail) -> RawEntry:
    """A new entry of content followed by a tail compressed elsewhere, whose bytes are not
    here: content is compressed up to a sync flush (a byte boundary, no final block) and
    the tail's stream follows it; the CRC of the whole is combined from the two."""
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    out = [packer.compress(view) for view in views(content)]
    data = b"".join([*out, packer.flush(zlib.Z_SYNC_FLUSH), tail.data])
    crc = crc32_combine(crc32(content), tail.crc, tail.size)
    return RawEntry(name, zipfile.ZIP_DEFLATED, crc, len(content) + tail.size, data)


def _gf2_times(matrix: list[int], vector: int) -> int:
    total = 0
    for row in matrix:
        if not vector:
            break
        if vector & 1:
            total ^= row
        vector >>= 1
    return total


# Below this size, b's zeros are summed by zlib (0.1 ms a 100 kB letter); above, by the
# operator (2 ms whatever the size: 0.2 s for a 200 MB sheet's zeros).
_ZEROS = bytes(1 << 20)


def crc32_combine(crc1: int, crc2: int, size2: int) -> int:
    """The CRC-32 of a + b from those of a and b and the size of b (zlib's crc32_combine,
    which Python's zlib does not offer): CRC-32 is affine, so crc(a + b) is crc(a + zeros)
    ^ crc(b) ^ crc(zeros), zeros as long as b."""
    if size2 <= 0:
        return crc1
    if size2 <= len(_ZEROS):
        zeros = memoryview(_ZEROS)[:size2]
        return zlib.crc32(zeros, crc1) ^ crc2 ^ zlib.crc32(zeros)
    # The zeros appended to a by an operator squared a bit of size2 at a time (zlib's way).
    op = [0xEDB88320] + [1 << n for n in range(31)]  # one zero bit
    for _ in range(3):  # squared thrice: one zero byte
        op = [_gf2_times(op, row) for row in op]
    while size2:
        if size2 & 1:
            crc1 = _gf2_times(op, crc1)
        size2 >>= 1
        if size2:
            op = [_gf2_times(op, row) for row in op]
    return crc1 ^ crc2


# Below this size a package is made in memory and written in one call (a letter, a
# litigation file: thirty small writes each cost more than the copy); above, streamed.
_IN_ONE_WRITE = 1 << 20


def write_zip(target: Path | BinaryIO, entries: list[RawEntry]) -> None:
    """Write entries as a zip file (no zip64: letters and bundles stay far below 4 GB)."""
    if sum(len(e.data) for e in entries) < _IN_ONE_WRITE:
        pieces: list[bytes] = []
        _write_entries(pieces.append, entries)
        data = b"".join(pieces)
        if isinstance(target, Path):
            with open_fresh(target) as fh:  # a link planted meanwhile is never followed
                fh.write(data)
        else:
            target.write(data)
        return
    out = open_fresh(target) if isinstance(target, Path) else target
    try:
        _write_entries(out.write, entries)
    finally:
        if isinstance(target, Path):
            out.close()


def _write_entries(write: Callable[[bytes], object], entries: list[RawEntry]) -> None:
    """The zip's bytes, piece by piece: each entry with its header, then the directory."""
    central = []
    offset = 0
    for e in entries:
        name = e.name.encode("utf-8")
        flags = _UTF8_FLAG if not e.name.isascii() else 0
        # version/flags/method/time/date/crc/sizes/name length: the same in both headers
        shared = (
            flags,
            e.method,
            e.dos_time,
            e.dos_date,
            e.crc,
            len(e.data),
            e.size,
            len(name),
        )
        header = _LOCAL.pack(0x04034B50, 20, *shared, 0)
        write(header + name)
        write(e.data)
        central.append(_CENTRAL.pack(0x02014B50, 20, 20, *shared, 0, 0, 0, 0, 0, offset) + name)
        offset += len(header) + len(name) + len(e.data)
    directory = b"".join(central)
    write(directory)
    write(_END.pack(0x06054B50, 0, 0, len(entries), len(entries), len(directory), offset, 0))


__all__ = [
    "WORKBOOK_LEVEL",
    "PackedTail",
    "RawEntry",
    "crc32_combine",
    "deflated",
    "deflated_before",
    "inflate_member",
    "read_raw",
    "write_zip",
]

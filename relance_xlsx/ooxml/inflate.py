"""A part of a zip inflated as the reader library will inflate it, in bounded pieces.

python-calamine's zip reader inflates every compressed byte of a part, whatever size the
directory announces; Python's zipfile stops at the announced size. A part that lies about
its size (a few MB announcing 10 kB, inflating to gigabytes) would pass a check made with
zipfile and then flood the reader. So the checks read the raw compressed bytes and inflate
them here, in pieces of at most `piece` bytes, and stop at the first byte beyond the size
announced.
"""

from __future__ import annotations

import struct
import threading
import zipfile
import zlib
from collections.abc import Iterator
from queue import Full, Queue
from typing import Any, BinaryIO

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_LOCAL_MAGIC = 0x04034B50
_READ = 1 << 20  # compressed bytes read at a time


class PartLies(ValueError):
    """A part whose bytes do not match what the zip's directory says of it: what is wrong, in
    French, as the predicate of « la partie … » (the caller names the part)."""


def inflated(fp: BinaryIO, info: zipfile.ZipInfo, piece: int = 1 << 22) -> Iterator[bytes]:
    """The bytes of a stored or deflated part, `piece` bytes at most at a time; PartLies if
    it is encrypted, compressed in a way no spreadsheet program uses, or longer than said."""
    if info.flag_bits & 0x1:
        raise PartLies("est chiffrée")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise PartLies("est compressée d'une manière qu'aucun tableur n'utilise")
    fp.seek(info.header_offset)
    header = fp.read(_LOCAL.size)
    if len(header) < _LOCAL.size or _LOCAL.unpack(header)[0] != _LOCAL_MAGIC:
        raise PartLies("n'a pas d'en-tête à sa place (archive tronquée ?)")
    fields = _LOCAL.unpack(header)
    fp.seek(fields[9] + fields[10], 1)  # the name and the extra field
    left = info.compress_size
    out = 0
    engine = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    while left > 0:
        raw = fp.read(min(_READ, left))
        if not raw:
            raise PartLies("est coupée avant sa fin (archive tronquée ?)")
        left -= len(raw)
        for data in _pieces(engine, raw, piece):
            out += len(data)
            if out > info.file_size:
                raise PartLies("se décompresse au-delà de la taille annoncée (archive piégée ?)")
            yield data
    if out != info.file_size:
        raise PartLies("n'a pas la taille annoncée (archive endommagée)")


def _pieces(engine: Any, raw: bytes, piece: int) -> Iterator[bytes]:
    """What one block of compressed bytes inflates to, `piece` bytes at a time."""
    if engine is None:
        for start in range(0, len(raw), piece):
            yield raw[start : start + piece]
        return
    pending = raw
    while not engine.eof:
        try:
            data = engine.decompress(pending, piece)
        except zlib.error:
            raise PartLies("a des données compressées endommagées") from None
        pending = engine.unconsumed_tail
        if data:
            yield data
        if not pending and len(data) < piece:
            return  # this block is used up and nothing is held back


def ahead(pieces: Iterator[bytes], depth: int = 2) -> Iterator[bytes]:
    """The same pieces, inflated by a thread ahead of their reader: zlib lets go of the GIL
    while it inflates, so the regular expressions run meanwhile (a third off the scan)."""
    queue: Queue[tuple[bytes | None, BaseException | None]] = Queue(depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for piece in pieces:
                while not stop.is_set():
                    try:
                        queue.put((piece, None), timeout=0.1)
                        break
                    except Full:
                        continue
                if stop.is_set():
                    return
            queue.put((None, None))
        except BaseException as exc:  # handed to the reader, raised there
            queue.put((None, exc))

    worker = threading.Thread(target=produce, name="relance-inflate", daemon=True)
    worker.start()
    try:
        while True:
            piece, error = queue.get()
            if error is not None:
                raise error
            if piece is None:
                return
            yield piece
    finally:
        stop.set()


__all__ = ["PartLies", "ahead", "inflated"]

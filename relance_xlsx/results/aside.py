"""The run's invoices in its result: their records, or their JSON text made on the other core
from the decisions on, while the run makes its letters (relance run --dry-run --json)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, cast

from .. import collector
from ..forking import Forked, Pieces, Receive
from ..ledger import Ledger
from ..policy import Decisions
from .records import InvoiceResult, invoice_documents, invoice_results, invoices_json

# Invoices made into documents and text a chunk at a time: their dicts (twice their records'
# memory) are never all there at once, nor all their chunks' text beside them.
CHUNK = 50_000
Patches = dict[int, list[tuple[int, Any]]]  # by chunk number: (position, value)


class Invoices:
    """Each invoice's result, started once the run has decided, finished once it knows its
    letters: with aside, as JSON text, in a forked process that aside stops with the run."""

    def __init__(
        self, aside: contextlib.ExitStack | None, ledger: Ledger, decisions: Decisions
    ) -> None:
        self._ledger = ledger
        self._final: tuple[Decisions, dict[Any, str]] = (decisions, {})
        self._forked: Forked[bytes] | None = None
        self._work = partial(_text, ledger, decisions)
        self._message: Any = None  # the child's, kept to make the text here if need be
        # Patched by position once the letters are known: an index with twice a label is not.
        if aside is not None and ledger.frame.index.is_unique:
            # Made once, before the fork: the letters' rows read it too (0.4 s at 200 000).
            decisions.interest_periods  # noqa: B018 - a cached property, made here
            # Its text written in pieces, read back here as one bytes.
            work = cast(Callable[[Receive], bytes], self._work)
            self._forked = aside.enter_context(Forked(work))

    def final(self, decisions: Decisions, held: Iterable[Any], letter_of: dict[Any, str]) -> None:
        """The decisions with the held letters (their invoices held), each invoice's letter."""
        self._final = (decisions, letter_of)
        if self._forked is None:
            return
        index = self._ledger.frame.index
        rows = list(held)  # the only invoices the held letters' decisions changed
        changed = invoice_documents(invoice_results(self._ledger, decisions, letter_of, rows))
        at, letters_at = index.get_indexer(rows), index.get_indexer(list(letter_of))
        if (at < 0).any() or (letters_at < 0).any():  # pragma: no cover - rows of the frame
            self._forked.close()
            self._forked = None
            return
        self._message = (at.tolist(), changed, letters_at.tolist(), list(letter_of.values()))
        self._forked.send(self._message)

    def fields(self) -> dict[str, Any]:
        """The result's invoices (and their text)."""
        decisions, letter_of = self._final
        if self._forked is None:
            with collector.paused():
                return {"invoices": invoice_results(self._ledger, decisions, letter_of)}
        text = self._forked.result()
        if text is None:  # no child, or it failed: made here (its error, if any, raised here)
            text = b"".join(self._work(lambda: self._message))
        return {"invoices": [], "invoices_json": text}


def _text(ledger: Ledger, decisions: Decisions, receive: Callable[[], Any]) -> Pieces:
    """The invoices' JSON in pieces: made from the decisions, then each letter and held
    invoice set."""
    with collector.paused():
        invoices = invoice_results(ledger, decisions, {})  # while the run makes its letters
        at, changed, letters_at, letters = receive()
        return chunked_pieces(invoices, _by_chunk(letters_at, letters), _by_chunk(at, changed))


def _by_chunk(positions: list[int], values: list[Any]) -> Patches:
    """Each (position, value) under its chunk's number."""
    out: dict[int, list[tuple[int, Any]]] = {}
    for i, value in zip(positions, values, strict=True):
        out.setdefault(i // CHUNK, []).append((i, value))
    return out


def chunked_json(invoices: list[InvoiceResult], letters: Patches, changed: Patches) -> bytes:
    """invoices_json of their documents, each chunk's with its letters then its changed
    documents (by position) put in: the same text, a chunk's dicts in memory at a time.
    The invoices are let go of as their text is made (the list is left empty)."""
    return b"".join(chunked_pieces(invoices, letters, changed))


def chunked_pieces(invoices: list[InvoiceResult], letters: Patches, changed: Patches) -> Pieces:
    """chunked_json's text in pieces, never joined: the child writes them one by one."""
    last = (len(invoices) - 1) // CHUNK  # -1: none
    if last < 0:
        return Pieces([memoryview(invoices_json([]))])
    # Each chunk's items, without the brackets inside the array, with commas between them.
    items: list[memoryview] = []  # the last chunk's first
    # The last chunk first: each one's records are then cut off the list's end, freed.
    for n in range(last, -1, -1):
        start = n * CHUNK
        documents = invoice_documents(invoices[start:])
        del invoices[start:]
        for i, letter in letters.get(n, ()):
            documents[i - start]["letter"] = letter
        for i, document in changed.get(n, ()):
            documents[i - start] = document
        text = invoices_json(documents)
        del documents
        items.append(memoryview(text)[n > 0 : len(text) - (n < last)])
    pieces, comma = Pieces([items[-1]]), memoryview(b",")
    for item in reversed(items[:-1]):
        pieces += (comma, item)
    return pieces


__all__ = ["Invoices"]

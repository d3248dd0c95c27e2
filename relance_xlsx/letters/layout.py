"""What every letter's layout needs, whatever its template (the bundled ones or an office's):
room to sign above the signatory's name, a heading never left alone at the foot of a page,
and never a last page holding only the closing and the signature.

Set on each rendered letter, like its typography: a template edited in Word keeps these rules
without anyone having to know them. Only « keep with next » is set (w:keepNext): where a
chain of kept blocks is longer than a page, LibreOffice and Word break it as they must.
"""

from __future__ import annotations

from typing import Any

from .compiled import Rendered, W
from .keeps import Blocks, keep_next, set_child

# Between the closing line and the signatory's name: 27 mm, room for a signature (25 to 30).
SIGNING_ROOM_MM = 27
_TWIPS = round(SIGNING_ROOM_MM / 25.4 * 1440)
_AFTER = f"{{{W}}}after"
# A table up to this many rows is kept on one page with its sentence and its totals; a longer
# one runs over pages as it must.
_SMALL_TABLE = 12
# The sentence right above a table goes with it up to this length.
_INTRO_CHARS = 400


def lay_out(rendered: Rendered, context: dict[str, Any]) -> None:
    """Keep headings, sentences and totals with what they belong to; leave room to sign above
    the signatory, and keep the closing with the text before it."""
    blocks = Blocks(rendered.body)
    for block, text in zip(blocks.items, blocks.texts, strict=True):
        # « Modalités de règlement : », « Détail des intérêts… : » introduce what follows.
        if text.endswith(":") and len(text) <= 120:
            set_child(block, "keepNext")
    _keep_tables(blocks)
    creditor = context.get("creditor") or {}
    name = str(creditor.get("signatory") or "").strip() if isinstance(creditor, dict) else ""
    if name:
        _signing_room(blocks, name)


def _signing_room(blocks: Blocks, name: str) -> None:
    """27 mm under the closing formula (the paragraph of text above the signatory's name), and
    the end of the letter kept on one page: the closing, the signature and the text before.
    Only the body's own paragraphs count: a signature in a table or a frame keeps its
    template's layout."""
    texts, items = blocks.texts, blocks.items
    at = next((i for i in range(len(items) - 1, 0, -1) if texts[i] == name), None)
    if at is None or blocks.is_table(at):
        return
    closing = next((j for j in range(at - 1, -1, -1) if texts[j] or blocks.is_table(j)), None)
    if closing is None or blocks.is_table(closing):
        return
    spacing = set_child(items[closing], "spacing")
    after = int(spacing.get(_AFTER, "0") or 0)
    spacing.set(_AFTER, str(max(after, _TWIPS)))
    for k in range(closing, at):  # with the empty paragraphs between
        set_child(items[k], "keepNext")
    last = at + 1 if at + 1 < len(items) and _title(blocks, at + 1) else at
    _keep_ending(blocks, closing, last)


def _title(blocks: Blocks, i: int) -> bool:
    """The signatory's title under the name (« Gérante »): a short line, no page break."""
    text, paragraph = blocks.texts[i], blocks.items[i]
    page_break = (
        paragraph.find(f".//{{{W}}}br[@{{{W}}}type='page']") is not None
        or paragraph.find(f"{{{W}}}pPr/{{{W}}}pageBreakBefore") is not None
    )
    return 0 < len(text) <= 80 and not blocks.is_table(i) and not page_break


def _keep_ending(blocks: Blocks, at: int, end: int) -> None:
    """The closing formula (at) kept with the signatory's name and title (end), and with the
    paragraph of text above it (« Pour toute question… »): never a page holding only the
    closing and the signature. Only « keep with next », no unbreakable block: the ways to pay
    above stay on the page before when they fit there, and the letter breaks between
    paragraphs as a mailroom's does, not leaving a third of its first page empty. A table
    right above the closing (a thank-you's) keeps its last row with it."""
    for j in range(at - 1, -1, -1):
        if blocks.is_table(j):
            keep_next(blocks.items[j])  # its last row
            break
        set_child(blocks.items[j], "keepNext")  # with the empty paragraphs between
        if blocks.texts[j]:
            break
    for k in range(at, end):
        set_child(blocks.items[k], "keepNext")


def _keep_tables(blocks: Blocks) -> None:
    """A table kept with the sentence that introduces it, a short table with the totals under
    it, the right-aligned totals together (« Total restant dû » never alone at a page's foot,
    « Total réclamé » on the next)."""
    last = len(blocks.items) - 1
    for i in range(last):
        if blocks.is_table(i):
            rows = blocks.rows(i)
            if len(rows) <= _SMALL_TABLE:
                for row in rows:
                    for paragraph in row.iter(f"{{{W}}}p"):
                        keep_next(paragraph)
            _introduction(blocks, i)
            continue
        if blocks.right[i]:
            if blocks.right[i + 1]:
                keep_next(blocks.items[i])
        elif blocks.right[i + 1] and not blocks.texts[i]:
            keep_next(blocks.items[i])  # the space between a table and its totals


def _introduction(blocks: Blocks, table: int) -> None:
    """The paragraph right above a table, kept with it when it is short (« Par ailleurs, la
    facture … ci-dessous est arrivée à échéance »). The bundled templates keep the other
    sentences of a part with its table, and its request with its totals, themselves
    (build_parts.py): only they know where a part begins and ends."""
    if table > 0 and not blocks.is_table(table - 1) and not blocks.right[table - 1]:
        text = blocks.texts[table - 1]
        if text and len(text) <= _INTRO_CHARS:
            keep_next(blocks.items[table - 1])


__all__ = ["SIGNING_ROOM_MM", "lay_out"]

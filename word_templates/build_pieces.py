"""The pieces of the bundled letters' layout: paragraphs, {%p %} tags, repeating tables,
right-aligned totals, credit notes. Used by build_parts.py and build_templates.py."""

from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt

RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def para(doc, text: str = "", *, bold=False, indent_cm=0.0, align=None, size=None, space_after=4.0):
    p = doc.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
    fmt = p.paragraph_format
    fmt.space_after = Pt(space_after)
    if indent_cm:
        fmt.left_indent = Cm(indent_cm)
    if align is not None:
        p.alignment = align
    return p


def tag(doc, tag: str, indent_cm: float = 0.0) -> None:
    """A {%p … %} paragraph: docxtpl removes it and keeps its Jinja statement."""
    para(doc, f"{{%p {tag} %}}", indent_cm=indent_cm, space_after=0)


def table(doc, headers: list[str], cells: list[str], loop: str, widths: list[float]):
    """A table whose middle row repeats with {%tr for %}…{%tr endfor %} rows of their own."""
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, text in enumerate(headers):
        cell = table.rows[0].cells[i]
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = Pt(9)
    table.rows[1].cells[0].text = f"{{%tr for {loop} %}}"
    for i, text in enumerate(cells):
        cell = table.rows[2].cells[i]
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.font.size = Pt(9)
        if any(w in text for w in ("amount", "outstanding", "interest", "indemnity", "base")):
            cell.paragraphs[0].alignment = RIGHT
    table.rows[3].cells[0].text = "{%tr endfor %}"
    # The header row repeats on every page; no row is cut across two pages.
    for index, row in enumerate(table.rows):
        props = row._tr.get_or_add_trPr()
        props.append(OxmlElement("w:cantSplit"))
        if index == 0:
            props.append(OxmlElement("w:tblHeader"))
    for row in table.rows:
        for i, width in enumerate(widths):
            row.cells[i].width = Cm(width)
    return table


def line(doc, t: dict, label: str, value: str, bold: bool = False):
    """A total, right-aligned: « Total réclamé : 1 234,56 € »."""
    return para(doc, f"{label}{t['colon']}{{{{ {value} }}}}", bold=bold, align=RIGHT, space_after=0)


def keep(paragraph):
    """Keep the paragraph on the page of the next one (a part's sentences with its table, its
    last total with its request): Word and LibreOffice move them together."""
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def credits_table(
    doc, t: dict, credits: str, heading: str = "credits", columns: str = "credits_table"
) -> None:
    """The credit notes deducted: « Avoirs en votre faveur, déduits du total » and their table
    (or, heading "available", the free ones shown and not deducted)."""
    para(doc, t[heading], space_after=2)
    table(
        doc,
        t[columns],
        ["{{ c.number }}", "{{ c.date }}", "{{ c.object }}", "{{ c.amount }}"],
        f"c in {credits}",
        [3.0, 2.6, 7.4, 3.0],
    )


def available_credits(doc, t: dict) -> None:
    """The credit notes naming no invoice of the letter: shown, never deducted."""
    tag(doc, "if available_credits")
    credits_table(doc, t, "available_credits", "available")
    para(doc, "", space_after=4)
    tag(doc, "endif")
    # Payments received and not applied (« Acompte », « Règlement »): never called « avoirs ».
    tag(doc, "if received_payments")
    credits_table(doc, t, "received_payments", "received", "received_table")
    para(doc, "", space_after=4)
    tag(doc, "endif")


__all__ = ["JUSTIFY", "RIGHT", "available_credits", "credits_table", "keep", "line", "para",
           "table", "tag"]  # fmt: skip

"""Build the bundled Word letter templates (docxtpl/Jinja tags) with python-docx, and the
e-mail templates, from the sentences of sentences.py.

Run: python word_templates/build_templates.py   (rewrites word_templates/*.docx and email/)
The .docx files are committed; users edit copies of them in Word (`relance init`).
Each letter of the print bundle is a section with its own header and footer (bundle.py): the
continuation header of page 2 and later names the client and the subject.

A dunning letter is a loop over its parts (one per stage, highest first, then the penalties
of invoices paid late), each with its own sentences, table, totals and deadline.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_emails import write_emails  # noqa: E402
from build_parts import parts  # noqa: E402
from build_pieces import (  # noqa: E402
    JUSTIFY,
    RIGHT,
    available_credits,
    credits_table,
    line,
    para,
    table,
    tag,
)
from sentences import PART_KINDS, SENTENCES  # noqa: E402

# The debtor's block is placed for a French DL window envelope (about 11 cm from the left
# edge, 4.5–5 cm from the top).
WINDOW = 9.0


def _single(doc, t: dict, kind: str) -> None:
    """A letter of one kind and no parts: a courtesy reminder, a thank-you, a statement."""
    for text in t["single"][kind]:
        para(doc, text, space_after=6, align=JUSTIFY)
    if kind == "releve":
        _statement(doc, t, annex=False)
        return
    table(
        doc,
        t["table"],
        ["{{ inv.number }}", "{{ inv.date }}", "{{ inv.object }}", "{{ inv.amount }}",
         "{{ inv.due }}", "{{ inv.outstanding }}"],
        "inv in invoices",
        [2.6, 2.2, 4.8, 2.6, 2.2, 2.6],
    )  # fmt: skip
    para(doc, "", space_after=2)
    if kind == "pre_echeance":
        tag(doc, "if credits")
        credits_table(doc, t, "credits")
        tag(doc, "endif")
        line(doc, t, t["total_due"], "totals.outstanding", bold=True)
        para(doc, "", space_after=4)
        available_credits(doc, t)
        para(doc, t["single"]["pre_echeance_request"], space_after=4, align=JUSTIFY)


def _run(paragraph, text: str):
    run = paragraph.add_run(text)
    run.font.size = Pt(8)
    return run


def _field(paragraph, instruction: str) -> None:
    """A simple Word field (PAGE, SECTIONPAGES) that Word and LibreOffice compute."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")
    props.append(size)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _keep_with_next(paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.keep_together = True


def _statement(doc, t: dict, *, annex: bool = True) -> None:
    """The statement of account: a page of its own after a formal notice, or the letter."""
    if annex:
        # The title starts its page itself: a paragraph holding a page break, pushed to a new
        # page by a letter that filled its last one, left that page blank.
        title = para(doc, t["statement_title"], bold=True, size=12, space_after=4)
        title.paragraph_format.page_break_before = True
        para(doc, t["statement_intro"], space_after=8)
    table(
        doc,
        t["statement_table"],
        ["{{ st.label }} {{ st.number }}", "{{ st.date }}", "{{ st.due }}",
         "{{ st.amount }}", "{{ st.paid }}", "{{ st.outstanding }}"],
        "st in statement.lines",
        [4.4, 2.2, 2.2, 2.8, 2.6, 2.8],
    )  # fmt: skip
    para(doc, "", space_after=2)
    line(doc, t, t["statement_paid"], "statement.paid")
    line(doc, t, t["statement_balance"], "statement.balance", bold=True)
    if not annex:  # the statement on its own: a line's space before « Pour toute question »
        para(doc, "", space_after=4)


def _page(doc, t: dict, kind: str) -> None:
    """A4, margins, the font; the footer (the creditor and « Page n sur N ») on every page,
    and from page 2 on a continuation header: « Client — Objet — page n/N ». Page 1 has no
    header: its address block stays at the envelope's window."""
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(1.5), Cm(1.8)
    section.header_distance = Cm(0.8)
    style = doc.styles["Normal"]
    style.font.name = "Carlito"
    style.font.size = Pt(10.5)
    section.different_first_page_header_footer = True
    for footer in (section.footer, section.first_page_footer):
        _footer(footer, t)
    _continuation(section.header.paragraphs[0], t, kind)


def _footer(footer, t: dict) -> None:
    """The creditor's identity, centred, and « Page n sur N » on the right."""
    paragraph = footer.paragraphs[0]
    paragraph.text = "{{ creditor.footer }}"
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.runs[0].font.size = Pt(8)
    numbers = footer.add_paragraph()
    numbers.alignment = RIGHT
    _run(numbers, f"{t['page']} ")
    _field(numbers, "PAGE")
    _run(numbers, f" {t['page_of']} ")
    # The print bundle drops the total (each letter is a section there, see bundle.py).
    _field(numbers, "NUMPAGES")


def _continuation(paragraph, t: dict, kind: str) -> None:
    """« Librairie Mercier — Relance – facture n° F1 impayée — page 2/3 », small, on the right."""
    subject = t["subjects"][kind].removeprefix(t["subject_prefix"])
    subject = subject[:1].upper() + subject[1:]
    paragraph.alignment = RIGHT
    paragraph.paragraph_format.space_after = Pt(0)
    _run(paragraph, f"{{{{ debtor.name }}}} — {subject} — {t['page_short']} ")
    _field(paragraph, "PAGE")
    _run(paragraph, "/")
    _field(paragraph, "NUMPAGES")


def _heads(doc, t: dict, kind: str) -> None:
    """The creditor top left, the debtor in the envelope's window, place and date, subject."""
    para(doc, "{{ creditor.name }}", bold=True, size=12, space_after=0)
    tag(doc, "for line in creditor.address_lines")
    para(doc, "{{ line }}", space_after=0)
    tag(doc, "endfor")
    para(doc, "{{ creditor.contact_line }}", size=9, space_after=0)
    para(doc, "SIRET {{ creditor.siret }}", size=9, space_after=0)
    para(doc, "", space_after=6)
    if kind == "mise_en_demeure":
        para(doc, t["registered"], bold=True, indent_cm=WINDOW, size=9, space_after=2)
    else:
        # Posted by registered mail when [print] registered names it or it must interrupt a
        # public debt's lapse (the creditor proves the demand): its heading says so.
        tag(doc, "if letter.registered", WINDOW)
        para(doc, t["registered"], bold=True, indent_cm=WINDOW, size=9, space_after=2)
        tag(doc, "endif", WINDOW)
    para(doc, "{{ debtor.name }}", bold=True, indent_cm=WINDOW, space_after=0)
    tag(doc, "if debtor.contact", WINDOW)
    para(doc, t["attention"], indent_cm=WINDOW, space_after=0)
    tag(doc, "endif", WINDOW)
    tag(doc, "for line in debtor.address_lines", WINDOW)
    para(doc, "{{ line }}", indent_cm=WINDOW, space_after=0)
    tag(doc, "endfor", WINDOW)
    para(doc, "", space_after=10)
    para(doc, "{{ letter.place_date }}", align=RIGHT, space_after=10)
    para(doc, t["subjects"][kind], bold=True, space_after=2)
    para(doc, t["ref"], size=9, space_after=10)
    para(doc, t["salutation"], space_after=8)


def _ending(doc, t: dict, kind: str) -> None:
    """Payment details, contact, closing and signature; a notice's statement of account."""
    if kind not in ("remerciement", "releve"):
        tag(doc, "if letter.acknowledged")
        para(doc, "{{ letter.acknowledged }}", space_after=6, align=JUSTIFY)
        tag(doc, "endif")
        para(doc, t["pay_title"], space_after=2)
        para(doc, "– " + t["transfer"], indent_cm=0.5, space_after=0)
        para(doc, "– " + t["cheque"], indent_cm=0.5, space_after=0)
        tag(doc, "if payment.link")
        para(doc, "– " + t["link"], indent_cm=0.5, space_after=0)
        tag(doc, "endif")
        para(doc, "", space_after=4)
    if kind != "remerciement":
        # Neither a formal notice nor a claim is to be disregarded: a payment made since is
        # to be reported.
        if kind in PART_KINDS:
            # Nor is a letter that claims penalties: « disregard it » would waive them.
            tag(doc, 'if letter.kind != "relance_1" or letter.has_claims')
            _keep_with_next(para(doc, t["contact_notice"], space_after=6, align=JUSTIFY))
            tag(doc, "else")
            _keep_with_next(para(doc, t["contact"], space_after=6, align=JUSTIFY))
            tag(doc, "endif")
        else:
            said = t["contact_statement"] if kind == "releve" else t["contact"]
            _keep_with_next(para(doc, said, space_after=6, align=JUSTIFY))
    # The closing and the signature stay together, and with the paragraph before them: no
    # page ever holds only a signature.
    _keep_with_next(para(doc, t["closing"], space_after=14))
    _keep_with_next(para(doc, "{{ creditor.signatory }}", indent_cm=WINDOW, space_after=0))
    para(doc, "{{ creditor.signatory_title }}", indent_cm=WINDOW, space_after=0)
    if kind == "mise_en_demeure":
        _statement(doc, t)


def build(language: str, kind: str, target: Path) -> None:
    """Write one template."""
    t = SENTENCES[language]
    doc = Document()
    _page(doc, t, kind)
    _heads(doc, t, kind)
    if kind in PART_KINDS:
        parts(doc, t, language, kind)
    else:
        _single(doc, t, kind)
    _ending(doc, t, kind)
    doc.core_properties.author = "relance-xlsx"
    doc.core_properties.title = kind
    doc.save(str(target))


def main() -> None:
    """Rebuild every template: French in word_templates/, English in word_templates/en/."""
    for language, folder in (("fr", HERE), ("en", HERE / "en")):
        folder.mkdir(exist_ok=True)
        for kind in SENTENCES[language]["subjects"]:
            build(language, kind, folder / f"{kind}.docx")
            print(f"wrote {folder / kind}.docx")
        for path in write_emails(language, folder / "email"):
            print(f"wrote {path}")
    # The blank document the litigation files are written into (relance_xlsx/data).
    from relance_xlsx.figures.docxwrite import build_skeleton

    print(f"wrote {build_skeleton()}")


if __name__ == "__main__":
    main()

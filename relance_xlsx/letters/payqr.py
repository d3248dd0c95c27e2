"""The letter's payment reference and QR code: an ISO 11649 RF reference that identifies the
letter (its journal lines record it, so a transfer carrying it is matched to its invoices),
and the EPC QR code a banking app scans to fill the transfer.

Inserted at render time, after the paragraph that gives the transfer's reference, so that
the bundled templates (and an office's own) need no change: « Référence à rappeler : RF… »
and the code, in the letter's own file and in the print bundle.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from lxml import etree

from ..bank import epc_payload, iban_problem, letter_reference, printed, qr_png
from ..config import Settings
from ..ledger import KIND_CLAIM, KIND_FORMAL_NOTICE, KIND_PRE_DUE, KIND_REMINDER_1, KIND_REMINDER_2
from .compiled import Rendered, W
from .plan import LetterPlan
from .records import LetterRows

# The letters that ask for money (thanks and statements of account do not).
MONEY_KINDS = (KIND_REMINDER_1, KIND_REMINDER_2, KIND_FORMAL_NOTICE, KIND_PRE_DUE, KIND_CLAIM)
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
# What starts an item of a list of ways to pay.
_BULLETS = "–—-•·▪"
_SIDE_EMU = 1_080_000  # 3 cm: EPC asks for at least 2 cm
_NS = {
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}


def reference_of(plan: LetterPlan, data: LetterRows, as_of: dt.date) -> str:
    """The letter's RF reference ("" for a letter that asks for no money)."""
    if plan.kind not in MONEY_KINDS or not plan.rows:
        return ""
    numbers = [str(r["invoice"] or "") for r in data.of(plan.rows)]
    return letter_reference(plan.client, as_of, numbers)


def payment_fields(
    plan: LetterPlan, data: LetterRows, settings: Settings, as_of: dt.date, amount: float
) -> dict[str, str]:
    """The template's payment.reference (the RF, in groups of four), payment.rf, and the QR
    code's text when [letters] qr_code is on and the creditor's IBAN is valid."""
    rf = reference_of(plan, data, as_of)
    if not rf:
        return {"rf": "", "qr": ""}
    creditor = settings.creditor
    qr = ""
    if settings.letters.qr_code and creditor.name and not iban_problem(creditor.iban):
        try:
            qr = epc_payload(creditor.name, creditor.iban, amount, rf, creditor.bic)
        except ValueError:
            qr = ""  # an amount out of bounds, a BIC that is not one: no code, the text stays
    # No-break spaces: the reference is never cut across two lines of the letter.
    return {"reference": printed(rf).replace(" ", "\u00a0"), "rf": rf, "qr": qr}


def add_payment_qr(rendered: Rendered, context: dict[str, Any]) -> None:
    """« Référence à rappeler : RF… » and the QR code, after the paragraph that cites it."""
    payment = context.get("payment") or {}
    rf, payload = payment.get("rf") or "", payment.get("qr") or ""
    if not rf:
        return
    english = (context.get("letter") or {}).get("language") == "en"
    said = printed(rf).replace(" ", "\u00a0")
    anchor = _anchor(rendered.body, said)
    # The reference (and the code) never start a page apart from the ways to pay.
    heading = _keep_together(anchor) if anchor is not None else None
    # The code beside the ways to pay, on the right of their heading: below them it took
    # 4 cm and sent a one-invoice reminder's signature to a page 2 (review-clerk2).
    beside = bool(payload) and heading is not None
    text = (
        f"Reference to quote: {said}" if english else f"Référence à rappeler : {said}"
    ) + (
        "" if not payload else
        (" – or scan the code opposite with your banking app." if english else
         " – ou scannez le code ci-contre avec l'application de votre banque.") if beside else
        (" – or scan this code with your banking app:" if english else
         " – ou scannez ce code avec l'application de votre banque :")
    )  # fmt: skip
    new = [_paragraph(text, keep_next=bool(payload) and not beside)]
    if payload:
        digest = hashlib.sha1(payload.encode()).hexdigest()[:12]
        rel_id = f"rIdQr{digest}"
        rendered.media[rel_id] = (f"word/media/qr-{digest}.png", qr_png(payload))
        picture = _picture(rel_id, digest, floating=beside)
        if heading is not None and beside:
            first = len(heading) and heading[0].tag == f"{{{W}}}pPr"  # the run after its pPr
            heading.insert(1 if first else 0, picture[0])
        else:
            new.append(picture)
    for element in reversed(new):
        if anchor is not None:
            anchor.addnext(element)
        else:
            _before_section(rendered.body, element)


def _anchor(body: etree._Element, said: str) -> etree._Element | None:
    """The last paragraph that gives the reference (the code goes after the list of ways to
    pay), else the last that gives the IBAN: one pass over the text nodes (the reference is
    one template value, so one node), then paragraph by paragraph for a value cut in runs."""
    tag_t, tag_p = f"{{{W}}}t", f"{{{W}}}p"
    for wanted in (said, "IBAN"):
        hit = None
        for node in body.iter(tag_t):
            if node.text and wanted in node.text:
                hit = node
        if hit is None:
            texts = [(p, "".join(t.text or "" for t in p.iter(tag_t))) for p in body.iter(tag_p)]
            hit = next((p for p, text in reversed(texts) if wanted in text), None)
        while hit is not None and hit.tag != tag_p:
            hit = hit.getparent()
        if hit is not None:
            return _list_end(hit)
    return None


def _list_end(paragraph: etree._Element) -> etree._Element:
    """The last item of the list the paragraph is an item of (« – par chèque … » is
    followed by « – en ligne : … »): the reference goes after the list, never inside it."""
    tag_p, tag_t = f"{{{W}}}p", f"{{{W}}}t"

    def mark(p: etree._Element) -> str:
        text = "".join(t.text or "" for t in p.iter(tag_t)).lstrip()
        return text[:1] if text[:1] in _BULLETS else ""

    bullet = mark(paragraph)
    while bullet:
        after = paragraph.getnext()
        if after is None or after.tag != tag_p or mark(after) != bullet:
            break
        paragraph = after
    return paragraph


def _keep_together(anchor: etree._Element, most: int = 5) -> etree._Element | None:
    """The ways to pay, from their heading (« Modalités de règlement : ») down to the
    paragraph the code follows, kept with the next paragraph: the reference and the code
    never start a page alone, the block moves to the next page whole when it must (only
    the anchor when no heading is found close above it). The heading, if found."""
    tag_p, tag_t = f"{{{W}}}p", f"{{{W}}}t"
    block = [anchor]
    paragraph = anchor.getprevious()
    while paragraph is not None and paragraph.tag == tag_p and len(block) < most:
        block.append(paragraph)
        if "".join(t.text or "" for t in paragraph.iter(tag_t)).strip().endswith(":"):
            break
        paragraph = paragraph.getprevious()
    else:
        block = [anchor]
    for kept in block:
        _set_keep_next(kept)
    return block[-1] if len(block) > 1 else None


def _set_keep_next(paragraph: etree._Element) -> None:
    pr = paragraph.find(f"{{{W}}}pPr")
    if pr is None:
        pr = etree.Element(f"{{{W}}}pPr")
        paragraph.insert(0, pr)
    if pr.find(f"{{{W}}}keepNext") is None:
        # keepNext comes after pStyle in CT_PPrBase's sequence
        style = pr.find(f"{{{W}}}pStyle")
        keep = etree.Element(f"{{{W}}}keepNext")
        if style is not None:
            style.addnext(keep)
        else:
            pr.insert(0, keep)


def _before_section(body: etree._Element, element: etree._Element) -> None:
    last = body[-1] if len(body) else None
    if last is not None and last.tag == f"{{{W}}}sectPr":
        last.addprevious(element)
    else:
        body.append(element)


def _paragraph(text: str, *, keep_next: bool) -> etree._Element:
    p = etree.Element(f"{{{W}}}p")
    if keep_next:
        pr = etree.SubElement(p, f"{{{W}}}pPr")
        etree.SubElement(pr, f"{{{W}}}keepNext")
    run = etree.SubElement(p, f"{{{W}}}r")
    t = etree.SubElement(run, f"{{{W}}}t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    return p


def _picture(rel_id: str, digest: str, *, floating: bool = False) -> etree._Element:
    """A picture of 3 × 3 cm pointing at the QR code's image part: inline in a paragraph of
    its own, or floating at the right margin, the text on its left (its run goes into the
    paragraph it is anchored to)."""
    side = _SIDE_EMU
    place = (
        '<wp:anchor distT="0" distB="0" distL="114300" distR="0" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" '
        'allowOverlap="0"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin">'
        '<wp:align>right</wp:align></wp:positionH><wp:positionV relativeFrom="paragraph">'
        f'<wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="{side}" cy="{side}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="left"/>'
        if floating
        else '<wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{side}" cy="{side}"/>'
    )
    xml = (
        f'<w:p xmlns:w="{W}" xmlns:wp="{_NS["wp"]}" xmlns:a="{_NS["a"]}" '
        f'xmlns:pic="{_NS["pic"]}" xmlns:r="{_NS["r"]}"><w:r><w:drawing>{place}'
        f'<wp:docPr id="{900 + int(digest[:3], 16) % 99}" name="QR code de paiement"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="qr-{digest}.png"/><pic:cNvPicPr/>'
        f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/>'
        '</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{side}" cy="{side}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        "</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>"
        f"</wp:{'anchor' if floating else 'inline'}>"
        "</w:drawing></w:r></w:p>"
    )
    return etree.fromstring(xml)


__all__ = ["IMAGE_REL", "MONEY_KINDS", "add_payment_qr", "payment_fields", "reference_of"]

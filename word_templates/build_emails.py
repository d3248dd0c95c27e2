"""Write the e-mail templates (objet.txt, message.txt, message.html) from the letters' own
sentences: each part of the e-mail says what the same part of its letter says, with the
same amounts, invoices and deadline. Run through build_templates.py."""

from __future__ import annotations

from pathlib import Path

from sentences import SENTENCES, TYPE_TESTS, TYPES, filled


def _by_type(texts: dict, language: str) -> list[str]:
    """One sentence per client type, as Jinja (the types it has)."""
    kinds = [k for k in (*TYPES, "administrative", "abroad", "judicial") if k in texts]
    out = []
    for i, kind in enumerate(kinds):
        out.append(f"{{% {'if' if i == 0 else 'elif'} {TYPE_TESTS[kind]} %}}")
        out.append(filled(texts[kind], language, mail=True))
    return [*out, "{% endif %}"]


def _open(s: dict, language: str) -> list[str]:
    if "open" in s:
        return [filled(s["open"], language, mail=True)]
    return [
        "{% if part.reminded %}",
        filled(s["reminded"], language, mail=True),
        "{% else %}",
        filled(s["new"], language, mail=True),
        "{% endif %}",
    ]


def _partly_paid(t: dict, language: str) -> list[str]:
    """The letter's « Nous avons bien reçu, en règlement partiel, … »: an e-mail that left it
    out would say, read alone, that nothing was paid."""
    return [
        "{% if part.partly_paid %}",
        filled(t["partly_paid"], language, mail=True),
        "{% endif %}",
    ]


def _includes(t: dict, language: str) -> list[str]:
    """What a part's amount holds, when it holds more than the principal."""
    return [
        "{% if part.penalties and (part.show_interest or not debtor.consumer) %}",
        *_by_type(t["mail_includes"], language),
        "{% endif %}",
    ]


def _part_lines(t: dict, language: str) -> list[list[str]]:
    """Each part's paragraph: its kind's opening, the amount and deadline, what it holds."""
    p = t["parts"]
    med = p["mise_en_demeure"]
    return [
        [
            '{% if part.kind == "mise_en_demeure" %}',
            med["mail_intro"],
            *_open(med, language),
            *_partly_paid(t, language),
            filled(med["mail_notice"], language, mail=True),
            *_includes(t, language),
            *_by_type(med["route"], language),
        ],
        [
            '{% elif part.kind == "relance_2" %}',
            *_open(p["relance_2"], language),
            *_partly_paid(t, language),
            filled(p["relance_2"]["request"], language, mail=True),
            *_includes(t, language),
        ],
        [
            '{% elif part.kind == "relance_1" %}',
            *_open(p["relance_1"], language),
            *_partly_paid(t, language),
            filled(p["relance_1"]["request"], language, mail=True),
        ],
        [
            '{% elif part.kind == "penalites" %}',
            *_open(p["penalites"], language),
            filled(p["penalites"]["request"], language, mail=True),
            *_includes(t, language),
        ],
    ]


def _body(t: dict, language: str, html: bool) -> str:
    """The message: greeting, the parts (or a courtesy reminder, a thank-you), payment."""
    m = t["mail"]
    para = ("<p>", "</p>") if html else ("", "")
    lines = [f"{para[0]}{t['greeting']}{para[1]}", ""]
    lines += ['{% if letter.kind == "pre_echeance" %}', f"{para[0]}{m['pre_echeance']}{para[1]}"]
    lines += ['{% elif letter.kind == "remerciement" %}', f"{para[0]}{m['remerciement']}{para[1]}"]
    lines += ["{% else %}", "{% for part in parts %}"]
    for block in _part_lines(t, language):
        head, sentences = block[0], block[1:]
        lines.append(head)
        if html:
            lines.append("<p>")
        lines += sentences
        if html:
            lines.append("</p>")
    lines += ["{% endif %}", "", "{% endfor %}"]
    total = f"{t['letter_total']}{t['colon']}{{{{ totals.claimed }}}}."
    lines += ["{% if letter.several_parts %}", f"{para[0]}{total}{para[1]}", "", "{% endif %}"]
    lines += ["{% if letter.recall %}", f"{para[0]}{t['recall']}{para[1]}", "", "{% endif %}"]
    lines += ["{% if letter.acknowledged %}", f"{para[0]}{{{{ letter.acknowledged }}}}{para[1]}"]
    lines += ["", "{% endif %}", "{% endif %}", ""]
    link = (
        f'{m["online"]}<a href="{{{{ payment.link }}}}">{{{{ payment.link }}}}</a>'
        if html
        else f"{m['online']}{{{{ payment.link }}}}"
    )
    lines += ['{% if letter.kind != "remerciement" %}']
    lines += [f"{para[0]}{m['payment']}{{% if payment.link %}}{link}{{% endif %}}."]
    lines += [("<br>" if html else "") + m["attached"] + para[1], "", "{% endif %}"]
    lines += [f"{para[0]}{m['regards']}{para[1]}", ""]
    signature = (
        "{{ creditor.signatory }}{% if creditor.signatory_title %}, "
        "{{ creditor.signatory_title }}{% endif %}"
    )
    sep = "<br>" if html else ""
    # The business papers' mentions (Code de commerce R123-237) in the signature: the name
    # with its legal form, capital and office, then its registry.
    lines += [f"{para[0]}{signature}{sep}", f"{{{{ creditor.legal_who }}}}{sep}"]
    lines += [f"{{{{ creditor.contact_line }}}}{sep}"]
    lines += [f"{{{{ creditor.legal_registry }}}}{para[1]}"]
    body = "\n".join(_keep_line_ends(lines)) + "\n"
    if html:
        head = f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8"></head>\n'
        style = '<body style="font-family: Calibri, Arial, sans-serif; font-size: 11pt;">\n'
        return head + style + body + "</body></html>\n"
    return body


def _keep_line_ends(lines: list[str]) -> list[str]:
    """Lines of text that end with a tag keep their line break (the e-mail environment trims
    the break after a tag, so that lines holding only a tag leave nothing behind)."""
    out = []
    for line in lines:
        text = line.strip()
        if text.endswith("%}") and not (text.startswith("{%") and text.count("{%") == 1):
            line = line[: line.rfind("%}")] + "+%}"
        out.append(line)
    return out


def _subject(t: dict) -> str:
    subjects = t["mail_subjects"]
    lines = []
    kinds = [k for k in subjects if k != "other"]
    for i, kind in enumerate(kinds):
        lines.append(f'{{%- {"if" if i == 0 else "elif"} letter.kind == "{kind}" -%}}')
        lines.append(subjects[kind])
    lines += ["{%- else -%}", subjects["other"], "{%- endif -%}"]
    return "\n".join(lines) + "\n"


def write_emails(language: str, folder: Path) -> list[Path]:
    """The three e-mail templates of a language, written into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    t = SENTENCES[language]
    out = []
    for name, text in (
        ("objet.txt", _subject(t)),
        ("message.txt", _body(t, language, html=False)),
        ("message.html", _body(t, language, html=True)),
    ):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


__all__ = ["write_emails"]

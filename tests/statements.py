"""Bank statements written the way French banks write them (each layout as its bank exports
it: encoding, header block, separators, amounts), from one list of operations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

NBSP, NNBSP = "\u00a0", "\u202f"


@dataclass(frozen=True)
class Op:
    """One operation of the account: amount > 0 a credit, < 0 a debit."""

    day: dt.date
    amount: float
    name: str  # the payer (or payee) as the bank names it
    memo: str = ""  # remittance information
    ref: str = ""  # the bank's own reference


def fr(amount: float, space: str = " ", sign: bool = True) -> str:
    """« 1 234,56 » with the given thousands space (normal, no-break, narrow no-break)."""
    value = abs(amount) if not sign else amount
    text = f"{value:,.2f}".replace(",", "X").replace(".", ",").replace("X", space)
    return text


def _write(path: Path, lines: Sequence[str], encoding: str, newline: str = "\r\n") -> Path:
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


def credit_agricole(path: Path, ops: Sequence[Op]) -> Path:
    """cp1252, ten lines of account information, « Date;Libellé;Débit euros;Crédit euros; »,
    labels over several quoted lines, both amounts positive, no-break thousands spaces."""
    head = [
        "Téléchargement du 20/11/2026;",
        "",
        "M. ATELIER MARTIN;",
        "Compte de Dépôt carte n° 12345678901;",
        "Solde au 20/11/2026 12 345,67 €",
        "",
        "Liste des opérations du compte entre le 01/11/2026 et le 20/11/2026;",
        "",
        "Date;Libellé;Débit euros;Crédit euros;",
    ]
    rows = []
    for o in ops:
        label = f'"{o.name}\n{o.memo}"' if o.memo else f'"{o.name}"'
        debit = fr(-o.amount, NBSP) if o.amount < 0 else ""
        credit = fr(o.amount, NBSP) if o.amount > 0 else ""
        rows.append(f"{o.day:%d/%m/%Y};{label};{debit};{credit};")
    return _write(path, head + rows, "cp1252")


def bnp(path: Path, ops: Sequence[Op]) -> Path:
    """One account line and a blank line above the header, signed amounts, UTF-8."""
    head = ["Compte courant;FR76 3000 4000 0500 0012 3456 789;12 345,67", ""]
    head.append(
        "Date operation;Libelle court;Type operation;Libelle operation;Montant operation en euro"
    )
    rows = [
        f"{o.day:%d/%m/%Y};VIREMENT;{'VIR' if o.amount > 0 else 'PRLV'};{o.name} {o.memo}".strip()
        + f";{fr(o.amount, NNBSP)}"
        for o in ops
    ]
    return _write(path, head + rows, "utf-8")


def societe_generale(path: Path, ops: Sequence[Op]) -> Path:
    """cp1252, account line above, label and detail apart, signed amount and currency."""
    head = ['="00012345678";Compte courant;Solde au 20/11/2026;12 345,67 EUR', ""]
    head.append("Date de l'opération;Libellé;Détail de l'écriture;Montant de l'opération;Devise")
    rows = [f"{o.day:%d/%m/%Y};{o.name};{o.memo};{fr(o.amount)};EUR" for o in ops]
    return _write(path, head + rows, "cp1252")


def banque_populaire(path: Path, ops: Sequence[Op]) -> Path:
    """BPCE's thirteen columns, debits written negative in « Debit », ISO-8859-1."""
    head = [
        "Date de comptabilisation;Libelle simplifie;Libelle operation;Reference;"
        "Informations complementaires;Type operation;Categorie;Sous categorie;Debit;Credit;"
        "Date operation;Date de valeur;Pointage operation"
    ]
    rows = []
    for o in ops:
        debit = fr(o.amount) if o.amount < 0 else ""
        credit = "+" + fr(o.amount) if o.amount > 0 else ""
        rows.append(
            f"{o.day:%d/%m/%Y};{o.name[:20]};{o.name};{o.ref};{o.memo};Virement;;;"
            f"{debit};{credit};{o.day:%d/%m/%Y};{o.day:%d/%m/%Y};0"
        )
    return _write(path, head + rows, "latin-1")


def credit_mutuel(path: Path, ops: Sequence[Op]) -> Path:
    """« Date;Date de valeur;Débit;Crédit;Libellé;Solde », debit negative, ISO-8859-15."""
    head = ["Date;Date de valeur;Débit;Crédit;Libellé;Solde"]
    rows = [
        f"{o.day:%d/%m/%Y};{o.day:%d/%m/%Y};{fr(o.amount) if o.amount < 0 else ''};"
        f"{fr(o.amount) if o.amount > 0 else ''};{o.name} {o.memo};1000,00"
        for o in ops
    ]
    return _write(path, head + rows, "iso-8859-15", "\n")


def banque_postale(path: Path, ops: Sequence[Op]) -> Path:
    """Six lines of account information, then « Date;Libellé;Montant(EUROS) »."""
    head = [
        "Numéro Compte;0123456X020",
        "Type;CCP",
        "Compte tenu en;euros",
        "Date;20/11/2026",
        "Solde (EUROS);12345,67",
        "",
        "Date;Libellé;Montant(EUROS)",
    ]
    rows = [f'{o.day:%d/%m/%Y};"{o.name} {o.memo}";{fr(o.amount, "")}' for o in ops]
    return _write(path, head + rows, "cp1252")


def fortuneo(path: Path, ops: Sequence[Op]) -> Path:
    """« Date opération;Date valeur;libellé;Débit;Crédit; », debits as « -10 », cp1252."""
    head = ["Date opération;Date valeur;libellé;Débit;Crédit;"]
    rows = [
        f"{o.day:%d/%m/%Y};{o.day:%d/%m/%Y};{o.name} {o.memo};"
        f"{fr(o.amount, '') if o.amount < 0 else ''};{fr(o.amount, '') if o.amount > 0 else ''};"
        for o in ops
    ]
    return _write(path, head + rows, "cp1252")


def boursobank(path: Path, ops: Sequence[Op]) -> Path:
    """UTF-8 with BOM, ISO dates, quoted « 1 718,70 » amounts, the supplier apart."""
    head = [
        "dateOp;dateVal;label;category;categoryParent;supplierFound;amount;comment;"
        "accountNum;accountLabel;accountbalance"
    ]
    rows = [
        f'{o.day:%Y-%m-%d};{o.day:%Y-%m-%d};"{o.name} {o.memo}";"Virements reçus";'
        f'"Mouvements internes";"{o.name.lower()}";"{fr(o.amount)}";;00012345678;'
        '"COMPTE COURANT";"12 345,67"'
        for o in ops
    ]
    return _write(path, ["\ufeff" + head[0], *rows], "utf-8")


def shine(path: Path, ops: Sequence[Op]) -> Path:
    """Shine's export: transaction ids, « Débit » / « Crédit », counterparty apart, cp1252."""
    head = [
        "Transaction ID;Date de la valeur;Date d'opération;IBAN;Type de transaction;"
        "Transaction personnelle;Category;Débit;Crédit;Solde mouvement;Solde bancaire;Libellé;"
        "Nom de la contrepartie;Montant HT;Montant de TVA total;Pièces;Date d'ajout pièces;"
        "Commentaire"
    ]
    rows = [
        f"{o.ref};{o.day:%d/%m/%Y};{o.day:%d/%m/%Y};FR7612345;Virement;Non;;"
        f"{fr(-o.amount) if o.amount < 0 else ''};{fr(o.amount) if o.amount > 0 else ''};;;"
        f"{o.memo or o.name};{o.name};;;;;"
        for o in ops
    ]
    return _write(path, head + rows, "cp1252")


def qonto(path: Path, ops: Sequence[Op]) -> Path:
    """Qonto's English export: commas, ISO date-times, dot decimals, a pending line."""
    head = [
        "Status,Settlement date (UTC),Operation date (UTC),Total amount (incl. VAT),Currency,"
        "Counterparty name,Payment method,Transaction ID,Reference,Note"
    ]
    rows = [
        f"settled,{o.day:%Y-%m-%d} 10:12:00,{o.day:%Y-%m-%d} 09:00:00,{o.amount:.2f},EUR,"
        f'"{o.name}",transfer,{o.ref},"{o.memo}",'
        for o in ops
    ]
    rows.append('processing,,2026-11-20 09:00:00,99.00,EUR,"En attente SARL",transfer,tx-pend,"",')
    return _write(path, head + rows, "utf-8", "\n")


def lcl(path: Path, ops: Sequence[Op]) -> Path:
    """An export without a header line: date, signed amount, type, label (read by content)."""
    rows = [f"{o.day:%d/%m/%Y};{fr(o.amount, '')};Virement;{o.name} {o.memo};" for o in ops]
    return _write(path, rows, "cp1252")


def revolut(path: Path, ops: Sequence[Op]) -> Path:
    """Revolut Business: commas, ISO date-times, « Total amount » beside « Amount », a pending
    transfer."""
    head = [
        "Date started (UTC),Date completed (UTC),ID,Type,State,Description,Reference,Payer,"
        "Card number,Card label,Card state,Orig currency,Orig amount,Payment currency,Amount,"
        "Total amount,Exchange rate,Fee,Fee currency,Balance,Account"
    ]
    rows = [
        f"{o.day:%Y-%m-%d} 08:00:00,{o.day:%Y-%m-%d} 08:01:00,{o.ref},TRANSFER,COMPLETED,"
        f'"{o.name}","{o.memo}","{o.name}",,,,EUR,{o.amount:.2f},EUR,{o.amount:.2f},'
        f"{o.amount:.2f},,0.00,EUR,5000.00,Main"
        for o in ops
    ]
    rows.append(
        "2026-11-20 08:00:00,,rv-pend,TRANSFER,PENDING,Attente,,X,,,,EUR,77.00,EUR,77.00,77.00,"
        ",0.00,EUR,5000.00,Main"
    )
    return _write(path, head + rows, "utf-8", "\n")


def qonto_fr(path: Path, ops: Sequence[Op]) -> Path:
    """Qonto's French export: « DD-MM-YYYY HH:MM:SS », signed total and « Débit » / « Crédit »,
    the counterparty and the transaction id apart, cp1252."""
    head = [
        "Statut;Date de la valeur (UTC);Date de l'opération (UTC);Montant total (TTC);Débit;"
        "Crédit;Solde;Devise;Nom de la contrepartie;Identifiant de transaction;Référence"
    ]
    rows = [
        f"Exécuté;{o.day:%d-%m-%Y} 10:00:00;{o.day:%d-%m-%Y} 09:00:00;{fr(o.amount, '')};"
        f"{fr(-o.amount, '') if o.amount < 0 else ''};{fr(o.amount, '') if o.amount > 0 else ''};"
        f"5940,00;EUR;{o.name};{o.ref};{o.memo}"
        for o in ops
    ]
    return _write(path, head + rows, "cp1252")


def credit_mutuel_amount(path: Path, ops: Sequence[Op]) -> Path:
    """Crédit Mutuel's other layout: one signed « Montant » column."""
    head = ["Date;Date de valeur;Montant;Libellé;Solde"]
    rows = [
        f"{o.day:%d/%m/%Y};{o.day:%d/%m/%Y};{fr(o.amount, NBSP)};{o.name} {o.memo};7 375,00"
        for o in ops
    ]
    return _write(path, head + rows, "iso-8859-15", "\n")


def n26(path: Path, ops: Sequence[Op]) -> Path:
    """N26's export since 2024 (as public importers document it): English headers, commas,
    ISO dates, dot decimals, the partner's name and IBAN apart, the reference apart."""
    head = [
        '"Booking Date","Value Date","Partner Name","Partner Iban",Type,"Payment Reference",'
        '"Account Name","Amount (EUR)","Original Amount","Original Currency","Exchange Rate"'
    ]
    rows = [
        f'{o.day:%Y-%m-%d},{o.day:%Y-%m-%d},"{o.name}","FR7630004000031234567890143",'
        f'{"Credit Transfer" if o.amount > 0 else "Presentment"},"{o.memo}","Compte principal",'
        f"{o.amount:.2f},,,"
        for o in ops
    ]
    return _write(path, head + rows, "utf-8", "\n")


def n26_2021(path: Path, ops: Sequence[Op]) -> Path:
    """N26's older export: « Payee », « Transaction type », « Payment reference »."""
    head = [
        '"Date","Payee","Account number","Transaction type","Payment reference",'
        '"Amount (EUR)","Amount (Foreign Currency)","Type Foreign Currency","Exchange Rate"'
    ]
    rows = [
        f'"{o.day:%Y-%m-%d}","{o.name}","","{"Income" if o.amount > 0 else "Direct Debit"}",'
        f'"{o.memo}","{o.amount:.2f}","","",""'
        for o in ops
    ]
    return _write(path, head + rows, "utf-8", "\n")


def wise(path: Path, ops: Sequence[Op]) -> Path:
    """Wise (TransferWise) business statement: its id, DD-MM-YYYY, « Payer Name », « Payment
    Reference », a « Total fees » column that is no amount."""
    head = [
        '"TransferWise ID",Date,Amount,Currency,Description,"Payment Reference",'
        '"Running Balance","Exchange From","Exchange To","Exchange Rate","Payer Name",'
        '"Payee Name","Payee Account Number",Merchant,"Card Last Four Digits",'
        '"Card Holder Full Name",Attachment,Note,"Total fees","Exchange To Amount"'
    ]
    rows = []
    for o in ops:
        said = f"Received money from {o.name}" if o.amount > 0 else f"Sent money to {o.name}"
        payer, payee = (o.name, "") if o.amount > 0 else ("", o.name)
        rows.append(
            f'TRANSFER-{o.ref},{o.day:%d-%m-%Y},{o.amount:.2f},EUR,"{said}","{o.memo}",'
            f'5000.00,,,,"{payer}","{payee}",,,,,,,0.00,'
        )
    return _write(path, head + rows, "utf-8", "\n")


def revolut_personal(path: Path, ops: Sequence[Op]) -> Path:
    """Revolut's standard account export: « Type,Product,Started Date,Completed Date,… »,
    the state of each operation (a reverted one is no money received)."""
    head = [
        "Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance"
    ]
    rows = [
        f"{'TRANSFER' if o.amount > 0 else 'CARD_PAYMENT'},Current,{o.day:%Y-%m-%d} 09:12:44,"
        f'{o.day:%Y-%m-%d} 09:13:02,"Transfer from {o.name} {o.memo}",{o.amount:.2f},0.00,EUR,'
        "COMPLETED,4321.00"
        for o in ops
    ]
    rows.append(
        "TRANSFER,Current,2026-11-20 10:00:00,2026-11-20 10:00:05,Transfer from X,99.00,0.00,"
        "EUR,REVERTED,4321.00"
    )
    return _write(path, head + rows, "utf-8", "\n")


def cic_iso885915(path: Path, ops: Sequence[Op]) -> Path:
    """CIC's export in ISO-8859-15 (the encoding it documents), where « € » and « Œ » sit
    at bytes Windows-1252 reads as « ¤ » and « ¼ »."""
    head = ["Date;Date de valeur;Débit;Crédit;Libellé;Solde"]
    rows = [
        f"{o.day:%d/%m/%Y};{o.day:%d/%m/%Y};{fr(o.amount) if o.amount < 0 else ''};"
        f"{fr(o.amount) if o.amount > 0 else ''};{o.name} {o.memo};1 000,00 €"
        for o in ops
    ]
    return _write(path, head + rows, "iso-8859-15")


CSV_LAYOUTS: dict[str, Callable[[Path, Sequence[Op]], Path]] = {
    "credit-agricole": credit_agricole,
    "bnp-paribas": bnp,
    "societe-generale": societe_generale,
    "banque-populaire": banque_populaire,
    "credit-mutuel": credit_mutuel,
    "banque-postale": banque_postale,
    "fortuneo": fortuneo,
    "boursobank": boursobank,
    "shine": shine,
    "qonto": qonto,
    "lcl-sans-en-tete": lcl,
    "revolut-business": revolut,
    "qonto-fr": qonto_fr,
    "credit-mutuel-montant": credit_mutuel_amount,
    "n26": n26,
    "n26-2021": n26_2021,
    "wise": wise,
    "revolut": revolut_personal,
    "cic-iso-8859-15": cic_iso885915,
}


def ofx_sgml(path: Path, ops: Sequence[Op]) -> Path:
    """OFX 1.02: SGML header, CHARSET:1252, unclosed elements, comma decimals."""
    head = [
        "OFXHEADER:100", "DATA:OFXSGML", "VERSION:102", "SECURITY:NONE", "ENCODING:USASCII",
        "CHARSET:1252", "COMPRESSION:NONE", "OLDFILEUID:NONE", "NEWFILEUID:NONE", "",
        "<OFX>", "<SIGNONMSGSRSV1>", "<SONRS>", "<STATUS>", "<CODE>0", "<SEVERITY>INFO",
        "</STATUS>", "<DTSERVER>20261120120000", "<LANGUAGE>FRA", "</SONRS>",
        "</SIGNONMSGSRSV1>", "<BANKMSGSRSV1>", "<STMTTRNRS>", "<TRNUID>00000000", "<STATUS>",
        "<CODE>0", "<SEVERITY>INFO", "</STATUS>", "<STMTRS>", "<CURDEF>EUR", "<BANKACCTFROM>",
        "<BANKID>30004", "<BRANCHID>00123", "<ACCTID>00012345678", "<ACCTTYPE>CHECKING",
        "</BANKACCTFROM>", "<BANKTRANLIST>", "<DTSTART>20261101", "<DTEND>20261120",
    ]  # fmt: skip
    body = []
    for o in ops:
        body += [
            "<STMTTRN>",
            f"<TRNTYPE>{'CREDIT' if o.amount > 0 else 'DEBIT'}",
            f"<DTPOSTED>{o.day:%Y%m%d}",
            f"<TRNAMT>{o.amount:.2f}".replace(".", ","),
            f"<FITID>{o.ref}",
            f"<NAME>{o.name}",
        ]
        if o.memo:
            body.append(f"<MEMO>{o.memo}")
        body.append("</STMTTRN>")
    tail = [
        "</BANKTRANLIST>", "<LEDGERBAL>", "<BALAMT>12345,67", "<DTASOF>20261120",
        "</LEDGERBAL>", "</STMTRS>", "</STMTTRNRS>", "</BANKMSGSRSV1>", "</OFX>",
    ]  # fmt: skip
    return _write(path, head + body + tail, "cp1252")


def ofx_xml(path: Path, ops: Sequence[Op]) -> Path:
    """OFX 2.2 XML, UTF-8, closed elements, dates with time and zone."""
    items = "".join(
        f"<STMTTRN><TRNTYPE>{'CREDIT' if o.amount > 0 else 'DEBIT'}</TRNTYPE>"
        f"<DTPOSTED>{o.day:%Y%m%d}120000.000[+1:CET]</DTPOSTED><TRNAMT>{o.amount:.2f}</TRNAMT>"
        f"<FITID>{o.ref}</FITID><NAME>{_xml(o.name)}</NAME>"
        + (f"<MEMO>{_xml(o.memo)}</MEMO>" if o.memo else "")
        + "</STMTTRN>"
        for o in ops
    )
    text = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        '<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" '
        'NEWFILEUID="NONE"?>\n'
        "<OFX><BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID><STATUS><CODE>0</CODE>"
        "<SEVERITY>INFO</SEVERITY></STATUS><STMTRS><CURDEF>EUR</CURDEF><BANKACCTFROM>"
        "<BANKID>30004</BANKID><ACCTID>00012345678</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE>"
        "</BANKACCTFROM><BANKTRANLIST><DTSTART>20261101</DTSTART><DTEND>20261120</DTEND>"
        f"{items}</BANKTRANLIST><LEDGERBAL><BALAMT>12345.67</BALAMT><DTASOF>20261120</DTASOF>"
        "</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n"
    )
    path.write_text(text, encoding="utf-8")
    return path


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def camt053(path: Path, ops: Sequence[Op], structured: bool = False) -> Path:
    """CAMT.053.001.02: one Ntry per operation, the debtor's name, the remittance
    (unstructured, or a structured creditor reference when it is an RF), AcctSvcrRef."""
    entries = []
    for o in ops:
        credit = o.amount > 0
        party = (
            f"<RltdPties><Dbtr><Nm>{_xml(o.name)}</Nm></Dbtr></RltdPties>"
            if credit
            else f"<RltdPties><Cdtr><Nm>{_xml(o.name)}</Nm></Cdtr></RltdPties>"
        )
        if o.memo.startswith("RF") and structured:
            remit = (
                "<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry>"
                f"<Issr>ISO</Issr></Tp><Ref>{o.memo}</Ref></CdtrRefInf></Strd></RmtInf>"
            )
        else:
            remit = f"<RmtInf><Ustrd>{_xml(o.memo)}</Ustrd></RmtInf>" if o.memo else ""
        entries.append(
            f'<Ntry><Amt Ccy="EUR">{abs(o.amount):.2f}</Amt>'
            f"<CdtDbtInd>{'CRDT' if credit else 'DBIT'}</CdtDbtInd><Sts>BOOK</Sts>"
            f"<BookgDt><Dt>{o.day:%Y-%m-%d}</Dt></BookgDt><ValDt><Dt>{o.day:%Y-%m-%d}</Dt></ValDt>"
            f"<AcctSvcrRef>{o.ref}</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd></Domn></BkTxCd>"
            f"<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>"
            f"{party}{remit}</TxDtls></NtryDtls></Ntry>"
        )
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<BkToCstmrStmt><GrpHdr><MsgId>STMT-20261120</MsgId>"
        "<CreDtTm>2026-11-20T08:00:00</CreDtTm></GrpHdr><Stmt><Id>STMT-1</Id>"
        "<CreDtTm>2026-11-20T08:00:00</CreDtTm><Acct><Id><IBAN>FR7630004000050000123456789"
        "</IBAN></Id></Acct>" + "".join(entries) + "</Stmt></BkToCstmrStmt></Document>\n"
    )
    path.write_text(text, encoding="utf-8")
    return path


FORMATS: dict[str, Callable[[Path, Sequence[Op]], Path]] = {
    "csv-cp1252": credit_agricole,
    "ofx-1.02-sgml": ofx_sgml,
    "ofx-2-xml": ofx_xml,
    "camt.053": camt053,
}
SUFFIX = {"ofx-1.02-sgml": ".ofx", "ofx-2-xml": ".ofx", "camt.053": ".xml"}

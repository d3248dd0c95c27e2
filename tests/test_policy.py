"""The policy: one rule per case, penalties computed by hand, and properties over random ledgers."""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from conftest import settings_near
from hypothesis import given, settings
from hypothesis import strategies as st

from relance_xlsx import ConfigError, Policy
from relance_xlsx.ledger import COLUMNS, before_due_now
from relance_xlsx.policy import decide, load_rate_tables

AS_OF = dt.date(2026, 11, 22)
TABLES = load_rate_tables()


def frame(**overrides_list) -> pd.DataFrame:
    """A one-row (or n-row) canonical ledger frame: an unpaid business invoice by default."""
    rows = overrides_list.pop("rows", [overrides_list])
    base = {
        "row": 5,
        "invoice": "F1",
        "client": "A",
        "invoice_date": pd.Timestamp("2026-09-01"),
        "due_date": pd.Timestamp("2026-10-01"),
        "payment_date": pd.NaT,
        "payments": None,
        "amount": 1000.0,
        "paid": 0.0,
        "outstanding": 1000.0,
        "is_paid": False,
        "hold": False,
        "hold_reason": None,
        "hold_until": pd.NaT,
        "held_back": False,
        "held_reason": None,
        "wait_reason": None,
        "promise_date": pd.NaT,
        "promise_amount": float("nan"),
        "registered_no": None,
        "ar_date": pd.NaT,
        "is_credit": False,
        "on_account": False,
        "consumer": False,
        "public": False,
        "insolvent": False,
        "bodacc_date": pd.NaT,
        "object": None,
        "email": None,
        "address": None,
        "contact": None,
        "phone": None,
        "language": None,
        "currency": None,
        "level": 0,
        "last_date": pd.NaT,
        "level_without_date": False,
        "thanked": False,
        "claimed": False,
        "acknowledged": False,
        "siret": None,
        "pre_due_sent": False,
        "valid": True,
        "problem": None,
        "level_text": None,
        "status_text": None,
        "receipt_date": pd.NaT,
        "performance_date": pd.NaT,
        "term_note": None,
        "credit_for": None,
        "credits": None,
        "buyer": None,
        "proceedings": None,
        "judgment_date": pd.NaT,
        "mandataire": None,
        "court": None,
        "legal_form": None,
        "head_office": None,
        "representative": None,
    }
    data = [{**base, **r} for r in rows]
    out = pd.DataFrame(data, columns=list(COLUMNS))
    for col in (
        "due_date",
        "last_date",
        "invoice_date",
        "payment_date",
        "bodacc_date",
        "promise_date",
        "receipt_date",
        "performance_date",
        "judgment_date",
    ):
        out[col] = pd.to_datetime(out[col])
    return out


def one(policy: Policy | None = None, as_of: dt.date = AS_OF, **row):
    d = decide(frame(**row), as_of, policy or Policy(), TABLES)
    return d.frame.iloc[0]


T = pd.Timestamp


@pytest.mark.parametrize(
    ("row", "action", "level", "kind", "reason_start"),
    [
        pytest.param({"hold": True}, "hold", 0, None, "En litige", id="hold-first"),
        pytest.param(
            {"hold": True, "level": 2, "last_date": T("2026-10-01")},
            "hold",
            2,
            None,
            "En litige",
            id="hold-keeps-level",
        ),
        pytest.param(
            {"is_paid": True, "outstanding": 0.0},
            "none",
            0,
            None,
            "Réglée",
            id="paid-never-reminded",
        ),
        pytest.param(
            {"is_paid": True, "outstanding": 0.0, "level": 1, "last_date": T("2026-11-01")},
            "thanks",
            1,
            "remerciement",
            "Réglée : rem",
            id="paid-after-reminder-thanks",
        ),
        pytest.param(
            {
                "is_paid": True,
                "outstanding": 0.0,
                "level": 1,
                "thanked": True,
                "last_date": T("2026-11-01"),
            },
            "none",
            1,
            None,
            "Réglée (remerciement",
            id="never-thanked-twice",
        ),
        pytest.param(
            {"due_date": T("2026-11-22")}, "none", 0, None, "Non échue", id="due-today-not-late"
        ),
        pytest.param(
            {"due_date": T("2026-11-21")},
            "letter",
            1,
            "relance_1",
            "1re relance",
            id="one-day-late-first-reminder",
        ),
        pytest.param(
            {"level": 4, "last_date": T("2026-09-01")},
            "none",
            4,
            None,
            "Contentieux en",
            id="already-litigation",
        ),
        pytest.param(
            {"level": 1, "last_date": T("2026-11-07")},
            "letter",
            2,
            "relance_2",
            "2e relance : 1re relance du 07/11/2026 sans règlement depuis 15 jours",
            id="15-days-after-level-1",
        ),
        pytest.param(
            {"level": 1, "last_date": T("2026-11-08")},
            "wait",
            1,
            None,
            "En attente : 1re relance envoyée il y a 14 jours (délai 15 jours)",
            id="14-days-after-level-1-waits",
        ),
        pytest.param(
            {"level": 2, "last_date": T("2026-11-12")},
            "letter",
            3,
            "mise_en_demeure",
            "Mise en demeure",
            id="10-days-after-level-2",
        ),
        pytest.param(
            {"level": 2, "last_date": T("2026-11-18")},
            "wait",
            2,
            None,
            "En attente : 2e relance envoyée il y a 4 jours (délai 10 jours)",
            id="4-days-after-level-2-waits",
        ),
        pytest.param(
            {"level": 3, "last_date": T("2026-11-07")},
            "litigation",
            4,
            None,
            "Contentieux",
            id="15-days-after-formal-notice",
        ),
        pytest.param(
            {"level": 2, "level_without_date": True},
            "letter",
            3,
            "mise_en_demeure",
            "Mise en demeure",
            id="level-without-date-sent-long-ago",
        ),
        pytest.param(
            {"valid": False, "problem": "client manquant"},
            "none",
            0,
            None,
            "À corriger : client manquant",
            id="problem-row",
        ),
        pytest.param(
            {"is_credit": True, "amount": -50.0, "outstanding": -50.0},
            "none",
            0,
            None,
            "Avoir",
            id="credit-note",
        ),
    ],
)
def test_rules(row, action, level, kind, reason_start):
    d = one(**row)
    assert (d["action"], d["level"], d["kind"]) == (action, level, kind)
    assert d["reason"].startswith(reason_start)


def test_first_letter_can_start_at_days_late_level():
    policy = Policy(start_at_days_late_level=True)
    assert one(policy, due_date=T("2026-10-01"))["level"] == 3  # 52 days late
    assert one(policy, due_date=T("2026-10-20"))["level"] == 2  # 33 days late
    assert one(Policy(), due_date=T("2026-10-01"))["level"] == 1


def test_courtesy_reminder_before_due_date():
    policy = Policy(pre_due_reminder=True, pre_due_days=5)
    assert one(policy, due_date=T("2026-11-26"))["kind"] == "pre_echeance"
    assert one(policy, due_date=T("2026-11-26"), pre_due_sent=True)["kind"] is None
    assert one(policy, due_date=T("2026-12-10"))["kind"] is None
    assert one(Policy(), due_date=T("2026-11-26"))["kind"] is None


# Penalties computed by hand: outstanding × rate × days / 365, rate = ECB on 1 Jan/1 Jul + 10.
@pytest.mark.parametrize(
    ("row", "as_of", "interest", "indemnity"),
    [
        pytest.param(
            {"due_date": T("2022-07-20")},
            dt.date(2022, 8, 19),
            8.22,
            40.0,
            id="due-2022-07-20-rate-of-1-july",
        ),  # 1000 × 10 % × 30/365
        pytest.param(
            {"due_date": T("2022-07-28")},
            dt.date(2022, 8, 27),
            8.22,
            40.0,
            id="due-2022-07-28-not-the-27-july-rate",
        ),
        # 2023-06-21 → 2023-07-10: 9 days of H1 2023 at 12.5 % and 10 days of H2 2023 at 14 %.
        pytest.param(
            {"due_date": T("2023-06-21")},
            dt.date(2023, 7, 10),
            round(1000 * (9 * 12.5 + 10 * 14.0) / 100 / 365, 2),
            40.0,
            id="delay-crossing-1-july",
        ),
        pytest.param(
            {"due_date": T("2026-10-01"), "amount": 1000.0, "paid": 400.0, "outstanding": 600.0},
            AS_OF,
            round(600 * 12.15 * 52 / 100 / 365, 2),
            40.0,
            id="partial-payment-full-indemnity",
        ),
        pytest.param(
            {"due_date": T("2026-10-01"), "consumer": True}, AS_OF, 0.0, 0.0, id="consumer-nothing"
        ),
    ],
)
def test_penalties(row, as_of, interest, indemnity):
    d = one(as_of=as_of, **row)
    assert (d["interest"], d["indemnity"]) == (interest, indemnity)


def test_contractual_rate_replaces_ecb_rate():
    d = one(Policy(interest_rate=15.0), due_date=T("2026-10-01"))
    assert d["interest"] == round(1000 * 15 * 52 / 100 / 365, 2)


def test_contractual_rate_below_floor_gives_way_to_the_floor():
    # 3 × 2,62 % = 7,86 % for the 1st half of 2026: 1 000 × 7,86 % × 28 days / 365 = 6,03
    d = decide(
        frame(due_date=T("2026-02-01")), dt.date(2026, 3, 1), Policy(interest_rate=7.0), TABLES
    )
    assert d.frame.iloc[0]["interest"] == 6.03
    assert any("3 fois le taux" in w for w in d.warnings)


def test_unconfirmed_ecb_rate_warns():
    d = decide(frame(due_date=T("2026-10-01")), AS_OF, Policy(), TABLES)
    assert any("2e semestre 2026" in w for w in d.warnings)


# Properties over random ledgers.
row_strategy = st.fixed_dictionaries(
    {
        "due_date": st.dates(dt.date(2025, 1, 1), dt.date(2027, 1, 1)).map(pd.Timestamp),
        "level": st.integers(0, 4),
        "last_date": st.one_of(st.none(), st.dates(dt.date(2025, 6, 1), AS_OF)).map(
            lambda d: pd.Timestamp(d) if d else pd.NaT
        ),
        "hold": st.booleans(),
        "is_paid": st.booleans(),
        "thanked": st.booleans(),
        "valid": st.booleans(),
    }
)


def _after(rows, as_of):
    return decide(frame(rows=rows), as_of, Policy(), TABLES).frame


def _apply(rows, dec, as_of):
    """What the workbook holds after the run."""
    out = []
    for r, (_, d) in zip(rows, dec.iterrows(), strict=True):
        acted = d["action"] in ("letter", "thanks", "litigation")
        out.append(
            {
                **r,
                "level": int(d["level"]),
                "last_date": pd.Timestamp(as_of) if acted else r["last_date"],
                "thanked": r["thanked"] or d["action"] == "thanks",
                # The reader recomputes this from the cells: a written date clears it.
                "level_without_date": r["level_without_date"] and not acted,
            }
        )
    return out


@settings(max_examples=60, deadline=None)
@given(st.lists(row_strategy, min_size=1, max_size=12))
def test_properties(rows):
    for r in rows:
        r["level_without_date"] = r["level"] > 0 and pd.isna(r["last_date"])
    first = _after(rows, AS_OF)
    pd.testing.assert_frame_equal(first, _after(rows, AS_OF))  # deterministic
    levels = first["level"].to_numpy()
    before = np.array([r["level"] for r in rows])
    # A level never goes down, but for a reminder recorded before the due date, now past: no
    # stage, the invoice starts over at its first reminder (the lawyer's finding 1).
    early = before_due_now(frame(rows=rows), pd.Timestamp(AS_OF))
    assert ((levels >= before) | (early & (levels == 1))).all()
    assert (levels - before <= 1).all()  # by default no level is skipped
    held = np.array([r["hold"] for r in rows])
    assert first["kind"][held].isna().all()  # a held invoice never gets a letter
    second = _after(_apply(rows, first, AS_OF), AS_OF)
    assert (second["level"].to_numpy() == levels).all()  # never escalates twice a day
    assert not second["action"].isin(["letter", "thanks", "litigation"]).any()


def test_a_rates_file_in_config_replaces_the_bundled_tables(sample):
    """A user adds the ECB rate of the 2nd half of 2026 in a copy: no warning, and it is used."""
    from importlib import resources

    import relance_xlsx

    before = relance_xlsx.run(sample, settings_near(sample), as_of=AS_OF, dry_run=True)
    bundled = resources.files("relance_xlsx").joinpath("data/rates.toml").read_text("utf-8")
    copy = bundled.replace("confirmed_until = 2026-02-05", "confirmed_until = 2026-07-01")
    copy = copy.replace("changes = [", "changes = [\n  { from = 2026-06-10, rate = 3.00 },", 1)
    (sample.parent / "taux.toml").write_text(copy, encoding="utf-8")
    (sample.parent / "relance.toml").write_text('[policy]\nrates_file = "taux.toml"\n', "utf-8")
    result = relance_xlsx.run(sample, settings_near(sample), as_of=AS_OF, dry_run=True)
    assert any("non confirmé" in w for w in before.warnings)
    assert not any("non confirmé" in w for w in result.warnings)
    interest = [
        (a.interest, b.interest) for a, b in zip(before.invoices, result.invoices, strict=True)
    ]
    # 2,15 % + 10 points before, 3,00 % + 10 points after, for the days of the 2nd half of 2026.
    assert all(b >= a for a, b in interest) and any(b > a for a, b in interest)


def test_an_unreadable_rates_file_is_a_config_error(sample):
    import relance_xlsx

    (sample.parent / "relance.toml").write_text('[policy]\nrates_file = "absent.toml"\n', "utf-8")
    with pytest.raises(ConfigError, match=r"absent\.toml"):
        relance_xlsx.run(sample, settings_near(sample), as_of=AS_OF, dry_run=True)


# -- prescription (legal-fr.md 7.5, 8.3): counted from the invoice date, to the day ---------
# The day of the invoice is not counted and the claim is barred once the last day is over
# (Code civil 2228-2229): 5 years from 22/11/2021 can still be used on 22/11/2026.


@pytest.mark.parametrize(
    ("row", "prescribed"),
    [
        pytest.param({"invoice_date": T("2021-11-21"), "due_date": T("2021-12-21")}, True, id="b2b-barred-the-day-after-the-last"),
        pytest.param({"invoice_date": T("2021-11-22"), "due_date": T("2021-12-22")}, False, id="b2b-last-day-still-actionable"),
        pytest.param({"invoice_date": T("2019-03-12"), "due_date": T("2019-04-12")}, True, id="b2b-2019"),
        pytest.param({"invoice_date": T("2024-11-21"), "due_date": T("2024-12-21"), "consumer": True}, True, id="consumer-barred-the-day-after-the-last"),
        pytest.param({"invoice_date": T("2024-11-22"), "due_date": T("2024-12-22"), "consumer": True}, False, id="consumer-last-day-still-actionable"),
        pytest.param({"invoice_date": T("2022-10-01"), "due_date": T("2022-11-01"), "consumer": True}, True, id="consumer-four-years-old"),
        pytest.param({"invoice_date": T("2024-11-22"), "due_date": T("2024-12-22")}, False, id="b2b-two-years-is-fine"),
        pytest.param({"invoice_date": pd.NaT, "due_date": T("2020-01-15")}, True, id="no-invoice-date-uses-due-date"),
        pytest.param({"invoice_date": T("2019-03-12"), "paid": 1000.0, "outstanding": 0.0, "is_paid": True}, False, id="paid-is-paid"),
    ],
)  # fmt: skip
def test_prescription(row, prescribed):
    decision = one(**row)
    assert (decision["action"] == "prescribed") is prescribed
    if prescribed:
        assert decision["kind"] is None and decision["interest"] == 0 and decision["indemnity"] == 0
        assert decision["reason"].startswith("Prescrite depuis le ")
        article = "L218-2" if row.get("consumer") else "L110-4"
        assert article in decision["reason"]


def test_a_prescribed_invoice_never_goes_to_litigation():
    decision = one(invoice_date=T("2019-03-12"), due_date=T("2019-04-12"), level=3,
                   last_date=T("2026-10-01"))  # fmt: skip
    assert decision["action"] == "prescribed" and decision["level"] == 3


# -- consumers (legal-fr.md 7.3): no indemnity, legal rate « autres cas » from the notice ----


@pytest.mark.parametrize(
    ("row", "interest"),
    [
        # 1 000 € × 2,62 % (legal rate « autres cas », 1st half 2026, the latest known)
        # × 50 days (4 Oct, after the notice of 1 Oct presumed received on 3 Oct (no AR),
        # to 22 Nov 2026) / 365 = 3,5890 → 3,59 €
        pytest.param({"level": 3, "last_date": T("2026-10-01")}, 3.59, id="from-the-notice"),
        pytest.param({"level": 2, "last_date": T("2026-10-01")}, 0.0, id="no-notice-no-interest"),
        pytest.param({"level": 3, "last_date": T("2026-11-22")}, 0.0, id="notice-sent-today"),
    ],
)
def test_a_consumer_owes_legal_interest_from_the_notice_and_no_indemnity(row, interest):
    policy = Policy(interest_for_consumers=True)
    decision = one(policy, consumer=True, due_date=T("2026-08-01"), **row)
    assert decision["interest"] == interest
    assert decision["indemnity"] == 0


# -- rate tables from 2012 (legal-fr.md 7.1, 7.2), computed by hand -------------------------


@pytest.mark.parametrize(
    ("due", "as_of", "interest"),
    [
        # Dec 2015 (31 days, 2015 H2: ECB 0,05 + 10) and 1–15 Jan 2016 (15 days, 2016 H1:
        # 0,05 + 10): 1 000 × 10,05 % × 46 / 365 = 12,6658 → 12,67
        pytest.param("2015-11-30", dt.date(2016, 1, 15), 12.67, id="2015-2016"),
        # 16–30 Jun 2012 (15 days) and 2012 H2 (184 days) at 11,00 %, then Jan 2013 (31 days)
        # at 10,75 %: 1 000 × (199 × 11 + 31 × 10,75) / 100 / 365 = 69,1027 → 69,10
        pytest.param("2012-06-15", dt.date(2013, 1, 31), 69.10, id="2012-2013"),
        # 2014 H2 at 10,15 %: 1–31 Jul 2014 = 31 days, 1 000 × 10,15 % × 31 / 365 = 8,6205
        pytest.param("2014-06-30", dt.date(2014, 7, 31), 8.62, id="2014-H2"),
        # 2016 H2 at 10,00 % (ECB 0 % from 16 March 2016): 92 days from 1 Jul to 30 Sep
        pytest.param("2016-06-30", dt.date(2016, 9, 30), 25.21, id="2016-H2"),
    ],
)
def test_interest_over_old_half_years(due, as_of, interest):
    decision = one(as_of=as_of, invoice_date=T(due) - pd.Timedelta(days=30), due_date=T(due))
    assert decision["interest"] == interest
    assert decision["indemnity"] == 40.0


def test_a_contract_rate_is_held_to_each_half_years_floor():
    """12 % is above today's floor (3 × 2,62 % = 7,86 %) but below 2024 H1's (3 × 5,07 %)."""
    policy = Policy(interest_rate=12.0)
    d = decide(frame(due_date=T("2024-05-31")), dt.date(2024, 7, 31), policy, TABLES)
    # 1–30 Jun 2024 (30 days) at 15,21 %, then 1–31 Jul 2024 (31 days) at
    # max(12 %, 3 × 4,92 % = 14,76 %) = 14,76 %: 1 000 × (30 × 15,21 + 31 × 14,76) / 100 / 365
    # = (456,3 + 457,56) / 365 × 10 = 25,0373 → 25,04
    assert d.frame.iloc[0]["interest"] == 25.04
    assert any("minimum légal" in w and "1er semestre 2024" in w for w in d.warnings)


# -- public buyers (legal-fr.md 7.4): ECB + 8 points, fixed at the half-year the delay starts -


@pytest.mark.parametrize(
    ("due", "as_of", "interest"),
    [
        # Delay from 16 Jun 2023 (1st half 2023: ECB 2,50 % on 1 January + 8 = 10,50 %), fixed
        # to 31 Dec 2023: 199 days, 1 000 × 10,50 % × 199 / 365 = 57,2466 → 57,25 (a business
        # would pay 14 % from July, the 2nd half's rate).
        pytest.param("2023-06-15", dt.date(2023, 12, 31), 57.25, id="fixed-at-the-start"),
        # 1 Apr to 22 Nov 2026: 236 days at 2,15 + 8 = 10,15 %: 65,6274 → 65,63
        pytest.param("2026-03-31", dt.date(2026, 11, 22), 65.63, id="2026"),
    ],
)
def test_a_public_buyer_owes_ecb_plus_8_fixed_and_the_40_euros(due, as_of, interest):
    decision = one(
        as_of=as_of, public=True, invoice_date=T(due) - pd.Timedelta(days=30), due_date=T(due)
    )
    assert decision["interest"] == interest
    assert decision["indemnity"] == 40.0


# -- paid late (L441-10): interest up to the payment and the 40 €, never waived silently -----


@pytest.mark.parametrize(
    ("row", "interest", "indemnity"),
    [
        # Paid 31 Oct for 1 Oct: 30 days × 12,15 % (2,15 + 10) on 1 000 €: 9,9863 → 9,99
        pytest.param({"payment_date": T("2026-10-31")}, 9.99, 40.0, id="paid-30-days-late"),
        pytest.param({"payment_date": T("2026-10-01")}, 0.0, 0.0, id="paid-on-the-due-date"),
        pytest.param({"payment_date": T("2026-10-31"), "consumer": True}, 0.0, 0.0, id="consumer"),
        pytest.param({"payment_date": pd.NaT}, 0.0, 0.0, id="payment-date-unknown"),
    ],
)
def test_an_invoice_paid_late_still_owes_its_penalties(row, interest, indemnity):
    paid = {"paid": 1000.0, "outstanding": 0.0, "is_paid": True}
    decision = one(**paid, **row)
    assert (decision["interest"], decision["indemnity"]) == (interest, indemnity)
    assert ("réglée après l'échéance" in decision["reason"]) is (indemnity > 0)


# -- the breakdown (CPC 1407): one period per half-year, split at a dated payment ------------

P = dt.date


@pytest.mark.parametrize(
    ("row", "as_of", "periods"),
    [
        # 1 000 € due 15/12/2023: 16 days of H2 2023 at 14 % (ECB 4,00 on 1 July + 10):
        # 1000 × 14 × 16 / 36500 = 6,137 → 6,14; then 70 days (31 + 29 + 10, 2024 is a leap
        # year, the divisor stays 365) of H1 2024 at 14,50 %: 27,808 → 27,81.
        pytest.param(
            {"due_date": T("2023-12-15")},
            P(2024, 3, 10),
            [
                (P(2023, 12, 16), P(2023, 12, 31), 16, 14.0, 1000.0, 6.14),
                (P(2024, 1, 1), P(2024, 3, 10), 70, 14.5, 1000.0, 27.81),
            ],
            id="crossing-1-january-leap-year",
        ),
        # 3 000 € due 1/10/2026, 1 000 € paid on 21/10: 20 days on 3 000 € at 12,15 %
        # (19,973 → 19,97), then 32 days on 2 000 € (21,304 → 21,30): 41,27 in all.
        pytest.param(
            {
                "amount": 3000.0,
                "paid": 1000.0,
                "outstanding": 2000.0,
                "payment_date": T("2026-10-21"),
            },
            AS_OF,
            [
                (P(2026, 10, 2), P(2026, 10, 21), 20, 12.15, 3000.0, 19.97),
                (P(2026, 10, 22), P(2026, 11, 22), 32, 12.15, 2000.0, 21.30),
            ],
            id="partial-payment-with-its-date",
        ),
        # The same payment, date unknown: 52 days on the 2 000 € left (34,619 → 34,62).
        pytest.param(
            {"amount": 3000.0, "paid": 1000.0, "outstanding": 2000.0},
            AS_OF,
            [(P(2026, 10, 2), P(2026, 11, 22), 52, 12.15, 2000.0, 34.62)],
            id="partial-payment-date-unknown",
        ),
        # Paid before it fell due: the payment changes nothing, 52 days on the 2 000 € left.
        pytest.param(
            {
                "amount": 3000.0,
                "paid": 1000.0,
                "outstanding": 2000.0,
                "payment_date": T("2026-09-20"),
            },
            AS_OF,
            [(P(2026, 10, 2), P(2026, 11, 22), 52, 12.15, 2000.0, 34.62)],
            id="partial-payment-before-due",
        ),
        # Paid in full on 31/10 for 1/10: 30 days on 1 000 € (9,986 → 9,99), nothing after.
        pytest.param(
            {"paid": 1000.0, "outstanding": 0.0, "is_paid": True, "payment_date": T("2026-10-31")},
            AS_OF,
            [(P(2026, 10, 2), P(2026, 10, 31), 30, 12.15, 1000.0, 9.99)],
            id="paid-late-in-full",
        ),
        pytest.param({"due_date": T("2026-12-01")}, AS_OF, [], id="not-due-no-period"),
    ],
)
def test_interest_periods(row, as_of, periods):
    decisions = decide(frame(**row), as_of, Policy(), TABLES)
    got = [tuple(p) for p in decisions.interest_periods.get(0, ())]
    assert got == periods
    # The invoice's interest is the sum of its periods, to the cent.
    assert decisions.frame.iloc[0]["interest"] == round(sum(p[-1] for p in periods), 2)


@pytest.mark.parametrize(
    ("row", "policy", "action", "flagged"),
    [
        # Invoice of 1/02/2022: last day 1/02/2027, barred from 2/02/2027, 72 days after
        # 22/11/2026: flagged.
        pytest.param({"invoice_date": T("2022-02-01"), "due_date": T("2022-03-03")}, Policy(), "letter", True, id="within-90-days"),
        pytest.param({"invoice_date": T("2022-02-01"), "due_date": T("2022-03-03")}, Policy(prescription_warning_days=30), "letter", False, id="window-of-30-days"),
        # Counted from the due date (barred from 4/03/2027): 102 days away, not flagged.
        pytest.param({"invoice_date": T("2022-02-01"), "due_date": T("2022-03-03")}, Policy(prescription_from="due_date"), "letter", False, id="from-the-due-date"),
        # Due date 10/11/2021 counted: barred from 11/11/2026, while the invoice date
        # (10/12/2021, a typo-like order) would still leave 19 days.
        pytest.param({"invoice_date": T("2021-12-10"), "due_date": T("2021-11-10")}, Policy(prescription_from="due_date"), "prescribed", False, id="due-date-reading-bars-it"),
        # A partial payment on 15/03/2024 acknowledges the debt: barred on 15/03/2029 only.
        pytest.param({"invoice_date": T("2021-01-10"), "due_date": T("2021-02-10"), "paid": 100.0, "outstanding": 900.0, "payment_date": T("2024-03-15")}, Policy(), "letter", False, id="partial-payment-restarts-it"),
        pytest.param({"invoice_date": T("2021-01-10"), "due_date": T("2021-02-10"), "paid": 100.0, "outstanding": 900.0}, Policy(), "prescribed", False, id="undated-payment-restarts-nothing"),
        # A consumer's invoice of 10/01/2025: barred from 11/01/2027, 50 days away.
        pytest.param({"invoice_date": T("2025-01-10"), "due_date": T("2025-02-10"), "consumer": True}, Policy(), "letter", True, id="consumer-within-90-days"),
    ],
)  # fmt: skip
def test_prescription_watch(row, policy, action, flagged):
    decisions = decide(frame(**row), AS_OF, policy, TABLES)
    decision = decisions.frame.iloc[0]
    assert decision["action"] == action
    assert ("prescrite le" in decision["reason"]) is flagged
    assert any("prescrite(s) ou déchue(s) d'ici" in w for w in decisions.warnings) is flagged


def test_two_payments_split_the_delay_in_three():
    """3 000 € due 1/10/2026, 1 000 € paid on 11/10 and 1 000 € on 21/10, at 12,15 %:
    10 days on 3 000 € (9,986 → 9,99), 10 days on 2 000 € (6,658 → 6,66), 32 days on
    1 000 € (10,652 → 10,65): 27,30 € in all."""
    payments = ((T("2026-10-11"), 1000.0), (T("2026-10-21"), 1000.0))
    row = {
        "amount": 3000.0,
        "paid": 2000.0,
        "outstanding": 1000.0,
        "payment_date": T("2026-10-21"),
        "payments": payments,
    }
    decisions = decide(frame(**row), AS_OF, Policy(), TABLES)
    assert [tuple(p) for p in decisions.interest_periods[0]] == [
        (P(2026, 10, 2), P(2026, 10, 11), 10, 12.15, 3000.0, 9.99),
        (P(2026, 10, 12), P(2026, 10, 21), 10, 12.15, 2000.0, 6.66),
        (P(2026, 10, 22), P(2026, 11, 22), 32, 12.15, 1000.0, 10.65),
    ]
    assert decisions.frame.iloc[0]["interest"] == 27.30


def test_a_payment_before_the_due_date_lowers_the_base_from_the_start():
    payments = ((T("2026-09-15"), 500.0), (T("2026-10-21"), 500.0))
    row = {
        "amount": 3000.0,
        "paid": 1000.0,
        "outstanding": 2000.0,
        "payment_date": T("2026-10-21"),
        "payments": payments,
    }
    periods = decide(frame(**row), AS_OF, Policy(), TABLES).interest_periods[0]
    assert [(p.days, p.base) for p in periods] == [(20, 2500.0), (32, 2000.0)]


# -- claim_after_payment = "letter": the penalties of an invoice paid late, claimed once -----

CLAIM = Policy(claim_after_payment="letter")
PAID = {"paid": 1000.0, "outstanding": 0.0, "is_paid": True, "payment_date": T("2026-10-31")}


@pytest.mark.parametrize(
    ("policy", "row", "action", "interest", "indemnity"),
    [
        # 1 000 € due 1/10, paid 31/10: 30 days × 12,15 % (ECB 2,15 + 10) = 9,9863 → 9,99
        pytest.param(CLAIM, {}, "claim", 9.99, 40.0, id="business"),
        # A public buyer: ECB + 8 = 10,15 %, fixed at 2nd half 2026: 1000 × 10,15 % × 30 / 365
        # = 8,3425 → 8,34, and the 40 € (R2192-32)
        pytest.param(CLAIM, {"public": True}, "claim", 8.34, 40.0, id="public-buyer"),
        # A consumer under mise en demeure since 10/10, presumed received on 12/10 (no AR):
        # legal rate « autres cas » 2,62 % (the latest known) from 13/10 to the payment on
        # 31/10, 19 days: 1 000 × 2,62 % × 19 / 365 = 1,3638 → 1,36; no 40 €
        pytest.param(
            Policy(claim_after_payment="letter", interest_for_consumers=True),
            {"consumer": True, "level": 3, "last_date": T("2026-10-10")},
            "claim",
            1.36,
            0.0,
            id="consumer-after-notice",
        ),
        # A consumer without a notice owes nothing: nothing to claim.
        pytest.param(CLAIM, {"consumer": True}, "none", 0.0, 0.0, id="consumer-no-notice"),
        # Paid 94 days before the run (more than claim_within_days = 90): reported, not claimed.
        # Due 1/7, paid 20/8: 50 days × 12,15 % (2nd half 2026) = 16,6438 → 16,64
        pytest.param(
            CLAIM,
            {"due_date": T("2026-07-01"), "payment_date": T("2026-08-20")},
            "none",
            16.64,
            40.0,
            id="paid-too-long-ago",
        ),
        pytest.param(
            CLAIM, {"claimed": True, "thanked": True}, "none", 9.99, 40.0, id="claimed-before"
        ),
        pytest.param(Policy(), {}, "none", 9.99, 40.0, id="never-by-default"),
    ],
)
def test_the_penalties_of_an_invoice_paid_late_are_claimed_once_within_the_window(
    policy, row, action, interest, indemnity
):
    from relance_xlsx.ledger import CLAIMED_LABEL

    decision = one(policy, **{**PAID, **row})
    assert (decision["action"], decision["interest"], decision["indemnity"]) == (
        action,
        interest,
        indemnity,
    )
    assert (decision["kind"] == "penalites") is (action == "claim")
    claimed = action == "claim" or row.get("claimed", False)
    assert (decision["label"] == CLAIMED_LABEL) is claimed
    if claimed:
        assert "réclamé" in decision["reason"] and "restent dues" not in decision["reason"]

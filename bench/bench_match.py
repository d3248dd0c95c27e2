"""The matcher on a big ledger: N open invoices, M credits (numbers, names, amounts, noise),
against a pairwise loop on a sample, measured in the same run.

    python bench/bench_match.py 100000 2000
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time

import numpy as np
import pandas as pd

from relance_xlsx.bank import BankEntry, Book, match_entries


def ledger(n: int, rng: random.Random) -> pd.DataFrame:
    syllables = ["ba", "le", "mor", "ti", "van", "du", "ri", "gal", "che", "pon", "ver", "lu"]

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()

    kinds = ["Boulangerie", "Garage", "Cafe", "Pharmacie", "SARL", "Cabinet"]
    clients = [f"{rng.choice(kinds)} {word()} {word()}" for _ in range(n // 10)]
    amounts = np.round(np.array([rng.uniform(20, 5000) for _ in range(n)]), 2)
    return pd.DataFrame(
        {
            "row": np.arange(2, n + 2),
            "invoice": [f"F2026-{i:06d}" for i in range(n)],
            "client": [clients[i % len(clients)] for i in range(n)],
            "outstanding": amounts,
            "due_date": pd.Timestamp("2026-10-01"),
            "valid": True,
            "is_credit": False,
        }
    )


def credits(frame: pd.DataFrame, m: int, rng: random.Random) -> list[BankEntry]:
    out = []
    for k in range(m):
        i = rng.randrange(len(frame))
        row = frame.iloc[i]
        inv, client, owed = row["invoice"], row["client"], row["outstanding"]
        kind = k % 3
        label = (
            f"VIR SEPA {client.upper()} FACT {inv}" if kind == 0
            else f"VIREMENT {client.upper()}" if kind == 1
            else f"VIR INCONNU {k}"
        )  # fmt: skip
        out.append(BankEntry("bench.csv", k + 1, dt.date(2026, 11, 20), float(owed), label))
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    m = int(sys.argv[2]) if len(sys.argv) > 2 else 2_000
    rng = random.Random(1)
    frame = ledger(n, rng)
    entries = credits(frame, m, rng)
    start = time.perf_counter()
    book = Book(frame)
    built = time.perf_counter() - start
    proposals = match_entries(entries, book)
    total = time.perf_counter() - start
    sure = sum(p.status == "sure" for p in proposals)
    print(f"{n} open invoices, {m} credits: index {built:.2f} s, total {total:.2f} s, {sure} sure")
    # The pairwise way: every credit's label searched for every invoice number (on 50 credits).
    numbers = frame["invoice"].tolist()
    start = time.perf_counter()
    for e in entries[:50]:
        _ = [x for x in numbers if x in e.label]
    pair = (time.perf_counter() - start) / 50 * m
    print(f"pairwise substring search, extrapolated to {m} credits: {pair:.1f} s")


if __name__ == "__main__":
    main()

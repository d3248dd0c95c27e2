"""Sending a run's drafts: the plan, then the messages, through the mail package."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from ..config import Settings
from ..mail import (
    Delivery,
    SendPlan,
    prepare_send_plan,
)
from ..mail import send_messages as _send_messages
from ..progress import Progress, Quiet
from ..results import (
    SendResult,
)


def prepare_send(out_dir: Path, settings: Settings | None = None) -> SendPlan:
    """What `relance send` would send from a run's output folder (nothing is sent yet).

    Without settings, those of the relance.toml the run recorded in its drafts are used.
    """
    return prepare_send_plan(out_dir, settings)


def send(
    plan: SendPlan,
    *,
    progress: Progress | None = None,
    now: Callable[[], dt.datetime] = dt.datetime.now,
    sleep: Callable[[float], None] = time.sleep,
) -> SendResult:
    """Send the drafts of a run through SMTP, then note each accepted one in the journal."""
    progress = progress or Quiet()
    progress.start("E-mails", len(plan.pending))
    try:
        deliveries, lines, backup = _send_messages(
            plan, now=now, sleep=sleep, advance=progress.advance
        )
    finally:
        progress.stop()
    already = [Delivery(d.file, d.client, d.to, "already_sent") for d in plan.already_sent]
    return SendResult(
        str(plan.folder),
        plan.server,
        already + deliveries,
        lines,
        str(backup) if backup else None,
    )


__all__ = ["prepare_send", "send"]

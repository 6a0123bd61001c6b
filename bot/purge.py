"""``toekomstplan purge``: everyone inactive for a long time is removed, as by /verwijder.

The people linked to them get the same neutral notice as after /verwijder; then the user
goes, and everything stored about them with it (ON DELETE CASCADE), also from the
database's files (:mod:`bot.storage.forgetting`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.i18n import Translator
from bot.plan.model import Plan
from bot.sharing.service import Sharing
from bot.storage.forgetting import forget_deleted
from bot.storage.unit_of_work import Store, UnitOfWork


def purge_inactive(store: Store, idle_for: timedelta, now: datetime) -> int:
    """Remove everyone with no activity for ``idle_for``; returns how many."""
    with UnitOfWork(store) as uow:
        idle = uow.users.inactive(now - idle_for)
        for user_id in idle:
            Sharing(uow, user_id, Plan(), Translator(), now).erase()  # no plan needed
        uow.commit()
    if idle:
        forget_deleted(store)  # after the commit: no copy left in the files
    return len(idle)

"""Logs never hold what a youth typed, their names or plan content; users only as a keyed hash."""

from __future__ import annotations

import logging

import pytest

from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.test_interview import complete_interview
from tests.test_sealing import TYPED


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_full_interview_logs_no_text_and_no_raw_user_id(
        store: Store, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    youth = Youth(Turns(store), user="telegram-user-987654")
    complete_interview(youth)
    youth.says("/plan")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "turn user=" in logged  # there is something to look at
    for typed in [*TYPED, "987654", "Sanne en oom"]:
        assert typed not in logged
    assert store.sealer.pseudonym("test:telegram-user-987654") in logged

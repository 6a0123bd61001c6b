"""/mijngegevens gives a user everything stored about them; /verwijder and ``purge`` remove it
all, and the people linked to them lose access with a neutral notice."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.messages import PLAN_PDF, UserInput
from bot.purge import purge_inactive
from bot.storage.tables import conversations, metadata, outbox, undo_steps, users
from bot.storage.unit_of_work import Store, UnitOfWork
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.test_interview import answer_start, complete_interview
from tests.test_sealing import PRO_ID, YOUTH_ID, fill_every_table

ERASED_NOTICE = "Een plan dat met je gedeeld was, is gewist. Je ziet het niet meer."
OF_NOOR = ["Noor", YOUTH_ID, "Sanne", "Een eigen kamer", "Hulp met mijn post", "huur",
           "Tante Fatima"]


def rows(store: Store, table) -> int:  # type: ignore[no-untyped-def]
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar_one()


def export_of(turns: Turns, user: str, channel: str = "test") -> dict:
    reply = turns.handle(channel, user, UserInput.typed("/mijngegevens"))
    return json.loads(reply.messages[0].attachments[0].data)


def test_export_holds_everything_stored_and_is_readable(store: Store) -> None:
    youth = Youth(Turns(store), user="u-42")
    complete_interview(youth)
    asked = youth.asked
    reply = youth.turns.handle("test", "u-42", UserInput.typed("/mijngegevens"))
    export, pdf = reply.messages[0].attachments
    assert re.fullmatch(r"toekomstplan-noor-\d{4}-\d\d-\d\d\.pdf", pdf.filename)
    assert pdf.data.startswith(b"%PDF")  # named like every other copy of the plan
    assert export.filename == "mijn-gegevens.json"
    document = json.loads(export.data)
    assert document["explanation"]["about"] == (
        "Dit is alles wat ik over je heb bewaard. Het is van jou.")
    assert document["user"]["id"] == "u-42"
    plan = document["now"]["plan"]
    assert plan["name"] == "Noor" and plan["people"][0]["name"] == "Sanne"
    assert [a["what"] for a in plan["actions"]][1:] == ["Een eigen kamer", "Mijn post"]
    assert len(document["earlier_versions_for_undo"]) > 10
    planned = document["planned_messages"]  # the check-ins on her three agreements, a look
    assert sorted(p["kind"] for p in planned) == ["checkin", "checkin", "checkin", "look"]
    assert "Een eigen kamer" in [p["about"] for p in planned]
    assert "Sanne" in export.data.decode()  # readable text, not escaped
    assert reply.messages[-1].text == asked


def test_the_plan_pdf_of_the_export_is_made_after_the_turn(store: Store) -> None:
    """The PDF takes ~0.1 s to make: not inside the turn's transaction (on SQLite the bot's
    other chats wait on that), but after it, like the network picture."""
    youth = Youth(Turns(store), user="u-42")
    complete_interview(youth)
    taken = youth.turns.take("test", "u-42", UserInput.typed("/mijngegevens"))
    stored = taken.reply.messages[0]
    assert [a.filename for a in stored.attachments] == ["mijn-gegevens.json"]
    assert stored.documents == (PLAN_PDF,)
    made = taken.with_documents().messages[0]
    assert [a.mime_type for a in made.attachments] == ["application/json", "application/pdf"]


def test_an_empty_plan_is_exported_without_a_pdf(store: Store) -> None:
    Youth(Turns(store), user="u-7").says("/start")
    reply = Turns(store).handle("test", "u-7", UserInput.typed("/mijngegevens"))
    assert [a.filename for a in reply.messages[0].attachments] == ["mijn-gegevens.json"]


def test_export_includes_links_invitations_asks_waiting_messages_and_profile(
        store: Store) -> None:
    turns = Turns(store)
    token = fill_every_table(turns)  # Noor linked to her begeleider Marieke; Ahmed invited
    youth = export_of(turns, YOUTH_ID, "terminal")
    assert youth["user"]["id"] == YOUTH_ID
    [linked] = youth["shared_with"]
    assert (linked["name"], linked["role"]) == ("Marieke", "begeleider")
    assert linked["asks"] == [
        {"about": "Ik moet morgen mijn huur betalen en heb geen geld", "status": "open"},
        {"about": "Mijn post", "status": "open"}]
    kinds = {(i["kind"], i["made_by_you"], i["for"]) for i in youth["invitations"]}
    assert kinds == {("jim", True, "Ahmed"), ("jongere", False, None)}
    assert youth["now"]["plan"]["domains"]["welzijn"]["safety_plan"]["who_to_call"] == (
        "Tante Fatima bellen")
    assert token not in json.dumps(youth)
    professional = export_of(turns, PRO_ID, "terminal")
    assert professional["professional_profile"] == {
        "name": "Marieke", "organisation": "Stichting Horizon", "role": "woonbegeleider",
        "weekly": False,
        "account": {"first_name": "Marieke", "last_name": "", "username": "",
                    "channel": "terminal"}}  # what the chat says about their account
    [helps] = professional["plans_shared_with_you"]
    assert (helps["youth"], helps["role"]) == ("Noor", "begeleider")
    assert any("Toekomstplan van Noor" in text
               for text in professional["messages_waiting_for_you"])
    assert professional["shared_with"] == []


def test_erase_needs_a_yes_and_then_removes_everything(store: Store) -> None:
    youth = Youth(Turns(store))
    other = Youth(Turns(store), user="other")
    other.says("/start")
    answer_start(youth)
    youth.says("/verwijder")
    assert "Weet je het zeker?" in youth.asked
    youth.clicks("Nee, toch niet")
    assert "niets gewist" in youth.text and youth.state == "people"
    youth.says("/verwijder")
    youth.clicks("Ja, wis alles")
    assert "Alles is gewist" in youth.text
    assert rows(store, users) == rows(store, conversations) == 1  # only the other youth
    assert rows(store, undo_steps) == 0
    youth.says("/start")
    assert "Zullen we beginnen?" in youth.asked  # a fresh start
    assert youth.plan.name is None


# --- after /verwijder or purge: nothing of the youth, anywhere ---------------------------------

class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def erased(store: Store, how: str) -> tuple[int, Youth]:
    """Noor (linked to Marieke) erased by /verwijder or by purge; her id and Marieke."""
    clock = Clock(datetime.now(UTC) - timedelta(days=400))
    turns = Turns(store, clock=clock)
    fill_every_table(turns)
    with UnitOfWork(store) as uow:
        noor_id = uow.users.find("terminal", YOUTH_ID)
    assert noor_id is not None
    clock.now = datetime.now(UTC)
    marieke = Youth(turns, PRO_ID, channel="terminal")
    marieke.says("/help")  # active today: she stays
    if how == "verwijder":
        noor = Youth(turns, YOUTH_ID, channel="terminal")
        noor.says("/verwijder")
        noor.clicks("Ja, wis alles")
    else:
        assert purge_inactive(store, timedelta(days=365), clock.now) == 1
    return noor_id, marieke


def referring_rows(store: Store, user_id: int) -> dict[str, int]:
    """Rows of any table that point at ``user_id`` (every foreign key to users)."""
    found: dict[str, int] = {}
    with store.engine.connect() as connection:
        found["users"] = connection.execute(
            select(func.count()).select_from(users).where(users.c.id == user_id)).scalar_one()
        for table in metadata.sorted_tables:
            for key in table.foreign_keys:
                if key.column is users.c.id:
                    found[f"{table.name}.{key.parent.name}"] = connection.execute(
                        select(func.count()).select_from(table)
                        .where(key.parent == user_id)).scalar_one()
    return found


@pytest.mark.parametrize("how", ["verwijder", "purge"])
def test_after_erasing_no_table_holds_anything_of_the_youth(store: Store, how: str) -> None:
    noor_id, marieke = erased(store, how)
    assert set(referring_rows(store, noor_id).values()) == {0}
    assert rows(store, users) == rows(store, conversations) == 1  # Marieke
    with store.engine.connect() as connection:  # her asks went with her link
        assert connection.execute(select(func.count()).select_from(
            metadata.tables["asks"])).scalar_one() == 0
    received = [m.text for m in marieke.inbox()]
    assert ERASED_NOTICE in received  # a neutral notice that names nobody
    marieke.says("/jongeren")
    assert "nog geen jongeren" in marieke.text  # access is gone


@pytest.mark.parametrize("how", ["verwijder", "purge"])
def test_after_erasing_no_queued_message_for_others_is_about_the_youth(
        store: Store, how: str) -> None:
    erased(store, how)
    with UnitOfWork(store) as uow:
        waiting = [m.text for d in uow.outbox.pending("terminal") for m in d.messages]
    assert waiting == [ERASED_NOTICE]
    assert rows(store, outbox) == 1
    for text in OF_NOOR:
        assert not any(text in message for message in waiting)

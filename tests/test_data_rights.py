"""/mijngegevens gives the youth everything stored about them; /verwijder removes it all."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from bot.flows.messages import UserInput
from bot.storage.tables import conversations, undo_steps, users
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.test_interview import answer_start, complete_interview


def rows(store: Store, table) -> int:  # type: ignore[no-untyped-def]
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar_one()


def test_export_holds_everything_stored_and_is_readable(store: Store) -> None:
    youth = Youth(Turns(store), user="u-42")
    complete_interview(youth)
    asked = youth.asked
    reply = youth.turns.handle("test", "u-42", UserInput.typed("/mijngegevens"))
    export, pdf = reply.messages[0].attachments
    assert pdf.filename == "toekomstplan.pdf" and pdf.data.startswith(b"%PDF")
    assert export.filename == "mijn-gegevens.json"
    document = json.loads(export.data)
    assert document["user"]["id"] == "u-42"
    plan = document["now"]["plan"]
    assert plan["name"] == "Noor" and plan["people"][0]["name"] == "Sanne"
    assert plan["actions"][0]["what"] == "Een eigen kamer"
    assert len(document["earlier_versions_for_undo"]) > 10
    assert "Sanne" in export.data.decode()  # readable text, not escaped
    assert reply.messages[-1].text == asked


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

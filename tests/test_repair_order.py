"""What wins inside a turn: the repair steps (bot/flows/repair) in their one order, at the
places where two of them meet."""

from __future__ import annotations

import re
from pathlib import Path

from bot.flows.engine import REPAIR
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.test_interview import answer_start, complete_interview
from tests.test_sharing_asks import GONE, jim_with_one_of_two_actions

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_order_of_the_repair_steps_is_the_one_the_readme_gives() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### A turn, step by step"):]
    section = section[:section.index("\n#")]
    listed = re.findall(r"^\d+\. `(\w+)`", section, re.M)
    assert listed == [step.__module__.rsplit(".", 1)[-1] for step in REPAIR]  # repair.<name>


def test_crisis_inside_a_change_while_paused_gets_help_then_leads_back_to_the_change(
        store: Store) -> None:
    youth = Youth(Turns(store))
    complete_interview(youth)
    youth.says("/wijzig")
    menu = youth.asked
    youth.says("/pauze")
    assert youth.stored()[0].paused
    youth.says("eigenlijk wil ik er gewoon niet meer zijn")
    assert youth.replies[0].text.startswith("Goed dat je het zegt.")  # before the pause
    conversation = youth.stored()[0]
    assert not conversation.paused and conversation.state == "crisis_safe"
    assert [frame.state for frame in conversation.stack] == ["done", "edit_pick"]
    youth.clicks("Ja")
    youth.clicks("Nu niet")  # no veiligheidsplan now
    assert youth.state == "edit_pick" and youth.asked == menu


def test_a_stale_button_inside_a_pause_does_not_end_it(store: Store) -> None:
    youth = Youth(Turns(store))
    answer_start(youth)
    old = youth.question
    assert old is not None
    youth.says("/pauze")
    youth.clicks_raw(old.choices[0].id, old.step - 1)
    assert "We zijn even gestopt." in youth.text  # the pause answers, not the button
    assert youth.stored()[0].paused


def test_a_command_while_a_jims_ask_is_open_leaves_the_ask_answerable(store: Store) -> None:
    turns = Turns(store)
    _, ahmed = jim_with_one_of_two_actions(turns)
    ask = next(m for m in ahmed.inbox() if m.choices)
    ahmed.says("/help")
    assert "Dit kun je altijd typen:" in ahmed.text
    ahmed.says("/sos")
    assert "113" in ahmed.text
    ahmed.clicks_raw(ask.choices[0].id, None)  # "Ja" on the ask, after both commands
    assert GONE not in ahmed.text
    ahmed.clicks_raw(ask.choices[0].id, None)  # once only
    assert GONE in ahmed.text


def test_a_button_from_before_terug_does_nothing(store: Store) -> None:
    youth = Youth(Turns(store))
    youth.says("/start")
    youth.clicks("Oké, we beginnen")
    youth.says("Ik heet Noor")
    youth.says("17")
    youth.clicks("Gaat wel")
    urgent = youth.question  # "Moet er vandaag of morgen iets geregeld worden?"
    assert urgent is not None and urgent.step is not None
    youth.says("/terug")
    assert youth.state == "mood"
    plan = youth.plan
    youth.clicks_raw("yes", urgent.step)  # its "Ja", pressed after /terug
    assert "Die vraag is al beantwoord. Dit is de vraag van nu:" in youth.text
    assert (youth.state, youth.plan) == ("mood", plan)


def test_a_button_from_before_terug_stays_stale_on_another_path(store: Store) -> None:
    """"Nee" led to the people question; after /terug "Ja" leads to another one at the same
    place: the people question's "Sla over" must not skip it."""
    youth = Youth(Turns(store))
    youth.says("/start")
    youth.clicks("Oké, we beginnen")
    youth.says("Ik heet Noor")
    youth.says("17")
    youth.clicks("Gaat wel")
    youth.clicks("Nee")
    people = youth.question
    assert people is not None and youth.state == "people"
    youth.says("/terug")
    youth.clicks("Ja")
    assert youth.state == "urgent_what"
    youth.clicks_raw("skip", people.step)  # "Sla over" under the people question
    assert "Die vraag is al beantwoord. Dit is de vraag van nu:" in youth.text
    assert youth.state == "urgent_what"

"""Every kind of awkward input at every question gets a helpful reply and leaves a valid plan."""

from __future__ import annotations

from bot.flows.messages import UserInput
from bot.plan.text import ANSWER_LIMIT
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.html_subset import assert_safe_html
from tests.test_interview import complete_interview

AWKWARD_TEXTS = [
    "", "   \n\t ", "x" * 5000, "😀😀😀", "<b>", "&", "*_[]", "/onbekend", "99", "0", "-1",
    "<script>alert(1)</script> & co", "\u202eolleh\u200b", "مرحبا", "🏳️‍🌈", "\x00\x07",
]


class ProbingYouth(Youth):
    """Before each real answer, tries every awkward input at the current question."""

    probes = 0

    def _probe(self) -> None:
        state_before, plan_before = self.stored()
        question = self.question
        for text in AWKWARD_TEXTS:
            self._check(UserInput.typed(text), state_before.state)
        self._check(UserInput.media("sticker"), state_before.state)
        if question is not None and question.step is not None:
            self._check(UserInput.clicked("forged-id", question.step), state_before.state)
            self._check(UserInput.clicked(question.choices[0].id if question.choices else "x",
                                          question.step - 1), state_before.state)
        assert self.stored()[1].name == plan_before.name
        self.question = question

    def _check(self, user_input: UserInput, state: str) -> None:
        self.probes += 1
        replies = self.turns.handle(self.channel, self.user, user_input).messages
        assert replies, f"silence after {user_input!r} at {state}"
        for message in replies:
            assert message.text.strip()
            assert_safe_html(message.text)
        conversation, plan = self.stored()  # loading validates the stored plan
        for answer in plan.domains.values():
            assert all(len(v or "") <= ANSWER_LIMIT for v in (answer.hard, answer.need))
        if conversation.state != state:
            self.turns.handle(self.channel, self.user, UserInput.typed("/terug"))
            assert self.stored()[0].state == state, f"/terug did not return to {state}"
        else:
            assert any(m.step is not None for m in replies), (
                f"no question after {user_input!r} at {state}: {[m.text for m in replies]}")

    def says(self, text: str):  # type: ignore[override]
        if not text.startswith("/") and self.question is not None:
            self._probe()
        return super().says(text)

    def clicks(self, label_or_id: str):  # type: ignore[override]
        self._probe()
        return super().clicks(label_or_id)


def test_awkward_input_at_every_question(store: Store) -> None:
    youth = ProbingYouth(Turns(store))
    youth.says("/start")
    complete_interview(youth)
    assert youth.probes > 500
    assert youth.plan.confirmed


def test_long_answer_is_kept_truncated_with_a_notice(store: Store) -> None:
    youth = Youth(Turns(store))
    youth.says("/start")
    youth.clicks("Oké, we beginnen")
    youth.clicks("Sla over")
    youth.clicks("Zeg ik liever niet")
    youth.clicks("Goed")
    youth.clicks("Ja")
    youth.says("woord " * 1000)
    assert "eerste 1000 tekens" in youth.text
    assert len(youth.plan.urgent[0].text) <= ANSWER_LIMIT


def test_user_text_is_escaped_when_shown_back(store: Store) -> None:
    youth = Youth(Turns(store))
    youth.says("/start")
    youth.clicks("Oké, we beginnen")
    youth.says('<Jan & "Co">')
    assert "&lt;Jan &amp; \"Co\"&gt;" in youth.text
    for message in youth.replies:
        assert_safe_html(message.text)


def test_numbers_out_of_range_and_unknown_commands(store: Store) -> None:
    youth = Youth(Turns(store))
    youth.says("/start")
    youth.says("7")
    assert "Kies een nummer van 1 tot 3" in youth.text
    youth.says("/bestaatniet")
    assert "ken ik niet" in youth.text and youth.replies[-1].step is not None

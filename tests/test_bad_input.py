"""Every kind of awkward input at every question gets a helpful reply and leaves a valid plan."""

from __future__ import annotations

from bot.messages import UserInput
from bot.plan.text import ANSWER_LIMIT
from bot.storage.unit_of_work import Store
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.html_subset import assert_safe_html
from tests.test_interview import answer_start, complete_interview

AWKWARD_TEXTS = [
    "", "   \n\t ", "x" * 5000, "😀😀😀", "<b>", "&", "*_[]", "/onbekend", "99", "0", "-1",
    "<script>alert(1)</script> & co", "\u202eolleh\u200b", "مرحبا", "🏳️‍🌈", "\x00\x07",
]
# What the reply must say when the input stays unanswered: the re-ask that fits the input.
FITTING_NOTE = {
    "": ("geen tekst",), "   \n\t ": ("geen tekst",), "😀😀😀": ("emoji",),
    "🏳️‍🌈": ("emoji",), "&": ("kan ik niet lezen",), "*_[]": ("kan ik niet lezen",),
    "\x00\x07": ("geen tekst", "kan ik niet lezen"), "/onbekend": ("ken ik niet",),
    "sticker": ("alleen tekst",), "forged-id": ("werkt niet meer",),
    "old click": ("al beantwoord",),
}


class ProbingYouth(Youth):
    """Before each real answer, tries every awkward input at the current question."""

    probes = 0
    where = ("", 0)  # the question being probed: its state and step

    def __init__(self, turns: Turns) -> None:
        super().__init__(turns)
        self.states: set[str] = set()

    def _probe(self) -> None:
        state_before, plan_before = self.stored()
        self.where = (state_before.state, state_before.step)
        for text in AWKWARD_TEXTS:
            self._check(UserInput.typed(text), text)
        self._check(UserInput.media("sticker"), "sticker")
        question = self.question  # (asked again after a /terug, with a new step)
        if question is not None and question.step is not None:
            self._check(UserInput.clicked("forged-id", question.step), "forged-id")
            self._check(UserInput.clicked(question.choices[0].id if question.choices else "x",
                                          question.step - 1), "old click")
        assert self.stored()[1].name == plan_before.name
        self.question = question
        self.states.add(state_before.state)

    def _check(self, user_input: UserInput, label: str) -> None:
        """``user_input`` must leave the question :attr:`where` (state and step; one state may
        ask about several things, one after the other) as it was, or be undone with /terug."""
        state = self.where[0]
        self.probes += 1
        replies = self.turns.handle(self.channel, self.user, user_input).messages
        assert replies, f"silence after {user_input!r} at {state}"
        for message in replies:
            assert message.text.strip()
            assert_safe_html(message.text)
        conversation, plan = self.stored()  # loading validates the stored plan
        for answer in plan.domains.values():
            assert all(len(v or "") <= ANSWER_LIMIT for v in (answer.hard, answer.need))
        if (conversation.state, conversation.step) != self.where:  # moved on
            back = self.turns.handle(self.channel, self.user, UserInput.typed("/terug")).messages
            assert self.stored()[0].state == state, f"/terug did not return to {state}"
            self.question = next(m for m in reversed(back) if m.step is not None)
            self.where = (state, self.stored()[0].step)
            return
        assert any(m.step is not None for m in replies), (
            f"no question after {user_input!r} at {state}: {[m.text for m in replies]}")
        if label in FITTING_NOTE:  # the right re-ask, never thanks for nothing
            said = replies[0].text
            assert any(note in said for note in FITTING_NOTE[label]), (
                f"{label!r} at {state} got {said!r}")
            assert not said.startswith("Dank je"), f"thanks for {label!r} at {state}"

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


def test_awkward_input_at_jim_other_and_every_wijzig_question(store: Store) -> None:
    youth = ProbingYouth(Turns(store))
    youth.says("/start")
    answer_start(youth)
    youth.says("mijn zus Sanne")
    youth.clicks("Klaar")
    youth.clicks("Dichtbij")
    youth.clicks("Dat is iedereen")
    youth.clicks("Klaar")  # fallback
    youth.clicks("Iemand anders")
    youth.says("buurvrouw Els")  # jim_other
    youth.clicks("Later")  # the offer to invite Els now
    youth.clicks("🏠 Wonen")
    youth.clicks("Klaar")
    youth.clicks("Sla over")  # what is hard
    youth.clicks("Weet ik niet")  # what goes well
    youth.says("Een kamer")
    youth.clicks("Verander het")
    youth.clicks("Laat maar")
    youth.clicks("Ja")
    youth.clicks("Weet ik niet")  # who helps with what is urgent
    youth.clicks("Els (je JIM)")
    youth.clicks("Deze maand")
    youth.clicks("Ja, klopt")
    youth.says("/wijzig")
    youth.clicks("Over jou")
    youth.clicks("Je leeftijd")
    youth.says("18")
    youth.says("/wijzig")
    youth.clicks("Iets wat snel moet")
    youth.clicks("Iets nieuws wat snel moet")
    youth.says("Mijn telefoon is afgesloten")
    youth.says("/wijzig")
    youth.clicks("Mensen om je heen")
    youth.clicks("Sanne")
    youth.clicks("De naam")
    youth.says("Sanneke")
    youth.says("/wijzig")
    youth.clicks("Mensen om je heen")
    youth.clicks("Iemand toevoegen")
    youth.says("Kees")
    youth.says("buurman")
    youth.clicks("Klaar")
    youth.clicks("Dichtbij")
    youth.says("/wijzig")
    youth.clicks("Een onderwerp")
    youth.clicks("🏠 Wonen")
    youth.clicks("Wat je nodig hebt")
    youth.says("Een eigen kamer")
    youth.says("/wijzig")
    youth.clicks("Een afspraak")
    youth.clicks("Een afspraak weghalen")
    youth.clicks("Een eigen kamer")
    youth.says("/taal")
    youth.clicks("Nederlands")
    assert {"jim_other", "domain_pick", "domain_check", "domain_fix", "edit_pick", "edit_about",
            "edit_urgent", "urgent_what",
            "edit_people", "edit_person_part", "edit_person_name", "add_people",
            "add_relation", "add_roles", "add_closeness", "edit_domain", "edit_field",
            "domain_need", "edit_action", "remove_action", "language"} <= youth.states
    plan = youth.plan
    assert [p.name for p in plan.people] == ["Sanneke", "Els", "Kees"]
    assert [a.what for a in plan.actions] == [u.text for u in plan.urgent]  # the room is gone
    assert plan.age == 18


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

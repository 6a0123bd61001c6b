"""A youth chatting through :class:`bot.turns.Turns`, with helpers to answer like a person."""

from __future__ import annotations

from dataclasses import replace

from bot.flows.conversation import Conversation
from bot.messages import Account, Message, UserInput
from bot.plan.model import Action, Plan
from bot.storage.unit_of_work import UnitOfWork
from bot.turns import Turns


class Youth:
    """Types, clicks and reads replies; remembers the last question asked."""

    def __init__(self, turns: Turns, user: str = "youth-1", channel: str = "test",
                 language: str | None = None, account: Account | None = None) -> None:
        self.turns = turns
        self.account = account  # what the chat says about this user's account
        self.user = user
        self.channel = channel
        self.language = language
        self.replies: list[Message] = []
        self.received: list[Message] = []
        self.question: Message | None = None

    def _send(self, user_input: UserInput) -> list[Message]:
        self.replies = self.turns.handle(self.channel, self.user,
                                         replace(user_input, account=self.account),
                                         self.language).messages
        assert self.replies, f"no reply to {user_input!r}"
        asked = [m for m in self.replies if m.step is not None]
        if asked:
            self.question = asked[-1]
        return self.replies

    def says(self, text: str) -> list[Message]:
        return self._send(UserInput.typed(text))

    def sends_media(self, kind: str = "sticker", caption: str = "") -> list[Message]:
        return self._send(UserInput.media(kind, caption))

    def edits(self, text: str) -> list[Message]:
        return self._send(UserInput.edited(text))

    def clicks(self, label_or_id: str) -> list[Message]:
        """Press the button whose label (or id) is given, on the current question."""
        assert self.question is not None, "no question to answer"
        for choice in self.question.choices:
            if label_or_id in (choice.id, choice.label, choice.label.removeprefix("✅ ")):
                return self._send(UserInput.clicked(choice.id, self.question.step))
        labels = [c.label for c in self.question.choices]
        raise AssertionError(f"no button {label_or_id!r} in {labels}")

    def changes(self, *path: str) -> list[Message]:
        """/wijzig, then press the buttons of ``path`` one after the other."""
        self.says("/wijzig")
        for label in path:
            self.clicks(label)
        return self.replies

    def clicks_raw(self, choice: str, step: int | None) -> list[Message]:
        return self._send(UserInput.clicked(choice, step))

    def inbox(self) -> list[Message]:
        """Outbox messages for this user, delivered (and so removed) as an adapter would."""
        deliveries = self.turns.pending(self.channel, self.user)
        self.turns.delivered([d.id for d in deliveries])
        self.received = [m for d in deliveries for m in d.messages]
        asked = [m for m in self.received if m.step is not None]  # a check-in: own question
        if asked:
            self.question = asked[-1]
        return self.received

    def presses(self, label: str) -> list[Message]:
        """Press a self-contained button (step None) among the messages last received."""
        for message in [*self.received, *self.replies]:
            for choice in message.choices:
                if message.step is None and choice.label == label:
                    return self._send(UserInput.clicked(choice.id, None))
        raise AssertionError(f"no shared button {label!r}")

    @property
    def invite(self) -> str:
        """The invitation token in the last reply."""
        return next(m.invite for m in self.replies if m.invite)

    def stored(self) -> tuple[Conversation, Plan]:
        """The conversation and plan as the database holds them now."""
        with UnitOfWork(self.turns.store) as uow:
            user_id = uow.users.find(self.channel, self.user)
            assert user_id is not None
            stored = uow.conversations.load(user_id)
        assert stored is not None
        return stored.parse()

    @property
    def state(self) -> str:
        return self.stored()[0].state

    @property
    def plan(self) -> Plan:
        return self.stored()[1]

    @property
    def text(self) -> str:
        """Everything the last reply said, as one string."""
        return "\n".join(m.text for m in self.replies)

    @property
    def said(self) -> str:
        """What the last reply said around its questions: the messages without buttons."""
        return "\n".join(m.text for m in self.replies if not m.choices)

    @property
    def asked(self) -> str:
        assert self.question is not None
        return self.question.text


def action(plan: Plan, what: str) -> Action:
    """The action for the need ``what`` (an urgent need's action comes first in a plan)."""
    return next(a for a in plan.actions if a.what == what)

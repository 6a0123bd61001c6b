"""A flow: questions plus a `transitions` state machine that says which question comes next.

One Machine per flow definition, shared by every conversation: the machine is built without
a model and each turn passes a light :class:`Turn` object to the event, so no per-user
machine or ``add_model`` cost exists.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from transitions import EventData, Machine

from bot.flows.question import Context, Question

Condition = Callable[[Context], bool]
NEXT = "next"


@dataclass
class Turn:
    """The model a machine moves for one turn: the state name and the turn's context."""

    state: str
    ctx: Context


@dataclass(frozen=True)
class Route:
    source: str
    dest: str
    when: Sequence[Condition] = ()
    before: Callable[[Context], None] | None = None


def _on_ctx(function: Callable[[Context], object]) -> Callable[[EventData], object]:
    def call(event: EventData) -> object:
        return function(event.model.ctx)

    call.__name__ = getattr(function, "__name__", "condition")
    return call


@dataclass
class Flow:
    name: str
    questions: Sequence[Question]
    routes: Sequence[Route]
    detour: bool = False
    by_key: dict[str, Question] = field(init=False)
    machine: Machine = field(init=False)

    def __post_init__(self) -> None:
        self.by_key = {q.key: q for q in self.questions}
        unknown = {r.source for r in self.routes} | {r.dest for r in self.routes}
        unknown -= set(self.by_key)
        if unknown:
            raise ValueError(f"routes name unknown questions: {sorted(unknown)}")
        self.machine = Machine(
            model=None,
            states=list(self.by_key),
            initial=self.questions[0].key,
            transitions=[self._transition(route) for route in self.routes],
            auto_transitions=False,
            send_event=True,
            ignore_invalid_triggers=True,
            name=self.name,
        )

    @staticmethod
    def _transition(route: Route) -> dict[str, object]:
        transition: dict[str, object] = {
            "trigger": NEXT, "source": route.source, "dest": route.dest,
            "conditions": [_on_ctx(c) for c in route.when],
        }
        if route.before is not None:
            transition["before"] = [_on_ctx(route.before)]
        return transition

    def advance(self, turn: Turn) -> bool:
        """Move ``turn`` to the next question; False when this state has no way on."""
        event = self.machine.events.get(NEXT)  # a one-question flow has no routes
        # Asked first: triggering from a state without routes logs a warning each time.
        return event is not None and turn.state in event.transitions and bool(
            event.trigger(turn))

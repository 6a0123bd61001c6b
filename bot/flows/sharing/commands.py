"""The sharing commands and buttons: /delen, /begeleider, /jongeren, /stoppen, /bericht,
``/start <code>`` and self-contained buttons (``s:…``), for the turn engine.

Each command gets the engine's turn and the sharing port. It returns the turn's result when
it opened a detour, or None when it only said something: the engine then asks the current
question again, as after any command.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.flows.interview.wat import DOMAIN_LABELS
from bot.flows.sharing.model import InviteKind, ShareRole
from bot.flows.sharing.port import SharingPort
from bot.flows.sharing.questions import MEMBER_HOME
from bot.i18n import N_, Safe
from bot.plan.model import Person

if TYPE_CHECKING:
    from bot.flows.engine import TurnResult, _TurnState

Command = Callable[["_TurnState", SharingPort], "TurnResult | None"]


def open_detour(turn: _TurnState, state: str, cursor: dict) -> TurnResult:
    """Start a sharing detour; someone who never started rests at the member home after."""
    conv = turn.conv
    conv.paused = False
    if not conv.started:
        conv.started = True
        if state != "invite_answer" or cursor["invite"]["kind"] != InviteKind.YOUTH:
            conv.state = MEMBER_HOME
    turn.push_detour(state, cursor)
    turn.ask()
    return turn.result()


def open_invite(turn: _TurnState, sharing: SharingPort, code: str) -> TurnResult | None:
    """``/start <code>``: a valid invite is explained; any other code gets one plain answer
    that says nothing about whose invite it was."""
    invite = sharing.open_invite(code)
    if invite is None:
        turn.say(turn.t(N_("Deze link werkt niet. Misschien is hij al gebruikt of te oud. "
                           "Vraag om een nieuwe link.")))
        turn.conv.started = True
        return None
    data = {"id": invite.id, "kind": invite.kind.value, "youth": invite.youth_name,
            "age": invite.youth_age,
            "professional": invite.professional.model_dump() if invite.professional else None}
    return open_detour(turn, "invite_answer", {"invite": data})


def offer_invite(turn: _TurnState, jim_before: Person | None) -> None:
    """A JIM was just chosen: say how to invite them. A note, not a question, so the
    interview keeps its pace; /delen makes the link."""
    jim = turn.ctx.plan.jim_person()
    if (turn.ctx.sharing is not None and jim is not None
            and (jim_before is None or jim.id != jim_before.id)):
        turn.ctx.note(turn.t(N_("Wil je {name} vragen om echt je JIM te zijn? "
                                "Typ dan /delen. Ik maak een link die je kunt doorsturen."),
                             name=jim.name))


def share_menu(turn: _TurnState, sharing: SharingPort) -> TurnResult:
    """/delen: who sees what, then what the youth can do about it."""
    t, plan = turn.t, turn.ctx.plan
    lines = [t(N_("<b>Wie ziet je plan?</b>"))]
    options: list[tuple[str, str]] = []
    shared = sharing.shared_with()
    for link in shared:
        role = t.plain(ROLE_WORDS[link.role])
        if link.pending:
            lines.append(t(N_("• {name} ({role}): uitnodiging nog niet beantwoord"),
                           name=link.name, role=role))
            options.append((f"withdraw:{link.id}",
                            t.plain(N_("Uitnodiging {name} intrekken"), name=link.name)))
        else:
            lines.append(t(SEES[link.role], name=link.name, role=role))
            options.append((f"stop:{link.id}",
                            t.plain(N_("Stop delen met {name}"), name=link.name)))
    if not shared:
        lines.append(t(N_("Nog niemand. Alleen jij.")))
    private = [t.plain(DOMAIN_LABELS[d]) for d in plan.private_domains]
    if private:
        lines.append(t(N_("Alleen voor jou: {subjects}"), subjects=", ".join(private)))
    taken = {(link.role, link.name) for link in shared}
    jim = plan.jim_person()
    if jim is not None and (ShareRole.JIM, jim.name) not in taken:
        options.insert(0, ("jim", t.plain(N_("{name} uitnodigen als JIM"), name=jim.name)))
    options.append(("net", t.plain(N_("Iemand uitnodigen die helpt"))))
    options.append(("pro", t.plain(N_("Je begeleider uitnodigen"))))
    options.append(("private", t.plain(N_("Onderwerpen alleen voor mij"))))
    turn.say(Safe("\n".join(lines)))
    return open_detour(turn, "share_menu", {"options": options})


def member_pick(purpose: str, roles: frozenset[ShareRole]) -> Command:
    """/jongeren, /stoppen, /bericht: pick the youth (asked only when there is a choice)."""

    def command(turn: _TurnState, sharing: SharingPort) -> TurnResult | None:
        links = [link for link in sharing.memberships() if link.role in roles]
        if not links:
            turn.say(turn.t(NOBODY_LINKED[purpose]))
            return None
        cursor = {"purpose": purpose, "links": [(link.id, link.name) for link in links]}
        if len(links) == 1 and purpose != "show":
            follow = "member_stop" if purpose == "stop" else "member_note"
            return open_detour(turn, follow, {**cursor, "link": links[0].id,
                                              "name": links[0].name})
        return open_detour(turn, "member_pick", cursor)

    return command


def professional(turn: _TurnState, sharing: SharingPort) -> TurnResult | None:
    """/begeleider: register once (name, organisation, role), then a link for a youth."""
    if sharing.profile() is None:
        turn.say(turn.t(N_("Ben je begeleider? Dan maak ik een link voor een jongere. "
                           "Eerst drie korte vragen.")))
        return open_detour(turn, "pro_name", {"ask": ["pro_organisation", "pro_role"]})
    turn.messages.extend(sharing.invite(InviteKind.YOUTH, None, turn.ctx.plan))
    return None


def shared_click(turn: _TurnState, choice: str) -> TurnResult | None:
    """A self-contained button (a JIM's answer, "Ik pak dit op"): the port checks it."""
    sharing = turn.ctx.sharing
    if sharing is None:
        turn.say(turn.t(N_("Die knop werkt niet meer. Dit is de vraag van nu:")))
        return None
    click = sharing.click(choice)
    turn.messages.extend(click.messages)
    if click.detour is not None:
        return open_detour(turn, *click.detour)
    turn.messages.extend(click.then)
    return None if turn.conv.started else turn.result()


ROLE_WORDS = {ShareRole.JIM: N_("JIM"), ShareRole.NETWORK: N_("helpt mee"),
              ShareRole.PROFESSIONAL: N_("begeleider")}
SEES = {
    ShareRole.JIM: N_("• {name} ({role}): ziet je plan"),
    ShareRole.NETWORK: N_("• {name} ({role}): ziet alleen de afspraken waarmee die helpt"),
    ShareRole.PROFESSIONAL: N_("• {name} ({role}): ziet je plan en krijgt berichten"),
}
NOBODY_LINKED = {
    "show": N_("Er zijn nog geen jongeren die hun plan met je delen. "
               "Met /begeleider maak je een link."),
    "stop": N_("Je helpt nu niemand met een plan."),
    "note": N_("Je bent nog voor niemand JIM."),
}
HELPERS = frozenset({ShareRole.JIM, ShareRole.NETWORK})
SHARING_COMMANDS: dict[str, Command] = {
    "delen": share_menu,
    "jongeren": member_pick("show", frozenset({ShareRole.PROFESSIONAL})),
    "stoppen": member_pick("stop", HELPERS),
    "bericht": member_pick("note", HELPERS),
    "begeleider": professional,
}

"""The sharing commands and buttons: /delen, /begeleider, /jongeren, /stoppen, /bericht,
``/start <code>`` and self-contained buttons (``s:…``), for the turn engine.

Each command gets the engine's turn (to say things) and the sharing port. It never moves the
conversation itself: it returns what it wants — a sharing page to open (:class:`Visit`), a
detour, another command — or None when it only said something: the engine then asks the
current question again, as after any command (see :func:`bot.flows.repair.command.follow`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.flows.commands import help_text
from bot.flows.conversation import START_STATE, Conversation
from bot.flows.cursor import Cursor
from bot.flows.interview.wie import choose_jim
from bot.flows.plan_view import is_empty, render_plan
from bot.flows.question import Command, Context, Detour
from bot.flows.sharing.port import SharingPort
from bot.flows.sharing.questions import HELPING, INVITE_ANSWER, MEMBER_HOME, member_commands
from bot.flows.sharing.views import LATER, read_jim_choice
from bot.flows.turn import Begin, Quiet, TurnState, Visit
from bot.i18n import N_, Safe, names_text
from bot.messages import NETWORK_PICTURE, Message
from bot.plan.labels import DOMAIN_LABELS
from bot.plan.model import Domain, Jim, Plan
from bot.plan.relations import called, label
from bot.plan.sharing_model import InviteKind, LinkSummary, ShareRole
from bot.plan.text import capitalized

Wanted = Visit | Detour | Command | Begin | Quiet | None
"""What a sharing command or button wants the engine to do next (None: ask again)."""
SharingCommand = Callable[[TurnState, SharingPort], Wanted]


def open_invite(turn: TurnState, sharing: SharingPort, code: str) -> Wanted:
    """``/start <code>`` (a tapped link, or a typed code), or the bare code: a valid invite
    is explained; any other code gets one plain answer that says nothing about whose invite
    it was, in words that fit a link and a code alike."""
    invite = sharing.open_invite(code)
    if invite is None:
        turn.say(turn.t(N_("Deze uitnodiging werkt niet. Misschien is die al gebruikt of te "
                           "oud. Vraag om een nieuwe.")))
        return Begin()
    return Visit(INVITE_ANSWER, Cursor(invite=invite))


# What an invite code looks like (see bot/sharing/tokens.py): one word of URL-safe
# characters, not only lowercase letters, so no typed word or name is taken for one.
CODE = re.compile(r"(?=.*[A-Z0-9_-])[A-Za-z0-9_-]{20,64}")


def typed_code(turn: TurnState, text: str) -> str | None:
    """An invite code typed at the welcome, as the terminal shows it (Telegram sends a link,
    which arrives as ``/start <code>``): someone who came to accept an invite need not start
    a plan first."""
    conv, code = turn.conv, text.strip()
    at_welcome = not conv.started or (conv.state == START_STATE and not conv.in_detour
                                      and is_empty(turn.ctx.plan))
    return code if at_welcome and CODE.fullmatch(code) else None


def after_answer(ctx: Context, jim_before: Jim | None, follow_up: str | None) -> Detour | None:
    """After an accepted answer. When WIE is just done: the picture of the youth's network.
    When a JIM was just chosen: the offer to invite them now, a detour after which the
    interview moves on."""
    plan = ctx.plan
    if plan.jim == jim_before:
        return None
    if jim_before is None and plan.people:
        ctx.notes.append(Message(ctx.t(N_("Dit is jouw netwerk.")),
                                 documents=(NETWORK_PICTURE,), introduces_file=True))
    return None if follow_up else offer_invite(ctx, jim_before, resume=True)


def offer_invite(ctx: Context, jim_before: Jim | None, resume: bool) -> Detour | None:
    """A new JIM who has no link or invite yet: ask whether to invite them now (a detour;
    ``resume``: it sits between an answer and the next question)."""
    jim, sharing = ctx.plan.jim_person(), ctx.sharing
    if (sharing is None or jim is None
            or (jim_before is not None and jim_before.person_id == jim.id)
            or any(link.role is ShareRole.JIM and link.name == jim.name
                   for link in sharing.shared_with())):
        return None
    return Detour("jim_offer", Cursor(person=jim.id, name=called(jim, ctx.t)),
                  resume=resume)  # "Wil je je moeder nu vragen …?"


def show_plan(turn: TurnState) -> None:
    """/plan: your own plan with its network picture, then the plans you help with."""
    plan, t, sharing = turn.ctx.plan, turn.t, turn.ctx.sharing
    shared = sharing.shared_plans() if sharing is not None else []
    linked = sharing.memberships() if sharing is not None else []
    if not is_empty(plan):
        turn.messages.append(Message(render_plan(plan, t), documents=(
            NETWORK_PICTURE,) if plan.people else ()))
    elif not _at_home(turn.conv):
        turn.say(t(N_("Je plan is nog leeg. Dat komt vanzelf als we verder praten.")))
    elif not linked:
        turn.say(t(N_("Er is nog geen plan met je gedeeld.")))
    turn.messages.extend(shared)
    if any(link.role is ShareRole.PROFESSIONAL for link in linked):
        turn.say(t(N_("Het plan van een jongere die je begeleidt zie je met /jongeren.")))


def show_help(turn: TurnState) -> None:
    """/help: a JIM, someone who helps, a begeleider, or whoever rests at their own page
    sees their own commands first, and the youth's commands only with a plan of their own."""
    sharing, at_home = turn.ctx.sharing, _at_home(turn.conv)
    member = member_commands(sharing) if sharing is not None else []
    turn.say(help_text(turn.t, member, own_plan=not at_home) if member or at_home
             else help_text(turn.t))


def _at_home(conv: Conversation) -> bool:
    """Resting at the member home (perhaps in a detour from it): no plan of one's own."""
    return (conv.stack[0].state if conv.stack else conv.state) == MEMBER_HOME


def share_menu(turn: TurnState, sharing: SharingPort) -> Wanted:
    """/delen: who sees what, then what the youth can do about it."""
    t, plan = turn.t, turn.ctx.plan
    lines = [t(N_("<b>Wie ziet je plan?</b>"))]
    options: list[tuple[str, str]] = []
    shared = sharing.shared_with()
    for link in shared:
        if not link.pending:  # ("je oom" starts the line: "Je oom")
            lines.append(t(SEES[link.role], name=capitalized(link.name),
                           role=t.plain(ROLE_WORDS[link.role])))
            options.append((f"stop:{link.ref}",
                            t.plain(N_("Stop delen met {name}"), name=link.name)))
            continue
        lines.append(t(WAITING_FOR_YOUTH) if link.waiting
                     else t(PENDING[link.role], name=link.name))
        if not link.waiting:  # (a begeleider who said yes waits: a new link would undo it)
            options.append((f"resend:{link.ref}", t.plain(
                N_("Uitnodiging voor {name} opnieuw sturen"), name=link.name)))
        options.append((f"withdraw:{link.ref}", t.plain(
            N_("Uitnodiging voor {name} intrekken"), name=link.name)))
    if not shared:
        lines.append(t(N_("Nog niemand. Alleen jij.")))
    private = [t.plain(DOMAIN_LABELS[d]) for d in plan.private_domains]
    if private:
        lines.append(t(N_("Alleen voor jou: {subjects}"), subjects=", ".join(private)))
    safety_links = safety_plan_readers(plan, shared)
    if safety_links:
        seen_by = [link.name for link in safety_links if link.sees_safety_plan]
        lines.append(t(N_("Je veiligheidsplan ziet: {names}"), names=names_text(seen_by, t))
                     if seen_by else t(N_("Je veiligheidsplan: alleen voor jou.")))
    taken = {(link.role, link.name) for link in shared}
    jim = plan.jim_person()
    if jim is not None and (ShareRole.JIM, jim.name) not in taken:
        options.insert(0, ("jim", t.plain(N_("{name} uitnodigen als JIM"), name=label(jim, t))))
    options.append(("net", t.plain(N_("Iemand uitnodigen die helpt"))))
    linked = any(link.role is ShareRole.PROFESSIONAL and not link.pending for link in shared)
    options.append(("pro", t.plain(N_("Een nieuwe begeleider uitnodigen") if linked
                                   else N_("Je begeleider uitnodigen"))))
    options.append(("private", t.plain(N_("Onderwerpen alleen voor mij"))))
    if safety_links:
        options.append(("safety", t.plain(N_("Wie ziet je veiligheidsplan"))))
    turn.say(Safe("\n".join(lines)))
    return Visit("share_menu", Cursor(options=options, safety_links=[
        (link.ref, link.name) for link in safety_links]))


def safety_plan_readers(plan: Plan, shared: list[LinkSummary]) -> list[LinkSummary]:
    """Who could be shown the veiligheidsplan: a JIM or begeleider (a helper sees only
    their own actions), once there is a veiligheidsplan."""
    welzijn = plan.domains.get(Domain.WELZIJN)
    if welzijn is None or welzijn.safety_plan is None:
        return []
    return [link for link in shared if not link.pending
            and link.role in (ShareRole.JIM, ShareRole.PROFESSIONAL)]


def member_pick(purpose: str, roles: frozenset[ShareRole]) -> SharingCommand:
    """/jongeren, /bericht: pick the youth (asked only when there is a choice)."""

    def command(turn: TurnState, sharing: SharingPort) -> Wanted:
        links = [link for link in sharing.memberships() if link.role in roles]
        if not links:
            waiting = sharing.waiting_for() if purpose == "show" else []
            turn.say(turn.t(WAITING_FOR, youths=names_text(waiting, turn.t)) if waiting
                     else turn.t(NOBODY_LINKED[purpose]))
            return None
        if len(links) > 1:
            return Visit("member_pick", _pick(purpose, links))
        if purpose == "show":
            turn.messages.extend(sharing.youth_plan(links[0].ref))
            return None
        return Visit("member_note", _picked(purpose, links))

    return command


def _pick(purpose: str, links: list[LinkSummary]) -> Cursor:
    """The cursor of "Over wie gaat het?": the youth to pick from, and what for."""
    return Cursor(purpose=purpose, links=[(link.ref, link.name) for link in links])


def _picked(purpose: str, links: list[LinkSummary]) -> Cursor:
    """The cursor of a member's question about their only youth (no choice to make)."""
    return _pick(purpose, links).model_copy(update={"link": links[0].ref,
                                                    "name": links[0].name})


def professional(turn: TurnState, sharing: SharingPort) -> Wanted:
    """/begeleider: register once (name, organisation, role), then an invite for a youth."""
    if sharing.profile() is None:
        turn.say(turn.t(N_("Ben je begeleider? Dan maak ik een uitnodiging voor een jongere. "
                           "Eerst drie korte vragen.")))
        return Visit("pro_name", Cursor(ask=["pro_organisation", "pro_role"]))
    turn.messages.extend(sharing.invite(InviteKind.YOUTH, None, turn.ctx.plan))
    return None


def stop(turn: TurnState, sharing: SharingPort) -> Wanted:
    """/stoppen and /stop: a member stops helping someone; a youth who helps nobody pauses,
    and hears how to stop sharing or erase everything."""
    links = sharing.memberships()
    if links:
        if len(links) == 1:
            return Visit("member_stop", _picked("stop", links))
        return Visit("member_pick", _pick("stop", links))
    if _at_home(turn.conv):
        turn.say(turn.t(N_("Je helpt nu niemand met een plan.")))
        return None
    turn.ctx.note(turn.t(N_("Wil je dat niemand je plan meer ziet? Dat kan met /delen. "
                            "Alles wissen kan met /verwijder.")))
    return Command("pauze")  # (its words first, then these)


def open_asks(turn: TurnState, sharing: SharingPort) -> Wanted:
    """/vragen: what this member was asked and has not answered yet."""
    turn.messages.extend(sharing.open_asks())
    return None


def shared_click(turn: TurnState, choice: str) -> Wanted:
    """A self-contained button (a JIM's answer, "Ik pak dit op"): the port checks it;
    choosing a new JIM changes only this youth's own plan."""
    picked = read_jim_choice(choice)
    if picked is not None:
        return _new_jim(turn, picked)
    sharing = turn.ctx.sharing
    if sharing is None:
        turn.counted = False
        turn.say(turn.t(N_("Die knop werkt niet meer. Dit is de vraag van nu:")))
        return None
    click = sharing.click(choice)
    turn.counted = click.counted
    turn.messages.extend(click.messages)
    if click.detour is not None:
        return Visit(*click.detour)
    turn.messages.extend(click.then)
    return None if turn.conv.started else Quiet()


def _new_jim(turn: TurnState, person_id: str) -> Wanted:
    """The youth's JIM stopped: someone else now (and the offer to invite them), or later."""
    plan = turn.ctx.plan
    person = plan.person(person_id)
    if person_id == LATER or person is None:
        turn.counted = person_id == LATER
        turn.say(turn.t(N_("Goed. Met /wijzig kies je later een JIM.")) if person_id == LATER
                 else turn.t(N_("Die knop werkt niet meer.")))
        return None
    jim_before = plan.jim
    choose_jim(turn.ctx, person.id)
    return offer_invite(turn.ctx, jim_before, resume=False)


ROLE_WORDS = {ShareRole.JIM: N_("JIM"), ShareRole.NETWORK: N_("helpt mee"),
              ShareRole.PROFESSIONAL: N_("begeleider")}
PENDING = {  # an invite sent, not yet answered
    ShareRole.JIM: N_("• Uitnodiging voor {name} als JIM: nog niet beantwoord"),
    ShareRole.NETWORK: N_("• Uitnodiging voor {name} om mee te helpen: nog niet beantwoord"),
    ShareRole.PROFESSIONAL: N_("• Uitnodiging voor je begeleider: nog niet beantwoord"),
}
WAITING_FOR_YOUTH = N_("• Je begeleider zei ja. Nu wacht ik nog op jouw ja.")
SEES = {
    ShareRole.JIM: N_("• {name} ({role}): ziet je plan"),
    ShareRole.NETWORK: N_("• {name} ({role}): ziet alleen de afspraken waarmee die helpt"),
    # (a begeleider's name already says "woonbegeleider, RIBW")
    ShareRole.PROFESSIONAL: N_("• {name}: ziet je plan en krijgt berichten"),
}
NOBODY_LINKED = {
    "show": N_("Er zijn nog geen jongeren die hun plan met je delen. "
               "Met /begeleider maak je een uitnodiging."),
    "note": N_("Je bent nog voor niemand JIM."),
}
WAITING_FOR = N_("Ik wacht nog op de ja van {youths}. Daarna zie je het plan.")
SHARING_COMMANDS: dict[str, SharingCommand] = {
    "delen": share_menu,
    "jongeren": member_pick("show", frozenset({ShareRole.PROFESSIONAL})),
    "stoppen": stop,
    "vragen": open_asks,
    "bericht": member_pick("note", HELPING),
    "begeleider": professional,
}

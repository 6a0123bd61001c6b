"""The sharing detours: inviting, answering an invitation, /delen, a member's choices, and
registering as a professional.

Questions put the references they offer (rows with the link and people they were made for)
in their cursor when the detour opens (the engine does that) and only act through the
:class:`~bot.flows.sharing.port.SharingPort`, which checks every reference against stored
state again when it is used.
"""

from __future__ import annotations

import re

from bot.flows.conversation import START_STATE
from bot.flows.cursor import ProfileDraft
from bot.flows.flow import Flow
from bot.flows.question import (
    CommandMenu,
    Context,
    FollowUp,
    MultiChoiceQuestion,
    Next,
    Outcome,
    Question,
    TextQuestion,
)
from bot.flows.sharing.port import SharingPort
from bot.flows.sharing.views import MORE_ABOUT, describe_professional, invite_explanation
from bot.flows.typed_answers import asks_what_is_meant, normalize, yes_or_no
from bot.i18n import N_, names_text
from bot.messages import Choice
from bot.plan.labels import DOMAIN_ICONS, DOMAIN_LABELS
from bot.plan.model import Domain, HelperAnswer, HelperKind
from bot.plan.relations import named_in_words
from bot.plan.sharing_model import InviteKind, OpenedInvite, ProfessionalProfile, ShareRole
from bot.plan.text import NAME_LIMIT, capitalized

YES, NO, MORE = "yes", "no", "more"
SHORT_ANSWER = 6  # words
_LATER = re.compile(r"\b(later|straks|nog niet|niet nu|nu niet|another time)\b")
MEMBER_HOME = "member_home"
INVITE_ANSWER = "invite_answer"  # someone opened an invite (a link or a typed code)


def port(ctx: Context) -> SharingPort:
    assert ctx.sharing is not None, "sharing questions need the sharing port"
    return ctx.sharing


def opened(ctx: Context) -> OpenedInvite:
    """The invite this detour answers (put in its cursor when it opened)."""
    assert ctx.cursor.invite is not None, "an invite's questions need the invite"
    return ctx.cursor.invite


YES_LABELS = {InviteKind.JIM: N_("Ja, ik wil JIM zijn"), InviteKind.NETWORK: N_("Ja"),
              InviteKind.PROFESSIONAL: N_("Ja"), InviteKind.YOUTH: N_("Ja, dat wil ik")}


class InviteAnswer(Question):
    """Someone opened an invite: what is asked, then yes / no / more explanation."""

    skip_label = None

    def prompt(self, ctx: Context) -> str:
        return invite_explanation(opened(ctx), ctx.t)

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(YES, ctx.t(YES_LABELS[opened(ctx).kind])),
                Choice(NO, ctx.t(N_("Nee"))), Choice(MORE, ctx.t(N_("Eerst meer uitleg")))]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        invite = opened(ctx)
        if choice == MORE:
            ctx.note(ctx.t(MORE_ABOUT[invite.kind], youth=invite.youth_name))
            return Outcome.STAY
        if (choice == YES and invite.kind is InviteKind.PROFESSIONAL
                and port(ctx).profile() is None):
            ctx.cursor.ask = ["pro_name", "pro_organisation", "pro_role"]
            ctx.note(ctx.t(N_("Fijn. Eerst drie korte vragen over jou.")))
            return Outcome.ACCEPTED
        ctx.notes.extend(port(ctx).answer_invite(invite.ref, choice == YES, ctx.plan))
        return Outcome.ACCEPTED

    def not_understood(self, ctx: Context, text: str) -> Next:
        """"Wat is dit precies?": the longer explanation, as "Eerst meer uitleg"."""
        if asks_what_is_meant(text) or text.rstrip().endswith("?"):
            return self.on_choice(ctx, MORE)
        return super().not_understood(ctx, text)


class JimOffer(Question):
    """Right after the youth chose a JIM: make the invitation now, or later with /delen."""

    skip_label = None

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wil je {name} nu vragen om je JIM te zijn? "
                        "Ik maak een bericht om door te sturen."), name=ctx.cursor.name)

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(YES, ctx.t(N_("Ja, maak het bericht"))), Choice(NO, ctx.t(N_("Later")))]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        if choice == YES:
            ctx.notes.extend(port(ctx).invite(InviteKind.JIM, ctx.cursor.person,
                                              ctx.plan))
        else:
            ctx.note(ctx.t(N_("Goed. Dat kan later met /delen.")))
        return Outcome.ACCEPTED

    def on_text(self, ctx: Context, text: str) -> Outcome:
        said = yes_or_no(text)
        short = len(text.split()) <= SHORT_ANSWER  # (not "… de rest later")
        if said is None and short and _LATER.search(normalize(text)):  # "dat doe ik later"
            said = "no"
        if said is not None:
            return self.on_choice(ctx, YES if said == "yes" else NO)
        return super().on_text(ctx, text)


class ShareMenu(Question):
    """/delen: invite, send an invite again or withdraw it, stop sharing, or keep a subject
    to yourself."""

    skip_label = N_("Laat maar")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wat wil je doen?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(option_id, label) for option_id, label in ctx.cursor.options]

    def not_understood(self, ctx: Context, text: str) -> Next:
        """Who a sentence names ("oma mag het zien", "mijn begeleider"): the invite for
        them, where the menu has one."""
        words = set(normalize(text).split())
        offered = {option_id for option_id, _ in ctx.cursor.options}
        jim = ctx.plan.jim_person()
        named = {p.id for p in named_in_words(ctx.plan.people, words)}
        if "jim" in offered and jim is not None and (jim.id in named or "jim" in words):
            return self.on_choice(ctx, "jim")
        if "pro" in offered and words & {"begeleider", "hulpverlener"}:
            return self.on_choice(ctx, "pro")
        if named:  # someone else from the plan: invited to help
            return self.on_choice(ctx, "net")
        return super().not_understood(ctx, text)

    def on_choice(self, ctx: Context, choice: str) -> Next:
        action, _, ref = choice.partition(":")
        sharing = port(ctx)
        if action == "private":
            return FollowUp("share_private")
        if action == "safety":
            return FollowUp(SHARE_SAFETY)
        if action == "net":
            return FollowUp("share_network")
        if action == "jim":
            ctx.notes.extend(sharing.invite(InviteKind.JIM, ctx.plan.jim.person_id
                                            if ctx.plan.jim else None, ctx.plan))
        elif action == "pro":
            ctx.notes.extend(sharing.invite(InviteKind.PROFESSIONAL, None, ctx.plan))
        elif action == "stop":
            ctx.notes.extend(sharing.revoke(ref))
        elif action == "withdraw":
            ctx.notes.extend(sharing.withdraw(ref))
        elif action == "resend":
            ctx.notes.extend(sharing.resend(ref))
        return Outcome.ACCEPTED


SHARE_SAFETY = "share_safety"


class ShareSafetyPlan(Question):
    """"Mag Mark je veiligheidsplan zien?" for each JIM and begeleider in turn: it is private
    until the youth says yes to exactly this question."""

    skip_label = None

    def _link(self, ctx: Context) -> tuple[str, str]:
        """The link asked about now: its reference and the member's name."""
        ref, name = ctx.cursor.safety_links[ctx.cursor.safety_at]
        return ref, name

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Mag {name} je veiligheidsplan zien?"), name=self._link(ctx)[1])

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(YES, ctx.t(N_("Ja"))), Choice(NO, ctx.t(N_("Nee")))]

    def on_choice(self, ctx: Context, choice: str) -> Next:
        port(ctx).show_safety_plan(self._link(ctx)[0], choice == YES)
        ctx.cursor.safety_at += 1
        if ctx.cursor.safety_at < len(ctx.cursor.safety_links):
            return FollowUp(SHARE_SAFETY)
        ctx.note(ctx.t(N_("Bewaard. Met /delen kun je het altijd veranderen.")))
        return Outcome.ACCEPTED


class SharePrivate(MultiChoiceQuestion):
    """Subjects marked "alleen voor mij" never appear in anything shared."""

    skip_label = None

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Welke onderwerpen zijn alleen voor jou? Die ziet niemand anders. "
                        "Kies daarna Klaar."))

    def options(self, ctx: Context) -> list[Choice]:
        return [Choice(d.value, f"{DOMAIN_ICONS[d]} {ctx.t(label)}")
                for d, label in DOMAIN_LABELS.items()]

    def selected(self, ctx: Context) -> list[str]:
        return [d.value for d in ctx.plan.private_domains]

    def set_selected(self, ctx: Context, ids: list[str]) -> None:
        ctx.plan.private_domains = [Domain(i) for i in ids if i in Domain._value2member_map_]
        ctx.changed("private")

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        return self._saved(ctx, super().on_choice(ctx, choice))

    def on_text(self, ctx: Context, text: str) -> Outcome:
        return self._saved(ctx, super().on_text(ctx, text))

    @staticmethod
    def _saved(ctx: Context, outcome: Outcome) -> Outcome:
        if outcome is Outcome.ACCEPTED:
            ctx.note(ctx.t(N_("Bewaard. Wat alleen voor jou is, deel ik met niemand.")))
        return outcome


class ShareNetwork(Question):
    """Invite someone from WIE for the actions they are asked to help with."""

    skip_label = N_("Laat maar")

    def prompt(self, ctx: Context) -> str:
        if not self.choices(ctx):
            return ctx.t(N_("Nog niemand helpt je met een afspraak. Met /wijzig kies je wie "
                            "je helpt. Daarna kun je die uitnodigen."))
        return ctx.t(N_("Wie wil je uitnodigen? Die ziet alleen de afspraken waarmee die helpt."))

    def choices(self, ctx: Context) -> list[Choice]:
        helpers = {a.person_id for a in ctx.plan.actions if a.helper == HelperKind.PERSON}
        jim = ctx.plan.jim_person()
        return [Choice(p.id, p.name) for p in ctx.plan.people
                if p.id in helpers and p is not jim]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        ctx.notes.extend(port(ctx).invite(InviteKind.NETWORK, choice, ctx.plan))
        return Outcome.ACCEPTED


class AskOther(TextQuestion):
    """"Ja, maar anders": what the helper can do instead, in their own words."""

    skip_label = N_("Laat maar")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wat kun je wel doen? Typ het kort."))

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        click = port(ctx).answer_ask(ctx.cursor.for_ask, HelperAnswer.OTHERWISE, text)
        ctx.notes.extend(click.messages + click.then)
        return Outcome.ACCEPTED


class MemberPick(Question):
    """Which youth (for /jongeren, /stoppen, /bericht when there are several)."""

    skip_label = N_("Laat maar")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Over wie gaat het?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(ref, name) for ref, name in ctx.cursor.links]

    def on_choice(self, ctx: Context, choice: str) -> Next:
        names = dict(ctx.cursor.links)
        ctx.cursor.link, ctx.cursor.name = choice, names[choice]
        purpose = ctx.cursor.purpose
        if purpose == "show":
            ctx.notes.extend(port(ctx).youth_plan(choice))
            return Outcome.ACCEPTED
        return FollowUp("member_stop" if purpose == "stop" else "member_note")


class MemberStop(Question):
    skip_label = None

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wil je echt stoppen met {name}? Je ziet het plan dan niet meer."),
                     name=ctx.cursor.name)

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(YES, ctx.t(N_("Ja, stoppen"))), Choice(NO, ctx.t(N_("Nee")))]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        if choice == YES:
            ctx.notes.extend(port(ctx).leave(ctx.cursor.link))
        else:
            ctx.note(ctx.t(N_("Oké, je blijft erbij.")))
        return Outcome.ACCEPTED


class MemberNote(TextQuestion):
    """A short note of support from a JIM to the youth."""

    skip_label = N_("Laat maar")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Wat wil je tegen {name} zeggen? Typ een kort bericht."),
                     name=ctx.cursor.name)

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        ctx.notes.extend(port(ctx).send_note(ctx.cursor.link, text))
        return Outcome.ACCEPTED


class ProfileField(TextQuestion):
    """Name, organisation and role of a professional, kept in the cursor until complete."""

    limit = NAME_LIMIT
    skip_label = N_("Laat maar")

    def __init__(self, key: str, field: str, prompt: str) -> None:
        super().__init__(key)
        self.field = field
        self.text = prompt

    def prompt(self, ctx: Context) -> str:
        return ctx.t(self.text)

    def on_skip(self, ctx: Context) -> Outcome:
        ctx.cursor.ask = []
        ctx.note(ctx.t(N_("Oké. Met /begeleider kun je later verder.")))
        return Outcome.ACCEPTED

    def on_answer(self, ctx: Context, text: str) -> Outcome:
        if ctx.cursor.profile is None:
            ctx.cursor.profile = ProfileDraft()
        setattr(ctx.cursor.profile, self.field, text)
        if self.field == "role":
            finish_profile(ctx)
        return Outcome.ACCEPTED


def finish_profile(ctx: Context) -> None:
    """All three answers given: keep the profile, then accept the invite or make one."""
    assert ctx.cursor.profile is not None, "the profile's questions come first"
    profile = ProfessionalProfile(**ctx.cursor.profile.model_dump())
    sharing = port(ctx)
    sharing.register(profile)
    ctx.note(ctx.t(N_("Bewaard: {who}."), who=describe_professional(profile, ctx.t)))
    if ctx.cursor.invite is not None:
        ctx.notes.extend(sharing.answer_invite(opened(ctx).ref, True, ctx.plan))
    else:
        ctx.notes.extend(sharing.invite(InviteKind.YOUTH, None, ctx.plan))


class MemberHome(CommandMenu):
    """Where someone rests who helps others but has no plan of their own (yet): who they
    help, what they can do here, and a way to start a plan of their own."""

    resting = True

    def prompt(self, ctx: Context) -> str:
        sharing = port(ctx)
        links = sharing.memberships()
        lines = [ctx.t(template, names=names_text([link.name for link in links
                                                   if link.role is role], ctx.t))
                 for role, template in HOME_ROLES.items()
                 if any(link.role is role for link in links)]
        if not links:
            lines.append(ctx.t(N_("Je bent begeleider. Nog geen jongere deelt een plan met je."))
                         if sharing.profile() else ctx.t(N_("Je helpt nu niemand met een plan.")))
        lines.append(ctx.t(N_("Wat wil je doen?")))
        return "\n".join(lines)

    def choices(self, ctx: Context) -> list[Choice]:
        commands = [Choice(command, capitalized(ctx.t.plain(text)))
                    for command, text in member_commands(port(ctx))]
        return [*commands, Choice(OWN_PLAN, ctx.t.plain(N_("Zelf een plan maken")))]

    def on_choice(self, ctx: Context, choice: str) -> Next:
        if choice != OWN_PLAN:
            return super().on_choice(ctx, choice)
        return FollowUp(START_STATE)



def member_commands(sharing: SharingPort) -> list[tuple[str, str]]:
    """The commands for what this user is to others (JIM, someone who helps, begeleider),
    with the words that describe them: the member home's buttons, and the top of /help."""
    linked = {link.role for link in sharing.memberships()}
    registered = linked | ({ShareRole.PROFESSIONAL} if sharing.profile() else set())
    return [(command, text) for command, text, for_roles in HOME_COMMANDS
            if for_roles & (registered if command in BEFORE_ANY_LINK else linked)]


OWN_PLAN = "own"
HOME_ROLES = {
    ShareRole.JIM: N_("Je bent JIM van {names}."),
    ShareRole.NETWORK: N_("Je helpt {names} met een paar dingen."),
    ShareRole.PROFESSIONAL: N_("Je begeleidt {names}."),
}
HELPING = frozenset({ShareRole.JIM, ShareRole.NETWORK})
ANYONE = frozenset(ShareRole)
HOME_COMMANDS = (
    ("plan", N_("het plan bekijken"), HELPING),
    ("jongeren", N_("je jongeren en hun plan"), frozenset({ShareRole.PROFESSIONAL})),
    ("vragen", N_("vragen die nog open staan"), ANYONE),
    ("bericht", N_("een berichtje sturen"), HELPING),
    ("begeleider", N_("een jongere uitnodigen"), frozenset({ShareRole.PROFESSIONAL})),
    ("herinneringen", N_("een weekoverzicht van je jongeren"),
     frozenset({ShareRole.PROFESSIONAL})),
    ("stoppen", N_("stoppen met helpen"), ANYONE),
)
BEFORE_ANY_LINK = frozenset({"begeleider"})  # a registered begeleider's first step


def build() -> Flow:
    questions = [
        InviteAnswer(INVITE_ANSWER), JimOffer("jim_offer"), ShareMenu("share_menu"),
        SharePrivate("share_private"), ShareSafetyPlan(SHARE_SAFETY),
        ShareNetwork("share_network"), AskOther("ask_other"),
        MemberPick("member_pick"), MemberStop("member_stop"), MemberNote("member_note"),
        ProfileField("pro_name", "name", N_("Wat is je naam?")),
        ProfileField("pro_organisation", "organisation", N_("Bij welke organisatie werk je?")),
        ProfileField("pro_role", "role", N_("Wat is je functie? Bijvoorbeeld: woonbegeleider.")),
    ]
    return Flow("sharing", questions, routes=[], detour=True)


def build_home() -> Flow:
    return Flow("member", [MemberHome(MEMBER_HOME)], routes=[])

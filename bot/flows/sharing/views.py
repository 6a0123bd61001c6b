"""What others see of a plan, and the messages sharing sends: pure functions of plan and text.

A shared plan is a filtered *copy* of the youth's plan, so the same renderers (chat text, PDF)
can never show more than the copy holds:

- everyone: domains marked "alleen voor mij" (and their actions) are gone, and so is the
  change history (``private_domains`` stays, so a reader can be told *that* some subjects
  are private, never which);
- a network person: only their own name and the actions they are asked to help with.
"""

from __future__ import annotations

from bot.flows.interview.hoe import WHEN_LABELS
from bot.flows.interview.wat import DOMAIN_LABELS
from bot.flows.messages import SHARED_CHOICE, Attachment, Choice, Message
from bot.flows.plan_view import render_plan
from bot.flows.plan_voice import FOR_OTHERS, action_status
from bot.flows.sharing.model import InviteKind, OpenedInvite, ProfessionalProfile, ShareRole
from bot.i18n import N_, Safe, Translator, escape
from bot.plan.model import Action, HelperAnswer, HelperKind, Plan

ASK_ANSWERS = {"y": HelperAnswer.YES, "o": HelperAnswer.OTHERWISE, "n": HelperAnswer.NO}
PICK_UP = "p"
ANSWER_LABELS = {
    HelperAnswer.YES: N_("Ja"),
    HelperAnswer.OTHERWISE: N_("Ja, maar anders"),
    HelperAnswer.NO: N_("Nee"),
}
ROLE_NAMES = {
    ShareRole.JIM: N_("JIM"),
    ShareRole.NETWORK: N_("helpt mee"),
    ShareRole.PROFESSIONAL: N_("begeleider"),
}


def ask_choice(ask_id: int, code: str) -> str:
    """A self-contained choice id for an ask (well under Telegram's 64 bytes)."""
    return f"{SHARED_CHOICE}a:{ask_id}:{code}"


def read_ask_choice(choice: str) -> tuple[int, str] | None:
    parts = choice.removeprefix(SHARED_CHOICE).split(":")
    if len(parts) != 3 or parts[0] != "a" or not parts[1].isdigit():
        return None
    return int(parts[1]), parts[2]


def is_helped_by(action: Action, person_id: str | None) -> bool:
    return action.helper == HelperKind.PERSON and person_id is not None \
        and action.person_id == person_id


def shared_copy(plan: Plan, role: ShareRole, person_id: str | None) -> Plan:
    """The part of ``plan`` someone in ``role`` may see."""
    private = set(plan.private_domains)
    actions = [a for a in plan.actions if a.domain not in private]
    if role is ShareRole.NETWORK:
        person = plan.person(person_id)
        return Plan(name=plan.name, people=[person] if person else [],
                    actions=[a for a in actions if is_helped_by(a, person_id)])
    copy = plan.model_copy(deep=True)
    copy.domains = {d: answer for d, answer in copy.domains.items() if d not in private}
    copy.actions = [a.model_copy() for a in actions]
    copy.history = []
    return copy


def youth_name(plan: Plan, t: Translator) -> str:
    return plan.name or t.plain(N_("Een jongere"))


def render_shared(plan: Plan, role: ShareRole, person_id: str | None, t: Translator) -> Safe:
    """A shared plan as chat text: the whole (filtered) plan, or a helper's own actions."""
    view = shared_copy(plan, role, person_id)
    if role is not ShareRole.NETWORK:
        return render_plan(view, t, FOR_OTHERS)
    lines = [t(N_("<b>{name} vraagt je hulp bij:</b>"), name=youth_name(plan, t))]
    for action in view.actions:
        when = t(WHEN_LABELS[action.when]).lower() if action.when else "…"
        lines.append(f"• {escape(action.what)} → {when} · "
                     f"{escape(action_status(view, action, t))}")
    if not view.actions:
        lines.append(t(N_("Nog niets.")))
    return Safe("\n".join(lines))


def invite_messages(kind: InviteKind, plan: Plan, name: str | None, token: str,
                    t: Translator) -> list[Message]:
    """What the youth gets to forward: a short note for them, and the invitation itself."""
    youth = youth_name(plan, t)
    for_whom = (t(N_("Hier is een uitnodiging voor {name}."), name=name) if name
                else t(N_("Hier is een uitnodiging.")))
    note = [for_whom, t(N_("Stuur het bericht hieronder door. De link werkt één keer, "
                           "14 dagen lang."))]
    if kind is InviteKind.JIM and plan.age is not None and plan.age < 18:
        note.append(t(N_("Je bent nog geen 18. Vertel je ouders over je JIM. "
                         "Het is fijn als zij het goed vinden.")))
    invitation = {
        InviteKind.JIM: N_("Hoi! {youth} vraagt of jij JIM wilt zijn. Een JIM is een "
                           "volwassene die {youth} vertrouwt. Je denkt mee over het plan "
                           "voor later. Open de link om meer te lezen."),
        InviteKind.NETWORK: N_("Hoi! {youth} maakt een plan voor later. {youth} vraagt of "
                               "je ergens mee wilt helpen. Open de link om te kijken."),
        InviteKind.PROFESSIONAL: N_("Hoi! {youth} maakt een toekomstplan met een chatbot. "
                                    "{youth} wil het plan met jou als begeleider delen. "
                                    "Open de link om te kijken."),
    }[kind]
    return [Message(" ".join(note)),
            Message(t(invitation, youth=youth), invite=token)]


def invite_for_youth(profile: ProfessionalProfile, token: str, t: Translator) -> list[Message]:
    """A professional's invitation for a youth, to forward to them."""
    return [Message(t(N_("Stuur dit bericht door aan de jongere. De link werkt één keer, "
                         "14 dagen lang."))),
            Message(t(N_("Hoi! Ik ben {name}, {role} bij {organisation}. Wil je je "
                         "toekomstplan met mij delen? Open de link. Jij beslist."),
                      name=profile.name, role=profile.role, organisation=profile.organisation),
                    invite=token)]


def describe_professional(profile: ProfessionalProfile, t: Translator) -> Safe:
    return t(N_("{name} ({role}, {organisation})"), name=profile.name, role=profile.role,
             organisation=profile.organisation)


def invite_explanation(invite: OpenedInvite, t: Translator) -> Safe:
    """What the person who opened an invite reads before saying yes or no."""
    youth = invite.youth_name or t.plain(N_("Een jongere"))
    if invite.kind is InviteKind.YOUTH:
        assert invite.professional is not None
        return t(N_("Wil je dat {who} je plan kan zien?"),
                 who=describe_professional(invite.professional, t))
    texts = {
        InviteKind.JIM: N_("{youth} vraagt of jij JIM wilt zijn. Een JIM denkt mee over het "
                           "plan. Je ziet het plan van {youth}. Niet wat {youth} voor zichzelf "
                           "houdt. Je kunt altijd stoppen. Wil je JIM zijn?"),
        InviteKind.NETWORK: N_("{youth} vraagt of je ergens mee wilt helpen. Je ziet alleen "
                               "waar {youth} jou om vraagt. Je kunt altijd stoppen. "
                               "Wil je meedoen?"),
        InviteKind.PROFESSIONAL: N_("{youth} wil het toekomstplan met jou delen. Je krijgt "
                                    "het plan en korte berichten als er iets verandert. "
                                    "Je kunt het plan niet aanpassen. Wil je meedoen?"),
    }
    return t(texts[invite.kind], youth=youth)


MORE_ABOUT = {
    InviteKind.JIM: N_("Een JIM is een volwassene uit je eigen omgeving. Geen hulpverlener. "
                       "Je praat soms samen over het plan. Je helpt met kleine stappen. "
                       "Het plan blijft van {youth}."),
    InviteKind.NETWORK: N_("Je helpt met één of een paar dingen. Je krijgt een vraag in "
                           "deze chat. Je antwoordt met ja of nee."),
    InviteKind.PROFESSIONAL: N_("Je krijgt het plan als PDF. Bij iets dringends krijg je "
                                "meteen een bericht. Met /jongeren zie je het plan altijd."),
    InviteKind.YOUTH: N_("Je begeleider ziet dan je plan. Niet wat je alleen voor jezelf "
                         "houdt. Je kunt het delen altijd stoppen met /delen."),
}


def ask_message(plan: Plan, action: Action, ask_id: int, t: Translator) -> Message:
    """A request for help with one action, with self-contained answer buttons."""
    choices = tuple(Choice(ask_choice(ask_id, code), t.plain(ANSWER_LABELS[answer]))
                    for code, answer in ASK_ANSWERS.items())
    return Message(t(N_("{youth} vraagt of je kunt helpen met: {what}. Lukt dat?"),
                     youth=youth_name(plan, t), what=action.what), choices=choices)


def pickup_message(plan: Plan, text: str, urgent: bool, ask_id: int,
                   t: Translator) -> Message:
    """An ask for a professional: the concrete need and "Ik pak dit op"."""
    template = (N_("⚠️ Dringend van {youth}: {what}") if urgent
                else N_("{youth} vraagt je hulp bij: {what}"))
    return Message(t(template, youth=youth_name(plan, t), what=text),
                   choices=(Choice(ask_choice(ask_id, PICK_UP), t.plain(N_("Ik pak dit op"))),))


def answer_notice(helper: str, action: Action, t: Translator) -> Message:
    """What the youth hears when a helper answered."""
    response = action.response
    assert response is not None
    if response.answer is HelperAnswer.YES:
        text = t(N_("{name} helpt je met: {what}."), name=helper, what=action.what)
    elif response.answer is HelperAnswer.NO:
        text = t(N_("{name} kan niet helpen met: {what}. Wie kan het wel? Kies met /wijzig."),
                 name=helper, what=action.what)
    else:
        text = t(N_("{name} helpt met: {what}. Maar anders: {note}"), name=helper,
                 what=action.what, note=response.note or "")
    return Message(text)


def summary_message(plan: Plan, pdf: Attachment | None, t: Translator) -> Message:
    """The handoff when a plan is shared or finished: a few lines, and the plan as PDF."""
    view = shared_copy(plan, ShareRole.PROFESSIONAL, None)
    lines = [t(N_("<b>Toekomstplan van {youth}</b>"), youth=youth_name(plan, t))]
    if view.urgent:
        lines.append(t(N_("Eerst regelen: {count}"), count=len(view.urgent)))
    lines.append(t(N_("Mensen: {count}. Afspraken: {count_actions}."), count=len(view.people),
                   count_actions=len(view.actions)))
    jim = view.jim_person()
    if jim:
        lines.append(t(N_("JIM: {name}"), name=jim.name))
    lines.append(t(N_("Met /jongeren zie je het hele plan.")))
    return Message("\n".join(lines), attachments=(pdf,) if pdf else ())


CHANGE_LABELS = {
    "name": N_("naam"), "age": N_("leeftijd"), "mood": N_("hoe het gaat"),
    "people": N_("mensen"), "fallback": N_("terugvallen"), "jim": N_("JIM"),
    "urgent": N_("eerst regelen"), "hoe.who": N_("afspraken"), "hoe.when": N_("afspraken"),
    "confirmed": N_("plan klaar"), "helper": N_("afspraken"),
}


def change_label(plan: Plan, part: str, t: Translator) -> str | None:
    """The words for a changed part; None for parts that are not shared."""
    if part.startswith("wat."):
        domain = next((d for d in DOMAIN_LABELS if part.startswith(f"wat.{d.value}")), None)
        if domain is None or domain in plan.private_domains:
            return None
        return t.plain(DOMAIN_LABELS[domain]).lower()
    label = CHANGE_LABELS.get(part)
    return t.plain(label) if label else None


def digest_message(plan: Plan, parts: list[str], t: Translator) -> Message | None:
    """What changed since the last message, by part: never the whole plan again."""
    named: list[str] = []
    for part in parts:
        label = change_label(plan, part, t)
        if label and label not in named:
            named.append(label)
    if not named:
        return None
    return Message(t(N_("Het plan van {youth} is veranderd: {parts}. Kijk met /jongeren."),
                     youth=youth_name(plan, t), parts=", ".join(named)))

"""What others see of a plan, and the messages sharing sends: pure functions of plan and text.

A shared plan is a filtered *copy* of the youth's plan, so the same renderers (chat text, PDF)
can never show more than the copy holds:

- everyone: domains marked "alleen voor mij" (and their actions) are gone, and so is the
  change history (``private_domains`` stays, so a reader can be told *that* some subjects
  are private, never which); of the plan's versions only the dated agreements stay;
- a network person: only their own name and the actions they are asked to help with.
"""

from __future__ import annotations

from bot.flows.plan_view import render_plan
from bot.i18n import N_, Safe, Translator, escape
from bot.messages import SHARED_CHOICE, Account, Choice, Message
from bot.plan.model import (
    Action,
    Domain,
    HelperAnswer,
    HelperKind,
    Plan,
    PlanVersion,
    UrgentNeed,
    When,
)
from bot.plan.sharing_model import (
    InviteKind,
    OpenedInvite,
    Opening,
    ProfessionalProfile,
    ShareRole,
)
from bot.plan.text import says_with
from bot.plan.voice import (
    FOR_OTHERS,
    action_status,
    day,
    when_word,
)

ASK_ANSWERS = {"y": HelperAnswer.YES, "o": HelperAnswer.OTHERWISE, "n": HelperAnswer.NO}
PICK_UP = "p"
ANSWER_LABELS = {
    HelperAnswer.YES: N_("Ja"),
    HelperAnswer.OTHERWISE: N_("Ja, maar anders"),
    HelperAnswer.NO: N_("Nee"),
}


def ask_choice(ask: str, code: str) -> str:
    """A self-contained choice id for an ask: its reference (the ask, its link and youth)
    and the answer: at most 62 characters, under Telegram's 64 bytes."""
    return f"{SHARED_CHOICE}a:{ask}:{code}"


def read_ask_choice(choice: str, kind: str = "a") -> tuple[str, str] | None:
    """The reference and the answer's code of an ask button (``kind`` "a"), or of the
    youth's confirmation of a begeleider (:data:`CONFIRM`); not yet checked."""
    parts = choice.removeprefix(SHARED_CHOICE).split(":")
    if len(parts) != 3 or parts[0] != kind:
        return None
    return parts[1], parts[2]


CONFIRM = "c"  # the youth's yes or no to a begeleider who accepted their invite
CONFIRMED, DENIED = "y", "n"


def confirm_professional(profile: ProfessionalProfile, ref: str, t: Translator) -> Message:
    """The youth's question before a begeleider who opened their invite sees anything: who
    they say they are, and what the chat says about their account (a forwarded link opened
    by someone else shows here)."""
    lines = [t(N_("{who} wil je begeleider zijn."), who=describe_professional(profile, t)),
             describe_account(profile.account, t),
             t(N_("Is dat echt je begeleider? Pas na je ja ziet die je plan."))]
    choices = (Choice(f"{SHARED_CHOICE}{CONFIRM}:{ref}:{CONFIRMED}",
                      t.plain(N_("Ja, dat is mijn begeleider"))),
               Choice(f"{SHARED_CHOICE}{CONFIRM}:{ref}:{DENIED}", t.plain(N_("Nee"))))
    return Message("\n".join(line for line in lines if line), choices=choices)


ACCOUNT_SAYS = {"telegram": N_("Telegram noemt dit account: {account}"),
                "terminal": N_("In de chat heet dit account: {account}")}


def describe_account(account: Account | None, t: Translator) -> Safe:
    """The account as the chat names it ("Mark de Vries (@markdv)"), escaped; empty when
    the chat said nothing."""
    if account is None:
        return Safe("")
    name = " ".join(part for part in (account.first_name, account.last_name) if part)
    handle = f"@{account.username}" if account.username else ""
    shown = f"{name} ({handle})" if name and handle else name or handle
    if not shown:
        return Safe("")
    return t(ACCOUNT_SAYS.get(account.channel, ACCOUNT_SAYS["telegram"]), account=shown)


def is_helped_by(action: Action, person_id: str | None) -> bool:
    return action.helper == HelperKind.PERSON and person_id is not None \
        and action.person_id == person_id


def shared_copy(plan: Plan, role: ShareRole, person_id: str | None,
                safety_plan: bool = False) -> Plan:
    """The part of ``plan`` someone in ``role`` may see; the veiligheidsplan only when the
    youth said yes to showing it to them (``safety_plan``)."""
    private = set(plan.private_domains)
    actions = [a for a in plan.actions if a.domain not in private]
    if role is ShareRole.NETWORK:
        person = plan.person(person_id)
        return Plan(name=plan.name, people=[person] if person else [],
                    actions=[a for a in actions if is_helped_by(a, person_id)])
    copy = plan.model_copy(deep=True)
    copy.domains = {d: answer for d, answer in copy.domains.items() if d not in private}
    if not safety_plan and Domain.WELZIJN in copy.domains:
        copy.domains[Domain.WELZIJN].safety_plan = None
    copy.actions = [a.model_copy() for a in actions]
    copy.history = []
    # the versions only for each agreement's history: never a domain (private ones, a
    # veiligheidsplan) or a new need as it was said
    copy.versions = [PlanVersion(at=version.at, actions=[
        a for a in version.actions if a.domain not in private]) for version in plan.versions]
    return copy


def youth_name(plan: Plan, t: Translator) -> str:
    return plan.name or t.plain(N_("Een jongere"))


def told_apart(names: list[str]) -> list[str]:
    """Names that occur more than once get a number ("Een jongere (1)", "Een jongere (2)"),
    so a begeleider of two youths without a name, or of two Sams, can tell them apart."""
    seen: dict[str, int] = {}
    numbered = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        numbered.append(f"{name} ({seen[name]})" if names.count(name) > 1 else name)
    return numbered


def render_shared(view: Plan, role: ShareRole, t: Translator) -> Safe:
    """A shared plan as chat text: the whole (filtered) plan, or a helper's own actions.
    ``view``: the plan as the member may see it (:func:`bot.sharing.access.visible`)."""
    if role is not ShareRole.NETWORK:
        return render_plan(view, t, FOR_OTHERS)
    lines = [t(N_("<b>{name} vraagt je hulp bij:</b>"), name=youth_name(view, t))]
    for action in view.actions:
        lines.append(f"• {escape(action.what)} → {escape(when_word(action, t))} · "
                     f"{escape(action_status(view, action, t))}")
    if not view.actions:
        lines.append(t(N_("Nog niets.")))
    return Safe("\n".join(lines))


def invite_messages(kind: InviteKind, plan: Plan, name: str | None, token: str,
                    opening: Opening, t: Translator) -> list[Message]:
    """What the youth gets to forward: a short note for them, and the invitation itself."""
    youth = youth_name(plan, t)
    for_whom = (t(N_("Hier is een uitnodiging voor {name}."), name=name) if name
                else t(N_("Hier is een uitnodiging.")))
    note = [for_whom, t(N_("Stuur het bericht hieronder door.")), t(VALID[opening])]
    if kind is InviteKind.JIM and plan.age is not None and plan.age < 18:
        note.append(t(N_("Je bent nog geen 18. Vertel je ouders of je voogd over je JIM, "
                         "als dat kan. Het is fijn als zij het goed vinden.")))
    invitation = {
        InviteKind.JIM: N_("Hoi! Dit bericht is van {youth}. Ik maak een plan voor later, "
                           "met de chatbot Toekomstplan. Ik wil jou vragen om mijn JIM te "
                           "zijn. Een JIM is een volwassene die ik vertrouw. Je denkt af en "
                           "toe met me mee. Je bent geen hulpverlener."),
        InviteKind.NETWORK: N_("Hoi! Dit bericht is van {youth}. Ik maak een plan voor "
                               "later, met de chatbot Toekomstplan. Ik wil je vragen of je "
                               "ergens mee kunt helpen."),
        InviteKind.PROFESSIONAL: N_("Hoi! Dit bericht is van {youth}. Ik maak een "
                                    "toekomstplan met de chatbot Toekomstplan. Ik wil het "
                                    "plan met jou als mijn begeleider delen."),
    }[kind]
    then = t(N_("De bot legt uit wat ik vraag. Daarna kies je zelf: ja of nee."))
    return [Message(" ".join(note)),
            Message(t(invitation, youth=youth) + "\n\n" + how_to_open(opening, then, t),
                    invite=token)]


VALID = {Opening.LINK: N_("De link werkt één keer, 14 dagen lang."),
         Opening.CODE: N_("De code werkt één keer, 14 dagen lang.")}
OPEN = {Opening.LINK: N_("Open de link hieronder in Telegram en druk op Start."),
        Opening.CODE: N_("Start de chat met Toekomstplan en typ de code hieronder.")}
# Whoever gets an invite forwarded (on WhatsApp, say) may never have used Telegram.
NO_TELEGRAM_YET = N_("Heb je Telegram nog niet? Zet die gratis app dan eerst op je telefoon.")


def how_to_open(opening: Opening, then: str, t: Translator) -> str:
    """The end of an invitation: how to open it in this chat, ``then`` what happens."""
    steps = [t(OPEN[opening]), then]
    if opening is Opening.LINK:
        steps.append(t(NO_TELEGRAM_YET))
    return " ".join(steps)


def invite_for_youth(profile: ProfessionalProfile, token: str, opening: Opening,
                     t: Translator) -> list[Message]:
    """A professional's invitation for a youth, to forward to them."""
    note = t(N_("Stuur dit bericht door aan de jongere.")) + " " + t(VALID[opening])
    invitation = t(N_("Hoi! Ik ben {name}, {role} bij {organisation}. Met de chatbot "
                      "Toekomstplan maak je je eigen plan. Wil je het met mij delen?"),
                   name=profile.name, role=profile.role, organisation=profile.organisation)
    then = t(N_("Jij beslist, en stoppen kan altijd."))
    return [Message(note), Message(invitation + "\n\n" + how_to_open(opening, then, t),
                                   invite=token)]


PROFESSIONAL = N_("{name} ({role}, {organisation})")


def describe_professional(profile: ProfessionalProfile, t: Translator) -> Safe:
    return t(PROFESSIONAL, name=profile.name, role=profile.role,
             organisation=profile.organisation)


def professional_words(profile: ProfessionalProfile, t: Translator) -> str:
    """The same in plain text: for a name that is put into a sentence or a button later
    (escaped there, once)."""
    return t.plain(PROFESSIONAL, name=profile.name, role=profile.role,
                   organisation=profile.organisation)


def invite_explanation(invite: OpenedInvite, t: Translator) -> Safe:
    """What the person who opened an invite reads before saying yes or no."""
    youth = invite.youth_name or t.plain(N_("Een jongere"))
    if invite.kind is InviteKind.YOUTH:
        assert invite.professional is not None
        question = t(N_("Wil je dat {who} je plan kan zien?"),
                     who=describe_professional(invite.professional, t))
        account = describe_account(invite.professional.account, t)
        return Safe(f"{account}\n{question}") if account else question
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
    InviteKind.JIM: N_("Een JIM is een volwassene uit de omgeving van {youth}. Geen "
                       "hulpverlener. Je praat soms samen over het plan. Je helpt met kleine "
                       "stappen. In deze chat krijg je soms een vraag van {youth}. Het plan "
                       "blijft van {youth}."),
    InviteKind.NETWORK: N_("Je helpt met één of een paar dingen. Je krijgt een vraag in "
                           "deze chat. Je antwoordt met ja of nee."),
    InviteKind.PROFESSIONAL: N_("Je krijgt het plan als PDF. Bij iets dringends krijg je "
                                "meteen een bericht. Met /jongeren zie je het plan altijd."),
    InviteKind.YOUTH: N_("Je begeleider ziet dan je plan. Niet wat je alleen voor jezelf "
                         "houdt. Je kunt het delen altijd stoppen met /delen."),
}


def ask_message(plan: Plan, action: Action, ask: str, t: Translator) -> Message:
    """A request for help with one action (and by when), with self-contained buttons."""
    choices = tuple(Choice(ask_choice(ask, code), t.plain(ANSWER_LABELS[answer]))
                    for code, answer in ASK_ANSWERS.items())
    text = t(N_("{youth} vraagt of je hierbij kunt helpen: {what}.") if says_with(action.what)
             else N_("{youth} vraagt of je kunt helpen met: {what}."), youth=youth_name(plan, t),
             what=action.what)
    if action.when in WHEN_WISH:
        text += " " + t(WHEN_WISH[action.when])
    return Message(text + " " + t(N_("Lukt dat?")), choices=choices)


WHEN_WISH = {When.WEEK: N_("Het liefst deze week."), When.MAAND: N_("Het liefst deze maand."),
             When.LATER: N_("Het hoeft niet meteen.")}
NEW_WHEN = {When.WEEK: N_("Het liefst nu deze week."), When.MAAND: N_("Het liefst nu deze maand."),
            When.LATER: N_("Het hoeft nu niet meteen."), When.GEEN: N_("Er is nu geen datum.")}


def new_when_message(plan: Plan, action: Action, t: Translator) -> Message:
    """For a helper who was already asked: the youth said another "by when"."""
    return Message(t(N_("{youth} heeft iets veranderd bij: {what}."), youth=youth_name(plan, t),
                     what=action.what) + " " + t(NEW_WHEN[action.when or When.GEEN]))


def pickup_message(plan: Plan, subject: Action | UrgentNeed, ask: str,
                   t: Translator) -> Message:
    """An ask for a professional: the concrete need (urgent ones with the day they were
    reported, which may be days before the link) and "Ik pak dit op"."""
    youth = youth_name(plan, t)
    if isinstance(subject, UrgentNeed):
        text = t(N_("⚠️ Dringend van {youth}, gemeld op {date}: {what}"), youth=youth,
                 date=day(subject.reported_at, t), what=subject.text)
    else:
        text = t(N_("{youth} vraagt je hulp bij: {what}."), youth=youth, what=subject.what)
        if subject.when in WHEN_WISH:
            text += " " + t(WHEN_WISH[subject.when])
    return Message(text, choices=(pick_up_choice(ask, t),))


def pick_up_choice(ask: str, t: Translator) -> Choice:
    """The button a professional presses to take on an urgent ask (``ask``: its reference)."""
    return Choice(ask_choice(ask, PICK_UP), t.plain(N_("Ik pak dit op")))


def answer_notice(helper: str, action: Action, t: Translator) -> Message:
    """What the youth hears when a helper answered."""
    response = action.response
    assert response is not None
    hierbij = says_with(action.what)  # not "helpt je met: met iemand praten"
    if response.answer is HelperAnswer.YES:
        text = t(N_("{name} helpt je hierbij: {what}.") if hierbij
                 else N_("{name} helpt je met: {what}."), name=helper, what=action.what)
    elif response.answer is HelperAnswer.NO:
        text = t(N_("{name} kan hier niet bij helpen: {what}. Wie kan het wel? Kies met "
                    "/wijzig.") if hierbij
                 else N_("{name} kan niet helpen met: {what}. Wie kan het wel? Kies met /wijzig."),
                 name=helper, what=action.what)
    else:
        text = t(N_("{name} helpt hierbij: {what}. Maar anders: {note}") if hierbij
                 else N_("{name} helpt met: {what}. Maar anders: {note}"), name=helper,
                 what=action.what, note=response.note or "")
    return Message(text)


def new_jim_choices(plan: Plan, gone: str | None, t: Translator) -> tuple[Choice, ...]:
    """Buttons to choose a new JIM among the people (not the one who stopped), or later."""
    return (*(Choice(f"{SHARED_CHOICE}j:{p.id}", p.name) for p in plan.people if p.id != gone),
            Choice(f"{SHARED_CHOICE}j:{LATER}", t.plain(N_("Later"))))


LATER = "later"


def read_jim_choice(choice: str) -> str | None:
    """The person id (or ``LATER``) of a new-JIM button; None for any other button."""
    kind, _, pick = choice.removeprefix(SHARED_CHOICE).partition(":")
    return pick if kind == "j" and pick else None

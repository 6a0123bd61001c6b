"""Check-ins on agreements, and ``/herinneringen``.

On an action's day the scheduler (:mod:`bot.scheduler`) asks "Hoe gaat het?" as a short
detour from where the youth rests (the finished plan, or a helper's home page), never in the
middle of a question: while the youth is answering something, the check-in waits (see
:func:`at_rest`). A detour so that any typed answer, a button or a command works as
everywhere, and afterwards the youth is back where they were. The answers land on the
action; telling the helper happens after the turn (:func:`bot.scheduler.after_youth_turn`).
"""

from __future__ import annotations

from datetime import timedelta

from bot.flows.conversation import Conversation
from bot.flows.cursor import Cursor
from bot.flows.flow import Flow
from bot.flows.interview.hoe import ActionWhen, current_action
from bot.flows.plan_view import is_empty
from bot.flows.question import Context, FollowUp, Next, Outcome, Question, TextQuestion
from bot.flows.sharing.questions import MEMBER_HOME
from bot.flows.typed_answers import yes_or_no
from bot.i18n import N_, Translator
from bot.local_time import local_day, long_date
from bot.messages import Choice
from bot.plan.model import Action, ActionStatus, HelperKind, Plan, When
from bot.plan.relations import organisation_called
from bot.plan.sharing_model import LinkSummary, ref_row_id
from bot.plan.text import shorten

CHECKIN, CHECKIN_WHEN, OBSTACLE, CHANGE, THANKS = ("checkin", "checkin_when",
                                                   "checkin_obstacle", "checkin_change",
                                                   "checkin_thanks")
REMINDERS = "reminders"
TRANSFER = "transfer"
RESTING = frozenset({"done", MEMBER_HOME})
ASK_AGAIN_IN = timedelta(days=3)  # "Later"
WHAT_SHOWN = 60
DONE, BUSY, STUCK, LATER = "done", "busy", "stuck", "later"
OTHER_HELPER, BEGELEIDER = "other_helper", "begeleider"
THANK = "thank"


def at_rest(conversation: Conversation) -> bool:
    """The youth is not in the middle of anything: a check-in may come now."""
    return (conversation.started and not conversation.paused and not conversation.in_detour
            and conversation.state in RESTING)


def waiting_for(conversation: Conversation, action_id: str) -> bool:
    """This check-in is the open question."""
    return conversation.state == CHECKIN and conversation.cursor.action == action_id


def helper_of(plan: Plan, action: Action, t: Translator) -> str | None:
    """Whom the youth does it with, as a name (None: alone, or nobody yet)."""
    if action.helper is HelperKind.PERSON:
        person = plan.person(action.person_id)
        return person.name if person else None
    if action.helper is HelperKind.PROFESSIONAL:
        return t.plain(N_("je begeleider"))
    if action.helper is HelperKind.ORGANISATION:
        organisation = plan.organisation(action.person_id)
        return organisation_called(organisation, t) if organisation else None
    if action.helper is HelperKind.OTHER:
        return action.helper_text
    return None


def checkin_text(plan: Plan, action: Action, t: Translator, late: bool = False) -> str:
    """"Je wilde deze week met Fatima werken aan: een eigen plek. Hoe gaat het?" ``late``:
    asked weeks on (in the regular look), so by its day: "Je wilde vóór 31 maart 2026 …"."""
    what = shorten(action.what, WHAT_SHOWN)
    when = (t.plain(N_("vóór {day}"), day=long_date(action.due, t.lang)) if late and action.due
            else t.plain(N_("deze week")) if action.when is When.WEEK
            else t.plain(N_("deze maand")) if action.when is When.MAAND
            else t.plain(N_("vóór {day}"), day=long_date(action.due, t.lang)) if action.due
            else t.plain(N_("nu")))
    helper = helper_of(plan, action, t)
    if helper is None:
        return t(N_("Je wilde {when} werken aan: {what}. Hoe gaat het?"), when=when, what=what)
    return t(N_("Je wilde {when} met {helper} werken aan: {what}. Hoe gaat het?"),
             when=when, helper=helper, what=what)


class CheckIn(Question):
    skip_label = None

    def prompt(self, ctx: Context) -> str:
        action = current_action(ctx)
        return checkin_text(ctx.plan, action, ctx.t) if action else ""

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(DONE, ctx.t.plain(N_("Gelukt"))),
                Choice(BUSY, ctx.t.plain(N_("Nog bezig"))),
                Choice(STUCK, ctx.t.plain(N_("Lukt niet"))),
                Choice(LATER, ctx.t.plain(N_("Later")))]

    def on_text(self, ctx: Context, text: str) -> Outcome:
        if yes_or_no(text) == "yes":  # "ja hoor", "yes": it worked
            return self.on_choice(ctx, DONE)
        return super().on_text(ctx, text)

    def on_choice(self, ctx: Context, choice: str) -> Next:
        action = current_action(ctx)
        if action is None:  # taken out of the plan meanwhile
            return Outcome.ACCEPTED
        then: Next = Outcome.ACCEPTED
        if choice == DONE:
            action.status = ActionStatus.DONE
            ctx.note(ctx.t(N_("Goed gedaan! In je plan staat het nu als gelukt.")))
            if action.helper is HelperKind.PERSON and plan_person(ctx, action):
                then = FollowUp(THANKS)
        elif choice == BUSY:
            action.status = ActionStatus.BUSY
            then = FollowUp(CHECKIN_WHEN)
        elif choice == STUCK:
            action.status = ActionStatus.STUCK
            then = FollowUp(OBSTACLE)
        else:
            action.asked_on, action.reminded = None, False
            action.ask_on = local_day(ctx.now) + ASK_AGAIN_IN
            ctx.note(ctx.t(N_("Goed. Ik vraag het over een paar dagen nog eens.")))
        ctx.changed(f"checkin.{choice}")
        return then


def plan_person(ctx: Context, action: Action) -> bool:
    return ctx.plan.person(action.person_id) is not None


class NewDate(ActionWhen):
    """"Nog bezig": by when now? The check-in comes again on the new day."""

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Fijn dat je ermee bezig bent. Wanneer denk je dat het klaar is?"))

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        outcome = super().on_choice(ctx, choice)
        action = current_action(ctx)
        if action is not None:
            action.asked_on, action.ask_on, action.reminded = None, None, False
        return outcome


class Obstacle(TextQuestion):
    """"Lukt niet": what is in the way, in the youth's own words."""

    skip_label = N_("Weet ik niet")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Dat is balen. Wat zit in de weg? Zeg het in je eigen woorden."))

    def on_answer(self, ctx: Context, text: str) -> Next:
        action = current_action(ctx)
        if action is not None:
            action.obstacle = text
            ctx.changed("checkin.obstacle")
        return FollowUp(CHANGE)

    def on_skip(self, ctx: Context) -> Next:
        return FollowUp(CHANGE)


class ChangeHelp(Question):
    """After "Lukt niet": someone else helps, or the begeleider is asked."""

    skip_label = N_("Nee, zo laten")

    def prompt(self, ctx: Context) -> str:
        return ctx.t(N_("Zal iemand anders helpen? Of vragen we het je begeleider?"))

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(OTHER_HELPER, ctx.t.plain(N_("Iemand anders"))),
                Choice(BEGELEIDER, ctx.t.plain(N_("Vraag mijn begeleider")))]

    def on_choice(self, ctx: Context, choice: str) -> Next:
        action = current_action(ctx)
        if action is None:
            return Outcome.ACCEPTED
        then: Next = Outcome.ACCEPTED
        if choice == OTHER_HELPER:
            action.give_to(HelperKind.UNKNOWN)
            then = FollowUp("action_who")  # HOE's own question: who helps?
        else:
            action.give_to(HelperKind.PROFESSIONAL)
            ctx.note(ctx.t(N_("Goed. In je plan staat nu dat je begeleider helpt.")))
        action.status, action.asked_on, action.reminded = None, None, False
        ctx.changed("checkin.helper")
        return then


class Thanks(Question):
    """After "Gelukt": thank the helper in one tap."""

    skip_label = N_("Nee, hoeft niet")

    def prompt(self, ctx: Context) -> str:
        action = current_action(ctx)
        person = ctx.plan.person(action.person_id) if action else None
        return ctx.t(N_("Wil je {name} bedanken? Ik stuur dan een berichtje."),
                     name=person.name if person else "")

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(THANK, ctx.t.plain(N_("Ja, bedank")))]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        action = current_action(ctx)
        if action is not None:
            action.thanked = True
            ctx.changed("checkin.thanks")
            ctx.note(ctx.t(N_("Verstuurd!")))
        return Outcome.ACCEPTED


# --- a new begeleider -------------------------------------------------------------------------
KEEP, STOP = "keep", "stop"


def transfer_subject(old_link: int, new_link: int) -> str:
    return f"{old_link}>{new_link}"


def transfer_link_ids(subject: str) -> tuple[int, int]:
    """The earlier and the new begeleider's link ids, from :func:`transfer_subject`."""
    old, new = subject.split(">")
    return int(old), int(new)


def transfer_cursor(subject: str) -> Cursor:
    old, new = transfer_link_ids(subject)
    return Cursor(old=old, new=new)


def transfer_links(ctx: Context) -> tuple[LinkSummary, LinkSummary] | None:
    """The earlier and the new begeleider's links (the cursor holds their ids), while both
    still see the plan."""
    links = {ref_row_id(s.ref, 2): s for s in ctx.sharing.shared_with() if not s.pending} if (
        ctx.sharing is not None) else {}
    old, new = links.get(ctx.cursor.old), links.get(ctx.cursor.new)
    return (old, new) if old is not None and new is not None else None


def transfer_names(ctx: Context) -> tuple[str, str] | None:
    links = transfer_links(ctx)
    return (links[0].name, links[1].name) if links else None


class Transfer(Question):
    """The youth moved on to a new begeleider: does the earlier one keep access? The plan
    and its history went along already (the new one got the whole plan)."""

    skip_label = None

    def prompt(self, ctx: Context) -> str:
        links = transfer_links(ctx)
        old, new = (links[0].name, links[1].name) if links else ("", "")
        return ctx.t(N_("{new} ziet nu ook je plan. Mag {old} je plan blijven zien?"),
                     old=old, new=new)

    def choices(self, ctx: Context) -> list[Choice]:
        return [Choice(KEEP, ctx.t.plain(N_("Ja, mag blijven"))),
                Choice(STOP, ctx.t.plain(N_("Nee, niet meer")))]

    def on_text(self, ctx: Context, text: str) -> Outcome:
        said = yes_or_no(text)
        if said is not None:
            return self.on_choice(ctx, KEEP if said == "yes" else STOP)
        return super().on_text(ctx, text)

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        links = transfer_links(ctx)
        if choice == STOP and ctx.sharing is not None and links:
            ctx.notes.extend(ctx.sharing.revoke(links[0].ref))
        else:
            ctx.note(ctx.t(N_("Goed. Stoppen kan altijd met /delen.")))
        return Outcome.ACCEPTED


# --- /herinneringen ---------------------------------------------------------------------------
CHECKINS_ON, CHECKINS_OFF, NOTHING = "checkins_on", "checkins_off", "nothing"
WEEKLY_ON, WEEKLY_OFF = "weekly_on", "weekly_off"
LOOKS = {"look_2": 2, "look_4": 4, "look_8": 8, "look_never": None}


def weekly_overview_on(ctx: Context) -> bool | None:
    """Whether this begeleider gets the weekly overview (None: not a begeleider)."""
    profile = ctx.sharing.profile() if ctx.sharing is not None else None
    return None if profile is None else profile.weekly


def reminders_text(ctx: Context) -> str:
    t, settings = ctx.t, ctx.plan.reminders
    lines = [t(N_("Dit stuur ik je uit mezelf:"))]
    weekly = weekly_overview_on(ctx)
    if weekly is not None:
        lines.append("• " + (t(N_("elke maandag een overzicht van je jongeren")) if weekly
                             else t(N_("geen weekoverzicht van je jongeren"))))
    if not own_plan(ctx):
        return "\n".join(lines)
    lines.append("• " + (t(N_("vragen hoe het gaat met je afspraken")) if settings.checkins
                         else t(N_("geen vragen over je afspraken"))))
    lines.append("• " + (t(N_("elke {weeks} weken een korte terugblik"),
                           weeks=settings.look_weeks) if settings.look_weeks
                         else t(N_("geen terugblik"))))
    return "\n".join(lines)


def own_plan(ctx: Context) -> bool:
    """Whether this user makes a plan of their own (a begeleider may have none)."""
    return weekly_overview_on(ctx) is None or not is_empty(ctx.plan)


class Reminders(Question):
    skip_label = N_("Zo laten")

    def prompt(self, ctx: Context) -> str:
        return reminders_text(ctx) + "\n\n" + ctx.t(N_("Wat wil je veranderen?"))

    def choices(self, ctx: Context) -> list[Choice]:
        t = ctx.t
        checkins = ctx.plan.reminders.checkins
        weekly = weekly_overview_on(ctx)
        professional = [] if weekly is None else [Choice(
            WEEKLY_OFF if weekly else WEEKLY_ON,
            t.plain(N_("Geen weekoverzicht")) if weekly else t.plain(N_("Wel een weekoverzicht")))]
        if not own_plan(ctx):
            return professional
        return [*professional, Choice(CHECKINS_OFF if checkins else CHECKINS_ON,
                       t.plain(N_("Geen vragen over afspraken")) if checkins
                       else t.plain(N_("Wel vragen over afspraken"))),
                Choice("look_2", t.plain(N_("Terugblik elke 2 weken"))),
                Choice("look_4", t.plain(N_("Terugblik elke 4 weken"))),
                Choice("look_8", t.plain(N_("Terugblik elke 8 weken"))),
                Choice("look_never", t.plain(N_("Nooit een terugblik"))),
                Choice(NOTHING, t.plain(N_("Helemaal niets sturen")))]

    def on_choice(self, ctx: Context, choice: str) -> Outcome:
        settings = ctx.plan.reminders
        profile = ctx.sharing.profile() if ctx.sharing is not None else None
        if choice in (WEEKLY_ON, WEEKLY_OFF) and profile is not None and ctx.sharing:
            ctx.sharing.register(profile.model_copy(update={"weekly": choice == WEEKLY_ON}))
        elif choice in LOOKS:
            settings.look_weeks = LOOKS[choice]
        elif choice == NOTHING:
            settings.checkins, settings.look_weeks = False, None
            if profile is not None and ctx.sharing is not None:
                ctx.sharing.register(profile.model_copy(update={"weekly": False}))
        else:
            settings.checkins = choice == CHECKINS_ON
        ctx.changed("reminders")
        ctx.note(ctx.t(N_("Goed, dat is veranderd.")) + "\n" + reminders_text(ctx))
        return Outcome.ACCEPTED


def build() -> Flow:
    return Flow("checkin", [CheckIn(CHECKIN), NewDate(CHECKIN_WHEN), Obstacle(OBSTACLE),
                            ChangeHelp(CHANGE), Thanks(THANKS), Reminders(REMINDERS),
                            Transfer(TRANSFER)], [],
                detour=True)

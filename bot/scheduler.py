"""The scheduler: sends what the plan asks for unasked (check-ins, the one reminder, a
helper's nudge, the regular look and its one reminder), at its time, once, from any number
of processes.

Everything scheduled lives in the database (:mod:`bot.storage.schedule`), derived from the
plan after every turn that changed it (:func:`after_youth_turn`), so a restart loses
nothing and a change of plan or settings takes effect at once. A round claims what is due
with a lease (other schedulers skip it), then handles each item in its own transaction
under the youth's lock: it decides again whether the message is still wanted (not paused,
check-ins on, the helper still linked, not more than three days late — a late check-in
waits for the next regular look), writes it to the outbox and marks the item sent, together.
The courier delivers the outbox as it does every other message. While the youth is in the
middle of a question, a check-in waits (:data:`NOT_NOW`, an hour, at humane hours) and comes
when they are at rest. A look still unanswered two days on is asked once more, then left.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.flows import engine
from bot.flows.checkin import (
    CHECKIN,
    TRANSFER,
    at_rest,
    transfer_cursor,
    transfer_link_ids,
    waiting_for,
)
from bot.flows.conversation import Conversation
from bot.flows.cursor import Cursor
from bot.flows.look import LOOK, LOOK_STATES, changes_since, keep_version
from bot.flows.sharing.views import youth_name
from bot.flows.weekly import weekly_overview
from bot.i18n import N_, Translator
from bot.local_time import local_day, utc_now
from bot.messages import Message
from bot.plan.agenda import (
    ASK_AT,
    LOOK_SUBJECT,
    REMIND_AFTER,
    TOO_LATE,
    Due,
    Kind,
    agenda,
    humane,
    on_day,
    weekly,
)
from bot.plan.model import Action, ActionStatus, Plan
from bot.plan.sharing_model import ShareRole
from bot.plan.text import says_with, shorten
from bot.sharing.access import HELPERS, visible
from bot.sharing.peers import Peers
from bot.sharing.service import Sharing
from bot.sharing.tokens import new_token
from bot.storage.schedule import DROPPED, SENT, Scheduled
from bot.storage.unit_of_work import Store, UnitOfWork

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=2)
NOT_NOW = timedelta(hours=1)  # the youth is busy answering: look again in an hour
BATCH = 100
WHAT_SHOWN = 60


class Scheduler:
    def __init__(self, store: Store, clock: Callable[[], datetime] = utc_now) -> None:
        self.store = store
        self.clock = clock

    def run_due(self, limit: int = BATCH) -> int:
        """Handle everything due now; returns how many items wrote messages."""
        written = 0
        while True:
            now = self.clock()
            with UnitOfWork(self.store) as uow:
                claimed = uow.schedule.claim(now, now + LEASE, limit)
                uow.commit()
            for item in claimed:
                try:
                    written += self._handle(item, now)
                except Exception as error:  # one item's trouble never stops the others
                    log.error("scheduled item %s failed: %s", item.id, type(error).__name__)
            if len(claimed) < limit:
                return written

    def _handle(self, item: Scheduled, now: datetime) -> int:
        with UnitOfWork(self.store) as uow:
            chat = uow.schedule.chat_of(item.youth_id)
            if chat is None:
                return 0
            uow.lock_user(f"{chat[0]}:{self.store.sealer.open(chat[1])}")
            if not uow.schedule.still_mine(item):
                return 0  # another scheduler finished it meanwhile
            stored = uow.conversations.load(item.youth_id)
            if stored is None:
                uow.schedule.finish(item, DROPPED)
                uow.commit()
                return 0
            conversation, plan = stored.parse()
            action = plan.action(item.subject)
            if not wanted(item, plan, action, conversation.paused, now):
                uow.schedule.finish(item, DROPPED)
                uow.commit()
                return 0
            if item.kind is Kind.WEEKLY:
                sent = _weekly(uow, item.youth_id, conversation.lang, now)
                _next_week(uow, item.youth_id, now)
            elif item.kind is Kind.NUDGE:
                assert action is not None
                sent = _nudge(uow, item.youth_id, plan, action, now)
            elif item.kind is Kind.LOOK_AGAIN:
                sent = _look_again(uow, item.youth_id, conversation, plan, now)
            elif item.kind is Kind.TRANSFER and not _both_linked(uow, item):
                sent = False  # one of them stopped meanwhile: nothing to ask
            elif item.kind in (Kind.LOOK, Kind.TRANSFER) and at_rest(conversation):
                state, cursor = ((LOOK, Cursor()) if item.kind is Kind.LOOK
                                 else (TRANSFER, transfer_cursor(item.subject)))
                sharing = Sharing(uow, item.youth_id, plan, Translator(conversation.lang), now,
                                  new_token)
                messages = engine.interject(conversation, plan, state, cursor, now,
                                            sharing=sharing)
                uow.conversations.save(item.youth_id, conversation, plan, now, is_new=False)
                uow.outbox.put(item.youth_id, messages, now)
                if item.kind is Kind.LOOK:
                    uow.schedule.add(item.youth_id, Due(
                        on_day(local_day(now) + REMIND_AFTER, ASK_AT), Kind.LOOK_AGAIN,
                        LOOK_SUBJECT), now)
                sent = True
            elif action is not None and (waiting_for(conversation, action.id)
                                         or at_rest(conversation)):
                t = Translator(conversation.lang)
                lead = t(N_("Nog even over je afspraak.")) if item.kind is Kind.REMINDER else None
                messages = engine.interject(conversation, plan, CHECKIN, Cursor(action=action.id),
                                            now, lead)
                if item.kind is Kind.CHECKIN:
                    action.asked_on = local_day(now)
                else:
                    action.reminded = True
                uow.conversations.save(item.youth_id, conversation, plan, now, is_new=False)
                uow.outbox.put(item.youth_id, messages, now)
                uow.schedule.plan(item.youth_id, agenda(plan), now)
                sent = True
            else:
                uow.schedule.postpone(item, humane(now + NOT_NOW))
                uow.commit()
                return 0
            uow.schedule.finish(item, SENT if sent else DROPPED)
            uow.commit()
            return int(sent)


def wanted(item: Scheduled, plan: Plan, action: Action | None, paused: bool,
           now: datetime) -> bool:
    """Whether the message is still worth sending now."""
    if paused:
        return False
    if item.kind in (Kind.WEEKLY, Kind.TRANSFER):
        return True  # checked when it is made (a profile, or both links still there)
    if item.kind in (Kind.LOOK, Kind.LOOK_AGAIN):
        return plan.reminders.look_weeks is not None
    if action is None or not plan.reminders.checkins:
        return False
    if action.status is ActionStatus.DONE:
        return False
    if item.kind is Kind.NUDGE:
        return action.due is not None and local_day(now) < action.due
    return now - item.due_at <= TOO_LATE


def _helper_links(uow: UnitOfWork, youth_id: int, action: Action) -> list:
    return [link for link in uow.links.of_youth(youth_id)
            if link.role in HELPERS and link.person_id == action.person_id
            and action.person_id is not None]


def _tell(uow: UnitOfWork, youth_id: int, plan: Plan, action: Action, text: str,
          now: datetime) -> bool:
    """Tell the helper of ``action`` (if linked) ``text``, in their language."""
    links = _helper_links(uow, youth_id, action)
    peers = Peers(uow, now)
    template = HIERBIJ.get(text, text) if says_with(action.what) else text
    for link in links:
        peers.send(link.member_id, lambda t: [Message(t(
            template, youth=youth_name(plan, t), what=shorten(action.what, WHAT_SHOWN)))], link)
    return bool(links)


def _both_linked(uow: UnitOfWork, item: Scheduled) -> bool:
    links = [uow.links.get(link_id) for link_id in transfer_link_ids(item.subject)]
    return all(link is not None and link.youth_id == item.youth_id for link in links)


def _weekly(uow: UnitOfWork, user_id: int, lang: str, now: datetime) -> bool:
    profile = uow.professionals.get(user_id)
    if profile is None or not profile.weekly:
        return False
    peers = Peers(uow, now)
    links = [link for link in uow.links.of_member(user_id)
             if link.role is ShareRole.PROFESSIONAL]
    plans = [visible(peers.plan(link.youth_id), link) for link in links]
    uow.outbox.put(user_id, [weekly_overview(plans, local_day(now), Translator(lang))], now)
    return True


def _look_again(uow: UnitOfWork, youth_id: int, conversation: Conversation, plan: Plan,
                now: datetime) -> bool:
    """The look once more, where the youth left it, if they have not finished it."""
    if not conversation.in_detour or conversation.state not in LOOK_STATES:
        return False  # answered, or gone on to something else: nothing to remind of
    lead = Translator(conversation.lang)(N_("Nog even over je terugblik."))
    messages = engine.interject(conversation, plan, conversation.state, conversation.cursor,
                                now, lead)
    uow.conversations.save(youth_id, conversation, plan, now, is_new=False)
    uow.outbox.put(youth_id, messages, now)
    return True


def _nudge(uow: UnitOfWork, youth_id: int, plan: Plan, action: Action, now: datetime) -> bool:
    return _tell(uow, youth_id, plan, action, NUDGE, now)


def _share_look(uow: UnitOfWork, youth_id: int, plan: Plan, now: datetime) -> None:
    """What changed since the last look, for the JIM (never what the youth keeps to
    themselves). The begeleider hears it in words from the digest that follows the look
    (:mod:`bot.flows.sharing.digest`), not twice."""
    before, latest = plan.versions[-2], plan.versions[-1]
    peers = Peers(uow, now)
    for link in uow.links.of_youth(youth_id):
        if link.role is ShareRole.JIM:
            peers.send(link.member_id, lambda t: [Message(
                t(N_("{youth} keek terug op het plan."), youth=youth_name(plan, t)) + "\n"
                + changes_since(before, latest, t, hidden=plan.private_domains))],
                link)


HELPER_HEARS = {
    ActionStatus.DONE: N_("Goed nieuws: {youth} heeft dit gedaan: {what}."),
    ActionStatus.STUCK: N_("{youth} loopt vast met: {what}. Vraag je even hoe het gaat?"),
}
THANKED = N_("{youth} zegt: dank je wel voor je hulp met: {what}!")
NUDGE = N_("Morgen is de dag: je zou {youth} helpen met: {what}. Succes!")
HIERBIJ = {  # for a subject that starts with "met": not "helpen met: met iemand praten"
    HELPER_HEARS[ActionStatus.STUCK]: N_(
        "{youth} loopt hierop vast: {what}. Vraag je even hoe het gaat?"),
    THANKED: N_("{youth} zegt: dank je wel voor je hulp hierbij: {what}!"),
    NUDGE: N_("Morgen is de dag: je zou {youth} hierbij helpen: {what}. Succes!"),
}


def after_youth_turn(uow: UnitOfWork, youth_id: int, before: Callable[[], Plan], plan: Plan,
                     now: datetime) -> None:
    """After a turn that changed the plan (before it is stored): the helper hears what a
    check-in said (done, stuck, thanks); after a regular look the JIM hears what changed;
    the plan's first version is kept when it is first confirmed; and the schedule follows
    the plan and its settings."""
    if plan.confirmed and not plan.versions:
        keep_version(plan, now)
    if len(plan.versions) > 1 and plan.versions[-1].at == now and (
            before().versions[-1:] != plan.versions[-1:]):  # kept in this turn
        _share_look(uow, youth_id, plan, now)
    answered = [a for a in plan.actions if a.status in HELPER_HEARS or a.thanked]
    if answered:
        earlier = before()
        for action in answered:
            old = earlier.action(action.id)
            if action.status in HELPER_HEARS and (old is None or old.status != action.status):
                _tell(uow, youth_id, plan, action, HELPER_HEARS[action.status], now)
            if action.thanked and (old is None or not old.thanked):
                _tell(uow, youth_id, plan, action, THANKED, now)
    followed = uow.schedule.followed(youth_id)  # one read: the rows, and any profile
    profile = uow.professionals.opened(followed.profile)
    uow.schedule.follow(youth_id, followed, agenda(plan),
                        _monday_after(now) if profile is not None and profile.weekly else None,
                        now)


def _next_week(uow: UnitOfWork, user_id: int, now: datetime) -> None:
    """The next weekly overview: the first Monday after today."""
    uow.schedule.plan(user_id, [_monday_after(now)], now, {Kind.WEEKLY})


def _monday_after(now: datetime) -> Due:
    return weekly(local_day(now) + timedelta(days=1))

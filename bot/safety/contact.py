"""After a crisis reply: the youth may ask their linked professional for contact right now.

Only a "Ja" sends anything, and what is sent is minimal on purpose: who asks, that it is
urgent, and when. Never what the youth wrote, never what kind of crisis it was. The
professional picks it up with "Ik pak dit op" and the youth hears it; when nobody has picked
it up within :data:`FOLLOW_UP_AFTER`, the youth hears that too, with the help lines again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from babel.dates import format_time

from bot.i18n import N_, Safe, Translator, names_text
from bot.local_time import local, long_date
from bot.messages import Choice, Message
from bot.safety.detection import RiskKind
from bot.safety.helplines import lines_for
from bot.safety.replies import short_lines

FOLLOW_UP_AFTER = timedelta(minutes=30)


def contact_request(youth: str, at: datetime, t: Translator,
                    pick_up: Choice | None = None) -> Message:
    """What the professional receives: neutral, urgent, no content; "Ik pak dit op"."""
    dutch = local(at)
    return Message(t(N_("⚠️ Dringend: {youth} vraagt je om nu contact op te nemen. "
                        "Gevraagd op {date} om {time}."),
                     youth=youth, date=long_date(dutch.date(), t.lang),
                     time=format_time(dutch, format="HH:mm", locale=t.lang)),
                   choices=(pick_up,) if pick_up else ())


def contact_sent(names: list[str], t: Translator) -> Message:
    return Message(t(N_("Ik heb {name} een bericht gestuurd. Er staat alleen in dat je "
                        "nu contact wilt. Wat je schreef, staat er niet in. "
                        "Ik laat je weten als het is gezien."),
                     name=names_text(names, t)))


def contact_failed(t: Translator) -> Message:
    return Message(t(N_("Dat lukt niet: je begeleider ziet je plan niet meer. "
                        "Bel of app zelf iemand die je vertrouwt. Typ /sos voor de nummers.")))


def contact_picked_up(name: str, t: Translator) -> Message:
    return Message(t(N_("{name} heeft je bericht gezien en neemt contact op."), name=name))


def contact_not_picked_up(names: list[str], kinds: Iterable[RiskKind], age: int | None,
                          t: Translator) -> Message:
    """Half an hour on and nobody picked it up: say so, and where help is right now."""
    rows = [t(N_("{name} heeft je bericht nog niet gezien. Wacht daar niet op."),
              name=names_text(names, t)),
            t(N_("Bel of app iemand die je vertrouwt. Of bel een van deze lijnen:"))]
    rows += short_lines(lines_for(kinds, age), t)
    rows.append(t(N_("Typ /sos om alle nummers te zien.")))
    return Message(Safe("\n".join(rows)))

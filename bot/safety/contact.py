"""After a crisis reply: the youth may ask their linked professional for contact right now.

Only a "Ja" sends anything, and what is sent is minimal on purpose: who asks, that it is
urgent, and when. Never what the youth wrote, never what kind of crisis it was.
"""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_time

from bot.flows.messages import Message
from bot.i18n import N_, Translator, names_text
from bot.local_time import local, long_date


def contact_request(youth: str, at: datetime, t: Translator) -> Message:
    """What the professional receives: neutral, urgent, no content."""
    dutch = local(at)
    return Message(t(N_("⚠️ Dringend: {youth} vraagt je om nu contact op te nemen. "
                        "Gevraagd op {date} om {time}."),
                     youth=youth, date=long_date(dutch.date(), t.lang),
                     time=format_time(dutch, format="HH:mm", locale=t.lang)))


def contact_sent(names: list[str], t: Translator) -> Message:
    return Message(t(N_("Ik heb {name} een bericht gestuurd. Er staat alleen in dat je "
                        "nu contact wilt. Wat je schreef, staat er niet in."),
                     name=names_text(names, t)))


def contact_failed(t: Translator) -> Message:
    return Message(t(N_("Dat lukt niet: je begeleider ziet je plan niet meer. "
                        "Bel of app zelf iemand die je vertrouwt. Typ /sos voor de nummers.")))

"""What sharing says to each side when the application layer (:mod:`bot.sharing`) acts on
stored invites, links and asks: the answer to the one who acted, and the notice to the
person on the other side (built later in *their* language, so every text here is a msgid).

The words live beside the conversation's other sharing texts (:mod:`bot.flows.sharing.views`),
not in the service: the service decides what happened, these say it.
"""

from __future__ import annotations

from bot.i18n import N_
from bot.plan.sharing_model import InviteKind, ShareRole

# --- names when nobody better is known --------------------------------------------------------
SOMEONE = N_("iemand")
YOUR_BEGELEIDER = N_("je begeleider")
FORMER_JIM_UNNAMED = N_("Je vorige JIM")

# --- answers to whoever pressed or typed something that no longer works -----------------------
NO_LONGER = N_("Dat kan niet meer.")
INVITE_GONE = N_("Deze uitnodiging werkt niet meer. Vraag om een nieuwe.")
ASK_GONE = N_("Deze vraag is al beantwoord of kan niet meer.")
NOTE_NOT_SENT = N_("Je bericht is niet verstuurd. Je ziet dit plan niet meer.")

# --- inviting -------------------------------------------------------------------------------
REGISTER_FIRST = N_("Eerst /begeleider: dan weet de jongere wie je bent.")
CHOOSE_FIRST = N_("Kies eerst wie. Met /wijzig kies je je JIM.")
WITHDRAWN = N_("De uitnodiging is ingetrokken. Die werkt nu niet meer.")

# --- answering an invite ----------------------------------------------------------------------
JOINED = {  # to the youth
    InviteKind.JIM: N_("Goed nieuws: {name} wil je JIM zijn!"),
    InviteKind.NETWORK: N_("Goed nieuws: {name} wil je helpen."),
}
WELCOME = {  # then the member home says who they are to whom, with what they can do
    InviteKind.JIM: N_("Dank je! Ik laat {youth} weten dat je JIM wilt zijn."),
    InviteKind.NETWORK: N_("Dank je! Ik laat {youth} weten dat je wilt helpen."),
}
HELP_HINT = N_("Met /help zie je altijd wat je kunt doen.")
SEES_NOW = N_("Oké. {who} ziet nu je plan. Stoppen kan altijd met /delen.")  # the youth's yes
ASKING_YOUTH = N_("Dank je! Ik vraag {youth} nog of jij het bent. Daarna zie je het plan.")
ALREADY_YES = N_("Je hebt al ja gezegd. Ik wacht nog op {youth}.")  # a second yes
NOT_GOING_AHEAD = N_("Het delen van een plan gaat niet door. Dat is oké.")  # to the begeleider
NOTHING_SHARED_REINVITE = N_("Oké. Er wordt niets gedeeld. Met /delen kun je je begeleider "
                             "opnieuw uitnodigen.")
YOUTH_SAYS_YES = N_("{youth} zegt ja. Je ziet nu het plan.")
YOUTH_DECLINED = N_("Een jongere wil het plan nu niet delen. Dat is oké.")  # to the begeleider
NOTHING_SHARED = N_("Oké. Er wordt niets gedeeld.")
SAYS_NO = N_("{name} zegt nu nee. Dat is oké.")
BEGELEIDER_SAYS_NO = N_("Je begeleider zegt nu nee.")
WILL_TELL = N_("Oké, dank je. Ik laat het weten.")
ANOTHER_JIM = N_("Wil je iemand anders vragen als JIM?")

# --- links ending -----------------------------------------------------------------------------
REVOKED = N_("Klaar. {name} ziet je plan niet meer.")
NO_LONGER_SHARED = N_("{youth} deelt het plan niet meer met je. Dank je voor je hulp.")
JIM_STOPS = N_("{name} stopt als JIM. Dat is oké.")
STOPPED = N_("Je bent gestopt. Je ziet het plan niet meer. Dank je voor je hulp.")
LEFT = {  # a member who stops (a JIM: see JIM_STOPS)
    ShareRole.NETWORK: N_("{name} stopt met helpen. Met /delen kun je iemand anders vragen."),
    ShareRole.PROFESSIONAL: N_("{name} ziet je plan niet meer."),
}
FORMER_JIM_STEPS_BACK = N_("{youth} heeft het plan aangepast: je bent nu geen JIM meer. "
                           "Dank je voor je hulp!")
FORMER_JIM = {  # has actions given to them: a helper now
    True: N_("Je helpt nog wel mee met een paar dingen. Met /plan zie je welke."),
    False: N_("Je ziet het plan niet meer."),
}
FORMER_JIM_FOR_YOUTH = {
    True: N_("{name} is geen JIM meer. {name} ziet nu alleen de afspraken waarmee die helpt."),
    False: N_("{name} is geen JIM meer en ziet je plan niet meer."),
}

# --- an erased user ---------------------------------------------------------------------------
SHARED_PLAN_ERASED = N_("Een plan dat met je gedeeld was, is gewist. Je ziet het niet meer.")
JIM_ERASED = N_("{name} doet niet meer mee als JIM.")
GONE = {
    ShareRole.NETWORK: N_("Iemand die hielp doet niet meer mee."),
    ShareRole.PROFESSIONAL: N_("Je begeleider ziet je plan niet meer."),
}

# --- notes, asks and pick-ups -----------------------------------------------------------------
NOTE = N_("💬 Bericht van {name}: {text}")
NOTE_SENT = N_("Verstuurd. Fijn dat je meeleeft.")
ANSWER_HEARD = N_("Dank je! {youth} hoort je antwoord.")
ALREADY_PICKED_UP = N_("{name} pakt dit al op.")
PICKED_UP = N_("{name} pakt je vraag op: {what}. Je hoort snel meer.")  # to the youth
PICK_UP_HEARD = N_("Dank je. {youth} hoort dat je het oppakt.")
CONTACT_HEARD = N_("Dank je. {youth} hoort dat je contact opneemt.")
ONE_ASK_WAITS = N_("Er staat nog 1 vraag voor je open. Typ /vragen.")
ASKS_WAIT = N_("Er staan nog {count} vragen voor je open. Typ /vragen.")
NO_ASKS = N_("Er staan geen vragen voor je open.")
ONE_MORE = N_("Daarna staat er nog 1 open.")
MORE = N_("Daarna staan er nog {count} open.")
SHARED_EMPTY = N_("{youth} deelt het plan nu met je. Er staat nog niets in. "
                  "Je krijgt bericht als het klaar is.")

"""The plan as a PDF: urgent needs on top, then WIE with the network picture, WAT per life
domain, HOE as a table with each agreement's day, status and what came of each ask, and the
agreements' history from the plan's versions. A begeleider's copy names them and the youth's
age, so a printed page says whose it is and for whom.

fpdf2 is pure Python; the font comes from :mod:`bot.documents.fonts`, so no answer can
break the document. A PDF takes some 40–60 ms to make, so the last few are kept in memory
(:mod:`bot.documents.recent`): a begeleider who opens the same plan again on the same day
gets the same file without it being made again.
"""

from __future__ import annotations

import html
import io
import re
from datetime import date

from fpdf import FPDF

from bot.documents.fonts import add_fonts, printable
from bot.documents.network_picture import network_png
from bot.documents.recent import Recent
from bot.i18n import N_, Translator
from bot.local_time import long_date
from bot.plan import voice as plan_voice
from bot.plan.agreements import agreement_status, by_day, history, overdue
from bot.plan.labels import (
    CLOSENESS_LABELS,
    HELPERS,
    OWN_WORDS,
    WHEN_LABELS,
    domain_lines,
    organisation_names,
    status_word,
)
from bot.plan.model import Action, ActionStatus, Plan
from bot.plan.relations import relation_text, unnamed
from bot.plan.sharing_model import ProfessionalProfile
from bot.plan.text import capitalized
from bot.plan.voice import FOR_YOUTH, Voice, person_word, youth_word

_TAGS = re.compile(r"</?[a-z]+>")
PICTURE_WIDTH = 105  # mm
KEEP_WITH_HEADING = 15  # mm: room for the first lines (or table rows) under a heading


def plain(markup: str) -> str:
    """Chat text (our small HTML subset) as plain text."""
    return html.unescape(_TAGS.sub("", markup))


class _Document(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(auto=True, margin=18)
        add_fonts(self, "Sans")
        self.add_page()

    def heading(self, text: str, size: int = 14) -> None:
        if self.will_page_break(size * 0.5 + 4 + KEEP_WITH_HEADING):
            self.add_page()  # a heading never ends a page
        self.ln(3)
        self.set_font("Sans", "B", size)
        self.multi_cell(0, size * 0.5, printable(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def line(self, text: str, bold: bool = False, indent: float = 0) -> None:
        self.set_font("Sans", "B" if bold else "", 11)
        self.set_x(self.l_margin + indent)
        self.multi_cell(0, 5.5, printable(text) or "…", new_x="LMARGIN", new_y="NEXT")


_recent = Recent(32)  # PDFs kept (some 30–60 kB each)


def plan_pdf(plan: Plan, t: Translator, today: date, voice: Voice = FOR_YOUTH,
             reader: ProfessionalProfile | None = None) -> bytes:
    """The plan for its reader: the youth's own copy, or (``FOR_OTHERS``) a shared copy
    that speaks about the youth and says when subjects were kept private; ``reader``: the
    begeleider it is made for."""
    drawn = "|".join((t.lang, today.isoformat(), repr(voice),
                      reader.model_dump_json() if reader else "", plan.model_dump_json()))
    return _recent.get(drawn, lambda: _draw(plan, t, today, voice, reader))


def _draw(plan: Plan, t: Translator, today: date, voice: Voice,
          reader: ProfessionalProfile | None) -> bytes:
    doc = _Document()
    youth = youth_word(plan, t)
    doc.heading(t.plain(N_("Toekomstplan van {name}"), name=plan.name) if plan.name
                else plain(t(voice.title)), 20)
    doc.line(long_date(today, t.lang))
    if plan.age is not None:
        doc.line(t.plain(N_("Leeftijd: {age} jaar"), age=plan.age))
    if reader is not None:
        doc.line(t.plain(N_("Voor: {name}, {role} bij {organisation}"), name=reader.name,
                         role=reader.role, organisation=reader.organisation))
    if voice.private and plan.private_domains:
        doc.line(t.plain(voice.private, youth=youth))
    if plan.urgent:
        doc.set_text_color(170, 40, 20)
        doc.heading(t.plain(N_("Eerst regelen")))
        for urgent in plan.urgent:
            doc.line("• " + plan_voice.urgent_line(plan, urgent, t, voice), bold=True)
        doc.set_text_color(0, 0, 0)
    _wie(doc, plan, t, voice)
    _wat(doc, plan, t, voice)
    _hoe(doc, plan, t, voice, today)
    return bytes(doc.output())


def _wie(doc: _Document, plan: Plan, t: Translator, voice: Voice) -> None:
    doc.heading(plain(t(voice.people, youth=youth_word(plan, t))))
    if not plan.people:
        doc.line(t.plain(N_("Nog niemand ingevuld.")))
    jim = plan.jim_person()
    for person in plan.people:
        about = [t.plain(label) for role, label in voice.roles.items() if role in person.roles]
        if person.closeness:
            about.append(t.plain(CLOSENESS_LABELS[person.closeness]))
        name = person_word(person, t, voice, start=True)
        if person.relation and not unnamed(person):
            name += f" ({relation_text(person.relation, t)})"
        if person is jim:
            name += " · JIM"
        doc.line(name, bold=True)
        if about:
            text = ", ".join(about).lower()
            doc.line(capitalized(text), indent=5)
        if person.own_words:
            doc.line(t.plain(OWN_WORDS, text=person.own_words), indent=5)
    if plan.organisations:
        doc.line(t.plain(HELPERS, names=organisation_names(plan, t)))
    fallback = [person_word(p, t, voice) for p in plan.people if p.id in plan.fallback_ids]
    if fallback:
        doc.line(t.plain(N_("Terugvallen op: {names}"), names=", ".join(fallback)))
    if plan.people:
        picture = network_png(plan, t, voice)
        doc.ln(2)
        doc.image(io.BytesIO(picture), w=PICTURE_WIDTH, x=(doc.w - PICTURE_WIDTH) / 2)


def _wat(doc: _Document, plan: Plan, t: Translator, voice: Voice) -> None:
    doc.heading(plain(t(N_("<b>WAT</b> · hoe het nu gaat"))))
    if not plan.domains:
        doc.line(t.plain(N_("Nog niets ingevuld.")))
    youth = youth_word(plan, t)
    for domain, label in voice.domains.items():
        answer = plan.domains.get(domain)
        if answer is None:
            continue
        doc.line(f"{t.plain(label, youth=youth)}: {status_word(answer, t.plain)}", bold=True)
        for line in domain_lines(answer, t.plain):
            doc.line(line, indent=5)
        if answer.safety_plan:
            doc.line(t.plain(N_("Veiligheidsplan")), indent=5, bold=True)
            for template, text in zip(voice.safety, (answer.safety_plan.warning_signs,
                                                     answer.safety_plan.what_helps,
                                                     answer.safety_plan.who_to_call),
                                      strict=True):
                if text:
                    doc.line(t.plain(template, text=text, youth=youth), indent=10)


def _hoe(doc: _Document, plan: Plan, t: Translator, voice: Voice, today: date) -> None:
    doc.heading(plain(t(N_("<b>HOE</b> · afspraken"))))
    if not plan.actions:
        doc.line(t.plain(N_("Nog geen afspraken.")))
        return
    doc.set_font("Sans", "", 10)
    headings = [t.plain(N_("Wat")), t.plain(N_("Wie")), t.plain(N_("Wanneer")),
                t.plain(N_("Status"))]
    with doc.table(col_widths=(58, 36, 34, 46), first_row_as_headings=True, text_align="LEFT",
                   v_align="TOP", line_height=5, padding=1.5) as table:
        table.row(headings)
        for action in plan.actions:
            when = t.plain(WHEN_LABELS[action.when]) if action.when else "…"
            if action.due is not None:
                when += "\n" + by_day(action.due, t, today)
            what = action.what
            if action.first_step:
                what += "\n" + t.plain(N_("Eerste stap: {text}"), text=action.first_step)
            table.row([printable(what) or "…",
                       printable(plan_voice.helper_word(plan, action, t, voice)) or "…", when,
                       printable(_status(plan, action, t, today)) or "…"])
    _history(doc, plan, t, voice)


def _status(plan: Plan, action: Action, t: Translator, today: date) -> str:
    """"bezig · Ahmed helpt", "lukt niet: geen kamers te vinden", "open · te laat"."""
    status = agreement_status(action, t)
    if action.status is ActionStatus.STUCK and action.obstacle:
        status += ": " + action.obstacle
    if overdue(action, today):
        status += " · " + t.plain(N_("te laat"))
    if action.response is not None:
        status += "\n" + plan_voice.action_status(plan, action, t)
    return status


def _history(doc: _Document, plan: Plan, t: Translator, voice: Voice) -> None:
    """How each agreement went, from the plan's versions (only where something changed)."""
    told = [(action, lines) for action in plan.actions
            if len(lines := history(action, plan, t, voice)) > 1]
    if not told:
        return
    doc.heading(t.plain(N_("Hoe de afspraken gingen")), 12)
    for action, lines in told:
        doc.line(action.what, bold=True)
        for line in lines:
            doc.line(line, indent=5)

"""The plan as a PDF: urgent needs on top, then WIE, WAT per life domain, HOE as a table.

fpdf2 is pure Python; the font comes from :mod:`bot.documents.fonts`, so no answer can
break the document.
"""

from __future__ import annotations

import html
import re
from datetime import date

from babel.dates import format_date
from fpdf import FPDF

from bot.documents.fonts import BOLD, REGULAR, printable
from bot.flows.interview.hoe import WHEN_LABELS
from bot.flows.interview.wat import DOMAIN_LABELS, STATUS_LABELS
from bot.flows.interview.wie import CLOSENESS_LABELS, ROLE_LABELS
from bot.flows.plan_view import helper_name
from bot.i18n import N_, Translator
from bot.plan.model import Plan

_TAGS = re.compile(r"</?[a-z]+>")


def plain(markup: str) -> str:
    """Chat text (our small HTML subset) as plain text."""
    return html.unescape(_TAGS.sub("", markup))


class _Document(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(auto=True, margin=18)
        self.add_font("Sans", "", str(REGULAR))
        self.add_font("Sans", "B", str(BOLD))
        self.add_page()

    def heading(self, text: str, size: int = 14) -> None:
        self.ln(3)
        self.set_font("Sans", "B", size)
        self.multi_cell(0, size * 0.5, printable(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def line(self, text: str, bold: bool = False, indent: float = 0) -> None:
        self.set_font("Sans", "B" if bold else "", 11)
        self.set_x(self.l_margin + indent)
        self.multi_cell(0, 5.5, printable(text) or "…", new_x="LMARGIN", new_y="NEXT")


def plan_pdf(plan: Plan, t: Translator, today: date) -> bytes:
    doc = _Document()
    title = (t.plain(N_("Toekomstplan van {name}"), name=plan.name) if plan.name
             else t.plain(N_("Jouw toekomstplan")))
    doc.heading(title, 20)
    doc.line(format_date(today, format="long", locale=t.lang))
    if plan.urgent:
        doc.set_text_color(170, 40, 20)
        doc.heading(t.plain(N_("Eerst regelen")))
        for urgent in plan.urgent:
            doc.line("• " + urgent.text, bold=True)
        doc.set_text_color(0, 0, 0)
    _wie(doc, plan, t)
    _wat(doc, plan, t)
    _hoe(doc, plan, t)
    return bytes(doc.output())


def _wie(doc: _Document, plan: Plan, t: Translator) -> None:
    doc.heading(t.plain(N_("WIE: de mensen om je heen")))
    if not plan.people:
        doc.line(t.plain(N_("Nog niemand ingevuld.")))
    jim = plan.jim_person()
    for person in plan.people:
        about = [t.plain(label) for role, label in ROLE_LABELS.items() if role in person.roles]
        if person.closeness:
            about.append(t.plain(CLOSENESS_LABELS[person.closeness]))
        name = person.name + (f" ({person.relation})" if person.relation else "")
        if person is jim:
            name += " · JIM"
        doc.line(name, bold=True)
        if about:
            doc.line(", ".join(about), indent=5)
    fallback = [p.name for p in plan.people if p.id in plan.fallback_ids]
    if fallback:
        doc.line(t.plain(N_("Terugvallen op: {names}"), names=", ".join(fallback)))


def _wat(doc: _Document, plan: Plan, t: Translator) -> None:
    doc.heading(t.plain(N_("WAT: hoe het nu gaat")))
    if not plan.domains:
        doc.line(t.plain(N_("Nog niets ingevuld.")))
    for domain, label in DOMAIN_LABELS.items():
        answer = plan.domains.get(domain)
        if answer is None:
            continue
        status = (t.plain(STATUS_LABELS[answer.status]) if answer.status
                  else t.plain(N_("overgeslagen")) if answer.skipped else "…")
        doc.line(f"{t.plain(label)}: {status.lower()}", bold=True)
        for template, text in ((N_("Gaat goed: {text}"), answer.going_well),
                               (N_("Moeilijk: {text}"), answer.hard),
                               (N_("Nodig: {text}"), answer.need),
                               (N_("Over een paar maanden: {text}"), answer.future)):
            if text:
                doc.line(t.plain(template, text=text), indent=5)


def _hoe(doc: _Document, plan: Plan, t: Translator) -> None:
    doc.heading(t.plain(N_("HOE: afspraken")))
    if not plan.actions:
        doc.line(t.plain(N_("Nog geen afspraken.")))
        return
    doc.set_font("Sans", "", 10)
    headings = [t.plain(N_("Wat")), t.plain(N_("Wie")), t.plain(N_("Wanneer")),
                t.plain(N_("Status"))]
    with doc.table(col_widths=(80, 45, 30, 20), first_row_as_headings=True) as table:
        table.row(headings)
        for action in plan.actions:
            when = t.plain(WHEN_LABELS[action.when]) if action.when else "…"
            table.row([printable(action.what) or "…",
                       printable(plain(helper_name(plan, action, t))), when,
                       t.plain(N_("open"))])

"""The plan shown back to the youth, grouped WIE / WAT / HOE with urgent needs on top."""

from __future__ import annotations

from bot.flows.interview.hoe import WHEN_LABELS
from bot.flows.interview.relations import called, label, relation_text, unnamed
from bot.flows.interview.wat import DOMAIN_ICONS, DOMAIN_LABELS, STATUS_LABELS
from bot.flows.interview.wie import CLOSENESS_LABELS, ROLE_LABELS
from bot.i18n import N_, Safe, Translator, escape
from bot.plan.model import Action, HelperKind, Plan


def is_empty(plan: Plan) -> bool:
    """Nothing answered yet that the plan would show."""
    return not (plan.name or plan.mood or plan.urgent or plan.people or plan.domains
                or plan.actions or plan.jim)


def helper_name(plan: Plan, action: Action, t: Translator) -> str:
    if action.helper == HelperKind.SELF:
        return t(N_("ikzelf"))
    if action.helper == HelperKind.PROFESSIONAL:
        return t(N_("mijn begeleider"))
    person = plan.person(action.person_id)
    if person is None:
        return t(N_("nog niet bekend"))
    if person is plan.jim_person():
        return t(N_("{name} (JIM)"), name=called(person, t))
    return escape(called(person, t))


def render_plan(plan: Plan, t: Translator) -> Safe:
    """The whole plan as short lines of text (HTML subset, every user value escaped)."""
    title = (t(N_("<b>Toekomstplan van {name}</b>"), name=plan.name) if plan.name
             else t(N_("<b>Jouw toekomstplan</b>")))
    blocks = [title]
    if plan.urgent:
        lines = [t(N_("⚠️ <b>Eerst regelen</b>"))]
        lines += ["• " + escape(u.text) for u in plan.urgent]
        blocks.append("\n".join(lines))
    blocks.append(_wie(plan, t))
    blocks.append(_wat(plan, t))
    blocks.append(_hoe(plan, t))
    return Safe("\n\n".join(blocks))


def _wie(plan: Plan, t: Translator) -> str:
    lines = [t(N_("<b>WIE</b> · mensen om je heen"))]
    if not plan.people:
        lines.append(t(N_("Nog niemand ingevuld.")))
    for person in plan.people:
        details = [t(text) for role, text in ROLE_LABELS.items() if role in person.roles]
        if person.closeness:
            details.append(t(CLOSENESS_LABELS[person.closeness]))
        relation = ("" if person.relation is None or unnamed(person)
                    else f" ({escape(relation_text(person.relation, t))})")
        extra = (": " + ", ".join(details).lower()) if details else ""
        lines.append("• " + escape(label(person, t)) + relation + extra)
    fallback = [called(p, t) for p in plan.people if p.id in plan.fallback_ids]
    if fallback:
        lines.append(t(N_("Terugvallen op: {names}"), names=", ".join(fallback)))
    jim = plan.jim_person()
    if jim:
        lines.append(t(N_("Jouw JIM: {name}"), name=called(jim, t)))
    elif plan.jim:
        lines.append(t(N_("Jouw JIM: nog niet gekozen")))
    return "\n".join(lines)


def _wat(plan: Plan, t: Translator) -> str:
    lines = [t(N_("<b>WAT</b> · hoe het nu gaat"))]
    if not plan.domains:
        lines.append(t(N_("Nog niets ingevuld.")))
    for domain, domain_label in DOMAIN_LABELS.items():
        answer = plan.domains.get(domain)
        if answer is None:
            continue
        status = (t(STATUS_LABELS[answer.status]) if answer.status
                  else t(N_("overgeslagen")) if answer.skipped else "…")
        lines.append(f"{DOMAIN_ICONS[domain]} <b>{t(domain_label)}</b>: {status.lower()}")
        parts = ((N_("Gaat goed: {text}"), answer.going_well),
                 (N_("Moeilijk: {text}"), answer.hard), (N_("Nodig: {text}"), answer.need),
                 (N_("Over een paar maanden: {text}"), answer.future))
        lines += ["   " + t(template, text=text) for template, text in parts if text]
        if answer.safety_plan:
            lines.append("   " + t(N_("<b>Veiligheidsplan</b>")))
            safety = ((N_("Hier merk ik het aan: {text}"), answer.safety_plan.warning_signs),
                      (N_("Dit helpt mij: {text}"), answer.safety_plan.what_helps),
                      (N_("Die bel of app ik: {text}"), answer.safety_plan.who_to_call))
            lines += ["   " + t(template, text=text) for template, text in safety if text]
    return "\n".join(lines)


def _hoe(plan: Plan, t: Translator) -> str:
    lines = [t(N_("<b>HOE</b> · afspraken"))]
    if not plan.actions:
        lines.append(t(N_("Nog geen afspraken.")))
    for action in plan.actions:
        when = t(WHEN_LABELS[action.when]).lower() if action.when else "…"
        lines.append(f"• {escape(action.what)} → {helper_name(plan, action, t)} → {when}")
    return "\n".join(lines)

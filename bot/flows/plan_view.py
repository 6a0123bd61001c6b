"""The plan shown back, grouped WIE / WAT / HOE with urgent needs on top: to the youth, or
in the third person to those it is shared with (see :mod:`bot.plan.voice`)."""

from __future__ import annotations

from bot.i18n import N_, Safe, Translator, escape
from bot.plan.labels import (
    CLOSENESS_LABELS,
    DOMAIN_ICONS,
    HELPERS,
    OWN_WORDS,
    domain_lines,
    organisation_names,
    status_word,
)
from bot.plan.model import Action, Plan
from bot.plan.relations import relation_text, unnamed
from bot.plan.voice import (
    FOR_YOUTH,
    Voice,
    action_status,
    helper_word,
    person_word,
    urgent_line,
    when_with_day,
    youth_word,
)


def is_empty(plan: Plan) -> bool:
    """Nothing answered yet that the plan would show."""
    return not (plan.name or plan.mood or plan.urgent or plan.people or plan.organisations
                or plan.domains or plan.actions or plan.jim)


def helper_name(plan: Plan, action: Action, t: Translator, voice: Voice = FOR_YOUTH) -> str:
    return escape(helper_word(plan, action, t, voice))


def render_plan(plan: Plan, t: Translator, voice: Voice = FOR_YOUTH) -> Safe:
    """The whole plan as short lines of text (HTML subset, every user value escaped)."""
    youth = youth_word(plan, t)
    title = (t(N_("<b>Toekomstplan van {name}</b>"), name=plan.name) if plan.name
             else t(voice.title))
    blocks = [title]
    if voice.private and plan.private_domains:
        blocks.append(t(voice.private, youth=youth))
    if plan.urgent:
        lines = [t(N_("⚠️ <b>Eerst regelen</b>"))]
        lines += ["• " + escape(urgent_line(plan, u, t, voice)) for u in plan.urgent]
        blocks.append("\n".join(lines))
    blocks.append(_wie(plan, t, voice))
    blocks.append(_wat(plan, t, voice))
    blocks.append(_hoe(plan, t, voice))
    return Safe("\n\n".join(blocks))


def _wie(plan: Plan, t: Translator, voice: Voice) -> str:
    lines = [t(voice.people, youth=youth_word(plan, t))]
    if not plan.people:
        lines.append(t(N_("Nog niemand ingevuld.")))
    for person in plan.people:
        details = [t(text) for role, text in voice.roles.items() if role in person.roles]
        if person.closeness:
            details.append(t(CLOSENESS_LABELS[person.closeness]))
        relation = ("" if person.relation is None or unnamed(person)
                    else f" ({escape(relation_text(person.relation, t))})")
        extra = (": " + ", ".join(details).lower()) if details else ""
        lines.append("• " + escape(person_word(person, t, voice, start=True)) + relation + extra)
        if person.own_words:
            lines.append("   " + t(OWN_WORDS, text=person.own_words))
    if plan.organisations:
        lines.append(t(HELPERS, names=organisation_names(plan, t)))
    fallback = [person_word(p, t, voice) for p in plan.people if p.id in plan.fallback_ids]
    if fallback:
        lines.append(t(N_("Terugvallen op: {names}"), names=", ".join(fallback)))
    jim = plan.jim_person()
    if jim:
        lines.append(t(voice.jim, name=person_word(jim, t, voice)))
    elif plan.jim:
        lines.append(t(voice.jim_undecided))
    return "\n".join(lines)


def _wat(plan: Plan, t: Translator, voice: Voice) -> str:
    lines = [t(N_("<b>WAT</b> · hoe het nu gaat"))]
    if not plan.domains:
        lines.append(t(N_("Nog niets ingevuld.")))
    youth = youth_word(plan, t)
    for domain, domain_label in voice.domains.items():
        answer = plan.domains.get(domain)
        if answer is None:
            continue
        label = t(domain_label, youth=youth)
        lines.append(f"{DOMAIN_ICONS[domain]} <b>{label}</b>: {status_word(answer, t)}")
        lines += ["   " + line for line in domain_lines(answer, t)]
        if answer.safety_plan:
            lines.append("   " + t(N_("<b>Veiligheidsplan</b>")))
            safety = zip(voice.safety, (answer.safety_plan.warning_signs,
                                        answer.safety_plan.what_helps,
                                        answer.safety_plan.who_to_call), strict=True)
            lines += ["   " + t(template, text=text, youth=youth)
                      for template, text in safety if text]
    return "\n".join(lines)


def _hoe(plan: Plan, t: Translator, voice: Voice) -> str:
    lines = [t(N_("<b>HOE</b> · afspraken"))]
    if not plan.actions:
        lines.append(t(N_("Nog geen afspraken.")))
    for action in plan.actions:
        lines.append(f"• {escape(action.what)} → {helper_name(plan, action, t, voice)} → "
                     f"{escape(when_with_day(action, t))} · "
                     f"{escape(action_status(plan, action, t))}")
        if action.first_step:
            lines.append("   " + t(N_("Eerste stap: {text}"), text=action.first_step))
    return "\n".join(lines)

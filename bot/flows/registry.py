"""Every flow, and every question by its key: where the engine looks up the open question.

A new question is found here once its flow is listed in :data:`FLOWS`.
"""

from __future__ import annotations

from bot.flows import checkin, edit, erase, look, safety_plan
from bot.flows.flow import Flow
from bot.flows.interview import flow as interview
from bot.flows.question import Question
from bot.flows.sharing import questions as sharing_questions

FLOWS: tuple[Flow, ...] = (interview.build(), edit.build(), safety_plan.build(),
                           erase.build(), sharing_questions.build(),
                           sharing_questions.build_home(), checkin.build(),
                           look.build())
FLOW_OF: dict[str, Flow] = {key: f for f in FLOWS for key in f.by_key}
QUESTION: dict[str, Question] = {key: q for f in FLOWS for key, q in f.by_key.items()}

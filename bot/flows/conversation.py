"""Where a conversation is: the current question, its loop cursor and any detour to return from.

This is the whole conversation state; it is stored with the plan after every turn, so any
process can continue any conversation. It carries the :data:`~bot.flows.upgrade.VERSION` of
its shape; a row stored by an earlier version is upgraded as it is loaded.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from bot.flows.cursor import Cursor
from bot.flows.upgrade import VERSION, upgrade
from bot.i18n import DEFAULT_LANGUAGE

START_STATE = "welcome"


class Frame(BaseModel):
    """A question interrupted by a detour (/wijzig, /taal), to come back to afterwards."""

    model_config = ConfigDict(extra="forbid")

    state: str
    cursor: Cursor = Field(default_factory=Cursor)
    resume: bool = False  # on return, move on from ``state`` instead of asking it again


class Conversation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = VERSION  # the shape it is stored in (see bot.flows.upgrade)
    state: str = START_STATE
    cursor: Cursor = Field(default_factory=Cursor)
    stack: list[Frame] = Field(default_factory=list)
    step: int = 0
    lang: str = DEFAULT_LANGUAGE
    started: bool = False
    paused: bool = False
    seen: list[str] = Field(default_factory=list)  # questions whose intro was shown
    undelivered: bool = False  # the last reply never reached the user (see Turns.not_delivered)

    @model_validator(mode="before")
    @classmethod
    def _upgraded(cls, data: Any) -> Any:
        """A stored row without the current version is brought up to date first (one made
        in code passes typed values, which the upgrade leaves as they are)."""
        return upgrade(data) if isinstance(data, dict) else data

    @property
    def in_detour(self) -> bool:
        return bool(self.stack)

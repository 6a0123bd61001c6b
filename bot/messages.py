"""What flows receive and send: plain data that every chat adapter renders its own way.

Message text is the small HTML subset produced by :class:`bot.i18n.Translator` (user values
escaped); choice labels are plain text (buttons never parse markup). Choices carry stable
ids; ``step`` ties a choice to the question it belongs to, so an adapter can tell a click on
an old question from a click on the current one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    label: str
    selected: bool = False


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file to send along (the plan as PDF, the network picture as PNG)."""

    filename: str
    mime_type: str
    data: bytes
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Message:
    """One outgoing message. ``choices`` make it a question the user can answer by choosing.

    ``step`` is the question's number in this conversation (None for plain information, and
    for sharing buttons whose ids stand on their own, see :data:`SHARED_CHOICE`);
    ``replaces_previous`` asks the adapter to update the question shown last instead of
    sending a new one (used when a multi-choice question toggles a mark). ``invite`` is an
    invitation token: each adapter shows it its own way (a t.me link, a code to type).
    ``documents`` names files to make from the user's own plan (:data:`NETWORK_PICTURE`,
    :data:`PLAN_PDF`), or from a plan shared with them (a marker naming the link, see
    :func:`bot.documents.files.shared_document`):
    flows stay pure, and the files are made after the turn is stored. ``introduces_file``: the
    text only says what the one file is, so an adapter may show it as the file's caption.
    """

    text: str
    choices: tuple[Choice, ...] = ()
    step: int | None = None
    multi: bool = False
    replaces_previous: bool = False
    attachments: tuple[Attachment, ...] = field(default=())
    invite: str | None = None
    documents: tuple[str, ...] = ()
    introduces_file: bool = False


@dataclass(frozen=True, slots=True)
class Reply:
    """Everything one turn says back. ``chosen`` is the label of the button the input pressed,
    when that press counted; adapters use it to show the answer under the question.
    ``counted`` is False for a press that did nothing (an earlier or stale button).
    ``crisis``: the input signalled a risk and the reply holds the help lines."""

    messages: list[Message]
    chosen: str | None = None
    counted: bool = True
    crisis: bool = False


@dataclass(frozen=True, slots=True)
class Account:
    """What the chat itself says about the sender's account (on Telegram: first and last
    name and @username), not what they typed: shown to a youth before a begeleider who
    registered from this account sees their plan, so a stranger behind a forwarded link
    is noticed. A professional's personal data: sealed, never logged."""

    first_name: str = ""
    last_name: str = ""
    username: str = ""
    channel: str = "telegram"  # whose words these are: "telegram", or "terminal" (--als)


class InputKind(StrEnum):
    TEXT = "text"
    CHOICE = "choice"
    COMMAND = "command"
    MEDIA = "media"


@dataclass(frozen=True, slots=True)
class UserInput:
    """One thing the user did: typed text, pressed a button, sent a command or some media."""

    kind: InputKind
    text: str = ""
    choice: str = ""
    step: int | None = None
    command: str = ""
    argument: str = ""
    aside: str = ""  # text that came with media or an edit: checked for risk, never an answer
    account: Account | None = field(default=None, repr=False)  # who sent it, as the chat says

    @classmethod
    def typed(cls, text: str) -> UserInput:
        """Text as typed: a leading ``/word`` becomes a command, anything else stays text."""
        stripped = text.strip()
        if stripped.startswith("/") and len(stripped) > 1 and not stripped[1].isspace():
            head, _, rest = stripped[1:].partition(" ")
            return cls(InputKind.COMMAND, text=text, command=head.split("@")[0].lower(),
                       argument=rest.strip())
        return cls(InputKind.TEXT, text=text)

    @classmethod
    def clicked(cls, choice: str, step: int | None) -> UserInput:
        return cls(InputKind.CHOICE, choice=choice, step=step)

    @classmethod
    def media(cls, kind: str, caption: str = "") -> UserInput:
        """A sticker, photo, voice note, …: ``kind`` names it; the content is never read,
        a caption only for risk signals."""
        return cls(InputKind.MEDIA, text=kind, aside=caption)

    @classmethod
    def edited(cls, text: str = "") -> UserInput:
        """An earlier message was edited: the answer was given, so its new text is read only
        for risk signals."""
        return cls(InputKind.MEDIA, text=EDITED, aside=text)


EDITED = "edited"
NETWORK_PICTURE = "network"  # a document: the picture of the people around the youth
PLAN_PDF = "plan"  # a document: the whole plan as PDF
DATA_EXPORT = "export"  # a document: everything stored about the user (see bot.turns)
SHARED_CHOICE = "s:"
"""Prefix of choice ids that stand on their own (a JIM's answer, "Ik pak dit op"): they are
sent with ``step=None``, clicked as ``UserInput.clicked(id, None)`` and checked against
stored state, never against the current question."""


_NUMBER = re.compile(r"[0-9]{1,18}")


def read_number(text: str) -> int | None:
    """A whole number in ASCII digits (at most 18) from button data or a reference, else
    None: ``str.isdigit`` also accepts "²" (which ``int`` refuses) and other scripts' digits."""
    return int(text) if _NUMBER.fullmatch(text) else None

"""Messages as Telegram needs them: short notes joined to what follows, invite links, and
inline keyboards whose callback data ties each button to the question it belongs to.

Long texts are cut into pieces by :mod:`bot.adapters.telegram.splitting`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.adapters.telegram.splitting import TEXT_LIMIT, visible_length
from bot.messages import SHARED_CHOICE, Message, UserInput, read_number

CALLBACK_LIMIT = 64  # bytes, Telegram's limit for callback_data
Markup = dict[str, Any]
"""An inline keyboard as the Bot API takes it (JSON), not as PTB objects: building and
serialising those for every question cost more than the rest of sending it."""


def invite_link(bot_username: str, token: str) -> str:
    return f"https://t.me/{bot_username}?start={token}"


def joined(messages: list[Message]) -> list[Message]:
    """Short notes travel in one Telegram message with what follows them.

    "Fijn dat je er bent, Noor." and the next question arrive as one message: less clutter
    on a phone, and one request instead of two. Files and long texts stay separate.
    """
    result: list[Message] = []
    for message in messages:
        previous = result[-1] if result else None
        if (previous is not None and not previous.choices and not previous.attachments
                and not previous.invite and not message.replaces_previous
                and visible_length(previous.text) + visible_length(message.text) + 2
                <= TEXT_LIMIT):
            result[-1] = replace(message, text=f"{previous.text}\n\n{message.text}")
        else:
            result.append(message)
    return result


def callback_data(step: int | None, choice: str) -> str:
    """``step:choice`` for interview questions; sharing choices carry their own id."""
    data = choice if step is None and choice.startswith(SHARED_CHOICE) else f"{step}:{choice}"
    if len(data.encode()) > CALLBACK_LIMIT:
        raise ValueError(f"callback data over {CALLBACK_LIMIT} bytes: {data!r}")
    return data


def read_callback(data: str | None) -> UserInput | None:
    """The click as input; None for data that can't be ours (forged, or from another bot).

    Well-formed data is still only a claim: the engine checks the step against the current
    question, and the sharing service checks ``s:…`` choices against stored state.
    """
    if not data or len(data.encode()) > CALLBACK_LIMIT:
        return None
    if data.startswith(SHARED_CHOICE):
        return UserInput.clicked(data, None) if len(data) > len(SHARED_CHOICE) else None
    step, _, choice = data.partition(":")
    number = read_number(step)
    if number is None or not choice:
        return None
    return UserInput.clicked(choice, number)


def keyboard(message: Message) -> Markup | None:
    """One button per row: labels are sentences, and thumbs find full-width buttons."""
    shared = message.step is None and all(c.id.startswith(SHARED_CHOICE)
                                          for c in message.choices)
    if not message.choices or (message.step is None and not shared):
        return None
    return {"inline_keyboard": [[{"text": choice.label,
                                  "callback_data": callback_data(message.step, choice.id)}]
                                for choice in message.choices]}

"""Messages as Telegram needs them: HTML text in pieces of at most 4,096 characters, and
inline keyboards whose callback data ties each button to the question it belongs to."""

from __future__ import annotations

from dataclasses import replace

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.flows.messages import SHARED_CHOICE, Message, UserInput

TEXT_LIMIT = 4096
CALLBACK_LIMIT = 64  # bytes, Telegram's limit for callback_data


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Cut long text at paragraph boundaries, then at line ends, then at spaces.

    Tags in our text never span lines, so cutting between lines keeps the markup whole.
    """
    pieces: list[str] = []
    current = ""
    for paragraph in text.split("\n\n"):
        for part in _fit(paragraph, limit):
            joined = f"{current}\n\n{part}" if current else part
            if len(joined) <= limit:
                current = joined
            else:
                pieces.append(current)
                current = part
    if current or not pieces:
        pieces.append(current)
    return pieces


def _fit(paragraph: str, limit: int) -> list[str]:
    if len(paragraph) <= limit:
        return [paragraph]
    parts: list[str] = []
    current = ""
    for line in paragraph.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            parts.append(line[:cut])
            line = line[cut:].lstrip()
        joined = f"{current}\n{line}" if current else line
        if len(joined) <= limit:
            current = joined
        else:
            parts.append(current)
            current = line
    parts.append(current)
    return [p for p in parts if p]


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
                and len(previous.text) + len(message.text) + 2 <= TEXT_LIMIT):
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


def read_callback(data: str | None) -> UserInput:
    """The click as input. Data that isn't ours becomes a click on no question (ignored).

    Sharing choices (``s:…``) are checked against stored state by the sharing service.
    """
    if data and data.startswith(SHARED_CHOICE):
        return UserInput.clicked(data, None)
    step, _, choice = (data or "").partition(":")
    if not step.isdigit() or not choice:
        return UserInput.clicked("", None)
    return UserInput.clicked(choice, int(step))


def keyboard(message: Message) -> InlineKeyboardMarkup | None:
    """One button per row: labels are sentences, and thumbs find full-width buttons."""
    shared = message.step is None and all(c.id.startswith(SHARED_CHOICE)
                                          for c in message.choices)
    if not message.choices or (message.step is None and not shared):
        return None
    return InlineKeyboardMarkup([[InlineKeyboardButton(choice.label,
                                                       callback_data=callback_data(message.step,
                                                                                   choice.id))]
                                 for choice in message.choices])

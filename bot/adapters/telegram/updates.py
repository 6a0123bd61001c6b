"""What an update says about where it comes from: the chat kind, the client's language, the
sender's account, and which update it is."""

from __future__ import annotations

from telegram import Chat, Update

from bot.messages import Account
from bot.storage.handled import UpdateRef

NAME_LIMIT = 64  # Telegram's own limit for first and last names and usernames


def update_ref(update: Update) -> UpdateRef:
    """Which update this is, for :meth:`bot.turns.Turns.seen` and the turn's mark."""
    return UpdateRef(update.get_bot().id, update.update_id)


def language_of(update: Update) -> str:
    code = (update.effective_user.language_code if update.effective_user else None) or ""
    return "en" if code.startswith("en") else "nl"


def in_private_chat(update: Update) -> bool:
    """From a private chat with the bot: the only place it holds conversations."""
    chat = update.effective_chat
    return chat is not None and chat.type == Chat.PRIVATE


def account_of(update: Update) -> Account | None:
    """What Telegram says about the sender: their names and @username, as they set them."""
    user = update.effective_user
    if user is None:
        return None
    return Account(first_name=user.first_name[:NAME_LIMIT],
                   last_name=(user.last_name or "")[:NAME_LIMIT],
                   username=(user.username or "")[:NAME_LIMIT])

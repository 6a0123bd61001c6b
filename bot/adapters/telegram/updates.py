"""What an update says about where it comes from: the chat kind and the client's language."""

from __future__ import annotations

from telegram import Chat, Update


def language_of(update: Update) -> str:
    code = (update.effective_user.language_code if update.effective_user else None) or ""
    return "en" if code.startswith("en") else "nl"


def in_private_chat(update: Update) -> bool:
    """From a private chat with the bot: the only place it holds conversations."""
    chat = update.effective_chat
    return chat is not None and chat.type == Chat.PRIVATE

"""The Telegram adapter (python-telegram-bot): updates in, rendered messages out.

The conversation itself lives in the database, never in PTB's ConversationHandler or
persistence, so several bot processes can serve the same users.
"""

CHANNEL = "telegram"  # how Telegram users are told apart from terminal users in storage

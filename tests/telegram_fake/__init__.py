"""A local stand-in for Telegram's Bot API that validates requests the way Telegram does."""

"""Settings from the environment (prefix ``TOEKOMSTPLAN_``) or a ``.env`` file."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.storage.database import sqlite_url


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TOEKOMSTPLAN_", env_file=".env",
                                      extra="ignore")

    data_dir: Path = Path("data")
    database_url: str | None = None
    encryption_key: str | None = None  # Fernet keys, comma-separated, newest first
    log_level: str = "INFO"  # of our own code; libraries stay at WARNING (see bot/logs.py)

    # Telegram
    bot_token: str | None = None
    bot_api_url: str = "https://api.telegram.org/bot"
    poll_timeout: int = 10  # seconds one long poll may wait for updates
    # Messages per second the bot sends unasked, across all chats and processes (Telegram's
    # broadcast limit); replies are limited per chat instead (bot/adapters/telegram/budget.py).
    # 0 = no throttle at all, e.g. for load tests. A 429 with retry_after is honoured always.
    telegram_max_rate: float = 30
    # Messages and button presses one person may send within 10 seconds; the rest is dropped
    # unread (see bot/adapters/telegram/flood.py). People never come near it; a load test may.
    flood_limit: int = 20
    webhook_url: str | None = None  # set it to receive updates by webhook instead of polling
    webhook_listen: str = "127.0.0.1"  # behind the TLS proxy Telegram calls
    webhook_port: int = 8443
    webhook_path: str = "telegram"
    webhook_secret: str | None = None  # checked on every webhook call; random when unset
    # /healthz and /metrics in polling mode (webhook mode serves them on the webhook port)
    metrics_port: int | None = None  # off unless set
    metrics_listen: str = "127.0.0.1"

    @property
    def key_file(self) -> Path:
        """Where the terminal chat keeps its own key when no key is configured."""
        return self.data_dir.resolve() / "encryption.key"

    def resolved_database_url(self) -> str:
        """The configured URL, or an SQLite file in the data directory."""
        return self.database_url or sqlite_url(self.data_dir.resolve() / "toekomstplan.db")

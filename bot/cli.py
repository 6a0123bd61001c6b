"""The ``toekomstplan`` command: ``chat`` in the terminal, ``run`` the Telegram bot, and the
operator's commands (keys, ``purge``, ``backup``)."""

from __future__ import annotations

import argparse
import asyncio
import gc
import re
import signal
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.adapters import terminal
from bot.config import Settings
from bot.logs import setup_logging
from bot.purge import purge_inactive
from bot.safety.detection import warm_up
from bot.storage.backup import NoDatabase, backup_sqlite, sqlite_file
from bot.storage.database import open_store
from bot.storage.keys import reseal_everything
from bot.storage.locks import Busy, hold
from bot.storage.sealing import MalformedKey, Sealer, WrongKey, ensure_key_file, new_key
from bot.storage.unit_of_work import Store
from bot.turns import Turns

ENV_KEY = "TOEKOMSTPLAN_ENCRYPTION_KEY"


class Refused(Exception):
    """A command can't go on; the message is the one line the operator sees."""


def opened(settings: Settings, keys: str, source: str) -> Store:
    """The store, or one clear line when the key is not a key or not the right one."""
    try:
        return open_store(settings.resolved_database_url(), keys)
    except MalformedKey:
        raise Refused(f"{source} is not a valid encryption key "
                      "(make one with: toekomstplan new-key)") from None
    except WrongKey:
        raise Refused(f"{source} does not open the stored data; "
                      "use the key it was stored with") from None


BUSY = {
    False: "the encryption key is being rotated (toekomstplan rotate-key); "
           "start again when it is done",
    True: "the database is in use (toekomstplan run, chat or purge); "
          "stop them first, then rotate the key",
}


@contextmanager
def database_held(settings: Settings, alone: bool = False) -> Iterator[None]:
    """The database held for this command: shared by run, chat and purge, or ``alone``
    for rotate-key (see :mod:`bot.storage.locks`)."""
    try:
        held = hold(settings.resolved_database_url(), alone)
    except Busy:
        raise Refused(BUSY[alone]) from None
    try:
        yield
    finally:
        held.release()


def local_store(settings: Settings) -> Store:
    """The configured key, or (for local use) a key file in the data directory."""
    if settings.encryption_key:
        return opened(settings, settings.encryption_key, ENV_KEY)
    keys, created = ensure_key_file(settings.key_file)
    if created:
        print(f"toekomstplan: made an encryption key in {settings.key_file} "
              "(keep it: without it the data can't be read)", file=sys.stderr)
    return opened(settings, keys, str(settings.key_file))


def chat(args: argparse.Namespace) -> int:
    settings = Settings()
    with database_held(settings):
        return _chat(args, settings)


def _chat(args: argparse.Namespace, settings: Settings) -> int:
    turns = Turns(local_store(settings))
    try:
        terminal.run(turns, user=args.als, stdin=sys.stdin, stdout=sys.stdout,
                     files_dir=settings.data_dir.resolve() / "bestanden", language=args.taal)
    except KeyboardInterrupt:
        sys.stdout.write("\n")
    return 0


def fail(message: str) -> int:
    print(f"toekomstplan: {message}", file=sys.stderr)
    return 2


SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what Telegram accepts as a secret_token


def run(args: argparse.Namespace) -> int:
    settings = Settings()
    if not settings.bot_token:
        return fail("set TOEKOMSTPLAN_BOT_TOKEN to the token BotFather gave you")
    if not settings.encryption_key:
        return fail(f"set {ENV_KEY} (make one with: toekomstplan new-key)")
    if settings.webhook_secret and not SECRET_TOKEN.fullmatch(settings.webhook_secret):
        return fail("TOEKOMSTPLAN_WEBHOOK_SECRET may hold only A-Z, a-z, 0-9, _ and - "
                    "(1 to 256 characters)")
    setup_logging(settings.log_level.upper())  # libraries at WARNING: no updates, no rows
    with database_held(settings):  # for as long as the bot runs: no rotate-key meanwhile
        return _run(settings)


def _out_of_the_collectors_way() -> None:
    """What a bot loads at start (the code, the lemma tables, the catalogs) lives as long as
    the process: frozen, Python's garbage collector no longer walks it. A full collection
    walked it all, 120–220 ms in which no chat moved (measured under load: the slowest turns
    were the ones it caught); now it walks only what came since."""
    gc.collect()
    gc.freeze()


def _run(settings: Settings) -> int:
    from telegram.error import InvalidToken, NetworkError

    from bot.adapters.telegram.app import AnotherPoller, build_bot

    store = opened(settings, settings.encryption_key, ENV_KEY)
    warm_up()
    _out_of_the_collectors_way()
    bot = build_bot(settings, Turns(store))

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        await bot.serve(settings, stop, draw_ahead=True)

    try:
        asyncio.run(main())
    except InvalidToken:
        return fail("Telegram rejected TOEKOMSTPLAN_BOT_TOKEN; check the token from BotFather")
    except AnotherPoller:
        return fail("another process is polling with this bot token, so this one stopped; "
                    "polling runs in one process only (for several, use webhook mode)")
    except NetworkError as error:
        return fail(f"cannot reach the Bot API at TOEKOMSTPLAN_BOT_API_URL "
                    f"({type(error).__name__})")
    return 0


def print_new_key(args: argparse.Namespace) -> int:
    print(new_key())
    return 0


def rotate_key(args: argparse.Namespace) -> int:
    """Re-seal everything under the newest key, and hash every user again with it.

    With TOEKOMSTPLAN_ENCRYPTION_KEY: put the new key first ("new,old"), run this, then drop
    the old key. With the local key file: a new key is made and the file updated.
    Refused while a bot, a chat or a purge holds the database.
    """
    settings = Settings()
    with database_held(settings, alone=True):
        return _rotate_key(settings)


def _rotate_key(settings: Settings) -> int:
    if settings.encryption_key:
        keys, source = settings.encryption_key, ENV_KEY
    elif settings.key_file.exists():
        keys, source = settings.key_file.read_text().strip(), str(settings.key_file)
    else:
        return fail(f"no key to rotate: set {ENV_KEY}")
    store = opened(settings, keys, source)  # the old key must open the data first
    if not settings.encryption_key:
        fresh = new_key()
        keys = f"{fresh},{keys}"
        settings.key_file.write_text(keys + "\n")  # both, until every value is re-sealed
        store = replace(store, sealer=Sealer(keys))
    with store.engine.begin() as connection:
        count = reseal_everything(connection, store.sealer)
    if not settings.encryption_key:
        settings.key_file.write_text(f"{fresh}\n")
    store.engine.dispose()
    print(f"re-sealed {count} stored values under the newest key")
    return 0


def purge(args: argparse.Namespace) -> int:
    """Remove the data of everyone inactive for ``--inactive-days`` days (default 365)."""
    settings = Settings()
    with database_held(settings):
        return _purge(args, settings)


def _purge(args: argparse.Namespace, settings: Settings) -> int:
    store = local_store(settings)
    removed = purge_inactive(store, timedelta(days=args.inactive_days), datetime.now(UTC))
    store.engine.dispose()
    print(f"removed {removed} inactive users and everything stored about them")
    return 0


def backup(args: argparse.Namespace) -> int:
    """Copy the SQLite database to FILE, also while the bot runs; PostgreSQL has pg_dump."""
    database = sqlite_file(Settings().resolved_database_url())
    if database is None:
        raise Refused("backup copies an SQLite database; for PostgreSQL use pg_dump "
                      "(see README, Backups)")
    try:
        backup_sqlite(database, args.file)
    except NoDatabase:
        raise Refused(f"no database at {database} (check TOEKOMSTPLAN_DATA_DIR)") from None
    except (OSError, sqlite3.Error) as error:
        raise Refused(f"backup to {args.file} failed: {error}") from None
    print(f"copied the database to {args.file}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="toekomstplan",
                                     description="Make your own future plan in conversation.")
    commands = parser.add_subparsers(dest="command", required=True)
    chat_parser = commands.add_parser("chat", help="chat in this terminal (local database)")
    chat_parser.add_argument("--als", default="jij", metavar="NAAM",
                             help="who is chatting (each name has its own conversation)")
    chat_parser.add_argument("--taal", choices=["nl", "en"], default=None,
                             help="language on first start (later: /taal)")
    chat_parser.set_defaults(handler=chat)
    run_parser = commands.add_parser("run", help="run the Telegram bot (TOEKOMSTPLAN_BOT_TOKEN)")
    run_parser.set_defaults(handler=run)
    purge_parser = commands.add_parser("purge", help="remove data of long-inactive users")
    purge_parser.add_argument("--inactive-days", type=int, default=365, metavar="N")
    purge_parser.set_defaults(handler=purge)
    backup_parser = commands.add_parser(
        "backup", help="copy the SQLite database to FILE, also while the bot runs")
    backup_parser.add_argument("file", type=Path, metavar="FILE")
    backup_parser.set_defaults(handler=backup)
    commands.add_parser("new-key", help="print a new encryption key").set_defaults(
        handler=print_new_key)
    commands.add_parser("rotate-key", help="re-seal all stored data under the newest key"
                        ).set_defaults(handler=rotate_key)
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except Refused as refused:
        return fail(str(refused))


if __name__ == "__main__":
    sys.exit(main())

"""Encryption at rest: nothing a youth typed can be read from the database without the key."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import String, Text, insert, select

from bot.messages import Account
from bot.storage.database import open_store
from bot.storage.keys import reseal_everything
from bot.storage.sealing import WrongKey, new_key
from bot.storage.tables import SEALED, metadata, users
from bot.storage.unit_of_work import Store, UnitOfWork
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.conftest import TEST_KEY
from tests.test_interview import complete_interview

TYPED = ["Noor", "Sanne", "Ahmed", "Ruzie in huis", "Een eigen kamer", "Hulp met mijn post",
         "Ik moet morgen mijn huur betalen", "Schulden", "Op mezelf wonen"]
YOUTH_ID, PRO_ID = "NoorJansen", "MariekeBakker"  # as in: toekomstplan chat --als NoorJansen
PRO_TYPED = ["Marieke", "Stichting Horizon", "woonbegeleider"]
SAFETY_TYPED = ["Ik trek me terug op mijn kamer", "Hardlopen in het park",
                "Tante Fatima bellen"]
EVERYTHING_TYPED = [*TYPED, *PRO_TYPED, *SAFETY_TYPED, YOUTH_ID, PRO_ID, "ik wil dood"]


def fill_every_table(turns: Turns) -> str:
    """A professional and a youth in the terminal, linked; a whole interview, a crisis with
    a veiligheidsplan, a JIM invited (the invitation's token is returned); the
    professional's messages still waiting."""
    pro = Youth(turns, PRO_ID, channel="terminal",
                account=Account("Marieke", channel="terminal"))
    pro.says("/begeleider")
    for answer in PRO_TYPED:
        pro.says(answer)
    noor = Youth(turns, YOUTH_ID, channel="terminal")
    noor.says(f"/start {pro.invite}")
    noor.clicks("Ja, dat wil ik")
    complete_interview(noor)
    noor.says("ik wil dood")
    noor.clicks("Ja")  # safe now
    noor.clicks("Nee")  # nobody is told
    noor.clicks("Ja, graag")
    for answer in SAFETY_TYPED:
        noor.says(answer)
    noor.clicks("Verder met mijn plan")
    noor.says("/delen")
    noor.clicks("Ahmed uitnodigen als JIM")
    return noor.invite


def raw_contents(store: Store) -> str:
    """Everything the database holds, as text: the files for SQLite, a dump for PostgreSQL."""
    url = store.engine.url
    if store.engine.dialect.name == "sqlite":
        path = Path(url.database)
        return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*")).decode(
            "utf-8", errors="replace")
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not on PATH: can't dump the PostgreSQL test schema")
    schema = str(url.query["options"]).removeprefix("-csearch_path=")
    server = url.set(drivername="postgresql", query={}).render_as_string(hide_password=False)
    return subprocess.run(["pg_dump", f"--dbname={server}", f"--schema={schema}"],
                          check=True, capture_output=True, text=True, timeout=60).stdout


def readable(typed: str, raw: str) -> bool:
    """Whether ``typed`` stands in ``raw`` as itself, not as a chance run of letters inside
    sealed (base64) text."""
    return re.search(rf"(?<![A-Za-z0-9_=-]){re.escape(typed)}(?![A-Za-z0-9_=-])",
                     raw) is not None


def test_nothing_typed_is_readable_in_the_raw_database(store: Store) -> None:
    fill_every_table(Turns(store))
    raw = raw_contents(store)
    assert raw.count("gAAAAA") > 50  # the sealed rows are there: conversations, outbox, ...
    for typed in EVERYTHING_TYPED:
        assert not readable(typed, raw), f"{typed!r} readable in the raw database"


def sealed_values(store: Store) -> dict[str, list[str]]:
    with store.engine.connect() as connection:
        return {f"{c.table.name}.{c.name}": list(connection.execute(
            select(c).where(c.is_not(None))).scalars()) for c in SEALED}


def test_every_sealed_value_is_in_a_known_sealed_column(store: Store) -> None:
    """``rotate-key`` re-seals the columns in SEALED: no other column may hold sealed text."""
    fill_every_table(Turns(store))
    with store.engine.connect() as connection:
        for table in metadata.sorted_tables:
            for column in table.columns:
                if column in SEALED or not isinstance(column.type, String | Text):
                    continue
                values = connection.execute(select(column)).scalars()
                assert not any(str(v).startswith("gAAAAA") for v in values), column


def test_rotation_reseals_every_sealed_column(store: Store, database_url: str) -> None:
    fill_every_table(Turns(store))
    fresh = new_key()
    both = open_store(database_url, f"{fresh},{TEST_KEY}")
    assert Youth(Turns(both), YOUTH_ID, channel="terminal").plan.name == "Noor"  # found
    with both.engine.begin() as connection:
        assert reseal_everything(connection, both.sealer) >= 10
    only_new = open_store(database_url, fresh)
    sealed = sealed_values(only_new)
    for column, values in sealed.items():
        assert values, f"the scenario left {column} empty"
        for value in values:
            only_new.sealer.open(value)  # InvalidToken if any value was left behind
    turns = Turns(only_new)
    assert Youth(turns, YOUTH_ID, channel="terminal").plan.name == "Noor"
    professional = Youth(turns, PRO_ID, channel="terminal")
    professional.says("/begeleider")  # reads the sealed profile
    assert professional.invite
    assert any("Noor" in m.text for m in professional.inbox())  # the sealed outbox
    with UnitOfWork(only_new) as uow:
        assert len(uow.users.inactive(datetime.now(UTC) + timedelta(days=1))) == 2
    with pytest.raises(WrongKey):
        open_store(database_url, TEST_KEY)
    for opened in (both, only_new):
        opened.engine.dispose()


def test_plain_ids_stored_before_are_hashed_and_sealed_when_the_store_opens(
        database_url: str) -> None:
    first = open_store(database_url, TEST_KEY)
    with first.engine.begin() as connection:  # a user as stored before migration 0004
        connection.execute(insert(users).values(channel="terminal", external_id=YOUTH_ID,
                                                created_at=datetime.now(UTC)))
    first.engine.dispose()
    reopened = open_store(database_url, TEST_KEY)
    with reopened.engine.connect() as connection:
        row = connection.execute(select(users)).one()
    assert row.external_id != YOUTH_ID and reopened.sealer.open(row.address) == YOUTH_ID
    with UnitOfWork(reopened) as uow:
        assert uow.users.find("terminal", YOUTH_ID) == row.id
    reopened.engine.dispose()


def cli(args: list[str], data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TOEKOMSTPLAN_")}
    environment.update(TOEKOMSTPLAN_DATA_DIR=str(data_dir), **env)
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], input="", text=True,
                          capture_output=True, env=environment, timeout=60)


def test_terminal_chat_makes_a_private_key_file_and_says_where(tmp_path: Path) -> None:
    first = cli(["chat", "--als", YOUTH_ID], tmp_path)
    key_file = tmp_path / "encryption.key"
    assert str(key_file) in first.stderr
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    second = cli(["chat", "--als", YOUTH_ID], tmp_path)
    assert "encryption.key" not in second.stderr  # made once, then reused
    old_key = key_file.read_text()
    rotated = cli(["rotate-key"], tmp_path)
    assert "re-sealed 2 stored values under the newest key" in rotated.stdout  # plan, id
    assert key_file.read_text() != old_key and "," not in key_file.read_text()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert "Welkom terug" in cli(["chat", "--als", YOUTH_ID], tmp_path).stdout  # found, read
    database = b"".join(path.read_bytes() for path in tmp_path.glob("toekomstplan.db*"))
    assert YOUTH_ID.encode() not in database


NOT_A_KEY = ("toekomstplan: {source} is not a valid encryption key "
             "(make one with: toekomstplan new-key)")
NOT_THE_KEY = ("toekomstplan: {source} does not open the stored data; "
               "use the key it was stored with")
COMMANDS = [["chat"], ["purge"], ["rotate-key"], ["run"]]


def one_clear_line(done: subprocess.CompletedProcess[str], line: str) -> None:
    assert done.returncode == 2
    assert done.stderr.strip() == line
    assert done.stdout == ""


@pytest.mark.parametrize("command", COMMANDS)
def test_a_malformed_key_is_one_clear_line(tmp_path: Path, command: list[str]) -> None:
    done = cli(command, tmp_path, TOEKOMSTPLAN_ENCRYPTION_KEY="geheim123",
               TOEKOMSTPLAN_BOT_TOKEN="123:abc")
    one_clear_line(done, NOT_A_KEY.format(source="TOEKOMSTPLAN_ENCRYPTION_KEY"))


@pytest.mark.parametrize("command", COMMANDS)
def test_a_wrong_key_is_one_clear_line(tmp_path: Path, command: list[str]) -> None:
    assert cli(["chat"], tmp_path).returncode == 0  # data sealed with the local key file
    done = cli(command, tmp_path, TOEKOMSTPLAN_ENCRYPTION_KEY=new_key(),
               TOEKOMSTPLAN_BOT_TOKEN="123:abc")
    one_clear_line(done, NOT_THE_KEY.format(source="TOEKOMSTPLAN_ENCRYPTION_KEY"))


def test_a_broken_key_file_is_named(tmp_path: Path) -> None:
    assert cli(["chat"], tmp_path).returncode == 0
    key_file = tmp_path / "encryption.key"
    key_file.write_text(new_key())
    one_clear_line(cli(["chat"], tmp_path), NOT_THE_KEY.format(source=key_file))
    key_file.write_text("oeps")
    for command in (["chat"], ["rotate-key"], ["purge"]):
        one_clear_line(cli(command, tmp_path), NOT_A_KEY.format(source=key_file))
    assert key_file.read_text() == "oeps"  # rotate-key did not touch a key it can't use


def test_the_bot_refuses_to_start_without_a_key(tmp_path: Path) -> None:
    done = cli(["run"], tmp_path, TOEKOMSTPLAN_BOT_TOKEN="123:abc")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "toekomstplan: set TOEKOMSTPLAN_ENCRYPTION_KEY (make one with: toekomstplan new-key)")
    assert "Traceback" not in done.stderr
    assert cli(["run"], tmp_path).stderr.startswith("toekomstplan: set TOEKOMSTPLAN_BOT_TOKEN")


def test_a_rejected_token_is_one_clear_line(tmp_path: Path) -> None:
    import asyncio

    from tests.telegram_fake.server import FakeTelegram

    async def attempt() -> subprocess.CompletedProcess[str]:
        async with FakeTelegram() as tg:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "run", stderr=asyncio.subprocess.PIPE,
                env={**{k: v for k, v in os.environ.items() if not k.startswith("TOEKOMSTPLAN")},
                     "TOEKOMSTPLAN_DATA_DIR": str(tmp_path), "TOEKOMSTPLAN_BOT_TOKEN": "1:wrong",
                     "TOEKOMSTPLAN_BOT_API_URL": tg.base_url,
                     "TOEKOMSTPLAN_ENCRYPTION_KEY": TEST_KEY})
            _, stderr = await asyncio.wait_for(process.communicate(), 60)
            return subprocess.CompletedProcess([], process.returncode or 0, "", stderr.decode())

    done = asyncio.run(attempt())
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        "toekomstplan: Telegram rejected TOEKOMSTPLAN_BOT_TOKEN; check the token from BotFather")
    assert "Traceback" not in done.stderr

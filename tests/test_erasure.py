"""Erased means gone: after /verwijder or ``purge`` nothing of the youth opens from the raw
database (SQLite's file and WAL; a ``pg_dump`` and every tuple PostgreSQL's pages still hold),
not even with the key, and nothing of them is left in other people's conversations."""

from __future__ import annotations

import base64
import json
import re
import sqlite3
import stat
import threading
from collections.abc import Iterator
from contextlib import suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bot.messages import UserInput
from bot.purge import purge_inactive
from bot.storage.database import open_store, sqlite_url
from bot.storage.repositories import Stored
from bot.storage.tables import metadata
from bot.storage.unit_of_work import Store, UnitOfWork
from bot.turns import Turns
from tests.chat_driver import Youth
from tests.conftest import TEST_KEY, postgres_schema_url
from tests.test_data_rights import Clock
from tests.test_sealing import PRO_ID, SAFETY_TYPED, YOUTH_ID, fill_every_table, raw_contents
from tests.test_sharing import linked_jim
from tests.test_sharing_terminal import chat_as
from tests.test_terminal_chat import TYPED_INTERVIEW

JIM_ID, OTHER_ID = "jim-7", "YaraDeVries"
# Noor's own words (name, answers, her chat id); "Ahmed" and "Sanne" are people in her plan
OF_NOOR = ["Noor", YOUTH_ID, "Ruzie in huis", "Een eigen kamer", "Hulp met mijn post",
           "Ik moet morgen mijn huur betalen", "Ahmed", "Sanne", *SAFETY_TYPED]
NOOR_AGE = re.compile(r'"age":\s*17\b')
OF_YARA = ["Yara", "Karim", OTHER_ID]
FERNET_KEY = re.compile(r"[A-Za-z0-9_-]{43}=")
BASE64_RUN = re.compile(rb"[A-Za-z0-9_-]{24,}")


# --- reading sealed values back, as someone with the key and the raw files could ------------

def _cbc_blocks(data: bytes, key: str) -> list[str]:
    """Every run of AES-CBC blocks in ``data`` opened with the key's encryption half, at each
    of the 16 byte alignments. Fernet's HMAC is not checked: a piece of a token (an overflow
    page, a TOAST chunk, a freed cell) opens as well as a whole one."""
    decrypt = Cipher(algorithms.AES(base64.urlsafe_b64decode(key)[16:]), modes.ECB())
    opened = []
    for shift in range(16):
        body = data[shift:]
        body = body[:len(body) // 16 * 16]
        if len(body) < 32:
            break
        blocks = decrypt.decryptor().update(body)
        plain = (int.from_bytes(blocks[16:], "big") ^ int.from_bytes(body[:-16], "big")
                 ).to_bytes(len(body) - 16, "big")
        opened.append(plain.decode("latin-1"))
    return opened


def opened_everywhere(raw: bytes, keys: list[str]) -> str:
    """Everything in ``raw`` that opens with ``keys`` (and with any key found inside what
    opened): whole tokens and pieces of them, at every base64 and block alignment."""
    found: list[str] = []
    tried: set[str] = set()
    while keys:
        key = keys.pop()
        tried.add(key)
        for run in BASE64_RUN.findall(raw):
            for offset in range(4):
                piece = run[offset:]
                piece = piece[:len(piece) // 4 * 4]
                found.extend(_cbc_blocks(base64.urlsafe_b64decode(piece), key))
        keys = [k for k in {*FERNET_KEY.findall("\n".join(found))} - tried]
    return "\n".join(found)


def postgres_tuples(store: Store) -> bytes:
    """The data of every tuple PostgreSQL's pages hold for our tables and their TOAST
    tables, dead ones included (which no query returns): what VACUUM must clean."""
    admin = store.engine.execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        with suppress(DBAPIError):  # made at the same moment by a parallel test
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS pageinspect SCHEMA public"))
        relations = []
        for table in metadata.sorted_tables:
            toast = connection.execute(text(
                "SELECT reltoastrelid::regclass::text FROM pg_class WHERE oid = "
                "CAST(:name AS regclass)"), {"name": table.name}).scalar_one()
            relations += [table.name, toast]
        data = []
        for relation in relations:
            data += connection.execute(text(
                "SELECT item.t_data FROM generate_series(0, pg_relation_size(CAST(:r AS "
                "regclass)) / current_setting('block_size')::int - 1) AS block, LATERAL "
                "public.heap_page_items(public.get_raw_page(CAST(:r AS text), block::int)) "
                "AS item WHERE item.t_data IS NOT NULL"), {"r": relation}).scalars().all()
    return b"\n".join(bytes(d) for d in data)


def raw_database(store: Store) -> bytes:
    if store.engine.dialect.name == "sqlite":
        path = Path(str(store.engine.url.database))
        return b"".join(p.read_bytes() for p in sorted(path.parent.glob(path.name + "*")))
    tuples = postgres_tuples(store)  # first: reading the rows may prune dead tuples
    return tuples + b"\n" + raw_contents(store).encode()


# --- the scenario ---------------------------------------------------------------------------

def yara_starts(turns: Turns) -> Youth:
    yara = Youth(turns, OTHER_ID, channel="terminal")
    yara.says("/start")
    yara.clicks("Oké, we beginnen")
    yara.says("Yara")
    yara.says("19")
    yara.clicks("Gaat wel")
    yara.clicks("Nee")
    yara.says("mijn broer Karim")
    return yara


def noor_erased(store: Store, how: str) -> tuple[Youth, Youth]:
    """Noor linked to Marieke (begeleider) and Ahmed (JIM, who is writing her a note when
    she goes), then erased by /verwijder or ``purge``; Yara has a plan of her own.
    Returns Ahmed and Yara."""
    clock = Clock(datetime.now(UTC) - timedelta(days=400))
    turns = Turns(store, clock=clock)
    token = fill_every_table(turns)
    ahmed = Youth(turns, JIM_ID, channel="terminal")
    ahmed.says(f"/start {token}")
    assert "Noor vraagt of jij JIM wilt zijn" in ahmed.asked
    ahmed.clicks("Ja, ik wil JIM zijn")
    clock.now = datetime.now(UTC)
    ahmed.says("/bericht")
    assert "Wat wil je tegen Noor zeggen?" in ahmed.asked
    yara = yara_starts(turns)
    Youth(turns, PRO_ID, channel="terminal").says("/help")  # active today: she stays
    if how == "verwijder":
        noor = Youth(turns, YOUTH_ID, channel="terminal")
        noor.says("/verwijder")
        noor.clicks("Ja, wis alles")
        assert "Alles is gewist" in noor.text
    else:
        assert purge_inactive(store, timedelta(days=365), clock.now) == 1
    return ahmed, yara


def nothing_of_noor(found: str) -> None:
    for typed in OF_NOOR:
        assert typed not in found, f"{typed!r} of the erased youth can still be read"
    assert not NOOR_AGE.search(found), "the erased youth's age can still be read"


@pytest.mark.parametrize("how", ["verwijder", "purge"])
def test_nothing_of_the_erased_youth_opens_from_the_raw_database_even_with_the_key(
        store: Store, how: str) -> None:
    noor_erased(store, how)
    raw = raw_database(store)
    found = opened_everywhere(raw, [TEST_KEY])
    for typed in OF_YARA:  # the reader does read what is there
        assert typed in found
    nothing_of_noor(found)
    nothing_of_noor(raw.decode("latin-1"))


def test_the_reader_finds_the_youth_before_she_is_erased(store: Store) -> None:
    """The check above is not blind: the same reader finds all of Noor while she is there."""
    fill_every_table(Turns(store))
    found = opened_everywhere(raw_database(store), [TEST_KEY])
    for typed in OF_NOOR:
        assert typed in found
    assert NOOR_AGE.search(found)


@pytest.mark.parametrize("how", ["verwijder", "purge"])
def test_a_jim_keeps_nothing_of_the_erased_youth_in_undo_steps_or_export(
        store: Store, how: str) -> None:
    ahmed, _ = noor_erased(store, how)
    export = ahmed.turns.handle("terminal", JIM_ID, UserInput.typed("/mijngegevens"))
    document = export.messages[0].attachments[0].data.decode()
    nothing_of_noor(document)
    assert json.loads(document)["plans_shared_with_you"] == []
    assert ahmed.stored()[0].state == "member_home"  # not left writing a note to nobody
    ahmed.says("Sterkte morgen!")
    assert "Noor" not in ahmed.text
    ahmed.says("/terug")
    assert "Noor" not in ahmed.text
    nothing_of_noor(json.dumps([s.document for s in _undo_steps(ahmed)]))


def _undo_steps(youth: Youth) -> list[Stored]:
    with UnitOfWork(youth.turns.store) as uow:
        user_id = uow.users.find(youth.channel, youth.user)
        assert user_id is not None
        return uow.conversations.undo_steps(user_id)


def test_a_notice_naming_the_youth_still_waiting_for_someone_goes_with_her(
        store: Store) -> None:
    """Stopping sharing ends the link at once; the notice to the former JIM ("Noor deelt het
    plan niet meer met je") names Noor without a link, and must still go when she does."""
    noor, ahmed = linked_jim(Turns(store))
    ahmed.inbox()
    noor.says("/delen")
    noor.clicks("Stop delen met Ahmed")
    noor.says("/verwijder")
    noor.clicks("Ja, wis alles")
    assert not any("Noor" in message.text for message in ahmed.inbox())


def test_a_call_for_contact_still_waiting_for_the_begeleider_goes_with_the_youth(
        store: Store) -> None:
    turns = Turns(store)
    fill_every_table(turns)
    marieke = Youth(turns, PRO_ID, channel="terminal")
    marieke.inbox()
    noor = Youth(turns, YOUTH_ID, channel="terminal")
    noor.says("ik wil dood")
    noor.clicks("Ja")  # Marieke is asked to make contact now
    noor.says("/verwijder")
    noor.clicks("Ja, wis alles")
    assert [m.text for m in marieke.inbox()] == [
        "Een plan dat met je gedeeld was, is gewist. Je ziet het niet meer."]


def test_a_database_file_from_before_secure_delete_is_rewritten_once(tmp_path: Path) -> None:
    path = tmp_path / "toekomstplan.db"
    old = sqlite3.connect(path)  # as an earlier version left it: a row deleted, not zeroed
    old.execute("PRAGMA secure_delete=OFF")  # SQLite's own default (some builds differ)
    old.execute("CREATE TABLE notes (text TEXT)")
    old.execute("INSERT INTO notes VALUES ('Noor woont bij haar tante')")
    old.commit()
    old.execute("DELETE FROM notes")
    old.commit()
    old.close()
    assert b"Noor woont" in path.read_bytes()
    store = open_store(sqlite_url(path), TEST_KEY)
    with store.engine.connect() as connection:  # from now on every delete is zeroed
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar_one() == 1
    store.engine.dispose()
    assert not any(b"Noor woont" in part.read_bytes() for part in tmp_path.glob("*.db*"))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_terminal_keeps_its_files_private_and_removes_them_on_erasing(
        tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    saved = chat_as(data_dir, "Noor", [*TYPED_INTERVIEW, "/mijngegevens"])
    assert "Tot later! Alles is bewaard." in saved
    folder = data_dir / "bestanden" / "Noor"
    files = list(folder.iterdir())
    assert {f.suffix for f in files} == {".json", ".pdf", ".png"}  # and the network
    assert {mode(f) for f in files} == {0o600}
    assert {mode(d) for d in (data_dir, data_dir / "bestanden", folder)} == {0o700}
    assert {mode(f) for f in data_dir.glob("toekomstplan.db*")} == {0o600}
    assert {mode(data_dir / "encryption.key")} == {0o600}
    erased = chat_as(data_dir, "Noor", ["/verwijder", "Ja, wis alles"])
    assert "Alles is gewist" in erased
    assert "Alles is bewaard" not in erased
    assert erased.rstrip().endswith("Dag! Er is niets meer van je bewaard.")
    assert not folder.exists()
    again = chat_as(data_dir, "Noor", ["/plan"])  # a new start is kept again
    assert again.rstrip().endswith("Tot later! Alles is bewaard.")


def test_an_existing_database_file_becomes_private(tmp_path: Path) -> None:
    path = tmp_path / "toekomstplan.db"
    path.touch(mode=0o644)
    path.chmod(0o644)
    store = open_store(sqlite_url(path), TEST_KEY)
    Turns(store).handle("test", "u-1", UserInput.typed("/start"))
    assert {mode(f) for f in tmp_path.glob("toekomstplan.db*")} == {0o600}
    store.engine.dispose()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    yield from postgres_schema_url()


def test_postgres_is_cleaned_also_when_an_older_transaction_was_still_running(
        postgres_url: str) -> None:
    """Someone else's turn that began before the erase still sees the deleted rows, and a
    vacuum keeps what a running transaction may see: the cleaning waits for it to end."""
    store = open_store(postgres_url, TEST_KEY)
    turns = Turns(store)
    fill_every_table(turns)
    older = store.engine.connect()
    older.exec_driver_sql("BEGIN ISOLATION LEVEL REPEATABLE READ")
    older.exec_driver_sql("SELECT count(*) FROM conversations")  # its snapshot: Noor is there
    ends = threading.Timer(0.5, older.close)
    ends.start()
    noor = Youth(turns, YOUTH_ID, channel="terminal")
    noor.says("/verwijder")
    noor.clicks("Ja, wis alles")
    ends.join()
    nothing_of_noor(opened_everywhere(raw_database(store), [TEST_KEY]))
    store.engine.dispose()


def test_an_erased_begeleider_is_left_out_of_the_youths_open_question_and_undo_steps(
        store: Store) -> None:
    turns = Turns(store)
    fill_every_table(turns)
    noor = Youth(turns, YOUTH_ID, channel="terminal")
    noor.says("ik wil dood")
    noor.clicks("Ja")  # safe now
    assert "Wil je dat ik Marieke" in noor.asked  # her name in Noor's cursor
    marieke = Youth(turns, PRO_ID, channel="terminal")
    marieke.says("/verwijder")
    marieke.clicks("Ja, wis alles")
    conversation, _ = noor.stored()
    kept = [conversation, *(step.parse()[0] for step in _undo_steps(noor))]
    assert not any("Marieke" in state.model_dump_json() for state in kept)
    noor.says("/plan")
    assert "Toekomstplan van Noor" in noor.text and "Marieke" not in noor.text

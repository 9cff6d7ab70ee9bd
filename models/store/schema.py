"""The database schema, changed only through numbered migrations (append, never edit).

Each migration is a plain function registered by `@migration`; the names, the schema version
and sqlite-utils' `Migrations` are all derived from that one list. This module does not import
sqlite-utils: opening a current file reads the applied names with plain sqlite3, and
sqlite-utils is loaded only when a migration is pending.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from models.errors import StoreError

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

    from models.store.connection import Connection

APP_ID = "open-bargaining"
MIGRATIONS_TABLE = "_sqlite_migrations"
"""Where sqlite-utils' `Migrations` records what it applied."""

Migration = Callable[["Database"], None]
MIGRATIONS: list[Migration] = []
"""Every migration this version knows, in order."""


def migration(function: Migration) -> Migration:
    """Register a migration: it runs after every one registered before it."""
    MIGRATIONS.append(function)
    return function


@migration
def m001_journal_and_facts(db: Database) -> None:
    """The journal, and one fact table per kind of thing the journal records."""
    _run(
        db,
        """
        CREATE TABLE events (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            at TEXT NOT NULL,
            at_us INTEGER NOT NULL,
            seat TEXT NOT NULL DEFAULT '',
            session INTEGER,
            subject INTEGER REFERENCES events(seq),
            data TEXT NOT NULL,
            undone INTEGER NOT NULL DEFAULT 0,
            recorded_at TEXT NOT NULL
        );
        CREATE INDEX events_by_type ON events(type, session);
        CREATE INDEX events_by_subject ON events(subject);
        CREATE INDEX events_by_seat ON events(seat, seq);

        CREATE TABLE event_refs (
            event INTEGER NOT NULL REFERENCES events(seq),
            ref INTEGER NOT NULL REFERENCES events(seq),
            PRIMARY KEY (event, ref)
        ) WITHOUT ROWID;
        CREATE INDEX event_refs_by_ref ON event_refs(ref);
        """,
    )
    for name, columns, *indexes in _FACT_TABLES:
        _run(db, ";".join([_fact_table(name, columns), *indexes]))
        if name in ARTICLE_LISTS:
            _run(db, _article_list(name, ARTICLE_LISTS[name]))
    _run(
        db,
        """
        CREATE TABLE drafts (
            seat TEXT PRIMARY KEY,
            text TEXT NOT NULL,
            team_only INTEGER NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
    )


_WHEN = "at TEXT NOT NULL, at_us INTEGER NOT NULL"
"""The time columns of every timed fact table, as m001 wrote them."""

_FACT_TABLES: tuple[tuple[str, ...], ...] = (
    (
        "articles",
        "number TEXT NOT NULL, title TEXT NOT NULL",
        "CREATE UNIQUE INDEX articles_active_number ON articles(number) WHERE undone = 0",
    ),
    (
        "sessions",
        "number INTEGER NOT NULL, starts TEXT NOT NULL, location TEXT NOT NULL, "
        "mode TEXT NOT NULL, kind TEXT NOT NULL, mediator TEXT NOT NULL",
        "CREATE UNIQUE INDEX sessions_active_number ON sessions(number) WHERE undone = 0",
    ),
    (
        "agenda_items",
        "session INTEGER NOT NULL, title TEXT NOT NULL, minutes INTEGER, articles TEXT NOT NULL",
        "CREATE INDEX agenda_items_by_session ON agenda_items(session)",
    ),
    (
        "proposals",
        "session INTEGER NOT NULL, side TEXT NOT NULL, label TEXT NOT NULL, kind TEXT NOT NULL, "
        "summary TEXT NOT NULL, internal_note TEXT NOT NULL, embargoed INTEGER NOT NULL, "
        f"link TEXT NOT NULL, terms TEXT NOT NULL, {_WHEN}",
        "CREATE UNIQUE INDEX proposals_active_label\n"
        "            ON proposals(label COLLATE NOCASE) WHERE undone = 0",
        "CREATE INDEX proposals_by_session ON proposals(session)",
    ),
    (
        "tas",
        "session INTEGER NOT NULL, proposal INTEGER REFERENCES proposals(seq), "
        f"summary TEXT NOT NULL, initials_union TEXT NOT NULL, "
        f"initials_employer TEXT NOT NULL, {_WHEN}",
    ),
    (
        "caucuses",
        "session INTEGER NOT NULL, side TEXT NOT NULL, minutes INTEGER NOT NULL, "
        f"purpose TEXT NOT NULL, {_WHEN}",
        "CREATE INDEX caucuses_by_session ON caucuses(session, side)",
    ),
    (
        "notes",
        "session INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL, speaker TEXT NOT NULL, "
        f"party TEXT, visibility TEXT NOT NULL, seat TEXT NOT NULL, {_WHEN}",
        "CREATE INDEX notes_by_session ON notes(session, at_us, seq)",
    ),
    (
        "info_requests",
        f"session INTEGER NOT NULL, side TEXT NOT NULL, text TEXT NOT NULL, due TEXT, {_WHEN}",
    ),
)
"""The fact tables m001 made, in its order: each name, its own columns (between the event's
`seq` and `undone`), and its indexes."""

ARTICLE_LISTS = {"proposals": ("proposal_articles", "proposal"), "tas": ("ta_articles", "ta")}
"""The fact tables whose rows name articles, in order: the table of those, and its key."""


def _table(name: str, columns: Iterable[str], after: str = "") -> str:
    """A CREATE TABLE statement, one column to a line (the text SQLite keeps of it)."""
    lines = ",\n".join(f"            {column}" for column in columns)
    return f"CREATE TABLE {name} (\n{lines}\n        ){after}"


def _fact_table(name: str, columns: str) -> str:
    """A fact table: a row per event (its `seq`), `columns` (comma-separated), and whether
    the event is undone."""
    return _table(
        name,
        (
            "seq INTEGER PRIMARY KEY REFERENCES events(seq)",
            *columns.split(", "),
            "undone INTEGER NOT NULL DEFAULT 0",
        ),
    )


def _article_list(owner: str, names: tuple[str, str]) -> str:
    """The table of the articles a fact names, each with its position, and its index."""
    table, key = names
    columns = (
        f"{key} INTEGER NOT NULL REFERENCES {owner}(seq)",
        "number TEXT NOT NULL",
        "position INTEGER NOT NULL",
        f"PRIMARY KEY ({key}, number)",
    )
    return ";".join(
        [
            _table(table, columns, " WITHOUT ROWID"),
            f"CREATE INDEX {table}_by_number ON {table}(number)",
        ]
    )


@migration
def m002_index_lookups(db: Database) -> None:
    """Indexes for the checks made on every write: a proposal's TA, a seat's last event."""
    _run(
        db,
        """
        CREATE INDEX tas_by_proposal ON tas(proposal);
        CREATE INDEX notes_by_seat ON notes(seat, seq)
        """,
    )


@migration
def m003_index_moves(db: Database) -> None:
    """A covering index for the board: every proposal's side, kind, time and label."""
    _run(db, "CREATE INDEX proposals_moves ON proposals(undone, seq, side, kind, at, label)")


@migration
def m004_database_id(db: Database) -> None:
    """The database's own id (a random UUID4, made once): its backups carry it, so pruning
    tells them from another database's; seats on other computers will name their folders
    with it. An older file gets its id when it is migrated."""
    import uuid

    _run(db, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
    db.execute("INSERT INTO meta (key, value) VALUES ('database_id', ?)", [str(uuid.uuid4())])


@migration
def m005_shared_order(db: Database) -> None:
    """Seats on other computers: every event's origin (the database that first recorded it
    and its number there), its place in the shared order, and a conflict's reason; and what
    this seat knows of the shared folder (files it wrote, files it took in, seats seen)."""
    import json

    from models.store.order import own_key, references, sort_key

    _run(
        db,
        """
        ALTER TABLE events ADD COLUMN origin_db TEXT NOT NULL DEFAULT '';
        ALTER TABLE events ADD COLUMN origin_n INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE events ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
        ALTER TABLE events ADD COLUMN conflict TEXT;
        ALTER TABLE events ADD COLUMN late INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE seat_files (
            name TEXT PRIMARY KEY,
            first_n INTEGER NOT NULL,
            last_n INTEGER NOT NULL,
            state TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE TABLE seat_taken (
            db_id TEXT NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (db_id, name)
        ) WITHOUT ROWID;
        CREATE TABLE seats_seen (
            db_id TEXT PRIMARY KEY,
            labels TEXT NOT NULL,
            last_seen TEXT
        )
        """,
    )
    row = db.execute("SELECT value FROM meta WHERE key = 'database_id'").fetchone()
    own = str(row[0])
    keys: dict[str, str] = {}
    updates = []
    previous = ""
    in_order = True
    for seq, ident, kind, at_us, data in db.execute(
        "SELECT seq, id, type, at_us, data FROM events ORDER BY seq"
    ).fetchall():
        line = json.loads(data)
        line["origin"] = {"db": own, "n": seq}
        named = [keys[r] for r in references(line) if r in keys]
        key = sort_key(own_key(kind, at_us, own, seq), named)
        keys[ident] = key
        in_order = in_order and key > previous
        previous = key
        text = json.dumps(line, ensure_ascii=False, separators=(",", ":"))
        updates.append((own, seq, key, text, seq))
    db.conn.executemany(
        "UPDATE events SET origin_db = ?, origin_n = ?, sort_key = ?, data = ? WHERE seq = ?",
        updates,
    )
    _run(
        db,
        """
        CREATE UNIQUE INDEX events_by_origin ON events(origin_db, origin_n);
        CREATE INDEX events_by_sort_key ON events(sort_key);
        CREATE INDEX events_in_conflict ON events(seq) WHERE conflict IS NOT NULL
        """,
    )
    if not in_order:  # the store replays the journal in the shared order when it opens
        db.execute("INSERT INTO meta (key, value) VALUES ('needs_rebuild', '1')")


def _run(db: Database, script: str) -> None:
    """Run statements one by one: executescript() would commit the migration's transaction."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


MIGRATION_NAMES = tuple(function.__name__ for function in MIGRATIONS)
SCHEMA_VERSION = len(MIGRATION_NAMES)


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """The names of our migrations applied to the file, in the order they were applied."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
    ).fetchone()
    if exists is None:
        return []
    rows = conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
        (APP_ID,),
    ).fetchall()
    return [row[0] for row in rows]


def check_ours(db: Connection) -> list[str]:
    """The migrations applied to the file, once it is known to be ours and not newer.

    Reads only: a stranger's file, or a newer one, is refused before anything is written.
    """
    names = set(db.tables())
    stranger = StoreError(
        f"{db.path} is an SQLite database of another application; "
        "open-bargaining will not change it. Choose another file with --db"
    )
    if names and MIGRATIONS_TABLE not in names:
        raise stranger
    with db.reading() as conn:
        applied = applied_migrations(conn) if names else []
    if names and not applied and names - {MIGRATIONS_TABLE}:
        raise stranger
    if applied != list(MIGRATION_NAMES[: len(applied)]):
        raise StoreError(
            f"{db.path} was written by a newer version of open-bargaining "
            f"(schema version {len(applied)}; this version knows {SCHEMA_VERSION}). "
            "Upgrade open-bargaining to open it"
        )
    return applied


def migrate(db: Connection, applied: list[str], backup: Callable[[str], object]) -> None:
    """Bring the file to this version's schema, after a backup (`backup(reason)`) when it
    already had one; a current file costs nothing."""
    if len(applied) == SCHEMA_VERSION:
        return
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    if applied:
        backup(f"before-schema-{SCHEMA_VERSION}")
    migrations = Migrations(APP_ID)
    for function in MIGRATIONS:
        migrations()(function)
    with db.write() as conn:
        migrations.apply(Database(conn, execute_plugins=False))
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

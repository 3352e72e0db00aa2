"""The workspace: one SQLite file holding originals, ledger rows and user decisions.

Every import runs in one transaction, so a failure leaves the file as it was. Rows
carry a ``dedup_key`` (see :mod:`qiake_auditor.dedup`): a second export that covers
the same transactions adds nothing.

Ledger rows are stored per imported statement as one compressed Parquet block
(table ``row_blocks``), not one SQL row per transaction: a bank or wallet export
can hold a million rows, and binding 17 values per row through sqlite3 costs about
ten seconds per million, several times the parse itself. Links and refund
relations, which change after import, live in their own small table.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import user_dirs
from .errors import UserError
from .i18n import SystemReason
from .ledger import LEDGER_COLUMNS
from .vstr import isin, spread

SCHEMA_VERSION = 2
APPLICATION = "qiake-auditor"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000

STORED_COLUMNS = [*LEDGER_COLUMNS, "dedup_key"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    format TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    original BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS row_blocks (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES files(id),
    source TEXT NOT NULL,
    n_rows INTEGER NOT NULL,
    data BLOB NOT NULL,
    sha256 TEXT
);
CREATE TABLE IF NOT EXISTS links (
    dedup_key TEXT PRIMARY KEY,
    link_id TEXT NOT NULL DEFAULT '',
    refund_of TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS decisions (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE TABLE IF NOT EXISTS column_maps (signature TEXT PRIMARY KEY, mapping TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS case_log (
    id INTEGER PRIMARY KEY, time TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL
);
"""

# Schema 2: cases with stable ids, a case log of dated entries with attachments kept byte
# for byte, and the history of every decision.
_SCHEMA_2 = """
CREATE TABLE IF NOT EXISTS cases (
    key TEXT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS case_entries (
    id INTEGER PRIMARY KEY,
    case_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    on_date TEXT NOT NULL,
    channel TEXT NOT NULL DEFAULT '',
    ticket TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT ''  -- a decision's catalogue id + fields (JSON), for zh/en
);
CREATE TABLE IF NOT EXISTS attachments (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES case_entries(id),
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS decision_history (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT,
    previous TEXT,
    made_at TEXT NOT NULL
)
"""


def _migrate_1_to_2(db: sqlite3.Connection) -> None:
    for statement in _SCHEMA_2.split(";"):
        if statement.strip():
            db.execute(statement)
    columns = {row[1] for row in db.execute("PRAGMA table_info(row_blocks)")}
    if "sha256" not in columns:  # blocks written by schema 1 have none: checked from now on
        db.execute("ALTER TABLE row_blocks ADD COLUMN sha256 TEXT")


# step n: from schema n to n + 1 (run inside the opening transaction)
_MIGRATIONS = {1: _migrate_1_to_2}
_SCHEMA = _SCHEMA + _SCHEMA_2


def default_path() -> Path:
    """The workspace under the user's data directory."""
    return user_dirs.default_workspace()


@dataclass(frozen=True)
class StoredFile:
    id: int
    name: str
    sha256: str
    size: int
    format: str
    imported_at: str


@dataclass
class _LedgerCache:
    """The last ledger read or adopted, valid while the workspace's ``stamp`` is unchanged.

    ``pending_links`` are the (link ids, refund originals) of rows adopted from an import,
    attached when the ledger is first asked for; None once they are.
    """

    stamp: tuple
    frame: pd.DataFrame
    pending_links: tuple[dict[str, str], dict[str, str]] | None = None


class Workspace:
    """An open workspace file. Use as a context manager or call close().

    Only a file that is a qiake-auditor workspace, or a path where none exists yet, is
    ever written: anything else is refused with a :class:`UserError` naming the path,
    before a byte of it changes. ``read_only`` opens without any write (reading
    commands on a read-only file or medium).
    """

    def __init__(self, path: Path | str | None = None, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.read_only = read_only
        self.created = not self.path.exists()  # this object made the file (a new path)
        self._cache: _LedgerCache | None = None
        self._db = _connect(self.path, read_only)
        try:
            self._prepare_schema()
        except BaseException:
            self._db.close()
            raise

    def _prepare_schema(self) -> None:
        version = _schema_version(self._db, self.path)
        if version > SCHEMA_VERSION:
            raise UserError.of(
                "workspace.newer", path=self.path, found=version, known=SCHEMA_VERSION
            )
        if self.read_only:
            if version == 0:
                raise UserError.of("workspace.not_sqlite", path=self.path)
            return  # an older schema is read as it is: the new tables are simply empty
        if version == SCHEMA_VERSION:
            return
        with self.transaction():
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self._db.execute(statement)
            for step in range(max(version, 1), SCHEMA_VERSION):
                _MIGRATIONS[step](self._db)
            self._db.execute(
                "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (str(SCHEMA_VERSION),),
            )
            self._db.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('application', ?)", (APPLICATION,)
            )

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def discard_if_unused(self) -> bool:
        """Close and remove the file when this object created it and nothing was ever
        stored in it (a first import that failed): the user's folder is left as it was."""
        if not self.created or self.read_only:
            return False
        stored = self._db.execute(
            "SELECT (SELECT COUNT(*) FROM files) + (SELECT COUNT(*) FROM decisions)"
        ).fetchone()[0]
        if stored:
            return False
        self._db.close()
        for leftover in (self.path, self.path.with_name(self.path.name + "-journal")):
            leftover.unlink(missing_ok=True)
        return True

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All statements inside commit together or not at all."""
        db = self.begin()
        try:
            yield db
        except BaseException:
            self.rollback()
            raise
        self.commit()

    def begin(self) -> sqlite3.Connection:
        """Start a write transaction (for work that commits in another step)."""
        if self.read_only:
            raise UserError.of("workspace.read_only", path=self.path)
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _operational(exc, self.path) from None
        return self._db

    def commit(self) -> None:
        self._db.execute("COMMIT")

    def rollback(self) -> None:
        if self._db.in_transaction:  # a failed COMMIT may have rolled back already
            self._db.execute("ROLLBACK")
        self._cache = None

    # -- files -----------------------------------------------------------------------------

    def file_by_hash(self, sha256: str) -> StoredFile | None:
        row = self._db.execute(
            "SELECT id, name, sha256, size, format, imported_at FROM files WHERE sha256 = ?",
            (sha256,),
        ).fetchone()
        return StoredFile(*row) if row else None

    def files(self) -> list[StoredFile]:
        rows = self._db.execute(
            "SELECT id, name, sha256, size, format, imported_at FROM files ORDER BY id"
        ).fetchall()
        return [StoredFile(*r) for r in rows]

    def original(self, file_id: int) -> bytes:
        """The bytes of an imported file exactly as the user gave them (checked against
        the SHA-256 taken at import: the workspace is evidence)."""
        try:
            name, digest, blob = self._db.execute(
                "SELECT name, sha256, original FROM files WHERE id = ?", (file_id,)
            ).fetchone()
        except UserError as exc:
            name = self._file_name(file_id) if exc.message_id == "workspace.malformed" else None
            if name is None:
                raise
            raise UserError.of("workspace.original_unreadable", path=self.path, name=name) from None
        data = bytes(blob)
        if hashlib.sha256(data).hexdigest() != digest:
            raise UserError.of("workspace.original_changed", path=self.path, name=name)
        return data

    def _file_name(self, file_id: int) -> str | None:
        """The name of an imported file, None when even that cannot be read."""
        try:
            row = self._db.execute("SELECT name FROM files WHERE id = ?", (file_id,)).fetchone()
        except UserError:
            return None
        return str(row[0]) if row else None

    def _block_bytes(self, block_id: int) -> pa.Buffer | None:
        """A row block's stored bytes, None where the value is missing (NULL)."""
        try:
            with _DamageSaid(self.path):
                return _read_blob(self._db, "row_blocks", "data", block_id)
        except sqlite3.DatabaseError as exc:
            said = str(exc).lower()
            if "null" in said:  # "cannot open value of type null"
                return None
            if "no such rowid" in said:  # listed a moment ago: the file's index is broken
                raise UserError.of("workspace.malformed", path=self.path) from None
            raise

    def _checked_block(
        self,
        block_id: int,
        source: str,
        blob: bytes | pa.Buffer | None,
        digest: str | None,
        n_rows: int,
    ) -> pd.DataFrame:
        """A stored row block, refused when its bytes changed since it was written."""
        if blob is None:  # NOT NULL in the schema: the file's structure is broken
            raise UserError.of("workspace.malformed", path=self.path)
        if digest is not None and hashlib.sha256(blob).hexdigest() != digest:
            raise UserError.of(
                "workspace.rows_changed", path=self.path, source=source, block=block_id
            )
        try:
            frame = _unpack(blob)
        except Exception as exc:  # pyarrow raises several kinds for damaged bytes
            raise UserError.of(
                "workspace.rows_unreadable", path=self.path, source=source, reason=str(exc)
            ) from None
        if len(frame) != n_rows:
            raise UserError.of(
                "workspace.rows_missing",
                path=self.path,
                source=source,
                found=len(frame),
                stored=n_rows,
            )
        return frame

    def check(self) -> list[UserError]:
        """Every problem found in the whole workspace, to be shown in the user's language
        (empty: all originals match their SHA-256, every row block its checksum, and
        SQLite's own integrity check passes).

        A damaged file (cut off, overwritten in the middle) is a list of problems too,
        never an exception: each part is read on its own, so what can still be read is
        still checked, and the same problem is said once.
        """
        problems: list[UserError] = []

        def found(problem: UserError) -> None:
            if all(str(p) != str(problem) for p in problems):
                problems.append(problem)

        try:
            said = [row[0] for row in self._db.execute("PRAGMA integrity_check")]
        except UserError as exc:
            found(exc)
        else:
            said = [line for text in said if text != "ok" for line in str(text).splitlines()]
            said = [line for line in said if line and not line.startswith("***")]
            if said:
                found(
                    UserError.of(
                        "workspace.integrity" + (".one" if len(said) == 1 else ""),
                        path=self.path,
                        count=len(said),
                        first=said[0],
                    )
                )
        try:
            stored = self.files()
            blocks = [b for (b,) in self._db.execute("SELECT id FROM row_blocks ORDER BY id")]
        except UserError as exc:
            found(exc)
            return problems
        for file in stored:
            try:
                self.original(file.id)
            except UserError as exc:
                found(exc)
        for block_id in blocks:
            try:
                row = self._db.execute(
                    "SELECT source, sha256, n_rows FROM row_blocks WHERE id = ?",
                    (block_id,),
                ).fetchone()
                if row is None:  # listed a moment ago: the file's index is broken
                    raise UserError.of("workspace.malformed", path=self.path)
                source, digest, n_rows = row
                self._checked_block(block_id, source, self._block_bytes(block_id), digest, n_rows)
            except UserError as exc:
                found(exc)
        return problems

    def add_file(
        self, db: sqlite3.Connection, name: str, sha256: str, data: bytes, format_id: str
    ) -> int:
        """Store an original (inside a transaction); returns its id."""
        cursor = db.execute(
            "INSERT INTO files(name, sha256, size, format, imported_at, original) "
            "VALUES (?, ?, ?, ?, ?, zeroblob(?))",
            (name, sha256, len(data), format_id, _now(), len(data)),
        )
        file_id = _row_id(cursor)
        _write_blob(db, "files", "original", file_id, data)
        return file_id

    # -- rows ------------------------------------------------------------------------------

    @staticmethod
    def new_rows(rows: pd.DataFrame, known: pd.Index) -> pd.DataFrame:
        """The stored columns of the rows whose dedup_key is not ``known``."""
        if not len(known):
            return rows[STORED_COLUMNS]
        return rows.loc[~isin(rows["dedup_key"], known), STORED_COLUMNS]

    def add_block(
        self, db: sqlite3.Connection, file_id: int, rows: pd.DataFrame, packed: pa.Buffer
    ) -> int:
        """Store new rows (``packed`` = pack_block(rows)) inside a transaction."""
        if rows.empty:
            return 0
        cursor = db.execute(
            "INSERT INTO row_blocks(file_id, source, n_rows, data, sha256) "
            "VALUES (?, ?, ?, zeroblob(?), ?)",
            (
                file_id,
                str(rows["source"].iloc[0]),
                len(rows),
                packed.size,
                hashlib.sha256(packed).hexdigest(),
            ),
        )
        _write_blob(db, "row_blocks", "data", _row_id(cursor), packed)
        self._cache = None
        return len(rows)

    def ledger(self, keys: Iterable[str] | None = None) -> pd.DataFrame:
        """Ledger rows (all, or those with the given dedup keys) in import order.

        Besides the ledger columns the frame has ``row_id`` (1-based, import order),
        ``dedup_key`` and ``refund_of`` (the dedup key of the row a refund gives
        money back for, or '').
        """
        return select_rows(self._all_rows(), keys)

    def stored_rows(self) -> pd.DataFrame:
        """Every stored row, stored columns only, in import order."""
        return self._all_rows()[STORED_COLUMNS]

    def _stamp(self) -> tuple:
        """Changes whenever stored rows or links change (cache validity)."""
        blocks = self._db.execute(
            "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM row_blocks"
        ).fetchone()
        return blocks, self._db.total_changes

    def _all_rows(self) -> pd.DataFrame:
        stamp = self._stamp()
        cache = self._cache
        if cache is not None and cache.stamp == stamp:
            if cache.pending_links is not None:  # rows adopted from an import
                cache.frame = complete_rows(cache.frame, link_rows(*cache.pending_links))
                cache.pending_links = None
            return cache.frame
        listed = self._db.execute(
            "SELECT id, source, sha256, n_rows FROM row_blocks ORDER BY id"
        ).fetchall()
        blocks = [
            self._checked_block(block_id, source, self._block_bytes(block_id), digest, n_rows)
            for block_id, source, digest, n_rows in listed
        ]
        frame = pd.concat(blocks, ignore_index=True) if blocks else no_stored_rows()
        links = self._db.execute("SELECT dedup_key, link_id, refund_of FROM links").fetchall()
        frame = complete_rows(frame, links)
        self._cache = _LedgerCache(stamp, frame)
        return frame

    def adopt_rows(
        self, rows: pd.DataFrame, links: dict[str, str], refunds: dict[str, str]
    ) -> None:
        """Take the rows and links just committed as the cached ledger.

        Spares reading a million rows back right after writing them; ``rows`` must
        be every stored row in stored order (stored columns), ``links`` and
        ``refunds`` what set_links stored. They are completed (links, row ids) only
        when the ledger is first asked for.
        """
        if list(rows.columns) != STORED_COLUMNS or not rows.index.equals(pd.RangeIndex(len(rows))):
            rows = rows[STORED_COLUMNS].reset_index(drop=True)
        self._cache = _LedgerCache(self._stamp(), rows, (links, refunds))

    def set_links(
        self, db: sqlite3.Connection, links: dict[str, str], refunds: dict[str, str]
    ) -> None:
        """Replace link ids and refund->original relations (by dedup key)."""
        db.execute("DELETE FROM links")
        db.executemany(
            "INSERT INTO links(dedup_key, link_id, refund_of) VALUES (?, ?, ?)",
            link_rows(links, refunds),
        )
        self._cache = None

    def row_count(self) -> int:
        query = "SELECT COALESCE(SUM(n_rows), 0) FROM row_blocks"
        return int(self._db.execute(query).fetchone()[0])

    # -- user decisions (typed in qiake_auditor.app.decisions) ----------------------------

    def decisions(self, kind: str) -> dict[str, str]:
        rows = self._db.execute("SELECT key, value FROM decisions WHERE kind = ?", (kind,))
        return dict(rows.fetchall())

    def set_decision(
        self, kind: str, key: str, value: str, db: sqlite3.Connection | None = None
    ) -> None:
        """Store a decision and its history entry (in ``db``'s transaction, else its own)."""
        if db is None:
            with self.transaction() as own:
                self.set_decision(kind, key, value, own)
            return
        previous = db.execute(
            "SELECT value FROM decisions WHERE kind = ? AND key = ?", (kind, key)
        ).fetchone()
        db.execute(
            "INSERT INTO decisions(kind, key, value, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(kind, key) DO UPDATE SET value = excluded.value, "
            "created_at = excluded.created_at",
            (kind, key, value, _now()),
        )
        db.execute(
            "INSERT INTO decision_history(kind, key, value, previous, made_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (kind, key, value, previous[0] if previous else None, _now()),
        )

    def remove_decision(self, kind: str, key: str, db: sqlite3.Connection | None = None) -> None:
        if db is None:
            with self.transaction() as own:
                self.remove_decision(kind, key, own)
            return
        previous = db.execute(
            "SELECT value FROM decisions WHERE kind = ? AND key = ?", (kind, key)
        ).fetchone()
        if previous is None:
            return
        db.execute("DELETE FROM decisions WHERE kind = ? AND key = ?", (kind, key))
        db.execute(
            "INSERT INTO decision_history(kind, key, value, previous, made_at) "
            "VALUES (?, ?, NULL, ?, ?)",
            (kind, key, previous[0], _now()),
        )

    def decision_history(self) -> list[tuple[str, str, str | None, str | None, str]]:
        """(kind, key, value or None when removed, previous value, made at), oldest first."""
        return self._db.execute(
            "SELECT kind, key, value, previous, made_at FROM decision_history ORDER BY id"
        ).fetchall()

    # -- cases and their log ----------------------------------------------------------------

    def case_ids(self) -> dict[str, str]:
        """Case key (normalised merchant) -> stable case id."""
        return dict(self._db.execute("SELECT key, id FROM cases").fetchall())

    def assign_case_ids(self, keys: Iterable[str], day: str) -> dict[str, str]:
        """Give every key without one an id ``QK-<day>-NNN`` (``day`` as YYYYMMDD)."""
        known = self.case_ids()
        missing = [k for k in keys if k not in known]
        if not missing or self.read_only:
            return known
        with self.transaction() as db:
            prefix = f"QK-{day}-"
            taken = db.execute(
                "SELECT COUNT(*) FROM cases WHERE id LIKE ?", (prefix + "%",)
            ).fetchone()[0]
            for number, key in enumerate(missing, start=int(taken) + 1):
                db.execute(
                    "INSERT OR IGNORE INTO cases(key, id, created_at) VALUES (?, ?, ?)",
                    (key, f"{prefix}{number:03d}", _now()),
                )
        return self.case_ids()

    def add_entry(
        self,
        db: sqlite3.Connection,
        case_key: str,
        kind: str,
        on_date: str,
        channel: str = "",
        ticket: str = "",
        summary: str = "",
        outcome: str = "",
        message: str = "",
    ) -> int:
        cursor = db.execute(
            "INSERT INTO case_entries(case_key, kind, recorded_at, on_date, channel, ticket, "
            "summary, outcome, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (case_key, kind, _now(), on_date, channel, ticket, summary, outcome, message),
        )
        return _row_id(cursor)

    def add_attachment(
        self, db: sqlite3.Connection, entry_id: int, name: str, sha256: str, data: bytes
    ) -> int:
        cursor = db.execute(
            "INSERT INTO attachments(entry_id, name, sha256, size, data) VALUES (?, ?, ?, ?, ?)",
            (entry_id, name, sha256, len(data), sqlite3.Binary(data)),
        )
        return _row_id(cursor)

    def entries(self) -> list[tuple]:
        """(id, case_key, kind, recorded_at, on_date, channel, ticket, summary, outcome,
        message)."""
        return self._db.execute(
            "SELECT id, case_key, kind, recorded_at, on_date, channel, ticket, summary, outcome, "
            "message FROM case_entries ORDER BY on_date, id"
        ).fetchall()

    def attachments(self) -> list[tuple[int, int, str, str, int]]:
        """(id, entry_id, name, sha256, size) of every attachment."""
        return self._db.execute(
            "SELECT id, entry_id, name, sha256, size FROM attachments ORDER BY id"
        ).fetchall()

    def attachment_data(self, attachment_id: int) -> bytes:
        row = self._db.execute(
            "SELECT data FROM attachments WHERE id = ?", (attachment_id,)
        ).fetchone()
        if row is None:
            raise KeyError(attachment_id)
        return bytes(row[0])

    def column_maps(self) -> dict[str, dict[str, str]]:
        rows = self._db.execute("SELECT signature, mapping FROM column_maps").fetchall()
        return {sig: json.loads(m) for sig, m in rows}

    def save_column_map(
        self, db: sqlite3.Connection, signature: str, mapping: dict[str, str]
    ) -> None:
        db.execute(
            "INSERT INTO column_maps(signature, mapping) VALUES (?, ?) "
            "ON CONFLICT(signature) DO UPDATE SET mapping = excluded.mapping",
            (signature, json.dumps(mapping, ensure_ascii=False, sort_keys=True)),
        )

    def log(self, action: str, detail: str) -> None:
        with self.transaction() as db:
            self._log(db, action, detail)

    def _log(self, db: sqlite3.Connection, action: str, detail: str) -> None:
        db.execute(
            "INSERT INTO case_log(time, action, detail) VALUES (?, ?, ?)", (_now(), action, detail)
        )

    def case_log(self) -> list[tuple[str, str, str]]:
        return self._db.execute("SELECT time, action, detail FROM case_log ORDER BY id").fetchall()


_BLOB_SLICE = 1 << 20  # bytes per read or write: 4 MB held the GIL 9-14 ms (copy, fresh pages)


def _write_blob(
    db: sqlite3.Connection, table: str, column: str, row: int, data: bytes | pa.Buffer
) -> None:
    """Fill a zeroblob a few megabytes at a time: binding a 155 MB value copies it
    holding the GIL (~80 ms in which the window cannot repaint)."""
    if not data:
        return
    view = memoryview(data)
    with db.blobopen(table, column, row) as blob:
        for at in range(0, len(view), _BLOB_SLICE):
            blob.write(view[at : at + _BLOB_SLICE])


def _read_blob(db: sqlite3.Connection, table: str, column: str, row: int) -> pa.Buffer:
    """A stored value read a few megabytes at a time into one Arrow buffer: fetched in
    the SELECT, a 50 MB row block is copied in one go holding the GIL (a 50-150 ms
    stall of the window at every rescan)."""
    with db.blobopen(table, column, row, readonly=True) as blob:
        size = len(blob)
        out = pa.allocate_buffer(size)
        view = memoryview(out).cast("B")
        for at in range(0, size, _BLOB_SLICE):
            view[at : at + _BLOB_SLICE] = blob.read(_BLOB_SLICE)
    return out


def pack_block(rows: pd.DataFrame) -> pa.Buffer:
    """Rows as Parquet with Snappy: as fast as LZ4-compressed Arrow IPC here and a third
    of its size. No column statistics: nothing filters on them, and they cost a fifth
    of the write. Kept as Arrow's buffer: turned into ``bytes``, the 50 MB block of a
    million rows would be copied holding the GIL (a 40-130 ms stall of the window)."""
    if rows.empty:
        return pa.py_buffer(b"")
    table = pa.Table.from_pandas(rows, preserve_index=False)  # only reads ``rows``
    buffer = pa.BufferOutputStream()
    pq.write_table(table, buffer, compression="snappy", write_statistics=False)
    return buffer.getvalue()


def _unpack(blob: bytes | pa.Buffer) -> pd.DataFrame:
    """A stored row block."""
    return pd.read_parquet(pa.BufferReader(blob))


def no_stored_rows() -> pd.DataFrame:
    """A frame of the stored columns without rows."""
    frame = pd.DataFrame({c: pd.Series(dtype="str") for c in STORED_COLUMNS})
    frame["source_row"] = frame["source_row"].astype("int64")
    return frame


def select_rows(frame: pd.DataFrame, keys: Iterable[str] | None) -> pd.DataFrame:
    """The rows of a ledger frame with the given dedup keys (all for None), renumbered."""
    if keys is not None:
        keys = keys if isinstance(keys, (list, set, tuple, pd.Index)) else list(keys)
        if not _same_keys(frame["dedup_key"], keys) and (
            len(keys) < len(frame) or not isin(frame["dedup_key"], keys).all()
        ):
            frame = frame.loc[isin(frame["dedup_key"], keys)]
    return frame.reset_index(drop=True).copy()


def link_rows(links: dict[str, str], refunds: dict[str, str]) -> list[tuple[str, str, str]]:
    """(dedup_key, link_id, refund_of) for every key with a link or a refund original."""
    return [(k, links.get(k, ""), refunds.get(k, "")) for k in set(links) | set(refunds)]


def complete_rows(stored: pd.DataFrame, links: list[tuple[str, str, str]]) -> pd.DataFrame:
    """Stored columns -> the ledger frame (a new frame): links attached, row ids, text dtypes."""
    frame = stored.copy(deep=False)
    frame["link_id"], frame["refund_of"] = _attach_links(frame["dedup_key"], links)
    frame.insert(0, "row_id", pd.RangeIndex(1, len(frame) + 1).to_numpy())
    return _ledger_dtypes(frame[["row_id", *LEDGER_COLUMNS, "dedup_key", "refund_of"]])


def _attach_links(keys: pd.Series, links: list[tuple[str, str, str]]) -> tuple[pd.Series, ...]:
    """link_id and refund_of for each key, looked up with Arrow's hash kernel and taken
    in Arrow (a million-item object column holds the GIL, freezing the window)."""
    codes = np.zeros(len(keys), dtype=np.int64)  # 0: no link; i + 1: links[i]
    if links:
        table = pa.array([k for k, _, _ in links], type=pa.large_string())
        where = pc.index_in(pa.array(keys.array).cast(pa.large_string()), value_set=table)
        where = where.to_numpy(zero_copy_only=False)
        found = ~np.isnan(where) if where.dtype.kind == "f" else where >= 0
        codes[found] = where[found].astype(np.int64) + 1
    link = spread(["", *(r[1] for r in links)], codes, keys)
    refund = spread(["", *(r[2] for r in links)], codes, keys)
    return link, refund


def _same_keys(stored: pd.Series, keys) -> bool:
    """True when ``keys`` are the stored keys in stored order (a first import into an
    empty workspace): one buffer comparison instead of a million-key set lookup."""
    if not isinstance(keys, pd.Index) or len(keys) != len(stored):
        return False
    as_arrow = [
        pa.array(pd.Series(v, dtype="str").array).cast(pa.large_string()) for v in (stored, keys)
    ]
    # in pieces or in one: compared by content
    chunked = [pa.chunked_array([a]) if isinstance(a, pa.Array) else a for a in as_arrow]
    return chunked[0].equals(chunked[1])


def _ledger_dtypes(frame: pd.DataFrame) -> pd.DataFrame:
    for column in frame.columns:
        if column in ("row_id", "source_row"):
            frame[column] = frame[column].astype("int64")
        else:
            frame[column] = frame[column].fillna("").astype("str")
    return frame


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    """A connection to ``path`` after checking that it can be (or become) a workspace."""
    if path.is_dir():
        raise UserError.of("workspace.is_directory", path=path)
    exists = path.exists()
    if exists:
        try:
            with path.open("rb") as handle:
                head = handle.read(len(SQLITE_MAGIC))
        except OSError as exc:
            raise UserError.of("input.unreadable", path=path, reason=SystemReason.of(exc)) from None
        if head != SQLITE_MAGIC:  # an empty file too: only a new path is initialised
            raise UserError.of("workspace.not_sqlite", path=path)
        if not read_only and not os.access(path, os.W_OK):
            raise UserError.of("workspace.read_only", path=path)
    elif read_only:
        raise UserError.of("input.missing", path=path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError.of(
                "workspace.cannot_create", path=path, reason=SystemReason.of(exc)
            ) from None
    uri = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rwc'}"
    try:
        # An import may commit on a worker thread while the caller goes on with the rows
        # in memory (ingest.PendingImport); the connection is never used by two at once.
        db = sqlite3.connect(
            uri,
            uri=True,
            isolation_level=None,
            check_same_thread=False,
            timeout=BUSY_TIMEOUT_MS / 1000,
            factory=_Connection,
        )
        db.path = path
        db.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            # A rollback journal, not WAL: an import appends one large original and one
            # row block, which WAL would write twice (log, then checkpoint), about two
            # seconds per million rows. FULL sync keeps the file sound through a power cut.
            db.execute("PRAGMA journal_mode = DELETE")
            db.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as exc:
        raise _operational(exc, path) from None
    return db


def _schema_version(db: sqlite3.Connection, path: Path) -> int:
    """0 for an empty database; the stored version of a workspace; refuses anything else."""
    try:
        tables = {
            name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if not tables:
            return 0
        if not {"meta", "files", "row_blocks"} <= tables:
            raise UserError.of("workspace.foreign", path=path)
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError as exc:
        raise _operational(exc, path) from None
    application = meta.get("application")
    if application not in (None, APPLICATION) or "schema_version" not in meta:
        raise UserError.of("workspace.foreign", path=path)
    try:
        return int(meta["schema_version"])
    except ValueError:
        raise UserError.of(
            "workspace.damaged", path=path, detail=f"schema_version {meta['schema_version']!r}"
        ) from None


def _operational(exc: sqlite3.Error, path: Path) -> UserError:
    """A user-facing error for what SQLite said about ``path``."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return UserError.of("workspace.locked", path=path)
    if "readonly" in text or "read-only" in text:
        return UserError.of("workspace.read_only", path=path)
    if "not a database" in text or "file is encrypted" in text:
        return UserError.of("workspace.not_sqlite", path=path)
    if _is_damage(exc):
        return UserError.of("workspace.malformed", path=path)
    return UserError.of("workspace.damaged", path=path, detail=str(exc))


def _is_damage(exc: sqlite3.Error) -> bool:
    """SQLite found the file's structure broken ("database disk image is malformed": cut
    off, overwritten in the middle) or no database where it read one."""
    name = getattr(exc, "sqlite_errorname", None) or ""
    return name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB"


class _Cursor(sqlite3.Cursor):
    """A cursor of a workspace: damage found while reading is said as a
    :class:`UserError` naming the workspace (see :class:`_Connection`)."""

    connection: _Connection

    def execute(self, sql: str, parameters=(), /) -> _Cursor:  # type: ignore[override]
        with _DamageSaid(self.connection.path):
            return super().execute(sql, parameters)

    def executemany(self, sql: str, parameters, /) -> _Cursor:  # type: ignore[override]
        with _DamageSaid(self.connection.path):
            return super().executemany(sql, parameters)

    def fetchone(self):
        with _DamageSaid(self.connection.path):
            return super().fetchone()

    def fetchmany(self, size: int | None = 1):
        with _DamageSaid(self.connection.path):
            return super().fetchmany(size)

    def fetchall(self):
        with _DamageSaid(self.connection.path):
            return super().fetchall()

    def __next__(self):
        with _DamageSaid(self.connection.path):
            return super().__next__()


class _DamageSaid:
    """The block's SQLite damage raised as the workspace's (``_say_damage``); any other
    error, and StopIteration, passes through."""

    __slots__ = ("path",)

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, traceback) -> Literal[False]:  # never swallows
        if isinstance(exc, sqlite3.DatabaseError):
            _say_damage(exc, self.path)
        return False


class _Connection(sqlite3.Connection):
    """The workspace's connection. SQLite finds a damaged page only when a statement
    reaches it, which may be any read of any command (the decisions, the ledger, an
    original); each would end as an internal error. Here every statement and every
    fetch says such damage as ``workspace.malformed`` with the workspace's path, so it
    is bad input everywhere (exit 2) like a file that is not SQLite at all. Other
    errors (busy, disk full) pass through as SQLite raised them."""

    path: Path

    def cursor(self, factory=None) -> _Cursor:  # type: ignore[override]
        return super().cursor(factory or _Cursor)

    def execute(self, sql: str, parameters=(), /) -> _Cursor:  # type: ignore[override]
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, parameters, /) -> _Cursor:  # type: ignore[override]
        return self.cursor().executemany(sql, parameters)


def _say_damage(exc: sqlite3.DatabaseError, path: Path) -> None:
    """Raise the workspace's damage for ``exc`` when it is damage; else return."""
    if _is_damage(exc):
        raise _operational(exc, path) from None


def _row_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just added."""
    assert cursor.lastrowid is not None  # set by every successful INSERT
    return int(cursor.lastrowid)


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")

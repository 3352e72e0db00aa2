"""Stored values read a slice at a time come back byte for byte."""

from __future__ import annotations

import os
import sqlite3

from qiake_auditor import workspace


def test_a_value_of_several_slices_reads_back_exactly(tmp_path):
    db = sqlite3.connect(tmp_path / "t.sqlite")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB NOT NULL)")
    data = os.urandom(2 * workspace._BLOB_SLICE + 12345)  # two whole slices and a part
    db.execute("INSERT INTO t VALUES (1, ?)", (data,))
    db.execute("INSERT INTO t VALUES (2, ?)", (b"",))
    assert workspace._read_blob(db, "t", "data", 1).to_pybytes() == data
    assert workspace._read_blob(db, "t", "data", 2).to_pybytes() == b""

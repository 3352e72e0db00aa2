"""An XML statement whose declaration names an encoding that cannot be used is refused.

Found by benchmarks/fuzz.py (seed 2): a bit flip turned ``UTF-8`` into ``QTF-8`` in a
camt.053 declaration and the XML parser's LookupError escaped as a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qiake_auditor.errors import StatementError
from qiake_auditor.ingest import read_statements

CAMT = Path(__file__).resolve().parents[1] / "data" / "golden" / "camt" / "v8-two-statements.xml"


@pytest.mark.parametrize("declared", ["QTF-8", "base64", "utf-32", "utf-7", "idna"])
def test_unusable_declared_encoding_is_refused_naming_the_file(
    tmp_path: Path, declared: str
) -> None:
    data = CAMT.read_bytes()
    assert b'encoding="UTF-8"' in data
    path = tmp_path / "statement.xml"
    path.write_bytes(data.replace(b'encoding="UTF-8"', f'encoding="{declared}"'.encode(), 1))
    with pytest.raises(StatementError) as caught:
        read_statements(path)
    assert caught.value.message_id == "statement.broken_xml"
    assert str(caught.value).startswith("statement.xml, line 1: broken XML (")

"""Many small members of one layout in a ZIP archive, read as one table.

A bank that mails one CSV per day or per account sends archives of thousands of
files with the same header. Read one by one, every member pays the fixed price of a
whole read (parse, dates, amounts, checks: tens of milliseconds each, 269 s for 5,000
one-row files); read together the price is paid once, and every row goes back to its
own member and line. Anything unusual (an error, a warning about a line) sends the
members back to be read one by one, so messages still name the member and its line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .base import Importer, Probe

# Fewer members than this are read one by one (the fixed price is small then).
BATCH_MIN = 8
# Only members this small are joined: the saving is per member, the copy per byte.
MAX_MEMBER_BYTES = 64 * 1024
# Importers whose files are a header line and records, nothing above or below.
BATCHABLE = frozenset({"generic-csv"})
# Warnings that are about the whole table, so true of each member read alone.
WHOLE_TABLE_WARNINGS = frozenset({"statement.currency_assumed", "statement.currency_from_sign"})


@dataclass
class Batch:
    """Members read with one importer: several of one layout, or a single one."""

    importer: Importer
    probes: list[Probe]

    @property
    def joinable(self) -> bool:
        return len(self.probes) >= BATCH_MIN

    def label(self, archive_name: str) -> str:
        """How the joined members are named in the import report."""
        first, last = self.probes[0].name, self.probes[-1].name
        return f"{archive_name}/{first} … {last} ({len(self.probes)} files)"

    def joined(self, name: str) -> tuple[Probe, np.ndarray]:
        """One probe holding the shared header and every member's records, and the
        1-based line of the joined text where each member's records start."""
        parts = [self.probes[0].lines[0]]
        starts = []
        for probe in self.probes:
            body = probe.lines[1:]
            while body and not body[-1].strip():
                body = body[:-1]
            starts.append(len(parts) + 1)
            parts.extend(body)
        text = "\n".join(parts) + "\n"
        return Probe(name, text.encode("utf-8")), np.asarray(starts, dtype=np.int64)


def batches(identified: Sequence[tuple[Probe, Importer]]) -> list[Batch]:
    """The members grouped by layout (importer and exact header line), in archive order
    of each group's first member; members that cannot be joined stay alone."""
    found: list[Batch] = []
    by_layout: dict[tuple[str, str], Batch] = {}
    for probe, importer in identified:
        layout = _layout(probe, importer)
        if layout is None:
            found.append(Batch(importer, [probe]))
            continue
        batch = by_layout.get(layout)
        if batch is None:
            batch = by_layout[layout] = Batch(importer, [])
            found.append(batch)
        batch.probes.append(probe)
    return found


def _layout(probe: Probe, importer: Importer) -> tuple[str, str] | None:
    """(importer, header line) of a member that may be joined with others, else None."""
    if importer.id not in BATCHABLE or probe.kind != "text" or len(probe.data) > MAX_MEMBER_BYTES:
        return None  # a workbook read by a text layout (sheet_text) has no lines to join
    text = probe.text
    header = probe.lines[0]
    # A header on the first line (no preamble), and no quoted field left open at the
    # end (it would swallow the next member's first record).
    if not header.strip() or text.count('"') % 2:
        return None
    return importer.id, header

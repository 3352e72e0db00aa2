"""custody/manifest.json and custody/case_log.csv: what each file is and where it came from."""

from __future__ import annotations

import csv
import io
import json

from .bag import BagFile


def custody_manifest(case_id: str, files: list[BagFile], generated_at: str) -> bytes:
    entries = []
    for item in sorted(files, key=lambda f: f.path):
        meta = {k: v for k, v in item.meta.items() if not k.startswith("_")}
        entries.append(
            {
                "path": f"data/{item.path}",
                "sha256": item.sha256,
                "size": item.size,
                "role": item.role,
                **meta,
            }
        )
    document = {
        "case_id": case_id,
        "generated_at": generated_at,
        "hash_algorithm": "SHA-256",
        "note": "This file lists every other payload file; its own hash is in "
        "manifest-sha256.txt (a file cannot hold its own hash).",
        "files": entries,
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def case_log_csv(log, masker) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            "id",
            "recorded_at",
            "date",
            "kind",
            "channel",
            "ticket",
            "summary",
            "outcome",
            "attachments",
        ]
    )
    for entry in log:
        writer.writerow(
            [
                entry.id,
                entry.recorded_at,
                entry.on.isoformat(),
                entry.kind,
                entry.channel.value if entry.channel else "",
                entry.ticket,
                _safe(masker.text(entry.summary)),
                _safe(entry.outcome),
                "; ".join(f"{a.name} {a.sha256}" for a in entry.attachments),
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _safe(text: str) -> str:
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text

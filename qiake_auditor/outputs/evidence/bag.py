"""A BagIt bag (RFC 8493, SHA-256 manifests) written straight into a ZIP.

The bag's files are gathered in memory (:class:`BagBuilder`), then written once, with
the tag files computed from them. The ZIP holds one folder, the bag root, named after
the package (``QK-20260101-001-v1``). Members are stored uncompressed with fixed
timestamps, so the same inputs give the same bytes, and :mod:`.verify` can tell
that not one byte of the ZIP changed (not only the files in it).
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ...fileio import atomic_path

BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"


@dataclass
class BagFile:
    path: str  # relative to data/, '/'-separated
    data: bytes
    role: str  # original | attachment | report | derived | letter | readme | custody
    meta: dict = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        digest = self.meta.get("_sha256")
        if digest is None:
            digest = hashlib.sha256(self.data).hexdigest()
            self.meta["_sha256"] = digest
        return digest

    @property
    def size(self) -> int:
        return len(self.data)


class BagBuilder:
    def __init__(self, root: str) -> None:
        self.root = root
        self.files: list[BagFile] = []
        self._paths: set[str] = set()  # casefolded

    def unique(self, path: str) -> str:
        """``path`` itself, or with ``-2``, ``-3``... before the suffix when it is taken.

        Taken regardless of case: unpacked on Windows or macOS, ``IMG.png`` and ``img.png``
        are one file, and the second would overwrite the first exhibit."""
        if path.casefold() not in self._paths:
            return path
        stem, dot, suffix = path.rpartition(".")
        if not dot or "/" in suffix:
            stem, suffix = path, ""
        number = 2
        while True:
            candidate = f"{stem}-{number}.{suffix}" if suffix else f"{stem}-{number}"
            if candidate.casefold() not in self._paths:
                return candidate
            number += 1

    def add(self, path: str, data: bytes, role: str, **meta: object) -> BagFile:
        path = self.unique(path)
        item = BagFile(path, data, role, dict(meta))
        self._paths.add(path.casefold())
        self.files.append(item)
        return item

    def write(self, target: Path, info: dict[str, str], when: datetime) -> Path:
        """Write the bag as a ZIP at ``target`` (temporary file beside it, then rename)."""
        payload = sorted(self.files, key=lambda f: f.path)
        oxum = f"{sum(f.size for f in payload)}.{len(payload)}"
        manifest = "".join(f"{f.sha256}  data/{f.path}\n" for f in payload).encode("utf-8")
        fields = {**info, "Payload-Oxum": oxum}
        bag_info = "".join(f"{k}: {_one_line(v)}\n" for k, v in fields.items()).encode("utf-8")
        tags = {"bagit.txt": BAGIT_TXT, "bag-info.txt": bag_info, "manifest-sha256.txt": manifest}
        tagmanifest = "".join(
            f"{hashlib.sha256(d).hexdigest()}  {name}\n" for name, d in tags.items()
        ).encode("utf-8")
        stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
        with atomic_path(target) as temporary, zipfile.ZipFile(temporary, "w") as archive:
            for name, data in (*tags.items(), ("tagmanifest-sha256.txt", tagmanifest)):
                put(archive, f"{self.root}/{name}", data, stamp)
            for item in payload:
                put(archive, f"{self.root}/data/{item.path}", item.data, stamp)
        return target


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


def put(archive: zipfile.ZipFile, name: str, data: bytes, stamp: tuple) -> None:
    """One member, the one way packages are written (verify writes them again so)."""
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()

"""``qiake-auditor verify PACKAGE.zip``: re-check every hash and the bag's structure.

Two independent checks: this module's own reading of the ZIP (which names each
altered, missing, extra or unreadable file), then the Library of Congress ``bagit``
validator on an extracted copy. A package is valid only when both agree.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

TAG_FILES = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")


@dataclass
class Problem:
    """One thing wrong with a package: what (``kind``), where (``path``) and, where there
    is more to say, ``detail``: the id of a ``verify.detail.*`` message with its ``fields``."""

    kind: str  # altered | missing | extra | unreadable | structure
    path: str
    detail: str = ""
    fields: dict[str, object] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        from ...i18n import text

        said = text(f"verify.problem.{self.kind}", lang, path=self.path)
        if not self.detail:
            return said
        detail = text(f"verify.detail.{self.detail}", lang, **self.fields)
        return text("verify.problem.with_detail", lang, problem=said, detail=detail)


def _unreadable(path: str, exc: Exception) -> Problem:
    """A member or package that cannot be read, said in words (not zipfile's English)."""
    return Problem("unreadable", path, "checksum" if "CRC" in str(exc) else "damaged")


@dataclass
class Verdict:
    package: Path
    root: str = ""
    files: int = 0
    problems: list[Problem] = field(default_factory=list)
    info: dict[str, str] = field(default_factory=dict)
    bagit_ok: bool | None = None
    unreadable: set[str] = field(default_factory=set)

    @property
    def valid(self) -> bool:
        return not self.problems and self.bagit_ok is not False

    def names(self) -> list[str]:
        return [p.path for p in self.problems]


def _parse_manifest(text: str) -> dict[str, str]:
    found = {}
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        digest, _, path = line.partition(" ")
        found[path.strip().lstrip("*").strip()] = digest.lower()
    return found


def _read_members(archive: zipfile.ZipFile, verdict: Verdict) -> dict[str, bytes]:
    contents: dict[str, bytes] = {}
    for info in archive.infolist():
        if info.is_dir():
            continue
        try:
            contents[info.filename] = archive.read(info)
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            ValueError,
            EOFError,
            NotImplementedError,
        ) as exc:
            verdict.problems.append(_unreadable(info.filename, exc))
            verdict.unreadable.add(info.filename)
            contents[info.filename] = b""
    return contents


def verify(package: Path | str, use_bagit: bool = True) -> Verdict:
    package = Path(package)
    verdict = Verdict(package)
    try:
        archive = zipfile.ZipFile(package)
    except zipfile.BadZipFile:
        verdict.problems.append(Problem("unreadable", package.name, "not_zip"))
        return verdict
    except (NotImplementedError, ValueError, EOFError):  # e.g. a changed "version needed" byte
        verdict.problems.append(Problem("unreadable", package.name, "damaged"))
        return verdict
    except OSError as exc:
        from ...i18n import SystemReason

        reason = SystemReason.of(exc)
        verdict.problems.append(Problem("unreadable", package.name, "os_error", {"reason": reason}))
        return verdict
    with archive:
        contents = _read_members(archive, verdict)
        layout = [(i.header_offset, i.filename, i.date_time) for i in archive.infolist()]
    roots = {PurePosixPath(name).parts[0] for name in contents if "/" in name}
    loose = [name for name in contents if "/" not in name]
    for name in loose:
        verdict.problems.append(Problem("extra", name, "outside_bag"))
    if len(roots) != 1:
        verdict.problems.append(
            Problem("structure", package.name, "bag_folders", {"count": len(roots)})
        )
        return verdict
    root = verdict.root = roots.pop()
    inside = {
        name[len(root) + 1 :]: data
        for name, data in contents.items()
        if name.startswith(root + "/")
    }
    for tag in (*TAG_FILES, "tagmanifest-sha256.txt"):
        if tag not in inside:
            verdict.problems.append(Problem("missing", f"{root}/{tag}"))
    header = inside.get("bagit.txt", b"").split(b"\n")[0].strip()
    if "bagit.txt" in inside and header not in (b"BagIt-Version: 1.0", b"BagIt-Version: 0.97"):
        verdict.problems.append(Problem("altered", f"{root}/bagit.txt", "not_bagit"))
    tagged = _parse_manifest(inside.get("tagmanifest-sha256.txt", b"").decode("utf-8", "replace"))
    for name, digest in tagged.items():
        if name not in inside:
            verdict.problems.append(Problem("missing", f"{root}/{name}"))
        elif hashlib.sha256(inside[name]).hexdigest() != digest:
            verdict.problems.append(Problem("altered", f"{root}/{name}", "tag_hash"))
    manifest = _parse_manifest(inside.get("manifest-sha256.txt", b"").decode("utf-8", "replace"))
    payload = {name: data for name, data in inside.items() if name.startswith("data/")}
    verdict.files = len(payload)
    for name, digest in manifest.items():
        if name not in payload:
            verdict.problems.append(Problem("missing", f"{root}/{name}"))
        elif f"{root}/{name}" in verdict.unreadable:
            continue
        elif hashlib.sha256(payload[name]).hexdigest() != digest:
            verdict.problems.append(Problem("altered", f"{root}/{name}", "sha256"))
    for name in sorted(set(payload) - set(manifest)):
        verdict.problems.append(Problem("extra", f"{root}/{name}", "not_in_manifest"))
    known = set(TAG_FILES) | {"tagmanifest-sha256.txt"} | set(tagged)
    for name in sorted(n for n in inside if not n.startswith("data/") and n not in known):
        verdict.problems.append(Problem("extra", f"{root}/{name}", "tag_not_listed"))
    for line in inside.get("bag-info.txt", b"").decode("utf-8", "replace").splitlines():
        key, sep, value = line.partition(":")
        if sep:
            verdict.info[key.strip()] = value.strip()
    oxum = verdict.info.get("Payload-Oxum")
    real = f"{sum(len(d) for d in payload.values())}.{len(payload)}"
    if oxum and oxum != real and not verdict.problems:
        verdict.problems.append(
            Problem("altered", f"{root}/bag-info.txt", "oxum", {"oxum": oxum, "real": real})
        )
    if not verdict.problems:
        _check_container(package, contents, layout, verdict)
    if use_bagit and not verdict.problems:
        verdict.bagit_ok = _bagit_validates(inside, root)
        if not verdict.bagit_ok:
            verdict.problems.append(Problem("structure", package.name, "bagit_rejects"))
    return verdict


def _bagit_validates(inside: dict[str, bytes], root: str) -> bool:
    import bagit

    logging.getLogger("bagit").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="qk-verify-") as folder:
        base = Path(folder) / root
        for name, data in inside.items():
            target = base / name
            if ".." in PurePosixPath(name).parts or PurePosixPath(name).is_absolute():
                return False
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        try:
            bagit.Bag(str(base)).validate(processes=1)
        except bagit.BagError:
            return False
    return True


def _check_container(
    package: Path, contents: dict[str, bytes], layout: list[tuple], verdict: Verdict
) -> None:
    """The ZIP must be byte for byte what the package writer makes of its files.

    Every file can be intact while a header byte (a date, a flag) was changed; a
    package, once written, is never changed, so that fails too, naming the member
    whose header holds the byte.
    """
    import io

    from .bag import put

    data = package.read_bytes()
    again = io.BytesIO()
    with zipfile.ZipFile(again, "w") as archive:
        for _, name, stamp in sorted(layout):
            put(archive, name, contents[name], stamp)
    canonical = again.getvalue()
    if canonical == data:
        return
    at = next(
        (i for i, (a, b) in enumerate(zip(data, canonical, strict=False)) if a != b),
        min(len(data), len(canonical)),
    )
    starts = sorted(layout)
    owner = package.name
    for offset, name, _ in starts:
        if offset <= at:
            owner = name
    end_of_members = max(
        (o + 30 + len(n.encode()) + len(contents[n]) for o, n, _ in starts), default=0
    )
    detail = "zip_bytes_central" if at >= end_of_members else "zip_bytes"
    verdict.problems.append(Problem("altered", owner, detail, {"offset": at}))

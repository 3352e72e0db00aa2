"""Writing files the safe way: to a temporary file beside the target, then a rename."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class ReplaceRefused(PermissionError):
    """The finished file could not take the old one's place, in a folder where it was
    just written: on Windows, the old file is open in another program (Excel keeps the
    workbook it shows locked) or it is read-only."""


@contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path; on success it replaces ``target`` in one step.

    Readers never see a half-written export, and a failure leaves any old file
    in place. An old file that cannot be replaced raises :class:`ReplaceRefused`.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_left_overs(target)
    temporary = _new_file(target)
    try:
        yield temporary
        try:
            os.replace(temporary, target)
        except PermissionError as error:
            raise ReplaceRefused(error.errno, error.strerror, str(target)) from error
    finally:
        if temporary.exists():
            temporary.unlink()


# A left-over of a run that was killed: older than any export still being written.
LEFT_OVER_AGE = 6 * 3600
_PART = re.compile(r"\.(?P<name>.+)\.[0-9a-f]{12}(?:\.\w+)?\.part")


def remove_left_overs(target: Path, now: float | None = None) -> list[Path]:
    """Delete temporary files an earlier, killed write of ``target`` left beside it.

    Only this app's own names (``.NAME.<12 hex>[.kind].part``) for this target, and only
    when old enough that no other writer can still be using them.
    """
    now = time.time() if now is None else now
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            match = _PART.fullmatch(entry.name)
            if not match or match.group("name") != target.name:
                continue
            with contextlib.suppress(OSError):
                if now - entry.stat(follow_symlinks=False).st_mtime > LEFT_OVER_AGE:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def sibling_temporary(target: Path, kind: str) -> Path:
    """A new temporary file beside ``target`` for a writer's scratch data (``kind``)."""
    return _new_file(target, f".{kind}")


def _new_file(target: Path, kind: str = "") -> Path:
    """An empty, newly created file beside ``target``, with the permissions any new file
    of the user gets (mkstemp's would be owner-only: an export must not come out so)."""
    for _ in range(100):
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(6)}{kind}.part")
        try:
            os.close(os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(f"no free temporary name beside {target}")

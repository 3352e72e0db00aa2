"""What the user gave as input: files, or folders of statements.

A folder stands for the statements inside it (recursively; hidden files and the
app's own side files skipped), and the user is told so; a folder with none, or a
path that does not exist, is bad input naming the path.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import UserError
from ..i18n import text

# Not statements: documents and the app's own files that sit beside exports.
SKIPPED_SUFFIXES = frozenset({".md", ".py", ".pyc", ".json", ".sqlite", ".pdf", ".png", ".jpg",
                              ".jpeg", ".gif", ".docx", ".doc", ".part", ".log"})


def expand_inputs(paths: Sequence[Path]) -> tuple[list[Path], list[str]]:
    """(files to import, notes for the user) — notes in English; ids in the catalogue."""
    files: list[Path] = []
    notes: list[str] = []
    for path in map(Path, paths):
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file()
                            and not any(part.startswith(".") for part in p.relative_to(path).parts)
                            and p.suffix.lower() not in SKIPPED_SUFFIXES)
            if not inside:
                raise UserError.of("input.directory_empty", path=path)
            notes.append(text("input.directory_used", "en", path=path, count=len(inside)))
            files.extend(inside)
        elif not path.exists():
            raise UserError.of("input.missing", path=path)
        else:
            files.append(path)
    return files, notes

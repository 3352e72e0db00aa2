"""What the user gave as input: files, or folders of statements.

A folder stands for the statements inside it (recursively; hidden files and the
app's own side files skipped), and the user is told so; a folder with none, or a
path that does not exist, is bad input naming the path.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import StatementError, UserError

# Not statements: documents and the app's own files that sit beside exports.
SKIPPED_SUFFIXES = frozenset(
    {
        ".md",
        ".py",
        ".pyc",
        ".json",
        ".sqlite",
        ".pdf",
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".docx",
        ".doc",
        ".part",
        ".log",
    }
)


def _looks_like_statement(path: Path) -> bool:
    """A file inside a folder is imported when an importer knows it (or it is a ZIP,
    opened with the password later); anything else in the folder is skipped."""
    from ..importers.base import Probe, identify

    try:
        probe = Probe(path.name, path.read_bytes())
        if probe.kind == "zip":
            return True
        identify(probe)
    except (StatementError, OSError, ValueError):
        return False
    return True


Note = tuple[str, dict[str, object]]  # a catalogue message id and its fields


def expand_inputs(paths: Sequence[Path]) -> tuple[list[Path], list[Note]]:
    """(files to import, notes for the user as catalogue ids with their fields)."""
    files: list[Path] = []
    notes: list[Note] = []
    for path in map(Path, paths):
        if path.is_dir():
            inside = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.suffix.lower() not in SKIPPED_SUFFIXES
            )
            statements = [p for p in inside if _looks_like_statement(p)]
            if not statements:
                raise UserError.of("input.directory_empty", path=path)
            notes.append(("input.directory_used", {"path": path, "count": len(statements)}))
            skipped = len(inside) - len(statements)
            if skipped:
                notes.append(("input.directory_skipped", {"path": path, "count": skipped}))
            files.extend(statements)
        elif not path.exists():
            raise UserError.of("input.missing", path=path)
        else:
            files.append(path)
    return files, notes

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

SKIPPED_NAMED = 3  # a note names this many skipped files, then says how many more


class NameList(list[str]):
    """File names for a message, joined as its language lists things: the template asks
    for ``{names:zh}`` (、) or ``{names:en}`` (, ), so one note renders in either."""

    def __format__(self, spec: str) -> str:
        return ("、" if spec == "zh" else ", ").join(self)


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
            )
            statements = [
                p
                for p in inside
                if p.suffix.lower() not in SKIPPED_SUFFIXES and _looks_like_statement(p)
            ]
            if not statements:
                raise UserError.of("input.directory_empty", path=path)
            used = "input.directory_used" + (".one" if len(statements) == 1 else "")
            notes.append((used, {"path": path, "count": len(statements)}))
            taken = set(statements)
            skipped = [p for p in inside if p not in taken]
            if skipped:
                notes.append(_skipped_note(path, skipped))
            files.extend(statements)
        elif not path.exists():
            raise UserError.of("input.missing", path=path)
        else:
            files.append(path)
    return files, notes


def _skipped_note(folder: Path, skipped: list[Path]) -> Note:
    """Every file of a folder that is not imported, counted; the first few named by
    their path inside the folder (hidden files are not counted: the user does not see them)."""
    names = NameList(p.relative_to(folder).as_posix() for p in skipped[:SKIPPED_NAMED])
    fields: dict[str, object] = {"path": folder, "count": len(skipped), "names": names}
    if len(skipped) > SKIPPED_NAMED:
        return ("input.directory_skipped.more", {**fields, "more": len(skipped) - SKIPPED_NAMED})
    return ("input.directory_skipped" + (".one" if len(skipped) == 1 else ""), fields)

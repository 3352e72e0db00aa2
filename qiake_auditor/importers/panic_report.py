"""The spreadsheet reader's panic report kept off the user's screen.

python-calamine is Rust. On some damaged workbooks it panics (a CODEPAGE or FILEPASS
record cut short in an .xls: "range end index 2 out of range for slice of length 0");
pyo3 turns the panic into a ``PanicException``, which :class:`~.base.Probe` says as
damage naming the file. Before that, Rust's panic hook has already written its report
(``thread '<unnamed>' panicked at …/calamine-…/src/utils.rs:48:25: …``, with a
backtrace when ``RUST_BACKTRACE`` is set) straight to file descriptor 2: not through
``sys.stderr``, so nothing in Python can catch or redirect it at that level.

So while calamine reads, descriptor 2 points at a temporary file. Afterwards it is
restored and what went there is written to stderr as it was, except a panic report
(from its ``thread '…' panicked at`` line on) when the read ended in a panic.

Threads: descriptor 2 belongs to the whole process. A lock lets one read at a time hold
the redirection (no two workbooks are read side by side anywhere today; a second one
waits, it is not left unguarded). What other threads write to stderr meanwhile (a
Python warning, a Qt message in the window) is not lost but delayed until the read
ends; only after a panic is the text from the panic line on dropped, which in that
short moment could take another thread's line with it. Where there is no descriptor 2
(a windowed program on Windows) nothing is redirected: nobody sees the report there.
On Windows ``os.dup2`` on descriptor 2 also sets the process's standard error handle,
which is what Rust writes to, for console programs (the command line).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Rust's report starts "thread 'name' panicked at" ('name' (1234) since Rust 1.84),
# after a blank line.
_PANIC = re.compile(rb"\n?^thread '[^'\n]*'[^\n]* panicked at ", re.M)
_lock = threading.RLock()  # a nested read would capture into the outer capture


@contextmanager
def panic_report_hidden() -> Iterator[None]:
    """Run the block with descriptor 2 captured; a panic's report is dropped, anything
    else written meanwhile goes to stderr once the block ends."""
    with _lock:
        _flush()
        try:
            saved = os.dup(2)
        except OSError:  # no standard error at all: nothing to hide the report from
            yield
            return
        panicked = False
        with tempfile.TemporaryFile() as capture:
            os.dup2(capture.fileno(), 2)
            try:
                yield
            except BaseException as exc:
                panicked = type(exc).__name__ == "PanicException"  # pyo3's, not importable
                raise
            finally:
                _flush()
                os.dup2(saved, 2)
                os.close(saved)
                capture.seek(0)
                said = capture.read()
                if panicked and (report := _PANIC.search(said)):
                    said = said[: report.start()]
                _write_all(said)


def _flush() -> None:
    """Python's own buffered stderr text goes where descriptor 2 points now."""
    for stream in (sys.stderr, sys.__stderr__):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # closed or gone: nothing buffered to keep
            pass


def _write_all(data: bytes) -> None:
    view = memoryview(data)
    try:
        while view:
            view = view[os.write(2, view) :]
    except OSError:  # stderr closed meanwhile: the text has nowhere to go
        pass

"""The process that draws the window's charts: ``python -m qiake_auditor.chart_server``.

Why a process of its own: matplotlib is Python through and through, and a chart takes
0.1-0.3 s to draw. Drawn on a thread of the window's process it shared the GIL with the
window, whose every painted table cell is a call into Python (PySide takes the GIL for
each): a chart drawn while the user searched or scrolled froze the window 100-190 ms.
Here it shares nothing.

The window sends a :class:`Draw` (plain data from :mod:`qiake_auditor.chart_data` and a
size in pixels) and receives the chart's pixels (:class:`Drawn`); with a ``path`` the
chart is saved there instead (PNG, SVG or PDF, written whole or not at all) and the
answer is :class:`Saved`. What cannot be done is answered with a :class:`Failed`.
Messages are length-prefixed pickles over the child's stdin and stdout: both ends are
this program, and nothing else can write to those pipes. The child says :class:`Ready`
first, once matplotlib is loaded, and ends when its stdin closes (the window quit or
died).
"""

from __future__ import annotations

import pickle
import struct
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .chart_data import ChartData
from .thread_priority import lower_this_process

_LENGTH = struct.Struct("<Q")
LONGEST = 256 * 2**20  # bytes: the pixels of a chart on a 4K screen are 33 MB
DPI = 100.0
FLAG = "--chart-server"
"""The argument that makes a frozen app (PyInstaller and the like, where there is no
interpreter to give ``-m`` to) run as this server: see :func:`command`."""


def command() -> list[str]:
    """How the window starts this server: ``python -m qiake_auditor.chart_server``, or,
    in a frozen app, the app itself with :data:`FLAG` (its entry point hands over)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, FLAG]
    return [sys.executable, "-m", "qiake_auditor.chart_server"]


@dataclass(frozen=True)
class Draw:
    """Draw ``data`` at ``width`` x ``height`` pixels, times ``ratio`` for a dense screen."""

    data: ChartData | None  # None: a blank figure
    width: int
    height: int
    ratio: float = 1.0
    path: Path | None = None  # save the chart there, by its suffix


@dataclass(frozen=True)
class Drawn:
    """A chart's pixels: RGBA, 8 bits a channel, rows top to bottom."""

    width: int
    height: int
    rgba: bytes


@dataclass(frozen=True)
class Ready:
    """The child's first message: matplotlib and the CJK font are loaded."""


@dataclass(frozen=True)
class Saved:
    path: Path


@dataclass(frozen=True)
class Failed:
    """The chart could not be drawn or saved: the error, as a log would say it, and the
    exception itself (an OSError is raised again in the window, for its message)."""

    error: str
    exception: BaseException | None = None


def write_message(stream: IO[bytes], message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)))
    stream.write(data)
    stream.flush()


def read_message(stream: IO[bytes]) -> Any:
    """The next message; EOFError when the other end has gone."""
    return pickle.loads(read_frame(stream))  # our own child's pipe: trusted


def read_frame(stream: IO[bytes]) -> bytes:
    """The next message, still pickled; EOFError when the other end has gone."""
    (length,) = _LENGTH.unpack(_exactly(stream, _LENGTH.size))
    if length > LONGEST:  # not one of ours: something else wrote to the pipe
        raise ValueError(f"a chart message of {length:,} bytes")
    return _exactly(stream, length)


def _exactly(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if data is None or len(data) != size:
        raise EOFError("the other end of the chart pipe closed")
    return data


def figure_of(data: ChartData | None, width: int, height: int, ratio: float = 1.0):
    """A new matplotlib figure of ``width`` x ``height`` pixels showing ``data`` (None:
    nothing), drawn with Agg (so its pixels can be read)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from . import charts

    charts.cjk_family()
    figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI * ratio, layout="constrained")
    FigureCanvasAgg(figure)
    if data is not None:
        data.draw(figure)
    figure.canvas.draw()
    return figure


def answer(request: Draw) -> Drawn | Saved:
    """Draw ``request``: its pixels, or the file it asked for written."""
    figure = figure_of(request.data, request.width, request.height, request.ratio)
    if request.path is not None:
        from . import charts

        return Saved(charts.save(figure, request.path))
    width, height = figure.canvas.get_width_height(physical=True)
    return Drawn(width, height, bytes(figure.canvas.buffer_rgba()))


def serve(requests: IO[bytes], replies: IO[bytes]) -> None:
    """Answer each request with its chart's pixels until ``requests`` ends."""
    from . import charts

    charts.cjk_family()  # matplotlib and the CJK font, before the first chart is asked for
    write_message(replies, Ready())
    while True:
        try:
            frame = read_frame(requests)
        except EOFError:
            return
        try:
            reply: Drawn | Saved | Failed = answer(pickle.loads(frame))  # trusted, as above
        except Exception as error:  # the window logs it and shows no chart
            reply = Failed(f"{type(error).__name__}: {error}", _picklable(error))
        write_message(replies, reply)


def _picklable(error: BaseException) -> BaseException | None:
    try:
        pickle.dumps(error)
    except Exception:  # an exception holding what cannot cross: its text only
        return None
    return error


def main() -> None:
    lower_this_process()  # behind the window on a busy machine
    replies = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print() must not break the pipe's messages
    serve(sys.stdin.buffer, replies)


if __name__ == "__main__":
    # Run from the module by its name: the replies' classes must be pickled as
    # qiake_auditor.chart_server's, which the window knows, not as __main__'s.
    from qiake_auditor.chart_server import main as main_by_name

    main_by_name()

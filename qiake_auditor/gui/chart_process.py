"""The window's side of the chart process (:mod:`qiake_auditor.chart_server`).

One child process draws every chart of the window, one at a time, and one thread of
the window talks to it: it sends a chart's data, waits for the pixels (the GIL let
go meanwhile), and hands them over (:meth:`ChartProcess.draw`). Saving a chart as
PNG, SVG or PDF is done there too (:meth:`ChartProcess.save`). The child is started before the
first chart is needed (:meth:`ChartProcess.start`, at the window's warm-up), so
matplotlib is loaded there, not here.

If the child cannot be started, dies while drawing or stays silent (hung) for
:data:`ANSWER_WITHIN`, it is started again once for the chart; after that, charts are
drawn on that thread in this process, as before the child existed (slower beside a busy
window, never missing).
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import queue
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import chart_server
from ..chart_data import ChartData
from ..chart_server import (
    Draw,
    Drawn,
    Failed,
    Ready,
    Saved,
    answer,
    read_message,
    write_message,
)
from ..thread_priority import lower_this_thread

log = logging.getLogger(__name__)
RESTARTS = 1  # a child that died is started again this many times, then charts draw here
ANSWER_WITHIN = 30.0  # seconds: a child silent longer (hung) is stopped, as one that died


Reply = Drawn | Saved | Failed


@dataclass
class ChartRequest:
    """A chart asked for (what the child is sent), whether it is still wanted (a newer
    one for the same view makes it moot), and who receives the answer (None: not
    drawn, no longer wanted)."""

    draw: Draw
    wanted: Callable[[], bool]
    deliver: Callable[[Reply | None], None]


class ChartProcess:
    """The child process that draws charts, and the one thread that talks to it."""

    def __init__(self, command: list[str] | None = None) -> None:
        self._command = command or chart_server.command()
        self._requests: queue.SimpleQueue[ChartRequest | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._child: subprocess.Popen | None = None
        self._restarts = RESTARTS
        self._here = False  # the child is given up: charts are drawn in this process
        self._lock = threading.Lock()
        # set once charts can be drawn: the child said it is ready, or was given up on
        self.ready = threading.Event()

    @property
    def in_child(self) -> bool:
        """Charts are drawn by the child (not given up on)."""
        return not self._here

    def start(self) -> None:
        """Start the thread, which starts the child (matplotlib loads there meanwhile)."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, name="charts", daemon=True)
                self._thread.start()

    def draw(self, request: ChartRequest) -> None:
        """Draw ``request`` in turn; its ``deliver`` is called on this object's thread."""
        self.start()
        self._requests.put(request)

    def save(self, data: ChartData | None, width: int, height: int, path: Path) -> Path:
        """Write the chart of ``data`` to ``path`` (PNG, SVG or PDF by its suffix, whole
        or not at all), waiting for it; what stopped it is raised here (OSError,
        ValueError) or, when it cannot cross from the child, an OSError saying it."""
        answered = threading.Event()
        replies: list[Reply | None] = []

        def deliver(reply: Reply | None) -> None:
            replies.append(reply)
            answered.set()

        self.draw(ChartRequest(Draw(data, width, height, 1.0, path), lambda: True, deliver))
        answered.wait()
        reply = replies[0]
        if isinstance(reply, Saved):
            return reply.path
        if isinstance(reply, Failed) and reply.exception is not None:
            raise reply.exception
        raise OSError(reply.error if isinstance(reply, Failed) else "chart not saved")

    def close(self) -> None:
        """Stop the thread and the child (each chart asked for before is answered)."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._requests.put(None)
            thread.join(10)

    # -- on the thread -----------------------------------------------------------------
    def _serve(self) -> None:
        lower_this_thread()
        self._child = self._started()
        self.ready.set()  # or not started: tried again for the first chart, then drawn here
        try:
            while (request := self._requests.get()) is not None:
                if not request.wanted():
                    request.deliver(None)
                    continue
                draw = request.draw
                reply = self._in_child(draw) if not self._here else _answered_here(draw)
                if isinstance(reply, Failed) and draw.path is None:
                    log.error("chart not drawn: %s", reply.error)
                request.deliver(reply)
        finally:
            self._stop_child()

    def _in_child(self, draw: Draw) -> Reply:
        """The child's answer; a child that is gone is started again (:data:`RESTARTS`),
        then the chart is drawn here."""
        while True:
            child = self._child
            if child is not None:
                watchdog = threading.Timer(ANSWER_WITHIN, child.kill)
                watchdog.start()
                try:
                    assert child.stdin is not None and child.stdout is not None
                    write_message(child.stdin, draw)
                    return read_message(child.stdout)
                except (OSError, EOFError, ValueError) as error:
                    log.warning("the chart process stopped (%s)", error)
                    self._stop_child()
                finally:
                    watchdog.cancel()
            if self._restarts <= 0:
                log.warning("charts are drawn in the window's process from now on")
                self._here = True
                return _answered_here(draw)
            self._restarts -= 1
            self._child = self._started()

    def _started(self) -> subprocess.Popen | None:
        """A new child, once it said it is ready (None: it could not be started)."""
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (package_root, env.get("PYTHONPATH", "")) if p
        )
        try:
            child = subprocess.Popen(
                self._command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=env,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except OSError as error:
            log.warning("the chart process did not start (%s)", error)
            return None
        self._child = child
        try:
            assert child.stdout is not None
            hello = read_message(child.stdout)
        except (OSError, EOFError, ValueError) as error:
            hello = error
        if not isinstance(hello, Ready):
            log.warning("the chart process did not start (%s)", hello)
            self._stop_child()
            return None
        return child

    def _stop_child(self) -> None:
        child, self._child = self._child, None
        if child is None:
            return
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        try:
            child.wait(5)  # it ends at the end of its stdin
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _answered_here(draw: Draw) -> Reply:
    try:
        return answer(draw)
    except Exception as error:  # as the child answers it
        return Failed(f"{type(error).__name__}: {error}", error)


_process: ChartProcess | None = None


def chart_process() -> ChartProcess:
    """The window's one chart process (made on first use, closed at exit)."""
    global _process
    if _process is None:
        _process = ChartProcess()
        atexit.register(_process.close)
    return _process

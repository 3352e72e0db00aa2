"""GUI speed: the real window, offscreen, on a 1,000,000-row Alipay bill.

Figures: ``start_s`` (a fresh process until the window is shown and painted, empty
workspace), ``open_s`` (switching to the transactions view with 1M rows and painting
it, once its table is ready), ``sort_s`` (sorting by amount), ``filter_s`` (a text
search, computed off the GUI thread, until the table shows the result),
``max_block_ms`` (the longest stall of the event loop during import, search and scan,
the table's preparation after each included, from a 10 ms timer; not while the
benchmark itself opens the view and sorts, timed as ``open_s`` and ``sort_s``;
``stalls_over_50ms`` counts them, ``max_block_steal_ms`` is the CPU time the virtual
machine's host took away during the longest (``steal`` in /proc/stat, the most of any
one CPU, to 10 ms), ``stalls_over_50ms_unstolen`` counts those over 50 ms even without the time
taken away, ``max_block_in`` names the step of the longest:
import, table, search, scan, scan: table), ``import_ratio`` (the window's import of the bill
until its cases are shown, over the bare ``pandas.read_csv`` of the same file, measured
in the same run: the median of three reads in fresh interpreters, one before the
import and two after the run; the import started once the new window has loaded the
app layer in the background and its chart process has loaded matplotlib, as a bill
dropped on a window opened a moment before),
``table_s`` (how much longer the transactions table took to be ready, prepared on a
worker after the cases are shown). Ends with one JSON line.

``--probe-machine`` runs a second process beside the app that notes its own pauses
(see :class:`MachineProbe`) and adds ``machine_pause_ms`` (its longest, while the stall
meter ran), ``max_block_machine_ms`` (how much of the longest stall it stood still too)
and ``stalls_over_50ms_own`` (stalls over 50 ms even without the time it stood still);
``max_block_app_ms`` and ``stalls_over_50ms_app`` leave out the machine's part of each
stall of 35 ms or more (the longer of the probe's standing still and the host's steal,
never both): what is left is the app's own.

``--trace-stalls FILE`` writes into FILE, for each stall over 35 ms, what the threads
were doing meanwhile: a sampler thread notes every thread's innermost frames every
2 ms, and the tick after a stall writes the notes taken during it, counted (the
GUI thread's first). A diagnostic: the sampler changes what it measures (traced runs
had shorter stalls, perhaps because a thread waking every 2 ms keeps a core awake).
It replaced faulthandler's watchdog, whose reading of other threads' stacks without
the GIL crashed a run in about ten.

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/gui_speed.py [--rows N] [--keep DIR]
       [--trace-stalls FILE] [--probe-machine]
"""

from __future__ import annotations

import collections
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_speed import BARE, arguments, measure, statement

START = """
import sys, time
t0 = float(sys.argv[1])
from qiake_auditor.gui.app import make_application
from qiake_auditor.gui.main_window import MainWindow
app = make_application(["x"], "zh")
window = MainWindow(sys.argv[2])
window.show()
app.processEvents()
window.repaint()
print(time.time() - t0)
"""


class Stalls:
    """The longest gap between ticks of a 10 ms timer: how long the event loop blocked.

    With ``trace`` (an open file), a :class:`Sampler` runs meanwhile and the tick
    after a stall over 35 ms writes what it saw during the stall.
    """

    TRACED = 0.035

    def __init__(self, trace=None) -> None:
        from PySide6.QtCore import QTimer

        self.worst = 0.0
        self.over_50ms = 0
        self.phase = ""  # the benchmark's step under way, named by main()
        self.worst_in = ""  # the step of the longest stall
        self.trace = trace
        self.sampler = Sampler() if trace is not None else None
        self._stalls: list[tuple[float, float, float, float, int]] = []  # gap, start, end, ...
        self.worst_stolen = 0.0  # of the longest stall, the most the host took of a CPU
        self.over_50ms_here = 0  # stalls over 50 ms even without the time stolen
        self.spans: list[tuple[float, float]] = []  # (start, end) of each stall over 35 ms
        self.spans_stolen: list[float] = []  # the most the host took of a CPU in each
        self.worst_span = (0.0, 0.0)
        self.windows: list[list[float]] = []  # [start, end] of each time the meter ran
        self._steal = Steal()
        self._stolen_before = self._steal.seconds()
        self._faults_before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        self._last = time.perf_counter()
        self._collecting = self._last
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = now - self._last - 0.010
        stolen_now = self._steal.seconds()
        stolen = Steal.most(self._stolen_before, stolen_now)
        self._stolen_before = stolen_now
        faults_now = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        faults, self._faults_before = faults_now - self._faults_before, faults_now
        if gap > self.worst:
            self.worst, self.worst_in, self.worst_stolen = gap, self.phase, stolen
            self.worst_span = (self._last + 0.010, now)
        if gap > self.TRACED:
            self.spans.append((self._last + 0.010, now))
            self.spans_stolen.append(stolen)
        self.over_50ms += gap > 0.050
        self.over_50ms_here += gap - stolen > 0.050
        if self.sampler is not None:
            self._write_stalls(now)
            if gap > self.TRACED:
                self._stalls.append((gap, self._last + 0.010, now, stolen, faults))
        self._last = now

    def _write_stalls(self, now: float) -> None:
        """Write the stalls noted, with the notes taken during each and in the 4 ms
        after it (what ran once the GIL was let go of: often what held it)."""
        while self._stalls and self._stalls[0][2] + 0.004 < now:
            gap, start, end, stolen, faults = self._stalls.pop(0)
            self.trace.write(
                f"=== a stall of {gap * 1000:.0f} ms (from {start:.3f}; the host took"
                f" {stolen * 1000:.0f} ms of a CPU; {faults} page faults)\n"
            )
            self.trace.write(self.sampler.between(start, end))
            self.trace.write("  right after:\n")
            self.trace.write(self.sampler.between(end, end + 0.004))
            self.trace.flush()

    def start(self) -> None:
        self._stolen_before = self._steal.seconds()
        self._faults_before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        self._last = time.perf_counter()
        self.windows.append([self._last, float("inf")])
        self.timer.start()
        if self.sampler is not None:
            self.sampler.start()
            if self._collection not in gc.callbacks:
                gc.callbacks.append(self._collection)

    def _collection(self, phase: str, info: dict) -> None:
        """A collection of the cyclic GC holds the GIL: those of 10 ms or more go into
        the trace, with the thread that ran it."""
        if phase == "start":
            self._collecting = time.perf_counter()
            return
        took = time.perf_counter() - self._collecting
        if took >= 0.010 and self.trace is not None:
            thread = threading.current_thread().name
            self.trace.write(
                f"--- gc generation {info['generation']}: {took * 1000:.0f} ms ({thread})\n"
            )

    def stop(self) -> None:
        self.timer.stop()
        self.windows[-1][1] = time.perf_counter()
        if self.sampler is not None:
            time.sleep(0.005)  # the notes after the last stall
            self._write_stalls(float("inf"))
            self.sampler.stop()
            if self._collection in gc.callbacks:
                gc.callbacks.remove(self._collection)


class MachineProbe:
    """A second process that shares nothing with the app (no GIL, no memory, no thread
    pool) and notes every pause of its own over 15 ms while it sleeps 2 ms at a time.
    Its pauses are the machine's: on this virtual machine, two processes filling fresh
    memory at the lowest priority (numpy, no Python work, no lock) made it pause up to
    43 ms; idle, or beside two busy loops, it did not pause. A stall of the window
    that it saw too is, for that time, not the app's. Started by ``--probe-machine``
    (it wakes a CPU 500 times a second, which may change what is measured)."""

    CODE = (
        "import sys, time\n"
        "out = open(sys.argv[1], 'w')\n"
        "last = time.perf_counter()\n"
        "while True:\n"
        "    time.sleep(0.002)\n"
        "    now = time.perf_counter()\n"
        "    if now - last > 0.017:\n"
        "        out.write(f'{last + 0.002:.4f} {now:.4f}\\n')\n"
        "        out.flush()\n"
        "    last = now\n"
    )

    def __init__(self, folder: Path) -> None:
        # The two processes' times are compared: the same clock, system-wide.
        clock = time.get_clock_info("perf_counter").implementation
        if "CLOCK_MONOTONIC" not in clock:
            raise SystemExit(f"--probe-machine: perf_counter is {clock}, not system-wide")
        self._file = folder / "machine-pauses.txt"
        self._process = subprocess.Popen([sys.executable, "-c", self.CODE, str(self._file)])

    def stop(self) -> list[tuple[float, float]]:
        """Its pauses, (start, end), once it has been stopped."""
        self._process.terminate()
        self._process.wait()
        lines = self._file.read_text().split("\n") if self._file.exists() else []
        pauses = []
        for line in lines:
            if line.count(" ") == 1:
                start, end = line.split()
                pauses.append((float(start), float(end)))
        return pauses

    @staticmethod
    def overlap(pauses: list[tuple[float, float]], start: float, end: float) -> float:
        """How long the probe stood still between ``start`` and ``end``."""
        return sum(max(0.0, min(end, b) - max(start, a)) for a, b in pauses)


class Steal:
    """Time the virtual machine's host gave each of this machine's CPUs to others
    ("steal" in /proc/stat, a line per CPU). A CPU taken away stops whatever thread it
    was running: the GUI thread, or the thread holding the GIL the GUI thread waits
    for; so a stall's figure is the most taken from any one CPU meanwhile (an average
    over the CPUs halved a 60 ms pause of one). Counted in ticks of 10 ms, so a
    stall's figure is within 10 ms. Where there is no /proc/stat (not Linux), 0."""

    def __init__(self) -> None:
        self._tick = 1 / os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 0.01
        try:
            self._fd: int | None = os.open("/proc/stat", os.O_RDONLY)
        except OSError:
            self._fd = None

    def seconds(self) -> tuple[float, ...]:
        """Each CPU's stolen time so far."""
        if self._fd is None:
            return ()
        lines = os.pread(self._fd, 1 << 16, 0).split(b"\n")
        per_cpu = [line.split() for line in lines if line[:3] == b"cpu" and line[3:4] != b" "]
        return tuple(int(f[8]) * self._tick if len(f) > 8 else 0.0 for f in per_cpu)

    @staticmethod
    def most(before: tuple[float, ...], after: tuple[float, ...]) -> float:
        """The most taken from one CPU between two readings."""
        return max((a - b for a, b in zip(after, before, strict=False)), default=0.0)


class Sampler:
    """A thread noting every other thread's five innermost frames (and the app's two
    innermost below them) every 2 ms (when it
    gets the GIL: a note's time says when); the last 10,000 notes are kept, a second or
    more with the window's threads."""

    DEPTH = 5
    OURS = 2  # and the two innermost frames of the app's own code below them

    def __init__(self) -> None:
        self.notes: collections.deque = collections.deque(maxlen=10_000)
        self._running = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._running.set()
        self._thread = threading.Thread(target=self._run, name="stall sampler", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._running.clear()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        me = threading.get_ident()
        names = {t.ident: t.name for t in threading.enumerate()}
        while self._running.is_set():
            time.sleep(0.002)
            at = time.perf_counter()
            for ident, frame in sys._current_frames().items():
                if ident == me:
                    continue
                where, ours = [], 0
                while frame is not None and ours < self.OURS and len(where) < 40:
                    code = frame.f_code
                    mine = "qiake_auditor" in code.co_filename
                    ours += mine
                    if len(where) < self.DEPTH or mine:
                        name = Path(code.co_filename).name
                        where.append(f"{name}:{frame.f_lineno} {code.co_name}")
                    frame = frame.f_back
                if ident not in names:
                    names = {t.ident: t.name for t in threading.enumerate()}
                self.notes.append((at, names.get(ident, str(ident)), " < ".join(where)))

    def between(self, start: float, end: float) -> str:
        """The notes taken from ``start`` to ``end``, counted, the GUI thread's first."""
        seen = collections.Counter(
            (thread, where) for at, thread, where in list(self.notes) if start <= at <= end
        )
        ordered = sorted(seen.items(), key=lambda item: (item[0][0] != "MainThread", -item[1]))
        return "".join(f"  {n:3d} x {thread}: {where}\n" for (thread, where), n in ordered)


def wait(app, done, limit: float = 600.0) -> None:
    """Run the event loop, as the app's own does, until ``done()`` (asked every 5 ms).

    Not a loop of processEvents() and 1 ms sleeps: that took the GIL a thousand times
    a second, taking turns from the worker no window would take (the import measured
    slower, the more so the shorter the switch interval)."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return
    loop = QEventLoop()
    end = time.perf_counter() + limit
    ask = QTimer()
    ask.setInterval(5)
    ask.timeout.connect(lambda: (done() or time.perf_counter() > end) and loop.quit())
    ask.start()
    loop.exec()
    ask.stop()
    if not done():
        raise TimeoutError("the window did not finish")


def start_time(folder: Path) -> float:
    code = START
    runs = []
    for attempt in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code, str(time.time()), str(folder / f"start-{attempt}.sqlite")],
            check=True,
            capture_output=True,
            text=True,
        )
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return sorted(runs)[1]


def main() -> None:
    sys.argv, trace_path = _trace_option(sys.argv)
    probing = "--probe-machine" in sys.argv
    sys.argv = [a for a in sys.argv if a != "--probe-machine"]
    args = arguments(__doc__)
    from PySide6.QtCore import Qt

    from qiake_auditor.gui import messages, tasks
    from qiake_auditor.gui.app import make_application
    from qiake_auditor.gui.chart_process import chart_process
    from qiake_auditor.gui.main_window import MainWindow

    class Quiet:
        def __getattr__(self, name):
            return lambda *a, **k: None

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start_s = start_time(folder)
        csv = statement(args.rows, folder, args.keep, args.plans)
        # The bare read once before the window's import and twice after the run, in
        # fresh interpreters, median taken: one read alone swung 3.3-6.2 s here
        # from run to run (a shared machine), and the ratio with it.
        bare = [measure(BARE, str(csv))[0]]
        app = make_application(["x"], "zh")
        messages.install(Quiet())
        window = MainWindow(folder / "w.sqlite")
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        # As a user drops a bill on a window opened a moment before: it has loaded the
        # app layer in the background meanwhile (tasks.warm_up, ~1 s after showing),
        # and its chart process has loaded matplotlib.
        wait(app, lambda: tasks.warmed() and chart_process().ready.is_set())
        trace = open(trace_path, "w") if trace_path else None  # noqa: SIM115 - closed below
        probe = MachineProbe(folder) if probing else None
        stalls = Stalls(trace)
        stalls.start()
        stalls.phase = "import"
        t = time.perf_counter()
        window.import_files([csv])
        wait(app, lambda: not window.busy and window.view is not None)
        import_s = time.perf_counter() - t
        page = window.ledger_page
        stalls.phase = "table"
        t = time.perf_counter()
        wait(app, lambda: not page.loading)
        table_s = time.perf_counter() - t
        # Opening the view and sorting are done here synchronously and have a bar of
        # their own (0.2 s each): the stall meter is paused meanwhile.
        stalls.stop()
        t = time.perf_counter()
        window.tabs.setCurrentWidget(page)
        page.view.repaint()
        app.processEvents()
        open_s = time.perf_counter() - t
        t = time.perf_counter()
        page.view.sortByColumn(window.ledger_model.AMOUNT, Qt.SortOrder.DescendingOrder)
        page.view.repaint()
        app.processEvents()
        sort_s = time.perf_counter() - t
        stalls.start()
        stalls.phase = "search"
        t = time.perf_counter()
        page.search.setText("洽客")
        page.apply_search()
        wait(app, lambda: not page.filtering)
        page.view.repaint()
        filter_s = time.perf_counter() - t
        shown = window.ledger_model.rowCount()
        # The rescan comes as a user's next click would, a moment later: called right
        # after the forced repaint above, the two counted as one stall of the window.
        moment = time.perf_counter() + 0.2
        wait(app, lambda: time.perf_counter() > moment)
        stalls.phase = "scan"
        t = time.perf_counter()
        window.reload()  # a scan of the million rows
        wait(app, lambda: not window.busy)
        scan_s = time.perf_counter() - t
        stalls.phase = "scan: table"
        wait(app, lambda: not page.loading and not page.filtering)
        stalls.stop()
        if trace is not None:
            trace.close()
        pauses = probe.stop() if probe is not None else None
        rows = window.ledger_model.data_rows()
        window.close()
        bare += [measure(BARE, str(csv))[0] for _ in range(2)]
        bare_s = statistics.median(bare)
    result = {
        "rows": rows,
        "start_s": round(start_s, 2),
        "open_s": round(open_s, 3),
        "sort_s": round(sort_s, 3),
        "filter_s": round(filter_s, 3),
        "max_block_ms": round(stalls.worst * 1000),
        "stalls_over_50ms": stalls.over_50ms,
        "max_block_in": stalls.worst_in,
        "max_block_steal_ms": round(stalls.worst_stolen * 1000),
        "stalls_over_50ms_unstolen": stalls.over_50ms_here,
        "import_ratio": round(import_s / bare_s, 2),
        "import_s": round(import_s, 2),
        "table_s": round(table_s, 2),
        "bare_read_s": round(bare_s, 2),
        "bare_reads_s": [round(b, 2) for b in bare],
        "scan_s": round(scan_s, 2),
        "filter_matches": shown,
    }
    if pauses is not None:
        result.update(_machine_figures(stalls, pauses))
    print(f"start-up to a painted window: {start_s:.2f} s")
    print(
        f"transactions view opened:     {open_s:.3f} s; sort {sort_s:.3f} s; "
        f"text filter {filter_s:.3f} s ({shown} matches)"
    )
    print(
        f"import {import_s:.2f} s vs bare read_csv {bare_s:.2f} s: ratio "
        f"{import_s / bare_s:.2f}; the table ready {table_s:.2f} s later; rescan {scan_s:.2f} s"
    )
    print(
        f"longest event-loop stall: {stalls.worst * 1000:.0f} ms, during the {stalls.worst_in}"
        f" ({stalls.over_50ms} over 50 ms); the host took {stalls.worst_stolen * 1000:.0f} ms"
        f" of a CPU during it; {stalls.over_50ms_here} over 50 ms without the time taken"
    )
    if pauses is not None:
        print(
            f"the machine (a second process) stood still up to {result['machine_pause_ms']} ms"
            f" meanwhile, {result['max_block_machine_ms']} ms of it during the longest stall;"
            f" {result['stalls_over_50ms_own']} stalls over 50 ms without the time it stood still"
        )
        print(
            f"without the machine's part of each stall (the probe's standing still or the"
            f" host's steal, the longer): longest {result['max_block_app_ms']} ms,"
            f" {result['stalls_over_50ms_app']} over 50 ms"
        )
    print(json.dumps(result))


def _machine_figures(stalls: Stalls, pauses: list[tuple[float, float]]) -> dict:
    """What the probe saw while the stall meter ran: its longest pause, how much of the
    longest stall it stood still too, and the stalls over 50 ms once that is left out."""
    inside = [
        (max(a, start), min(b, end))
        for a, b in pauses
        for start, end in stalls.windows
        if min(b, end) > max(a, start)
    ]
    still = [MachineProbe.overlap(inside, start, end) for start, end in stalls.spans]
    spans = [end - start for start, end in stalls.spans]
    # The probe's standing still and the host's steal may be the same moments: the
    # longer of the two is left out, never their sum.
    app = [
        span - max(probe, stolen)
        for span, probe, stolen in zip(spans, still, stalls.spans_stolen, strict=True)
    ]
    return {
        "machine_pause_ms": round(max((b - a for a, b in inside), default=0.0) * 1000),
        "max_block_machine_ms": round(MachineProbe.overlap(inside, *stalls.worst_span) * 1000),
        "stalls_over_50ms_own": sum(
            span - probe > 0.050 for span, probe in zip(spans, still, strict=True)
        ),
        "stalls_over_50ms_app": sum(gap > 0.050 for gap in app),
        # no stall of 35 ms or more: the longest as it was, nothing left out
        "max_block_app_ms": round((max(app) if app else stalls.worst) * 1000),
    }


def _trace_option(argv: list[str]) -> tuple[list[str], str | None]:
    """``--trace-stalls FILE`` taken out of the arguments import_speed parses."""
    if "--trace-stalls" not in argv:
        return argv, None
    at = argv.index("--trace-stalls")
    return argv[:at] + argv[at + 2 :], argv[at + 1]


if __name__ == "__main__":
    main()

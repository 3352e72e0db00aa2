"""parallel.each gives what the loop gives, on two threads, and stops as the loop would."""

from __future__ import annotations

import threading
import time

import pytest

from qiake_auditor import parallel
from qiake_auditor.errors import Cancelled


@pytest.fixture(autouse=True)
def two_cores(monkeypatch) -> None:
    monkeypatch.setattr(parallel, "_TWO_CORES", True)  # as on a one-core machine too


def test_results_are_in_the_items_order_and_both_threads_work() -> None:
    threads = set()

    def work(item: int) -> int:
        threads.add(threading.current_thread().name)
        time.sleep(0.002 * (item % 3))  # uneven pieces: the threads take them out of turn
        return item * item

    assert parallel.each(work, list(range(40))) == [i * i for i in range(40)]
    assert threading.current_thread().name in threads
    assert any(name.startswith("second core") for name in threads)


def test_one_core_runs_the_loop_on_this_thread(monkeypatch) -> None:
    monkeypatch.setattr(parallel, "_TWO_CORES", False)
    threads = []
    done = []
    out = parallel.each(
        lambda i: threads.append(threading.current_thread()) or -i, [1, 2, 3], done.append
    )
    assert out == [-1, -2, -3]
    assert set(threads) == {threading.current_thread()}
    assert done == [1, 2, 3]


def test_the_first_failing_item_is_raised_and_later_ones_never_start() -> None:
    started = []

    def work(item: int) -> int:
        started.append(item)
        time.sleep(0.01)
        if item in (3, 6):
            raise ValueError(f"item {item}")
        return item

    with pytest.raises(ValueError, match="item 3"):
        parallel.each(work, list(range(30)))
    assert max(started) <= 5  # taken in order; nothing after the failure was started


def test_done_counts_every_item_on_the_calling_thread() -> None:
    calls = []

    def done(n: int) -> None:
        calls.append((n, threading.current_thread()))

    # the last piece slow: the helper finishes it after this thread has run out of pieces
    parallel.each(lambda i: time.sleep(0.003 if i < 11 else 0.05), list(range(12)), done)
    assert [n for n, _ in calls] == list(range(1, 13))  # every count, as the loop says them
    assert {thread for _, thread in calls} == {threading.current_thread()}


def test_a_stop_in_done_ends_the_call_with_nothing_left_running() -> None:
    running = []
    after = []

    def work(item: int) -> None:
        running.append(item)
        time.sleep(0.02)
        running.remove(item)

    def done(n: int) -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        parallel.each(work, list(range(20)), done)
    after.extend(running)
    time.sleep(0.1)
    assert after == [] and running == []


def test_a_call_from_the_helper_itself_does_not_wait_for_it() -> None:
    def outer(item: int) -> list[int]:
        return parallel.each(lambda j: item * 10 + j, [0, 1, 2])

    finished = threading.Event()
    result = []

    def run() -> None:
        result.extend(parallel.each(outer, list(range(6))))
        finished.set()

    threading.Thread(target=run, daemon=True).start()
    assert finished.wait(10), "a nested call waited for the busy helper"
    assert result == [[i * 10 + j for j in range(3)] for i in range(6)]

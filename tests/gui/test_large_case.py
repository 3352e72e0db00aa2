"""A large case's charges table is made on a worker after the cases are shown."""

from __future__ import annotations

import threading

from qiake_auditor.gui import tasks


def test_a_large_cases_charges_arrive_from_a_worker(qtbot, window, monkeypatch) -> None:
    monkeypatch.setattr(tasks, "SMALL_CASE", 3)  # the demo's cases count as large
    monkeypatch.setattr(tasks, "TABLE_IN_WORKER", 0)  # and its ledger too
    made_on: list[int] = []
    real = tasks.charge_columns

    def recording(charges, language):
        made_on.append(threading.get_ident())
        return real(charges, language)

    monkeypatch.setattr(tasks, "charge_columns", recording)
    detail = window.case_detail
    shown_while_loading: list[str] = []
    original = detail._charges_made

    def arriving(case, made):
        if detail.charges_stack.currentWidget() is detail.charges_loading:
            shown_while_loading.append(detail.charges_loading.text())
        original(case, made)

    monkeypatch.setattr(detail, "_charges_made", arriving)
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.open_demo()
    case = window.selected_case()
    assert case is not None and len(case.charges) > 3
    qtbot.waitUntil(lambda: detail.charges_model.rowCount() == len(case.charges), timeout=30_000)
    assert detail.charges_stack.currentWidget() is detail.charges
    assert shown_while_loading[0] == f"正在整理 {len(case.charges):,} 笔扣款…"
    assert made_on and threading.get_ident() not in made_on  # none made on the GUI thread
    first_date = detail.charges_model.data(detail.charges_model.index(0, 0))
    assert first_date == min(c.date for c in case.charges).isoformat()


def test_a_replaced_view_is_let_go_of_off_the_gui_thread(qtbot, window, monkeypatch) -> None:
    from qiake_auditor.gui import release

    drained_on: list[str] = []
    real = release._drain
    monkeypatch.setattr(
        release,
        "_drain",
        lambda view: drained_on.append(threading.current_thread().name) or real(view),
    )
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.open_demo()
    old = window.selected_case()
    assert old is not None and old.charges
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.reload()
    new = window.selected_case()
    assert new is not old and new.key == old.key
    qtbot.waitUntil(lambda: not old.charges, timeout=10_000)  # the old one freed
    assert drained_on == ["release view"]
    assert new.charges and window.case_detail.charges_model.rowCount() == len(new.charges)


def test_a_large_case_left_before_its_table_is_started_is_not_made(
    qtbot, window, monkeypatch
) -> None:
    monkeypatch.setattr(tasks, "SMALL_CASE", 3)  # the demo's cases count as large
    monkeypatch.setattr(tasks, "TABLE_IN_WORKER", 0)  # and its ledger too
    made: list[str] = []
    real = tasks.ChargeTables.make

    def recording(self, case_id, progress=tasks.NO_PROGRESS):
        made.append(case_id)
        return real(self, case_id, progress)

    monkeypatch.setattr(tasks.ChargeTables, "make", recording)
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.open_demo()
    detail = window.case_detail
    first = window.selected_case()
    qtbot.waitUntil(lambda: first.id in made, timeout=30_000)
    others = [c for c in window.view.snapshot.cases if c.id != first.id and len(c.charges) > 3]
    assert len(others) >= 2
    passed, stayed = others[0], others[1]
    detail.show_case(passed, "", None)
    detail.show_case(stayed, "", None)  # in the same moment: the first one is passed over
    qtbot.waitUntil(lambda: detail.charges_model.rowCount() == len(stayed.charges), timeout=30_000)
    assert stayed.id in made and passed.id not in made

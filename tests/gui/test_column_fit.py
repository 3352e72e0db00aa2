"""Fitting columns into a width: the flexible column shrinks first, then columns are
hidden in the order given, and spare width goes back to the flexible column."""

from __future__ import annotations

from qiake_auditor.gui.column_fit import fit_columns

NEEDED = {0: 100, 1: 300, 2: 80, 3: 90, 4: 50}


def test_everything_shown_at_full_width_when_there_is_room():
    fit = fit_columns(NEEDED, 1000, flexible=1, flexible_least=200, hide_first=(4, 3))
    assert fit.hidden == frozenset() and fit.widths == NEEDED


def test_the_flexible_column_shrinks_before_anything_is_hidden():
    fit = fit_columns(NEEDED, 520, flexible=1, flexible_least=200, hide_first=(4, 3))
    assert fit.hidden == frozenset()
    assert fit.widths[1] == 200 and sum(fit.widths.values()) == 520


def test_columns_are_hidden_in_order_until_the_rest_fits():
    fit = fit_columns(NEEDED, 480, flexible=1, flexible_least=200, hide_first=(4, 3))
    assert fit.hidden == {4}
    assert fit.widths == {0: 100, 1: 210, 2: 80, 3: 90}
    fit = fit_columns(NEEDED, 430, flexible=1, flexible_least=200, hide_first=(4, 3))
    assert fit.hidden == {4, 3}
    assert fit.widths == {0: 100, 1: 250, 2: 80}
    fit = fit_columns(NEEDED, 300, flexible=1, flexible_least=200, hide_first=(4, 3))
    assert fit.hidden == {4, 3} and fit.widths[1] == 200  # too narrow: a scrollbar stays


def test_a_width_the_user_set_is_kept_and_that_column_is_never_hidden_to_fit():
    fit = fit_columns(
        NEEDED, 520, flexible=1, flexible_least=200, hide_first=(4, 3), fixed={4: 120}
    )
    assert fit.widths[4] == 120 and 4 not in fit.hidden
    assert fit.hidden == {3}  # the next one in line goes instead
    assert fit.widths[1] == 520 - 100 - 80 - 120
    fit = fit_columns(NEEDED, 2000, flexible=1, flexible_least=200, hide_first=(), fixed={0: 40})
    assert fit.widths[0] == 40  # narrower than its content: the user's choice


def test_the_flexible_column_sized_by_the_user_does_not_flex_and_may_be_absent():
    fit = fit_columns(
        NEEDED, 480, flexible=1, flexible_least=200, hide_first=(4, 3), fixed={1: 150}
    )
    assert fit.widths[1] == 150 and fit.hidden == frozenset()
    hidden_by_user = {c: w for c, w in NEEDED.items() if c != 1}
    fit = fit_columns(hidden_by_user, 280, flexible=1, flexible_least=200, hide_first=(4, 3))
    assert 1 not in fit.widths and fit.hidden == {4}

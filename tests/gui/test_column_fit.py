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

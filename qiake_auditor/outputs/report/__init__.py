"""Shareable outputs of a case: evidence package, report, letters."""

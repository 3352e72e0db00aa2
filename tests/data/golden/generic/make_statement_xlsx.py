"""Writes statement.xlsx, the generic spreadsheet fixture (run once; the file is committed)."""

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

book = Workbook()
notes = book.active
notes.title = "说明"
notes.append(["本表由网银导出"])
sheet = book.create_sheet("明细")
sheet.append(["Account statement"])
sheet.append(["Account", "'000123"])
sheet.append([])
sheet.append(["Transaction Date", "Description", "Withdrawal", "Deposit", "Balance", "Currency"])
sheet.append([dt.datetime(2024, 3, 1, 9, 30), "SPOTIFY P0123", 9.99, None, 990.01, "USD"])
sheet.append([45352, "Salary", None, 2500, 3490.01, "USD"])  # Excel serial 45352 = 2024-03-01
sheet.append(["13/03/2024", "Coffee (card)", "(4.50)", None, 3485.51, "usd"])
sheet.append([None, "Closing balance", None, None, 3485.51, None])
book.properties.created = dt.datetime(2024, 1, 1)
book.properties.modified = dt.datetime(2024, 1, 1)
book.save(Path(__file__).with_name("statement.xlsx"))

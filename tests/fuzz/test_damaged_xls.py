"""Damaged legacy .xls files are refused at once, naming the file, and never run away.

Found by benchmarks/fuzz.py: one byte inserted into a bank's .xls made the spreadsheet
reader follow a sector chain in a circle, appending sectors until the process had
gigabytes (17 hangs in 10,000 inputs, and one worker killed by the kernel's OOM killer
at 15 GB). The end-to-end checks run in a child with a 3 GiB address-space limit and
a timeout, so a regression fails the test instead of taking the machine's memory.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from qiake_auditor.errors import StatementError
from qiake_auditor.importers import compound_file

from . import compound_files
from .child import read_in_child

SAMPLE_XLS = sorted(Path("/work/shared/samples").glob("*/*.xls"))


def test_a_sound_container_passes_the_check() -> None:
    compound_file.check_container("bill.xls", compound_files.sound())


@pytest.mark.parametrize("name", sorted(compound_files.DAMAGED))
def test_each_kind_of_damage_is_refused_with_its_message(name: str) -> None:
    build, message_id = compound_files.DAMAGED[name]
    with pytest.raises(StatementError) as caught:
        compound_file.check_container("bill.xls", build())
    assert caught.value.message_id == message_id
    assert caught.value.source == "bill.xls"
    assert caught.value.text("zh").startswith("bill.xls：这个 .xls 文件已损坏")
    assert str(caught.value).startswith("bill.xls: this .xls file is damaged")


def test_cut_and_empty_headers_are_refused() -> None:
    for data in (compound_files.sound()[:300], compound_files.sound()[:512].ljust(512, b"\0")):
        with pytest.raises(StatementError):
            compound_file.check_container("bill.xls", data)


def test_damaged_containers_are_refused_end_to_end_without_running_away(
    tmp_path: Path,
) -> None:
    # directory_loop and difat_loop are the runaway class: without the check the reader
    # reaches 2.5-3.6 GB within 3 seconds on them (measured by hand, 2026-12-02).
    paths = []
    for name, (build, _) in compound_files.DAMAGED.items():
        path = tmp_path / f"{name}.xls"
        path.write_bytes(build())
        paths.append(path)
    for at in range(520, 2600, 97):  # one inserted byte moves every later sector
        path = tmp_path / f"shifted-{at}.xls"
        path.write_bytes(compound_files.shifted(at))
        paths.append(path)
    answers = read_in_child(paths)
    assert set(answers) == {str(p) for p in paths}
    for name, (_, message_id) in compound_files.DAMAGED.items():
        assert answers[str(tmp_path / f"{name}.xls")] == ("refused", message_id, None)
    assert all(outcome == "refused" for outcome, _, _ in answers.values())


@pytest.mark.skipif(not SAMPLE_XLS, reason="no .xls samples in /work/shared/samples")
def test_seeded_mutations_of_the_bank_samples_never_run_away(tmp_path: Path) -> None:
    from .test_fuzz import _fuzz

    fuzz = _fuzz()
    rng = random.Random(20261202)
    paths = list(SAMPLE_XLS)
    for i in range(60):
        source = SAMPLE_XLS[i % len(SAMPLE_XLS)]
        kind = rng.choice(["bit_flips", "random_bytes", "shuffle_lines", "truncate"])
        path = tmp_path / f"{i:02d}-{kind}.xls"
        path.write_bytes(fuzz.MUTATIONS[kind](source.read_bytes(), rng))
        paths.append(path)
    answers = read_in_child(paths)
    assert len(answers) == len(paths)
    for sample in SAMPLE_XLS:  # the real files still read
        assert answers[str(sample)] == ("ok", None, None)

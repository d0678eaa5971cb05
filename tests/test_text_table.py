"""Terminal tables fit 100 columns: long headers wrap, wide tables are cut into blocks."""

from __future__ import annotations

import pytest

from lsmitoitus.text.text_table import text_table

pytestmark = pytest.mark.unit


def test_a_wide_table_is_cut_into_blocks_that_fit_and_repeat_the_key() -> None:
    header = ["mittari", *(f"skenaario-{i}" for i in range(9))]
    rows = [["tarvittavat vakanssit viimeisenä vuonna", *(f"{i}{i}{i}" for i in range(9))]] * 3
    text = text_table(header, rows, width=100)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 100
    assert sum(line.startswith("tarvittavat vakanssit") for line in lines) > 3  # the key repeats per block
    for i in range(9):
        assert f"skenaario-{i}" in text and f"{i}{i}{i}" in text  # nothing is dropped


def test_long_headers_wrap_and_numbers_align_right() -> None:
    text = text_table(["yksikkö", "laskettavat asiakkaat viimeisenä vuonna (P50)"], [["avohuolto", "1 076"]])
    lines = text.splitlines()
    assert len(lines) > 3  # the header took more than one line
    assert max(len(line) for line in lines) < 40
    assert lines[-1].endswith("1 076") and lines[-1].startswith("avohuolto")

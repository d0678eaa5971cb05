"""The test suite's own rule: a test without exactly one kind marker stops the collection."""

from __future__ import annotations

from pathlib import Path

import pytest

CONFTEST = Path(__file__).with_name("conftest.py")


@pytest.mark.unit
@pytest.mark.parametrize(
    ("marks", "ok"),
    [("", False), ("@pytest.mark.unit\n", True), ("@pytest.mark.unit\n@pytest.mark.e2e\n", False)],
)
def test_collection_requires_exactly_one_kind(pytester: pytest.Pytester, marks: str, ok: bool) -> None:
    pytester.makeconftest(CONFTEST.read_text(encoding="utf-8"))
    pytester.makeini("[pytest]\nmarkers =\n    unit: u\n    integration: i\n    e2e: e\n")
    pytester.makepyfile(test_x=f"import pytest\n\n{marks}def test_x():\n    assert True\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    if ok:
        result.assert_outcomes(passed=1)
    else:
        assert result.ret != 0
        result.stderr.fnmatch_lines(["*exactly one of unit, integration, e2e*"])

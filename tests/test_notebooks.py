"""The notebooks run top to bottom on the bundled data (executed like a user would), show their
pictures and use only the public API."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
#: Pictures each notebook shows when run: notebook 01 the staffing chart; notebook 02 the cost
#: differences and the plan's steps.
PICTURES = {"01_mita_jos_henkilosto.ipynb": 1, "02_tasapainotusohjelma.ipynb": 2}


def images(notebook: Any) -> int:
    """Pictures in an executed notebook's outputs."""
    shown = [
        o
        for c in notebook.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if o.output_type in {"execute_result", "display_data"} and "image/png" in o.get("data", {})
    ]
    return len(shown)


@pytest.mark.e2e
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_and_shows_its_pictures(path: Path) -> None:
    """Issue 22, point 9: notebook 01's ``plt.show()`` showed no picture (its figure was not
    pyplot's): executed, each notebook holds as many images as it draws charts."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    errors = [
        o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"
    ]
    assert not errors
    assert images(notebook) == PICTURES[path.name]


@pytest.mark.unit
def test_there_are_two_notebooks_without_stored_outputs() -> None:
    import nbformat

    assert sorted(p.name for p in NOTEBOOKS) == sorted(PICTURES)
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code"), path.name


@pytest.mark.unit
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_use_only_the_public_api_and_steps_change_on_their_day(path: Path) -> None:
    """Issue 22, point 9: notebook 01 imported a module outside the public API; notebook 02's step
    chart (``where="mid"``) showed a change of 1.1.2025 starting in mid-2024. A step drawn at a
    year's first day holds from that day on: ``where="post"``."""
    import nbformat

    import lsmitoitus as ls

    code = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
    assert "import lsmitoitus as ls" in code
    assert not re.search(r"from lsmitoitus[.\w]* import|import lsmitoitus\.", code)
    assert set(re.findall(r"\bls\.(\w+)", code)) <= set(ls.__all__)
    steps = [line for line in code.splitlines() if ".step(" in line]  # one call a line
    assert all('where="post"' in step for step in steps), steps

"""The notebooks run top to bottom on the bundled data (executed like a user would)."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


@pytest.mark.e2e
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path: Path) -> None:
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
    assert any(
        o.output_type in {"execute_result", "display_data"}
        for c in notebook.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
    )


@pytest.mark.unit
def test_there_are_two_notebooks_without_stored_outputs() -> None:
    import nbformat

    assert len(NOTEBOOKS) >= 2
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code"), path.name


@pytest.mark.unit
def test_notebooks_use_only_the_public_api() -> None:
    """A notebook imports the package as ``import lsmitoitus as ls`` and nothing from inside it,
    so moving a module never breaks an analyst's notebook (the public API is lsmitoitus/__init__.py)."""
    import re

    import nbformat

    for path in NOTEBOOKS:
        code = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        imports = re.findall(r"^\s*(?:from|import)\s+(lsmitoitus\S*)", code, flags=re.MULTILINE)
        assert imports == ["lsmitoitus"], (path.name, imports)

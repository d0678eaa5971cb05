"""The model core runs compiled (mypyc) where it could be built, and gives exactly the results of
its Python source; an edited source is never shadowed by old compiled code."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

import lsmitoitus.model as model
from lsmitoitus.model import _compiled

ROOT = Path(__file__).resolve().parents[1]

DIGEST = """
import dataclasses, hashlib, sys
import numpy as np
import lsmitoitus.model as model
from lsmitoitus import load_scenario
from lsmitoitus.model import PathwayModel
from lsmitoitus.model.randomness import replication_seeds
from lsmitoitus.simulation.runner import replication_scenario
s = load_scenario().with_overrides(start="2023-01-01", end="2024-12-31")
h = hashlib.sha256()
for r, seed in enumerate(replication_seeds(s.simulation.seed, 2)):
    drawn, multipliers = replication_scenario(s, seed)
    raw = PathwayModel(drawn, seed, r, parameters=multipliers).run().raw
    for f in dataclasses.fields(raw):
        value = getattr(raw, f.name)
        if isinstance(value, np.ndarray):
            h.update(np.ascontiguousarray(value).tobytes())
print(model.CORE, h.hexdigest())
"""


def run_digest(pure: bool) -> tuple[str, str]:
    env = {k: v for k, v in os.environ.items() if k != _compiled.PURE_PYTHON_VARIABLE}
    if pure:
        env[_compiled.PURE_PYTHON_VARIABLE] = "1"
    done = subprocess.run([sys.executable, "-c", DIGEST], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    core, digest = done.stdout.split()
    return core, digest


@pytest.mark.integration
def test_compiled_and_source_give_identical_results() -> None:
    if not _compiled.compiled_modules():
        pytest.skip("the model core is not compiled here (no C compiler at install): nothing to compare")
    compiled_core, compiled = run_digest(pure=False)
    source_core, source = run_digest(pure=True)
    assert (compiled_core, source_core) == ("compiled", "source")
    assert compiled == source  # bit for bit, every array of two replications


@pytest.mark.unit
def test_the_core_says_how_it_runs() -> None:
    expected = (
        "compiled" if _compiled.compiled_modules() and not os.environ.get(_compiled.PURE_PYTHON_VARIABLE) else "source"
    )
    assert model.CORE in (expected, "stale")
    suffix = Path(model.pathway.__file__ or "").suffix
    assert (suffix == ".so") == (model.CORE == "compiled")


@pytest.mark.unit
def test_an_edited_source_is_run_instead_of_stale_compiled_code(tmp_path: Path) -> None:
    """A copy of the package whose compiled modules claim another source: it warns and imports
    the Python source."""
    if not _compiled.compiled_modules():
        pytest.skip("the model core is not compiled here: no compiled code to go stale")
    package = tmp_path / "lsmitoitus"
    subprocess.run(["cp", "-r", str(ROOT / "lsmitoitus"), str(package)], check=True)
    for shared in ROOT.glob("lsmitoitus_model__mypyc*"):
        subprocess.run(["cp", str(shared), str(tmp_path)], check=True)
    stamp = package / "model" / "_compiled_from.py"
    sources = {name: hashlib.sha256(b"another source").hexdigest() for name in _compiled.MODULES}
    stamp.write_text(f"SOURCES = {sources!r}\n", encoding="utf-8")
    probe = (
        "import warnings; warnings.simplefilter('always'); "
        "import lsmitoitus.model as m; print(m.CORE, m.pathway.__file__)"
    )
    env = {k: v for k, v in os.environ.items() if k not in (_compiled.PURE_PYTHON_VARIABLE, "PYTHONPATH")}
    env["PYTHONPATH"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path, check=True
    )
    core, path = done.stdout.split()
    assert core == "stale" and path.endswith("pathway.py")
    assert "older than its source" in done.stderr

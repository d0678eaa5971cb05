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


def copy_package(tmp_path: Path) -> Path:
    """A copy of the built package (sources, compiled modules, the build's stamp) in ``tmp_path``."""
    package = tmp_path / "lsmitoitus"
    subprocess.run(["cp", "-r", str(ROOT / "lsmitoitus"), str(package)], check=True)
    for shared in ROOT.glob("lsmitoitus_model__mypyc*"):
        subprocess.run(["cp", str(shared), str(tmp_path)], check=True)
    return package


def probe(tmp_path: Path) -> tuple[str, str, str]:
    """How the copy in ``tmp_path`` runs: (CORE, the file pathway runs from, warnings)."""
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
    return core, path, done.stderr


def needs_compiled_core() -> None:
    if not _compiled.compiled_modules():
        pytest.skip("the model core is not compiled here: no compiled code to go stale")
    if model.CORE == "stale":
        pytest.skip("the compiled core here is already stale (rebuild: pip install -e .)")


@pytest.mark.unit
def test_an_edited_source_is_run_instead_of_stale_compiled_code(tmp_path: Path) -> None:
    """A copy of the package whose compiled modules claim another source: it warns and imports
    the Python source."""
    needs_compiled_core()
    package = copy_package(tmp_path)
    stamp = package / "model" / "_compiled_from.py"
    sources = {key: hashlib.sha256(b"another source").hexdigest() for key in _compiled.stamp()}
    stamp.write_text(f"SOURCES = {sources!r}\n", encoding="utf-8")
    core, path, warnings = probe(tmp_path)
    assert core == "stale" and path.endswith("pathway.py")
    assert "older than its source" in warnings


@pytest.mark.unit
def test_the_stamp_covers_the_constants_compiled_code_inlines() -> None:
    """mypyc copies a Final constant known at compile time into the compiled code, from any
    module: the build's stamp covers every module of the package the compiled modules reach
    that declares one (vocabulary.DAYS_PER_YEAR, for one), besides the compiled modules."""
    inlined = _compiled.inlined_sources()
    assert "vocabulary.py" in inlined
    assert not {_compiled.module_key(name) for name in _compiled.MODULES} & set(inlined)
    assert set(_compiled.stamp()) == {_compiled.module_key(n) for n in _compiled.MODULES} | set(inlined)
    if _compiled.compiled_modules() and model.CORE == "compiled":
        from lsmitoitus.model._compiled_from import SOURCES

        assert set(SOURCES) == set(_compiled.stamp())


@pytest.mark.unit
def test_an_edited_constant_of_an_uncompiled_module_makes_the_core_run_from_source(tmp_path: Path) -> None:
    """vocabulary.py is not compiled, but its DAYS_PER_YEAR is inlined into the compiled core:
    edited in a copy of the built package, the guard falls back to the source (which reads the
    new value); unedited, the copy runs compiled."""
    needs_compiled_core()
    package = copy_package(tmp_path)
    assert probe(tmp_path)[0] == "compiled"
    vocabulary = package / "vocabulary.py"
    text = vocabulary.read_text(encoding="utf-8")
    assert "DAYS_PER_YEAR: Final = 365.25" in text
    vocabulary.write_text(text.replace("DAYS_PER_YEAR: Final = 365.25", "DAYS_PER_YEAR: Final = 365.0"), "utf-8")
    core, path, warnings = probe(tmp_path)
    assert core == "stale" and path.endswith("pathway.py")
    assert "older than its source" in warnings

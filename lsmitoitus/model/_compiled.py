"""Which of the model core's modules run compiled, and a guard against stale compiled code.

``setup.py`` compiles :data:`MODULES` with mypyc (same source, same results, faster) and stamps
into ``_compiled_from.py`` the SHA-256 of every source the compiled code depends on
(:func:`stamp`): the compiled modules, and every module of the package whose constants mypyc
copies into them. mypyc inlines a ``Final`` constant whose value is known at compile time (a
number or string, or arithmetic on such constants) wherever a compiled module uses it, from any
module, compiled or not: ``vocabulary.DAYS_PER_YEAR`` edited after a build would still be
365.25 in the compiled code. So the stamp covers each module the compiled modules import,
directly or through others, that declares such a constant (:func:`inlined_sources`).

Python imports an extension module in preference to its source, so an edited source beside an
old compiled module would silently not run: on import of :mod:`lsmitoitus.model`,
:func:`prefer_source_if_needed` checks the stamp and, if any stamped source changed since the
build (or ``LSMITOITUS_PURE_PYTHON=1`` asks for it), makes all of them load from source. This
module imports nothing of the package: setup.py reads it too.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

#: modules of ``lsmitoitus.model`` that run per event, compiled as one group
MODULES: tuple[str, ...] = ("events", "caseload", "trackers", "staffing", "assessment", "replay", "pathway")
HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent  # the lsmitoitus package
PURE_PYTHON_VARIABLE = "LSMITOITUS_PURE_PYTHON"


def module_key(name: str) -> str:
    """A compiled module's key in the stamp: its file, relative to the package."""
    return f"model/{name}.py"


def source_digest(key: str) -> str:
    """SHA-256 of a source file of the package (``key`` relative to the package)."""
    return hashlib.sha256((PACKAGE / key).read_bytes()).hexdigest()


def _package_file(dotted: str) -> Path | None:
    """The source file of a module of the package (``lsmitoitus.x.y``), or None."""
    parts = dotted.split(".")
    if parts[0] != PACKAGE.name:
        return None
    base = PACKAGE.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported(path: Path) -> set[Path]:
    """The package's modules that ``path`` imports, wherever the import stands (mypy reads them
    all): the modules whose names it may use, and so whose constants it may inline."""
    here = list(path.relative_to(PACKAGE.parent).parts[:-1])  # the package ``path`` is in
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            origin = (here[: len(here) - node.level + 1] if node.level else []) + (node.module or "").split(".")
            module = ".".join(p for p in origin if p)
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)  # from a package import a module
    return {file for file in map(_package_file, names) if file is not None}


def _foldable(node: ast.expr) -> bool:
    """Whether a value may be known at compile time: numbers and strings, names and attributes
    (other constants), and arithmetic on them (what mypy folds into a ``Final``'s value)."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp):
        return _foldable(node.operand)
    if isinstance(node, ast.BinOp):
        return _foldable(node.left) and _foldable(node.right)
    return isinstance(node, ast.Name | ast.Attribute)


def _is_final(annotation: ast.expr) -> bool:
    node = annotation.value if isinstance(annotation, ast.Subscript) else annotation
    return (isinstance(node, ast.Name) and node.id == "Final") or (
        isinstance(node, ast.Attribute) and node.attr == "Final"
    )


def declares_inlinable_constant(path: Path) -> bool:
    """Whether a source declares a ``Final`` (anywhere: module or class) that mypyc may inline."""
    return any(
        isinstance(node, ast.AnnAssign)
        and node.value is not None
        and _is_final(node.annotation)
        and _foldable(node.value)
        for node in ast.walk(ast.parse(path.read_bytes()))
    )


def inlined_sources(modules: Sequence[str] = MODULES) -> list[str]:
    """The package's modules, other than ``modules``, whose constants compiled ``modules`` may
    inline: each module they import, directly or through others, that declares a ``Final``
    with a value known at compile time (keys relative to the package, sorted)."""
    compiled = {HERE / f"{name}.py" for name in modules}
    seen: set[Path] = set()
    todo = list(compiled)
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo.extend(_imported(path) - seen)
    return sorted(path.relative_to(PACKAGE).as_posix() for path in seen - compiled if declares_inlinable_constant(path))


def stamp(modules: Sequence[str] = MODULES) -> dict[str, str]:
    """What setup.py records of a build: the SHA-256 of each compiled module's source and of
    each source whose constants it may inline (:func:`inlined_sources`), by file."""
    keys = [module_key(name) for name in modules] + inlined_sources(modules)
    return {key: source_digest(key) for key in keys}


def compiled_modules() -> list[str]:
    """The modules of :data:`MODULES` that have a compiled extension beside their source."""
    suffixes = importlib.machinery.EXTENSION_SUFFIXES
    return [name for name in MODULES if any((HERE / f"{name}{suffix}").exists() for suffix in suffixes)]


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Finds the listed modules' ``.py`` files ahead of their compiled extensions."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = {f"{__package__}.{name}": HERE / f"{name}.py" for name in names}

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        source = self.names.get(fullname)
        return None if source is None else importlib.util.spec_from_file_location(fullname, source)


def prefer_source_if_needed() -> str:
    """Load the model core from source when asked to, or when its compiled code is stale; say
    which: ``"compiled"``, ``"source"`` (nothing compiled, or asked) or ``"stale"``."""
    compiled = compiled_modules()
    if not compiled:
        return "source"
    forced = os.environ.get(PURE_PYTHON_VARIABLE) == "1"
    stale = False
    if not forced:
        try:
            # setup.py runs this module outside the package, where the import cannot stand at the top
            # lazy: the build's stamp, written by setup.py when it compiled (missing otherwise)
            from ._compiled_from import SOURCES
        except ImportError:
            SOURCES = {}
        # stale: a compiled module the stamp does not name (a build from before the stamp
        # covered inlined constants), or any stamped source edited since the build
        stale = any(module_key(name) not in SOURCES for name in compiled) or any(
            not (PACKAGE / key).is_file() or source_digest(key) != digest for key, digest in SOURCES.items()
        )
    if not (forced or stale):
        return "compiled"
    if not any(isinstance(f, _SourceFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceFinder(compiled))
    if stale:
        warnings.warn(
            "lsmitoitus: the compiled model core is older than its source; running the source "
            "(same results, slower). Rebuild with: pip install -e .",
            stacklevel=3,
        )
        return "stale"
    return "source"


# --- interpreted on purpose --------------------------------------------------------------
# The compiled loops call these: this module is never compiled (setup.py reads it), so a call
# enters the interpreter, which runs pending signal handlers there, and the exception pickles
# between processes like any Python exception.


def yield_to_signals() -> None:
    """Let Python run pending signal handlers (Ctrl-C, SIGTERM) now.

    Compiled code never returns to the interpreter's loop, which is where Python runs signal
    handlers: a long replication would ignore ``kill`` for minutes. Calling an interpreted
    function runs them (and raises what they raise) here; the event loop calls this every
    :data:`POLL_EVERY` events, about every few milliseconds."""


#: Events (or replayed log entries) between two calls of :func:`yield_to_signals`.
POLL_EVERY = 2048


class EventBudgetExceeded(RuntimeError):
    """A replication simulated more events than its budget (the check before the run
    estimated it under the limit, but the estimate erred): stopped, never left running."""

    def __init__(self, events: int, budget: int) -> None:
        super().__init__(events, budget)
        self.events = events
        self.budget = budget

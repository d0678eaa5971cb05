"""Which of the model core's modules run compiled, and a guard against stale compiled code.

``setup.py`` compiles :data:`MODULES` with mypyc (same source, same results, faster) and stamps
the SHA-256 of each source it compiled into ``_compiled_from.py``. Python imports an extension
module in preference to its source, so an edited source beside an old compiled module would
silently not run: on import of :mod:`lsmitoitus.model`, :func:`prefer_source_if_needed` checks
the stamp and, if any source changed since the build (or ``LSMITOITUS_PURE_PYTHON=1`` asks for
it), makes all of them load from source. This module imports nothing of the package: setup.py
reads it too.
"""

from __future__ import annotations

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
PURE_PYTHON_VARIABLE = "LSMITOITUS_PURE_PYTHON"


def source_digest(name: str) -> str:
    """SHA-256 of a compiled module's source file."""
    return hashlib.sha256((HERE / f"{name}.py").read_bytes()).hexdigest()


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
            from ._compiled_from import SOURCES  # written by setup.py when it compiled
        except ImportError:
            SOURCES = {}
        stale = any(SOURCES.get(name) != source_digest(name) for name in compiled)
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

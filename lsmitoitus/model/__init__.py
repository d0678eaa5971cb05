"""The model core: scenario in, event simulation, raw counts out. No files, plots or CLI here."""

from ._compiled import prefer_source_if_needed

#: how the core runs here: "compiled" (mypyc), "source", or "stale" (compiled code older than
#: its source, so the source runs); decided before any of its modules is imported
CORE = prefer_source_if_needed()

from .pathway import ModelRun, PathwayModel  # noqa: E402 - after the choice of compiled or source
from .raw import FLOWS, GROUPS, POINT_MEASURES, POOL_MEASURES, STOCKS, RawReplication  # noqa: E402

__all__ = [
    "CORE",
    "FLOWS",
    "GROUPS",
    "POINT_MEASURES",
    "POOL_MEASURES",
    "STOCKS",
    "ModelRun",
    "PathwayModel",
    "RawReplication",
]

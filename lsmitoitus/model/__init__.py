"""The model core: scenario in, event simulation, raw counts out. No files, plots or CLI here."""

from .pathway import ModelRun, PathwayModel
from .raw import FLOWS, GROUPS, POINT_MEASURES, POOL_MEASURES, STOCKS, RawReplication

__all__ = ["FLOWS", "GROUPS", "POINT_MEASURES", "POOL_MEASURES", "STOCKS", "ModelRun", "PathwayModel", "RawReplication"]

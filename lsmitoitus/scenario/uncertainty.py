"""Parameter multipliers: the one way a parameter is scaled, by calibration (fitted multipliers)
and by parameter uncertainty (a multiplier drawn per replication).

A parameter is named by its dotted path in the scenario (``sijaishuolto.duration.mean_days``,
``arviointi.p_avohuolto``); ``*`` matches every key at that level (``staffing.*.*.fill_rate``).
An age-band table is scaled band by band. Probabilities and shares are capped at 1, and the
three escalation probabilities of open care are scaled down together if their sum would pass 1.
"""

from __future__ import annotations

import copy
import math
import zlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from .schema import Scenario

#: leaves that are probabilities or shares (capped at 1 when scaled)
SHARE_NAMES = frozenset(
    {"uptake", "fill_rate", "balancing", "p_extension", "special_level_share", "already_client_share"}
)
ESCALATION = ("p_avohuollon_sijoitus", "p_kiireellinen_sijoitus", "p_huostaanotto")


def is_share(name: str) -> bool:
    """Whether a leaf named ``name`` is a probability or share (kept within [0, 1])."""
    return name.startswith("p_") or name in SHARE_NAMES or name.endswith("_share")


def expand(data: Mapping[str, Any], path: str) -> list[str]:
    """Concrete dotted paths that ``path`` names in ``data`` (``*`` matching every key)."""
    found: list[str] = []

    def walk(node: Any, parts: list[str], done: list[str]) -> None:
        if not parts:
            found.append(".".join(done))
            return
        head, *rest = parts
        if not isinstance(node, Mapping):
            return
        keys = list(node) if head == "*" else [k for k in node if str(k) == head]
        for key in keys:
            walk(node[key], rest, [*done, str(key)])

    walk(data, path.split("."), [])
    return found


def _key(node: Mapping[Any, Any], part: str) -> Any:
    """The key of ``node`` written ``part`` in a dotted path (year keys are numbers)."""
    return next((k for k in node if str(k) == part), part)


def get_path(data: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted path."""
    node: Any = data
    for part in path.split("."):
        node = node[_key(node, part)]
    return node


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node: Any = data
    for part in parents:
        node = node[_key(node, part)]
    node[_key(node, last)] = value


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def scalable(value: Any) -> bool:
    """A number, or an age-band table of numbers."""
    return _is_number(value) or (isinstance(value, Mapping) and bool(value) and all(map(_is_number, value.values())))


def check_paths(scenario: Scenario) -> None:
    """Every uncertain parameter names scalable values of ``scenario``; correlations pair them."""
    data = scenario.model_dump()
    names = set(scenario.uncertainty.parameters)
    for path in names:
        concrete = expand(data, path)
        if not concrete:
            raise ValueError(f"uncertainty.parameters: {path!r} names no parameter of the scenario")
        bad = [c for c in concrete if not scalable(get_path(data, c))]
        if bad:
            raise ValueError(f"uncertainty.parameters: {bad[0]!r} is not a number or an age-band table")
    for key in scenario.uncertainty.correlation:
        pair = key.split("|")
        if len(pair) != 2 or not set(pair) <= names or pair[0] == pair[1]:
            raise ValueError(f"uncertainty.correlation: {key!r} must be 'path_a|path_b' of two listed parameters")
        if any(scenario.uncertainty.parameters[p].distribution != "lognormal" for p in pair):
            raise ValueError(f"uncertainty.correlation: {key!r} pairs must both be lognormal")


def scale_data(data: Mapping[str, Any], multipliers: Mapping[str, float]) -> dict[str, Any]:
    """Scenario data with each named parameter multiplied (see the module docstring)."""
    out = copy.deepcopy(dict(data))
    for path, factor in multipliers.items():
        for concrete in expand(out, path):
            name = concrete.rsplit(".", 1)[-1]
            cap = 1.0 if is_share(name) else math.inf

            def scaled(v: float, cap: float = cap, factor: float = factor) -> float:
                return min(cap, v * factor)

            value = get_path(out, concrete)
            _set(
                out, concrete, {k: scaled(v) for k, v in value.items()} if isinstance(value, Mapping) else scaled(value)
            )
    _keep_escalation_below_one(out)
    return out


def _keep_escalation_below_one(data: dict[str, Any]) -> None:
    """Scale open care's three escalation probabilities down together where they sum over 1."""
    from ..vocabulary import AGE_BANDS

    avohuolto = data.get("avohuolto")
    if not isinstance(avohuolto, dict) or not all(k in avohuolto for k in ESCALATION):
        return
    tables = {k: avohuolto[k] for k in ESCALATION}
    if all(_is_number(v) for v in tables.values()):
        total = sum(tables.values())
        if total > 1.0:
            for k in ESCALATION:
                avohuolto[k] = tables[k] / total
        return
    rows = {k: (v if isinstance(v, Mapping) else dict.fromkeys(AGE_BANDS, v)) for k, v in tables.items()}
    for band in AGE_BANDS:
        total = sum(rows[k][band] for k in ESCALATION)
        if total > 1.0:
            for k in ESCALATION:
                rows[k] = {**rows[k], band: rows[k][band] / total}
    for k in ESCALATION:
        avohuolto[k] = rows[k]


def _normal_scores(rep_seed: np.random.SeedSequence, paths: list[str]) -> np.ndarray:
    """One standard normal per path from a stream keyed by the path's name, so a replication
    draws the same score for a parameter in every scenario that has it."""
    import numpy as np

    scores = []
    for path in paths:
        key = zlib.crc32(f"parameter/{path}".encode())
        seq = np.random.SeedSequence(rep_seed.entropy, spawn_key=(*rep_seed.spawn_key, key))
        scores.append(np.random.Generator(np.random.PCG64(seq)).standard_normal())
    return np.array(scores)


def draw_multipliers(scenario: Scenario, rep_seed: np.random.SeedSequence) -> dict[str, float]:
    """This replication's multiplier of every uncertain parameter (lognormal ones correlated as given)."""
    import numpy as np
    from scipy.special import ndtr

    spec = scenario.uncertainty
    paths = sorted(spec.parameters)
    if not paths:
        return {}
    z = _normal_scores(rep_seed, paths)
    normal = [i for i, p in enumerate(paths) if spec.parameters[p].distribution == "lognormal"]
    if spec.correlation and normal:
        corr = np.eye(len(normal))
        index = {paths[i]: j for j, i in enumerate(normal)}
        for key, rho in spec.correlation.items():
            a, b = key.split("|")
            corr[index[a], index[b]] = corr[index[b], index[a]] = rho
        try:
            chol = np.linalg.cholesky(corr)
        except np.linalg.LinAlgError:
            raise ValueError("uncertainty.correlation is not a valid correlation matrix") from None
        z[normal] = chol @ z[normal]
    out = {}
    for i, path in enumerate(paths):
        p = spec.parameters[path]
        if p.distribution == "lognormal":
            out[path] = float(np.exp(p.log_sd * z[i]))
        else:
            out[path] = float(p.low + (p.high - p.low) * ndtr(z[i]))
    return out


def range_draw(rep_seed: np.random.SeedSequence, name: str, low: float, high: float) -> float:
    """A yearly change drawn uniformly from [low, high] for a ``range`` rule (one per replication)."""
    from scipy.special import ndtr

    if low == high:
        return low
    return float(low + (high - low) * ndtr(_normal_scores(rep_seed, [f"range/{name}"])[0]))

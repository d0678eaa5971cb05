"""Parameter multipliers: the one way a parameter is scaled, by calibration (fitted multipliers)
and by parameter uncertainty (a multiplier drawn per replication).

A parameter is named by its dotted path in the scenario (``sijaishuolto.duration.mean_days``,
``arviointi.p_avohuolto``); ``*`` matches every key at that level (``staffing.*.*.fill_rate``).
An age-band table is scaled band by band. Probabilities and shares are capped at 1, every value
is kept within its schema bounds (a drawn multiplier may not make it invalid), and the three
escalation probabilities of open care are scaled down together if their sum would pass 1. A
parameter whose scaling would break another rule (shares that must sum to 1, a whole number) is
refused when the scenario is validated.
"""

from __future__ import annotations

import copy
import functools
import math
import zlib
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..text.i18n import Joined, Msg, echo
from ..vocabulary import AGE_BANDS
from .errors import ScenarioError
from .rules import bounds_in, problem_message, rule_error, rule_path

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


#: A concrete parameter: the keys from the top of the scenario's data to its value.
Keys = tuple[Any, ...]


def expand_keys(data: Mapping[str, Any], path: str) -> list[Keys]:
    """The concrete parameters (as key tuples) that the dotted ``path`` names in ``data``.

    ``*`` matches every key at its level. A key is matched by its text followed by a dot or the
    end of the path, not by splitting the path at dots, so keys with dots of their own (an area
    called "Forssa 2.0") are named as they are written."""
    found: list[Keys] = []

    def walk(node: Any, rest: str, done: Keys) -> None:
        if not isinstance(node, Mapping):
            return
        for key in node:
            text = str(key)
            for head in dict.fromkeys(("*", text)):  # a key may match both ways: once
                if rest == head:
                    if (*done, key) not in found:
                        found.append((*done, key))
                elif rest.startswith(head + "."):
                    walk(node[key], rest[len(head) + 1 :], (*done, key))

    walk(data, path, ())
    return found


def expand(data: Mapping[str, Any], path: str) -> list[str]:
    """Concrete dotted paths that ``path`` names in ``data`` (``*`` matching every key)."""
    return [".".join(str(k) for k in keys) for keys in expand_keys(data, path)]


def _follow(data: Mapping[str, Any], keys: Keys) -> Any:
    node: Any = data
    for key in keys:
        node = node[key]
    return node


def get_path(data: Mapping[str, Any], path: str | Keys) -> Any:
    """The value at a dotted path (or a tuple of keys); KeyError if it names nothing."""
    if isinstance(path, tuple):
        return _follow(data, path)
    matches = expand_keys(data, path)
    if not matches:
        raise KeyError(path)
    return _follow(data, matches[0])


def _set(data: dict[str, Any], keys: Keys, value: Any) -> None:
    _follow(data, keys[:-1])[keys[-1]] = value


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def scalable(value: Any) -> bool:
    """A number, or an age-band table of numbers."""
    return _is_number(value) or (isinstance(value, Mapping) and bool(value) and all(map(_is_number, value.values())))


def check_paths(scenario: Scenario) -> None:
    """Every uncertain parameter names scalable values of ``scenario``; correlations pair them
    and form a valid correlation matrix (checked here, so a run never starts with one that
    :func:`draw_multipliers` cannot use)."""
    data = scenario.model_dump()
    names = set(scenario.uncertainty.parameters)
    for path in sorted(names):
        concrete = expand_keys(data, path)
        if not concrete:
            raise rule_error("rule_names_no_parameter", at=("uncertainty", "parameters"), path=path)
        bad = [c for c in concrete if not scalable(_follow(data, c))]
        if bad:
            raise rule_error("rule_not_scalable", at=("uncertainty", "parameters"), path=".".join(map(str, bad[0])))
        problem = scaling_problem(data, path, type(scenario))
        if problem is not None:
            raise rule_error("rule_scaling_breaks", at=("uncertainty", "parameters", path), problem=problem)
    for key in scenario.uncertainty.correlation:
        pair = key.split("|")
        if len(pair) != 2 or not set(pair) <= names or pair[0] == pair[1]:
            raise rule_error("rule_correlation_pair", at=("uncertainty", "correlation"), pair=key)
        if any(scenario.uncertainty.parameters[p].distribution != "lognormal" for p in pair):
            raise rule_error("rule_correlation_lognormal", at=("uncertainty", "correlation"), pair=key)
    if not positive_definite(correlation_matrix(scenario)):
        raise rule_error("rule_correlation_matrix", at=("uncertainty", "correlation"))


#: Multipliers a parameter is tried with before a run: a rule that any change breaks (shares
#: that must sum to 1, an exponential's cv of 1) fails with either.
TRIAL_FACTORS = (0.8123, 1.2345)


def scaling_problem(data: Mapping[str, Any], path: str, schema: type[BaseModel]) -> Joined | None:
    """Why a scenario of ``schema`` would be invalid with the parameter at ``path`` multiplied
    (None: it would not be), as a message part: a replication draws a multiplier, so a parameter
    whose scaling breaks one of the schema's rules could not be drawn (bounds are kept by
    clipping). Only the section that holds the parameter is validated again (the whole scenario
    for an area's values, whose shares the scenario checks)."""
    sections = {keys[0] for keys in expand_keys(data, path)}
    whole = "areas" in sections
    for factor in TRIAL_FACTORS:
        scaled = scale_data(data if whole else {k: data[k] for k in sections}, {path: factor}, schema)
        try:
            if whole:
                scaled["uncertainty"] = {"parameters": {}, "correlation": {}}
                schema.model_validate(scaled)
            else:
                for section in sections:
                    _section_adapter(schema, section).validate_python(scaled[section])
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = [*([] if whole else sorted(sections)[:1]), *first["loc"], *rule_path(first.get("ctx"))]
            where = ".".join(str(p) for p in loc if not (isinstance(p, str) and "[" in p))
            return Joined([echo(where, plain=True, limit=120), problem_message(first)], sep=": ")
    return None


@functools.cache
def _section_adapter(schema: type[BaseModel], section: str) -> TypeAdapter[Any]:
    """A validator of one top-level section of a scenario."""
    annotation: Any = schema.model_fields[section].annotation
    return TypeAdapter(annotation)


def correlation_matrix(scenario: Scenario) -> list[list[float]]:
    """The correlation matrix of the lognormal multipliers, in the order of their sorted paths
    (the identity where no correlation is given)."""
    spec = scenario.uncertainty
    normal = [p for p in sorted(spec.parameters) if spec.parameters[p].distribution == "lognormal"]
    index = {p: i for i, p in enumerate(normal)}
    corr = [[1.0 if i == j else 0.0 for j in range(len(normal))] for i in range(len(normal))]
    for key, rho in spec.correlation.items():
        a, b = key.split("|")
        corr[index[a]][index[b]] = corr[index[b]][index[a]] = rho
    return corr


def positive_definite(matrix: list[list[float]]) -> bool:
    """Whether a symmetric matrix is positive definite: its Cholesky factor exists.

    Written out (a matrix of a few parameters) because validation must not import numpy
    (``lsmitoitus validate`` starts without it); the run factors the same matrix with numpy."""
    n = len(matrix)
    lower = [[0.0] * n for _ in range(n)]
    for j in range(n):
        pivot = matrix[j][j] - sum(lower[j][k] ** 2 for k in range(j))
        if not pivot > 0.0:
            return False
        lower[j][j] = math.sqrt(pivot)
        for i in range(j + 1, n):
            lower[i][j] = (matrix[i][j] - sum(lower[i][k] * lower[j][k] for k in range(j))) / lower[j][j]
    return True


def scale_data(
    data: Mapping[str, Any], multipliers: Mapping[str, float], schema: type[BaseModel] | None = None
) -> dict[str, Any]:
    """Scenario data with each named parameter multiplied (see the module docstring); with the
    scenario's ``schema``, every value is kept within its bounds (a drawn multiplier may not make
    a value invalid)."""
    out = copy.deepcopy(dict(data))
    for path, factor in multipliers.items():
        for keys in expand_keys(out, path):
            name = str(keys[-1])
            cap = 1.0 if is_share(name) else math.inf

            def scaled(v: float, where: Keys, cap: float = cap, factor: float = factor) -> float:
                value = min(cap, v * factor)
                return value if schema is None else bounds_in(schema, where).clip(value)

            value = _follow(out, keys)
            if isinstance(value, Mapping):
                _set(out, keys, {k: scaled(v, (*keys, k)) for k, v in value.items()})
            else:
                _set(out, keys, scaled(value, keys))
    _keep_escalation_below_one(out)
    return out


def scaled_below_one(shares: Sequence[float]) -> tuple[float, ...]:
    """Probabilities of mutually exclusive outcomes, scaled down together when they sum to more
    than 1 (each divided by the sum); unchanged otherwise. The one rule for open care's three
    escalation probabilities: for scaled scenario values here, and for the by-year tables the
    model derives from them (:mod:`lsmitoitus.model.parameters`)."""
    total = sum(shares)
    if total > 1.0:
        return tuple(share / total for share in shares)
    return tuple(shares)


def _keep_escalation_below_one(data: dict[str, Any]) -> None:
    """Scale open care's three escalation probabilities down together where they sum over 1."""
    avohuolto = data.get("avohuolto")
    if not isinstance(avohuolto, dict) or not all(k in avohuolto for k in ESCALATION):
        return
    tables = [avohuolto[k] for k in ESCALATION]
    if all(_is_number(v) for v in tables):
        for k, v in zip(ESCALATION, scaled_below_one(tables), strict=True):
            avohuolto[k] = v
        return
    rows = [v if isinstance(v, Mapping) else dict.fromkeys(AGE_BANDS, v) for v in tables]
    by_band = {band: scaled_below_one([row[band] for row in rows]) for band in AGE_BANDS}
    for i, (k, row) in enumerate(zip(ESCALATION, rows, strict=True)):
        avohuolto[k] = {**row, **{band: shares[i] for band, shares in by_band.items()}}


def _normal_scores(rep_seed: np.random.SeedSequence, paths: list[str]) -> np.ndarray:
    """One standard normal per path from a stream keyed by the path's name, so a replication
    draws the same score for a parameter in every scenario that has it."""
    # lazy: validate imports this module; numpy and SciPy would add ~0.25 s to it (tests/test_startup.py)
    import numpy as np

    scores = []
    for path in paths:
        key = zlib.crc32(f"parameter/{path}".encode())
        seq = np.random.SeedSequence(rep_seed.entropy, spawn_key=(*rep_seed.spawn_key, key))
        scores.append(np.random.Generator(np.random.PCG64(seq)).standard_normal())
    return np.array(scores)


def draw_multipliers(scenario: Scenario, rep_seed: np.random.SeedSequence) -> dict[str, float]:
    """This replication's multiplier of every uncertain parameter (lognormal ones correlated as given)."""
    # lazy: validate imports this module; numpy and SciPy would add ~0.25 s to it (tests/test_startup.py)
    import numpy as np
    from scipy.special import ndtr

    spec = scenario.uncertainty
    paths = sorted(spec.parameters)
    if not paths:
        return {}
    z = _normal_scores(rep_seed, paths)
    normal = [i for i, p in enumerate(paths) if spec.parameters[p].distribution == "lognormal"]
    if spec.correlation and normal:
        try:
            chol = np.linalg.cholesky(np.array(correlation_matrix(scenario)))
        except np.linalg.LinAlgError:  # validation refuses such a matrix (check_paths): not reached
            raise ScenarioError(Msg("rule_correlation_matrix")) from None
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
    # lazy: validate imports this module; numpy and SciPy would add ~0.25 s to it (tests/test_startup.py)
    from scipy.special import ndtr

    if low == high:
        return low
    return float(low + (high - low) * ndtr(_normal_scores(rep_seed, [f"range/{name}"])[0]))

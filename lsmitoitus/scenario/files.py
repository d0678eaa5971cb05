"""Reading and writing scenario TOML files, with errors a planner can act on.

A scenario file may start with ``extends = "kanta-hame"`` (a bundled scenario) or
``extends = "other.toml"`` (a path relative to the file): its tables are merged over the base,
table by table, so a growth scenario states only what differs.
"""

from __future__ import annotations

import datetime as dt
import tomllib
import typing
import warnings
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from .schema import Scenario

BUNDLED_DEFAULT = "kanta-hame"


class ScenarioError(ValueError):
    """A scenario could not be read or is invalid. The message is meant for the end user."""


#: Keys renamed when the schema adopted the project's naming rule (Finnish for the pathway's
#: domain words, English for everything else): old dotted path -> new key. Files that use an
#: old key still load, with a note saying what to write instead.
RENAMED_KEYS: dict[str, str] = {
    "processing": "kasittely",
    "assessment": "arviointi",
    "kasittely.p_assessment": "p_arviointi",
    "kasittely.p_urgent_placement": "p_kiireellinen_sijoitus",
    "arviointi.p_client": "p_avohuolto",
    "avohuollon_sijoitus.aftercare_min_days": "jalkihuolto_min_days",
    "caseload.count_aftercare_18_plus": "count_jalkihuolto_18_plus",
    "levers.open_care_escalation_reduction": "avohuolto_escalation_reduction",
    "levers.open_care_extra_posts": "avohuolto_extra_posts",
    "levers.family_care_share_target": "perhehoito_share_target",
    "levers.aftercare_age_limit": "jalkihuolto_age_limit",
    "jalkihuolto.max_years_after_placement": "max_years_after_last_client",
}


class RenamedKeyWarning(UserWarning):
    """A scenario file used a key under its old name; it was read under the new one."""


def upgrade_keys(data: dict[str, Any], source: str) -> dict[str, Any]:
    """``data`` with every renamed key moved to its new name (in place), warning once per key."""
    for old, new in RENAMED_KEYS.items():
        *parents, last = old.split(".")
        node: Any = data
        for part in parents:
            node = node.get(part) if isinstance(node, dict) else None
        if not isinstance(node, dict) or last not in node:
            continue
        if new in node:
            raise ScenarioError(f"{source}: both {old} (old name) and {'.'.join([*parents, new])} are given")
        node[new] = node.pop(last)
        warnings.warn(
            f"{source}: {old} is now called {'.'.join([*parents, new])}; the file was read with the new name",
            RenamedKeyWarning,
            stacklevel=2,
        )
    return data


def _bundled_folder() -> Path:
    return Path(str(resources.files("lsmitoitus") / "scenario" / "bundled"))


def bundled_scenarios() -> list[str]:
    """Names of the scenarios shipped inside the package."""
    return sorted(p.stem for p in _bundled_folder().glob("*.toml"))


def _bundled_path(name: str) -> Path:
    return _bundled_folder() / f"{name}.toml"


def resolve_scenario_path(spec: str | Path | None) -> Path:
    """A path for a scenario given as a file path, a bundled name, or None (the default)."""
    if spec is None:
        return _bundled_path(BUNDLED_DEFAULT)
    path = Path(spec)
    if path.exists():
        return path
    if str(spec) in bundled_scenarios():
        return _bundled_path(str(spec))
    raise ScenarioError(
        f"{spec}: no such scenario file, and no bundled scenario of that name "
        f"(bundled: {', '.join(bundled_scenarios())})"
    )


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ScenarioError(f"{path}: file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot read: {exc.strerror}") from None


def deep_merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """Tables merge key by key; any other value in ``override`` replaces the base value."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def read_scenario_data(path: Path, _seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    """The raw (unvalidated) data of a scenario file with its ``extends`` chain merged in."""
    path = path.resolve()
    if path in _seen:
        chain = " -> ".join(str(p) for p in (*_seen, path))
        raise ScenarioError(f"{path}: extends forms a cycle: {chain}")
    data = upgrade_keys(_read_toml(path), str(path))
    parent = data.pop("extends", None)
    if parent is None:
        return data
    if not isinstance(parent, str):
        raise ScenarioError(f"{path}: extends must be a bundled scenario name or a relative path")
    candidate = (path.parent / parent) if parent.endswith(".toml") else None
    if candidate is None or not candidate.exists():
        if parent in bundled_scenarios():
            candidate = _bundled_path(parent)
        else:
            raise ScenarioError(f"{path}: extends = {parent!r}: no such file or bundled scenario")
    return deep_merge(read_scenario_data(candidate, (*_seen, path)), data)


def load_scenario(spec: str | Path | None = None) -> Scenario:
    """Load and validate a scenario from a path or bundled name; None gives the Kanta-Häme default.

    Raises :class:`ScenarioError` naming the file, the field path, the value and the allowed range.
    """
    path = resolve_scenario_path(spec)
    return scenario_from_dict(read_scenario_data(path), source=str(path))


def scenario_from_dict(data: Mapping[str, Any], source: str = "<scenario>") -> Scenario:
    """Validate scenario data, turning pydantic's errors into one readable :class:`ScenarioError`."""
    data = upgrade_keys(dict(data), source)
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(format_validation_error(exc, source)) from None


# --- error formatting -------------------------------------------------------------------


def _field_at(loc: tuple[int | str, ...]) -> FieldInfo | None:
    """The schema field a validation error location points to, where the path can be followed."""
    model: type[BaseModel] | None = Scenario
    info: FieldInfo | None = None
    for part in loc:
        if model is None or not isinstance(part, str) or part not in model.model_fields:
            # dict keys (area or unit names, years, bands) do not change the field
            continue
        info = model.model_fields[part]
        model = _model_inside(info.annotation)
    return info


def _model_inside(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model reached through an annotation like ``dict[str, dict[str, M]]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_inside(arg)
        if found is not None:
            return found
    return None


def _constraints(annotation: Any) -> list[Any]:
    """Constraint objects (Ge, Le, …) found in an annotation, including inside unions/containers."""
    found: list[Any] = []
    for meta in getattr(annotation, "__metadata__", ()):
        found.extend(getattr(meta, "metadata", [meta]))
    for arg in typing.get_args(annotation):
        found.extend(_constraints(arg))
    return found


def _allowed_range(info: FieldInfo | None, ctx: Mapping[str, Any]) -> str:
    bounds: dict[str, Any] = {}
    metadata = [*info.metadata, *_constraints(info.annotation)] if info is not None else []
    for meta in metadata:
        for key in ("ge", "gt", "le", "lt"):
            if getattr(meta, key, None) is not None and key not in bounds:
                bounds[key] = getattr(meta, key)
    for key in ("ge", "gt", "le", "lt"):
        if key in ctx:
            bounds[key] = ctx[key]
    if not bounds:
        if "expected" in ctx:
            return f"allowed: {ctx['expected']}"
        if info is not None and info.description:
            return f"meaning: {info.description}"
        return ""
    low = f"{bounds['ge']} ≤ " if "ge" in bounds else (f"{bounds['gt']} < " if "gt" in bounds else "")
    high = f" ≤ {bounds['le']}" if "le" in bounds else (f" < {bounds['lt']}" if "lt" in bounds else "")
    return f"allowed range: {low}value{high}"


def _clean_loc(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """Drop the union member pydantic adds to a location ('constrained-float', 'dict[...]')."""
    return tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p in UNION_TAGS)))


UNION_TAGS = {"float", "int", "constrained-float", "constrained-int", "function-after"}


def format_validation_error(exc: ValidationError, source: str) -> str:
    errors = exc.errors()
    # For a number-or-table field, a number that fails its range also "is not a table": keep
    # only the error of the member the user evidently meant.
    number_errors = {_clean_loc(e["loc"]) for e in errors if e["type"] != "dict_type"}
    errors = [e for e in errors if not (e["type"] == "dict_type" and _clean_loc(e["loc"]) in number_errors)]
    lines = [f"{source}: invalid scenario ({len(errors)} problem{'s' if len(errors) > 1 else ''}):"]
    for err in errors:
        loc = _clean_loc(err["loc"])
        path = ".".join(str(p) for p in loc) or "(top level)"
        ctx = err.get("ctx") or {}
        message = err["msg"].removeprefix("Value error, ")
        parts = [f"  {path}: {message}"]
        if err["type"] not in {"missing", "model_type", "value_error"} and "input" in err:
            parts.append(f"got {err['input']!r}")
        hint = _allowed_range(_field_at(loc), ctx) if err["type"] != "extra_forbidden" else "unknown field"
        if hint:
            parts.append(hint)
        lines.append("; ".join(parts))
    return "\n".join(lines)


# --- writing ----------------------------------------------------------------------------


def _toml_ready(value: Any) -> Any:
    """TOML needs string keys and has no null: keys become strings, unset optional fields (None,
    their default) are left out, other values keep their types."""
    if isinstance(value, Mapping):
        return {str(k): _toml_ready(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_toml_ready(v) for v in value]
    if isinstance(value, dt.date | int | float | str | bool):
        return value
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def scenario_to_toml(scenario: Scenario, header: str = "") -> str:
    """A complete TOML text that :func:`load_scenario` reads back to an equal scenario."""
    body = tomli_w.dumps(_toml_ready(scenario.model_dump(mode="python")))
    comment = "".join(f"# {line}\n" for line in header.splitlines())
    return comment + body

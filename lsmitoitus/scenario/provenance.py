"""Where each parameter's value comes from: the scenario's ``[provenance]`` table, looked up by
dotted parameter path.

A key names a parameter or a whole table of them (``costs.placement_day`` covers every price in
it) and ``*`` matches every key at its level (``staffing.*.*.fill_rate``). The most specific key
wins. A parameter that no key covers is an assumption: the default status, so that nothing
unmarked can pass for a sourced figure. A scenario that extends another and changes a marked
value makes it its own assumption (:func:`mark_overrides`), so a county's edited post count is
never shown with the default's source.
"""

from __future__ import annotations

import re
from collections import abc
from collections.abc import Mapping
from types import UnionType
from typing import TYPE_CHECKING, Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from ..text.i18n import t
from .rules import rule_error
from .uncertainty import get_path

if TYPE_CHECKING:
    from .schema import Provenance, Scenario

#: The status of a parameter without an entry.
DEFAULT_STATUS = "assumed"


class _Anything:
    """Below a ``*`` over a model's fields: any path is accepted."""


def _unwrap(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _step(annotation: Any, part: str) -> Any:
    """The type one path segment leads to (None: the segment names nothing)."""
    annotation = _unwrap(annotation)
    if annotation is _Anything:
        return _Anything
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if part == "*":
            return _Anything
        field = annotation.model_fields.get(part)
        return field.annotation if field is not None else None
    origin = get_origin(annotation)
    if origin in (dict, Mapping, abc.Mapping):
        return get_args(annotation)[1]
    if origin in (Union, UnionType):
        found = [_step(member, part) for member in get_args(annotation)]
        return next((f for f in found if f is not None), None)
    return None


def names_a_parameter(path: str, schema: type[BaseModel]) -> bool:
    """Whether ``path`` names a field of ``schema`` (or a key of one of its tables), whatever
    values a scenario gives: a county with other areas keeps the default's entries valid. A
    table's key may hold dots of its own (an area called "Forssa 2.0")."""

    def follows(node: Any, parts: list[str]) -> bool:
        if not parts:
            return True
        for n in range(1, len(parts) + 1):
            child = _step(node, ".".join(parts[:n]))
            if child is not None and follows(child, parts[n:]):
                return True
        return False

    return follows(schema, path.split("."))


def check_provenance_paths(scenario: Scenario) -> None:
    """Every key of ``scenario.provenance`` names a parameter of the schema."""
    for path in scenario.provenance:
        if not path or not names_a_parameter(path, type(scenario)):
            raise rule_error("rule_names_no_parameter", at=("provenance",), path=path)


def _matches(key: str, path: str) -> bool:
    """Whether the key (``*`` matching any one key, dots within it included) names ``path`` or
    a table above it."""
    pattern = r"\.".join(".+" if part == "*" else re.escape(part) for part in key.split("."))
    return re.fullmatch(f"{pattern}(?:\\..+)?", path) is not None


def provenance_of(scenario: Scenario, path: str) -> tuple[str, Provenance] | None:
    """The entry that covers the parameter at ``path`` and its key: the most specific key equal
    to the path or to a table above it; failing that, a key inside it (a table some of whose
    values are fitted, e.g. one year of a yearly series). None: no entry (an assumption)."""
    best: tuple[tuple[int, int], str] | None = None
    for key in scenario.provenance:
        key_parts = key.split(".")
        if _matches(key, path):
            rank = (len(key_parts), -key_parts.count("*"))
            if best is None or rank > best[0]:
                best = (rank, key)
    if best is not None:
        return best[1], scenario.provenance[best[1]]
    inside = sorted(k for k in scenario.provenance if _matches(path, k) and k != path)
    if inside:
        return inside[0], scenario.provenance[inside[0]]
    return None


def _leaves(data: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """(dotted path, value) of every value that is not a table (a list is a value)."""
    if not isinstance(data, Mapping):
        return [(prefix, data)]
    out = []
    for key, value in data.items():
        out += _leaves(value, f"{prefix}.{key}" if prefix else str(key))
    return out


#: Top-level keys that are not parameters (a scenario's name, its text, its own provenance).
NOT_PARAMETERS = frozenset({"name", "description", "extends", "provenance", "simulation", "uncertainty"})


def mark_overrides(base: Mapping[str, Any], own: Mapping[str, Any], merged: dict[str, Any], name: str) -> None:
    """A scenario that extends another and changes a value the base marks sourced or fitted
    makes that value its own assumption: ``merged``'s provenance gets an entry for the path
    ("changed in scenario <name>"), unless ``own`` gives one. Entries inside a replaced table
    are dropped (e.g. one fitted year of a series that the scenario gives anew)."""
    inherited = dict(base.get("provenance") or {})
    if not inherited:
        return
    given = own.get("provenance") or {}
    entries = dict(merged.get("provenance") or {})
    for path, value in _leaves({k: v for k, v in own.items() if k not in NOT_PARAMETERS}):
        if path in given:
            continue
        try:
            old = get_path(base, path)
        except (KeyError, TypeError):
            old = None
        covered = [k for k in inherited if _matches(k, path) or _matches(path, k)]
        if not covered or old == value:
            continue
        for key in covered:
            if _matches(path, key) and key != path and key not in given:
                entries.pop(key, None)  # a key inside the replaced value
        entries[path] = {"status": "assumed", "source": t("provenance_changed", "fi", name=name)}
    merged["provenance"] = entries

"""How the schema's own rules (the checks pydantic cannot state as a bound) speak to a user.

A rule raises :func:`rule_error`: a pydantic error whose type is a key of the translation table
(``rule_…``) and whose context holds the values as they are (numbers, dates, names). pydantic
keeps both, and :func:`rule_message` writes the message in the reader's language when it is
shown, numbers and dates through :mod:`lsmitoitus.text.formats`. The English text of the table
is also pydantic's own message, so a developer who validates directly sees the same words.

``at`` (a tuple of keys) is where the rule points below the model that checks it, so the
message starts with the exact field path (``placement_type.13-17``, not just the table).
"""

from __future__ import annotations

import datetime as dt
import math
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import PydanticCustomError

from ..text import formats
from ..text.i18n import LANGS, TEXT, Joined, Localized, Msg, echo

#: Prefix of the error types (and translation keys) of the schema's rules.
PREFIX = "rule_"
#: Longest echo of one value a user gave (names, paths), as for pydantic's own errors.
ECHO = 200


def rule_error(key: str, /, at: tuple[str | int, ...] = (), **context: Any) -> PydanticCustomError:
    """The error a rule raises: ``key`` names its text in the translation table; ``context``
    holds the values the text shows; ``at`` is the path below the checking model."""

    if not key.startswith(PREFIX) or key not in TEXT:
        raise KeyError(f"no rule text {key!r}")
    if set(context) != fields(TEXT[key][1]):  # a mistake in the rule, found by its test
        raise KeyError(f"{key}: the text needs {sorted(fields(TEXT[key][1]))}, the rule gives {sorted(context)}")
    return PydanticCustomError(key, TEXT[key][1], {**context, "at": at})


def fields(text: str) -> set[str]:
    """The names a text of the table fills in (``{total}`` …)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def is_rule(error_type: str) -> bool:
    """Whether a pydantic error type is one of the schema's rules."""
    return error_type.startswith(PREFIX)


def rule_path(context: Mapping[str, Any] | None) -> tuple[str | int, ...]:
    """The path a rule's error points to below the location pydantic gives."""
    at = (context or {}).get("at", ())
    return tuple(at) if isinstance(at, list | tuple) else ()


def shown(value: Any) -> Any:
    """A context value as a message shows it: a decimal number or a date in the reader's
    format, an integer as it is (years, row numbers), a list as its items separated by commas
    (a dash when empty), text cut short."""
    if isinstance(value, Msg | Joined | Localized):  # already a message part, in either language
        return value
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return formats.Formatted(formats.significant, value)
    if isinstance(value, dt.date):
        return formats.Formatted(formats.date, value)
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
        if not items:
            return formats.MISSING
        if all(isinstance(v, str | int) and not isinstance(v, bool) for v in items):
            return echo(", ".join(str(v) for v in items), plain=True, limit=ECHO)
        decimals = any(isinstance(v, float) for v in items)  # 0,5, 0,25 would read as one list
        return Joined([shown(v) for v in items], sep="; " if decimals else ", ")
    return echo(value, plain=True, limit=ECHO)


def rule_message(error_type: str, context: Mapping[str, Any] | None) -> Msg:
    """The message of a rule's error, in the reader's language when rendered."""
    return Msg(error_type, **{k: shown(v) for k, v in (context or {}).items() if k != "at"})


# --- the bounds of a value, found by its path in a model ------------------------------------


@dataclass(frozen=True)
class Bounds:
    """The range a schema allows a value (or a table's key): ge ≤ value ≤ le, gt < value < lt."""

    ge: float | None = None
    gt: float | None = None
    le: float | None = None
    lt: float | None = None

    def __bool__(self) -> bool:
        return any(b is not None for b in (self.ge, self.gt, self.le, self.lt))

    def clip(self, value: float) -> float:
        """``value`` moved inside the bounds (to the bound itself, or next to an open one)."""
        if self.le is not None and value > self.le:
            value = self.le
        if self.lt is not None and value >= self.lt:
            value = math.nextafter(self.lt, -math.inf)
        if self.ge is not None and value < self.ge:
            value = self.ge
        if self.gt is not None and value <= self.gt:
            value = math.nextafter(self.gt, math.inf)
        return value


def _strip(annotation: Any) -> tuple[Any, list[Any]]:
    """An annotation without its ``Annotated`` layers, and the constraint objects they held."""
    found: list[Any] = []
    while get_origin(annotation) is Annotated:
        for meta in annotation.__metadata__:
            found.extend(getattr(meta, "metadata", [meta]))
        annotation = get_args(annotation)[0]
    return annotation, found


def _is_union(annotation: Any) -> bool:
    return get_origin(annotation) in (Union, UnionType)


def _child(annotation: Any, key: Any) -> tuple[Any, list[Any]] | None:
    """The annotation (and the field's own constraints) one key below ``annotation``."""
    annotation, _ = _strip(annotation)
    if _is_union(annotation):
        for member in get_args(annotation):
            found = _child(member, key)
            if found is not None:
                return found
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        info = annotation.model_fields.get(str(key))
        return None if info is None else (info.annotation, list(info.metadata))
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (dict, Mapping) and len(args) == 2:
        return args[1], []
    if origin is list and args:
        return args[0], []
    if origin is tuple and args:
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0], []
        if isinstance(key, int) and 0 <= key < len(args):
            return args[key], []
    return None


def _scalar_bounds(annotation: Any, constraints: list[Any]) -> Bounds:
    """The bounds of a number of this annotation: its own constraints and those of the number
    members of a union (a number-or-table field), never those of a table's keys."""
    annotation, own = _strip(annotation)
    found = [*constraints, *own]
    if _is_union(annotation):
        for member in get_args(annotation):
            base, inner = _strip(member)
            if base in (int, float):
                found.extend(inner)
    values: dict[str, float] = {}
    for meta in found:
        for name in ("ge", "gt", "le", "lt"):
            bound = getattr(meta, name, None)
            if bound is None:
                continue
            keep = max if name in ("ge", "gt") else min
            values[name] = keep(values[name], bound) if name in values else bound
    return Bounds(**values)


def _annotation_at(root: type[BaseModel], path: Sequence[Any]) -> tuple[Any, list[Any]] | None:
    node: tuple[Any, list[Any]] | None = (root, [])
    for key in path:
        if node is None:
            return None
        node = _child(node[0], key)
    return node


def bounds_in(root: type[BaseModel], path: Sequence[Any]) -> Bounds:
    """The range the model ``root`` allows the number at ``path`` (keys from its top, table keys
    included): in a scenario, ``("demand", "notifications", 2021)`` gives 0 ≤ value ≤ 10,000,000,
    without the bounds of the year key. Empty bounds where the path names no number field."""
    found = _annotation_at(root, path)
    return Bounds() if found is None else _scalar_bounds(*found)


def key_bounds_in(root: type[BaseModel], path: Sequence[Any]) -> Bounds:
    """The range the model ``root`` allows the keys of the table at ``path`` (the years of a
    scenario's ``("demand", "notifications")``: 1990–2100)."""
    found = _annotation_at(root, path)
    if found is None:
        return Bounds()
    annotation, _ = _strip(found[0])
    members = get_args(annotation) if _is_union(annotation) else (annotation,)
    for member in members:
        base, _ = _strip(member)
        if get_origin(base) in (dict, Mapping) and len(get_args(base)) == 2:
            return _scalar_bounds(get_args(base)[0], [])
    return Bounds()


# --- pydantic's own errors in our words ---------------------------------------------------


def plain_number(value: Any) -> Any:
    """A whole-number float bound reads as the integer a user would type (0, not 0.0)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


#: pydantic error types with a message of our own (Finnish and English); others keep pydantic's.
ERROR_TYPES: dict[str, str] = {
    "missing": "val_missing",
    "extra_forbidden": "val_extra",
    "greater_than_equal": "val_ge",
    "greater_than": "val_gt",
    "less_than_equal": "val_le",
    "less_than": "val_lt",
    "float_type": "val_number",
    "float_parsing": "val_number",
    "finite_number": "val_number",
    "int_type": "val_integer",
    "int_parsing": "val_integer",
    "int_from_float": "val_integer",
    "bool_type": "val_bool",
    "bool_parsing": "val_bool",
    "string_type": "val_string",
    "dict_type": "val_table",
    "model_type": "val_table",
    "model_attributes_type": "val_table",
    "list_type": "val_list",
    "date_type": "val_date",
    "date_parsing": "val_date",
    "date_from_datetime_parsing": "val_date",
    "date_from_datetime_inexact": "val_date",
    "string_too_long": "val_too_long",
    "string_too_short": "val_too_short",
    "too_long": "val_too_many",
    "too_short": "val_too_few",
    "string_pattern_mismatch": "val_pattern",
    "literal_error": "val_literal",
}


def problem_message(err: Mapping[str, Any]) -> Msg | str:
    """What is wrong, in our words: the schema's own rules (:mod:`.rules`) and pydantic's common
    errors from the translation table; any other error keeps pydantic's (English) text."""
    if is_rule(err["type"]):
        return rule_message(err["type"], err.get("ctx"))
    key = ERROR_TYPES.get(err["type"])
    ctx = {k: echo(plain_number(v), plain=True, limit=200) for k, v in (err.get("ctx") or {}).items()}
    if key is not None:
        message = Msg(key, **ctx)
        try:
            for lang in LANGS:
                message.render(lang)
        except (KeyError, IndexError, ValueError):  # the error lacks a field the text needs
            pass
        else:
            return message
    return str(err["msg"]).removeprefix("Value error, ")


__all__ = [
    "ERROR_TYPES",
    "PREFIX",
    "Bounds",
    "bounds_in",
    "fields",
    "is_rule",
    "key_bounds_in",
    "plain_number",
    "problem_message",
    "rule_error",
    "rule_message",
    "rule_path",
    "shown",
]

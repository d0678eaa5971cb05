"""How the schema's own rules (the checks pydantic cannot state as a bound) speak to a user.

A rule raises :func:`rule_error`: a pydantic error whose type is a key of the translation table
(``rule_…``) and whose context holds the values as they are (numbers, dates, names). pydantic
keeps both, and :func:`rule_message` writes the message in the reader's language when it is
shown, numbers and dates through :mod:`lsmitoitus.output.formats`. The English text of the table
is also pydantic's own message, so a developer who validates directly sees the same words.

``at`` (a tuple of keys) is where the rule points below the model that checks it, so the
message starts with the exact field path (``placement_type.13-17``, not just the table).
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic_core import PydanticCustomError

if TYPE_CHECKING:
    from ..output.i18n import Msg

#: Prefix of the error types (and translation keys) of the schema's rules.
PREFIX = "rule_"
#: Longest echo of one value a user gave (names, paths), as for pydantic's own errors.
ECHO = 200


def rule_error(key: str, /, at: tuple[str | int, ...] = (), **context: Any) -> PydanticCustomError:
    """The error a rule raises: ``key`` names its text in the translation table; ``context``
    holds the values the text shows; ``at`` is the path below the checking model."""
    from ..output.i18n import TEXT  # only when a rule fails: importing the schema stays light

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
    from ..output import formats
    from ..output.i18n import Joined, Localized, Msg, echo

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
    from ..output.i18n import Msg

    return Msg(error_type, **{k: shown(v) for k, v in (context or {}).items() if k != "at"})


__all__ = ["PREFIX", "fields", "is_rule", "rule_error", "rule_message", "rule_path", "shown"]

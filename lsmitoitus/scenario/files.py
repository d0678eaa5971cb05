"""Reading and writing scenario TOML files, with errors a planner can act on.

A scenario file may start with ``extends = "kanta-hame"`` (a bundled scenario) or
``extends = "other.toml"`` (a path relative to the file): its tables are merged over the base,
table by table, so a growth scenario states only what differs. A scenario uploaded to the web
app (:func:`scenario_from_upload`) may extend bundled scenarios by name only, never a path.

Only regular files of at most :data:`MAX_FILE_BYTES` are read, as UTF-8 (a byte-order mark is
accepted), and nested at most :data:`MAX_NESTING` levels: a folder, a named pipe, a device, a
huge file or a pathologically nested one gets a message, never a hang, a traceback or an echo of
its content. Every message comes from the translation table (Finnish by default).
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
import stat
import tomllib
import warnings
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from ..text import formats
from ..text.i18n import Joined, Msg, echo, os_reason
from .checks import check_runnable
from .errors import ScenarioError
from .provenance import mark_overrides
from .rules import is_rule, plain_number, problem_message, rule_path
from .schema import Scenario, key_bounds, value_bounds

BUNDLED_DEFAULT = "kanta-hame"
#: Largest scenario file read (bytes); a scenario is a few kilobytes.
MAX_FILE_BYTES = 1_000_000
#: Deepest nesting of tables and arrays accepted; a scenario needs five levels.
MAX_NESTING = 16
#: Problems listed in one validation message; the rest are counted.
MAX_PROBLEMS_SHOWN = 20


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
    """A scenario file used a key under its old name; it was read under the new one. ``note``
    is the note in the reader's language (``str()`` is the English text, for developers)."""

    def __init__(self, note: Msg) -> None:
        self.note = note
        super().__init__(note.render("en").removeprefix("note: "))


#: keys replaced by a key with other values: old path -> (new key, old value -> new value)
REPLACED_KEYS: dict[str, tuple[str, dict[Any, str]]] = {
    "conversion.selective": ("placements_follow", {True: "notified_children", False: "clients"}),
}


def _holder(data: dict[str, Any], path: str) -> tuple[dict[str, Any] | None, list[str], str]:
    """The table that holds dotted ``path`` (None if absent), the path's parents and its last key."""
    *parents, last = path.split(".")
    node: Any = data
    for part in parents:
        node = node.get(part) if isinstance(node, dict) else None
    return (node if isinstance(node, dict) and last in node else None), parents, last


def upgrade_keys(data: dict[str, Any], source: str) -> dict[str, Any]:
    """``data`` with every renamed key moved to its new name (in place), warning once per key;
    a replaced key's value is translated to the new key's (``conversion.selective``)."""
    for old, (new, values) in REPLACED_KEYS.items():
        node, parents, last = _holder(data, old)
        if node is None or not isinstance(node[last], bool):
            continue  # a value of another type is left for the schema to refuse
        if new in node:
            raise ScenarioError(Msg("renamed_both", source=source, old=old, new=".".join([*parents, new])))
        node[new] = values[node.pop(last)]
        warnings.warn(
            f"{source}: {old} is now {'.'.join([*parents, new])} = {node[new]!r}; the file was read with it",
            RenamedKeyWarning,
            stacklevel=2,
        )
    for old, new in RENAMED_KEYS.items():
        node, parents, last = _holder(data, old)
        if node is None:
            continue
        if new in node:
            raise ScenarioError(Msg("renamed_both", source=source, old=old, new=".".join([*parents, new])))
        node[new] = node.pop(last)
        note = Msg("renamed_key", source=echo(source, plain=True, limit=200), old=old, new=".".join([*parents, new]))
        warnings.warn(RenamedKeyWarning(note), stacklevel=2)
    return data


def _bundled_folder() -> Path:
    """The top-level folder scenarios/, which an installed package (editable or wheel) holds as
    the package ``lsmitoitus.scenarios`` (pyproject.toml: ``package-dir``)."""
    try:
        return Path(str(resources.files("lsmitoitus.scenarios")))
    except ModuleNotFoundError:  # the source tree on the path without an install (benchmarks/compare_baseline.py)
        return Path(__file__).resolve().parents[2] / "scenarios"


def bundled_scenarios() -> list[str]:
    """Names of the scenarios shipped inside the package."""
    return sorted(p.stem for p in _bundled_folder().glob("*.toml"))


def _bundled_path(name: str) -> Path:
    return _bundled_folder() / f"{name}.toml"


def resolve_scenario_path(spec: str | Path | None) -> Path:
    """A path for a scenario given as a file path, a bundled name, or None (the default).

    A bundled name wins over a folder or other non-file of the same name in the working folder."""
    if spec is None:
        return _bundled_path(BUNDLED_DEFAULT)
    path = Path(spec)
    bundled = bundled_scenarios()
    if os.path.isfile(path) or (os.path.lexists(path) and str(spec) not in bundled):
        return path
    if str(spec) in bundled:
        return _bundled_path(str(spec))
    raise ScenarioError(Msg("no_such_scenario", spec=echo(str(spec), plain=True), names=", ".join(bundled)))


# --- reading files safely ----------------------------------------------------------------


def _kind(mode: int) -> Msg:
    if stat.S_ISDIR(mode):
        return Msg("kind_folder")
    if stat.S_ISFIFO(mode):
        return Msg("kind_fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Msg("kind_device")
    return Msg("kind_special")


def _megabytes(n: int) -> formats.Formatted:
    """A size in megabytes with one decimal, in the reader's format (50,0 or 50.0)."""
    return formats.Formatted(formats.number, n / 1e6, digits=1)


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The content of a regular file of at most ``limit`` bytes.

    The file is opened without blocking (a named pipe with no writer does not hang), checked to
    be a regular file, and read up to ``limit`` + 1 bytes at most, so a device such as
    ``/dev/zero`` or a huge file cannot exhaust memory."""
    shown = echo(str(path), plain=True)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ScenarioError(Msg("file_not_found", path=shown)) from None
    except IsADirectoryError:
        raise ScenarioError(Msg("not_a_file", path=shown, kind=Msg("kind_folder"))) from None
    except PermissionError:
        raise ScenarioError(Msg("cannot_read", path=shown, reason=Msg("reason_permission"))) from None
    except OSError as exc:
        raise ScenarioError(Msg("cannot_read", path=shown, reason=os_reason(exc))) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ScenarioError(Msg("not_a_file", path=shown, kind=_kind(info.st_mode)))
        if info.st_size > limit:
            raise ScenarioError(Msg("too_large", path=shown, size=_megabytes(info.st_size), limit=_megabytes(limit)))
        chunks: list[bytes] = []
        got = 0
        while got <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if got > limit:  # the file grew, or is not what its size says (/proc)
            over = Joined(["> ", _megabytes(limit)], sep="")
            raise ScenarioError(Msg("too_large", path=shown, size=over, limit=_megabytes(limit)))
        return b"".join(chunks)
    except OSError as exc:
        raise ScenarioError(Msg("cannot_read", path=shown, reason=os_reason(exc))) from None
    finally:
        os.close(fd)


def decode_utf8(data: bytes, source: str) -> str:
    """``data`` as UTF-8 text (a UTF-8 byte-order mark is dropped); any other encoding gets a
    message saying UTF-8 is needed and where the first byte that is not UTF-8 is."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data[:4096]:
        raise ScenarioError(Msg("utf16", path=source))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ScenarioError(Msg("not_utf8", path=source, line=line)) from None


def read_text(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of a regular file of at most ``limit`` bytes (see :func:`read_bytes`)."""
    return decode_utf8(read_bytes(path, limit), echo(str(path), plain=True))


_TOML_WHERE = re.compile(r"^(?P<what>.*?)\s*\(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)$")


def nesting_depth(data: object, limit: int = MAX_NESTING) -> int:
    """Levels of nested tables and arrays in ``data`` (counted without recursion; stops once
    past ``limit``)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, Mapping):
            children: Sequence[object] = list(node.values())
        elif isinstance(node, list | tuple):
            children = node
        else:
            continue
        deepest = max(deepest, depth + 1)
        if deepest > limit:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _check_nesting(data: object, source: str) -> None:
    if nesting_depth(data) > MAX_NESTING:
        raise ScenarioError(Msg("too_deep", path=source, limit=MAX_NESTING))


def parse_toml(text: str, source: str) -> dict[str, Any]:
    """TOML text as a dictionary; errors name the line and column, and too deep nesting (which
    would exhaust Python's recursion) gets its own message."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_WHERE.match(str(exc))
        if found and found["line"]:
            raise ScenarioError(
                Msg("not_toml_at", path=source, line=found["line"], col=found["col"], detail=found["what"])
            ) from None
        detail = echo(found["what"] if found else str(exc), plain=True)
        raise ScenarioError(Msg("not_toml", path=source, detail=detail)) from None
    except RecursionError:
        raise ScenarioError(Msg("too_deep", path=source, limit=MAX_NESTING)) from None
    except ValueError:  # an integer with thousands of digits
        raise ScenarioError(Msg("not_toml_number", path=source)) from None
    _check_nesting(data, source)
    return data


def _read_toml(path: Path) -> dict[str, Any]:
    return parse_toml(read_text(path), echo(str(path), plain=True))


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
    try:
        path = path.resolve()
    except (RuntimeError, OSError):  # a loop of symbolic links (RuntimeError before Python 3.13)
        raise ScenarioError(
            Msg("cannot_read", path=echo(str(path), plain=True), reason=Msg("reason_symlink_loop"))
        ) from None
    shown = echo(str(path), plain=True)
    if path in _seen:
        chain = " -> ".join(str(p) for p in (*_seen, path))
        raise ScenarioError(Msg("extends_cycle", path=shown, chain=echo(chain, plain=True, limit=400)))
    data = upgrade_keys(_read_toml(path), str(path))
    parent = data.pop("extends", None)
    if parent is None:
        return data
    if not isinstance(parent, str):
        raise ScenarioError(Msg("extends_type", path=shown, value=echo(parent)))
    candidate = (path.parent / parent) if parent.endswith(".toml") else None
    if candidate is None or not os.path.lexists(candidate):
        if parent in bundled_scenarios():
            candidate = _bundled_path(parent)
        else:
            raise ScenarioError(
                Msg("extends_missing", path=shown, value=echo(parent), names=", ".join(bundled_scenarios()))
            )
    base = read_scenario_data(candidate, (*_seen, path))
    merged = deep_merge(base, data)
    mark_overrides(base, data, merged, str(data.get("name") or path.stem))
    return merged


def load_scenario(spec: str | Path | None = None) -> Scenario:
    """Load and validate a scenario from a path or bundled name; None gives the Kanta-Häme default.

    Raises :class:`ScenarioError` naming the file, the field path, the value and the allowed range,
    or saying why a valid scenario cannot be run (:mod:`lsmitoitus.scenario.checks`).
    """
    path = resolve_scenario_path(spec)
    return scenario_from_dict(read_scenario_data(path), source=echo(str(path), plain=True))


def upload_name(filename: str) -> str:
    """The name an uploaded file is called by in messages: its last part, printable, short."""
    name = Path(filename.replace("\\", "/")).name or "scenario.toml"
    return echo("".join(c for c in name if c.isprintable()) or "scenario.toml", plain=True)


def scenario_from_upload(content: bytes, filename: str) -> Scenario:
    """Validate a scenario uploaded to the web app, with the same messages as the command line.

    The upload is never written to disk and never resolves a path: ``extends`` may only name a
    bundled scenario. A message echoes values only where the upload itself gives them, so no
    content of any other file can reach the person uploading."""
    name = upload_name(filename)
    if len(content) > MAX_FILE_BYTES:
        raise ScenarioError(
            Msg("too_large", path=name, size=_megabytes(len(content)), limit=_megabytes(MAX_FILE_BYTES))
        )
    own = upgrade_keys(parse_toml(decode_utf8(content, name), name), name)
    parent = own.pop("extends", None)
    bundled = bundled_scenarios()
    if parent is None:
        data = own
    elif isinstance(parent, str) and parent in bundled:
        base = read_scenario_data(_bundled_path(parent))
        data = deep_merge(base, own)
        mark_overrides(base, own, data, str(own.get("name") or name))
    else:
        raise ScenarioError(Msg("upload_extends", path=name, value=echo(parent), names=", ".join(bundled)))
    return scenario_from_dict(data, source=name, echo_from=own)


def scenario_from_dict(
    data: Mapping[str, Any],
    source: str = "<scenario>",
    *,
    echo_from: Mapping[str, Any] | None = None,
    check: bool = True,
) -> Scenario:
    """Validate scenario data, turning pydantic's errors into one readable :class:`ScenarioError`.

    ``echo_from``: show a rejected value only where these data (the user's own file) give it.
    ``check``: also refuse a valid scenario that cannot be run (:func:`.checks.check_runnable`).
    """
    _check_nesting(data, source)
    data = upgrade_keys(dict(data), source)
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(validation_message(exc, source, echo_from)) from None
    except RecursionError:
        raise ScenarioError(Msg("too_deep", path=source, limit=MAX_NESTING)) from None
    if check:
        check_runnable(scenario, source)
    return scenario


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


def _allowed_range(raw_loc: tuple[int | str, ...], ctx: Mapping[str, Any]) -> Msg | None:
    """The hint after a problem: the range of the value, or of the key when the key is wrong
    (a year key and its value have different ranges); else what is allowed or what it means."""
    on_key = "[key]" in raw_loc
    loc = _clean_loc(raw_loc)
    found = key_bounds(loc[:-1]) if on_key else value_bounds(loc)
    bounds = {k: plain_number(v) for k in ("ge", "gt", "le", "lt") if (v := getattr(found, k)) is not None}
    if not bounds:
        bounds = {k: plain_number(ctx[k]) for k in ("ge", "gt", "le", "lt") if k in ctx}
    if not bounds:
        if "expected" in ctx:
            return Msg("val_allowed", expected=echo(ctx["expected"], plain=True, limit=200))
        info = None if on_key else _field_at(loc)
        if info is not None and info.description:
            return Msg("val_meaning", description=info.description)
        return None
    low = f"{bounds['ge']} ≤ " if "ge" in bounds else (f"{bounds['gt']} < " if "gt" in bounds else "")
    high = f" ≤ {bounds['le']}" if "le" in bounds else (f" < {bounds['lt']}" if "lt" in bounds else "")
    return Msg("val_key_range" if on_key else "val_range", low=low, high=high)


def _clean_loc(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """Drop the union member pydantic adds to a location ('constrained-float', 'dict[...]')."""
    return tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p in UNION_TAGS)))


UNION_TAGS = {"float", "int", "constrained-float", "constrained-int", "function-after"}


def _given_in(data: Mapping[str, Any] | None, loc: tuple[int | str, ...]) -> bool:
    """Whether ``data`` (the user's own file) holds a value at ``loc``."""
    node: Any = data
    for part in loc:
        if isinstance(node, Mapping) and part in node:
            node = node[part]
        elif isinstance(node, Mapping) and str(part) in node:
            node = node[str(part)]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return False
    return True


def validation_message(
    exc: ValidationError, source: str, echo_from: Mapping[str, Any] | None = None
) -> list[Msg | str]:
    """The lines of a validation message: one per problem (at most :data:`MAX_PROBLEMS_SHOWN`),
    each with the field path, what is wrong, the value given and the allowed range."""
    errors = exc.errors()
    # For a number-or-table field, a number that fails its range also "is not a table": keep
    # only the error of the member the user evidently meant.
    number_errors = {_clean_loc(e["loc"]) for e in errors if e["type"] != "dict_type"}
    errors = [e for e in errors if not (e["type"] == "dict_type" and _clean_loc(e["loc"]) in number_errors)]
    n = len(errors)
    lines: list[Msg | str] = [Msg("invalid_scenario_one" if n == 1 else "invalid_scenario", source=source, n=n)]
    for err in errors[:MAX_PROBLEMS_SHOWN]:
        rule = is_rule(err["type"])  # a rule's message says itself what was given and what is allowed
        loc = _clean_loc(err["loc"]) + (rule_path(err.get("ctx")) if rule else ())
        path = echo(".".join(str(p) for p in loc), plain=True, limit=200) if loc else Msg("top_level")
        parts: list[Msg | str] = [problem_message(err)]
        if "[key]" in err["loc"]:  # a table's key (a year, an area) is wrong, not its value
            parts = [Msg("val_on_key", text=parts[0])]
        # a list that is too long is not echoed (its limit is in the problem), nor is a missing value
        quiet = {"missing", "model_type", "value_error", "too_long", "too_short"}
        shows_value = err["type"] not in quiet and "input" in err and not rule
        if shows_value and (echo_from is None or _given_in(echo_from, loc)):
            parts.append(Msg("val_got", value=echo(err["input"])))
        plain = rule or err["type"] in {"extra_forbidden", "too_long", "too_short"}
        hint = None if plain else _allowed_range(tuple(err["loc"]), err.get("ctx") or {})
        if hint is not None:
            parts.append(hint)
        lines.append(Msg("problem_line", path=path, text=Joined(parts)))
    if n > MAX_PROBLEMS_SHOWN:
        more = n - MAX_PROBLEMS_SHOWN
        lines.append(Msg("more_problems_one") if more == 1 else Msg("more_problems", n=more))
    return lines


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

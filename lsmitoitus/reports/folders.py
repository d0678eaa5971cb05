"""Result folders and files: written into a hidden temporary folder or file beside the target,
then renamed into place, so a result either appears complete or not at all, and nothing that
exists is ever overwritten.

:func:`check_output` runs before any simulating or fitting: the target must not exist, its
parent must be a folder we can write in with room to spare, and hidden temporary folders left
by killed runs are removed (or reported, when they are not ours to remove). Results get the
user's normal permissions (the umask), not the private 0700 of :func:`tempfile.mkdtemp`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..text.i18n import Msg, UserError, echo, os_reason

#: Free space required beside a result folder before a run starts (bytes): a rough floor; a
#: default run writes about 30 MB.
MIN_FREE_BYTES = 100_000_000

#: Hidden temporary folders and files: ``.<target name>.lsmitoitus-<process id>.<random>.tmp``.
_TEMP = re.compile(r"^\.(?P<name>.+)\.lsmitoitus-(?P<pid>\d+)\.(?P<rand>[a-z0-9_]{8})\.tmp$")
#: The same without a process id, as written before process ids were recorded.
_OLD_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<rand>[a-z0-9_]{8})\.tmp$")


class OutputExistsError(UserError, FileExistsError):
    """The chosen output folder or file already exists."""


class OutputAppearedError(OutputExistsError):
    """The output folder appeared while the run was working; the results were kept elsewhere."""

    def __init__(self, target: Path, saved_to: Path) -> None:
        self.saved_to = saved_to
        super().__init__(Msg("out_appeared", path=_shown(target), saved=_shown(saved_to)))


class OutputError(UserError, OSError):
    """The output cannot be written: not a folder, not writable, disk full."""


class _WriteFailed(OutputError):
    """Writing into the chosen place failed; ``reason`` says why (for the rescue's message)."""

    def __init__(self, message: Msg, reason: Msg) -> None:
        super().__init__(message)
        self.line = message
        self.reason = reason


class OutputRescuedError(OutputError):
    """The chosen place could not be written when the results were finished: they were written
    to a rescue folder instead, which the message names (``lsmitoitus report`` reads it)."""

    def __init__(self, target: Path, saved_to: Path, reason: Msg) -> None:
        self.saved_to = saved_to
        super().__init__(Msg("out_rescued", path=_shown(target), saved=_shown(saved_to), reason=reason))


#: The folder, in the home folder (else the system's temporary folder), that keeps finished
#: results the chosen place could not take.
RESCUE_FOLDER = "lsmitoitus-pelastetut"


def rescue_places() -> list[Path]:
    """Where finished results go when their own place fails, in order of preference."""
    places = []
    with contextlib.suppress(RuntimeError, KeyError, OSError):
        places.append(Path.home() / RESCUE_FOLDER)
    uid = getattr(os, "getuid", lambda: 0)()
    places.append(Path(tempfile.gettempdir()) / f"{RESCUE_FOLDER}-{uid}")
    return places


def _free_name(path: Path) -> Path:
    """``path``, or ``path-2``, ``-3``, … the first that does not exist."""
    if not os.path.lexists(path):
        return path
    for n in range(2, 10_000):
        candidate = path.with_name(f"{path.name}-{n}")
        if not os.path.lexists(candidate):
            return candidate
    raise OutputError(Msg("out_appeared_lost", path=_shown(path)))


def _shown(path: Path) -> str:
    return echo(str(path), plain=True, limit=200)


def _reason(exc: OSError) -> Msg:
    return os_reason(exc)


def default_out_dir(name: str, base: Path = Path("tulokset")) -> Path:
    """``tulokset/<name>-<timestamp>/``: the default folder of a command's results."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return base / f"{name}-{stamp}"


def refuse_existing(target: Path) -> None:
    """Stop before any work if ``target`` exists and is not an empty folder."""
    if not os.path.lexists(target):
        return
    if not os.path.isdir(target):
        raise OutputExistsError(Msg("out_is_file", path=_shown(target)))
    if any(target.iterdir()):
        raise OutputExistsError(Msg("out_exists", path=_shown(target)))


def _existing_ancestor(path: Path) -> Path:
    path = path.absolute()
    while not os.path.lexists(path) and path != path.parent:
        path = path.parent
    return path


def _check_names(target: Path, parent: Path) -> None:
    """Folders still to be created on the way to ``target`` must have names the disk accepts."""
    try:
        longest = os.pathconf(parent, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        longest = 255
    missing = target.absolute().relative_to(parent).parts[:-1]
    for name in missing:
        if len(os.fsencode(name)) > longest:
            raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), name)


def check_output(target: Path, file: bool = False, min_free: int = MIN_FREE_BYTES) -> list[Msg]:
    """Check, before any work, that ``target`` (a folder, or with ``file`` a file) can be written.

    The target must not exist (an empty folder is fine), the nearest existing parent must be a
    folder in which we can create entries, and its disk must have ``min_free`` bytes free.
    Returns notes on hidden temporary folders of killed runs found beside the target."""
    if file:
        if os.path.lexists(target):
            raise OutputExistsError(Msg("file_exists", path=_shown(target)))
    else:
        refuse_existing(target)
    parent = _existing_ancestor(target.parent)
    if not os.path.isdir(parent):
        raise OutputError(Msg("out_parent_not_folder", path=_shown(target), parent=_shown(parent)))
    try:
        _check_names(target, parent)
        # a probe named like the temporary folder will be: the place is writable and the name fits
        os.rmdir(tempfile.mkdtemp(prefix=_temp_prefix(target) + "probe", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise OutputError(
            Msg("out_not_writable", path=_shown(target), parent=_shown(parent), reason=_reason(exc))
        ) from None
    free = shutil.disk_usage(parent).free
    if free < min_free:
        raise OutputError(
            Msg(
                "out_disk_full",
                path=_shown(target),
                parent=_shown(parent),
                free=f"{free / 1e6:.0f}",
                needed=f"{min_free / 1e6:.0f}",
            )
        )
    return clean_stale(target.parent) if os.path.isdir(target.parent) else []


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    except OSError:
        return True  # cannot tell: leave it alone
    return True


def clean_stale(folder: Path) -> list[Msg]:
    """Remove hidden temporary folders and files that runs killed before they finished left in
    ``folder`` (their process is gone); report older ones that do not say whose they are."""
    notes: list[Msg] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return notes
    for entry in entries:
        ours = _TEMP.match(entry.name)
        if ours is not None:
            if _alive(int(ours["pid"])):
                continue  # a run still working
            try:
                if os.path.isdir(entry) and not os.path.islink(entry):
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
            except OSError:
                notes.append(Msg("stale_found", path=_shown(entry)))
            else:
                notes.append(Msg("stale_removed", path=_shown(entry)))
        elif _OLD_TEMP.match(entry.name) is not None:
            notes.append(Msg("stale_found", path=_shown(entry)))
    return notes


def current_umask() -> int:
    """The process's umask (read without changing it where the OS tells it)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _temp_prefix(target: Path) -> str:
    return f".{target.name}.lsmitoitus-{os.getpid()}."


def _keep_beside(tmp: Path, target: Path) -> Path:
    """Rename ``tmp`` to the first free ``<target>-2``, ``-3``, … and return that path."""
    for n in range(2, 10_000):
        candidate = target.with_name(f"{target.name}-{n}")
        if os.path.lexists(candidate):
            continue
        try:
            os.rename(tmp, candidate)
        except OSError:
            continue
        return candidate
    raise OutputError(Msg("out_appeared_lost", path=_shown(target)))


def _publish(tmp: Path, target: Path) -> None:
    """Rename the finished ``tmp`` to ``target``; if ``target`` appeared meanwhile (another run),
    keep the results beside it and say so."""
    if os.path.isdir(target) and not os.path.islink(target) and not any(target.iterdir()):
        with contextlib.suppress(OSError):
            target.rmdir()  # empty; rename cannot replace it on every OS
    if not os.path.lexists(target):
        try:
            os.rename(tmp, target)
            return
        except OSError as exc:
            if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY, errno.ENOTDIR, errno.EISDIR):
                raise
    raise OutputAppearedError(target, _keep_beside(tmp, target))


@contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """Yield a temporary folder beside ``target``; rename it to ``target`` if the block succeeds.

    On any failure or interruption (Ctrl-C, SIGTERM) the temporary folder is removed; a failure
    to write (disk full, permissions) becomes an :class:`OutputError` saying nothing was written."""
    refuse_existing(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=_temp_prefix(target), suffix=".tmp", dir=target.parent))
    except OSError as exc:
        gone = os.path.lexists(target.parent) and not os.path.isdir(target.parent)
        reason = Msg("reason_not_a_folder") if gone else _reason(exc)
        raise _WriteFailed(Msg("out_write_failed", path=_shown(target), reason=reason), reason) from None
    try:
        os.chmod(tmp, 0o777 & ~current_umask())
        yield tmp
        _publish(tmp, target)
    except UserError:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        reason = _reason(exc)
        raise _WriteFailed(Msg("out_write_failed", path=_shown(target), reason=reason), reason) from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_folder(target: Path, write: Callable[[Path], None]) -> Path:
    """Write a results folder atomically (:func:`atomic_folder`): ``write`` fills a temporary
    folder that is renamed to ``target``. Finished results are never lost: if ``target``'s place
    cannot be written any more (its permissions changed, its disk filled, it vanished while the
    run worked), ``write`` runs again into a rescue folder (:func:`rescue_places`) and
    :class:`OutputRescuedError` names it. Returns ``target``."""
    try:
        with atomic_folder(target) as tmp:
            write(tmp)
        return target
    except _WriteFailed as failed:
        first = failed
    for place in rescue_places():
        try:
            place.mkdir(parents=True, exist_ok=True)
            rescued = _free_name(place / target.name)
            with atomic_folder(rescued) as tmp:
                write(tmp)
        except OutputError:
            continue
        raise OutputRescuedError(target, rescued, first.reason)
    raise OutputError([first.line, Msg("out_rescue_failed", places=", ".join(_shown(p) for p in rescue_places()))])


def write_new_text(path: Path, text: str) -> None:
    """Write a new file atomically (temporary file, then rename); never replace an existing one.
    If its place cannot be written any more, the text goes to a rescue folder, as results do
    (:func:`write_folder`), and :class:`OutputRescuedError` names the file."""
    try:
        _write_new_text(path, text)
    except _WriteFailed as failed:
        first = failed
    else:
        return
    for place in rescue_places():
        try:
            place.mkdir(parents=True, exist_ok=True)
            rescued = _free_name(place / path.name)
            _write_new_text(rescued, text)
        except OutputError:
            continue
        raise OutputRescuedError(path, rescued, first.reason)
    raise OutputError([first.line, Msg("out_rescue_failed", places=", ".join(_shown(p) for p in rescue_places()))])


def _write_new_text(path: Path, text: str) -> None:
    if os.path.lexists(path):
        raise OutputExistsError(Msg("file_exists", path=_shown(path)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=path.parent)
    except OSError as exc:
        reason = _reason(exc)
        raise _WriteFailed(Msg("out_write_failed", path=_shown(path), reason=reason), reason) from None
    try:
        os.chmod(tmp_name, 0o666 & ~current_umask())
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.link(tmp_name, path)  # fails if path appeared meanwhile: no silent overwrite
    except FileExistsError:
        raise OutputExistsError(Msg("file_appeared", path=_shown(path))) from None
    except OSError as exc:
        reason = _reason(exc)
        raise _WriteFailed(Msg("out_write_failed", path=_shown(path), reason=reason), reason) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)

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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .i18n import Msg, UserError, echo, os_reason

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
        raise OutputError(Msg("out_write_failed", path=_shown(target), reason=_reason(exc))) from None
    try:
        os.chmod(tmp, 0o777 & ~current_umask())
        yield tmp
        _publish(tmp, target)
    except UserError:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(Msg("out_write_failed", path=_shown(target), reason=_reason(exc))) from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_new_text(path: Path, text: str) -> None:
    """Write a new file atomically (temporary file, then rename); never replace an existing one."""
    if os.path.lexists(path):
        raise OutputExistsError(Msg("file_exists", path=_shown(path)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(Msg("out_write_failed", path=_shown(path), reason=_reason(exc))) from None
    try:
        os.chmod(tmp_name, 0o666 & ~current_umask())
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.link(tmp_name, path)  # fails if path appeared meanwhile: no silent overwrite
    except FileExistsError:
        raise OutputExistsError(Msg("file_appeared", path=_shown(path))) from None
    except OSError as exc:
        raise OutputError(Msg("out_write_failed", path=_shown(path), reason=_reason(exc))) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)

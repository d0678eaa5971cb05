"""Result folders and files: written into a hidden temporary folder or file beside the target,
then renamed into place, so a result either appears complete or not at all, and nothing that
exists is ever overwritten."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class OutputExistsError(FileExistsError):
    """The chosen output folder or file already exists."""


def default_out_dir(name: str, base: Path = Path("tulokset")) -> Path:
    """``tulokset/<name>-<timestamp>/``: the default folder of a command's results."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return base / f"{name}-{stamp}"


def refuse_existing(target: Path) -> None:
    """Stop before any work if ``target`` exists and is not an empty folder."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise OutputExistsError(f"{target} already exists; choose another --out (nothing was overwritten)")


@contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """Yield a temporary folder beside ``target``; rename it to ``target`` if the block succeeds."""
    refuse_existing(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        yield tmp
        if target.exists():
            target.rmdir()  # empty by the check above; rename cannot replace it on every OS
        os.rename(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_new_text(path: Path, text: str) -> None:
    """Write a new file atomically (temporary file, then rename); never replace an existing one."""
    if path.exists():
        raise OutputExistsError(f"{path} already exists; choose another name (nothing was overwritten)")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.link(tmp_name, path)  # fails if path appeared meanwhile: no silent overwrite
    finally:
        os.unlink(tmp_name)

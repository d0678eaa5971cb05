"""Result folders: checked before any work, written atomically with the user's permissions, never
overwritten (not even by a run that finished meanwhile), cleaned up after Ctrl-C or SIGTERM, and
temporary folders of killed runs removed or reported on the next run."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from lsmitoitus.reports import folders
from lsmitoitus.reports.folders import (
    OutputAppearedError,
    OutputError,
    OutputExistsError,
    atomic_folder,
    check_output,
    write_new_text,
)


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.unit
@pytest.mark.parametrize("mask", [0o022, 0o027, 0o002])
def test_results_get_the_users_normal_permissions(tmp_path: Path, umask: None, mask: int) -> None:
    os.umask(mask)
    target = tmp_path / "tulos"
    with atomic_folder(target) as tmp:
        (tmp / "a.csv").write_text("x")
    assert stat.S_IMODE(target.stat().st_mode) == 0o777 & ~mask  # mkdtemp alone gives 0700
    assert stat.S_IMODE((target / "a.csv").stat().st_mode) == 0o666 & ~mask
    write_new_text(tmp_path / "k.toml", "x = 1\n")
    assert stat.S_IMODE((tmp_path / "k.toml").stat().st_mode) == 0o666 & ~mask  # mkstemp alone gives 0600


@pytest.mark.unit
def test_a_folder_that_appeared_meanwhile_is_kept_and_the_results_too(tmp_path: Path) -> None:
    """Two runs to the same --out: the second to finish says so and keeps its results beside."""
    target = tmp_path / "tulos"
    with pytest.raises(OutputAppearedError) as err, atomic_folder(target) as tmp:
        (tmp / "toinen.csv").write_text("toinen ajo")
        target.mkdir()  # the first run finished meanwhile
        (target / "ensimmäinen.csv").write_text("ensimmäinen ajo")
    assert "tulos ilmestyi ajon aikana (toinen ajo samaan --out-kansioon?); sitä ei korvattu" in str(err.value)
    assert f"kansioon {tmp_path / 'tulos-2'}" in str(err.value)
    assert "appeared while this run was working" in err.value.text("en")
    assert [p.name for p in target.iterdir()] == ["ensimmäinen.csv"]
    assert (tmp_path / "tulos-2" / "toinen.csv").read_text() == "toinen ajo"
    assert hidden(tmp_path) == []


@pytest.mark.unit
@pytest.mark.parametrize("stop", [KeyboardInterrupt, RuntimeError])
def test_an_interrupted_write_leaves_nothing(tmp_path: Path, stop: type[BaseException]) -> None:
    with pytest.raises(stop), atomic_folder(tmp_path / "tulos") as tmp:
        (tmp / "a.csv").write_text("x")
        raise stop()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.unit
def test_a_full_disk_while_writing_is_a_message_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="levy on täynnä") as err, atomic_folder(tmp_path / "tulos"):
        raise OSError(errno.ENOSPC, "No space left on device")
    assert "keskeneräistä kansiota ei jätetty" in str(err.value)
    assert list(tmp_path.iterdir()) == []


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.mark.unit
def test_temporary_folders_of_killed_runs_are_removed_or_reported(tmp_path: Path) -> None:
    killed = tmp_path / f".tulos.lsmitoitus-{dead_pid()}.abcd1234.tmp"
    killed.mkdir()
    (killed / "monthly.csv").write_text("kesken")
    killed_file = tmp_path / f".k.toml.lsmitoitus-{dead_pid()}.abcd1234.tmp"
    killed_file.write_text("kesken")
    running = tmp_path / f".toinen.lsmitoitus-{os.getpid()}.abcd1234.tmp"  # a run still working
    running.mkdir()
    unknown = tmp_path / ".vanha.abcd1234.tmp"  # written by an older version: not ours to judge
    unknown.mkdir()
    notes = [str(n) for n in check_output(tmp_path / "uusi")]
    assert not killed.exists() and not killed_file.exists()
    assert running.exists() and unknown.exists()
    assert f"huom.: poistettiin keskeytyneen ajon väliaikainen kansio {killed}" in notes
    assert f"huom.: {unknown} näyttää keskeytyneen ajon väliaikaiselta kansiolta; sen voi poistaa" in notes
    assert len(notes) == 3


@pytest.mark.unit
def test_outputs_are_checked_before_any_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "tiedosto").write_text("x")
    with pytest.raises(OutputExistsError, match="tiedosto on tiedosto; --out tarvitsee kansion nimen"):
        check_output(tmp_path / "tiedosto")
    with pytest.raises(OutputExistsError, match="tiedosto on jo olemassa; valitse toinen nimi"):
        check_output(tmp_path / "tiedosto", file=True)
    with pytest.raises(OutputError, match="ei ole kansio"):
        check_output(tmp_path / "tiedosto" / "tulos")
    check_output(tmp_path / "uusi" / "syvällä" / "tulos")  # missing parents are fine
    assert not (tmp_path / "uusi").exists()  # and the check creates nothing

    def read_only(*_args: object, **_kwargs: object) -> str:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(folders.tempfile, "mkdtemp", read_only)
    with pytest.raises(OutputError, match=r"ei voi kirjoittaa \(levy on vain luettavissa\); mitään ei ajettu"):
        check_output(tmp_path / "tulos")
    monkeypatch.undo()

    class Usage:
        free = 5_000_000

    monkeypatch.setattr(folders.shutil, "disk_usage", lambda _path: Usage())
    with pytest.raises(OutputError, match="levyllä on tilaa vain 5 MB"):
        check_output(tmp_path / "tulos")


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.e2e
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find worker processes")
@pytest.mark.parametrize(
    ("sig", "status", "message"), [(signal.SIGTERM, 143, "lopetettu (SIGTERM)"), (signal.SIGINT, 130, "keskeytetty")]
)
def test_sigterm_stops_a_run_like_ctrl_c(tmp_path: Path, sig: int, status: int, message: str) -> None:
    out = tmp_path / "tulos"
    run = subprocess.Popen(
        [sys.executable, "-m", "lsmitoitus", "run", "-n", "8", "-j", "2", "--out", str(out)],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
        workers = children_of(run.pid)
    assert len(workers) >= 2, "the run did not start its worker processes"
    run.send_signal(sig)
    _, err = run.communicate(timeout=30)
    assert run.returncode == status, err
    assert message in err and "Traceback" not in err
    time.sleep(0.5)
    assert not [w for w in workers if alive(w)], "worker processes were left running"
    assert not out.exists() and list(tmp_path.iterdir()) == []  # no results, no hidden temporary folder

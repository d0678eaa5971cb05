"""The Dask backend gives the same numbers, bit for bit, as local processes; a lost worker's tasks
are re-run without changing them; a worker with other code is refused; the command line takes
``--cluster`` and ``DASK_SCHEDULER_ADDRESS``.

The cluster is a ``LocalCluster`` of two single-threaded worker processes, as a real one would
be: tasks and results travel pickled between processes, over TCP.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from distributed import Client, LocalCluster

from lsmitoitus.answers.dimensioning import dimension
from lsmitoitus.reports.parquet import read_parquet
from lsmitoitus.scenario.files import deep_merge, load_scenario, scenario_to_toml
from lsmitoitus.scenario.schema import Scenario
from lsmitoitus.simulation import cluster as cluster_module
from lsmitoitus.simulation.cluster import ClusterError, use_cluster
from lsmitoitus.simulation.runner import simulate

ROOT = Path(__file__).resolve().parents[1]

#: one reported year, short warm-up: each replication well under a second
TINY = {"simulation": {"start": "2024-01-01", "end": "2024-12-31", "warmup_years": 1, "replications": 6}}


@pytest.fixture(scope="module")
def local_cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as running:
        yield running


@pytest.fixture(scope="module")
def tiny() -> Scenario:
    return Scenario.model_validate(deep_merge(load_scenario().model_dump(), TINY))


def assert_same_results(a: Any, b: Any) -> None:
    for frame in ("monthly", "yearly", "point_in_time", "parameters"):
        pd.testing.assert_frame_equal(getattr(a, frame), getattr(b, frame), check_exact=True)


@pytest.mark.integration
def test_cluster_results_equal_local_processes_bit_for_bit(local_cluster: LocalCluster, tiny: Scenario) -> None:
    local = simulate(tiny, jobs=2)
    with use_cluster(local_cluster.scheduler_address):
        remote = simulate(tiny)
    assert_same_results(remote, local)
    assert remote.meta["cluster"] == local_cluster.scheduler_address and remote.jobs == 2
    assert "cluster" not in local.meta


@pytest.mark.integration
def test_dimensioning_on_the_cluster_equals_local(local_cluster: LocalCluster, tiny: Scenario) -> None:
    short = tiny.with_overrides(replications=3)
    local = dimension(short, jobs=1, decompose=False)
    with use_cluster(local_cluster.scheduler_address):
        remote = dimension(short, decompose=False)
    pd.testing.assert_frame_equal(remote.requirement, local.requirement, check_exact=True)
    pd.testing.assert_frame_equal(remote.yearly, local.yearly, check_exact=True)


@pytest.mark.integration
def test_a_killed_worker_changes_nothing(local_cluster: LocalCluster, tiny: Scenario) -> None:
    """Kill, with SIGKILL, a worker process that is running a replication: the scheduler runs its
    tasks on the other (or the restarted) worker and the results are unchanged."""
    scenario = tiny.with_overrides(replications=8)
    local = simulate(scenario, jobs=1)
    killed: list[str] = []
    with Client(local_cluster.scheduler_address, set_as_default=False) as client, use_cluster(client=client):

        def kill_a_busy_worker(done: int, _total: int) -> None:
            if killed:
                return
            busy = [w for w, keys in client.processing().items() if keys]
            if busy:
                pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed.append(busy[0])

        remote = simulate(scenario, progress=kill_a_busy_worker)
        assert killed, "no worker was busy when the first replication finished"
        client.wait_for_workers(2, timeout=60)  # the nanny restarts it for the tests that follow
    assert_same_results(remote, local)


@pytest.mark.integration
def test_a_worker_with_other_code_is_refused(
    local_cluster: LocalCluster, tiny: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster_module, "code_fingerprint", lambda: "0" * 16)
    with use_cluster(local_cluster.scheduler_address), pytest.raises(ClusterError) as caught:
        simulate(tiny.with_overrides(replications=1))
    assert "eri ohjelmaversio" in caught.value.text("fi") and "different code" in caught.value.text("en")


@pytest.mark.unit
def test_an_address_nobody_listens_on_gets_a_message_at_once() -> None:
    with pytest.raises(ClusterError) as caught, use_cluster("tcp://127.0.0.1:9"):
        pass
    assert "Dask-klusteriin tcp://127.0.0.1:9" in caught.value.text("fi")


@pytest.mark.e2e
@pytest.mark.parametrize("how", ["option", "environment"])
def test_command_line_runs_on_the_cluster(
    local_cluster: LocalCluster, tiny: Scenario, how: str, tmp_path: Path
) -> None:
    scenario = tmp_path / "pieni.toml"
    scenario.write_text(scenario_to_toml(tiny.with_overrides(replications=2)), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "DASK_SCHEDULER_ADDRESS"}
    out = tmp_path / "out"
    args = [sys.executable, "-m", "lsmitoitus", "run", str(scenario), "--out", str(out), "--no-progress"]
    args += ["--format", "parquet"]
    if how == "option":
        args += ["--cluster", local_cluster.scheduler_address]
    else:
        env["DASK_SCHEDULER_ADDRESS"] = local_cluster.scheduler_address
    done = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "Dask-klusteri" in done.stdout
    meta = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert meta["cluster"] == local_cluster.scheduler_address
    local = simulate(tiny.with_overrides(replications=2), jobs=1)
    pd.testing.assert_frame_equal(read_parquet(out / "monthly.parquet").frame, local.monthly, check_exact=True)

"""Running replications, serially, in local worker processes or on a Dask cluster, with
identical results every way.

Replication r always uses the r-th child of ``SeedSequence(seed)``, so the numbers do not depend
on the backend, on how many processes ran or in which order replications finished. Local
processes are the default; within :func:`lsmitoitus.simulation.cluster.use_cluster` the same tasks go to a
Dask distributed cluster instead (:mod:`lsmitoitus.simulation.cluster`).
"""

from __future__ import annotations

import math
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

import numpy as np
from tqdm import tqdm

from ..model import PathwayModel, RawReplication
from ..model._compiled import EventBudgetExceeded
from ..model.pathway import collector_paused
from ..model.randomness import replication_seeds
from ..scenario.schema import Scenario
from ..scenario.uncertainty import draw_multipliers, scale_data
from ..text.formats import Formatted, integer
from ..text.i18n import Msg, UserError
from .cluster import ALWAYS_IN_WORKERS, active_client, describe, map_on_cluster
from .results import SimulationResults, build_results

ProgressCallback = Callable[[int, int], None]


class RunError(UserError, RuntimeError):
    """A run could not finish: a worker process was killed, or a replication simulated far more
    events than its scenario's check estimated (message for the user; nothing was written)."""


def replication_scenario(scenario: Scenario, rep_seed: np.random.SeedSequence) -> tuple[Scenario, dict[str, float]]:
    """This replication's parameter set: the scenario with each uncertain parameter multiplied by
    its draw (as nhp_model samples parameter values per model run), and the multipliers drawn.
    The draws are keyed by parameter name, so a replication draws the same set in every scenario
    that carries the same uncertainty."""
    multipliers = draw_multipliers(scenario, rep_seed)
    if not multipliers:
        return scenario, {}
    data = scale_data(scenario.model_dump(), multipliers, Scenario)
    data["uncertainty"] = {"parameters": {}, "correlation": {}}  # drawn: this replication is certain
    return Scenario.model_validate(data), multipliers


def run_replication(scenario: Scenario, rep_seed: np.random.SeedSequence, replication: int) -> RawReplication:
    """One replication of the model core, with its own draw of the uncertain parameters."""
    with collector_paused():
        drawn, multipliers = replication_scenario(scenario, rep_seed)
        return PathwayModel(drawn, rep_seed, replication, parameters=multipliers).run().raw


def _start_method() -> str:
    """'fork' where the OS has it: unlike 'spawn' it does not re-import the caller's script, so
    an analyst's plain script (without an ``if __name__ == "__main__"`` guard) still works.
    Workers only receive pickled arguments and return pickled arrays."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def with_run_settings(scenario: Scenario, replications: int | None = None, seed: int | None = None) -> Scenario:
    """The scenario with its replications and/or seed replaced (None keeps the scenario's)."""
    overrides = {k: v for k, v in (("replications", replications), ("seed", seed)) if v is not None}
    return scenario.with_overrides(**overrides) if overrides else scenario


def _in_worker() -> None:
    """A worker process runs its own tasks itself (it is the one that works)."""
    ALWAYS_IN_WORKERS.set(False)


def default_jobs(replications: int) -> int:
    return max(1, min(replications, os.cpu_count() or 1))


T = TypeVar("T")


def map_tasks(
    task: Callable[..., T],
    calls: Sequence[tuple[Any, ...]],
    jobs: int = 1,
    progress: ProgressCallback | None = None,
    on_result: Callable[[int, T], None] | None = None,
) -> list[T]:
    """``task(*call)`` for every call, results in call order: on the Dask cluster of an
    enclosing :func:`lsmitoitus.simulation.cluster.use_cluster` block, else serially (``jobs`` 1) or in
    ``jobs`` local worker processes. Tasks must be pure functions of their arguments, so the
    result never depends on the backend or the number of workers. ``on_result(i, result)`` hears
    of each result as it arrives (in local processes while the others still run), before
    ``progress``."""
    n = len(calls)
    client = active_client()
    if client is not None:
        results = map_on_cluster(client, task, calls, progress)
        if on_result is not None:
            for i, result in enumerate(results):
                on_result(i, result)
        return results
    out: list[T | None] = [None] * n
    try:
        if (jobs <= 1 or n <= 1) and not ALWAYS_IN_WORKERS.get():
            for i, call in enumerate(calls):
                out[i] = result = task(*call)
                if on_result:
                    on_result(i, result)
                if progress:
                    progress(i + 1, n)
        else:
            context = multiprocessing.get_context(_start_method())
            workers = max(1, min(jobs, n))
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_in_worker)
            try:
                futures = {pool.submit(task, *call): i for i, call in enumerate(calls)}
                for done, future in enumerate(as_completed(futures), start=1):
                    out[futures[future]] = result = future.result()
                    if on_result:
                        on_result(futures[future], result)
                    if progress:
                        progress(done, n)
            except BaseException:
                # a task failed, a worker died, or the caller stopped (Ctrl-C; the app's page
                # rerun when a control moves): the tasks not yet started are dropped, and only
                # those running are waited for (not waiting leaves the pool's thread to fail at
                # the interpreter's exit, on a pipe already closed)
                pool.shutdown(wait=True, cancel_futures=True)
                raise
            pool.shutdown(wait=True)
    except EventBudgetExceeded as exc:
        shown = {"events": Formatted(integer, exc.events), "budget": Formatted(integer, exc.budget)}
        raise RunError(Msg("event_budget", **shown)) from None
    except BrokenProcessPool:  # a worker was killed (out of memory, or by someone): not a bug of ours
        raise RunError(Msg("worker_died", jobs=max(1, min(jobs, n)))) from None
    return out  # type: ignore[return-value]  # every slot is filled


def map_replications(
    task: Callable[[Scenario, np.random.SeedSequence, int], T],
    scenario: Scenario,
    jobs: int = 1,
    progress: ProgressCallback | None = None,
) -> list[T]:
    """``task(scenario, seed_r, r)`` for every replication r, in replication order, serially,
    in worker processes or on a cluster (:func:`map_tasks`); the result does not depend on how."""
    n = scenario.simulation.replications
    seeds = replication_seeds(scenario.simulation.seed, n)
    return map_tasks(task, [(scenario, seeds[r], r) for r in range(n)], jobs, progress)


def simulate_raw(
    scenario: Scenario,
    jobs: int = 1,
    progress: ProgressCallback | None = None,
) -> list[RawReplication]:
    """Raw counts of all replications of ``scenario`` in replication order."""
    return map_replications(run_replication, scenario, jobs, progress)


class LineProgress:
    """Progress for a log file or a pipe, where a bar cannot redraw: one plain line each time
    another ``step`` per cent of the replications is done (and at the end)."""

    def __init__(self, write: Callable[[str], None], text: Callable[[int, int, int], str], step: int = 10) -> None:
        self.write = write
        self.text = text
        self.step = step
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        exact = 100 * done / max(total, 1)
        # the share as people round it (1/6 is 17 %), never 100 % before the end
        percent = 100 if done >= total else min(math.floor(exact + 0.5), 99)
        mark = int(exact) // self.step * self.step
        if mark > self.shown or (done == total and self.shown < 100):
            self.shown = 100 if done == total else mark
            self.write(self.text(done, total, percent))

    def close(self) -> None:
        """Nothing to tidy (the lines stay)."""


def simulate(
    scenario: Scenario,
    *,
    replications: int | None = None,
    seed: int | None = None,
    jobs: int | None = None,
    progress: bool | ProgressCallback = False,
) -> SimulationResults:
    """Simulate a scenario and return tidy results. The public entry point of the model.

    ``replications`` and ``seed`` override the scenario's settings (the returned results carry
    the scenario actually run); ``jobs`` is the number of worker processes (default: one per
    core, at most one per replication; within :func:`lsmitoitus.simulation.cluster.use_cluster` the
    cluster's workers run them instead); ``progress`` shows a tqdm bar or calls a function.
    """
    scenario = with_run_settings(scenario, replications, seed)
    n = scenario.simulation.replications
    jobs = default_jobs(n) if jobs is None else max(1, jobs)
    callback: ProgressCallback | None
    bar = None
    if progress is True:
        bar = tqdm(total=n, desc="toistot", unit="toisto", leave=False)

        def callback(done: int, total: int) -> None:
            assert bar is not None
            bar.n = done
            bar.refresh()
    elif callable(progress):
        callback = progress
    else:
        callback = None
    started = time.perf_counter()
    try:
        raws = simulate_raw(scenario, jobs=jobs, progress=callback)
    finally:
        if bar is not None:
            bar.close()
    cluster = cluster_description()
    if cluster is not None:
        jobs = cluster[1]  # the cluster's workers did the work
    results = build_results(scenario, raws, time.perf_counter() - started, jobs)
    if cluster is not None:
        results.meta["cluster"] = cluster[0]
    return results


def cluster_description() -> tuple[str, int] | None:
    """(scheduler address, workers) of the cluster in use, or None for local processes."""
    client = active_client()
    return None if client is None else describe(client)

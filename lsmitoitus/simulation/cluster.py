"""Running tasks on a Dask distributed cluster: the alternative to local worker processes when one
machine is not enough (``--cluster ADDRESS`` or ``DASK_SCHEDULER_ADDRESS``).

Dask is imported only here and only when a cluster is used, so the command line starts without
it and a plain installation does not need it (``pip install 'lsmitoitus[cluster]'``).

Results are the same, bit for bit, as with local processes: a task is a pure function of its
arguments (replication r always gets the r-th seed), so it does not matter which worker ran it,
in which order, or whether it ran twice because its first worker was lost. What could break
that is a worker running other code: every task therefore carries this machine's code
fingerprint and refuses to run on a worker whose package or numerical libraries differ.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import platform
import socket
import struct
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from ..scenario.schema import Scenario
from ..text.i18n import Msg, UserError, echo, os_reason

T = TypeVar("T")

#: A lost worker's tasks are re-run by the scheduler (``distributed.scheduler.allowed-failures``
#: times); a task that raised is retried this many times on another worker.
RETRIES = 2
#: Seconds Dask may take to connect once the scheduler has greeted us (:func:`_probe`).
CONNECT_TIMEOUT = 5
#: Libraries whose version can change a number (with the package's own source).
NUMERICAL = ("numpy", "scipy", "simpy", "pandas")

_CLIENT: ContextVar[Any | None] = ContextVar("lsmitoitus_dask_client", default=None)

#: Within :func:`tasks_in_worker_processes`, local tasks run in worker processes even when one
#: process is asked for: the process that waits for them then handles Ctrl-C and SIGTERM at
#: once, whatever the compiled core is doing (the command line sets it; a notebook's serial run
#: stays in its own process).
ALWAYS_IN_WORKERS: ContextVar[bool] = ContextVar("lsmitoitus_always_in_workers", default=False)


@contextmanager
def tasks_in_worker_processes() -> Iterator[None]:
    """Within the block, :func:`lsmitoitus.simulation.runner.map_tasks` never runs a task in this process."""
    token = ALWAYS_IN_WORKERS.set(True)
    try:
        yield
    finally:
        ALWAYS_IN_WORKERS.reset(token)


class ClusterError(UserError, RuntimeError):
    """The cluster cannot be reached or used."""


class CodeMismatch(RuntimeError):
    """A worker runs different code from the machine that submitted the task."""


@functools.cache
def code_fingerprint() -> str:
    """A hash of this installation's lsmitoitus source and the numerical libraries' versions:
    equal fingerprints run the same code, so give the same numbers."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    versions = [platform.python_version()]
    for name in NUMERICAL:
        module = sys.modules.get(name) or __import__(name)
        versions.append(f"{name}={module.__version__}")
    digest.update(";".join(versions).encode())
    return digest.hexdigest()[:16]


def checked_call(fingerprint: str, task: Callable[..., T], *args: Any) -> T:
    """Run ``task(*args)`` on a worker, after checking the worker runs the submitter's code."""
    here = code_fingerprint()
    if here != fingerprint:
        raise CodeMismatch(f"worker {socket.gethostname()} has code {here}, the submitter {fingerprint}")
    return task(*args)


#: Seconds a scheduler has to greet us (it does so at once) before we say what answered instead.
GREETING_TIMEOUT = 3.0
#: Largest greeting read from a service that is not a Dask scheduler (bytes).
GREETING_LIMIT = 64 * 1024
#: Address schemes of a Dask scheduler; only tcp:// is checked before Dask is imported.
SCHEMES = ("tcp", "tls")


def _probe(address: str) -> None:
    """Check, within a few seconds and before Dask is imported, that ``address`` is a Dask
    scheduler: a plain TCP scheduler greets a new connection at once with its handshake (a
    length-prefixed message naming its compression and Python). Say what answered otherwise:
    nobody, a silent service, a web server, or bytes that are not Dask's. (Dask itself would
    wait for minutes, run out of memory on a stream of bytes, or fail with a traceback.)"""
    shown = echo(address, plain=True)
    try:
        parts = urlsplit(address if "://" in address else f"tcp://{address}")
    except ValueError:  # an unclosed [ of an IPv6 address
        raise ClusterError(Msg("cluster_bad_address", address=shown)) from None
    if parts.scheme in ("http", "https"):
        raise ClusterError(Msg("cluster_http_address", address=shown))
    if parts.scheme not in SCHEMES:
        raise ClusterError(Msg("cluster_bad_address", address=shown))
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        raise ClusterError(Msg("cluster_bad_address", address=shown)) from None
    if not host or port is None:
        raise ClusterError(Msg("cluster_bad_address", address=shown))
    try:
        sock = socket.create_connection((host, port), timeout=GREETING_TIMEOUT)
    except OSError as exc:
        raise ClusterError(Msg("cluster_unreachable", address=shown, reason=os_reason(exc))) from None
    with sock:
        found = _greeting(sock) if parts.scheme == "tcp" else None  # tls: Dask's own handshake
    if found is not None:
        raise ClusterError(Msg("cluster_not_dask", address=shown, found=found))


def _read_some(sock: socket.socket, wanted: int, deadline: float) -> bytes:
    """Up to ``wanted`` bytes, as many as arrive before ``deadline`` (or the end of the stream)."""
    got = b""
    while len(got) < wanted:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        sock.settimeout(left)
        try:
            chunk = sock.recv(min(65536, wanted - len(got)))
        except OSError:  # a timeout too
            break
        if not chunk:
            break
        got += chunk
    return got


def _greeting(sock: socket.socket) -> Msg | None:
    """None if the peer greets as a Dask scheduler does; else what it did, for the message."""
    deadline = time.monotonic() + GREETING_TIMEOUT
    head = _read_some(sock, 8, deadline)
    if not head:
        if time.monotonic() < deadline:
            return Msg("found_closed")
        silent = Msg("found_silent", seconds=f"{GREETING_TIMEOUT:g}")
        # a web server waits for a request: ask it one, to say what it is
        try:
            sock.sendall(b"GET / HTTP/1.0\r\nHost: lsmitoitus\r\n\r\n")
        except OSError:
            return silent
        answer = _read_some(sock, 5, time.monotonic() + 1.0)
        return Msg("found_http") if answer.startswith(b"HTTP/") else silent
    if head.startswith(b"HTTP/") or head[:4] in (b"GET ", b"<!DO", b"<htm"):
        return Msg("found_http")
    if head.startswith(b"SSH-"):
        return Msg("found_ssh")
    if len(head) < 8:
        return Msg("found_bytes")
    (length,) = struct.unpack("<Q", head)
    if not 0 < length <= GREETING_LIMIT:
        return Msg("found_bytes")
    body = _read_some(sock, length, deadline)
    if len(body) < length or b"compression" not in body or b"python" not in body:
        return Msg("found_bytes")
    return None


def connect(address: str) -> Any:
    """A Dask client of the scheduler at ``address``; a clear message if Dask is missing or the
    scheduler does not answer."""
    _probe(address)  # before importing Dask: a wrong address is refused at once
    try:  # lazy: Dask is an optional extra (cluster), imported only when a cluster is asked for
        from distributed import Client
    except ImportError:
        raise ClusterError(Msg("cluster_needs_dask")) from None
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except Exception as exc:  # whatever Dask raises while connecting, the user gets one message
        _discard_half_made_client(exc)
        if isinstance(exc, TypeError) and address.startswith("tls://"):
            raise ClusterError(Msg("cluster_tls_settings", address=echo(address, plain=True))) from None
        if isinstance(exc, OSError):
            reason: Msg | str = os_reason(exc)
        else:
            reason = echo(f"{type(exc).__name__}: {exc}", plain=True, limit=160)
        raise ClusterError(Msg("cluster_unreachable", address=echo(address, plain=True), reason=reason)) from None


def _discard_half_made_client(exc: BaseException) -> None:
    """A Client whose connection failed would, when freed, wait 10 s to close a connection it
    never had and print a traceback from its destructor: mark it closed and stop its thread."""
    # lazy: Dask is an optional extra (cluster); a connection was tried, so it is installed
    from distributed import Client

    trace = exc.__traceback__
    while trace is not None:
        client = trace.tb_frame.f_locals.get("self")
        if isinstance(client, Client):
            client.status = "closed"
            with contextlib.suppress(Exception):
                client._loop_runner.stop()
            return
        trace = trace.tb_next


@contextmanager
def use_cluster(address: str | None = None, client: Any | None = None) -> Iterator[Any | None]:
    """Within the block, replications (and sensitivity samples) run on the Dask cluster at
    ``address`` (or on ``client``); without either, nothing changes (local processes). The
    connection is opened once for the block and closed at its end (only if we opened it)."""
    if client is None and not address:
        yield None
        return
    own = client is None
    active = connect(str(address)) if client is None else client
    token = _CLIENT.set(active)
    try:
        yield active
    finally:
        _CLIENT.reset(token)
        if own:
            active.close()


def active_client() -> Any | None:
    """The client of the enclosing :func:`use_cluster` block, if any."""
    return _CLIENT.get()


def describe(client: Any) -> tuple[str, int]:
    """The scheduler's address and its number of workers now."""
    info = client.scheduler_info()
    return str(client.scheduler.address), len(info.get("workers", {}))


def map_on_cluster(
    client: Any,
    task: Callable[..., T],
    calls: Sequence[tuple[Any, ...]],
    progress: Callable[[int, int], None] | None = None,
) -> list[T]:
    """``task(*call)`` for every call on the cluster, results in call order.

    Large arguments that repeat (a scenario used by every replication) are sent to the cluster
    once; a task whose worker is lost is re-run elsewhere; a task that raised is retried
    :data:`RETRIES` times; progress is reported as tasks finish (``as_completed``)."""
    # lazy: Dask is an optional extra (cluster); a client exists here, so it is installed
    from distributed import as_completed
    from distributed.client import FutureCancelledError
    from distributed.scheduler import KilledWorker

    fingerprint = code_fingerprint()
    shared: dict[int, Any] = {}

    def sent(arg: Any) -> Any:
        if _worth_scattering(arg):
            if id(arg) not in shared:
                shared[id(arg)] = client.scatter(arg, broadcast=False, hash=False)
            return shared[id(arg)]
        return arg

    futures = []
    index = {}
    for i, call in enumerate(calls):
        future = client.submit(checked_call, fingerprint, task, *(sent(a) for a in call), pure=False, retries=RETRIES)
        futures.append(future)
        index[future.key] = i
    out: list[Any] = [None] * len(calls)
    try:
        for done, future in enumerate(as_completed(futures, loop=client.loop), start=1):
            try:
                out[index[future.key]] = future.result()
            except CodeMismatch as exc:
                raise ClusterError(Msg("cluster_code_differs", detail=echo(str(exc), plain=True, limit=200))) from None
            except KilledWorker:
                raise ClusterError(Msg("cluster_worker_lost", task=index[future.key] + 1)) from None
            except (FutureCancelledError, OSError) as exc:
                reason = echo(f"{type(exc).__name__}: {exc}", plain=True)
                raise ClusterError(Msg("cluster_lost", reason=reason)) from None
            if progress:
                progress(done, len(calls))
    finally:
        unfinished = [f for f in futures if not f.done()]
        if unfinished:  # interrupted or failed: nothing of ours keeps running on the cluster
            client.cancel(unfinished)
    return out


def _worth_scattering(arg: Any) -> bool:
    """Scenarios (tens of kilobytes, the same for many tasks) travel once; seeds and numbers inline."""
    return isinstance(arg, Scenario)

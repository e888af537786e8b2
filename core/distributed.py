"""Scale-out on Dask (``distributed``): the embarrassingly parallel loops as Dask tasks (compute core, no QGIS).

A :class:`DaskRunner` is opened from a scheduler *spec* (the ``DRIVETIME_DASK`` environment variable or the
Processing setting of the same name):

* ``local:N`` -- a ``LocalCluster`` of N single-threaded worker processes, started for the run and closed
  after (``local:N:threads``: N worker threads in this process instead, no process start-up);
* ``tcp://host:8786`` (any scheduler address) -- an existing cluster; its workers must be able to import
  ``drivetime_equity`` (installed, or on a shared ``PYTHONPATH``) with the same NumPy / Numba.

Unset (``None`` / empty) means no runner: the callers keep today's in-process threads.

What runs as tasks (each returns a compact array, never a raster):

* :meth:`DaskRunner.tiled_rows` -- one early-stopping single-source search per task (the matrix: the
  symmetric order's searches, each stopping once the sites after it are final, are independent);
* :meth:`DaskRunner.coverage_lists` -- the standby candidates' coverage sets, a few candidates per task;
* :meth:`DaskRunner.map` -- any picklable function over a list (the scenario batch,
  :func:`.scenariobatch.run_batch`).

The friction surface goes to each worker once: ``client.scatter(..., broadcast=True)``, or with a shared
folder (``shared=``, ``DRIVETIME_DASK_SHARED``) a ``.npy`` file there that the workers memory-map. Each
worker keeps its per-thread search state for the surface (keyed by a token of the run) between tasks, so a
task costs its search, not the set-up. Each task runs the same kernel on the same inputs as the threaded
path, so the results are bit for bit the same.

Progress: the fraction of finished tasks; cancel (the progress callback returning True) cancels the
futures not yet finished and raises :class:`Cancelled` (a search already running finishes on its worker).
"""
import math
import os
import sys
import threading
import time
import uuid

import numpy as np

from . import Cancelled

ENV = "DRIVETIME_DASK"
ENV_SHARED = "DRIVETIME_DASK_SHARED"


def parse_spec(text):
    """``None`` (unset / empty), ``("local", n, processes)`` or ``("address", address)``; ValueError else."""
    s = (text or "").strip()
    if not s:
        return None
    low = s.lower()
    if low.startswith("local"):
        parts = low.split(":")
        try:
            n = int(parts[1]) if len(parts) > 1 and parts[1] else 0
        except ValueError:
            n = 0
        mode = parts[2] if len(parts) > 2 else "processes"
        if n < 1 or n > 1024 or mode not in ("processes", "threads") or len(parts) > 3:
            raise ValueError(f"'{s}': use local:N with N workers, 1 to 1024 (local:N:threads for threads in "
                             "this process), or a scheduler address such as tcp://host:8786")
        return ("local", n, mode == "processes")
    if "://" in s or ":" in s:
        return ("address", s if "://" in s else "tcp://" + s)
    raise ValueError(f"'{s}': use a scheduler address such as tcp://host:8786, or local:N")


def package_root():
    """The folder holding the ``drivetime_equity`` package (what a worker needs on its path)."""
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _python_executable():
    """The interpreter to spawn workers with: this Python's own binary (inside QGIS / ``qgis_process``
    ``sys.executable`` may be QGIS itself, or another Python found on PATH without this one's modules)."""
    version = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    for prefix in (sys.base_exec_prefix, sys.exec_prefix):
        cand = os.path.join(prefix, "bin", version)
        if os.path.exists(cand):
            return cand
    return sys.executable


# -- worker side ---------------------------------------------------------------------------------------------
_STATE = {"token": None, "data": {}}
_STATE_LOCK = threading.Lock()


def _worker_address():
    try:
        from distributed import get_worker
        return get_worker().address
    except Exception:  # noqa: BLE001 - not on a worker (direct call)
        return "local"


def _surface(surface):
    if isinstance(surface, str):  # a path on shared storage
        return np.load(surface, mmap_mode="r")
    return surface


def _run_state(token, build):
    """Per-process state of the run ``token`` (built once by ``build()``); older runs' state is dropped."""
    with _STATE_LOCK:
        if _STATE["token"] != token:
            _STATE["token"] = token
            _STATE["data"] = {}
        if "shared" not in _STATE["data"]:
            _STATE["data"]["shared"] = build()
        return _STATE["data"]["shared"]


def _drop_state():
    """Forget the run's state on a worker (run on every worker when a runner closes)."""
    with _STATE_LOCK:
        _STATE["token"] = None
        _STATE["data"] = {}
    return True


def _thread_state(token, build):
    """Per-thread state of the run ``token`` (work arrays a search writes), kept with the run's state so that
    :func:`_drop_state` frees it too."""
    key = ("thread", threading.get_ident())
    with _STATE_LOCK:
        if _STATE["token"] == token and key in _STATE["data"]:
            return _STATE["data"][key]
    value = build()  # outside the lock: other threads build theirs at the same time
    with _STATE_LOCK:
        if _STATE["token"] == token:
            _STATE["data"][key] = value
    return value


def _tiled_row_task(token, surface, cs, neighbours, tile, chunk, max_cost, src_rc, tgt_rc):
    """Costs from one source to the targets (float64 row), as :func:`.engine.travel_time_matrix`."""
    from . import engine

    t0 = time.perf_counter()

    def build():
        f = np.ascontiguousarray(_surface(surface))
        return (f.shape,) + engine.tiled_setup(f, neighbours, cs)

    shape, fp, tables = _run_state(token, build)
    rows, cols = shape
    P = cols + 4
    runner = _thread_state(token, lambda: engine.TiledRunner(fp, rows, cols, tile, tables))
    src = np.asarray(src_rc, np.int64).reshape(1, 2)
    tgt = np.asarray(tgt_rc, np.int64).reshape(-1, 2)
    row = np.full(tgt.shape[0], np.inf)
    tpad = (tgt[:, 0] + 2) * P + tgt[:, 1] + 2
    spad = (src[0, 0] + 2) * P + src[0, 1] + 2
    u, inv = np.unique(tpad, return_inverse=True)
    keep = np.isfinite(fp[u]) | (u == spad)
    if keep.any():
        got = runner.solve(src, u[keep], max_cost, chunk)
        r = np.full(u.shape[0], np.inf)
        r[keep] = got
        row = r[inv]
    return row, _worker_address(), time.perf_counter() - t0


def _coverage_task(token, surface, demand_index, cs, neighbours, budget, flat_src):
    """Coverage sets (sorted int32 demand indices) of a few sources, as :func:`.standby.coverage_sets`."""
    from . import standby
    from .costdist import edge_coefficients, move_set

    t0 = time.perf_counter()

    def build():
        f = _surface(surface)
        dem = np.asarray(_surface(demand_index), np.int32).reshape(-1)
        mv, lens = move_set(neighbours)
        coef = edge_coefficients(mv, lens, cs)
        return f.shape, np.ascontiguousarray(f).reshape(-1), dem, mv, coef

    shape, fflat, dem, mv, coef = _run_state(token, build)
    rows, cols = shape
    k = standby._k()
    st = _thread_state(token, lambda: [np.full(rows * cols, np.inf), np.empty(1 << 16, np.int64),
                                       np.empty(1 << 14, np.float64), np.empty(1 << 14, np.int64),
                                       np.empty(1 << 14, np.int32)])
    out = []
    for s in flat_src:
        cnt, st[4], st[1], st[2], st[3] = k.covered_demand(fflat, rows, cols, int(s), float(budget), mv, coef,
                                                          dem, st[0], st[1], st[2], st[3], st[4])
        out.append(np.sort(st[4][:cnt]))
    return out, _worker_address(), time.perf_counter() - t0


def _call_task(fn, args):
    t0 = time.perf_counter()
    return fn(*args), _worker_address(), time.perf_counter() - t0


# -- client side ---------------------------------------------------------------------------------------------
class DaskRunner:
    """A Dask client for one run (use as a context manager: a ``local:N`` cluster is closed on exit).

    ``log(text)`` receives one line per batch of tasks (tasks, workers, per-worker counts, times);
    ``stats`` keeps the figures of the last batch."""

    def __init__(self, spec, shared=None, log=None):
        parsed = parse_spec(spec) if isinstance(spec, str) else spec
        if parsed is None:
            raise ValueError("no Dask scheduler given")
        self.spec = parsed
        self.shared = shared or os.environ.get(ENV_SHARED) or None
        self.log = log or (lambda text: None)
        self.cluster = None
        self.client = None
        self.stats = {}
        self.startup_s = 0.0
        self._files = []

    # set-up
    def __enter__(self):
        self.open()
        return self

    def __exit__(self, *exc):
        self.close()

    def open(self):
        import dask
        from distributed import Client, LocalCluster

        t0 = time.perf_counter()
        if self.spec[0] == "local":
            n, processes = self.spec[1], self.spec[2]
            env = {"PYTHONPATH": os.pathsep.join(p for p in (package_root(), os.environ.get("PYTHONPATH"))
                                                 if p),
                   "NUMBA_CACHE_DIR": os.environ.get("NUMBA_CACHE_DIR", ""),
                   "OMP_NUM_THREADS": "1", "NUMBA_NUM_THREADS": "1"}
            env = {k: v for k, v in env.items() if v}
            if processes:
                import multiprocessing
                multiprocessing.set_executable(_python_executable())
            with dask.config.set({"distributed.worker.daemon": False, "distributed.admin.tick.limit": "60s",
                                  "logging.distributed": "error"}):
                kw = dict(n_workers=n, threads_per_worker=1, processes=processes, dashboard_address=":0",
                          scheduler_kwargs={"dashboard": False},
                          silence_logs=50, death_timeout=60)
                if processes:
                    kw["env"] = env
                try:
                    self.cluster = LocalCluster(**kw)
                except TypeError:  # an older distributed without env=: spawned workers inherit os.environ
                    kw.pop("env", None)
                    os.environ.update(env)
                    self.cluster = LocalCluster(**kw)
            self.client = Client(self.cluster, set_as_default=False)
        else:
            self.client = Client(self.spec[1], set_as_default=False, timeout="20s")
        self.startup_s = time.perf_counter() - t0
        return self

    def close(self):
        if self.client is not None:
            try:  # free the workers' copies of the surface and search state (a remote cluster lives on)
                self.client.run(_drop_state)
            except Exception:  # noqa: BLE001 - best effort at shutdown
                pass
        for c in (self.client, self.cluster):
            if c is not None:
                try:
                    c.close()
                except Exception:  # noqa: BLE001 - best effort at shutdown
                    pass
        self.client = self.cluster = None
        for p in self._files:
            try:
                os.remove(p)
            except OSError:
                pass
        self._files = []

    def describe(self):
        if self.spec[0] == "local":
            kind = "worker processes" if self.spec[2] else "worker threads"
            return f"local cluster, {self.spec[1]} {kind}"
        return f"scheduler {self.spec[1]}"

    def n_workers(self):
        try:
            return max(1, len(self.client.scheduler_info().get("workers", {})))
        except Exception:  # noqa: BLE001
            return 1

    def share(self, array):
        """Send ``array`` to the workers once: a scattered future, or a path of a ``.npy`` on shared storage."""
        t0 = time.perf_counter()
        a = np.ascontiguousarray(array)
        if self.shared:
            os.makedirs(self.shared, exist_ok=True)
            path = os.path.join(self.shared, f"drivetime-{uuid.uuid4().hex}.npy")
            np.save(path, a)
            self._files.append(path)
            out = path
        else:
            out = self.client.scatter(a, broadcast=True, hash=False)
        self.stats["share_s"] = self.stats.get("share_s", 0.0) + time.perf_counter() - t0
        self.stats["share_bytes"] = self.stats.get("share_bytes", 0) + int(a.nbytes)
        return out

    def share_object(self, obj):
        """Send any picklable object to every worker once (a scattered future)."""
        t0 = time.perf_counter()
        out = self.client.scatter(obj, broadcast=True, hash=False)
        self.stats["share_s"] = self.stats.get("share_s", 0.0) + time.perf_counter() - t0
        return out

    # running
    def _gather(self, futures, progress, label, poll=0.1):
        """Results of ``futures`` in order; progress by finished tasks, asked every ``poll`` seconds (so a
        cancel is seen at once, not when the next task ends); cancel cancels the futures."""
        n = len(futures)
        results = [None] * n
        workers = {}
        busy = 0.0
        done = 0
        t0 = time.perf_counter()
        remaining = list(range(n))
        try:
            while True:
                still = []
                for i in remaining:
                    fut = futures[i]
                    if fut.done():
                        value, where, secs = fut.result()  # re-raises a task's error here
                        results[i] = value
                        workers[where] = workers.get(where, 0) + 1
                        busy += secs
                        done += 1
                    else:
                        still.append(i)
                remaining = still
                if progress is not None and progress(done / max(n, 1)):
                    raise Cancelled()
                if not remaining:
                    break
                time.sleep(poll)
        except BaseException:
            self.client.cancel(futures)
            raise
        wall = time.perf_counter() - t0
        self.stats.update(tasks=n, workers=len(workers), per_worker=dict(workers), wall_s=wall, task_s=busy)
        counts = ", ".join(str(v) for v in sorted(workers.values(), reverse=True))
        self.log(f"Dask ({self.describe()}): {label}: {n} tasks ran on {len(workers)} workers "
                 f"({counts} tasks each) in {wall:.2f} s, {busy:.2f} s inside the tasks")
        return results

    def map(self, fn, arg_lists, progress=None, label="tasks"):
        """``[fn(*args) for args in arg_lists]`` as one task each (``fn`` importable on the workers)."""
        futures = [self.client.submit(_call_task, fn, tuple(args), pure=False) for args in arg_lists]
        return self._gather(futures, progress, label)

    def tiled_rows(self, f, cs, src, tgt, first, max_cost, neighbours, progress, chunk, tile):
        """(N, M) costs as :func:`.engine.travel_time_matrix`: one task per source (row ``i`` only for
        the targets ``first[i]:`` when ``first`` is given)."""
        N, M = src.shape[0], tgt.shape[0]
        out = np.full((N, M), np.inf)
        if N == 0 or M == 0:
            return out
        token = uuid.uuid4().hex
        surface = self.share(f)
        jobs = []
        rows_of = []
        for i in range(N):
            j0 = 0 if first is None else int(first[i])
            if j0 >= M:
                continue
            jobs.append(self.client.submit(_tiled_row_task, token, surface, float(cs), int(neighbours), int(tile),
                                           int(chunk), float(max_cost), src[i].copy(), tgt[j0:].copy(),
                                           pure=False, key=f"drivetime-search-{token[:8]}-{i}"))
            rows_of.append((i, j0))
        rows = self._gather(jobs, progress, "searches")
        for (i, j0), row in zip(rows_of, rows):
            out[i, j0:] = row
        return out

    def coverage_lists(self, f, cs, flat_src, budget, dem_idx, neighbours, progress, per_task=None):
        """Coverage sets of the sources (one sorted int32 array each), a few sources per task."""
        N = len(flat_src)
        if N == 0:
            return []
        token = uuid.uuid4().hex
        surface = self.share(f)
        dem = self.share(dem_idx)
        if per_task is None:  # ~16 tasks per worker: balance against ~ms of overhead per task
            per_task = max(1, math.ceil(N / (16 * self.n_workers())))
        starts = list(range(0, N, per_task))
        jobs = [self.client.submit(_coverage_task, token, surface, dem, float(cs), int(neighbours), float(budget),
                                   np.asarray(flat_src[s:s + per_task], np.int64), pure=False,
                                   key=f"drivetime-cover-{token[:8]}-{s}") for s in starts]
        parts = self._gather(jobs, progress, "candidate runs")
        return [x for part in parts for x in part]


def open_runner(spec=None, shared=None, log=None):
    """A :class:`DaskRunner` for ``spec`` (default: ``$DRIVETIME_DASK``), or ``None`` when none is set."""
    spec = os.environ.get(ENV) if spec is None else spec
    if parse_spec(spec) is None:
        return None
    return DaskRunner(spec, shared=shared, log=log)

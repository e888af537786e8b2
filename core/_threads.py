"""The one home of threads in the compute core (the numba kernels release the GIL): :func:`run_jobs` (jobs from a
shared queue on a few threads, progress reported from the calling thread, cancel on request or on a worker's
error), :class:`ForkJoin` (a few callables at once, again and again, on threads kept for the purpose),
:func:`run_cancellable` (a library call that cannot be stopped, run beside a cancel poll), and the rate-limited
progress wrapper. Used by :mod:`.engine`, :mod:`.standby`, :mod:`.coverage` and :mod:`.rasterize`."""
import concurrent.futures as cf
import os
import threading
import time

from . import Cancelled


def n_cpus():
    """CPUs this process may run on (its affinity), at least 1."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Progress:
    """Calls ``progress(fraction)`` at most every ``interval`` seconds; raises Cancelled on True."""

    def __init__(self, progress, interval=0.2):
        self.cb = progress
        self.interval = interval
        self.last = time.perf_counter()

    def __call__(self, frac, force=False):
        if self.cb is None:
            return
        t = time.perf_counter()
        if force or t - self.last >= self.interval:
            self.last = t
            if self.cb(min(max(float(frac), 0.0), 1.0)):
                raise Cancelled()


def run_jobs(n_jobs, n_threads, work, prog):
    """Runs ``work(state_index, job, cancel)`` for jobs 0..n_jobs-1 on ``n_threads`` threads (each thread
    owns state ``state_index``), reporting ``prog(done / n_jobs)`` from this thread every 0.05 s. ``prog`` raising
    :class:`Cancelled` (a :class:`Progress` does when its callback says so) sets ``cancel`` (``work`` should
    return soon once it is set), waits for the threads and re-raises; a worker's exception does the same."""
    lock = threading.Lock()
    cancel = threading.Event()
    todo = iter(range(n_jobs))
    done = [0]
    errors = []

    def target(s):
        try:
            while not cancel.is_set():
                with lock:
                    j = next(todo, None)
                if j is None:
                    return
                work(s, j, cancel)
                with lock:
                    done[0] += 1
        except BaseException as e:  # pragma: no cover - surfaced below
            errors.append(e)
            cancel.set()

    threads = [threading.Thread(target=target, args=(s,), daemon=True) for s in range(n_threads)]
    for t in threads:
        t.start()
    try:
        while True:
            alive = [t for t in threads if t.is_alive()]
            if not alive:
                break
            alive[0].join(0.05)  # a live thread: joining a finished one returns at once (a busy loop)
            prog(done[0] / max(n_jobs, 1))
    except Cancelled:
        cancel.set()
        for t in threads:
            t.join()
        raise
    for t in threads:
        t.join()
    if errors:
        raise errors[0]


class ForkJoin:
    """Threads for repeated fork-join steps, as a context manager (the threads end with the block):
    ``team(fns)`` runs the callables at once, the first on the calling thread, and returns their results in
    order; a callable's exception is raised once all have finished."""

    def __init__(self, n_threads):
        self._ex = cf.ThreadPoolExecutor(max(int(n_threads) - 1, 1))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._ex.shutdown(wait=True)

    def __call__(self, fns):
        if not fns:
            return []
        futs = [self._ex.submit(fn) for fn in fns[1:]]
        try:
            first = fns[0]()
        finally:
            rest = [fu.result() for fu in futs]
        return [first] + rest


def run_cancellable(fn, prog, poll=0.05):
    """Returns ``fn()``, run on a daemon thread while this thread calls ``prog()`` every ``poll`` seconds.

    For a library call that offers no way to stop it (scikit-learn's k-means): when ``prog`` raises
    :class:`Cancelled` this returns at once and re-raises; the abandoned call finishes in the background (it
    holds no resource of ours) and its result is dropped. A result when not cancelled is exactly ``fn()``'s."""
    out = {}

    def target():
        try:
            out["value"] = fn()
        except BaseException as e:  # surfaced below, in the caller's thread
            out["error"] = e

    t = threading.Thread(target=target, daemon=True, name="drivetime-cancellable")
    t.start()
    while t.is_alive():
        t.join(poll)
        prog()
    if "error" in out:
        raise out["error"]
    return out["value"]

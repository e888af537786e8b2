"""The one thread-pool helper of the core (core/_threads.py), used by the engine's matrix and standby."""
import threading
import time

import pytest

from drivetime_equity.core import Cancelled
from drivetime_equity.core._threads import Progress, run_jobs


def test_every_job_runs_once_and_each_state_index_is_one_thread():
    seen, owner = [], {}
    lock = threading.Lock()

    def work(s, j, cancel):
        with lock:
            seen.append(j)
            owner.setdefault(s, set()).add(threading.get_ident())

    fracs = []
    run_jobs(50, 3, work, fracs.append)
    assert sorted(seen) == list(range(50))
    assert set(owner) <= {0, 1, 2} and all(len(t) == 1 for t in owner.values())
    assert all(0.0 <= x <= 1.0 for x in fracs)


def test_cancel_from_progress_stops_the_workers_and_raises():
    started = []

    def work(s, j, cancel):
        started.append(j)
        cancel.wait(5.0)  # a long job that returns once cancelled

    t0 = time.perf_counter()
    with pytest.raises(Cancelled):
        run_jobs(100, 2, work, Progress(lambda frac: True, interval=0.0))
    assert time.perf_counter() - t0 < 4.0
    assert len(started) <= 4  # no new jobs are taken after the cancel


def test_a_worker_error_is_raised_in_the_caller():
    def work(s, j, cancel):
        if j == 3:
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        run_jobs(10, 2, work, lambda frac: None)


def test_progress_is_rate_limited_clamped_and_forced():
    calls = []
    p = Progress(lambda f: calls.append(f) and False, interval=3600.0)
    p(0.5)
    assert calls == []
    p(1.5, force=True)
    assert calls == [1.0]
    Progress(None)(0.3)  # no callback: nothing to call


def test_waiting_does_not_spin_when_the_first_thread_is_done():
    """The caller waits on a live thread: with thread 0 finished early and another busy for 0.6 s, progress is
    polled about every 0.05 s (12 times or so), not in a busy loop (thousands of times)."""
    second = threading.Event()

    def work(s, j, cancel):
        if s == 1:
            second.set()
            time.sleep(0.6)
        else:
            second.wait(5.0)  # thread 0 ends once thread 1 holds the other job

    calls = []
    run_jobs(2, 2, work, calls.append)
    assert len(calls) < 60

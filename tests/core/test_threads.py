"""The one home of threads in the core (core/_threads.py): run_jobs (the engine's matrix and standby) and ForkJoin
(the engine's strips)."""
import threading
import time

import pytest

from drivetime_equity.core import Cancelled
from drivetime_equity.core._threads import ForkJoin, Progress, run_jobs


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


def test_fork_join_runs_at_once_in_order_and_first_on_the_caller():
    barrier = threading.Barrier(3, timeout=10)  # would time out if the three did not run at the same time
    me = threading.get_ident()

    def job(i):
        barrier.wait()
        return i, threading.get_ident()

    with ForkJoin(3) as team:
        for _ in range(3):  # the same threads serve step after step
            out = team([lambda i=i: job(i) for i in range(3)])
            assert [i for i, _ in out] == [0, 1, 2]
            assert out[0][1] == me and me not in (out[1][1], out[2][1])
        assert team([]) == []


def test_fork_join_raises_after_all_finished():
    done = []

    def slow():
        time.sleep(0.2)
        done.append(1)

    def bad():
        raise ValueError("boom")

    with ForkJoin(2) as team:
        with pytest.raises(ValueError, match="boom"):
            team([bad, slow])
        assert done == [1]

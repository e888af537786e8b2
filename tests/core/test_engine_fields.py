"""Early-stopping single-source fields (:func:`core.costdist.single_source_fields`), the engine path of the
calibration and of the matrix's shared-catchment counts: against whole :func:`cost_distance` runs, bit for bit."""
import numpy as np
import pytest

from drivetime_equity.core import calibrate as cal
from drivetime_equity.core.costdist import cost_distance, single_source_fields, speed_to_friction


def _speed(shape=(300, 340), seed=0):
    """Roads on off-road land (km/h), some barriers: several 128-cell tile rows and columns."""
    rng = np.random.default_rng(seed)
    r, c = np.indices(shape)
    s = np.select([(r == 150), (c == 200), (c % 13 == 0), (r % 11 == 0)], [96.0, 80.0, 48.0, 32.0], 10.0)
    s[rng.random(shape) < 0.05] = 0.0
    river = (r >= 60) & (r < 64) & (c >= 20) & (c < 300) & (c != 150)  # a river with one bridge
    return np.where(river, 0.0, s)


def _fields(f, src, targets, offsets=None, max_cost=None):
    got = {}
    single_source_fields(f, 50.0, src, targets, lambda i, c: got.__setitem__(i, c.copy()), offsets=offsets,
                         max_cost=max_cost)
    return got


def test_fields_final_up_to_the_costliest_target():
    f = speed_to_friction(_speed())
    rng = np.random.default_rng(3)
    src = np.array([[10, 10], [280, 300], [150, 170], [62, 150]])
    targets = [src[i] + rng.integers(-25, 25, (7, 2)) for i in range(len(src))]
    targets = [np.clip(t, 0, np.array(f.shape) - 1) for t in targets]
    got = _fields(f, src, targets)
    assert sorted(got) == [0, 1, 2, 3]
    stopped_early = 0
    for i in range(len(src)):
        full = cost_distance(f, 50.0, src[i:i + 1], want_nearest=False).cost
        t = targets[i]
        tmax = float(np.max(full[t[:, 0], t[:, 1]][np.isfinite(full[t[:, 0], t[:, 1]])]))
        final = got[i] <= np.float32(tmax)
        assert np.array_equal(got[i][final], full[final])
        # every cell at most tmax in the whole run is final in the early-stopped one, the rest is an upper bound
        assert np.array_equal(final, full <= np.float32(tmax))
        assert np.all(got[i][~final] >= full[~final])
        stopped_early += int(np.isinf(got[i]).sum() > np.isinf(full).sum())
    assert stopped_early >= 3  # the test exercises the early stop


def test_fields_without_targets_are_whole_runs_with_offset_and_cut_off():
    f = speed_to_friction(_speed(seed=4))
    src = np.array([[5, 5], [200, 100], [299, 339]])
    off = [0.0, 7.25, 3.0]
    got = _fields(f, src, [None] * 3, offsets=off, max_cost=40.0)
    for i in range(3):
        full = cost_distance(f, 50.0, src[i:i + 1], offsets=[off[i]], max_cost=40.0, want_nearest=False).cost
        assert np.array_equal(got[i], full)


def _whole_run_fields(friction, cell_size, sources_rc, targets, visit, offsets=None, max_cost=None, neighbours=16,
                      progress=None):
    """The calibration's previous engine path: one whole cost_distance run per end, its field to ``visit``."""
    for i, src in enumerate(np.asarray(sources_rc).reshape(-1, 2)):
        visit(i, cost_distance(friction, cell_size, src[None], max_cost=max_cost, neighbours=neighbours,
                               want_nearest=False).cost)


@pytest.mark.parametrize("neighbours", [8, 16])
def test_calibration_paths_identical_to_whole_runs(neighbours, monkeypatch):
    speed = _speed(seed=7)
    f = speed_to_friction(speed)
    groups = cal.speed_groups(speed)
    rng = np.random.default_rng(11)
    dests = np.array([[40, 40], [150, 200], [250, 80], [100, 300]])
    b = dests[rng.integers(0, len(dests), 300)]
    a = np.clip(b + rng.integers(-60, 60, b.shape), 0, np.array(speed.shape) - 1)
    got_t, got_p = cal.path_group_times(f, 50.0, a, b, groups, neighbours)
    monkeypatch.setattr(cal, "single_source_fields", _whole_run_fields)
    ref_t, ref_p = cal.path_group_times(f, 50.0, a, b, groups, neighbours)
    assert np.isfinite(ref_t).mean() > 0.8
    assert np.array_equal(got_t, ref_t)
    assert np.array_equal(got_p, ref_p, equal_nan=True)


def test_cancel_stops_the_runs():
    from drivetime_equity.core import Cancelled

    f = speed_to_friction(_speed())
    with pytest.raises(Cancelled):
        single_source_fields(f, 50.0, np.array([[5, 5], [9, 9]]), None, lambda i, c: None,
                             progress=lambda x: x > 0.0)


def test_reach_counts_identical_to_whole_runs_with_offset():
    """The matrix's shared-catchment counts (several early-stopping runs at a time) against the previous path
    (one whole run per site, cut off at the last break, with the calibrated fixed time as offset)."""
    from drivetime_equity.core import matrix

    f = speed_to_friction(_speed(seed=9))
    src = np.array([[20, 30], [150, 170], [280, 320], [100, 60], [62, 150]])
    breaks = [8.0, 14.0, 22.0]
    ref = np.zeros((3,) + f.shape, np.uint16)
    for i in range(len(src)):
        cost = cost_distance(f, 50.0, src[i:i + 1], offsets=[4.5], max_cost=22.0, want_nearest=False).cost
        for k, b in enumerate(breaks):
            ref[k] += cost <= np.float32(b)
    got = matrix.reach_counts(f, 50.0, src, breaks, offset=4.5)
    assert got.dtype == np.uint16 and ref[1].max() >= 2
    assert np.array_equal(got, ref)


def test_speed_to_friction_kernel_same_bits_as_numpy():
    """Large grids convert in one compiled pass: the same float32 bits as the NumPy expression, for float32 and
    float64 speeds, zero, negative, NaN, inf, tiny and huge speeds included."""
    from drivetime_equity.core import _model

    rng = np.random.default_rng(2)
    s = rng.choice([0.0, -5.0, np.nan, np.inf, -np.inf, 1e-300, 5e-324, 1e300, 7.3, 112.0], 1 << 20)
    s[::3] = rng.uniform(0.0, 130.0, s[::3].size)
    for dt in (np.float32, np.float64):
        with np.errstate(over="ignore"):  # 1e300 does not fit a float32: inf, on purpose
            x = s.astype(dt).reshape(1024, 1024)
        assert x.size >= _model.FRICTION_KERNEL_CELLS  # the compiled path
        got = _model.speed_to_friction(x)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            x64 = x.astype(np.float64)
            ref = np.where(np.isfinite(x64) & (x64 > 0), 0.06 / x64, np.inf).astype(np.float32)
        assert got.dtype == np.float32 and got.shape == x.shape
        assert np.array_equal(got.view(np.int32), ref.view(np.int32))


def test_fields_on_one_thread_when_memory_is_short(monkeypatch):
    """With memory for one thread only, the runs go one after another: the same fields."""
    import threading

    from drivetime_equity.core import memory

    f = speed_to_friction(_speed(seed=5))
    src = np.array([[10, 10], [150, 170], [290, 330]])
    threads = set()

    def fields():
        got = {}

        def keep(i, c):
            threads.add(threading.get_ident())
            got[i] = c.copy()
        single_source_fields(f, 50.0, src, None, keep, max_cost=30.0)
        return got

    monkeypatch.setattr(memory, "available_bytes", lambda: 20 * f.size)
    one = fields()
    assert len(threads) == 1
    monkeypatch.setattr(memory, "available_bytes", lambda: None)
    two = fields()
    assert all(np.array_equal(one[i], two[i]) for i in range(3))

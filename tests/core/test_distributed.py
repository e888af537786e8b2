"""core/distributed.py: the Dask runner gives the same results, bit for bit, as the in-process threads.

Small grids: a LocalCluster costs seconds to start, so one cluster of each kind serves the module
(threads in this process, and real worker processes once)."""
import numpy as np
import pytest

from drivetime_equity.core import Cancelled, costdist, distributed, matrix
from drivetime_equity.core import standby as sb

pytest.importorskip("distributed")

CS = 50.0


def _surface(seed, shape=(90, 110)):
    rng = np.random.default_rng(seed)
    kmh = rng.uniform(5.0, 110.0, shape).astype(np.float32)
    kmh[rng.random(shape) < 0.08] = 0.0  # impassable cells
    return costdist.speed_to_friction(kmh)


def _sites(seed, shape, n):
    rng = np.random.default_rng(seed)
    cells = rng.choice(shape[0] * shape[1], n, replace=False)
    return np.column_stack(np.unravel_index(cells, shape)).astype(np.int64)


@pytest.fixture(scope="module", params=["local:2:threads", "local:2"])
def runner(request):
    logs = []
    with distributed.DaskRunner(request.param, log=logs.append) as r:
        r.logs = logs
        yield r


def test_parse_spec():
    assert distributed.parse_spec(None) is None
    assert distributed.parse_spec("  ") is None
    assert distributed.parse_spec("local:3") == ("local", 3, True)
    assert distributed.parse_spec("LOCAL:2:threads") == ("local", 2, False)
    assert distributed.parse_spec("tcp://10.0.0.5:8786") == ("address", "tcp://10.0.0.5:8786")
    assert distributed.parse_spec("head:8786") == ("address", "tcp://head:8786")
    for bad in ("local", "local:0", "local:x", "local:2:gpus", "nonsense"):
        with pytest.raises(ValueError):
            distributed.parse_spec(bad)


@pytest.mark.parametrize("symmetric", [True, False])
def test_matrix_identical_with_dask(runner, symmetric):
    f = _surface(1)
    src = _sites(2, f.shape, 9)
    ref = matrix.site_matrix(f, CS, src, symmetric=symmetric)
    got = matrix.site_matrix(f, CS, src, symmetric=symmetric, runner=runner)
    assert np.isfinite(ref).sum() > 9  # some real journeys
    assert np.array_equal(ref, got)  # bit for bit, inf included
    st = runner.stats
    assert st["tasks"] == (8 if symmetric else 9)  # the last symmetric search has no site after it
    assert st["workers"] in (1, 2) and sum(st["per_worker"].values()) == st["tasks"]
    assert "tasks ran on" in runner.logs[-1]


def test_matrix_with_fixed_time_and_counts_with_dask(runner):
    """With a fixed time and the shared-catchment counts, the Dask matrix equals the threads' to rounding (the
    fixed time added after the searches, not at their start) and the counts are the same, bit for bit."""
    f = _surface(6)
    src = _sites(7, f.shape, 6)
    ref, ref_counts = matrix.site_matrix(f, CS, src, offset=2.5, reach_breaks=[3.0, 6.0])
    got, counts = matrix.site_matrix(f, CS, src, offset=2.5, reach_breaks=[3.0, 6.0], runner=runner)
    assert np.array_equal(counts, ref_counts) and counts.max() >= 2
    assert np.array_equal(np.isfinite(got), np.isfinite(ref)) and np.all(np.diag(got) == 0)
    fin = np.isfinite(ref)
    np.testing.assert_allclose(got[fin], ref[fin], rtol=1e-12)


def test_coverage_sets_identical_with_dask(runner):
    f = _surface(3)
    rng = np.random.default_rng(4)
    w = np.where(rng.random(f.shape) < 0.3, rng.uniform(1, 50, f.shape), 0.0)
    dem = sb.Demand.from_grid(w)
    src = _sites(5, f.shape, 37)
    ref = sb.coverage_sets(f, CS, src, 4.0, dem, n_threads=2)
    got = sb.coverage_sets(f, CS, src, 4.0, dem, runner=runner)
    assert ref.sizes().sum() > 0
    assert np.array_equal(ref.indptr, got.indptr) and np.array_equal(ref.indices, got.indices)


def test_map_and_cancel(runner):
    got = runner.map(divmod, [(7, 2), (9, 4)], label="toy")
    assert got == [(3, 1), (2, 1)]
    with pytest.raises(ZeroDivisionError):  # a task's error reaches the caller
        runner.map(divmod, [(1, 0)])
    f = _surface(6)
    src = _sites(7, f.shape, 6)
    with pytest.raises(Cancelled):
        matrix.site_matrix(f, CS, src, runner=runner, progress=lambda frac: True)


def test_shared_folder_instead_of_scatter(tmp_path):
    f = _surface(8, (40, 50))
    src = _sites(9, f.shape, 5)
    ref = matrix.site_matrix(f, CS, src)
    with distributed.DaskRunner("local:1:threads", shared=str(tmp_path)) as r:
        got = matrix.site_matrix(f, CS, src, runner=r)
        assert len(list(tmp_path.glob("*.npy"))) == 1  # the surface went to the workers as a file
    assert not list(tmp_path.glob("*.npy"))  # removed when the run closes
    assert np.array_equal(ref, got)


def _population(spec, seed):
    from shapely.geometry import box

    from drivetime_equity.core import coverage as cv

    rng = np.random.default_rng(seed)
    W, H = spec.cols * CS, spec.rows * CS
    areas = [box(i * W / 3, 0, (i + 1) * W / 3, H) for i in range(3)]
    polys, pops = [], []
    for _ in range(20):
        x0, y0 = rng.uniform(0, W - 400), rng.uniform(0, H - 400)
        polys.append(box(x0, y0, x0 + rng.uniform(100, 400), y0 + rng.uniform(100, 400)))
        pops.append(float(rng.integers(10, 500)))
    return cv.spread_polygons(spec, polys, np.array(pops), areas)


def test_scenario_batch_identical_with_dask_and_right(runner):
    from drivetime_equity.core import scenariobatch as sbatch
    from drivetime_equity.core.grid import GridSpec

    f = _surface(10, (60, 75))
    spec = GridSpec(0.0, 60 * CS, CS, 60, 75)
    cells = _population(spec, 11)
    sites = _sites(12, f.shape, 7)
    labels = ["all", "all", "all", "all", "north", "north", None]  # a site with no scenario is skipped
    sites = np.vstack([sites, sites[:2]])
    labels += ["pair", "pair"]
    ref = sbatch.run_batch(f, CS, sites, labels, cells, (4, 8), 8, offset=1.5)
    got = sbatch.run_batch(f, CS, sites, labels, cells, (4, 8), 8, offset=1.5, runner=runner)
    assert [n for n, _ in ref] == ["all", "north", "pair"] == [n for n, _ in got]
    assert runner.stats["tasks"] == 3
    for (_n, a), (_m, b) in zip(ref, got):
        for k in sbatch.KEYS + ("area",):
            assert np.array_equal(a[k], b[k], equal_nan=True), k
    # independent: the study row's people within 8 minutes, counted record by record from a direct run
    t = costdist.cost_distance(f, CS, sites[[0, 1, 2, 3]], offsets=np.full(4, 1.5)).cost.ravel()
    st = cells.study_cells
    expect = float(st.pop[t[st.cell] <= np.float32(8)].sum())
    assert ref[0][1]["pop_le"][-1, -1] == pytest.approx(expect, rel=1e-9)
    assert ref[0][1]["area"][-1] == -1 and len(ref[0][1]["area"]) == 4


def test_existing_scheduler_by_address():
    from distributed import LocalCluster

    f = _surface(13, (40, 50))
    src = _sites(14, f.shape, 5)
    ref = matrix.site_matrix(f, CS, src)
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0",
                      scheduler_kwargs={"dashboard": False}) as cluster:
        with distributed.DaskRunner(cluster.scheduler_address) as r:
            assert r.describe().startswith("scheduler ")
            got = matrix.site_matrix(f, CS, src, runner=r)
            assert r.stats["tasks"] == 4
        assert len(cluster.scheduler.workers) == 1  # the runner closed its client, not the cluster
        assert distributed._STATE["token"] is None  # and the workers (here: this process) dropped the state
    assert np.array_equal(ref, got)

"""Compile the Numba kernels once, into the Numba cache (``NUMBA_CACHE_DIR``), before the first real run.

Numba compiles a kernel the first time it is called with a given set of argument types and keeps the machine
code in its cache (``cache=True``); a new environment (install, update, new cache folder) pays that once, before
its first result (seconds: bench/README.md, "Compile time"). :func:`compile_all` pays it at install (``make setup`` /
``make compile``) by running every engine path on tiny grids, through the same public functions the algorithms
call (so with the same argument types). :func:`is_cold` tells a run whether it is about to compile.
"""
import time

import numpy as np

#: kernel modules, in the order the algorithms need them
KERNEL_MODULES = ("_heap", "_tiled_kernels", "_tiled2_kernels", "_engine_kernels", "_coverage_kernels",
                  "_standby_kernels", "_calibrate_kernels", "_response_kernels",
                  "_model_kernels")


def _dispatchers(module_names):
    import importlib

    from numba.core.registry import CPUDispatcher

    for name in module_names:
        mod = importlib.import_module(f"{__package__}.{name}")
        for value in vars(mod).values():
            if isinstance(value, CPUDispatcher):
                yield value


def is_cold(module="_tiled_kernels", kernels=("run", "solve_tile", "pad_friction", "unpad_cost")):
    """True when one of these kernels (by default those every engine run calls) has no usable machine code in
    the Numba cache (none yet, or stale after the source changed): the next run compiles first. False when
    unsure."""
    import importlib

    try:
        mod = importlib.import_module(f"{__package__}.{module}")
        for name in kernels:
            index = getattr(getattr(getattr(mod, name), "_cache", None), "_cache_file", None)
            if index is not None and not index._load_index():  # {} when missing or stale (source stamp)
                return True
    except Exception:  # noqa: BLE001 -- a private numba API: never fail a run over a message
        return False
    return False


def compile_all(report=print):
    """Run every engine path on tiny grids so that Numba compiles (or loads) each kernel and caches it.
    Returns the seconds taken."""
    from . import costdist, engine
    from . import standby as sb

    t0 = time.perf_counter()
    rng = np.random.default_rng(0)
    f = rng.uniform(0.001, 0.01, (40, 44)).astype(np.float32)
    f[5, 5:20] = np.inf
    src = np.array([[0, 0], [30, 30], [12, 40]])
    off = np.array([0.0, 1.0, 0.5])

    report("drive time (cost distance: 8 and 16 neighbours, nearest and second-nearest, one thread and strips)")
    from ._model_kernels import speed_to_friction as friction_kernel

    for dt in (np.float32, np.float64):  # the speed surfaces read (float32) and computed (float64)
        friction_kernel(np.array([0.0, 30.0, np.nan], dt), np.empty(3, np.float32))
    saved = engine.TILED2_MIN_CELLS, engine._n_cpus
    tall = np.tile(f, (7, 1))  # more than 2 tile rows: room for 2 strips
    try:
        for grid, min_cells in ((f, saved[0]), (tall, 0)):  # 0: the threaded strips of large grids
            engine.TILED2_MIN_CELLS = min_cells
            engine._n_cpus = lambda: 2
            for nb in (8, 16):
                costdist.cost_distance(grid, 25.0, src, offsets=off, neighbours=nb)
                costdist.cost_distance(grid, 25.0, src, offsets=off, max_cost=3.0, neighbours=nb)
                costdist.cost_distance(grid, 25.0, src, offsets=off, neighbours=nb, want_second=True)
    finally:
        engine.TILED2_MIN_CELLS, engine._n_cpus = saved
    report("travel-time matrix")
    for nb in (8, 16):
        costdist.travel_time_matrix(f, 25.0, src, neighbours=nb)
        costdist.travel_time_matrix(f, 25.0, src, targets_rc=src[:2], max_cost=5.0, neighbours=nb)

    report("standby points (coverage sets, greedy and swaps)")
    w = rng.random(f.shape)
    dem = sb.Demand.from_grid(w)
    for nb in (8, 16):
        sets = sb.coverage_sets(f, 25.0, src, 2.0, dem, neighbours=nb, n_threads=1)
    sb.solve(sets, dem.weights, count=2)
    sb.solve(sets, dem.weights, target_share=0.5)

    report("coverage (cell areas, statistics)")
    _coverage(f, rng)

    report("calibration (journey tracing)")
    from . import calibrate as cal

    speed = (60.0 / 1000.0) / np.where(np.isfinite(f), f, np.nan)
    groups = cal.speed_groups(np.nan_to_num(speed))
    for nb in (8, 16):
        cal.path_group_times(f, 25.0, src[:2], src[1:], groups, nb)

    report("response times (analytic model and simulation)")
    from . import response as rs

    prob = rs.Problem.build(rng.uniform(1, 10, (3, 20)), [1, 2, 1], rng.uniform(1, 5, 20), 2.0, 30.0)
    rs.analytic(prob).group_stats(np.arange(20) % 2, 2, (5.0,))
    rs.simulate(prob, days=1.0, replications=2).group_stats(np.arange(20) % 2, 2, (5.0,))
    return time.perf_counter() - t0


def _coverage(f, rng):
    from shapely.geometry import box

    from . import coverage as cv
    from .grid import GridSpec

    spec = GridSpec(0.0, 1000.0, 25.0, f.shape[0], f.shape[1])
    cv.cell_areas([box(10, 10, 400, 300), box(300, 200, 900, 990)], spec)
    n = 200
    cells = cv.PopulationCells(spec=spec, cell=rng.integers(0, f.size, n).astype(np.int64),
                               pop=rng.random(n), area=rng.integers(0, 3, n).astype(np.int32),
                               cls=np.zeros(n, np.int8), group=np.full(n, -1, np.int32), n_areas=3,
                               input_total=1.0, outside_raster=np.zeros(3))
    cv.aggregate(cells, rng.uniform(0, 30, f.shape), [5, 10, 15.0], target=10)


if __name__ == "__main__":
    import sys

    took = compile_all(lambda what: print(f"  compiling: {what}", file=sys.stderr))
    print(f"Numba kernels compiled (or loaded) into the cache in {took:.1f} s")

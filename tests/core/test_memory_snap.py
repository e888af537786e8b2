"""Memory estimate (core.memory) and the bounded snapping search (costdist.snap_to_passable)."""
import math
import tracemalloc

import numpy as np
import pytest

from drivetime_equity.core import costdist, memory


def brute_snap(f, rows, cols, max_cells):
    """Independent reference: the full (2R+1)^2 window sorted by distance (the former implementation)."""
    rows = np.asarray(rows, dtype=np.int64).copy()
    cols = np.asarray(cols, dtype=np.int64).copy()
    dist = np.zeros(rows.shape[0])
    R = int(math.ceil(max_cells))
    dr, dc = np.mgrid[-R:R + 1, -R:R + 1]
    d = np.hypot(dr, dc).ravel()
    order = np.argsort(d, kind="stable")
    dr, dc, d = dr.ravel()[order], dc.ravel()[order], d[order]
    keep = d <= max_cells
    dr, dc, d = dr[keep], dc[keep], d[keep]
    for i in range(rows.shape[0]):
        r0, c0 = rows[i], cols[i]
        if np.isfinite(f[r0, c0]) and f[r0, c0] >= 0:
            continue
        rr, cc = r0 + dr, c0 + dc
        ok = (rr >= 0) & (rr < f.shape[0]) & (cc >= 0) & (cc < f.shape[1])
        rr, cc, dd = rr[ok], cc[ok], d[ok]
        fv = f[rr, cc]
        good = np.flatnonzero(np.isfinite(fv) & (fv >= 0))
        if good.size == 0:
            dist[i] = np.nan
            continue
        j = good[0]
        rows[i], cols[i], dist[i] = rr[j], cc[j], dd[j]
    return rows, cols, dist


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("max_cells", [0, 1, 2.5, 7, 30])
def test_snap_matches_full_window_search(seed, max_cells):
    rng = np.random.default_rng(seed)
    f = np.full((40, 50), np.inf, dtype=np.float32)
    density = [0.002, 0.01, 0.05, 0.3, 0.0, 0.001][seed]
    f[rng.random(f.shape) < density] = 0.001
    rows = rng.integers(0, 40, 25)
    cols = rng.integers(0, 50, 25)
    got = costdist.snap_to_passable(f, rows, cols, max_cells)
    want = brute_snap(f, rows, cols, max_cells)
    np.testing.assert_array_equal(got[0], want[0])
    np.testing.assert_array_equal(got[1], want[1])
    np.testing.assert_array_equal(got[2], want[2])  # NaN == NaN here


def test_snap_huge_distance_bounded_memory():
    # SNAP_DISTANCE 1e12 m on 10 m cells: the former search allocated a (2e11)^2 window (MemoryError)
    f = np.full((300, 400), np.inf, dtype=np.float32)
    f[299, 399] = 0.001
    tracemalloc.start()
    r, c, d = costdist.snap_to_passable(f, [0, 150], [0, 200], 1e11)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert list(r) == [299, 299] and list(c) == [399, 399]
    assert d[0] == pytest.approx(math.hypot(299, 399))
    assert peak < 50 * f.nbytes  # a few grid-sized temporaries at most
    # nothing passable at all: NaN, no error
    r, c, d = costdist.snap_to_passable(np.full((50, 50), np.inf, np.float32), [3], [4], 1e300)
    assert np.isnan(d[0])
    r, c, d = costdist.snap_to_passable(f, [0], [0], float("inf"))
    assert (r[0], c[0]) == (299, 399)


def test_estimate_matches_measured_engine_peak():
    # README: 100 M cells peak 2.06 GB (nearest run, engine alone), 3.6 GB with the second-nearest
    assert memory.estimate_run_bytes(100_000_000, rasters=0) == pytest.approx(2.06e9 + memory.BASE_BYTES, rel=0.05)
    assert memory.estimate_run_bytes(100_000_000, second=True, rasters=0) == pytest.approx(
        3.6e9 + memory.BASE_BYTES, rel=0.05)
    # every raster the algorithm holds adds 4 bytes per cell
    assert memory.estimate_run_bytes(1000, rasters=3) - memory.estimate_run_bytes(1000, rasters=0) == 12000
    assert memory.estimate_run_bytes(10, engine=False, rasters=1) == memory.BASE_BYTES + 40
    with pytest.raises(ValueError):
        memory.estimate_run_bytes(-1)


def test_shortfall_and_max_cells():
    have = 4 * 1024 ** 3
    assert memory.shortfall(10_000_000, available=have) is None
    need, got = memory.shortfall(3_600_000_000, available=have)  # 60000^2
    assert got == have and need > 3.6e9 * 21
    n = memory.max_cells(have)
    assert memory.estimate_run_bytes(n) <= have < memory.estimate_run_bytes(n + 1)


def test_available_bytes_is_plausible():
    have = memory.available_bytes()
    assert have is None or 0 < have < 1 << 50
    with open("/proc/meminfo") as fh:
        total = int(next(line for line in fh if line.startswith("MemTotal:")).split()[1]) * 1024
    assert have <= total


def test_format_bytes():
    assert memory.format_bytes(512) == "512 bytes"
    assert memory.format_bytes(1536) == "1.5 KiB"
    assert memory.format_bytes(2 * 1024 ** 4) == "2.0 TiB"

"""Peak-memory estimates for a run on a grid, and the memory the machine has available, so that an algorithm
can refuse a grid that would not fit *before* it reads or computes anything (instead of a MemoryError, or the
machine swapping, after minutes of work).

The per-cell figures are the engine's measured peaks (README, performance section; ``bench_engine.py``):
the nearest-site run peaks at 2.06 GB on 100 M cells (about 21 bytes per cell: float32 friction, float64
cost, int32 label and the padded copies), the second-nearest run at 3.6 GB (36 bytes per cell). An algorithm
adds what it holds around the engine: the speed surface read as float32 (4 bytes per cell) and its output
rasters (a float32 or int32 copy each, 4 bytes per cell, plus the masked temporary made while writing).
"""
import os

#: engine peak, bytes per cell (measured on 100 M cells: 2.06 GB nearest, 3.6 GB second-nearest)
ENGINE_BYTES_PER_CELL = 21
ENGINE_SECOND_BYTES_PER_CELL = 36
#: one float32 / int32 raster held by the algorithm (the speed surface read, an output written)
RASTER_BYTES_PER_CELL = 4
#: headroom for the interpreter, QGIS and small arrays
BASE_BYTES = 200 * 1024 ** 2


def estimate_run_bytes(cells, second=False, rasters=2, engine=True):
    """Estimated peak bytes of a run on a grid of ``cells`` cells.

    ``second``: the engine also finds the second-nearest site; ``rasters``: whole-grid float32/int32 rasters
    the algorithm holds at the same time as the engine's arrays (the speed surface read, each output raster);
    ``engine``: False for work that reads or writes rasters without running the engine (e.g. building a
    speed surface)."""
    cells = int(cells)
    if cells < 0:
        raise ValueError("cells must be zero or positive")
    per_cell = RASTER_BYTES_PER_CELL * max(0, int(rasters))
    if engine:
        per_cell += ENGINE_SECOND_BYTES_PER_CELL if second else ENGINE_BYTES_PER_CELL
    return BASE_BYTES + cells * per_cell


def available_bytes():
    """Memory the machine can give a new allocation without swapping: ``MemAvailable`` from /proc/meminfo
    (Linux), else free physical pages (``os.sysconf``), else None when unknown (then nothing is refused)."""
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return int(os.sysconf("SC_AVPHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (ValueError, OSError, AttributeError):
        pass
    try:  # Windows
        import ctypes

        class _Status(ctypes.Structure):
            _fields_ = [("dwLength", ctypes.c_ulong), ("dwMemoryLoad", ctypes.c_ulong),
                        ("ullTotalPhys", ctypes.c_ulonglong), ("ullAvailPhys", ctypes.c_ulonglong),
                        ("ullTotalPageFile", ctypes.c_ulonglong), ("ullAvailPageFile", ctypes.c_ulonglong),
                        ("ullTotalVirtual", ctypes.c_ulonglong), ("ullAvailVirtual", ctypes.c_ulonglong),
                        ("ullAvailExtendedVirtual", ctypes.c_ulonglong)]

        st = _Status()
        st.dwLength = ctypes.sizeof(_Status)
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(st)):
            return int(st.ullAvailPhys)
    except Exception:  # noqa: BLE001 -- no way to know: do not refuse
        pass
    return None


def format_bytes(n):
    """1536 -> '1.5 KiB'; 2.2e9 -> '2.0 GiB'."""
    n = float(n)
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB"):
        if abs(n) < 1024 or unit == "TiB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024.0
    return f"{n:.1f} TiB"  # pragma: no cover


def shortfall(cells, available=None, **kwargs):
    """(need, available) in bytes when a run on ``cells`` cells would not fit in memory, else None.

    ``available`` defaults to :func:`available_bytes`; keyword arguments go to :func:`estimate_run_bytes`."""
    need = estimate_run_bytes(cells, **kwargs)
    have = available_bytes() if available is None else available
    if have is None or need <= have:
        return None
    return need, have


def max_cells(available, **kwargs):
    """The largest grid (cells) whose estimated run fits in ``available`` bytes."""
    per_cell = estimate_run_bytes(1, **kwargs) - estimate_run_bytes(0, **kwargs)
    return max(0, int((available - BASE_BYTES) // max(1, per_cell)))

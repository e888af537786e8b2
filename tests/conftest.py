"""Test set-up shared by the three tiers.

* ``tests/core``: plain pytest, no QGIS.
* ``tests/qgis``: algorithms through ``processing.run`` in a headless QGIS (fixture ``qgis_app``).
* ``tests/cli``: the ``qgis_process`` command line.

The repository root *is* the plugin folder; tests import it as ``drivetime_equity`` through a symlink in
``.build/plugins`` (the same folder ``QGIS_PLUGINPATH`` points at).
"""
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGINS = os.path.join(ROOT, ".build", "plugins")
LINK = os.path.join(PLUGINS, "drivetime_equity")
DATA = os.environ.get("DRIVETIME_DATA", os.path.join(os.path.dirname(ROOT), "shared", "data"))

os.makedirs(PLUGINS, exist_ok=True)
if not os.path.islink(LINK):
    os.symlink(ROOT, LINK)
# the repo root must not be importable as such: its processing/ would shadow QGIS's processing plugin
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.getcwd()) != ROOT]
if PLUGINS not in sys.path:
    sys.path.insert(0, PLUGINS)
os.environ.setdefault("NUMBA_CACHE_DIR", os.path.join(ROOT, ".build", "numba_cache"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QGIS_PLUGINPATH"] = PLUGINS
# QGIS opens GeoPackages for update and would switch them to WAL journaling: inputs must stay untouched
os.environ.setdefault("OGR_SQLITE_JOURNAL", "DELETE")

_QGIS = {}


def demo_gpkg():
    path = os.path.join(DATA, "oxfordshire_demo.gpkg")
    if not os.path.exists(path):
        pytest.skip(f"sample data not found at {path} (set DRIVETIME_DATA)")
    return path


@pytest.fixture(scope="session")
def data_dir():
    demo_gpkg()
    return DATA


@pytest.fixture(scope="session")
def qgis_app():
    """A headless QgsApplication with Processing and our provider registered."""
    if "app" not in _QGIS:
        from qgis.core import QgsApplication

        qgis_plugins = "/usr/share/qgis/python/plugins"
        if qgis_plugins not in sys.path:
            sys.path.append(qgis_plugins)
        app = QgsApplication([], False)
        app.initQgis()
        from processing.core.Processing import Processing

        Processing.initialize()
        import drivetime_equity

        plugin = drivetime_equity.classFactory(None)
        plugin.initProcessing()
        _QGIS.update(app=app, plugin=plugin)
    return _QGIS["app"]


@pytest.fixture(scope="session")
def plugin(qgis_app):
    return _QGIS["plugin"]


def _data_fingerprints():
    """(size, mtime, sha256) of every sample-data file, to prove the tests never modify their inputs."""
    import hashlib

    out = {}
    for folder, _dirs, files in os.walk(DATA):
        for name in files:
            path = os.path.join(folder, name)
            h = hashlib.sha256()
            with open(path, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    h.update(block)
            st = os.stat(path)
            out[path] = (st.st_size, st.st_mtime_ns, h.hexdigest())
    return out


def pytest_sessionstart(session):
    if os.path.isdir(DATA):
        _QGIS["fingerprints"] = _data_fingerprints()


def pytest_sessionfinish(session, exitstatus):
    before = _QGIS.get("fingerprints")
    if before is not None:
        after = _data_fingerprints()
        changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
        if changed:
            sys.stderr.write("\nERROR: the tests modified input data: " + ", ".join(changed) + "\n")
            session.exitstatus = exitstatus = 1
    _QGIS["status"] = int(exitstatus)


def pytest_unconfigure(config):
    # QGIS can crash while Python tears its objects down; leave at once with pytest's own status.
    if "app" in _QGIS:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_QGIS.get("status", 0))

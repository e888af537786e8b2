"""The Dask scheduler setting (Settings > Options > Processing > Drive-Time Equity) and the runner it opens.

``DRIVETIME_DASK`` (environment, for ``qgis_process``) wins over the provider setting of the same name; both
take a scheduler address (``tcp://host:8786``) or ``local:N``. Unset: the in-process threads, unchanged.
``DRIVETIME_DASK_SHARED`` (environment or setting): a folder every worker can read; the speed surface goes
there as a file instead of being scattered to the workers.
"""
import contextlib
import os

from qgis.core import QgsProcessingException, QgsSettings

from .base import ensure_numba_cache, tr

SETTING = "DRIVETIME_DASK"
SETTING_SHARED = "DRIVETIME_DASK_SHARED"


def _config():
    try:
        from processing.core.ProcessingConfig import ProcessingConfig, Setting  # QGIS's Processing plugin
    except ImportError:  # pragma: no cover - Processing plugin not loaded
        return None, None
    return ProcessingConfig, Setting


def register(provider):
    """Add the settings to the provider's group (called from the provider's ``load``)."""
    config, setting = _config()
    if config is None:
        return
    group = provider.name()
    config.settingIcons[group] = provider.icon()
    config.addSetting(setting(group, SETTING, tr(
        "Dask scheduler for large runs (tcp://host:8786, or local:N for N local worker processes; empty: "
        "threads in QGIS)"), ""))
    config.addSetting(setting(group, SETTING_SHARED, tr(
        "Folder shared with the Dask workers (optional; empty: the speed surface is sent to each worker)"), "",
        valuetype=setting.FOLDER))
    config.readSettings()


def unregister():
    config, _setting = _config()
    if config is not None:
        for key in (SETTING, SETTING_SHARED):
            config.removeSetting(key)


def _value(key):
    env = os.environ.get(key)
    if env is not None and env.strip():
        return env.strip()
    config, _setting = _config()
    value = None
    if config is not None:
        try:
            value = config.getSetting(key)
        except Exception:  # noqa: BLE001 - not registered in this session
            value = None
    if value in (None, ""):
        value = QgsSettings().value(f"Processing/Configuration/{key}", "")
    return str(value or "").strip()


def scheduler_spec():
    """The scheduler setting ('' when unset)."""
    return _value(SETTING)


@contextlib.contextmanager
def dask_runner(feedback):
    """An open :class:`core.distributed.DaskRunner` for the run (closed after), or ``None`` when unset."""
    spec = scheduler_spec()
    if not spec:
        yield None
        return
    from ..core import distributed as dd

    try:
        dd.parse_spec(spec)
    except ValueError as e:
        raise QgsProcessingException(tr(
            "DRIVETIME_DASK: {e}. Set it to a scheduler address or local:N (N from 1 to 1024), or clear it "
            "(environment variable, or Settings > Options > Processing > Drive-Time Equity) to run in "
            "QGIS.").format(e=e)) from None
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise QgsProcessingException(tr(
            "DRIVETIME_DASK is set ({s}) but Dask is not installed: install python3-distributed (Debian: "
            "make setup) or clear the setting.").format(s=spec)) from None
    ensure_numba_cache()  # the workers inherit it
    runner = dd.DaskRunner(spec, shared=_value(SETTING_SHARED) or None,
                           log=(feedback.pushInfo if feedback is not None else None))
    try:
        runner.open()
    except Exception as e:  # noqa: BLE001 - connection or start-up failure, reported with the fix
        raise QgsProcessingException(tr(
            "DRIVETIME_DASK: could not start or reach the Dask scheduler {s}: {e}. Check the address (the "
            "scheduler must be running), or clear the setting to run in QGIS.").format(s=spec, e=e)) from e
    if feedback is not None:
        feedback.pushInfo(tr("Dask: {d}, {n} workers (started in {t:.1f} s).").format(
            d=runner.describe(), n=runner.n_workers(), t=runner.startup_s))
    try:
        yield runner
    finally:
        runner.close()

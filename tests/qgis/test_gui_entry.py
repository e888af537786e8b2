"""initGui / unload with a mocked iface (real main window), in a GUI-enabled QgsApplication (own process)."""
import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, os.environ["PLUGINS"])
    from qgis.core import QgsApplication
    from qgis.testing import start_app
    from unittest import mock
    from qgis.PyQt.QtWidgets import QMainWindow
    app = start_app()
    window = QMainWindow()
    iface = mock.MagicMock()
    iface.mainWindow.return_value = window
    added, removed = [], []
    iface.addPluginToMenu.side_effect = lambda menu, action: added.append((menu, action.text()))
    iface.removePluginMenu.side_effect = lambda menu, action: removed.append((menu, action.text()))
    import drivetime_equity
    plugin = drivetime_equity.classFactory(iface)
    plugin.initGui()
    reg = QgsApplication.processingRegistry()
    assert reg.providerById("drivetime") is not None, "provider not registered by initGui"
    plugin.initProcessing()  # idempotent
    assert [p.id() for p in reg.providers()].count("drivetime") == 1
    texts = [t for _, t in added]
    assert any("Drive-time raster" in t for t in texts), texts
    assert any("Build speed surface" in t for t in texts), texts
    assert all(m == "&Drive-Time Equity" for m, _ in added)
    plugin.unload()
    assert reg.providerById("drivetime") is None
    assert sorted(removed) == sorted(added)
    print("GUI-OK", len(added))
    sys.stdout.flush()
    os._exit(0)
""")


def test_init_gui_and_unload(tmp_path):
    plugins = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                           ".build", "plugins")
    env = dict(os.environ, PLUGINS=plugins, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-P", "-c", SCRIPT], capture_output=True, text=True, env=env,
                          timeout=120, cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "GUI-OK" in proc.stdout

"""`make zip` builds an archive that installs like the plugin manager's "Install from ZIP" does (unzipped into a
plugin folder) and loads in a clean QGIS profile: qgis_process then lists the drivetime algorithms."""
import os
import shutil
import subprocess
import zipfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QP = os.environ.get("QGIS_PROCESS", "/usr/bin/qgis_process.bin")
PKG = "drivetime_equity"

pytestmark = pytest.mark.skipif(not os.path.exists(QP) or shutil.which("make") is None or
                                shutil.which("zip") is None, reason="qgis_process, make or zip missing")


@pytest.fixture(scope="module")
def archive():
    proc = subprocess.run(["make", "-s", "zip"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    path = os.path.join(ROOT, ".build", f"{PKG}.zip")
    assert os.path.exists(path)
    return path


def algorithm_modules():
    """(module, class) pairs of the provider's ALGORITHMS list, read from the source without importing QGIS."""
    import ast

    tree = ast.parse(open(os.path.join(ROOT, "processing", "provider.py"), encoding="utf-8").read())
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "ALGORITHMS" for t in node.targets):
            return [tuple(ast.literal_eval(e)) for e in node.value.elts]
    raise AssertionError("ALGORITHMS not found in processing/provider.py")


def test_archive_layout(archive):
    names = zipfile.ZipFile(archive).namelist()
    # one top-level folder named as the package, with what QGIS needs to load it
    assert {n.split("/")[0] for n in names} == {PKG}
    for needed in ("__init__.py", "metadata.txt", "LICENSE", "processing/provider.py", "plugin/plugin.py",
                   "resources/icons/drivetime.svg"):
        assert f"{PKG}/{needed}" in names, needed
    for module, _cls in algorithm_modules():
        assert f"{PKG}/processing/{module}.py" in names, f"{module}.py missing from the zip (untracked file?)"
    # no developer tooling
    assert not [n for n in names if n.startswith((f"{PKG}/tests/", f"{PKG}/bench/", f"{PKG}/.ci/",
                                                 f"{PKG}/scripts/", f"{PKG}/.git"))]
    assert not [n for n in names if n.endswith((".pyc", "/Makefile", ".ts"))]


def test_archive_contents_are_the_allow_list(archive):
    """Exactly the committed run-time files: every committed module of core/, plugin/ and processing/, the
    resources, metadata, licence, README and compiled translations; nothing else."""
    names = {n[len(PKG) + 1:] for n in zipfile.ZipFile(archive).namelist() if not n.endswith("/")}
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    modules = {f for f in tracked if f.split("/")[0] in ("core", "plugin", "processing") and f.endswith(".py")
               and f.count("/") == 1}
    assert modules <= names
    qm = {n for n in names if n.startswith("i18n/")}
    assert qm and all(n.endswith(".qm") for n in qm)
    rest = names - modules - qm
    assert {"__init__.py", "metadata.txt", "LICENSE", "README.md"} <= rest
    others = rest - {"__init__.py", "metadata.txt", "LICENSE", "README.md"}
    assert others and all(n.startswith("resources/") for n in others), sorted(others)
    assert all(n in tracked for n in names - qm)  # nothing uncommitted


def test_zip_installs_in_clean_profile(archive, tmp_path):
    plugins = tmp_path / "plugins"
    home = tmp_path / "home"
    plugins.mkdir()
    home.mkdir()
    zipfile.ZipFile(archive).extractall(plugins)
    # a clean environment: only this plugin folder, a fresh HOME (so a fresh QGIS profile), no repo on sys.path
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "QGIS_PLUGINPATH": str(plugins), "XDG_RUNTIME_DIR": str(tmp_path),
           "NUMBA_CACHE_DIR": str(tmp_path / "numba")}

    def qp(*args):
        return subprocess.run([QP, *args], capture_output=True, text=True, env=env, cwd=str(tmp_path), timeout=300)

    listed = qp("plugins").stdout
    assert PKG in listed  # found in the unzipped folder
    qp("plugins", "enable", PKG)  # what the plugin manager does after installing
    out = qp("list").stdout
    algs = [line.split()[0] for line in out.splitlines() if line.strip().startswith("drivetime:")]
    # every algorithm of the provider's list loaded (one failing import would drop the whole provider)
    assert len(set(algs)) == len(algorithm_modules()), (algs, out[-2000:])
    # it was this copy that loaded (the profile is fresh and the plugin path holds only the unzipped folder)
    profile = home / ".local" / "share" / "QGIS" / "QGIS3" / "profiles" / "default"
    assert profile.exists()

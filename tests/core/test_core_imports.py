"""Structure of the compute core: every module imports, nothing in core/ imports qgis, there is no import cycle
(module-level or deferred, found by parsing every import statement), and only the cost-distance modules reach
into the engine's private parts."""
import ast
import importlib
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[2] / "core"
MODULES = sorted(p.stem for p in CORE.glob("*.py") if p.stem != "__init__")


def _imports(name):
    """Core modules (stems) imported by core module ``name`` anywhere in its source (relative imports)."""
    path = CORE / ("__init__.py" if name == "__init__" else name + ".py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                out.add(node.module.split(".")[0])
            else:  # from . import x, y
                out.update(a.name for a in node.names if (CORE / (a.name + ".py")).exists())
        elif isinstance(node, ast.ImportFrom) and node.level > 1:
            continue  # outside core (there should be none; checked below)
        elif isinstance(node, ast.Import):
            for a in node.names:
                assert not a.name.startswith(("qgis", "drivetime_equity")), (name, a.name)
        if isinstance(node, ast.ImportFrom) and node.module:
            assert not node.module.startswith("qgis"), (name, node.module)
            assert node.level <= 1, f"core.{name} imports from outside core: {node.module}"
    out.discard(name)
    return out & set(MODULES)


def _cycle(graph):
    """One import cycle as a list of modules, or None."""
    state = {}

    def visit(n, path):
        state[n] = 1
        for m in sorted(graph[n]):
            if state.get(m) == 1:
                return path[path.index(m):] + [m]
            if m not in state:
                c = visit(m, path + [m])
                if c:
                    return c
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state:
            c = visit(n, [n])
            if c:
                return c
    return None


def test_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_no_import_cycle_in_core():
    graph = {m: _imports(m) for m in MODULES}
    assert "engine" in graph["costdist"] and "_model" in graph["engine"]  # the parser sees both styles
    assert _cycle(graph) is None, f"import cycle: {' -> '.join(_cycle(graph))}"


def test_private_engine_and_model_used_only_behind_the_facade():
    """``_model`` is reached only through :mod:`costdist` (and the engine)."""
    for m in MODULES:
        if m in ("costdist", "engine", "_model", "warmup"):  # warmup compiles the engine's kernels on purpose
            continue
        imp = _imports(m)
        assert "_model" not in imp, f"core.{m} bypasses costdist: {sorted(imp)}"
        tree = ast.parse((CORE / (m + ".py")).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                assert not (node.value.id in ("engine", "costdist") and node.attr.startswith("_")), \
                    f"core.{m} uses a private helper: {node.value.id}.{node.attr}"
            if isinstance(node, ast.ImportFrom) and node.module in ("costdist", "engine") and node.level == 1:
                bad = [a.name for a in node.names if a.name.startswith("_")]
                assert not bad, f"core.{m} imports private helpers of {node.module}: {bad}"


@pytest.mark.parametrize("name", MODULES)
def test_every_core_module_imports(name):
    importlib.import_module("drivetime_equity.core." + name)


def test_processing_and_plugin_use_the_public_core_modules():
    """Outside core/, cost distance is reached through :mod:`core.costdist` only: no ``core.engine`` and no
    private ``core._*`` module."""
    root = CORE.parent
    for path in sorted((root / "processing").glob("*.py")) + sorted((root / "plugin").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("core"):
                parts = node.module.split(".")
                names = [a.name for a in node.names]
                assert not (len(parts) > 1 and (parts[1] == "engine" or parts[1].startswith("_"))), \
                    f"{path.name} imports {node.module}"
                assert not (len(parts) == 1 and any(n == "engine" or n.startswith("_") for n in names)), \
                    f"{path.name} imports {names} from core"


def _core_modules_used_by(path):
    """Core modules a file outside core/ imports (``from ..core import x`` / ``from ..core.x import y``)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level >= 1:
            parts = node.module.split(".")
            if parts[0] == "core":
                out.update(parts[1:2] or [a.name for a in node.names])
    return out & set(MODULES)


def test_every_core_module_is_product_code():
    """What ships in core/ is what the plugin runs: every core module is reached from processing/, plugin/ or the
    package's __init__ (directly or through other core modules). Test- and bench-only code (the reference
    Dijkstra, the previous matrix runners) lives in tests/ or bench/."""
    root = CORE.parent
    todo = set()
    for path in [root / "__init__.py"] + sorted((root / "processing").glob("*.py")) + sorted(
            (root / "plugin").glob("*.py")):
        todo |= _core_modules_used_by(path)
    assert "costdist" in todo  # the parser sees the product's imports
    seen = set()
    while todo:
        m = todo.pop()
        if m not in seen:
            seen.add(m)
            todo |= _imports(m)
    assert set(MODULES) - seen == set(), f"core modules only tests or benchmarks use: {sorted(set(MODULES) - seen)}"

"""Check the Python packages the algorithms need, without importing them (cheap at plugin load)."""
import importlib.util
import platform

# import name -> (Debian/Ubuntu package, pip name)
REQUIRED = {
    "numpy": ("python3-numpy", "numpy"),
    "numba": ("python3-numba", "numba"),
    "rasterio": ("python3-rasterio", "rasterio"),
    "geopandas": ("python3-geopandas", "geopandas"),
    "sklearn": ("python3-sklearn", "scikit-learn"),
    "shapely": ("python3-shapely", "shapely"),
}


def missing(names=None):
    """Import names (of ``REQUIRED``) that cannot be found."""
    out = []
    for name in names or REQUIRED:
        try:
            if importlib.util.find_spec(name) is None:
                out.append(name)
        except (ImportError, ValueError):
            out.append(name)
    return out


def install_hint(names):
    """A one-line instruction that installs the given missing packages on this platform."""
    apt = " ".join(REQUIRED[n][0] for n in names)
    pip = " ".join(REQUIRED[n][1] for n in names)
    system = platform.system()
    if system == "Windows":
        return f"open the OSGeo4W Shell and run: python -m pip install {pip}"
    if system == "Darwin":
        return f"run in a terminal: /Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install {pip}"
    return f"on Debian/Ubuntu run: sudo apt install {apt}   (elsewhere: python3 -m pip install {pip})"

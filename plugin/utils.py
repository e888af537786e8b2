"""Small helpers shared by the plugin and the Processing algorithms (no heavy imports)."""
import configparser
import os

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "drivetime_equity"


def plugin_path(*parts):
    return os.path.join(PLUGIN_DIR, *parts)


def resources_path(*parts):
    """Path of a file shipped under ``resources/``."""
    return plugin_path("resources", *parts)


def metadata(key, default=""):
    cp = configparser.ConfigParser(interpolation=None)
    cp.read(plugin_path("metadata.txt"), encoding="utf-8")
    return cp.get("general", key, fallback=default)


def version():
    return metadata("version", "0")

"""Base class of every Drive-Time Equity algorithm, and the glue shared by them."""
import html
import math
import os

from qgis.core import (QgsProcessing, QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameterDefinition,
                       QgsProcessingParameterNumber)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..plugin import deps
from ..plugin.utils import resources_path

def _esc(text):
    return html.escape(str(text), quote=False)


HELP_URL = "https://github.com/drivetime-equity/drivetime_equity#readme"

# Workflow step of each algorithm (by NAME): its display name starts with it, so the toolbox (which sorts by
# display name) lists the algorithms in the order they are used. Names only: ids and parameters are unchanged.
# An algorithm belonging to a step shares its number (e.g. a second "3 · ..." sorts alphabetically within 3).
WORKFLOW_STEPS = {"speedsurface": 1, "calibrate": 2, "drivetime": 3, "coverage": 4, "matrix": 5, "scenario": 6,
                  "scenariobatch": 6, "standby": 7, "response": 7, "consultationmap": 8}


def workflow_name(name, title):
    """``title`` prefixed with the workflow step of algorithm ``name`` ('3 · Drive-time raster')."""
    step = WORKFLOW_STEPS.get(name)
    return f"{step} · {title}" if step else title


def _numbered(display_name):
    def displayName(self):  # noqa: N802
        return workflow_name(self.NAME, display_name(self))

    displayName.__doc__ = display_name.__doc__
    displayName.unnumbered = display_name
    return displayName


def tr(text, context="DriveTimeEquity"):
    return QCoreApplication.translate(context, text)


def ensure_numba_cache():
    """Point Numba's cache at a writable folder (the plugin folder may be read-only)."""
    if os.environ.get("NUMBA_CACHE_DIR"):
        return os.environ["NUMBA_CACHE_DIR"]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "drivetime_equity", "numba")
    try:
        os.makedirs(path, exist_ok=True)
        os.environ["NUMBA_CACHE_DIR"] = path
    except OSError:
        pass
    return path


class AlgorithmBase(QgsProcessingAlgorithm):
    """Gives ``createInstance``, ``tr``, help rendering, group ids and the dependency check.

    Subclasses set ``NAME`` and ``REQUIRES`` and implement ``displayName``, ``help_map`` (a dict: the key
    ``""`` holds the description, ``"EXAMPLE"`` a ``qgis_process`` line, other keys are parameter names),
    ``initAlgorithm`` and ``process`` (called by ``processAlgorithm`` after the dependency check).
    """

    NAME = ""
    GROUP_ID = "drivetime"
    REQUIRES = ("numpy", "numba", "rasterio")

    def __init_subclass__(cls, **kwargs):
        # ``run`` is QgsProcessingAlgorithm's own API (processing.run calls it): overriding it breaks the algorithm
        super().__init_subclass__(**kwargs)
        if "run" in cls.__dict__:
            raise TypeError(f"{cls.__name__}: implement process(), not run() (QgsProcessingAlgorithm.run)")
        if "displayName" in cls.__dict__:  # the toolbox lists the algorithms in workflow order (WORKFLOW_STEPS)
            cls.displayName = _numbered(cls.__dict__["displayName"])

    def title(self):
        """The display name without its workflow number (for sentences and window titles)."""
        fn = getattr(type(self).displayName, "unnumbered", None)
        return fn(self) if fn is not None else self.displayName()

    # -- identity -------------------------------------------------------------------------------------
    def tr(self, text):
        context = type(self).__name__
        out = QCoreApplication.translate(context, text)
        if out == text:
            out = QCoreApplication.translate("DriveTimeEquity", text)
        return out

    def createInstance(self):  # noqa: N802
        return type(self)()

    def name(self):
        return self.NAME

    def group(self):
        # no group: the algorithms sit right under the provider ("Drive-Time Equity"), not nested twice
        return ""

    def groupId(self):  # noqa: N802
        return ""

    def icon(self):
        return QIcon(self.icon_path())

    def icon_path(self):
        """resources/icons/alg_<NAME>.svg (its own icon), else the plugin's."""
        path = resources_path("icons", f"alg_{self.NAME}.svg")
        return path if os.path.exists(path) else resources_path("icons", "drivetime.svg")

    def helpUrl(self):  # noqa: N802
        return HELP_URL

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.FlagCanCancel

    # -- help -----------------------------------------------------------------------------------------
    def help_map(self):
        return {}

    def shortHelpString(self):  # noqa: N802
        helps = self.help_map()
        parts = [f"<p>{_esc(helps.get('', ''))}</p>"]
        for param in self.parameterDefinitions():
            text = helps.get(param.name()) or (param.help() if hasattr(param, "help") else "")
            if text:
                parts.append(f"<p><b>{_esc(param.description())}</b> (<code>{param.name()}</code>): "
                             f"{_esc(text)}</p>")
        for out in self.outputDefinitions():
            text = helps.get(out.name())
            if text and not self.parameterDefinition(out.name()):
                parts.append(f"<p><b>{_esc(out.description())}</b> (<code>{out.name()}</code>): "
                             f"{_esc(text)}</p>")
        if helps.get("EXAMPLE"):
            parts.append(f"<p><b>{_esc(self.tr('Example'))}</b>:<br><code>"
                         f"{_esc(helps['EXAMPLE'])}</code></p>")
        return "\n".join(parts)

    def shortDescription(self):  # noqa: N802
        return self.help_map().get("", "").split(". ")[0].rstrip(".") + "."

    def add(self, param, advanced=False, help_text=None):
        """Add a parameter, attaching its help text from ``help_map`` (shown as a tooltip and in the CLI), else
        ``help_text`` (the shared parameters of ``inputs.py`` bring their own)."""
        text = self.help_map().get(param.name()) or help_text
        if text and hasattr(param, "setHelp"):
            param.setHelp(text)
        if advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        if isinstance(param, QgsProcessingParameterNumber) and param.dataType() == QgsProcessingParameterNumber.Double:
            meta = param.metadata() or {}
            meta.setdefault("widget_wrapper", {}).setdefault("decimals", 2)  # "2.00", not "2.000000"
            param.setMetadata(meta)
        self.addParameter(param)
        return param

    # -- checks ------------------------------------------------------------------------------------------
    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Out-of-range and non-finite numbers get a message naming the parameter, the range and the fix
        (instead of QGIS's bare 'Incorrect parameter value for X')."""
        from .inputs import number_range_error

        for param in self.parameterDefinitions():
            if isinstance(param, QgsProcessingParameterNumber):
                msg = number_range_error(param, parameters.get(param.name()))
                if msg:
                    return False, msg
        return super().checkParameterValues(parameters, context)

    # -- running ----------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        missing = deps.missing(self.REQUIRES)
        if missing:
            raise QgsProcessingException(self.tr(
                "This algorithm needs the Python packages {names}, which are not installed: {hint}. "
                "Then restart QGIS.").format(names=", ".join(missing), hint=deps.install_hint(missing)))
        ensure_numba_cache()
        if "numba" in self.REQUIRES and feedback is not None:
            from ..core.warmup import is_cold

            if is_cold():  # say why the first run after an install or update waits (make setup compiles at install)
                feedback.pushInfo(self.tr(
                    "First run since the plugin was installed or updated: compiling the drive-time engine (about "
                    "10-30 seconds, once; later runs start at once)."))
        from ..core import Cancelled

        from .outputs import OutputGuard

        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(self.tr("Cancelled: no output was written."))
        # every output checked before any computing, written to staging files, moved into place only when all
        # succeeded; on failure or cancel nothing is left behind (processing/outputs.py)
        guard = OutputGuard(self, parameters, context, feedback).check()
        self._output_guard = guard
        try:
            results = self.process(guard.staged_parameters(), context, feedback)
            if feedback is not None and feedback.isCanceled():
                raise Cancelled()
            self._tell_default_names(context)
            results = guard.commit(results)
        except Cancelled:
            guard.abort()
            raise QgsProcessingException(self.tr("Cancelled: no output was written.")) from None
        except MemoryError:
            guard.abort()
            raise QgsProcessingException(self.tr(
                "Out of memory: the machine has too little free memory for this run; nothing was written. Use a "
                "larger cell size or a smaller extent, or close other programs.")) from None
        except OSError as e:  # a write failed (disk full, permissions, file locked): a message, not a traceback
            guard.abort()
            raise QgsProcessingException(self.tr(
                "Could not write the outputs: {err}. Nothing was written; check the disk space and the output "
                "folder.").format(err=e)) from None
        except BaseException:
            guard.abort()
            raise
        finally:
            self._output_guard = None
        return results

    def process(self, parameters, context, feedback):
        raise NotImplementedError

    def _tell_default_names(self, context):
        """Give each style post-processor the default name of its output (the parameter's description, which
        QGIS uses when no name was given), so that it renames only that and keeps the user's name."""
        for details in context.layersToLoadOnCompletion().values():
            pp = details.postProcessor()
            param = self.parameterDefinition(details.outputName) if details.outputName else None
            if pp is not None and param is not None and hasattr(pp, "default"):
                pp.default = param.description()

    def wants_output(self, parameters, name, context=None):
        """True when the optional output ``name`` was asked for: not missing, None or empty ('' means skip,
        as an unticked output in the dialog)."""
        from .outputs import _value_string

        value = parameters.get(name)
        if value is None:
            return False
        if context is None:
            from qgis.core import QgsProcessingContext

            context = QgsProcessingContext()
        return bool(_value_string(value, context).strip())

    def parameterAsSink(self, parameters, name, context, *args, **kwargs):  # noqa: N802
        """QGIS's sink, wrapped so that a feature that cannot be written raises (processing/outputs.py)."""
        sink, dest = super().parameterAsSink(parameters, name, context, *args, **kwargs)
        guard = getattr(self, "_output_guard", None)
        if guard is not None and sink is not None:
            sink = guard.wrap_sink(sink, dest, name)
        return sink, dest


def progress_callback(feedback, start=0.0, end=100.0):
    """A core progress callback ``f(fraction) -> cancel?`` that drives a Processing feedback."""

    def cb(fraction):
        if feedback is None:
            return False
        feedback.setProgress(start + (end - start) * max(0.0, min(1.0, fraction)))
        return feedback.isCanceled()

    return cb


def parse_number_list(text, name, minimum=None):
    """Parse a comma / space separated list of numbers (e.g. BANDS '6,8,15'): sorted, unique, > minimum."""
    if isinstance(text, (list, tuple)):
        items = [str(v) for v in text]
    else:
        items = str(text or "").replace(";", ",").replace(" ", ",").split(",")
    values = []
    for item in items:
        item = item.strip()
        if not item:
            continue
        try:
            value = float(item)
        except ValueError:
            raise QgsProcessingException(
                tr("{name}: '{item}' is not a number; give a comma-separated list such as 6,8,15,19.")
                .format(name=name, item=item)) from None
        if not math.isfinite(value):
            raise QgsProcessingException(
                tr("{name}: '{item}' is not a finite number; give a comma-separated list of finite values such as "
                   "6,8,15,19.").format(name=name, item=item))
        values.append(value)
    if not values:
        raise QgsProcessingException(tr("{name}: give at least one value, e.g. 6,8,15,19.").format(name=name))
    if minimum is not None and min(values) <= minimum:
        raise QgsProcessingException(tr("{name}: every value must be greater than {m}.").format(name=name, m=minimum))
    return sorted(set(values))


def fmt_num(v):
    """6.0 -> '6', 7.5 -> '7.5'."""
    return f"{v:g}"


TEMP = QgsProcessing.TEMPORARY_OUTPUT

"""The output guard: every algorithm's outputs are checked before any computing, written to a staging folder
and moved into place only when every output succeeded (``AlgorithmBase.processAlgorithm`` runs it, so no
algorithm can skip it).

Before the run, each destination parameter (raster, vector sink, file) is refused with a message naming the
parameter and the fix when it

* points at an input of the run (resolved paths; a GeoPackage by its file, whatever the layer) or at the same
  file as another output: writing it would destroy the input or the other output;
* has the wrong extension for its format (raster outputs are GeoTIFF: ``.tif`` / ``.tiff``; vector outputs a
  format QGIS can write; files one of the parameter's file types);
* lies under a path whose parent is a file, or in a folder that cannot be created or written.

During the run, each file output is redirected to a hidden staging folder beside it (``.dte-<id>/<name>``,
same file system, same file name, so a GeoPackage keeps its layer name), together with anything written
beside it (``.qml`` styles). Feature writes are checked (``addFeature``/``addFeatures``/``flushBuffer``, and
the feature count of each closed vector output). When the run succeeds, the staged files are moved into
place, the results and the layers to load point at the final paths; on any failure or cancel, the staging
folders are removed and nothing is left behind. Temporary outputs (``TEMPORARY_OUTPUT``) and memory layers
need none of this. Destinations given as a provider URI (``ogr:dbname=... table=...``, which adds a layer to
an existing file, or a database) are checked but written in place.
"""
import os
import re
import shutil
import uuid

from qgis.core import (QgsDataSourceUri, QgsMapLayer, QgsProcessing, QgsProcessingContext, QgsProcessingException,
                       QgsProcessingFeatureSourceDefinition, QgsProcessingOutputLayerDefinition,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterFolderDestination, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterVectorDestination, QgsProcessingUtils, QgsProperty, QgsVectorFileWriter,
                       QgsVectorLayer)
from qgis.PyQt.QtCore import QVariant

from .base import tr

RASTER_EXTENSIONS = (".tif", ".tiff")
STAGE_PREFIX = ".dte-"
_PROVIDER_URI = re.compile(r"^([A-Za-z][A-Za-z0-9_]{2,}):(.*)$", re.S)


def _value_string(value, context):
    """The destination or source string of a parameter value (a path, a URI, TEMPORARY_OUTPUT), or ''
    (also for a NULL QVariant: ``qgis_process ... --OUTPUT_ZONES=`` passes one)."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return ""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        if value.propertyType() == QgsProperty.StaticProperty:
            value = value.staticValue()
        else:
            value = value.valueAsString(context.expressionContext(), "")[0]
    if isinstance(value, QgsMapLayer):
        return value.source()
    return "" if value is None else str(value)


def file_part(text):
    """The file of a data source string: 'a.gpkg|layername=x' -> 'a.gpkg'; provider URIs with a dbname ->
    the database file; '' for none."""
    text = str(text or "").strip()
    if not text:
        return ""
    m = _PROVIDER_URI.match(text)
    if m and not os.path.exists(text):
        provider, rest = m.group(1).lower(), m.group(2)
        if provider in ("ogr", "spatialite", "gdal"):
            db = QgsDataSourceUri(rest).database()
            return db or rest.split("|")[0]
        return ""  # memory:, postgres:, ... : not a file
    return text.split("|")[0]


def _resolved(path):
    return os.path.normcase(os.path.realpath(os.path.abspath(os.path.expanduser(path))))


def _same_file(a, b):
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _filter_extensions(file_filter):
    """Lower-case extensions ('.html') listed in a file filter such as 'HTML files (*.html);;Text (*.txt)';
    None when any file is allowed."""
    pats = re.findall(r"\*(\.[A-Za-z0-9_.-]*|\*?)", file_filter or "")
    exts = []
    for p in pats:
        if p in ("", "*", ".*"):
            return None
        exts.append(p.lower())
    return tuple(exts) or None


class _Output:
    """One file destination: its parameter, final path and (when redirected) staging folder."""

    def __init__(self, param, value, target):
        self.param = param
        self.name = param.name()
        self.value = value
        self.target = target  # the destination string as given
        self.path = file_part(target)
        self.final = os.path.abspath(self.path) if self.path else ""
        self.stage_dir = None
        self.staged = None  # staged path (same file name)


class CheckedSink:
    """A feature sink whose writes are checked: a feature that cannot be written raises instead of being
    silently lost. Counts the features written (checked against the closed file)."""

    def __init__(self, sink, dest, name, guard):
        self._sink = sink
        self.dest = dest
        self.name = name
        self.added = 0
        self._guard = guard

    def _fail(self, what):
        err = ""
        try:
            err = self._sink.lastError() if self._sink is not None else ""
        except Exception:  # noqa: BLE001
            pass
        raise QgsProcessingException(tr(
            "{param}: could not write {what} to {path}{err}. Check that the disk is not full and that no other "
            "program (or another run) is writing the same file.").format(
                param=self.name, what=what, path=self._guard.final_path(self.dest),
                err=": " + err if err else ""))

    def addFeature(self, feature, *args):  # noqa: N802
        if self._sink is None:
            self._fail(tr("a feature (the output is already closed)"))
        if not self._sink.addFeature(feature, *args):
            self._fail(tr("a feature"))
        self.added += 1
        return True

    def addFeatures(self, features, *args):  # noqa: N802
        if self._sink is None:
            self._fail(tr("features (the output is already closed)"))
        features = list(features)
        if not self._sink.addFeatures(features, *args):
            self._fail(tr("features"))
        self.added += len(features)
        return True

    def flushBuffer(self):  # noqa: N802
        if self._sink is not None and not self._sink.flushBuffer():
            self._fail(tr("buffered features"))
        return True

    def lastError(self):  # noqa: N802
        return self._sink.lastError() if self._sink is not None else ""

    def close(self):
        """Flush and release the underlying sink (QGIS finalises the file when it is deleted)."""
        if self._sink is not None:
            try:
                self.flushBuffer()
            finally:
                self._sink = None

    def __getattr__(self, item):
        sink = self.__dict__.get("_sink")
        if sink is None:
            raise AttributeError(item)
        return getattr(sink, item)


class OutputGuard:
    """Checks, stages and commits the file outputs of one run (see the module docstring)."""

    def __init__(self, alg, parameters, context, feedback=None):
        self.alg = alg
        self.parameters = parameters
        self.context = context
        self.feedback = feedback
        self.outputs = []
        self.sinks = []
        self._made_dirs = []

    # -- 1. checks, before any computing ------------------------------------------------------------------
    def _input_files(self):
        """{resolved file: parameter name} of every file the run reads."""
        files = {}
        for param in self.alg.parameterDefinitions():
            if param.isDestination():
                continue
            value = self.parameters.get(param.name())
            values = value if isinstance(value, (list, tuple)) else [value]
            for v in values:
                text = _value_string(v, self.context)
                if not text:
                    continue
                path = file_part(text)
                if not (path and os.path.exists(path)):
                    layer = QgsProcessingUtils.mapLayerFromString(text, self.context, False)
                    path = file_part(layer.source()) if layer is not None else ""
                if path and os.path.exists(path):
                    files.setdefault(_resolved(path), param.name())
        return files

    def _extension_error(self, out):
        param = out.param
        ext = os.path.splitext(out.path)[1].lower()
        if isinstance(param, QgsProcessingParameterRasterDestination):
            if ext not in RASTER_EXTENSIONS:
                return tr("{param}: raster outputs are written as GeoTIFF, so the file must end in .tif or .tiff, "
                          "not '{ext}'. Give a name such as {example}.").format(
                    param=out.name, ext=ext or tr("(no extension)"),
                    example=os.path.splitext(os.path.basename(out.path))[0] + ".tif")
        elif isinstance(param, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination)):
            allowed = ["." + e.lower() for e in QgsVectorFileWriter.supportedFormatExtensions()]
            if ext not in allowed:
                return tr("{param}: '{ext}' is not a vector format QGIS can write. Give a file ending in .gpkg "
                          "(GeoPackage, recommended), .shp, .geojson or .csv.").format(
                    param=out.name, ext=ext or tr("(no extension)"))
        elif isinstance(param, QgsProcessingParameterFileDestination):
            allowed = _filter_extensions(param.fileFilter())
            if ext and allowed and ext not in allowed:
                return tr("{param}: '{ext}' is not a file type this output can write; give a file ending in "
                          "{allowed}.").format(param=out.name, ext=ext, allowed=" / ".join(allowed))
        return None

    def _folder_error(self, out):
        """Refuse a target that is a folder, under a file, or in a folder that cannot be created or written;
        create the missing folders (removed again if the run fails)."""
        if os.path.isdir(out.final):
            return tr("{param}: {path} is a folder; give a file name inside it.").format(
                param=out.name, path=out.final)
        folder = os.path.dirname(out.final)
        probe = folder
        while probe and not os.path.exists(probe):
            parent = os.path.dirname(probe)
            if parent == probe:
                break
            probe = parent
        if probe and os.path.exists(probe) and not os.path.isdir(probe):
            return tr("{param}: cannot write {path}: {parent} is a file, not a folder. Choose another folder or "
                      "file name.").format(param=out.name, path=out.final, parent=probe)
        try:
            missing = []
            p = folder
            while p and not os.path.exists(p):
                missing.append(p)
                p = os.path.dirname(p)
            os.makedirs(folder, exist_ok=True)
            self._made_dirs.extend(missing)  # deepest first
            # the real test of writability (os.access says yes to root even on a read-only file system)
            test_dir = os.path.join(folder, f"{STAGE_PREFIX}{uuid.uuid4().hex[:12]}")
            os.mkdir(test_dir)
        except OSError as e:
            return tr("{param}: cannot write in the folder {folder} ({err}). Choose a folder you can write to.").format(
                param=out.name, folder=folder, err=e.strerror or e)
        out.stage_dir = test_dir
        return None

    def check(self):
        """Refuse bad destinations (QgsProcessingException); return self. Creates the staging folders."""
        inputs = self._input_files()
        seen = {}
        errors = []
        for param in self.alg.destinationParameterDefinitions():
            if isinstance(param, QgsProcessingParameterFolderDestination):
                continue
            value = self.parameters.get(param.name())
            target = _value_string(value, self.context).strip()
            if not target or target == QgsProcessing.TEMPORARY_OUTPUT or target.lower().startswith("memory:"):
                continue
            out = _Output(param, value, target)
            if not out.path:  # a database or other non-file destination
                continue
            key = _resolved(out.path)
            if key not in inputs and os.path.exists(out.path):
                # the same file under another name (hard link, case-insensitive file system)
                key = next((k for k in inputs if _same_file(k, out.path)), key)
            if key in inputs:
                errors.append(tr(
                    "{param}: {path} is also the input {input}; writing it would destroy the input. Give a new "
                    "file name.").format(param=out.name, path=out.final, input=inputs[key]))
                continue
            if key in seen:
                errors.append(tr(
                    "{param}: {path} is also the output {other}; each output needs its own file (one would "
                    "overwrite the other).").format(param=out.name, path=out.final, other=seen[key]))
                continue
            seen[key] = out.name
            err = self._extension_error(out)
            if err:
                errors.append(err)
                continue
            self.outputs.append(out)
        if errors:
            raise QgsProcessingException("\n".join(errors))
        for out in self.outputs:
            err = self._folder_error(out)
            if err:
                self.abort()
                raise QgsProcessingException(err)
        return self

    # -- 2. staging -----------------------------------------------------------------------------------------
    def staged_parameters(self):
        """A copy of the parameters with each plain file destination redirected into its staging folder."""
        params = dict(self.parameters)
        for out in self.outputs:
            if out.target != out.path:  # a URI (ogr:..., |layername=): written in place
                self._remove_stage(out)
                continue
            out.staged = os.path.join(out.stage_dir, os.path.basename(out.final))
            value = out.value
            if isinstance(value, QgsProcessingOutputLayerDefinition):
                new = QgsProcessingOutputLayerDefinition(value)
                new.sink = QgsProperty.fromValue(out.staged)
                params[out.name] = new
            else:
                params[out.name] = out.staged
        return params

    def wrap_sink(self, sink, dest, name):
        if sink is None:
            return sink
        checked = CheckedSink(sink, dest, name, self)
        self.sinks.append(checked)
        return checked

    def final_path(self, text):
        """``text`` (a path or data source string) with any staging folder replaced by the final folder."""
        text = str(text)
        for out in self.outputs:
            if out.staged and out.stage_dir:
                text = text.replace(out.stage_dir + os.sep, os.path.dirname(out.final) + os.sep)
        return text

    # -- 3. commit or abort ---------------------------------------------------------------------------------
    def _close_sinks(self):
        """Close every sink; raise if a write failed or a closed file lacks features (a failed COMMIT)."""
        sinks, self.sinks = self.sinks, []
        for s in sinks:
            s.close()
        import gc

        gc.collect()  # the algorithm may still hold a reference to the real sink object through a frame
        for s in sinks:
            path = file_part(s.dest)
            if not path or not os.path.exists(path):
                continue
            layer = QgsVectorLayer(s.dest, "check", "ogr")
            count = layer.featureCount() if layer.isValid() else -1
            del layer
            if count != s.added:
                raise QgsProcessingException(tr(
                    "{param}: {n} features were written but the file {path} holds {m}: the write did not complete "
                    "(is another program or run writing the same file, or the disk full?). Run again.").format(
                        param=s.name, n=s.added, m=max(count, 0), path=self.final_path(s.dest)))

    def commit(self, results):
        """Move the staged files into place; return the results pointing at the final paths."""
        self._close_sinks()
        for out in self.outputs:
            if not out.staged:
                continue
            folder = os.path.dirname(out.final)
            for entry in sorted(os.listdir(out.stage_dir)):
                src = os.path.join(out.stage_dir, entry)
                dst = os.path.join(folder, entry)
                if os.path.isdir(dst) and not os.path.islink(dst):
                    shutil.rmtree(dst)
                os.replace(src, dst)
        fixed = {}
        for key, value in (results or {}).items():
            fixed[key] = self.final_path(value) if isinstance(value, str) else value
        self._rekey_layers_to_load(self.final_path)
        self._cleanup()
        self._made_dirs = []
        return fixed

    def abort(self):
        """Remove everything this run wrote (staging folders, folders it created)."""
        sinks, self.sinks = self.sinks, []
        for s in sinks:
            s._sink = None
        import gc

        gc.collect()
        staged = [out.stage_dir + os.sep for out in self.outputs if out.stage_dir]
        self._rekey_layers_to_load(lambda k: None if any(k.startswith(p) for p in staged) else k)
        self._cleanup()
        for d in self._made_dirs:
            try:
                os.rmdir(d)  # only if still empty
            except OSError:
                pass
        self._made_dirs = []

    def _rekey_layers_to_load(self, key_map):
        """Re-key the layers QGIS loads on completion (``key_map(key)`` -> new key, None to drop it), keeping
        their details and style post-processors."""
        loads = self.context.layersToLoadOnCompletion()
        if all(key_map(k) == k for k in loads):
            return
        # setLayersToLoadOnCompletion (and setPostProcessor) delete the old post-processors: rebuild the details
        # and give each a fresh copy of its post-processor
        rebuilt = {}
        for key, old in loads.items():
            new_key = key_map(key)
            if new_key is None:
                continue
            details = QgsProcessingContext.LayerDetails(old.name, old.project, old.outputName)
            for attr in ("forceName", "layerTypeHint", "layerSortKey"):
                if hasattr(old, attr):
                    setattr(details, attr, getattr(old, attr))
            pp = old.postProcessor()
            copy = getattr(pp, "copy", None) if pp is not None else None
            rebuilt[new_key] = (details, copy() if callable(copy) else None)
        self.context.setLayersToLoadOnCompletion({k: d for k, (d, _pp) in rebuilt.items()})
        for key, (_details, pp) in rebuilt.items():
            if pp is not None:
                self.context.layerToLoadOnCompletionDetails(key).setPostProcessor(pp)

    def _remove_stage(self, out):
        if out.stage_dir and os.path.isdir(out.stage_dir):
            shutil.rmtree(out.stage_dir, ignore_errors=True)
        out.stage_dir = None

    def _cleanup(self):
        for out in self.outputs:
            self._remove_stage(out)

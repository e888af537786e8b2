"""drivetime:consultationmap -- Export a consultation map (PDF / PNG / SVG) of styled results."""
import math
import os
import re

from qgis.core import (QgsProcessing, QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingOutputNumber,
                       QgsProcessingOutputString, QgsProcessingParameterEnum, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterMultipleLayers, QgsProcessingParameterNumber, QgsProcessingParameterString,
                       QgsProject)

from .base import AlgorithmBase
from . import layout as lay
from .styling import BEYOND_COLOUR as BEYOND
from .styling import qml_path_for

PAPER_CHOICES = ["A4", "A3"]


TYPE1 = re.compile(r"type[\s_-]?1\b", re.IGNORECASE)


def _beyond_labels(layer):
    """Labels of a raster style's open-ended last class (e.g. "over 60 min"), drawn grey."""
    from qgis.core import QgsRasterLayer, QgsSingleBandPseudoColorRenderer

    if not isinstance(layer, QgsRasterLayer) or not isinstance(layer.renderer(), QgsSingleBandPseudoColorRenderer):
        return []
    fn = layer.renderer().shader().rasterShaderFunction() if layer.renderer().shader() else None
    items = fn.colorRampItemList() if fn is not None and hasattr(fn, "colorRampItemList") else []
    if items and math.isinf(items[-1].value) and items[-1].value > 0 and items[-1].color.name() == BEYOND:
        return [items[-1].label]
    return []


class ConsultationMapAlgorithm(AlgorithmBase):
    NAME = "consultationmap"
    REQUIRES = ()

    LAYERS = "LAYERS"
    TITLE = "TITLE"
    SUBTITLE = "SUBTITLE"
    PAPER = "PAPER"
    ORIENTATION = "ORIENTATION"
    FORMAT = "FORMAT"
    DPI = "DPI"
    SUMMARY = "SUMMARY"
    ATTRIBUTION = "ATTRIBUTION"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return self.tr("Export consultation map")

    def flags(self):
        # layouts render on the main thread (as QGIS's own layout export algorithms do)
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def help_map(self):
        return {
            "": self.tr(
                "Exports a one-page consultation map ready to publish: a title band, the map of the chosen layers "
                "in their current styles (drive-time zones, area choropleths, sites, collaboration lines), a key "
                "with the plain-English band labels of the styles, a scale bar, a north arrow, a notes box with "
                "your summary, the date, and the attribution the data require (OpenStreetMap, Crown copyright / "
                "Open Government Licence, NHS), chosen from the layers. The map shows the union of the layers' "
                "extents on the British National Grid for British data. Points are drawn on top, then lines, "
                "polygons and rasters; within each kind the first layer listed is on top. File layers given by "
                "path use the .qml style beside them."),
            self.LAYERS: self.tr("Layers to show, styled as loaded (file layers: the .qml beside the file). "
                                 "The first listed is drawn on top within points, lines, polygons and rasters."),
            self.TITLE: self.tr("Title at the top of the page (one or two lines; 20 pt on A4)."),
            self.SUBTITLE: self.tr("Optional subtitle under the title, e.g. the area and the date of the data."),
            self.PAPER: self.tr("Paper size: A4 or A3 (text and symbols scale with the page)."),
            self.ORIENTATION: self.tr("Landscape (key and notes beside the map) or portrait (key and notes "
                                      "under the map)."),
            self.FORMAT: self.tr("PDF (vector, text kept as text), PNG (image) or SVG (vector drawing for "
                                 "design tools)."),
            self.DPI: self.tr("Resolution in dots per inch for the map image and PNG output (300 for print, "
                              "150 for screens)."),
            self.SUMMARY: self.tr("Optional text for the notes box, e.g. the coverage summary; line breaks are "
                                  "kept. A path to a .txt or .md file uses the file's text."),
            self.ATTRIBUTION: self.tr("Optional extra attribution lines (one per line), added to those chosen "
                                      "from the data."),
            self.OUTPUT: self.tr("The exported file (.pdf, .png or .svg, matching FORMAT)."),
            "PAGES": self.tr("Number output: pages written (one)."),
            "LAYERS_SHOWN": self.tr("Number output: layers drawn on the map."),
            "MAP_CRS": self.tr("String output: the CRS of the map (authority id, e.g. EPSG:27700)."),
            "EXAMPLE": "qgis_process run drivetime:consultationmap --LAYERS=drivetime_zones.gpkg "
                       "--LAYERS=sites.gpkg --TITLE=\"Drive times to A&E\" --PAPER=0 --FORMAT=0 "
                       "--OUTPUT=consultation_map.pdf",
        }

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add(QgsProcessingParameterMultipleLayers(self.LAYERS, self.tr("Layers to show"),
                                                      QgsProcessing.TypeMapLayer))
        self.add(QgsProcessingParameterString(self.TITLE, self.tr("Title"),
                                              self.tr("Drive times to the nearest site")))
        self.add(QgsProcessingParameterString(self.SUBTITLE, self.tr("Subtitle"), "", optional=True))
        self.add(QgsProcessingParameterEnum(self.PAPER, self.tr("Paper size"), PAPER_CHOICES, False, 0))
        self.add(QgsProcessingParameterEnum(self.ORIENTATION, self.tr("Orientation"),
                                            [self.tr("Landscape"), self.tr("Portrait")], False, 0))
        self.add(QgsProcessingParameterEnum(self.FORMAT, self.tr("Format"), lay.FORMATS, False, 0))
        self.add(QgsProcessingParameterNumber(self.DPI, self.tr("Resolution (dpi)"),
                                              QgsProcessingParameterNumber.Integer, 300, False, 72, 1200))
        self.add(QgsProcessingParameterString(self.SUMMARY, self.tr("Summary for the notes box"), "",
                                              multiLine=True, optional=True))
        self.add(QgsProcessingParameterString(self.ATTRIBUTION, self.tr("Extra attribution"), "",
                                              multiLine=True, optional=True), advanced=True)
        self.add(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Consultation map"),
            self.tr("PDF files (*.pdf);;PNG images (*.png);;SVG drawings (*.svg)")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Pages")))
        self.addOutput(QgsProcessingOutputNumber("LAYERS_SHOWN", self.tr("Layers shown")))
        self.addOutput(QgsProcessingOutputString("MAP_CRS", self.tr("Map CRS")))

    # -- helpers ----------------------------------------------------------------------------------------
    def _output_path(self, parameters, context, fmt):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not path:
            raise QgsProcessingException(self.tr("OUTPUT: give the file to write, e.g. consultation_map.pdf."))
        want = lay.EXTENSIONS[fmt]
        stem, ext = os.path.splitext(path)
        ext = ext.lower()
        if ext == want:
            return path
        if parameters.get(self.OUTPUT) == QgsProcessing.TEMPORARY_OUTPUT or not ext:
            return stem + want
        if ext in lay.EXTENSIONS.values():
            raise QgsProcessingException(self.tr(
                "OUTPUT ends in {ext} but FORMAT is {fmt}: give a file ending in {want}, or choose the matching "
                "FORMAT.").format(ext=ext, fmt=fmt, want=want))
        return path + want

    def _summary(self, parameters, context):
        text = self.parameterAsString(parameters, self.SUMMARY, context) or ""
        candidate = text.strip()
        if candidate and "\n" not in candidate and candidate.lower().endswith((".txt", ".md")):
            if not os.path.isfile(candidate):
                raise QgsProcessingException(self.tr(
                    "SUMMARY: the file {path} does not exist; give its full path, or the text itself.").format(
                    path=candidate))
            with open(candidate, encoding="utf-8") as f:
                text = f.read()
        return text.replace("\\n", "\n")

    def _prepare_layers(self, parameters, context, feedback):
        layers = self.parameterAsLayerList(parameters, self.LAYERS, context)
        if not layers:
            raise QgsProcessingException(self.tr(
                "LAYERS: choose at least one layer to show (e.g. the drive-time zones and the sites)."))
        temp_store = context.temporaryLayerStore()
        clones = []
        for layer in layers:
            if layer is None or not layer.isValid():
                raise QgsProcessingException(self.tr("LAYERS: a layer could not be opened; check the path."))
            clone = layer.clone()  # never touch the input layer
            if temp_store.mapLayer(layer.id()) is not None:
                # loaded from a path by Processing: use the style saved beside the file, as QGIS would on open
                qml = qml_path_for(layer.source())
                if os.path.isfile(qml):
                    _msg, ok = clone.loadNamedStyle(qml)
                    if not ok:
                        feedback.pushWarning(self.tr("Could not read the style {path}").format(path=qml))
            clone.setName(lay.friendly_name(layer))
            clones.append(clone)
        order = sorted(range(len(clones)), key=lambda i: (lay.draw_rank(clones[i]), i))
        return [clones[i] for i in order]

    def _notes(self, layers):
        """Caveats for the public: how times are modelled; what "type 1" means when the map shows it; that grey
        "over N min" patches at the edge mark where the road data stop, not long journeys."""
        notes = [self.tr("Drive times are modelled along the road network at typical speeds, without traffic, "
                         "turn restrictions or one-way streets: real journeys vary.")]
        if any(TYPE1.search(f"{lyr.name()} {lyr.source()}") for lyr in layers):
            notes.append(self.tr("Type 1 A&E: a major emergency department, consultant-led and open 24 hours with "
                                 "full resuscitation facilities (not a minor injuries unit or urgent treatment "
                                 "centre)."))
        beyond = [lab for lyr in layers for lab in _beyond_labels(lyr)]
        if beyond:
            notes.append(self.tr("Grey patches (\"{label}\") at the edge of the map are where the road data used "
                                 "stop (with the sample data: the edge of Buckinghamshire, Oxfordshire and "
                                 "Berkshire West), not places far from help.").format(label=beyond[0]))
        return notes

    # -- main -----------------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        fmt = lay.FORMATS[self.parameterAsEnum(parameters, self.FORMAT, context)]
        paper = PAPER_CHOICES[self.parameterAsEnum(parameters, self.PAPER, context)]
        landscape = self.parameterAsEnum(parameters, self.ORIENTATION, context) == 0
        dpi = self.parameterAsInt(parameters, self.DPI, context)
        if not 72 <= dpi <= 1200:
            raise QgsProcessingException(self.tr("DPI must be between 72 and 1200 (300 for print)."))
        title = (self.parameterAsString(parameters, self.TITLE, context) or "").strip()
        if not title:
            raise QgsProcessingException(self.tr("TITLE: give the map a title (it heads the page)."))
        subtitle = (self.parameterAsString(parameters, self.SUBTITLE, context) or "").strip()
        summary = self._summary(parameters, context)
        extra = [t for t in (self.parameterAsString(parameters, self.ATTRIBUTION, context) or "")
                 .replace("\\n", "\n").splitlines() if t.strip()]
        out = self._output_path(parameters, context, fmt)
        os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)

        layers = self._prepare_layers(parameters, context, feedback)
        feedback.setProgress(10)
        project = QgsProject()
        project.setTransformContext(context.transformContext())
        project.addMapLayers(layers, False)
        try:
            crs, extent = lay.map_crs_and_extent(layers, context.transformContext())
            if extent.isEmpty():
                raise QgsProcessingException(self.tr("LAYERS: the layers are empty; there is nothing to map."))
            project.setCrs(crs)
            attribution = lay.attribution_lines(layers, extra)
            notes = self._notes(layers)
            layout, warnings = lay.build_layout(project, layers, crs, extent, title, subtitle, summary, notes,
                                                attribution, paper, landscape)
            for w in warnings:
                feedback.pushWarning(w)
            feedback.pushInfo(self.tr("{paper} {orient} page, map in {crs}, {n} layers; attribution: {attr}").format(
                paper=paper, orient=self.tr("landscape") if landscape else self.tr("portrait"), crs=crs.authid(),
                n=len(layers),
                attr=" ".join(attribution) or "-"))
            feedback.setProgress(30)
            if feedback.isCanceled():
                return {}
            ok, message = lay.export_layout(layout, out, fmt, dpi)
            del layout
            if not ok:
                raise QgsProcessingException(self.tr("OUTPUT: could not write {path}: {msg}").format(
                    path=out, msg=message or self.tr("export failed (is the folder writable?)")))
        finally:
            project.removeAllMapLayers()
            del project
        feedback.setProgress(100)
        return {self.OUTPUT: out, "PAGES": 1, "LAYERS_SHOWN": len(layers), "MAP_CRS": crs.authid()}


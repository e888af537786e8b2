"""QGIS desktop glue: the plugin class, dependency check, translation."""

"""Layer preselection by name (plugin/layer_choice.py; Qt-free part): the right layer per role, none when nothing
fits, so a dialog never starts with the A&E points as population."""
from drivetime_equity.plugin import layer_choice as lc


class Named:
    def __init__(self, name):
        self._name = name

    def name(self):
        return self._name


class Field:
    def __init__(self, name, numeric):
        self._name, self._numeric = name, numeric

    def name(self):
        return self._name

    def isNumeric(self):  # noqa: N802
        return self._numeric


def test_pick_by_role():
    layers = [Named(n) for n in ("ae_sites", "lad11_oxfordshire", "lsoa11_oxfordshire", "speed", "drivetime",
                                 "roads_oxford_2012_osm")]
    by = {lyr.name(): lyr for lyr in layers}
    assert lc.pick(layers, "speed") is by["speed"]
    assert lc.pick(layers, "drivetime") is by["drivetime"]
    assert lc.pick(layers, "sites") is by["ae_sites"]
    assert lc.pick(layers, "areas") is by["lad11_oxfordshire"]
    assert lc.pick(layers, "population") is by["lsoa11_oxfordshire"]
    assert lc.pick(layers, "roads") is by["roads_oxford_2012_osm"]


def test_nothing_fits_nothing_chosen():
    layers = [Named("ae_sites"), Named("roads")]
    assert lc.pick(layers, "population") is None
    assert lc.pick(layers, "areas") is None
    assert lc.pick([Named("speed")], "speed", exclude=[]) is not None
    only = Named("speed")
    assert lc.pick([only], "speed", exclude=[only]) is None


def test_population_field():
    fields = [Field("lsoa11cd", False), Field("imd19_decile", True), Field("pop_mid2018", True)]
    assert lc.numeric_field(fields) == "pop_mid2018"
    assert lc.numeric_field([Field("name", False), Field("area_km2", True)]) is None

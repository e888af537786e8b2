"""Road class -> speed tables (km/h) and helpers.

Default speeds are for an emergency vehicle driving *without* blue-light privileges (a non-emergency journey:
speed limits and traffic apply), for modelling typical daytime drive times. They start from the national speed
limits and the DfT's measured average speeds -- road traffic statistics tables CGN0501 (average speed on local
'A' roads, weekday daytime: about 40 km/h in towns, 60+ km/h rural) and CGN0502 (average speed on the Strategic
Road Network: about 95-100 km/h on motorways) -- rounded down for junctions, bends and the vehicle.
They are a starting point: every value is editable in the SPEEDS parameter, and local calibration against real
journey times (e.g. CAD data) is strongly recommended.

Classes cover OpenStreetMap ``highway`` values (``*_link`` slip roads included) and the Ordnance Survey
OS Open Roads ``class`` / ``roadClassification`` values. Matching ignores case and surrounding spaces.
"""
import numpy as np

DEFAULT_SPEEDS = {
    # OpenStreetMap highway=*
    "motorway": 96.0,
    "motorway_link": 64.0,
    "trunk": 80.0,
    "trunk_link": 56.0,
    "primary": 64.0,
    "primary_link": 48.0,
    "secondary": 56.0,
    "secondary_link": 40.0,
    "tertiary": 48.0,
    "tertiary_link": 40.0,
    "unclassified": 40.0,
    "residential": 32.0,
    "road": 32.0,
    "living_street": 16.0,
    "service": 16.0,
    "track": 10.0,
    # OS Open Roads class / roadClassification
    "a road": 64.0,
    "b road": 56.0,
    "classified unnumbered": 48.0,
    "not classified": 40.0,
    "unknown": 32.0,
}

# Speed profiles: multipliers applied to the class speeds (given or default).
#
# "daytime": ordinary daytime driving, the speeds as they are (the table above).
# "blue_light": an emergency response with warning lights and sirens. THIS IS AN ASSUMPTION TO CALIBRATE with your
# own blue-light journeys (CAD / vehicle tracking, drivetime:calibrate), not a measured UK figure. It is set
# inside the range of the published time savings of lights-and-sirens driving over the same routes driven
# normally: 43.5 s per transport in a small city (Hunt et al. 1995, Ann Emerg Med 25(4):507-11), 1 min 46 s per
# urban response (Brown et al. 2000, Prehosp Emerg Care 4(1):70-4), 3.6 min = 31 % per rural response (Ho and
# Lindquist 2001, Prehosp Emerg Care 5(2):159-62). Savings come mostly where traffic, junctions and lower limits
# hold ordinary traffic back, so minor and urban roads gain most; motorways and trunk roads least (UK
# emergency vehicles are exempt from speed limits, s.87 Road Traffic Regulation Act 1984, but traffic and safety
# still bound them). The multipliers below shorten driving times by 9-20 %.
PROFILES = {
    "daytime": {},
    "blue_light": {
        "motorway": 1.10, "trunk": 1.15, "primary": 1.20, "secondary": 1.20, "a road": 1.20, "b road": 1.20,
        "tertiary": 1.25, "unclassified": 1.25, "residential": 1.25, "road": 1.25, "living_street": 1.25,
        "classified unnumbered": 1.25, "not classified": 1.25, "unknown": 1.25,
        "motorway_link": 1.15, "trunk_link": 1.15, "primary_link": 1.2, "secondary_link": 1.2,
        "tertiary_link": 1.25, "service": 1.1, "track": 1.0,
    },
}
PROFILE_KEYS = ("daytime", "blue_light")


def apply_profile(table, profile):
    """A copy of a {class: km/h} table with the profile's multipliers applied (classes it does not list: x1)."""
    if profile not in PROFILES:
        raise ValueError(f"unknown speed profile {profile!r}; choose one of {', '.join(PROFILE_KEYS)}")
    mult = PROFILES[profile]
    return {k: v * mult.get(k, 1.0) for k, v in table.items()}


# Default speed (km/h) for cells with no road: reaching the road network along drives, yards and tracks.
DEFAULT_OFFROAD_SPEED = 10.0
# Sanity limit (km/h) for any speed given or read: above it is a unit mistake (m/h, a wrong raster), not a road.
MAX_SPEED_KMH = 200.0


def normalise(name):
    return str(name).strip().lower() if name is not None else ""


def table_from_pairs(pairs):
    """Build a {class: km/h} table from (class, speed) pairs (e.g. a flattened Processing matrix).

    Raises ValueError on a non-numeric, negative, non-finite or absurd speed (above ``MAX_SPEED_KMH``; zero is
    allowed: impassable)."""
    table = {}
    for cls, speed in pairs:
        key = normalise(cls)
        if not key:
            continue
        try:
            value = float(speed)
        except (TypeError, ValueError):
            raise ValueError(f"speed for road class '{cls}' is not a number: {speed!r}") from None
        if not np.isfinite(value) or value < 0 or value > MAX_SPEED_KMH:
            raise ValueError(f"speed for road class '{cls}' must be zero (impassable) or positive, finite and at "
                             f"most {MAX_SPEED_KMH:g} km/h, got {speed!r}")
        table[key] = value
    return table


def lookup(classes, table):
    """Speeds for an iterable of class values; NaN where the class is not in the table."""
    out = np.full(len(classes), np.nan)
    for i, c in enumerate(classes):
        v = table.get(normalise(c))
        if v is not None:
            out[i] = v
    return out

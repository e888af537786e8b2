# needs: 15 (demo steps whose outputs this one reads; scripts/demo.sh runs it once they are done)
# Drive time to the nearest type-1 A&E inside the surface, on the calibrated surface (ordinary driving: the fitted
# fixed time + driving; no activation), with zones.
"$QP" run drivetime:drivetime --SPEED="$OUT/speed_calibrated.tif" \
  --SITES="$DATA/oxfordshire_demo.gpkg|layername=ae_sites|subset=ed_type1_curated = 1 AND bng_e > 396500 AND bng_e < 518500 AND bng_n > 141500 AND bng_n < 268500" \
  --ACTIVATION=0 --BANDS=15,20,30,45,60 --OUTPUT="$OUT/drivetime.tif" --OUTPUT_NEAREST="$OUT/nearest_site.tif" \
  --OUTPUT_ZONES="$OUT/drivetime_zones.gpkg" 2>&1 | grep -E "sites on|Reachable|ERROR|OUTPUT" || true
test -s "$OUT/drivetime.tif" && test -s "$OUT/drivetime.qml" && test -s "$OUT/drivetime_zones.gpkg"

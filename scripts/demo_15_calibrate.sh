# needs: 10 (demo steps whose outputs this one reads; scripts/demo.sh runs it once they are done)
# Calibrate the speed surface against 7,069 observed LSOA -> hospital journeys (Buckinghamshire, Berkshire West):
# a fixed time per journey + one speed factor, errors on held-out destinations. The drive times, the matrix, the
# coverage and the scenario below use the calibrated surface, which carries its fixed time with it.
"$QP" run drivetime:calibrate --SPEED="$OUT/speed.tif" \
  --JOURNEYS="$DATA/observed_journeys_bucks_berks.gpkg|layername=lsoa_to_hospital_minutes" --MINUTES_FIELD=minutes \
  --OUTPUT="$OUT/speed_calibrated.tif" --OUTPUT_JOURNEYS="$OUT/calibration_journeys.gpkg" \
  --OUTPUT_REPORT="$OUT/calibration.html" 2>&1 | grep -E "journeys on|Fitted|Before|After|ERROR|Error" || true
test -s "$OUT/speed_calibrated.tif" && test -s "$OUT/calibration.html" && test -s "$OUT/calibration_journeys.gpkg"

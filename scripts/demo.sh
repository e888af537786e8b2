#!/usr/bin/env bash
# Runs every scripts/demo_NN_*.sh. Environment: DATA (sample data folder), OUT (output folder), QP (qgis_process
# binary), PY (python), DEMO_JOBS (how many steps at a time; default 2, 1 = one after another in number order).
# Each step writes styled outputs (with .qml beside them) into $OUT. A step's first line may say "# needs: 10 15":
# the steps whose outputs it reads; it starts once they are done, so independent steps (e.g. the standby search
# and the calibration) share the two cores. Each step's messages are printed together when it ends.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${DATA:?}" "${OUT:?}" "${QP:=/usr/bin/qgis_process.bin}"
export DATA OUT QP PY
jobs_max="${DEMO_JOBS:-2}"
if [ "$jobs_max" -gt 1 ]; then
  # steps share the cores: one BLAS / OpenMP thread each (NumPy, SciPy, scikit-learn) instead of one per core per
  # step, whose idle threads spin (about 0.4 s of system time per step that uses them)
  export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}" OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
fi
mkdir -p "$OUT"
if [ ! -f "$DATA/oxfordshire_demo.gpkg" ]; then
  echo "sample data not found in $DATA (expected oxfordshire_demo.gpkg and bob_roads.gpkg)" >&2; exit 1
fi
logs="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$logs"' EXIT

run_step() {  # step file, log file: runs the step (stopping at its first failing command), writes its messages and time to the log
  local start=$EPOCHREALTIME rc=0
  bash -e "$1" >"$2" 2>&1 || rc=$?
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "   (%.1f s)\n", b - a }' >>"$2"
  return $rc
}

declare -A needs pid_step done_steps
pending=()
for step in "$here"/demo_[0-9][0-9]_*.sh; do
  n="$(basename "$step" | cut -c6-7)"
  pending+=("$step")
  needs[$step]="$(sed -n '1s/^# needs: *\([0-9 ]*\).*/\1/p' "$step")"
done
t0=$EPOCHREALTIME
running=0
while [ ${#pending[@]} -gt 0 ] || [ $running -gt 0 ]; do
  # start every pending step whose needs are done, up to jobs_max at a time, in number order
  left=()
  for step in "${pending[@]}"; do
    ready=1
    for d in ${needs[$step]}; do [ -n "${done_steps[$d]:-}" ] || ready=0; done
    if [ $ready = 1 ] && [ $running -lt "$jobs_max" ]; then
      run_step "$step" "$logs/$(basename "$step").log" &
      pid_step[$!]="$step"
      running=$((running + 1))
    else
      left+=("$step")
    fi
  done
  pending=("${left[@]+"${left[@]}"}")
  [ $running -gt 0 ] || { echo "demo: steps whose needs never finish: ${pending[*]}" >&2; exit 1; }
  rc=0
  wait -n -p finished || rc=$?
  step="${pid_step[$finished]}"
  running=$((running - 1))
  echo "== $(basename "$step")"
  cat "$logs/$(basename "$step").log"
  if [ $rc != 0 ]; then
    echo "demo: $(basename "$step") failed (exit $rc)" >&2; exit $rc
  fi
  done_steps[$(basename "$step" | cut -c6-7)]=1
done
awk -v a="$t0" -v b="$EPOCHREALTIME" -v j="$jobs_max" \
  'BEGIN { how = (j > 1) ? "up to " j " steps at a time" : "one after another"
          printf "Demo: every step passed in %.1f s (%s)\n", b - a, how }'
echo "Demo outputs in $OUT:"
ls -1 "$OUT"

# needs: 15 (demo steps whose outputs this one reads; scripts/demo.sh runs it once they are done)
# Scenario: Horton General Hospital (Banbury) A&E closes. Baseline = the type-1 A&E sites inside the speed surface;
# people from the LSOA populations, by district, urbanity (ONS RUC2011) and IMD decile; thresholds to 60 minutes.
SITES="ed_type1_curated = 1 AND bng_e > 396500 AND bng_e < 518500 AND bng_n > 141500 AND bng_n < 268500"
"$QP" run drivetime:scenario --SPEED="$OUT/speed_calibrated.tif" \
  --BASELINE_SITES="$DATA/oxfordshire_demo.gpkg|layername=ae_sites|subset=$SITES" \
  --SCENARIO_SITES="$DATA/oxfordshire_demo.gpkg|layername=ae_sites|subset=$SITES AND site_name <> 'Horton General Hospital'" \
  --AREAS="$DATA/oxfordshire_demo.gpkg|layername=lad11_oxfordshire" --AREA_ID_FIELD=lad11nm \
  --POPULATION="$DATA/oxfordshire_demo.gpkg|layername=lsoa11_oxfordshire" --POPULATION_FIELD=pop_mid2018 \
  --URBANITY_FIELD=ruc11cd --GROUP_FIELD=imd19_decile --THRESHOLDS=20,30,45,60 --TARGET=30 \
  --OUTPUT_DELTA="$OUT/scenario_delta.tif" --OUTPUT="$OUT/scenario_areas.gpkg" \
  --OUTPUT_TABLE="$OUT/scenario_table.csv" --OUTPUT_SUMMARY="$OUT/scenario_summary.html" 2>&1 \
  | grep -E "Baseline:|Across|Within 30|In Cherwell|ERROR" || true
test -s "$OUT/scenario_delta.tif" && test -s "$OUT/scenario_delta.qml" && test -s "$OUT/scenario_areas.gpkg" \
  && test -s "$OUT/scenario_areas.qml" && test -s "$OUT/scenario_table.csv" && test -s "$OUT/scenario_summary.html"

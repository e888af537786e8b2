# needs: 20 (demo steps whose outputs this one reads; scripts/demo.sh runs it once they are done)
# Coverage of the BOB PCTs from the BOB LSOAs (WGS 84, reprojected on the fly), when the sample has them.
G="$DATA/oxfordshire_demo.gpkg"
if [ -f "$DATA/extra/lsoa11_bob.geojson" ]; then
  "$QP" run drivetime:coverage --DRIVETIME="$OUT/drivetime.tif" \
    --AREAS="$G|layername=pct11_bob_derived" --AREA_ID_FIELD=pct11cd_nhs --AREA_NAME_FIELD=pct11nm \
    --POPULATION="$DATA/extra/lsoa11_bob.geojson" --POPULATION_FIELD=pop_mid2018 \
    --URBANITY_FIELD=ruc11cd --GROUP_FIELD=imd19_decile --THRESHOLDS=15,20,30,45,60 --TARGET=30 --STUDY_AREA_NAME=BOB \
    --OUTPUT="$OUT/coverage_pct.gpkg" --OUTPUT_TABLE="$OUT/coverage_pct_table.gpkg" \
    --OUTPUT_SUMMARY="$OUT/coverage_pct.html" 2>&1 | grep -E "Population:|^Across|^  [A-Z]|ERROR" || true
  test -s "$OUT/coverage_pct.gpkg" && test -s "$OUT/coverage_pct.qml" && test -s "$OUT/coverage_pct.html"
fi

# needs: 20 (demo steps whose outputs this one reads; scripts/demo.sh runs it once they are done)
# Coverage and equity gaps: districts of Oxfordshire (LSOA population, ONS rural-urban class, IMD decile),
# against the drive time of demo step 20 (steps 31 and 32: the same from a population raster, and the BOB PCTs).
G="$DATA/oxfordshire_demo.gpkg"
"$QP" run drivetime:coverage --DRIVETIME="$OUT/drivetime.tif" \
  --AREAS="$G|layername=lad11_oxfordshire" --AREA_ID_FIELD=lad11nm \
  --POPULATION="$G|layername=lsoa11_oxfordshire" --POPULATION_FIELD=pop_mid2018 \
  --URBANITY_FIELD=ruc11cd --GROUP_FIELD=imd19_decile --THRESHOLDS=15,20,30,45,60 --TARGET=30 --TARGET_SHARE=90 \
  --STUDY_AREA_NAME=Oxfordshire --OUTPUT="$OUT/coverage_districts.gpkg" \
  --OUTPUT_TABLE="$OUT/coverage_districts_table.gpkg" --OUTPUT_SUMMARY="$OUT/coverage_districts.html" 2>&1 \
  | grep -E "Population:|^Across|^  [A-Z]|ERROR" || true
test -s "$OUT/coverage_districts.gpkg" && test -s "$OUT/coverage_districts.qml" \
  && test -s "$OUT/coverage_districts_table.gpkg" && test -s "$OUT/coverage_districts_table.qml" \
  && test -s "$OUT/coverage_districts.html"

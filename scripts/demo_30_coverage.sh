# needs: 20 (demo steps whose outputs this one reads; scripts/demo.sh runs it once they are done)
# Coverage and equity gaps: districts of Oxfordshire (LSOA population, ONS rural-urban class, IMD decile), then
# the BOB PCTs from the BOB LSOAs (WGS 84, reprojected on the fly), against the drive time of demo step 20.
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
# the same districts from the sample's 500 m population raster (POPULATION_RASTER; GeoTIFF for the command line):
# the district totals should agree with the LSOA run above to within the people of cells cut by the county edge
gdal_translate -q -of GTiff "GPKG:$G:pop_mid2018_500m" "$OUT/pop_mid2018_500m.tif"
"$QP" run drivetime:coverage --DRIVETIME="$OUT/drivetime.tif" \
  --AREAS="$G|layername=lad11_oxfordshire" --AREA_ID_FIELD=lad11nm --POPULATION_RASTER="$OUT/pop_mid2018_500m.tif" \
  --THRESHOLDS=15,20,30,45,60 --TARGET=30 --TARGET_SHARE=90 --STUDY_AREA_NAME=Oxfordshire \
  --OUTPUT="$OUT/coverage_districts_raster.gpkg" --OUTPUT_TABLE="$OUT/coverage_districts_raster_table.gpkg" 2>&1 \
  | grep -E "Population:|^Across|ERROR" || true
test -s "$OUT/coverage_districts_raster.gpkg"
if [ -f "$DATA/extra/lsoa11_bob.geojson" ]; then
  "$QP" run drivetime:coverage --DRIVETIME="$OUT/drivetime.tif" \
    --AREAS="$G|layername=pct11_bob_derived" --AREA_ID_FIELD=pct11cd_nhs --AREA_NAME_FIELD=pct11nm \
    --POPULATION="$DATA/extra/lsoa11_bob.geojson" --POPULATION_FIELD=pop_mid2018 \
    --URBANITY_FIELD=ruc11cd --GROUP_FIELD=imd19_decile --THRESHOLDS=15,20,30,45,60 --TARGET=30 --STUDY_AREA_NAME=BOB \
    --OUTPUT="$OUT/coverage_pct.gpkg" --OUTPUT_TABLE="$OUT/coverage_pct_table.gpkg" \
    --OUTPUT_SUMMARY="$OUT/coverage_pct.html" 2>&1 | grep -E "Population:|^Across|^  [A-Z]|ERROR" || true
  test -s "$OUT/coverage_pct.gpkg" && test -s "$OUT/coverage_pct.qml" && test -s "$OUT/coverage_pct.html"
fi

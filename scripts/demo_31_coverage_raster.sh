# needs: 20 (demo steps whose outputs this one reads; scripts/demo.sh runs it once they are done)
# Coverage by district again, from the sample's 500 m population raster (POPULATION_RASTER; GeoTIFF for the
# command line): the district totals should agree with the LSOA run of demo step 30 to within the people of
# cells cut by the county edge.
G="$DATA/oxfordshire_demo.gpkg"
gdal_translate -q -of GTiff "GPKG:$G:pop_mid2018_500m" "$OUT/pop_mid2018_500m.tif"
"$QP" run drivetime:coverage --DRIVETIME="$OUT/drivetime.tif" \
  --AREAS="$G|layername=lad11_oxfordshire" --AREA_ID_FIELD=lad11nm --POPULATION_RASTER="$OUT/pop_mid2018_500m.tif" \
  --THRESHOLDS=15,20,30,45,60 --TARGET=30 --TARGET_SHARE=90 --STUDY_AREA_NAME=Oxfordshire \
  --OUTPUT="$OUT/coverage_districts_raster.gpkg" --OUTPUT_TABLE="$OUT/coverage_districts_raster_table.gpkg" 2>&1 \
  | grep -E "Population:|^Across|ERROR" || true
test -s "$OUT/coverage_districts_raster.gpkg"

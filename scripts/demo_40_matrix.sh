# needs: 15 (demo steps whose outputs this one reads; scripts/demo.sh runs it once they are done)
# A&E travel-time matrix and collaboration bands between the type-1 A&E sites inside the speed surface
# (same subset as demo_20_drivetime.sh): pair table, styled lines, sites with groups, wide CSV, and the raster
# of how many sites lie within each band break of every cell.
"$QP" run drivetime:matrix --SPEED="$OUT/speed_calibrated.tif" \
  --SITES="$DATA/oxfordshire_demo.gpkg|layername=ae_sites|subset=ed_type1_curated = 1 AND bng_e > 396500 AND bng_e < 518500 AND bng_n > 141500 AND bng_n < 268500" \
  --SITE_ID_FIELD=site_code_2014 --SITE_NAME_FIELD=site_name --BANDS=30,45,60 \
  --OUTPUT="$OUT/ae_matrix_pairs.gpkg" --OUTPUT_LINES="$OUT/ae_collaboration_lines.gpkg" \
  --OUTPUT_SITES="$OUT/ae_collaboration_sites.gpkg" --OUTPUT_MATRIX="$OUT/ae_matrix.csv" \
  --OUTPUT_ZONES="$OUT/ae_sites_within_bands.tif" 2>&1 | grep -E "sites,|Band |Unreachable|Pair times|groups|group\(s\)|Cells within|ERROR|Error|OUTPUT" || true
test -s "$OUT/ae_matrix_pairs.gpkg" && test -s "$OUT/ae_collaboration_lines.gpkg" && test -s "$OUT/ae_collaboration_lines.qml"
test -s "$OUT/ae_collaboration_sites.gpkg" && test -s "$OUT/ae_collaboration_sites.qml" && test -s "$OUT/ae_matrix.csv"
test -s "$OUT/ae_sites_within_bands.tif" && test -s "$OUT/ae_sites_within_bands.qml"
# headline: John Radcliffe (RTH08) - Horton (RTH05)
awk -F, 'NR == 1 { for (i = 2; i <= NF; i++) if ($i ~ /Horton/) h = i } $1 ~ /John Radcliffe/ { print "   John Radcliffe - Horton General: " $h " min" }' "$OUT/ae_matrix.csv"

# Speed surface of the whole BOB area from the OpenStreetMap roads (50 m cells).
"$QP" run drivetime:speedsurface --ROADS="$DATA/bob_roads.gpkg|layername=osm_roads_2021" --CLASS_FIELD=highway \
  --EXTENT="396000,519000,141000,269000 [EPSG:27700]" --CELL_SIZE=50 --OFFROAD_SPEED=10 \
  --OUTPUT="$OUT/speed.tif" 2>&1 | grep -E "Grid|road features|ERROR|OUTPUT:" || true
test -s "$OUT/speed.tif" && test -s "$OUT/speed.qml"

<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" maxScale="0" minScale="1e+08">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal mode="0" enabled="0" fetchMode="0">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <customproperties>
    <Option type="Map">
      <Option type="QString" name="identify/format" value="Value"/>
    </Option>
  </customproperties>
  <pipe-data-defined-properties>
    <Option type="Map">
      <Option type="QString" name="name" value=""/>
      <Option name="properties"/>
      <Option type="QString" name="type" value="collection"/>
    </Option>
  </pipe-data-defined-properties>
  <pipe>
    <provider>
      <resampling zoomedOutResamplingMethod="nearestNeighbour" zoomedInResamplingMethod="nearestNeighbour" maxOversampling="2" enabled="false"/>
    </provider>
    <rasterrenderer alphaBand="-1" type="singlebandpseudocolor" classificationMax="10" opacity="0.85" classificationMin="-10" band="1" nodataColor="">
      <minMaxOrigin>
        <limits>None</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Estimated</statAccuracy>
        <cumulativeCutLower>0.02</cumulativeCutLower>
        <cumulativeCutUpper>0.98</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
      <rastershader>
        <colorrampshader maximumValue="10" clip="0" labelPrecision="6" colorRampType="DISCRETE" classificationMode="1" minimumValue="-10">
          <item alpha="255" color="#2166ac" label="10+ min shorter" value="-10"/>
          <item alpha="255" color="#4393c3" label="5–10 min shorter" value="-5"/>
          <item alpha="255" color="#92c5de" label="2–5 min shorter" value="-2"/>
          <item alpha="255" color="#d1e5f0" label="0.5–2 min shorter" value="-0.5"/>
          <item alpha="255" color="#f7f7f7" label="within ±0.5 min" value="0.5"/>
          <item alpha="255" color="#fddbc7" label="0.5–2 min longer" value="2"/>
          <item alpha="255" color="#f4a582" label="2–5 min longer" value="5"/>
          <item alpha="255" color="#d6604d" label="5–10 min longer" value="10"/>
          <item alpha="255" color="#b2182b" label="10+ min longer" value="inf"/>
          <rampLegendSettings minimumLabel="" orientation="2" maximumLabel="" useContinuousLegend="1" suffix="" prefix="" direction="0">
            <numericFormat id="basic">
              <Option type="Map">
                <Option type="QChar" name="decimal_separator" value=""/>
                <Option type="int" name="decimals" value="6"/>
                <Option type="int" name="rounding_type" value="0"/>
                <Option type="bool" name="show_plus" value="false"/>
                <Option type="bool" name="show_thousand_separator" value="true"/>
                <Option type="bool" name="show_trailing_zeros" value="false"/>
                <Option type="QChar" name="thousand_separator" value=""/>
              </Option>
            </numericFormat>
          </rampLegendSettings>
        </colorrampshader>
      </rastershader>
    </rasterrenderer>
    <brightnesscontrast contrast="0" gamma="1" brightness="0"/>
    <huesaturation grayscaleMode="0" saturation="0" colorizeStrength="100" invertColors="0" colorizeGreen="128" colorizeBlue="128" colorizeOn="0" colorizeRed="255"/>
    <rasterresampler maxOversampling="2"/>
    <resamplingStage>resamplingFilter</resamplingStage>
  </pipe>
  <blendMode>0</blendMode>
</qgis>

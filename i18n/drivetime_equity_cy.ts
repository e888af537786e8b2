<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en">
    <context>
        <name>CalibrateAlgorithm</name>
        <message>
            <location filename="../processing/alg_calibrate.py" line="66" />
            <source>Calibrate against observed journeys</source>
            <translation>Graddnodi yn erbyn teithiau a arsylwyd</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="70" />
            <source>Fits the speed surface to journey times you know (CAD or vehicle-tracking journeys, or published travel times) and writes a calibrated surface. The model is: journey time = fixed time + driving time over the surface (scaled by fitted speed factors). The fixed time covers what a raster cannot see: junctions, turns, parking, getting in and out. The calibrated surface carries the fixed time in its metadata, and every algorithm that reads it (drive time, matrix, scenario, standby) adds it to every journey, with no extra parameter. Errors are reported on held-out journeys (cross-validation): journeys to the same destination are held out together by default, so the figures show how well the times carry over to places the fit never saw.</source>
            <translation>Yn ffitio'r arwyneb cyflymder i amseroedd teithiau rydych yn eu gwybod (teithiau CAD neu olrhain cerbydau, neu amseroedd teithio cyhoeddedig) ac yn ysgrifennu arwyneb wedi'i raddnodi. Y model yw: amser taith = amser sefydlog + amser gyrru dros yr arwyneb (wedi'i raddio gan ffactorau cyflymder wedi'u ffitio). Mae'r amser sefydlog yn cynnwys yr hyn na all rhastr ei weld: cyffyrdd, troadau, parcio, mynd i mewn i'r cerbyd a dod allan ohono. Mae'r arwyneb wedi'i raddnodi yn cario'r amser sefydlog yn ei fetadata, ac mae pob algorithm sy'n ei ddarllen (amser gyrru, matrics, senario, wrth gefn) yn ei ychwanegu at bob taith, heb unrhyw baramedr ychwanegol. Caiff gwallau eu hadrodd ar deithiau a ddaliwyd yn ôl (croes-ddilysu): yn ôl y rhagosodiad, caiff teithiau i'r un gyrchfan eu dal yn ôl gyda'i gilydd, felly mae'r ffigurau'n dangos pa mor dda y mae'r amseroedd yn trosglwyddo i leoedd na welodd y ffitiad erioed.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="79" />
            <source>Speed surface in km/h to calibrate (from 'Build speed surface').</source>
            <translation>Arwyneb cyflymder mewn km/awr i'w raddnodi (o 'Adeiladu arwyneb cyflymder').</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="80" />
            <source>Observed journeys as lines: the first vertex is the origin, the last the destination (a straight line between them is enough). Any CRS.</source>
            <translation>Teithiau a arsylwyd fel llinellau: y fertig cyntaf yw'r tarddle, a'r olaf yw'r gyrchfan (mae llinell syth rhyngddynt yn ddigon). Unrhyw CRS.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="82" />
            <source>Numeric field with the observed journey time in minutes (positive).</source>
            <translation>Maes rhifol gydag amser y daith a arsylwyd mewn munudau (positif).</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="83" />
            <source>What is fitted. Fixed time + one speed factor (2 parameters, the default): one scale for every road. Fixed time only (1 parameter): speeds as they are. Fixed time + a factor per speed group (up to 5 parameters: motorways and trunk roads, A and B roads, minor roads, service roads and off-road): slower, and only better with many journeys of every kind.</source>
            <translation>Beth sy'n cael ei ffitio. Amser sefydlog + un ffactor cyflymder (2 baramedr, y rhagosodiad): un raddfa ar gyfer pob ffordd. Amser sefydlog yn unig (1 paramedr): y cyflymderau fel y maent. Amser sefydlog + ffactor i bob grŵp cyflymder (hyd at 5 paramedr: traffyrdd a chefnffyrdd, ffyrdd A a B, mân ffyrdd, ffyrdd gwasanaeth ac oddi ar y ffordd): arafach, a dim ond yn well gyda llawer o deithiau o bob math.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="88" />
            <source>Number of cross-validation folds (2-20). Each fold is fitted on the other journeys and predicted held out.</source>
            <translation>Nifer y plygiadau croes-ddilysu (2-20). Caiff pob plyg ei ffitio ar y teithiau eraill a'i ragfynegi wedi'i ddal yn ôl.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="90" />
            <source>What each fold holds out together: every journey to one destination (the default; a strict test), from one origin, or single journeys at random.</source>
            <translation>Beth mae pob plyg yn ei ddal yn ôl gyda'i gilydd: pob taith i un gyrchfan (y rhagosodiad; prawf llym), o un tarddle, neu deithiau unigol ar hap.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="92" />
            <source>Seed of the random assignment of folds (the same seed gives the same folds).</source>
            <translation>Hedyn ar gyfer neilltuo'r plygiadau ar hap (mae'r un hedyn yn rhoi'r un plygiadau).</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="93" />
            <source>A journey end on an impassable cell is moved to the nearest passable cell within this many metres; ends further away are reported, not used.</source>
            <translation>Caiff pen taith ar gell anhramwyadwy ei symud i'r gell dramwyadwy agosaf o fewn y nifer hwn o fetrau; caiff pennau sydd ymhellach i ffwrdd eu hadrodd, ond nid eu defnyddio.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="95" />
            <source>Calibrated speed surface (km/h, float32 GeoTIFF) with the fixed time in its metadata (DRIVETIME_FIXED_MINUTES).</source>
            <translation>Arwyneb cyflymder wedi'i raddnodi (km/awr, GeoTIFF float32) gyda'r amser sefydlog yn ei fetadata (DRIVETIME_FIXED_MINUTES).</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="97" />
            <source>Each journey with its observed time, modelled times before and after calibration and held out, the held-out error, its fold and its status (used, or why not).</source>
            <translation>Pob taith gyda'i hamser a arsylwyd, yr amseroedd wedi'u modelu cyn graddnodi, ar ôl graddnodi ac wedi'u dal yn ôl, y gwall wedi dal yn ôl, ei phlyg a'i statws (wedi'i defnyddio, neu pam lai).</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="100" />
            <source>HTML report: fitted parameters with standard errors, held-out errors (median |error|, mean signed error, share within ±10 %, collaboration-band agreement) and plots.</source>
            <translation>Adroddiad HTML: paramedrau wedi'u ffitio gyda gwallau safonol, gwallau wedi dal yn ôl (|gwall| canolrifol, gwall cymedrig ag arwydd, cyfran o fewn ±10 %, cytundeb bandiau cydweithio) a graffiau.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="103" />
            <source>The fitted fixed time in minutes per journey (also in OUTPUT's metadata).</source>
            <translation>Yr amser sefydlog a ffitiwyd, mewn munudau y daith (hefyd ym metadata OUTPUT).</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="104" />
            <source>The fitted driving-time multiplier (speeds are divided by it); NaN with a factor per speed group.</source>
            <translation>Y lluosydd amser gyrru a ffitiwyd (rhennir y cyflymderau ganddo); NaN gyda ffactor i bob grŵp cyflymder.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="106" />
            <source>Number of journeys used in the fit (both ends on the surface, an observed time, reachable).</source>
            <translation>Nifer y teithiau a ddefnyddiwyd yn y ffit (y ddau ben ar yr arwyneb, amser a arsylwyd, modd eu cyrraedd).</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="108" />
            <source>Median absolute error of the held-out predictions, in percent of the observed time.</source>
            <translation>Gwall absoliwt canolrifol y rhagfynegiadau a ddaliwyd yn ôl, fel canran o'r amser a arsylwyd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="110" />
            <source>Share of journeys whose held-out time falls in the same collaboration band (≤30, 30–45, 45–60, over 60 min) as the observed time, percent.</source>
            <translation>Cyfran y teithiau y mae eu hamser a ddaliwyd yn ôl yn yr un band cydweithio (≤30, 30–45, 45–60, dros 60 mun) â'r amser a arsylwyd, canran.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="120" />
            <source>Observed journeys (lines)</source>
            <translation>Teithiau a arsylwyd (llinellau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="122" />
            <source>Observed minutes field</source>
            <translation>Maes munudau a arsylwyd</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="124" />
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="125" />
            <source>Cross-validation folds</source>
            <translation>Plygiadau croes-ddilysu</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="127" />
            <source>Hold out together</source>
            <translation>Dal yn ôl gyda'i gilydd</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="128" />
            <source>Journeys to one destination</source>
            <translation>Teithiau i un gyrchfan</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="128" />
            <source>Journeys from one origin</source>
            <translation>Teithiau o un tarddle</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="129" />
            <source>Single journeys</source>
            <translation>Teithiau unigol</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="130" />
            <source>Random seed</source>
            <translation>Hedyn ar hap</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="133" />
            <source>Snap journey ends to passable cells within (m)</source>
            <translation>Symud pennau teithiau i gelloedd tramwyadwy o fewn (m)</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="134" />
            <source>Calibrated speed surface</source>
            <translation>Arwyneb cyflymder wedi'i raddnodi</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="135" />
            <source>Journeys with errors</source>
            <translation>Teithiau gyda gwallau</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="137" />
            <source>Calibration report</source>
            <translation>Adroddiad graddnodi</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="138" />
            <source>HTML files (*.html)</source>
            <translation>Ffeiliau HTML (*.html)</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="139" />
            <source>Fitted fixed time (minutes)</source>
            <translation>Amser sefydlog wedi'i ffitio (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="140" />
            <source>Fitted speed factor (time multiplier; NaN per group)</source>
            <translation>Ffactor cyflymder wedi'i ffitio (lluosydd amser; NaN fesul grŵp)</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="141" />
            <source>Journeys used</source>
            <translation>Teithiau a ddefnyddiwyd</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="142" />
            <source>Held-out median |error| (%)</source>
            <translation>|Gwall| canolrifol wedi dal yn ôl (%)</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="143" />
            <source>Held-out band agreement (%)</source>
            <translation>Cytundeb bandiau wedi dal yn ôl (%)</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="147" />
            <source>Fixed time + one speed factor</source>
            <translation>Amser sefydlog + un ffactor cyflymder</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="147" />
            <source>Fixed time only</source>
            <translation>Amser sefydlog yn unig</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="148" />
            <source>Fixed time + a speed factor per speed group</source>
            <translation>Amser sefydlog + ffactor cyflymder i bob grŵp cyflymder</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="157" />
            <source>JOURNEYS: no layer given.</source>
            <translation>JOURNEYS: ni roddwyd haen.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="159" />
            <source>JOURNEYS: the layer holds {kind} geometries; give lines from origin (first vertex) to destination (last vertex). From a table of origin and destination points, make them with 'XY to line' or 'Join by lines (hub lines)'.</source>
            <translation>JOURNEYS: mae'r haen yn cynnwys geometregau {kind}; rhowch linellau o'r tarddle (y fertig cyntaf) i'r gyrchfan (y fertig olaf). O dabl o bwyntiau tarddle a chyrchfan, crëwch nhw gyda 'XY to line' neu 'Join by lines (hub lines)'.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="167" />
            <source>MINUTES_FIELD: the journeys layer has no field '{f}'. Its fields are: {fields}.</source>
            <translation>MINUTES_FIELD: nid oes gan yr haen teithiau faes '{f}'. Ei meysydd yw: {fields}.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="171" />
            <source>MINUTES_FIELD: '{f}' is a {t} field; choose a numeric field holding minutes (or convert it with the field calculator: to_real("{f}")).</source>
            <translation>MINUTES_FIELD: mae '{f}' yn faes {t}; dewiswch faes rhifol sy'n cynnwys munudau (neu trowch ef yn rhif gyda'r Field calculator: to_real("{f}")).</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="191" />
            <source>MINUTES_FIELD: journey {fid} has {m:g} minutes; observed times must be positive. Remove or correct such journeys (a filter such as "{f}" &gt; 0).</source>
            <translation>MINUTES_FIELD: mae gan daith {fid} {m:g} munud; rhaid i amseroedd a arsylwyd fod yn bositif. Tynnwch neu cywirwch deithiau o'r fath (hidlydd fel "{f}" &gt; 0).</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="199" />
            <source>JOURNEYS: the layer has no journeys with a geometry (is it empty, or an empty selection?).</source>
            <translation>JOURNEYS: nid oes gan yr haen deithiau â geometreg (a yw'n wag, neu'n ddetholiad gwag?).</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="261" />
            <source>FOLDS must be between 2 and 20 (default 5).</source>
            <translation>Rhaid i FOLDS fod rhwng 2 ac 20 (rhagosodiad 5).</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="282" />
            <source>{n} of {t} journeys have an end outside the speed surface or far from any passable cell: they are not used (see the status field of OUTPUT_JOURNEYS). Build the surface over an extent that covers them.</source>
            <translation>Mae gan {n} o {t} taith ben y tu allan i'r arwyneb cyflymder neu ymhell o unrhyw gell dramwyadwy: nid ydynt yn cael eu defnyddio (gweler y maes status yn OUTPUT_JOURNEYS). Adeiladwch yr arwyneb dros estyniad sy'n eu cwmpasu.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="287" />
            <source>JOURNEYS: only {n} journey(s) have both ends on the speed surface and an observed time; at least 3 are needed (check that the journeys and the surface cover the same area).</source>
            <translation>JOURNEYS: dim ond {n} taith sydd â'r ddau ben ar yr arwyneb cyflymder ac amser a arsylwyd; mae angen o leiaf 3 (gwiriwch fod y teithiau a'r arwyneb yn cwmpasu'r un ardal).</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="303" />
            <source>FOLD_BY: every usable journey has the same {what}, so none can be held out; choose another FOLD_BY.</source>
            <translation>FOLD_BY: mae gan bob taith y gellir ei defnyddio yr un {what}, felly ni ellir dal yr un ohonynt yn ôl; dewiswch FOLD_BY arall.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="306" />
            <source>{n} journeys on a {r} x {c} grid of {s:g} m cells; model: {m}; {k}-fold cross-validation holding out by {by} ({g} groups).</source>
            <translation>{n} taith ar grid {r} x {c} o gelloedd {s:g} m; model: {m}; croes-ddilysu {k} plyg yn dal yn ôl fesul {by} ({g} grŵp).</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="318" />
            <source>{n} journeys cannot be driven on the surface (an end cut off by barriers or missing roads): not used.</source>
            <translation>Ni ellir gyrru {n} taith ar yr arwyneb (pen wedi'i dorri i ffwrdd gan rwystrau neu ffyrdd coll): heb eu defnyddio.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="338" />
            <source>The calibrated surface has speeds up to {v:.0f} km/h, above the {m:g} km/h the drive-time algorithms accept, so they will refuse it: the observed times are implausibly short for this surface. Check the units of MINUTES_FIELD (minutes) and the journeys' ends.</source>
            <translation>Mae gan yr arwyneb wedi'i galibro gyflymderau hyd at {v:.0f} km/awr, uwchlaw'r {m:g} km/awr y mae'r algorithmau amser gyrru yn eu derbyn, felly byddant yn ei wrthod: mae'r amseroedd a arsylwyd yn annhebygol o fyr ar gyfer yr arwyneb hwn. Gwiriwch unedau MINUTES_FIELD (munudau) a phennau'r teithiau.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="356" />
            <source>Calibrated speed surface (km/h)</source>
            <translation>Arwyneb cyflymder wedi'i raddnodi (km/awr)</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="366" />
            <source>Fitted fixed time: {f:.2f} min per journey (± {se:.2f}).</source>
            <translation>Amser sefydlog wedi'i ffitio: {f:.2f} mun i bob taith (± {se:.2f}).</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="369" />
            <source>Fitted speed factor: driving times × {k:.3f} (speeds ÷ {k:.3f}).</source>
            <translation>Ffactor cyflymder wedi'i ffitio: amseroedd gyrru × {k:.3f} (cyflymderau ÷ {k:.3f}).</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="373" />
            <source>  {name}: driving times × {k:.3f}{note}</source>
            <translation>  {name}: amseroedd gyrru × {k:.3f}{note}</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="375" />
            <source> (too little time there to fit: kept)</source>
            <translation> (rhy ychydig o amser yno i'w ffitio: wedi'i gadw)</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="377" />
            <source>Before: median |error| {a:.1f} %, mean {s:+.1f} min, {w:.1f} % within ±10 %, {b:.1f} % in the same band.</source>
            <translation>Cyn: |gwall| canolrifol {a:.1f} %, cymedr {s:+.1f} mun, {w:.1f} % o fewn ±10 %, {b:.1f} % yn yr un band.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="382" />
            <source>After (held out): median |error| {a:.1f} %, mean {s:+.1f} min, {w:.1f} % within ±10 %, {b:.1f} % in the same band.</source>
            <translation>Ar ôl (wedi dal yn ôl): |gwall| canolrifol {a:.1f} %, cymedr {s:+.1f} mun, {w:.1f} % o fewn ±10 %, {b:.1f} % yn yr un band.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="415" />
            <source>OUTPUT_JOURNEYS: writing a journey failed: {err}</source>
            <translation>OUTPUT_JOURNEYS: methodd ysgrifennu taith: {err}</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="420" />
            <source>Journeys: held-out error</source>
            <translation>Teithiau: gwall wedi dal yn ôl</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="429" />
            <source>fixed time (minutes per journey)</source>
            <translation>amser sefydlog (munudau i bob taith)</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="430" />
            <source>added to every journey</source>
            <translation>wedi'i ychwanegu at bob taith</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="432" />
            <source>speed factor (driving-time multiplier)</source>
            <translation>ffactor cyflymder (lluosydd amser gyrru)</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="433" />
            <source>above 1: slower than the input speeds</source>
            <translation>uwchlaw 1: arafach na'r cyflymderau mewnbwn</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="436" />
            <source>time factor: {name}</source>
            <translation>ffactor amser: {name}</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="438" />
            <source>{p:.0f} % of the modelled driving time</source>
            <translation>{p:.0f} % o'r amser gyrru wedi'i fodelu</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="442" />
            <source>Across the {k} folds the fixed time ranged from {a:.2f} to {b:.2f} min.</source>
            <translation>Ar draws y {k} plyg, roedd yr amser sefydlog rhwng {a:.2f} a {b:.2f} mun.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="445" />
            <source>{u:,} of {t:,} journeys were used; model: {m} ({p} fitted parameters).</source>
            <translation>Defnyddiwyd {u:,} o {t:,} o deithiau; model: {m} ({p} paramedr wedi'u ffitio).</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="447" />
            <source>Drive time = activation + fixed time ({f:.2f} min) + driving on the calibrated surface.</source>
            <translation>Amser gyrru = amser ysgogi + amser sefydlog ({f:.2f} mun) + gyrru ar yr arwyneb wedi'i raddnodi.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="453" />
            <source>The input surface already carried a fixed time of {f:.2f} min: the 'before' times include it, and the new fixed time replaces it.</source>
            <translation>Roedd yr arwyneb mewnbwn eisoes yn cario amser sefydlog o {f:.2f} mun: mae'r amseroedd 'cyn' yn ei gynnwys, ac mae'r amser sefydlog newydd yn cymryd ei le.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="455" />
            <source>before</source>
            <translation>cyn</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="455" />
            <source>after, in sample</source>
            <translation>ar ôl, yn y sampl</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="456" />
            <source>after, held out</source>
            <translation>ar ôl, wedi dal yn ôl</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="458" />
            <source>Held out: each journey is predicted by a fit that did not see it (nor any journey in its fold). The fit minimises relative squared error, so short and long journeys count alike.</source>
            <translation>Wedi dal yn ôl: caiff pob taith ei rhagfynegi gan ffitiad na welodd hi (nac unrhyw daith yn ei phlyg). Mae'r ffitiad yn lleihau'r gwall sgwâr cymharol, felly mae teithiau byr a hir yn cyfrif yr un fath.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="460" />
            <source>Band agreement compares the collaboration band (≤30, 30–45, 45–60, over 60 min) of the observed and the modelled time.</source>
            <translation>Mae cytundeb bandiau yn cymharu band cydweithio (≤30, 30–45, 45–60, dros 60 mun) yr amser a arsylwyd a'r amser wedi'i fodelu.</translation>
        </message>
        <message>
            <location filename="../processing/alg_calibrate.py" line="463" />
            <source>Drive-time calibration</source>
            <translation>Graddnodi amser gyrru</translation>
        </message>
    </context>
    <context>
        <name>ConsultationMapAlgorithm</name>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="51" />
            <source>Export consultation map</source>
            <translation>Allforio map ymgynghori</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="59" />
            <source>Exports a one-page consultation map ready to publish: a title band, the map of the chosen layers in their current styles (drive-time zones, area choropleths, sites, collaboration lines), a key with the plain-English band labels of the styles, a scale bar, a north arrow, a notes box with your summary, the date, and the attribution the data require (OpenStreetMap, Crown copyright / Open Government Licence, NHS), chosen from the layers. The map shows the union of the layers' extents on the British National Grid for British data. Points are drawn on top, then lines, polygons and rasters; within each kind the first layer listed is on top. File layers given by path use the .qml style beside them.</source>
            <translation>Yn allforio map ymgynghori un dudalen sy'n barod i'w gyhoeddi: band teitl, map o'r haenau a ddewiswyd yn eu harddulliau presennol (parthau amser gyrru, cloropleth ardaloedd, safleoedd, llinellau cydweithio), allwedd gyda labeli bandiau'r arddulliau mewn iaith glir, bar graddfa, saeth y gogledd, blwch nodiadau gyda'ch crynodeb, y dyddiad, a'r priodoliad sy'n ofynnol gan y data (OpenStreetMap, hawlfraint y Goron / y Drwydded Llywodraeth Agored, GIG), wedi'i ddewis o'r haenau. Mae'r map yn dangos uniad estyniadau'r haenau ar Grid Cenedlaethol Prydain ar gyfer data o Brydain. Caiff pwyntiau eu lluniadu ar y brig, yna llinellau, polygonau a rhastrau; o fewn pob math, yr haen gyntaf a restrir sydd ar y brig. Mae haenau ffeil a roddir drwy lwybr yn defnyddio'r arddull .qml wrth eu hochr.</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="68" />
            <source>Layers to show, styled as loaded (file layers: the .qml beside the file). The first listed is drawn on top within points, lines, polygons and rasters.</source>
            <translation>Haenau i'w dangos, gyda'r arddull a gawsant wrth eu llwytho (haenau ffeil: y .qml wrth ochr y ffeil). Caiff yr haen gyntaf a restrir ei lluniadu ar y brig o fewn pwyntiau, llinellau, polygonau a rhastrau.</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="70" />
            <source>Title at the top of the page (one or two lines; 20 pt on A4).</source>
            <translation>Teitl ar frig y dudalen (un neu ddwy linell; 20 pt ar A4).</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="71" />
            <source>Optional subtitle under the title, e.g. the area and the date of the data.</source>
            <translation>Is-deitl dewisol o dan y teitl, e.e. yr ardal a dyddiad y data.</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="72" />
            <source>Paper size: A4 or A3 (text and symbols scale with the page).</source>
            <translation>Maint papur: A4 neu A3 (mae'r testun a'r symbolau'n newid maint gyda'r dudalen).</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="73" />
            <source>Landscape (key and notes beside the map) or portrait (key and notes under the map).</source>
            <translation>Tirlun (allwedd a nodiadau wrth ochr y map) neu bortread (allwedd a nodiadau o dan y map).</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="75" />
            <source>PDF (vector, text kept as text), PNG (image) or SVG (vector drawing for design tools).</source>
            <translation>PDF (fector, testun yn aros yn destun), PNG (delwedd) neu SVG (lluniad fector ar gyfer offer dylunio).</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="77" />
            <source>Resolution in dots per inch for the map image and PNG output (300 for print, 150 for screens).</source>
            <translation>Cydraniad mewn dotiau fesul modfedd ar gyfer delwedd y map ac allbwn PNG (300 ar gyfer argraffu, 150 ar gyfer sgriniau).</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="79" />
            <source>Optional text for the notes box, e.g. the coverage summary; line breaks are kept. A path to a .txt or .md file uses the file's text.</source>
            <translation>Testun dewisol ar gyfer y blwch nodiadau, e.e. y crynodeb cwmpas; caiff toriadau llinell eu cadw. Mae llwybr i ffeil .txt neu .md yn defnyddio testun y ffeil.</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="81" />
            <source>Optional extra attribution lines (one per line), added to those chosen from the data.</source>
            <translation>Llinellau priodoli ychwanegol dewisol (un ar bob llinell), wedi'u hychwanegu at y rhai a ddewiswyd o'r data.</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="83" />
            <source>The exported file (.pdf, .png or .svg, matching FORMAT).</source>
            <translation>Y ffeil a allforiwyd (.pdf, .png neu .svg, yn cyfateb i FORMAT).</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="84" />
            <source>Number output: pages written (one).</source>
            <translation>Allbwn rhif: tudalennau a ysgrifennwyd (un).</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="85" />
            <source>Number output: layers drawn on the map.</source>
            <translation>Allbwn rhif: haenau a luniwyd ar y map.</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="86" />
            <source>String output: the CRS of the map (authority id, e.g. EPSG:27700).</source>
            <translation>Allbwn testun: CRS y map (dynodydd awdurdod, e.e. EPSG:27700).</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="93" />
            <source>Layers to show</source>
            <translation>Haenau i'w dangos</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="95" />
            <source>Title</source>
            <translation>Teitl</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="96" />
            <source>Drive times to the nearest site</source>
            <translation>Amseroedd gyrru i'r safle agosaf</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="97" />
            <source>Subtitle</source>
            <translation>Is-deitl</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="98" />
            <source>Paper size</source>
            <translation>Maint papur</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="99" />
            <source>Orientation</source>
            <translation>Cyfeiriadedd</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="100" />
            <source>Landscape</source>
            <translation>Tirlun</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="100" />
            <source>Portrait</source>
            <translation>Portread</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="101" />
            <source>Format</source>
            <translation>Fformat</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="102" />
            <source>Resolution (dpi)</source>
            <translation>Cydraniad (dpi)</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="104" />
            <source>Summary for the notes box</source>
            <translation>Crynodeb ar gyfer y blwch nodiadau</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="106" />
            <source>Extra attribution</source>
            <translation>Priodoliad ychwanegol</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="109" />
            <source>Consultation map</source>
            <translation>Map ymgynghori</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="110" />
            <source>PDF files (*.pdf);;PNG images (*.png);;SVG drawings (*.svg)</source>
            <translation>Ffeiliau PDF (*.pdf);;Delweddau PNG (*.png);;Lluniadau SVG (*.svg)</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="111" />
            <source>Pages</source>
            <translation>Tudalennau</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="112" />
            <source>Layers shown</source>
            <translation>Haenau a ddangosir</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="113" />
            <source>Map CRS</source>
            <translation>CRS y map</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="119" />
            <source>OUTPUT: give the file to write, e.g. consultation_map.pdf.</source>
            <translation>OUTPUT: rhowch y ffeil i'w hysgrifennu, e.e. consultation_map.pdf.</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="128" />
            <source>OUTPUT ends in {ext} but FORMAT is {fmt}: give a file ending in {want}, or choose the matching FORMAT.</source>
            <translation>OUTPUT: mae enw'r ffeil yn gorffen gyda {ext} ond {fmt} yw FORMAT; rhowch ffeil sy'n gorffen gyda {want}, neu dewiswch y FORMAT cyfatebol.</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="138" />
            <source>SUMMARY: the file {path} does not exist; give its full path, or the text itself.</source>
            <translation>SUMMARY: nid yw'r ffeil {path} yn bodoli; rhowch ei llwybr llawn, neu'r testun ei hun.</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="148" />
            <source>LAYERS: choose at least one layer to show (e.g. the drive-time zones and the sites).</source>
            <translation>LAYERS: dewiswch o leiaf un haen i'w dangos (e.e. y parthau amser gyrru a'r safleoedd).</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="154" />
            <source>LAYERS: a layer could not be opened; check the path.</source>
            <translation>LAYERS: nid oedd modd agor haen; gwiriwch y llwybr.</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="162" />
            <source>Could not read the style {path}</source>
            <translation>Nid oedd modd darllen yr arddull {path}</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="171" />
            <source>Drive times are modelled along the road network at typical speeds, without traffic, turn restrictions or one-way streets: real journeys vary.</source>
            <translation>Mae'r amseroedd gyrru wedi'u modelu ar hyd y rhwydwaith ffyrdd ar gyflymderau arferol, heb draffig, cyfyngiadau troi na strydoedd unffordd: mae teithiau go iawn yn amrywio.</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="174" />
            <source>Type 1 A&amp;E: a major emergency department, consultant-led and open 24 hours with full resuscitation facilities (not a minor injuries unit or urgent treatment centre).</source>
            <translation>Adran Achosion Brys Math 1: adran frys fawr, dan arweiniad meddygon ymgynghorol ac ar agor 24 awr gyda chyfleusterau dadebru llawn (nid uned mân anafiadau na chanolfan gofal brys).</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="179" />
            <source>Grey patches ("{label}") at the edge of the map are where the road data used stop (with the sample data: the edge of Buckinghamshire, Oxfordshire and Berkshire West), not places far from help.</source>
            <translation>Mae clytiau llwyd ("{label}") ar ymyl y map yn dangos lle mae'r data ffyrdd a ddefnyddiwyd yn dod i ben (gyda'r data sampl: ymyl Swydd Buckingham, Swydd Rydychen a Gorllewin Berkshire), nid lleoedd ymhell o gymorth.</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="191" />
            <source>DPI must be between 72 and 1200 (300 for print).</source>
            <translation>Rhaid i DPI fod rhwng 72 a 1200 (300 ar gyfer argraffu).</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="194" />
            <source>TITLE: give the map a title (it heads the page).</source>
            <translation>TITLE: rhowch deitl i'r map (mae ar frig y dudalen).</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="210" />
            <source>LAYERS: the layers are empty; there is nothing to map.</source>
            <translation>LAYERS: mae'r haenau'n wag; nid oes dim i'w fapio.</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="218" />
            <source>{paper} {orient} page, map in {crs}, {n} layers; attribution: {attr}</source>
            <translation>Tudalen {paper} {orient}, map yn {crs}, {n} haen; priodoliad: {attr}</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="219" />
            <source>landscape</source>
            <translation>tirlun</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="219" />
            <source>portrait</source>
            <translation>portread</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="228" />
            <source>OUTPUT: could not write {path}: {msg}</source>
            <translation>OUTPUT: nid oedd modd ysgrifennu {path}: {msg}</translation>
        </message>
        <message>
            <location filename="../processing/alg_consultationmap.py" line="229" />
            <source>export failed (is the folder writable?)</source>
            <translation>methodd yr allforio (a oes modd ysgrifennu i'r ffolder?)</translation>
        </message>
    </context>
    <context>
        <name>CoverageAlgorithm</name>
        <message>
            <location filename="../processing/alg_coverage.py" line="47" />
            <source>Coverage and equity by area</source>
            <translation>Cwmpas a thegwch fesul ardal</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="51" />
            <source>Turns a drive-time raster into coverage and equity figures per area (PCTs, CCGs, districts, any polygons), per urban / semi-urban / rural class and optionally per group such as IMD decile: population and % within each threshold, population-weighted mean, median and 90th-percentile drive time, maximum, population beyond the target, the gap to the whole study area in percentage points and a rank. Population held in polygons (e.g. LSOAs) is cut by the areas and spread over the raster cells in proportion to the exact area of polygon and cell (area weighting); totals are conserved and the log says how many people fall outside the raster, outside every area or on unreachable cells. A time equal to a threshold counts as within it; unreachable (nodata) cells are never within and are counted separately.</source>
            <translation>Yn troi rhastr amser gyrru yn ffigurau cwmpas a thegwch fesul ardal (PCTs, CCGs, ardaloedd awdurdod lleol, unrhyw bolygonau), fesul dosbarth trefol / lled-drefol / gwledig ac, yn ddewisol, fesul grŵp megis degradd IMD: poblogaeth a % o fewn pob trothwy, amser gyrru cymedrig, canolrif a 90fed canradd wedi'u pwysoli yn ôl poblogaeth, uchafswm, poblogaeth y tu hwnt i'r targed, y bwlch i'r ardal astudio gyfan mewn pwyntiau canran, a safle yn y drefn. Caiff poblogaeth a ddelir mewn polygonau (e.e. LSOAs) ei thorri gan yr ardaloedd a'i lledaenu dros gelloedd y rhastr yn gymesur ag union arwynebedd y polygon a'r gell (pwysoli arwynebedd); caiff cyfansymiau eu cadw ac mae'r log yn nodi faint o bobl sydd y tu allan i'r rhastr, y tu allan i bob ardal neu ar gelloedd na ellir eu cyrraedd. Mae amser sy'n hafal i drothwy yn cyfrif fel amser o fewn y trothwy; nid yw celloedd na ellir eu cyrraedd (nodata) byth o fewn trothwy, ac fe'u cyfrifir ar wahân.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="61" />
            <source>Drive time in minutes (from 'Drive-time raster'); nodata = unreachable. Projected CRS in metres.</source>
            <translation>Amser gyrru mewn munudau (o 'Rhastr amser gyrru'); nodata = ni ellir ei gyrraedd. CRS tafluniedig mewn metrau.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="63" />
            <source>Reporting areas (polygons): PCTs, CCGs, localities, districts; any CRS (reprojected to the raster's). Overlapping areas each count the people inside them; invalid polygons (e.g. self-intersecting) are repaired; the log names both.</source>
            <translation>Ardaloedd adrodd (polygonau): PCTs, CCGs, ardaloedd lleol, ardaloedd awdurdod lleol; unrhyw CRS (caiff ei ail-daflunio i CRS y rhastr). Mae ardaloedd sy'n gorgyffwrdd yr un yn cyfrif y bobl y tu mewn iddynt; caiff polygonau annilys (e.e. rhai sy'n croesi eu hunain) eu trwsio; mae'r log yn enwi'r ddau.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="66" />
            <source>Field with a unique id per area (default: the feature id). Duplicate or empty ids are an error.</source>
            <translation>Maes gyda dynodydd unigryw ar gyfer pob ardal (rhagosodiad: dynodydd y nodwedd). Mae dynodyddion dyblyg neu wag yn wall.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="68" />
            <source>Field with the area name used in the summary and labels (default: the id field; with neither, a text field called name or ending in name / nm, such as lad11nm, if the areas have one).</source>
            <translation>Maes gydag enw'r ardal a ddefnyddir yn y crynodeb a'r labeli (rhagosodiad: y maes id; heb y naill na'r llall, maes testun o'r enw name neu sy'n gorffen ag name / nm, megis lad11nm, os oes un gan yr ardaloedd).</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="72" />
            <source>Drive-time thresholds in minutes (comma-separated); each gives fields pop_le_&lt;T&gt; and pct_le_&lt;T&gt; (7.5 gives pct_le_7_5).</source>
            <translation>Trothwyon amser gyrru mewn munudau (wedi'u gwahanu gan atalnodau); mae pob un yn rhoi'r meysydd pop_le_&lt;T&gt; a pct_le_&lt;T&gt; (mae 7.5 yn rhoi pct_le_7_5).</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="74" />
            <source>The standard being judged, in minutes (added to the thresholds if missing): gap_pp, rank and pop_beyond refer to it.</source>
            <translation>Y safon sy'n cael ei mesur, mewn munudau (caiff ei hychwanegu at y trothwyon os nad yw yno): mae gap_pp, rank a pop_beyond yn cyfeirio ati.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="76" />
            <source>Share of the population that should be within the target (%): an area meets the standard when pct_le_&lt;TARGET&gt; &gt;= this (fields meets, pop_short).</source>
            <translation>Y gyfran o'r boblogaeth a ddylai fod o fewn y targed (%): mae ardal yn cyrraedd y safon pan fo pct_le_&lt;TARGET&gt; &gt;= hyn (meysydd meets, pop_short).</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="78" />
            <source>Optional field of the population layer with an urban/rural class: ONS RUC2011 codes (A1, B1, C1, C2 urban; D1, D2 town and fringe = semi-urban; E1, E2 village and dispersed = rural), their labels, or urban / semi-urban / rural. Empty: classify by population density.</source>
            <translation>Maes dewisol yn yr haen poblogaeth gyda dosbarth trefol/gwledig: codau RUC2011 y SYG (A1, B1, C1, C2 trefol; D1, D2 tref ac ymylon = lled-drefol; E1, E2 pentref a gwasgaredig = gwledig), eu labeli, neu urban / semi-urban / rural. Gwag: dosbarthu yn ôl dwysedd poblogaeth.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="82" />
            <source>Two density breaks in persons per km² used when no URBANITY_FIELD is given: rural below the first, semi-urban up to the second, urban from it (default 300,1500: the EU Degree of Urbanisation thresholds). Polygons use their own density; points and raster cells the density of the surrounding 1 km².</source>
            <translation>Dau doriad dwysedd mewn pobl fesul km² a ddefnyddir pan na roddir URBANITY_FIELD: gwledig o dan y cyntaf, lled-drefol hyd at yr ail, trefol o'r ail ymlaen (rhagosodiad 300,1500: trothwyon Gradd Trefoli yr UE). Mae polygonau'n defnyddio eu dwysedd eu hunain; pwyntiau a chelloedd rhastr, dwysedd y 1 km² o'u cwmpas.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="87" />
            <source>Optional field of the population layer for another breakdown (e.g. imd19_decile): the table gets rows per area × class × group.</source>
            <translation>Maes dewisol yn yr haen poblogaeth ar gyfer dadansoddiad arall (e.e. imd19_decile): mae'r tabl yn cael rhesi fesul ardal × dosbarth × grŵp.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="89" />
            <source>Optional dasymetric weights on the drive-time grid (e.g. built-up or road surface, 0 where nobody lives): each polygon's people are spread in proportion to covered area × weight (plain area where a polygon covers only zero weight).</source>
            <translation>Pwysau dasymetrig dewisol ar grid yr amser gyrru (e.e. arwyneb adeiledig neu ffordd, 0 lle nad oes neb yn byw): caiff pobl pob polygon eu lledaenu yn gymesur ag arwynebedd a gwmpesir × pwysau (arwynebedd plaen lle mae polygon yn cwmpasu pwysau sero yn unig).</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="93" />
            <source>Name of the whole study area in the summary sentences, e.g. Oxfordshire.</source>
            <translation>Enw'r ardal astudio gyfan yn y brawddegau crynodeb, e.e. Swydd Rydychen.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="95" />
            <source>The areas with pop_total, pop_le_&lt;T&gt;, pct_le_&lt;T&gt;, pop_beyond, pct_beyond, pop_unreach, pop_outside (people of the area outside the raster, not counted), mean_min, median_min, p90_min, max_min, gap_pp, gap_best_pp, rank (1 = highest % within target), meets (1/0) and pop_short (people to bring within target to meet TARGET_SHARE). NULL where an area has no population. Styled as a choropleth of % within target.</source>
            <translation>Yr ardaloedd gyda pop_total, pop_le_&lt;T&gt;, pct_le_&lt;T&gt;, pop_beyond, pct_beyond, pop_unreach, pop_outside (pobl yr ardal sydd y tu allan i'r rhastr, heb eu cyfrif), mean_min, median_min, p90_min, max_min, gap_pp, gap_best_pp, rank (1 = y % uchaf o fewn y targed), meets (1/0) a pop_short (y bobl y mae angen dod â nhw o fewn y targed i gyrraedd TARGET_SHARE). NULL lle nad oes poblogaeth mewn ardal. Arddull cloropleth o'r % o fewn y targed.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="101" />
            <source>Optional table (no geometry) with the same figures per level: area, area × urbanity class, area × group, area × class × group, and the whole study area (level study, study_class, study_group...). gap_pp is against the whole study area; rank is among rows of the same level, class and group.</source>
            <translation>Tabl dewisol (heb geometreg) gyda'r un ffigurau fesul lefel: ardal, ardal × dosbarth trefoldeb, ardal × grŵp, ardal × dosbarth × grŵp, a'r ardal astudio gyfan (lefel study, study_class, study_group...). Mae gap_pp yn cymharu â'r ardal astudio gyfan; mae rank yn cymharu rhesi o'r un lefel, dosbarth a grŵp.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="105" />
            <source>Optional HTML (or .txt) file with plain-English sentences to paste, and a table of the areas.</source>
            <translation>Ffeil HTML (neu .txt) ddewisol gyda brawddegau mewn iaith glir i'w gludo, a thabl o'r ardaloedd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="107" />
            <source>Number output: % of the study area's people within TARGET minutes.</source>
            <translation>Allbwn rhif: % o bobl yr ardal astudio o fewn TARGET munud.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="108" />
            <source>Number output: people of the study area within TARGET minutes.</source>
            <translation>Allbwn rhif: pobl yr ardal astudio o fewn TARGET munud.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="109" />
            <source>Number output: people counted (inside the areas and the raster).</source>
            <translation>Allbwn rhif: y bobl a gyfrifwyd (y tu mewn i'r ardaloedd a'r rhastr).</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="110" />
            <source>Number output: population-weighted median drive time of the study area (minutes).</source>
            <translation>Allbwn rhif: amser gyrru canolrifol yr ardal astudio wedi'i bwysoli yn ôl poblogaeth (munudau).</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="112" />
            <source>Number output: population-weighted 90th-percentile drive time of the study area (minutes).</source>
            <translation>Allbwn rhif: amser gyrru 90fed canradd yr ardal astudio wedi'i bwysoli yn ôl poblogaeth (munudau).</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="114" />
            <source>Number output: areas with at least TARGET_SHARE % of their people within TARGET minutes.</source>
            <translation>Allbwn rhif: ardaloedd ag o leiaf TARGET_SHARE % o'u pobl o fewn TARGET munud.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="116" />
            <source>Number output: areas with people in them (those judged).</source>
            <translation>Allbwn rhif: ardaloedd â phobl ynddynt (y rhai a fernir).</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="117" />
            <source>String output: the headline sentence, e.g. '29.8 % within 8 min; median 9.6 min, 90th percentile 17.2 min'.</source>
            <translation>Allbwn testun: y frawddeg bennawd, e.e. '29.8 % o fewn 8 mun; canolrif 9.6 mun, 90fed canradd 17.2 mun'.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="127" />
            <source>Drive time (minutes)</source>
            <translation>Amser gyrru (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="128" />
            <source>Areas</source>
            <translation>Ardaloedd</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="129" />
            <source>Area id field</source>
            <translation>Maes dynodydd ardal</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="131" />
            <source>Area name field</source>
            <translation>Maes enw ardal</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="135" />
            <source>Thresholds (minutes)</source>
            <translation>Trothwyon (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="136" />
            <source>Target (minutes)</source>
            <translation>Targed (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="138" />
            <source>Target share of population (%)</source>
            <translation>Cyfran darged o'r boblogaeth (%)</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="140" />
            <source>Urban/rural class field</source>
            <translation>Maes dosbarth trefol/gwledig</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="143" />
            <source>Density breaks for urbanity (persons/km²)</source>
            <translation>Toriadau dwysedd ar gyfer trefoldeb (pobl/km²)</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="145" />
            <source>Group field (e.g. IMD decile)</source>
            <translation>Maes grŵp (e.e. degradd IMD)</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="147" />
            <source>Dasymetric weights (optional raster)</source>
            <translation>Pwysau dasymetrig (rhastr dewisol)</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="149" />
            <source>Study area name</source>
            <translation>Enw'r ardal astudio</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="150" />
            <location filename="../processing/alg_coverage.py" line="188" />
            <source>the study area</source>
            <translation>yr ardal astudio</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="151" />
            <source>Coverage by area</source>
            <translation>Cwmpas fesul ardal</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="153" />
            <location filename="../processing/alg_coverage.py" line="397" />
            <source>Coverage table</source>
            <translation>Tabl cwmpas</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="155" />
            <source>Summary</source>
            <translation>Crynodeb</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="156" />
            <source>HTML files (*.html);;Text files (*.txt)</source>
            <translation>Ffeiliau HTML (*.html);;Ffeiliau testun (*.txt)</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="158" />
            <source>% within target</source>
            <translation>% o fewn y targed</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="159" />
            <source>People within target</source>
            <translation>Pobl o fewn y targed</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="160" />
            <source>People counted</source>
            <translation>Pobl a gyfrifwyd</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="161" />
            <source>Median drive time (minutes)</source>
            <translation>Amser gyrru canolrifol (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="162" />
            <source>90th-percentile drive time (minutes)</source>
            <translation>Amser gyrru 90fed canradd (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="163" />
            <source>Areas meeting the target</source>
            <translation>Ardaloedd sy'n cyrraedd y targed</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="164" />
            <source>Areas with population</source>
            <translation>Ardaloedd â phoblogaeth</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="166" />
            <source>Headline</source>
            <translation>Pennawd</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="179" />
            <source>DRIVETIME: the raster has negative values; it must hold minutes (nodata = unreachable).</source>
            <translation>DRIVETIME: mae gan y rhastr werthoedd negatif; rhaid iddo gynnwys munudau (nodata = ni ellir ei gyrraedd).</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="185" />
            <source>TARGET must be a positive number of minutes, e.g. 8.</source>
            <translation>Rhaid i TARGET fod yn nifer positif o funudau, e.e. 8.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="207" />
            <source>POPULATION / POPULATION_RASTER: no population falls inside both the areas and the drive-time raster (input total {tot}). Check that the population layer covers the areas and that the population field is the right one.</source>
            <translation>POPULATION / POPULATION_RASTER: nid oes poblogaeth o fewn yr ardaloedd a'r rastr amser gyrru ar yr un pryd (cyfanswm y mewnbwn {tot}). Gwiriwch fod yr haen poblogaeth yn cwmpasu'r ardaloedd a mai'r maes poblogaeth yw'r un cywir.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="256" />
            <source>{p} within {T} min; median {m} min, 90th percentile {p90} min</source>
            <translation>{p} o fewn {T} mun; canolrif {m} mun, 90fed canradd {p90} mun</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="266" />
            <source>Population: {inp} in the input; {tot} inside the areas and the raster (used); {orr} of the areas outside the raster; {oa} outside every area; {un} on unreachable cells.</source>
            <translation>Poblogaeth: {inp} yn y mewnbwn; {tot} o fewn yr ardaloedd a'r rhastr (wedi'u defnyddio); {orr} o'r ardaloedd y tu allan i'r rhastr; {oa} y tu allan i bob ardal; {un} ar gelloedd na ellir eu cyrraedd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="272" />
            <source>Across {study}: {p} within {T} min; median {m} min, 90th percentile {p90} min.</source>
            <translation>Ar draws {study}: {p} o fewn {T} mun; canolrif {m} mun, 90fed canradd {p90} mun.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="284" />
            <source>The areas overlap: {x} people are counted in more than one area (and in the study-area row more than once).</source>
            <translation>Mae'r ardaloedd yn gorgyffwrdd: caiff {x} o bobl eu cyfrif mewn mwy nag un ardal (a mwy nag unwaith yn rhes yr ardal astudio).</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="354" />
            <source>Coverage within {T} min</source>
            <translation>Cwmpas o fewn {T} mun</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="376" />
            <source>all</source>
            <translation>pob un</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="404" />
            <source>Figures from the drive-time raster and the population layer given; population spread by area weighting.</source>
            <translation>Ffigurau o'r rhastr amser gyrru a'r haen poblogaeth a roddwyd; poblogaeth wedi'i lledaenu drwy bwysoli arwynebedd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_coverage.py" line="414" />
            <source>Could not draw the report's charts: {err}</source>
            <translation>Methu tynnu siartiau'r adroddiad: {err}</translation>
        </message>
    </context>
    <context>
        <name>DriveTimeAlgorithm</name>
        <message>
            <location filename="../processing/alg_drivetime.py" line="32" />
            <source>Drive-time raster</source>
            <translation>Rhastr amser gyrru</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="36" />
            <source>Computes the drive time in minutes from the nearest site to every cell of a speed surface (accumulated cost over the raster, exact on the 8- or 16-neighbour cell graph), adding an activation time at every site. Optionally writes which site is nearest and polygons of the drive-time bands. With a selection on the sites layer (and 'Selected features only'), only the selected sites are used.</source>
            <translation>Yn cyfrifo'r amser gyrru mewn munudau o'r safle agosaf i bob cell mewn arwyneb cyflymder (cost gronnus dros y rhastr, union ar graff celloedd 8 neu 16 cymydog), gan ychwanegu amser ysgogi ym mhob safle. Yn ddewisol, mae'n ysgrifennu pa safle sydd agosaf a pholygonau o'r bandiau amser gyrru. Gyda detholiad ar yr haen safleoedd (a 'Selected features only'), dim ond y safleoedd a ddewiswyd a ddefnyddir.</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="42" />
            <source>Optional cut-off in minutes (activation included): cells further away are nodata. Saves time on large surfaces.</source>
            <translation>Terfyn dewisol mewn munudau (gan gynnwys yr amser ysgogi): mae celloedd sydd ymhellach i ffwrdd yn nodata. Yn arbed amser ar arwynebau mawr.</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="44" />
            <source>Band breaks in minutes for the style and the zones (a time equal to a break falls in the lower band).</source>
            <translation>Toriadau bandiau mewn munudau ar gyfer yr arddull a'r parthau (mae amser sy'n hafal i doriad yn y band is).</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="46" />
            <source>Drive time in minutes (float32 GeoTIFF), nodata where unreachable; styled in bands on load.</source>
            <translation>Amser gyrru mewn munudau (GeoTIFF float32), nodata lle na ellir ei gyrraedd; arddull bandiau wrth ei lwytho.</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="48" />
            <source>Optional raster: feature id of the nearest site (allocation).</source>
            <translation>Rhastr dewisol: dynodydd nodwedd y safle agosaf (dyraniad).</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="49" />
            <source>Optional polygons, one per band (fields band, lower_min, upper_min, label, area_km2).</source>
            <translation>Polygonau dewisol, un i bob band (meysydd band, lower_min, upper_min, label, area_km2).</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="51" />
            <source>Number output: % of the cells of the speed surface reachable from a site (within the cut-off, if given).</source>
            <translation>Allbwn rhif: % o gelloedd yr arwyneb cyflymder y gellir eu cyrraedd o safle (o fewn y terfyn, os rhoddir un).</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="53" />
            <source>Number output: the longest drive time in minutes over the reachable cells (NaN if none).</source>
            <translation>Allbwn rhif: yr amser gyrru hiraf mewn munudau dros y celloedd y gellir eu cyrraedd (NaN os nad oes rhai).</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="55" />
            <source>Number output: how many sites were used (after the selection and the sites-inside check).</source>
            <translation>Allbwn rhif: faint o safleoedd a ddefnyddiwyd (ar ôl y detholiad a'r gwiriad safleoedd y tu mewn).</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="65" />
            <source>Cut-off (minutes)</source>
            <translation>Terfyn (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="70" />
            <source>Bands (minutes)</source>
            <translation>Bandiau (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="71" />
            <location filename="../processing/alg_drivetime.py" line="131" />
            <source>Drive time (minutes)</source>
            <translation>Amser gyrru (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="72" />
            <location filename="../processing/alg_drivetime.py" line="143" />
            <source>Nearest site</source>
            <translation>Safle agosaf</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="74" />
            <location filename="../processing/alg_drivetime.py" line="183" />
            <source>Drive-time zones</source>
            <translation>Parthau amser gyrru</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="77" />
            <source>Reachable cells (%)</source>
            <translation>Celloedd y gellir eu cyrraedd (%)</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="78" />
            <source>Longest drive time (minutes)</source>
            <translation>Amser gyrru hiraf (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="79" />
            <source>Sites used</source>
            <translation>Safleoedd a ddefnyddiwyd</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="96" />
            <source>MAX_TIME must be positive (minutes), or left empty.</source>
            <translation>Rhaid i MAX_TIME fod yn bositif (munudau), neu'n wag.</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="109" />
            <source>{n} sites on a {r} x {c} grid of {s:g} m cells, {k} neighbours.</source>
            <translation>{n} safle ar grid {r} x {c} o gelloedd {s:g} m, {k} cymydog.</translation>
        </message>
        <message>
            <location filename="../processing/alg_drivetime.py" line="122" />
            <source>Reachable cells: {p:.1f} %; longest drive time {m:.1f} min.</source>
            <translation>Celloedd y gellir eu cyrraedd: {p:.1f} %; amser gyrru hiraf {m:.1f} mun.</translation>
        </message>
    </context>
    <context>
        <name>DriveTimeEquity</name>
        <message>
            <location filename="../core/coverage.py" line="73" />
            <source>urban</source>
            <translation>trefol</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="73" />
            <source>semi-urban</source>
            <translation>lled-drefol</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="74" />
            <source>rural</source>
            <translation>gwledig</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="74" />
            <source>unclassified</source>
            <translation>heb ei ddosbarthu</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1034" />
            <source>No population of the population layer lies inside the areas and the drive-time raster.</source>
            <translation>Nid oes dim o boblogaeth yr haen poblogaeth o fewn yr ardaloedd a'r rhastr amser gyrru.</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1036" />
            <source>Across {study}, {pop} people live within the drive-time raster; {n} ({p}) live within {T} minutes of the nearest site, against a standard of {share}.</source>
            <translation>Ar draws {study}, mae {pop} o bobl yn byw o fewn y rhastr amser gyrru; mae {n} ({p}) yn byw o fewn {T} munud i'r safle agosaf, o'i gymharu â safon o {share}.</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1040" />
            <source>The population-weighted median drive time is {med} minutes, the 90th percentile {p90} minutes and the longest {mx} minutes.</source>
            <translation>Yr amser gyrru canolrifol wedi'i bwysoli yn ôl poblogaeth yw {med} munud, y 90fed canradd yw {p90} munud a'r hiraf yw {mx} munud.</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1047" />
            <source>{name}: nobody in the population layer lives in the part of this area covered by the drive-time raster.</source>
            <translation>{name}: nid oes neb o'r haen poblogaeth yn byw yn y rhan o'r ardal hon a gwmpesir gan y rhastr amser gyrru.</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1050" />
            <source>In {name}, {n} people ({p}) live more than {T} minutes' drive from the nearest site ({sp} across {study}).</source>
            <translation>Yn {name}, mae {n} o bobl ({p}) yn byw mwy na {T} munud o yrru o'r safle agosaf ({sp} ar draws {study}).</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1058" />
            <source>Within {T} minutes, coverage ranges from {pw} in {worst} to {pb} in {best}: a gap of {gap} percentage points.</source>
            <translation>O fewn {T} munud, mae'r cwmpas yn amrywio o {pw} ({worst}) i {pb} ({best}): bwlch o {gap} pwynt canran.</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1064" />
            <source>{k} of {n} areas meets the standard of {share} within {T} minutes{names}.</source>
            <translation>Mae {k} o {n} ardal yn cyrraedd y safon o {share} o fewn {T} munud{names}.</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1066" />
            <source>{k} of {n} areas meet the standard of {share} within {T} minutes{names}.</source>
            <translation>Mae {k} o {n} ardal yn cyrraedd y safon o {share} o fewn {T} munud{names}.</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1071" />
            <source>{p} of {cls} residents ({n} people)</source>
            <translation>{p} o breswylwyr {cls} ({n} o bobl)</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1075" />
            <source>Across {study}, {parts} live within {T} minutes.</source>
            <translation>Ar draws {study}, mae {parts} yn byw o fewn {T} munud.</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1083" />
            <source>By {g}, the share within {T} minutes ranges from {plo} ({g} {glo}) to {phi} ({g} {ghi}).</source>
            <translation>Yn ôl {g}, mae'r gyfran o fewn {T} munud yn amrywio o {plo} ({g} {glo}) i {phi} ({g} {ghi}).</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1088" />
            <source>{u} people live on cells the drive-time raster marks unreachable (nodata); they count as beyond every threshold. {o} people of the areas fall outside the raster and {a} outside every area; these are left out of the figures.</source>
            <translation>Mae {u} o bobl yn byw ar gelloedd y mae'r rhastr amser gyrru yn eu nodi fel rhai na ellir eu cyrraedd (nodata); maent yn cyfrif fel pobl y tu hwnt i bob trothwy. Mae {o} o bobl yr ardaloedd y tu allan i'r rhastr a {a} y tu allan i bob ardal; mae'r rhain wedi'u gadael allan o'r ffigurau.</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1098" />
            <location filename="../core/scenario.py" line="130" />
            <source> and </source>
            <translation> a </translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1111" />
            <location filename="../plugin/whatif_dock.py" line="249" />
            <location filename="../processing/styling.py" line="300" />
            <source>Area</source>
            <translation>Ardal</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1111" />
            <location filename="../plugin/whatif_dock.py" line="249" />
            <location filename="../processing/report_charts.py" line="127" />
            <location filename="../processing/styling.py" line="301" />
            <source>People</source>
            <translation>Pobl</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1111" />
            <source>Within {T} min</source>
            <translation>O fewn {T} mun</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1111" />
            <source>Beyond {T} min</source>
            <translation>Y tu hwnt i {T} mun</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1112" />
            <location filename="../processing/styling.py" line="303" />
            <source>Median (min)</source>
            <translation>Canolrif (mun)</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1112" />
            <source>90th percentile (min)</source>
            <translation>90fed canradd (mun)</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1112" />
            <source>Gap (pp)</source>
            <translation>Bwlch (pp)</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1112" />
            <location filename="../processing/styling.py" line="305" />
            <source>Rank</source>
            <translation>Rheng</translation>
        </message>
        <message>
            <location filename="../core/coverage.py" line="1123" />
            <source>Coverage within {T} minutes</source>
            <translation>Cwmpas o fewn {T} munud</translation>
        </message>
        <message>
            <location filename="../core/scenario.py" line="127" />
            <source>closing {names}</source>
            <translation>cau {names}</translation>
        </message>
        <message>
            <location filename="../core/scenario.py" line="129" />
            <source>opening {names}</source>
            <translation>agor {names}</translation>
        </message>
        <message>
            <location filename="../core/scenario.py" line="130" />
            <source>The scenario compares today's sites with {what}.</source>
            <translation>Mae'r senario yn cymharu safleoedd heddiw â'r sefyllfa ar ôl {what}.</translation>
        </message>
        <message>
            <location filename="../core/scenario.py" line="132" />
            <source>No population lies inside the areas and the drive-time raster.</source>
            <translation>Nid oes dim poblogaeth o fewn yr ardaloedd a'r rhastr amser gyrru.</translation>
        </message>
        <message>
            <location filename="../core/scenario.py" line="135" />
            <source>Across {study} ({pop} people), {n} people ({p}) would have a longer drive to the nearest site and {m} ({q}) a shorter one.</source>
            <translation>Ar draws {study} ({pop} o bobl), byddai gan {n} o bobl ({p}) daith yrru hirach i'r safle agosaf a byddai gan {m} ({q}) daith fyrrach.</translation>
        </message>
        <message>
            <location filename="../core/scenario.py" line="139" />
            <source>Within {T} minutes: {a} today, {c} in the scenario ({d:+.1f} percentage points); {lost} people would move beyond {T} minutes and {gained} would come within it.</source>
            <translation>O fewn {T} munud: {a} heddiw, {c} yn y senario ({d:+.1f} pwynt canran); byddai {lost} o bobl yn symud y tu hwnt i {T} munud a byddai {gained} yn dod o fewn y trothwy.</translation>
        </message>
        <message>
            <location filename="../core/scenario.py" line="143" />
            <source>The population-weighted mean drive time goes from {a} to {c} minutes and the 90th percentile from {p} to {q} minutes; the largest increase for anyone is {mx} minutes.</source>
            <translation>Mae'r amser gyrru cymedrig wedi'i bwysoli yn ôl poblogaeth yn newid o {a} i {c} munud a'r 90fed canradd o {p} i {q} munud; y cynnydd mwyaf i unrhyw un yw {mx} munud.</translation>
        </message>
        <message>
            <location filename="../core/scenario.py" line="147" />
            <source>{T} minutes: {lost} beyond, {gained} within</source>
            <translation>{T} munud: {lost} y tu hwnt, {gained} o fewn</translation>
        </message>
        <message>
            <location filename="../core/scenario.py" line="152" />
            <source>At the other thresholds, people moving beyond / coming within: {parts}.</source>
            <translation>Ar y trothwyon eraill, pobl yn symud y tu hwnt / yn dod o fewn: {parts}.</translation>
        </message>
        <message>
            <location filename="../core/scenario.py" line="155" />
            <source>{n} people could no longer reach any site on the road network.</source>
            <translation>Ni fyddai {n} o bobl yn gallu cyrraedd unrhyw safle ar y rhwydwaith ffyrdd mwyach.</translation>
        </message>
        <message>
            <location filename="../core/scenario.py" line="163" />
            <source>In {name}, {lost} people would move beyond {T} minutes and {gained} come within it: {a} within {T} minutes today, {c} in the scenario; mean drive time {m1} to {m2} minutes.</source>
            <translation>{name}: byddai {lost} o bobl yn symud y tu hwnt i {T} munud a {gained} yn dod o fewn y trothwy: {a} o fewn {T} munud heddiw, {c} yn y senario; amser gyrru cymedrig {m1} i {m2} munud.</translation>
        </message>
        <message>
            <location filename="../core/scenario.py" line="170" />
            <source>No one crosses {T} minutes in {names}.</source>
            <translation>Nid oes neb yn croesi'r trothwy {T} munud yn yr ardaloedd hyn: {names}.</translation>
        </message>
        <message>
            <location filename="../core/scenario.py" line="173" />
            <source>{cls} {a} to {c}</source>
            <translation>{cls} {a} i {c}</translation>
        </message>
        <message>
            <location filename="../core/scenario.py" line="176" />
            <source>Within {T} minutes by urbanity: {parts}.</source>
            <translation>O fewn {T} munud yn ôl trefoldeb: {parts}.</translation>
        </message>
        <message>
            <location filename="../core/scenario.py" line="183" />
            <source>By {g}, the largest fall in the share within {T} minutes is in {g} {lab}: {a} to {c}.</source>
            <translation>Yn ôl {g}, mae'r gostyngiad mwyaf yn y gyfran o fewn {T} munud yn {g} {lab}: {a} i {c}.</translation>
        </message>
        <message>
            <location filename="../plugin/plugin.py" line="72" />
            <location filename="../processing/provider.py" line="30" />
            <source>Drive-Time Equity</source>
            <translation>Tegwch Amser Gyrru</translation>
        </message>
        <message>
            <location filename="../plugin/plugin.py" line="74" />
            <source>Drive-Time Equity: the workflow, step by step, and the workshop mode</source>
            <translation>Tegwch Amser Gyrru: y llif gwaith, gam wrth gam, a'r modd gweithdy</translation>
        </message>
        <message>
            <location filename="../plugin/plugin.py" line="90" />
            <source>Workshop mode (what-if)…</source>
            <translation>Modd gweithdy (beth-os)…</translation>
        </message>
        <message>
            <location filename="../plugin/plugin.py" line="94" />
            <source>Workshop mode: add, move and close sites on the map and watch the drive time and the population covered change</source>
            <translation>Modd gweithdy: ychwanegwch, symudwch a chaewch safleoedd ar y map a gwyliwch yr amser gyrru a'r boblogaeth a gwmpesir yn newid</translation>
        </message>
        <message>
            <location filename="../plugin/plugin.py" line="100" />
            <source>Drive-Time Equity tools…</source>
            <translation>Offer Tegwch Amser Gyrru…</translation>
        </message>
        <message>
            <location filename="../plugin/plugin.py" line="102" />
            <source>Show the Drive-Time Equity algorithms in the Processing Toolbox</source>
            <translation>Dangos algorithmau Tegwch Amser Gyrru yn y Blwch Offer Prosesu</translation>
        </message>
        <message>
            <location filename="../plugin/plugin.py" line="193" />
            <source>Drive-Time Equity needs the Python packages {names}: {hint}</source>
            <translation>Mae Tegwch Amser Gyrru angen y pecynnau Python {names}: {hint}</translation>
        </message>
        <message>
            <location filename="../plugin/whatif.py" line="90" />
            <source>Choose a speed surface (raster layer).</source>
            <translation>Dewiswch arwyneb cyflymder (haen raster).</translation>
        </message>
        <message>
            <location filename="../plugin/whatif.py" line="175" />
            <source>The workshop model could not be built.</source>
            <translation>Nid oedd modd adeiladu model y gweithdy.</translation>
        </message>
        <message>
            <location filename="../plugin/whatif.py" line="185" />
            <source>Drive-Time Equity: preparing the workshop model</source>
            <translation>Tegwch Amser Gyrru: paratoi model y gweithdy</translation>
        </message>
        <message>
            <location filename="../plugin/whatif.py" line="189" />
            <source>Workshop sites</source>
            <translation>Safleoedd y gweithdy</translation>
        </message>
        <message>
            <location filename="../plugin/whatif.py" line="217" />
            <source>New site {n}</source>
            <translation>Safle newydd {n}</translation>
        </message>
        <message>
            <location filename="../plugin/whatif.py" line="282" />
            <source>The update failed.</source>
            <translation>Methodd y diweddariad.</translation>
        </message>
        <message>
            <location filename="../plugin/whatif.py" line="300" />
            <source>Drive-Time Equity: workshop update</source>
            <translation>Tegwch Amser Gyrru: diweddariad y gweithdy</translation>
        </message>
        <message>
            <location filename="../plugin/whatif.py" line="333" />
            <source>Workshop drive time (minutes)</source>
            <translation>Amser gyrru'r gweithdy (munudau)</translation>
        </message>
        <message>
            <location filename="../plugin/whatif.py" line="436" />
            <source>Starting site</source>
            <translation>Safle cychwynnol</translation>
        </message>
        <message>
            <location filename="../plugin/whatif.py" line="437" />
            <source>Moved site</source>
            <translation>Safle wedi'i symud</translation>
        </message>
        <message>
            <location filename="../plugin/whatif.py" line="438" />
            <source>Added site</source>
            <translation>Safle wedi'i ychwanegu</translation>
        </message>
        <message>
            <location filename="../plugin/whatif.py" line="439" />
            <source>Closed site</source>
            <translation>Safle wedi'i gau</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="37" />
            <source>Drive-Time Equity workshop</source>
            <translation>Gweithdy Tegwch Amser Gyrru</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="63" />
            <location filename="../processing/styling.py" line="64" />
            <location filename="../processing/styling.py" line="77" />
            <source>min</source>
            <translation>mun</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="65" />
            <source>Speed surface</source>
            <translation>Arwyneb cyflymder</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="66" />
            <source>Starting sites</source>
            <translation>Safleoedd cychwynnol</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="67" />
            <location filename="../processing/alg_scenario.py" line="50" />
            <source>Areas</source>
            <translation>Ardaloedd</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="68" />
            <source>Population</source>
            <translation>Poblogaeth</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="69" />
            <location filename="../processing/population.py" line="140" />
            <source>Population field</source>
            <translation>Maes poblogaeth</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="70" />
            <source>Activation time</source>
            <translation>Amser ysgogi</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="71" />
            <location filename="../processing/alg_scenario.py" line="55" />
            <source>Thresholds (minutes)</source>
            <translation>Trothwyon (munudau)</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="74" />
            <location filename="../plugin/whatif_dock.py" line="199" />
            <source>Start workshop</source>
            <translation>Dechrau'r gweithdy</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="77" />
            <source>Back to starting sites</source>
            <translation>Yn ôl i'r safleoedd cychwynnol</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="79" />
            <source>Save sites and run scenario</source>
            <translation>Cadw'r safleoedd a rhedeg y senario</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="84" />
            <source>Click the map to add a site, drag a site to move it, right-click a site to close it (right-click a closed starting site to reopen it).</source>
            <translation>Cliciwch y map i ychwanegu safle, llusgwch safle i'w symud, de-gliciwch safle i'w gau (de-gliciwch safle cychwynnol caeedig i'w ailagor).</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="96" />
            <source>Choose the layers and press Start workshop.</source>
            <translation>Dewiswch yr haenau a phwyswch Dechrau'r gweithdy.</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="167" />
            <source>a speed surface</source>
            <translation>arwyneb cyflymder</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="167" />
            <source>the starting sites</source>
            <translation>y safleoedd cychwynnol</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="168" />
            <source>the areas</source>
            <translation>yr ardaloedd</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="169" />
            <source>the population</source>
            <translation>y boblogaeth</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="171" />
            <source>Choose {what} first.</source>
            <translation>Dewiswch {what} yn gyntaf.</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="182" />
            <source>Stop workshop</source>
            <translation>Atal y gweithdy</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="183" />
            <source>Preparing: reading the speed surface and spreading the population…</source>
            <translation>Paratoi: darllen yr arwyneb cyflymder a thaenu'r boblogaeth…</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="200" />
            <source>Stopped. The workshop layers stay in the project.</source>
            <translation>Wedi atal. Mae haenau'r gweithdy yn aros yn y prosiect.</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="217" />
            <location filename="../plugin/whatif_dock.py" line="221" />
            <source>Error: {msg}</source>
            <translation>Gwall: {msg}</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="225" />
            <source>Updating…</source>
            <translation>Yn diweddaru…</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="244" />
            <source>&lt;b&gt;{n} sites open.&lt;/b&gt; Within {T:g} min: &lt;b&gt;{p} people ({pct:.1f} %)&lt;/b&gt;, {d} people ({dpp}) against the starting sites.</source>
            <translation>&lt;b&gt;{n} safle ar agor.&lt;/b&gt; O fewn {T:g} munud: &lt;b&gt;{p} o bobl ({pct:.1f} %)&lt;/b&gt;, {d} o bobl ({dpp}) o'i gymharu â'r safleoedd cychwynnol.</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="251" />
            <source>≤ {T:g} min</source>
            <translation>≤ {T:g} mun</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="251" />
            <source>change</source>
            <translation>newid</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="254" />
            <source>Whole study area</source>
            <translation>Yr ardal astudio gyfan</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="270" />
            <source>Updated in {s:.2f} s (drive time {d:.2f} s, counting {c:.2f} s).</source>
            <translation>Diweddarwyd mewn {s:.2f} e (amser gyrru {d:.2f} e, cyfrif {c:.2f} e).</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="274" />
            <source>{n} site(s) off the speed surface or far from any road are left out.</source>
            <translation>Gadewir allan {n} safle oddi ar yr arwyneb cyflymder neu ymhell o unrhyw ffordd.</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="293" />
            <source>Could not save the sites: {err}</source>
            <translation>Nid oedd modd cadw'r safleoedd: {err}</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="297" />
            <source>Workshop sites {n}</source>
            <translation>Safleoedd y gweithdy {n}</translation>
        </message>
        <message>
            <location filename="../plugin/whatif_dock.py" line="305" />
            <source>Sites saved to {path}; running Compare site scenarios.</source>
            <translation>Cadwyd y safleoedd yn {path}; yn rhedeg Cymharu senarios safleoedd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="26" />
            <source>30 minutes or less — potential for collaboration (travel time not a barrier)</source>
            <translation>30 munud neu lai — potensial i gydweithio (nid yw amser teithio yn rhwystr)</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="27" />
            <source>30–45 minutes — potential for collaboration of tertiary services</source>
            <translation>30–45 munud — potensial i gydweithio ar wasanaethau trydyddol</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="28" />
            <source>45–60 minutes — potential for collaboration</source>
            <translation>45–60 munud — potensial i gydweithio</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="29" />
            <source>over 60 minutes — limited potential for collaboration</source>
            <translation>dros 60 munud — potensial cyfyngedig i gydweithio</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="51" />
            <source>Area name field</source>
            <translation>Maes enw ardal</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="56" />
            <source>Target (minutes)</source>
            <translation>Targed (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="67" />
            <source>TARGET must be a positive number of minutes.</source>
            <translation>Rhaid i TARGET fod yn nifer positif o funudau.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="138" />
            <source>Example</source>
            <translation>Enghraifft</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="177" />
            <source>This algorithm needs the Python packages {names}, which are not installed: {hint}. Then restart QGIS.</source>
            <translation>Mae'r algorithm hwn angen y pecynnau Python {names}, nad ydynt wedi'u gosod: {hint}. Yna ailgychwynnwch QGIS.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="185" />
            <source>First run since the plugin was installed or updated: compiling the drive-time engine (about 10-30 seconds, once; later runs start at once).</source>
            <translation>Rhediad cyntaf ers gosod neu ddiweddaru'r ategyn: yn crynhoi'r peiriant amser gyrru (tua 10-30 eiliad, unwaith; bydd rhediadau wedyn yn dechrau ar unwaith).</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="193" />
            <location filename="../processing/base.py" line="206" />
            <source>Cancelled: no output was written.</source>
            <translation>Wedi'i ganslo: ni ysgrifennwyd unrhyw allbwn.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="209" />
            <source>Out of memory: the machine has too little free memory for this run; nothing was written. Use a larger cell size or a smaller extent, or close other programs.</source>
            <translation>Allan o gof: nid oes gan y peiriant ddigon o gof rhydd ar gyfer y rhediad hwn; ni ysgrifennwyd dim. Defnyddiwch gelloedd mwy neu estyniad llai, neu caewch raglenni eraill.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="214" />
            <source>Could not write the outputs: {err}. Nothing was written; check the disk space and the output folder.</source>
            <translation>Methwyd ysgrifennu'r allbynnau: {err}. Ni ysgrifennwyd dim; gwiriwch le ar y ddisg a'r ffolder allbwn.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="286" />
            <source>{name}: '{item}' is not a number; give a comma-separated list such as 6,8,15,19.</source>
            <translation>{name}: nid yw '{item}' yn rhif; rhowch restr wedi'i gwahanu gan atalnodau, fel 6,8,15,19.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="290" />
            <source>{name}: '{item}' is not a finite number; give a comma-separated list of finite values such as 6,8,15,19.</source>
            <translation>{name}: nid yw '{item}' yn rhif meidraidd; rhowch restr o werthoedd meidraidd wedi'i gwahanu gan atalnodau, fel 6,8,15,19.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="294" />
            <source>{name}: give at least one value, e.g. 6,8,15,19.</source>
            <translation>{name}: rhowch o leiaf un gwerth, e.e. 6,8,15,19.</translation>
        </message>
        <message>
            <location filename="../processing/base.py" line="296" />
            <source>{name}: every value must be greater than {m}.</source>
            <translation>{name}: rhaid i bob gwerth fod yn fwy na {m}.</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="26" />
            <source>Before calibration</source>
            <translation>Cyn graddnodi</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="27" />
            <source>After calibration (held out)</source>
            <translation>Ar ôl graddnodi (wedi dal yn ôl)</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="39" />
            <source>Observed (minutes)</source>
            <translation>Wedi'i arsylwi (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="40" />
            <source>Modelled (minutes)</source>
            <translation>Wedi'i fodelu (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="55" />
            <source>before</source>
            <translation>cyn</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="57" />
            <source>after (held out)</source>
            <translation>ar ôl (wedi dal yn ôl)</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="59" />
            <source>Straight-line length of the journey (km)</source>
            <translation>Hyd y daith mewn llinell syth (km)</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="60" />
            <source>Modelled - observed (minutes)</source>
            <translation>Wedi'i fodelu - wedi'i arsylwi (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="69" />
            <source>Journeys compared</source>
            <translation>Teithiau a gymharwyd</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="70" />
            <source>Median |error| (%)</source>
            <translation>|Gwall| canolrifol (%)</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="71" />
            <source>Mean signed error (minutes; negative = too fast)</source>
            <translation>Gwall cymedrig ag arwydd (munudau; negatif = rhy gyflym)</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="72" />
            <source>Mean signed error (%)</source>
            <translation>Gwall cymedrig ag arwydd (%)</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="73" />
            <source>Share within ±10 % (%)</source>
            <translation>Cyfran o fewn ±10 % (%)</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="74" />
            <source>Same collaboration band, ≤30 / 30–45 / 45–60 / &gt;60 min (%)</source>
            <translation>Yr un band cydweithio, ≤30 / 30–45 / 45–60 / &gt;60 mun (%)</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="75" />
            <source>Root mean square error (minutes)</source>
            <translation>Gwall isradd sgwâr cymedrig (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="94" />
            <source>observed / modelled</source>
            <translation>a arsylwyd / a fodelwyd</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="120" />
            <source>Fitted parameters</source>
            <translation>Paramedrau wedi'u ffitio</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="121" />
            <source>parameter</source>
            <translation>paramedr</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="121" />
            <source>value</source>
            <translation>gwerth</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="121" />
            <source>standard error</source>
            <translation>gwall safonol</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="122" />
            <source>meaning</source>
            <translation>ystyr</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="123" />
            <source>How close are the times?</source>
            <translation>Pa mor agos yw'r amseroedd?</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="125" />
            <source>Collaboration bands, held out</source>
            <translation>Bandiau cydweithio, wedi dal yn ôl</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="127" />
            <source>Observed against modelled</source>
            <translation>Wedi'i arsylwi yn erbyn wedi'i fodelu</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="128" />
            <source>Observed against modelled minutes</source>
            <translation>Munudau a arsylwyd yn erbyn munudau wedi'u modelu</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="129" />
            <source>Each dot is a journey. Solid line: modelled = observed; dashed: ±10 %. Grey lines: the collaboration bands.</source>
            <translation>Mae pob dot yn daith. Llinell solet: wedi'i fodelu = wedi'i arsylwi; llinell doredig: ±10 %. Llinellau llwyd: y bandiau cydweithio.</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="131" />
            <source>Error against journey length</source>
            <translation>Gwall yn erbyn hyd y daith</translation>
        </message>
        <message>
            <location filename="../processing/calibration_report.py" line="132" />
            <source>Residual against journey length</source>
            <translation>Gweddill yn erbyn hyd y daith</translation>
        </message>
        <message>
            <location filename="../processing/dask_settings.py" line="34" />
            <source>Dask scheduler for large runs (tcp://host:8786, or local:N for N local worker processes; empty: threads in QGIS)</source>
            <translation>Trefnydd Dask ar gyfer rhediadau mawr (tcp://host:8786, neu local:N ar gyfer N proses weithiwr leol; gwag: edafedd yn QGIS)</translation>
        </message>
        <message>
            <location filename="../processing/dask_settings.py" line="37" />
            <source>Folder shared with the Dask workers (optional; empty: the speed surface is sent to each worker)</source>
            <translation>Ffolder a rennir â gweithwyr Dask (dewisol; gwag: anfonir yr arwyneb cyflymder at bob gweithiwr)</translation>
        </message>
        <message>
            <location filename="../processing/dask_settings.py" line="83" />
            <source>DRIVETIME_DASK: {e}. Set it to a scheduler address or local:N (N from 1 to 1024), or clear it (environment variable, or Settings &gt; Options &gt; Processing &gt; Drive-Time Equity) to run in QGIS.</source>
            <translation>DRIVETIME_DASK: {e}. Gosodwch gyfeiriad trefnydd neu local:N (N o 1 i 1024), neu ei glirio (newidyn amgylchedd, neu Gosodiadau &gt; Dewisiadau &gt; Prosesu &gt; Drive-Time Equity) i redeg yn QGIS.</translation>
        </message>
        <message>
            <location filename="../processing/dask_settings.py" line="90" />
            <source>DRIVETIME_DASK is set ({s}) but Dask is not installed: install python3-distributed (Debian: make setup) or clear the setting.</source>
            <translation>Mae DRIVETIME_DASK wedi'i osod ({s}) ond nid yw Dask wedi'i osod: gosodwch python3-distributed (Debian: make setup) neu cliriwch y gosodiad.</translation>
        </message>
        <message>
            <location filename="../processing/dask_settings.py" line="99" />
            <source>DRIVETIME_DASK: could not start or reach the Dask scheduler {s}: {e}. Check the address (the scheduler must be running), or clear the setting to run in QGIS.</source>
            <translation>DRIVETIME_DASK: methwyd cychwyn na chyrraedd trefnydd Dask {s}: {e}. Gwiriwch y cyfeiriad (rhaid i'r trefnydd fod yn rhedeg), neu cliriwch y gosodiad i redeg yn QGIS.</translation>
        </message>
        <message>
            <location filename="../processing/dask_settings.py" line="103" />
            <source>Dask: {d}, {n} workers (started in {t:.1f} s).</source>
            <translation>Dask: {d}, {n} gweithiwr (wedi cychwyn mewn {t:.1f} e).</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="39" />
            <source> and {n} more</source>
            <translation> a {n} arall</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="58" />
            <source>a finite number</source>
            <translation>rhif meidraidd</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="60" />
            <source>a number of at least {lo}</source>
            <translation>rhif o {lo} o leiaf</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="62" />
            <source>a number of at most {hi}</source>
            <translation>rhif o {hi} ar y mwyaf</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="64" />
            <source>a number from {lo} to {hi}</source>
            <translation>rhif o {lo} i {hi}</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="69" />
            <source> (default {d})</source>
            <translation> (rhagosodiad {d})</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="78" />
            <source>{name} ({desc}): {value} is not allowed; give {span}{fix}.</source>
            <translation>{name} ({desc}): ni chaniateir {value}; rhowch {span}{fix}.</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="89" />
            <source>Speed surface (km/h)</source>
            <translation>Arwyneb cyflymder (km/awr)</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="89" />
            <source>Speed surface in km/h (from 'Build speed surface'); 0 or nodata = impassable, at most {m} km/h. Projected CRS in metres, square cells.</source>
            <translation>Arwyneb cyflymder mewn km/awr (o 'Adeiladu arwyneb cyflymder'); 0 neu nodata = anhramwyadwy, {m} km/awr ar y mwyaf. CRS tafluniedig mewn metrau, celloedd sgwâr.</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="98" />
            <source>SPEED: no raster layer given (or it could not be opened); give the speed surface GeoTIFF built by 'Build speed surface'.</source>
            <translation>SPEED: ni roddwyd haen rhastr (neu ni ellid ei hagor); rhowch y GeoTIFF arwyneb cyflymder a adeiladwyd gan 'Adeiladu arwyneb cyflymder'.</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="127" />
            <source>Activation time (minutes)</source>
            <translation>Amser ysgogi (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="132" />
            <source>Minutes added at every site before driving (call handling and getting mobile), from 0 to 1440: 0 for pure drive time; 2 for the ambulance 8-minute standard.</source>
            <translation>Munudau a ychwanegir ym mhob safle cyn gyrru (trin yr alwad a chychwyn ar y ffordd), o 0 i 1440: 0 ar gyfer amser gyrru pur; 2 ar gyfer safon 8 munud y gwasanaeth ambiwlans.</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="139" />
            <source>ACTIVATION: {v} minutes is not allowed; give a number of minutes from 0 to 1440 (0 for pure drive time).</source>
            <translation>ACTIVATION: ni chaniateir {v} munud; rhowch nifer o funudau o 0 i 1440 (0 ar gyfer amser gyrru pur).</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="159" />
            <source>Neighbours</source>
            <translation>Cymdogion</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="161" />
            <source>Moves between cells: 16 (adds knight's moves, as r.cost -k; at most 2.8 % longer than the straight line on a uniform surface) or 8 (as scikit-image MCP_Geometric and plain r.cost; at most 8.3 %).</source>
            <translation>Symudiadau rhwng celloedd: 16 (yn ychwanegu symudiadau marchog, fel r.cost -k; hyd at 2.8 % yn hwy na'r llinell syth ar arwyneb unffurf) neu 8 (fel MCP_Geometric scikit-image a r.cost plaen; hyd at 8.3 %).</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="168" />
            <source>Snap sites to passable cells within (m)</source>
            <translation>Symud safleoedd i gelloedd tramwyadwy o fewn (m)</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="173" />
            <source>A site (point) on an impassable cell is moved to the nearest passable cell within this many metres (0 or more; with a warning); further away is an error naming it.</source>
            <translation>Caiff safle (pwynt) ar gell anhramwyadwy ei symud i'r gell dramwyadwy agosaf o fewn y nifer hwn o fetrau (0 neu fwy; gyda rhybudd); mae ymhellach na hynny yn wall sy'n ei enwi.</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="210" />
            <source>Sites</source>
            <translation>Safleoedd</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="212" />
            <source>Sites (points: stations, A&amp;E departments, standby points), in any CRS. Multi-point features must hold one point each.</source>
            <translation>Safleoedd (pwyntiau: gorsafoedd, adrannau achosion brys, pwyntiau wrth gefn), mewn unrhyw CRS. Rhaid i bob nodwedd aml-bwynt gynnwys un pwynt yn unig.</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="218" />
            <source>Use only the sites inside the speed surface</source>
            <translation>Defnyddio'r safleoedd y tu mewn i'r arwyneb cyflymder yn unig</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="219" />
            <source>Ticked: sites outside the speed surface are left out (their names are logged) instead of stopping the run with an error. Unticked (default): every site must lie on the surface.</source>
            <translation>Wedi'i dicio: gadewir allan y safleoedd y tu allan i'r arwyneb cyflymder (cofnodir eu henwau) yn lle atal y rhediad gyda gwall. Heb ei dicio (rhagosodiad): rhaid i bob safle fod ar yr arwyneb.</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="229" />
            <source>{param}: the layer could not be opened; check the path (and '|layername=' for a GeoPackage).</source>
            <translation>{param}: ni ellid agor yr haen; gwiriwch y llwybr (a '|layername=' ar gyfer GeoPackage).</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="248" />
            <source> or set SITES_INSIDE_ONLY to use only the sites inside it</source>
            <translation> neu gosodwch SITES_INSIDE_ONLY i ddefnyddio'r safleoedd y tu mewn iddo yn unig</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="249" />
            <source>{param}: {n} site(s) lie outside the speed raster: {names}. Build the speed surface over an extent that covers every site (with a margin), select only the sites inside it{extra}.</source>
            <translation>{param}: mae {n} safle y tu allan i'r rhastr cyflymder: {names}. Adeiladwch yr arwyneb cyflymder dros estyniad sy'n cwmpasu pob safle (gydag ymyl), dewiswch y safleoedd sydd y tu mewn iddo yn unig{extra}.</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="255" />
            <source>{param}: none of the {n} site(s) lies inside the speed raster; check that the layers overlap (and their CRS).</source>
            <translation>{param}: nid oes yr un o'r {n} safle y tu mewn i'r rhastr cyflymder; gwiriwch fod yr haenau'n gorgyffwrdd (a'u CRS).</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="259" />
            <source>{param}: {n} site(s) outside the speed raster are left out (SITES_INSIDE_ONLY): {names}.</source>
            <translation>{param}: gadewir allan {n} safle y tu allan i'r rhastr cyflymder (SITES_INSIDE_ONLY): {names}.</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="326" />
            <source>a line layer</source>
            <translation>haen linellau</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="326" />
            <source>a polygon layer</source>
            <translation>haen bolygonau</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="327" />
            <source>a table without geometry</source>
            <translation>tabl heb geometreg</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="327" />
            <source>not a point layer</source>
            <translation>nid haen bwyntiau</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="328" />
            <source>{param}: the layer is {kind}; sites must be points. Give a point layer (convert lines or polygons with 'Centroids' or 'Point on surface' if that is what you mean).</source>
            <translation>{param}: mae'r haen yn {kind}; rhaid i safleoedd fod yn bwyntiau. Rhowch haen bwyntiau (troswch linellau neu bolygonau gyda 'Centroids' neu 'Point on surface' os mai dyna a olygwch).</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="332" />
            <source>{param}: the layer has no valid coordinate reference system, so its points cannot be placed on the speed surface. Set its CRS (Layer Properties &gt; Source), e.g. EPSG:27700.</source>
            <translation>{param}: nid oes gan yr haen system gyfeirnodau cyfesurynnau ddilys, felly ni ellir gosod ei phwyntiau ar yr arwyneb cyflymder. Gosodwch ei CRS (Priodweddau'r Haen &gt; Ffynhonnell), e.e. EPSG:27700.</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="338" />
            <source>{param}: the layer has no field '{f}'; its fields are: {names}.</source>
            <translation>{param}: nid oes gan yr haen faes '{f}'; ei meysydd yw: {names}.</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="354" />
            <source>{param}: feature {fid} is not a point ({type}); sites must be points.</source>
            <translation>{param}: nid yw nodwedd {fid} yn bwynt ({type}); rhaid i safleoedd fod yn bwyntiau.</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="378" />
            <source>{param}: {n} point(s) could not be transformed from the layer's CRS ({src}) to the speed surface's (feature ids {ids}). Is the layer's CRS right (e.g. metres in a layer marked as degrees)? Set it in Layer Properties &gt; Source.</source>
            <translation>{param}: ni ellid trawsnewid {n} pwynt o CRS yr haen ({src}) i CRS yr arwyneb cyflymder (dynodyddion nodwedd {ids}). A yw CRS yr haen yn gywir (e.e. metrau mewn haen a nodwyd mewn graddau)? Gosodwch ef ym Mhriodweddau'r Haen &gt; Ffynhonnell.</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="384" />
            <source>{param}: {n} multi-point feature(s) hold more than one point (feature id (points): {ids}); a site is one place. Split them with 'Multipart to singleparts' (each point then becomes a site with the feature's attributes), or keep one point per feature.</source>
            <translation>{param}: mae {n} nodwedd aml-bwynt yn cynnwys mwy nag un pwynt (dynodydd nodwedd (pwyntiau): {ids}); un lle yw safle. Holltwch hwy gyda 'Multipart to singleparts' (daw pob pwynt wedyn yn safle gyda phriodoleddau'r nodwedd), neu cadwch un pwynt i bob nodwedd.</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="390" />
            <source>{param}: the layer has no features with a geometry (is it empty, or is an empty selection or filter in use?).</source>
            <translation>{param}: nid oes gan yr haen nodweddion â geometreg (a yw'n wag, neu a oes detholiad neu hidlydd gwag ar waith?).</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="394" />
            <source>{param}: {n} feature(s) without a geometry were left out (feature ids {ids}).</source>
            <translation>{param}: gadawyd allan {n} nodwedd heb geometreg (dynodyddion nodwedd {ids}).</translation>
        </message>
        <message>
            <location filename="../processing/inputs.py" line="434" />
            <source>{param}: {n} site(s) have no road within {d} m (no cell faster than the off-road background of {bg} km/h): {names}. They may lie beyond the roads the speed surface was built from (e.g. outside the county), so their drive times are long off-road journeys; build the surface from roads that reach them, or leave them out.</source>
            <translation>{param}: nid oes ffordd o fewn {d} m i {n} safle (dim cell gyflymach na chefndir oddi ar y ffordd o {bg} km/awr): {names}. Efallai eu bod y tu hwnt i'r ffyrdd yr adeiladwyd yr arwyneb cyflymder ohonynt (e.e. y tu allan i'r sir), felly mae eu hamseroedd gyrru yn deithiau hir oddi ar y ffordd; adeiladwch yr arwyneb o ffyrdd sy'n eu cyrraedd, neu gadewch hwy allan.</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="59" />
            <source>Drive time (minutes)</source>
            <translation>Amser gyrru (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="60" />
            <source>Drive time to the nearest A&amp;E</source>
            <translation>Amser gyrru i'r adran achosion brys agosaf</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="61" />
            <source>Nearest site</source>
            <translation>Safle agosaf</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="62" />
            <source>Modelled road speed (km/h)</source>
            <translation>Cyflymder ffyrdd wedi'i fodelu (km/awr)</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="63" />
            <source>A&amp;E departments</source>
            <translation>Adrannau achosion brys</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="64" />
            <source>District boundaries</source>
            <translation>Ffiniau ardaloedd</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="65" />
            <source>Sub-ICB areas</source>
            <translation>Ardaloedd is-Fwrdd Gofal Integredig</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="66" />
            <source>Neighbourhoods (LSOAs)</source>
            <translation>Cymdogaethau (LSOAs)</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="67" />
            <source>Primary Care Trust areas (2011)</source>
            <translation>Ardaloedd Ymddiriedolaethau Gofal Sylfaenol (2011)</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="68" />
            <source>Coverage by district</source>
            <translation>Cwmpas fesul ardal</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="69" />
            <source>Coverage by Primary Care Trust (2011)</source>
            <translation>Cwmpas fesul Ymddiriedolaeth Gofal Sylfaenol (2011)</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="70" />
            <source>Change in drive time (scenario)</source>
            <translation>Newid yn yr amser gyrru (senario)</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="71" />
            <source>Scenario: change by area</source>
            <translation>Senario: newid fesul ardal</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="72" />
            <source>Standby points</source>
            <translation>Pwyntiau wrth gefn</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="73" />
            <source>Standby drive zones</source>
            <translation>Parthau gyrru wrth gefn</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="419" />
            <source>Key</source>
            <translation>Allwedd</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="458" />
            <source>The key does not fit beside the map; show fewer layers or use A3 paper.</source>
            <translation>Nid yw'r allwedd yn ffitio wrth ochr y map; dangoswch lai o haenau neu defnyddiwch bapur A3.</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="572" />
            <source>Map produced on {date} with the Drive-Time Equity QGIS plugin.</source>
            <translation>Cynhyrchwyd y map ar {date} gydag ategyn QGIS Tegwch Amser Gyrru.</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="581" />
            <source>SUMMARY is too long for the notes box: it was cut to {n} lines; shorten it or use A3 paper.</source>
            <translation>Mae SUMMARY yn rhy hir ar gyfer y blwch nodiadau: cafodd ei dorri i {n} llinell; byrhewch ef neu defnyddiwch bapur A3.</translation>
        </message>
        <message>
            <location filename="../processing/layout.py" line="591" />
            <source>About this map</source>
            <translation>Am y map hwn</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="132" />
            <source>{param}: could not write {what} to {path}{err}. Check that the disk is not full and that no other program (or another run) is writing the same file.</source>
            <translation>{param}: methwyd ysgrifennu {what} i {path}{err}. Gwiriwch nad yw'r ddisg yn llawn ac nad oes rhaglen arall (neu rediad arall) yn ysgrifennu'r un ffeil.</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="140" />
            <source>a feature (the output is already closed)</source>
            <translation>nodwedd (mae'r allbwn eisoes wedi'i gau)</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="142" />
            <source>a feature</source>
            <translation>nodwedd</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="148" />
            <source>features (the output is already closed)</source>
            <translation>nodweddion (mae'r allbwn eisoes wedi'i gau)</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="151" />
            <source>features</source>
            <translation>nodweddion</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="157" />
            <source>buffered features</source>
            <translation>nodweddion yn y byffer</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="216" />
            <source>{param}: raster outputs are written as GeoTIFF, so the file must end in .tif or .tiff, not '{ext}'. Give a name such as {example}.</source>
            <translation>{param}: caiff allbynnau raster eu hysgrifennu fel GeoTIFF, felly rhaid i'r ffeil orffen gyda .tif neu .tiff, nid '{ext}'. Rhowch enw fel {example}.</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="218" />
            <location filename="../processing/outputs.py" line="225" />
            <source>(no extension)</source>
            <translation>(dim estyniad ffeil)</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="223" />
            <source>{param}: '{ext}' is not a vector format QGIS can write. Give a file ending in .gpkg (GeoPackage, recommended), .shp, .geojson or .csv.</source>
            <translation>{param}: nid yw '{ext}' yn fformat fector y gall QGIS ei ysgrifennu. Rhowch ffeil sy'n gorffen gyda .gpkg (GeoPackage, a argymhellir), .shp, .geojson neu .csv.</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="229" />
            <source>{param}: '{ext}' is not a file type this output can write; give a file ending in {allowed}.</source>
            <translation>{param}: nid yw '{ext}' yn fath o ffeil y gall yr allbwn hwn ei ysgrifennu; rhowch ffeil sy'n gorffen gyda {allowed}.</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="237" />
            <source>{param}: {path} is a folder; give a file name inside it.</source>
            <translation>{param}: ffolder yw {path}; rhowch enw ffeil y tu mewn iddo.</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="247" />
            <source>{param}: cannot write {path}: {parent} is a file, not a folder. Choose another folder or file name.</source>
            <translation>{param}: ni ellir ysgrifennu {path}: ffeil yw {parent}, nid ffolder. Dewiswch ffolder neu enw ffeil arall.</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="261" />
            <source>{param}: cannot write in the folder {folder} ({err}). Choose a folder you can write to.</source>
            <translation>{param}: ni ellir ysgrifennu yn y ffolder {folder} ({err}). Dewiswch ffolder y gallwch ysgrifennu iddo.</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="286" />
            <source>{param}: {path} is also the input {input}; writing it would destroy the input. Give a new file name.</source>
            <translation>{param}: {path} yw'r mewnbwn {input} hefyd; byddai ei ysgrifennu yn dinistrio'r mewnbwn. Rhowch enw ffeil newydd.</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="291" />
            <source>{param}: {path} is also the output {other}; each output needs its own file (one would overwrite the other).</source>
            <translation>{param}: {path} yw'r allbwn {other} hefyd; mae angen ffeil ei hun ar bob allbwn (byddai un yn trosysgrifo'r llall).</translation>
        </message>
        <message>
            <location filename="../processing/outputs.py" line="360" />
            <source>{param}: {n} features were written but the file {path} holds {m}: the write did not complete (is another program or run writing the same file, or the disk full?). Run again.</source>
            <translation>{param}: ysgrifennwyd {n} nodwedd ond mae'r ffeil {path} yn dal {m}: ni chwblhawyd yr ysgrifennu (a oes rhaglen neu rediad arall yn ysgrifennu'r un ffeil, neu a yw'r ddisg yn llawn?). Rhedwch eto.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="120" />
            <source>Population as polygons (e.g. LSOAs: each polygon's people are spread over the raster cells in proportion to the exact area of polygon and cell) or points (each point's people in its cell), with POPULATION_FIELD. Give this or POPULATION_RASTER, not both.</source>
            <translation>Poblogaeth fel polygonau (e.e. LSOAs: caiff pobl pob polygon eu lledaenu dros gelloedd y rastr yn ôl union arwynebedd y polygon a'r gell) neu bwyntiau (pobl pob pwynt yn ei gell), gyda POPULATION_FIELD. Rhowch hwn neu POPULATION_RASTER, nid y ddau.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="124" />
            <source>Numeric, non-negative field of the POPULATION layer with the people of each polygon or point (empty values count as 0 with a warning).</source>
            <translation>Maes rhifol, heb werthoedd negatif, yn yr haen POPULATION gyda nifer y bobl ym mhob polygon neu bwynt (mae gwerthoedd gwag yn cyfrif fel 0, gyda rhybudd).</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="127" />
            <source>Population as a raster of people per cell (any grid and CRS: resampled to the raster's grid by summing, exactly by area; totals kept), instead of POPULATION. On the qgis_process command line give it as a GeoTIFF, as QGIS 3.22 does not open GeoPackage rasters from a path here.</source>
            <translation>Poblogaeth fel rastr o bobl fesul cell (unrhyw grid a CRS: caiff ei ailsamplu i grid y rastr drwy adio, yn union yn ôl arwynebedd; cedwir y cyfansymiau), yn lle POPULATION. Ar linell orchymyn qgis_process rhowch ef fel GeoTIFF, gan nad yw QGIS 3.22 yn agor rhastrau GeoPackage o lwybr yma.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="138" />
            <source>Population (polygons or points)</source>
            <translation>Poblogaeth (polygonau neu bwyntiau)</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="143" />
            <source>Population raster (people per cell)</source>
            <translation>Rastr poblogaeth (pobl fesul cell)</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="159" />
            <source>POPULATION: '{name}' is a raster; POPULATION takes polygons or points (with POPULATION_FIELD). Pass a population raster as POPULATION_RASTER instead (on the command line: --POPULATION_RASTER=...).</source>
            <translation>POPULATION: rastr yw '{name}'; mae POPULATION yn cymryd polygonau neu bwyntiau (gyda POPULATION_FIELD). Rhowch rastr poblogaeth fel POPULATION_RASTER yn lle hynny (ar y llinell orchymyn: --POPULATION_RASTER=...).</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="164" />
            <source>POPULATION and POPULATION_RASTER: give the population once, either as polygons or points in POPULATION (with POPULATION_FIELD) or as a raster of people per cell in POPULATION_RASTER, not both.</source>
            <translation>POPULATION a POPULATION_RASTER: rhowch y boblogaeth unwaith, naill ai fel polygonau neu bwyntiau yn POPULATION (gyda POPULATION_FIELD) neu fel rastr o bobl fesul cell yn POPULATION_RASTER, nid y ddau.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="171" />
            <source>POPULATION, POPULATION_RASTER or {alt}: give the population, as polygons or points in POPULATION (with POPULATION_FIELD) or as a raster of people per cell in POPULATION_RASTER, or incident points in {alt}.</source>
            <translation>POPULATION, POPULATION_RASTER neu {alt}: rhowch y boblogaeth, fel polygonau neu bwyntiau yn POPULATION (gyda POPULATION_FIELD) neu fel rastr o bobl fesul cell yn POPULATION_RASTER, neu bwyntiau digwyddiadau yn {alt}.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="175" />
            <source>POPULATION or POPULATION_RASTER: give the population, either as polygons or points in POPULATION (with POPULATION_FIELD) or as a raster of people per cell in POPULATION_RASTER.</source>
            <translation>POPULATION neu POPULATION_RASTER: rhowch y boblogaeth, naill ai fel polygonau neu bwyntiau yn POPULATION (gyda POPULATION_FIELD) neu fel rastr o bobl fesul cell yn POPULATION_RASTER.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="219" />
            <source>Areas are named by their field '{f}' in the summary and labels (set AREA_ID_FIELD or AREA_NAME_FIELD to choose another).</source>
            <translation>Caiff yr ardaloedd eu henwi yn ôl eu maes '{f}' yn y crynodeb a'r labeli (gosodwch AREA_ID_FIELD neu AREA_NAME_FIELD i ddewis un arall).</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="223" />
            <source>{param}: the areas layer has no field '{f}'.</source>
            <translation>{param}: nid oes gan yr haen ardaloedd faes '{f}'.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="229" />
            <source>AREAS are in {a}; reprojected to the raster's {b} for the calculation (the output keeps their CRS).</source>
            <translation>Mae AREAS yn {a}; wedi'u hail-daflunio i CRS y rhastr ({b}) ar gyfer y cyfrifiad (mae'r allbwn yn cadw eu CRS nhw).</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="232" />
            <source>AREAS has no CRS; assuming the drive-time raster's ({c}).</source>
            <translation>Nid oes CRS gan AREAS; yn tybio CRS y rhastr amser gyrru ({c}).</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="244" />
            <source>AREAS: feature {fid} could not be reprojected to the raster's CRS; check the layer's CRS.</source>
            <translation>AREAS: nid oedd modd ail-daflunio nodwedd {fid} i CRS y rhastr; gwiriwch CRS yr haen.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="254" />
            <source>AREAS: the layer has no features (empty selection or filter?).</source>
            <translation>AREAS: nid oes nodweddion yn yr haen (detholiad neu hidlydd gwag?).</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="257" />
            <source>AREA_ID_FIELD: {n} area(s) have an empty id (features {fids}). Fill the ids or choose another field.</source>
            <translation>AREA_ID_FIELD: mae gan {n} ardal ddynodydd gwag (nodweddion {fids}). Llenwch y dynodyddion neu dewiswch faes arall.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="266" />
            <source>AREA_ID_FIELD: the ids must be unique; {n} value(s) repeat, e.g. {ids}. Dissolve the areas by the id (Vector &gt; Geoprocessing &gt; Dissolve) or choose a unique field.</source>
            <translation>AREA_ID_FIELD: rhaid i'r dynodyddion fod yn unigryw; mae {n} gwerth yn cael eu hailadrodd, e.e. {ids}. Toddwch yr ardaloedd yn ôl y dynodydd (Vector &gt; Geoprocessing &gt; Dissolve) neu dewiswch faes unigryw.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="274" />
            <source>AREAS: {n} area(s) have an invalid geometry (e.g. a self-intersecting ring) and were repaired for the calculation: {names}. Check their figures, or fix the layer with Vector &gt; Geometry Tools &gt; Fix Geometries.</source>
            <translation>AREAS: mae gan {n} ardal geometreg annilys (e.e. cylch sy'n croesi ei hun) a chawsant eu trwsio ar gyfer y cyfrifiad: {names}. Gwiriwch eu ffigurau, neu trwsiwch yr haen gyda Vector &gt; Geometry Tools &gt; Fix Geometries.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="281" />
            <source>AREAS: {n} pair(s) of areas overlap: {pairs}. The people of an overlap are counted in each area that holds it (and more than once in the whole-study-area figures).</source>
            <translation>AREAS: mae {n} pâr o ardaloedd yn gorgyffwrdd: {pairs}. Caiff pobl gorgyffwrdd eu cyfrif ym mhob ardal sy'n ei gynnwys (a mwy nag unwaith yn ffigurau'r ardal astudio gyfan).</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="290" />
            <source>AREAS: none of the {n} areas overlaps the drive-time raster (extent {e}, {crs}). Check that both layers have the right CRS, or compute the drive time over these areas.</source>
            <translation>AREAS: nid oes yr un o'r {n} ardal yn gorgyffwrdd â'r rhastr amser gyrru (estyniad {e}, {crs}). Gwiriwch fod gan y ddwy haen y CRS cywir, neu cyfrifwch yr amser gyrru dros yr ardaloedd hyn.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="296" />
            <source>{n} area(s) lie wholly outside the drive-time raster and get NULL figures: {names}.</source>
            <translation>Mae {n} ardal yn gyfan gwbl y tu allan i'r rhastr amser gyrru ac yn cael ffigurau NULL: {names}.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="334" />
            <source>{param}: fields need a vector POPULATION layer; with POPULATION_RASTER leave it empty (urbanity is then classified by density).</source>
            <translation>{param}: mae angen haen POPULATION fector ar gyfer meysydd; gyda POPULATION_RASTER gadewch ef yn wag (caiff trefoldeb ei ddosbarthu yn ôl dwysedd wedyn).</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="338" />
            <source>POPULATION_FIELD is ignored: the population comes from POPULATION_RASTER (people per cell).</source>
            <translation>Anwybyddir POPULATION_FIELD: daw'r boblogaeth o POPULATION_RASTER (pobl fesul cell).</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="350" />
            <source>POPULATION: '{name}' holds lines; give polygons (e.g. LSOAs) or points, or a population raster as POPULATION_RASTER.</source>
            <translation>POPULATION: mae '{name}' yn cynnwys llinellau; rhowch bolygonau (e.e. LSOAs) neu bwyntiau, neu rastr poblogaeth fel POPULATION_RASTER.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="356" />
            <source>POPULATION_FIELD: choose the numeric field holding the people of each feature (e.g. pop_mid2018).</source>
            <translation>POPULATION_FIELD: dewiswch y maes rhifol sy'n cynnwys nifer y bobl ym mhob nodwedd (e.e. pop_mid2018).</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="362" />
            <source>{param}: the population layer '{name}' has no field '{f}'.</source>
            <translation>{param}: nid oes gan yr haen poblogaeth '{name}' faes '{f}'.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="365" />
            <source>POPULATION_FIELD: '{f}' is a {t} field, not a number. Convert it with the Field calculator (to_real("{f}")) or choose a numeric field.</source>
            <translation>POPULATION_FIELD: mae '{f}' yn faes {t}, nid rhif. Trowch ef yn rhif gyda'r Field calculator (to_real("{f}")) neu dewiswch faes rhifol.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="412" />
            <source>POPULATION_FIELD: {n} feature(s) have a negative or invalid population (e.g. feature {fid}: {v}). Population must be zero or positive; fix or filter those features.</source>
            <translation>POPULATION_FIELD: mae gan {n} nodwedd boblogaeth negatif neu annilys (e.e. nodwedd {fid}: {v}). Rhaid i'r boblogaeth fod yn sero neu'n bositif; cywirwch neu hidlwch y nodweddion hynny.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="417" />
            <source>POPULATION_FIELD: {n} feature(s) have no population value; counted as 0.</source>
            <translation>POPULATION_FIELD: nid oes gwerth poblogaeth gan {n} nodwedd; fe'u cyfrifir fel 0.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="420" />
            <source>POPULATION: {n} polygon(s) have an invalid geometry (e.g. a self-intersecting ring) and were repaired before spreading their people: feature(s) {fids}. Check them, or fix the layer with Vector &gt; Geometry Tools &gt; Fix Geometries.</source>
            <translation>POPULATION: mae gan {n} polygon geometreg annilys (e.e. cylch sy'n croesi ei hun) a chawsant eu trwsio cyn lledaenu eu pobl: nodwedd(ion) {fids}. Gwiriwch nhw, neu trwsiwch yr haen gyda Vector &gt; Geometry Tools &gt; Fix Geometries.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="425" />
            <source>POPULATION: {p} people sit on features without a geometry and are left out.</source>
            <translation>POPULATION: mae {p} o bobl ar nodweddion heb geometreg, ac maent wedi'u gadael allan.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="428" />
            <source>POPULATION: the layer has no features with a geometry.</source>
            <translation>POPULATION: nid oes gan yr haen nodweddion â geometreg.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="432" />
            <source>URBANITY_FIELD: {err}.</source>
            <translation>URBANITY_FIELD: {err}.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="434" />
            <source>URBANITY_FIELD: {n} feature(s) have no class; they are reported as 'unclassified'.</source>
            <translation>URBANITY_FIELD: nid oes dosbarth gan {n} nodwedd; fe'u hadroddir fel 'unclassified' (heb eu dosbarthu).</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="451" />
            <source>WEIGHTS: {n} population piece(s) cover only zero weight; spread by plain area instead.</source>
            <translation>WEIGHTS: mae {n} darn o boblogaeth yn cwmpasu pwysau sero yn unig; fe'u lledaenwyd yn ôl arwynebedd plaen yn lle hynny.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="475" />
            <source>POPULATION_RASTER: {err}. Resample the population raster to square, north-up cells (counts are summed).</source>
            <translation>POPULATION_RASTER: {err}. Ailsamplwch y rastr poblogaeth i gelloedd sgwâr â'r gogledd i fyny (caiff y niferoedd eu hadio).</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="478" />
            <source>POPULATION_RASTER: the raster has negative values; it must hold people per cell.</source>
            <translation>POPULATION_RASTER: mae gan y rastr werthoedd negatif; rhaid iddo gynnwys pobl fesul cell.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="482" />
            <source>The population raster ({a}) is reprojected cell by cell to {b}.</source>
            <translation>Caiff y rhastr poblogaeth ({a}) ei ail-daflunio fesul cell i {b}.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="516" />
            <source>WEIGHTS: the weights raster must be on the drive-time grid (same extent and cell size); align it with Raster &gt; Align Rasters or warp it to the drive-time raster's grid.</source>
            <translation>WEIGHTS: rhaid i'r rhastr pwysau fod ar grid yr amser gyrru (yr un estyniad a maint cell); aliniwch ef gyda Raster &gt; Align Rasters neu ail-daflunio (Warp) i grid y rhastr amser gyrru.</translation>
        </message>
        <message>
            <location filename="../processing/population.py" line="521" />
            <source>WEIGHTS: weights must be zero or positive.</source>
            <translation>WEIGHTS: rhaid i'r pwysau fod yn sero neu'n bositif.</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="16" />
            <source>{param}: {what} has no valid coordinate reference system. Set its CRS (Layer Properties &gt; Source) to a projected CRS in metres such as EPSG:27700 (British National Grid).</source>
            <translation>{param}: nid oes system cyfeirnodau cyfesurynnau ddilys gan {what}. Gosodwch ei CRS (Layer Properties &gt; Source) i CRS tafluniedig mewn metrau, fel EPSG:27700 (Grid Cenedlaethol Prydain).</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="20" />
            <source>{param}: {what} is in a geographic CRS ({crs}, degrees) but cell sizes and distances are in metres. Use a projected CRS in metres, such as EPSG:27700 (British National Grid) in Great Britain: reproject the layer, or set the target CRS (TARGET_CRS) where the algorithm has one.</source>
            <translation>{param}: mae {what} mewn CRS daearyddol ({crs}, graddau) ond mae meintiau celloedd a phellteroedd mewn metrau. Defnyddiwch CRS tafluniedig mewn metrau, fel EPSG:27700 (Grid Cenedlaethol Prydain) ym Mhrydain Fawr: ail-dafluniwch yr haen, neu gosodwch y CRS targed (TARGET_CRS) lle mae gan yr algorithm un.</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="26" />
            <source>{param}: {what} uses {units}, not metres ({crs}). Use a projected CRS in metres such as EPSG:27700.</source>
            <translation>{param}: mae {what} yn defnyddio {units}, nid metrau ({crs}). Defnyddiwch CRS tafluniedig mewn metrau, fel EPSG:27700.</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="41" />
            <source>{param}: no raster layer given.</source>
            <translation>{param}: ni roddwyd haen rastr.</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="43" />
            <source>{param}: '{name}' is not a file-based raster ({provider}); save it as a GeoTIFF first.</source>
            <translation>{param}: nid yw '{name}' yn rhastr mewn ffeil ({provider}); cadwch ef fel GeoTIFF yn gyntaf.</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="59" />
            <source>{param}: a grid of {r} x {c} cells needs about {need} of memory for this run, but only {have} is available. {fix}</source>
            <translation>{param}: mae grid o {r} x {c} cell angen tua {need} o gof ar gyfer y rhediad hwn, ond dim ond {have} sydd ar gael. {fix}</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="63" />
            <source>Use a coarser speed surface (a larger CELL_SIZE in 'Build speed surface': doubling it quarters the cells) or a smaller extent, or close other programs.</source>
            <translation>Defnyddiwch arwyneb cyflymder brasach (CELL_SIZE mwy yn 'Adeiladu arwyneb cyflymder': mae ei ddyblu yn chwarteru'r celloedd) neu estyniad llai, neu caewch raglenni eraill.</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="77" />
            <source>the raster '{name}'</source>
            <translation>y rhastr '{name}'</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="94" />
            <source>{param}: {err}. Resample the raster to square, north-up cells (Warp).</source>
            <translation>{param}: {err}. Ailsamplwch y rhastr i gelloedd sgwâr sy'n wynebu'r gogledd (Warp).</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="104" />
            <source>{param}: the raster has negative speeds; it must hold km/h (0 or nodata = impassable).</source>
            <translation>{param}: mae gan y rhastr gyflymderau negatif; rhaid iddo gynnwys km/awr (0 neu nodata = anhramwyadwy).</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="109" />
            <source>{param}: the raster holds speeds up to {top:g} km/h; speeds must be finite km/h from 0 to {m:g} (0 or nodata = impassable). Is it in another unit, or another kind of raster? Build it with 'Build speed surface', or fix the values (e.g. with the Raster calculator).</source>
            <translation>{param}: mae'r rhastr yn cynnwys cyflymderau hyd at {top:g} km/awr; rhaid i gyflymderau fod yn km/awr meidraidd o 0 i {m:g} (0 neu nodata = anhramwyadwy). A yw mewn uned arall, neu'n fath arall o rastr? Adeiladwch ef gyda 'Adeiladu arwyneb cyflymder', neu cywirwch y gwerthoedd (e.e. gyda'r Cyfrifiannell rhastr).</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="125" />
            <source>{param}: no cell has a positive speed; build it with 'Build speed surface' (km/h).</source>
            <translation>{param}: nid oes gan unrhyw gell gyflymder positif; adeiladwch ef gydag 'Adeiladu arwyneb cyflymder' (km/awr).</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="151" />
            <source>{param}: the raster's {tag} metadata ({value}) is not a fixed time in minutes between 0 and 120. Calibrate the surface again (drivetime:calibrate) or remove the item (gdal_edit.py -unsetmd).</source>
            <translation>{param}: nid yw metadata {tag} y rhastr ({value}) yn amser sefydlog mewn munudau rhwng 0 a 120. Graddnodwch yr arwyneb eto (drivetime:calibrate) neu tynnwch yr eitem (gdal_edit.py -unsetmd).</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="157" />
            <source>Calibrated speed surface: every journey gets its fixed time of {f:.2f} min (drive time = fixed time + driving).</source>
            <translation>Arwyneb cyflymder wedi'i raddnodi: mae pob taith yn cael ei hamser sefydlog o {f:.2f} mun (amser gyrru = amser sefydlog + gyrru).</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="160" />
            <source>Calibrated speed surface: drive time = activation ({a:g} min) + fixed time ({f:.2f} min) + driving.</source>
            <translation>Arwyneb cyflymder wedi'i raddnodi: amser gyrru = amser ysgogi ({a:g} mun) + amser sefydlog ({f:.2f} mun) + gyrru.</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="267" />
            <source>{param}: no layer given.</source>
            <translation>{param}: ni roddwyd haen.</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="283" />
            <source>{param}: {n} feature(s) lie outside the speed raster (e.g. {ids}). Build the speed surface over an extent that covers every site (with a margin), or select only the sites inside it.</source>
            <translation>{param}: mae {n} nodwedd y tu allan i'r rhastr cyflymder (e.e. {ids}). Adeiladwch yr arwyneb cyflymder dros estyniad sy'n cwmpasu pob safle (gydag ymyl), neu dewiswch y safleoedd sydd y tu mewn iddo yn unig.</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="292" />
            <source>{param}: site(s) {ids} lie on impassable cells (barrier or zero speed) with no passable cell within {d} m. Move the site(s) onto the road network or raise the snapping distance.</source>
            <translation>{param}: mae safle(oedd) {ids} ar gelloedd anhramwyadwy (rhwystr neu gyflymder sero) heb gell dramwyadwy o fewn {d} m. Symudwch y safle(oedd) i'r rhwydwaith ffyrdd neu cynyddwch y pellter symud.</translation>
        </message>
        <message>
            <location filename="../processing/qgis_io.py" line="298" />
            <source>Site {id} was on an impassable cell and was moved {d:.0f} m to the nearest passable cell.</source>
            <translation>Roedd safle {id} ar gell anhramwyadwy ac fe'i symudwyd {d:.0f} m i'r gell dramwyadwy agosaf.</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="39" />
            <source>% of residents within {T} min</source>
            <translation>% o drigolion o fewn {T} munud</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="48" />
            <source>By area</source>
            <translation>Fesul ardal</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="51" />
            <source>By urbanity</source>
            <translation>Fesul trefoldeb</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="54" />
            <source>Dashed line: the standard of {s} %</source>
            <translation>Llinell doriad: y safon o {s} %</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="98" />
            <source>Minutes' drive to the nearest site</source>
            <translation>Munudau o yrru i'r safle agosaf</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="99" />
            <source>% of residents within</source>
            <translation>% o drigolion o fewn</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="114" />
            <source>coming within {T} min</source>
            <translation>yn dod o fewn {T} munud</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="115" />
            <source>moving beyond {T} min</source>
            <translation>yn symud y tu hwnt i {T} munud</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="157" />
            <source>Residents within {T} minutes, by area and by urbanity</source>
            <translation>Trigolion o fewn {T} munud, fesul ardal a fesul trefoldeb</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="158" />
            <source>Bar chart of the share of residents within {T} minutes</source>
            <translation>Siart bar o gyfran y trigolion o fewn {T} munud</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="159" />
            <source>Purple: meets the standard (dashed line); orange: below it.</source>
            <translation>Porffor: yn cyrraedd y safon (llinell doriad); oren: islaw iddi.</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="160" />
            <source>Residents by drive time</source>
            <translation>Trigolion fesul amser gyrru</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="160" />
            <source>Cumulative share of residents against minutes</source>
            <translation>Cyfran gronnus y trigolion yn erbyn munudau</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="161" />
            <source>Share of residents living within x minutes of the nearest site; the dashed line is the target, grey lines the other thresholds. Residents the raster cannot reach never count.</source>
            <translation>Cyfran y trigolion sy'n byw o fewn x munud i'r safle agosaf; y llinell doriad yw'r targed, y llinellau llwyd yw'r trothwyon eraill. Nid yw trigolion na all y raster eu cyrraedd byth yn cyfrif.</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="174" />
            <source>Gains and losses within {T} minutes, by area</source>
            <translation>Enillion a cholledion o fewn {T} munud, fesul ardal</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="175" />
            <source>Bar chart of people coming within and moving beyond {T} minutes</source>
            <translation>Siart bar o bobl yn dod o fewn ac yn symud y tu hwnt i {T} munud</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="193" />
            <source>Coverage by number of points</source>
            <translation>Cwmpas yn ôl nifer y pwyntiau</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="204" />
            <source>number of new points</source>
            <translation>nifer y pwyntiau newydd</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="206" />
            <source>demand covered</source>
            <translation>galw a gwmpesir</translation>
        </message>
        <message>
            <location filename="../processing/report_charts.py" line="210" />
            <source>target</source>
            <translation>targed</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="69" />
            <source>up to {b} {unit}</source>
            <translation>hyd at {b} {unit}</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="71" />
            <source>{a}–{b} {unit}</source>
            <translation>{a}–{b} {unit}</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="77" />
            <source>over {b} {unit}</source>
            <translation>dros {b} {unit}</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="208" />
            <source>group {g} (1 site)</source>
            <translation>grŵp {g} (1 safle)</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="208" />
            <source>group {g} ({n} sites)</source>
            <translation>grŵp {g} ({n} safle)</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="223" />
            <source>no site within {b} min</source>
            <translation>dim safle o fewn {b} mun</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="224" />
            <source>1 site within {b} min</source>
            <translation>1 safle o fewn {b} mun</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="225" />
            <source>2 sites within {b} min</source>
            <translation>2 safle o fewn {b} mun</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="226" />
            <source>3 sites within {b} min</source>
            <translation>3 safle o fewn {b} mun</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="227" />
            <source>4 or more sites within {b} min</source>
            <translation>4 safle neu fwy o fewn {b} mun</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="233" />
            <source>within 5 min (shared catchment)</source>
            <translation>o fewn 5 mun (dalgylch a rennir)</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="234" />
            <source>5–10 min</source>
            <translation>5–10 mun</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="234" />
            <source>10–15 min</source>
            <translation>10–15 mun</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="235" />
            <source>15–30 min</source>
            <translation>15–30 mun</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="235" />
            <source>over 30 min</source>
            <translation>dros 30 mun</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="270" />
            <source>{a}–{b} % within {T} min</source>
            <translation>{a}–{b} % o fewn {T} mun</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="272" />
            <source>(below the {s} % standard)</source>
            <translation>(islaw'r safon o {s} %)</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="274" />
            <source>(meets the {s} % standard)</source>
            <translation>(yn cyrraedd y safon o {s} %)</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="280" />
            <source>no population</source>
            <translation>dim poblogaeth</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="300" />
            <source>Level</source>
            <translation>Lefel</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="300" />
            <source>Area id</source>
            <translation>Dynodydd ardal</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="300" />
            <source>Urbanity</source>
            <translation>Trefoldeb</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="301" />
            <source>Group</source>
            <translation>Grŵp</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="301" />
            <source>People beyond target</source>
            <translation>Pobl y tu hwnt i'r targed</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="302" />
            <source>% beyond target</source>
            <translation>% y tu hwnt i'r targed</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="302" />
            <source>People unreachable</source>
            <translation>Pobl na ellir eu cyrraedd</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="303" />
            <source>Mean (min)</source>
            <translation>Cymedr (mun)</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="303" />
            <source>90th pct (min)</source>
            <translation>90fed canradd (mun)</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="304" />
            <source>Max (min)</source>
            <translation>Uchafswm (mun)</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="304" />
            <source>Gap to study area (pp)</source>
            <translation>Bwlch i'r ardal astudio (pp)</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="305" />
            <source>Gap to best (pp)</source>
            <translation>Bwlch i'r gorau (pp)</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="305" />
            <source>Meets standard</source>
            <translation>Yn cyrraedd y safon</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="306" />
            <source>People short of standard</source>
            <translation>Pobl islaw'r safon</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="309" />
            <source>People ≤ {T} min</source>
            <translation>Pobl ≤ {T} mun</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="310" />
            <source>% ≤ {T} min</source>
            <translation>% ≤ {T} mun</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="348" />
            <source>modelled {p} % or more too short</source>
            <translation>wedi'i fodelu {p} % neu fwy yn rhy fyr</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="350" />
            <source>modelled {p} % or more too long</source>
            <translation>wedi'i fodelu {p} % neu fwy yn rhy hir</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="352" />
            <source>within ±{p} %</source>
            <translation>o fewn ±{p} %</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="354" />
            <source>{a}–{b} % too short</source>
            <translation>{a}–{b} % yn rhy fyr</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="356" />
            <source>{a}–{b} % too long</source>
            <translation>{a}–{b} % yn rhy hir</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="393" />
            <source>Could not style {layer}: {err}</source>
            <translation>Nid oedd modd rhoi arddull i {layer}: {err}</translation>
        </message>
        <message>
            <location filename="../processing/styling.py" line="464" />
            <source>Could not write the style file {path}</source>
            <translation>Nid oedd modd ysgrifennu'r ffeil arddull {path}</translation>
        </message>
    </context>
    <context>
        <name>MatrixAlgorithm</name>
        <message>
            <location filename="../processing/alg_matrix.py" line="81" />
            <source>Travel-time matrix between sites</source>
            <translation>Matrics amser teithio rhwng safleoedd</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="84" />
            <source>Number of sites within each band break (one raster band per break)</source>
            <translation>Nifer y safleoedd o fewn pob toriad band (un band rhastr i bob toriad)</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="85" />
            <source>Second-nearest minus nearest site time (minutes)</source>
            <translation>Amser yr ail safle agosaf llai'r safle agosaf (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="89" />
            <source>Computes the drive time between every pair of sites over a speed surface (one search per site that stops once every other site is reached, several sites at a time on all cores) and reads it against collaboration bands: by default 30 minutes or less, 30–45, 45–60 and over 60 minutes (a time of exactly 30, 45 or 60 falls in the lower band). Writes the pair table, a map of lines between the sites styled by band, the sites with their nearest partner, counts per band and collaboration groups, optionally the wide matrix as CSV and a raster of shared catchments. Sites on impassable cells are snapped to the nearest passable cell.</source>
            <translation>Yn cyfrifo'r amser gyrru rhwng pob pâr o safleoedd dros arwyneb cyflymder (un chwiliad i bob safle, sy'n stopio pan gyrhaeddir pob safle arall, sawl safle ar y tro ar bob craidd) ac yn ei gymharu â bandiau cydweithio: yn ddiofyn 30 munud neu lai, 30–45, 45–60 a dros 60 munud (mae amser o union 30, 45 neu 60 yn y band is). Yn ysgrifennu'r tabl parau, map o linellau rhwng y safleoedd ag arddull yn ôl band, y safleoedd gyda'u partner agosaf, cyfrifon fesul band a grwpiau cydweithio, ac yn ddewisol y matrics llydan fel CSV a rhastr o ddalgylchoedd a rennir. Caiff safleoedd ar gelloedd anhramwyadwy eu symud i'r gell dramwyadwy agosaf.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="97" />
            <source>Sites (points, e.g. A&amp;E departments), in any CRS; at least two. With 'Selected features only', only the selected sites are used.</source>
            <translation>Safleoedd (pwyntiau, e.e. adrannau achosion brys), mewn unrhyw CRS; o leiaf dau. Gyda 'Selected features only', dim ond y safleoedd a ddewiswyd a ddefnyddir.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="99" />
            <source>Field with a unique id per site (e.g. site_code_2014). Empty = the feature id. Duplicate or empty ids are an error.</source>
            <translation>Maes gyda dynodydd unigryw i bob safle (e.e. site_code_2014). Gwag = dynodydd y nodwedd. Mae dynodyddion dyblyg neu wag yn wall.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="101" />
            <source>Field with the site name used in the tables, the CSV headers and messages (e.g. site_name). Empty = a text field called name or ending in name / nm if the sites have one, else the id.</source>
            <translation>Maes gydag enw'r safle a ddefnyddir yn y tablau, penawdau'r CSV a'r negeseuon (e.e. site_name). Gwag = maes testun o'r enw name neu sy'n gorffen ag name / nm os oes un gan y safleoedd, fel arall yr id.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="104" />
            <source>Band breaks in minutes, comma-separated (default 30,45,60). Band 1 is the closest; a time equal to a break falls in the lower band; one more band holds the times beyond the last break.</source>
            <translation>Toriadau bandiau mewn munudau, wedi'u gwahanu gan atalnodau (rhagosodiad 30,45,60). Band 1 yw'r agosaf; mae amser sy'n hafal i doriad yn y band is; mae un band ychwanegol yn dal yr amseroedd y tu hwnt i'r toriad olaf.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="107" />
            <source>Band labels separated by ';', one per band (number of breaks + 1). The default is the four collaboration bands of the local plan; with other breaks and these default labels, plain labels such as '20–40 min' are used.</source>
            <translation>Labeli bandiau wedi'u gwahanu gan ';', un i bob band (nifer y toriadau + 1). Y rhagosodiad yw pedwar band cydweithio'r cynllun lleol; gyda thoriadau eraill a'r labeli rhagosodedig hyn, defnyddir labeli plaen fel '20–40 mun'.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="111" />
            <source>One time per pair, the mean of both directions (the cell graph is symmetric, so the directions agree to rounding; each pair is searched once, which is faster). Unticked: every site searches to every other site and each direction is kept (row = from, column = to); groups then need both directions within the break, and the lines show the mean.</source>
            <translation>Un amser i bob pâr, sef cymedr y ddau gyfeiriad (mae graff y celloedd yn gymesur, felly mae'r ddau gyfeiriad yn cytuno hyd at dalgrynnu; caiff pob pâr ei chwilio unwaith, sy'n gyflymach). Heb ei dicio: mae pob safle yn chwilio i bob safle arall a chedwir pob cyfeiriad (rhes = o, colofn = i); yna mae grwpiau angen y ddau gyfeiriad o fewn y toriad, ac mae'r llinellau'n dangos y cymedr.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="116" />
            <source>Hierarchical clustering (SciPy) of the matrix for the 'cluster' field of the sites: complete linkage (every pair in a group within the threshold), average, or single linkage (same as the connected groups).</source>
            <translation>Clystyru hierarchaidd (SciPy) o'r matrics ar gyfer maes 'cluster' y safleoedd: cysylltedd cyflawn (pob pâr mewn grŵp o fewn y trothwy), cyfartalog, neu gysylltedd sengl (yr un fath â'r grwpiau cysylltiedig).</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="120" />
            <source>Clustering threshold in minutes (a distance equal to it still merges). Empty = the last band break.</source>
            <translation>Trothwy clystyru mewn munudau (mae pellter sy'n hafal iddo yn dal i uno). Gwag = y toriad band olaf.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="122" />
            <source>Cut the clustering tree into this many groups instead of using the threshold. 0 = use the threshold.</source>
            <translation>Torri'r goeden glystyru yn y nifer hwn o grwpiau yn lle defnyddio'r trothwy. 0 = defnyddio'r trothwy.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="124" />
            <source>What OUTPUT_ZONES holds: the number of sites within each band break (one raster band per break, e.g. band 1 = sites within 30 min), or the difference in minutes between the second-nearest and the nearest site (small = a shared catchment).</source>
            <translation>Beth sydd yn OUTPUT_ZONES: nifer y safleoedd o fewn pob toriad band (un band rhastr i bob toriad, e.e. band 1 = safleoedd o fewn 30 mun), neu'r gwahaniaeth mewn munudau rhwng yr ail safle agosaf a'r safle agosaf (bach = dalgylch a rennir).</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="128" />
            <source>Table without geometry, one row per ordered pair: from_id, from_name, to_id, to_name, minutes, band (1 = closest) and band_label; NULL minutes and band for unreachable pairs.</source>
            <translation>Tabl heb geometreg, un rhes i bob pâr trefnedig: from_id, from_name, to_id, to_name, minutes, band (1 = agosaf) a band_label; minutes a band yn NULL ar gyfer parau na ellir eu cyrraedd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="131" />
            <source>One straight line per pair of sites (from/to ids and names, minutes, band, band_label, straight-line km), styled by band: the closest band widest, darkest and on top. Labels with the minutes are set up but off.</source>
            <translation>Un llinell syth i bob pâr o safleoedd (dynodyddion ac enwau o/i, munudau, band, band_label, km mewn llinell syth), ag arddull yn ôl band: y band agosaf yw'r lletaf a'r tywyllaf, ac ar y brig. Mae labeli gyda'r munudau wedi'u paratoi ond wedi'u diffodd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="134" />
            <source>The sites with: nearest partner and its time, number of partners in each band, mean time to the reachable others, the collaboration group at each band break (grp_30: connected groups of sites linked by times of 30 min or less), the hierarchical-clustering group (cluster) and the snapping distance. Other fields of the input follow.</source>
            <translation>Y safleoedd gyda: y partner agosaf a'i amser, nifer y partneriaid ym mhob band, yr amser cymedrig i'r safleoedd eraill y gellir eu cyrraedd, y grŵp cydweithio ar bob toriad band (grp_30: grwpiau cysylltiedig o safleoedd wedi'u cysylltu gan amseroedd o 30 mun neu lai), y grŵp clystyru hierarchaidd (cluster) a'r pellter symud. Mae meysydd eraill y mewnbwn yn dilyn.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="139" />
            <source>Optional CSV in the wide layout (site names as rows and columns, row = from, column = to), minutes rounded to 0.1, blank where unreachable.</source>
            <translation>CSV dewisol yn y gosodiad llydan (enwau'r safleoedd fel rhesi a cholofnau, rhes = o, colofn = i), munudau wedi'u talgrynnu i 0.1, yn wag lle na ellir cyrraedd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="141" />
            <source>Optional raster of shared catchments (see ZONES_MODE), on the speed surface's grid.</source>
            <translation>Rhastr dewisol o ddalgylchoedd a rennir (gweler ZONES_MODE), ar grid yr arwyneb cyflymder.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="143" />
            <source>Number output: pairs of sites (each pair once).</source>
            <translation>Allbwn rhif: parau o safleoedd (pob pâr unwaith).</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="144" />
            <source>Number output: pairs with no route between them.</source>
            <translation>Allbwn rhif: parau heb lwybr rhyngddynt.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="145" />
            <source>String output: pairs per collaboration band as JSON, keyed by the band's upper break in minutes, e.g. {"30": 4, "45": 2, "60": 1, "beyond": 3, "unreachable": 0}.</source>
            <translation>Allbwn testun: parau fesul band cydweithio fel JSON, wedi'u allweddu yn ôl toriad uchaf y band mewn munudau, e.e. {"30": 4, "45": 2, "60": 1, "beyond": 3, "unreachable": 0}.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="148" />
            <source>Number output: median travel time over the reachable pairs (minutes; the mean of both directions when SYMMETRIC).</source>
            <translation>Allbwn rhif: amser teithio canolrifol dros y parau y gellir eu cyrraedd (munudau; cymedr y ddau gyfeiriad pan fo SYMMETRIC).</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="150" />
            <source>Number output: shortest pair travel time (minutes).</source>
            <translation>Allbwn rhif: yr amser teithio byrraf rhwng pâr (munudau).</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="151" />
            <source>Number output: longest pair travel time over the reachable pairs (minutes).</source>
            <translation>Allbwn rhif: yr amser teithio hiraf dros y parau y gellir eu cyrraedd (munudau).</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="162" />
            <source>Site id field</source>
            <translation>Maes dynodydd safle</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="164" />
            <source>Site name field</source>
            <translation>Maes enw safle</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="166" />
            <source>Collaboration band breaks (minutes)</source>
            <translation>Toriadau bandiau cydweithio (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="168" />
            <source>Band labels (separated by ';')</source>
            <translation>Labeli bandiau (wedi'u gwahanu gan ';')</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="170" />
            <source>Mean of both directions</source>
            <translation>Cymedr y ddau gyfeiriad</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="174" />
            <source>Clustering linkage</source>
            <translation>Cysylltedd clystyru</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="176" />
            <source>Clustering threshold (minutes)</source>
            <translation>Trothwy clystyru (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="178" />
            <source>Number of clusters (0 = threshold)</source>
            <translation>Nifer y clystyrau (0 = trothwy)</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="180" />
            <source>Shared-catchment raster holds</source>
            <translation>Cynnwys y rhastr dalgylchoedd a rennir</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="182" />
            <source>Travel times (pairs)</source>
            <translation>Amseroedd teithio (parau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="184" />
            <source>Collaboration lines</source>
            <translation>Llinellau cydweithio</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="187" />
            <source>Sites with collaboration groups</source>
            <translation>Safleoedd â grwpiau cydweithio</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="190" />
            <source>Wide matrix (CSV)</source>
            <translation>Matrics llydan (CSV)</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="191" />
            <source>CSV files (*.csv)</source>
            <translation>Ffeiliau CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="193" />
            <location filename="../processing/alg_matrix.py" line="555" />
            <source>Shared catchments</source>
            <translation>Dalgylchoedd a rennir</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="195" />
            <source>Pairs</source>
            <translation>Parau</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="195" />
            <source>Unreachable pairs</source>
            <translation>Parau na ellir eu cyrraedd</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="196" />
            <source>Median pair time (minutes)</source>
            <translation>Amser pâr canolrifol (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="197" />
            <source>Shortest pair time (minutes)</source>
            <translation>Amser pâr byrraf (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="198" />
            <source>Longest pair time (minutes)</source>
            <translation>Amser pâr hiraf (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="200" />
            <source>Pairs per band (JSON)</source>
            <translation>Parau fesul band (JSON)</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="209" />
            <source>{param}: the sites layer has no field '{field}'. Choose one of: {names}; or leave it empty.</source>
            <translation>{param}: nid oes gan yr haen safleoedd faes '{field}'. Dewiswch un o: {names}; neu gadewch ef yn wag.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="226" />
            <source>BANDS differ from 30,45,60, so the default collaboration labels do not apply; using: {labels}</source>
            <translation>Mae BANDS yn wahanol i 30,45,60, felly nid yw'r labeli cydweithio rhagosodedig yn berthnasol; yn defnyddio: {labels}</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="234" />
            <source>BAND_LABELS: a label is empty; give a text for every band, separated by ';'.</source>
            <translation>BAND_LABELS: mae label yn wag; rhowch destun ar gyfer pob band, wedi'u gwahanu gan ';'.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="236" />
            <source>BAND_LABELS: give {n} labels separated by ';' (one per band: {k} breaks in BANDS plus the band beyond the last break); got {m}. Leave it empty for the default labels.</source>
            <translation>BAND_LABELS: rhowch {n} label wedi'u gwahanu gan ';' (un i bob band: {k} toriad yn BANDS a'r band y tu hwnt i'r toriad olaf); cafwyd {m}. Gadewch ef yn wag ar gyfer y labeli rhagosodedig.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="252" />
            <source>Sites are named by their field '{f}' (set SITE_NAME_FIELD to choose another).</source>
            <translation>Caiff y safleoedd eu henwi yn ôl eu maes '{f}' (gosodwch SITE_NAME_FIELD i ddewis un arall).</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="263" />
            <source>SITE_ID_FIELD: {n} site(s) have no value in '{field}' (feature ids {fids}). Fill them in, choose another field, or leave SITE_ID_FIELD empty to use the feature ids.</source>
            <translation>SITE_ID_FIELD: nid oes gwerth yn '{field}' gan {n} safle (dynodyddion nodwedd {fids}). Llenwch nhw, dewiswch faes arall, neu gadewch SITE_ID_FIELD yn wag i ddefnyddio dynodyddion y nodweddion.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="277" />
            <source>SITES: a travel-time matrix needs at least two sites; the layer (or its selection / filter) has {n}.</source>
            <translation>SITES: mae matrics amser teithio angen o leiaf ddau safle; mae gan yr haen (neu ei detholiad / hidlydd) {n}.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="286" />
            <source>SITE_ID_FIELD: the id '{id}' is used by {n} sites ({names}); {m} id(s) are duplicated. Choose a field with a unique value per site, or leave SITE_ID_FIELD empty to use the feature ids.</source>
            <translation>SITE_ID_FIELD: mae'r dynodydd '{id}' yn cael ei ddefnyddio gan {n} safle ({names}); mae {m} dynodydd yn ddyblyg. Dewiswch faes gyda gwerth unigryw i bob safle, neu gadewch SITE_ID_FIELD yn wag i ddefnyddio dynodyddion y nodweddion.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="309" />
            <source>CLUSTER_THRESHOLD must be positive (minutes), or empty for the last band break.</source>
            <translation>Rhaid i CLUSTER_THRESHOLD fod yn bositif (munudau), neu'n wag i ddefnyddio'r toriad band olaf.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="330" />
            <source>SITES: a travel-time matrix needs at least two sites; only {n} lie inside the speed raster.</source>
            <translation>SITES: mae matrics amser teithio angen o leiaf ddau safle; dim ond {n} sydd y tu mewn i'r rhastr cyflymder.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="335" />
            <source>{n} sites, {p} pairs, on a {r} x {c} grid of {s:g} m cells, {k} neighbours.</source>
            <translation>{n} safle, {p} pâr, ar grid {r} x {c} o gelloedd {s:g} m, {k} cymydog.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="368" />
            <source>from \ to (minutes)</source>
            <translation>o \ i (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="387" />
            <source>Band {k} ({label}): {n} pairs</source>
            <translation>Band {k} ({label}): {n} pâr</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="390" />
            <source>Unreachable: {n} pairs</source>
            <translation>Ni ellir eu cyrraedd: {n} pâr</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="393" />
            <source>Pair times: shortest {a:.1f} min, median {b:.1f} min, longest {c:.1f} min.</source>
            <translation>Amseroedd parau: byrraf {a:.1f} mun, canolrif {b:.1f} mun, hiraf {c:.1f} mun.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="440" />
            <source>Travel times between sites</source>
            <translation>Amseroedd teithio rhwng safleoedd</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="477" />
            <source>Collaboration bands</source>
            <translation>Bandiau cydweithio</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="526" />
            <source>Sites and collaboration groups</source>
            <translation>Safleoedd a grwpiau cydweithio</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="528" />
            <source>Hierarchical clustering ({linkage}): {g} group(s).</source>
            <translation>Clystyru hierarchaidd ({linkage}): {g} grŵp.</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="531" />
            <source>Connected groups within {b} min: {g}</source>
            <translation>Grwpiau cysylltiedig o fewn {b} mun: {g}</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="543" />
            <source>sites within {b} min</source>
            <translation>safleoedd o fewn {b} mun</translation>
        </message>
        <message>
            <location filename="../processing/alg_matrix.py" line="547" />
            <source>Cells within {b} min of two or more sites: {n} ({km:.1f} km²).</source>
            <translation>Celloedd o fewn {b} mun i ddau safle neu fwy: {n} ({km:.1f} km²).</translation>
        </message>
    </context>
    <context>
        <name>ResponseAlgorithm</name>
        <message>
            <location filename="../processing/alg_response.py" line="73" />
            <source>Response times with demand and busy vehicles</source>
            <translation>Amseroedd ymateb gyda galw a cherbydau prysur</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="77" />
            <source>Estimates response-time performance (call to arrival) per area: the mean and the 90th percentile, as ambulance standards are set (England: Category 1 mean 7 min, 90th percentile 15 min; Category 2 18 / 40), with the vehicles busy on other jobs. Model: calls arrive at random (a Poisson process) at each demand place; each is answered by the nearest free vehicle by drive time; if none is free the call waits for the first one to become free; a vehicle is busy for activation + drive to the scene + the job cycle (exponentially distributed with mean JOB_CYCLE) and is then back at its own station; response = wait + activation + drive. Method 'analytic' (seconds): Larson's hypercube approximation with Jarvis's extension to place-dependent busy times, stations of several vehicles as Erlang loss units, and the M/M/N queue for calls that find every vehicle busy; within about 2 % of the simulation's mean and 5 % of its 90th percentile for utilisations up to about 60 %, slightly pessimistic (a few % high) near 70 %. Method 'simulation': a seeded discrete-event simulation of the same model, with a 95 % confidence interval on every figure (the reference; it costs about a second per million simulated calls). Drive times come from one early-stopping run of the engine per station, to every demand cell.</source>
            <translation>Yn amcangyfrif perfformiad amser ymateb (o'r alwad i gyrraedd) fesul ardal: y cymedr a'r 90fed canradd, fel y gosodir safonau ambiwlans (Lloegr: Categori 1 cymedr 7 munud, 90fed canradd 15 munud; Categori 2 18 / 40), gyda'r cerbydau'n brysur ar swyddi eraill. Model: daw galwadau ar hap (proses Poisson) ym mhob man galw; atebir pob un gan y cerbyd rhydd agosaf yn ôl amser gyrru; os nad oes un yn rhydd, mae'r alwad yn aros i'r cyntaf ddod yn rhydd; mae cerbyd yn brysur am yr amser ysgogi + gyrru i'r digwyddiad + y cylch gwaith (dosraniad esbonyddol â chymedr JOB_CYCLE) ac yna mae'n ôl yn ei orsaf ei hun; ymateb = aros + ysgogi + gyrru. Dull 'analytic' (eiliadau): brasamcan hypercube Larson gydag estyniad Jarvis i amseroedd prysur sy'n dibynnu ar y man, gorsafoedd â sawl cerbyd fel unedau colled Erlang, a'r ciw M/M/N ar gyfer galwadau sy'n canfod pob cerbyd yn brysur; o fewn tua 2 % i gymedr yr efelychiad a 5 % i'w 90fed canradd ar gyfer defnydd hyd at tua 60 %, ychydig yn besimistaidd (ychydig % yn uchel) ger 70 %. Dull 'simulation': efelychiad digwyddiadau arwahanol â hedyn o'r un model, gyda chyfwng hyder 95 % ar bob ffigur (y cyfeirnod; mae'n costio tua eiliad am bob miliwn o alwadau wedi'u hefelychu). Daw amseroedd gyrru o un rhediad o'r peiriant sy'n stopio'n gynnar ar gyfer pob gorsaf, i bob cell galw.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="93" />
            <source>Stations or standby points (points) where vehicles wait. There is no open list of ambulance stations: place your own.</source>
            <translation>Gorsafoedd neu bwyntiau wrth gefn (pwyntiau) lle mae cerbydau'n aros. Nid oes rhestr agored o orsafoedd ambiwlans: gosodwch eich rhai eich hun.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="95" />
            <source>Optional numeric field of STATIONS: vehicles based there (whole numbers, 0 or more); empty: 1 vehicle per station.</source>
            <translation>Maes rhifol dewisol o STATIONS: y cerbydau sydd wedi'u lleoli yno (rhifau cyfan, 0 neu fwy); yn wag: 1 cerbyd i bob gorsaf.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="97" />
            <source>Demand as points (e.g. incident locations) or polygons (e.g. LSOAs). Polygons are spread over the speed raster's cells by exact area, as coverage spreads population; points count in their cell.</source>
            <translation>Galw fel pwyntiau (e.e. lleoliadau digwyddiadau) neu bolygonau (e.e. LSOAs). Caiff polygonau eu taenu dros gelloedd y raster cyflymder yn ôl union arwynebedd, fel y mae cwmpas yn taenu poblogaeth; mae pwyntiau'n cyfrif yn eu cell.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="100" />
            <source>Numeric field of DEMAND: incidents per day at that place (e.g. LSOA population x incidents per person per day). Empty: 1 per feature (scale with DEMAND_FACTOR, e.g. 1/365 for a year of incident points).</source>
            <translation>Maes rhifol o DEMAND: digwyddiadau y dydd yn y man hwnnw (e.e. poblogaeth LSOA x digwyddiadau y person y dydd). Yn wag: 1 i bob nodwedd (graddiwch gyda DEMAND_FACTOR, e.e. 1/365 ar gyfer blwyddyn o bwyntiau digwyddiadau).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="103" />
            <source>Multiplies all demand (demand growth: 1.1 = 10 % more calls).</source>
            <translation>Yn lluosi'r holl alw (twf yn y galw: 1.1 = 10 % yn fwy o alwadau).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="104" />
            <source>Areas to report on (polygons, e.g. districts or PCTs); a demand cell belongs to the area holding its centre.</source>
            <translation>Ardaloedd i adrodd arnynt (polygonau, e.e. ardaloedd neu PCTs); mae cell galw'n perthyn i'r ardal sy'n dal ei chanol.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="106" />
            <source>Unique id field of AREAS (empty: the feature id).</source>
            <translation>Maes dynodydd unigryw AREAS (yn wag: dynodydd y nodwedd).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="107" />
            <source>Optional field of DEMAND with an urban/rural class (ONS RUC 2011 codes or urban / semi-urban / rural), as coverage reads it: the summary then gives the figures by class.</source>
            <translation>Maes dewisol o DEMAND gyda dosbarth trefol/gwledig (codau ONS RUC 2011 neu trefol / lled-drefol / gwledig), fel y mae cwmpas yn ei ddarllen: mae'r crynodeb wedyn yn rhoi'r ffigurau fesul dosbarth.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="110" />
            <source>Mean minutes a vehicle stays busy per incident after arriving (on scene, conveyance, handover, return to station), 0 or more.</source>
            <translation>Cymedr y munudau y mae cerbyd yn aros yn brysur am bob digwyddiad ar ôl cyrraedd (yn y fan a'r lle, cludo, trosglwyddo, dychwelyd i'r orsaf), 0 neu fwy.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="112" />
            <source>Minutes for which the share of responses within is reported (pct_le_&lt;T&gt;), e.g. 7,15.</source>
            <translation>Munudau yr adroddir y gyfran o ymatebion o'u mewn (pct_le_&lt;T&gt;), e.e. 7,15.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="114" />
            <source>analytic (fast; maps and what-if) or simulation (reference, with confidence intervals).</source>
            <translation>analytic (cyflym; mapiau a beth-os) neu simulation (cyfeirnod, gyda chyfyngau hyder).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="116" />
            <source>Optional standard for the mean response (minutes, e.g. 7): with STANDARD_P90 and MAX_ADDED, the vehicles needed are searched.</source>
            <translation>Safon ddewisol ar gyfer yr ymateb cymedrig (munudau, e.e. 7): gyda STANDARD_P90 a MAX_ADDED, chwilir am y cerbydau sydd eu hangen.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="118" />
            <source>Optional standard for the 90th percentile (minutes, e.g. 15).</source>
            <translation>Safon ddewisol ar gyfer y 90fed canradd (munudau, e.e. 15).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="119" />
            <source>Most vehicles the needs search adds (greedy: each added where it most reduces the demand-weighted shortfall of the areas against the standards; analytic method). 0: no search.</source>
            <translation>Y nifer mwyaf o gerbydau y mae'r chwilio am anghenion yn eu hychwanegu (barus: pob un yn cael ei ychwanegu lle mae'n lleihau fwyaf y diffyg wedi'i bwysoli yn ôl galw yn yr ardaloedd yn erbyn y safonau; dull dadansoddol). 0: dim chwilio.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="122" />
            <source>Simulated days per replication (after a 2-day warm-up).</source>
            <translation>Dyddiau wedi'u hefelychu ym mhob ailadroddiad (ar ôl cynhesu am 2 ddiwrnod).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="123" />
            <source>Independent replications of the simulation (confidence intervals from their spread; at least 2).</source>
            <translation>Ailadroddiadau annibynnol o'r efelychiad (cyfyngau hyder o'u gwasgariad; o leiaf 2).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="125" />
            <source>Random seed of the simulation (same seed, same figures).</source>
            <translation>Hedyn hap yr efelychiad (yr un hedyn, yr un ffigurau).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="126" />
            <source>Areas with calls_day, mean_min, p90_min and pct_le_&lt;T&gt; per target (with the simulation: *_ci, half-widths of the 95 % confidence intervals); with the standards, meets (1/0).</source>
            <translation>Ardaloedd gyda calls_day, mean_min, p90_min a pct_le_&lt;T&gt; ar gyfer pob targed (gyda'r efelychiad: *_ci, hanner lled y cyfyngau hyder 95 %); gyda'r safonau, meets (1/0).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="129" />
            <source>Stations with vehicles, utilisation_pct (share of time a vehicle is busy), calls_day answered, pct_outside (% answered at places whose nearest station is another) and, with the needs search, vehicles_added.</source>
            <translation>Gorsafoedd gyda vehicles, utilisation_pct (cyfran yr amser y mae cerbyd yn brysur), calls_day a atebwyd, pct_outside (% a atebwyd mewn mannau lle mae gorsaf arall yn agosaf) a, gyda'r chwilio am anghenion, vehicles_added.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="133" />
            <source>Optional table of the needs search: one row per added vehicle (station, total vehicles, areas failing, trust-wide mean and 90th percentile).</source>
            <translation>Tabl dewisol y chwilio am anghenion: un rhes i bob cerbyd a ychwanegwyd (gorsaf, cyfanswm cerbydau, ardaloedd sy'n methu, cymedr a 90fed canradd ar draws yr ymddiriedolaeth).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="135" />
            <source>Optional HTML (or .txt) file with plain-English sentences: trust-wide, by class and by area.</source>
            <translation>Ffeil HTML (neu .txt) ddewisol gyda brawddegau mewn iaith glir: ar draws yr ymddiriedolaeth, fesul dosbarth a fesul ardal.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="137" />
            <source>Number output: demand-weighted mean response time over all the demand (minutes).</source>
            <translation>Allbwn rhif: amser ymateb cymedrig wedi'i bwysoli yn ôl galw dros yr holl alw (munudau).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="139" />
            <source>Number output: 90th percentile of the response time over all the demand (minutes).</source>
            <translation>Allbwn rhif: 90fed canradd yr amser ymateb dros yr holl alw (munudau).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="141" />
            <source>Number output: share of the time the vehicles are busy, all together (%; analytic model).</source>
            <translation>Allbwn rhif: cyfran yr amser y mae'r cerbydau'n brysur, gyda'i gilydd (%; model dadansoddol).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="143" />
            <source>Number output: share of calls that find every vehicle busy and wait (%; analytic model).</source>
            <translation>Allbwn rhif: cyfran y galwadau sy'n canfod pob cerbyd yn brysur ac yn aros (%; model dadansoddol).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="145" />
            <source>Number output: calls per day in the model (demand on the speed surface that a station can reach, after DEMAND_FACTOR).</source>
            <translation>Allbwn rhif: galwadau y dydd yn y model (galw ar yr arwyneb cyflymder y gall gorsaf ei gyrraedd, ar ôl DEMAND_FACTOR).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="147" />
            <source>Number output: vehicles the needs search added (0 without it).</source>
            <translation>Allbwn rhif: cerbydau a ychwanegwyd gan y chwilio am anghenion (0 hebddo).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="156" />
            <source>Stations (points)</source>
            <translation>Gorsafoedd (pwyntiau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="157" />
            <source>Vehicles field</source>
            <translation>Maes cerbydau</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="159" />
            <source>Demand (points or polygons)</source>
            <translation>Galw (pwyntiau neu bolygonau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="162" />
            <source>Incidents per day field</source>
            <translation>Maes digwyddiadau y dydd</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="164" />
            <source>Demand factor</source>
            <translation>Ffactor galw</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="166" />
            <source>Areas to report on</source>
            <translation>Ardaloedd i adrodd arnynt</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="168" />
            <source>Area id field</source>
            <translation>Maes dynodydd ardal</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="170" />
            <source>Urban/rural class field</source>
            <translation>Maes dosbarth trefol/gwledig</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="173" />
            <source>Job cycle (minutes)</source>
            <translation>Cylch gwaith (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="175" />
            <source>Targets (minutes)</source>
            <translation>Targedau (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="176" />
            <source>Method</source>
            <translation>Dull</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="177" />
            <source>Standard: mean (minutes)</source>
            <translation>Safon: cymedr (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="179" />
            <source>Standard: 90th percentile (minutes)</source>
            <translation>Safon: 90fed canradd (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="181" />
            <source>Vehicles to add at most (needs search)</source>
            <translation>Uchafswm y cerbydau i'w hychwanegu (chwilio am anghenion)</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="183" />
            <source>Simulated days per replication</source>
            <translation>Dyddiau wedi'u hefelychu ym mhob ailadroddiad</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="186" />
            <source>Simulation replications</source>
            <translation>Ailadroddiadau'r efelychiad</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="189" />
            <source>Random seed</source>
            <translation>Hedyn ar hap</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="193" />
            <source>Response times by area</source>
            <translation>Amseroedd ymateb fesul ardal</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="195" />
            <location filename="../processing/alg_response.py" line="614" />
            <source>Station workload</source>
            <translation>Llwyth gwaith gorsafoedd</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="197" />
            <source>Vehicles needed</source>
            <translation>Cerbydau sydd eu hangen</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="199" />
            <source>Summary</source>
            <translation>Crynodeb</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="200" />
            <source>HTML files (*.html);;Text files (*.txt)</source>
            <translation>Ffeiliau HTML (*.html);;Ffeiliau testun (*.txt)</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="202" />
            <source>Mean response (minutes)</source>
            <translation>Ymateb cymedrig (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="202" />
            <source>90th percentile response (minutes)</source>
            <translation>Ymateb 90fed canradd (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="203" />
            <source>Vehicle utilisation (%)</source>
            <translation>Defnydd cerbydau (%)</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="203" />
            <source>Calls that wait (%)</source>
            <translation>Galwadau sy'n aros (%)</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="203" />
            <source>Calls per day</source>
            <translation>Galwadau y dydd</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="204" />
            <source>Vehicles added</source>
            <translation>Cerbydau a ychwanegwyd</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="263" />
            <source>Trust-wide: mean {m:.1f} min, 90th percentile {p:.1f} min.</source>
            <translation>Ar draws yr ymddiriedolaeth: cymedr {m:.1f} munud, 90fed canradd {p:.1f} munud.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="265" />
            <source>Done in {t:.1f} s.</source>
            <translation>Wedi gorffen mewn {t:.1f} eiliad.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="275" />
            <source>JOB_CYCLE: {v} minutes is not allowed; give the mean minutes a vehicle stays busy after arriving (on scene, conveyance, handover, return), 0 or more, e.g. 60.</source>
            <translation>JOB_CYCLE: ni chaniateir {v} munud; rhowch gymedr y munudau y mae cerbyd yn aros yn brysur ar ôl cyrraedd (yn y fan a'r lle, cludo, trosglwyddo, dychwelyd), 0 neu fwy, e.e. 60.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="280" />
            <source>DEMAND_FACTOR: {v} is not allowed; give a positive factor (1 = the demand as given, 1.1 = 10 % more).</source>
            <translation>DEMAND_FACTOR: ni chaniateir {v}; rhowch ffactor positif (1 = y galw fel y'i rhoddwyd, 1.1 = 10 % yn fwy).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="290" />
            <source>MAX_ADDED: the needs search needs a standard; give STANDARD_MEAN and/or STANDARD_P90 (e.g. 7 and 15), or set MAX_ADDED to 0.</source>
            <translation>MAX_ADDED: mae angen safon ar y chwilio am anghenion; rhowch STANDARD_MEAN a/neu STANDARD_P90 (e.e. 7 a 15), neu gosodwch MAX_ADDED i 0.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="317" />
            <source>Drive times from {s} stations to {c:,} demand cells in {t:.1f} s.</source>
            <translation>Amseroedd gyrru o {s} gorsaf i {c:,} cell galw mewn {t:.1f} eiliad.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="331" />
            <source>DEMAND: {v:.2f} incidents per day ({p:.2f} %) are on cells no station with vehicles can reach (impassable, or cut off); they are left out.</source>
            <translation>DEMAND: mae {v:.2f} digwyddiad y dydd ({p:.2f} %) ar gelloedd na all unrhyw orsaf â cherbydau eu cyrraedd (amhosib eu tramwyo, neu wedi'u torri i ffwrdd); fe'u gadewir allan.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="335" />
            <source>DEMAND: no demand can be reached from the stations with vehicles; check the speed surface and STATIONS.</source>
            <translation>DEMAND: ni ellir cyrraedd dim o'r galw o'r gorsafoedd â cherbydau; gwiriwch yr arwyneb cyflymder a STATIONS.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="342" />
            <source>Response model: {err}.</source>
            <translation>Model ymateb: {err}.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="344" />
            <source>{c:.1f} calls per day, {v} vehicles at {s} stations; activation {a} min, job cycle {j} min; zero-demand mean response {m:.2f} min.</source>
            <translation>{c:.1f} galwad y dydd, {v} cerbyd mewn {s} gorsaf; ysgogi {a} munud, cylch gwaith {j} munud; ymateb cymedrig heb alw {m:.2f} munud.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="358" />
            <source>Response model: {err}. Add vehicles (VEHICLES_FIELD), shorten JOB_CYCLE or lower the demand (DEMAND_FIELD, DEMAND_FACTOR).</source>
            <translation>Model ymateb: {err}. Ychwanegwch gerbydau (VEHICLES_FIELD), byrhewch JOB_CYCLE neu gostyngwch y galw (DEMAND_FIELD, DEMAND_FACTOR).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="361" />
            <source>Analytic model: {l:.1f} vehicles busy on average ({u:.0f} % utilisation), {q:.1f} % of calls wait for a vehicle ({t:.2f} s).</source>
            <translation>Model dadansoddol: {l:.1f} cerbyd yn brysur ar gyfartaledd ({u:.0f} % o ddefnydd), mae {q:.1f} % o alwadau'n aros am gerbyd ({t:.2f} eiliad).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="372" />
            <source>Simulation: {r} replications of {d} days, {n:,} calls in {t:.1f} s.</source>
            <translation>Efelychiad: {r} ailadroddiad o {d} diwrnod, {n:,} galwad mewn {t:.1f} eiliad.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="385" />
            <source>Needs search: {k} vehicle(s) added, {f} area(s) still short of the standards ({t:.1f} s).</source>
            <translation>Chwilio am anghenion: ychwanegwyd {k} cerbyd, {f} ardal yn dal yn brin o'r safonau ({t:.1f} eiliad).</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="413" />
            <source>VEHICLES_FIELD: '{f}' must hold whole numbers of vehicles, 0 or more; {n} station(s) do not: {names}.</source>
            <translation>VEHICLES_FIELD: rhaid i '{f}' ddal rhifau cyfan o gerbydau, 0 neu fwy; nid yw {n} gorsaf yn gwneud hynny: {names}.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="418" />
            <source>VEHICLES_FIELD: no station has a vehicle (every value of '{f}' is 0); give at least one vehicle.</source>
            <translation>VEHICLES_FIELD: nid oes gan unrhyw orsaf gerbyd (mae pob gwerth o '{f}' yn 0); rhowch o leiaf un cerbyd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="435" />
            <source>DEMAND: give points (incidents) or polygons (e.g. LSOAs), not lines or a table.</source>
            <translation>DEMAND: rhowch bwyntiau (digwyddiadau) neu bolygonau (e.e. LSOAs), nid llinellau na thabl.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="442" />
            <source>{param}: the DEMAND layer has no field '{f}'.</source>
            <translation>{param}: nid oes maes '{f}' yn yr haen DEMAND.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="477" />
            <source>DEMAND_FIELD: {n} feature(s) have a negative or invalid number of incidents (feature ids {ids}); give incidents per day, 0 or more.</source>
            <translation>DEMAND_FIELD: mae gan {n} nodwedd nifer negyddol neu annilys o ddigwyddiadau (dynodyddion nodweddion {ids}); rhowch ddigwyddiadau y dydd, 0 neu fwy.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="481" />
            <source>DEMAND_FIELD: {n} feature(s) have no value and are left out.</source>
            <translation>DEMAND_FIELD: nid oes gwerth gan {n} nodwedd ac fe'u gadewir allan.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="484" />
            <source>DEMAND: there is no demand (every feature has 0 incidents per day, or the layer is empty); check DEMAND_FIELD (incidents per day) and DEMAND_FACTOR.</source>
            <translation>DEMAND: nid oes galw (mae gan bob nodwedd 0 digwyddiad y dydd, neu mae'r haen yn wag); gwiriwch DEMAND_FIELD (digwyddiadau y dydd) a DEMAND_FACTOR.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="492" />
            <source>URBANITY_FIELD: {err}.</source>
            <translation>URBANITY_FIELD: {err}.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="505" />
            <source>DEMAND: none of the demand lies on the speed surface; check that the layers overlap (and their CRS), or build the speed surface over the demand.</source>
            <translation>DEMAND: nid oes dim o'r galw ar yr arwyneb cyflymder; gwiriwch fod yr haenau'n gorgyffwrdd (a'u CRS), neu adeiladwch yr arwyneb cyflymder dros y galw.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="509" />
            <source>DEMAND: {v:.2f} of {t:.2f} incidents per day ({p:.1f} %) lie outside the speed surface and are left out.</source>
            <translation>DEMAND: mae {v:.2f} o {t:.2f} digwyddiad y dydd ({p:.1f} %) y tu allan i'r arwyneb cyflymder ac fe'u gadewir allan.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="577" />
            <source>Response times (90th percentile)</source>
            <translation>Amseroedd ymateb (90fed canradd)</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="648" />
            <source>{p:.0f} % within {t} min</source>
            <translation>{p:.0f} % o fewn {t} munud</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="654" />
            <source> (± {c:.1f})</source>
            <translation> (± {c:.1f})</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="656" />
            <source>With {c:.0f} calls a day answered by {v} vehicles (activation {a} min, job cycle {j} min), the vehicles are busy {u:.0f} % of the time and {q:.1f} % of calls wait for a free vehicle.</source>
            <translation>Gyda {c:.0f} galwad y dydd yn cael eu hateb gan {v} cerbyd (ysgogi {a} munud, cylch gwaith {j} munud), mae'r cerbydau'n brysur {u:.0f} % o'r amser ac mae {q:.1f} % o alwadau'n aros am gerbyd rhydd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="661" />
            <source>Across the whole area the mean response is {m:.1f} min{mc} and 90 % of calls are reached within {p:.1f} min{pc}; {pct}.</source>
            <translation>Ar draws yr ardal gyfan yr ymateb cymedrig yw {m:.1f} munud{mc} a chyrhaeddir 90 % o alwadau o fewn {p:.1f} munud{pc}; {pct}.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="668" />
            <source>In {cls} places ({d:.0f} calls a day): mean {m:.1f} min, 90th percentile {p:.1f} min.</source>
            <translation>Mewn mannau {cls} ({d:.0f} galwad y dydd): cymedr {m:.1f} munud, 90fed canradd {p:.1f} munud.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="679" />
            <source> It meets the standard.</source>
            <translation> Mae'n bodloni'r safon.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="679" />
            <source> It falls short of the standard.</source>
            <translation> Mae'n brin o'r safon.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="680" />
            <source>{name}: {d:.0f} calls a day, mean {m:.1f} min{mc}, 90th percentile {p:.1f} min{pc}; {pct}.{v}</source>
            <translation>{name}: {d:.0f} galwad y dydd, cymedr {m:.1f} munud{mc}, 90fed canradd {p:.1f} munud{pc}; {pct}.{v}</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="686" />
            <source>The busiest station is {s}: its vehicles are busy {u:.0f} % of the time, answering {c:.1f} calls a day, {o:.0f} % of them outside its own first-response area.</source>
            <translation>Yr orsaf brysuraf yw {s}: mae ei cherbydau'n brysur {u:.0f} % o'r amser, yn ateb {c:.1f} galwad y dydd, {o:.0f} % ohonynt y tu allan i'w hardal ymateb cyntaf ei hun.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="692" />
            <source>{k} more vehicle(s) would bring every area within the standard.</source>
            <translation>Byddai {k} cerbyd arall yn dod â phob ardal o fewn y safon.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="695" />
            <source>Even {k} more vehicle(s) leave {f} area(s) short of the standard.</source>
            <translation>Mae hyd yn oed {k} cerbyd arall yn gadael {f} ardal yn brin o'r safon.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="697" />
            <source>Method: {m}. Model: Poisson calls, nearest free vehicle, calls wait when every vehicle is busy, vehicles return to their station after the job cycle.</source>
            <translation>Dull: {m}. Model: galwadau Poisson, y cerbyd rhydd agosaf, galwadau'n aros pan fo pob cerbyd yn brysur, cerbydau'n dychwelyd i'w gorsaf ar ôl y cylch gwaith.</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="699" />
            <source>discrete-event simulation (figures ± 95 % confidence interval)</source>
            <translation>efelychiad digwyddiadau arwahanol (ffigurau ± cyfwng hyder 95 %)</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="700" />
            <source>analytic (hypercube approximation)</source>
            <translation>dadansoddol (brasamcan hypercube)</translation>
        </message>
        <message>
            <location filename="../processing/alg_response.py" line="711" />
            <location filename="../processing/alg_response.py" line="711" />
            <source>Response times</source>
            <translation>Amseroedd ymateb</translation>
        </message>
    </context>
    <context>
        <name>ScenarioAlgorithm</name>
        <message>
            <location filename="../processing/alg_scenario.py" line="97" />
            <source>Compare site scenarios</source>
            <translation>Cymharu senarios safleoedd</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="101" />
            <source>Compares drive times to two configurations of sites (e.g. today's A&amp;E departments and a scenario in which one closes or a new one opens): a raster of the change in minutes, the coverage of every area in the baseline and the scenario (the 'Coverage and equity by area' figures), the people who cross each threshold in each direction, the same by urbanity class and group (the equality impact table), and plain-English sentences for the consultation document.</source>
            <translation>Yn cymharu amseroedd gyrru i ddau drefniant o safleoedd (e.e. adrannau achosion brys heddiw a senario lle mae un yn cau neu un newydd yn agor): rhastr o'r newid mewn munudau, cwmpas pob ardal yn y sefyllfa bresennol ac yn y senario (ffigurau 'Cwmpas a thegwch fesul ardal'), y bobl sy'n croesi pob trothwy i'r naill gyfeiriad a'r llall, yr un peth yn ôl dosbarth trefoldeb a grŵp (y tabl effaith ar gydraddoldeb), a brawddegau mewn iaith glir ar gyfer y ddogfen ymgynghori.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="107" />
            <source>Sites open today (points). With SCENARIO_FIELD, also the scenario's sites.</source>
            <translation>Safleoedd sydd ar agor heddiw (pwyntiau). Gyda SCENARIO_FIELD, hefyd safleoedd y senario.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="108" />
            <source>Sites open in the scenario (points). Leave empty and give SCENARIO_FIELD to use one layer.</source>
            <translation>Safleoedd sydd ar agor yn y senario (pwyntiau). Gadewch yn wag a rhowch SCENARIO_FIELD i ddefnyddio un haen.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="110" />
            <source>Field of BASELINE_SITES saying whether a site is open in the scenario: 1/true/yes/open = open; 0/false/no/closed = closed. NULL counts as closed (with a warning).</source>
            <translation>Maes yn BASELINE_SITES sy'n nodi a yw safle ar agor yn y senario: 1/true/yes/open = ar agor; 0/false/no/closed = ar gau. Mae NULL yn cyfrif fel ar gau (gyda rhybudd).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="113" />
            <source>Reporting areas (polygons: districts, PCTs, localities). Overlapping areas each count the people inside them; invalid polygons (e.g. self-intersecting) are repaired; the log names both.</source>
            <translation>Ardaloedd adrodd (polygonau: ardaloedd awdurdod lleol, PCTs, ardaloedd lleol). Mae ardaloedd sy'n gorgyffwrdd yr un yn cyfrif y bobl y tu mewn iddynt; caiff polygonau annilys (e.e. rhai sy'n croesi eu hunain) eu trwsio; mae'r log yn enwi'r ddau.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="116" />
            <source>Field naming the areas (default: the feature id, and the summary names the areas by a text field called name or ending in name / nm, such as lad11nm, if they have one).</source>
            <translation>Maes sy'n enwi'r ardaloedd (rhagosodiad: id y nodwedd, ac mae'r crynodeb yn enwi'r ardaloedd yn ôl maes testun o'r enw name neu sy'n gorffen ag name / nm, megis lad11nm, os oes un ganddynt).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="120" />
            <source>Drive-time thresholds in minutes (a time equal to a threshold is within it).</source>
            <translation>Trothwyon amser gyrru mewn munudau (mae amser sy'n hafal i drothwy o fewn y trothwy).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="121" />
            <source>The threshold the summary and the map focus on (added to THRESHOLDS if absent).</source>
            <translation>Y trothwy y mae'r crynodeb a'r map yn canolbwyntio arno (caiff ei ychwanegu at THRESHOLDS os nad yw yno).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="122" />
            <source>Optional field of the POPULATION layer with an urban/rural class (e.g. ONS RUC2011 ruc11cd); otherwise by population density.</source>
            <translation>Maes dewisol yn yr haen POPULATION gyda dosbarth trefol/gwledig (e.e. ruc11cd, RUC2011 y SYG); fel arall yn ôl dwysedd poblogaeth.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="124" />
            <source>Optional field of the POPULATION layer for another breakdown (e.g. IMD decile).</source>
            <translation>Maes dewisol yn yr haen POPULATION ar gyfer dadansoddiad arall (e.e. degradd IMD).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="126" />
            <source>Scenario minus baseline drive time in minutes (positive = longer journeys), float32 GeoTIFF; nodata where either is unreachable. Diverging style centred on 0.</source>
            <translation>Amser gyrru'r senario llai amser gyrru'r sefyllfa bresennol, mewn munudau (positif = teithiau hirach), GeoTIFF float32; nodata lle na ellir cyrraedd y naill neu'r llall. Arddull ddargyfeiriol wedi'i chanoli ar 0.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="129" />
            <source>Areas with pop_total and, per threshold T, base_pct_le_T / scen_pct_le_T (% within T), lost_le_T (people within T today but not in the scenario) and gained_le_T; base_/scen_ mean_min, median_min, p90_min; d_pct (change of % within TARGET, percentage points), d_mean_min, d_p90_min.</source>
            <translation>Ardaloedd gyda pop_total ac, ar gyfer pob trothwy T, base_pct_le_T / scen_pct_le_T (% o fewn T), lost_le_T (pobl o fewn T heddiw ond nid yn y senario) a gained_le_T; base_/scen_ mean_min, median_min, p90_min; d_pct (newid yn y % o fewn TARGET, pwyntiau canran), d_mean_min, d_p90_min.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="133" />
            <source>The same figures by area x urbanity class, area x group and for the whole study area (level, area_id, urbanity, grp fields).</source>
            <translation>Yr un ffigurau fesul ardal x dosbarth trefoldeb, ardal x grŵp, ac ar gyfer yr ardal astudio gyfan (meysydd level, area_id, urbanity, grp).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="135" />
            <source>Optional HTML page of plain-English sentences and a table by area.</source>
            <translation>Tudalen HTML ddewisol o frawddegau mewn iaith glir a thabl fesul ardal.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="136" />
            <source>Number output: people counted (inside the areas and the raster).</source>
            <translation>Allbwn rhif: y bobl a gyfrifwyd (y tu mewn i'r ardaloedd a'r rhastr).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="137" />
            <source>Number output: people whose drive to the nearest site gets longer (by more than 0.05 min).</source>
            <translation>Allbwn rhif: pobl y mae eu taith i'r safle agosaf yn mynd yn hirach (o fwy na 0.05 mun).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="139" />
            <source>Number output: people whose drive gets shorter (by more than 0.05 min).</source>
            <translation>Allbwn rhif: pobl y mae eu taith yn mynd yn fyrrach (o fwy na 0.05 mun).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="140" />
            <source>Number output: people reachable today but not in the scenario.</source>
            <translation>Allbwn rhif: pobl y gellir eu cyrraedd heddiw ond nid yn y senario.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="141" />
            <source>Number output: % of the people within TARGET minutes today.</source>
            <translation>Allbwn rhif: % o'r bobl o fewn TARGET munud heddiw.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="142" />
            <source>Number output: % of the people within TARGET minutes in the scenario.</source>
            <translation>Allbwn rhif: % o'r bobl o fewn TARGET munud yn y senario.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="144" />
            <source>Number output: people within TARGET today but not in the scenario.</source>
            <translation>Allbwn rhif: pobl o fewn TARGET heddiw ond nid yn y senario.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="145" />
            <source>Number output: people within TARGET in the scenario but not today.</source>
            <translation>Allbwn rhif: pobl o fewn TARGET yn y senario ond nid heddiw.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="146" />
            <source>Number output: the largest increase in drive time for anyone (minutes).</source>
            <translation>Allbwn rhif: y cynnydd mwyaf mewn amser gyrru i unrhyw un (munudau).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="158" />
            <source>Baseline sites</source>
            <translation>Safleoedd presennol</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="159" />
            <source>Scenario sites</source>
            <translation>Safleoedd y senario</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="160" />
            <source>Open in scenario (field of the baseline sites)</source>
            <translation>Ar agor yn y senario (maes y safleoedd presennol)</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="165" />
            <source>Urbanity field</source>
            <translation>Maes trefoldeb</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="167" />
            <source>Group field</source>
            <translation>Maes grŵp</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="171" />
            <location filename="../processing/alg_scenario.py" line="324" />
            <source>Change in drive time (minutes)</source>
            <translation>Newid yn yr amser gyrru (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="172" />
            <location filename="../processing/alg_scenario.py" line="435" />
            <source>Scenario by area</source>
            <translation>Senario fesul ardal</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="174" />
            <source>Equality impact table</source>
            <translation>Tabl effaith ar gydraddoldeb</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="176" />
            <source>Summary</source>
            <translation>Crynodeb</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="177" />
            <source>HTML files (*.html)</source>
            <translation>Ffeiliau HTML (*.html)</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="179" />
            <source>People counted</source>
            <translation>Pobl a gyfrifwyd</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="179" />
            <source>People with a longer drive</source>
            <translation>Pobl â thaith hirach</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="180" />
            <source>People with a shorter drive</source>
            <translation>Pobl â thaith fyrrach</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="180" />
            <source>People cut off</source>
            <translation>Pobl wedi'u torri i ffwrdd</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="181" />
            <source>% within target today</source>
            <translation>% o fewn y targed heddiw</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="181" />
            <source>% within target in the scenario</source>
            <translation>% o fewn y targed yn y senario</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="182" />
            <source>People no longer within target</source>
            <translation>Pobl nad ydynt o fewn y targed mwyach</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="182" />
            <source>People newly within target</source>
            <translation>Pobl sydd newydd ddod o fewn y targed</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="183" />
            <source>Largest increase (minutes)</source>
            <translation>Cynnydd mwyaf (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="192" />
            <source>BASELINE_SITES: give the sites open today.</source>
            <translation>BASELINE_SITES: rhowch y safleoedd sydd ar agor heddiw.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="198" />
            <source>SCENARIO_SITES or SCENARIO_FIELD: give the scenario's sites as a layer, or a field of BASELINE_SITES saying which sites are open in the scenario.</source>
            <translation>SCENARIO_SITES neu SCENARIO_FIELD: rhowch safleoedd y senario fel haen, neu faes yn BASELINE_SITES sy'n nodi pa safleoedd sydd ar agor yn y senario.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="202" />
            <source>SCENARIO_SITES and SCENARIO_FIELD: give one or the other, not both.</source>
            <translation>SCENARIO_SITES a SCENARIO_FIELD: rhowch y naill neu'r llall, nid y ddau.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="206" />
            <source>SCENARIO_FIELD: BASELINE_SITES has no field '{f}'.</source>
            <translation>SCENARIO_FIELD: nid oes gan BASELINE_SITES faes '{f}'.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="215" />
            <source>SCENARIO_FIELD: {n} site(s) have no readable value and count as closed: {s}</source>
            <translation>SCENARIO_FIELD: nid oes gwerth darllenadwy gan {n} safle, ac maent yn cyfrif fel ar gau: {s}</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="233" />
            <source>SCENARIO_SITES / SCENARIO_FIELD: no site is open in the scenario; keep at least one open.</source>
            <translation>SCENARIO_SITES / SCENARIO_FIELD: nid oes unrhyw safle ar agor yn y senario; cadwch o leiaf un ar agor.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="247" />
            <source>Baseline: {b} sites; scenario: {s} sites (closed: {c}; opened: {o}).</source>
            <translation>Sefyllfa bresennol: {b} safle; senario: {s} safle (yn cau: {c}; yn agor: {o}).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="250" />
            <source>The scenario has the same sites as the baseline: nothing changes.</source>
            <translation>Mae gan y senario yr un safleoedd â'r sefyllfa bresennol: nid oes dim yn newid.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="292" />
            <source>Done in {t:.1f} s.</source>
            <translation>Wedi gorffen mewn {t:.1f} eiliad.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="309" />
            <source>Drive times computed ({t:.1f} s).</source>
            <translation>Amseroedd gyrru wedi'u cyfrifo ({t:.1f} eiliad).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="318" />
            <source>{n} cells reachable today are unreachable in the scenario (nodata in OUTPUT_DELTA).</source>
            <translation>Mae {n} o gelloedd y gellir eu cyrraedd heddiw na ellir eu cyrraedd yn y senario (nodata yn OUTPUT_DELTA).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="338" />
            <source>POPULATION / POPULATION_RASTER: no population falls inside the areas and the speed raster; check the layers overlap.</source>
            <translation>POPULATION / POPULATION_RASTER: nid oes poblogaeth o fewn yr ardaloedd a'r rastr cyflymder; gwiriwch fod yr haenau'n gorgyffwrdd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="348" />
            <source>{o:,.0f} people fall outside the speed raster and {a:,.0f} outside every area; they are left out.</source>
            <translation>Mae {o:,.0f} o bobl y tu allan i'r rhastr cyflymder a {a:,.0f} y tu allan i bob ardal; maent wedi'u gadael allan.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="374" />
            <source>the study area</source>
            <translation>yr ardal astudio</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="459" />
            <location filename="../processing/alg_scenario.py" line="460" />
            <location filename="../processing/alg_scenario.py" line="461" />
            <source>all</source>
            <translation>pob un</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="475" />
            <source>Area</source>
            <translation>Ardal</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="475" />
            <source>People</source>
            <translation>Pobl</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="475" />
            <source>Within {T} min today</source>
            <translation>O fewn {T} mun heddiw</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="476" />
            <source>Within {T} min, scenario</source>
            <translation>O fewn {T} mun, senario</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="476" />
            <source>Moving beyond {T} min</source>
            <translation>Yn symud y tu hwnt i {T} mun</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="477" />
            <source>Coming within {T} min</source>
            <translation>Yn dod o fewn {T} mun</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="477" />
            <source>Mean today (min)</source>
            <translation>Cymedr heddiw (mun)</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="478" />
            <source>Mean, scenario (min)</source>
            <translation>Cymedr, senario (mun)</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="484" />
            <source>Service-change scenario</source>
            <translation>Senario newid gwasanaeth</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenario.py" line="499" />
            <source>Could not draw the report's charts: {err}</source>
            <translation>Methu tynnu siartiau'r adroddiad: {err}</translation>
        </message>
    </context>
    <context>
        <name>ScenarioBatchAlgorithm</name>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="34" />
            <source>Scenario batch</source>
            <translation>Swp o senarios</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="42" />
            <source>Runs many site scenarios in one go (sites closing, opening, moving): one sites layer whose SCENARIO_FIELD names the scenario each site belongs to, and one table row per scenario and area (and one per scenario for the whole study area) with the people within each threshold, the % within them and the median and 90th percentile drive time. Each scenario is one drive-time run; with a Dask scheduler set (DRIVETIME_DASK, or Settings &gt; Options &gt; Processing &gt; Drive-Time Equity) the scenarios run as tasks on the cluster, with the same results.</source>
            <translation>Yn rhedeg llawer o senarios safleoedd ar unwaith (safleoedd yn cau, yn agor, yn symud): un haen safleoedd y mae ei SCENARIO_FIELD yn enwi senario pob safle, ac un rhes tabl fesul senario ac ardal (ac un fesul senario ar gyfer yr ardal astudio gyfan) gyda'r bobl o fewn pob trothwy, y % o'u mewn a'r amser gyrru canolrif a'r 90fed canradd. Mae pob senario yn un rhediad amser gyrru; gyda threfnydd Dask wedi'i osod (DRIVETIME_DASK, neu Gosodiadau &gt; Dewisiadau &gt; Prosesu &gt; Drive-Time Equity) mae'r senarios yn rhedeg fel tasgau ar y clwstwr, gyda'r un canlyniadau.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="49" />
            <source>Sites of every scenario (points). A site open in several scenarios appears once per scenario, each time with that scenario's name in SCENARIO_FIELD.</source>
            <translation>Safleoedd pob senario (pwyntiau). Mae safle sydd ar agor mewn sawl senario yn ymddangos unwaith fesul senario, bob tro gydag enw'r senario hwnnw yn SCENARIO_FIELD.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="51" />
            <source>Field of SITES naming the scenario of each site (text or number); sites with an empty value are left out.</source>
            <translation>Maes o SITES sy'n enwi senario pob safle (testun neu rif); gadewir allan safleoedd â gwerth gwag.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="53" />
            <source>Reporting areas (polygons: districts, PCTs, localities).</source>
            <translation>Ardaloedd adrodd (polygonau: ardaloedd, PCTau, cymdogaethau).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="54" />
            <source>Field naming the areas (default: the feature id).</source>
            <translation>Maes sy'n enwi'r ardaloedd (rhagosodiad: id y nodwedd).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="56" />
            <source>Drive-time thresholds in minutes (a time equal to a threshold is within it).</source>
            <translation>Trothwyon amser gyrru mewn munudau (mae amser sy'n hafal i drothwy o fewn y trothwy).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="57" />
            <source>The threshold reported as pct_target (added to THRESHOLDS if absent).</source>
            <translation>Y trothwy a adroddir fel pct_target (ychwanegir at THRESHOLDS os yw'n absennol).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="58" />
            <source>Table: scenario, n_sites, area_id ('all' = the whole study area), pop_total, pop_unreach, per threshold T pop_le_T and pct_le_T, pct_target, mean_min, median_min, p90_min, max_min.</source>
            <translation>Tabl: scenario, n_sites, area_id ('all' = yr ardal astudio gyfan), pop_total, pop_unreach, fesul trothwy T pop_le_T a pct_le_T, pct_target, mean_min, median_min, p90_min, max_min.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="61" />
            <source>Number output: the number of scenarios run.</source>
            <translation>Allbwn rhif: nifer y senarios a redwyd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="62" />
            <source>String output: the scenario with the highest % of the study area's people within TARGET (the first one on a tie).</source>
            <translation>Allbwn llinyn: y senario gyda'r % uchaf o bobl yr ardal astudio o fewn TARGET (yr un cyntaf os oes tei).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="64" />
            <location filename="../processing/alg_scenariobatch.py" line="66" />
            <source>Number output: that scenario's % within TARGET.</source>
            <translation>Allbwn rhif: % y senario hwnnw o fewn TARGET.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="65" />
            <source>String output: the scenario with the lowest % within TARGET.</source>
            <translation>Allbwn llinyn: y senario gyda'r % isaf o fewn TARGET.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="77" />
            <source>Scenario field</source>
            <translation>Maes senario</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="82" />
            <source>Scenario batch table</source>
            <translation>Tabl y swp senarios</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="84" />
            <source>Scenarios run</source>
            <translation>Senarios a redwyd</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="85" />
            <source>Best scenario</source>
            <translation>Senario gorau</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="86" />
            <source>Best % within target</source>
            <translation>% gorau o fewn y targed</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="87" />
            <source>Worst scenario</source>
            <translation>Senario gwaethaf</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="88" />
            <source>Worst % within target</source>
            <translation>% gwaethaf o fewn y targed</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="102" />
            <source>SCENARIO_FIELD: SITES has no field '{f}'.</source>
            <translation>SCENARIO_FIELD: nid oes gan SITES faes '{f}'.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="108" />
            <source>SCENARIO_FIELD: no site has a scenario name in '{f}'; fill it in (one scenario name per site).</source>
            <translation>SCENARIO_FIELD: nid oes gan unrhyw safle enw senario yn '{f}'; llenwch ef (un enw senario fesul safle).</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="111" />
            <source>{n} scenarios from {s} sites.</source>
            <translation>{n} senario o {s} safle.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="121" />
            <source>POPULATION / POPULATION_RASTER: no population falls inside the areas and the speed raster; check the layers overlap.</source>
            <translation>POPULATION / POPULATION_RASTER: nid oes poblogaeth o fewn yr ardaloedd a'r rastr cyflymder; gwiriwch fod yr haenau'n gorgyffwrdd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="135" />
            <source>{n} scenarios run in {t:.1f} s.</source>
            <translation>{n} senario wedi'u rhedeg mewn {t:.1f} e.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="141" />
            <source>Done in {t:.1f} s.</source>
            <translation>Wedi gorffen mewn {t:.1f} eiliad.</translation>
        </message>
        <message>
            <location filename="../processing/alg_scenariobatch.py" line="172" />
            <source>all</source>
            <translation>pob un</translation>
        </message>
    </context>
    <context>
        <name>SpeedSurfaceAlgorithm</name>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="35" />
            <source>Build speed surface</source>
            <translation>Adeiladu arwyneb cyflymder</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="39" />
            <source>Builds a speed surface (km/h per cell, float32 GeoTIFF) for drive-time analysis: each road class gets a speed, roads are burnt so that they stay connected (every cell a road passes through; the faster road wins where roads share a cell), cells without a road get the off-road speed (or a land-cover speed raster), and barrier polygons are impassable (speed 0). The default speeds are for an emergency vehicle without blue-light privileges, from the national speed limits and the DfT's average speed statistics (CGN0501, CGN0502): calibrate them locally where you can.</source>
            <translation>Yn adeiladu arwyneb cyflymder (km/awr fesul cell, GeoTIFF float32) ar gyfer dadansoddi amser gyrru: mae pob dosbarth ffordd yn cael cyflymder, caiff ffyrdd eu llosgi i'r grid fel eu bod yn aros wedi'u cysylltu (pob cell y mae ffordd yn mynd drwyddi; y ffordd gyflymaf sy'n ennill lle mae ffyrdd yn rhannu cell), mae celloedd heb ffordd yn cael y cyflymder oddi ar y ffordd (neu o rastr cyflymder gorchudd tir), ac mae polygonau rhwystr yn anhramwyadwy (cyflymder 0). Mae'r cyflymderau rhagosodedig ar gyfer cerbyd brys heb freintiau golau glas, yn seiliedig ar y terfynau cyflymder cenedlaethol ac ystadegau cyflymder cyfartalog yr Adran Drafnidiaeth (CGN0501, CGN0502): graddnodwch nhw'n lleol lle bo modd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="46" />
            <source>Road lines: OpenStreetMap (.osm/.pbf 'lines' layer, GeoPackage) or OS Open Roads. Any CRS: they are reprojected to the target CRS.</source>
            <translation>Llinellau ffyrdd: OpenStreetMap (haen 'lines' .osm/.pbf, GeoPackage) neu OS Open Roads. Unrhyw CRS: cânt eu hail-daflunio i'r CRS targed.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="48" />
            <source>Field holding the road class (OSM 'highway', the default; OS Open Roads 'class' or 'roadClassification').</source>
            <translation>Maes sy'n cynnwys y dosbarth ffordd ('highway' OSM, y rhagosodiad; 'class' neu 'roadClassification' OS Open Roads).</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="50" />
            <source>Speed per road class, km/h (class names match case-insensitively). Roads of a class not listed are ignored (a warning lists them). A speed of 0 ignores the class; speeds above 200 km/h or not finite are refused (a unit mistake). Default: the UK table in the help (empty = default).</source>
            <translation>Cyflymder fesul dosbarth ffordd, km/awr (mae enwau'r dosbarthiadau'n cyfateb heb ystyried priflythrennau). Caiff ffyrdd o ddosbarth nad yw wedi'i restru eu hanwybyddu (mae rhybudd yn eu rhestru). Mae cyflymder o 0 yn anwybyddu'r dosbarth; gwrthodir cyflymderau uwch na 200 km/awr neu nad ydynt yn feidraidd (camgymeriad uned). Rhagosodiad: tabl y DU yn y cymorth (gwag = rhagosodiad).</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="54" />
            <source>Driving profile applied to the road speeds: ordinary daytime driving (the speeds as given) or a blue-light emergency response (faster on every road class, most on minor and urban roads: driving times 9-20 % shorter). The blue-light multipliers are an assumption set within published lights-and-sirens time savings (Hunt et al. 1995; Brown et al. 2000; Ho and Lindquist 2001): calibrate them with your own blue-light journeys (Calibrate against observed journeys).</source>
            <translation>Proffil gyrru a gymhwysir i gyflymderau'r ffyrdd: gyrru arferol yn ystod y dydd (y cyflymderau fel y'u rhoddwyd) neu ymateb brys golau glas (yn gyflymach ar bob dosbarth ffordd, yn fwyaf ar fân ffyrdd a ffyrdd trefol: amseroedd gyrru 9-20 % yn fyrrach). Tybiaeth yw'r lluosyddion golau glas, wedi'u gosod o fewn yr arbedion amser cyhoeddedig wrth yrru gyda goleuadau a seirenau (Hunt et al. 1995; Brown et al. 2000; Ho and Lindquist 2001): graddnodwch nhw gyda'ch teithiau golau glas eich hun (Graddnodi yn erbyn teithiau a arsylwyd).</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="60" />
            <source>Speed in km/h for cells with no road (reaching the road along drives, yards and tracks), from 0 to 200. 0 makes them impassable.</source>
            <translation>Cyflymder mewn km/awr ar gyfer celloedd heb ffordd (cyrraedd y ffordd ar hyd dreifiau, iardiau a thraciau), o 0 i 200. Mae 0 yn eu gwneud yn anhramwyadwy.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="62" />
            <source>Optional raster of off-road speeds in km/h (e.g. a reclassified land-cover map, 0 to 200 km/h); resampled to the grid; its nodata cells use the off-road speed.</source>
            <translation>Rhastr dewisol o gyflymderau oddi ar y ffordd mewn km/awr (e.e. map gorchudd tir wedi'i ailddosbarthu, 0 i 200 km/awr); caiff ei ailsamplu i'r grid; mae ei gelloedd nodata yn defnyddio'r cyflymder oddi ar y ffordd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="65" />
            <source>Optional polygons that nothing crosses (e.g. water bodies, closed sites); their cells get speed 0. They override roads.</source>
            <translation>Polygonau dewisol na all dim eu croesi (e.e. cyrff dŵr, safleoedd caeedig); mae eu celloedd yn cael cyflymder 0. Maent yn drech na ffyrdd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="67" />
            <source>Extent of the surface. Default: the extent of the roads. Give it a margin around the study area so journeys can leave and re-enter it.</source>
            <translation>Estyniad yr arwyneb. Rhagosodiad: estyniad y ffyrdd. Rhowch ymyl o amgylch yr ardal astudio fel y gall teithiau adael yr ardal a dychwelyd iddi.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="69" />
            <source>CRS of the surface, projected in metres. Default: the CRS of the extent if given, else that of the roads. In Great Britain use EPSG:27700.</source>
            <translation>CRS yr arwyneb, wedi'i daflunio mewn metrau. Rhagosodiad: CRS yr estyniad os rhoddir un, fel arall CRS y ffyrdd. Ym Mhrydain Fawr defnyddiwch EPSG:27700.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="71" />
            <source>Cell size in metres, at least 0.01 (e.g. 50). Smaller cells follow roads more closely but cost memory and time quadratically.</source>
            <translation>Maint cell mewn metrau, 0.01 o leiaf (e.e. 50). Mae celloedd llai yn dilyn ffyrdd yn agosach ond yn costio cof ac amser yn gwadratig.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="73" />
            <source>Speed surface, km/h, float32 GeoTIFF; 0 = impassable. Styled on load.</source>
            <translation>Arwyneb cyflymder, km/awr, GeoTIFF float32; 0 = anhramwyadwy. Arddull wrth ei lwytho.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="74" />
            <source>Number output: cells in the surface (rows x columns).</source>
            <translation>Allbwn rhif: celloedd yn yr arwyneb (rhesi x colofnau).</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="75" />
            <source>Number output: road features used (those with a class listed in SPEEDS).</source>
            <translation>Allbwn rhif: nodweddion ffordd a ddefnyddiwyd (y rhai â dosbarth a restrir yn SPEEDS).</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="76" />
            <source>Number output: % of the cells where a road is faster than the ground.</source>
            <translation>Allbwn rhif: % o'r celloedd lle mae ffordd yn gyflymach na'r tir.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="77" />
            <source>Number output: % of the cells with speed 0 (barriers, or off-road speed 0).</source>
            <translation>Allbwn rhif: % o'r celloedd â chyflymder 0 (rhwystrau, neu gyflymder oddi ar y ffordd 0).</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="85" />
            <source>Roads</source>
            <translation>Ffyrdd</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="86" />
            <source>Road class field</source>
            <translation>Maes dosbarth ffordd</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="91" />
            <source>Speed by road class (km/h)</source>
            <translation>Cyflymder fesul dosbarth ffordd (km/awr)</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="92" />
            <source>Road class</source>
            <translation>Dosbarth ffordd</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="92" />
            <source>Speed (km/h)</source>
            <translation>Cyflymder (km/awr)</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="93" />
            <source>Driving profile</source>
            <translation>Proffil gyrru</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="94" />
            <source>Ordinary daytime driving</source>
            <translation>Gyrru arferol yn ystod y dydd</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="94" />
            <source>Blue-light emergency response (assumption: calibrate)</source>
            <translation>Ymateb brys golau glas (tybiaeth: graddnodwch)</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="96" />
            <source>Off-road speed (km/h)</source>
            <translation>Cyflymder oddi ar y ffordd (km/awr)</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="99" />
            <source>Land-cover speed raster (km/h)</source>
            <translation>Rhastr cyflymder gorchudd tir (km/awr)</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="101" />
            <source>Barriers (impassable polygons)</source>
            <translation>Rhwystrau (polygonau na ellir eu croesi)</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="103" />
            <source>Extent</source>
            <translation>Estyniad</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="104" />
            <source>Target CRS (projected, metres)</source>
            <translation>CRS targed (tafluniedig, metrau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="106" />
            <source>Cell size (metres)</source>
            <translation>Maint cell (metrau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="108" />
            <source>Speed surface</source>
            <translation>Arwyneb cyflymder</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="109" />
            <source>Cells</source>
            <translation>Celloedd</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="109" />
            <source>Road features used</source>
            <translation>Nodweddion ffordd a ddefnyddiwyd</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="110" />
            <source>Road cells (%)</source>
            <translation>Celloedd ffordd (%)</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="111" />
            <source>Impassable cells (%)</source>
            <translation>Celloedd amhosibl eu croesi (%)</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="122" />
            <source>ROADS: no road layer given.</source>
            <translation>ROADS: ni roddwyd haen ffyrdd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="125" />
            <source>CLASS_FIELD: the road layer has no field '{f}'. Its fields are: {fields}. Choose the field holding the road class (OSM 'highway', OS Open Roads 'class').</source>
            <translation>CLASS_FIELD: nid oes gan yr haen ffyrdd faes '{f}'. Ei meysydd yw: {fields}. Dewiswch y maes sy'n cynnwys y dosbarth ffordd ('highway' OSM, 'class' OS Open Roads).</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="133" />
            <source>SPEEDS: give pairs of road class and speed (km/h).</source>
            <translation>SPEEDS: rhowch barau o ddosbarth ffordd a chyflymder (km/awr).</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="137" />
            <source>SPEEDS: {err}.</source>
            <translation>SPEEDS: {err}.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="139" />
            <source>SPEEDS: every road class has speed 0; give positive speeds.</source>
            <translation>SPEEDS: mae gan bob dosbarth ffordd gyflymder 0; rhowch gyflymderau positif.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="145" />
            <source>SPEEDS / PROFILE: with the blue-light profile, {list} go above {m:g} km/h; lower those speeds in SPEEDS or use the daytime profile.</source>
            <translation>SPEEDS / PROFILE: gyda'r proffil golau glas, mae {list} yn mynd uwchlaw {m:g} km/awr; gostyngwch y cyflymderau hynny yn SPEEDS neu defnyddiwch y proffil yn ystod y dydd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="149" />
            <source>Blue-light profile: road speeds raised by 10-25 % by class (an assumption to calibrate with your own blue-light journeys).</source>
            <translation>Proffil golau glas: cyflymderau ffyrdd wedi'u codi 10-25 % yn ôl dosbarth (tybiaeth i'w graddnodi gyda'ch teithiau golau glas eich hun).</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="153" />
            <source>OFFROAD_SPEED: {v} km/h is not allowed; give a speed from 0 (impassable) to {m:g} km/h (default {d:g}).</source>
            <translation>OFFROAD_SPEED: ni chaniateir {v} km/awr; rhowch gyflymder o 0 (anhramwyadwy) i {m:g} km/awr (rhagosodiad {d:g}).</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="158" />
            <source>CELL_SIZE: {v} is not allowed; give a cell size in metres of at least 0.01 (e.g. 50, the default; smaller cells follow roads more closely but cost more memory and time).</source>
            <translation>CELL_SIZE: ni chaniateir {v}; rhowch faint cell mewn metrau o 0.01 o leiaf (e.e. 50, y rhagosodiad; mae celloedd llai yn dilyn ffyrdd yn agosach ond yn costio mwy o gof ac amser).</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="169" />
            <source>the output CRS</source>
            <translation>y CRS allbwn</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="174" />
            <source>EXTENT: the extent is empty; give a rectangle with an area.</source>
            <translation>EXTENT: mae'r estyniad yn wag; rhowch betryal sydd ag arwynebedd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="215" />
            <source>Speed surface (km/h)</source>
            <translation>Arwyneb cyflymder (km/awr)</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="236" />
            <source>Grid: {r} rows x {c} columns of {s:g} m in {crs}.</source>
            <translation>Grid: {r} rhes x {c} colofn o {s:g} m yn {crs}.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="241" />
            <source>ROADS: no road feature falls inside the extent (is the layer empty, or the extent elsewhere?). Check the extent and the layer's CRS.</source>
            <translation>ROADS: nid oes unrhyw nodwedd ffordd o fewn yr estyniad (a yw'r haen yn wag, neu'r estyniad mewn man arall?). Gwiriwch yr estyniad a CRS yr haen.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="252" />
            <source>Road classes without a speed were ignored: {list}. Add them to SPEEDS to use them.</source>
            <translation>Anwybyddwyd dosbarthiadau ffyrdd heb gyflymder: {list}. Ychwanegwch nhw at SPEEDS i'w defnyddio.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="257" />
            <source>SPEEDS / CLASS_FIELD: no road in the layer has a class listed in SPEEDS (classes found: {list}). Check the class field or add its values to SPEEDS.</source>
            <translation>SPEEDS / CLASS_FIELD: nid oes gan unrhyw ffordd yn yr haen ddosbarth a restrir yn SPEEDS (dosbarthiadau a ganfuwyd: {list}). Gwiriwch y maes dosbarth neu ychwanegwch ei werthoedd at SPEEDS.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="261" />
            <source>{n} road features with a speed.</source>
            <translation>{n} nodwedd ffordd gyda chyflymder.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="338" />
            <source>Use a larger CELL_SIZE (doubling it quarters the cells) or a smaller EXTENT.</source>
            <translation>Defnyddiwch CELL_SIZE mwy (mae ei ddyblu yn chwarteru'r celloedd) neu EXTENT llai.</translation>
        </message>
        <message>
            <location filename="../processing/alg_speedsurface.py" line="340" />
            <source>CELL_SIZE: {r} x {c} cells is too many for one surface (at most {m} million). {fix}</source>
            <translation>CELL_SIZE: mae {r} x {c} cell yn ormod ar gyfer un arwyneb (uchafswm {m} miliwn). {fix}</translation>
        </message>
    </context>
    <context>
        <name>StandbyAlgorithm</name>
        <message>
            <location filename="../processing/alg_standby.py" line="97" />
            <source>Place standby points</source>
            <translation>Lleoli pwyntiau wrth gefn</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="101" />
            <source>Places standby / deployment points so that as much demand as possible lies within a drive-time budget of a point (the drive-zone model: 2 minutes to go mobile + 6 minutes' drive = the 8-minute standard). Method: maximal covering location. For every candidate a cut-off drive-time run lists the demand cells it covers; existing sites are fixed and counted first; a lazy greedy search adds the candidate that covers most new demand, which is guaranteed to reach at least 1 - 1/e (63 %) of the best possible cover for that number of points, and the report gives a certified upper bound that is usually much tighter; an optional swap search then exchanges points while that covers more. Give COUNT, or TARGET_COVERAGE to find the smallest number of points that reaches it.</source>
            <translation>Yn lleoli pwyntiau wrth gefn / pwyntiau lleoli fel bod cymaint o alw â phosibl o fewn cyllideb amser gyrru i bwynt (y model parthau gyrru: 2 funud i gychwyn ar y ffordd + 6 munud o yrru = y safon 8 munud). Dull: lleoliad cwmpasu mwyaf (maximal covering location). Ar gyfer pob pwynt posibl, mae rhediad amser gyrru gyda therfyn yn rhestru'r celloedd galw y mae'n eu cwmpasu; mae'r safleoedd presennol yn sefydlog ac yn cael eu cyfrif yn gyntaf; mae chwiliad barus diog yn ychwanegu'r pwynt posibl sy'n cwmpasu'r mwyaf o alw newydd, ac mae'n sicr o gyrraedd o leiaf 1 - 1/e (63 %) o'r cwmpas gorau posibl ar gyfer y nifer hwnnw o bwyntiau; mae'r adroddiad yn rhoi terfyn uchaf ardystiedig sydd fel arfer yn llawer tynnach; yna mae chwiliad cyfnewid dewisol yn cyfnewid pwyntiau cyhyd ag y bo hynny'n cwmpasu mwy. Rhowch COUNT, neu TARGET_COVERAGE i ganfod y nifer lleiaf o bwyntiau sy'n ei gyrraedd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="112" />
            <source>Population as polygons (e.g. LSOAs, spread over the speed raster's cells by exact area) or points, with POPULATION_FIELD; read exactly as 'Coverage and equity by area' reads it. Demand is only where population is, so this also sets the study area. Give this or POPULATION_RASTER (not both); both are optional when DEMAND is given.</source>
            <translation>Poblogaeth fel polygonau (e.e. LSOAs, wedi'u lledaenu dros gelloedd y rastr cyflymder yn ôl union arwynebedd) neu bwyntiau, gyda POPULATION_FIELD; caiff ei darllen yn union fel y mae 'Cwmpas a thegwch fesul ardal' yn ei darllen. Dim ond lle mae poblogaeth y mae galw, felly mae hyn hefyd yn pennu'r ardal astudio. Rhowch hwn neu POPULATION_RASTER (nid y ddau); mae'r ddau'n ddewisol pan roddir DEMAND.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="117" />
            <source>Optional incident points (e.g. a year of CAD incidents): demand is then the number of incidents per cell instead of population, and each point's zone gets an incidents-per-24-hours figure.</source>
            <translation>Pwyntiau digwyddiadau dewisol (e.e. blwyddyn o ddigwyddiadau CAD): yna'r galw yw nifer y digwyddiadau fesul cell yn hytrach na'r boblogaeth, ac mae parth pob pwynt yn cael ffigur digwyddiadau fesul 24 awr.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="120" />
            <source>Number of days the DEMAND incidents span (365 for a year), for incidents per 24 h.</source>
            <translation>Nifer y dyddiau y mae digwyddiadau DEMAND yn eu cwmpasu (365 am flwyddyn), ar gyfer digwyddiadau fesul 24 awr.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="121" />
            <source>Optional existing sites (e.g. current stations) that stay open: their cover is counted first and new points are placed around them.</source>
            <translation>Safleoedd presennol dewisol (e.e. gorsafoedd cyfredol) sy'n aros ar agor: caiff eu cwmpas ei gyfrif yn gyntaf a chaiff pwyntiau newydd eu lleoli o'u cwmpas.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="123" />
            <source>Optional candidate points (car parks, stations, ...). If absent, candidates are generated: k-means centres of the demand-weighted cells, each moved to the nearest road cell.</source>
            <translation>Pwyntiau posibl dewisol (meysydd parcio, gorsafoedd, ...). Os nad oes rhai, cânt eu creu: canolau k-means y celloedd wedi'u pwysoli yn ôl galw, pob un wedi'i symud i'r gell ffordd agosaf.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="126" />
            <source>How many candidates to generate when CANDIDATES is not given.</source>
            <translation>Faint o bwyntiau posibl i'w creu pan na roddir CANDIDATES.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="127" />
            <source>Drive time in minutes within which a point covers a cell (6 = an 8-minute response with 2 minutes to go mobile). A time equal to it is covered.</source>
            <translation>Amser gyrru mewn munudau y mae pwynt yn cwmpasu cell o'i fewn (6 = ymateb 8 munud gyda 2 funud i gychwyn ar y ffordd). Mae amser sy'n hafal iddo wedi'i gwmpasu.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="129" />
            <source>Number of new points to place (ignored when TARGET_COVERAGE is given).</source>
            <translation>Nifer y pwyntiau newydd i'w lleoli (caiff ei anwybyddu pan roddir TARGET_COVERAGE).</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="130" />
            <source>Optional share of demand (%) to cover, existing sites included: the smallest number of new points that reaches it is placed.</source>
            <translation>Cyfran ddewisol o'r galw (%) i'w chwmpasu, gan gynnwys y safleoedd presennol: caiff y nifer lleiaf o bwyntiau newydd sy'n ei chyrraedd ei leoli.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="132" />
            <source>Improve the greedy solution by swaps (replace a point by another candidate while that covers more). Never worse than greedy; slower on very large candidate sets.</source>
            <translation>Gwella'r datrysiad barus drwy gyfnewid (rhoi pwynt posibl arall yn lle pwynt cyhyd ag y bo hynny'n cwmpasu mwy). Byth yn waeth na'r datrysiad barus; arafach ar setiau mawr iawn o bwyntiau posibl.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="134" />
            <source>With DEMAND: points whose zone has fewer incidents per 24 h than this are flagged (low_use = 1); the planning guidance warns against resources that would respond to fewer than 2 a day.</source>
            <translation>Gyda DEMAND: caiff pwyntiau y mae gan eu parth lai o ddigwyddiadau fesul 24 awr na hyn eu nodi (low_use = 1); mae'r canllawiau cynllunio yn rhybuddio rhag adnoddau a fyddai'n ymateb i lai na 2 y dydd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="137" />
            <source>Generated candidates are moved to road cells: cells at least this fast (km/h). Empty: cells faster than the most common speed (the off-road background).</source>
            <translation>Caiff pwyntiau posibl a grëwyd eu symud i gelloedd ffordd: celloedd sydd o leiaf mor gyflym â hyn (km/awr). Gwag: celloedd sy'n gyflymach na'r cyflymder mwyaf cyffredin (cefndir oddi ar y ffordd).</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="140" />
            <source>Random seed of the k-means candidate generation (same seed, same candidates).</source>
            <translation>Hedyn ar hap ar gyfer creu pwyntiau posibl drwy k-means (yr un hedyn, yr un pwyntiau posibl).</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="141" />
            <source>Chosen points, in rank order: rank, cand_id (candidate feature id, or the generated candidate's number), marginal_pop (people newly covered by this point after the existing sites and the points ranked before it) and cum_pop_pct (cumulative % of population covered) when POPULATION is given; with DEMAND marginal_inc, cum_inc_pct, inc_per_day (incidents per 24 h in the point's zone) and low_use (1 below MIN_PER_DAY).</source>
            <translation>Pwyntiau a ddewiswyd, yn eu trefn: rank, cand_id (dynodydd nodwedd y pwynt posibl, neu rif y pwynt posibl a grëwyd), marginal_pop (pobl a gwmpesir o'r newydd gan y pwynt hwn ar ôl y safleoedd presennol a'r pwyntiau o'i flaen yn y drefn) a cum_pop_pct (% cronnus o'r boblogaeth a gwmpesir) pan roddir POPULATION; gyda DEMAND, marginal_inc, cum_inc_pct, inc_per_day (digwyddiadau fesul 24 awr ym mharth y pwynt) a low_use (1 o dan MIN_PER_DAY).</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="147" />
            <source>Table: count (new points) -&gt; covered and pct_covered by the greedy sequence (each point added where it covers most new demand; never decreasing), marginal gain, and max_pct (certified upper bound: no set of that many candidates covers more); chosen = 1 and pct_solution (after the swap search) on the count of the solution.</source>
            <translation>Tabl: count (pwyntiau newydd) -&gt; covered a pct_covered yn ôl y dilyniant barus (pob pwynt wedi'i ychwanegu lle mae'n cwmpasu'r mwyaf o alw newydd; byth yn lleihau), yr enillion ymylol, a max_pct (terfyn uchaf ardystiedig: nid oes unrhyw set o'r nifer hwnnw o bwyntiau posibl yn cwmpasu mwy); chosen = 1 a pct_solution (ar ôl y chwiliad cyfnewid) ar res nifer y datrysiad.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="152" />
            <source>Optional polygons: the cells within DRIVE_BUDGET of the chosen points and existing sites, each allocated to the nearest one (fields site, kind, rank, demand, area_km2, inc_per_day).</source>
            <translation>Polygonau dewisol: y celloedd o fewn DRIVE_BUDGET i'r pwyntiau a ddewiswyd a'r safleoedd presennol, pob un wedi'i ddyrannu i'r agosaf (meysydd site, kind, rank, demand, area_km2, inc_per_day).</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="155" />
            <source>Optional HTML report: summary sentences, the coverage curve chart (inline SVG) and the table of chosen points.</source>
            <translation>Adroddiad HTML dewisol: brawddegau crynodeb, siart y gromlin cwmpas (SVG mewnol) a thabl y pwyntiau a ddewiswyd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="157" />
            <source>Number output: new standby points chosen.</source>
            <translation>Allbwn rhif: pwyntiau wrth gefn newydd a ddewiswyd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="158" />
            <source>Number output: % of the demand within DRIVE_BUDGET of the chosen points and the existing sites.</source>
            <translation>Allbwn rhif: % o'r galw o fewn DRIVE_BUDGET i'r pwyntiau a ddewiswyd a'r safleoedd presennol.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="160" />
            <source>Number output: % of the demand the existing sites cover alone (0 without EXISTING).</source>
            <translation>Allbwn rhif: % o'r galw y mae'r safleoedd presennol yn ei gwmpasu ar eu pen eu hunain (0 heb EXISTING).</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="162" />
            <source>Number output: % of the demand all candidates and existing sites together could cover.</source>
            <translation>Allbwn rhif: % o'r galw y gallai'r holl bwyntiau posibl a'r safleoedd presennol gyda'i gilydd ei gwmpasu.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="164" />
            <source>Number output: 1 when TARGET_COVERAGE was reached, 0 when not, NaN without a target.</source>
            <translation>Allbwn rhif: 1 pan gyrhaeddwyd TARGET_COVERAGE, 0 pan na chyrhaeddwyd, NaN heb darged.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="176" />
            <source>Incidents (demand points)</source>
            <translation>Digwyddiadau (pwyntiau galw)</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="177" />
            <source>Days the incidents span</source>
            <translation>Nifer y dyddiau y mae'r digwyddiadau'n eu cwmpasu</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="179" />
            <source>Existing sites (fixed)</source>
            <translation>Safleoedd presennol (sefydlog)</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="180" />
            <source>Candidate points</source>
            <translation>Pwyntiau posibl</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="181" />
            <source>Candidates to generate</source>
            <translation>Nifer y pwyntiau posibl i'w creu</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="184" />
            <source>Drive budget (minutes)</source>
            <translation>Cyllideb gyrru (munudau)</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="186" />
            <source>Number of new points</source>
            <translation>Nifer y pwyntiau newydd</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="188" />
            <source>Target coverage (%)</source>
            <translation>Cwmpas targed (%)</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="190" />
            <source>Improve by swap search</source>
            <translation>Gwella drwy chwilio cyfnewid</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="191" />
            <source>Flag points with fewer incidents per 24 h than</source>
            <translation>Nodi pwyntiau â llai o ddigwyddiadau bob 24 awr na</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="195" />
            <source>Snap points to passable cells within (m)</source>
            <translation>Symud pwyntiau i gelloedd tramwyadwy o fewn (m)</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="196" />
            <source>Road cells: minimum speed (km/h)</source>
            <translation>Celloedd ffordd: cyflymder lleiaf (km/awr)</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="198" />
            <source>Random seed</source>
            <translation>Hedyn ar hap</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="200" />
            <location filename="../processing/alg_standby.py" line="498" />
            <source>Standby points</source>
            <translation>Pwyntiau wrth gefn</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="202" />
            <source>Coverage curve</source>
            <translation>Cromlin cwmpas</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="204" />
            <location filename="../processing/alg_standby.py" line="579" />
            <source>Drive zones</source>
            <translation>Parthau gyrru</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="207" />
            <source>Report</source>
            <translation>Adroddiad</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="208" />
            <source>HTML files (*.html)</source>
            <translation>Ffeiliau HTML (*.html)</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="210" />
            <source>Points chosen</source>
            <translation>Pwyntiau a ddewiswyd</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="210" />
            <source>Coverage (%)</source>
            <translation>Cwmpas (%)</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="211" />
            <source>Coverage of the existing sites (%)</source>
            <translation>Cwmpas y safleoedd presennol (%)</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="211" />
            <source>Highest possible coverage (%)</source>
            <translation>Cwmpas uchaf posibl (%)</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="212" />
            <source>Target reached</source>
            <translation>Targed wedi'i gyrraedd</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="259" />
            <source>Done in {t:.1f} s.</source>
            <translation>Wedi gorffen mewn {t:.1f} eiliad.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="268" />
            <source>DRIVE_BUDGET must be positive (minutes), e.g. 6.</source>
            <translation>Rhaid i DRIVE_BUDGET fod yn bositif (munudau), e.e. 6.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="271" />
            <source>DRIVE_BUDGET: the calibrated speed surface adds a fixed time of {f:.2f} min to every journey, which uses up the whole budget of {b} min. Give a larger budget, or use an uncalibrated surface (or one calibrated on blue-light journeys) for drive zones.</source>
            <translation>DRIVE_BUDGET: mae'r arwyneb cyflymder wedi'i raddnodi yn ychwanegu amser sefydlog o {f:.2f} mun at bob taith, sy'n defnyddio'r gyllideb gyfan o {b} mun. Rhowch gyllideb fwy, neu defnyddiwch arwyneb heb ei raddnodi (neu un wedi'i raddnodi ar deithiau golau glas) ar gyfer parthau gyrru.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="283" />
            <source>TARGET_COVERAGE must be a percentage above 0 and at most 100.</source>
            <translation>Rhaid i TARGET_COVERAGE fod yn ganran uwchlaw 0 a 100 ar y mwyaf.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="291" />
            <source>COUNT must be at least 1 (or give TARGET_COVERAGE to find the number of points).</source>
            <translation>Rhaid i COUNT fod yn 1 o leiaf (neu rhowch TARGET_COVERAGE i ganfod nifer y pwyntiau).</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="303" />
            <source>Population: {t:,.0f} people in the input, {p:,.0f} on the speed raster.</source>
            <translation>Poblogaeth: {t:,.0f} o bobl yn y mewnbwn, {p:,.0f} ar y rastr cyflymder.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="306" />
            <source>POPULATION: {p:,.0f} of {t:,.0f} people lie outside the speed raster and are left out.</source>
            <translation>POPULATION: mae {p:,.0f} o {t:,.0f} o bobl y tu allan i'r rhastr cyflymder ac wedi'u gadael allan.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="315" />
            <source>DEMAND: {n} incident(s) lie outside the speed raster and are left out.</source>
            <translation>DEMAND: mae {n} digwyddiad y tu allan i'r rhastr cyflymder ac wedi'u gadael allan.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="320" />
            <source>incidents</source>
            <translation>digwyddiadau</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="320" />
            <source>people</source>
            <translation>pobl</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="322" />
            <source>{p}: no demand falls on the speed raster; check that the layers overlap.</source>
            <translation>{p}: nid oes dim galw ar y rhastr cyflymder; gwiriwch fod yr haenau'n gorgyffwrdd.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="336" />
            <source>{v:,.0f} {u} ({p:.2f} %) are on impassable cells and can never be covered.</source>
            <translation>Mae {v:,.0f} {u} ({p:.2f} %) ar gelloedd anhramwyadwy, ac ni ellir byth eu cwmpasu.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="358" />
            <source>CANDIDATES: no candidate could be generated (no road cell near the demand); give CANDIDATES or lower ROAD_MIN_SPEED.</source>
            <translation>CANDIDATES: nid oedd modd creu unrhyw bwynt posibl (dim cell ffordd ger y galw); rhowch CANDIDATES neu ostwng ROAD_MIN_SPEED.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="363" />
            <source>Generated {n} candidates (k-means of demand-weighted cells, moved to road cells) in {t:.1f} s.</source>
            <translation>Crëwyd {n} pwynt posibl (k-means o gelloedd wedi'u pwysoli yn ôl galw, wedi'u symud i gelloedd ffordd) mewn {t:.1f} eiliad.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="375" />
            <source>Coverage sets: {n} candidates + {e} existing sites, {c:,} demand cells, on average {m:,.0f} demand cells within {b} min each ({t:.1f} s).</source>
            <translation>Setiau cwmpas: {n} pwynt posibl + {e} safle presennol, {c:,} cell galw, ar gyfartaledd {m:,.0f} cell galw o fewn {b} mun i bob un ({t:.1f} eiliad).</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="392" />
            <source>The {n} existing sites cover {b:.1f} % of the demand.</source>
            <translation>Mae'r {n} safle presennol yn cwmpasu {b:.1f} % o'r galw.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="394" />
            <source>{k} new point(s) bring the cover to {c:.1f} % of {tot:,.0f} {u} (greedy: {gk} points, {g:.1f} %; {s} swap(s)); no {k} candidates could exceed {ub:.1f} %; all candidates together reach {r:.1f} % ({t:.1f} s).</source>
            <translation>Mae {k} pwynt newydd yn dod â'r cwmpas i {c:.1f} % o {tot:,.0f} {u} (barus: {gk} pwynt, {g:.1f} %; {s} cyfnewid); ni allai unrhyw {k} pwynt posibl fynd y tu hwnt i {ub:.1f} %; mae'r holl bwyntiau posibl gyda'i gilydd yn cyrraedd {r:.1f} % ({t:.1f} eiliad).</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="405" />
            <source>TARGET_COVERAGE {t} % cannot be reached: all {n} candidates together cover {r:.1f} %. The {k} points that add cover are placed. Add candidates (CANDIDATES or CANDIDATE_COUNT) or raise DRIVE_BUDGET.</source>
            <translation>Ni ellir cyrraedd TARGET_COVERAGE {t} %: mae'r {n} pwynt posibl gyda'i gilydd yn cwmpasu {r:.1f} %. Caiff y {k} pwynt sy'n ychwanegu cwmpas eu lleoli. Ychwanegwch bwyntiau posibl (CANDIDATES neu CANDIDATE_COUNT) neu codwch DRIVE_BUDGET.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="410" />
            <source>Smallest count reaching {t} %: {k}{proof}.</source>
            <translation>Y nifer lleiaf sy'n cyrraedd {t} %: {k}{proof}.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="411" />
            <source> (proven: no {m} candidates can reach it)</source>
            <translation> (wedi'i brofi: ni all unrhyw {m} pwynt posibl ei gyrraedd)</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="445" />
            <source>{n} of {k} new points would respond to fewer than {m} incidents per 24 h (ranks {r}): a resource there would stand idle most of the time.</source>
            <translation>Byddai {n} o'r {k} pwynt newydd yn ymateb i lai na {m} digwyddiad fesul 24 awr (rhif {r} yn y drefn): byddai adnodd yno'n segur y rhan fwyaf o'r amser.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="589" />
            <source>Demand: {tot:,.0f} {u}. Drive budget: {b} minutes; {n} candidate points; {f} existing site(s).</source>
            <translation>Galw: {tot:,.0f} {u}. Cyllideb gyrru: {b} munud; {n} pwynt posibl; {f} safle presennol.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="591" />
            <source>The existing sites cover {b:.1f} %. {k} new point(s) raise this to {c:.1f} %.</source>
            <translation>Mae'r safleoedd presennol yn cwmpasu {b:.1f} %. Mae {k} pwynt newydd yn codi hyn i {c:.1f} %.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="593" />
            <source>No choice of {k} candidates could cover more than {ub:.1f} % (certified bound); even all {n} candidates together cover {r:.1f} %.</source>
            <translation>Ni allai unrhyw ddewis o {k} pwynt posibl gwmpasu mwy na {ub:.1f} % (terfyn ardystiedig); mae hyd yn oed yr holl {n} pwynt posibl gyda'i gilydd yn cwmpasu {r:.1f} %.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="598" />
            <source>Target {t} %: {msg}</source>
            <translation>Targed {t} %: {msg}</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="599" />
            <source>reached with {k} new point(s){p}.</source>
            <translation>wedi'i gyrraedd gyda {k} pwynt newydd{p}.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="600" />
            <source>, and no {m} candidates could reach it</source>
            <translation>, ac ni allai unrhyw {m} pwynt posibl ei gyrraedd</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="602" />
            <source>not reachable with these candidates.</source>
            <translation>ni ellir ei gyrraedd gyda'r pwyntiau posibl hyn.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="605" />
            <source>{n} of the {k} new points would respond to fewer than {m} incidents per 24 hours.</source>
            <translation>Byddai {n} o'r {k} pwynt newydd yn ymateb i lai na {m} digwyddiad fesul 24 awr.</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="610" />
            <source>rank</source>
            <translation>rheng</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="610" />
            <source>newly covered</source>
            <translation>newydd eu cwmpasu</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="611" />
            <source>cumulative %</source>
            <translation>% cronnus</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="612" />
            <source>incidents / 24 h</source>
            <translation>digwyddiadau / 24 awr</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="614" />
            <location filename="../processing/alg_standby.py" line="617" />
            <source>Standby point placement</source>
            <translation>Lleoli pwyntiau wrth gefn</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="619" />
            <source>Coverage by number of new points</source>
            <translation>Cwmpas yn ôl nifer y pwyntiau newydd</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="621" />
            <source>Blue: greedy sequence (each point added where it covers most new demand). Grey dashes: certified upper bound for any choice of that many candidates. Orange dot: the solution (after swap search). Greedy is guaranteed at least 1 - 1/e (63 %) of the best cover beyond the existing sites (Nemhauser, Wolsey and Fisher 1978).</source>
            <translation>Glas: dilyniant barus (pob pwynt wedi'i ychwanegu lle mae'n cwmpasu'r mwyaf o alw newydd). Llinell doriad lwyd: terfyn uchaf ardystiedig ar gyfer unrhyw ddewis o'r nifer hwnnw o bwyntiau posibl. Dot oren: y datrysiad (ar ôl y chwiliad cyfnewid). Mae'r dull barus yn sicr o gyrraedd o leiaf 1 - 1/e (63 %) o'r cwmpas gorau y tu hwnt i'r safleoedd presennol (Nemhauser, Wolsey a Fisher 1978).</translation>
        </message>
        <message>
            <location filename="../processing/alg_standby.py" line="625" />
            <source>Chosen points</source>
            <translation>Pwyntiau a ddewiswyd</translation>
        </message>
    </context>
</TS>

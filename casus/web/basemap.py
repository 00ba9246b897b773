"""Build the page's offline basemap ``static/world.json`` from Natural Earth country outlines.

Natural Earth (public domain) 1:110m countries ship inside the geopandas 0.14 wheel
(``geopandas/datasets/naturalearth_lowres``). Rebuild with::

    pip download geopandas==0.14.4 --no-deps -d /tmp/ne && unzip -o /tmp/ne/*.whl 'geopandas/datasets/*' -d /tmp/ne
    pip install pyshp
    python -m casus.web.basemap /tmp/ne/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

Each country becomes one SVG path in plate carrée (x = longitude, y = −latitude), points rounded to
0.1° and thinned to at least ``min_step`` degrees apart.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).with_name("static") / "world.json"


def ring_path(points: list[tuple[float, float]], min_step: float) -> str:
    """An SVG subpath for one ring, dropping points closer than ``min_step`` to the last kept one."""
    kept = [points[0]]
    for lon, lat in points[1:]:
        if abs(lon - kept[-1][0]) + abs(lat - kept[-1][1]) >= min_step:
            kept.append((lon, lat))
    if len(kept) < 3:
        return ""
    return "M" + "L".join(f"{lon:.1f} {-lat:.1f}" for lon, lat in kept) + "Z"


def build(shapefile: str | Path, min_step: float = 0.3) -> list[dict[str, str]]:
    import shapefile as pyshp

    countries = []
    with pyshp.Reader(str(shapefile)) as reader:
        fields = [f[0] for f in reader.fields[1:]]
        for shape_record in reader.iterShapeRecords():
            record = dict(zip(fields, shape_record.record))
            shape = shape_record.shape
            bounds = list(shape.parts) + [len(shape.points)]
            path = "".join(ring_path(shape.points[a:b], min_step) for a, b in zip(bounds, bounds[1:]))
            if path:
                countries.append({"iso": record["iso_a3"], "name": record["name"], "d": path})
    return countries


def main(argv: list[str]) -> None:
    countries = build(argv[0])
    OUT.write_text(json.dumps({"source": "Natural Earth 1:110m admin-0 countries (public domain)",
                               "projection": "x = longitude, y = -latitude", "countries": countries},
                              separators=(",", ":")))  # fmt: skip
    print(f"wrote {len(countries)} countries to {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main(sys.argv[1:])

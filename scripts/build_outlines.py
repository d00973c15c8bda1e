"""Rebuild the country outlines that locator maps are drawn from (briefing/places/data/outlines.json).

    npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz     # Natural Earth 1:50m admin-0, as TopoJSON
    python scripts/build_outlines.py package/countries-50m.json

Natural Earth is in the public domain (https://www.naturalearthdata.com); world-atlas (ISC) only converts it
to TopoJSON. The outlines are simplified (Douglas-Peucker, SIMPLIFY degrees) and rounded to 0.01 degree:
plenty for a locator map a few centimetres wide, and a few hundred kilobytes. Written:

    {"source": ..., "countries": {"AZ": {"name": "Azerbaijan", "label": [lon, lat], "bbox": [w, s, e, n],
                                         "rings": [[[lon, lat], ...], ...]}, ...}}
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "briefing" / "places" / "data" / "outlines.json"
SIMPLIFY = 0.02  # degrees
MIN_RING_AREA = 0.002  # square degrees: islets smaller than this are dropped
BY_NAME = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO", "Siachen Glacier": "IN", "Indian Ocean Ter.": None,
           "Ashmore and Cartier Is.": None}


def decode(topology: dict) -> list[tuple[str | None, str, list[list[list[float]]]]]:
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append([x * scale[0] + translate[0], y * scale[1] + translate[1]])
        arcs.append(points)

    def ring(indices):
        out: list[list[float]] = []
        for i in indices:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points[1:] if out else points)
        return out

    shapes = []
    for g in topology["objects"]["countries"]["geometries"]:
        polygons = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
        rings = [ring(r) for polygon in polygons for r in polygon[:1]]  # outer rings only: holes are lakes
        shapes.append((g.get("id"), g.get("properties", {}).get("name", ""), rings))
    return shapes


def simplify(points: list[list[float]], tolerance: float) -> list[list[float]]:
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5 or 1e-12
        best, index = 0.0, -1
        for i in range(a + 1, b):
            x, y = points[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if (dx or dy) else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > best:
                best, index = d, i
        if best > tolerance and index > 0:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep) if k]


def area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(a) < 1e-12:
        return 0.0, ring[0][0], ring[0][1]
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def main(argv: list[str]) -> int:
    import pycountry

    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    topology = json.loads(Path(argv[0]).read_text())
    countries: dict[str, dict] = {}
    for numeric, name, rings in decode(topology):
        country = pycountry.countries.get(numeric=numeric) if numeric else None
        cc = country.alpha_2 if country else BY_NAME.get(name)
        if not cc:
            continue
        entry = countries.setdefault(cc, {"name": name, "rings": [], "_largest": (0.0, 0.0, 0.0)})
        for r in rings:
            area, x, y = area_centroid(r)
            if area < MIN_RING_AREA and entry["rings"]:
                continue
            if area > entry["_largest"][0]:
                entry["_largest"] = (area, x, y)
            s = simplify(r, SIMPLIFY)
            entry["rings"].append([[round(x, 2), round(y, 2)] for x, y in s])
    for entry in countries.values():
        _, x, y = entry.pop("_largest")
        entry["label"] = [round(x, 2), round(y, 2)]
        xs = [p[0] for r in entry["rings"] for p in r]
        ys = [p[1] for r in entry["rings"] for p in r]
        entry["bbox"] = [min(xs), min(ys), max(xs), max(ys)]
    OUT.write_text(json.dumps({"source": "Natural Earth 1:50m admin-0 countries (public domain), via world-atlas 2",
                               "countries": dict(sorted(countries.items()))}, separators=(",", ":")))
    print(f"{OUT}: {len(countries)} countries, {OUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

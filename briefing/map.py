"""Locator maps as inline SVG: a story's country and its neighbours' outlines, its places marked and labelled,
the event location highlighted; and one overview map of a feed's top stories. Nothing is fetched: the outlines
(Natural Earth, public domain) ship in briefing/places/data/outlines.json (scripts/build_outlines.py).
Drawn in greys, black and white so that the map reads the same printed without colour.

    locator_svg(places, location) -> "<svg ...>" or ""      places, location: dicts of serialize.place_dict
    overview_svg([(number, location), ...]) -> "<svg ...>" or ""
"""
from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

OUTLINES = Path(__file__).resolve().parent / "places" / "data" / "outlines.json"
WIDTH, HEIGHT = 300, 200
LABELS = 6  # places labelled on a locator map
NEAR_DEGREES = 6.0  # places farther than this from the location (talks in a far capital) stay off the locator map


@lru_cache(maxsize=1)
def outlines() -> dict[str, Any]:
    return json.loads(OUTLINES.read_text(encoding="utf-8"))["countries"]


def _frame(box: tuple[float, float, float, float], width: int, height: int):
    w, s, e, n = box
    mid = math.cos(math.radians(max(min((s + n) / 2, 80), -80)))
    span_x = max((e - w) * mid, 1e-6)
    span_y = max(n - s, 1e-6)
    scale = min(width / span_x, height / span_y)
    ox = (width - span_x * scale) / 2
    oy = (height - span_y * scale) / 2

    def project(lon: float, lat: float) -> tuple[float, float]:
        return ox + (lon - w) * mid * scale, oy + (n - lat) * scale

    return project


def _box_around(points: Sequence[tuple[float, float]], pad: float, minimum: float) -> tuple[float, float, float, float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    w, e, s, n = min(xs), max(xs), min(ys), max(ys)
    cx, cy = (w + e) / 2, (s + n) / 2
    half_x = max((e - w) / 2 * (1 + pad), minimum / 2)
    half_y = max((n - s) / 2 * (1 + pad), minimum / 2 * 0.66)
    return cx - half_x, max(cy - half_y, -85), cx + half_x, min(cy + half_y, 85)


def _paths(box, project, highlight: set[str]) -> list[str]:
    w, s, e, n = box
    out = []
    for cc, c in outlines().items():
        bw, bs, be, bn = c["bbox"]
        if be < w or bw > e or bn < s or bs > n:
            continue
        d = " ".join("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in (project(lon, lat) for lon, lat in ring)) + " Z"
                     for ring in c["rings"])
        main = cc in highlight
        out.append(f'<path d="{d}" fill="{"#bdbdbd" if main else "#ffffff"}" stroke="{"#333333" if main else "#8c8c8c"}" '
                   f'stroke-width="{0.9 if main else 0.5}"/>')
    return out


def locator_svg(places: Sequence[Mapping[str, Any]], location: Mapping[str, Any] | None, *, title: str = "") -> str:
    """The story's country (filled grey) with its neighbours' outlines, each town or district marked, the
    location as a black star; "" when the story has no place."""
    if not location:
        return ""
    data = outlines()
    main = location.get("country_code") or ""
    lon0, lat0 = location["lon"], location["lat"]
    near = [p for p in places if p.get("kind") != "country" and p.get("lat") is not None
            and abs(p["lat"] - lat0) <= NEAR_DEGREES and abs(p["lon"] - lon0) <= NEAR_DEGREES * 1.5]
    points = [(p["lon"], p["lat"]) for p in near]
    points.append((lon0, lat0))
    if main in data:
        bw, bs, be, bn = data[main]["bbox"]
        if be - bw < 60:  # a country that spans the antimeridian or half the globe keeps the points' box
            points += [(bw, bs), (be, bn)]
    box = _box_around(points, 0.25, 4.0)
    project = _frame(box, WIDTH, HEIGHT)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="locator" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'role="img" aria-label="{escape(title or "Locator map")}">',
             f'<defs><clipPath id="frame"><rect width="{WIDTH}" height="{HEIGHT}"/></clipPath></defs>',
             f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#e6e6e6"/>', '<g clip-path="url(#frame)">']
    parts += _paths(box, project, {main})
    parts.append("</g>")
    labels = []
    for cc in dict.fromkeys(p.get("country_code") for p in places if p.get("kind") == "country"):
        c = data.get(cc or "")
        if c:
            x, y = project(*c["label"])
            if 10 < x < WIDTH - 10 and 10 < y < HEIGHT - 10:
                parts.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="9" fill="#333333" text-anchor="middle" '
                             f'letter-spacing="1">{escape(c["name"].upper())}</text>')
    shown = 0
    for p in near:
        if p.get("kind") in ("country", "admin1") or shown >= LABELS:
            continue
        if p["name"] == location["name"] and p.get("country_code") == location.get("country_code"):
            continue
        x, y = project(p["lon"], p["lat"])
        if not (0 <= x <= WIDTH and 0 <= y <= HEIGHT):
            continue
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.6" fill="#ffffff" stroke="#000000" stroke-width="1.2"/>')
        labels.append((x, y, p["name"], False))
        shown += 1
    x, y = project(location["lon"], location["lat"])
    parts.append(_star(x, y, 6.5))
    labels.append((x, y, location["name"], True))
    for x, y, name, bold in labels:
        anchor, dx = ("end", -7) if x > WIDTH * 0.7 else ("start", 7)
        for halo in (True, False):  # a white halo under the black label keeps it legible over outlines
            style = 'fill="#ffffff" stroke="#ffffff" stroke-width="2.6"' if halo else 'fill="#000000"'
            parts.append(f'<text x="{x + dx:.1f}" y="{y + 3.5:.1f}" font-size="{10 if bold else 9}" '
                         f'font-weight="{"bold" if bold else "normal"}" text-anchor="{anchor}" {style}>{escape(name)}</text>')
    parts.append(f'<rect width="{WIDTH}" height="{HEIGHT}" fill="none" stroke="#666666" stroke-width="1"/>')
    parts.append("</svg>")
    return "".join(parts)


def overview_svg(points: Sequence[tuple[int, Mapping[str, Any]]], *, title: str = "") -> str:
    """One map of several stories: each story's location numbered as in the contents."""
    points = [(n, p) for n, p in points if p]
    if len(points) < 2:
        return ""
    width, height = 520, 260
    box = _box_around([(p["lon"], p["lat"]) for _, p in points], 0.3, 20.0)
    project = _frame(box, width, height)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="overview" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="{escape(title or "Where the stories are")}">',
             f'<defs><clipPath id="overview-frame"><rect width="{width}" height="{height}"/></clipPath></defs>',
             f'<rect width="{width}" height="{height}" fill="#e6e6e6"/>', '<g clip-path="url(#overview-frame)">']
    parts += _paths(box, project, {p.get("country_code") for _, p in points})
    parts.append("</g>")
    for n, p in points:
        x, y = project(p["lon"], p["lat"])
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="#000000"/>'
                     f'<text x="{x:.1f}" y="{y + 3.5:.1f}" font-size="9" font-weight="bold" fill="#ffffff" text-anchor="middle">{n}</text>')
    parts.append(f'<rect width="{width}" height="{height}" fill="none" stroke="#666666" stroke-width="1"/></svg>')
    return "".join(parts)


def _star(x: float, y: float, r: float) -> str:
    pts = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.45
        a = math.pi / 2 + i * math.pi / 5
        pts.append(f"{x + radius * math.cos(a):.1f},{y - radius * math.sin(a):.1f}")
    return f'<polygon points="{" ".join(pts)}" fill="#000000" stroke="#ffffff" stroke-width="0.8"/>'

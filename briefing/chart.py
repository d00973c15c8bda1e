"""A small trend chart of a story's tolls over time, as inline SVG (WeasyPrint and browsers draw it; no
plotting library, nothing fetched).

    trend_points(total_dict) -> [(date, count), ...]   one point per day, the headline on its own day
    trend_svg({"killed": points, "injured": points}) -> "<svg ...>...</svg>"
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from html import escape
from typing import Any

MIN_POINTS = 3  # a trend needs three dated reports
COLOURS = {"killed": "#b3261e", "injured": "#0b5fa5", "missing": "#7a5c00"}
WIDTH, HEIGHT = 300, 110
LEFT, RIGHT, TOP, BOTTOM = 8, 64, 10, 18


def trend_points(total: Mapping[str, Any]) -> list[tuple[date, int]]:
    """The toll's course: for each day of its history up to its headline's day, the highest count reported
    that day; the headline's own day shows the headline count."""
    as_of = total.get("as_of")
    by_day: dict[date, int] = {}
    for report in total.get("history") or ():
        day = _day(report.get("date"))
        if day is None or (as_of and report["date"][:10] > as_of[:10]) or not report.get("count"):
            continue
        by_day[day] = max(by_day.get(day, 0), int(report["count"]))
    head = _day(as_of)
    if head is not None and total.get("count"):
        by_day[head] = int(total["count"])
    return sorted(by_day.items())


def trend_svg(series: Mapping[str, Sequence[tuple[date, int]]], *, title: str = "") -> str:
    """Lines of each category's points on a shared time and count axis; the last count labelled."""
    series = {k: list(v) for k, v in series.items() if len(v) >= MIN_POINTS}
    if not series:
        return ""
    days = [d for points in series.values() for d, _ in points]
    first, last = min(days), max(days)
    span = max((last - first).days, 1)
    top = max(c for points in series.values() for _, c in points) or 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(d: date) -> float:
        return LEFT + plot_w * (d - first).days / span

    def y(c: int) -> float:
        return TOP + plot_h * (1 - c / top)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="trend" width="{WIDTH}" height="{HEIGHT}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title or "Toll over time")}">',
             f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}" stroke="#9aa5ae" stroke-width="1"/>']
    labels: list[list[Any]] = []
    for category, points in series.items():
        colour = COLOURS.get(category, "#444444")
        path = " ".join(f"{x(d):.1f},{y(c):.1f}" for d, c in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for d, c in points:
            parts.append(f'<circle cx="{x(d):.1f}" cy="{y(c):.1f}" r="2.5" fill="{colour}"/>')
        d, c = points[-1]
        labels.append([y(c) + 4, colour, f"{c:,} {category}"])
    labels.sort()
    for i in range(1, len(labels)):  # two labels never overlap
        labels[i][0] = max(labels[i][0], labels[i - 1][0] + 11)
    for ly, colour, text in labels:
        parts.append(f'<text x="{LEFT + plot_w + 4}" y="{min(ly, HEIGHT - BOTTOM):.1f}" font-size="9" fill="{colour}">{escape(text)}</text>')
    parts.append(f'<text x="{LEFT}" y="{HEIGHT - 4}" font-size="9" fill="#5b6770">{first.day} {first:%b}</text>')
    parts.append(f'<text x="{LEFT + plot_w}" y="{HEIGHT - 4}" font-size="9" fill="#5b6770" text-anchor="end">{last.day} {last:%b}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None

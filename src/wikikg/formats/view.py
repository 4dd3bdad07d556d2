"""A picture of the graph: one self-contained interactive HTML page, or a static PNG."""
from __future__ import annotations

import io
import json
import math
from dataclasses import dataclass, field
from importlib.resources import files

from wikikg.formats.propertygraph import PropertyGraph, color_of, edges, period_end, period_start

__all__ = ["Picture", "draw", "label_width", "to_html", "to_png", "view_data"]


def _radius(degree: int) -> float:
    return round(4 + 2.2 * math.sqrt(degree), 2)


def view_data(pg: PropertyGraph) -> dict:
    """What the page draws: nodes (placed by layout.positions), edges, facts with evidence and sources,
    types and years."""
    es = edges(pg)
    iris = sorted(pg.entities)
    index = {iri: i for i, iri in enumerate(iris)}
    degree = [0] * len(iris)
    for e in es:
        degree[index[e.subject]] += 1
        degree[index[e.object]] += 1
    from wikikg.formats.layout import positions

    pos = positions(iris, [(e.subject, e.object) for e in es],
                    {iri: label_width(pg.entities[iri].label, 9) for iri in iris})
    nodes = []
    for i, iri in enumerate(iris):
        ent = pg.entities[iri]
        nodes.append({"iri": iri, "label": ent.label, "type": ent.type, "types": list(ent.types),
                      "x": pos[iri][0], "y": pos[iri][1],
                      "color": color_of(ent.type), "radius": _radius(degree[i]),
                      "aliases": list(ent.aliases), "attrs": [list(a) for a in ent.attributes],
                      "wikipedia": ent.wikipedia})
    edge_rows = [{"id": e.id, "s": index[e.subject], "t": index[e.object], "relation": e.relation,
                  "label": e.label, "weight": len(e.facts) or 1, "date": e.date, "symmetric": e.symmetric,
                  "start": period_start(e.date) if e.date else None,
                  "end": period_end(e.end_date) if e.end_date else None} for e in es]
    facts = []
    for f in pg.facts:
        if f.subject not in index:
            continue
        other = index.get(f.object) if f.object_is_entity else None
        value = pg.entities[f.object].label if f.object in pg.entities else f.object
        facts.append({
            "s": index[f.subject], "o": other, "relation": f.relation,
            "label": pg.relation_labels.get(f.relation, f.relation),
            "value": value,
            "date": f.date, "end": f.end_date, "modality": f.modality, "rule": f.rule,
            "attributed": pg.name(f.attributed_to) if f.attributed_to else None,
            "text": f.plain or f.text, "section": f.section,
            "cites": [{"url": c.url, "title": c.title, "publisher": c.publisher, "date": c.date}
                      for c in f.citations]})
    facts.sort(key=lambda r: (r["s"], r["relation"], str(r["o"]), str(r["value"]), r["text"]))
    counts: dict[str, int] = {}
    for n in nodes:
        counts[n["type"]] = counts.get(n["type"], 0) + 1
    types = [{"type": t, "color": color_of(t), "count": c} for t, c in sorted(counts.items())]
    years = sorted(int(d[:4]) for e in es for d in (e.date, e.end_date) if d)
    return {"nodes": nodes, "edges": edge_rows, "facts": facts, "types": types,
            "years": [years[0], years[-1]] if years else []}


def to_html(pg: PropertyGraph, title: str = "wikikg graph") -> bytes:
    """One HTML file with everything inline (no network): ForceAtlas2 layout, arrows and relation labels,
    labels that never overlap at any zoom, search, facts, time."""
    template = files("wikikg.formats").joinpath("templates", "view.html").read_text("utf-8")
    data = json.dumps(view_data(pg), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    safe_title = (title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                  .replace('"', "&quot;"))
    return template.replace("__TITLE__", safe_title).replace("__DATA__", data).encode("utf-8")


PX_PER_UNIT = 170  # pixels for a median edge
DPI = 100


def _overlaps(box, boxes) -> bool:
    return any(box.x0 < b.x1 and b.x0 < box.x1 and box.y0 < b.y1 and b.y0 < box.y1 for b in boxes)


def _CANDIDATES(r: float):  # noqa: N802 - where a node label may go, nearest first (offsets in points)
    d = r * 0.7
    return ((0, -r, "center", "top"), (0, r, "center", "bottom"), (r, 0, "left", "center"), (-r, 0, "right", "center"),
            (d, -d, "left", "top"), (-d, -d, "right", "top"), (d, d, "left", "bottom"), (-d, d, "right", "bottom"),
            (0, -r - 12, "center", "top"), (0, r + 12, "center", "bottom"))


def _font(degree: int) -> float:
    """A node label's font size (points): hubs larger."""
    return 12 if degree >= 8 else 10 if degree >= 3 else 9


def label_width(label: str, font: float) -> float:
    """About how wide (pixels at 100 dpi) a label is in a font of `font` points."""
    return len(label) * font * 0.58 * DPI / 72 + 8


def _node_points(degree: int) -> float:
    """A node's marker area in points squared (matplotlib's scatter `s`)."""
    return 40 + 70 * math.sqrt(degree)


@dataclass
class Picture:
    """A drawn PNG picture: the matplotlib figure, its canvas, and what it placed (for checks)."""

    figure: object
    canvas: object
    node_labels: list = field(default_factory=list)   # matplotlib Text, one per labelled node
    edge_labels: list = field(default_factory=list)   # matplotlib Text, one per labelled edge
    arrows: list = field(default_factory=list)        # FancyArrowPatch, one per edge

    def png(self) -> bytes:
        """The picture as PNG bytes (no software stamp: reruns give the same bytes)."""
        buf = io.BytesIO()
        self.canvas.print_png(buf, metadata={"Software": None})
        return buf.getvalue()


def to_png(pg: PropertyGraph, title: str = "wikikg graph") -> bytes:
    """A static picture (see draw) as PNG bytes."""
    return draw(pg, title).png()


def draw(pg: PropertyGraph, title: str = "wikikg graph") -> Picture:
    """A static picture (matplotlib): ForceAtlas2 layout (layout.positions), nodes coloured by type and
    sized by degree, arrows for directed relations, relation labels on edges, and node and edge labels
    placed where they overlap nothing (a label that fits nowhere is left out: the HTML view has them all);
    the canvas grows with the graph so that text keeps its size."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch
    from matplotlib.transforms import Bbox

    from wikikg.formats.layout import positions

    es = edges(pg)
    nodes = sorted(pg.entities)
    deg = dict.fromkeys(nodes, 0)
    for e in es:
        deg[e.subject] += 1
        deg[e.object] += 1
    pos = positions(nodes, [(e.subject, e.object) for e in es],
                    {n: label_width(pg.entities[n].label, _font(deg[n])) for n in nodes})
    xs, ys = [p[0] for p in pos.values()] or [0.0], [p[1] for p in pos.values()] or [0.0]
    margin = 140  # pixels around the drawing: room for the outer labels
    span_x, span_y = max(xs) - min(xs) + 2 * margin, max(ys) - min(ys) + 2 * margin
    unit = min(1.0, 12000 / span_x, 12000 / span_y)  # pixels per layout pixel: 1 unless huge
    head, legend_w = 60, 230  # pixels: title above, legend to the right
    width, height = max(1000, span_x * unit) + legend_w, max(700, span_y * unit) + head
    fig = Figure(figsize=(width / DPI, height / DPI), dpi=DPI)
    canvas = FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1 - legend_w / width, 1 - head / height))
    ax.set_axis_off()
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half_w, half_h = (width - legend_w) / unit / 2, (height - head) / unit / 2
    ax.set_xlim(cx - half_w, cx + half_w)
    ax.set_ylim(cy + half_h, cy - half_h)  # y grows downwards, as in the HTML view
    fig.suptitle(f"{title}: {len(nodes)} entities, {len(es)} edges", fontsize=15, x=0.01, ha="left", y=0.995,
                 va="top")
    radius = {n: math.sqrt(_node_points(deg[n])) / 2 for n in nodes}  # points
    pic = Picture(fig, canvas)
    for e in es:
        arrow = FancyArrowPatch(pos[e.subject], pos[e.object], arrowstyle="-" if e.symmetric else "-|>",
                                mutation_scale=11, color="#8a949d", linewidth=0.9, alpha=0.8, zorder=1,
                                shrinkA=radius[e.subject] + 1, shrinkB=radius[e.object] + 1)
        pic.arrows.append(ax.add_patch(arrow))
    ax.scatter([pos[n][0] for n in nodes], [pos[n][1] for n in nodes], s=[_node_points(deg[n]) for n in nodes],
               c=[color_of(pg.entities[n].type) for n in nodes], edgecolors="white", linewidths=0.8, zorder=2)
    renderer = canvas.get_renderer()
    to_px = ax.transData.transform
    placed = []
    for n in nodes:  # the nodes themselves: no label on top of one
        (px, py), r = to_px(pos[n]), radius[n] * DPI / 72
        placed.append(Bbox([[px - r, py - r], [px + r, py + r]]))
    for n in sorted(nodes, key=lambda n: (-deg[n], pg.entities[n].label, n)):
        r = radius[n] + 2
        size = _font(deg[n])
        for dx, dy, ha, va in _CANDIDATES(r):
            t = ax.annotate(pg.entities[n].label, pos[n], xytext=(dx, dy), textcoords="offset points", ha=ha,
                            va=va, fontsize=size, zorder=4, color="#111")
            box = t.get_window_extent(renderer).expanded(1.04, 1.1)
            if not _overlaps(box, placed):
                placed.append(box)
                pic.node_labels.append(t)
                break
            t.remove()
    for e in sorted(es, key=lambda e: (-(deg[e.subject] + deg[e.object]), e.id)):
        (x1, y1), (x2, y2) = to_px(pos[e.subject]), to_px(pos[e.object])
        length = math.hypot(x2 - x1, y2 - y1)
        angle = math.degrees(math.atan2(y2 - y1, x2 - x1))
        angle = angle - 180 if angle > 90 else angle + 180 if angle < -90 else angle
        mid = ((pos[e.subject][0] + pos[e.object][0]) / 2, (pos[e.subject][1] + pos[e.object][1]) / 2)
        t = ax.text(*mid, e.label, fontsize=7.5, color="#4a5560", rotation=angle, rotation_mode="anchor",
                    ha="center", va="center", zorder=3)
        box = t.get_window_extent(renderer)
        room = length - (radius[e.subject] + radius[e.object]) * DPI / 72
        if max(box.width, box.height) > room or _overlaps(box, placed):
            t.remove()
        else:
            placed.append(box)
            pic.edge_labels.append(t)
    present = sorted({pg.entities[n].type for n in nodes})
    handles = [ax.scatter([], [], c=color_of(t), s=60, label=t) for t in present]
    fig.legend(handles=handles, loc="upper right", fontsize=12, frameon=False,
               bbox_to_anchor=(1, 1 - head / height))
    return pic


WRITERS = {".html": to_html, ".htm": to_html, ".png": to_png}

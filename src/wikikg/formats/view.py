"""A picture of the graph: one self-contained interactive HTML page, or a static PNG."""
from __future__ import annotations

import io
import json
import math
from importlib.resources import files

from wikikg.formats.propertygraph import PropertyGraph, color_of, edges, period_end, period_start

__all__ = ["to_html", "to_png", "view_data"]


def _radius(degree: int) -> float:
    return round(4 + 2.2 * math.sqrt(degree), 2)


def view_data(pg: PropertyGraph) -> dict:
    """What the page draws: nodes, edges, facts with evidence and sources, types and years."""
    es = edges(pg)
    iris = sorted(pg.entities)
    index = {iri: i for i, iri in enumerate(iris)}
    degree = [0] * len(iris)
    for e in es:
        degree[index[e.subject]] += 1
        degree[index[e.object]] += 1
    nodes = []
    for i, iri in enumerate(iris):
        ent = pg.entities[iri]
        nodes.append({"iri": iri, "label": ent.label, "type": ent.type, "types": list(ent.types),
                      "color": color_of(ent.type), "radius": _radius(degree[i]),
                      "aliases": list(ent.aliases), "attrs": [list(a) for a in ent.attributes],
                      "wikipedia": ent.wikipedia})
    edge_rows = [{"id": e.id, "s": index[e.subject], "t": index[e.object], "relation": e.relation,
                  "label": e.label, "weight": len(e.facts) or 1, "date": e.date,
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
    """One HTML file with everything inline (no network): force layout, search, facts, time."""
    template = files("wikikg.formats").joinpath("templates", "view.html").read_text("utf-8")
    data = json.dumps(view_data(pg), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    safe_title = (title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                  .replace('"', "&quot;"))
    return template.replace("__TITLE__", safe_title).replace("__DATA__", data).encode("utf-8")


def _layout(g) -> dict:
    """Spring layout per connected component (fixed seed), packed in rows; lone nodes in a column."""
    import networkx as nx

    pos, x0, y0, row_h, width = {}, 0.0, 0.0, 0.0, 3.2 * math.sqrt(max(1, len(g)))
    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c))
    for comp in (c for c in comps if len(c) > 1):
        size = 1.2 * math.sqrt(len(comp))
        local = nx.spring_layout(g.subgraph(comp), seed=7, iterations=300,
                                 k=1.0 / math.sqrt(len(comp)), center=(0, 0), scale=size / 2)
        if x0 > 0 and x0 + size > width:
            x0, y0, row_h = 0.0, y0 - row_h - 0.6, 0.0
        for n in comp:
            pos[n] = (float(local[n][0]) + x0 + size / 2, float(local[n][1]) + y0 - size / 2)
        x0, row_h = x0 + size + 0.6, max(row_h, size)
    right = max((p[0] for p in pos.values()), default=0.0) + 0.8
    for i, comp in enumerate(c for c in comps if len(c) == 1):
        pos[comp[0]] = (right, -0.45 * i)
    return pos


def to_png(pg: PropertyGraph, title: str = "wikikg graph") -> bytes:
    """A static picture (matplotlib): nodes coloured by type and sized by degree, labelled."""
    import networkx as nx
    from matplotlib.figure import Figure

    es = edges(pg)
    g = nx.Graph()
    g.add_nodes_from(sorted(pg.entities))
    g.add_edges_from(sorted({(e.subject, e.object) for e in es}))
    pos = _layout(g)
    fig = Figure(figsize=(16, 11), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(f"{title}: {len(g)} entities, {len(es)} edges", fontsize=14)
    for e in es:
        (x1, y1), (x2, y2) = pos[e.subject], pos[e.object]
        ax.plot([x1, x2], [y1, y2], color="#9aa4ad", linewidth=0.8, alpha=0.6, zorder=1)
    nodes = sorted(pg.entities)
    deg = dict(g.degree())
    ax.scatter([pos[n][0] for n in nodes], [pos[n][1] for n in nodes],
               s=[30 + 60 * math.sqrt(deg[n]) for n in nodes], zorder=2, linewidths=0.8,
               c=[color_of(pg.entities[n].type) for n in nodes], edgecolors="white")
    for n in sorted(nodes, key=lambda n: (-deg[n], n))[:120]:
        ax.annotate(pg.entities[n].label, pos[n], xytext=(5, 3), textcoords="offset points",
                    fontsize=8 if deg[n] < 5 else 11, zorder=3)
    present = sorted({pg.entities[n].type for n in nodes})
    handles = [ax.scatter([], [], c=color_of(t), s=50, label=t) for t in present]
    fig.legend(handles=handles, loc="outside right upper", fontsize=11, frameon=False)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


WRITERS = {".html": to_html, ".htm": to_html, ".png": to_png}

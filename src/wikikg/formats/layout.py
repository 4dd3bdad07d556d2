"""Where a picture puts each node: ForceAtlas2 (networkx) per connected part, scaled for labels, packed in rows."""
from __future__ import annotations

import math

__all__ = ["positions"]

GAP = 50.0          # pixels between two packed parts
LINE = 22.0         # pixels: the height a label needs
MIN_EDGE = 120.0    # pixels: the median edge of a part is at least this long
QUANTILE = 0.995    # the share of node pairs whose labels the scale must keep apart (outliers would blow it up)


def _scale(xy, widths) -> float:
    """The factor that keeps the labels (boxes `widths` x LINE centred on their nodes) of most pairs apart."""
    import numpy as np

    dx = np.abs(xy[:, None, 0] - xy[None, :, 0])
    dy = np.abs(xy[:, None, 1] - xy[None, :, 1])
    need_x = (widths[:, None] + widths[None, :]) / 2 / np.maximum(dx, 1e-9)
    need_y = LINE / np.maximum(dy, 1e-9)
    need = np.minimum(need_x, need_y)[np.triu_indices(len(xy), 1)]
    return float(np.quantile(need, QUANTILE)) if need.size else 1.0


def _part(g, nodes: list[str], widths: dict[str, float], iterations: int) -> dict[str, tuple[float, float]]:
    """One connected part laid out by ForceAtlas2, then scaled (see _scale); in pixels."""
    import networkx as nx
    import numpy as np

    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) == 2:
        return {nodes[0]: (0.0, 0.0), nodes[1]: (max(MIN_EDGE, (widths[nodes[0]] + widths[nodes[1]]) / 2 + 20), 0.0)}
    sub = nx.Graph()  # not g.subgraph(nodes): a view iterates its nodes in the order of a set of strings,
    sub.add_nodes_from(nodes)  # which changes with each process's hash seed (and so did the layout)
    sub.add_edges_from(sorted(tuple(sorted(e)) for e in g.subgraph(nodes).edges()))
    golden = math.pi * (3 - math.sqrt(5))  # a deterministic start: a sunflower, in node order
    start = {n: np.array([math.sqrt(i + 0.5) * math.cos(i * golden), math.sqrt(i + 0.5) * math.sin(i * golden)])
             for i, n in enumerate(nodes)}
    pos = nx.forceatlas2_layout(sub, pos=start, max_iter=iterations, seed=7, scaling_ratio=2.0, gravity=1.0)
    xy = np.array([pos[n] for n in nodes], dtype=float)
    lengths = sorted(math.dist(pos[a], pos[b]) for a, b in sub.edges())
    scale = max(_scale(xy, np.array([widths[n] for n in nodes])), MIN_EDGE / max(lengths[len(lengths) // 2], 1e-9))
    return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in zip(nodes, xy, strict=True)}


def positions(nodes: list[str], pairs: list[tuple[str, str]], widths: dict[str, float],
              iterations: int = 300) -> dict[str, tuple[float, float]]:
    """Node -> (x, y) in pixels, `widths` the width (pixels) of each node's label: each connected part by
    ForceAtlas2, scaled so that labels centred on their nodes overlap little, then the parts packed in
    rows, the biggest first (shelf packing), the rows about as wide as the whole is tall; deterministic."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(sorted(nodes))
    g.add_edges_from(sorted({tuple(sorted(p)) for p in pairs if p[0] != p[1]}))
    parts = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c))
    boxes = []
    for part in parts:
        local = _part(g, part, widths, iterations)
        x0 = min(x - widths[n] / 2 for n, (x, _y) in local.items())
        x1 = max(x + widths[n] / 2 for n, (x, _y) in local.items())
        y0, y1 = min(y for _x, y in local.values()) - LINE, max(y for _x, y in local.values()) + LINE
        boxes.append((local, x0, y0, x1 - x0, y1 - y0))
    area = sum((w + GAP) * (h + GAP) for _l, _x, _y, w, h in boxes)
    width = max(math.sqrt(area) * 1.5, max((w for *_r, w, _h in boxes), default=0.0))
    out: dict[str, tuple[float, float]] = {}
    x0 = y0 = row_h = 0.0
    for local, mx, my, w, h in boxes:
        if x0 > 0 and x0 + w > width:
            x0, y0, row_h = 0.0, y0 + row_h + GAP, 0.0
        for n, (x, y) in local.items():
            out[n] = (round(x - mx + x0, 2), round(y - my + y0, 2))
        x0, row_h = x0 + w + GAP, max(row_h, h)
    return out

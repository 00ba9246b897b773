"""Matplotlib charts (Agg backend, no display needed) for reports: event series and actor networks."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from casus.analysis.queries import QUAD_NAMES

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

QUAD_COLOURS = {1: "#4c9f70", 2: "#1b6e3c", 3: "#e08a3c", 4: "#b8322a"}


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def series_chart(series: "pd.DataFrame", title: str, out: str | Path) -> None:
    """Stacked event counts per period by quad class, with mean Goldstein on a second axis."""
    plt = _pyplot()
    fig, counts = plt.subplots(figsize=(9, 4.5), layout="constrained")
    if series.empty:
        counts.text(0.5, 0.5, "no events", ha="center", va="center", transform=counts.transAxes)
    else:
        table = series.pivot_table(index="period", columns="quad_class", values="events", aggfunc="sum", fill_value=0)
        labels = [p.strftime("%Y-%m-%d") for p in table.index]
        bottom = [0] * len(table)
        for quad in table.columns:
            counts.bar(labels, table[quad], bottom=bottom, color=QUAD_COLOURS.get(quad, "grey"), label=QUAD_NAMES.get(quad, quad))
            bottom = [b + v for b, v in zip(bottom, table[quad])]
        totals = series.groupby("period")[["total_goldstein", "events"]].sum()
        mean = counts.twinx()
        mean.plot(labels, totals.total_goldstein / totals.events, color="black", marker="o", label="mean Goldstein")
        mean.set_ylim(-10.5, 10.5)
        mean.set_ylabel("mean Goldstein")
        counts.legend(loc="upper left", fontsize="small")
        counts.tick_params(axis="x", labelrotation=45)
    counts.yaxis.get_major_locator().set_params(integer=True)
    counts.set_ylabel("events")
    counts.set_title(title)
    fig.savefig(out, dpi=120)
    plt.close(fig)


def network_chart(graph: "nx.DiGraph", title: str, out: str | Path) -> None:
    """Actors as nodes sized by events; edges green for cooperation, red for conflict, width by events."""
    import networkx as nx

    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 8), layout="constrained")
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no dyads", ha="center", va="center", transform=ax.transAxes)
    else:
        position = nx.spring_layout(graph, seed=0, weight="events")
        size = dict(graph.degree(weight="events"))
        edges = list(graph.edges(data=True))
        colours = [QUAD_COLOURS[2] if d["cooperation"] >= d["conflict"] else QUAD_COLOURS[4] for _, _, d in edges]
        widths = [1 + 4 * d["events"] / max(e["events"] for _, _, e in edges) for _, _, d in edges]
        nx.draw_networkx_nodes(graph, position, node_size=[200 + 60 * size[n] for n in graph], node_color="#cfd8e3", ax=ax)
        nx.draw_networkx_labels(graph, position, font_size=8, ax=ax)
        nx.draw_networkx_edges(graph, position, edgelist=[(u, v) for u, v, _ in edges], edge_color=colours,
                               width=widths, arrows=True, connectionstyle="arc3,rad=0.1", ax=ax)  # fmt: skip
    ax.set_title(title)
    ax.axis("off")
    fig.savefig(out, dpi=120)
    plt.close(fig)

#!/usr/bin/python3
"""Generates the reference fixtures for tests/graph from networkx and python-igraph.

Run from the repository root with the system interpreter (networkx 2.8.8, python-igraph 0.10):

    /usr/bin/python3 tests/data/graphs/make_fixtures.py

For each graph NAME it writes, all indexed by integer node id (position in G.nodes()):
  NAME.edges.csv      source,target,weight     (source < target, sorted)
  NAME.nodes.csv      id,name,nx_louvain       (name UTF-8; nx_louvain: community of the
                                                networkx Louvain partition, seed 42, gamma 1)
  NAME.metrics.csv    id,degree,weighted_degree,betweenness  (networkx, normalized=True)
  NAME.reference.txt  key value                (counts and modularities)
Floats are written with repr(), which round-trips exactly.
"""

import csv
import os
import random
import sys

import igraph
import networkx as nx

OUT = os.path.dirname(os.path.abspath(__file__))
SEED = 42
SEEDS = range(20)  # seeds 0..19 for the best-of and mean-of reference modularities
RESOLUTIONS = (0.5, 1.0, 2.0)


def relabel(G):
    names = list(G.nodes())
    index = {name: i for i, name in enumerate(names)}
    H = nx.Graph()
    H.add_nodes_from(range(len(names)))
    for u, v, data in G.edges(data=True):
        H.add_edge(index[u], index[v], weight=float(data.get("weight", 1.0)))
    return H, names


def unweighted(G):
    H = nx.Graph()
    H.add_nodes_from(G.nodes())
    H.add_edges_from((u, v, {"weight": 1.0}) for u, v in G.edges())
    return H


def nx_louvain(G, gamma, seed):
    comms = nx.community.louvain_communities(G, weight="weight", resolution=gamma, seed=seed)
    return comms, nx.community.modularity(G, comms, weight="weight", resolution=gamma)


def igraph_multilevel(G, gamma, seed):
    edges = sorted((min(u, v), max(u, v), d["weight"]) for u, v, d in G.edges(data=True))
    ig = igraph.Graph(n=G.number_of_nodes(), edges=[(u, v) for u, v, _ in edges])
    weights = [w for _, _, w in edges]
    random.seed(seed)  # python-igraph draws from Python's random module
    clustering = ig.community_multilevel(weights=weights, resolution=gamma)
    # Scored with networkx: python-igraph 0.10.2's Graph.modularity() ignores `resolution`
    # (python-igraph issue #640), so its own score is the gamma=1 value.
    comms = [set(c) for c in clustering]
    return nx.community.modularity(G, comms, weight="weight", resolution=gamma)


def write(name, G, names):
    n = G.number_of_nodes()
    edges = sorted((min(u, v), max(u, v), d["weight"]) for u, v, d in G.edges(data=True))
    with open(os.path.join(OUT, name + ".edges.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "weight"])
        for u, v, wt in edges:
            w.writerow([u, v, repr(wt)])

    comms, _ = nx_louvain(G, 1.0, SEED)
    member = [0] * n
    for c, nodes in enumerate(sorted(comms, key=lambda s: (-len(s), min(s)))):
        for v in nodes:
            member[v] = c
    with open(os.path.join(OUT, name + ".nodes.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "nx_louvain"])
        for i in range(n):
            w.writerow([i, names[i], member[i]])

    betweenness = nx.betweenness_centrality(G, normalized=True)  # hop distances
    with open(os.path.join(OUT, name + ".metrics.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "degree", "weighted_degree", "betweenness"])
        for i in range(n):
            w.writerow([i, G.degree(i), repr(float(G.degree(i, weight="weight"))),
                        repr(betweenness[i])])

    lines = [
        ("nodes", n),
        ("edges", G.number_of_edges()),
        ("components", nx.number_connected_components(G)),
    ]
    for gamma in RESOLUTIONS:
        fixed = [{v for v in range(n) if member[v] == c} for c in range(max(member) + 1)]
        lines.append((f"modularity_of_nx_louvain_partition_gamma{gamma}",
                      repr(nx.community.modularity(G, fixed, weight="weight", resolution=gamma))))
        lines.append((f"nx_louvain_seed{SEED}_gamma{gamma}", repr(nx_louvain(G, gamma, SEED)[1])))
        lines.append((f"igraph_multilevel_seed{SEED}_gamma{gamma}",
                      repr(igraph_multilevel(G, gamma, SEED))))
        runs = {"nx_louvain": [nx_louvain(G, gamma, s)[1] for s in SEEDS],
                "igraph_multilevel": [igraph_multilevel(G, gamma, s) for s in SEEDS]}
        for method, values in runs.items():
            lines.append((f"{method}_best_of_{len(SEEDS)}_gamma{gamma}", repr(max(values))))
            lines.append((f"{method}_mean_of_{len(SEEDS)}_gamma{gamma}",
                          repr(sum(values) / len(values))))
    with open(os.path.join(OUT, name + ".reference.txt"), "w") as f:
        f.write(f"# {name}: networkx {nx.__version__}, python-igraph {igraph.__version__}; "
                f"made by tests/data/graphs/make_fixtures.py\n")
        for key, value in lines:
            f.write(f"{key} {value}\n")


def main():
    karate, karate_names = relabel(nx.karate_club_graph())
    weighted = any(d["weight"] != 1.0 for _, _, d in karate.edges(data=True))
    write("karate", unweighted(karate), [str(x) for x in karate_names])
    if weighted:  # networkx >= 2.6 carries Zachary's interaction counts as 'weight'
        write("karate_weighted", karate, [str(x) for x in karate_names])
    lesmis, lesmis_names = relabel(nx.les_miserables_graph())
    write("lesmis", lesmis, lesmis_names)
    return 0


if __name__ == "__main__":
    sys.exit(main())

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
  NAME.centrality.csv id,harmonic,harmonic_normalised,eigenvector,eigenvector_tight,
                      pagerank_085,pagerank_050,clustering,core
      harmonic             networkx harmonic_centrality (hop distances)
      harmonic_normalised  python-igraph harmonic_centrality(normalized=True): harmonic / (n-1)
      eigenvector          networkx eigenvector_centrality(weight='weight'), its defaults
                           (tol 1e-6, max_iter 100): only within ~1e-5 of the eigenvector
      eigenvector_tight    the same with tol 1e-14, max_iter 10000: within 1e-12 of
                           eigenvector_centrality_numpy (checked here)
      pagerank_085/_050    networkx pagerank(alpha, weight='weight', tol 1e-14, max_iter 10000)
      clustering           networkx clustering (unweighted)
      core                 networkx core_number
And one small weighted directed graph, DIRECTED (a seeded random digraph with dangling and
isolated nodes), standing in for a citation network:
  DIRECTED.edges.csv      source,target,weight   (arcs source -> target, sorted)
  DIRECTED.centrality.csv id,in_degree,out_degree,pagerank_085,pagerank_085_unweighted,
                          pagerank_050
  DIRECTED.reference.txt  key value              (nodes, arcs, dangling nodes)
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
TIGHT = {"tol": 1e-14, "max_iter": 10000}  # power iterations run to (near) convergence
DIRECTED = "directed_small"


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


def write_rows(path, header, columns):
    n = len(columns[0])
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for i in range(n):
            w.writerow([i] + [repr(c[i]) if isinstance(c[i], float) else c[i] for c in columns])


def write_centrality(name, G):
    n = G.number_of_nodes()
    edges = sorted((min(u, v), max(u, v)) for u, v in G.edges())
    ig = igraph.Graph(n=n, edges=edges)
    harmonic = nx.harmonic_centrality(G)
    harmonic_normalised = ig.harmonic_centrality(normalized=True)
    for i in range(n):
        assert abs(harmonic[i] / (n - 1) - harmonic_normalised[i]) < 1e-12
    eigenvector = nx.eigenvector_centrality(G, weight="weight")
    eigenvector_tight = nx.eigenvector_centrality(G, weight="weight", **TIGHT)
    exact = nx.eigenvector_centrality_numpy(G, weight="weight")
    assert max(abs(eigenvector_tight[i] - exact[i]) for i in range(n)) < 1e-12
    pagerank_085 = nx.pagerank(G, alpha=0.85, weight="weight", **TIGHT)
    pagerank_050 = nx.pagerank(G, alpha=0.5, weight="weight", **TIGHT)
    clustering = nx.clustering(G)  # int 0 below degree 2, float otherwise
    core = nx.core_number(G)
    columns = [[float(c[i]) for i in range(n)]
               for c in (harmonic, harmonic_normalised, eigenvector, eigenvector_tight,
                         pagerank_085, pagerank_050, clustering)]
    columns.append([core[i] for i in range(n)])
    write_rows(os.path.join(OUT, name + ".centrality.csv"),
               ["id", "harmonic", "harmonic_normalised", "eigenvector", "eigenvector_tight",
                "pagerank_085", "pagerank_050", "clustering", "core"], columns)


def write_directed():
    n = 30
    G = nx.gnp_random_graph(n, 0.08, seed=7, directed=True)
    rng = random.Random(SEED)
    D = nx.DiGraph()
    D.add_nodes_from(range(n))
    for u, v in sorted(G.edges()):
        D.add_edge(u, v, weight=float(rng.randint(1, 5)))
    D.remove_edges_from([(u, v) for u, v in list(D.edges()) if u == 29 or v == 29])  # isolated
    D.remove_edges_from([(u, v) for u, v in list(D.edges()) if u == 0])  # dangling: cites none
    dangling = [v for v in D if D.out_degree(v) == 0]
    assert len(dangling) >= 2 and D.degree(29) == 0
    with open(os.path.join(OUT, DIRECTED + ".edges.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "weight"])
        for u, v, d in sorted(D.edges(data=True)):
            w.writerow([u, v, repr(d["weight"])])
    columns = [[D.in_degree(i) for i in range(n)], [D.out_degree(i) for i in range(n)]]
    for alpha, weight in ((0.85, "weight"), (0.85, None), (0.5, "weight")):
        pr = nx.pagerank(D, alpha=alpha, weight=weight, **TIGHT)
        columns.append([float(pr[i]) for i in range(n)])
    write_rows(os.path.join(OUT, DIRECTED + ".centrality.csv"),
               ["id", "in_degree", "out_degree", "pagerank_085", "pagerank_085_unweighted",
                "pagerank_050"], columns)
    with open(os.path.join(OUT, DIRECTED + ".reference.txt"), "w") as f:
        f.write(f"# {DIRECTED}: networkx {nx.__version__}; "
                f"made by tests/data/graphs/make_fixtures.py\n")
        f.write(f"nodes {n}\narcs {D.number_of_edges()}\ndangling {len(dangling)}\n")


def main():
    karate, karate_names = relabel(nx.karate_club_graph())
    weighted = any(d["weight"] != 1.0 for _, _, d in karate.edges(data=True))
    write("karate", unweighted(karate), [str(x) for x in karate_names])
    if weighted:  # networkx >= 2.6 carries Zachary's interaction counts as 'weight'
        write("karate_weighted", karate, [str(x) for x in karate_names])
    lesmis, lesmis_names = relabel(nx.les_miserables_graph())
    write("lesmis", lesmis, lesmis_names)
    write_centrality("karate", unweighted(karate))
    if weighted:
        write_centrality("karate_weighted", karate)
    write_centrality("lesmis", lesmis)
    write_directed()
    return 0


if __name__ == "__main__":
    sys.exit(main())

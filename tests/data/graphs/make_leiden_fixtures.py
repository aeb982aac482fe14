#!/usr/bin/python3
"""Generates the Leiden and partition-comparison reference fixtures for tests/graph.

Run from the repository root with the system interpreter (networkx 2.8.8, python-igraph 0.10,
leidenalg 0.9 from Debian's python3-leidenalg) after make_fixtures.py:

    /usr/bin/python3 tests/data/graphs/make_leiden_fixtures.py

It reads the graphs NAME.edges.csv / NAME.reference.txt written by make_fixtures.py (so vertex
ids match exactly) and writes:

  NAME.leiden.reference.txt  key value lines, for seeds 0..19 of
      leidenalg.find_partition(RBConfigurationVertexPartition / CPMVertexPartition,
                               weights, resolution_parameter=gamma, n_iterations=-1, seed=s)
      igraph Graph.community_leiden(objective_function='modularity' / 'CPM', weights,
                               resolution_parameter=gamma, n_iterations=-1), random.seed(s)
    modularity runs are scored with networkx modularity(weight, resolution=gamma) (python-igraph
    0.10.2's Graph.modularity ignores resolution, issue #640); CPM runs with
      H = sum over communities c of  W_c - gamma * n_c (n_c - 1) / 2
    (Traag, Van Dooren & Nesterov 2011; leidenalg's CPMVertexPartition.quality() reports twice
    this on undirected graphs, checked below). Keys: {leidenalg,igraph}_{modularity,cpm}_
    {best,mean}_of_20_gammaG, and ..._communities_of_best_gammaG (count of the best run).
  partition_compare.txt  fixed partitions of karate (34 vertices) and lesmis (77) and their
      igraph compare_communities(method='adjusted_rand' / 'nmi') values:
        partition NAME label0 label1 ...
        ari NAME_A NAME_B value
        nmi NAME_A NAME_B value
Floats are written with repr(), which round-trips exactly.
"""

import collections
import csv
import os
import random
import sys

import igraph
import leidenalg
import networkx as nx

OUT = os.path.dirname(os.path.abspath(__file__))
SEEDS = range(20)
MODULARITY_RESOLUTIONS = (0.5, 1.0, 2.0)
CPM_RESOLUTIONS = {"karate": (0.05, 0.1), "karate_weighted": (0.1, 0.5), "lesmis": (0.5, 1.0)}


def load(name):
    with open(os.path.join(OUT, name + ".reference.txt")) as f:
        n = next(int(line.split()[1]) for line in f if line.startswith("nodes "))
    with open(os.path.join(OUT, name + ".edges.csv")) as f:
        rows = [(int(r["source"]), int(r["target"]), float(r["weight"])) for r in csv.DictReader(f)]
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from(rows)
    ig = igraph.Graph(n=n, edges=[(u, v) for u, v, _ in rows])
    return G, ig, [w for _, _, w in rows]


def blocks(membership):
    groups = collections.defaultdict(set)
    for v, c in enumerate(membership):
        groups[c].add(v)
    return list(groups.values())


def cpm_quality(G, membership, gamma):
    inside = sum(d["weight"] for u, v, d in G.edges(data=True) if membership[u] == membership[v])
    sizes = collections.Counter(membership)
    return inside - gamma * sum(s * (s - 1) / 2 for s in sizes.values())


def modularity(G, membership, gamma):
    return nx.community.modularity(G, blocks(membership), weight="weight", resolution=gamma)


def leidenalg_run(ig, weights, objective, gamma, seed):
    kind = (leidenalg.RBConfigurationVertexPartition if objective == "modularity"
            else leidenalg.CPMVertexPartition)
    p = leidenalg.find_partition(ig, kind, weights=weights, resolution_parameter=gamma,
                                 n_iterations=-1, seed=seed)
    return p.membership, p.quality()


def igraph_run(ig, weights, objective, gamma, seed):
    random.seed(seed)  # python-igraph draws from Python's random module
    c = ig.community_leiden(objective_function=objective, weights=weights,
                            resolution_parameter=gamma, n_iterations=-1)
    return c.membership, None


def write_leiden(name):
    G, ig, weights = load(name)
    lines = []
    runs = {"leidenalg": leidenalg_run, "igraph": igraph_run}
    for objective, resolutions in (("modularity", MODULARITY_RESOLUTIONS),
                                   ("cpm", CPM_RESOLUTIONS[name])):
        for gamma in resolutions:
            for method, run in runs.items():
                values = []
                for seed in SEEDS:
                    membership, own = run(ig, weights, "CPM" if objective == "cpm" else objective,
                                          gamma, seed)
                    if objective == "cpm":
                        value = cpm_quality(G, membership, gamma)
                        if own is not None:  # leidenalg doubles the undirected CPM sum
                            assert abs(own - 2 * value) < 1e-9 * max(1.0, abs(value)), (own, value)
                    else:
                        value = modularity(G, membership, gamma)
                    values.append((value, len(set(membership))))
                best = max(values)
                key = f"{method}_{objective}"
                lines.append((f"{key}_best_of_{len(SEEDS)}_gamma{gamma}", repr(best[0])))
                lines.append((f"{key}_mean_of_{len(SEEDS)}_gamma{gamma}",
                              repr(sum(v for v, _ in values) / len(values))))
                lines.append((f"{key}_communities_of_best_gamma{gamma}", best[1]))
    with open(os.path.join(OUT, name + ".leiden.reference.txt"), "w") as f:
        f.write(f"# {name}: networkx {nx.__version__}, python-igraph {igraph.__version__}, "
                f"leidenalg (Debian python3-leidenalg 0.9.1); made by "
                f"tests/data/graphs/make_leiden_fixtures.py\n")
        for key, value in lines:
            f.write(f"{key} {value}\n")


def dense(membership):
    ids = {}
    return [ids.setdefault(c, len(ids)) for c in membership]


def write_partition_compare():
    partitions = []  # (name, membership); pairs compared within one graph only
    karate, karate_ig, karate_w = load("karate")
    club = nx.karate_club_graph()
    partitions.append(("karate_club", [0 if club.nodes[v]["club"] == "Mr. Hi" else 1
                                       for v in club.nodes()]))
    partitions.append(("karate_leiden_modularity",
                       dense(leidenalg_run(karate_ig, karate_w, "modularity", 1.0, 0)[0])))
    partitions.append(("karate_leiden_cpm_0.1",
                       dense(leidenalg_run(karate_ig, karate_w, "CPM", 0.1, 0)[0])))
    random.seed(7)
    partitions.append(("karate_random4", [random.randrange(4) for _ in range(34)]))
    partitions.append(("karate_one", [0] * 34))
    partitions.append(("karate_halves", [v // 17 for v in range(34)]))
    lesmis, lesmis_ig, lesmis_w = load("lesmis")
    partitions.append(("lesmis_leiden_modularity",
                       dense(leidenalg_run(lesmis_ig, lesmis_w, "modularity", 1.0, 0)[0])))
    partitions.append(("lesmis_leiden_modularity_2.0",
                       dense(leidenalg_run(lesmis_ig, lesmis_w, "modularity", 2.0, 0)[0])))
    partitions.append(("lesmis_one", [0] * 77))
    random.seed(11)
    partitions.append(("lesmis_random9", [random.randrange(9) for _ in range(77)]))

    lines = [f"partition {name} " + " ".join(map(str, m)) for name, m in partitions]
    for i, (a, ma) in enumerate(partitions):
        for b, mb in partitions[i + 1:]:
            if len(ma) != len(mb):
                continue
            ari = igraph.compare_communities(ma, mb, method="adjusted_rand")
            nmi = igraph.compare_communities(ma, mb, method="nmi")
            lines.append(f"ari {a} {b} {ari!r}")
            lines.append(f"nmi {a} {b} {nmi!r}")
    with open(os.path.join(OUT, "partition_compare.txt"), "w") as f:
        f.write(f"# python-igraph {igraph.__version__} compare_communities; made by "
                f"tests/data/graphs/make_leiden_fixtures.py\n")
        f.write("\n".join(lines) + "\n")


def main():
    for name in ("karate", "karate_weighted", "lesmis"):
        write_leiden(name)
    write_partition_compare()
    return 0


if __name__ == "__main__":
    sys.exit(main())

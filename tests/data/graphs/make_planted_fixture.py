#!/usr/bin/python3
"""Reference modularities of Leiden on a graph big enough for batched local moving.

Run from the repository root with the system interpreter (python-igraph 0.10, leidenalg 0.9
from Debian's python3-leidenalg):

    /usr/bin/python3 tests/data/graphs/make_planted_fixture.py

The graph is not stored: planted_graph() below and planted_graph() in
tests/graph/leiden_test.cc draw the same one from SplitMix64 (Steele, Lea & Flood 2014).
20,000 vertices in 50 groups of 400; every vertex makes 4 to 36 draws (uniform, so degrees
vary), each an edge to a member of its own group with probability 0.3 and to any vertex
otherwise, of weight 1, 2 or 3; a pair
drawn twice has its weights summed; loops are dropped. Writes planted.leiden.reference.txt:
for seeds 0..19, the best and mean modularity (gamma 1) of
    leidenalg.find_partition(RBConfigurationVertexPartition, weights, n_iterations=-1, seed)
    igraph Graph.community_leiden('modularity', weights, n_iterations=-1), random.seed(s)
    the same with n_iterations=2 (what citenet's CLI runs)
each scored with igraph's Graph.modularity(membership, weights) (gamma 1, so python-igraph
0.10.2's ignoring of `resolution`, issue #640, does not matter).
"""

import os
import random
import statistics

import igraph
import leidenalg

OUT = os.path.dirname(os.path.abspath(__file__))
MASK = (1 << 64) - 1
N, GROUPS = 20000, 50


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def __call__(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def planted_graph():
    rng = SplitMix64(2026)
    size = N // GROUPS
    weight = {}
    for v in range(N):
        for _ in range(4 + rng() % 33):
            if rng() % 10 < 3:
                u = (rng() % size) * GROUPS + v % GROUPS
            else:
                u = rng() % N
            w = 1 + rng() % 3
            if u == v:
                continue
            key = (min(u, v), max(u, v))
            weight[key] = weight.get(key, 0) + w
    return sorted(weight.items())


def main():
    edges = planted_graph()
    ig = igraph.Graph(n=N, edges=[e for e, _ in edges])
    weights = [float(w) for _, w in edges]
    runs = {}
    for seed in range(20):
        p = leidenalg.find_partition(ig, leidenalg.RBConfigurationVertexPartition,
                                     weights=weights, n_iterations=-1, seed=seed)
        runs.setdefault("leidenalg", []).append(ig.modularity(p.membership, weights=weights))
        for iterations, name in ((-1, "igraph"), (2, "igraph_2iterations")):
            random.seed(seed)
            c = ig.community_leiden(objective_function="modularity", weights=weights,
                                    n_iterations=iterations)
            runs.setdefault(name, []).append(ig.modularity(c.membership, weights=weights))
    path = os.path.join(OUT, "planted.leiden.reference.txt")
    with open(path, "w") as f:
        f.write("# planted: python-igraph %s, leidenalg %s; made by "
                "tests/data/graphs/make_planted_fixture.py\n"
                % (igraph.__version__, leidenalg.version))
        f.write("edges %d\n" % len(edges))
        f.write("total_weight %r\n" % sum(weights))
        for name, values in runs.items():
            f.write("%s_modularity_best_of_20 %r\n" % (name, max(values)))
            f.write("%s_modularity_mean_of_20 %r\n" % (name, statistics.fmean(values)))


if __name__ == "__main__":
    main()

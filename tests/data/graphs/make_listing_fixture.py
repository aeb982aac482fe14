#!/usr/bin/python3
"""Reference metrics of a real co-authorship network: the integrated-care listing.

The graph (nodes, edges, weights) is the one `citenet map` wrote to samples/coauthors.graphml;
every number below is computed from it by networkx 2.8.8 and python-igraph 0.10, not by
citenet. Run from the repository root:

    ./build/citenet map samples/integrated-care-listing.txt --network coauthor -o samples/coauthors.graphml
    /usr/bin/python3 tests/data/graphs/make_listing_fixture.py

Writes listing_coauthor.metrics.csv (label, degree, weighted_degree, betweenness, harmonic
closeness / (n-1), eigenvector (tol 1e-14), PageRank 0.85 (tol 1e-14), clustering, core) and
listing_coauthor.reference.txt (nodes, edges, components, best modularities).
"""
import csv
import os

import igraph
import networkx as nx

OUT = os.path.dirname(os.path.abspath(__file__))
G = nx.read_graphml("samples/coauthors.graphml")
labels = {n: G.nodes[n]["label"] for n in G.nodes}
betweenness = nx.betweenness_centrality(G, normalized=True)
n = G.number_of_nodes()
harmonic = {v: h / (n - 1) for v, h in nx.harmonic_centrality(G).items()}
eigenvector = nx.eigenvector_centrality(G, weight="weight", tol=1e-14, max_iter=10000)
pagerank = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-14, max_iter=10000)
clustering = nx.clustering(G)
core = nx.core_number(G)
with open(os.path.join(OUT, "listing_coauthor.metrics.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["label", "degree", "weighted_degree", "betweenness", "closeness", "eigenvector",
                "pagerank", "clustering", "core"])
    for v in sorted(G.nodes, key=lambda v: labels[v]):
        w.writerow([labels[v], G.degree(v), repr(float(G.degree(v, weight="weight"))), repr(betweenness[v]),
                    repr(harmonic[v]), repr(eigenvector[v]), repr(pagerank[v]), repr(clustering[v]), core[v]])

nx_best = max(
    nx.algorithms.community.modularity(G, nx.algorithms.community.louvain_communities(G, weight="weight", seed=s), weight="weight")
    for s in range(20))
ig = igraph.Graph.from_networkx(G)
ig_best = max(ig.community_multilevel(weights="weight").modularity for _ in range(20))
with open(os.path.join(OUT, "listing_coauthor.reference.txt"), "w") as f:
    f.write(f"nodes {G.number_of_nodes()}\n")
    f.write(f"edges {G.number_of_edges()}\n")
    f.write(f"components {nx.number_connected_components(G)}\n")
    f.write(f"modularity_networkx_best {nx_best!r}\n")
    f.write(f"modularity_igraph_best {ig_best!r}\n")

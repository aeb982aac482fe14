#!/usr/bin/python3
"""One peer's run of the benchmark pipeline on a MEDLINE file, step by step.

    /usr/bin/python3 tests/bench/peers.py igraph|networkx FILE OUT_DIR

Steps, as citenet's `map FILE --network coauthor --community leiden --metrics
degree,pagerank -o out.graphml -o nodes.csv` does them: parse the MEDLINE records
(authors keyed by "Surname, Given" from FAU, as a notebook would), build the weighted
co-authorship graph (weight = shared papers), connected components, Leiden (igraph) or
Louvain (networkx has no Leiden), PageRank, write GraphML and a node CSV. Prints one JSON
line: seconds per step, nodes, edges, components, modularity.
"""
import collections
import csv
import itertools
import json
import sys
import time

peer, path, out_dir = sys.argv[1], sys.argv[2], sys.argv[3]
t = {}
start = time.perf_counter()


def step(name):
    global start
    now = time.perf_counter()
    t[name] = round(now - start, 3)
    start = now


papers = []
with open(path, encoding="utf-8", errors="replace") as f:
    authors = None
    for line in f:
        if line.startswith("PMID-"):
            authors = []
            papers.append(authors)
        elif line.startswith("FAU - ") and authors is not None:
            authors.append(line[6:].strip())
step("parse")

weights = collections.Counter()
names = {}
for authors in papers:
    ids = sorted({names.setdefault(a, len(names)) for a in authors})
    for pair in itertools.combinations(ids, 2):
        weights[pair] += 1
labels = [None] * len(names)
for name, i in names.items():
    labels[i] = name

if peer == "igraph":
    import igraph
    g = igraph.Graph(n=len(names), edges=list(weights.keys()))
    g.es["weight"] = list(weights.values())
    g.vs["label"] = labels
    step("build")
    components = len(g.connected_components())
    step("components")
    part = g.community_leiden(objective_function="modularity", weights="weight")  # igraph default: 2 iterations
    modularity = g.modularity(part.membership, weights="weight")
    step("communities")
    pr = g.pagerank(weights="weight")
    degree = g.degree()
    step("pagerank")
    g.vs["community"] = part.membership
    g.write_graphml(f"{out_dir}/peer.graphml")
    nodes, edges = g.vcount(), g.ecount()
    membership = part.membership
else:
    import networkx as nx
    g = nx.Graph()
    g.add_nodes_from(range(len(names)))
    g.add_weighted_edges_from((a, b, w) for (a, b), w in weights.items())
    nx.set_node_attributes(g, dict(enumerate(labels)), "label")
    step("build")
    components = nx.number_connected_components(g)
    step("components")
    comms = nx.algorithms.community.louvain_communities(g, weight="weight", seed=42)
    modularity = nx.algorithms.community.modularity(g, comms, weight="weight")
    membership = [0] * len(names)
    for c, members in enumerate(comms):
        for v in members:
            membership[v] = c
    step("communities")
    prd = nx.pagerank(g, weight="weight")
    pr = [prd[v] for v in range(len(names))]
    degree = [g.degree(v) for v in range(len(names))]
    step("pagerank")
    nx.set_node_attributes(g, dict(enumerate(membership)), "community")
    nx.write_graphml(g, f"{out_dir}/peer.graphml")
    nodes, edges = g.number_of_nodes(), g.number_of_edges()
with open(f"{out_dir}/peer-nodes.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "label", "degree", "pagerank", "community"])
    for v in range(len(names)):
        w.writerow([v, labels[v], degree[v], pr[v], membership[v]])
step("write")
print(json.dumps({"peer": peer, "seconds": t, "nodes": nodes, "edges": edges,
                  "components": components, "modularity": modularity}))

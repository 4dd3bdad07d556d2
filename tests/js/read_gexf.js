// Reads a GEXF file with graphology-gexf and prints the graph as graphology serialises it (JSON).
const fs = require('fs');
const Graph = require('graphology');
const gexf = require('graphology-gexf');

const graph = gexf.parse(Graph, fs.readFileSync(process.argv[2], 'utf-8'));
process.stdout.write(JSON.stringify({type: graph.type, multi: graph.multi, graph: graph.export()}));

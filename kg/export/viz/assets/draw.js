/* newskg page: the network drawing (vis-network).  Only the chosen entities are in it; a force
   layout settles new ones (already drawn ones hold still) and then physics stops, so the picture
   never drifts. */
var EDGE_COLOURS = ["#8a8a8a", "#d68a00", "#c0392b"];
var container = byId("graph");
var nodeData = new vis.DataSet([]), edgeData = new vis.DataSet([]);
var drawnSet = {}, drawnEdgeSet = {}, drawnLinked = [], drawnIsolated = [], drawnEdges = [];
var visible = null;           // computeVisible() of the current state
var framePositions = {};
var settling = false, pendingAfterSettle = [];

var network = new vis.Network(container, { nodes: nodeData, edges: edgeData }, {
  autoResize: true,
  layout: { randomSeed: 7, improvedLayout: false },
  nodes: { borderWidth: 1, borderWidthSelected: 3, labelHighlightBold: false },
  edges: { smooth: false, selectionWidth: 2, hoverWidth: 0.5 },
  interaction: {
    hover: true, tooltipDelay: 250, multiselect: false, navigationButtons: false,
    keyboard: { enabled: true, bindToWindow: false }, hideEdgesOnDrag: false, hideEdgesOnZoom: false
  },
  physics: {
    enabled: false, solver: "forceAtlas2Based",
    forceAtlas2Based: { theta: 0.8, gravitationalConstant: -55, centralGravity: 0.012, springLength: 70,
                        springConstant: 0.09, damping: 0.45, avoidOverlap: 0.6 },
    maxVelocity: 60, minVelocity: 0.5, adaptiveTimestep: false,
    stabilization: { enabled: false, updateInterval: 50, fit: false }
  }
});

// the drawing takes the keyboard focus itself (arrow keys pan, + and - zoom)
container.querySelector(".vis-network").setAttribute("aria-label", "Graph drawing: arrow keys move, + and - zoom");

function nodeTooltip(n) {
  var box = el("div");
  append(box, el("strong", null, n.name), el("br"), CLASSES[n.c].name);
  if (n.jobs.length) { append(box, el("br"), n.jobs.join(", ")); }
  append(box, el("br"), plural(incident[n.id].length, "fact") + ", " + plural(n.docs.length, "document"));
  return box;
}

function nodeItem(id, pos) {
  var n = NODES[id], cs = CLASSES[n.c], linked = incident[id].length > 0;
  return {
    id: id, x: pos.x, y: pos.y, shape: cs.shape, size: linked ? nodeSize(id) : 6, title: nodeTooltip(n),
    physics: linked, borderWidth: n.focus ? 3 : 1,
    color: { background: cs.color, border: linked ? "#3a3a3a" : "#9a9a9a",
             highlight: { background: cs.color, border: "#000" }, hover: { background: cs.color, border: "#000" } },
    opacity: linked ? 1 : 0.75
  };
}

function edgeItem(k) {
  var e = EDGES[k], sym = PROPS[e.p].sym;
  var item = {
    id: k, from: e.from, to: e.to,
    title: el("div", null, NODES[e.from].name + " " + PROPS[e.p].name + " " + NODES[e.to].name + " (" + STATUS[e.st] + ")"),
    arrows: { to: { enabled: !sym, scaleFactor: 0.5 } },
    dashes: e.st !== 0 ? [6, 5] : false,
    color: { color: EDGE_COLOURS[e.st], highlight: "#1a4f9c", hover: "#1a4f9c", inherit: false, opacity: 0.85 },
    width: e.st === 0 ? 1 + Math.min(2, e.ndocs - 1) * 0.6 : 1
  };
  if (e.bend > 0) {
    item.smooth = { enabled: true, type: e.bend % 2 ? "curvedCW" : "curvedCCW", roundness: 0.18 * Math.ceil(e.bend / 2) };
  }
  return item;
}

/* Hidden springs from each drawn member of a community to its best drawn member: communities
   settle as groups, so their shaded areas overlap less. */
var springIds = [];
function communitySprings() {
  var best = {}, springs = [];
  labelOrder.forEach(function (id) {
    var c = NODES[id].comm;
    if (c < 0 || !incident[id].length) { return; }
    if (!best.hasOwnProperty(c)) { best[c] = id; return; }
    springs.push({ id: "spring:" + id, from: id, to: best[c], hidden: true, length: springLength(labelOrder.length) * 1.3, smooth: false });
  });
  edgeData.remove(springIds);
  edgeData.add(springs);
  springIds = springs.map(function (s) { return s.id; });
}

/* Run the force layout for up to `iterations` steps, in chunks, and stop early when it has taken
   SETTLE_MS (a large drawing on a slow machine opens in time, a little less settled); then stop
   physics and call done().  A change asked for meanwhile is drawn next, and what waits for the
   drawing (whenSettled) waits for that too. */
var SETTLE_MS = 2500, SETTLE_CHUNK = 25, queuedUpdate = null;
function settle(iterations, done) {
  settling = true;
  var started = performance.now(), stepped = 0;
  network.setOptions({ physics: { enabled: true, forceAtlas2Based: { springLength: springLength(drawnLinked.length) } } });
  function step() {
    var chunk = Math.min(SETTLE_CHUNK, iterations - stepped);
    network.once("stabilizationIterationsDone", function () {
      stepped += chunk;
      if (stepped < iterations && performance.now() - started < SETTLE_MS) { step(); return; }
      network.setOptions({ physics: { enabled: false } });
      settling = false;
      TIMINGS.lastSettle = { ms: Math.round(performance.now() - started), iterations: stepped, nodes: drawnLinked.length };
      done();
      if (queuedUpdate) { var opts = queuedUpdate; queuedUpdate = null; updateDrawing(opts); }
      if (settling) { return; }
      var queued = pendingAfterSettle; pendingAfterSettle = [];
      queued.forEach(function (fn) { fn(); });
    });
    network.stabilize(chunk);
  }
  step();
}

function whenSettled(fn) { if (settling) { pendingAfterSettle.push(fn); } else { fn(); } }

function iterationsFor(moving) { return moving <= 300 ? 150 : 100; }

/* Put `want` in the vis data sets: new entities at their seeds, the others held still (or moved to
   their seeds for a fresh layout), the facts among them; remember what is drawn. */
function applyDrawn(want, seeds, fresh) {
  nodeData.remove(Object.keys(drawnSet).map(Number).filter(function (i) { return !want.set[i]; }));
  var wantEdges = [], wantEdgeSet = {};
  EDGES.forEach(function (e, k) {
    if (visible.edgeOk[k] && want.set[e.from] && want.set[e.to]) { wantEdges.push(k); wantEdgeSet[k] = true; }
  });
  edgeData.remove(drawnEdges.filter(function (k) { return !wantEdgeSet[k]; }));
  var newItems = [], moves = [];
  want.linked.forEach(function (i) {
    if (!drawnSet[i]) { newItems.push(nodeItem(i, seeds[i])); }
    else if (fresh) { moves.push({ id: i, x: seeds[i].x, y: seeds[i].y, fixed: false }); }
    else { moves.push({ id: i, fixed: true }); }  // hold still while the new ones settle
  });
  want.isolated.forEach(function (i) { if (!drawnSet[i]) { newItems.push(nodeItem(i, { x: 0, y: 0 })); } });
  nodeData.update(moves);
  nodeData.add(newItems);
  edgeData.add(wantEdges.filter(function (k) { return !drawnEdgeSet[k]; }).map(edgeItem));
  wantEdges.sort(function (a, b) { return EDGES[b].score - EDGES[a].score || a - b; });
  drawnSet = want.set; drawnEdgeSet = wantEdgeSet; drawnEdges = wantEdges;
  drawnLinked = want.linked; drawnIsolated = want.isolated;
  labelOrder = drawnLinked.concat(drawnIsolated).sort(function (a, b) {
    return visible.okDeg[b] - visible.okDeg[a] || importance(b) - importance(a) || a - b;
  });
  byId("empty").hidden = drawnLinked.length + drawnIsolated.length > 0;
  communitySprings();
}

/* After the layout: entities with no fact in a grid under it, everything free again, fit. */
function afterLayout(fresh, opts) {
  framePositions = network.getPositions();
  var linkedPos = {};
  drawnLinked.forEach(function (i) { linkedPos[i] = framePositions[i]; });
  var grid = gridBelow(drawnIsolated, linkedPos);
  nodeData.update(drawnIsolated.map(function (i) { return { id: i, x: grid[i].x, y: grid[i].y }; }));
  if (!fresh) { nodeData.update(drawnLinked.map(function (i) { return { id: i, fixed: false }; })); }
  framePositions = network.getPositions();
  layoutVersion++;
  if (fresh || opts.fit) { fitView(); }
  if (opts.done) { opts.done(); }
  network.redraw();
}

/* Bring the drawing in line with the state: what to draw, where new entities start, settle. */
function updateDrawing(opts) {
  opts = opts || {};
  visible = computeVisible();
  updateStats();
  if (settling) {  // draw it when the current layout has settled
    queuedUpdate = Object.assign(queuedUpdate || {}, opts);
    return;
  }
  var want = chooseDrawn(visible), known = {};
  want.linked.forEach(function (i) { if (drawnSet[i] && framePositions[i]) { known[i] = framePositions[i]; } });
  var added = want.linked.filter(function (i) { return !drawnSet[i]; });
  var fresh = !!opts.fresh || !Object.keys(known).length || added.length > Math.max(12, want.linked.length / 2);
  applyDrawn(want, fresh ? seedByCommunity(want.linked) : seedNear(added, Object.assign({}, known), visible), fresh);
  updateStats();
  var moving = fresh ? drawnLinked.length : added.length;
  if (moving > 0) { settle(iterationsFor(moving), function () { afterLayout(fresh, opts); }); }
  else { afterLayout(fresh, opts); }
}

/* Small drawings get longer springs, so that names have room between the entities. */
function springLength(n) { return Math.round(70 + 60 * Math.max(0, 1 - n / 80)); }

/* Fit the drawing to the window, leaving a margin for the names at its edges. */
function fitView() {
  network.fit({ animation: false, maxZoomLevel: 1.5 });
  network.moveTo({ scale: network.getScale() * 0.92 });
}

/* Show a node's visible neighbours in the drawing (the way from the core to the rest). */
function expand(id) {
  if (state.exp.indexOf(id) < 0) { state.exp.push(id); }
  updateDrawing({});
  writeFragment();
}

/* Select an entity: draw it if it is not drawn, centre on it, open its details. */
function focusNode(id, opts) {
  opts = opts || {};
  var n = NODES[id], shown = state.cls[n.c];
  if (!shown) { state.cls[n.c] = true; syncControls(); }  // its class was hidden: show it again
  state.sel = id;
  if (state.tab !== "graph") { showTab("graph"); }
  if (!shown || !drawnSet[id]) { updateDrawing({}); }
  if (!shown) { renderLists(); }
  whenSettled(function () {
    network.selectNodes([id]);
    if (opts.zoom !== false) {
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    }
    showNode(id);
    network.redraw();
  });
  writeFragment();
}

function focusEdge(k) {
  var e = EDGES[k];
  state.sel = e.from;
  if (state.tab !== "graph") { showTab("graph"); }
  if (!drawnSet[e.from] || !drawnSet[e.to] || !drawnEdgeSet[k]) {
    if (state.exp.indexOf(e.from) < 0) { state.exp.push(e.from); }
    updateDrawing({});
  }
  whenSettled(function () {
    if (drawnEdgeSet[k]) { network.setSelection({ nodes: [], edges: [k] }); }
    var a = framePositions[e.from], b = framePositions[e.to];
    if (a && b) { network.moveTo({ position: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, scale: Math.max(network.getScale(), 1.0) }); }
    showEdge(k);
  });
  writeFragment();
}

var frameStart = 0;
network.on("beforeDrawing", function (ctx) {
  frameStart = performance.now();
  if (settling) { return; }  // frames between layout steps: names and shading come when it settles
  framePositions = network.getPositions();
  drawHulls(ctx, framePositions);
  TIMINGS.hulls = Math.round(performance.now() - frameStart);
});
network.on("afterDrawing", function (ctx) {
  if (settling) { return; }
  var t = performance.now();
  placeLabels(ctx, framePositions);
  drawLabels(ctx);
  TIMINGS.labels = Math.round(performance.now() - t);
  TIMINGS.frame = Math.round(performance.now() - frameStart);
});
network.on("hoverNode", function (p) { hovered = p.node; network.redraw(); });
network.on("blurNode", function () { hovered = -1; network.redraw(); });
network.on("click", function (params) {
  var onLabel = labelAt(params.pointer.DOM.x, params.pointer.DOM.y);
  if (params.nodes.length) { focusNode(params.nodes[0], { zoom: false }); }
  else if (onLabel >= 0) { network.selectNodes([onLabel]); focusNode(onLabel, { zoom: false }); }
  else if (params.edges.length) { state.sel = -1; showEdge(params.edges[0]); writeFragment(); }
  else { closePanel(); }
});
network.on("dragging", function (p) { if (p.nodes.length) { layoutVersion++; } });
network.on("doubleClick", function (params) { if (params.nodes.length) { expand(params.nodes[0]); } });

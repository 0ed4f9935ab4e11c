/* newskg page: which entities to draw.  The drawing holds a budgeted, connected core of what the
   filters let through, plus what the user asked for (a selected entity, expanded neighbours). */

/* Visible-degree order: more visible facts, then more documents, mentions, then payload order. */
function coreBetter(vis) {
  return function (a, b) {
    return vis.okDeg[a] !== vis.okDeg[b] ? vis.okDeg[a] > vis.okDeg[b] :
      (importance(a) !== importance(b) ? importance(a) > importance(b) : a < b);
  };
}

/* Connected components of the visible facts: [{ids, best}] largest first. */
function visibleComponents(vis, better) {
  var parent = new Int32Array(NODES.length), i;
  for (i = 0; i < parent.length; i++) { parent[i] = i; }
  function find(x) { while (parent[x] !== x) { parent[x] = parent[parent[x]]; x = parent[x]; } return x; }
  EDGES.forEach(function (e, k) {
    if (!vis.edgeOk[k]) { return; }
    var a = find(e.from), b = find(e.to);
    if (a !== b) { parent[a] = b; }
  });
  var byRoot = {}, comps = [];
  for (i = 0; i < NODES.length; i++) {
    if (!vis.nodeOk[i] || vis.okDeg[i] === 0) { continue; }
    var r = find(i);
    if (!byRoot.hasOwnProperty(r)) { byRoot[r] = { ids: [], best: i }; comps.push(byRoot[r]); }
    var c = byRoot[r];
    c.ids.push(i);
    if (better(i, c.best)) { c.best = i; }
  }
  comps.sort(function (a, b) {
    return b.ids.length - a.ids.length || (better(a.best, b.best) ? -1 : 1);
  });
  return comps;
}

/* The `take` best entities of one component, grown outward from its best entity so that what is
   drawn stays connected (always the best entity next to what is already taken). */
function growFrom(comp, take, vis, better) {
  if (take >= comp.ids.length) { return comp.ids.slice(); }
  var heap = new Heap(better), taken = [], seen = {};
  heap.push(comp.best); seen[comp.best] = true;
  while (heap.size() && taken.length < take) {
    var id = heap.pop();
    taken.push(id);
    incident[id].forEach(function (k) {
      if (!vis.edgeOk[k]) { return; }
      var e = EDGES[k], other = e.from === id ? e.to : e.from;
      if (!seen[other]) { seen[other] = true; heap.push(other); }
    });
  }
  return taken;
}

/* Up to `budget` entities with visible facts: the largest component first (grown from its best
   entity, leaving a quarter of the budget to the next components when there are any), then the
   next components, whole when they fit. */
function chooseCore(vis, budget) {
  var better = coreBetter(vis), comps = visibleComponents(vis, better), out = [];
  if (!comps.length) { return out; }
  var rest = 0;
  for (var i = 1; i < comps.length; i++) { rest += comps[i].ids.length; }
  var reserve = Math.min(Math.floor(budget / 4), rest);
  var first = growFrom(comps[0], budget - reserve, vis, better);
  Array.prototype.push.apply(out, first);
  for (var j = 1; j < comps.length && out.length < budget - 1; j++) {
    Array.prototype.push.apply(out, growFrom(comps[j], budget - out.length, vis, better));
  }
  if (out.length < budget && first.length < comps[0].ids.length) {  // budget left: more of the largest
    var more = growFrom(comps[0], first.length + budget - out.length, vis, better);
    Array.prototype.push.apply(out, more.slice(first.length));
  }
  return out;
}

/* Entities with no fact to draw (when asked for): the most mentioned, up to the budget. */
function chooseIsolated(vis, budget) {
  var ids = [];
  for (var i = 0; i < NODES.length; i++) { if (vis.nodeOk[i] && vis.okDeg[i] === 0) { ids.push(i); } }
  ids.sort(function (a, b) { return importance(b) - importance(a) || a - b; });
  return ids.slice(0, budget);
}

/* The visible neighbours of an entity. */
function visibleNeighbours(id, vis) {
  var out = [];
  incident[id].forEach(function (k) {
    if (!vis.edgeOk[k]) { return; }
    var e = EDGES[k];
    out.push(e.from === id ? e.to : e.from);
  });
  return out;
}

/* Everything to draw: {linked: ids laid out by force, isolated: ids put in a grid}. */
function chooseDrawn(vis) {
  var set = {}, linked = [], isolated = [];
  function add(id) {
    if (set[id]) { return; }
    set[id] = true;
    (incident[id].length ? linked : isolated).push(id);
  }
  chooseCore(vis, state.budget).forEach(add);
  if (state.iso) { chooseIsolated(vis, state.budget).forEach(add); }
  state.exp.forEach(function (id) { add(id); visibleNeighbours(id, vis).forEach(add); });
  if (state.sel >= 0) { add(state.sel); }
  return { linked: linked, isolated: isolated, set: set };
}

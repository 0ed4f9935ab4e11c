/* newskg page: the view state (filters, budget, selection, tab), what it lets through, and the URL
   fragment that keeps it (a view shared as a link to the file reopens the same way). */
var BUDGETS = [50, 100, 200, 500, 1000, 2000];
var MAX_DRAWN = 2000;

function defaultState() {
  return {
    cls: CLASSES.map(function () { return true; }),
    prop: PROPS.map(function () { return true; }),
    hedged: true, conf: 0, doc: -1, src: -1, from: "", to: "",
    iso: false, budget: Math.min(DATA.options.budget || 200, MAX_DRAWN),
    sel: -1, exp: [], tab: "graph",
    lists: { entities: { q: "", sort: "facts", dir: -1 }, facts: { q: "", sort: "sources", dir: -1 } }
  };
}
var state = defaultState();

function dateFilterOn() { return !!(state.from || state.to); }
function spanInRange(lo, hi) {
  if (!dateFilterOn()) { return true; }
  if (!lo) { return false; }  // undated evidence cannot be placed in a range
  return (!state.from || hi >= state.from) && (!state.to || lo <= state.to);
}

/* A fact is visible when one of its readings passes the document, outlet and date filters. */
function evidencePasses(e) {
  if (state.doc < 0 && state.src < 0 && !dateFilterOn()) { return true; }
  return e.ev.some(function (ev) {
    if (state.doc >= 0 && ev[0] !== state.doc) { return false; }
    if (state.src >= 0 && DOCS[ev[0]].source !== state.src) { return false; }
    var span = evidenceSpan(ev);
    return spanInRange(span && span[0], span && span[1]);
  });
}

function entityPasses(n) {
  if (!state.cls[n.c]) { return false; }
  if (state.doc >= 0 && n.docs.indexOf(state.doc) < 0) { return false; }
  if (state.src >= 0 && !n.docs.some(function (d) { return DOCS[d].source === state.src; })) { return false; }
  return true;
}

/* What the filters let through.  An entity is shown when its class passes, it is mentioned in
   the chosen document/outlet, and it has a visible fact (or has no fact at all and those are
   shown).  A fact is shown when its property, modality, confidence and readings pass and both
   of its entities pass. */
function computeVisible() {
  var nN = NODES.length, nE = EDGES.length;
  var base = new Uint8Array(nN), edgeOk = new Uint8Array(nE), okDeg = new Int32Array(nN), nodeOk = new Uint8Array(nN);
  var i;
  for (i = 0; i < nN; i++) { base[i] = entityPasses(NODES[i]) ? 1 : 0; }
  var facts = 0;
  for (i = 0; i < nE; i++) {
    var e = EDGES[i];
    if (!state.prop[e.p] || (!state.hedged && e.st !== 0) || e.score < state.conf - 1e-9) { continue; }
    if (!base[e.from] || !base[e.to] || !evidencePasses(e)) { continue; }
    edgeOk[i] = 1; facts++;
    okDeg[e.from]++; okDeg[e.to]++;
  }
  var linked = 0, isolated = 0, isolatedShown = 0;
  for (i = 0; i < nN; i++) {
    if (!base[i]) { continue; }
    if (okDeg[i] > 0) { nodeOk[i] = 1; linked++; continue; }
    if (incident[i].length > 0) { continue; }  // it has facts, none of them visible
    isolated++;
    if (state.iso && (!dateFilterOn() || NODES[i].docs.some(function (d) {
      var s = DOCS[d].span; return s && spanInRange(s[0], s[1]);
    }))) { nodeOk[i] = 1; isolatedShown++; }
  }
  return { edgeOk: edgeOk, okDeg: okDeg, nodeOk: nodeOk, facts: facts, linked: linked,
           isolated: isolated, isolatedShown: isolatedShown };
}

/* ---- the URL fragment ------------------------------------------------------------------- */
function stateToFragment() {
  var p = new URLSearchParams();
  CLASSES.forEach(function (c, i) { if (!state.cls[i]) { p.append("hide-class", c.name); } });
  PROPS.forEach(function (q, i) { if (!state.prop[i]) { p.append("hide-property", q.name); } });
  if (!state.hedged) { p.set("hedged", "0"); }
  if (state.conf > 0) { p.set("confidence", state.conf.toFixed(2)); }
  if (state.doc >= 0) { p.set("document", DOCS[state.doc].id); }
  if (state.src >= 0) { p.set("outlet", SOURCES[state.src]); }
  if (state.from) { p.set("from", state.from); }
  if (state.to) { p.set("to", state.to); }
  if (state.iso) { p.set("no-fact", "1"); }
  if (state.budget !== defaultState().budget) { p.set("draw", String(state.budget)); }
  if (state.sel >= 0) { p.set("entity", NODES[state.sel].key); }
  state.exp.forEach(function (id) { p.append("expand", NODES[id].key); });
  if (state.tab !== "graph") { p.set("view", state.tab); }
  ["entities", "facts"].forEach(function (name) {
    var l = state.lists[name], d = defaultState().lists[name];
    if (l.q) { p.set(name + "-find", l.q); }
    if (l.sort !== d.sort || l.dir !== d.dir) { p.set(name + "-sort", l.sort + (l.dir < 0 ? "-desc" : "-asc")); }
  });
  return p.toString();
}

function indexOfName(list, name) {
  for (var i = 0; i < list.length; i++) { if ((list[i].name || list[i]) === name) { return i; } }
  return -1;
}

function stateFromFragment(fragment) {
  var p = new URLSearchParams(String(fragment || "").replace(/^#/, "")), s = defaultState();
  p.getAll("hide-class").forEach(function (n) { var i = indexOfName(CLASSES, n); if (i >= 0) { s.cls[i] = false; } });
  p.getAll("hide-property").forEach(function (n) { var i = indexOfName(PROPS, n); if (i >= 0) { s.prop[i] = false; } });
  s.hedged = p.get("hedged") !== "0";
  var conf = parseFloat(p.get("confidence"));
  if (conf > 0 && conf <= 1) { s.conf = conf; }
  if (p.has("document")) {
    var doc = p.get("document");
    for (var d = 0; d < DOCS.length; d++) { if (DOCS[d].id === doc) { s.doc = d; break; } }
  }
  if (p.has("outlet")) { s.src = SOURCES.indexOf(p.get("outlet")); }
  var day = /^\d{4}-\d{2}-\d{2}$/;
  if (day.test(p.get("from") || "")) { s.from = p.get("from"); }
  if (day.test(p.get("to") || "")) { s.to = p.get("to"); }
  s.iso = p.get("no-fact") === "1";
  var budget = parseInt(p.get("draw"), 10);
  if (budget > 0) { s.budget = Math.min(budget, MAX_DRAWN); }
  if (p.has("entity") && keyIndex.hasOwnProperty(p.get("entity"))) { s.sel = keyIndex[p.get("entity")]; }
  s.exp = p.getAll("expand").filter(function (k) { return keyIndex.hasOwnProperty(k); })
    .map(function (k) { return keyIndex[k]; });
  if (["entities", "facts"].indexOf(p.get("view")) >= 0) { s.tab = p.get("view"); }
  ["entities", "facts"].forEach(function (name) {
    if (p.has(name + "-find")) { s.lists[name].q = p.get(name + "-find"); }
    var m = /^([a-z]+)-(asc|desc)$/.exec(p.get(name + "-sort") || "");
    if (m) { s.lists[name].sort = m[1]; s.lists[name].dir = m[2] === "desc" ? -1 : 1; }
  });
  return s;
}

var ownHash = null;
function writeFragment() {
  var text = stateToFragment();
  var url = location.href.split("#")[0] + (text ? "#" + text : "");
  if (url === location.href) { return; }
  try {
    history.replaceState(null, "", url);
  } catch (err) {  // e.g. a page shown in an iframe srcdoc: keep working without a link
    try { ownHash = text; location.hash = text; } catch (err2) { ownHash = null; }
  }
}

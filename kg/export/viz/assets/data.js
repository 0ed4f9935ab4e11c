/* newskg page: the payload (schema newskg-page/2, see kg/export/viz/payload.py) and its indexes. */
var TIMINGS = { start: Math.round(performance.now()) };  // ms since navigation start, for benchmarks
var DATA = JSON.parse(byId("newskg-data").textContent);
TIMINGS.parsed = Math.round(performance.now());
var CLASSES = DATA.classes, PROPS = DATA.props, DOCS = DATA.docs, SOURCES = DATA.sources;
var NODES = DATA.nodes, EDGES = DATA.edges, SENTS = DATA.sentences, RULES = DATA.rules;
var STATUS = ["asserted", "hedged", "negated"];

var keyIndex = {};
NODES.forEach(function (n) {
  n.aliases = n.aliases || [];
  n.jobs = n.jobs || [];
  keyIndex[n.key] = n.id;
});

/* incident[node] = ids of the edges (facts) it takes part in */
var incident = NODES.map(function () { return []; });
EDGES.forEach(function (e) {
  incident[e.from].push(e.id);
  if (e.to !== e.from) { incident[e.to].push(e.id); }
});

/* e.bend: the how-manyth fact between the same two entities (drawn as a curve when > 0) */
var pairSeen = {};
EDGES.forEach(function (e) {
  var pair = Math.min(e.from, e.to) + "," + Math.max(e.from, e.to);
  e.bend = pairSeen[pair] = (pairSeen.hasOwnProperty(pair) ? pairSeen[pair] + 1 : 0);
});

/* The day span of a piece of evidence: its own event time, else its document's report date. */
function evidenceSpan(ev) { return ev[5] || DOCS[ev[0]].span || null; }

/* Derived per fact: score (what the confidence filter compares), documents, outlets, day span. */
EDGES.forEach(function (e) {
  var docs = {}, outlets = {}, lo = null, hi = null, top = 0, events = false;
  e.ev.forEach(function (ev) {
    docs[ev[0]] = true;
    if (DOCS[ev[0]].source >= 0) { outlets[DOCS[ev[0]].source] = true; }
    if (ev[3] > top) { top = ev[3]; }
    if (ev[5]) { events = true; }
    var span = evidenceSpan(ev);
    if (span) {
      if (lo === null || span[0] < lo) { lo = span[0]; }
      if (hi === null || span[1] > hi) { hi = span[1]; }
    }
  });
  e.score = e.st === 0 ? e.conf : top;  // asserted: noisy-OR of asserted readings; else the best reading
  e.ndocs = Object.keys(docs).length;
  e.nsources = Object.keys(outlets).length;
  e.lo = lo; e.hi = hi; e.events = events;
});

/* Entities with no fact at all: hidden from the drawing unless asked for. */
var ISOLATED_COUNT = incident.filter(function (list) { return list.length === 0; }).length;

/* Date bounds of the whole payload (for the date inputs). */
var DATE_MIN = null, DATE_MAX = null;
EDGES.forEach(function (e) {
  if (e.lo && (DATE_MIN === null || e.lo < DATE_MIN)) { DATE_MIN = e.lo; }
  if (e.hi && (DATE_MAX === null || e.hi > DATE_MAX)) { DATE_MAX = e.hi; }
});
DOCS.forEach(function (d) {
  if (d.span && (DATE_MIN === null || d.span[0] < DATE_MIN)) { DATE_MIN = d.span[0]; }
  if (d.span && (DATE_MAX === null || d.span[1] > DATE_MAX)) { DATE_MAX = d.span[1]; }
});

function docLabel(d) { return (d.title || d.id) + (d.title ? " \u00b7 " + d.id : ""); }

/* search index over names and aliases */
var searchIndex = [];
NODES.forEach(function (n) {
  searchIndex.push({ text: n.name.toLowerCase(), id: n.id, alias: null });
  n.aliases.forEach(function (a) { searchIndex.push({ text: a.toLowerCase(), id: n.id, alias: a }); });
});

/* importance of an entity in the whole payload: facts, then documents, then mentions */
function importance(id) {
  var n = NODES[id];
  return incident[id].length * 1e6 + Math.min(n.docs.length, 999) * 1e3 + Math.min(n.mentions, 999);
}

function search(query, limit) {
  var q = String(query || "").trim().toLowerCase();
  if (!q) { return []; }
  var ranked = [];
  searchIndex.forEach(function (entry) {
    var pos = entry.text.indexOf(q);
    if (pos < 0) { return; }
    ranked.push({ rank: entry.text === q ? 0 : (pos === 0 ? 1 : 2), entry: entry });
  });
  ranked.sort(function (a, b) {
    return a.rank - b.rank || importance(b.entry.id) - importance(a.entry.id) ||
      cmpText(NODES[a.entry.id].name, NODES[b.entry.id].name);
  });
  var out = [], seen = {};
  for (var i = 0; i < ranked.length && out.length < (limit || 30); i++) {
    var entry = ranked[i].entry;
    if (seen[entry.id]) { continue; }
    seen[entry.id] = true;
    out.push({ id: entry.id, name: NODES[entry.id].name, alias: entry.alias });
  }
  return out;
}

TIMINGS.indexed = Math.round(performance.now());

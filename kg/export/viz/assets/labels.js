/* newskg page: what is drawn over and under the network.  Names are placed by importance at a
   fixed screen size (readable without zooming) and only where they overlap no other name, so the
   most important entities are always named and names never collide; zooming in makes room for
   more.  Communities are shaded underneath. */
var FONT_FACE = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
var NODE_FONT = "12.5px " + FONT_FACE, NODE_FONT_BOLD = "600 12.5px " + FONT_FACE;
var EDGE_FONT = "italic 10.5px " + FONT_FACE;
var NODE_LABEL_H = 16, EDGE_LABEL_H = 13, LABEL_MAX_CHARS = 34, ALWAYS_NAMED = 12;
var HULL_COLOURS = ["78,121,167", "242,142,43", "89,161,79", "225,87,89", "118,183,178",
                    "237,201,72", "176,122,161", "255,157,167", "156,117,95", "186,176,172"];

var placedLabels = [];      // the names on screen: {id, kind, text, x, y, w, h} in canvas-element pixels
var labelOrder = [];        // drawn entities, most important first (set by draw.js)
var hovered = -1;
var widths = {};

function textWidth(ctx, font, text) {
  var key = font + "\u0000" + text;
  if (!widths.hasOwnProperty(key)) { ctx.font = font; widths[key] = ctx.measureText(text).width; }
  return widths[key];
}

/* A uniform grid of rectangles for overlap tests. */
function RectGrid(cell) { this.cell = cell; this.map = new Map(); }
RectGrid.prototype.each = function (r, fn) {
  var c = this.cell, x1 = Math.floor((r.x + r.w) / c), y1 = Math.floor((r.y + r.h) / c);
  for (var gx = Math.floor(r.x / c); gx <= x1; gx++) {
    for (var gy = Math.floor(r.y / c); gy <= y1; gy++) { if (fn(gx * 65536 + gy) === false) { return; } }
  }
};
RectGrid.prototype.add = function (r) {
  var map = this.map;
  this.each(r, function (k) { var list = map.get(k); if (list) { list.push(r); } else { map.set(k, [r]); } });
};
/* How many rectangles overlap r (one touching several cells may count more than once), leaving
   out those owned by `skip`; stops at `limit`. */
RectGrid.prototype.count = function (r, skip, limit) {
  var n = 0, map = this.map, stop = limit || Infinity;
  this.each(r, function (k) {
    var list = map.get(k);
    if (!list) { return true; }
    for (var i = 0; i < list.length; i++) {
      var o = list[i];
      if (skip !== undefined && o.owner === skip) { continue; }
      if (o.x < r.x + r.w && r.x < o.x + o.w && o.y < r.y + r.h && r.y < o.y + o.h && ++n >= stop) { return false; }
    }
    return true;
  });
  return n;
};

/* A box grown by a small gap, so that two names never touch. */
function margin(box) { return { x: box.x - 4, y: box.y - 1, w: box.w + 8, h: box.h + 2 }; }

function viewTransform() {
  var origin = network.canvasToDOM({ x: 0, y: 0 });
  return { s: network.getScale(), tx: origin.x, ty: origin.y, w: container.clientWidth, h: container.clientHeight };
}

/* Candidate boxes around a node of screen radius r at (x, y): below, right, above, left, corners. */
function candidates(x, y, r, w, h) {
  var g = 3;
  return [
    { x: x - w / 2, y: y + r + g }, { x: x + r + g, y: y - h / 2 }, { x: x - w / 2, y: y - r - g - h },
    { x: x - r - g - w, y: y - h / 2 }, { x: x + r * 0.7, y: y + r * 0.7 }, { x: x - r * 0.7 - w, y: y + r * 0.7 },
    { x: x + r * 0.7, y: y - r * 0.7 - h }, { x: x - r * 0.7 - w, y: y - r * 0.7 - h }
  ];
}

function labelPriority() {
  var first = [], seen = {};
  function push(id) { if (id >= 0 && drawnSet[id] && !seen[id]) { seen[id] = true; first.push(id); } }
  push(hovered);
  push(state.sel);
  if (state.sel >= 0 && drawnSet[state.sel]) {
    incident[state.sel].forEach(function (k) { if (drawnEdgeSet[k]) { var e = EDGES[k]; push(e.from); push(e.to); } });
  }
  NODES.forEach(function (n) { if (n.focus) { push(n.id); } });
  var forced = first.length;
  labelOrder.forEach(push);
  return { ids: first, forced: forced };
}

var MAX_TRIED = 600;           // names tried per frame (the most important on screen first)
var layoutVersion = 0;         // bumped whenever positions change outside a pan or zoom
var lastPlacement = "";

/* Decide which names fit on screen now (the result is kept in placedLabels); nothing to do when
   neither the view nor the drawing changed since the last frame (a hover, a selection). */
function placeLabels(ctx, positions) {
  var t = viewTransform();
  var signature = [t.s, t.tx, t.ty, t.w, t.h, hovered, state.sel, layoutVersion, drawnEdges.length].join(",");
  if (signature === lastPlacement) { return; }
  lastPlacement = signature;
  var placed = [], labels = new RectGrid(64), shapes = new RectGrid(64), tried = 0;
  var order = labelPriority(), screen = {};
  order.ids.forEach(function (id) {
    var p = positions[id];
    if (!p) { return; }
    var x = p.x * t.s + t.tx, y = p.y * t.s + t.ty, r = Math.max(3, nodeSize(id) * t.s);
    screen[id] = { x: x, y: y, r: r };
    if (x > -50 && y > -50 && x < t.w + 50 && y < t.h + 50) {
      shapes.add({ x: x - r, y: y - r, w: 2 * r, h: 2 * r, owner: id });
    }
  });
  order.ids.forEach(function (id, rank) {
    var s = screen[id];
    if (!s || s.x < 0 || s.y < 0 || s.x > t.w || s.y > t.h || ++tried > MAX_TRIED) { return; }
    var bold = id === state.sel || id === hovered, font = bold ? NODE_FONT_BOLD : NODE_FONT;
    var text = shorten(NODES[id].name, LABEL_MAX_CHARS), w = textWidth(ctx, font, text) + 4, h = NODE_LABEL_H;
    var best = null, bestHits = Infinity;
    candidates(s.x, s.y, s.r, w, h).some(function (c) {
      var box = { x: c.x, y: c.y, w: w, h: h };
      if (box.x < 0 || box.y < 0 || box.x + w > t.w || box.y + h > t.h || labels.count(margin(box), undefined, 1) > 0) { return false; }
      var hits = shapes.count(box, id, bestHits);
      if (hits < bestHits) { best = box; bestHits = hits; }
      return hits === 0;
    });
    if (!best || (bestHits > 0 && rank >= Math.max(order.forced, ALWAYS_NAMED))) { return; }
    var label = { id: id, kind: "node", text: text, font: font, x: best.x, y: best.y, w: w, h: h };
    labels.add(label);
    placed.push(label);
  });
  placeEdgeLabels(ctx, t, screen, labels, shapes, placed);
  placedLabels = placed;
}

/* Property names on edges, where the edge is long enough on screen and the name collides with
   nothing: edges of the selected entity first. */
function placeEdgeLabels(ctx, t, screen, labels, shapes, placed) {
  var ids = [];  // drawnEdges is kept in score order: the selected entity's edges go first
  if (state.sel >= 0 && drawnSet[state.sel]) { incident[state.sel].forEach(function (k) { if (drawnEdgeSet[k]) { ids.push(k); } }); }
  for (var i = 0; i < drawnEdges.length && ids.length < 400; i++) {
    var k = drawnEdges[i], e = EDGES[k];
    if (screen[e.from] && screen[e.to] && e.from !== state.sel && e.to !== state.sel) { ids.push(k); }
  }
  ids.forEach(function (k) {
    var e = EDGES[k], a = screen[e.from], b = screen[e.to];
    if (!a || !b) { return; }
    var text = PROPS[e.p].name, w = textWidth(ctx, EDGE_FONT, text) + 4, h = EDGE_LABEL_H;
    var dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy);
    if (len < w + a.r + b.r + 16) { return; }
    var mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
    if (e.bend) {  // a curved parallel edge: its middle is off the chord
      var side = (e.bend % 2 ? 1 : -1) * 0.09 * Math.ceil(e.bend / 2) * 2;
      mx += -dy * side; my += dx * side;
    }
    var box = { x: mx - w / 2, y: my - h / 2, w: w, h: h };
    if (box.x < 0 || box.y < 0 || box.x + w > t.w || box.y + h > t.h) { return; }
    if (labels.count(margin(box), undefined, 1) > 0 || shapes.count(box, undefined, 1) > 0) { return; }
    var label = { id: k, kind: "edge", text: text, font: EDGE_FONT, x: box.x, y: box.y, w: w, h: h };
    labels.add(label);
    placed.push(label);
  });
}

function drawLabels(ctx) {
  var canvas = ctx.canvas, ratio = canvas.clientWidth ? canvas.width / canvas.clientWidth : 1;
  ctx.save();
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.textBaseline = "middle";
  ctx.lineJoin = "round";
  placedLabels.forEach(function (l) {
    ctx.font = l.font;
    ctx.lineWidth = l.kind === "node" ? 3.5 : 3;
    ctx.strokeStyle = "rgba(255,255,255,0.95)";
    ctx.strokeText(l.text, l.x + 2, l.y + l.h / 2);
    ctx.fillStyle = l.kind === "node" ? "#1b1b1b" : "#5a5a5a";
    ctx.fillText(l.text, l.x + 2, l.y + l.h / 2);
  });
  ctx.restore();
}

/* The node whose name is under a point of the canvas element, or -1. */
function labelAt(x, y) {
  for (var i = placedLabels.length - 1; i >= 0; i--) {
    var l = placedLabels[i];
    if (l.kind === "node" && x >= l.x && x <= l.x + l.w && y >= l.y && y <= l.y + l.h) { return l.id; }
  }
  return -1;
}

/* ---- communities (drawn in network coordinates, under everything) -----------------------
   Each community is one filled shape: a disc around every member and a band along every fact
   between two members, painted as one path (all subpaths turn the same way, so the non-zero
   rule fills their union once).  Unlike a convex hull, the shape hugs its members and does not
   cover the entities of other communities lying between them. */
function addDisc(ctx, x, y, r) {
  ctx.moveTo(x + r, y);
  ctx.arc(x, y, r, 0, 2 * Math.PI, false);
}

function addBand(ctx, a, b, half) {
  var dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy);
  if (len < 1) { return; }
  var nx = -dy / len * half, ny = dx / len * half;
  // the same turning direction as the discs (clockwise on screen)
  ctx.moveTo(a.x - nx, a.y - ny);
  ctx.lineTo(b.x - nx, b.y - ny);
  ctx.lineTo(b.x + nx, b.y + ny);
  ctx.lineTo(a.x + nx, a.y + ny);
  ctx.closePath();
}

function drawHulls(ctx, positions) {
  var groups = {};
  drawnLinked.forEach(function (id) {
    var c = NODES[id].comm;
    if (c >= 0 && positions[id]) { (groups[c] = groups[c] || []).push(id); }
  });
  var bands = {};
  drawnEdges.forEach(function (k) {
    var e = EDGES[k], c = NODES[e.from].comm;
    if (c >= 0 && c === NODES[e.to].comm && positions[e.from] && positions[e.to]) { (bands[c] = bands[c] || []).push(e); }
  });
  var scale = network.getScale(), pad = Math.max(16, 11 / scale), half = Math.max(12, 8 / scale);
  Object.keys(groups).forEach(function (c) {
    var ids = groups[c];
    if (ids.length < 3) { return; }
    ctx.beginPath();
    ids.forEach(function (id) { var p = positions[id]; addDisc(ctx, p.x, p.y, nodeSize(id) + pad); });
    (bands[c] || []).forEach(function (e) { addBand(ctx, positions[e.from], positions[e.to], half); });
    ctx.fillStyle = "rgba(" + HULL_COLOURS[Number(c) % HULL_COLOURS.length] + ",0.15)";
    ctx.fill("nonzero");
  });
}

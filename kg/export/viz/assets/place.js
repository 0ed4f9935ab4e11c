/* newskg page: where newly drawn entities start before the force layout settles them.
   Communities start together (largest in the middle, members around their best entity), an
   entity added later starts next to a drawn neighbour, so the picture keeps its shape. */
var GOLDEN = Math.PI * (3 - Math.sqrt(5));
var SPREAD = 34;  // distance unit between seeded entities

function nodeSize(id) {
  return Math.round(Math.min(34, 7 + 3.4 * Math.sqrt(incident[id].length + NODES[id].mentions / 6)) * 10) / 10;
}

/* Seed positions for every id (none drawn yet): communities on a sunflower spiral. */
function seedByCommunity(ids) {
  var groups = {}, order = [];
  ids.forEach(function (id) {
    var c = NODES[id].comm;
    if (!groups.hasOwnProperty(c)) { groups[c] = []; order.push(c); }
    groups[c].push(id);
  });
  order.sort(function (a, b) { return groups[b].length - groups[a].length || a - b; });
  var pos = {}, area = 0;
  order.forEach(function (c, k) {
    var members = groups[c].sort(function (a, b) { return importance(b) - importance(a) || a - b; });
    area += members.length;
    var radius = k === 0 ? 0 : SPREAD * 1.6 * Math.sqrt(area), angle = k * GOLDEN;
    var cx = radius * Math.cos(angle), cy = radius * Math.sin(angle);
    members.forEach(function (id, j) {
      var r = SPREAD * Math.sqrt(j), a = j * GOLDEN;
      pos[id] = { x: Math.round(cx + r * Math.cos(a)), y: Math.round(cy + r * Math.sin(a)) };
    });
  });
  return pos;
}

/* Seed positions for ids added to a drawing whose entities are at `known` positions. */
function seedNear(ids, known, vis) {
  var pos = {}, around = {}, box = bounds(known);
  ids.forEach(function (id, k) {
    var anchor = null;
    visibleNeighbours(id, vis).some(function (n) {
      if (known[n]) { anchor = known[n]; return true; }
      return false;
    });
    if (anchor) {
      var key = anchor.x + "," + anchor.y, j = around[key] = (around[key] || 0) + 1;
      var r = SPREAD * (1.5 + 0.35 * Math.sqrt(j)), a = j * GOLDEN;
      pos[id] = { x: Math.round(anchor.x + r * Math.cos(a)), y: Math.round(anchor.y + r * Math.sin(a)) };
    } else {  // nothing drawn next to it: on a ring outside the drawing
      var ring = Math.max(box.w, box.h) / 2 + SPREAD * 3, b = k * GOLDEN;
      pos[id] = { x: Math.round(box.cx + ring * Math.cos(b)), y: Math.round(box.cy + ring * Math.sin(b)) };
    }
    known[id] = pos[id];
  });
  return pos;
}

/* Entities with no fact: a compact grid under the drawing, most mentioned first. */
function gridBelow(ids, known) {
  var box = bounds(known), cols = Math.max(6, Math.ceil(Math.sqrt(ids.length * 3))), pos = {};
  var step = SPREAD * 1.7, left = box.cx - (cols - 1) * step / 2, top = box.y1 + SPREAD * 4;
  ids.forEach(function (id, i) {
    pos[id] = { x: Math.round(left + (i % cols) * step), y: Math.round(top + Math.floor(i / cols) * step) };
  });
  return pos;
}

function bounds(pos) {
  var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, any = false;
  Object.keys(pos).forEach(function (k) {
    var p = pos[k];
    any = true;
    if (p.x < x0) { x0 = p.x; } if (p.x > x1) { x1 = p.x; }
    if (p.y < y0) { y0 = p.y; } if (p.y > y1) { y1 = p.y; }
  });
  if (!any) { return { x0: 0, y0: 0, x1: 0, y1: 0, w: 0, h: 0, cx: 0, cy: 0 }; }
  return { x0: x0, y0: y0, x1: x1, y1: y1, w: x1 - x0, h: y1 - y0, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 };
}

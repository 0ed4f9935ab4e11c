/* newskg page: the Entities and Facts lists.  They hold everything the filters let through (not
   only what is drawn), can be searched and sorted, and a row leads to the drawing. */
var PAGE_ROWS = 100;

function entityColumns() {
  return [
    { key: "name", label: "Name", text: true, value: function (id) { return NODES[id].name.toLowerCase(); },
      cell: function (id) { return button(NODES[id].name, function () { focusNode(id); }, { className: "link", "data-node": String(id) }); } },
    { key: "class", label: "Class", text: true, value: function (id) { return CLASSES[NODES[id].c].name; },
      cell: function (id) { var c = CLASSES[NODES[id].c]; return append(el("span", { className: "cls" }), shapeIcon(c.shape, c.color, 11), c.name); } },
    { key: "facts", label: "Facts", value: function (id) { return visible.okDeg[id]; } },
    { key: "documents", label: "Documents", value: function (id) { return NODES[id].docs.length; } },
    { key: "mentions", label: "Mentions", value: function (id) { return NODES[id].mentions; } }
  ];
}

function factColumns() {
  var cols = [
    { key: "subject", label: "Subject", text: true, value: function (k) { return NODES[EDGES[k].from].name.toLowerCase(); },
      cell: function (k) { return button(NODES[EDGES[k].from].name, function () { focusNode(EDGES[k].from); }, { className: "link" }); } },
    { key: "property", label: "Property", text: true, value: function (k) { return PROPS[EDGES[k].p].name; },
      cell: function (k) { return button(PROPS[EDGES[k].p].name, function () { focusEdge(k); }, { className: "link prop", "data-edge": String(k) }); } },
    { key: "object", label: "Object", text: true, value: function (k) { return NODES[EDGES[k].to].name.toLowerCase(); },
      cell: function (k) { return button(NODES[EDGES[k].to].name, function () { focusNode(EDGES[k].to); }, { className: "link" }); } },
    { key: "status", label: "Status", value: function (k) { return -EDGES[k].st; }, cell: function (k) { return statusBadge(EDGES[k].st); } },
    { key: "confidence", label: "Confidence", value: function (k) { return EDGES[k].score; },
      cell: function (k) { return EDGES[k].score.toFixed(2); } },
    { key: "sources", label: "Sources", value: function (k) { return EDGES[k].ndocs * 1000 + EDGES[k].nsources; },
      cell: function (k) { var e = EDGES[k]; return plural(e.ndocs, "doc") + (e.nsources > 1 ? ", " + plural(e.nsources, "outlet") : ""); } }
  ];
  if (DATA.dated) {
    cols.push({ key: "date", label: "Date", text: true, value: function (k) { return EDGES[k].lo || "9999"; },
                cell: function (k) { var e = EDGES[k]; return e.lo ? spanText([e.lo, e.hi]) : ""; } });
  }
  return cols;
}

function entityMatches(id, q) {
  var n = NODES[id];
  return n.name.toLowerCase().indexOf(q) >= 0 || n.aliases.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
}
function factMatches(k, q) {
  var e = EDGES[k];
  return NODES[e.from].name.toLowerCase().indexOf(q) >= 0 || NODES[e.to].name.toLowerCase().indexOf(q) >= 0 ||
    PROPS[e.p].name.toLowerCase().indexOf(q) >= 0;
}

/* One sortable, searchable, paged table. */
function ListView(name, root, columns, rows, matches, noun) {
  this.name = name; this.root = root; this.columns = columns; this.rows = rows; this.matches = matches;
  this.noun = noun; this.page = 0; this.dirty = true;
  var self = this;
  var bar = el("div", { className: "list-bar" });
  this.find = el("input", { type: "search", placeholder: "find in this list", "aria-label": "Find in the " + name + " list",
                            autocomplete: "off", spellcheck: "false" });
  this.find.addEventListener("input", function () { state.lists[name].q = self.find.value; self.page = 0; self.render(); writeFragment(); });
  this.count = el("span", { className: "muted count", "aria-live": "polite" });
  this.prev = button("\u2039 previous", function () { self.page--; self.render(); });
  this.next = button("next \u203a", function () { self.page++; self.render(); });
  append(bar, this.find, this.count, this.prev, this.next);
  this.table = el("table", { className: "list" });
  this.head = el("tr");
  columns.forEach(function (col) {
    var th = el("th", { scope: "col", "data-col": col.key });
    th.appendChild(button(col.label, function () { self.sortBy(col.key); }));
    self.head.appendChild(th);
  });
  append(this.table, append(el("thead"), this.head));
  this.body = el("tbody");
  this.table.appendChild(this.body);
  append(root, bar, this.table);
}

ListView.prototype.sortBy = function (key) {
  var l = state.lists[this.name];
  if (l.sort === key) { l.dir = -l.dir; } else { l.sort = key; l.dir = this.column(key).text ? 1 : -1; }
  this.page = 0;
  this.render();
  writeFragment();
};

ListView.prototype.column = function (key) {
  return this.columns.filter(function (c) { return c.key === key; })[0] || this.columns[0];
};

/* The rows the filters and the find box let through, sorted. */
ListView.prototype.current = function () {
  var l = state.lists[this.name], q = l.q.trim().toLowerCase(), self = this;
  var rows = this.rows().filter(function (r) { return !q || self.matches(r, q); });
  var col = this.column(l.sort), dir = l.dir, keys = {};
  rows.forEach(function (r) { keys[r] = col.value(r); });
  rows.sort(function (a, b) {
    var x = keys[a], y = keys[b];
    return (x < y ? -dir : (x > y ? dir : 0)) || a - b;
  });
  return rows;
};

ListView.prototype.render = function () {
  if (byId(this.root.id).hidden) { this.dirty = true; return; }
  this.dirty = false;
  var l = state.lists[this.name], rows = this.current(), self = this;
  if (this.find.value !== l.q) { this.find.value = l.q; }
  var pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
  this.page = Math.max(0, Math.min(this.page, pages - 1));
  var first = this.page * PAGE_ROWS, shown = rows.slice(first, first + PAGE_ROWS);
  this.count.textContent = rows.length ? fmt(first + 1) + "\u2013" + fmt(first + shown.length) + " of " + plural(rows.length, this.noun[0], this.noun[1])
                                       : "no " + this.noun[1] + " match";
  this.prev.disabled = this.page === 0;
  this.next.disabled = this.page >= pages - 1;
  Array.prototype.forEach.call(this.head.children, function (th) {
    var key = th.getAttribute("data-col");
    th.setAttribute("aria-sort", key === l.sort ? (l.dir < 0 ? "descending" : "ascending") : "none");
  });
  clear(this.body);
  var frag = document.createDocumentFragment();
  shown.forEach(function (r) {
    var tr = el("tr");
    self.columns.forEach(function (col) {
      var value = col.cell ? col.cell(r) : fmt(col.value(r));
      tr.appendChild(append(el("td", { className: col.text ? "" : "num" }), value));
    });
    frag.appendChild(tr);
  });
  this.body.appendChild(frag);
};

var entityList = new ListView("entities", byId("entities-view"), entityColumns(), function () {
  var out = [];
  for (var i = 0; i < NODES.length; i++) { if (visible.nodeOk[i]) { out.push(i); } }
  return out;
}, entityMatches, ["entity", "entities"]);
var factList = new ListView("facts", byId("facts-view"), factColumns(), function () {
  var out = [];
  for (var k = 0; k < EDGES.length; k++) { if (visible.edgeOk[k]) { out.push(k); } }
  return out;
}, factMatches, ["fact", "facts"]);

function renderLists() { entityList.render(); factList.render(); }

/* newskg graph page.  Every string from the data is inserted with textContent or as an
   attribute value set through the DOM: never as markup. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("newskg-data").textContent);
  var CLASSES = DATA.classes, PROPS = DATA.props, DOCS = DATA.docs;
  var NODES = DATA.nodes, EDGES = DATA.edges;
  var FIXED = DATA.layout === "fixed";
  var LARGE = NODES.length > 1500 || EDGES.length > 4000;
  var STATUS = ["asserted", "hedged", "negated"];
  var EDGE_COLOURS = ["#8a8a8a", "#d68a00", "#c0392b"];
  var MAX_FACTS_IN_PANEL = 150;
  var SVG_NS = "http://www.w3.org/2000/svg";

  var state = {
    cls: CLASSES.map(function () { return true; }),
    prop: PROPS.map(function () { return true; }),
    hedged: true
  };

  // ---- small DOM helpers -------------------------------------------------------------
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "className") { node.className = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
      });
    }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function append(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) { continue; }
      parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return parent;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function shapeIcon(shape, colour, px) {
    var s = px || 14, h = s / 2, svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("width", s); svg.setAttribute("height", s);
    svg.setAttribute("viewBox", "0 0 " + s + " " + s);
    svg.setAttribute("aria-hidden", "true");
    var item, pts = null;
    if (shape === "square") {
      item = document.createElementNS(SVG_NS, "rect");
      item.setAttribute("x", 1.5); item.setAttribute("y", 1.5);
      item.setAttribute("width", s - 3); item.setAttribute("height", s - 3);
    } else if (shape === "diamond") {
      pts = [[h, 1], [s - 1, h], [h, s - 1], [1, h]];
    } else if (shape === "triangle") {
      pts = [[h, 1], [s - 1, s - 2], [1, s - 2]];
    } else if (shape === "triangleDown") {
      pts = [[1, 2], [s - 1, 2], [h, s - 1]];
    } else if (shape === "hexagon") {
      pts = [];
      for (var i = 0; i < 6; i++) {
        var a = Math.PI / 3 * i;
        pts.push([h + (h - 1) * Math.cos(a), h + (h - 1) * Math.sin(a)]);
      }
    } else if (shape === "star") {
      pts = [];
      for (var j = 0; j < 10; j++) {
        var r = j % 2 === 0 ? h - 0.5 : (h - 0.5) * 0.45, b = -Math.PI / 2 + Math.PI / 5 * j;
        pts.push([h + r * Math.cos(b), h + r * Math.sin(b)]);
      }
    } else {
      item = document.createElementNS(SVG_NS, "circle");
      item.setAttribute("cx", h); item.setAttribute("cy", h); item.setAttribute("r", h - 1.5);
    }
    if (pts) {
      item = document.createElementNS(SVG_NS, "polygon");
      item.setAttribute("points", pts.map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join(" "));
    }
    item.setAttribute("fill", colour);
    item.setAttribute("stroke", "#444");
    item.setAttribute("stroke-width", "0.6");
    svg.appendChild(item);
    return svg;
  }

  // ---- indexes ------------------------------------------------------------------------
  var incident = NODES.map(function () { return []; });
  EDGES.forEach(function (e) { incident[e.from].push(e.id); if (e.to !== e.from) { incident[e.to].push(e.id); } });

  var searchIndex = [];
  NODES.forEach(function (n) {
    searchIndex.push({ text: n.name.toLowerCase(), id: n.id, label: n.name, alias: null });
    n.aliases.forEach(function (a) {
      searchIndex.push({ text: a.toLowerCase(), id: n.id, label: n.name, alias: a });
    });
  });

  // ---- vis data -----------------------------------------------------------------------
  function nodeTooltip(n) {
    var box = el("div");
    append(box, el("strong", null, n.name), el("br"), CLASSES[n.c].name);
    if (n.jobs.length) { append(box, el("br"), n.jobs.join(", ")); }
    return box;
  }
  function edgeTooltip(e) {
    return el("div", null, NODES[e.from].name + " " + PROPS[e.p].name + " " + NODES[e.to].name +
      " (" + STATUS[e.st] + ")");
  }

  var nodeItems = NODES.map(function (n) {
    var cs = CLASSES[n.c];
    var item = {
      id: n.id, label: n.name, shape: cs.shape, size: n.size,
      color: { background: cs.color, border: "#3a3a3a",
               highlight: { background: cs.color, border: "#000" }, hover: { background: cs.color, border: "#000" } },
      borderWidth: n.focus ? 3 : 1
    };
    if (FIXED) { item.x = n.x; item.y = n.y; }
    if (!LARGE) { item.title = nodeTooltip(n); }
    return item;
  });
  var edgeItems = EDGES.map(function (e) {
    var sym = PROPS[e.p].sym;
    var item = {
      id: e.id, from: e.from, to: e.to, label: PROPS[e.p].name,
      arrows: { to: { enabled: !sym, scaleFactor: 0.55 } },
      // long dashes are much cheaper to draw when thousands of edges are zoomed out
      dashes: e.st !== 0 ? (LARGE ? [40, 30] : [6, 5]) : false,
      color: { color: EDGE_COLOURS[e.st], highlight: "#1a4f9c", hover: "#1a4f9c", inherit: false },
      width: e.st === 0 ? 1 + Math.min(2, e.ev.length - 1) * 0.5 : 1
    };
    if (!FIXED && e.bend > 0) {
      item.smooth = { enabled: true, type: e.bend % 2 ? "curvedCW" : "curvedCCW", roundness: 0.18 * Math.ceil(e.bend / 2) };
    }
    if (!LARGE) { item.title = edgeTooltip(e); }
    return item;
  });

  var nodeData = new vis.DataSet(nodeItems);
  var edgeData = new vis.DataSet(edgeItems);
  var nodeView = new vis.DataView(nodeData, { filter: function (item) { return state.cls[NODES[item.id].c]; } });
  var edgeView = new vis.DataView(edgeData, {
    filter: function (item) {
      var e = EDGES[item.id];
      return state.prop[e.p] && (state.hedged || e.st === 0) &&
        state.cls[NODES[e.from].c] && state.cls[NODES[e.to].c];
    }
  });

  var options = {
    autoResize: true,
    layout: { randomSeed: 7, improvedLayout: !FIXED && NODES.length <= 100 },
    nodes: {
      font: { size: 14, color: "#1f1f1f", strokeWidth: 3, strokeColor: "#ffffff", face: "system-ui, sans-serif" },
      scaling: { label: { enabled: false } }
    },
    edges: {
      font: { size: 10, color: "#555555", strokeWidth: 3, strokeColor: "#ffffff", align: "middle", face: "system-ui, sans-serif" },
      smooth: false,
      selectionWidth: 2,
      hoverWidth: 0.5
    },
    interaction: {
      hover: !LARGE, tooltipDelay: 200, hideEdgesOnDrag: LARGE, hideEdgesOnZoom: LARGE,
      multiselect: false, navigationButtons: false, keyboard: false
    },
    physics: FIXED ? { enabled: false } : {
      enabled: true,
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -70, centralGravity: 0.01, springLength: 130, springConstant: 0.06, damping: 0.5, avoidOverlap: 0.3 },
      maxVelocity: 60, minVelocity: 0.75,
      stabilization: { enabled: true, iterations: 600, updateInterval: 50, fit: true }
    }
  };

  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: [], edges: [] }, options);

  function markReady() {
    if (window.__newskgReady) { return; }
    window.__newskgReady = true;
    window.__newskgReadyMs = Math.round(performance.now());  // ms since navigation start
    document.body.setAttribute("data-ready", "true");
    window.dispatchEvent(new CustomEvent("newskg:ready"));
  }
  if (FIXED || NODES.length === 0) {
    network.once("afterDrawing", markReady);
  } else {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.once("afterDrawing", markReady);
      network.fit({ animation: false });
    });
  }
  network.setData({ nodes: nodeView, edges: edgeView });
  if (NODES.length === 0) {
    document.getElementById("empty").hidden = false;
    markReady();
  }

  // ---- sidebar: stats, legend + filters ------------------------------------------------
  function updateStats() {
    var text = nodeView.length + " of " + NODES.length + " entities shown, " +
      edgeView.length + " of " + EDGES.length + " facts";
    if (DATA.total.entities > NODES.length) { text += " (graph has " + DATA.total.entities + " entities)"; }
    document.getElementById("stats").textContent = text;
  }
  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    updateStats();
  }

  function buildFilters(listId, items, key, iconFor) {
    var list = document.getElementById(listId);
    items.forEach(function (item, i) {
      var box = el("input", { type: "checkbox", "data-index": String(i), "data-name": item.name });
      box.checked = true;
      box.addEventListener("change", function () { state[key][i] = box.checked; refresh(); });
      var label = append(el("label"), box, iconFor(item), el("span", { className: "name" }, item.name),
        el("span", { className: "count" }, item.count));
      list.appendChild(append(el("li"), label));
    });
  }
  buildFilters("class-filters", CLASSES, "cls", function (c) { return shapeIcon(c.shape, c.color, 14); });
  buildFilters("prop-filters", PROPS, "prop", function (p) {
    return el("span", { className: "arrow", title: p.sym ? "symmetric" : "directed" }, p.sym ? "\u2014" : "\u2192");
  });
  Array.prototype.forEach.call(document.querySelectorAll("button[data-bulk]"), function (button) {
    button.addEventListener("click", function () {
      var key = button.getAttribute("data-bulk") === "classes" ? "cls" : "prop";
      var listId = key === "cls" ? "class-filters" : "prop-filters";
      var on = button.getAttribute("data-on") === "1";
      state[key] = state[key].map(function () { return on; });
      Array.prototype.forEach.call(document.querySelectorAll("#" + listId + " input"), function (b) { b.checked = on; });
      refresh();
    });
  });
  var hedgedBox = document.getElementById("show-hedged");
  hedgedBox.addEventListener("change", function () { state.hedged = hedgedBox.checked; refresh(); });
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: LARGE ? false : { duration: 300 } }); });
  updateStats();

  // ---- details panel ---------------------------------------------------------------------
  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");
  document.getElementById("panel-close").addEventListener("click", function () {
    panel.hidden = true;
    network.unselectAll();
  });

  function nodeButton(id) {
    var b = el("button", { type: "button", className: "link" }, NODES[id].name);
    b.addEventListener("click", function () { focusNode(id); });
    return b;
  }
  function statusBadge(code) { return el("span", { className: "status s" + code }, STATUS[code]); }

  function docLine(docIndex) {
    var d = DOCS[docIndex], line = el("span");
    var label = d.title || d.id;
    if (d.url) {
      var a = el("a", { href: d.url, target: "_blank", rel: "noopener noreferrer" }, label);
      line.appendChild(a);
    } else {
      line.appendChild(el("span", null, label));
    }
    if (d.date) { append(line, " \u00b7 " + d.date); }
    if (d.source) { append(line, " \u00b7 " + d.source); }
    return line;
  }

  function evidenceList(e) {
    var list = el("ul", { className: "evidence" });
    e.ev.forEach(function (ev) {
      var item = el("li", { className: "m" + ev[4] });
      item.appendChild(el("blockquote", null, ev[1]));
      var meta = append(el("div", { className: "ev-meta" }), docLine(ev[0]),
        " \u00b7 rule " + ev[2] + " \u00b7 confidence " + ev[3].toFixed(2) + " \u00b7 ", statusBadge(ev[4]));
      item.appendChild(meta);
      list.appendChild(item);
    });
    return list;
  }

  function factHead(e, current) {
    var p = PROPS[e.p], head = el("div", { className: "fact-head" });
    function side(id) { return id === current ? el("strong", null, NODES[id].name) : nodeButton(id); }
    append(head, side(e.from), " ", el("span", { className: "prop" }, p.name), " ", side(e.to), " ", statusBadge(e.st));
    return head;
  }

  function openPanel() { panel.hidden = false; panel.scrollTop = 0; }

  function showNode(id) {
    var n = NODES[id], cls = CLASSES[n.c];
    clear(panelBody);
    panelBody.appendChild(el("h2", null, n.name));
    panelBody.appendChild(append(el("span", { className: "badge" }, null), shapeIcon(cls.shape, cls.color, 12), cls.name));
    var dl = el("dl");
    function row(term, value) {
      if (value === null || value === undefined || value === "" || (value.length === 0)) { return; }
      append(dl, el("dt", null, term), typeof value === "string" ? el("dd", null, value) : append(el("dd"), value));
    }
    row("Aliases", n.aliases.join("; "));
    row("Job titles", n.jobs.join("; "));
    row("Mentions", String(n.mentions));
    if (n.wd && /^Q[1-9][0-9]*$/.test(n.wd)) {
      row("Wikidata", el("a", { href: "https://www.wikidata.org/wiki/" + n.wd, target: "_blank", rel: "noopener noreferrer" }, n.wd));
    }
    row("Key", n.key);
    if (n.iri) { row("IRI", el("code", null, n.iri)); }
    panelBody.appendChild(dl);

    var facts = incident[id];
    panelBody.appendChild(el("h3", null, "Facts (" + facts.length + ")"));
    var list = el("ul", { className: "facts" });
    facts.slice(0, MAX_FACTS_IN_PANEL).forEach(function (eid) {
      var e = EDGES[eid];
      list.appendChild(append(el("li"), factHead(e, id), evidenceList(e)));
    });
    panelBody.appendChild(list);
    if (facts.length > MAX_FACTS_IN_PANEL) {
      panelBody.appendChild(el("p", { className: "muted" }, (facts.length - MAX_FACTS_IN_PANEL) +
        " more facts not listed; click an edge to see its evidence."));
    }
    if (n.docs.length) {
      panelBody.appendChild(el("h3", null, "Mentioned in (" + n.docs.length + ")"));
      var docs = el("ul", { className: "facts" });
      n.docs.slice(0, MAX_FACTS_IN_PANEL).forEach(function (d) { docs.appendChild(append(el("li"), docLine(d))); });
      panelBody.appendChild(docs);
    }
    openPanel();
  }

  function showEdge(eid) {
    var e = EDGES[eid], p = PROPS[e.p];
    clear(panelBody);
    panelBody.appendChild(el("h2", null, NODES[e.from].name + " " + p.name + " " + NODES[e.to].name));
    panelBody.appendChild(factHead(e, null));
    var dl = el("dl");
    append(dl, el("dt", null, "Property"), el("dd", null, p.name + (p.sym ? " (symmetric)" : "")));
    append(dl, el("dt", null, "Confidence"), el("dd", null, e.st === 0 ? e.conf.toFixed(2) : "not asserted"));
    panelBody.appendChild(dl);
    panelBody.appendChild(el("h3", null, "Evidence (" + e.ev.length + ")"));
    panelBody.appendChild(evidenceList(e));
    openPanel();
  }

  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
    else { panel.hidden = true; }
  });

  // ---- search ----------------------------------------------------------------------------
  function search(query) {
    var q = String(query || "").trim().toLowerCase();
    if (!q) { return []; }
    var seen = {}, ranked = [];
    searchIndex.forEach(function (entry) {
      var pos = entry.text.indexOf(q);
      if (pos < 0) { return; }
      var rank = entry.text === q ? 0 : (pos === 0 ? 1 : 2);
      ranked.push({ rank: rank, entry: entry });
    });
    ranked.sort(function (a, b) {
      return a.rank - b.rank || NODES[b.entry.id].size - NODES[a.entry.id].size ||
        (a.entry.label < b.entry.label ? -1 : a.entry.label > b.entry.label ? 1 : 0);
    });
    var out = [];
    for (var i = 0; i < ranked.length && out.length < 30; i++) {
      var entry = ranked[i].entry;
      if (seen[entry.id]) { continue; }
      seen[entry.id] = true;
      out.push({ id: entry.id, name: entry.label, alias: entry.alias });
    }
    return out;
  }

  function focusNode(id) {
    var n = NODES[id];
    if (!state.cls[n.c]) {
      state.cls[n.c] = true;
      var box = document.querySelector("#class-filters input[data-index='" + n.c + "']");
      if (box) { box.checked = true; }
      refresh();
    }
    network.selectNodes([id]);
    // on large graphs every frame is expensive: jump instead of animating
    network.focus(id, { scale: Math.max(network.getScale(), 1.1),
                        animation: LARGE ? false : { duration: 350, easingFunction: "easeInOutQuad" } });
    showNode(id);
  }

  var input = document.getElementById("search");
  var results = document.getElementById("search-results");
  var lastResults = [];
  function renderResults() {
    clear(results);
    lastResults = search(input.value);
    if (!input.value.trim()) { return; }
    if (!lastResults.length) { results.appendChild(el("li", { className: "note" }, "no match")); return; }
    lastResults.forEach(function (r) {
      var b = el("button", { type: "button", "data-node": String(r.id) }, r.name);
      if (r.alias && r.alias !== r.name) { append(b, el("span", { className: "muted" }, " (" + r.alias + ")")); }
      b.addEventListener("click", function () { focusNode(r.id); });
      results.appendChild(append(el("li"), b));
    });
  }
  var timer = null;
  input.addEventListener("input", function () {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(renderResults, NODES.length > 2000 ? 120 : 30);
  });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      if (timer) { clearTimeout(timer); timer = null; }
      renderResults();
      if (lastResults.length) { focusNode(lastResults[0].id); }
      ev.preventDefault();
    }
  });

  window.__newskg = {
    network: network, nodes: nodeData, edges: edgeData, nodeView: nodeView, edgeView: edgeView,
    data: DATA, search: search, focusNode: focusNode, state: state
  };
})();

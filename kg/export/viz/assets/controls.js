/* newskg page: the sidebar (counts, filters, search) and the tabs. */

/* The counts of the whole graph: the same numbers `kg build` prints and graph.ttl holds. */
function renderTotals() {
  var t = DATA.total, box = byId("totals");
  clear(box);
  append(box, el("strong", null, plural(t.entities, "entity", "entities") + ", " + plural(t.relations, "relation")),
         " from " + plural(t.documents, "document"));
  var unasserted = t.facts - t.relations;
  if (unasserted > 0) { append(box, el("br"), el("span", { className: "muted" }, "and " + plural(unasserted, "hedged or negated fact"))); }
  if (NODES.length < t.entities) {
    append(box, el("br"), el("span", { className: "muted" }, "this page holds " + fmt(NODES.length) + " of them"));
  }
}

function updateStats() {
  if (!visible) { return; }
  var drawn = drawnLinked.length + drawnIsolated.length;
  byId("view-stats").textContent = "Drawn: " + fmt(drawn) + " of " + fmt(visible.linked + visible.isolatedShown) +
    " entities and " + fmt(drawnEdges.length) + " of " + plural(visible.facts, "fact") + " that match the filters" +
    (drawn < visible.linked + visible.isolatedShown ? " (the most connected first)." : ".");
  byId("isolated-label").textContent = "show the " + fmt(visible.isolated) + " entities with no fact";
  byId("tab-entities").textContent = "Entities (" + fmt(visible.linked + visible.isolatedShown) + ")";
  byId("tab-facts").textContent = "Facts (" + fmt(visible.facts) + ")";
}

function buildChecks(listId, items, key) {
  var list = byId(listId);
  items.forEach(function (item, i) {
    var box = el("input", { type: "checkbox", "data-index": String(i), "data-name": item.name });
    box.addEventListener("change", function () { state[key][i] = box.checked; changed(); });
    var icon = key === "cls" ? shapeIcon(item.shape, item.color, 14)
      : el("span", { className: "arrow", title: item.sym ? "symmetric" : "directed" }, item.sym ? "\u2014" : "\u2192");
    list.appendChild(append(el("li"), append(el("label"), box, icon, el("span", { className: "name" }, item.name),
                                             el("span", { className: "count" }, fmt(item.count)))));
  });
}

function buildControls() {
  renderTotals();
  buildChecks("class-filters", CLASSES, "cls");
  buildChecks("prop-filters", PROPS, "prop");
  Array.prototype.forEach.call(document.querySelectorAll("button[data-bulk]"), function (b) {
    b.addEventListener("click", function () {
      var key = b.getAttribute("data-bulk"), on = b.getAttribute("data-on") === "1";
      state[key] = state[key].map(function () { return on; });
      syncControls();
      changed();
    });
  });
  var budget = byId("budget");
  BUDGETS.concat([state.budget]).filter(function (v, i, a) { return a.indexOf(v) === i; })
    .sort(function (a, b) { return a - b; })
    .forEach(function (v) { budget.appendChild(el("option", { value: String(v) }, fmt(v))); });
  budget.addEventListener("change", function () { state.budget = parseInt(budget.value, 10); changed({ fit: true }); });
  byId("show-isolated").addEventListener("change", function () { state.iso = byId("show-isolated").checked; changed({ fit: true }); });
  byId("isolated-row").hidden = ISOLATED_COUNT === 0;
  byId("show-hedged").addEventListener("change", function () { state.hedged = byId("show-hedged").checked; changed(); });
  var conf = byId("conf-filter");
  conf.addEventListener("input", function () { byId("conf-value").textContent = Number(conf.value).toFixed(2); });
  conf.addEventListener("change", function () { state.conf = Number(conf.value); changed(); });
  buildSourceFilters();
  buildDateFilters();
  byId("reset").addEventListener("click", function () { var tab = state.tab; state = defaultState(); state.tab = tab; syncControls(); closePanel(); changed({ fresh: true }); });
  byId("fit").addEventListener("click", fitView);
  buildSearch();
  buildTabs();
}

function buildSourceFilters() {
  var input = byId("doc-filter"), options = byId("doc-options");
  function fill() {  // offer the documents that match what is typed (at most 50)
    var q = input.value.trim().toLowerCase(), n = 0;
    clear(options);
    for (var i = 0; i < DOCS.length && n < 50; i++) {
      var label = docLabel(DOCS[i]);
      if (!q || label.toLowerCase().indexOf(q) >= 0) { options.appendChild(el("option", { value: label })); n++; }
    }
  }
  input.addEventListener("input", fill);
  input.addEventListener("change", function () {
    var value = input.value.trim(), found = -1;
    for (var i = 0; i < DOCS.length; i++) { if (docLabel(DOCS[i]) === value || DOCS[i].id === value) { found = i; break; } }
    if (!value || found >= 0) { state.doc = found; changed(); }
  });
  fill();
  var select = byId("source-filter");
  select.appendChild(el("option", { value: "-1" }, "any outlet"));
  SOURCES.forEach(function (s, i) { select.appendChild(el("option", { value: String(i) }, s)); });
  select.addEventListener("change", function () { state.src = parseInt(select.value, 10); changed(); });
  byId("source-row").hidden = SOURCES.length < 2;
}

function buildDateFilters() {
  byId("date-section").hidden = !DATA.dated;
  if (!DATA.dated) { return; }
  ["date-from", "date-to"].forEach(function (id) {
    var input = byId(id);
    input.min = DATE_MIN; input.max = DATE_MAX;
    input.addEventListener("change", function () {
      state[id === "date-from" ? "from" : "to"] = /^\d{4}-\d{2}-\d{2}$/.test(input.value) ? input.value : "";
      changed();
    });
  });
  var events = EDGES.some(function (e) { return e.events; });
  byId("date-note").textContent = (events ? "Facts are dated by their event time, else by their report date" :
    "Facts are dated by the date of the reports that state them") + " (" + DATE_MIN + " to " + DATE_MAX + ").";
}

/* Put the state into the controls (after a reset or a new URL fragment). */
function syncControls() {
  Array.prototype.forEach.call(document.querySelectorAll("#class-filters input"), function (b) { b.checked = state.cls[+b.getAttribute("data-index")]; });
  Array.prototype.forEach.call(document.querySelectorAll("#prop-filters input"), function (b) { b.checked = state.prop[+b.getAttribute("data-index")]; });
  byId("show-isolated").checked = state.iso;
  byId("show-hedged").checked = state.hedged;
  byId("conf-filter").value = String(state.conf);
  byId("conf-value").textContent = state.conf.toFixed(2);
  byId("budget").value = String(state.budget);
  byId("doc-filter").value = state.doc >= 0 ? docLabel(DOCS[state.doc]) : "";
  byId("source-filter").value = String(state.src);
  byId("date-from").value = state.from;
  byId("date-to").value = state.to;
}

function buildSearch() {
  var input = byId("search"), results = byId("search-results"), last = [], timer = null;
  function render() {
    clear(results);
    last = search(input.value);
    if (!input.value.trim()) { return; }
    if (!last.length) { results.appendChild(el("li", { className: "note" }, "no match")); return; }
    last.forEach(function (r) {
      var b = button(r.name, function () { focusNode(r.id); }, { "data-node": String(r.id) });
      if (r.alias && r.alias !== r.name) { append(b, el("span", { className: "muted" }, " (" + r.alias + ")")); }
      if (!incident[r.id].length) { append(b, el("span", { className: "muted" }, " \u00b7 no fact")); }
      results.appendChild(append(el("li"), b));
    });
  }
  input.addEventListener("input", function () {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(render, NODES.length > 5000 ? 150 : 40);
  });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      if (timer) { clearTimeout(timer); timer = null; }
      render();
      if (last.length) { focusNode(last[0].id); }
      ev.preventDefault();
    } else if (ev.key === "ArrowDown" && results.querySelector("button")) {
      results.querySelector("button").focus();
      ev.preventDefault();
    }
  });
  results.addEventListener("keydown", function (ev) {  // arrows move between results
    var items = Array.prototype.slice.call(results.querySelectorAll("button")), i = items.indexOf(document.activeElement);
    if (ev.key === "ArrowDown" && i < items.length - 1) { items[i + 1].focus(); ev.preventDefault(); }
    if (ev.key === "ArrowUp") { (i > 0 ? items[i - 1] : input).focus(); ev.preventDefault(); }
  });
}

function showTab(name) {
  state.tab = name;
  ["graph", "entities", "facts"].forEach(function (t) {
    var tab = byId("tab-" + t), on = t === name;
    tab.setAttribute("aria-selected", on ? "true" : "false");
    tab.tabIndex = on ? 0 : -1;
    byId(t === "graph" ? "graph" : t + "-view").hidden = !on;
  });
  byId("app").classList.toggle("list-open", name !== "graph");  // the lists get the panel's width
  if (name === "entities") { entityList.render(); }
  if (name === "facts") { factList.render(); }
  if (name === "graph") { network.redraw(); }
  writeFragment();
}

function buildTabs() {
  var tabs = Array.prototype.slice.call(document.querySelectorAll("#tabs [role=tab]"));
  tabs.forEach(function (tab, i) {
    tab.addEventListener("click", function () { showTab(tab.getAttribute("data-tab")); });
    tab.addEventListener("keydown", function (ev) {  // arrow keys move along the tabs
      var j = ev.key === "ArrowRight" ? (i + 1) % tabs.length : (ev.key === "ArrowLeft" ? (i + tabs.length - 1) % tabs.length : -1);
      if (j >= 0) { tabs[j].focus(); showTab(tabs[j].getAttribute("data-tab")); ev.preventDefault(); }
    });
  });
}

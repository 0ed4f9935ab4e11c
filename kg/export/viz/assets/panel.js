/* newskg page: the details panel.  An entity's facts are grouped by property, each with its
   sentences, documents and dates; facts the filters hide are listed apart. */
var MAX_FACTS_IN_PANEL = 200;
var panel = byId("panel"), panelBody = byId("panel-body");

function closePanel() {
  panel.hidden = true;
  state.sel = -1;
  network.unselectAll();
  network.redraw();
  writeFragment();
}
byId("panel-close").addEventListener("click", closePanel);

function entityButton(id) {
  return button(NODES[id].name, function () { focusNode(id); }, { className: "link" });
}
function statusBadge(code) { return el("span", { className: "status s" + code }, STATUS[code]); }

function spanText(span) { return span[0] === span[1] ? span[0] : span[0] + " \u2013 " + span[1]; }

function docLine(docIndex) {
  var d = DOCS[docIndex], line = el("span", { className: "doc" }), label = d.title || d.id;
  if (d.url) {
    line.appendChild(el("a", { href: d.url, target: "_blank", rel: "noopener noreferrer" }, label));
  } else {
    line.appendChild(el("span", null, label));
  }
  if (d.date) { append(line, " \u00b7 " + d.date); }
  if (d.source >= 0) { append(line, " \u00b7 " + SOURCES[d.source]); }
  return line;
}

/* The readings of a fact, in date order (as the payload sorts them). */
function evidenceList(e) {
  var list = el("ul", { className: "evidence" });
  e.ev.forEach(function (ev) {
    var item = el("li", { className: "m" + ev[4] });
    item.appendChild(el("blockquote", null, SENTS[ev[1]]));
    var meta = append(el("div", { className: "ev-meta" }), docLine(ev[0]));
    if (ev[5]) { append(meta, " \u00b7 ", el("span", { className: "when" }, "event " + spanText(ev[5]))); }
    var ctx = ev[6] || {};
    if (ctx.status) { append(meta, " \u00b7 ", el("span", { className: "role" }, ctx.status + " post")); }
    if (ctx.held) {
      var held = (ctx.held[0] ? "held from " + ctx.held[0] : "held") + (ctx.held[1] ? " until " + ctx.held[1] : "");
      append(meta, " \u00b7 ", el("span", { className: "held" }, held));
    }
    if (ctx.said) { append(meta, " \u00b7 ", el("span", { className: "said" }, "said by " + ctx.said)); }
    append(meta, " \u00b7 rule " + RULES[ev[2]] + " \u00b7 confidence " + ev[3].toFixed(2) + " ", statusBadge(ev[4]));
    item.appendChild(meta);
    list.appendChild(item);
  });
  return list;
}

function factSummary(e) {
  var bits = [plural(e.ndocs, "document")];
  if (e.nsources > 1) { bits.push(plural(e.nsources, "outlet")); }
  if (e.st === 0) { bits.push("confidence " + e.conf.toFixed(2)); }
  if (e.lo) { bits.push(spanText([e.lo, e.hi])); }
  return bits.join(" \u00b7 ");
}

function factHead(e, current) {
  var head = el("div", { className: "fact-head" });
  function side(id) { return id === current ? el("strong", null, NODES[id].name) : entityButton(id); }
  append(head, side(e.from), " ", el("span", { className: "prop" }, PROPS[e.p].name), " ", side(e.to), " ",
         statusBadge(e.st));
  head.appendChild(el("div", { className: "fact-meta" }, factSummary(e)));
  return head;
}

function openPanel() { panel.hidden = false; panel.scrollTop = 0; }

function detailRows(n) {
  var dl = el("dl");
  function row(term, value) {
    if (value === null || value === undefined || value === "" || value.length === 0) { return; }
    append(dl, el("dt", null, term), typeof value === "string" ? el("dd", null, value) : append(el("dd"), value));
  }
  row("Aliases", n.aliases.join("; "));
  row("Job titles", n.jobs.join("; "));
  row("Mentions", String(n.mentions));
  row("Documents", String(n.docs.length));
  if (n.wd && /^Q[1-9][0-9]*$/.test(n.wd)) {
    row("Wikidata", el("a", { href: "https://www.wikidata.org/wiki/" + n.wd, target: "_blank", rel: "noopener noreferrer" }, n.wd));
  }
  row("Key", n.key);
  if (n.iri) { row("IRI", el("code", null, n.iri)); }
  return dl;
}

/* facts grouped by property (largest group first), each group in confidence order */
function groupedFacts(ids, current) {
  var groups = {}, names = [];
  ids.forEach(function (k) {
    var p = EDGES[k].p;
    if (!groups[p]) { groups[p] = []; names.push(p); }
    groups[p].push(k);
  });
  names.sort(function (a, b) { return groups[b].length - groups[a].length || cmpText(PROPS[a].name, PROPS[b].name); });
  var box = el("div", { className: "groups" }), shown = 0;
  names.forEach(function (p) {
    var section = el("section", { className: "group" });
    section.appendChild(el("h4", null, PROPS[p].name + " (" + groups[p].length + ")"));
    var list = el("ul", { className: "facts" });
    groups[p].sort(function (a, b) { return EDGES[a].st - EDGES[b].st || EDGES[b].score - EDGES[a].score || a - b; });
    groups[p].forEach(function (k) {
      if (shown++ >= MAX_FACTS_IN_PANEL) { return; }
      list.appendChild(append(el("li"), factHead(EDGES[k], current), evidenceList(EDGES[k])));
    });
    section.appendChild(list);
    box.appendChild(section);
  });
  if (shown > MAX_FACTS_IN_PANEL) {
    box.appendChild(el("p", { className: "muted" }, (shown - MAX_FACTS_IN_PANEL) + " more facts not listed; see the Facts list."));
  }
  return box;
}

function showNode(id) {
  var n = NODES[id], cls = CLASSES[n.c];
  clear(panelBody);
  panelBody.appendChild(el("h2", null, n.name));
  panelBody.appendChild(append(el("span", { className: "badge" }), shapeIcon(cls.shape, cls.color, 12), cls.name));
  panelBody.appendChild(detailRows(n));
  var shown = [], hidden = [];
  incident[id].forEach(function (k) { (visible && visible.edgeOk[k] ? shown : hidden).push(k); });
  var undrawn = visibleNeighbours(id, visible).filter(function (o) { return !drawnSet[o]; });
  if (undrawn.length) {
    panelBody.appendChild(button("Draw " + plural(undrawn.length, "more neighbour"), function () { expand(id); },
                                 { className: "action", id: "expand" }));
  }
  panelBody.appendChild(el("h3", null, "Facts (" + shown.length + ")"));
  if (shown.length) { panelBody.appendChild(groupedFacts(shown, id)); }
  else { panelBody.appendChild(el("p", { className: "muted" }, incident[id].length ? "None match the filters." : "No fact was read about this entity.")); }
  if (hidden.length) {
    var more = el("details", { className: "hidden-facts" });
    more.appendChild(el("summary", null, plural(hidden.length, "more fact") + " hidden by the filters"));
    more.appendChild(groupedFacts(hidden, id));
    panelBody.appendChild(more);
  }
  if (n.docs.length) {
    panelBody.appendChild(el("h3", null, "Mentioned in (" + n.docs.length + ")"));
    var docs = el("ul", { className: "docs" });
    n.docs.slice(0, MAX_FACTS_IN_PANEL).forEach(function (d) { docs.appendChild(append(el("li"), docLine(d))); });
    panelBody.appendChild(docs);
  }
  openPanel();
}

function showEdge(k) {
  var e = EDGES[k], p = PROPS[e.p];
  clear(panelBody);
  panelBody.appendChild(el("h2", null, NODES[e.from].name + " " + p.name + " " + NODES[e.to].name));
  panelBody.appendChild(factHead(e, null));
  var dl = el("dl");
  append(dl, el("dt", null, "Property"), el("dd", null, p.name + (p.sym ? " (symmetric)" : "")));
  append(dl, el("dt", null, "Confidence"), el("dd", null, e.st === 0 ? e.conf.toFixed(2) : "not asserted (best reading " + e.score.toFixed(2) + ")"));
  append(dl, el("dt", null, "Sources"), el("dd", null, plural(e.ndocs, "document") + (e.nsources ? ", " + plural(e.nsources, "outlet") : "")));
  if (e.lo) { append(dl, el("dt", null, "Dates"), el("dd", null, spanText([e.lo, e.hi]) + (e.events ? "" : " (report dates)"))); }
  panelBody.appendChild(dl);
  panelBody.appendChild(el("h3", null, "Evidence (" + e.ev.length + ")"));
  panelBody.appendChild(evidenceList(e));
  openPanel();
}

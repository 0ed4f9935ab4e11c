/* newskg page: start-up (this file runs last), the reaction to every change, and the hooks tests use. */

/* Something in the state changed: redraw, refresh the lists and the link. */
function changed(opts) {
  updateDrawing(opts || {});
  renderLists();
  writeFragment();
  if (!panel.hidden && state.sel >= 0) { whenSettled(function () { showNode(state.sel); }); }
}

function markReady() {
  if (window.__newskgReady) { return; }
  window.__newskgReady = true;
  window.__newskgReadyMs = TIMINGS.ready = Math.round(performance.now());  // ms since navigation start
  document.body.setAttribute("data-ready", "true");
  window.dispatchEvent(new CustomEvent("newskg:ready"));
}

/* Apply a state read from the URL fragment (on load, or when the user edits the address). */
function applyFragment(first) {
  state = stateFromFragment(location.hash);
  syncControls();
  var tab = state.tab, sel = state.sel;
  state.tab = "graph";
  updateDrawing({ fresh: true, fit: true, done: function () {
    if (first) { network.once("afterDrawing", markReady); }
    if (sel >= 0) { focusNode(sel, { zoom: false }); }
    if (tab !== "graph") { showTab(tab); }
  } });
  renderLists();
}

buildControls();
applyFragment(true);
if (!NODES.length) { byId("empty").textContent = "This graph has no entities to show."; byId("empty").hidden = false; markReady(); }

window.addEventListener("hashchange", function () {
  var text = location.hash.replace(/^#/, "");
  if (ownHash !== null && text === ownHash) { ownHash = null; return; }
  panel.hidden = true;  // not closePanel(): that would write the old state over the new link
  applyFragment(false);
});
document.addEventListener("keydown", function (ev) {
  if (ev.key === "Escape" && !panel.hidden) { closePanel(); }
});

window.__newskg = {
  network: network, nodes: nodeData, edges: edgeData, data: DATA, search: search, focusNode: focusNode,
  focusEdge: focusEdge, expand: expand,
  state: function () { return state; },
  visible: function () { return visible; },
  drawn: function () { return drawnLinked.concat(drawnIsolated); },
  drawnEdges: function () { return drawnEdges.slice(); },
  labels: function () { return placedLabels.map(function (l) { return Object.assign({}, l); }); },
  busy: function () { return settling || queuedUpdate !== null; },
  fragment: stateToFragment, timings: TIMINGS
};

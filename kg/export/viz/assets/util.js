/* newskg page: small helpers.  The page's script files run as one (see page.py SCRIPT_FILES).
   Every string from the data is inserted with textContent or set as an attribute through the DOM:
   never as markup. */
var SVG_NS = "http://www.w3.org/2000/svg";

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

function byId(id) { return document.getElementById(id); }

function fmt(n) { return Number(n).toLocaleString("en-GB"); }

function plural(n, one, many) { return fmt(n) + " " + (n === 1 ? one : (many || one + "s")); }

function shorten(text, max) { return text.length > max ? text.slice(0, max - 1) + "\u2026" : text; }

function cmpText(a, b) { return a < b ? -1 : (a > b ? 1 : 0); }

function button(text, onClick, attrs) {
  var b = el("button", Object.assign({ type: "button" }, attrs || {}), text);
  b.addEventListener("click", onClick);
  return b;
}

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

/* A binary max-heap of ids ordered by better(a, b) (true when a comes first). */
function Heap(better) { this.items = []; this.better = better; }
Heap.prototype.push = function (x) {
  var a = this.items, i = a.length;
  a.push(x);
  while (i > 0) {
    var p = (i - 1) >> 1;
    if (!this.better(a[i], a[p])) { break; }
    var t = a[i]; a[i] = a[p]; a[p] = t; i = p;
  }
};
Heap.prototype.pop = function () {
  var a = this.items, top = a[0], last = a.pop();
  if (a.length) {
    a[0] = last;
    var i = 0, n = a.length;
    for (;;) {
      var l = 2 * i + 1, r = l + 1, m = i;
      if (l < n && this.better(a[l], a[m])) { m = l; }
      if (r < n && this.better(a[r], a[m])) { m = r; }
      if (m === i) { break; }
      var t = a[i]; a[i] = a[m]; a[m] = t; i = m;
    }
  }
  return top;
};
Heap.prototype.size = function () { return this.items.length; };

// kgraph's page: draws the network, filters it and shows a card for what is clicked.
// Article text (names, sentences, documents) is data: it is only ever written with
// textContent or as an <option> value, never parsed as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var claims = data.claims;
  var byId = new Map();
  data.nodes.forEach(function (node) { byId.set(node.id, node); });
  var edgeById = new Map();
  data.edges.forEach(function (edge) { edgeById.set(edge.id, edge); });
  var ofKind = function (kind) { return data.nodes.filter(function (n) { return n.kind === kind; }); };
  var sources = ofKind("source"), propositions = ofKind("proposition");
  var contradictions = ofKind("contradiction");
  var claimEdges = data.edges.filter(function (e) { return e.kind === "claim"; });
  var concernEdges = data.edges.filter(function (e) { return e.kind === "concerns"; });
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }
  function plural(n, noun) { return n.toLocaleString("en") + " " + noun + (n === 1 ? "" : "s"); }
  function byLabel(a, b) { return a.label.localeCompare(b.label); }

  // --- the bar, the notice and the legend ------------------------------------------------
  $("kg-counts").textContent = [plural(sources.length, "source"),
    plural(propositions.length, "proposition"), plural(contradictions.length, "contradiction")].join(" · ");
  var notices = [];
  if (data.focus) {
    notices.push("Focused on '" + data.focus.text + "': " + data.focus.matches.join("; ") + ".");
  }
  if (data.omitted) { notices.push(data.omitted); }
  if (notices.length) { $("kg-notice").textContent = notices.join(" "); $("kg-notice").hidden = false; }
  data.legend.forEach(function (item) {
    var swatch = el("i", null, "kg-swatch kg-" + item[2]);
    swatch.style.backgroundColor = item[1];  // CSSOM: allowed by the page's style-src
    swatch.style.borderColor = item[1];
    var entry = el("span");
    entry.appendChild(swatch);
    entry.appendChild(document.createTextNode(item[0]));
    $("kg-legend").appendChild(entry);
  });

  // --- filters -----------------------------------------------------------------------------
  function checkbox(container, value, label, checked) {
    var input = el("input");
    input.type = "checkbox";
    input.value = value;
    input.checked = checked;
    var wrap = el("label");
    wrap.appendChild(input);
    wrap.appendChild(document.createTextNode(" " + label));
    container.appendChild(wrap);
  }
  var campIds = data.camps.slice();
  if (sources.some(function (s) { return !s.camp; })) { campIds.push(""); }
  campIds.forEach(function (id) { checkbox($("kg-camps"), id, id || "no camp", true); });
  $("kg-camps").hidden = campIds.length < 2;
  var kinds = Array.from(new Set(contradictions.map(function (c) { return c.contradiction_kind; }))).sort();
  kinds.forEach(function (kind) {
    var n = contradictions.filter(function (c) { return c.contradiction_kind === kind; }).length;
    checkbox($("kg-kinds"), kind, kind + " (" + n + ")", true);
  });
  $("kg-kinds").hidden = kinds.length === 0;
  function fillSelect(select, nodes) {
    nodes.slice().sort(byLabel).forEach(function (node) {
      var option = el("option", node.label);
      option.value = node.id;
      select.appendChild(option);
    });
  }
  fillSelect($("kg-source"), sources);
  fillSelect($("kg-proposition"), propositions);
  var dates = claimEdges.flatMap(function (e) { return e.dates; }).filter(Boolean).sort();
  if (dates.length) {
    ["kg-from", "kg-to"].forEach(function (id) { $(id).min = dates[0]; $(id).max = dates[dates.length - 1]; });
  }
  $("kg-contested").checked = data.default_view === "contested";
  $("kg-contested").disabled = contradictions.length === 0;

  function checked(id) {
    return new Set(Array.from($(id).querySelectorAll("input:checked"), function (i) { return i.value; }));
  }
  function datedWithin(edgeDates, from, to) {
    if (!from && !to) { return true; }
    return edgeDates.some(function (d) { return d === "" || ((!from || d >= from) && (!to || d <= to)); });
  }

  // Which nodes and edges the filters let through: claim edges first, then what they reach.
  function visibleSets() {
    var camps = checked("kg-camps"), shownKinds = checked("kg-kinds");
    var source = $("kg-source").value, proposition = $("kg-proposition").value;
    var from = $("kg-from").value, to = $("kg-to").value;
    var contestedOnly = $("kg-contested").checked;
    var contested = new Set();
    contradictions.forEach(function (c) {
      if (shownKinds.has(c.contradiction_kind)) {
        c.propositions.forEach(function (p) { contested.add("prop:" + p); });
      }
    });
    var nodes = new Set(), edges = new Set(), heard = new Set();
    claimEdges.forEach(function (e) {
      var speaker = byId.get(e.from);
      if (camps.has(speaker.camp) && (!source || e.from === source) &&
          (!proposition || e.to === proposition) && datedWithin(e.dates, from, to) &&
          (!contestedOnly || contested.has(e.to))) {
        edges.add(e.id); nodes.add(e.from); nodes.add(e.to); heard.add(e.to);
      }
    });
    concernEdges.forEach(function (e) {
      var c = byId.get(e.from);
      if (shownKinds.has(c.contradiction_kind) && heard.has(e.to)) { nodes.add(e.from); }
    });
    concernEdges.forEach(function (e) {
      if (nodes.has(e.from) && byId.has(e.to)) { edges.add(e.id); nodes.add(e.to); }
    });
    return {nodes: nodes, edges: edges};
  }

  var nodeSet = new vis.DataSet(data.nodes.map(function (n) { return Object.assign({}, n, {hidden: true, physics: false}); }));
  var edgeSet = new vis.DataSet(data.edges.map(function (e) { return Object.assign({}, e, {hidden: true, physics: false}); }));
  var settles = data.options.physics.enabled;  // a small graph: re-settle what is shown
  function applyFilters() {
    var shown = visibleSets();
    var nodeChanges = [], edgeChanges = [];
    // vis-network keeps hidden items in its physics; take them out so what is shown packs.
    nodeSet.forEach(function (n) {
      var hidden = !shown.nodes.has(n.id);
      if (n.hidden !== hidden) { nodeChanges.push({id: n.id, hidden: hidden, physics: settles && !hidden}); }
    });
    edgeSet.forEach(function (e) {
      var hidden = !shown.edges.has(e.id);
      if (e.hidden !== hidden) { edgeChanges.push({id: e.id, hidden: hidden, physics: settles && !hidden}); }
    });
    nodeSet.update(nodeChanges);
    edgeSet.update(edgeChanges);
    var text = "showing " + shown.nodes.size.toLocaleString("en") + " of " + plural(data.nodes.length, "node");
    if ($("kg-contested").checked && contradictions.length) { text += " (contested only)"; }
    $("kg-shown").textContent = text;
    return shown;
  }
  applyFilters();

  // --- the network -------------------------------------------------------------------------
  var network = new vis.Network($("kg-network"), {nodes: nodeSet, edges: edgeSet}, data.options);
  window.kgraph = {network: network, nodes: nodeSet, edges: edgeSet, ready: null};
  function ready() {
    if (window.kgraph.ready === null) {
      window.kgraph.ready = performance.now();
      document.body.setAttribute("data-ready", "true");
    }
  }
  // Settle, then stop: a graph that keeps drifting is hard to read. Large graphs keep the
  // layout computed in Python and never run physics.
  network.on("stabilizationIterationsDone", function () {
    network.setOptions({physics: {enabled: false}});
    network.fit();
    ready();
  });
  if (!settles) {
    network.fit();
    network.once("afterDrawing", ready);
  }
  function refilter() {
    applyFilters();
    if (settles) {
      network.setOptions({physics: {enabled: true}});
      network.stabilize(data.options.physics.stabilization.iterations);
    } else {
      network.fit();
    }
  }
  document.querySelectorAll(".kg-filters input, .kg-filters select").forEach(function (input) {
    input.addEventListener("change", refilter);
  });
  $("kg-reset").addEventListener("click", function () {
    document.querySelectorAll(".kg-filters fieldset input[type=checkbox]").forEach(function (i) { i.checked = true; });
    ["kg-source", "kg-proposition", "kg-from", "kg-to"].forEach(function (id) { $(id).value = ""; });
    $("kg-contested").checked = data.default_view === "contested";
    refilter();
  });

  // --- the card ----------------------------------------------------------------------------
  function link(nodeId, text) {
    if (!byId.has(nodeId)) { return el("span", text); }
    var button = el("button", text, "kg-link");
    button.type = "button";
    button.addEventListener("click", function () { show(nodeId); });
    return button;
  }
  function claimItem(id, withSource, withProposition) {
    var claim = claims[id];
    var item = el("li");
    if (!claim) { item.textContent = "claim " + id + " (not in this graph)"; return item; }
    item.className = "kg-" + claim.stance;
    var head = el("div");
    if (withSource) { head.appendChild(link("source:" + claim.source, claim.source)); head.appendChild(document.createTextNode(" ")); }
    head.appendChild(el("span", claim.stance, "kg-stance"));
    if (withProposition) {
      head.appendChild(document.createTextNode(" "));
      head.appendChild(link("prop:" + claim.proposition, claim.proposition));
    }
    item.appendChild(head);
    item.appendChild(el("blockquote", "\u201c" + claim.text + "\u201d"));
    var meta = [claim.date || "undated", claim.document];
    if (claim.hedged) { meta.push("hedged"); }
    if (claim.relayed_by.length) { meta.push("via " + claim.relayed_by.join(", ")); }
    item.appendChild(el("div", meta.join(" · "), "kg-meta"));
    return item;
  }
  function claimList(ids, withSource, withProposition) {
    var list = el("ul");
    ids.forEach(function (id) { list.appendChild(claimItem(id, withSource, withProposition)); });
    return list;
  }
  function section(body, heading, ids, withSource, withProposition) {
    body.appendChild(el("h3", heading + " (" + ids.length + ")"));
    if (ids.length) { body.appendChild(claimList(ids, withSource, withProposition)); }
  }
  var cards = {
    proposition: function (node, body) {
      body.appendChild(el("h2", node.label));
      if (node.contested.length) { body.appendChild(el("p", "Contested: " + node.contested.join(", "))); }
      var stanceOf = function (stance) {
        return node.claims.filter(function (id) { return claims[id] && claims[id].stance === stance; });
      };
      section(body, "Asserted by", stanceOf("asserts"), true, false);
      section(body, "Denied by", stanceOf("denies"), true, false);
      var against = contradictions.filter(function (c) { return c.propositions.indexOf(node.label) >= 0; });
      if (against.length) {
        body.appendChild(el("h3", "Contradictions"));
        var list = el("ul");
        against.forEach(function (c) {
          var item = el("li");
          item.appendChild(link(c.id, c.contradiction_kind + ": " + (c.explanation || c.proposition)));
          list.appendChild(item);
        });
        body.appendChild(list);
      }
    },
    source: function (node, body) {
      body.appendChild(el("h2", node.label));
      body.appendChild(el("p", node.source_kind + (node.camp ? " · " + node.camp : ""), "kg-meta"));
      section(body, "Claims", node.claims, false, true);
    },
    contradiction: function (node, body) {
      body.appendChild(el("h2", node.contradiction_kind + " contradiction"));
      var about = el("p", "On ");
      about.appendChild(link("prop:" + node.proposition, node.proposition));
      body.appendChild(about);
      if (node.explanation) { body.appendChild(el("p", node.explanation)); }
      node.sides.forEach(function (side) { section(body, "Side: " + side[0], side[1], true, false); });
      body.appendChild(el("p", "Found by the rule " + node.rule, "kg-meta"));
    },
  };
  function openCard(fill) {
    var body = $("kg-card-body");
    body.replaceChildren();
    fill(body);
    $("kg-card").hidden = false;
    $("kg-card").scrollTop = 0;
  }
  function show(nodeId) {
    var node = byId.get(nodeId);
    if (!node) { return; }
    if (!nodeSet.get(nodeId).hidden) {
      network.selectNodes([nodeId]);
      network.focus(nodeId, {scale: Math.max(network.getScale(), 0.8)});
    }
    openCard(function (body) { cards[node.kind](node, body); });
  }
  function showEdge(edgeId) {
    var edge = edgeById.get(edgeId);
    if (!edge || edge.kind !== "claim") { return; }
    openCard(function (body) {
      var head = el("h2");
      head.appendChild(link(edge.from, byId.get(edge.from).label));
      head.appendChild(document.createTextNode(" " + edge.stance + " "));
      head.appendChild(link(edge.to, byId.get(edge.to).label));
      body.appendChild(head);
      section(body, "Claims", edge.claims, false, false);
    });
  }
  network.on("click", function (event) {
    if (event.nodes.length) { show(event.nodes[0]); }
    else if (event.edges.length) { showEdge(event.edges[0]); }
    else { $("kg-card").hidden = true; }
  });
  $("kg-close").addEventListener("click", function () { $("kg-card").hidden = true; });

  // --- search ------------------------------------------------------------------------------
  var MAX_MATCHES = 12;
  function search() {
    var wanted = $("kg-search").value.trim().toLowerCase();
    var box = $("kg-matches");
    box.replaceChildren();
    box.hidden = !wanted;
    if (!wanted) { return []; }
    var found = data.nodes.filter(function (n) {
      return n.kind !== "contradiction" && n.label.toLowerCase().indexOf(wanted) >= 0;
    }).sort(byLabel);
    found.slice(0, MAX_MATCHES).forEach(function (n) {
      var hidden = nodeSet.get(n.id).hidden;
      box.appendChild(link(n.id, n.label + (hidden ? " (hidden by the filters)" : "")));
    });
    if (found.length > MAX_MATCHES) { box.appendChild(el("div", "… and " + (found.length - MAX_MATCHES) + " more", "kg-meta")); }
    if (!found.length) { box.appendChild(el("div", "nothing matches", "kg-meta")); }
    return found;
  }
  $("kg-search").addEventListener("input", search);
  $("kg-search").addEventListener("keydown", function (event) {
    if (event.key !== "Enter") { return; }
    var visible = search().map(function (n) { return n.id; }).filter(function (id) { return !nodeSet.get(id).hidden; });
    if (visible.length) { network.selectNodes(visible); network.fit({nodes: visible}); }
    if (visible.length === 1) { show(visible[0]); }
  });
})();

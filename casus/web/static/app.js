// casus explorer. Every piece of stored text is inserted with textContent / text nodes, never as HTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
const QUAD_COLOURS = {1: "#4c9f70", 2: "#1b6e3c", 3: "#e08a3c", 4: "#b8322a"};
const PAGE = 200;
const $ = (selector) => document.querySelector(selector);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "onclick") node.addEventListener("click", value);
    else if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children) node.append(child === null || child === undefined ? "" : child);
  return node;
}

function svg(tag, attrs = {}, title = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (title !== null) {
    const tooltip = document.createElementNS(SVG, "title");
    tooltip.textContent = title;
    node.append(tooltip);
  }
  return node;
}

function svgText(attrs, content) {
  const node = svg("text", attrs);
  node.textContent = content;
  return node;
}

async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v !== null && v !== undefined && v !== false));
  const response = await fetch(`/api/${path}${query.size ? "?" + query : ""}`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

const day = (value) => (value ? String(value).slice(0, 10) : "");
const who = (name, code) => (name || code ? `${name || "?"}${code ? ` [${code}]` : ""}` : "—");

function articleButton(id, label) {
  return el("button", {class: "link", "data-article": id, onclick: () => openArticle(id)}, label || id);
}

function fillRows(tbody, rows, cells) {
  tbody.replaceChildren(...rows.map((row) => el("tr", {}, ...cells(row).map((cell) => el("td", {}, cell)))));
}

// ---- events -------------------------------------------------------------------------------------
let eventOffset = 0;

function eventFilters() {
  return Object.fromEntries(new FormData($("#filters")).entries());
}

async function loadEvents(append = false) {
  eventOffset = append ? eventOffset + PAGE : 0;
  const data = await api("events", {...eventFilters(), limit: PAGE, offset: eventOffset});
  const tbody = $("#event-table tbody");
  const rows = data.events.map((e) => el("tr", {"data-quad": e.quad_class},
    el("td", {}, day(e.day)), el("td", {}, who(e.source, e.source_code)),
    el("td", {title: e.evidence || ""}, `${e.cameo} ${e.cameo_name || ""}`),
    el("td", {}, who(e.target, e.target_code)),
    el("td", {}, e.status + (e.attributed_to ? ` (by ${e.attributed_to})` : "")), el("td", {}, e.place || ""),
    el("td", {}, e.num_articles ? String(e.num_articles) : ""), el("td", {}, articleButton(e.article_id, e.title))));
  if (append) tbody.append(...rows); else tbody.replaceChildren(...rows);
  $("#event-count").textContent = `${data.total} event(s) match`;
  $("#more").hidden = eventOffset + PAGE >= data.total;
}

// ---- charts -------------------------------------------------------------------------------------
function drawSeries(target, rows) {
  const periods = [...new Set(rows.map((r) => day(r.period)))].sort();
  if (!periods.length) return target.replaceChildren(el("p", {class: "muted"}, "no events for this selection"));
  const width = 900, height = 320, left = 40, bottom = 60, top = 10;
  const totals = Object.fromEntries(periods.map((p) => [p, 0]));
  rows.forEach((r) => (totals[day(r.period)] += r.events));
  const max = Math.max(...Object.values(totals));
  const step = (width - left - 40) / periods.length;
  const y = (count) => height - bottom - (count / max) * (height - bottom - top);
  const chart = svg("svg", {viewBox: `0 0 ${width} ${height}`, role: "img", "data-testid": "series-svg"});
  chart.append(svg("line", {x1: left, x2: width - 40, y1: y(0), y2: y(0), class: "axis"}));
  chart.append(svgText({x: 4, y: y(max) + 4, class: "tick"}, String(max)));
  const base = Object.fromEntries(periods.map((p) => [p, 0]));
  const goldstein = {};
  for (const r of [...rows].sort((a, b) => a.quad_class - b.quad_class)) {
    const p = day(r.period), i = periods.indexOf(p);
    chart.append(svg("rect", {x: left + i * step + 2, width: Math.max(step - 4, 1), y: y(base[p] + r.events),
      height: y(base[p]) - y(base[p] + r.events), fill: QUAD_COLOURS[r.quad_class], class: "bar"},
      `${p}: ${r.events} ${QUAD_NAMES[r.quad_class]} event(s), mean Goldstein ${r.mean_goldstein.toFixed(1)}`));
    base[p] += r.events;
    goldstein[p] = goldstein[p] || [0, 0];
    goldstein[p][0] += r.total_goldstein, goldstein[p][1] += r.events;
  }
  const gy = (g) => top + ((10 - g) / 20) * (height - bottom - top);
  const points = periods.map((p, i) => `${left + i * step + step / 2},${gy(goldstein[p][0] / goldstein[p][1])}`);
  chart.append(svg("polyline", {points: points.join(" "), class: "goldstein"}, "mean Goldstein (−10…10)"));
  periods.forEach((p, i) => {
    if (periods.length > 24 && i % Math.ceil(periods.length / 24)) return;
    const x = left + i * step + step / 2, labelY = height - bottom + 14;
    chart.append(svgText({x, y: labelY, class: "tick", transform: `rotate(40 ${x} ${labelY})`}, p));
  });
  const legend = el("p", {class: "legend"}, ...Object.entries(QUAD_NAMES).map(([q, name]) =>
    el("span", {class: `swatch q${q}`}, name)), el("span", {class: "swatch line"}, "mean Goldstein"));
  target.replaceChildren(chart, legend);
}

async function loadSeries() {
  const form = Object.fromEntries(new FormData($("#series-form")).entries());
  drawSeries($("#series-chart"), await api("series", {...form, both: form.both ? "true" : ""}));
}

async function loadDyads() {
  fillRows($("#dyad-table tbody"), await api("dyads", {limit: 20}), (d) =>
    [d.source, d.target, String(d.events), String(d.cooperation), String(d.conflict), d.mean_goldstein.toFixed(2)]);
}

async function loadNetwork() {
  const {nodes, edges} = await api("network", {limit: 80});
  const target = $("#network-chart");
  if (!nodes.length) return target.replaceChildren(el("p", {class: "muted"}, "no dyads with coded actors yet"));
  const size = 600, pad = 60, at = (v) => pad + ((v + 1) / 2) * (size - 2 * pad);
  const where = Object.fromEntries(nodes.map((n) => [n.id, [at(n.x), at(n.y)]]));
  const maxEdge = Math.max(...edges.map((e) => e.events));
  const chart = svg("svg", {viewBox: `0 0 ${size} ${size}`, role: "img", "data-testid": "network-svg"});
  const marker = svg("marker", {id: "arrow", viewBox: "0 0 10 10", refX: 18, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto"});
  marker.append(svg("path", {d: "M0 0L10 5L0 10Z", class: "arrowhead"}));
  chart.append(svg("defs")), chart.firstChild.append(marker);
  for (const e of edges) {
    const [x1, y1] = where[e.source], [x2, y2] = where[e.target];
    chart.append(svg("line", {x1, y1, x2, y2, "stroke-width": 1 + (4 * e.events) / maxEdge, "marker-end": "url(#arrow)",
      class: e.cooperation >= e.conflict ? "edge coop" : "edge conflict"},
      `${e.source} → ${e.target}: ${e.events} event(s), ${e.cooperation} cooperative, ${e.conflict} conflictual`));
  }
  for (const n of nodes) {
    const [cx, cy] = where[n.id];
    chart.append(svg("circle", {cx, cy, r: 6 + 2 * Math.sqrt(n.events), class: "node"}, `${n.id} ${n.name || ""}: ${n.events} event(s)`));
    chart.append(svgText({x: cx, y: cy - 10 - 2 * Math.sqrt(n.events), class: "node-label"}, n.id));
  }
  target.replaceChildren(chart);
}

async function loadMap() {
  const [world, points] = await Promise.all([fetch("/static/world.json").then((r) => r.json()), api("map", {limit: 1000})]);
  const chart = svg("svg", {viewBox: "-180 -90 360 180", role: "img", "data-testid": "map-svg", class: "map"});
  for (const c of world.countries) chart.append(svg("path", {d: c.d, class: "country"}, c.name));
  const max = Math.max(1, ...points.map((p) => p.events));
  for (const p of points) {
    chart.append(svg("circle", {cx: p.lon, cy: -p.lat, r: 0.8 + 4 * Math.sqrt(p.events / max), class: "place",
      "fill-opacity": 0.55, fill: p.conflict * 2 > p.events ? "#b8322a" : "#1b6e3c"},
      `${p.place || "?"} (${p.country || "?"}): ${p.events} event(s), ${p.conflict} conflictual`));
  }
  $("#map-chart").replaceChildren(chart);
}

// ---- claims, agreements, dedup --------------------------------------------------------------------
async function loadClaims() {
  const links = await api("claims", {limit: 500});
  const threads = new Map();
  links.forEach((l) => threads.set(l.thread, [...(threads.get(l.thread) || []), l]));
  const cards = [...threads.values()].map((chain) => el("div", {class: "card", "data-testid": "claim-thread"},
    el("p", {class: "muted"}, `${day(chain[0].published)} · `, articleButton(chain[0].article_id, chain[0].title)),
    ...chain.map((l) => el("div", {class: "claim"},
      el("p", {}, el("strong", {}, who(l.to_speaker, l.to_source_code)), ` — ${l.to_cameo} ${l.to_cameo_name || ""} (${l.to_status})`),
      el("blockquote", {}, l.to_sentence),
      el("p", {}, el("strong", {}, who(l.from_speaker, l.from_source_code)), ` ${l.kind} it — ${l.from_cameo} ${l.from_cameo_name || ""}`),
      l.from_sentence !== l.to_sentence ? el("blockquote", {}, l.from_sentence) : "", l.why ? el("p", {class: "muted"}, `why linked: ${l.why}`) : ""))));
  $("#claim-list").replaceChildren(...(cards.length ? cards : [el("p", {class: "muted"}, "no claim links yet")]));
}

async function loadAgreements() {
  fillRows($("#agreement-table tbody"), await api("agreements", {limit: 1000}), (g) => [day(g.published),
    g.agreement || [day(g.agreement_date).slice(0, 4), "agreement", g.agreement_id].filter(Boolean).join(" "),
    (g.parties || []).join(", "), g.kind, g.party || "", (g.alleged_by || []).join(", "), g.text || "", articleButton(g.article_id, g.title)]);
}

async function loadCorpus() {
  const found = await api("corpus-events", {min_articles: 2, limit: 200});
  const cards = found.map((c) => el("div", {class: "card"},
    el("p", {}, el("strong", {}, `${c.corpus_event_id}: ${c.source_code || "?"} → ${c.target_code || "?"} ${c.cameo} ${c.cameo_name || ""}`),
      ` ${day(c.date_start)}…${day(c.date_end)} ${c.place || ""} · ${c.num_articles} articles, ${c.num_sources} sources, first seen ${day(c.first_seen)}`),
    el("ul", {}, ...c.members.map((m) => el("li", {}, articleButton(m.article_id, m.title), ` (${m.source || "?"}, ${day(m.published)}): ${m.why}`)))));
  $("#corpus-list").replaceChildren(...(cards.length ? cards : [el("p", {class: "muted"},
    "no event reported by several articles (run `casus analyse dedup --db FILE` after coding)")]));
}

// ---- article view -------------------------------------------------------------------------------
function highlight(container, text, spans) {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const covering = valid.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { parts.push(text.slice(a, b)); continue; }
    const kinds = [...new Set(covering.map((s) => s.kind))];
    const node = el("span", {class: ["hl", ...kinds.map((k) => `hl-${k}`)].join(" "), "data-kinds": kinds.join(" "),
      title: covering.map((s) => `${s.kind}: ${s.label || s.code || ""}`).join("\n")}, text.slice(a, b));
    const event = covering.find((s) => s.kind === "event");
    if (event) node.addEventListener("click", () => document.getElementById(`event-${event.id}`)?.scrollIntoView({behavior: "smooth"}));
    parts.push(node);
  }
  container.replaceChildren(...parts);
}

async function openArticle(id) {
  const a = await api("article", {id});
  $("#article-hint").hidden = true;
  $("#article-view").hidden = false;
  $("#article-title").textContent = a.title || a.article_id;
  $("#article-meta").replaceChildren(`${a.source || "unknown source"} · ${day(a.published) || "undated"} · ${a.article_id} `,
    a.url && /^https?:\/\//.test(a.url) ? el("a", {href: a.url, rel: "noopener noreferrer nofollow", target: "_blank"}, "original") : "");
  highlight($("#article-text"), a.text, a.spans);
  $("#article-events").replaceChildren(...a.events.map((e) => el("li", {id: `event-${e.event_id}`, "data-testid": "event-explanation"},
    el("strong", {}, `${e.event_id} ${e.cameo} ${e.cameo_name || ""}`), ` — “${e.evidence || ""}”`, el("br"), e.description)));
  $("#article-links").replaceChildren(...(a.links.length ? a.links.map((l) => el("li", {}, `${l.from_event} ${l.kind} ${l.to_event}${l.why ? ` — ${l.why}` : ""}`))
    : [el("li", {class: "muted"}, "none")]));
  showTab("article");
}

// ---- wiring -------------------------------------------------------------------------------------
const loaders = {events: loadEvents, timeline: () => Promise.all([loadSeries(), loadDyads()]), network: loadNetwork,
  map: loadMap, claims: loadClaims, agreements: loadAgreements, corpus: loadCorpus, article: async () => {}};
const loaded = new Set();

function showTab(name) {
  document.querySelectorAll("#tabs button").forEach((b) => b.classList.toggle("active", b.dataset.tab === name));
  document.querySelectorAll(".panel").forEach((p) => p.classList.toggle("active", p.id === name));
  if (!loaded.has(name)) loaded.add(name), loaders[name]().catch(report);
}

function report(error) {
  $("#summary").textContent = `error: ${error.message}`;
}

async function start() {
  const s = await api("summary");
  $("#summary").textContent = `${s.articles} article(s), ${s.events} event(s)` +
    (s.first_day ? `, ${day(s.first_day)} … ${day(s.last_day)}` : "") + (s.corpus_events !== null ? `, ${s.corpus_events} distinct event(s) after dedup` : "");
  $("#actor-codes").replaceChildren(...s.actors.map((a) => el("option", {value: a.code}, `${a.events} events`)));
  $("#filters select[name=status]").append(...s.statuses.map((status) => el("option", {value: status}, status)));
  document.querySelectorAll("#tabs button").forEach((b) => b.addEventListener("click", () => showTab(b.dataset.tab)));
  $("#filters").addEventListener("submit", (e) => (e.preventDefault(), loadEvents().catch(report)));
  $("#filters").addEventListener("reset", () => setTimeout(() => loadEvents().catch(report)));
  $("#more").addEventListener("click", () => loadEvents(true).catch(report));
  $("#series-form").addEventListener("submit", (e) => (e.preventDefault(), loadSeries().catch(report)));
  showTab("events");
}

document.addEventListener("DOMContentLoaded", () => start().catch(report));

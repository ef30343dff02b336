// The analysts' page of `duban serve`: search box, facet filters, highlighted results and a
// document view. Everything from the index is inserted as text nodes (textContent), never as
// HTML, so markup inside indexed text is shown, not run.
"use strict";

const DIMENSIONS = [
  ["province", "Province"], ["city", "City"], ["county", "County"], ["kind", "Obligation kind"],
  ["doc_kind", "Document kind"], ["year", "Year"], ["deadline", "Deadline year"],
  ["body", "Responsible body"], ["unit", "Unit"],
];
const PAGE = 20;
const state = { q: "", filters: [], sort: "relevance", offset: 0 };
const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k.startsWith("data-")) node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// The query field a facet click filters on: the facet's own exact values (`body:` is full
// text over names, so a click on a body filters on `body_name:`, whose count is the facet's).
const FACET_FIELD = { body: "body_name" };
const facetField = (dim) => FACET_FIELD[dim] || dim;

function filterClause(f) {
  return `${f.field}:"${String(f.value).replace(/"/g, "")}"`;
}

function fullQuery() {
  return [state.q.trim(), ...state.filters.map(filterClause)].filter(Boolean).join(" ");
}

function readUrl() {
  const p = new URLSearchParams(location.search);
  state.q = p.get("q") || "";
  state.sort = p.get("sort") || "relevance";
  state.offset = Math.max(0, parseInt(p.get("offset") || "0", 10) || 0);
  state.filters = p.getAll("f").map((s) => {
    const i = s.indexOf(":");
    return { field: s.slice(0, i), value: s.slice(i + 1) };
  }).filter((f) => f.field);
  return p.get("doc");
}

// The address of the current search, with `extra` (a document and the obligation opened).
function searchUrl(extra) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
  if (state.q) p.set("q", state.q);
  for (const f of state.filters) p.append("f", `${f.field}:${f.value}`);
  if (state.sort !== "relevance") p.set("sort", state.sort);
  if (state.offset) p.set("offset", String(state.offset));
  const qs = p.toString();
  return qs ? `/?${qs}` : "/";
}

// Each search the user makes is a step of the history, so Back returns to the one before.
function writeUrl(push) {
  const url = searchUrl();
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

async function api(path, params) {
  const url = `${path}?${new URLSearchParams(params).toString()}`;
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (!res.ok) throw new Error(body.error || `HTTP ${res.status}`);
  return body;
}

function showError(message) {
  const e = $("error");
  e.textContent = message || "";
  e.hidden = !message;
}

function regionText(r) {
  if (!r) return "";
  return [r.province, r.city, r.county].filter(Boolean).join(" ");
}

function snippetNode(snippet, fullLength) {
  const p = el("p", { class: "snippet" });
  if (snippet.start > 0) p.append("…");
  for (const part of snippet.parts) {
    p.append(part.highlight ? el("mark", {}, part.text) : document.createTextNode(part.text));
  }
  if (snippet.end < fullLength) p.append("…");
  return p;
}

function safeUrl(u) {
  return typeof u === "string" && /^https?:\/\//i.test(u) ? u : null;
}

// Metric chips shown before the rest fold away: a long obligation carries dozens.
const SHOWN_METRICS = 4;

// A search hit carries at most eight metrics, the matched ones first (`metrics_omitted`
// counts the rest, which the document view lists).
function facts(o, matched, omitted) {
  const dl = el("dl");
  const row = (name, items, shown) => {
    if (!items.length) return;
    const dd = el("dd");
    const limit = shown === undefined ? items.length : shown;
    for (const i of items.slice(0, limit)) dd.append(i instanceof Node ? i : el("span", { class: "tag" }, i));
    if (items.length > limit) {
      const more = el("details", { class: "more" }, el("summary", {}, `+${items.length - limit} more`));
      for (const i of items.slice(limit)) more.append(i instanceof Node ? i : el("span", { class: "tag" }, i));
      dd.append(more);
    }
    dl.append(el("dt", {}, name), dd);
  };
  row("Deadlines", o.deadlines.map((d) => `${d.text} (${d.year})`));
  // The metrics the query matched come first, marked; the others after them, folded.
  const hits = new Set(matched || []);
  const chip = (m, i) => el("span", { class: hits.has(i) ? "tag matched" : "tag" },
    `${m.indicator} ${m.op} ${m.value}${m.unit}`);
  const metrics = o.metrics.map(chip);
  const ordered = [...metrics.filter((_, i) => hits.has(i)), ...metrics.filter((_, i) => !hits.has(i))];
  row("Metrics", ordered, Math.max(hits.size, SHOWN_METRICS));
  if (omitted) dl.lastChild.append(el("span", { class: "omitted" }, ` … ${omitted} more in the document`));
  row("Bodies", o.bodies.map((b) => `${b.name} · ${b.role}`));
  row("Recurrences", (o.recurrences || []).map((r) => r.text));
  return dl;
}

// A document without a title is named as such, its file shown beside it, not in its place.
function documentName(d) {
  return d.title || "（无标题文件）";
}

function documentLinks(d, obligationId) {
  const span = el("span", { class: "source" });
  const extra = obligationId ? { doc: d.id, o: obligationId } : { doc: d.id };
  const a = el("a", { href: searchUrl(extra), class: "doc-link" }, documentName(d));
  a.addEventListener("click", (ev) => {
    if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    ev.preventDefault();
    history.pushState(null, "", a.getAttribute("href"));
    showDocument(d.id, obligationId);
  });
  span.append(a);
  if (!d.title && (d.path || d.id)) span.append(" ", el("span", { class: "path" }, d.path || d.id));
  const url = safeUrl(d.url);
  if (url) span.append(" ", el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "source ↗"));
  return span;
}

function renderHit(hit) {
  const o = hit.obligation;
  const d = hit.document;
  const li = el("li", { class: "hit", "data-id": hit.id });
  const meta = el("div", { class: "meta" });
  if (o) meta.append(el("span", { class: "tag kind" }, o.kind));
  meta.append(el("span", { class: "region" }, regionText(d.region)));
  if (d.year) meta.append(el("span", { class: "year" }, String(d.year)));
  meta.append(el("span", { class: "doc-kind" }, d.kind));
  if (o && o.label) meta.append(el("span", { class: "label" }, o.label));
  li.append(meta);
  // An obligation's text may be a window of the whole (`text_chars` long).
  li.append(snippetNode(hit.snippet, o ? hit.text_chars : hit.snippet.end));
  if (o) li.append(facts(o, hit.matched_metrics, hit.metrics_omitted));
  li.append(documentLinks(d, o ? hit.id : null));
  return li;
}

function renderFacets(facets) {
  const aside = $("facets");
  aside.replaceChildren();
  for (const [dim, label] of DIMENSIONS) {
    const values = (facets[dim] || []).filter(
      (v) => !state.filters.some((f) => f.field === facetField(dim) && f.value === v.value));
    if (!values.length) continue;
    const ul = el("ul", { "data-dimension": dim });
    for (const v of values) {
      const b = el("button", { type: "button", class: "facet", "data-field": dim, "data-value": v.value },
        el("span", { class: "value" }, v.value), el("span", { class: "count" }, String(v.count)));
      b.addEventListener("click", () => {
        state.filters.push({ field: facetField(dim), value: v.value });
        state.offset = 0;
        run(true);
      });
      ul.append(el("li", {}, b));
    }
    aside.append(el("h3", {}, label), ul);
  }
}

function renderFilters() {
  const box = $("filters");
  box.replaceChildren();
  state.filters.forEach((f, i) => {
    const b = el("button", { type: "button", class: "filter", "data-field": f.field, "data-value": f.value,
      title: "Remove this filter" }, `${f.field}: ${f.value} ✕`);
    b.addEventListener("click", () => {
      state.filters.splice(i, 1);
      state.offset = 0;
      run(true);
    });
    box.append(b);
  });
}

// The page numbers the pager offers: the first, the last, and two either side of the current.
function pageNumbers(current, last) {
  const pages = [];
  for (let n = 1; n <= last; n++) {
    if (n === 1 || n === last || Math.abs(n - current) <= 2) pages.push(n);
    else if (pages[pages.length - 1] !== "…") pages.push("…");
  }
  return pages;
}

function renderPager(total) {
  const last = Math.max(1, Math.ceil(total / PAGE));
  const current = Math.floor(state.offset / PAGE) + 1;
  const box = $("pages");
  box.replaceChildren();
  if (last > 1) {
    for (const n of pageNumbers(current, last)) {
      if (n === "…") { box.append(el("span", { class: "gap" }, "…")); continue; }
      const b = el("button", { type: "button", class: "page", "data-page": String(n) }, String(n));
      if (n === current) { b.disabled = true; b.setAttribute("aria-current", "page"); }
      b.addEventListener("click", () => { state.offset = (n - 1) * PAGE; run(true); });
      box.append(b);
    }
  }
  $("prev").disabled = state.offset === 0;
  $("next").disabled = current >= last;
}

async function run(push) {
  writeUrl(push);
  renderFilters();
  $("document").hidden = true;
  $("results").hidden = false;
  $("pager").hidden = false;
  showError("");
  try {
    const r = await api("/api/search", { q: fullQuery(), limit: PAGE, offset: state.offset, sort: state.sort });
    $("summary").textContent = r.total === 0 ? "No obligations match."
      : `${r.total} obligations · ${r.offset + 1}–${r.offset + r.hits.length}`;
    if (r.total > 0) {
      // Every matched metric of the query by indicator, region and year, to compare cities.
      const table = "/api/table?" + new URLSearchParams({ q: fullQuery(), format: "csv" });
      $("summary").append(" · ", el("a", { href: table, id: "table-csv", download: "duban-table.csv" },
        "comparison table (CSV)"));
    }
    if (r.suggestion) {
      const a = el("a", { href: "#", class: "suggestion" }, r.suggestion);
      a.addEventListener("click", (ev) => {
        ev.preventDefault();
        // The suggestion is of the whole query sent, filters included.
        state.q = r.suggestion;
        state.filters = [];
        state.offset = 0;
        $("q").value = state.q;
        run(true);
      });
      $("summary").append(" Did you mean ", a, "?");
    }
    $("results").replaceChildren(...r.hits.map(renderHit));
    renderFacets(r.facets);
    renderPager(r.total);
    document.body.dataset.state = "ready";
  } catch (e) {
    $("results").replaceChildren();
    $("summary").textContent = "";
    showError(e.message);
    document.body.dataset.state = "error";
  }
}

// The document view keeps the search: a link back to it, and the obligation opened from a
// result is marked and scrolled to.
async function showDocument(id, obligationId) {
  $("results").hidden = true;
  $("pager").hidden = true;
  $("summary").textContent = "";
  const art = $("document");
  art.hidden = false;
  art.replaceChildren();
  try {
    const r = await api("/api/document", { id });
    const d = r.document;
    const back = el("a", { href: searchUrl(), class: "back" }, state.q || state.filters.length
      ? `← Results for ${fullQuery()}` : "← All obligations");
    back.addEventListener("click", (ev) => {
      if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
      ev.preventDefault();
      run(true);
    });
    art.append(el("p", {}, back));
    art.append(el("h2", {}, documentName(d)));
    const meta = el("p", { class: "meta" }, [regionText(d.region), d.year, d.kind, d.doc_number].filter(Boolean).join(" · "));
    art.append(meta);
    const url = safeUrl(d.source && d.source.url);
    if (url) art.append(el("p", {}, el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, url)));
    else if (d.source && d.source.path) art.append(el("p", {}, `File: ${d.source.path}`));
    art.append(el("h3", {}, `${r.obligations.length} obligations`));
    const ol = el("ol", { id: "doc-obligations" });
    for (const o of r.obligations) {
      const li = el("li", { class: "hit", "data-id": o.id });
      li.append(el("div", { class: "meta" }, el("span", { class: "tag" }, o.kind), o.label, " ", o.path.join(" › ")));
      li.append(el("p", {}, o.text), facts(o));
      ol.append(li);
    }
    art.append(ol, el("h3", {}, "Text"), el("pre", {}, d.text));
    const opened = obligationId && [...ol.children].find((li) => li.dataset.id === obligationId);
    if (opened) {
      opened.classList.add("opened");
      opened.setAttribute("aria-current", "true");
      opened.scrollIntoView({ block: "center" });
    }
    document.body.dataset.state = "ready";
  } catch (e) {
    showError(e.message);
    document.body.dataset.state = "error";
  }
}

// Shows what the address says: a document, or a search (Back and Forward land here).
function showUrl() {
  const doc = readUrl();
  $("q").value = state.q;
  $("sort").value = state.sort;
  if (doc) showDocument(doc, new URLSearchParams(location.search).get("o"));
  else run(false);
}

document.addEventListener("DOMContentLoaded", () => {
  // On a narrow screen the filters start folded, so the first result is in view.
  $("facet-box").open = !window.matchMedia("(max-width: 50rem)").matches;
  window.addEventListener("popstate", showUrl);
  $("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    state.q = $("q").value;
    state.sort = $("sort").value;
    state.offset = 0;
    run(true);
  });
  $("sort").addEventListener("change", () => {
    state.sort = $("sort").value;
    state.offset = 0;
    run(true);
  });
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); run(true); });
  $("next").addEventListener("click", () => { state.offset += PAGE; run(true); });
  showUrl();
});

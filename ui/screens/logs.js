// Logs and errors: the live log (batches from the Rust side), filters, search with highlighted
// matches, pause, save to a file; Heroku's error codes explained with a button where the app
// can act; tracebacks as one error; and the Errors view grouped by kind.

import { call, callWithProgress } from "../api.js";
import { h, clear, errorBox } from "../dom.js";
import { errorsPanel } from "./logs/errors.js";
import { papertrailPanel } from "./logs/papertrail.js";
import { sentryPanel } from "./logs/sentry.js";
import { t, tNodes } from "../i18n.js";
import { number, time, dateTime } from "../format.js";

const SOURCES = [
  ["", t("logs-source-everything")],
  ["app", t("logs-source-app")],
  ["router", t("logs-source-router")],
  ["platform", t("logs-source-platform")],
  ["api", t("logs-source-api")],
];
const SOURCE_LABEL = { app: t("logs-tag-app"), router: t("logs-tag-router"), platform: t("logs-tag-platform"), api: t("logs-tag-api"), other: t("logs-tag-other") };
// Lines the list holds (all of them are kept on the Rust side, where search, Pause and Save
// look); only the rows in view, and a little around them, are in the page (a virtual list).
const MAX_SHOWN = 1000;
// Two draws a second: a person reads a streaming log no faster, and each draw lays out and
// paints the visible rows (scripts/bench.sh window: 10.3% of a core at 100 lines/s drawing
// every 400 ms).
const DRAW_EVERY_MS = 500;
// Rows drawn beyond the visible part, so a short scroll shows rows at once.
const OVERSCAN_PX = 300;
// ...and above the view at the end of the list, where following the newest line each draw
// replaces most rows: a scroll up draws the rows it reaches in its own frame, before that is
// painted, so only a few are kept ready (fewer rows made: scripts/bench.sh window).
const AT_END_OVERSCAN_PX = 60;
// A row's height before it has been drawn (one line of the log's font); drawn rows are measured.
const GUESS_PX = 21;

// The researcher's local time; the date too when it is not today (Papertrail goes back days).
function stamp(ms) {
  const clock = { hour: "2-digit", minute: "2-digit", second: "2-digit" };
  return new Date(ms).toDateString() === new Date().toDateString()
    ? time(ms, clock)
    : dateTime(ms, { month: "short", day: "numeric", ...clock });
}

export function render(el, { session }) {
  const filter = { sources: [], dyno: null, errors_only: false, text: "" };
  let paused = false;
  let waiting = 0;
  let searchTimer = null;
  // The virtual list: `shown` holds the entries (oldest first), the page holds the rows in view
  // between two spacers whose heights stand for the rows above and below.
  let shown = [];
  const heights = new Map();
  // Where each code is explained (see append); what a button did for a code stays said, and
  // an opened traceback stays open, when a row is drawn again.
  const explainedAt = new Map();
  const actionsDone = new Map();
  const opened = new Set();

  const state = h("span", { id: "log-state", class: "chip warn" }, t("logs-state-connecting"));
  const search = h("input", { type: "search", id: "log-search", placeholder: t("logs-search"), "aria-label": t("logs-search") });
  const source = h("select", { id: "log-source", "aria-label": t("logs-source-label") }, SOURCES.map(([value, label]) => h("option", { value }, label)));
  const dyno = h("select", { id: "log-dyno", "aria-label": t("logs-dyno-label") }, h("option", { value: "" }, t("logs-dyno-all")));
  const errorsOnly = h("input", { type: "checkbox", id: "log-errors-only" });
  const pause = h("button", { type: "button", id: "log-pause", onclick: togglePause }, t("logs-pause"));
  const save = h("button", { type: "button", id: "log-save", onclick: saveShown }, t("logs-save"));
  const count = h("span", { id: "log-count", class: "muted small" });
  // Reachable by keyboard to scroll it; never read out line by line (aria-live off).
  const lines = h("div", { id: "log-lines", class: "log-lines", role: "log", "aria-live": "off", "aria-label": t("logs-lines-label"), tabindex: "0" });
  const above = h("div", { class: "log-spacer", "aria-hidden": "true" });
  const rowsBox = h("div", { class: "log-window" });
  const below = h("div", { class: "log-spacer", "aria-hidden": "true" });
  lines.append(above, rowsBox, below);
  let drawScheduled = false;
  lines.addEventListener("scroll", () => {
    if (drawScheduled) return;
    drawScheduled = true;
    requestAnimationFrame(() => { drawScheduled = false; draw(false); });
  });
  const note = h("div", { id: "log-note", role: "status", "aria-live": "polite" });
  const liveTab = h("button", { type: "button", role: "tab", id: "tab-live", "aria-selected": "true", onclick: () => showTab("live") }, t("logs-tab-live"));
  const errorsTab = h("button", { type: "button", role: "tab", id: "tab-errors", "aria-selected": "false", onclick: () => showTab("errors") }, t("logs-tab-errors"));
  const livePanel = h("section", { class: "card", id: "live-panel" },
    h("div", { class: "log-tools" },
      search, source, dyno,
      h("label", { class: "inline" }, errorsOnly, " ", t("logs-errors-only")),
      pause, save, count),
    note, lines);
  const errors = errorsPanel();

  const ptTab = h("button", { type: "button", role: "tab", id: "tab-papertrail", "aria-selected": "false", hidden: true, onclick: () => showTab("papertrail") }, t("logs-tab-papertrail"));
  const sentryTab = h("button", { type: "button", role: "tab", id: "tab-sentry", "aria-selected": "false", hidden: true, onclick: () => showTab("sentry") }, t("logs-tab-sentry"));
  // Papertrail's lines are shown as the live log's rows, with its own search marked.
  const ptPanel = papertrailPanel((e, text) => {
    const saved = filter.text;
    filter.text = text;
    try { return row(e); } finally { filter.text = saved; }
  });
  const sentry = sentryPanel();
  const panels = { live: [liveTab, livePanel], errors: [errorsTab, errors.el], papertrail: [ptTab, ptPanel.el], sentry: [sentryTab, sentry.el] };

  el.append(
    h("div", { class: "screen-head" }, h("h1", {}, t("logs-title")), state),
    h("div", { class: "tabs", role: "tablist" }, liveTab, errorsTab, ptTab, sentryTab),
    livePanel, errors.el, ptPanel.el, sentry.el);
  call("addon_apis").then((found) => {
    ptTab.hidden = !found.papertrail;
    sentry.info = found.sentry;
    sentryTab.hidden = !sentry.info;
  }, () => {});

  search.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => { filter.text = search.value.trim(); refresh(); }, 150);
  });
  source.addEventListener("change", () => { filter.sources = source.value ? [source.value] : []; refresh(); });
  dyno.addEventListener("change", () => { filter.dyno = dyno.value || null; refresh(); });
  errorsOnly.addEventListener("change", () => { filter.errors_only = errorsOnly.checked; refresh(); });

  const follow = (event) => {
    if (event.kind === "lines") {
      if (paused) {
        waiting += event.entries.length;
        pause.textContent = t("logs-resume-new", { count: waiting });
        return;
      }
      queue(event.entries.filter(matches));
    } else if (event.kind === "live") {
      state.className = "chip good";
      state.textContent = event.reconnects ? t("logs-state-live-reconnected", { count: event.reconnects }) : t("logs-state-live");
      if (!shown.length) refresh();
    } else if (event.kind === "reconnecting") {
      state.className = "chip warn";
      state.textContent = t("logs-state-reconnecting", { seconds: Math.ceil(event.wait_ms / 1000) });
      clear(note).append(h("p", { class: "muted small" }, event.why));
    } else if (event.kind === "stopped") {
      state.className = "chip";
      state.textContent = t("logs-state-stopped");
    }
  };
  callWithProgress("start_logs", {}, follow).done.catch((err) => clear(note).append(errorBox(err)));

  // Mirrors the Rust side's Filter.matches for lines arriving live.
  function matches(e) {
    if (filter.sources.length && !filter.sources.includes(e.source)) return false;
    if (filter.dyno) {
      const hit = (d) => d === filter.dyno || (d || "").split(".")[0] === filter.dyno;
      if (!hit(e.dyno) && !(e.request && hit(e.request.dyno))) return false;
    }
    if (filter.errors_only && e.level === "info") return false;
    return !filter.text || e.raw.toLowerCase().includes(filter.text.toLowerCase());
  }

  async function refresh() {
    try {
      // Lines queued under the old filter are not drawn under the new one.
      pending = [];
      const view = await call("query_logs", { filter });
      shown = [];
      explainedAt.clear();
      clear(rowsBox);
      append(view.entries, false);
      count.textContent = t("logs-count", { matching: view.matching, kept: view.kept });
      const chosen = dyno.value;
      const types = [...new Set(view.dynos.map((d) => d.split(".")[0]))];
      clear(dyno).append(h("option", { value: "" }, t("logs-dyno-all")),
        ...types.map((type) => h("option", { value: type }, t("logs-dyno-all-of-type", { type }))),
        ...view.dynos.map((d) => h("option", { value: d }, d)));
      dyno.value = chosen;
      lines.scrollTop = lines.scrollHeight;
    } catch (err) {
      clear(note).append(errorBox(err, refresh));
    }
  }

  // Live lines are drawn at most every DRAW_EVERY_MS, in one animation frame, so a fast log
  // cannot keep the page from painting (ten draws a second took most of a core:
  // scripts/bench.sh, window).
  let pending = [];
  let scheduled = false;
  function queue(entries) {
    pending.push(...entries);
    // More than the list holds: the newest; all stay kept on the Rust side for search and pause.
    if (pending.length > MAX_SHOWN) pending = pending.slice(-MAX_SHOWN);
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => requestAnimationFrame(() => {
      scheduled = false;
      const batch = pending;
      pending = [];
      append(batch, true);
    }), DRAW_EVERY_MS);
  }

  function append(entries, live) {
    // A line that arrived while the query ran may be in its answer too: each line once.
    const newest = shown.length ? shown[shown.length - 1].seq : -1;
    entries = entries.filter((e) => e.seq > newest);
    if (!entries.length) return;
    const atBottom = lines.scrollTop + lines.clientHeight >= lines.scrollHeight - 40;
    // A code is explained once, at a line the researcher can see: it stays on its row while
    // that row is drawn (its button never jumps away under the pointer), and moves to the
    // newest line of the code once the row has scrolled out of the drawn part.
    for (const e of entries) {
      const code = e.explanation && e.explanation.code;
      if (!code) continue;
      const before = explainedAt.get(code);
      if (before === undefined || !rowsBox.querySelector(`[data-seq="${before}"]`)) explainedAt.set(code, e.seq);
    }
    shown = shown.concat(entries);
    if (shown.length > MAX_SHOWN) {
      for (const e of shown.slice(0, shown.length - MAX_SHOWN)) heights.delete(e.seq);
      shown = shown.slice(-MAX_SHOWN);
    }
    lines.dataset.shown = String(shown.length);
    draw(!live || atBottom);
  }

  const heightOf = (e) => heights.get(e.seq) ?? GUESS_PX;

  // Puts the rows in view (and OVERSCAN_PX around) between the spacers, keeping the rows that
  // are already there (a focused button stays focused), and measures the new ones. Following
  // the newest line, it scrolls to the end and draws again if the measured heights moved it.
  function draw(follow) {
    for (let pass = 0; pass < 2; pass++) {
      if (follow) lines.scrollTop = lines.scrollHeight;
      const atEnd = lines.scrollTop + lines.clientHeight >= lines.scrollHeight - 40;
      const viewTop = lines.scrollTop - (atEnd ? AT_END_OVERSCAN_PX : OVERSCAN_PX);
      const viewBottom = lines.scrollTop + lines.clientHeight + OVERSCAN_PX;
      let y = 0;
      let i = 0;
      while (i < shown.length && y + heightOf(shown[i]) < viewTop) y += heightOf(shown[i++]);
      const start = i;
      const top = y;
      while (i < shown.length && (y < viewBottom || follow && i >= shown.length - 3)) y += heightOf(shown[i++]);
      const want = shown.slice(start, i);
      // A code's explanation stays in the drawn part while lines of the code are in it: when
      // its row has left (scrolled past the overscan), the newest drawn line of the code takes
      // it, drawn again to show it. Out of view, so nothing moves under the pointer.
      for (const [code, seq] of explainedAt) {
        if (want.some((e) => e.seq === seq)) continue;
        const newest = want.findLast((e) => e.explanation?.code === code);
        if (!newest) continue;
        explainedAt.set(code, newest.seq);
        rowsBox.querySelector(`[data-seq="${newest.seq}"]`)?.remove();
        heights.delete(newest.seq);
      }
      let rest = 0;
      for (; i < shown.length; i++) rest += heightOf(shown[i]);
      const wanted = new Set(want.map((e) => e.seq));
      for (const child of [...rowsBox.children]) if (!wanted.has(Number(child.dataset.seq))) child.remove();
      const added = [];
      let cursor = rowsBox.firstElementChild;
      for (const e of want) {
        if (cursor && Number(cursor.dataset.seq) === e.seq) { cursor = cursor.nextElementSibling; continue; }
        const el = row(e);
        rowsBox.insertBefore(el, cursor);
        added.push([e.seq, el]);
      }
      above.style.height = `${top}px`;
      below.style.height = `${rest}px`;
      let moved = false;
      for (const [seq, el] of added) {
        const height = el.offsetHeight;
        if (height !== (heights.get(seq) ?? GUESS_PX)) moved = true;
        heights.set(seq, height);
      }
      if (!follow || !moved) break;
    }
  }

  function row(e) {
    const head = [
      h("time", { class: "log-time" }, e.time_ms ? stamp(e.time_ms) : ""),
      h("span", { class: `log-src src-${e.source}` }, SOURCE_LABEL[e.source] || e.source),
      e.dyno && e.source !== "router" ? h("span", { class: "log-dyno" }, e.dyno) : null,
    ];
    const cls = `log-row level-${e.level}`;
    if (e.traceback) {
      const tb = e.traceback;
      const details = h("details", { class: `${cls} traceback`, "data-seq": e.seq, open: opened.has(e.seq) },
        h("summary", {}, head, h("strong", {}, marked(tb.complete ? `${tb.exception}: ${tb.detail}` : t("logs-traceback-incomplete"))),
          tb.location ? h("span", { class: "muted" }, " ", t("logs-traceback-location", { location: tb.location })) : null),
        h("pre", {}, marked(e.raw)));
      details.addEventListener("toggle", () => {
        if (details.open) opened.add(e.seq); else opened.delete(e.seq);
        heights.delete(e.seq);
      });
      return details;
    }
    const text = e.request
      ? [h("span", { class: "req" }, `${e.request.method} `), marked(e.request.path),
         e.request.status ? h("span", { class: `status s${String(e.request.status)[0]}xx` }, ` → ${e.request.status}`) : null,
         e.request.time_ms !== null && e.request.time_ms !== undefined && !e.code ? [" ", t("logs-request-time", { ms: number(e.request.time_ms) })] : null,
         e.code && e.explanation ? [" ", h("span", { class: "chip bad" }, `${e.code} ${e.explanation.title}`)] : null]
      : marked(e.message);
    // Each code is explained in full once (see append); the other lines carry its name.
    const x = e.explanation;
    const first = x && explainedAt.get(x.code) === e.seq;
    return h("div", { class: cls, "data-seq": e.seq, "data-code": e.code || null, title: e.request ? e.raw : null },
      h("div", { class: "log-line" }, head, h("span", { class: "log-msg" }, text),
        x && !first && !e.request ? [" ", h("span", { class: "chip bad", title: x.plain }, `${x.code} ${x.title}`)] : null),
      first ? explanation(x) : null);
  }

  // The search term highlighted (text nodes only: nothing from the log becomes markup).
  function marked(text) {
    const needle = filter.text.toLowerCase();
    if (!needle) return text;
    const out = [];
    const lower = text.toLowerCase();
    let at = 0;
    for (let i = lower.indexOf(needle); i !== -1; i = lower.indexOf(needle, at)) {
      out.push(text.slice(at, i), h("mark", {}, text.slice(i, i + needle.length)));
      at = i + needle.length;
    }
    out.push(text.slice(at));
    return out;
  }

  function explanation(x) {
    const box = h("div", { class: "explain" },
      h("strong", {}, `${x.code} ${x.title}: `), x.plain);
    const act = actionButton(x.action, box, x.code);
    if (act) box.append(" ", act);
    if (actionsDone.has(x.code)) box.append(h("span", { class: "ok small action-done" }, " ", actionsDone.get(x.code)));
    return box;
  }

  function actionButton(action, box, code) {
    const run = (label, command, done) => h("button", { type: "button", class: "small action", "data-action": action, onclick: async (ev) => {
      ev.target.disabled = true;
      try {
        await call(command);
        actionsDone.set(code, done);
        heights.delete(explainedAt.get(code));
        // While the command ran, the explanation may have moved to a newer line of the code
        // (its first row scrolled out): say it where it is now too.
        for (const shownBox of new Set([box, ...rowsBox.querySelectorAll(`[data-code="${code}"] .explain`)])) {
          if (!shownBox.querySelector(".action-done")) shownBox.append(h("span", { class: "ok small action-done" }, " ", done));
        }
      } catch (err) {
        box.append(errorBox(err));
        ev.target.disabled = false;
      }
    } }, label);
    switch (action) {
      case "start_web_dyno": return run(t("logs-action-start-web"), "start_web_dyno", t("logs-action-start-web-done"));
      case "restart": return run(t("logs-action-restart"), "restart_dynos", t("logs-action-restart-done"));
      case "end_maintenance": return run(t("logs-action-end-maintenance"), "end_maintenance", t("logs-action-end-maintenance-done"));
      case "show_memory": return h("button", { type: "button", class: "small action", "data-action": action, onclick: () => { location.hash = "#metrics"; } }, t("logs-action-show-memory"));
      case "show_crash": return h("button", { type: "button", class: "small action", "data-action": action, onclick: () => showTab("errors") }, t("logs-action-show-crash"));
      default: return null;
    }
  }

  function togglePause() {
    paused = !paused;
    if (paused) {
      pause.textContent = t("logs-resume");
      waiting = 0;
    } else {
      pause.textContent = t("logs-pause");
      refresh();
    }
  }

  async function saveShown() {
    try {
      const saved = await call("save_logs", { filter });
      clear(note).append(h("p", { class: "ok" }, tNodes("logs-saved", { count: saved.lines }, { path: h("strong", { id: "log-saved" }, saved.path) })));
    } catch (err) {
      clear(note).append(errorBox(err));
    }
  }

  async function showTab(which) {
    for (const [name, [tab, panel]] of Object.entries(panels)) {
      tab.setAttribute("aria-selected", String(name === which));
      panel.hidden = name !== which;
    }
    if (which === "sentry") return sentry.draw();
    if (which === "papertrail") return ptPanel.focus();
    if (which !== "errors") return;
    await errors.draw(errorsTab);
  }

  // Leaving the screen stops following the log.
  return () => { call("stop_logs").catch(() => {}); };
}

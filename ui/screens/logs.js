// Logs and errors: the live log (batches from the Rust side), filters, search with highlighted
// matches, pause, save to a file; Heroku's error codes explained with a button where the app
// can act; tracebacks as one error; and the Errors view grouped by kind.

import { call, callWithProgress } from "../api.js";
import { h, clear, append as appendAll, errorBox } from "../dom.js";

const SOURCES = [
  ["", "Everything"],
  ["app", "Your app (oTree)"],
  ["router", "Heroku's router (requests)"],
  ["platform", "Heroku's platform (dynos, memory)"],
  ["api", "Releases and settings"],
];
const SOURCE_LABEL = { app: "app", router: "router", platform: "heroku", api: "releases", other: "other" };
const MAX_SHOWN = 1000;
const PER_FRAME = 250;

// The researcher's local time; the date too when it is not today (Papertrail goes back days).
function stamp(ms) {
  const d = new Date(ms);
  const clock = { hour: "2-digit", minute: "2-digit", second: "2-digit" };
  return d.toDateString() === new Date().toDateString()
    ? d.toLocaleTimeString([], clock)
    : d.toLocaleString([], { month: "short", day: "numeric", ...clock });
}

export function render(el, { session }) {
  const filter = { sources: [], dyno: null, errors_only: false, text: "" };
  let paused = false;
  let waiting = 0;
  let searchTimer = null;
  const explained = new Set();

  const state = h("span", { id: "log-state", class: "chip warn" }, "Connecting…");
  const search = h("input", { type: "search", id: "log-search", placeholder: "Search the log", "aria-label": "Search the log" });
  const source = h("select", { id: "log-source", "aria-label": "Which lines" }, SOURCES.map(([v, t]) => h("option", { value: v }, t)));
  const dyno = h("select", { id: "log-dyno", "aria-label": "Which dyno" }, h("option", { value: "" }, "All dynos"));
  const errorsOnly = h("input", { type: "checkbox", id: "log-errors-only" });
  const pause = h("button", { type: "button", id: "log-pause", onclick: togglePause }, "Pause");
  const save = h("button", { type: "button", id: "log-save", onclick: saveShown }, "Save to a file");
  const count = h("span", { id: "log-count", class: "muted small" });
  const lines = h("div", { id: "log-lines", class: "log-lines", role: "log", "aria-live": "off" });
  const note = h("div", { id: "log-note", role: "status", "aria-live": "polite" });
  const errorsBox = h("div", { id: "error-groups" });
  const liveTab = h("button", { type: "button", role: "tab", id: "tab-live", "aria-selected": "true", onclick: () => showTab("live") }, "Live log");
  const errorsTab = h("button", { type: "button", role: "tab", id: "tab-errors", "aria-selected": "false", onclick: () => showTab("errors") }, "Errors");
  const livePanel = h("section", { class: "card", id: "live-panel" },
    h("div", { class: "log-tools" },
      search, source, dyno,
      h("label", { class: "inline" }, errorsOnly, " Errors only"),
      pause, save, count),
    note, lines);
  const errorsPanel = h("section", { class: "card", id: "errors-panel", hidden: true },
    h("p", { class: "muted" }, "Errors found in the log since this screen opened (and in the lines Heroku still had), grouped by kind. Sentry, when connected, gives the same from inside the study."),
    errorsBox);

  const ptTab = h("button", { type: "button", role: "tab", id: "tab-papertrail", "aria-selected": "false", hidden: true, onclick: () => showTab("papertrail") }, "Papertrail");
  const sentryTab = h("button", { type: "button", role: "tab", id: "tab-sentry", "aria-selected": "false", hidden: true, onclick: () => showTab("sentry") }, "Sentry");
  const ptPanel = papertrailPanel();
  const sentryBox = h("div", { id: "sentry-box" });
  const sentryPanel = h("section", { class: "card", id: "sentry-panel", hidden: true }, sentryBox);
  const panels = { live: [liveTab, livePanel], errors: [errorsTab, errorsPanel], papertrail: [ptTab, ptPanel.el], sentry: [sentryTab, sentryPanel] };

  el.append(
    h("div", { class: "screen-head" }, h("h1", {}, "Logs and errors"), state),
    h("div", { class: "tabs", role: "tablist" }, liveTab, errorsTab, ptTab, sentryTab),
    livePanel, errorsPanel, ptPanel.el, sentryPanel);
  let sentryInfo = null;
  call("addon_apis").then((found) => {
    ptTab.hidden = !found.papertrail;
    sentryInfo = found.sentry;
    sentryTab.hidden = !sentryInfo;
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
        pause.textContent = `Resume (${waiting.toLocaleString()} new)`;
        return;
      }
      queue(event.entries.filter(matches));
    } else if (event.kind === "live") {
      state.className = "chip good";
      state.textContent = event.reconnects ? `Live (reconnected ${event.reconnects}×)` : "Live";
      if (!lines.childElementCount) refresh();
    } else if (event.kind === "reconnecting") {
      state.className = "chip warn";
      state.textContent = `Reconnecting in ${Math.ceil(event.wait_ms / 1000)} s`;
      clear(note).append(h("p", { class: "muted small" }, event.why));
    } else if (event.kind === "stopped") {
      state.className = "chip";
      state.textContent = "Stopped";
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
      const view = await call("query_logs", { filter });
      clear(lines);
      explained.clear();
      append(view.entries, false);
      count.textContent = `${view.matching.toLocaleString()} of ${view.kept.toLocaleString()} kept lines match`;
      const chosen = dyno.value;
      const types = [...new Set(view.dynos.map((d) => d.split(".")[0]))];
      clear(dyno).append(h("option", { value: "" }, "All dynos"),
        ...types.map((t) => h("option", { value: t }, `All ${t} dynos`)),
        ...view.dynos.map((d) => h("option", { value: d }, d)));
      dyno.value = chosen;
      lines.scrollTop = lines.scrollHeight;
    } catch (err) {
      clear(note).append(errorBox(err, refresh));
    }
  }

  // Live lines are drawn at most once per frame, and never more than fit, so a fast log
  // cannot keep the page from painting.
  let pending = [];
  let scheduled = false;
  function queue(entries) {
    pending.push(...entries);
    // More than a frame can draw: the newest are drawn; all stay kept for search and pause.
    if (pending.length > PER_FRAME) pending = pending.slice(-PER_FRAME);
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      const batch = pending;
      pending = [];
      append(batch, true);
    });
  }

  function append(entries, live) {
    if (!entries.length) return;
    const atBottom = lines.scrollTop + lines.clientHeight >= lines.scrollHeight - 40;
    const fragment = document.createDocumentFragment();
    for (const e of entries) fragment.append(row(e));
    if (entries.length >= MAX_SHOWN) clear(lines);
    lines.append(fragment);
    while (lines.childElementCount > MAX_SHOWN) lines.firstElementChild.remove();
    if (!live || atBottom) lines.scrollTop = lines.scrollHeight;
  }

  function row(e) {
    const time = e.time_ms ? stamp(e.time_ms) : "";
    const head = [
      h("time", { class: "log-time" }, time),
      h("span", { class: `log-src src-${e.source}` }, SOURCE_LABEL[e.source] || e.source),
      e.dyno && e.source !== "router" ? h("span", { class: "log-dyno" }, e.dyno) : null,
    ];
    const cls = `log-row level-${e.level}`;
    if (e.traceback) {
      const t = e.traceback;
      return h("details", { class: `${cls} traceback`, "data-seq": e.seq },
        h("summary", {}, head, h("strong", {}, marked(t.complete ? `${t.exception}: ${t.detail}` : "An error (its last line did not arrive)")),
          t.location ? h("span", { class: "muted" }, ` in ${t.location}`) : null),
        h("pre", {}, marked(e.raw)));
    }
    const text = e.request
      ? [h("span", { class: "req" }, `${e.request.method} `), marked(e.request.path),
         e.request.status ? h("span", { class: `status s${String(e.request.status)[0]}xx` }, ` → ${e.request.status}`) : null,
         e.request.time_ms !== null && e.request.time_ms !== undefined && !e.code ? ` in ${e.request.time_ms} ms` : null,
         e.code && e.explanation ? [" ", h("span", { class: "chip bad" }, `${e.code} ${e.explanation.title}`)] : null]
      : marked(e.message);
    // Each code is explained in full once on screen; later lines carry its name only.
    const x = e.explanation;
    const first = x && !explained.has(x.code);
    if (first) explained.add(x.code);
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
    const act = actionButton(x.action, box);
    if (act) box.append(" ", act);
    return box;
  }

  function actionButton(action, box) {
    const run = (label, command, done) => h("button", { type: "button", class: "small action", "data-action": action, onclick: async (ev) => {
      ev.target.disabled = true;
      try {
        await call(command);
        box.append(h("span", { class: "ok small" }, ` ${done}`));
      } catch (err) {
        box.append(errorBox(err));
        ev.target.disabled = false;
      }
    } }, label);
    switch (action) {
      case "start_web_dyno": return run("Start a web dyno", "start_web_dyno", "A web dyno is starting; participants can come in within a minute.");
      case "restart": return run("Restart the app", "restart_dynos", "Restarting; it takes about a minute.");
      case "end_maintenance": return run("End maintenance mode", "end_maintenance", "Maintenance mode is off.");
      case "show_memory": return h("button", { type: "button", class: "small action", "data-action": action, onclick: () => { location.hash = "#metrics"; } }, "See memory on Metrics");
      case "show_crash": return h("button", { type: "button", class: "small action", "data-action": action, onclick: () => showTab("errors") }, "Show what crashed it");
      default: return null;
    }
  }

  function togglePause() {
    paused = !paused;
    if (paused) {
      pause.textContent = "Resume";
      waiting = 0;
    } else {
      pause.textContent = "Pause";
      refresh();
    }
  }

  async function saveShown() {
    try {
      const saved = await call("save_logs", { filter });
      clear(note).append(h("p", { class: "ok" }, `Saved ${saved.lines.toLocaleString()} lines in `, h("strong", { id: "log-saved" }, saved.path)));
    } catch (err) {
      clear(note).append(errorBox(err));
    }
  }

  async function showTab(which) {
    for (const [name, [tab, panel]] of Object.entries(panels)) {
      tab.setAttribute("aria-selected", String(name === which));
      panel.hidden = name !== which;
    }
    if (which === "sentry") return drawSentry();
    if (which === "papertrail") return ptPanel.focus();
    if (which !== "errors") return;
    try {
      const groups = await call("log_errors");
      clear(errorsBox);
      errorsTab.textContent = `Errors (${groups.length})`;
      if (!groups.length) {
        errorsBox.append(h("p", {}, "No errors in the log. Good."));
        return;
      }
      const fmt = (ms) => (ms ? new Date(ms).toLocaleString([], { dateStyle: "short", timeStyle: "medium" }) : "?");
      errorsBox.append(h("table", { id: "error-table" },
        h("thead", {}, h("tr", {}, ["What", "Times", "First seen", "Last seen"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, groups.map((g, i) => [
          h("tr", { "data-key": g.key },
            h("td", {}, h("span", { class: `chip ${g.kind === "python" || g.kind === "crash" ? "bad" : "warn"}` }, g.kind === "python" ? "Python" : g.kind === "crash" ? "Crash" : "Heroku"), " ", g.title),
            h("td", {}, g.count.toLocaleString()), h("td", {}, fmt(g.first_ms)), h("td", {}, fmt(g.last_ms))),
          h("tr", { class: "example" }, h("td", { colspan: "4" },
            h("details", { open: i === 0 && g.kind === "python" }, h("summary", {}, "Latest example"), h("pre", {}, g.example)))),
        ]))));
    } catch (err) {
      clear(errorsBox).append(errorBox(err, () => showTab("errors")));
    }
  }

  // Papertrail: its history (days, beyond Heroku's last 1,500 lines), by text and time range.
  function papertrailPanel() {
    const text = h("input", { type: "search", id: "pt-text", placeholder: "Search Papertrail's history", "aria-label": "Search Papertrail" });
    const from = h("input", { type: "datetime-local", id: "pt-from", "aria-label": "From" });
    const to = h("input", { type: "datetime-local", id: "pt-to", "aria-label": "To" });
    const results = h("div", { id: "pt-results", class: "log-lines short", role: "log" });
    const status = h("div", { id: "pt-status", role: "status", "aria-live": "polite" });
    const older = h("button", { type: "button", id: "pt-older", hidden: true }, "Older lines");
    let before = null;
    const seconds = (input) => (input.value ? Math.floor(new Date(input.value).getTime() / 1000) : null);
    async function run(more) {
      const query = { text: text.value.trim(), min_time: seconds(from), max_time: seconds(to), before_id: more ? before : null };
      clear(status).append(h("p", { class: "muted" }, "Searching Papertrail…"));
      try {
        const found = await call("papertrail_search", { query });
        clear(status);
        if (!more) clear(results);
        const fragment = document.createDocumentFragment();
        const saved = filter.text;
        filter.text = query.text;
        for (const e of found.entries) fragment.append(row(e));
        filter.text = saved;
        if (more) results.prepend(fragment); else results.append(fragment);
        before = found.older;
        older.hidden = !before;
        status.append(h("p", { class: "muted small" }, found.entries.length
          ? `${results.childElementCount.toLocaleString()} lines found${before ? "; older ones can be loaded" : ", back to the beginning"}.`
          : "Nothing found."));
        if (!more) results.scrollTop = results.scrollHeight;
      } catch (err) {
        clear(status).append(errorBox(err, () => run(more)));
      }
    }
    older.addEventListener("click", () => run(true));
    text.addEventListener("keydown", (ev) => { if (ev.key === "Enter") run(false); });
    const el = h("section", { class: "card", id: "papertrail-panel", hidden: true },
      h("p", { class: "muted" }, "Papertrail keeps the log for days; Heroku keeps only the last 1,500 lines. Times are your computer's."),
      h("div", { class: "log-tools" }, text, h("label", {}, "From ", from), h("label", {}, "to ", to),
        h("button", { type: "button", class: "primary", id: "pt-search", onclick: () => run(false) }, "Search"),
        h("button", { type: "button", id: "pt-open", onclick: () => call("open_papertrail").catch((err) => clear(status).append(errorBox(err))) }, "Open Papertrail")),
      status, older, results);
    return { el, focus: () => text.focus() };
  }

  // Sentry: its unresolved issues, with the researcher's auth token.
  async function drawSentry() {
    clear(sentryBox);
    if (!sentryInfo) return;
    if (!sentryInfo.connected) {
      const token = h("input", { type: "password", id: "sentry-token", autocomplete: "off", "aria-label": "Sentry auth token" });
      const status = h("div", { id: "sentry-status", role: "status" });
      const confirm = sentryInfo.sentry_io ? null : h("input", { type: "checkbox", id: "sentry-confirm-host" });
      appendAll(sentryBox,
        h("p", {}, `This app reports errors to Sentry (${sentryInfo.project}). To see them here, connect a Sentry auth token. The token is checked, then kept in this computer's keychain.`),
        h("ol", {},
          h("li", {}, "In Sentry, open Settings → Account → API → Personal Tokens (or User Auth Tokens)."),
          h("li", {}, "Create a token with the scopes project:read and event:read, and copy it."),
          h("li", {}, "Paste it here and press Connect.")),
        sentryInfo.practice_token ? h("p", { class: "muted" }, `Practice mode: use the token ${sentryInfo.practice_token}.`) : null,
        // A Sentry that is not sentry.io gets the token only once the researcher confirms it.
        confirm ? h("p", { class: "warning" }, h("label", {}, confirm, ` ${sentryInfo.host} is not sentry.io. Send my Sentry token there: it is my lab's own Sentry server. (If you do not know this address, leave this unticked: whoever set the app's SENTRY_DSN would receive your token.)`)) : null,
        h("div", { class: "row" }, token, h("button", { type: "button", class: "primary", id: "sentry-connect", onclick: async () => {
          try {
            await call("connect_sentry", { token: token.value, confirmHost: confirm && confirm.checked ? sentryInfo.host : null });
            sentryInfo.connected = true;
            drawSentry();
          } catch (err) {
            clear(status).append(errorBox(err));
          }
        } }, "Connect")),
        status,
        h("p", { class: "muted small" }, "Without a token, the Errors tab still groups the errors found in the log."));
      return;
    }
    sentryBox.append(h("p", { class: "muted" }, "Asking Sentry…"));
    // One issue's stack trace, shown under the list: the study's own code first.
    const trace = h("section", { id: "sentry-trace", "aria-live": "polite" });
    const showTrace = async (issue) => {
      clear(trace).append(h("p", { class: "muted" }, `Asking Sentry where "${issue.title}" failed…`));
      try {
        const t = await call("sentry_stack_trace", { id: issue.id });
        appendAll(clear(trace),
          h("h3", {}, `${t.exception}: ${t.value}`),
          t.frames.length ? null : h("p", { class: "muted" }, "Sentry has no stack trace for this error."),
          t.frames.map((f) => h("div", { class: f.in_app ? "frame own" : "frame" },
            h("p", {}, h("strong", {}, f.file), f.line ? `, line ${f.line}` : "", f.function ? ` in ${f.function}` : "",
              f.in_app ? h("span", { class: "chip good" }, "your study's code") : h("span", { class: "muted small" }, " (oTree or a library)")),
            f.context.length ? h("pre", { class: "output", "data-verbatim": "" },
              f.context.map(([n, code]) => `${n === f.line ? "→" : " "} ${String(n).padStart(4)}  ${code}`).join("\n")) : null)));
        trace.scrollIntoView({ block: "start" });
      } catch (err) {
        clear(trace).append(errorBox(err));
      }
    };
    try {
      const issues = await call("sentry_issues");
      appendAll(clear(sentryBox),
        h("p", {}, `${issues.length} unresolved issues in Sentry (${sentryInfo.project}). `,
          h("button", { type: "button", class: "link", id: "sentry-forget", onclick: async () => { await call("forget_sentry"); sentryInfo.connected = false; drawSentry(); } }, "Disconnect")),
        issues.length ? h("table", { id: "sentry-issues" },
          h("thead", {}, h("tr", {}, ["Issue", "Where", "Events", "Participants", "Last seen", ""].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, issues.map((i) => h("tr", { "data-issue": i.id },
            h("td", {}, h("strong", {}, i.title)), h("td", {}, i.culprit || ""), h("td", {}, String(i.count)),
            h("td", {}, String(i.userCount ?? "")), h("td", {}, i.lastSeen ? new Date(i.lastSeen).toLocaleString() : ""),
            h("td", {},
              h("button", { type: "button", class: "small", "data-trace": i.id, onclick: () => showTrace(i) }, "Where it failed"), " ",
              h("button", { type: "button", class: "small", onclick: () => call("open_sentry_issue", { id: i.id }).catch((err) => sentryBox.append(errorBox(err))) }, "Open in Sentry")))))) : null,
        trace);
    } catch (err) {
      clear(sentryBox).append(errorBox(err, drawSentry));
    }
  }

  // Leaving the screen stops following the log.
  return () => { call("stop_logs").catch(() => {}); };
}

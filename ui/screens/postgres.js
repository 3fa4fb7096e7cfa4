// Postgres: the study's database tables as CSV files in a dated folder on the Desktop,
// with progress and Cancel. Health, backups and the safe reset come next.

import { call } from "../api.js";
import { h, clear, errorBox } from "../dom.js";

function size(bytes) {
  if (bytes < 1e3) return `${bytes} bytes`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(0)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

export function render(el, { session }) {
  const status = h("div", { id: "tables-status", role: "status", "aria-live": "polite" });
  const start = h("button", { type: "button", class: "primary", id: "download-tables", onclick: download }, "Download the tables");
  const cancel = h("button", { type: "button", id: "cancel-download", hidden: true, onclick: () => call("cancel_download") }, "Cancel");

  el.append(
    h("div", { class: "screen-head" }, h("h1", {}, "Postgres")),
    h("section", { class: "card", id: "tables-card" },
      h("h2", {}, "Download the database tables"),
      h("p", {}, "Every table of your study's database as its own CSV file (Excel opens them), saved straight into a dated folder in ",
        h("strong", {}, "Desktop › Novaland"), ". Nothing in the database is changed. Use it when the study's server is down, or for a complete copy."),
      session.practice
        ? h("p", { class: "notice" }, "Practice mode has no real database to read. With your own account this button saves your study's tables.")
        : null,
      h("div", { class: "actions" }, start, cancel),
      status),
    h("section", { class: "card" },
      h("h2", {}, "Coming next"),
      h("p", {}, "The participants' data exactly as oTree's Data page gives it, database health, backups you can download, and a database reset that first saves everything."))
  );

  async function download() {
    start.disabled = true;
    cancel.hidden = false;
    const bar = h("progress", { max: "1", value: "0", "aria-label": "Download progress" });
    const line = h("p", {}, "Connecting to the database…");
    clear(status).append(bar, line);
    const channel = new window.__TAURI__.core.Channel();
    channel.onmessage = (p) => {
      bar.max = p.total;
      bar.value = p.index + (p.done ? 1 : 0.5);
      line.textContent = `Table ${p.index + 1} of ${p.total}: ${p.table} (${size(p.bytes)})${p.done ? " saved" : "…"}`;
    };
    try {
      const done = await call("download_database_tables", { onProgress: channel });
      const total = done.tables.reduce((n, t) => n + t.bytes, 0);
      clear(status).append(
        h("p", { class: "ok" }, `Saved ${done.tables.length} tables (${size(total)}) in `, h("strong", { id: "saved-folder" }, done.folder)),
        h("button", { type: "button", onclick: () => call("show_folder", { path: done.folder }).catch((err) => status.append(errorBox(err))) }, "Show the folder"),
        h("table", { id: "saved-tables" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Table"), h("th", { scope: "col" }, "Rows"), h("th", { scope: "col" }, "Size"))),
          h("tbody", {}, done.tables.map((t) => h("tr", {}, h("td", {}, t.table), h("td", {}, t.rows.toLocaleString()), h("td", {}, size(t.bytes)))))));
    } catch (err) {
      clear(status).append(errorBox(err, download));
    } finally {
      start.disabled = false;
      cancel.hidden = true;
    }
  }
}

// Postgres: database health, the participants' data (oTree's files) and the database tables
// as CSV files in a dated folder on the Desktop, backups, and the safe reset.

import { call, callWithProgress } from "../api.js";
import { h, clear, append, errorBox } from "../dom.js";
import { backupsCard } from "../cards/backups.js";
import { resetCard } from "../cards/reset.js";
import { dataCard } from "../cards/participant_data.js";
import { size, number } from "../format.js";
import { t, tNodes } from "../i18n.js";

// Heroku's word for the database's state; one it has not been seen to use is shown as it is.
function dbStatus(status) {
  switch (status) {
    case "Available": return t("postgres-db-status-available");
    case "not yet provisioned": return t("postgres-db-status-not-provisioned");
    case "unknown": return t("postgres-db-status-unknown");
    default: return status;
  }
}

export function render(el, { session }) {
  const status = h("div", { id: "tables-status", role: "status", "aria-live": "polite" });
  const start = h("button", { type: "button", id: "download-tables", disabled: session.practice, onclick: download }, t("postgres-tables-download"));
  const cancel = h("button", { type: "button", id: "cancel-download", hidden: true, onclick: () => job?.cancel() }, t("postgres-tables-cancel"));
  let job = null;

  const healthBox = h("div", { id: "db-health" }, h("p", { class: "muted" }, t("postgres-health-loading")));
  el.append(
    h("div", { class: "screen-head" }, h("h1", {}, t("postgres-title"))),
    h("section", { class: "card" }, h("h2", {}, t("postgres-health-title")), healthBox),
    folderLine(),
    dataCard(session),
    h("section", { class: "card", id: "tables-card" },
      h("h2", {}, t("postgres-tables-title")),
      h("p", {}, t("postgres-tables-intro")),
      session.practice
        ? h("p", { class: "notice" }, t("postgres-tables-practice"))
        : null,
      h("div", { class: "actions" }, start, cancel),
      status),
    backupsCard(session),
    resetCard(session)
  );
  loadHealth();

  async function loadHealth() {
    try {
      const dbs = await call("database_health");
      clear(healthBox);
      if (!dbs.length) {
        healthBox.append(h("p", { class: "notice" }, t("postgres-health-none")));
        return;
      }
      for (const db of dbs) {
        const full = db.percent_full;
        // How worrying it is comes from Rust (the readiness check uses the same limits).
        const level = db.fullness || "";
        healthBox.append(h("div", { class: "db", "data-db": db.addon },
          h("p", {}, h("strong", {}, db.config_vars.includes("DATABASE_URL") ? t("postgres-db-main") : t("postgres-db-other")),
            " ", h("span", { class: "muted" }, t("postgres-db-details", { addon: db.addon, plan: db.plan.split(":").pop(), version: db.postgres_version || "?" }))),
          h("p", {}, h("span", { class: `chip ${db.status === "Available" ? "good" : "warn"}` }, dbStatus(db.status)),
            " ", t("postgres-db-size", { size: size(db.num_bytes), tables: db.num_tables, connections: db.num_connections })),
          full === null ? null : h("div", { class: "meter" },
            h("progress", { max: "100", value: String(Math.min(full, 100)), "aria-label": t("postgres-db-full-label") }),
            h("span", { class: `chip ${level}`, id: "db-full" }, t("postgres-db-full", { percent: number(full, 1), limit: size(db.limit_bytes) }))),
          db.fullness === "bad" ? h("p", { class: "notice" }, t("postgres-db-nearly-full")) : null));
      }
    } catch (err) {
      clear(healthBox).append(errorBox(err, loadHealth));
    }
  }

  async function download() {
    start.disabled = true;
    cancel.hidden = false;
    const bar = h("progress", { max: "1", value: "0", "aria-label": t("postgres-tables-progress-label") });
    const line = h("p", {}, t("postgres-tables-connecting"));
    clear(status).append(bar, line);
    job = callWithProgress("download_database_tables", {}, (p) => {
      bar.max = p.total;
      bar.value = p.index + (p.done ? 1 : 0.5);
      line.textContent = t("postgres-tables-progress", { index: p.index + 1, total: p.total, table: p.table, size: size(p.bytes), done: p.done ? "yes" : "no" });
    });
    try {
      const done = await job.done;
      const total = done.tables.reduce((n, table) => n + table.bytes, 0);
      clear(status).append(
        h("p", { class: "ok" }, tNodes("postgres-tables-saved", { count: done.tables.length, size: size(total) }, { folder: h("strong", { id: "saved-folder" }, done.folder) })),
        h("button", { type: "button", id: "show-tables-folder", onclick: () => call("show_folder", { path: done.folder }).catch((err) => status.append(errorBox(err))) }, t("postgres-show-folder")),
        h("table", { id: "saved-tables" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("postgres-tables-column-table")), h("th", { scope: "col" }, t("postgres-tables-column-rows")), h("th", { scope: "col" }, t("postgres-tables-column-size")))),
          h("tbody", {}, done.tables.map((table) => h("tr", {}, h("td", {}, table.table), h("td", {}, number(table.rows)), h("td", {}, size(table.bytes)))))));
    } catch (err) {
      clear(status).append(errorBox(err, download));
    } finally {
      start.disabled = false;
      cancel.hidden = true;
    }
  }
}

// "Files are saved in …" with a way to choose another folder (the system's picker).
function folderLine() {
  const line = h("p", { id: "export-folder", class: "muted" }, "…");
  const draw = (info) => {
    append(clear(line), tNodes("postgres-folder-line", {}, { folder: h("strong", {}, info.path || t("postgres-folder-none")) }), " ",
      h("button", { type: "button", class: "link", onclick: choose }, t("postgres-folder-change")),
      info.chosen ? [" ", h("button", { type: "button", class: "link", onclick: reset }, t("postgres-folder-desktop"))] : null);
  };
  const choose = async () => { try { draw(await call("choose_export_folder")); } catch (err) { line.append(errorBox(err)); } };
  const reset = async () => { try { draw(await call("use_default_export_folder")); } catch (err) { line.append(errorBox(err)); } };
  call("export_folder").then(draw, (err) => clear(line).append(errorBox(err)));
  return line;
}

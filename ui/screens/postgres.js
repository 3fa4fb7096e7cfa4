// Postgres: database health, the participants' data (oTree's files) and the database tables
// as CSV files in a dated folder on the Desktop, backups, and the safe reset.

import { call, callWithProgress } from "../api.js";
import { h, clear, append, errorBox } from "../dom.js";
import { backupsCard } from "../cards/backups.js";
import { resetCard } from "../cards/reset.js";
import { dataCard } from "../cards/participant_data.js";
import { size } from "../format.js";

export function render(el, { session }) {
  const status = h("div", { id: "tables-status", role: "status", "aria-live": "polite" });
  const start = h("button", { type: "button", id: "download-tables", disabled: session.practice, onclick: download }, "Download the tables");
  const cancel = h("button", { type: "button", id: "cancel-download", hidden: true, onclick: () => job?.cancel() }, "Cancel");
  let job = null;

  const healthBox = h("div", { id: "db-health" }, h("p", { class: "muted" }, "Asking Heroku…"));
  el.append(
    h("div", { class: "screen-head" }, h("h1", {}, "Postgres")),
    h("section", { class: "card" }, h("h2", {}, "Database health"), healthBox),
    folderLine(),
    dataCard(session),
    h("section", { class: "card", id: "tables-card" },
      h("h2", {}, "Download the database tables"),
      h("p", {}, "Every table of your study's database as its own CSV file (Excel opens them), saved straight into a dated folder (see above). Nothing in the database is changed. Use it when the study's server is down, or for a complete copy."),
      session.practice
        ? h("p", { class: "notice" }, "Practice mode has no real database to read. With your own account this button saves your study's tables.")
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
        healthBox.append(h("p", { class: "notice" }, "This app has no Heroku Postgres database, so oTree cannot keep your participants' data. Add Heroku Postgres (essential-0 or better) on the Resources screen."));
        return;
      }
      for (const db of dbs) {
        const full = db.percent_full;
        // How worrying it is comes from Rust (the readiness check uses the same limits).
        const level = db.fullness || "";
        healthBox.append(h("div", { class: "db", "data-db": db.addon },
          h("p", {}, h("strong", {}, db.config_vars.includes("DATABASE_URL") ? "Your study's database" : "Another database"),
            " ", h("span", { class: "muted" }, `${db.addon} · ${db.plan.split(":").pop()} · Postgres ${db.postgres_version || "?"}`)),
          h("p", {}, h("span", { class: `chip ${db.status === "Available" ? "good" : "warn"}` }, db.status),
            ` ${size(db.num_bytes)} in ${db.num_tables} tables · ${db.num_connections} connections`),
          full === null ? null : h("div", { class: "meter" },
            h("progress", { max: "100", value: String(Math.min(full, 100)), "aria-label": "How full the database is" }),
            h("span", { class: `chip ${level}`, id: "db-full" }, `${full}% of ${size(db.limit_bytes)} used`)),
          db.fullness === "bad" ? h("p", { class: "notice" }, "The database is nearly full. When it is full, Heroku stops new participants' data from being saved. Download your data, then upgrade the plan or reset the database.") : null));
      }
    } catch (err) {
      clear(healthBox).append(errorBox(err, loadHealth));
    }
  }

  async function download() {
    start.disabled = true;
    cancel.hidden = false;
    const bar = h("progress", { max: "1", value: "0", "aria-label": "Download progress" });
    const line = h("p", {}, "Connecting to the database…");
    clear(status).append(bar, line);
    job = callWithProgress("download_database_tables", {}, (p) => {
      bar.max = p.total;
      bar.value = p.index + (p.done ? 1 : 0.5);
      line.textContent = `Table ${p.index + 1} of ${p.total}: ${p.table} (${size(p.bytes)})${p.done ? " saved" : "…"}`;
    });
    try {
      const done = await job.done;
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

// "Files are saved in …" with a way to choose another folder (the system's picker).
function folderLine() {
  const line = h("p", { id: "export-folder", class: "muted" }, "…");
  const draw = (info) => {
    append(clear(line), "Files are saved in ", h("strong", {}, info.path || "(no folder found)"), " ",
      h("button", { type: "button", class: "link", onclick: choose }, "Change…"),
      info.chosen ? [" ", h("button", { type: "button", class: "link", onclick: reset }, "Use the Desktop")] : null);
  };
  const choose = async () => { try { draw(await call("choose_export_folder")); } catch (err) { line.append(errorBox(err)); } };
  const reset = async () => { try { draw(await call("use_default_export_folder")); } catch (err) { line.append(errorBox(err)); } };
  call("export_folder").then(draw, (err) => clear(line).append(errorBox(err)));
  return line;
}

// The backups card of the Postgres screen: list, capture now with progress, download with a
// progress bar, delete after typing the app's name.

import { call, callWithProgress } from "../api.js";
import { h, clear, append, errorBox, typedName } from "../dom.js";
import { size, when } from "../format.js";

export function backupsCard(session) {
  const list = h("div", { id: "backup-list" }, h("p", { class: "muted" }, "Asking Heroku…"));
  const status = h("div", { id: "backup-status", role: "status", "aria-live": "polite" });
  const captureButton = h("button", { type: "button", class: "primary", id: "capture-backup", onclick: capture }, "Back up now");
  const cancel = h("button", { type: "button", id: "cancel-backup", hidden: true, onclick: () => job?.cancel() }, "Cancel");
  let job = null;
  const scheduleBox = h("div", { id: "schedule", class: "schedule" }, h("p", { class: "muted" }, "Reading the daily schedule…"));
  const card = h("section", { class: "card", id: "backups" },
    h("h2", {}, "Backups"),
    h("p", {}, "A backup is a complete copy of the database that Heroku keeps. You can download it, but it opens only in Postgres tools, not Excel; for your analysis, download the tables above."),
    h("div", { class: "actions" }, captureButton, cancel),
    status, list, scheduleBox);
  load();
  loadSchedule();
  const onChanged = () => { if (card.isConnected) load(); else document.removeEventListener("novaland:backups-changed", onChanged); };
  document.addEventListener("novaland:backups-changed", onChanged);
  return card;

  async function loadSchedule() {
    try {
      drawSchedule(await call("backup_schedule"));
    } catch (err) {
      clear(scheduleBox).append(errorBox(err, loadSchedule));
    }
  }

  function drawSchedule(schedule) {
    clear(scheduleBox);
    const here = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    const hours = h("select", { id: "schedule-hour", "aria-label": "Hour of the daily backup" },
      Array.from({ length: 24 }, (_, i) => h("option", { value: String(i), selected: (schedule?.hour ?? 2) === i }, `${String(i).padStart(2, "0")}:00`)));
    // Heroku may list a schedule without its hour or time zone: say only what it said.
    const at = schedule?.hour == null ? "every day" : `every day at ${String(schedule.hour).padStart(2, "0")}:00${schedule.timezone ? ` (${schedule.timezone})` : ""}`;
    const save = async (fn) => {
      try { await fn(); await loadSchedule(); } catch (err) { scheduleBox.append(errorBox(err)); }
    };
    if (schedule) {
      scheduleBox.append(
        h("p", { id: "schedule-state" }, h("span", { class: "chip good" }, "on"), ` Heroku backs up the database ${at} and keeps the last 7.`),
        h("div", { class: "row" }, hours,
          h("button", { type: "button", onclick: () => save(() => call("set_backup_schedule", { hour: Number(hours.value), timezone: here })) }, "Change the hour"),
          h("button", { type: "button", class: "quiet", id: "schedule-off", onclick: () => save(() => call("stop_backup_schedule")) }, "Turn off")));
    } else {
      scheduleBox.append(
        h("p", { id: "schedule-state" }, h("span", { class: "chip warn" }, "off"), " No daily backup. Turn it on so a copy is made every day while your study runs."),
        h("div", { class: "row" }, hours,
          h("button", { type: "button", class: "primary", id: "schedule-on", onclick: () => save(() => call("set_backup_schedule", { hour: Number(hours.value), timezone: here })) }, "Turn on daily backups")));
    }
  }

  async function load() {
    try {
      draw(await call("list_backups"));
    } catch (err) {
      clear(list).append(errorBox(err, load));
    }
  }

  function draw(backups) {
    clear(list);
    if (!backups.length) {
      list.append(h("p", { class: "notice" }, "There are no backups yet. Back up before every session, and before a reset."));
      return;
    }
    list.append(h("table", {},
      h("thead", {}, h("tr", {}, ["Backup", "Made", "Size", "State", ""].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, backups.map((b) => h("tr", { "data-backup": b.name },
        h("td", {}, h("strong", {}, b.name), b.name.startsWith("a") ? h("div", { class: "muted small" }, "daily schedule") : null),
        h("td", {}, when(b.created_at)),
        h("td", {}, size(b.size)),
        h("td", {}, h("span", { class: `chip ${b.status === "succeeded" ? "good" : b.status === "failed" ? "bad" : "warn"}` }, b.status)),
        h("td", { class: "row-actions" },
          b.status === "succeeded" ? h("button", { type: "button", class: "download", onclick: () => download(b) }, "Download") : null,
          b.status === "succeeded" ? h("button", { type: "button", class: "restore", onclick: () => confirmRestore(b) }, "Restore…") : null,
          h("button", { type: "button", class: "quiet delete", onclick: () => confirmDelete(b) }, "Delete")))))));
  }

  function busy(on) {
    captureButton.disabled = on;
    cancel.hidden = !on;
    for (const b of list.querySelectorAll("button")) b.disabled = on;
  }

  async function capture() {
    busy(true);
    const bar = h("progress", { max: "1", value: "0", "aria-label": "Backup progress" });
    const line = h("p", {}, "Asking Heroku to back up the database…");
    clear(status).append(bar, line);
    job = callWithProgress("capture_backup", {}, (p) => {
      bar.max = Math.max(p.total, 1);
      bar.value = p.processed;
      line.textContent = `Backing up: ${size(p.processed)} of ${size(p.total)}`;
    });
    try {
      const b = await job.done;
      clear(status).append(h("p", { class: "ok" }, `Backup ${b.name} is ready (${size(b.size)}).`));
      await load();
    } catch (err) {
      clear(status).append(errorBox(err));
    } finally {
      busy(false);
    }
  }

  async function download(b) {
    busy(true);
    const bar = h("progress", { max: String(Math.max(b.size, 1)), value: "0", "aria-label": "Download progress" });
    const line = h("p", {}, `Downloading ${b.name}…`);
    clear(status).append(bar, line);
    job = callWithProgress("download_backup", { num: b.num }, (p) => {
      bar.value = p.received;
      line.textContent = `Downloading ${b.name}: ${size(p.received)} of ${size(p.total)}`;
    });
    try {
      const saved = await job.done;
      append(clear(status),
        h("p", { class: "ok" }, `Saved ${b.name} as `, h("strong", { id: "saved-backup" }, saved.path)),
        saved.warning ? h("p", { class: "notice", id: "backup-warning" }, saved.warning) : null,
        h("button", { type: "button", onclick: () => call("show_folder", { path: saved.folder }).catch((err) => status.append(errorBox(err))) }, "Show the folder"));
    } catch (err) {
      clear(status).append(errorBox(err));
    } finally {
      busy(false);
    }
  }

  // Undo: the database gets this backup's content back; what is in it now is first kept as a
  // new backup, and the study shows Heroku's maintenance page meanwhile.
  function confirmRestore(b) {
    const steps = h("ol", { id: "restore-steps", class: "reset-steps" });
    const names = {
      backup: "Back up what is in the database now",
      maintenance: "Turn maintenance mode on",
      restore: `Put ${b.name} back into the database`,
      live: "Turn maintenance mode off",
    };
    const { input, go, label } = typedName(session.app, { id: "restore-name", buttonId: "confirm-restore", action: `Restore ${b.name}`, onConfirm: (typed) => run(typed) });
    const result = h("div", { id: "restore-result", role: "status", "aria-live": "polite" });
    clear(status).append(h("div", { class: "confirm", role: "alertdialog", "aria-label": `Restore ${b.name}` },
      h("p", {}, h("strong", {}, `Put backup ${b.name} back?`), ` The database gets back what it held when ${b.name} was made (${when(b.created_at)}). `,
        h("strong", {}, "Replaced:"), " everything in it now, including participants since then. Novaland first saves that as a new backup, so you can go back again; during the restore participants see Heroku's maintenance page."),
      label,
      h("div", { class: "row" }, input, go,
        h("button", { type: "button", class: "quiet", onclick: () => clear(status) }, "Keep the database as it is")),
      steps, result));
    input.focus();

    async function run(typed) {
      // busy() shows the card's Cancel, which stops this job until Heroku's restore starts.
      busy(true);
      go.disabled = true;
      input.disabled = true;
      const items = {};
      job = callWithProgress("restore_backup", { num: b.num, typedName: typed }, (s) => {
        if (!items[s.step]) { items[s.step] = h("li", { "data-step": s.step }); steps.append(items[s.step]); }
        // Once Heroku restores, it finishes on its own: Cancel no longer stops anything.
        if (s.step === "restore") cancel.hidden = true;
        append(clear(items[s.step]),
          h("span", { class: `chip ${s.state === "done" ? "good" : s.state === "failed" ? "bad" : "warn"}` }, s.state),
          " ", names[s.step] || s.step, s.detail ? h("div", { class: "muted small" }, s.detail) : null);
      });
      try {
        const report = await job.done;
        result.append(h("p", { class: "ok" }, `Done. The database holds ${report.restored} again; ${report.safety_backup.name} keeps what it held before.`));
        // The question has been answered: only the steps and the result stay.
        label.remove();
        input.parentElement.remove();
        await load();
      } catch (err) {
        result.append(errorBox(err));
      } finally {
        busy(false);
      }
    }
  }

  function confirmDelete(b) {
    const { input, go, label } = typedName(session.app, { id: "confirm-name", buttonId: "confirm-delete", action: `Delete ${b.name}`, onConfirm: async (typed) => {
      go.disabled = true;
      try {
        draw(await call("delete_backup", { num: b.num, typedName: typed }));
        clear(status).append(h("p", { class: "ok" }, `Backup ${b.name} was deleted.`));
      } catch (err) {
        clear(status).append(errorBox(err));
      }
    } });
    clear(status).append(h("div", { class: "confirm", role: "alertdialog", "aria-label": `Delete ${b.name}` },
      h("p", {}, h("strong", {}, `Delete backup ${b.name}?`), ` This copy (${size(b.size)}, made ${when(b.created_at)}) is removed from Heroku for good. Your database, its data and the other backups are kept.`),
      label,
      h("div", { class: "row" }, input, go,
        h("button", { type: "button", class: "quiet", onclick: () => clear(status) }, "Keep it"))));
    input.focus();
  }
}

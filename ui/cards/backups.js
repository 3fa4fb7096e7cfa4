// The backups card of the Postgres screen: list, capture now with progress, download with a
// progress bar, delete after typing the app's name.

import { call, callWithProgress } from "../api.js";
import { h, clear, append, errorBox, typedName } from "../dom.js";
import { size, when } from "../format.js";
import { t, tNodes } from "../i18n.js";

export function backupsCard(session) {
  const list = h("div", { id: "backup-list" }, h("p", { class: "muted" }, t("backups-loading")));
  const status = h("div", { id: "backup-status", role: "status", "aria-live": "polite" });
  const captureButton = h("button", { type: "button", class: "primary", id: "capture-backup", onclick: capture }, t("backups-capture"));
  const cancel = h("button", { type: "button", id: "cancel-backup", hidden: true, onclick: () => job?.cancel() }, t("backups-cancel"));
  let job = null;
  const scheduleBox = h("div", { id: "schedule", class: "schedule" }, h("p", { class: "muted" }, t("backups-schedule-loading")));
  const card = h("section", { class: "card", id: "backups" },
    h("h2", {}, t("backups-title")),
    h("p", {}, t("backups-intro")),
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
    const hours = h("select", { id: "schedule-hour", "aria-label": t("backups-schedule-hour-label") },
      Array.from({ length: 24 }, (_, i) => h("option", { value: String(i), selected: (schedule?.hour ?? 2) === i }, `${String(i).padStart(2, "0")}:00`)));
    // Heroku may list a schedule without its hour or time zone: say only what it said.
    const hour = schedule?.hour == null ? null : `${String(schedule.hour).padStart(2, "0")}:00`;
    const at = { when: hour === null ? "any" : schedule.timezone ? "hour-zone" : "hour", hour: hour || "", zone: schedule?.timezone || "" };
    const save = async (fn) => {
      try { await fn(); await loadSchedule(); } catch (err) { scheduleBox.append(errorBox(err)); }
    };
    if (schedule) {
      scheduleBox.append(
        h("p", { id: "schedule-state" }, h("span", { class: "chip good" }, t("backups-schedule-chip-on")), " ", t("backups-schedule-on", { when: at.when, hour: at.hour, zone: at.zone })),
        h("div", { class: "row" }, hours,
          h("button", { type: "button", onclick: () => save(() => call("set_backup_schedule", { hour: Number(hours.value), timezone: here })) }, t("backups-schedule-change")),
          h("button", { type: "button", class: "quiet", id: "schedule-off", onclick: () => save(() => call("stop_backup_schedule")) }, t("backups-schedule-turn-off"))));
    } else {
      scheduleBox.append(
        h("p", { id: "schedule-state" }, h("span", { class: "chip warn" }, t("backups-schedule-chip-off")), " ", t("backups-schedule-off")),
        h("div", { class: "row" }, hours,
          h("button", { type: "button", class: "primary", id: "schedule-on", onclick: () => save(() => call("set_backup_schedule", { hour: Number(hours.value), timezone: here })) }, t("backups-schedule-turn-on"))));
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
      list.append(h("p", { class: "notice" }, t("backups-none")));
      return;
    }
    list.append(h("table", {},
      h("thead", {}, h("tr", {}, [t("backups-column-backup"), t("backups-column-made"), t("backups-column-size"), t("backups-column-state"), ""].map((name) => h("th", { scope: "col" }, name)))),
      h("tbody", {}, backups.map((b) => h("tr", { "data-backup": b.name },
        h("td", {}, h("strong", {}, b.name), b.name.startsWith("a") ? h("div", { class: "muted small" }, t("backups-scheduled")) : null),
        h("td", {}, when(b.created_at)),
        h("td", {}, size(b.size)),
        h("td", {}, h("span", { class: `chip ${b.status === "succeeded" ? "good" : b.status === "failed" ? "bad" : "warn"}` }, t("backups-status", { status: b.status }))),
        h("td", { class: "row-actions" },
          b.status === "succeeded" ? h("button", { type: "button", class: "download", onclick: () => download(b) }, t("backups-download")) : null,
          b.status === "succeeded" ? h("button", { type: "button", class: "restore", onclick: () => confirmRestore(b) }, t("backups-restore")) : null,
          h("button", { type: "button", class: "quiet delete", onclick: () => confirmDelete(b) }, t("backups-delete"))))))));
  }

  function busy(on) {
    captureButton.disabled = on;
    cancel.hidden = !on;
    for (const b of list.querySelectorAll("button")) b.disabled = on;
  }

  async function capture() {
    busy(true);
    const bar = h("progress", { max: "1", value: "0", "aria-label": t("backups-capture-progress-label") });
    const line = h("p", {}, t("backups-capture-asking"));
    clear(status).append(bar, line);
    job = callWithProgress("capture_backup", {}, (p) => {
      bar.max = Math.max(p.total, 1);
      bar.value = p.processed;
      line.textContent = t("backups-capture-progress", { done: size(p.processed), total: size(p.total) });
    });
    try {
      const b = await job.done;
      clear(status).append(h("p", { class: "ok" }, t("backups-capture-ready", { name: b.name, size: size(b.size) })));
      await load();
    } catch (err) {
      clear(status).append(errorBox(err));
    } finally {
      busy(false);
    }
  }

  async function download(b) {
    busy(true);
    const bar = h("progress", { max: String(Math.max(b.size, 1)), value: "0", "aria-label": t("backups-download-progress-label") });
    const line = h("p", {}, t("backups-download-starting", { name: b.name }));
    clear(status).append(bar, line);
    job = callWithProgress("download_backup", { num: b.num }, (p) => {
      bar.value = p.received;
      line.textContent = t("backups-download-progress", { name: b.name, done: size(p.received), total: size(p.total) });
    });
    try {
      const saved = await job.done;
      append(clear(status),
        h("p", { class: "ok" }, tNodes("backups-download-saved", { name: b.name }, { path: h("strong", { id: "saved-backup" }, saved.path) })),
        saved.warning ? h("p", { class: "notice", id: "backup-warning" }, saved.warning) : null,
        h("button", { type: "button", onclick: () => call("show_folder", { path: saved.folder }).catch((err) => status.append(errorBox(err))) }, t("backups-show-folder")));
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
      backup: t("backups-restore-step-backup"),
      maintenance: t("backups-restore-step-maintenance"),
      restore: t("backups-restore-step-restore", { name: b.name }),
      live: t("backups-restore-step-live"),
    };
    const { input, go, label } = typedName(session.app, { id: "restore-name", buttonId: "confirm-restore", action: t("backups-restore-action", { name: b.name }), onConfirm: (typed) => run(typed) });
    const result = h("div", { id: "restore-result", role: "status", "aria-live": "polite" });
    clear(status).append(h("div", { class: "confirm", role: "alertdialog", "aria-label": t("backups-restore-action", { name: b.name }) },
      h("p", {}, h("strong", {}, t("backups-restore-question", { name: b.name })), " ",
        tNodes("backups-restore-explain", { name: b.name, made: when(b.created_at) }, { replaced: h("strong", {}, t("backups-restore-replaced")) })),
      label,
      h("div", { class: "row" }, input, go,
        h("button", { type: "button", class: "quiet", onclick: () => clear(status) }, t("backups-restore-keep"))),
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
          h("span", { class: `chip ${s.state === "done" ? "good" : s.state === "failed" ? "bad" : "warn"}` }, t("postgres-step-state", { state: s.state })),
          " ", names[s.step] || s.step, s.detail ? h("div", { class: "muted small" }, s.detail) : null);
      });
      try {
        const report = await job.done;
        result.append(h("p", { class: "ok" }, t("backups-restore-done", { restored: report.restored, safety: report.safety_backup.name })));
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
    const { input, go, label } = typedName(session.app, { id: "confirm-name", buttonId: "confirm-delete", action: t("backups-delete-action", { name: b.name }), onConfirm: async (typed) => {
      go.disabled = true;
      try {
        draw(await call("delete_backup", { num: b.num, typedName: typed }));
        clear(status).append(h("p", { class: "ok" }, t("backups-delete-done", { name: b.name })));
      } catch (err) {
        clear(status).append(errorBox(err));
      }
    } });
    clear(status).append(h("div", { class: "confirm", role: "alertdialog", "aria-label": t("backups-delete-action", { name: b.name }) },
      h("p", {}, h("strong", {}, t("backups-delete-question", { name: b.name })), " ", t("backups-delete-explain", { size: size(b.size), made: when(b.created_at) })),
      label,
      h("div", { class: "row" }, input, go,
        h("button", { type: "button", class: "quiet", onclick: () => clear(status) }, t("backups-delete-keep")))));
    input.focus();
  }
}

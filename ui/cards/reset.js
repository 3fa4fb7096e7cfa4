// The reset card: says what is deleted and what is kept, backs up and saves the data first,
// asks for the app's name, and shows each step and oTree's output.

import { call, callWithProgress } from "../api.js";
import { h, clear, append, errorBox, typedName } from "../dom.js";

const STEP_NAMES = {
  backup: "Back up the database (Heroku must report success)",
  download: "Save the participants' data to your computer",
  reset: "Reset the database",
  restart: "Restart the study's server",
};

export function resetCard(session) {
  const saveFirst = h("input", { type: "checkbox", id: "reset-download", checked: true });
  const { input, go, label } = typedName(session.app, { id: "reset-name", buttonId: "reset-go", action: "Reset the database", onConfirm: () => run() });
  const cancel = h("button", { type: "button", hidden: true, onclick: () => job?.cancel() }, "Cancel");
  let job = null;
  const steps = h("ol", { id: "reset-steps", class: "reset-steps" });
  const status = h("div", { id: "reset-status", role: "status", "aria-live": "polite" });

  return h("section", { class: "card", id: "reset" },
    h("h2", {}, "Reset the database"),
    h("p", {}, "Between a pilot and the real study. ", h("strong", {}, "Deleted:"), " all participants, sessions and everything oTree stored. ",
      h("strong", {}, "Kept:"), " your backups, settings, add-ons and the app itself."),
    h("p", {}, "Before anything is deleted, Novaland backs up the database and waits until Heroku reports the backup succeeded, then saves the participants' data to your folder: oTree's own files and every table of the database. If the backup fails or no copy of the data could be saved, nothing is reset. During the reset itself the study shows Heroku's maintenance page and its server is stopped (oTree cannot empty a database the server still uses); afterwards it starts again exactly as it was, also if the reset fails."),
    h("label", { class: "inline" }, saveFirst, " Save the participants' data to my computer first",
      session.practice ? h("span", { class: "muted" }, " (practice: oTree's files only; it has no real tables)") : null),
    label,
    h("div", { class: "row" }, input, go, cancel),
    steps, status);

  async function run() {
    go.disabled = true;
    input.disabled = true;
    cancel.hidden = false;
    clear(status);
    clear(steps);
    const items = {};
    job = callWithProgress("reset_database", { typedName: input.value, downloadFirst: saveFirst.checked }, (s) => {
      if (!items[s.step]) {
        items[s.step] = h("li", { "data-step": s.step });
        steps.append(items[s.step]);
      }
      clear(items[s.step]).append(
        h("span", { class: `chip ${s.state === "done" ? "good" : s.state === "failed" ? "bad" : "warn"}` }, s.state),
        " ", STEP_NAMES[s.step] || s.step, h("div", { class: "muted small" }, s.detail));
    });
    try {
      const report = await job.done;
      append(status, h("p", { class: "ok" }, `Done. The database is empty; backup ${report.backup.name} holds everything from before.`),
        report.output.length ? h("pre", { class: "output", id: "reset-output", tabindex: "0", "aria-label": "What otree resetdb printed" }, report.output.join("\n")) : null);
      // The reset made a new backup: the backups card lists it.
      document.dispatchEvent(new CustomEvent("novaland:backups-changed"));
    } catch (err) {
      status.append(errorBox(err));
    } finally {
      input.disabled = false;
      input.value = "";
      cancel.hidden = true;
    }
  }
}

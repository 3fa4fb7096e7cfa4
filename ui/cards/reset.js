// The reset card: says what is deleted and what is kept, backs up and saves the data first,
// asks for the app's name, and shows each step and oTree's output.

import { call, callWithProgress } from "../api.js";
import { h, clear, append, errorBox, typedName } from "../dom.js";
import { t, tNodes } from "../i18n.js";

const STEP_NAMES = {
  backup: t("reset-step-backup"),
  download: t("reset-step-download"),
  reset: t("reset-step-reset"),
  restart: t("reset-step-restart"),
};

export function resetCard(session) {
  const saveFirst = h("input", { type: "checkbox", id: "reset-download", checked: true });
  const { input, go, label } = typedName(session.app, { id: "reset-name", buttonId: "reset-go", action: t("reset-action"), onConfirm: () => run() });
  const cancel = h("button", { type: "button", hidden: true, onclick: () => job?.cancel() }, t("reset-cancel"));
  let job = null;
  const steps = h("ol", { id: "reset-steps", class: "reset-steps" });
  const status = h("div", { id: "reset-status", role: "status", "aria-live": "polite" });

  return h("section", { class: "card", id: "reset" },
    h("h2", {}, t("reset-title")),
    h("p", {}, tNodes("reset-what", {}, { deleted: h("strong", {}, t("reset-deleted")), kept: h("strong", {}, t("reset-kept")) })),
    h("p", {}, t("reset-how")),
    h("label", { class: "inline" }, saveFirst, " ", t("reset-save-first"),
      session.practice ? h("span", { class: "muted" }, " ", t("reset-save-first-practice")) : null),
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
        h("span", { class: `chip ${s.state === "done" ? "good" : s.state === "failed" ? "bad" : "warn"}` }, t("postgres-step-state", { state: s.state })),
        " ", STEP_NAMES[s.step] || s.step, h("div", { class: "muted small" }, s.detail));
    });
    try {
      const report = await job.done;
      append(status, h("p", { class: "ok" }, t("reset-done", { backup: report.backup.name })),
        report.output.length ? h("pre", { class: "output", id: "reset-output", tabindex: "0", "aria-label": t("reset-output-label") }, report.output.join("\n")) : null);
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

// "Deploy a new version" (Overview): the new project chosen and checked, what to know first
// (participants on the study right now, a change of oTree version, whether the database must
// be reset), the app's name typed, then the upload and Heroku's build live.

import { call, callWithProgress, onProjectDropped } from "../api.js";
import { h, clear, append, errorBox, typedName } from "../dom.js";
import { size } from "../format.js";
import { t, tNodes } from "../i18n.js";

export function deployCard(session, onDeployed) {
  const info = h("div", { id: "deploy-project", role: "status", "aria-live": "polite" });
  const confirmArea = h("div", { id: "deploy-confirm" });
  const card = h("section", { class: "card", id: "deploy" },
    h("h2", {}, t("deploy-title")),
    h("p", {}, t("deploy-intro")),
    h("div", { class: "actions" },
      h("button", { type: "button", id: "deploy-choose-otreezip", onclick: () => choose(false) }, t("deploy-choose-otreezip")),
      h("button", { type: "button", id: "deploy-choose-folder", onclick: () => choose(true) }, t("deploy-choose-folder")),
      session.practice ? h("button", { type: "button", id: "deploy-use-example", onclick: () => take(call("use_example_project")) }, t("deploy-use-example")) : null),
    h("p", { class: "muted" }, t("deploy-drop")),
    info, confirmArea);
  onProjectDropped(info, ({ report, error }) => take(error ? Promise.reject(error) : Promise.resolve(report)));
  return card;

  function choose(folder) {
    return take(call("choose_project", { folder }));
  }

  // `asked` settles with the project's report (none when the picker was closed) or an error.
  async function take(asked) {
    clear(confirmArea);
    clear(info).append(h("p", { class: "muted" }, t("deploy-reading-project")));
    let project;
    try {
      project = await asked;
      if (!project) { clear(info); return; }
    } catch (err) {
      clear(info).append(errorBox(err));
      return;
    }
    append(clear(info),
      h("p", { class: "ok" }, t("deploy-project-summary", { project: project.name, files: project.files, size: size(project.bytes), requirement: project.otree_requirement })),
      project.added.length ? h("p", {}, t("deploy-project-added", { added: project.added.join("; ") })) : null,
      project.left_out.length ? h("p", { class: "muted" }, t("deploy-project-left-out", { left_out: project.left_out.join(", ") })) : null,
      h("p", { class: "muted" }, t("deploy-looking")));
    let check;
    try {
      check = await call("check_new_version");
    } catch (err) {
      info.lastChild.replaceWith(errorBox(err));
      return;
    }
    info.lastChild.remove();
    const warnings = h("ul", { id: "deploy-warnings" });
    if (check.recent_requests > 0) {
      warnings.append(h("li", { class: "warn-text" }, t("deploy-warn-participants", { requests: check.recent_requests })));
    }
    if (check.otree_changes) {
      warnings.append(h("li", { class: "warn-text" }, t("deploy-warn-otree", { running: check.running_otree, new_version: check.new_otree })));
    }
    warnings.append(h("li", {}, tNodes("deploy-warn-models", {}, { link: h("a", { href: "#postgres" }, t("deploy-warn-models-link")) })));
    const { input, go, label } = typedName(session.app, { id: "deploy-name", buttonId: "deploy-go", action: t("deploy-go"), onConfirm: run });
    append(confirmArea, h("h3", {}, t("deploy-before")), warnings, label, h("div", { class: "row" }, input, go));
  }

  function run(typed) {
    const upload = h("progress", { id: "deploy-upload", max: "1", value: "0", "aria-label": t("deploy-upload-label") });
    const output = h("pre", { class: "output", id: "deploy-output", "aria-live": "off", tabindex: "0", "aria-label": t("deploy-build-output-label") });
    const status = h("div", { id: "deploy-status", role: "status", "aria-live": "polite" }, h("p", { class: "muted" }, t("deploy-uploading")));
    const cancel = h("button", { type: "button", id: "deploy-cancel", onclick: () => job.cancel() }, t("deploy-cancel"));
    clear(confirmArea).append(upload, output, h("div", { class: "actions" }, cancel), status);
    const job = callWithProgress("deploy_new_version", { typedName: typed }, (p) => {
      if (p.kind === "upload") {
        upload.max = String(Math.max(p.total, 1));
        upload.value = String(p.sent);
        if (p.sent === p.total) clear(status).append(h("p", { class: "muted" }, t("deploy-building")));
      } else {
        output.append(`${p.line}\n`);
        output.scrollTop = output.scrollHeight;
      }
    });
    job.done.then(() => {
      cancel.remove();
      clear(status).append(h("p", { class: "ok" }, t("deploy-done")));
      onDeployed();
    }, (err) => {
      cancel.remove();
      // A deploy that fails replaces nothing: Heroku keeps the last release running.
      clear(status).append(errorBox(err), h("p", {}, t("deploy-failed-keeps-running")));
    });
  }
}

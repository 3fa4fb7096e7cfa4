// "Deploy a new version" (Overview): the new project chosen and checked, what to know first
// (participants on the study right now, a change of oTree version, whether the database must
// be reset), the app's name typed, then the upload and Heroku's build live.

import { call, callWithProgress, onProjectDropped } from "../api.js";
import { h, clear, append, errorBox, typedName } from "../dom.js";
import { size } from "../format.js";

export function deployCard(session, onDeployed) {
  const info = h("div", { id: "deploy-project", role: "status", "aria-live": "polite" });
  const confirmArea = h("div", { id: "deploy-confirm" });
  const card = h("section", { class: "card", id: "deploy" },
    h("h2", {}, "Deploy a new version"),
    h("p", {}, "Replace the study's code with a new version of your oTree project. The study restarts (a few seconds); its data stays. You can go back to the version before under Resources, Releases."),
    h("div", { class: "actions" },
      h("button", { type: "button", id: "deploy-choose-otreezip", onclick: () => choose(false) }, "Choose an .otreezip file…"),
      h("button", { type: "button", id: "deploy-choose-folder", onclick: () => choose(true) }, "Choose the project folder…"),
      session.practice ? h("button", { type: "button", id: "deploy-use-example", onclick: () => take(call("use_example_project")) }, "Use the example study") : null),
    h("p", { class: "muted" }, "Or drop the .otreezip file or the project folder on this window."),
    info, confirmArea);
  onProjectDropped(info, ({ report, error }) => take(error ? Promise.reject(error) : Promise.resolve(report)));
  return card;

  function choose(folder) {
    return take(call("choose_project", { folder }));
  }

  // `asked` settles with the project's report (none when the picker was closed) or an error.
  async function take(asked) {
    clear(confirmArea);
    clear(info).append(h("p", { class: "muted" }, "Reading the project…"));
    let project;
    try {
      project = await asked;
      if (!project) { clear(info); return; }
    } catch (err) {
      clear(info).append(errorBox(err));
      return;
    }
    append(clear(info),
      h("p", { class: "ok" }, `${project.name}: ${project.files} files, ${size(project.bytes)}, ${project.otree_requirement}.`),
      project.added.length ? h("p", {}, "Added because Heroku needs it: ", project.added.join("; "), ".") : null,
      project.left_out.length ? h("p", { class: "muted" }, "Left out: ", project.left_out.join(", "), ".") : null,
      h("p", { class: "muted" }, "Looking at the running study…"));
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
      warnings.append(h("li", { class: "warn-text" }, `Participants are using the study right now (${check.recent_requests} page requests in the last 10 minutes). The restart interrupts them for a few seconds; a page being loaded shows an error. Deploy between sessions if you can.`));
    }
    if (check.otree_changes) {
      warnings.append(h("li", { class: "warn-text" }, `The oTree version changes: the study runs oTree ${check.running_otree}, the new project needs ${check.new_otree}.`));
    }
    warnings.append(h("li", {}, "Did you change models (new or renamed fields in a models.py or __init__.py)? Then oTree needs an empty database: after the deploy, use ",
      h("a", { href: "#postgres" }, "Postgres, Reset the database"), ", which saves everything first. Novaland never resets on its own."));
    const { input, go, label } = typedName(session.app, { id: "deploy-name", buttonId: "deploy-go", action: "Deploy this version", onConfirm: run });
    append(confirmArea, h("h3", {}, "Before you deploy"), warnings, label, h("div", { class: "row" }, input, go));
  }

  function run(typed) {
    const upload = h("progress", { id: "deploy-upload", max: "1", value: "0", "aria-label": "Upload" });
    const output = h("pre", { class: "output", id: "deploy-output", "aria-live": "off", tabindex: "0", "aria-label": "Heroku's build output" });
    const status = h("div", { id: "deploy-status", role: "status", "aria-live": "polite" }, h("p", { class: "muted" }, "Uploading the project…"));
    const cancel = h("button", { type: "button", id: "deploy-cancel", onclick: () => job.cancel() }, "Cancel");
    clear(confirmArea).append(upload, output, h("div", { class: "actions" }, cancel), status);
    const job = callWithProgress("deploy_new_version", { typedName: typed }, (p) => {
      if (p.kind === "upload") {
        upload.max = String(Math.max(p.total, 1));
        upload.value = String(p.sent);
        if (p.sent === p.total) clear(status).append(h("p", { class: "muted" }, "Heroku is building the project…"));
      } else {
        output.append(`${p.line}\n`);
        output.scrollTop = output.scrollHeight;
      }
    });
    job.done.then(() => {
      cancel.remove();
      clear(status).append(h("p", { class: "ok" }, "The new version runs. The release list shows it; to go back, roll back to the release before."));
      onDeployed();
    }, (err) => {
      cancel.remove();
      // A deploy that fails replaces nothing: Heroku keeps the last release running.
      clear(status).append(errorBox(err), h("p", {}, "The version that was running before keeps running."));
    });
  }
}

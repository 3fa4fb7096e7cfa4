// "New study": an oTree project and a Heroku account become a running study. The researcher
// chooses the project (checked before anything is sent), a name (checked as it is typed) and
// the region, reads what will be created and what it costs, and watches each step; a failure
// part-way lists what exists and offers to finish or to remove it.

import { call, callWithProgress, onProjectDropped } from "../api.js";
import { h, clear, append, errorBox, typedName } from "../dom.js";
import { size, money } from "../format.js";
import { t, tNodes } from "../i18n.js";

const STEP_NAMES = {
  app: t("new-study-step-app"),
  database: t("new-study-step-database"),
  papertrail: t("new-study-step-papertrail"),
  settings: t("new-study-step-settings"),
  deploy: t("new-study-step-deploy"),
  start: t("new-study-step-start"),
  answer: t("new-study-step-answer"),
};

// A step's state on its chip: running, done or failed.
function stateWord(state) {
  switch (state) {
    case "running": return t("new-study-state-running");
    case "done": return t("new-study-state-done");
    case "failed": return t("new-study-state-failed");
    default: return state;
  }
}

// `ctx.onSession` enters the Overview; `ctx.back` returns to the app picker.
export function newStudy(el, ctx) {
  let project = null;
  let nameState = "empty";
  const projectInfo = h("div", { id: "project-info", role: "status", "aria-live": "polite" },
    h("p", { class: "muted" }, t("new-study-no-project")));
  const name = h("input", { type: "text", id: "study-name", autocomplete: "off", spellcheck: "false", maxlength: "30", "aria-describedby": "study-name-check" });
  const nameCheck = h("p", { id: "study-name-check", class: "muted", "aria-live": "polite" }, t("new-study-name-rules-address"));
  const region = (value, label, why, checked) => h("label", { class: "inline choice" },
    h("input", { type: "radio", name: "study-region", value, checked }), " ", h("strong", {}, label), h("span", { class: "muted" }, ` — ${why}`));
  const papertrail = h("input", { type: "checkbox", id: "study-papertrail", checked: true });
  const next = h("button", { type: "button", class: "primary", id: "study-next", disabled: true, onclick: confirm }, t("new-study-continue"));
  // Who owns and pays for the app: shown only when the account is in a Heroku Team.
  const owners = h("div", { id: "study-owners" });
  listTeams();
  const form = h("div", { id: "study-form" },
    h("h2", {}, t("new-study-project-title")),
    h("p", {}, tNodes("new-study-project-intro", {}, { command: h("code", {}, "otree zip") })),
    h("div", { class: "actions" },
      h("button", { type: "button", id: "choose-otreezip", onclick: () => choose(false) }, t("new-study-choose-otreezip")),
      h("button", { type: "button", id: "choose-folder", onclick: () => choose(true) }, t("new-study-choose-folder")),
      h("button", { type: "button", id: "use-example", onclick: () => take(call("use_example_project")) }, t("new-study-use-example"))),
    projectInfo,
    h("h2", {}, t("new-study-name-title")),
    h("label", { for: "study-name" }, t("new-study-name-label")),
    name, nameCheck,
    h("h2", {}, t("new-study-region-title")),
    h("div", { role: "radiogroup", "aria-label": t("new-study-region-label") },
      region("eu", t("new-study-region-eu"), t("new-study-region-eu-why"), true),
      region("us", t("new-study-region-us"), t("new-study-region-us-why"), false)),
    h("label", { class: "inline" }, papertrail, " ", t("new-study-papertrail")),
    owners,
    h("div", { class: "actions" }, next,
      h("button", { type: "button", class: "quiet", onclick: ctx.back }, t("new-study-back"))));
  const card = h("section", { class: "card guide", id: "new-study" },
    h("h1", {}, t("new-study-title")),
    h("p", {}, t("new-study-intro")),
    form);
  el.append(card);

  async function listTeams() {
    let teams;
    try {
      teams = await call("list_teams");
    } catch {
      // Without the list the study is the researcher's own, as it would be anyway.
      return;
    }
    if (!teams.length) return;
    const owner = (value, label, why, checked) => h("label", { class: "inline choice" },
      h("input", { type: "radio", name: "study-owner", value, checked }), " ", h("strong", {}, label), h("span", { class: "muted" }, ` — ${why}`));
    append(owners,
      h("h2", {}, t("new-study-owner-title")),
      h("div", { role: "radiogroup", "aria-label": t("new-study-owner-label") },
        owner("", t("new-study-owner-own"), t("new-study-owner-own-why"), true),
        teams.map((team) => owner(team.name, t("new-study-owner-team", { team: team.name }), t("new-study-owner-team-why"), false))));
  }

  function chosenTeam() {
    return card.querySelector("input[name=study-owner]:checked")?.value || null;
  }

  function ready() {
    next.disabled = !(project && nameState === "free");
  }

  function choose(folder) {
    return take(call("choose_project", { folder }));
  }

  // `asked` settles with the project's report (none when the picker was closed) or an error.
  async function take(asked) {
    clear(projectInfo).append(h("p", { class: "muted" }, t("new-study-reading-project")));
    try {
      const report = await asked;
      if (report) project = report;
      showProject();
    } catch (err) {
      project = null;
      clear(projectInfo).append(errorBox(err));
    }
    ready();
  }

  onProjectDropped(projectInfo, ({ report, error }) => take(error ? Promise.reject(error) : Promise.resolve(report)));

  function showProject() {
    clear(projectInfo);
    if (!project) { projectInfo.append(h("p", { class: "muted" }, t("new-study-no-project"))); return; }
    append(projectInfo,
      h("p", { class: "ok" }, t("new-study-project-summary", { project: project.name, files: project.files, size: size(project.bytes) })),
      h("p", {}, project.otree_version
        ? t("new-study-project-needs-version", { version: project.otree_version, requirement: project.otree_requirement })
        : t("new-study-project-needs", { requirement: project.otree_requirement })),
      project.added.length ? h("p", {}, t("new-study-project-added", { added: project.added.join("; ") })) : null,
      project.left_out.length ? h("p", { class: "muted" }, t("new-study-project-left-out", { left_out: project.left_out.join(", ") })) : null);
  }

  let timer = null;
  let asked = 0;
  name.addEventListener("input", () => {
    nameState = "checking";
    ready();
    clearTimeout(timer);
    const value = name.value.trim();
    if (!value) { nameState = "empty"; nameCheck.textContent = t("new-study-name-rules"); return; }
    nameCheck.textContent = t("new-study-name-checking");
    timer = setTimeout(async () => {
      const mine = ++asked;
      try {
        const check = await call("check_study_name", { name: value });
        if (mine !== asked) return;
        nameState = check.state;
        nameCheck.textContent = check.message;
        nameCheck.className = check.state === "free" ? "ok" : "bad";
      } catch (err) {
        if (mine !== asked) return;
        nameState = "error";
        clear(nameCheck).append(errorBox(err));
      }
      ready();
    }, 400);
  });

  function chosenRegion() {
    return card.querySelector("input[name=study-region]:checked").value;
  }

  async function confirm() {
    const study = { name: name.value.trim(), region: chosenRegion(), papertrail: papertrail.checked, team: chosenTeam() };
    let costs;
    try {
      costs = await call("study_costs", { papertrail: study.papertrail });
    } catch (err) {
      form.append(errorBox(err));
      return;
    }
    const total = costs.reduce((sum, c) => sum + c.cents_per_month, 0);
    const create = h("button", { type: "button", class: "primary", id: "study-create", onclick: () => run(study, false) }, t("new-study-create"));
    clear(form).append(
      h("h2", {}, t("new-study-confirm-title")),
      h("ul", { id: "study-costs" },
        h("li", {}, study.team
          ? t("new-study-confirm-app-team", { app: study.name, region: study.region, team: study.team })
          : t("new-study-confirm-app", { app: study.name, region: study.region })),
        costs.map((c) => h("li", {}, t("new-study-confirm-cost", { what: c.what, price: money(c.cents_per_month) })))),
      h("p", {}, study.team
        ? tNodes("new-study-confirm-billed-team", { team: study.team }, { total: h("strong", {}, t("new-study-confirm-total", { price: money(total) })) })
        : tNodes("new-study-confirm-billed", {}, { total: h("strong", {}, t("new-study-confirm-total", { price: money(total) })) })),
      h("p", {}, t("new-study-confirm-project", { project: project.name })),
      h("div", { class: "actions" }, create,
        h("button", { type: "button", class: "quiet", onclick: () => { clear(el); newStudy(el, ctx); } }, t("new-study-back"))));
    create.focus();
  }

  function run(study, resume) {
    const steps = h("ol", { id: "study-steps", class: "reset-steps" });
    const upload = h("progress", { id: "study-upload", max: "1", value: "0", hidden: true, "aria-label": t("new-study-upload-label") });
    const output = h("pre", { class: "output", id: "study-output", hidden: true, "aria-live": "off", tabindex: "0", "aria-label": t("new-study-build-output-label") });
    const status = h("div", { id: "study-status", role: "status", "aria-live": "polite" });
    const cancel = h("button", { type: "button", id: "study-cancel", onclick: () => job.cancel() }, t("new-study-cancel"));
    clear(form).append(h("h2", {}, resume ? t("new-study-finishing", { app: study.name }) : t("new-study-creating", { app: study.name })), steps, upload, output, h("div", { class: "actions" }, cancel), status);
    const items = {};
    // The app exists once its step is done: then a failure has left something behind.
    let appMade = false;
    const job = callWithProgress("create_study", { study, resume }, (p) => {
      if (p.kind === "upload") {
        upload.hidden = false;
        upload.max = String(Math.max(p.total, 1));
        upload.value = String(p.sent);
      } else if (p.kind === "output") {
        output.hidden = false;
        output.append(`${p.line}\n`);
        output.scrollTop = output.scrollHeight;
      } else {
        if (!items[p.step]) { items[p.step] = h("li", { "data-step": p.step }); steps.append(items[p.step]); }
        if (p.step === "app" && p.state === "done") appMade = true;
        append(clear(items[p.step]),
          h("span", { class: `chip ${p.state === "done" ? "good" : p.state === "failed" ? "bad" : "warn"}` }, stateWord(p.state)),
          " ", STEP_NAMES[p.step] || p.step, p.detail ? h("div", { class: "muted small" }, p.detail) : null);
      }
    });
    job.done.then((created) => {
      cancel.remove();
      done(created, status);
    }, (err) => {
      cancel.remove();
      failed(study, err, status, appMade);
    });
  }

  function done(created, status) {
    const open = h("button", { type: "button", class: "primary", id: "study-open", onclick: enter }, t("new-study-open-overview"));
    append(status,
      h("p", { class: "ok" }, created.web_url
        ? t("new-study-runs-at", { app: created.app, url: created.web_url })
        : t("new-study-runs", { app: created.app })),
      created.admin_password ? h("div", { class: "secret-once", id: "study-password" },
        h("p", {}, tNodes("new-study-password-note", {}, { password: h("strong", {}, t("new-study-password")) })),
        h("div", { class: "row" }, h("code", { id: "study-password-value" }, created.admin_password),
          h("button", { type: "button", id: "study-password-copy", onclick: (e) => copy(created.admin_password, e.target) }, t("new-study-copy")))) : null,
      h("div", { class: "actions" }, open));
    open.focus();

    async function enter() {
      try {
        ctx.onSession(await call("choose_app", { name: created.app }));
      } catch (err) {
        status.append(errorBox(err));
      }
    }
  }

  function failed(study, err, status, appMade) {
    const verify = err.code === "needs_verification";
    append(status, errorBox(err),
      verify ? h("button", { type: "button", id: "open-billing", onclick: () => call("open_heroku_page", { page: "billing" }).catch((e) => status.append(errorBox(e))) }, t("new-study-open-billing")) : null);
    if (appMade) {
      const { input, go, label } = typedName(study.name, { id: "remove-study-name", buttonId: "remove-study", action: t("new-study-remove-action"), onConfirm: remove });
      status.append(h("div", { class: "actions" },
        h("button", { type: "button", class: "primary", id: "study-retry", onclick: () => run(study, true) }, t("try-again"))),
        h("p", {}, t("new-study-remove-intro")),
        label, h("div", { class: "row" }, input, go));
      async function remove(typed) {
        try {
          await call("remove_new_study", { name: study.name, typedName: typed });
          clear(status).append(h("p", { class: "ok" }, t("new-study-removed", { app: study.name })),
            h("button", { type: "button", onclick: () => { clear(el); newStudy(el, ctx); } }, t("new-study-start-again")));
        } catch (e) {
          status.append(errorBox(e));
        }
      }
    } else {
      status.append(h("div", { class: "actions" },
        h("button", { type: "button", id: "study-start-again", onclick: () => { clear(el); newStudy(el, ctx); } }, t("new-study-change-and-retry"))));
    }
  }
}

async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = t("new-study-copied");
  } catch {
    // WebKitGTK may refuse the clipboard to a page: select the text so Ctrl+C copies it.
    const range = document.createRange();
    range.selectNodeContents(button.previousElementSibling);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    button.textContent = t("new-study-selected");
  }
}

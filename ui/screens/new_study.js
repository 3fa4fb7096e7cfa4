// "New study": an oTree project and a Heroku account become a running study. The researcher
// chooses the project (checked before anything is sent), a name (checked as it is typed) and
// the region, reads what will be created and what it costs, and watches each step; a failure
// part-way lists what exists and offers to finish or to remove it.

import { call, callWithProgress, onProjectDropped } from "../api.js";
import { h, clear, append, errorBox, typedName } from "../dom.js";
import { size, money } from "../format.js";

const STEP_NAMES = {
  app: "Create the Heroku app",
  database: "Add Heroku Postgres (essential-0) and wait until it is ready",
  papertrail: "Add Papertrail (free plan)",
  settings: "Set oTree's production settings and an admin password",
  deploy: "Upload the project and let Heroku build it",
  start: "Start one Basic web dyno",
  answer: "Wait until the study answers",
};

// `ctx.onSession` enters the Overview; `ctx.back` returns to the app picker.
export function newStudy(el, ctx) {
  let project = null;
  let nameState = "empty";
  const projectInfo = h("div", { id: "project-info", role: "status", "aria-live": "polite" },
    h("p", { class: "muted" }, "No project chosen yet."));
  const name = h("input", { type: "text", id: "study-name", autocomplete: "off", spellcheck: "false", maxlength: "30", "aria-describedby": "study-name-check" });
  const nameCheck = h("p", { id: "study-name-check", class: "muted", "aria-live": "polite" }, "Small letters, digits and dashes; 3 to 30 characters. Participants see it in the study's address.");
  const region = (value, label, why, checked) => h("label", { class: "inline choice" },
    h("input", { type: "radio", name: "study-region", value, checked }), " ", h("strong", {}, label), h("span", { class: "muted" }, ` — ${why}`));
  const papertrail = h("input", { type: "checkbox", id: "study-papertrail", checked: true });
  const next = h("button", { type: "button", class: "primary", id: "study-next", disabled: true, onclick: confirm }, "Continue");
  // Who owns and pays for the app: shown only when the account is in a Heroku Team.
  const owners = h("div", { id: "study-owners" });
  listTeams();
  const form = h("div", { id: "study-form" },
    h("h2", {}, "1. Your oTree project"),
    h("p", {}, "The file ", h("code", {}, "otree zip"), " made in your project folder (it ends in .otreezip), or the project folder itself: choose it, or drop it on this window. No project yet? Novaland's example study (a survey and a guessing game) shows how it all works."),
    h("div", { class: "actions" },
      h("button", { type: "button", id: "choose-otreezip", onclick: () => choose(false) }, "Choose an .otreezip file…"),
      h("button", { type: "button", id: "choose-folder", onclick: () => choose(true) }, "Choose the project folder…"),
      h("button", { type: "button", id: "use-example", onclick: () => take(call("use_example_project")) }, "Use the example study")),
    projectInfo,
    h("h2", {}, "2. The app's name"),
    h("label", { for: "study-name" }, "Name of the new Heroku app"),
    name, nameCheck,
    h("h2", {}, "3. Where the server runs"),
    h("div", { role: "radiogroup", "aria-label": "Region" },
      region("eu", "Europe", "for participants in Europe: faster pages, and the data stays in the EU (GDPR).", true),
      region("us", "United States", "for participants in the Americas.", false)),
    h("label", { class: "inline" }, papertrail, " Add Papertrail's free plan: a searchable log of the last days, for finding errors"),
    owners,
    h("div", { class: "actions" }, next,
      h("button", { type: "button", class: "quiet", onclick: ctx.back }, "Back")));
  const card = h("section", { class: "card guide", id: "new-study" },
    h("h1", {}, "A new study on Heroku"),
    h("p", {}, "Novaland creates a Heroku app for your study, gives it a database, uploads your oTree project and starts it. You need a Heroku account with a payment method; nothing is created before you confirm."),
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
      h("h2", {}, "4. Who owns and pays for it"),
      h("div", { role: "radiogroup", "aria-label": "Owner" },
        owner("", "Your own account", "billed to you; you invite the people who help.", true),
        teams.map((t) => owner(t.name, `The team ${t.name}`, "billed to the team; its members see the app.", false))));
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
    clear(projectInfo).append(h("p", { class: "muted" }, "Reading the project…"));
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
    if (!project) { projectInfo.append(h("p", { class: "muted" }, "No project chosen yet.")); return; }
    append(projectInfo,
      h("p", { class: "ok" }, `${project.name}: an oTree project, ${project.files} files, ${size(project.bytes)}.`),
      h("p", {}, `It needs ${project.otree_version ? `oTree ${project.otree_version}` : "oTree"} (requirements.txt: ${project.otree_requirement}).`),
      project.added.length ? h("p", {}, "Added because Heroku needs it: ", project.added.join("; "), ".") : null,
      project.left_out.length ? h("p", { class: "muted" }, "Left out (not for Heroku): ", project.left_out.join(", "), ".") : null);
  }

  let timer = null;
  let asked = 0;
  name.addEventListener("input", () => {
    nameState = "checking";
    ready();
    clearTimeout(timer);
    const value = name.value.trim();
    if (!value) { nameState = "empty"; nameCheck.textContent = "Small letters, digits and dashes; 3 to 30 characters."; return; }
    nameCheck.textContent = "Checking with Heroku…";
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
    const create = h("button", { type: "button", class: "primary", id: "study-create", onclick: () => run(study, false) }, "Create the study");
    clear(form).append(
      h("h2", {}, "What will be created"),
      h("ul", { id: "study-costs" },
        h("li", {}, `The Heroku app ${study.name} in ${study.region === "eu" ? "Europe" : "the United States"}${study.team ? `, owned by the team ${study.team}` : ""}`),
        costs.map((c) => h("li", {}, `${c.what}: ${money(c.cents_per_month)}`))),
      h("p", {}, h("strong", {}, `In all about ${money(total)}`), `, billed by Heroku to ${study.team ? `the team ${study.team}` : "your account"} by the hour while the app exists. Scale the dyno to 0 or delete the app when the study is over and nothing more is charged.`),
      h("p", {}, `Your project ${project.name} is uploaded and built, and oTree is set to production mode with an admin password that Novaland makes and shows you once.`),
      h("div", { class: "actions" }, create,
        h("button", { type: "button", class: "quiet", onclick: () => { clear(el); newStudy(el, ctx); } }, "Back")));
    create.focus();
  }

  function run(study, resume) {
    const steps = h("ol", { id: "study-steps", class: "reset-steps" });
    const upload = h("progress", { id: "study-upload", max: "1", value: "0", hidden: true, "aria-label": "Upload" });
    const output = h("pre", { class: "output", id: "study-output", hidden: true, "aria-live": "off", tabindex: "0", "aria-label": "Heroku's build output" });
    const status = h("div", { id: "study-status", role: "status", "aria-live": "polite" });
    const cancel = h("button", { type: "button", id: "study-cancel", onclick: () => job.cancel() }, "Cancel");
    clear(form).append(h("h2", {}, resume ? `Finishing ${study.name}` : `Creating ${study.name}`), steps, upload, output, h("div", { class: "actions" }, cancel), status);
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
          h("span", { class: `chip ${p.state === "done" ? "good" : p.state === "failed" ? "bad" : "warn"}` }, p.state),
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
    const open = h("button", { type: "button", class: "primary", id: "study-open", onclick: enter }, "Open the Overview");
    append(status,
      h("p", { class: "ok" }, `Your study ${created.app} runs${created.web_url ? ` at ${created.web_url}` : ""}.`),
      created.admin_password ? h("div", { class: "secret-once", id: "study-password" },
        h("p", {}, h("strong", {}, "oTree's admin password"), " (user name admin). Note it now: it is shown here once. You can find it again under Resources, Settings, OTREE_ADMIN_PASSWORD, Show."),
        h("div", { class: "row" }, h("code", { id: "study-password-value" }, created.admin_password),
          h("button", { type: "button", id: "study-password-copy", onclick: (e) => copy(created.admin_password, e.target) }, "Copy"))) : null,
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
      verify ? h("button", { type: "button", id: "open-billing", onclick: () => call("open_heroku_page", { page: "billing" }).catch((e) => status.append(errorBox(e))) }, "Open Heroku's billing page") : null);
    if (appMade) {
      const { input, go, label } = typedName(study.name, { id: "remove-study-name", buttonId: "remove-study", action: "Remove the new app", onConfirm: remove });
      status.append(h("div", { class: "actions" },
        h("button", { type: "button", class: "primary", id: "study-retry", onclick: () => run(study, true) }, "Try again")),
        h("p", {}, "Or remove everything that was created (the app, its database and add-ons; nothing else of your account):"),
        label, h("div", { class: "row" }, input, go));
      async function remove(typed) {
        try {
          await call("remove_new_study", { name: study.name, typedName: typed });
          clear(status).append(h("p", { class: "ok" }, `The app ${study.name} and everything on it were removed.`),
            h("button", { type: "button", onclick: () => { clear(el); newStudy(el, ctx); } }, "Start again"));
        } catch (e) {
          status.append(errorBox(e));
        }
      }
    } else {
      status.append(h("div", { class: "actions" },
        h("button", { type: "button", id: "study-start-again", onclick: () => { clear(el); newStudy(el, ctx); } }, "Change and try again")));
    }
  }
}

async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = "Copied";
  } catch {
    // WebKitGTK may refuse the clipboard to a page: select the text so Ctrl+C copies it.
    const range = document.createRange();
    range.selectNodeContents(button.previousElementSibling);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    button.textContent = "Selected: press Ctrl+C";
  }
}

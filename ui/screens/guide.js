// The first-run guide: create a Heroku account, find the API key, paste it, pick the study's
// app. A second door opens practice mode, which needs no account.

import { call } from "../api.js";
import { h, clear, errorBox } from "../dom.js";
import { newStudy } from "./new_study.js";

export function render(el, ctx) {
  const go = (step, extra = {}) => {
    clear(el);
    steps[step](el, { ...ctx, ...extra, go });
    const heading = el.querySelector("h1");
    if (heading) { heading.tabIndex = -1; heading.focus(); }
  };
  go(ctx.step || "welcome");
}

const steps = { welcome, create, key, pick, newStudy: (el, ctx) => newStudy(el, { ...ctx, back: () => ctx.go("pick") }) };

function progress(n) {
  const names = ["Heroku account", "API key", "Your study's app"];
  return h("ol", { class: "steps", "aria-label": "Setup steps" },
    names.map((name, i) => h("li", { class: i + 1 === n ? "current" : i + 1 < n ? "done" : "", "aria-current": i + 1 === n ? "step" : null }, name)));
}

function welcome(el, ctx) {
  const practiceStatus = h("div", { role: "status" });
  el.append(h("section", { class: "card guide" },
    h("h1", {}, "Welcome to Novaland"),
    h("p", {}, "Novaland shows your oTree study's server on Heroku at a glance: whether it runs, what it costs, and your participants' data. You set it up once; it takes about three minutes."),
    h("div", { class: "doors" },
      h("button", { type: "button", class: "door primary", id: "have-account", onclick: () => ctx.go("key") },
        h("strong", {}, "I have a Heroku account"), h("span", {}, "Connect it with your API key.")),
      h("button", { type: "button", class: "door", id: "no-account", onclick: () => ctx.go("create") },
        h("strong", {}, "I don't have one yet"), h("span", {}, "We'll open Heroku's sign-up page.")),
      h("button", { type: "button", class: "door", id: "practice", onclick: () => startPractice(false) },
        h("strong", {}, "Explore without an account"), h("span", {}, "Practice on a made-up study. Nothing real is touched."))),
    h("p", { class: "muted" }, "Or practise setting up a study from nothing: ",
      h("button", { type: "button", class: "link", id: "practice-empty", onclick: () => startPractice(true) }, "an empty practice account"),
      ", where Novaland's example study is created and deployed on a simulated Heroku."),
    practiceStatus));

  async function startPractice(empty = false) {
    practiceStatus.textContent = empty ? "Opening an empty practice account…" : "Opening the practice study…";
    try {
      ctx.onSession(await call("start_practice", { empty }));
    } catch (err) {
      clear(practiceStatus).append(errorBox(err, () => startPractice(empty)));
    }
  }
}

function create(el, ctx) {
  el.append(h("section", { class: "card guide" },
    progress(1),
    h("h1", {}, "Create your Heroku account"),
    h("ol", { class: "instructions" },
      h("li", {}, "Click the button below: Heroku's sign-up page opens in your browser."),
      h("li", {}, "Fill in your name and e-mail, choose ", h("em", {}, "Student"), " or ", h("em", {}, "Academic"), " as your role, and confirm the e-mail Heroku sends you."),
      h("li", {}, "Heroku asks you to turn on multi-factor authentication; follow its steps."),
      h("li", {}, "Come back here and click ", h("em", {}, "I have my account"), ".")),
    h("div", { class: "actions" },
      h("button", { type: "button", onclick: () => openPage("signup", el) }, "Open Heroku's sign-up page"),
      h("button", { type: "button", class: "primary", onclick: () => ctx.go("key") }, "I have my account"),
      h("button", { type: "button", class: "quiet", onclick: () => ctx.go("welcome") }, "Back"))));
}

async function openPage(page, el) {
  try {
    await call("open_heroku_page", { page });
  } catch (err) {
    el.querySelector(".card").append(errorBox(err));
  }
}

function key(el, ctx) {
  const input = h("input", { id: "api-key", type: "password", autocomplete: "off", spellcheck: "false", "aria-describedby": "key-help", placeholder: "Paste your API key here" });
  const reveal = h("button", { type: "button", class: "quiet", "aria-pressed": "false", onclick: () => {
    const shown = input.type === "text";
    input.type = shown ? "password" : "text";
    reveal.textContent = shown ? "Show" : "Hide";
    reveal.setAttribute("aria-pressed", String(!shown));
  } }, "Show");
  const status = h("div", { id: "key-status", role: "status", "aria-live": "polite" });
  const submit = h("button", { type: "submit", class: "primary", id: "check-key" }, "Check and save");

  const form = h("form", { class: "key-form", onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    clear(status).append(h("p", { class: "muted" }, "Checking the key with Heroku…"));
    try {
      const info = await call("sign_in", { key: input.value });
      input.value = "";
      clear(status).append(h("p", { class: "ok" }, `Signed in as ${info.email}. Your key is kept in this computer's keychain.`));
      ctx.onSession(info);
    } catch (err) {
      clear(status).append(errorBox(err));
      input.focus();
      input.select();
    } finally {
      submit.disabled = false;
    }
  } },
    h("label", { for: "api-key" }, "Your Heroku API key"),
    h("div", { class: "row" }, input, reveal),
    h("div", { class: "actions" }, submit,
      h("button", { type: "button", class: "quiet", onclick: () => ctx.go("welcome") }, "Back")),
    status);

  el.append(h("section", { class: "card guide" },
    progress(2),
    h("h1", {}, "Connect your Heroku account"),
    ctx.notice ? h("p", { class: "notice", role: "alert" }, ctx.notice) : null,
    h("p", { id: "key-help" }, "Novaland talks to Heroku with your account's API key. It is checked with Heroku, then kept only in this computer's keychain; you paste it once."),
    h("ol", { class: "instructions" },
      h("li", {}, h("button", { type: "button", class: "link", onclick: () => openPage("account", el) }, "Open your Heroku account settings"), " (log in if Heroku asks)."),
      h("li", {}, "Scroll down to ", h("strong", {}, "API Key"), " and click ", h("strong", {}, "Reveal"), "."),
      h("li", {}, "Copy the key, come back here and paste it below.")),
    form));
  input.focus();
}

function pick(el, ctx) {
  const list = h("div", { class: "app-list", role: "list", id: "app-list" }, h("p", { class: "muted" }, "Loading your apps…"));
  const filter = h("input", { type: "search", id: "app-filter", placeholder: "Type to find an app", "aria-label": "Find an app", hidden: true });
  let apps = [];

  const draw = () => {
    const q = filter.value.trim().toLowerCase();
    const shown = apps.filter((a) => !q || a.name.toLowerCase().includes(q) || (a.team || "").toLowerCase().includes(q));
    clear(list);
    if (apps.length === 0) {
      list.append(h("p", {}, "This Heroku account has no apps yet. Novaland can create one for your study and deploy your oTree project to it."),
        h("div", { class: "actions" },
          h("button", { type: "button", class: "primary", id: "new-study-empty", onclick: () => ctx.go("newStudy") }, "Create a new study…"),
          h("button", { type: "button", onclick: load }, "Refresh")));
      return;
    }
    if (shown.length === 0) list.append(h("p", { class: "muted" }, "No app matches."));
    for (const app of shown) {
      list.append(h("button", { type: "button", role: "listitem", class: "app-choice", "data-app": app.name, onclick: () => choose(app.name) },
        h("strong", {}, app.name),
        h("span", { class: "muted" }, [app.team ? `team ${app.team}` : "personal", `region ${app.region}`].join(" · "))));
    }
  };

  async function load() {
    clear(list).append(h("p", { class: "muted" }, "Loading your apps…"));
    try {
      apps = await call("list_apps");
      filter.hidden = apps.length <= 6;
      draw();
    } catch (err) {
      clear(list).append(errorBox(err, load));
    }
  }

  async function choose(name) {
    try {
      ctx.onSession(await call("choose_app", { name }));
    } catch (err) {
      list.prepend(errorBox(err));
    }
  }

  filter.addEventListener("input", draw);
  el.append(h("section", { class: "card guide" },
    progress(3),
    h("h1", {}, "Which app runs your study?"),
    h("p", {}, "These are the Heroku apps your account can use, your own and your teams'. Pick the one your participants open."),
    filter, list,
    h("p", { class: "muted" }, "A study that is not on Heroku yet? ",
      h("button", { type: "button", class: "link", id: "new-study", onclick: () => ctx.go("newStudy") }, "Create a new study"), ".")));
  load();
}

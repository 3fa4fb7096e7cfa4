// The first-run guide: create a Heroku account, find the API key, paste it, pick the study's
// app. A second door opens practice mode, which needs no account.

import { call } from "../api.js";
import { h, clear, errorBox } from "../dom.js";
import { t, tNodes } from "../i18n.js";
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
  const names = [t("guide-step-account"), t("guide-step-key"), t("guide-step-app")];
  return h("ol", { class: "steps", "aria-label": t("guide-steps-label") },
    names.map((name, i) => h("li", { class: i + 1 === n ? "current" : i + 1 < n ? "done" : "", "aria-current": i + 1 === n ? "step" : null }, name)));
}

function welcome(el, ctx) {
  const practiceStatus = h("div", { role: "status" });
  el.append(h("section", { class: "card guide" },
    h("h1", {}, t("guide-welcome-title")),
    h("p", {}, t("guide-welcome-intro")),
    h("div", { class: "doors" },
      h("button", { type: "button", class: "door primary", id: "have-account", onclick: () => ctx.go("key") },
        h("strong", {}, t("guide-door-have-account")), h("span", {}, t("guide-door-have-account-detail"))),
      h("button", { type: "button", class: "door", id: "no-account", onclick: () => ctx.go("create") },
        h("strong", {}, t("guide-door-no-account")), h("span", {}, t("guide-door-no-account-detail"))),
      h("button", { type: "button", class: "door", id: "practice", onclick: () => startPractice(false) },
        h("strong", {}, t("guide-door-practice")), h("span", {}, t("guide-door-practice-detail")))),
    h("p", { class: "muted" }, tNodes("guide-practice-empty", {}, {
      link: h("button", { type: "button", class: "link", id: "practice-empty", onclick: () => startPractice(true) }, t("guide-practice-empty-link")),
    })),
    practiceStatus));

  async function startPractice(empty = false) {
    practiceStatus.textContent = empty ? t("guide-opening-empty-practice") : t("guide-opening-practice");
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
    h("h1", {}, t("guide-create-title")),
    h("ol", { class: "instructions" },
      h("li", {}, t("guide-create-click")),
      h("li", {}, tNodes("guide-create-fill-in", {}, { student: h("em", { lang: "en" }, t("guide-create-role-student")), academic: h("em", { lang: "en" }, t("guide-create-role-academic")) })),
      h("li", {}, t("guide-create-mfa")),
      h("li", {}, tNodes("guide-create-come-back", {}, { button: h("em", {}, t("guide-create-have-account")) }))),
    h("div", { class: "actions" },
      h("button", { type: "button", onclick: () => openPage("signup", el) }, t("guide-create-open-signup")),
      h("button", { type: "button", class: "primary", onclick: () => ctx.go("key") }, t("guide-create-have-account")),
      h("button", { type: "button", class: "quiet", onclick: () => ctx.go("welcome") }, t("guide-back")))));
}

async function openPage(page, el) {
  try {
    await call("open_heroku_page", { page });
  } catch (err) {
    el.querySelector(".card").append(errorBox(err));
  }
}

function key(el, ctx) {
  const input = h("input", { id: "api-key", type: "password", autocomplete: "off", spellcheck: "false", "aria-describedby": "key-help", placeholder: t("guide-key-placeholder") });
  const reveal = h("button", { type: "button", class: "quiet", "aria-pressed": "false", onclick: () => {
    const shown = input.type === "text";
    input.type = shown ? "password" : "text";
    reveal.textContent = shown ? t("guide-key-show") : t("guide-key-hide");
    reveal.setAttribute("aria-pressed", String(!shown));
  } }, t("guide-key-show"));
  const status = h("div", { id: "key-status", role: "status", "aria-live": "polite" });
  const submit = h("button", { type: "submit", class: "primary", id: "check-key" }, t("guide-key-check"));

  const form = h("form", { class: "key-form", onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    clear(status).append(h("p", { class: "muted" }, t("guide-key-checking")));
    try {
      const info = await call("sign_in", { key: input.value });
      input.value = "";
      clear(status).append(h("p", { class: "ok" }, t("guide-key-signed-in", { email: info.email })));
      ctx.onSession(info);
    } catch (err) {
      clear(status).append(errorBox(err));
      input.focus();
      input.select();
    } finally {
      submit.disabled = false;
    }
  } },
    h("label", { for: "api-key" }, t("guide-key-label")),
    h("div", { class: "row" }, input, reveal),
    h("div", { class: "actions" }, submit,
      h("button", { type: "button", class: "quiet", onclick: () => ctx.go("welcome") }, t("guide-back"))),
    status);

  el.append(h("section", { class: "card guide" },
    progress(2),
    h("h1", {}, t("guide-key-title")),
    ctx.notice ? h("p", { class: "notice", role: "alert" }, ctx.notice) : null,
    h("p", { id: "key-help" }, t("guide-key-help")),
    h("ol", { class: "instructions" },
      h("li", {}, tNodes("guide-key-open-settings", {}, { link: h("button", { type: "button", id: "open-account-page", class: "link", onclick: () => openPage("account", el) }, t("guide-key-open-settings-link")) })),
      h("li", {}, tNodes("guide-key-reveal", {}, { section: h("strong", { lang: "en" }, t("guide-key-heroku-api-key")), button: h("strong", { lang: "en" }, t("guide-key-heroku-reveal")) })),
      h("li", {}, t("guide-key-paste"))),
    form));
  input.focus();
}

function pick(el, ctx) {
  const list = h("div", { class: "app-list", role: "list", id: "app-list" }, h("p", { class: "muted" }, t("guide-pick-loading")));
  const filter = h("input", { type: "search", id: "app-filter", placeholder: t("guide-pick-filter-placeholder"), "aria-label": t("guide-pick-filter-label"), hidden: true });
  let apps = [];

  const draw = () => {
    const q = filter.value.trim().toLowerCase();
    const shown = apps.filter((a) => !q || a.name.toLowerCase().includes(q) || (a.team || "").toLowerCase().includes(q));
    clear(list);
    if (apps.length === 0) {
      list.append(h("p", {}, t("guide-pick-no-apps")),
        h("div", { class: "actions" },
          h("button", { type: "button", class: "primary", id: "new-study-empty", onclick: () => ctx.go("newStudy") }, t("guide-pick-create-study")),
          h("button", { type: "button", onclick: load }, t("guide-pick-refresh"))));
      return;
    }
    if (shown.length === 0) list.append(h("p", { class: "muted" }, t("guide-pick-no-match")));
    for (const app of shown) {
      list.append(h("button", { type: "button", role: "listitem", class: "app-choice", "data-app": app.name, onclick: () => choose(app.name) },
        h("strong", {}, app.name),
        h("span", { class: "muted" }, app.team ? t("guide-pick-app-team", { team: app.team, region: app.region }) : t("guide-pick-app-personal", { region: app.region }))));
    }
  };

  async function load() {
    clear(list).append(h("p", { class: "muted" }, t("guide-pick-loading")));
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
    h("h1", {}, t("guide-pick-title")),
    h("p", {}, t("guide-pick-intro")),
    filter, list,
    h("p", { class: "muted" }, tNodes("guide-pick-new-study", {}, {
      link: h("button", { type: "button", class: "link", id: "new-study", onclick: () => ctx.go("newStudy") }, t("guide-pick-new-study-link")),
    }))));
  load();
}

// Resources: dynos (size, count, cost, restart, maintenance), add-ons and Heroku's
// marketplace, config vars (secrets hidden until asked for), collaborators and releases.

import { call, callWithProgress } from "../api.js";
import { h, clear, errorBox, typedName } from "../dom.js";
import { money, when } from "../format.js";

const GROUPS = { databases: "Databases", logs: "Logs and monitoring", errors: "Errors", email: "E-mail", storage: "File storage", security: "Security", other: "Other" };

export function render(el, { session }) {
  const dynos = h("section", { class: "card", id: "dynos-card" }, h("h2", {}, "Dynos (the study's server)"));
  const addons = h("section", { class: "card", id: "addons-card" }, h("h2", {}, "Add-ons"));
  const configVarsCard = h("section", { class: "card", id: "config-vars-card" }, h("h2", {}, "Config vars"));
  const people = h("section", { class: "card", id: "people-card" }, h("h2", {}, "Collaborators"));
  const history = h("section", { class: "card", id: "releases-card" }, h("h2", {}, "Releases"));
  el.append(h("div", { class: "screen-head" }, h("h1", {}, "Resources")), dynos, addons, configVarsCard, people, history);
  drawDynos(dynos);
  drawAddons(addons, session);
  drawConfigVars(configVarsCard);
  drawPeople(people);
  drawReleases(history, session);
}

function body(card) {
  let box = card.querySelector(".card-body");
  if (!box) {
    box = h("div", { class: "card-body" });
    card.append(box);
  }
  return clear(box);
}

// An inline "are you sure": the text, then Yes / No.
function confirmBox(text, yes, onYes) {
  const box = h("div", { class: "notice confirm" }, h("p", {}, text));
  box.append(h("button", { type: "button", class: "danger", "data-confirm": "yes", onclick: () => { box.remove(); onYes(); } }, yes), " ",
    h("button", { type: "button", onclick: () => box.remove() }, "Cancel"));
  return box;
}

async function drawDynos(card) {
  const box = body(card);
  box.append(h("p", { class: "muted" }, "Asking Heroku…"));
  try {
    const d = await call("list_formation");
    clear(box);
    const status = h("div", { id: "dynos-status", role: "status", "aria-live": "polite" });
    const web = d.processes.find((p) => p.process_type === "web");
    if (web && web.quantity === 0) {
      box.append(h("div", { class: "notice" }, h("p", {}, "The study's server is off: nobody can open the study."),
        h("button", { type: "button", class: "primary", id: "start-server", onclick: () => save("web", web.size === "Eco" ? "Basic" : web.size, 1) }, "Start the study's server")));
    }
    box.append(h("table", { id: "dyno-table" },
      h("thead", {}, h("tr", {}, ["Process", "Size", "How many", "Memory each", "Cost", ""].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, d.processes.map((p) => {
        const size = h("select", { "aria-label": `Size of ${p.process_type}`, "data-size": p.process_type }, d.sizes.map((s) => h("option", { value: s.name, selected: s.name.toLowerCase() === p.size.toLowerCase() }, `${s.name} (${money(s.monthly_cents)})`)));
        const count = h("input", { type: "number", min: "0", max: "100", value: String(p.quantity), "aria-label": `How many ${p.process_type} dynos`, "data-count": p.process_type, class: "count" });
        return h("tr", { "data-process": p.process_type },
          h("th", { scope: "row" }, p.process_type, p.command ? h("div", { class: "muted small" }, p.command) : null),
          h("td", {}, size), h("td", {}, count),
          h("td", {}, p.memory_mb ? `${p.memory_mb} MB` : "?"), h("td", {}, p.quantity ? money(p.monthly_cents) : "nothing while off"),
          h("td", {}, h("button", { type: "button", "data-save": p.process_type, onclick: () => {
            const n = Number(count.value);
            if (p.process_type === "web" && n > 1) {
              status.append(confirmBox("oTree runs on one web dyno: with more, participants of one group can land on different dynos and wait forever. A bigger size is the safe way to serve more people. Scale to more anyway?", `Use ${n} web dynos`, () => save(p.process_type, size.value, n)));
            } else {
              save(p.process_type, size.value, n);
            }
          } }, "Save")));
      }))),
      h("ul", { class: "warnings" }, d.processes.flatMap((p) => p.warnings).map((w) => h("li", { class: "notice" }, w))),
      h("div", { class: "actions" },
        h("button", { type: "button", id: "restart-app", onclick: () => status.append(confirmBox("Restarting takes about a minute; participants on a page at that moment see an error and must reload.", "Restart now", async () => {
          try { await call("restart_dynos"); clear(status).append(h("p", { class: "ok" }, "Restarting; the study is back in about a minute.")); } catch (err) { status.append(errorBox(err)); }
        })) }, "Restart the app"),
        h("button", { type: "button", id: "maintenance", onclick: async () => {
          try { await call("set_maintenance", { on: !d.maintenance }); drawDynos(card); } catch (err) { status.append(errorBox(err)); }
        } }, d.maintenance ? "End maintenance mode" : "Maintenance mode on"),
        d.maintenance ? h("span", { class: "chip warn" }, "In maintenance: participants see Heroku's maintenance page") : null),
      status);

    async function save(type, size, quantity) {
      clear(status).append(h("p", { class: "muted" }, "Changing…"));
      try {
        const p = await call("change_formation", { processType: type, size, quantity });
        await drawDynos(card);
        card.querySelector("#dynos-status").append(h("p", { class: "ok" }, `${p.process_type}: ${p.quantity} × ${p.size} (${money(p.monthly_cents)}).`));
      } catch (err) {
        clear(status).append(errorBox(err));
      }
    }
  } catch (err) {
    clear(box).append(errorBox(err, () => drawDynos(card)));
  }
}

async function drawAddons(card, session) {
  const box = body(card);
  box.append(h("p", { class: "muted" }, "Asking Heroku…"));
  try {
    const list = await call("list_addons");
    const status = h("div", { id: "addons-status", role: "status", "aria-live": "polite" });
    clear(box).append(
      list.length ? h("table", { id: "addon-table" },
        h("thead", {}, h("tr", {}, ["Add-on", "Plan", "Price", "State", "Sets", ""].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, list.map((a) => h("tr", { "data-service": a.addon_service.name, "data-addon": a.name },
          h("td", {}, a.addon_service.name, h("div", { class: "muted small" }, a.name)),
          h("td", {}, a.plan.name.split(":").pop()),
          h("td", {}, a.billed_price ? money(a.billed_price.cents) : "?"),
          h("td", {}, h("span", { class: `chip ${a.state === "provisioned" ? "good" : "warn"}` }, a.state === "provisioned" ? "ready" : a.state)),
          h("td", { class: "small" }, a.config_vars.join(", ")),
          h("td", { class: "row-actions" },
            h("button", { type: "button", class: "small", onclick: () => call("open_addon", { addon: a.id }).catch((err) => clear(status).append(errorBox(err))) }, "Dashboard"),
            h("button", { type: "button", class: "small", onclick: () => changePlan(a) }, "Change plan"),
            h("button", { type: "button", class: "small danger", "data-remove": a.addon_service.name, onclick: () => removeAddon(a) }, "Remove")))))) : h("p", {}, "No add-ons yet. An oTree study needs Heroku Postgres for its data."),
      status,
      marketplace());

    async function changePlan(a) {
      clear(status).append(h("p", { class: "muted" }, "Asking Heroku for the plans…"));
      try {
        const plans = await call("addon_plans", { service: a.addon_service.name });
        const pick = h("select", { "aria-label": "New plan" }, plans.map((p) => h("option", { value: p.name, selected: p.name === a.plan.name }, `${p.human_name} (${money(p.cents)})`)));
        clear(status).append(h("div", { class: "row" }, `New plan for ${a.name}: `, pick, h("button", { type: "button", class: "primary", onclick: async () => {
          try { await call("change_addon_plan", { addon: a.id, plan: pick.value }); drawAddons(card, session); } catch (err) { status.append(errorBox(err)); }
        } }, "Change")));
      } catch (err) {
        clear(status).append(errorBox(err));
      }
    }

    function removeAddon(a) {
      const isDb = a.addon_service.name === "heroku-postgresql";
      const steps = h("div", { id: "remove-steps", role: "status" });
      const { input, go, label } = typedName(session.app, { id: "remove-name", buttonId: "remove-go", action: `Remove ${a.addon_service.name}`, onConfirm: async (typed) => {
        go.disabled = true;
        try {
          const done = await callWithProgress("remove_addon", { addon: a.id, typedName: typed },
            (s) => steps.append(h("p", { class: "muted" }, s))).done;
          await drawAddons(card, session);
          card.querySelector("#addons-status").append(h("p", { class: "ok" }, `${done.addon} was removed.`, done.backup_file ? ` Its backup is saved in ${done.backup_file}.` : ""));
        } catch (err) {
          steps.append(errorBox(err));
          go.disabled = false;
        }
      } });
      clear(status).append(h("div", { class: "notice confirm", id: "remove-confirm" },
        h("p", {}, isDb
          ? `Removing ${a.name} deletes the database and everything in it: all participants' data. Novaland first makes a backup, waits until Heroku reports it succeeded, and saves it on this computer; only then is the database removed.`
          : `Removing ${a.name} ends the add-on and its settings (${a.config_vars.join(", ") || "none"}); what it kept (logs, errors) is gone with it.`),
        label,
        h("div", { class: "row" }, input, go, h("button", { type: "button", onclick: () => clear(status) }, "Cancel")),
        steps));
    }

    // Heroku's marketplace: search, grouped; what an oTree study needs first.
    function marketplace() {
      const q = h("input", { type: "search", id: "market-search", placeholder: "Search Heroku's add-ons (e.g. postgres, logs, email)", "aria-label": "Search add-ons" });
      const results = h("div", { id: "market-results" });
      const pane = h("div", { class: "market" }, h("h3", {}, "Add an add-on"), h("div", { class: "row" }, q,
        h("button", { type: "button", id: "market-go", onclick: search }, "Search")), results);
      q.addEventListener("keydown", (ev) => { if (ev.key === "Enter") search(); });
      search();
      async function search() {
        clear(results).append(h("p", { class: "muted" }, "Asking Heroku…"));
        try {
          const found = await call("marketplace", { query: q.value });
          clear(results);
          if (!found.length) { results.append(h("p", {}, "Nothing found. Try another word.")); return; }
          const suggested = found.filter((s) => s.suggestion);
          if (suggested.length) {
            results.append(h("h4", {}, "What an oTree study needs"), h("ul", { class: "services" }, suggested.map(item)));
          }
          for (const [key, label] of Object.entries(GROUPS)) {
            const inGroup = found.filter((s) => !s.suggestion && s.category === key);
            if (inGroup.length) results.append(h("h4", {}, label), h("ul", { class: "services" }, inGroup.map(item)));
          }
        } catch (err) {
          clear(results).append(errorBox(err, search));
        }
      }
      function item(s) {
        const li = h("li", { "data-service": s.name },
          h("button", { type: "button", class: "link", onclick: () => plans(s, li) }, s.human_name),
          s.suggestion ? h("span", { class: "muted small" }, ` — ${s.suggestion}`) : null);
        return li;
      }
      async function plans(s, li) {
        const pane = li.querySelector(".plans") || h("div", { class: "plans" });
        clear(pane).append(h("p", { class: "muted" }, "Asking Heroku for the plans…"));
        li.append(pane);
        try {
          const list = await call("addon_plans", { service: s.name });
          clear(pane).append(h("ul", {}, list.map((p) => h("li", { "data-plan": p.name },
            `${p.human_name}: ${money(p.cents)} `,
            h("button", { type: "button", class: "small", onclick: () => pane.append(confirmBox(`Add ${s.human_name} (${p.human_name}) to ${session.app} for ${money(p.cents)}? Heroku bills it to the app's owner.`, `Add for ${money(p.cents)}`, () => add(p, pane))) }, "Add")))));
        } catch (err) {
          clear(pane).append(errorBox(err));
        }
      }
      async function add(plan, pane) {
        const line = h("p", { id: "add-progress", role: "status" }, "Asking Heroku…");
        pane.append(line);
        try {
          const a = await callWithProgress("add_addon", { plan: plan.name },
            (a) => { line.textContent = a.state === "provisioning" ? `Heroku is setting up ${a.name}…` : `${a.name}: ${a.state}`; }).done;
          await drawAddons(card, session);
          card.querySelector("#addons-status").append(h("p", { class: "ok", id: "addon-ready" }, `${a.name} is ready (${a.plan.name}).`));
        } catch (err) {
          line.replaceWith(errorBox(err));
        }
      }
      return pane;
    }
  } catch (err) {
    clear(box).append(errorBox(err, () => drawAddons(card, session)));
  }
}

async function drawConfigVars(card) {
  const box = body(card);
  box.append(h("p", { class: "muted" }, "Asking Heroku…"));
  try {
    const { config_vars: configVars, presets } = await call("list_config_vars");
    const status = h("div", { id: "config-vars-status", role: "status", "aria-live": "polite" });
    const name = h("input", { type: "text", id: "config-var-name", placeholder: "NAME", "aria-label": "Config var name", autocomplete: "off" });
    const value = h("input", { type: "text", id: "config-var-value", placeholder: "value", "aria-label": "Config var value", autocomplete: "off" });
    const reload = () => drawConfigVars(card);
    const save = (n, v) => status.append(confirmBox(`Saving ${n} restarts the app (about a minute; participants on a page then must reload).`, `Save ${n}`, async () => {
      try { await call("set_config_var", { name: n, value: v }); await reload(); card.querySelector("#config-vars-status").append(h("p", { class: "ok" }, `${n} saved; the app restarts.`)); } catch (err) { status.append(errorBox(err)); }
    }));
    clear(box).append(
      h("p", { class: "muted" }, "The app's settings, which Heroku calls config vars. Passwords, keys and addresses are hidden until you ask. Changing one restarts the app."),
      h("table", { id: "config-vars-table" },
        h("thead", {}, h("tr", {}, ["Name", "Value", ""].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, configVars.map((s) => {
          const cell = h("td", { class: "value" }, s.secret ? "••••••••" : s.value);
          return h("tr", { "data-config-var": s.name },
            h("th", { scope: "row" }, s.name, s.from_addon ? h("div", { class: "muted small" }, "set by an add-on") : null),
            cell,
            h("td", { class: "row-actions" },
              s.secret ? h("button", { type: "button", class: "small", "data-reveal": s.name, onclick: async (ev) => {
                try { clear(cell).append(await call("reveal_config_var", { name: s.name })); ev.target.remove(); } catch (err) { status.append(errorBox(err)); }
              } }, "Show") : null,
              h("button", { type: "button", class: "small", onclick: async () => {
                name.value = s.name;
                value.value = s.secret ? await call("reveal_config_var", { name: s.name }).catch(() => "") : s.value;
                value.focus();
              } }, "Edit"),
              h("button", { type: "button", class: "small danger", onclick: () => status.append(confirmBox(`Remove ${s.name}? ${s.from_addon ? "An add-on set it and stops working without it. " : ""}The app restarts.`, `Remove ${s.name}`, async () => {
                try { await call("remove_config_var", { name: s.name }); await reload(); } catch (err) { status.append(errorBox(err)); }
              })) }, "Remove")));
        }))),
      h("div", { class: "row" }, name, value, h("button", { type: "button", class: "primary", id: "config-var-save", onclick: () => save(name.value.trim(), value.value) }, "Save")),
      h("p", { class: "small" }, "oTree's settings: ", presets.map((p) => [h("button", { type: "button", class: "link", title: p.plain, onclick: async () => {
        name.value = p.name;
        value.value = p.generate ? await call("generate_password") : p.suggested;
        clear(status).append(h("p", { class: "muted small" }, `${p.name}: ${p.plain}`));
      } }, p.name), " "])),
      status);
  } catch (err) {
    clear(box).append(errorBox(err, () => drawConfigVars(card)));
  }
}

async function drawPeople(card) {
  const box = body(card);
  try {
    const list = await call("list_collaborators");
    const status = h("div", { id: "people-status", role: "status", "aria-live": "polite" });
    const email = h("input", { type: "email", id: "invite-email", placeholder: "name@university.edu", "aria-label": "E-mail to invite" });
    clear(box).append(
      h("ul", { id: "people-list" }, list.map((p) => h("li", { "data-email": p.email }, `${p.email} `, h("span", { class: "chip" }, p.role),
        p.role === "owner" ? null : h("button", { type: "button", class: "small danger", onclick: () => status.append(confirmBox(`Remove ${p.email}? They can no longer change this app.`, "Remove", async () => {
          try { await call("remove_collaborator", { email: p.email }); drawPeople(card); } catch (err) { status.append(errorBox(err)); }
        })) }, "Remove")))),
      h("div", { class: "row" }, email, h("button", { type: "button", id: "invite-go", onclick: async () => {
        try { await call("invite_collaborator", { email: email.value }); await drawPeople(card); } catch (err) { clear(status).append(errorBox(err)); }
      } }, "Invite")),
      status);
  } catch (err) {
    clear(box).append(errorBox(err, () => drawPeople(card)));
  }
}

async function drawReleases(card, session) {
  const box = body(card);
  try {
    const list = await call("list_releases");
    const status = h("div", { id: "releases-status", role: "status", "aria-live": "polite" });
    clear(box).append(h("table", { id: "release-table" },
      h("thead", {}, h("tr", {}, ["Version", "What changed", "Who", "When", "Status", ""].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, list.map((r, i) => h("tr", { "data-version": r.version },
        h("td", {}, `v${r.version}`), h("td", {}, r.description), h("td", { class: "small" }, r.user.email), h("td", { class: "small" }, when(r.created_at)),
        h("td", {}, h("span", { class: `chip ${r.status === "succeeded" ? "good" : "warn"}` }, r.status)),
        h("td", {}, i === 0 ? h("span", { class: "muted small" }, "current") : h("button", { type: "button", class: "small", onclick: () => rollback(r) }, "Roll back to this")))))),
    status);
    function rollback(r) {
      const { input, go, label } = typedName(session.app, { id: "rollback-name", buttonId: "rollback-go", action: `Roll back to v${r.version}`, onConfirm: async (typed) => {
        try { await call("rollback_release", { release: r.id, typedName: typed }); drawReleases(card, session); } catch (err) { status.append(errorBox(err)); }
      } });
      clear(status).append(h("div", { class: "notice" },
        h("p", {}, `The app goes back to the code and settings of v${r.version} (“${r.description}”) and restarts. Your database is not changed.`),
        label,
        h("div", { class: "row" }, input, go)));
    }
  } catch (err) {
    clear(box).append(errorBox(err, () => drawReleases(card, session)));
  }
}

// Resources: dynos (size, count, cost, restart, maintenance), add-ons and Heroku's
// marketplace, config vars (secrets hidden until asked for), collaborators and releases.

import { call, callWithProgress } from "../api.js";
import { h, clear, errorBox, typedName } from "../dom.js";
import { money, when, number } from "../format.js";
import { t, tNodes } from "../i18n.js";

const GROUPS = {
  databases: t("resources-group-databases"),
  logs: t("resources-group-logs"),
  errors: t("resources-group-errors"),
  email: t("resources-group-email"),
  storage: t("resources-group-storage"),
  security: t("resources-group-security"),
  other: t("resources-group-other"),
};

export function render(el, { session }) {
  const dynos = h("section", { class: "card", id: "dynos-card" }, h("h2", {}, t("resources-dynos-title")));
  const addons = h("section", { class: "card", id: "addons-card" }, h("h2", {}, t("resources-addons-title")));
  const configVarsCard = h("section", { class: "card", id: "config-vars-card" }, h("h2", {}, t("resources-config-vars-title")));
  const people = h("section", { class: "card", id: "people-card" }, h("h2", {}, t("resources-people-title")));
  const history = h("section", { class: "card", id: "releases-card" }, h("h2", {}, t("resources-releases-title")));
  el.append(h("div", { class: "screen-head" }, h("h1", {}, t("resources-title"))), dynos, addons, configVarsCard, people, history);
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
    h("button", { type: "button", onclick: () => box.remove() }, t("resources-cancel")));
  return box;
}

async function drawDynos(card) {
  const box = body(card);
  box.append(h("p", { class: "muted" }, t("resources-asking-heroku")));
  try {
    const d = await call("list_formation");
    clear(box);
    const status = h("div", { id: "dynos-status", role: "status", "aria-live": "polite" });
    const web = d.processes.find((p) => p.process_type === "web");
    if (web && web.quantity === 0) {
      box.append(h("div", { class: "notice" }, h("p", {}, t("resources-server-off")),
        h("button", { type: "button", class: "primary", id: "start-server", onclick: () => save("web", web.size === "Eco" ? "Basic" : web.size, 1) }, t("resources-start-server"))));
    }
    box.append(h("table", { id: "dyno-table" },
      h("thead", {}, h("tr", {}, [t("resources-dynos-process"), t("resources-dynos-size"), t("resources-dynos-count"), t("resources-dynos-memory"), t("resources-dynos-cost"), ""].map((label) => h("th", { scope: "col" }, label)))),
      h("tbody", {}, d.processes.map((p) => {
        const size = h("select", { "aria-label": t("resources-size-of", { process: p.process_type }), "data-size": p.process_type }, d.sizes.map((s) => h("option", { value: s.name, selected: s.name.toLowerCase() === p.size.toLowerCase() }, t("resources-size-option", { size: s.name, price: money(s.monthly_cents) }))));
        const count = h("input", { type: "number", min: "0", max: "100", value: String(p.quantity), "aria-label": t("resources-count-of", { process: p.process_type }), "data-count": p.process_type, class: "count" });
        return h("tr", { "data-process": p.process_type },
          h("th", { scope: "row" }, p.process_type, p.command ? h("div", { class: "muted small" }, p.command) : null),
          h("td", {}, size), h("td", {}, count),
          h("td", {}, p.memory_mb ? t("resources-memory-mb", { mb: number(p.memory_mb) }) : "?"), h("td", {}, p.quantity ? money(p.monthly_cents) : t("resources-cost-off")),
          h("td", {}, h("button", { type: "button", "data-save": p.process_type, onclick: () => {
            const n = Number(count.value);
            if (p.process_type === "web" && n > 1) {
              status.append(confirmBox(t("resources-web-dynos-confirm"), t("resources-web-dynos-yes", { count: n }), () => save(p.process_type, size.value, n)));
            } else {
              save(p.process_type, size.value, n);
            }
          } }, t("resources-dynos-apply"))));
      }))),
      h("ul", { class: "warnings" }, d.processes.flatMap((p) => p.warnings).map((w) => h("li", { class: "notice" }, w))),
      h("div", { class: "actions" },
        h("button", { type: "button", id: "restart-app", onclick: () => status.append(confirmBox(t("resources-restart-confirm"), t("resources-restart-yes"), async () => {
          try { await call("restart_dynos"); clear(status).append(h("p", { class: "ok" }, t("resources-restarting"))); } catch (err) { status.append(errorBox(err)); }
        })) }, t("resources-restart")),
        h("button", { type: "button", id: "maintenance", onclick: async () => {
          try { await call("set_maintenance", { on: !d.maintenance }); drawDynos(card); } catch (err) { status.append(errorBox(err)); }
        } }, d.maintenance ? t("resources-maintenance-end") : t("resources-maintenance-start")),
        d.maintenance ? h("span", { class: "chip warn" }, t("resources-in-maintenance")) : null),
      status);

    async function save(type, size, quantity) {
      clear(status).append(h("p", { class: "muted" }, t("resources-changing")));
      try {
        const p = await call("change_formation", { processType: type, size, quantity });
        await drawDynos(card);
        card.querySelector("#dynos-status").append(h("p", { class: "ok" }, t("resources-scaled", { process: p.process_type, count: p.quantity, size: p.size, price: money(p.monthly_cents) })));
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
  box.append(h("p", { class: "muted" }, t("resources-asking-heroku")));
  try {
    const list = await call("list_addons");
    const status = h("div", { id: "addons-status", role: "status", "aria-live": "polite" });
    clear(box).append(
      list.length ? h("table", { id: "addon-table" },
        h("thead", {}, h("tr", {}, [t("resources-addons-addon"), t("resources-addons-plan"), t("resources-addons-price"), t("resources-addons-state"), t("resources-addons-sets"), ""].map((label) => h("th", { scope: "col" }, label)))),
        h("tbody", {}, list.map((a) => h("tr", { "data-service": a.addon_service.name, "data-addon": a.name },
          h("td", { translate: "no" }, a.addon_service.name, h("div", { class: "muted small" }, a.name)),
          h("td", {}, a.plan.name.split(":").pop()),
          h("td", {}, a.billed_price ? money(a.billed_price.cents) : "?"),
          h("td", {}, h("span", { class: `chip ${a.state === "provisioned" ? "good" : "warn"}` }, t("resources-addon-state", { state: a.state }))),
          h("td", { class: "small" }, a.config_vars.join(", ")),
          h("td", { class: "row-actions" },
            h("button", { type: "button", class: "small", onclick: () => call("open_addon", { addon: a.id }).catch((err) => clear(status).append(errorBox(err))) }, t("resources-addon-dashboard")),
            h("button", { type: "button", class: "small", onclick: () => changePlan(a) }, t("resources-addon-change-plan")),
            h("button", { type: "button", class: "small danger", "data-remove": a.addon_service.name, onclick: () => removeAddon(a) }, t("resources-remove"))))))) : h("p", {}, t("resources-addons-none")),
      status,
      marketplace());

    async function changePlan(a) {
      clear(status).append(h("p", { class: "muted" }, t("resources-asking-plans")));
      try {
        const plans = await call("addon_plans", { service: a.addon_service.name });
        const pick = h("select", { "aria-label": t("resources-new-plan") }, plans.map((p) => h("option", { value: p.name, selected: p.name === a.plan.name }, t("resources-plan-option", { plan: p.human_name, price: money(p.cents) }))));
        clear(status).append(h("div", { class: "row" }, tNodes("resources-new-plan-for", { addon: a.name }, { pick }), h("button", { type: "button", class: "primary", onclick: async () => {
          try { await call("change_addon_plan", { addon: a.id, plan: pick.value }); drawAddons(card, session); } catch (err) { status.append(errorBox(err)); }
        } }, t("resources-change"))));
      } catch (err) {
        clear(status).append(errorBox(err));
      }
    }

    function removeAddon(a) {
      const isDb = a.addon_service.name === "heroku-postgresql";
      const steps = h("div", { id: "remove-steps", role: "status" });
      const { input, go, label } = typedName(session.app, { id: "remove-name", buttonId: "remove-go", action: t("resources-remove-addon", { service: a.addon_service.name }), onConfirm: async (typed) => {
        go.disabled = true;
        try {
          const done = await callWithProgress("remove_addon", { addon: a.id, typedName: typed },
            (s) => steps.append(h("p", { class: "muted" }, s))).done;
          await drawAddons(card, session);
          card.querySelector("#addons-status").append(h("p", { class: "ok" }, done.backup_file
            ? t("resources-addon-removed-backup", { addon: done.addon, file: done.backup_file })
            : t("resources-addon-removed", { addon: done.addon })));
        } catch (err) {
          steps.append(errorBox(err));
          go.disabled = false;
        }
      } });
      clear(status).append(h("div", { class: "notice confirm", id: "remove-confirm" },
        h("p", {}, isDb
          ? t("resources-remove-database", { addon: a.name })
          : t("resources-remove-addon-confirm", { addon: a.name, count: a.config_vars.length, vars: a.config_vars.join(", ") })),
        label,
        h("div", { class: "row" }, input, go, h("button", { type: "button", onclick: () => clear(status) }, t("resources-cancel"))),
        steps));
    }

    // Heroku's marketplace: search, grouped; what an oTree study needs first.
    function marketplace() {
      const q = h("input", { type: "search", id: "market-search", placeholder: t("resources-market-placeholder"), "aria-label": t("resources-market-label") });
      const results = h("div", { id: "market-results" });
      const pane = h("div", { class: "market" }, h("h3", {}, t("resources-market-title")), h("div", { class: "row" }, q,
        h("button", { type: "button", id: "market-go", onclick: search }, t("resources-market-search"))), results);
      q.addEventListener("keydown", (ev) => { if (ev.key === "Enter") search(); });
      search();
      async function search() {
        clear(results).append(h("p", { class: "muted" }, t("resources-asking-heroku")));
        try {
          const found = await call("marketplace", { query: q.value });
          clear(results);
          if (!found.length) { results.append(h("p", {}, t("resources-market-nothing"))); return; }
          const suggested = found.filter((s) => s.suggestion);
          if (suggested.length) {
            results.append(h("h4", {}, t("resources-market-suggested")), h("ul", { class: "services" }, suggested.map(item)));
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
          h("button", { type: "button", class: "link", translate: "no", onclick: () => plans(s, li) }, s.human_name),
          s.suggestion ? h("span", { class: "muted small" }, t("resources-market-suggestion", { suggestion: s.suggestion })) : null);
        return li;
      }
      async function plans(s, li) {
        const pane = li.querySelector(".plans") || h("div", { class: "plans" });
        clear(pane).append(h("p", { class: "muted" }, t("resources-asking-plans")));
        li.append(pane);
        try {
          const list = await call("addon_plans", { service: s.name });
          clear(pane).append(h("ul", {}, list.map((p) => h("li", { "data-plan": p.name },
            t("resources-market-plan", { plan: p.human_name, price: money(p.cents) }), " ",
            h("button", { type: "button", class: "small", onclick: () => pane.append(confirmBox(t("resources-market-add-confirm", { service: s.human_name, plan: p.human_name, app: session.app, price: money(p.cents) }), t("resources-market-add-yes", { price: money(p.cents) }), () => add(p, pane))) }, t("resources-market-add"))))));
        } catch (err) {
          clear(pane).append(errorBox(err));
        }
      }
      async function add(plan, pane) {
        const line = h("p", { id: "add-progress", role: "status" }, t("resources-asking-heroku"));
        pane.append(line);
        try {
          const a = await callWithProgress("add_addon", { plan: plan.name },
            (a) => { line.textContent = a.state === "provisioning" ? t("resources-market-provisioning", { addon: a.name }) : t("resources-market-addon-state", { addon: a.name, state: a.state }); }).done;
          await drawAddons(card, session);
          card.querySelector("#addons-status").append(h("p", { class: "ok", id: "addon-ready" }, t("resources-market-ready", { addon: a.name, plan: a.plan.name })));
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
  box.append(h("p", { class: "muted" }, t("resources-asking-heroku")));
  try {
    const { config_vars: configVars, presets } = await call("list_config_vars");
    const status = h("div", { id: "config-vars-status", role: "status", "aria-live": "polite" });
    const name = h("input", { type: "text", id: "config-var-name", placeholder: t("resources-config-var-name-placeholder"), "aria-label": t("resources-config-var-name"), autocomplete: "off" });
    const value = h("input", { type: "text", id: "config-var-value", placeholder: t("resources-config-var-value-placeholder"), "aria-label": t("resources-config-var-value"), autocomplete: "off" });
    const reload = () => drawConfigVars(card);
    const save = (n, v) => status.append(confirmBox(t("resources-config-var-save-confirm", { name: n }), t("resources-config-var-save-yes", { name: n }), async () => {
      try { await call("set_config_var", { name: n, value: v }); await reload(); card.querySelector("#config-vars-status").append(h("p", { class: "ok" }, t("resources-config-var-saved", { name: n }))); } catch (err) { status.append(errorBox(err)); }
    }));
    clear(box).append(
      h("p", { class: "muted" }, t("resources-config-vars-intro")),
      h("table", { id: "config-vars-table" },
        h("thead", {}, h("tr", {}, [t("resources-config-vars-name"), t("resources-config-vars-value"), ""].map((label) => h("th", { scope: "col" }, label)))),
        h("tbody", {}, configVars.map((s) => {
          const cell = h("td", { class: "value" }, s.secret ? "••••••••" : s.value);
          return h("tr", { "data-config-var": s.name },
            h("th", { scope: "row" }, s.name, s.from_addon ? h("div", { class: "muted small" }, t("resources-config-var-from-addon")) : null),
            cell,
            h("td", { class: "row-actions" },
              s.secret ? h("button", { type: "button", class: "small", "data-reveal": s.name, onclick: async (ev) => {
                try { clear(cell).append(await call("reveal_config_var", { name: s.name })); ev.target.remove(); } catch (err) { status.append(errorBox(err)); }
              } }, t("resources-config-var-show")) : null,
              h("button", { type: "button", class: "small", onclick: async () => {
                name.value = s.name;
                value.value = s.secret ? await call("reveal_config_var", { name: s.name }).catch(() => "") : s.value;
                value.focus();
              } }, t("resources-config-var-edit")),
              h("button", { type: "button", class: "small danger", onclick: () => status.append(confirmBox(s.from_addon ? t("resources-config-var-remove-addon-confirm", { name: s.name }) : t("resources-config-var-remove-confirm", { name: s.name }), t("resources-config-var-remove-yes", { name: s.name }), async () => {
                try { await call("remove_config_var", { name: s.name }); await reload(); } catch (err) { status.append(errorBox(err)); }
              })) }, t("resources-remove"))));
        }))),
      h("div", { class: "row" }, name, value, h("button", { type: "button", class: "primary", id: "config-var-save", onclick: () => save(name.value.trim(), value.value) }, t("resources-save"))),
      h("p", { class: "small" }, t("resources-config-var-presets"), presets.map((p) => [h("button", { type: "button", class: "link", title: p.plain, onclick: async () => {
        name.value = p.name;
        value.value = p.generate ? await call("generate_password") : p.suggested;
        clear(status).append(h("p", { class: "muted small" }, t("resources-config-var-preset", { name: p.name, plain: p.plain })));
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
    const email = h("input", { type: "email", id: "invite-email", placeholder: t("resources-invite-placeholder"), "aria-label": t("resources-invite-label") });
    clear(box).append(
      h("ul", { id: "people-list" }, list.map((p) => h("li", { "data-email": p.email }, h("span", { translate: "no" }, p.email), " ", h("span", { class: "chip" }, t("resources-people-role", { role: p.role })),
        p.role === "owner" ? null : h("button", { type: "button", class: "small danger", onclick: () => status.append(confirmBox(t("resources-people-remove-confirm", { email: p.email }), t("resources-remove"), async () => {
          try { await call("remove_collaborator", { email: p.email }); drawPeople(card); } catch (err) { status.append(errorBox(err)); }
        })) }, t("resources-remove"))))),
      h("div", { class: "row" }, email, h("button", { type: "button", id: "invite-go", onclick: async () => {
        try { await call("invite_collaborator", { email: email.value }); await drawPeople(card); } catch (err) { clear(status).append(errorBox(err)); }
      } }, t("resources-invite"))),
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
      h("thead", {}, h("tr", {}, [t("resources-releases-version"), t("resources-releases-description"), t("resources-releases-who"), t("resources-releases-when"), t("resources-releases-status"), ""].map((label) => h("th", { scope: "col" }, label)))),
      h("tbody", {}, list.map((r, i) => h("tr", { "data-version": r.version },
        h("td", {}, t("resources-release-version", { version: String(r.version) })), h("td", { translate: "no" }, r.description), h("td", { class: "small", translate: "no" }, r.user.email), h("td", { class: "small" }, when(r.created_at)),
        h("td", {}, h("span", { class: `chip ${r.status === "succeeded" ? "good" : "warn"}` }, t("resources-release-status", { status: r.status }))),
        h("td", {}, i === 0 ? h("span", { class: "muted small" }, t("resources-release-current")) : h("button", { type: "button", class: "small", onclick: () => rollback(r) }, t("resources-rollback"))))))),
    status);
    function rollback(r) {
      const { input, go, label } = typedName(session.app, { id: "rollback-name", buttonId: "rollback-go", action: t("resources-rollback-to", { version: String(r.version) }), onConfirm: async (typed) => {
        try { await call("rollback_release", { release: r.id, typedName: typed }); drawReleases(card, session); } catch (err) { status.append(errorBox(err)); }
      } });
      clear(status).append(h("div", { class: "notice" },
        h("p", {}, t("resources-rollback-confirm", { version: String(r.version), description: r.description })),
        label,
        h("div", { class: "row" }, input, go)));
    }
  } catch (err) {
    clear(box).append(errorBox(err, () => drawReleases(card, session)));
  }
}

// Overview: the study's server at a glance. Refreshes on demand and every 30 s while visible.

import { call } from "../api.js";
import { h, clear, errorBox } from "../dom.js";
import { money, when, size, number, time } from "../format.js";
import { t, tNodes, language } from "../i18n.js";
import { deployCard } from "../cards/deploy.js";

const REFRESH_MS = 30_000;

function statusLabel(status) {
  switch (status) {
    case "running": return t("overview-status-running");
    case "crashed": return t("overview-status-crashed");
    case "idle": return t("overview-status-idle");
    case "starting": return t("overview-status-starting");
    case "no_web_dyno": return t("overview-status-offline");
    default: return status;
  }
}

// `overview`: the Overview already at hand (it came with the session at start-up), drawn at
// once; the screen asks Heroku again only when refreshed.
export function render(el, { session, overview }) {
  const body = h("div", { id: "overview", "aria-busy": "true" }, h("p", { class: "muted" }, t("overview-asking-heroku")));
  const updated = h("span", { class: "muted", id: "updated" });
  const refreshButton = h("button", { type: "button", id: "refresh", onclick: () => refresh() }, t("overview-refresh"));
  // Outside the redrawn part, so the 30-second refresh never interrupts a deploy.
  const deploy = h("div", { id: "deploy-holder" });
  const deployButton = h("button", { type: "button", id: "deploy-new", "aria-expanded": "false", onclick: () => {
    const open = !deploy.firstChild;
    clear(deploy);
    if (open) deploy.append(deployCard(session, () => refresh()));
    deployButton.setAttribute("aria-expanded", String(open));
  } }, t("overview-deploy-new"));
  el.append(h("div", { class: "screen-head" }, h("h1", {}, t("overview-title")), h("span", { class: "spacer" }), updated, deployButton, refreshButton), deploy, body);

  let busy = false;
  let last = 0;
  // For scripts/bench.sh (window): the first Overview's steps. Asked for now; answered (at
  // once when it came with the session), drawn, and that frame laid out and painted (the
  // next frame has begun).
  let marking = !performance.getEntriesByName("novaland:overview").length;
  if (marking) performance.mark("novaland:overview-asked");
  function show(o) {
    if (marking) performance.mark("novaland:overview-answer");
    clear(body).append(...draw(o));
    if (marking) {
      marking = false;
      performance.mark("novaland:overview");
      requestAnimationFrame(() => setTimeout(() => performance.mark("novaland:overview-painted")));
    }
    last = Date.now();
    updated.textContent = t("overview-updated", { time: time(last) });
    body.setAttribute("aria-busy", "false");
  }
  async function refresh() {
    if (busy) return;
    busy = true;
    refreshButton.disabled = true;
    body.setAttribute("aria-busy", "true");
    try {
      show(await call("get_overview"));
    } catch (err) {
      clear(body).append(errorBox(err, refresh));
    } finally {
      busy = false;
      refreshButton.disabled = false;
      body.setAttribute("aria-busy", "false");
    }
  }

  const timer = setInterval(() => {
    if (document.visibilityState === "visible") refresh();
  }, REFRESH_MS);
  const onVisible = () => {
    if (document.visibilityState === "visible" && Date.now() - last > REFRESH_MS) refresh();
  };
  document.addEventListener("visibilitychange", onVisible);
  if (overview) show(overview);
  else refresh();
  return () => {
    clearInterval(timer);
    document.removeEventListener("visibilitychange", onVisible);
  };
}

function draw(o) {
  const openStatus = h("span", { role: "status" });
  return [
    h("section", { class: `card status status-${o.status}`, id: "status-card" },
      h("div", { class: "status-line" },
        h("span", { class: "pill", id: "status" }, statusLabel(o.status)),
        h("h2", { id: "app-title" }, o.name),
        h("span", { class: "spacer" }),
        h("button", { type: "button", class: "primary", id: "open-app", disabled: !o.web_url, onclick: async () => {
          openStatus.textContent = t("overview-opening-study");
          try { await call("open_study"); openStatus.textContent = ""; } catch (err) { openStatus.textContent = err.message; }
        } }, t("overview-open-app"))),
      h("p", { id: "status-text" }, o.status_text),
      o.maintenance ? h("p", { class: "notice" }, t("overview-maintenance-on")) : null,
      h("p", { class: "muted" }, o.team
        ? t("overview-app-facts-team", { address: o.web_url || t("overview-no-web-address"), region: o.region, stack: o.stack, team: o.team })
        : t("overview-app-facts-owner", { address: o.web_url || t("overview-no-web-address"), region: o.region, stack: o.stack, owner: o.owner })),
      openStatus),
    h("div", { class: "grid" },
      dynos(o.processes),
      addons(o.addons),
      release(o.last_release),
      collaborators(o.collaborators, o.owner),
      metricsCard()),
  ];
}

// What each process is for, in the researcher's words, under its name. (Words are looked up
// when drawn: this module runs with the page, before the catalog is loaded.)
function processRole(type) {
  const role = type === "web" ? t("overview-process-web") : type === "worker" ? t("overview-process-worker") : null;
  return role && h("div", { class: "muted small" }, role);
}

// Dyno states counted, e.g. "1 up", "1 crashed", each coloured by how it reads.
function states(dynoList) {
  if (!dynoList.length) return h("span", { class: "chip bad" }, t("overview-dynos-none-running"));
  const counts = {};
  for (const d of dynoList) counts[d.state] = (counts[d.state] || 0) + 1;
  return Object.entries(counts).map(([state, n]) =>
    h("span", { class: `chip ${state === "up" ? "good" : state === "crashed" || state === "down" ? "bad" : "warn"}`, title: dynoList.filter((d) => d.state === state).map((d) => d.name).join(", ") }, t("overview-dyno-state", { count: n, state })));
}

function dynos(processes) {
  const rows = processes.map((p) => h("tr", { "data-process": p.process_type },
    h("th", { scope: "row" }, p.process_type, processRole(p.process_type)),
    h("td", {}, p.size),
    h("td", {}, number(p.quantity)),
    h("td", {}, p.quantity === 0 && !p.dynos.length ? h("span", { class: "chip bad" }, t("overview-process-off")) : states(p.dynos))));
  return h("section", { class: "card", id: "dynos" }, h("h2", {}, t("overview-dynos-title")),
    processes.length
      ? h("table", {}, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("overview-dynos-process")), h("th", { scope: "col" }, t("overview-dynos-size")), h("th", { scope: "col" }, t("overview-dynos-count")), h("th", { scope: "col" }, t("overview-dynos-state")))), h("tbody", {}, rows))
      : h("p", {}, t("overview-dynos-none")));
}


// Heroku's service names (product names, the same in every language), said plainly.
function service(name) {
  switch (name) {
    case "heroku-postgresql": return ["Heroku Postgres", t("overview-service-postgres")];
    case "papertrail": return ["Papertrail", t("overview-service-papertrail")];
    case "sentry": return ["Sentry", t("overview-service-sentry")];
    case "heroku-redis": return ["Heroku Key-Value Store", t("overview-service-key-value")];
    case "sendgrid": return ["SendGrid", t("overview-service-email")];
    case "mailgun": return ["Mailgun", t("overview-service-email")];
    default: return [name, null];
  }
}

function addons(list) {
  return h("section", { class: "card", id: "addons" }, h("h2", {}, t("overview-addons-title", { count: list.length })),
    list.length
      ? h("ul", { class: "plain" }, list.map((a) => {
          const [title, role] = service(a.service);
          return h("li", { "data-addon": a.name, "data-service": a.service },
            h("strong", {}, title), " ", h("span", { class: "muted" }, a.plan.split(":").pop()),
            a.state !== "provisioned" ? h("span", { class: "chip warn" }, t("overview-addon-state", { state: a.state })) : null,
            h("span", { class: "price" }, a.price_cents_per_month == null ? "" : money(a.price_cents_per_month)),
            role ? h("div", { class: "muted small" }, role) : null);
        }))
      : h("p", {}, t("overview-addons-none")));
}

function release(r) {
  return h("section", { class: "card", id: "release" }, h("h2", {}, t("overview-release-title")),
    r ? [h("p", {}, h("strong", {}, t("overview-release-version", { version: String(r.version) })), " ", h("span", { translate: "no" }, r.description)),
         h("p", { class: "muted" }, t("overview-release-meta", { status: r.status, user: r.user, when: when(r.created_at) }))]
      : h("p", {}, t("overview-release-none")));
}

function collaborators(list, owner) {
  return h("section", { class: "card", id: "collaborators" }, h("h2", {}, t("overview-people-title", { count: list.length })),
    // Heroku lists no collaborators on a personal app nobody was invited to: only its owner.
    list.length === 0 ? h("p", { class: "muted" }, owner ? t("overview-people-only-owner", { owner }) : t("overview-people-only-you")) : null,
    h("ul", { class: "plain" }, [...list].sort((a, b) => (b.role === "owner") - (a.role === "owner") || a.email.localeCompare(b.email))
      .map((c) => h("li", {}, h("span", { translate: "no" }, c.email), c.role ? [" ", h("span", { class: "muted" }, t("overview-people-role", { role: c.role }))] : null))));
}


// The last hour in one line, from the metrics Novaland collects from the log while it is open.
function metricsCard() {
  const line = h("p", { id: "glance" }, "…");
  call("metrics_glance").then((g) => {
    const link = h("a", { href: "#metrics" }, t("overview-glance-link"));
    clear(line);
    if (!g.minutes) {
      line.append(...tNodes("overview-glance-empty", {}, { link }));
    } else {
      // Each fact is a whole clause; the language's own list ("a, b, c" / "a, b und c") joins them.
      const parts = [t("overview-glance-requests", { requests: g.requests })];
      if (g.server_errors) parts.push(t("overview-glance-server-errors", { errors: g.server_errors }));
      if (g.p95_ms !== null) parts.push(t("overview-glance-p95", { ms: number(g.p95_ms) }));
      if (g.bytes) parts.push(t("overview-glance-bytes", { size: size(g.bytes) }));
      if (g.memory_percent !== null) parts.push(t("overview-glance-memory", { percent: number(g.memory_percent) }));
      line.append(...tNodes("overview-glance", { facts: new Intl.ListFormat(language, { type: "unit", style: "short" }).format(parts) }, { link }));
    }
  }, (err) => clear(line).append(errorBox(err)));
  return h("section", { class: "card" }, h("h2", {}, t("overview-metrics-title")), line);
}

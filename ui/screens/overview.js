// Overview: the study's server at a glance. Refreshes on demand and every 30 s while visible.

import { call } from "../api.js";
import { h, clear, errorBox } from "../dom.js";
import { money, when, size } from "../format.js";
import { deployCard } from "../cards/deploy.js";

const REFRESH_MS = 30_000;

const STATUS_LABEL = {
  running: "Running",
  crashed: "Crashed",
  idle: "Asleep",
  starting: "Starting",
  no_web_dyno: "Offline",
};

export function render(el, { session }) {
  const body = h("div", { id: "overview", "aria-busy": "true" }, h("p", { class: "muted" }, "Asking Heroku…"));
  const updated = h("span", { class: "muted", id: "updated" });
  const refreshButton = h("button", { type: "button", id: "refresh", onclick: () => refresh() }, "Refresh");
  // Outside the redrawn part, so the 30-second refresh never interrupts a deploy.
  const deploy = h("div", { id: "deploy-holder" });
  const deployButton = h("button", { type: "button", id: "deploy-new", "aria-expanded": "false", onclick: () => {
    const open = !deploy.firstChild;
    clear(deploy);
    if (open) deploy.append(deployCard(session, () => refresh()));
    deployButton.setAttribute("aria-expanded", String(open));
  } }, "Deploy a new version…");
  el.append(h("div", { class: "screen-head" }, h("h1", {}, "Overview"), h("span", { class: "spacer" }), updated, deployButton, refreshButton), deploy, body);

  let busy = false;
  let last = 0;
  async function refresh() {
    if (busy) return;
    busy = true;
    refreshButton.disabled = true;
    body.setAttribute("aria-busy", "true");
    try {
      const o = await call("get_overview");
      clear(body).append(...draw(o));
      last = Date.now();
      updated.textContent = `Updated ${new Date(last).toLocaleTimeString()}`;
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
  refresh();
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
        h("span", { class: "pill", id: "status" }, STATUS_LABEL[o.status] || o.status),
        h("h2", { id: "app-title" }, o.name),
        h("span", { class: "spacer" }),
        h("button", { type: "button", class: "primary", id: "open-app", disabled: !o.web_url, onclick: async () => {
          openStatus.textContent = "Opening your study in the browser…";
          try { await call("open_study"); openStatus.textContent = ""; } catch (err) { openStatus.textContent = err.message; }
        } }, "Open app")),
      h("p", { id: "status-text" }, o.status_text),
      o.maintenance ? h("p", { class: "notice" }, "Maintenance mode is on: participants see Heroku's maintenance page.") : null,
      h("p", { class: "muted" }, o.web_url || "No web address yet", " · region ", o.region, " · stack ", o.stack,
        " · ", o.team ? `team ${o.team}` : `owner ${o.owner}`),
      openStatus),
    h("div", { class: "grid" },
      dynos(o.processes),
      addons(o.addons),
      release(o.last_release),
      collaborators(o.collaborators, o.owner),
      metricsCard()),
  ];
}

// What each process is for, in the researcher's words.
const PROCESS_ROLE = {
  web: "your study's pages",
  worker: "background tasks",
};

// Dyno states counted, e.g. "1 up", "1 crashed", each coloured by how it reads.
function states(dynoList) {
  if (!dynoList.length) return h("span", { class: "chip bad" }, "none running");
  const counts = {};
  for (const d of dynoList) counts[d.state] = (counts[d.state] || 0) + 1;
  return Object.entries(counts).map(([state, n]) =>
    h("span", { class: `chip ${state === "up" ? "good" : state === "crashed" || state === "down" ? "bad" : "warn"}`, title: dynoList.filter((d) => d.state === state).map((d) => d.name).join(", ") }, `${n} ${state}`));
}

function dynos(processes) {
  const rows = processes.map((p) => h("tr", { "data-process": p.process_type },
    h("th", { scope: "row" }, p.process_type, PROCESS_ROLE[p.process_type] ? h("div", { class: "muted small" }, PROCESS_ROLE[p.process_type]) : null),
    h("td", {}, p.size),
    h("td", {}, String(p.quantity)),
    h("td", {}, p.quantity === 0 && !p.dynos.length ? h("span", { class: "chip bad" }, "off") : states(p.dynos))));
  return h("section", { class: "card", id: "dynos" }, h("h2", {}, "Dynos (servers)"),
    processes.length
      ? h("table", {}, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Process"), h("th", { scope: "col" }, "Size"), h("th", { scope: "col" }, "Count"), h("th", { scope: "col" }, "State"))), h("tbody", {}, rows))
      : h("p", {}, "No processes yet: the app has not been deployed."));
}


// Heroku's service names, said plainly.
const SERVICES = {
  "heroku-postgresql": ["Heroku Postgres", "the database that keeps your participants' data"],
  papertrail: ["Papertrail", "searchable log history"],
  sentry: ["Sentry", "error reports"],
  "heroku-redis": ["Heroku Key-Value Store", "fast temporary storage"],
  sendgrid: ["SendGrid", "e-mail"],
  mailgun: ["Mailgun", "e-mail"],
};

function addons(list) {
  return h("section", { class: "card", id: "addons" }, h("h2", {}, `Add-ons (${list.length})`),
    list.length
      ? h("ul", { class: "plain" }, list.map((a) => {
          const [title, role] = SERVICES[a.service] || [a.service, null];
          return h("li", { "data-addon": a.name, "data-service": a.service },
            h("strong", {}, title), " ", h("span", { class: "muted" }, a.plan.split(":").pop()),
            a.state !== "provisioned" ? h("span", { class: "chip warn" }, a.state) : null,
            h("span", { class: "price" }, a.price_cents_per_month == null ? "" : money(a.price_cents_per_month)),
            role ? h("div", { class: "muted small" }, role) : null);
        }))
      : h("p", {}, "None. An oTree study needs Heroku Postgres to keep its data."));
}

function release(r) {
  return h("section", { class: "card", id: "release" }, h("h2", {}, "Last release"),
    r ? [h("p", {}, h("strong", {}, `v${r.version}`), " ", r.description),
         h("p", { class: "muted" }, `${r.status} · by ${r.user} · ${when(r.created_at)}`)]
      : h("p", {}, "Nothing has been released yet."));
}

function collaborators(list, owner) {
  return h("section", { class: "card", id: "collaborators" }, h("h2", {}, `People with access (${list.length})`),
    // Heroku lists no collaborators on a personal app nobody was invited to: only its owner.
    list.length === 0 ? h("p", { class: "muted" }, `Only the owner, ${owner || "you"}. Invite people under Resources.`) : null,
    h("ul", { class: "plain" }, [...list].sort((a, b) => (b.role === "owner") - (a.role === "owner") || a.email.localeCompare(b.email))
      .map((c) => h("li", {}, c.email, c.role ? h("span", { class: "muted" }, ` ${c.role}`) : null))));
}

// The last hour in one line, from the metrics Novaland collects from the log while it is open.
function metricsCard() {
  const line = h("p", { id: "glance" }, "…");
  call("metrics_glance").then((g) => {
    clear(line);
    if (!g.minutes) {
      line.append("No numbers yet: Novaland collects them from the app's log while it is open. ");
    } else {
      const parts = [`${g.requests.toLocaleString()} requests in the last hour`];
      if (g.server_errors) parts.push(`${g.server_errors.toLocaleString()} answered with a server error`);
      if (g.p95_ms !== null) parts.push(`95% answered within ${Math.round(g.p95_ms)} ms`);
      if (g.bytes) parts.push(`${size(g.bytes)} sent to browsers`);
      if (g.memory_percent !== null) parts.push(`memory at ${Math.round(g.memory_percent)}% of the dyno's quota`);
      line.append(parts.join(", "), ". ");
    }
    line.append(h("a", { href: "#metrics" }, "Charts and the check before a session"));
  }, (err) => clear(line).append(errorBox(err)));
  return h("section", { class: "card" }, h("h2", {}, "Metrics"), line);
}

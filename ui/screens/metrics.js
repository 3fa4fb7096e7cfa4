// Metrics: the readiness check before a session (pass / warning / fail, why, one-click fixes)
// and charts of requests, response times, memory, load, dynos and error codes for the last
// hour or day. Charts are SVG images made on the Rust side; times are this computer's.

import { call } from "../api.js";
import { current as currentTheme } from "../theme.js";
import { h, clear, errorBox } from "../dom.js";
import { t, tNodes } from "../i18n.js";

const STATE = { pass: ["good", t("metrics-state-pass")], warn: ["warn", t("metrics-state-warn")], fail: ["bad", t("metrics-state-fail")] };

export function render(el) {
  let hours = 1;
  const readiness = h("ul", { id: "readiness", class: "readiness" }, h("li", { class: "muted" }, t("metrics-checking")));
  const summary = h("p", { id: "readiness-summary" });
  const source = h("p", { id: "metrics-source", class: "muted small" });
  const detailed = h("div", { id: "detailed-metrics" });
  const charts = h("div", { id: "charts", class: "charts" });
  const hourBtn = h("button", { type: "button", "aria-pressed": "true", onclick: () => range(1) }, t("metrics-last-hour"));
  const dayBtn = h("button", { type: "button", "aria-pressed": "false", onclick: () => range(24) }, t("metrics-last-day"));
  el.append(
    h("div", { class: "screen-head" }, h("h1", {}, t("metrics-title"))),
    h("section", { class: "card", id: "readiness-card" },
      h("h2", {}, t("metrics-readiness-title")),
      h("p", { class: "muted" }, t("metrics-readiness-intro")),
      summary, readiness,
      h("button", { type: "button", id: "readiness-again", onclick: check }, t("metrics-check-again"))),
    h("section", { class: "card", id: "charts-card" },
      h("div", { class: "row" }, h("h2", {}, t("metrics-charts-title")), hourBtn, dayBtn),
      source, detailed, charts));

  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  check();
  draw();
  const timer = setInterval(draw, 30_000);

  function range(n) {
    hours = n;
    hourBtn.setAttribute("aria-pressed", String(n === 1));
    dayBtn.setAttribute("aria-pressed", String(n === 24));
    draw();
  }

  async function check() {
    try {
      const checks = await call("readiness_check");
      const count = (s) => checks.filter((c) => c.state === s).length;
      summary.textContent = count("fail")
        ? t("metrics-summary-problems", { count: count("fail") })
        : count("warn") ? t("metrics-summary-warnings", { count: count("warn") }) : t("metrics-summary-ready");
      summary.className = count("fail") ? "bad-text" : count("warn") ? "" : "ok";
      clear(readiness).append(...checks.map((c) => {
        const li = h("li", { "data-check": c.id, "data-state": c.state },
          h("span", { class: `chip ${STATE[c.state][0]}` }, STATE[c.state][1]), " ",
          tNodes("metrics-check-found", { found: c.found }, { title: h("strong", {}, c.title) }),
          h("div", { class: "muted small" }, c.why));
        if (c.fix) {
          li.append(h("button", { type: "button", class: "small fix", "data-fix": c.id, onclick: async (ev) => {
            ev.target.disabled = true;
            ev.target.textContent = t("metrics-working");
            try {
              await call("apply_fix", { fix: c.fix, timezone: tz });
              await check();
            } catch (err) {
              li.append(errorBox(err));
              ev.target.disabled = false;
              ev.target.textContent = c.fix_label;
            }
          } }, c.fix_label));
        }
        return li;
      }));
    } catch (err) {
      clear(readiness).append(h("li", {}, errorBox(err, check)));
    }
  }

  async function draw() {
    try {
      const view = await call("metrics_charts", { hours, tzOffsetMin: -new Date().getTimezoneOffset(), theme: currentTheme() });
      source.textContent = t("metrics-source", { source: view.source, minutes: view.minutes });
      clear(detailed);
      if (!view.runtime_metrics) {
        const go = h("button", { type: "button", id: "turn-on-metrics" }, t("metrics-runtime-turn-on"));
        go.addEventListener("click", () => {
          clear(detailed).append(h("div", { class: "notice" },
            h("p", {}, t("metrics-runtime-explained")),
            h("button", { type: "button", class: "primary", id: "turn-on-metrics-yes", onclick: async () => {
              try {
                await call("apply_fix", { fix: { kind: "enable_runtime_metrics" }, timezone: tz });
                clear(detailed).append(h("p", { class: "ok" }, t("metrics-runtime-on")));
                check();
              } catch (err) {
                detailed.append(errorBox(err));
              }
            } }, t("metrics-runtime-yes")), " ",
            h("button", { type: "button", onclick: () => draw() }, t("metrics-runtime-cancel"))));
        });
        detailed.append(h("p", { class: "notice" }, tNodes("metrics-runtime-off", {}, { button: go })));
      }
      clear(charts).append(...view.charts.map((c) => h("figure", { "data-chart": c.id },
        h("img", { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(c.svg)}`, alt: c.title, width: "760", height: "260" }))));
    } catch (err) {
      clear(charts).append(errorBox(err, draw));
    }
  }

  // Charts are drawn in the page's colours: a switch of theme draws them again.
  document.addEventListener("novaland:theme", draw);
  return () => {
    clearInterval(timer);
    document.removeEventListener("novaland:theme", draw);
  };
}

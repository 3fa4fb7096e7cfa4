// The Logs screen's Sentry tab: the project's unresolved issues with the researcher's auth
// token (kept in the keychain), each opening its latest stack trace, the study's code first.
// `info` (from the `addon_apis` command) says whether Sentry is there and connected.

import { call } from "../../api.js";
import { h, clear, append, errorBox } from "../../dom.js";
import { t, tNodes } from "../../i18n.js";
import { number, dateTime } from "../../format.js";

// Sentry gives an issue's count as a string of digits; shown as a number when it is one.
function count(value) {
  if (value === null || value === undefined || value === "") return "";
  const n = Number(value);
  return Number.isFinite(n) ? number(n) : String(value);
}

export function sentryPanel() {
  const sentryBox = h("div", { id: "sentry-box" });
  const el = h("section", { class: "card", id: "sentry-panel", hidden: true }, sentryBox);
  const panel = { el, info: null, draw };
  return panel;

  async function draw() {
    clear(sentryBox);
    if (!panel.info) return;
    if (!panel.info.connected) {
      const token = h("input", { type: "password", id: "sentry-token", autocomplete: "off", "aria-label": t("sentry-token-label") });
      const status = h("div", { id: "sentry-status", role: "status" });
      const confirm = panel.info.sentry_io ? null : h("input", { type: "checkbox", id: "sentry-confirm-host" });
      append(sentryBox,
        h("p", {}, t("sentry-intro", { project: panel.info.project })),
        h("ol", {},
          h("li", {}, t("sentry-step-open")),
          h("li", {}, t("sentry-step-create")),
          h("li", {}, t("sentry-step-paste"))),
        panel.info.practice_token ? h("p", { class: "muted" }, t("sentry-practice-token", { token: panel.info.practice_token })) : null,
        // A Sentry that is not sentry.io gets the token only once the researcher confirms it.
        confirm ? h("p", { class: "warning" }, h("label", {}, confirm, " ", t("sentry-confirm-host", { host: panel.info.host }))) : null,
        h("div", { class: "row" }, token, h("button", { type: "button", class: "primary", id: "sentry-connect", onclick: async () => {
          try {
            await call("connect_sentry", { token: token.value, confirmHost: confirm && confirm.checked ? panel.info.host : null });
            panel.info.connected = true;
            draw();
          } catch (err) {
            clear(status).append(errorBox(err));
          }
        } }, t("sentry-connect"))),
        status,
        h("p", { class: "muted small" }, t("sentry-without-token")));
      return;
    }
    sentryBox.append(h("p", { class: "muted" }, t("sentry-loading")));
    // One issue's stack trace, shown under the list: the study's own code first.
    const trace = h("section", { id: "sentry-trace", "aria-live": "polite" });
    const showTrace = async (issue) => {
      clear(trace).append(h("p", { class: "muted" }, t("sentry-trace-loading", { title: issue.title })));
      try {
        const stack = await call("sentry_stack_trace", { id: issue.id });
        append(clear(trace),
          h("h3", {}, `${stack.exception}: ${stack.value}`),
          stack.frames.length ? null : h("p", { class: "muted" }, t("sentry-trace-none")),
          stack.frames.map((f) => h("div", { class: f.in_app ? "frame own" : "frame" },
            // Line numbers as the code's own (1234, never 1,234).
            h("p", {}, tNodes("sentry-frame", { shape: f.line ? (f.function ? "line-function" : "line") : (f.function ? "function" : "file"), line: String(f.line ?? ""), function_name: f.function || "" }, { file: h("strong", {}, f.file) }),
              f.in_app ? h("span", { class: "chip good" }, t("sentry-frame-own")) : h("span", { class: "muted small" }, " ", t("sentry-frame-library"))),
            f.context.length ? h("pre", { class: "output", "data-verbatim": "", tabindex: "0" },
              f.context.map(([n, code]) => `${n === f.line ? "→" : " "} ${String(n).padStart(4)}  ${code}`).join("\n")) : null)));
        trace.scrollIntoView({ block: "start" });
      } catch (err) {
        clear(trace).append(errorBox(err));
      }
    };
    try {
      const issues = await call("sentry_issues");
      append(clear(sentryBox),
        h("p", {}, t("sentry-issues-count", { count: issues.length, project: panel.info.project }), " ",
          h("button", { type: "button", class: "link", id: "sentry-forget", onclick: async () => { await call("forget_sentry"); panel.info.connected = false; draw(); } }, t("sentry-disconnect"))),
        issues.length ? h("table", { id: "sentry-issues" },
          h("thead", {}, h("tr", {}, [t("sentry-column-issue"), t("sentry-column-where"), t("sentry-column-events"), t("sentry-column-participants"), t("sentry-column-last-seen"), ""].map((name) => h("th", { scope: "col" }, name)))),
          h("tbody", {}, issues.map((i) => h("tr", { "data-issue": i.id },
            h("td", {}, h("strong", {}, i.title)), h("td", {}, i.culprit || ""), h("td", {}, count(i.count)),
            h("td", {}, count(i.userCount)), h("td", {}, i.lastSeen ? dateTime(i.lastSeen, { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" }) : ""),
            h("td", {},
              h("button", { type: "button", class: "small", "data-trace": i.id, onclick: () => showTrace(i) }, t("sentry-where-failed")), " ",
              h("button", { type: "button", class: "small", onclick: () => call("open_sentry_issue", { id: i.id }).catch((err) => sentryBox.append(errorBox(err))) }, t("sentry-open-issue"))))))) : null,
        trace);
    } catch (err) {
      clear(sentryBox).append(errorBox(err, draw));
    }
  }
}

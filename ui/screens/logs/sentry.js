// The Logs screen's Sentry tab: the project's unresolved issues with the researcher's auth
// token (kept in the keychain), each opening its latest stack trace, the study's code first.
// `info` (from the `addon_apis` command) says whether Sentry is there and connected.

import { call } from "../../api.js";
import { h, clear, append, errorBox } from "../../dom.js";

export function sentryPanel() {
  const sentryBox = h("div", { id: "sentry-box" });
  const el = h("section", { class: "card", id: "sentry-panel", hidden: true }, sentryBox);
  const panel = { el, info: null, draw };
  return panel;

  async function draw() {
    clear(sentryBox);
    if (!panel.info) return;
    if (!panel.info.connected) {
      const token = h("input", { type: "password", id: "sentry-token", autocomplete: "off", "aria-label": "Sentry auth token" });
      const status = h("div", { id: "sentry-status", role: "status" });
      const confirm = panel.info.sentry_io ? null : h("input", { type: "checkbox", id: "sentry-confirm-host" });
      append(sentryBox,
        h("p", {}, `This app reports errors to Sentry (${panel.info.project}). To see them here, connect a Sentry auth token. The token is checked, then kept in this computer's keychain.`),
        h("ol", {},
          h("li", {}, "In Sentry, open Settings → Account → API → Personal Tokens (or User Auth Tokens)."),
          h("li", {}, "Create a token with the scopes project:read and event:read, and copy it."),
          h("li", {}, "Paste it here and press Connect.")),
        panel.info.practice_token ? h("p", { class: "muted" }, `Practice mode: use the token ${panel.info.practice_token}.`) : null,
        // A Sentry that is not sentry.io gets the token only once the researcher confirms it.
        confirm ? h("p", { class: "warning" }, h("label", {}, confirm, ` ${panel.info.host} is not sentry.io. Send my Sentry token there: it is my lab's own Sentry server. (If you do not know this address, leave this unticked: whoever set the app's SENTRY_DSN would receive your token.)`)) : null,
        h("div", { class: "row" }, token, h("button", { type: "button", class: "primary", id: "sentry-connect", onclick: async () => {
          try {
            await call("connect_sentry", { token: token.value, confirmHost: confirm && confirm.checked ? panel.info.host : null });
            panel.info.connected = true;
            draw();
          } catch (err) {
            clear(status).append(errorBox(err));
          }
        } }, "Connect")),
        status,
        h("p", { class: "muted small" }, "Without a token, the Errors tab still groups the errors found in the log."));
      return;
    }
    sentryBox.append(h("p", { class: "muted" }, "Asking Sentry…"));
    // One issue's stack trace, shown under the list: the study's own code first.
    const trace = h("section", { id: "sentry-trace", "aria-live": "polite" });
    const showTrace = async (issue) => {
      clear(trace).append(h("p", { class: "muted" }, `Asking Sentry where "${issue.title}" failed…`));
      try {
        const t = await call("sentry_stack_trace", { id: issue.id });
        append(clear(trace),
          h("h3", {}, `${t.exception}: ${t.value}`),
          t.frames.length ? null : h("p", { class: "muted" }, "Sentry has no stack trace for this error."),
          t.frames.map((f) => h("div", { class: f.in_app ? "frame own" : "frame" },
            h("p", {}, h("strong", {}, f.file), f.line ? `, line ${f.line}` : "", f.function ? ` in ${f.function}` : "",
              f.in_app ? h("span", { class: "chip good" }, "your study's code") : h("span", { class: "muted small" }, " (oTree or a library)")),
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
        h("p", {}, `${issues.length} unresolved issues in Sentry (${panel.info.project}). `,
          h("button", { type: "button", class: "link", id: "sentry-forget", onclick: async () => { await call("forget_sentry"); panel.info.connected = false; draw(); } }, "Disconnect")),
        issues.length ? h("table", { id: "sentry-issues" },
          h("thead", {}, h("tr", {}, ["Issue", "Where", "Events", "Participants", "Last seen", ""].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, issues.map((i) => h("tr", { "data-issue": i.id },
            h("td", {}, h("strong", {}, i.title)), h("td", {}, i.culprit || ""), h("td", {}, String(i.count)),
            h("td", {}, String(i.userCount ?? "")), h("td", {}, i.lastSeen ? new Date(i.lastSeen).toLocaleString() : ""),
            h("td", {},
              h("button", { type: "button", class: "small", "data-trace": i.id, onclick: () => showTrace(i) }, "Where it failed"), " ",
              h("button", { type: "button", class: "small", onclick: () => call("open_sentry_issue", { id: i.id }).catch((err) => sentryBox.append(errorBox(err))) }, "Open in Sentry")))))) : null,
        trace);
    } catch (err) {
      clear(sentryBox).append(errorBox(err, draw));
    }
  }
}

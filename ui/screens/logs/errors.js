// The Logs screen's Errors tab: the errors found in the log, grouped by kind, with the latest
// example of each (a Python traceback opened first).

import { call } from "../../api.js";
import { h, clear, errorBox } from "../../dom.js";
import { t } from "../../i18n.js";
import { number, dateTime } from "../../format.js";

export function errorsPanel() {
  const errorsBox = h("div", { id: "error-groups" });
  const el = h("section", { class: "card", id: "errors-panel", hidden: true },
    h("p", { class: "muted" }, t("logs-errors-intro")),
    errorsBox);

  // Draws the groups and puts their number on the tab.
  async function draw(tab) {
    try {
      const groups = await call("log_errors");
      clear(errorsBox);
      tab.textContent = t("logs-tab-errors-count", { count: groups.length });
      if (!groups.length) {
        errorsBox.append(h("p", {}, t("logs-errors-none")));
        return;
      }
      const fmt = (ms) => (ms ? dateTime(ms, { dateStyle: "short", timeStyle: "medium" }) : "?");
      errorsBox.append(h("table", { id: "error-table" },
        h("thead", {}, h("tr", {}, [t("logs-errors-column-what"), t("logs-errors-column-times"), t("logs-errors-column-first"), t("logs-errors-column-last")].map((name) => h("th", { scope: "col" }, name)))),
        h("tbody", {}, groups.map((g, i) => [
          h("tr", { "data-key": g.key },
            h("td", {}, h("span", { class: `chip ${g.kind === "python" || g.kind === "crash" ? "bad" : "warn"}` }, g.kind === "python" ? t("logs-errors-kind-python") : g.kind === "crash" ? t("logs-errors-kind-crash") : t("logs-errors-kind-heroku")), " ", g.title),
            h("td", {}, number(g.count)), h("td", {}, fmt(g.first_ms)), h("td", {}, fmt(g.last_ms))),
          h("tr", { class: "example" }, h("td", { colspan: "4" },
            h("details", { open: i === 0 && g.kind === "python" }, h("summary", {}, t("logs-errors-latest-example")), h("pre", {}, g.example)))),
        ]))));
    } catch (err) {
      clear(errorsBox).append(errorBox(err, () => draw(tab)));
    }
  }

  return { el, draw };
}

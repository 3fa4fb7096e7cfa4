// The Logs screen's Errors tab: the errors found in the log, grouped by kind, with the latest
// example of each (a Python traceback opened first).

import { call } from "../../api.js";
import { h, clear, errorBox } from "../../dom.js";

export function errorsPanel() {
  const errorsBox = h("div", { id: "error-groups" });
  const el = h("section", { class: "card", id: "errors-panel", hidden: true },
    h("p", { class: "muted" }, "Errors found in the log since this screen opened (and in the lines Heroku still had), grouped by kind. Sentry, when connected, gives the same from inside the study."),
    errorsBox);

  // Draws the groups and puts their number on the tab.
  async function draw(tab) {
    try {
      const groups = await call("log_errors");
      clear(errorsBox);
      tab.textContent = `Errors (${groups.length})`;
      if (!groups.length) {
        errorsBox.append(h("p", {}, "No errors in the log. Good."));
        return;
      }
      const fmt = (ms) => (ms ? new Date(ms).toLocaleString([], { dateStyle: "short", timeStyle: "medium" }) : "?");
      errorsBox.append(h("table", { id: "error-table" },
        h("thead", {}, h("tr", {}, ["What", "Times", "First seen", "Last seen"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, groups.map((g, i) => [
          h("tr", { "data-key": g.key },
            h("td", {}, h("span", { class: `chip ${g.kind === "python" || g.kind === "crash" ? "bad" : "warn"}` }, g.kind === "python" ? "Python" : g.kind === "crash" ? "Crash" : "Heroku"), " ", g.title),
            h("td", {}, g.count.toLocaleString()), h("td", {}, fmt(g.first_ms)), h("td", {}, fmt(g.last_ms))),
          h("tr", { class: "example" }, h("td", { colspan: "4" },
            h("details", { open: i === 0 && g.kind === "python" }, h("summary", {}, "Latest example"), h("pre", {}, g.example)))),
        ]))));
    } catch (err) {
      clear(errorsBox).append(errorBox(err, () => draw(tab)));
    }
  }

  return { el, draw };
}

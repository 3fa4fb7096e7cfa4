// The Logs screen's Papertrail tab: its history (days, beyond Heroku's last 1,500 lines), by
// text and time range. `row(entry, text)` draws a line as the live log does, `text` marked.

import { call } from "../../api.js";
import { h, clear, errorBox } from "../../dom.js";
import { t } from "../../i18n.js";

export function papertrailPanel(row) {
  const text = h("input", { type: "search", id: "pt-text", placeholder: t("papertrail-search-placeholder"), "aria-label": t("papertrail-search-label") });
  const from = h("input", { type: "datetime-local", id: "pt-from", "aria-label": t("papertrail-from") });
  const to = h("input", { type: "datetime-local", id: "pt-to", "aria-label": t("papertrail-to-label") });
  const results = h("div", { id: "pt-results", class: "log-lines short", role: "log", "aria-live": "off", tabindex: "0", "aria-label": t("papertrail-results-label") });
  const status = h("div", { id: "pt-status", role: "status", "aria-live": "polite" });
  const older = h("button", { type: "button", id: "pt-older", hidden: true }, t("papertrail-older"));
  let before = null;
  const seconds = (input) => (input.value ? Math.floor(new Date(input.value).getTime() / 1000) : null);
  async function run(more) {
    const query = { text: text.value.trim(), min_time: seconds(from), max_time: seconds(to), before_id: more ? before : null };
    clear(status).append(h("p", { class: "muted" }, t("papertrail-searching")));
    try {
      const found = await call("papertrail_search", { query });
      clear(status);
      if (!more) clear(results);
      const fragment = document.createDocumentFragment();
      for (const e of found.entries) fragment.append(row(e, query.text));
      if (more) results.prepend(fragment); else results.append(fragment);
      before = found.older;
      older.hidden = !before;
      status.append(h("p", { class: "muted small" }, found.entries.length
        ? (before ? t("papertrail-found-more", { count: results.childElementCount }) : t("papertrail-found-all", { count: results.childElementCount }))
        : t("papertrail-nothing")));
      if (!more) results.scrollTop = results.scrollHeight;
    } catch (err) {
      clear(status).append(errorBox(err, () => run(more)));
    }
  }
  older.addEventListener("click", () => run(true));
  text.addEventListener("keydown", (ev) => { if (ev.key === "Enter") run(false); });
  const el = h("section", { class: "card", id: "papertrail-panel", hidden: true },
    h("p", { class: "muted" }, t("papertrail-intro")),
    h("div", { class: "log-tools" }, text, h("label", {}, t("papertrail-from"), " ", from), h("label", {}, t("papertrail-to"), " ", to),
      h("button", { type: "button", class: "primary", id: "pt-search", onclick: () => run(false) }, t("papertrail-search")),
      h("button", { type: "button", id: "pt-open", onclick: () => call("open_papertrail").catch((err) => clear(status).append(errorBox(err))) }, t("papertrail-open"))),
    status, older, results);
  return { el, focus: () => text.focus() };
}


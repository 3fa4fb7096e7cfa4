// "Download data": the participants' data exactly as oTree's Data page gives it (all apps
// wide, one file per app, page times, chat), saved straight into the dated folder, with
// progress and Cancel. Novaland logs into oTree's admin itself.

import { call, callWithProgress } from "../api.js";
import { h, clear, append, errorBox } from "../dom.js";
import { size, number } from "../format.js";
import { t, tNodes } from "../i18n.js";

// What a file holds, by its kind.
function what(f) {
  switch (f.kind) {
    case "wide": return t("participant-data-what-wide");
    case "app": return t("participant-data-what-app", { app: f.app });
    case "page_times": return t("participant-data-what-page-times");
    case "chat": return t("participant-data-what-chat");
    default: return f.kind;
  }
}

export function dataCard(session) {
  const status = h("div", { id: "data-status", role: "status", "aria-live": "polite" });
  const excel = h("input", { type: "checkbox", id: "for-excel", checked: true });
  const workbook = h("input", { type: "checkbox", id: "as-workbook", checked: true });
  const start = h("button", { type: "button", class: "primary", id: "download-data", onclick: download }, t("participant-data-download"));
  const cancel = h("button", { type: "button", id: "cancel-data", hidden: true, onclick: () => job?.cancel() }, t("participant-data-cancel"));
  let job = null;

  async function download() {
    start.disabled = true;
    cancel.hidden = false;
    const bar = h("progress", { max: "1", value: "0", "aria-label": t("participant-data-progress-label") });
    const line = h("p", {}, t("participant-data-connecting"));
    clear(status).append(bar, line);
    job = callWithProgress("download_participant_data", { forExcel: excel.checked, workbook: workbook.checked }, (p) => {
      if (p.total) {
        bar.max = p.total;
        bar.value = p.done;
      }
      line.textContent = p.total ? t("participant-data-progress", { index: Math.min(p.done + 1, p.total), total: p.total, step: p.step }) : t("participant-data-step", { step: p.step });
    });
    try {
      const done = await job.done;
      const total = done.files.reduce((n, f) => n + f.bytes, 0);
      append(clear(status),
        h("p", { class: "ok" }, tNodes("participant-data-saved", { count: done.files.length, size: size(total), version: done.otree_version },
          { folder: h("strong", { id: "data-folder" }, done.folder) })),
        done.workbook ? h("p", { id: "data-workbook" }, t("participant-data-workbook-saved", { file: done.workbook.file_name })) : null,
        done.workbook_problem ? h("p", { class: "notice" }, done.workbook_problem) : null,
        h("button", { type: "button", onclick: () => call("show_folder", { path: done.folder }).catch((err) => status.append(errorBox(err))) }, t("participant-data-show-folder")),
        h("table", { id: "saved-data" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("participant-data-column-file")), h("th", { scope: "col" }, t("participant-data-column-what")), h("th", { scope: "col" }, t("participant-data-column-rows")), h("th", { scope: "col" }, t("participant-data-column-size")))),
          h("tbody", {}, done.files.map((f) => h("tr", {},
            h("td", {}, f.file_name), h("td", {}, what(f)), h("td", {}, number(f.rows)), h("td", {}, size(f.bytes)))))));
    } catch (err) {
      clear(status).append(errorBox(err, download));
    } finally {
      start.disabled = false;
      cancel.hidden = true;
    }
  }

  return h("section", { class: "card", id: "data-card" },
    h("h2", {}, t("participant-data-title")),
    h("p", {}, t("participant-data-intro")),
    session.practice
      ? h("p", { class: "muted" }, t("participant-data-practice"))
      : null,
    h("p", {}, h("label", {}, excel, " ", t("participant-data-for-excel"))),
    h("p", {}, h("label", {}, workbook, " ", t("participant-data-workbook"))),
    h("div", { class: "actions" }, start, cancel),
    status);
}

// "Download data": the participants' data exactly as oTree's Data page gives it (all apps
// wide, one file per app, page times, chat), saved straight into the dated folder, with
// progress and Cancel. Novaland logs into oTree's admin itself.

import { call, callWithProgress } from "../api.js";
import { h, clear, append, errorBox } from "../dom.js";
import { size } from "../format.js";

const WHAT = {
  wide: () => "All apps, one row per participant",
  app: (f) => `App ${f.app}, one row per player and round`,
  page_times: () => "Page times",
  chat: () => "Chat messages",
};

export function dataCard(session) {
  const status = h("div", { id: "data-status", role: "status", "aria-live": "polite" });
  const excel = h("input", { type: "checkbox", id: "for-excel", checked: true });
  const workbook = h("input", { type: "checkbox", id: "as-workbook", checked: true });
  const start = h("button", { type: "button", class: "primary", id: "download-data", onclick: download }, "Download data");
  const cancel = h("button", { type: "button", id: "cancel-data", hidden: true, onclick: () => job?.cancel() }, "Cancel");
  let job = null;

  async function download() {
    start.disabled = true;
    cancel.hidden = false;
    const bar = h("progress", { max: "1", value: "0", "aria-label": "Download progress" });
    const line = h("p", {}, "Connecting to the study…");
    clear(status).append(bar, line);
    job = callWithProgress("download_participant_data", { forExcel: excel.checked, workbook: workbook.checked }, (p) => {
      if (p.total) {
        bar.max = p.total;
        bar.value = p.done;
      }
      line.textContent = p.total ? `File ${Math.min(p.done + 1, p.total)} of ${p.total}: ${p.step}…` : `${p.step}…`;
    });
    try {
      const done = await job.done;
      const total = done.files.reduce((n, f) => n + f.bytes, 0);
      append(clear(status),
        h("p", { class: "ok" }, `Saved ${done.files.length} files (${size(total)}) from oTree ${done.otree_version} in `,
          h("strong", { id: "data-folder" }, done.folder)),
        done.workbook ? h("p", { id: "data-workbook" }, `And one Excel workbook, ${done.workbook.file_name}, with a sheet for each file (numbers and times as Excel's own, the header row fixed).`) : null,
        done.workbook_problem ? h("p", { class: "notice" }, done.workbook_problem) : null,
        h("button", { type: "button", onclick: () => call("show_folder", { path: done.folder }).catch((err) => status.append(errorBox(err))) }, "Show the folder"),
        h("table", { id: "saved-data" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "File"), h("th", { scope: "col" }, "What"), h("th", { scope: "col" }, "Rows"), h("th", { scope: "col" }, "Size"))),
          h("tbody", {}, done.files.map((f) => h("tr", {},
            h("td", {}, f.file_name), h("td", {}, WHAT[f.kind](f)), h("td", {}, f.rows.toLocaleString()), h("td", {}, size(f.bytes)))))));
    } catch (err) {
      clear(status).append(errorBox(err, download));
    } finally {
      start.disabled = false;
      cancel.hidden = true;
    }
  }

  return h("section", { class: "card", id: "data-card" },
    h("h2", {}, "The participants' data"),
    h("p", {}, "The files oTree's own Data page gives you: all apps in one file (one row per participant), one file per app, page times and chat. Saved straight into a dated folder (see above); nothing in the study is changed. Novaland signs into oTree's admin with the app's OTREE_ADMIN_PASSWORD setting, so you type nothing."),
    session.practice
      ? h("p", { class: "muted" }, "Practice mode: the files come from a finished practice session of oTree's guess_two_thirds sample.")
      : null,
    h("p", {}, h("label", {}, excel, " For Excel (UTF-8 with a byte-order mark, so umlauts and emoji show right)")),
    h("p", {}, h("label", {}, workbook, " Also one Excel workbook (.xlsx) with a sheet for each file: opens right in every language of Excel, where a CSV may land in one column")),
    h("div", { class: "actions" }, start, cancel),
    status);
}

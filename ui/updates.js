// Novaland's own updates: the daily look at start, "Look for updates" in the footer, and the
// offer under the header. An update is downloaded and its signature checked by the Rust side
// before it is offered; it is installed only on "Install and restart".

import { call } from "./api.js";
import { h, clear, append } from "./dom.js";
import { t } from "./i18n.js";

const bar = document.getElementById("update-bar");
const said = document.getElementById("update-said");
const button = document.getElementById("look-for-update");
const version = document.getElementById("version");

function showBar(refused, ...children) {
  bar.classList.toggle("refused", refused);
  append(clear(bar), ...children);
  bar.hidden = false;
}

function offer({ version: next, notes }) {
  const install = h("button", { type: "button", class: "primary", id: "install-update" }, t("update-install"));
  const later = h("button", { type: "button", class: "quiet", onclick: () => { bar.hidden = true; } }, t("update-later"));
  install.addEventListener("click", async () => {
    install.disabled = true;
    later.disabled = true;
    install.textContent = t("update-installing");
    try {
      await call("install_update");
    } catch (err) {
      // Refused while a download, backup or reset runs, or the installer failed: said, and
      // the downloaded update stays ready for another try.
      install.disabled = false;
      later.disabled = false;
      install.textContent = t("update-install");
      showBar(false, h("strong", {}, t("update-ready", { version: next })), h("span", {}, err.message), install, later);
    }
  });
  showBar(false,
    h("strong", {}, t("update-ready", { version: next })),
    h("span", {}, t("update-ready-detail")),
    install, later,
    notes ? h("p", { class: "notes" }, h("strong", {}, t("update-whats-new")), notes) : null);
}

// `asked`: the researcher clicked. The daily look stays quiet when the server cannot be
// reached or the build does not look for updates; a refused file is always said.
async function look(asked) {
  button.disabled = true;
  said.textContent = asked ? t("update-looking") : "";
  try {
    const status = await call("look_for_update", { asked });
    said.textContent = "";
    if (status.state === "ready") offer(status.offer);
    else if (asked && status.state === "newest") said.textContent = t("update-newest", { version: status.current });
    else if (asked && status.state === "not_set_up") said.textContent = t("update-not-set-up");
  } catch (err) {
    said.textContent = "";
    if (err.code === "update_refused") {
      const close = h("button", { type: "button", class: "quiet", onclick: () => { bar.hidden = true; } }, t("update-close"));
      showBar(true, h("strong", {}, t("update-not-installed")), h("span", {}, err.message), close);
    }
    else if (asked) said.textContent = err.message;
  } finally {
    button.disabled = false;
  }
}

export async function startUpdates() {
  button.addEventListener("click", () => look(true));
  version.textContent = t("version", { version: await call("novaland_version") });
  look(false);
}

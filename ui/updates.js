// Novaland's own updates: the daily look at start, "Look for updates" in the footer, and the
// offer under the header. An update is downloaded and its signature checked by the Rust side
// before it is offered; it is installed only on "Install and restart".

import { call } from "./api.js";
import { h, clear, append } from "./dom.js";

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
  const install = h("button", { type: "button", class: "primary", id: "install-update" }, "Install and restart");
  const later = h("button", { type: "button", class: "quiet", onclick: () => { bar.hidden = true; } }, "Later");
  install.addEventListener("click", async () => {
    install.disabled = true;
    later.disabled = true;
    install.textContent = "Installing… Novaland will restart";
    try {
      await call("install_update");
    } catch (err) {
      // Refused while a download, backup or reset runs, or the installer failed: said, and
      // the downloaded update stays ready for another try.
      install.disabled = false;
      later.disabled = false;
      install.textContent = "Install and restart";
      showBar(false, h("strong", {}, `Novaland ${next} is ready.`), h("span", {}, err.message), install, later);
    }
  });
  showBar(false,
    h("strong", {}, `Novaland ${next} is ready.`),
    h("span", {}, "It is downloaded and checked; nothing changes until you install it."),
    install, later,
    notes ? h("p", { class: "notes" }, h("strong", {}, "What's new: "), notes) : null);
}

// `asked`: the researcher clicked. The daily look stays quiet when the server cannot be
// reached or the build does not look for updates; a refused file is always said.
async function look(asked) {
  button.disabled = true;
  said.textContent = asked ? "Looking for a newer Novaland…" : "";
  try {
    const status = await call("look_for_update", { asked });
    said.textContent = "";
    if (status.state === "ready") offer(status.offer);
    else if (asked && status.state === "newest") said.textContent = `Novaland ${status.current} is the newest version.`;
    else if (asked && status.state === "not_set_up") said.textContent = "This copy of Novaland was not built from a release, so it does not look for updates.";
  } catch (err) {
    said.textContent = "";
    if (err.code === "update_refused") {
      const close = h("button", { type: "button", class: "quiet", onclick: () => { bar.hidden = true; } }, "Close");
      showBar(true, h("strong", {}, "Update not installed."), h("span", {}, err.message), close);
    }
    else if (asked) said.textContent = err.message;
  } finally {
    button.disabled = false;
  }
}

export async function startUpdates() {
  button.addEventListener("click", () => look(true));
  version.textContent = `Novaland ${await call("novaland_version")}`;
  look(false);
}

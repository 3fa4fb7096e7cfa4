// Boots the page: restores the session, then shows the guide or the chosen screen.

import { call } from "./api.js";
import { h, clear, errorBox } from "./dom.js";
import { themeSwitch } from "./theme.js";
import { t, tNodes, translateStatic, languageSwitch } from "./i18n.js";
import { startUpdates } from "./updates.js";
import * as guide from "./screens/guide.js";
import * as overview from "./screens/overview.js";
import * as postgres from "./screens/postgres.js";
import * as logs from "./screens/logs.js";
import * as resources from "./screens/resources.js";
import * as metrics from "./screens/metrics.js";

// Every screen, once: the navigation is built from this list and the route reads it.
const SCREENS = [
  { name: "overview", label: t("screen-overview"), module: overview },
  { name: "resources", label: t("screen-resources"), module: resources },
  { name: "postgres", label: t("screen-postgres"), module: postgres },
  { name: "logs", label: t("screen-logs"), module: logs },
  { name: "metrics", label: t("screen-metrics"), module: metrics },
];
const screens = Object.fromEntries(SCREENS.map((s) => [s.name, s.module]));
document.getElementById("nav").append(...SCREENS.map((s) => h("a", { href: `#${s.name}`, "data-screen": s.name }, s.label)));

translateStatic();
// Colours and language sit in the footer: the header keeps room for the app's name and the
// account, even with German's longer words in a narrow window.
document.querySelector(".appfoot").append(h("span", { class: "spacer" }), themeSwitch(), languageSwitch());
const main = document.getElementById("main");
let session = null;
let leave = null;

function setSession(info) {
  session = info;
  const signedIn = info && info.signed_in;
  document.getElementById("practice-banner").hidden = !(signedIn && info.practice);
  document.getElementById("who").textContent = signedIn
    ? (info.practice ? t("who-practice") : t("who-signed-in", { email: info.email }))
    : "";
  document.getElementById("app-name").textContent = signedIn && info.app ? info.app : "";
  document.getElementById("sign-out").hidden = !signedIn;
  document.getElementById("sign-out").textContent = signedIn && info.practice ? t("leave-practice") : t("sign-out");
  document.getElementById("switch-app").hidden = !(signedIn && info.app);
  document.getElementById("nav").hidden = !(signedIn && info.app);
  document.body.classList.toggle("practice", Boolean(signedIn && info.practice));
}

function show(render) {
  if (leave) leave();
  leave = null;
  // Focus is never lost: when what had it goes with the old screen (a guide's button, a
  // screen's control), the new screen's heading takes it, and a screen reader reads where it is.
  const lost = main.contains(document.activeElement) || document.activeElement === document.body;
  clear(main);
  leave = render(main) || null;
  if (lost && (document.activeElement === document.body || !document.activeElement)) {
    const heading = main.querySelector("h1");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    } else {
      main.focus();
    }
  }
}

// Escape closes the open confirmation (it has a quiet "keep" button) and gives the focus back
// to the control that opened it.
let opener = null;
document.addEventListener("focusin", (event) => {
  const dialog = event.target.closest?.("[role=alertdialog]");
  if (dialog && !dialog.contains(event.relatedTarget)) opener = event.relatedTarget;
});
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  const dialogs = main.querySelectorAll("[role=alertdialog]");
  const dialog = dialogs[dialogs.length - 1];
  const keep = dialog?.querySelector("button.quiet");
  if (!keep) return;
  event.preventDefault();
  keep.click();
  if (opener?.isConnected) opener.focus();
  else main.querySelector("h1")?.focus();
});

function route() {
  if (!session || !session.signed_in) {
    show((el) => guide.render(el, { session, onSession: onGuideDone, step: "welcome" }));
    return;
  }
  if (!session.app) {
    show((el) => guide.render(el, { session, onSession: onGuideDone, step: "pick" }));
    return;
  }
  const name = (location.hash || "#overview").slice(1);
  const screen = screens[name] || overview;
  for (const link of document.querySelectorAll("#nav a")) {
    if (link.dataset.screen === name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  show((el) => screen.render(el, { session }));
}

function onGuideDone(info) {
  setSession(info);
  if (info.signed_in && info.app) location.hash = "#overview";
  route();
}

async function boot() {
  try {
    // The start-up's steps, for scripts/bench.sh (window): modules and catalog loaded, the
    // key checked with the Overview asked in the same round.
    performance.mark("novaland:modules");
    setSession(await call("restore_session"));
    performance.mark("novaland:session");
  } catch (err) {
    // The saved key could not be checked (offline, Heroku failing): say so, offer a retry.
    setSession({ signed_in: false });
    clear(main).append(
      h("section", { class: "card" },
        h("h1", {}, t("heroku-unreachable-title")),
        errorBox(err, boot),
        h("p", {}, tNodes("heroku-unreachable-explore", {}, { explore: h("button", { type: "button", class: "link", onclick: () => show((el) => guide.render(el, { session, onSession: onGuideDone, step: "welcome" })) }, t("heroku-unreachable-explore-link")) }))));
    return;
  }
  if (session.notice) {
    show((el) => guide.render(el, { session, onSession: onGuideDone, step: "key", notice: session.notice }));
    return;
  }
  route();
}

window.addEventListener("hashchange", route);
// A command found no session (signed out in another way, or the app was never chosen):
// back to the guide's step that fixes it, saying why.
document.addEventListener("novaland:session-lost", (event) => {
  const { code, message } = event.detail;
  if (code === "signed_out") {
    setSession({ signed_in: false });
    show((el) => guide.render(el, { session, onSession: onGuideDone, step: "key", notice: message }));
  } else {
    show((el) => guide.render(el, { session, onSession: onGuideDone, step: "pick" }));
  }
});
document.getElementById("sign-out").addEventListener("click", async () => {
  setSession(await call("sign_out"));
  location.hash = "";
  route();
});
document.getElementById("switch-app").addEventListener("click", () => {
  show((el) => guide.render(el, { session, onSession: onGuideDone, step: "pick" }));
});

boot();
startUpdates();

// Boots the page: restores the session, then shows the guide or the chosen screen.

import { call } from "./api.js";
import { h, clear, errorBox } from "./dom.js";
import { themeSwitch } from "./theme.js";
import { t, tNodes, translateStatic, languageSwitch, loadCatalog } from "./i18n.js";
import { startUpdates } from "./updates.js";
// The first screen of nearly every start is part of the page's first modules: loaded by
// import() after the key check it came 60-75 ms later, even preloaded (scripts/bench.sh window,
// "its module there after").
import * as overview from "./screens/overview.js";

// The key check (with the Overview's requests) starts before anything else: Rust began it as
// the app started, and it runs while the catalog and the first screen's modules load.
performance.mark("novaland:session-asked");
const restoring = call("restore_session");
restoring.catch(() => {}); // boot() reads its error; nothing is unhandled meanwhile
await loadCatalog();

// Every screen, once: the navigation is built from this list and the route reads it. A
// screen's modules load when it is first shown (the Overview's with the page), so the start
// waits only for what the first screen needs.
const SCREENS = [
  { name: "overview", label: t("screen-overview"), load: async () => overview },
  { name: "resources", label: t("screen-resources"), load: () => import("./screens/resources.js") },
  { name: "postgres", label: t("screen-postgres"), load: () => import("./screens/postgres.js") },
  { name: "logs", label: t("screen-logs"), load: () => import("./screens/logs.js") },
  { name: "metrics", label: t("screen-metrics"), load: () => import("./screens/metrics.js") },
];
const screens = Object.fromEntries(SCREENS.map((s) => [s.name, s.load]));
const loadGuide = () => import("./screens/guide.js");
document.getElementById("nav").append(...SCREENS.map((s) => h("a", { href: `#${s.name}`, "data-screen": s.name }, s.label)));

translateStatic();
// Colours and language sit in the footer: the header keeps room for the app's name and the
// account, even with German's longer words in a narrow window.
document.querySelector(".appfoot").append(h("span", { class: "spacer" }), themeSwitch(), languageSwitch());
const main = document.getElementById("main");
let session = null;
let leave = null;
// The remembered app's Overview, when it came with the session at start-up: the first
// Overview screen draws it at once instead of asking again.
let firstOverview = null;

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

// Shows a screen (or the guide) once its modules are loaded; when another was asked for while
// they loaded, that one wins.
let asked = 0;
async function showScreen(load, options) {
  const turn = ++asked;
  const screen = await load();
  // For scripts/bench.sh (window): when the first screen's module was there to show.
  if (!performance.getEntriesByName("novaland:screen-loaded").length) performance.mark("novaland:screen-loaded");
  if (turn === asked) show((el) => screen.render(el, options));
  // ...and when it was shown, its heading focused (which lays the page out).
  if (!performance.getEntriesByName("novaland:screen-shown").length) performance.mark("novaland:screen-shown");
}

// The guide at one of its steps (welcome, key, pick), saying `notice` when there is one.
function showGuide(step, notice) {
  return showScreen(loadGuide, { session, onSession: onGuideDone, step, notice });
}

function route() {
  if (!session || !session.signed_in) return showGuide("welcome");
  if (!session.app) return showGuide("pick");
  const name = (location.hash || "#overview").slice(1);
  for (const link of document.querySelectorAll("#nav a")) {
    if (link.dataset.screen === name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  const screen = screens[name] ? name : "overview";
  const overview = screen === "overview" ? firstOverview : null;
  firstOverview = null;
  return showScreen(screens[screen], { session, overview });
}

function onGuideDone(info) {
  setSession(info);
  if (info.signed_in && info.app) location.hash = "#overview";
  route();
}

async function boot(answer = call("restore_session")) {
  try {
    // The start-up's steps, for scripts/bench.sh (window): modules and catalog loaded, the
    // key checked with the Overview asked in the same round.
    performance.mark("novaland:modules");
    const { overview, ...info } = await answer;
    firstOverview = overview || null;
    setSession(info);
    performance.mark("novaland:session");
    // ...and when the next frame (the header and navigation for the session) was painted.
    requestAnimationFrame(() => setTimeout(() => performance.mark("novaland:session-painted")));
  } catch (err) {
    // The saved key could not be checked (offline, Heroku failing): say so, offer a retry.
    setSession({ signed_in: false });
    clear(main).append(
      h("section", { class: "card" },
        h("h1", {}, t("heroku-unreachable-title")),
        errorBox(err, () => boot()),
        h("p", {}, tNodes("heroku-unreachable-explore", {}, { explore: h("button", { type: "button", class: "link", onclick: () => showGuide("welcome") }, t("heroku-unreachable-explore-link")) }))));
    return;
  }
  if (session.notice) {
    showGuide("key", session.notice);
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
    showGuide("key", message);
  } else {
    showGuide("pick");
  }
});
document.getElementById("sign-out").addEventListener("click", async () => {
  setSession(await call("sign_out"));
  location.hash = "";
  route();
});
document.getElementById("switch-app").addEventListener("click", () => showGuide("pick"));

boot(restoring);
startUpdates();

// Every word the page shows comes from the same Fluent catalogs as Rust's (locales/*/*.ftl,
// handed over by the `messages` command): `t(id, {variable: value})`. Plurals and variables
// are Fluent's. main.js awaits loadCatalog() before it shows anything or loads a screen, so a
// screen may call t() anywhere, even at the top of its module, except the Overview's modules
// (screens/overview.js, cards/deploy.js): main.js imports them with the page, before the
// catalog. (Not a top-level await here: WebKitGTK then let a screen's import() finish before
// this module had run.)

import { FluentBundle, FluentResource } from "./vendor/fluent-bundle/index.js";

// The language in effect ("en" or "de"), for Intl and <html lang>.
export let language = "en";
// The researcher's choice: "system", "en" or "de".
export let chosen = "system";
let bundle = null;

export async function loadCatalog() {
  performance.mark("novaland:catalog-asked");
  const catalog = await window.__TAURI__.core.invoke("messages");
  language = catalog.language;
  chosen = catalog.chosen;
  // useIsolating off: Fluent would wrap each variable in invisible Unicode marks, which a
  // screen reader may read and which end up in copied text.
  bundle = new FluentBundle(language, { useIsolating: false });
  for (const source of catalog.sources) {
    const errors = bundle.addResource(new FluentResource(source));
    if (errors.length) console.error("catalog", errors);
  }
  document.documentElement.lang = language;
  // For scripts/bench.sh (window): the catalog asked for, received and parsed.
  performance.mark("novaland:catalog");
}

// Message ids the page asked for and the catalog lacks (the catalog test prevents them; the
// end-to-end tests read this list too).
export const missing = [];
window.novalandMissingMessages = missing;

export function t(id, args) {
  const message = bundle?.getMessage(id);
  if (!message || !message.value) {
    missing.push(id);
    return id;
  }
  const errors = [];
  const text = bundle.formatPattern(message.value, args, errors);
  if (errors.length) {
    missing.push(`${id}: ${errors.map(String).join("; ")}`);
  }
  return text;
}

// The page's fixed words in index.html: data-l10n-id gives the text, data-l10n-label the
// aria-label.
export function translateStatic(root = document) {
  for (const el of root.querySelectorAll("[data-l10n-id]")) el.textContent = t(el.dataset.l10nId);
  for (const el of root.querySelectorAll("[data-l10n-label]")) el.setAttribute("aria-label", t(el.dataset.l10nLabel));
}

// The header's switch: as the system, English, Deutsch (each language named in itself).
// A change is kept by Rust and the page loads again in the new language.
export function languageSwitch() {
  const select = document.createElement("select");
  select.id = "language";
  select.setAttribute("aria-label", t("language-label"));
  for (const [value, label] of [["system", t("language-system")], ["en", "English"], ["de", "Deutsch"]]) {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = label;
    option.lang = value === "system" ? language : value;
    option.selected = chosen === value;
    select.append(option);
  }
  select.addEventListener("change", async () => {
    await window.__TAURI__.core.invoke("choose_language", { language: select.value });
    location.reload();
  });
  return select;
}

// A sentence with elements inside it (a link, a bold name): `tNodes(id, {n: 3}, {link: el})`
// gives the pieces in the language's own order, text and nodes, for h()/append(). The
// catalog places the element as a variable ({ $link }), so German may put it elsewhere.
export function tNodes(id, args = {}, nodes = {}) {
  const marked = { ...args };
  for (const name of Object.keys(nodes)) marked[name] = `\u0001${name}\u0001`;
  return t(id, marked).split("\u0001").map((piece, i) => (i % 2 ? nodes[piece] : piece)).filter((piece) => piece !== "");
}

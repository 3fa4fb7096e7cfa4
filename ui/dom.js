// Builds DOM nodes from data without innerHTML, so nothing Heroku sends is ever run as markup.

import { t } from "./i18n.js";

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === "class") {
      el.className = value;
    } else if (value === true) {
      el.setAttribute(key, "");
    } else {
      el.setAttribute(key, String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// Appends children, leaving out the absent ones (null, undefined, false): the DOM's own
// append would show them as the words "null" or "undefined".
export function append(el, ...children) {
  el.append(...children.flat(Infinity).filter((c) => c !== undefined && c !== null && c !== false));
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// The one typed-name confirmation of a destructive action: its label, the field, and the
// button, which stays disabled until the app's name is typed (Rust checks the name again).
export function typedName(app, { id, action, buttonId, onConfirm }) {
  const input = h("input", { type: "text", id, autocomplete: "off", "aria-label": t("app-name-label") });
  const go = h("button", { type: "button", class: "danger", id: buttonId, disabled: true }, action);
  input.addEventListener("input", () => { go.disabled = input.value.trim() !== app; });
  go.addEventListener("click", () => onConfirm(input.value));
  const label = h("label", { for: id }, t("type-app-name", { app }));
  return { input, go, label };
}

export function errorBox(err, retry) {
  return h("div", { class: "error-box", role: "alert" },
    h("p", {}, err.message || String(err)),
    retry ? h("button", { type: "button", onclick: retry }, t("try-again")) : null);
}

// Light, dark, or the system's choice (prefers-color-scheme, followed live). The choice is
// kept in the page's storage; <html data-theme> carries the one in effect for style.css, and
// "novaland:theme" tells screens that draw in a theme (the Metrics charts) to draw again.

import { t } from "./i18n.js";

const KEY = "novaland-theme";
const system = window.matchMedia("(prefers-color-scheme: dark)");

export function chosen() {
  const value = localStorage.getItem(KEY);
  return value === "light" || value === "dark" ? value : "system";
}

// The theme in effect: "light" or "dark".
export function current() {
  const c = chosen();
  return c === "system" ? (system.matches ? "dark" : "light") : c;
}

function apply() {
  document.documentElement.dataset.theme = current();
  document.dispatchEvent(new CustomEvent("novaland:theme"));
}

export function choose(value) {
  if (value === "system") localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, value);
  apply();
}

// The header's switch.
export function themeSwitch() {
  const select = document.createElement("select");
  select.id = "theme";
  select.setAttribute("aria-label", t("theme-label"));
  for (const [value, label] of [["system", t("theme-system")], ["light", t("theme-light")], ["dark", t("theme-dark")]]) {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = label;
    option.selected = chosen() === value;
    select.append(option);
  }
  select.addEventListener("change", () => choose(select.value));
  return select;
}

system.addEventListener("change", () => { if (chosen() === "system") apply(); });
apply();

// How the page writes numbers, sizes, money and times: one place, in the language in effect
// (1,234.5 MB and 3:05 PM in English; 1.234,5 MB and 15:05 in German). Screens never call
// toLocaleString themselves.

import { t, language } from "./i18n.js";

const numbers = new Map();
// A number with at most `digits` decimals (exactly `digits` when `fixed`).
export function number(value, digits = 0, fixed = false) {
  const key = `${digits}:${fixed}`;
  if (!numbers.has(key)) {
    numbers.set(key, new Intl.NumberFormat(language, { maximumFractionDigits: digits, minimumFractionDigits: fixed ? digits : 0 }));
  }
  return numbers.get(key).format(value);
}

export function size(bytes) {
  if (bytes < 1e3) return t("size-bytes", { count: bytes });
  if (bytes < 1e6) return `${number(bytes / 1e3, 0)} kB`;
  if (bytes < 1e9) return `${number(bytes / 1e6, 1, true)} MB`;
  return `${number(bytes / 1e9, 2, true)} GB`;
}

// A monthly price in cents: "free", "$7.00/month", or "?" when Heroku gave none. Heroku bills
// in dollars in every language.
export function money(cents) {
  if (cents === null || cents === undefined) return "?";
  return cents === 0 ? t("price-free") : t("price-per-month", { dollars: number(cents / 100, 2, true) });
}

// German uses the 24-hour clock; English follows the system's habit for its language.
const hour12 = () => (language === "de" ? { hourCycle: "h23" } : {});

// One Intl.DateTimeFormat per set of options: toLocaleString would make a new one (and its
// ICU objects) for every call, and the live log formats a time for every row it draws.
const dateFormats = new Map();
function dateFormat(options) {
  const key = JSON.stringify(options);
  if (!dateFormats.has(key)) dateFormats.set(key, new Intl.DateTimeFormat(language, options));
  return dateFormats.get(key);
}

// A date and time ("Nov 30, 2026, 3:05 PM" / "30.11.2026, 15:05"); `options` as Intl's.
export function dateTime(value, options = { dateStyle: "medium", timeStyle: "short" }) {
  return dateFormat({ ...options, ...(options.timeStyle || options.hour ? hour12() : {}) }).format(new Date(value));
}

// A time of day ("3:05:09 PM" / "15:05:09"); `options` as Intl's.
export function time(value, options = { timeStyle: "medium" }) {
  return dateFormat({ ...options, ...hour12() }).format(new Date(value));
}

// "3 minutes ago (…)", then the local date and time for anything older than a day.
export function when(iso) {
  if (!iso) return t("when-unknown");
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const seconds = Math.round((Date.now() - date.getTime()) / 1000);
  const local = dateTime(date);
  if (seconds < 0 || seconds > 86400) return local;
  if (seconds < 90) return t("when-just-now", { local });
  if (seconds < 5400) return t("when-minutes-ago", { minutes: Math.round(seconds / 60), local });
  return t("when-hours-ago", { hours: Math.round(seconds / 3600), local });
}

// Builds DOM nodes from data without innerHTML, so nothing Heroku sends is ever run as markup.

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

// "3 minutes ago", then the local date and time for anything older than a day.
export function when(iso) {
  if (!iso) return "unknown";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const seconds = Math.round((Date.now() - date.getTime()) / 1000);
  const local = date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  if (seconds < 0 || seconds > 86400) return local;
  if (seconds < 90) return `just now (${local})`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} minutes ago (${local})`;
  return `${Math.round(seconds / 3600)} hours ago (${local})`;
}

export function errorBox(err, retry) {
  return h("div", { class: "error-box", role: "alert" },
    h("p", {}, err.message || String(err)),
    retry ? h("button", { type: "button", onclick: retry }, "Try again") : null);
}

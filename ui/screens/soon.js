// Screens that later work will fill: they say what will be there.

import { h } from "../dom.js";

export function screen(title, what) {
  return {
    render(el) {
      el.append(h("section", { class: "card" },
        h("h1", {}, title),
        h("p", {}, what),
        h("p", { class: "muted" }, "Coming soon. Until then, the Overview shows your study's server at a glance.")));
    },
  };
}

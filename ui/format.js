// How the page writes sizes, money and times: one place, so every screen says them alike
// (and the German catalog will change them here).

export function size(bytes) {
  if (bytes < 1e3) return `${bytes} bytes`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(0)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

// A monthly price in cents: "free", "$7.00/month", or "?" when Heroku gave none.
export function money(cents) {
  if (cents === null || cents === undefined) return "?";
  return cents === 0 ? "free" : `$${(cents / 100).toFixed(2)}/month`;
}

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

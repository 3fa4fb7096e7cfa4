// The page's only door to the Rust side. Every command answers data or rejects with
// {code, message}; the Heroku key never comes back through here.

// Codes that mean the screen can no longer work: the page returns to the guide (main.js
// listens), instead of showing them in a box like any other error.
const SESSION_LOST = new Set(["signed_out", "no_app"]);

export async function call(command, args = {}) {
  try {
    return await window.__TAURI__.core.invoke(command, args);
  } catch (err) {
    const error = err && typeof err === "object" && "message" in err ? err : { code: "internal", message: String(err) };
    if (SESSION_LOST.has(error.code)) document.dispatchEvent(new CustomEvent("novaland:session-lost", { detail: error }));
    throw error;
  }
}

let jobsStarted = 0;

// A long command with progress: each message goes to `onProgress`; `done` settles as `call`
// does; `cancel()` stops this job only (each job has its own id, so a second download running
// at the same time goes on).
export function callWithProgress(command, args, onProgress) {
  const channel = new window.__TAURI__.core.Channel();
  channel.onmessage = onProgress;
  const job = `${command}-${Date.now()}-${++jobsStarted}`;
  const done = call(command, { ...args, job, onProgress: channel });
  return { done, cancel: () => call("cancel_job", { job }) };
}

// A project dropped on the window (checked on the Rust side, which keeps it): the screen that
// asks for a project hears it as the DOM event "novaland:project-dropped" ({report, error}).
window.__TAURI__.event.listen("project-dropped", (event) => {
  document.dispatchEvent(new CustomEvent("novaland:project-dropped", { detail: event.payload }));
});

// Calls `handler(detail)` for each project dropped while `el` is on the page.
export function onProjectDropped(el, handler) {
  const listener = (event) => {
    if (!el.isConnected) { document.removeEventListener("novaland:project-dropped", listener); return; }
    handler(event.detail);
  };
  document.addEventListener("novaland:project-dropped", listener);
}

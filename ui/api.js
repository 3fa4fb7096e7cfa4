// The page's only door to the Rust side. Every command answers data or rejects with
// {code, message}; the Heroku key never comes back through here.

export async function call(command, args = {}) {
  try {
    return await window.__TAURI__.core.invoke(command, args);
  } catch (err) {
    if (err && typeof err === "object" && "message" in err) throw err;
    throw { code: "internal", message: String(err) };
  }
}

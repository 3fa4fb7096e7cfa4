//! An empty Tauri 2 window with a blank page: what Novaland's start-up and memory are measured
//! against in scripts/bench.sh.
fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the empty window starts");
}

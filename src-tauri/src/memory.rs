//! Memory the start-up used and freed, given back to the system.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// After the window's first answer (`restore_session`; again after `sign_in` and each
/// Overview), glibc still holds what the start-up allocated and freed (the keychain's D-Bus
/// talk, TLS set-up, the first answers' JSON, practice mode's simulator set up) in its heaps
/// for reuse; researchers' laptops run the lab's software beside Novaland, so that is given
/// back a second later, once the screen has its data (issue 16: memory with the Overview
/// open, scripts/bench.sh window). Elsewhere than glibc this does nothing.
pub fn give_back_soon() {
    tauri::async_runtime::spawn(async {
        tokio::time::sleep(Duration::from_secs(1)).await;
        give_back();
    });
}

/// WebKitGTK's JavaScript engine without its just-in-time compilers (it interprets), set
/// before WebKit starts its page process, which inherits the environment. Novaland's pages
/// run little JavaScript; the compilers' code and working memory held 8 MB of the page's
/// process, and without them the Logs screen still draws 2,000 lines a second within its
/// frame budget (issue 16, scripts/bench.sh window: memory with the Overview open, longest
/// frame gap). Linux only: WebView2 and WKWebView take no options from the environment. A
/// value the researcher set wins. Programs Novaland starts for the researcher go without it
/// ([`settings_for_our_page_only`]).
pub fn lighter_javascript() {
    #[cfg(target_os = "linux")]
    if std::env::var_os(JIT).is_none() {
        // Called first in run(), before any thread: nothing reads the environment meanwhile.
        std::env::set_var(JIT, "false");
        JIT_TURNED_OFF.store(true, Ordering::Relaxed);
    }
}

const JIT: &str = "JSC_useJIT";

/// Whether [`lighter_javascript`] set [`JIT`] (rather than the researcher).
static JIT_TURNED_OFF: AtomicBool = AtomicBool::new(false);

/// The variables Novaland set for its own page process, which programs it starts for the
/// researcher (the browser, the file manager) must not inherit. Taking them out of Novaland's
/// environment once the page has started instead would race with other threads reading it.
pub fn settings_for_our_page_only() -> &'static [&'static str] {
    if JIT_TURNED_OFF.load(Ordering::Relaxed) {
        &[JIT]
    } else {
        &[]
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn give_back() {
    extern "C" {
        fn malloc_trim(pad: usize) -> i32;
    }
    // SAFETY: malloc_trim takes no pointers; it returns the free pages of glibc's own heaps
    // to the system and is safe to call from any thread.
    unsafe {
        malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn give_back() {}

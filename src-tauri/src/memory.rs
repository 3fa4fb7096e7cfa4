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
    {
        let ours = whose_jit_setting(
            std::env::var_os(JIT).is_some(),
            std::env::var_os(OURS).is_some(),
        );
        if ours == JitSetting::ToMake {
            // Called first in run(), before any thread: nothing reads the environment meanwhile.
            std::env::set_var(JIT, "false");
            std::env::set_var(OURS, "1");
        }
        JIT_TURNED_OFF.store(ours != JitSetting::Researchers, Ordering::Relaxed);
    }
}

const JIT: &str = "JSC_useJIT";

/// Set beside [`JIT`] when Novaland set it: a Novaland restarted after an update inherits
/// both, and must still keep its setting from the programs it starts.
const OURS: &str = "NOVALAND_SET_JSC_useJIT";

#[derive(Debug, PartialEq)]
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
enum JitSetting {
    /// Not set: Novaland sets it.
    ToMake,
    /// Set by the Novaland that restarted this one.
    Inherited,
    /// Set by the researcher: theirs, passed on as is.
    Researchers,
}

#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn whose_jit_setting(jit_set: bool, ours_set: bool) -> JitSetting {
    match (jit_set, ours_set) {
        (false, _) => JitSetting::ToMake,
        (true, true) => JitSetting::Inherited,
        (true, false) => JitSetting::Researchers,
    }
}

/// Whether [`lighter_javascript`] (this Novaland's or the one that restarted it) set [`JIT`].
static JIT_TURNED_OFF: AtomicBool = AtomicBool::new(false);

/// The variables Novaland set for its own page process, which programs it starts for the
/// researcher (the browser, the file manager) must not inherit. Taking them out of Novaland's
/// environment once the page has started instead would race with other threads reading it,
/// and a restart after an update would lose them.
pub fn settings_for_our_page_only() -> &'static [&'static str] {
    if JIT_TURNED_OFF.load(Ordering::Relaxed) {
        &[JIT, OURS]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_jit_setting_is_made_once_kept_across_a_restart_and_the_researchers_wins() {
        assert_eq!(whose_jit_setting(false, false), JitSetting::ToMake);
        assert_eq!(whose_jit_setting(true, true), JitSetting::Inherited);
        assert_eq!(whose_jit_setting(true, false), JitSetting::Researchers);
        // A marker left without the setting (someone unset it): made again.
        assert_eq!(whose_jit_setting(false, true), JitSetting::ToMake);
    }
}

//! Memory the start-up used and freed, given back to the system.

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

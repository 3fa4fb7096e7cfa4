//! Long jobs (downloads, captures, add-on changes, the reset) and their Cancel buttons.
//!
//! Each job has its own token, named by an id the page gives it: cancelling one job leaves
//! the others running, and starting one clears no other job's Cancel (a backup download while
//! the tables download is two jobs).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// The jobs running now, by id.
#[derive(Default)]
pub struct Jobs {
    running: Mutex<HashMap<String, Arc<AtomicBool>>>,
}

/// One running job; it leaves the list when dropped (finished, failed or cancelled).
pub struct Job<'a> {
    jobs: &'a Jobs,
    id: String,
    token: Arc<AtomicBool>,
}

impl Jobs {
    /// Starts job `id` with a fresh token. An id still running is given a new token; the
    /// earlier job keeps its own.
    pub fn start(&self, id: &str) -> Job<'_> {
        let token = Arc::new(AtomicBool::new(false));
        self.running
            .lock()
            .unwrap()
            .insert(id.to_string(), token.clone());
        Job {
            jobs: self,
            id: id.to_string(),
            token,
        }
    }

    /// Cancels job `id`; false when no such job runs (it has already ended).
    pub fn cancel(&self, id: &str) -> bool {
        match self.running.lock().unwrap().get(id) {
            Some(token) => {
                token.store(true, Ordering::SeqCst);
                true
            }
            None => false,
        }
    }

    /// Cancels every running job (the app is closing or signing out).
    pub fn cancel_all(&self) {
        for token in self.running.lock().unwrap().values() {
            token.store(true, Ordering::SeqCst);
        }
    }

    pub fn running(&self) -> usize {
        self.running.lock().unwrap().len()
    }
}

impl Job<'_> {
    /// What the job's work checks between steps.
    pub fn token(&self) -> &AtomicBool {
        &self.token
    }
}

impl Drop for Job<'_> {
    fn drop(&mut self) {
        let mut running = self.jobs.running.lock().unwrap();
        if running
            .get(&self.id)
            .is_some_and(|t| Arc::ptr_eq(t, &self.token))
        {
            running.remove(&self.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_jobs_at_once_are_cancelled_apart() {
        let jobs = Jobs::default();
        let tables = jobs.start("tables");
        assert!(jobs.cancel("tables"));
        // Starting a second job does not clear the first one's Cancel.
        let backup = jobs.start("backup");
        assert!(tables.token().load(Ordering::SeqCst));
        assert!(!backup.token().load(Ordering::SeqCst));
        // Cancelling one leaves the other running.
        let data = jobs.start("data");
        assert!(jobs.cancel("data"));
        assert!(!backup.token().load(Ordering::SeqCst));
        assert_eq!(jobs.running(), 3);
        drop(tables);
        assert!(
            !jobs.cancel("tables"),
            "an ended job is no longer cancelled"
        );
        drop((backup, data));
        assert_eq!(jobs.running(), 0);
    }

    #[test]
    fn a_job_started_again_under_its_id_keeps_the_first_ones_token_apart() {
        let jobs = Jobs::default();
        let first = jobs.start("reset");
        let second = jobs.start("reset");
        drop(first);
        assert!(jobs.cancel("reset"), "the second is still listed");
        assert!(second.token().load(Ordering::SeqCst));
    }

    #[test]
    fn cancel_all_reaches_every_job() {
        let jobs = Jobs::default();
        let (a, b) = (jobs.start("a"), jobs.start("b"));
        jobs.cancel_all();
        assert!(a.token().load(Ordering::SeqCst) && b.token().load(Ordering::SeqCst));
    }
}

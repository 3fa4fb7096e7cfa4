//! Where practice mode's metrics store lives: memory, holding only the pages written.
//!
//! redb's own `InMemoryBackend` fills every byte the database reserves with zeros (it grows a
//! `Vec<u8>` one pushed zero at a time), so an empty metrics store held 3.6 MB of zeros
//! (heaptrack, issue 16: practice mode's memory with the Overview open). Here a page exists
//! once something is written to it; the rest reads as zeros, as in a sparse file.

use std::collections::HashMap;
use std::io;
use std::sync::RwLock;

use redb::StorageBackend;

/// redb's own page size: its writes fall on these pages.
const PAGE: u64 = 4096;

#[derive(Debug, Default)]
pub struct SparseMemory {
    inner: RwLock<Pages>,
}

#[derive(Debug, Default)]
struct Pages {
    len: u64,
    written: HashMap<u64, Box<[u8]>>,
}

fn out_of_range() -> io::Error {
    io::Error::new(io::ErrorKind::UnexpectedEof, "beyond the end of the store")
}

fn poisoned() -> io::Error {
    io::Error::other("the store's lock was poisoned")
}

/// The pages `[offset, offset + len)` touches: (page number, offset in the page, offset in
/// the range, bytes).
fn spans(offset: u64, len: usize) -> impl Iterator<Item = (u64, usize, usize, usize)> {
    let end = offset + len as u64;
    let mut at = offset;
    std::iter::from_fn(move || {
        if at >= end {
            return None;
        }
        let page = at / PAGE;
        let in_page = (at % PAGE) as usize;
        let n = ((PAGE - at % PAGE).min(end - at)) as usize;
        let item = (page, in_page, (at - offset) as usize, n);
        at += n as u64;
        Some(item)
    })
}

impl StorageBackend for SparseMemory {
    fn len(&self) -> Result<u64, io::Error> {
        Ok(self.inner.read().map_err(|_| poisoned())?.len)
    }

    fn read(&self, offset: u64, len: usize) -> Result<Vec<u8>, io::Error> {
        let pages = self.inner.read().map_err(|_| poisoned())?;
        if offset
            .checked_add(len as u64)
            .is_none_or(|end| end > pages.len)
        {
            return Err(out_of_range());
        }
        let mut out = vec![0; len];
        for (page, in_page, at, n) in spans(offset, len) {
            if let Some(bytes) = pages.written.get(&page) {
                out[at..at + n].copy_from_slice(&bytes[in_page..in_page + n]);
            }
        }
        Ok(out)
    }

    fn set_len(&self, len: u64) -> Result<(), io::Error> {
        let mut pages = self.inner.write().map_err(|_| poisoned())?;
        if len < pages.len {
            // What lies past the new end reads as zeros if the store grows again.
            pages.written.retain(|&page, _| page * PAGE < len);
            let last = len / PAGE;
            let cut = (len % PAGE) as usize;
            if let Some(bytes) = pages.written.get_mut(&last) {
                bytes[cut..].fill(0);
            }
        }
        pages.len = len;
        Ok(())
    }

    fn sync_data(&self, _eventual: bool) -> Result<(), io::Error> {
        Ok(())
    }

    fn write(&self, offset: u64, data: &[u8]) -> Result<(), io::Error> {
        let mut pages = self.inner.write().map_err(|_| poisoned())?;
        if offset
            .checked_add(data.len() as u64)
            .is_none_or(|end| end > pages.len)
        {
            return Err(out_of_range());
        }
        for (page, in_page, at, n) in spans(offset, data.len()) {
            let chunk = &data[at..at + n];
            let zeros = chunk.iter().all(|&b| b == 0);
            match pages.written.get_mut(&page) {
                // redb writes its allocators' state in full, mostly zeros: a page of zeros is
                // not kept.
                None if zeros => {}
                None => {
                    let mut bytes = vec![0; PAGE as usize].into_boxed_slice();
                    bytes[in_page..in_page + n].copy_from_slice(chunk);
                    pages.written.insert(page, bytes);
                }
                Some(bytes) => {
                    bytes[in_page..in_page + n].copy_from_slice(chunk);
                    if zeros && bytes.iter().all(|&b| b == 0) {
                        pages.written.remove(&page);
                    }
                }
            }
        }
        Ok(())
    }
}

impl SparseMemory {
    /// Bytes held for written pages.
    #[cfg(test)]
    fn held(&self) -> usize {
        self.inner.read().unwrap().written.len() * PAGE as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_was_written_across_pages_and_zeros_elsewhere() {
        let m = SparseMemory::default();
        m.set_len(5 * PAGE).unwrap();
        let data: Vec<u8> = (0..6000u32).map(|i| (i % 251) as u8 + 1).collect();
        m.write(PAGE - 100, &data).unwrap();
        assert_eq!(m.read(PAGE - 100, data.len()).unwrap(), data);
        // Around it: zeros, and the bytes at the edges.
        let around = m.read(PAGE - 104, data.len() + 8).unwrap();
        assert_eq!(&around[..4], &[0; 4]);
        assert_eq!(&around[4..4 + data.len()], &data[..]);
        assert_eq!(&around[4 + data.len()..], &[0; 4]);
        assert_eq!(
            m.read(4 * PAGE, PAGE as usize).unwrap(),
            vec![0; PAGE as usize]
        );
        // Only the three touched pages are held, not all five.
        assert_eq!(m.held(), 3 * PAGE as usize);
    }

    #[test]
    fn nothing_past_the_end() {
        let m = SparseMemory::default();
        m.set_len(100).unwrap();
        assert!(m.read(90, 20).is_err());
        assert!(m.write(99, &[1, 2]).is_err());
        assert!(m.read(u64::MAX, 2).is_err());
        m.write(98, &[1, 2]).unwrap();
        assert_eq!(m.read(98, 2).unwrap(), vec![1, 2]);
    }

    #[test]
    fn shrinking_then_growing_reads_zeros_past_the_old_end() {
        let m = SparseMemory::default();
        m.set_len(3 * PAGE).unwrap();
        m.write(0, &vec![7; 3 * PAGE as usize]).unwrap();
        m.set_len(PAGE + 10).unwrap();
        assert_eq!(m.len().unwrap(), PAGE + 10);
        m.set_len(3 * PAGE).unwrap();
        let back = m.read(0, 3 * PAGE as usize).unwrap();
        assert!(back[..(PAGE + 10) as usize].iter().all(|&b| b == 7));
        assert!(back[(PAGE + 10) as usize..].iter().all(|&b| b == 0));
        assert_eq!(m.held(), 2 * PAGE as usize);
    }

    #[test]
    fn pages_of_zeros_are_not_held() {
        let m = SparseMemory::default();
        m.set_len(4 * PAGE).unwrap();
        m.write(0, &vec![0; 4 * PAGE as usize]).unwrap();
        assert_eq!(m.held(), 0);
        m.write(PAGE + 5, &[9]).unwrap();
        assert_eq!(m.held(), PAGE as usize);
        // Zeros over part of a held page keep it while a byte is not zero...
        m.write(PAGE, &[0; 5]).unwrap();
        assert_eq!(m.held(), PAGE as usize);
        assert_eq!(m.read(PAGE + 5, 1).unwrap(), vec![9]);
        // ...and free it when none is left.
        m.write(PAGE + 5, &[0]).unwrap();
        assert_eq!(m.held(), 0);
        assert_eq!(
            m.read(0, 4 * PAGE as usize).unwrap(),
            vec![0; 4 * PAGE as usize]
        );
    }

    /// The store as practice mode makes it, seen from the backend.
    #[derive(Debug)]
    struct Shared(std::sync::Arc<SparseMemory>);

    impl StorageBackend for Shared {
        fn len(&self) -> Result<u64, io::Error> {
            self.0.len()
        }
        fn read(&self, offset: u64, len: usize) -> Result<Vec<u8>, io::Error> {
            self.0.read(offset, len)
        }
        fn set_len(&self, len: u64) -> Result<(), io::Error> {
            self.0.set_len(len)
        }
        fn sync_data(&self, eventual: bool) -> Result<(), io::Error> {
            self.0.sync_data(eventual)
        }
        fn write(&self, offset: u64, data: &[u8]) -> Result<(), io::Error> {
            self.0.write(offset, data)
        }
    }

    #[test]
    fn a_redb_database_on_it_keeps_its_data_and_holds_little() {
        let memory = std::sync::Arc::new(SparseMemory::default());
        let db = redb::Database::builder()
            .create_with_backend(Shared(memory.clone()))
            .unwrap();
        let table: redb::TableDefinition<&str, i64> = redb::TableDefinition::new("t");
        let tx = db.begin_write().unwrap();
        tx.open_table(table).unwrap().insert("a", 42).unwrap();
        tx.commit().unwrap();
        let read = db.begin_read().unwrap();
        assert_eq!(
            read.open_table(table)
                .unwrap()
                .get("a")
                .unwrap()
                .unwrap()
                .value(),
            42
        );
        // redb 2.6 reserves 1.5 MB for a new database and writes 0.3 MB of it (its own
        // InMemoryBackend held all 1.5 MB, and 3.6 MB of the process with its growth).
        let (len, held) = (memory.len().unwrap() as usize, memory.held());
        assert!(
            held < len / 2 && held < 1 << 20,
            "{held} of {len} bytes held"
        );
    }
}

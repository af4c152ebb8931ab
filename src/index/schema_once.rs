//! A read-only index directory that hands tantivy the schema once.
//!
//! Opening an index and then a reader on it reads and parses `meta.json` twice: once for the
//! schema (and settings), once more for the list of segments. The schema, forty-odd fields
//! of nested JSON, is nearly all of the file and of the parsing: a whole-process search spent
//! an eighth of its instructions on the two parses. [`SchemaOnce`] serves the file whole on
//! the first read and without its schema (an empty list) on later ones, which only need the
//! segments. Searches use it; writers never do (they must see the schema on every read).

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};

const META: &str = "meta.json";

/// An [`MmapDirectory`] whose `meta.json` keeps its schema for the first read only.
#[derive(Debug, Clone)]
pub struct SchemaOnce {
    inner: MmapDirectory,
    schema_read: Arc<AtomicBool>,
}

impl SchemaOnce {
    pub fn open(dir: &Path) -> tantivy::Result<Self> {
        Ok(Self {
            inner: MmapDirectory::open(dir)?,
            schema_read: Arc::default(),
        })
    }
}

impl Directory for SchemaOnce {
    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        let data = self.inner.atomic_read(path)?;
        if path != Path::new(META) || !self.schema_read.swap(true, Ordering::Relaxed) {
            return Ok(data);
        }
        Ok(without_schema(&data).unwrap_or(data))
    }

    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> std::io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

/// `meta.json` with an empty schema list, or `None` if its layout is not the expected one
/// (tantivy writes the schema last but for the opstamp; the caller then uses the whole file).
fn without_schema(meta: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(meta).ok()?;
    let key = "\"schema\":";
    let after_key = text.find(key)? + key.len();
    let opstamp = text.rfind("\"opstamp\":")?;
    let between = text.get(after_key..opstamp)?;
    let open = after_key + between.find('[')?;
    let close = after_key + between.rfind(']')?;
    if open >= close || !text[after_key..open].trim().is_empty() {
        return None;
    }
    let rest = text[close + 1..opstamp].trim();
    if rest != "," {
        return None;
    }
    Some(
        [&text[..open], "[]", &text[close + 1..]]
            .concat()
            .into_bytes(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::build_schema;
    use tantivy::index::IndexMeta;

    #[test]
    fn strips_the_schema_and_keeps_the_rest() {
        let mut meta = IndexMeta::with_schema(build_schema());
        meta.opstamp = 42;
        let json = serde_json::to_string_pretty(&meta).unwrap();
        let stripped = without_schema(json.as_bytes()).unwrap();
        let parsed: serde_json::Value = serde_json::from_slice(&stripped).unwrap();
        assert_eq!(parsed["schema"], serde_json::json!([]));
        assert_eq!(parsed["opstamp"], 42);
        let full: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed["segments"], full["segments"]);
        assert_eq!(parsed["index_settings"], full["index_settings"]);
        // Compact JSON too.
        let compact = serde_json::to_string(&meta).unwrap();
        let parsed: serde_json::Value =
            serde_json::from_slice(&without_schema(compact.as_bytes()).unwrap()).unwrap();
        assert_eq!(parsed["schema"], serde_json::json!([]));
    }

    #[test]
    fn leaves_an_unexpected_layout_alone() {
        for odd in [
            r#"{"opstamp": 1, "schema": []}"#,
            r#"{"schema": [], "payload": "]", "opstamp": 1}"#,
            r#"{"schema": {}, "opstamp": 1}"#,
            r#"{"segments": []}"#,
            "",
            "\u{ff}",
        ] {
            assert_eq!(without_schema(odd.as_bytes()), None, "{odd}");
        }
    }

    #[test]
    fn serves_the_schema_on_the_first_read_only() {
        let dir = tempfile::tempdir().unwrap();
        let index = tantivy::Index::create_in_dir(dir.path(), build_schema()).unwrap();
        drop(index);
        let once = SchemaOnce::open(dir.path()).unwrap();
        let index = tantivy::Index::open(once).unwrap();
        assert_eq!(index.schema(), build_schema());
        // The reader reads meta.json again for its segments: without the schema.
        assert!(index.load_metas().unwrap().schema.fields().next().is_none());
        let reader = index.reader().unwrap();
        assert_eq!(reader.searcher().num_docs(), 0);
    }
}

//! Finding the files to index: walks folders with walkdir, keeps article extensions, skips
//! hidden folders, and reports what it could not enter instead of stopping.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::extract::format_of;

/// A file found by the walk, with the key it is indexed under (its absolute path).
#[derive(Debug, Clone)]
pub struct FoundFile {
    pub path: PathBuf,
    pub key: String,
}

/// What a walk found.
#[derive(Debug, Default)]
pub struct WalkResult {
    /// Article files, in walk order.
    pub files: Vec<FoundFile>,
    /// Entries that could not be visited, with the reason (permission, symlink loop …).
    pub errors: Vec<(String, String)>,
    /// Files skipped for their extension.
    pub ignored: usize,
    /// The absolute roots walked, to tell which indexed files a walk should have seen.
    pub roots: Vec<PathBuf>,
}

/// The key a file is indexed under: its absolute path as UTF-8.
///
/// Bytes of a name that are not UTF-8 are written `\xNN`: decoding lossily would turn
/// `bad-\xFF.html` and `bad-\xFE.html` into the same key, and one article would replace the
/// other on every run.
pub fn file_key(path: &Path) -> String {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    if let Some(s) = path.to_str() {
        return s.to_string();
    }
    let mut key = String::new();
    for chunk in path.as_os_str().as_encoded_bytes().utf8_chunks() {
        key.push_str(chunk.valid());
        for b in chunk.invalid() {
            key.push_str(&format!("\\x{b:02X}"));
        }
    }
    key
}

/// Whether the file a key names may still exist: either the key as a path, or the key with
/// [`file_key`]'s `\xNN` escapes undone, exists.
pub fn key_exists(key: &str) -> bool {
    if Path::new(key).exists() {
        return true;
    }
    #[cfg(unix)]
    if key.contains("\\x") {
        use std::os::unix::ffi::OsStringExt;
        let mut bytes = Vec::with_capacity(key.len());
        let mut rest = key.as_bytes();
        while let Some((&b, tail)) = rest.split_first() {
            let hex = tail
                .strip_prefix(b"x")
                .and_then(|t| t.get(..2))
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match hex {
                Some(byte) if b == b'\\' => {
                    bytes.push(byte);
                    rest = &tail[3..];
                }
                _ => {
                    bytes.push(b);
                    rest = tail;
                }
            }
        }
        return PathBuf::from(std::ffi::OsString::from_vec(bytes)).exists();
    }
    false
}

/// Walks `roots` for article files. A root that is a file is taken whatever its extension.
pub fn walk(roots: &[PathBuf], follow_links: bool) -> WalkResult {
    let mut result = WalkResult::default();
    for root in roots {
        result
            .roots
            .push(std::path::absolute(root).unwrap_or_else(|_| root.clone()));
        if !root.exists() {
            result
                .errors
                .push((root.display().to_string(), "no such file or folder".into()));
            continue;
        }
        let walker = WalkDir::new(root)
            .follow_links(follow_links)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Err(err) => {
                    let path = err
                        .path()
                        .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                    let reason = match (err.loop_ancestor(), err.io_error()) {
                        (Some(_), _) => "symbolic link loop".to_string(),
                        (_, Some(io)) => io.to_string(),
                        _ => err.to_string(),
                    };
                    result.errors.push((path, reason));
                }
                Ok(entry) => {
                    let file_type = entry.file_type();
                    if file_type.is_dir() {
                        continue;
                    }
                    let path = entry.path();
                    if file_type.is_symlink() && !follow_links {
                        continue;
                    }
                    let explicit = entry.depth() == 0;
                    let name = entry.file_name().to_string_lossy();
                    if !(explicit || format_of(&name).is_some()) {
                        result.ignored += 1;
                    } else if !file_type.is_file() {
                        // Opening a named pipe blocks until someone writes to it; devices and
                        // sockets are no articles either.
                        result.errors.push((
                            path.display().to_string(),
                            "not a regular file (named pipe, socket or device)".into(),
                        ));
                    } else {
                        result.files.push(FoundFile {
                            key: file_key(path),
                            path: path.to_path_buf(),
                        });
                    }
                }
            }
        }
    }
    result
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_get_distinct_keys_that_lead_back_to_the_file() {
        use std::os::unix::ffi::OsStringExt;
        let dir = tempfile::tempdir().unwrap();
        let a = dir
            .path()
            .join(std::ffi::OsString::from_vec(b"bad-\xFF.html".to_vec()));
        let b = dir
            .path()
            .join(std::ffi::OsString::from_vec(b"bad-\xFE.html".to_vec()));
        std::fs::write(&a, "a").unwrap();
        let (ka, kb) = (file_key(&a), file_key(&b));
        assert_ne!(ka, kb);
        assert!(ka.ends_with("bad-\\xFF.html"), "{ka}");
        assert!(key_exists(&ka));
        assert!(!key_exists(&kb));
        let plain = dir.path().join("plain.html");
        assert_eq!(file_key(&plain), plain.to_str().unwrap());
    }
}

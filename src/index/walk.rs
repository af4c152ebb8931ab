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

/// One entry the walk met.
#[derive(Debug)]
pub enum Found {
    /// An article file.
    File(FoundFile),
    /// An entry that could not be visited, with the reason (permission, symlink loop …).
    Error(String, String),
    /// A file skipped for its extension.
    Ignored,
}

/// The key a file is indexed under: its absolute path as UTF-8.
///
/// Bytes of a name that are not UTF-8 are written `\xNN`: decoding lossily would turn
/// `bad-\xFF.html` and `bad-\xFE.html` into the same key, and one article would replace the
/// other on every run.
pub fn file_key(path: &Path) -> String {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    absolute_key(&path)
}

/// [`file_key`] of a path that is already absolute.
fn absolute_key(path: &Path) -> String {
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

/// The roots as absolute paths, to tell which indexed files a walk should have seen.
pub fn absolute_roots(roots: &[PathBuf]) -> Vec<PathBuf> {
    roots
        .iter()
        .map(|root| std::path::absolute(root).unwrap_or_else(|_| root.clone()))
        .collect()
}

/// Walks `roots` for article files, lazily and in name order, so a large tree is never held
/// in memory as a list. A root that is a file is taken whatever its extension.
pub fn walk(roots: &[PathBuf], follow_links: bool) -> impl Iterator<Item = Found> + Send + '_ {
    roots
        .iter()
        .flat_map(move |root| walk_root(root, follow_links))
}

fn walk_root(root: &Path, follow_links: bool) -> Box<dyn Iterator<Item = Found> + Send + '_> {
    if !root.exists() {
        let error = Found::Error(root.display().to_string(), "no such file or folder".into());
        return Box::new(std::iter::once(error));
    }
    // Siblings share their parent's path, so comparing whole paths orders them as their
    // names would, without cutting a name out of each path for every comparison.
    let walker = WalkDir::new(root)
        .follow_links(follow_links)
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    // The root made absolute once: keys below it are built from it rather than asking the
    // system for the working folder once per file.
    let absolute_root = std::path::absolute(root)
        .ok()
        .and_then(|p| p.to_str().map(str::to_string));
    Box::new(
        walker
            .filter_map(move |entry| classify(root, absolute_root.as_deref(), entry, follow_links)),
    )
}

/// The key of a walked path: [`file_key`], built from the absolute root when one is known.
/// A walked path is its root's path followed by names, so the key is the absolute root
/// followed by those names; other paths (not UTF-8, or a `//` root) take [`file_key`].
fn walked_key(root: &Path, absolute_root: Option<&str>, path: &Path) -> String {
    let rest = path
        .to_str()
        .zip(root.to_str())
        .and_then(|(path, root)| path.strip_prefix(root));
    match (absolute_root, rest) {
        (Some(absolute), Some(rest)) if !rest.is_empty() && !absolute.starts_with("//") => {
            let absolute = absolute.trim_end_matches('/');
            format!("{absolute}/{}", rest.trim_start_matches('/'))
        }
        _ => file_key(path),
    }
}

/// What one walked entry is; `None` for folders and for symbolic links not followed.
fn classify(
    root: &Path,
    absolute_root: Option<&str>,
    entry: walkdir::Result<walkdir::DirEntry>,
    follow_links: bool,
) -> Option<Found> {
    let entry = match entry {
        Ok(entry) => entry,
        Err(err) => {
            let path = err
                .path()
                .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
            let reason = match (err.loop_ancestor(), err.io_error()) {
                (Some(_), _) => "symbolic link loop".to_string(),
                (_, Some(io)) => io.to_string(),
                _ => err.to_string(),
            };
            return Some(Found::Error(path, reason));
        }
    };
    let file_type = entry.file_type();
    if file_type.is_dir() || (file_type.is_symlink() && !follow_links) {
        return None;
    }
    let path = entry.path();
    let explicit = entry.depth() == 0;
    let name = entry.file_name().to_string_lossy();
    Some(if !(explicit || format_of(&name).is_some()) {
        Found::Ignored
    } else if !file_type.is_file() {
        // Opening a named pipe blocks until someone writes to it; devices and sockets are
        // no articles either.
        Found::Error(
            path.display().to_string(),
            "not a regular file (named pipe, socket or device)".into(),
        )
    } else {
        Found::File(FoundFile {
            key: walked_key(root, absolute_root, path),
            path: entry.into_path(),
        })
    })
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

    #[test]
    fn keys_built_from_the_absolute_root_equal_file_keys() {
        let roots = [
            "d", "d/", "d//", "./d/./", "d/.", "../d", "d//e", "/", "/abs/d/", "/abs/./d", "//x/d",
        ];
        for root in roots {
            let root = Path::new(root);
            let absolute = std::path::absolute(root).unwrap();
            let absolute = absolute.to_str();
            for name in ["a.txt", "sub/b.html", ".c.md"] {
                let path = root.join(name);
                let key = walked_key(root, absolute, &path);
                assert_eq!(key, file_key(&path), "{root:?} {name}");
            }
            assert_eq!(walked_key(root, absolute, root), file_key(root));
        }
    }

    #[test]
    fn walks_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a.txt", "a-b.txt", "a/z.txt", "A.txt", "ab.txt"] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let roots = [dir.path().to_path_buf()];
        let names: Vec<String> = walk(&roots, false)
            .filter_map(|found| match found {
                Found::File(f) => Some(
                    f.path
                        .strip_prefix(dir.path())
                        .unwrap()
                        .display()
                        .to_string(),
                ),
                _ => None,
            })
            .collect();
        let expected = ["A.txt", "a/z.txt", "a-b.txt", "a.txt", "ab.txt", "b.txt"];
        assert_eq!(names, expected);
    }
}

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

/// The key a file is indexed under: its absolute path, lossily as UTF-8.
pub fn file_key(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
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
                    if explicit || format_of(&name).is_some() {
                        result.files.push(FoundFile {
                            key: file_key(path),
                            path: path.to_path_buf(),
                        });
                    } else {
                        result.ignored += 1;
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

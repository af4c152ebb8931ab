//! The tantivy index on disk: creating and opening it safely (schema version, foreign or
//! corrupt directories, the single-writer lock), walking folders and writing articles.
//!
//! `walk` finds files, `document` turns an [`Article`](crate::article::Article) into tantivy
//! documents, `writer` runs an incremental indexing pass, `merge` decides which segments to
//! merge.

pub mod document;
pub mod merge;
pub mod prose;
pub mod schema;
pub mod schema_once;
pub mod walk;
pub mod writer;

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};
use tantivy::Index;
use tantivy::directory::MmapDirectory;

use schema::{Fields, SCHEMA_VERSION, build_schema, register_analyzers};

/// The file beside tantivy's own that marks a directory as a pressdex index.
const MARKER: &str = "pressdex.json";
/// The file a running `pressdex index` writes its process id to, to name it to others.
const PID_FILE: &str = "writer.pid";
/// Files in an index directory that belong to the user, not the index (kept on `--rebuild`).
const KEEP_ON_REBUILD: &[&str] = &["README.md"];

#[derive(Debug, Serialize, Deserialize)]
struct Marker {
    format: String,
    schema_version: u32,
    created_by: String,
}

/// An opened pressdex index with its field handles.
pub struct PressIndex {
    pub index: Index,
    pub fields: Fields,
    pub dir: PathBuf,
}

/// Opens an existing index for reading (and writing, see [`open_or_create`]).
pub fn open(dir: &Path) -> anyhow::Result<PressIndex> {
    check_dir(dir)?;
    let index = Index::open_in_dir(dir).with_context(|| damaged(dir))?;
    open_reader(&index, dir)?;
    wrap(index, dir)
}

/// Opens an existing index for a one-shot search, with the reader that opened (and so
/// checked) every segment: the search reuses it rather than opening every segment a second
/// time. The index reads its schema once (see [`schema_once`]): never write with it.
pub fn open_with_reader(dir: &Path) -> anyhow::Result<(PressIndex, tantivy::IndexReader)> {
    check_dir(dir)?;
    let directory = schema_once::SchemaOnce::open(dir).with_context(|| damaged(dir))?;
    let index = Index::open(directory).with_context(|| damaged(dir))?;
    let reader = open_reader(&index, dir)?;
    Ok((wrap(index, dir)?, reader))
}

fn damaged(dir: &Path) -> String {
    format!(
        "index at {} is damaged; run `pressdex index --rebuild <DIR>`",
        dir.display()
    )
}

/// A reader over every segment. Opening every segment now turns a missing or truncated file
/// into a clear error rather than a bare tantivy one later. A manual reload policy spares the
/// file-watcher thread that the default policy starts.
pub(crate) fn open_reader(index: &Index, dir: &Path) -> anyhow::Result<tantivy::IndexReader> {
    index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()
        .with_context(|| damaged(dir))
}

/// Refuses a directory that holds no index, a foreign one or one of another schema version.
fn check_dir(dir: &Path) -> anyhow::Result<()> {
    if !dir.join("meta.json").exists() {
        if dir.join(MARKER).exists() {
            bail!(
                "index at {} is incomplete (no meta.json): run `pressdex index --rebuild <DIR>`",
                dir.display()
            );
        }
        if dir.is_dir()
            && let Some(stray) = foreign_entry(dir)?
        {
            bail!(
                "{} is not a pressdex index (it holds {stray}): pass the right --index, or run `pressdex index --rebuild <DIR>` to empty it and build an index there",
                dir.display()
            );
        }
        bail!(
            "no index at {} (run `pressdex index <DIR>` first, or pass --index PATH)",
            dir.display()
        );
    }
    check_marker(dir)
}

/// Opens the index for writing, creating it if absent; `rebuild` starts from an empty one.
pub fn open_or_create(dir: &Path, rebuild: bool) -> anyhow::Result<PressIndex> {
    if rebuild {
        clear_dir(dir)?;
    }
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    if dir.join("meta.json").exists() {
        return open(dir);
    }
    if let Some(stray) = foreign_entry(dir)? {
        bail!(
            "{} is not a pressdex index (it holds {}): choose another --index, or pass --rebuild to empty it",
            dir.display(),
            stray
        );
    }
    let marker = Marker {
        format: "pressdex-index".into(),
        schema_version: SCHEMA_VERSION,
        created_by: format!("pressdex {}", env!("CARGO_PKG_VERSION")),
    };
    std::fs::write(dir.join(MARKER), serde_json::to_string_pretty(&marker)?)
        .with_context(|| format!("writing {}", dir.join(MARKER).display()))?;
    let mmap = MmapDirectory::open(dir).with_context(|| format!("opening {}", dir.display()))?;
    let index = Index::create(mmap, build_schema(), index_settings())
        .with_context(|| format!("creating an index in {}", dir.display()))?;
    wrap(index, dir)
}

/// Doc-store settings of a new index. Stored text (bodies, plus each quote with its article's
/// title and path) is the largest part of an index; zstd stores it in about two thirds of the
/// space LZ4 takes, which keeps the whole index within 1.2x the raw text. A search reads
/// (decompresses) one whole block per hit for its snippet, so the block size trades index size
/// against search time; see [`DOCSTORE_BLOCK_BYTES`].
fn index_settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(tantivy::store::ZstdCompressor {
            compression_level: Some(DOCSTORE_ZSTD_LEVEL),
        }),
        docstore_blocksize: DOCSTORE_BLOCK_BYTES,
        ..Default::default()
    }
}

/// Doc-store block size. A search decompresses one whole block per hit for its snippet:
/// with 64 KiB blocks that was half the instructions of a whole-process search. Eight
/// queries over Reuters-21578 (callgrind, whole process, summed): 64.4M instructions with
/// 32 KiB blocks at level 1, 54.7M with 18 KiB at level 3, 53.1M with 16 KiB at level 3,
/// 50.5M with 16 KiB at level 1. Smaller blocks compress worse: a full index of BBC (whose
/// documents are mostly quotes) takes 1.182x its text with 32 KiB at level 1, 1.191x with
/// 18 KiB at level 3, 1.198x with 16 KiB at level 3 and 1.213x with 16 KiB at level 1, so
/// 18 KiB at level 3 keeps a margin under the 1.2x bound.
///
/// Re-measured with today's documents (index -j 2; BBC index/text; the same eight searches):
/// at level 3, 12 KiB 1.219x, 16 KiB 1.199x / 30.3M, 18 KiB 1.194x / 31.7M, 20 KiB 1.188x /
/// 32.3M, 24 KiB 1.179x / 36.3M, 32 KiB 1.165x / 43.2M (whole-process `search government`
/// 1.60 -> 1.73 ms against 18 KiB), 48 KiB 1.151x. In-process repeated searches do not see
/// the block size (tantivy caches decompressed blocks). Larger blocks also mean fewer fresh
/// zstd contexts (tantivy makes one per block and zeroes its tables), but that zeroing is
/// a memset callgrind counts per byte, not a cost worth searches' time.
pub const DOCSTORE_BLOCK_BYTES: usize = 18 * 1024;

/// zstd level of the doc store. Level 3 (zstd's default) rather than 1: it makes up for the
/// smaller blocks above (BBC, 18 KiB blocks: 1.207x the text at level 1, 1.191x at level 3).
/// It costs indexing: compressing the store took 4.2% of the instructions of indexing 3,000
/// Reuters files at level 1, 7.2% at level 3 (callgrind); and its blocks take ~5% more
/// instructions to decompress. Re-measured (BBC index/text at 18 KiB: level 1 1.210x, 2
/// 1.201x, 3 1.194x, 4 1.196x, 5 1.185x, 7 1.174x, 9 1.173x), higher levels cost far more
/// than they save: compressing the store of every 4th Reuters file (16 KiB blocks,
/// callgrind) took 383M instructions at level 3, 731M at 5, 970M at 7, 1,127M at 9, and the
/// eight searches above (16 KiB blocks) took 31.7M at level 7, 30.3M at level 3.
const DOCSTORE_ZSTD_LEVEL: i32 = 3;

fn wrap(index: Index, dir: &Path) -> anyhow::Result<PressIndex> {
    register_analyzers(&index);
    let fields = Fields::new(&index.schema()).with_context(|| {
        format!(
            "index at {} has an unexpected schema; run `pressdex index --rebuild <DIR>`",
            dir.display()
        )
    })?;
    Ok(PressIndex {
        index,
        fields,
        dir: dir.to_path_buf(),
    })
}

fn check_marker(dir: &Path) -> anyhow::Result<()> {
    let path = dir.join(MARKER);
    let text = std::fs::read_to_string(&path).map_err(|_| {
        anyhow::anyhow!(
            "{} holds an index that pressdex did not build (no {MARKER}); pass --rebuild to replace it",
            dir.display()
        )
    })?;
    let marker: Marker = serde_json::from_str(&text).map_err(|_| {
        anyhow::anyhow!(
            "{} is damaged; run `pressdex index --rebuild <DIR>`",
            path.display()
        )
    })?;
    match marker.schema_version.cmp(&SCHEMA_VERSION) {
        std::cmp::Ordering::Equal => Ok(()),
        std::cmp::Ordering::Less => bail!(
            "index at {} was built by an older pressdex (schema {}, this one reads {}); run `pressdex index --rebuild <DIR>`",
            dir.display(),
            marker.schema_version,
            SCHEMA_VERSION
        ),
        std::cmp::Ordering::Greater => bail!(
            "index at {} was built by a newer pressdex (schema {}, this one reads {}); upgrade pressdex or run `pressdex index --rebuild <DIR>`",
            dir.display(),
            marker.schema_version,
            SCHEMA_VERSION
        ),
    }
}

/// The first entry of a directory that is not part of an index, if any.
fn foreign_entry(dir: &Path) -> anyhow::Result<Option<String>> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let ours = name == MARKER || name == PID_FILE || name.starts_with('.');
        if !KEEP_ON_REBUILD.contains(&name.as_str()) && !ours {
            return Ok(Some(name));
        }
    }
    Ok(None)
}

/// Empties an index directory for `--rebuild`, keeping the user's README.
fn clear_dir(dir: &Path) -> anyhow::Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    let canonical = dir.canonicalize()?;
    let home = std::env::var_os("HOME").map(PathBuf::from);
    if canonical.parent().is_none() || Some(&canonical) == home.as_ref() {
        bail!("refusing to empty {} for --rebuild", canonical.display());
    }
    if let Some(pid) = running_writer(dir) {
        bail!(
            "index at {} is being written by another pressdex (pid {pid}); wait for it to finish",
            dir.display()
        );
    }
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if KEEP_ON_REBUILD.contains(&entry.file_name().to_string_lossy().as_ref()) {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        }
        .with_context(|| format!("removing {}", path.display()))?;
    }
    Ok(())
}

/// The pid of a live pressdex writing this index, if its pid file names one.
pub fn running_writer(dir: &Path) -> Option<u32> {
    let pid: u32 = std::fs::read_to_string(dir.join(PID_FILE))
        .ok()?
        .trim()
        .parse()
        .ok()?;
    let alive = Path::new(&format!("/proc/{pid}")).exists() || !Path::new("/proc").exists();
    (alive && pid != std::process::id()).then_some(pid)
}

/// Records this process as the index's writer; removed again by [`release_writer`].
pub fn claim_writer(dir: &Path) -> std::io::Result<()> {
    std::fs::write(dir.join(PID_FILE), std::process::id().to_string())
}

/// Removes the writer pid file.
pub fn release_writer(dir: &Path) {
    let _ = std::fs::remove_file(dir.join(PID_FILE));
}

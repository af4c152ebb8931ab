//! One incremental indexing pass: compare walked files with what the index holds as the walk
//! goes, extract the new and changed ones in parallel, delete the vanished ones, and commit
//! every [`COMMIT_INTERVAL`] so an interrupted run keeps everything up to its last commit.
//!
//! Extraction threads hand articles to one feeder thread, which attributes their quotes,
//! adds their documents to the tantivy writer and commits; extraction goes on while a commit
//! flushes a segment. Attribution runs there, on one thread, because its cue patterns are
//! lazy automata that each thread would otherwise grow anew: with it on both extraction
//! threads, building automaton states was a sixth of attribution's instructions.
//!
//! Where the time goes (all Reuters-21578, 2 cores; per-thread `perf record -e cpu-clock`
//! against callgrind `--separate-threads`): no thread spins or yields while waiting (channel
//! and lock code is under 0.5% of samples). Attribution costs more CPU than its instruction
//! share because its code runs slower: ~4G instructions/s on the feeder against ~6.5G/s for
//! extraction, with four times extraction's instruction-cache misses (many rules, each
//! touching regex code) and three times its data-cache misses (lazy-automaton tables); its
//! quote documents add work to tantivy's indexing thread, which runs ~4.4G/s. That thread is
//! the pipeline's critical path: it finishes the last ~10,000 queued documents alone while
//! the other core idles for about a quarter of the run.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};
use std::time::{Duration, Instant};

use anyhow::Context;
use rayon::prelude::*;
use tantivy::columnar::{Column, ColumnIndex, RowId};
use tantivy::indexer::IndexWriterOptions;
use tantivy::{DocId, IndexWriter, Searcher, Term};

use super::document::{FileState, article_documents};
use super::merge::{BoundedMerges, closing_merges};
use super::walk::{Found, FoundFile, absolute_roots, walk};
use super::{PressIndex, claim_writer, release_writer, running_writer};
use crate::article::Article;
use crate::extract::{ExtractError, Limits, read_file_with_metadata};
use crate::hash::HashMap;
use crate::pipeline::{attribute, extract_bytes};

/// Memory the tantivy writer may use before flushing a segment. Bounded so peak memory stays
/// flat whatever the corpus size; larger budgets barely speed up indexing of short articles.
const WRITER_MEMORY_BYTES: usize = 192 * 1024 * 1024;
/// Indexing threads of the tantivy writer. One keeps up with the extraction threads, which
/// do most of the work: a second one only competed with them for the cores (on Reuters-21578
/// with 2 cores, one writer thread cut wall time ~13%, user time ~17% and peak memory 84 → 75 MB;
/// on 20k generated articles, two threads took as much CPU time and 15% more memory).
const WRITER_THREADS: usize = 1;
/// Merges at a time: each holds up to [`super::merge::MAX_MERGE_BYTES`] of segments in memory.
const MERGE_THREADS: usize = 1;
/// Files extracted ahead of the writer: extraction goes on while a commit flushes a segment,
/// until this many files wait. Bounds the memory their documents take.
const AHEAD_FILES: usize = 1_000;
/// Files an extraction thread hands to the feeder at a time: one thread wake-up per batch
/// instead of one per file. (The feeder still adds documents to tantivy one by one, which
/// bounds what waits in tantivy's queue; see `feed_writer`.)
const BATCH_FILES: usize = 32;
/// Longest time between commits, so an interrupted run loses at most this much work.
const COMMIT_INTERVAL: Duration = Duration::from_secs(20);

/// Settings of an indexing pass.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    pub limits: Limits,
    /// Commit after this many new or changed files instead of every [`COMMIT_INTERVAL`]
    /// (set from `PRESSDEX_COMMIT_EVERY`, a hook for tests of interrupted runs).
    pub commit_every: Option<usize>,
    /// Follow symbolic links while walking.
    pub follow_links: bool,
}

/// What an indexing pass did, for the summary line.
#[derive(Debug, Default)]
pub struct IndexReport {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub unchanged: usize,
    /// Files that gave no article, with the reason.
    pub skipped: Vec<(String, String)>,
    /// Skip counts by kind of reason.
    pub skip_kinds: BTreeMap<&'static str, usize>,
    /// Files that failed for a reason that points at a bug rather than the file.
    pub internal_errors: usize,
    /// Files skipped for their extension.
    pub ignored: usize,
    /// Whether the pass stopped early on request (Ctrl-C); what was done is committed.
    pub interrupted: bool,
    pub articles: u64,
    pub quotes: u64,
    pub elapsed: Duration,
}

/// Callbacks through which the pass reports progress without printing itself.
pub trait Progress: Sync {
    /// `done` files have been looked at.
    fn advance(&self, done: usize);
    /// A file was skipped.
    fn skipped(&self, path: &str, reason: &str);
    /// A commit starts.
    fn committing(&self) {}
    /// A commit finished; `files` new or changed files are now safe in the index.
    fn committed(&self, _files: usize) {}
}

/// Runs an incremental indexing pass over the files under `roots`.
pub fn index_files(
    press: &PressIndex,
    roots: &[PathBuf],
    options: &IndexOptions,
    progress: &dyn Progress,
    stop: &AtomicBool,
) -> anyhow::Result<IndexReport> {
    let started = Instant::now();
    let mut writer = open_writer(press)?;
    claim_writer(&press.dir).ok();
    // One reader (reloaded manually, no file-watcher thread) reads the known files before
    // the pass and counts the documents after its commit.
    let reader = super::open_reader(&press.index, &press.dir)?;
    let result = run_pass(press, &reader, &mut writer, roots, options, progress, stop).and_then(
        |mut report| {
            reader.reload()?;
            (report.articles, report.quotes) = count_kinds(press, &reader.searcher())?;
            // Without a reader holding them, merged segments' files go as each merge ends.
            drop(reader);
            if !report.interrupted {
                run_closing_merges(press, &mut writer)?;
            }
            Ok(report)
        },
    );
    release_writer(&press.dir);
    let mut report = result?;
    report.elapsed = started.elapsed();
    Ok(report)
}

fn open_writer(press: &PressIndex) -> anyhow::Result<IndexWriter> {
    let options = IndexWriterOptions::builder()
        .num_worker_threads(WRITER_THREADS)
        .memory_budget_per_thread(WRITER_MEMORY_BYTES / WRITER_THREADS)
        .num_merge_threads(MERGE_THREADS)
        .build();
    match press.index.writer_with_options(options) {
        Ok(writer) => {
            writer.set_merge_policy(Box::new(BoundedMerges {
                dir: press.dir.clone(),
            }));
            Ok(writer)
        }
        Err(tantivy::TantivyError::LockFailure(..)) => {
            // The other writer records its pid just after taking the lock; give it a moment.
            let mut pid = running_writer(&press.dir);
            for _ in 0..10 {
                if pid.is_some() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
                pid = running_writer(&press.dir);
            }
            let who = pid.map_or_else(
                || "another process".to_string(),
                |pid| format!("another pressdex (pid {pid})"),
            );
            anyhow::bail!(
                "index at {} is being written by {who}; wait for it to finish and run again",
                press.dir.display()
            )
        }
        Err(e) => Err(e).context("opening the index writer"),
    }
}

fn run_pass(
    press: &PressIndex,
    reader: &tantivy::IndexReader,
    writer: &mut IndexWriter,
    roots: &[PathBuf],
    options: &IndexOptions,
    progress: &dyn Progress,
    stop: &AtomicBool,
) -> anyhow::Result<IndexReport> {
    let known = indexed_files(&reader.searcher())?;
    let done = AtomicUsize::new(0);
    let fields = press.fields;
    let (ignored, unchanged) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let skipped = Mutex::new(Vec::new());
    let skip = |path: String, reason: String, kind: &'static str| {
        progress.skipped(&path, &reason);
        let mut skipped = skipped.lock().expect("no panics while holding the lock");
        skipped.push((path, reason, kind));
    };
    // Room for the first files, sent alone (see `Batcher`), besides the full batches: they
    // must not shrink how far extraction runs ahead while the feeder compiles its patterns.
    let (sender, receiver) =
        mpsc::sync_channel::<Vec<Prepared>>(AHEAD_FILES / BATCH_FILES + BATCH_FILES);
    let sent_alone = AtomicUsize::new(0);
    let written = std::thread::scope(|scope| {
        let feeder = std::thread::Builder::new()
            .name("pressdex-feeder".into())
            .spawn_scoped(scope, || {
                feed_writer(writer, &fields, receiver, options, progress, stop)
            })
            .context("starting the writer feeder")?;
        walk(roots, options.follow_links)
            .take_while(|_| !stop.load(Ordering::Relaxed))
            .par_bridge()
            .for_each_with(Batcher::new(sender, &sent_alone), |batcher, found| {
                let file = match found {
                    Found::File(file) => file,
                    Found::Error(path, reason) => return skip(path, reason, "unreadable"),
                    Found::Ignored => {
                        ignored.fetch_add(1, Ordering::Relaxed);
                        return;
                    }
                };
                let indexed = known.get(&file.key);
                if let Some(indexed) = indexed {
                    indexed.seen.store(true, Ordering::Relaxed);
                }
                match prepare_one(&file, indexed.map(|k| &k.state), &options.limits) {
                    Prepared::Unchanged => {
                        unchanged.fetch_add(1, Ordering::Relaxed);
                    }
                    Prepared::Skipped(e) => {
                        skip(file.path.display().to_string(), e.to_string(), e.kind())
                    }
                    docs => batcher.push(docs),
                }
                progress.advance(done.fetch_add(1, Ordering::Relaxed) + 1);
            });
        feeder.join().expect("the writer feeder does not panic")
    })?;
    let mut report = IndexReport {
        ignored: ignored.into_inner(),
        interrupted: stop.load(Ordering::Relaxed),
        ..Default::default()
    };
    let mut skipped = skipped.into_inner().expect("workers finished");
    skipped.extend(written.skipped);
    if !report.interrupted {
        let unreadable: HashSet<&str> = skipped.iter().map(|(p, ..)| p.as_str()).collect();
        report.removed = remove_vanished(writer, press, &known, &unreadable, roots);
    }
    progress.committing();
    // The last commit starts no merge in the background, where the end of the process
    // would stop it: the small ones run after it, and are waited for (`index_files`).
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    writer.commit().context("committing the index")?;
    progress.committed(written.added + written.updated);
    for (path, reason, kind) in skipped {
        report.skipped.push((path, reason));
        *report.skip_kinds.entry(kind).or_default() += 1;
    }
    for (path, reason) in written.failed {
        progress.skipped(&path, &reason);
        report.skipped.push((path, reason));
        *report.skip_kinds.entry("internal error").or_default() += 1;
        report.internal_errors += 1;
    }
    report.added = written.added;
    report.updated = written.updated;
    report.unchanged = unchanged.into_inner();
    Ok(report)
}

/// Runs the small merges of the committed segments (see [`closing_merges`]) and waits for
/// them. A merge that fails leaves the index as it was: it is not an error of the pass.
fn run_closing_merges(press: &PressIndex, writer: &mut IndexWriter) -> anyhow::Result<()> {
    // No segment meta may outlive this line: a live one keeps its files from collection.
    let groups = closing_merges(&press.dir, &press.index.searchable_segment_metas()?);
    for group in &groups {
        let _ = writer.merge(group).wait();
    }
    if !groups.is_empty() {
        // A merge keeps its input files until it has ended; they can go now.
        let _ = writer.garbage_collect_files().wait();
    }
    Ok(())
}

/// What the feeder wrote.
#[derive(Default)]
struct Written {
    added: usize,
    updated: usize,
    /// Files the index writer refused, with its reason.
    failed: Vec<(String, String)>,
    /// Files whose attribution failed: path, reason, kind of reason.
    skipped: Vec<(String, String, &'static str)>,
}

/// Collects an extraction thread's prepared files and sends them to the feeder
/// [`BATCH_FILES`] at a time; what is left is sent when the thread is done with it (drop).
///
/// The pass's first [`BATCH_FILES`] prepared files go one by one and at once: the first
/// with a quote makes the feeder compile the attribution patterns (half the instructions of
/// a run that re-indexes 1% of BBC), which then overlaps the rest of the walk instead of
/// waiting for batches that a small run only fills when its walk ends.
struct Batcher<'a> {
    sender: mpsc::SyncSender<Vec<Prepared>>,
    batch: Vec<Prepared>,
    /// Files of this pass sent alone so far, by every thread's batcher.
    sent_alone: &'a AtomicUsize,
}

impl<'a> Batcher<'a> {
    fn new(sender: mpsc::SyncSender<Vec<Prepared>>, sent_alone: &'a AtomicUsize) -> Self {
        Self {
            sender,
            batch: Vec::with_capacity(BATCH_FILES),
            sent_alone,
        }
    }

    fn push(&mut self, prepared: Prepared) {
        self.batch.push(prepared);
        if self.batch.len() >= BATCH_FILES
            || (self.sent_alone.load(Ordering::Relaxed) < BATCH_FILES
                && self.sent_alone.fetch_add(1, Ordering::Relaxed) < BATCH_FILES)
        {
            self.send();
        }
    }

    fn send(&mut self) {
        if !self.batch.is_empty() {
            let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH_FILES));
            // A send fails only once the feeder has stopped (on an error or Ctrl-C).
            let _ = self.sender.send(batch);
        }
    }
}

impl Clone for Batcher<'_> {
    fn clone(&self) -> Self {
        Self::new(self.sender.clone(), self.sent_alone)
    }
}

impl Drop for Batcher<'_> {
    fn drop(&mut self) {
        self.send();
    }
}

/// Adds prepared articles to the writer as they come and commits every [`COMMIT_INTERVAL`]
/// (or every `commit_every` files), until all are added or `stop` is set. It runs on its own
/// thread, so extraction goes on, up to [`AHEAD_FILES`] files ahead, while a commit waits for
/// the writer to flush its segment.
fn feed_writer(
    writer: &mut IndexWriter,
    fields: &super::schema::Fields,
    prepared: mpsc::Receiver<Vec<Prepared>>,
    options: &IndexOptions,
    progress: &dyn Progress,
    stop: &AtomicBool,
) -> anyhow::Result<Written> {
    let mut written = Written::default();
    let mut last_commit = Instant::now();
    let mut pending = 0usize;
    let mut compiling = false;
    for item in prepared.into_iter().flatten() {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        let Prepared::Extracted {
            key,
            path,
            replaced,
            mut article,
            state,
        } = item
        else {
            continue;
        };
        if !compiling {
            // The first article to attribute: compile the cue patterns on a second thread too
            // (detached: a pass that ends first does not wait for it).
            compiling = true;
            std::thread::spawn(crate::attribute::compile_patterns);
        }
        if let Err(e) = attribute(&mut article) {
            progress.skipped(&path, &e.to_string());
            written.skipped.push((path, e.to_string(), e.kind()));
            continue;
        }
        let docs = article_documents(fields, &article, state);
        drop(article);
        if replaced {
            writer.delete_term(Term::from_field_text(fields.path, &key));
        }
        // Documents go to the writer one by one: tantivy queues up to 10,000 batches whatever
        // their size, so with batches of 32 files 1.5M documents could wait in memory while
        // the writer falls behind (peak RSS 362 -> 1,156 MB on 300k generated articles).
        if let Err(e) = docs
            .into_iter()
            .try_for_each(|doc| writer.add_document(doc).map(drop))
        {
            written.failed.push((key, format!("index writer: {e}")));
            continue;
        }
        if replaced {
            written.updated += 1;
        } else {
            written.added += 1;
        }
        pending += 1;
        let due = match options.commit_every {
            Some(n) => pending >= n,
            None => last_commit.elapsed() > COMMIT_INTERVAL,
        };
        if due {
            progress.committing();
            writer.commit().context("committing the index")?;
            progress.committed(written.added + written.updated);
            last_commit = Instant::now();
            pending = 0;
        }
    }
    Ok(written)
}

/// A file made ready for the writer.
enum Prepared {
    Unchanged,
    Skipped(ExtractError),
    /// A new or changed file, extracted but not yet attributed (the feeder does that);
    /// `replaced` when an older version is indexed.
    Extracted {
        key: String,
        /// The path as walked, for messages.
        path: String,
        replaced: bool,
        article: Box<Article>,
        state: FileState,
    },
}

/// Reads and extracts one file if it is new or changed (attribution is left to the feeder).
fn prepare_one(file: &FoundFile, known: Option<&FileState>, limits: &Limits) -> Prepared {
    let meta = match std::fs::metadata(&file.path) {
        Ok(meta) => meta,
        Err(e) => return Prepared::Skipped(ExtractError::Io(e)),
    };
    let (size, mtime) = (meta.len(), mtime_secs(&meta));
    if known.is_some_and(|k| k.size == size && k.mtime == mtime) {
        return Prepared::Unchanged;
    }
    let bytes = match read_file_with_metadata(&file.path, &meta, limits) {
        Ok(b) => b,
        Err(e) => return Prepared::Skipped(e),
    };
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    if known.is_some_and(|k| k.hash == hash) {
        return Prepared::Unchanged;
    }
    let article = match extract_bytes(&file.key, &bytes) {
        Ok(a) => a,
        Err(e) => return Prepared::Skipped(e),
    };
    Prepared::Extracted {
        key: file.key.clone(),
        path: file.path.display().to_string(),
        replaced: known.is_some(),
        article: Box::new(article),
        state: FileState { size, mtime, hash },
    }
}

fn mtime_secs(meta: &std::fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs() as i64)
}

/// Deletes articles whose files were not seen by this walk although they lie under one of
/// its roots, or no longer exist at all. Paths the walk could not read are kept.
fn remove_vanished(
    writer: &IndexWriter,
    press: &PressIndex,
    known: &HashMap<String, Indexed>,
    unreadable: &HashSet<&str>,
    roots: &[PathBuf],
) -> usize {
    let roots = absolute_roots(roots);
    let mut removed = 0;
    for (key, indexed) in known {
        if indexed.seen.load(Ordering::Relaxed) || unreadable.contains(key.as_str()) {
            continue;
        }
        let path = std::path::Path::new(key);
        let under_root = roots.iter().any(|r| path.starts_with(r));
        if under_root || !super::walk::key_exists(key) {
            writer.delete_term(Term::from_field_text(press.fields.path, key));
            removed += 1;
        }
    }
    removed
}

/// An indexed file: its state when indexed, and whether this pass's walk met it.
#[derive(Debug)]
pub struct Indexed {
    pub state: FileState,
    seen: AtomicBool,
}

/// The file state of every indexed article, read from fast fields (no stored documents).
pub fn indexed_files(searcher: &Searcher) -> anyhow::Result<HashMap<String, Indexed>> {
    let mut out = HashMap::default();
    for segment in searcher.segment_readers() {
        let ff = segment.fast_fields();
        let Some(paths) = ff.str(super::schema::PATH)? else {
            continue;
        };
        let sizes = ff.u64(super::schema::FILE_SIZE)?;
        let mtimes = ff.i64(super::schema::FILE_MTIME)?;
        let hashes = ff.u64(super::schema::CONTENT_HASH)?;
        // Every path once, in term-ordinal order, from one pass over the dictionary. Looking
        // each document's path up with `ord_to_str` decompressed a dictionary block (and
        // created a zstd context) per document: ~60% of a no-change re-run's CPU time.
        let mut names = Vec::with_capacity(paths.dictionary().num_terms());
        let mut stream = paths.dictionary().stream()?;
        while stream.advance() {
            names.push(String::from_utf8_lossy(stream.key()).into_owned());
        }
        out.reserve(sizes.values.num_vals() as usize);
        for (doc, row) in valued_docs(&sizes) {
            if segment.is_deleted(doc) {
                continue;
            }
            let Some(path) = paths
                .ords()
                .first(doc)
                .and_then(|ord| names.get(ord as usize))
            else {
                continue;
            };
            let state = FileState {
                size: sizes.values.get_val(row),
                mtime: mtimes.first(doc).unwrap_or(0),
                hash: hashes.first(doc).unwrap_or(0),
            };
            let seen = AtomicBool::new(false);
            out.insert(path.clone(), Indexed { state, seen });
        }
    }
    Ok(out)
}

/// The documents that hold a value in `column`, each with the row of its (first) value, in
/// document order. Only articles have a file size: walking the size column's own index
/// spares a lookup per quote document, four fifths of BBC's documents (a no-change re-run
/// of BBC read its known files in 8.8M instructions, now in 4.7M).
fn valued_docs(column: &Column<u64>) -> Box<dyn Iterator<Item = (DocId, RowId)> + '_> {
    match &column.index {
        ColumnIndex::Empty { .. } => Box::new(std::iter::empty()),
        ColumnIndex::Full => Box::new((0..column.num_docs()).map(|doc| (doc, doc))),
        ColumnIndex::Optional(index) => Box::new(
            index
                .iter_non_null_docs()
                .enumerate()
                .map(|(rank, doc)| (doc, rank as RowId)),
        ),
        ColumnIndex::Multivalued(_) => Box::new((0..column.num_docs()).filter_map(|doc| {
            let rows = column.index.value_row_ids(doc);
            (!rows.is_empty()).then_some((doc, rows.start))
        })),
    }
}

/// Number of live article and quote documents.
pub fn count_kinds(press: &PressIndex, searcher: &Searcher) -> anyhow::Result<(u64, u64)> {
    use tantivy::collector::Count;
    use tantivy::query::TermQuery;
    use tantivy::schema::IndexRecordOption;
    let count = |kind: &str| -> anyhow::Result<u64> {
        let q = TermQuery::new(
            Term::from_field_text(press.fields.kind, kind),
            IndexRecordOption::Basic,
        );
        Ok(searcher.search(&q, &Count)? as u64)
    };
    Ok((
        count(super::schema::KIND_ARTICLE)?,
        count(super::schema::KIND_QUOTE)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Silent;
    impl Progress for Silent {
        fn advance(&self, _done: usize) {}
        fn skipped(&self, _path: &str, _reason: &str) {}
    }

    fn pass(press: &PressIndex, root: &std::path::Path) -> IndexReport {
        let options = IndexOptions {
            limits: Limits::default(),
            commit_every: None,
            follow_links: false,
        };
        let roots = [root.to_path_buf()];
        index_files(press, &roots, &options, &Silent, &AtomicBool::new(false)).unwrap()
    }

    #[test]
    fn small_re_index_runs_do_not_pile_up_segments() {
        let docs = tempfile::tempdir().unwrap();
        for i in 0..12 {
            let text = format!("Title {i}\n\nArticle number {i} of the folder.\n");
            std::fs::write(docs.path().join(format!("{i:02}.txt")), text).unwrap();
        }
        let ix = tempfile::tempdir().unwrap();
        let press = super::super::open_or_create(ix.path(), false).unwrap();
        pass(&press, docs.path());
        let mut most = 0;
        for i in 0..10 {
            let path = docs.path().join(format!("{i:02}.txt"));
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, format!("{text}Revised.\n")).unwrap();
            assert_eq!(pass(&press, docs.path()).updated, 1);
            most = most.max(press.index.searchable_segment_metas().unwrap().len());
        }
        assert!(most <= 8, "{most} segments");
        let reader = press.index.reader().unwrap();
        assert_eq!(indexed_files(&reader.searcher()).unwrap().len(), 12);
    }

    #[test]
    fn known_files_are_the_live_articles_with_their_latest_state() {
        let docs = tempfile::tempdir().unwrap();
        let quoted = "Title\n\n“We will act,” said Ann Lee. “Now,” she added.\n";
        let plain = "Plain\n\nNo quote here.\n";
        for (name, text) in [("a.txt", quoted), ("b.txt", plain), ("c.txt", plain)] {
            std::fs::write(docs.path().join(name), text).unwrap();
        }
        let ix = tempfile::tempdir().unwrap();
        let press = super::super::open_or_create(ix.path(), false).unwrap();
        pass(&press, docs.path());
        let changed = format!("{quoted}One more line.\n");
        std::fs::write(docs.path().join("a.txt"), &changed).unwrap();
        let report = pass(&press, docs.path());
        assert_eq!((report.updated, report.unchanged), (1, 2));
        std::fs::remove_file(docs.path().join("b.txt")).unwrap();
        assert_eq!(pass(&press, docs.path()).removed, 1);
        let known = indexed_files(&press.index.reader().unwrap().searcher()).unwrap();
        let mut sizes: Vec<(&str, u64)> = known
            .iter()
            .map(|(key, k)| (key.rsplit('/').next().unwrap(), k.state.size))
            .collect();
        sizes.sort();
        let a = changed.len() as u64;
        assert_eq!(sizes, [("a.txt", a), ("c.txt", plain.len() as u64)]);
    }

    #[test]
    fn a_re_indexed_article_keeps_only_its_new_quotes() {
        let docs = tempfile::tempdir().unwrap();
        let two = "Title\n\n“We will act,” said Ann Lee. “We start work on it now,” she added.\n";
        let one = "Title\n\n“We will wait,” said Ann Lee.\n";
        std::fs::write(docs.path().join("a.txt"), two).unwrap();
        std::fs::write(docs.path().join("b.txt"), one).unwrap();
        let ix = tempfile::tempdir().unwrap();
        let press = super::super::open_or_create(ix.path(), false).unwrap();
        let report = pass(&press, docs.path());
        assert_eq!((report.articles, report.quotes), (2, 3));
        // The old version's quotes go with it; the new version's, added in the same commit
        // as that delete, stay.
        std::fs::write(docs.path().join("a.txt"), format!("{one}More.\n")).unwrap();
        let report = pass(&press, docs.path());
        assert_eq!(report.updated, 1);
        assert_eq!((report.articles, report.quotes), (2, 2));
        std::fs::remove_file(docs.path().join("b.txt")).unwrap();
        let report = pass(&press, docs.path());
        assert_eq!((report.removed, report.articles, report.quotes), (1, 1, 1));
    }

    #[test]
    fn a_file_deleted_between_walk_and_read_is_skipped_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone.html");
        std::fs::write(&path, "<p>“Here today,” she said.</p>").unwrap();
        let file = FoundFile {
            key: super::super::walk::file_key(&path),
            path: path.clone(),
        };
        std::fs::remove_file(&path).unwrap();
        match prepare_one(&file, None, &Limits::default()) {
            Prepared::Skipped(e) => {
                assert_eq!(e.kind(), "unreadable");
                assert!(e.to_string().contains("No such file"), "{e}");
            }
            _ => panic!("a vanished file was not skipped"),
        }
    }
}

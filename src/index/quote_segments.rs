//! Quote documents are indexed on a thread of their own, into segments that join the index
//! at each commit.
//!
//! tantivy's indexing thread is the critical path of a pass (see [`super::writer`]): it adds
//! every document, then lays the segment on disk at each commit while the other core idles.
//! Quote documents were ~0.6G of its ~4.3G instructions on Reuters-21578. Here they go to a
//! [`SegmentWriter`] on a second thread, which runs beside tantivy's. At a commit the feeder
//! asks it for its finished segments ([`QuoteSegments::finish`]) and hands them to the index
//! writer ([`IndexWriter::add_segment`]) just before `commit`, so a quote and its article are
//! committed together, by one commit of one index: an interrupted pass leaves neither
//! without the other, and searches, deletes and merges see quote segments like any other.
//!
//! Deletes: a segment added to the writer is reached by the deletes issued after it was added
//! (the ones of later commits), never by earlier ones. It is added at the commit that follows
//! its documents, after every delete of that commit — in particular after the delete of the
//! older version of a re-indexed article, which must not remove the new version's quotes.

use std::sync::mpsc;
use std::thread::JoinHandle;

use anyhow::Context;
use tantivy::index::{Segment, SegmentMeta};
use tantivy::indexer::{AddOperation, SegmentWriter};
use tantivy::{Index, IndexWriter, TantivyDocument};

/// What the feeder sends to the quote thread.
enum Message {
    /// The quote documents of one article.
    Docs(Vec<TantivyDocument>),
    /// Finish the open segment and answer with every segment finished since the last answer.
    Finish(mpsc::SyncSender<tantivy::Result<Vec<SegmentMeta>>>),
}

/// Articles whose quote documents may wait for the quote thread.
const QUEUED_ARTICLES: usize = 1_000;

/// The quote thread, building quote segments of `index` within a memory budget.
pub struct QuoteSegments {
    sender: Option<mpsc::SyncSender<Message>>,
    thread: Option<JoinHandle<()>>,
}

impl QuoteSegments {
    /// Starts the thread. A segment is finished early when its writer holds `memory_bytes`.
    pub fn start(index: &Index, memory_bytes: usize) -> anyhow::Result<Self> {
        let (sender, receiver) = mpsc::sync_channel(QUEUED_ARTICLES);
        let index = index.clone();
        let thread = std::thread::Builder::new()
            .name("pressdex-quotes".into())
            .spawn(move || build_segments(&index, memory_bytes, receiver))
            .context("starting the quote indexing thread")?;
        Ok(Self {
            sender: Some(sender),
            thread: Some(thread),
        })
    }

    /// Queues the quote documents of one article.
    pub fn add(&self, docs: Vec<TantivyDocument>) -> anyhow::Result<()> {
        if docs.is_empty() {
            return Ok(());
        }
        self.send(Message::Docs(docs))
    }

    /// Finishes the open segment and adds every finished one to `writer`, to be committed by
    /// its next commit. Call it right before the commit, after the commit's deletes.
    pub fn add_to(&self, writer: &IndexWriter) -> anyhow::Result<()> {
        let (reply, answer) = mpsc::sync_channel(1);
        self.send(Message::Finish(reply))?;
        let segments = answer
            .recv()
            .context("the quote indexing thread stopped")?
            .context("writing quote documents")?;
        for meta in segments {
            writer
                .add_segment(meta)
                .context("adding quote documents to the index")?;
        }
        Ok(())
    }

    fn send(&self, message: Message) -> anyhow::Result<()> {
        let sender = self.sender.as_ref().expect("the sender lives until drop");
        sender
            .send(message)
            .ok()
            .context("the quote indexing thread stopped")
    }
}

impl Drop for QuoteSegments {
    fn drop(&mut self) {
        drop(self.sender.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The quote thread: adds documents to a segment writer, finishes a segment when the writer
/// reaches its budget or the feeder asks, and answers with the finished segments. An error
/// is kept and given as the next answer; the pass then fails and commits nothing more.
fn build_segments(index: &Index, memory_bytes: usize, messages: mpsc::Receiver<Message>) {
    let mut open: Option<(SegmentWriter, Segment)> = None;
    let mut finished: tantivy::Result<Vec<SegmentMeta>> = Ok(Vec::new());
    for message in messages {
        match message {
            Message::Docs(docs) => {
                let Ok(done) = &mut finished else { continue };
                if let Err(e) = add_docs(index, memory_bytes, &mut open, done, docs) {
                    finished = Err(e);
                    open = None;
                }
            }
            Message::Finish(reply) => {
                if let (Ok(done), Some(segment)) = (&mut finished, open.take())
                    && let Err(e) = finish(segment).map(|meta| done.push(meta))
                {
                    finished = Err(e);
                }
                let _ = reply.send(std::mem::replace(&mut finished, Ok(Vec::new())));
            }
        }
    }
}

fn add_docs(
    index: &Index,
    memory_bytes: usize,
    open: &mut Option<(SegmentWriter, Segment)>,
    done: &mut Vec<SegmentMeta>,
    docs: Vec<TantivyDocument>,
) -> tantivy::Result<()> {
    let (writer, _) = match open {
        Some(open) => open,
        None => {
            let segment = index.new_segment();
            open.insert((
                SegmentWriter::for_segment(memory_bytes, segment.clone())?,
                segment,
            ))
        }
    };
    for document in docs {
        // The opstamp orders a document against deletes queued while its segment is written;
        // quote segments join the writer only after those (see the module doc).
        writer.add_document(AddOperation {
            opstamp: 0,
            document,
        })?;
    }
    if writer.mem_usage() >= memory_bytes.saturating_sub(SEGMENT_MARGIN_BYTES) {
        let segment = open.take().expect("a segment is open");
        done.push(finish(segment)?);
    }
    Ok(())
}

/// Room left in a segment writer's budget when it is finished (tantivy's own margin).
const SEGMENT_MARGIN_BYTES: usize = 1_000_000;

/// Lays a segment on disk; its meta keeps its files from tantivy's garbage collection until
/// the writer has it.
fn finish((writer, segment): (SegmentWriter, Segment)) -> tantivy::Result<SegmentMeta> {
    let max_doc = writer.max_doc();
    writer.finalize()?;
    let meta = segment.with_max_doc(max_doc).meta().clone();
    meta.untrack_temp_docstore();
    Ok(meta)
}

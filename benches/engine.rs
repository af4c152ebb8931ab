//! In-process half of the benchmark that `bench/run.sh` drives (not a test; no timings run
//! under `cargo test`). Two modes, both printing one line per figure on stdout:
//!
//! * `raw-index CORPUS INDEX THREADS` — index the raw text of every `.txt`/`.html` file with
//!   plain tantivy (same version as pressdex, default tokenizer, no extraction, no
//!   attribution): the upper bound of what pressdex's own work costs.
//! * `query INDEX ITERS TERM AND PHRASE SPEAKER SINCE` — run pressdex's six query shapes
//!   against a pressdex index through the library (top 10 with snippets, like the CLI) and
//!   print the p50 / p95 latency of each in milliseconds.
//!
//! `cargo bench` appends `--bench`; it is ignored.

use std::path::Path;
use std::time::Instant;

use pressdex::date::PublishedDate;
use pressdex::query::{SearchRequest, Sort, search};
use tantivy::schema::{STORED, STRING, Schema, TEXT};
use tantivy::{Index, TantivyDocument};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    match args.first().map(String::as_str) {
        Some("raw-index") if args.len() == 4 => raw_index(&args[1], &args[2], args[3].parse()?),
        Some("query") if args.len() == 8 => query(&args[1..]),
        _ => {
            eprintln!(
                "usage: engine raw-index CORPUS INDEX THREADS\n       engine query INDEX ITERS TERM AND PHRASE SPEAKER SINCE"
            );
            std::process::exit(2)
        }
    }
}

fn raw_index(corpus: &str, index_dir: &str, threads: usize) -> anyhow::Result<()> {
    let started = Instant::now();
    let mut b = Schema::builder();
    let path = b.add_text_field("path", STRING | STORED);
    let body = b.add_text_field("body", TEXT | STORED);
    let _ = std::fs::remove_dir_all(index_dir);
    std::fs::create_dir_all(index_dir)?;
    let index = Index::create_in_dir(index_dir, b.build())?;
    let mut writer = index.writer_with_num_threads::<TantivyDocument>(threads, 192 << 20)?;
    let (mut docs, mut bytes) = (0u64, 0u64);
    for entry in walkdir::WalkDir::new(corpus).sort_by_file_name() {
        let entry = entry?;
        let p = entry.path();
        let wanted = matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("txt" | "html" | "htm")
        );
        if !entry.file_type().is_file() || !wanted {
            continue;
        }
        let data = std::fs::read(p)?;
        bytes += data.len() as u64;
        docs += 1;
        let mut doc = TantivyDocument::default();
        doc.add_text(path, p.to_string_lossy());
        doc.add_text(body, String::from_utf8_lossy(&data));
        writer.add_document(doc)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    println!(
        "raw-index docs={docs} bytes={bytes} secs={:.3}",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn query(args: &[String]) -> anyhow::Result<()> {
    let press = pressdex::index::open(Path::new(&args[0]))?;
    let iters: usize = args[1].parse()?;
    let (term, and, phrase, speaker) = (&args[2], &args[3], &args[4], &args[5]);
    let since: PublishedDate = args[6]
        .parse()
        .map_err(|e| anyhow::anyhow!("SINCE: {e:?}"))?;
    let searcher = press.index.reader()?.searcher();
    let base = |q: &str| SearchRequest {
        query: Some(q.to_string()),
        limit: 10,
        ..Default::default()
    };
    let cases: Vec<(&str, SearchRequest)> = vec![
        ("term", base(term)),
        ("and", base(and)),
        ("phrase", base(phrase)),
        (
            "phrase+speaker",
            SearchRequest {
                speakers: vec![speaker.clone()],
                ..base(phrase)
            },
        ),
        (
            "range+newest",
            SearchRequest {
                since: Some(since),
                sort: Sort::Newest,
                ..base(term)
            },
        ),
        (
            "quotes",
            SearchRequest {
                quotes: true,
                ..base(term)
            },
        ),
    ];
    for (name, req) in cases {
        let mut times = Vec::with_capacity(iters);
        let mut total = 0;
        for _ in 0..iters.max(1) {
            let t = Instant::now();
            let results = search(&press, &searcher, &req)?;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            total = results.total;
        }
        times.sort_by(f64::total_cmp);
        let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
        println!(
            "query {name} hits={total} p50_ms={:.3} p95_ms={:.3}",
            pct(0.5),
            pct(0.95)
        );
    }
    Ok(())
}

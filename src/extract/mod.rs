//! Extraction: raw file bytes → [`Article`] fields (title, authors, date, outlet, language, body).
//!
//! This module owns deciding what a file is (HTML, plain text, gzip), decoding it to text and
//! dispatching to the HTML or plain-text extractor. It does not attribute quotes (see
//! [`crate::attribute`]) and never touches the index.

mod byline;
mod content;
mod decode;
mod html;
mod hydration;
mod language;
mod meta;
mod nesting;
mod text;

pub use byline::{clean_author_names, split_authors};
pub use decode::decode_text;

use std::io::Read;

use crate::article::Article;

/// Bounds on the work spent on one file, so a hostile file cannot stall or exhaust a run.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest file read, in bytes (after decompression for `.gz`).
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        // 32 MiB holds the largest real article pages by two orders of magnitude.
        Self {
            max_bytes: 32 * 1024 * 1024,
        }
    }
}

/// Why a file produced no article. Each variant is a one-line reason shown to the user.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("empty file")]
    Empty,
    #[error("binary file ({0}), not an article")]
    Binary(&'static str),
    #[error("file is {size} bytes, over the {limit}-byte limit (--max-file-size)")]
    TooLarge { size: u64, limit: u64 },
    #[error("decompresses to more than the {limit}-byte limit (--max-file-size)")]
    TooLargeUnpacked { limit: u64 },
    #[error("HTML has more than {limit} tags, over the per-file work limit")]
    TooManyTags { limit: usize },
    #[error("corrupt gzip data: {0}")]
    Gzip(std::io::Error),
    #[error("no article text found")]
    NoText,
    #[error("internal error while extracting (please report): {0}")]
    Internal(String),
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
}

impl ExtractError {
    /// A short stable name of the reason, used to count skips in summaries.
    pub fn kind(&self) -> &'static str {
        match self {
            ExtractError::Empty => "empty",
            ExtractError::Binary(_) => "binary",
            ExtractError::TooLarge { .. } | ExtractError::TooLargeUnpacked { .. } => "too large",
            ExtractError::Gzip(_) => "bad gzip",
            ExtractError::NoText => "no text",
            ExtractError::TooManyTags { .. } => "too many tags",
            ExtractError::Internal(_) => "internal error",
            ExtractError::Io(_) => "unreadable",
        }
    }
}

/// What kind of document a file holds, decided from its name and, failing that, its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Text,
}

/// The format a path's extension announces (`.gz` looks at the name inside).
pub fn format_of(path: &str) -> Option<Format> {
    let lower = path.to_ascii_lowercase();
    let name = lower.strip_suffix(".gz").unwrap_or(&lower);
    let ext = name.rsplit_once('.').map(|(_, e)| e)?;
    match ext {
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        "txt" | "md" | "markdown" | "text" => Some(Format::Text),
        _ => None,
    }
}

/// Reads a file within the limits, decompressing `.gz`.
pub fn read_file(path: &std::path::Path, limits: &Limits) -> Result<Vec<u8>, ExtractError> {
    read_file_with_metadata(path, &std::fs::metadata(path)?, limits)
}

/// [`read_file`] for a caller that has already looked up the file's metadata (following
/// symlinks), so a file costs one `stat` instead of three: on corpora of small files the
/// system calls were a tenth of indexing time.
pub fn read_file_with_metadata(
    path: &std::path::Path,
    meta: &std::fs::Metadata,
    limits: &Limits,
) -> Result<Vec<u8>, ExtractError> {
    // Checked before opening: opening a named pipe blocks until someone writes to it.
    if !meta.is_file() {
        return Err(ExtractError::Io(std::io::Error::other(
            "not a regular file (named pipe, socket or device)",
        )));
    }
    let file = std::fs::File::open(path)?;
    let size = meta.len();
    if size > limits.max_bytes {
        return Err(ExtractError::TooLarge {
            size,
            limit: limits.max_bytes,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limits.max_bytes + 1).read_to_end(&mut bytes)?;
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
    {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .take(limits.max_bytes + 1)
            .read_to_end(&mut out)
            .map_err(ExtractError::Gzip)?;
        if out.len() as u64 > limits.max_bytes {
            return Err(ExtractError::TooLargeUnpacked {
                limit: limits.max_bytes,
            });
        }
        bytes = out;
    }
    if bytes.len() as u64 > limits.max_bytes {
        return Err(ExtractError::TooLarge {
            size: bytes.len() as u64,
            limit: limits.max_bytes,
        });
    }
    Ok(bytes)
}

/// Extracts an article (without quotes) from a file's decompressed bytes.
///
/// `path` is recorded in the article and its extension picks the extractor; content that
/// is plainly HTML is treated as HTML whatever its name.
pub fn extract_article(path: &str, bytes: &[u8]) -> Result<Article, ExtractError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ExtractError::Empty);
    }
    let declared = format_of(path).unwrap_or(Format::Text);
    let text = decode::decode_text(bytes, declared == Format::Html)?;
    let format = if declared == Format::Text && html::looks_like_html(&text) {
        Format::Html
    } else {
        declared
    };
    let mut article = match format {
        Format::Html => html::extract(&cap_nesting(&text, MAX_HTML_DEPTH)?),
        Format::Text => text::extract(&text),
    };
    if article.body.trim().is_empty()
        && article.title.is_none()
        && article.published.is_none()
        && article.authors.is_empty()
    {
        return Err(ExtractError::NoText);
    }
    article.path = path.to_string();
    if article.language.is_none() {
        article.language = language::detect(&article.body);
    }
    Ok(article)
}

/// Deepest element nesting handed to the HTML parser. Real pages stay under a hundred levels;
/// a page nested 100,000 deep would make the parser's scope checks quadratic and the
/// renderer's recursion overflow its stack.
pub const MAX_HTML_DEPTH: usize = 256;

/// Most tags an HTML page may have. Parsing and rendering take up to 50 bytes of memory
/// per byte of such markup; real article pages have a few thousand tags.
pub const MAX_HTML_TAGS: usize = 250_000;

/// Elements that never nest in the tree html5ever builds (void elements, and ones an opening
/// tag of the same kind closes implicitly), so sloppy pages with thousands of unclosed `<p>`
/// or `<li>` are not mistaken for deep ones.
const FLAT_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt",
    "rp", "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body",
];

/// Elements whose content is raw text, not markup.
const RAW_TEXT_ELEMENTS: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Drops the tags of elements nested deeper than `limit` (keeping their text), so the HTML
/// parser and renderer do bounded work on any page. Pages within the limit pass unchanged.
///
/// This is a tag scanner, not a parser: it counts opening and closing tags, skipping
/// comments, declarations, raw-text elements and [`FLAT_ELEMENTS`]. A page with more than
/// [`MAX_HTML_TAGS`] tags is refused.
pub fn cap_nesting(html: &str, limit: usize) -> Result<std::borrow::Cow<'_, str>, ExtractError> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `html` already in `out`
    let mut depth = 0usize;
    let mut tags = 0usize;
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let start = i + off;
        let rest = &bytes[start..];
        let end_of = |needle: &[u8]| {
            find_bytes(&rest[1..], needle).map_or(bytes.len(), |p| start + 1 + p + needle.len())
        };
        if rest.starts_with(b"<!--") {
            i = end_of(b"-->");
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = end_of(b">");
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        tags += 1;
        if tags > MAX_HTML_TAGS {
            return Err(ExtractError::TooManyTags {
                limit: MAX_HTML_TAGS,
            });
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = tag_end(bytes, name_start + name_len);
        let self_closing = bytes[..tag_end].ends_with(b"/>");
        let mut drop = false;
        if !FLAT_ELEMENTS.contains(&name.as_str()) && !self_closing {
            if closing {
                drop = depth > limit;
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                drop = depth > limit;
            }
        }
        if drop {
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buf.push_str(&html[copied..start]);
            buf.push(' ');
            copied = tag_end;
        }
        i = tag_end;
        if !closing && RAW_TEXT_ELEMENTS.contains(&name.as_str()) {
            let close = format!("</{name}");
            let lower_rest = &bytes[i..];
            i = find_ascii_ci(lower_rest, close.as_bytes()).map_or(bytes.len(), |p| i + p);
        }
    }
    Ok(match out {
        None => std::borrow::Cow::Borrowed(html),
        Some(mut buf) => {
            buf.push_str(&html[copied..]);
            std::borrow::Cow::Owned(buf)
        }
    })
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_ascii_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// The byte after the `>` closing a tag whose name ends at `from`, skipping quoted attribute
/// values; the end of the text if the tag never closes.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (k, &b) in bytes[from..].iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return from + k + 1,
            _ => {}
        }
    }
    bytes.len()
}

#[cfg(test)]
mod nesting_tests {
    use super::*;

    #[test]
    fn cap_nesting_keeps_normal_pages_and_flattens_deep_ones() {
        let page = "<html><body><div class=\"a>b\"><p>One<p>Two<br><img src=x/>\
                    <script>var s = '<div><div><div>';</script><!-- <div> --></div></body></html>";
        assert!(matches!(
            cap_nesting(page, 2).unwrap(),
            std::borrow::Cow::Borrowed(_)
        ));
        let deep = format!("{}text{}", "<div>".repeat(10), "</div>".repeat(10));
        assert_eq!(
            cap_nesting(&deep, 3).unwrap(),
            format!(
                "<div><div><div>{}text{}</div></div></div>",
                " ".repeat(7),
                " ".repeat(7)
            )
        );
        let sloppy = "<ul>".to_string() + &"<li>item<p>para".repeat(5000) + "</ul>";
        assert!(matches!(
            cap_nesting(&sloppy, 8).unwrap(),
            std::borrow::Cow::Borrowed(_)
        ));
        let unclosed = "<b><i>".repeat(1000) + "text";
        let capped = cap_nesting(&unclosed, 10).unwrap();
        assert_eq!(capped.matches('<').count(), 10);
        assert!(capped.ends_with("text"));
        let busy = "<p>x<b>y".repeat(MAX_HTML_TAGS / 2 + 1);
        assert!(matches!(
            cap_nesting(&busy, 10),
            Err(ExtractError::TooManyTags { .. })
        ));
    }
}

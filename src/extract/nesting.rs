//! Caps how deeply an HTML document nests before it is parsed.
//!
//! Pathological pages (100,000 nested `<div>`s, endless unclosed `<b>`s) make tree building
//! slow and any deep traversal risky. A light linear scan drops start and end tags beyond
//! [`MAX_DEPTH`] levels, keeping their text, so the parser and every later walk see a tree
//! of bounded depth.

use std::borrow::Cow;

/// Deepest element nesting kept.
pub const MAX_DEPTH: usize = 256;

/// Elements without end tags.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose end tag is often omitted; they do not count towards the depth.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "tr", "td", "th", "thead", "tbody", "tfoot", "html", "head",
    "body", "colgroup", "optgroup", "rt", "rp",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// The document with tags beyond [`MAX_DEPTH`] levels removed (borrowed when nothing changes).
pub fn cap_nesting(html: &str) -> Cow<'_, str> {
    if html.bytes().filter(|&b| b == b'<').count() <= MAX_DEPTH {
        return Cow::Borrowed(html);
    }
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    let mut changed = false;
    let mut copied = 0; // bytes of `html` already copied to `out`
    let mut i = 0;
    while let Some(off) = memchr(b'<', &bytes[i..]) {
        let start = i + off;
        let Some(tag) = read_tag(html, start) else {
            i = start + 1;
            continue;
        };
        let counts = !VOID.contains(&tag.name.as_str())
            && !OPTIONAL_END.contains(&tag.name.as_str())
            && !tag.self_closing;
        let mut drop = false;
        if counts {
            if tag.closing {
                drop = depth > MAX_DEPTH;
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                drop = depth > MAX_DEPTH;
            }
        }
        let mut end = tag.end;
        if !tag.closing && RAW_TEXT.contains(&tag.name.as_str()) {
            end = raw_text_end(html, tag.end, &tag.name);
            if counts {
                depth = depth.saturating_sub(1);
            }
        }
        if drop {
            out.push_str(&html[copied..start]);
            out.push(' ');
            copied = end;
            changed = true;
        }
        i = end.max(start + 1);
    }
    if !changed {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    /// Byte offset just past the tag's `>`.
    end: usize,
}

impl Tag {
    /// A comment, doctype or processing instruction ending at `end`: skipped whole, as a
    /// nameless void tag.
    fn skipped(end: usize) -> Tag {
        Tag {
            name: String::new(),
            closing: false,
            self_closing: true,
            end,
        }
    }
}

/// Reads a start or end tag at `start` (which holds `<`); comments and doctypes are skipped
/// whole and reported as a nameless void tag.
fn read_tag(html: &str, start: usize) -> Option<Tag> {
    let rest = &html[start + 1..];
    if let Some(comment) = rest.strip_prefix("!--") {
        let end = comment
            .find("-->")
            .map_or(html.len(), |p| start + 4 + p + 3);
        return Some(Tag::skipped(end));
    }
    let (closing, name_start) = match rest.as_bytes().first()? {
        b'/' => (true, 1),
        b if b.is_ascii_alphabetic() => (false, 0),
        b'!' | b'?' => {
            let end = rest.find('>').map_or(html.len(), |p| start + 1 + p + 1);
            return Some(Tag::skipped(end));
        }
        _ => return None,
    };
    let name: String = rest[name_start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
        .collect::<String>()
        .to_ascii_lowercase();
    if name.is_empty() {
        return None;
    }
    let gt = find_tag_end(rest)?;
    Some(Tag {
        self_closing: rest[..gt].ends_with('/'),
        name,
        closing,
        end: start + 1 + gt + 1,
    })
}

/// Offset of the `>` closing a tag, skipping quoted attribute values.
fn find_tag_end(rest: &str) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (i, b) in rest.bytes().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(i),
            None => {}
        }
    }
    None
}

/// Offset just past the end tag of a raw-text element (or the end of the document).
fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    let lower_needle = format!("</{name}");
    let hay = &html.as_bytes()[from..];
    let n = lower_needle.len();
    for i in 0..hay.len().saturating_sub(n - 1) {
        if hay[i] == b'<' && hay[i..i + n].eq_ignore_ascii_case(lower_needle.as_bytes()) {
            let after = from + i;
            return html[after..]
                .find('>')
                .map_or(html.len(), |p| after + p + 1);
        }
    }
    html.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_deep_nesting_and_keeps_text() {
        let n = MAX_DEPTH + 50;
        let html = format!("{}text{}", "<div>".repeat(n), "</div>".repeat(n));
        let capped = cap_nesting(&html);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH);
        assert!(capped.contains("text"));
    }

    #[test]
    fn leaves_ordinary_pages_alone() {
        for html in [
            "<p>a<p>b<br><img src=x>".repeat(300),
            format!("<script>{}</script>", "<div>".repeat(1000)),
            "<!-- <div> --><div a='>'>x</div>".repeat(300),
        ] {
            assert!(
                matches!(cap_nesting(&html), Cow::Borrowed(_)),
                "{}",
                &html[..40]
            );
        }
    }
}

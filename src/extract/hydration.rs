//! Article HTML that a page ships only inside script data (Next.js/Nuxt hydration payloads,
//! JSON state objects) and renders in the browser: found as JSON string literals holding
//! paragraph markup, decoded and rendered like a page.

use scraper::{Html, Selector};
use std::sync::LazyLock;

use super::content;

/// Shortest string literal considered: article markup is long.
const MIN_LITERAL_BYTES: usize = 500;

/// How many paragraph tags the decoded markup must hold.
const MIN_PARAGRAPHS: usize = 2;

/// How many of the longest candidate literals are rendered.
const MAX_CANDIDATES: usize = 3;

/// The article text held as HTML in a script's string data, the longest one rendered, or
/// `None` when no script holds paragraph markup. With a `title`, the text must share some of
/// its words: markup for other things (a consent prompt, a template) does not.
pub fn script_body(doc: &Html, title: Option<&str>) -> Option<String> {
    static SCRIPT: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("script").expect("valid selector"));
    let mut candidates: Vec<String> = Vec::new();
    for script in doc.select(&SCRIPT) {
        for text in script.text() {
            candidates.extend(
                string_literals(text)
                    .filter(|raw| raw.len() >= MIN_LITERAL_BYTES && mentions_paragraphs(raw))
                    .filter_map(decode)
                    .filter(|html| html.matches("<p").count() >= MIN_PARAGRAPHS),
            );
        }
    }
    candidates.sort_by_key(|c| std::cmp::Reverse(c.len()));
    candidates
        .iter()
        .take(MAX_CANDIDATES)
        .map(|html| content::main_content(&Html::parse_document(html)).text)
        .filter(|t| title.is_none_or(|title| shares_title_words(t, title)))
        .max_by_key(|t| t.chars().count())
        .filter(|t| !t.is_empty())
}

/// Whether a text holds at least a third of a title's words (of two letters or more).
fn shares_title_words(text: &str, title: &str) -> bool {
    let text = text.to_lowercase();
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect();
    let found = words.iter().filter(|w| text.contains(w.as_str())).count();
    words.is_empty() || found * 3 >= words.len()
}

/// Whether a raw (still escaped) literal mentions a paragraph tag.
fn mentions_paragraphs(raw: &str) -> bool {
    raw.contains("<p") || raw.contains("\\u003cp") || raw.contains("\\u003Cp")
}

/// The bodies (between the quotes, escapes kept) of the double-quoted string literals of a
/// script.
fn string_literals(script: &str) -> impl Iterator<Item = &str> {
    let bytes = script.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            if bytes[i] != b'"' {
                i += 1;
                continue;
            }
            let start = i + 1;
            let mut j = start;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            let end = j.min(bytes.len());
            i = end + 1;
            // Quotes are ASCII, so both ends are character boundaries.
            return script.get(start..end);
        }
        None
    })
}

/// A literal's text with its JSON escapes resolved, or `None` when it is not valid JSON.
fn decode(raw: &str) -> Option<String> {
    serde_json::from_str::<String>(&format!("\"{raw}\"")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_article_markup_in_script_data() {
        let para = "The council met on Monday, and the vote, long delayed, finally passed \
                    with a wide margin after hours of debate among the members present.";
        let markup = format!("<p>{para}</p><p>{para} Again.</p><p>{para} Once more.</p>");
        let literal = serde_json::to_string(&markup)
            .expect("serialisable")
            .replace('<', "\\u003c")
            .replace('>', "\\u003e");
        let page = format!(
            "<html><body><div id=root></div><script>self.__data.push([1,{literal}]);\
             var x = \"short\";</script></body></html>"
        );
        let doc = Html::parse_document(&page);
        let got = script_body(&doc, Some("Council vote passes")).expect("a body");
        assert!(got.starts_with("The council met"), "{got:?}");
        assert!(got.contains("Once more."), "{got:?}");
        assert_eq!(script_body(&doc, Some("Storm hits the coast")), None);
    }

    #[test]
    fn ignores_scripts_without_paragraph_markup() {
        let long = "x".repeat(800);
        let page = format!(
            "<html><body><script>var a = \"{long}\"; var b = \"unterminated</script></body></html>"
        );
        assert_eq!(script_body(&Html::parse_document(&page), None), None);
    }
}

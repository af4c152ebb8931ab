//! HTML pages: metadata (JSON-LD, OpenGraph, `<meta>`, `<time>`, bylines) and the main
//! content, rendered to text with html2text.

use scraper::{ElementRef, Html, Selector};

use super::byline::clean_author_names;
use crate::article::Article;
use crate::date::parse_date_text;

/// True when text that arrived under a non-HTML name is plainly an HTML document.
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start().get(..200).unwrap_or(text.trim_start());
    let head = head.to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

/// Extracts an article from an HTML document.
pub fn extract(text: &str) -> Article {
    let doc = Html::parse_document(text);
    let mut article = Article::default();
    let meta = |names: &[&str]| -> Option<String> {
        for name in names {
            let s = sel(&format!(
                "meta[property=\"{name}\"], meta[name=\"{name}\"], meta[itemprop=\"{name}\"]"
            ));
            if let Some(v) = doc
                .select(&s)
                .filter_map(|e| e.value().attr("content"))
                .map(str::trim)
                .find(|v| !v.is_empty())
            {
                return Some(v.to_string());
            }
        }
        None
    };
    article.title = meta(&["og:title", "twitter:title"]).or_else(|| {
        doc.select(&sel("h1, title"))
            .map(|e| e.text().collect::<String>().trim().to_string())
            .find(|t| !t.is_empty())
    });
    if let Some(raw) = meta(&[
        "author",
        "article:author",
        "byl",
        "parsely-author",
        "dc.creator",
    ]) {
        article.authors = clean_author_names(&raw);
    }
    if let Some((date, source)) = meta(&[
        "article:published_time",
        "datePublished",
        "pubdate",
        "date",
        "dc.date",
    ])
    .and_then(|d| parse_date_text(&d))
    .map(|d| (d, "meta"))
    {
        article.published = Some(date);
        article.published_source = Some(source.into());
    }
    article.source = meta(&["og:site_name", "application-name"]);
    article.url = doc
        .select(&sel("link[rel=canonical]"))
        .find_map(|e| e.value().attr("href"))
        .map(str::to_string)
        .or_else(|| meta(&["og:url"]));
    article.language = doc
        .select(&sel("html"))
        .find_map(|e| e.value().attr("lang"))
        .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase())
        .filter(|l| l.len() == 2);
    let content = ["article", "[itemprop=articleBody]", "main", "body"]
        .iter()
        .find_map(|s| doc.select(&sel(s)).next());
    if let Some(node) = content {
        article.body = render_text(node);
    }
    article
}

/// Renders an element's content as plain text, leaving out scripts, styles and navigation.
fn render_text(node: ElementRef) -> String {
    let html = node.html();
    let text = html2text::config::plain()
        .no_table_borders()
        .link_footnotes(false)
        .string_from_read(html.as_bytes(), 10_000)
        .unwrap_or_default();
    super::text::collapse_blank_lines(&text)
}

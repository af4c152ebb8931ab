//! HTML pages: assembles an [`Article`] from the page's metadata (see [`super::meta`]) and its
//! main content (see [`super::content`]).

use std::sync::LazyLock;

use lazy_regex::{Lazy, lazy_regex};
use regex::Regex;
use scraper::{Html, Selector};

use super::{byline, content, hydration, meta};
use crate::article::Article;

/// Pages larger than this are cut before parsing, to bound the work on one file.
const MAX_HTML_BYTES: usize = 8 * 1024 * 1024;

/// True when text that arrived under a non-HTML name is plainly an HTML document.
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start().get(..200).unwrap_or(text.trim_start());
    let head = head.to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Cuts a page to at most `MAX_HTML_BYTES`, on a character boundary.
fn bounded(text: &str) -> &str {
    if text.len() <= MAX_HTML_BYTES {
        return text;
    }
    let mut end = MAX_HTML_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Extracts an article from an HTML document.
pub fn extract(text: &str) -> Article {
    let doc = Html::parse_document(&super::nesting::cap_nesting(bounded(text)));
    let tags = meta::MetaTags::read(&doc);
    let ld = meta::linked_data(&doc);
    let mut article = Article {
        source: meta::source(&tags, &ld),
        url: meta::canonical_url(&doc, &tags, &ld),
        ..Article::default()
    };
    let mut site_names: Vec<String> = article.source.iter().cloned().collect();
    site_names.extend(ld.publisher.iter().cloned());
    site_names.extend(tags.first(&["application-name"]));
    let (host, registrable) = article
        .url
        .as_deref()
        .map(meta::host_names)
        .unwrap_or_default();
    site_names.extend(host);
    article.title = meta::title(&doc, &tags, &ld, &site_names);
    // Only authors are checked against the registrable label: titles keep a site suffix that
    // only it names ("Mozilla - Wikipedia" on en.wikipedia.org), as most gold titles do.
    site_names.extend(registrable);
    // The publisher the page's metadata names (not a link to its profile).
    site_names.extend(
        tags.first(&[
            "dc.publisher",
            "dcterms.publisher",
            "publisher",
            "article:publisher",
        ])
        .filter(|p| !p.contains("://")),
    );
    let is_outlet = |a: &str| names_the_site(a, &site_names);
    // JSON-LD that names only the editor leaves the authors to the rest of the page.
    let mut authors = meta::without_other_roles(&doc, ld.authors.clone());
    if authors.is_empty() {
        authors = meta::without_other_roles(&doc, meta::authors(&doc, &tags, &is_outlet));
    }
    authors.retain(|a| !is_outlet(a));
    // The outlet named as author: a "By …" line on the page names the writer.
    if authors.is_empty() && !ld.authors.is_empty() {
        authors = meta::written_byline(&doc, &is_outlet);
        authors.retain(|a| !is_outlet(a));
    }
    article.authors = meta::with_marked_up_bylines(&doc, authors, &is_outlet);
    if let Some((date, source)) = meta::published(
        &doc,
        &tags,
        &ld,
        article.url.as_deref(),
        article.title.as_deref(),
    ) {
        article.published = Some(date);
        article.published_source = Some(source.into());
    }
    article.language = doc
        .root_element()
        .value()
        .attr("lang")
        .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase())
        .filter(|l| l.len() == 2);
    let headlines = headline_keys(&doc, &tags, &ld, article.title.as_deref());
    let content = content::main_content(&doc);
    article.body = trim_leading_meta(&content.text, &headlines);
    if let Some(ld_body) = ld.body.as_deref().map(str::trim)
        && ld_body.chars().count() > 2 * article.body.chars().count()
    {
        article.body = ld_body.to_string();
    }
    // A page that renders its article from script data shows little text without scripts.
    if article.body.chars().count() < MIN_STATIC_BODY_CHARS
        && let Some(data_body) = hydration::script_body(&doc, article.title.as_deref())
        && data_body.chars().count() > 2 * article.body.chars().count()
    {
        article.body = trim_leading_meta(&data_body, &headlines);
    }
    // A "caption" that reads as a byline or dateline is the article's header, not a caption.
    if let Some(caption) = content.lead_caption
        && !article.body.is_empty()
        && !is_leading_meta(&caption, &headlines)
    {
        article.body = format!("{caption}\n\n{}", article.body);
    }
    if let Some(lead) = visible_lead(&doc, &tags, &article.body)
        && !headlines.contains(&meta::norm(&lead))
    {
        article.body = format!("{lead}\n\n{}", article.body);
    } else if let Some(lead) = headline_standfirst(&doc, &article.body) {
        article.body = format!("{lead}\n\n{}", article.body);
    }
    article
}

/// The page's `<h1>` headings (the first is taken as the headline).
static H1: LazyLock<Selector> = LazyLock::new(|| Selector::parse("h1").expect("valid"));

/// Shortest and longest standfirst taken from under the headline.
const HEADLINE_STANDFIRST_CHARS: std::ops::RangeInclusive<usize> = 100..=1200;

/// The paragraph set right under the page's headline (the `<h1>`'s next element, a `<p>`),
/// when it reads as prose (long, ending like a sentence, few links) and the body lacks it:
/// the standfirst of a page that sets it in the headline's box, apart from the text.
fn headline_standfirst(doc: &Html, body: &str) -> Option<String> {
    if body.is_empty() {
        return None;
    }
    let h1 = doc.select(&H1).next()?;
    let next = h1.next_siblings().find_map(scraper::ElementRef::wrap)?;
    if next.value().name() != "p" {
        return None;
    }
    let text = meta::squash(&next.text().collect::<String>());
    let chars = text.chars().count();
    let link_chars: usize = next
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
        .filter(|e| e.value().name() == "a")
        .map(|a| a.text().map(|t| t.chars().count()).sum::<usize>())
        .sum();
    let key = meta::norm(&text);
    let opening: String = key.chars().take(MIN_LEAD_CHARS).collect();
    (HEADLINE_STANDFIRST_CHARS.contains(&chars)
        && text.ends_with(['.', '!', '?', '…', '"', '”', '»'])
        && link_chars * 4 < chars
        && !meta::norm(body).contains(&opening))
    .then_some(text)
}

/// Bodies shorter than this make the extractor look for the article in script data.
const MIN_STATIC_BODY_CHARS: usize = 250;

/// Shortest description taken for a lead paragraph: shorter ones are taglines.
const MIN_LEAD_CHARS: usize = 60;

/// The metadata summaries a page's standfirst may repeat, in the order they are tried.
const DESCRIPTION_KEYS: [&str; 3] = ["og:description", "description", "twitter:description"];

/// The page's standfirst: a paragraph the page shows above the text, outside the content block,
/// that one of its summaries (description meta tags) repeats, when the body lacks it. A summary
/// may be cut short ("… Z"), carry the site's name or a photo credit after it, or repeat itself:
/// the paragraph shown is taken when either text opens with the other and the shared part is
/// most of both. The caller leaves out a summary that only repeats the headline.
fn visible_lead(doc: &Html, tags: &meta::MetaTags, body: &str) -> Option<String> {
    if body.is_empty() {
        return None;
    }
    let body_key = meta::norm(body);
    let in_body = |k: &str| -> bool {
        let opening: String = k.chars().take(MIN_LEAD_CHARS).collect();
        body_key.contains(&opening)
    };
    let mut summaries: Vec<String> = DESCRIPTION_KEYS
        .iter()
        .filter_map(|k| tags.first(&[k]))
        .map(|d| meta::squash(&d))
        .filter(|d| d.chars().count() >= MIN_LEAD_CHARS)
        .map(|d| meta::norm(&d))
        .filter(|k| !in_body(k))
        .collect();
    summaries.dedup();
    // A paragraph repeating a summary holds at least this share of its letters and digits.
    let min_len = summaries.iter().map(String::len).min()? * MIN_SHARED_TENTHS / 10;
    doc.root_element()
        .descendants()
        .take(LEAD_WINDOW)
        .filter_map(|n| {
            let text = shown_text(n)?;
            if text.len() < min_len {
                return None;
            }
            let shown = meta::norm(&text);
            summaries
                .iter()
                .any(|s| repeats_summary(&shown, s))
                .then_some((n, shown, text))
        })
        .find(|(n, shown, _)| {
            !in_body(shown) && !n.ancestors().any(|a| is_elsewhere_box(a.value()))
        })
        .map(|(_, _, text)| meta::squash(&text))
}

/// The text a node shows as one paragraph: a text node's own, or that of a paragraph the page
/// breaks into lines with `<br>` ("Older workers are often<br>considered less efficient…"),
/// whose text nodes each hold one line of it.
fn shown_text(n: ego_tree::NodeRef<'_, scraper::Node>) -> Option<std::borrow::Cow<'_, str>> {
    match n.value() {
        scraper::Node::Text(t) => Some(std::borrow::Cow::Borrowed(&t[..])),
        scraper::Node::Element(el)
            if el.name() == "p"
                && n.children()
                    .any(|c| c.value().as_element().is_some_and(|e| e.name() == "br")) =>
        {
            let lines: Vec<&str> = n
                .descendants()
                .filter_map(|d| d.value().as_text().map(|t| &t[..]))
                .collect();
            Some(std::borrow::Cow::Owned(lines.join(" ")))
        }
        _ => None,
    }
}

/// Shortest share, in tenths, of the longer text that the shorter must make up for a shown
/// paragraph and a summary that open alike to count as one text.
const MIN_SHARED_TENTHS: usize = 6;

/// Whether a shown paragraph and a summary (as [`meta::norm`] keys) are one text: equal, or one
/// opens with the other and the shorter is most of the longer.
fn repeats_summary(shown: &str, summary: &str) -> bool {
    let (short, long) = if shown.len() <= summary.len() {
        (shown, summary)
    } else {
        (summary, shown)
    };
    shown == summary
        || long.starts_with(short)
            && short.chars().count() >= MIN_LEAD_CHARS
            && short.len() * 10 >= long.len() * MIN_SHARED_TENTHS
}

/// Whether an element shows the page's summary as a pointer to the page rather than as its
/// standfirst: a link, a promotion of stories, a share preview, a breadcrumb trail.
fn is_elsewhere_box(node: &scraper::Node) -> bool {
    static BOX: Lazy<Regex> = lazy_regex!(r"(?i)promo|\bshare|sharing|breadcrumb");
    node.as_element().is_some_and(|el| {
        el.name() == "a"
            || [el.attr("class"), el.attr("id")]
                .into_iter()
                .flatten()
                .any(|v| BOX.is_match(v))
    })
}

/// How many nodes are searched for the lead paragraph.
const LEAD_WINDOW: usize = 20_000;

/// How many leading paragraphs may be dropped as headline, byline or dateline.
const MAX_LEADING_META: usize = 5;

/// Shortest headline key (letters and digits) matched against the opening paragraphs.
const MIN_HEADLINE_KEY: usize = 12;

/// The headline as the page may repeat it above the text, as [`meta::norm`] keys: the chosen
/// title, the metadata titles and the first `<h1>` (later ones may be captions).
fn headline_keys(
    doc: &Html,
    tags: &meta::MetaTags,
    ld: &meta::LinkedData,
    title: Option<&str>,
) -> Vec<String> {
    let h1 = doc.select(&H1).next().map(|h| h.text().collect::<String>());
    let mut keys: Vec<String> = title
        .map(str::to_string)
        .into_iter()
        .chain(tags.first(&["og:title"]))
        .chain(tags.first(&["twitter:title"]))
        .chain(ld.headline.clone())
        .chain(h1)
        .map(|t| meta::norm(&t))
        .filter(|k| k.chars().count() >= MIN_HEADLINE_KEY)
        .collect();
    keys.dedup();
    keys
}

/// Drops the title, bylines and datelines that precede the first paragraph, and a byline
/// that follows a standfirst.
fn trim_leading_meta(body: &str, headlines: &[String]) -> String {
    let body = without_headline_line(body, headlines);
    let paragraphs: Vec<&str> = body.split("\n\n").collect();
    let skip = paragraphs
        .iter()
        .take(MAX_LEADING_META)
        .take_while(|p| is_leading_meta(p, headlines))
        .count();
    if skip == paragraphs.len() {
        return body.to_string();
    }
    let mut rest: Vec<&str> = paragraphs[skip..].to_vec();
    drop_repeated_headline(&mut rest, headlines);
    let opening = rest.len().min(MAX_LEADING_META);
    let bylines = rest[..opening]
        .iter()
        .filter(|p| is_byline_paragraph(p))
        .count();
    if bylines < rest.len() {
        let mut i = 0;
        rest.retain(|p| {
            i += 1;
            i > opening || !is_byline_paragraph(p)
        });
    }
    let rest = &rest[..];
    let tail = rest
        .iter()
        .rev()
        .take(MAX_LEADING_META)
        .take_while(|p| is_trailing_label(p) || is_closing_call(p))
        .count();
    let keep = if tail == rest.len() {
        rest.len()
    } else {
        rest.len() - tail
    };
    rest[..keep].join("\n\n")
}

/// Longest first line compared with the headlines: a headline is a line, not a paragraph.
const MAX_HEADLINE_LINE_BYTES: usize = 400;

/// The body without its first line when that line is the headline and more lines of its
/// paragraph follow (a headline set as a line of the opening block, not as its own paragraph).
fn without_headline_line<'a>(body: &'a str, headlines: &[String]) -> &'a str {
    let body = body.trim_start();
    match body.split_once('\n') {
        Some((first, rest))
            if !rest.starts_with('\n')
                && first.len() <= MAX_HEADLINE_LINE_BYTES
                && !rest.trim().is_empty()
                && headlines.contains(&meta::norm(first)) =>
        {
            rest
        }
        _ => body,
    }
}

/// Drops the headline repeated among the opening paragraphs after other matter (a kicker line,
/// a standfirst), with a short label (the kicker) right before it; the text stays.
fn drop_repeated_headline(paragraphs: &mut Vec<&str>, headlines: &[String]) {
    let opening = paragraphs.len().min(MAX_LEADING_META);
    let Some(at) = paragraphs[..opening]
        .iter()
        .position(|p| headlines.contains(&meta::norm(p)))
    else {
        return;
    };
    if at + 1 == paragraphs.len() {
        return;
    }
    let kicker = at > 0 && is_trailing_label(paragraphs[at - 1]);
    paragraphs.remove(at);
    if kicker {
        paragraphs.remove(at - 1);
    }
}

/// Longest closing paragraph taken for a call to action.
const MAX_CLOSING_CALL_CHARS: usize = 400;

/// A call to action closing the text ("Bookmark our site and sign up for our newsletters",
/// "To post a comment, log in"): longer than the noise lines dropped anywhere in the body.
fn is_closing_call(p: &str) -> bool {
    static CALL: Lazy<Regex> = lazy_regex!(
        r"(?i)\b(?:subscribe|newsletters?|sign in|sign up|log ?in(?:to)?|create an account|follow us|bookmark|push alerts|enable javascript|failed to load|post a comment|abonnieren|abonniere)\b"
    );
    p.chars().count() <= MAX_CLOSING_CALL_CHARS && CALL.is_match(p)
}

/// A short closing paragraph without sentence punctuation: a label, tag or widget title.
fn is_trailing_label(p: &str) -> bool {
    let p = p.trim();
    p.chars().count() <= 40 && !p.ends_with(['.', '!', '?', '"', '”', '»', ')', '…'])
}

/// A paragraph that is only a byline ("Von Ann Lee und Bo Ek", "By Ann Lee, Senior Writer").
fn is_byline_paragraph(p: &str) -> bool {
    p.chars().count() <= 150 && !p.contains('\n') && byline::byline_names(p).is_some()
}

/// Whether a paragraph is the headline: one of `headlines` (as [`meta::norm`] keys), or,
/// when it does not end like a sentence, one with a kicker before it or the site's name after.
fn is_headline(p: &str, headlines: &[String]) -> bool {
    const MAX_EXTRA: usize = 60;
    let key = meta::norm(p);
    let sentence = p.trim_end().ends_with('.');
    headlines.iter().any(|h| {
        key == *h
            || (!sentence
                && key.chars().count() <= h.chars().count() + MAX_EXTRA
                && (key.ends_with(h.as_str()) || key.starts_with(h.as_str())))
    })
}

/// A short paragraph that is the headline, a byline or a dateline, not prose.
fn is_leading_meta(p: &str, headlines: &[String]) -> bool {
    let p = meta::squash(p);
    if p.is_empty() || is_headline(&p, headlines) {
        return true;
    }
    let chars = p.chars().count();
    if chars > 140 {
        return false;
    }
    let lower = p.to_lowercase();
    let labelled = [
        "by ",
        "par ",
        "von ",
        "por ",
        "published",
        "updated",
        "posted",
        "last modified",
    ]
    .iter()
    .any(|w| lower.starts_with(w));
    let dated = chars <= 60 && crate::date::parse_date_text(&p).is_some();
    labelled || dated
}

/// Whether an "author" is really the outlet: equal to a site name, or starting with it.
fn names_the_site(author: &str, site_names: &[String]) -> bool {
    let a = author.to_lowercase();
    site_names.iter().any(|s| {
        let s = s.trim().to_lowercase();
        let bare = s.strip_prefix("the ").unwrap_or(&s);
        !bare.is_empty()
            && (a == s
                || a == bare
                || a.starts_with(&format!("{bare} "))
                || (a.len() >= 4 && s.contains(&a)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page with `head` in its `<head>`, `above` before the `<article>`, and two paragraphs
    /// of story prose in the article.
    fn story_page(head: &str, above: &str) -> String {
        let text =
            "The text of the story, with commas, clauses and more words, goes on. ".repeat(3);
        format!(
            "<html><head>{head}</head><body>{above}<article><p>{text}</p><p>{text}</p></article>\
             </body></html>"
        )
    }

    #[test]
    fn recognises_the_outlet_posing_as_author() {
        let sites = vec!["The Guardian".to_string(), "MDR".to_string()];
        for (author, is_site) in [
            ("Guardian", true),
            ("The Guardian", true),
            ("Mdr Thüringen", true),
            ("Ann Lee", false),
            ("Mdrick Jones", false),
        ] {
            assert_eq!(names_the_site(author, &sites), is_site, "{author}");
        }
    }

    #[test]
    fn an_author_named_like_the_host_is_the_outlet() {
        let page = |author: &str, url: &str| {
            format!(
                r#"<html><head><meta name="author" content="{author}">
                <link rel="canonical" href="{url}"></head><body><h1>Rain</h1>
                <p>Rain fell on the town all day and the river rose by a metre before dusk.</p>
                </body></html>"#
            )
        };
        for (author, url, kept) in [
            ("ACME", "https://weekly.acme.co.jp/1", false),
            ("Team Blog", "https://team-blog.example.com/1", false),
            ("Ann Lee", "https://weekly.acme.co.jp/1", true),
        ] {
            let authors = extract(&page(author, url)).authors;
            assert_eq!(!authors.is_empty(), kept, "{author} {url}: {authors:?}");
        }
    }

    #[test]
    fn an_author_named_like_the_publisher_defers_to_the_marked_up_byline() {
        let page = |byline: &str| {
            format!(
                r#"<html><head><meta name="author" content="Ediciones Example">
                <meta name="DC.publisher" content="Ediciones Example"></head><body><h1>Rain</h1>
                <div class="share">Print | Share</div><div class="firma">{byline}</div>
                <p>Rain fell on the town all day and the river rose by a metre before dusk.</p>
                </body></html>"#
            )
        };
        let marked = r#"<a rel="author" href="/autor/ann-lee/">Ann Lee</a> / <a rel="author" href="/autor/bo-ek/">Bo Ek</a>"#;
        assert_eq!(extract(&page(marked)).authors, vec!["Ann Lee", "Bo Ek"]);
        // Without a marked-up byline nothing names the writer.
        assert!(extract(&page("Madrid")).authors.is_empty());
    }

    #[test]
    fn json_ld_naming_only_the_editor_leaves_the_byline_to_the_page() {
        let page = r#"<html><head><script type="application/ld+json">
            {"@type": "NewsArticle", "headline": "Rain", "author": {"@type": "Person", "name": "Bo Ek"}}
            </script></head><body><h1>Rain</h1><p class="byline">By Ann Lee</p>
            <p>Rain fell on the town all day and the river rose by a metre before dusk.</p>
            <p>Editor: <a href="/p/bo-ek">Bo Ek</a></p></body></html>"#;
        assert_eq!(extract(page).authors, vec!["Ann Lee"]);
        let signed = page.replace("Editor: ", "Text: ");
        assert_eq!(extract(&signed).authors, vec!["Bo Ek"]);
    }

    #[test]
    fn a_caption_that_is_a_byline_does_not_lead_the_body() {
        let text = "The text of the story, with commas, clauses and more words, goes on. ";
        let page = |credit: &str| {
            format!(
                "<html><body><article><figure><img src=a.jpg><figcaption>{credit}</figcaption></figure><p>{}</p><p>{}</p>\
                 </article></body></html>",
                text.repeat(3),
                text.repeat(3)
            )
        };
        let body = extract(&page("By Ann Lee, March 3, 2024")).body;
        assert!(body.starts_with("The text"), "{body:?}");
        let body = extract(&page("Boats in the harbour at dawn.")).body;
        assert!(body.starts_with("Boats in the harbour"), "{body:?}");
    }

    #[test]
    fn adds_the_visible_lead_above_the_content() {
        let lead = "A summary of the story that the page shows above the text, in bold.";
        let page = |shown: bool| {
            let above = if shown {
                format!("<p>{lead}</p>")
            } else {
                String::new()
            };
            story_page(
                &format!("<meta name=description content=\"{lead}\">"),
                &format!("<header>{above}</header>"),
            )
        };
        assert!(extract(&page(true)).body.starts_with(lead));
        assert!(!extract(&page(false)).body.contains("summary of the story"));
        // A description that only repeats the headline the page shows is no lead.
        let headline = "The harbour town counts the cost of the longest storm in memory";
        let page = story_page(
            &format!("<title>{headline}</title><meta name=description content=\"{headline}\">"),
            &format!("<header><h1>{headline}</h1></header>"),
        );
        let body = extract(&page).body;
        assert!(body.starts_with("The text"), "{body:?}");
    }

    #[test]
    fn takes_the_shown_standfirst_a_cut_or_suffixed_summary_repeats() {
        let lead = "A summary of the story that the page shows above the text, in bold, \
                    and that goes on for a second clause.";
        let page = |metas: &str| story_page(metas, &format!("<header><p>{lead}</p></header>"));
        for metas in [
            // Cut short, with the site's name after it, or only under the last key.
            "<meta name=description content=\"A summary of the story that the page shows above \
             the text, in bold, and that goes on for a se\">"
                .to_string(),
            format!("<meta property=og:description content=\"{lead} - Example News\">"),
            format!(
                "<meta property=og:description content=\"Another blurb written for sharing, which \
                 the page itself never shows anywhere.\">\
                 <meta name=twitter:description content=\"{lead}\">"
            ),
        ] {
            let body = extract(&page(&metas)).body;
            assert!(body.starts_with(lead), "{metas}: {body:?}");
        }
        // A summary that shares only its opening words with a paragraph is another text.
        let body = extract(&page(
            "<meta name=description content=\"A summary of the story that the page shows above \
             the text, in bold, and that goes on for a second clause. It then tells the whole \
             story again in other words, at twice the length of anything the page shows.\">",
        ))
        .body;
        assert!(!body.contains("summary of the story"), "{body:?}");
    }

    #[test]
    fn takes_a_shown_standfirst_broken_into_lines() {
        let lead = "A summary of the story that the page shows above the text, set in short lines \
                    that the page breaks by hand.";
        let shown = "<p>A summary of the story<br>that the page shows above the text,<br>set in \
                     short lines that the<br>page breaks by hand.</p>";
        let page = story_page(
            &format!("<meta name=description content=\"{lead}\">"),
            &format!("<header>{shown}</header>"),
        );
        let body = extract(&page).body;
        assert!(body.starts_with(lead), "{body:?}");
    }

    #[test]
    fn takes_the_standfirst_set_under_the_headline() {
        let page = |under: &str| {
            story_page(
                "",
                &format!("<header><h1>Rain floods the old town square</h1>{under}</header>"),
            )
        };
        let dek = "The river rose two metres overnight, and the square, its cafés and the \
                   market hall were under water by dawn.";
        let body = extract(&page(&format!("<p>{dek}</p>"))).body;
        assert!(body.starts_with(dek), "{body:?}");
        // A short line, a line that does not end like a sentence, a link or another element
        // under the headline is no standfirst.
        for under in [
            "<p>By Ann Lee, May 3</p>".to_string(),
            format!("<p>{}</p>", dek.trim_end_matches('.')),
            format!("<p><a href=/other>{dek}</a></p>"),
            format!("<div>{dek}</div>"),
        ] {
            let body = extract(&page(&under)).body;
            assert!(body.starts_with("The text"), "{under}: {body:?}");
        }
    }

    #[test]
    fn a_summary_shown_in_a_link_or_promotion_is_no_lead() {
        let lead = "A summary of the story that the page shows above the text, in bold.";
        for shown in [
            format!("<a href=/story>{lead}</a>"),
            format!("<div class=top-stories-promo><p>{lead}</p></div>"),
        ] {
            let page = story_page(
                &format!("<meta name=description content=\"{lead}\">"),
                &format!("<header>{shown}</header>"),
            );
            let body = extract(&page).body;
            assert!(!body.contains("summary of the story"), "{body:?}");
        }
    }

    #[test]
    fn drops_the_headline_set_as_the_first_line_of_the_opening_block() {
        let text = "The text of the story, with commas, clauses and more words, goes on.";
        let headlines = vec![meta::norm("Rain floods the old town square")];
        let body = format!("Rain floods the old town square\n{text}\n\n{text}");
        let got = trim_leading_meta(&body, &headlines);
        assert_eq!(got, format!("{text}\n\n{text}"));
        // A line that only starts like the headline stays.
        let body = format!("Rain floods the old town square, again\n{text}");
        assert_eq!(trim_leading_meta(&body, &headlines), body);
    }

    #[test]
    fn drops_a_closing_call_to_action_of_a_few_sentences() {
        let text = "The text of the story, with commas, clauses and more words, goes on.";
        let call = "To post a comment, log in with your account and then add your comment below. \
                    Your comments are subject to our terms of service and to the privacy policy \
                    and terms of the network you use. If you would rather not comment with an \
                    account, please consider writing a letter to the editor of this newspaper instead.";
        assert!(call.chars().count() > 300);
        let body = format!("{text}\n\n{text}\n\n{call}");
        assert_eq!(trim_leading_meta(&body, &[]), format!("{text}\n\n{text}"));
        let long = format!("{call} {call}");
        let body = format!("{text}\n\n{long}");
        assert_eq!(trim_leading_meta(&body, &[]), body);
    }

    #[test]
    fn puts_the_lead_caption_before_the_trimmed_text() {
        let text = "The text of the story, with commas, clauses and more words, goes on. ";
        let page = format!(
            "<html><head><title>Storm hits the coast today</title></head><body><article>\
             <h2>Storm hits the coast today</h2><figure><img src=a.jpg>\
             <figcaption>Waves on the pier.</figcaption></figure><p>{}</p><p>{}</p>\
             </article></body></html>",
            text.repeat(3),
            text.repeat(3)
        );
        let body = extract(&page).body;
        assert!(
            body.starts_with("Waves on the pier.\n\nThe text"),
            "{body:?}"
        );
    }

    #[test]
    fn drops_headline_byline_and_dateline_before_the_text() {
        for (body, title, expected) in [
            (
                "Big News Today\n\nBy Ann Lee\n\nMarch 3, 2024\n\nThe text starts here.",
                Some("Big News Today"),
                "The text starts here.",
            ),
            (
                "Kicker Big News Today\n\nThe text starts here.",
                Some("Big News Today"),
                "The text starts here.",
            ),
            (
                "Big News Today | Example Site\n\nThe text starts here.",
                Some("Big News Today"),
                "The text starts here.",
            ),
            (
                "Big news today in the city, as rain fell.\n\nThe text goes on.",
                Some("Big News Today"),
                "Big news today in the city, as rain fell.\n\nThe text goes on.",
            ),
            (
                "A standfirst that sums the story up.\n\nVon Ann Lee und Bo Ek\n\nThe text.",
                None,
                "A standfirst that sums the story up.\n\nThe text.",
            ),
            ("Published: 11/18/2011 2:27 AM\n\nText.", None, "Text."),
            (
                "December 28, 2014: Markets opened lower on Monday as neither side could gin up support.",
                None,
                "December 28, 2014: Markets opened lower on Monday as neither side could gin up support.",
            ),
            ("By Ann Lee", None, "By Ann Lee"),
            (
                "An interview in two parts, first published in print.\n\nBig News Today\n\nThe text starts here.",
                Some("Big News Today"),
                "An interview in two parts, first published in print.\n\nThe text starts here.",
            ),
            (
                "A caption of the picture.\n\nWeather\n\nBig News Today\n\nThe text starts here.",
                Some("Big News Today"),
                "A caption of the picture.\n\nThe text starts here.",
            ),
            (
                "One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nBig News Today\n\nSix.",
                Some("Big News Today"),
                "One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nBig News Today\n\nSix.",
            ),
            ("Text one.\n\nTags\n\nSee more", None, "Text one."),
            (
                "Text one.\n\nOur site is the place for news. Please bookmark it and sign up for our newsletters here.\n\nShare",
                None,
                "Text one.",
            ),
            (
                "Text one.\n\nShe said she would log in to her account on Monday, and did.\n\nText two.",
                None,
                "Text one.\n\nShe said she would log in to her account on Monday, and did.\n\nText two.",
            ),
            ("Only\n\nlabels", None, "Only\n\nlabels"),
        ] {
            let keys: Vec<String> = title.map(meta::norm).into_iter().collect();
            assert_eq!(trim_leading_meta(body, &keys), expected, "{body:?}");
        }
    }
}

//! HTML metadata: JSON-LD, OpenGraph / `article:*` / Dublin Core / Parse.ly `<meta>` tags,
//! microdata (`itemprop`), `<time>`, `rel=author`, byline elements and URL date patterns.
//!
//! Each field is read from the most specific place first (JSON-LD of the article, then meta
//! tags, then markup in the page), and names and titles are cleaned here.

use std::collections::HashMap;

use lazy_regex::{Lazy, lazy_regex};
use regex::Regex;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::byline::{clean_author_names, clean_field_author_names, is_wire_agency, strip_asides};
use crate::date::{PublishedDate, SlashOrder, parse_date_text, parse_date_text_in};

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

/// What a page's JSON-LD says about its article.
#[derive(Debug, Default)]
pub struct LinkedData {
    pub headline: Option<String>,
    /// `name`, which some pages fill with the headline and `headline` with a description.
    pub name: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    /// `dateCreated`: when the stated publication date is missing everywhere else.
    pub created: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// `articleBody`, the full text some sites give only here.
    pub body: Option<String>,
}

/// `@type` values that describe the article itself.
fn is_article_type(t: &str) -> bool {
    t.ends_with("Article")
        || matches!(
            t,
            "BlogPosting" | "LiveBlogPosting" | "Report" | "SocialMediaPosting" | "Posting"
        )
}

fn types_of(obj: &serde_json::Map<String, Value>) -> Vec<&str> {
    match obj.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    }
}

/// A JSON-LD date: a string, or a Unix timestamp in seconds or milliseconds.
fn date_of(v: Option<&Value>) -> Option<String> {
    if let Some(n) = v.and_then(Value::as_f64) {
        let secs = if n > 1e11 { n / 1000.0 } else { n };
        return PublishedDate::from_timestamp(secs as i64).map(|d| d.to_string());
    }
    str_of(v)
}

fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| str_of(Some(x))),
        Value::Object(o) => str_of(o.get("name")).or_else(|| str_of(o.get("@id"))),
        _ => None,
    }
}

/// Text with its character references decoded (`&ouml;` → `ö`, `&#8217;` → `’`): JSON-LD is
/// often filled from HTML-escaped strings. Tags in the string are dropped too.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') && !s.contains('<') {
        return s.to_string();
    }
    let frag = Html::parse_fragment(s);
    squash(&frag.root_element().text().collect::<String>())
}

/// Matches a character reference left in text that was escaped twice (`&amp;#8217;` read as
/// `&#8217;`, `&amp;rsquo;` as `&rsquo;`).
static LEFTOVER_ENTITY: Lazy<Regex> =
    lazy_regex!(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z]{2,8}[0-9]?);");

/// Text with the character references of a second escaping decoded (metadata some sites escape
/// twice: "Mayor&#8217;s plan" → "Mayor’s plan"); other text as it is.
fn decode_leftover_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('&') && LEFTOVER_ENTITY.is_match(s) {
        std::borrow::Cow::Owned(decode_entities(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Person names in a JSON-LD `author` value (string, object or array); organisations skipped.
fn ld_authors(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) if !s.contains("://") => {
            out.extend(clean_field_author_names(&decode_entities(s)))
        }
        Value::Array(a) => a.iter().for_each(|x| ld_authors(x, out)),
        Value::Object(o) => {
            if types_of(o)
                .iter()
                .any(|t| *t == "Organization" || *t == "NewsMediaOrganization")
                && !str_of(o.get("name")).is_some_and(|n| is_wire_agency(&n))
            {
                return;
            }
            if is_site_account(o) {
                return;
            }
            if let Some(name) = o.get("name") {
                match name {
                    Value::String(s) => out.extend(clean_field_author_names(&decode_entities(s))),
                    Value::Array(a) => a.iter().for_each(|x| ld_authors(x, out)),
                    _ => {}
                }
            } else if let (Some(given), Some(family)) =
                (str_of(o.get("givenName")), str_of(o.get("familyName")))
            {
                // A `Person` given only by its parts (schema.org `givenName`/`familyName`).
                let full = format!("{given} {family}");
                out.extend(clean_field_author_names(&decode_entities(&full)));
            }
        }
        _ => {}
    }
}

/// Whether a JSON-LD author is the site's administrator account (a CMS's `/author/admin/`
/// profile), which publishes whatever nobody signed.
fn is_site_account(o: &serde_json::Map<String, Value>) -> bool {
    ["@id", "url"].iter().any(|k| {
        o.get(*k)
            .and_then(Value::as_str)
            .is_some_and(is_admin_profile)
    })
}

/// Whether a link goes to the profile of a CMS's administrator account (`/author/admin/`).
fn is_admin_profile(url: &str) -> bool {
    let u = url.trim_end_matches('/').to_ascii_lowercase();
    u.ends_with("/author/admin") || u.ends_with("/authors/admin")
}

/// Whether an element is a link to an administrator account's profile (see
/// [`is_admin_profile`]).
fn links_admin_profile(e: ElementRef) -> bool {
    e.value().attr("href").is_some_and(is_admin_profile)
}

/// Parses JSON-LD scripts, tolerating raw control characters inside strings.
fn parse_ld(raw: &str) -> Option<Value> {
    let mut raw = raw.trim();
    // Some pages wrap the JSON in CDATA or comment markers.
    for (open, close) in [
        ("<![CDATA[", "]]>"),
        ("//<![CDATA[", "//]]>"),
        ("<!--", "-->"),
    ] {
        raw = raw.strip_prefix(open).unwrap_or(raw).trim();
        raw = raw.strip_suffix(close).unwrap_or(raw).trim();
    }
    let raw = raw.trim_end_matches(';');
    serde_json::from_str(raw).ok().or_else(|| {
        let cleaned: String = raw
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&cleaned).ok()
    })
}

/// Reads all JSON-LD blocks; the first article-typed object wins, other objects fill gaps.
pub fn linked_data(doc: &Html) -> LinkedData {
    let mut article: Option<LinkedData> = None;
    let mut fallback = LinkedData::default();
    for script in doc.select(&sel("script[type=\"application/ld+json\"]")) {
        let raw: String = script.text().collect();
        let Some(value) = parse_ld(&raw) else {
            continue;
        };
        let mut stack = vec![&value];
        let mut visited = 0;
        while let Some(v) = stack.pop() {
            visited += 1;
            if visited > 5_000 {
                break;
            }
            match v {
                Value::Array(a) => stack.extend(a.iter().rev()),
                Value::Object(o) => {
                    let is_article = types_of(o).iter().any(|t| is_article_type(t));
                    if is_article && article.is_none() {
                        article = Some(read_ld_object(o));
                    } else if !is_article && fallback.published.is_none() {
                        fallback.published = date_of(o.get("datePublished"));
                    }
                    if let Some(g) = o.get("@graph") {
                        stack.push(g);
                    }
                    if !is_article && let Some(m) = o.get("mainEntity") {
                        stack.push(m);
                    }
                }
                _ => {}
            }
        }
    }
    match article {
        Some(mut a) => {
            if a.published.is_none() {
                a.published = fallback.published;
            }
            a
        }
        None => fallback,
    }
}

fn read_ld_object(o: &serde_json::Map<String, Value>) -> LinkedData {
    let mut authors = Vec::new();
    if let Some(a) = o.get("author").or_else(|| o.get("creator")) {
        ld_authors(a, &mut authors);
    }
    dedup_names(&mut authors);
    LinkedData {
        headline: str_of(o.get("headline"))
            .or_else(|| str_of(o.get("name")))
            .map(|h| decode_entities(&h)),
        name: str_of(o.get("name")).map(|h| decode_entities(&h)),
        authors,
        published: date_of(o.get("datePublished")),
        created: date_of(o.get("dateCreated")),
        publisher: o
            .get("publisher")
            .and_then(|p| match p {
                Value::Object(po) => str_of(po.get("name")),
                Value::Array(a) => a
                    .iter()
                    .find_map(|x| x.as_object().and_then(|po| str_of(po.get("name")))),
                _ => None,
            })
            .map(|p| decode_entities(&p)),
        body: str_of(o.get("articleBody")),
        url: str_of(o.get("url"))
            .filter(|u| u.starts_with("http"))
            .or_else(|| str_of(o.get("mainEntityOfPage")).filter(|u| u.starts_with("http"))),
    }
}

pub fn dedup_names(names: &mut Vec<String>) {
    let mut seen: Vec<String> = Vec::new();
    names.retain(|n| {
        let key = n.to_lowercase();
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
}

/// All `<meta>` contents keyed by lowercased `property`, `name` and `itemprop`.
pub struct MetaTags(HashMap<String, Vec<String>>);

impl MetaTags {
    pub fn read(doc: &Html) -> Self {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for m in doc.select(&sel("meta[content], meta[value]")) {
            let el = m.value();
            let value = el.attr("content").or_else(|| el.attr("value"));
            let Some(content) = value.map(str::trim).filter(|c| !c.is_empty()) else {
                continue;
            };
            // RDFa allows several space-separated properties on one tag.
            for key in ["property", "name", "itemprop"] {
                for k in el.attr(key).into_iter().flat_map(str::split_whitespace) {
                    map.entry(k.to_ascii_lowercase())
                        .or_default()
                        .push(content.to_string());
                }
            }
        }
        Self(map)
    }

    /// The first non-empty value among the given keys, in order.
    pub fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|k| self.0.get(*k).and_then(|v| v.first()).cloned())
    }

    /// Keys that contain one of `words`, sorted.
    pub fn keys_containing(&self, words: &[&str]) -> Vec<String> {
        let mut keys: Vec<String> = self
            .0
            .keys()
            .filter(|k| words.iter().any(|w| k.contains(w)))
            .cloned()
            .collect();
        keys.sort();
        keys
    }

    /// Keys that name an author (`x:author`, `article_authors`, `author_name`), sorted.
    pub fn keys_named_author(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .0
            .keys()
            .filter(|k| {
                ["author", "authors", "author_name", "authorname"]
                    .iter()
                    .any(|s| k.ends_with(s))
            })
            .cloned()
            .collect();
        keys.sort();
        keys
    }

    /// All values of one key.
    pub fn all(&self, key: &str) -> &[String] {
        self.0.get(key).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Collapses whitespace and trims.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn element_text(e: ElementRef) -> String {
    squash(&e.text().collect::<String>())
}

/// Separators between a headline and the site name in `<title>` and og:title.
const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / ", " • ", " ｜ ", "｜", "：",
];

/// Lowercase letters and digits only: the key two spellings of one headline share.
pub fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A text's words as [`norm`] keys, leaving out those with no letter or digit.
fn norm_words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(norm)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Removes a leading or trailing segment that names the site (`Headline | Site`).
pub fn strip_site_name(title: &str, site_names: &[String]) -> String {
    let title = squash(title);
    let sites: Vec<String> = site_names
        .iter()
        .map(|s| norm(s))
        .filter(|s| !s.is_empty())
        .collect();
    for sep in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let t = norm(tail);
            if sites
                .iter()
                .any(|s| t == *s || (t.len() >= 4 && (s.contains(&t) || t.contains(s.as_str()))))
            {
                return strip_site_name(head, site_names);
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            let h = norm(head);
            if sites.contains(&h) {
                return tail.trim().to_string();
            }
        }
    }
    // The site's name glued on with a bare separator ("Headline:Site", "Headline_Site").
    for site in site_names
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
    {
        let Some(head) = title
            .len()
            .checked_sub(site.len())
            .and_then(|cut| title.get(..cut))
            .filter(|head| title[head.len()..].eq_ignore_ascii_case(site))
        else {
            continue;
        };
        let bare = head.trim_end();
        if bare.ends_with(GLUE_SEPARATORS) {
            let bare = bare.trim_end_matches(GLUE_SEPARATORS).trim_end();
            if norm(bare).chars().count() >= 4 {
                return bare.to_string();
            }
        }
    }
    title
}

/// Characters that join a site name to a headline without spaces around them. Korean titles
/// draw the bar with the lone vowel letter ㅣ, which no Korean word spells alone (its words
/// are written in precomposed syllables).
const GLUE_SEPARATORS: &[char] = &[
    ':', '|', '-', '_', '–', '—', '｜', '：', '/', '·', '•', '»', 'ㅣ',
];

/// Removes a short trailing segment after a strong separator (`Long headline here | Outlet`)
/// when no site name is known.
fn strip_short_suffix(title: &str) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " » "] {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && tail.split_whitespace().count() <= 3
            && head.split_whitespace().count() >= 4
        {
            return head.trim().to_string();
        }
    }
    title.to_string()
}

/// Most words in a site's name; a longer "site name" is a headline in the wrong field.
const MAX_SITE_NAME_WORDS: usize = 6;

/// The headline: JSON-LD/OpenGraph/`<title>` cleaned of the site name, or the `<h1>` they contain.
pub fn title(
    doc: &Html,
    meta: &MetaTags,
    ld: &LinkedData,
    site_names: &[String],
) -> Option<String> {
    // Some pages fill a site-name field (`application-name`) with the headline itself.
    let site_names: Vec<String> = site_names
        .iter()
        .filter(|s| s.split_whitespace().count() <= MAX_SITE_NAME_WORDS)
        .cloned()
        .collect();
    let site_names = site_names.as_slice();
    let h1s: Vec<String> = doc
        .select(&sel("h1"))
        .take(5)
        .map(element_text)
        .filter(|t| t.chars().count() >= 6 && t.len() < 400 && !is_masthead(t, site_names))
        .collect();
    // The article's JSON-LD headline is the publisher's stated headline; the heading may add a
    // kicker, lose punctuation or be a teaser. The heading wins only when the headline is it
    // plus a tail the site-name list misses ("Headline - Section | Site").
    // Given a `headline` and a different `name`, the one the page's heading repeats is the
    // headline, else the one sharing more words with `<title>`: the other is a description.
    let page_title = doc.select(&sel("title")).next().map(element_text);
    let ld_headline = match (ld.headline.as_deref(), ld.name.as_deref()) {
        (Some(h), Some(n)) if norm(h) != norm(n) => {
            let shown = |x: &str| h1s.first().is_some_and(|h1| resembles(h1, x));
            let in_title = |x: &str| page_title.as_deref().map_or(0, |t| shared_words(x, t));
            // Both like the heading: the one it repeats word for word.
            let same = |x: &str| h1s.first().is_some_and(|h1| norm(h1) == norm(x));
            let name_wins = match (shown(h), shown(n)) {
                (false, true) => true,
                (false, false) => in_title(n) > in_title(h),
                (true, true) => same(n) && !same(h),
                (true, false) => false,
            };
            Some(if name_wins { n } else { h })
        }
        (h, _) => h,
    };
    if let Some(m) = ld_headline
        .map(|m| strip_site_name(m, site_names))
        .filter(|m| !m.is_empty() && !is_masthead(m, site_names))
    {
        if let Some(h1) = h1s.iter().find(|h| has_extra_tail(&m, h)) {
            return Some(h1.clone());
        }
        // The headline with a kicker ("Topic: Headline") defers to a social title that is the
        // headline alone, as a heading with a kicker does below.
        if let Some(bare) = ["og:title", "twitter:title"]
            .iter()
            .filter_map(|k| meta.first(&[k]))
            .map(|t| strip_site_name(&decode_leftover_entities(&t), site_names))
            .find(|t| kicker_of(&m, t, &[':']).is_some())
        {
            return Some(bare);
        }
        // A headline cut short ("Mayor opens the new…") defers to a heading or social title
        // that spells it out.
        if cut_short(&m).is_some() {
            let social = ["og:title", "twitter:title"]
                .iter()
                .filter_map(|k| meta.first(&[k]))
                .map(|t| strip_site_name(&decode_leftover_entities(&t), site_names));
            let others: Vec<String> = h1s.iter().cloned().chain(social).collect();
            return Some(spelled_out(&m, &others).unwrap_or(m));
        }
        return Some(m);
    }
    let candidates: Vec<String> = [
        // The Dublin Core title is the document's catalogued title, set for this page alone
        // (the order Readability uses too); the social titles may be reworded teasers.
        meta.first(&["dc:title", "dcterms:title", "dc.title", "dcterms.title"]),
        meta.first(&["og:title"]),
        meta.first(&[
            "twitter:title",
            "headline",
            "sailthru.title",
            "parsely-title",
        ]),
        doc.select(&sel("title")).next().map(element_text),
    ]
    .into_iter()
    .flatten()
    .map(|t| squash(&decode_leftover_entities(&t)))
    .filter(|t| !t.is_empty())
    .collect();
    // The metadata titles written by the page (not `<title>`, the last candidate when present).
    let has_title_element = doc
        .select(&sel("title"))
        .next()
        .is_some_and(|t| !element_text(t).is_empty());
    let metadata_titles = &candidates[..candidates.len() - usize::from(has_title_element)];
    if let Some((h1, c)) = h1s.iter().find_map(|h1| {
        candidates
            .iter()
            .find(|c| resembles(h1, c))
            .map(|c| (h1, c))
    }) {
        // A heading that only adds or lacks a kicker ("Topic: ") defers to the metadata title.
        let meta_title = strip_site_name(c, site_names);
        if kicker_of(h1, &meta_title, &[':', '-', '–', '—', ' ']).is_some()
            || kicker_of(&meta_title, h1, &[':']).is_some()
            || ends_with_site_name(h1, &meta_title, site_names, page_title.as_deref())
            // The heading is the title with more run on: a button inside it ("Add to …") or
            // a standfirst set in the same element.
            || (norm(h1).starts_with(&norm(&meta_title))
                && norm(h1).len() > norm(&meta_title).len()
                && norm(&meta_title).len() >= 20
                // ... unless the metadata title is the one cut short.
                && cut_short(&meta_title).is_none())
        {
            return Some(meta_title);
        }
        // The same words with other punctuation or spacing: the metadata spells them as typed,
        // the rendered heading may lose the spaces and colons between its inline elements.
        // Typographic quotes alone are no reason to prefer either.
        if let Some(same) = metadata_titles
            .iter()
            .map(|m| strip_site_name(m, site_names))
            .find(|m| norm(m) == norm(h1) && fold_quotes(m) != fold_quotes(h1))
        {
            return Some(same);
        }
        return Some(h1.clone());
    }
    let first = candidates
        .first()
        .cloned()
        .or_else(|| h1s.first().cloned())?;
    let stripped = strip_site_name(&first, site_names);
    let stripped = if stripped == first && site_names.is_empty() {
        strip_short_suffix(&first)
    } else {
        stripped
    };
    let stripped = if cut_short(&stripped).is_some() {
        let others: Vec<String> = (h1s.iter().chain(candidates.iter().skip(1)))
            .map(|t| strip_site_name(t, site_names))
            .collect();
        spelled_out(&stripped, &others).unwrap_or(stripped)
    } else {
        stripped
    };
    // A page title that is one word is a section's name ("Work - Party"); a heading of
    // several words that mentions it is the headline.
    if stripped.split_whitespace().count() == 1
        && let Some(h1) = h1s
            .iter()
            .find(|h| h.split_whitespace().count() >= 3 && norm(h).contains(&norm(&stripped)))
    {
        return Some(h1.clone());
    }
    Some(stripped)
}

/// The words before a closing ellipsis ("Mayor opens the new…" → "Mayor opens the new"):
/// a title cut to a length limit.
fn cut_short(title: &str) -> Option<&str> {
    let t = title.trim_end();
    t.strip_suffix('…').or_else(|| t.strip_suffix("..."))
}

/// Shortest opening (letters and digits) of a cut-short title that another source must repeat.
const MIN_CUT_TITLE_CHARS: usize = 10;

/// For a title cut short, another source that opens with the same words and goes on.
fn spelled_out(title: &str, others: &[String]) -> Option<String> {
    let stem = norm(cut_short(title)?);
    if stem.chars().count() < MIN_CUT_TITLE_CHARS {
        return None;
    }
    others
        .iter()
        .find(|o| {
            let n = norm(o);
            n.len() > stem.len() && n.starts_with(&stem)
        })
        .cloned()
}

/// Whether a heading is `title` with the site's name run on after it ("HeadlineSite Name"):
/// a site name, or the last segment of `<title>`.
fn ends_with_site_name(
    heading: &str,
    title: &str,
    site_names: &[String],
    page_title: Option<&str>,
) -> bool {
    let Some(tail) = norm(heading).strip_prefix(&norm(title)).map(str::to_string) else {
        return false;
    };
    let last_segment = page_title.and_then(|t| {
        TITLE_SEPARATORS
            .iter()
            .filter_map(|sep| t.rsplit_once(sep).map(|(_, last)| norm(last)))
            .min_by_key(String::len)
    });
    !tail.is_empty()
        && (site_names.iter().any(|s| norm(s) == tail) || last_segment.is_some_and(|l| l == tail))
}

/// Whether `long` is `short` followed by a separator and a short tail (a section or site
/// name): "Headline - National | Site" for the heading "Headline".
fn has_extra_tail(long: &str, short: &str) -> bool {
    let s = norm(short);
    !s.is_empty()
        && norm(long).len() > s.len()
        && TITLE_SEPARATORS.iter().any(|sep| {
            long.split_once(sep)
                .is_some_and(|(head, tail)| norm(head) == s && tail.split_whitespace().count() <= 6)
        })
}

/// The kicker when `long` is `short` preceded by a short label ending in one of `separators`
/// ("Topic: Headline").
fn kicker_of<'a>(long: &'a str, short: &str, separators: &[char]) -> Option<&'a str> {
    let (long, short) = (long.trim(), short.trim());
    if short.is_empty() || long.len() <= short.len() {
        return None;
    }
    let split = long.len() - short.len();
    let (head, tail) = (long.get(..split)?, long.get(split..)?);
    if !tail.eq_ignore_ascii_case(short) {
        return None;
    }
    let kicker = head.trim_end();
    let label = kicker.trim_end_matches(separators).trim();
    // A space alone separates only a short kicker set in its own element ("Premier League").
    let separated = kicker.ends_with(separators)
        || (separators.contains(&' ')
            && head.ends_with(char::is_whitespace)
            && label.split_whitespace().count() <= 3);
    (separated && !label.is_empty() && label.chars().count() <= 60).then_some(label)
}

/// Text with typographic quotes and apostrophes written as ASCII ones.
fn fold_quotes(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '‘' | '’' | '‚' | '′' => '\'',
            '“' | '”' | '„' | '″' => '"',
            _ => c,
        })
        .collect()
}

/// Whether a heading is the site's name or logo ("Example News", "EXAMPLE Example Logo"), not
/// the headline.
fn is_masthead(heading: &str, site_names: &[String]) -> bool {
    let h = norm(heading);
    site_names
        .iter()
        .map(|s| norm(s))
        .any(|s| !s.is_empty() && (h == s || (h.starts_with(&s) && h.ends_with("logo"))))
}

/// How many distinct words (as [`norm`] keys) two texts share.
fn shared_words(a: &str, b: &str) -> usize {
    let b = norm_words(b);
    let mut seen: Vec<String> = Vec::new();
    for w in norm_words(a) {
        if b.contains(&w) && !seen.contains(&w) {
            seen.push(w);
        }
    }
    seen.len()
}

/// Whether a heading is (mostly) the same headline as a metadata title.
fn resembles(h1: &str, candidate: &str) -> bool {
    let (h, c) = (norm(h1), norm(candidate));
    if h.is_empty() {
        return false;
    }
    if (c.contains(&h) && h.len() * 2 >= c.len()) || (h.contains(&c) && c.len() * 2 >= h.len()) {
        return true;
    }
    // Scripts written without spaces between words: the same long opening with another
    // ending (a heading that is wholly the title's opening is a part, as above).
    let prefix = h.chars().zip(c.chars()).take_while(|(a, b)| a == b).count();
    let heading = h.chars().count();
    if prefix >= 10 && prefix < heading && prefix * 5 >= heading * 3 {
        return true;
    }
    let words = norm_words(h1);
    let cand = norm_words(candidate);
    let shared = words.iter().filter(|w| cand.contains(w)).count();
    words.len() >= 3 && shared * 2 >= words.len()
}

/// Meta keys that carry the author, in order of trust.
const AUTHOR_KEYS: &[&str] = &[
    // Dublin Core names the document's creator; `author` is often set site-wide (the order
    // Readability uses too).
    "dc.creator",
    "dc:creator",
    "dcterms.creator",
    "author",
    "article:author",
    "article:author_name",
    "byl",
    "parsely-author",
    "sailthru.author",
    "citation_author",
    "og:article:author",
    "cxenseparse:author",
];

/// Authors from meta tags, microdata, `rel=author` and byline elements, in that order. Meta
/// tags that only name the outlet (`is_outlet`) defer to a "By …" line on the page.
pub fn authors(doc: &Html, meta: &MetaTags, is_outlet: &dyn Fn(&str) -> bool) -> Vec<String> {
    // The copyright holder named as author is the publisher, set site-wide.
    let copyright = meta
        .first(&["copyright", "dc.rights"])
        .unwrap_or_default()
        .to_lowercase();
    // Then other keys that say author (`article_author`, `og:author`, `content_author`).
    let other_keys = meta.keys_named_author();
    let keys = AUTHOR_KEYS.iter().copied().chain(
        other_keys
            .iter()
            .map(String::as_str)
            .filter(|k| !AUTHOR_KEYS.contains(k)),
    );
    // Metadata that names only the outlet leaves the byline to the page's marked-up credits.
    let mut outlet_credited = false;
    for key in keys {
        let values: Vec<&String> = meta
            .all(key)
            .iter()
            .filter(|v| !is_link(v) && !v.starts_with('@'))
            .collect();
        let names: Vec<String> = values
            .iter()
            .flat_map(|v| clean_field_author_names(&decode_leftover_entities(v)))
            .filter(|n| !copyright.contains(&n.to_lowercase()))
            .collect();
        // The outlet's name can split into pieces that name nothing ("Mac & i" → "Mac").
        let outlet = values.iter().all(|v| is_outlet(v)) || names.iter().all(|n| is_outlet(n));
        if outlet && !names.is_empty() {
            let written = written_byline(doc, is_outlet);
            if !written.is_empty() {
                return written;
            }
            outlet_credited = true;
            continue;
        }
        if !names.is_empty() {
            // One tag can carry a key twice (`name="author" itemprop="author"`).
            let mut names = names;
            dedup_names(&mut names);
            return names;
        }
    }
    let mut names = Vec::new();
    // Only the first byline's entries: later ones credit teasers of other articles.
    let mut byline = None;
    for e in doc
        .select(&sel("[itemprop~=author], [itemprop~=creator]"))
        .take(10)
    {
        if e.value().name() == "meta" || in_picture_caption(e) {
            continue;
        }
        if *byline.get_or_insert(byline_container(e)) != byline_container(e) {
            continue;
        }
        let inner = e.select(&sel("[itemprop=name]")).next();
        let raw = match inner {
            Some(n) => n
                .value()
                .attr("content")
                .map(str::to_string)
                .unwrap_or_else(|| element_text(n)),
            None => e
                .value()
                .attr("content")
                .map(str::to_string)
                .unwrap_or_else(|| element_text(e)),
        };
        if raw.len() < 200 {
            names.extend(clean_author_names(&raw));
        }
    }
    if names.is_empty() {
        // Only the first byline's links (same container two levels up): later ones credit
        // teasers of other articles.
        let mut byline = None;
        for e in doc.select(&sel("a[rel~=author]")).take(10) {
            if *byline.get_or_insert(byline_container(e)) != byline_container(e)
                || links_admin_profile(e)
            {
                continue;
            }
            let raw = element_text(e);
            if raw.len() < 100 {
                names.extend(linked_names(e, &raw));
            }
        }
    }
    if outlet_credited {
        names.retain(|n| !is_outlet(n));
        dedup_names(&mut names);
        return names;
    }
    // Else the first of these readers of the page's own credits, in order, that names someone.
    let finders: [fn(&Html) -> Vec<String>; 5] = [
        stated_byline,
        byline_elements,
        author_page_links,
        bold_name_paragraph,
        name_beside_dateline,
    ];
    for find in finders {
        if !names.is_empty() {
            break;
        }
        names = find(doc);
    }
    dedup_names(&mut names);
    names
}

/// Most elements after the headline searched for a name set beside the dateline.
const DATELINE_ROW_ELEMENTS: usize = 60;

/// The byline of a row under the headline that sets a lone name beside the date
/// (`<span>Ann Lee |</span><span>05.04.2025</span>`): an element whose whole text is one full
/// name, a trailing separator aside, and whose next element opens with a date.
fn name_beside_dateline(doc: &Html) -> Vec<String> {
    let Some(h1) = doc.select(&sel("h1")).next() else {
        return Vec::new();
    };
    let after = h1
        .next_siblings()
        .chain(h1.ancestors().flat_map(|a| a.next_siblings()))
        .flat_map(|n| n.descendants())
        .filter_map(ElementRef::wrap)
        .take(DATELINE_ROW_ELEMENTS);
    for e in after {
        if e.value().name() == "p" && short_text(e, MIN_PROSE_CHARS).is_none() {
            break;
        }
        if e.children().any(|c| c.value().is_element()) {
            continue;
        }
        let Some(text) = short_text(e, 60) else {
            continue;
        };
        let bare = text.trim_end_matches(['|', '-', '–', '—', '·', '•', ',', '/', ' ']);
        let names = clean_author_names(bare);
        let [name] = names.as_slice() else {
            continue;
        };
        if norm(name) != norm(bare) || !looks_like_full_name(name) {
            continue;
        }
        let dated = e
            .next_siblings()
            .find_map(ElementRef::wrap)
            .and_then(|next| short_text(next, 80))
            .is_some_and(|t| opens_with_date(&t));
        if dated {
            return names;
        }
    }
    Vec::new()
}

/// Whether a line's first segment (before a `|`, `•` or spaced dash) is a date ("05.04.2025 -
/// Updated: 06.04.2025", "March 3, 2024 | 10:05").
fn opens_with_date(line: &str) -> bool {
    let head = line.split(['|', '•']).next().unwrap_or(line);
    let head = head.split(" - ").next().unwrap_or(head).trim();
    head.chars().count() <= 40 && parse_date_text(head).is_some()
}

/// Whether an author field holds a link (a profile URL) rather than a name; a name followed
/// by its home page in parentheses ("Ann Lee (https://example.com/ann)") is a name.
fn is_link(value: &str) -> bool {
    strip_asides(value).contains("://")
}

/// Most names the page's marked-up bylines may add to the metadata's authors.
const MAX_MARKED_UP_NAMES: usize = 4;

/// The page's marked-up bylines (`rel=author`, `itemprop=author`) above the article's text,
/// without the outlet (`is_outlet`), when they name all of `authors` and more: metadata often
/// credits only the first writer.
pub fn with_marked_up_bylines(
    doc: &Html,
    authors: Vec<String>,
    is_outlet: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    if authors.is_empty() {
        return authors;
    }
    let mut shown: Vec<String> = Vec::new();
    for node in doc.root_element().descendants().take(50_000) {
        let Some(e) = ElementRef::wrap(node) else {
            continue;
        };
        let v = e.value();
        // The article's text has begun.
        if v.name() == "p" && short_text(e, MIN_PROSE_CHARS).is_none() {
            break;
        }
        let marked = v
            .attr("rel")
            .is_some_and(|r| r.split_whitespace().any(|r| r == "author"))
            || v.attr("itemprop")
                .is_some_and(|r| r.split_whitespace().any(|r| r == "author"));
        if !marked || v.name() == "meta" || v.name() == "link" || in_comments(e) {
            continue;
        }
        let Some(text) = short_text(e, 100) else {
            continue;
        };
        shown.extend(clean_author_names(&text));
        if shown.len() > MAX_MARKED_UP_NAMES {
            return authors;
        }
    }
    dedup_names(&mut shown);
    shown.retain(|s| !is_outlet(s));
    let covered = authors
        .iter()
        .all(|a| shown.iter().any(|s| same_person(a, s)));
    if covered && shown.len() > authors.len() && shown.iter().all(|s| looks_like_full_name(s)) {
        shown
    } else {
        authors
    }
}

/// Most bytes of a page's text searched for where it names the authors.
const CREDIT_TEXT_BYTES: usize = 300_000;

/// The authors without those the page only credits for other work: a name the metadata gives
/// whose every appearance in the page's text follows an editor's, photographer's or
/// translator's label ("Editor: Ann Lee", "Photographed by <span>Bo Ek</span>"). Names the
/// text never shows are kept.
pub fn without_other_roles(doc: &Html, authors: Vec<String>) -> Vec<String> {
    if authors.is_empty() {
        return authors;
    }
    // Per name: shown at all, and shown without such a label.
    let mut seen = vec![false; authors.len()];
    let mut unlabelled = vec![false; authors.len()];
    let mut previous = "";
    let mut len = 0;
    for node in doc.root_element().descendants() {
        if len > CREDIT_TEXT_BYTES || unlabelled.iter().all(|&u| u) {
            break;
        }
        let Some(t) = node.value().as_text() else {
            continue;
        };
        let in_script = node
            .parent()
            .and_then(ElementRef::wrap)
            .is_some_and(|p| matches!(p.value().name(), "script" | "style" | "noscript"));
        if in_script || t.trim().is_empty() {
            continue;
        }
        len += t.len();
        for (k, name) in authors.iter().enumerate() {
            for (i, _) in t.match_indices(name.as_str()) {
                seen[k] = true;
                // The text just before the name: in its own text node, else the node before.
                let before = t[..i].trim();
                let before = if before.is_empty() { previous } else { before };
                if !super::byline::ends_with_other_role(before) {
                    unlabelled[k] = true;
                }
            }
        }
        previous = t.trim();
    }
    authors
        .into_iter()
        .enumerate()
        .filter(|(k, _)| !seen[*k] || unlabelled[*k])
        .map(|(_, name)| name)
        .collect()
}

/// Whether two spellings name the same person: the same words, ignoring case and punctuation.
fn same_person(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        let mut w = norm_words(s);
        w.sort();
        w
    };
    words(a) == words(b)
}

/// The element two levels up, which holds all the names of one byline.
fn byline_container(e: ElementRef) -> Option<ego_tree::NodeId> {
    e.parent().and_then(|p| p.parent()).map(|p| p.id())
}

/// Labels set before the author's name in a page's info box ("Author: Ann Lee",
/// `<b>Autorin/Autor</b> Ann Lee`), longest first.
const AUTHOR_LABELS: &[&str] = &[
    "autorin/autor",
    "autor/autorin",
    "author/s",
    "autorinnen",
    "autorin",
    "autoren",
    "authors",
    "author",
    "auteurs",
    "auteur",
    "autore",
    "autor",
];

/// "By" labels that name the writing ("Text by Ann Lee | Photography by Bo Ek").
const CREDIT_LABELS: &[&str] = &[
    "written by",
    "words by",
    "text by",
    "story by",
    "reporting by",
];

/// Whether a text starts like a byline: "By", "Written by", "Author", or "Von"/"von" before a
/// capitalised name.
fn starts_like_byline(t: &str) -> bool {
    // Opens with the label, in any ASCII case but with a capital first letter.
    let opens_with = |l: &&str| {
        t.get(..l.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(l))
            && t.starts_with(char::is_uppercase)
    };
    if t.starts_with("By")
        || t.starts_with("BY")
        || CREDIT_LABELS
            .iter()
            .any(|l| opens_with(l) && t[l.len()..].chars().next().is_none_or(char::is_whitespace))
        || t.starts_with("Von ")
        || t.starts_with("Von:")
        || t.trim() == "von"
    {
        return true;
    }
    if AUTHOR_LABELS.iter().any(opens_with) {
        return true;
    }
    t.strip_prefix("von ")
        .and_then(|rest| rest.trim_start().chars().next())
        .is_some_and(char::is_uppercase)
}

/// Whether a text starts like a byline in lower case: a lone "by" or "by" before a capitalised
/// name ("by Ann Lee, Staff Writer | May 3"). Prose runs on with it too ("… written <i>by</i>
/// Ann Lee"), so it is read only between the headline and the article's text.
fn starts_like_lowercase_byline(t: &str) -> bool {
    t.trim() == "by"
        || t.strip_prefix("by ")
            .and_then(|rest| rest.trim_start().chars().next())
            .is_some_and(char::is_uppercase)
}

/// The byline the page writes out: a "By …" line (see [`stated_byline`]) without the outlet
/// (`is_outlet`), else a paragraph of bold names in the text (see [`bold_name_paragraph`]).
pub fn written_byline(doc: &Html, is_outlet: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut names = stated_byline(doc);
    names.retain(|n| !is_outlet(n));
    if names.is_empty() {
        bold_name_paragraph(doc)
    } else {
        names
    }
}

/// Shortest paragraph taken for the article's text when looking for the block it sits in.
const MIN_PROSE_CHARS: usize = 150;

/// Most paragraphs before the first long one that may hold a byline (a standfirst may come
/// first).
const OPENING_PARAGRAPHS: usize = 4;

/// The names in a paragraph that is only bold names ("**Ann Lee/Bo Ek**"), among the short
/// paragraphs that open the article's block of text or as its last paragraph: bylines some
/// sites set in the text itself.
fn bold_name_paragraph(doc: &Html) -> Vec<String> {
    // The text's block holds several long paragraphs; a standfirst above it stands alone.
    let parent_of = |p: &ElementRef| p.parent().map(|n| n.id());
    let paragraph = sel("p");
    let mut long = doc
        .select(&paragraph)
        .take(2_000)
        .filter(|p| short_text(*p, MIN_PROSE_CHARS).is_none());
    let Some(first) = long.next() else {
        return Vec::new();
    };
    let mut previous = first;
    let first_long = long
        .find_map(|p| {
            let pair = parent_of(&p) == parent_of(&previous);
            let start = previous;
            previous = p;
            pair.then_some(start)
        })
        .unwrap_or(first);
    let Some(block) = first_long.parent().and_then(ElementRef::wrap) else {
        return Vec::new();
    };
    let paragraphs: Vec<ElementRef> = block
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "p" && !element_text(*e).is_empty())
        .collect();
    let opening = paragraphs
        .iter()
        .take_while(|p| p.id() != first_long.id())
        .take(OPENING_PARAGRAPHS);
    opening
        .chain(paragraphs.last())
        .find_map(|p| bold_names(*p))
        .unwrap_or_default()
}

/// The names a paragraph gives when its whole text is bold and is one to three full names.
fn bold_names(p: ElementRef) -> Option<Vec<String>> {
    let text = short_text(p, 80)?;
    // A line in capitals is a section label ("PICTURE BOOKS").
    if !text.chars().any(char::is_lowercase) {
        return None;
    }
    let bold: Vec<String> = p.select(&sel("strong, b")).map(element_text).collect();
    if norm(&bold.join(" ")) != norm(&text) {
        return None;
    }
    let names = clean_author_names(&text);
    // The names are the whole text, bar separators ("and", "/").
    let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
    let named: usize = names.iter().map(|n| letters(n)).sum();
    (!names.is_empty()
        && named * 10 >= letters(&text) * 8
        && names.len() <= 3
        && names
            .iter()
            .all(|n| n.split_whitespace().count() >= 2 && looks_like_full_name(n)))
    .then_some(names)
}

/// The names of the first element whose whole text is a short "By A and B" byline, preferring
/// one after the first `<h1>`: "By …" links above the headline are menus ("By Topic").
pub fn stated_byline(doc: &Html) -> Vec<String> {
    let h1 = doc.select(&sel("h1")).next().map(|h| h.id());
    let mut past_h1 = h1.is_none();
    let mut before_h1 = None;
    // Past the headline and before the first paragraph of prose: the article's header.
    let mut in_header = false;
    for node in doc.root_element().descendants().take(50_000) {
        if Some(node.id()) == h1 {
            past_h1 = true;
            in_header = true;
        }
        if in_header
            && let Some(p) = ElementRef::wrap(node)
            && p.value().name() == "p"
            && short_text(p, MIN_PROSE_CHARS).is_none()
        {
            in_header = false;
        }
        let Some(t) = node.value().as_text() else {
            continue;
        };
        let t = t.trim_start();
        let lowercase = in_header && starts_like_lowercase_byline(t);
        if !(starts_like_byline(t) || lowercase) || in_teaser_link(node) || in_sponsored_link(node)
        {
            continue;
        }
        let Some(names) = byline_at(node, lowercase) else {
            continue;
        };
        if past_h1 {
            return names;
        }
        before_h1.get_or_insert(names);
    }
    before_h1.unwrap_or_default()
}

/// Whether a text sits in a link that wraps a whole teaser of another article (its heading
/// or summary as well as its byline).
fn in_teaser_link(node: ego_tree::NodeRef<scraper::Node>) -> bool {
    node.ancestors()
        .take(8)
        .filter_map(ElementRef::wrap)
        .find(|a| a.value().name() == "a")
        .is_some_and(|a| {
            a.select(&sel("h1, h2, h3, h4, h5, h6")).next().is_some()
                || short_text(a, MIN_PROSE_CHARS).is_none()
        })
}

/// Whether a text sits in a link marked as paid or unendorsed (`rel=nofollow`, `sponsored`):
/// "By Widgetco" under a box of partner links credits the widget, not the article.
fn in_sponsored_link(node: ego_tree::NodeRef<scraper::Node>) -> bool {
    node.ancestors()
        .take(4)
        .filter_map(ElementRef::wrap)
        .find(|a| a.value().name() == "a")
        .and_then(|a| a.value().attr("rel"))
        .is_some_and(|rel| {
            rel.split_whitespace()
                .any(|r| r.eq_ignore_ascii_case("nofollow") || r.eq_ignore_ascii_case("sponsored"))
        })
}

/// The names of the byline a text node that starts like one opens: its element's or, when
/// that is a lone "By" label, the element above's.
fn byline_at(node: ego_tree::NodeRef<scraper::Node>, lowercase: bool) -> Option<Vec<String>> {
    let parent = node.parent().and_then(ElementRef::wrap)?;
    for e in [Some(parent), parent.parent().and_then(ElementRef::wrap)]
        .into_iter()
        .flatten()
    {
        // Lines broken by `<br>` are separate credits ("By Ann Lee<br>Example.com<br>Contact").
        let line = (e == parent).then(|| line_with(parent, node)).flatten();
        let text = match line {
            Some(line) if line.len() <= 120 => line,
            Some(_) => return None,
            None => short_text(e, 120)?,
        };
        // A byline that only links the site's administrator account credits nobody.
        let links: Vec<ElementRef> = e.select(&sel("a")).collect();
        if !links.is_empty() && links.iter().all(|a| links_admin_profile(*a)) {
            return None;
        }
        // A lone "By" or "Author" label: the names are in the next element up.
        let label = text.trim_end_matches([':', ' ']);
        if label.eq_ignore_ascii_case("by")
            || label.eq_ignore_ascii_case("von")
            || CREDIT_LABELS.iter().any(|l| label.eq_ignore_ascii_case(l))
            || AUTHOR_LABELS.iter().any(|l| label.eq_ignore_ascii_case(l))
        {
            continue;
        }
        // German "von" is also a preposition: "von Montag, den 1. Mai bis …".
        let preposition =
            text.to_lowercase().starts_with("von ") && text.chars().any(|c| c.is_ascii_digit());
        let opens = starts_like_byline(&text) || (lowercase && starts_like_lowercase_byline(&text));
        if !(opens && text.contains(' ')) || preposition {
            return None;
        }
        if let Some(names) = super::byline::byline_names(&text)
            && names.len() <= 5
        {
            return Some(names);
        }
    }
    None
}

/// The text of the `<br>`-separated line of `parent` that holds its child `node`, or `None`
/// when `parent` has no `<br>` child.
fn line_with(parent: ElementRef, node: ego_tree::NodeRef<scraper::Node>) -> Option<String> {
    let mut line = String::new();
    let mut found = false;
    let mut broken = false;
    for child in parent.children() {
        if let Some(el) = ElementRef::wrap(child)
            && el.value().name() == "br"
        {
            broken = true;
            if found {
                break;
            }
            line.clear();
            continue;
        }
        found |= child.id() == node.id();
        match ElementRef::wrap(child) {
            Some(el) => el.text().for_each(|t| {
                line.push(' ');
                line.push_str(t);
            }),
            None => {
                if let Some(t) = child.value().as_text() {
                    line.push(' ');
                    line.push_str(t);
                }
            }
        }
        if line.len() > 2_000 {
            return None;
        }
    }
    broken.then(|| squash(&line))
}

/// Most words in the text of a link to an author's page ("Ann Lee, Senior Writer"); longer
/// texts are teasers ("Click here for more on …").
const MAX_LINKED_NAME_WORDS: usize = 6;

/// Links to an author page (`/author/…`, `/profile/…`): the first one and its siblings.
fn author_page_links(doc: &Html) -> Vec<String> {
    static AUTHOR_HREF: Lazy<Regex> = lazy_regex!(
        r"(?i)/(?:authors?|profiles?|staff|contributors?|editors|writers?|journalists?|autor|autoren|auteur)/[^/?#]+/?$"
    );
    let links = sel("a[href]");
    // The first such link with text, in a short block: a link in running text or in a
    // reference list names the subject of a page, and a picture link has no name.
    let Some(first) = doc.select(&links).take(3_000).find(|a| {
        a.value()
            .attr("href")
            .is_some_and(|h| AUTHOR_HREF.is_match(h) && !is_admin_profile(h))
            && (1..=MAX_LINKED_NAME_WORDS).contains(&element_text(*a).split_whitespace().count())
            && a.parent()
                .and_then(ElementRef::wrap)
                .is_some_and(|p| short_text(p, 120).is_some())
    }) else {
        return Vec::new();
    };
    let parent = first.parent().and_then(ElementRef::wrap).unwrap_or(first);
    let mut names = Vec::new();
    for a in parent.select(&links).take(6) {
        if a.value()
            .attr("href")
            .is_some_and(|h| AUTHOR_HREF.is_match(h) && !is_admin_profile(h))
        {
            let text = element_text(a);
            if text.len() < 60 {
                names.extend(linked_names(a, &text));
            }
        }
    }
    names
}

/// The names a link to an author's page gives: its text cleaned, else the account name it
/// shows when that is the page's address (`<a href="/author/doumae">doumae</a>`).
fn linked_names(a: ElementRef, text: &str) -> Vec<String> {
    let names = clean_author_names(text);
    if !names.is_empty() {
        return names;
    }
    a.value()
        .attr("href")
        .and_then(|href| super::byline::profile_handle(text, href))
        .into_iter()
        .collect()
}

/// An element's spaced text when it is at most `max` bytes long (stops reading early).
fn short_text(e: ElementRef, max: usize) -> Option<String> {
    let mut parts = Vec::new();
    let mut len = 0;
    for t in e.text() {
        // Indentation does not count: templates pad short bylines with hundreds of tabs.
        len += t.trim().len();
        if len > max * 4 {
            return None;
        }
        parts.push(t);
    }
    let text = squash(&parts.join(" "));
    (text.len() <= max).then_some(text)
}

/// Class or id of an element that holds the byline.
static BYLINE_CLASS: Lazy<Regex> =
    lazy_regex!(r"(?i)byline|\bauthor|author-?name|writer|reporter|contributor");

static NOT_BYLINE_CLASS: Lazy<Regex> =
    lazy_regex!(r"(?i)bio|avatar|image|img|photo|comment|related|about|description|social|follow");

/// Most elements of a page read when looking for one by its class or id.
const MAX_ELEMENTS_SCANNED: usize = 20_000;

/// The first [`MAX_ELEMENTS_SCANNED`] elements of a page, in document order.
fn first_elements(doc: &Html) -> impl Iterator<Item = ElementRef<'_>> {
    doc.root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .take(MAX_ELEMENTS_SCANNED)
}

/// An element's class and id attributes, joined by a space, for matching class words.
fn class_and_id(el: &scraper::node::Element) -> String {
    format!(
        "{} {}",
        el.attr("class").unwrap_or(""),
        el.attr("id").unwrap_or("")
    )
}

/// Names in the first elements whose class/id says byline or author.
fn byline_elements(doc: &Html) -> Vec<String> {
    for e in first_elements(doc) {
        let el = e.value();
        let ci = class_and_id(el);
        if !BYLINE_CLASS.is_match(&ci)
            || NOT_BYLINE_CLASS.is_match(&ci)
            || in_comments(e)
            || in_pull_quote(e)
        {
            continue;
        }
        let Some(text) = short_text(e, 150).filter(|t| !t.is_empty()) else {
            continue;
        };
        if in_teaser_link(*e) {
            continue;
        }
        // A "By …" line reads as one ("By <a>A</a> in <a>Section</a>"); otherwise linked names
        // are the cleanest source, then the text minus role words.
        let mut names = super::byline::byline_names(&text).unwrap_or_default();
        // A byline that only links the site's administrator account credits nobody.
        let links: Vec<ElementRef> = e.select(&sel("a")).collect();
        if !links.is_empty() && links.iter().all(|a| links_admin_profile(*a)) {
            continue;
        }
        if names.is_empty() {
            names = e
                .select(&sel("a"))
                .map(element_text)
                .filter(|t| t.len() < 60)
                .flat_map(|t| clean_author_names(&t))
                .collect();
        }
        if names.is_empty() {
            names = clean_author_names(&text);
        }
        if names.is_empty() {
            names = names_in_separate_elements(e);
        }
        if !names.is_empty() && names.len() <= 5 {
            names.extend(sibling_credits(e));
            return names;
        }
    }
    Vec::new()
}

/// The names in the elements after `e` under the same parent with `e`'s class, each one full
/// name (`<span class="author">Ann Lee</span> <span class="author">Bo Ek</span>`).
fn sibling_credits(e: ElementRef) -> Vec<String> {
    let Some(class) = e.value().attr("class").filter(|c| !c.trim().is_empty()) else {
        return Vec::new();
    };
    let mut names = Vec::new();
    for sib in e
        .next_siblings()
        .filter_map(ElementRef::wrap)
        .take(MAX_MARKED_UP_NAMES * 2)
    {
        if sib.value().attr("class") != Some(class) {
            continue;
        }
        match short_text(sib, 60)
            .map(|t| clean_author_names(&t))
            .as_deref()
        {
            Some([name]) if looks_like_full_name(name) => names.push(name.clone()),
            _ => break,
        }
        if names.len() >= MAX_MARKED_UP_NAMES {
            break;
        }
    }
    names
}

/// Whether an element is or sits in a quotation box (`<blockquote>`, a "pull-quote"), whose
/// "author" is the person quoted.
fn in_pull_quote(e: ElementRef) -> bool {
    std::iter::once(e)
        .chain(e.ancestors().filter_map(ElementRef::wrap))
        .take(4)
        .any(|a| {
            let v = a.value();
            v.name() == "blockquote"
                || [v.attr("class"), v.attr("id")]
                    .into_iter()
                    .flatten()
                    .any(|c| c.to_ascii_lowercase().contains("quote"))
        })
}

/// Whether an element sits in a picture's caption (`<figcaption>`), whose `author` markup
/// credits the photographer ("Photograph by Ann Lee, Example Pictures").
fn in_picture_caption(e: ElementRef) -> bool {
    e.ancestors()
        .filter_map(ElementRef::wrap)
        .take(6)
        .any(|a| a.value().name() == "figcaption")
}

/// Whether an element sits in a readers' comments section, whose bylines name commenters.
fn in_comments(e: ElementRef) -> bool {
    e.ancestors()
        .filter_map(ElementRef::wrap)
        .take(12)
        .any(|a| {
            let v = a.value();
            [v.attr("class"), v.attr("id")]
                .into_iter()
                .flatten()
                .any(|c| c.to_ascii_lowercase().contains("comment"))
        })
}

/// Names each in an element of their own, with no separator between them
/// (`<span>Ann Lee</span> <span>Bo Ek</span>`): every innermost element must be one
/// full name (or no name at all: a date, a "By"), else this is a profile box or a label.
fn names_in_separate_elements(e: ElementRef) -> Vec<String> {
    let mut names = Vec::new();
    for leaf in e
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|d| !d.children().any(|c| c.value().is_element()))
        .take(10)
    {
        let text = element_text(leaf);
        if text.is_empty() {
            continue;
        }
        match clean_author_names(&text).as_slice() {
            // Dates, times and "By" labels between the names.
            [] => {}
            [name] if looks_like_full_name(name) => names.push(name.clone()),
            _ => return Vec::new(),
        }
    }
    names
}

/// Two to four words, or a short name in a script written without spaces ("谢若含").
fn looks_like_full_name(name: &str) -> bool {
    let words = name.split_whitespace().count();
    (2..=4).contains(&words) || (words == 1 && !name.is_ascii() && name.chars().count() <= 6)
}

/// Meta keys that carry the publication date, in order of trust.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article.published",
    "datepublished",
    "published_time",
    "og:published_time",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article:published",
    "citation_publication_date",
    "citation_date",
    "originalpublicationdate",
    "date",
    "dc.date",
    "dcterms.date",
    "displaydate",
    "cxenseparse:recs:publishtime",
    "article_date_original",
    "rnews:datepublished",
];

/// The publication date and where it came from (`json-ld`, `meta`, `time`, `url`, `text`).
pub fn published(
    doc: &Html,
    meta: &MetaTags,
    ld: &LinkedData,
    url: Option<&str>,
    title: Option<&str>,
) -> Option<(PublishedDate, &'static str)> {
    let order = slash_order(doc, meta);
    let parse = |t: &str| parse_date_text_in(t, order);
    if let Some(d) = ld.published.as_deref().and_then(parse) {
        return Some((d, "json-ld"));
    }
    for key in DATE_KEYS {
        if let Some(d) = meta.all(key).iter().find_map(|v| parse(v)) {
            return Some((d, "meta"));
        }
    }
    if let Some(d) = parsely_page_date(meta) {
        return Some((d, "meta"));
    }
    // The record's creation, often a UTC timestamp of an import, is below the page's
    // stated publication date.
    if let Some(d) = ld.created.as_deref().and_then(parse) {
        return Some((d, "json-ld"));
    }
    if let Some(d) = time_element(doc, true, order) {
        return Some((d, "time"));
    }
    if let Some(d) = other_meta_date(meta, order) {
        return Some((d, "meta"));
    }
    if let Some(d) = url.and_then(date_in_url) {
        return Some((d, "url"));
    }
    if let Some(d) = time_element(doc, false, order) {
        return Some((d, "time"));
    }
    // A date the page labels as published before dates that only sit in date-classed
    // elements, which may be a live ticker's entries or a teaser's.
    labelled_date(doc, PUBLISHED_LABELS, order)
        .or_else(|| date_elements(doc, order))
        .or_else(|| date_near_headline(doc, title, order))
        .or_else(|| labelled_date(doc, UPDATED_LABELS, order))
        .map(|d| (d, "text"))
}

/// The order of the page's numeric dates with slashes, from its language (`<html lang>`,
/// else `og:locale`).
fn slash_order(doc: &Html, meta: &MetaTags) -> SlashOrder {
    doc.root_element()
        .value()
        .attr("lang")
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .or_else(|| meta.first(&["og:locale"]))
        .map(|l| SlashOrder::of_language(&l))
        .unwrap_or_default()
}

/// Words that introduce a publication date in page text.
const PUBLISHED_LABELS: &[&str] = &[
    "published",
    "posted",
    "veröffentlicht",
    "publié",
    "publicado",
    "pubblicato",
    "gepubliceerd",
    "erschienen",
    "date",
    "datum",
    "fecha",
    "data",
];

/// Words that introduce an update date: the last resort when nothing gives the publication.
const UPDATED_LABELS: &[&str] = &[
    "updated",
    "last updated",
    "aktualisiert",
    "stand",
    "mis à jour",
    "actualizado",
    "aggiornato",
];

/// How many nodes are searched for a labelled date.
const LABEL_WINDOW: usize = 50_000;

/// A full date in a short text that starts with one of `labels` ("Published: 3 May 2021"),
/// or follows a label set in an element of its own (`<b>Published</b> 3 May 2021`).
fn labelled_date(doc: &Html, labels: &[&str], order: SlashOrder) -> Option<PublishedDate> {
    doc.root_element()
        .descendants()
        .take(LABEL_WINDOW)
        .find_map(|n| {
            let t = n.value().as_text()?.trim();
            if t.is_empty() || t.len() > 100 {
                return None;
            }
            date_after_label(t, labels, order).or_else(|| {
                // A lone label: the date follows it in the element around the label's.
                let label = t.trim_end_matches([':', ' ', '\u{a0}']).to_lowercase();
                if !labels.contains(&label.as_str()) {
                    return None;
                }
                let parent = n.parent().and_then(ElementRef::wrap)?;
                [Some(parent), parent.parent().and_then(ElementRef::wrap)]
                    .into_iter()
                    .flatten()
                    .map_while(|e| short_text(e, 100))
                    .find_map(|text| date_after_label(&text, labels, order))
            })
        })
}

/// The full date in `text` after one of `labels` it starts with, or one that opens a later
/// part of it after a bar or a dot ("Updated: May 5, 2024 | Published: May 3, 2024").
fn date_after_label(text: &str, labels: &[&str], order: SlashOrder) -> Option<PublishedDate> {
    date_after_opening_label(text, labels, order).or_else(|| {
        text.split(['|', '·', '•'])
            .skip(1)
            .find_map(|part| date_after_opening_label(part.trim(), labels, order))
    })
}

/// The full date in `text` after one of `labels` it starts with.
fn date_after_opening_label(
    text: &str,
    labels: &[&str],
    order: SlashOrder,
) -> Option<PublishedDate> {
    let lower = text.to_lowercase();
    let rest = labels.iter().find_map(|l| {
        let rest = lower.strip_prefix(l)?;
        rest.starts_with([' ', ':', '\u{a0}']).then_some(rest)
    })?;
    let rest = rest.trim_start_matches([' ', ':', '\u{a0}']);
    let rest = rest.strip_prefix("on ").unwrap_or(rest);
    parse_date_text_in(rest, order).filter(|d| d.day.is_some())
}

/// How many nodes after the headline are searched for a dateline.
const DATELINE_WINDOW: usize = 400;

/// A full date written in a short text just after the first `<h1>` (a dateline under the
/// headline), skipping texts that announce an update.
fn date_near_headline(doc: &Html, title: Option<&str>, order: SlashOrder) -> Option<PublishedDate> {
    let h1 = doc.select(&sel("h1")).next().or_else(|| {
        // Without an `<h1>`, the lesser heading that holds the headline.
        let key = norm(title?);
        (key.chars().count() >= 12).then_some(())?;
        doc.select(&sel("h2, h3"))
            .take(50)
            .find(|h| norm(&element_text(*h)).contains(&key))
    })?;
    let mut node = *h1;
    let mut seen = 0;
    while seen < DATELINE_WINDOW {
        // Next node in document order after `node`'s subtree.
        node = loop {
            if let Some(next) = node.next_sibling() {
                break next;
            }
            node = node.parent()?;
        };
        for n in node.descendants() {
            seen += 1;
            if let Some(t) = n.value().as_text() {
                let t = t.trim();
                let lower = t.to_lowercase();
                if !t.is_empty()
                    && t.len() <= 100
                    && !lower.contains("updated")
                    && !lower.contains("modified")
                    && let Some(d) = parse_date_text_in(t, order).filter(|d| d.day.is_some())
                {
                    return Some(d);
                }
            }
            if seen >= DATELINE_WINDOW {
                break;
            }
        }
    }
    None
}

/// A full date in a meta tag whose name says date or publish but is none of [`DATE_KEYS`]
/// (`article_date`, `x-publish-stamp`), skipping update, expiry and event dates.
fn other_meta_date(meta: &MetaTags, order: SlashOrder) -> Option<PublishedDate> {
    const NOT_PUBLICATION: &[&str] = &[
        "modif", "updat", "expir", "revis", "edit", "event", "start", "end", "birth", "valid",
    ];
    meta.keys_containing(&["date", "publish"])
        .iter()
        .filter(|k| !NOT_PUBLICATION.iter().any(|w| k.contains(w)))
        .flat_map(|k| meta.all(k))
        .find_map(|v| parse_date_text_in(v, order).filter(|d| d.day.is_some()))
}

/// `pub_date` in the JSON of a `parsely-page` meta tag.
fn parsely_page_date(meta: &MetaTags) -> Option<PublishedDate> {
    let raw = meta.all("parsely-page").first()?;
    let v: Value = serde_json::from_str(raw).ok()?;
    parse_date_text(v.get("pub_date")?.as_str()?)
}

/// A `<time>` (or microdata) date: marked as the publication date when `strict`, else the
/// first `datetime` attribute that is not marked as a modification date.
fn time_element(doc: &Html, strict: bool, order: SlashOrder) -> Option<PublishedDate> {
    let parse = |t: &str| parse_date_text_in(t, order);
    if strict {
        let s =
            sel("[itemprop~=datePublished], time[pubdate], [property=\"article:published_time\"]");
        return doc.select(&s).find_map(|e| {
            let v = e.value();
            v.attr("datetime")
                .or_else(|| v.attr("content"))
                .and_then(parse)
                .or_else(|| parse(&element_text(e)))
        });
    }
    // Any element with a `datetime` (custom elements like `<relative-time>` too), except
    // the edit marks `<ins>` and `<del>`.
    let dated = sel("[datetime]:not(ins):not(del)");
    doc.select(&dated).take(5).find_map(|e| {
        let ci = format!(
            "{} {} {}",
            e.value().attr("class").unwrap_or(""),
            e.value().attr("itemprop").unwrap_or(""),
            e.parent()
                .and_then(ElementRef::wrap)
                .and_then(|p| p.value().attr("class"))
                .unwrap_or("")
        )
        .to_ascii_lowercase();
        if ci.contains("modif") || ci.contains("updat") {
            return None;
        }
        e.value().attr("datetime").and_then(parse)
    })
}

/// Dates in URL paths: `/2025/12/03/`, `/2025-12-03/`, `/20251203/`.
static URL_DATE: Lazy<Regex> = lazy_regex!(
    r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/._-]|$)|[/_-]((?:19|20)\d{2})(\d{2})(\d{2})[/._-]"
);

/// The date a URL path spells out, if any.
pub fn date_in_url(url: &str) -> Option<PublishedDate> {
    let c = URL_DATE.captures(url)?;
    let get = |i: usize, j: usize| -> Option<u32> {
        c.get(i).or_else(|| c.get(j))?.as_str().parse().ok()
    };
    let y = get(1, 4)? as i32;
    let m = get(2, 5)?;
    let d = get(3, 6)?;
    PublishedDate::ymd(y, m, d).filter(PublishedDate::is_plausible)
}

static DATE_CLASS: Lazy<Regex> = lazy_regex!(r"(?i)date|time|publish|posted|byline|dateline|meta");

/// A date written in a short element whose class/id says date, time or publish.
fn date_elements(doc: &Html, order: SlashOrder) -> Option<PublishedDate> {
    first_elements(doc)
        .filter(|e| {
            let ci = class_and_id(e.value());
            DATE_CLASS.is_match(&ci)
                && !ci.to_ascii_lowercase().contains("modif")
                && !ci.to_ascii_lowercase().contains("updat")
        })
        .take(30)
        .find_map(|e| {
            let t = short_text(e, 120)?;
            let t = t.to_lowercase();
            if t.contains("updated") || t.contains("modified") {
                return None;
            }
            parse_date_text_in(&t, order).filter(|d| d.day.is_some())
        })
}

/// The outlet: og:site_name, JSON-LD publisher, application-name.
pub fn source(meta: &MetaTags, ld: &LinkedData) -> Option<String> {
    meta.first(&["og:site_name"])
        .or_else(|| ld.publisher.clone())
        .or_else(|| {
            meta.first(&[
                "application-name",
                "apple-mobile-web-app-title",
                "publisher",
                "dc.publisher",
            ])
        })
        .map(|s| squash(&s))
        .filter(|s| !s.is_empty())
}

/// Second-level labels under a country code that are not the site's name (`example.co.uk`).
const SECOND_LEVEL_LABELS: &[&str] = &[
    "ac", "co", "com", "edu", "go", "gob", "gov", "ne", "net", "or", "org",
];

/// The names a URL's host gives the site, hyphens read as spaces: its first label and its
/// registrable label (`https://weekly.example.co.jp/x` → `weekly`, `example`), each only when
/// it has at least three characters.
pub fn host_names(url: &str) -> (Option<String>, Option<String>) {
    let Some((_, rest)) = url.split_once("://") else {
        return (None, None);
    };
    let host = rest.split(['/', '?', '#', ':']).next().unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let registrable = match n {
        0 | 1 => None,
        2 => Some(labels[0]),
        _ if labels[n - 1].len() == 2 && SECOND_LEVEL_LABELS.contains(&labels[n - 2]) => {
            Some(labels[n - 3])
        }
        _ => Some(labels[n - 2]),
    };
    let name = |l: &str| (l.chars().count() >= 3).then(|| l.replace('-', " ").to_lowercase());
    (
        labels.first().and_then(|l| name(l)),
        registrable.and_then(name),
    )
}

/// The canonical URL: `<link rel=canonical>`, og:url, JSON-LD url.
pub fn canonical_url(doc: &Html, meta: &MetaTags, ld: &LinkedData) -> Option<String> {
    doc.select(&sel("link[rel~=canonical]"))
        .find_map(|e| e.value().attr("href"))
        .map(|s| s.trim().to_string())
        .filter(|s| s.starts_with("http"))
        .or_else(|| {
            meta.first(&["og:url", "twitter:url"])
                .filter(|s| s.starts_with("http"))
        })
        .or_else(|| ld.url.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_and_id_joins_both_or_leaves_a_blank() {
        let doc =
            Html::parse_fragment(r#"<p class="byline x" id="top">a</p><p id="only">b</p><p>c</p>"#);
        let got: Vec<String> = first_elements(&doc)
            .filter(|e| e.value().name() == "p")
            .map(|e| class_and_id(e.value()))
            .collect();
        assert_eq!(got, vec!["byline x top", " only", " "]);
    }

    #[test]
    fn norm_words_keys_words_and_drops_bare_punctuation() {
        assert_eq!(
            norm_words("Ann-Marie  O'Neil – Jr."),
            vec!["annmarie", "oneil", "jr"]
        );
        assert!(norm_words(" — ").is_empty());
    }

    /// A paragraph of article text, long enough to be the body.
    const PROSE: &str = "The council met on Monday to discuss the plan for the new bridge, which \
                         has divided the town for years, and voted late in the evening to approve \
                         it. Work on the foundations is to begin in the spring.";

    /// The date `published` finds in a page with no URL or title to go by, and where it found it.
    fn page_published(html: &str) -> Option<(String, &'static str)> {
        let doc = Html::parse_document(html);
        published(&doc, &MetaTags::read(&doc), &linked_data(&doc), None, None)
            .map(|(d, s)| (d.to_string(), s))
    }

    /// The title `title` finds in a page, with the given site names.
    fn page_title(html: &str, site_names: &[String]) -> Option<String> {
        let doc = Html::parse_document(html);
        title(&doc, &MetaTags::read(&doc), &linked_data(&doc), site_names)
    }

    #[test]
    fn finds_labelled_dates_in_text() {
        let cases = [
            (
                "<p>Published: March 3, 2021</p>",
                PUBLISHED_LABELS,
                Some("2021-03-03"),
            ),
            (
                "<span>Posted on 2020-05-06</span>",
                PUBLISHED_LABELS,
                Some("2020-05-06"),
            ),
            (
                "<span>Updated: Dec 15, 2016 2:57 PM UTC</span>",
                UPDATED_LABELS,
                Some("2016-12-15"),
            ),
            (
                "<ul><li><strong>Datum</strong> 28.04.2023</li></ul>",
                PUBLISHED_LABELS,
                Some("2023-04-28"),
            ),
            (
                "<p><b>Date:</b></p><p>28.04.2023</p>",
                PUBLISHED_LABELS,
                None,
            ),
            (
                "<p>Updated: May 5, 2024 | Published: May 3, 2024</p>",
                PUBLISHED_LABELS,
                Some("2024-05-03"),
            ),
            (
                "<p>Ann Lee · Posted 2024-05-03</p>",
                PUBLISHED_LABELS,
                Some("2024-05-03"),
            ),
            (
                "<p>Ann Lee | News from the valley 2024-05-03</p>",
                PUBLISHED_LABELS,
                None,
            ),
            ("<p>Published in March 2021</p>", PUBLISHED_LABELS, None),
            ("<p>Publishedness 2021-03-03</p>", PUBLISHED_LABELS, None),
            (
                "<p>It was published on 2021-03-03 and then read.</p>",
                PUBLISHED_LABELS,
                None,
            ),
        ];
        for (html, labels, want) in cases {
            let doc = Html::parse_document(html);
            let got = labelled_date(&doc, labels, SlashOrder::MonthFirst).map(|d| d.to_string());
            assert_eq!(got.as_deref(), want, "{html}");
        }
    }

    #[test]
    fn a_labelled_date_beats_a_date_classed_element() {
        let page = r#"<article><h2>Update <span class="date">24.04.2023</span></h2><p>Text.</p></article>
               <aside><ul><li><b>Published</b> 28.04.2023</li></ul></aside>"#;
        assert_eq!(page_published(page), Some(("2023-04-28".into(), "text")));
    }

    #[test]
    fn reads_dates_from_other_meta_keys() {
        for (head, expected) in [
            (
                r#"<meta name="x-rare-date-tag" value="2014-11-23T15:00:00+04:00">"#,
                Some("2014-11-23"),
            ),
            (
                r#"<meta name="last-modified-date" content="2014-11-23"><meta name="event_date" content="2015-01-02">"#,
                None,
            ),
        ] {
            let got = page_published(&format!("<head>{head}</head>"));
            assert_eq!(got.map(|(d, _)| d).as_deref(), expected, "{head}");
        }
    }

    #[test]
    fn json_ld_date_created_ranks_below_the_stated_publication_date() {
        let page = |meta: &str| {
            format!(
                r#"<head>{meta}<script type="application/ld+json">{{"@type":"NewsArticle","dateCreated":"2017-02-24T01:18:13Z"}}</script></head>"#
            )
        };
        for (meta, expected) in [
            (
                r#"<meta property="article:published_time" content="2017-02-23T17:18:13-08:00">"#,
                ("2017-02-23", "meta"),
            ),
            ("", ("2017-02-24", "json-ld")),
        ] {
            assert_eq!(
                page_published(&page(meta)),
                Some((expected.0.to_string(), expected.1))
            );
        }
    }

    #[test]
    fn finds_kickers_before_headlines() {
        let cases = [
            (
                "Topic: The headline here",
                "The headline here",
                &[':'][..],
                Some("Topic"),
            ),
            (
                "Topic - The headline",
                "the headline",
                &[':', '-'][..],
                Some("Topic"),
            ),
            ("Topic - The headline", "The headline", &[':'][..], None),
            (
                "Premier League The headline",
                "The headline",
                &[':', ' '][..],
                Some("Premier League"),
            ),
            (
                "A long kicker of words The headline",
                "The headline",
                &[':', ' '][..],
                None,
            ),
            ("The headline here", "The headline here", &[':'][..], None),
            ("The headline: more", "The headline", &[':'][..], None),
            (": The headline", "The headline", &[':'][..], None),
        ];
        for (long, short, seps, want) in cases {
            assert_eq!(kicker_of(long, short, seps), want, "{long}");
        }
    }

    #[test]
    fn strips_site_names_from_titles() {
        let sites = vec!["The Daily Example".to_string()];
        for (raw, expected) in [
            ("Big News Happens | The Daily Example", "Big News Happens"),
            ("Big News Happens - The Daily Example", "Big News Happens"),
            ("The Daily Example: Big News", "The Daily Example: Big News"),
            ("Big News - Part Two", "Big News - Part Two"),
            ("Big News Happens:The Daily Example", "Big News Happens"),
            ("Big News Happens_The Daily Example", "Big News Happens"),
            ("Big News HappensㅣThe Daily Example", "Big News Happens"),
            (
                "큰 소식이 전해졌다 ㅣ The Daily Example",
                "큰 소식이 전해졌다",
            ),
            ("The Daily Example", "The Daily Example"),
        ] {
            assert_eq!(strip_site_name(raw, &sites), expected, "raw {raw:?}");
        }
    }

    #[test]
    fn finds_dates_in_urls() {
        for (url, expected) in [
            ("https://x.com/2025/12/03/story", Some("2025-12-03")),
            ("https://x.com/news/2025-12-03/story", Some("2025-12-03")),
            ("https://x.com/a/20251203/story.html", Some("2025-12-03")),
            ("https://x.com/story-12345678901", None),
            ("https://x.com/2025/13/40/story", None),
        ] {
            assert_eq!(
                date_in_url(url).map(|d| d.to_string()).as_deref(),
                expected,
                "{url}"
            );
        }
    }

    #[test]
    fn slashed_dates_in_the_text_are_read_in_the_page_language() {
        let page = |lang: &str| {
            format!(
                r#"<html lang="{lang}"><body><h1>Rain over the valley</h1>
                <p>Published: 05/04/2025</p><p>Rain fell all day.</p></body></html>"#
            )
        };
        for (lang, expected) in [("en-US", "2025-05-04"), ("fr-FR", "2025-04-05")] {
            let got = page_published(&page(lang));
            assert_eq!(got.map(|(d, _)| d).as_deref(), Some(expected), "{lang}");
        }
    }

    #[test]
    fn reads_json_ld_articles() {
        for (json, headline, authors, date) in [
            (
                r#"{"@type":"NewsArticle","headline":"H","author":{"@type":"Person","name":"Ann Lee"},"datePublished":"2025-01-02T03:04:05Z"}"#,
                "H",
                vec!["Ann Lee"],
                "2025-01-02T03:04:05Z",
            ),
            (
                r#"{"@graph":[{"@type":"WebPage"},{"@type":["Article"],"headline":"G","author":[{"name":"Al Bo"},{"@type":"Organization","name":"Org"}],"datePublished":"2024-05-06"}]}"#,
                "G",
                vec!["Al Bo"],
                "2024-05-06",
            ),
            (
                r#"<![CDATA[ {"@type":"BlogPosting","headline":"C","author":"Ann Lee","datePublished":"2023-01-01"} ]]>"#,
                "C",
                vec!["Ann Lee"],
                "2023-01-01",
            ),
            (
                r#"{"@type":"NewsArticle","headline":"A","author":[{"@id":"https://example.org/author/admin/","name":"Site D"},{"name":"Bo Ek","url":"https://example.org/author/bo-ek/"}],"datePublished":"2023-01-01"}"#,
                "A",
                vec!["Bo Ek"],
                "2023-01-01",
            ),
            (
                r#"[{"@type":"ReportageNewsArticle","headline":"R","author":"By Cy Do and Ed Fu","datePublished":"2023-01-01"}]"#,
                "R",
                vec!["Cy Do", "Ed Fu"],
                "2023-01-01",
            ),
            (
                r#"{"@type":"NewsArticle","headline":"P","author":[{"@type":"Person","givenName":"Ann Mary","familyName":"Lee"},{"@type":"Person","familyName":"Ek"}],"datePublished":"2023-01-01"}"#,
                "P",
                vec!["Ann Mary Lee"],
                "2023-01-01",
            ),
        ] {
            let html = format!("<script type=\"application/ld+json\">{json}</script>");
            let ld = linked_data(&Html::parse_document(&html));
            assert_eq!(ld.headline.as_deref(), Some(headline));
            assert_eq!(ld.authors, authors);
            assert_eq!(ld.published.as_deref(), Some(date));
        }
    }

    #[test]
    fn prefers_the_json_ld_headline_to_the_heading() {
        let page = |ld: &str, h1: &str| {
            format!(
                "<html><head><title>T</title><meta property=\"og:title\" content=\"Social teaser for the story\">\
                 <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"{ld}\"}}</script>\
                 </head><body><h1>{h1}</h1></body></html>"
            )
        };
        let sites = vec!["Example Times".to_string()];
        for (ld, h1, expected) in [
            // The stated headline over a reworded heading.
            (
                "Mayor opens the new bridge over the river",
                "Mayor opens new river bridge at last",
                "Mayor opens the new bridge over the river",
            ),
            // Escaped characters in the JSON-LD are decoded.
            (
                "Caf&eacute; owners say &quot;no&quot; to the plan",
                "Something else entirely here",
                "Café owners say \"no\" to the plan",
            ),
            // A tail the site names miss: the heading is the clean headline.
            (
                "Mayor opens the new bridge - Local News | Example Times",
                "Mayor opens the new bridge",
                "Mayor opens the new bridge",
            ),
        ] {
            assert_eq!(page_title(&page(ld, h1), &sites).as_deref(), Some(expected));
        }
    }

    #[test]
    fn drops_a_kicker_the_social_title_leaves_out() {
        let page = |og: &str| {
            format!(
                "<html><head><title>T</title><meta property=\"og:title\" content=\"{og}\">\
                 <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"Old town: Mayor opens the new bridge\"}}</script>\
                 </head><body><h1>Old town: Mayor opens the new bridge</h1></body></html>"
            )
        };
        for (og, expected) in [
            ("Mayor opens the new bridge", "Mayor opens the new bridge"),
            (
                "Mayor opens the new bridge | Example Times",
                "Mayor opens the new bridge",
            ),
            ("Mayor opens bridge", "Old town: Mayor opens the new bridge"),
        ] {
            let sites = vec!["Example Times".to_string()];
            assert_eq!(
                page_title(&page(og), &sites).as_deref(),
                Some(expected),
                "{og}"
            );
        }
    }

    #[test]
    fn picks_the_json_ld_name_or_headline_the_heading_repeats() {
        let page = |name: &str, headline: &str, h1: &str| {
            format!(
                "<html><head><title>{name} - Example</title>\
                 <script type=\"application/ld+json\">{{\"@type\":\"Article\",\"name\":\"{name}\",\"headline\":\"{headline}\"}}</script>\
                 </head><body><h1>{h1}</h1></body></html>"
            )
        };
        for (name, headline, h1, expected) in [
            // `headline` is a description of the subject named by `name`.
            (
                "Harbour bridge of the old town",
                "structure crossing the water",
                "Harbour bridge of the old town",
                "Harbour bridge of the old town",
            ),
            // Both resemble the heading: the one it repeats.
            (
                "Every outfit she wore to the premieres, ranked from least to most daring",
                "Every outfit she wore to premieres, ranked",
                "Every outfit she wore to the premieres, ranked from least to most daring",
                "Every outfit she wore to the premieres, ranked from least to most daring",
            ),
            // `name` is the SEO title, `headline` the one shown.
            (
                "Bridge closes for repairs this week",
                "Old harbour bridge shut until spring as cracks found",
                "Old harbour bridge shut until spring as cracks found",
                "Old harbour bridge shut until spring as cracks found",
            ),
        ] {
            assert_eq!(
                page_title(&page(name, headline, h1), &[]).as_deref(),
                Some(expected)
            );
        }
    }

    #[test]
    fn headings_in_unspaced_scripts_resemble_a_reworded_title() {
        assert!(resembles(
            "東京の新しい橋が今日開通した！ 渋滞も解消",
            "東京の新しい橋が今日開通した！ 交通が便利に | サイト"
        ));
        assert!(!resembles(
            "東京の新しい橋が今日",
            "東京の新しい橋が今日開通した！ 交通が便利になり渋滞も解消へ"
        ));
        assert!(!resembles(
            "東京の新しい橋が開通",
            "大阪の古い駅が閉鎖された"
        ));
    }

    #[test]
    fn a_heading_with_the_site_name_run_on_gives_way_to_the_metadata_title() {
        let page = r#"<title>Mayor opens the bridge » Local » Example Times</title>
               <meta name="twitter:title" content="Mayor opens the bridge">
               <h1>Mayor opens the bridge<span>Example Times</span></h1>"#;
        assert_eq!(
            page_title(page, &[]).as_deref(),
            Some("Mayor opens the bridge")
        );
        let page = r#"<title>Mayor opens the bridge » Example Times</title>
               <meta name="twitter:title" content="Mayor opens the bridge">
               <h1>Mayor opens the bridge today</h1>"#;
        assert_eq!(
            page_title(page, &[]).as_deref(),
            Some("Mayor opens the bridge today")
        );
    }

    #[test]
    fn titles_escaped_twice_are_decoded() {
        for (head, expected) in [
            (
                r#"<meta property="og:title" content="Mayor&amp;#8217;s plan for the bank">"#,
                "Mayor’s plan for the bank",
            ),
            (
                "<title>Mayor&amp;rsquo;s plan for the bank</title>",
                "Mayor’s plan for the bank",
            ),
            // A lone ampersand is text.
            (
                "<title>Bread &amp; roses for the bank</title>",
                "Bread & roses for the bank",
            ),
            (
                "<title>Rock & Roll; the bank</title>",
                "Rock & Roll; the bank",
            ),
        ] {
            assert_eq!(page_title(head, &[]).as_deref(), Some(expected), "{head}");
        }
    }

    #[test]
    fn the_dublin_core_title_outranks_the_social_titles() {
        let page = r#"<title>Site home</title>
               <meta property="og:title" content="You will not believe this bridge">
               <meta name="twitter:title" content="You will not believe this bridge">
               <meta name="DC.title" content="Council approves the harbour bridge plan">
               <h1>Latest news</h1>"#;
        assert_eq!(
            page_title(page, &[]).as_deref(),
            Some("Council approves the harbour bridge plan")
        );
    }

    #[test]
    fn a_title_cut_short_gives_way_to_a_source_that_spells_it_out() {
        let full = "Council approves the harbour bridge plan after a long night";
        let cut = "Council approves the harbour bridge plan after…";
        let ld = |h: &str| {
            format!(
                "<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"{h}\"}}</script>"
            )
        };
        for (page, expected) in [
            // The JSON-LD headline cut to a length limit; the heading has it whole.
            (format!("{}<h1>{full}</h1>", ld(cut)), full),
            (
                format!(
                    "{}<h1>{full}</h1>",
                    ld("Council approves the harbour bridge plan after...")
                ),
                full,
            ),
            // The social title cut short; the heading has it whole.
            (
                format!("<meta property=\"og:title\" content=\"{cut}\"><h1>{full}</h1>"),
                full,
            ),
            // No heading: `<title>` has it whole.
            (
                format!(
                    "<meta property=\"og:title\" content=\"{cut}\"><title>{full} | Example Times</title>"
                ),
                full,
            ),
            // A title that ends in an ellipsis no other source continues stays as it is.
            (
                format!(
                    "{}<h1>Council approves…</h1>",
                    ld("And then came the bridge…")
                ),
                "And then came the bridge…",
            ),
            // A short opening is no evidence.
            (
                format!("{}<h1>Council approves the plan</h1>", ld("Council…")),
                "Council…",
            ),
        ] {
            let sites = vec!["Example Times".to_string()];
            assert_eq!(
                page_title(&page, &sites).as_deref(),
                Some(expected),
                "{page}"
            );
        }
    }

    #[test]
    fn a_one_word_page_title_gives_way_to_the_heading() {
        let sites = vec!["Example Party".to_string()];
        let page =
            "<title>Work - Example Party</title><h1>We fight for good work</h1><h1>Work</h1>";
        assert_eq!(
            page_title(page, &sites).as_deref(),
            Some("We fight for good work")
        );
    }

    #[test]
    fn a_heading_with_a_button_or_standfirst_run_on_gives_way_to_the_metadata_title() {
        let page = r#"<meta property="og:title" content="Final plan for the bridge is agreed">
               <h1>Final plan for the bridge is agreed <a href="/w">Add to ...</a></h1>"#;
        assert_eq!(
            page_title(page, &[]).as_deref(),
            Some("Final plan for the bridge is agreed")
        );
    }

    #[test]
    fn a_headline_given_as_site_name_is_not_cut_from_itself() {
        let headline = "Schools try a new plan - Pupils learn faster and better";
        let sites = vec!["Example".to_string(), headline.to_string()];
        let page = format!("<title>{headline}</title><h1>{headline}</h1>");
        assert_eq!(page_title(&page, &sites).as_deref(), Some(headline));
    }

    #[test]
    fn finds_datelines_under_the_headline() {
        for (html, expected) in [
            (
                "<h1>Head line</h1><div><span>March 3, 2024</span></div><p>Text.</p>",
                Some("2024-03-03"),
            ),
            (
                "<h1>Head line</h1><p>Updated March 5, 2024</p><p>It happened on October 16.</p>",
                None,
            ),
            ("<p>March 3, 2024</p><h1>Head line</h1>", None),
            (
                "<h3><span>Kicker</span> Head line of the story</h3><div>Do 25.04.24 | 14:07 Uhr</div>",
                Some("2024-04-25"),
            ),
            ("<h3>Other heading</h3><div>March 3, 2024</div>", None),
        ] {
            let got = date_near_headline(
                &Html::parse_document(html),
                Some("Head line of the story"),
                SlashOrder::MonthFirst,
            )
            .map(|d| d.to_string());
            assert_eq!(got.as_deref(), expected, "{html}");
        }
    }

    #[test]
    fn reads_a_lone_name_beside_the_dateline() {
        let page = |row: &str| {
            format!(
                "<h1>Rain floods the valley</h1><div><span>{row}</span><span>05.04.2025 - Updated: \
                 06.04.2025</span></div><p>{}</p>",
                "Rain fell on the town all day and the river rose by a metre. ".repeat(4)
            )
        };
        let names = |html: &str| name_beside_dateline(&Html::parse_document(html));
        assert_eq!(names(&page("Ann Lee |")), vec!["Ann Lee"]);
        // Not a name, or not beside a date.
        assert!(names(&page("Weather |")).is_empty());
        assert!(names(&page("Ann Lee said so")).is_empty());
        let undated = page("Ann Lee |").replace("05.04.2025 - Updated: 06.04.2025", "Weather");
        assert!(names(&undated).is_empty());
        // After the text has begun, a name is part of it.
        let late = format!(
            "<h1>Rain</h1><p>{}</p><div><span>Ann Lee</span><span>05.04.2025</span></div>",
            "Rain fell on the town all day and the river rose by a metre. ".repeat(4)
        );
        assert!(names(&late).is_empty());
    }

    #[test]
    fn names_the_site_from_the_host() {
        for (url, first, registrable) in [
            (
                "https://weekly.acme.co.jp/x/1",
                Some("weekly"),
                Some("acme"),
            ),
            (
                "https://www.acme-news.com/a",
                Some("acme news"),
                Some("acme news"),
            ),
            (
                "https://team-blog.host.example.org/",
                Some("team blog"),
                Some("example"),
            ),
            ("https://en.acme.org/wiki/X", None, Some("acme")),
            ("not a url", None, None),
        ] {
            let (f, r) = host_names(url);
            assert_eq!((f.as_deref(), r.as_deref()), (first, registrable), "{url}");
        }
    }

    #[test]
    fn reads_space_separated_meta_properties() {
        let doc = Html::parse_document(
            r#"<head><title>Site Home</title><meta property="x:title dc:title" content="My Headline"></head>"#,
        );
        let tags = MetaTags::read(&doc);
        assert_eq!(tags.first(&["dc:title"]).as_deref(), Some("My Headline"));
        assert_eq!(tags.first(&["x:title"]).as_deref(), Some("My Headline"));
        let ld = LinkedData::default();
        assert_eq!(title(&doc, &tags, &ld, &[]).as_deref(), Some("My Headline"));
    }

    #[test]
    fn reads_datetime_attributes_of_any_element() {
        for (html, expected) in [
            (
                r#"<p>Opened <relative-time datetime="2020-07-07T12:10:51Z">Jul 7</relative-time></p>"#,
                Some("2020-07-07"),
            ),
            (
                r#"<time class="updated" datetime="2021-01-02">x</time><time datetime="2020-05-06">y</time>"#,
                Some("2020-05-06"),
            ),
            (r#"<p><ins datetime="2021-01-02">added</ins></p>"#, None),
        ] {
            let got = time_element(&Html::parse_document(html), false, SlashOrder::MonthFirst)
                .map(|d| d.to_string());
            assert_eq!(got.as_deref(), expected, "{html}");
        }
    }

    #[test]
    fn takes_the_byline_under_the_headline_before_a_menu_entry() {
        let doc = Html::parse_document(
            r#"<nav><a href="/t">By Topic Area</a></nav><h1>Headline</h1>
               <a class="x"><span>By</span> Ann Lee</a><p>Text.</p>"#,
        );
        assert_eq!(stated_byline(&doc), vec!["Ann Lee"]);
        let doc = Html::parse_document(r#"<p>By Ann Lee</p><h1>Headline</h1><p>Text.</p>"#);
        assert_eq!(stated_byline(&doc), vec!["Ann Lee"]);
        let doc = Html::parse_document(
            r#"<h1>Headline</h1><ul><li><strong>Autor</strong> Ann Lee</li></ul>"#,
        );
        assert_eq!(stated_byline(&doc), vec!["Ann Lee"]);
        // A label with a colon, names padded with template indentation.
        let doc = Html::parse_document(&format!(
            r#"<h1>Headline</h1><ul><li>Von:{pad}<span><a href="/a">Ann LEE</a>,{pad}</span>{pad}<span><a href="/b">Bo EK</a></span></li></ul>"#,
            pad = "\t".repeat(200)
        ));
        assert_eq!(stated_byline(&doc), vec!["Ann LEE", "Bo EK"]);
        // A teaser of another article, linked as a whole, brings its own byline.
        let doc = Html::parse_document(
            r#"<h1>Headline</h1><p>Text.</p><ul><li><a href="/other"><h2>Other story</h2>
               <p>Its summary.</p><h6>By Cy Dee</h6></a></li></ul>"#,
        );
        assert!(stated_byline(&doc).is_empty());
        let doc = Html::parse_document(r#"<h1>Headline</h1><a href="/ann">By Ann Lee</a>"#);
        assert_eq!(stated_byline(&doc), vec!["Ann Lee"]);
    }

    #[test]
    fn a_line_break_ends_a_byline() {
        let doc = Html::parse_document(
            r#"<h1>Rain</h1><cite><img src="a.jpg">By Ann Lee<br>Example.com<br>
               <a href="/a">Archive</a> | <a href="/c">Contact</a></cite>"#,
        );
        assert_eq!(stated_byline(&doc), vec!["Ann Lee"]);
        let doc = Html::parse_document(
            r#"<h1>Rain</h1><span>By: <a href="/a">Ann Lee</a><br>EXN Executive News Editor</span>"#,
        );
        assert_eq!(stated_byline(&doc), vec!["Ann Lee"]);
        let doc =
            Html::parse_document(r#"<h1>Rain</h1><p>Written by Ann Lee<br>Edited by Bo Ek</p>"#);
        assert_eq!(stated_byline(&doc), vec!["Ann Lee"]);
    }

    #[test]
    fn reads_written_by_and_text_by_labels() {
        let doc = Html::parse_document(
            r#"<h1>Rain</h1><div class="row"><span class="label">Written By</span>
               <span class="info"><a href="/artists/ann-lee">Ann Lee</a></span></div>"#,
        );
        assert_eq!(stated_byline(&doc), vec!["Ann Lee"]);
        let doc = Html::parse_document(
            r#"<h1>Rain</h1><div class="byline"><span><label>Text by</label>
               <span><a href="/c/ann-lee">Ann Lee</a></span> | </span><span><label>Photography
               by</label> <span><a href="/c/bo-ek">Bo Ek</a></span></span></div>"#,
        );
        assert_eq!(stated_byline(&doc), vec!["Ann Lee"]);
        // Not a label: a sentence that starts with the same words.
        let doc = Html::parse_document(r#"<h1>Rain</h1><p>Written bylines are rare.</p>"#);
        assert!(stated_byline(&doc).is_empty());
    }

    #[test]
    fn reads_a_lowercase_by_only_in_the_article_header() {
        let doc = Html::parse_document(&format!(
            r#"<h1>Headline</h1><div class="meta">by Ann Lee, Staff Writer | May 3, 2014</div>
               <p>{PROSE}</p>"#
        ));
        assert_eq!(stated_byline(&doc), vec!["Ann Lee"]);
        let doc = Html::parse_document(&format!(
            r#"<h1>Headline</h1><p><span>by</span> <a href="/a">Ann Lee</a></p><p>{PROSE}</p>"#
        ));
        assert_eq!(stated_byline(&doc), vec!["Ann Lee"]);
        // In the text or in a list of other stories after it, a lowercase "by" is prose or a
        // teaser's credit.
        let doc = Html::parse_document(&format!(
            r#"<h1>Headline</h1><p>{PROSE}</p><div class="related"><h1>Other</h1></div>
               <p class="credit">by <a href="/c">Cy Dee</a></p>"#
        ));
        assert_eq!(stated_byline(&doc), Vec::<String>::new());
        // A byline that links the site's administrator account credits nobody.
        let doc = Html::parse_document(&format!(
            r#"<h1>Headline</h1><p>by <a href="/author/admin/">Ann Lee</a></p><p>{PROSE}</p>"#
        ));
        assert!(stated_byline(&doc).is_empty());
    }

    #[test]
    fn an_outlet_in_the_stated_byline_leaves_it_to_bold_names() {
        let doc = Html::parse_document(&format!(
            r#"<h1>Headline</h1><p>By Example Times</p><p><strong>Ann Lee</strong></p><p>{PROSE}</p>"#
        ));
        let outlet = |n: &str| n == "Example Times";
        assert_eq!(written_byline(&doc, &outlet), vec!["Ann Lee"]);
        assert_eq!(written_byline(&doc, &|_| false), vec!["Example Times"]);
    }

    #[test]
    fn marked_up_bylines_add_writers_the_metadata_leaves_out() {
        let long = "The council met on Monday to discuss the plan for the new bridge, which has \
                    been delayed for years by disputes over money and over who should build it.";
        let page = |bylines: &str| {
            format!(
                "<h1>Headline</h1>{bylines}<p>{long}</p><div><a rel=\"author\" href=\"/c\">Cy Dee</a></div>"
            )
        };
        let meta = vec!["Bo Ek Holm".to_string()];
        for (bylines, expected) in [
            (
                r#"<div><address><a rel="author" href="/a">Ann Lee</a></address></div>
                   <div><address><a rel="author" href="/b">Bo Ek Holm</a></address></div>"#,
                vec!["Ann Lee", "Bo Ek Holm"],
            ),
            // Someone else: the metadata stands.
            (
                r#"<div><a rel="author" href="/a">Ann Lee</a></div>"#,
                vec!["Bo Ek Holm"],
            ),
            // The same writer only.
            (
                r#"<div><a rel="author" href="/b">Bo Ek Holm</a></div>"#,
                vec!["Bo Ek Holm"],
            ),
        ] {
            let doc = Html::parse_document(&page(bylines));
            let no_outlet = |_: &str| false;
            let got = with_marked_up_bylines(&doc, meta.clone(), &no_outlet);
            assert_eq!(got, expected, "{bylines}");
        }
    }

    #[test]
    fn reads_bold_bylines_set_in_the_text() {
        let long = "The council met on Monday to discuss the plan for the new bridge, which has \
                    been delayed for years by disputes over money and over who should build it.";
        for (html, expected) in [
            (
                format!(
                    "<div><p><em>A standfirst.</em></p><p><strong>Ann Lee/Bo Ek</strong></p><p>{long}</p><p>{long}</p></div>"
                ),
                vec!["Ann Lee", "Bo Ek"],
            ),
            (
                format!(
                    "<div><p>{long}</p><p>{long}</p><p style=\"text-align:right\"><b>Ann Lee</b></p></div>"
                ),
                vec!["Ann Lee"],
            ),
            // A long standfirst above the text's block does not hide the name closing it.
            (
                format!(
                    "<p class=\"lead\">{long}</p><div><p>{long}</p><p>{long}</p><p><b>Ann Lee</b></p></div>"
                ),
                vec!["Ann Lee"],
            ),
            // A bold label or a bold lead-in is not a byline.
            (
                format!("<div><p><b>Background</b></p><p>{long}</p></div>"),
                vec![],
            ),
            (
                format!("<div><p><b>Tour Ann and Bo Ek's seaside home</b></p><p>{long}</p></div>"),
                vec![],
            ),
            (
                format!("<div><p><b>PICTURE BOOKS</b></p><p>{long}</p></div>"),
                vec![],
            ),
            (
                format!("<div><p><b>Ann Lee</b> said on Monday that</p><p>{long}</p></div>"),
                vec![],
            ),
            (
                format!("<div><p>{long}</p><p><b>Ann Lee</b></p><p>{long}</p></div>"),
                vec![],
            ),
        ] {
            let doc = Html::parse_document(&html);
            assert_eq!(written_byline(&doc, &|_| false), expected, "{html}");
        }
    }

    #[test]
    fn drops_authors_the_page_credits_only_for_other_work() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        for (html, expected) in [
            (
                "<p>By Ann Lee</p><p>Photographed by <span>Bo Ek</span>; Photographed by Bo Ek.</p>",
                vec!["Ann Lee", "Cy Dee"],
            ),
            (
                "<div>Editor : <a href='/e'>Bo Ek</a></div><p>Text by Ann Lee.</p>",
                vec!["Ann Lee", "Cy Dee"],
            ),
            // A picture credit run on before the byline is no label of the name.
            (
                "<figure><figcaption>AP Photo</figcaption></figure><p>By Bo Ek</p>",
                vec!["Ann Lee", "Bo Ek", "Cy Dee"],
            ),
            // The name also appears unlabelled: a writer who also edits.
            (
                "<div>Editor: Bo Ek</div><p class='byline'>Bo Ek</p>",
                vec!["Ann Lee", "Bo Ek", "Cy Dee"],
            ),
            (
                "<script>var credit = 'Editor: Bo Ek';</script><p>Bo Ek</p>",
                vec!["Ann Lee", "Bo Ek", "Cy Dee"],
            ),
        ] {
            let doc = Html::parse_document(html);
            let got = without_other_roles(&doc, names(&["Ann Lee", "Bo Ek", "Cy Dee"]));
            assert_eq!(got, names(&expected), "{html}");
        }
    }

    #[test]
    fn reads_authors_from_markup() {
        for (html, expected) in [
            (
                r#"<meta name="author" content="Jane Roe">"#,
                vec!["Jane Roe"],
            ),
            // Escaped twice: the reference is decoded, not split at its ";".
            (
                r#"<meta name="author" content="Ren&amp;eacute;e Roe &amp;amp; Al Bo">"#,
                vec!["Renée Roe", "Al Bo"],
            ),
            (
                r#"<span itemprop="author"><span itemprop="name">Ann Lee</span></span>"#,
                vec!["Ann Lee"],
            ),
            (
                r#"<a rel="author" href="/a">John Doe</a>"#,
                vec!["John Doe"],
            ),
            // A blog's account name, shown as the link to its author page.
            (
                r#"<a rel="author" href="https://example.org/author/jdoe77/">jdoe77</a>"#,
                vec!["jdoe77"],
            ),
            (
                r#"<a rel="author" href="https://example.org/author/jdoe77/">read more</a>"#,
                vec![],
            ),
            (
                r#"<div class="byline">By Mary Major and Tom Minor</div>"#,
                vec!["Mary Major", "Tom Minor"],
            ),
            // Names each in a byline element of their own.
            (
                r#"<p><span class="author">Ann Lee</span> <span class="sep">and</span> <span class="author">Bo Ek</span></p>"#,
                vec!["Ann Lee", "Bo Ek"],
            ),
            (
                r#"<p><span class="author">Ann Lee</span><span class="author">Read more</span><span class="author">Bo Ek</span></p>"#,
                vec!["Ann Lee"],
            ),
            (
                r#"<div class="author">Written by <a href="/a">Ann Lee</a> in <a href="/s">Science</a></div>"#,
                vec!["Ann Lee"],
            ),
            (
                r#"<div class="article-byline"><span>Ann Lee</span> <span>Bo Ek Holm</span> <span>Cy Dee</span></div>"#,
                vec!["Ann Lee", "Bo Ek Holm", "Cy Dee"],
            ),
            (
                r#"<div><span>By</span><span>by ANN LEE and BO EK</span></div>"#,
                vec!["Ann Lee", "Bo Ek"],
            ),
            (
                r#"<p class="meta">von <a href="/autoren/name/ann-lee">Ann Lee</a></p>"#,
                vec!["Ann Lee"],
            ),
            (
                r#"<p>Rabatt <strong>von Montag, den 1. Mai bis Sonntag</strong> im Laden.</p>"#,
                vec![],
            ),
            (
                r#"<div class="comments"><ol><li><div class="byline">Cy Dee</div><p>Nice.</p></li></ol></div>"#,
                vec![],
            ),
            (
                r#"<div class="related"><a href="/x"><h3>Other story</h3><div class="author">by Cy Dee</div></a></div>"#,
                vec![],
            ),
            (
                r#"<div><span itemprop="author">Ann Lee</span></div>
                   <ul><li><div><span itemprop="author">Cy Other</span></div></li></ul>"#,
                vec!["Ann Lee"],
            ),
            // The person a pull-quote quotes is not the writer.
            (
                r#"<div class="pull-quote"><blockquote>We agree.</blockquote>
                   <div class="pull-quote__author"><span class="author">Cy Dee</span></div></div>"#,
                vec![],
            ),
            // A photographer credited in a picture's caption is not the writer.
            (
                r#"<figure><img src="a.jpg"><figcaption><p>A bridge.</p>
                   <small itemprop="author">Photograph by Cy Dee, Example Pictures</small>
                   </figcaption></figure>"#,
                vec![],
            ),
            (
                r#"<div><p><a rel="author" href="/a">Ann Lee</a> and <a rel="author" href="/b">Bo Ek</a></p></div>
                   <ul><li><div><a rel="author" href="/c">Cy Other</a></div></li></ul>"#,
                vec!["Ann Lee", "Bo Ek"],
            ),
            (
                r#"<meta name="author" content="Site Team"><meta property="dc:creator" content="Ann Lee">"#,
                vec!["Ann Lee"],
            ),
            (
                r#"<meta name="content_author" content="Ann Lee"><meta name="has_author" content="true">"#,
                vec!["Ann Lee"],
            ),
            (
                r#"<meta name="author" content="Big Media"><meta name="copyright" content="(c) Big Media 2020"><a rel="author" href="/a">John Doe</a>"#,
                vec!["John Doe"],
            ),
            // The outlet as meta author gives way to a "By" line, not to weaker hints.
            (
                r#"<meta name="author" content="EXN"><p class="meta">von <a href="/x">Dr. Ann Lee</a></p>"#,
                vec!["Dr. Ann Lee"],
            ),
            (
                r#"<meta name="author" content="EXN"><div class="author"><a href="/x">Bo Ek</a></div>"#,
                vec![],
            ),
            // A partner box's credit link is no byline.
            (
                r#"<h1>Rain</h1><div class="partners"><a href="https://ads.example.net/x">Ten odd facts</a>
                   <a rel="nofollow" href="https://widgetco.example.net/">By Widgetco</a></div>"#,
                vec![],
            ),
            (
                r#"<h1>Rain</h1><p><a href="/staff/ann-lee">By Ann Lee</a></p>"#,
                vec!["Ann Lee"],
            ),
            // The CMS's administrator account is nobody's byline.
            (
                r#"<p>by <span class="author"><a href="https://example.org/author/admin/" rel="author">Site D</a></span></p>"#,
                vec![],
            ),
            // A name with its home page is a name; a bare profile link is not.
            (
                r#"<meta name="author" content="Ann Lee (https://example.org/ann/)">"#,
                vec!["Ann Lee"],
            ),
            (
                r#"<meta name="author" content="https://example.org/ann/"><a rel="author" href="/a">Bo Ek</a>"#,
                vec!["Bo Ek"],
            ),
            (
                r#"<meta name="author" itemprop="author" content="Ann Lee, Bo Ek and Cy Dee, EXN">"#,
                vec!["Ann Lee", "Bo Ek", "Cy Dee"],
            ),
            // The outlet as author, also when its name splits into a piece ("EXN & co").
            (
                r#"<meta name="author" content="EXN &amp; co"><p class="meta">By Ann Lee</p>"#,
                vec!["Ann Lee"],
            ),
            // Links to author pages: a picture link has no name, a link in running text
            // names the story's subject.
            (
                r#"<p>Today <a href="/people/cy-dee/">Cy Dee</a> said that the plan, which was
                   agreed last year after long talks between the parties, would go ahead as soon
                   as the money for it had been found and the last permits had been granted.</p>
                   <div><a href="/authors/ann-lee/"><img src="a.jpg"></a></div>
                   <div><a href="/people/cy-dee/">Click here for more on Cy Dee and his plan</a></div>
                   <div><a href="/authors/ann-lee/">Ann Lee</a></div>"#,
                vec!["Ann Lee"],
            ),
        ] {
            let doc = Html::parse_document(html);
            let is_outlet = |a: &str| a.eq_ignore_ascii_case("EXN") || a == "EXN & co";
            let mut got = authors(&doc, &MetaTags::read(&doc), &is_outlet);
            got.retain(|a| !is_outlet(a));
            assert_eq!(got, expected, "{html}");
        }
    }
}

//! Main-content extraction for HTML pages: which part of the DOM is the article body, and its
//! rendering to plain text.
//!
//! Readability-style: every element gets text and link-text lengths from one iterative pass;
//! boilerplate subtrees (scripts, navigation, share widgets, comments, captions, galleries,
//! related links…) are left out; paragraphs score their ancestors; the best-scoring node
//! (or the ancestor it shares with its near-best rivals) and its qualified siblings are
//! serialised (clutter and labels left out) and rendered to text by `html2text`. A hand-written
//! iterative renderer, safe at any depth, stands in should `html2text` fail; both walk the
//! content through the same [`KeptEdges`] iterator.

use std::collections::HashMap;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use lazy_regex::{Lazy, lazy_regex};
use regex::Regex;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

/// Tags whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "aside",
    "footer",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "textarea",
    "template",
    "object",
    "embed",
    "canvas",
    "head",
    "title",
    "input",
    "figcaption",
    "header",
    "menu",
    "dialog",
];

/// Class or id words of containers that are not the article (readability's list, extended).
static NEGATIVE: Lazy<Regex> = lazy_regex!(
    r"(?i)-ad-|\bads?\b|advert|banner|caption|gallery|slideshow|carousel|breadcrumb|combx|comment|community|cookie|consent|disqus|footer|gdpr|\bmenu|dropdown|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|pagination|pager|popup|modal|newsletter|subscri|\bshare|sharing|promo|recommend|more-stories|\btags?\b|taglist|topics|toolbar|masthead|outbrain|taboola|paywall|signup|disclaimer|teaser|trending|most-?popular|author-?bio|author-?profile|about-?(?:the-?)?author|\bbio\b|biograph|contributor|placeholder|jump-?link|visually-hidden|sr-only|screen-?reader|offscreen|element-invisible|\bvh\b|print-only|hidden"
);

/// Class or id words of a "read more" box: a link to other stories, or the rest of this one
/// behind a button. It counts against a candidate, but its text is not left out.
static READ_MORE: Lazy<Regex> = lazy_regex!(r"(?i)read-?more");

/// Class or id words that rescue a container the negative list matched. "column" counts only
/// as part of a longer name ("main-column"): grid frameworks put a bare `column` on every box,
/// comment lists included.
static MAYBE: Lazy<Regex> = lazy_regex!(
    r"(?i)article|body|[a-z_-]column|column[_-]|content|main|story|entry|post-text|blog"
);

/// Class or id words of containers likely to hold the article.
static POSITIVE: Lazy<Regex> = lazy_regex!(
    r"(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|paragraph"
);

/// Text and links measured under one element, boilerplate subtrees excluded.
#[derive(Debug, Default, Clone, Copy)]
struct Stat {
    /// Characters of text (whitespace runs count as one).
    text: usize,
    /// Characters of text inside links.
    link: usize,
    /// Commas in the text, a sign of prose.
    commas: usize,
    /// Whether this element's subtree is boilerplate.
    skip: bool,
}

impl Stat {
    fn link_density(&self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            self.link as f64 / self.text as f64
        }
    }

    /// A candidate's score discounted by the share of its text in links.
    fn weigh(&self, score: f64) -> f64 {
        score * (1.0 - self.link_density())
    }
}

/// Per-element statistics of a document.
struct Stats(HashMap<NodeId, Stat>);

impl Stats {
    fn get(&self, id: NodeId) -> Stat {
        self.0.get(&id).copied().unwrap_or_default()
    }
}

fn class_id(el: &Element) -> String {
    let mut s = String::new();
    if let Some(c) = el.attr("class") {
        s.push_str(c);
    }
    if let Some(i) = id_word(el) {
        s.push(' ');
        s.push_str(i);
    }
    s
}

/// Fewest words in an id made from a heading's text.
const HEADING_SLUG_WORDS: usize = 4;

/// The element's id, unless it is a heading's text made into an anchor
/// ("sharing-with-a-single-developer"): its words tell the section's topic, not its role.
fn id_word(el: &Element) -> Option<&str> {
    let id = el.attr("id")?;
    let words = id.split('-').collect::<Vec<_>>();
    let slug = words.len() >= HEADING_SLUG_WORDS
        && words
            .iter()
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c.is_ascii_digit()));
    (!slug).then_some(id)
}

/// How likely an element's subtree is boilerplate, judged from its tag and attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Keep,
    /// Certainly not article text (scripts, navigation, hidden elements).
    Hard,
    /// Probably not article text (class/id words, forms, headers): left out unless it holds
    /// most of the page's text.
    Soft,
}

/// Tags that wrap whole pages on some sites, so only count as boilerplate when small.
const SOFT_TAGS: &[&str] = &["form", "header"];

fn verdict(el: &Element, side_boxes: bool) -> Verdict {
    if SOFT_TAGS.contains(&el.name()) || (side_boxes && is_side_box(el)) {
        return Verdict::Soft;
    }
    if is_boilerplate(el) {
        return Verdict::Hard;
    }
    if is_paywalled_paragraph(el) {
        return Verdict::Keep;
    }
    if is_negative(el) || is_hidden(el) {
        Verdict::Soft
    } else {
        Verdict::Keep
    }
}

/// True when the element is hidden when the page loads (scripts may reveal it later): by
/// attribute, inline style, or a utility class that hides it (`hide`, `d-none`).
fn is_hidden(el: &Element) -> bool {
    el.attr("hidden").is_some()
        || el
            .attr("class")
            .is_some_and(|c| c.split_whitespace().any(|w| matches!(w, "hide" | "d-none")))
        || el.attr("aria-hidden") == Some("true")
        || el.attr("style").is_some_and(|s| {
            let s = s.replace(' ', "").to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden") || is_clipped_away(&s)
        })
}

/// Whether an inline style (lowercase, without spaces) clips the element to nothing: the
/// screen-reader-only pattern (`clip:rect(0 0 0 0)`, `clip-path:inset(50%)`) that hides hints
/// such as ", opens new tab" from the page while screen readers still read them.
fn is_clipped_away(style: &str) -> bool {
    style.contains("clip:rect(0000)")
        || style.contains("clip:rect(0,0,0,0)")
        || style.contains("clip:rect(0px0px0px0px)")
        || style.contains("clip-path:inset(50%)")
        || style.contains("clip-path:inset(100%)")
}

/// True for a paragraph or heading of the article that a paywall hides
/// (`<p class="paywall">`, `<h2 class="paywall">`): its text is in the page, the class names
/// its state rather than a box of other matter.
fn is_paywalled_paragraph(el: &Element) -> bool {
    matches!(el.name().as_bytes(), [b'p'] | [b'h', b'2'..=b'6'])
        && el.attr("class").is_some_and(|c| {
            c.split_whitespace()
                .any(|w| w.eq_ignore_ascii_case("paywall"))
        })
}

/// True when a class/id says the element is not the article.
fn is_negative(el: &Element) -> bool {
    if el.attr("itemprop") == Some("articleBody")
        || matches!(el.name(), "html" | "body" | "article" | "main" | "a")
    {
        return false;
    }
    let ci = class_id(el);
    !ci.is_empty()
        && (is_author_box(&ci)
            || is_other_stories_box(&ci)
            || (NEGATIVE.is_match(&ci) && !MAYBE.is_match(&ci)))
}

/// Whether class or id words name a box of other stories (most read, trending, recommended),
/// boilerplate even when named for the article it follows ("c-article-most-popular").
fn is_other_stories_box(class_id: &str) -> bool {
    static OTHER_STORIES: Lazy<Regex> =
        lazy_regex!(r"(?i)most-?(?:popular|read|viewed)|trending|outbrain|taboola|recommended");
    OTHER_STORIES.is_match(class_id)
}

/// Whether class or id words name a box about the author, boilerplate even when named for the
/// article it closes ("article-end__author-bio"). The regex runs only on words that may match.
fn is_author_box(class_id: &str) -> bool {
    ["uthor", "yline", "iograph"]
        .iter()
        .any(|w| class_id.contains(w))
        && AUTHOR_BIO.is_match(class_id)
}

/// Class or id words of a box about the author.
static AUTHOR_BIO: Lazy<Regex> = lazy_regex!(
    r"(?i)author[-_]?(?:bio|desc|info|details)|about-?(?:the-?)?author|biograph|byline-?desc"
);

/// True for a cookie or consent prompt (a consent manager's banner and its settings dialog).
fn is_consent_prompt(el: &Element) -> bool {
    static CONSENT: Lazy<Regex> = lazy_regex!(r"(?i)cookie|consent|gdpr");
    matches!(el.name(), "div" | "section" | "aside" | "dialog")
        && [el.attr("id"), el.attr("class")]
            .into_iter()
            .flatten()
            .any(|v| CONSENT.is_match(v))
}

/// Whether an element is a box beside the article (an aside, a footer, a complementary
/// region): where a page with almost no text of its own may keep its slideshow or transcript.
fn is_side_box(el: &Element) -> bool {
    matches!(el.name(), "aside" | "footer")
        || el
            .attr("role")
            .is_some_and(|r| matches!(r, "complementary" | "contentinfo"))
}

/// True when an element's whole subtree is boilerplate, judged from its tag and attributes.
fn is_boilerplate(el: &Element) -> bool {
    let name = el.name();
    if SKIP_TAGS.contains(&name) && !SOFT_TAGS.contains(&name) {
        return true;
    }
    if matches!(name, "html" | "body" | "article" | "main" | "a") {
        return false;
    }
    if el.attr("aria-modal") == Some("true") || is_consent_prompt(el) {
        return true;
    }
    if el.attr("role").is_some_and(|r| {
        matches!(
            r,
            "navigation" | "complementary" | "contentinfo" | "dialog" | "menu" | "banner"
        )
    }) {
        return true;
    }
    false
}

/// Counts text, link text and commas under every element in one iterative pass.
///
/// Without `soft`, only certain boilerplate is left out; with `Some((raw, limit))`, probable
/// boilerplate is left out too when its text in `raw` (the first pass) is under `limit`.
fn collect_stats(doc: &Html, soft: Option<(&Stats, usize)>, side_boxes: bool) -> Stats {
    struct Frame {
        id: NodeId,
        stat: Stat,
        in_link: bool,
        /// Inside an element marked up as the article body.
        in_body: bool,
    }
    let mut map = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let parent = stack.last();
                    let skip = parent.is_some_and(|f| f.stat.skip)
                        || match verdict(el, side_boxes) {
                            Verdict::Keep => false,
                            Verdict::Hard => true,
                            // Inside the marked article body, a big box (a gallery of
                            // fifty slides) is no wrapper around the page.
                            Verdict::Soft => soft.is_some_and(|(raw, limit)| {
                                parent.is_some_and(|f| f.in_body) || raw.get(node.id()).text < limit
                            }),
                        };
                    let in_link = parent.is_some_and(|f| f.in_link) || is_link(el);
                    // `attrs` compares names as strings; `attr` interns the name first.
                    let in_body = parent.is_some_and(|f| f.in_body)
                        || (soft.is_some()
                            && el
                                .attrs()
                                .any(|(k, v)| k == "itemprop" && v == "articleBody"));
                    stack.push(Frame {
                        id: node.id(),
                        stat: Stat {
                            skip,
                            ..Stat::default()
                        },
                        in_link,
                        in_body,
                    });
                }
                Node::Text(t) => {
                    if let Some(f) = stack.last_mut()
                        && !f.stat.skip
                    {
                        let len = collapsed_len(t);
                        f.stat.text += len;
                        f.stat.commas += t.matches([',', '，', '、']).count();
                        if f.in_link {
                            f.stat.link += len;
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if !matches!(node.value(), Node::Element(_)) {
                    continue;
                }
                let Some(frame) = stack.pop() else { continue };
                map.insert(frame.id, frame.stat);
                if let Some(parent) = stack.last_mut()
                    && !frame.stat.skip
                {
                    parent.stat.text += frame.stat.text;
                    parent.stat.link += frame.stat.link;
                    parent.stat.commas += frame.stat.commas;
                }
            }
        }
    }
    Stats(map)
}

/// Whether an element is a link to elsewhere: an `<a>` with an address. A script action
/// (`href="javascript:…"`) or a bare anchor leads nowhere, so its text counts as text.
fn is_link(el: &Element) -> bool {
    el.name() == "a"
        && el.attr("href").is_some_and(|h| {
            let h = h.trim_start();
            !h.get(..11)
                .is_some_and(|s| s.eq_ignore_ascii_case("javascript:"))
        })
}

/// Length of a text once whitespace runs are collapsed to single spaces.
fn collapsed_len(t: &str) -> usize {
    let mut n = 0;
    let mut space = true;
    for c in t.chars() {
        if c.is_whitespace() {
            if !space {
                n += 1;
                space = true;
            }
        } else {
            n += 1;
            space = false;
        }
    }
    n
}

/// The starting score of a candidate container, from its tag and class/id.
fn base_score(el: &Element) -> f64 {
    let tag = match el.name() {
        "article" => 10.0,
        "div" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    tag + class_weight(el)
}

/// +25 for article-like class/id words, −25 for boilerplate ones; articleBody markup counts more.
fn class_weight(el: &Element) -> f64 {
    let mut w = 0.0;
    if el.attr("itemprop") == Some("articleBody") {
        w += 40.0;
    }
    for value in [el.attr("class"), id_word(el)].into_iter().flatten() {
        if NEGATIVE.is_match(value) || READ_MORE.is_match(value) {
            w -= 25.0;
        }
        if POSITIVE.is_match(value) {
            w += 25.0;
        }
    }
    w
}

/// True for elements whose own text counts as a paragraph when scoring.
fn is_paragraph(node: ElementRef) -> bool {
    match node.value().name() {
        "p" | "pre" | "blockquote" => true,
        "div" | "section" | "article" | "main" | "td" => {
            // A container holding text directly (e.g. paragraphs separated by <br>).
            let direct: usize = node
                .children()
                .filter_map(|c| c.value().as_text().map(|t| collapsed_len(t)))
                .sum();
            direct >= 25
        }
        _ => false,
    }
}

/// How many ancestors a paragraph's score reaches.
const ANCESTOR_LEVELS: usize = 5;

/// Scores candidates and returns the root of the article content and its qualified siblings.
fn choose_content(doc: &Html, stats: &Stats) -> Vec<NodeId> {
    if let Some(id) = marked_article_body(doc, stats) {
        return vec![id];
    }
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for node in doc.root_element().descendants() {
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        let stat = stats.get(node.id());
        if stat.skip || stat.text < 25 || !is_paragraph(el) {
            continue;
        }
        let score = 1.0 + stat.commas.min(10) as f64 + (stat.text as f64 / 100.0).min(3.0);
        for (level, anc) in el
            .ancestors()
            .filter_map(ElementRef::wrap)
            .take(ANCESTOR_LEVELS)
            .enumerate()
        {
            // Nearer ancestors get more of a paragraph's score; wrappers a few levels up
            // still collect enough to beat a single long paragraph.
            let div = level as f64 + 1.0;
            *scores
                .entry(anc.id())
                .or_insert_with(|| base_score(anc.value())) += score / div;
        }
    }
    let candidates = Candidates {
        doc,
        stats,
        scores: &scores,
    };
    let best = candidates
        .weighted()
        .filter(|&(id, _)| !stats.get(id).skip)
        .max_by(by_score);
    let Some((top, top_score)) = best else {
        return vec![doc.root_element().id()];
    };
    let (top, top_score) = candidates.larger_rival(top, top_score);
    let (first, first_score) = candidates.first_of_stacked_articles(top, top_score);
    let (top, top_score) = if first == top {
        let top = candidates.common_ancestor_of_runners_up(top, top_score);
        (top, top_score)
    } else {
        // The later articles' candidates are no runners-up to gather with it.
        (first, first_score)
    };
    let top = promote_thin_wrapper(doc, stats, top);
    candidates.siblings_to_include(top, top_score)
}

/// Orders scored candidates: the higher score is the greater, and on a tie the earlier node
/// (so `max_by` picks it, and the order does not depend on the map's).
fn by_score(a: &(NodeId, f64), b: &(NodeId, f64)) -> std::cmp::Ordering {
    a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0))
}

/// Whether node `inner` lies below node `outer` (not the node itself).
fn is_inside(doc: &Html, inner: NodeId, outer: NodeId) -> bool {
    doc.tree
        .get(inner)
        .is_some_and(|n| n.ancestors().any(|a| a.id() == outer))
}

/// Share of the best score a larger separate candidate needs to replace it.
const RIVAL_SHARE: f64 = 0.75;

/// How many times the best candidate's text a separate rival must hold to replace it.
const RIVAL_TEXT_RATIO: usize = 4;

/// Share of the best score a candidate in an earlier `<article>` needs to be preferred.
const EARLIER_ARTICLE_SHARE: f64 = 0.6;

/// The nearest `<article>` element holding a node (or the node itself).
fn enclosing_article(doc: &Html, id: NodeId) -> Option<NodeId> {
    let node = doc.tree.get(id)?;
    std::iter::once(node)
        .chain(node.ancestors())
        .find(|n| {
            n.value()
                .as_element()
                .is_some_and(|e| e.name() == "article")
        })
        .map(|n| n.id())
}

/// How many near-best candidates must share an ancestor for it to replace the best one.
const MIN_RUNNERS_UP: usize = 3;

/// Longest block above the article taken for its standfirst on the strength of ending
/// like a sentence.
const MAX_STANDFIRST_CHARS: usize = 400;

/// A page's scored candidates for the content block, with the statistics that judge them.
struct Candidates<'a> {
    doc: &'a Html,
    stats: &'a Stats,
    /// Each candidate's score before its link density is counted.
    scores: &'a HashMap<NodeId, f64>,
}

impl Candidates<'_> {
    /// Each candidate with its score discounted by its link density.
    fn weighted(&self) -> impl Iterator<Item = (NodeId, f64)> + '_ {
        self.scores
            .iter()
            .map(|(&id, &s)| (id, self.stats.get(id).weigh(s)))
    }

    /// When the best candidate is a small box (a promo or a newsletter prompt whose class words
    /// earned it a bonus), the best-scoring candidate outside it, and not around it, that scores
    /// nearly as well and holds several times its text.
    fn larger_rival(&self, top: NodeId, top_score: f64) -> (NodeId, f64) {
        let Candidates { doc, stats, .. } = self;
        let top_text = stats.get(top).text;
        let related = |id: NodeId| is_inside(doc, top, id) || is_inside(doc, id, top);
        self.weighted()
            .filter(|&(id, _)| id != top)
            .filter(|&(id, s)| {
                let st = stats.get(id);
                !st.skip
                    && s >= RIVAL_SHARE * top_score
                    && st.text >= RIVAL_TEXT_RATIO * top_text
                    && !related(id)
            })
            .max_by(by_score)
            .unwrap_or((top, top_score))
    }

    /// When the page stacks whole articles one after the other (the next story loaded below the
    /// first), the best candidate of the first article rather than of a longer later one: a
    /// candidate in an earlier, separate `<article>` that scores close to the best replaces it.
    fn first_of_stacked_articles(&self, top: NodeId, top_score: f64) -> (NodeId, f64) {
        let Candidates { doc, stats, .. } = self;
        let Some(top_article) = enclosing_article(doc, top) else {
            return (top, top_score);
        };
        self.weighted()
            .filter(|&(id, _)| id < top && !stats.get(id).skip)
            .filter(|&(_, s)| s >= EARLIER_ARTICLE_SHARE * top_score)
            .filter_map(|(id, s)| {
                let article = enclosing_article(doc, id)?;
                (article != top_article
                    && !is_inside(doc, top_article, article)
                    && !is_inside(doc, article, top_article))
                .then_some((id, s))
            })
            .min_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.total_cmp(&a.1)))
            .map(|(id, _)| {
                // The best candidate of that earlier article.
                let article = enclosing_article(doc, id);
                self.weighted()
                    .filter(|&(c, _)| enclosing_article(doc, c) == article && !stats.get(c).skip)
                    .max_by(by_score)
                    .unwrap_or((id, top_score))
            })
            .unwrap_or((top, top_score))
    }

    /// When the best candidate is one block of several (each paragraph in its own wrapper, the
    /// article split in sections), the nearest ancestor holding at least [`MIN_RUNNERS_UP`] of
    /// the candidates scoring close to it (readability's rule); otherwise the best candidate.
    fn common_ancestor_of_runners_up(&self, top: NodeId, top_score: f64) -> NodeId {
        let Candidates { doc, stats, .. } = self;
        let mut runners_up: Vec<(NodeId, f64)> = self
            .weighted()
            .filter(|&(id, _)| id != top)
            .filter(|&(_, s)| s >= 0.75 * top_score)
            .collect();
        if runners_up.len() < MIN_RUNNERS_UP {
            return top;
        }
        runners_up.sort_by(|a, b| by_score(b, a));
        runners_up.truncate(4);
        let Some(node) = doc.tree.get(top) else {
            return top;
        };
        for ancestor in node.ancestors().filter_map(ElementRef::wrap) {
            if matches!(ancestor.value().name(), "body" | "html") || stats.get(ancestor.id()).skip {
                break;
            }
            let held = runners_up
                .iter()
                .filter(|(id, _)| is_inside(doc, *id, ancestor.id()))
                .count();
            if held >= MIN_RUNNERS_UP {
                return ancestor.id();
            }
        }
        top
    }

    /// The top candidate plus siblings that look like more of the same article.
    fn siblings_to_include(&self, top: NodeId, top_score: f64) -> Vec<NodeId> {
        let Candidates { doc, stats, scores } = self;
        let Some(top_node) = doc.tree.get(top) else {
            return vec![top];
        };
        let Some(parent) = top_node.parent() else {
            return vec![top];
        };
        let threshold = (top_score * 0.3).max(10.0);
        // Next to an article, a sibling holding another article is the next story, not more text.
        let in_article = top_node
            .value()
            .as_element()
            .is_some_and(|e| e.name() == "article");
        parent
            .children()
            .filter(|c| {
                if c.id() == top {
                    return true;
                }
                let Some(el) = ElementRef::wrap(*c) else {
                    return false;
                };
                let st = stats.get(c.id());
                if st.skip || st.text == 0 {
                    return false;
                }
                if in_article
                    && c.descendants().any(|d| {
                        d.value()
                            .as_element()
                            .is_some_and(|e| e.name() == "article")
                    })
                {
                    return false;
                }
                let score = st.weigh(scores.get(&c.id()).copied().unwrap_or(0.0));
                if score >= threshold {
                    return true;
                }
                // Prose blocks next to the article (a lead, a second text column) belong to it,
                // and so does a standfirst above it: a few sentences with few commas.
                if st.text >= 140
                    && st.link_density() < 0.2
                    && (st.commas >= 2
                        || (c.id() < top && st.text <= MAX_STANDFIRST_CHARS && ends_sentence(el)))
                {
                    return true;
                }
                if el.value().name() == "p" {
                    let ld = st.link_density();
                    return (st.text > 80 && ld < 0.25)
                        || (ld == 0.0 && el.text().collect::<String>().contains(". "));
                }
                false
            })
            .map(|c| c.id())
            .collect()
    }
}

/// The element marked up as the article body (`itemprop=articleBody`), when it holds text.
fn marked_article_body(doc: &Html, stats: &Stats) -> Option<NodeId> {
    doc.root_element()
        .descendants()
        .filter(|n| {
            n.value()
                .as_element()
                .is_some_and(|e| e.attr("itemprop") == Some("articleBody"))
        })
        .map(|n| (n.id(), stats.get(n.id())))
        .filter(|(_, st)| !st.skip && st.text >= 200 && st.link_density() < 0.5)
        .max_by_key(|(_, st)| st.text)
        .map(|(id, _)| id)
}

/// When the best node holds most of its parent's text, the parent is the better container
/// (it also holds headings and lead paragraphs the scorer did not reach).
fn promote_thin_wrapper(doc: &Html, stats: &Stats, mut id: NodeId) -> NodeId {
    loop {
        let Some(node) = doc.tree.get(id) else {
            return id;
        };
        let Some(parent) = node.parent().and_then(ElementRef::wrap) else {
            return id;
        };
        if matches!(parent.value().name(), "body" | "html") {
            return id;
        }
        let (own, up) = (stats.get(id), stats.get(parent.id()));
        if up.skip || up.text == 0 || (own.text as f64) < 0.97 * up.text as f64 {
            return id;
        }
        id = parent.id();
    }
}

/// Tags that start a new line or paragraph when rendered.
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "dl"
            | "dt"
            | "dd"
            | "hr"
            | "address"
            | "figure"
            | "center"
            | "details"
            | "summary"
    )
}

/// Block tags that hold text by design (paragraphs, headings, list items, quotes).
fn is_text_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "blockquote" | "pre" | "dt" | "dd"
    )
}

/// Share of link text above which a block inside the content is a link list: a paragraph
/// citing its sources through many inline links stays below it.
const CLUTTER_LINK_DENSITY: f64 = 0.6;

/// Whether a container inside the content is clutter (link lists, widgets) to leave out.
fn is_clutter(el: ElementRef, stat: &Stat, stats: &Stats) -> bool {
    let tag = el.value().name();
    if tag == "h1" {
        return true;
    }
    if !matches!(
        tag,
        "div" | "section" | "ul" | "ol" | "table" | "dl" | "p" | "li" | "h2" | "h3" | "h4"
    ) {
        return false;
    }
    let widget =
        matches!(tag, "div" | "section") && stat.text <= MAX_WIDGET_CHARS && has_control(el);
    if stat.text == 0 || stat.link_density() <= CLUTTER_LINK_DENSITY {
        return widget;
    }
    let reads_as_text = match tag {
        "li" | "p" => stat.link < stat.text && ends_sentence(el),
        // Judged item by item instead: a bulleted section whose sub-lists are all links.
        "ul" | "ol" => has_prose_item(el, stats),
        // A wrapper around a single paragraph is judged as that paragraph.
        "div" | "section" => {
            sole_text_block(el)
                .is_some_and(|inner| !is_clutter(inner, &stats.get(inner.id()), stats))
                || main_table(el, stat, stats).is_some_and(|t| is_data_table(t, stats))
        }
        "h2" | "h3" | "h4" => links_within_page(el),
        "table" => is_data_table(el, stats),
        _ => false,
    };
    !reads_as_text || widget
}

/// The table that holds nearly all of a box's text, if any (a table in its layout wrappers).
fn main_table<'a>(el: ElementRef<'a>, stat: &Stat, stats: &Stats) -> Option<ElementRef<'a>> {
    el.descendants()
        .filter_map(ElementRef::wrap)
        .find(|d| d.value().name() == "table")
        .filter(|t| 10 * stats.get(t.id()).text >= 9 * stat.text)
}

/// Whether a table holds data rather than links: most of its rows (at least two) have a cell
/// with text and no link (a figure beside a linked name), where a table of links laid out in
/// cells has links in every cell that holds text.
fn is_data_table(el: ElementRef, stats: &Stats) -> bool {
    let (mut rows, mut data_rows) = (0, 0);
    for row in el.descendants().filter_map(ElementRef::wrap) {
        if row.value().name() != "tr" {
            continue;
        }
        rows += 1;
        let data = row.children().filter_map(ElementRef::wrap).any(|cell| {
            let st = stats.get(cell.id());
            matches!(cell.value().name(), "td" | "th") && !st.skip && st.text > 0 && st.link == 0
        });
        data_rows += usize::from(data);
    }
    data_rows >= 2 && 2 * data_rows > rows
}

/// Whether every link under an element points within the page (`href="#section"`): a
/// heading made into its own anchor (a permalink) is the section's heading, not a link to
/// another story.
fn links_within_page(el: ElementRef) -> bool {
    el.descendants()
        .filter_map(|d| d.value().as_element())
        .filter(|e| e.name() == "a")
        .filter_map(|e| e.attr("href"))
        .all(|h| h.trim_start().starts_with('#'))
}

/// The paragraph or list item a box only wraps (through any chain of single-child boxes),
/// if it holds nothing else.
fn sole_text_block(el: ElementRef) -> Option<ElementRef> {
    let mut inner = el;
    loop {
        let mut only = None;
        for child in inner.children() {
            match child.value() {
                Node::Element(_) if only.is_none() => only = ElementRef::wrap(child),
                Node::Element(_) => return None,
                Node::Text(t) if !t.trim().is_empty() => return None,
                _ => {}
            }
        }
        inner = only?;
        if matches!(inner.value().name(), "p" | "li") {
            return Some(inner);
        }
    }
}

/// Shortest list item that reads as prose of the article.
const MIN_PROSE_ITEM_CHARS: usize = 80;

/// Whether a list holds an item of prose with few links (a sentence of the article, not a
/// teaser's headline): the list is then part of the text even when its sub-lists of links
/// make most of its characters link text.
fn has_prose_item(el: ElementRef, stats: &Stats) -> bool {
    el.children().filter_map(ElementRef::wrap).any(|li| {
        let st = stats.get(li.id());
        li.value().name() == "li"
            && !st.skip
            && st.text >= MIN_PROSE_ITEM_CHARS
            && st.link_density() < 0.5
            && ends_sentence(li)
    })
}

/// Whether an element's text ends like a sentence: a paragraph or list item that reads as one
/// around its link ("Here is our review of the year!", a cited source) is text even when
/// most of it is the link; one that is all link (another story's headline) is not.
fn ends_sentence(el: ElementRef) -> bool {
    el.text()
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .last()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '。' | '！' | '？'))
}

/// Longest text of a box taken for a widget because it holds a form control.
const MAX_WIDGET_CHARS: usize = 500;

/// Whether a box holds a form control (a toggle, a field): a widget (an embed's
/// consent prompt, a sign-up box, a "show more" switch) rather than a block of the article.
fn has_control(el: ElementRef) -> bool {
    el.descendants().any(|d| {
        d.value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "input" | "select" | "textarea"))
    })
}

/// The walk over one chosen root that both renderers share: every edge of its subtree, with
/// boilerplate (`skip`) and clutter subtrees below the root left out entirely.
struct KeptEdges<'a> {
    edges: ego_tree::iter::Traverse<'a, Node>,
    stats: &'a Stats,
    root: NodeId,
    clutter: Clutter,
    /// Open elements of the subtree being left out (0: not in one).
    skip_depth: usize,
}

/// Whether link-heavy containers inside the content ([`is_clutter`]) are left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clutter {
    Drop,
    /// Kept: the last resort when dropping it left no text (a page whose whole article is
    /// one `<p>` with `<br>` lines, followed by many links).
    Keep,
}

fn kept_edges<'a>(
    root: ego_tree::NodeRef<'a, Node>,
    stats: &'a Stats,
    clutter: Clutter,
) -> KeptEdges<'a> {
    KeptEdges {
        edges: root.traverse(),
        stats,
        root: root.id(),
        clutter,
        skip_depth: 0,
    }
}

impl<'a> Iterator for KeptEdges<'a> {
    type Item = Edge<'a, Node>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let edge = self.edges.next()?;
            let (Edge::Open(n) | Edge::Close(n)) = edge;
            let is_element = n.value().is_element();
            match edge {
                Edge::Open(_) if self.skip_depth > 0 => {
                    self.skip_depth += usize::from(is_element);
                }
                Edge::Close(_) if self.skip_depth > 0 => {
                    self.skip_depth -= usize::from(is_element);
                }
                Edge::Open(_) if self.is_left_out(n) => self.skip_depth = 1,
                _ => return Some(edge),
            }
        }
    }
}

impl KeptEdges<'_> {
    fn is_left_out(&self, n: ego_tree::NodeRef<'_, Node>) -> bool {
        let Some(el) = ElementRef::wrap(n) else {
            return false;
        };
        let st = self.stats.get(n.id());
        st.skip
            || (self.clutter == Clutter::Drop
                && n.id() != self.root
                && (is_clutter(el, &st, self.stats) || self.heads_clutter(el)))
    }

    /// Whether a heading only titles the clutter box after it ("Also interesting" above a
    /// list of teasers), so goes with it.
    fn heads_clutter(&self, el: ElementRef<'_>) -> bool {
        matches!(el.value().name(), "h2" | "h3" | "h4" | "h5" | "h6")
            && el
                .next_siblings()
                .filter_map(ElementRef::wrap)
                .next()
                .is_some_and(|next| {
                    let st = self.stats.get(next.id());
                    !st.skip && is_clutter(next, &st, self.stats)
                })
    }
}

/// Renders the chosen nodes as paragraphs of plain text.
fn render(doc: &Html, stats: &Stats, roots: &[NodeId], clutter: Clutter) -> String {
    let mut out = Renderer::default();
    // Open table cells: a short line in a cell is data ("71.1 MB"), not a label.
    let mut cells = 0usize;
    for &root in roots {
        let Some(node) = doc.tree.get(root) else {
            continue;
        };
        for edge in kept_edges(node, stats, clutter) {
            match edge {
                Edge::Open(n) => match n.value() {
                    Node::Element(el) => match el.name() {
                        "br" => out.line_break(),
                        t if is_block(t) => out.paragraph_break(),
                        t => cells += usize::from(is_cell(t)),
                    },
                    Node::Text(t) => out.text(t),
                    _ => {}
                },
                Edge::Close(n) => {
                    if let Node::Element(el) = n.value()
                        && is_cell(el.name())
                    {
                        cells = cells.saturating_sub(1);
                    }
                    if let Node::Element(el) = n.value()
                        && is_block(el.name())
                    {
                        if !is_text_block(el.name()) && cells == 0 {
                            out.drop_label();
                        }
                        out.paragraph_break();
                    }
                }
            }
        }
        out.paragraph_break();
    }
    out.finish()
}

/// Accumulates text with collapsed whitespace and paragraph breaks.
#[derive(Default)]
struct Renderer {
    paragraphs: Vec<String>,
    current: String,
}

impl Renderer {
    fn text(&mut self, t: &str) {
        for (i, word) in t.split_whitespace().enumerate() {
            let starts_with_space = i > 0 || t.starts_with(char::is_whitespace);
            if starts_with_space && !self.current.is_empty() && !self.current.ends_with([' ', '\n'])
            {
                self.current.push(' ');
            }
            self.current.push_str(word);
        }
        if t.ends_with(char::is_whitespace) && !self.current.is_empty() {
            self.current.push(' ');
        }
    }

    /// Forgets the pending text when it is a short unpunctuated label ("Video", "Liveblog")
    /// closed by a layout container rather than a paragraph or heading.
    fn drop_label(&mut self) {
        if is_label(&self.current) {
            self.current.clear();
        }
    }

    fn line_break(&mut self) {
        let trimmed = self.current.trim_end().len();
        self.current.truncate(trimmed);
        if !self.current.is_empty() && !self.current.ends_with('\n') {
            self.current.push('\n');
        }
    }

    fn paragraph_break(&mut self) {
        let stray = |l: &str| is_teaser(l) || is_loading_notice(l);
        if self.current.contains('\n') && self.current.lines().any(stray) {
            // A teaser closed by its date and time, or a loading notice, may share a block
            // with the text.
            let kept: Vec<&str> = self.current.lines().filter(|l| !stray(l)).collect();
            self.current = kept.join("\n");
        }
        let p = self.current.trim();
        if !p.is_empty() && !is_boilerplate_line(p) {
            self.paragraphs.push(p.to_string());
        }
        self.current.clear();
    }

    fn finish(mut self) -> String {
        self.paragraph_break();
        drop_repeated_paragraphs(&mut self.paragraphs);
        drop_stuttered_lines(&mut self.paragraphs);
        drop_author_notes(&mut self.paragraphs);
        self.paragraphs.join("\n\n")
    }
}

/// Longest line, in characters, that [`drop_stuttered_lines`] takes for interface text.
const MAX_STUTTER_CHARS: usize = 60;

/// Fewest characters in a line that [`drop_stuttered_lines`] considers (code such as `});`
/// and list markers repeat on purpose).
const MIN_STUTTER_CHARS: usize = 12;

/// Most lines in a group that repeats right after itself.
const MAX_STUTTER_LINES: usize = 3;

/// Drops both copies of a short line, or group of up to three lines, that the page shows twice
/// in a row: a tooltip repeated for each button, a video player's fallback message shown by
/// two players, a placeholder for each missing embed. Prose does not stutter.
fn drop_stuttered_lines(paragraphs: &mut Vec<String>) {
    let lines: Vec<&str> = paragraphs.iter().flat_map(|p| p.split('\n')).collect();
    let short = |l: &str| {
        let n = l.chars().count();
        (MIN_STUTTER_CHARS..=MAX_STUTTER_CHARS).contains(&n) && l.chars().any(char::is_alphabetic)
    };
    let mut drop = vec![false; lines.len()];
    for i in 0..lines.len() {
        for k in 1..=MAX_STUTTER_LINES {
            if i + 2 * k <= lines.len()
                && lines[i..i + k].iter().all(|l| short(l))
                && lines[i..i + k] == lines[i + k..i + 2 * k]
            {
                drop[i..i + 2 * k].iter_mut().for_each(|d| *d = true);
            }
        }
    }
    if !drop.contains(&true) {
        return;
    }
    let mut next = 0;
    let kept: Vec<String> = paragraphs
        .iter()
        .filter_map(|p| {
            let kept: Vec<&str> = p
                .split('\n')
                .filter(|_| {
                    next += 1;
                    !drop[next - 1]
                })
                .collect();
            (!kept.is_empty()).then(|| kept.join("\n"))
        })
        .collect();
    *paragraphs = kept;
}

/// Fewest paragraphs in a row that must repeat an earlier run to be dropped: single paragraphs
/// may repeat on purpose (a refrain, a pull quote).
const MIN_REPEATED_RUN: usize = 3;

/// A heading over a note about the writer ("About the author", "Die Autorin", "Sobre la
/// firma").
static AUTHOR_NOTE_HEADING: Lazy<Regex> = lazy_regex!(
    r"(?i)^(?:about the (?:authors?|writer)|über (?:den|die) autor(?:in|en)?|(?:der|die) autor(?:in|en)?|sobre (?:la firma|el autor|la autora)|à propos de l.auteur)\s*:?$"
);

/// Longest note taken for a note about the writer under its heading.
const MAX_AUTHOR_NOTE_CHARS: usize = 400;

/// Drops a note about the writer: its heading and the short paragraph under it (in one
/// paragraph or two).
fn drop_author_notes(paragraphs: &mut Vec<String>) {
    let mut i = 0;
    while i < paragraphs.len() {
        let (first, rest) = paragraphs[i]
            .split_once('\n')
            .unwrap_or((paragraphs[i].as_str(), ""));
        if first.chars().count() > 40 || !AUTHOR_NOTE_HEADING.is_match(first.trim()) {
            i += 1;
            continue;
        }
        if !rest.trim().is_empty() {
            if rest.chars().count() <= MAX_AUTHOR_NOTE_CHARS {
                paragraphs.remove(i);
            } else {
                i += 1;
            }
            continue;
        }
        let next_is_note = paragraphs
            .get(i + 1)
            .is_some_and(|n| n.chars().count() <= MAX_AUTHOR_NOTE_CHARS);
        if next_is_note {
            paragraphs.drain(i..i + 2);
        } else {
            i += 1;
        }
    }
}

/// Drops a run of paragraphs that repeats an earlier run word for word (a page carrying the
/// article twice, for print and for screen).
fn drop_repeated_paragraphs(paragraphs: &mut Vec<String>) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut drop = vec![false; paragraphs.len()];
    let mut i = 0;
    while i < paragraphs.len() {
        let j = *first.entry(paragraphs[i].as_str()).or_insert(i);
        // How far the paragraphs from i repeat those from j (the copy must not overlap).
        let run = (0..)
            .take_while(|&k| {
                j + k < i && i + k < paragraphs.len() && paragraphs[j + k] == paragraphs[i + k]
            })
            .count();
        if j < i && run >= MIN_REPEATED_RUN {
            drop[i..i + run].iter_mut().for_each(|d| *d = true);
            i += run;
        } else {
            i += 1;
        }
    }
    let mut k = 0;
    paragraphs.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// Short paragraphs that are timestamps, photo credits or calls to action.
static NOISE_LINE: Lazy<Regex> = lazy_regex!(
    r"(?i)^(?:(?:published|updated|last updated|posted|aktualisiert|publié|mis à jour)\b|©|\(c\)\s|copyright\b|(?:foto|photo|image|bild|credit|picture|illustration)s?(?:\s+credits?)?\s*:|(?:photo(?:graph)?|picture|image)s?\s+(?:by|courtesy)\b|\d+\s+(?:minutes?|hours?|days?|weeks?)\s+ago\b|\W*(?:lesedauer|reading time|read time|temps de lecture|tiempo de lectura)\s*:|\d+\s*min(?:ute)?s?\.?\s+(?:read|lesen|lesezeit|de lecture|de lectura)\b|https?://\S+$|.*(?:subscribe|newsletter|sign in|sign up|create an account|enable javascript|failed to load|follow us|skip (?:past|to)|all rights reserved)\b)"
);

/// A photo credit standing alone: capitalised names joined by bare slashes ("Ann Lee/Reuters";
/// spaced slashes join section names, "Add-ons / Extensions").
static SLASH_CREDIT: Lazy<Regex> = lazy_regex!(
    r"^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*)*(?:/\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*)*)+$"
);

/// Longest paragraph taken for a standalone slash credit.
const MAX_SLASH_CREDIT_CHARS: usize = 60;

/// A picture's caption closed by its labelled credit on the same line ("Fans cheer the team.
/// Foto: Ann Lee", "The old bridge at dawn © Example Archive", "Samsung in court. (Bild: Bo
/// Ek/Example)"): the caption of a picture left in the text, not a paragraph of it. The
/// credit starts at the capture `credit`.
static CAPTION_CREDIT: Lazy<Regex> = lazy_regex!(
    r"^.*\w.*\s(?P<credit>(?:Bild|Bildrechte|Foto|Photo|Image|Imagen|Credit|Picture|Illustration)s?(?:\s+[Cc]redits?)?\s*:\s*[^.!?]{2,60}|©\s*[^.!?]{2,60}|\((?:Bild|Foto|Photo|Symbolfoto|Image|Credit)\s*:[^)]*\))\s*$"
);

/// A sentence ending and the next one starting: a caption is one sentence, a standfirst with
/// a credit glued on is several.
static SENTENCE_BREAK: Lazy<Regex> = lazy_regex!(r"[.!?]\s+\p{Lu}");

/// Longest line taken for a caption closed by its credit.
const MAX_CAPTION_CREDIT_CHARS: usize = 400;

/// Whether a line is one sentence of caption closed by a labelled picture credit (see
/// [`CAPTION_CREDIT`]).
fn is_caption_with_credit(p: &str) -> bool {
    (p.contains(':') || p.contains('©'))
        && !p.contains('\n')
        && CAPTION_CREDIT.is_match(p)
        && CAPTION_CREDIT
            .captures(p)
            .and_then(|c| c.name("credit"))
            .is_some_and(|credit| !SENTENCE_BREAK.is_match(p[..credit.start()].trim_end()))
}

/// A picture credit standing alone: "Courtesy of Ann Lee", "Courtesy Example TV" (a capital
/// after it; "Courtesy calls were made…" is prose).
static COURTESY_CREDIT: Lazy<Regex> = lazy_regex!(r"^Courtesy(?: of)? \p{Lu}");

/// A paywall's notice that the rest is for subscribers or members ("Article réservé aux
/// abonnés", "この記事は会員限定です").
static PAYWALL_NOTICE: Lazy<Regex> = lazy_regex!(
    r"(?i)\bsubscribers?[ -]only\b|\bexclusive(?:ly)? (?:to|for) subscribers\b|\bréservée? aux abonnés\b|\bnur für abonnenten\b|\bexclusivo para (?:suscriptores|socios)\b|\briservato agli abbonati\b|会員限定|有料会員"
);

/// A call to follow the outlet on a messaging app or news aggregator ("Join us on WhatsApp",
/// "Follow Example on Google News", "Folgst du schon … auf Whatsapp?", "ikuti WhatsApp channel").
static FOLLOW_CHANNEL: Lazy<Regex> = lazy_regex!(
    r"(?i)\b(?:(?:follow|join)\s+(?:[^\s,.;]+\s+){0,3}?on\s+(?:the\s+)?|folg\w*\s+(?:[^\s,.;]+\s+){0,4}?auf\s+|(?:ikuti|suivez-nous sur|síguenos en|seguici su)\s+(?:[^\s,.;]+\s+){0,2}?)(?:whatsapp|telegram|google news)\b"
);

/// The date and running or reading time closing a teaser of another piece ("… 18.04.2024 |
/// 0:21 min", "Ann Lee 04.12.2023 5 min"), or such a time alone ("3 Min.").
static TEASER_TIME: Lazy<Regex> = lazy_regex!(
    r"(?i)(?:^|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}[\s,|]*(?:\d{1,2}:\d{2}(?:\s*uhr)?[\s,|]*)?)\d{1,3}(?::\d{2})?\s*min\.?$"
);

/// Longest paragraph taken for a teaser closed by a date and a time.
const MAX_TEASER_CHARS: usize = 400;

/// A teaser of another piece closed by its date and running or reading time.
fn is_teaser(p: &str) -> bool {
    let p = p.trim().trim_end_matches('.');
    // Only a line ending in "min" can match: the common case skips the regex.
    p.len() >= 3
        && p.as_bytes()[p.len() - 3..].eq_ignore_ascii_case(b"min")
        && p.chars().count() <= MAX_TEASER_CHARS
        && TEASER_TIME.is_match(p)
}

/// Whether a text holds a word, compared without regard to ASCII case.
fn mentions(text: &str, word: &str) -> bool {
    text.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// A notice that the reader's browser is too old ("Your web browser is no longer supported",
/// "Bitte wechseln Sie zu einem unterstützten Browser").
static BROWSER_NOTICE: Lazy<Regex> = lazy_regex!(
    r"(?i)browser\b.{0,30}\b(?:no longer|not|nicht mehr|n.est plus)\b.{0,15}\b(?:supported|unterstützt|pris en charge)|(?:unterstützten|supported|newer|modern) browser|update (?:your|it)\b.{0,20}browser"
);

/// The labels of a box's open/close toggle, shown together as text ("Box aufklappen Box
/// zuklappen", "Continue reading Show less"): a short line ending with the closing label.
static TOGGLE_LABELS: Lazy<Regex> = lazy_regex!(
    r"(?i)\b(?:zuklappen|einklappen|show less|read less|see less|weniger anzeigen|voir moins|afficher moins|ver menos|mostrar menos)$"
);

/// Longest line taken for a toggle's labels.
const MAX_TOGGLE_CHARS: usize = 60;

/// Longest paragraph taken for a standalone courtesy credit.
const MAX_COURTESY_CREDIT_CHARS: usize = 80;

/// A line opened by a dash: the attribution closing a quoted post ("— Ann Lee (@annlee)
/// May 2, 2024"), whose date does not make it a dateline.
fn is_attribution(p: &str) -> bool {
    p.starts_with(['—', '–'])
}

/// A time of day standing alone ("15:43", "10.00 Uhr", "9:00pm ET").
static TIME_OF_DAY: Lazy<Regex> =
    lazy_regex!(r"(?i)^\d{1,2}[:.]\d{2}\s*(?:uhr|h|am|pm)?\s*(?:[a-z]{2,4}t)?$");

/// Longest line taken for a strip of metadata, and longest part of one.
const MAX_METADATA_STRIP_CHARS: usize = 150;
const MAX_METADATA_PART_CHARS: usize = 60;

/// Whether a part of a bar-split line is a date, a time or a timestamp label ("Updated 5
/// hours ago").
fn is_dated_part(part: &str) -> bool {
    part.chars().count() <= MAX_METADATA_PART_CHARS
        && (TIME_OF_DAY.is_match(part)
            || NOISE_LINE.is_match(part)
            || is_timestamp_line(part)
            || crate::date::parse_date_text(part).is_some())
}

/// Words that open a publication or update time in the languages the index sees most beyond
/// those [`NOISE_LINE`] knows ("Publisert", "Uppdaterad", "Bijgewerkt", "Aggiornato",
/// "Actualizado", "Stand:", "Güncelleme", "Zaktualizowano", "Päivitetty"), lowercase.
const TIMESTAMP_LABELS: &[&str] = &[
    "publisert",
    "oppdatert",
    "publiceret",
    "opdateret",
    "offentliggjort",
    "publicerad",
    "uppdaterad",
    "gepubliceerd",
    "bijgewerkt",
    "pubblicato",
    "aggiornato",
    "publicado",
    "actualizado",
    "atualizado",
    "veröffentlicht",
    "stand",
    "giriş",
    "güncelleme",
    "yayınlanma",
    "opublikowano",
    "zaktualizowano",
    "aktualizacja",
    "publikováno",
    "aktualizováno",
    "julkaistu",
    "päivitetty",
];

/// Whether a line opens with one of [`TIMESTAMP_LABELS`] as a whole word.
fn opens_with_timestamp_label(p: &str) -> bool {
    let head: String = p.chars().take(16).flat_map(char::to_lowercase).collect();
    TIMESTAMP_LABELS.iter().any(|w| {
        head.strip_prefix(w)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    })
}

/// Whether a line holds a time of day written with a colon or a dot ("kl. 13.05", "18:24").
fn has_time_of_day(p: &str) -> bool {
    let b = p.as_bytes();
    (0..b.len()).any(|i| {
        matches!(b[i], b':' | b'.')
            && i >= 1
            && b[i - 1].is_ascii_digit()
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            && b.get(i + 2).is_some_and(u8::is_ascii_digit)
            && !b.get(i + 3).is_some_and(u8::is_ascii_digit)
            && !(i >= 3 && b[i - 2].is_ascii_digit() && b[i - 3].is_ascii_digit())
    })
}

/// Longest line taken for a timestamp line.
const MAX_TIMESTAMP_CHARS: usize = 150;

/// A publication or update time under its label in another language ("Publisert 05.08.2024,
/// kl. 13.05", "Stand: 25.04.2024 10:00 Uhr"): the label alone may open prose ("Publicado en
/// 1990, el libro…"), so a date or a time must follow it.
fn is_timestamp_line(p: &str) -> bool {
    // A date or time has a digit: most lines skip the regexes.
    p.bytes().any(|b| b.is_ascii_digit())
        && p.chars().count() <= MAX_TIMESTAMP_CHARS
        && opens_with_timestamp_label(p)
        && (has_time_of_day(p) || crate::date::parse_date_text(p).is_some())
}

/// A strip of metadata split by bars: short labels (a programme, a source, a writer, a
/// section) around a date or time ("Radio One | News | 3 May 2017 | 10:00", "3. May 2017,
/// updated 15:43 | Source: Example Online"). Parts that quote, link or hold code (a cited
/// title "A | B", a shell pipe) or end a sentence make it text.
fn is_metadata_strip(p: &str) -> bool {
    p.contains('|')
        && p.chars().count() <= MAX_METADATA_STRIP_CHARS
        && p.split('|').map(str::trim).all(|part| {
            !part.is_empty()
                && part.chars().count() <= MAX_METADATA_PART_CHARS
                && !part.contains(['"', '“', '”', '=', '{', '(', '['])
                && !part.contains("://")
                && !part.ends_with(['.', '!', '?'])
        })
        && p.split('|').map(str::trim).any(is_dated_part)
}

/// A teaser of an audio or video piece: the medium's label, then a bar, its running time, or a
/// colon and a title closed by the running time ("Audio 03:07 Min. | 25.04.24 | Title",
/// "AUDIO: Title (1 Min)", "Video | Title"). A colon and a title alone may head a section.
static MEDIA_TEASER: Lazy<Regex> = lazy_regex!(
    r"(?i)^(?:audio|video|podcast)(?:\s*\|.*|\s*:[^|]*?\(\d{1,3}\s*min\.?\).*|\s+\d{1,2}:\d{2}\b.*)$"
);

/// Longest paragraph taken for a media teaser.
const MAX_MEDIA_TEASER_CHARS: usize = 300;

/// Whether a paragraph is a teaser of an audio or video piece (see [`MEDIA_TEASER`]).
fn is_media_teaser(p: &str) -> bool {
    // Only a line opening with the medium's initial can match: most lines skip the regex.
    p.as_bytes()
        .first()
        .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'a' | b'v' | b'p'))
        && p.chars().count() <= MAX_MEDIA_TEASER_CHARS
        && MEDIA_TEASER.is_match(p)
}

/// Longest paragraph taken for a newsroom's call for tips or an ad-blocker notice.
const MAX_NOTICE_CHARS: usize = 250;

/// The newsroom asking for stories or feedback by e-mail ("Got a story? Email us at
/// news@example.com", "Senden Sie uns Ihr Feedback an: briefe@example.de"); a reporter's own
/// address ("Ann Lee may be reached at ann@example.com") is the article's.
static NEWSROOM_CALL: Lazy<Regex> = lazy_regex!(
    r"(?i)\b(?:got a story|have a story|story to tell|send (?:us )?your (?:stories|story|tips|news)|news ?team|news tips?|tip us|feedback)\b"
);

/// Whether a paragraph is a newsroom's call for tips with its e-mail address.
fn is_newsroom_call(p: &str) -> bool {
    p.contains('@') && NEWSROOM_CALL.is_match(p)
}

/// A notice to readers who block ads ("Ad block users: some features may not work while an ad
/// blocker is enabled", "Please disable your ad blocker").
static ADBLOCK_NOTICE: Lazy<Regex> = lazy_regex!(
    r"(?i)\bad ?blockers?\b.{0,80}\b(?:enabled|active|disable|turn(?:ed)? off|whitelist|allow)|\b(?:disable|turn off|deactivate|pause) (?:your |the )?ad ?blockers?\b|\bwerbeblocker\b"
);

/// Whether a paragraph is a notice to readers who block ads.
fn is_adblock_notice(p: &str) -> bool {
    (mentions(p, "block") || mentions(p, "werbeblocker")) && ADBLOCK_NOTICE.is_match(p)
}

/// A notice that more is loading ("Loading…", "Cargando siguiente contenido...", "正在加载...",
/// "Scroll down to load comments..."): a short line closed by an ellipsis.
static LOADING_NOTICE: Lazy<Regex> = lazy_regex!(
    r"(?i)^(?:loading|cargando|chargement|wird geladen|caricamento|carregando|ładowanie|načítání|正在加载|加载中|読み込み中|scroll down to load)\b.{0,40}(?:\.\.\.|…)$"
);

/// Longest line taken for a loading notice.
const MAX_LOADING_NOTICE_CHARS: usize = 60;

/// Whether a line is a notice that more is loading (see [`LOADING_NOTICE`]).
fn is_loading_notice(l: &str) -> bool {
    let l = l.trim();
    (l.ends_with("...") || l.ends_with('…'))
        && l.chars().count() <= MAX_LOADING_NOTICE_CHARS
        && LOADING_NOTICE.is_match(l)
}

/// A prompt opening a short line that asks readers to report a mistake in the article or to
/// rate it ("Spotted an error? Report it", "Fehler gefunden? Jetzt melden.", "Kļūda rakstā?",
/// "Was this article helpful?"): the site's feedback widget, not the writer.
static FEEDBACK_PROMPT: Lazy<Regex> = lazy_regex!(
    r"(?i)^(?:(?:have you |you )?(?:spotted|found|see) an? (?:error|typo|mistake)|report an? (?:error|typo|mistake)|(?:sie haben )?(?:einen )?fehler gefunden|(?:vous avez )?(?:trouvé|repéré) une (?:erreur|faute)|signaler une erreur|¿?(?:has )?(?:visto|encontrado) (?:un|algún) error|kļūda rakstā|was this (?:article|story|page) helpful|did you find this (?:article|story) (?:helpful|useful)|wie hat ihnen (?:dieser|der) (?:artikel|beitrag) gefallen)\b"
);

/// A link that skips to the content or the navigation, for keyboards and screen readers ("Jump
/// to navigation Jump to search", "Zum Inhalt springen", "zum Hauptinhalt", "Aller au
/// contenu"): the whole line, one link or a few.
static SKIP_LINK: Lazy<Regex> = lazy_regex!(
    r"(?i)^(?:(?:(?:jump|skip) to (?:the )?(?:navigation|search|(?:main )?content)|(?:direkt )?zum (?:haupt)?inhalt(?: springen)?|(?:aller|passer) au contenu(?: principal)?|(?:ir|saltar) al contenido(?: principal)?|vai al contenuto(?: principale)?)\s*)+$"
);

/// A wire service's note on a revised story, wholly in parentheses ("(Corrects 10th paragraph
/// to show the Wii is from Nintendo)", "(Updates with closing prices)"): about the copy, not
/// part of it.
static REVISION_NOTE: Lazy<Regex> =
    lazy_regex!(r"^\((?:Corrects|Updates|Adds|Recasts|Refiles|Repeats|Fixes)\b[^()]*\)\.?$");

/// Longest paragraph taken for a revision note.
const MAX_REVISION_NOTE_CHARS: usize = 200;

/// Longest paragraph taken for a feedback prompt.
const MAX_FEEDBACK_PROMPT_CHARS: usize = 80;

/// Paragraphs that are widget labels rather than article text.
fn is_boilerplate_line(p: &str) -> bool {
    let chars = p.chars().count();
    if chars <= MAX_SLASH_CREDIT_CHARS && SLASH_CREDIT.is_match(p) {
        return true;
    }
    if chars <= MAX_COURTESY_CREDIT_CHARS && COURTESY_CREDIT.is_match(p) {
        return true;
    }
    if chars <= MAX_CAPTION_CREDIT_CHARS && is_caption_with_credit(p) {
        return true;
    }
    if chars <= MAX_TOGGLE_CHARS && TOGGLE_LABELS.is_match(p) {
        return true;
    }
    if is_teaser(p) || is_loading_notice(p) {
        return true;
    }
    if chars <= MAX_FEEDBACK_PROMPT_CHARS && (FEEDBACK_PROMPT.is_match(p) || SKIP_LINK.is_match(p))
    {
        return true;
    }
    if p.starts_with('(') && chars <= MAX_REVISION_NOTE_CHARS && REVISION_NOTE.is_match(p) {
        return true;
    }
    if !p.chars().any(char::is_alphanumeric) {
        return true;
    }
    if chars <= 150
        && (NOISE_LINE.is_match(p)
            || PAYWALL_NOTICE.is_match(p)
            || (["whatsapp", "telegram", "google news"]
                .iter()
                .any(|w| mentions(p, w))
                && FOLLOW_CHANNEL.is_match(p))
            || (mentions(p, "browser") && BROWSER_NOTICE.is_match(p)))
    {
        return true;
    }
    if chars <= 60 && !is_attribution(p) && crate::date::parse_date_text(p).is_some() {
        return true;
    }
    if is_metadata_strip(p) || is_timestamp_line(p) || is_media_teaser(p) {
        return true;
    }
    if chars <= MAX_NOTICE_CHARS && (is_newsroom_call(p) || is_adblock_notice(p)) {
        return true;
    }
    if p.len() > 60 {
        return false;
    }
    let l = p.to_lowercase();
    let l = l.trim_end_matches([':', '.', '!']);
    matches!(
        l,
        "advertisement"
            | "advertisements"
            | "ad"
            | "sponsored"
            | "sponsored content"
            | "share"
            | "share this"
            | "share this article"
            | "share this story"
            | "read more"
            | "continue reading"
            | "related"
            | "related articles"
            | "related stories"
            | "tweet"
            | "email"
            | "print"
            | "comments"
            | "story continues below advertisement"
            | "article continues below"
            | "skip advertisement"
            | "video"
            | "watch now"
            | "drucken"
            | "kommentar abgeben"
            | "kommentare"
            | "teilen"
            | "anzeige"
            | "werbung"
            | "publicité"
            | "publicidad"
            | "more"
            | "load more"
            | "show more"
            | "close"
            | "menu"
            | "search"
    )
}

/// The article body of a parsed page as plain text, or an empty string.
#[cfg(test)]
pub fn main_text(doc: &Html) -> String {
    main_content(doc).text
}

/// The article body of a page, and the caption of the picture that opens it.
#[derive(Debug, Default)]
pub struct MainContent {
    /// The body as plain text, or an empty string.
    pub text: String,
    /// The caption (and credit) of a picture placed before the first paragraph of the
    /// content block, which the body leaves out with the other captions.
    pub lead_caption: Option<String>,
}

/// Probable boilerplate (negative class words, hidden blocks, forms) is left out unless it
/// holds more than this share of the page's text (then it is the page: a form or a hidden
/// wrapper around everything).
const SOFT_LIMIT_NUM: usize = 3;
const SOFT_LIMIT_DEN: usize = 5;

/// The article body of a parsed page and its lead caption.
pub fn main_content(doc: &Html) -> MainContent {
    let raw = collect_stats(doc, None, false);
    let total = raw.get(doc.root_element().id()).text;
    let stats = collect_stats(
        doc,
        Some((&raw, total * SOFT_LIMIT_NUM / SOFT_LIMIT_DEN)),
        false,
    );
    let (text, roots) = render_best(doc, &stats, Clutter::Drop);
    let soft_pass = text.len() >= MIN_BODY_CHARS;
    let (text, roots) = if soft_pass {
        (text, roots)
    } else {
        // Too little survived the boilerplate filter: try again trusting only the certain rules.
        let retry = render_best(doc, &raw, Clutter::Drop);
        let best = if retry.0.len() > text.len() {
            retry
        } else {
            (text, roots)
        };
        if best.0.len() >= MIN_BODY_CHARS {
            best
        } else {
            // The article may be one block that also holds its links: keep such blocks, when
            // that brings back prose rather than link lists.
            let with_links = render_best(doc, &raw, Clutter::Keep);
            let best = if with_links.0.len() > best.0.len() && has_prose_line(&with_links.0) {
                with_links
            } else {
                best
            };
            if best.0.len() >= MIN_BODY_CHARS {
                best
            } else {
                // A page with almost no text of its own may show its article in a box beside
                // it (a slideshow in an aside, a transcript in a footer).
                let side = collect_stats(doc, None, true);
                let beside = render_best(doc, &side, Clutter::Drop);
                if beside.0.len() > 2 * best.0.len() && has_prose_line(&beside.0) {
                    beside
                } else {
                    best
                }
            }
        }
    };
    // Blocks the body left out (a header with its standfirst) do not end the search.
    let used = if soft_pass { &stats } else { &raw };
    let lead_caption = roots
        .first()
        .and_then(|&root| lead_caption(doc, used, root))
        // An audio or video player's teaser is no caption of the opening picture.
        .filter(|c| !text.contains(c.as_str()) && !is_media_teaser(c));
    MainContent { text, lead_caption }
}

/// The visible text of a caption, with collapsed whitespace (empty for a bare picture); `None`
/// when it is mostly links (a menu or a gallery's navigation rather than a caption).
fn caption_text(node: ego_tree::NodeRef<'_, Node>) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    let (mut chars, mut link_chars) = (0, 0);
    let mut edges = node.traverse();
    while let Some(edge) = edges.next() {
        let Edge::Open(n) = edge else { continue };
        match n.value() {
            Node::Element(el)
                if matches!(
                    el.name(),
                    "script" | "style" | "noscript" | "svg" | "button" | "template"
                ) || is_hidden(el) =>
            {
                // Skip the subtree: advance to this element's close edge.
                for e in edges.by_ref() {
                    if matches!(e, Edge::Close(c) if c.id() == n.id()) {
                        break;
                    }
                }
            }
            Node::Text(t) => {
                let len = collapsed_len(t);
                chars += len;
                if n.ancestors()
                    .take_while(|a| a.id() != node.id())
                    .any(|a| a.value().as_element().is_some_and(|e| e.name() == "a"))
                {
                    link_chars += len;
                }
                words.extend(t.split_whitespace());
            }
            _ => {}
        }
    }
    (link_chars * 2 <= chars).then(|| words.join(" "))
}

/// Longest caption taken as a lead caption.
const MAX_CAPTION_CHARS: usize = 300;

/// How many nodes of the content are searched for a lead caption.
const CAPTION_WINDOW: usize = 2_000;

/// Class or id words of caption and photo-credit blocks.
static CAPTION_CLASS: Lazy<Regex> = lazy_regex!(r"(?i)caption|credit");

/// Whether an element is a caption: a `<figure>`, a `<figcaption>` or a caption/credit-classed
/// block, shown when the page loads.
fn is_caption(el: &Element) -> bool {
    (matches!(el.name(), "figure" | "figcaption") || CAPTION_CLASS.is_match(&class_id(el)))
        && !is_hidden(el)
}

/// Whether a caption's text reads as a lead caption: some letters, not too long, and not a
/// caption closed by its credit, which the body leaves out too (see [`is_caption_with_credit`]).
fn is_usable_caption(text: &str) -> bool {
    text.chars().count() <= MAX_CAPTION_CHARS
        && text.chars().any(char::is_alphabetic)
        && !is_caption_with_credit(text)
}

/// The caption of the picture that opens the article: the first non-empty caption in the
/// content under `root`, when it comes before the first paragraph of prose.
fn lead_caption(doc: &Html, raw: &Stats, root: NodeId) -> Option<String> {
    let node = doc.tree.get(root)?;
    for n in node.descendants().skip(1).take(CAPTION_WINDOW) {
        let Some(el) = ElementRef::wrap(n) else {
            continue;
        };
        if is_caption(el.value()) && beside_picture(n) {
            match caption_text(n) {
                // A picture without a caption: the lead caption may come after it.
                Some(text) if text.is_empty() => continue,
                text => return text.filter(|t| is_usable_caption(t)),
            }
        }
        if is_text_block(el.value().name()) && is_prose_block(raw, n.id()) {
            return None;
        }
    }
    None
}

/// How many nodes around a caption are searched for its picture.
const PICTURE_WINDOW: usize = 200;

/// Whether a caption sits with a picture (or video, or embed) in its parent block: a "credit"
/// line with none ("Powered by Example", a widget's credit) captions nothing.
fn beside_picture(caption: ego_tree::NodeRef<'_, Node>) -> bool {
    let around = caption.parent().unwrap_or(caption);
    around.descendants().take(PICTURE_WINDOW).any(|d| {
        d.value().as_element().is_some_and(|e| {
            matches!(
                e.name(),
                "img" | "picture" | "video" | "iframe" | "noscript" | "svg" | "object" | "embed"
            )
        })
    })
}

/// Whether a block holds enough kept text to be a paragraph of prose.
fn is_prose_block(raw: &Stats, id: NodeId) -> bool {
    let st = raw.get(id);
    !st.skip && st.text >= 60
}

/// Whether a text has a line of prose: long, and ending like a sentence.
fn has_prose_line(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim();
        l.chars().count() >= 80 && l.ends_with(['.', '!', '?', '。', '！', '？', '"', '”'])
    })
}

/// Bodies shorter than this make the extractor retry with fewer exclusions.
const MIN_BODY_CHARS: usize = 250;

/// The chosen content rendered as text, and the roots it was rendered from.
fn render_best(doc: &Html, stats: &Stats, clutter: Clutter) -> (String, Vec<NodeId>) {
    let roots = choose_content(doc, stats);
    let html = serialise(doc, stats, &roots, clutter);
    // html2text is the declared renderer; the walk stands in should it fail or panic.
    let rendered = std::panic::catch_unwind(|| {
        html2text::config::with_decorator(html2text::render::TrivialDecorator::new())
            .no_table_borders()
            .allow_width_overflow()
            .string_from_read(html.as_bytes(), RENDER_WIDTH)
    });
    let text = match rendered {
        Ok(Ok(text)) => paragraphs(&text),
        _ => render(doc, stats, &roots, clutter),
    };
    (text, roots)
}

/// Line width given to html2text: wide enough that it never wraps a paragraph.
const RENDER_WIDTH: usize = 100_000;

/// Tags written without an end tag.
fn is_void(tag: &str) -> bool {
    matches!(
        tag,
        "br" | "hr"
            | "img"
            | "wbr"
            | "input"
            | "meta"
            | "link"
            | "area"
            | "col"
            | "embed"
            | "source"
    )
}

/// Serialises the chosen nodes as bare HTML (no attributes), leaving out boilerplate, clutter
/// and short unpunctuated labels closed by layout containers, as [`render`] does.
fn serialise(doc: &Html, stats: &Stats, roots: &[NodeId], clutter: Clutter) -> String {
    let mut html = String::from("<html><body>");
    for &root in roots {
        let Some(node) = doc.tree.get(root) else {
            continue;
        };
        // Where the text since the last block boundary starts, and that text.
        let mut since_block = html.len();
        let mut pending = String::new();
        // Open table cells: a short line in a cell is data ("71.1 MB"), not a label.
        let mut cells = 0usize;
        for edge in kept_edges(node, stats, clutter) {
            match edge {
                Edge::Open(n) => match n.value() {
                    Node::Element(el) => {
                        let tag = written_tag(el.name());
                        cells += usize::from(is_cell(tag));
                        html.push('<');
                        html.push_str(tag);
                        html.push('>');
                        if is_block(el.name()) {
                            since_block = html.len();
                            pending.clear();
                        }
                    }
                    Node::Text(t) => {
                        pending.push_str(t);
                        for c in t.chars() {
                            match c {
                                '<' => html.push_str("&lt;"),
                                '>' => html.push_str("&gt;"),
                                '&' => html.push_str("&amp;"),
                                c => html.push(c),
                            }
                        }
                    }
                    _ => {}
                },
                Edge::Close(n) => {
                    if let Node::Element(el) = n.value() {
                        let tag = written_tag(el.name());
                        if is_cell(tag) {
                            cells = cells.saturating_sub(1);
                        }
                        if is_block(tag) && !is_text_block(tag) && cells == 0 && is_label(&pending)
                        {
                            html.truncate(since_block);
                        }
                        if !is_void(tag) {
                            html.push_str("</");
                            html.push_str(tag);
                            html.push('>');
                        }
                        if is_block(tag) {
                            since_block = html.len();
                            pending.clear();
                        }
                    }
                }
            }
        }
        html.push_str("<p></p>");
    }
    html.push_str("</body></html>");
    html
}

/// The tag an element is serialised as for html2text: a rule would be drawn as a line of box
/// characters, so it is a line break; a superscript or subscript would be marked up
/// (`27^{th}`, `^{[1]}`), so it is plain inline text ("27th", "Mme", "[1]").
fn written_tag(tag: &str) -> &str {
    match tag {
        "hr" => "br",
        "sup" | "sub" => "span",
        tag => tag,
    }
}

/// Whether a tag is a table cell.
fn is_cell(tag: &str) -> bool {
    matches!(tag, "td" | "th")
}

/// A short unpunctuated label ("Video", "Liveblog") rather than text.
fn is_label(text: &str) -> bool {
    let p = text.trim();
    !p.is_empty()
        && p.chars().count() <= 30
        && !p.ends_with(['.', '!', '?', '"', '”', '»', ')', '…', ':'])
}

/// html2text output as paragraphs with collapsed whitespace, noise lines left out.
fn paragraphs(text: &str) -> String {
    let mut out = Renderer::default();
    for para in text.split("\n\n") {
        for line in para.lines() {
            out.text(line.trim());
            out.line_break();
        }
        out.paragraph_break();
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(html: &str) -> String {
        main_text(&Html::parse_document(html))
    }

    /// Checks the body of a page holds each of `kept` and none of `dropped`.
    fn assert_body(html: &str, kept: &[&str], dropped: &[&str]) {
        let got = body(html);
        for k in kept {
            assert!(got.contains(k), "{k:?} is missing: {got:?}");
        }
        for d in dropped {
            assert!(!got.contains(d), "{d:?} is kept: {got:?}");
        }
    }

    #[test]
    fn is_inside_means_strictly_below() {
        let doc = Html::parse_fragment("<div id=a><p id=b><b id=c>x</b></p></div><p id=d>y</p>");
        let id = |i: &str| {
            doc.select(&scraper::Selector::parse(&format!("#{i}")).unwrap())
                .next()
                .unwrap()
                .id()
        };
        assert!(is_inside(&doc, id("c"), id("a")));
        assert!(is_inside(&doc, id("b"), id("a")));
        assert!(!is_inside(&doc, id("a"), id("c")));
        assert!(!is_inside(&doc, id("a"), id("a")));
        assert!(!is_inside(&doc, id("d"), id("a")));
    }

    #[test]
    fn by_score_prefers_the_higher_score_then_the_earlier_node() {
        let doc = Html::parse_fragment("<p>x</p><p>y</p>");
        let ids: Vec<NodeId> = doc
            .select(&scraper::Selector::parse("p").unwrap())
            .map(|p| p.id())
            .collect();
        let (first, second) = (ids[0], ids[1]);
        let best = |c: [(NodeId, f64); 2]| c.into_iter().max_by(by_score).unwrap().0;
        assert_eq!(best([(first, 1.0), (second, 2.0)]), second);
        assert_eq!(best([(first, 2.0), (second, 2.0)]), first);
        assert_eq!(best([(second, 2.0), (first, 2.0)]), first);
    }

    #[test]
    fn weigh_discounts_a_score_by_its_link_share() {
        let st = |text, link| Stat {
            text,
            link,
            ..Stat::default()
        };
        assert_eq!(st(100, 0).weigh(8.0), 8.0);
        assert_eq!(st(100, 25).weigh(8.0), 6.0);
        assert_eq!(st(0, 0).weigh(8.0), 8.0);
    }

    #[test]
    fn picks_the_article_and_drops_boilerplate() {
        let para = "This is a long sentence of the article, with commas, and more words to read. \
                    It goes on for a while, as real paragraphs do, so that the body is long enough.";
        for (html, must_have, must_not) in [
            (
                format!(
                    "<body><nav><a href=/>Home</a> <a href=/x>World</a></nav><div class=story><p>{para}</p><p>{para} Two.</p></div><footer>Copyright footer text here</footer></body>"
                ),
                "Two.",
                "Home",
            ),
            (
                format!(
                    "<body><div id=content><p>{para}</p><p>{para}</p><div class=share-tools><p>Share on social, with friends, and so on, please please.</p></div></div></body>"
                ),
                "commas",
                "Share on social",
            ),
            (
                format!(
                    "<body><article><p>{para}</p><p>{para}</p><ul class=x><li><a href=/a>Other story one here</a></li><li><a href=/b>Other story two here</a></li></ul></article></body>"
                ),
                "commas",
                "Other story",
            ),
            (
                format!(
                    "<body><div class=main><p>{para}</p><script>var x = 'script text';</script><p>{para}</p></div></body>"
                ),
                "commas",
                "script text",
            ),
            (
                format!(
                    "<body><article><p>{para}</p><div class=image-caption>A man walks by, photo by Someone Else, in the rain today.</div><p>{para}</p></article></body>"
                ),
                "commas",
                "photo by",
            ),
            (
                format!(
                    "<body><main><div class=\"columns\"><div class=column><p>{para}</p><p>{para}</p><p>{para}</p></div></div><ul class=\"comments-list columns\"><li class=\"comment column\"><p>Reader comment, much longer than it should be, goes on and on, and on, and on.</p></li></ul></main></body>"
                ),
                "commas",
                "Reader comment",
            ),
            (
                format!(
                    "<body><article><p>{para}</p><div class=\"c-oembed-placeholder\"><p>To show this embedded content, you consent to sending data to the platform.</p></div><p>{para}</p><div class=authorprofile><p>Ann Lee is a producer, filing stories on politics, who has worked for us since 2019.</p></div></article></body>"
                ),
                "commas",
                "consent",
            ),
            (
                format!(
                    "<body><article><p>{para}</p><div class=\"lightbox hide\"><p>Zoom in on the picture, drag it to move, and pinch to zoom out.</p></div><p>{para}</p></article></body>"
                ),
                "commas",
                "Zoom in",
            ),
            (
                format!(
                    "<body><article><div class=author-dropdown><p>Ann Lee works here as a writer, and also blogs, reads and travels widely.</p></div><p>{para}</p><p>{para}</p></article></body>"
                ),
                "commas",
                "Ann Lee",
            ),
            (
                format!(
                    "<body><article><p>{para}</p><p>{para}</p><div class=\"ui biography\"><p>Ann Lee teaches at a university, and her new book, out in May, is about cities.</p></div></article></body>"
                ),
                "commas",
                "Ann Lee",
            ),
            (
                format!(
                    "<body><article><p>{para}</p><p>{para}</p><div class=contributor_details><p>Ann Lee is a freelance writer who has covered the web, design and cities since 1995.</p></div></article></body>"
                ),
                "commas",
                "Ann Lee",
            ),
            (
                format!(
                    "<body><article><p>{para}</p><p>{para}</p><div class=about-the-author><p>Ann Lee is a producer, filing stories on politics, who has worked for us since 2019.</p></div></article></body>"
                ),
                "commas",
                "Ann Lee",
            ),
        ] {
            let got = body(&html);
            assert!(got.contains(must_have), "{got:?} lacks {must_have:?}");
            assert!(!got.contains(must_not), "{got:?} has {must_not:?}");
        }
    }

    #[test]
    fn leaves_out_text_classed_for_screen_readers_only() {
        let para =
            "The text of the story, with commas, clauses and more words, goes on for a while. ";
        for class in [
            "screen-reader-text",
            "element-invisible",
            "u-offscreen",
            "go-vh",
        ] {
            let html = format!(
                "<body><article><p>{para}The <a href=https://example.org/r>report<span \
                 class={class}> (opens in a new window)</span></a> was published.</p><p>{}</p>\
                 </article></body>",
                para.repeat(3)
            );
            let text = body(&html);
            assert!(
                text.contains("The report was published."),
                "{class}: {text:?}"
            );
        }
        // A class word merely containing the letters is no such marker.
        let html = format!(
            "<body><article><p>{para}The <span class=hvhx>report</span> was published.</p>\
             <p>{}</p></article></body>",
            para.repeat(3)
        );
        assert!(body(&html).contains("The report was published."));
    }

    #[test]
    fn writes_superscripts_and_subscripts_as_plain_text() {
        let para =
            "The text of the story, with commas, clauses and more words, goes on for a while. ";
        let html = format!(
            "<body><article><p>{para}M<sup>me</sup> Lee was born in the 19<sup>th</sup> \
             century.<sup><a href=#n1>[1]</a></sup> Water is H<sub>2</sub>O.</p><p>{}</p>\
             </article></body>",
            para.repeat(3)
        );
        let text = body(&html);
        assert!(
            text.contains("Mme Lee was born in the 19th century.[1] Water is H2O."),
            "{text:?}"
        );
    }

    #[test]
    fn leaves_out_a_hint_clipped_away_for_screen_readers() {
        let para =
            "The text of the story, with commas, clauses and more words, goes on for a while. ";
        let page = |style: &str| {
            format!(
                "<body><article><p>{para}The <a href=https://example.org/r>report<span \
                 style=\"{style}\">, opens new tab</span></a> was published.</p><p>{}</p>\
                 </article></body>",
                para.repeat(3)
            )
        };
        for style in [
            "border:0;clip:rect(0 0 0 0);height:1px;overflow:hidden;position:absolute;width:1px",
            "clip-path: inset(50%); position: absolute",
        ] {
            let text = body(&page(style));
            assert!(text.contains("The report was published."), "{text:?}");
            assert!(!text.contains("opens new tab"), "{text:?}");
        }
        // A clip that shows part of the element hides nothing.
        assert!(body(&page("clip:rect(0 40px 20px 0)")).contains("opens new tab"));
    }

    #[test]
    fn takes_the_caption_of_a_picture_that_opens_the_content() {
        let para =
            "The text of the story, with commas, clauses and more words, goes on for a while. ";
        let page = |figure_first: bool| {
            let figure = "<figure><img src=a.jpg><noscript><img src=b.jpg></noscript>\
                          <figcaption>Boats in the harbour at dawn. <span class=credit>Ann Lee</span></figcaption></figure>";
            let (before, after) = if figure_first {
                (figure, "")
            } else {
                ("", figure)
            };
            format!(
                "<body><article>{before}<p>{}</p>{after}<p>{}</p></article></body>",
                para.repeat(3),
                para.repeat(3)
            )
        };
        let content = main_content(&Html::parse_document(&page(true)));
        assert_eq!(
            content.lead_caption.as_deref(),
            Some("Boats in the harbour at dawn. Ann Lee")
        );
        assert!(!content.text.contains("harbour"), "{:?}", content.text);
        let content = main_content(&Html::parse_document(&page(false)));
        assert_eq!(content.lead_caption, None);
    }

    #[test]
    fn a_caption_closed_by_a_labelled_credit_is_no_lead_caption() {
        let para =
            "The text of the story, with commas, clauses and more words, goes on for a while. ";
        let page = format!(
            "<body><article><figure><img src=a.jpg><figcaption>Boats in the harbour at dawn. \
             <span class=credit>Foto: Ann Lee</span></figcaption></figure><p>{}</p><p>{}</p>\
             </article></body>",
            para.repeat(3),
            para.repeat(3)
        );
        let content = main_content(&Html::parse_document(&page));
        assert_eq!(content.lead_caption, None);
        assert!(!content.text.contains("harbour"), "{:?}", content.text);
    }

    #[test]
    fn an_audio_players_teaser_is_no_lead_caption() {
        let para =
            "The text of the story, with commas, clauses and more words, goes on for a while. ";
        let page = |caption: &str| {
            format!(
                "<body><article><figure><img src=a.jpg><figcaption>{caption}</figcaption>\
                 </figure><p>{}</p><p>{}</p></article></body>",
                para.repeat(3),
                para.repeat(3)
            )
        };
        let content = main_content(&Html::parse_document(&page(
            "Audio 02:41 Min. | 12.03.24 | Ann Lee The river floods the old town",
        )));
        assert_eq!(content.lead_caption, None);
        let content = main_content(&Html::parse_document(&page(
            "The river floods the old town.",
        )));
        assert!(content.lead_caption.is_some());
    }

    #[test]
    fn a_credit_line_without_a_picture_is_no_lead_caption() {
        let para =
            "The text of the story, with commas, clauses and more words, goes on for a while. ";
        let html = format!(
            "<body><article><div class=widget><h2>Around the web</h2>\
             <div class=widget-credit>Powered by Example Widgets</div></div>\
             <p>{}</p><p>{}</p></article></body>",
            para.repeat(3),
            para.repeat(3)
        );
        let content = main_content(&Html::parse_document(&html));
        assert_eq!(content.lead_caption, None);
    }

    #[test]
    fn takes_a_standfirst_with_few_commas_above_the_article() {
        let para = "The council met on Monday, and the vote, long delayed, finally passed \
                    with a wide margin after hours of debate among the members present there.";
        let lead = "The old bridge over the river will close for two years from the spring. The \
                    town must now find another way across the water for its buses and its lorries.";
        assert!(lead.matches(',').count() < 2 && lead.chars().count() >= 140);
        let page = |before: &str, after: &str| {
            format!(
                "<body><main><div class=intro><p>{before}</p></div><div class=text>\
                 <p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p>\
                 <p>{para}</p></div><div class=coda><p>{after}</p></div></main></body>"
            )
        };
        let got = body(&page(lead, "Short."));
        assert!(got.starts_with("The old bridge"), "{got:?}");
        // Below the article, or longer than a standfirst, such a block is not taken.
        let got = body(&page("Short.", lead));
        assert!(!got.contains("old bridge"), "{got:?}");
        let long = format!("{lead} {lead} {lead}");
        assert_body(&page(&long, "Short."), &[], &["old bridge"]);
    }

    #[test]
    fn a_small_class_bonused_box_yields_to_a_larger_article_block() {
        let para = "The council met on Monday, and the vote, long delayed, finally passed \
                    with a wide margin after hours of debate among the members present there.";
        let html = format!(
            "<body><section><p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p></section>\
             <div><div class=main-content><p>Get our morning briefing, free, every day, \
             with the five stories you need to read today.</p></div><p>Close</p></div></body>"
        );
        assert_body(&html, &["The council met"], &["briefing"]);
    }

    #[test]
    fn a_standfirst_left_out_of_the_body_does_not_hide_the_lead_caption() {
        let para =
            "The text of the story, with commas, clauses and more words, goes on for a while. ";
        let html = format!(
            "<body><article><header><h1>Big News</h1><p>A standfirst that sums up the story \
             in one long sentence for readers.</p></header><figure><img src=a.jpg>\
             <figcaption>Boats in the harbour at dawn.</figcaption></figure>\
             <p>{}</p><p>{}</p></article></body>",
            para.repeat(3),
            para.repeat(3)
        );
        let content = main_content(&Html::parse_document(&html));
        assert!(!content.text.contains("standfirst"), "{:?}", content.text);
        assert_eq!(
            content.lead_caption.as_deref(),
            Some("Boats in the harbour at dawn.")
        );
    }

    #[test]
    fn a_bare_picture_does_not_hide_the_lead_caption_after_it() {
        let para =
            "The text of the story, with commas, clauses and more words, goes on for a while. ";
        let html = format!(
            "<body><article><p class=caption><img src=a.jpg></p>\
             <p class=caption>Image: Ann Lee</p><p>{}</p><p>{}</p></article></body>",
            para.repeat(3),
            para.repeat(3)
        );
        let content = main_content(&Html::parse_document(&html));
        assert_eq!(content.lead_caption.as_deref(), Some("Image: Ann Lee"));
    }

    #[test]
    fn leaves_out_an_author_box_named_for_the_article() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        for class in [
            "article-end__author-bio",
            "content_author_details",
            "author_bio",
        ] {
            let html = format!(
                "<body><article><p>{para}</p><p>{para}</p><p>{para}</p><div class=article-end>\
                 <div class={class}><p>Ann Lee covers the city hall for us, \
                 and, before that, wrote about schools.</p></div></div></article></body>"
            );
            let got = body(&html);
            assert!(got.contains("The article text"), "{got:?}");
            assert!(!got.contains("city hall"), "{class}: {got:?}");
        }
    }

    #[test]
    fn leaves_out_a_gallery_that_outweighs_the_article_inside_its_body() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let para = para.repeat(2);
        let slide = "<li><h2>Slide</h2><p>A slide's long caption, with commas, names, places, \
                     and dates, that tells another story of the week in a few lines.</p></li>";
        let html = format!(
            "<body><div itemprop=articleBody><p>{para}</p><p>{para}</p><p>{para}</p>\
             <div class=full-gallery><ul>{}</ul></div></div></body>",
            slide.repeat(12)
        );
        assert_body(&html, &["The article text"], &["another story"]);
    }

    #[test]
    fn keeps_the_rest_of_the_article_behind_a_read_more_button() {
        let para = "The opening text, with commas, and more words to read, goes on for a while.";
        let para = para.repeat(2);
        let rest = "The rest of the story, hidden until the button is pressed, goes on, and on.";
        let html = format!(
            "<body><article><p>{para}</p><p>{para}</p><p>{para}</p><div id=read-more>\
             <a href=#>Read more</a><div id=read-more-content><p>{rest}</p><p>{rest}</p>\
             </div></div></article></body>"
        );
        assert_body(&html, &["The opening text", "The rest of the story"], &[]);
    }

    #[test]
    fn keeps_paragraphs_a_paywall_hides_but_not_the_paywall_box() {
        let para = "The opening text, with commas, and more words to read, goes on for a while.";
        let para = para.repeat(2);
        let rest = "The rest of the story, for subscribers, goes on, and on, with more words.";
        let html = format!(
            "<body><article><p>{para}</p><p>{para}</p><p>{para}</p>\
             <p class=paywall aria-hidden=true>{rest}</p><h2 class=paywall>What came next</h2>\
             <p class=paywall>{rest}</p>\
             <div class=paywall><p>Subscribe today, and save, for just one pound a week.</p>\
             </div></article></body>"
        );
        let got = body(&html);
        assert!(got.contains("The opening text"), "{got:?}");
        assert_eq!(got.matches("The rest of the story").count(), 2, "{got:?}");
        assert!(got.contains("What came next"), "{got:?}");
        assert!(!got.contains("Subscribe"), "{got:?}");
    }

    #[test]
    fn leaves_out_a_small_box_holding_a_form_control() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let para = para.repeat(2);
        let html = format!(
            "<body><article><p>{para}</p><p>{para}</p><div><div><p>Here you find an \
             external video that adds to the article.</p><label><input type=checkbox> \
             Show videos</label><p>I agree that videos are shown to me.</p></div></div>\
             <p>{para}</p><div><p>A box with a button, and prose, stays.</p><button>Play\
             </button></div></article></body>"
        );
        let got = body(&html);
        assert_eq!(got.matches("The article text").count(), 6, "{got:?}");
        assert!(!got.contains("external video"), "{got:?}");
        assert!(!got.contains("I agree"), "{got:?}");
        assert!(got.contains("A box with a button"), "{got:?}");
    }

    #[test]
    fn leaves_out_consent_prompts_that_outweigh_the_article() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let notice = "We and our partners store cookies on your device, use them for ads, measure them, \
                      and share them, as you allow, under the law, in line with the policy. ";
        let html = format!(
            "<body><article><p>{para}</p><p>{para}</p><p>{para}</p></article>\
             <div id=cmp-consent-sdk><div class=pc-main-content><p>{}</p><p>{}</p></div></div>\
             <div aria-modal=true><div class=main-content><p>{}</p></div></div></body>",
            notice.repeat(3),
            notice.repeat(3),
            notice.repeat(3)
        );
        assert_body(&html, &["The article text"], &["partners"]);
    }

    #[test]
    fn prefers_the_first_of_stacked_articles() {
        let para = |t: &str| {
            format!("<p>{t} story, with commas, clauses, and more words, goes on for a while.</p>")
        };
        let first: String = (0..5).map(|_| para("The first")).collect();
        let next: String = (0..8).map(|_| para("The next")).collect();
        let html = format!(
            "<body><main><article><div>{first}</div></article>\
             <div><article><div>{next}</div></article></div></main></body>"
        );
        assert_body(&html, &["The first story"], &["The next story"]);
    }

    #[test]
    fn reads_no_role_into_ids_made_from_headings() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let html = format!(
            "<body><div class=doc><p>{para}</p><p>{para}</p>\
             <div id=sharing-the-harvest-with-neighbours><h2>Sharing the harvest with neighbours</h2>\
             <p>Second section text, with commas, and words, that belongs to the article.</p>\
             <p>{para}</p></div></div></body>"
        );
        let got = body(&html);
        assert!(got.contains("Second section text"), "{got:?}");
        assert_eq!(
            id_word(
                Html::parse_fragment("<div id=share-bar></div>")
                    .root_element()
                    .first_child()
                    .and_then(|n| n.value().as_element())
                    .expect("div")
            ),
            Some("share-bar")
        );
    }

    #[test]
    fn keeps_a_paragraph_made_mostly_of_inline_links() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let html = format!(
            "<body><article><p>{para} {para}</p><p>{para} {para}</p>\
             <p>See <a href=/a>the council report on bridges</a> and \
             <a href=/b>the minutes of the March meeting</a>, both out now, the mayor said on Monday.</p>\
             <ul><li><a href=/c>Other story one here</a></li><li><a href=/d>Other story two</a></li></ul>\
             </article></body>"
        );
        assert_body(&html, &["the council report"], &["Other story"]);
    }

    #[test]
    fn keeps_a_linked_item_that_reads_as_a_sentence() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let html = format!(
            "<body><article><p>{para} {para}</p><p>{para} {para}</p>\
             <ul><li>{para}</li><li>Here is <a href=/r>our review of the whole year</a>!</li>\
             <li><a href=/c>Other story one here</a></li><li><a href=/e>Is this another story?</a></li></ul>\
             <p>Read <a href=/f>the full text of the speech given on Monday</a>.</p>\
             </article></body>"
        );
        assert_body(
            &html,
            &[
                "our review of the whole year",
                "the full text of the speech",
            ],
            &["Other story", "another story"],
        );
    }

    #[test]
    fn keeps_the_prose_items_of_a_list_whose_sub_lists_are_links() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let link = |n: u32| {
            format!(
                "<li><a href=/b{n}>Ticket {n} - the panel flickers when the window is resized</a></li>"
            )
        };
        let links: String = (1..=5).map(link).collect();
        let html = format!(
            "<body><article><p>{para} {para}</p><p>{para} {para}</p>\
             <h4>Window manager</h4><ul><li>Students will work on the window manager again next term, \
             with two mentors from the desktop team.</li><li>In progress:<ul>{links}</ul></li></ul>\
             <h4>More from us</h4><ul>{links}</ul></article></body>"
        );
        assert_body(
            &html,
            &["Window manager", "Students will work"],
            &["More from us"],
        );
    }

    #[test]
    fn a_box_wrapping_one_linked_sentence_is_judged_as_the_sentence() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let html = format!(
            "<body><article><p>{para} {para}</p><p>{para} {para}</p>\
             <div class=block><div><p>Under the treaty <a href=/t>members may bring any worry about \
             their safety to the council</a>, its main body.</p></div></div>\
             <div class=block><div><p><a href=/o>Other story one here, told at length</a></p></div></div>\
             <p>{para}</p></article></body>"
        );
        assert_body(&html, &["members may bring"], &["Other story"]);
    }

    #[test]
    fn a_heading_linked_to_its_own_anchor_is_a_heading() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let html = format!(
            "<body><article><p>{para} {para}</p><h3 id=how-it-works><a href=\"#how-it-works\">How the \
             engine works</a></h3><p>{para} {para}</p><h3><a href=/other>Another story told \
             elsewhere</a></h3><p>{para}</p></article></body>"
        );
        assert_body(&html, &["How the engine works"], &["Another story"]);
    }

    #[test]
    fn a_table_of_figures_beside_linked_names_is_data() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let row = |name: &str, n: u32| {
            format!(
                "<tr><td><a href=/{n}>{name} of the long linked name</a></td><td>{n} MB</td></tr>"
            )
        };
        let rows = [row("Alpha", 71), row("Beta", 32), row("Gamma", 17)].concat();
        let links = "<tr><td><a href=/x>Another story told at length</a></td>\
                     <td><a href=/y>A further story told at length</a></td></tr>"
            .repeat(3);
        let html = format!(
            "<body><article><p>{para} {para}</p><table>{rows}</table><p>{para} {para}</p>\
             <table>{links}</table><p>{para}</p></article></body>"
        );
        let got = body(&html);
        assert!(got.contains("71 MB"), "{got:?}");
        assert!(!got.contains("Another story"), "{got:?}");
        // The same in layout wrappers.
        let html = format!(
            "<body><article><p>{para} {para}</p><div><div><table>{rows}</table></div></div>\
             <p>{para} {para}</p><div><div><table>{links}</table></div></div><p>{para}</p></article></body>"
        );
        assert_body(&html, &["71 MB"], &["Another story"]);
    }

    #[test]
    fn a_short_line_in_a_table_cell_is_data_not_a_label() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let rows: String = (1..=3)
            .map(|n| format!("<tr><td><div>Item {n}</div></td><td><div>{n}.5 MB</div></td></tr>"))
            .collect();
        let html = format!(
            "<body><article><p>{para} {para}</p><table>{rows}</table><div>Video</div>\
             <p>{para} {para}</p></article></body>"
        );
        let doc = Html::parse_document(&html);
        let stats = collect_stats(&doc, None, false);
        let root = vec![doc.root_element().id()];
        // The declared renderer and the walk that stands in for it.
        for got in [body(&html), render(&doc, &stats, &root, Clutter::Drop)] {
            assert!(got.contains("Item 2") && got.contains("2.5 MB"), "{got:?}");
            assert!(!got.contains("Video"), "{got:?}");
        }
    }

    #[test]
    fn drops_a_short_note_about_the_writer_under_its_heading() {
        let mut paragraphs = vec![
            "The article's last paragraph, with its words.".to_string(),
            "Die Autorin".to_string(),
            "Ann Lee (*1960) writes about trade for this paper.".to_string(),
            "About the author\nBo Chan covers courts.".to_string(),
            "About the author".to_string(),
            "A long section that only starts like a note. ".repeat(12),
        ];
        drop_author_notes(&mut paragraphs);
        assert_eq!(paragraphs.len(), 3, "{paragraphs:?}");
        assert!(paragraphs[0].starts_with("The article's"));
        assert_eq!(paragraphs[1], "About the author");
    }

    #[test]
    fn a_script_action_or_bare_anchor_is_no_link() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let html = format!(
            "<body><article><p>{para} {para}</p><p>{para} {para}</p>\
             <h2><a href=\"javascript:void(0)\">How the plant works today</a></h2>\
             <p><a name=sec2>A short anchored line</a></p>\
             <ul><li><a href=/c>Other story one here</a></li><li><a href=/d>Other story two</a></li></ul>\
             </article></body>"
        );
        assert_body(
            &html,
            &["How the plant works today", "A short anchored line"],
            &["Other story"],
        );
    }

    #[test]
    fn leaves_out_other_stories_named_for_the_article() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let html = format!(
            "<body><article><p>{para} {para}</p><p>{para} {para}</p>\
             <section class=\"c-article-most-popular\"><p>A teaser of another story, with commas, \
             that runs on for a while, as teasers do.</p></section><p>{para}</p></article></body>"
        );
        assert_body(&html, &["commas"], &["teaser"]);
    }

    #[test]
    fn leaves_out_a_disclaimer_box() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let html = format!(
            "<body><article><p>{para} {para}</p><div class=\"opinion-disclaimer\"><p>Opinions \
             expressed are solely those of the writer, and do not reflect the views of the \
             editors.</p></div><p>{para} {para}</p></article></body>"
        );
        assert_body(&html, &["commas"], &["Opinions expressed"]);
    }

    #[test]
    fn a_heading_goes_with_the_link_list_it_titles() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let html = format!(
            "<body><article><p>{para} {para}</p><h3>Also interesting</h3>\
             <ul><li><a href=/a>Other story one here</a></li><li><a href=/b>Other story two</a></li></ul>\
             <h3>What comes next</h3><p>{para} {para}</p></article></body>"
        );
        assert_body(&html, &["What comes next"], &["Also interesting"]);
    }

    #[test]
    fn leaves_out_a_hidden_block_holding_over_half_the_text() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let hidden = "Text of a hidden panel, with commas, shown on request, long and wordy.";
        let html = format!(
            "<body><article><p>{para}</p><p>{para}</p><p>{para}</p><p>{para}</p></article>\
             <div style=\"display: none\"><p>{hidden}</p><p>{hidden}</p><p>{hidden}</p>\
             <p>{hidden}</p><p>{hidden}</p></div></body>"
        );
        assert_body(&html, &["The article text"], &["hidden panel"]);
    }

    #[test]
    fn drops_a_repeated_run_of_paragraphs_but_not_a_single_repeat() {
        let to_vec = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        for (input, expected) in [
            ("a b c d a b c d", "a b c d"),
            ("a b c x a b c", "a b c x"),
            ("a b a b", "a b a b"),
            ("a x a y a z", "a x a y a z"),
            ("a a a a", "a a a a"),
            ("a b c a b c a b c", "a b c"),
        ] {
            let mut paragraphs = to_vec(input);
            drop_repeated_paragraphs(&mut paragraphs);
            assert_eq!(paragraphs.join(" "), expected, "{input:?}");
        }
    }

    #[test]
    fn drops_a_teaser_line_closed_by_its_date_and_time() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let html = format!(
            "<body><article><p>{para} {para}</p><p>{para} {para}<br>\
             What the new rules mean for trade, explained. 16.04.2024 | 6:33 min</p>\
             <p>{para} The end.</p></article></body>"
        );
        assert_body(&html, &["The end."], &["new rules mean"]);
    }

    #[test]
    fn drops_a_strip_of_dates_and_source_split_by_bars() {
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let html = format!(
            "<body><article><p>4. Juni 2019, aktualisiert 4. Juni 2019, 10:12 Uhr | Quelle: Beispiel Online</p>\
             <p>{para} {para}</p><p>{para} {para}</p>\
             <p>Prices | 3 May 2021 | Markets closed higher after a quiet week.</p></article></body>"
        );
        let got = body(&html);
        assert!(!got.contains("Quelle"), "{got:?}");
        assert!(got.contains("Markets closed higher after"), "{got:?}");
        assert!(is_metadata_strip("May 3, 2017 | Updated 15:43"));
        assert!(!is_metadata_strip("May 3, 2017"));
        assert!(is_metadata_strip(
            "Radio One | News | 03.05.2017 | 10:00 Uhr"
        ));
        assert!(!is_metadata_strip("Source: Example | Sports"));
        assert!(!is_metadata_strip(
            "^ \"Fares rise | Example News\". Retrieved 2014-04-05."
        ));
    }

    #[test]
    fn drops_a_short_line_or_group_shown_twice_in_a_row() {
        let tip = "Sign in to react to this story.";
        let (fail, retry) = (
            "The video could not be loaded.",
            "Try again later, or go back.",
        );
        let prose = "The council met on Monday, and the vote was close.";
        for (input, expected) in [
            (vec![prose.to_string(), tip.into(), tip.into()], vec![prose]),
            (
                vec![format!("{fail}\n{retry}\n{fail}\n{retry}"), prose.into()],
                vec![prose],
            ),
            // Code and markers repeat on purpose; a line said once more later is no stutter.
            (vec!["});".into(), "});".into()], vec!["});", "});"]),
            (
                vec![tip.into(), prose.into(), tip.into()],
                vec![tip, prose, tip],
            ),
        ] {
            let mut paragraphs = input.clone();
            drop_stuttered_lines(&mut paragraphs);
            assert_eq!(paragraphs, expected, "{input:?}");
        }
    }

    #[test]
    fn recognises_noise_paragraphs() {
        for (p, noise) in [
            ("Advertisement", true),
            ("Published May 07, 2025", true),
            ("5 hours ago", true),
            ("Photo: Jane Roe", true),
            ("© Jane Roe/Agency", true),
            ("Copyright 2024 The Daily Example", true),
            ("Subscribe now to read the latest news.", true),
            ("\u{200c}", true),
            ("March 3, 2024", true),
            (
                "The council met on March 3, 2024 and voted to close the bridge.",
                false,
            ),
            ("He said the plan would work.", false),
            ("Photo by Jane Roe/Example Images", true),
            ("Image credit: Jane Roe", true),
            ("Jane Roe/Agency", true),
            ("Jane Roe/AFP/Example Images", true),
            ("Add-ons / Web Extensions", false),
            ("Photos of the flood", false),
            ("The AND/OR gate fails", false),
            ("| Lesedauer: 8 Minuten", true),
            ("Reading time: 4 minutes", true),
            ("5 min read", true),
            ("He took 5 min to read the letter.", false),
            ("— Ann Lee (@annlee) May 2, 2024", false),
            ("Article réservé aux abonnés", true),
            ("この記事は会員限定です。", true),
            ("This story is for subscribers only.", true),
            (
                "The club opened a lounge reserved for members of its board.",
                false,
            ),
            ("Box aufklappen Box zuklappen", true),
            ("Continue reading Show less", true),
            ("Show less", true),
            ("The new rules show less than the old ones did.", false),
            ("Courtesy of Ann Lee", true),
            ("Courtesy Example TV", true),
            (
                "Courtesy calls were made to every neighbour on the street.",
                false,
            ),
            ("The courtesy of the staff surprised her.", false),
            ("Ann Lee (@annlee) May 2, 2024", true),
            ("Join us on WhatsApp for the latest news", true),
            ("Follow the Daily Example on Google News.", true),
            ("Folgen Sie uns auf Telegram!", true),
            (
                "Users could not send messages on WhatsApp for two hours.",
                false,
            ),
            ("Thousands join the march, organised on Telegram.", false),
            ("Your web browser is no longer supported.", true),
            ("Dieser Browser wird nicht mehr unterstützt", true),
            (
                "The old browser still works on most of the office computers.",
                false,
            ),
            ("The vote, and what comes next. 18.04.2024 | 0:21 min", true),
            ("Ann Lee 04.12.2023 5 min", true),
            ("3 Min.", true),
            ("The walk to the station took 5 min", false),
        ] {
            assert_eq!(is_boilerplate_line(p), noise, "{p:?}");
        }
    }

    #[test]
    fn drops_a_caption_closed_by_its_credit() {
        for (p, noise) in [
            (
                "Fans cheer the team after the final whistle. Foto: Ann Lee",
                true,
            ),
            ("The old bridge at dawn © Example Archive/Bo Ek", true),
            ("Samsung has trouble in court. (Bild: Bo Ek/Example)", true),
            ("Workers in the new hall. Bildrechte: Example/Ann Lee", true),
            ("A rally downtown on Monday. Photo: Ann Lee", true),
            // Several sentences with a credit glued on: a standfirst, not a caption.
            (
                "The party wants to change the economy. Its leader explains how. A talk about \
                 a radical idea Foto: Ann Lee",
                false,
            ),
            // A credit alone is another rule's; a label inside prose is text.
            ("She took the photo: a blurry view of the hills.", false),
            (
                "The caption read \"Foto: Ann Lee\" and nothing else, the court heard.",
                false,
            ),
            // A caption and its credit on two lines of one paragraph stay together.
            (
                "The fast zombies of a new film.\nCredit: Example Pictures",
                false,
            ),
        ] {
            assert_eq!(is_boilerplate_line(p), noise, "{p:?}");
        }
    }

    #[test]
    fn drops_a_feedback_widgets_prompt_and_skip_links() {
        for (p, noise) in [
            ("Spotted an error? Report it to the newsroom.", true),
            ("Fehler gefunden?Jetzt melden.", true),
            ("Sie haben einen Fehler gefunden?", true),
            ("Vous avez repéré une erreur ?", true),
            ("Kļūda rakstā?", true),
            ("Was this article helpful?", true),
            ("Wie hat Ihnen dieser Artikel gefallen?", true),
            (
                "The auditors found an error in the accounts, and the company restated three \
                 years of results.",
                false,
            ),
            ("Nobody spotted an error until the bridge opened.", false),
            // Skip links.
            ("Jump to navigation Jump to search", true),
            ("Zum Inhalt springen", true),
            ("zum Hauptinhalt", true),
            ("Aller au contenu", true),
            ("Jump to content warnings below if you prefer.", false),
            // A wire service's revision note.
            (
                "(Corrects 10th paragraph to show the console is made by Acme, not Zorb.)",
                true,
            ),
            ("(Updates with closing share prices)", true),
            (
                "(Adds, of course, a twist at the end of the story.) And more text.",
                false,
            ),
        ] {
            assert_eq!(is_boilerplate_line(p), noise, "{p:?}");
        }
    }

    #[test]
    fn drops_publication_times_labelled_in_other_languages() {
        for (p, noise) in [
            (
                "Publisert 02.03.2021, kl. 10.15 Oppdatert 02.03.2021, kl. 11.40",
                true,
            ),
            ("Bijgewerkt 14.02 | Gepubliceerd 09.30", true),
            ("Stand: 12.06.2023 08:45 Uhr", true),
            ("Actualizado el 3 de mayo de 2022", true),
            ("Aggiornato il 2022-05-03", true),
            ("Güncelleme: 11.11.2022 - 09:12", true),
            (
                "Publicado en 1990, el libro vendió millones de copias en todo el mundo.",
                false,
            ),
            ("Stand up for the river, the sign said.", false),
        ] {
            assert_eq!(is_boilerplate_line(p), noise, "{p:?}");
        }
    }

    #[test]
    fn drops_teasers_of_audio_and_video_pieces() {
        for (p, noise) in [
            (
                "Audio 02:41 Min. | 12.03.24 | Ann Lee The river floods the old town",
                true,
            ),
            ("VIDEO: Storm hits the coast (2 Min)", true),
            ("Podcast | Why the bridge had to close", true),
            ("Video: How to hang a wreath", false),
            (
                "Video games took up most of his free time in those years.",
                false,
            ),
            (
                "Audio engineers worked on the album at 10:30 every night.",
                false,
            ),
        ] {
            assert_eq!(is_boilerplate_line(p), noise, "{p:?}");
        }
    }

    #[test]
    fn drops_calls_for_tips_and_ad_blocker_notices() {
        for (p, noise) in [
            (
                "Got a story? Email our news team at news@example.com.",
                true,
            ),
            ("Send your stories to tips@example.com", true),
            (
                "Senden Sie uns Ihr Feedback zu diesem Artikel an: briefe@example.de",
                true,
            ),
            ("Ann Lee may be reached at ann.lee@example.com.", false),
            (
                "The newsroom tips were all about the budget, she said.",
                false,
            ),
            (
                "Ad block users: some features may not work while an ad blocker is enabled.",
                true,
            ),
            ("Please disable your ad blocker to continue.", true),
            (
                "The rise of ad blocking threatens the open web, the group says.",
                false,
            ),
        ] {
            assert_eq!(is_boilerplate_line(p), noise, "{p:?}");
        }
    }

    #[test]
    fn drops_loading_notices_also_inside_a_block() {
        for (p, noise) in [
            ("Loading...", true),
            ("Cargando siguiente contenido...", true),
            ("Scroll down to load comments…", true),
            (
                "Loading the lorries took the men three whole days...",
                false,
            ),
            ("Loading the ferry", false),
            ("The loading bay was empty...", false),
        ] {
            assert_eq!(is_boilerplate_line(p), noise, "{p:?}");
        }
        let text = "The text of the story, with commas, clauses and more words, goes on.";
        let mut out = Renderer::default();
        out.text(text);
        out.line_break();
        out.text("Wird geladen …");
        assert_eq!(out.finish(), text);
    }

    #[test]
    fn drops_labels_closed_by_layout_containers() {
        let text = "A paragraph of the article, long enough to count as prose here.";
        let got = body(&format!(
            "<body><article><div>Video</div><p>{text}</p><h2>Short heading</h2><p>{text}</p></article></body>"
        ));
        assert!(!got.contains("Video"), "{got:?}");
        assert!(got.contains("Short heading"), "{got:?}");
    }

    #[test]
    fn keeps_an_article_written_as_one_block_with_its_links() {
        let line = "The article is one paragraph with line breaks, as some blogs write them, and it reads well.";
        let links: String = (0..40)
            .map(|i| {
                format!("<br><a href=/r{i}>Related story number {i} with a long title here</a>")
            })
            .collect();
        let got = body(&format!(
            "<body><div class=entry><p>{line}<br><br>{line}{links}</p></div></body>"
        ));
        assert!(got.contains("as some blogs write them"), "{got:?}");
    }

    #[test]
    fn a_page_without_text_of_its_own_takes_the_slideshow_beside_it() {
        let slide = |t: &str| {
            format!(
                "<li><h2>{t}</h2><p>{t} is made with a bowl, some branches, and acorns from a walk in the woods.</p></li>"
            )
        };
        let slides: String = ["Fall bowl", "Branch vase", "Gourd vases", "Leaf pumpkin"]
            .iter()
            .map(|t| slide(t))
            .collect();
        let html = format!(
            "<body><div class=main><p>Easy centerpieces for the fall table.</p></div>\
             <aside class=slideshow><ul>{slides}</ul></aside>\
             <footer><p>Copyright, all rights reserved, by the company.</p></footer></body>"
        );
        let got = body(&html);
        assert!(got.contains("Gourd vases is made"), "{got:?}");
        // A page with an article of its own keeps its asides out.
        let para = "The article text, with commas, and more words to read, goes on for a while.";
        let got = body(&format!(
            "<body><div class=main><p>{para} {para}</p><p>{para} {para}</p></div>\
             <aside class=slideshow><ul>{slides}</ul></aside></body>"
        ));
        assert!(!got.contains("Gourd vases"), "{got:?}");
    }

    #[test]
    fn gathers_an_article_split_into_sections_of_wrapped_paragraphs() {
        let item = |t: &str| {
            format!(
                "<div class=\"item text-body\"><p>{t}, which goes on with commas, clauses, and more words, for a while.</p></div>"
            )
        };
        let html = format!(
            "<body><div><div class=section>{}{}{}</div><div class=ad>Advert</div><div class=section>{}{}</div></div></body>",
            item("First part"),
            item("Second part"),
            item("Third part"),
            item("Fourth part"),
            item("Fifth part, the longest of them all by some margin")
        );
        let got = body(&html);
        for part in ["First part", "Third part", "Fifth part"] {
            assert!(got.contains(part), "{got:?} lacks {part:?}");
        }
    }

    #[test]
    fn paragraphs_are_separated() {
        let got = body(
            "<body><article><p>First paragraph, it is long enough to count here.</p><p>Second   paragraph,\n it is long enough too.</p></article></body>",
        );
        assert_eq!(
            got,
            "First paragraph, it is long enough to count here.\n\nSecond paragraph, it is long enough too."
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 20_000;
        let html = format!(
            "<body>{}<p>Deep text, with commas, that is long enough to score.</p>{}</body>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        // Production caps nesting before parsing; the walk (the fallback) needs no cap.
        let capped = crate::extract::nesting::cap_nesting(&html);
        assert!(body(&capped).contains("Deep text"));
        let doc = Html::parse_document(&html);
        let stats = collect_stats(&doc, None, false);
        let roots = choose_content(&doc, &stats);
        assert!(render(&doc, &stats, &roots, Clutter::Drop).contains("Deep text"));
    }

    #[test]
    fn scores_text_held_directly_by_an_article() {
        let cases = [(
            "<body><ul><li><a href=\"/x\"><article>Other story headline here, linked</article></a></li></ul>\
             <article>Lead text of the story, with commas, long enough.<br>Second line, also text.</article></body>",
            "Lead text of the story, with commas, long enough.\nSecond line, also text.",
        )];
        for (html, want) in cases {
            assert_eq!(body(html), want, "{html}");
        }
    }

    #[test]
    fn serialises_the_content_without_clutter() {
        let cases = [
            (
                "<body><article><p>One &lt;b&gt; &amp; two, three.</p><div>Video</div></article></body>",
                "One <b> & two, three.",
            ),
            (
                "<body><article><p>First paragraph, with text.</p><p>Second one.</p></article></body>",
                "First paragraph, with text.\n\nSecond one.",
            ),
            (
                "<body><ul><li>Item one, listed.</li></ul><hr><blockquote>Quoted, said.</blockquote></body>",
                "Item one, listed.\n\nQuoted, said.",
            ),
        ];
        for (html, want) in cases {
            let doc = Html::parse_document(html);
            let stats = collect_stats(&doc, None, false);
            let root = doc.root_element().id();
            let rendered =
                html2text::config::with_decorator(html2text::render::TrivialDecorator::new())
                    .no_table_borders()
                    .allow_width_overflow()
                    .string_from_read(
                        serialise(&doc, &stats, &[root], Clutter::Drop).as_bytes(),
                        RENDER_WIDTH,
                    )
                    .expect("renders");
            assert_eq!(paragraphs(&rendered), want, "{html}");
        }
    }
}

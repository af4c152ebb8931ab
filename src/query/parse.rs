//! The user's query text → a tantivy query, with errors that point at the problem.
//!
//! tantivy's grammar does the parsing; this module adds what users need around it: the
//! position of a syntax error, field aliases (`author:` → `authors`), a refusal of unknown
//! fields, and a bound on query size so a pasted document cannot stall a search.

use tantivy::query::{Query, QueryParser};
use tantivy::query_grammar::{
    Occur, UserInputAst, UserInputLeaf, parse_query, parse_query_lenient,
};
use tantivy::schema::Field;
use tantivy::{Index, Searcher};

use crate::index::schema::{self, Fields};

/// Most clauses a query may have; far above any hand-written query, far below a slow one.
pub const MAX_CLAUSES: usize = 1024;

/// Deepest parenthesis nesting a query may have. The grammar and the query tree are
/// recursive: 10,000 nested parentheses would overflow the stack.
pub const MAX_NESTING: usize = 32;

/// A query the user typed that cannot be run, with the byte offset of the problem.
#[derive(Debug, thiserror::Error)]
#[error("invalid query at column {col}: {message}\n  {query}\n  {caret}^", col = .pos + 1, caret = " ".repeat(.query[..*.pos].chars().count()))]
pub struct QueryError {
    pub query: String,
    pub pos: usize,
    pub message: String,
}

impl QueryError {
    pub(crate) fn new(query: &str, pos: usize, message: impl Into<String>) -> Self {
        let mut pos = pos.min(query.len());
        while !query.is_char_boundary(pos) {
            pos -= 1;
        }
        Self {
            query: query.to_string(),
            pos,
            message: message.into(),
        }
    }
}

/// Which documents a query searches: their default fields differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Articles,
    Quotes,
}

/// Parses a user query for articles or quotes.
pub fn parse_user_query(
    index: &Index,
    fields: &Fields,
    text: &str,
    target: Target,
) -> Result<Box<dyn Query>, QueryError> {
    parse_user_query_over(index, fields, &fields.bodies, text, target, None)
}

/// Parses a user query whose body words are searched in `bodies` only: the per-language body
/// fields that hold any text (see [`crate::query::run::indexed_bodies`]). A quote search's
/// `title:` clauses are run on `searcher` (one is opened if `None`; see [`super::join`]).
pub fn parse_user_query_over(
    index: &Index,
    fields: &Fields,
    bodies: &[Field],
    text: &str,
    target: Target,
    searcher: Option<&Searcher>,
) -> Result<Box<dyn Query>, QueryError> {
    check_structure(text)?;
    let (mut ast, errors) = parse_query_lenient(text);
    if let Some(e) = errors.first() {
        return Err(QueryError::new(text, e.pos, e.message.clone()));
    }
    if parse_query(text).is_err() {
        return Err(QueryError::new(text, 0, "cannot parse this query"));
    }
    let mut clauses = 0;
    let body_names: Vec<String> = bodies
        .iter()
        .map(|f| index.schema().get_field_name(*f).to_string())
        .collect();
    rewrite_fields(&mut ast, text, target, &body_names, &mut clauses)?;
    if clauses > MAX_CLAUSES {
        return Err(QueryError::new(
            text,
            0,
            format!("query has {clauses} terms; at most {MAX_CLAUSES} are allowed"),
        ));
    }
    if target == Target::Quotes {
        super::join::titles_to_paths(&mut ast, index, fields, searcher, text)?;
    }
    let default_fields = match target {
        Target::Articles => std::iter::once(fields.title)
            .chain(bodies.iter().copied())
            .collect(),
        Target::Quotes => vec![fields.quote],
    };
    let mut parser = QueryParser::for_index(index, default_fields);
    parser.set_conjunction_by_default();
    // A word in the headline says more about what the article is about than one in the body.
    parser.set_field_boost(fields.title, 2.0);
    parser
        .build_query_from_user_input_ast(ast)
        .map_err(|e| QueryError::new(text, 0, e.to_string()))
}

/// What a valid user query can match, for planning how to run it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QueryShape {
    /// Every match holds one of the query's words in a title or body, which only article
    /// documents have (quotes keep theirs in `quote_title` and `quote`): no `kind` filter needed.
    pub articles_only: bool,
    /// A single word: its top hits can be found without scoring every match (block-max WAND).
    pub single_word: bool,
}

/// The shape of `text` searched as `target`; the default (nothing known) if it does not parse.
/// Call it on a query [`parse_user_query_over`] accepted: that checks how deep it nests.
pub fn query_shape(text: &str, target: Target) -> QueryShape {
    let (ast, errors) = parse_query_lenient(text);
    if !errors.is_empty() || target != Target::Articles {
        return QueryShape::default();
    }
    let mut words = 0;
    let articles_only = only_positive_prose(&ast, &mut words);
    QueryShape {
        articles_only,
        single_word: articles_only && words == 1,
    }
}

/// Whether every leaf of `ast` is a literal over titles or bodies and none is negated;
/// counts the leaves in `words` (a phrase or prefix counts as two).
fn only_positive_prose(ast: &UserInputAst, words: &mut usize) -> bool {
    match ast {
        UserInputAst::Clause(children) => children.iter().all(|(occur, child)| {
            *occur != Some(Occur::MustNot) && only_positive_prose(child, words)
        }),
        UserInputAst::Boost(inner, _) => only_positive_prose(inner, words),
        UserInputAst::Leaf(leaf) => match leaf.as_ref() {
            UserInputLeaf::Literal(lit) => {
                let one_word = !lit.prefix && lit.phrase.chars().all(char::is_alphanumeric);
                *words += if one_word { 1 } else { 2 };
                lit.field_name.as_deref().is_none_or(|name| {
                    matches!(
                        map_field(name, Target::Articles),
                        Some(schema::TITLE | schema::BODY)
                    )
                })
            }
            _ => false,
        },
    }
}

/// Quotes, parentheses and dangling operators, checked with positions before parsing.
fn check_structure(text: &str) -> Result<(), QueryError> {
    if text.trim().is_empty() {
        return Err(QueryError::new(text, 0, "empty query"));
    }
    let mut open_quote = None;
    let mut parens = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '"' => open_quote = if open_quote.is_some() { None } else { Some(i) },
            '(' if open_quote.is_none() => {
                if parens.len() == MAX_NESTING {
                    return Err(QueryError::new(
                        text,
                        i,
                        format!("parentheses nested more than {MAX_NESTING} deep"),
                    ));
                }
                parens.push(i)
            }
            ')' if open_quote.is_none() && parens.pop().is_none() => {
                return Err(QueryError::new(text, i, "')' without a matching '('"));
            }
            _ => {}
        }
    }
    if let Some(i) = open_quote {
        return Err(QueryError::new(text, i, "quote is never closed"));
    }
    if let Some(&i) = parens.last() {
        return Err(QueryError::new(text, i, "'(' is never closed"));
    }
    check_operators(text)
}

/// `AND`/`OR` need a clause on both sides, `NOT` one after it.
fn check_operators(text: &str) -> Result<(), QueryError> {
    let mut prev_binary: Option<usize> = Some(0);
    let mut prev_was_start = true;
    let mut in_quote = false;
    let mut last_op: Option<(usize, &str)> = None;
    for (pos, word) in words_outside_quotes(text, &mut in_quote) {
        let w = word.trim_matches(|c| c == '(' || c == ')');
        match w {
            "AND" | "OR" => {
                if prev_binary.is_some() {
                    let msg = if prev_was_start {
                        format!("'{w}' needs a term before it")
                    } else {
                        format!("'{w}' follows another operator")
                    };
                    return Err(QueryError::new(text, pos, msg));
                }
                prev_binary = Some(pos);
                last_op = Some((pos, w));
            }
            "NOT" => {
                if last_op.is_some_and(|(_, op)| op == "NOT") {
                    return Err(QueryError::new(text, pos, "'NOT' follows another 'NOT'"));
                }
                prev_binary = Some(pos);
                last_op = Some((pos, w));
            }
            _ => {
                prev_binary = None;
                last_op = None;
            }
        }
        prev_was_start = false;
    }
    if let Some((pos, op)) = last_op {
        return Err(QueryError::new(
            text,
            pos,
            format!("'{op}' needs a term after it"),
        ));
    }
    Ok(())
}

/// Whitespace-separated words outside double quotes, with their byte offsets.
fn words_outside_quotes<'a>(text: &'a str, in_quote: &mut bool) -> Vec<(usize, &'a str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c == '"' {
            *in_quote = !*in_quote;
            if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
            }
            out.push((i, "\"\""));
            continue;
        }
        if *in_quote {
            continue;
        }
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// Maps user field names to schema fields and refuses unknown ones; counts clauses.
/// `body:` becomes a disjunction over the per-language body fields (`body_names`).
fn rewrite_fields(
    ast: &mut UserInputAst,
    text: &str,
    target: Target,
    body_names: &[String],
    clauses: &mut usize,
) -> Result<(), QueryError> {
    match ast {
        UserInputAst::Clause(children) => {
            for (_, child) in children {
                rewrite_fields(child, text, target, body_names, clauses)?;
            }
        }
        UserInputAst::Boost(inner, _) => rewrite_fields(inner, text, target, body_names, clauses)?,
        UserInputAst::Leaf(leaf) => {
            if let UserInputLeaf::Literal(lit) = leaf.as_ref()
                && target == Target::Articles
                && lit
                    .field_name
                    .as_deref()
                    .is_some_and(|n| map_field(n, target) == Some(schema::BODY))
            {
                *clauses += 1;
                let alternatives = body_names
                    .iter()
                    .map(|name| {
                        let mut lit = lit.clone();
                        lit.field_name = Some(name.clone());
                        let leaf = UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(lit)));
                        (Some(Occur::Should), leaf)
                    })
                    .collect();
                *ast = UserInputAst::Clause(alternatives);
                return Ok(());
            }
            *clauses += 1;
            let field = match leaf.as_mut() {
                UserInputLeaf::Literal(lit) => &mut lit.field_name,
                UserInputLeaf::Range { field, .. } => field,
                UserInputLeaf::Set { field, .. } => field,
                _ => return Ok(()),
            };
            if let Some(name) = field {
                let mapped = map_field(name, target).ok_or_else(|| {
                    let pos = text.find(&format!("{name}:")).unwrap_or(0);
                    QueryError::new(
                        text,
                        pos,
                        format!(
                            "unknown field '{name}' (fields: title, body, author, speaker, source, quote, language)"
                        ),
                    )
                })?;
                *name = mapped.to_string();
            }
        }
    }
    Ok(())
}

/// The schema field a user's field name stands for.
fn map_field(name: &str, target: Target) -> Option<&'static str> {
    Some(match name.to_ascii_lowercase().as_str() {
        "title" | "headline" => schema::TITLE,
        "body" | "text" if target == Target::Quotes => schema::QUOTE,
        "body" | "text" => schema::BODY,
        "quote" => schema::QUOTE,
        "author" | "authors" | "by" => schema::AUTHORS,
        "speaker" | "speakers" => schema::SPEAKERS,
        "source" | "outlet" => schema::SOURCE,
        "language" | "lang" => schema::LANGUAGE,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::{build_schema, register_analyzers};

    fn parse(q: &str) -> Result<Box<dyn Query>, QueryError> {
        let index = Index::create_in_ram(build_schema());
        register_analyzers(&index);
        let fields = Fields::new(&index.schema()).unwrap();
        parse_user_query(&index, &fields, q, Target::Articles)
    }

    #[test]
    fn tells_queries_that_only_articles_can_match() {
        let shape = |q| query_shape(q, Target::Articles);
        for q in [
            "diplomacy",
            "title:kremlin",
            "body:talks",
            "+peskov",
            "(peskov)^2",
        ] {
            assert_eq!(
                shape(q),
                QueryShape {
                    articles_only: true,
                    single_word: true
                },
                "{q}"
            );
        }
        for q in [
            "\"megaphone diplomacy\"",
            "peskov kremlin",
            "peskov OR ushakov",
            "dipl*",
            "U.S.",
        ] {
            assert_eq!(
                shape(q),
                QueryShape {
                    articles_only: true,
                    single_word: false
                },
                "{q}"
            );
        }
        // Negations, names and other fields are in quote documents too (or match everything).
        for q in [
            "peskov -trump",
            "NOT trump",
            "author:morozov",
            "speaker:peskov",
            "*",
            "lang:en",
        ] {
            assert!(!shape(q).articles_only, "{q}");
        }
        assert_eq!(
            query_shape("diplomacy", Target::Quotes),
            QueryShape::default()
        );
    }

    #[test]
    fn accepts_the_documented_syntax() {
        for q in [
            "diplomacy",
            "\"megaphone diplomacy\"",
            "\"megaphone diplomacy\"~2",
            "peskov AND kremlin",
            "peskov OR ushakov",
            "peskov NOT trump",
            "+peskov -trump",
            "author:morozov",
            "speaker:\"dmitry peskov\"",
            "title:kremlin source:pravda",
            "dipl*",
            "(peskov OR ushakov) AND talks",
        ] {
            assert!(parse(q).is_ok(), "{q}: {:?}", parse(q).err());
        }
    }

    #[test]
    fn points_at_syntax_errors() {
        for (q, pos) in [
            ("\"megaphone diplomacy", 0),
            ("(peskov OR ushakov", 0),
            ("peskov)", 6),
            ("peskov AND", 7),
            ("peskov OR OR ushakov", 10),
            ("AND peskov", 0),
            ("colour:red", 0),
            ("kremlin writer:x", 8),
        ] {
            let err = parse(q).err().unwrap_or_else(|| panic!("{q} parsed"));
            assert_eq!(err.pos, pos, "{q}: {err}");
        }
    }

    #[test]
    fn refuses_deeply_nested_queries_before_they_overflow_the_stack() {
        let ok = format!(
            "{}peskov{}",
            "(".repeat(MAX_NESTING),
            ")".repeat(MAX_NESTING)
        );
        assert!(parse(&ok).is_ok());
        let deep = format!("{}peskov{}", "(".repeat(10_000), ")".repeat(10_000));
        let err = parse(&deep).unwrap_err();
        assert_eq!(err.pos, MAX_NESTING);
        assert!(err.message.contains("nested more than"), "{err}");
    }

    #[test]
    fn refuses_huge_queries() {
        let q: Vec<String> = (0..=MAX_CLAUSES).map(|i| format!("w{i}")).collect();
        let q = q.join(" ");
        assert!(parse(&q).unwrap_err().message.contains("at most"));
    }
}

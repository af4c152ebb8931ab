//! `title:` clauses in quote searches. Quote documents store their article's title but do
//! not index it (a second copy of every title's postings, positions and field norms per quote
//! was 3% of an index where most documents are quotes). A quote search's `title:` clause is
//! run over the articles' titles instead, and stands for the paths of the articles it
//! matches: every quote document carries its article's path.

use tantivy::query::QueryParser;
use tantivy::query_grammar::{Delimiter, Occur, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::{Index, ReloadPolicy, Searcher};

use super::facets::matching_paths;
use super::parse::QueryError;
use crate::index::schema::{Fields, PATH, TITLE};

/// Replaces every leaf of `ast` over the `title` field by the set of the paths of the
/// articles it matches. `ast` has had its field names mapped to schema fields. Without a
/// `searcher`, one is opened on `index` if some leaf needs it.
pub fn titles_to_paths(
    ast: &mut UserInputAst,
    index: &Index,
    fields: &Fields,
    searcher: Option<&Searcher>,
    text: &str,
) -> Result<(), QueryError> {
    let mut leaves = Vec::new();
    title_leaves(ast, &mut leaves);
    if leaves.is_empty() {
        return Ok(());
    }
    let error = |message: String| {
        let pos = text.find("title:").or_else(|| text.find("headline:"));
        QueryError::new(text, pos.unwrap_or(0), message)
    };
    let opened;
    let searcher = match searcher {
        Some(searcher) => searcher,
        None => {
            let reader: tantivy::IndexReader = index
                .reader_builder()
                .reload_policy(ReloadPolicy::Manual)
                .try_into()
                .map_err(|e: tantivy::TantivyError| error(e.to_string()))?;
            opened = reader.searcher();
            &opened
        }
    };
    let parser = QueryParser::for_index(index, vec![fields.title]);
    for leaf in leaves {
        let UserInputAst::Leaf(inner) = leaf else {
            continue;
        };
        let articles = parser
            .build_query_from_user_input_ast(UserInputAst::Leaf(inner.clone()))
            .map_err(|e| error(e.to_string()))?;
        let mut paths: Vec<String> = matching_paths(searcher, &*articles)
            .map_err(|e| error(e.to_string()))?
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect();
        paths.sort_unstable();
        *leaf = any_path(paths);
    }
    Ok(())
}

/// Paths up to which a set of paths is matched term by term: a term set builds an automaton
/// first, which costs as much as looking up about a hundred terms (callgrind).
const TERMS_BEFORE_SET: usize = 64;

/// A clause matching the documents with any of `paths`, scored alike (a title clause ranks
/// none of its articles' quotes above another).
fn any_path(paths: Vec<String>) -> UserInputAst {
    if paths.is_empty() || paths.len() > TERMS_BEFORE_SET {
        return UserInputAst::Leaf(Box::new(UserInputLeaf::Set {
            field: Some(PATH.to_string()),
            elements: paths,
        }));
    }
    let terms = paths
        .into_iter()
        .map(|path| {
            let literal = UserInputLiteral {
                field_name: Some(PATH.to_string()),
                phrase: path,
                delimiter: Delimiter::None,
                slop: 0,
                prefix: false,
            };
            let leaf = UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(literal)));
            (Some(Occur::Should), leaf)
        })
        .collect();
    UserInputAst::Boost(Box::new(UserInputAst::Clause(terms)), 0.0.into())
}

/// The leaves of `ast` whose field is `title`.
fn title_leaves<'a>(ast: &'a mut UserInputAst, out: &mut Vec<&'a mut UserInputAst>) {
    match ast {
        UserInputAst::Clause(children) => {
            for (_, child) in children {
                title_leaves(child, out);
            }
        }
        UserInputAst::Boost(inner, _) => title_leaves(inner, out),
        UserInputAst::Leaf(_) => {
            if leaf_field(ast) == Some(TITLE) {
                out.push(ast);
            }
        }
    }
}

/// The field a leaf names, if any.
fn leaf_field(ast: &UserInputAst) -> Option<&str> {
    let UserInputAst::Leaf(leaf) = ast else {
        return None;
    };
    match leaf.as_ref() {
        UserInputLeaf::Literal(lit) => lit.field_name.as_deref(),
        UserInputLeaf::Range { field, .. } | UserInputLeaf::Set { field, .. } => field.as_deref(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("/news/{i}.html")).collect()
    }

    #[test]
    fn few_paths_are_terms_many_a_set() {
        let terms = |ast: &UserInputAst| match ast {
            UserInputAst::Boost(inner, boost) if boost.0 == 0.0 => match inner.as_ref() {
                UserInputAst::Clause(children) => Some(children.len()),
                _ => None,
            },
            _ => None,
        };
        let set = |ast: &UserInputAst| match ast {
            UserInputAst::Leaf(leaf) => match leaf.as_ref() {
                UserInputLeaf::Set { field, elements } if field.as_deref() == Some(PATH) => {
                    Some(elements.len())
                }
                _ => None,
            },
            _ => None,
        };
        assert_eq!(terms(&any_path(paths(3))), Some(3));
        assert_eq!(
            terms(&any_path(paths(TERMS_BEFORE_SET))),
            Some(TERMS_BEFORE_SET)
        );
        assert_eq!(set(&any_path(paths(TERMS_BEFORE_SET + 1))), Some(65));
        // Nothing matched: an empty set, which matches nothing (an empty clause would be refused).
        assert_eq!(set(&any_path(Vec::new())), Some(0));
    }
}

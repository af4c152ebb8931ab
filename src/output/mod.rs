//! Output: renders results as human-readable text or JSON Lines. The only module that prints
//! results; everything it renders is built elsewhere.

pub mod human;
pub mod json;

use serde::Serialize;

use crate::article::Article;

/// One line of `pressdex extract`: an article, or the reason a file gave none.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum ExtractRecord {
    Article(Box<Article>),
    Error { path: String, error: String },
}

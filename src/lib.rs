//! pressdex: a full-text search index for press coverage — who said what, where and when.
//!
//! Data flows one way; each module is one arrow:
//!
//! ```text
//! files ──walk──▶ path+bytes ──extract──▶ Article ──attribute──▶ Article+quotes ──index──▶ tantivy
//! query + filters ──▶ SearchRequest ──query──▶ Vec<Hit> ──output──▶ human | JSON Lines
//! ```

pub mod article;
pub mod attribute;
pub mod cli;
pub mod cmd;
pub mod date;
pub mod error;
pub mod extract;
pub mod hash;
pub mod index;
pub mod output;
pub mod pipeline;
pub mod query;

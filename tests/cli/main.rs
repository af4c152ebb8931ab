//! Integration tests: the `pressdex` binary run end to end (one crate, so it compiles once).

mod common;
mod extract;
mod index;
mod search;

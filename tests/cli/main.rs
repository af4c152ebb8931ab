//! Integration tests: the `pressdex` binary run end to end (one crate, so it compiles once).

mod common;
mod concurrency;
mod damaged;
mod extract;
mod hostile;
mod index;
mod interrupt;
mod query_fuzz;
mod search;
mod support;

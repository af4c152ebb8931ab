//! Integration tests that run the `pressdex` binary (one crate, compiled once).

mod concurrency;
mod damaged;
mod hostile;
mod interrupt;
mod query_fuzz;
mod support;

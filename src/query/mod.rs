//! Queries (being built).

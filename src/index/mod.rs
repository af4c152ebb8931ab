//! The tantivy index (being built).

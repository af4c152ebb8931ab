//! Fuzzes the query parser: any text must parse or give a positioned error, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pressdex::index::schema::{Fields, build_schema, register_analyzers};
use pressdex::query::Target;
use pressdex::query::parse::parse_user_query;
use std::sync::LazyLock;

static INDEX: LazyLock<(tantivy::Index, Fields)> = LazyLock::new(|| {
    let index = tantivy::Index::create_in_ram(build_schema());
    register_analyzers(&index);
    let fields = Fields::new(&index.schema()).unwrap();
    (index, fields)
});

fuzz_target!(|text: &str| {
    let (index, fields) = &*INDEX;
    for target in [Target::Articles, Target::Quotes] {
        if let Err(e) = parse_user_query(index, fields, text, target) {
            assert!(e.pos <= text.len());
            let _ = e.to_string();
        }
    }
});

//! Fuzzes extraction and attribution: any bytes, under an HTML or a text name, must give an
//! article or a reason, never a panic (`process_bytes` turns panics into internal errors,
//! which count as failures here).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pressdex::extract::ExtractError;
use pressdex::pipeline::process_bytes;

fuzz_target!(|bytes: &[u8]| {
    for name in ["page.html", "article.txt"] {
        if let Err(ExtractError::Internal(message)) = process_bytes(name, bytes) {
            panic!("internal error on {name}: {message}");
        }
    }
});

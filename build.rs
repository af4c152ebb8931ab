//! Links the pressdex binary as a position-dependent executable on Linux.
//!
//! As a PIE, the dynamic loader applied ~45,000 relative relocations at every start: 0.6M of
//! the ~1.1M instructions and ~220 of the ~335 page faults of `pressdex --version`, about a
//! fifth of a whole-process search (callgrind, perf stat). A search is one short process, so
//! start-up counts. Only the binaries are linked this way (tests and benches are unchanged),
//! and no dependency is rebuilt: the objects are position-independent either way.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}

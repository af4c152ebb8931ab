//! Links the pressdex binary as a static, position-dependent executable on Linux.
//!
//! As a PIE, the dynamic loader applied ~45,000 relative relocations at every start: 0.6M of
//! the ~1.1M instructions and ~220 of the ~335 page faults of `pressdex --version`, about a
//! fifth of a whole-process search (callgrind, perf stat). Linking the C library statically
//! as well spares loading and binding libc, libm and libgcc_s at every start. A search is one
//! short process, so start-up counts. Only the binaries are linked this way (tests and benches
//! are unchanged), and no dependency is rebuilt: the objects are position-independent either way.
//!
//! rustc asks for the C libraries as shared ones (`-Bdynamic -lgcc_s -lc …`; its own
//! `+crt-static` cannot be given to the binary alone: proc-macros cannot be built with it), so
//! a folder of links to their static archives is put first on the binary's library path. When
//! an archive is missing (no static glibc installed) the binary is linked dynamically.
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("linux") {
        return;
    }
    println!("cargo:rustc-link-arg-bins=-no-pie");
    if std::env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu")
        && let Some(dir) = static_lib_folder()
    {
        println!("cargo:rustc-link-arg-bins=-static");
        println!("cargo:rustc-link-arg-bins=-L{}", dir.display());
    }
}

#[cfg(not(unix))]
fn static_lib_folder() -> Option<PathBuf> {
    None
}

/// A folder in OUT_DIR holding `libX.a` links to the static C libraries rustc names, with
/// `libgcc_s.a` standing for `libgcc_eh.a`; `None` when one of them is not installed.
#[cfg(unix)]
fn static_lib_folder() -> Option<PathBuf> {
    let out = PathBuf::from(std::env::var_os("OUT_DIR")?).join("static-libs");
    std::fs::create_dir_all(&out).ok()?;
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let libs = [
        ("c", "c"),
        ("m", "m"),
        ("pthread", "pthread"),
        ("dl", "dl"),
        ("rt", "rt"),
        ("util", "util"),
        ("gcc_s", "gcc_eh"),
    ];
    for (name, archive) in libs {
        let found = archive_path(&cc, &format!("lib{archive}.a"))?;
        let link = out.join(format!("lib{name}.a"));
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(&found, &link).ok()?;
    }
    Some(out)
}

/// Where the C compiler finds `file`; it echoes the bare name back when it has none.
fn archive_path(cc: &str, file: &str) -> Option<PathBuf> {
    let output = Command::new(cc)
        .arg(format!("-print-file-name={file}"))
        .output()
        .ok()?;
    let path = PathBuf::from(String::from_utf8(output.stdout).ok()?.trim());
    (path.is_absolute() && Path::new(&path).exists()).then_some(path)
}

//! Error reporting in one place: how errors print, and which ones are not errors at all.

/// True when the error chain is a closed stdout (`pressdex search x | head`), which is not a
/// failure for a command-line tool.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Prints an error and its causes on one line of stderr.
pub fn report(err: &anyhow::Error) {
    eprintln!("pressdex: error: {err:#}");
}

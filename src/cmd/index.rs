//! `pressdex index` (being built).
use super::Outcome;
pub fn run(_args: crate::cli::IndexArgs, _quiet: bool) -> anyhow::Result<Outcome> {
    anyhow::bail!("not implemented yet")
}

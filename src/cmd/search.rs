//! `pressdex search` (being built).
use super::Outcome;
pub fn run(_args: crate::cli::SearchArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("not implemented yet")
}

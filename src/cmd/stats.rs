//! `pressdex stats` (being built).
use super::Outcome;
pub fn run(_args: crate::cli::StatsArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("not implemented yet")
}

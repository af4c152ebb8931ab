//! `pressdex speakers` (being built).
use super::Outcome;
pub fn run(_args: crate::cli::SpeakersArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("not implemented yet")
}

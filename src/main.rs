use std::process::ExitCode;

use clap::Parser;
use pressdex::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match pressdex::cmd::run(cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(e) if pressdex::error::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            pressdex::error::report(&e);
            ExitCode::from(2)
        }
    }
}

//! JSON Lines output: one object per line, keys equal to the schema field names.

use std::io::Write;

use super::ExtractRecord;

/// Writes one `extract --json` line.
pub fn write_extract(out: &mut impl Write, record: &ExtractRecord) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")
}

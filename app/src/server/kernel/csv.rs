//! The one CSV writer (PRODUCT.md §6): RFC 4180 by the `csv` crate, UTF-8,
//! every cell passed through [`safe_cell`] so a spreadsheet never runs one
//! as a formula. Rows may differ in length (a report with a heading row).

use super::errors::internal;
use crate::domain::export::safe_cell;
use crate::error::AppError;

/// Rows written as CSV text.
pub fn write<R, C>(rows: impl IntoIterator<Item = R>) -> Result<String, AppError>
where
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let bytes = write_bytes(rows)?;
    String::from_utf8(bytes).map_err(internal)
}

/// Rows written as CSV bytes, for a response body or a part of one.
pub fn write_bytes<R, C>(rows: impl IntoIterator<Item = R>) -> Result<Vec<u8>, AppError>
where
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in rows {
        w.write_record(row.into_iter().map(|c| safe_cell(c.as_ref())))
            .map_err(internal)?;
    }
    w.into_inner().map_err(internal)
}

/// A table to download: what it is called and its rows, header first.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvTable {
    /// A file name saying what and when, e.g.
    /// `rapport-kpis-team-billing-2026-08-28-to-2026-11-25-by-week.csv`.
    pub file_name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl CsvTable {
    /// The body in parts of `rows_per_part` rows (the header leads the
    /// first), so a large table is sent as it is written.
    pub fn parts(self, rows_per_part: usize) -> impl Iterator<Item = Result<Vec<u8>, AppError>> {
        let header = std::iter::once(write_bytes([self.header]));
        let rows: Vec<Vec<Vec<String>>> = self
            .rows
            .chunks(rows_per_part.max(1))
            .map(<[Vec<String>]>::to_vec)
            .collect();
        header.chain(rows.into_iter().map(write_bytes))
    }
}

/// A name part made of lowercase letters, digits and dashes:
/// "Team Billing & Co" → "team-billing-co".
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_as_rfc_4180_and_formulas_neutralised() {
        let out = write([
            vec!["name", "note"],
            vec!["Ana \"the best\"", "=HYPERLINK(\"http://x\")"],
            vec!["-0.5", "a,b\nc"],
        ])
        .unwrap();
        assert_eq!(
            out,
            "name,note\n\"Ana \"\"the best\"\"\",\"'=HYPERLINK(\"\"http://x\"\")\"\n-0.5,\"a,b\nc\"\n"
        );
    }

    #[test]
    fn a_table_in_parts_is_the_whole_table() {
        let table = CsvTable {
            file_name: "t.csv".into(),
            header: vec!["a".into(), "b".into()],
            rows: (0..5).map(|i| vec![i.to_string(), "x".into()]).collect(),
        };
        let whole =
            write(std::iter::once(table.header.clone()).chain(table.rows.iter().cloned())).unwrap();
        let parts: Vec<u8> = table
            .parts(2)
            .map(Result::unwrap)
            .collect::<Vec<_>>()
            .concat();
        assert_eq!(String::from_utf8(parts).unwrap(), whole);
    }

    #[test]
    fn names_become_slugs() {
        assert_eq!(slug("Team Billing & Co"), "team-billing-co");
        assert_eq!(slug("  Ana López "), "ana-lópez");
        assert_eq!(slug("=evil"), "evil");
    }
}

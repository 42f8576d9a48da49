//! Reading an uploaded CSV file, as every import does: one problem per
//! line and column, all of them found at once (PRODUCT.md §3: nothing
//! half-imported, ever).

use serde::{Deserialize, Serialize};

/// Largest file accepted, and most rows in one import.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
pub const MAX_ROWS: usize = 100_000;

/// `a` then `b`, as one list of `N` names.
pub const fn joined<const A: usize, const B: usize, const N: usize>(
    a: [&'static str; A],
    b: [&'static str; B],
) -> [&'static str; N] {
    assert!(A + B == N, "the joined list's length is the sum of both");
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = if i < A { a[i] } else { b[i - A] };
        i += 1;
    }
    out
}

/// What an import answers: its problems (none when every line is right).
pub trait Checked {
    fn problems(&self) -> &[RowProblem];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    /// Line in the file, counting the header as line 1.
    pub line: usize,
    /// The column's header, or empty for a problem with the whole line.
    pub column: String,
    pub message: String,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.column.is_empty() {
            write!(f, "Line {}: {}", self.line, self.message)
        } else {
            write!(
                f,
                "Line {}, column {}: {}",
                self.line, self.column, self.message
            )
        }
    }
}

/// A problem with the whole file, reported on its header line.
pub fn whole(message: String) -> Vec<RowProblem> {
    vec![RowProblem {
        line: 1,
        column: String::new(),
        message,
    }]
}

/// A file's lower-cased header and a reader over its records.
pub type Opened<'a> = (Vec<String>, csv::Reader<&'a [u8]>);

/// The file's lower-cased header and a reader over its records; refuses a
/// file too large, empty or without a readable header.
pub fn open(text: &str) -> Result<Opened<'_>, Vec<RowProblem>> {
    if text.len() > MAX_BYTES {
        return Err(whole(format!(
            "The file is larger than {} MB; split it into smaller files.",
            MAX_BYTES / 1024 / 1024
        )));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(whole("The file is empty.".into()));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    match reader.headers() {
        Ok(h) => Ok((
            h.iter().map(|c| c.trim().to_ascii_lowercase()).collect(),
            reader,
        )),
        Err(e) => Err(whole(format!("The header line could not be read: {e}"))),
    }
}

/// Checks the header: every column known, none twice, the required ones
/// present. `columns` lists the known columns for the message.
pub fn check_header(
    headers: &[String],
    known: impl Fn(&str) -> bool,
    columns: &str,
    required: &[&str],
) -> Result<(), Vec<RowProblem>> {
    let mut problems = vec![];
    for (i, h) in headers.iter().enumerate() {
        if !known(h) {
            problems.push(RowProblem {
                line: 1,
                column: h.clone(),
                message: format!(
                    "Unknown column \"{h}\" (column {}). The columns are: {columns}.",
                    i + 1
                ),
            });
        } else if headers[..i].contains(h) {
            problems.push(RowProblem {
                line: 1,
                column: h.clone(),
                message: format!("The column \"{h}\" appears twice."),
            });
        }
    }
    for r in required {
        if !headers.iter().any(|h| h == r) {
            problems.push(RowProblem {
                line: 1,
                column: r.to_string(),
                message: format!("The required column \"{r}\" is missing."),
            });
        }
    }
    super::validation::all_clear(problems)
}

/// Runs `row` on every non-blank line with its line number and collects
/// what is wrong: lines that cannot be read, lines with more values than
/// the header, and `row`'s own problems. Stops at [`MAX_ROWS`] lines of
/// `what` with that problem alone.
pub fn each_record(
    mut reader: csv::Reader<&[u8]>,
    columns: usize,
    what: &str,
    mut row: impl FnMut(usize, &csv::StringRecord) -> Result<(), Vec<RowProblem>>,
) -> Vec<RowProblem> {
    let mut problems = vec![];
    let mut seen = 0;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                problems.push(RowProblem {
                    line,
                    column: String::new(),
                    message: format!("This line could not be read: {e}"),
                });
                continue;
            }
        };
        let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
        if record.iter().all(|c| c.is_empty()) {
            continue;
        }
        seen += 1;
        if seen > MAX_ROWS {
            return vec![RowProblem {
                line,
                column: String::new(),
                message: format!("An import can hold at most {MAX_ROWS} {what}; split the file."),
            }];
        }
        if record.len() > columns {
            problems.push(RowProblem {
                line,
                column: String::new(),
                message: format!(
                    "This line has {} values but the header has {columns} columns.",
                    record.len(),
                ),
            });
            continue;
        }
        if let Err(p) = row(line, &record) {
            problems.extend(p);
        }
    }
    problems
}

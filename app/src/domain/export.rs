//! CSV for people to open in a spreadsheet (PRODUCT.md §6): RFC 4180 and
//! UTF-8 by the `csv` crate; cells that a spreadsheet would run as a
//! formula are neutralised here.

/// A cell safe to open: text beginning with = + - @ (or a tab or carriage
/// return, which some spreadsheets skip) gets a leading apostrophe.
/// Numbers the product writes itself, such as "-0.42", stay numbers.
pub fn safe_cell(text: &str) -> String {
    let looks_numeric = text.parse::<f64>().is_ok();
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if !looks_numeric => format!("'{text}"),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_are_not() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("+1+1"), "'+1+1");
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_cell("-cmd"), "'-cmd");
        assert_eq!(safe_cell("-0.42"), "-0.42");
        assert_eq!(safe_cell("Sam Okafor"), "Sam Okafor");
        assert_eq!(safe_cell(""), "");
    }
}

//! The stylesheet parses as written: a stray closing brace makes browsers
//! drop the rule after it without a word (the insight forest plot lost its
//! layout that way).

const CSS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../style/main.css"));

#[test]
fn every_brace_of_the_stylesheet_is_matched() {
    let mut depth = 0i32;
    let mut in_comment = false;
    let bytes = CSS.as_bytes();
    let mut line = 1;
    let mut i = 0;
    while i < bytes.len() {
        match (in_comment, bytes[i], bytes.get(i + 1)) {
            (false, b'/', Some(b'*')) => {
                in_comment = true;
                i += 1;
            }
            (true, b'*', Some(b'/')) => {
                in_comment = false;
                i += 1;
            }
            (false, b'{', _) => depth += 1,
            (false, b'}', _) => {
                depth -= 1;
                assert!(
                    depth >= 0,
                    "a closing brace with nothing to close on line {line}"
                );
            }
            (_, b'\n', _) => line += 1,
            _ => {}
        }
        i += 1;
    }
    assert_eq!(depth, 0, "{depth} block(s) left open at the end");
}

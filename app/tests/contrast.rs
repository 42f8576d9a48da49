//! Text colours of the design system are readable (WCAG AA, 4.5:1 for body
//! text) on every background they sit on, in light and in dark mode
//! (issue 19: light-mode muted text had 4.0–4.3:1).

const CSS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../style/main.css"));

/// The custom properties of the first `:root { … }` block after `from`.
fn tokens(from: usize) -> Vec<(String, String)> {
    let start = CSS[from..].find(":root {").expect("a :root block") + from;
    let end = CSS[start..].find('}').expect("the block ends") + start;
    CSS[start + 7..end]
        .split(';')
        .filter_map(|decl| {
            let (name, value) = decl.trim().split_once(':')?;
            Some((name.trim().to_string(), value.trim().to_string()))
        })
        .collect()
}

fn colour(tokens: &[(String, String)], name: &str) -> [f64; 3] {
    let hex = &tokens
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} is defined"))
        .1;
    let hex = hex.trim_start_matches('#');
    assert_eq!(hex.len(), 6, "{name}: {hex}");
    let channel = |i: usize| f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
    [channel(0), channel(2), channel(4)]
}

fn luminance([r, g, b]: [f64; 3]) -> f64 {
    let lin = |c: f64| {
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

fn check(theme: &str, t: &[(String, String)]) {
    for text in ["--text", "--text-2", "--muted"] {
        for bg in ["--bg", "--surface", "--surface-2", "--primary-soft"] {
            let ratio = contrast(colour(t, text), colour(t, bg));
            assert!(ratio >= 4.5, "{theme}: {text} on {bg} is {ratio:.2}:1");
        }
    }
}

#[test]
fn text_is_readable_on_every_background_in_light_mode() {
    check("light", &tokens(0));
}

#[test]
fn text_is_readable_on_every_background_in_dark_mode() {
    let dark = CSS
        .find("@media (prefers-color-scheme: dark)")
        .expect("a dark theme");
    check("dark", &tokens(dark));
}

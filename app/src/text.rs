//! Unicode case mapping that does not carry the standard library's case
//! tables (about 23 KB) into the browser bundle: the server uses the
//! standard library, the browser its own String methods. Both follow the
//! Unicode default case mapping, so a page rendered on the server and
//! hydrated in the browser agrees.

/// `s` in lower case.
pub fn lower(s: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(s).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        s.to_lowercase()
    }
}

/// `s` in upper case.
pub fn upper(s: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(s).to_upper_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        s.to_uppercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_beyond_ascii() {
        assert_eq!(lower("ÉLODIE Ærø"), "élodie ærø");
        assert_eq!(upper("ñandú"), "ÑANDÚ");
    }
}

//! Material attached to a complaint (a letter, a photo of the damage, a
//! screenshot of a post, a voicemail): recognised from its bytes, like
//! recordings, and size-limited.

use super::media::sniff_audio;

/// Largest attachment accepted.
pub const MAX_MATERIAL_BYTES: u64 = 10 * 1024 * 1024;

/// Recognises an accepted file from its first bytes: its MIME type and
/// file extension.
pub fn sniff_material(head: &[u8]) -> Option<(&'static str, &'static str)> {
    if head.starts_with(b"%PDF-") {
        return Some(("application/pdf", "pdf"));
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(("image/png", "png"));
    }
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(("image/jpeg", "jpg"));
    }
    sniff_audio(head).map(|k| (k.mime(), k.extension()))
}

pub fn unsupported_material(file_name: &str) -> String {
    format!(
        "\"{file_name}\" is not a file Rapport keeps with a complaint: attach a PDF, a PNG or JPEG image, or a WAV, MP3, Ogg or WebM recording."
    )
}

pub fn material_too_large(file_name: &str, bytes: u64) -> String {
    let tenths = (bytes * 10).div_ceil(1024 * 1024);
    format!(
        "\"{file_name}\" is {}.{} MB; material can be at most {} MB. Link to larger files instead.",
        tenths / 10,
        tenths % 10,
        MAX_MATERIAL_BYTES / 1024 / 1024
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::media::tone_wav;

    #[test]
    fn recognises_documents_images_and_recordings() {
        assert_eq!(
            sniff_material(b"%PDF-1.7\n"),
            Some(("application/pdf", "pdf"))
        );
        assert_eq!(
            sniff_material(b"\x89PNG\r\n\x1a\n\0\0"),
            Some(("image/png", "png"))
        );
        assert_eq!(
            sniff_material(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some(("image/jpeg", "jpg"))
        );
        assert_eq!(
            sniff_material(&tone_wav(0.1, 8000, &[440.0])),
            Some(("audio/wav", "wav"))
        );
    }

    #[test]
    fn refuses_anything_else_whatever_its_name() {
        assert_eq!(sniff_material(b"<html><script>"), None);
        assert_eq!(sniff_material(b"MZ\x90\0"), None);
        assert_eq!(sniff_material(b""), None);
    }

    #[test]
    fn a_file_just_over_the_limit_does_not_read_as_the_limit() {
        assert_eq!(
            material_too_large("a.pdf", MAX_MATERIAL_BYTES + 1),
            "\"a.pdf\" is 10.1 MB; material can be at most 10 MB. Link to larger files instead."
        );
    }
}

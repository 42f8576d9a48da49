//! Recordings: which audio formats are accepted, recognised from the bytes
//! themselves rather than from the file name.

/// Largest recording accepted.
pub const MAX_RECORDING_BYTES: u64 = 50 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AudioKind {
    Wav,
    Mp3,
    Ogg,
    Webm,
}

impl AudioKind {
    pub fn mime(self) -> &'static str {
        match self {
            AudioKind::Wav => "audio/wav",
            AudioKind::Mp3 => "audio/mpeg",
            AudioKind::Ogg => "audio/ogg",
            AudioKind::Webm => "audio/webm",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            AudioKind::Wav => "wav",
            AudioKind::Mp3 => "mp3",
            AudioKind::Ogg => "ogg",
            AudioKind::Webm => "webm",
        }
    }

    pub fn from_mime(mime: &str) -> Option<AudioKind> {
        [
            AudioKind::Wav,
            AudioKind::Mp3,
            AudioKind::Ogg,
            AudioKind::Webm,
        ]
        .into_iter()
        .find(|k| k.mime() == mime)
    }
}

/// Recognises an audio file from its first bytes.
pub fn sniff_audio(head: &[u8]) -> Option<AudioKind> {
    if head.len() >= 12 && &head[0..4] == b"RIFF" && &head[8..12] == b"WAVE" {
        return Some(AudioKind::Wav);
    }
    if head.starts_with(b"OggS") {
        return Some(AudioKind::Ogg);
    }
    if head.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]) {
        return Some(AudioKind::Webm);
    }
    if head.starts_with(b"ID3") {
        return Some(AudioKind::Mp3);
    }
    // An MPEG audio frame header: 11 sync bits, then a valid version and layer.
    if head.len() >= 2 && head[0] == 0xFF && head[1] & 0xE0 == 0xE0 {
        let version = (head[1] >> 3) & 0b11;
        let layer = (head[1] >> 1) & 0b11;
        if version != 0b01 && layer != 0b00 {
            return Some(AudioKind::Mp3);
        }
    }
    None
}

/// The message for a file that is not a recording we accept.
pub fn unsupported_message(file_name: &str) -> String {
    format!(
        "\"{file_name}\" is not an audio recording Rapport can play: upload a WAV, MP3, Ogg or WebM file."
    )
}

/// The message for a recording over the size limit. The size is rounded
/// up, so a file just over the limit never reads as exactly the limit.
pub fn too_large_message(file_name: &str, bytes: u64) -> String {
    let tenths = (bytes * 10).div_ceil(1024 * 1024);
    format!(
        "\"{file_name}\" is {}.{} MB; a recording can be at most {} MB. An MP3 at 64 kbit/s holds about 100 minutes in that.",
        tenths / 10,
        tenths % 10,
        MAX_RECORDING_BYTES / 1024 / 1024
    )
}

/// A WAV file of a gentle tone sequence, for demo data and tests: 16-bit mono.
pub fn tone_wav(seconds: f32, sample_rate: u32, pitches: &[f32]) -> Vec<u8> {
    let samples = (seconds * sample_rate as f32) as u32;
    let data_len = samples * 2;
    let mut out = Vec::with_capacity(44 + data_len as usize);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&sample_rate.to_le_bytes());
    out.extend_from_slice(&(sample_rate * 2).to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&16u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    let pitches = if pitches.is_empty() {
        &[440.0][..]
    } else {
        pitches
    };
    let per = (samples as usize / pitches.len()).max(1);
    for i in 0..samples as usize {
        let f = pitches[(i / per).min(pitches.len() - 1)];
        let t = i as f32 / sample_rate as f32;
        // A soft envelope per segment avoids clicks between pitches.
        let pos = (i % per) as f32 / per as f32;
        let envelope = (pos * std::f32::consts::PI).sin().powf(0.3);
        let v = (t * f * std::f32::consts::TAU).sin() * 0.25 * envelope;
        out.extend_from_slice(&((v * i16::MAX as f32) as i16).to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_each_accepted_format_from_its_bytes() {
        assert_eq!(
            sniff_audio(&tone_wav(0.1, 8000, &[440.0])),
            Some(AudioKind::Wav)
        );
        assert_eq!(sniff_audio(b"OggS\0\x02rest"), Some(AudioKind::Ogg));
        assert_eq!(
            sniff_audio(&[0x1A, 0x45, 0xDF, 0xA3, 1, 2]),
            Some(AudioKind::Webm)
        );
        assert_eq!(sniff_audio(b"ID3\x04\0\0"), Some(AudioKind::Mp3));
        assert_eq!(sniff_audio(&[0xFF, 0xFB, 0x90, 0x64]), Some(AudioKind::Mp3));
    }

    #[test]
    fn refuses_other_files_whatever_their_name() {
        assert_eq!(sniff_audio(b"%PDF-1.7"), None);
        assert_eq!(sniff_audio(b"\x89PNG\r\n\x1a\n"), None);
        assert_eq!(sniff_audio(b"RIFF\0\0\0\0AVI "), None);
        assert_eq!(sniff_audio(b""), None);
        assert!(unsupported_message("notes.mp3").contains("notes.mp3"));
    }

    #[test]
    fn the_generated_tone_is_a_valid_wav_of_the_right_length() {
        let wav = tone_wav(2.0, 8000, &[330.0, 440.0]);
        assert_eq!(wav.len(), 44 + 2 * 16000);
        assert_eq!(u32::from_le_bytes(wav[40..44].try_into().unwrap()), 32000);
    }

    #[test]
    fn the_size_message_names_the_file_and_the_limit_and_rounds_up() {
        assert_eq!(
            too_large_message("call.wav", 60 * 1024 * 1024),
            "\"call.wav\" is 60.0 MB; a recording can be at most 50 MB. An MP3 at 64 kbit/s holds about 100 minutes in that."
        );
        assert!(too_large_message("x", MAX_RECORDING_BYTES + 1).contains("is 50.1 MB"));
    }
}

//! Output that cannot drive the terminal: control characters in stored text (a file edited by
//! another program may hold `ESC [2J`) are shown as `^[`, `<U+009B>`, never sent as commands.

use std::io::{self, Write};

/// Passes text through, showing C0 and C1 control characters (but line feed and tab) visibly.
/// Bytes are buffered until they form whole characters, so a split UTF-8 sequence is not mangled.
pub struct Printable<W: Write> {
    inner: W,
    /// When false, bytes pass unchanged (data written to a file or a pipe).
    neutralise: bool,
    pending: Vec<u8>,
}

impl<W: Write> Printable<W> {
    pub fn new(inner: W, neutralise: bool) -> Self {
        Self {
            inner,
            neutralise,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for Printable<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.neutralise {
            return self.inner.write(buf);
        }
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(s) => s.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(), // an incomplete character: wait
            Err(e) => e.valid_up_to() + e.error_len().unwrap_or(1),
        };
        let chunk: Vec<u8> = self.pending.drain(..valid).collect();
        let text = String::from_utf8_lossy(&chunk);
        let out = crate::text::control::controls_shown(&text, &['\n', '\t']);
        self.inner.write_all(out.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let rest = String::from_utf8_lossy(&std::mem::take(&mut self.pending)).into_owned();
            self.inner.write_all(rest.as_bytes())?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for Printable<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(parts: &[&[u8]]) -> String {
        let mut out = Vec::new();
        {
            let mut p = Printable::new(&mut out, true);
            for part in parts {
                p.write_all(part).expect("writes");
            }
        }
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(
            through(&["タイトル\u{1b}[2J終わり\n".as_bytes()]),
            "タイトル^[[2J終わり\n"
        );
        assert_eq!(
            through(&["a\u{9b}31mb\tc\u{7}".as_bytes()]),
            "a<U+009B>31mb\tc^G"
        );
    }

    #[test]
    fn a_character_split_across_writes_survives() {
        let bytes = "指宿".as_bytes();
        assert_eq!(through(&[&bytes[..2], &bytes[2..4], &bytes[4..]]), "指宿");
    }
}

//! Reading a schedule or template file: bounded in size and shape, UTF-8 checked,
//! named for messages.

mod shape;

use std::io::{self, Read};
use std::path::Path;

use crate::diagnostic::{Diagnostic, Source};
use crate::rules::INPUT_BYTES_MAX;

/// A schedule file's name (as the runner gave it) and text.
#[derive(Debug, Clone)]
pub struct Input {
    /// The path, or `<stdin>`.
    pub name: String,
    /// The text, at most [`INPUT_BYTES_MAX`] bytes of UTF-8.
    pub text: String,
}

/// Why a file could not be read as text.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be opened or read.
    Io(String, io::Error),
    /// The file is not text the planner can read; the diagnostic says why and where.
    Invalid(Input, Diagnostic),
}

impl Input {
    /// The file as a [`Source`] for rendering diagnostics.
    pub fn source(&self) -> Source<'_> {
        Source {
            name: &self.name,
            text: &self.text,
        }
    }

    /// Reads `path`, or standard input for `-`.
    pub fn read(path: &Path) -> Result<Input, ReadError> {
        let (name, bytes) = if path == Path::new("-") {
            ("<stdin>".to_owned(), read_bounded(io::stdin().lock()))
        } else {
            (
                path.display().to_string(),
                std::fs::File::open(path).and_then(read_bounded),
            )
        };
        match bytes {
            // An empty pipe is a producer that failed, not a week of rest.
            Ok(bytes) if bytes.is_empty() && path == Path::new("-") => Err(ReadError::Invalid(
                Input {
                    name,
                    text: String::new(),
                },
                Diagnostic::whole_file("standard input is empty")
                    .with_help(Some("pipe a schedule in, or name its file".to_owned())),
            )),
            Ok(bytes) => Self::from_bytes(name, bytes),
            Err(error) => Err(ReadError::Io(name, error)),
        }
    }

    /// Checks size and encoding of a whole file's bytes.
    pub fn from_bytes(name: String, bytes: Vec<u8>) -> Result<Input, ReadError> {
        if bytes.len() as u64 > INPUT_BYTES_MAX {
            let diagnostic = Diagnostic::whole_file(format!(
                "file is larger than {} KiB, the most planner reads",
                INPUT_BYTES_MAX / 1024
            ))
            .with_help(Some(
                "a schedule or a template is a few kilobytes; is this the right file?".to_owned(),
            ));
            return Err(ReadError::Invalid(
                Input {
                    name,
                    text: String::new(),
                },
                diagnostic,
            ));
        }
        match String::from_utf8(bytes) {
            Ok(text) => match shape::check(&text) {
                Ok(()) => Ok(Input { name, text }),
                Err(diagnostic) => Err(ReadError::Invalid(Input { name, text }, diagnostic)),
            },
            Err(error) => {
                let valid = error.utf8_error().valid_up_to();
                let bytes = error.into_bytes();
                // Keep the valid part, so the message can point at the bad byte.
                let text = String::from_utf8_lossy(&bytes[..valid]).into_owned();
                let diagnostic = Diagnostic::new(
                    format!(
                        "file is not UTF-8: byte 0x{:02x} is not valid text",
                        bytes[valid]
                    ),
                    valid..valid,
                )
                .with_help(Some("save the file as UTF-8".to_owned()));
                Err(ReadError::Invalid(Input { name, text }, diagnostic))
            }
        }
    }
}

/// Reads at most one byte more than the limit, so a huge file costs no memory.
fn read_bounded(reader: impl Read) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(INPUT_BYTES_MAX + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oversized_input_is_refused() {
        let bytes = vec![b'#'; INPUT_BYTES_MAX as usize + 1];
        let Err(ReadError::Invalid(_, d)) = Input::from_bytes("big.toml".into(), bytes) else {
            panic!("accepted an oversized file");
        };
        assert!(d.message.contains("larger than 1024 KiB"), "{}", d.message);
    }

    #[test]
    fn invalid_utf8_points_at_the_byte() {
        let bytes = b"[week]\nmon = \"e\xffasy\"\n".to_vec();
        let Err(ReadError::Invalid(input, d)) = Input::from_bytes("bad.toml".into(), bytes) else {
            panic!("accepted invalid UTF-8");
        };
        assert_eq!(d.message, "file is not UTF-8: byte 0xff is not valid text");
        let at = input.source().position(d.span.expect("has a span").start);
        assert_eq!((at.line, at.column), (2, 9));
    }
}

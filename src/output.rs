//! Where the bytes go: standard output, or a file that is replaced atomically.
//!
//! A file is written to a temporary file in the same folder and renamed over the
//! target only once every byte is written and synced, so on any error the old file
//! is left as it was and no temporary file stays behind.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

/// Where output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// Standard output.
    Stdout,
    /// A file, replaced atomically.
    File(PathBuf),
}

impl Destination {
    /// `--output FILE`, or standard output without it.
    pub fn from_flag(path: Option<&Path>) -> Destination {
        path.map_or(Destination::Stdout, |p| Destination::File(p.to_path_buf()))
    }

    /// Runs `render` into this destination.
    pub fn write(
        &self,
        render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> anyhow::Result<()> {
        match self {
            Destination::Stdout => {
                let mut out = BufWriter::new(io::stdout().lock());
                render(&mut out)?;
                out.flush()?;
                Ok(())
            }
            Destination::File(path) => replace(path, render),
        }
    }
}

/// Writes `path` through a temporary file beside it and a rename.
pub fn replace(
    path: &Path,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .with_context(|| format!("{} is not a file name", path.display()))?;
    let temp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> anyhow::Result<()> {
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
        let mut out = BufWriter::new(file);
        render(&mut out).with_context(|| format!("cannot write {}", path.display()))?;
        let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()
            .with_context(|| format!("cannot write {}", path.display()))?;
        fs::rename(&temp, path).with_context(|| format!("cannot replace {}", path.display()))?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Writes `bytes` to `path`, which must not exist yet.
pub fn create_new(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut file: File = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("planner-output-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("creates a temp dir");
        dir
    }

    #[test]
    fn replace_writes_the_whole_file() {
        let dir = dir("whole");
        let path = dir.join("week.json");
        fs::write(&path, "old").expect("writes");
        replace(&path, |out: &mut dyn Write| out.write_all(b"new")).expect("replaces");
        assert_eq!(fs::read_to_string(&path).expect("reads"), "new");
        assert_eq!(
            fs::read_dir(&dir).expect("lists").count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn a_failed_render_leaves_the_old_file_and_no_temporary() {
        let dir = dir("failed");
        let path = dir.join("week.json");
        fs::write(&path, "old").expect("writes");
        let failed = replace(&path, |out: &mut dyn Write| {
            out.write_all(b"half")?;
            Err(io::Error::other("renderer failed"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(&path).expect("reads"), "old");
        assert_eq!(
            fs::read_dir(&dir).expect("lists").count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn create_new_refuses_an_existing_file() {
        let dir = dir("new");
        let path = dir.join("schedule.toml");
        create_new(&path, b"one").expect("creates");
        let error = create_new(&path, b"two").expect_err("exists");
        assert!(format!("{error:#}").contains("cannot create"), "{error:#}");
        assert_eq!(fs::read_to_string(&path).expect("reads"), "one");
    }
}

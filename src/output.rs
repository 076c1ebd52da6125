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
                render(&mut out)
                    .and_then(|()| out.flush())
                    .context("cannot write to standard output")
            }
            Destination::File(path) => replace(path, render),
        }
    }
}

/// Writes `path` through a temporary file beside it and a rename. A symbolic link
/// is followed (the file it points to is replaced, the link stays); an existing file
/// keeps its permissions; something that is not a regular file (a device such as
/// `/dev/stdout`, a named pipe) cannot be replaced, so it is written into directly.
pub fn replace(
    path: &Path,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    let target = resolve_links(path)?;
    let existing = fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(|meta| !meta.is_file()) {
        let file = OpenOptions::new()
            .write(true)
            .open(&target)
            .with_context(|| format!("cannot write {}", path.display()))?;
        let mut out = BufWriter::new(file);
        render(&mut out).with_context(|| format!("cannot write {}", path.display()))?;
        out.flush()
            .with_context(|| format!("cannot write {}", path.display()))?;
        return Ok(());
    }
    let path = target.as_path();
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
        if let Some(meta) = &existing {
            file.set_permissions(meta.permissions())
                .with_context(|| format!("cannot keep the permissions of {}", path.display()))?;
        }
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

/// The file `path` names after following symbolic links (up to a sane depth); a path
/// that is not a link, or does not exist, is itself.
fn resolve_links(path: &Path) -> anyhow::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)
                    .with_context(|| format!("cannot follow the link {}", current.display()))?;
                current = match current.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(current),
        }
    }
    anyhow::bail!("{}: too many levels of symbolic links", path.display())
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

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_and_permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = dir("link");
        let real = dir.join("real.json");
        fs::write(&real, "old").expect("writes");
        fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).expect("chmod");
        let link = dir.join("link.json");
        std::os::unix::fs::symlink("real.json", &link).expect("links");
        replace(&link, |out: &mut dyn Write| out.write_all(b"new")).expect("replaces");
        assert!(
            fs::symlink_metadata(&link)
                .expect("stat")
                .file_type()
                .is_symlink(),
            "the link stays"
        );
        assert_eq!(fs::read_to_string(&real).expect("reads"), "new");
        assert_eq!(
            fs::metadata(&real).expect("stat").permissions().mode() & 0o777,
            0o600
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_into_not_replaced() {
        replace(Path::new("/dev/null"), |out: &mut dyn Write| {
            out.write_all(b"x")
        })
        .expect("writes");
        assert!(
            !fs::metadata("/dev/null").expect("stat").is_file(),
            "/dev/null is still a device"
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

//! Where the bytes go: standard output, or a file that is replaced atomically.
//!
//! A file is written to a temporary file in the same folder and renamed over the
//! target only once every byte is written and synced, so on any error the old file
//! is left as it was and no temporary file stays behind. With `--output-dir`, each
//! schedule of a batch gets a file of its own in one folder, replaced the same way.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

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
    /// `--output FILE`, or standard output without it or for `-`.
    pub fn from_flag(path: Option<&Path>) -> Destination {
        match path {
            Some(path) if path != Path::new("-") => Destination::File(path.to_path_buf()),
            _ => Destination::Stdout,
        }
    }

    /// Runs `render` into this destination.
    pub fn write(
        &self,
        render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> anyhow::Result<()> {
        match self {
            Destination::Stdout => write_stdout(render),
            Destination::File(path) => replace(path, render),
        }
    }
}

/// `--output-dir DIR`: the folder a batch writes one file per schedule into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputDir {
    dir: PathBuf,
}

/// The name a schedule read from standard input (`-`) writes under in a folder.
pub const STDIN_STEM: &str = "stdin";

impl OutputDir {
    /// The folder `dir`; `-` is refused, since standard output is not a folder.
    pub fn new(dir: &Path) -> Result<OutputDir, String> {
        if dir == Path::new("-") {
            return Err(
                "--output-dir names a folder; for standard output use --output - with one schedule"
                    .to_owned(),
            );
        }
        Ok(OutputDir {
            dir: dir.to_path_buf(),
        })
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// The file each of `inputs` writes: its name without the extension, then
    /// `.extension` (`athletes/ana.toml` → `DIR/ana.ics`), `-` as `stdin`. Two inputs
    /// that would write one file are refused before anything is written, however
    /// the file system treats case: a coach's `a/ana.toml` and `b/Ana.toml` would
    /// overwrite each other on macOS and Windows.
    pub fn targets(&self, inputs: &[PathBuf], extension: &str) -> Result<Vec<PathBuf>, String> {
        let mut targets: Vec<PathBuf> = Vec::with_capacity(inputs.len());
        let mut seen: std::collections::HashMap<String, usize> =
            std::collections::HashMap::with_capacity(inputs.len());
        for (i, input) in inputs.iter().enumerate() {
            let stem = if input == Path::new("-") {
                std::ffi::OsStr::new(STDIN_STEM)
            } else {
                input.file_stem().ok_or_else(|| {
                    format!(
                        "{} names no file, so no output can be named after it",
                        input.display()
                    )
                })?
            };
            let mut name = stem.to_os_string();
            name.push(".");
            name.push(extension);
            let target = self.dir.join(&name);
            let key = name.to_string_lossy().to_lowercase();
            if let Some(&first) = seen.get(&key) {
                return Err(format!(
                    "{} and {} would both write {}; rename one, or plan them in two runs",
                    shown(&inputs[first]),
                    shown(input),
                    target.display()
                ));
            }
            seen.insert(key, i);
            targets.push(target);
        }
        Ok(targets)
    }

    /// Makes the folder if it does not exist; its parent must (a mistyped path
    /// should not grow a tree of folders).
    pub fn create(&self) -> anyhow::Result<()> {
        match fs::create_dir(&self.dir) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && self.dir.is_dir() => Ok(()),
            Err(e) => Err(e)
                .with_context(|| format!("cannot create the output folder {}", self.dir.display())),
        }
    }
}

/// An input as messages name it: `-` is standard input.
fn shown(input: &Path) -> String {
    if input == Path::new("-") {
        "- (standard input)".to_owned()
    } else {
        input.display().to_string()
    }
}

fn write_stdout(render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    render(&mut out)
        .and_then(|()| out.flush())
        .context("cannot write to standard output")
}

fn write_stderr(render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    let mut out = BufWriter::new(io::stderr().lock());
    render(&mut out)
        .and_then(|()| out.flush())
        .context("cannot write to standard error")
}

/// Whether `a` and `b` name the same existing file (after links), as far as this
/// system can tell.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (file_id(a), file_id(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// What tells an existing file from every other (after links): its device and
/// inode, where this system has them. For comparing many paths at once, each read
/// once.
pub fn file_id(path: &Path) -> Option<(u64, u64)> {
    let meta = fs::metadata(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

/// Writes `path` through a temporary file beside it and a rename. A symbolic link
/// is followed (the file it points to is replaced, the link stays); an existing file
/// keeps its permissions, and its owner and group where the user may set them.
/// Something that is not a regular file (a device such as `/dev/null`, a named pipe)
/// cannot be replaced, so it is written into directly; so is an open descriptor
/// named by `/dev/stdout`, `/dev/fd/N` or `/proc/self/fd/N` (a `>(…)` of the shell),
/// whatever file it is open on: a link there is the kernel's, not a path to follow.
pub fn replace(
    path: &Path,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    let target = match resolve_links(path)? {
        Resolved::Descriptor(descriptor) => return write_descriptor(path, &descriptor, render),
        Resolved::Path(target) => target,
    };
    let existing = fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(|meta| !meta.is_file()) {
        return write_into(path, &target, render);
    }
    let path = target.as_path();
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .with_context(|| format!("{} is not a file name", path.display()))?;
    // Watched before the temporary file exists, until it is renamed or removed.
    let interrupts = Interrupts::watch();
    // Counted while it exists (dropped before `interrupts`, which waits for the count).
    let _temporary =
        Temporary::enter().with_context(|| format!("cannot write {}", path.display()))?;
    let (file, temp) = create_temporary(dir, &name.to_string_lossy(), path)?;
    let result = (|| -> anyhow::Result<()> {
        if let Some(meta) = &existing {
            keep_owner(&file, meta);
            file.set_permissions(meta.permissions())
                .with_context(|| format!("cannot keep the permissions of {}", path.display()))?;
        }
        let mut out = BufWriter::new(Watched {
            file,
            interrupts: &interrupts,
        });
        render(&mut out).with_context(|| format!("cannot write {}", path.display()))?;
        let watched = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        watched
            .file
            .sync_all()
            .with_context(|| format!("cannot write {}", path.display()))?;
        interrupts.check()?;
        fs::rename(&temp, path).with_context(|| format!("cannot replace {}", path.display()))?;
        Ok(())
    })();
    if result.is_err() {
        // Only the file this run created: another run's temporary file is its own.
        let _ = fs::remove_file(&temp);
    }
    result
}

/// SIGINT, SIGTERM and SIGHUP held off while a temporary file exists: the write stops
/// at its next block, the temporary file is removed, and then the process ends by the
/// signal as it would have (dropping this re-raises it), so an interrupted run leaves
/// the old file and nothing else. A roster holds them off for the whole run too, so
/// that a signal between two files is not lost: it stops the run after the schedule
/// being planned, once the files being written are whole or removed.
#[derive(Debug)]
pub struct Interrupts {
    /// The signal caught, or 0.
    caught: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    /// The handlers to remove.
    ids: Vec<signal_hook::SigId>,
}

impl Interrupts {
    /// Starts holding the signals off; one that cannot be watched keeps its default.
    pub fn watch() -> Interrupts {
        #[cfg(unix)]
        let signals = [
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
        ];
        #[cfg(not(unix))]
        let signals = [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM];
        let caught = std::sync::Arc::new(AtomicUsize::new(0));
        let ids = signals
            .into_iter()
            .filter_map(|signal| {
                let number = usize::try_from(signal).ok()?;
                signal_hook::flag::register_usize(signal, std::sync::Arc::clone(&caught), number)
                    .ok()
            })
            .collect();
        Interrupts { caught, ids }
    }

    /// An error once a signal has come.
    fn check(&self) -> io::Result<()> {
        if self.caught() {
            Err(io::Error::other("interrupted by a signal"))
        } else {
            Ok(())
        }
    }

    /// Whether a signal has come; from then on no temporary file is made.
    pub fn caught(&self) -> bool {
        let caught = self.caught.load(Ordering::SeqCst) != 0;
        if caught {
            INTERRUPTED.store(true, Ordering::SeqCst);
        }
        caught
    }
}

impl Drop for Interrupts {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
        let caught = self.caught.load(Ordering::SeqCst);
        if let Ok(signal) = i32::try_from(caught) {
            if signal != 0 {
                // Other threads of a roster may still hold a temporary file: no new one
                // is made from now on, and the signal waits (a while, not forever)
                // until every one is renamed or removed.
                INTERRUPTED.store(true, Ordering::SeqCst);
                let deadline = std::time::Instant::now() + TEMPORARIES_WAIT;
                while TEMPORARIES.load(Ordering::SeqCst) > 0 && std::time::Instant::now() < deadline
                {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
                let _ = signal_hook::low_level::emulate_default_handler(signal);
            }
        }
    }
}

/// Temporary files that exist now, in every thread of the process.
static TEMPORARIES: AtomicUsize = AtomicUsize::new(0);

/// Set once a signal has come to a write: from then on no temporary file is made.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// The longest a signal waits for the other threads' temporary files to go.
const TEMPORARIES_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// One temporary file counted in [`TEMPORARIES`] while it may exist.
struct Temporary;

impl Temporary {
    /// Counts one more, or refuses once a signal has come. Counted before the flag is
    /// read, so a signal either sees this file in the count or this run sees the flag.
    fn enter() -> io::Result<Temporary> {
        TEMPORARIES.fetch_add(1, Ordering::SeqCst);
        if INTERRUPTED.load(Ordering::SeqCst) {
            TEMPORARIES.fetch_sub(1, Ordering::SeqCst);
            return Err(io::Error::other("interrupted by a signal"));
        }
        Ok(Temporary)
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        TEMPORARIES.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A temporary file that refuses more bytes once a signal has come.
struct Watched<'a> {
    file: File,
    interrupts: &'a Interrupts,
}

impl Write for Watched<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.interrupts.check()?;
        self.file.write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Writes into `target` as it is, without a temporary file: for devices and pipes.
fn write_into(
    path: &Path,
    target: &Path,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    let file = OpenOptions::new()
        .write(true)
        .open(target)
        .with_context(|| format!("cannot write {}", path.display()))?;
    let mut out = BufWriter::new(file);
    render(&mut out).with_context(|| format!("cannot write {}", path.display()))?;
    out.flush()
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Writes into an open descriptor: this process's standard output or error as they
/// are, another through the kernel's link, appending (so `>> run.log` keeps the log).
fn write_descriptor(
    path: &Path,
    descriptor: &Descriptor,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    match descriptor {
        Descriptor::Stdout => write_stdout(render),
        Descriptor::Stderr => write_stderr(render),
        Descriptor::Other(link) => {
            let file = OpenOptions::new()
                .append(true)
                .open(link)
                .with_context(|| format!("cannot write {}", path.display()))?;
            let mut out = BufWriter::new(file);
            render(&mut out)
                .and_then(|()| out.flush())
                .with_context(|| format!("cannot write {}", path.display()))
        }
    }
}

/// Longest file name most file systems take, in bytes.
const NAME_BYTES_MAX: usize = 255;

/// Creates a temporary file in `dir` for replacing `path` (`name` is its file name):
/// a name no other run can guess, created only if it does not exist, another drawn
/// on a clash. The name fits in 255 bytes whatever the length of `name`.
fn create_temporary(dir: &Path, name: &str, path: &Path) -> anyhow::Result<(File, PathBuf)> {
    // ".", the name's head, ".", 16 hex digits, ".tmp".
    let room = NAME_BYTES_MAX - 1 - 1 - 16 - 4;
    let mut head = name.len().min(room);
    while !name.is_char_boundary(head) {
        head -= 1;
    }
    let head = &name[..head];
    let mut last = None;
    for attempt in 0..64u32 {
        let temp = dir.join(format!(".{head}.{:016x}.tmp", unguessable(attempt)));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((file, temp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                return Err(anyhow::Error::new(e).context(format!(
                    "cannot replace {}: the folder {} is not writable, and a file is \
                     replaced through a new file beside it so that an error never leaves \
                     it half written",
                    path.display(),
                    dir.display()
                )));
            }
            Err(e) => {
                return Err(anyhow::Error::new(e).context(format!(
                    "cannot create a temporary file in {}",
                    dir.display()
                )));
            }
        }
    }
    let error = last.unwrap_or_else(|| io::Error::from(io::ErrorKind::AlreadyExists));
    Err(anyhow::Error::new(error).context(format!(
        "cannot create a temporary file in {}",
        dir.display()
    )))
}

/// A number another process cannot predict: std's hasher keys are drawn from the
/// system's random source once per process, mixed here with the time and the attempt.
fn unguessable(attempt: u32) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    hasher.write_u32(attempt);
    if let Ok(now) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(now.as_nanos());
    }
    hasher.finish()
}

/// Gives `file` the owner and group of the file it replaces, as far as the user may:
/// the group alone when the owner cannot be given, neither when not even that.
fn keep_owner(file: &File, meta: &fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, fchown};
        if fchown(file, Some(meta.uid()), Some(meta.gid())).is_err() {
            let _ = fchown(file, None, Some(meta.gid()));
        }
    }
    #[cfg(not(unix))]
    let _ = (file, meta);
}

/// An open descriptor, named by a path the kernel links to it.
#[derive(Debug, PartialEq, Eq)]
enum Descriptor {
    /// This process's standard output.
    Stdout,
    /// This process's standard error.
    Stderr,
    /// Another descriptor, opened through this path.
    Other(PathBuf),
}

/// What a path names once its links are followed.
#[derive(Debug)]
enum Resolved {
    /// A file by its path.
    Path(PathBuf),
    /// An open descriptor.
    Descriptor(Descriptor),
}

/// The descriptor `path` names, if it is one: `/dev/stdout`, `/dev/stderr`,
/// `/dev/fd/N`, `/proc/self/fd/N`, `/proc/thread-self/fd/N` or `/proc/PID/fd/N`.
fn descriptor(path: &Path) -> Option<Descriptor> {
    let text = path.to_str()?;
    let number = if text == "/dev/stdout" {
        Some(1)
    } else if text == "/dev/stderr" {
        Some(2)
    } else {
        let fd = text.strip_prefix("/dev/fd/").or_else(|| {
            let rest = text.strip_prefix("/proc/")?;
            let (process, fd) = rest.split_once("/fd/")?;
            let own = process == "self"
                || process == "thread-self"
                || process == std::process::id().to_string();
            if own {
                Some(fd)
            } else {
                // Another process's descriptor: opened through its link.
                process.bytes().all(|b| b.is_ascii_digit()).then_some("")
            }
        })?;
        if fd.is_empty() {
            return Some(Descriptor::Other(path.to_path_buf()));
        }
        if !fd.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        fd.parse::<u32>().ok()
    };
    Some(match number? {
        1 => Descriptor::Stdout,
        2 => Descriptor::Stderr,
        _ => Descriptor::Other(path.to_path_buf()),
    })
}

/// The file `path` names after following symbolic links (up to a sane depth); a path
/// that is not a link, or does not exist, is itself. A link to an open descriptor
/// stops there: its text (`pipe:[…]`, `/x (deleted)`) is no path.
fn resolve_links(path: &Path) -> anyhow::Result<Resolved> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        if let Some(descriptor) = descriptor(&current) {
            return Ok(Resolved::Descriptor(descriptor));
        }
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)
                    .with_context(|| format!("cannot follow the link {}", current.display()))?;
                current = match current.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(Resolved::Path(current)),
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
    fn an_output_dir_names_each_file_after_its_schedule() {
        let out = OutputDir::new(Path::new("calendars")).expect("a folder");
        let inputs: Vec<PathBuf> = ["athletes/ana.toml", "bo", "-", "c.d.toml"]
            .iter()
            .map(PathBuf::from)
            .collect();
        let targets = out.targets(&inputs, "ics").expect("distinct names");
        let names: Vec<String> = targets.iter().map(|t| t.display().to_string()).collect();
        assert_eq!(
            names,
            [
                "calendars/ana.ics",
                "calendars/bo.ics",
                "calendars/stdin.ics",
                "calendars/c.d.ics"
            ]
        );
    }

    #[test]
    fn two_schedules_that_would_write_one_file_are_refused() {
        let out = OutputDir::new(Path::new("out")).expect("a folder");
        let clash = |a: &str, b: &str| {
            out.targets(&[PathBuf::from(a), PathBuf::from(b)], "json")
                .expect_err("a clash")
        };
        assert_eq!(
            clash("a/x.toml", "b/x.toml"),
            "a/x.toml and b/x.toml would both write out/x.json; rename one, or plan them in two runs"
        );
        assert!(clash("x.toml", "X.toml").contains("would both write"));
        assert!(clash("-", "stdin.toml").starts_with("- (standard input) and stdin.toml"));
        assert!(clash("x.toml", "x.toml").contains("would both write"));
        assert!(OutputDir::new(Path::new("-")).is_err());
        assert!(out.targets(&[PathBuf::from("..")], "json").is_err());
    }

    #[test]
    fn an_output_dir_is_made_but_not_its_parents() {
        let base = dir("made");
        let made = OutputDir::new(&base.join("calendars")).expect("a folder");
        made.create().expect("makes the folder");
        made.create().expect("an existing folder is fine");
        assert!(base.join("calendars").is_dir());
        let deep = OutputDir::new(&base.join("no/such/calendars")).expect("a folder");
        let error = format!("{:#}", deep.create().expect_err("parents missing"));
        assert!(
            error.starts_with("cannot create the output folder"),
            "{error}"
        );
        fs::write(base.join("file"), "").expect("writes");
        assert!(
            OutputDir::new(&base.join("file"))
                .expect("a path")
                .create()
                .is_err()
        );
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
    fn descriptor_paths_are_recognised() {
        assert_eq!(
            descriptor(Path::new("/dev/stdout")),
            Some(Descriptor::Stdout)
        );
        assert_eq!(descriptor(Path::new("/dev/fd/2")), Some(Descriptor::Stderr));
        assert_eq!(
            descriptor(Path::new("/proc/self/fd/1")),
            Some(Descriptor::Stdout)
        );
        assert_eq!(
            descriptor(Path::new("/proc/self/fd/63")),
            Some(Descriptor::Other(PathBuf::from("/proc/self/fd/63")))
        );
        assert_eq!(
            descriptor(Path::new("/proc/1/fd/5")),
            Some(Descriptor::Other(PathBuf::from("/proc/1/fd/5")))
        );
        assert_eq!(descriptor(Path::new("/dev/null")), None);
        assert_eq!(descriptor(Path::new("/proc/self/fd/x")), None);
        assert_eq!(descriptor(Path::new("week.json")), None);
    }

    #[test]
    fn a_long_name_gets_a_temporary_name_that_fits() {
        let dir = dir("long");
        let name = "w".repeat(250);
        let path = dir.join(&name);
        replace(&path, |out: &mut dyn Write| out.write_all(b"new")).expect("replaces");
        assert_eq!(fs::read_to_string(&path).expect("reads"), "new");
    }

    #[test]
    fn a_stale_temporary_file_is_neither_in_the_way_nor_deleted() {
        let dir = dir("stale");
        let path = dir.join("week.json");
        let stale = dir.join(format!(".week.json.{}.tmp", std::process::id()));
        fs::write(&stale, "another run's").expect("writes");
        replace(&path, |out: &mut dyn Write| out.write_all(b"new")).expect("replaces");
        assert_eq!(fs::read_to_string(&path).expect("reads"), "new");
        assert_eq!(fs::read_to_string(&stale).expect("kept"), "another run's");
    }

    #[test]
    fn temporary_names_differ_from_one_draw_to_the_next() {
        assert_ne!(unguessable(0), unguessable(0));
    }

    #[test]
    fn dash_is_standard_output() {
        assert_eq!(
            Destination::from_flag(Some(Path::new("-"))),
            Destination::Stdout
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

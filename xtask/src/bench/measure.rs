//! Running one step as a child process: its wall time, its peak resident memory and CPU
//! time (from wait4(2), the child's own rusage) and its exit code.
//!
//! The step is started by a small launcher (this program again, `xtask __measure`), not
//! by the benchmark itself: a child spawned by a process records that process's peak
//! memory as its own at exec (Linux copies the old address space's high-water mark into
//! the new program's), and the benchmark holds whole corpora in memory.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
pub struct Sample {
    pub wall: Duration,
    /// Peak resident set size of the child, in KiB.
    pub rss_kib: u64,
    /// User plus system CPU time of the child (and of any process it waited for).
    pub cpu: Duration,
    pub code: i32,
}

/// Runs `cmd` (through the launcher) with no input and its output discarded.
pub fn run(cmd: &Command) -> Result<Sample, String> {
    let what = format!("{cmd:?}");
    let me = std::env::current_exe().map_err(|e| format!("cannot find xtask itself: {e}"))?;
    let mut launcher = Command::new(me);
    launcher.arg("__measure");
    if let Some(dir) = cmd.get_current_dir() {
        launcher.current_dir(dir);
    }
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => launcher.env(k, v),
            None => launcher.env_remove(k),
        };
    }
    launcher.arg(cmd.get_program()).args(cmd.get_args());
    let out = launcher
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run {what}: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let f: Vec<u64> = text
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    match f[..] {
        [wall, rss, cpu, code] => Ok(Sample {
            wall: Duration::from_nanos(wall),
            rss_kib: rss,
            cpu: Duration::from_nanos(cpu),
            code: i32::try_from(code).unwrap_or(-1),
        }),
        _ => Err(format!("measuring {what} failed: {text}")),
    }
}

/// The launcher: `xtask __measure PROGRAM ARGS…` runs the program, waits for it with
/// wait4 and prints `wall_ns max_rss_kib cpu_ns exit_code`.
pub fn launcher(args: &[String]) -> Result<(), String> {
    let (prog, rest) = args.split_first().ok_or("__measure needs a program")?;
    let start = Instant::now();
    let child = Command::new(Path::new(prog))
        .args(rest)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run {prog}: {e}"))?;
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = loop {
        // SAFETY: `pid` is our child, not yet reaped (std's Child never waited for it);
        // both pointers are valid for the call.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == -1 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        break r;
    };
    let wall = start.elapsed();
    if r != pid {
        return Err(format!("wait4: {}", std::io::Error::last_os_error()));
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        255
    };
    let tv = |t: libc::timeval| {
        Duration::from_secs(u64::try_from(t.tv_sec).unwrap_or(0))
            + Duration::from_micros(u64::try_from(t.tv_usec).unwrap_or(0))
    };
    let cpu = tv(usage.ru_utime) + tv(usage.ru_stime);
    println!(
        "{} {} {} {code}",
        wall.as_nanos(),
        usage.ru_maxrss.max(0),
        cpu.as_nanos()
    );
    Ok(())
}

/// The median of some durations (the lower middle one for an even count).
pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len().saturating_sub(1) / 2)
        .copied()
        .unwrap_or_default()
}

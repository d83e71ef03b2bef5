//! `cargo xtask bench [--quick]`: the edit–sync–status–check–build cycle on generated
//! corpora of N documents, timed with the release binary, side by side with po4a and
//! gettext doing the same cycle. The full run writes docs/performance.md.
//!
//! Options besides `--quick` (N = 1 and 100): `--sizes 1,10` picks other sizes, `--runs R`
//! sets how many times each dossier cycle runs (default 5), `--keep` leaves the corpora in
//! the temporary directory (for profiling), `--no-po4a` leaves po4a out. Only the full run
//! writes docs/performance.md.

mod corpus;
mod lsp;
mod measure;
mod po4a;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use corpus::{Base, Doc};
use measure::{median, Sample};

const FULL: &[usize] = &[1, 10, 100, 1000];
const QUICK: &[usize] = &[1, 100];

struct Opts {
    sizes: Vec<usize>,
    runs: usize,
    keep: bool,
    no_po4a: bool,
    full: bool,
    quick: bool,
}

impl Opts {
    fn parse(args: &[String]) -> Result<Opts, String> {
        let mut o = Opts {
            sizes: FULL.to_vec(),
            runs: 5,
            keep: false,
            no_po4a: false,
            full: true,
            quick: false,
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--quick" => {
                    o.sizes = QUICK.to_vec();
                    o.full = false;
                    o.quick = true;
                }
                "--keep" => o.keep = true,
                "--no-po4a" => {
                    o.no_po4a = true;
                    o.full = false;
                }
                "--sizes" => {
                    let v = it.next().ok_or("--sizes needs a list, e.g. --sizes 1,10")?;
                    o.sizes = v
                        .split(',')
                        .map(|s| s.trim().parse::<usize>().ok().filter(|&n| n > 0))
                        .collect::<Option<Vec<_>>>()
                        .ok_or_else(|| format!("--sizes {v}: give positive numbers"))?;
                    o.full = false;
                }
                "--runs" => {
                    let v = it.next().ok_or("--runs needs a number")?;
                    o.runs = v
                        .parse()
                        .ok()
                        .filter(|&r| r > 0)
                        .ok_or_else(|| format!("--runs {v}: give a positive number"))?;
                }
                other => return Err(format!("bench: unknown option `{other}`")),
            }
        }
        Ok(o)
    }
}

/// One step's samples over the runs.
struct Step {
    name: String,
    samples: Vec<Sample>,
}

impl Step {
    fn median(&self) -> Duration {
        median(self.samples.iter().map(|s| s.wall).collect())
    }
    fn min(&self) -> Duration {
        self.samples
            .iter()
            .map(|s| s.wall)
            .min()
            .unwrap_or_default()
    }
    fn max(&self) -> Duration {
        self.samples
            .iter()
            .map(|s| s.wall)
            .max()
            .unwrap_or_default()
    }
    fn cpu(&self) -> Duration {
        median(self.samples.iter().map(|s| s.cpu).collect())
    }
    fn rss_kib(&self) -> u64 {
        self.samples.iter().map(|s| s.rss_kib).max().unwrap_or(0)
    }
}

struct Row {
    n: usize,
    segments: usize,
    messages: usize,
    locales: usize,
    steps: Vec<Step>,
    /// The whole dossier cycle per run.
    cycle: Step,
    /// `check` on the fresh corpus with no cache, once.
    cold_check: Option<Step>,
    po4a: Option<Step>,
}

pub use measure::launcher;

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let opts = Opts::parse(args)?;
    crate::cargo(&["build", "--release", "--quiet", "--bin", "dossier"])?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let bin = target.join("release").join("dossier");
    let has_check = Command::new(&bin)
        .args(["check", "--help"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let po4a = po4a::available().filter(|_| !opts.no_po4a);
    if po4a.is_none() && !opts.no_po4a {
        eprintln!(
            "po4a or gettext is not installed: `apt-get install po4a gettext` for the comparison"
        );
    }
    eprintln!("dossier lsp: timing diagnostics after edits");
    let lsp = lsp::measure(&bin, root)?;
    eprintln!("{}", lsp.line());
    let base = Base::load(root)?;
    let (segments, messages) = base.counts();
    let tmp = std::env::temp_dir().join(format!("dossier-bench-{}", std::process::id()));
    eprintln!(
        "corpora under {}; one document: {segments} segments, {messages} to translate, {} edited per cycle",
        tmp.display(),
        base.edits_per_doc()
    );
    let mut rows = Vec::new();
    for &n in &opts.sizes {
        let dir = tmp.join(format!("n{n}"));
        let result = bench_size(&bin, &base, &dir, n, &opts, has_check, po4a.is_some());
        if !opts.keep {
            let _ = std::fs::remove_dir_all(&dir);
        }
        let row = result?;
        eprint!("{}", table(std::slice::from_ref(&row)));
        rows.push(row);
    }
    if !opts.keep {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    let machine = machine(&tmp, po4a.as_deref());
    let mut report = report(&rows, &opts, has_check, &machine);
    report.push_str("\n### The language server\n\n");
    report.push_str(&lsp.line());
    report.push('\n');
    println!("{report}");
    if opts.full {
        let path = root.join("docs").join("performance.md");
        std::fs::write(&path, document(&report)).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

/// Writes `text` to `path` unless the file already holds it: restoring the corpus leaves
/// the files a run did not change as they are, times and all, as `git checkout` does (an
/// editor loop does not rewrite the translations when the English changes).
fn write(path: &Path, text: &str) -> Result<(), String> {
    if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes the corpus as it is before the edit (translations complete), with the sources
/// already edited when `edited`.
fn write_corpus(dir: &Path, base: &Base, docs: &[Doc], edited: bool) -> Result<(), String> {
    write(&dir.join("l10n.toml"), &base.l10n)?;
    if let Some(t) = &base.dossier_toml {
        write(&dir.join("dossier.toml"), t)?;
    }
    if let Some(t) = &base.glossary {
        write(&dir.join("glossary.csv"), t)?;
    }
    for d in docs {
        let src = if edited { &d.edited } else { &d.source };
        write(&dir.join(format!("source/{}.md", d.name)), src)?;
        write(
            &dir.join(format!("locales/en/{}.ftl", d.name)),
            &d.reference,
        )?;
        for (l, t) in base.locales.iter().zip(&d.translations) {
            write(&dir.join(format!("locales/{l}/{}.ftl", d.name)), t)?;
        }
    }
    Ok(())
}

/// Flushes everything written so the timed steps do not pay for earlier writes.
fn settle() {
    // SAFETY: sync(2) takes no arguments and cannot fail.
    unsafe { libc::sync() };
}

fn dossier(bin: &Path, dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(bin);
    c.arg("--root").arg(dir).args(args).env("NO_COLOR", "1");
    c
}

/// Runs a step; an unexpected exit code reruns it to show what it said.
fn step(mut cmd: Command, ok: &[i32]) -> Result<Sample, String> {
    let s = measure::run(&cmd)?;
    if !ok.contains(&s.code) {
        let out = cmd.output().map_err(|e| e.to_string())?;
        return Err(format!(
            "{cmd:?} exited with {}:\n{}{}",
            s.code,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(s)
}

fn bench_size(
    bin: &Path,
    base: &Base,
    dir: &Path,
    n: usize,
    opts: &Opts,
    has_check: bool,
    po4a: bool,
) -> Result<Row, String> {
    eprintln!("N = {n}: generating");
    let docs: Vec<Doc> = (0..n).map(|d| base.doc(d)).collect();
    base.verify(&docs[0])?;
    write_corpus(dir, base, &docs, false)?;
    // The corpus is consistent: sync has nothing to write.
    step(dossier(bin, dir, &["sync", "--check"]), &[0])?;
    // And clean: `check` times the checks, not the printing of findings.
    let cold_check = if has_check {
        let _ = std::fs::remove_dir_all(dir.join(".dossier-cache"));
        Some(Step {
            name: "check".into(),
            samples: vec![step(dossier(bin, dir, &["check"]), &[0])?],
        })
    } else {
        None
    };
    let po = if po4a {
        let po = po4a::setup(dir, base, &docs)?;
        eprintln!(
            "N = {n}: po4a set up; {} messages translated, {} copied (no words: links, numbers)",
            po.matched, po.copied
        );
        Some(po)
    } else {
        None
    };

    let mut names = vec!["sync", "status"];
    if has_check {
        names.push("check");
    }
    names.push("build");
    let mut steps: Vec<Step> = names
        .iter()
        .map(|s| Step {
            name: s.to_string(),
            samples: Vec::new(),
        })
        .collect();
    let mut cycle = Step {
        name: "cycle".into(),
        samples: Vec::new(),
    };
    for run in 0..opts.runs {
        eprintln!("N = {n}: dossier cycle, run {}/{}", run + 1, opts.runs);
        // The editions on disk are those of the corpus before the edit, as in a real
        // project (not the previous run's, which already match the edit), so that
        // `build` writes every edition again.
        write_corpus(dir, base, &docs, false)?;
        step(dossier(bin, dir, &["build"]), &[0])?;
        write_corpus(dir, base, &docs, true)?;
        settle();
        let mut total = Sample {
            wall: Duration::ZERO,
            rss_kib: 0,
            cpu: Duration::ZERO,
            code: 0,
        };
        for st in steps.iter_mut() {
            let ok: &[i32] = &[0];
            let s = step(dossier(bin, dir, &[st.name.as_str()]), ok)?;
            total.wall += s.wall;
            total.cpu += s.cpu;
            total.rss_kib = total.rss_kib.max(s.rss_kib);
            st.samples.push(s);
        }
        cycle.samples.push(total);
    }
    let po4a = match po {
        Some(po) => {
            let runs = if n <= 100 { 3 } else { 1 };
            let mut st = Step {
                name: "po4a".into(),
                samples: Vec::new(),
            };
            for run in 0..runs {
                eprintln!("N = {n}: po4a cycle, run {}/{runs}", run + 1);
                write_corpus(dir, base, &docs, true)?;
                po.restore(dir)?;
                settle();
                st.samples.push(step(po.command(dir), &[0])?);
            }
            Some(st)
        }
        None => None,
    };
    let (segments, messages) = base.counts();
    Ok(Row {
        n,
        segments: segments * n,
        messages: messages * n,
        locales: base.locales.len(),
        steps,
        cycle,
        cold_check,
        po4a,
    })
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms >= 100.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

fn mib(kib: u64) -> String {
    format!("{:.0} MiB", kib as f64 / 1024.0)
}

fn rate(count: usize, d: Duration) -> String {
    let r = count as f64 / d.as_secs_f64().max(1e-9);
    let s = format!("{:.0}", r);
    // Thousands separators for reading.
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn table(rows: &[Row]) -> String {
    let mut t = String::new();
    t.push_str(
        "| N | segments | step | median | min – max | runs | CPU | peak RSS | segments/s |\n",
    );
    t.push_str("|---:|---:|---|---:|---:|---:|---:|---:|---:|\n");
    for r in rows {
        let mut line = |name: &str, st: &Step| {
            let _ = writeln!(
                t,
                "| {} | {} | {name} | {} | {} – {} | {} | {} | {} | {} |",
                r.n,
                r.segments,
                ms(st.median()),
                ms(st.min()),
                ms(st.max()),
                st.samples.len(),
                ms(st.cpu()),
                mib(st.rss_kib()),
                rate(r.segments, st.median())
            );
        };
        if let Some(st) = &r.cold_check {
            line("`dossier check`, cold (empty cache, once)", st);
        }
        for st in &r.steps {
            line(&format!("`dossier {}`", st.name), st);
        }
        line("**dossier cycle**", &r.cycle);
        if let Some(p) = &r.po4a {
            line("**po4a cycle**", p);
        }
    }
    t
}

fn report(rows: &[Row], opts: &Opts, has_check: bool, machine: &str) -> String {
    let mut out = String::new();
    let cmd = if opts.quick {
        "cargo xtask bench --quick".to_string()
    } else if opts.full {
        "cargo xtask bench".to_string()
    } else {
        format!(
            "cargo xtask bench --sizes {}",
            opts.sizes
                .iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(",")
        )
    };
    let _ = writeln!(out, "Command: `{cmd}`\n");
    let _ = writeln!(out, "{machine}\n");
    out.push_str("### Every step\n\n");
    out.push_str(&table(rows));
    if !has_check {
        out.push_str("\n`dossier check`: n/a (this binary has no `check` subcommand).\n");
    }
    out.push_str("\n### Side by side with po4a\n\n");
    out.push_str(
        "| N | segments | translations (messages × locales) | dossier cycle | po4a cycle | po4a ÷ dossier |\n",
    );
    out.push_str("|---:|---:|---:|---:|---:|---:|\n");
    for r in rows {
        let (p, ratio) = match &r.po4a {
            Some(p) => (
                ms(p.median()),
                format!(
                    "{:.0}×",
                    p.median().as_secs_f64() / r.cycle.median().as_secs_f64().max(1e-9)
                ),
            ),
            None => ("n/a".into(), "n/a".into()),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {p} | {ratio} |",
            r.n,
            r.segments,
            r.messages * r.locales,
            ms(r.cycle.median())
        );
    }
    out.push_str("\n### Targets\n\n");
    out.push_str(&targets(rows));
    out
}

fn targets(rows: &[Row]) -> String {
    let find = |n: usize| rows.iter().find(|r| r.n == n);
    let step = |r: &Row, name: &str| {
        r.steps
            .iter()
            .find(|s| s.name == name)
            .map(Step::median)
            .unwrap_or_default()
    };
    let mut t = String::from("| target | measured | met |\n|---|---:|:---:|\n");
    let mut line = |what: String, measured: String, ok: bool| {
        let _ = writeln!(
            t,
            "| {what} | {measured} | {} |",
            if ok { "yes" } else { "**no**" }
        );
    };
    let secs = |d: Duration| d.as_secs_f64();
    if let Some(r) = find(1) {
        line(
            "N = 1: cycle < 50 ms".into(),
            ms(r.cycle.median()),
            secs(r.cycle.median()) < 0.050,
        );
        let s = step(r, "status");
        line("N = 1: `status` < 10 ms".into(), ms(s), secs(s) < 0.010);
    }
    if let Some(r) = find(1000) {
        line(
            "N = 1000: cycle < 2 s".into(),
            ms(r.cycle.median()),
            secs(r.cycle.median()) < 2.0,
        );
        let s = step(r, "status");
        line("N = 1000: `status` < 1 s".into(), ms(s), secs(s) < 1.0);
        let rss = r.cycle.rss_kib();
        line(
            "N = 1000: peak RSS < 1 GiB".into(),
            mib(rss),
            rss < 1024 * 1024,
        );
    }
    for n in [100, 1000] {
        if let Some(r) = find(n) {
            if let Some(p) = &r.po4a {
                let ratio = secs(p.median()) / secs(r.cycle.median()).max(1e-9);
                line(
                    format!("N = {n}: ≥ 50× faster than po4a"),
                    format!("{ratio:.0}×"),
                    ratio >= 50.0,
                );
            }
        }
    }
    if let (Some(a), Some(b)) = (find(100), find(1000)) {
        let ratio = secs(b.cycle.median()) / secs(a.cycle.median()).max(1e-9);
        line(
            "N = 1000 cycle ≤ 12× N = 100 cycle".into(),
            format!("{ratio:.1}×"),
            ratio <= 12.0,
        );
    }
    t
}

/// The machine the numbers come from.
fn machine(tmp: &Path, po4a: Option<&str>) -> String {
    let nproc = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .and_then(|r| r.split(':').nth(1))
        })
        .map_or("unknown".to_string(), |s| s.trim().to_string());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|s| s.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or("unknown".to_string(), |kb| {
            format!("{:.1} GiB", kb / 1024.0 / 1024.0)
        });
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let rustc = Command::new("rustc")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let fs = filesystem(tmp);
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load = load
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = format!(
        "Machine: {nproc} CPUs (`nproc`), {cpu}, {mem} memory, Linux {}, {rustc}; corpora in {} ({fs}); load average when the run ended: {load}.",
        kernel.trim(),
        std::env::temp_dir().display()
    );
    if let Some(v) = po4a {
        let _ = write!(out, " {v}.");
    }
    out
}

/// The file system type holding `path`, from /proc/mounts (longest matching mount point).
fn filesystem(path: &Path) -> String {
    let mounts = std::fs::read_to_string("/proc/mounts").unwrap_or_default();
    let p = path.to_string_lossy();
    mounts
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f.len() > 2 && p.starts_with(f[1])).then(|| (f[1].len(), f[2].to_string()))
        })
        .max()
        .map_or("unknown file system".into(), |(_, t)| t)
}

/// docs/performance.md: what is measured and how, then the report.
fn document(report: &str) -> String {
    format!("{}\n## Results\n\n{report}", include_str!("bench/intro.md"))
}

//! `cargo xtask bench [--quick]`: the edit–sync–status–check–build cycle on generated
//! corpora of N documents, timed with the release binary, cold (a fresh clone: no
//! `.dossier-cache/`, no editions) and warm (as the previous cycle left the project), side
//! by side with po4a and gettext doing the same cycle, and a cold `check` beside Mozilla's
//! compare-locales on the same files. The full run writes docs/performance.md.
//!
//! Options besides `--quick` (N = 1 and 100): `--sizes 1,10` picks other sizes, `--runs R`
//! sets how many times each dossier cycle runs (default 5), `--keep` leaves the corpora in
//! the temporary directory (for profiling), `--no-po4a` leaves po4a out,
//! `--no-compare-locales` leaves compare-locales out. Only the full run writes
//! docs/performance.md.

mod corpus;
mod lsp;
mod measure;
mod po4a;
mod workspace;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use corpus::{Base, Doc};
use measure::{median, Sample};

const FULL: &[usize] = &[1, 100, 1000];
const QUICK: &[usize] = &[1, 100];

struct Opts {
    sizes: Vec<usize>,
    runs: usize,
    keep: bool,
    no_po4a: bool,
    no_compare_locales: bool,
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
            no_compare_locales: false,
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
                "--no-compare-locales" => {
                    o.no_compare_locales = true;
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
    /// Each step of the warm cycles, and of the cold ones.
    steps: Vec<Step>,
    cold_steps: Vec<Step>,
    /// The whole dossier cycle per run, warm and cold.
    cycle: Step,
    cold_cycle: Step,
    /// `check` on the fresh corpus with no cache (before any edit).
    cold_check: Option<Step>,
    /// compare-locales on the same fresh corpus, once.
    compare_locales: Option<Step>,
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
    let compare_locales = compare_locales_version().filter(|_| !opts.no_compare_locales);
    if compare_locales.is_none() && !opts.no_compare_locales {
        eprintln!(
            "compare-locales is not installed: `pip install compare-locales` for the comparison"
        );
    }
    let load_before = load_average();
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
        let result = bench_size(
            &bin,
            &base,
            &dir,
            n,
            &opts,
            has_check,
            po4a.is_some(),
            compare_locales.is_some(),
        );
        if !opts.keep {
            let _ = std::fs::remove_dir_all(&dir);
        }
        let row = result?;
        eprint!("{}", table(std::slice::from_ref(&row)));
        rows.push(row);
    }
    eprintln!("dossier serve and dossier report: timing pages, saves and reports");
    let workspace = workspace::measure(&bin, root, &tmp)?;
    eprint!("{}", workspace.lines());
    if !opts.keep {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    let machine = machine(
        &tmp,
        &[po4a.as_deref(), compare_locales.as_deref()],
        &load_before,
    );
    let mut report = report(&rows, &opts, has_check, &machine);
    report.push_str("\n### The language server\n\n");
    report.push_str(&lsp.line());
    report.push('\n');
    report.push_str("\n### The workspace and the report\n\n");
    report.push_str(&workspace.lines());
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

#[allow(clippy::too_many_arguments)]
fn bench_size(
    bin: &Path,
    base: &Base,
    dir: &Path,
    n: usize,
    opts: &Opts,
    has_check: bool,
    po4a: bool,
    compare_locales: bool,
) -> Result<Row, String> {
    eprintln!("N = {n}: generating");
    let docs: Vec<Doc> = (0..n).map(|d| base.doc(d)).collect();
    base.verify(&docs[0])?;
    write_corpus(dir, base, &docs, false)?;
    // The corpus is consistent: sync has nothing to write.
    step(dossier(bin, dir, &["sync", "--check"]), &[0])?;
    // And clean: `check` times the checks, not the printing of findings.
    // Cold: no cache of any kind (a fresh clone), three times.
    let cold_check = if has_check {
        let mut st = Step {
            name: "check".into(),
            samples: Vec::new(),
        };
        for _ in 0..opts.runs.min(3) {
            let _ = std::fs::remove_dir_all(dir.join(".dossier-cache"));
            settle();
            st.samples.push(step(dossier(bin, dir, &["check"]), &[0])?);
        }
        Some(st)
    } else {
        None
    };
    // compare-locales on the same fresh files (it has no cache), once: it is slow.
    let compare_locales = if compare_locales {
        eprintln!("N = {n}: compare-locales");
        let mut c = Command::new("compare-locales");
        c.arg("l10n.toml").arg(".");
        c.args(&base.locales).current_dir(dir);
        // It exits 1 when it finds something to report (every message "changed").
        Some(Step {
            name: "compare-locales".into(),
            samples: vec![step(c, &[0, 1])?],
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
    let new_steps = || -> Vec<Step> {
        names
            .iter()
            .map(|s| Step {
                name: s.to_string(),
                samples: Vec::new(),
            })
            .collect()
    };
    let (mut steps, mut cold_steps) = (new_steps(), new_steps());
    let mut cycle = Step {
        name: "cycle".into(),
        samples: Vec::new(),
    };
    let mut cold_cycle = Step {
        name: "cold cycle".into(),
        samples: Vec::new(),
    };
    let run_cycle = |steps: &mut Vec<Step>| -> Result<Sample, String> {
        let mut total = Sample {
            wall: Duration::ZERO,
            rss_kib: 0,
            cpu: Duration::ZERO,
            code: 0,
        };
        for st in steps.iter_mut() {
            let s = step(dossier(bin, dir, &[st.name.as_str()]), &[0])?;
            total.wall += s.wall;
            total.cpu += s.cpu;
            total.rss_kib = total.rss_kib.max(s.rss_kib);
            st.samples.push(s);
        }
        Ok(total)
    };
    let trash = dir.with_extension("aside");
    std::fs::create_dir_all(&trash).map_err(|e| format!("{}: {e}", trash.display()))?;
    for run in 0..opts.runs {
        // Cold: a fresh clone of the edited project, with neither the caches nor the
        // editions (nor their spares) a previous run leaves.
        eprintln!("N = {n}: dossier cold cycle, run {}/{}", run + 1, opts.runs);
        write_corpus(dir, base, &docs, true)?;
        // Moved aside, not deleted: on ext4 without a journal, inodes freed in the last
        // minute are skipped when new files are made, which would charge the deletion
        // to the cold `build` (a fresh clone frees none). Deleted after the runs.
        for gone in [".dossier-cache", "build"] {
            let aside = trash.join(format!("{gone}-{run}"));
            if dir.join(gone).exists() {
                std::fs::rename(dir.join(gone), &aside)
                    .map_err(|e| format!("{}: {e}", aside.display()))?;
            }
        }
        settle();
        cold_cycle.samples.push(run_cycle(&mut cold_steps)?);
        eprintln!("N = {n}: dossier warm cycle, run {}/{}", run + 1, opts.runs);
        // Warm: the editions on disk are those of the corpus before the edit, as in a
        // real project (not the previous run's, which already match the edit), so that
        // `build` writes every edition again; the caches are as the last cycle left them.
        write_corpus(dir, base, &docs, false)?;
        step(dossier(bin, dir, &["build"]), &[0])?;
        write_corpus(dir, base, &docs, true)?;
        settle();
        cycle.samples.push(run_cycle(&mut steps)?);
    }
    let _ = std::fs::remove_dir_all(&trash);
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
        cold_steps,
        cycle,
        cold_cycle,
        cold_check,
        compare_locales,
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
            line("`dossier check`, fresh clone (no cache at all)", st);
        }
        if let Some(st) = &r.compare_locales {
            line("compare-locales, same files (once)", st);
        }
        for st in &r.cold_steps {
            line(&format!("`dossier {}`, cold cycle", st.name), st);
        }
        line("**dossier cycle, cold**", &r.cold_cycle);
        for st in &r.steps {
            line(&format!("`dossier {}`, warm cycle", st.name), st);
        }
        line("**dossier cycle, warm**", &r.cycle);
        if let Some(p) = &r.po4a {
            line("**po4a cycle**", p);
        }
    }
    t
}

fn ratio(a: Duration, b: Duration) -> String {
    format!("{:.0}×", a.as_secs_f64() / b.as_secs_f64().max(1e-9))
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
    out.push_str("### Cold and warm cycles, beside po4a\n\n");
    out.push_str(
        "| N | segments | translations (messages × locales) | dossier cycle, cold | dossier cycle, warm | po4a cycle | po4a ÷ cold | po4a ÷ warm |\n",
    );
    out.push_str("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for r in rows {
        let (p, cold, warm) = match &r.po4a {
            Some(p) => (
                ms(p.median()),
                ratio(p.median(), r.cold_cycle.median()),
                ratio(p.median(), r.cycle.median()),
            ),
            None => ("n/a".into(), "n/a".into(), "n/a".into()),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {p} | {cold} | {warm} |",
            r.n,
            r.segments,
            r.messages * r.locales,
            ms(r.cold_cycle.median()),
            ms(r.cycle.median())
        );
    }
    out.push_str("\n### A cold `check` beside compare-locales\n\n");
    out.push_str(
        "| N | translations | `dossier check`, no cache | CPU per translation | compare-locales | compare-locales ÷ dossier |\n",
    );
    out.push_str("|---:|---:|---:|---:|---:|---:|\n");
    for r in rows {
        let Some(c) = &r.cold_check else { continue };
        let per = c.cpu().as_secs_f64() * 1e6 / (r.messages * r.locales).max(1) as f64;
        let (cl, x) = match &r.compare_locales {
            Some(cl) => (ms(cl.median()), ratio(cl.median(), c.median())),
            None => ("n/a".into(), "n/a".into()),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {per:.0} µs | {cl} | {x} |",
            r.n,
            r.messages * r.locales,
            ms(c.median())
        );
    }
    out.push_str("\n### Every step\n\n");
    out.push_str(&table(rows));
    if !has_check {
        out.push_str("\n`dossier check`: n/a (this binary has no `check` subcommand).\n");
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
    if let Some(r) = find(100) {
        if let (Some(c), Some(cl)) = (&r.cold_check, &r.compare_locales) {
            let x = secs(cl.median()) / secs(c.median()).max(1e-9);
            line(
                "N = 100: cold `check` ≥ 50× faster than compare-locales".into(),
                format!("{x:.0}× ({})", ms(c.median())),
                x >= 50.0,
            );
        }
    }
    if let Some(r) = find(1000) {
        if let Some(c) = &r.cold_check {
            line(
                "N = 1000: cold `check` < 3 s".into(),
                ms(c.median()),
                secs(c.median()) < 3.0,
            );
            let per = c.cpu().as_secs_f64() * 1e6 / (r.messages * r.locales).max(1) as f64;
            line(
                "N = 1000: cold `check`, CPU per translation < 10 µs".into(),
                format!("{per:.0} µs"),
                per < 10.0,
            );
        }
    }
    if let Some(r) = find(1) {
        line(
            "N = 1: cold cycle < 50 ms".into(),
            ms(r.cold_cycle.median()),
            secs(r.cold_cycle.median()) < 0.050,
        );
        line(
            "N = 1: warm cycle < 50 ms".into(),
            ms(r.cycle.median()),
            secs(r.cycle.median()) < 0.050,
        );
        let s = step(r, "status");
        line("N = 1: `status` < 10 ms".into(), ms(s), secs(s) < 0.010);
    }
    for n in [100, 1000] {
        if let Some(r) = find(n) {
            if let Some(p) = &r.po4a {
                for (which, c) in [("cold", &r.cold_cycle), ("warm", &r.cycle)] {
                    let x = secs(p.median()) / secs(c.median()).max(1e-9);
                    line(
                        format!("N = {n}: {which} cycle ≥ 50× faster than po4a"),
                        format!("{x:.0}×"),
                        x >= 50.0,
                    );
                }
            }
        }
    }
    if let Some(r) = find(1000) {
        line(
            "N = 1000: cold cycle < 4 s".into(),
            ms(r.cold_cycle.median()),
            secs(r.cold_cycle.median()) < 4.0,
        );
        line(
            "N = 1000: warm cycle < 2 s".into(),
            ms(r.cycle.median()),
            secs(r.cycle.median()) < 2.0,
        );
        let s = step(r, "status");
        line("N = 1000: `status` < 1 s".into(), ms(s), secs(s) < 1.0);
        let rss = r
            .cycle
            .rss_kib()
            .max(r.cold_cycle.rss_kib())
            .max(r.cold_check.as_ref().map_or(0, Step::rss_kib));
        line(
            "N = 1000: peak memory < 100 MiB".into(),
            mib(rss),
            rss < 100 * 1024,
        );
    }
    if let (Some(a), Some(b)) = (find(100), find(1000)) {
        let x = secs(b.cycle.median()) / secs(a.cycle.median()).max(1e-9);
        line(
            "N = 1000 warm cycle ≤ 12× N = 100 warm cycle".into(),
            format!("{x:.1}×"),
            x <= 12.0,
        );
    }
    t
}

/// compare-locales's version, if it is installed.
fn compare_locales_version() -> Option<String> {
    let out = Command::new("compare-locales")
        .arg("--version")
        .output()
        .ok()?;
    out.status.success().then(|| {
        let v = String::from_utf8_lossy(&out.stdout);
        let v = if v.trim().is_empty() {
            String::from_utf8_lossy(&out.stderr).into_owned()
        } else {
            v.into_owned()
        };
        format!(
            "compare-locales {}",
            v.trim().trim_start_matches("compare-locales").trim()
        )
    })
}

/// The 1-, 5- and 15-minute load averages.
fn load_average() -> String {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    load.split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The machine the numbers come from, and how loaded it was.
fn machine(tmp: &Path, tools: &[Option<&str>], load_before: &str) -> String {
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
    let load = load_average();
    let mut out = format!(
        "Machine: {nproc} CPUs (`nproc`), {cpu}, {mem} memory, Linux {}, {rustc}; corpora in {} ({fs}); shared with other work: load average (1, 5, 15 min) {load_before} when the run started, {load} when it ended.",
        kernel.trim(),
        std::env::temp_dir().display()
    );
    for v in tools.iter().flatten() {
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

//! Writers at once: the project lock is the system's (`flock` on `.dossier.lock`), held
//! from the first read to the last write, released when a process ends however it ends.
//! docs/reliability.md, "Concurrent writers".

use crate::Project;

const SRC: &str = "# Title\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n";

fn project() -> Project {
    let p = Project::new(SRC);
    p.ok(&["sync"]);
    p
}

/// A PO file that sets one message's French translation.
fn po(id: &str, english: &str, text: &str) -> String {
    format!(
        "msgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgctxt \"{id}\"\nmsgid \"{english}\"\nmsgstr \"{text}\"\n"
    )
}

/// Four imports at once, each of a different message, round after round: every round
/// ends with all four translations in the file (no writer read the file before another
/// wrote it and then wrote its own version over it).
#[test]
fn concurrent_writers_lose_no_update() {
    let p = project();
    let ids = [
        ("title", "Title"),
        ("title-p1", "One."),
        ("title-p2", "Two."),
        ("title-p3", "Three."),
    ];
    for round in 0..200 {
        for (k, (id, en)) in ids.iter().enumerate() {
            p.write(&format!("u{k}.po"), &po(id, en, &format!("R{round} {en}")));
        }
        let outs: Vec<std::process::Output> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..ids.len())
                .map(|k| {
                    let dir = p.dir.path();
                    s.spawn(move || {
                        std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
                            .args(["import", "fr", &format!("u{k}.po")])
                            .current_dir(dir)
                            .env("NO_COLOR", "1")
                            .output()
                            .expect("spawn")
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("join"))
                .collect()
        });
        for o in &outs {
            assert!(o.status.success(), "round {round}: {o:?}");
        }
        let fr = p.read("locales/fr/doc.ftl");
        for (id, en) in ids {
            let line = format!("{id} = R{round} {en}\n");
            assert!(fr.contains(&line), "round {round}: lost {line:?} in\n{fr}");
        }
    }
}

/// Left-overs of earlier protocols and of hands never block: a lock file with a dead
/// process's pid, an empty one (a writer killed before it wrote its pid), a directory of
/// that name.
#[test]
fn leftover_lock_files_block_nobody() {
    let p = project();
    p.write(".dossier.lock", "999999999\n");
    p.ok(&["sync"]);
    p.write(".dossier.lock", "");
    let start = std::time::Instant::now();
    p.ok(&["sync"]);
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
    std::fs::remove_file(p.path(".dossier.lock")).expect("rm");
    std::fs::create_dir(p.path(".dossier.lock")).expect("mkdir");
    p.ok(&["sync"]);
    p.ok(&["accept", "fr", "--all", "--doc", "doc"]);
}

/// A writer that finds the lock held says once that it waits and for whom, then waits
/// for the holder (here: the test process) or, after `[lock] wait_seconds`, gives up.
#[test]
fn a_waiting_writer_says_for_whom_once() {
    let p = project();
    p.write(
        "dossier.toml",
        "[fallback]\nkk = [\"ru\"]\n\n[lock]\nwait_seconds = 1\n",
    );
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .open(p.path(".dossier.lock"))
        .expect("open");
    file.lock().expect("lock");
    std::fs::write(p.path(".dossier.lock"), "4242\n").expect("pid");
    let o = p.run(&["sync"]);
    assert_eq!(o.code, 2, "{}{}", o.stdout, o.stderr);
    let waits = o
        .stderr
        .matches("waiting for another dossier process (pid 4242)")
        .count();
    assert_eq!(waits, 1, "{}", o.stderr);
    assert!(
        o.stderr.contains("has been writing this project for 1 s"),
        "{}",
        o.stderr
    );
    // Released while the writer waits: it goes on.
    p.write(
        "dossier.toml",
        "[fallback]\nkk = [\"ru\"]\n\n[lock]\nwait_seconds = 30\n",
    );
    p.write("source/doc.md", &SRC.replace("One.", "One!"));
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("sync")
        .current_dir(p.dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(300));
    file.unlock().expect("unlock");
    let o = child.wait_with_output().expect("wait");
    assert!(o.status.success(), "{o:?}");
    assert!(p.read("locales/en/doc.ftl").contains("One!"));
}

/// A process killed while it holds the lock leaves nothing that blocks the next one.
#[test]
fn a_killed_writer_releases_the_lock() {
    let p = project();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "--watch"])
        .current_dir(p.dir.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // The watch build holds the lock while it writes, then watches without it; kill it
    // at any moment.
    std::thread::sleep(std::time::Duration::from_millis(200));
    child.kill().expect("kill");
    let _ = child.wait();
    let start = std::time::Instant::now();
    p.ok(&["sync"]);
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
}

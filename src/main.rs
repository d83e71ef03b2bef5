// The plan is many small strings; glibc's allocator was 15 % of the cycle's processor time
// and mimalloc takes about as much off it (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // mimalloc asks the kernel for transparent huge pages for its arenas: every thread's
    // first allocations then fault in and zero 2 MiB at a time, and with the usual
    // `defrag = madvise` a fault may wait for memory compaction. A command lives a second
    // and holds about 100 MiB: 4 KiB pages cost it less system time (docs/performance.md).
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    std::process::exit(dossier::cli::main_with(std::env::args_os().collect()));
}

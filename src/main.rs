// The plan is many small strings; glibc's allocator was 15 % of the cycle's processor time
// and mimalloc takes about as much off it (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(dossier::cli::main_with(std::env::args_os().collect()));
}

fn main() {
    std::process::exit(dossier::cli::main_with(std::env::args_os().collect()));
}

//! The `lexgap` binary: parse arguments, run the command, map the outcome to an exit code.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    lexgap::cli::main(std::env::args_os())
}

//! The `careerpress` binary: arguments in, exit code out. Everything else
//! lives in the library.

fn main() -> std::process::ExitCode {
    careerpress::cli::main()
}

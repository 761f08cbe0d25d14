// What every harness shares: handing itself to libFuzzer, and checks that keep their message in release builds.
import CFuzzDriver

#if canImport(Glibc)
import Glibc
#endif

/// Runs libFuzzer on `harness` with the process's arguments (corpus folders and options); never returns.
public func runLibFuzzer(_ harness: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, harness))
}

/// `precondition` that keeps its message in release builds (libFuzzer prints it with the crashing input).
public func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

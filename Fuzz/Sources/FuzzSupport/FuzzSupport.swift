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

/// Set by `scripts/fuzz-large` (`HANDOFF_FUZZ_TIMING=1`): a harness whose checks run Handoff's code several times (to
/// compare the results) or cost more than the code itself runs the code once, as a user's run does, so the time of a
/// 1 MB input is Handoff's and not the checks'. The campaign and CI never set it.
public let timingOnly = getenv("HANDOFF_FUZZ_TIMING") != nil

/// Files the harnesses hand to readers that take a path.
public enum FuzzFile {
    /// A folder of this process's own for `name`, in memory when it can be (`/dev/shm`), else in `/tmp`.
    public static func folder(_ name: String) -> String {
        let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        let folder = "\(base)/handoff-fuzz-\(name)-\(getpid())"
        mkdir(folder, 0o700)
        return folder
    }

    /// Writes `bytes` to `path` (replacing it), or stops the run: a harness that cannot write its input checks nothing.
    public static func write<C: Collection<UInt8>>(_ bytes: C, to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        require(fd >= 0, "cannot write \(path)")
        let all = Array(bytes)
        all.withUnsafeBufferPointer { b in
            var done = 0
            while done < b.count {
                let n = Glibc.write(fd, b.baseAddress! + done, b.count - done)
                require(n > 0, "cannot write \(path)")
                done += n
            }
        }
        close(fd)
    }
}

/// Byte searches for the harnesses' own checks.
public enum FuzzBytes {
    /// Where `needle` first occurs in `hay` at or after `from` (libc's `memmem`: a byte-by-byte search in the harness
    /// has every comparison traced for coverage, which cost more than the code under test).
    public static func find(_ needle: [UInt8], in hay: [UInt8], from: Int = 0) -> Int? {
        guard from >= 0, from < hay.count, !needle.isEmpty else { return nil }
        return hay.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                guard let found = memmem(h.baseAddress! + from, h.count - from, n.baseAddress!, n.count) else {
                    return nil
                }
                return UnsafeRawPointer(h.baseAddress!).distance(to: UnsafeRawPointer(found))
            }
        }
    }
}

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body`; when it takes longer than two seconds and stderr is a terminal, shows
/// `handoff: reading the exports… 3s` on stderr, updated each second and cleared at the end.
func withProgress<T>(_ what: String = "reading the exports and measuring", _ body: () throws -> T) rethrows -> T {
    guard isatty(2) == 1 else { return try body() }
    let line = ProgressLine(what)
    line.start()
    defer { line.stop() }
    return try body()
}

/// The background ticker behind `withProgress`.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    private var shown = false
    private let what: String
    private let started = DispatchTime.now().uptimeNanoseconds

    init(_ what: String) { self.what = what }

    func start() {
        Thread.detachNewThread { [self] in
            var last = 0
            while true {
                Thread.sleep(forTimeInterval: 0.2)
                lock.lock()
                defer { lock.unlock() }
                if done { return }
                let seconds = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000_000)
                if seconds >= 2, seconds != last {
                    FileHandle.standardError.write(Data("\r\u{1B}[Khandoff: \(what)… \(seconds)s".utf8))
                    shown = true
                    last = seconds
                }
            }
        }
    }

    func stop() {
        lock.lock()
        defer { lock.unlock() }
        done = true
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

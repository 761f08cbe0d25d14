// swift-tools-version:6.0
// libFuzzer harnesses for Handoff's parsers. Built by scripts/fuzz, never by `swift build` at the root:
//   swift build --package-path Fuzz --scratch-path .build-fuzz -c release \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing
// The flags go on the command line so HandoffKit and Yams are instrumented too (coverage and ASan),
// not only the harnesses. See docs/fuzzing.md.
import Foundation
import PackageDescription

/// The repository root, whatever its folder is called (its last path component is the package's identity).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

/// One executable per target: `Sources/fuzz-NAME/NAME.swift` holds the harness, `main.swift` hands it to libFuzzer
/// (through `FuzzSupport`, since SwiftPM gives every executable its own `main`).
let targets = ["agreement", "condition", "csv", "leads", "timestamp", "template", "table"]

let package = Package(
    name: "HandoffFuzz",
    dependencies: [.package(path: root.path)],
    targets: [.target(name: "CFuzzDriver"), .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"])] + targets.map { name in
        .executableTarget(
            name: "fuzz-\(name)",
            dependencies: [
                "FuzzSupport", .product(name: "HandoffKit", package: root.lastPathComponent),
                .product(name: "HandoffIO", package: root.lastPathComponent),
            ]
        )
    }
)

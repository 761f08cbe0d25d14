// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Handoff",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "handoff", targets: ["handoff"]),
        .library(name: "HandoffKit", targets: ["HandoffKit"]),
        // For the fuzz harnesses (Fuzz/, a package of its own) only: HandoffIO has no public API.
        .library(name: "HandoffIO", targets: ["HandoffIO"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Every byte-level reader (CSV scanning, mapped files, the interning table, libcmark): the only pointer code.
        .target(
            name: "HandoffIO",
            dependencies: ["CCmark"]
        ),
        .target(
            name: "HandoffKit",
            dependencies: ["HandoffIO", "Yams", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources/templates"), .copy("Resources/starter.yaml")]
        ),
        .executableTarget(
            name: "handoff",
            dependencies: [
                "HandoffKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "handoff-examples",
            dependencies: ["HandoffKit", "HandoffIO"]
        ),
        .testTarget(
            name: "HandoffKitTests",
            dependencies: ["HandoffKit", "HandoffIO"],
            exclude: ["Golden", "Fixtures"]
        ),
        .testTarget(
            name: "HandoffCLITests",
            dependencies: ["handoff"]
        ),
    ]
)

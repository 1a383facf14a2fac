// swift-tools-version:6.2
import PackageDescription

/// Upcoming-language features turned on for every target (STYLE.md).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "sigflare",
    products: [
        .executable(name: "sigflare", targets: ["DetectCLI"]),
        .executable(name: "sigflare-bench", targets: ["DetectBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C system libraries.
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),

        // Core: event model, field paths, values, diagnostics, time. No dependencies.
        .target(name: "DetectCore", swiftSettings: strictSettings),
        // Byte-level JSON reader and writer for the event path.
        .target(name: "DetectJSON", dependencies: ["DetectCore"], swiftSettings: strictSettings),
        // Leaf matchers: PCRE2, literal search, CIDR and domain sets.
        .target(name: "DetectMatch", dependencies: ["DetectCore", "CPCRE2"], swiftSettings: strictSettings),
        // Sigma YAML -> rule model, conditions, pipelines, diagnostics.
        .target(
            name: "DetectRules",
            dependencies: ["DetectCore", "CLibYAML"],
            swiftSettings: strictSettings
        ),
        // Cloudflare -> ECS normalization, table-driven.
        .target(name: "DetectECS", dependencies: ["DetectCore", "DetectJSON"], swiftSettings: strictSettings),
        // Compile, evaluate, correlate. Pure, synchronous, no I/O.
        .target(
            name: "DetectEngine",
            dependencies: ["DetectCore", "DetectJSON", "DetectMatch", "DetectRules", "DetectECS"],
            swiftSettings: strictSettings
        ),
        // The only module with I/O: framing, gzip, files, sinks.
        .target(
            name: "DetectIntake",
            dependencies: ["DetectCore", "DetectJSON", "DetectECS", "DetectEngine", "CZlib"],
            swiftSettings: strictSettings
        ),
        // The `sigflare` executable.
        .executableTarget(
            name: "DetectCLI",
            dependencies: [
                "DetectCore", "DetectJSON", "DetectECS", "DetectRules", "DetectEngine", "DetectIntake",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // In-process micro-benchmarks of the hot path (scripts/bench-*.sh run them).
        .executableTarget(
            name: "DetectBench",
            dependencies: ["DetectCore", "DetectJSON", "DetectECS", "DetectRules", "DetectEngine"],
            swiftSettings: strictSettings
        ),

        // Helpers shared by the test targets (seeded generators).
        .target(name: "DetectTesting", swiftSettings: strictSettings),

        .testTarget(name: "DetectCoreTests", dependencies: ["DetectCore"], swiftSettings: strictSettings),
        .testTarget(name: "DetectJSONTests", dependencies: ["DetectTesting", "DetectCore", "DetectJSON"], swiftSettings: strictSettings),
        .testTarget(name: "DetectMatchTests", dependencies: ["DetectTesting", "DetectCore", "DetectMatch"], swiftSettings: strictSettings),
        .testTarget(name: "DetectRulesTests", dependencies: ["DetectTesting", "DetectCore", "DetectRules"], swiftSettings: strictSettings),
        .testTarget(
            name: "DetectECSTests",
            dependencies: ["DetectCore", "DetectJSON", "DetectECS"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DetectEngineTests",
            dependencies: ["DetectTesting", "DetectCore", "DetectJSON", "DetectMatch", "DetectRules", "DetectECS", "DetectEngine"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DetectIntakeTests",
            dependencies: ["DetectTesting", "DetectCore", "DetectJSON", "DetectECS", "DetectIntake", "CZlib"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "DetectCLITests", dependencies: ["DetectCLI"], swiftSettings: strictSettings),
    ]
)

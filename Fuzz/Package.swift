// swift-tools-version:6.0
// libFuzzer targets, one per input adapter plus the batch record reader. Build and run them
// with ../scripts/fuzz (it passes -sanitize=fuzzer,address). Each executable's main hands
// its test function to LLVMFuzzerRunDriver: SwiftPM names executables' entry points itself,
// so libFuzzer's own main cannot be used.
import PackageDescription

let settings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "doccanon-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "doccanon", path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .target(
            name: "FuzzSupport",
            dependencies: [
                "CFuzzerDriver", .product(name: "DoccanonKit", package: "doccanon"), .product(name: "ZipWriting", package: "doccanon"),
            ],
            swiftSettings: settings),
        .executableTarget(name: "FuzzText", dependencies: ["FuzzSupport"], swiftSettings: settings),
        .executableTarget(name: "FuzzDOCX", dependencies: ["FuzzSupport"], swiftSettings: settings),
        .executableTarget(name: "FuzzDOCXParts", dependencies: ["FuzzSupport"], swiftSettings: settings),
        .executableTarget(name: "FuzzHTML", dependencies: ["FuzzSupport"], swiftSettings: settings),
        // The PDF engine is loaded on the first PDF from beside the executable: the dependency
        // builds libDoccanonPDF.so there.
        .executableTarget(
            name: "FuzzPDF", dependencies: ["FuzzSupport", .product(name: "DoccanonPDF", package: "doccanon")], swiftSettings: settings),
        .executableTarget(name: "FuzzRecord", dependencies: ["FuzzSupport"], swiftSettings: settings),
    ]
)

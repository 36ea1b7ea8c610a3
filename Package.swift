// swift-tools-version:6.0
// doccanon: messy documents (DOCX, HTML, extracted text) to a canonical, validated report model.
//
// The targets follow the pipeline, one job each:
//
//   CLibXML2, CZlib, CLibZip system libraries (module map + shim header only)
//   XMLSupport, ZipSupport,  the only Swift code that touches C pointers (ZipSupport reads
//   ZipWriting, Checksum,    ZIP over zlib; ZipWriting writes fixtures with libzip; CCrypto:
//   SystemThreads            SHA-256 from libcrypto; pthreads without Foundation)
//   StaticLibraries          Linux link of the doccanon executable: static archives, ICU on demand
//   CPopplerShim, PDFSupport the PDF engine (C++ on poppler) as the shared library DoccanonPDF,
//                            which PDFSupport loads on the first PDF through its header (CPDFEngineAPI)
//   DocModel                 canonical document and report model (Sendable values)
//   Normalization            text clean-up shared by every adapter
//   TextLayout               line shapes every adapter recognises: numbered headings, page numbers
//   TableCore                the one grid placer and layout-tolerant table reconstruction
//   FormatText/DOCX/HTML     one adapter per input format (DocModel.FormatAdapter) -> Document;
//                            adapters never import one another
//   ReportProfile            Document -> Report: sections, metadata, templates, validator
//   Serialization            JSON / XML / Markdown / HTML writers
//   DoccanonKit              format detection and the conversion pipeline (CLI, batch, fuzzers)
//   Collections              collections: input walking, agency identity, checks across reports
//   WideExport               `doccanon export`: one row per report, CSV or XLSX (CXLSXWriter/XLSXSupport)
//   ReviewSite               `doccanon review`: the static review site of a collection
//   doccanon                 the command-line shell (swift-argument-parser)
//   CorpusKit                generator of damaged reports for the accuracy benchmark
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]),
]

let package = Package(
    name: "doccanon",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "doccanon", targets: ["doccanon"]),
        .library(name: "DoccanonKit", targets: ["DoccanonKit"]),
        // The PDF engine (poppler), loaded by PDFSupport on the first PDF: libDoccanonPDF.so,
        // built next to the executables (`swift build`; scripts add `--product DoccanonPDF`).
        .library(name: "DoccanonPDF", type: .dynamic, targets: ["CPopplerShim"]),
        // ZIP writing for fixtures (the fuzzers of Fuzz/ build DOCX packages with it).
        .library(name: "ZipWriting", targets: ["ZipWriting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(
            name: "CLibZip", pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"]), .brew(["libzip"])]),
        .systemLibrary(
            name: "CCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]),
        .systemLibrary(
            name: "CPoppler", pkgConfig: "poppler",
            providers: [.apt(["libpoppler-private-dev"]), .brew(["poppler"])]),
        // The engine's C API, header only (nothing linked); the C++ engine is the DoccanonPDF product.
        .systemLibrary(name: "CPDFEngineAPI"),
        // Linked by swiftc, which adds the Swift runtime; the engine is C++ only (see its link.cfg).
        .target(
            name: "CPopplerShim", dependencies: ["CPoppler"], exclude: ["link.cfg"],
            linkerSettings: [
                .unsafeFlags(
                    ["-nostartfiles", "-no-stdlib-rpath", "-Xclang-linker", "--config=\(Context.packageDirectory)/Sources/CPopplerShim/link.cfg"],
                    .when(platforms: [.linux]))
            ]),
        .target(name: "PDFSupport", dependencies: ["CPDFEngineAPI"], swiftSettings: swiftSettings),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .systemLibrary(
            name: "CXLSXWriter", pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]),
        // Linux only, imported by the doccanon executable: static archives, ICU and libxlsxwriter
        // on demand. (DWARF 4: valgrind 3.19, which profiles the binary, does not read clang's DWARF 5.)
        .target(name: "StaticLibraries", exclude: ["link.cfg"], cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        .target(name: "Checksum", dependencies: ["CCrypto"], swiftSettings: swiftSettings),
        .target(name: "XLSXSupport", dependencies: ["CXLSXWriter"], swiftSettings: swiftSettings),
        .target(name: "SystemThreads", swiftSettings: swiftSettings),
        .target(name: "XMLSupport", dependencies: ["CLibXML2"], swiftSettings: swiftSettings),
        .target(name: "ZipSupport", dependencies: ["CZlib"], swiftSettings: swiftSettings),
        .target(name: "ZipWriting", dependencies: ["ZipSupport", "CLibZip"], swiftSettings: swiftSettings),
        .target(name: "DocModel", swiftSettings: swiftSettings),
        .target(name: "Normalization", swiftSettings: swiftSettings),
        .target(name: "TableCore", dependencies: ["DocModel", "Normalization"], swiftSettings: swiftSettings),
        .target(name: "TextLayout", dependencies: ["DocModel"], swiftSettings: swiftSettings),
        .target(
            name: "FormatText", dependencies: ["DocModel", "Normalization", "TableCore", "TextLayout"], swiftSettings: swiftSettings),
        .target(
            name: "FormatDOCX", dependencies: ["DocModel", "Normalization", "TableCore", "TextLayout", "XMLSupport", "ZipSupport"],
            swiftSettings: swiftSettings),
        .target(
            name: "FormatHTML", dependencies: ["DocModel", "Normalization", "TableCore", "TextLayout", "XMLSupport"],
            swiftSettings: swiftSettings),
        .target(
            name: "FormatPDF", dependencies: ["DocModel", "Normalization", "TableCore", "TextLayout", "PDFSupport"],
            swiftSettings: swiftSettings),
        .target(
            name: "ReportProfile", dependencies: ["DocModel", "Normalization", "TableCore"],
            swiftSettings: swiftSettings),
        .target(name: "Serialization", dependencies: ["DocModel", "XMLSupport"], swiftSettings: swiftSettings),
        .target(
            name: "DoccanonKit",
            dependencies: [
                "DocModel", "FormatText", "FormatDOCX", "FormatHTML", "FormatPDF", "ReportProfile", "Serialization", "Checksum",
                "SystemThreads",
            ],
            swiftSettings: swiftSettings),
        .target(
            name: "Collections",
            dependencies: ["DocModel", "Normalization", "ReportProfile", "Serialization", "DoccanonKit", "Checksum", "SystemThreads"],
            swiftSettings: swiftSettings),
        .target(
            name: "WideExport", dependencies: ["Collections", "DocModel", "ReportProfile", "DoccanonKit", "XLSXSupport"],
            swiftSettings: swiftSettings),
        .target(
            name: "ReviewSite",
            dependencies: [
                "DocModel", "DoccanonKit", "Collections", "ReportProfile", "TableCore", "Serialization", "Normalization", "XMLSupport",
                "Checksum", "SystemThreads", "PDFSupport",
            ],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "doccanon",
            dependencies: [
                "DoccanonKit", "DocModel", "Collections", "WideExport", "ReviewSite", "SystemThreads",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .target(name: "StaticLibraries", condition: .when(platforms: [.linux])),
            ],
            swiftSettings: swiftSettings,
            linkerSettings: [
                // --no-export-dynamic undoes the static Swift runtime's -export-dynamic (its
                // link file's, placed before ours): nothing looks the executable's symbols up,
                // and 3,500 exported symbols made the runtime's dladdr at start-up scan them.
                .unsafeFlags(
                    [
                        "-Xclang-linker", "--config=\(Context.packageDirectory)/Sources/StaticLibraries/link.cfg",
                        "-Xlinker", "--no-export-dynamic",
                    ],
                    .when(platforms: [.linux])),
            ]),
        .target(name: "CorpusKit", dependencies: ["Checksum", "DocModel", "ZipWriting"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "doccanon-corpus",
            dependencies: ["CorpusKit", "DoccanonKit", "DocModel", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings),

        .target(name: "DOCXFixtures", dependencies: ["ZipWriting"], swiftSettings: swiftSettings),
        .executableTarget(name: "docx-fixtures", dependencies: ["DOCXFixtures"], swiftSettings: swiftSettings),
        .executableTarget(name: "docx-bench", dependencies: ["DoccanonKit", "FormatDOCX", "DocModel", "XMLSupport", "ZipSupport", "Normalization"], swiftSettings: swiftSettings),

        .target(name: "TestSupport", dependencies: ["XMLSupport"], path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "NormalizationTests", dependencies: ["Normalization"], swiftSettings: swiftSettings),
        .testTarget(name: "TableCoreTests", dependencies: ["TableCore", "DocModel"], swiftSettings: swiftSettings),
        .testTarget(name: "FormatTextTests", dependencies: ["FormatText", "TextLayout", "DocModel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ReportProfileTests", dependencies: ["ReportProfile", "DocModel", "DoccanonKit", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "FormatDOCXTests",
            dependencies: ["FormatDOCX", "DocModel", "DOCXFixtures", "ZipSupport", "ZipWriting", "XMLSupport", "DoccanonKit", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "FormatHTMLTests", dependencies: ["FormatHTML", "DocModel", "XMLSupport", "Serialization", "DoccanonKit", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "SerializationTests",
            dependencies: ["Serialization", "DocModel", "ReportProfile", "XMLSupport", "DoccanonKit", "TestSupport"],
            exclude: ["Golden"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FormatPDFTests", dependencies: ["FormatPDF", "DocModel", "DoccanonKit", "Serialization", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "WideExportTests", dependencies: ["WideExport", "Collections", "CorpusKit", "DocModel", "DoccanonKit", "ReportProfile"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CollectionsTests",
            dependencies: [
                "Collections", "CorpusKit", "DocModel", "DoccanonKit", "Serialization", "TestSupport", "Normalization", "ReportProfile", "TableCore",
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CLITests", dependencies: ["DoccanonKit", "DocModel", "Serialization", "SystemThreads", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ReviewSiteTests", dependencies: ["ReviewSite", "Collections", "CorpusKit", "DocModel", "DoccanonKit", "PDFSupport", "Serialization", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CorpusTests", dependencies: ["CorpusKit", "DocModel", "DoccanonKit", "Normalization", "ReportProfile", "TableCore", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ConformanceTests", dependencies: ["DoccanonKit", "DocModel", "Serialization", "TestSupport"],
            swiftSettings: swiftSettings),
    ]
)

// swift-tools-version:6.0
// Docket: fills, validates and schedules MassHealth compliance deliverables.
import PackageDescription

let package = Package(
    name: "Docket",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "docket", targets: ["docket"]),
        .library(name: "DocketKit", targets: [
            "DocketCore", "DocketMarkdown", "DocketXML", "DocketTemplate", "DocketDOCX",
            "DocketSchema", "DocketDeliverables", "DocketCalendar", "DocketTracker", "DocketFill", "DocketValidation", "DocketForms",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        // C libraries: one system-library target each; exactly one Swift file touches each.
        .systemLibrary(
            name: "CCmarkGFM", path: "Sources/CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),

        // Shared value types: JSON values, diagnostics, data loading, atomic output.
        .target(name: "DocketCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Markdown: cmark-gfm trees as Swift values; HTML rendering.
        .target(name: "DocketMarkdown", dependencies: ["CCmarkGFM", "DocketCore"]),
        // XML: safe libxml2 parsing into Swift values; serialisation.
        .target(name: "DocketXML", dependencies: ["CLibXML2", "DocketCore"]),
        // Mustache templates with source locations, missing-field reports and format hooks.
        .target(name: "DocketTemplate", dependencies: ["DocketCore"]),
        // OOXML packages: fill DOCX templates, write Markdown as WordprocessingML, read answers back.
        .target(name: "DocketDOCX", dependencies: [
            "DocketCore", "DocketXML", "DocketMarkdown", "DocketTemplate",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // JSON Schema draft 2020-12.
        .target(name: "DocketSchema", dependencies: ["DocketCore"], resources: [.copy("Metaschemas")]),
        // The deliverables: registry, naming, derived text, named rules.
        .target(name: "DocketDeliverables", dependencies: [
            "DocketCore", "DocketSchema", "DocketTemplate", "DocketMarkdown", "DocketDOCX",
        ]),
        // Deadline calendar: schedule data, rule engine, exports.
        .target(name: "DocketCalendar", dependencies: ["DocketCore", "DocketSchema"]),
        // Deliverable tracker on SQLite.
        .target(name: "DocketTracker", dependencies: [
            "DocketCore", "DocketCalendar",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The fill pipeline: request → data checks → enrich → render → package → result.
        .target(name: "DocketFill", dependencies: [
            "DocketCore", "DocketMarkdown", "DocketTemplate", "DocketDOCX", "DocketSchema", "DocketDeliverables", "DocketCalendar",
        ]),
        // The validation pipeline: data files and filled submissions → typed reports.
        .target(name: "DocketValidation", dependencies: [
            "DocketCore", "DocketXML", "DocketDOCX", "DocketSchema", "DocketDeliverables", "DocketCalendar", "DocketFill",
        ]),
        // The web workspace (`docket serve`): pages, sessions, roles, over the same pipelines.
        .target(name: "DocketWorkspace", dependencies: [
            "DocketCore", "DocketSchema", "DocketDeliverables", "DocketCalendar", "DocketTracker",
            "DocketFill", "DocketValidation", "DocketForms",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Word forms: the data back out of a filled .docx (`docket extract`), blank forms (`docket form`).
        .target(name: "DocketForms", dependencies: ["DocketCore", "DocketXML", "DocketDOCX", "DocketDeliverables", "DocketFill"]),
        // Command line: a thin front end over the libraries, one subcommand per file.
        .target(name: "DocketCLI", dependencies: [
            "DocketCore", "DocketSchema", "DocketDeliverables", "DocketCalendar", "DocketTracker",
            "DocketFill", "DocketValidation", "DocketForms", "DocketWorkspace",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "docket", dependencies: ["DocketCLI"]),

        .target(name: "DocketTestSupport", dependencies: ["DocketCore"], path: "Tests/DocketTestSupport"),
        .testTarget(name: "DocketCoreTests", dependencies: ["DocketCore", "DocketTestSupport"]),
        .testTarget(name: "DocketMarkdownTests", dependencies: ["DocketMarkdown", "DocketTestSupport"]),
        .testTarget(name: "DocketXMLTests", dependencies: ["DocketXML", "DocketTestSupport"]),
        .testTarget(name: "DocketTemplateTests", dependencies: [
            "DocketTemplate", "DocketTestSupport",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .testTarget(name: "DocketDOCXTests", dependencies: ["DocketDOCX", "DocketDeliverables", "DocketTestSupport"]),
        .testTarget(name: "DocketSchemaTests", dependencies: ["DocketSchema", "DocketTestSupport"]),
        .testTarget(name: "DocketDeliverablesTests", dependencies: ["DocketDeliverables", "DocketTestSupport"]),
        .testTarget(name: "DocketCalendarTests", dependencies: ["DocketCalendar", "DocketTestSupport"]),
        .testTarget(name: "DocketTrackerTests", dependencies: ["DocketTracker", "DocketTestSupport"]),
        .testTarget(name: "DocketFillTests", dependencies: ["DocketFill", "DocketTestSupport"]),
        .testTarget(name: "DocketValidationTests", dependencies: ["DocketValidation", "DocketFill", "DocketDOCX", "DocketTestSupport"]),
        .testTarget(name: "DocketWorkspaceTests", dependencies: [
            "DocketWorkspace", "DocketFill", "DocketDeliverables", "DocketTestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "DocketFormsTests", dependencies: [
            "DocketForms", "DocketFill", "DocketValidation", "DocketCalendar", "DocketMarkdown", "DocketDOCX", "DocketTestSupport",
        ]),
        .testTarget(name: "DocketCLITests", dependencies: [
            "DocketCLI", "DocketTestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)

import DocketCore

/// The outcome of validating one instance.
public struct ValidationResult: Sendable {
    public let valid: Bool
    let units: [OutputUnit]
    let warningUnits: [OutputUnit]

    init(valid: Bool, units: [OutputUnit], warningUnits: [OutputUnit]) {
        self.valid = valid
        self.units = units
        self.warningUnits = warningUnits
    }

    /// Every error as a `Diagnostic` (rule `schema.<keyword>` or the `x-docket-rule` id in
    /// force), with instance, keyword and absolute keyword locations; no file location yet
    /// (see `located(in:)`).
    public var errors: [Diagnostic] { units.map(\.diagnostic) }

    /// Warnings from Docket's custom vocabulary (`x-docket-suggestedMaxWords`, …).
    public var warnings: [Diagnostic] { warningUnits.map(\.diagnostic) }

    /// Errors then warnings, each placed at its instance location in `data` (file:line:col).
    public func located(in data: LoadedData) -> [Diagnostic] {
        // An empty YAML file (nothing but blank lines or comments) loads as null with no positions.
        let emptyFile = data.value == .null && data.sourceMap.positions.isEmpty
        return (errors + warnings).map { d in
            var d = d
            d.location = data.location(of: d.instanceLocation ?? "")
            if emptyFile, d.instanceLocation == "", d.keywordLocation.flatMap({ JSONPointer.tokens($0).last }) == "type" {
                d.message = "the file is empty: it has no data"
            }
            return d
        }
    }

    /// The standard "basic" output format: `{"valid": …, "errors": [{"keywordLocation",
    /// "absoluteKeywordLocation", "instanceLocation", "error"}]}`; warnings, if any, under
    /// `"warnings"` in the same shape.
    public var basicOutput: JSONValue {
        func unit(_ u: OutputUnit) -> JSONValue {
            .object(["keywordLocation": .string(u.keywordLocation), "absoluteKeywordLocation": .string(u.absoluteKeywordLocation),
                     "instanceLocation": .string(u.instanceLocation), "error": .string(u.message)])
        }
        var out: [String: JSONValue] = ["valid": .bool(valid)]
        if !valid { out["errors"] = .array(units.map(unit)) }
        if !warningUnits.isEmpty { out["warnings"] = .array(warningUnits.map(unit)) }
        return .object(out)
    }
}

extension OutputUnit {
    var diagnostic: Diagnostic {
        var d = Diagnostic(severity, rule: rule, message, instanceLocation: instanceLocation,
                           keywordLocation: keywordLocation, absoluteKeywordLocation: absoluteKeywordLocation)
        d.property = property
        return d
    }
}

import DocketXML
import Foundation

/// The WordprocessingML parts of a package a reader walks, and how an untrusted part is parsed:
/// one home for both, shared by answer read-back (`DocxAnswers`) and the accessibility checks.
extension OOXMLPackage {
    /// The main document part first, then its headers, footers and notes (in part order).
    public func wordParts() throws(PackageError) -> (main: String, all: [String]) {
        let main = try packageRelationship(Namespaces.relOfficeDocument) ?? PackageInfo().mainPart
        guard parts[main] != nil else { throw PackageError(.notOOXML, "the package has no \(main)") }
        let names = orderedPartNames.filter { DocxTemplate.isTemplated($0, main: main) }
        return (main, names.filter { $0 == main } + names.filter { $0 != main })
    }

    /// Part `name` parsed with the hardened parser within `limits` (nil when the package has no
    /// such part); a part over the limits or not well-formed is a `PackageError` naming it.
    public func parsedPart(_ name: String, limits: PackageLimits = PackageLimits()) throws(PackageError) -> XMLDocument? {
        guard let bytes = parts[name] else { return nil }
        guard bytes.count <= limits.maxXMLPartBytes else { throw PackageError(.bomb, "part is over \(limits.maxXMLPartBytes) bytes", entry: name) }
        do { return try SafeXMLParser.parse([UInt8](bytes), maxBytes: limits.maxXMLPartBytes, maxElements: limits.maxXMLElements) } catch {
            throw PackageError(error.kind == .doctype ? .doctype : error.kind == .limit ? .bomb : .invalidXML,
                               "invalid XML at \(error.position?.description ?? "?"): \(error.message)", entry: name)
        }
    }

    /// The target of the package relationship of `type` (`_rels/.rels`), without a leading slash.
    public func packageRelationship(_ type: String) throws(PackageError) -> String? {
        guard let rels = try parsedPart("_rels/.rels") else { return nil }
        let target = rels.root.elements.first { $0.attribute("Type") == type }?.attribute("Target")
        return target.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
    }
}

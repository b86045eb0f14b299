import DocketCore
import DocketDOCX
import DocketXML
import Foundation

/// `docket form --lock`: the form's fixed text cannot be changed in Word, its answers can. The
/// document is protected read-only (`w:documentProtection`, no password: Review → Restrict Editing →
/// Stop Protection lifts it) with an editing exception for everyone (`w:permStart`/`w:permEnd`)
/// around each answer control and each repeating section, and every answer control is locked
/// against deletion (`w:lock w:val="sdtLocked"`: its content stays editable). The source's fixed
/// text stays as written.
enum FormLock {
    /// `package` with its answers opened and the rest protected.
    static func apply(_ package: inout OOXMLPackage) {
        var next = 1
        for name in package.orderedPartNames where name.hasPrefix("word/") && name.hasSuffix(".xml") && !name.contains("/_rels/") {
            // Parts Docket itself just wrote: they parse.
            guard let part = package.parts[name], FormParts.containsDocketTag(part), var doc = try? SafeXMLParser.parse([UInt8](part)) else { continue }
            doc.root = open(doc.root, next: &next)
            package.parts[name] = Data(XMLWriter.string(doc).utf8)
        }
        guard let settings = package.parts["word/settings.xml"], var doc = try? SafeXMLParser.parse([UInt8](settings)) else { return }
        doc.root.children.removeAll { $0.element?.name == "w:documentProtection" }
        doc.root = OOXMLOrder.inserting(XMLElement("w:documentProtection", attributes: [
            XMLAttribute("w:edit", "readOnly"), XMLAttribute("w:enforcement", "1"),
        ]), into: doc.root)
        package.parts["word/settings.xml"] = Data(XMLWriter.string(doc).utf8)
    }

    /// Each answer control or repeating section in `e` between an editing exception, outermost only.
    static func open(_ e: XMLElement, next: inout Int) -> XMLElement {
        var e = e
        var out: [XMLNode] = []
        out.reserveCapacity(e.children.count)
        for node in e.children {
            guard case .element(let child) = node else { out.append(node); continue }
            if child.name == "w:sdt", isAnswerOrSection(child) {
                let id = String(next)
                next += 1
                out.append(.element(XMLElement("w:permStart", attributes: [XMLAttribute("w:id", id), XMLAttribute("w:edGrp", "everyone")])))
                out.append(.element(lockingAnswers(child)))
                out.append(.element(XMLElement("w:permEnd", attributes: [XMLAttribute("w:id", id)])))
            } else {
                out.append(.element(open(child, next: &next)))
            }
        }
        e.children = out
        return e
    }

    static func isAnswerOrSection(_ sdt: XMLElement) -> Bool {
        guard let pr = sdt.child("w:sdtPr") else { return false }
        if pr.child("w15:repeatingSection") != nil { return true }
        return pr.child("w:tag")?.attribute("w:val").flatMap(AnswerTag.init(tag:)) != nil
    }

    /// `sdt` and every answer control inside it marked `sdtLocked` (not deletable, content editable).
    static func lockingAnswers(_ sdt: XMLElement) -> XMLElement {
        var sdt = sdt
        if let i = sdt.children.firstIndex(where: { $0.element?.name == "w:sdtPr" }), case .element(var pr) = sdt.children[i],
           pr.child("w:tag")?.attribute("w:val").flatMap(AnswerTag.init(tag:)) != nil, pr.child("w:lock") == nil {
            pr = OOXMLOrder.inserting(XMLElement("w:lock", attributes: [XMLAttribute("w:val", "sdtLocked")]), into: pr)
            sdt.children[i] = .element(pr)
        }
        for i in sdt.children.indices {
            guard case .element(let child) = sdt.children[i], child.name != "w:sdtPr" else { continue }
            sdt.children[i] = .element(lockingInside(child))
        }
        return sdt
    }

    private static func lockingInside(_ e: XMLElement) -> XMLElement {
        var e = e
        for i in e.children.indices {
            guard case .element(let child) = e.children[i] else { continue }
            e.children[i] = .element(child.name == "w:sdt" ? lockingAnswers(child) : lockingInside(child))
        }
        return e
    }
}

import DocketXML
import Foundation

/// WordprocessingML back to Markdown, the inverse of `MarkdownWML` for what a person can type in
/// Word: paragraphs, headings (`Heading1`…), bold/italic/strikethrough, code (Courier New),
/// hyperlinks, line breaks, bullet and numbered lists (kind and start from `numbering.xml`),
/// task-list glyphs, quotes, code blocks, rules and tables. Used for answers whose schema says
/// `contentMediaType: text/markdown`.
public struct WMLMarkdown: Sendable {
    /// numId → level → (ordered, start).
    var lists: [String: [Int: (ordered: Bool, start: Int)]] = [:]
    /// numId → its abstract list (instances of one abstract list continue its numbering) and
    /// the levels it restarts (`w:startOverride`).
    var instances: [String: (abstract: String, restarts: Set<Int>)] = [:]
    /// Relationship id → target of the part's hyperlinks.
    var links: [String: String] = [:]
    /// Footnote id → its paragraphs (`word/footnotes.xml`): a `w:footnoteReference` reads back as
    /// a GFM footnote `[^id]` with its definition after the answer's text.
    var footnotes: [String: [XMLElement]] = [:]

    init(package: OOXMLPackage, part: String) {
        if let data = package.parts["word/numbering.xml"], let doc = try? SafeXMLParser.parse([UInt8](data)) {
            var abstracts: [String: [Int: (Bool, Int)]] = [:]
            for a in doc.root.elements where a.name == "w:abstractNum" {
                var levels: [Int: (Bool, Int)] = [:]
                for l in a.elements where l.name == "w:lvl" {
                    let level = Int(l.attribute("w:ilvl") ?? "0") ?? 0
                    let format = l.child("w:numFmt")?.attribute("w:val") ?? "decimal"
                    levels[level] = (format != "bullet" && format != "none", Int(l.child("w:start")?.attribute("w:val") ?? "1") ?? 1)
                }
                abstracts[a.attribute("w:abstractNumId") ?? ""] = levels
            }
            for n in doc.root.elements where n.name == "w:num" {
                let abstract = n.child("w:abstractNumId")?.attribute("w:val") ?? ""
                var levels = abstracts[abstract] ?? [:]
                var restarts: Set<Int> = []
                for o in n.elements where o.name == "w:lvlOverride" {
                    let level = Int(o.attribute("w:ilvl") ?? "0") ?? 0
                    if let start = o.child("w:startOverride")?.attribute("w:val").flatMap(Int.init) {
                        levels[level] = (levels[level]?.0 ?? true, start)
                        restarts.insert(level)
                    }
                }
                instances[n.attribute("w:numId") ?? ""] = (abstract, restarts)
                lists[n.attribute("w:numId") ?? ""] = levels.mapValues { (ordered: $0.0, start: $0.1) }
            }
        }
        if let data = package.parts[FootnoteXML.part], let doc = try? SafeXMLParser.parse([UInt8](data)) {
            for n in doc.root.elements where n.name == "w:footnote" && n.attribute("w:type") == nil {
                if let id = n.attribute("w:id") { footnotes[id] = n.elements.filter { $0.name == "w:p" } }
            }
        }
        if let data = package.parts[PackageInfo.relsName(of: part)], let doc = try? SafeXMLParser.parse([UInt8](data)) {
            for r in doc.root.elements { if let id = r.attribute("Id"), let target = r.attribute("Target") { links[id] = target } }
        }
    }

    /// Markdown for answer content: block elements (`w:p`, `w:tbl`) or inline ones (runs).
    func markdown(_ nodes: [XMLElement]) -> String {
        var ids: [String] = []
        for n in nodes {
            n.forEachDescendant { e, _ in
                if e.name == "w:footnoteReference", let id = e.attribute("w:id"), footnotes[id] != nil, !ids.contains(id) { ids.append(id) }
            }
        }
        let body = markdownBody(nodes)
        guard !ids.isEmpty else { return body }
        let notes = ids.map { id in
            "[^\(id)]: " + (footnotes[id] ?? []).map { inline($0.elements).trimmingCharacters(in: .whitespaces) }.joined(separator: "\n\n    ")
        }
        return body + "\n\n" + notes.joined(separator: "\n\n")
    }

    private func markdownBody(_ nodes: [XMLElement]) -> String {
        guard Self.isBlock(nodes) else { return inline(nodes).trimmingCharacters(in: .whitespaces) }
        var out: [String] = []
        var previousWasItem = false
        var counters: [String: Int] = [:]
        var startedNums: Set<String> = []
        for p in flatten(nodes) {
            if p.name == "w:tbl" { out.append(table(p)); previousWasItem = false; continue }
            let pPr = p.child("w:pPr")
            let style = pPr?.child("w:pStyle")?.attribute("w:val") ?? ""
            let text = inline(p.elements).trimmingCharacters(in: .whitespaces)
            if let numPr = pPr?.child("w:numPr"), let numId = numPr.child("w:numId")?.attribute("w:val"), numId != "0" {
                let level = Int(numPr.child("w:ilvl")?.attribute("w:val") ?? "0") ?? 0
                let kind = lists[numId]?[level] ?? (ordered: false, start: 1)
                let abstract = instances[numId]?.abstract ?? numId
                let key = "\(abstract)/\(level)"
                if startedNums.insert(numId).inserted, instances[numId]?.restarts.contains(level) == true { counters[key] = nil }
                let n = counters[key] ?? kind.start
                counters[key] = n + 1
                for deeper in counters.keys where deeper.hasPrefix("\(abstract)/") && (Int(deeper.split(separator: "/")[1]) ?? 0) > level { counters[deeper] = nil }
                let indent = String(repeating: " ", count: level * (kind.ordered ? 3 : 2))
                var item = text
                if item.hasPrefix("☒ ") { item = "[x] " + item.dropFirst(2) } else if item.hasPrefix("☐ ") { item = "[ ] " + item.dropFirst(2) }
                let line = indent + (kind.ordered ? "\(n). " : "- ") + item
                if previousWasItem, let last = out.popLast() { out.append(last + "\n" + line) } else { out.append(line) }
                previousWasItem = true
                continue
            }
            if text.isEmpty {
                if pPr?.child("w:pBdr") != nil { out.append("---"); previousWasItem = false }
                continue
            }
            previousWasItem = false
            counters = [:]
            if style.hasPrefix("Heading"), let level = Int(style.dropFirst(7)) {
                out.append(String(repeating: "#", count: min(max(level, 1), 6)) + " " + text)
            } else if style == "Quote" {
                out.append("> " + text)
            } else if style == "CodeBlock" {
                out.append("```\n" + WMLReader.visibleText(p) + "\n```")
            } else if style == "ListParagraph", let last = out.popLast() {
                let left = Int(pPr?.child("w:ind")?.attribute("w:left") ?? "720") ?? 720
                out.append(last + "\n\n" + String(repeating: " ", count: max(1, left / 720) * 2) + text)
                previousWasItem = true
            } else {
                out.append(text)
            }
        }
        return out.joined(separator: "\n\n")
    }

    /// Whether `nodes` are paragraphs and tables (looking through content controls), not runs.
    public static func isBlock(_ nodes: [XMLElement]) -> Bool {
        nodes.contains { e in
            switch e.name {
            case "w:p", "w:tbl": return true
            case "w:sdt": return isBlock(e.child("w:sdtContent")?.elements ?? [])
            case "w:sdtContent", "w:customXml": return isBlock(e.elements)
            default: return false
            }
        }
    }

    /// Paragraphs and tables in order, nested content controls opened.
    private func flatten(_ nodes: [XMLElement]) -> [XMLElement] {
        nodes.flatMap { e -> [XMLElement] in
            switch e.name {
            case "w:p", "w:tbl": return [e]
            case "w:sdt": return flatten(e.child("w:sdtContent")?.elements ?? [])
            case "w:customXml", "w:ins", "w:sdtContent": return flatten(e.elements)
            default: return []
            }
        }
    }

    private func table(_ t: XMLElement) -> String {
        let rows = t.elements.filter { $0.name == "w:tr" }.map { row in
            row.elements.filter { $0.name == "w:tc" }.map { cell in
                cell.elements.filter { $0.name == "w:p" }.map { inline($0.elements).trimmingCharacters(in: .whitespaces) }
                    .joined(separator: " ").replacingOccurrences(of: "|", with: "\\|")
            }
        }
        guard let header = rows.first else { return "" }
        let header0 = t.elements.first { $0.name == "w:tr" }?.elements.filter { $0.name == "w:tc" } ?? []
        let rule = header0.map { cell -> String in
            switch cell.firstDescendant("w:jc")?.attribute("w:val") {
            case "center": return ":---:"
            case "right", "end": return "---:"
            case "left", "start": return ":---"
            default: return "---"
            }
        }
        let strip: (String) -> String = { $0.hasPrefix("**") && $0.hasSuffix("**") && $0.count > 4 ? String($0.dropFirst(2).dropLast(2)) : $0 }
        return ([header.map(strip), rule] + rows.dropFirst()).map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n")
    }

    // MARK: Inlines

    private struct Style: Equatable {
        var bold = false, italic = false, strike = false, code = false
        /// Markdown written as is (a footnote reference).
        var raw = false
        var link: String?
    }

    /// Runs as Markdown: formatting groups of equal style, whitespace kept outside the markers.
    func inline(_ nodes: [XMLElement]) -> String {
        var pieces: [(Style, String)] = []
        collect(nodes, Style(), &pieces)
        var merged: [(Style, String)] = []
        for (style, text) in pieces where !text.isEmpty {
            if let last = merged.last, last.0 == style { merged[merged.count - 1].1 += text } else { merged.append((style, text)) }
        }
        var out = ""
        for (style, text) in merged {
            if style.raw { out += text; continue }
            if style.code { out += wrapKeepingSpace(text, open: "`", close: "`", escape: false); continue }
            var open = "", close = ""
            if style.bold { open += "**"; close = "**" + close }
            if style.italic { open += "*"; close = "*" + close }
            if style.strike { open += "~~"; close = "~~" + close }
            var body = wrapKeepingSpace(text, open: open, close: close, escape: true)
            if let link = style.link { body = "[" + body + "](" + link + ")" }
            out += body
        }
        return out
    }

    private func wrapKeepingSpace(_ text: String, open: String, close: String, escape: Bool) -> String {
        let core = text.trimmingCharacters(in: .whitespaces)
        guard !core.isEmpty else { return text }
        let lead = String(text.prefix { $0 == " " || $0 == "\t" }), trail = String(text.reversed().prefix { $0 == " " || $0 == "\t" })
        return lead + open + (escape ? Self.escape(core) : core) + close + trail
    }

    private func collect(_ nodes: [XMLElement], _ style: Style, _ out: inout [(Style, String)]) {
        for e in nodes {
            switch e.name {
            case "w:r":
                var s = style
                if let rPr = e.child("w:rPr") {
                    s.bold = s.bold || Self.on(rPr.child("w:b"))
                    s.italic = s.italic || Self.on(rPr.child("w:i"))
                    s.strike = s.strike || Self.on(rPr.child("w:strike"))
                    s.code = s.code || (rPr.child("w:rFonts")?.attribute("w:ascii")?.hasPrefix("Courier") ?? false)
                }
                for c in e.elements {
                    switch c.name {
                    case "w:t": out.append((s, c.textContent))
                    case "w:tab": out.append((s, "\t"))
                    case "w:br", "w:cr": out.append((Style(), "\\\n"))
                    case "w:footnoteReference":
                        if let id = c.attribute("w:id"), footnotes[id] != nil {
                            var r = Style()
                            r.raw = true
                            out.append((r, "[^\(id)]"))
                        }
                    case "w:footnoteRef": break
                    default: break
                    }
                }
            case "w:hyperlink":
                var s = style
                if let id = e.attribute("r:id"), let target = links[id] { s.link = target } else if let anchor = e.attribute("w:anchor") { s.link = "#" + anchor }
                // A link showing its own address is written bare (a GFM autolink), inside the surrounding emphasis.
                let shown = WMLReader.visibleText(e)
                if let link = s.link, shown == link || "mailto:" + shown == link { s.link = nil }
                collect(e.elements, s, &out)
            case "w:del", "w:moveFrom", "w:pPr", "w:rPr", "w:sdtPr": break
            case "w:sdt": collect(e.child("w:sdtContent")?.elements ?? [], style, &out)
            default: collect(e.elements, style, &out)
            }
        }
    }

    static func on(_ e: XMLElement?) -> Bool {
        guard let e else { return false }
        let v = e.attribute("w:val")
        return v == nil || !(v == "0" || v == "false" || v == "none")
    }

    /// Escapes what Markdown would otherwise read as markup.
    static func escape(_ text: String) -> String {
        var out = ""
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            switch c {
            case "\\", "*", "`", "[", "]", "<": out += "\\" + String(c)
            case "_":
                let before = i > 0 && (chars[i - 1].isLetter || chars[i - 1].isNumber)
                let after = i + 1 < chars.count && (chars[i + 1].isLetter || chars[i + 1].isNumber)
                out += before && after ? "_" : "\\_"
            default: out.append(c)
            }
        }
        if let first = out.first, "#>+-".contains(first) { out = "\\" + out }
        if let dot = out.firstIndex(where: { !$0.isNumber }), dot != out.startIndex, ".)".contains(out[dot]) {
            out.insert("\\", at: dot)
        }
        return out
    }
}

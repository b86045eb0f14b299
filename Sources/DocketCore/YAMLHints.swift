/// Plain-words explanations of YAML syntax errors, for the people who type data files: the
/// YAML library reports where parsing gave up ("did not find expected key" at the end of the
/// file), which is rarely where the mistake is. Used only after parsing failed.
enum YAMLHints {
    struct Hint {
        var message: String
        var position: SourcePosition
    }

    /// A better message for a failure at `errorLine` with the library's `problem`, if the text
    /// shows a common mistake: a tab used to indent, or a quote that is never closed.
    static func hint(for text: String, problem: String, errorLine: Int) -> Hint? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        let tabbed = tabIndentedLines(lines)
        if tabbed.contains(errorLine) { return tabHint(errorLine) }
        if let quote = unclosedQuotes(lines).last(where: { $0.line <= errorLine }) {
            return Hint(message: "a quote (\(quote.mark)) opened on line \(quote.line) is never closed: "
                        + "end the text with \(quote.mark) on that line",
                        position: SourcePosition(line: quote.line, column: quote.column))
        }
        if problem.contains("cannot start any token") || problem.contains("tab"),
           let line = tabbed.first(where: { $0 <= errorLine }) ?? tabbed.first {
            return tabHint(line)
        }
        return nil
    }

    private static func tabHint(_ line: Int) -> Hint {
        Hint(message: "line \(line) is indented with a tab: use spaces (YAML does not allow tabs for indentation)",
             position: SourcePosition(line: line, column: 1))
    }

    /// 1-based numbers of the lines whose indentation contains a tab, outside block scalars.
    static func tabIndentedLines(_ lines: [String]) -> [Int] {
        var out: [Int] = []
        forEachStructuralLine(lines) { number, line in
            if line.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") { out.append(number) }
        }
        return out
    }

    struct Quote {
        var line: Int
        var column: Int
        var mark: Character
    }

    /// Quoted values (`key: "…`, `- '…`) that do not end on the line where they start, unless
    /// a later line ends them cleanly (YAML allows quoted text over several lines): a quote
    /// that runs to the end of the file, or is "closed" by a quote in the middle of a later line.
    static func unclosedQuotes(_ lines: [String]) -> [Quote] {
        var out: [Quote] = []
        var open: Quote?
        forEachStructuralLine(lines) { number, line in
            let chars = Array(line)
            if let q = open {
                // A continuation of the quoted text begun above. If it ends on this line and
                // nothing but a comment follows, it was a deliberate multi-line text.
                guard let end = closing(q.mark, in: chars, from: 0) else { return }
                open = nil
                let rest = chars[(end + 1)...].drop(while: { $0 == " " || $0 == "\t" })
                if rest.isEmpty || rest.first == "#" { out.removeLast() }
                return
            }
            var i = chars.firstIndex(where: { $0 != " " && $0 != "\t" }) ?? chars.count
            if i < chars.count, chars[i] == "#" { return }
            // Sequence dashes, then an optional `key:`.
            while i + 1 < chars.count, chars[i] == "-", chars[i + 1] == " " {
                i += 2
                while i < chars.count, chars[i] == " " { i += 1 }
            }
            if i < chars.count, chars[i] != "\"", chars[i] != "'" {
                guard let colon = keyColon(chars, from: i) else { return }
                i = colon + 1
                while i < chars.count, chars[i] == " " { i += 1 }
            }
            guard i < chars.count, chars[i] == "\"" || chars[i] == "'" else { return }
            let quote = Quote(line: number, column: i + 1, mark: chars[i])
            // A complete quoted value (or a quoted key): nothing to report on this line.
            if closing(quote.mark, in: chars, from: i + 1) != nil { return }
            out.append(quote)
            open = quote
        }
        return out
    }

    /// The index of the `: ` (or final `:`) that ends a plain key starting at `start`.
    private static func keyColon(_ chars: [Character], from start: Int) -> Int? {
        var i = start
        while i < chars.count {
            if chars[i] == "#" && i > start && chars[i - 1] == " " { return nil }
            if chars[i] == ":" && (i + 1 == chars.count || chars[i + 1] == " ") { return i }
            i += 1
        }
        return nil
    }

    /// The index of the quote that closes a `mark`-quoted text from `start`, if on this line.
    private static func closing(_ mark: Character, in chars: [Character], from start: Int) -> Int? {
        var i = start
        while i < chars.count {
            if mark == "\"" && chars[i] == "\\" { i += 2; continue }
            if chars[i] == mark {
                if mark == "'" && i + 1 < chars.count && chars[i + 1] == "'" { i += 2; continue }
                return i
            }
            i += 1
        }
        return nil
    }

    /// Calls `body` with each line (1-based) that is YAML structure, skipping the content of
    /// block scalars (`key: |` and `key: >` and the more-indented lines after them).
    private static func forEachStructuralLine(_ lines: [String], _ body: (Int, String) -> Void) {
        var blockIndent: Int?
        for (index, line) in lines.enumerated() {
            let indent = line.prefix(while: { $0 == " " }).count
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
            if let b = blockIndent {
                if blank || indent > b { continue }
                blockIndent = nil
            }
            body(index + 1, line)
            if startsBlockScalar(line) { blockIndent = indent }
        }
    }

    /// `key: |`, `- >-`, `key: |2` … (a comment may follow).
    private static func startsBlockScalar(_ line: String) -> Bool {
        var s = Substring(line)
        if let hash = s.range(of: " #") { s = s[..<hash.lowerBound] }
        s = s.drop(while: { $0 == " " })
        guard let last = s.split(separator: " ").last, let first = last.first, first == "|" || first == ">" else { return false }
        return last.dropFirst().allSatisfy { $0 == "-" || $0 == "+" || $0.isNumber }
            && (s.hasSuffix(": " + last) || s.hasPrefix("- ") || s == last)
    }
}

/// The one home of the answer-region tag convention (`w:tag` of a content control):
/// `docket:<path>` (text), `docket:check:<path>` (Yes box, checked when true) and
/// `docket:checkNo:<path>` (No box, checked when false). Docs: docs/template-language.md.
public struct AnswerTag: Sendable, Hashable {
    public static let prefix = "docket:"

    public var kind: DocxAnswer.Kind
    /// The field path, e.g. `commitment.publicStatement.exists`.
    public var path: String

    public init(kind: DocxAnswer.Kind, path: String) {
        self.kind = kind
        self.path = path
    }

    /// Reads a full tag value (`docket:check:a.b`); nil when it is not a Docket tag.
    public init?(tag: String) {
        guard tag.hasPrefix(Self.prefix) else { return nil }
        self.init(key: String(tag.dropFirst(Self.prefix.count)))
    }

    /// Reads a tag without `docket:` (`check:a.b`, `a.b`).
    public init(key: String) {
        for kind in [DocxAnswer.Kind.check, .checkNo] where key.hasPrefix(kind.rawValue + ":") {
            self.init(kind: kind, path: String(key.dropFirst(kind.rawValue.count + 1)))
            return
        }
        self.init(kind: .text, path: key)
    }

    /// The tag without `docket:`: `check:<path>`, `checkNo:<path>` or `<path>`.
    public var key: String { kind == .text ? path : "\(kind.rawValue):\(path)" }
    /// The full tag value.
    public var tag: String { Self.prefix + key }
}

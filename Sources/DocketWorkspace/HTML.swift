/// Server-rendered HTML: escaping and the page frame. No third-party CSS or JavaScript: the small
/// stylesheet and script are here.
enum HTML {
    static func esc(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return s }
        // Over UTF-8 bytes: the five are ASCII, so multi-byte characters pass through untouched.
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for byte in s.utf8 {
            switch byte {
            case 38: out.append(contentsOf: "&amp;".utf8)
            case 60: out.append(contentsOf: "&lt;".utf8)
            case 62: out.append(contentsOf: "&gt;".utf8)
            case 34: out.append(contentsOf: "&quot;".utf8)
            case 39: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A whole page: skip link, header with navigation, one `main` landmark, footer.
    static func page(_ title: String, user: WorkspaceUser?, csrf: String?, body: String) -> String {
        var nav = ""
        if let user {
            nav = """
            <nav aria-label="Main"><ul>
            <li><a href="/">Board</a></li><li><a href="/calendar">Calendar</a></li><li><a href="/check">Check a submission</a></li>
            \(user.role == .admin ? "<li><a href=\"/admin\">Admin</a></li>" : "")
            </ul>
            <form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="\(esc(csrf ?? ""))">
            <span>\(esc(user.name)) (\(user.role.rawValue))</span> <button type="submit">Sign out</button></form></nav>
            """
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(esc(title)) — Docket</title><style>\(css)</style></head>
        <body><a class="skip" href="#main">Skip to main content</a>
        <header><p class="brand"><a href="/">Docket</a></p>\(nav)</header>
        <main id="main"><h1>\(esc(title))</h1>
        \(body)
        </main>
        <footer><p>Docket — MassHealth compliance deliverables. Upload to OnBase, then click “submit” there.</p></footer>
        <script>\(script)</script>
        </body></html>
        """
    }

    /// GOV.UK-style error summary: each problem links to its field.
    static func errorSummary(_ items: [(message: String, field: String?)]) -> String {
        guard !items.isEmpty else { return "" }
        let list = items.map { item in
            item.field.map { "<li><a href=\"#\(esc(fieldID($0)))\">\(esc(item.message))</a></li>" } ?? "<li>\(esc(item.message))</li>"
        }.joined()
        return """
        <div class="error-summary" role="alert" tabindex="-1" id="error-summary"><h2>There is a problem</h2><ul>\(list)</ul></div>
        """
    }

    /// The HTML id of the field for a JSON Pointer.
    static func fieldID(_ pointer: String) -> String {
        "f" + pointer.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    static let css = """
    body{font-family:system-ui,sans-serif;margin:0;color:#0b0c0c;line-height:1.45}
    header{background:#0b0c0c;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
    header a{color:#fff}.brand{font-weight:700;margin:0 1rem 0 0}
    nav{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
    main{padding:1rem 2rem;max-width:70rem}footer{padding:1rem 2rem;border-top:1px solid #b1b4b6;color:#505a5f}
    .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fd0;color:#0b0c0c;padding:.5rem}
    table{border-collapse:collapse;width:100%}th,td{border:1px solid #b1b4b6;padding:.3rem .5rem;text-align:left;vertical-align:top}
    th{background:#f3f2f1}.overdue{color:#942514;font-weight:700}.flag{color:#594d00;background:#fff7bf;padding:0 .3rem}
    .error-summary{border:4px solid #942514;padding:1rem;margin-bottom:1rem}.error-summary a{color:#942514;font-weight:700}
    .field-error{color:#942514;font-weight:700;display:block}
    label{display:block;font-weight:600;margin-top:.6rem}input[type=text],input[type=email],input[type=date],input[type=password],select,textarea{width:100%;max-width:40rem;padding:.3rem;border:2px solid #0b0c0c}
    textarea{min-height:8rem}fieldset{border:1px solid #b1b4b6;margin:.8rem 0;padding:.5rem 1rem}legend{font-weight:700}
    button{background:#00703c;color:#fff;border:0;padding:.45rem .9rem;margin:.3rem .3rem .3rem 0;cursor:pointer;font-size:1rem}
    button.secondary{background:#f3f2f1;color:#0b0c0c;border:1px solid #0b0c0c}button.warning{background:#942514}
    a{color:#1d70b8}a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #fd0;outline-offset:0}
    .filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end}.filters label{margin:0}.filters select{width:auto}
    .inline{display:inline}.hint{color:#505a5f;display:block;font-weight:400}.notice{border-left:6px solid #1d70b8;padding:.5rem 1rem;background:#f3f2f1}
    .words{color:#505a5f}.words.over{color:#942514;font-weight:700}
    """

    /// Progressive enhancement only: a live word count beside textareas with a limit.
    static let script = """
    document.querySelectorAll('textarea[data-max-words]').forEach(function(t){
      var out=document.getElementById(t.id+'-words');if(!out)return;var max=+t.dataset.maxWords;
      function upd(){var n=(t.value.match(/\\S+/g)||[]).length;out.textContent=n+' of '+max+' words';out.classList.toggle('over',n>max);}
      t.addEventListener('input',upd);upd();});
    """
}

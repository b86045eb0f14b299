import DocketTestSupport
import Foundation
import Testing

/// Hostile and broken uploads: each ends in a clear error (exit 2 unreadable, or 1), in bounded
/// time and memory, never a crash or a hang. The corpus is generated here (Python's zipfile
/// writes the archives; the valid base is a filled PIP report).
@Suite struct ValidateHostileTests {
    struct Case: Sendable, CustomStringConvertible {
        var file: String
        var expect: String
        var description: String { file }
    }

    static let cases: [Case] = [
        Case(file: "not-a-zip.docx", expect: "zip"),
        Case(file: "truncated.docx", expect: "zip"),
        Case(file: "bomb-ratio.docx", expect: "compression ratio"),
        Case(file: "bomb-size.docx", expect: "expands to more than"),
        Case(file: "bomb-entries.docx", expect: "entries"),
        Case(file: "dotdot.docx", expect: "unsafe entry name"),
        Case(file: "absolute.docx", expect: "unsafe entry name"),
        Case(file: "encrypted.docx", expect: "encrypted"),
        Case(file: "doctype.docx", expect: "DOCTYPE"),
        Case(file: "billion-laughs.docx", expect: "DOCTYPE"),
        Case(file: "external-entity.docx", expect: "DOCTYPE"),
        Case(file: "invalid-utf8.docx", expect: "UTF-8"),
        Case(file: "huge-100mb.docx", expect: "limit"),
        Case(file: "invalid-utf8.md", expect: "UTF-8"),
    ]

    static let corpus: URL = {
        let dir = TestPaths.temporaryDirectory("hostile")
        let fill = try! DocketBinary.run(["fill", "pip-midyear-report", "--data", "Templates/pip-midyear-report/example.yaml",
                                       "--format", "docx", "--output", dir.appendingPathComponent("base.docx").path, "--date", "2023-09-29"])
        precondition(fill.status == 0, fill.stderr)
        let python = ProcessRunner.which("python3")!
        let r = try! ProcessRunner.run(python, ["-c", script, dir.path])
        precondition(r.status == 0, "corpus generation failed: \(r.stderr)")
        return dir
    }()

    static let script = #"""
import os, sys, zipfile
d = sys.argv[1]
base = os.path.join(d, 'base.docx')
src = zipfile.ZipFile(base)
parts = {n: src.read(n) for n in src.namelist()}
def write(name, replace=None, extra=(), stored=False):
    with zipfile.ZipFile(os.path.join(d, name), 'w', zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as z:
        for n, b in parts.items():
            if replace and n in replace: b = replace[n]
            zi = zipfile.ZipInfo(n, (2023, 9, 29, 0, 0, 0)); zi.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            z.writestr(zi, b)
        for n, b in extra:
            zi = zipfile.ZipInfo(n, (2023, 9, 29, 0, 0, 0)); zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, b)
open(os.path.join(d, 'not-a-zip.docx'), 'wb').write(b'This is not a Word document.\n' * 10)
data = open(base, 'rb').read()
open(os.path.join(d, 'truncated.docx'), 'wb').write(data[:len(data) // 2])
write('bomb-ratio.docx', extra=[('word/media/bomb.bin', b'\0' * (20 << 20))])
write('bomb-size.docx', extra=[('word/media/bomb.bin', b'\0' * (60 << 20))])
write('bomb-entries.docx', extra=[('word/media/e%05d.bin' % i, b'') for i in range(5000)])
write('dotdot.docx', extra=[('word/../../evil.xml', b'<x/>')])
write('absolute.docx', extra=[('/etc/evil.xml', b'<x/>')])
write('encrypted.docx')
raw = bytearray(open(os.path.join(d, 'encrypted.docx'), 'rb').read())
for sig, at in ((b'PK\x03\x04', 6), (b'PK\x01\x02', 8)):  # set "encrypted" in every local and central header
    i = raw.find(sig)
    while i >= 0:
        raw[i + at] |= 1
        i = raw.find(sig, i + 4)
open(os.path.join(d, 'encrypted.docx'), 'wb').write(bytes(raw))
doc = parts['word/document.xml'].decode('utf-8')
body = doc[doc.index('<w:document'):]
write('doctype.docx', {'word/document.xml': ('<?xml version="1.0"?><!DOCTYPE w:document [<!ELEMENT w:document ANY>]>' + body).encode()})
laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol">' + ''.join('<!ENTITY lol%d "%s">' % (i, ('&lol%d;' % (i - 1) if i > 1 else '&lol;') * 10) for i in range(1, 10)) + ']>'
write('billion-laughs.docx', {'word/document.xml': ('<?xml version="1.0"?>' + laughs + body.replace('Merrimack', '&lol9;', 1)).encode()})
write('external-entity.docx', {'word/document.xml': ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + body.replace('Merrimack', '&xxe;', 1)).encode()})
write('invalid-utf8.docx', {'word/document.xml': parts['word/document.xml'].replace(b'Merrimack', b'Merr\xc3\x28\xffmack', 1)})
write('huge-100mb.docx', extra=[], stored=True, replace={'word/document.xml': parts['word/document.xml'] + b' ' * (100 << 20)})
open(os.path.join(d, 'invalid-utf8.md'), 'wb').write(b'# Performance Improvement Projects\n\xc3\x28\xff\n')
"""#

    @Test(arguments: cases) func hostileInputIsAClearBoundedError(_ c: Case) throws {
        let path = Self.corpus.appendingPathComponent(c.file).path
        let timer = try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/time") ? "/usr/bin/time" : nil,
                                 "GNU time (/usr/bin/time) measures memory here: run `make test` (scripts/setup.sh test installs the time package)")
        let start = Date()
        let r = try ProcessRunner.run(timer, ["-f", "maxrss-kb=%M", DocketBinary.executable, "validate", "--deliverable", "pip-midyear-report", path],
                                      cwd: TestPaths.packageRoot)
        let seconds = Date().timeIntervalSince(start)
        let measured = r.stderr.split(separator: "\n").last { $0.hasPrefix("maxrss-kb=") }.flatMap { Int($0.dropFirst("maxrss-kb=".count)) }
        let rss = try #require(measured, "\(c.file): no memory measurement from /usr/bin/time: \(r.stderr.suffix(300))")
        print("hostile \(c.file): exit \(r.status), \(String(format: "%.2f", seconds)) s, max RSS \(rss / 1024) MB")
        // Read but refused or damaged: invalid input, exit 1 (docs/validation.md, one rule for every file).
        #expect(r.status == 1, "\(c.file): exit \(r.status): \(r.stderr)")
        #expect(r.stderr.contains("error:"), "\(r.stderr)")
        #expect(r.stderr.localizedCaseInsensitiveContains(c.expect), "\(c.file): \(r.stderr)")
        #expect(seconds < 10, "\(c.file) took \(seconds) s")
        #expect(rss < 200 * 1024, "\(c.file) used \(rss / 1024) MB")
    }
}

@testable import DocketSchema
import Foundation
import DocketTestSupport
import Testing

/// The native matcher for simple patterns must agree with ICU (the general path) everywhere.
@Suite struct SimplePatternTests {
    static let patterns = [
        "^[A-Za-z0-9]+$", "^M[0-9]{2}$", "^\\d{4}-\\d{2}-\\d{2}$", "[0-9]{3}-[0-9]{4}", "^a?b*c+$",
        "x{2,}", "^[a-c]{1,3}z$", "^\\.[a-z]*", "^[-+]?[0-9]+$", "^ab", "b$",
    ]
    static let alphabet = Array("abcxzM019-+.\n é")

    @Test(arguments: patterns)
    func agreesWithICU(_ pattern: String) throws {
        let simple = try #require(SimplePattern(pattern), "\(pattern) should be in the simple subset")
        let icu = try NSRegularExpression(pattern: try #require(ECMARegex.translate(pattern)))
        var generator = SeededRandom(seed: UInt64(pattern.utf8.count))
        for _ in 0..<3000 {
            let length = Int(generator.next() % 9)
            let s = String((0..<length).map { _ in Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))] })
            let expected = icu.firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length)) != nil
            #expect(simple.matches(s) == expected, "\(pattern) on \(s.debugDescription)")
        }
    }

    @Test func complexPatternsAreLeftToICU() {
        for p in ["(a|b)", "a.c", "[^a]", "\\w+", "a+?", "\\p{L}", "é+"] { #expect(SimplePattern(p) == nil, "\(p)") }
    }
}

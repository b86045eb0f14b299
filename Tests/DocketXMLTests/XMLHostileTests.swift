import DocketXML
import Foundation
import Testing

/// Untrusted XML: every case must end in a clear error, quickly, never a crash or a hang.
@Suite struct XMLHostileTests {
    func rejects(_ text: String, containing fragment: String) {
        do {
            _ = try SafeXMLParser.parse(text)
            Issue.record("accepted hostile input: \(text.prefix(60))")
        } catch {
            #expect(error.message.lowercased().contains(fragment.lowercased()), "\(error)")
        }
    }

    @Test func billionLaughsIsRefused() {
        var dtd = "<!ENTITY lol \"lol\">"
        for i in 1...9 {
            let prev = i == 1 ? "lol" : "lol\(i - 1)"
            dtd += "<!ENTITY lol\(i) \"" + String(repeating: "&\(prev);", count: 10) + "\">"
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            rejects("<?xml version=\"1.0\"?><!DOCTYPE lolz [\(dtd)]><lolz>&lol9;</lolz>", containing: "DOCTYPE")
        }
        #expect(elapsed < .seconds(2))
    }

    @Test func externalEntityIsRefused() {
        rejects("<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><x>&xxe;</x>", containing: "DOCTYPE")
    }

    @Test func undeclaredEntityIsAnError() {
        rejects("<x>&nbsp;</x>", containing: "entity")
    }

    @Test func invalidUTF8IsAnError() {
        let bytes: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>".utf8) + [0xC3, 0x28, 0xFF] + Array("</a>".utf8)
        #expect(throws: XMLParseError.self) { try SafeXMLParser.parse(bytes) }
    }

    @Test func truncatedAndGarbageAreErrorsWithPositions() throws {
        do {
            _ = try SafeXMLParser.parse("<a>\n<b></a>")
            Issue.record("accepted mismatched tags")
        } catch {
            #expect(error.position?.line == 2)
        }
        #expect(throws: XMLParseError.self) { try SafeXMLParser.parse("PK\u{3}\u{4}not xml") }
        #expect(throws: XMLParseError.self) { try SafeXMLParser.parse("") }
    }

    @Test func oversizedInputIsRefusedBeforeParsing() {
        let big = [UInt8](repeating: 0x20, count: 2_000_000)
        #expect(throws: XMLParseError.self) { try SafeXMLParser.parse(big, maxBytes: 1_000_000) }
    }

    @Test func deepNestingIsBounded() {
        let depth = 100_000
        let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(throws: XMLParseError.self) { try SafeXMLParser.parse(text) }
        }
        #expect(elapsed < .seconds(2))
    }

    @Test func tooManyElementsAreRefusedBeforeParsing() {
        let text = "<a>" + String(repeating: "<b x=\"1\"/>", count: 2_000) + "</a>"
        #expect(throws: XMLParseError.self) { try SafeXMLParser.parse(Array(text.utf8), maxElements: 1_000) }
        #expect((try? SafeXMLParser.parse(Array(text.utf8), maxElements: 2_001)) != nil)
    }
}

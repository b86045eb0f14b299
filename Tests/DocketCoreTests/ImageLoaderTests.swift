import DocketCore
import DocketTestSupport
import Foundation
import Testing

/// `ImageLoader`: the field's shape, alt text, safe paths, limits read from the header, formats.
struct ImageLoaderTests {
    static func folder(_ files: [String: Data]) throws -> URL {
        let dir = TestPaths.temporaryDirectory("images")
        for (name, data) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return dir
    }

    func kind(_ value: JSONValue, in dir: URL?) -> ImageError.Kind? {
        do {
            _ = try ImageLoader.load(value, baseDirectory: dir)
            return nil
        } catch {
            return error.kind
        }
    }

    @Test func readsPNGAndJPEGSizesFromTheirHeaders() throws {
        let png = try ImageLoader.inspect(TestImages.png(width: 30, height: 20))
        #expect(png.0 == .png && png.width == 30 && png.height == 20)
        let jpeg = try ImageLoader.inspect(TestImages.jpegHeader(width: 640, height: 480))
        #expect(jpeg.0 == .jpeg && jpeg.width == 640 && jpeg.height == 480)
    }

    @Test func loadsAPathRelativeToTheDataFolderWithAltAndWidth() throws {
        let dir = try Self.folder(["img/logo.png": TestImages.png(width: 300, height: 100)])
        let image = try ImageLoader.load(["path": "img/logo.png", "alt": "Mercy Bay Regional Health logo", "width": "1.5in"], baseDirectory: dir)
        #expect(image.field.alternative == .text("Mercy Bay Regional Health logo"))
        #expect(image.name == "logo.png")
        // Width given: height from the pixel aspect ratio (300×100 → 1.5in × 0.5in).
        #expect(image.extent.cx == 1_371_600 && image.extent.cy == 457_200)
    }

    @Test func sizesWithoutWidthAreThePixelSizeCappedAtTheTextWidth() throws {
        let small = try ImageLoader.load(["data": .string("data:image/png;base64," + TestImages.png(width: 96, height: 48).base64EncodedString()),
                                          "decorative": true], baseDirectory: nil)
        #expect(small.extent.cx == 914_400 && small.extent.cy == 457_200)
        #expect(small.field.alternative == .decorative)
        let wide = try ImageLoader.load(["data": .string("data:image/png;base64," + TestImages.png(width: 1300, height: 100).base64EncodedString()),
                                         "alt": "wide", "height": "2cm", "width": "10cm"], baseDirectory: nil)
        #expect(wide.extent.cx == 3_600_000 && wide.extent.cy == 720_000)
        let capped = try ImageLoader.load(["data": .string("data:image/png;base64," + TestImages.png(width: 1300, height: 100).base64EncodedString()),
                                           "alt": "wide"], baseDirectory: nil)
        #expect(capped.extent.cx == ImageLoader.defaultMaxWidthEMU && capped.extent.cy == 457_200)
    }

    @Test func altTextIsRequired() throws {
        let dir = try Self.folder(["logo.png": TestImages.png(width: 4, height: 4)])
        #expect(kind(["path": "logo.png"], in: dir) == .noAlternative)
        #expect(kind(["path": "logo.png", "alt": "  "], in: dir) == .emptyAlternative)
        #expect(kind(["path": "logo.png", "alt": "x", "decorative": true], in: dir) == .altAndDecorative)
        #expect(kind(["path": "logo.png", "decorative": false], in: dir) == .noAlternative)
        #expect(kind("logo.png", in: dir) == .notAnObject)
        #expect(kind(["path": "logo.png", "altText": "typo"], in: dir) == .unknownKey("altText"))
        #expect(ImageError(.noAlternative).rule == "image.alt")
    }

    @Test func refusesUnsafePaths() throws {
        let outside = try Self.folder(["secret.png": TestImages.png(width: 4, height: 4)])
        let dir = try Self.folder(["ok.png": TestImages.png(width: 4, height: 4)])
        for path in ["../secret.png", "a/../../secret.png", "/etc/passwd", "~/x.png", "https://example.org/x.png", "a\\b.png", ".."] {
            #expect(kind(["path": .string(path), "alt": "x"], in: dir) == .unsafePath(path), "\(path)")
        }
        // A symbolic link inside the folder must not lead out of it.
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("link.png"), withDestinationURL: outside.appendingPathComponent("secret.png"))
        #expect(kind(["path": "link.png", "alt": "x"], in: dir) == .unsafePath("link.png"))
        #expect(kind(["path": "missing.png", "alt": "x"], in: dir) == .unreadable("missing.png"))
        #expect(kind(["path": "ok.png", "alt": "x"], in: nil) == .noBaseDirectory("ok.png"))
        #expect(kind(["path": "ok.png", "alt": "x"], in: dir) == nil)
    }

    @Test func refusesFilesThatAreNotPNGOrJPEG() throws {
        let dir = try Self.folder(["notes.png": Data("just text, named .png".utf8), "anim.gif": Data("GIF89a......".utf8)])
        #expect(kind(["path": "notes.png", "alt": "x"], in: dir) == .notAnImage)
        #expect(kind(["path": "anim.gif", "alt": "x"], in: dir) == .notAnImage)
        #expect(kind(["data": "data:text/plain;base64,aGk=", "alt": "x"], in: nil) == .badDataURI)
        #expect(kind(["data": "data:image/png;base64,aGk=", "alt": "x"], in: nil) == .notAnImage)
        #expect(kind(["path": "x.png", "data": "data:image/png;base64,aGk=", "alt": "x"], in: dir) == .twoSources)
        #expect(kind(["alt": "x"], in: dir) == .noSource)
        #expect(kind(["path": "notes.png", "alt": "x", "width": "wide"], in: dir) == .badLength(key: "width", value: "wide"))
    }

    @Test func refusesA100MegapixelPNGFromItsHeaderAlone() throws {
        // Only the header: 10000×10000 is claimed, nothing is allocated or decoded.
        let dir = try Self.folder(["huge.png": TestImages.pngHeader(width: 10_000, height: 10_000)])
        #expect(kind(["path": "huge.png", "alt": "x"], in: dir) == .tooManyPixels(width: 10_000, height: 10_000))
        #expect(ImageError(.tooManyPixels(width: 10_000, height: 10_000)).message.contains("100 megapixels"))
        #expect(kind(["data": .string("data:image/jpeg;base64," + TestImages.jpegHeader(width: 60_000, height: 1_000).base64EncodedString()), "alt": "x"],
                     in: nil) == .tooManyPixels(width: 60_000, height: 1_000))
    }

    @Test func refusesAFileOver25MBBeforeReadingIt() throws {
        let dir = try Self.folder(["big.png": TestImages.png(width: 2, height: 2)])
        let handle = try FileHandle(forWritingTo: dir.appendingPathComponent("big.png"))
        try handle.truncate(atOffset: UInt64(ImageLoader.maxBytes + 1))  // sparse: nothing written
        try handle.close()
        #expect(kind(["path": "big.png", "alt": "x"], in: dir) == .tooLarge(bytes: ImageLoader.maxBytes + 1))
    }

    @Test func lengths() {
        #expect(ImageLength("1.5in")?.emu == 1_371_600)
        #expect(ImageLength("2.54cm")?.emu == 914_400)
        #expect(ImageLength("72pt")?.emu == 914_400)
        #expect(ImageLength("96px")?.emu == 914_400)
        #expect(ImageLength("25.4 mm")?.emu == 914_400)
        for bad in ["", "1.5", "-1in", "0in", "abc", "100in", "1.5 inches"] { #expect(ImageLength(bad) == nil, "\(bad)") }
    }
}

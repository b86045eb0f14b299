import Foundation

/// The raster formats `{{image(field)}}` accepts, recognised by their bytes (not by file name).
public enum ImageFormat: String, Sendable, Hashable {
    case png, jpeg

    public var mimeType: String { "image/\(rawValue)" }
    /// The extension of the part Docket writes (`word/media/docketImage1.png`).
    public var fileExtension: String { rawValue }
}

/// A length for an image's `width` / `height`: `1.5in`, `3cm`, `25mm`, `72pt`, `96px` (96 per inch).
public struct ImageLength: Sendable, Hashable {
    /// English Metric Units: 914,400 per inch (DrawingML's unit).
    public var emu: Int

    public static let emuPerInch = 914_400
    static let units: [(suffix: String, emu: Double)] = [("in", 914_400), ("cm", 360_000), ("mm", 36_000), ("pt", 12_700), ("px", 9_525)]
    /// The largest length accepted: 22 inches, Word's largest page.
    static let maxEMU = 22 * emuPerInch

    public init(emu: Int) { self.emu = emu }

    /// Parses `<number><unit>`; nil when the text is not such a length or is not positive.
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = Self.units.first(where: { t.hasSuffix($0.suffix) }),
              let number = Double(t.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)),
              number.isFinite, number > 0 else { return nil }
        let emu = (number * unit.emu).rounded()
        guard emu >= 1, emu <= Double(Self.maxEMU) else { return nil }
        self.emu = Int(emu)
    }
}

/// What a data file gives for `{{image(field)}}` (docs/template-language.md#images):
/// `{path: logo.png, alt: "…", width: 1.5in}`, or `data:` instead of `path`, or
/// `decorative: true` instead of `alt`.
public struct ImageField: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// A file relative to the data file's folder, as written in the data.
        case path(String)
        /// A `data:image/…;base64,…` URI, decoded.
        case data(Data)
    }
    /// Alt text, or a decorative image (screen readers skip it).
    public enum Alternative: Sendable, Hashable {
        case text(String)
        case decorative
    }
    public var source: Source
    public var alternative: Alternative
    public var width: ImageLength?
    public var height: ImageLength?

    public var altText: String {
        if case .text(let t) = alternative { return t }
        return ""
    }
}

/// An image read and checked: its bytes, format, pixel size and the size it is shown at.
public struct LoadedImage: Sendable, Hashable {
    public var field: ImageField
    public var bytes: Data
    public var format: ImageFormat
    public var pixelWidth: Int
    public var pixelHeight: Int

    /// A short name for the picture (`logo.png`, or `image.png` for `data:`).
    public var name: String {
        if case .path(let p) = field.source, let last = p.split(separator: "/").last { return String(last) }
        return "image." + format.fileExtension
    }

    /// The shown size in EMU. Width and height as given; one of them alone keeps the aspect
    /// ratio of the pixel size; neither: the pixel size at 96 per inch, at most 6.5 inches wide
    /// (a Letter page's text width with 1-inch margins).
    public var extent: (cx: Int, cy: Int) {
        let pw = Double(pixelWidth), ph = Double(pixelHeight)
        switch (field.width, field.height) {
        case let (w?, h?): return (w.emu, h.emu)
        case let (w?, nil): return (w.emu, max(1, Int((Double(w.emu) * ph / pw).rounded())))
        case let (nil, h?): return (max(1, Int((Double(h.emu) * pw / ph).rounded())), h.emu)
        case (nil, nil):
            let natural = (cx: pixelWidth * 9_525, cy: pixelHeight * 9_525)
            let maxWidth = ImageLoader.defaultMaxWidthEMU
            guard natural.cx > maxWidth else { return natural }
            return (maxWidth, max(1, Int((Double(maxWidth) * ph / pw).rounded())))
        }
    }

    /// `data:image/png;base64,…`: the image inline (HTML output, Markdown → DOCX).
    public var dataURI: String { "data:\(format.mimeType);base64," + bytes.base64EncodedString() }
}

/// Why an image field was refused. The kind is typed; the rule id and message follow from it.
public struct ImageError: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Not `{path|data, alt|decorative, width?, height?}` (a plain string, a number …).
        case notAnObject
        case unknownKey(String)
        case noSource
        case twoSources
        /// Neither `alt` nor `decorative: true`.
        case noAlternative
        case emptyAlternative
        case altAndDecorative
        case badLength(key: String, value: String)
        /// `..`, an absolute path, a URL (no network), a backslash.
        case unsafePath(String)
        /// A path given but no data file to resolve it against (data from a web form, a test).
        case noBaseDirectory(String)
        case unreadable(String)
        case badDataURI
        case tooLarge(bytes: Int)
        case tooManyPixels(width: Int, height: Int)
        case notAnImage
    }
    public var kind: Kind

    public init(_ kind: Kind) { self.kind = kind }

    public var rule: String {
        switch kind {
        case .noAlternative, .emptyAlternative, .altAndDecorative: return "image.alt"
        case .unsafePath, .noBaseDirectory, .unreadable: return "image.path"
        case .tooLarge, .tooManyPixels: return "image.limit"
        case .notAnImage, .badDataURI: return "image.format"
        case .notAnObject, .unknownKey, .noSource, .twoSources, .badLength: return "image.field"
        }
    }

    public var message: String {
        let shape = "give {path: logo.png, alt: \"what the image shows\"} (or data: a data:image/png;base64 URI; decorative: true instead of alt; optional width/height such as 1.5in)"
        switch kind {
        case .notAnObject: return "an image must be an object: \(shape)"
        case .unknownKey(let k): return "unknown key '\(k)' in an image; keys: \(ImageLoader.keys.joined(separator: ", "))"
        case .noSource: return "the image has neither path nor data: \(shape)"
        case .twoSources: return "the image has both path and data: give one"
        case .noAlternative: return "the image has no alt text: add alt: \"what the image shows\" (or decorative: true for an image that carries no information)"
        case .emptyAlternative: return "the image's alt text is empty: describe what the image shows, or use decorative: true"
        case .altAndDecorative: return "the image has alt text and decorative: true: a decorative image has no alt text; keep one"
        case .badLength(let key, let value): return "\(key) '\(value)' is not a length: use a positive number with a unit (in, cm, mm, pt, px), e.g. 1.5in"
        case .unsafePath(let p): return "image path '\(p)' is refused: give a path relative to the data file's folder, without '..', not absolute and not a URL"
        case .noBaseDirectory(let p): return "image path '\(p)' cannot be resolved: this data has no file to be relative to; use data: (a base64 data URI)"
        case .unreadable(let p): return "cannot read image '\(p)'"
        case .badDataURI: return "data must be a base64 data URI: data:image/png;base64,… or data:image/jpeg;base64,…"
        case .tooLarge(let n): return "the image is \(n) bytes, over the limit of \(ImageLoader.maxBytes) (25 MB)"
        case .tooManyPixels(let w, let h):
            return "the image is \(w)×\(h) pixels (\(w * h / 1_000_000) megapixels), over the limit of \(ImageLoader.maxPixels / 1_000_000) megapixels; scale it down"
        case .notAnImage: return "the file is not a PNG or JPEG image"
        }
    }
}

/// Reads and checks the image of an `{{image(field)}}`: the field's shape (alt text required),
/// the path (relative to the data file, no `..`), the size (at most 25 MB and 50 megapixels, read
/// from the PNG `IHDR` or JPEG `SOF` header before anything else) and the format (by its bytes).
public enum ImageLoader {
    public static let filterName = "image"
    public static let maxBytes = 25 * 1024 * 1024
    public static let maxPixels = 50_000_000
    public static let defaultMaxWidthEMU = 13 * ImageLength.emuPerInch / 2
    static let keys = ["path", "data", "alt", "decorative", "width", "height"]

    /// The field of `value`, checked, without reading anything.
    public static func field(_ value: JSONValue) throws(ImageError) -> ImageField {
        guard case .object(let o) = value else { throw ImageError(.notAnObject) }
        if let unknown = o.keys.first(where: { !keys.contains($0) }) { throw ImageError(.unknownKey(unknown)) }
        let source: ImageField.Source
        switch (o["path"], o["data"]) {
        case (let p?, nil): source = .path(p.printedText)
        case (nil, let d?):
            source = .data(try decodeDataURI(d.printedText))
        case (nil, nil): throw ImageError(.noSource)
        case (.some, .some): throw ImageError(.twoSources)
        }
        let decorative = o["decorative"] == .bool(true)
        let alternative: ImageField.Alternative
        switch (o["alt"], decorative) {
        case (nil, false), (.null, false): throw ImageError(.noAlternative)
        case (nil, true), (.null, true): alternative = .decorative
        case (.some, true): throw ImageError(.altAndDecorative)
        case (let a?, false):
            let text = a.printedText.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw ImageError(.emptyAlternative) }
            alternative = .text(text)
        }
        func length(_ key: String) throws(ImageError) -> ImageLength? {
            guard let v = o[key], v != .null else { return nil }
            guard let l = ImageLength(v.printedText) else { throw ImageError(.badLength(key: key, value: v.printedText)) }
            return l
        }
        return ImageField(source: source, alternative: alternative, width: try length("width"), height: try length("height"))
    }

    /// The image of `value`, read (a path relative to `baseDirectory`) and checked.
    public static func load(_ value: JSONValue, baseDirectory: URL?) throws(ImageError) -> LoadedImage {
        let field = try field(value)
        let bytes: Data
        switch field.source {
        case .data(let d): bytes = d
        case .path(let p): bytes = try read(p, in: baseDirectory)
        }
        return try checked(field, bytes)
    }

    private static func checked(_ field: ImageField, _ bytes: Data) throws(ImageError) -> LoadedImage {
        guard bytes.count <= maxBytes else { throw ImageError(.tooLarge(bytes: bytes.count)) }
        let (format, width, height) = try inspect(bytes)
        return LoadedImage(field: field, bytes: bytes, format: format, pixelWidth: width, pixelHeight: height)
    }

    /// An image written inline in Markdown (`![alt](data:…)`): empty alt text is a decorative image.
    public static func inline(dataURI: String, alt: String) throws(ImageError) -> LoadedImage {
        let bytes = try decodeDataURI(dataURI)
        return try checked(ImageField(source: .data(bytes), alternative: alt.isEmpty ? .decorative : .text(alt), width: nil, height: nil), bytes)
    }

    /// Whether `path` may name a file under the data file's folder: relative, no `..`, no URL.
    public static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~"), !path.contains("\\"), !path.contains(":"),
              !path.contains("\0") else { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }

    static func read(_ path: String, in base: URL?) throws(ImageError) -> Data {
        guard isSafeRelativePath(path) else { throw ImageError(.unsafePath(path)) }
        guard let base else { throw ImageError(.noBaseDirectory(path)) }
        let root = base.standardizedFileURL.resolvingSymlinksInPath()
        let url = root.appendingPathComponent(path).standardizedFileURL.resolvingSymlinksInPath()
        // A symbolic link must not lead out of the data file's folder either.
        guard url.path.hasPrefix(root.path.hasSuffix("/") ? root.path : root.path + "/") else { throw ImageError(.unsafePath(path)) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { throw ImageError(.unreadable(path)) }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxBytes else { throw ImageError(.tooLarge(bytes: size)) }
        guard let data = try? Data(contentsOf: url) else { throw ImageError(.unreadable(path)) }
        return data
    }

    /// `data:image/png;base64,…` decoded. The encoded length is bounded before decoding.
    static func decodeDataURI(_ uri: String) throws(ImageError) -> Data {
        guard uri.hasPrefix("data:"), let comma = uri.firstIndex(of: ",") else { throw ImageError(.badDataURI) }
        let header = uri[uri.index(uri.startIndex, offsetBy: 5)..<comma].lowercased()
        guard header.hasPrefix("image/"), header.hasSuffix(";base64") else { throw ImageError(.badDataURI) }
        let payload = uri[uri.index(after: comma)...]
        let decodedSize = payload.utf8.count / 4 * 3
        guard decodedSize <= maxBytes + 1024 else { throw ImageError(.tooLarge(bytes: decodedSize)) }
        guard let data = Data(base64Encoded: String(payload.filter { !$0.isWhitespace })) else { throw ImageError(.badDataURI) }
        return data
    }

    /// Format and pixel size from the header (PNG `IHDR`, JPEG `SOFn`), refusing more than
    /// `maxPixels` before any pixel is decoded (Docket never decodes pixels).
    public static func inspect(_ data: Data) throws(ImageError) -> (ImageFormat, width: Int, height: Int) {
        let b = [UInt8](data.prefix(64 * 1024))
        let format: ImageFormat
        let width: Int, height: Int
        if b.count >= 24, b[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], b[12..<16] == [0x49, 0x48, 0x44, 0x52] {
            format = .png
            width = be32(b, 16)
            height = be32(b, 20)
        } else if b.count >= 4, b[0] == 0xFF, b[1] == 0xD8, let size = jpegSize([UInt8](data)) {
            format = .jpeg
            (width, height) = size
        } else {
            throw ImageError(.notAnImage)
        }
        guard width > 0, height > 0 else { throw ImageError(.notAnImage) }
        guard width <= maxPixels, height <= maxPixels, width * height <= maxPixels else {
            throw ImageError(.tooManyPixels(width: width, height: height))
        }
        return (format, width, height)
    }

    static func be32(_ b: [UInt8], _ i: Int) -> Int {
        Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
    }

    /// The frame size of a JPEG: walks the marker segments to the first start-of-frame.
    static func jpegSize(_ b: [UInt8]) -> (Int, Int)? {
        var i = 2
        while i + 3 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }                        // fill byte
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }  // no length
            if marker == 0xD9 || marker == 0xDA { return nil }            // end of image / scan before a frame
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2 else { return nil }
            let isFrame = (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
            if isFrame {
                guard i + 8 < b.count else { return nil }
                let height = Int(b[i + 5]) << 8 | Int(b[i + 6])
                let width = Int(b[i + 7]) << 8 | Int(b[i + 8])
                return (width, height)
            }
            i += 2 + length
        }
        return nil
    }
}

extension LoadedData {
    /// The folder `{{image(x)}}` paths are relative to: the data file's; nil for data with no
    /// file of its own (only `data:` images then).
    public var imageBase: URL? {
        FileManager.default.fileExists(atPath: path) ? URL(fileURLWithPath: path).deletingLastPathComponent() : nil
    }
}

extension JSONValue {
    /// The text a value prints as in a template (`{{x}}`): strings as they are, numbers as
    /// written, lists joined by ", ", objects as JSON.
    public var printedText: String {
        switch self {
        case .null: return ""
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return JSONWriter.formatDouble(d)
        case .bool(let b): return b ? "true" : "false"
        case .array(let a): return a.map(\.printedText).joined(separator: ", ")
        case .object: return JSONWriter.string(self)
        }
    }
}

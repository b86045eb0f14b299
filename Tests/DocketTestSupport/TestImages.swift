import Foundation

/// Images made for tests, without third-party files or libraries: a valid RGB PNG (zlib
/// "stored" blocks, CRC-32 and Adler-32 computed here), a PNG that is only a header claiming a
/// size, and a minimal JPEG header.
public enum TestImages {
    /// A valid `width`×`height` PNG filled with `rgb`.
    public static func png(width: Int, height: Int, rgb: (UInt8, UInt8, UInt8) = (0, 128, 128)) -> Data {
        var raw: [UInt8] = []
        raw.reserveCapacity((width * 3 + 1) * height)
        for _ in 0..<height {
            raw.append(0)
            for _ in 0..<width { raw += [rgb.0, rgb.1, rgb.2] }
        }
        return signature + chunk("IHDR", ihdr(width, height)) + chunk("IDAT", zlibStored(raw)) + chunk("IEND", [])
    }

    /// The signature and an `IHDR` claiming `width`×`height`, nothing else (never decoded).
    public static func pngHeader(width: Int, height: Int) -> Data {
        signature + chunk("IHDR", ihdr(width, height)) + chunk("IEND", [])
    }

    /// SOI, an APP0 (JFIF) segment and a baseline SOF0 frame header of `width`×`height`, then EOI.
    public static func jpegHeader(width: Int, height: Int) -> Data {
        let app0: [UInt8] = [0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]
        let sof: [UInt8] = [0xFF, 0xC0, 0x00, 0x11, 0x08, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF),
                            0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]
        return Data([0xFF, 0xD8] + app0 + sof + [0xFF, 0xD9])
    }

    static let signature = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])

    static func ihdr(_ w: Int, _ h: Int) -> [UInt8] { be32(w) + be32(h) + [8, 2, 0, 0, 0] }

    static func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

    static func chunk(_ type: String, _ data: [UInt8]) -> Data {
        let body = Array(type.utf8) + data
        return Data(be32(data.count) + body + be32(Int(crc32(body))))
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return c ^ 0xFFFF_FFFF
    }

    /// A zlib stream of stored (uncompressed) deflate blocks.
    static func zlibStored(_ raw: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var i = 0
        repeat {
            let n = min(65_535, raw.count - i)
            out.append(i + n == raw.count ? 1 : 0)
            out += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += raw[i..<(i + n)]
            i += n
        } while i < raw.count
        var a: UInt32 = 1, b: UInt32 = 0
        for x in raw {
            a = (a + UInt32(x)) % 65_521
            b = (b + a) % 65_521
        }
        return out + be32(Int(b << 16 | a))
    }
}

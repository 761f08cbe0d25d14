import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only file that talks to libcmark. C pointers never leave it; every buffer is freed where it is made.
enum CommonMark {
    /// HTML for a CommonMark text, in libcmark's safe mode: raw HTML and dangerous URLs are never passed through.
    static func html(_ markdown: String) -> String {
        let bytes = Array(markdown.utf8)
        guard let rendered = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_markdown_to_html($0, buffer.count, CMARK_OPT_DEFAULT)
                }
            } ?? cmark_markdown_to_html("", 0, CMARK_OPT_DEFAULT)
        }) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// HTML for one line of inline Markdown (a table cell), without the paragraph wrapper.
    static func inlineHTML(_ markdown: String) -> String {
        let html = self.html(markdown).trimmingSpaces()
        // Compared as bytes: a prepended mark (U+0600) joins the `<` after it into one Character, hiding the wrapper.
        let bytes = Array(html.utf8)
        if bytes.count >= 7, bytes.starts(with: Array("<p>".utf8)), bytes.suffix(4).elementsEqual("</p>".utf8) {
            return String(decoding: bytes[3..<(bytes.count - 4)], as: UTF8.self)
        }
        return html
    }

}

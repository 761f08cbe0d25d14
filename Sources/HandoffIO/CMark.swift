internal import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only code that talks to libcmark. C pointers never leave it; every buffer is freed where it is made.
package enum CMark {
    /// HTML for a CommonMark text, in libcmark's safe mode: raw HTML and dangerous URLs are never passed through.
    package static func html(_ markdown: String) -> String {
        let bytes = Array(markdown.utf8)
        guard
            let rendered = bytes.withUnsafeBufferPointer({ buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        cmark_markdown_to_html($0, buffer.count, CMARK_OPT_DEFAULT)
                    }
                } ?? cmark_markdown_to_html("", 0, CMARK_OPT_DEFAULT)
            })
        else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}

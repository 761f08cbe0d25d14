/// A strict checker for the HTML Handoff writes: well-formed HTML5 (every non-void element closed in order,
/// attributes quoted, entities well formed, no stray `<`) and nothing executable (no script, no event handlers).
struct HTMLChecker {
    static let void: Set<String> = ["meta", "br", "hr", "img", "input", "link", "col", "area", "base", "wbr", "source"]
    static let svgSelfClosing: Set<String> = ["circle", "line", "rect", "path"]

    static func problems(_ html: String) -> [String] {
        var problems: [String] = []
        var stack: [String] = []
        let s = Array(html.unicodeScalars)
        var i = 0
        func at() -> String { "offset \(i)" }
        while i < s.count {
            let c = s[i]
            if c == "<" {
                if i + 1 < s.count, s[i + 1] == "!" {
                    // <!DOCTYPE …> or <!-- … -->
                    if s.count > i + 3, s[i + 2] == "-", s[i + 3] == "-" {
                        var j = i + 4
                        while j + 2 < s.count, !(s[j] == "-" && s[j + 1] == "-" && s[j + 2] == ">") { j += 1 }
                        i = j + 3
                    } else {
                        while i < s.count, s[i] != ">" { i += 1 }
                        i += 1
                    }
                    continue
                }
                let closing = i + 1 < s.count && s[i + 1] == "/"
                var j = i + (closing ? 2 : 1)
                var name = ""
                while j < s.count, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) {
                    name.unicodeScalars.append(s[j])
                    j += 1
                }
                guard !name.isEmpty else {
                    problems.append("stray '<' at \(at())")
                    i += 1
                    continue
                }
                name = name.lowercased()
                if ["script", "iframe", "object", "embed", "style"].contains(name) && name != "style" {
                    problems.append("<\(name)> at \(at())")
                }
                // Attributes.
                var selfClosing = false
                while j < s.count, s[j] != ">" {
                    if s[j] == " " || s[j] == "\n" {
                        j += 1
                        continue
                    }
                    if s[j] == "/" {
                        selfClosing = true
                        j += 1
                        continue
                    }
                    var attr = ""
                    while j < s.count, s[j] != "=", s[j] != " ", s[j] != ">" {
                        attr.unicodeScalars.append(s[j])
                        j += 1
                    }
                    if attr.lowercased().hasPrefix("on") { problems.append("event handler \(attr) at \(at())") }
                    if j < s.count, s[j] == "=" {
                        j += 1
                        guard j < s.count, s[j] == "\"" else {
                            problems.append("unquoted attribute \(attr) at \(at())")
                            break
                        }
                        j += 1
                        while j < s.count, s[j] != "\"" {
                            if s[j] == "<" { problems.append("'<' inside attribute at \(at())") }
                            j += 1
                        }
                        j += 1
                    }
                }
                if closing {
                    if stack.last == name {
                        stack.removeLast()
                    } else {
                        problems.append("</\(name)> closes <\(stack.last ?? "nothing")> at \(at())")
                    }
                } else if !void.contains(name) && !(selfClosing && svgSelfClosing.contains(name)) {
                    if name == "style" {
                        // Skip the stylesheet's content.
                        var k = j
                        while k + 7 < s.count, String(String.UnicodeScalarView(s[k..<(k + 8)])) != "</style>" { k += 1 }
                        i = k + 8
                        continue
                    }
                    stack.append(name)
                }
                i = j + 1
                continue
            }
            if c == "&" {
                var j = i + 1
                while j < s.count, j - i < 12, s[j] != ";", s[j] != " ", s[j] != "<" { j += 1 }
                if j >= s.count || s[j] != ";" { problems.append("bare '&' at \(at())") }
            }
            i += 1
        }
        if !stack.isEmpty { problems.append("unclosed: \(stack)") }
        return problems
    }
}

// Fuzz target: the template parser, the field check and the renderer.
// Input: byte 0 picks the document whose fields the template is checked against; the rest is the template text.
// Property: a template parses or fails with a positioned error; a parsed one checks and renders without trapping,
// and its Markdown's HTML is libcmark's with or without long punctuation runs folded.
import FuzzSupport

@testable import HandoffKit

private let slaData: [String: TemplateValue] = {
    guard let text = try? StarterAgreement.text(),
        let agreement = AgreementLoader.load(bytes: Array(text.utf8), file: "starter.yaml").agreement
    else { return [:] }
    return SLADocument.data(agreement)
}()

/// Builds the harness's fixed data before the first input, so no input is charged for it (the timeout is 1 s).
func warmUp() { _ = slaData.count }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size >= 1 else { return 0 }
    let kind = DocumentKind.allCases[Int(data[0]) % DocumentKind.allCases.count]
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    do {
        let template = try Template(text: text, file: "fuzz.md")
        _ = template.check(against: kind.shape)
        let markdown = try template.render(slaData)
        // Long punctuation runs go to libcmark folded (FoldedLiterals): the HTML must be libcmark's for the text as
        // it is, whatever Markdown the template makes around them.
        if markdown.utf8.count <= 1 << 16, FoldedLiterals(markdown) != nil {
            let html = CommonMark.html(markdown), unfolded = CommonMark.unfoldedHTML(markdown)
            require(html == unfolded, "folding changed the HTML of:\n\(markdown)\n\(html)\nnot\n\(unfolded)")
        }
    } catch let error as HandoffError {
        _ = error.description
    } catch {
        fatalError("the template parser threw something other than a HandoffError: \(error)")
    }
    return 0
}

import HandoffKit

/// What the scorecard and agenda commands share: load the agreement, check the template, measure the exports.
struct MeasuredDocument {
    let agreement: Agreement
    let scorecard: Scorecard
    let renderer: DocumentRenderer

    /// Loads and measures; the template is checked first so a typo fails before the exports are read.
    init(agreement path: String, data: DataOptions, templates: String?, kind: DocumentKind) throws {
        let (a, warnings, source) = try Handoff.agreement(at: path)
        printWarnings(warnings, source: source)
        renderer = try DocumentRenderer(templatesDirectory: templates)
        _ = try renderer.template(kind)
        agreement = a
        scorecard = try withProgress { try measure(a, path: path, data: data) }
    }
}

import Foundation

/// Output formats of the documents.
public enum OutputFormat: String, Sendable {
    case markdown = "md"
    case html
}

/// The three documents and their templates.
public enum DocumentKind: String, CaseIterable, Sendable {
    case sla, scorecard, agenda

    /// The template file name.
    var fileName: String { "\(rawValue).md" }

    /// The fields the document offers.
    var shape: [String: TemplateShape] {
        switch self {
        case .sla: return SLADocument.shape
        case .scorecard: return ScorecardDocument.shape
        case .agenda: return AgendaDocument.shape
        }
    }
}

/// Loads templates (the defaults, or a user's folder that overrides any of them) and renders documents.
public struct DocumentRenderer: Sendable {
    let overrides: String?

    /// A renderer; `templatesDirectory` holds any of `sla.md`, `scorecard.md`, `agenda.md` to use instead of the defaults.
    public init(templatesDirectory: String? = nil) throws {
        if let dir = templatesDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw HandoffError(.usage, "--templates '\(dir)' is not a folder", file: dir)
            }
        }
        overrides = templatesDirectory
    }

    /// The template for `kind`, parsed and checked against the document's fields.
    public func template(_ kind: DocumentKind) throws -> Template {
        let (text, file) = try source(kind)
        let template = try Template(text: text, file: file)
        let problems = template.check(against: kind.shape)
        if !problems.isEmpty { throw HandoffError(.usage, diagnostics: problems, source: text) }
        return template
    }

    /// The text and path of the template for `kind`.
    func source(_ kind: DocumentKind) throws -> (String, String) {
        if let dir = overrides {
            let path = (dir as NSString).appendingPathComponent(kind.fileName)
            if FileManager.default.fileExists(atPath: path) {
                guard let text = String(validating: try InputFile.bytes(at: path), as: UTF8.self) else {
                    throw HandoffError(.usage, "the template is not UTF-8 text", file: path)
                }
                return (text, path)
            }
        }
        return (try DefaultTemplates.text(kind), "templates/\(kind.fileName)")
    }

    /// Renders a document in `format`.
    public func render(
        _ kind: DocumentKind, data: [String: TemplateValue], title: String, charts: [String: String] = [:],
        format: OutputFormat
    ) throws -> String {
        let markdown = try template(kind).render(data)
        switch format {
        case .markdown: return HTMLPage.markdownWithoutMarkers(markdown)
        case .html: return HTMLPage.render(markdown: markdown, title: title, charts: charts)
        }
    }
}

/// The shipped templates, from the package's resources.
enum DefaultTemplates {
    static func text(_ kind: DocumentKind) throws -> String {
        guard
            let url = Bundle.module.url(forResource: "templates/\(kind.rawValue)", withExtension: "md")
                ?? Bundle.module.resourceURL?.appendingPathComponent("templates/\(kind.fileName)"),
            let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
        else {
            throw HandoffError(
                .usage, "the default template \(kind.fileName) is missing from the installation; pass --templates DIR")
        }
        return text
    }
}

import ArgumentParser
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render")
    func run() throws {}
}

import ArgumentParser
struct Sign: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sign")
    func run() throws {}
}

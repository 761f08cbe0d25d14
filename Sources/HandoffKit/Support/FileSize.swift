/// A file's size for an error message: KB below a megabyte, MB from there, rounded up so that a file just over a
/// bound never reads as the bound itself (`256 KB + 1 byte` is "257 KB").
enum FileSize {
    static func describe(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\((bytes + (1 << 20) - 1) >> 20) MB" : "\((bytes + 1023) >> 10) KB"
    }
}

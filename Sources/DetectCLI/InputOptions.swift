import ArgumentParser
import DetectECS

/// Options shared by the commands that read Cloudflare logs.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Dataset of raw records (detected per record when omitted).", valueName: "NAME"))
    var dataset: String?

    @Option(name: .long, help: ArgumentHelp("Write rejected lines here as JSON lines (input, line, reason, record).", valueName: "FILE"))
    var deadLetter: String?

    @Option(name: .long, help: ArgumentHelp("Public Suffix List used to split domains.", valueName: "FILE"))
    var publicSuffixList: String = PublicSuffixList.defaultPath

    @Option(name: .long, help: ArgumentHelp("Longest input line accepted, in bytes.", valueName: "BYTES"))
    var maxLineBytes: Int = 1 << 20

    @Argument(help: ArgumentHelp("Input files (.ndjson, .jsonl, .json, .log, optionally .gz), or - for stdin.", valueName: "INPUT"))
    var inputs: [String] = []

    func validate() throws {
        if let dataset, CloudflareDataset(name: dataset) == nil {
            let names = CloudflareDataset.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("unknown dataset '\(dataset)'; known datasets: \(names)")
        }
        guard self.maxLineBytes >= 1024 else {
            throw ValidationError("--max-line-bytes must be at least 1024")
        }
    }

    /// The inputs, standard input when none is given.
    var paths: [String] { self.inputs.isEmpty ? ["-"] : self.inputs }

    var cloudflareDataset: CloudflareDataset? { self.dataset.flatMap(CloudflareDataset.init(name:)) }
}

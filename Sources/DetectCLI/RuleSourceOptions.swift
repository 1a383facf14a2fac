import ArgumentParser
import DetectCore
import DetectRules

/// Where the processing pipelines and IOC lists come from, shared by the commands that compile rules.
struct RuleSourceOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Processing pipeline file (repeatable; default: Rules/pipelines/*.yml).", valueName: "FILE"))
    var pipeline: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "IOC list directory (repeatable, a later list replaces a same-named one; default: Rules/iocs/).",
            valueName: "DIR"))
    var ioc: [String] = []

    /// `--pipeline`, else the `.yml`/`.yaml` files directly in `Rules/pipelines/` when that directory exists
    /// (not those of its subdirectories, which can hold pipelines to load on demand).
    var pipelinePaths: [String] {
        if !self.pipeline.isEmpty { return self.pipeline }
        let directory = Self.defaultPipelineDirectory
        guard FileSystem.isDirectory(directory) else { return [] }
        return RuleLoader().files(in: [directory]).0.filter { !$0.dropFirst(directory.count + 1).contains("/") }
    }

    /// `--ioc`, else `Rules/iocs/` when it exists.
    var iocDirectories: [String] {
        if !self.ioc.isEmpty { return self.ioc }
        return FileSystem.isDirectory(Self.defaultIOCDirectory) ? [Self.defaultIOCDirectory] : []
    }

    static let defaultRuleDirectory = "Rules"
    static let defaultPipelineDirectory = "Rules/pipelines"
    static let defaultIOCDirectory = "Rules/iocs"
}

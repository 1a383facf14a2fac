import DetectCore
import DetectECS
import DetectJSON
import Glibc

/// `sigflare-bench STAGE FILE [REPEAT]`: times one stage of the hot path over every line of FILE, held in
/// memory, on the calling thread, and prints records/s and MB/s.
///
/// Stages: `parse` (JSON parse only), `normalize` (parse + Cloudflare → ECS), `write` (normalize + write
/// the ECS JSON to a buffer). `sigflare-bench correlate [EVENTS] [GROUPS]` times the correlation stage
/// instead (CorrelateBenchmark.swift).

func monotonicSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

let arguments = CommandLine.arguments
if arguments.count >= 2, arguments[1] == "correlate" {
    exit(runCorrelateBenchmark(Array(arguments.dropFirst(2))))
}
guard arguments.count >= 3, ["parse", "normalize", "write"].contains(arguments[1]),
    let data = try? FileSystem.contents(of: arguments[2])
else {
    print("usage: sigflare-bench parse|normalize|write FILE [REPEAT]")
    exit(2)
}
let stage = arguments[1]
let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1

var lines: [Range<Int>] = []
var start = 0
for (index, byte) in data.enumerated() where byte == UInt8(ascii: "\n") {
    if index > start { lines.append(start..<index) }
    start = index + 1
}

guard let suffixes = try? PublicSuffixList() else {
    print("cannot read the Public Suffix List at \(PublicSuffixList.defaultPath)")
    exit(1)
}
var normalizer = ECSNormalizer(publicSuffixList: suffixes)
let table = FieldRegistry.shared.table()
var event = Event()
var writer = JSONWriter()
var scratch = EventWriterScratch()
let parser = JSONParser()
var parseScratch = JSONParseScratch()
var failures = 0
var outputBytes = 0

let began = monotonicSeconds()
data.withUnsafeBytes { all in
    for _ in 0..<repeats {
        for range in lines {
            let line = UnsafeRawBufferPointer(rebasing: all[range])
            switch stage {
            case "parse":
                event.tape.removeAll()
                do { _ = try parser.parse(line, into: &event.tape, scratch: &parseScratch) } catch { failures += 1 }
            default:
                do { _ = try normalizer.normalize(line, into: &event) } catch { failures += 1 }
                if stage == "write" {
                    writer.output.removeAll(keepingCapacity: true)
                    writer.writeEvent(event, table: table, scratch: &scratch)
                    outputBytes += writer.output.count
                }
            }
        }
    }
}
let seconds = monotonicSeconds() - began
let records = Double(lines.count * repeats)
let megabytes = Double(data.count * repeats) / 1_000_000
print(
    "\(stage): \(lines.count * repeats) records, \(Int(records / seconds)) records/s, "
        + "\(Int(megabytes / seconds)) MB/s, \((seconds * 1000).rounded() / 1000) s, \(failures) failed"
        + (stage == "write" ? ", \(outputBytes / max(lines.count * repeats, 1)) output bytes/record" : "")
)

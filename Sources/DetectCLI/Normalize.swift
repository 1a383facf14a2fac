import ArgumentParser
import DetectCore
import DetectECS
import DetectIntake
import DetectJSON
import Glibc

extension SigflareCommand {
    /// `sigflare normalize`: Cloudflare logs in, ECS JSON lines out.
    struct Normalize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Normalize Cloudflare log records to ECS JSON lines on stdout.",
            discussion: """
                Each input line may be a raw Cloudflare record, an ECS document, or a {"message": "<raw JSON>"} \
                wrapper. Raw fields are kept under cloudflare.*. A summary goes to stderr.
                Exit status: 0 all lines normalized, 1 configuration error, 2 bad arguments, 3 some input rejected.
                """
        )

        @OptionGroup var input: InputOptions

        func run() throws {
            let started = MonotonicClock.now()
            let setup = try RunSetup(input: self.input)
            var reader = setup.eventReader()
            let output = FileOutput.standardOutput(capacity: 1 << 18)
            let table = FieldRegistry.shared.table()
            var writer = JSONWriter()
            var scratch = EventWriterScratch()
            try reader.read(self.input.paths) { (event: inout Event, _, _) throws(IntakeError) in
                writer.output.removeAll(keepingCapacity: true)
                writer.writeEvent(event, table: table, scratch: &scratch)
                writer.writeByte(UInt8(ascii: "\n"))
                try output.write(writer.output)
            } endOfChunk: { () throws(IntakeError) in
                try output.flush()
            }
            try output.flush()
            try setup.finish(reader.counters, rejections: reader.rejections, seconds: MonotonicClock.now() - started)
        }
    }
}

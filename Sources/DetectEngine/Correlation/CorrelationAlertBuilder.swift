public import DetectCore
internal import DetectECS
internal import DetectRules

/// Turns a ``CorrelationAlert`` into its alert document (ARCHITECTURE.md, "Alert contract"; docs/correlation.md,
/// "Alerts"): the correlation rule's `rule.*`, `event.kind: alert`, the group-by values at their fields, the
/// window in `event.start` / `event.end`, `@timestamp` at the window's end, what crossed the threshold in
/// `sigflare.correlation.*` and the contributing alert ids. Pure.
public struct CorrelationAlertBuilder: Sendable {
    private let correlations: CompiledCorrelationSet
    private let fields: Fields

    /// A builder for `correlations`; interns the alert fields in `registry` (make it before taking the field
    /// table the alerts are written with).
    public init(correlations: CompiledCorrelationSet, registry: FieldRegistry = .shared) {
        self.correlations = correlations
        self.fields = Fields(registry: registry)
    }

    /// Writes into `document` the alert document of `alert` (replacing its contents).
    public func makeAlert(for alert: CorrelationAlert, into document: inout Event) {
        let correlation = self.correlations.correlations[alert.correlation]
        document.removeAll()
        document.setString(self.fields.timestamp, Self.rfc3339(alert.time))
        correlation.template.apply(to: &document)
        document.setString(self.fields.start, Self.rfc3339(alert.windowStart))
        document.setString(self.fields.end, Self.rfc3339(alert.time))
        for (field, value) in zip(correlation.groupFields, alert.groupValues) {
            if let value { document.setString(field, value) }
        }
        document.setString(self.fields.alertID, alert.id.description)
        document.setString(self.fields.type, correlation.type.rawValue)
        document.setInteger(self.fields.timespan, correlation.timespanMicroseconds / 1_000_000)
        switch correlation.type {
        case .eventCount, .valueCount, .temporal, .temporalOrdered:
            document.setInteger(self.fields.count, Int64(alert.measured))
        case .valueSum, .valueAverage, .valuePercentile:
            document.setFloat(self.fields.value, alert.measured)
        }
        if !alert.contributors.isEmpty {
            document.setStrings(self.fields.contributors, alert.contributors.map(\.description))
        }
    }

    private static func rfc3339(_ microseconds: Int64) -> String {
        guard let time = EventTime(microsecondsSinceEpoch: microseconds) else { return "" }
        var bytes: [UInt8] = []
        time.appendRFC3339(to: &bytes, fraction: .microseconds)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The ids of the fields every correlation alert sets.
    private struct Fields: Sendable {
        let timestamp: FieldID
        let start: FieldID
        let end: FieldID
        let alertID: FieldID
        let type: FieldID
        let timespan: FieldID
        let count: FieldID
        let value: FieldID
        let contributors: FieldID

        init(registry: FieldRegistry) {
            self.timestamp = registry.id("@timestamp")
            self.start = registry.id("event.start")
            self.end = registry.id("event.end")
            self.alertID = registry.id("sigflare.alert.id")
            self.type = registry.id("sigflare.correlation.type")
            self.timespan = registry.id("sigflare.correlation.timespan_seconds")
            self.count = registry.id("sigflare.correlation.count")
            self.value = registry.id("sigflare.correlation.value")
            self.contributors = registry.id("sigflare.correlation.alert_ids")
        }
    }
}

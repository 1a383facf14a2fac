import Glibc

/// A progress line on stderr, rewritten in place at most once a second, only when stderr is a terminal.
struct ProgressLine {
    private let started: Double
    private let enabled = isatty(STDERR_FILENO) == 1
    private var lastShown: Double
    private var shown = false

    init(started: Double) {
        self.started = started
        self.lastShown = started
    }

    /// Shows the counts if a second has passed since the last update.
    mutating func update(events: Int, alerts: Int) {
        guard self.enabled else { return }
        let now = MonotonicClock.now()
        guard now - self.lastShown >= 1 else { return }
        self.lastShown = now
        self.shown = true
        let rate = Int(Double(events) / max(now - self.started, 1e-9))
        Diagnostics.write("\rsigflare: \(events) events, \(alerts) alerts, \(rate) events/s\u{1B}[K")
    }

    /// Erases the line before the summary.
    mutating func clear() {
        guard self.shown else { return }
        Diagnostics.write("\r\u{1B}[K")
        self.shown = false
    }
}

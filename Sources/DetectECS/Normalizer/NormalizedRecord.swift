/// What the normalizer made of one input line.
public enum NormalizedRecord: Sendable, Hashable {
    /// A raw Cloudflare record of a recognised dataset, mapped to ECS.
    case cloudflare(CloudflareDataset)
    /// A raw record that no dataset table recognises; its fields are kept under `cloudflare.*` and
    /// `event.dataset` is `cloudflare.unknown`.
    case unknown
    /// A document that is already ECS; passed through as it is.
    case ecs
}

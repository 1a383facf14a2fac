import DetectCore

/// The ECS fields the normalizer itself writes or reads, interned once.
struct ECSFieldIDs: Sendable {
    let timestamp, cloudflare: FieldID
    let eventKind, eventDataset, observerVendor, observerType: FieldID
    let urlOriginal, urlFull, urlScheme, urlDomain, urlPort, urlPath, urlQuery, urlFragment, urlExtension: FieldID
    let hostName, hostHostname: FieldID
    /// `source.port` and `destination.port`, read for `network.community_id`.
    let sourcePort, destinationPort: FieldID
    let relatedIP, relatedHosts, relatedUser, relatedHash: FieldID
    /// `(side.address, side.domain, side.ip)` for source, destination, client and server.
    let addresses: [(address: FieldID, domain: FieldID, ip: FieldID)]
    /// Domain fields split with the Public Suffix List: `(domain, registered, top level, subdomain)`.
    let domainSplits: [(domain: FieldID, registered: FieldID, topLevel: FieldID, subdomain: FieldID)]
    /// ECS fields whose values belong in `related.ip`, `related.hosts`, `related.user`, `related.hash`.
    let relatedIPSources, relatedHostSources, relatedUserSources, relatedHashSources: [FieldID]

    init(registry: FieldRegistry) {
        func id(_ path: String) -> FieldID { registry.id(path) }
        self.timestamp = id("@timestamp")
        self.cloudflare = id("cloudflare")
        self.eventKind = id("event.kind")
        self.eventDataset = id("event.dataset")
        self.observerVendor = id("observer.vendor")
        self.observerType = id("observer.type")
        self.urlOriginal = id("url.original")
        self.urlFull = id("url.full")
        self.urlScheme = id("url.scheme")
        self.urlDomain = id("url.domain")
        self.urlPort = id("url.port")
        self.urlPath = id("url.path")
        self.urlQuery = id("url.query")
        self.urlFragment = id("url.fragment")
        self.urlExtension = id("url.extension")
        self.hostName = id("host.name")
        self.hostHostname = id("host.hostname")
        self.sourcePort = id("source.port")
        self.destinationPort = id("destination.port")
        self.relatedIP = id("related.ip")
        self.relatedHosts = id("related.hosts")
        self.relatedUser = id("related.user")
        self.relatedHash = id("related.hash")
        self.addresses = ["source", "destination", "client", "server"].map {
            (id("\($0).address"), id("\($0).domain"), id("\($0).ip"))
        }
        self.domainSplits = ["url", "destination", "source", "client", "server", "dns.question"].map { prefix in
            let domain = prefix == "dns.question" ? "dns.question.name" : "\(prefix).domain"
            return (
                id(domain), id("\(prefix).registered_domain"), id("\(prefix).top_level_domain"),
                id("\(prefix).subdomain")
            )
        }
        self.relatedIPSources = [
            "source.ip", "destination.ip", "client.ip", "server.ip", "host.ip", "dns.resolved_ip",
        ].map(id)
        self.relatedHostSources = [
            "destination.domain", "source.domain", "client.domain", "server.domain", "url.domain",
            "dns.question.name", "host.hostname", "host.name",
        ].map(id)
        self.relatedUserSources = ["user.name", "user.email", "user.id", "source.user.email"].map(id)
        self.relatedHashSources = [
            "file.hash.md5", "file.hash.sha1", "file.hash.sha256", "file.hash.sha384", "file.hash.sha512",
            "file.hash.ssdeep", "file.hash.tlsh", "tls.client.ja3",
        ].map(id)
    }
}

/// The result of `PublicSuffixList.split`: ECS `registered_domain`, `top_level_domain` and `subdomain`
/// as byte ranges into the value that was split, case as written. An empty part is nil.
///
/// For `www.Example.co.UK/path`: host `www.Example.co.UK`, registered `Example.co.UK`, topLevel `co.UK`,
/// subdomain `www`.
public struct DomainParts: Hashable, Sendable {
    /// The host that was split (scheme, user info, port, path and trailing dots removed); nil when the
    /// value has no host.
    public var host: Range<Int>?
    /// `registered_domain`: the label before the public suffix plus the suffix. Nil when either is empty.
    public var registered: Range<Int>?
    /// `top_level_domain`: the public suffix (ICANN section; `co.uk`, not just `uk`). Nil when unknown.
    public var topLevel: Range<Int>?
    /// `subdomain`: everything before the registered domain's first label, without the final dot.
    public var subdomain: Range<Int>?

    public init(
        host: Range<Int>? = nil,
        registered: Range<Int>? = nil,
        topLevel: Range<Int>? = nil,
        subdomain: Range<Int>? = nil
    ) {
        self.host = host
        self.registered = registered
        self.topLevel = topLevel
        self.subdomain = subdomain
    }
}

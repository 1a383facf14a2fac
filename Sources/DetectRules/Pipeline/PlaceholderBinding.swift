/// What a `%placeholder%` of an `expand` value stands for, as bound by a processing pipeline.
public enum PlaceholderBinding: Hashable, Sendable {
    /// Literal values from the pipeline's `vars` (`value_placeholders`).
    case values([String])
    /// An IOC list by name: the file `NAME.txt` of an IOC directory (`ioc_list_placeholders`).
    case iocList(String)
}

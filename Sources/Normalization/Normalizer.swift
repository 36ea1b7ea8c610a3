/// Text normalisation shared by every adapter (spec §4). (Being written.)
public enum Normalizer {
    public static func clean(_ s: String) -> String { s }
}

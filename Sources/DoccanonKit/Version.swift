/// The tool's version, written into batch and Spark outputs.
public enum DoccanonVersion {
    public static let string = "0.1.0"
}

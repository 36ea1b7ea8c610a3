import CFuzzerDriver

/// Runs libFuzzer with this process's arguments, calling `test` for every input.
public enum FuzzDriver {
    nonisolated(unsafe) private static var test: (([UInt8]) -> Void)?

    public static func run(_ test: @escaping ([UInt8]) -> Void) -> Int32 {
        Self.test = test
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
            FuzzDriver.test?(bytes)
            return 0
        }
    }
}

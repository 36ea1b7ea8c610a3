import DoccanonKit
import FuzzSupport

#if canImport(Glibc)
import Glibc
#endif

// libFuzzer target: one NDJSON batch record line. Content records run the pipeline with the
// format detected from the bytes; path records are parsed but not opened (the fuzzer must not
// read the machine's files).
exit(FuzzDriver.run { line in
    switch BatchRecord.parse(line[...], mode: .ndjson) {
    case .failure(let failure):
        _ = BatchConverter.render(failure)
    case .success(let record):
        if case .bytes = record.content { _ = BatchConverter.convert(record, options: BatchOptions(input: .ndjson)) }
    }
})

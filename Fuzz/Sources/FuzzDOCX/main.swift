import FuzzSupport

#if canImport(Glibc)
import Glibc
#endif

// libFuzzer target: the DOCX adapter through the whole pipeline.
exit(FuzzDriver.run { bytes in FuzzSupport.convert(bytes, name: "fuzz.docx", format: .docx) })

import FuzzSupport

#if canImport(Glibc)
import Glibc
#endif

// libFuzzer target: the PDF adapter (poppler through CPopplerShim) through the whole pipeline.
exit(FuzzDriver.run { bytes in FuzzSupport.convert(bytes, name: "fuzz.pdf", format: .pdf) })

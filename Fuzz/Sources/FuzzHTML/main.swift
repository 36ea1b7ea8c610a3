import FuzzSupport

#if canImport(Glibc)
import Glibc
#endif

// libFuzzer target: the HTML adapter through the whole pipeline.
exit(FuzzDriver.run { bytes in FuzzSupport.convert(bytes, name: "fuzz.html", format: .html) })

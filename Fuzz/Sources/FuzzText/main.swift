import FuzzSupport

#if canImport(Glibc)
import Glibc
#endif

// libFuzzer target: the Text adapter through the whole pipeline.
exit(FuzzDriver.run { bytes in FuzzSupport.convert(bytes, name: "fuzz.txt", format: .text) })

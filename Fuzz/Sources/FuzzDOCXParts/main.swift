import FuzzSupport

#if canImport(Glibc)
import Glibc
#endif

// libFuzzer target: the DOCX adapter's XML readers (document, numbering, styles parts), inside
// a package the harness writes, through the whole pipeline.
exit(FuzzDriver.run { input in
    guard let package = DOCXPackage.package(input) else { return }
    FuzzSupport.convert(package, name: "fuzz.docx", format: .docx)
})

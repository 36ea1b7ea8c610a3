#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CPDFEngineAPI

/// The PDF engine (poppler behind the C API of `doccanon_pdf.h`) is a shared library of its
/// own, `libDoccanonPDF`, built next to the executable. It is loaded on the first PDF only, so
/// that every other run starts without poppler, libstdc++ and the twenty-odd libraries they
/// load. `DOCCANON_PDF_ENGINE` names another path (tests, installs that keep it elsewhere).
struct PDFEngineLibrary: @unchecked Sendable {  // C function pointers into a library never unloaded
    static let environmentVariable = "DOCCANON_PDF_ENGINE"
    #if os(macOS)
    static let fileName = "libDoccanonPDF.dylib"
    #else
    static let fileName = "libDoccanonPDF.so"
    #endif

    let read: dc_pdf_read_fn
    let free: dc_pdf_free_fn
    let render: dc_pdf_render_fn
    let imagesFree: dc_pdf_images_free_fn

    /// Loaded once per process, on first use (a Swift global is initialised once, thread-safely).
    static let shared: Result<PDFEngineLibrary, PDFEngineError> = load()

    static func load() -> Result<PDFEngineLibrary, PDFEngineError> {
        let path = getenv(environmentVariable).map { String(cString: $0) } ?? besideExecutable()
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            return .failure(.engineUnavailable("the PDF engine \(path) could not be loaded (\(reason))"))
        }
        // One lookup per function of doccanon_pdf.h, cast to its *_fn type (not in a generic
        // helper: there a C function type is not a plain pointer).
        guard let read = dlsym(handle, "dc_pdf_read").map({ unsafeBitCast($0, to: dc_pdf_read_fn.self) }),
            let free = dlsym(handle, "dc_pdf_free").map({ unsafeBitCast($0, to: dc_pdf_free_fn.self) }),
            let render = dlsym(handle, "dc_pdf_render").map({ unsafeBitCast($0, to: dc_pdf_render_fn.self) }),
            let imagesFree = dlsym(handle, "dc_pdf_images_free").map({ unsafeBitCast($0, to: dc_pdf_images_free_fn.self) })
        else {
            return .failure(.engineUnavailable("the PDF engine \(path) lacks the functions of doccanon_pdf.h (another version?)"))
        }
        return .success(PDFEngineLibrary(read: read, free: free, render: render, imagesFree: imagesFree))
    }

    /// `libDoccanonPDF` in the directory of the running executable (symbolic links resolved).
    static func besideExecutable() -> String {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return fileName }
        let executable = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return executable.prefix(upTo: executable.lastIndex(of: "/") ?? executable.startIndex) + "/" + fileName
        #else
        return "@executable_path/" + fileName
        #endif
    }
}

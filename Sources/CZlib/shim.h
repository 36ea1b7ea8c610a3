#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 is a macro (it passes the library version and the stream size); Swift cannot
// call macros. Raw deflate (negative window bits): ZIP entries carry no zlib header.
static inline int doccanon_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
#endif

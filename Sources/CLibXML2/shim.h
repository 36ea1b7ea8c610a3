#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; its <unicode/*.h> clash with Foundation's bundled
   ICU under Swift 6.3.1 ("'UErrorCode' has different definitions in different modules",
   swiftlang/swift#88485). Undefining the flag only drops two trailing uconv pointers from
   xmlCharEncodingHandler, a struct this project never allocates or copies. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>

/* xmlFree is a global function-pointer variable, which Swift 6 rejects as shared mutable state. */
static inline void cxml_free(void *ptr) { xmlFree(ptr); }
#endif
